/* test-valgrind.c: every repartee-tool command on the demo project runs
 * under valgrind's memcheck with no error and nothing definitely lost.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <gio/gio.h>
#include <sys/wait.h>

#include "rpt-test-util.h"

static char *demo;
static char *tmpdir;

/* Runs repartee-tool ARGS… under memcheck; fails the test on any error. */
static void
memcheck (const char *first,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *joined = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, g_strdup ("valgrind"));
  g_ptr_array_add (argv, g_strdup ("--tool=memcheck"));
  g_ptr_array_add (argv, g_strdup ("--leak-check=full"));
  g_ptr_array_add (argv, g_strdup ("--errors-for-leak-kinds=definite"));
  g_ptr_array_add (argv, g_strdup ("--error-exitcode=99"));
  g_ptr_array_add (argv, g_strdup (g_getenv ("REPARTEE_TOOL")));
  va_start (args, first);
  for (const char *a = first; a; a = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (a));
  va_end (args);
  g_ptr_array_add (argv, NULL);
  joined = g_strjoinv (" ", (char **) argv->pdata + 5);

  ck_assert_msg (g_spawn_sync (tmpdir, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, &out, &err, &status, &error),
                 "cannot run valgrind: %s", error ? error->message : "");
  ck_assert_msg (WIFEXITED (status) && WEXITSTATUS (status) == 0,
                 "%s: exit %d under valgrind:\n%s", joined,
                 WIFEXITED (status) ? WEXITSTATUS (status) : -1, err);
  ck_assert_msg (strstr (err, "ERROR SUMMARY: 0 errors") != NULL, "%s:\n%s", joined, err);
}

static void
setup (void)
{
  g_autofree char *source = rpt_test_source_path ("data/examples/demo.json");
  g_autofree char *contents = NULL;
  gsize len;

  tmpdir = rpt_test_make_tmpdir ();
  contents = rpt_test_read_file (source, &len);
  demo = rpt_test_write_file (tmpdir, "demo.json", contents, (gssize) len);
}

static void
teardown (void)
{
  g_clear_pointer (&demo, g_free);
  g_clear_pointer (&tmpdir, g_free);
}

START_TEST (test_validate)
{
  memcheck ("validate", demo, NULL);
}
END_TEST

START_TEST (test_stats)
{
  memcheck ("stats", demo, NULL);
  memcheck ("stats", "--json", demo, NULL);
}
END_TEST

START_TEST (test_format)
{
  memcheck ("format", "--check", demo, NULL);
  memcheck ("format", demo, NULL);
}
END_TEST

START_TEST (test_add)
{
  g_autofree char *article = rpt_test_write_file (tmpdir, "extra.txt",
                                                  "A note from the valgrind test\n“Quoted” 🙂\n", -1);
  g_autofree char *fresh = g_build_filename (tmpdir, "fresh.json", NULL);

  memcheck ("add", demo, article, NULL);
  memcheck ("add", fresh, article, NULL);
}
END_TEST

/* Replacing an article's text: most annotations become orphans, which
 * validate and stats then list. */
START_TEST (test_reanchor)
{
  g_autofree char *article = rpt_test_write_file (tmpdir, "corrected.txt",
                                                  "A corrected article from the valgrind test.\n", -1);
  g_autofree char *option = g_strdup_printf ("tressaly-morning-post=%s", article);

  memcheck ("reanchor", demo, NULL);
  memcheck ("reanchor", "--dry-run", "--article", option, demo, NULL);
  memcheck ("reanchor", "--article", option, demo, NULL);
  memcheck ("validate", demo, NULL);
  memcheck ("stats", "--json", demo, NULL);
}
END_TEST

static Suite *
valgrind_suite (void)
{
  Suite *s = suite_create ("valgrind");
  TCase *tc = tcase_create ("tool");

  tcase_set_timeout (tc, 600);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_validate);
  tcase_add_test (tc, test_stats);
  tcase_add_test (tc, test_format);
  tcase_add_test (tc, test_add);
  tcase_add_test (tc, test_reanchor);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (valgrind_suite)
