/* rpt-window-files.c: New, Open, Save, Save As, Import, and the
 * unsaved-changes prompt. Reading and writing run in worker threads
 * (rpt_project_load_async, rpt_project_save_async, an import GTask); the
 * open project is replaced only after a load succeeds, and stays dirty
 * after a failed save. Recent projects and folders are in
 * rpt-window-recent.c, files from the command line and drag and drop in
 * rpt-window-drop.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-replace-prompt.h"
#include "rpt-window-private.h"

/* ---- The unsaved-changes prompt ---- */

static void
discard_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;

  if (_rpt_window_save_finish (RPT_WINDOW (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
discard_answered_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      data)
{
  RptWindow *self = RPT_WINDOW (object);
  g_autoptr(GTask) task = data;
  GError *error = NULL;
  g_autofree char *response = _rpt_window_ask_finish (self, result, &error);

  if (response == NULL)
    g_task_return_error (task, error);
  else if (g_str_equal (response, "save"))
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      _rpt_window_save_async (self, cancellable, discard_saved_cb, g_steal_pointer (&task));
    }
  else
    g_task_return_boolean (task, TRUE);
}

void
_rpt_window_confirm_discard_async (RptWindow           *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  g_task_set_source_tag (task, _rpt_window_confirm_discard_async);
  if (!_rpt_window_is_modified (self))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  name = _rpt_window_dup_display_name (self);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes which are not saved will be permanently lost."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  _rpt_window_ask_async (self, dialog, cancellable, discard_answered_cb, g_steal_pointer (&task));
}

gboolean
_rpt_window_confirm_discard_finish (RptWindow     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, _rpt_window_confirm_discard_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Saving ---- */

/* A save is one GTask from its first question to the end of the write;
 * each step below takes it on, and the last one completes it. */
typedef struct
{
  RptProject *project;  /* being written */
  GFile      *file;     /* where to write, once known */
  gboolean    expect;   /* only over the file the window read */
} SaveOp;

static void
save_op_free (SaveOp *op)
{
  g_clear_object (&op->project);
  g_clear_object (&op->file);
  g_free (op);
}

static void save_in_place (GTask *task, gboolean expect);
static void save_as_with (GTask *task);

/* After "changed on disk": Save Anyway writes over it. */
static void
overwrite_answered_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      data)
{
  RptWindow *self = RPT_WINDOW (object);
  GTask *task = data;
  GError *error = NULL;

  if (!_rpt_window_confirm_overwrite_finish (self, result, &error))
    g_task_return_error (task, error);
  else if (self->file)
    {
      save_in_place (task, FALSE);
      return;
    }
  else
    _rpt_window_return_cancelled (task);
  g_object_unref (task);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RptWindow *self = g_task_get_source_object (task);
  SaveOp *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  RptFileStamp written;
  gboolean ok = rpt_project_save_finish_stamp (op->project, result, &written, &error);

  if (_rpt_window_is_gone (self))
    {
      _rpt_window_return_cancelled (task);
      return;
    }
  self->saving = FALSE;
  _rpt_window_busy_pop (self);

  /* Another writer (repartee-tool add, say) saved the file after the
   * window checked it: ask, as when the change was seen before saving. */
  if (!ok && g_error_matches (error, RPT_ERROR, RPT_ERROR_CHANGED) && op->project == self->project
      && self->file && g_file_equal (op->file, self->file))
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      _rpt_window_confirm_overwrite_async (self, cancellable, overwrite_answered_cb, g_steal_pointer (&task));
      return;
    }
  if (!ok)
    {
      g_autofree char *name = g_file_get_basename (op->file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);

      /* The project stays dirty and its recovery copy stays on disk. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _rpt_window_show_error (self, heading, error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (op->project == self->project)
    {
      g_autofree char *name = NULL;

      g_set_object (&self->file, op->file);
      /* Taken by the save itself: a writer that came right after it shows
       * as a change. */
      self->stamp = written;
      self->stamp_known = TRUE;
      self->stamp_stale = FALSE;
      g_clear_pointer (&self->untitled_name, g_free);
      self->restored = FALSE;
      rpt_recovery_set_unsaved (self->recovery, FALSE);
      name = _rpt_window_dup_display_name (self);
      rpt_recovery_set_project (self->recovery, self->project, self->file, name);
      _rpt_window_update_title (self);
    }
  _rpt_window_remember_project (self, op->file);

  g_task_return_boolean (task, TRUE);
}

/* Saves to op->file; with op->expect, only over the file the window read. */
static void
save_to (GTask *task)
{
  RptWindow *self = g_task_get_source_object (task);
  SaveOp *op = g_task_get_task_data (task);
  const RptFileStamp *expected = op->expect && self->stamp_known ? &self->stamp : NULL;

  if (self->saving)
    {
      _rpt_window_toast (self, _("Already saving; try again in a moment"));
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, "%s", _("Already saving; try again in a moment"));
      g_object_unref (task);
      return;
    }

  g_set_object (&op->project, self->project);

  self->saving = TRUE;
  _rpt_window_busy_push (self);
  /* Not cancelled with the window: a save that started should finish. */
  rpt_project_save_expecting_async (self->project, op->file, expected, NULL, save_done_cb, task);
}

/* The answer about writing op->file: write it, or choose another. */
static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      data)
{
  GTask *task = data;
  GError *error = NULL;
  gboolean save_as = FALSE;

  if (!rpt_output_check_finish (result, &save_as, &error))
    g_task_return_error (task, error);
  else if (g_task_return_error_if_cancelled (task))
    ;
  else if (_rpt_window_is_gone (g_task_get_source_object (task)))
    _rpt_window_return_cancelled (task);
  else if (save_as)
    {
      save_as_with (task);
      return;
    }
  else
    {
      save_to (task);
      return;
    }
  g_object_unref (task);
}

/* Checks, then writes @file (taken); a non-local file is only written. */
static void
check_and_save (GTask    *task,
                GFile    *file,
                gboolean  expect,
                gboolean  chooser_asked,
                gboolean  offer_save_as)
{
  RptWindow *self = g_task_get_source_object (task);
  SaveOp *op = g_task_get_task_data (task);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);

  g_set_object (&op->file, file);
  g_object_unref (file);
  op->expect = expect;
  if (path == NULL)
    save_to (task);
  else
    rpt_output_check_async (GTK_WINDOW (self), heading, path, chooser_asked, offer_save_as,
                            g_task_get_cancellable (task), checked_cb, task);
}

/* Plain Save writes over the project's own file, through a rename that a
 * read-only file or another user's does not stop: asked first, as text
 * editors do (Cancel, Save As… or Replace). @expect: only over the file
 * the window read. */
static void
save_in_place (GTask    *task,
               gboolean  expect)
{
  RptWindow *self = g_task_get_source_object (task);

  check_and_save (task, g_object_ref (self->file), expect, TRUE, TRUE);
}

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  GTask *task = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *basename = g_file_get_basename (file);
      gboolean renamed = !g_str_has_suffix (basename, ".json");

      /* Projects are recognised by their extension on open and drop. */
      if (renamed)
        {
          g_autofree char *with_ext = g_strconcat (basename, ".json", NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);

          g_set_object (&file, g_file_get_child (parent, with_ext));
        }
      /* The chooser asked before choosing an existing file, but not
       * whether it is read-only or someone else's, nor about the name
       * once ".json" is added: those are asked, the rest not twice. */
      check_and_save (task, g_steal_pointer (&file), FALSE, !renamed, FALSE);
    }
  else
    {
      _rpt_window_return_cancelled (task);
      g_object_unref (task);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static GtkFileFilter *
project_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Repartee Projects"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  return filter;
}

static void
save_as_with (GTask *task)
{
  RptWindow *self = g_task_get_source_object (task);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = project_filter ();

  chooser = gtk_file_chooser_native_new (_("Save Project As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (self->file)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
  else
    {
      g_autofree char *name = _rpt_window_dup_display_name (self);
      g_autofree char *file_name = g_str_has_suffix (name, ".json") ? g_strdup (name)
                                                                     : g_strconcat (name, ".json", NULL);

      _rpt_window_start_in_last_folder (self, GTK_FILE_CHOOSER (chooser));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GTask *
save_task_new (RptWindow           *self,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, _rpt_window_save_async);
  g_task_set_task_data (task, g_new0 (SaveOp, 1), (GDestroyNotify) save_op_free);
  return task;
}

void
_rpt_window_save_async (RptWindow           *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = save_task_new (self, cancellable, callback, user_data);

  if (self->file && _rpt_window_file_changed_on_disk (self))
    _rpt_window_confirm_overwrite_async (self, cancellable, overwrite_answered_cb, task);
  else if (self->file)
    save_in_place (task, TRUE);
  else
    save_as_with (task);
}

gboolean
_rpt_window_save_finish (RptWindow     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, _rpt_window_save_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
_rpt_window_save (RptWindow *self)
{
  _rpt_window_save_async (self, self->cancellable, NULL, NULL);
}

void
_rpt_window_save_as (RptWindow *self)
{
  save_as_with (save_task_new (self, self->cancellable, NULL, NULL));
}

/* ---- Loading ---- */

typedef struct
{
  RptWindow         *self;
  GFile             *source;
  GFile             *file;
  char              *untitled_name;
  RptRecoveryOrphan *orphan;
  GPtrArray         *then_import;
  RptLoadFlags       flags;
  RptFileStamp       stamp;        /* @file before it was read */
  gboolean           stale;        /* @file is newer than the copy restored */
} LoadOp;

static void start_load (RptWindow *self, LoadOp *op);

static void
load_op_free (LoadOp *op)
{
  g_object_unref (op->self);
  g_object_unref (op->source);
  g_clear_object (&op->file);
  g_free (op->untitled_name);
  g_clear_pointer (&op->orphan, rpt_recovery_orphan_free);
  g_clear_pointer (&op->then_import, g_ptr_array_unref);
  g_free (op);
}

static void
reanchor_answered_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      data)
{
  RptWindow *self = RPT_WINDOW (object);
  LoadOp *op = data;

  if (_rpt_window_ask_reanchor_finish (self, result, NULL))
    {
      op->flags |= RPT_LOAD_REANCHOR;
      start_load (self, op);
    }
  else
    load_op_free (op);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  LoadOp *op = user_data;
  RptWindow *self = op->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RptReanchorReport) report = NULL;
  g_autoptr(RptProject) project = rpt_project_load_full_finish (result, &report, &error);

  if (_rpt_window_is_gone (self))
    {
      load_op_free (op);
      return;
    }
  if (--self->loading == 0)
    gtk_widget_set_sensitive (GTK_WIDGET (self->view_stack), TRUE);
  _rpt_window_busy_pop (self);

  if (project == NULL && g_error_matches (error, RPT_ERROR, RPT_ERROR_TEXT_CHANGED)
      && !(op->flags & RPT_LOAD_REANCHOR))
    {
      _rpt_window_ask_reanchor_async (self, op->source, self->cancellable, reanchor_answered_cb, op);
      return;
    }
  if (project == NULL)
    {
      g_autofree char *name = g_file_get_basename (op->source);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      /* The open project is left exactly as it was. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _rpt_window_show_error (self, heading, error->message);
      load_op_free (op);
      return;
    }

  _rpt_window_set_project (self, project, op->file, op->untitled_name);
  if (op->file)
    {
      self->stamp = op->stamp;
      self->stamp_known = TRUE;
      self->stamp_stale = op->stale;
    }
  if (op->orphan)
    {
      /* The copy becomes this window's unsaved work, then the old copy goes. */
      self->restored = TRUE;
      rpt_recovery_set_unsaved (self->recovery, TRUE);
      rpt_recovery_write_now (self->recovery);
      rpt_recovery_orphan_discard (op->orphan);
      _rpt_window_update_title (self);
      _rpt_window_toast (self, _("Unsaved work restored"));
    }
  else if (op->file)
    _rpt_window_remember_project (self, op->file);

  /* Repaired on load: unsaved, and said so. */
  _rpt_window_show_reanchor_report (self, report);
  if (op->then_import && op->then_import->len > 0)
    _rpt_window_import_files (self, op->then_import);
  load_op_free (op);
}

static void
start_load (RptWindow *self,
            LoadOp    *op)
{
  g_autofree char *path = op->file ? g_file_get_path (op->file) : NULL;

  /* Taken before reading: a change in between shows as a change. */
  rpt_file_stamp_read (path, &op->stamp);
  if (op->orphan && op->stamp.exists)
    op->stale = op->stamp.mtime_sec > g_date_time_to_unix (rpt_recovery_orphan_get_time (op->orphan));

  /* No edits while loading: they would be lost when the project is replaced. */
  self->loading++;
  gtk_widget_set_sensitive (GTK_WIDGET (self->view_stack), FALSE);
  _rpt_window_busy_push (self);
  rpt_project_load_full_async (op->source, op->flags, self->cancellable, load_done_cb, op);
}

void
_rpt_window_load (RptWindow         *self,
                  GFile             *source,
                  GFile             *file,
                  const char        *untitled_name,
                  RptRecoveryOrphan *orphan,
                  GPtrArray         *then_import)
{
  LoadOp *op = g_new0 (LoadOp, 1);

  op->self = g_object_ref (self);
  op->source = g_object_ref (source);
  op->file = file ? g_object_ref (file) : NULL;
  op->untitled_name = g_strdup (untitled_name);
  op->orphan = orphan;
  op->then_import = then_import ? g_ptr_array_ref (then_import) : NULL;
  start_load (self, op);
}

static void
open_file_confirmed_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      data)
{
  RptWindow *self = RPT_WINDOW (object);
  g_autoptr(GFile) file = data;

  if (_rpt_window_confirm_discard_finish (self, result, NULL))
    _rpt_window_load (self, file, file, NULL, NULL, NULL);
}

void
_rpt_window_open_file (RptWindow *self,
                       GFile     *file)
{
  _rpt_window_confirm_discard_async (self, self->cancellable, open_file_confirmed_cb, g_object_ref (file));
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  RptWindow *self = RPT_WINDOW (gtk_native_dialog_get_transient_for (chooser));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      _rpt_window_load (self, file, file, NULL, NULL, NULL);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
show_open_chooser (GObject      *object,
                   GAsyncResult *result,
                   gpointer      data)
{
  RptWindow *self = RPT_WINDOW (object);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = NULL;

  if (!_rpt_window_confirm_discard_finish (self, result, NULL))
    return;
  filter = project_filter ();
  chooser = gtk_file_chooser_native_new (_("Open Project"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  _rpt_window_start_in_last_folder (self, GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_rpt_window_open (RptWindow *self)
{
  _rpt_window_confirm_discard_async (self, self->cancellable, show_open_chooser, NULL);
}

char *
_rpt_window_find_demo (void)
{
  const char *env = g_getenv ("REPARTEE_DATA_DIR");
  const char *dirs[] = { env, REPARTEE_PKGDATADIR };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = NULL;

      if (dirs[i] == NULL || dirs[i][0] == '\0')
        continue;
      path = g_build_filename (dirs[i], "examples", "demo.json", NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

static void
open_demo_confirmed_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      data)
{
  RptWindow *self = RPT_WINDOW (object);
  g_autoptr(GFile) demo = data;

  /* A copy: Save asks where, so the shipped demo stays as it is. */
  if (_rpt_window_confirm_discard_finish (self, result, NULL))
    _rpt_window_load (self, demo, NULL, _("Demo Project"), NULL, NULL);
}

void
_rpt_window_open_demo (RptWindow *self)
{
  g_autofree char *path = _rpt_window_find_demo ();

  if (path == NULL)
    {
      _rpt_window_show_error (self, _("Demo Project Not Found"),
                              _("The demo project is not installed. Set REPARTEE_DATA_DIR to the folder that holds examples/demo.json."));
      return;
    }
  _rpt_window_confirm_discard_async (self, self->cancellable, open_demo_confirmed_cb, g_file_new_for_path (path));
}

static void
new_project_confirmed_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      data)
{
  RptWindow *self = RPT_WINDOW (object);
  g_autoptr(RptProject) project = NULL;

  if (!_rpt_window_confirm_discard_finish (self, result, NULL))
    return;
  project = rpt_project_new ();
  _rpt_window_set_project (self, project, NULL, NULL);
}

void
_rpt_window_new_project (RptWindow *self)
{
  _rpt_window_confirm_discard_async (self, self->cancellable, new_project_confirmed_cb, NULL);
}

/* ---- Closing ---- */

static void
close_confirmed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      data)
{
  RptWindow *self = RPT_WINDOW (object);

  if (!_rpt_window_confirm_discard_finish (self, result, NULL))
    return;
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

gboolean
_rpt_window_close_request (RptWindow *self)
{
  if (self->close_confirmed || !_rpt_window_is_modified (self))
    {
      /* Saved or discarded: nothing to recover. */
      rpt_recovery_discard (self->recovery);
      return FALSE;
    }
  if (self->saving)
    {
      _rpt_window_toast (self, _("Saving; close again when it is done"));
      return TRUE;
    }
  _rpt_window_confirm_discard_async (self, self->cancellable, close_confirmed_cb, NULL);
  return TRUE;
}

void
_rpt_window_init_files (RptWindow *self)
{
  g_autofree char *demo = _rpt_window_find_demo ();

  _rpt_window_init_drop (self);
  gtk_widget_set_visible (self->demo_button, demo != NULL);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (_rpt_window_update_recent), self, G_CONNECT_SWAPPED);
  _rpt_window_update_recent (self);
}
