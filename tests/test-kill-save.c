/* test-kill-save.c: a save killed at any moment leaves either the old or the
 * new project on disk, never anything else.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rpt-core.h"
#include "rpt-test-util.h"

#define N_KILLS 200

/* A project of a few megabytes, so that a save takes long enough to be
 * interrupted in the middle of its write. Text written for this test. */
static RptProject *
make_project (guint variant)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RptDocument) document = NULL;

  for (guint i = 0; i < 8000; i++)
    g_string_append_printf (text, "Sentence %u of version %u says “nothing much” — 🙂. ", i, variant);
  document = rpt_document_new ("d1", "Long article", "long.txt", text->str);
  ck_assert (rpt_project_add_document (project, document, &error));
  for (guint i = 0; i < 1000; i++)
    ck_assert_ptr_nonnull (rpt_project_add_annotation (project, "d1", i * 50, i * 50 + 20,
                                                       i % 2 ? "claim" : "rebuttal", NULL, &error));
  return g_steal_pointer (&project);
}

START_TEST (test_kill_during_save)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "project.json", NULL);
  g_autoptr(RptProject) old_project = make_project (1);
  g_autoptr(RptProject) new_project = make_project (2);
  g_autoptr(GBytes) old_bytes = rpt_project_to_bytes (old_project);
  g_autoptr(GBytes) new_bytes = rpt_project_to_bytes (new_project);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  guint saw_old = 0, saw_new = 0;

  ck_assert (!g_bytes_equal (old_bytes, new_bytes));
  ck_assert (rpt_project_save_to_file (old_project, path, &error));

  for (guint i = 0; i < N_KILLS; i++)
    {
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) on_disk = NULL;
      gsize len;
      pid_t pid;
      int status;

      /* No Check call in the child: a passing ck_assert writes a location
       * message to the file the parent's Check reads, and two writers at
       * once garble it ("Bad message type"). */
      pid = fork ();
      if (pid == 0)
        {
          /* The child saves the new project, over and over, until killed;
           * even iterations start from the old one again. */
          for (;;)
            {
              rpt_safe_file_replace (path, g_bytes_get_data (i % 2 ? new_bytes : old_bytes, NULL),
                                     g_bytes_get_size (i % 2 ? new_bytes : old_bytes), NULL);
              rpt_safe_file_replace (path, g_bytes_get_data (new_bytes, NULL),
                                     g_bytes_get_size (new_bytes), NULL);
            }
        }

      ck_assert_int_gt (pid, 0);
      g_usleep (g_rand_int_range (rand, 0, 20000));
      kill (pid, SIGKILL);
      ck_assert_int_eq (waitpid (pid, &status, 0), pid);
      ck_assert (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      contents = rpt_test_read_file (path, &len);
      on_disk = g_bytes_new (contents, len);
      if (g_bytes_equal (on_disk, old_bytes))
        saw_old++;
      else if (g_bytes_equal (on_disk, new_bytes))
        saw_new++;
      else
        ck_abort_msg ("after kill %u the file is neither the old nor the new project (%" G_GSIZE_FORMAT " bytes)",
                      i, len);

      /* And it loads. */
      {
        g_autoptr(RptProject) loaded = rpt_project_load_from_file (path, &error);
        ck_assert_msg (loaded != NULL, "kill %u: %s", i, error ? error->message : "");
      }

      /* Put the old project back for the next round. */
      ck_assert (rpt_safe_file_replace (path, g_bytes_get_data (old_bytes, NULL),
                                        g_bytes_get_size (old_bytes), &error));
    }

  /* The kills landed both before and after a rename at least once. */
  ck_assert_uint_gt (saw_old, 0);
  ck_assert_uint_gt (saw_new, 0);
}
END_TEST

static Suite *
kill_suite (void)
{
  Suite *s = suite_create ("kill-save");
  TCase *tc = tcase_create ("core");

  tcase_set_timeout (tc, 600);
  tcase_add_test (tc, test_kill_during_save);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (kill_suite)
