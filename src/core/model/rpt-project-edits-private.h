/* rpt-project-edits-private.h: what the edit methods share
 * (rpt-project-edits.c, rpt-project-labels-speakers.c): recording and the
 * removals that cascade.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (RPT_MODEL_COMPILATION)
# error "rpt-project-edits-private.h is private to src/core/model (docs/ARCHITECTURE.md)."
#endif

#include "rpt-project-ops-private.h"

G_BEGIN_DECLS

/* @item's index in @model (a GListStore), or G_MAXUINT. */
guint      _rpt_list_position                   (GListModel      *model,
                                                 gpointer         item);
/* Records that @object comes (or goes, if @removes) at @position of its
 * list. */
void       _rpt_project_record_existence        (RptProject      *self,
                                                 OpKind           kind,
                                                 gpointer         object,
                                                 gboolean         removes,
                                                 guint            position);
/* Records a change of an annotation's state to @after, whose strings it
 * takes, stamped with the time of the change. */
void       _rpt_project_record_annotation_state (RptProject      *self,
                                                 RptAnnotation   *annotation,
                                                 AnnotationState *after);
/* Removes an annotation or an orphan, and its relations first. */
void       _rpt_project_remove_with_relations   (RptProject      *self,
                                                 RptAnnotation   *annotation);
/* The orphans of @document_id, or those with @label_id or @speaker_id
 * (whichever is not NULL), last first: removing them keeps the rest's
 * positions. */
GPtrArray *_rpt_project_orphans_matching        (RptProject      *self,
                                                 const char      *document_id,
                                                 const char      *label_id,
                                                 const char      *speaker_id);
/* Removes the orphans of @document_id or with @label_id. */
void       _rpt_project_remove_orphans_matching (RptProject      *self,
                                                 const char      *document_id,
                                                 const char      *label_id);

G_END_DECLS
