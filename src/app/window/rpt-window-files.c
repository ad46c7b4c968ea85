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

/* ---- Continuations ---- */

typedef struct
{
  RptWindowContinuation then;
  gpointer              data;
  GDestroyNotify        destroy;
} Continuation;

static Continuation *
continuation_new (RptWindowContinuation then,
                  gpointer              data,
                  GDestroyNotify        destroy)
{
  Continuation *cont = g_new0 (Continuation, 1);

  cont->then = then;
  cont->data = data;
  cont->destroy = destroy;
  return cont;
}

static void
continuation_free (Continuation *cont)
{
  if (cont == NULL)
    return;
  if (cont->destroy)
    cont->destroy (cont->data);
  g_free (cont);
}

static void
continuation_run (RptWindow    *self,
                  Continuation *cont)
{
  if (cont == NULL)
    return;
  cont->then (self, cont->data);
  continuation_free (cont);
}

/* ---- The unsaved-changes prompt ---- */

static void save_then (RptWindow *self, Continuation *cont);

typedef struct
{
  RptWindow    *self;
  Continuation *cont;
  char         *response;
} Answer;

static gboolean
answer_cb (gpointer user_data)
{
  Answer *answer = user_data;

  if (_rpt_window_is_gone (answer->self))
    continuation_free (answer->cont);
  else if (g_str_equal (answer->response, "save"))
    save_then (answer->self, answer->cont);
  else if (g_str_equal (answer->response, "discard"))
    continuation_run (answer->self, answer->cont);
  else
    continuation_free (answer->cont);

  g_object_unref (answer->self);
  g_free (answer->response);
  g_free (answer);
  return G_SOURCE_REMOVE;
}

/* Acted on from an idle: the continuation may close the window, which
 * must not happen while its dialog is still emitting "response". */
static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  Answer *answer = g_new0 (Answer, 1);

  answer->self = g_object_ref (RPT_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog))));
  answer->cont = user_data;
  answer->response = g_strdup (response);
  g_idle_add (answer_cb, answer);
}

void
_rpt_window_confirm_discard (RptWindow             *self,
                             RptWindowContinuation  then,
                             gpointer               data,
                             GDestroyNotify         destroy)
{
  Continuation *cont = continuation_new (then, data, destroy);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (!_rpt_window_is_modified (self))
    {
      continuation_run (self, cont);
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
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), cont);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Saving ---- */

typedef struct
{
  RptWindow    *self;
  RptProject   *project;
  GFile        *file;
  Continuation *cont;
} SaveOp;

static void save_anyway_then (RptWindow *self, gpointer data);

static void
save_op_free (SaveOp *op)
{
  g_object_unref (op->self);
  g_object_unref (op->project);
  g_object_unref (op->file);
  continuation_free (op->cont);
  g_free (op);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SaveOp *op = user_data;
  RptWindow *self = op->self;
  g_autoptr(GError) error = NULL;
  RptFileStamp written;
  gboolean ok = rpt_project_save_finish_stamp (op->project, result, &written, &error);

  if (_rpt_window_is_gone (self))
    {
      save_op_free (op);
      return;
    }
  self->saving = FALSE;
  _rpt_window_busy_pop (self);

  /* Another writer (repartee-tool add, say) saved the file after the
   * window checked it: ask, as when the change was seen before saving. */
  if (!ok && g_error_matches (error, RPT_ERROR, RPT_ERROR_CHANGED) && op->project == self->project
      && self->file && g_file_equal (op->file, self->file))
    {
      _rpt_window_confirm_overwrite (self, save_anyway_then, g_steal_pointer (&op->cont),
                                     (GDestroyNotify) continuation_free);
      save_op_free (op);
      return;
    }
  if (!ok)
    {
      g_autofree char *name = g_file_get_basename (op->file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);

      /* The project stays dirty and its recovery copy stays on disk. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _rpt_window_show_error (self, heading, error->message);
      save_op_free (op);
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

  continuation_run (self, g_steal_pointer (&op->cont));
  save_op_free (op);
}

/* Saves to @file; with @expected, only over the file it describes. */
static void
save_to (RptWindow          *self,
         GFile              *file,
         const RptFileStamp *expected,
         Continuation       *cont)
{
  SaveOp *op;

  if (self->saving)
    {
      _rpt_window_toast (self, _("Already saving; try again in a moment"));
      continuation_free (cont);
      return;
    }

  op = g_new0 (SaveOp, 1);
  op->self = g_object_ref (self);
  op->project = g_object_ref (self->project);
  op->file = g_object_ref (file);
  op->cont = cont;

  self->saving = TRUE;
  _rpt_window_busy_push (self);
  /* Not cancelled with the window: a save that started should finish. */
  rpt_project_save_expecting_async (self->project, file, expected, NULL, save_done_cb, op);
}

static void save_as_with (RptWindow *self, Continuation *cont);

typedef struct
{
  RptWindow    *self;
  GFile        *file;
  Continuation *cont;
  gboolean      expect;   /* only over the file the window read */
} ReplaceOp;

static void
replace_op_free (gpointer data)
{
  ReplaceOp *op = data;

  g_object_unref (op->self);
  g_object_unref (op->file);
  continuation_free (op->cont);
  g_free (op);
}

static void
replace_op_save (gpointer data)
{
  ReplaceOp *op = data;
  RptWindow *self = op->self;

  if (!_rpt_window_is_gone (self))
    save_to (self, op->file, op->expect && self->stamp_known ? &self->stamp : NULL,
             g_steal_pointer (&op->cont));
}

static void
replace_op_save_as (gpointer data)
{
  ReplaceOp *op = data;

  if (!_rpt_window_is_gone (op->self))
    save_as_with (op->self, g_steal_pointer (&op->cont));
}

static ReplaceOp *
replace_op_new (RptWindow    *self,
                GFile        *file,
                Continuation *cont)
{
  ReplaceOp *op = g_new0 (ReplaceOp, 1);

  op->self = g_object_ref (self);
  op->file = g_object_ref (file);
  op->cont = cont;
  return op;
}

/* Plain Save writes over the project's own file, through a rename that a
 * read-only file or another user's does not stop: asked first, as text
 * editors do (Cancel, Save As… or Replace). @expect: only over the file
 * the window read. */
static void
save_in_place (RptWindow    *self,
               gboolean      expect,
               Continuation *cont)
{
  g_autofree char *path = g_file_get_path (self->file);
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);
  ReplaceOp *op;

  if (path == NULL)
    {
      save_to (self, self->file, expect && self->stamp_known ? &self->stamp : NULL, cont);
      return;
    }
  op = replace_op_new (self, self->file, cont);
  op->expect = expect;
  rpt_output_check_save_then (GTK_WINDOW (self), heading, path, replace_op_save, replace_op_save_as,
                              op, replace_op_free);
}

/* The chooser asked before choosing an existing file, but not whether it
 * is read-only or someone else's, nor about the name once ".json" is
 * added: those are asked here, the rest is not asked twice. */
static void
save_as_checked (RptWindow    *self,
                 GFile        *file,
                 Continuation *cont,
                 gboolean      renamed)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);
  ReplaceOp *op;

  if (path == NULL)
    {
      save_to (self, file, NULL, cont);
      return;
    }
  op = replace_op_new (self, file, cont);
  rpt_output_check_then (GTK_WINDOW (self), heading, path, !renamed, replace_op_save, op, replace_op_free);
}

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  RptWindow *self = RPT_WINDOW (gtk_native_dialog_get_transient_for (chooser));
  Continuation *cont = user_data;

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
      save_as_checked (self, file, cont, renamed);
    }
  else
    continuation_free (cont);

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
save_as_with (RptWindow    *self,
              Continuation *cont)
{
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
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), cont);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_anyway_then (RptWindow *self,
                  gpointer   data)
{
  if (self->file)
    save_in_place (self, FALSE, data);
  else
    continuation_free (data);
}

static void
save_then (RptWindow    *self,
           Continuation *cont)
{
  if (self->file && _rpt_window_file_changed_on_disk (self))
    _rpt_window_confirm_overwrite (self, save_anyway_then, cont, (GDestroyNotify) continuation_free);
  else if (self->file)
    save_in_place (self, TRUE, cont);
  else
    save_as_with (self, cont);
}

void
_rpt_window_save (RptWindow *self)
{
  save_then (self, NULL);
}

void
_rpt_window_save_as (RptWindow *self)
{
  save_as_with (self, NULL);
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
reanchor_then (RptWindow *self,
               gpointer   data)
{
  LoadOp *op = data;

  op->flags |= RPT_LOAD_REANCHOR;
  start_load (self, op);
}

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
      _rpt_window_ask_reanchor (self, op->source, reanchor_then, op, (GDestroyNotify) load_op_free);
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
load_file_then (RptWindow *self,
                gpointer   data)
{
  _rpt_window_load (self, data, data, NULL, NULL, NULL);
}

void
_rpt_window_open_file (RptWindow *self,
                       GFile     *file)
{
  _rpt_window_confirm_discard (self, load_file_then, g_object_ref (file), g_object_unref);
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
show_open_chooser (RptWindow *self,
                   gpointer   data)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = project_filter ();

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
  _rpt_window_confirm_discard (self, show_open_chooser, NULL, NULL);
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
open_demo_then (RptWindow *self,
                gpointer   data)
{
  /* A copy: Save asks where, so the shipped demo stays as it is. */
  _rpt_window_load (self, data, NULL, _("Demo Project"), NULL, NULL);
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
  _rpt_window_confirm_discard (self, open_demo_then, g_file_new_for_path (path), g_object_unref);
}

static void
new_project_then (RptWindow *self,
                  gpointer   data)
{
  g_autoptr(RptProject) project = rpt_project_new ();

  _rpt_window_set_project (self, project, NULL, NULL);
}

void
_rpt_window_new_project (RptWindow *self)
{
  _rpt_window_confirm_discard (self, new_project_then, NULL, NULL);
}

/* ---- Closing ---- */

static void
close_then (RptWindow *self,
            gpointer   data)
{
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
  _rpt_window_confirm_discard (self, close_then, NULL, NULL);
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
