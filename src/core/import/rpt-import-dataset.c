/* rpt-import-dataset.c: which files an import reads, plain-text articles,
 * and the checks every JSON input goes through before json-glib sees it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rpt-enum-nick.h"
#include "rpt-import-enums.h"
#include "rpt-import-private.h"
#include "rpt-import-text.h"
#include "rpt-json-guard.h"
#include "rpt-project-io.h"
#include "rpt-safe-file.h"

void
rpt_import_options_init (RptImportOptions *options,
                         RptImportFormat   format)
{
  memset (options, 0, sizeof *options);
  options->format = format;
  options->offsets = RPT_OFFSETS_CODEPOINTS;
}

gboolean
rpt_import_format_from_string (const char      *str,
                               RptImportFormat *out)
{
  int value;

  if (!_rpt_enum_from_nick (RPT_TYPE_IMPORT_FORMAT, str, TRUE, &value))
    return FALSE;
  *out = value;
  return TRUE;
}

gboolean
_rpt_import_check_json (const char  *name,
                        guint        first_line,
                        const char  *data,
                        gsize        len,
                        GError     **error)
{
  g_autoptr(GError) reason = NULL;
  RptJsonGuardScan scan;
  guint line, column;
  const char *bad;

  if (!g_utf8_validate_len (data, len, &bad))
    {
      rpt_json_guard_position (data, bad - data, &line, &column);
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                   *bad == '\0' ? _("%s: line %u: the file contains a NUL byte")
                                : _("%s: line %u: the file is not valid UTF-8"),
                   name, first_line + line - 1);
      return FALSE;
    }
  /* The project reader's checks of the tokens (rpt-json-guard.c). */
  if (!rpt_json_guard_check_value (data, len, &scan, &reason))
    {
      rpt_json_guard_position (data, scan.bad, &line, &column);
      g_set_error (error, RPT_ERROR, reason->code, _("%s: line %u, column %u: %s"),
                   name, first_line + line - 1, column, reason->message);
      return FALSE;
    }
  return TRUE;
}

/* ---- Plain text ---- */

static gboolean
import_text (RptImportBuilder      *builder,
             const RptImportInput  *input,
             GError               **error)
{
  g_autoptr(RptProject) scratch = rpt_project_new_empty ();
  g_autoptr(RptDocument) document = NULL;
  g_autofree char *id = NULL;
  RptImportRecord *record;
  GError *bad = NULL;

  document = rpt_import_text (scratch, input->name, input->data, input->len, &bad);
  if (document == NULL)
    return _rpt_import_bad_record (builder, bad, error);

  /* "notes", then "notes-2", "notes-3"… for files with the same stem. */
  if (_rpt_import_builder_has_document (builder, rpt_document_get_id (document)))
    id = _rpt_import_builder_free_document_id (builder, rpt_document_get_id (document), 2);
  record = _rpt_import_record_new (builder, id ? id : rpt_document_get_id (document), NULL,
                                   rpt_document_get_title (document), rpt_document_get_source (document),
                                   rpt_document_get_text (document), rpt_document_get_text_bytes (document),
                                   &bad);
  if (record == NULL)
    return _rpt_import_bad_record (builder, bad, error);
  return _rpt_import_commit (builder, record, error);
}

/* ---- Dispatch ---- */

RptProject *
rpt_import_dataset_from_inputs (const RptImportOptions  *options,
                                const RptImportInput    *inputs,
                                guint                    n_inputs,
                                GPtrArray               *warnings_out,
                                GError                 **error)
{
  RptImportBuilder *builder;
  RptProject *project = NULL;
  const RptImportInput *config = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->format < RPT_IMPORT_N_FORMATS, NULL);

  builder = _rpt_import_builder_new (options, warnings_out);
  switch (options->format)
    {
    case RPT_IMPORT_TEXT:
      {
        /* Plain articles: start with the default labels. */
        g_autoptr(RptProject) defaults = rpt_project_new ();
        GListModel *labels = rpt_project_get_labels (defaults);

        for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
          {
            g_autoptr(RptLabel) label = g_list_model_get_item (labels, i);

            _rpt_import_declare_label (builder, rpt_label_get_name (label), rpt_label_get_color (label),
                                       rpt_label_get_shortcut (label), rpt_label_get_description (label));
          }
      }
      for (guint i = 0; i < n_inputs && ok; i++)
        ok = import_text (builder, &inputs[i], error);
      break;

    case RPT_IMPORT_JSONL:
      for (guint i = 0; i < n_inputs && ok; i++)
        ok = _rpt_import_jsonl (builder, &inputs[i], error);
      break;

    case RPT_IMPORT_LABEL_STUDIO:
      for (guint i = 0; i < n_inputs; i++)
        if (g_str_has_suffix (inputs[i].name, ".xml"))
          {
            if (config != NULL)
              _rpt_import_warn (builder, _("%s: only the first labelling configuration (%s) is read"),
                                inputs[i].name, config->name);
            else
              config = &inputs[i];
          }
      if (config)
        _rpt_import_label_studio_config (builder, config);
      for (guint i = 0; i < n_inputs && ok; i++)
        if (!g_str_has_suffix (inputs[i].name, ".xml"))
          ok = _rpt_import_label_studio (builder, &inputs[i], error);
      break;

    case RPT_IMPORT_BRAT:
      ok = _rpt_import_brat (builder, inputs, n_inputs, error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (ok)
    project = _rpt_import_builder_finish (builder, error);
  _rpt_import_builder_free (builder);
  return project;
}

/* ---- Files ---- */

typedef struct
{
  GPtrArray  *paths;   /* char *, in order */
  GHashTable *seen;
} Files;

static void
add_path (Files      *files,
          const char *path)
{
  if (g_hash_table_contains (files->seen, path))
    return;
  g_hash_table_add (files->seen, g_strdup (path));
  g_ptr_array_add (files->paths, g_strdup (path));
}

static gboolean
wanted (RptImportFormat  format,
        const char      *name)
{
  switch (format)
    {
    case RPT_IMPORT_TEXT:
      return g_str_has_suffix (name, ".txt");
    case RPT_IMPORT_JSONL:
      return g_str_has_suffix (name, ".jsonl");
    case RPT_IMPORT_LABEL_STUDIO:
      return g_str_has_suffix (name, ".json") || g_str_equal (name, "label_config.xml");
    case RPT_IMPORT_BRAT:
      return g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".ann") ||
             g_str_equal (name, "annotation.conf") || g_str_equal (name, "visual.conf");
    default:
      return FALSE;
    }
}

/* g_ptr_array_sort passes pointers to the elements. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static gboolean
add_folder (Files            *files,
            RptImportFormat   format,
            const char       *folder,
            GError          **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  const char *name;

  if (!(dir = g_dir_open (folder, 0, &local_error)))
    {
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, RPT_ERROR, RPT_ERROR_IO, "%s: %s", display, local_error->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (dir)))
    if (name[0] != '.' && wanted (format, name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        add_path (files, path);
    }
  return TRUE;
}

/* Files that belong with @path: a brat file's partner and configuration,
 * a Label Studio task list's configuration. */
static void
add_companions (Files           *files,
                RptImportFormat  format,
                const char      *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  const char *companions[3] = { NULL };
  g_autofree char *partner = NULL;

  if (format == RPT_IMPORT_BRAT && (g_str_has_suffix (path, ".txt") || g_str_has_suffix (path, ".ann")))
    {
      partner = g_strdup (path);
      memcpy (partner + strlen (partner) - 3, g_str_has_suffix (path, ".txt") ? "ann" : "txt", 3);
      companions[0] = "annotation.conf";
      companions[1] = "visual.conf";
    }
  else if (format == RPT_IMPORT_LABEL_STUDIO && g_str_has_suffix (path, ".json"))
    companions[0] = "label_config.xml";

  if (partner && g_file_test (partner, G_FILE_TEST_IS_REGULAR))
    add_path (files, partner);
  for (guint i = 0; companions[i]; i++)
    {
      g_autofree char *companion = g_build_filename (folder, companions[i], NULL);

      if (g_file_test (companion, G_FILE_TEST_IS_REGULAR))
        add_path (files, companion);
    }
}

RptProject *
rpt_import_dataset (const RptImportOptions  *options,
                    const char * const      *paths,
                    GPtrArray               *warnings_out,
                    GError                 **error)
{
  g_autoptr(GPtrArray) bytes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GArray) inputs = g_array_new (FALSE, TRUE, sizeof (RptImportInput));
  Files files = { g_ptr_array_new_with_free_func (g_free),
                  g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  RptProject *project = NULL;

  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  for (guint i = 0; paths[i]; i++)
    {
      if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          if (!add_folder (&files, options->format, paths[i], error))
            goto out;
        }
      else
        {
          add_path (&files, paths[i]);
          add_companions (&files, options->format, paths[i]);
        }
    }
  if (files.paths->len == 0)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID, "%s",
                   _("no file to import: the folders hold no file of this format"));
      goto out;
    }

  for (guint i = 0; i < files.paths->len; i++)
    {
      const char *path = g_ptr_array_index (files.paths, i);
      GBytes *data = rpt_safe_file_read (path, RPT_MAX_FILE_BYTES, error);
      RptImportInput input;

      if (data == NULL)
        goto out;
      g_ptr_array_add (bytes, data);
      input.name = path;
      input.data = g_bytes_get_data (data, &input.len);
      if (input.data == NULL)
        input.data = "";
      g_array_append_val (inputs, input);
    }

  project = rpt_import_dataset_from_inputs (options, (RptImportInput *) inputs->data, inputs->len,
                                            warnings_out, error);
out:
  g_ptr_array_unref (files.paths);
  g_hash_table_unref (files.seen);
  return project;
}

/* ---- In a worker ---- */

typedef struct
{
  RptImportOptions  options;
  char            **paths;
  RptProject       *project;
  GPtrArray        *warnings;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_strfreev (job->paths);
  g_clear_object (&job->project);
  g_clear_pointer (&job->warnings, g_ptr_array_unref);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;

  job->warnings = g_ptr_array_new_with_free_func (g_free);
  job->project = rpt_import_dataset (&job->options, (const char * const *) job->paths, job->warnings, &error);
  if (job->project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
rpt_import_dataset_async (const RptImportOptions  *options,
                          const char * const      *paths,
                          GCancellable            *cancellable,
                          GAsyncReadyCallback      callback,
                          gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (options != NULL);
  g_return_if_fail (paths != NULL);

  job = g_new0 (ImportJob, 1);
  job->options = *options;
  job->paths = g_strdupv ((char **) paths);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rpt_import_dataset_async);
  g_task_set_name (task, "rpt-import-dataset");
  g_task_set_task_data (task, job, import_job_free);
  g_task_run_in_thread (task, import_thread);
}

RptProject *
rpt_import_dataset_finish (GAsyncResult  *result,
                           GPtrArray    **warnings,
                           GError       **error)
{
  ImportJob *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  job = g_task_get_task_data (G_TASK (result));
  if (warnings)
    *warnings = g_steal_pointer (&job->warnings);
  return g_steal_pointer (&job->project);
}
