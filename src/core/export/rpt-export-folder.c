/* rpt-export-folder.c: names that are safe in brat and CoNLL, file names
 * that cannot leave the destination, and writing a folder so that it
 * appears complete or not at all.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE 1
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rpt-export-private.h"
#include "rpt-project.h"

#define MAX_STEM_BYTES 100

/* ---- Reversible names ---- */

char *
rpt_export_safe_name (const char *name)
{
  GString *out = g_string_sized_new (strlen (name) + 8);

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && g_ascii_isalnum (c))
        g_string_append_c (out, (char) c);
      else if (c == ' ')
        g_string_append_c (out, '_');
      else
        g_string_append_printf (out, "-%x-", c);
    }
  return g_string_free (out, FALSE);
}

char *
rpt_export_safe_name_decode (const char *safe)
{
  g_autoptr(GString) out = g_string_sized_new (strlen (safe));

  for (const char *p = safe; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, *p);
      else if (*p == '_')
        g_string_append_c (out, ' ');
      else if (*p == '-')
        {
          const char *hex = p + 1;
          gunichar c = 0;
          guint digits = 0;

          for (p = hex; g_ascii_isxdigit (*p) && digits < 8; p++, digits++)
            c = c * 16 + g_ascii_xdigit_value (*p);
          if (*p != '-' || digits == 0 || !g_unichar_validate (c) || c == 0)
            return NULL;
          g_string_append_unichar (out, c);
        }
      else
        return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- File names ---- */

static gboolean
is_windows_device (const char *stem)
{
  static const char *devices[] = { "con", "prn", "aux", "nul", "clock$" };
  g_autofree char *base = g_ascii_strdown (stem, -1);
  char *dot = strchr (base, '.');

  /* "con.x.txt" is as reserved as "con.txt". */
  if (dot)
    *dot = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    if (g_str_equal (base, devices[i]))
      return TRUE;
  return (g_str_has_prefix (base, "com") || g_str_has_prefix (base, "lpt")) &&
         strlen (base) == 4 && g_ascii_isdigit (base[3]);
}

char *
rpt_export_file_stem (const char *id,
                      GHashTable *taken)
{
  g_autofree char *ascii = g_str_to_ascii (id ? id : "", "C");
  g_autoptr(GString) stem = g_string_new (NULL);
  g_autofree char *folded = NULL;
  char *result;

  for (const char *p = ascii; *p; p++)
    {
      char c = *p;

      if (g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.')
        g_string_append_c (stem, c);
      else
        g_string_append_c (stem, '_');
    }
  /* No hidden files, nothing that reads as an option, no trailing dots
   * (Windows drops them), nothing past a sane length. */
  while (stem->len > 0 && (stem->str[0] == '.' || stem->str[0] == '-'))
    g_string_erase (stem, 0, 1);
  if (stem->len > MAX_STEM_BYTES)
    g_string_truncate (stem, MAX_STEM_BYTES);
  while (stem->len > 0 && stem->str[stem->len - 1] == '.')
    g_string_truncate (stem, stem->len - 1);
  if (stem->len == 0)
    g_string_assign (stem, "article");
  if (is_windows_device (stem->str))
    g_string_prepend_c (stem, '_');

  folded = g_ascii_strdown (stem->str, -1);
  if (!g_hash_table_contains (taken, folded))
    {
      g_hash_table_add (taken, g_steal_pointer (&folded));
      return g_strdup (stem->str);
    }
  for (guint n = 2;; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s-%u", stem->str, n);
      char *key = g_ascii_strdown (candidate, -1);

      if (!g_hash_table_contains (taken, key))
        {
          g_hash_table_add (taken, key);
          result = g_steal_pointer (&candidate);
          return result;
        }
      g_free (key);
    }
}

/* ---- Writing a folder ---- */

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path,
                 const char  *what)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, RPT_ERROR, RPT_ERROR_IO, "%s: %s: %s", display, what, g_strerror (saved_errno));
  return FALSE;
}

/* A name we write: one path component, not "." or "..". */
static gboolean
is_plain_name (const char *name)
{
  return name && *name && !strchr (name, '/') && !g_str_equal (name, ".") && !g_str_equal (name, "..");
}

/* Only a folder that is empty or holds an earlier export (plain files with
 * the extensions we write) may be replaced: never a folder of the user's
 * own files. */
static gboolean
check_replaceable (const char  *destination,
                   GError     **error)
{
  static const char *ours[] = { ".txt", ".ann", ".conf", ".json", ".xml" };
  g_autofree char *display = g_filename_display_name (destination);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  dir = g_dir_open (destination, 0, &local_error);
  if (dir == NULL)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_IO, "%s: %s", display, local_error->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (destination, name, NULL);
      gboolean known = FALSE;
      struct stat st;

      for (guint i = 0; i < G_N_ELEMENTS (ours); i++)
        known = known || g_str_has_suffix (name, ours[i]);
      if (!known || g_lstat (child, &st) != 0 || !S_ISREG (st.st_mode))
        {
          g_autofree char *child_display = g_filename_display_name (name);

          g_set_error (error, RPT_ERROR, RPT_ERROR_IO,
                       _("%s: the folder holds “%s”, which Repartee did not write; "
                         "choose an empty or new folder"), display, child_display);
          return FALSE;
        }
    }
  return TRUE;
}

static void
remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir)
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        g_unlink (child);
      }
  g_rmdir (path);
}

static gboolean
write_one (int          dir_fd,
           const char  *dir_path,
           const char  *name,
           GString     *data,
           GError     **error)
{
  g_autofree char *path = g_build_filename (dir_path, name, NULL);
  const char *p = data->str;
  gsize left = data->len;
  int fd;

  if (!is_plain_name (name))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_IO, _("“%s” is not a plain file name"), name);
      return FALSE;
    }
  fd = openat (dir_fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0)
    return set_errno_error (error, errno, path, _("cannot create the file"));
  while (left > 0)
    {
      ssize_t n = write (fd, p, MIN (left, (gsize) 1 << 30));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = n < 0 ? errno : ENOSPC;
          close (fd);
          return set_errno_error (error, saved, path, _("could not write"));
        }
      p += n;
      left -= (gsize) n;
    }
  if (close (fd) != 0)
    return set_errno_error (error, errno, path, _("could not write"));
  return TRUE;
}

/* The fallback when syncfs() fails: fsync each file. */
static gboolean
sync_one (int          dir_fd,
          const char  *dir_path,
          const char  *name,
          GError     **error)
{
  int fd = openat (dir_fd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  int saved;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved = errno;
  if (fd >= 0)
    close (fd);
  {
    g_autofree char *path = g_build_filename (dir_path, name, NULL);
    return set_errno_error (error, saved, path, _("could not write"));
  }
}

static void
sync_folder (const char *path)
{
  int fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

gboolean
_rpt_export_write_folder (const char  *destination,
                          GPtrArray   *files,
                          GError     **error)
{
  g_autofree char *parent = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  gboolean exists = FALSE;
  struct stat st;
  int dir_fd;

  if (g_stat (destination, &st) == 0)
    {
      if (!S_ISDIR (st.st_mode))
        {
          g_autofree char *display = g_filename_display_name (destination);

          g_set_error (error, RPT_ERROR, RPT_ERROR_IO,
                       _("%s: is a file; this format writes a folder"), display);
          return FALSE;
        }
      if (!check_replaceable (destination, error))
        return FALSE;
      exists = TRUE;
    }

  /* Strip trailing slashes so that the sibling lands beside, not inside. */
  {
    g_autofree char *trimmed = g_strdup (destination);
    gsize len = strlen (trimmed);

    while (len > 1 && trimmed[len - 1] == '/')
      trimmed[--len] = '\0';
    parent = g_path_get_dirname (trimmed);
    base = g_path_get_basename (trimmed);
  }
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", parent, base);
  if (g_mkdtemp_full (tmp, 0755) == NULL)
    return set_errno_error (error, errno, destination, _("cannot create a temporary folder beside it"));

  dir_fd = open (tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0)
    {
      set_errno_error (error, errno, tmp, _("cannot open the temporary folder"));
      remove_folder (tmp);
      return FALSE;
    }
  for (guint i = 0; i < files->len; i++)
    {
      RptExportFile *file = g_ptr_array_index (files, i);

      if (!write_one (dir_fd, tmp, file->name, file->data, error))
        {
          close (dir_fd);
          remove_folder (tmp);
          return FALSE;
        }
    }
  /* One flush of the file system for the thousands of files of a brat
   * collection: an fsync per file costs a disk round trip each (seconds
   * for a thousand articles). */
  if (syncfs (dir_fd) != 0)
    for (guint i = 0; i < files->len; i++)
      if (!sync_one (dir_fd, tmp, ((RptExportFile *) g_ptr_array_index (files, i))->name, error))
        {
          close (dir_fd);
          remove_folder (tmp);
          return FALSE;
        }
  fsync (dir_fd);
  close (dir_fd);

  if (!exists)
    {
      if (g_rename (tmp, destination) != 0)
        {
          int saved = errno;
          remove_folder (tmp);
          return set_errno_error (error, saved, destination, _("could not save"));
        }
    }
  else if (renameat2 (AT_FDCWD, tmp, AT_FDCWD, destination, RENAME_EXCHANGE) != 0)
    {
      /* No atomic exchange on this file system: move the old export aside,
       * put the new one in place, then delete the old one. */
      g_autofree char *old = g_strdup_printf ("%s/.%s.old.XXXXXX", parent, base);
      int saved;

      if (g_mkdtemp_full (old, 0755) == NULL || g_rmdir (old) != 0 ||
          g_rename (destination, old) != 0)
        {
          saved = errno;
          remove_folder (tmp);
          return set_errno_error (error, saved, destination, _("could not replace the folder"));
        }
      if (g_rename (tmp, destination) != 0)
        {
          saved = errno;
          g_rename (old, destination);
          remove_folder (tmp);
          return set_errno_error (error, saved, destination, _("could not replace the folder"));
        }
      remove_folder (old);
    }
  else
    remove_folder (tmp);  /* now holds the previous export */

  sync_folder (parent);
  return TRUE;
}
