/* test-reanchor.c: annotations that survive edited text, as a project is
 * read: quotes in the file, loading a project whose texts were edited
 * outside Repartee (in a worker too), orphans in the file, and the two
 * readers agreeing on all of it. The project's own re-anchoring edits are
 * in test-reanchor-project.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "rpt-core.h"
#include "rpt-project-private.h"
#include "rpt-reanchor-fixture.h"
#include "rpt-test-readers.h"
#include "rpt-test-util.h"

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

static char *
joined_ids (RptReanchorReport *report,
            guint              index,
            RptAnchorResult    result)
{
  return g_strjoinv (" ", (char **) rpt_reanchor_report_get_ids (report, index, result));
}

static void
assert_report (RptReanchorReport *report)
{
  g_autofree char *fuzzy = NULL, *orphans = NULL, *context = NULL;

  ck_assert_uint_eq (rpt_reanchor_report_get_n_documents (report), 3);
  fixture_assert_counts (report, 0, "d1", 2, 0, 1, 0);
  fixture_assert_counts (report, 1, "d2", 0, 0, 0, 2);
  fixture_assert_counts (report, 2, "d3", 0, 2, 0, 0);
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
  g_autoptr(RptProject) again = fixture_load (data, RPT_LOAD_DEFAULT, NULL);
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
  loaded = fixture_load (null_quote, RPT_LOAD_DEFAULT, NULL);
  fixture_assert_span (loaded, "a2", "The mayor disagreed.");
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
  g_autoptr(RptProject) project = fixture_load (data, RPT_LOAD_DEFAULT, NULL);
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
  g_autoptr(RptProject) project = fixture_load (data, RPT_LOAD_REANCHOR, &report);
  g_autoptr(RptDocument) d1 = rpt_document_new ("d1", "", "", D1_EDITED);
  g_autofree char *saved = NULL;

  fixture_assert_reanchored (project);
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
    g_autoptr(RptProject) reloaded = fixture_load (saved, RPT_LOAD_DEFAULT, NULL);
    g_autofree char *again = fixture_bytes (reloaded);

    ck_assert_str_eq (again, saved);
    fixture_assert_reanchored (reloaded);
    ck_assert (!rpt_project_get_dirty (reloaded));
  }
}
END_TEST

START_TEST (test_load_reanchor_unchanged)
{
  g_autoptr(RptProject) original = fixture_project ();
  g_autofree char *data = fixture_bytes (original);
  g_autoptr(RptReanchorReport) report = NULL;
  g_autoptr(RptProject) project = fixture_load (data, RPT_LOAD_REANCHOR, &report);
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
  g_autoptr(RptProject) project = fixture_load (data, RPT_LOAD_REANCHOR, &report);
  RptAnnotation *a3 = rpt_project_get_orphan (project, "a3");

  ck_assert_ptr_nonnull (a3);
  ck_assert_str_eq (rpt_annotation_get_quote (a3), "");
  ck_assert_uint_eq (rpt_annotation_get_start (a3), fixture_offset (D1, "asked for an audit", 1));
  ck_assert_uint_eq (rpt_reanchor_report_get_n_documents (report), 1);
  fixture_assert_counts (report, 0, "d1", 1, 0, 1, 1);
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
  again = fixture_load (restored, RPT_LOAD_REANCHOR, &report);
  fixture_assert_counts (report, 0, "d2", 2, 0, 0, 0);
  ck_assert_uint_eq (rpt_project_get_n_orphans (again), 0);
  fixture_assert_span (again, "a4", "One of them joked that the fish would use it first.");
  fixture_assert_consistent (again);
}
END_TEST

/* ---- Orphans in the file ---- */

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
      loaded = fixture_load (saved, RPT_LOAD_DEFAULT, NULL);
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
  g_autoptr(RptProject) project = fixture_load (seed, RPT_LOAD_DEFAULT, NULL);
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

START_TEST (test_load_async_reanchors)
{
  g_autoptr(RptProject) original = fixture_project ();
  g_autofree char *data = fixture_edited_file (original, TRUE, TRUE, TRUE);
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = rpt_test_write_file (dir, "edited.json", data, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RptTestAsync async = { 0 };
  g_autoptr(RptReanchorReport) report = NULL;
  g_autoptr(RptProject) project = NULL;
  g_autoptr(GError) error = NULL;

  rpt_project_load_async (file, NULL, rpt_test_async_ready, &async);
  rpt_test_async_wait (&async);
  ck_assert_ptr_null (rpt_project_load_finish (async.result, &error));
  ck_assert (g_error_matches (error, RPT_ERROR, RPT_ERROR_TEXT_CHANGED));
  ck_assert (g_str_has_suffix (error->message, "(repartee-tool reanchor)"));
  rpt_test_async_clear (&async);

  rpt_project_load_full_async (file, RPT_LOAD_REANCHOR, NULL, rpt_test_async_ready, &async);
  rpt_test_async_wait (&async);
  project = rpt_project_load_full_finish (async.result, &report, NULL);
  ck_assert_ptr_nonnull (project);
  fixture_assert_reanchored (project);
  assert_report (report);
  rpt_test_async_clear (&async);
}
END_TEST

static Suite *
reanchor_suite (void)
{
  Suite *s = suite_create ("reanchor");
  TCase *file = tcase_create ("file");
  TCase *load_case = tcase_create ("load");
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
  tcase_add_test (orphans, test_orphans_survive_save_and_load);
  tcase_add_test (orphans, test_orphans_section_refusals);
  tcase_add_test (orphans, test_format_doc_orphan_example);
  tcase_add_test (readers, test_readers_agree_on_quotes_and_orphans);
  tcase_set_timeout (readers, 300);
  tcase_add_test (async, test_load_async_reanchors);
  suite_add_tcase (s, file);
  suite_add_tcase (s, load_case);
  suite_add_tcase (s, orphans);
  suite_add_tcase (s, readers);
  suite_add_tcase (s, async);
  return s;
}

RPT_TEST_MAIN (reanchor_suite)
