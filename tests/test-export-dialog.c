/* test-export-dialog.c: the Export dialog, driven through its actions and
 * widgets under Xvfb: what lands on disk, the warnings it shows, the
 * article checklist, the error dialog. With RPT_TEST_SCREENSHOT_DIR set,
 * it also saves the dialog as PNG files there.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <glib/gstdio.h>

#include "export-fixture.h"
#include "rpt-export-dialog.h"
#include "rpt-test-util.h"

static RptProject *project;
static GtkWidget *dialog;
static char *tmp;

static void
setup (void)
{
  adw_init ();
  /* Reveal at once, so that pictures show expanded lists. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  project = fixture_project (NULL);
  tmp = rpt_test_make_tmpdir ();
  dialog = rpt_export_dialog_new (NULL, project);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (dialog);
}

static void
teardown (void)
{
  if (dialog)
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&project);
  g_clear_pointer (&tmp, g_free);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("RPT_TEST_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  graphene_rect_t bounds;

  if (dir == NULL)
    return;
  gtk_test_widget_wait_for_draw (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  gsk_render_node_get_bounds (node, &bounds);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node, &bounds);
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

/* Runs the main loop until the export finishes. */
static void
run_export (void)
{
  gboolean running = FALSE;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  gtk_widget_activate_action (dialog, "export.run", NULL);
  g_object_get (dialog, "running", &running, NULL);
  ck_assert_msg (running, "Export did not start");
  while (running && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      g_object_get (dialog, "running", &running, NULL);
    }
  ck_assert (!running);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find (GtkWidget     *root,
      Match          match,
      gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, match, data);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_check (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_CHECK_BUTTON (widget);
}

START_TEST (test_dialog_exports_jsonl)
{
  g_autofree char *dest = g_build_filename (tmp, "summit.jsonl", NULL);
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;

  /* Nothing can run before a destination is chosen. */
  gtk_widget_activate_action (dialog, "export.run", NULL);
  {
    gboolean running = TRUE;
    g_object_get (dialog, "running", &running, NULL);
    ck_assert (!running);
  }
  ck_assert (find (dialog, is_label_containing, "No file chosen") != NULL);
  ck_assert (find (dialog, is_label_containing, "All 2 articles") != NULL);
  ck_assert (find (dialog, is_label_containing, "All 6 labels") != NULL);
  screenshot (dialog, "export-dialog.png");

  g_object_set (dialog, "destination", dest, NULL);
  ck_assert (find (dialog, is_label_containing, "summit.jsonl") != NULL);
  run_export ();

  data = rpt_test_read_file (dest, NULL);
  lines = g_strsplit (data, "\n", -1);
  ck_assert_uint_eq (g_strv_length (lines), 3);
  /* The user sees what the format could not carry. */
  ck_assert (find (dialog, is_label_containing, "JSON Lines does not carry label colours") != NULL);
  ck_assert (find (dialog, is_label_containing, "Done") != NULL);
  screenshot (dialog, "export-dialog-done.png");
}
END_TEST

START_TEST (test_dialog_format_switch_and_checklist)
{
  g_autofree char *dest = g_build_filename (tmp, "summit.jsonl", NULL);
  g_autofree char *folder = g_build_filename (tmp, "summit", NULL);
  g_autofree char *csv = g_build_filename (tmp, "summit.csv", NULL);
  g_autofree char *destination = NULL;
  g_autofree char *data = NULL;
  GtkWidget *row, *check;

  g_object_set (dialog, "destination", dest, "format", "brat", NULL);
  g_object_get (dialog, "destination", &destination, NULL);
  ck_assert_str_eq (destination, folder);   /* a folder format drops the extension */
  ck_assert (find (dialog, is_label_containing, "A folder of .txt and .ann files") != NULL);
  run_export ();
  ck_assert (g_file_test (folder, G_FILE_TEST_IS_DIR));
  {
    g_autofree char *ann = g_build_filename (folder, "day-2.ann", NULL);
    ck_assert (g_file_test (ann, G_FILE_TEST_IS_REGULAR));
  }

  /* Leave out the second article with its check box. */
  row = find (dialog, is_row_titled, "Summit, day two");
  ck_assert (row != NULL);
  check = find (row, is_check, NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  ck_assert (find (dialog, is_label_containing, "1 of 2 articles") != NULL);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW)), TRUE);
  screenshot (dialog, "export-dialog-lists.png");

  g_object_set (dialog, "format", "csv", NULL);
  g_free (destination);
  g_object_get (dialog, "destination", &destination, NULL);
  ck_assert_str_eq (destination, csv);
  run_export ();
  data = rpt_test_read_file (csv, NULL);
  ck_assert (strstr (data, "\r\nsummit,") != NULL);
  ck_assert (strstr (data, "day-2") == NULL);
}
END_TEST

START_TEST (test_dialog_shows_errors)
{
  g_autofree char *dest = g_build_filename (tmp, "no", "such", "place.jsonl", NULL);
  GListModel *toplevels;
  GtkWidget *message = NULL;

  g_object_set (dialog, "destination", dest, NULL);
  run_export ();
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        message = window;
    }
  ck_assert_msg (message != NULL, "no error dialog");
  ck_assert_str_eq (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), "Could Not Export");
  ck_assert (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)), "place.jsonl") != NULL);
  screenshot (message, "export-dialog-error.png");
  gtk_window_destroy (GTK_WINDOW (message));
  ck_assert (find (dialog, is_label_containing, "nothing was written") != NULL);
}
END_TEST

START_TEST (test_dialog_closed_while_exporting)
{
  g_autofree char *dest = g_build_filename (tmp, "closing.conll", NULL);
  g_autoptr(GtkWidget) keep = g_object_ref (dialog);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  gboolean running = FALSE;

  g_object_set (dialog, "destination", dest, "format", "conll", NULL);
  gtk_widget_activate_action (dialog, "export.run", NULL);
  g_object_get (keep, "running", &running, NULL);
  ck_assert (running);
  /* The parent goes away, taking the dialog with it. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = NULL;
  while (running && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      g_object_get (keep, "running", &running, NULL);
    }
  ck_assert (!running);
}
END_TEST

/* ---- Replacing what is there ---- */

static AdwMessageDialog *
find_message (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Answers @message as its button does, and lets it go. */
static void
answer (AdwMessageDialog *message,
        const char       *response)
{
  ck_assert (adw_message_dialog_has_response (message, response));
  adw_message_dialog_response (message, response);
  gtk_window_destroy (GTK_WINDOW (message));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
is_running (void)
{
  gboolean running = FALSE;

  g_object_get (dialog, "running", &running, NULL);
  return running;
}

/* Presses Export and returns the question or refusal it shows (nothing
 * has started). */
static AdwMessageDialog *
export_and_expect_message (void)
{
  AdwMessageDialog *message;

  gtk_widget_activate_action (dialog, "export.run", NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  ck_assert_msg (!is_running (), "Export started without asking");
  message = find_message ();
  ck_assert_msg (message != NULL, "Export did not ask");
  return message;
}

static void
assert_is_replace_question (AdwMessageDialog *message,
                            const char       *heading,
                            const char       *body_part)
{
  ck_assert_str_eq (adw_message_dialog_get_heading (message), heading);
  ck_assert_msg (strstr (adw_message_dialog_get_body (message), body_part) != NULL, "%s",
                 adw_message_dialog_get_body (message));
  /* Enter and Escape keep what is there. */
  ck_assert_str_eq (adw_message_dialog_get_default_response (message), "cancel");
  ck_assert_str_eq (adw_message_dialog_get_close_response (message), "cancel");
  ck_assert_int_eq (adw_message_dialog_get_response_appearance (message, "replace"), ADW_RESPONSE_DESTRUCTIVE);
}

START_TEST (test_dialog_asks_before_replacing_a_file)
{
  g_autofree char *dest = rpt_test_write_file (tmp, "mine.jsonl", "my own lines\n", -1);
  g_autofree char *data = NULL;

  g_object_set (dialog, "destination", dest, NULL);
  assert_is_replace_question (export_and_expect_message (), "Replace “mine.jsonl”?", "mine.jsonl exists");
  answer (find_message (), "cancel");
  ck_assert (!is_running ());
  data = rpt_test_read_file (dest, NULL);
  ck_assert_str_eq (data, "my own lines\n");

  /* Closing the question (Escape) is Cancel too. */
  export_and_expect_message ();
  gtk_window_close (GTK_WINDOW (find_message ()));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  ck_assert (!is_running ());
  g_free (data);
  data = rpt_test_read_file (dest, NULL);
  ck_assert_str_eq (data, "my own lines\n");

  answer (export_and_expect_message (), "replace");
  while (is_running ())
    g_main_context_iteration (NULL, TRUE);
  g_free (data);
  data = rpt_test_read_file (dest, NULL);
  ck_assert (g_str_has_prefix (data, "{\"id\": \"summit\""));

  /* What it just wrote goes again without a question. */
  run_export ();
  ck_assert (find_message () == NULL);
}
END_TEST

START_TEST (test_dialog_asks_about_read_only_file)
{
  g_autofree char *dest = rpt_test_write_file (tmp, "locked.csv", "kept\n", -1);
  g_autofree char *data = NULL;

  g_chmod (dest, 0444);
  g_object_set (dialog, "destination", dest, "format", "csv", NULL);
  assert_is_replace_question (export_and_expect_message (), "Replace “locked.csv”?", "locked.csv is read-only");
  answer (find_message (), "cancel");
  data = rpt_test_read_file (dest, NULL);
  ck_assert_str_eq (data, "kept\n");
}
END_TEST

START_TEST (test_dialog_never_replaces_user_folder)
{
  g_autofree char *folder = g_build_filename (tmp, "corpus", NULL);
  g_autofree char *mine = NULL, *data = NULL;
  AdwMessageDialog *message;

  g_mkdir (folder, 0755);
  mine = rpt_test_write_file (folder, "notes.txt", "mine\n", -1);
  g_object_set (dialog, "format", "brat", "destination", folder, NULL);
  message = export_and_expect_message ();
  ck_assert_str_eq (adw_message_dialog_get_heading (message), "Could Not Export");
  ck_assert_msg (strstr (adw_message_dialog_get_body (message), "holds “notes.txt”, which Repartee did not write") &&
                 strstr (adw_message_dialog_get_body (message), "Choose an empty or new folder"),
                 "%s", adw_message_dialog_get_body (message));
  /* No way to replace it from here. */
  ck_assert (!adw_message_dialog_has_response (message, "replace"));
  answer (message, "close");
  data = rpt_test_read_file (mine, NULL);
  ck_assert_str_eq (data, "mine\n");
  ck_assert (!is_running ());
}
END_TEST

START_TEST (test_dialog_asks_before_replacing_earlier_export)
{
  g_autofree char *folder = g_build_filename (tmp, "dataset", NULL);
  g_autofree char *day2 = g_build_filename (folder, "day-2.ann", NULL);
  RptExportOptions options;
  g_autoptr(GError) error = NULL;

  rpt_export_options_init (&options, RPT_EXPORT_BRAT);
  options.document_ids = (const char *[]) { "day-2", NULL };
  ck_assert (rpt_export (project, &options, folder, NULL, NULL, NULL, NULL, &error));
  g_object_set (dialog, "format", "brat", "destination", folder, NULL);
  assert_is_replace_question (export_and_expect_message (), "Replace “dataset”?", "holds an earlier export");
  answer (find_message (), "cancel");
  ck_assert (g_file_test (day2, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *summit = g_build_filename (folder, "summit.ann", NULL);
    ck_assert (!g_file_test (summit, G_FILE_TEST_EXISTS));
  }
  answer (export_and_expect_message (), "replace");
  while (is_running ())
    g_main_context_iteration (NULL, TRUE);
  {
    g_autofree char *summit = g_build_filename (folder, "summit.ann", NULL);
    ck_assert (g_file_test (summit, G_FILE_TEST_IS_REGULAR));
  }
}
END_TEST

START_TEST (test_dialog_never_over_project_file)
{
  g_autofree char *path = g_build_filename (tmp, "summit.json", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *message;

  ck_assert (rpt_project_save_to_file (project, path, &error));
  before = rpt_test_read_file (path, NULL);
  g_object_set (dialog, "project-file", path, "destination", path, "format", "jsonl", NULL);
  /* The format's extension follows; put the project's name back. */
  g_object_set (dialog, "destination", path, NULL);
  message = export_and_expect_message ();
  ck_assert_str_eq (adw_message_dialog_get_heading (message), "Could Not Export");
  ck_assert_msg (strstr (adw_message_dialog_get_body (message), "“summit.json” is the open project’s file"),
                 "%s", adw_message_dialog_get_body (message));
  ck_assert (!adw_message_dialog_has_response (message, "replace"));
  answer (message, "close");
  after = rpt_test_read_file (path, NULL);
  ck_assert_str_eq (after, before);
}
END_TEST

static Suite *
dialog_suite (void)
{
  Suite *s = suite_create ("export-dialog");
  TCase *tc = tcase_create ("dialog");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_dialog_exports_jsonl);
  tcase_add_test (tc, test_dialog_format_switch_and_checklist);
  tcase_add_test (tc, test_dialog_shows_errors);
  tcase_add_test (tc, test_dialog_closed_while_exporting);
  tcase_add_test (tc, test_dialog_asks_before_replacing_a_file);
  tcase_add_test (tc, test_dialog_asks_about_read_only_file);
  tcase_add_test (tc, test_dialog_never_replaces_user_folder);
  tcase_add_test (tc, test_dialog_asks_before_replacing_earlier_export);
  tcase_add_test (tc, test_dialog_never_over_project_file);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (dialog_suite)
