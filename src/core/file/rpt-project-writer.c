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
 * main thread. An annotation's quote and context are sliced from its
 * article's text as the bytes are made; an orphan's are its own. */

/* One annotation as written. */
typedef struct
{
  const char  *id, *document, *label, *speaker, *note, *author;
  gint64       created, modified;
  guint        start, end;
  RptDocument *text;                    /* placed: the text it quotes */
  const char  *quote, *prefix, *suffix; /* orphans */
} Written;

static void
write_labels (RptProjectSnapshot *snapshot,
              GString            *out)
{
  guint n = rpt_project_snapshot_get_n_labels (snapshot);

  begin_array (out, "labels", n);
  for (guint i = 0; i < n; i++)
    {
      const RptSnapshotLabel *label = rpt_project_snapshot_get_label (snapshot, i);

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
  guint n = rpt_project_snapshot_get_n_speakers (snapshot);

  begin_array (out, "speakers", n);
  for (guint i = 0; i < n; i++)
    {
      const RptSnapshotSpeaker *speaker = rpt_project_snapshot_get_speaker (snapshot, i);

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
  guint n = rpt_project_snapshot_get_n_documents (snapshot);

  begin_array (out, "documents", n);
  for (guint i = 0; i < n; i++)
    {
      RptDocument *document = rpt_project_snapshot_get_document (snapshot, i);

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

/* Annotations in document order, then text order within each document. */
static void
write_annotations (RptProjectSnapshot *snapshot,
                   GString            *out)
{
  guint n;
  const RptSnapshotAnnotation *annotations = rpt_project_snapshot_get_annotations (snapshot, &n);

  begin_array (out, "annotations", n);
  for (guint i = 0; i < n; i++)
    {
      Written a = from_snapshot (snapshot, &annotations[i]);

      a.text = rpt_project_snapshot_get_document (snapshot, annotations[i].document);
      write_annotation (out, &a);
      end_item (out, i + 1 == n);
    }
  end_array (out, n, FALSE);
}

/* Only when there are any: a project without orphans is written as
 * before they existed. */
static void
write_orphans (RptProjectSnapshot *snapshot,
               GString            *out)
{
  guint n = rpt_project_snapshot_get_n_orphans (snapshot);

  if (n == 0)
    return;
  begin_array (out, "orphans", n);
  for (guint i = 0; i < n; i++)
    {
      const RptSnapshotOrphan *orphan = rpt_project_snapshot_get_orphan (snapshot, i);
      Written a = from_snapshot (snapshot, &orphan->annotation);

      a.quote = orphan->quote;
      a.prefix = orphan->prefix;
      a.suffix = orphan->suffix;
      write_annotation (out, &a);
      end_item (out, i + 1 == n);
    }
  end_array (out, n, FALSE);
}

static void
write_relations (RptProjectSnapshot *snapshot,
                 GString            *out)
{
  guint n = rpt_project_snapshot_get_n_relations (snapshot);

  begin_array (out, "relations", n);
  for (guint i = 0; i < n; i++)
    {
      const RptSnapshotRelation *relation = rpt_project_snapshot_get_relation (snapshot, i);

      rpt_json_put_literal (out, "    {");
      rpt_json_append_member_string (out, "id", relation->id);
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "type", rpt_relation_type_to_string (relation->type));
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "from", relation->from);
      rpt_json_put_literal (out, ", ");
      rpt_json_append_member_string (out, "to", relation->to);
      end_item (out, i + 1 == n);
    }
  end_array (out, n, TRUE);
}

GBytes *
rpt_project_snapshot_to_bytes (RptProjectSnapshot *snapshot)
{
  guint n_documents, n_annotations, n_orphans, n_relations;
  gsize text_bytes = 0;
  GString *out;

  g_return_val_if_fail (snapshot != NULL, NULL);

  n_documents = rpt_project_snapshot_get_n_documents (snapshot);
  rpt_project_snapshot_get_annotations (snapshot, &n_annotations);
  n_orphans = rpt_project_snapshot_get_n_orphans (snapshot);
  n_relations = rpt_project_snapshot_get_n_relations (snapshot);
  for (guint i = 0; i < n_documents; i++)
    text_bytes += rpt_document_get_text_bytes (rpt_project_snapshot_get_document (snapshot, i));

  /* Quote and context add about as much again per annotation. */
  out = g_string_sized_new (1024 + n_annotations * 400 + n_orphans * 400 + n_relations * 72 +
                            n_documents * 256 + text_bytes);
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

  snapshot = rpt_project_snapshot_new (self);
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
