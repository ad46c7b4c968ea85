/* test-bench-gen.c: the benchmark's workloads are deterministic, load, and
 * are byte for byte what the project writer writes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "rpt-bench-gen.h"
#include "rpt-core.h"
#include "rpt-test-util.h"

static RptProject *
load_bytes (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  RptProject *project = rpt_project_load_from_data (data, len, &error);

  ck_assert_msg (project != NULL, "the workload does not load: %s", error ? error->message : "");
  return project;
}

START_TEST (test_same_seed_same_bytes)
{
  const RptBenchWorkload *s = rpt_bench_workload_lookup ("S");
  g_autoptr(GBytes) a = rpt_bench_generate (s, 7);
  g_autoptr(GBytes) b = rpt_bench_generate (s, 7);
  g_autoptr(GBytes) c = rpt_bench_generate (s, 8);

  ck_assert (g_bytes_equal (a, b));
  ck_assert (!g_bytes_equal (a, c));
}
END_TEST

START_TEST (test_file_written_on_disk)
{
  const RptBenchWorkload *s = rpt_bench_workload_lookup ("s");
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "S.json", NULL);
  g_autoptr(GBytes) bytes = rpt_bench_generate (s, RPT_BENCH_DEFAULT_SEED);
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  ck_assert (rpt_bench_generate_file (s, RPT_BENCH_DEFAULT_SEED, path, &error));
  contents = rpt_test_read_file (path, &len);
  ck_assert_uint_eq (len, g_bytes_get_size (bytes));
  ck_assert (memcmp (contents, g_bytes_get_data (bytes, NULL), len) == 0);

  project = rpt_project_load_from_file (path, &error);
  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
}
END_TEST

START_TEST (test_small_workload_shape)
{
  const RptBenchWorkload *s = rpt_bench_workload_lookup ("S");
  g_autoptr(GBytes) bytes = rpt_bench_generate (s, RPT_BENCH_DEFAULT_SEED);
  g_autoptr(RptProject) project = load_bytes (bytes);
  GListModel *documents = rpt_project_get_documents (project);
  guint overlapping = 0;

  ck_assert_uint_eq (g_list_model_get_n_items (documents), 5);
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), 250);
  ck_assert_uint_eq (rpt_bench_workload_n_annotations (s), 250);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_relations (project)), 50);
  ck_assert_uint_eq (rpt_bench_workload_n_relations (s), 50);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_labels (project)), 4);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_speakers (project)), 8);

  for (guint d = 0; d < 5; d++)
    {
      g_autoptr(RptDocument) document = g_list_model_get_item (documents, d);
      RptAnnotationStore *store = rpt_project_get_annotations (project, rpt_document_get_id (document));
      guint n = rpt_annotation_store_get_n_items (store);
      guint prev_end = 0;

      /* About 4 KB of text in paragraphs. */
      ck_assert_uint_ge (rpt_document_get_text_bytes (document), 4096);
      ck_assert_uint_lt (rpt_document_get_text_bytes (document), 6000);
      ck_assert_ptr_nonnull (strstr (rpt_document_get_text (document), "\n\n"));
      ck_assert_uint_eq (n, 50);

      /* Spans are whole words: they neither start nor end on a space. */
      for (guint i = 0; i < n; i++)
        {
          RptAnnotation *a = rpt_annotation_store_get (store, i);
          g_autofree char *slice = rpt_document_dup_slice (document, rpt_annotation_get_start (a),
                                                           rpt_annotation_get_end (a));
          gsize len = strlen (slice);

          ck_assert_uint_gt (len, 0);
          ck_assert_msg (!g_ascii_isspace (slice[0]) && !g_ascii_isspace (slice[len - 1]),
                         "“%s” is not a run of whole words", slice);
          if (rpt_annotation_get_start (a) < prev_end)
            overlapping++;
          prev_end = MAX (prev_end, rpt_annotation_get_end (a));
        }
    }
  /* Some spans overlap their neighbours, as real annotations do. */
  ck_assert_uint_gt (overlapping, 0);
}
END_TEST

/* The generator writes the real format, byte for byte. */
START_TEST (test_round_trip_is_identical)
{
  const RptBenchWorkload *s = rpt_bench_workload_lookup ("S");
  g_autoptr(GBytes) bytes = rpt_bench_generate (s, RPT_BENCH_DEFAULT_SEED);
  g_autoptr(RptProject) project = load_bytes (bytes);
  g_autoptr(GBytes) saved = rpt_project_to_bytes (project);

  ck_assert_uint_eq (g_bytes_get_size (saved), g_bytes_get_size (bytes));
  ck_assert (g_bytes_equal (saved, bytes));
}
END_TEST

START_TEST (test_long_workload)
{
  const RptBenchWorkload *w = rpt_bench_workload_lookup ("Long");
  g_autoptr(GBytes) bytes = rpt_bench_generate (w, RPT_BENCH_DEFAULT_SEED);
  g_autoptr(RptProject) project = load_bytes (bytes);
  RptDocument *first = rpt_project_get_document (project, "d1");
  RptDocument *article = rpt_project_get_document (project, "d2");
  RptDocument *paragraph = rpt_project_get_document (project, "d3");
  g_autoptr(GBytes) saved = NULL;

  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (project)), 3);
  ck_assert_uint_lt (rpt_document_get_text_bytes (first), 6000);
  ck_assert_uint_eq (rpt_document_get_n_annotations (first), 100);
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), rpt_bench_workload_n_annotations (w));
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_relations (project)),
                     rpt_bench_workload_n_relations (w));
  ck_assert_ptr_nonnull (article);
  ck_assert_ptr_nonnull (paragraph);
  ck_assert_uint_ge (rpt_document_get_text_bytes (article), 1000000);
  ck_assert_uint_lt (rpt_document_get_text_bytes (article), 1010000);
  ck_assert_uint_eq (rpt_document_get_n_annotations (article), 20000);

  /* One paragraph: exactly 200,000 characters and not a line break. */
  ck_assert_uint_eq (rpt_document_get_length (paragraph), 200000);
  ck_assert_ptr_null (strchr (rpt_document_get_text (paragraph), '\n'));
  ck_assert_uint_eq (rpt_document_get_n_annotations (paragraph), 4000);
  /* Some text outside ASCII, one character outside the BMP at least. */
  ck_assert_uint_lt (rpt_document_get_length (article), rpt_document_get_text_bytes (article));
  ck_assert_uint_gt (rpt_document_utf16_offset (article, rpt_document_get_length (article)),
                     rpt_document_get_length (article));

  saved = rpt_project_to_bytes (project);
  ck_assert (g_bytes_equal (saved, bytes));
}
END_TEST

static Suite *
bench_gen_suite (void)
{
  Suite *s = suite_create ("bench-gen");
  TCase *tc = tcase_create ("generator");

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_same_seed_same_bytes);
  tcase_add_test (tc, test_file_written_on_disk);
  tcase_add_test (tc, test_small_workload_shape);
  tcase_add_test (tc, test_round_trip_is_identical);
  tcase_add_test (tc, test_long_workload);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (bench_gen_suite)
