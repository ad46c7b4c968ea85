/* rpt-summary-coverage-row.h: one article in the Summary view's coverage
 * list: how many of the statements reported by several articles it carries,
 * and, on demand, the ones it left out.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rpt-summary.h"

G_BEGIN_DECLS

#define RPT_TYPE_SUMMARY_COVERAGE_ROW (rpt_summary_coverage_row_get_type ())
G_DECLARE_FINAL_TYPE (RptSummaryCoverageRow, rpt_summary_coverage_row, RPT, SUMMARY_COVERAGE_ROW, GtkWidget)

GtkWidget *rpt_summary_coverage_row_new          (void);
void       rpt_summary_coverage_row_set_document (RptSummaryCoverageRow *self,
                                                  RptSummary            *summary,
                                                  guint                  document);

/* Signals:
 *   "group-activated" (guint group): a left-out statement was clicked. */

G_END_DECLS
