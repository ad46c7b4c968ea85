/* test-anchor.c: re-anchoring spans in edited text.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <glib.h>

#include "rpt-anchor.h"
#include "rpt-test-util.h"

/* Text written for this test: two ministers, three sentences. */
static const char *ORIGINAL =
  "The minister said the talks were “useful”. Her counterpart laughed. "
  "He called the proposal a non-starter 🙄 and left early.";

typedef struct
{
  char *exact, *prefix, *suffix;
} Quote;

static Quote
capture (const char *text,
         const char *span)
{
  Quote q;
  const char *at = strstr (text, span);
  guint start, end;

  ck_assert_ptr_nonnull (at);
  start = g_utf8_pointer_to_offset (text, at);
  end = start + g_utf8_strlen (span, -1);
  rpt_anchor_capture (text, start, end, &q.exact, &q.prefix, &q.suffix);
  ck_assert_str_eq (q.exact, span);
  return q;
}

static void
quote_clear (Quote *q)
{
  g_free (q->exact);
  g_free (q->prefix);
  g_free (q->suffix);
}

static char *
slice (const char *text, guint start, guint end)
{
  const char *a = g_utf8_offset_to_pointer (text, start);
  const char *b = g_utf8_offset_to_pointer (a, end - start);
  return g_strndup (a, b - a);
}

START_TEST (test_capture_context)
{
  Quote q = capture (ORIGINAL, "Her counterpart laughed.");

  ck_assert_int_eq (g_utf8_strlen (q.prefix, -1), RPT_ANCHOR_CONTEXT_CHARS);
  ck_assert (g_str_has_suffix (q.prefix, "“useful”. "));
  ck_assert (g_str_has_prefix (q.suffix, " He called"));
  quote_clear (&q);
}
END_TEST

START_TEST (test_unchanged_text)
{
  Quote q = capture (ORIGINAL, "non-starter 🙄");
  guint start, end;
  g_autofree char *found = NULL;

  ck_assert_int_eq (rpt_anchor_find (ORIGINAL, q.exact, q.prefix, q.suffix, &start, &end), RPT_ANCHOR_EXACT);
  found = slice (ORIGINAL, start, end);
  ck_assert_str_eq (found, "non-starter 🙄");
  quote_clear (&q);
}
END_TEST

START_TEST (test_insertion_before)
{
  Quote q = capture (ORIGINAL, "Her counterpart laughed.");
  g_autofree char *edited = g_strconcat ("Updated at 10:40 — ", ORIGINAL, NULL);
  g_autofree char *found = NULL;
  guint start, end;

  ck_assert_int_eq (rpt_anchor_find (edited, q.exact, q.prefix, q.suffix, &start, &end), RPT_ANCHOR_EXACT);
  found = slice (edited, start, end);
  ck_assert_str_eq (found, "Her counterpart laughed.");
  /* 19 code points were inserted before it (the em dash is one). */
  ck_assert_uint_eq (start, g_utf8_strlen ("Updated at 10:40 — ", -1) +
                             g_utf8_strlen ("The minister said the talks were “useful”. ", -1));
  quote_clear (&q);
}
END_TEST

START_TEST (test_insertion_inside)
{
  Quote q = capture (ORIGINAL, "Her counterpart laughed.");
  const char *edited =
    "The minister said the talks were “useful”. Her counterpart briefly laughed. "
    "He called the proposal a non-starter 🙄 and left early.";
  g_autofree char *found = NULL;
  guint start, end;

  ck_assert_int_eq (rpt_anchor_find (edited, q.exact, q.prefix, q.suffix, &start, &end), RPT_ANCHOR_FUZZY);
  found = slice (edited, start, end);
  ck_assert_str_eq (found, "Her counterpart briefly laughed.");
  quote_clear (&q);
}
END_TEST

START_TEST (test_deleted_sentence)
{
  Quote q = capture (ORIGINAL, "Her counterpart laughed.");
  const char *edited =
    "The minister said the talks were “useful”. "
    "He called the proposal a non-starter 🙄 and left early.";
  guint start = 99, end = 99;

  ck_assert_int_eq (rpt_anchor_find (edited, q.exact, q.prefix, q.suffix, &start, &end), RPT_ANCHOR_ORPHAN);
  ck_assert_uint_eq (start, 99);
  quote_clear (&q);
}
END_TEST

START_TEST (test_rewritten_span_is_orphan)
{
  Quote q = capture (ORIGINAL, "Her counterpart laughed.");
  const char *edited =
    "The minister said the talks were “useful”. Nobody in the room found any of it amusing at all. "
    "He called the proposal a non-starter 🙄 and left early.";
  guint start, end;

  ck_assert_int_eq (rpt_anchor_find (edited, q.exact, q.prefix, q.suffix, &start, &end), RPT_ANCHOR_ORPHAN);
  quote_clear (&q);
}
END_TEST

START_TEST (test_duplicated_sentence_is_orphan)
{
  Quote q = capture (ORIGINAL, "Her counterpart laughed.");
  const char *edited =
    "The minister said the talks were “useful”. Her counterpart laughed. Her counterpart laughed. "
    "He called the proposal a non-starter 🙄 and left early.";
  guint start, end;

  /* Two candidates, neither in exactly its old context: ask, don't guess. */
  ck_assert_int_eq (rpt_anchor_find (edited, q.exact, q.prefix, q.suffix, &start, &end), RPT_ANCHOR_ORPHAN);
  quote_clear (&q);
}
END_TEST

START_TEST (test_duplicate_elsewhere_context_decides)
{
  Quote q = capture (ORIGINAL, "Her counterpart laughed.");
  g_autofree char *edited = g_strconcat (ORIGINAL, " Later, at dinner: Her counterpart laughed. Again.", NULL);
  g_autofree char *found = NULL;
  guint start, end;

  ck_assert_int_eq (rpt_anchor_find (edited, q.exact, q.prefix, q.suffix, &start, &end), RPT_ANCHOR_CONTEXT);
  ck_assert_uint_eq (start, g_utf8_strlen ("The minister said the talks were “useful”. ", -1));
  found = slice (edited, start, end);
  ck_assert_str_eq (found, "Her counterpart laughed.");
  quote_clear (&q);
}
END_TEST

START_TEST (test_empty_quote_is_orphan)
{
  guint start, end;

  ck_assert_int_eq (rpt_anchor_find (ORIGINAL, "", "", "", &start, &end), RPT_ANCHOR_ORPHAN);
}
END_TEST

START_TEST (test_short_quote_elsewhere_is_orphan)
{
  /* "laughed" (7 code points) was deleted; another "laughed" elsewhere, in
   * different company, is not the same one. */
  Quote q = capture (ORIGINAL, "laughed");
  const char *edited =
    "The minister said the talks were “useful”. Her counterpart smiled. "
    "He called the proposal a non-starter 🙄 and left early. Everyone laughed";
  guint start, end;

  ck_assert_int_eq (rpt_anchor_find (edited, q.exact, q.prefix, q.suffix, &start, &end), RPT_ANCHOR_ORPHAN);
  quote_clear (&q);
}
END_TEST

START_TEST (test_moved_passage_is_placed)
{
  /* A whole sentence moved to the front: long enough to be itself. */
  Quote q = capture (ORIGINAL, "He called the proposal a non-starter 🙄");
  const char *edited =
    "Breaking: He called the proposal a non-starter 🙄 in a short statement. "
    "The minister said the talks were “useful”.";
  g_autofree char *found = NULL;
  guint start, end;

  ck_assert_int_eq (rpt_anchor_find (edited, q.exact, q.prefix, q.suffix, &start, &end), RPT_ANCHOR_EXACT);
  found = slice (edited, start, end);
  ck_assert_str_eq (found, "He called the proposal a non-starter 🙄");
  ck_assert_uint_eq (start, 10);
  quote_clear (&q);
}
END_TEST

START_TEST (test_edited_quote_beats_copy_elsewhere)
{
  /* The span was edited in place, and its old wording appears once
   * elsewhere in other company: the context wins over the copy. */
  Quote q = capture (ORIGINAL, "Her counterpart laughed.");
  const char *edited =
    "The minister said the talks were “useful”. Her counterpart briefly laughed. "
    "He called the proposal a non-starter 🙄 and left early. As one aide put it later, "
    "“Her counterpart laughed.”";
  g_autofree char *found = NULL;
  guint start, end;

  ck_assert_int_eq (rpt_anchor_find (edited, q.exact, q.prefix, q.suffix, &start, &end), RPT_ANCHOR_FUZZY);
  found = slice (edited, start, end);
  ck_assert_str_eq (found, "Her counterpart briefly laughed.");
  quote_clear (&q);
}
END_TEST

START_TEST (test_context_decides_despite_nearby_edit)
{
  /* Two copies; the first lost a word of its prefix, but its context still
   * agrees far better than the second's. */
  const char *original = "Asked about the ceasefire, the envoy said: no comment. Later, on trade: no comment.";
  const char *edited = "Asked about the truce, the envoy said: no comment. Later, on trade: no comment.";
  const char *at = strstr (original, "no comment");
  guint start = g_utf8_pointer_to_offset (original, at), end = start + 10;
  g_autofree char *found = NULL;
  Quote q;

  rpt_anchor_capture (original, start, end, &q.exact, &q.prefix, &q.suffix);
  ck_assert_int_eq (rpt_anchor_find (edited, q.exact, q.prefix, q.suffix, &start, &end), RPT_ANCHOR_CONTEXT);
  ck_assert_uint_eq (start, g_utf8_pointer_to_offset (edited, strstr (edited, "no comment")));
  found = slice (edited, start, end);
  ck_assert_str_eq (found, "no comment");
  quote_clear (&q);
}
END_TEST

START_TEST (test_span_at_text_edges)
{
  /* No prefix (the span starts the text) and no suffix (it ends it). */
  const char *original = "Yes. Then the envoy left. No.";
  const char *edited = "Yes. Then, after a pause, the envoy left. No.";
  guint start, end;
  Quote first, last;

  rpt_anchor_capture (original, 0, 4, &first.exact, &first.prefix, &first.suffix);
  rpt_anchor_capture (original, 26, 29, &last.exact, &last.prefix, &last.suffix);
  ck_assert_str_eq (first.prefix, "");
  ck_assert_str_eq (last.suffix, "");
  ck_assert_int_eq (rpt_anchor_find (edited, first.exact, first.prefix, first.suffix, &start, &end), RPT_ANCHOR_EXACT);
  ck_assert_uint_eq (start, 0);
  ck_assert_uint_eq (end, 4);
  ck_assert_int_eq (rpt_anchor_find (edited, last.exact, last.prefix, last.suffix, &start, &end), RPT_ANCHOR_EXACT);
  ck_assert_uint_eq (start, 42);
  ck_assert_uint_eq (end, 45);
  quote_clear (&first);
  quote_clear (&last);
}
END_TEST

START_TEST (test_edit_inside_and_near_span)
{
  /* A word inside the span and another in its context, further than
   * half the context away: the context next to the span still finds it. */
  Quote q = capture (ORIGINAL, "Her counterpart laughed.");
  const char *edited =
    "The minister said the talks were “useful”. Her counterpart briefly laughed. "
    "He called the plan a non-starter 🙄 and left early.";
  g_autofree char *found = NULL;
  guint start, end;

  ck_assert_int_eq (rpt_anchor_find (edited, q.exact, q.prefix, q.suffix, &start, &end), RPT_ANCHOR_FUZZY);
  found = slice (edited, start, end);
  ck_assert_str_eq (found, "Her counterpart briefly laughed.");
  quote_clear (&q);
}
END_TEST

START_TEST (test_only_whole_context_decides)
{
  /* Both copies share the prefix; only one has its whole context. */
  const char *text = "On Monday the two ministers finally agreed to meet again next week in Geneva. "
                     "On Monday the two ministers finally agreed to disagree.";
  g_autofree char *edited = g_strconcat (text, " Nobody was surprised.", NULL);
  guint start = g_utf8_pointer_to_offset (text, strstr (text, "agreed")), end = start + 6;
  Quote q;

  rpt_anchor_capture (text, start, end, &q.exact, &q.prefix, &q.suffix);
  ck_assert_int_eq (rpt_anchor_find (edited, q.exact, q.prefix, q.suffix, &start, &end), RPT_ANCHOR_CONTEXT);
  ck_assert_uint_eq (start, g_utf8_pointer_to_offset (text, strstr (text, "agreed")));
  quote_clear (&q);
}
END_TEST

/* ---- The fuzzy limit ---- */

/* An edited quote is placed when its edit distance (in code points) from the
 * stored one is at most a quarter of the longer of the two, rounded down
 * (docs/REANCHORING.md). The quotes are 40 code points (limit 10) and 42
 * with two curly quotes (10.5, so 10: a rounding up would show). */
#define FUZZY_BEFORE "The minister said the talks were “useful” on Monday. "
#define FUZZY_AFTER " He called it a non-starter 🙄 and left the building early."

typedef enum { SUBSTITUTE, INSERT, DELETE } Edit;

/* @quote with @n code points edited, spread over its length or in its
 * middle: replaced by 'Z' (absent from the quotes), inserted, or deleted. */
static char *
edit_quote (const char *quote,
            Edit        edit,
            guint       n)
{
  static const char filler[] = "and then, slowly, very loudly and at length, ";
  glong len;
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (quote, -1, &len);
  GString *out = g_string_new (NULL);

  g_assert (n <= (guint) len && n < sizeof filler);
  /* n distinct places, spread over the quote */
  for (guint j = 0; edit == SUBSTITUTE && j < n; j++)
    {
      glong at = (glong) j * len / (glong) n;

      g_assert (chars[at] != 'Z');
      chars[at] = 'Z';
    }
  for (glong i = 0; i < len; i++)
    {
      if (edit == INSERT && i == len / 2)
        g_string_append_len (out, filler, n);
      if (edit == DELETE && i >= (len - (glong) n) / 2 && i < (len - (glong) n) / 2 + (glong) n)
        continue;
      g_string_append_unichar (out, chars[i]);
    }
  return g_string_free (out, FALSE);
}

/* The edited quote is found (FUZZY, exactly where it now is) when @placed,
 * an orphan otherwise. */
static void
assert_fuzzy (const char *quote,
              Edit        edit,
              guint       n,
              gboolean    placed)
{
  g_autofree char *original = g_strconcat (FUZZY_BEFORE, quote, FUZZY_AFTER, NULL);
  g_autofree char *edited_quote = edit_quote (quote, edit, n);
  g_autofree char *edited = g_strconcat (FUZZY_BEFORE, edited_quote, FUZZY_AFTER, NULL);
  Quote q = capture (original, quote);
  guint start = G_MAXUINT, end = G_MAXUINT;
  RptAnchorResult result = rpt_anchor_find (edited, q.exact, q.prefix, q.suffix, &start, &end);

  ck_assert_msg (result == (placed ? RPT_ANCHOR_FUZZY : RPT_ANCHOR_ORPHAN),
                 "“%s” edited to “%s” (%u code points of %ld) is %s, not %s", quote, edited_quote, n,
                 g_utf8_strlen (quote, -1), rpt_anchor_result_to_string (result),
                 placed ? "fuzzy" : "an orphan");
  if (placed)
    {
      g_autofree char *found = slice (edited, start, end);

      ck_assert_str_eq (found, edited_quote);
    }
  else
    ck_assert_uint_eq (start, G_MAXUINT);
  quote_clear (&q);
}

START_TEST (test_fuzzy_limit)
{
  const char *forty = "Her counterpart laughed at the proposal.";
  const char *forty_two = "Her counterpart laughed at the “proposal”.";

  ck_assert_int_eq (g_utf8_strlen (forty, -1), 40);
  ck_assert_int_eq (g_utf8_strlen (forty_two, -1), 42);

  /* replaced: the limit is a quarter of the quote's own length */
  assert_fuzzy (forty, SUBSTITUTE, 10, TRUE);
  assert_fuzzy (forty, SUBSTITUTE, 11, FALSE);
  assert_fuzzy (forty_two, SUBSTITUTE, 10, TRUE);
  assert_fuzzy (forty_two, SUBSTITUTE, 11, FALSE);
  /* inserted: a quarter of the longer, the new text (13 of 53, not 14 of
   * 54; 14 of 56, not 15 of 57) */
  assert_fuzzy (forty, INSERT, 13, TRUE);
  assert_fuzzy (forty, INSERT, 14, FALSE);
  assert_fuzzy (forty_two, INSERT, 14, TRUE);
  assert_fuzzy (forty_two, INSERT, 15, FALSE);
  /* deleted: a quarter of the stored quote */
  assert_fuzzy (forty, DELETE, 10, TRUE);
  assert_fuzzy (forty, DELETE, 11, FALSE);
  assert_fuzzy (forty_two, DELETE, 10, TRUE);
  assert_fuzzy (forty_two, DELETE, 11, FALSE);
}
END_TEST

static Suite *
anchor_suite (void)
{
  Suite *s = suite_create ("anchor");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_capture_context);
  tcase_add_test (tc, test_unchanged_text);
  tcase_add_test (tc, test_insertion_before);
  tcase_add_test (tc, test_insertion_inside);
  tcase_add_test (tc, test_deleted_sentence);
  tcase_add_test (tc, test_rewritten_span_is_orphan);
  tcase_add_test (tc, test_duplicated_sentence_is_orphan);
  tcase_add_test (tc, test_duplicate_elsewhere_context_decides);
  tcase_add_test (tc, test_empty_quote_is_orphan);
  tcase_add_test (tc, test_short_quote_elsewhere_is_orphan);
  tcase_add_test (tc, test_moved_passage_is_placed);
  tcase_add_test (tc, test_edited_quote_beats_copy_elsewhere);
  tcase_add_test (tc, test_context_decides_despite_nearby_edit);
  tcase_add_test (tc, test_span_at_text_edges);
  tcase_add_test (tc, test_edit_inside_and_near_span);
  tcase_add_test (tc, test_only_whole_context_decides);
  tcase_add_test (tc, test_fuzzy_limit);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (anchor_suite)
