/* rpt-project-snapshot.c: the project at one moment, for workers.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Model"

#include "config.h"

#include "rpt-core-private.h"
#include "rpt-project-snapshot.h"

typedef struct
{
  guint from;
  guint to;
} Ends;

struct _RptProjectSnapshot
{
  guint64                state;
  GStringChunk          *strings;       /* labels, speakers, notes, orphans' quotes */
  RptSnapshotLabel      *labels;
  guint                  n_labels;
  RptSnapshotSpeaker    *speakers;
  guint                  n_speakers;
  GPtrArray             *documents;     /* RptDocument, referenced */
  guint                 *first;         /* per article, its first annotation; one more at the end */
  RptSnapshotAnnotation *annotations;   /* each holding a reference on its annotation */
  guint                  n_annotations;
  RptSnapshotOrphan     *orphans;       /* the same */
  guint                  n_orphans;
  GPtrArray             *relation_objects; /* RptRelation, referenced: they never change */
  RptSnapshotRelation   *relations;
  guint                  n_relations;
  gsize                  ends_ready;    /* g_once: ends is filled */
  Ends                  *ends;
};

/* ---- Taking it ---- */

/* The annotations' labels and speakers are interned strings, a few
 * distinct pointers over thousands of annotations: each is looked up by
 * name once, then by pointer. */
typedef struct
{
  GHashTable *by_id;       /* id -> index + 1 */
  GHashTable *by_pointer;  /* an annotation's interned string -> index + 1 */
} Index;

static void
index_init (Index *index)
{
  index->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  index->by_pointer = g_hash_table_new (NULL, NULL);
}

static void
index_clear (Index *index)
{
  g_hash_table_unref (index->by_id);
  g_hash_table_unref (index->by_pointer);
}

/* The index of @id, or -1. */
static int
index_find (Index      *index,
            const char *id)
{
  guint found;

  if (id == NULL)
    return -1;
  found = GPOINTER_TO_UINT (g_hash_table_lookup (index->by_pointer, id));
  if (found == 0 && (found = GPOINTER_TO_UINT (g_hash_table_lookup (index->by_id, id))) != 0)
    g_hash_table_insert (index->by_pointer, (gpointer) id, GUINT_TO_POINTER (found));
  return (int) found - 1;
}

static const char *
copy_string (RptProjectSnapshot *self,
             const char         *str)
{
  return str ? g_string_chunk_insert (self->strings, str) : NULL;
}

static void
copy_labels_and_speakers (RptProjectSnapshot *self,
                          RptProject         *project,
                          Index              *labels,
                          Index              *speakers)
{
  GListModel *label_list = rpt_project_get_labels (project);
  GListModel *speaker_list = rpt_project_get_speakers (project);

  self->n_labels = g_list_model_get_n_items (label_list);
  self->labels = g_new0 (RptSnapshotLabel, MAX (self->n_labels, 1));
  for (guint i = 0; i < self->n_labels; i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (label_list, i);
      RptSnapshotLabel *copy = &self->labels[i];

      copy->id = copy_string (self, rpt_label_get_id (label));
      copy->name = copy_string (self, rpt_label_get_name (label));
      copy->color = copy_string (self, rpt_label_get_color (label));
      copy->description = copy_string (self, rpt_label_get_description (label));
      copy->shortcut = rpt_label_get_shortcut (label);
      g_hash_table_insert (labels->by_id, (gpointer) copy->id, GUINT_TO_POINTER (i + 1));
    }

  self->n_speakers = g_list_model_get_n_items (speaker_list);
  self->speakers = g_new0 (RptSnapshotSpeaker, MAX (self->n_speakers, 1));
  for (guint i = 0; i < self->n_speakers; i++)
    {
      g_autoptr(RptSpeaker) speaker = g_list_model_get_item (speaker_list, i);
      RptSnapshotSpeaker *copy = &self->speakers[i];

      copy->id = copy_string (self, rpt_speaker_get_id (speaker));
      copy->name = copy_string (self, rpt_speaker_get_name (speaker));
      g_hash_table_insert (speakers->by_id, (gpointer) copy->id, GUINT_TO_POINTER (i + 1));
    }
}

/* Fills @copy from @a, taking a reference; FALSE for a label the project
 * does not have, which its edits never allow. */
static gboolean
copy_annotation (RptProjectSnapshot    *self,
                 RptSnapshotAnnotation *copy,
                 RptAnnotation         *a,
                 guint                  document,
                 Index                 *labels,
                 Index                 *speakers)
{
  const char *note = rpt_annotation_get_note (a);
  int label = index_find (labels, rpt_annotation_get_label (a));

  if (label < 0)
    {
      g_critical ("Annotation %s has the unknown label %s", rpt_annotation_get_id (a), rpt_annotation_get_label (a));
      return FALSE;
    }
  /* The reference keeps the id and the author, which never change. */
  copy->annotation = g_object_ref (a);
  copy->id = rpt_annotation_get_id (a);
  copy->note = *note ? g_string_chunk_insert (self->strings, note) : "";
  copy->author = rpt_annotation_get_author (a);
  copy->created = rpt_annotation_get_created (a);
  copy->modified = rpt_annotation_get_modified (a);
  copy->start = rpt_annotation_get_start (a);
  copy->end = rpt_annotation_get_end (a);
  copy->document = document;
  copy->label = (guint) label;
  copy->speaker = index_find (speakers, rpt_annotation_get_speaker (a));
  return TRUE;
}

static void
copy_documents (RptProjectSnapshot *self,
                RptProject         *project,
                Index              *labels,
                Index              *speakers)
{
  GListModel *documents = rpt_project_get_documents (project);
  guint n_documents = g_list_model_get_n_items (documents), n = 0;

  self->documents = g_ptr_array_new_full (n_documents, g_object_unref);
  self->first = g_new (guint, n_documents + 1);
  for (guint d = 0; d < n_documents; d++)
    {
      RptDocument *document = g_list_model_get_item (documents, d);

      g_ptr_array_add (self->documents, document);
      n += rpt_annotation_store_get_n_items (rpt_project_get_annotations (project, rpt_document_get_id (document)));
    }

  self->annotations = g_new (RptSnapshotAnnotation, MAX (n, 1));
  for (guint d = 0; d < n_documents; d++)
    {
      RptDocument *document = g_ptr_array_index (self->documents, d);
      RptAnnotationStore *store = rpt_project_get_annotations (project, rpt_document_get_id (document));
      guint n_store = rpt_annotation_store_get_n_items (store);

      self->first[d] = self->n_annotations;
      for (guint i = 0; i < n_store; i++)
        if (copy_annotation (self, &self->annotations[self->n_annotations],
                             rpt_annotation_store_get (store, i), d, labels, speakers))
          self->n_annotations++;
    }
  self->first[n_documents] = self->n_annotations;
}

static void
copy_orphans (RptProjectSnapshot *self,
              RptProject         *project,
              Index              *labels,
              Index              *speakers)
{
  GListModel *orphans = rpt_project_get_orphans (project);
  guint n = g_list_model_get_n_items (orphans);
  g_autoptr(GHashTable) document_index = NULL;

  self->orphans = g_new0 (RptSnapshotOrphan, MAX (n, 1));
  if (n == 0)
    return;
  document_index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint d = 0; d < self->documents->len; d++)
    g_hash_table_insert (document_index, (gpointer) rpt_document_get_id (g_ptr_array_index (self->documents, d)),
                         GUINT_TO_POINTER (d + 1));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RptAnnotation) a = g_list_model_get_item (orphans, i);
      RptSnapshotOrphan *copy = &self->orphans[self->n_orphans];
      guint document = GPOINTER_TO_UINT (g_hash_table_lookup (document_index, rpt_annotation_get_document (a)));

      /* Removing an article removes its orphans. */
      if (document == 0)
        {
          g_critical ("Orphan %s is of the unknown article %s", rpt_annotation_get_id (a), rpt_annotation_get_document (a));
          continue;
        }
      if (!copy_annotation (self, &copy->annotation, a, document - 1, labels, speakers))
        continue;
      copy->quote = copy_string (self, rpt_annotation_get_quote (a));
      copy->prefix = copy_string (self, rpt_annotation_get_prefix (a));
      copy->suffix = copy_string (self, rpt_annotation_get_suffix (a));
      self->n_orphans++;
    }
}

static void
copy_relations (RptProjectSnapshot *self,
                RptProject         *project)
{
  GListModel *relations = rpt_project_get_relations (project);

  self->n_relations = g_list_model_get_n_items (relations);
  self->relation_objects = g_ptr_array_new_full (self->n_relations, g_object_unref);
  self->relations = g_new (RptSnapshotRelation, MAX (self->n_relations, 1));
  for (guint i = 0; i < self->n_relations; i++)
    {
      RptRelation *relation = g_list_model_get_item (relations, i);

      g_ptr_array_add (self->relation_objects, relation);
      self->relations[i] = (RptSnapshotRelation) {
        rpt_relation_get_id (relation),
        rpt_relation_get_kind (relation),
        rpt_relation_get_from (relation),
        rpt_relation_get_to (relation),
      };
    }
}

RptProjectSnapshot *
rpt_project_snapshot_new (RptProject *project)
{
  RptProjectSnapshot *self;
  Index labels, speakers;

  g_return_val_if_fail (RPT_IS_PROJECT (project), NULL);

  self = g_atomic_rc_box_new0 (RptProjectSnapshot);
  self->state = rpt_project_get_state (project);
  self->strings = g_string_chunk_new (16 * 1024);
  index_init (&labels);
  index_init (&speakers);
  copy_labels_and_speakers (self, project, &labels, &speakers);
  copy_documents (self, project, &labels, &speakers);
  copy_orphans (self, project, &labels, &speakers);
  copy_relations (self, project);
  index_clear (&labels);
  index_clear (&speakers);
  return self;
}

/* ---- Releasing it ---- */

/* What the snapshot holds of the project. */
typedef struct
{
  RptSnapshotAnnotation *annotations;
  guint                  n_annotations;
  RptSnapshotOrphan     *orphans;
  guint                  n_orphans;
  GPtrArray             *documents;
  GPtrArray             *relations;
} Held;

static gboolean
release_held (gpointer data)
{
  Held *held = data;

  for (guint i = 0; i < held->n_annotations; i++)
    g_object_unref (held->annotations[i].annotation);
  for (guint i = 0; i < held->n_orphans; i++)
    g_object_unref (held->orphans[i].annotation.annotation);
  g_free (held->annotations);
  g_free (held->orphans);
  g_ptr_array_unref (held->documents);
  g_ptr_array_unref (held->relations);
  g_free (held);
  return G_SOURCE_REMOVE;
}

static void
snapshot_clear (gpointer data)
{
  RptProjectSnapshot *self = data;
  Held *held = g_new (Held, 1);

  /* The last reference to an annotation or an article may be this one (it
   * was removed meanwhile), and whoever watches it (weak references in the
   * window) expects to hear of its end on the main thread: a snapshot
   * dropped by a worker hands its references back there. */
  *held = (Held) {
    self->annotations, self->n_annotations, self->orphans, self->n_orphans,
    self->documents, self->relation_objects,
  };
  g_main_context_invoke (NULL, release_held, held);
  g_string_chunk_free (self->strings);
  g_free (self->labels);
  g_free (self->speakers);
  g_free (self->first);
  g_free (self->relations);
  g_free (self->ends);
}

RptProjectSnapshot *
rpt_project_snapshot_ref (RptProjectSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
rpt_project_snapshot_unref (RptProjectSnapshot *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, snapshot_clear);
}

/* ---- Reading it ---- */

guint64
rpt_project_snapshot_get_state (RptProjectSnapshot *self)
{
  return self->state;
}

guint
rpt_project_snapshot_get_n_labels (RptProjectSnapshot *self)
{
  return self->n_labels;
}

const RptSnapshotLabel *
rpt_project_snapshot_get_label (RptProjectSnapshot *self,
                                guint               index)
{
  g_return_val_if_fail (index < self->n_labels, NULL);
  return &self->labels[index];
}

guint
rpt_project_snapshot_get_n_speakers (RptProjectSnapshot *self)
{
  return self->n_speakers;
}

const RptSnapshotSpeaker *
rpt_project_snapshot_get_speaker (RptProjectSnapshot *self,
                                  guint               index)
{
  g_return_val_if_fail (index < self->n_speakers, NULL);
  return &self->speakers[index];
}

guint
rpt_project_snapshot_get_n_documents (RptProjectSnapshot *self)
{
  return self->documents->len;
}

RptDocument *
rpt_project_snapshot_get_document (RptProjectSnapshot *self,
                                   guint               index)
{
  g_return_val_if_fail (index < self->documents->len, NULL);
  return g_ptr_array_index (self->documents, index);
}

const RptSnapshotAnnotation *
rpt_project_snapshot_get_annotations (RptProjectSnapshot *self,
                                      guint              *n_annotations)
{
  *n_annotations = self->n_annotations;
  return self->annotations;
}

const RptSnapshotAnnotation *
rpt_project_snapshot_get_document_annotations (RptProjectSnapshot *self,
                                               guint               document,
                                               guint              *n_annotations)
{
  g_return_val_if_fail (document < self->documents->len, NULL);
  *n_annotations = self->first[document + 1] - self->first[document];
  return self->annotations + self->first[document];
}

guint
rpt_project_snapshot_get_n_orphans (RptProjectSnapshot *self)
{
  return self->n_orphans;
}

const RptSnapshotOrphan *
rpt_project_snapshot_get_orphan (RptProjectSnapshot *self,
                                 guint               index)
{
  g_return_val_if_fail (index < self->n_orphans, NULL);
  return &self->orphans[index];
}

guint
rpt_project_snapshot_get_n_relations (RptProjectSnapshot *self)
{
  return self->n_relations;
}

const RptSnapshotRelation *
rpt_project_snapshot_get_relation (RptProjectSnapshot *self,
                                   guint               index)
{
  g_return_val_if_fail (index < self->n_relations, NULL);
  return &self->relations[index];
}

/* Only the ids at relations' ends are indexed, and each annotation's id
 * looked up once: cheaper than indexing every id. */
static void
find_ends (RptProjectSnapshot *self)
{
  g_autoptr(GHashTable) slot_of = g_hash_table_new (_rpt_id_hash, g_str_equal);  /* end id -> slot + 1 */
  g_autofree guint *place = g_new (guint, MAX (2 * self->n_relations, 1));         /* slot -> annotation */
  guint n_slots = 0;

  self->ends = g_new (Ends, MAX (self->n_relations, 1));
  for (guint r = 0; r < self->n_relations; r++)
    for (guint e = 0; e < 2; e++)
      {
        const char *id = e == 0 ? self->relations[r].from : self->relations[r].to;
        guint slot = GPOINTER_TO_UINT (g_hash_table_lookup (slot_of, id));

        if (slot == 0)
          {
            place[n_slots] = G_MAXUINT;
            g_hash_table_insert (slot_of, (gpointer) id, GUINT_TO_POINTER (slot = ++n_slots));
          }
        if (e == 0)
          self->ends[r].from = slot - 1;
        else
          self->ends[r].to = slot - 1;
      }
  for (guint i = 0; i < self->n_annotations && n_slots > 0; i++)
    {
      guint slot = GPOINTER_TO_UINT (g_hash_table_lookup (slot_of, self->annotations[i].id));

      if (slot != 0)
        place[slot - 1] = i;
    }
  for (guint r = 0; r < self->n_relations; r++)
    {
      self->ends[r].from = place[self->ends[r].from];
      self->ends[r].to = place[self->ends[r].to];
    }
}

void
rpt_project_snapshot_get_relation_ends (RptProjectSnapshot *self,
                                        guint               index,
                                        guint              *from,
                                        guint              *to)
{
  g_return_if_fail (index < self->n_relations);

  if (g_once_init_enter (&self->ends_ready))
    {
      find_ends (self);
      g_once_init_leave (&self->ends_ready, 1);
    }
  *from = self->ends[index].from;
  *to = self->ends[index].to;
}
