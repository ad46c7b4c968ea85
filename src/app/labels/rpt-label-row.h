/* rpt-label-row.h: one label in the labels editor: an expander row with
 * its colour, name and use count, that opens to edit the name, colour
 * (GNOME palette or custom), shortcut key and description. Moving and
 * removing are the dialog's actions ("labels.move-up", "labels.move-down",
 * "labels.remove", each with the label id), as they involve the whole list.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rpt-core.h"

G_BEGIN_DECLS

#define RPT_TYPE_LABEL_ROW (rpt_label_row_get_type ())
G_DECLARE_FINAL_TYPE (RptLabelRow, rpt_label_row, RPT, LABEL_ROW, AdwExpanderRow)

GtkWidget *rpt_label_row_new       (RptProject  *project,
                                    RptLabel    *label);
RptLabel  *rpt_label_row_get_label (RptLabelRow *self);
/* Expands the row and puts the cursor in the name, all selected. */
void       rpt_label_row_edit_name (RptLabelRow *self);
/* Refreshes the use count and every field not being edited. */
void       rpt_label_row_update    (RptLabelRow *self);

/* The palette offered for labels: GNOME's, as "#rrggbb", NULL-terminated,
 * with translated names in the same order. */
const char * const *rpt_label_palette_colors (void);
const char         *rpt_label_palette_name   (guint index);

/* Signals:
 *   "error" (const char *message): the project refused an edit */

G_END_DECLS
