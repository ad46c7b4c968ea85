/* rpt-annotation-store.h: the annotations of one document, kept sorted by
 * (start, end, id), as a GListModel of RptAnnotation.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "rpt-annotation.h"

G_BEGIN_DECLS

#define RPT_TYPE_ANNOTATION_STORE (rpt_annotation_store_get_type ())
G_DECLARE_FINAL_TYPE (RptAnnotationStore, rpt_annotation_store, RPT, ANNOTATION_STORE, GObject)

RptAnnotationStore *rpt_annotation_store_new          (void);
/* Borrowed pointer; index in text order. */
RptAnnotation      *rpt_annotation_store_get          (RptAnnotationStore *self,
                                                       guint               position);
guint               rpt_annotation_store_get_n_items  (RptAnnotationStore *self);
/* Position of @annotation, or G_MAXUINT if absent. O(log n). */
guint               rpt_annotation_store_find         (RptAnnotationStore *self,
                                                       RptAnnotation      *annotation);
/* Index of the first annotation whose start >= @offset. O(log n). */
guint               rpt_annotation_store_lower_bound  (RptAnnotationStore *self,
                                                       guint               offset);
/* Annotations overlapping [start, end) (or covering @start when start == end),
 * in text order. Borrowed pointers; free the array only. O(log n + k). */
GPtrArray          *rpt_annotation_store_query        (RptAnnotationStore *self,
                                                       guint               start,
                                                       guint               end);

G_END_DECLS
