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

/* ---- Writing ----
 * Saving a large project must not hold up the window: the bytes are made
 * in a worker thread from a snapshot (rpt-project-snapshot.h) taken on the
 * main thread. On the thread that owns the project they are made from the
 * project itself, which spares a copy of every annotation made only to be
 * read once. An annotation's quote and context are sliced from its
 * article's text as the bytes are made; an orphan's are its own. */

typedef struct
{
  RptProjectSnapshot *snapshot;
  RptProject         *project;  /* when there is no snapshot */
} Source;

/* One annotation as written. */
typedef struct
{
  const char  *id, *document, *label, *speaker, *note, *author;
  gint64       created, modified;
  guint        start, end;
  RptDocument *text;                    /* placed: the text it quotes */
  const char  *quote, *prefix, *suffix; /* orphans */
} Written;

/* Items of the project's lists are borrowed: the project holds them. */
static gpointer
borrow_item (GListModel *list,
             guint       i)
{
  g_autoptr(GObject) item = g_list_model_get_item (list, i);

  return item;
}

static void
write_labels (const Source *src,
              GString      *out)
{
  GListModel *list = src->snapshot ? NULL : rpt_project_get_labels (src->project);
  guint n = list ? g_list_model_get_n_items (list) : rpt_project_snapshot_get_n_labels (src->snapshot);

  begin_array (out, "labels", n);
  for (guint i = 0; i < n; i++)
    {
      RptLabel *item = list ? borrow_item (list, i) : NULL;
      RptSnapshotLabel label = list ? (RptSnapshotLabel) {
          rpt_label_get_id (item), rpt_label_get_name (item), rpt_label_get_color (item),
          rpt_label_get_description (item), rpt_label_get_shortcut (item),
        } : *rpt_project_snapshot_get_label (src->snapshot, i);

      rpt_json_put_literal (out, "    {");
      rpt_json_append_member_string (out, "id", label.id);
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "name", label.name);
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "color", label.color);
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_uint (out, "shortcut", label.shortcut);
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "description", label.description);
      end_item (out, i + 1 == n);
    }
  end_array (out, n, FALSE);
}

static void
write_speakers (const Source *src,
                GString      *out)
{
  GListModel *list = src->snapshot ? NULL : rpt_project_get_speakers (src->project);
  guint n = list ? g_list_model_get_n_items (list) : rpt_project_snapshot_get_n_speakers (src->snapshot);

  begin_array (out, "speakers", n);
  for (guint i = 0; i < n; i++)
    {
      RptSpeaker *item = list ? borrow_item (list, i) : NULL;
      RptSnapshotSpeaker speaker = list ? (RptSnapshotSpeaker) { rpt_speaker_get_id (item), rpt_speaker_get_name (item) }
                                        : *rpt_project_snapshot_get_speaker (src->snapshot, i);

      rpt_json_put_literal (out, "    {");
      rpt_json_append_member_string (out, "id", speaker.id);
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "name", speaker.name);
      end_item (out, i + 1 == n);
    }
  end_array (out, n, FALSE);
}

static guint
n_documents (const Source *src)
{
  return src->snapshot ? rpt_project_snapshot_get_n_documents (src->snapshot)
                       : g_list_model_get_n_items (rpt_project_get_documents (src->project));
}

static RptDocument *
get_document (const Source *src,
              guint         i)
{
  return src->snapshot ? rpt_project_snapshot_get_document (src->snapshot, i)
                       : borrow_item (rpt_project_get_documents (src->project), i);
}

static void
write_documents (const Source *src,
                 GString      *out)
{
  guint n = n_documents (src);

  begin_array (out, "documents", n);
  for (guint i = 0; i < n; i++)
    {
      RptDocument *document = get_document (src, i);

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
write_annotation (GString       *out,
                  const Written *a)
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

static Written
from_snapshot (RptProjectSnapshot          *snapshot,
               const RptSnapshotAnnotation *a)
{
  Written written = {
    a->id,
    rpt_document_get_id (rpt_project_snapshot_get_document (snapshot, a->document)),
    rpt_project_snapshot_get_label (snapshot, a->label)->id,
    a->speaker >= 0 ? rpt_project_snapshot_get_speaker (snapshot, a->speaker)->id : NULL,
    a->note,
    a->author,
    a->created,
    a->modified,
    a->start,
    a->end,
    NULL,
    NULL, NULL, NULL,
  };

  return written;
}

static Written
from_project (RptAnnotation *a)
{
  Written written = {
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
    NULL,
    NULL, NULL, NULL,
  };

  return written;
}

static guint
n_annotations (const Source *src)
{
  guint n;

  if (src->snapshot == NULL)
    return rpt_project_get_n_annotations (src->project);
  rpt_project_snapshot_get_annotations (src->snapshot, &n);
  return n;
}

/* Annotations in document order, then text order within each document. */
static void
write_annotations (const Source *src,
                   GString      *out)
{
  guint n = n_annotations (src), written = 0;

  begin_array (out, "annotations", n);
  for (guint d = 0; d < n_documents (src); d++)
    {
      RptDocument *document = get_document (src, d);
      RptAnnotationStore *store = src->snapshot ? NULL
                                                : rpt_project_get_annotations (src->project, rpt_document_get_id (document));
      const RptSnapshotAnnotation *copies = NULL;
      guint n_document;

      if (store)
        n_document = rpt_annotation_store_get_n_items (store);
      else
        copies = rpt_project_snapshot_get_document_annotations (src->snapshot, d, &n_document);
      for (guint i = 0; i < n_document; i++)
        {
          Written a = store ? from_project (rpt_annotation_store_get (store, i))
                            : from_snapshot (src->snapshot, &copies[i]);

          a.text = document;
          write_annotation (out, &a);
          end_item (out, ++written == n);
        }
    }
  end_array (out, n, FALSE);
}

/* Only when there are any: a project without orphans is written as
 * before they existed. */
static void
write_orphans (const Source *src,
               GString      *out)
{
  GListModel *list = src->snapshot ? NULL : rpt_project_get_orphans (src->project);
  guint n = list ? g_list_model_get_n_items (list) : rpt_project_snapshot_get_n_orphans (src->snapshot);

  if (n == 0)
    return;
  begin_array (out, "orphans", n);
  for (guint i = 0; i < n; i++)
    {
      RptAnnotation *item = list ? borrow_item (list, i) : NULL;
      const RptSnapshotOrphan *orphan = list ? NULL : rpt_project_snapshot_get_orphan (src->snapshot, i);
      Written a = list ? from_project (item) : from_snapshot (src->snapshot, &orphan->annotation);

      a.quote = list ? rpt_annotation_get_quote (item) : orphan->quote;
      a.prefix = list ? rpt_annotation_get_prefix (item) : orphan->prefix;
      a.suffix = list ? rpt_annotation_get_suffix (item) : orphan->suffix;
      write_annotation (out, &a);
      end_item (out, i + 1 == n);
    }
  end_array (out, n, FALSE);
}

static void
write_relations (const Source *src,
                 GString      *out)
{
  GListModel *list = src->snapshot ? NULL : rpt_project_get_relations (src->project);
  guint n = list ? g_list_model_get_n_items (list) : rpt_project_snapshot_get_n_relations (src->snapshot);

  begin_array (out, "relations", n);
  for (guint i = 0; i < n; i++)
    {
      RptRelation *item = list ? borrow_item (list, i) : NULL;
      RptSnapshotRelation relation = list ? (RptSnapshotRelation) {
          rpt_relation_get_id (item), rpt_relation_get_kind (item),
          rpt_relation_get_from (item), rpt_relation_get_to (item),
        } : *rpt_project_snapshot_get_relation (src->snapshot, i);

      rpt_json_put_literal (out, "    {");
      rpt_json_append_member_string (out, "id", relation.id);
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "type", rpt_relation_type_to_string (relation.type));
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "from", relation.from);
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "to", relation.to);
      end_item (out, i + 1 == n);
    }
  end_array (out, n, TRUE);
}

static GBytes *
to_bytes (const Source *src)
{
  guint n_orphans, n_relations;
  gsize text_bytes = 0;
  GString *out;

  n_orphans = src->snapshot ? rpt_project_snapshot_get_n_orphans (src->snapshot)
                            : rpt_project_get_n_orphans (src->project);
  n_relations = src->snapshot ? rpt_project_snapshot_get_n_relations (src->snapshot)
                              : g_list_model_get_n_items (rpt_project_get_relations (src->project));
  for (guint i = 0; i < n_documents (src); i++)
    text_bytes += rpt_document_get_text_bytes (get_document (src, i));

  /* Quote and context add about as much again per annotation. */
  out = g_string_sized_new (1024 + n_annotations (src) * 400 + n_orphans * 400 + n_relations * 72 +
                            n_documents (src) * 256 + text_bytes);
  rpt_json_put_literal (out, "{\n");
  g_string_append (out, "  \"format\": \"" RPT_PROJECT_FORMAT "\",\n");
  g_string_append_printf (out, "  \"version\": %d,\n", RPT_PROJECT_VERSION);
  write_labels (src, out);
  write_speakers (src, out);
  write_documents (src, out);
  write_annotations (src, out);
  write_orphans (src, out);
  write_relations (src, out);
  rpt_json_put_literal (out, "}\n");

  return g_string_free_to_bytes (out);
}

GBytes *
rpt_project_snapshot_to_bytes (RptProjectSnapshot *snapshot)
{
  Source src = { snapshot, NULL };

  g_return_val_if_fail (snapshot != NULL, NULL);

  return to_bytes (&src);
}

GBytes *
rpt_project_to_bytes (RptProject *self)
{
  Source src = { NULL, self };

  g_return_val_if_fail (RPT_IS_PROJECT (self), NULL);

  return to_bytes (&src);
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
  gboolean            expecting;
  RptFileStamp        expected;
  RptFileStamp        written;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  rpt_project_snapshot_unref (save->snapshot);
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
  /* Only the snapshot is taken here; the bytes are made in the worker. */
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
  rpt_project_mark_saved_state (self, rpt_project_snapshot_get_state (save->snapshot));
  return TRUE;
}
