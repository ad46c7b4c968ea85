/* rpt-summary-view.h: the Summary page: the exchange as a script by speaker,
 * rebuttals threaded under the claims they rebut, statements reported by
 * several articles shown once with "reported by N of M articles", per-article
 * coverage, charts with Export Chart, and filters. Recomputed off the main
 * thread, debounced, whenever the project changes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rpt-core.h"

G_BEGIN_DECLS

#define RPT_TYPE_SUMMARY_VIEW (rpt_summary_view_get_type ())
G_DECLARE_FINAL_TYPE (RptSummaryView, rpt_summary_view, RPT, SUMMARY_VIEW, GtkWidget)

GtkWidget *rpt_summary_view_new         (void);
/* Not owned; signals connected with g_signal_connect_object. */
void       rpt_summary_view_set_project (RptSummaryView *self,
                                         RptProject     *project);

/* Signals:
 *   "annotation-activated" (RptAnnotation *): an entry was clicked; the
 *   window switches to Annotate, opens its article and reveals its span. */

G_END_DECLS
