/* rpt-test-util.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "rpt-test-util.h"

static GPtrArray *tmpdirs;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir)
    {
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static void
cleanup_tmpdirs (void)
{
  for (guint i = 0; tmpdirs && i < tmpdirs->len; i++)
    remove_tree (g_ptr_array_index (tmpdirs, i));
}

char *
rpt_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("repartee-test-XXXXXX", &error);

  ck_assert_msg (dir != NULL, "cannot make a temporary folder: %s", error ? error->message : "");
  if (tmpdirs == NULL)
    {
      tmpdirs = g_ptr_array_new_with_free_func (g_free);
      atexit (cleanup_tmpdirs);
    }
  g_ptr_array_add (tmpdirs, g_strdup (dir));
  return dir;
}

char *
rpt_test_write_file (const char *dir,
                     const char *name,
                     const char *contents,
                     gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  ck_assert_msg (g_file_set_contents (path, contents, len, &error),
                 "cannot write %s: %s", path, error ? error->message : "");
  return path;
}

char *
rpt_test_read_file (const char *path,
                    gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  ck_assert_msg (g_file_get_contents (path, &contents, len, &error),
                 "cannot read %s: %s", path, error ? error->message : "");
  return contents;
}

int
rpt_test_run_tool (const char * const  *argv,
                   char               **out,
                   char               **err)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *tool = g_getenv ("REPARTEE_TOOL");
  int status = 0;

  ck_assert_msg (tool != NULL, "REPARTEE_TOOL is not set");
  g_ptr_array_add (args, (gpointer) tool);
  for (guint i = 0; argv[i]; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  ck_assert_msg (g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error),
                 "cannot run %s: %s", tool, error ? error->message : "");
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return 128 + (WIFSIGNALED (status) ? WTERMSIG (status) : 0);
}

char *
rpt_test_source_path (const char *relative)
{
  const char *root = g_getenv ("REPARTEE_SOURCE_DIR");

  ck_assert_msg (root != NULL, "REPARTEE_SOURCE_DIR is not set");
  return g_build_filename (root, relative, NULL);
}
