/* rpt-reanchor-private.h: re-anchoring, for the two project readers
 * (rpt-project-reader.c, rpt-project-fast-reader.c) and the edits in
 * rpt-project-reanchor.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (RPT_REANCHOR_COMPILATION) && !defined (RPT_FILE_COMPILATION)
# error "rpt-reanchor-private.h is private to src/core/reanchor and src/core/file (docs/ARCHITECTURE.md)."
#endif

#include "rpt-project-loader.h"
#include "rpt-project.h"
#include "rpt-reanchor-report.h"

G_BEGIN_DECLS

/* Re-anchoring reports (rpt-reanchor-report.c). */
RptReanchorReport *_rpt_reanchor_report_new          (void);
guint              _rpt_reanchor_report_add_document (RptReanchorReport *self,
                                                      const char        *document_id);
void               _rpt_reanchor_report_add          (RptReanchorReport *self,
                                                      guint              index,
                                                      RptAnchorResult    result,
                                                      const char        *annotation_id);

/* Checks the optional "quote", "prefix" and "suffix" of an annotation at
 * [start, end) (within the text) against @document's text: the quote must
 * be the span, the prefix must end where it starts and the suffix begin
 * where it ends. Returns the name of the first member that disagrees, or
 * NULL. NULL members are not checked. */
const char *_rpt_anchor_check            (RptDocument       *document,
                                          guint              start,
                                          guint              end,
                                          const char        *quote,
                                          const char        *prefix,
                                          const char        *suffix);

/* Annotations to place in a text that changed: an array of jobs, each
 * holding a reference to the annotation and copies of its label and its
 * stored quote and context (@quote NULL when the file had none). */
GArray     *_rpt_anchor_jobs_new         (void);
void        _rpt_anchor_jobs_add         (GArray            *jobs,
                                          RptAnnotation     *annotation,
                                          const char        *quote,
                                          const char        *prefix,
                                          const char        *suffix,
                                          gboolean           was_orphan);
/* For a load with RPT_LOAD_REANCHOR: places the jobs (annotations and
 * orphans read for @document, whose text changed, not yet loaded) in
 * @document's text and adds each to @loader, placed or orphaned. Adds a
 * line to @report (may be NULL). */
void        _rpt_project_reanchor_loaded (RptProjectLoader  *loader,
                                          RptDocument       *document,
                                          GArray            *jobs,
                                          RptReanchorReport *report);

G_END_DECLS
