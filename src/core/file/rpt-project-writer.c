/* rpt-project-writer.c: the project as bytes, and saving it.
 * One object per line inside each array, members in a fixed order, so the
 * same project always gives the same bytes and git diffs stay readable.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-File"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rpt-anchor.h"
#include "rpt-json-writer.h"
#include "rpt-project-io.h"
#include "rpt-safe-file.h"

static void
begin_array (GString    *out,
             const char *name,
             guint       n)
{
  g_string_append_printf (out, "  \"%s\": [", name);
  if (n > 0)
    g_string_append_c (out, '\n');
}

static void
end_array (GString  *out,
           guint     n,
           gboolean  last)
{
  if (n > 0)
    rpt_json_put_literal (out, "  ");
  g_string_append (out, last ? "]\n" : "],\n");
}

static void
end_item (GString  *out,
          gboolean  last)
{
  if (last)
    rpt_json_put_literal (out, "}\n");
  else
    rpt_json_put_literal (out, "},\n");
}

/* ---- The snapshot ----
 * Saving a large project must not hold up the window: the bytes are made
 * in a worker thread from a copy taken on the main thread. The copy is
 * cheap: documents and relations never change, so they are only
 * referenced; labels, speakers, annotations and orphans are copied, their
 * repeated strings (document, label, speaker, author) once each. An
 * annotation's quote and context are sliced from its document's text when
 * the bytes are made; an orphan's are copied. */

typedef struct
{
  const char *id, *name, *color, *description;
  guint       shortcut;
} LabelCopy;

typedef struct
{
  const char *id, *name;
} SpeakerCopy;

typedef struct
{
  const char  *id, *document, *label, *speaker, *note, *author;
  gint64       created, modified;
  guint        start, end;
  RptDocument *text;                    /* placed: the text it quotes (borrowed) */
  const char  *quote, *prefix, *suffix; /* orphans */
} AnnotationCopy;

struct _RptProjectSnapshot
{
  GStringChunk *strings;
  GHashTable   *shared;       /* original pointer -> copy, for repeated strings */
  GArray       *labels;       /* LabelCopy */
  GArray       *speakers;     /* SpeakerCopy */
  GPtrArray    *documents;    /* RptDocument, referenced */
  GArray       *annotations;  /* AnnotationCopy: document order, then text order */
  RptProject   *project;      /* set instead of annotations: see snapshot_new() */
  guint         n_annotations;
  GArray       *orphans;      /* AnnotationCopy, in the orphans' order */
  GPtrArray    *relations;    /* RptRelation, referenced */
  gsize         text_bytes;
};

static const char *
copy_string (RptProjectSnapshot *snapshot,
             const char         *str)
{
  return str ? g_string_chunk_insert (snapshot->strings, str) : NULL;
}

/* Strings that many annotations share (the model interns them). */
static const char *
copy_shared (RptProjectSnapshot *snapshot,
             const char         *str)
{
  const char *copy;

  if (str == NULL)
    return NULL;
  if ((copy = g_hash_table_lookup (snapshot->shared, str)) == NULL)
    {
      copy = g_string_chunk_insert_const (snapshot->strings, str);
      g_hash_table_insert (snapshot->shared, (gpointer) str, (gpointer) copy);
    }
  return copy;
}

static AnnotationCopy
copy_annotation (RptProjectSnapshot *snapshot,
                 RptAnnotation      *a,
                 RptDocument        *text)
{
  const char *note = rpt_annotation_get_note (a);
  AnnotationCopy copy = {
    copy_string (snapshot, rpt_annotation_get_id (a)),
    copy_shared (snapshot, rpt_annotation_get_document (a)),
    copy_shared (snapshot, rpt_annotation_get_label (a)),
    copy_shared (snapshot, rpt_annotation_get_speaker (a)),
    *note ? copy_string (snapshot, note) : "",
    copy_shared (snapshot, rpt_annotation_get_author (a)),
    rpt_annotation_get_created (a),
    rpt_annotation_get_modified (a),
    rpt_annotation_get_start (a),
    rpt_annotation_get_end (a),
    text,
    copy_string (snapshot, rpt_annotation_get_quote (a)),
    copy_string (snapshot, rpt_annotation_get_prefix (a)),
    copy_string (snapshot, rpt_annotation_get_suffix (a)),
  };

  return copy;
}

/* A placed annotation as written, its strings borrowed from the model. */
static AnnotationCopy
borrow_annotation (RptAnnotation *a,
                   RptDocument   *text)
{
  AnnotationCopy copy = {
    rpt_annotation_get_id (a),
    rpt_annotation_get_document (a),
    rpt_annotation_get_label (a),
    rpt_annotation_get_speaker (a),
    rpt_annotation_get_note (a),
    rpt_annotation_get_author (a),
    rpt_annotation_get_created (a),
    rpt_annotation_get_modified (a),
    rpt_annotation_get_start (a),
    rpt_annotation_get_end (a),
    text,
    NULL, NULL, NULL,
  };

  return copy;
}

/* With @direct (only for making the bytes on the calling thread, where
 * nothing can change the project meanwhile), annotations are not copied:
 * they are written straight from the model, which spares a copy of every
 * annotation (100 bytes each, a million in a large project) that would be
 * made only to be read once. */
static RptProjectSnapshot *
snapshot_new (RptProject *self,
              gboolean    direct)
{
  RptProjectSnapshot *snapshot;
  GListModel *labels, *speakers, *documents, *relations, *orphans;

  g_return_val_if_fail (RPT_IS_PROJECT (self), NULL);

  labels = rpt_project_get_labels (self);
  speakers = rpt_project_get_speakers (self);
  documents = rpt_project_get_documents (self);
  relations = rpt_project_get_relations (self);
  orphans = rpt_project_get_orphans (self);

  snapshot = g_new0 (RptProjectSnapshot, 1);
  snapshot->strings = g_string_chunk_new (64 * 1024);
  snapshot->shared = g_hash_table_new (g_direct_hash, g_direct_equal);
  snapshot->labels = g_array_new (FALSE, FALSE, sizeof (LabelCopy));
  snapshot->speakers = g_array_new (FALSE, FALSE, sizeof (SpeakerCopy));
  snapshot->documents = g_ptr_array_new_with_free_func (g_object_unref);
  snapshot->n_annotations = rpt_project_get_n_annotations (self);
  snapshot->annotations = g_array_sized_new (FALSE, FALSE, sizeof (AnnotationCopy),
                                             direct ? 0 : snapshot->n_annotations);
  snapshot->project = direct ? self : NULL;
  snapshot->orphans = g_array_new (FALSE, FALSE, sizeof (AnnotationCopy));
  snapshot->relations = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (labels, i);
      LabelCopy copy = {
        copy_string (snapshot, rpt_label_get_id (label)),
        copy_string (snapshot, rpt_label_get_name (label)),
        copy_string (snapshot, rpt_label_get_color (label)),
        copy_string (snapshot, rpt_label_get_description (label)),
        rpt_label_get_shortcut (label),
      };

      g_array_append_val (snapshot->labels, copy);
    }

  for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
    {
      g_autoptr(RptSpeaker) speaker = g_list_model_get_item (speakers, i);
      SpeakerCopy copy = {
        copy_string (snapshot, rpt_speaker_get_id (speaker)),
        copy_string (snapshot, rpt_speaker_get_name (speaker)),
      };

      g_array_append_val (snapshot->speakers, copy);
    }

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      RptDocument *document = g_list_model_get_item (documents, d);
      RptAnnotationStore *store = rpt_project_get_annotations (self, rpt_document_get_id (document));
      guint n = rpt_annotation_store_get_n_items (store);

      g_ptr_array_add (snapshot->documents, document);
      snapshot->text_bytes += rpt_document_get_text_bytes (document);
      for (guint i = 0; !direct && i < n; i++)
        {
          AnnotationCopy copy = copy_annotation (snapshot, rpt_annotation_store_get (store, i), document);

          g_array_append_val (snapshot->annotations, copy);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (orphans); i++)
    {
      g_autoptr(RptAnnotation) orphan = g_list_model_get_item (orphans, i);
      AnnotationCopy copy = copy_annotation (snapshot, orphan, NULL);

      g_array_append_val (snapshot->orphans, copy);
    }

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    g_ptr_array_add (snapshot->relations, g_list_model_get_item (relations, i));

  return snapshot;
}

RptProjectSnapshot *
rpt_project_snapshot_new (RptProject *self)
{
  g_return_val_if_fail (RPT_IS_PROJECT (self), NULL);
  return snapshot_new (self, FALSE);
}

void
rpt_project_snapshot_free (RptProjectSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_string_chunk_free (snapshot->strings);
  g_hash_table_unref (snapshot->shared);
  g_array_unref (snapshot->labels);
  g_array_unref (snapshot->speakers);
  g_ptr_array_unref (snapshot->documents);
  g_array_unref (snapshot->annotations);
  g_array_unref (snapshot->orphans);
  g_ptr_array_unref (snapshot->relations);
  g_free (snapshot);
}

/* ---- Writing ---- */

static void
write_labels (RptProjectSnapshot *snapshot,
              GString            *out)
{
  guint n = snapshot->labels->len;

  begin_array (out, "labels", n);
  for (guint i = 0; i < n; i++)
    {
      LabelCopy *label = &g_array_index (snapshot->labels, LabelCopy, i);

      rpt_json_put_literal (out, "    {");
      rpt_json_append_member_string (out, "id", label->id);
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "name", label->name);
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "color", label->color);
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_uint (out, "shortcut", label->shortcut);
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "description", label->description);
      end_item (out, i + 1 == n);
    }
  end_array (out, n, FALSE);
}

static void
write_speakers (RptProjectSnapshot *snapshot,
                GString            *out)
{
  guint n = snapshot->speakers->len;

  begin_array (out, "speakers", n);
  for (guint i = 0; i < n; i++)
    {
      SpeakerCopy *speaker = &g_array_index (snapshot->speakers, SpeakerCopy, i);

      rpt_json_put_literal (out, "    {");
      rpt_json_append_member_string (out, "id", speaker->id);
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "name", speaker->name);
      end_item (out, i + 1 == n);
    }
  end_array (out, n, FALSE);
}

static void
write_documents (RptProjectSnapshot *snapshot,
                 GString            *out)
{
  guint n = snapshot->documents->len;

  begin_array (out, "documents", n);
  for (guint i = 0; i < n; i++)
    {
      RptDocument *document = g_ptr_array_index (snapshot->documents, i);

      rpt_json_put_literal (out, "    {");
      rpt_json_append_member_string (out, "id", rpt_document_get_id (document));
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "title", rpt_document_get_title (document));
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "source", rpt_document_get_source (document));
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "sha256", rpt_document_get_sha256 (document));
      rpt_json_put_literal (out, ",\n     \"text\": ");
      rpt_json_append_string_len (out, rpt_document_get_text (document),
                                  rpt_document_get_text_bytes (document));
      end_item (out, i + 1 == n);
    }
  end_array (out, n, FALSE);
}

/* The quote and its context, sliced straight out of the text: no string
 * is made per annotation. */
static void
write_anchor (GString     *out,
              RptDocument *document,
              guint        start_offset,
              guint        end_offset)
{
  const char *text = rpt_document_get_text (document);
  const char *text_end = text + rpt_document_get_text_bytes (document);
  const char *start = text + rpt_document_byte_offset (document, start_offset);
  const char *end = text + rpt_document_byte_offset (document, end_offset);
  const char *before = start, *after = end;

  for (guint i = 0; i < RPT_ANCHOR_CONTEXT_CHARS && before > text; i++)
    before = g_utf8_prev_char (before);
  for (guint i = 0; i < RPT_ANCHOR_CONTEXT_CHARS && after < text_end; i++)
    after = g_utf8_next_char (after);

  rpt_json_put_literal (out, ", \"quote\": ");
  rpt_json_append_string_len (out, start, end - start);
  rpt_json_put_literal (out, ", \"prefix\": ");
  rpt_json_append_string_len (out, before, start - before);
  rpt_json_put_literal (out, ", \"suffix\": ");
  rpt_json_append_string_len (out, end, after - end);
}

static void
write_annotation (GString        *out,
                  AnnotationCopy *a)
{
  rpt_json_put_literal (out, "    {");
  rpt_json_append_member_string (out, "id", a->id);
  rpt_json_put_literal (out, ", ");
  rpt_json_append_member_string (out, "document", a->document);
  rpt_json_put_literal (out, ", ");
  rpt_json_append_member_uint (out, "start", a->start);
  rpt_json_put_literal (out, ", ");
  rpt_json_append_member_uint (out, "end", a->end);
  rpt_json_put_literal (out, ", ");
  rpt_json_append_member_string (out, "label", a->label);
  if (a->speaker != NULL)
    {
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "speaker", a->speaker);
    }
  rpt_json_put_literal (out, ", ");
  rpt_json_append_member_string (out, "note", a->note);
  rpt_json_put_literal (out, ", ");
  rpt_json_append_member_string (out, "author", a->author);
  /* -1: the file it came from had no time (times before 1970 are fine). */
  if (a->created != -1)
    {
      rpt_json_put_literal (out, ", \"created\": ");
      rpt_json_append_timestamp (out, a->created);
    }
  if (a->modified != -1)
    {
      rpt_json_put_literal (out, ", \"modified\": ");
      rpt_json_append_timestamp (out, a->modified);
    }
  if (a->text != NULL)
    write_anchor (out, a->text, a->start, a->end);
  else
    {
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "quote", a->quote);
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "prefix", a->prefix);
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "suffix", a->suffix);
    }
}

/* Annotations in document order, then text order within each document. */
static void
write_annotations (RptProjectSnapshot *snapshot,
                   GString            *out)
{
  guint n = snapshot->n_annotations, written = 0;

  begin_array (out, "annotations", n);
  if (snapshot->project == NULL)
    for (guint i = 0; i < n; i++)
      {
        write_annotation (out, &g_array_index (snapshot->annotations, AnnotationCopy, i));
        end_item (out, i + 1 == n);
      }
  else
    for (guint d = 0; d < snapshot->documents->len; d++)
      {
        RptDocument *document = g_ptr_array_index (snapshot->documents, d);
        RptAnnotationStore *store = rpt_project_get_annotations (snapshot->project,
                                                                 rpt_document_get_id (document));
        guint n_store = rpt_annotation_store_get_n_items (store);

        for (guint i = 0; i < n_store; i++)
          {
            AnnotationCopy a = borrow_annotation (rpt_annotation_store_get (store, i), document);

            write_annotation (out, &a);
            end_item (out, ++written == n);
          }
      }
  end_array (out, n, FALSE);
}

/* Only when there are any: a project without orphans is written as
 * before they existed. */
static void
write_orphans (RptProjectSnapshot *snapshot,
               GString            *out)
{
  guint n = snapshot->orphans->len;

  if (n == 0)
    return;
  begin_array (out, "orphans", n);
  for (guint i = 0; i < n; i++)
    {
      write_annotation (out, &g_array_index (snapshot->orphans, AnnotationCopy, i));
      end_item (out, i + 1 == n);
    }
  end_array (out, n, FALSE);
}

static void
write_relations (RptProjectSnapshot *snapshot,
                 GString            *out)
{
  guint n = snapshot->relations->len;

  begin_array (out, "relations", n);
  for (guint i = 0; i < n; i++)
    {
      RptRelation *relation = g_ptr_array_index (snapshot->relations, i);

      rpt_json_put_literal (out, "    {");
      rpt_json_append_member_string (out, "id", rpt_relation_get_id (relation));
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "type", rpt_relation_type_to_string (rpt_relation_get_kind (relation)));
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "from", rpt_relation_get_from (relation));
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "to", rpt_relation_get_to (relation));
      end_item (out, i + 1 == n);
    }
  end_array (out, n, TRUE);
}

GBytes *
rpt_project_snapshot_to_bytes (RptProjectSnapshot *snapshot)
{
  GString *out;

  g_return_val_if_fail (snapshot != NULL, NULL);

  /* Quote and context add about as much again per annotation. */
  out = g_string_sized_new (1024 + snapshot->n_annotations * 400 + snapshot->orphans->len * 400 + snapshot->relations->len * 72 +
                            snapshot->documents->len * 256 + snapshot->text_bytes);
  rpt_json_put_literal (out, "{\n");
  g_string_append (out, "  \"format\": \"" RPT_PROJECT_FORMAT "\",\n");
  g_string_append_printf (out, "  \"version\": %d,\n", RPT_PROJECT_VERSION);
  write_labels (snapshot, out);
  write_speakers (snapshot, out);
  write_documents (snapshot, out);
  write_annotations (snapshot, out);
  write_orphans (snapshot, out);
  write_relations (snapshot, out);
  rpt_json_put_literal (out, "}\n");

  return g_string_free_to_bytes (out);
}

GBytes *
rpt_project_to_bytes (RptProject *self)
{
  g_autoptr(RptProjectSnapshot) snapshot = NULL;

  g_return_val_if_fail (RPT_IS_PROJECT (self), NULL);

  snapshot = snapshot_new (self, TRUE);
  return rpt_project_snapshot_to_bytes (snapshot);
}

/* Writes @bytes over @path under @lock (taken here when NULL), expecting
 * the file to be @expected (optional). */
static gboolean
write_locked (GBytes              *bytes,
              const char          *path,
              RptFileLock         *lock,
              const RptFileStamp  *expected,
              RptFileStamp        *written,
              GError             **error)
{
  g_autoptr(RptFileLock) own = NULL;
  RptSafeFile *file;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (lock == NULL && !(lock = own = rpt_file_lock_acquire (path, RPT_FILE_LOCK_WAIT_MS, NULL, NULL, error)))
    return FALSE;
  if (!(file = rpt_safe_file_begin (path, error)))
    return FALSE;
  if (expected)
    rpt_safe_file_expect (file, expected);
  if (!rpt_safe_file_write (file, data, len, error))
    {
      rpt_safe_file_abort (file);
      return FALSE;
    }
  if (!rpt_safe_file_commit (file, error))
    return FALSE;
  /* Still locked: no other writer has been at it since. */
  if (written)
    rpt_file_stamp_read (path, written);
  return TRUE;
}

static gboolean
save_to_file (RptProject   *self,
              const char   *path,
              RptFileLock  *lock,
              GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  guint64 state;

  g_return_val_if_fail (RPT_IS_PROJECT (self), FALSE);

  state = rpt_project_get_state (self);
  bytes = rpt_project_to_bytes (self);
  if (!write_locked (bytes, path, lock, lock ? rpt_file_lock_get_stamp (lock) : NULL, NULL, error))
    return FALSE;
  rpt_project_mark_saved_state (self, state);
  return TRUE;
}

gboolean
rpt_project_save_to_file (RptProject  *self,
                          const char  *path,
                          GError     **error)
{
  return save_to_file (self, path, NULL, error);
}

gboolean
rpt_project_save_locked (RptProject   *self,
                         RptFileLock  *lock,
                         GError      **error)
{
  g_return_val_if_fail (lock != NULL, FALSE);

  return save_to_file (self, rpt_file_lock_get_path (lock), lock, error);
}

typedef struct
{
  RptProjectSnapshot *snapshot;
  char               *path;
  guint64             state;
  gboolean            expecting;
  RptFileStamp        expected;
  RptFileStamp        written;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  rpt_project_snapshot_free (save->snapshot);
  g_free (save->path);
  g_free (save);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *save = task_data;
  GError *error = NULL;
  g_autoptr(GBytes) bytes = rpt_project_snapshot_to_bytes (save->snapshot);

  if (write_locked (bytes, save->path, NULL, save->expecting ? &save->expected : NULL, &save->written, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
rpt_project_save_expecting_async (RptProject          *self,
                                  GFile               *file,
                                  const RptFileStamp  *expected,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *save;

  g_return_if_fail (RPT_IS_PROJECT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rpt_project_save_async);
  save = g_new0 (SaveData, 1);
  save->state = rpt_project_get_state (self);
  /* Only the copy is taken here; the bytes are made in the worker. */
  save->snapshot = rpt_project_snapshot_new (self);
  save->path = g_file_get_path (file);
  if (expected)
    {
      save->expecting = TRUE;
      save->expected = *expected;
    }
  g_task_set_task_data (task, save, save_data_free);

  if (save->path == NULL)
    {
      g_task_return_new_error (task, RPT_ERROR, RPT_ERROR_IO, "%s", _("Only local files can be saved"));
      return;
    }
  g_task_run_in_thread (task, save_thread);
}

void
rpt_project_save_async (RptProject          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  rpt_project_save_expecting_async (self, file, NULL, cancellable, callback, user_data);
}

gboolean
rpt_project_save_finish_stamp (RptProject    *self,
                               GAsyncResult  *result,
                               RptFileStamp  *stamp,
                               GError       **error)
{
  if (!rpt_project_save_finish (self, result, error))
    return FALSE;
  if (stamp)
    *stamp = ((SaveData *) g_task_get_task_data (G_TASK (result)))->written;
  return TRUE;
}

gboolean
rpt_project_save_finish (RptProject    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  SaveData *save;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  save = g_task_get_task_data (G_TASK (result));
  rpt_project_mark_saved_state (self, save->state);
  return TRUE;
}
