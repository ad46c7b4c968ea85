/* rpt-label-bar.h: a row of buttons, one per label (colour swatch, name,
 * shortcut key), above the article. Each button activates an action with
 * the label id as its target; the bar rebuilds itself when the labels change.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RPT_TYPE_LABEL_BAR (rpt_label_bar_get_type ())
G_DECLARE_FINAL_TYPE (RptLabelBar, rpt_label_bar, RPT, LABEL_BAR, GtkWidget)

/* A GListModel of RptLabel (not owned beyond the bar's reference). */
void        rpt_label_bar_set_labels      (RptLabelBar *self,
                                           GListModel  *labels);
/* Property "action-name": a detailed action taking the label id ("s"). */
void        rpt_label_bar_set_action_name (RptLabelBar *self,
                                           const char  *action_name);
/* The button for @label_id, or NULL (for tests). */
GtkWidget  *rpt_label_bar_get_button      (RptLabelBar *self,
                                           const char  *label_id);

G_END_DECLS
