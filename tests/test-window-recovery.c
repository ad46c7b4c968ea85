/* test-window-recovery.c: crash safety. A live window keeps a recovery
 * copy of its unsaved work and removes it on save; a child process runs a
 * real window, makes edits, waits for its copy and is killed with SIGKILL;
 * then a new window offers the work and restores it exactly (bytes and
 * where it was saved), or discards it, or keeps it for later.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>
#include <time.h>

#include "rpt-article-view.h"
#include "rpt-recovery.h"
#include "rpt-test-util.h"
#include "rpt-test-window.h"
#include "rpt-window-articles.h"

static const char *self_path;

/* ---- The child: a real window that gets killed ---- */

static gboolean
child_wait (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return TRUE;
}

static gboolean
has_documents (gpointer data)
{
  return g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (data))) > 0;
}

static int
run_child (const char *input,
           const char *expected_path)
{
  RptWindow *window;
  RptArticleView *view;
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autoptr(GBytes) bytes = NULL;
  const char *spans[] = { "new bridge would open next spring", "Only if you count the winters twice" };
  const char *labels[] = { "claim", "rebuttal" };

  rpt_test_app_init_keeping_folders ();
  window = rpt_window_new (rpt_test_app ());
  gtk_window_present (GTK_WINDOW (window));
  rpt_window_open_files (window, &file, 1);
  if (!child_wait (has_documents, window))
    return 2;

  view = RPT_ARTICLE_VIEW (rpt_test_find_widget (GTK_WIDGET (window), RPT_TYPE_ARTICLE_VIEW, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      guint start = (guint) (strstr (ARTICLE_A, spans[i]) - ARTICLE_A);

      rpt_article_view_select_range (view, start, start + (guint) strlen (spans[i]));
      gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", labels[i]);
    }
  if (rpt_project_get_n_annotations (rpt_window_get_project (window)) != 2)
    return 3;
  if (!child_wait (rpt_test_recovery_is_current, window))
    {
      g_printerr ("child: no current copy in %s (dirty %d, %u annotations, can undo %d, title %s)\n", rpt_recovery_get_dir (),
                  rpt_project_get_dirty (rpt_window_get_project (window)),
                  rpt_project_get_n_annotations (rpt_window_get_project (window)),
                  rpt_project_can_undo (rpt_window_get_project (window)),
                  gtk_window_get_title (GTK_WINDOW (window)));
      return 4;
    }

  bytes = rpt_project_to_bytes (rpt_window_get_project (window));
  if (!g_file_set_contents (expected_path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL))
    return 5;
  g_print ("READY\n");
  fflush (stdout);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

/* ---- The parent ---- */

static char *
read_line_until (int         fd,
                 const char *want)
{
  GString *out = g_string_new (NULL);
  gint64 end = g_get_monotonic_time () + 90 * G_USEC_PER_SEC;

  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) | O_NONBLOCK);
  while (strstr (out->str, want) == NULL && g_get_monotonic_time () < end)
    {
      char buf[256];
      ssize_t n = read (fd, buf, sizeof buf);

      if (n > 0)
        g_string_append_len (out, buf, n);
      else if (n == 0)
        break;
      else
        g_usleep (20000);
    }
  return g_string_free (out, FALSE);
}

/* Runs the child on @input until its copy is on disk, then kills it. */
static void
run_and_kill_child (const char *input,
                    const char *expected_path)
{
  const char *argv[] = { self_path, "--child", input, expected_path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  GPid pid;
  int out_fd, status = 0;

  ck_assert_msg (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error),
                 "cannot run the child: %s", error ? error->message : "");
  output = read_line_until (out_fd, "READY");
  kill (pid, SIGKILL);
  ck_assert_int_eq (waitpid (pid, &status, 0), pid);
  close (out_fd);
  ck_assert_msg (strstr (output, "READY") != NULL, "the child did not get ready: %s (status %d)",
                 output, WIFEXITED (status) ? WEXITSTATUS (status) : -1);
  ck_assert (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
}

static guint
count_files (const char *suffix)
{
  g_autofree char *folder = rpt_recovery_get_dir ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir && (name = g_dir_read_name (dir)))
    n += g_str_has_suffix (name, suffix);
  return n;
}

static void
forget_orphans (void)
{
  g_autoptr(GPtrArray) orphans = rpt_recovery_claim_orphans ();

  for (guint i = 0; i < orphans->len; i++)
    rpt_recovery_orphan_discard (g_ptr_array_index (orphans, i));
}

static AdwMessageDialog *
wait_for_restore_dialog (RptWindow *window)
{
  AdwMessageDialog *dialog;

  rpt_test_wait_until ((dialog = rpt_test_find_dialog (GTK_WINDOW (window))) != NULL);
  ck_assert_msg (g_str_has_prefix (adw_message_dialog_get_heading (dialog), "Restore Unsaved Work from "),
                 "heading: %s", adw_message_dialog_get_heading (dialog));
  return dialog;
}

START_TEST (test_live_copy_written_and_removed)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) orphans = NULL;
  RptWindow *window;
  RptProject *project;

  {
    g_autoptr(RptProject) p = rpt_project_new ();
    ck_assert (rpt_project_save_to_file (p, path, NULL));
  }
  forget_orphans ();
  window = rpt_test_new_window ();
  rpt_window_open_files (window, &file, 1);
  rpt_test_wait_until (rpt_window_get_file (window) != NULL);
  project = rpt_window_get_project (window);
  ck_assert_uint_eq (count_files (".json"), 0);

  /* An edit: a copy appears within a few seconds. */
  {
    g_autoptr(RptDocument) d = rpt_document_new ("lake-summit", "Ministers", "lake-summit.txt", ARTICLE_A);
    ck_assert (rpt_project_add_document (project, d, NULL));
  }
  rpt_test_wait_until (rpt_test_recovery_is_current (window));

  /* The window is alive: its copy is nobody's orphan. */
  orphans = rpt_recovery_claim_orphans ();
  ck_assert_uint_eq (orphans->len, 0);

  /* Saved: the copy goes. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  rpt_test_wait_until (!rpt_project_get_dirty (project));
  rpt_test_wait_until (count_files (".json") == 0);

  /* Undone past the save point: unsaved again, so a copy again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ck_assert (rpt_project_get_dirty (project));
  rpt_test_wait_until (rpt_test_recovery_is_current (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  rpt_test_wait_until (count_files (".json") == 0);

  rpt_test_close_discarding (window);
  rpt_test_wait_until (count_files (".lock") == 0);
}
END_TEST

START_TEST (test_restore_after_kill)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *article = rpt_test_write_file (dir, "lake-summit.txt", ARTICLE_A, -1);
  g_autofree char *expected_path = g_build_filename (dir, "expected.json", NULL);
  g_autofree char *expected = NULL;
  gsize expected_len;
  RptWindow *window;
  AdwMessageDialog *dialog;
  RptProject *project;

  forget_orphans ();
  run_and_kill_child (article, expected_path);
  expected = rpt_test_read_file (expected_path, &expected_len);
  ck_assert_uint_eq (count_files (".json"), 1);

  /* The next start offers it... */
  window = rpt_test_new_window ();
  rpt_window_offer_recovery (window);
  dialog = wait_for_restore_dialog (window);
  ck_assert_msg (strstr (adw_message_dialog_get_body (dialog), "“Untitled Project”") != NULL,
                 "body: %s", adw_message_dialog_get_body (dialog));
  rpt_test_respond (dialog, "restore");

  /* ...and restores exactly what the killed window had. */
  rpt_test_wait_until (g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (window))) == 1);
  project = rpt_window_get_project (window);
  {
    g_autoptr(GBytes) bytes = rpt_project_to_bytes (project);
    ck_assert_uint_eq (g_bytes_get_size (bytes), expected_len);
    ck_assert (memcmp (g_bytes_get_data (bytes, NULL), expected, expected_len) == 0);
  }
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), 2);
  ck_assert_ptr_null (rpt_window_get_file (window));
  /* Still unsaved work: marked, protected by a copy of its own. */
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "• Untitled Project — Repartee");
  rpt_test_wait_until (rpt_test_recovery_is_current (window) && count_files (".json") == 1);

  /* Closing asks; Discard removes the copy. */
  rpt_test_close_discarding (window);
  rpt_test_wait_until (count_files (".json") == 0);
}
END_TEST

static void
write_plain_project (const char *path)
{
  g_autoptr(RptProject) p = rpt_project_new ();
  g_autoptr(RptDocument) d = rpt_document_new ("lake-summit", "Ministers", "lake-summit.txt", ARTICLE_A);

  ck_assert (rpt_project_add_document (p, d, NULL));
  ck_assert (rpt_project_save_to_file (p, path, NULL));
}

START_TEST (test_restore_saved_project_later_then_discard)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "summit.json", NULL);
  g_autofree char *expected_path = g_build_filename (dir, "expected.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *expected = NULL;
  gsize expected_len;
  RptWindow *window;
  AdwMessageDialog *dialog;

  /* A saved project with one article; the child edits it and dies. */
  write_plain_project (path);
  forget_orphans ();
  run_and_kill_child (path, expected_path);
  expected = rpt_test_read_file (expected_path, &expected_len);

  /* Later: kept for the next start. */
  window = rpt_test_new_window ();
  rpt_window_offer_recovery (window);
  dialog = wait_for_restore_dialog (window);
  ck_assert_msg (strstr (adw_message_dialog_get_body (dialog), "“summit.json”") != NULL,
                 "body: %s", adw_message_dialog_get_body (dialog));
  rpt_test_respond (dialog, "later");
  rpt_test_spin (100);
  ck_assert_uint_eq (count_files (".json"), 1);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (window))), 0);

  /* Restore into a window that has work: a new window takes it, saved
   * where it was, and Save writes exactly the restored work there. */
  {
    g_autoptr(GList) before = gtk_window_list_toplevels ();
    RptWindow *restored = NULL;
    g_autoptr(RptProject) blank = rpt_project_new ();
    g_autoptr(RptDocument) d = rpt_document_new ("other", "Other", "other.txt", "Other text.\n");

    ck_assert (rpt_project_add_document (rpt_window_get_project (window), d, NULL));
    rpt_window_offer_recovery (window);
    rpt_test_respond (wait_for_restore_dialog (window), "restore");
    rpt_test_wait_until ((restored = RPT_WINDOW (rpt_test_find_toplevel (RPT_TYPE_WINDOW))) != NULL
                         && restored != window && rpt_window_get_file (restored) != NULL);
    ck_assert (g_file_equal (rpt_window_get_file (restored), file));
    ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (restored)), "• summit.json — Repartee");
    gtk_widget_activate_action (GTK_WIDGET (restored), "win.save", NULL);
    rpt_test_wait_until (g_str_equal (gtk_window_get_title (GTK_WINDOW (restored)), "summit.json — Repartee"));
    {
      g_autofree char *saved = NULL;
      gsize saved_len;

      saved = rpt_test_read_file (path, &saved_len);
      ck_assert_uint_eq (saved_len, expected_len);
      ck_assert (memcmp (saved, expected, saved_len) == 0);
    }
    /* Saved: its copy goes and does not come back; only the first
     * window's own copy (it has unsaved work) stays. */
    rpt_test_wait_until (count_files (".json") == 1);
    rpt_test_spin (RPT_RECOVERY_DELAY_MS + 1000);
    ck_assert_uint_eq (count_files (".json"), 1);
    ck_assert (rpt_test_recovery_is_current (window));
    rpt_test_close_discarding (restored);
  }
  rpt_test_close_discarding (window);
  rpt_test_wait_until (count_files (".json") == 0);

  /* Discard: gone for good. */
  write_plain_project (path);
  run_and_kill_child (path, expected_path);
  window = rpt_test_new_window ();
  rpt_window_offer_recovery (window);
  rpt_test_respond (wait_for_restore_dialog (window), "discard");
  rpt_test_wait_until (count_files (".json") == 0);
  rpt_test_wait_until (rpt_test_find_dialog (GTK_WINDOW (window)) == NULL);
  rpt_window_offer_recovery (window);
  rpt_test_spin (100);
  ck_assert_ptr_null (rpt_test_find_dialog (GTK_WINDOW (window)));
  rpt_test_close_discarding (window);
}
END_TEST

/* The original changed after the copy was made (by another program, or
 * a later session): saving the restored work over it asks first. */
START_TEST (test_restore_over_changed_file_asks)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "summit.json", NULL);
  g_autofree char *expected_path = g_build_filename (dir, "expected.json", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *theirs = NULL;
  gsize expected_len;
  RptWindow *window;
  AdwMessageDialog *dialog;

  write_plain_project (path);
  forget_orphans ();
  run_and_kill_child (path, expected_path);
  expected = rpt_test_read_file (expected_path, &expected_len);

  /* Another program writes the file afterwards (a minute on, so that the
   * clock's resolution cannot hide it). */
  {
    g_autoptr(RptProject) other = rpt_project_new ();
    struct utimbuf later = { .actime = time (NULL) + 60, .modtime = time (NULL) + 60 };

    ck_assert (rpt_project_save_to_file (other, path, NULL));
    ck_assert_int_eq (g_utime (path, &later), 0);
    theirs = rpt_test_read_file (path, NULL);
  }

  window = rpt_test_new_window ();
  rpt_window_offer_recovery (window);
  rpt_test_respond (wait_for_restore_dialog (window), "restore");
  rpt_test_wait_until (rpt_window_get_file (window) != NULL);
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "• summit.json — Repartee");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  rpt_test_wait_until ((dialog = rpt_test_find_dialog (GTK_WINDOW (window))) != NULL);
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "“summit.json” changed on disk");
  rpt_test_respond (dialog, "cancel");
  rpt_test_spin (200);
  {
    g_autofree char *now = rpt_test_read_file (path, NULL);
    ck_assert_str_eq (now, theirs);
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  rpt_test_wait_until ((dialog = rpt_test_find_dialog (GTK_WINDOW (window))) != NULL);
  rpt_test_respond (dialog, "save");
  rpt_test_wait_until (g_str_equal (gtk_window_get_title (GTK_WINDOW (window)), "summit.json — Repartee"));
  {
    gsize saved_len;
    g_autofree char *saved = rpt_test_read_file (path, &saved_len);

    ck_assert_uint_eq (saved_len, expected_len);
    ck_assert (memcmp (saved, expected, saved_len) == 0);
  }
  rpt_test_close_discarding (window);
  rpt_test_wait_until (count_files (".json") == 0);
}
END_TEST

static Suite *
recovery_suite (void)
{
  Suite *s = suite_create ("window-recovery");
  TCase *tc = tcase_create ("recovery");

  tcase_set_timeout (tc, 240);
  tcase_add_test (tc, test_live_copy_written_and_removed);
  tcase_add_test (tc, test_restore_over_changed_file_asks);
  tcase_add_test (tc, test_restore_after_kill);
  tcase_add_test (tc, test_restore_saved_project_later_then_discard);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3]);

  self_path = argv[0];
  rpt_test_app_init ();
  return rpt_test_run (recovery_suite ());
}
