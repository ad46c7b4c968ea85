/* rpt-find-bar-list.c: Find in All Articles: the list under the search
 * bar, its rows (rpt-find-results-model.c), and going to the match a row
 * is activated for (a click, or Enter on the row).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include "rpt-find-bar-private.h"

/* The rows come after the frame (rpt-find-results-model.h): this runs
 * again as they do. */
void
_rpt_find_bar_select_row (RptFindBar *self)
{
  guint position;

  if (self->current < 0 || !gtk_check_button_get_active (self->all_check))
    return;
  position = rpt_find_results_model_get_position (self->model, (guint) self->current);
  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->model)) ||
      gtk_single_selection_get_selected (self->selection) == position)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->results_view), "list.scroll-to-item", "u", position);
}

static void
on_result_activated (GtkListView *list,
                     guint        position,
                     RptFindBar  *self)
{
  g_autoptr(RptFindItem) row = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (row == NULL || rpt_find_item_get_index (row) < 0)
    return;
  self->moved = TRUE;
  _rpt_find_bar_go_to (self, (guint) rpt_find_item_get_index (row));
}

void
_rpt_find_bar_init_list (RptFindBar *self)
{
  g_autoptr(GtkListItemFactory) factory = rpt_find_results_model_create_factory ();

  self->model = rpt_find_results_model_new ();
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_factory (self->results_view, factory);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->results_view, "activate", G_CALLBACK (on_result_activated), self, 0);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (_rpt_find_bar_select_row), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}
