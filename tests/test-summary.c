/* test-summary.c: the summary of the exchange: normalisation, cross-source
 * grouping (and near-misses that must stay apart), threads, coverage and
 * counts, on articles written for the test.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "rpt-summary.h"
#include "rpt-summary-private.h"
#include "rpt-summary-fixture.h"
#include "rpt-test-util.h"

static Fixture *fixture;
static RptSummary *summary;

static void
setup (void)
{
  fixture = fixture_new ();
  summary = rpt_summary_new (fixture->project);
}

static void
teardown (void)
{
  g_clear_pointer (&summary, rpt_summary_unref);
  g_clear_pointer (&fixture, fixture_free);
}

static guint
statement_of (const char *name)
{
  const char *id = fixture_id (fixture, name);

  for (guint s = 0; s < rpt_summary_get_n_statements (summary); s++)
    if (g_str_equal (rpt_annotation_get_id (rpt_summary_get_statement (summary, s)->annotation), id))
      return s;
  ck_abort_msg ("%s is not in the summary", name);
  return 0;
}

static guint
group_of (const char *name)
{
  return rpt_summary_get_statement (summary, statement_of (name))->group;
}

static guint
speaker_index (const char *name)
{
  for (guint i = 0; i < rpt_summary_get_n_speakers (summary); i++)
    if (g_str_equal (rpt_summary_get_speaker_name (summary, i), name))
      return i;
  ck_abort_msg ("no speaker %s", name);
  return 0;
}

static guint
label_index (const char *id)
{
  for (guint i = 0; i < rpt_summary_get_n_labels (summary); i++)
    if (g_str_equal (rpt_summary_get_label_id (summary, i), id))
      return i;
  ck_abort_msg ("no label %s", id);
  return 0;
}

static char *
words (const char *text)
{
  g_auto(GStrv) w = _rpt_summary_normalize_words (text, -1);
  return g_strjoinv (" ", w);
}

START_TEST (test_normalize)
{
  g_autofree char *a = words ("“It’s  NOT—quite, \"Caf\xc3\xa9\" \xef\xac\x81ne!”");
  g_autofree char *b = words ("'It's not -- quite; cafe fine'");
  g_autofree char *c = words ("Stra\xc3\x9f" "e \xef\xbc\xa1\xef\xbc\xa2 1,000");
  g_autofree char *d = words ("“” ... —");

  ck_assert_str_eq (a, "its not quite cafe fine");
  ck_assert_str_eq (b, "its not quite cafe fine");
  ck_assert_str_eq (c, "strasse ab 1 000");
  ck_assert_str_eq (d, "");
}
END_TEST

START_TEST (test_reading_order)
{
  guint n = rpt_summary_get_n_statements (summary);
  const RptSummaryStatement *first = rpt_summary_get_statement (summary, 0);
  g_autofree char *text = rpt_summary_dup_statement_text (summary, statement_of ("S2.2"));

  ck_assert_uint_eq (n, 20);
  ck_assert_uint_eq (rpt_summary_get_n_documents (summary), 4);
  ck_assert_str_eq (rpt_annotation_get_id (first->annotation), fixture_id (fixture, "S1.1"));
  for (guint s = 1; s < n; s++)
    {
      const RptSummaryStatement *a = rpt_summary_get_statement (summary, s - 1);
      const RptSummaryStatement *b = rpt_summary_get_statement (summary, s);

      ck_assert (a->document < b->document || (a->document == b->document && a->start <= b->start));
    }
  ck_assert_str_eq (text, "Not with our money.");
}
END_TEST

START_TEST (test_groups_survive_outlet_differences)
{
  /* straight vs curly quotes, full stop inside or out, upper case, a word less */
  ck_assert_uint_eq (group_of ("S1.1"), group_of ("S1.2"));
  ck_assert_uint_eq (group_of ("S1.1"), group_of ("S1.3"));
  /* comma, full stop, exclamation, capitals; an unattributed report */
  ck_assert_uint_eq (group_of ("S2.1"), group_of ("S2.2"));
  ck_assert_uint_eq (group_of ("S2.1"), group_of ("S2.3"));
  /* a comma vs a dash, and a quote cut short at both ends */
  ck_assert_uint_eq (group_of ("S3.1"), group_of ("S3.2"));
  ck_assert_uint_eq (group_of ("S3.1"), group_of ("S3.4"));
  /* a word more, and cut short */
  ck_assert_uint_eq (group_of ("S4.1"), group_of ("S4.3"));
  ck_assert_uint_eq (group_of ("S4.1"), group_of ("S4.4"));
  /* cut short to its middle */
  ck_assert_uint_eq (group_of ("S5.1"), group_of ("S5.2"));
}
END_TEST

START_TEST (test_near_misses_stay_apart)
{
  /* one word replaced ("fishing" for "quota") */
  ck_assert_uint_ne (group_of ("N1.3"), group_of ("S5.1"));
  /* a negation added, and a fragment that matches both */
  ck_assert_uint_ne (group_of ("N2.3"), group_of ("S5.1"));
  ck_assert_uint_ne (group_of ("N2.3"), group_of ("N1.3"));
  ck_assert_uint_ne (group_of ("N2.3"), group_of ("S5.2"));
  /* the same words from two speakers with two labels */
  ck_assert_uint_ne (group_of ("N3.4"), group_of ("N4.4"));
  /* a rebuttal is not its claim */
  ck_assert_uint_ne (group_of ("S1.1"), group_of ("S2.1"));
  ck_assert_uint_eq (rpt_summary_get_n_groups (summary), 11);
}
END_TEST

START_TEST (test_group_members)
{
  const RptSummaryGroup *boats = rpt_summary_get_group (summary, group_of ("S1.1"));
  const RptSummaryGroup *reputation = rpt_summary_get_group (summary, group_of ("S4.1"));
  const RptSummaryGroup *money = rpt_summary_get_group (summary, group_of ("S2.2"));
  g_autofree char *fullest = rpt_summary_dup_statement_text (summary, reputation->representative);

  ck_assert_uint_eq (boats->n_members, 3);
  ck_assert_uint_eq (boats->n_documents, 3);
  ck_assert_uint_eq (boats->documents[0], 0);
  ck_assert_uint_eq (boats->documents[1], 1);
  ck_assert_uint_eq (boats->documents[2], 2);
  ck_assert_uint_eq (boats->members[0], statement_of ("S1.1"));
  ck_assert_uint_eq (boats->members[2], statement_of ("S1.3"));
  ck_assert_uint_eq (boats->label, label_index ("claim"));
  ck_assert_int_eq (boats->speaker, (int) speaker_index ("Ingrid Halvorsen"));

  ck_assert_str_eq (fullest, "It is your reputation that really worries me, Ingrid");
  ck_assert_uint_eq (reputation->n_documents, 3);
  ck_assert_uint_eq (rpt_summary_group_find_member (summary, group_of ("S4.1"), 3), statement_of ("S4.4"));
  ck_assert_uint_eq (rpt_summary_group_find_member (summary, group_of ("S4.1"), 1), G_MAXUINT);

  /* the unattributed report takes the speaker the others agree on */
  ck_assert_int_eq (money->speaker, (int) speaker_index ("Daniel Okafor"));
}
END_TEST

START_TEST (test_threads)
{
  guint boats = group_of ("S1.1"), money = group_of ("S2.1"), weak = group_of ("S3.1");
  guint reputation = group_of ("S4.1"), quota = group_of ("S5.1"), fair = group_of ("S7.2");
  const RptSummaryRow *row;
  guint n_in_thread = 0;

  ck_assert_uint_eq (rpt_summary_get_n_rows (summary), rpt_summary_get_n_groups (summary));

  /* claim → rebuttal → counter-rebuttal → answer, one thread */
  row = rpt_summary_get_row (summary, 0);
  ck_assert_uint_eq (row->group, boats);
  ck_assert_uint_eq (row->depth, 0);
  ck_assert_int_eq (row->parent, -1);
  ck_assert (row->flags & RPT_SUMMARY_ROW_HAS_CHILDREN);
  row = rpt_summary_get_row (summary, 1);
  ck_assert_uint_eq (row->group, money);
  ck_assert_uint_eq (row->depth, 1);
  ck_assert_int_eq (row->parent, 0);
  ck_assert_int_eq (row->relation, RPT_RELATION_REBUTS);
  row = rpt_summary_get_row (summary, 2);
  ck_assert_uint_eq (row->group, weak);
  ck_assert_uint_eq (row->depth, 2);
  ck_assert_int_eq (row->relation, RPT_RELATION_REBUTS);
  row = rpt_summary_get_row (summary, 3);
  ck_assert_uint_eq (row->group, reputation);
  ck_assert_uint_eq (row->depth, 3);
  ck_assert_int_eq (row->relation, RPT_RELATION_RESPONDS_TO);
  ck_assert (row->flags & RPT_SUMMARY_ROW_LAST_SIBLING);
  ck_assert (!(row->flags & RPT_SUMMARY_ROW_HAS_CHILDREN));
  ck_assert_uint_eq (row->thread, 0);

  /* support hangs under the signal it supports */
  row = rpt_summary_get_row (summary, rpt_summary_get_group_row (summary, fair));
  ck_assert_int_eq (row->parent, (int) rpt_summary_get_group_row (summary, quota));
  ck_assert_int_eq (row->relation, RPT_RELATION_SUPPORTS);
  ck_assert_uint_eq (row->thread, 1);

  /* Two reports of the same rebuttal give one link; the link back to the
   * claim that would close a cycle is kept but not threaded. */
  ck_assert_uint_eq (rpt_summary_get_n_links (summary), 5);
  for (guint i = 0; i < rpt_summary_get_n_links (summary); i++)
    {
      const RptSummaryLink *link = rpt_summary_get_link (summary, i);

      n_in_thread += link->in_thread;
      if (link->from == boats)
        {
          ck_assert_uint_eq (link->to, reputation);
          ck_assert (!link->in_thread);
        }
    }
  ck_assert_uint_eq (n_in_thread, 4);

  /* Each group knows its links, threaded or not. */
  ck_assert_uint_eq (rpt_summary_get_group_n_links (summary, boats), 2);
  ck_assert_uint_eq (rpt_summary_get_group_n_links (summary, reputation), 2);
  ck_assert_uint_eq (rpt_summary_get_group_n_links (summary, group_of ("S6.1")), 0);
  ck_assert_uint_eq (rpt_summary_get_group_link (summary, fair, 0)->to, quota);
  ck_assert_uint_eq (rpt_summary_get_n_threads (summary), 7);
}
END_TEST

START_TEST (test_thread_lines)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(RptDocument) document = rpt_import_text (project, "a.txt", "one two three four five six", 27, NULL);
  RptAnnotation *a[6];
  g_autoptr(RptSummary) s = NULL;

  rpt_project_add_document (project, document, NULL);
  for (guint i = 0; i < 6; i++)
    a[i] = rpt_project_add_annotation (project, "a", i * 4, i * 4 + 3, "claim", NULL, NULL);
  /* 0 ← 1 ← 2, 0 ← 3 ← 4, and 5 alone:
   *   0
   *   ├ 1
   *   │ └ 2     (the line of level 0 passes: 3 follows 1)
   *   └ 3
   *     └ 4     (nothing passes) */
  rpt_project_add_relation (project, RPT_RELATION_REBUTS, rpt_annotation_get_id (a[1]), rpt_annotation_get_id (a[0]), NULL);
  rpt_project_add_relation (project, RPT_RELATION_REBUTS, rpt_annotation_get_id (a[2]), rpt_annotation_get_id (a[1]), NULL);
  rpt_project_add_relation (project, RPT_RELATION_REBUTS, rpt_annotation_get_id (a[3]), rpt_annotation_get_id (a[0]), NULL);
  rpt_project_add_relation (project, RPT_RELATION_REBUTS, rpt_annotation_get_id (a[4]), rpt_annotation_get_id (a[3]), NULL);
  s = rpt_summary_new (project);

  ck_assert_uint_eq (rpt_summary_get_n_rows (s), 6);
  ck_assert_uint_eq (rpt_summary_get_row (s, 1)->flags & RPT_SUMMARY_ROW_LAST_SIBLING, 0);
  ck_assert_uint_eq (rpt_summary_get_row (s, 2)->depth, 2);
  ck_assert_uint_eq (rpt_summary_get_row (s, 2)->lines, 1);
  ck_assert (rpt_summary_get_row (s, 3)->flags & RPT_SUMMARY_ROW_LAST_SIBLING);
  ck_assert_uint_eq (rpt_summary_get_row (s, 3)->group, 3);
  ck_assert_uint_eq (rpt_summary_get_row (s, 4)->lines, 0);
  ck_assert_uint_eq (rpt_summary_get_row (s, 5)->depth, 0);
  ck_assert_uint_eq (rpt_summary_get_n_threads (s), 2);
}
END_TEST

START_TEST (test_coverage)
{
  g_autoptr(GArray) gazette = rpt_summary_dup_omitted (summary, 0);
  g_autoptr(GArray) courier = rpt_summary_dup_omitted (summary, 1);
  g_autoptr(GArray) ledger = rpt_summary_dup_omitted (summary, 2);
  g_autoptr(GArray) post = rpt_summary_dup_omitted (summary, 3);

  ck_assert_uint_eq (rpt_summary_get_n_shared_groups (summary), 5);
  ck_assert_uint_eq (rpt_summary_get_document_n_shared (summary, 0), 5);
  ck_assert_uint_eq (gazette->len, 0);
  ck_assert_uint_eq (rpt_summary_get_document_n_shared (summary, 1), 4);
  ck_assert_uint_eq (courier->len, 1);
  ck_assert_uint_eq (g_array_index (courier, guint, 0), group_of ("S4.1"));
  ck_assert_uint_eq (ledger->len, 2);
  ck_assert_uint_eq (g_array_index (ledger, guint, 0), group_of ("S3.1"));
  ck_assert_uint_eq (g_array_index (ledger, guint, 1), group_of ("S5.1"));
  ck_assert_uint_eq (post->len, 3);
  ck_assert_uint_eq (g_array_index (post, guint, 0), group_of ("S1.1"));
  ck_assert_uint_eq (g_array_index (post, guint, 1), group_of ("S2.1"));
  ck_assert_uint_eq (g_array_index (post, guint, 2), group_of ("S5.1"));
}
END_TEST

START_TEST (test_counts)
{
  guint claim = label_index ("claim"), rebuttal = label_index ("rebuttal");
  guint joke = label_index ("joke"), signal = label_index ("diplomatic-signal");
  int h = (int) speaker_index ("Ingrid Halvorsen"), o = (int) speaker_index ("Daniel Okafor");
  guint total = 0;

  ck_assert_uint_eq (rpt_summary_count_label_speaker (summary, claim, h), 3);
  ck_assert_uint_eq (rpt_summary_count_label_speaker (summary, claim, o), 2);
  ck_assert_uint_eq (rpt_summary_count_label_speaker (summary, rebuttal, h), 3);
  ck_assert_uint_eq (rpt_summary_count_label_speaker (summary, rebuttal, o), 5);
  ck_assert_uint_eq (rpt_summary_count_label_speaker (summary, rebuttal, RPT_SUMMARY_NO_SPEAKER), 1);
  ck_assert_uint_eq (rpt_summary_count_label_speaker (summary, signal, h), 4);
  ck_assert_uint_eq (rpt_summary_count_label_speaker (summary, signal, RPT_SUMMARY_NO_SPEAKER), 1);
  ck_assert_uint_eq (rpt_summary_count_label_speaker (summary, joke, o), 1);
  ck_assert_uint_eq (rpt_summary_count_label_speaker (summary, joke, h), 0);

  ck_assert_uint_eq (rpt_summary_count_label_speaker_groups (summary, claim, h), 1);
  ck_assert_uint_eq (rpt_summary_count_label_speaker_groups (summary, rebuttal, o), 2);
  ck_assert_uint_eq (rpt_summary_count_label_speaker_groups (summary, rebuttal, RPT_SUMMARY_NO_SPEAKER), 0);
  ck_assert_uint_eq (rpt_summary_count_label_speaker_groups (summary, signal, h), 4);

  ck_assert_uint_eq (rpt_summary_get_document_n_annotations (summary, 0), 6);
  ck_assert_uint_eq (rpt_summary_get_document_n_annotations (summary, 1), 5);
  ck_assert_uint_eq (rpt_summary_get_document_n_annotations (summary, 2), 5);
  ck_assert_uint_eq (rpt_summary_get_document_n_annotations (summary, 3), 4);
  ck_assert_uint_eq (rpt_summary_count_document_label (summary, 2, signal), 2);
  ck_assert_uint_eq (rpt_summary_count_document_label (summary, 3, rebuttal), 2);
  for (guint d = 0; d < 4; d++)
    for (guint l = 0; l < rpt_summary_get_n_labels (summary); l++)
      total += rpt_summary_count_document_label (summary, d, l);
  ck_assert_uint_eq (total, 20);

  ck_assert_int_eq (rpt_summary_get_main_speaker (summary, 0), h);
  ck_assert_int_eq (rpt_summary_get_main_speaker (summary, 1), o);
}
END_TEST

static void
on_computed (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RptSummary **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = rpt_summary_compute_finish (result, &error);
  ck_assert_msg (*out != NULL, "%s", error ? error->message : "");
}

START_TEST (test_async_uses_a_snapshot)
{
  RptSummary *computed = NULL;
  guint before = rpt_project_get_n_annotations (fixture->project);

  rpt_summary_compute_async (fixture->project, NULL, on_computed, &computed);
  /* Edits after the snapshot do not reach the summary being computed. */
  rpt_project_remove_annotation (fixture->project, fixture_id (fixture, "S6.1"));
  while (computed == NULL)
    g_main_context_iteration (NULL, TRUE);
  ck_assert_uint_eq (rpt_summary_get_n_statements (computed), before);
  ck_assert_uint_eq (rpt_summary_get_n_groups (computed), 11);
  rpt_summary_unref (computed);
}
END_TEST

START_TEST (test_cancel)
{
  g_autoptr(RptProjectSnapshot) snapshot = rpt_project_snapshot_new (fixture->project);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  RptSummary *cancelled;

  g_cancellable_cancel (cancellable);
  cancelled = rpt_summary_compute (snapshot, cancellable, &error);
  ck_assert (cancelled == NULL);
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
}
END_TEST

START_TEST (test_empty)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(RptSummary) empty = rpt_summary_new (project);

  ck_assert_uint_eq (rpt_summary_get_n_statements (empty), 0);
  ck_assert_uint_eq (rpt_summary_get_n_groups (empty), 0);
  ck_assert_uint_eq (rpt_summary_get_n_rows (empty), 0);
  ck_assert_int_eq (rpt_summary_get_main_speaker (empty, 0), RPT_SUMMARY_NO_SPEAKER);
  ck_assert_uint_eq (rpt_summary_get_n_labels (empty), 4);
}
END_TEST

/* ---- The matcher's limit ---- */

/* Distinct words, none a negation, for statements of up to 40 words. */
static const char * const base_words[] = {
  "harbour", "council", "members", "voted", "late", "on", "monday", "evening",
  "to", "extend", "the", "wooden", "pier", "by", "forty", "metres",
  "before", "summer", "tourists", "arrive", "while", "fishermen", "asked", "about",
  "mooring", "fees", "and", "parking", "spaces", "near", "old", "warehouses",
  "along", "eastern", "quay", "during", "winter", "storms", "each", "year",
};
static const char * const extra_words[] = {
  "reportedly", "quietly", "finally", "again", "also", "formally",
};

/* The first @n_words base words, with @n_extra extra words inserted inside
 * (never at either end, where a quote cut short is free): before word
 * @first, @first + 2, … so that the two statements of a pair, one given odd
 * places and the other even, never put extra words at the same place (that
 * would be a replaced word, which never matches). Then @n_outer more base
 * words: the same quote, longer, of which the other is cut short. */
static char *
statement_text (guint n_words,
                guint n_extra,
                guint first,
                guint n_outer)
{
  GString *text = g_string_new (NULL);
  guint extra = 0, n_all = n_words + n_outer;

  g_assert (n_all <= G_N_ELEMENTS (base_words));
  for (guint i = 0; i < n_all; i++)
    {
      if (extra < n_extra && i == first + 2 * extra)
        {
          g_assert (i > 0 && i < n_words - 1 && extra < G_N_ELEMENTS (extra_words));
          g_string_append_printf (text, "%s ", extra_words[extra++]);
        }
      g_string_append_printf (text, "%s%s", base_words[i], i + 1 < n_all ? " " : ".");
    }
  g_assert (extra == n_extra);
  return g_string_free (text, FALSE);
}

/* Whether the summary puts two statements in one group: two articles, each
 * quoting one of them whole under the same label, as the user tags them. */
static gboolean
statements_match (const char *a,
                  const char *b)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(RptDocument) d1 = rpt_document_new ("d1", "First outlet", "d1.txt", a);
  g_autoptr(RptDocument) d2 = rpt_document_new ("d2", "Second outlet", "d2.txt", b);
  g_autoptr(RptSummary) result = NULL;

  ck_assert (rpt_project_add_document (project, d1, NULL));
  ck_assert (rpt_project_add_document (project, d2, NULL));
  ck_assert (rpt_project_add_annotation (project, "d1", 0, g_utf8_strlen (a, -1), "claim", NULL, NULL));
  ck_assert (rpt_project_add_annotation (project, "d2", 0, g_utf8_strlen (b, -1), "claim", NULL, NULL));
  result = rpt_summary_new (project);
  ck_assert_uint_eq (rpt_summary_get_n_statements (result), 2);
  return rpt_summary_get_statement (result, 0)->group == rpt_summary_get_statement (result, 1)->group;
}

/* @n_a extra words in one, @n_b in the other, around @n_words in common;
 * the second goes on for @n_outer words after the first ends. */
static void
assert_pair_full (guint    n_words,
                  guint    n_a,
                  guint    n_b,
                  guint    n_outer,
                  gboolean match)
{
  g_autofree char *a = statement_text (n_words, n_a, 1, 0);
  g_autofree char *b = statement_text (n_words, n_b, 2, n_outer);

  ck_assert_msg (statements_match (a, b) == match, "%s\n“%s”\n“%s”\n(%u words in common, %u differ)",
                 match ? "these should be one statement:" : "these should stay apart:",
                 a, b, n_words, n_a + n_b);
  /* Either order in the project. */
  ck_assert (statements_match (b, a) == match);
}

static void
assert_pair (guint    n_words,
             guint    n_a,
             guint    n_b,
             gboolean match)
{
  assert_pair_full (n_words, n_a, n_b, 0, match);
}

/* docs/SUMMARY.md: two statements match when at most 1 + L/10 words (L:
 * the words they share, L/10 rounded down) are in one and not the other.
 * Exactly at the limit they match; one word more and they stay apart, for
 * lengths where L/10 is whole (10, 20) and where it rounds down (9, 19, 31). */
START_TEST (test_match_limit)
{
  static const guint lengths[] = { 9, 10, 19, 20, 31 };

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      guint n = lengths[i], limit = 1 + n / 10;

      /* all the extra words in one of them */
      assert_pair (n, 0, limit, TRUE);
      assert_pair (n, 0, limit + 1, FALSE);
      /* some in each */
      assert_pair (n, 1, limit - 1, TRUE);
      assert_pair (n, 1, limit, FALSE);
      if (limit >= 2)
        {
          assert_pair (n, limit / 2, limit - limit / 2, TRUE);
          assert_pair (n, limit / 2 + 1, limit - limit / 2, FALSE);
        }
      /* all in the shorter, a quote cut short of the other (whose words
       * beyond the shared stretch are free) */
      assert_pair_full (n, limit, 0, limit + 2, TRUE);
      assert_pair_full (n, limit + 1, 0, limit + 3, FALSE);
    }
}
END_TEST

static Suite *
summary_suite (void)
{
  Suite *s = suite_create ("summary");
  TCase *tc = tcase_create ("summary");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_normalize);
  tcase_add_test (tc, test_reading_order);
  tcase_add_test (tc, test_groups_survive_outlet_differences);
  tcase_add_test (tc, test_near_misses_stay_apart);
  tcase_add_test (tc, test_group_members);
  tcase_add_test (tc, test_threads);
  tcase_add_test (tc, test_thread_lines);
  tcase_add_test (tc, test_coverage);
  tcase_add_test (tc, test_counts);
  tcase_add_test (tc, test_async_uses_a_snapshot);
  tcase_add_test (tc, test_cancel);
  tcase_add_test (tc, test_empty);
  suite_add_tcase (s, tc);

  tc = tcase_create ("limits");
  tcase_add_test (tc, test_match_limit);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (summary_suite)
