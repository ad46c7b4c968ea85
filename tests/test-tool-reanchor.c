/* test-tool-reanchor.c: repartee-tool reanchor, and the orphans in
 * validate and stats. What it prints, what lands on disk, exit codes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "rpt-core.h"
#include "rpt-reanchor-fixture.h"
#include "rpt-tool-test.h"

static char *
write_edited (const char *dir,
              gboolean    d1,
              gboolean    d2,
              gboolean    d3)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autofree char *data = fixture_edited_file (project, d1, d2, d3);

  return rpt_test_write_file (dir, "project.json", data, -1);
}

/* What the core makes of the same file: the tool must save exactly that. */
static char *
expected_bytes (const char *data)
{
  g_autoptr(RptProject) project = rpt_project_load_from_data_full (data, strlen (data), RPT_LOAD_REANCHOR, NULL, NULL);

  ck_assert_ptr_nonnull (project);
  return fixture_bytes (project);
}

static const char REPORT[] =
  "d1 “d1”: 2 exact, 0 by context, 1 fuzzy, 0 orphaned\n"
  "d2 “d2”: 0 exact, 0 by context, 0 fuzzy, 2 orphaned\n"
  "d3 “d3”: 0 exact, 2 by context, 0 fuzzy, 0 orphaned\n"
  "Placed 5 of 7 annotations: 2 exactly, 2 by context, 1 fuzzily; 2 orphaned.\n"
  "Placed fuzzily, where the quote itself changed (worth a look):\n"
  "  a1 in d1 (Claim): “the new pier would open in late May”\n"
  "2 orphans (not placed in their text; open the project in Repartee to place or delete them):\n"
  "  a4 in d2 (Joke): “One of them joked that the fish would use it first.”\n"
  "  a5 in d2 (Diplomatic signal): “Nobody from the council replied.”\n";

START_TEST (test_reanchor_edited_file)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = write_edited (dir, TRUE, TRUE, TRUE);
  g_autofree char *before = rpt_test_read_file (path, NULL);
  g_autofree char *expected = expected_bytes (before);
  g_autofree char *expected_out = g_strdup_printf ("%sSaved %s\n", REPORT, path);
  g_autofree char *after = NULL;
  g_autofree char *out = NULL, *err = NULL;

  /* Refused as it is, with the way out in the message. */
  ck_assert_int_eq (run (&out, &err, "validate", path, NULL), 1);
  ck_assert_ptr_nonnull (strstr (err, "the text of “d1” was changed outside Repartee"));
  ck_assert_ptr_nonnull (strstr (err, "repartee-tool reanchor"));

  ck_assert_int_eq (run (&out, &err, "reanchor", path, NULL), 0);
  ck_assert_str_eq (err, "");
  ck_assert_str_eq (out, expected_out);
  after = rpt_test_read_file (path, NULL);
  ck_assert_str_eq (after, expected);

  /* Now it is valid, and says what is left to do. */
  ck_assert_int_eq (run (&out, &err, "validate", path, NULL), 0);
  {
    g_autofree char *line = g_strdup_printf (
      "%s: valid: 4 articles, 4 labels, 2 speakers, 6 annotations, 3 relations, 2 orphans\n"
      "2 orphans (not placed in their text; open the project in Repartee to place or delete them):\n"
      "  a4 in d2 (Joke): “One of them joked that the fish would use it first.”\n"
      "  a5 in d2 (Diplomatic signal): “Nobody from the council replied.”\n", path);

    ck_assert_str_eq (out, line);
  }
  /* A second run has nothing to do and leaves the file alone. */
  ck_assert_int_eq (run (&out, &err, "reanchor", path, NULL), 0);
  ck_assert (g_str_has_prefix (out, "Every article matches its text"));
  {
    g_autofree char *again = rpt_test_read_file (path, NULL);

    ck_assert_str_eq (again, expected);
  }
}
END_TEST

START_TEST (test_dry_run_changes_nothing)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = write_edited (dir, TRUE, TRUE, TRUE);
  g_autofree char *before = rpt_test_read_file (path, NULL);
  g_autofree char *expected_out = g_strdup_printf ("%sDry run: %s was not changed\n", REPORT, path);
  g_autofree char *after = NULL;
  g_autofree char *out = NULL, *err = NULL;

  ck_assert_int_eq (run (&out, &err, "reanchor", "--dry-run", path, NULL), 0);
  ck_assert_str_eq (out, expected_out);
  after = rpt_test_read_file (path, NULL);
  ck_assert_str_eq (after, before);
}
END_TEST

START_TEST (test_replace_from_file)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autoptr(RptProject) project = fixture_project ();
  g_autofree char *data = fixture_bytes (project);
  g_autofree char *path = rpt_test_write_file (dir, "project.json", data, -1);
  /* With a byte order mark, as some editors write. */
  g_autofree char *text = rpt_test_write_file (dir, "d3.txt", "\xef\xbb\xbf" D3_EDITED, -1);
  g_autofree char *article = g_strdup_printf ("d3=%s", text);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(RptProject) reloaded = NULL;

  ck_assert_int_eq (run (&out, &err, "reanchor", path, "--article", article, NULL), 0);
  ck_assert_str_eq (err, "");
  ck_assert (g_str_has_prefix (out, "d3 “d3”: 0 exact, 2 by context, 0 fuzzy, 0 orphaned\n"
                                    "Placed 2 of 2 annotations: 0 exactly, 2 by context, 0 fuzzily; 0 orphaned.\n"
                                    "Saved "));
  saved = rpt_test_read_file (path, NULL);
  reloaded = rpt_project_load_from_data (saved, strlen (saved), NULL);
  ck_assert_ptr_nonnull (reloaded);
  ck_assert_str_eq (rpt_document_get_text (rpt_project_get_document (reloaded, "d3")), D3_EDITED);
  /* Same id, title and source. */
  ck_assert_str_eq (rpt_document_get_title (rpt_project_get_document (reloaded, "d3")), "d3");
  ck_assert_str_eq (rpt_document_get_source (rpt_project_get_document (reloaded, "d3")), "fixture.txt");
  ck_assert_uint_eq (rpt_annotation_get_start (rpt_project_get_annotation (reloaded, "a6")),
                     fixture_offset (D3_EDITED, "no comment", 2));
}
END_TEST

/* Edited on disk and replaced from a file at once: reported once each. */
START_TEST (test_edited_and_replaced)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = write_edited (dir, TRUE, TRUE, FALSE);
  g_autofree char *text = rpt_test_write_file (dir, "d2.txt", D2, -1);
  g_autofree char *article = g_strdup_printf ("d2=%s", text);
  g_autofree char *out = NULL, *err = NULL;

  ck_assert_int_eq (run (&out, &err, "reanchor", "--article", article, path, NULL), 0);
  ck_assert (g_str_has_prefix (out, "d1 “d1”: 2 exact, 0 by context, 1 fuzzy, 0 orphaned\n"
                                    "d2 “d2”: 2 exact, 0 by context, 0 fuzzy, 0 orphaned\n"
                                    "Placed 5 of 5 annotations: 4 exactly, 0 by context, 1 fuzzily; 0 orphaned.\n"));
  ck_assert_ptr_null (strstr (out, "orphans ("));
}
END_TEST

START_TEST (test_refusals)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = write_edited (dir, TRUE, FALSE, FALSE);
  g_autofree char *before = rpt_test_read_file (path, NULL);
  g_autofree char *latin1 = rpt_test_write_file (dir, "latin1.txt", "Caf\xe9 talk.", -1);
  g_autofree char *good = rpt_test_write_file (dir, "good.txt", D2_EDITED, -1);
  g_autofree char *bad_text = g_strdup_printf ("d2=%s", latin1);
  g_autofree char *unknown = g_strdup_printf ("d9=%s", good);
  g_autofree char *twice = g_strdup_printf ("d2=%s", good);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = NULL;

  ck_assert_int_eq (run (&out, &err, "reanchor", path, "--article", unknown, NULL), 1);
  expected = g_strdup_printf ("repartee-tool: %s has no article with the id “d9”\n", path);
  ck_assert_str_eq (err, expected);
  ck_assert_int_eq (run (&out, &err, "reanchor", path, "--article", bad_text, NULL), 1);
  g_free (expected);
  expected = g_strdup_printf ("repartee-tool: %s: line 1, column 4: the file is not UTF-8 text; "
                              "save it as UTF-8 and import it again\n", latin1);
  ck_assert_str_eq (err, expected);
  ck_assert_int_eq (run (&out, &err, "reanchor", path, "--article", "d2", NULL), 2);
  ck_assert (g_str_has_prefix (err, "repartee-tool reanchor: --article takes ID=FILE, not “d2”\n"));
  ck_assert_int_eq (run (&out, &err, "reanchor", path, "--article", twice, "--article", twice, NULL), 2);
  ck_assert (g_str_has_prefix (err, "repartee-tool reanchor: --article d2 is given twice\n"));
  ck_assert_int_eq (run (&out, &err, "reanchor", NULL), 2);
  ck_assert_int_eq (run (&out, &err, "reanchor", path, path, NULL), 2);
  ck_assert_int_eq (run (&out, &err, "reanchor", missing, NULL), 1);
  ck_assert_str_eq (out, "");
  {
    g_autofree char *after = rpt_test_read_file (path, NULL);

    ck_assert_str_eq (after, before);
  }
}
END_TEST

/* A save that fails leaves the file as it was and says so. */
START_TEST (test_failed_save)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = write_edited (dir, TRUE, TRUE, TRUE);
  g_autofree char *before = rpt_test_read_file (path, NULL);
  g_autofree char *script = g_strdup_printf ("ulimit -f 2; \"$TOOL\" reanchor '%s'", path);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *after = NULL;

  ck_assert_uint_gt (strlen (before), 2048);
  ck_assert_int_eq (run_shell (script, &out, &err), 1);
  ck_assert_ptr_nonnull (strstr (err, "project.json was not changed"));
  after = rpt_test_read_file (path, NULL);
  ck_assert_str_eq (after, before);
}
END_TEST

START_TEST (test_stats_lists_orphans)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = write_edited (dir, FALSE, TRUE, FALSE);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *orphans;
  JsonObject *first;

  ck_assert_int_eq (run (&out, &err, "reanchor", path, NULL), 0);
  ck_assert_int_eq (run (&out, &err, "stats", path, NULL), 0);
  ck_assert (g_str_has_prefix (out, "6 annotations\n"));
  ck_assert (g_str_has_suffix (out, "\n2 orphans (not placed in their text; open the project in Repartee to place or delete them):\n"
                                    "  a4 in d2 (Joke): “One of them joked that the fish would use it first.”\n"
                                    "  a5 in d2 (Diplomatic signal): “Nobody from the council replied.”\n"));

  ck_assert_int_eq (run (&out, &err, "stats", "--json", path, NULL), 0);
  ck_assert (json_parser_load_from_data (parser, out, -1, NULL));
  orphans = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "orphans");
  ck_assert_uint_eq (json_array_get_length (orphans), 2);
  first = json_array_get_object_element (orphans, 0);
  ck_assert_str_eq (json_object_get_string_member (first, "id"), "a4");
  ck_assert_str_eq (json_object_get_string_member (first, "document"), "d2");
  ck_assert_str_eq (json_object_get_string_member (first, "label"), "joke");
  ck_assert (json_object_get_null_member (first, "speaker"));
  ck_assert_str_eq (json_object_get_string_member (first, "quote"),
                    "One of them joked that the fish would use it first.");
}
END_TEST

/* Two annotations with one label whose quotes converge on one sentence
 * (the other sentence that said the same was deleted): reanchor keeps the
 * one whose sentence survived, makes the other an orphan, and saves a file
 * that validate accepts. Edited by hand, and replaced from a file. */
START_TEST (test_converging_annotations_stay_valid)
{
  const struct { const char *deleted, *orphan; } cases[] = {
    { TWICE_FIRST_SENTENCE, "a1" },
    { TWICE_SECOND_SENTENCE, "a2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint by_file = 0; by_file < 2; by_file++)
      {
        g_autofree char *dir = rpt_test_make_tmpdir ();
        g_autoptr(RptProject) project = fixture_twice_project ();
        g_autofree char *data = fixture_bytes (project);
        g_autofree char *edited = fixture_twice_without (cases[i].deleted);
        g_autofree char *path = NULL, *text = NULL, *article = NULL;
        g_autofree char *out = NULL, *err = NULL;
        g_autofree char *orphans = g_strdup_printf (
          "1 orphan (not placed in its text; open the project in Repartee to place or delete it):\n"
          "  %s in d1 (Claim): “" TWICE_QUOTE "”\n", cases[i].orphan);

        if (by_file)
          {
            path = rpt_test_write_file (dir, "project.json", data, -1);
            text = rpt_test_write_file (dir, "d1.txt", edited, -1);
            article = g_strdup_printf ("d1=%s", text);
            ck_assert_int_eq (run (&out, &err, "reanchor", path, "--article", article, NULL), 0);
          }
        else
          {
            g_autofree char *from = g_strdup_printf ("\"text\": \"%s\"", TWICE);
            g_autofree char *to = g_strdup_printf ("\"text\": \"%s\"", edited);
            g_autofree char *by_hand = fixture_replace (data, from, to);

            path = rpt_test_write_file (dir, "project.json", by_hand, -1);
            ck_assert_int_eq (run (&out, &err, "reanchor", path, NULL), 0);
          }
        ck_assert_str_eq (err, "");
        ck_assert_msg (run (&out, &err, "validate", path, NULL) == 0, "%s", err);
        ck_assert_str_eq (err, "");
        ck_assert_msg (g_str_has_suffix (out, orphans), "%s", out);
      }
}
END_TEST

static Suite *
tool_reanchor_suite (void)
{
  Suite *s = suite_create ("tool-reanchor");
  TCase *tc = tcase_create ("reanchor");

  tcase_add_test (tc, test_reanchor_edited_file);
  tcase_add_test (tc, test_dry_run_changes_nothing);
  tcase_add_test (tc, test_replace_from_file);
  tcase_add_test (tc, test_edited_and_replaced);
  tcase_add_test (tc, test_refusals);
  tcase_add_test (tc, test_failed_save);
  tcase_add_test (tc, test_stats_lists_orphans);
  tcase_add_test (tc, test_converging_annotations_stay_valid);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (tool_reanchor_suite)
