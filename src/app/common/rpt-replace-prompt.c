/* rpt-replace-prompt.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-replace-prompt.h"

typedef struct
{
  RptReplaceFunc replace;
  gpointer       user_data;
  GDestroyNotify destroy;
} Prompt;

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          data)
{
  Prompt *prompt = data;

  if (g_str_equal (response, "replace"))
    prompt->replace (prompt->user_data);
  if (prompt->destroy)
    prompt->destroy (prompt->user_data);
  g_free (prompt);
}

/* What replacing does, after the reason. */
static const char *
consequence (RptOutputState state)
{
  switch (state)
    {
    case RPT_OUTPUT_EARLIER_EXPORT:
      return _("Replacing it deletes the files of that export.");
    case RPT_OUTPUT_OTHER_OWNER:
      return _("Replacing it overwrites what it holds, and what takes its place belongs to you.");
    case RPT_OUTPUT_DANGLING_LINK:
      return _("Replacing it puts the new file in place of the link.");
    case RPT_OUTPUT_READ_ONLY:
      return _("Replacing it overwrites it all the same.");
    case RPT_OUTPUT_EXISTS:
    default:
      return _("Replacing it overwrites its contents.");
    }
}

/* The question, not yet shown. With @offer_save_as, it also offers to
 * save elsewhere (plain Save of a file that became read-only or someone
 * else's). */
static GtkWidget *
build_prompt (GtkWindow      *parent,
              const char     *path,
              RptOutputState  state,
              const char     *reason,
              gboolean        offer_save_as)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_filename_display_name (base);
  GtkWidget *dialog = adw_message_dialog_new (parent, NULL, NULL);

  /* Translators: %s is a file or folder name */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Replace “%s”?"), name);
  /* Translators: the reason ("/home/ana/out.csv is read-only"), then what
   * replacing does */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("%s. %s"), reason, consequence (state));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (offer_save_as)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "save-as", _("Save _As…"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "replace", _("_Replace"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  /* Enter and Escape keep what is there. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  return dialog;
}

GtkWidget *
rpt_replace_prompt (GtkWindow      *parent,
                    const char     *path,
                    RptOutputState  state,
                    const char     *reason,
                    RptReplaceFunc  replace,
                    gpointer        user_data,
                    GDestroyNotify  destroy)
{
  GtkWidget *dialog = build_prompt (parent, path, state, reason, FALSE);
  Prompt *prompt = g_new0 (Prompt, 1);

  prompt->replace = replace;
  prompt->user_data = user_data;
  prompt->destroy = destroy;
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), prompt);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

GtkWidget *
rpt_output_refusal (GtkWindow      *parent,
                    const char     *heading,
                    const char     *path,
                    gboolean        folder,
                    RptOutputState  state,
                    const char     *reason)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_filename_display_name (base);
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, NULL);

  if (state == RPT_OUTPUT_INPUT)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    folder ? _("“%s” holds the open project’s file. Choose another folder.")
                                           : _("“%s” is the open project’s file. Choose another file."),
                                    name);
  else if (state == RPT_OUTPUT_FOREIGN_FILES)
    /* Translators: %s is the reason, e.g. "/home/ana/corpus holds “notes.txt”,
     * which Repartee did not write" */
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("%s. Repartee replaces only a folder it wrote. "
                                      "Choose an empty or new folder."), reason);
  else
    /* Translators: %s is the reason, e.g. "/home/ana/out is a folder, not a file" */
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    folder ? _("%s. Choose another folder.") : _("%s. Choose another file."),
                                    reason);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* ---- Checking before a write ---- */

static void
release_task (gpointer  data,
              GClosure *closure)
{
  g_object_unref (data);
}

static void
check_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          data)
{
  GTask *task = data;

  if (g_str_equal (response, "replace") || g_str_equal (response, "save-as"))
    {
      g_task_set_task_data (task, GINT_TO_POINTER (g_str_equal (response, "save-as")), NULL);
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Cancelled"));
}

void
rpt_output_check_async (GtkWindow           *parent,
                        const char          *heading,
                        const char          *path,
                        gboolean             chooser_asked,
                        gboolean             offer_save_as,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (parent, cancellable, callback, user_data);
  g_autofree char *reason = NULL;
  RptOutputState state = rpt_output_inspect (path, RPT_OUTPUT_FILE, NULL, &reason);
  GtkWidget *dialog;

  g_task_set_source_tag (task, rpt_output_check_async);
  if (rpt_output_state_is_refused (state))
    {
      rpt_output_refusal (parent, heading, path, FALSE, state, reason);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", reason);
    }
  else if (state == RPT_OUTPUT_NEW || (state == RPT_OUTPUT_EXISTS && chooser_asked))
    g_task_return_boolean (task, TRUE);
  else
    {
      dialog = build_prompt (parent, path, state, reason, offer_save_as);
      /* The dialog holds the task until it goes, answered or not. */
      g_signal_connect_data (dialog, "response", G_CALLBACK (check_response_cb), g_steal_pointer (&task),
                             release_task, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

gboolean
rpt_output_check_finish (GAsyncResult  *result,
                         gboolean      *save_as,
                         GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, rpt_output_check_async), FALSE);

  ok = g_task_propagate_boolean (G_TASK (result), error);
  if (save_as)
    *save_as = ok && GPOINTER_TO_INT (g_task_get_task_data (G_TASK (result)));
  return ok;
}
