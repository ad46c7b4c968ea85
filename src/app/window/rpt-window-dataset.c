/* rpt-window-dataset.c: Import Dataset: a labelled dataset (JSON Lines,
 * Label Studio, brat) read in a worker (rpt_import_dataset_async) into a
 * new project that replaces the open one, after the same unsaved-changes
 * prompt as Open. A refused record is shown with its file, line and
 * reason, and the import can be tried again leaving bad records out.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-import-dataset.h"
#include "rpt-window-private.h"

/* Warnings listed in the dialog; the rest are counted. */
#define MAX_WARNINGS_SHOWN 12

typedef struct
{
  RptWindow *self;      /* while the import runs */
  GPtrArray *files;     /* GFile */
  int        format;    /* RptImportFormat, or -1 while unknown */
  gboolean   skip_bad;
} DatasetJob;

static void
dataset_job_free (gpointer data)
{
  DatasetJob *job = data;

  g_clear_object (&job->self);
  g_ptr_array_unref (job->files);
  g_free (job);
}

static DatasetJob *
dataset_job_new (GPtrArray *files,
                 int        format)
{
  DatasetJob *job = g_new0 (DatasetJob, 1);

  job->files = g_ptr_array_ref (files);
  job->format = format;
  return job;
}

/* The format the names say, or -1 when they do not agree or say nothing. */
static int
guess_format (GPtrArray *files)
{
  int format = -1;

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (files, i));
      g_autofree char *folded = g_ascii_strdown (name, -1);
      int this;

      if (g_str_has_suffix (folded, ".jsonl") || g_str_has_suffix (folded, ".ndjson"))
        this = RPT_IMPORT_JSONL;
      else if (g_str_has_suffix (folded, ".json"))
        this = RPT_IMPORT_LABEL_STUDIO;
      else if (g_str_has_suffix (folded, ".ann") || g_str_has_suffix (folded, ".conf"))
        this = RPT_IMPORT_BRAT;
      else if (g_file_query_file_type (g_ptr_array_index (files, i), G_FILE_QUERY_INFO_NONE, NULL)
               == G_FILE_TYPE_DIRECTORY)
        this = RPT_IMPORT_BRAT;  /* a brat collection is a folder */
      else
        return -1;
      if (format != -1 && format != this)
        return -1;
      format = this;
    }
  return format;
}

/* Display name of the new project: the first file's, without extension. */
static char *
dataset_name (DatasetJob *job)
{
  g_autofree char *name = g_file_get_basename (g_ptr_array_index (job->files, 0));
  char *dot;

  /* A brat collection is named after its folder. */
  if (g_str_equal (name, "annotation.conf") || g_str_equal (name, "visual.conf"))
    {
      g_autoptr(GFile) folder = g_file_get_parent (g_ptr_array_index (job->files, 0));

      if (folder)
        {
          g_free (name);
          name = g_file_get_basename (folder);
        }
    }
  dot = strrchr (name, '.');

  if (dot && dot != name)
    *dot = '\0';
  return g_steal_pointer (&name);
}

static void run_import (RptWindow *self, DatasetJob *job);

/* After the unsaved-changes prompt. */
static void
import_confirmed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      data)
{
  RptWindow *self = RPT_WINDOW (object);
  DatasetJob *job = data;

  if (_rpt_window_confirm_discard_finish (self, result, NULL))
    run_import (self, job);
  else
    dataset_job_free (job);
}

static void
show_warnings (RptWindow *self,
               GPtrArray *warnings)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  for (guint i = 0; i < warnings->len && i < MAX_WARNINGS_SHOWN; i++)
    g_string_append_printf (body, "%s%s", i ? "\n" : "", (char *) g_ptr_array_index (warnings, i));
  if (warnings->len > MAX_WARNINGS_SHOWN)
    {
      guint more = warnings->len - MAX_WARNINGS_SHOWN;

      g_string_append_c (body, '\n');
      g_string_append_printf (body, ngettext ("…and %u more", "…and %u more", more), more);
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Dataset Imported with Warnings"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refused_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     DatasetJob       *job)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  RptWindow *self = parent ? RPT_WINDOW (parent) : NULL;

  if (self && g_str_equal (response, "skip") && !_rpt_window_is_gone (self))
    {
      job->skip_bad = TRUE;
      run_import (self, job);
    }
  else
    dataset_job_free (job);
}

static void
show_refusal (RptWindow    *self,
              DatasetJob   *job,
              const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Import Dataset"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  /* Only a bad record can be skipped, not an unreadable file. */
  if (!job->skip_bad && g_error_matches (error, RPT_ERROR, RPT_ERROR_INVALID))
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "skip", _("_Skip Bad Records"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect (dialog, "response", G_CALLBACK (refused_response_cb), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  DatasetJob *job = user_data;
  RptWindow *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(RptProject) project = rpt_import_dataset_finish (result, &warnings, &error);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  guint n;

  if (_rpt_window_is_gone (self))
    {
      dataset_job_free (job);
      return;
    }
  if (--self->loading == 0)
    gtk_widget_set_sensitive (GTK_WIDGET (self->view_stack), TRUE);
  _rpt_window_busy_pop (self);

  if (project == NULL)
    {
      /* The open project is left as it was. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        dataset_job_free (job);
      else
        show_refusal (self, job, error);
      return;
    }

  name = dataset_name (job);
  _rpt_window_set_project (self, project, NULL, name);
  /* Not saved anywhere yet: closing asks, and a recovery copy is kept. */
  self->restored = TRUE;
  rpt_recovery_set_unsaved (self->recovery, TRUE);
  _rpt_window_update_title (self);
  _rpt_window_remember_folder (self, g_ptr_array_index (job->files, 0));

  n = g_list_model_get_n_items (rpt_project_get_documents (project));
  if (warnings && warnings->len > 0)
    show_warnings (self, warnings);
  else
    {
      message = g_strdup_printf (ngettext ("Imported %u article with %u annotations",
                                           "Imported %u articles with %u annotations", n),
                                 n, rpt_project_get_n_annotations (project));
      _rpt_window_toast (self, message);
    }
  dataset_job_free (job);
}

static void
run_import (RptWindow  *self,
            DatasetJob *job)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  RptImportOptions options;

  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < job->files->len; i++)
    {
      char *path = g_file_get_path (g_ptr_array_index (job->files, i));

      if (path == NULL)
        {
          _rpt_window_show_error (self, _("Could Not Import Dataset"), _("Only local files can be imported."));
          dataset_job_free (job);
          return;
        }
      g_ptr_array_add (paths, path);
    }
  /* A file chooser cannot pick a folder among files: a brat collection's
   * annotation.conf (or visual.conf) stands for its whole folder. */
  if (job->format == RPT_IMPORT_BRAT)
    {
      for (guint i = 0; i < paths->len; i++)
        {
          g_autofree char *name = g_path_get_basename (g_ptr_array_index (paths, i));

          if (g_str_equal (name, "annotation.conf") || g_str_equal (name, "visual.conf"))
            g_ptr_array_add (folders, g_path_get_dirname (g_ptr_array_index (paths, i)));
        }
      for (guint i = paths->len; i-- > 0;)
        {
          g_autofree char *folder = g_path_get_dirname (g_ptr_array_index (paths, i));

          if (g_ptr_array_find_with_equal_func (folders, folder, g_str_equal, NULL))
            g_ptr_array_remove_index (paths, i);
        }
      for (guint i = 0; i < folders->len; i++)
        if (!g_ptr_array_find_with_equal_func (paths, g_ptr_array_index (folders, i), g_str_equal, NULL))
          g_ptr_array_add (paths, g_strdup (g_ptr_array_index (folders, i)));
    }
  g_ptr_array_add (paths, NULL);

  rpt_import_options_init (&options, job->format);
  options.skip_bad = job->skip_bad;

  /* As for a load: no edits to a project about to be replaced. */
  self->loading++;
  gtk_widget_set_sensitive (GTK_WIDGET (self->view_stack), FALSE);
  _rpt_window_busy_push (self);
  g_set_object (&job->self, self);
  rpt_import_dataset_async (&options, (const char * const *) paths->pdata, self->cancellable,
                            imported_cb, job);
}

/* ---- Which format ---- */

static const struct {
  RptImportFormat format;
  const char     *id;
  const char     *label;
} formats[] = {
  { RPT_IMPORT_JSONL, "jsonl", N_("_JSON Lines") },
  { RPT_IMPORT_LABEL_STUDIO, "label-studio", N_("_Label Studio") },
  { RPT_IMPORT_BRAT, "brat", N_("_brat") },
};

static void
format_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DatasetJob       *job)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  RptWindow *self = parent ? RPT_WINDOW (parent) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (self && g_str_equal (response, formats[i].id) && !_rpt_window_is_gone (self))
      {
        job->format = formats[i].format;
        _rpt_window_confirm_discard_async (self, self->cancellable, import_confirmed_cb, job);
        return;
      }
  dataset_job_free (job);
}

static void
ask_format (RptWindow  *self,
            DatasetJob *job)
{
  g_autofree char *name = g_file_get_basename (g_ptr_array_index (job->files, 0));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Which Format?"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Repartee cannot tell the format of “%s” from its name."), name);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), formats[i].id, _(formats[i].label));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (format_response_cb), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_rpt_window_import_dataset_files (RptWindow *self,
                                  GPtrArray *files,
                                  int        format)
{
  DatasetJob *job;

  if (files->len == 0)
    return;
  job = dataset_job_new (files, format >= 0 ? format : guess_format (files));
  if (job->format < 0)
    ask_format (self, job);
  else
    _rpt_window_confirm_discard_async (self, self->cancellable, import_confirmed_cb, job);
}

static void
dataset_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  RptWindow *self = RPT_WINDOW (gtk_native_dialog_get_transient_for (chooser));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      _rpt_window_import_dataset_files (self, array, -1);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *const *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i]; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

void
_rpt_window_import_dataset (RptWindow *self)
{
  GtkFileChooserNative *chooser;
  GtkFileChooser *fc;
  const char *all[] = { "*.jsonl", "*.ndjson", "*.json", "*.ann", "*.conf", NULL };
  const char *jsonl[] = { "*.jsonl", "*.ndjson", NULL };
  const char *label_studio[] = { "*.json", NULL };
  const char *brat[] = { "*.ann", "*.conf", NULL };
  const char *any[] = { "*", NULL };

  /* The prompt comes when the import is about to replace the project. */
  chooser = gtk_file_chooser_native_new (_("Import Dataset"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  fc = GTK_FILE_CHOOSER (chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (fc, TRUE);
  add_filter (fc, _("Labelled Datasets"), all);
  add_filter (fc, _("JSON Lines (doccano, spaCy)"), jsonl);
  add_filter (fc, _("Label Studio Tasks"), label_studio);
  /* A collection's annotation.conf imports its whole folder. */
  add_filter (fc, _("brat Collections and Annotations"), brat);
  add_filter (fc, _("All Files"), any);
  _rpt_window_start_in_last_folder (self, fc);
  g_signal_connect (chooser, "response", G_CALLBACK (dataset_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
