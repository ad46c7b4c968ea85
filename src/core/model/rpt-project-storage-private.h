/* rpt-project-storage-private.h: the fields of RptProject, for the model's
 * files that implement it: the storage and history (rpt-project.c), the
 * undo operations (rpt-project-ops.c) and bulk loading
 * (rpt-project-loader.c). Everyone else goes through the project's methods.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (RPT_MODEL_COMPILATION)
# error "rpt-project-storage-private.h is private to src/core/model (docs/ARCHITECTURE.md)."
#endif

#include "rpt-history.h"
#include "rpt-id-minter-private.h"
#include "rpt-project.h"
#include "rpt-relation-index.h"

G_BEGIN_DECLS

struct _RptProject
{
  GObject     parent_instance;

  GListStore *documents;
  GListStore *labels;
  GListStore *speakers;
  GListStore *relations;
  GListStore *orphans;           /* RptAnnotation, by (document, start, end, id) */

  GHashTable *document_by_id;    /* id -> RptDocument (borrowed) */
  GHashTable *store_by_document; /* id -> RptAnnotationStore (owned) */
  GHashTable *label_by_id;
  GHashTable *speaker_by_id;
  GHashTable *annotation_by_id;  /* id -> RptAnnotation (owned ref) */
  GHashTable *relation_by_id;
  GHashTable *orphan_by_id;      /* id -> RptAnnotation (borrowed from orphans) */
  RptRelationIndex *relation_index; /* the relations of each annotation */
  RptIdMinter *ids;

  RptHistory *history;
  char       *author;
  guint64     generation;
  guint       edit_depth;

  /* Last notified values, to notify only on change. */
  gboolean    was_dirty;
  gboolean    could_undo;
  gboolean    could_redo;
};

/* The annotation signals (rpt-project.c), for the primitive changes. */
void     _rpt_project_emit_annotation_added   (RptProject    *self,
                                               RptAnnotation *annotation);
void     _rpt_project_emit_annotation_removed (RptProject    *self,
                                               RptAnnotation *annotation);
void     _rpt_project_emit_annotation_changed (RptProject    *self,
                                               RptAnnotation *annotation,
                                               guint          old_start,
                                               guint          old_end);

/* The interpreter of the undo operations (rpt-project-ops.c), given to the
 * history: @data is an Op, @user_data the project. */
void     _rpt_op_apply                        (gpointer       data,
                                               gboolean       forward,
                                               gpointer       user_data);
void     _rpt_op_free                         (gpointer       data);

/* Primitive changes (rpt-project-ops.c) that bulk loading shares: no
 * history, no signals. */
void     _rpt_project_insert_document         (RptProject    *self,
                                               RptDocument   *document,
                                               guint          position);
void     _rpt_project_insert_keyed            (GListStore    *store,
                                               GHashTable    *table,
                                               const char    *id,
                                               gpointer       item,
                                               guint          position);
/* Copies the size of @document_id's store into the document. */
void     _rpt_project_set_document_count      (RptProject    *self,
                                               const char    *document_id);
/* The order of the orphans list; @user_data is the project. */
int      _rpt_project_compare_orphans         (gconstpointer  a,
                                               gconstpointer  b,
                                               gpointer       user_data);

G_END_DECLS
