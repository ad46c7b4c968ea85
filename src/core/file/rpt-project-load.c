/* rpt-project-load.c: opening a project file, on the calling thread or in
 * a worker, with or without re-anchoring. The bytes are judged in
 * rpt-project-reader.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-File"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rpt-project-io.h"
#include "rpt-safe-file.h"

RptProject *
rpt_project_load_from_file (const char  *path,
                            GError     **error)
{
  return rpt_project_load_from_file_full (path, RPT_LOAD_DEFAULT, NULL, error);
}

RptProject *
rpt_project_load_from_file_full (const char          *path,
                                 RptLoadFlags         flags,
                                 RptReanchorReport  **report,
                                 GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  RptProject *project;
  gsize len;
  const char *data;

  bytes = rpt_safe_file_read (path, RPT_MAX_FILE_BYTES, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &len);
  project = rpt_project_load_from_data_full (data ? data : "", len, flags, report, &local_error);
  if (project == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, local_error->domain, local_error->code, "%s: %s", display, local_error->message);
    }
  return project;
}

typedef struct
{
  char              *path;
  RptLoadFlags       flags;
  RptReanchorReport *report;   /* set by the worker */
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_free (load->path);
  g_clear_pointer (&load->report, rpt_reanchor_report_unref);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  GError *error = NULL;
  RptProject *project = rpt_project_load_from_file_full (load->path, load->flags, &load->report, &error);

  if (project)
    g_task_return_pointer (task, project, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
rpt_project_load_full_async (GFile               *file,
                             RptLoadFlags         flags,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rpt_project_load_full_async);
  load = g_new0 (LoadData, 1);
  load->path = g_file_get_path (file);
  load->flags = flags;
  g_task_set_task_data (task, load, load_data_free);
  if (load->path == NULL)
    {
      g_task_return_new_error (task, RPT_ERROR, RPT_ERROR_IO, "%s", _("Only local files can be opened"));
      return;
    }
  g_task_run_in_thread (task, load_thread);
}

RptProject *
rpt_project_load_full_finish (GAsyncResult        *result,
                              RptReanchorReport  **report,
                              GError             **error)
{
  RptProject *project;
  LoadData *load;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (report == NULL || *report == NULL, NULL);

  project = g_task_propagate_pointer (G_TASK (result), error);
  load = g_task_get_task_data (G_TASK (result));
  if (project != NULL && report != NULL)
    *report = g_steal_pointer (&load->report);
  return project;
}

void
rpt_project_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  rpt_project_load_full_async (file, RPT_LOAD_DEFAULT, cancellable, callback, user_data);
}

RptProject *
rpt_project_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  return rpt_project_load_full_finish (result, NULL, error);
}
