/* rpt-window-recent.c: recent projects (GtkRecentManager: the start
 * page's list and the Open Recent menu) and the folder file choosers start
 * in.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-window-private.h"

#define RECENT_APP_NAME "Repartee"
/* Marks the entries Repartee adds once a project opened or saved. The file
 * chooser adds every file it returns under the application's name too,
 * before Repartee has read it: a project that then fails to open must not
 * become a recent project, so only entries in this group are listed. */
#define RECENT_GROUP    "repartee-project"
#define RECENT_MAX_ROWS 6

/* ---- Remembering folders and projects ---- */

void
_rpt_window_remember_folder (RptWindow *self,
                             GFile     *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *uri = parent ? g_file_get_uri (parent) : NULL;

  if (uri)
    g_settings_set_string (self->settings, "last-folder", uri);
}

void
_rpt_window_start_in_last_folder (RptWindow      *self,
                                  GtkFileChooser *chooser)
{
  g_autofree char *uri = g_settings_get_string (self->settings, "last-folder");
  g_autoptr(GFile) folder = NULL;

  if (uri[0] == '\0')
    return;
  folder = g_file_new_for_uri (uri);
  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

void
_rpt_window_remember_project (RptWindow *self,
                              GFile     *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  char *groups[] = { (char *) RECENT_GROUP, NULL };
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) "application/json",
    .app_name = (char *) RECENT_APP_NAME,
    .app_exec = (char *) "repartee %u",
    .groups = groups,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
  _rpt_window_remember_folder (self, file);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (ib), gtk_recent_info_get_modified (ia));
}

void
_rpt_window_update_recent (RptWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) ours = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GtkWidget *row;

  for (GList *l = items; l; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gtk_recent_info_has_group (info, RECENT_GROUP) && gtk_recent_info_has_application (info, RECENT_APP_NAME)
          && gtk_recent_info_is_local (info) && gtk_recent_info_exists (info))
        g_ptr_array_add (ours, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (ours, compare_recent);

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, row);
  g_menu_remove_all (self->recent_section);

  for (guint i = 0; i < ours->len && i < RECENT_MAX_ROWS; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (ours, i);
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *folder = _rpt_window_dup_folder_for_display (file);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder ? folder : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uri);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->recent_list, row);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uri);
      g_menu_append_item (self->recent_section, item);
    }

  if (ours->len == 0)
    {
      /* No action: shown insensitive, rather than an empty submenu. */
      g_autoptr(GMenuItem) none = g_menu_item_new (_("No Recent Projects"), NULL);
      g_menu_append_item (self->recent_section, none);
    }
  gtk_widget_set_visible (self->recent_heading, ours->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), ours->len > 0);
}
