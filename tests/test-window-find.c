/* test-window-find.c: Find, driven through the window with keys and
 * clicks: Ctrl+F, typing, the matches highlighted and counted, Enter,
 * Shift+Enter, Ctrl+G and Shift+Ctrl+G, Escape back to the text (where a
 * number key tags the match), the options and a bad expression, the list
 * of matches in all articles and jumping to one, and Tag All as one undo
 * step, in the project and on disk.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <math.h>
#include <string.h>

#include "rpt-article-text-view.h"
#include "rpt-article-view.h"
#include "rpt-find-bar.h"
#include "rpt-test-util.h"
#include "rpt-test-window.h"
#include "rpt-window-articles.h"

typedef struct
{
  RptWindow      *window;
  RptArticleView *view;
  GtkTextView    *text_view;
  RptFindBar     *bar;
  GtkWidget      *entry;
  RptDocument    *doc_a;
  RptDocument    *doc_b;
} Fixture;

static Fixture f;

static void
setup (void)
{
  f.window = rpt_test_new_window_with_articles ();
  f.doc_a = rpt_project_get_document (rpt_window_get_project (f.window), "lake-summit");
  f.doc_b = rpt_project_get_document (rpt_window_get_project (f.window), "handshake");
  f.view = RPT_ARTICLE_VIEW (rpt_test_find_widget (GTK_WIDGET (f.window), RPT_TYPE_ARTICLE_VIEW, NULL));
  f.text_view = rpt_article_view_get_text_view (f.view);
  f.bar = RPT_FIND_BAR (rpt_test_find_widget (GTK_WIDGET (f.window), RPT_TYPE_FIND_BAR, NULL));
  f.entry = rpt_test_must_find_named (GTK_WIDGET (f.bar), "find-entry");
  ck_assert_ptr_eq (rpt_article_view_get_document (f.view), f.doc_a);
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

static gboolean
key (guint           keyval,
     GdkModifierType modifiers)
{
  return rpt_test_send_key (GTK_WINDOW (f.window), keyval, modifiers);
}

/* Types @text into the focused entry a character at a time: each one
 * starts a search that the next one cancels. */
static void
type (const char *text)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f.window));

  ck_assert_msg (focus != NULL && gtk_widget_is_ancestor (focus, f.entry), "the search entry has no focus");
  gtk_editable_set_position (GTK_EDITABLE (f.entry), -1);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      int position = gtk_editable_get_position (GTK_EDITABLE (f.entry));

      gtk_editable_insert_text (GTK_EDITABLE (f.entry), p, (int) (g_utf8_next_char (p) - p), &position);
      gtk_editable_set_position (GTK_EDITABLE (f.entry), position);
      rpt_test_run_pending ();
    }
}

static gboolean
search_done (void)
{
  RptSearchResults *results = rpt_find_bar_get_results (f.bar);

  return results != NULL && rpt_search_results_is_complete (results);
}

static const char *
count (void)
{
  return gtk_label_get_text (GTK_LABEL (rpt_test_must_find_named (GTK_WIDGET (f.bar), "find-count")));
}

/* The text selection, as "start-end" in code points. */
static char *
selection (void)
{
  guint start = 0, end = 0;
  GtkTextIter a, b;

  if (gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (f.text_view), &a, &b))
    {
      start = rpt_article_text_view_get_offset (RPT_ARTICLE_TEXT_VIEW (f.text_view), &a);
      end = rpt_article_text_view_get_offset (RPT_ARTICLE_TEXT_VIEW (f.text_view), &b);
    }
  return g_strdup_printf ("%u-%u", start, end);
}

static char *
span (const char *text,
      const char *needle,
      guint       length)
{
  guint start = rpt_test_offset_of (text, needle);

  return g_strdup_printf ("%u-%u", start, start + length);
}

/* The highlighted matches, "start-end …", with the current one starred. */
static char *
highlighted (void)
{
  guint current;
  GArray *matches = rpt_article_text_view_get_find_matches (RPT_ARTICLE_TEXT_VIEW (f.text_view), &current);
  GString *out = g_string_new (NULL);

  for (guint i = 0; matches != NULL && i < matches->len; i++)
    g_string_append_printf (out, "%s%u-%u%s", i ? " " : "", g_array_index (matches, RptSearchMatch, i).start,
                            g_array_index (matches, RptSearchMatch, i).end, i == current ? "*" : "");
  return g_string_free (out, FALSE);
}

#define ASSERT_STR(call, expected)                                            \
  G_STMT_START {                                                              \
    g_autofree char *_got = (call);                                           \
    g_autofree char *_want = (expected);                                      \
    ck_assert_str_eq (_got, _want);                                           \
  } G_STMT_END

static double
color_distance (const GdkRGBA *a,
                const GdkRGBA *b)
{
  return fabs (a->red - b->red) + fabs (a->green - b->green) + fabs (a->blue - b->blue);
}

/* The colour just under the top of the line at the character at
 * @offset: the background there, above the letters of the x-height. */
static void
background_at (guint    offset,
               GdkRGBA *color)
{
  GtkTextIter iter;
  GdkRectangle rect;
  int x, y;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (f.text_view), &iter, (int) offset);
  gtk_text_view_get_iter_location (f.text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (f.text_view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x + rect.width / 2, rect.y + 2, &x, &y);
  rpt_test_pixel (GTK_WIDGET (f.text_view), x, y, color);
}

static void
open_and_type (const char *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (f.text_view));
  ck_assert (key (GDK_KEY_f, GDK_CONTROL_MASK));
  ck_assert (rpt_find_bar_is_open (f.bar));
  type (text);
  rpt_test_wait_until (search_done ());
  rpt_test_run_pending ();
}

START_TEST (test_find_as_you_type)
{
  guint m0 = rpt_test_offset_of (ARTICLE_A, "Ministers");
  guint m1 = rpt_test_offset_of (ARTICLE_A, "minister said");
  guint m2 = rpt_test_offset_of (ARTICLE_A, "minister, and");
  g_autofree char *all = g_strdup_printf ("%u-%u* %u-%u %u-%u", m0, m0 + 8, m1, m1 + 8, m2, m2 + 8);
  GdkRGBA plain, match, current;

  /* Nothing is highlighted before Ctrl+F. */
  ck_assert (!rpt_find_bar_is_open (f.bar));
  ASSERT_STR (highlighted (), g_strdup (""));

  /* Each match highlighted, the first after the caret current and
   * selected, and counted. */
  open_and_type ("MINISTER");
  ASSERT_STR (highlighted (), g_strdup (all));
  ck_assert_str_eq (count (), "1 of 3");
  ASSERT_STR (selection (), span (ARTICLE_A, "Ministers", 8));

  /* As drawn: behind the current match, another match and plain text
   * ("n" of "Ministers", "n" of "minister", "e" of "open"), three
   * different colours. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  background_at (m0 + 2, &current);
  background_at (m1 + 2, &match);
  background_at (rpt_test_offset_of (ARTICLE_A, "open") + 2, &plain);
  ck_assert_msg (color_distance (&match, &plain) > 0.2, "a match is drawn as plain text");
  ck_assert_msg (color_distance (&current, &match) > 0.2, "the current match is drawn as the others");

  /* Enter, Shift+Enter (round the end), Ctrl+G, Shift+Ctrl+G. */
  ck_assert (key (GDK_KEY_Return, 0));
  ck_assert_str_eq (count (), "2 of 3");
  ASSERT_STR (selection (), span (ARTICLE_A, "minister said", 8));
  ck_assert (key (GDK_KEY_Return, 0));
  ck_assert_str_eq (count (), "3 of 3");
  ck_assert (key (GDK_KEY_Return, 0));
  ck_assert_str_eq (count (), "1 of 3");
  ck_assert (key (GDK_KEY_Return, GDK_SHIFT_MASK));
  ck_assert_str_eq (count (), "3 of 3");
  ASSERT_STR (selection (), span (ARTICLE_A, "minister, and", 8));
  ck_assert (key (GDK_KEY_g, GDK_CONTROL_MASK));
  ck_assert_str_eq (count (), "1 of 3");
  ck_assert (key (GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  ck_assert_str_eq (count (), "3 of 3");
  g_free (all);
  all = g_strdup_printf ("%u-%u %u-%u %u-%u*", m0, m0 + 8, m1, m1 + 8, m2, m2 + 8);
  ASSERT_STR (highlighted (), g_strdup (all));

  /* Escape: the bar closes, the highlights go, the text has the focus and
   * the match is still selected, so a number key tags it. */
  ck_assert (key (GDK_KEY_Escape, 0));
  ck_assert (!rpt_find_bar_is_open (f.bar));
  ck_assert (gtk_widget_has_focus (GTK_WIDGET (f.text_view)));
  ASSERT_STR (highlighted (), g_strdup (""));
  ASSERT_STR (selection (), span (ARTICLE_A, "minister, and", 8));
  ck_assert (key (GDK_KEY_1, 0));
  ck_assert_uint_eq (rpt_project_get_n_annotations (project ()), 1);
  ck_assert_uint_eq (rpt_annotation_get_start (rpt_article_view_get_selected_annotation (f.view)), m2);
  ck_assert_uint_eq (rpt_annotation_get_end (rpt_article_view_get_selected_annotation (f.view)), m2 + 8);

  /* Ctrl+G in the text goes on with the last search. */
  ck_assert (key (GDK_KEY_g, GDK_CONTROL_MASK));
  ASSERT_STR (selection (), span (ARTICLE_A, "Ministers", 8));
}
END_TEST

START_TEST (test_options_and_bad_expression)
{
  GtkWidget *error_label = rpt_test_must_find_named (GTK_WIDGET (f.bar), "find-error");
  guint m1 = rpt_test_offset_of (ARTICLE_A, "minister said");
  guint m2 = rpt_test_offset_of (ARTICLE_A, "minister, and");
  guint bridge = rpt_test_offset_of (ARTICLE_A, "bridge");
  g_autofree char *words = g_strdup_printf ("%u-%u* %u-%u", m1, m1 + 8, m2, m2 + 8);

  /* The current match is the first at or after the caret, or the first
   * of all when none comes after it. */
  rpt_article_view_select_range (f.view, m1 - 4, m1 - 4);
  open_and_type ("minister");
  ck_assert_str_eq (count (), "2 of 3");
  ck_assert (key (GDK_KEY_Escape, 0));
  rpt_article_view_select_range (f.view, m2 + 1, m2 + 1);
  ck_assert (key (GDK_KEY_f, GDK_CONTROL_MASK));
  rpt_test_wait_until (search_done ());
  ck_assert_str_eq (count (), "1 of 3");

  /* Whole words: "Ministers" is another word. */
  gtk_widget_activate (rpt_test_must_find_named (GTK_WIDGET (f.bar), "find-words"));
  rpt_test_wait_until (search_done ());
  ck_assert_str_eq (count (), "1 of 2");
  ASSERT_STR (highlighted (), g_strdup (words));

  /* Match Case as well: none is capitalised so. */
  gtk_widget_activate (rpt_test_must_find_named (GTK_WIDGET (f.bar), "find-case"));
  gtk_editable_set_text (GTK_EDITABLE (f.entry), "Minister");
  rpt_test_wait_until (search_done ());
  ck_assert_str_eq (count (), "No matches");
  ASSERT_STR (highlighted (), g_strdup (""));

  /* A regular expression, then a bad one: the reason under the entry. */
  gtk_widget_activate (rpt_test_must_find_named (GTK_WIDGET (f.bar), "find-case"));
  gtk_widget_activate (rpt_test_must_find_named (GTK_WIDGET (f.bar), "find-regex"));
  gtk_editable_set_text (GTK_EDITABLE (f.entry), "b[a-z]+ge");
  rpt_test_wait_until (search_done ());
  ck_assert_str_eq (count (), "1 of 1");
  ASSERT_STR (highlighted (), g_strdup_printf ("%u-%u*", bridge, bridge + 6));
  ck_assert (!gtk_widget_get_visible (error_label));

  gtk_editable_set_text (GTK_EDITABLE (f.entry), "(b[a-z]+ge");
  rpt_test_run_pending ();
  ck_assert (gtk_widget_get_visible (error_label));
  ck_assert_msg (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "missing terminating )") != NULL,
                 "%s", gtk_label_get_text (GTK_LABEL (error_label)));
  ck_assert (gtk_widget_has_css_class (f.entry, "error"));
  ck_assert_str_eq (count (), "");
  ASSERT_STR (highlighted (), g_strdup (""));
  ck_assert (!gtk_widget_get_sensitive (rpt_test_must_find_named (GTK_WIDGET (f.bar), "find-tag-all")));

  /* Mended: the message goes. */
  type (")");
  rpt_test_wait_until (search_done ());
  ck_assert (!gtk_widget_get_visible (error_label));
  ck_assert (!gtk_widget_has_css_class (f.entry, "error"));
  ck_assert_str_eq (count (), "1 of 1");
}
END_TEST

START_TEST (test_find_in_all_articles)
{
  GtkWidget *list = rpt_test_must_find_named (GTK_WIDGET (f.bar), "find-results");
  GListModel *rows = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  guint in_a = rpt_test_offset_of (ARTICLE_A, "Sudmark");
  guint in_b1 = rpt_test_offset_of (ARTICLE_B, "Sudmark met");
  guint in_b2 = rpt_test_offset_of (ARTICLE_B, "Sudmark delegation");
  g_autofree char *text = NULL;

  open_and_type ("sudmark");
  ck_assert_str_eq (count (), "1 of 1");
  ck_assert (!gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (list, GTK_TYPE_REVEALER))));

  /* All Articles: every article's matches, under its title, with context. */
  gtk_widget_activate (rpt_test_must_find_named (GTK_WIDGET (f.bar), "find-all"));
  rpt_test_wait_until (search_done ());
  ck_assert (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (list, GTK_TYPE_REVEALER))));
  ck_assert_str_eq (count (), "1 of 3");
  /* The rows follow the frame that shows the matches in the text. */
  rpt_test_wait_until (g_list_model_get_n_items (rows) == 2 + 3);
  rpt_test_wait_until (rpt_test_find_widget (list, GTK_TYPE_LABEL, "Bridge talks end with a handshake") != NULL);
  text = rpt_test_visible_text (list);
  ck_assert_msg (strstr (text, "Ministers trade words at the lake summit\n") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "Bridge talks end with a handshake\n") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "replied the Sudmark minister, and the room") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "The Sudmark delegation called") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "Ministers trade") < strstr (text, "replied the Sudmark") &&
                 strstr (text, "replied the Sudmark") < strstr (text, "Bridge talks") &&
                 strstr (text, "Bridge talks") < strstr (text, "Sudmark met"), "%s", text);

  /* Activating the second match of the handshake article (row 4, as a
   * click does) shows that article with the match selected. */
  gtk_widget_activate_action (list, "list.activate-item", "u", 4);
  ck_assert_ptr_eq (rpt_article_view_get_document (f.view), f.doc_b);
  ck_assert_str_eq (count (), "3 of 3");
  ASSERT_STR (selection (), g_strdup_printf ("%u-%u", in_b2, in_b2 + 7));
  ASSERT_STR (highlighted (), g_strdup_printf ("%u-%u %u-%u*", in_b1, in_b1 + 7, in_b2, in_b2 + 7));
  /* A heading is no match. */
  gtk_widget_activate_action (list, "list.activate-item", "u", 2);
  ck_assert_str_eq (count (), "3 of 3");

  /* Enter goes on into the next article, round the end. */
  gtk_widget_grab_focus (f.entry);
  ck_assert (key (GDK_KEY_Return, 0));
  ck_assert_ptr_eq (rpt_article_view_get_document (f.view), f.doc_a);
  ck_assert_str_eq (count (), "1 of 3");
  ASSERT_STR (selection (), g_strdup_printf ("%u-%u", in_a, in_a + 7));
  ck_assert (key (GDK_KEY_Return, GDK_SHIFT_MASK));
  ck_assert_ptr_eq (rpt_article_view_get_document (f.view), f.doc_b);
  ck_assert_str_eq (count (), "3 of 3");

  /* The close button closes the bar and the list with it. */
  rpt_test_click (rpt_test_must_find_named (GTK_WIDGET (f.bar), "find-close"));
  ck_assert (!rpt_find_bar_is_open (f.bar));
  ck_assert (!gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (list, GTK_TYPE_REVEALER))));
  ASSERT_STR (highlighted (), g_strdup (""));
}
END_TEST

/* The button in the Tag All popover that tags with @label_id. */
static GtkWidget *
tag_button_for (const char *label_id)
{
  GtkWidget *box = rpt_test_find_named (GTK_WIDGET (f.bar), "find-tag-labels");

  ck_assert_ptr_nonnull (box);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child));

      if (target && g_str_equal (g_variant_get_string (target, NULL), label_id))
        return child;
    }
  ck_abort_msg ("no button for %s", label_id);
  return NULL;
}

static GtkPopover *
open_tag_popover (void)
{
  GtkWidget *button = rpt_test_must_find_named (GTK_WIDGET (f.bar), "find-tag-all");
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));

  ck_assert (gtk_widget_get_sensitive (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  rpt_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  return popover;
}

/* The project as saved and read back. */
static RptProject *
reloaded (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "saved.json", NULL);
  g_autoptr(GError) error = NULL;
  RptProject *copy;

  ck_assert_msg (rpt_project_save_to_file (project (), path, &error), "%s", error ? error->message : "");
  copy = rpt_project_load_from_file (path, &error);
  ck_assert_msg (copy != NULL, "%s", error ? error->message : "");
  return copy;
}

/* The annotations of @document_id as "label start-end speaker; …". */
static char *
annotations_of (RptProject *in,
                const char *document_id)
{
  RptAnnotationStore *store = rpt_project_get_annotations (in, document_id);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rpt_annotation_store_get_n_items (store); i++)
    {
      RptAnnotation *a = rpt_annotation_store_get (store, i);
      RptSpeaker *speaker = rpt_annotation_get_speaker (a) ? rpt_project_get_speaker (in, rpt_annotation_get_speaker (a)) : NULL;

      g_string_append_printf (out, "%s %u-%u %s; ", rpt_annotation_get_label (a), rpt_annotation_get_start (a),
                              rpt_annotation_get_end (a), speaker ? rpt_speaker_get_name (speaker) : "-");
    }
  return g_string_free (out, FALSE);
}

START_TEST (test_tag_all_in_this_article)
{
  guint m1 = rpt_test_offset_of (ARTICLE_A, "minister said");
  guint m2 = rpt_test_offset_of (ARTICLE_A, "minister, and");
  RptSpeaker *speaker = rpt_project_add_speaker (project (), "Norland Press Office", NULL);
  GtkPopover *popover;
  GtkDropDown *speakers;
  g_autofree char *expected = NULL;
  g_autoptr(RptProject) saved = NULL;

  /* One of the two is a claim already. */
  ck_assert_ptr_nonnull (rpt_project_add_annotation (project (), "lake-summit", m2, m2 + 8, "claim", NULL, NULL));

  open_and_type ("minister");
  gtk_widget_activate (rpt_test_must_find_named (GTK_WIDGET (f.bar), "find-words"));
  rpt_test_wait_until (search_done ());
  ck_assert_str_eq (count (), "1 of 2");

  /* Tag All…: the speaker first, then the label's button. */
  popover = open_tag_popover ();
  ck_assert_str_eq (gtk_label_get_text (GTK_LABEL (rpt_test_must_find_named (GTK_WIDGET (popover), "find-tag-heading"))),
                    "Tag 2 matches in this article");
  speakers = GTK_DROP_DOWN (rpt_test_must_find_named (GTK_WIDGET (popover), "find-tag-speaker"));
  ck_assert_uint_eq (g_list_model_get_n_items (gtk_drop_down_get_model (speakers)), 2);
  gtk_drop_down_set_selected (speakers, 1);
  rpt_test_click (tag_button_for ("claim"));
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (popover)));

  rpt_test_wait_until (rpt_test_find_widget (GTK_WIDGET (f.window), GTK_TYPE_LABEL,
                                             "Tagged 1 match, skipped 1 already tagged") != NULL);
  expected = g_strdup_printf ("claim %u-%u Norland Press Office; claim %u-%u -; ", m1, m1 + 8, m2, m2 + 8);
  ASSERT_STR (annotations_of (project (), "lake-summit"), g_strdup (expected));
  saved = reloaded ();
  ASSERT_STR (annotations_of (saved, "lake-summit"), g_strdup (expected));
  ck_assert_str_eq (rpt_speaker_get_id (speaker), rpt_speaker_get_id (rpt_project_find_speaker_by_name (saved, "Norland Press Office")));

  /* One Ctrl+Z takes it back; the claim made before stays. */
  ck_assert_str_eq (rpt_project_get_undo_description (project ()), "Tag All Matches");
  gtk_widget_grab_focus (GTK_WIDGET (f.text_view));
  ck_assert (key (GDK_KEY_z, GDK_CONTROL_MASK));
  g_free (expected);
  expected = g_strdup_printf ("claim %u-%u -; ", m2, m2 + 8);
  ASSERT_STR (annotations_of (project (), "lake-summit"), g_strdup (expected));
  g_clear_object (&saved);
  saved = reloaded ();
  ASSERT_STR (annotations_of (saved, "lake-summit"), g_strdup (expected));
}
END_TEST

START_TEST (test_tag_all_in_all_articles)
{
  GtkPopover *popover;
  guint start = rpt_test_offset_of (ARTICLE_A, "Sudmark");

  /* A word selected in the text is what Ctrl+F looks for. */
  rpt_article_view_select_range (f.view, start, start + 7);
  gtk_widget_grab_focus (GTK_WIDGET (f.text_view));
  ck_assert (key (GDK_KEY_f, GDK_CONTROL_MASK));
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (f.entry)), "Sudmark");
  rpt_test_wait_until (search_done ());
  ck_assert_str_eq (count (), "1 of 1");
  gtk_widget_activate (rpt_test_must_find_named (GTK_WIDGET (f.bar), "find-all"));
  rpt_test_wait_until (search_done ());
  ck_assert_str_eq (count (), "1 of 3");

  /* The label's number key in the popover picks it. */
  popover = open_tag_popover ();
  ck_assert_str_eq (gtk_label_get_text (GTK_LABEL (rpt_test_must_find_named (GTK_WIDGET (popover), "find-tag-heading"))),
                    "Tag 3 matches in all articles");
  gtk_widget_grab_focus (tag_button_for ("claim"));
  ck_assert (key (GDK_KEY_4, 0));
  rpt_test_wait_until (rpt_test_find_widget (GTK_WIDGET (f.window), GTK_TYPE_LABEL, "Tagged 3 matches") != NULL);
  ASSERT_STR (annotations_of (project (), "lake-summit"),
              g_strdup_printf ("diplomatic-signal %u-%u -; ", rpt_test_offset_of (ARTICLE_A, "Sudmark"),
                               rpt_test_offset_of (ARTICLE_A, "Sudmark") + 7));
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (rpt_project_get_annotations (project (), "handshake")), 2);

  /* One undo step for both articles. */
  ck_assert (rpt_project_undo (project ()));
  ck_assert_uint_eq (rpt_project_get_n_annotations (project ()), 0);
  ck_assert (!rpt_project_can_undo (project ()) ||
             g_strcmp0 (rpt_project_get_undo_description (project ()), "Tag All Matches") != 0);
}
END_TEST

static Suite *
find_suite (void)
{
  Suite *s = suite_create ("Find");
  TCase *tc = tcase_create ("Find");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_find_as_you_type);
  tcase_add_test (tc, test_options_and_bad_expression);
  tcase_add_test (tc, test_find_in_all_articles);
  tcase_add_test (tc, test_tag_all_in_this_article);
  tcase_add_test (tc, test_tag_all_in_all_articles);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_APP_MAIN (find_suite)
