/* rpt-summary-rows.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Summary"

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

void
rpt_summary_rows_update (RptSummaryRows          *self,
                         RptSummary              *summary,
                         GArray                  *positions,
                         RptSummaryRowsEqualFunc  equal,
                         gpointer                 user_data)
{
  RptSummary *old_summary;
  GArray *old_positions;
  guint n_old, n_new, prefix = 0, suffix = 0;

  g_return_if_fail (RPT_IS_SUMMARY_ROWS (self));

  if (self->summary == NULL || summary == NULL || positions == NULL || self->positions == NULL)
    {
      rpt_summary_rows_set (self, summary, positions);
      return;
    }
  old_summary = g_steal_pointer (&self->summary);
  old_positions = g_steal_pointer (&self->positions);
  n_old = old_positions->len;
  n_new = positions->len;
  while (prefix < n_old && prefix < n_new &&
         equal (old_summary, g_array_index (old_positions, guint, prefix),
                summary, g_array_index (positions, guint, prefix), user_data))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         equal (old_summary, g_array_index (old_positions, guint, n_old - 1 - suffix),
                summary, g_array_index (positions, guint, n_new - 1 - suffix), user_data))
    suffix++;

  self->summary = rpt_summary_ref (summary);
  self->positions = positions;
  if (n_old - prefix - suffix > 0 || n_new - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, n_old - prefix - suffix, n_new - prefix - suffix);
  rpt_summary_unref (old_summary);
  g_array_unref (old_positions);
}
