/* rpt-document.h: one imported article; its text never changes after import.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rpt-article-meta.h"

G_BEGIN_DECLS

#define RPT_TYPE_DOCUMENT (rpt_document_get_type ())
G_DECLARE_FINAL_TYPE (RptDocument, rpt_document, RPT, DOCUMENT, GObject)

RptDocument *rpt_document_new            (const char  *id,
                                          const char  *title,
                                          const char  *source,
                                          const char  *text);
const char  *rpt_document_get_id         (RptDocument *self);
const char  *rpt_document_get_title      (RptDocument *self);
const char  *rpt_document_get_source     (RptDocument *self);
/* The source metadata; never NULL (empty when unknown). */
const RptArticleMeta *rpt_document_get_meta (RptDocument *self);
/* Replaces the metadata with a copy of @meta (NULL clears it). For a
 * document not yet in a project (readers, importers); a project's
 * documents change through the project, as one undo step. */
void         rpt_document_set_meta       (RptDocument          *self,
                                          const RptArticleMeta *meta);
/* UTF-8, exactly as imported (CRLF kept). */
const char  *rpt_document_get_text       (RptDocument *self);
gsize        rpt_document_get_text_bytes (RptDocument *self);
/* Length in Unicode code points. */
guint        rpt_document_get_length     (RptDocument *self);
/* Lower-case hex SHA-256 of the UTF-8 text. */
const char  *rpt_document_get_sha256     (RptDocument *self);
/* Number of annotations in this document (kept up to date by the project). */
guint        rpt_document_get_n_annotations (RptDocument *self);

/* Code point offset -> byte offset into the text; O(1) amortised. */
gsize        rpt_document_byte_offset    (RptDocument *self,
                                          guint        char_offset);
/* Copy of text[start:end] in code points. */
char        *rpt_document_dup_slice      (RptDocument *self,
                                          guint        start,
                                          guint        end);
/* Code point offset -> UTF-16 code unit offset. */
guint        rpt_document_utf16_offset   (RptDocument *self,
                                          guint        char_offset);

G_END_DECLS
