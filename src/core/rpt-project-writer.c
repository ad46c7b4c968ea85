/* rpt-project-writer.c: the project as bytes, and saving it.
 * One object per line inside each array, members in a fixed order, so the
 * same project always gives the same bytes and git diffs stay readable.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

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
    g_string_append (out, "  ");
  g_string_append (out, last ? "]\n" : "],\n");
}

static void
end_item (GString  *out,
          gboolean  last)
{
  g_string_append (out, last ? "}\n" : "},\n");
}

static void
write_labels (RptProject *self,
              GString    *out)
{
  GListModel *labels = rpt_project_get_labels (self);
  guint n = g_list_model_get_n_items (labels);

  begin_array (out, "labels", n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (labels, i);

      g_string_append (out, "    {");
      rpt_json_append_member_string (out, "id", rpt_label_get_id (label));
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "name", rpt_label_get_name (label));
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "color", rpt_label_get_color (label));
      g_string_append (out, ", ");
      rpt_json_append_member_uint (out, "shortcut", rpt_label_get_shortcut (label));
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "description", rpt_label_get_description (label));
      end_item (out, i + 1 == n);
    }
  end_array (out, n, FALSE);
}

static void
write_speakers (RptProject *self,
                GString    *out)
{
  GListModel *speakers = rpt_project_get_speakers (self);
  guint n = g_list_model_get_n_items (speakers);

  begin_array (out, "speakers", n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RptSpeaker) speaker = g_list_model_get_item (speakers, i);

      g_string_append (out, "    {");
      rpt_json_append_member_string (out, "id", rpt_speaker_get_id (speaker));
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "name", rpt_speaker_get_name (speaker));
      end_item (out, i + 1 == n);
    }
  end_array (out, n, FALSE);
}

static void
write_documents (RptProject *self,
                 GString    *out)
{
  GListModel *documents = rpt_project_get_documents (self);
  guint n = g_list_model_get_n_items (documents);

  begin_array (out, "documents", n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RptDocument) document = g_list_model_get_item (documents, i);

      g_string_append (out, "    {");
      rpt_json_append_member_string (out, "id", rpt_document_get_id (document));
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "title", rpt_document_get_title (document));
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "source", rpt_document_get_source (document));
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "sha256", rpt_document_get_sha256 (document));
      g_string_append (out, ",\n     \"text\": ");
      rpt_json_append_string_len (out, rpt_document_get_text (document),
                                  rpt_document_get_text_bytes (document));
      end_item (out, i + 1 == n);
    }
  end_array (out, n, FALSE);
}

static void
write_annotation (GString       *out,
                  RptAnnotation *a)
{
  g_string_append (out, "    {");
  rpt_json_append_member_string (out, "id", rpt_annotation_get_id (a));
  g_string_append (out, ", ");
  rpt_json_append_member_string (out, "document", rpt_annotation_get_document (a));
  g_string_append (out, ", ");
  rpt_json_append_member_uint (out, "start", rpt_annotation_get_start (a));
  g_string_append (out, ", ");
  rpt_json_append_member_uint (out, "end", rpt_annotation_get_end (a));
  g_string_append (out, ", ");
  rpt_json_append_member_string (out, "label", rpt_annotation_get_label (a));
  if (rpt_annotation_get_speaker (a) != NULL)
    {
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "speaker", rpt_annotation_get_speaker (a));
    }
  g_string_append (out, ", ");
  rpt_json_append_member_string (out, "note", rpt_annotation_get_note (a));
  g_string_append (out, ", ");
  rpt_json_append_member_string (out, "author", rpt_annotation_get_author (a));
  /* -1: the file it came from had no time (times before 1970 are fine). */
  if (rpt_annotation_get_created (a) != -1)
    {
      g_string_append (out, ", \"created\": ");
      rpt_json_append_timestamp (out, rpt_annotation_get_created (a));
    }
  if (rpt_annotation_get_modified (a) != -1)
    {
      g_string_append (out, ", \"modified\": ");
      rpt_json_append_timestamp (out, rpt_annotation_get_modified (a));
    }
}

/* Annotations in document order, then text order within each document. */
static void
write_annotations (RptProject *self,
                   GString    *out)
{
  GListModel *documents = rpt_project_get_documents (self);
  guint n_docs = g_list_model_get_n_items (documents);
  guint total = rpt_project_get_n_annotations (self);
  guint written = 0;

  begin_array (out, "annotations", total);
  for (guint d = 0; d < n_docs; d++)
    {
      g_autoptr(RptDocument) document = g_list_model_get_item (documents, d);
      RptAnnotationStore *store = rpt_project_get_annotations (self, rpt_document_get_id (document));
      guint n = rpt_annotation_store_get_n_items (store);

      for (guint i = 0; i < n; i++)
        {
          write_annotation (out, rpt_annotation_store_get (store, i));
          end_item (out, ++written == total);
        }
    }
  end_array (out, total, FALSE);
}

static void
write_relations (RptProject *self,
                 GString    *out)
{
  GListModel *relations = rpt_project_get_relations (self);
  guint n = g_list_model_get_n_items (relations);

  begin_array (out, "relations", n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RptRelation) relation = g_list_model_get_item (relations, i);

      g_string_append (out, "    {");
      rpt_json_append_member_string (out, "id", rpt_relation_get_id (relation));
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "type", rpt_relation_type_to_string (rpt_relation_get_kind (relation)));
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "from", rpt_relation_get_from (relation));
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "to", rpt_relation_get_to (relation));
      end_item (out, i + 1 == n);
    }
  end_array (out, n, TRUE);
}

GBytes *
rpt_project_to_bytes (RptProject *self)
{
  GString *out;
  gsize guess = 1024 + rpt_project_get_n_annotations (self) * 220;
  GListModel *documents;

  g_return_val_if_fail (RPT_IS_PROJECT (self), NULL);

  documents = rpt_project_get_documents (self);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(RptDocument) document = g_list_model_get_item (documents, i);
      guess += rpt_document_get_text_bytes (document) + 256;
    }

  out = g_string_sized_new (guess);
  g_string_append (out, "{\n");
  g_string_append (out, "  \"format\": \"" RPT_PROJECT_FORMAT "\",\n");
  g_string_append_printf (out, "  \"version\": %d,\n", RPT_PROJECT_VERSION);
  write_labels (self, out);
  write_speakers (self, out);
  write_documents (self, out);
  write_annotations (self, out);
  write_relations (self, out);
  g_string_append (out, "}\n");

  return g_string_free_to_bytes (out);
}

gboolean
rpt_project_save_to_file (RptProject  *self,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  guint64 state;
  gsize len;
  const char *data;

  g_return_val_if_fail (RPT_IS_PROJECT (self), FALSE);

  state = rpt_project_get_state (self);
  bytes = rpt_project_to_bytes (self);
  data = g_bytes_get_data (bytes, &len);
  if (!rpt_safe_file_replace (path, data, len, error))
    return FALSE;
  rpt_project_mark_saved_state (self, state);
  return TRUE;
}

typedef struct
{
  GBytes  *bytes;
  char    *path;
  guint64  state;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_bytes_unref (save->bytes);
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
  gsize len;
  const char *data = g_bytes_get_data (save->bytes, &len);

  if (rpt_safe_file_replace (save->path, data, len, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
rpt_project_save_async (RptProject          *self,
                        GFile               *file,
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
  save->bytes = rpt_project_to_bytes (self);
  save->path = g_file_get_path (file);
  g_task_set_task_data (task, save, save_data_free);

  if (save->path == NULL)
    {
      g_task_return_new_error (task, RPT_ERROR, RPT_ERROR_IO, "%s", _("Only local files can be saved"));
      return;
    }
  g_task_run_in_thread (task, save_thread);
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
