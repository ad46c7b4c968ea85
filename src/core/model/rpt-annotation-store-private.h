/* rpt-annotation-store-private.h: mutation, for RptProject and the reader only.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (RPT_MODEL_COMPILATION)
# error "rpt-annotation-store-private.h is private to src/core/model (docs/ARCHITECTURE.md)."
#endif

#include "rpt-annotation-store.h"

G_BEGIN_DECLS

guint    _rpt_annotation_store_insert          (RptAnnotationStore *self,
                                                RptAnnotation      *annotation);
gboolean _rpt_annotation_store_remove          (RptAnnotationStore *self,
                                                RptAnnotation      *annotation);
void     _rpt_annotation_store_notify_changed  (RptAnnotationStore *self,
                                                RptAnnotation      *annotation);
/* Bulk load: append without signals, then sort once. */
void     _rpt_annotation_store_append   (RptAnnotationStore *self,
                                                RptAnnotation      *annotation);
void     _rpt_annotation_store_sort            (RptAnnotationStore *self);

G_END_DECLS
