/* rpt-annotation.h: a labelled span of one document.
 * Offsets are Unicode code points, end exclusive.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RPT_TYPE_ANNOTATION (rpt_annotation_get_type ())
G_DECLARE_FINAL_TYPE (RptAnnotation, rpt_annotation, RPT, ANNOTATION, GObject)

const char *rpt_annotation_get_id       (RptAnnotation *self);
const char *rpt_annotation_get_document (RptAnnotation *self);
guint       rpt_annotation_get_start    (RptAnnotation *self);
guint       rpt_annotation_get_end      (RptAnnotation *self);
const char *rpt_annotation_get_label    (RptAnnotation *self);
/* NULL when unattributed. */
const char *rpt_annotation_get_speaker  (RptAnnotation *self);
/* Never NULL; "" when empty. */
const char *rpt_annotation_get_note     (RptAnnotation *self);
const char *rpt_annotation_get_author   (RptAnnotation *self);
/* Microseconds since the Unix epoch, UTC, in whole seconds; -1 when the
 * project file did not give one. */
gint64      rpt_annotation_get_created  (RptAnnotation *self);
gint64      rpt_annotation_get_modified (RptAnnotation *self);

/* An orphan lost its place when its document's text changed (see
 * rpt_project_get_orphans): it keeps the text it quoted and RPT_ANCHOR_
 * CONTEXT_CHARS code points of context each side, and its start and end
 * are where it last was, in an older text (they may not fit the current
 * one). For a placed annotation all three are NULL: its quote is its
 * document's text at [start, end). The quote of an orphan is "" when it
 * was never known (a file without quotes whose text changed). */
gboolean    rpt_annotation_is_orphan    (RptAnnotation *self);
const char *rpt_annotation_get_quote    (RptAnnotation *self);
const char *rpt_annotation_get_prefix   (RptAnnotation *self);
const char *rpt_annotation_get_suffix   (RptAnnotation *self);

/* Order used everywhere: (start, end, id). */
int         rpt_annotation_compare      (RptAnnotation *a,
                                         RptAnnotation *b);

G_END_DECLS
