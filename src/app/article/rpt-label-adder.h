/* rpt-label-adder.h: the popover that appears at a mouse selection with one
 * button per label (colour, name, shortcut key), like the "adder" of web
 * annotators. Each button activates "article.tag" with its label's id, so
 * it works wherever the parent provides that action.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RPT_TYPE_LABEL_ADDER (rpt_label_adder_get_type ())
G_DECLARE_FINAL_TYPE (RptLabelAdder, rpt_label_adder, RPT, LABEL_ADDER, GtkPopover)

/* @labels: a GListModel of RptLabel (the project's, in user order). */
void       rpt_label_adder_set_labels (RptLabelAdder      *self,
                                       GListModel         *labels);
/* Shows the labels' buttons pointing at @rect (parent coordinates). */
void       rpt_label_adder_popup_at   (RptLabelAdder      *self,
                                       const GdkRectangle *rect);

G_END_DECLS
