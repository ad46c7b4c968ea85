/* test-long-paragraph.c: articles that are one giant paragraph, in the
 * real window: they open in display lines GtkTextView can lay out (never
 * one paragraph of megabytes), tagging in the middle stores code-point
 * offsets into the real text, copying gives the real text, switching and
 * closing while a long text loads are safe; and the map between the text
 * and the displayed text (rpt-text-breaks.c) on generated texts.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <math.h>
#include <string.h>

#include "rpt-article-text-view.h"
#include "rpt-article-view.h"
#include "rpt-text-breaks.h"
#include "rpt-test-util.h"
#include "rpt-test-window.h"

#define MARKER "Okafor rejected the offer"

/* Written for these tests: accents, a combining accent, curly quotes and
 * emoji outside the BMP (one with a skin-tone modifier), so that code
 * points, bytes and UTF-16 units all differ. */
static const char *spaced_words[] = {
  "the", "minister", "said", "déjà", "vu", "🙂", "talks", "“went", "well”", "👍🏽",
  "café", "cafe\xcc\x81", "and", "critics", "replied.",
};
/* Scripts written without spaces between words. */
static const char *unspaced_words[] = {
  "会谈", "部长", "表示", "。", "🙂", "👍🏽", "cafe\xcc\x81", "記者", "質問", "、",
};

/* One paragraph (no line break) of about @bytes bytes, MARKER once in the
 * middle right after an emoji; *marker is its offset in code points. */
static char *
make_paragraph (gsize     bytes,
                gboolean  spaces,
                guint    *marker)
{
  GString *text = g_string_sized_new (bytes + 64);
  guint32 state = 12345u;

  while (text->len < bytes)
    {
      const char **words = spaces ? spaced_words : unspaced_words;
      guint n = spaces ? G_N_ELEMENTS (spaced_words) : G_N_ELEMENTS (unspaced_words);

      if (text->len >= bytes / 2 && *marker == 0)
        {
          g_string_append (text, spaces ? " 👍🏽 " : "👍🏽");
          *marker = (guint) g_utf8_strlen (text->str, (gssize) text->len);
          g_string_append (text, MARKER);
          /* A word of its own, where words are not spaced. */
          if (!spaces)
            g_string_append (text, "。");
        }
      state = state * 1103515245u + 12345u;
      if (spaces && text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, words[(state >> 16) % n]);
    }
  return g_string_free (text, FALSE);
}

typedef struct
{
  RptWindow          *window;
  RptArticleView     *view;
  RptArticleTextView *text_view;
  GtkTextBuffer      *buffer;
  char               *path;
  char               *text;
  guint               marker;
} Fixture;

static Fixture f;

/* Saves a project of one article (@text, id "giant"; a short one first
 * with @with_short) and opens it in a new window as the user does. */
static void
open_project (char     *text,
              gboolean  with_short)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(RptDocument) giant = rpt_document_new ("giant", "One paragraph", "giant.txt", text);
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  f.text = text;
  if (with_short)
    {
      g_autoptr(RptDocument) brief = rpt_document_new ("brief", "A brief", "brief.txt", "Hale smiled.");

      ck_assert (rpt_project_add_document (project, brief, &error));
    }
  ck_assert (rpt_project_add_document (project, giant, &error));
  f.path = g_build_filename (dir, "giant.json", NULL);
  ck_assert_msg (rpt_project_save_to_file (project, f.path, &error), "%s", error ? error->message : "");

  f.window = rpt_test_new_window ();
  f.view = RPT_ARTICLE_VIEW (rpt_test_find_widget (GTK_WIDGET (f.window), RPT_TYPE_ARTICLE_VIEW, NULL));
  f.text_view = RPT_ARTICLE_TEXT_VIEW (rpt_article_view_get_text_view (f.view));
  f.buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (f.text_view));
  file = g_file_new_for_path (f.path);
  rpt_window_open_files (f.window, &file, 1);
  rpt_test_wait_until (rpt_article_view_get_document (f.view) != NULL);
  if (!with_short)
    {
      rpt_test_wait_until (!rpt_article_text_view_get_loading (f.text_view));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
    }
}

static void
teardown (void)
{
  if (f.window)
    rpt_test_close_discarding (f.window);
  g_free (f.path);
  g_free (f.text);
  memset (&f, 0, sizeof f);
}

static RptDocument *
giant (void)
{
  return rpt_project_get_document (rpt_window_get_project (f.window), "giant");
}

/* What the buffer holds, with the display breaks taken out: the article
 * has no line break of its own. */
static char *
shown_text (void)
{
  GtkTextIter start, end;
  g_autofree char *shown = NULL;
  GString *out;

  gtk_text_buffer_get_bounds (f.buffer, &start, &end);
  shown = gtk_text_buffer_get_text (f.buffer, &start, &end, TRUE);
  out = g_string_sized_new (strlen (shown));
  for (const char *p = shown; *p; p++)
    if (*p != '\n')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* No paragraph GtkTextView has to lay out is longer than the limit. */
static void
assert_short_lines (void)
{
  int n = gtk_text_buffer_get_line_count (f.buffer);

  ck_assert_int_gt (n, 1);
  for (int i = 0; i < n; i++)
    {
      GtkTextIter line;

      gtk_text_buffer_get_iter_at_line (f.buffer, &line, i);
      if (gtk_text_iter_get_chars_in_line (&line) > RPT_TEXT_BREAKS_LONG + 1)
        ck_abort_msg ("display line %d has %d characters", i, gtk_text_iter_get_chars_in_line (&line));
    }
}

START_TEST (test_one_line_article_opens_in_display_lines)
{
  g_autofree char *shown = NULL;
  int n;

  open_project (make_paragraph (3 * 1000 * 1000, TRUE, &f.marker), FALSE);
  ck_assert_str_eq (rpt_document_get_id (rpt_article_view_get_document (f.view)), "giant");

  /* All of the text is there, in display lines short enough to lay out,
   * each broken after white space. */
  assert_short_lines ();
  shown = shown_text ();
  ck_assert (g_str_equal (shown, rpt_document_get_text (giant ())));
  n = gtk_text_buffer_get_line_count (f.buffer);
  for (int i = 0; i + 1 < n; i++)
    {
      GtkTextIter end;

      gtk_text_buffer_get_iter_at_line (f.buffer, &end, i);
      gtk_text_iter_forward_to_line_end (&end);
      gtk_text_iter_backward_char (&end);
      if (gtk_text_iter_get_char (&end) != ' ')
        ck_abort_msg ("display line %d ends in U+%04X", i, gtk_text_iter_get_char (&end));
    }

  /* The article's own text is never changed by showing it. */
  ck_assert_uint_eq (rpt_document_get_length (giant ()), g_utf8_strlen (f.text, -1));
  ck_assert (!rpt_project_get_dirty (rpt_window_get_project (f.window)));
}
END_TEST

/* The colour at the middle of the character at text offset @offset. */
static void
char_color (guint    offset,
            GdkRGBA *color)
{
  GtkTextIter iter;
  GdkRectangle rect;
  int x, y;

  rpt_article_text_view_get_iter_at_offset (f.text_view, &iter, offset, FALSE);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (f.text_view), &iter, &rect);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (f.text_view), GTK_TEXT_WINDOW_WIDGET,
                                         rect.x + rect.width / 2, rect.y + rect.height / 2, &x, &y);
  rpt_test_pixel (GTK_WIDGET (f.text_view), x, y, color);
}

static gboolean
on_screen (guint offset)
{
  GtkTextIter iter;
  GdkRectangle rect, visible;

  rpt_article_text_view_get_iter_at_offset (f.text_view, &iter, offset, FALSE);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (f.text_view), &iter, &rect);
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (f.text_view), &visible);
  return rect.y >= visible.y && rect.y + rect.height <= visible.y + visible.height;
}

static double
distance (const GdkRGBA *a,
          const GdkRGBA *b)
{
  return fabs (a->red - b->red) + fabs (a->green - b->green) + fabs (a->blue - b->blue);
}

/* Selects MARKER as a drag over it does (in the buffer the user sees),
 * tags it, and checks what is stored, drawn and saved. */
static void
tag_marker (void)
{
  guint length = (guint) g_utf8_strlen (MARKER, -1);
  RptAnnotationStore *store;
  RptAnnotation *annotation;
  GtkTextIter start, match_start, match_end;
  g_autoptr(RptProject) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *quote = NULL;
  guint a = 0, b = 0;
  GdkRGBA plain, tinted;

  gtk_text_buffer_get_start_iter (f.buffer, &start);
  ck_assert (gtk_text_iter_forward_search (&start, MARKER, 0, &match_start, &match_end, NULL));
  gtk_text_buffer_select_range (f.buffer, &match_start, &match_end);
  ck_assert (rpt_article_view_get_selection_range (f.view, &a, &b));
  ck_assert_uint_eq (a, f.marker);
  ck_assert_uint_eq (b, f.marker + length);

  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.tag", "s", "claim");
  store = rpt_project_get_annotations (rpt_window_get_project (f.window), "giant");
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (store), 1);
  annotation = rpt_annotation_store_get (store, 0);
  ck_assert_uint_eq (rpt_annotation_get_start (annotation), f.marker);
  ck_assert_uint_eq (rpt_annotation_get_end (annotation), f.marker + length);
  quote = rpt_document_dup_slice (giant (), f.marker, f.marker + length);
  ck_assert_str_eq (quote, MARKER);

  /* Drawn where it is: the marker's letters are tinted, the text far
   * before it is not. */
  rpt_article_view_set_selected_annotation (f.view, NULL);
  rpt_article_view_reveal_annotation (f.view, annotation);
  /* GtkTextView lays the text above out in the background, and the view
   * follows the annotation until it is in place: seconds of CPU, many more
   * under a sanitizer on a busy machine, so this waits longer than most. */
  for (gint64 end = g_get_monotonic_time () + 90 * G_USEC_PER_SEC; !on_screen (f.marker);)
    {
      ck_assert_msg (g_get_monotonic_time () < end, "the tagged span never came into view");
      rpt_test_spin (50);
    }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  char_color (f.marker + 1, &tinted);
  char_color (f.marker - 40, &plain);
  ck_assert_msg (distance (&plain, &tinted) > 0.1, "the tagged marker is not highlighted");
  ck_assert_msg (tinted.blue > tinted.red + 0.05, "the claim is not blue: %s", gdk_rgba_to_string (&tinted));

  /* Saved as code points into the real text. */
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.save", NULL);
  rpt_test_wait_until (!rpt_project_get_dirty (rpt_window_get_project (f.window)));
  reloaded = rpt_project_load_from_file (f.path, &error);
  ck_assert_msg (reloaded != NULL, "%s", error ? error->message : "");
  store = rpt_project_get_annotations (reloaded, "giant");
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (store), 1);
  annotation = rpt_annotation_store_get (store, 0);
  ck_assert_uint_eq (rpt_annotation_get_start (annotation), f.marker);
  ck_assert_uint_eq (rpt_annotation_get_end (annotation), f.marker + length);
  ck_assert_str_eq (rpt_document_get_text (rpt_project_get_document (reloaded, "giant")), f.text);
}

START_TEST (test_tag_in_the_middle)
{
  open_project (make_paragraph (3 * 1000 * 1000, TRUE, &f.marker), FALSE);
  assert_short_lines ();
  tag_marker ();
}
END_TEST

/* Chinese and Japanese are written without spaces: the view still breaks
 * the paragraph, never inside a character made of several code points. */
START_TEST (test_paragraph_without_spaces)
{
  const char *text;
  int n;

  open_project (make_paragraph (2 * 1000 * 1000, FALSE, &f.marker), FALSE);
  assert_short_lines ();
  text = rpt_document_get_text (giant ());
  n = gtk_text_buffer_get_line_count (f.buffer);
  for (int i = 1; i < n; i++)
    {
      GtkTextIter line;
      guint offset;
      gunichar before, after;

      gtk_text_buffer_get_iter_at_line (f.buffer, &line, i);
      offset = rpt_article_text_view_get_offset (f.text_view, &line);
      before = g_utf8_get_char (g_utf8_offset_to_pointer (text, offset - 1));
      after = g_utf8_get_char (g_utf8_offset_to_pointer (text, offset));
      if (g_unichar_ismark (after) || (after >= 0x1F3FB && after <= 0x1F3FF) || before == 0x200D)
        ck_abort_msg ("display line %d splits a character: U+%04X | U+%04X", i, before, after);
    }
  tag_marker ();
}
END_TEST

static void
on_text_read (GObject      *clipboard,
              GAsyncResult *result,
              gpointer      data)
{
  *(char **) data = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
}

/* Copying a selection across a display break gives the article's text: a
 * space there, not the line feed the view shows. */
START_TEST (test_copy_gives_the_text)
{
  GtkTextIter start, end;
  g_autofree char *copied = NULL;
  g_autofree char *expected = NULL;
  guint a, b;

  open_project (make_paragraph (1000 * 1000, TRUE, &f.marker), FALSE);
  assert_short_lines ();
  gtk_text_buffer_get_iter_at_line (f.buffer, &start, 0);
  gtk_text_iter_forward_to_line_end (&start);
  end = start;
  gtk_text_iter_backward_chars (&start, 12);
  gtk_text_iter_forward_chars (&end, 12);
  gtk_text_buffer_select_range (f.buffer, &start, &end);
  a = rpt_article_text_view_get_offset (f.text_view, &start);
  b = rpt_article_text_view_get_offset (f.text_view, &end);
  ck_assert_uint_eq (b - a, 23);
  expected = rpt_document_dup_slice (giant (), a, b);

  g_signal_emit_by_name (f.text_view, "copy-clipboard");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (f.text_view)), NULL,
                                 on_text_read, &copied);
  rpt_test_wait_until (copied != NULL);
  ck_assert_str_eq (copied, expected);
  ck_assert_ptr_null (strchr (copied, '\n'));
}
END_TEST

/* A long text goes into the view a part at a time: switching to another
 * article, or closing the window, meanwhile stops it cleanly. */
START_TEST (test_switch_and_close_while_loading)
{
  RptProject *project;
  RptDocument *brief;
  g_autofree char *shown = NULL;
  GtkTextIter start, end;

  open_project (make_paragraph (12 * 1000 * 1000, TRUE, &f.marker), TRUE);
  project = rpt_window_get_project (f.window);
  brief = rpt_project_get_document (project, "brief");

  rpt_article_view_set_document (f.view, giant ());
  ck_assert (rpt_article_text_view_get_loading (f.text_view));
  rpt_article_view_set_document (f.view, brief);
  ck_assert (!rpt_article_text_view_get_loading (f.text_view));
  rpt_test_spin (200);
  gtk_text_buffer_get_bounds (f.buffer, &start, &end);
  shown = gtk_text_buffer_get_text (f.buffer, &start, &end, TRUE);
  ck_assert_str_eq (shown, "Hale smiled.");

  /* Back to the long one, and the window closed before it is all in. */
  rpt_article_view_set_document (f.view, giant ());
  ck_assert (rpt_article_text_view_get_loading (f.text_view));
  rpt_test_close_discarding (f.window);
  f.window = NULL;
}
END_TEST

/* Jumping to an annotation near the end of a long text that is still
 * going in (as the annotation list and links do): the view scrolls to it
 * once it is there, and follows it while the text above is laid out. */
START_TEST (test_reveal_while_loading)
{
  RptProject *project;
  RptAnnotation *annotation;
  g_autoptr(GError) error = NULL;
  guint at;

  open_project (make_paragraph (1200 * 1000, TRUE, &f.marker), TRUE);
  project = rpt_window_get_project (f.window);
  at = rpt_document_get_length (giant ()) - 400;
  annotation = rpt_project_add_annotation (project, "giant", at, at + 5, "joke", NULL, &error);
  ck_assert_msg (annotation != NULL, "%s", error ? error->message : "");

  rpt_article_view_set_document (f.view, giant ());
  ck_assert (rpt_article_text_view_get_loading (f.text_view));
  rpt_article_view_reveal_annotation (f.view, annotation);
  for (gint64 end = g_get_monotonic_time () + 90 * G_USEC_PER_SEC; !on_screen (at);)
    {
      ck_assert_msg (g_get_monotonic_time () < end, "the annotation never came into view");
      rpt_test_spin (50);
    }
  ck_assert (!rpt_article_text_view_get_loading (f.text_view));
}
END_TEST

/* ---- The map, without a window ---- */

/* Random texts of short and long paragraphs, every kind of line end, with
 * and without spaces, emoji sequences and combining marks. */
static char *
random_text (GRand *rand)
{
  static const char *pieces[] = {
    "a", "word", " ", " ", " ", "  ", "\t", "é", "e\xcc\x81", "🙂", "👍🏽", "👩‍💻", "🇳🇴", "漢", "。",
    "\xc2\xa0", "“", "”",
  };
  static const char *ends[] = { "\n", "\r\n", "\r", "\xe2\x80\xa9" };
  GString *text = g_string_new (NULL);
  guint paragraphs = (guint) g_rand_int_range (rand, 1, 6);

  for (guint p = 0; p < paragraphs; p++)
    {
      /* Mostly short; some longer than the limit, some without spaces. */
      guint n = g_rand_boolean (rand) ? (guint) g_rand_int_range (rand, 0, 300)
                                      : (guint) g_rand_int_range (rand, 3000, 40000);
      gboolean no_space = g_rand_int_range (rand, 0, 3) == 0;

      for (guint i = 0; i < n; i++)
        {
          const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];

          if (no_space && (piece[0] == ' ' || piece[0] == '\t'))
            piece = "x";
          g_string_append (text, piece);
        }
      if (p + 1 < paragraphs || g_rand_boolean (rand))
        g_string_append (text, ends[g_rand_int_range (rand, 0, G_N_ELEMENTS (ends))]);
    }
  return g_string_free (text, FALSE);
}

/* Check records every assertion it runs: millions of them take minutes.
 * These assert only when something is wrong. */
#define CHECK(cond) G_STMT_START { if (!(cond)) ck_abort_msg ("round %u: %s", round, #cond); } G_STMT_END
#define CHECK_EQ(a, b) G_STMT_START {                                          \
    guint _a = (a), _b = (b);                                                   \
    if (_a != _b)                                                               \
      ck_abort_msg ("round %u, offset %u: %s == %u, %s == %u", round, offset,   \
                    #a, _a, #b, _b);                                            \
  } G_STMT_END

static gboolean
is_line_end (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x2029;
}

START_TEST (test_breaks_map)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20171222);

  for (guint round = 0; round < 60; round++)
    {
      g_autofree char *text = random_text (rand);
      gsize bytes = strlen (text);
      guint length = (guint) g_utf8_strlen (text, -1);
      g_autoptr(RptTextBreaks) whole = rpt_text_breaks_new (text, bytes);
      g_autoptr(RptTextBreaks) parts = rpt_text_breaks_new (text, bytes);
      g_autoptr(GString) shown = g_string_new (NULL);
      g_autoptr(GString) in_parts = g_string_new (NULL);
      guint since = 0, inserted = 0, display = 0, offset = 0, last_break = G_MAXUINT;
      const char *p, *q;

      ck_assert (rpt_text_breaks_next (whole, shown, G_MAXSIZE / 2) || bytes == 0);
      ck_assert (rpt_text_breaks_is_done (whole));
      ck_assert (!rpt_text_breaks_next (whole, shown, 100));
      while (rpt_text_breaks_next (parts, in_parts, 1 + (gsize) g_rand_int_range (rand, 0, 5000)))
        ;
      /* Made a part at a time or at once, the same. */
      ck_assert (g_str_equal (shown->str, in_parts->str));
      CHECK_EQ (rpt_text_breaks_get_done (whole), length);

      /* The displayed text is the text with line feeds inserted (never
       * before a line end of its own), no display paragraph is longer than
       * the limit, and the map says where everything went. */
      p = shown->str;
      q = text;
      while (*q)
        {
          gunichar c = g_utf8_get_char (q);

          if (*p == '\n' && c != '\n')
            {
              CHECK_EQ (rpt_text_breaks_to_text (whole, display), offset);
              last_break = offset;
              p++;
              display++;
              inserted++;
              since = 0;
              continue;
            }
          if (g_utf8_get_char (p) != c)
            ck_abort_msg ("round %u: text offset %u is not shown at %u", round, offset, display);
          CHECK_EQ (rpt_text_breaks_to_display (whole, offset, FALSE), display);
          CHECK_EQ (rpt_text_breaks_to_display (whole, offset, TRUE),
                             last_break == offset ? display - 1 : display);
          CHECK_EQ (rpt_text_breaks_to_text (whole, display), offset);
          since = is_line_end (c) ? 0 : since + 1;
          CHECK (since <= RPT_TEXT_BREAKS_LONG);
          p = g_utf8_next_char (p);
          q = g_utf8_next_char (q);
          display++;
          offset++;
        }
      CHECK_EQ (*p, 0);
      CHECK_EQ (offset, length);
      CHECK_EQ (rpt_text_breaks_to_display (whole, length, TRUE), display);
      CHECK_EQ (rpt_text_breaks_to_text (whole, display + 5), length);
      CHECK_EQ (rpt_text_breaks_to_display (whole, length + 5, FALSE), display);
      CHECK_EQ (inserted, rpt_text_breaks_get_n_breaks (whole));
    }
}
END_TEST

static Suite *
long_paragraph_suite (void)
{
  Suite *s = suite_create ("long-paragraph");
  TCase *tc = tcase_create ("window");
  TCase *map = tcase_create ("map");

  tcase_add_checked_fixture (tc, NULL, teardown);
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_one_line_article_opens_in_display_lines);
  tcase_add_test (tc, test_tag_in_the_middle);
  tcase_add_test (tc, test_paragraph_without_spaces);
  tcase_add_test (tc, test_copy_gives_the_text);
  tcase_add_test (tc, test_switch_and_close_while_loading);
  tcase_add_test (tc, test_reveal_while_loading);
  suite_add_tcase (s, tc);

  tcase_add_test (map, test_breaks_map);
  tcase_set_timeout (map, 300);
  suite_add_tcase (s, map);
  return s;
}

RPT_TEST_APP_MAIN (long_paragraph_suite)
