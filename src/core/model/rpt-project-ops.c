/* rpt-project-ops.c: the interpreter of the project's undo operations:
 * making and freeing them, and applying each forwards (do, redo) or
 * backwards (undo) through the primitive changes of the storage, which
 * emit the annotation signals. The history calls it; edits record through
 * _rpt_project_record ().
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Model"

#include "config.h"

#include <string.h>

#include "rpt-annotation-store-private.h"
#include "rpt-core-private.h"
#include "rpt-project-ops-private.h"
#include "rpt-project-storage-private.h"

/* ---- Primitive changes (no history) ---- */

static G_DEFINE_QUARK (rpt-removed-store, removed_store)

void
_rpt_project_insert_document (RptProject  *self,
                              RptDocument *document,
                              guint        position)
{
  const char *id = rpt_document_get_id (document);

  RptAnnotationStore *store = g_object_steal_qdata (G_OBJECT (document), removed_store_quark ());

  g_hash_table_insert (self->document_by_id, (gpointer) id, document);
  g_hash_table_insert (self->store_by_document, g_strdup (id),
                       store ? store : rpt_annotation_store_new ());
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->documents)));
  g_list_store_insert (self->documents, position, document);
}

static void
remove_from_list (GListStore *store,
                  gpointer    item)
{
  guint position;

  if (g_list_store_find (store, item, &position))
    g_list_store_remove (store, position);
}

static void
remove_document (RptProject  *self,
                 RptDocument *document)
{
  const char *id = rpt_document_get_id (document);

  g_autofree char *key = NULL;
  RptAnnotationStore *store = NULL;

  g_object_ref (document);
  g_hash_table_remove (self->document_by_id, id);
  _rpt_id_minter_document_removed (self->ids);
  /* The document keeps its (by now empty) store while it is out, so that
   * undo brings back the very GListModel that views may still hold. */
  if (g_hash_table_steal_extended (self->store_by_document, id, (gpointer *) &key, (gpointer *) &store))
    g_object_set_qdata_full (G_OBJECT (document), removed_store_quark (), store, g_object_unref);
  remove_from_list (self->documents, document);
  g_object_unref (document);
}

void
_rpt_project_set_document_count (RptProject *self,
                                 const char *document_id)
{
  RptDocument *document = g_hash_table_lookup (self->document_by_id, document_id);
  RptAnnotationStore *store = g_hash_table_lookup (self->store_by_document, document_id);

  if (document && store)
    _rpt_document_set_n_annotations (document, rpt_annotation_store_get_n_items (store));
}

static void
insert_annotation (RptProject    *self,
                   RptAnnotation *annotation)
{
  const char *doc = rpt_annotation_get_document (annotation);
  RptAnnotationStore *store = g_hash_table_lookup (self->store_by_document, doc);

  g_return_if_fail (store != NULL);

  g_hash_table_insert (self->annotation_by_id,
                       (gpointer) rpt_annotation_get_id (annotation),
                       g_object_ref (annotation));
  _rpt_annotation_store_insert (store, annotation);
  _rpt_project_set_document_count (self, doc);
  _rpt_project_emit_annotation_added (self, annotation);
}

static void
remove_annotation (RptProject    *self,
                   RptAnnotation *annotation)
{
  const char *doc = rpt_annotation_get_document (annotation);
  RptAnnotationStore *store = g_hash_table_lookup (self->store_by_document, doc);

  g_object_ref (annotation);
  if (store)
    _rpt_annotation_store_remove (store, annotation);
  g_hash_table_remove (self->annotation_by_id, rpt_annotation_get_id (annotation));
  _rpt_project_set_document_count (self, doc);
  _rpt_project_emit_annotation_removed (self, annotation);
  g_object_unref (annotation);
}

static void
apply_annotation_state (RptProject            *self,
                        RptAnnotation         *annotation,
                        const AnnotationState *state)
{
  /* An orphan is in no store, and views of the text must not hear of it. */
  gboolean orphan = g_hash_table_lookup (self->orphan_by_id, rpt_annotation_get_id (annotation)) == annotation;
  RptAnnotationStore *store =
    orphan ? NULL : g_hash_table_lookup (self->store_by_document, rpt_annotation_get_document (annotation));
  guint old_start = rpt_annotation_get_start (annotation);
  guint old_end = rpt_annotation_get_end (annotation);
  gboolean moves = old_start != state->start || old_end != state->end;

  g_object_ref (annotation);
  if (moves && store)
    _rpt_annotation_store_remove (store, annotation);

  g_object_freeze_notify (G_OBJECT (annotation));
  _rpt_annotation_set_label (annotation, state->label);
  _rpt_annotation_set_speaker (annotation, state->speaker);
  _rpt_annotation_set_note (annotation, state->note);
  _rpt_annotation_set_range (annotation, state->start, state->end);
  _rpt_annotation_set_modified (annotation, state->modified);
  g_object_thaw_notify (G_OBJECT (annotation));

  if (store)
    {
      if (moves)
        _rpt_annotation_store_insert (store, annotation);
      else
        _rpt_annotation_store_notify_changed (store, annotation);
    }
  if (orphan)
    {
      guint position;

      if (g_list_store_find (self->orphans, annotation, &position))
        g_list_model_items_changed (G_LIST_MODEL (self->orphans), position, 1, 1);
    }
  else
    _rpt_project_emit_annotation_changed (self, annotation, old_start, old_end);
  g_object_unref (annotation);
}

/* ---- Orphans and replaced texts ---- */

static guint
document_index (RptProject *self,
                const char *document_id)
{
  RptDocument *document = g_hash_table_lookup (self->document_by_id, document_id);
  guint position = G_MAXUINT;

  if (document != NULL)
    g_list_store_find (self->documents, document, &position);
  return position;
}

/* Orphans are listed by document (in the documents' order), then where
 * they last were: the order the file stores them in. */
int
_rpt_project_compare_orphans (gconstpointer a,
                              gconstpointer b,
                              gpointer      user_data)
{
  RptProject *self = user_data;
  const char *doc_a = rpt_annotation_get_document ((RptAnnotation *) a);
  const char *doc_b = rpt_annotation_get_document ((RptAnnotation *) b);

  if (strcmp (doc_a, doc_b) != 0)
    {
      guint pos_a = document_index (self, doc_a), pos_b = document_index (self, doc_b);

      if (pos_a != pos_b)
        return pos_a < pos_b ? -1 : 1;
      return strcmp (doc_a, doc_b);
    }
  return rpt_annotation_compare ((RptAnnotation *) a, (RptAnnotation *) b);
}

static void
insert_orphan (RptProject    *self,
               RptAnnotation *annotation)
{
  g_hash_table_insert (self->orphan_by_id, (gpointer) rpt_annotation_get_id (annotation), annotation);
  g_list_store_insert_sorted (self->orphans, annotation, _rpt_project_compare_orphans, self);
}

static void
remove_orphan (RptProject    *self,
               RptAnnotation *annotation)
{
  g_object_ref (annotation);
  g_hash_table_remove (self->orphan_by_id, rpt_annotation_get_id (annotation));
  remove_from_list (self->orphans, annotation);
  g_object_unref (annotation);
}

/* Only ever applied to an annotation that is in no list (between leaving
 * its store or the orphans and entering the other), so nothing is told. */
static void
apply_anchor_state (RptAnnotation     *annotation,
                    const AnchorState *state)
{
  g_object_freeze_notify (G_OBJECT (annotation));
  _rpt_annotation_set_range (annotation, state->start, state->end);
  _rpt_annotation_set_anchor (annotation, state->quote, state->prefix, state->suffix);
  _rpt_annotation_set_modified (annotation, state->modified);
  g_object_thaw_notify (G_OBJECT (annotation));
}

/* The same id, another object, at the same place in the documents list:
 * views see one item replaced (items-changed position, 1, 1). */
static void
swap_document (RptProject  *self,
               RptDocument *from,
               RptDocument *to)
{
  const char *id = rpt_document_get_id (to);
  guint position;

  if (!g_list_store_find (self->documents, from, &position))
    g_return_if_reached ();
  g_hash_table_replace (self->document_by_id, (gpointer) id, to);
  _rpt_project_set_document_count (self, id);
  g_list_store_splice (self->documents, position, 1, (gpointer *) &to, 1);
}

/* ---- The order of the documents ---- */

static gboolean
document_at (GListModel *documents,
             guint       position,
             gpointer    document)
{
  g_autoptr(GObject) item = g_list_model_get_item (documents, position);

  return item == document;
}

/* Replaces the documents from @first on with the @n in @items, with one
 * items-changed, in which a list selection finds a moved item again.
 * Orphans are listed in the documents' order, so they follow. */
static void
splice_documents (RptProject *self,
                  guint       first,
                  gpointer   *items,
                  guint       n)
{
  g_list_store_splice (self->documents, first, n, items, n);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->orphans)) > 1)
    g_list_store_sort (self->orphans, _rpt_project_compare_orphans, self);
}

/* Puts the documents in @order (all of them), changing only the part
 * between the first and the last that differ. */
static void
set_document_order (RptProject *self,
                    GPtrArray  *order)
{
  GListModel *documents = G_LIST_MODEL (self->documents);
  guint first = 0, last = order->len;

  g_return_if_fail (order->len == g_list_model_get_n_items (documents));

  while (first < last && document_at (documents, first, g_ptr_array_index (order, first)))
    first++;
  while (last > first && document_at (documents, last - 1, g_ptr_array_index (order, last - 1)))
    last--;
  if (first < last)
    splice_documents (self, first, order->pdata + first, last - first);
}

/* The documents from @from to @to (either way round) turn by one place,
 * which takes the one at @from to @to. */
static void
move_document (RptProject *self,
               guint       from,
               guint       to)
{
  GListModel *documents = G_LIST_MODEL (self->documents);
  guint first = MIN (from, to), n = MAX (from, to) - first + 1;
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = first; i < first + n; i++)
    g_ptr_array_add (items, g_list_model_get_item (documents, i));
  if (from < to)
    {
      gpointer moved = items->pdata[0];

      memmove (items->pdata, items->pdata + 1, (n - 1) * sizeof (gpointer));
      items->pdata[n - 1] = moved;
    }
  else
    {
      gpointer moved = items->pdata[n - 1];

      memmove (items->pdata + 1, items->pdata, (n - 1) * sizeof (gpointer));
      items->pdata[0] = moved;
    }
  splice_documents (self, first, items->pdata, n);
}

static void
apply_label_state (RptLabel         *label,
                   const LabelState *state)
{
  g_object_freeze_notify (G_OBJECT (label));
  _rpt_label_set_name (label, state->name);
  _rpt_label_set_color (label, state->color);
  _rpt_label_set_shortcut (label, state->shortcut);
  _rpt_label_set_description (label, state->description);
  g_object_thaw_notify (G_OBJECT (label));
}

void
_rpt_project_insert_keyed (GListStore *store,
                           GHashTable *table,
                           const char *id,
                           gpointer    item,
                           guint       position)
{
  g_hash_table_insert (table, (gpointer) id, item);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store)));
  g_list_store_insert (store, position, item);
}

static void
remove_keyed (GListStore *store,
              GHashTable *table,
              const char *id,
              gpointer    item)
{
  g_object_ref (item);
  g_hash_table_remove (table, id);
  remove_from_list (store, item);
  g_object_unref (item);
}

/* ---- The interpreter ---- */

void
_rpt_op_apply (gpointer data,
               gboolean forward,
               gpointer user_data)
{
  RptProject *self = user_data;
  Op *op = data;
  gboolean add = forward != op->removes;

  switch (op->kind)
    {
    case OP_DOCUMENT:
      if (add)
        _rpt_project_insert_document (self, RPT_DOCUMENT (op->object), op->position);
      else
        remove_document (self, RPT_DOCUMENT (op->object));
      break;

    case OP_ANNOTATION:
      if (add)
        insert_annotation (self, RPT_ANNOTATION (op->object));
      else
        remove_annotation (self, RPT_ANNOTATION (op->object));
      break;

    case OP_LABEL:
      if (add)
        _rpt_project_insert_keyed (self->labels, self->label_by_id, rpt_label_get_id (RPT_LABEL (op->object)),
                      op->object, op->position);
      else
        remove_keyed (self->labels, self->label_by_id, rpt_label_get_id (RPT_LABEL (op->object)),
                      op->object);
      break;

    case OP_SPEAKER:
      if (add)
        _rpt_project_insert_keyed (self->speakers, self->speaker_by_id,
                      rpt_speaker_get_id (RPT_SPEAKER (op->object)), op->object, op->position);
      else
        remove_keyed (self->speakers, self->speaker_by_id,
                      rpt_speaker_get_id (RPT_SPEAKER (op->object)), op->object);
      break;

    case OP_RELATION:
      if (add)
        rpt_relation_index_add (self->relation_index, RPT_RELATION (op->object));
      else
        rpt_relation_index_remove (self->relation_index, RPT_RELATION (op->object));
      if (add)
        _rpt_project_insert_keyed (self->relations, self->relation_by_id,
                      rpt_relation_get_id (RPT_RELATION (op->object)), op->object, op->position);
      else
        remove_keyed (self->relations, self->relation_by_id,
                      rpt_relation_get_id (RPT_RELATION (op->object)), op->object);
      break;

    case OP_ANNOTATION_STATE:
      apply_annotation_state (self, RPT_ANNOTATION (op->object),
                              forward ? &op->u.ann.after : &op->u.ann.before);
      break;

    case OP_ORPHAN:
      if (add)
        insert_orphan (self, RPT_ANNOTATION (op->object));
      else
        remove_orphan (self, RPT_ANNOTATION (op->object));
      break;

    case OP_ANCHOR_STATE:
      apply_anchor_state (RPT_ANNOTATION (op->object),
                          forward ? &op->u.anchor.after : &op->u.anchor.before);
      break;

    case OP_REPLACE_DOCUMENT:
      if (forward)
        swap_document (self, RPT_DOCUMENT (op->other), RPT_DOCUMENT (op->object));
      else
        swap_document (self, RPT_DOCUMENT (op->object), RPT_DOCUMENT (op->other));
      break;

    case OP_LABEL_STATE:
      apply_label_state (RPT_LABEL (op->object),
                         forward ? &op->u.label.after : &op->u.label.before);
      break;

    case OP_SPEAKER_STATE:
      _rpt_speaker_set_name (RPT_SPEAKER (op->object),
                             forward ? op->u.speaker.after : op->u.speaker.before);
      break;

    case OP_MOVE_LABEL:
      {
        guint from = forward ? op->position : op->to;
        guint to = forward ? op->to : op->position;

        g_object_ref (op->object);
        g_list_store_remove (self->labels, from);
        g_list_store_insert (self->labels, to, op->object);
        g_object_unref (op->object);
      }
      break;

    case OP_MOVE_DOCUMENT:
      move_document (self, forward ? op->position : op->to, forward ? op->to : op->position);
      break;

    case OP_ORDER_DOCUMENTS:
      set_document_order (self, forward ? op->u.order.after : op->u.order.before);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* ---- Making, freeing and recording ops ---- */

static void
annotation_state_clear (AnnotationState *state)
{
  g_free (state->label);
  g_free (state->speaker);
  g_free (state->note);
}

static void
anchor_state_clear (AnchorState *state)
{
  g_free (state->quote);
  g_free (state->prefix);
  g_free (state->suffix);
}

static void
label_state_clear (LabelState *state)
{
  g_free (state->name);
  g_free (state->color);
  g_free (state->description);
}

void
_rpt_op_free (gpointer data)
{
  Op *op = data;

  switch (op->kind)
    {
    case OP_ANNOTATION_STATE:
      annotation_state_clear (&op->u.ann.before);
      annotation_state_clear (&op->u.ann.after);
      break;
    case OP_LABEL_STATE:
      label_state_clear (&op->u.label.before);
      label_state_clear (&op->u.label.after);
      break;
    case OP_SPEAKER_STATE:
      g_free (op->u.speaker.before);
      g_free (op->u.speaker.after);
      break;
    case OP_ANCHOR_STATE:
      anchor_state_clear (&op->u.anchor.before);
      anchor_state_clear (&op->u.anchor.after);
      break;
    case OP_ORDER_DOCUMENTS:
      g_clear_pointer (&op->u.order.before, g_ptr_array_unref);
      g_clear_pointer (&op->u.order.after, g_ptr_array_unref);
      break;
    default:
      break;
    }
  g_clear_object (&op->object);
  g_clear_object (&op->other);
  g_free (op);
}

Op *
_rpt_op_new (OpKind   kind,
             GObject *object)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->object = g_object_ref (object);
  return op;
}

void
_rpt_annotation_state_capture (AnnotationState *state,
                               RptAnnotation   *annotation)
{
  state->label = g_strdup (rpt_annotation_get_label (annotation));
  state->speaker = g_strdup (rpt_annotation_get_speaker (annotation));
  state->note = g_strdup (rpt_annotation_get_note (annotation));
  state->start = rpt_annotation_get_start (annotation);
  state->end = rpt_annotation_get_end (annotation);
  state->modified = rpt_annotation_get_modified (annotation);
}

void
_rpt_anchor_state_capture (AnchorState   *state,
                           RptAnnotation *annotation)
{
  state->start = rpt_annotation_get_start (annotation);
  state->end = rpt_annotation_get_end (annotation);
  state->quote = g_strdup (rpt_annotation_get_quote (annotation));
  state->prefix = g_strdup (rpt_annotation_get_prefix (annotation));
  state->suffix = g_strdup (rpt_annotation_get_suffix (annotation));
  state->modified = rpt_annotation_get_modified (annotation);
}

void
_rpt_label_state_capture (LabelState *state,
                          RptLabel   *label)
{
  state->name = g_strdup (rpt_label_get_name (label));
  state->color = g_strdup (rpt_label_get_color (label));
  state->description = g_strdup (rpt_label_get_description (label));
  state->shortcut = rpt_label_get_shortcut (label);
}


void
_rpt_project_record (RptProject *self,
                     Op         *op)
{
  _rpt_op_apply (op, TRUE, self);
  rpt_history_push (self->history, op, NULL);
}
