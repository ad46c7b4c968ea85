/* rpt-window.c: the main window (placeholder until the window issue lands).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rpt-window.h"

struct _RptWindow
{
  AdwApplicationWindow  parent_instance;

  RptProject           *project;
};

G_DEFINE_FINAL_TYPE (RptWindow, rpt_window, ADW_TYPE_APPLICATION_WINDOW)

static void
rpt_window_dispose (GObject *object)
{
  RptWindow *self = RPT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_WINDOW);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (rpt_window_parent_class)->dispose (object);
}

static void
rpt_window_class_init (RptWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/repartee/Repartee/rpt-window.ui");
}

static void
rpt_window_init (RptWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->project = rpt_project_new ();
}

RptWindow *
rpt_window_new (RptApplication *application)
{
  return g_object_new (RPT_TYPE_WINDOW, "application", application, NULL);
}

void
rpt_window_open_files (RptWindow  *self,
                       GFile     **files,
                       int         n_files)
{
}

RptProject *
rpt_window_get_project (RptWindow *self)
{
  g_return_val_if_fail (RPT_IS_WINDOW (self), NULL);
  return self->project;
}
