/* rpt-summary-rows.h: a GListModel of RptSummaryEntry over a list of
 * positions in a summary (the visible thread rows, or the articles). Items
 * are made on demand, so a list view over 100,000 rows only ever creates
 * the few it shows.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rpt-summary.h"

G_BEGIN_DECLS

#define RPT_TYPE_SUMMARY_ROWS (rpt_summary_rows_get_type ())
G_DECLARE_FINAL_TYPE (RptSummaryRows, rpt_summary_rows, RPT, SUMMARY_ROWS, GObject)

RptSummaryRows *rpt_summary_rows_new       (void);
/* Replaces the contents: @positions (taken; NULL for none) index into
 * @summary (may be NULL when @positions is). Emits one items-changed. */
void            rpt_summary_rows_set       (RptSummaryRows *self,
                                            RptSummary     *summary,
                                            GArray         *positions);
/* Whether position @a of summary @sa shows exactly what position @b of
 * summary @sb shows. */
typedef gboolean (*RptSummaryRowsEqualFunc) (RptSummary *sa,
                                             guint       a,
                                             RptSummary *sb,
                                             guint       b,
                                             gpointer    user_data);

/* Like rpt_summary_rows_set(), but announces as changed only the stretch
 * between the longest unchanged beginning and end (by @equal), so that a
 * small edit rebinds a few rows instead of rebuilding every visible one.
 * Rows left in place keep showing the previous summary, which shows the
 * same thing. */
void            rpt_summary_rows_update    (RptSummaryRows          *self,
                                            RptSummary              *summary,
                                            GArray                  *positions,
                                            RptSummaryRowsEqualFunc  equal,
                                            gpointer                 user_data);
/* The model position of summary position @index, or G_MAXUINT. */
guint           rpt_summary_rows_find      (RptSummaryRows *self,
                                            guint           index);

G_END_DECLS
