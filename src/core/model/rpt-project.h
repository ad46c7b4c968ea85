/* rpt-project.h: owns the whole project and is the only object that mutates
 * it. Every edit records an undoable command, emits the change and marks the
 * project dirty.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rpt-annotation.h"
#include "rpt-annotation-store.h"
#include "rpt-document.h"
#include "rpt-error.h"
#include "rpt-label.h"
#include "rpt-relation.h"
#include "rpt-speaker.h"

G_BEGIN_DECLS

#define RPT_TYPE_PROJECT (rpt_project_get_type ())
G_DECLARE_FINAL_TYPE (RptProject, rpt_project, RPT, PROJECT, GObject)

/* A project with the four default labels. */
RptProject    *rpt_project_new                 (void);
/* A project with no labels at all (the loader uses this). */
RptProject    *rpt_project_new_empty           (void);

/* Collections (borrowed, live GListModels). */
GListModel    *rpt_project_get_documents       (RptProject *self);  /* RptDocument */
GListModel    *rpt_project_get_labels          (RptProject *self);  /* RptLabel, user order */
GListModel    *rpt_project_get_speakers        (RptProject *self);  /* RptSpeaker */
GListModel    *rpt_project_get_relations       (RptProject *self);  /* RptRelation */
/* The annotations of one document in text order; NULL for an unknown id. */
RptAnnotationStore *rpt_project_get_annotations (RptProject *self,
                                                 const char *document_id);
guint          rpt_project_get_n_annotations   (RptProject *self);

/* Orphans: annotations that lost their place when their document's text
 * changed and could not be placed again with confidence. They are kept,
 * with their label, speaker, note and relations, until the user places
 * them (rpt_project_place_orphan) or deletes them
 * (rpt_project_remove_annotation). An RptAnnotation for which
 * rpt_annotation_is_orphan() is TRUE; sorted by document (in the
 * documents' order), then by where they last were. The list changes
 * through items-changed only (an edit of an orphan's label, speaker or
 * note too): views of a document's text never hear of orphans through
 * annotation-added/-removed/-changed. The "n-orphans" property follows its
 * length. rpt_project_set_annotation_label/_speaker/_note and
 * rpt_project_add_relation accept orphans' ids; _set_annotation_range
 * refuses them (use rpt_project_place_orphan). */
GListModel    *rpt_project_get_orphans         (RptProject *self);
guint          rpt_project_get_n_orphans       (RptProject *self);

/* Lookups by id (borrowed, NULL when absent). rpt_project_get_annotation
 * finds placed annotations only; rpt_project_get_orphan finds orphans.
 * Annotations and orphans share one set of ids, and a relation's from or
 * to may be either. */
RptDocument   *rpt_project_get_document        (RptProject *self, const char *id);
RptLabel      *rpt_project_get_label           (RptProject *self, const char *id);
RptSpeaker    *rpt_project_get_speaker         (RptProject *self, const char *id);
RptAnnotation *rpt_project_get_annotation      (RptProject *self, const char *id);
RptRelation   *rpt_project_get_relation        (RptProject *self, const char *id);
RptAnnotation *rpt_project_get_orphan          (RptProject *self, const char *id);
RptLabel      *rpt_project_get_label_by_shortcut (RptProject *self, guint key);
/* Both count orphans too. */
guint          rpt_project_count_label_uses    (RptProject *self, const char *label_id);
guint          rpt_project_count_speaker_uses  (RptProject *self, const char *speaker_id);
/* The speaker whose name equals @name ignoring case (the rule that keeps
 * speaker names unique), or NULL. */
RptSpeaker    *rpt_project_find_speaker_by_name (RptProject *self, const char *name);
/* Relations whose from or to is @annotation_id (borrowed pointers). */
GPtrArray     *rpt_project_relations_of        (RptProject *self, const char *annotation_id);

/* Author written into new annotations (default: the user's real name). */
const char    *rpt_project_get_author          (RptProject *self);
void           rpt_project_set_author          (RptProject *self, const char *author);

/* ---- Edits (each undoable) ---- */

/* Takes a reference. Fails if the id is taken. */
gboolean       rpt_project_add_document        (RptProject  *self,
                                                RptDocument *document,
                                                GError     **error);
/* Also removes its annotations and orphans, and their relations. */
void           rpt_project_remove_document     (RptProject  *self,
                                                const char  *document_id);
/* Moves the article to @position in the list (past the end: last). The
 * order is the project file's. */
void           rpt_project_move_document       (RptProject  *self,
                                                const char  *document_id,
                                                guint        position);

typedef enum {
  RPT_DOCUMENT_SORT_DATE,    /* by publication date, oldest first */
  RPT_DOCUMENT_SORT_OUTLET,  /* by outlet, alphabetically */
} RptDocumentSort;

/* Sorts the articles; those without a date (or outlet) go last, ties go
 * by title, then keep their order. No undo step when nothing moves. */
void           rpt_project_sort_documents      (RptProject      *self,
                                                RptDocumentSort  by);

/* Returns the new annotation (owned by the project), or NULL and an error
 * for an empty, reversed or out-of-range span, an unknown id, or a span
 * that already has this label. The same refusals apply to changing a label
 * or a span. */
RptAnnotation *rpt_project_add_annotation      (RptProject  *self,
                                                const char  *document_id,
                                                guint        start,
                                                guint        end,
                                                const char  *label_id,
                                                const char  *speaker_id,
                                                GError     **error);
/* Also removes the relations that reference it. @annotation_id may be
 * an orphan's. */
void           rpt_project_remove_annotation   (RptProject  *self,
                                                const char  *annotation_id);
gboolean       rpt_project_set_annotation_label   (RptProject *self,
                                                   const char *annotation_id,
                                                   const char *label_id,
                                                   GError    **error);
/* @speaker_id NULL to unattribute. */
gboolean       rpt_project_set_annotation_speaker (RptProject *self,
                                                   const char *annotation_id,
                                                   const char *speaker_id,
                                                   GError    **error);
void           rpt_project_set_annotation_note    (RptProject *self,
                                                   const char *annotation_id,
                                                   const char *note);
gboolean       rpt_project_set_annotation_range   (RptProject *self,
                                                   const char *annotation_id,
                                                   guint       start,
                                                   guint       end,
                                                   GError    **error);

RptLabel      *rpt_project_add_label           (RptProject  *self,
                                                const char  *name,
                                                const char  *color,
                                                guint        shortcut,
                                                GError     **error);
gboolean       rpt_project_rename_label        (RptProject  *self,
                                                const char  *label_id,
                                                const char  *name,
                                                GError     **error);
gboolean       rpt_project_set_label_color     (RptProject  *self,
                                                const char  *label_id,
                                                const char  *color,
                                                GError     **error);
/* 0 clears; a key used by another label is taken from it. */
gboolean       rpt_project_set_label_shortcut  (RptProject  *self,
                                                const char  *label_id,
                                                guint        shortcut,
                                                GError     **error);
void           rpt_project_set_label_description (RptProject *self,
                                                  const char *label_id,
                                                  const char *description);
void           rpt_project_move_label          (RptProject  *self,
                                                const char  *label_id,
                                                guint        position);
/* Also removes the annotations and orphans with this label (see
 * count_label_uses). */
void           rpt_project_remove_label        (RptProject  *self,
                                                const char  *label_id);

RptSpeaker    *rpt_project_add_speaker         (RptProject  *self,
                                                const char  *name,
                                                GError     **error);
gboolean       rpt_project_rename_speaker      (RptProject  *self,
                                                const char  *speaker_id,
                                                const char  *name,
                                                GError     **error);
/* Annotations and orphans attributed to it become unattributed. */
void           rpt_project_remove_speaker      (RptProject  *self,
                                                const char  *speaker_id);

RptRelation   *rpt_project_add_relation        (RptProject     *self,
                                                RptRelationType type,
                                                const char     *from_id,
                                                const char     *to_id,
                                                GError        **error);
void           rpt_project_remove_relation     (RptProject     *self,
                                                const char     *relation_id);

/* Re-anchoring edits (an orphan placed again, an article's text replaced)
 * are declared in reanchor/rpt-project-reanchor.h, reading and writing the
 * file in file/rpt-project-io.h. */

/* Several edits as one undo step. Nestable. */
void           rpt_project_begin_group         (RptProject *self,
                                                const char *description);
void           rpt_project_end_group           (RptProject *self);

/* ---- History and dirty state ---- */
gboolean       rpt_project_can_undo            (RptProject *self);
gboolean       rpt_project_can_redo            (RptProject *self);
/* Description of what undo would revert ("Add Claim"), or NULL. */
const char    *rpt_project_get_undo_description (RptProject *self);
const char    *rpt_project_get_redo_description (RptProject *self);
gboolean       rpt_project_undo                (RptProject *self);
gboolean       rpt_project_redo                (RptProject *self);
gboolean       rpt_project_get_dirty           (RptProject *self);
/* Call after a successful save of the current state. */
void           rpt_project_mark_saved          (RptProject *self);
/* The saved point, for saves that finish after further edits: take the
 * state when the bytes are made, mark it when they are on disk. */
guint64        rpt_project_get_state           (RptProject *self);
void           rpt_project_mark_saved_state    (RptProject *self,
                                                guint64     state);
/* A counter that changes with every edit, undo and redo. */
guint64        rpt_project_get_generation      (RptProject *self);

G_END_DECLS
