/* test-summary-rows.c: the lists of the Summary page without a display:
 * RptSummaryRows over the threads' rows or the articles, and the
 * RptSummaryEntry items it makes. Each row is read as the page shows it
 * (indented under what it answers, the relation, the statement, who said
 * it, how many articles report it); the changes the list announces are
 * what the page rebuilds.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "rpt-core.h"
#include "rpt-test-project.h"
#include "rpt-test-util.h"

#define GAZETTE "Okafor said: we never funded the boats. Halvorsen replied: that is not true at all. " \
                "Okafor added: ask the harbour master."
#define COURIER "Okafor insisted that we never funded the boats."

/* Two articles: a claim reported by both, a rebuttal of it, and an answer
 * to the rebuttal. */
static RptProject *
new_project (void)
{
  RptProject *project = rpt_project_new ();
  g_autoptr(RptDocument) gazette = rpt_document_new ("d1", "The Harbour Gazette", "gazette.txt", GAZETTE);
  g_autoptr(RptDocument) courier = rpt_document_new ("d2", "The Coastal Courier", "courier.txt", COURIER);
  RptAnnotation *claim, *rebuttal, *answer;

  ck_assert (rpt_project_add_document (project, gazette, NULL));
  ck_assert (rpt_project_add_document (project, courier, NULL));
  ck_assert_ptr_nonnull (rpt_project_add_speaker (project, "Okafor", NULL));
  ck_assert_ptr_nonnull (rpt_project_add_speaker (project, "Halvorsen", NULL));
  claim = rpt_test_tag_quote (project, "d1", "we never funded the boats", "claim", "okafor");
  rebuttal = rpt_test_tag_quote (project, "d1", "that is not true at all", "rebuttal", "halvorsen");
  answer = rpt_test_tag_quote (project, "d1", "ask the harbour master", "claim", "okafor");
  rpt_test_tag_quote (project, "d2", "we never funded the boats", "claim", "okafor");
  ck_assert_ptr_nonnull (rpt_project_add_relation (project, RPT_RELATION_REBUTS, rpt_annotation_get_id (rebuttal),
                                                   rpt_annotation_get_id (claim), NULL));
  ck_assert_ptr_nonnull (rpt_project_add_relation (project, RPT_RELATION_RESPONDS_TO, rpt_annotation_get_id (answer),
                                                   rpt_annotation_get_id (rebuttal), NULL));
  return project;
}

/* Positions 0 … @n - 1. */
static GArray *
all_positions (guint n)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n; i++)
    g_array_append_val (positions, i);
  return positions;
}

static GArray *
positions_of (guint n,
              ...)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (guint));
  va_list args;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      guint position = va_arg (args, guint);

      g_array_append_val (positions, position);
    }
  va_end (args);
  return positions;
}

/* A thread row as the page shows it: "    responds to: “ask the harbour
 * master” — Okafor". */
static char *
row_text (RptSummaryEntry *entry)
{
  RptSummary *summary = rpt_summary_entry_get_summary (entry);
  const RptSummaryRow *row = rpt_summary_get_row (summary, rpt_summary_entry_get_index (entry));
  const RptSummaryGroup *group = rpt_summary_get_group (summary, row->group);
  g_autofree char *text = rpt_summary_dup_statement_text (summary, group->representative);
  GString *out = g_string_new (NULL);

  for (guint d = 0; d < row->depth; d++)
    g_string_append (out, "  ");
  if (row->depth > 0)
    g_string_append_printf (out, "%s: ", rpt_relation_type_get_verb (row->relation));
  g_string_append_printf (out, "“%s” — %s", text,
                          group->speaker >= 0 ? rpt_summary_get_speaker_name (summary, group->speaker) : "?");
  if (group->n_documents > 1)
    g_string_append_printf (out, " (%u articles)", group->n_documents);
  return g_string_free (out, FALSE);
}

/* An article row: its title and how many annotations it has. */
static char *
article_text (RptSummaryEntry *entry)
{
  RptSummary *summary = rpt_summary_entry_get_summary (entry);
  guint index = rpt_summary_entry_get_index (entry);

  return g_strdup_printf ("%s: %u", rpt_document_get_title (rpt_summary_get_document (summary, index)),
                          rpt_summary_get_document_n_annotations (summary, index));
}

/* Every item of @rows, read by @read, one a line. */
static char *
list_text (RptSummaryRows *rows,
           char         *(*read) (RptSummaryEntry *))
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rows)); i++)
    {
      g_autoptr(RptSummaryEntry) entry = g_list_model_get_item (G_LIST_MODEL (rows), i);
      g_autofree char *line = read (entry);

      g_string_append_printf (out, "%s\n", line);
    }
  return g_string_free (out, FALSE);
}

/* The items-changed the list announced, "position:removed:added " each. */
static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *log)
{
  g_string_append_printf (log, "%u:%u:%u ", position, removed, added);
}

/* Whether two rows show the same: the same text at the same depth. */
static gboolean
same_row_text (RptSummary *sa,
               guint       a,
               RptSummary *sb,
               guint       b,
               gpointer    user_data)
{
  g_autoptr(RptSummaryEntry) ea = rpt_summary_entry_new (sa, a);
  g_autoptr(RptSummaryEntry) eb = rpt_summary_entry_new (sb, b);
  g_autofree char *ta = row_text (ea);
  g_autofree char *tb = row_text (eb);

  return g_str_equal (ta, tb);
}

/* ---- The lists ---- */

/* Every row of the threads, claim first, each answer under what it
 * answers; the claim reported by both articles once. */
START_TEST (test_rows_show_the_threads)
{
  g_autoptr(RptProject) project = new_project ();
  g_autoptr(RptSummary) summary = rpt_summary_new (project);
  g_autoptr(RptSummaryRows) rows = rpt_summary_rows_new ();
  g_autofree char *text = NULL;

  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (rows)), 0);
  ck_assert (g_list_model_get_item_type (G_LIST_MODEL (rows)) == RPT_TYPE_SUMMARY_ENTRY);
  rpt_summary_rows_set (rows, summary, all_positions (rpt_summary_get_n_rows (summary)));
  text = list_text (rows, row_text);
  ck_assert_str_eq (text,
                    "“we never funded the boats” — Okafor (2 articles)\n"
                    "  rebuts: “that is not true at all” — Halvorsen\n"
                    "    responds to: “ask the harbour master” — Okafor\n");
  ck_assert_ptr_null (g_list_model_get_item (G_LIST_MODEL (rows), 3));
}
END_TEST

/* The articles list: one row per article, in the project's order. */
START_TEST (test_rows_show_the_articles)
{
  g_autoptr(RptProject) project = new_project ();
  g_autoptr(RptSummary) summary = rpt_summary_new (project);
  g_autoptr(RptSummaryRows) articles = rpt_summary_rows_new ();
  g_autofree char *text = NULL;

  rpt_summary_rows_set (articles, summary, all_positions (rpt_summary_get_n_documents (summary)));
  text = list_text (articles, article_text);
  ck_assert_str_eq (text, "The Harbour Gazette: 3\nThe Coastal Courier: 1\n");
}
END_TEST

/* A filtered list (Okafor's statements) shows only its rows, and finds a
 * row of the summary by where it is in the list. */
START_TEST (test_rows_filtered)
{
  g_autoptr(RptProject) project = new_project ();
  g_autoptr(RptSummary) summary = rpt_summary_new (project);
  g_autoptr(RptSummaryRows) rows = rpt_summary_rows_new ();
  g_autofree char *text = NULL;

  ck_assert_uint_eq (rpt_summary_rows_find (rows, 0), G_MAXUINT);
  rpt_summary_rows_set (rows, summary, positions_of (2, 0, 2));
  text = list_text (rows, row_text);
  ck_assert_str_eq (text,
                    "“we never funded the boats” — Okafor (2 articles)\n"
                    "    responds to: “ask the harbour master” — Okafor\n");
  ck_assert_uint_eq (rpt_summary_rows_find (rows, 0), 0);
  ck_assert_uint_eq (rpt_summary_rows_find (rows, 2), 1);
  ck_assert_uint_eq (rpt_summary_rows_find (rows, 1), G_MAXUINT);
  ck_assert_uint_eq (rpt_summary_rows_find (rows, 3), G_MAXUINT);
}
END_TEST

/* ---- What the list announces ---- */

/* Setting replaces everything in one change; emptying an empty list
 * announces nothing. */
START_TEST (test_rows_set_announces_once)
{
  g_autoptr(RptProject) project = new_project ();
  g_autoptr(RptSummary) summary = rpt_summary_new (project);
  g_autoptr(RptSummaryRows) rows = rpt_summary_rows_new ();
  g_autoptr(GString) log = g_string_new (NULL);

  g_signal_connect (rows, "items-changed", G_CALLBACK (on_items_changed), log);
  rpt_summary_rows_set (rows, NULL, NULL);
  rpt_summary_rows_set (rows, summary, all_positions (3));
  rpt_summary_rows_set (rows, summary, positions_of (1, 1));
  rpt_summary_rows_set (rows, NULL, NULL);
  ck_assert_str_eq (log->str, "0:0:3 0:3:1 0:1:0 ");
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (rows)), 0);
}
END_TEST

/* After an edit, only the rows that show something else are announced:
 * the answer in the middle of the thread is shortened, the claim above
 * and the answer below stay. */
START_TEST (test_rows_update_announces_the_change)
{
  g_autoptr(RptProject) project = new_project ();
  g_autoptr(RptSummary) before = rpt_summary_new (project);
  g_autoptr(RptSummary) after = NULL;
  g_autoptr(RptSummary) again = NULL;
  g_autoptr(RptSummaryRows) rows = rpt_summary_rows_new ();
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(RptSummaryEntry) kept = NULL;
  g_autofree char *text = NULL;
  g_autofree char *kept_text = NULL;
  RptAnnotation *rebuttal = rpt_project_get_annotation (project, "a2");
  guint start = rpt_annotation_get_start (rebuttal);

  rpt_summary_rows_set (rows, before, all_positions (3));
  kept = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_signal_connect (rows, "items-changed", G_CALLBACK (on_items_changed), log);

  ck_assert (rpt_project_set_annotation_range (project, "a2", start, start + 16, NULL));
  after = rpt_summary_new (project);
  rpt_summary_rows_update (rows, after, all_positions (3), same_row_text, NULL);
  ck_assert_str_eq (log->str, "1:1:1 ");
  text = list_text (rows, row_text);
  ck_assert_str_eq (text,
                    "“we never funded the boats” — Okafor (2 articles)\n"
                    "  rebuts: “that is not true” — Halvorsen\n"
                    "    responds to: “ask the harbour master” — Okafor\n");
  /* A row left in place still reads the summary it was made from, which
   * shows the same. */
  kept_text = row_text (kept);
  ck_assert_ptr_eq (rpt_summary_entry_get_summary (kept), before);
  ck_assert_str_eq (kept_text, "“we never funded the boats” — Okafor (2 articles)");

  /* Nothing changed: nothing announced. */
  g_string_truncate (log, 0);
  again = rpt_summary_new (project);
  rpt_summary_rows_update (rows, again, all_positions (3), same_row_text, NULL);
  ck_assert_str_eq (log->str, "");
}
END_TEST

/* ---- The items ---- */

/* An item keeps its summary: it still reads the same after the list and
 * the caller let go of it. */
START_TEST (test_entry_keeps_its_summary)
{
  g_autoptr(RptProject) project = new_project ();
  RptSummary *summary = rpt_summary_new (project);
  g_autoptr(RptSummaryRows) rows = rpt_summary_rows_new ();
  g_autoptr(RptSummaryEntry) entry = NULL;
  g_autofree char *text = NULL;

  rpt_summary_rows_set (rows, summary, positions_of (2, 1, 2));
  entry = g_list_model_get_item (G_LIST_MODEL (rows), 1);
  rpt_summary_rows_set (rows, NULL, NULL);
  rpt_summary_unref (summary);
  ck_assert_uint_eq (rpt_summary_entry_get_index (entry), 2);
  text = row_text (entry);
  ck_assert_str_eq (text, "    responds to: “ask the harbour master” — Okafor");
}
END_TEST

static Suite *
summary_rows_suite (void)
{
  Suite *s = suite_create ("summary-rows");
  TCase *lists = tcase_create ("lists");
  TCase *changes = tcase_create ("changes");
  TCase *entries = tcase_create ("entries");

  tcase_add_test (lists, test_rows_show_the_threads);
  tcase_add_test (lists, test_rows_show_the_articles);
  tcase_add_test (lists, test_rows_filtered);
  tcase_add_test (changes, test_rows_set_announces_once);
  tcase_add_test (changes, test_rows_update_announces_the_change);
  tcase_add_test (entries, test_entry_keeps_its_summary);
  suite_add_tcase (s, lists);
  suite_add_tcase (s, changes);
  suite_add_tcase (s, entries);
  return s;
}

RPT_TEST_MAIN (summary_rows_suite)
