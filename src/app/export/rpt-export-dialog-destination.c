/* rpt-export-dialog-destination.c: where the Export Dataset dialog writes:
 * the destination row, the file chooser that names a new file or folder,
 * the name that follows the format ("summit.jsonl" becomes "summit.csv"),
 * and which destination may be replaced without asking again.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-export.h"
#include "rpt-export-dialog-private.h"

void
_rpt_export_dialog_update_destination_row (RptExportDialog *self)
{
  if (self->destination)
    {
      g_autofree char *display = g_filename_display_name (self->destination);
      g_autofree char *home = g_strconcat (g_get_home_dir (), G_DIR_SEPARATOR_S, NULL);
      g_autofree char *tilde = g_str_has_prefix (display, home)
                                 ? g_strconcat ("~" G_DIR_SEPARATOR_S, display + strlen (home), NULL)
                                 : NULL;

      adw_action_row_set_subtitle (self->destination_row, tilde ? tilde : display);
    }
  else
    adw_action_row_set_subtitle (self->destination_row,
                                 rpt_export_format_writes_folder (_rpt_export_dialog_get_format (self))
                                   ? _("No folder chosen") : _("No file chosen"));
}

void
_rpt_export_dialog_set_destination (RptExportDialog *self,
                                    const char      *path)
{
  if (g_strcmp0 (self->destination, path) == 0)
    return;
  g_free (self->destination);
  self->destination = g_strdup (path);
  _rpt_export_dialog_update_destination_row (self);
  _rpt_export_dialog_update_actions (self);
  g_object_notify (G_OBJECT (self), "destination");
}

/* Keeps the chosen name when the format changes: "summit.jsonl" becomes
 * "summit.csv", or the folder "summit" for brat. */
void
_rpt_export_dialog_adapt_destination (RptExportDialog *self)
{
  const char *extension = rpt_export_format_get_extension (_rpt_export_dialog_get_format (self));
  g_autofree char *base = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  char *dot;

  if (self->destination == NULL)
    return;
  dir = g_path_get_dirname (self->destination);
  base = g_path_get_basename (self->destination);
  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';
  path = g_strconcat (dir, G_DIR_SEPARATOR_S, base, extension ? extension : "", NULL);
  _rpt_export_dialog_set_destination (self, path);
}

/* Replacing @path needs no question while it is what it was when the user
 * last agreed to it (or when this dialog wrote it). */
void
_rpt_export_dialog_set_confirmed (RptExportDialog *self,
                                  const char      *path)
{
  g_free (self->confirmed);
  self->confirmed = g_strdup (path);
  rpt_file_stamp_read (path, &self->confirmed_stamp);
}

gboolean
_rpt_export_dialog_is_confirmed (RptExportDialog *self)
{
  return self->confirmed && g_strcmp0 (self->confirmed, self->destination) == 0 &&
         rpt_file_stamp_matches (&self->confirmed_stamp, self->destination);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     RptExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      const char *extension = rpt_export_format_get_extension (_rpt_export_dialog_get_format (self));

      /* The chooser asked before choosing an existing file: that is the
       * question, unless the name it asked about gets an extension here. */
      if (path && g_file_test (path, G_FILE_TEST_IS_REGULAR) &&
          !(extension && !g_str_has_suffix (path, extension)))
        _rpt_export_dialog_set_confirmed (self, path);
      if (path && extension && !g_str_has_suffix (path, extension))
        {
          char *with = g_strconcat (path, extension, NULL);
          g_free (path);
          path = with;
        }
      if (path)
        _rpt_export_dialog_set_destination (self, path);
      else
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Only local files can be written")));
    }
  g_clear_object (&self->chooser);
}

void
_rpt_export_dialog_choose_destination (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  RptExportDialog *self = RPT_EXPORT_DIALOG (widget);
  RptExportFormat format = _rpt_export_dialog_get_format (self);
  gboolean folder = rpt_export_format_writes_folder (format);
  const char *extension = rpt_export_format_get_extension (format);
  g_autofree char *suggested = NULL;

  if (self->chooser)
    return;
  /* Both kinds are saved under a new name: a folder format creates the
   * folder, so the user never has to pick an existing, empty one. */
  self->chooser = gtk_file_chooser_native_new (folder ? _("Name the New Export Folder") : _("Export To"),
                                               GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export Here"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (self->destination)
    {
      g_autoptr(GFile) current = g_file_new_for_path (self->destination);
      g_autoptr(GFile) parent = g_file_get_parent (current);

      if (parent)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), parent, NULL);
      suggested = g_file_get_basename (current);
    }
  else if (folder)
    suggested = g_strdup_printf ("dataset-%s", rpt_export_format_to_string (format));
  else
    suggested = g_strconcat ("dataset", extension, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
  if (!folder)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autofree char *pattern = g_strconcat ("*", extension, NULL);

      gtk_file_filter_set_name (filter, rpt_export_format_get_name (format));
      gtk_file_filter_add_pattern (filter, pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}
