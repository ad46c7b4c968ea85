/* rpt-project-edits.c: the public edit methods of RptProject for articles,
 * annotations and relations, and what all edits share. Each checks its
 * input, then records reversible operations as one undo step. Labels and
 * speakers are edited in rpt-project-labels-speakers.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rpt-core-private.h"
#include "rpt-id-minter-private.h"
#include "rpt-limits.h"
#include "rpt-project-edits-private.h"
#include "rpt-project-ops-private.h"

guint
_rpt_list_position (GListModel *model,
                    gpointer    item)
{
  guint position = G_MAXUINT;

  g_list_store_find (G_LIST_STORE (model), item, &position);
  return position;
}

void
_rpt_project_record_existence (RptProject *self,
                               OpKind      kind,
                               gpointer    object,
                               gboolean    removes,
                               guint       position)
{
  Op *op = _rpt_op_new (kind, object);

  op->removes = removes;
  op->position = position;
  _rpt_project_record (self, op);
}

void
_rpt_project_record_annotation_state (RptProject      *self,
                                      RptAnnotation   *annotation,
                                      AnnotationState *after)
{
  Op *op = _rpt_op_new (OP_ANNOTATION_STATE, G_OBJECT (annotation));

  _rpt_annotation_state_capture (&op->u.ann.before, annotation);
  op->u.ann.after = *after;
  op->u.ann.after.modified = _rpt_now ();
  _rpt_project_record (self, op);
}

/* ---- Documents ---- */

gboolean
rpt_project_add_document (RptProject   *self,
                          RptDocument  *document,
                          GError      **error)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (RPT_IS_DOCUMENT (document), FALSE);

  if (!_rpt_id_is_valid (rpt_document_get_id (document)))
    return _rpt_fail (error, RPT_ERROR_INVALID,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "“%s” cannot be an article id: ids are 1 to %d byte without control characters",
                                   "“%s” cannot be an article id: ids are 1 to %d bytes without control characters",
                                   RPT_MAX_ID_BYTES),
                      rpt_document_get_id (document), RPT_MAX_ID_BYTES);
  if (rpt_document_get_length (document) > RPT_MAX_ARTICLE_CHARS)
    return _rpt_fail (error, RPT_ERROR_TOO_LARGE, g_dngettext (GETTEXT_PACKAGE, "The article “%s” is longer than %u character",
                                                        "The article “%s” is longer than %u characters",
                                                        RPT_MAX_ARTICLE_CHARS),
                      rpt_document_get_id (document), RPT_MAX_ARTICLE_CHARS);
  if (rpt_project_get_document (self, rpt_document_get_id (document)))
    return _rpt_fail (error, RPT_ERROR_INVALID, _("An article with the id “%s” is already in the project"),
                      rpt_document_get_id (document));

  _rpt_project_begin_edit (self, _("Import Article"));
  _rpt_project_record_existence (self, OP_DOCUMENT, document, FALSE, G_MAXUINT);
  _rpt_project_end_edit (self);
  return TRUE;
}

void
_rpt_project_remove_with_relations (RptProject    *self,
                                    RptAnnotation *annotation)
{
  g_autoptr(GPtrArray) relations = rpt_project_relations_of (self, rpt_annotation_get_id (annotation));

  for (guint i = 0; i < relations->len; i++)
    {
      RptRelation *relation = g_ptr_array_index (relations, i);

      _rpt_project_record_existence (self, OP_RELATION, relation, TRUE,
                                     _rpt_list_position (rpt_project_get_relations (self), relation));
    }
  _rpt_project_record_existence (self, rpt_annotation_is_orphan (annotation) ? OP_ORPHAN : OP_ANNOTATION,
                                 annotation, TRUE, 0);
}

GPtrArray *
_rpt_project_orphans_matching (RptProject *self,
                               const char *document_id,
                               const char *label_id,
                               const char *speaker_id)
{
  GListModel *orphans = rpt_project_get_orphans (self);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = g_list_model_get_n_items (orphans); i > 0; i--)
    {
      RptAnnotation *a = g_list_model_get_item (orphans, i - 1);

      if ((document_id && g_strcmp0 (rpt_annotation_get_document (a), document_id) == 0) ||
          (label_id && g_strcmp0 (rpt_annotation_get_label (a), label_id) == 0) ||
          (speaker_id && g_strcmp0 (rpt_annotation_get_speaker (a), speaker_id) == 0))
        g_ptr_array_add (found, a);
      else
        g_object_unref (a);
    }
  return found;
}

void
_rpt_project_remove_orphans_matching (RptProject *self,
                                      const char *document_id,
                                      const char *label_id)
{
  g_autoptr(GPtrArray) orphans = _rpt_project_orphans_matching (self, document_id, label_id, NULL);

  for (guint i = 0; i < orphans->len; i++)
    _rpt_project_remove_with_relations (self, g_ptr_array_index (orphans, i));
}

void
rpt_project_remove_document (RptProject *self,
                             const char *document_id)
{
  RptDocument *document;
  RptAnnotationStore *store;

  g_return_if_fail (RPT_IS_PROJECT (self));

  document = rpt_project_get_document (self, document_id);
  if (document == NULL)
    return;
  store = rpt_project_get_annotations (self, document_id);

  _rpt_project_begin_edit (self, _("Remove Article"));
  _rpt_project_remove_orphans_matching (self, document_id, NULL);
  while (rpt_annotation_store_get_n_items (store) > 0)
    _rpt_project_remove_with_relations (self, rpt_annotation_store_get (store, rpt_annotation_store_get_n_items (store) - 1));
  _rpt_project_record_existence (self, OP_DOCUMENT, document, TRUE,
                                 _rpt_list_position (rpt_project_get_documents (self), document));
  _rpt_project_end_edit (self);
}

/* ---- Annotations ---- */

static gboolean
check_range (RptProject  *self,
             const char  *document_id,
             guint        start,
             guint        end,
             GError     **error)
{
  RptDocument *document = rpt_project_get_document (self, document_id);

  if (document == NULL)
    return _rpt_fail (error, RPT_ERROR_NOT_FOUND, _("No article with the id “%s”"), document_id);
  if (start >= end)
    return _rpt_fail (error, RPT_ERROR_INVALID, _("The span %u–%u is empty or reversed"), start, end);
  if (end > rpt_document_get_length (document))
    return _rpt_fail (error, RPT_ERROR_INVALID, g_dngettext (GETTEXT_PACKAGE, "The span %u–%u is past the end of “%s” (%u character)",
                                                      "The span %u–%u is past the end of “%s” (%u characters)",
                                                      rpt_document_get_length (document)),
                      start, end, document_id, rpt_document_get_length (document));
  return TRUE;
}

static gboolean
check_label_and_speaker (RptProject  *self,
                         const char  *label_id,
                         const char  *speaker_id,
                         GError     **error)
{
  if (label_id && rpt_project_get_label (self, label_id) == NULL)
    return _rpt_fail (error, RPT_ERROR_NOT_FOUND, _("No label with the id “%s”"), label_id);
  if (speaker_id && *speaker_id && rpt_project_get_speaker (self, speaker_id) == NULL)
    return _rpt_fail (error, RPT_ERROR_NOT_FOUND, _("No speaker with the id “%s”"), speaker_id);
  return TRUE;
}

/* Another annotation than @except with this span and label. */
static RptAnnotation *
find_duplicate (RptProject    *self,
                const char    *document_id,
                guint          start,
                guint          end,
                const char    *label_id,
                RptAnnotation *except)
{
  RptAnnotationStore *store = rpt_project_get_annotations (self, document_id);
  guint n = rpt_annotation_store_get_n_items (store);

  for (guint i = rpt_annotation_store_lower_bound (store, start); i < n; i++)
    {
      RptAnnotation *a = rpt_annotation_store_get (store, i);

      if (rpt_annotation_get_start (a) != start)
        break;
      if (a != except && rpt_annotation_get_end (a) == end &&
          g_strcmp0 (rpt_annotation_get_label (a), label_id) == 0)
        return a;
    }
  return NULL;
}

/* Two annotations with the same span and label would be indistinguishable,
 * and the project file refuses them. */
static gboolean
check_not_duplicate (RptProject     *self,
                     const char     *document_id,
                     guint           start,
                     guint           end,
                     const char     *label_id,
                     RptAnnotation  *except,
                     GError        **error)
{
  if (find_duplicate (self, document_id, start, end, label_id, except) == NULL)
    return TRUE;
  return _rpt_fail (error, RPT_ERROR_INVALID, _("This span is already tagged “%s”"),
                    rpt_label_get_name (rpt_project_get_label (self, label_id)));
}

RptAnnotation *
rpt_project_add_annotation (RptProject  *self,
                            const char  *document_id,
                            guint        start,
                            guint        end,
                            const char  *label_id,
                            const char  *speaker_id,
                            GError     **error)
{
  g_autofree char *id = NULL;
  g_autoptr(RptAnnotation) annotation = NULL;
  RptLabel *label;
  gint64 now;

  g_return_val_if_fail (RPT_IS_PROJECT (self), NULL);

  if (!check_range (self, document_id, start, end, error) ||
      !check_label_and_speaker (self, label_id, speaker_id, error))
    return NULL;
  if (label_id == NULL)
    {
      _rpt_fail (error, RPT_ERROR_INVALID, _("An annotation needs a label"));
      return NULL;
    }
  label = rpt_project_get_label (self, label_id);
  if (!check_not_duplicate (self, document_id, start, end, label_id, NULL, error))
    return NULL;

  id = _rpt_id_minter_serial (_rpt_project_get_ids (self), "a");
  now = _rpt_now ();
  annotation = _rpt_annotation_new (id, document_id, start, end, label_id, speaker_id, "",
                                    rpt_project_get_author (self), now, now);

  {
    /* "Tag Claim": the undo menu item names what it reverts. */
    g_autofree char *description = g_strdup_printf (_("Tag %s"), rpt_label_get_name (label));

    _rpt_project_begin_edit (self, description);
    _rpt_project_record_existence (self, OP_ANNOTATION, annotation, FALSE, 0);
    _rpt_project_end_edit (self);
  }
  return annotation;
}

void
rpt_project_remove_annotation (RptProject *self,
                               const char *annotation_id)
{
  RptAnnotation *annotation;

  g_return_if_fail (RPT_IS_PROJECT (self));

  annotation = rpt_project_get_annotation (self, annotation_id);
  if (annotation == NULL)
    annotation = rpt_project_get_orphan (self, annotation_id);
  if (annotation == NULL)
    return;

  _rpt_project_begin_edit (self, _("Delete Annotation"));
  _rpt_project_remove_with_relations (self, annotation);
  _rpt_project_end_edit (self);
}

/* A placed annotation or an orphan: both keep label, speaker, note and
 * relations. */
static RptAnnotation *
lookup_annotation (RptProject  *self,
                   const char  *annotation_id,
                   GError     **error)
{
  RptAnnotation *annotation = rpt_project_get_annotation (self, annotation_id);

  if (annotation == NULL)
    annotation = rpt_project_get_orphan (self, annotation_id);

  if (annotation == NULL)
    _rpt_fail (error, RPT_ERROR_NOT_FOUND, _("No annotation with the id “%s”"), annotation_id);
  return annotation;
}

/* Edits one field of a copy of the current state, then records it. */
#define EDIT_ANNOTATION(description, assignment)                       \
  G_STMT_START {                                                       \
    AnnotationState after;                                             \
    _rpt_annotation_state_capture (&after, annotation);                \
    assignment;                                                        \
    _rpt_project_begin_edit (self, description);                      \
    _rpt_project_record_annotation_state (self, annotation, &after);                \
    _rpt_project_end_edit (self);                                      \
  } G_STMT_END

gboolean
rpt_project_set_annotation_label (RptProject  *self,
                                  const char  *annotation_id,
                                  const char  *label_id,
                                  GError     **error)
{
  RptAnnotation *annotation;

  g_return_val_if_fail (RPT_IS_PROJECT (self), FALSE);

  if (!(annotation = lookup_annotation (self, annotation_id, error)))
    return FALSE;
  if (label_id == NULL || !check_label_and_speaker (self, label_id, NULL, error))
    return label_id ? FALSE : _rpt_fail (error, RPT_ERROR_INVALID, _("An annotation needs a label"));
  if (g_strcmp0 (rpt_annotation_get_label (annotation), label_id) == 0)
    return TRUE;
  if (!rpt_annotation_is_orphan (annotation) &&
      !check_not_duplicate (self, rpt_annotation_get_document (annotation),
                            rpt_annotation_get_start (annotation), rpt_annotation_get_end (annotation),
                            label_id, annotation, error))
    return FALSE;

  EDIT_ANNOTATION (_("Change Label"), { g_free (after.label); after.label = g_strdup (label_id); });
  return TRUE;
}

gboolean
rpt_project_set_annotation_speaker (RptProject  *self,
                                    const char  *annotation_id,
                                    const char  *speaker_id,
                                    GError     **error)
{
  RptAnnotation *annotation;

  g_return_val_if_fail (RPT_IS_PROJECT (self), FALSE);

  if (speaker_id && *speaker_id == '\0')
    speaker_id = NULL;
  if (!(annotation = lookup_annotation (self, annotation_id, error)) ||
      !check_label_and_speaker (self, NULL, speaker_id, error))
    return FALSE;
  if (g_strcmp0 (rpt_annotation_get_speaker (annotation), speaker_id) == 0)
    return TRUE;

  EDIT_ANNOTATION (_("Change Speaker"), { g_free (after.speaker); after.speaker = g_strdup (speaker_id); });
  return TRUE;
}

void
rpt_project_set_annotation_note (RptProject *self,
                                 const char *annotation_id,
                                 const char *note)
{
  RptAnnotation *annotation;

  g_return_if_fail (RPT_IS_PROJECT (self));

  g_return_if_fail (note == NULL || g_utf8_validate (note, -1, NULL));

  if (!(annotation = lookup_annotation (self, annotation_id, NULL)))
    return;
  if (note == NULL)
    note = "";
  if (g_strcmp0 (rpt_annotation_get_note (annotation), note) == 0)
    return;

  EDIT_ANNOTATION (_("Edit Note"), { g_free (after.note); after.note = g_strdup (note); });
}

gboolean
rpt_project_set_annotation_range (RptProject  *self,
                                  const char  *annotation_id,
                                  guint        start,
                                  guint        end,
                                  GError     **error)
{
  RptAnnotation *annotation;

  g_return_val_if_fail (RPT_IS_PROJECT (self), FALSE);

  if (!(annotation = lookup_annotation (self, annotation_id, error)))
    return FALSE;
  if (rpt_annotation_is_orphan (annotation))
    return _rpt_fail (error, RPT_ERROR_INVALID,
                      _("The annotation “%s” lost its place when its article's text changed; place it first"),
                      annotation_id);
  if (!check_range (self, rpt_annotation_get_document (annotation), start, end, error))
    return FALSE;
  if (rpt_annotation_get_start (annotation) == start && rpt_annotation_get_end (annotation) == end)
    return TRUE;
  if (!check_not_duplicate (self, rpt_annotation_get_document (annotation), start, end,
                            rpt_annotation_get_label (annotation), annotation, error))
    return FALSE;

  EDIT_ANNOTATION (_("Change Span"), { after.start = start; after.end = end; });
  return TRUE;
}

/* ---- Relations ---- */

RptRelation *
rpt_project_add_relation (RptProject       *self,
                          RptRelationType   type,
                          const char       *from_id,
                          const char       *to_id,
                          GError          **error)
{
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(RptRelation) relation = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (RPT_IS_PROJECT (self), NULL);

  if (type >= RPT_RELATION_N_TYPES)
    {
      _rpt_fail (error, RPT_ERROR_INVALID, _("Unknown relation type"));
      return NULL;
    }
  if (!lookup_annotation (self, from_id, error) || !lookup_annotation (self, to_id, error))
    return NULL;
  if (g_strcmp0 (from_id, to_id) == 0)
    {
      _rpt_fail (error, RPT_ERROR_INVALID, _("An annotation cannot be linked to itself"));
      return NULL;
    }
  existing = rpt_project_relations_of (self, from_id);
  for (guint i = 0; i < existing->len; i++)
    {
      RptRelation *other = g_ptr_array_index (existing, i);

      if (rpt_relation_get_kind (other) == type &&
          g_strcmp0 (rpt_relation_get_from (other), from_id) == 0 &&
          g_strcmp0 (rpt_relation_get_to (other), to_id) == 0)
        {
          _rpt_fail (error, RPT_ERROR_INVALID, _("These annotations are already linked this way"));
          return NULL;
        }
    }

  id = _rpt_id_minter_serial (_rpt_project_get_ids (self), "r");
  relation = _rpt_relation_new (id, type, from_id, to_id);

  _rpt_project_begin_edit (self, _("Link Annotations"));
  _rpt_project_record_existence (self, OP_RELATION, relation, FALSE, G_MAXUINT);
  _rpt_project_end_edit (self);
  return relation;
}

void
rpt_project_remove_relation (RptProject *self,
                             const char *relation_id)
{
  RptRelation *relation;

  g_return_if_fail (RPT_IS_PROJECT (self));

  if (!(relation = rpt_project_get_relation (self, relation_id)))
    return;

  _rpt_project_begin_edit (self, _("Remove Link"));
  _rpt_project_record_existence (self, OP_RELATION, relation, TRUE,
                                 _rpt_list_position (rpt_project_get_relations (self), relation));
  _rpt_project_end_edit (self);
}
