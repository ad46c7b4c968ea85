/* test-window-replace.c: the window never writes over something without
 * saying so (docs/RELIABILITY.md, "Nothing overwritten by mistake"): Save
 * As over a read-only file, another user's file, or a name the file
 * chooser did not ask about, asks "Replace …?" (Cancel by default, Escape
 * cancels) but does not ask twice what the chooser asked; Export never
 * writes over the open project's file.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rpt-export-dialog.h"
#include "rpt-test-util.h"
#include "rpt-test-window.h"

#define ARTICLE \
  "Harbour talks go on\n" \
  "\n" \
  "The harbour master said the new pier would open in June. " \
  "\"Not this June,\" said the mayor.\n"

/* A fresh folder for each test. */
RPT_TEST_TMPDIR_FIXTURE (dir)

/* A window with one imported article: unsaved changes. */
static RptWindow *
window_with_article (void)
{
  RptWindow *window = rpt_test_new_window ();
  g_autofree char *path = rpt_test_write_file (dir, "harbour.txt", ARTICLE, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GFile *files[] = { file };

  rpt_window_open_files (window, files, 1);
  rpt_test_wait_until (g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (window))) == 1);
  return window;
}

static AdwMessageDialog *
wait_for_dialog (GtkWindow *parent)
{
  AdwMessageDialog *dialog;

  rpt_test_wait_until ((dialog = rpt_test_find_dialog (parent)) != NULL);
  return dialog;
}

static void
assert_replace_question (AdwMessageDialog *dialog,
                         const char       *heading,
                         const char       *body_part)
{
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), heading);
  ck_assert_msg (strstr (adw_message_dialog_get_body (dialog), body_part) != NULL,
                 "%s", adw_message_dialog_get_body (dialog));
  ck_assert_str_eq (adw_message_dialog_get_default_response (dialog), "cancel");
}

static void
assert_file_is (const char *path,
                const char *contents)
{
  g_autofree char *now = rpt_test_read_file (path, NULL);

  ck_assert_str_eq (now, contents);
}

/* Escape on the question keeps the file, and the work stays unsaved. */
static void
escape (RptWindow        *window,
        AdwMessageDialog *dialog)
{
  ck_assert (rpt_test_send_key (GTK_WINDOW (dialog), GDK_KEY_Escape, 0));
  rpt_test_wait_until (rpt_test_find_dialog (GTK_WINDOW (window)) == NULL);
  rpt_test_spin (100);
  ck_assert (rpt_project_get_dirty (rpt_window_get_project (window)));
}

START_TEST (test_save_as_over_read_only_file)
{
  RptWindow *window = window_with_article ();
  g_autofree char *path = rpt_test_write_file (dir, "locked.json", "kept", -1);
  struct stat st;

  g_chmod (path, 0444);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  rpt_test_answer_save_chooser (path);
  assert_replace_question (wait_for_dialog (GTK_WINDOW (window)), "Replace “locked.json”?",
                           "locked.json is read-only");
  escape (window, rpt_test_find_dialog (GTK_WINDOW (window)));
  assert_file_is (path, "kept");
  ck_assert (rpt_window_get_file (window) == NULL);

  /* Replace: saved, and still read-only as the user had it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  rpt_test_answer_save_chooser (path);
  rpt_test_respond (wait_for_dialog (GTK_WINDOW (window)), "replace");
  rpt_test_wait_until (!rpt_project_get_dirty (rpt_window_get_project (window)));
  {
    g_autofree char *data = rpt_test_read_file (path, NULL);
    ck_assert (g_str_has_prefix (data, "{"));
  }
  ck_assert (stat (path, &st) == 0);
  ck_assert_int_eq (st.st_mode & 0777, 0444);
  rpt_test_close_discarding (window);
}
END_TEST

START_TEST (test_save_as_over_another_users_file)
{
  RptWindow *window;
  g_autofree char *path = rpt_test_write_file (dir, "theirs.json", "theirs", -1);

  /* Only root can give a file away. */
  if (geteuid () != 0)
    return;
  ck_assert (chown (path, 65534, 65534) == 0);
  window = window_with_article ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  rpt_test_answer_save_chooser (path);
  assert_replace_question (wait_for_dialog (GTK_WINDOW (window)), "Replace “theirs.json”?",
                           "theirs.json belongs to another user");
  rpt_test_respond (rpt_test_find_dialog (GTK_WINDOW (window)), "cancel");
  rpt_test_spin (100);
  assert_file_is (path, "theirs");
  ck_assert (rpt_project_get_dirty (rpt_window_get_project (window)));
  rpt_test_close_discarding (window);
}
END_TEST

/* The chooser asked about "notes"; "notes.json" is what would be written. */
START_TEST (test_save_as_added_extension_asks)
{
  RptWindow *window = window_with_article ();
  g_autofree char *path = rpt_test_write_file (dir, "notes.json", "my notes", -1);
  g_autofree char *typed = g_build_filename (dir, "notes", NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  ck_assert (!rpt_test_answer_save_chooser (typed));
  assert_replace_question (wait_for_dialog (GTK_WINDOW (window)), "Replace “notes.json”?", "notes.json exists");
  rpt_test_respond (rpt_test_find_dialog (GTK_WINDOW (window)), "cancel");
  rpt_test_spin (100);
  assert_file_is (path, "my notes");
  ck_assert (rpt_window_get_file (window) == NULL);
  rpt_test_close_discarding (window);
}
END_TEST

/* An existing file of the user's: the chooser's question is the only one. */
START_TEST (test_save_as_asks_once)
{
  RptWindow *window = window_with_article ();
  g_autofree char *path = rpt_test_write_file (dir, "old.json", "old", -1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  /* GTK 4.8's chooser asks "A file named … already exists" itself. */
  ck_assert (rpt_test_answer_save_chooser (path));
  rpt_test_wait_until (!rpt_project_get_dirty (rpt_window_get_project (window)) ||
                       rpt_test_find_dialog (GTK_WINDOW (window)) != NULL);
  ck_assert_msg (rpt_test_find_dialog (GTK_WINDOW (window)) == NULL, "asked twice");
  {
    g_autofree char *data = rpt_test_read_file (path, NULL);
    ck_assert (g_str_has_prefix (data, "{"));
  }
  rpt_test_close_discarding (window);
}
END_TEST

/* The window's Export knows the open project's file and never writes over
 * it; Escape on its question keeps an existing file. */
START_TEST (test_export_never_over_the_project)
{
  RptWindow *window = window_with_article ();
  g_autofree char *path = g_build_filename (dir, "harbour.json", NULL);
  g_autofree char *other = rpt_test_write_file (dir, "other.jsonl", "mine", -1);
  g_autofree char *saved = NULL;
  GtkWindow *dialog;
  AdwMessageDialog *message;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  rpt_test_answer_save_chooser (path);
  rpt_test_wait_until (!rpt_project_get_dirty (rpt_window_get_project (window)));
  saved = rpt_test_read_file (path, NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  rpt_test_wait_until ((dialog = rpt_test_find_toplevel (RPT_TYPE_EXPORT_DIALOG)) != NULL);
  g_object_set (dialog, "format", "jsonl", "destination", path, NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.run", NULL);
  message = wait_for_dialog (dialog);
  ck_assert_str_eq (adw_message_dialog_get_heading (message), "Could Not Export");
  ck_assert_msg (strstr (adw_message_dialog_get_body (message), "“harbour.json” is the open project’s file"),
                 "%s", adw_message_dialog_get_body (message));
  rpt_test_respond (message, "close");
  rpt_test_spin (100);
  assert_file_is (path, saved);

  /* Escape on "Replace …?" keeps the file. */
  g_object_set (dialog, "destination", other, NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.run", NULL);
  message = wait_for_dialog (dialog);
  assert_replace_question (message, "Replace “other.jsonl”?", "other.jsonl exists");
  ck_assert (rpt_test_send_key (GTK_WINDOW (message), GDK_KEY_Escape, 0));
  rpt_test_wait_until (rpt_test_find_dialog (dialog) == NULL);
  rpt_test_spin (200);
  assert_file_is (other, "mine");

  gtk_window_destroy (dialog);
  rpt_test_close_discarding (window);
}
END_TEST

static Suite *
replace_suite (void)
{
  Suite *s = suite_create ("window-replace");
  TCase *tc = tcase_create ("replace");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_save_as_over_read_only_file);
  tcase_add_test (tc, test_save_as_over_another_users_file);
  tcase_add_test (tc, test_save_as_added_extension_asks);
  tcase_add_test (tc, test_save_as_asks_once);
  tcase_add_test (tc, test_export_never_over_the_project);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_APP_MAIN (replace_suite)
