/* rpt-file-lock.c
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Repartee-File"
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rpt-file-lock.h"
#include "rpt-project.h"

struct _RptFileLock
{
  char         *path;
  int           fd;      /* the locked file or folder; -1: not locked */
  RptFileStamp  stamp;
};

/* The pause between tries doubles up to this. */
#define RETRY_MAX_MS 50

typedef enum
{
  TRY_LOCKED,
  TRY_BUSY,
  TRY_UNSUPPORTED,
} TryResult;

static TryResult
try_lock (int fd)
{
  for (;;)
    {
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        return TRY_LOCKED;
      if (errno == EINTR)
        continue;
      return errno == EWOULDBLOCK ? TRY_BUSY : TRY_UNSUPPORTED;
    }
}

/* Whether the locked @fd still stands for @path: the writer that held the
 * lock before may have replaced the file (a save renames a new one over
 * it) or, for a folder's lock, created it. */
static gboolean
still_current (int         fd,
               const char *path,
               gboolean    folder)
{
  struct stat locked, now;

  if (folder)
    return g_stat (path, &now) != 0 && errno == ENOENT;
  return fstat (fd, &locked) == 0 && g_stat (path, &now) == 0
         && locked.st_dev == now.st_dev && locked.st_ino == now.st_ino;
}

static RptFileLock *
lock_new (const char *path,
          int         fd)
{
  RptFileLock *lock = g_new0 (RptFileLock, 1);

  lock->path = g_strdup (path);
  lock->fd = fd;
  rpt_file_stamp_read (path, &lock->stamp);
  return lock;
}

RptFileLock *
rpt_file_lock_acquire (const char              *path,
                       guint                    timeout_ms,
                       RptFileLockWaitingFunc   waiting,
                       gpointer                 user_data,
                       GError                 **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint pause_ms = 1;
  gboolean told = FALSE;

  g_return_val_if_fail (path != NULL, NULL);

  for (;;)
    {
      gboolean folder = FALSE;
      TryResult result;
      /* Read-only is enough for flock(); non-blocking, so that a named
       * pipe in the project's place cannot hang the writer. */
      int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);

      if (fd < 0 && errno == ENOENT)
        {
          g_autofree char *parent = g_path_get_dirname (path);

          fd = g_open (parent, O_RDONLY | O_CLOEXEC | O_DIRECTORY, 0);
          folder = TRUE;
        }
      /* The read or the save will say what is wrong with the path. */
      if (fd < 0)
        return lock_new (path, -1);

      while ((result = try_lock (fd)) == TRY_BUSY)
        {
          if (g_get_monotonic_time () >= deadline)
            {
              g_autofree char *display = g_filename_display_name (path);

              close (fd);
              g_set_error (error, RPT_ERROR, RPT_ERROR_BUSY,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "%s: another program is still saving it after %u second; try again when it is done",
                                        "%s: another program is still saving it after %u seconds; try again when it is done",
                                        timeout_ms / 1000),
                           display, timeout_ms / 1000);
              return NULL;
            }
          if (!told && waiting)
            waiting (path, user_data);
          told = TRUE;
          g_usleep ((gulong) pause_ms * 1000);
          pause_ms = MIN (pause_ms * 2, RETRY_MAX_MS);
        }
      if (result == TRY_UNSUPPORTED)
        {
          close (fd);
          return lock_new (path, -1);
        }
      if (still_current (fd, path, folder))
        return lock_new (path, fd);
      /* The writer before saved a new file over this one (or created it,
       * for a folder's lock) while we waited: lock what is there now. */
      close (fd);
    }
}

const RptFileStamp *
rpt_file_lock_get_stamp (RptFileLock *lock)
{
  g_return_val_if_fail (lock != NULL, NULL);

  return &lock->stamp;
}

const char *
rpt_file_lock_get_path (RptFileLock *lock)
{
  g_return_val_if_fail (lock != NULL, NULL);

  return lock->path;
}

void
rpt_file_lock_release (RptFileLock *lock)
{
  if (lock == NULL)
    return;
  /* Closing the only descriptor of the open file releases its lock. */
  if (lock->fd >= 0)
    close (lock->fd);
  g_free (lock->path);
  g_free (lock);
}
