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

/* Order used everywhere: (start, end, id). */
int         rpt_annotation_compare      (RptAnnotation *a,
                                         RptAnnotation *b);

G_END_DECLS
