/* rpt-list-reveal.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include "rpt-list-reveal.h"

/* About a frame's work for rows of a millisecond each. */
#define ROWS_PER_FRAME 16
/* A little over GTK_LIST_VIEW_MAX_LIST_ITEMS (200). */
#define ALL_FROM 256

struct _RptListReveal
{
  GtkListView       *list;
  GListModel        *source;
  GtkSliceListModel *shown;
  guint              tick;
};

RptListReveal *
rpt_list_reveal_new (GtkListView *list,
                     GListModel  *source)
{
  RptListReveal *self = g_new0 (RptListReveal, 1);
  g_autoptr(GtkNoSelection) selection = NULL;

  self->list = list;
  self->source = source;
  self->shown = gtk_slice_list_model_new (g_object_ref (source), 0, G_MAXUINT);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_list_view_set_model (list, GTK_SELECTION_MODEL (selection));
  return self;
}

static gboolean
reveal_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  RptListReveal *self = data;
  guint size = gtk_slice_list_model_get_size (self->shown) + ROWS_PER_FRAME;

  if (size < ALL_FROM && size < g_list_model_get_n_items (self->source))
    {
      gtk_slice_list_model_set_size (self->shown, size);
      return G_SOURCE_CONTINUE;
    }
  self->tick = 0;
  gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
  return G_SOURCE_REMOVE;
}

void
rpt_list_reveal_start (RptListReveal *self)
{
  gtk_slice_list_model_set_size (self->shown, ROWS_PER_FRAME);
  if (self->tick == 0)
    self->tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list), reveal_tick, self, NULL);
}

void
rpt_list_reveal_finish (RptListReveal *self)
{
  if (self->tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list), self->tick);
  self->tick = 0;
  gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
}

void
rpt_list_reveal_free (RptListReveal *self)
{
  if (self == NULL)
    return;
  if (self->tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list), self->tick);
  g_object_unref (self->shown);
  g_free (self);
}
