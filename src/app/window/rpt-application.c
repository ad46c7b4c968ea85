/* rpt-application.c: one window per project; files given on the command
 * line are opened (projects) or imported (articles). The first window
 * offers to restore work left by a Repartee process that died.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-application.h"
#include "rpt-window.h"

struct _RptApplication
{
  AdwApplication parent_instance;

  gboolean       recovery_offered;
};

G_DEFINE_FINAL_TYPE (RptApplication, rpt_application, ADW_TYPE_APPLICATION)

static void
offer_recovery_once (RptApplication *self,
                     RptWindow      *window)
{
  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;
  rpt_window_offer_recovery (window);
}

static void
rpt_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (rpt_window_new (RPT_APPLICATION (app)));
  gtk_window_present (window);
  offer_recovery_once (RPT_APPLICATION (app), RPT_WINDOW (window));
}

static void
rpt_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  RptWindow *window = rpt_window_new (RPT_APPLICATION (app));

  rpt_window_open_files (window, files, n_files);
  gtk_window_present (GTK_WINDOW (window));
  offer_recovery_once (RPT_APPLICATION (app), window);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  /* Closing a window removes it from the application's list (and a
   * window with unsaved changes presents a dialog, which is added): walk
   * a copy that holds its windows, never the list itself. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (user_data)); l; l = l->next)
    if (RPT_IS_WINDOW (l->data))
      g_ptr_array_add (windows, g_object_ref (l->data));

  /* Each window asks about its own unsaved changes. */
  for (guint i = 0; i < windows->len; i++)
    gtk_window_close (g_ptr_array_index (windows, i));
}

static void
rpt_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { .name = "quit", .activate = quit_action },
  };
  const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (rpt_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
rpt_application_class_init (RptApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = rpt_application_startup;
  app_class->activate = rpt_application_activate;
  app_class->open = rpt_application_open;
}

static void
rpt_application_init (RptApplication *self)
{
}

RptApplication *
rpt_application_new (void)
{
  return g_object_new (RPT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/repartee/Repartee",
                       NULL);
}
