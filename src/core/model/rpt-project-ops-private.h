/* rpt-project-ops-private.h: the project's reversible operations, which
 * the edit methods (rpt-project-edits.c, reanchor/rpt-project-reanchor.c)
 * record and the interpreter (rpt-project-ops.c) applies forwards and
 * backwards for undo and redo.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (RPT_MODEL_COMPILATION) && !defined (RPT_REANCHOR_COMPILATION)
# error "rpt-project-ops-private.h is private to src/core/model and src/core/reanchor (docs/ARCHITECTURE.md)."
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
  OP_MOVE_DOCUMENT,      /* @object from @position to @to in the documents */
  OP_ORDER_DOCUMENTS,    /* @object is the documents list; u.order its orders */
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
    struct { GPtrArray *before, *after; } order;  /* RptDocument, whole lists */
  } u;
} Op;

Op       *_rpt_op_new                   (OpKind           kind,
                                         GObject         *object);
/* Copies of the current state, for an op's before (or, edited, its after). */
void      _rpt_annotation_state_capture (AnnotationState *state,
                                         RptAnnotation   *annotation);
void      _rpt_label_state_capture      (LabelState      *state,
                                         RptLabel        *label);
void      _rpt_anchor_state_capture     (AnchorState     *state,
                                         RptAnnotation   *annotation);

/* One edit: begin, record its ops, end (which notifies once, at the
 * outermost end). Nestable; rpt_project_begin_group () is the public form. */
void      _rpt_project_begin_edit       (RptProject      *self,
                                         const char      *description);
/* Applies @op forwards and records it in the history, which owns it. */
void      _rpt_project_record           (RptProject      *self,
                                         Op              *op);
void      _rpt_project_end_edit         (RptProject      *self);

G_END_DECLS
