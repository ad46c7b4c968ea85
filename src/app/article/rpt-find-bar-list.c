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
on_after_paint (GdkFrameClock *clock,
                RptFindBar    *self)
{
  g_clear_signal_handler (&self->list_handler, clock);
  g_clear_object (&self->list_clock);
  rpt_find_results_model_announce (self->model);
}

void
_rpt_find_bar_update_list_rows (RptFindBar *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->list_handler != 0)
    return;
  if (clock == NULL)
    {
      rpt_find_results_model_announce (self->model);
      return;
    }
  self->list_clock = g_object_ref (clock);
  self->list_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

void
_rpt_find_bar_dispose_list (RptFindBar *self)
{
  if (self->list_clock != NULL)
    g_clear_signal_handler (&self->list_handler, self->list_clock);
  g_clear_object (&self->list_clock);
}

static void
on_result_activated (GtkListView *list,
                     guint        position,
                     RptFindBar  *self)
{
  g_autoptr(RptFindItem) row = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  /* A row of the last search, still there for a moment. */
  if (row == NULL || rpt_find_item_get_index (row) < 0 ||
      rpt_find_results_model_get_results (self->model) != self->results)
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
