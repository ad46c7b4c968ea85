/* rpt-export-folder.c: names that are safe in brat and CoNLL, file names
 * that cannot leave the destination, and writing a folder so that it
 * appears complete or not at all.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Export"

#define _GNU_SOURCE 1
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <dirent.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "rpt-export-private.h"
#include "rpt-json-writer.h"
#include "rpt-output-guard.h"
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

/* Errors name the destination and the file, never the hidden temporary
 * folder the user has never heard of. */
static gboolean
folder_error (GError     **error,
              int          saved_errno,
              const char  *destination,
              const char  *what)
{
  g_autofree char *display = g_filename_display_name (destination);

  g_set_error (error, RPT_ERROR, RPT_ERROR_IO, "%s: %s: %s", display, what, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
file_error (GError     **error,
            int          saved_errno,
            const char  *destination,
            const char  *name)
{
  g_autofree char *display = g_filename_display_name (name);
  /* Translators: %s is a file name inside the export folder */
  g_autofree char *what = g_strdup_printf (_("could not write “%s”"), display);

  return folder_error (error, saved_errno, destination, what);
}

/* A name we write: one path component, not "." or "..". */
static gboolean
is_plain_name (const char *name)
{
  return name && *name && !strchr (name, '/') && !g_str_equal (name, ".") && !g_str_equal (name, "..");
}

/* Deletes the folder @name in @parent_fd and the files in it; never follows
 * a link and never descends (a folder is only replaced when it holds no
 * folders). A folder that is not empty afterwards stays. */
static void
remove_folder_at (int         parent_fd,
                  const char *name)
{
  int fd = openat (parent_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  DIR *dir;
  struct dirent *entry;

  if (fd < 0)
    return;
  dir = fdopendir (fd);
  if (dir == NULL)
    {
      close (fd);
      return;
    }
  while ((entry = readdir (dir)))
    if (!g_str_equal (entry->d_name, ".") && !g_str_equal (entry->d_name, ".."))
      unlinkat (dirfd (dir), entry->d_name, 0);
  closedir (dir);
  unlinkat (parent_fd, name, AT_REMOVEDIR);
}

static void
remove_folder (const char *path)
{
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  int parent_fd = open (parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (parent_fd < 0)
    return;
  remove_folder_at (parent_fd, base);
  close (parent_fd);
}

static gboolean
write_one (int          dir_fd,
           const char  *destination,
           const char  *name,
           const char  *data,
           gsize        left,
           time_t       mtime,
           GError     **error)
{
  const struct timespec times[2] = { { mtime, 0 }, { mtime, 0 } };
  int fd;

  if (!is_plain_name (name))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_IO, _("“%s” is not a plain file name"), name);
      return FALSE;
    }
  fd = openat (dir_fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0)
    return file_error (error, errno, destination, name);
  while (left > 0)
    {
      ssize_t n = write (fd, data, MIN (left, (gsize) 1 << 30));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = n < 0 ? errno : ENOSPC;
          close (fd);
          return file_error (error, saved, destination, name);
        }
      data += n;
      left -= (gsize) n;
    }
  /* The time the manifest records: a later edit shows as another time. A
   * file system that cannot set it only makes the next export ask for
   * --force. */
  futimens (fd, times);
  if (close (fd) != 0)
    return file_error (error, errno, destination, name);
  return TRUE;
}

/* The fallback when syncfs() fails: fsync each file. */
static gboolean
sync_one (int          dir_fd,
          const char  *destination,
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
  return file_error (error, saved, destination, name);
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

/* What the folder will hold, written before anything else so that a
 * folder left by a kill can be recognised as ours (docs/EXPORT.md). */
static GString *
build_manifest (const char *format,
                GPtrArray  *files,
                time_t      mtime)
{
  GString *out = g_string_new ("{\"repartee-export\": 1, ");

  rpt_json_append_member_string (out, "format", format);
  g_string_append (out, ", \"files\": [");
  for (guint i = 0; i < files->len; i++)
    {
      RptExportFile *file = g_ptr_array_index (files, i);

      g_string_append (out, i ? ",\n  {" : "\n  {");
      rpt_json_append_member_string (out, "name", file->name);
      g_string_append (out, ", ");
      rpt_json_append_member_uint (out, "size", file->data->len);
      g_string_append (out, ", ");
      rpt_json_append_member_uint (out, "mtime", (guint64) mtime);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "\n]}\n");
  return out;
}

/* ".BASE." or ".BASE.old." followed by the six characters of mkdtemp. */
static gboolean
is_temporary_name (const char *name,
                   const char *base)
{
  gsize base_len = strlen (base);
  const char *rest;

  if (name[0] != '.' || strncmp (name + 1, base, base_len) != 0 || name[1 + base_len] != '.')
    return FALSE;
  rest = name + 2 + base_len;
  if (g_str_has_prefix (rest, "old."))
    rest += 4;
  if (strlen (rest) != 6)
    return FALSE;
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isalnum (rest[i]))
      return FALSE;
  return TRUE;
}

/* Removes the hidden folders that an export to @base killed midway left in
 * @parent: only ours (named as we name them, owned by this user, holding
 * a manifest and nothing it does not list) and only when no export is
 * writing them now (each holds a lock while it writes). */
static void
remove_stale_folders (const char *parent,
                      const char *base)
{
  int parent_fd = open (parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);
  DIR *dir;
  struct dirent *entry;

  if (parent_fd < 0)
    return;
  dir = fdopendir (dup (parent_fd));
  if (dir == NULL)
    {
      close (parent_fd);
      return;
    }
  while ((entry = readdir (dir)))
    if (is_temporary_name (entry->d_name, base))
      g_ptr_array_add (stale, g_strdup (entry->d_name));
  closedir (dir);

  for (guint i = 0; i < stale->len; i++)
    {
      const char *name = g_ptr_array_index (stale, i);
      int fd = openat (parent_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      g_autoptr(GHashTable) listed = NULL;
      gboolean ours = TRUE;
      DIR *inner;
      struct stat st;

      if (fd < 0)
        continue;
      if (fstat (fd, &st) != 0 || st.st_uid != geteuid () || flock (fd, LOCK_EX | LOCK_NB) != 0 ||
          (listed = _rpt_output_manifest_names (fd)) == NULL || (inner = fdopendir (dup (fd))) == NULL)
        {
          close (fd);
          continue;
        }
      while (ours && (entry = readdir (inner)))
        {
          struct stat child;

          if (g_str_equal (entry->d_name, ".") || g_str_equal (entry->d_name, "..") ||
              g_str_equal (entry->d_name, RPT_EXPORT_MANIFEST))
            continue;
          ours = g_hash_table_contains (listed, entry->d_name) &&
                 fstatat (fd, entry->d_name, &child, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISDIR (child.st_mode);
        }
      closedir (inner);
      if (ours)
        remove_folder_at (parent_fd, name);
      close (fd);   /* and its lock */
    }
  close (parent_fd);
}

gboolean
_rpt_export_write_folder (const char  *destination,
                          const char  *format,
                          GPtrArray   *files,
                          gboolean     replace,
                          GError     **error)
{
  g_autofree char *real = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GString) manifest = NULL;
  RptOutputState state;
  gboolean exists = FALSE, link = FALSE;
  time_t mtime;
  struct stat st;
  int dir_fd;

  state = rpt_output_inspect (destination, RPT_OUTPUT_FOLDER, NULL, &reason);
  if (rpt_output_state_is_refused (state) || (rpt_output_state_needs_consent (state) && !replace))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_IO, _("%s; choose an empty or new folder"), reason);
      return FALSE;
    }

  /* A link to a folder: the folder is replaced and the link stays. */
  if (g_lstat (destination, &st) == 0 && S_ISLNK (st.st_mode))
    {
      real = realpath (destination, NULL);
      link = real == NULL;   /* to nothing: the link itself is replaced */
    }
  if (real == NULL)
    {
      gsize len;

      /* Without trailing slashes, so that the sibling lands beside, not inside. */
      real = g_strdup (destination);
      len = strlen (real);
      while (len > 1 && real[len - 1] == '/')
        real[--len] = '\0';
    }
  exists = !link && g_stat (real, &st) == 0 && S_ISDIR (st.st_mode);
  parent = g_path_get_dirname (real);
  base = g_path_get_basename (real);
  remove_stale_folders (parent, base);

  tmp = g_strdup_printf ("%s/.%s.XXXXXX", parent, base);
  if (g_mkdtemp_full (tmp, 0755) == NULL)
    return folder_error (error, errno, destination, _("cannot create a temporary folder beside it"));
  dir_fd = open (tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  /* Held until the end, so that another export's clean-up leaves it be. */
  if (dir_fd < 0 || flock (dir_fd, LOCK_EX) != 0)
    {
      folder_error (error, errno, destination, _("cannot create a temporary folder beside it"));
      if (dir_fd >= 0)
        close (dir_fd);
      remove_folder (tmp);
      return FALSE;
    }

  /* A whole second, even: file systems that keep coarser times (FAT keeps
   * two seconds) store it exactly. */
  mtime = time (NULL) & ~(time_t) 1;
  manifest = build_manifest (format, files, mtime);
  if (!write_one (dir_fd, destination, RPT_EXPORT_MANIFEST, manifest->str, manifest->len, mtime, error))
    goto fail;
  for (guint i = 0; i < files->len; i++)
    {
      RptExportFile *file = g_ptr_array_index (files, i);

      if (!write_one (dir_fd, destination, file->name, file->data->str, file->data->len, mtime, error))
        goto fail;
    }
  /* One flush of the file system for the thousands of files of a brat
   * collection: an fsync per file costs a disk round trip each (seconds
   * for a thousand articles). */
  if (syncfs (dir_fd) != 0)
    {
      if (!sync_one (dir_fd, destination, RPT_EXPORT_MANIFEST, error))
        goto fail;
      for (guint i = 0; i < files->len; i++)
        if (!sync_one (dir_fd, destination, ((RptExportFile *) g_ptr_array_index (files, i))->name, error))
          goto fail;
    }
  fsync (dir_fd);

  if (!exists)
    {
      if ((link && g_unlink (destination) != 0) || g_rename (tmp, real) != 0)
        {
          folder_error (error, errno, destination, _("could not save"));
          goto fail;
        }
    }
  else if (renameat2 (AT_FDCWD, tmp, AT_FDCWD, real, RENAME_EXCHANGE) != 0)
    {
      /* No atomic exchange on this file system: move the old export aside,
       * put the new one in place, then delete the old one. */
      g_autofree char *old = g_strdup_printf ("%s/.%s.old.XXXXXX", parent, base);

      if (g_mkdtemp_full (old, 0755) == NULL || g_rmdir (old) != 0 || g_rename (real, old) != 0)
        {
          folder_error (error, errno, destination, _("could not replace the folder"));
          goto fail;
        }
      if (g_rename (tmp, real) != 0)
        {
          folder_error (error, errno, destination, _("could not replace the folder"));
          g_rename (old, real);
          goto fail;
        }
      remove_folder (old);
    }
  else
    remove_folder (tmp);  /* now holds the previous export */

  close (dir_fd);
  sync_folder (parent);
  return TRUE;

fail:
  close (dir_fd);
  remove_folder (tmp);
  return FALSE;
}
