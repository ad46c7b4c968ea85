/* rpt-safe-file.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-File"

#define _GNU_SOURCE /* sync_file_range() */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h> /* renameat2() */
#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rpt-project.h"
#include "rpt-safe-file.h"

static gboolean
set_errno_error (GError    **error,
                 int         saved_errno,
                 const char *path,
                 const char *what)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, RPT_ERROR, RPT_ERROR_IO, "%s: %s: %s", display, what, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        len)
{
  while (len > 0)
    {
      ssize_t n = write (fd, data, MIN (len, (gsize) 1 << 30));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      if (n == 0)
        {
          errno = ENOSPC;
          return FALSE;
        }
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

/* Writeback is started every this many bytes, so that the disk works while
 * the rest is made and the final fsync has little left to wait for. */
#define WRITEBACK_BYTES (16u << 20)

struct _RptSafeFile
{
  char     *path;      /* as given, for messages */
  char     *target;    /* what is replaced: @path, or what its link points to */
  char     *dir;
  char     *tmp_path;
  int       fd;
  gboolean  exists;
  mode_t    mode;
  guint64   written;
  guint64   flushed;   /* writeback started up to here */
  gboolean      expecting;
  RptFileStamp  expected;  /* what @target must still be when renamed over */
};

static void
safe_file_free (RptSafeFile *file)
{
  if (file->fd >= 0)
    close (file->fd);
  g_free (file->path);
  g_free (file->target);
  g_free (file->dir);
  g_free (file->tmp_path);
  g_free (file);
}

RptSafeFile *
rpt_safe_file_begin (const char  *path,
                     GError     **error)
{
  RptSafeFile *file;
  g_autofree char *resolved = NULL;
  g_autofree char *base = NULL;
  const char *target = path;
  struct stat st;

  g_return_val_if_fail (path != NULL, NULL);

  /* Replace what a symbolic link points to, not the link itself. */
  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode) &&
      (resolved = realpath (path, NULL)) != NULL)
    target = resolved;

  file = g_new0 (RptSafeFile, 1);
  file->fd = -1;
  file->path = g_strdup (path);
  file->target = g_strdup (target);
  if (g_stat (target, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, RPT_ERROR, RPT_ERROR_IO, _("%s: is a folder, not a file"), display);
          safe_file_free (file);
          return NULL;
        }
      file->exists = TRUE;
      file->mode = st.st_mode & 0777;
    }

  file->dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  file->tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", file->dir, base);

  /* A new file gets 0666 less the umask, as any new file would; an
   * existing one keeps its permissions. */
  file->fd = g_mkstemp_full (file->tmp_path, O_WRONLY | O_CLOEXEC, file->exists ? 0600 : 0666);
  if (file->fd < 0)
    {
      set_errno_error (error, errno, path, _("cannot create a temporary file beside it"));
      safe_file_free (file);
      return NULL;
    }
  return file;
}

static gboolean
fail (RptSafeFile  *file,
      GError      **error)
{
  int saved = errno;

  set_errno_error (error, saved, file->path, _("could not save"));
  rpt_safe_file_abort (file);
  return FALSE;
}

gboolean
rpt_safe_file_write (RptSafeFile  *file,
                     const void   *data,
                     gsize         len,
                     GError      **error)
{
  g_return_val_if_fail (file != NULL && file->fd >= 0, FALSE);

  if (!write_all (file->fd, data, len))
    {
      set_errno_error (error, errno, file->path, _("could not save"));
      return FALSE;
    }
  file->written += len;
#ifdef SYNC_FILE_RANGE_WRITE
  if (file->written - file->flushed >= WRITEBACK_BYTES)
    {
      /* Only starts writing; fsync() at the end is what makes it durable. */
      sync_file_range (file->fd, (off_t) file->flushed, (off_t) (file->written - file->flushed),
                       SYNC_FILE_RANGE_WRITE);
      file->flushed = file->written;
    }
#endif
  return TRUE;
}

void
rpt_safe_file_expect (RptSafeFile        *file,
                      const RptFileStamp *expected)
{
  g_return_if_fail (file != NULL && expected != NULL);

  file->expecting = TRUE;
  file->expected = *expected;
}

/* rename() that fails with EEXIST rather than replace a file. */
static int
rename_noreplace (const char *from,
                  const char *to)
{
  struct stat st;

#ifdef RENAME_NOREPLACE
  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return 0;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    return -1;
#endif
  /* Filesystems without it: link() does not replace either. */
  if (link (from, to) == 0)
    {
      g_unlink (from);
      return 0;
    }
  if (errno == EEXIST)
    return -1;
  /* Nor hard links (FAT): a check just before is the best there is. */
  if (g_lstat (to, &st) == 0)
    {
      errno = EEXIST;
      return -1;
    }
  return g_rename (from, to);
}

static gboolean
refuse_changed (RptSafeFile  *file,
                GError      **error)
{
  g_autofree char *display = g_filename_display_name (file->path);

  g_set_error (error, RPT_ERROR, RPT_ERROR_CHANGED,
               _("%s: another program changed it since it was read; it was not replaced"), display);
  rpt_safe_file_abort (file);
  return FALSE;
}

/* The rename of commit, when the file must still be the expected one. */
static gboolean
replace_expected (RptSafeFile  *file,
                  GError      **error)
{
  RptFileStamp now;

  rpt_file_stamp_read (file->target, &now);
  if (now.exists)
    {
      if (!rpt_file_stamp_matches (&file->expected, file->target))
        return refuse_changed (file, error);
      if (g_rename (file->tmp_path, file->target) != 0)
        return fail (file, error);
      return TRUE;
    }
  /* Nothing to replace (not there yet, or deleted since): create it, but
   * never over a file another program made meanwhile. */
  if (rename_noreplace (file->tmp_path, file->target) != 0)
    {
      if (errno == EEXIST)
        return refuse_changed (file, error);
      return fail (file, error);
    }
  return TRUE;
}

gboolean
rpt_safe_file_commit (RptSafeFile  *file,
                      GError      **error)
{
  int dir_fd;

  g_return_val_if_fail (file != NULL && file->fd >= 0, FALSE);

  if (file->exists && fchmod (file->fd, file->mode) != 0)
    return fail (file, error);
  if (fsync (file->fd) != 0)
    return fail (file, error);
  if (close (file->fd) != 0)
    {
      file->fd = -1;
      return fail (file, error);
    }
  file->fd = -1;

  if (file->expecting)
    {
      if (!replace_expected (file, error))
        return FALSE;
    }
  else if (g_rename (file->tmp_path, file->target) != 0)
    return fail (file, error);

  /* Make the rename itself durable. Failing here is not an error for the
   * data: the new file is complete either way. */
  dir_fd = open (file->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  safe_file_free (file);
  return TRUE;
}

void
rpt_safe_file_abort (RptSafeFile *file)
{
  if (file == NULL)
    return;
  if (file->fd >= 0)
    {
      close (file->fd);
      file->fd = -1;
    }
  g_unlink (file->tmp_path);
  safe_file_free (file);
}

gboolean
rpt_safe_file_replace (const char  *path,
                       const void  *data,
                       gsize        len,
                       GError     **error)
{
  RptSafeFile *file = rpt_safe_file_begin (path, error);

  if (file == NULL)
    return FALSE;
  if (!rpt_safe_file_write (file, data, len, error))
    {
      rpt_safe_file_abort (file);
      return FALSE;
    }
  return rpt_safe_file_commit (file, error);
}

/* What can be read: a regular file within the limit. */
static gboolean
check_readable (const struct stat  *st,
                const char         *path,
                gsize               max_bytes,
                GError            **error)
{
  g_autofree char *display = g_filename_display_name (path);

  if (S_ISDIR (st->st_mode))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_IO, _("%s: is a folder, not a file"), display);
      return FALSE;
    }
  /* Opening a named pipe blocks until someone writes to it, and devices
   * are not files to read whole. */
  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_IO, _("%s: is not a regular file"), display);
      return FALSE;
    }
  if ((guint64) st->st_size > max_bytes)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_TOO_LARGE,
                   g_dngettext (GETTEXT_PACKAGE, "%s: the file is %" PRIu64 " bytes; the limit is %zu",
                                "%s: the file is %" PRIu64 " bytes; the limit is %zu",
                                (gulong) st->st_size),
                   display, (guint64) st->st_size, max_bytes);
      return FALSE;
    }
  return TRUE;
}

GBytes *
rpt_safe_file_read (const char  *path,
                    gsize        max_bytes,
                    GError     **error)
{
  g_autofree char *data = NULL;
  struct stat st;
  gsize len = 0;
  int fd;

  if (g_stat (path, &st) != 0)
    return set_errno_error (error, errno, path, _("cannot read")), NULL;
  if (!check_readable (&st, path, max_bytes, error))
    return NULL;

  /* Read rather than mapped: a mapping breaks (SIGBUS) when the file is
   * truncated while in use, so it had to be copied, and read() makes that
   * one copy without first faulting the mapping in: a tenth of a second
   * less for a 300 MB project. Checked again once open, in case something
   * else (a pipe) took the file's place; non-blocking so that opening it
   * cannot hang. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    return set_errno_error (error, errno, path, _("cannot read")), NULL;
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;

      close (fd);
      return set_errno_error (error, saved, path, _("cannot read")), NULL;
    }
  if (!check_readable (&st, path, max_bytes, error))
    {
      close (fd);
      return NULL;
    }

  data = g_malloc ((gsize) st.st_size + 1);
  /* A file that shrinks meanwhile gives what is left, as a later read would. */
  while (len < (gsize) st.st_size)
    {
      ssize_t n = read (fd, data + len, (gsize) st.st_size - len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          return set_errno_error (error, saved, path, _("cannot read")), NULL;
        }
      if (n == 0)
        break;
      len += (gsize) n;
    }
  close (fd);
  if (len == 0)
    return g_bytes_new (NULL, 0);
  return g_bytes_new_take (g_steal_pointer (&data), len);
}
