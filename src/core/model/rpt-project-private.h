/* rpt-project-private.h: the project's reversible operations, shared by the
 * storage half (rpt-project.c) and the edit methods (rpt-project-edits.c),
 * and bulk loading for the reader.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (RPT_MODEL_COMPILATION) && !defined (RPT_REANCHOR_COMPILATION) \
    && !defined (RPT_FILE_COMPILATION) && !defined (RPT_IMPORT_COMPILATION) \
    && !defined (RPT_TESTS_COMPILATION)
# error "rpt-project-private.h is private to src/core/model, src/core/reanchor, src/core/file, src/core/import and the tests (docs/ARCHITECTURE.md)."
#endif

#include "rpt-project.h"

G_BEGIN_DECLS

typedef enum {
  OP_DOCUMENT,           /* existence of a document */
  OP_ANNOTATION,         /* existence of an annotation */
  OP_LABEL,              /* existence of a label */
  OP_SPEAKER,            /* existence of a speaker */
  OP_RELATION,           /* existence of a relation */
  OP_ANNOTATION_STATE,   /* label, speaker, note, range, modified */
  OP_LABEL_STATE,        /* name, colour, shortcut, description */
  OP_SPEAKER_STATE,      /* name */
  OP_MOVE_LABEL,
  OP_ORPHAN,             /* existence of an orphan */
  OP_ANCHOR_STATE,       /* range, quote and modified of an annotation in no list */
  OP_REPLACE_DOCUMENT,   /* @other is the old document, @object the new one */
} OpKind;

typedef struct
{
  char   *label;
  char   *speaker;
  char   *note;
  guint   start;
  guint   end;
  gint64  modified;
} AnnotationState;

/* Where an annotation is anchored; quote, prefix and suffix are NULL
 * while it is placed. */
typedef struct
{
  guint   start;
  guint   end;
  char   *quote;
  char   *prefix;
  char   *suffix;
  gint64  modified;
} AnchorState;

typedef struct
{
  char  *name;
  char  *color;
  char  *description;
  guint  shortcut;
} LabelState;

typedef struct
{
  OpKind    kind;
  gboolean  removes;   /* existence ops: the edit removed the object */
  GObject  *object;
  GObject  *other;     /* OP_REPLACE_DOCUMENT: the document replaced */
  guint     position;  /* existence ops: index in its list; moves: from */
  guint     to;        /* moves: destination index */
  union {
    struct { AnnotationState before, after; } ann;
    struct { LabelState before, after; } label;
    struct { char *before, *after; } speaker;
    struct { AnchorState before, after; } anchor;
  } u;
} Op;

/* Applies @op forwards and records it in the history. */
void      _rpt_project_record           (RptProject *self,
                                         Op         *op);
Op       *_rpt_op_new                   (OpKind      kind,
                                         GObject    *object);
void      _rpt_project_begin_edit       (RptProject *self,
                                         const char *description);
void      _rpt_project_end_edit         (RptProject *self);
void      _rpt_annotation_state_capture (AnnotationState *state,
                                         RptAnnotation   *annotation);
void      _rpt_label_state_capture      (LabelState *state,
                                         RptLabel   *label);
void      _rpt_anchor_state_capture     (AnchorState   *state,
                                         RptAnnotation *annotation);
char     *_rpt_project_new_id           (RptProject *self,
                                         const char *prefix);
char     *_rpt_project_unique_slug      (RptProject *self,
                                         GHashTable *taken,
                                         const char *name,
                                         const char *fallback);
GHashTable *_rpt_project_label_table    (RptProject *self);
GHashTable *_rpt_project_speaker_table  (RptProject *self);
/* id -> RptDocument, for making the id of a new article unique. */
GHashTable *_rpt_project_document_table (RptProject *self);

/* Bulk loading, no history, no signals: the reader fills a fresh project. */
void      _rpt_project_load_label       (RptProject    *self,
                                         RptLabel      *label);
void      _rpt_project_load_speaker     (RptProject    *self,
                                         RptSpeaker    *speaker);
void      _rpt_project_load_document    (RptProject    *self,
                                         RptDocument   *document);
void      _rpt_project_load_annotation  (RptProject    *self,
                                         RptAnnotation *annotation);
void      _rpt_project_load_relation    (RptProject    *self,
                                         RptRelation   *relation);
/* Whether a relation of @type from @from to @to is loaded already. */
gboolean  _rpt_project_has_link         (RptProject      *self,
                                         RptRelationType  type,
                                         const char      *from,
                                         const char      *to);
/* @annotation must be an orphan (rpt_annotation_is_orphan). */
void      _rpt_project_load_orphan      (RptProject    *self,
                                         RptAnnotation *annotation);
/* Sorts the annotation stores and the orphans and resets the history: the
 * result is clean. */
void      _rpt_project_load_finish      (RptProject    *self);

/* Dirty with nothing to undo: a load that repaired the file. */
void      _rpt_project_mark_unsaved     (RptProject    *self);

/* The one-pass reader (file/rpt-project-fast-reader.c; declared here, where
 * the tests reach it): the project, or NULL when the json-glib reader must
 * decide. */
RptProject *_rpt_project_read_fast         (const char *data,
                                            gsize       len);
/* Tests turn it off to compare the reader with the json-glib reader alone. */
void        _rpt_project_set_fast_reader   (gboolean    enabled);

G_END_DECLS
