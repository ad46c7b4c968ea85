/* test-export-roundtrip.c: project -> export -> import gives the same
 * articles, spans, labels, speakers and relations; hostile article ids stay
 * inside the destination; folders are replaced whole or not at all; an
 * export reads a snapshot, so later edits do not leak into it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <glib/gstdio.h>

#include "export-fixture.h"
#include "rpt-export.h"
#include "rpt-import-dataset.h"
#include "rpt-output-guard.h"
#include "rpt-test-util.h"

FIXTURE_SUITE_STATE (project, fx, tmp)

static void
do_export (RptProject       *source,
           RptExportFormat   format,
           RptOffsetUnit     unit,
           const char       *dest)
{
  g_autoptr(GError) error = NULL;
  RptExportOptions options;

  rpt_export_options_init (&options, format);
  options.offsets = unit;
  ck_assert_msg (rpt_export (source, &options, dest, NULL, NULL, NULL, NULL, &error),
                 "export failed: %s", error ? error->message : "");
}

static RptProject *
do_import (RptImportFormat  format,
           RptOffsetUnit    unit,
           const char      *path)
{
  g_autoptr(GError) error = NULL;
  const char *paths[] = { path, NULL };
  RptImportOptions options;
  RptProject *result;

  rpt_import_options_init (&options, format);
  options.offsets = unit;
  result = rpt_import_dataset (&options, paths, NULL, &error);
  ck_assert_msg (result != NULL, "import failed: %s", error ? error->message : "");
  return result;
}

static char *
describe_labels (RptProject *p,
                 gboolean    with_keys)
{
  GListModel *labels = rpt_project_get_labels (p);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (labels, i);

      g_string_append_printf (out, "%s %s", rpt_label_get_name (label), rpt_label_get_color (label));
      if (with_keys)
        g_string_append_printf (out, " %u %s", rpt_label_get_shortcut (label), rpt_label_get_description (label));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static char *
describe_speakers (RptProject *p)
{
  GListModel *speakers = rpt_project_get_speakers (p);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
    {
      g_autoptr(RptSpeaker) speaker = g_list_model_get_item (speakers, i);
      g_string_append_printf (out, "%s\n", rpt_speaker_get_name (speaker));
    }
  return g_string_free (out, FALSE);
}

/* Same articles (text, and title and source when @with_titles), same
 * spans with labels, speakers and notes, same relations within articles. */
static void
assert_same_content (RptProject *a,
                     RptProject *b,
                     gboolean    with_titles)
{
  GListModel *docs = rpt_project_get_documents (a);
  g_autofree char *rel_a = fixture_describe_relations (a);
  g_autofree char *rel_b = fixture_describe_relations (b);

  ck_assert_uint_eq (g_list_model_get_n_items (docs), g_list_model_get_n_items (rpt_project_get_documents (b)));
  for (guint i = 0; i < g_list_model_get_n_items (docs); i++)
    {
      g_autoptr(RptDocument) da = g_list_model_get_item (docs, i);
      const char *id = rpt_document_get_id (da);
      RptDocument *db = rpt_project_get_document (b, id);
      g_autofree char *spans_a = fixture_describe_spans (a, id, TRUE);
      g_autofree char *spans_b = NULL;

      ck_assert_msg (db != NULL, "article “%s” is missing after the round trip", id);
      ck_assert_str_eq (rpt_document_get_text (db), rpt_document_get_text (da));
      if (with_titles)
        {
          ck_assert_str_eq (rpt_document_get_title (db), rpt_document_get_title (da));
          ck_assert_str_eq (rpt_document_get_source (db), rpt_document_get_source (da));
        }
      spans_b = fixture_describe_spans (b, id, TRUE);
      ck_assert_str_eq (spans_b, spans_a);
    }
  ck_assert_str_eq (rel_b, rel_a);
}

START_TEST (test_roundtrip_jsonl)
{
  RptOffsetUnit unit = _i;
  g_autofree char *dest = g_build_filename (tmp, "out.jsonl", NULL);
  g_autoptr(RptProject) back = NULL;
  g_autofree char *labels = NULL;
  g_autofree char *speakers = NULL;

  do_export (project, RPT_EXPORT_JSONL, unit, dest);
  /* The file names its unit: importing with the default unit still works. */
  back = do_import (RPT_IMPORT_JSONL, RPT_OFFSETS_CODEPOINTS, dest);
  assert_same_content (project, back, TRUE);

  /* Labels in use: the default ones first, in their usual order and
   * colours, then the others in order of first use. */
  labels = describe_labels (back, FALSE);
  ck_assert_str_eq (labels, "Claim #3584e4\nRebuttal #e01b24\nJoke #f5c211\nDiplomatic signal #2ec27e\n"
                            "Self-defence_x #9141ac\n");
  speakers = describe_speakers (back);
  ck_assert_str_eq (speakers, "The Minister\nRival, the\nEnvoy \"E\"\n");
  /* Ids, authors and times come back too. */
  ck_assert (rpt_project_get_annotation (back, rpt_annotation_get_id (fx.claim)) != NULL);
  ck_assert_str_eq (rpt_annotation_get_author (rpt_project_get_annotation (back, rpt_annotation_get_id (fx.claim))),
                    "Test Author");
  ck_assert_int_eq (rpt_annotation_get_created (rpt_project_get_annotation (back, rpt_annotation_get_id (fx.claim))),
                    rpt_annotation_get_created (fx.claim));
}
END_TEST

START_TEST (test_roundtrip_label_studio)
{
  RptOffsetUnit unit = _i;
  g_autofree char *dest = g_build_filename (tmp, "ls", NULL);
  g_autoptr(RptProject) back = NULL;
  g_autofree char *labels_a = describe_labels (project, TRUE);
  g_autofree char *labels_b = NULL;
  g_autofree char *speakers_a = describe_speakers (project);
  g_autofree char *speakers_b = NULL;

  do_export (project, RPT_EXPORT_LABEL_STUDIO, unit, dest);
  back = do_import (RPT_IMPORT_LABEL_STUDIO, RPT_OFFSETS_CODEPOINTS, dest);
  assert_same_content (project, back, TRUE);
  labels_b = describe_labels (back, TRUE);
  ck_assert_str_eq (labels_b, labels_a);   /* names, colours, keys, descriptions */
  speakers_b = describe_speakers (back);
  ck_assert_str_eq (speakers_b, speakers_a);
}
END_TEST

START_TEST (test_roundtrip_brat)
{
  g_autofree char *dest = g_build_filename (tmp, "brat", NULL);
  g_autoptr(RptProject) back = NULL;
  g_autofree char *labels_a = describe_labels (project, FALSE);
  g_autofree char *labels_b = NULL;
  g_autofree char *speakers_a = describe_speakers (project);
  g_autofree char *speakers_b = NULL;

  do_export (project, RPT_EXPORT_BRAT, RPT_OFFSETS_CODEPOINTS, dest);
  back = do_import (RPT_IMPORT_BRAT, RPT_OFFSETS_CODEPOINTS, dest);
  assert_same_content (project, back, FALSE);
  labels_b = describe_labels (back, FALSE);
  ck_assert_str_eq (labels_b, labels_a);
  speakers_b = describe_speakers (back);
  ck_assert_str_eq (speakers_b, speakers_a);
}
END_TEST

/* ---- Hostile ids ---- */

START_TEST (test_hostile_ids_stay_inside)
{
  /* Every id a project accepts (1 to 256 bytes, no control characters). */
  const char *ids[] = { "../x", "a/b", "a_b", ".", "..", "...", "CON", "con.txt", "/etc/passwd",
                        "-rf", ".hidden", "a\\b", "\u00dcn\u00efc\u00f6d\u00e9", "trailing.", "LPT1" };
  g_autoptr(RptProject) hostile = rpt_project_new ();
  g_autoptr(GString) long_id = g_string_new (NULL);
  g_autofree char *dest = g_build_filename (tmp, "out", NULL);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRegex) safe = g_regex_new ("^[A-Za-z0-9_][A-Za-z0-9._-]*\\.(txt|ann|conf)$", 0, 0, NULL);
  g_autoptr(GDir) top = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(RptProject) back = NULL;
  const char *name;
  guint n_ids = G_N_ELEMENTS (ids) + 1;

  for (guint i = 0; i < 256; i++)
    g_string_append_c (long_id, 'x');
  for (guint i = 0; i < n_ids; i++)
    {
      g_autofree char *text = g_strdup_printf ("Article number %u says something.", i);
      g_autoptr(RptDocument) document = rpt_document_new (i < G_N_ELEMENTS (ids) ? ids[i] : long_id->str,
                                                          "Title", "x.txt", text);

      ck_assert (rpt_project_add_document (hostile, document, NULL));
    }
  do_export (hostile, RPT_EXPORT_BRAT, RPT_OFFSETS_CODEPOINTS, dest);

  /* Nothing beside the destination (no leftover temporary folder)… */
  top = g_dir_open (tmp, 0, NULL);
  while ((name = g_dir_read_name (top)))
    ck_assert_str_eq (name, "out");
  /* …and inside it only plain, safe, distinct names. */
  dir = g_dir_open (dest, 0, NULL);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (dest, name, NULL);
      g_autofree char *folded = g_ascii_strdown (name, -1);

      /* The manifest's name is fixed, not made from an id. */
      if (g_str_equal (name, RPT_EXPORT_MANIFEST))
        continue;
      ck_assert_msg (g_regex_match (safe, name, 0, NULL), "unsafe file name “%s”", name);
      ck_assert_uint_le (strlen (name), 110);
      ck_assert (g_file_test (path, G_FILE_TEST_IS_REGULAR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK));
      ck_assert_msg (!g_str_has_prefix (folded, "con.") && !g_str_has_prefix (folded, "lpt1."), "“%s”", name);
      ck_assert_msg (g_hash_table_add (names, g_steal_pointer (&folded)), "“%s” twice", name);
    }
  ck_assert_uint_eq (g_hash_table_size (names), 2 * n_ids + 2);
  ck_assert (!g_file_test ("/etc/passwd.txt", G_FILE_TEST_EXISTS));

  /* Every article is there under its cleaned-up name. */
  back = do_import (RPT_IMPORT_BRAT, RPT_OFFSETS_CODEPOINTS, dest);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (back)), n_ids);
}
END_TEST

/* ---- Folders and files are replaced whole ---- */

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir && g_dir_read_name (dir))
    n++;
  return n;
}

START_TEST (test_folder_replaced_whole)
{
  g_autofree char *dest = g_build_filename (tmp, "collection", NULL);
  g_autofree char *day2 = g_build_filename (dest, "day-2.txt", NULL);
  g_autofree char *mine = NULL;
  g_autoptr(GError) error = NULL;
  RptExportOptions options;

  do_export (project, RPT_EXPORT_BRAT, RPT_OFFSETS_CODEPOINTS, dest);
  ck_assert_uint_eq (count_entries (dest), 7);   /* with the manifest */
  ck_assert (g_file_test (day2, G_FILE_TEST_EXISTS));

  /* A second export replaces the first one entirely. */
  rpt_project_remove_document (project, "day-2");
  do_export (project, RPT_EXPORT_BRAT, RPT_OFFSETS_CODEPOINTS, dest);
  ck_assert_uint_eq (count_entries (dest), 5);
  ck_assert (!g_file_test (day2, G_FILE_TEST_EXISTS));
  ck_assert_uint_eq (count_entries (tmp), 1);

  /* A folder holding the user's own files is never replaced. */
  mine = rpt_test_write_file (dest, "my-thesis.odt", "precious", -1);
  rpt_export_options_init (&options, RPT_EXPORT_BRAT);
  ck_assert (!rpt_export (project, &options, dest, NULL, NULL, NULL, NULL, &error));
  ck_assert_msg (strstr (error->message, "my-thesis.odt") != NULL, "%s", error->message);
  ck_assert (g_file_test (mine, G_FILE_TEST_EXISTS));
  ck_assert_uint_eq (count_entries (dest), 6);
  ck_assert_uint_eq (count_entries (tmp), 1);
}
END_TEST

START_TEST (test_bad_destinations)
{
  g_autofree char *file = rpt_test_write_file (tmp, "existing.txt", "old contents", -1);
  g_autofree char *missing = g_build_filename (tmp, "no", "such", "folder", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  RptExportOptions options;

  /* A folder format onto a file. */
  rpt_export_options_init (&options, RPT_EXPORT_LABEL_STUDIO);
  ck_assert (!rpt_export (project, &options, file, NULL, NULL, NULL, NULL, &error));
  ck_assert (strstr (error->message, "is a file") != NULL);
  g_clear_error (&error);
  contents = rpt_test_read_file (file, NULL);
  ck_assert_str_eq (contents, "old contents");

  /* A file format onto a folder. */
  rpt_export_options_init (&options, RPT_EXPORT_CSV);
  ck_assert (!rpt_export (project, &options, tmp, NULL, NULL, NULL, NULL, &error));
  ck_assert (strstr (error->message, "folder") != NULL);
  g_clear_error (&error);

  /* Into a folder that does not exist: nothing is created. */
  ck_assert (!rpt_export (project, &options, missing, NULL, NULL, NULL, NULL, &error));
  g_clear_error (&error);
  rpt_export_options_init (&options, RPT_EXPORT_BRAT);
  ck_assert (!rpt_export (project, &options, missing, NULL, NULL, NULL, NULL, &error));
  ck_assert_uint_eq (count_entries (tmp), 1);

  /* A file format over an existing file replaces it. */
  rpt_export_options_init (&options, RPT_EXPORT_CSV);
  g_clear_error (&error);
  ck_assert (rpt_export (project, &options, file, NULL, NULL, NULL, NULL, &error));
  g_free (contents);
  contents = rpt_test_read_file (file, NULL);
  ck_assert (g_str_has_prefix (contents, "article_id,"));
  ck_assert_uint_eq (count_entries (tmp), 1);
}
END_TEST

/* ---- Snapshots, selection, the worker ---- */

START_TEST (test_snapshot_is_isolated)
{
  g_autofree char *dest = g_build_filename (tmp, "snap.jsonl", NULL);
  g_autoptr(RptProjectSnapshot) snapshot = NULL;
  g_autoptr(RptExportSelection) selection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  RptExportOptions options;

  rpt_export_options_init (&options, RPT_EXPORT_JSONL);
  snapshot = rpt_project_snapshot_new (project);
  ck_assert (snapshot != NULL);

  /* Edits after the snapshot must not show. */
  ck_assert (rpt_project_rename_label (project, "claim", "Assertion", NULL));
  rpt_project_set_annotation_note (project, rpt_annotation_get_id (fx.press), "changed later");
  rpt_project_remove_annotation (project, rpt_annotation_get_id (fx.rebuttal));
  rpt_project_remove_document (project, "day-2");

  selection = rpt_export_selection_new (snapshot, &options, &error);
  ck_assert (selection != NULL);
  ck_assert (rpt_export_selection_write (selection, dest, NULL, NULL, NULL, NULL, &error));
  data = rpt_test_read_file (dest, NULL);
  ck_assert (strstr (data, "\"Claim\"") != NULL);
  ck_assert (strstr (data, "Assertion") == NULL);
  ck_assert (strstr (data, "Silence, reported") != NULL);
  ck_assert (strstr (data, "changed later") == NULL);
  ck_assert (strstr (data, "\"day-2\"") != NULL);
  ck_assert (strstr (data, rpt_annotation_get_id (fx.rebuttal)) != NULL);
}
END_TEST

START_TEST (test_selection)
{
  const char *documents[] = { "day-2", NULL };
  const char *labels[] = { "joke", NULL };
  const char *unknown[] = { "nope", NULL };
  g_autofree char *dest = g_build_filename (tmp, "sel.csv", NULL);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *expected = NULL;
  RptExportOptions options;
  gboolean warned = FALSE;

  rpt_export_options_init (&options, RPT_EXPORT_CSV);
  options.document_ids = documents;
  options.label_ids = labels;
  ck_assert (rpt_export (project, &options, dest, warnings, NULL, NULL, NULL, &error));
  data = rpt_test_read_file (dest, NULL);
  expected = g_strdup_printf ("day-2,\"Summit, day two\",%u,%u,Joke,\"Envoy \"\"E\"\"\",joked about the weather "
                              "\U0001F327\uFE0F,,Test Author,%s\r\n", rpt_annotation_get_start (fx.envoy_joke),
                              rpt_annotation_get_end (fx.envoy_joke), rpt_annotation_get_id (fx.envoy_joke));
  ck_assert_str_eq (strchr (data, '\n') + 1, expected);
  /* "press supports envoy_joke" lost its rebuttal end, "envoy_joke responds
   * to claim" its other article. */
  for (guint i = 0; i < warnings->len; i++)
    warned = warned || strstr (g_ptr_array_index (warnings, i), "2 relations were left out") != NULL;
  ck_assert (warned);

  options.label_ids = unknown;
  ck_assert (!rpt_export (project, &options, dest, NULL, NULL, NULL, NULL, &error));
  ck_assert (g_error_matches (error, RPT_ERROR, RPT_ERROR_NOT_FOUND));
  g_clear_error (&error);
  options.label_ids = NULL;
  options.document_ids = unknown;
  ck_assert (!rpt_export (project, &options, dest, NULL, NULL, NULL, NULL, &error));
  ck_assert (g_error_matches (error, RPT_ERROR, RPT_ERROR_NOT_FOUND));
}
END_TEST

typedef struct
{
  GMainLoop *loop;
  GPtrArray *warnings;
  GError    *error;
  gboolean   ok;
  guint      progress_calls;
  double     last_fraction;
  gboolean   notified;
} AsyncState;

static void
on_progress (double   fraction,
             gpointer data)
{
  AsyncState *state = data;

  ck_assert (fraction >= state->last_fraction && fraction <= 1.0);
  state->last_fraction = fraction;
  state->progress_calls++;
}

static void
on_notify (gpointer data)
{
  ((AsyncState *) data)->notified = TRUE;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  AsyncState *state = data;

  state->ok = rpt_export_finish (result, &state->warnings, &state->error);
  g_main_loop_quit (state->loop);
}

START_TEST (test_async_export)
{
  g_autofree char *dest = g_build_filename (tmp, "async", NULL);
  g_autoptr(RptProject) big = rpt_project_new ();
  AsyncState state = { g_main_loop_new (NULL, FALSE) };
  RptExportOptions options;

  /* Enough articles that the worker runs a little while. */
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(RptDocument) document = NULL;

      for (guint k = 0; k < 200; k++)
        g_string_append (text, "The delegates said the talks were useful. ");
      document = rpt_document_new (id, id, "x", text->str);
      ck_assert (rpt_project_add_document (big, document, NULL));
      for (guint k = 0; k < 50; k++)
        ck_assert (rpt_project_add_annotation (big, id, k * 42, k * 42 + 13, "claim", NULL, NULL) != NULL);
    }
  rpt_export_options_init (&options, RPT_EXPORT_CONLL);
  rpt_export_async (big, &options, dest, on_progress, &state, on_notify, NULL, on_done, &state);
  /* The snapshot is taken: the project may change at once. */
  rpt_project_remove_document (big, "a0");
  g_main_loop_run (state.loop);

  ck_assert_msg (state.ok, "%s", state.error ? state.error->message : "");
  ck_assert (state.warnings != NULL);
  ck_assert (state.notified);
  ck_assert (g_file_test (dest, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *data = rpt_test_read_file (dest, NULL);
    guint docs = 0;

    for (const char *p = data; (p = strstr (p, "-DOCSTART-")); p++)
      docs++;
    ck_assert_uint_eq (docs, 300);
  }
  g_ptr_array_unref (state.warnings);
  g_main_loop_unref (state.loop);
}
END_TEST

START_TEST (test_async_cancel)
{
  g_autofree char *dest = g_build_filename (tmp, "cancelled.jsonl", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncState state = { g_main_loop_new (NULL, FALSE) };
  RptExportOptions options;

  rpt_export_options_init (&options, RPT_EXPORT_JSONL);
  g_cancellable_cancel (cancellable);
  rpt_export_async (project, &options, dest, NULL, NULL, NULL, cancellable, on_done, &state);
  g_main_loop_run (state.loop);
  ck_assert (!state.ok);
  ck_assert (g_error_matches (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  ck_assert (!g_file_test (dest, G_FILE_TEST_EXISTS));
  g_clear_error (&state.error);
  g_main_loop_unref (state.loop);
}
END_TEST

static Suite *
roundtrip_suite (void)
{
  Suite *s = suite_create ("export-roundtrip");
  TCase *tc = tcase_create ("roundtrip");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_loop_test (tc, test_roundtrip_jsonl, 0, RPT_OFFSETS_N_UNITS);
  tcase_add_loop_test (tc, test_roundtrip_label_studio, 0, RPT_OFFSETS_N_UNITS);
  tcase_add_test (tc, test_roundtrip_brat);
  tcase_add_test (tc, test_hostile_ids_stay_inside);
  tcase_add_test (tc, test_folder_replaced_whole);
  tcase_add_test (tc, test_bad_destinations);
  tcase_add_test (tc, test_snapshot_is_isolated);
  tcase_add_test (tc, test_selection);
  tcase_add_test (tc, test_async_export);
  tcase_add_test (tc, test_async_cancel);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (roundtrip_suite)
