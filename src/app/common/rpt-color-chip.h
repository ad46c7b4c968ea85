/* rpt-color-chip.h: a small rounded swatch of a label's colour, used in the
 * annotation list, the label and link choosers and the labels editor.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RPT_TYPE_COLOR_CHIP (rpt_color_chip_get_type ())
G_DECLARE_FINAL_TYPE (RptColorChip, rpt_color_chip, RPT, COLOR_CHIP, GtkWidget)

GtkWidget  *rpt_color_chip_new       (const char   *color);
/* "#rrggbb"; NULL or an unparsable string draws nothing. */
void        rpt_color_chip_set_color (RptColorChip *self,
                                      const char   *color);

G_END_DECLS
