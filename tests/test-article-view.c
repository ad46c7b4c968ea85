/* test-article-view.c: the article view in a real window under Xvfb:
 * tagging by action and by key, highlights as text tags at the right
 * code-point offsets (CRLF and emoji included), overlaps, recolouring,
 * Tab between annotations, snapping to words, undo, pick mode, and tags
 * limited to the visible range.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <check.h>
#include <string.h>

#include "rpt-article-text-view.h"
#include "rpt-article-view.h"
#include "rpt-label-adder.h"
#include "rpt-test-util.h"
#include "rpt-test-widgets.h"

/* Written for this test. CRLF line ends and characters outside the BMP
 * make byte, UTF-16 and code point offsets all differ. */
static const char ARTICLE[] =
  "Harbour talks\r\n"
  "\r\n"
  "The envoy waved 👋 and said the “naïve” hopes were over.\r\n"
  "hello world, the minister replied, and everyone laughed 😄 at once.\r\n"
  "Later the two sides agreed to meet again in spring.\r\n";

typedef struct
{
  GtkWidget     *window;
  RptArticleView *view;
  RptProject    *project;
  RptDocument   *document;
  GtkTextBuffer *buffer;
} Fixture;

static Fixture fx;

/* Code point offset of @needle in ARTICLE, computed independently of the
 * code under test. */
static guint
offset_of (const char *needle)
{
  const char *p = strstr (ARTICLE, needle);

  ck_assert_msg (p != NULL, "'%s' is not in the article", needle);
  return g_utf8_pointer_to_offset (ARTICLE, p);
}

static guint
end_of (const char *needle)
{
  return offset_of (needle) + g_utf8_strlen (needle, -1);
}

static void
wait_frames (guint n)
{
  for (guint i = 0; i < n; i++)
    gtk_test_widget_wait_for_draw (fx.window);
}

static void
iterate_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static GtkTextTag *
tag (const char *name)
{
  return gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (fx.buffer), name);
}

/* The runs of @name in the buffer as "start-end start-end ...". */
static char *
tag_runs (const char *name)
{
  GtkTextTag *t = tag (name);
  GString *out = g_string_new (NULL);
  GtkTextIter iter;
  gboolean inside = FALSE;

  ck_assert_msg (t != NULL, "no tag %s", name);
  gtk_text_buffer_get_start_iter (fx.buffer, &iter);
  if (gtk_text_iter_has_tag (&iter, t))
    {
      g_string_append (out, "0-");
      inside = TRUE;
    }
  while (gtk_text_iter_forward_to_tag_toggle (&iter, t))
    {
      if (inside)
        g_string_append_printf (out, "%d ", gtk_text_iter_get_offset (&iter));
      else
        g_string_append_printf (out, "%d-", gtk_text_iter_get_offset (&iter));
      inside = !inside;
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static void
assert_runs (const char *name,
             const char *expected)
{
  g_autofree char *runs = tag_runs (name);

  ck_assert_msg (g_str_equal (runs, expected), "tag %s covers \"%s\", expected \"%s\"", name, runs, expected);
}

/* The selected or flashed range as the view fills it: "start-end", or "". */
static void
assert_emphasis (RptEmphasis  which,
                 const char  *expected)
{
  RptArticleTextView *text_view =
    RPT_ARTICLE_TEXT_VIEW (find_of_type (GTK_WIDGET (fx.view), RPT_TYPE_ARTICLE_TEXT_VIEW));
  g_autofree char *shown = NULL;
  guint start, end;

  if (rpt_article_text_view_get_emphasis (text_view, which, &start, &end))
    shown = g_strdup_printf ("%u-%u", start, end);
  else
    shown = g_strdup ("");
  ck_assert_msg (g_str_equal (shown, expected), "emphasis %d covers \"%s\", expected \"%s\"",
                 which, shown, expected);
}

static char *
range (guint start,
       guint end)
{
  return g_strdup_printf ("%u-%u", start, end);
}

/* Runs the key binding for @keyval exactly as a key press would: the
 * shortcut's action with the shortcut's arguments. */
static gboolean
press_key (guint           keyval,
           GdkModifierType modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fx.view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 GTK_WIDGET (fx.view),
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  ck_abort_msg ("no key binding for %s", gdk_keyval_name (keyval));
  return FALSE;
}

static void
setup (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = rpt_test_write_file (dir, "harbour.txt", ARTICLE, -1);
  g_autoptr(GError) error = NULL;

  fx.project = rpt_project_new ();
  fx.document = rpt_import_text_file (fx.project, path, &error);
  ck_assert_ptr_null (error);
  ck_assert (rpt_project_add_document (fx.project, fx.document, &error));

  fx.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fx.window), 800, 600);
  fx.view = RPT_ARTICLE_VIEW (rpt_article_view_new ());
  gtk_window_set_child (GTK_WINDOW (fx.window), GTK_WIDGET (fx.view));
  rpt_article_view_set_project (fx.view, fx.project);
  rpt_article_view_set_document (fx.view, fx.document);
  fx.buffer = gtk_text_view_get_buffer (rpt_article_view_get_text_view (fx.view));
  gtk_window_present (GTK_WINDOW (fx.window));
  gtk_widget_grab_focus (GTK_WIDGET (fx.view));
  wait_frames (2);
}

static void
teardown (void)
{
  gtk_window_destroy (GTK_WINDOW (fx.window));
  g_clear_object (&fx.document);
  g_clear_object (&fx.project);
  iterate_for (20);
  memset (&fx, 0, sizeof fx);
}

START_TEST (test_text_in_code_points)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (fx.buffer, &start, &end);
  text = gtk_text_buffer_get_text (fx.buffer, &start, &end, TRUE);
  ck_assert_str_eq (text, ARTICLE);
  ck_assert_uint_eq (gtk_text_iter_get_offset (&end), g_utf8_strlen (ARTICLE, -1));
  ck_assert_uint_eq (gtk_text_iter_get_offset (&end), rpt_document_get_length (fx.document));
  ck_assert (gtk_text_view_get_wrap_mode (rpt_article_view_get_text_view (fx.view)) != GTK_WRAP_NONE);
  ck_assert (!gtk_text_view_get_editable (rpt_article_view_get_text_view (fx.view)));
}
END_TEST

START_TEST (test_tag_by_action)
{
  guint start = offset_of ("waved 👋"), end = end_of ("“naïve”");
  g_autofree char *expected = range (start, end);
  RptAnnotation *annotation;
  GtkTextIter a, b;

  rpt_article_view_select_range (fx.view, start, end);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.view), "article.tag", "s", "claim"));
  wait_frames (1);

  ck_assert_uint_eq (rpt_project_get_n_annotations (fx.project), 1);
  annotation = rpt_article_view_get_selected_annotation (fx.view);
  ck_assert_ptr_nonnull (annotation);
  ck_assert_uint_eq (rpt_annotation_get_start (annotation), start);
  ck_assert_uint_eq (rpt_annotation_get_end (annotation), end);
  ck_assert_str_eq (rpt_annotation_get_label (annotation), "claim");
  ck_assert_str_eq (rpt_annotation_get_document (annotation), rpt_document_get_id (fx.document));

  /* Highlighted at once, on exactly those characters, and outlined. */
  assert_runs ("rpt-label:claim", expected);
  assert_emphasis (RPT_EMPHASIS_SELECTED, expected);
  assert_runs ("rpt-overlap:claim", "");
  /* The text selection is consumed. */
  ck_assert (!gtk_text_buffer_get_selection_bounds (fx.buffer, &a, &b));
}
END_TEST

START_TEST (test_tag_by_key)
{
  guint start = offset_of ("hello world"), end = end_of ("replied");
  g_autofree char *expected = range (start, end);
  RptLabel *first = rpt_project_get_label_by_shortcut (fx.project, 1);
  RptLabel *second = rpt_project_get_label_by_shortcut (fx.project, 2);
  RptAnnotation *annotation;
  g_autofree char *tint = NULL;

  ck_assert_ptr_nonnull (first);
  ck_assert_ptr_nonnull (second);

  rpt_article_view_select_range (fx.view, start, end);
  ck_assert (press_key (GDK_KEY_1, 0));
  wait_frames (1);

  annotation = rpt_article_view_get_selected_annotation (fx.view);
  ck_assert_ptr_nonnull (annotation);
  ck_assert_uint_eq (rpt_annotation_get_start (annotation), start);
  ck_assert_uint_eq (rpt_annotation_get_end (annotation), end);
  ck_assert_str_eq (rpt_annotation_get_label (annotation), rpt_label_get_id (first));
  tint = g_strconcat ("rpt-label:", rpt_label_get_id (first), NULL);
  assert_runs (tint, expected);

  /* The keypad key, another label. */
  rpt_article_view_select_range (fx.view, offset_of ("Later"), end_of ("spring"));
  ck_assert (press_key (GDK_KEY_KP_2, 0));
  annotation = rpt_article_view_get_selected_annotation (fx.view);
  ck_assert_str_eq (rpt_annotation_get_label (annotation), rpt_label_get_id (second));

  /* A key no label uses is left to others. */
  rpt_article_view_select_range (fx.view, offset_of ("Harbour"), end_of ("talks"));
  ck_assert (!press_key (GDK_KEY_9, 0));
  ck_assert_uint_eq (rpt_project_get_n_annotations (fx.project), 2);
}
END_TEST

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        g_ptr_array_add (buttons, child);
      else
        collect_buttons (child, buttons);
    }
}

static gboolean
has_label_text (GtkWidget  *widget,
                const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if ((GTK_IS_LABEL (child) && g_str_equal (gtk_label_get_label (GTK_LABEL (child)), text)) ||
        (GTK_IS_SHORTCUT_LABEL (child) && g_str_equal (gtk_shortcut_label_get_accelerator (GTK_SHORTCUT_LABEL (child)), text)) ||
        has_label_text (child, text))
      return TRUE;
  return FALSE;
}

/* The adder at a selection: one button per label with its name and key;
 * clicking one tags the selection with that label. */
START_TEST (test_adder_buttons_tag)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GListModel *labels = rpt_project_get_labels (fx.project);
  RptLabelAdder *adder = NULL;
  guint start = offset_of ("the two sides"), end = end_of ("agreed");
  g_autofree char *runs = range (start, end);
  RptAnnotation *annotation;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fx.view)); child;
       child = gtk_widget_get_next_sibling (child))
    if (RPT_IS_LABEL_ADDER (child))
      adder = RPT_LABEL_ADDER (child);
  ck_assert_ptr_nonnull (adder);

  rpt_article_view_select_range (fx.view, start, end);
  rpt_label_adder_set_labels (adder, labels);
  rpt_label_adder_popup_at (adder, &(GdkRectangle) { 100, 100, 1, 1 });
  wait_frames (1);
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (adder)));

  collect_buttons (GTK_WIDGET (adder), buttons);
  ck_assert_uint_eq (buttons->len, g_list_model_get_n_items (labels));
  for (guint i = 0; i < buttons->len; i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (labels, i);
      g_autofree char *key = g_strdup_printf ("%u", rpt_label_get_shortcut (label));

      ck_assert (has_label_text (g_ptr_array_index (buttons, i), rpt_label_get_name (label)));
      ck_assert (has_label_text (g_ptr_array_index (buttons, i), key));
    }

  /* The third button: Joke. */
  g_signal_emit_by_name (g_ptr_array_index (buttons, 2), "clicked");
  annotation = rpt_article_view_get_selected_annotation (fx.view);
  ck_assert_ptr_nonnull (annotation);
  ck_assert_str_eq (rpt_annotation_get_label (annotation), "joke");
  ck_assert_uint_eq (rpt_annotation_get_start (annotation), start);
  ck_assert_uint_eq (rpt_annotation_get_end (annotation), end);
  assert_runs ("rpt-label:joke", runs);
  wait_frames (1);
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (adder)));
}
END_TEST

static char *failure;

static void
on_tag_failed (RptArticleView *view,
               const char     *message,
               gpointer        data)
{
  g_free (failure);
  failure = g_strdup (message);
}

START_TEST (test_tag_without_selection)
{
  g_signal_connect (fx.view, "tag-failed", G_CALLBACK (on_tag_failed), NULL);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.view), "article.tag", "s", "claim"));
  ck_assert_ptr_nonnull (failure);
  ck_assert (strlen (failure) > 0);
  ck_assert_uint_eq (rpt_project_get_n_annotations (fx.project), 0);

  /* White space alone is no selection either. */
  g_clear_pointer (&failure, g_free);
  rpt_article_view_select_range (fx.view, end_of ("replied,"), offset_of (" and everyone") + 1);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.view), "article.tag", "s", "claim"));
  ck_assert_ptr_nonnull (failure);
  g_clear_pointer (&failure, g_free);
}
END_TEST

START_TEST (test_overlap_visible)
{
  /* "waved 👋 and said the “naïve”" (Joke) and "the “naïve” hopes were
   * over" (Rebuttal): they share "the “naïve”". */
  guint joke_start = offset_of ("waved"), joke_end = end_of ("“naïve”");
  guint reb_start = offset_of ("the “naïve”"), reb_end = end_of ("were over");
  g_autofree char *joke_runs = range (joke_start, joke_end);
  g_autofree char *reb_runs = range (joke_end, reb_end);
  g_autofree char *shared = range (reb_start, joke_end);
  g_autofree char *inner = NULL;

  ck_assert_ptr_nonnull (rpt_project_add_annotation (fx.project, rpt_document_get_id (fx.document),
                                                     joke_start, joke_end, "joke", NULL, NULL));
  ck_assert_ptr_nonnull (rpt_project_add_annotation (fx.project, rpt_document_get_id (fx.document),
                                                     reb_start, reb_end, "rebuttal", NULL, NULL));
  wait_frames (1);

  /* The outer span keeps its tint; the other shows its own tint where it
   * is alone and an underline bar where they overlap. */
  assert_runs ("rpt-label:joke", joke_runs);
  assert_runs ("rpt-label:rebuttal", reb_runs);
  assert_runs ("rpt-overlap:rebuttal", shared);
  assert_runs ("rpt-overlap:joke", "");

  /* A span nested inside another. */
  ck_assert_ptr_nonnull (rpt_project_add_annotation (fx.project, rpt_document_get_id (fx.document),
                                                     offset_of ("👋"), end_of ("👋"), "claim", NULL, NULL));
  inner = range (offset_of ("👋"), end_of ("👋"));
  assert_runs ("rpt-overlap:claim", inner);
  assert_runs ("rpt-label:joke", joke_runs);

  /* One span with two labels: a tint and an underline. */
  {
    guint s = offset_of ("spring"), e = end_of ("spring");
    g_autofree char *both = range (s, e);

    ck_assert_ptr_nonnull (rpt_project_add_annotation (fx.project, rpt_document_get_id (fx.document),
                                                       s, e, "joke", NULL, NULL));
    ck_assert_ptr_nonnull (rpt_project_add_annotation (fx.project, rpt_document_get_id (fx.document),
                                                       s, e, "diplomatic-signal", NULL, NULL));
    {
      g_autofree char *tint_joke = tag_runs ("rpt-label:joke");
      g_autofree char *tint_dipl = tag_runs ("rpt-label:diplomatic-signal");
      g_autofree char *under_joke = tag_runs ("rpt-overlap:joke");
      g_autofree char *under_dipl = tag_runs ("rpt-overlap:diplomatic-signal");

      /* Whichever comes first in the store's order tints, the other underlines. */
      ck_assert_msg ((g_str_has_suffix (tint_joke, both) && g_str_equal (under_dipl, both)) ||
                     (g_str_equal (tint_dipl, both) && g_str_has_suffix (under_joke, both)),
                     "tints %s / %s, underlines %s / %s", tint_joke, tint_dipl, under_joke, under_dipl);
    }
  }
}
END_TEST

static void
tag_rgba (const char *name,
          const char *property,
          GdkRGBA    *out)
{
  g_autoptr(GdkRGBA) rgba = NULL;

  g_object_get (tag (name), property, &rgba, NULL);
  ck_assert_ptr_nonnull (rgba);
  *out = *rgba;
}

START_TEST (test_label_recolour)
{
  GdkRGBA before, after, dark, expected;
  guint start = offset_of ("hello"), end = end_of ("world");
  g_autofree char *runs = range (start, end);
  RptAnnotation *annotation;

  annotation = rpt_project_add_annotation (fx.project, rpt_document_get_id (fx.document),
                                           start, end, "claim", NULL, NULL);
  tag_rgba ("rpt-label:claim", "background-rgba", &before);
  gdk_rgba_parse (&expected, "#3584e4");
  ck_assert_float_eq_tol (before.red, expected.red, 0.01);
  ck_assert_float_eq_tol (before.blue, expected.blue, 0.01);
  ck_assert (before.alpha > 0.1 && before.alpha < 0.7);

  /* Recolouring the label recolours the tag at once, undo restores it. */
  ck_assert (rpt_project_set_label_color (fx.project, "claim", "#ff7800", NULL));
  tag_rgba ("rpt-label:claim", "background-rgba", &after);
  gdk_rgba_parse (&expected, "#ff7800");
  ck_assert_float_eq_tol (after.red, expected.red, 0.01);
  ck_assert_float_eq_tol (after.green, expected.green, 0.01);
  ck_assert_float_eq_tol (after.blue, expected.blue, 0.01);
  ck_assert (rpt_project_undo (fx.project));
  tag_rgba ("rpt-label:claim", "background-rgba", &after);
  ck_assert (gdk_rgba_equal (&after, &before));

  /* Changing an annotation's label moves its span to the other tag. */
  ck_assert (rpt_project_set_annotation_label (fx.project, rpt_annotation_get_id (annotation), "joke", NULL));
  assert_runs ("rpt-label:claim", "");
  assert_runs ("rpt-label:joke", runs);

  /* Dark style: same hue, more colour, so it still reads as the label. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  tag_rgba ("rpt-label:claim", "background-rgba", &dark);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  ck_assert_float_eq_tol (dark.blue, before.blue, 0.01);
  ck_assert (dark.alpha > before.alpha);
  tag_rgba ("rpt-label:claim", "background-rgba", &after);
  ck_assert (gdk_rgba_equal (&after, &before));
}
END_TEST

START_TEST (test_tab_moves_selection)
{
  const char *doc = rpt_document_get_id (fx.document);
  RptAnnotation *first, *second, *third;

  /* Added out of order: Tab follows the text, not creation. */
  third = rpt_project_add_annotation (fx.project, doc, offset_of ("Later"), end_of ("spring"), "claim", NULL, NULL);
  first = rpt_project_add_annotation (fx.project, doc, offset_of ("envoy"), end_of ("waved"), "joke", NULL, NULL);
  second = rpt_project_add_annotation (fx.project, doc, offset_of ("hello"), end_of ("world"), "rebuttal", NULL, NULL);
  ck_assert_ptr_null (rpt_article_view_get_selected_annotation (fx.view));

  ck_assert (press_key (GDK_KEY_Tab, 0));
  ck_assert_ptr_eq (rpt_article_view_get_selected_annotation (fx.view), first);
  ck_assert (press_key (GDK_KEY_Tab, 0));
  ck_assert_ptr_eq (rpt_article_view_get_selected_annotation (fx.view), second);
  wait_frames (1);
  {
    g_autofree char *runs = range (offset_of ("hello"), end_of ("world"));
    assert_emphasis (RPT_EMPHASIS_SELECTED, runs);
  }
  ck_assert (press_key (GDK_KEY_Tab, GDK_SHIFT_MASK));
  ck_assert_ptr_eq (rpt_article_view_get_selected_annotation (fx.view), first);
  /* Wraps around, like focus. */
  ck_assert (press_key (GDK_KEY_Tab, GDK_SHIFT_MASK));
  ck_assert_ptr_eq (rpt_article_view_get_selected_annotation (fx.view), third);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.view), "article.next", NULL));
  ck_assert_ptr_eq (rpt_article_view_get_selected_annotation (fx.view), first);

  /* Escape drops the selection. */
  ck_assert (press_key (GDK_KEY_Escape, 0));
  ck_assert_ptr_null (rpt_article_view_get_selected_annotation (fx.view));
  assert_emphasis (RPT_EMPHASIS_SELECTED, "");
}
END_TEST

START_TEST (test_tab_without_annotations)
{
  /* Nothing to move to: Tab is left for focus navigation. */
  ck_assert (!press_key (GDK_KEY_Tab, 0));
  ck_assert_ptr_null (rpt_article_view_get_selected_annotation (fx.view));
}
END_TEST

START_TEST (test_snap_to_words)
{
  guint hello = offset_of ("hello world");
  guint start, end;
  RptAnnotation *annotation;
  g_autofree char *runs = range (hello, hello + 5);

  ck_assert (rpt_article_view_get_snap_to_words (fx.view));
  /* "ell" */
  rpt_article_view_select_range (fx.view, hello + 1, hello + 4);
  ck_assert (rpt_article_view_get_selection_range (fx.view, &start, &end));
  ck_assert_uint_eq (start, hello);
  ck_assert_uint_eq (end, hello + 5);
  annotation = rpt_article_view_tag_selection (fx.view, "joke", NULL);
  ck_assert_ptr_nonnull (annotation);
  ck_assert_uint_eq (rpt_annotation_get_start (annotation), hello);
  ck_assert_uint_eq (rpt_annotation_get_end (annotation), hello + 5);
  assert_runs ("rpt-label:joke", runs);

  /* Leading and trailing spaces go; "lo wo" grows to both words. */
  rpt_article_view_select_range (fx.view, hello + 3, hello + 8);
  ck_assert (rpt_article_view_get_selection_range (fx.view, &start, &end));
  ck_assert_uint_eq (start, hello);
  ck_assert_uint_eq (end, hello + 11);

  rpt_article_view_set_snap_to_words (fx.view, FALSE);
  rpt_article_view_select_range (fx.view, hello + 1, hello + 4);
  ck_assert (rpt_article_view_get_selection_range (fx.view, &start, &end));
  ck_assert_uint_eq (start, hello + 1);
  ck_assert_uint_eq (end, hello + 4);
}
END_TEST

START_TEST (test_undo_removes_highlight)
{
  guint start = offset_of ("laughed 😄"), end = end_of ("😄");
  g_autofree char *runs = range (start, end);

  rpt_article_view_select_range (fx.view, start, end);
  ck_assert_ptr_nonnull (rpt_article_view_tag_selection (fx.view, "joke", NULL));
  wait_frames (1);
  assert_runs ("rpt-label:joke", runs);

  ck_assert (rpt_project_undo (fx.project));
  wait_frames (1);
  assert_runs ("rpt-label:joke", "");
  assert_emphasis (RPT_EMPHASIS_SELECTED, "");
  ck_assert_ptr_null (rpt_article_view_get_selected_annotation (fx.view));

  ck_assert (rpt_project_redo (fx.project));
  assert_runs ("rpt-label:joke", runs);
}
END_TEST

static RptAnnotation *picked;
static guint n_picked;

static void
on_picked (RptArticleView *view,
           RptAnnotation  *annotation,
           gpointer        data)
{
  picked = annotation;
  n_picked++;
}

START_TEST (test_pick_mode)
{
  RptAnnotation *claim;

  claim = rpt_project_add_annotation (fx.project, rpt_document_get_id (fx.document),
                                      offset_of ("Later"), end_of ("spring"), "claim", NULL, NULL);
  g_signal_connect (fx.view, "annotation-picked", G_CALLBACK (on_picked), NULL);
  n_picked = 0;

  /* Choosing while picking emits the pick and does not select. */
  rpt_article_view_begin_pick (fx.view);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.view), "article.select-annotation", "s",
                                         rpt_annotation_get_id (claim)));
  ck_assert_uint_eq (n_picked, 1);
  ck_assert_ptr_eq (picked, claim);
  ck_assert_ptr_null (rpt_article_view_get_selected_annotation (fx.view));

  /* Escape cancels with NULL. */
  rpt_article_view_begin_pick (fx.view);
  ck_assert (press_key (GDK_KEY_Escape, 0));
  ck_assert_uint_eq (n_picked, 2);
  ck_assert_ptr_null (picked);

  /* Out of pick mode, choosing selects. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (fx.view), "article.select-annotation", "s",
                                         rpt_annotation_get_id (claim)));
  ck_assert_uint_eq (n_picked, 2);
  ck_assert_ptr_eq (rpt_article_view_get_selected_annotation (fx.view), claim);
}
END_TEST

START_TEST (test_reveal_flashes)
{
  RptAnnotation *annotation;
  g_autofree char *runs = NULL;

  annotation = rpt_project_add_annotation (fx.project, rpt_document_get_id (fx.document),
                                           offset_of ("agreed"), end_of ("again"), "claim", NULL, NULL);
  runs = range (rpt_annotation_get_start (annotation), rpt_annotation_get_end (annotation));
  rpt_article_view_reveal_annotation (fx.view, annotation);
  assert_emphasis (RPT_EMPHASIS_FLASH, runs);
  iterate_for (1200);
  assert_emphasis (RPT_EMPHASIS_FLASH, "");
  assert_runs ("rpt-label:claim", runs);
}
END_TEST

/* A long article: only what is near the viewport carries tags, and
 * scrolling to the end brings the tags there. */
START_TEST (test_tags_follow_viewport)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(RptDocument) big = NULL;
  RptAnnotation *first, *last;
  g_autofree char *first_runs = NULL;
  g_autofree char *last_runs = NULL;
  guint length;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "Paragraph %u: the delegates said 👋 they would talk again soon.\r\n", i);
  big = rpt_document_new ("big", "Long", "long.txt", text->str);
  ck_assert (rpt_project_add_document (fx.project, big, NULL));
  length = rpt_document_get_length (big);

  first = rpt_project_add_annotation (fx.project, "big", 13, 26, "claim", NULL, NULL);
  last = rpt_project_add_annotation (fx.project, "big", length - 20, length - 3, "joke", NULL, NULL);
  first_runs = range (13, 26);
  last_runs = range (length - 20, length - 3);

  rpt_article_view_set_document (fx.view, big);
  wait_frames (2);
  assert_runs ("rpt-label:claim", first_runs);
  assert_runs ("rpt-label:joke", "");

  rpt_article_view_reveal_annotation (fx.view, last);
  /* The scroll and the re-tagging each take a frame. */
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *runs = tag_runs ("rpt-label:joke");

      if (g_str_equal (runs, last_runs))
        break;
      iterate_for (50);
      wait_frames (1);
    }
  assert_runs ("rpt-label:joke", last_runs);
  assert_runs ("rpt-label:claim", "");
  ck_assert_ptr_nonnull (first);
}
END_TEST

static Suite *
article_view_suite (void)
{
  Suite *suite = suite_create ("article-view");
  TCase *tc = tcase_create ("view");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_text_in_code_points);
  tcase_add_test (tc, test_tag_by_action);
  tcase_add_test (tc, test_tag_by_key);
  tcase_add_test (tc, test_tag_without_selection);
  tcase_add_test (tc, test_adder_buttons_tag);
  tcase_add_test (tc, test_overlap_visible);
  tcase_add_test (tc, test_label_recolour);
  tcase_add_test (tc, test_tab_moves_selection);
  tcase_add_test (tc, test_tab_without_annotations);
  tcase_add_test (tc, test_snap_to_words);
  tcase_add_test (tc, test_undo_removes_highlight);
  tcase_add_test (tc, test_pick_mode);
  tcase_add_test (tc, test_reveal_flashes);
  tcase_add_test (tc, test_tags_follow_viewport);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  adw_init ();
  return rpt_test_run (article_view_suite ());
}
