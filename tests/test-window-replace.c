/* test-window-replace.c: the window never writes over something without
 * saying so (docs/RELIABILITY.md, "Nothing overwritten by mistake"): Save
 * As over a read-only file, another user's file, or a name the file
 * chooser did not ask about, asks "Replace …?" (Cancel by default, Escape
 * cancels) but does not ask twice what the chooser asked; plain Save of a
 * project whose file became read-only or another user's asks the same
 * (with Save As… besides); Export never writes over the open project's
 * file.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rpt-export-dialog.h"
#include "rpt-recovery.h"
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
  assert_replace_question (rpt_test_wait_for_dialog (GTK_WINDOW (window)), "Replace “locked.json”?",
                           "locked.json is read-only");
  escape (window, rpt_test_find_dialog (GTK_WINDOW (window)));
  assert_file_is (path, "kept");
  ck_assert (rpt_window_get_file (window) == NULL);

  /* Replace: saved, and still read-only as the user had it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  rpt_test_answer_save_chooser (path);
  rpt_test_respond (rpt_test_wait_for_dialog (GTK_WINDOW (window)), "replace");
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
  assert_replace_question (rpt_test_wait_for_dialog (GTK_WINDOW (window)), "Replace “theirs.json”?",
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
  assert_replace_question (rpt_test_wait_for_dialog (GTK_WINDOW (window)), "Replace “notes.json”?", "notes.json exists");
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

/* ---- Plain Save of a project opened from its file ---- */

#define SECOND \
  "Pier delayed again\n" \
  "\n" \
  "The council said the pier would not open this year.\n"

/* Saves a project with one article as @name, and opens it in a new
 * window once @prepare (chmod, chown) has been done to the file. */
static RptWindow *
open_project (const char  *name,
              void       (*prepare) (const char *path),
              char       **path_out)
{
  RptWindow *window = window_with_article ();
  g_autofree char *path = g_build_filename (dir, name, NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  rpt_test_answer_save_chooser (path);
  rpt_test_wait_until (!rpt_project_get_dirty (rpt_window_get_project (window)));
  rpt_test_close_discarding (window);
  prepare (path);

  window = rpt_test_new_window ();
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    GFile *files[] = { file };

    rpt_window_open_files (window, files, 1);
  }
  rpt_test_wait_until (rpt_window_get_file (window) != NULL &&
                       g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (window))) == 1);
  *path_out = g_steal_pointer (&path);
  return window;
}

/* An edit: a second article, so the project is dirty. */
static void
edit (RptWindow *window)
{
  g_autofree char *path = rpt_test_write_file (dir, "pier.txt", SECOND, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GFile *files[] = { file };

  rpt_window_open_files (window, files, 1);
  rpt_test_wait_until (g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (window))) == 2);
  ck_assert (rpt_project_get_dirty (rpt_window_get_project (window)));
}

/* Save through the action (or Ctrl+S): the question, never a write. */
static AdwMessageDialog *
save_asks (RptWindow  *window,
           gboolean    shortcut,
           const char *heading,
           const char *body_part)
{
  AdwMessageDialog *dialog;

  if (shortcut)
    ck_assert (rpt_test_send_key (GTK_WINDOW (window), GDK_KEY_s, GDK_CONTROL_MASK));
  else
    gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  rpt_test_wait_until (!rpt_project_get_dirty (rpt_window_get_project (window)) ||
                       rpt_test_find_dialog (GTK_WINDOW (window)) != NULL);
  dialog = rpt_test_find_dialog (GTK_WINDOW (window));
  ck_assert_msg (dialog != NULL, "Save replaced the file without asking");
  assert_replace_question (dialog, heading, body_part);
  ck_assert (adw_message_dialog_has_response (dialog, "save-as"));
  ck_assert_str_eq (adw_message_dialog_get_close_response (dialog), "cancel");
  return dialog;
}

START_TEST (test_save_over_read_only_project)
{
  g_autofree char *path = NULL;
  RptWindow *window = open_project ("locked.json", rpt_test_make_read_only, &path);
  g_autofree char *before = rpt_test_read_file (path, NULL);
  struct stat st;

  edit (window);

  /* Cancel, by the button: nothing written, the work still unsaved. */
  rpt_test_respond (save_asks (window, FALSE, "Replace “locked.json”?", "locked.json is read-only"), "cancel");
  rpt_test_spin (100);
  assert_file_is (path, before);
  ck_assert (rpt_project_get_dirty (rpt_window_get_project (window)));

  /* Escape, after Ctrl+S: the same. */
  escape (window, save_asks (window, TRUE, "Replace “locked.json”?", "locked.json is read-only"));
  assert_file_is (path, before);
  /* The question does not stop the recovery copy of the unsaved work. */
  rpt_test_wait_until (rpt_test_recovery_is_current (window));

  /* Replace: written, and still read-only as the user had it. */
  rpt_test_respond (save_asks (window, FALSE, "Replace “locked.json”?", "locked.json is read-only"), "replace");
  rpt_test_wait_until (!rpt_project_get_dirty (rpt_window_get_project (window)));
  {
    g_autofree char *data = rpt_test_read_file (path, NULL);

    ck_assert_msg (strstr (data, "Pier delayed again") != NULL, "the edit was not saved");
  }
  ck_assert (stat (path, &st) == 0);
  ck_assert_int_eq (st.st_mode & 0777, 0444);
  rpt_test_close_discarding (window);
}
END_TEST

/* Save As… from the question keeps the read-only file and saves elsewhere. */
START_TEST (test_save_read_only_project_elsewhere)
{
  g_autofree char *path = NULL;
  RptWindow *window = open_project ("locked.json", rpt_test_make_read_only, &path);
  g_autofree char *before = rpt_test_read_file (path, NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.json", NULL);
  g_autofree char *copy_path = NULL;

  edit (window);
  rpt_test_respond (save_asks (window, FALSE, "Replace “locked.json”?", "locked.json is read-only"), "save-as");
  ck_assert (!rpt_test_answer_save_chooser (copy));
  rpt_test_wait_until (!rpt_project_get_dirty (rpt_window_get_project (window)));
  assert_file_is (path, before);
  copy_path = g_file_get_path (rpt_window_get_file (window));
  ck_assert_str_eq (copy_path, copy);
  {
    g_autofree char *data = rpt_test_read_file (copy, NULL);

    ck_assert (strstr (data, "Pier delayed again") != NULL);
  }
  rpt_test_close_discarding (window);
}
END_TEST

START_TEST (test_save_over_another_users_project)
{
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  RptWindow *window;

  /* Only root can give a file away. */
  if (geteuid () != 0)
    return;
  window = open_project ("theirs.json", rpt_test_give_away, &path);
  before = rpt_test_read_file (path, NULL);
  edit (window);

  rpt_test_respond (save_asks (window, FALSE, "Replace “theirs.json”?", "theirs.json belongs to another user"),
                    "cancel");
  rpt_test_spin (100);
  assert_file_is (path, before);
  ck_assert (rpt_project_get_dirty (rpt_window_get_project (window)));

  escape (window, save_asks (window, TRUE, "Replace “theirs.json”?", "theirs.json belongs to another user"));
  assert_file_is (path, before);

  rpt_test_respond (save_asks (window, FALSE, "Replace “theirs.json”?", "theirs.json belongs to another user"),
                    "replace");
  rpt_test_wait_until (!rpt_project_get_dirty (rpt_window_get_project (window)));
  {
    g_autofree char *data = rpt_test_read_file (path, NULL);

    ck_assert (strstr (data, "Pier delayed again") != NULL);
  }
  rpt_test_close_discarding (window);
}
END_TEST

/* "Save" on "Save Changes?" (closing the window) asks too; Cancel keeps
 * the window open, its work unsaved and the file as it was. */
START_TEST (test_close_saving_read_only_project_asks)
{
  g_autofree char *path = NULL;
  RptWindow *window = open_project ("locked.json", rpt_test_make_read_only, &path);
  g_autofree char *before = rpt_test_read_file (path, NULL);
  AdwMessageDialog *dialog;

  edit (window);
  gtk_window_close (GTK_WINDOW (window));
  dialog = rpt_test_wait_for_dialog (GTK_WINDOW (window));
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Save Changes?");
  rpt_test_respond (dialog, "save");
  /* Before the question, the window saved over the file and closed. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  rpt_test_wait_until (window == NULL ||
                       ((dialog = rpt_test_find_dialog (GTK_WINDOW (window))) != NULL &&
                        g_strcmp0 (adw_message_dialog_get_heading (dialog), "Save Changes?") != 0));
  ck_assert_msg (window != NULL, "the window replaced the read-only file and closed");
  g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  assert_replace_question (dialog, "Replace “locked.json”?", "locked.json is read-only");
  rpt_test_respond (dialog, "cancel");
  rpt_test_spin (200);
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (window)));
  assert_file_is (path, before);
  ck_assert (rpt_project_get_dirty (rpt_window_get_project (window)));
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
  message = rpt_test_wait_for_dialog (dialog);
  ck_assert_str_eq (adw_message_dialog_get_heading (message), "Could Not Export");
  ck_assert_msg (strstr (adw_message_dialog_get_body (message), "“harbour.json” is the open project’s file"),
                 "%s", adw_message_dialog_get_body (message));
  rpt_test_respond (message, "close");
  rpt_test_spin (100);
  assert_file_is (path, saved);

  /* Escape on "Replace …?" keeps the file. */
  g_object_set (dialog, "destination", other, NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.run", NULL);
  message = rpt_test_wait_for_dialog (dialog);
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
  tcase_add_test (tc, test_save_over_read_only_project);
  tcase_add_test (tc, test_save_read_only_project_elsewhere);
  tcase_add_test (tc, test_save_over_another_users_project);
  tcase_add_test (tc, test_close_saving_read_only_project_asks);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_APP_MAIN (replace_suite)
