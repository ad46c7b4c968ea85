/* rpt-reanchor-report.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Reanchor"

#include "config.h"

#include "rpt-reanchor-private.h"
#include "rpt-reanchor-report.h"

#define N_RESULTS (RPT_ANCHOR_FUZZY + 1)

typedef struct
{
  char      *document;
  GPtrArray *ids[N_RESULTS];   /* char *, NULL-terminated */
} Entry;

struct _RptReanchorReport
{
  gatomicrefcount  ref_count;
  GArray          *entries;    /* Entry */
};

G_DEFINE_BOXED_TYPE (RptReanchorReport, rpt_reanchor_report, rpt_reanchor_report_ref, rpt_reanchor_report_unref)

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->document);
  for (guint r = 0; r < N_RESULTS; r++)
    g_ptr_array_unref (entry->ids[r]);
}

RptReanchorReport *
_rpt_reanchor_report_new (void)
{
  RptReanchorReport *self = g_new0 (RptReanchorReport, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  return self;
}

RptReanchorReport *
rpt_reanchor_report_ref (RptReanchorReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rpt_reanchor_report_unref (RptReanchorReport *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->entries);
      g_free (self);
    }
}

guint
_rpt_reanchor_report_add_document (RptReanchorReport *self,
                                   const char        *document_id)
{
  Entry entry = { g_strdup (document_id), { NULL } };

  for (guint r = 0; r < N_RESULTS; r++)
    {
      entry.ids[r] = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (entry.ids[r], NULL);
    }
  g_array_append_val (self->entries, entry);
  return self->entries->len - 1;
}

void
_rpt_reanchor_report_add (RptReanchorReport *self,
                          guint              index,
                          RptAnchorResult    result,
                          const char        *annotation_id)
{
  GPtrArray *ids;

  g_return_if_fail (index < self->entries->len && result < N_RESULTS);
  ids = g_array_index (self->entries, Entry, index).ids[result];
  /* Keep the terminating NULL last. */
  g_ptr_array_insert (ids, ids->len - 1, g_strdup (annotation_id));
}

guint
rpt_reanchor_report_get_n_documents (RptReanchorReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entries->len;
}

const char *
rpt_reanchor_report_get_document (RptReanchorReport *self,
                                  guint              index)
{
  g_return_val_if_fail (self != NULL && index < self->entries->len, NULL);
  return g_array_index (self->entries, Entry, index).document;
}

guint
rpt_reanchor_report_get_count (RptReanchorReport *self,
                               guint              index,
                               RptAnchorResult    result)
{
  g_return_val_if_fail (self != NULL && index < self->entries->len && result < N_RESULTS, 0);
  return g_array_index (self->entries, Entry, index).ids[result]->len - 1;
}

guint
rpt_reanchor_report_get_total (RptReanchorReport *self,
                               RptAnchorResult    result)
{
  guint total = 0;

  g_return_val_if_fail (self != NULL && result < N_RESULTS, 0);
  for (guint i = 0; i < self->entries->len; i++)
    total += rpt_reanchor_report_get_count (self, i, result);
  return total;
}

const char * const *
rpt_reanchor_report_get_ids (RptReanchorReport *self,
                             guint              index,
                             RptAnchorResult    result)
{
  g_return_val_if_fail (self != NULL && index < self->entries->len && result < N_RESULTS, NULL);
  return (const char * const *) g_array_index (self->entries, Entry, index).ids[result]->pdata;
}
