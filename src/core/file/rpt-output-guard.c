/* rpt-output-guard.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-File"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <pwd.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rpt-json-guard.h"
#include "rpt-output-guard.h"

/* A manifest lists a few hundred bytes per file; this is millions of files. */
#define MAX_MANIFEST_BYTES (256u << 20)

gboolean
rpt_output_state_needs_consent (RptOutputState state)
{
  return state >= RPT_OUTPUT_EXISTS && state <= RPT_OUTPUT_FOREIGN_FILES;
}

gboolean
rpt_output_state_is_refused (RptOutputState state)
{
  return state == RPT_OUTPUT_INPUT || state == RPT_OUTPUT_UNSUITABLE;
}

gboolean
rpt_output_state_is_notable (RptOutputState state)
{
  return rpt_output_state_needs_consent (state) && state != RPT_OUTPUT_EXISTS;
}

/* ---- The manifest ---- */

typedef struct
{
  gint64 size;
  gint64 mtime;   /* seconds; the files' nanoseconds are 0 */
} ManifestEntry;

static gboolean
is_plain_name (const char *name)
{
  return name && *name && !strchr (name, '/') && !g_str_equal (name, ".") && !g_str_equal (name, "..");
}

static char *
read_small_file (int         dir_fd,
                 const char *name,
                 gsize      *len)
{
  g_autofree char *data = NULL;
  struct stat st;
  gsize done = 0;
  int fd;

  /* Non-blocking: a pipe in its place must not hang the check. */
  fd = openat (dir_fd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0)
    return NULL;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || (guint64) st.st_size > MAX_MANIFEST_BYTES)
    {
      close (fd);
      return NULL;
    }
  data = g_malloc ((gsize) st.st_size + 1);
  while (done < (gsize) st.st_size)
    {
      ssize_t n = read (fd, data + done, (gsize) st.st_size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      done += (gsize) n;
    }
  close (fd);
  data[done] = '\0';
  *len = done;
  return g_steal_pointer (&data);
}

/* name → ManifestEntry, or NULL when @dir_fd holds no manifest of ours. */
static GHashTable *
manifest_read (int dir_fd)
{
  g_autoptr(GHashTable) entries = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *data = NULL;
  JsonObject *root;
  JsonArray *files;
  gboolean incomplete;
  gsize len = 0;

  data = read_small_file (dir_fd, RPT_EXPORT_MANIFEST, &len);
  if (data == NULL || !rpt_json_guard_check (data, len, &incomplete, NULL))
    return NULL;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  root = json_node_get_object (json_parser_get_root (parser));
  if (json_object_get_int_member_with_default (root, "repartee-export", 0) != 1 ||
      !json_object_has_member (root, "files") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "files")))
    return NULL;
  files = json_object_get_array_member (root, "files");
  entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonNode *node = json_array_get_element (files, i);
      JsonObject *file;
      const char *name;
      ManifestEntry *entry;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      file = json_node_get_object (node);
      name = json_object_get_string_member_with_default (file, "name", NULL);
      if (!is_plain_name (name) || g_str_equal (name, RPT_EXPORT_MANIFEST))
        return NULL;
      entry = g_new (ManifestEntry, 1);
      entry->size = json_object_get_int_member_with_default (file, "size", -1);
      entry->mtime = json_object_get_int_member_with_default (file, "mtime", -1);
      g_hash_table_replace (entries, g_strdup (name), entry);
    }
  return g_steal_pointer (&entries);
}

GHashTable *
_rpt_output_manifest_names (int dir_fd)
{
  return manifest_read (dir_fd);
}

/* ---- Looking at the destination ---- */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The names in the folder @fd (which it consumes), sorted, so that a
 * message names the same file every time; NULL when it cannot be read. */
static GPtrArray *
list_folder (int fd)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  DIR *dir = fdopendir (fd);
  struct dirent *entry;

  if (dir == NULL)
    {
      close (fd);
      return NULL;
    }
  while ((entry = readdir (dir)))
    if (!g_str_equal (entry->d_name, ".") && !g_str_equal (entry->d_name, ".."))
      g_ptr_array_add (names, g_strdup (entry->d_name));
  closedir (dir);
  g_ptr_array_sort (names, compare_names);
  return g_steal_pointer (&names);
}

/* The state of the folder @path from what it holds: NEW when empty,
 * EARLIER_EXPORT when all of it is what its manifest lists, unchanged. */
static RptOutputState
inspect_folder (const char  *path,
                const char  *display,
                char       **reason)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GHashTable) manifest = NULL;
  int fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int dir_fd;

  if (fd < 0 || (dir_fd = dup (fd)) < 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      *reason = g_strdup_printf (_("%s cannot be read: %s"), display, g_strerror (saved));
      return RPT_OUTPUT_UNSUITABLE;
    }
  names = list_folder (fd);
  if (names == NULL)
    {
      int saved = errno;

      close (dir_fd);
      *reason = g_strdup_printf (_("%s cannot be read: %s"), display, g_strerror (saved));
      return RPT_OUTPUT_UNSUITABLE;
    }
  /* Never a tree: replacing a folder deletes what it holds, and a folder of
   * folders is nothing an export wrote (this also keeps a home folder
   * given by mistake safe from --force). */
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      struct stat st;

      if (fstatat (dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR (st.st_mode))
        {
          g_autofree char *child = g_filename_display_name (name);

          close (dir_fd);
          *reason = g_strdup_printf (_("%s holds the folder “%s”; only a folder of files is replaced"),
                                     display, child);
          return RPT_OUTPUT_UNSUITABLE;
        }
    }
  if (names->len == 0)
    {
      close (dir_fd);
      return RPT_OUTPUT_NEW;
    }

  manifest = manifest_read (dir_fd);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      ManifestEntry *entry = manifest ? g_hash_table_lookup (manifest, name) : NULL;
      g_autofree char *child = NULL;
      struct stat st;

      if (manifest && g_str_equal (name, RPT_EXPORT_MANIFEST))
        continue;
      child = g_filename_display_name (name);
      if (entry == NULL)
        {
          close (dir_fd);
          *reason = g_strdup_printf (_("%s holds “%s”, which Repartee did not write"), display, child);
          return RPT_OUTPUT_FOREIGN_FILES;
        }
      /* Written with a whole second as its time, so an edit (a new time)
       * shows even when the size stays. */
      if (fstatat (dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG (st.st_mode) ||
          st.st_size != entry->size || st.st_mtim.tv_sec != entry->mtime || st.st_mtim.tv_nsec != 0)
        {
          close (dir_fd);
          *reason = g_strdup_printf (_("%s holds “%s”, which changed since Repartee wrote it"), display, child);
          return RPT_OUTPUT_FOREIGN_FILES;
        }
    }
  close (dir_fd);
  *reason = g_strdup_printf (_("%s holds an earlier export"), display);
  return RPT_OUTPUT_EARLIER_EXPORT;
}

/* TRUE when the folder @dir (device and inode) holds @input at any depth. */
static gboolean
folder_holds (const struct stat *dir,
              const char        *input)
{
  g_autofree char *real = realpath (input, NULL);
  g_autofree char *current = real ? g_path_get_dirname (real) : NULL;

  while (current)
    {
      struct stat st;
      char *up;

      if (stat (current, &st) == 0 && st.st_dev == dir->st_dev && st.st_ino == dir->st_ino)
        return TRUE;
      if (g_str_equal (current, "/") || g_str_equal (current, "."))
        break;
      up = g_path_get_dirname (current);
      g_free (current);
      current = up;
    }
  return FALSE;
}

static char *
owner_name (uid_t uid)
{
  struct passwd *pw = getpwuid (uid);

  if (pw && pw->pw_name)
    return g_strdup (pw->pw_name);
  /* Translators: a user without a name, by number */
  return g_strdup_printf (_("user %u"), (guint) uid);
}

RptOutputState
rpt_output_inspect (const char          *path,
                    RptOutputKind        kind,
                    const char * const  *inputs,
                    char               **reason_out)
{
  g_autofree char *display = NULL;
  g_autofree char *reason = NULL;
  RptOutputState state = RPT_OUTPUT_NEW;
  struct stat st;

  g_return_val_if_fail (path != NULL, RPT_OUTPUT_UNSUITABLE);

  if (reason_out)
    *reason_out = NULL;
  if (*path == '\0')
    {
      if (reason_out)
        *reason_out = g_strdup (_("the output has an empty name"));
      return RPT_OUTPUT_UNSUITABLE;
    }
  /* Nothing there (or a path that cannot be looked at, which the write
   * then reports with its reason). */
  if (g_lstat (path, &st) != 0)
    return RPT_OUTPUT_NEW;
  display = g_filename_display_name (path);

  if (S_ISLNK (st.st_mode) && g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_autofree char *target = g_file_read_link (path, NULL);
      g_autofree char *target_display = g_filename_display_name (target ? target : "");

      if (saved == ENOENT)
        reason = g_strdup_printf (_("%s is a symbolic link to “%s”, which does not exist"),
                                  display, target_display);
      else
        reason = g_strdup_printf (_("%s is a symbolic link to “%s”, which cannot be followed: %s"),
                                  display, target_display, g_strerror (saved));
      state = RPT_OUTPUT_DANGLING_LINK;
      goto out;
    }

  for (guint i = 0; inputs && inputs[i]; i++)
    {
      struct stat in;

      if (g_stat (inputs[i], &in) != 0)
        continue;
      if (in.st_dev == st.st_dev && in.st_ino == st.st_ino)
        {
          g_autofree char *input = g_filename_display_name (inputs[i]);

          if (g_str_equal (inputs[i], path))
            reason = g_strdup_printf (_("%s is the file being read"), display);
          else
            reason = g_strdup_printf (_("%s is the same file as %s, which is being read"), display, input);
          state = RPT_OUTPUT_INPUT;
          goto out;
        }
      if (S_ISDIR (st.st_mode) && folder_holds (&st, inputs[i]))
        {
          g_autofree char *input = g_filename_display_name (inputs[i]);

          reason = g_strdup_printf (_("%s holds %s, which is being read"), display, input);
          state = RPT_OUTPUT_INPUT;
          goto out;
        }
    }

  if (kind == RPT_OUTPUT_FILE && S_ISDIR (st.st_mode))
    {
      reason = g_strdup_printf (_("%s is a folder, not a file"), display);
      state = RPT_OUTPUT_UNSUITABLE;
      goto out;
    }
  /* Replacing a device or a pipe by rename would put a file in its place
   * (/dev/null, for root). */
  if (kind == RPT_OUTPUT_FILE && !S_ISREG (st.st_mode))
    {
      reason = g_strdup_printf (_("%s is not a regular file"), display);
      state = RPT_OUTPUT_UNSUITABLE;
      goto out;
    }
  if (kind == RPT_OUTPUT_FOLDER && !S_ISDIR (st.st_mode))
    {
      reason = g_strdup_printf (_("%s is a file; this format writes a folder"), display);
      state = RPT_OUTPUT_UNSUITABLE;
      goto out;
    }
  if (kind == RPT_OUTPUT_FOLDER)
    {
      state = inspect_folder (path, display, &reason);
      /* The user's files are the first thing to say about a folder. */
      if (state == RPT_OUTPUT_UNSUITABLE || state == RPT_OUTPUT_FOREIGN_FILES)
        goto out;
    }

  /* As text editors do: a file the user cannot write, or someone else's,
   * is not replaced without a word, even though a rename could. */
  if (st.st_uid != geteuid ())
    {
      g_autofree char *owner = owner_name (st.st_uid);

      g_free (reason);
      reason = g_strdup_printf (_("%s belongs to another user (%s)"), display, owner);
      state = RPT_OUTPUT_OTHER_OWNER;
    }
  else if ((st.st_mode & 0222) == 0 || g_access (path, W_OK) != 0)
    {
      g_free (reason);
      reason = g_strdup_printf (_("%s is read-only"), display);
      state = RPT_OUTPUT_READ_ONLY;
    }
  else if (kind == RPT_OUTPUT_FILE)
    {
      reason = g_strdup_printf (_("%s exists"), display);
      state = RPT_OUTPUT_EXISTS;
    }

out:
  if (reason_out)
    *reason_out = g_steal_pointer (&reason);
  return state;
}
