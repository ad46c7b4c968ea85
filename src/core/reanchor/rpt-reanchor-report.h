/* rpt-reanchor-report.h: what re-anchoring did, document by document: how
 * many annotations were found exactly, by their context, fuzzily, and how
 * many are orphans now (see rpt_project_replace_document_text and
 * rpt_project_load_from_data_full).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "rpt-anchor.h"

G_BEGIN_DECLS

#define RPT_TYPE_REANCHOR_REPORT (rpt_reanchor_report_get_type ())
typedef struct _RptReanchorReport RptReanchorReport;

GType               rpt_reanchor_report_get_type        (void) G_GNUC_CONST;
RptReanchorReport  *rpt_reanchor_report_ref             (RptReanchorReport *self);
void                rpt_reanchor_report_unref           (RptReanchorReport *self);

/* The documents whose annotations were re-anchored, in the project's
 * order; none when every text was unchanged. */
guint               rpt_reanchor_report_get_n_documents (RptReanchorReport *self);
const char         *rpt_reanchor_report_get_document    (RptReanchorReport *self,
                                                         guint              index);
/* Every annotation of a re-anchored document, orphans that were tried
 * again included, is counted once: under RPT_ANCHOR_EXACT, _CONTEXT or
 * _FUZZY if it is placed now, under RPT_ANCHOR_ORPHAN if it is an orphan
 * now. */
guint               rpt_reanchor_report_get_count       (RptReanchorReport *self,
                                                         guint              index,
                                                         RptAnchorResult    result);
/* The same, summed over the documents. */
guint               rpt_reanchor_report_get_total       (RptReanchorReport *self,
                                                         RptAnchorResult    result);
/* The ids of those annotations, NULL-terminated, in the order they were
 * in before (text order, then the document's older orphans). Fuzzy
 * placements are the ones worth a look. */
const char * const *rpt_reanchor_report_get_ids         (RptReanchorReport *self,
                                                         guint              index,
                                                         RptAnchorResult    result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RptReanchorReport, rpt_reanchor_report_unref)

G_END_DECLS
