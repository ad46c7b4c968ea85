/* test-window-import.c: Import Articles takes saved web pages through the
 * file chooser (the article's text shown, the page's metadata kept); a
 * text already in the project, or twice in one import, is asked about:
 * Cancel (the default) imports only the others, Add Anyway all of them,
 * each as one undo step; a bad page is refused with its name and reason
 * and the project stays as it was.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <string.h>

#include "rpt-article-view.h"
#include "rpt-test-util.h"
#include "rpt-test-window.h"
#include "rpt-window-articles.h"

/* A fresh folder for each test. */
RPT_TEST_TMPDIR_FIXTURE (dir)

static guint
n_documents (RptWindow *window)
{
  return g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (window)));
}

static void
import_files (RptWindow   *window,
              const char **names,
              const char **texts)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = rpt_test_write_file (dir, names[i], texts[i], -1);

      g_ptr_array_add (files, g_file_new_for_path (path));
    }
  rpt_window_open_files (window, (GFile **) files->pdata, (int) files->len);
}

/* Runs Import Articles and answers its chooser (the GtkFileChooserDialog
 * fallback) with @path; returns the name of the chooser's first filter. */
static char *
import_through_chooser (RptWindow  *window,
                        const char *path)
{
  GtkWindow *chooser;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GtkFileFilter) first = NULL;

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  rpt_test_wait_until ((chooser = rpt_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL);
  ck_assert_str_eq (gtk_window_get_title (chooser), "Import Articles");
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  first = g_list_model_get_item (filters, 0);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  rpt_test_wait_until (rpt_test_select_file (GTK_FILE_CHOOSER (chooser), file));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  rpt_test_wait_until (rpt_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
  return g_strdup (gtk_file_filter_get_name (first));
}

START_TEST (test_import_web_page)
{
  g_autofree char *source = rpt_test_source_path ("tests/data/portavel-ledger.html");
  g_autofree char *page = rpt_test_read_file (source, NULL);
  g_autofree char *path = rpt_test_write_file (dir, "ledger.html", page, -1);
  RptWindow *window = rpt_test_new_window ();
  g_autofree char *filter = NULL;
  g_autofree char *visible = NULL;
  g_autofree char *shown = NULL;
  RptDocument *document;
  RptArticleView *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  filter = import_through_chooser (window, path);
  ck_assert_str_eq (filter, "Articles (Text and Web Pages)");
  rpt_test_wait_until (n_documents (window) == 1);
  document = rpt_project_get_document (rpt_window_get_project (window), "ledger");
  ck_assert_ptr_nonnull (document);
  ck_assert_str_eq (rpt_document_get_title (document), "Brennecke offers sluice records as Dănescu presses on Serin dam");
  ck_assert_str_eq (rpt_article_meta_get (rpt_document_get_meta (document), RPT_ARTICLE_FIELD_OUTLET),
                    "The Portavel Ledger");
  ck_assert_str_eq (rpt_article_meta_get (rpt_document_get_meta (document), RPT_ARTICLE_FIELD_DATE),
                    "2017-12-14T16:20:00+02:00");

  /* What the user reads: the article's paragraphs, none of the page's
   * furniture; the title in the article list. */
  view = RPT_ARTICLE_VIEW (rpt_test_find_widget (GTK_WIDGET (window), RPT_TYPE_ARTICLE_VIEW, NULL));
  rpt_test_wait_until (rpt_article_view_get_document (view) == document);
  buffer = gtk_text_view_get_buffer (rpt_article_view_get_text_view (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  ck_assert_str_eq (shown, rpt_document_get_text (document));
  ck_assert (g_str_has_prefix (shown, "Brennecke offers sluice records as Dănescu presses on Serin dam\n\n"
                                      "Tressaly’s foreign minister makes the first offer"));
  ck_assert_ptr_null (strstr (shown, "We use cookies"));
  ck_assert_ptr_null (strstr (shown, "riverwatcher"));
  visible = rpt_test_visible_text (GTK_WIDGET (window));
  ck_assert_ptr_nonnull (strstr (visible, "Brennecke offers sluice records"));
  rpt_test_close_discarding (window);
}
END_TEST

START_TEST (test_duplicates_asked_about)
{
  const char *first_names[] = { "lake-summit.txt", NULL };
  const char *first_texts[] = { ARTICLE_A };
  const char *names[] = { "copy.txt", "handshake.txt", NULL };
  const char *texts[] = { ARTICLE_A, ARTICLE_B };
  const char *twin_names[] = { "twin.txt", "twin-again.txt", NULL };
  const char *twin_texts[] = { "Twin report\n\nSaid twice.\n", "Twin report\n\nSaid twice.\n" };
  RptWindow *window = rpt_test_new_window ();
  RptProject *project = rpt_window_get_project (window);
  AdwMessageDialog *dialog;

  import_files (window, first_names, first_texts);
  rpt_test_wait_until (n_documents (window) == 1);

  /* A copy and a new article: asked, naming the article it repeats;
   * Cancel, the default, imports only the new one, as one undo step. */
  import_files (window, names, texts);
  dialog = rpt_test_wait_for_dialog (GTK_WINDOW (window));
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Already in the Project");
  ck_assert_str_eq (adw_message_dialog_get_body (dialog),
                    "“copy.txt” has the same text as “Ministers trade words at the lake summit”.\n\n"
                    "The other article is imported either way.");
  ck_assert_str_eq (adw_message_dialog_get_default_response (dialog), "cancel");
  ck_assert_str_eq (adw_message_dialog_get_response_label (dialog, "add"), "_Add Anyway");
  ck_assert_uint_eq (n_documents (window), 1);
  rpt_test_respond (dialog, "cancel");
  rpt_test_wait_until (n_documents (window) == 2);
  ck_assert_ptr_nonnull (rpt_project_get_document (project, "handshake"));
  ck_assert_ptr_null (rpt_project_get_document (project, "copy"));
  rpt_project_undo (project);
  ck_assert_uint_eq (n_documents (window), 1);

  /* Add Anyway: the copy joins too. */
  import_files (window, names, texts);
  rpt_test_respond (rpt_test_wait_for_dialog (GTK_WINDOW (window)), "add");
  rpt_test_wait_until (n_documents (window) == 3);
  ck_assert_str_eq (rpt_document_get_text (rpt_project_get_document (project, "copy")), ARTICLE_A);
  rpt_project_undo (project);
  ck_assert_uint_eq (n_documents (window), 1);

  /* The same text twice in one import: the second names the first. */
  import_files (window, twin_names, twin_texts);
  dialog = rpt_test_wait_for_dialog (GTK_WINDOW (window));
  ck_assert_str_eq (adw_message_dialog_get_body (dialog),
                    "“twin-again.txt” has the same text as “Twin report”.\n\n"
                    "The other article is imported either way.");
  rpt_test_respond (dialog, "cancel");
  rpt_test_wait_until (n_documents (window) == 2);
  ck_assert_ptr_nonnull (rpt_project_get_document (project, "twin"));
  ck_assert_ptr_null (rpt_project_get_document (project, "twin-again"));
  rpt_test_close_discarding (window);
}
END_TEST

START_TEST (test_bad_page_refused)
{
  const char *names[] = { "notes.html", NULL };
  const char *texts[] = { "Notes about the summit, not a web page.\n" };
  RptWindow *window = rpt_test_new_window ();
  RptProject *project = rpt_window_get_project (window);
  g_autofree char *expected = g_strdup_printf ("%s/notes.html: the file is not HTML: a web page starts with a tag "
                                               "such as <!DOCTYPE html> or <html>", dir);
  AdwMessageDialog *dialog;

  import_files (window, names, texts);
  dialog = rpt_test_wait_for_dialog (GTK_WINDOW (window));
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Could Not Import");
  ck_assert_str_eq (adw_message_dialog_get_body (dialog), expected);
  ck_assert_uint_eq (n_documents (window), 0);
  ck_assert (!rpt_project_get_dirty (project));
  ck_assert (!rpt_project_can_undo (project));
  rpt_test_respond (dialog, "close");
  rpt_test_close_discarding (window);
}
END_TEST

static Suite *
window_import_suite (void)
{
  Suite *s = suite_create ("window-import");
  TCase *tc = tcase_create ("import");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_import_web_page);
  tcase_add_test (tc, test_duplicates_asked_about);
  tcase_add_test (tc, test_bad_page_refused);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_APP_MAIN (window_import_suite)
