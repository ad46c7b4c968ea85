/* rpt-summary-entry.h: one item of the Summary view's lists: a position in
 * an immutable RptSummary (a row of the threads, or an article).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "rpt-summary.h"

G_BEGIN_DECLS

#define RPT_TYPE_SUMMARY_ENTRY (rpt_summary_entry_get_type ())
G_DECLARE_FINAL_TYPE (RptSummaryEntry, rpt_summary_entry, RPT, SUMMARY_ENTRY, GObject)

RptSummaryEntry *rpt_summary_entry_new         (RptSummary      *summary,
                                                guint            index);
RptSummary      *rpt_summary_entry_get_summary (RptSummaryEntry *self);
guint            rpt_summary_entry_get_index   (RptSummaryEntry *self);

G_END_DECLS
