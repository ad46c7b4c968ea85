/* rpt-replace-prompt.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-replace-prompt.h"

typedef struct
{
  RptReplaceFunc replace;
  RptReplaceFunc save_as;
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
  else if (g_str_equal (response, "save-as") && prompt->save_as)
    prompt->save_as (prompt->user_data);
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

/* With @save_as, the question also offers to save elsewhere (plain Save
 * of a file that became read-only or someone else's). */
static GtkWidget *
prompt_full (GtkWindow      *parent,
             const char     *path,
             RptOutputState  state,
             const char     *reason,
             RptReplaceFunc  replace,
             RptReplaceFunc  save_as,
             gpointer        user_data,
             GDestroyNotify  destroy)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_filename_display_name (base);
  GtkWidget *dialog = adw_message_dialog_new (parent, NULL, NULL);
  Prompt *prompt = g_new0 (Prompt, 1);

  prompt->replace = replace;
  prompt->save_as = save_as;
  prompt->user_data = user_data;
  prompt->destroy = destroy;
  /* Translators: %s is a file or folder name */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Replace “%s”?"), name);
  /* Translators: the reason ("/home/ana/out.csv is read-only"), then what
   * replacing does */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("%s. %s"), reason, consequence (state));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (save_as)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "save-as", _("Save _As…"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "replace", _("_Replace"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  /* Enter and Escape keep what is there. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), prompt);
  gtk_window_present (GTK_WINDOW (dialog));
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
  return prompt_full (parent, path, state, reason, replace, NULL, user_data, destroy);
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

static void
check_then (GtkWindow      *parent,
            const char     *heading,
            const char     *path,
            gboolean        chooser_asked,
            RptReplaceFunc  write,
            RptReplaceFunc  save_as,
            gpointer        user_data,
            GDestroyNotify  destroy)
{
  g_autofree char *reason = NULL;
  RptOutputState state = rpt_output_inspect (path, RPT_OUTPUT_FILE, NULL, &reason);

  if (rpt_output_state_is_refused (state))
    rpt_output_refusal (parent, heading, path, FALSE, state, reason);
  else if (state == RPT_OUTPUT_NEW || (state == RPT_OUTPUT_EXISTS && chooser_asked))
    write (user_data);
  else
    {
      prompt_full (parent, path, state, reason, write, save_as, user_data, destroy);
      return;
    }
  if (destroy)
    destroy (user_data);
}

void
rpt_output_check_then (GtkWindow      *parent,
                       const char     *heading,
                       const char     *path,
                       gboolean        chooser_asked,
                       RptReplaceFunc  write,
                       gpointer        user_data,
                       GDestroyNotify  destroy)
{
  check_then (parent, heading, path, chooser_asked, write, NULL, user_data, destroy);
}

void
rpt_output_check_save_then (GtkWindow      *parent,
                            const char     *heading,
                            const char     *path,
                            RptReplaceFunc  write,
                            RptReplaceFunc  save_as,
                            gpointer        user_data,
                            GDestroyNotify  destroy)
{
  /* The project's own file is there by design: only what a text editor
   * would ask about is asked. */
  check_then (parent, heading, path, TRUE, write, save_as, user_data, destroy);
}
