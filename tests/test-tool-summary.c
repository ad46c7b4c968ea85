/* test-tool-summary.c: repartee-tool summary in each format, on the
 * fixture's four articles: what is printed, what lands on disk, and the
 * errors.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "rpt-summary-fixture.h"
#include "rpt-test-util.h"

static char *dir;
static char *project_path;
static Fixture *fixture;

static void
setup (void)
{
  g_autoptr(GError) error = NULL;

  dir = rpt_test_make_tmpdir ();
  project_path = g_build_filename (dir, "harbour.json", NULL);
  fixture = fixture_new ();
  ck_assert_msg (rpt_project_save_to_file (fixture->project, project_path, &error),
                 "%s", error ? error->message : "");
}

static void
teardown (void)
{
  g_clear_pointer (&fixture, fixture_free);
  g_clear_pointer (&project_path, g_free);
  g_clear_pointer (&dir, g_free);
}

static char *
run_ok (const char * const *argv)
{
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = rpt_test_run_tool (argv, &out, &err);

  ck_assert_msg (status == 0, "exit %d: %s", status, err);
  return out;
}

static JsonNode *
find_statement (JsonArray  *statements,
                const char *text_part)
{
  for (guint i = 0; i < json_array_get_length (statements); i++)
    {
      JsonObject *s = json_array_get_object_element (statements, i);

      if (strstr (json_object_get_string_member (s, "text"), text_part))
        return json_array_get_element (statements, i);
    }
  ck_abort_msg ("no statement with “%s”", text_part);
  return NULL;
}

START_TEST (test_json)
{
  const char *argv[] = { "summary", project_path, "--format", "json", NULL };
  g_autofree char *out = run_ok (argv);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *totals, *money, *reputation, *gazette, *ledger, *counts;
  JsonArray *statements, *threads, *entries, *members, *by_label_speaker, *left_out;
  const char *money_id, *boats_id;
  gboolean found = FALSE;

  ck_assert_msg (json_parser_load_from_data (parser, out, -1, &error), "%s", error ? error->message : "");
  root = json_node_get_object (json_parser_get_root (parser));
  ck_assert_str_eq (json_object_get_string_member (root, "format"), "repartee-summary");
  ck_assert_int_eq (json_object_get_int_member (root, "version"), 1);
  ck_assert_str_eq (json_object_get_string_member (root, "title"), "harbour.json");

  totals = json_object_get_object_member (root, "totals");
  ck_assert_int_eq (json_object_get_int_member (totals, "articles"), 4);
  ck_assert_int_eq (json_object_get_int_member (totals, "annotations"), 20);
  ck_assert_int_eq (json_object_get_int_member (totals, "statements"), 11);
  ck_assert_int_eq (json_object_get_int_member (totals, "shared_statements"), 5);

  /* One statement per group, with all its reports. */
  statements = json_object_get_array_member (root, "statements");
  ck_assert_uint_eq (json_array_get_length (statements), 11);
  money = json_node_get_object (find_statement (statements, "money"));
  ck_assert_int_eq (json_object_get_int_member (money, "reported_by"), 3);
  ck_assert_str_eq (json_object_get_string_member (money, "label"), "rebuttal");
  members = json_object_get_array_member (money, "members");
  ck_assert_uint_eq (json_array_get_length (members), 3);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (members, 1), "text"),
                    "Not with our money.");
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (members, 1), "article"),
                    "courier");
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (members, 0), "annotation"),
                    fixture_id (fixture, "S2.1"));
  money_id = json_object_get_string_member (money, "id");
  boats_id = json_object_get_string_member (json_node_get_object (find_statement (statements, "protest boats")), "id");
  reputation = json_node_get_object (find_statement (statements, "really worries"));
  ck_assert_int_eq (json_object_get_int_member (reputation, "reported_by"), 3);

  /* The first thread: claim, rebuttal, counter-rebuttal, answer. */
  threads = json_object_get_array_member (root, "threads");
  ck_assert_uint_eq (json_array_get_length (threads), 7);
  entries = json_object_get_array_member (json_array_get_object_element (threads, 0), "entries");
  ck_assert_uint_eq (json_array_get_length (entries), 4);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (entries, 0), "statement"), boats_id);
  ck_assert (json_object_get_null_member (json_array_get_object_element (entries, 0), "parent"));
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (entries, 1), "statement"), money_id);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (entries, 1), "parent"), boats_id);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (entries, 1), "relation"), "rebuts");
  ck_assert_int_eq (json_object_get_int_member (json_array_get_object_element (entries, 3), "depth"), 3);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (entries, 3), "relation"),
                    "responds-to");
  ck_assert_uint_eq (json_array_get_length (json_object_get_array_member (root, "links")), 5);

  /* Coverage */
  gazette = json_array_get_object_element (json_object_get_array_member (root, "articles"), 0);
  ledger = json_array_get_object_element (json_object_get_array_member (root, "articles"), 2);
  ck_assert_str_eq (json_object_get_string_member (gazette, "id"), "gazette");
  ck_assert_int_eq (json_object_get_int_member (gazette, "shared_reported"), 5);
  ck_assert_uint_eq (json_array_get_length (json_object_get_array_member (gazette, "left_out")), 0);
  left_out = json_object_get_array_member (ledger, "left_out");
  ck_assert_uint_eq (json_array_get_length (left_out), 2);
  ck_assert_str_eq (json_array_get_string_element (left_out, 0),
                    json_object_get_string_member (json_node_get_object (find_statement (statements, "calls him weak")), "id"));

  /* Counts */
  counts = json_object_get_object_member (root, "counts");
  by_label_speaker = json_object_get_array_member (counts, "by_label_speaker");
  for (guint i = 0; i < json_array_get_length (by_label_speaker); i++)
    {
      JsonObject *row = json_array_get_object_element (by_label_speaker, i);

      if (g_str_equal (json_object_get_string_member (row, "label"), "rebuttal") &&
          json_object_get_null_member (row, "speaker"))
        {
          ck_assert_int_eq (json_object_get_int_member (row, "annotations"), 1);
          ck_assert_int_eq (json_object_get_int_member (row, "statements"), 0);
          found = TRUE;
        }
    }
  ck_assert (found);
  ck_assert_int_eq (json_object_get_int_member (json_object_get_object_member (
                      json_array_get_object_element (json_object_get_array_member (counts, "by_article"), 2),
                      "by_label"), "diplomatic-signal"), 2);
}
END_TEST

START_TEST (test_markdown)
{
  const char *argv[] = { "summary", project_path, NULL };
  g_autofree char *out = run_ok (argv);
  const char *claim, *rebuttal, *counter;

  ck_assert_msg (g_str_has_prefix (out, "# Summary of the exchange: harbour.json\n"), "%s", out);
  ck_assert_ptr_nonnull (strstr (out, "4 articles · 20 annotations · 11 statements · 5 reported by several articles"));
  claim = strstr (out, "- **Claim** · Ingrid Halvorsen: “Secretary Okafor assured me that his government "
                       "never funded the protest boats.”");
  rebuttal = strstr (out, "  - ↳ *Rebuts* · **Rebuttal** · Daniel Okafor: “Not with our money”");
  counter = strstr (out, "    - ↳ *Rebuts* · **Rebuttal** · Ingrid Halvorsen: “You see, he must say this");
  ck_assert_msg (claim && rebuttal && counter, "%s", out);
  ck_assert (claim < rebuttal && rebuttal < counter);
  ck_assert_ptr_nonnull (strstr (out, "*reported by 3 of 4 articles:* Harbour talks end in sharp words; "
                                      "Halvorsen and Okafor clash over boats; Minister and Secretary trade barbs"));
  /* the link the threads cannot show, on both of its ends */
  ck_assert_ptr_nonnull (strstr (out, "  \n  Also responds to “It is your reputation that really worries me, Ingrid”\n"));
  ck_assert_ptr_nonnull (strstr (out, "  \n        Answered by “Secretary Okafor assured me that his government never funded…”\n"));
  /* coverage row of the Post: three left out */
  ck_assert_ptr_nonnull (strstr (out, "| Ministers meet at the harbour | 4 | 2 / 5 | “Secretary Okafor"));
  ck_assert_ptr_nonnull (strstr (out, "| Daniel Okafor | 2 | 5 | 1 | 0 | 8 |"));
}
END_TEST

START_TEST (test_html_to_file)
{
  g_autofree char *path = g_build_filename (dir, "summary.html", NULL);
  const char *argv[] = { "summary", project_path, "--format", "html", "-o", path, NULL };
  g_autofree char *out = run_ok (argv);
  g_autofree char *html = NULL;

  ck_assert_str_eq (out, "");
  html = rpt_test_read_file (path, NULL);
  ck_assert (g_str_has_prefix (html, "<!DOCTYPE html>"));
  ck_assert_ptr_nonnull (strstr (html, "</html>\n"));
  /* self-contained: inline style, nothing fetched */
  ck_assert_ptr_nonnull (strstr (html, "<style>"));
  ck_assert_ptr_null (strstr (html, "<script"));
  ck_assert_ptr_null (strstr (html, "<link"));
  ck_assert_ptr_null (strstr (html, "http"));
  ck_assert_ptr_null (strstr (html, "src="));
  /* text escaped, threads nested */
  ck_assert_ptr_nonnull (strstr (html, "<blockquote>“Not with our money”</blockquote>"));
  ck_assert_ptr_nonnull (strstr (html, "<ul class=\"replies\"><li><div class=\"card lane-b\" style=\"--label:#e01b24\">"));
  ck_assert_ptr_nonnull (strstr (html, "reported by 3 of 4 articles"));
}
END_TEST

START_TEST (test_html_escapes)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "summary", project_path, "--format", "html", NULL };
  g_autofree char *out = NULL;
  RptSpeaker *speaker = rpt_project_add_speaker (fixture->project, "<script>alert(1)</script>", NULL);

  rpt_project_set_annotation_speaker (fixture->project, fixture_id (fixture, "S6.1"),
                                      rpt_speaker_get_id (speaker), NULL);
  ck_assert (rpt_project_save_to_file (fixture->project, project_path, &error));
  out = run_ok (argv);
  ck_assert_ptr_null (strstr (out, "<script"));
  ck_assert_ptr_nonnull (strstr (out, "&lt;script&gt;alert(1)&lt;/script&gt;"));
}
END_TEST

START_TEST (test_errors)
{
  g_autofree char *bad = rpt_test_write_file (dir, "bad.json", "{\"format\": 3}", -1);
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL, *out3 = NULL, *err3 = NULL;
  g_autofree char *target = g_build_filename (dir, "kept.md", NULL);
  g_autofree char *kept = NULL;
  const char *wrong_format[] = { "summary", project_path, "--format", "pdf", NULL };
  /* --force: the existing file may go, but not for a project that fails. */
  const char *bad_project[] = { "summary", "--force", bad, "-o", target, NULL };
  const char *no_dir[] = { "summary", project_path, "-o", "/nonexistent/folder/x.md", NULL };

  ck_assert_int_eq (rpt_test_run_tool (wrong_format, &out, &err), 2);
  ck_assert_ptr_nonnull (strstr (err, "“pdf” is not a format"));

  g_file_set_contents (target, "old", -1, NULL);
  ck_assert_int_eq (rpt_test_run_tool (bad_project, &out2, &err2), 1);
  ck_assert_ptr_nonnull (strstr (err2, "bad.json"));
  kept = rpt_test_read_file (target, NULL);
  ck_assert_str_eq (kept, "old");

  ck_assert_int_eq (rpt_test_run_tool (no_dir, &out3, &err3), 1);
  ck_assert_ptr_nonnull (strstr (err3, "/nonexistent/folder"));
}
END_TEST

static Suite *
tool_summary_suite (void)
{
  Suite *s = suite_create ("tool-summary");
  TCase *tc = tcase_create ("summary");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_json);
  tcase_add_test (tc, test_markdown);
  tcase_add_test (tc, test_html_to_file);
  tcase_add_test (tc, test_html_escapes);
  tcase_add_test (tc, test_errors);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (tool_summary_suite)
