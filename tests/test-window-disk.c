/* test-window-disk.c: the project file changing behind the window's back,
 * driven through the window's actions and dialogs: a save over a file that
 * another program changed asks first (Save and close-with-save; Cancel
 * leaves that program's bytes, Save Anyway writes ours), also when that
 * program (repartee-tool) writes while the save waits for it; a project whose
 * article text was edited outside Repartee is offered re-anchoring, and
 * the report and the orphans bar show what happened; orphans are placed at
 * the selection or deleted, undoably; Replace Article Text re-anchors the
 * current article on a new text from a file.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rpt-article-view.h"
#include "rpt-test-util.h"
#include "rpt-test-window.h"

/* "early " inserted inside the first span, the third span's sentence
 * deleted, "BREAKING: " before everything. */
#define CANAL \
  "Minister Aro said the canal would reopen in June. Critics laughed at the idea. " \
  "The port chief called it a fine plan. Nobody expected the rain."
#define CANAL_EDITED \
  "BREAKING: Minister Aro said the canal would reopen in early June. Critics laughed at the idea. " \
  "Nobody expected the rain."

/* A fresh folder for each test. */
RPT_TEST_TMPDIR_FIXTURE (dir)

static void
tag (RptProject *project,
     const char *quote,
     const char *label,
     const char *speaker)
{
  g_autoptr(GError) error = NULL;
  guint start = rpt_test_offset_of (CANAL, quote);

  ck_assert_msg (rpt_project_add_annotation (project, "canal", start, start + (guint) strlen (quote),
                                             label, speaker, &error) != NULL,
                 "%s", error ? error->message : "");
}

/* A saved project with the canal article and three annotations a1…a3,
 * written at @name; returns its path. */
static char *
write_project (const char *name)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(RptDocument) document = rpt_document_new ("canal", "Canal", "canal.txt", CANAL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  ck_assert (rpt_project_add_document (project, document, NULL));
  ck_assert_ptr_nonnull (rpt_project_add_speaker (project, "Port chief", NULL));
  tag (project, "the canal would reopen in June", "claim", NULL);
  tag (project, "Critics laughed at the idea.", "rebuttal", NULL);
  tag (project, "The port chief called it a fine plan.", "claim", "port-chief");
  ck_assert (rpt_project_save_to_file (project, path, NULL));
  return g_steal_pointer (&path);
}

/* The file at @path with the article's text edited by hand (the sha256
 * left as it was). */
static void
edit_text_in_file (const char *path)
{
  g_autofree char *data = rpt_test_read_file (path, NULL);
  const char *at = strstr (data, "\"" CANAL "\"");
  g_autofree char *edited = NULL;

  ck_assert_ptr_nonnull (at);
  edited = g_strdup_printf ("%.*s\"%s\"%s", (int) (at - data), data, CANAL_EDITED, at + strlen (CANAL) + 2);
  ck_assert (g_file_set_contents (path, edited, -1, NULL));
}

static RptWindow *
open_window (const char *path,
             guint       n_documents)
{
  RptWindow *window = rpt_test_new_window ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  rpt_window_open_files (window, &file, 1);
  rpt_test_wait_until (g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (window))) == n_documents);
  return window;
}

static gboolean
file_holds_project (const char *path,
                    RptProject *project)
{
  g_autoptr(GBytes) bytes = rpt_project_to_bytes (project);
  g_autofree char *contents = NULL;
  gsize len;

  return g_file_get_contents (path, &contents, &len, NULL) && len == g_bytes_get_size (bytes)
         && memcmp (contents, g_bytes_get_data (bytes, NULL), len) == 0;
}

/* What another program writes: a valid project of its own. */
static char *
write_behind_our_back (const char *path)
{
  g_autoptr(RptProject) other = rpt_project_new ();
  g_autoptr(RptDocument) document = rpt_document_new ("other", "Other", "other.txt", "Written by another program.");

  ck_assert (rpt_project_add_document (other, document, NULL));
  ck_assert (rpt_project_save_to_file (other, path, NULL));
  return rpt_test_read_file (path, NULL);
}

static GtkWidget *
toast_label (RptWindow  *window,
             const char *text)
{
  return rpt_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, text);
}


/* ---- Saving over a changed file ---- */

START_TEST (test_save_asks_when_changed_on_disk)
{
  g_autofree char *path = write_project ("disk.json");
  RptWindow *window = open_window (path, 1);
  RptProject *project = rpt_window_get_project (window);
  g_autofree char *theirs = NULL;
  g_autofree char *after_cancel = NULL;
  AdwMessageDialog *dialog;

  ck_assert_ptr_nonnull (rpt_project_add_speaker (project, "Minister Aro", NULL));
  theirs = write_behind_our_back (path);

  /* Save asks; Cancel keeps their bytes and our unsaved work. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  dialog = rpt_test_wait_for_dialog (GTK_WINDOW (window));
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "“disk.json” changed on disk");
  ck_assert_str_eq (adw_message_dialog_get_body (dialog),
                    "Another program changed this file since you opened it. Saving will replace those changes.");
  ck_assert_int_eq (adw_message_dialog_get_response_appearance (dialog, "save"), ADW_RESPONSE_DESTRUCTIVE);
  ck_assert_str_eq (adw_message_dialog_get_default_response (dialog), "cancel");
  rpt_test_respond (dialog, "cancel");
  rpt_test_spin (200);
  after_cancel = rpt_test_read_file (path, NULL);
  ck_assert_str_eq (after_cancel, theirs);
  ck_assert (rpt_project_get_dirty (project));
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "• disk.json — Repartee");

  /* Save Anyway writes ours. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  rpt_test_respond (rpt_test_wait_for_dialog (GTK_WINDOW (window)), "save");
  rpt_test_wait_until (!rpt_project_get_dirty (project));
  ck_assert (file_holds_project (path, project));

  /* Our own save is not a change by someone else: the next one asks nothing. */
  ck_assert_ptr_nonnull (rpt_project_add_speaker (project, "Critic", NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  rpt_test_wait_until (!rpt_project_get_dirty (project));
  ck_assert_ptr_null (rpt_test_find_dialog (GTK_WINDOW (window)));
  ck_assert (file_holds_project (path, project));

  /* Nor does a file nobody touched since it was opened. */
  rpt_test_close_discarding (window);
  window = open_window (path, 1);
  project = rpt_window_get_project (window);
  ck_assert_ptr_nonnull (rpt_project_add_speaker (project, "Mayor", NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  rpt_test_wait_until (!rpt_project_get_dirty (project));
  ck_assert_ptr_null (rpt_test_find_dialog (GTK_WINDOW (window)));
  ck_assert (file_holds_project (path, project));
  rpt_test_close_discarding (window);
}
END_TEST

/* repartee-tool add (or any writer) is rewriting the project while the
 * window saves: the window waits for it, without blocking, then finds
 * the file changed and asks instead of replacing the command's work. */
START_TEST (test_save_waits_for_a_writer)
{
  g_autofree char *path = write_project ("shared.json");
  RptWindow *window = open_window (path, 1);
  RptProject *project = rpt_window_get_project (window);
  g_autofree char *before = rpt_test_read_file (path, NULL);
  g_autofree char *theirs = NULL;
  RptFileLock *lock;
  AdwMessageDialog *dialog;

  ck_assert_ptr_nonnull (rpt_project_add_speaker (project, "Minister Aro", NULL));
  lock = rpt_file_lock_acquire (path, 1000, NULL, NULL, NULL);
  ck_assert_ptr_nonnull (lock);

  /* The window checked the file (unchanged) and started saving; the
   * writer holds the lock, so nothing is written, and the window runs. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  rpt_test_spin (500);
  ck_assert (rpt_project_get_dirty (project));
  ck_assert_ptr_null (rpt_test_find_dialog (GTK_WINDOW (window)));
  {
    g_autofree char *now = rpt_test_read_file (path, NULL);
    ck_assert_str_eq (now, before);
  }

  /* The writer saves its change and lets go. */
  {
    g_autoptr(RptProject) other = rpt_project_load_from_file (path, NULL);
    g_autoptr(RptDocument) document = rpt_document_new ("added", "Added", "added.txt", "Added by a command.");
    g_autoptr(GError) error = NULL;

    ck_assert (rpt_project_add_document (other, document, NULL));
    ck_assert_msg (rpt_project_save_locked (other, lock, &error), "%s", error ? error->message : "");
    rpt_file_lock_release (lock);
  }
  theirs = rpt_test_read_file (path, NULL);

  /* The window's save finds that: it asks, and Cancel keeps both. */
  dialog = rpt_test_wait_for_dialog (GTK_WINDOW (window));
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "“shared.json” changed on disk");
  rpt_test_respond (dialog, "cancel");
  rpt_test_spin (200);
  {
    g_autofree char *now = rpt_test_read_file (path, NULL);
    ck_assert_str_eq (now, theirs);
  }
  ck_assert (rpt_project_get_dirty (project));
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "• shared.json — Repartee");

  /* Save asks again; Save Anyway writes ours. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  rpt_test_respond (rpt_test_wait_for_dialog (GTK_WINDOW (window)), "save");
  rpt_test_wait_until (!rpt_project_get_dirty (project));
  ck_assert (file_holds_project (path, project));
  rpt_test_close_discarding (window);
}
END_TEST

START_TEST (test_close_with_save_asks_when_changed_on_disk)
{
  g_autofree char *path = write_project ("close.json");
  RptWindow *window = open_window (path, 1);
  RptProject *project = rpt_window_get_project (window);
  GtkWidget *weak = GTK_WIDGET (window);
  g_autofree char *theirs = NULL;
  g_autofree char *after_cancel = NULL;
  g_autoptr(GBytes) ours = NULL;
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  ck_assert_ptr_nonnull (rpt_project_add_speaker (project, "Minister Aro", NULL));
  ours = rpt_project_to_bytes (project);
  theirs = write_behind_our_back (path);

  /* Close, Save, then Cancel: the window stays, with its work. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = rpt_test_wait_for_dialog (GTK_WINDOW (window));
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Save Changes?");
  rpt_test_respond (dialog, "save");
  rpt_test_spin (100);
  dialog = rpt_test_wait_for_dialog (GTK_WINDOW (window));
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "“close.json” changed on disk");
  rpt_test_respond (dialog, "cancel");
  rpt_test_spin (200);
  ck_assert_ptr_nonnull (weak);
  ck_assert (rpt_project_get_dirty (project));
  after_cancel = rpt_test_read_file (path, NULL);
  ck_assert_str_eq (after_cancel, theirs);

  /* Close, Save, Save Anyway: saved, then closed. */
  gtk_window_close (GTK_WINDOW (window));
  rpt_test_respond (rpt_test_wait_for_dialog (GTK_WINDOW (window)), "save");
  rpt_test_spin (100);
  dialog = rpt_test_wait_for_dialog (GTK_WINDOW (window));
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "“close.json” changed on disk");
  rpt_test_respond (dialog, "save");
  rpt_test_wait_until (weak == NULL);
  {
    g_autofree char *contents = NULL;
    gsize len;

    ck_assert (g_file_get_contents (path, &contents, &len, NULL));
    ck_assert_uint_eq (len, g_bytes_get_size (ours));
    ck_assert (memcmp (contents, g_bytes_get_data (ours, NULL), len) == 0);
  }
}
END_TEST

/* ---- Re-anchoring on open, and orphans ---- */

static GtkWidget *
orphans_bar (RptWindow *window)
{
  GtkWidget *bar = rpt_test_find_named (GTK_WIDGET (window), "orphans-bar");

  ck_assert_ptr_nonnull (bar);
  return bar;
}

/* Shown, and fully slid in. */
static gboolean
bar_shown (RptWindow *window)
{
  GtkRevealer *bar = GTK_REVEALER (orphans_bar (window));

  return gtk_revealer_get_reveal_child (bar) && gtk_revealer_get_child_revealed (bar);
}

static gboolean
bar_hidden (RptWindow *window)
{
  GtkRevealer *bar = GTK_REVEALER (orphans_bar (window));

  return !gtk_revealer_get_reveal_child (bar) && !gtk_revealer_get_child_revealed (bar);
}

START_TEST (test_reanchor_on_open)
{
  g_autofree char *path = write_project ("canal.json");
  g_autofree char *edited = NULL;
  RptWindow *window = rpt_test_new_window ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RptProject *blank = rpt_window_get_project (window);
  RptProject *project;
  RptArticleView *view;
  AdwMessageDialog *dialog;
  GtkWidget *button;
  RptAnnotation *a;

  edit_text_in_file (path);
  edited = rpt_test_read_file (path, NULL);

  /* Refused by a plain load: the window asks; Cancel opens nothing. */
  rpt_window_open_files (window, &file, 1);
  dialog = rpt_test_wait_for_dialog (GTK_WINDOW (window));
  ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Re-anchor Annotations?");
  ck_assert (strstr (adw_message_dialog_get_body (dialog), "“canal.json”") != NULL);
  rpt_test_respond (dialog, "cancel");
  rpt_test_spin (200);
  ck_assert_ptr_eq (rpt_window_get_project (window), blank);
  ck_assert_ptr_null (rpt_test_find_dialog (GTK_WINDOW (window)));

  /* Re-anchor: loaded, unsaved, with the report, and the file untouched. */
  rpt_window_open_files (window, &file, 1);
  rpt_test_respond (rpt_test_wait_for_dialog (GTK_WINDOW (window)), "reanchor");
  rpt_test_wait_until (rpt_window_get_project (window) != blank);
  project = rpt_window_get_project (window);
  ck_assert_str_eq (rpt_document_get_text (rpt_project_get_document (project, "canal")), CANAL_EDITED);
  ck_assert (rpt_project_get_dirty (project));
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "• canal.json — Repartee");
  rpt_test_wait_until (toast_label (window, "2 placed, 1 could not be placed") != NULL);
  {
    g_autofree char *now = rpt_test_read_file (path, NULL);
    ck_assert_str_eq (now, edited);
  }
  a = rpt_project_get_annotation (project, "a2");
  ck_assert_uint_eq (rpt_annotation_get_start (a), rpt_test_offset_of (CANAL_EDITED, "Critics laughed"));
  ck_assert_uint_eq (rpt_project_get_n_orphans (project), 1);
  ck_assert_ptr_nonnull (rpt_project_get_orphan (project, "a3"));

  /* The bar says so, and its list shows the orphan. */
  rpt_test_wait_until (bar_shown (window));
  ck_assert_ptr_nonnull (rpt_test_find_widget (orphans_bar (window), GTK_TYPE_LABEL, "1 annotation could not be placed"));
  button = rpt_test_find_widget (orphans_bar (window), GTK_TYPE_MENU_BUTTON, NULL);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  rpt_test_wait_until (rpt_test_find_widget (button, GTK_TYPE_LABEL, "“The port chief called it a fine plan.”") != NULL);
  ck_assert_ptr_nonnull (rpt_test_find_widget (button, GTK_TYPE_LABEL, "“The port chief called it a fine plan.”"));
  ck_assert_ptr_nonnull (rpt_test_find_widget (button, GTK_TYPE_LABEL, "Claim · Port chief · in “Canal”"));

  /* Place at Selection without a selection: said, nothing changes. */
  view = RPT_ARTICLE_VIEW (rpt_test_find_widget (GTK_WIDGET (window), RPT_TYPE_ARTICLE_VIEW, NULL));
  rpt_test_click (rpt_test_find_widget (button, GTK_TYPE_BUTTON, "_Place at Selection"));
  rpt_test_wait_until (toast_label (window, "Select the text where the annotation belongs first") != NULL);
  ck_assert_uint_eq (rpt_project_get_n_orphans (project), 1);

  /* With one: placed there, with its label and speaker; the bar goes. */
  {
    guint start = rpt_test_offset_of (CANAL_EDITED, "Nobody expected the rain.");

    rpt_article_view_select_range (view, start, start + 25);
    rpt_test_click (rpt_test_find_widget (button, GTK_TYPE_BUTTON, "_Place at Selection"));
    ck_assert_uint_eq (rpt_project_get_n_orphans (project), 0);
    a = rpt_project_get_annotation (project, "a3");
    ck_assert_ptr_nonnull (a);
    ck_assert_uint_eq (rpt_annotation_get_start (a), start);
    ck_assert_uint_eq (rpt_annotation_get_end (a), start + 25);
    ck_assert_str_eq (rpt_annotation_get_label (a), "claim");
    ck_assert_str_eq (rpt_annotation_get_speaker (a), "port-chief");
    ck_assert_ptr_eq (rpt_article_view_get_selected_annotation (view), a);
    rpt_test_wait_until (bar_hidden (window));
  }

  /* Undo makes it an orphan again; Delete removes it, undoably. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ck_assert_uint_eq (rpt_project_get_n_orphans (project), 1);
  rpt_test_wait_until (bar_shown (window));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  rpt_test_wait_until (rpt_test_find_widget (button, GTK_TYPE_BUTTON, "_Delete") != NULL);
  rpt_test_click (rpt_test_find_widget (button, GTK_TYPE_BUTTON, "_Delete"));
  ck_assert_uint_eq (rpt_project_get_n_orphans (project), 0);
  ck_assert_ptr_null (rpt_project_get_orphan (project, "a3"));
  ck_assert_ptr_null (rpt_project_get_annotation (project, "a3"));
  rpt_test_wait_until (bar_hidden (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ck_assert_ptr_nonnull (rpt_project_get_orphan (project, "a3"));
  rpt_test_wait_until (bar_shown (window));

  /* Saving writes the repaired file, which opens without asking. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  rpt_test_wait_until (!rpt_project_get_dirty (project));
  ck_assert_ptr_null (rpt_test_find_dialog (GTK_WINDOW (window)));
  {
    g_autoptr(RptProject) loaded = rpt_project_load_from_file (path, NULL);

    ck_assert_ptr_nonnull (loaded);
    ck_assert_ptr_nonnull (rpt_project_get_orphan (loaded, "a3"));
  }
  rpt_test_close_discarding (window);
}
END_TEST

/* Many orphans: the list shows the first hundred and counts the rest. */
START_TEST (test_many_orphans)
{
  g_autofree char *path = g_build_filename (dir, "many.json", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  RptWindow *window;
  RptProject *project;
  GtkWidget *button;
  GtkWidget *list;
  guint rows = 0;

  {
    g_autoptr(RptProject) p = rpt_project_new ();
    g_autoptr(RptDocument) document = NULL;

    for (guint i = 0; i < 103; i++)
      g_string_append_printf (text, "Point %03u was made. ", i);
    document = rpt_document_new ("points", "Points", "points.txt", text->str);
    ck_assert (rpt_project_add_document (p, document, NULL));
    for (guint i = 0; i < 103; i++)
      ck_assert_ptr_nonnull (rpt_project_add_annotation (p, "points", i * 20, i * 20 + 19, "claim", NULL, NULL));
    ck_assert (rpt_project_save_to_file (p, path, NULL));
  }
  window = open_window (path, 1);
  project = rpt_window_get_project (window);
  ck_assert (rpt_project_replace_document_text (project, "points", "Nothing of that was said.", NULL, NULL));
  ck_assert_uint_eq (rpt_project_get_n_orphans (project), 103);
  rpt_test_wait_until (bar_shown (window));
  ck_assert_ptr_nonnull (rpt_test_find_widget (orphans_bar (window), GTK_TYPE_LABEL, "103 annotations could not be placed"));

  button = rpt_test_find_widget (orphans_bar (window), GTK_TYPE_MENU_BUTTON, NULL);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  rpt_test_spin (100);
  list = rpt_test_find_widget (button, GTK_TYPE_LIST_BOX, NULL);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    rows++;
  ck_assert_uint_eq (rows, 101);
  ck_assert_ptr_nonnull (rpt_test_find_widget (list, GTK_TYPE_LABEL, "3 more after these"));
  ck_assert_ptr_nonnull (rpt_test_find_widget (list, GTK_TYPE_LABEL, "“Point 000 was made.”"));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  /* Undo: every one placed again, the bar gone. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ck_assert_uint_eq (rpt_project_get_n_orphans (project), 0);
  rpt_test_wait_until (bar_hidden (window));
  rpt_test_close_discarding (window);
}
END_TEST

/* Selects @file in @chooser; TRUE once it has taken it. */
/* Answers the Open chooser (the GtkFileChooserDialog fallback) with @path. */
static void
answer_open_chooser (const char *path)
{
  GtkWindow *chooser;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);

  rpt_test_wait_until ((chooser = rpt_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL);
  ck_assert_int_eq (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), GTK_FILE_CHOOSER_ACTION_OPEN);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  /* The folder loads asynchronously; the file can be selected once it has. */
  rpt_test_wait_until (rpt_test_select_file (GTK_FILE_CHOOSER (chooser), file));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  rpt_test_wait_until (rpt_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
}

START_TEST (test_replace_article_text)
{
  g_autofree char *path = write_project ("replace.json");
  g_autofree char *before = rpt_test_read_file (path, NULL);
  g_autofree char *text_path = rpt_test_write_file (dir, "canal-corrected.txt", CANAL_EDITED, -1);
  RptWindow *window = open_window (path, 1);
  RptProject *project = rpt_window_get_project (window);
  guint old_start = rpt_test_offset_of (CANAL, "Critics laughed");

  ck_assert (!rpt_project_get_dirty (project));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.replace-text", NULL));
  answer_open_chooser (text_path);

  /* Replaced and re-anchored as one undo step, with the report. */
  rpt_test_wait_until (rpt_project_get_n_orphans (project) == 1);
  ck_assert_str_eq (rpt_document_get_text (rpt_project_get_document (project, "canal")), CANAL_EDITED);
  ck_assert_uint_eq (rpt_annotation_get_start (rpt_project_get_annotation (project, "a2")),
                     rpt_test_offset_of (CANAL_EDITED, "Critics laughed"));
  ck_assert_ptr_nonnull (rpt_project_get_orphan (project, "a3"));
  ck_assert (rpt_project_get_dirty (project));
  rpt_test_wait_until (toast_label (window, "2 placed, 1 could not be placed") != NULL);
  rpt_test_wait_until (bar_shown (window));
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Replace Article Text");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ck_assert_str_eq (rpt_document_get_text (rpt_project_get_document (project, "canal")), CANAL);
  ck_assert_uint_eq (rpt_project_get_n_orphans (project), 0);
  ck_assert_uint_eq (rpt_annotation_get_start (rpt_project_get_annotation (project, "a2")), old_start);
  ck_assert (!rpt_project_get_dirty (project));
  rpt_test_wait_until (bar_hidden (window));
  {
    g_autoptr(GBytes) bytes = rpt_project_to_bytes (project);
    ck_assert_uint_eq (g_bytes_get_size (bytes), strlen (before));
    ck_assert (memcmp (g_bytes_get_data (bytes, NULL), before, strlen (before)) == 0);
  }

  /* A file that is not text is refused by name, and nothing changes. */
  {
    g_autofree char *bad = rpt_test_write_file (dir, "binary.txt", "ab\xff\xfe" "cd", 6);
    AdwMessageDialog *dialog;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.replace-text", NULL);
    answer_open_chooser (bad);
    dialog = rpt_test_wait_for_dialog (GTK_WINDOW (window));
    ck_assert_str_eq (adw_message_dialog_get_heading (dialog), "Could Not Replace the Text with “binary.txt”");
    rpt_test_respond (dialog, "close");
    ck_assert_str_eq (rpt_document_get_text (rpt_project_get_document (project, "canal")), CANAL);
  }
  rpt_test_close_discarding (window);
}
END_TEST

static Suite *
disk_suite (void)
{
  Suite *s = suite_create ("window-disk");
  TCase *tc = tcase_create ("disk");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_save_asks_when_changed_on_disk);
  tcase_add_test (tc, test_close_with_save_asks_when_changed_on_disk);
  tcase_add_test (tc, test_save_waits_for_a_writer);
  tcase_add_test (tc, test_reanchor_on_open);
  tcase_add_test (tc, test_replace_article_text);
  tcase_add_test (tc, test_many_orphans);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_APP_MAIN (disk_suite)
