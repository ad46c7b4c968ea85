/* rpt-test-util.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

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

int
rpt_test_run (Suite *suite)
{
  SRunner *runner = srunner_create (suite);
  int failed;

  srunner_run_all (runner, CK_ENV);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

int
rpt_test_run_command (const char * const  *argv,
                      char               **output)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  ck_assert_msg (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error),
                 "cannot run %s: %s", argv[0], error ? error->message : "");
  *output = g_strconcat (out ? out : "", err ? err : "", NULL);
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128;
}

gboolean
rpt_test_has_warning (GPtrArray  *warnings,
                      const char *needle)
{
  for (guint i = 0; i < warnings->len; i++)
    if (strstr (g_ptr_array_index (warnings, i), needle))
      return TRUE;
  return FALSE;
}

guint
rpt_test_offset_of (const char *text,
                    const char *needle)
{
  const char *at = strstr (text, needle);

  ck_assert_msg (at != NULL, "“%s” is not in the text", needle);
  return (guint) g_utf8_pointer_to_offset (text, at);
}

void
rpt_test_async_ready (GObject      *source,
                      GAsyncResult *result,
                      gpointer      async)
{
  RptTestAsync *self = async;

  /* Callbacks come back on the thread that started the work. */
  ck_assert_ptr_eq (g_thread_self (), self->thread);
  ck_assert_ptr_null (self->result);
  self->result = g_object_ref (result);
}

void
rpt_test_async_wait (RptTestAsync *async)
{
  async->thread = g_thread_self ();
  /* As long as Check lets the test run: a save of a large project under
   * valgrind takes its time. */
  rpt_test_wait_until (async->result != NULL, 3600);
  ck_assert_ptr_nonnull (async->result);
}

void
rpt_test_async_clear (RptTestAsync *async)
{
  g_clear_object (&async->result);
}

int
rpt_test_run_tool_va (char    **out,
                      char    **err,
                      va_list   args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;

  if (out)
    g_clear_pointer (out, g_free);
  if (err)
    g_clear_pointer (err, g_free);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);
  return rpt_test_run_tool ((const char * const *) argv->pdata, out, err);
}

int
rpt_test_run_shell (const char  *script,
                    char       **out,
                    char       **err)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "TOOL", g_getenv ("REPARTEE_TOOL"), TRUE);
  const char *argv[] = { "/bin/sh", "-c", script, NULL };
  int status = 0;

  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  ck_assert_msg (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                               &status, &error),
                 "cannot run /bin/sh: %s", error ? error->message : "");
  ck_assert (WIFEXITED (status));
  return WEXITSTATUS (status);
}

guint
rpt_test_count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

gboolean
rpt_test_file_equals (const char *path,
                      const char *contents,
                      gsize       len)
{
  g_autofree char *now = NULL;
  gsize now_len;

  if (!g_file_get_contents (path, &now, &now_len, NULL))
    return FALSE;
  return now_len == len && memcmp (now, contents, len) == 0;
}

char *
rpt_test_fail_under_limit (rlim_t             limit,
                           RptTestLimitedSave save,
                           gpointer           data)
{
  char message[4096] = "";
  int pipefd[2];
  int status;
  gssize got;
  pid_t pid;

  ck_assert_int_eq (pipe (pipefd), 0);
  /* No Check call in the child (see test-kill-save.c). */
  pid = fork ();
  if (pid == 0)
    {
      struct rlimit rl = { limit, limit };
      g_autoptr(GError) error = NULL;
      int code;

      close (pipefd[0]);
      signal (SIGXFSZ, SIG_IGN);
      if (setrlimit (RLIMIT_FSIZE, &rl) != 0)
        _exit (10);
      code = save (data, &error);
      if (error && write (pipefd[1], error->message, strlen (error->message)) < 0)
        code = 30;
      close (pipefd[1]);
      _exit (code);                     /* no atexit: the parent owns the folders */
    }

  ck_assert_int_gt (pid, 0);
  close (pipefd[1]);
  got = read (pipefd[0], message, sizeof message - 1);
  close (pipefd[0]);
  ck_assert_int_eq (waitpid (pid, &status, 0), pid);
  ck_assert_msg (WIFEXITED (status), "the child died (signal %d)", WTERMSIG (status));
  ck_assert_msg (WEXITSTATUS (status) == 0, "child failed with code %d", WEXITSTATUS (status));
  ck_assert_int_gt (got, 0);
  return g_strndup (message, got);
}

void
rpt_test_make_read_only (const char *path)
{
  ck_assert (g_chmod (path, 0444) == 0);
}

void
rpt_test_give_away (const char *path)
{
  ck_assert (chown (path, 65534, 65534) == 0);
}

GFile *
rpt_test_write_gfile (const char *dir,
                      const char *name,
                      const char *contents)
{
  g_autofree char *path = rpt_test_write_file (dir, name, contents, -1);

  return g_file_new_for_path (path);
}
