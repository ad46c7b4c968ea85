/* rpt-summary-rows.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rpt-summary-entry.h"
#include "rpt-summary-rows.h"

struct _RptSummaryRows
{
  GObject     parent_instance;

  RptSummary *summary;
  GArray     *positions;   /* guint */
};

static GType
rpt_summary_rows_get_item_type (GListModel *model)
{
  return RPT_TYPE_SUMMARY_ENTRY;
}

static guint
rpt_summary_rows_get_n_items (GListModel *model)
{
  RptSummaryRows *self = RPT_SUMMARY_ROWS (model);

  return self->positions ? self->positions->len : 0;
}

static gpointer
rpt_summary_rows_get_item (GListModel *model,
                           guint       position)
{
  RptSummaryRows *self = RPT_SUMMARY_ROWS (model);

  if (self->positions == NULL || position >= self->positions->len)
    return NULL;
  return rpt_summary_entry_new (self->summary, g_array_index (self->positions, guint, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rpt_summary_rows_get_item_type;
  iface->get_n_items = rpt_summary_rows_get_n_items;
  iface->get_item = rpt_summary_rows_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (RptSummaryRows, rpt_summary_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
rpt_summary_rows_finalize (GObject *object)
{
  RptSummaryRows *self = RPT_SUMMARY_ROWS (object);

  g_clear_pointer (&self->summary, rpt_summary_unref);
  g_clear_pointer (&self->positions, g_array_unref);

  G_OBJECT_CLASS (rpt_summary_rows_parent_class)->finalize (object);
}

static void
rpt_summary_rows_class_init (RptSummaryRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rpt_summary_rows_finalize;
}

static void
rpt_summary_rows_init (RptSummaryRows *self)
{
}

RptSummaryRows *
rpt_summary_rows_new (void)
{
  return g_object_new (RPT_TYPE_SUMMARY_ROWS, NULL);
}

void
rpt_summary_rows_set (RptSummaryRows *self,
                      RptSummary     *summary,
                      GArray         *positions)
{
  guint removed, added;

  g_return_if_fail (RPT_IS_SUMMARY_ROWS (self));

  removed = self->positions ? self->positions->len : 0;
  added = positions ? positions->len : 0;
  if (summary)
    rpt_summary_ref (summary);
  g_clear_pointer (&self->summary, rpt_summary_unref);
  g_clear_pointer (&self->positions, g_array_unref);
  self->summary = summary;
  self->positions = positions;
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
}

guint
rpt_summary_rows_find (RptSummaryRows *self,
                       guint           index)
{
  guint lo = 0, hi;

  g_return_val_if_fail (RPT_IS_SUMMARY_ROWS (self), G_MAXUINT);
  if (self->positions == NULL)
    return G_MAXUINT;
  /* Positions are ascending. */
  hi = self->positions->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      guint value = g_array_index (self->positions, guint, mid);

      if (value == index)
        return mid;
      if (value < index)
        lo = mid + 1;
      else
        hi = mid;
    }
  return G_MAXUINT;
}
