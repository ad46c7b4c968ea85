/* rpt-project-labels-speakers.c: the public edit methods of RptProject for
 * labels and speakers, what annotations are tagged with and attributed to.
 * Each checks its input, then records reversible operations as one undo
 * step, as the other edits do (rpt-project-edits.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rpt-core-private.h"
#include "rpt-id-minter-private.h"
#include "rpt-project-edits-private.h"
#include "rpt-project-ops-private.h"

/* ---- Labels ---- */

static gboolean
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  if (*stripped == '\0')
    return _rpt_fail (error, RPT_ERROR_INVALID, _("The name is empty"));
  if (!g_utf8_validate (name, -1, NULL))
    return _rpt_fail (error, RPT_ERROR_INVALID, _("The name is not valid UTF-8"));
  return TRUE;
}

static RptLabel *
find_label_by_name (RptProject *self,
                    const char *name)
{
  GListModel *labels = rpt_project_get_labels (self);
  g_autofree char *key = g_utf8_casefold (name, -1);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (labels, i);
      g_autofree char *other = g_utf8_casefold (rpt_label_get_name (label), -1);

      if (g_strcmp0 (key, other) == 0)
        return label;
    }
  return NULL;
}

static guint
first_free_shortcut (RptProject *self)
{
  for (guint key = 1; key <= 9; key++)
    if (rpt_project_get_label_by_shortcut (self, key) == NULL)
      return key;
  return 0;
}

static void
record_label_state (RptProject *self,
                    RptLabel   *label,
                    LabelState *after)
{
  Op *op = _rpt_op_new (OP_LABEL_STATE, G_OBJECT (label));

  _rpt_label_state_capture (&op->u.label.before, label);
  op->u.label.after = *after;
  _rpt_project_record (self, op);
}

#define EDIT_LABEL(lbl, assignment)                                    \
  G_STMT_START {                                                       \
    LabelState after;                                                  \
    _rpt_label_state_capture (&after, lbl);                            \
    assignment;                                                        \
    record_label_state (self, lbl, &after);                            \
  } G_STMT_END

RptLabel *
rpt_project_add_label (RptProject  *self,
                       const char  *name,
                       const char  *color,
                       guint        shortcut,
                       GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *id = NULL;
  g_autoptr(RptLabel) label = NULL;

  g_return_val_if_fail (RPT_IS_PROJECT (self), NULL);

  if (!check_name (name, error))
    return NULL;
  stripped = g_strstrip (g_strdup (name));
  if (find_label_by_name (self, stripped))
    {
      _rpt_fail (error, RPT_ERROR_INVALID, _("There is already a label named “%s”"), stripped);
      return NULL;
    }
  if (!rpt_color_is_valid (color))
    {
      _rpt_fail (error, RPT_ERROR_INVALID, _("“%s” is not a colour of the form #rrggbb"), color ? color : "");
      return NULL;
    }
  if (shortcut > 9)
    {
      _rpt_fail (error, RPT_ERROR_INVALID, _("Shortcuts are the keys 1 to 9"));
      return NULL;
    }
  if (shortcut == 0)
    shortcut = first_free_shortcut (self);

  id = _rpt_id_minter_label_id (_rpt_project_get_ids (self), stripped);
  label = rpt_label_new (id, stripped, color, 0, NULL);

  _rpt_project_begin_edit (self, _("Add Label"));
  _rpt_project_record_existence (self, OP_LABEL, label, FALSE, G_MAXUINT);
  rpt_project_set_label_shortcut (self, id, shortcut, NULL);
  _rpt_project_end_edit (self);

  return label;
}

static RptLabel *
lookup_label (RptProject  *self,
              const char  *label_id,
              GError     **error)
{
  RptLabel *label = rpt_project_get_label (self, label_id);

  if (label == NULL)
    _rpt_fail (error, RPT_ERROR_NOT_FOUND, _("No label with the id “%s”"), label_id);
  return label;
}

gboolean
rpt_project_rename_label (RptProject  *self,
                          const char  *label_id,
                          const char  *name,
                          GError     **error)
{
  g_autofree char *stripped = NULL;
  RptLabel *label, *other;

  g_return_val_if_fail (RPT_IS_PROJECT (self), FALSE);

  if (!(label = lookup_label (self, label_id, error)) || !check_name (name, error))
    return FALSE;
  stripped = g_strstrip (g_strdup (name));
  other = find_label_by_name (self, stripped);
  if (other != NULL && other != label)
    return _rpt_fail (error, RPT_ERROR_INVALID, _("There is already a label named “%s”"), stripped);
  if (g_strcmp0 (rpt_label_get_name (label), stripped) == 0)
    return TRUE;

  _rpt_project_begin_edit (self, _("Rename Label"));
  EDIT_LABEL (label, { g_free (after.name); after.name = g_strdup (stripped); });
  _rpt_project_end_edit (self);
  return TRUE;
}

gboolean
rpt_project_set_label_color (RptProject  *self,
                             const char  *label_id,
                             const char  *color,
                             GError     **error)
{
  RptLabel *label;

  g_return_val_if_fail (RPT_IS_PROJECT (self), FALSE);

  if (!(label = lookup_label (self, label_id, error)))
    return FALSE;
  if (!rpt_color_is_valid (color))
    return _rpt_fail (error, RPT_ERROR_INVALID, _("“%s” is not a colour of the form #rrggbb"), color ? color : "");
  if (g_ascii_strcasecmp (rpt_label_get_color (label), color) == 0)
    return TRUE;

  _rpt_project_begin_edit (self, _("Change Label Colour"));
  EDIT_LABEL (label, { g_free (after.color); after.color = g_ascii_strdown (color, -1); });
  _rpt_project_end_edit (self);
  return TRUE;
}

gboolean
rpt_project_set_label_shortcut (RptProject  *self,
                                const char  *label_id,
                                guint        shortcut,
                                GError     **error)
{
  RptLabel *label, *holder;

  g_return_val_if_fail (RPT_IS_PROJECT (self), FALSE);

  if (!(label = lookup_label (self, label_id, error)))
    return FALSE;
  if (shortcut > 9)
    return _rpt_fail (error, RPT_ERROR_INVALID, _("Shortcuts are the keys 1 to 9"));
  if (rpt_label_get_shortcut (label) == shortcut)
    return TRUE;

  _rpt_project_begin_edit (self, _("Change Shortcut"));
  holder = rpt_project_get_label_by_shortcut (self, shortcut);
  if (holder != NULL)
    EDIT_LABEL (holder, { after.shortcut = 0; });
  EDIT_LABEL (label, { after.shortcut = shortcut; });
  _rpt_project_end_edit (self);
  return TRUE;
}

void
rpt_project_set_label_description (RptProject *self,
                                   const char *label_id,
                                   const char *description)
{
  RptLabel *label;

  g_return_if_fail (RPT_IS_PROJECT (self));
  g_return_if_fail (description == NULL || g_utf8_validate (description, -1, NULL));

  if (!(label = rpt_project_get_label (self, label_id)))
    return;
  if (g_strcmp0 (rpt_label_get_description (label), description ? description : "") == 0)
    return;

  _rpt_project_begin_edit (self, _("Edit Label Description"));
  EDIT_LABEL (label, { g_free (after.description); after.description = g_strdup (description ? description : ""); });
  _rpt_project_end_edit (self);
}

void
rpt_project_move_label (RptProject *self,
                        const char *label_id,
                        guint       position)
{
  GListModel *labels;
  RptLabel *label;
  guint from, n;
  Op *op;

  g_return_if_fail (RPT_IS_PROJECT (self));

  if (!(label = rpt_project_get_label (self, label_id)))
    return;
  labels = rpt_project_get_labels (self);
  n = g_list_model_get_n_items (labels);
  from = _rpt_list_position (labels, label);
  position = MIN (position, n - 1);
  if (from == position)
    return;

  op = _rpt_op_new (OP_MOVE_LABEL, G_OBJECT (label));
  op->position = from;
  op->to = position;
  _rpt_project_begin_edit (self, _("Move Label"));
  _rpt_project_record (self, op);
  _rpt_project_end_edit (self);
}

void
rpt_project_remove_label (RptProject *self,
                          const char *label_id)
{
  GListModel *documents;
  RptLabel *label;

  g_return_if_fail (RPT_IS_PROJECT (self));

  if (!(label = rpt_project_get_label (self, label_id)))
    return;
  g_object_ref (label);

  _rpt_project_begin_edit (self, _("Remove Label"));
  _rpt_project_remove_orphans_matching (self, NULL, label_id);
  documents = rpt_project_get_documents (self);
  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(RptDocument) document = g_list_model_get_item (documents, d);
      RptAnnotationStore *store = rpt_project_get_annotations (self, rpt_document_get_id (document));

      for (guint i = rpt_annotation_store_get_n_items (store); i > 0; i--)
        {
          RptAnnotation *a = rpt_annotation_store_get (store, i - 1);

          if (g_strcmp0 (rpt_annotation_get_label (a), label_id) == 0)
            _rpt_project_remove_with_relations (self, a);
        }
    }
  _rpt_project_record_existence (self, OP_LABEL, label, TRUE, _rpt_list_position (rpt_project_get_labels (self), label));
  _rpt_project_end_edit (self);
  g_object_unref (label);
}

/* ---- Speakers ---- */

RptSpeaker *
rpt_project_find_speaker_by_name (RptProject *self,
                                  const char *name)
{
  GListModel *speakers = rpt_project_get_speakers (self);
  g_autofree char *key = g_utf8_casefold (name, -1);

  for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
    {
      g_autoptr(RptSpeaker) speaker = g_list_model_get_item (speakers, i);
      g_autofree char *other = g_utf8_casefold (rpt_speaker_get_name (speaker), -1);

      if (g_strcmp0 (key, other) == 0)
        return speaker;
    }
  return NULL;
}

RptSpeaker *
rpt_project_add_speaker (RptProject  *self,
                         const char  *name,
                         GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *id = NULL;
  g_autoptr(RptSpeaker) speaker = NULL;

  g_return_val_if_fail (RPT_IS_PROJECT (self), NULL);

  if (!check_name (name, error))
    return NULL;
  stripped = g_strstrip (g_strdup (name));
  if (rpt_project_find_speaker_by_name (self, stripped))
    {
      _rpt_fail (error, RPT_ERROR_INVALID, _("There is already a speaker named “%s”"), stripped);
      return NULL;
    }

  id = _rpt_id_minter_speaker_id (_rpt_project_get_ids (self), stripped);
  speaker = rpt_speaker_new (id, stripped);

  _rpt_project_begin_edit (self, _("Add Speaker"));
  _rpt_project_record_existence (self, OP_SPEAKER, speaker, FALSE, G_MAXUINT);
  _rpt_project_end_edit (self);
  return speaker;
}

gboolean
rpt_project_rename_speaker (RptProject  *self,
                            const char  *speaker_id,
                            const char  *name,
                            GError     **error)
{
  g_autofree char *stripped = NULL;
  RptSpeaker *speaker, *other;
  Op *op;

  g_return_val_if_fail (RPT_IS_PROJECT (self), FALSE);

  if (!(speaker = rpt_project_get_speaker (self, speaker_id)))
    return _rpt_fail (error, RPT_ERROR_NOT_FOUND, _("No speaker with the id “%s”"), speaker_id);
  if (!check_name (name, error))
    return FALSE;
  stripped = g_strstrip (g_strdup (name));
  other = rpt_project_find_speaker_by_name (self, stripped);
  if (other != NULL && other != speaker)
    return _rpt_fail (error, RPT_ERROR_INVALID, _("There is already a speaker named “%s”"), stripped);
  if (g_strcmp0 (rpt_speaker_get_name (speaker), stripped) == 0)
    return TRUE;

  op = _rpt_op_new (OP_SPEAKER_STATE, G_OBJECT (speaker));
  op->u.speaker.before = g_strdup (rpt_speaker_get_name (speaker));
  op->u.speaker.after = g_strdup (stripped);
  _rpt_project_begin_edit (self, _("Rename Speaker"));
  _rpt_project_record (self, op);
  _rpt_project_end_edit (self);
  return TRUE;
}

void
rpt_project_remove_speaker (RptProject *self,
                            const char *speaker_id)
{
  GListModel *documents;
  RptSpeaker *speaker;

  g_return_if_fail (RPT_IS_PROJECT (self));

  if (!(speaker = rpt_project_get_speaker (self, speaker_id)))
    return;
  g_object_ref (speaker);

  _rpt_project_begin_edit (self, _("Remove Speaker"));
  {
    g_autoptr(GPtrArray) orphans = _rpt_project_orphans_matching (self, NULL, NULL, speaker_id);

    for (guint i = 0; i < orphans->len; i++)
      {
        AnnotationState after;

        _rpt_annotation_state_capture (&after, g_ptr_array_index (orphans, i));
        g_clear_pointer (&after.speaker, g_free);
        _rpt_project_record_annotation_state (self, g_ptr_array_index (orphans, i), &after);
      }
  }
  documents = rpt_project_get_documents (self);
  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(RptDocument) document = g_list_model_get_item (documents, d);
      RptAnnotationStore *store = rpt_project_get_annotations (self, rpt_document_get_id (document));

      for (guint i = 0; i < rpt_annotation_store_get_n_items (store); i++)
        {
          RptAnnotation *annotation = rpt_annotation_store_get (store, i);

          if (g_strcmp0 (rpt_annotation_get_speaker (annotation), speaker_id) == 0)
            {
              AnnotationState after;

              _rpt_annotation_state_capture (&after, annotation);
              g_clear_pointer (&after.speaker, g_free);
              _rpt_project_record_annotation_state (self, annotation, &after);
            }
        }
    }
  _rpt_project_record_existence (self, OP_SPEAKER, speaker, TRUE,
                                 _rpt_list_position (rpt_project_get_speakers (self), speaker));
  _rpt_project_end_edit (self);
  g_object_unref (speaker);
}
