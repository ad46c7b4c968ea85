/* rpt-color-swatch.h: a small rounded square in a label's colour, for the
 * adder popover, the overlap chooser and lists of labels.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RPT_TYPE_COLOR_SWATCH (rpt_color_swatch_get_type ())
G_DECLARE_FINAL_TYPE (RptColorSwatch, rpt_color_swatch, RPT, COLOR_SWATCH, GtkWidget)

/* @color: "#rrggbb" (or any gdk_rgba_parse() string); NULL draws nothing. */
GtkWidget  *rpt_color_swatch_new       (const char     *color);
const char *rpt_color_swatch_get_color (RptColorSwatch *self);
void        rpt_color_swatch_set_color (RptColorSwatch *self,
                                        const char     *color);

G_END_DECLS
