/* rpt-project-reanchor.h: the project's edits that place annotations again
 * (rpt-project-reanchor.c): an orphan put back by hand, and an article's
 * text replaced with its annotations re-anchored.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rpt-project.h"
#include "rpt-reanchor-report.h"

G_BEGIN_DECLS

/* Puts the orphan @orphan_id back into its document at [start, end), as a
 * placed annotation (its modified time becomes now). Fails, changing
 * nothing, for an unknown id (RPT_ERROR_NOT_FOUND), an empty, reversed or
 * out-of-range span, or a span that already has its label
 * (RPT_ERROR_INVALID). One undo step, "Place Annotation". */
gboolean       rpt_project_place_orphan        (RptProject  *self,
                                                const char  *orphan_id,
                                                guint        start,
                                                guint        end,
                                                GError     **error);

/* Replaces the text of document @document_id (a corrected version of the
 * article) and re-anchors its annotations by their quote and context, and
 * tries its orphans again (rpt-anchor.h): those found move to their new
 * place, the rest become orphans. The document keeps its id, title and
 * source; its sha256 and length follow the new text. One undo step,
 * "Replace Article Text"; undo restores the previous state exactly.
 *
 * What views see, in this order: annotation-removed for each annotation of
 * the document, last first (at its old place, in the old text), and the
 * orphans list loses those of its orphans that are found again; the
 * documents list replaces the old RptDocument with a new one at the same
 * position (items-changed position, 1, 1; the annotation store of the id
 * stays the same object); the orphans list gains the annotations not
 * found; annotation-added for each one placed in the new text, in text
 * order; then "changed". Undo emits the reverse, in reverse order.
 *
 * @new_text must be UTF-8 and at most RPT_MAX_ARTICLE_CHARS long;
 * otherwise, or for an unknown id, it fails and changes nothing. A text
 * identical to the current one changes nothing and reports every
 * annotation as exact. @report (optional) receives what happened. Runs on
 * the calling thread: see the async variant for long articles. */
gboolean       rpt_project_replace_document_text (RptProject         *self,
                                                  const char         *document_id,
                                                  const char         *new_text,
                                                  RptReanchorReport **report,
                                                  GError            **error);
/* The same, with the searching done in a worker thread on a snapshot; the
 * project is changed on the calling thread when it completes (re-planned
 * there if the project was edited in between). */
void           rpt_project_replace_document_text_async  (RptProject          *self,
                                                         const char          *document_id,
                                                         const char          *new_text,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean       rpt_project_replace_document_text_finish (RptProject          *self,
                                                         GAsyncResult        *result,
                                                         RptReanchorReport  **report,
                                                         GError             **error);

G_END_DECLS
