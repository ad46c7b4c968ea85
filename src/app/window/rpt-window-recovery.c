/* rpt-window-recovery.c: offering the work of a process that died.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-window-private.h"

static void
restore_response_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     RptRecoveryOrphan *orphan)
{
  RptWindow *self = RPT_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (g_str_equal (response, "restore"))
    {
      RptWindow *target = self;
      g_autofree char *title = g_strdup (rpt_recovery_orphan_get_title (orphan));
      GFile *original = rpt_recovery_orphan_get_original (orphan);

      /* Never over work already in this window. */
      if (!_rpt_window_is_blank (self))
        {
          GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

          target = rpt_window_new (RPT_APPLICATION (app));
          gtk_window_present (GTK_WINDOW (target));
        }
      _rpt_window_load (target, rpt_recovery_orphan_get_file (orphan), original,
                        original ? NULL : title, orphan, NULL);
    }
  else if (g_str_equal (response, "discard"))
    {
      rpt_recovery_orphan_discard (orphan);
      rpt_recovery_orphan_free (orphan);
    }
  else
    rpt_recovery_orphan_free (orphan);  /* kept for the next start */
}

/* Takes @orphan. */
void
_rpt_window_offer_restore (RptWindow         *self,
                           RptRecoveryOrphan *orphan)
{
  GDateTime *time = rpt_recovery_orphan_get_time (orphan);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (g_date_time_get_year (time) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (time) == g_date_time_get_day_of_year (now))
    /* Translators: a time of day, see g_date_time_format() */
    when = g_date_time_format (time, _("%H:%M"));
  else
    /* Translators: a date and time, see g_date_time_format() */
    when = g_date_time_format (time, _("%e %B %Y, %H:%M"));
  g_strstrip (when);
  /* Translators: %s is a time ("14:05") or a date and time */
  heading = g_strdup_printf (_("Restore Unsaved Work from %s?"), when);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Repartee stopped before the changes to “%s” were saved. A copy of them was kept."),
                                  rpt_recovery_orphan_get_title (orphan));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Later"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect (dialog, "response", G_CALLBACK (restore_response_cb), orphan);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Offers every copy left by a dead process, each in its own dialog. */
void
rpt_window_offer_recovery (RptWindow *self)
{
  g_autoptr(GPtrArray) orphans = rpt_recovery_claim_orphans ();

  g_return_if_fail (RPT_IS_WINDOW (self));

  while (orphans->len > 0)
    _rpt_window_offer_restore (self, g_ptr_array_steal_index (orphans, 0));
}
