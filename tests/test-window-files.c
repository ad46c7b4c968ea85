/* test-window-files.c: the window's files, driven through its actions,
 * dialogs and drop target: Save As through the file chooser, close,
 * reopen and compare bytes and model; the unsaved-changes prompt (Cancel,
 * Save, Discard); a failed load leaves the open project untouched; a
 * failed save keeps it dirty; drag and drop; projects and articles from
 * the command line; recent projects.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rpt-article-view.h"
#include "rpt-test-util.h"
#include "rpt-test-window.h"
#include "rpt-window-articles.h"

#define ARTICLE_C \
  "Ferry fares frozen for the winter\n" \
  "\n" \
  "The ferry company said fares would not rise before March.\n"

/* A fresh folder for each test. */
RPT_TEST_TMPDIR_FIXTURE (dir)

static void
open_files (RptWindow *window,
            GFile     *a,
            GFile     *b)
{
  GFile *files[2] = { a, b };

  rpt_window_open_files (window, files, b ? 2 : 1);
}

/* A window with two imported articles and three annotations, two of which
 * overlap, made through the window's own paths. */
static RptWindow *
annotated_window (void)
{
  RptWindow *window = rpt_test_new_window ();
  RptProject *project = rpt_window_get_project (window);
  g_autoptr(GFile) a = rpt_test_write_gfile (dir, "lake-summit.txt", ARTICLE_A);
  g_autoptr(GFile) b = rpt_test_write_gfile (dir, "handshake.txt", ARTICLE_B);
  RptArticleView *view;
  struct { const char *text; const char *label; } spans[] = {
    { "new bridge would open next spring", "claim" },
    { "Only if you count the winters twice", "rebuttal" },
    { "count the winters", "joke" },
  };

  open_files (window, a, b);
  rpt_test_wait_until (g_list_model_get_n_items (rpt_project_get_documents (project)) == 2);
  view = RPT_ARTICLE_VIEW (rpt_test_find_widget (GTK_WIDGET (window), RPT_TYPE_ARTICLE_VIEW, NULL));
  ck_assert_str_eq (rpt_document_get_id (rpt_article_view_get_document (view)), "lake-summit");
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      guint start = rpt_test_offset_of (ARTICLE_A, spans[i].text);

      rpt_article_view_select_range (view, start, start + (guint) strlen (spans[i].text));
      gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", spans[i].label);
    }
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), 3);
  return window;
}

static GBytes *
project_bytes (RptWindow *window)
{
  return rpt_project_to_bytes (rpt_window_get_project (window));
}

static gboolean
file_has_bytes (const char *path,
                GBytes     *bytes)
{
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;
  return len == g_bytes_get_size (bytes) && memcmp (contents, g_bytes_get_data (bytes, NULL), len) == 0;
}

static AdwMessageDialog *
wait_for_dialog (RptWindow *window)
{
  AdwMessageDialog *dialog;

  rpt_test_wait_until ((dialog = rpt_test_find_dialog (GTK_WINDOW (window))) != NULL);
  return dialog;
}


START_TEST (test_save_close_reopen)
{
  RptWindow *window = annotated_window ();
  g_autofree char *path = g_build_filename (dir, "summit.json", NULL);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RptProject *reopened;
  RptAnnotationStore *store;

  /* Never saved: Save asks where. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  rpt_test_answer_save_chooser (path);
  rpt_test_wait_until (!rpt_project_get_dirty (rpt_window_get_project (window)));
  ck_assert (g_file_equal (rpt_window_get_file (window), file));
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "summit.json — Repartee");

  saved = project_bytes (window);
  ck_assert (file_has_bytes (path, saved));

  /* Clean: closing asks nothing. */
  rpt_test_close_discarding (window);

  window = rpt_test_new_window ();
  open_files (window, file, NULL);
  reopened = rpt_window_get_project (window);
  rpt_test_wait_until (g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (window))) == 2);
  reopened = rpt_window_get_project (window);
  ck_assert (!rpt_project_get_dirty (reopened));
  ck_assert (g_file_equal (rpt_window_get_file (window), file));

  /* The same bytes, and the same spans where they were. */
  {
    g_autoptr(GBytes) again = project_bytes (window);
    ck_assert (g_bytes_equal (again, saved));
  }
  store = rpt_project_get_annotations (reopened, "lake-summit");
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (store), 3);
  ck_assert_uint_eq (rpt_annotation_get_start (rpt_annotation_store_get (store, 0)), rpt_test_offset_of (ARTICLE_A, "new bridge"));
  ck_assert_str_eq (rpt_annotation_get_label (rpt_annotation_store_get (store, 0)), "claim");
  ck_assert_uint_eq (rpt_annotation_get_start (rpt_annotation_store_get (store, 1)), rpt_test_offset_of (ARTICLE_A, "Only if"));
  ck_assert_str_eq (rpt_annotation_get_label (rpt_annotation_store_get (store, 1)), "rebuttal");
  ck_assert_uint_eq (rpt_annotation_get_start (rpt_annotation_store_get (store, 2)), rpt_test_offset_of (ARTICLE_A, "count the"));
  ck_assert_uint_eq (rpt_annotation_get_end (rpt_annotation_store_get (store, 2)),
                     rpt_test_offset_of (ARTICLE_A, "count the") + 17);
  ck_assert_str_eq (rpt_document_get_text (rpt_project_get_document (reopened, "handshake")), ARTICLE_B);

  /* The file choosers now start in its folder. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autofree char *last = g_settings_get_string (settings, "last-folder");
    g_autoptr(GFile) folder = g_file_new_for_path (dir);
    g_autofree char *uri = g_file_get_uri (folder);

    ck_assert_str_eq (last, uri);
  }

  /* And it is now a recent project. */
  {
    g_autofree char *uri = g_file_get_uri (file);
    g_autoptr(GtkRecentInfo) info = gtk_recent_manager_lookup_item (gtk_recent_manager_get_default (), uri, NULL);
    ck_assert_ptr_nonnull (info);
  }
  rpt_test_close_discarding (window);
}
END_TEST

START_TEST (test_prompt_cancel_then_save)
{
  RptWindow *window = annotated_window ();
  RptProject *project = rpt_window_get_project (window);
  g_autofree char *path = g_build_filename (dir, "kept.json", NULL);
  GtkWidget *weak = GTK_WIDGET (window);
  g_autoptr(GBytes) before = project_bytes (window);
  g_autoptr(RptProject) loaded = NULL;
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);

  /* Cancel: nothing happens. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = wait_for_dialog (window);
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Save Changes?");
  ck_assert (adw_message_dialog_has_response (dialog, "discard"));
  rpt_test_respond (dialog, "cancel");
  rpt_test_spin (100);
  ck_assert_ptr_nonnull (weak);
  ck_assert_ptr_eq (rpt_window_get_project (window), project);
  ck_assert (rpt_project_get_dirty (project));

  /* Save: asks where, saves, then closes. */
  gtk_window_close (GTK_WINDOW (window));
  rpt_test_respond (wait_for_dialog (window), "save");
  rpt_test_answer_save_chooser (path);
  rpt_test_wait_until (weak == NULL);
  ck_assert (file_has_bytes (path, before));
  loaded = rpt_project_load_from_file (path, NULL);
  ck_assert_ptr_nonnull (loaded);
  ck_assert_uint_eq (rpt_project_get_n_annotations (loaded), 3);
}
END_TEST

START_TEST (test_prompt_discard_on_new)
{
  RptWindow *window = rpt_test_new_window ();
  g_autofree char *path = g_build_filename (dir, "existing.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) article = rpt_test_write_gfile (dir, "ferry.txt", ARTICLE_C);
  g_autofree char *on_disk = NULL;
  g_autofree char *after = NULL;
  RptProject *project;

  /* A saved project, then an unsaved import into it. */
  {
    g_autoptr(RptProject) p = rpt_project_new ();
    ck_assert (rpt_project_save_to_file (p, path, NULL));
  }
  on_disk = rpt_test_read_file (path, NULL);
  open_files (window, file, article);
  rpt_test_wait_until (g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (window))) == 1);
  project = rpt_window_get_project (window);
  ck_assert (rpt_project_get_dirty (project));
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "• existing.json — Repartee");

  /* New asks; Discard gives a blank project and leaves the file alone. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  rpt_test_respond (wait_for_dialog (window), "discard");
  rpt_test_wait_until (rpt_window_get_project (window) != project);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (window))), 0);
  ck_assert_ptr_null (rpt_window_get_file (window));
  ck_assert (!rpt_project_get_dirty (rpt_window_get_project (window)));
  after = rpt_test_read_file (path, NULL);
  ck_assert_str_eq (after, on_disk);
  rpt_test_close_discarding (window);
}
END_TEST

START_TEST (test_failed_load_keeps_project)
{
  RptWindow *window = annotated_window ();
  RptProject *project = rpt_window_get_project (window);
  g_autoptr(GBytes) before = project_bytes (window);
  g_autoptr(GError) expected = NULL;
  g_autoptr(GFile) bad = NULL;
  g_autofree char *bad_path = NULL;
  g_autofree char *title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  AdwMessageDialog *dialog;
  g_autoptr(GBytes) after = NULL;

  /* A project whose annotation ends past its article. */
  {
    g_autoptr(RptProject) p = rpt_project_new ();
    g_autoptr(RptDocument) d = rpt_document_new ("d", "Short", "short.txt", "Short text.");
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GRegex) regex = g_regex_new ("\"end\": *6", 0, 0, NULL);
    g_autofree char *broken = NULL;

    ck_assert (rpt_project_add_document (p, d, NULL));
    ck_assert_ptr_nonnull (rpt_project_add_annotation (p, "d", 0, 6, "claim", NULL, NULL));
    bytes = rpt_project_to_bytes (p);
    broken = g_regex_replace_literal (regex, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                                      0, "\"end\": 600", 0, NULL);
    ck_assert (strstr (broken, "\"end\": 600") != NULL);
    bad_path = rpt_test_write_file (dir, "broken.json", broken, -1);
    ck_assert_ptr_null (rpt_project_load_from_file (bad_path, &expected));
    bad = g_file_new_for_path (bad_path);
  }

  /* Dirty: it asks first; Discard lets the load go ahead, which fails. */
  open_files (window, bad, NULL);
  rpt_test_respond (wait_for_dialog (window), "discard");
  rpt_test_wait_until ((dialog = rpt_test_find_dialog (GTK_WINDOW (window))) != NULL
                       && g_str_has_prefix (adw_message_dialog_get_heading (dialog), "Could Not Open"));
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Could Not Open “broken.json”");
  ck_assert_str_eq (adw_message_dialog_get_body (dialog), expected->message);
  ck_assert (strstr (expected->message, "600") != NULL);

  /* Nothing changed in the window. */
  ck_assert_ptr_eq (rpt_window_get_project (window), project);
  ck_assert (rpt_project_get_dirty (project));
  after = project_bytes (window);
  ck_assert (g_bytes_equal (before, after));
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), title);
  ck_assert_ptr_null (rpt_window_get_file (window));
  rpt_test_respond (dialog, "close");

  /* Not JSON at all, and a file that is not there. */
  {
    g_autofree char *junk = rpt_test_write_file (dir, "junk.json", "this is not a project", -1);
    g_autoptr(GFile) junk_file = g_file_new_for_path (junk);
    g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/missing.json");

    open_files (window, junk_file, NULL);
    rpt_test_respond (wait_for_dialog (window), "discard");
    rpt_test_wait_until ((dialog = rpt_test_find_dialog (GTK_WINDOW (window))) != NULL
                         && g_str_has_prefix (adw_message_dialog_get_heading (dialog), "Could Not Open"));
    ck_assert (strstr (adw_message_dialog_get_body (dialog), "junk.json") != NULL);
    rpt_test_respond (dialog, "close");
    rpt_test_spin (50);

    open_files (window, missing, NULL);
    rpt_test_respond (wait_for_dialog (window), "discard");
    rpt_test_wait_until ((dialog = rpt_test_find_dialog (GTK_WINDOW (window))) != NULL
                         && g_str_has_prefix (adw_message_dialog_get_heading (dialog), "Could Not Open"));
    rpt_test_respond (dialog, "close");
    rpt_test_spin (50);
  }
  ck_assert_ptr_eq (rpt_window_get_project (window), project);
  {
    g_autoptr(GBytes) still = project_bytes (window);
    ck_assert (g_bytes_equal (before, still));
  }
  rpt_test_close_discarding (window);
}
END_TEST

START_TEST (test_failed_save_keeps_dirty)
{
  RptWindow *window = rpt_test_new_window ();
  g_autofree char *folder = g_build_filename (dir, "projects", NULL);
  g_autofree char *moved = g_build_filename (dir, "projects-moved", NULL);
  g_autofree char *path = g_build_filename (folder, "p.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) article = rpt_test_write_gfile (dir, "ferry.txt", ARTICLE_C);
  g_autofree char *original = NULL;
  AdwMessageDialog *dialog;

  g_mkdir (folder, 0700);
  {
    g_autoptr(RptProject) p = rpt_project_new ();
    ck_assert (rpt_project_save_to_file (p, path, NULL));
  }
  original = rpt_test_read_file (path, NULL);
  open_files (window, file, article);
  rpt_test_wait_until (g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (window))) == 1);
  ck_assert (rpt_project_get_dirty (rpt_window_get_project (window)));

  /* The folder is replaced by a file: the save cannot succeed. */
  ck_assert_int_eq (g_rename (folder, moved), 0);
  g_free (rpt_test_write_file (dir, "projects", "in the way", -1));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  rpt_test_wait_until ((dialog = rpt_test_find_dialog (GTK_WINDOW (window))) != NULL);
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Could Not Save “p.json”");
  ck_assert (strstr (adw_message_dialog_get_body (dialog), "p.json") != NULL);
  rpt_test_respond (dialog, "close");
  ck_assert (rpt_project_get_dirty (rpt_window_get_project (window)));
  ck_assert (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• p.json"));

  /* Put the folder back: the old file is untouched, and Save works. */
  ck_assert_int_eq (g_unlink (folder), 0);
  ck_assert_int_eq (g_rename (moved, folder), 0);
  {
    g_autofree char *still = rpt_test_read_file (path, NULL);
    ck_assert_str_eq (still, original);
  }
  rpt_test_spin (50);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  rpt_test_wait_until (!rpt_project_get_dirty (rpt_window_get_project (window)));
  {
    g_autoptr(GBytes) saved = project_bytes (window);
    ck_assert (file_has_bytes (path, saved));
  }
  rpt_test_close_discarding (window);
}
END_TEST

START_TEST (test_drop_and_command_line)
{
  RptWindow *window = rpt_test_new_window ();
  RptProject *project = rpt_window_get_project (window);
  g_autoptr(GFile) c = rpt_test_write_gfile (dir, "ferry.txt", ARTICLE_C);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GtkDropTarget *target = NULL;
  GSList *list = g_slist_append (NULL, c);
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  /* Dropping an article imports it. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !target; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  ck_assert_ptr_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_slist_free (list);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  ck_assert (accepted);
  rpt_test_wait_until (g_list_model_get_n_items (rpt_project_get_documents (project)) == 1);
  ck_assert_ptr_nonnull (rpt_project_get_document (project, "ferry"));
  rpt_test_close_discarding (window);

  /* A project and an article together: the project opens, the article
   * is imported into it. */
  {
    g_autofree char *path = g_build_filename (dir, "base.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GFile) a = rpt_test_write_gfile (dir, "lake-summit.txt", ARTICLE_A);
    g_autoptr(RptProject) p = rpt_project_new ();
    g_autoptr(RptDocument) d = rpt_document_new ("handshake", "Bridge talks", "handshake.txt", ARTICLE_B);

    ck_assert (rpt_project_add_document (p, d, NULL));
    ck_assert (rpt_project_save_to_file (p, path, NULL));
    window = rpt_test_new_window ();
    open_files (window, file, a);
    rpt_test_wait_until (g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (window))) == 2);
    ck_assert (g_file_equal (rpt_window_get_file (window), file));
    ck_assert_ptr_nonnull (rpt_project_get_document (rpt_window_get_project (window), "handshake"));
    ck_assert_ptr_nonnull (rpt_project_get_document (rpt_window_get_project (window), "lake-summit"));
    ck_assert (rpt_project_get_dirty (rpt_window_get_project (window)));
    rpt_test_close_discarding (window);
  }
}
END_TEST

START_TEST (test_recent_project_row_opens)
{
  g_autofree char *path = g_build_filename (dir, "recent.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RptWindow *window = rpt_test_new_window ();
  GtkWidget *row;

  {
    g_autoptr(RptProject) p = rpt_project_new ();
    g_autoptr(RptDocument) d = rpt_document_new ("ferry", "Ferry fares", "ferry.txt", ARTICLE_C);

    ck_assert (rpt_project_add_document (p, d, NULL));
    ck_assert (rpt_project_save_to_file (p, path, NULL));
  }
  /* Opening it makes it recent... */
  open_files (window, file, NULL);
  rpt_test_wait_until (g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (window))) == 1);
  rpt_test_close_discarding (window);

  /* ...so a new window lists it in its empty state, and a click opens it. */
  window = rpt_test_new_window ();
  rpt_test_wait_until ((row = rpt_test_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, NULL)) != NULL
                       && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "recent.json") == 0);
  ck_assert (gtk_widget_get_mapped (row));
  g_signal_emit_by_name (row, "activate");
  rpt_test_wait_until (rpt_window_get_file (window) != NULL);
  ck_assert (g_file_equal (rpt_window_get_file (window), file));
  rpt_test_wait_until (g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (window))) == 1);
  rpt_test_close_discarding (window);
}
END_TEST

START_TEST (test_application_open)
{
  g_autofree char *path = g_build_filename (dir, "cli.json", NULL);
  g_autoptr(GFile) article = rpt_test_write_gfile (dir, "ferry.txt", ARTICLE_C);
  GFile *files[2];
  g_autoptr(GList) before = gtk_window_list_toplevels ();
  RptWindow *window = NULL;

  {
    g_autoptr(RptProject) p = rpt_project_new ();
    g_autoptr(RptDocument) d = rpt_document_new ("handshake", "Bridge talks", "handshake.txt", ARTICLE_B);

    ck_assert (rpt_project_add_document (p, d, NULL));
    ck_assert (rpt_project_save_to_file (p, path, NULL));
  }
  files[0] = g_file_new_for_path (path);
  files[1] = article;

  /* `repartee cli.json ferry.txt`: a window with the project, the article
   * imported into it. */
  g_application_open (G_APPLICATION (rpt_test_app ()), files, 2, "");
  g_object_unref (files[0]);
  rpt_test_wait_until ((window = RPT_WINDOW (rpt_test_find_toplevel (RPT_TYPE_WINDOW))) != NULL
                       && g_list_find (before, window) == NULL
                       && g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (window))) == 2);
  ck_assert_ptr_nonnull (rpt_window_get_file (window));
  ck_assert_ptr_nonnull (rpt_project_get_document (rpt_window_get_project (window), "ferry"));
  rpt_test_close_discarding (window);
}
END_TEST

static gboolean
is_status_page_titled (GtkWidget     *widget,
                       gconstpointer  title)
{
  return ADW_IS_STATUS_PAGE (widget) && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

static GtkWidget *
status_page_titled (GtkWidget  *root,
                    const char *title)
{
  return rpt_test_find_matching (root, is_status_page_titled, title, TRUE);
}

START_TEST (test_loading_shows_progress)
{
  g_autofree char *path = g_build_filename (dir, "three.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RptWindow *window;
  GtkWidget *opening, *stack, *open_button;

  /* Any size will do: the load finishes only through the main loop. */
  {
    g_autoptr(RptProject) p = rpt_project_new ();

    for (int i = 0; i < 3; i++)
      {
        g_autofree char *id = g_strdup_printf ("article-%d", i);
        g_autoptr(RptDocument) d = rpt_document_new (id, "Article", "article.txt", ARTICLE_A);
        ck_assert (rpt_project_add_document (p, d, NULL));
      }
    ck_assert (rpt_project_save_to_file (p, path, NULL));
  }

  window = rpt_test_new_window ();
  opening = status_page_titled (GTK_WIDGET (window), "Opening…");
  ck_assert_ptr_nonnull (opening);
  stack = gtk_widget_get_parent (opening);
  ck_assert (GTK_IS_STACK (stack));
  open_button = rpt_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Open");
  ck_assert_ptr_nonnull (open_button);
  ck_assert (gtk_widget_is_sensitive (open_button));

  /* The load runs in a worker: the window shows it is opening, and will
   * not start another file operation meanwhile. */
  open_files (window, file, NULL);
  ck_assert_ptr_eq (gtk_stack_get_visible_child (GTK_STACK (stack)), opening);
  ck_assert (!gtk_widget_is_sensitive (open_button));
  rpt_test_wait_until (g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (window))) == 3);
  ck_assert_ptr_ne (gtk_stack_get_visible_child (GTK_STACK (stack)), opening);
  ck_assert (gtk_widget_is_sensitive (open_button));
  rpt_test_close_discarding (window);
}
END_TEST

static Suite *
files_suite (void)
{
  Suite *s = suite_create ("window-files");
  TCase *tc = tcase_create ("files");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_save_close_reopen);
  tcase_add_test (tc, test_prompt_cancel_then_save);
  tcase_add_test (tc, test_prompt_discard_on_new);
  tcase_add_test (tc, test_failed_load_keeps_project);
  tcase_add_test (tc, test_failed_save_keeps_dirty);
  tcase_add_test (tc, test_drop_and_command_line);
  tcase_add_test (tc, test_recent_project_row_opens);
  tcase_add_test (tc, test_application_open);
  tcase_add_test (tc, test_loading_shows_progress);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_APP_MAIN (files_suite)
