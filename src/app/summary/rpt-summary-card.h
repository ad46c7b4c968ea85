/* rpt-summary-card.h: one statement of the Summary view: the label's colour
 * and name, the speaker, the quote, its source article, and a "reported by
 * N of M articles" button listing every report.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rpt-summary.h"

G_BEGIN_DECLS

#define RPT_TYPE_SUMMARY_CARD (rpt_summary_card_get_type ())
G_DECLARE_FINAL_TYPE (RptSummaryCard, rpt_summary_card, RPT, SUMMARY_CARD, GtkWidget)

GtkWidget *rpt_summary_card_new           (void);
/* Shows row @row of @summary. The card stands for the report in
 * @document (an article index) when the statement has one there, else for
 * its first report. */
void       rpt_summary_card_set_row       (RptSummaryCard *self,
                                           RptSummary     *summary,
                                           guint          row,
                                           int            document);

/* Signals:
 *   "activated" (guint statement): the card was clicked (action
 *   "card.activate"), or one of its reports was picked from the list. */

G_END_DECLS
