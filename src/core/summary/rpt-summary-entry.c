/* rpt-summary-entry.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Summary"

#include "config.h"

#include "rpt-summary-entry.h"

struct _RptSummaryEntry
{
  GObject     parent_instance;

  RptSummary *summary;
  guint       index;
};

G_DEFINE_FINAL_TYPE (RptSummaryEntry, rpt_summary_entry, G_TYPE_OBJECT)

static void
rpt_summary_entry_finalize (GObject *object)
{
  RptSummaryEntry *self = RPT_SUMMARY_ENTRY (object);

  g_clear_pointer (&self->summary, rpt_summary_unref);

  G_OBJECT_CLASS (rpt_summary_entry_parent_class)->finalize (object);
}

static void
rpt_summary_entry_class_init (RptSummaryEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rpt_summary_entry_finalize;
}

static void
rpt_summary_entry_init (RptSummaryEntry *self)
{
}

RptSummaryEntry *
rpt_summary_entry_new (RptSummary *summary,
                       guint       index)
{
  RptSummaryEntry *self = g_object_new (RPT_TYPE_SUMMARY_ENTRY, NULL);

  self->summary = rpt_summary_ref (summary);
  self->index = index;
  return self;
}

RptSummary *
rpt_summary_entry_get_summary (RptSummaryEntry *self)
{
  g_return_val_if_fail (RPT_IS_SUMMARY_ENTRY (self), NULL);
  return self->summary;
}

guint
rpt_summary_entry_get_index (RptSummaryEntry *self)
{
  g_return_val_if_fail (RPT_IS_SUMMARY_ENTRY (self), 0);
  return self->index;
}
