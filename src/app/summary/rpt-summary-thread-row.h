/* rpt-summary-thread-row.h: one line of the script: a card placed in its
 * speaker's lane (the first main speaker on the left, the second on the
 * right, everyone else between), indented by its depth in the thread, and
 * the connector lines that join an answer to what it answers.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rpt-summary.h"

G_BEGIN_DECLS

typedef enum {
  RPT_SUMMARY_LANE_START,
  RPT_SUMMARY_LANE_MIDDLE,
  RPT_SUMMARY_LANE_END,
} RptSummaryLane;

#define RPT_TYPE_SUMMARY_THREAD_ROW (rpt_summary_thread_row_get_type ())
G_DECLARE_FINAL_TYPE (RptSummaryThreadRow, rpt_summary_thread_row, RPT, SUMMARY_THREAD_ROW, GtkWidget)

/* Takes @card as its only child. */
GtkWidget *rpt_summary_thread_row_new      (GtkWidget           *card);
GtkWidget *rpt_summary_thread_row_get_card (RptSummaryThreadRow *self);
/* Depth, connector flags and lines from @row; the lane from the row's
 * speaker. */
void       rpt_summary_thread_row_set_row  (RptSummaryThreadRow *self,
                                            const RptSummaryRow *row,
                                            RptSummaryLane       lane);

G_END_DECLS
