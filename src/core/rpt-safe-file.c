/* rpt-safe-file.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
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

gboolean
rpt_safe_file_replace (const char  *path,
                       const void  *data,
                       gsize        len,
                       GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *resolved = NULL;
  const char *target = path;
  struct stat st;
  gboolean exists = FALSE;
  int fd, dir_fd, saved;

  g_return_val_if_fail (path != NULL, FALSE);

  /* Replace what a symbolic link points to, not the link itself. */
  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode) &&
      (resolved = realpath (path, NULL)) != NULL)
    target = resolved;

  if (g_stat (target, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, RPT_ERROR, RPT_ERROR_IO, _("%s: is a folder, not a file"), display);
          return FALSE;
        }
      exists = TRUE;
    }

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);

  /* A new file gets 0666 less the umask, as any new file would; an
   * existing one keeps its permissions. */
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, exists ? 0600 : 0666);
  if (fd < 0)
    return set_errno_error (error, errno, path, _("cannot create a temporary file beside it"));

  if (!write_all (fd, data, len))
    goto fail;
  if (exists && fchmod (fd, st.st_mode & 0777) != 0)
    goto fail;
  if (fsync (fd) != 0)
    goto fail;
  if (close (fd) != 0)
    {
      fd = -1;
      goto fail;
    }
  fd = -1;

  if (g_rename (tmp_path, target) != 0)
    goto fail;

  /* Make the rename itself durable. Failing here is not an error for the
   * data: the new file is complete either way. */
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;

fail:
  saved = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp_path);
  return set_errno_error (error, saved, path, _("could not save"));
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
