/* rpt-application.c: one window per project; files given on the command
 * line are opened (projects) or imported (articles).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rpt-application.h"
#include "rpt-window.h"

struct _RptApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (RptApplication, rpt_application, ADW_TYPE_APPLICATION)

static void
rpt_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (rpt_window_new (RPT_APPLICATION (app)));
  gtk_window_present (window);
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
}

static void
rpt_application_class_init (RptApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

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
