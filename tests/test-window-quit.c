/* test-window-quit.c: quitting and closing as a user does. app.quit (Ctrl+Q)
 * with one and with two windows, each with a project, one with unsaved
 * changes answered in its "Save Changes?" dialog; Escape on that dialog,
 * and closing it, keep the work; a project that fails to open does not
 * become a recent project.
 * Run under AddressSanitizer with G_SLICE=always-malloc (as the sanitizer
 * suite does), the quit tests catch a walk over a list that closing a
 * window changes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rpt-test-util.h"
#include "rpt-test-window.h"

#define ARTICLE_A \
  "Ministers trade words at the lake summit\n" \
  "\n" \
  "The Norland minister said the new bridge would open next spring. " \
  "\"Only if you count the winters twice,\" replied the Sudmark minister.\n"

#define ARTICLE_B \
  "Ferry fares frozen for the winter\n" \
  "\n" \
  "The ferry company said fares would not rise before March.\n"

RPT_TEST_TMPDIR_FIXTURE (dir)

/* @name in the test folder: a saved project holding ARTICLE_A. */
static GFile *
write_project (const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(RptDocument) document = rpt_document_new ("lake-summit", "Ministers trade words",
                                                      "lake-summit.txt", ARTICLE_A);

  ck_assert (rpt_project_add_document (project, document, NULL));
  ck_assert (rpt_project_save_to_file (project, path, NULL));
  return g_file_new_for_path (path);
}

/* A new window with @project open; with @article, that article is
 * imported too, so the project has unsaved changes. */
static RptWindow *
window_with (GFile *project,
             GFile *article)
{
  RptWindow *window = rpt_test_new_window ();
  GFile *files[2] = { project, article };
  guint expected = article ? 2 : 1;

  rpt_window_open_files (window, files, article ? 2 : 1);
  rpt_test_wait_until (rpt_window_get_file (window) != NULL
                       && g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (window))) == expected);
  ck_assert (g_file_equal (rpt_window_get_file (window), project));
  ck_assert (rpt_project_get_dirty (rpt_window_get_project (window)) == (article != NULL));
  return window;
}

static guint
count_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (rpt_test_app ())); l; l = l->next)
    n += RPT_IS_WINDOW (l->data);
  return n;
}

static void
quit (void)
{
  /* What Ctrl+Q and the menu's Quit do. */
  ck_assert (g_action_group_has_action (G_ACTION_GROUP (rpt_test_app ()), "quit"));
  g_action_group_activate_action (G_ACTION_GROUP (rpt_test_app ()), "quit", NULL);
}

/* ---- Quit ---- */

START_TEST (test_quit_one_window)
{
  g_autoptr(GFile) file = write_project ("one.json");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *before = rpt_test_read_file (path, NULL);
  RptWindow *window = window_with (file, NULL);
  GtkWidget *weak = GTK_WIDGET (window);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  ck_assert_uint_eq (count_windows (), 1);

  /* Saved: it closes without asking, and the application has no window left. */
  quit ();
  rpt_test_wait_until (weak == NULL);
  ck_assert_uint_eq (count_windows (), 0);
  ck_assert_ptr_null (gtk_application_get_windows (GTK_APPLICATION (rpt_test_app ())));
  {
    g_autofree char *after = rpt_test_read_file (path, NULL);
    ck_assert_str_eq (after, before);
  }
}
END_TEST

START_TEST (test_quit_two_windows)
{
  g_autoptr(GFile) saved_file = write_project ("saved.json");
  g_autoptr(GFile) edited_file = write_project ("edited.json");
  g_autoptr(GFile) article = rpt_test_write_gfile (dir, "ferry.txt", ARTICLE_B);
  g_autofree char *saved_path = g_file_get_path (saved_file);
  g_autofree char *edited_path = g_file_get_path (edited_file);
  g_autofree char *saved_before = rpt_test_read_file (saved_path, NULL);
  RptWindow *saved = window_with (saved_file, NULL);
  RptWindow *edited = window_with (edited_file, article);
  GtkWidget *weak_saved = GTK_WIDGET (saved);
  GtkWidget *weak_edited = GTK_WIDGET (edited);
  g_autoptr(RptProject) reloaded = NULL;
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (saved), (gpointer *) &weak_saved);
  g_object_add_weak_pointer (G_OBJECT (edited), (gpointer *) &weak_edited);
  ck_assert_uint_eq (count_windows (), 2);

  /* The saved window closes; the edited one asks about its changes. */
  quit ();
  dialog = rpt_test_wait_for_dialog (GTK_WINDOW (edited));
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Save Changes?");
  ck_assert (strstr (adw_message_dialog_get_body (dialog), "edited.json") != NULL);
  rpt_test_wait_until (weak_saved == NULL);
  ck_assert_ptr_nonnull (weak_edited);

  /* Save, as the user clicks it: the changes reach the file, then it closes. */
  rpt_test_respond (dialog, "save");
  rpt_test_wait_until (weak_edited == NULL);
  ck_assert_ptr_null (gtk_application_get_windows (GTK_APPLICATION (rpt_test_app ())));
  reloaded = rpt_project_load_from_file (edited_path, NULL);
  ck_assert_ptr_nonnull (reloaded);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (reloaded)), 2);
  ck_assert_ptr_nonnull (rpt_project_get_document (reloaded, "ferry"));
  {
    g_autofree char *saved_after = rpt_test_read_file (saved_path, NULL);
    ck_assert_str_eq (saved_after, saved_before);
  }
}
END_TEST

START_TEST (test_quit_cancelled_keeps_window)
{
  g_autoptr(GFile) clean_file = write_project ("clean.json");
  g_autoptr(GFile) edited_file = write_project ("kept.json");
  g_autoptr(GFile) article = rpt_test_write_gfile (dir, "ferry.txt", ARTICLE_B);
  g_autofree char *edited_path = g_file_get_path (edited_file);
  g_autofree char *edited_before = rpt_test_read_file (edited_path, NULL);
  RptWindow *edited = window_with (edited_file, article);
  RptWindow *clean = window_with (clean_file, NULL);
  GtkWidget *weak_clean = GTK_WIDGET (clean);
  GtkWidget *weak_edited = GTK_WIDGET (edited);

  g_object_add_weak_pointer (G_OBJECT (clean), (gpointer *) &weak_clean);
  g_object_add_weak_pointer (G_OBJECT (edited), (gpointer *) &weak_edited);

  /* Cancel: the window with unsaved work stays, with its work. */
  quit ();
  rpt_test_respond (rpt_test_wait_for_dialog (GTK_WINDOW (edited)), "cancel");
  rpt_test_wait_until (weak_clean == NULL);
  rpt_test_spin (100);
  ck_assert_ptr_nonnull (weak_edited);
  ck_assert (rpt_project_get_dirty (rpt_window_get_project (edited)));
  ck_assert_uint_eq (count_windows (), 1);
  {
    g_autofree char *after = rpt_test_read_file (edited_path, NULL);
    ck_assert_str_eq (after, edited_before);
  }

  /* Quit again, Discard: the file is as it was. */
  quit ();
  rpt_test_respond (rpt_test_wait_for_dialog (GTK_WINDOW (edited)), "discard");
  rpt_test_wait_until (weak_edited == NULL);
  ck_assert_uint_eq (count_windows (), 0);
  {
    g_autofree char *after = rpt_test_read_file (edited_path, NULL);
    ck_assert_str_eq (after, edited_before);
  }
}
END_TEST

/* ---- Escape on "Save Changes?" ---- */

/* Asserts that @window (held by the test, so that it can be asked even
 * if it was closed) is still open with @project, unsaved, and that the
 * file at @path still holds @before. */
static void
assert_work_kept (RptWindow  *window,
                  RptProject *project,
                  const char *path,
                  const char *before)
{
  g_autofree char *after = NULL;

  ck_assert_msg (gtk_widget_get_visible (GTK_WIDGET (window)), "the window was closed");
  ck_assert_uint_eq (count_windows (), 1);
  ck_assert_ptr_eq (rpt_window_get_project (window), project);
  ck_assert (rpt_project_get_dirty (project));
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (project)), 2);
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "• escape.json — Repartee");
  after = rpt_test_read_file (path, NULL);
  ck_assert_str_eq (after, before);
}

/* Dismisses the dialog @window shows, as a user does without choosing:
 * Escape, or the window manager's close (gtk_window_close). */
static void
dismiss_dialog (RptWindow *window,
                gboolean   escape)
{
  AdwMessageDialog *dialog = rpt_test_wait_for_dialog (GTK_WINDOW (window));
  GtkWidget *weak = GTK_WIDGET (dialog);

  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Save Changes?");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
  if (escape)
    ck_assert_msg (rpt_test_send_key (GTK_WINDOW (dialog), GDK_KEY_Escape, 0), "Escape was not handled");
  else
    gtk_window_close (GTK_WINDOW (dialog));
  rpt_test_wait_until (weak == NULL);
  /* Whatever the answer does starts from an idle, and a close waits up to
   * 600 ms for a toast to settle (rpt-window-toasts.c): wait longer. */
  rpt_test_spin (1000);
}

START_TEST (test_escape_keeps_work)
{
  g_autoptr(GFile) file = write_project ("escape.json");
  g_autoptr(GFile) article = rpt_test_write_gfile (dir, "ferry.txt", ARTICLE_B);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *before = rpt_test_read_file (path, NULL);
  RptWindow *window = window_with (file, article);
  RptProject *project = rpt_window_get_project (window);

  g_object_ref (window);

  /* Closing the window asks; Escape keeps the window and its work. */
  gtk_window_close (GTK_WINDOW (window));
  dismiss_dialog (window, TRUE);
  assert_work_kept (window, project, path, before);

  /* So does closing the dialog itself. */
  gtk_window_close (GTK_WINDOW (window));
  dismiss_dialog (window, FALSE);
  assert_work_kept (window, project, path, before);

  /* New and Quit ask the same question, with the same answer. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  dismiss_dialog (window, TRUE);
  assert_work_kept (window, project, path, before);
  quit ();
  dismiss_dialog (window, TRUE);
  assert_work_kept (window, project, path, before);

  g_object_unref (window);
  rpt_test_close_discarding (window);
}
END_TEST

/* ---- Recent projects ---- */

/* Whether Repartee lists @file among its recent projects: the rows of a
 * new window's start page, which is what the user sees. */
static gboolean
start_page_lists (RptWindow *window,
                  GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);

  for (GtkWidget *row = rpt_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, NULL);
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name) == 0)
      return TRUE;
  return FALSE;
}

/* Whether a new window's start page lists @file and not @absent. */
static gboolean
listed_in_new_window (GFile *file,
                      GFile *absent)
{
  RptWindow *window = rpt_test_new_window ();
  gboolean found = start_page_lists (window, file);

  if (found && absent != NULL)
    ck_assert_msg (!start_page_lists (window, absent), "%s is listed as a recent project",
                   g_file_peek_path (absent));
  rpt_test_close_discarding (window);
  return found;
}

/* Whether @file becomes recent: GTK's recent list can take a moment to
 * settle after an add (it rereads the file it writes; under the
 * sanitizers, later), so new windows are opened until it is listed. */
static gboolean
shown_as_recent (GFile *file,
                 GFile *absent)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!listed_in_new_window (file, absent))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      rpt_test_spin (200);
    }
  return TRUE;
}

static gboolean
chooser_has (GtkFileChooser *chooser,
             GFile          *file)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);

  if (chosen && g_file_equal (chosen, file))
    return TRUE;
  gtk_file_chooser_set_file (chooser, file, NULL);
  rpt_test_spin (100);
  return FALSE;
}

/* Opens @file through Open and its file chooser, as the user does. */
static void
open_with_chooser (RptWindow *window,
                   GFile     *file)
{
  GtkWindow *chooser;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL);
  rpt_test_wait_until ((chooser = rpt_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL);
  ck_assert_int_eq (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), GTK_FILE_CHOOSER_ACTION_OPEN);
  rpt_test_wait_until (chooser_has (GTK_FILE_CHOOSER (chooser), file));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  rpt_test_wait_until (rpt_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
}

static void
wait_for_open_error (RptWindow  *window,
                     const char *name)
{
  AdwMessageDialog *dialog;
  g_autofree char *heading = g_strdup_printf ("Could Not Open “%s”", name);

  rpt_test_wait_until ((dialog = rpt_test_find_dialog (GTK_WINDOW (window))) != NULL);
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), heading);
  rpt_test_respond (dialog, "close");
  rpt_test_spin (50);
}

START_TEST (test_failed_open_not_recent)
{
  g_autoptr(GFile) good = write_project ("good.json");
  g_autofree char *broken_path = rpt_test_write_file (dir, "broken.json", "{\"format\": \"repartee-project\"", -1);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GFile) later = write_project ("later.json");
  RptWindow *window = rpt_test_new_window ();

  /* A project that opens becomes recent (so the test can see it)... */
  open_with_chooser (window, good);
  rpt_test_wait_until (rpt_window_get_file (window) != NULL);
  rpt_test_close_discarding (window);
  ck_assert (shown_as_recent (good, NULL));
  window = rpt_test_new_window ();

  /* ...one that fails to open does not, through Open... */
  open_with_chooser (window, broken);
  wait_for_open_error (window, "broken.json");
  ck_assert_ptr_null (rpt_window_get_file (window));

  /* ...nor from the command line or a drop. */
  {
    GFile *files[1] = { broken };

    rpt_window_open_files (window, files, 1);
    wait_for_open_error (window, "broken.json");
  }

  /* A later success is listed; by then anything queued for the failed
   * one would have been too. */
  open_with_chooser (window, later);
  rpt_test_wait_until (rpt_window_get_file (window) != NULL && g_file_equal (rpt_window_get_file (window), later));
  rpt_test_close_discarding (window);
  ck_assert (shown_as_recent (later, broken));
}
END_TEST

static Suite *
quit_suite (void)
{
  Suite *s = suite_create ("window-quit");
  TCase *tc = tcase_create ("quit");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_quit_one_window);
  tcase_add_test (tc, test_quit_two_windows);
  tcase_add_test (tc, test_quit_cancelled_keeps_window);
  tcase_add_test (tc, test_escape_keeps_work);
  tcase_add_test (tc, test_failed_open_not_recent);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_APP_MAIN (quit_suite)
