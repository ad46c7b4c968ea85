/* test-scale.c: what used to cost the square of its size. A summary of a
 * 20,000-deep relation chain is made, and its size grows with the number of
 * statements; ids made for many records are unique and follow the
 * documented pattern; repartee-tool add of thousands of files adds every
 * one. No timings here (they are in bench/): the tests check what the user
 * gets, and the summary's size bound fails for output that grows with the
 * square of the chain.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rpt-chain-fixture.h"
#include "rpt-import-text.h"
#include "rpt-summary-format.h"
#include "rpt-tool-test.h"

#define CHAIN 20000

/* Check's assertions report every success to the runner; in loops over
 * thousands of items that costs more than the work under AddressSanitizer,
 * so loops note the first difference and assert once. */
static void
note_first (GString    *first,
            const char *what,
            const char *got,
            const char *expected)
{
  if (first->len == 0 && g_strcmp0 (got, expected) != 0)
    g_string_printf (first, "%s: “%s”, not “%s”", what, got, expected);
}

static RptProject *chain;
static RptSummary *chain_summary;

static void
chain_setup (void)
{
  chain = chain_project_new (CHAIN);
  chain_summary = rpt_summary_new (chain);
}

static void
chain_teardown (void)
{
  g_clear_pointer (&chain_summary, rpt_summary_unref);
  g_clear_object (&chain);
}

/* The deepest nesting of <ul> elements in @html. */
static guint
ul_depth (const char *html)
{
  guint depth = 0, deepest = 0, closed = 0;
  gboolean unbalanced = FALSE;

  for (const char *p = html; (p = strchr (p, '<')); p++)
    {
      if (g_str_has_prefix (p, "<ul"))
        {
          depth++;
          deepest = MAX (deepest, depth);
        }
      else if (g_str_has_prefix (p, "</ul>"))
        {
          unbalanced |= depth == 0;
          depth -= depth > 0;
          closed++;
        }
    }
  ck_assert (!unbalanced);
  ck_assert_uint_eq (depth, 0);
  ck_assert_uint_gt (closed, 0);
  return deepest;
}

/* Not with strstr(): AddressSanitizer's strstr checks the whole rest of
 * the haystack at each call, which made this quadratic. */
static guint
count (const char *haystack,
       const char *needle)
{
  const char *end = haystack + strlen (haystack);
  gsize len = strlen (needle);
  guint n = 0;

  for (const char *p = haystack; (p = g_strstr_len (p, end - p, needle)); p += len)
    n++;
  return n;
}

/* The chain is one thread, 20,000 deep. */
START_TEST (test_chain_threads)
{
  const RptSummaryRow *last;

  ck_assert_uint_eq (rpt_summary_get_n_rows (chain_summary), CHAIN);
  ck_assert_uint_eq (rpt_summary_get_n_threads (chain_summary), 1);
  last = rpt_summary_get_row (chain_summary, CHAIN - 1);
  ck_assert_uint_eq (last->depth, CHAIN - 1);
  ck_assert_int_eq (last->parent, CHAIN - 2);
}
END_TEST

/* Markdown: the nesting stops at RPT_SUMMARY_MAX_NESTING levels and the
 * deeper answers name what they answer; the size grows with the chain
 * (indenting every answer one step more made a 4,000 chain 32 MB). */
START_TEST (test_chain_markdown)
{
  g_autofree char *md = rpt_summary_to_markdown (chain_summary, "chain.json");
  g_auto(GStrv) lines = g_strsplit (md, "\n", -1);
  g_autofree char *deepest = g_strnfill (RPT_SUMMARY_MAX_NESTING * 2, ' ');
  gsize widest = 0;

  ck_assert_msg (strlen (md) < (gsize) CHAIN * 300, "%zu bytes for %u statements", strlen (md), CHAIN);
  for (guint i = 0; lines[i]; i++)
    widest = MAX (widest, strspn (lines[i], " "));
  ck_assert_uint_eq (widest, RPT_SUMMARY_MAX_NESTING * 2 + 2);

  /* Down to the deepest level, as before; then one answer under the other,
   * each saying which statement it answers. */
  ck_assert_contains (md, "\n      - ↳ *Rebuts* · **Rebuttal** · Unattributed: “s3”  \n");
  {
    g_autofree char *at_cap = g_strdup_printf ("\n%s- ↳ *Rebuts* · **Rebuttal** · Unattributed: “s8”  \n", deepest);
    g_autofree char *past = g_strdup_printf ("\n%s- ↳ *Rebuts “s8”* · **Rebuttal** · Unattributed: “s9”  \n", deepest);
    g_autofree char *end = g_strdup_printf ("\n%s- ↳ *Rebuts “s%u”* · **Rebuttal** · Unattributed: “s%u”  \n",
                                            deepest, CHAIN - 2, CHAIN - 1);

    ck_assert_contains (md, at_cap);
    ck_assert_contains (md, past);
    ck_assert_contains (md, end);
  }
  ck_assert_uint_eq (count (md, "- ↳ *Rebuts"), CHAIN - 1);
}
END_TEST

/* HTML: lists nest no deeper than the Markdown (browsers stop nesting a
 * few hundred elements deep), and every statement is there. */
START_TEST (test_chain_html)
{
  g_autofree char *html = rpt_summary_to_html (chain_summary, "chain.json");
  g_autofree char *end = g_strdup_printf ("↳ Rebuts “s%u”</span>", CHAIN - 2);

  ck_assert_msg (strlen (html) < (gsize) CHAIN * 800, "%zu bytes for %u statements", strlen (html), CHAIN);
  /* The thread's list, the levels of answers, and a card's list of sources. */
  ck_assert_uint_eq (ul_depth (html), 1 + RPT_SUMMARY_MAX_NESTING + 1);
  ck_assert_uint_eq (count (html, "<li"), count (html, "</li>"));
  ck_assert_uint_eq (count (html, "<blockquote>"), CHAIN);
  ck_assert_contains (html, "<span class=\"relation\">↳ Rebuts</span><span class=\"label\">Rebuttal</span>");
  ck_assert_contains (html, end);
}
END_TEST

/* JSON keeps every depth (it is data, not a page) and stays linear. */
START_TEST (test_chain_json)
{
  g_autofree char *json = rpt_summary_to_json (chain_summary, "chain.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *threads, *entries;
  JsonObject *last;

  ck_assert_msg (strlen (json) < (gsize) CHAIN * 1000, "%zu bytes for %u statements", strlen (json), CHAIN);
  ck_assert_msg (json_parser_load_from_data (parser, json, -1, &error), "%s", error ? error->message : "");
  threads = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "threads");
  ck_assert_uint_eq (json_array_get_length (threads), 1);
  entries = json_object_get_array_member (json_array_get_object_element (threads, 0), "entries");
  ck_assert_uint_eq (json_array_get_length (entries), CHAIN);
  last = json_array_get_object_element (entries, CHAIN - 1);
  ck_assert_int_eq (json_object_get_int_member (last, "depth"), CHAIN - 1);
  ck_assert_str_eq (json_object_get_string_member (last, "relation"), "rebuts");
}
END_TEST

/* Left-out statements: the HTML lists 50 per article, as the Summary view
 * does, then says how many more (the full lists grow with articles ×
 * shared statements); Markdown lists 10; JSON keeps them all. */
START_TEST (test_left_out_lists)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) entities = g_string_new (NULL);
  g_autoptr(GString) data = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = NULL;
  g_autoptr(RptSummary) summary = NULL;
  g_autofree char *md = NULL, *html = NULL, *json = NULL;
  g_autofree char *html_row = NULL;
  RptImportOptions options;
  RptImportInput input;

  for (guint i = 0; i < 60; i++)
    {
      guint start = (guint) text->len;

      g_string_append_printf (text, "Statement number %u is said here. ", i);
      g_string_append_printf (entities, "%s[%u, %u, \"Claim\"]", i ? ", " : "", start, (guint) text->len - 1);
    }
  for (guint a = 0; a < 2; a++)
    g_string_append_printf (data, "{\"id\": \"full-%u\", \"title\": \"Full %u\", \"text\": \"%s\", \"label\": [%s]}\n",
                            a, a, text->str, entities->str);
  g_string_append (data, "{\"id\": \"short\", \"title\": \"Short\", \"text\": \"Nothing said.\", \"label\": []}\n");
  rpt_import_options_init (&options, RPT_IMPORT_JSONL);
  input = (RptImportInput) { "left.jsonl", data->str, data->len };
  project = rpt_import_dataset_from_inputs (&options, &input, 1, NULL, &error);
  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  summary = rpt_summary_new (project);
  ck_assert_uint_eq (rpt_summary_get_n_shared_groups (summary), 60);

  html = rpt_summary_to_html (summary, "left.json");
  html_row = g_strdup (strstr (html, "<tr><td>Short</td>"));
  ck_assert_ptr_nonnull (html_row);
  *strstr (html_row, "</tr>") = '\0';
  ck_assert_uint_eq (count (html_row, "<li>"), 50);
  ck_assert_contains (html_row, "<li>“Statement number 49 is said here.”</li><li class=\"dim\">and 10 more</li></ul>");

  md = rpt_summary_to_markdown (summary, "left.json");
  ck_assert_contains (md, "| Short | 0 | 0 / 60 | “Statement number 0 is said here.”; ");
  ck_assert_contains (md, "“Statement number 9 is said here.”; and 50 more |\n");
  ck_assert_contains (md, "| Full 0 | 60 | 60 / 60 | — |\n");

  json = rpt_summary_to_json (summary, "left.json");
  ck_assert_uint_eq (count (json, "\"left_out\": []"), 2);
  ck_assert_contains (json, "\"shared_reported\": 0, \"left_out\": [\"s1\", \"s2\"");
  ck_assert_contains (json, "\"s59\", \"s60\"]}");
}
END_TEST

/* ---- Ids made for many records ---- */

#define N_LINES 30000

/* JSON Lines without ids: "notes-1", "notes-2"… in the order of the file,
 * skipping ids the file gives and reusing the number of a refused line. */
START_TEST (test_jsonl_ids)
{
  g_autoptr(GString) data = g_string_new (NULL);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) wrong = g_string_new (NULL);
  gboolean repeated = FALSE;
  RptImportOptions options;
  RptImportInput input;
  GListModel *documents;

  for (guint line = 1; line <= N_LINES; line++)
    {
      if (line == 2)
        g_string_append (data, "{\"id\": \"notes-3\", \"text\": \"Line 2.\"}\n");
      else if (line == 5)
        g_string_append (data, "{\"text\": \"Line 5.\", \"label\": [[0, 99, \"Claim\"]]}\n");
      else
        g_string_append_printf (data, "{\"text\": \"Line %u.\"}\n", line);
    }
  rpt_import_options_init (&options, RPT_IMPORT_JSONL);
  options.skip_bad = TRUE;
  input = (RptImportInput) { "notes.jsonl", data->str, data->len };
  project = rpt_import_dataset_from_inputs (&options, &input, 1, warnings, &error);
  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (warnings->len, 1);
  ck_assert_contains ((char *) g_ptr_array_index (warnings, 0), "line 5");

  documents = rpt_project_get_documents (project);
  ck_assert_uint_eq (g_list_model_get_n_items (documents), N_LINES - 1);
  for (guint i = 0; i < N_LINES - 1; i++)
    {
      g_autoptr(RptDocument) document = g_list_model_get_item (documents, i);
      const char *id = rpt_document_get_id (document);
      /* Lines 1, 2, 3, 4, 6, 7…: notes-1, notes-3 (given), notes-2,
       * notes-4, then notes-5 for line 6 (line 5 was refused) and on. */
      static const guint first[] = { 1, 3, 2, 4 };
      guint line = i < 4 ? i + 1 : i + 2;
      g_autofree char *expected = g_strdup_printf ("notes-%u", i < 4 ? first[i] : line - 1);
      g_autofree char *text = g_strdup_printf ("Line %u.", line);

      note_first (wrong, "id", id, expected);
      note_first (wrong, "text", rpt_document_get_text (document), text);
      repeated |= !g_hash_table_add (seen, (gpointer) id);
    }
  ck_assert_msg (wrong->len == 0, "%s", wrong->str);
  ck_assert (!repeated);
}
END_TEST

/* Plain-text files with the same name: "notes", "notes-2", "notes-3"…,
 * past a file whose own name took one of them. */
START_TEST (test_text_ids_same_name)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree RptImportInput *inputs = g_new (RptImportInput, 3000);
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = NULL;
  g_autoptr(GString) wrong = g_string_new (NULL);
  RptImportOptions options;
  GListModel *documents;

  for (guint i = 0; i < 3000; i++)
    {
      char *text = g_strdup_printf ("Note number %u.\n", i);

      g_ptr_array_add (texts, text);
      inputs[i] = (RptImportInput) { i == 1 ? "notes-3.txt" : "notes.txt", text, strlen (text) };
    }
  rpt_import_options_init (&options, RPT_IMPORT_TEXT);
  project = rpt_import_dataset_from_inputs (&options, inputs, 3000, NULL, &error);
  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  documents = rpt_project_get_documents (project);
  ck_assert_uint_eq (g_list_model_get_n_items (documents), 3000);
  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr(RptDocument) document = g_list_model_get_item (documents, i);
      g_autofree char *expected = i == 0 ? g_strdup ("notes")
                                  : g_strdup_printf ("notes-%u", i == 1 ? 3 : i == 2 ? 2 : i + 1);

      note_first (wrong, "id", rpt_document_get_id (document), expected);
    }
  ck_assert_msg (wrong->len == 0, "%s", wrong->str);
}
END_TEST

/* Articles added to a project one by one, as add and the window do: each
 * "notes.txt" takes the next free name, and a name freed by removing its
 * article (or undoing its import) is taken again. */
START_TEST (test_project_ids_same_name)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(GString) wrong = g_string_new (NULL);

  for (guint i = 1; i <= 3000; i++)
    {
      g_autofree char *text = g_strdup_printf ("Note number %u.\n", i);
      g_autofree char *expected = i == 1 ? g_strdup ("notes") : g_strdup_printf ("notes-%u", i);
      g_autoptr(RptDocument) document = rpt_import_text (project, "/a/notes.txt", text, strlen (text), NULL);

      note_first (wrong, "id", document ? rpt_document_get_id (document) : "(refused)", expected);
      if (document == NULL || !rpt_project_add_document (project, document, NULL))
        break;
    }
  ck_assert_msg (wrong->len == 0, "%s", wrong->str);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (project)), 3000);

  rpt_project_remove_document (project, "notes-1500");
  {
    g_autoptr(RptDocument) again = rpt_import_text (project, "/b/notes.txt", "Again.\n", 7, NULL);

    ck_assert_str_eq (rpt_document_get_id (again), "notes-1500");
    ck_assert (rpt_project_add_document (project, again, NULL));
  }
  /* Undoing that import frees the name again. */
  ck_assert (rpt_project_undo (project));
  {
    g_autoptr(RptDocument) next = rpt_import_text (project, "/c/notes.txt", "Next.\n", 6, NULL);

    ck_assert_str_eq (rpt_document_get_id (next), "notes-1500");
  }
}
END_TEST

/* ---- repartee-tool add of many files ---- */

#define N_FILES 4000
#define N_SAME  500

/* Every file becomes an article, in the order given, under its own name
 * or the next free one; texts already in the project are refused, each
 * named, and nothing is written. */
START_TEST (test_add_many_files)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *project_path = g_build_filename (dir, "many.json", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(RptProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  g_autoptr(GString) wrong = g_string_new (NULL);
  gboolean written = TRUE;
  GListModel *documents;
  int status;

  g_ptr_array_add (argv, g_strdup ("add"));
  g_ptr_array_add (argv, g_strdup (project_path));
  for (guint i = 0; i < N_FILES; i++)
    {
      g_autofree char *name = g_strdup_printf ("article-%05u.txt", i);
      g_autofree char *text = g_strdup_printf ("Article %u\n\nThe minister said %u things.\n", i, i);

      char *path = g_build_filename (dir, name, NULL);

      written &= g_file_set_contents (path, text, -1, NULL);
      g_ptr_array_add (argv, path);
    }
  for (guint i = 0; i < N_SAME; i++)
    {
      g_autofree char *folder = g_strdup_printf ("%s/day-%03u", dir, i);
      g_autofree char *text = g_strdup_printf ("Notes of day %u\n", i);
      char *path = g_build_filename (folder, "notes.txt", NULL);

      written &= g_mkdir (folder, 0700) == 0 && g_file_set_contents (path, text, -1, NULL);
      g_ptr_array_add (argv, path);
    }
  ck_assert (written);
  g_ptr_array_add (argv, NULL);

  status = rpt_test_run_tool ((const char * const *) argv->pdata, &out, &err);
  ck_assert_msg (status == 0, "exit %d: %s", status, err);
  ck_assert_uint_eq (count (out, "\nAdded ") + g_str_has_prefix (out, "Added "), N_FILES + N_SAME);
  {
    g_autofree char *last = g_strdup_printf ("Added %s as “notes-%u”: “Notes of day %u”",
                                             (char *) g_ptr_array_index (argv, N_FILES + N_SAME + 1),
                                             N_SAME, N_SAME - 1);

    ck_assert_contains (out, last);
  }
  created = g_strdup_printf ("Created %s (%u articles)\n", project_path, N_FILES + N_SAME);
  ck_assert (g_str_has_suffix (out, created));

  project = rpt_project_load_from_file (project_path, &error);
  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  documents = rpt_project_get_documents (project);
  ck_assert_uint_eq (g_list_model_get_n_items (documents), N_FILES + N_SAME);
  for (guint i = 0; i < N_FILES + N_SAME; i++)
    {
      g_autoptr(RptDocument) document = g_list_model_get_item (documents, i);
      g_autofree char *id = i < N_FILES ? g_strdup_printf ("article-%05u", i)
                            : i == N_FILES ? g_strdup ("notes") : g_strdup_printf ("notes-%u", i - N_FILES + 1);
      g_autofree char *title = i < N_FILES ? g_strdup_printf ("Article %u", i)
                               : g_strdup_printf ("Notes of day %u", i - N_FILES);

      note_first (wrong, "id", rpt_document_get_id (document), id);
      note_first (wrong, "title", rpt_document_get_title (document), title);
    }
  ck_assert_msg (wrong->len == 0, "%s", wrong->str);

  /* Again, with one new file: the others are found in the saved project
   * (the same text as the first article under another name too) and
   * refused; then the new file alone is added. */
  {
    g_autofree char *copy = rpt_test_write_file (dir, "copy.txt", "Article 0\n\nThe minister said 0 things.\n", -1);
    g_autofree char *fresh = rpt_test_write_file (dir, "notes.txt", "Notes of the last day\n", -1);
    const char *again[] = { "add", project_path, g_ptr_array_index (argv, 2), g_ptr_array_index (argv, N_FILES + 2),
                            copy, fresh, NULL };
    const char *only_fresh[] = { "add", project_path, fresh, NULL };
    g_autofree char *refused_article = g_strdup_printf ("%s: the same text is already in the project as “Article 0” "
                                                        "(article “article-00000”)", again[2]);
    g_autofree char *refused_notes = g_strdup_printf ("%s: the same text is already in the project as “Notes of day 0” "
                                                      "(article “notes”)", again[3]);
    g_autofree char *refused_copy = g_strdup_printf ("%s: the same text is already in the project as “Article 0” "
                                                     "(article “article-00000”)", copy);
    g_autofree char *added = g_strdup_printf ("Added %s as “notes-%u”: “Notes of the last day”", fresh, N_SAME + 1);
    g_autofree char *before = NULL;
    gsize before_len;

    before = rpt_test_read_file (project_path, &before_len);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    status = rpt_test_run_tool (again, &out, &err);
    ck_assert_msg (status == 1, "exit %d: %s", status, out);
    ck_assert_contains (err, refused_article);
    ck_assert_contains (err, refused_notes);
    ck_assert_contains (err, refused_copy);
    ck_assert (rpt_test_file_equals (project_path, before, before_len));

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    status = rpt_test_run_tool (only_fresh, &out, &err);
    ck_assert_msg (status == 0, "exit %d: %s", status, err);
    ck_assert_contains (out, added);
  }
}
END_TEST

static Suite *
scale_suite (void)
{
  Suite *s = suite_create ("scale");
  TCase *tc = tcase_create ("chain");

  tcase_add_unchecked_fixture (tc, chain_setup, chain_teardown);
  tcase_add_test (tc, test_chain_threads);
  tcase_add_test (tc, test_chain_markdown);
  tcase_add_test (tc, test_chain_html);
  tcase_add_test (tc, test_chain_json);
  suite_add_tcase (s, tc);

  tc = tcase_create ("left-out");
  tcase_add_test (tc, test_left_out_lists);
  suite_add_tcase (s, tc);

  tc = tcase_create ("ids");
  tcase_add_test (tc, test_jsonl_ids);
  tcase_add_test (tc, test_text_ids_same_name);
  tcase_add_test (tc, test_project_ids_same_name);
  suite_add_tcase (s, tc);

  tc = tcase_create ("add");
  tcase_add_test (tc, test_add_many_files);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (scale_suite)
