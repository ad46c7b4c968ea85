/* test-reanchor.c: annotations that survive edited text. Quotes in the
 * file, orphans, loading a project whose texts were edited outside
 * Repartee, replacing an article's text (with undo), placing orphans, and
 * the two readers agreeing on all of it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "rpt-core.h"
#include "rpt-project-private.h"
#include "rpt-reanchor-fixture.h"
#include "rpt-test-readers.h"
#include "rpt-test-util.h"

static RptProject *
load (const char   *data,
      RptLoadFlags  flags,
      RptReanchorReport **report)
{
  g_autoptr(GError) error = NULL;
  RptProject *project = rpt_project_load_from_data_full (data, strlen (data), flags, report, &error);

  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  return project;
}

static void
assert_refused (const char *data,
                int         code,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = rpt_project_load_from_data (data, strlen (data), &error);

  ck_assert_ptr_null (project);
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (g_error_matches (error, RPT_ERROR, code), "code %d: %s", error->code, error->message);
  ck_assert_str_eq (error->message, expected);
}

static void
assert_span (RptProject *project,
             const char *id,
             const char *expected)
{
  g_autofree char *span = fixture_span (project, id);

  ck_assert_str_eq (span, expected);
}

static void
assert_counts (RptReanchorReport *report,
               guint              index,
               const char        *document,
               guint              exact,
               guint              context,
               guint              fuzzy,
               guint              orphan)
{
  ck_assert_str_eq (rpt_reanchor_report_get_document (report, index), document);
  ck_assert_uint_eq (rpt_reanchor_report_get_count (report, index, RPT_ANCHOR_EXACT), exact);
  ck_assert_uint_eq (rpt_reanchor_report_get_count (report, index, RPT_ANCHOR_CONTEXT), context);
  ck_assert_uint_eq (rpt_reanchor_report_get_count (report, index, RPT_ANCHOR_FUZZY), fuzzy);
  ck_assert_uint_eq (rpt_reanchor_report_get_count (report, index, RPT_ANCHOR_ORPHAN), orphan);
}

static char *
joined_ids (RptReanchorReport *report,
            guint              index,
            RptAnchorResult    result)
{
  return g_strjoinv (" ", (char **) rpt_reanchor_report_get_ids (report, index, result));
}

/* The state after re-anchoring the three edited articles, however it was
 * reached. */
static void
assert_reanchored (RptProject *project)
{
  RptAnnotation *a4, *a5;

  fixture_assert_consistent (project);
  /* d1: inserted before (exact), inside (fuzzy). */
  assert_span (project, "a1", "the new pier would open in late May");
  assert_span (project, "a2", "The mayor disagreed.");
  assert_span (project, "a3", "asked for an audit");
  ck_assert_uint_eq (rpt_annotation_get_start (rpt_project_get_annotation (project, "a3")),
                     fixture_offset (D1_EDITED, "asked for an audit", 1));
  /* d2: deleted, and duplicated: both orphans, kept with what they quoted. */
  ck_assert_ptr_null (rpt_project_get_annotation (project, "a4"));
  ck_assert_ptr_null (rpt_project_get_annotation (project, "a5"));
  a4 = rpt_project_get_orphan (project, "a4");
  a5 = rpt_project_get_orphan (project, "a5");
  ck_assert_ptr_nonnull (a4);
  ck_assert_ptr_nonnull (a5);
  ck_assert_str_eq (rpt_annotation_get_quote (a4), "One of them joked that the fish would use it first.");
  ck_assert_str_eq (rpt_annotation_get_prefix (a4), " at the café welcomed the pier. ");
  ck_assert_str_eq (rpt_annotation_get_quote (a5), "Nobody from the council replied.");
  ck_assert_str_eq (rpt_annotation_get_label (a4), "joke");
  /* Where they last were, in the old text. */
  ck_assert_uint_eq (rpt_annotation_get_start (a4), fixture_offset (D2, "One of them", 1));
  ck_assert_uint_eq (rpt_annotation_get_start (a5), fixture_offset (D2, "Nobody", 1));
  /* d3: two copies of "no comment", the context tells which is which. */
  ck_assert_uint_eq (rpt_annotation_get_start (rpt_project_get_annotation (project, "a6")),
                     fixture_offset (D3_EDITED, "no comment", 2));
  ck_assert_uint_eq (rpt_annotation_get_start (rpt_project_get_annotation (project, "a7")),
                     fixture_offset (D3_EDITED, "no comment", 1));
  /* d4 was not touched. */
  assert_span (project, "a8", "one ferry");
  /* Relations survive, the one between two orphans too. */
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_relations (project)), 3);
  ck_assert_str_eq (rpt_relation_get_to (rpt_project_get_relation (project, "r10")), "a4");
  ck_assert_str_eq (rpt_document_get_text (rpt_project_get_document (project, "d1")), D1_EDITED);
  ck_assert_uint_eq (rpt_project_get_n_orphans (project), 2);
}

static void
assert_report (RptReanchorReport *report)
{
  g_autofree char *fuzzy = NULL, *orphans = NULL, *context = NULL;

  ck_assert_uint_eq (rpt_reanchor_report_get_n_documents (report), 3);
  assert_counts (report, 0, "d1", 2, 0, 1, 0);
  assert_counts (report, 1, "d2", 0, 0, 0, 2);
  assert_counts (report, 2, "d3", 0, 2, 0, 0);
  ck_assert_uint_eq (rpt_reanchor_report_get_total (report, RPT_ANCHOR_EXACT), 2);
  ck_assert_uint_eq (rpt_reanchor_report_get_total (report, RPT_ANCHOR_ORPHAN), 2);
  fuzzy = joined_ids (report, 0, RPT_ANCHOR_FUZZY);
  orphans = joined_ids (report, 1, RPT_ANCHOR_ORPHAN);
  context = joined_ids (report, 2, RPT_ANCHOR_CONTEXT);
  ck_assert_str_eq (fuzzy, "a1");
  ck_assert_str_eq (orphans, "a4 a5");
  ck_assert_str_eq (context, "a7 a6");
}

/* ---- The quotes in the file ---- */

START_TEST (test_save_writes_quotes)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autofree char *data = fixture_bytes (project);
  g_autoptr(RptProject) again = load (data, RPT_LOAD_DEFAULT, NULL);
  g_autofree char *resaved = fixture_bytes (again);
  g_autofree char *expected = NULL;
  char *quote, *prefix, *suffix;
  guint start = fixture_offset (D1, "The mayor disagreed.", 1);

  rpt_anchor_capture (D1, start, start + 20, &quote, &prefix, &suffix);
  ck_assert_uint_eq (g_utf8_strlen (prefix, -1), RPT_ANCHOR_CONTEXT_CHARS);
  expected = g_strdup_printf ("\"quote\": \"%s\", \"prefix\": \"%s\", \"suffix\": \"%s\"}", quote, prefix, suffix);
  ck_assert_msg (strstr (data, expected) != NULL, "%s not in\n%s", expected, data);
  /* At the edges of the text the context is shorter. */
  ck_assert_ptr_nonnull (strstr (data, "\"quote\": \"no comment\", \"prefix\": \"Asked about the pier, she said: \", "
                                       "\"suffix\": \".\"}"));
  ck_assert_str_eq (resaved, data);
  ck_assert_ptr_null (strstr (data, "\"orphans\""));
  g_free (quote);
  g_free (prefix);
  g_free (suffix);
}
END_TEST

START_TEST (test_quote_must_match)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autofree char *data = fixture_bytes (project);
  g_autofree char *bad_quote = fixture_replace (data, "\"quote\": \"The mayor disagreed.\"",
                                                "\"quote\": \"The mayor agreed.\"");
  g_autofree char *bad_prefix = fixture_replace (data, "\"prefix\": \"Asked about the pier, she said: \"",
                                                 "\"prefix\": \"Asked about the quay, she said: \"");
  g_autofree char *bad_suffix = fixture_replace (data, "\"suffix\": \" and no news.\"",
                                                 "\"suffix\": \" and some news.\"");
  g_autofree char *null_quote = fixture_replace (data, "\"quote\": \"The mayor disagreed.\"", "\"quote\": null");
  g_autofree char *number_quote = fixture_replace (data, "\"quote\": \"The mayor disagreed.\"", "\"quote\": 7");
  g_autofree char *expected = g_strdup_printf (
    "annotations[1].quote: is not the text at %u–%u of document “d1”, which begins “The mayor disagreed.”",
    fixture_offset (D1, "The mayor", 1), fixture_offset (D1, "The mayor", 1) + 20);
  g_autofree char *expected_prefix = g_strdup_printf (
    "annotations[6].prefix: is not the text before %u in document “d3”", fixture_offset (D3, "no comment", 2));
  g_autofree char *expected_suffix = g_strdup_printf (
    "annotations[7].suffix: is not the text after %u in document “d4”", fixture_offset (D4, " and no news", 1));
  g_autoptr(RptProject) loaded = NULL;

  assert_refused (bad_quote, RPT_ERROR_INVALID, expected);
  assert_refused (bad_prefix, RPT_ERROR_INVALID, expected_prefix);
  assert_refused (bad_suffix, RPT_ERROR_INVALID, expected_suffix);
  assert_refused (number_quote, RPT_ERROR_INVALID, "annotations[1].quote: must be a string, not a whole number");
  /* null is the same as absent, which older files are. */
  loaded = load (null_quote, RPT_LOAD_DEFAULT, NULL);
  assert_span (loaded, "a2", "The mayor disagreed.");
}
END_TEST

/* A file written before quotes existed loads, and is saved with them. */
START_TEST (test_file_without_quotes)
{
  static const char old[] =
    "{\"format\": \"repartee-project\", \"version\": 1,\n"
    " \"labels\": [{\"id\": \"claim\", \"name\": \"Claim\", \"color\": \"#3584e4\"}], \"speakers\": [],\n"
    " \"documents\": [{\"id\": \"d\", \"title\": \"\", \"source\": \"\", \"sha256\": \"%s\", \"text\": \"%s\"}],\n"
    " \"annotations\": [{\"id\": \"a1\", \"document\": \"d\", \"start\": 4, \"end\": 9, \"label\": \"claim\"}],\n"
    " \"relations\": []}";
  const char *text = "The pier is open.";
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autofree char *data = g_strdup_printf (old, sha, text);
  g_autoptr(RptProject) project = load (data, RPT_LOAD_DEFAULT, NULL);
  g_autofree char *saved = fixture_bytes (project);

  ck_assert_ptr_nonnull (strstr (saved, "\"quote\": \"pier \", \"prefix\": \"The \", \"suffix\": \"is open.\"}"));
}
END_TEST

/* ---- Texts edited outside Repartee ---- */

START_TEST (test_default_load_refuses_changed_text)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autofree char *data = fixture_edited_file (project, FALSE, TRUE, FALSE);
  g_autoptr(RptDocument) edited = rpt_document_new ("d2", "", "", D2_EDITED);
  g_autofree char *expected = g_strdup_printf (
    "documents[1].sha256: does not match the text, which hashes to %s: the text of “d2” was changed "
    "outside Repartee. To place its annotations again by their quotes, re-anchor the project "
    "(repartee-tool reanchor)", rpt_document_get_sha256 (edited));

  assert_refused (data, RPT_ERROR_TEXT_CHANGED, expected);
}
END_TEST

START_TEST (test_load_reanchor)
{
  g_autoptr(RptProject) original = fixture_project ();
  g_autofree char *data = fixture_edited_file (original, TRUE, TRUE, TRUE);
  g_autoptr(RptReanchorReport) report = NULL;
  g_autoptr(RptProject) project = load (data, RPT_LOAD_REANCHOR, &report);
  g_autoptr(RptDocument) d1 = rpt_document_new ("d1", "", "", D1_EDITED);
  g_autofree char *saved = NULL;

  assert_reanchored (project);
  assert_report (report);
  ck_assert_str_eq (rpt_document_get_sha256 (rpt_project_get_document (project, "d1")),
                    rpt_document_get_sha256 (d1));
  /* Repaired in memory, not on disk: to be saved, with nothing to undo. */
  ck_assert (rpt_project_get_dirty (project));
  ck_assert (!rpt_project_can_undo (project));

  /* The repaired file loads without re-anchoring, and stays the same. */
  saved = fixture_bytes (project);
  ck_assert_ptr_nonnull (strstr (saved, "\"orphans\": [\n"));
  {
    g_autoptr(RptProject) reloaded = load (saved, RPT_LOAD_DEFAULT, NULL);
    g_autofree char *again = fixture_bytes (reloaded);

    ck_assert_str_eq (again, saved);
    assert_reanchored (reloaded);
    ck_assert (!rpt_project_get_dirty (reloaded));
  }
}
END_TEST

START_TEST (test_load_reanchor_unchanged)
{
  g_autoptr(RptProject) original = fixture_project ();
  g_autofree char *data = fixture_bytes (original);
  g_autoptr(RptReanchorReport) report = NULL;
  g_autoptr(RptProject) project = load (data, RPT_LOAD_REANCHOR, &report);
  g_autofree char *saved = fixture_bytes (project);

  ck_assert_uint_eq (rpt_reanchor_report_get_n_documents (report), 0);
  ck_assert (!rpt_project_get_dirty (project));
  ck_assert_str_eq (saved, data);
}
END_TEST

/* An annotation whose file had no quote cannot be found again: orphan,
 * with an empty quote, where it last was. */
START_TEST (test_load_reanchor_without_quote)
{
  g_autoptr(RptProject) original = fixture_project ();
  g_autofree char *edited = fixture_edited_file (original, TRUE, FALSE, FALSE);
  const char *line = strstr (edited, "{\"id\": \"a3\"");
  const char *from = strstr (line, ", \"quote\"");
  const char *to = strchr (from, '}');
  g_autofree char *data = g_strdup_printf ("%.*s%s", (int) (from - edited), edited, to);
  g_autoptr(RptReanchorReport) report = NULL;
  g_autoptr(RptProject) project = load (data, RPT_LOAD_REANCHOR, &report);
  RptAnnotation *a3 = rpt_project_get_orphan (project, "a3");

  ck_assert_ptr_nonnull (a3);
  ck_assert_str_eq (rpt_annotation_get_quote (a3), "");
  ck_assert_uint_eq (rpt_annotation_get_start (a3), fixture_offset (D1, "asked for an audit", 1));
  ck_assert_uint_eq (rpt_reanchor_report_get_n_documents (report), 1);
  assert_counts (report, 0, "d1", 1, 0, 1, 1);
  fixture_assert_consistent (project);
}
END_TEST

/* Orphans of a text that changes again get another try. */
START_TEST (test_load_reanchor_retries_orphans)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autofree char *saved = NULL;
  g_autofree char *restored = NULL;
  g_autoptr(RptReanchorReport) report = NULL;
  g_autoptr(RptProject) again = NULL;

  ck_assert (rpt_project_replace_document_text (project, "d2", D2_EDITED, NULL, NULL));
  ck_assert_uint_eq (rpt_project_get_n_orphans (project), 2);
  /* Someone puts the original text back by hand. */
  saved = fixture_bytes (project);
  restored = fixture_replace (saved, "\"text\": \"" D2_EDITED "\"", "\"text\": \"" D2 "\"");
  again = load (restored, RPT_LOAD_REANCHOR, &report);
  assert_counts (report, 0, "d2", 2, 0, 0, 0);
  ck_assert_uint_eq (rpt_project_get_n_orphans (again), 0);
  assert_span (again, "a4", "One of them joked that the fish would use it first.");
  fixture_assert_consistent (again);
}
END_TEST

/* ---- Replacing a text ---- */

typedef struct
{
  GString *log;
} Events;

static void
on_added (RptProject *project, RptAnnotation *a, Events *events)
{
  g_string_append_printf (events->log, "+%s ", rpt_annotation_get_id (a));
}

static void
on_removed (RptProject *project, RptAnnotation *a, Events *events)
{
  g_string_append_printf (events->log, "-%s ", rpt_annotation_get_id (a));
}

static void
on_documents (GListModel *model, guint position, guint removed, guint added, Events *events)
{
  g_autoptr(RptDocument) document = g_list_model_get_item (model, position);

  g_string_append_printf (events->log, "doc%u:%u:%u:%s ", position, removed, added,
                          g_str_equal (rpt_document_get_text (document), D2_EDITED) ? "new" : "old");
}

static void
on_orphans (GListModel *model, guint position, guint removed, guint added, Events *events)
{
  g_string_append_printf (events->log, "orphans%u:%u:%u ", position, removed, added);
}

START_TEST (test_replace_document_text)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autofree char *before = fixture_bytes (project);
  g_autofree char *after = NULL;
  g_autoptr(RptReanchorReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  Events events = { log };
  RptDocument *old = rpt_project_get_document (project, "d2");
  RptAnnotationStore *store = rpt_project_get_annotations (project, "d2");

  g_signal_connect (project, "annotation-added", G_CALLBACK (on_added), &events);
  g_signal_connect (project, "annotation-removed", G_CALLBACK (on_removed), &events);
  g_signal_connect (rpt_project_get_documents (project), "items-changed", G_CALLBACK (on_documents), &events);
  g_signal_connect (rpt_project_get_orphans (project), "items-changed", G_CALLBACK (on_orphans), &events);

  ck_assert (rpt_project_replace_document_text (project, "d2", D2_EDITED, &report, &error));
  ck_assert_ptr_null (error);
  /* Views see the annotations leave the old text, the document replaced
   * in place, then the orphans arrive. */
  ck_assert_str_eq (log->str, "-a5 -a4 doc1:1:1:new orphans0:0:1 orphans1:0:1 ");
  ck_assert_ptr_ne (rpt_project_get_document (project, "d2"), old);
  ck_assert_ptr_eq (rpt_project_get_annotations (project, "d2"), store);
  ck_assert_str_eq (rpt_document_get_title (rpt_project_get_document (project, "d2")), "d2");
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Replace Article Text");
  ck_assert (rpt_project_get_dirty (project));
  assert_counts (report, 0, "d2", 0, 0, 0, 2);
  fixture_assert_consistent (project);
  after = fixture_bytes (project);

  /* One step back restores every byte; forward again, the same. */
  g_string_truncate (log, 0);
  ck_assert (rpt_project_undo (project));
  ck_assert_str_eq (log->str, "orphans1:1:0 orphans0:1:0 doc1:1:1:old +a4 +a5 ");
  {
    g_autofree char *undone = fixture_bytes (project);

    ck_assert_str_eq (undone, before);
  }
  ck_assert_ptr_eq (rpt_project_get_document (project, "d2"), old);
  ck_assert (!rpt_project_get_dirty (project));
  fixture_assert_consistent (project);
  ck_assert (rpt_project_redo (project));
  {
    g_autofree char *redone = fixture_bytes (project);

    ck_assert_str_eq (redone, after);
  }
  fixture_assert_consistent (project);
  g_signal_handlers_disconnect_by_data (rpt_project_get_documents (project), &events);
  g_signal_handlers_disconnect_by_data (rpt_project_get_orphans (project), &events);
}
END_TEST

/* Replacing the texts one by one gives exactly what loading them edited
 * gives. */
START_TEST (test_replace_agrees_with_load)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autoptr(RptProject) original = fixture_project ();
  g_autofree char *edited = fixture_edited_file (original, TRUE, TRUE, TRUE);
  g_autoptr(RptProject) loaded = load (edited, RPT_LOAD_REANCHOR, NULL);
  g_autofree char *by_load = fixture_bytes (loaded);
  g_autofree char *by_replace = NULL;
  g_autoptr(RptReanchorReport) r1 = NULL, r2 = NULL, r3 = NULL;

  ck_assert (rpt_project_replace_document_text (project, "d1", D1_EDITED, &r1, NULL));
  ck_assert (rpt_project_replace_document_text (project, "d2", D2_EDITED, &r2, NULL));
  ck_assert (rpt_project_replace_document_text (project, "d3", D3_EDITED, &r3, NULL));
  assert_counts (r1, 0, "d1", 2, 0, 1, 0);
  assert_counts (r3, 0, "d3", 0, 2, 0, 0);
  assert_reanchored (project);
  by_replace = fixture_bytes (project);
  ck_assert_str_eq (by_replace, by_load);

  /* Three undo steps take it all back. */
  for (guint i = 0; i < 3; i++)
    ck_assert (rpt_project_undo (project));
  {
    g_autofree char *undone = fixture_bytes (project);
    g_autofree char *first = fixture_bytes (original);

    ck_assert_str_eq (undone, first);
  }
}
END_TEST

START_TEST (test_replace_refusals)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autofree char *before = fixture_bytes (project);
  g_autoptr(GError) missing = NULL, bad = NULL;
  g_autoptr(RptReanchorReport) same = NULL;
  guint64 generation = rpt_project_get_generation (project);

  ck_assert (!rpt_project_replace_document_text (project, "d9", "Text.", NULL, &missing));
  ck_assert (g_error_matches (missing, RPT_ERROR, RPT_ERROR_NOT_FOUND));
  ck_assert_str_eq (missing->message, "No article with the id “d9”");
  ck_assert (!rpt_project_replace_document_text (project, "d1", "Bad \xff byte", NULL, &bad));
  ck_assert_str_eq (bad->message, "The new text of “d1” is not valid UTF-8");
  /* The same text: nothing to do, nothing to undo. */
  ck_assert (rpt_project_replace_document_text (project, "d1", D1, &same, NULL));
  assert_counts (same, 0, "d1", 3, 0, 0, 0);
  ck_assert_uint_eq (rpt_project_get_generation (project), generation);
  ck_assert (!rpt_project_get_dirty (project));
  {
    g_autofree char *after = fixture_bytes (project);

    ck_assert_str_eq (after, before);
  }
}
END_TEST

/* Identical copies of a passage are told apart by where the annotation
 * before them moved. */
START_TEST (test_replace_settles_copies_by_position)
{
#define REPEATED "Meeting notes. The board met again. The board met again. The board met again. " \
                 "The board met again. The board met again. The board met again. The board met again. " \
                 "The board met again. End."
  g_autoptr(RptProject) both = rpt_project_new ();
  g_autoptr(RptProject) alone = rpt_project_new ();
  g_autoptr(RptReanchorReport) report = NULL;
  g_autoptr(RptReanchorReport) alone_report = NULL;
  guint fourth = fixture_offset (REPEATED, "board met again", 4);

  for (guint i = 0; i < 2; i++)
    {
      RptProject *project = i == 0 ? both : alone;
      g_autoptr(RptDocument) document = rpt_document_new ("d", "d", "d.txt", REPEATED);

      ck_assert (rpt_project_add_document (project, document, NULL));
      if (i == 0)
        fixture_tag (project, "d", REPEATED, "Meeting notes.", 1, "claim", NULL, "a1");
      fixture_tag (project, "d", REPEATED, "board met again", 4, "joke", NULL, i == 0 ? "a2" : "a1");
    }
  ck_assert (rpt_project_replace_document_text (both, "d", "Draft 2. " REPEATED, &report, NULL));
  assert_counts (report, 0, "d", 2, 0, 0, 0);
  ck_assert_uint_eq (rpt_annotation_get_start (rpt_project_get_annotation (both, "a2")), fourth + 9);

  /* Alone, nothing says which of the middle copies it was. */
  ck_assert (rpt_project_replace_document_text (alone, "d", "Draft 2. " REPEATED, &alone_report, NULL));
  assert_counts (alone_report, 0, "d", 0, 0, 0, 1);
#undef REPEATED
}
END_TEST

/* ---- Orphans ---- */

START_TEST (test_place_orphan)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autofree char *orphaned = NULL;
  g_autofree char *placed = NULL;
  g_autoptr(GError) error = NULL;
  guint start = fixture_offset (D2_EDITED, "Nobody", 2);
  guint length = g_utf8_strlen (D2_EDITED, -1);
  RptAnnotation *a5;

  ck_assert (rpt_project_replace_document_text (project, "d2", D2_EDITED, NULL, NULL));
  orphaned = fixture_bytes (project);

  ck_assert (rpt_project_place_orphan (project, "a5", start, start + 32, &error));
  ck_assert_ptr_null (error);
  a5 = rpt_project_get_annotation (project, "a5");
  ck_assert_ptr_nonnull (a5);
  ck_assert (!rpt_annotation_is_orphan (a5));
  ck_assert_ptr_null (rpt_annotation_get_quote (a5));
  assert_span (project, "a5", "Nobody from the council replied.");
  ck_assert_uint_eq (rpt_project_get_n_orphans (project), 1);
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Place Annotation");
  fixture_assert_consistent (project);
  placed = fixture_bytes (project);

  ck_assert (rpt_project_undo (project));
  {
    g_autofree char *undone = fixture_bytes (project);

    ck_assert_str_eq (undone, orphaned);
  }
  fixture_assert_consistent (project);
  ck_assert (rpt_project_redo (project));
  {
    g_autofree char *redone = fixture_bytes (project);

    ck_assert_str_eq (redone, placed);
  }

  /* Refusals change nothing. */
  {
    struct { const char *id; guint start, end; int code; const char *message; } cases[] = {
      { "a9", 0, 4, RPT_ERROR_NOT_FOUND, "No orphaned annotation with the id “a9”" },
      { "a5", 0, 4, RPT_ERROR_NOT_FOUND, "No orphaned annotation with the id “a5”" },
      { "a4", 4, 4, RPT_ERROR_INVALID, "The span 4–4 is empty or reversed" },
      { "a4", length, length + 3, RPT_ERROR_INVALID, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GError) refused = NULL;
        g_autofree char *expected = cases[i].message ? g_strdup (cases[i].message)
          : g_strdup_printf ("The span %u–%u is past the end of “d2” (%u characters)", length, length + 3, length);

        ck_assert (!rpt_project_place_orphan (project, cases[i].id, cases[i].start, cases[i].end, &refused));
        ck_assert (g_error_matches (refused, RPT_ERROR, cases[i].code));
        ck_assert_str_eq (refused->message, expected);
      }
    {
      g_autofree char *unchanged = fixture_bytes (project);

      ck_assert_str_eq (unchanged, placed);
    }
  }
}
END_TEST

START_TEST (test_place_orphan_on_tagged_span)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autoptr(GError) error = NULL;
  guint start = fixture_offset (D2_EDITED, "Nobody", 1);

  ck_assert (rpt_project_replace_document_text (project, "d2", D2_EDITED, NULL, NULL));
  ck_assert_ptr_nonnull (rpt_project_add_annotation (project, "d2", start, start + 32, "diplomatic-signal", NULL, NULL));
  ck_assert (!rpt_project_place_orphan (project, "a5", start, start + 32, &error));
  ck_assert_str_eq (error->message, "This span is already tagged “Diplomatic signal”");
  ck_assert_ptr_nonnull (rpt_project_get_orphan (project, "a5"));
}
END_TEST

static void
count_changed (RptProject *project, RptAnnotation *a, guint old_start, guint old_end, guint *n)
{
  (*n)++;
}

static void
count_items (GListModel *model, guint position, guint removed, guint added, guint *n)
{
  ck_assert_uint_eq (removed, 1);
  ck_assert_uint_eq (added, 1);
  (*n)++;
}

/* An orphan's label, speaker and note can be edited, and it can be linked;
 * its span cannot, until it is placed. */
START_TEST (test_edit_orphan)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autoptr(GError) error = NULL;
  g_autofree char *orphaned = NULL;
  RptAnnotation *a4;
  guint changed = 0, items = 0;

  ck_assert (rpt_project_replace_document_text (project, "d2", D2_EDITED, NULL, NULL));
  orphaned = fixture_bytes (project);
  a4 = rpt_project_get_orphan (project, "a4");
  g_signal_connect (project, "annotation-changed", G_CALLBACK (count_changed), &changed);
  g_signal_connect (rpt_project_get_orphans (project), "items-changed", G_CALLBACK (count_items), &items);

  rpt_project_set_annotation_note (project, "a4", "Check the recording.");
  ck_assert_str_eq (rpt_annotation_get_note (a4), "Check the recording.");
  ck_assert (rpt_project_set_annotation_label (project, "a4", "claim", NULL));
  ck_assert (rpt_project_set_annotation_speaker (project, "a4", "mayor", NULL));
  ck_assert_str_eq (rpt_annotation_get_label (a4), "claim");
  ck_assert_uint_eq (changed, 0);
  ck_assert_uint_eq (items, 3);
  ck_assert_ptr_nonnull (rpt_project_add_relation (project, RPT_RELATION_SUPPORTS, "a4", "a1", NULL));
  ck_assert (!rpt_project_set_annotation_range (project, "a4", 0, 5, &error));
  ck_assert_str_eq (error->message, "The annotation “a4” lost its place when its article's text changed; place it first");
  fixture_assert_consistent (project);
  {
    g_autofree char *saved = fixture_bytes (project);
    g_autoptr(RptProject) reloaded = load (saved, RPT_LOAD_DEFAULT, NULL);

    ck_assert_str_eq (rpt_annotation_get_note (rpt_project_get_orphan (reloaded, "a4")), "Check the recording.");
  }
  for (guint i = 0; i < 4; i++)
    ck_assert (rpt_project_undo (project));
  {
    g_autofree char *undone = fixture_bytes (project);

    ck_assert_str_eq (undone, orphaned);
  }
  g_signal_handlers_disconnect_by_data (rpt_project_get_orphans (project), &items);
}
END_TEST

START_TEST (test_remove_orphan)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autofree char *orphaned = NULL;

  ck_assert (rpt_project_replace_document_text (project, "d2", D2_EDITED, NULL, NULL));
  orphaned = fixture_bytes (project);
  rpt_project_remove_annotation (project, "a4");
  ck_assert_ptr_null (rpt_project_get_orphan (project, "a4"));
  /* Its relation goes with it. */
  ck_assert_ptr_null (rpt_project_get_relation (project, "r10"));
  ck_assert_uint_eq (rpt_project_get_n_orphans (project), 1);
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Delete Annotation");
  fixture_assert_consistent (project);
  ck_assert (rpt_project_undo (project));
  {
    g_autofree char *undone = fixture_bytes (project);

    ck_assert_str_eq (undone, orphaned);
  }
  fixture_assert_consistent (project);
}
END_TEST

/* Removing a document, a label or a speaker reaches its orphans too. */
START_TEST (test_cascades_reach_orphans)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autofree char *orphaned = NULL;

  ck_assert (rpt_project_replace_document_text (project, "d1", "Nothing left of it.", NULL, NULL));
  ck_assert (rpt_project_replace_document_text (project, "d2", D2_EDITED, NULL, NULL));
  ck_assert_uint_eq (rpt_project_get_n_orphans (project), 5);
  ck_assert_uint_eq (rpt_project_count_label_uses (project, "claim"), 4);
  ck_assert_uint_eq (rpt_project_count_speaker_uses (project, "mayor"), 2);
  orphaned = fixture_bytes (project);

  rpt_project_remove_speaker (project, "mayor");
  ck_assert_ptr_null (rpt_annotation_get_speaker (rpt_project_get_orphan (project, "a2")));
  fixture_assert_consistent (project);
  ck_assert (rpt_project_undo (project));
  ck_assert_str_eq (rpt_annotation_get_speaker (rpt_project_get_orphan (project, "a2")), "mayor");

  rpt_project_remove_label (project, "joke");
  ck_assert_ptr_null (rpt_project_get_orphan (project, "a4"));
  ck_assert_ptr_null (rpt_project_get_relation (project, "r10"));
  fixture_assert_consistent (project);
  ck_assert (rpt_project_undo (project));

  rpt_project_remove_document (project, "d1");
  ck_assert_uint_eq (rpt_project_get_n_orphans (project), 2);
  ck_assert_ptr_null (rpt_project_get_relation (project, "r9"));
  fixture_assert_consistent (project);
  ck_assert (rpt_project_undo (project));
  {
    g_autofree char *undone = fixture_bytes (project);

    ck_assert_str_eq (undone, orphaned);
  }
}
END_TEST

/* The orphans section round-trips through both readers, byte for byte. */
START_TEST (test_orphans_survive_save_and_load)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autofree char *saved = NULL;

  ck_assert (rpt_project_replace_document_text (project, "d1", "Nothing left of it.", NULL, NULL));
  ck_assert (rpt_project_replace_document_text (project, "d2", D2_EDITED, NULL, NULL));
  saved = fixture_bytes (project);
  for (guint fast = 0; fast < 2; fast++)
    {
      g_autoptr(RptProject) loaded = NULL;
      g_autofree char *again = NULL;
      GListModel *orphans;

      _rpt_project_set_fast_reader (fast);
      loaded = load (saved, RPT_LOAD_DEFAULT, NULL);
      _rpt_project_set_fast_reader (TRUE);
      again = fixture_bytes (loaded);
      ck_assert_str_eq (again, saved);
      fixture_assert_consistent (loaded);
      /* By document, then where they were. */
      orphans = rpt_project_get_orphans (loaded);
      ck_assert_uint_eq (g_list_model_get_n_items (orphans), 5);
      for (guint i = 0; i < 5; i++)
        {
          g_autoptr(RptAnnotation) a = g_list_model_get_item (orphans, i);
          g_autofree char *id = g_strdup_printf ("a%u", i + 1);

          ck_assert_str_eq (rpt_annotation_get_id (a), id);
        }
      ck_assert_str_eq (rpt_relation_get_from (rpt_project_get_relation (loaded, "r9")), "a2");
      /* New ids do not collide with orphans'. */
      {
        guint start = fixture_offset (D2_EDITED, "Fishermen", 1);
        RptAnnotation *a = rpt_project_add_annotation (loaded, "d2", start, start + 9, "claim", NULL, NULL);

        ck_assert_str_eq (rpt_annotation_get_id (a), "a12");
      }
    }
  {
    g_autoptr(RptProject) fast = _rpt_project_read_fast (saved, strlen (saved));
    ck_assert_ptr_nonnull (fast);
  }
}
END_TEST

START_TEST (test_orphans_section_refusals)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autofree char *saved = NULL;
  /* Each edit is made after "orphans". */
  static const struct { const char *from, *to, *expected; } cases[] = {
    { "\"quote\": \"One of them", "\"q\": \"One of them", "orphans[0]: the member “quote” is missing" },
    { "\"suffix\": \" The council said", "\"suffix\": null, \"x\": \" The council said",
      "orphans[0].suffix: must be a string, not null" },
    { "\"document\": \"d2\"", "\"document\": \"d7\"", "orphans[0].document: “d7” is not the id of any document" },
    { "{\"id\": \"a5\"", "{\"id\": \"a3\"", "orphans[1].id: “a3” is already the id of annotations[2]" },
    { "\"orphans\": [", "\"orphans\": {\"x\": [", "^line " },
    { "\"label\": \"joke\"", "\"label\": \"jest\"", "orphans[0].label: “jest” is not the id of any label" },
    { "\"end\": 92", "\"end\": 41", "orphans[0].end: 41 is not after the start (41)" },
  };

  ck_assert (rpt_project_replace_document_text (project, "d2", D2_EDITED, NULL, NULL));
  saved = fixture_bytes (project);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *orphans = strstr (saved, "  \"orphans\"");
      g_autofree char *tail = fixture_replace (orphans, cases[i].from, cases[i].to);
      g_autofree char *data = g_strdup_printf ("%.*s%s", (int) (orphans - saved), saved, tail);
      g_autoptr(GError) error = NULL;
      g_autoptr(RptProject) loaded = rpt_project_load_from_data (data, strlen (data), &error);

      ck_assert_msg (loaded == NULL, "accepted case %u", i);
      if (cases[i].expected[0] == '^')
        ck_assert (g_str_has_prefix (error->message, cases[i].expected + 1));
      else
        ck_assert_str_eq (error->message, cases[i].expected);
    }
}
END_TEST

/* The orphan shown in docs/FORMAT.md is the one in the seed project, which
 * loads as it is written. */
START_TEST (test_format_doc_orphan_example)
{
  g_autofree char *doc_path = rpt_test_source_path ("docs/FORMAT.md");
  g_autofree char *seed_path = rpt_test_source_path ("tests/fuzz/corpus/project/quotes-and-orphans.json");
  g_autofree char *doc = rpt_test_read_file (doc_path, NULL);
  g_autofree char *seed = rpt_test_read_file (seed_path, NULL);
  const char *line = strstr (seed, "    {\"id\": \"a3\"");
  g_autofree char *orphan = g_strndup (line, strchr (line, '\n') + 1 - line);
  g_autoptr(RptProject) project = load (seed, RPT_LOAD_DEFAULT, NULL);
  g_autofree char *saved = fixture_bytes (project);
  RptAnnotation *a3 = rpt_project_get_orphan (project, "a3");

  ck_assert_ptr_nonnull (strstr (doc, orphan));
  ck_assert_str_eq (saved, seed);
  ck_assert_ptr_nonnull (a3);
  ck_assert_str_eq (rpt_annotation_get_quote (a3), "A sailor shrugged.");
  ck_assert_str_eq (rpt_relation_get_from (rpt_project_get_relation (project, "r5")), "a3");
}
END_TEST

/* ---- The two readers ---- */

typedef RptTestTally Tally;

/* Every byte of the annotations and orphans, deleted, replaced or preceded
 * by something that matters. */
START_TEST (test_readers_agree_on_quotes_and_orphans)
{
  static const char replacements[] = "\"\\{}[],:0 xn";
  g_autoptr(RptProject) project = fixture_project ();
  g_autofree char *base = NULL;
  const char *from, *to;
  Tally tally = { 0 };

  ck_assert (rpt_project_replace_document_text (project, "d2", D2_EDITED, NULL, NULL));
  base = fixture_bytes (project);
  /* From a5's annotation line (d2 goes before d3) to the relations. */
  from = strstr (base, "{\"id\": \"a7\"");
  to = strstr (base, "\"relations\"");
  ck_assert (from && to && strstr (base, "\"orphans\"") < to);

  rpt_test_compare_damaged (base, from - base, to - base, replacements, "\"", &tally);
  ck_assert_uint_gt (tally.accepted, 50);
  ck_assert_uint_gt (tally.fast, 50);
  ck_assert_uint_lt (tally.accepted, tally.tried);
}
END_TEST

/* ---- Off the main thread ---- */

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

START_TEST (test_load_async_reanchors)
{
  g_autoptr(RptProject) original = fixture_project ();
  g_autofree char *data = fixture_edited_file (original, TRUE, TRUE, TRUE);
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = rpt_test_write_file (dir, "edited.json", data, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RptReanchorReport) report = NULL;
  g_autoptr(RptProject) project = NULL;
  g_autoptr(GError) error = NULL;

  rpt_project_load_async (file, NULL, got_result, &result);
  ck_assert_ptr_null (rpt_project_load_finish (wait_for (&result), &error));
  ck_assert (g_error_matches (error, RPT_ERROR, RPT_ERROR_TEXT_CHANGED));
  ck_assert (g_str_has_suffix (error->message, "(repartee-tool reanchor)"));
  g_clear_object (&result);

  rpt_project_load_full_async (file, RPT_LOAD_REANCHOR, NULL, got_result, &result);
  project = rpt_project_load_full_finish (wait_for (&result), &report, NULL);
  ck_assert_ptr_nonnull (project);
  assert_reanchored (project);
  assert_report (report);
}
END_TEST

START_TEST (test_replace_async)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autoptr(RptProject) sync = fixture_project ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RptReanchorReport) report = NULL;
  g_autofree char *by_async = NULL;
  g_autofree char *by_sync = NULL;

  rpt_project_replace_document_text_async (project, "d1", D1_EDITED, NULL, got_result, &result);
  /* Nothing changes until the worker is done and the loop runs. */
  ck_assert_str_eq (rpt_document_get_text (rpt_project_get_document (project, "d1")), D1);
  ck_assert (rpt_project_replace_document_text_finish (project, wait_for (&result), &report, NULL));
  assert_counts (report, 0, "d1", 2, 0, 1, 0);
  ck_assert (rpt_project_replace_document_text (sync, "d1", D1_EDITED, NULL, NULL));
  by_async = fixture_bytes (project);
  by_sync = fixture_bytes (sync);
  ck_assert_str_eq (by_async, by_sync);
  g_clear_object (&result);
  g_clear_pointer (&report, rpt_reanchor_report_unref);

  /* An edit while the worker runs: planned again on the new state. */
  rpt_project_replace_document_text_async (project, "d2", D2_EDITED, NULL, got_result, &result);
  rpt_project_remove_annotation (project, "a5");
  ck_assert (rpt_project_replace_document_text_finish (project, wait_for (&result), &report, NULL));
  assert_counts (report, 0, "d2", 0, 0, 0, 1);
  ck_assert_ptr_nonnull (rpt_project_get_orphan (project, "a4"));
  ck_assert_ptr_null (rpt_project_get_orphan (project, "a5"));
  fixture_assert_consistent (project);
}
END_TEST

/* ---- Two annotations that converge on one span ---- */

/* After one of the two sentences is deleted, both quotes are found at the
 * one left: one label cannot tag one span twice (the file would be
 * refused), so one annotation is placed there and the other is an orphan,
 * and the one placed is the one whose own sentence survived, whichever
 * comes first. The project saves and loads again. */
static void
assert_converged (RptProject *project,
                  const char *survivor,
                  const char *orphan,
                  const char *text)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "project.json", NULL);
  g_autoptr(RptProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  RptAnnotation *placed, *left;

  ck_assert_msg (rpt_project_save_to_file (project, path, &error), "%s", error ? error->message : "");
  loaded = rpt_project_load_from_file (path, &error);
  ck_assert_msg (loaded != NULL, "the saved project does not load: %s", error ? error->message : "");

  fixture_assert_consistent (project);
  placed = rpt_project_get_annotation (project, survivor);
  ck_assert_msg (placed != NULL, "%s, whose sentence is still there, is not placed", survivor);
  ck_assert_uint_eq (rpt_annotation_get_start (placed), fixture_offset (text, TWICE_QUOTE, 1));
  assert_span (project, survivor, TWICE_QUOTE);
  ck_assert_msg (rpt_project_get_annotation (project, orphan) == NULL,
                 "%s, whose sentence was deleted, took the same span", orphan);
  left = rpt_project_get_orphan (project, orphan);
  ck_assert_ptr_nonnull (left);
  ck_assert_str_eq (rpt_annotation_get_quote (left), TWICE_QUOTE);
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), 1);

  ck_assert_ptr_nonnull (rpt_project_get_annotation (loaded, survivor));
  ck_assert_ptr_nonnull (rpt_project_get_orphan (loaded, orphan));
}

START_TEST (test_converging_annotations)
{
  const struct { const char *deleted, *survivor, *orphan; } cases[] = {
    { TWICE_SECOND_SENTENCE, "a1", "a2" },
    { TWICE_FIRST_SENTENCE, "a2", "a1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *edited = fixture_twice_without (cases[i].deleted);
      g_autoptr(GError) error = NULL;

      /* Replace Article Text, and a file whose text was edited by hand. */
      {
        g_autoptr(RptProject) project = fixture_twice_project ();

        ck_assert (rpt_project_replace_document_text (project, "d1", edited, NULL, &error));
        assert_converged (project, cases[i].survivor, cases[i].orphan, edited);
      }
      {
        g_autoptr(RptProject) project = fixture_twice_project ();
        g_autofree char *file = fixture_bytes (project);
        g_autofree char *from = g_strdup_printf ("\"text\": \"%s\"", TWICE);
        g_autofree char *to = g_strdup_printf ("\"text\": \"%s\"", edited);
        g_autofree char *edited_file = fixture_replace (file, from, to);
        g_autoptr(RptProject) loaded = load (edited_file, RPT_LOAD_REANCHOR, NULL);

        assert_converged (loaded, cases[i].survivor, cases[i].orphan, edited);
      }
    }
}
END_TEST

static Suite *
reanchor_suite (void)
{
  Suite *s = suite_create ("reanchor");
  TCase *file = tcase_create ("file");
  TCase *load_case = tcase_create ("load");
  TCase *replace = tcase_create ("replace");
  TCase *orphans = tcase_create ("orphans");
  TCase *readers = tcase_create ("readers");
  TCase *async = tcase_create ("async");

  tcase_add_test (file, test_save_writes_quotes);
  tcase_add_test (file, test_quote_must_match);
  tcase_add_test (file, test_file_without_quotes);
  tcase_add_test (load_case, test_default_load_refuses_changed_text);
  tcase_add_test (load_case, test_load_reanchor);
  tcase_add_test (load_case, test_load_reanchor_unchanged);
  tcase_add_test (load_case, test_load_reanchor_without_quote);
  tcase_add_test (load_case, test_load_reanchor_retries_orphans);
  tcase_add_test (replace, test_replace_document_text);
  tcase_add_test (replace, test_replace_agrees_with_load);
  tcase_add_test (replace, test_replace_refusals);
  tcase_add_test (replace, test_replace_settles_copies_by_position);
  tcase_add_test (orphans, test_place_orphan);
  tcase_add_test (orphans, test_place_orphan_on_tagged_span);
  tcase_add_test (orphans, test_remove_orphan);
  tcase_add_test (orphans, test_edit_orphan);
  tcase_add_test (orphans, test_cascades_reach_orphans);
  tcase_add_test (orphans, test_orphans_survive_save_and_load);
  tcase_add_test (orphans, test_orphans_section_refusals);
  tcase_add_test (orphans, test_format_doc_orphan_example);
  tcase_add_test (readers, test_readers_agree_on_quotes_and_orphans);
  tcase_set_timeout (readers, 300);
  tcase_add_test (async, test_load_async_reanchors);
  tcase_add_test (async, test_replace_async);
  tcase_add_test (replace, test_converging_annotations);
  suite_add_tcase (s, file);
  suite_add_tcase (s, load_case);
  suite_add_tcase (s, replace);
  suite_add_tcase (s, orphans);
  suite_add_tcase (s, readers);
  suite_add_tcase (s, async);
  return s;
}

RPT_TEST_MAIN (reanchor_suite)
