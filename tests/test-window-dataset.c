/* test-window-dataset.c: Import Dataset from the primary menu's action,
 * through the file chooser: a JSON Lines file becomes a new, unsaved
 * project after the unsaved-changes prompt; a bad record is refused with
 * its file, line and reason and the open project stays; Skip Bad Records
 * imports the rest and shows the warning; a name that does not tell the
 * format asks for it; a brat collection comes in through its
 * annotation.conf.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rpt-test-util.h"
#include "rpt-test-window.h"

#define TASKS \
  "{\"id\": \"vote\", \"text\": \"The mayor said the vote was fair. The critic said it was not.\", " \
  "\"label\": [[4, 33, \"Claim\"], [34, 61, \"Rebuttal\"]]}\n" \
  "{\"id\": \"ferry\", \"text\": \"Fares stay frozen, joked nobody.\", \"label\": [[0, 17, \"Claim\"]]}\n"

#define BAD \
  "{\"id\": \"vote\", \"text\": \"The mayor said the vote was fair.\", \"label\": [[4, 33, \"Claim\"]]}\n" \
  "{\"id\": \"short\", \"text\": \"A short one.\", \"label\": [[2, 99, \"Claim\"]]}\n"

/* A fresh folder for each test. */
RPT_TEST_TMPDIR_FIXTURE (dir)

/* Runs Import Dataset and answers its chooser (the GtkFileChooserDialog
 * fallback) with @path. */
static void
import_dataset (RptWindow  *window,
                const char *path)
{
  GtkWindow *chooser;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-dataset", NULL));
  rpt_test_wait_until ((chooser = rpt_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL);
  ck_assert_str_eq (gtk_window_get_title (chooser), "Import Dataset");
  ck_assert (gtk_file_chooser_get_select_multiple (GTK_FILE_CHOOSER (chooser)));
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  rpt_test_wait_until (rpt_test_select_file (GTK_FILE_CHOOSER (chooser), file));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  rpt_test_wait_until (rpt_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
}

static guint
n_documents (RptWindow *window)
{
  return g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (window)));
}

static const char *
label_name (RptProject    *project,
            RptAnnotation *annotation)
{
  return rpt_label_get_name (rpt_project_get_label (project, rpt_annotation_get_label (annotation)));
}


START_TEST (test_import_dataset_replaces_project)
{
  g_autofree char *tasks = rpt_test_write_file (dir, "tasks.jsonl", TASKS, -1);
  g_autofree char *article = rpt_test_write_file (dir, "note.txt", "An article of mine\n\nUnsaved work.\n", -1);
  g_autoptr(GFile) article_file = g_file_new_for_path (article);
  RptWindow *window = rpt_test_new_window ();
  RptProject *before;
  RptProject *project;
  RptAnnotationStore *store;
  AdwMessageDialog *dialog;

  /* Unsaved work first: the import asks as Open does; Cancel keeps it. */
  rpt_window_open_files (window, &article_file, 1);
  rpt_test_wait_until (n_documents (window) == 1);
  before = rpt_window_get_project (window);
  import_dataset (window, tasks);
  dialog = rpt_test_wait_for_dialog (GTK_WINDOW (window));
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Save Changes?");
  rpt_test_respond (dialog, "cancel");
  rpt_test_spin (300);
  ck_assert_ptr_eq (rpt_window_get_project (window), before);

  /* Discard: a new project from the dataset, not saved anywhere yet. */
  import_dataset (window, tasks);
  rpt_test_respond (rpt_test_wait_for_dialog (GTK_WINDOW (window)), "discard");
  rpt_test_wait_until (rpt_window_get_project (window) != before);
  project = rpt_window_get_project (window);
  ck_assert_uint_eq (n_documents (window), 2);
  ck_assert_ptr_null (rpt_project_get_document (project, "note"));
  ck_assert_str_eq (rpt_document_get_text (rpt_project_get_document (project, "vote")),
                    "The mayor said the vote was fair. The critic said it was not.");
  store = rpt_project_get_annotations (project, "vote");
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (store), 2);
  ck_assert_uint_eq (rpt_annotation_get_start (rpt_annotation_store_get (store, 1)), 34);
  ck_assert_uint_eq (rpt_annotation_get_end (rpt_annotation_store_get (store, 1)), 61);
  ck_assert_str_eq (label_name (project, rpt_annotation_store_get (store, 1)), "Rebuttal");
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), 3);
  ck_assert_ptr_null (rpt_window_get_file (window));
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "• tasks — Repartee");
  rpt_test_wait_until (rpt_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                             "Imported 2 articles with 3 annotations") != NULL);

  /* Unsaved: closing asks. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = rpt_test_wait_for_dialog (GTK_WINDOW (window));
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Save Changes?");
  rpt_test_respond (dialog, "discard");
  rpt_test_spin (300);
}
END_TEST

START_TEST (test_import_dataset_refused_then_skipped)
{
  g_autofree char *bad = rpt_test_write_file (dir, "bad.jsonl", BAD, -1);
  RptWindow *window = rpt_test_new_window ();
  RptProject *before = rpt_window_get_project (window);
  RptProject *project;
  AdwMessageDialog *dialog;

  /* Refused with its file, line and reason; nothing replaced. */
  import_dataset (window, bad);
  dialog = rpt_test_wait_for_dialog (GTK_WINDOW (window));
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Could Not Import Dataset");
  {
    g_autofree char *expected = g_strconcat (bad, ": line 2: label[0]: the end 99 is past the end of the text (12 characters)", NULL);
    ck_assert_str_eq (adw_message_dialog_get_body (dialog), expected);
  }
  ck_assert_ptr_eq (rpt_window_get_project (window), before);

  /* Skip Bad Records: the rest comes in, and the warning names the line. */
  rpt_test_respond (dialog, "skip");
  rpt_test_wait_until (rpt_window_get_project (window) != before);
  project = rpt_window_get_project (window);
  ck_assert_uint_eq (n_documents (window), 1);
  ck_assert_ptr_nonnull (rpt_project_get_document (project, "vote"));
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), 1);
  dialog = rpt_test_wait_for_dialog (GTK_WINDOW (window));
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Dataset Imported with Warnings");
  ck_assert_msg (strstr (adw_message_dialog_get_body (dialog), "bad.jsonl: line 2") != NULL,
                 "%s", adw_message_dialog_get_body (dialog));
  rpt_test_respond (dialog, "close");
  rpt_test_close_discarding (window);
}
END_TEST

START_TEST (test_import_dataset_asks_format)
{
  g_autofree char *odd = rpt_test_write_file (dir, "export.data", TASKS, -1);
  RptWindow *window = rpt_test_new_window ();
  RptProject *before = rpt_window_get_project (window);
  AdwMessageDialog *dialog;

  import_dataset (window, odd);
  dialog = rpt_test_wait_for_dialog (GTK_WINDOW (window));
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Which Format?");
  ck_assert (adw_message_dialog_has_response (dialog, "label-studio"));
  ck_assert (adw_message_dialog_has_response (dialog, "brat"));
  rpt_test_respond (dialog, "jsonl");
  /* A blank window has nothing to lose: no prompt. */
  rpt_test_wait_until (rpt_window_get_project (window) != before);
  ck_assert_uint_eq (n_documents (window), 2);
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "• export — Repartee");
  rpt_test_close_discarding (window);
}
END_TEST

/* A brat collection: its annotation.conf stands for the whole folder. */
START_TEST (test_import_brat_collection)
{
  g_autofree char *folder = g_build_filename (dir, "harbour", NULL);
  g_autofree char *conf = NULL;
  RptWindow *window = rpt_test_new_window ();
  RptProject *before = rpt_window_get_project (window);
  RptProject *project;
  RptAnnotation *a;

  ck_assert_int_eq (g_mkdir (folder, 0700), 0);
  g_free (rpt_test_write_file (folder, "one.txt", "The mayor said yes. The critic said no.", -1));
  g_free (rpt_test_write_file (folder, "one.ann", "T1\tClaim 4 19\tmayor said yes.\nT2\tRebuttal 20 39\tThe critic said no.\n", -1));
  g_free (rpt_test_write_file (folder, "two.txt", "Ferries run late.", -1));
  g_free (rpt_test_write_file (folder, "two.ann", "T1\tClaim 0 7\tFerries\n", -1));
  conf = rpt_test_write_file (folder, "annotation.conf", "[entities]\nClaim\nRebuttal\n[relations]\n[events]\n[attributes]\n", -1);

  import_dataset (window, conf);
  rpt_test_wait_until (rpt_window_get_project (window) != before);
  project = rpt_window_get_project (window);
  ck_assert_uint_eq (n_documents (window), 2);
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), 3);
  a = rpt_annotation_store_get (rpt_project_get_annotations (project, "one"), 1);
  ck_assert_uint_eq (rpt_annotation_get_start (a), 20);
  ck_assert_str_eq (label_name (project, a), "Rebuttal");
  ck_assert_str_eq (rpt_document_get_text (rpt_project_get_document (project, "two")), "Ferries run late.");
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "• harbour — Repartee");
  rpt_test_close_discarding (window);
}
END_TEST

static Suite *
dataset_suite (void)
{
  Suite *s = suite_create ("window-dataset");
  TCase *tc = tcase_create ("dataset");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_import_dataset_replaces_project);
  tcase_add_test (tc, test_import_dataset_refused_then_skipped);
  tcase_add_test (tc, test_import_dataset_asks_format);
  tcase_add_test (tc, test_import_brat_collection);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_APP_MAIN (dataset_suite)
