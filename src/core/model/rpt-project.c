/* rpt-project.c: RptProject's storage, lookups, change signals, history and
 * dirty state. Its edits are in rpt-project-edits.c and
 * rpt-project-labels-speakers.c, the undo operations they record in
 * rpt-project-ops.c, ids in rpt-id-minter.c, bulk loading in
 * rpt-project-loader.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rpt-core-private.h"
#include "rpt-project-loader.h"
#include "rpt-project-ops-private.h"
#include "rpt-project-storage-private.h"

G_DEFINE_FINAL_TYPE (RptProject, rpt_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIRTY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_N_ANNOTATIONS,
  PROP_N_ORPHANS,
  N_PROPS
};

enum {
  ANNOTATION_ADDED,
  ANNOTATION_REMOVED,
  ANNOTATION_CHANGED,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
rpt_project_dispose (GObject *object)
{
  RptProject *self = RPT_PROJECT (object);

  g_clear_object (&self->history);

  G_OBJECT_CLASS (rpt_project_parent_class)->dispose (object);
}

static void
rpt_project_finalize (GObject *object)
{
  RptProject *self = RPT_PROJECT (object);
  GListModel *documents = G_LIST_MODEL (self->documents);

  /* The annotations are freed store by store in the order of the
   * documents, which is the order of the file, rather than in the order of
   * a hash table: the allocator hands memory out again in the order it got
   * it back, so the next project opened gets each annotation beside its
   * neighbours in the file instead of scattered over the heap. */
  g_clear_pointer (&self->ids, _rpt_id_minter_free);
  g_clear_pointer (&self->annotation_by_id, g_hash_table_unref);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(RptDocument) document = g_list_model_get_item (documents, i);

      g_hash_table_remove (self->store_by_document, rpt_document_get_id (document));
    }
  g_clear_pointer (&self->document_by_id, g_hash_table_unref);
  g_clear_pointer (&self->store_by_document, g_hash_table_unref);
  g_clear_pointer (&self->label_by_id, g_hash_table_unref);
  g_clear_pointer (&self->speaker_by_id, g_hash_table_unref);
  g_clear_pointer (&self->relation_by_id, g_hash_table_unref);
  g_clear_pointer (&self->orphan_by_id, g_hash_table_unref);
  g_clear_pointer (&self->relation_index, rpt_relation_index_free);
  g_clear_object (&self->documents);
  g_clear_object (&self->labels);
  g_clear_object (&self->speakers);
  g_clear_object (&self->relations);
  g_clear_object (&self->orphans);
  g_free (self->author);

  G_OBJECT_CLASS (rpt_project_parent_class)->finalize (object);
}

static void
rpt_project_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RptProject *self = RPT_PROJECT (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, rpt_project_get_dirty (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, rpt_project_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, rpt_project_can_redo (self));
      break;
    case PROP_N_ANNOTATIONS:
      g_value_set_uint (value, rpt_project_get_n_annotations (self));
      break;
    case PROP_N_ORPHANS:
      g_value_set_uint (value, rpt_project_get_n_orphans (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_project_class_init (RptProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rpt_project_dispose;
  object_class->finalize = rpt_project_finalize;
  object_class->get_property = rpt_project_get_property;

  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  properties[PROP_N_ANNOTATIONS] =
    g_param_spec_uint ("n-annotations", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_ORPHANS] =
    g_param_spec_uint ("n-orphans", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RptProject::annotation-added:
   * @annotation: the annotation, already in its document's store
   */
  signals[ANNOTATION_ADDED] =
    g_signal_new ("annotation-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RPT_TYPE_ANNOTATION);
  /**
   * RptProject::annotation-removed:
   * @annotation: the annotation, already out of its document's store
   */
  signals[ANNOTATION_REMOVED] =
    g_signal_new ("annotation-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RPT_TYPE_ANNOTATION);
  /**
   * RptProject::annotation-changed:
   * @annotation: the annotation, with its new state
   * @old_start: its start before the change
   * @old_end: its end before the change
   *
   * Label, speaker, note or range changed.
   */
  signals[ANNOTATION_CHANGED] =
    g_signal_new ("annotation-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  RPT_TYPE_ANNOTATION, G_TYPE_UINT, G_TYPE_UINT);
  /**
   * RptProject::changed:
   *
   * Emitted once after every edit, undo or redo, when the project is
   * consistent again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rpt_project_init (RptProject *self)
{
  const char *real_name = g_get_real_name ();

  self->documents = g_list_store_new (RPT_TYPE_DOCUMENT);
  self->labels = g_list_store_new (RPT_TYPE_LABEL);
  self->speakers = g_list_store_new (RPT_TYPE_SPEAKER);
  self->relations = g_list_store_new (RPT_TYPE_RELATION);
  self->orphans = g_list_store_new (RPT_TYPE_ANNOTATION);

  self->document_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->store_by_document = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->label_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->speaker_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->annotation_by_id = g_hash_table_new_full (_rpt_id_hash, g_str_equal, NULL, g_object_unref);
  self->relation_by_id = g_hash_table_new (_rpt_id_hash, g_str_equal);
  self->orphan_by_id = g_hash_table_new (_rpt_id_hash, g_str_equal);
  self->relation_index = rpt_relation_index_new ();
  self->ids = _rpt_id_minter_new (self->document_by_id, self->label_by_id, self->speaker_by_id,
                                  self->annotation_by_id, self->orphan_by_id, self->relation_by_id);

  self->history = rpt_history_new (_rpt_op_apply, _rpt_op_free, self);
  /* The passwd entry is in the system's encoding; the file needs UTF-8. */
  self->author = g_utf8_make_valid (g_strcmp0 (real_name, "Unknown") != 0 ? real_name : g_get_user_name (), -1);
}

RptProject *
rpt_project_new_empty (void)
{
  return g_object_new (RPT_TYPE_PROJECT, NULL);
}

RptProject *
rpt_project_new (void)
{
  /* GNOME palette: blue 3, red 3, yellow 4, green 4. Distinct in hue and
   * lightness, so they read as tints in light and dark styles alike. */
  static const struct {
    const char *id, *name, *color, *description;
  } defaults[] = {
    /* Translators: the default labels of a new project; nouns */
    { "claim", NC_("label name", "Claim"), "#3584e4", N_("A statement put forward as true") },
    { "rebuttal", NC_("label name", "Rebuttal"), "#e01b24", N_("An answer that disputes a claim") },
    { "joke", NC_("label name", "Joke"), "#f5c211", N_("Something said in jest") },
    { "diplomatic-signal", NC_("label name", "Diplomatic signal"), "#2ec27e",
      N_("A message about relations between the parties") },
  };
  g_autoptr(RptProjectLoader) loader = rpt_project_loader_new ();

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      g_autoptr(RptLabel) label =
        rpt_label_new (defaults[i].id,
                       g_dpgettext2 (GETTEXT_PACKAGE, "label name", defaults[i].name),
                       defaults[i].color, i + 1,
                       g_dgettext (GETTEXT_PACKAGE, defaults[i].description));
      rpt_project_loader_add_label (loader, label);
    }
  return rpt_project_loader_finish (loader);
}

/* ---- Signals, for the primitive changes (rpt-project-ops.c) ---- */

void
_rpt_project_emit_annotation_added (RptProject    *self,
                                    RptAnnotation *annotation)
{
  g_signal_emit (self, signals[ANNOTATION_ADDED], 0, annotation);
}

void
_rpt_project_emit_annotation_removed (RptProject    *self,
                                      RptAnnotation *annotation)
{
  g_signal_emit (self, signals[ANNOTATION_REMOVED], 0, annotation);
}

void
_rpt_project_emit_annotation_changed (RptProject    *self,
                                      RptAnnotation *annotation,
                                      guint          old_start,
                                      guint          old_end)
{
  g_signal_emit (self, signals[ANNOTATION_CHANGED], 0, annotation, old_start, old_end);
}

/* ---- Read access ---- */

GListModel *
rpt_project_get_documents (RptProject *self)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->documents);
}

GListModel *
rpt_project_get_labels (RptProject *self)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->labels);
}

GListModel *
rpt_project_get_speakers (RptProject *self)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->speakers);
}

GListModel *
rpt_project_get_relations (RptProject *self)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->relations);
}

RptAnnotationStore *
rpt_project_get_annotations (RptProject *self,
                             const char *document_id)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), NULL);
  return document_id ? g_hash_table_lookup (self->store_by_document, document_id) : NULL;
}

guint
rpt_project_get_n_annotations (RptProject *self)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), 0);
  return g_hash_table_size (self->annotation_by_id);
}

GListModel *
rpt_project_get_orphans (RptProject *self)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->orphans);
}

guint
rpt_project_get_n_orphans (RptProject *self)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), 0);
  return g_hash_table_size (self->orphan_by_id);
}

#define LOOKUP(table) \
  g_return_val_if_fail (RPT_IS_PROJECT (self), NULL); \
  return id ? g_hash_table_lookup (self->table, id) : NULL

RptDocument *
rpt_project_get_document (RptProject *self, const char *id)
{
  LOOKUP (document_by_id);
}

RptLabel *
rpt_project_get_label (RptProject *self, const char *id)
{
  LOOKUP (label_by_id);
}

RptSpeaker *
rpt_project_get_speaker (RptProject *self, const char *id)
{
  LOOKUP (speaker_by_id);
}

RptAnnotation *
rpt_project_get_annotation (RptProject *self, const char *id)
{
  LOOKUP (annotation_by_id);
}

RptRelation *
rpt_project_get_relation (RptProject *self, const char *id)
{
  LOOKUP (relation_by_id);
}

RptAnnotation *
rpt_project_get_orphan (RptProject *self, const char *id)
{
  LOOKUP (orphan_by_id);
}

#undef LOOKUP

RptLabel *
rpt_project_get_label_by_shortcut (RptProject *self,
                                   guint       key)
{
  guint n;

  g_return_val_if_fail (RPT_IS_PROJECT (self), NULL);

  if (key == 0)
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->labels));
  for (guint i = 0; i < n; i++)
    {
      RptLabel *label = g_list_model_get_item (G_LIST_MODEL (self->labels), i);

      g_object_unref (label); /* the store keeps it alive */
      if (rpt_label_get_shortcut (label) == key)
        return label;
    }
  return NULL;
}

static guint
count_annotations (RptProject *self,
                   gboolean    by_label,
                   const char *id)
{
  GHashTableIter iter;
  gpointer value;
  guint count = 0;

  /* Orphans too: they keep their label and speaker. */
  for (guint t = 0; t < 2; t++)
    {
      g_hash_table_iter_init (&iter, t == 0 ? self->annotation_by_id : self->orphan_by_id);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          const char *field = by_label ? rpt_annotation_get_label (value)
                                       : rpt_annotation_get_speaker (value);
          if (g_strcmp0 (field, id) == 0)
            count++;
        }
    }
  return count;
}

guint
rpt_project_count_label_uses (RptProject *self,
                              const char *label_id)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), 0);
  return count_annotations (self, TRUE, label_id);
}

guint
rpt_project_count_speaker_uses (RptProject *self,
                                const char *speaker_id)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), 0);
  return count_annotations (self, FALSE, speaker_id);
}

GPtrArray *
rpt_project_relations_of (RptProject *self,
                          const char *annotation_id)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), g_ptr_array_new ());

  return rpt_relation_index_lookup (self->relation_index, annotation_id);
}

const char *
rpt_project_get_author (RptProject *self)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), NULL);
  return self->author;
}

void
rpt_project_set_author (RptProject *self,
                        const char *author)
{
  g_return_if_fail (RPT_IS_PROJECT (self));
  g_return_if_fail (author == NULL || g_utf8_validate (author, -1, NULL));
  g_free (self->author);
  self->author = g_strdup (author ? author : "");
}

RptIdMinter *
_rpt_project_get_ids (RptProject *project)
{
  return project->ids;
}

/* ---- Edits, history and notification ---- */

static void
notify_state (RptProject *self)
{
  gboolean dirty = rpt_project_get_dirty (self);
  gboolean can_undo = rpt_project_can_undo (self);
  gboolean can_redo = rpt_project_can_redo (self);

  self->generation++;
  g_object_freeze_notify (G_OBJECT (self));
  if (dirty != self->was_dirty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
  if (can_undo != self->could_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (can_redo != self->could_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ANNOTATIONS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ORPHANS]);
  self->was_dirty = dirty;
  self->could_undo = can_undo;
  self->could_redo = can_redo;
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

void
_rpt_project_begin_edit (RptProject *self,
                         const char *description)
{
  self->edit_depth++;
  rpt_history_begin (self->history, description);
}

void
_rpt_project_end_edit (RptProject *self)
{
  g_return_if_fail (self->edit_depth > 0);

  rpt_history_end (self->history);
  if (--self->edit_depth == 0)
    notify_state (self);
}

void
rpt_project_begin_group (RptProject *self,
                         const char *description)
{
  g_return_if_fail (RPT_IS_PROJECT (self));
  _rpt_project_begin_edit (self, description);
}

void
rpt_project_end_group (RptProject *self)
{
  g_return_if_fail (RPT_IS_PROJECT (self));
  _rpt_project_end_edit (self);
}

gboolean
rpt_project_can_undo (RptProject *self)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), FALSE);
  return rpt_history_can_undo (self->history);
}

gboolean
rpt_project_can_redo (RptProject *self)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), FALSE);
  return rpt_history_can_redo (self->history);
}

const char *
rpt_project_get_undo_description (RptProject *self)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), NULL);
  return rpt_history_get_undo_description (self->history);
}

const char *
rpt_project_get_redo_description (RptProject *self)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), NULL);
  return rpt_history_get_redo_description (self->history);
}

gboolean
rpt_project_undo (RptProject *self)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->edit_depth == 0, FALSE);

  if (!rpt_history_undo (self->history))
    return FALSE;
  notify_state (self);
  return TRUE;
}

gboolean
rpt_project_redo (RptProject *self)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->edit_depth == 0, FALSE);

  if (!rpt_history_redo (self->history))
    return FALSE;
  notify_state (self);
  return TRUE;
}

gboolean
rpt_project_get_dirty (RptProject *self)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), FALSE);
  return rpt_history_is_dirty (self->history);
}

void
rpt_project_mark_saved (RptProject *self)
{
  g_return_if_fail (RPT_IS_PROJECT (self));

  rpt_project_mark_saved_state (self, rpt_history_get_state (self->history));
}

guint64
rpt_project_get_state (RptProject *self)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), 0);
  return rpt_history_get_state (self->history);
}

void
rpt_project_mark_saved_state (RptProject *self,
                              guint64     state)
{
  gboolean dirty;

  g_return_if_fail (RPT_IS_PROJECT (self));

  rpt_history_mark_saved_state (self->history, state);
  dirty = rpt_history_is_dirty (self->history);
  if (dirty != self->was_dirty)
    {
      self->was_dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
}

guint64
rpt_project_get_generation (RptProject *self)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), 0);
  return self->generation;
}
