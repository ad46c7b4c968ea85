/* test-search.c: Find's matcher (offsets in code points with emoji and
 * combining marks, case folding beyond ASCII, whole words at punctuation,
 * regular expressions and the message for a bad one), the results filled
 * by the worker in batches and cancelled, snapping to words, and Tag All
 * as one undo step that skips what is already tagged.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>

#include "rpt-core.h"
#include "rpt-test-project.h"
#include "rpt-test-util.h"

/* Texts written for these tests. The expected offsets were worked out
 * with Python's len() on the same strings. */
#define EMOJI_TEXT "\U0001F642 The talks went well \U0001F44D\U0001F3FD, talks again; TALKS."
#define ACCENT_TEXT "Ministers at the \u00c9COLE: \u00e9cole, Ecole, \u00e9coles."
#define GREEK_TEXT "\u03a3\u039f\u03a6\u039f\u03a3 \u03c3\u03bf\u03c6\u03bf\u03c2 \u03c3\u03bf\u03c6\u03cc\u03c2"
#define COMBINING_TEXT "The cafe\u0301 and the cafe closed."
#define WORDS_TEXT "end. (end) co-end ending end\u00e9 end_ 2end ende\u0301 end"

/* The matches of @pattern in @text as "start-end start-end …". */
static char *
matches_of (const char     *pattern_text,
            RptSearchFlags  flags,
            const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RptSearchPattern) pattern = rpt_search_pattern_new (pattern_text, flags, &error);
  g_autoptr(GArray) matches = NULL;
  GString *out = g_string_new (NULL);

  ck_assert_msg (pattern != NULL, "%s: %s", pattern_text, error ? error->message : "");
  matches = rpt_search_pattern_find_all (pattern, text, strlen (text), 0);
  for (guint i = 0; i < matches->len; i++)
    {
      RptSearchMatch *m = &g_array_index (matches, RptSearchMatch, i);

      g_string_append_printf (out, "%s%u-%u", i ? " " : "", m->start, m->end);
    }
  return g_string_free (out, FALSE);
}

#define ASSERT_MATCHES(pattern, flags, text, expected)                        \
  G_STMT_START {                                                              \
    g_autofree char *_got = matches_of ((pattern), (flags), (text));          \
    ck_assert_str_eq (_got, (expected));                                      \
  } G_STMT_END

START_TEST (test_offsets_are_code_points)
{
  /* The emoji before and the thumb with its skin tone (two code points)
   * between: byte offsets would be 9, 35 and 48. */
  ASSERT_MATCHES ("talks", RPT_SEARCH_DEFAULT, EMOJI_TEXT, "6-11 26-31 39-44");
  ASSERT_MATCHES ("talks", RPT_SEARCH_CASE_SENSITIVE, EMOJI_TEXT, "6-11 26-31");
  /* A skin tone is no combining mark: the plain thumb finds the toned
   * one. */
  ASSERT_MATCHES ("\U0001F44D", RPT_SEARCH_DEFAULT, EMOJI_TEXT, "22-23");
  ASSERT_MATCHES ("\U0001F44D\U0001F3FD", RPT_SEARCH_DEFAULT, EMOJI_TEXT, "22-24");
}
END_TEST

START_TEST (test_case_folding_beyond_ascii)
{
  /* É and é are one letter in two cases; E is another letter. */
  ASSERT_MATCHES ("\u00e9cole", RPT_SEARCH_DEFAULT, ACCENT_TEXT, "17-22 24-29 38-43");
  ASSERT_MATCHES ("\u00e9cole", RPT_SEARCH_CASE_SENSITIVE, ACCENT_TEXT, "24-29 38-43");
  ASSERT_MATCHES ("\u00c9COLE", RPT_SEARCH_WHOLE_WORDS, ACCENT_TEXT, "17-22 24-29");
  /* Capital sigma matches both small sigmas; an accented omicron does not
   * match a plain one. */
  ASSERT_MATCHES ("\u03c3\u03bf\u03c6\u03bf\u03c3", RPT_SEARCH_DEFAULT, GREEK_TEXT, "0-5 6-11");
}
END_TEST

START_TEST (test_combining_marks)
{
  /* "cafe" is not the first four characters of a decomposed "café". */
  ASSERT_MATCHES ("cafe", RPT_SEARCH_DEFAULT, COMBINING_TEXT, "18-22");
  /* The decomposed word is found whole, accent included. */
  ASSERT_MATCHES ("cafe\u0301", RPT_SEARCH_DEFAULT, COMBINING_TEXT, "4-9");
  ASSERT_MATCHES ("CAFE\u0301", RPT_SEARCH_WHOLE_WORDS, COMBINING_TEXT, "4-9");
  /* A mark belongs to the word on either side of a whole word. */
  ASSERT_MATCHES ("cafe", RPT_SEARCH_WHOLE_WORDS, COMBINING_TEXT, "18-22");
  ASSERT_MATCHES ("s", RPT_SEARCH_WHOLE_WORDS, "cafe\u0301s s", "7-8");
  /* A regular expression is taken as written. */
  ASSERT_MATCHES ("caf.", RPT_SEARCH_REGEX, COMBINING_TEXT, "4-8 18-22");
}
END_TEST

START_TEST (test_whole_words_at_punctuation)
{
  /* Punctuation, brackets and a hyphen end a word; a letter (precomposed
   * or with a combining accent), a digit or an underscore does not. */
  ASSERT_MATCHES ("end", RPT_SEARCH_WHOLE_WORDS, WORDS_TEXT, "0-3 6-9 14-17 46-49");
  ASSERT_MATCHES ("end", RPT_SEARCH_DEFAULT, WORDS_TEXT, "0-3 6-9 14-17 18-21 25-28 30-33 36-39 40-43 46-49");
  /* Alternatives stay inside the boundaries. */
  ASSERT_MATCHES ("co|end", RPT_SEARCH_WHOLE_WORDS | RPT_SEARCH_REGEX, WORDS_TEXT, "0-3 6-9 11-13 14-17 46-49");
  /* A phrase is whole at both of its ends only. */
  ASSERT_MATCHES ("end. (end", RPT_SEARCH_WHOLE_WORDS, WORDS_TEXT, "0-9");
}
END_TEST

START_TEST (test_regular_expressions)
{
  const char *text = "Talks ended.\r\nTalks resumed.\nNo talks.";
  g_autoptr(GError) error = NULL;
  g_autoptr(RptSearchPattern) pattern = NULL;

  /* ^ and $ at every line, whatever its line ending. */
  ASSERT_MATCHES ("^talks", RPT_SEARCH_REGEX, text, "0-5 14-19");
  ASSERT_MATCHES ("\\w+\\.$", RPT_SEARCH_REGEX, text, "6-12 20-28 32-38");
  /* An expression that matches nothing but empty text finds nothing. */
  ASSERT_MATCHES ("x*", RPT_SEARCH_REGEX, text, "");
  /* Without the option the same characters are plain text. */
  ASSERT_MATCHES ("^talks", RPT_SEARCH_DEFAULT, text, "");
  ASSERT_MATCHES ("talks.", RPT_SEARCH_DEFAULT, text, "32-38");

  /* A bad expression is refused with GLib's reason, which names where in
   * what the user typed, not in the wrapping for whole words. */
  pattern = rpt_search_pattern_new ("talks (ended", RPT_SEARCH_REGEX, &error);
  ck_assert_ptr_null (pattern);
  ck_assert_msg (g_error_matches (error, RPT_ERROR, RPT_ERROR_INVALID), "%s", error ? error->message : "no error");
  ck_assert_msg (strstr (error->message, "missing terminating )") != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, "talks (ended") != NULL, "%s", error->message);
  g_clear_error (&error);
  pattern = rpt_search_pattern_new ("a)(b", RPT_SEARCH_REGEX | RPT_SEARCH_WHOLE_WORDS, &error);
  ck_assert_ptr_null (pattern);
  ck_assert_msg (g_error_matches (error, RPT_ERROR, RPT_ERROR_INVALID), "%s", error ? error->message : "no error");
  ck_assert_msg (strstr (error->message, "a)(b") != NULL && strstr (error->message, "\\p{M}") == NULL,
                 "%s", error->message);
  g_clear_error (&error);

  /* The same characters as plain text are fine. */
  ASSERT_MATCHES ("a)(b", RPT_SEARCH_DEFAULT, "x a)(b y", "2-6");
  pattern = rpt_search_pattern_new ("", RPT_SEARCH_DEFAULT, &error);
  ck_assert_ptr_null (pattern);
  ck_assert_msg (g_error_matches (error, RPT_ERROR, RPT_ERROR_INVALID), "%s", error ? error->message : "no error");
}
END_TEST

/* ---- Results ---- */

static GPtrArray *
make_documents (guint n,
                guint talks_each)
{
  GPtrArray *documents = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) text = g_string_new ("Opening words. ");
      g_autofree char *id = g_strdup_printf ("d%u", i);

      /* Every third article has no match at all. */
      for (guint j = 0; i % 3 != 2 && j < talks_each; j++)
        g_string_append (text, "The \u00e9lite talks \U0001F642 went on. ");
      g_ptr_array_add (documents, rpt_document_new (id, id, "test", text->str));
    }
  return documents;
}

typedef struct
{
  guint    n_signals;
  guint    biggest;
  guint    total;
  gboolean added_after_complete;
} Added;

static void
on_matches_added (RptSearchResults *results,
                  guint             document_index,
                  guint             position,
                  guint             n,
                  Added            *added)
{
  GArray *matches = rpt_search_results_get_matches (results, document_index);

  added->n_signals++;
  added->biggest = MAX (added->biggest, n);
  added->total += n;
  ck_assert_uint_eq (position + n, matches->len);
  if (rpt_search_results_is_complete (results))
    added->added_after_complete = TRUE;
}

START_TEST (test_results_across_documents)
{
  g_autoptr(GPtrArray) documents = make_documents (5, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(RptSearchPattern) pattern = rpt_search_pattern_new ("TALKS", RPT_SEARCH_DEFAULT, &error);
  g_autoptr(RptSearchResults) results = rpt_search_results_new (pattern);
  RptSearchMatch match;
  guint document_index;

  rpt_search_results_fill (results, documents);
  ck_assert (rpt_search_results_is_complete (results));
  ck_assert (!rpt_search_results_is_capped (results));
  /* d2 has no match and is not listed. */
  ck_assert_uint_eq (rpt_search_results_get_n_documents (results), 4);
  ck_assert_uint_eq (rpt_search_results_get_n_matches (results), 12);
  ck_assert_ptr_eq (rpt_search_results_get_document (results, 2), g_ptr_array_index (documents, 3));
  ck_assert_int_eq (rpt_search_results_find_document (results, g_ptr_array_index (documents, 2)), -1);
  ck_assert_int_eq (rpt_search_results_find_document (results, g_ptr_array_index (documents, 4)), 3);
  ck_assert_uint_eq (rpt_search_results_get_first_index (results, 3), 9);

  /* Match 7 is the second of d3: "Opening words. " is 15 code points and
   * each sentence 27, "talks" 10 into it. */
  ck_assert (rpt_search_results_lookup (results, 7, &document_index, &match));
  ck_assert_uint_eq (document_index, 2);
  ck_assert_uint_eq (match.start, 15 + 27 + 10);
  ck_assert_uint_eq (match.end, 15 + 27 + 15);
  ck_assert (!rpt_search_results_lookup (results, 12, NULL, NULL));
}
END_TEST

static void
complete_notified (GObject    *object,
                   GParamSpec *pspec,
                   gpointer    data)
{
  *(guint *) data = rpt_search_results_get_n_matches (RPT_SEARCH_RESULTS (object));
}

START_TEST (test_fill_in_worker)
{
  /* 60 articles of 400 matches: more than one batch. */
  g_autoptr(GPtrArray) documents = make_documents (60, 400);
  g_autoptr(GError) error = NULL;
  g_autoptr(RptSearchPattern) pattern = rpt_search_pattern_new ("talks", RPT_SEARCH_WHOLE_WORDS, &error);
  g_autoptr(RptSearchResults) results = rpt_search_results_new (pattern);
  g_autoptr(RptSearchResults) expected = rpt_search_results_new (pattern);
  RptTestAsync async = { 0 };
  Added added = { 0 };
  guint at_complete = 0;

  g_signal_connect (results, "matches-added", G_CALLBACK (on_matches_added), &added);
  g_signal_connect (results, "notify::complete", G_CALLBACK (complete_notified), &at_complete);
  rpt_search_results_fill_async (results, documents, NULL, rpt_test_async_ready, &async);
  rpt_test_async_wait (&async);
  ck_assert (rpt_search_results_fill_finish (results, async.result, &error));
  ck_assert_ptr_null (error);

  /* Everything, in order, as the search on this thread finds it; in
   * batches no bigger than promised; complete only after the last. */
  rpt_search_results_fill (expected, documents);
  ck_assert_uint_eq (rpt_search_results_get_n_matches (results), 40 * 400);
  ck_assert_uint_eq (rpt_search_results_get_n_matches (expected), 40 * 400);
  ck_assert_uint_eq (added.total, 40 * 400);
  ck_assert_uint_le (added.biggest, RPT_SEARCH_BATCH_MATCHES);
  ck_assert_uint_gt (added.n_signals, 40);
  ck_assert (!added.added_after_complete);
  ck_assert_uint_eq (at_complete, 40 * 400);
  ck_assert_uint_eq (rpt_search_results_get_n_documents (results), rpt_search_results_get_n_documents (expected));
  for (guint d = 0; d < rpt_search_results_get_n_documents (results); d++)
    {
      GArray *got = rpt_search_results_get_matches (results, d);
      GArray *want = rpt_search_results_get_matches (expected, d);

      ck_assert_ptr_eq (rpt_search_results_get_document (results, d), rpt_search_results_get_document (expected, d));
      ck_assert_uint_eq (got->len, want->len);
      ck_assert_int_eq (memcmp (got->data, want->data, got->len * sizeof (RptSearchMatch)), 0);
    }
  rpt_test_async_clear (&async);
}
END_TEST

START_TEST (test_fill_cancelled)
{
  g_autoptr(GPtrArray) documents = make_documents (30, 400);
  g_autoptr(GError) error = NULL;
  g_autoptr(RptSearchPattern) pattern = rpt_search_pattern_new ("talks", RPT_SEARCH_DEFAULT, &error);
  g_autoptr(RptSearchResults) results = rpt_search_results_new (pattern);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  RptTestAsync async = { 0 };
  Added added = { 0 };

  g_signal_connect (results, "matches-added", G_CALLBACK (on_matches_added), &added);
  rpt_search_results_fill_async (results, documents, cancellable, rpt_test_async_ready, &async);
  /* As a new keystroke does, before the main loop has run. */
  g_cancellable_cancel (cancellable);
  rpt_test_async_wait (&async);
  ck_assert (!rpt_search_results_fill_finish (results, async.result, &error));
  ck_assert_msg (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED), "%s", error ? error->message : "no error");
  ck_assert_uint_eq (added.n_signals, 0);
  ck_assert_uint_eq (rpt_search_results_get_n_matches (results), 0);
  ck_assert (!rpt_search_results_is_complete (results));
  rpt_test_async_clear (&async);
}
END_TEST

static void
cancel_at_first (RptSearchResults *results,
                 guint             document_index,
                 guint             position,
                 guint             n,
                 GCancellable     *cancellable)
{
  g_cancellable_cancel (cancellable);
}

START_TEST (test_fill_cancelled_midway)
{
  g_autoptr(GPtrArray) documents = make_documents (60, 400);
  g_autoptr(GError) error = NULL;
  g_autoptr(RptSearchPattern) pattern = rpt_search_pattern_new ("talks", RPT_SEARCH_DEFAULT, &error);
  g_autoptr(RptSearchResults) results = rpt_search_results_new (pattern);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  RptTestAsync async = { 0 };
  Added added = { 0 };

  /* Cancelled as the first batch comes in (a keystroke while matches
   * arrive): what the worker had found since is never added. */
  g_signal_connect (results, "matches-added", G_CALLBACK (on_matches_added), &added);
  g_signal_connect (results, "matches-added", G_CALLBACK (cancel_at_first), cancellable);
  rpt_search_results_fill_async (results, documents, cancellable, rpt_test_async_ready, &async);
  rpt_test_async_wait (&async);
  ck_assert (!rpt_search_results_fill_finish (results, async.result, &error));
  ck_assert_msg (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED), "%s", error ? error->message : "no error");
  ck_assert_uint_eq (added.n_signals, 1);
  ck_assert_uint_lt (rpt_search_results_get_n_matches (results), 40 * 400);
  ck_assert (!rpt_search_results_is_complete (results));
  rpt_test_async_clear (&async);
}
END_TEST

START_TEST (test_fill_capped)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(RptSearchPattern) pattern = rpt_search_pattern_new ("a", RPT_SEARCH_WHOLE_WORDS, &error);
  g_autoptr(RptSearchResults) results = rpt_search_results_new (pattern);
  RptTestAsync async = { 0 };

  for (guint i = 0; i < RPT_SEARCH_MAX_MATCHES / 2 + 10; i++)
    g_string_append (text, "a b ");
  g_ptr_array_add (documents, rpt_document_new ("one", "One", "test", text->str));
  g_ptr_array_add (documents, rpt_document_new ("two", "Two", "test", text->str));
  rpt_search_results_fill_async (results, documents, NULL, rpt_test_async_ready, &async);
  rpt_test_async_wait (&async);
  ck_assert (rpt_search_results_fill_finish (results, async.result, &error));
  ck_assert (rpt_search_results_is_capped (results));
  ck_assert_uint_eq (rpt_search_results_get_n_matches (results), RPT_SEARCH_MAX_MATCHES);
  rpt_test_async_clear (&async);
}
END_TEST

/* ---- Snapping and Tag All ---- */

static char *
snapped (const char *text,
         const char *needle,
         guint       trim_start,
         guint       trim_end)
{
  g_autoptr(RptDocument) document = rpt_document_new ("s", "S", "test", text);
  guint start = rpt_test_offset_of (text, needle) + trim_start;
  guint end = rpt_test_offset_of (text, needle) + (guint) g_utf8_strlen (needle, -1) - trim_end;

  rpt_search_snap_to_words (document, &start, &end);
  return rpt_document_dup_slice (document, start, end);
}

#define ASSERT_SNAPS(text, needle, trim_start, trim_end, expected)            \
  G_STMT_START {                                                              \
    g_autofree char *_got = snapped ((text), (needle), (trim_start), (trim_end)); \
    ck_assert_str_eq (_got, (expected));                                      \
  } G_STMT_END

START_TEST (test_snap_to_words)
{
  const char *text = "Our \u00e9lite envoys \U0001F642 said: \u201cno deal.\u201d";

  /* A part of a word grows to the word; white space is trimmed; an edge
   * at a word's edge stays; punctuation is not a word. */
  ASSERT_SNAPS (text, "\u00e9lite", 1, 1, "\u00e9lite");
  ASSERT_SNAPS (text, "lite envo", 0, 0, "\u00e9lite envoys");
  ASSERT_SNAPS (text, " envoys ", 0, 0, "envoys");
  ASSERT_SNAPS (text, "said:", 0, 0, "said:");
  ASSERT_SNAPS (text, "o deal.", 0, 0, "no deal.");
  ASSERT_SNAPS (text, "\U0001F642 sa", 0, 0, "\U0001F642 said");
}
END_TEST

#define TAG_ONE "Talks stalled. The envoy said talks would resume; talks, he said, matter."
#define TAG_TWO "Nobody mentioned talks. Stalks of wheat."

static RptProject *
tag_project (void)
{
  RptProject *project = rpt_project_new ();
  g_autoptr(RptDocument) one = rpt_document_new ("one", "One", "test", TAG_ONE);
  g_autoptr(RptDocument) two = rpt_document_new ("two", "Two", "test", TAG_TWO);

  ck_assert (rpt_project_add_document (project, one, NULL));
  ck_assert (rpt_project_add_document (project, two, NULL));
  return project;
}

static RptSearchResults *
search_all (RptProject     *project,
            const char     *text,
            RptSearchFlags  flags)
{
  g_autoptr(RptSearchPattern) pattern = rpt_search_pattern_new (text, flags, NULL);
  RptSearchResults *results = rpt_search_results_new (pattern);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = rpt_project_get_documents (project);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (documents, g_list_model_get_item (model, i));
  rpt_search_results_fill (results, documents);
  return results;
}

START_TEST (test_tag_all_one_step)
{
  g_autoptr(RptProject) project = tag_project ();
  g_autoptr(RptSearchResults) results = search_all (project, "talks", RPT_SEARCH_WHOLE_WORDS);
  g_autoptr(GError) error = NULL;
  RptSpeaker *envoy = rpt_project_add_speaker (project, "The Envoy", NULL);
  RptAnnotationStore *one = rpt_project_get_annotations (project, "one");
  guint start = rpt_test_offset_of (TAG_ONE, "talks would");
  guint tagged = 0, skipped = 0;

  /* One of the four is already a claim; another label on a match does not
   * count as tagged. */
  ck_assert_ptr_nonnull (rpt_project_add_annotation (project, "one", start, start + 5, "claim", NULL, NULL));
  ck_assert_ptr_nonnull (rpt_project_add_annotation (project, "one", 0, 5, "joke", NULL, NULL));
  ck_assert_uint_eq (rpt_search_results_get_n_matches (results), 4);

  ck_assert (rpt_search_tag_all (project, results, "claim", rpt_speaker_get_id (envoy), TRUE,
                                 "Tag All Matches", &tagged, &skipped, &error));
  ck_assert_uint_eq (tagged, 3);
  ck_assert_uint_eq (skipped, 1);
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), 2 + 3);
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (one), 2 + 2);
  for (guint i = 0; i < rpt_annotation_store_get_n_items (one); i++)
    {
      RptAnnotation *a = rpt_annotation_store_get (one, i);

      if (g_str_equal (rpt_annotation_get_label (a), "claim") && rpt_annotation_get_start (a) != start)
        ck_assert_str_eq (rpt_annotation_get_speaker (a), rpt_speaker_get_id (envoy));
    }

  /* One undo step, named, takes all three away and keeps the others. */
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Tag All Matches");
  ck_assert (rpt_project_undo (project));
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), 2);
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Tag Joke");

  /* Again: nothing left to skip but the first claim. Once more: all skipped,
   * and no empty undo step. */
  ck_assert (rpt_search_tag_all (project, results, "claim", NULL, TRUE, "Tag All Matches", &tagged, &skipped, NULL));
  ck_assert_uint_eq (tagged, 3);
  ck_assert (rpt_search_tag_all (project, results, "claim", NULL, TRUE, "Again", &tagged, &skipped, NULL));
  ck_assert_uint_eq (tagged, 0);
  ck_assert_uint_eq (skipped, 4);
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Tag All Matches");
}
END_TEST

START_TEST (test_tag_all_snaps_and_refuses)
{
  g_autoptr(RptProject) project = tag_project ();
  g_autoptr(RptSearchResults) results = search_all (project, "alks", RPT_SEARCH_DEFAULT);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  RptAnnotationStore *two = rpt_project_get_annotations (project, "two");
  guint tagged = 0, skipped = 0;

  /* "alks" in "talks" and in "Stalks": snapped, each becomes its word. */
  ck_assert (rpt_search_tag_all (project, results, "joke", NULL, TRUE, "Tag", &tagged, &skipped, NULL));
  ck_assert_uint_eq (tagged, 5);
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (two), 2);
  ck_assert_uint_eq (rpt_annotation_get_start (rpt_annotation_store_get (two, 1)), rpt_test_offset_of (TAG_TWO, "Stalks"));
  ck_assert_uint_eq (rpt_annotation_get_end (rpt_annotation_store_get (two, 1)), rpt_test_offset_of (TAG_TWO, " of"));

  /* Unsnapped, the matches are tagged as found. */
  ck_assert (rpt_search_tag_all (project, results, "claim", NULL, FALSE, "Tag", &tagged, &skipped, NULL));
  ck_assert_uint_eq (tagged, 5);
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (two), 4);
  ck_assert_str_eq (rpt_annotation_get_label (rpt_annotation_store_get (two, 1)), "claim");
  ck_assert_uint_eq (rpt_annotation_get_start (rpt_annotation_store_get (two, 1)), rpt_test_offset_of (TAG_TWO, "alks."));

  /* An unknown label or speaker changes nothing. */
  before = rpt_test_project_text (project);
  ck_assert (!rpt_search_tag_all (project, results, "nonsense", NULL, TRUE, "Tag", &tagged, &skipped, &error));
  ck_assert_msg (g_error_matches (error, RPT_ERROR, RPT_ERROR_NOT_FOUND), "%s", error ? error->message : "no error");
  g_clear_error (&error);
  ck_assert (!rpt_search_tag_all (project, results, "claim", "nobody", TRUE, "Tag", &tagged, &skipped, &error));
  ck_assert_msg (g_error_matches (error, RPT_ERROR, RPT_ERROR_NOT_FOUND), "%s", error ? error->message : "no error");
  {
    g_autofree char *after = rpt_test_project_text (project);

    ck_assert_str_eq (after, before);
  }
}
END_TEST

static Suite *
search_suite (void)
{
  Suite *s = suite_create ("Search");
  TCase *tc = tcase_create ("Matcher");

  tcase_add_test (tc, test_offsets_are_code_points);
  tcase_add_test (tc, test_case_folding_beyond_ascii);
  tcase_add_test (tc, test_combining_marks);
  tcase_add_test (tc, test_whole_words_at_punctuation);
  tcase_add_test (tc, test_regular_expressions);
  suite_add_tcase (s, tc);

  tc = tcase_create ("Results");
  tcase_add_test (tc, test_results_across_documents);
  tcase_add_test (tc, test_fill_in_worker);
  tcase_add_test (tc, test_fill_cancelled);
  tcase_add_test (tc, test_fill_cancelled_midway);
  tcase_add_test (tc, test_fill_capped);
  suite_add_tcase (s, tc);

  tc = tcase_create ("Tag All");
  tcase_add_test (tc, test_snap_to_words);
  tcase_add_test (tc, test_tag_all_one_step);
  tcase_add_test (tc, test_tag_all_snaps_and_refuses);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (search_suite)
