/* rpt-last-place.c: where the user left each project, in the user's state
 * folder (rpt-last-place.h).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "rpt-last-place.h"

#define GROUP "place"

typedef struct
{
  char  *path;        /* the place file */
  char  *uri;         /* the project's */
  char  *article_id;  /* saved, or found */
  guint  offset;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->path);
  g_free (job->uri);
  g_free (job->article_id);
  g_free (job);
}

char *
rpt_last_place_get_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "repartee", "places", NULL);
}

static Job *
job_new (GFile *project)
{
  Job *job = g_new0 (Job, 1);
  g_autofree char *dir = rpt_last_place_get_dir ();
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;

  job->uri = g_file_get_uri (project);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, job->uri, -1);
  name = g_strconcat (hash, ".ini", NULL);
  job->path = g_build_filename (dir, name, NULL);
  return job;
}

static void
load (GTask *task,
      Job   *job)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *article_id = NULL;
  guint64 offset;

  if (!g_key_file_load_from_file (keys, job->path, G_KEY_FILE_NONE, &error)
      || !(uri = g_key_file_get_string (keys, GROUP, "project", &error))
      || !(article_id = g_key_file_get_string (keys, GROUP, "article", &error)))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("%s: no place: %s", job->path, error->message);
      g_task_return_boolean (task, FALSE);
      return;
    }
  offset = g_key_file_get_uint64 (keys, GROUP, "offset", &error);
  /* Another project's (two URIs with one hash), or a damaged file. */
  if (error != NULL || g_strcmp0 (uri, job->uri) != 0 || offset > G_MAXUINT
      || !g_utf8_validate (article_id, -1, NULL) || article_id[0] == '\0')
    {
      g_debug ("%s: no place for %s", job->path, job->uri);
      g_task_return_boolean (task, FALSE);
      return;
    }
  job->article_id = g_steal_pointer (&article_id);
  job->offset = (guint) offset;
  g_task_return_boolean (task, TRUE);
}

static void
save (GTask *task,
      Job   *job)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *dir = g_path_get_dirname (job->path);
  g_autofree char *data = NULL;
  GError *error = NULL;
  gsize len;

  g_key_file_set_string (keys, GROUP, "project", job->uri);
  g_key_file_set_string (keys, GROUP, "article", job->article_id);
  g_key_file_set_uint64 (keys, GROUP, "offset", job->offset);
  data = g_key_file_to_data (keys, &len, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_task_return_new_error (task, G_FILE_ERROR, g_file_error_from_errno (saved),
                               "%s: %s", dir, g_strerror (saved));
      return;
    }
  /* Atomic, without waiting for the disk: losing the place in a crash
   * loses nothing of the user's work. */
  if (!g_file_set_contents_full (job->path, data, (gssize) len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* One thread, in order: a load asked for after a save reads what it wrote. */
static void
run_job (gpointer data,
         gpointer user_data)
{
  g_autoptr(GTask) task = data;

  if (g_task_get_source_tag (task) == rpt_last_place_load_async)
    load (task, g_task_get_task_data (task));
  else
    save (task, g_task_get_task_data (task));
}

static void
push (GTask *task)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (run_job, NULL, 1, FALSE, NULL));
  g_thread_pool_push (pool, task, NULL);
}

void
rpt_last_place_load_async (GFile               *project,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (G_IS_FILE (project));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rpt_last_place_load_async);
  g_task_set_task_data (task, job_new (project), job_free);
  push (task);
}

gboolean
rpt_last_place_load_finish (GAsyncResult  *result,
                            char         **article_id,
                            guint         *offset)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, rpt_last_place_load_async), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return FALSE;
  job = g_task_get_task_data (G_TASK (result));
  *article_id = g_strdup (job->article_id);
  *offset = job->offset;
  return TRUE;
}

void
rpt_last_place_save_async (GFile               *project,
                           const char          *article_id,
                           guint                offset,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  Job *job;

  g_return_if_fail (G_IS_FILE (project));
  g_return_if_fail (article_id != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rpt_last_place_save_async);
  job = job_new (project);
  job->article_id = g_strdup (article_id);
  job->offset = offset;
  g_task_set_task_data (task, job, job_free);
  push (task);
}

gboolean
rpt_last_place_save_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, rpt_last_place_save_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
