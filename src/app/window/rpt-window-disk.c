/* rpt-window-disk.c: the project file as it is on disk: noticing that
 * another program changed it since we read or wrote it (a stamp, see
 * rpt-file-stamp.h) and asking before a save replaces those changes; and
 * offering to re-anchor a project whose article text was edited outside
 * Repartee.
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

typedef struct
{
  RptWindowContinuation then;
  gpointer              data;
  GDestroyNotify        destroy;
  char                 *yes;
} Question;

static void
question_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  Question *question = user_data;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  RptWindow *self = parent ? RPT_WINDOW (parent) : NULL;

  if (self && g_str_equal (response, question->yes) && !_rpt_window_is_gone (self))
    question->then (self, question->data);
  else if (question->destroy)
    question->destroy (question->data);
  g_free (question->yes);
  g_free (question);
}

static void
ask (RptWindow             *self,
     GtkWidget             *dialog,
     const char            *yes,
     RptWindowContinuation  then,
     gpointer               data,
     GDestroyNotify         destroy)
{
  Question *question = g_new0 (Question, 1);

  question->then = then;
  question->data = data;
  question->destroy = destroy;
  question->yes = g_strdup (yes);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (question_response_cb), question);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_rpt_window_confirm_overwrite (RptWindow             *self,
                               RptWindowContinuation  then,
                               gpointer               data,
                               GDestroyNotify         destroy)
{
  g_autofree char *name = _rpt_window_dup_display_name (self);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);

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
  ask (self, dialog, "save", then, data, destroy);
}

void
_rpt_window_ask_reanchor (RptWindow             *self,
                          GFile                 *source,
                          RptWindowContinuation  then,
                          gpointer               data,
                          GDestroyNotify         destroy)
{
  g_autofree char *name = g_file_get_basename (source);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Re-anchor Annotations?"), NULL);

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
  ask (self, dialog, "reanchor", then, data, destroy);
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
