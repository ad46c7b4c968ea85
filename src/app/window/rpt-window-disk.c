/* rpt-window-disk.c: the project file as it is on disk: noticing that
 * another program changed it since we read or wrote it (a stamp, see
 * rpt-file-stamp.h) and asking before a save replaces those changes; and
 * offering to re-anchor a project whose article text was edited outside
 * Repartee. The window's questions (_rpt_window_ask_async) are here too.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-window-private.h"

gboolean
_rpt_window_file_changed_on_disk (RptWindow *self)
{
  g_autofree char *path = NULL;
  RptFileStamp now;

  if (self->file == NULL || !self->stamp_known)
    return FALSE;
  path = g_file_get_path (self->file);
  rpt_file_stamp_read (path, &now);
  /* A file that is gone holds nothing a save could destroy. */
  if (!now.exists)
    return FALSE;
  return self->stamp_stale || !rpt_file_stamp_matches (&self->stamp, path);
}

/* ---- Questions ---- */

void
_rpt_window_return_cancelled (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Cancelled"));
}

static gboolean
answer_cb (gpointer data)
{
  GTask *task = data;
  RptWindow *self = g_task_get_source_object (task);
  const char *response = g_task_get_task_data (task);

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;
  if (_rpt_window_is_gone (self) || g_str_equal (response, "cancel"))
    _rpt_window_return_cancelled (task);
  else
    g_task_return_pointer (task, g_strdup (response), g_free);
  return G_SOURCE_REMOVE;
}

static void
question_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          data)
{
  GTask *task = data;

  g_task_set_task_data (task, g_strdup (response), g_free);
  /* A click would have GTask call back at once, inside this emission. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, answer_cb, g_object_ref (task), g_object_unref);
}

static void
release_task (gpointer  data,
              GClosure *closure)
{
  g_object_unref (data);
}

void
_rpt_window_ask_async (RptWindow           *self,
                       GtkWidget           *dialog,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, _rpt_window_ask_async);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* The dialog holds the task until it goes, answered or not. */
  g_signal_connect_data (dialog, "response", G_CALLBACK (question_response_cb), task, release_task, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

char *
_rpt_window_ask_finish (RptWindow     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, _rpt_window_ask_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Completes the task in @data TRUE when the question's answer came. */
static void
answered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;
  g_autofree char *response = _rpt_window_ask_finish (RPT_WINDOW (object), result, &error);

  if (response == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
answer_finish (RptWindow     *self,
               GAsyncResult  *result,
               gpointer       source_tag,
               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
_rpt_window_confirm_overwrite_async (RptWindow           *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *name = _rpt_window_dup_display_name (self);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, _rpt_window_confirm_overwrite_async);
  /* Translators: %s is the project's file name */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("“%s” changed on disk"), name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Another program changed this file since you opened it. Saving will replace those changes."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("Save _Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_DESTRUCTIVE);
  /* Enter must not destroy someone's work. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  _rpt_window_ask_async (self, dialog, cancellable, answered_cb, task);
}

gboolean
_rpt_window_confirm_overwrite_finish (RptWindow     *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return answer_finish (self, result, _rpt_window_confirm_overwrite_async, error);
}

void
_rpt_window_ask_reanchor_async (RptWindow           *self,
                                GFile               *source,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *name = g_file_get_basename (source);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Re-anchor Annotations?"), NULL);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, _rpt_window_ask_reanchor_async);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The text of an article in “%s” was changed outside Repartee. "
                                    "Its annotations can be placed again by the text they quote; "
                                    "any that cannot be placed with confidence are kept for you to review."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reanchor", _("_Re-anchor"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reanchor", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reanchor");
  _rpt_window_ask_async (self, dialog, cancellable, answered_cb, task);
}

gboolean
_rpt_window_ask_reanchor_finish (RptWindow     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return answer_finish (self, result, _rpt_window_ask_reanchor_async, error);
}

void
_rpt_window_show_reanchor_report (RptWindow         *self,
                                  RptReanchorReport *report)
{
  guint placed, orphans;
  g_autofree char *text = NULL;

  if (report == NULL || rpt_reanchor_report_get_n_documents (report) == 0)
    return;
  placed = rpt_reanchor_report_get_total (report, RPT_ANCHOR_EXACT)
           + rpt_reanchor_report_get_total (report, RPT_ANCHOR_CONTEXT)
           + rpt_reanchor_report_get_total (report, RPT_ANCHOR_FUZZY);
  orphans = rpt_reanchor_report_get_total (report, RPT_ANCHOR_ORPHAN);

  if (orphans == 0)
    text = g_strdup_printf (ngettext ("%u annotation placed", "%u annotations placed", placed), placed);
  else
    {
      g_autofree char *first = g_strdup_printf (ngettext ("%u placed", "%u placed", placed), placed);

      /* Translators: %s is "12 placed"; %u the number left as orphans */
      text = g_strdup_printf (ngettext ("%s, %u could not be placed", "%s, %u could not be placed", orphans),
                              first, orphans);
    }
  _rpt_window_toast (self, text);
}
