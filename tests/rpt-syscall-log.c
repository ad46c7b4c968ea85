/* rpt-syscall-log.c: records the file system calls of the code under test.
 * The test executable is linked with -Wl,--wrap=write,--wrap=fsync,… (see
 * tests/meson.build): the core and app libraries are static, so their
 * calls to these functions come here first (under AddressSanitizer too,
 * unlike LD_PRELOAD), are passed on, and are logged with the path of their
 * fd as the kernel reports it (/proc/self/fd).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* renameat2, syncfs, sync_file_range */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "rpt-syscall-log.h"

static const char * const call_names[] = {
  "write", "sync_file_range", "fsync", "fdatasync", "syncfs", "close", "rename",
};

static GMutex calls_lock;
static GArray *calls;          /* RptCall, in the order they returned */
static char *watched;          /* a folder: only calls on paths in it are recorded */
static gboolean fail_syncfs;

/* @path is @folder or in it. */
static gboolean
is_in (const char *path,
       const char *folder)
{
  gsize len = strlen (folder);

  return path != NULL && strncmp (path, folder, len) == 0 && (path[len] == '\0' || path[len] == '/');
}

/* The path an open fd refers to, as the kernel reports it. */
static char *
fd_path (int fd)
{
  g_autofree char *link = g_strdup_printf ("/proc/self/fd/%d", fd);

  return g_file_read_link (link, NULL);
}

static char *
at_path (int         dir_fd,
         const char *path)
{
  g_autofree char *dir = NULL;

  if (g_path_is_absolute (path))
    return g_strdup (path);
  dir = dir_fd == AT_FDCWD ? g_get_current_dir () : fd_path (dir_fd);
  return dir ? g_build_filename (dir, path, NULL) : NULL;
}

static void
record (RptCallKind    kind,
        char       *path,
        char       *to,
        gsize       bytes)
{
  RptCall call = { kind, path, to, bytes };

  g_mutex_lock (&calls_lock);
  if (watched != NULL && (is_in (path, watched) || is_in (to, watched)))
    {
      g_array_append_val (calls, call);
      path = to = NULL;
    }
  g_mutex_unlock (&calls_lock);
  g_free (path);
  g_free (to);
}

static gboolean
recording (void)
{
  return g_atomic_pointer_get (&watched) != NULL;
}

ssize_t __real_write (int fd, const void *data, size_t len);
int __real_fsync (int fd);
int __real_fdatasync (int fd);
int __real_syncfs (int fd);
int __real_sync_file_range (int fd, off_t offset, off_t len, unsigned int flags);
int __real_close (int fd);
int __real_rename (const char *from, const char *to);
int __real_renameat (int from_dir, const char *from, int to_dir, const char *to);
int __real_renameat2 (int from_dir, const char *from, int to_dir, const char *to, unsigned int flags);

ssize_t __wrap_write (int fd, const void *data, size_t len);
int __wrap_fsync (int fd);
int __wrap_fdatasync (int fd);
int __wrap_syncfs (int fd);
int __wrap_sync_file_range (int fd, off_t offset, off_t len, unsigned int flags);
int __wrap_close (int fd);
int __wrap_rename (const char *from, const char *to);
int __wrap_renameat (int from_dir, const char *from, int to_dir, const char *to);
int __wrap_renameat2 (int from_dir, const char *from, int to_dir, const char *to, unsigned int flags);

ssize_t
__wrap_write (int         fd,
              const void *data,
              size_t      len)
{
  ssize_t n = __real_write (fd, data, len);
  int saved = errno;

  if (n > 0 && recording ())
    record (RPT_CALL_WRITE, fd_path (fd), NULL, (gsize) n);
  errno = saved;
  return n;
}

/* The fd's path is read before the call: close() makes it unreadable. */
#define FD_CALL(kind, call)                                  \
  G_STMT_START {                                             \
    char *path = recording () ? fd_path (fd) : NULL;         \
    int ret = (call);                                        \
    int saved = errno;                                       \
                                                             \
    if (ret == 0 && path != NULL)                            \
      record (kind, path, NULL, 0);                          \
    else                                                     \
      g_free (path);                                         \
    errno = saved;                                           \
    return ret;                                              \
  } G_STMT_END

int
__wrap_fsync (int fd)
{
  FD_CALL (RPT_CALL_FSYNC, __real_fsync (fd));
}

int
__wrap_fdatasync (int fd)
{
  FD_CALL (RPT_CALL_FDATASYNC, __real_fdatasync (fd));
}

int
__wrap_syncfs (int fd)
{
  if (fail_syncfs)
    {
      errno = ENOSYS;
      return -1;
    }
  FD_CALL (RPT_CALL_SYNCFS, __real_syncfs (fd));
}

int
__wrap_sync_file_range (int          fd,
                        off_t        offset,
                        off_t        len,
                        unsigned int flags)
{
  FD_CALL (RPT_CALL_SYNC_RANGE, __real_sync_file_range (fd, offset, len, flags));
}

int
__wrap_close (int fd)
{
  FD_CALL (RPT_CALL_CLOSE, __real_close (fd));
}

#define RENAME_CALL(call, from_dir, from, to_dir, to)                  \
  G_STMT_START {                                                       \
    char *from_path = recording () ? at_path (from_dir, from) : NULL;  \
    char *to_path = recording () ? at_path (to_dir, to) : NULL;        \
    int ret = (call);                                                  \
    int saved = errno;                                                 \
                                                                       \
    if (ret == 0 && from_path != NULL)                                 \
      record (RPT_CALL_RENAME, from_path, to_path, 0);                     \
    else                                                               \
      {                                                                \
        g_free (from_path);                                            \
        g_free (to_path);                                              \
      }                                                                \
    errno = saved;                                                     \
    return ret;                                                        \
  } G_STMT_END

int
__wrap_rename (const char *from,
               const char *to)
{
  RENAME_CALL (__real_rename (from, to), AT_FDCWD, from, AT_FDCWD, to);
}

int
__wrap_renameat (int         from_dir,
                 const char *from,
                 int         to_dir,
                 const char *to)
{
  RENAME_CALL (__real_renameat (from_dir, from, to_dir, to), from_dir, from, to_dir, to);
}

int
__wrap_renameat2 (int           from_dir,
                  const char   *from,
                  int           to_dir,
                  const char   *to,
                  unsigned int  flags)
{
  RENAME_CALL (__real_renameat2 (from_dir, from, to_dir, to, flags), from_dir, from, to_dir, to);
}

static void
call_clear (gpointer data)
{
  RptCall *call = data;

  g_free (call->path);
  g_free (call->to);
}

void
rpt_syscall_log_start (const char *dir)
{
  char *real = realpath (dir, NULL);

  ck_assert_ptr_nonnull (real);
  g_mutex_lock (&calls_lock);
  g_clear_pointer (&calls, g_array_unref);
  calls = g_array_new (FALSE, TRUE, sizeof (RptCall));
  g_array_set_clear_func (calls, call_clear);
  g_atomic_pointer_set (&watched, g_strdup (real));
  g_mutex_unlock (&calls_lock);
  free (real);
}

void
rpt_syscall_log_stop (void)
{
  char *dir;

  g_mutex_lock (&calls_lock);
  dir = g_atomic_pointer_exchange (&watched, NULL);
  g_mutex_unlock (&calls_lock);
  g_free (dir);
}

GArray *
rpt_syscall_log_get (void)
{
  return calls;
}

void
rpt_syscall_log_fail_syncfs (gboolean fail)
{
  fail_syncfs = fail;
}

char *
rpt_syscall_log_describe (void)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < calls->len; i++)
    {
      RptCall *call = &g_array_index (calls, RptCall, i);

      g_string_append_printf (out, "\n  %u %s %s", i, call_names[call->kind], call->path);
      if (call->to)
        g_string_append_printf (out, " -> %s", call->to);
      if (call->kind == RPT_CALL_WRITE)
        g_string_append_printf (out, " (%zu bytes)", call->bytes);
    }
  return g_string_free (out, FALSE);
}
