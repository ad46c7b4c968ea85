/* rpt-recovery.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rpt-recovery.h"

/* A slot is three files named after a random id: ID.lock (held with flock
 * while the owner lives), ID.json (the project) and ID.ini (where it came
 * from and when it was written). */
#define INFO_GROUP "Recovery"

struct _RptRecovery
{
  GObject       parent_instance;

  char         *json_path;
  char         *info_path;
  char         *lock_path;
  int           lock_fd;

  RptProject   *project;
  GFile        *file;
  char         *title;
  gboolean      unsaved;

  guint         timeout_id;
  gboolean      busy;      /* a write or removal is running in a worker */
  gboolean      pending;   /* run again when it finishes */
  gboolean      on_disk;   /* a copy exists */
  guint64       written_generation;
  RptProject   *written_project;  /* not a reference: compared only */
};

G_DEFINE_FINAL_TYPE (RptRecovery, rpt_recovery, G_TYPE_OBJECT)

enum {
  WRITTEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char   *json_path;
  char   *info_path;
  RptProjectSnapshot *snapshot;  /* NULL: remove the copy */
  char   *info;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->json_path);
  g_free (job->info_path);
  g_clear_pointer (&job->snapshot, rpt_project_snapshot_unref);
  g_free (job->info);
  g_free (job);
}

char *
rpt_recovery_get_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "repartee", "recovery", NULL);
}

/* Opens and locks @path; -1 if another process holds it or it was replaced
 * meanwhile (the inode check closes the race with a scan removing it). */
static int
lock_slot (const char *path)
{
  struct stat fd_stat, path_stat;
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    return -1;
  if (flock (fd, LOCK_EX | LOCK_NB) != 0
      || fstat (fd, &fd_stat) != 0
      || g_stat (path, &path_stat) != 0
      || fd_stat.st_ino != path_stat.st_ino
      || fd_stat.st_dev != path_stat.st_dev)
    {
      close (fd);
      return -1;
    }
  return fd;
}

static gboolean
wants_copy (RptRecovery *self)
{
  return self->project != NULL && (self->unsaved || rpt_project_get_dirty (self->project));
}

static char *
make_info (RptRecovery *self)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format_iso8601 (now);

  g_key_file_set_string (info, INFO_GROUP, "time", time);
  g_key_file_set_string (info, INFO_GROUP, "title", self->title ? self->title : "");
  if (self->file)
    {
      g_autofree char *uri = g_file_get_uri (self->file);
      g_key_file_set_string (info, INFO_GROUP, "original", uri);
    }
  return g_key_file_to_data (info, NULL, NULL);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len;
  const char *data;

  if (job->snapshot == NULL)
    {
      g_unlink (job->json_path);
      g_unlink (job->info_path);
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* The description first: a copy on disk always has the right origin,
   * even when the process dies between the two writes. */
  bytes = rpt_project_snapshot_to_bytes (job->snapshot);
  data = g_bytes_get_data (bytes, &len);
  if (rpt_safe_file_replace (job->info_path, job->info, strlen (job->info), &error)
      && rpt_safe_file_replace (job->json_path, data, len, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void sync_copy (RptRecovery *self);

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  RptRecovery *self = RPT_RECOVERY (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* The work itself is still in the window; warn and try again later. */
      g_warning ("Could not write the recovery copy: %s", error->message);
      self->on_disk = TRUE;  /* maybe partly: the next removal cleans up */
      self->written_project = NULL;
    }
  else if (job->snapshot != NULL)
    {
      self->on_disk = TRUE;
      g_signal_emit (self, signals[WRITTEN], 0);
    }
  else
    self->on_disk = FALSE;

  if (self->pending)
    {
      self->pending = FALSE;
      sync_copy (self);
    }
}

/* Brings the copy on disk in line with the work: written when there is
 * unsaved work newer than the copy, removed when there is none. One job
 * at a time, so a late write never lands after a removal. */
static void
sync_copy (RptRecovery *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->busy)
    {
      self->pending = TRUE;
      return;
    }

  job = g_new0 (Job, 1);
  job->json_path = g_strdup (self->json_path);
  job->info_path = g_strdup (self->info_path);

  if (wants_copy (self))
    {
      guint64 generation = rpt_project_get_generation (self->project);

      if (self->on_disk && self->written_project == self->project
          && self->written_generation == generation)
        {
          job_free (job);
          return;
        }
      /* Only the quick copy here: the serialising runs in the worker. */
      job->snapshot = rpt_project_snapshot_new (self->project);
      job->info = make_info (self);
      self->written_project = self->project;
      self->written_generation = generation;
    }
  else if (!self->on_disk)
    {
      job_free (job);
      return;
    }
  else
    self->written_project = NULL;

  self->busy = TRUE;
  task = g_task_new (self, NULL, job_done_cb, NULL);
  g_task_set_source_tag (task, sync_copy);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, job_thread);
}

static gboolean
timeout_cb (gpointer user_data)
{
  RptRecovery *self = user_data;

  self->timeout_id = 0;
  sync_copy (self);
  return G_SOURCE_REMOVE;
}

/* Not restarted by later changes: continuous editing still gets a copy
 * every RPT_RECOVERY_DELAY_MS, which bounds what a crash can lose. */
static void
schedule (RptRecovery *self)
{
  if (self->timeout_id == 0)
    self->timeout_id = g_timeout_add (RPT_RECOVERY_DELAY_MS, timeout_cb, self);
}

static void
project_changed_cb (RptRecovery *self)
{
  if (wants_copy (self))
    schedule (self);
  else
    sync_copy (self);
}

void
rpt_recovery_set_project (RptRecovery *self,
                          RptProject  *project,
                          GFile       *file,
                          const char  *title)
{
  g_return_if_fail (RPT_IS_RECOVERY (self));
  g_return_if_fail (project == NULL || RPT_IS_PROJECT (project));

  if (self->project != project)
    {
      if (self->project)
        g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
      g_set_object (&self->project, project);
      self->unsaved = FALSE;
      if (project)
        {
          g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb),
                                   self, G_CONNECT_SWAPPED);
          g_signal_connect_object (project, "notify::dirty", G_CALLBACK (project_changed_cb),
                                   self, G_CONNECT_SWAPPED);
        }
    }
  g_set_object (&self->file, file);
  g_free (self->title);
  self->title = g_strdup (title);

  /* The recorded origin may have changed (Save As): rewrite soon. */
  self->written_project = NULL;
  project_changed_cb (self);
}

void
rpt_recovery_set_unsaved (RptRecovery *self,
                          gboolean     unsaved)
{
  g_return_if_fail (RPT_IS_RECOVERY (self));

  self->unsaved = !!unsaved;
  project_changed_cb (self);
}

void
rpt_recovery_write_now (RptRecovery *self)
{
  g_return_if_fail (RPT_IS_RECOVERY (self));
  sync_copy (self);
}

void
rpt_recovery_discard (RptRecovery *self)
{
  g_return_if_fail (RPT_IS_RECOVERY (self));

  self->unsaved = FALSE;
  if (self->project)
    g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
  g_clear_object (&self->project);
  sync_copy (self);
}

const char *
rpt_recovery_get_path (RptRecovery *self)
{
  g_return_val_if_fail (RPT_IS_RECOVERY (self), NULL);
  return self->json_path;
}

RptRecovery *
rpt_recovery_new (void)
{
  RptRecovery *self = g_object_new (RPT_TYPE_RECOVERY, NULL);
  g_autofree char *dir = rpt_recovery_get_dir ();

  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_warning ("Could not create %s: %s", dir, g_strerror (errno));

  for (guint attempt = 0; attempt < 8 && self->lock_fd < 0; attempt++)
    {
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *stem = g_build_filename (dir, id, NULL);

      g_free (self->lock_path);
      self->lock_path = g_strconcat (stem, ".lock", NULL);
      self->lock_fd = lock_slot (self->lock_path);
      if (self->lock_fd >= 0)
        {
          self->json_path = g_strconcat (stem, ".json", NULL);
          self->info_path = g_strconcat (stem, ".ini", NULL);
        }
    }
  if (self->lock_fd < 0)
    {
      /* Still write copies; only the orphan check loses its lock. */
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *stem = g_build_filename (dir, id, NULL);

      g_warning ("Could not lock a recovery slot in %s", dir);
      self->json_path = g_strconcat (stem, ".json", NULL);
      self->info_path = g_strconcat (stem, ".ini", NULL);
    }
  return self;
}

static void
rpt_recovery_dispose (GObject *object)
{
  RptRecovery *self = RPT_RECOVERY (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->project)
    g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
  g_clear_object (&self->project);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (rpt_recovery_parent_class)->dispose (object);
}

static void
rpt_recovery_finalize (GObject *object)
{
  RptRecovery *self = RPT_RECOVERY (object);

  /* A copy still on disk stays, unlocked: the next start offers it. */
  if (self->lock_fd >= 0)
    {
      if (!self->on_disk)
        g_unlink (self->lock_path);
      close (self->lock_fd);
    }
  g_free (self->json_path);
  g_free (self->info_path);
  g_free (self->lock_path);
  g_free (self->title);

  G_OBJECT_CLASS (rpt_recovery_parent_class)->finalize (object);
}

static void
rpt_recovery_class_init (RptRecoveryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rpt_recovery_dispose;
  object_class->finalize = rpt_recovery_finalize;

  signals[WRITTEN] =
    g_signal_new ("written", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rpt_recovery_init (RptRecovery *self)
{
  self->lock_fd = -1;
}

/* ---- Orphans ---- */

struct _RptRecoveryOrphan
{
  char      *lock_path;
  char      *info_path;
  int        lock_fd;
  GFile     *file;
  GFile     *original;
  char      *title;
  GDateTime *time;
};

static void
orphan_close (RptRecoveryOrphan *orphan)
{
  g_clear_object (&orphan->file);
  g_clear_object (&orphan->original);
  g_clear_pointer (&orphan->time, g_date_time_unref);
  g_free (orphan->title);
  g_free (orphan->lock_path);
  g_free (orphan->info_path);
  if (orphan->lock_fd >= 0)
    close (orphan->lock_fd);
  g_free (orphan);
}

void
rpt_recovery_orphan_free (RptRecoveryOrphan *orphan)
{
  if (orphan != NULL)
    orphan_close (orphan);
}

static RptRecoveryOrphan *
orphan_read (const char *stem,
             int         lock_fd)
{
  RptRecoveryOrphan *orphan = g_new0 (RptRecoveryOrphan, 1);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *json_path = g_strconcat (stem, ".json", NULL);
  g_autofree char *time = NULL;
  g_autofree char *original = NULL;

  orphan->lock_fd = lock_fd;
  orphan->lock_path = g_strconcat (stem, ".lock", NULL);
  orphan->info_path = g_strconcat (stem, ".ini", NULL);
  orphan->file = g_file_new_for_path (json_path);

  if (g_key_file_load_from_file (info, orphan->info_path, G_KEY_FILE_NONE, NULL))
    {
      time = g_key_file_get_string (info, INFO_GROUP, "time", NULL);
      original = g_key_file_get_string (info, INFO_GROUP, "original", NULL);
      orphan->title = g_key_file_get_string (info, INFO_GROUP, "title", NULL);
    }
  if (time)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (time, NULL);
      if (utc)
        orphan->time = g_date_time_to_local (utc);
    }
  if (orphan->time == NULL)
    {
      GStatBuf st;

      if (g_stat (json_path, &st) == 0)
        orphan->time = g_date_time_new_from_unix_local (st.st_mtime);
      else
        orphan->time = g_date_time_new_now_local ();
    }
  if (original && *original)
    orphan->original = g_file_new_for_uri (original);
  if (orphan->title == NULL || *orphan->title == '\0')
    {
      g_free (orphan->title);
      orphan->title = orphan->original ? g_file_get_basename (orphan->original)
                                       : g_strdup (_("Untitled Project"));
    }
  return orphan;
}

static int
compare_orphans (gconstpointer a,
                 gconstpointer b)
{
  const RptRecoveryOrphan *oa = *(RptRecoveryOrphan * const *) a;
  const RptRecoveryOrphan *ob = *(RptRecoveryOrphan * const *) b;

  return g_date_time_compare (oa->time, ob->time);
}

GPtrArray *
rpt_recovery_claim_orphans (void)
{
  GPtrArray *orphans = g_ptr_array_new_with_free_func ((GDestroyNotify) rpt_recovery_orphan_free);
  g_autofree char *dir = rpt_recovery_get_dir ();
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GHashTable) stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;
  const char *name;

  if (folder == NULL)
    return orphans;

  while ((name = g_dir_read_name (folder)))
    {
      if (g_str_has_suffix (name, ".json") || g_str_has_suffix (name, ".lock"))
        g_hash_table_add (stems, g_strndup (name, strlen (name) - 5));
    }

  g_hash_table_iter_init (&iter, stems);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *stem = g_build_filename (dir, key, NULL);
      g_autofree char *lock_path = g_strconcat (stem, ".lock", NULL);
      g_autofree char *json_path = g_strconcat (stem, ".json", NULL);
      int fd = lock_slot (lock_path);

      if (fd < 0)
        continue;  /* its window is alive */
      if (g_file_test (json_path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (orphans, orphan_read (stem, fd));
      else
        {
          /* Left over by a process that had nothing unsaved. */
          g_autofree char *info_path = g_strconcat (stem, ".ini", NULL);

          g_unlink (info_path);
          g_unlink (lock_path);
          close (fd);
        }
    }

  g_ptr_array_sort (orphans, compare_orphans);
  return orphans;
}

GFile *
rpt_recovery_orphan_get_file (RptRecoveryOrphan *orphan)
{
  return orphan->file;
}

GFile *
rpt_recovery_orphan_get_original (RptRecoveryOrphan *orphan)
{
  return orphan->original;
}

const char *
rpt_recovery_orphan_get_title (RptRecoveryOrphan *orphan)
{
  return orphan->title;
}

GDateTime *
rpt_recovery_orphan_get_time (RptRecoveryOrphan *orphan)
{
  return orphan->time;
}

void
rpt_recovery_orphan_discard (RptRecoveryOrphan *orphan)
{
  g_autofree char *json_path = g_file_get_path (orphan->file);

  g_unlink (json_path);
  g_unlink (orphan->info_path);
  g_unlink (orphan->lock_path);
}
