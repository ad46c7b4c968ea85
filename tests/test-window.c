/* test-window.c: the annotation window, driven through its widgets, keys
 * and actions: importing articles, tagging by the label bar and by key,
 * highlights as drawn, overlaps, undo and redo, delete with the toast's
 * Undo, Enter to the details, the label bar following the labels.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <math.h>
#include <string.h>

#include "rpt-article-view.h"
#include "rpt-document-row.h"
#include "rpt-inspector.h"
#include "rpt-label-bar.h"
#include "rpt-test-util.h"
#include "rpt-test-window.h"
#include "rpt-window-articles.h"

/* Written for these tests. */
typedef struct
{
  RptWindow      *window;
  RptArticleView *view;
  GtkTextView    *text_view;
  RptDocument    *doc_a;
} Fixture;

static Fixture f;

/* A window with the two articles imported through the same path as the
 * Import action (GFiles, read in a worker thread). */
static void
setup (void)
{
  f.window = rpt_test_new_window_with_articles ();

  f.doc_a = rpt_project_get_document (rpt_window_get_project (f.window), "lake-summit");
  ck_assert_ptr_nonnull (f.doc_a);
  f.view = RPT_ARTICLE_VIEW (rpt_test_find_widget (GTK_WIDGET (f.window), RPT_TYPE_ARTICLE_VIEW, NULL));
  ck_assert_ptr_nonnull (f.view);
  f.text_view = rpt_article_view_get_text_view (f.view);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
}

static void
teardown (void)
{
  if (f.window)
    rpt_test_close_discarding (f.window);
  memset (&f, 0, sizeof f);
}

static RptProject *
project (void)
{
  return rpt_window_get_project (f.window);
}

static RptAnnotationStore *
store_a (void)
{
  return rpt_project_get_annotations (project (), "lake-summit");
}

static void
select_text (const char *needle)
{
  guint start = rpt_test_offset_of (ARTICLE_A, needle);

  rpt_article_view_select_range (f.view, start, start + (guint) g_utf8_strlen (needle, -1));
}

static double
distance (const GdkRGBA *a,
          const GdkRGBA *b)
{
  return fabs (a->red - b->red) + fabs (a->green - b->green) + fabs (a->blue - b->blue);
}

/* The colours down the middle of the character at @offset, top to bottom:
 * a tint, an underline or an outline all show up somewhere in it. */
static GArray *
char_strip (guint offset)
{
  GArray *strip = g_array_new (FALSE, FALSE, sizeof (GdkRGBA));
  GtkTextIter iter;
  GdkRectangle rect;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (f.text_view), &iter, offset);
  gtk_text_view_get_iter_location (f.text_view, &iter, &rect);
  for (int y = rect.y; y < rect.y + rect.height; y++)
    {
      GdkRGBA color;
      int wx, wy;

      gtk_text_view_buffer_to_window_coords (f.text_view, GTK_TEXT_WINDOW_WIDGET,
                                             rect.x + rect.width / 2, y, &wx, &wy);
      rpt_test_pixel (GTK_WIDGET (f.text_view), wx, wy, &color);
      g_array_append_val (strip, color);
    }
  return strip;
}

static gboolean
strips_differ (GArray *a,
               GArray *b)
{
  for (guint i = 0; i < MIN (a->len, b->len); i++)
    if (distance (&g_array_index (a, GdkRGBA, i), &g_array_index (b, GdkRGBA, i)) > 0.1)
      return TRUE;
  return a->len != b->len;
}

START_TEST (test_import_shows_articles)
{
  GtkWidget *row;
  const char *title;

  /* The first imported article is open, listed with its source and count. */
  ck_assert_ptr_eq (rpt_article_view_get_document (f.view), f.doc_a);
  ck_assert_str_eq (rpt_document_get_title (f.doc_a), "Ministers trade words at the lake summit");
  row = rpt_test_find_widget (GTK_WIDGET (f.window), RPT_TYPE_DOCUMENT_ROW, NULL);
  ck_assert_ptr_nonnull (row);
  ck_assert_str_eq (rpt_document_row_get_subtitle (RPT_DOCUMENT_ROW (row)), "lake-summit.txt · 0 annotations");
  ck_assert_str_eq (rpt_document_get_source (rpt_project_get_document (project (), "handshake")), "handshake.txt");

  /* Imported, not saved: the title carries the mark. */
  title = gtk_window_get_title (GTK_WINDOW (f.window));
  ck_assert_msg (g_str_has_prefix (title, "• "), "title: %s", title);
}
END_TEST

START_TEST (test_tag_by_label_bar_and_by_key)
{
  RptLabelBar *bar = RPT_LABEL_BAR (rpt_test_find_widget (GTK_WIDGET (f.window), RPT_TYPE_LABEL_BAR, NULL));
  GtkWidget *claim_button = rpt_label_bar_get_button (bar, "claim");
  RptAnnotation *annotation;
  GtkWidget *row;
  GdkRGBA plain, claim, rebuttal;
  guint start = rpt_test_offset_of (ARTICLE_A, "new bridge would open next spring");
  guint rebut = rpt_test_offset_of (ARTICLE_A, "Only if you count the winters twice");

  /* By the label bar: select, click "Claim". */
  ck_assert_ptr_nonnull (claim_button);
  select_text ("new bridge would open next spring");
  rpt_test_click (claim_button);
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (store_a ()), 1);
  annotation = rpt_annotation_store_get (store_a (), 0);
  ck_assert_uint_eq (rpt_annotation_get_start (annotation), start);
  ck_assert_uint_eq (rpt_annotation_get_end (annotation), start + 33);
  ck_assert_str_eq (rpt_annotation_get_label (annotation), "claim");
  row = rpt_test_find_widget (GTK_WIDGET (f.window), RPT_TYPE_DOCUMENT_ROW, NULL);
  ck_assert_str_eq (rpt_document_row_get_subtitle (RPT_DOCUMENT_ROW (row)), "lake-summit.txt · 1 annotation");

  /* By key: select, press 2 (Rebuttal) in the text. */
  select_text ("Only if you count the winters twice");
  gtk_widget_grab_focus (GTK_WIDGET (f.text_view));
  ck_assert (rpt_test_send_key (GTK_WINDOW (f.window), GDK_KEY_2, 0));
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (store_a ()), 2);
  annotation = rpt_annotation_store_get (store_a (), 1);
  ck_assert_uint_eq (rpt_annotation_get_start (annotation), rebut);
  ck_assert_str_eq (rpt_annotation_get_label (annotation), "rebuttal");

  /* Highlighted as drawn: the space in a span is tinted in its label's
   * colour (Claim blue, Rebuttal red); a space outside stays plain. */
  rpt_article_view_set_selected_annotation (f.view, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  rpt_test_char_color (f.text_view, rpt_test_offset_of (ARTICLE_A, " minister said"), &plain);
  rpt_test_char_color (f.text_view, start + 3, &claim);
  rpt_test_char_color (f.text_view, rebut + 4, &rebuttal);
  ck_assert_msg (distance (&plain, &claim) > 0.1, "the claim is not highlighted");
  ck_assert_msg (claim.blue > claim.red + 0.05, "the claim is not blue: %s", gdk_rgba_to_string (&claim));
  ck_assert_msg (distance (&plain, &rebuttal) > 0.1, "the rebuttal is not highlighted");
  ck_assert_msg (rebuttal.red > rebuttal.blue + 0.05, "the rebuttal is not red: %s", gdk_rgba_to_string (&rebuttal));
}
END_TEST

START_TEST (test_overlap_both_visible)
{
  g_autoptr(GArray) only_joke = NULL;
  g_autoptr(GArray) both = NULL;
  g_autoptr(GArray) only_signal = NULL;
  GtkTextIter iter;
  g_autoptr(GSList) tags = NULL;
  guint overlap = rpt_test_offset_of (ARTICLE_A, "and the room") + 3;

  /* A joke that is also, in part, a diplomatic signal. */
  select_text ("the Sudmark minister, and the room");
  gtk_widget_grab_focus (GTK_WIDGET (f.text_view));
  ck_assert (rpt_test_send_key (GTK_WINDOW (f.window), GDK_KEY_3, 0));
  select_text ("and the room laughed. Both sides");
  ck_assert (rpt_test_send_key (GTK_WINDOW (f.window), GDK_KEY_4, 0));
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (store_a ()), 2);
  ck_assert_str_eq (rpt_annotation_get_label (rpt_annotation_store_get (store_a (), 0)), "joke");
  ck_assert_str_eq (rpt_annotation_get_label (rpt_annotation_store_get (store_a (), 1)), "diplomatic-signal");

  /* Neither hides the other: where they overlap the text looks different
   * from where only one of them lies. */
  rpt_article_view_set_selected_annotation (f.view, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  only_joke = char_strip (rpt_test_offset_of (ARTICLE_A, "Sudmark minister,") + 7);
  both = char_strip (overlap);
  only_signal = char_strip (rpt_test_offset_of (ARTICLE_A, "Both sides") + 4);
  ck_assert_msg (strips_differ (both, only_joke), "the overlap looks like the joke alone");
  ck_assert_msg (strips_differ (both, only_signal), "the overlap looks like the signal alone");

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (f.text_view), &iter, overlap);
  tags = gtk_text_iter_get_tags (&iter);
  ck_assert_uint_ge (g_slist_length (tags), 2);
}
END_TEST

START_TEST (test_undo_redo)
{
  GListModel *documents = rpt_project_get_documents (project ());
  GtkWidget *empty;

  select_text ("new bridge");
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.tag", "s", "claim");
  select_text ("winters twice");
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.tag", "s", "rebuttal");
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (store_a ()), 2);

  /* Ctrl+Z in the text (the text view's own undo must not take it). */
  gtk_widget_grab_focus (GTK_WIDGET (f.text_view));
  ck_assert (rpt_test_send_key (GTK_WINDOW (f.window), GDK_KEY_z, GDK_CONTROL_MASK));
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (store_a ()), 1);
  ck_assert_str_eq (rpt_annotation_get_label (rpt_annotation_store_get (store_a (), 0)), "claim");
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL);
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (store_a ()), 0);

  ck_assert (rpt_test_send_key (GTK_WINDOW (f.window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (store_a ()), 1);
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.redo", NULL);
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (store_a ()), 2);
  ck_assert_str_eq (rpt_annotation_get_label (rpt_annotation_store_get (store_a (), 1)), "rebuttal");

  /* Undo everything, the import included: back to the empty state, clean. */
  for (int i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (documents), 0);
  ck_assert (!rpt_project_get_dirty (project ()));
  ck_assert (!g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f.window)), "•"));
  empty = rpt_test_find_widget (GTK_WIDGET (f.window), ADW_TYPE_STATUS_PAGE, NULL);
  ck_assert_ptr_nonnull (empty);
  ck_assert (gtk_widget_get_mapped (empty));
  /* Nothing left to undo: Ctrl+Z is not taken. */
  ck_assert (!rpt_test_send_key (GTK_WINDOW (f.window), GDK_KEY_z, GDK_CONTROL_MASK));
}
END_TEST

START_TEST (test_delete_and_undo_from_toast)
{
  RptAnnotation *annotation;
  g_autofree char *id = NULL;
  GtkWidget *undo;

  select_text ("new bridge would open next spring");
  annotation = rpt_article_view_tag_selection (f.view, "claim", NULL);
  ck_assert_ptr_nonnull (annotation);
  id = g_strdup (rpt_annotation_get_id (annotation));
  ck_assert_ptr_eq (rpt_article_view_get_selected_annotation (f.view), annotation);

  /* Without a selected annotation, Delete deletes nothing. */
  gtk_widget_grab_focus (GTK_WIDGET (f.text_view));
  rpt_article_view_set_selected_annotation (f.view, NULL);
  rpt_test_send_key (GTK_WINDOW (f.window), GDK_KEY_Delete, 0);
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (store_a ()), 1);

  rpt_article_view_set_selected_annotation (f.view, annotation);
  ck_assert (rpt_test_send_key (GTK_WINDOW (f.window), GDK_KEY_Delete, 0));
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (store_a ()), 0);
  ck_assert_ptr_null (rpt_project_get_annotation (project (), id));

  /* The toast says so and offers Undo. */
  rpt_test_wait_until (rpt_test_find_widget (GTK_WIDGET (f.window), GTK_TYPE_LABEL, "Annotation deleted") != NULL);
  rpt_test_wait_until ((undo = rpt_test_find_widget (GTK_WIDGET (f.window), GTK_TYPE_BUTTON, "_Undo")) != NULL);
  rpt_test_click (undo);
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (store_a ()), 1);
  annotation = rpt_project_get_annotation (project (), id);
  ck_assert_ptr_nonnull (annotation);
  ck_assert_uint_eq (rpt_annotation_get_start (annotation), rpt_test_offset_of (ARTICLE_A, "new bridge"));
  ck_assert_str_eq (rpt_annotation_get_label (annotation), "claim");
}
END_TEST

START_TEST (test_enter_focuses_details)
{
  GtkWidget *inspector = rpt_test_find_widget (GTK_WIDGET (f.window), RPT_TYPE_INSPECTOR, NULL);
  RptAnnotation *annotation;

  select_text ("winters twice");
  annotation = rpt_article_view_tag_selection (f.view, "rebuttal", NULL);
  ck_assert_ptr_nonnull (annotation);

  /* The inspector follows the text's selection. */
  ck_assert_ptr_eq (rpt_inspector_get_selected_annotation (RPT_INSPECTOR (inspector)), annotation);

  gtk_widget_grab_focus (GTK_WIDGET (f.text_view));
  ck_assert (rpt_test_send_key (GTK_WINDOW (f.window), GDK_KEY_Return, 0));
  ck_assert (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f.window)), inspector));
}
END_TEST

START_TEST (test_label_bar_follows_labels)
{
  RptLabelBar *bar = RPT_LABEL_BAR (rpt_test_find_widget (GTK_WIDGET (f.window), RPT_TYPE_LABEL_BAR, NULL));
  RptLabel *label;
  GtkWidget *button;

  ck_assert_ptr_nonnull (rpt_label_bar_get_button (bar, "diplomatic-signal"));
  label = rpt_project_add_label (project (), "Threat", "#c01c28", 5, NULL);
  ck_assert_ptr_nonnull (label);
  button = rpt_label_bar_get_button (bar, rpt_label_get_id (label));
  ck_assert_ptr_nonnull (button);
  ck_assert_ptr_nonnull (rpt_test_find_widget (button, GTK_TYPE_LABEL, "Threat"));
  ck_assert_ptr_nonnull (rpt_test_find_widget (button, GTK_TYPE_LABEL, "5"));

  rpt_project_rename_label (project (), rpt_label_get_id (label), "Warning", NULL);
  button = rpt_label_bar_get_button (bar, rpt_label_get_id (label));
  ck_assert_ptr_nonnull (rpt_test_find_widget (button, GTK_TYPE_LABEL, "Warning"));

  /* Its button tags with it. */
  select_text ("Both sides promised");
  rpt_test_click (button);
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (store_a ()), 1);
  ck_assert_str_eq (rpt_annotation_get_label (rpt_annotation_store_get (store_a (), 0)), rpt_label_get_id (label));

  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL);
  ck_assert_ptr_null (rpt_label_bar_get_button (bar, rpt_label_get_id (label)));
}
END_TEST

START_TEST (test_snap_setting_bound)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_boolean (settings, "snap-to-words", FALSE);
  ck_assert (!rpt_article_view_get_snap_to_words (f.view));
  g_settings_set_boolean (settings, "snap-to-words", TRUE);
  ck_assert (rpt_article_view_get_snap_to_words (f.view));
}
END_TEST

START_TEST (test_inspector_link_to_other_article)
{
  GtkWidget *inspector = rpt_test_find_widget (GTK_WIDGET (f.window), RPT_TYPE_INSPECTOR, NULL);
  RptAnnotation *other;
  RptDocument *doc_b = rpt_project_get_document (project (), "handshake");

  /* The inspector activates an annotation in the other article (a link's
   * target): the window opens that article with it selected. */
  other = rpt_project_add_annotation (project (), "handshake", 0, 6, "claim", NULL, NULL);
  ck_assert_ptr_nonnull (other);
  ck_assert_ptr_eq (rpt_article_view_get_document (f.view), f.doc_a);
  g_signal_emit_by_name (inspector, "annotation-activated", other);
  ck_assert_ptr_eq (rpt_article_view_get_document (f.view), doc_b);
  ck_assert_ptr_eq (rpt_article_view_get_selected_annotation (f.view), other);
  ck_assert_ptr_eq (rpt_inspector_get_selected_annotation (RPT_INSPECTOR (inspector)), other);
}
END_TEST

START_TEST (test_author_setting)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RptAnnotation *annotation;

  g_settings_set_string (settings, "author", "Test Annotator");
  select_text ("Both sides");
  annotation = rpt_article_view_tag_selection (f.view, "claim", NULL);
  ck_assert_ptr_nonnull (annotation);
  ck_assert_str_eq (rpt_annotation_get_author (annotation), "Test Annotator");
  g_settings_reset (settings, "author");
}
END_TEST

START_TEST (test_window_size_saved)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RptWindow *other;
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (f.window), 1240, 760);
  rpt_test_close_discarding (f.window);
  f.window = NULL;
  ck_assert_int_eq (g_settings_get_int (settings, "window-width"), 1240);
  ck_assert_int_eq (g_settings_get_int (settings, "window-height"), 760);
  ck_assert (!g_settings_get_boolean (settings, "window-maximized"));

  /* The next window opens at that size. */
  f.window = other = rpt_test_new_window ();  /* closed by the fixture */
  gtk_window_get_default_size (GTK_WINDOW (other), &width, &height);
  ck_assert_int_eq (width, 1240);
  ck_assert_int_eq (height, 760);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}
END_TEST

static Suite *
window_suite (void)
{
  Suite *s = suite_create ("window");
  TCase *tc = tcase_create ("annotate");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_import_shows_articles);
  tcase_add_test (tc, test_tag_by_label_bar_and_by_key);
  tcase_add_test (tc, test_overlap_both_visible);
  tcase_add_test (tc, test_undo_redo);
  tcase_add_test (tc, test_delete_and_undo_from_toast);
  tcase_add_test (tc, test_enter_focuses_details);
  tcase_add_test (tc, test_label_bar_follows_labels);
  tcase_add_test (tc, test_snap_setting_bound);
  tcase_add_test (tc, test_inspector_link_to_other_article);
  tcase_add_test (tc, test_author_setting);
  tcase_add_test (tc, test_window_size_saved);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_APP_MAIN (window_suite)
