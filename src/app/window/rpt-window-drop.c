/* rpt-window-drop.c: files given on the command line or dropped on the
 * window: a project opens (asking about unsaved work first), articles are
 * imported into it or into the open project.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Repartee-App"
#include "config.h"

#include "rpt-window-private.h"

static gboolean
is_project_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = name ? g_ascii_strdown (name, -1) : NULL;

  return folded && g_str_has_suffix (folded, ".json");
}

typedef struct
{
  GFile     *project;
  GPtrArray *articles;
} OpenFiles;

static void
open_files_free (gpointer data)
{
  OpenFiles *open = data;

  g_clear_object (&open->project);
  g_ptr_array_unref (open->articles);
  g_free (open);
}

static void
open_files_confirmed_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      data)
{
  RptWindow *self = RPT_WINDOW (object);
  OpenFiles *open = data;

  if (_rpt_window_confirm_discard_finish (self, result, NULL))
    _rpt_window_load (self, open->project, open->project, NULL, NULL, open->articles);
  open_files_free (open);
}

void
rpt_window_open_files (RptWindow  *self,
                       GFile     **files,
                       int         n_files)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  GFile *project = NULL;

  g_return_if_fail (RPT_IS_WINDOW (self));

  for (int i = 0; i < n_files; i++)
    {
      if (!is_project_file (files[i]))
        g_ptr_array_add (articles, g_object_ref (files[i]));
      else if (project == NULL)
        project = files[i];
      else
        {
          /* One project per window: the others get windows of their own. */
          GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
          RptWindow *other = rpt_window_new (RPT_APPLICATION (app));

          rpt_window_open_files (other, &files[i], 1);
          gtk_window_present (GTK_WINDOW (other));
        }
    }

  /* Nothing to ask: the load starts now, so that a window opened for a
   * file shows "Opening…" from its first frame. */
  if (project && !_rpt_window_is_modified (self))
    _rpt_window_load (self, project, project, NULL, NULL, articles);
  else if (project)
    {
      OpenFiles *open = g_new0 (OpenFiles, 1);

      open->project = g_object_ref (project);
      open->articles = g_ptr_array_ref (articles);
      _rpt_window_confirm_discard_async (self, self->cancellable, open_files_confirmed_cb, open);
    }
  else if (articles->len > 0)
    _rpt_window_import_files (self, articles);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         RptWindow     *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;
  rpt_window_open_files (self, (GFile **) files->pdata, (int) files->len);
  return TRUE;
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               RptWindow     *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self->toast_overlay), "rpt-drop-highlight");
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (RptWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->toast_overlay), "rpt-drop-highlight");
}

void
_rpt_window_init_drop (RptWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  g_signal_connect (target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect_swapped (target, "leave", G_CALLBACK (drop_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
