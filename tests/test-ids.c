/* test-ids.c: ids of every shape are found again, and repeated links
 * refused, whichever reader opens the file. The project's id tables hash
 * the serial number of ids like "a12" and anything else as a string; these
 * are the cases where the two could be confused.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "rpt-core.h"
#include "rpt-project-private.h"
#include "rpt-test-util.h"

/* Serial ids, ids with the same number under another letter or with a
 * leading zero, too many digits to be a number, and plain names. */
static const char *const ids[] = {
  "a1", "a2", "a10", "a01", "b1", "x", "A1", "a1x", "a", "a0", "a999999999", "a1000000000",
  "a4294967297", "a4294967296", "é1", "claim-7",
};

/* One word of the text per annotation, so that no two share a span. */
static char *
make_project (guint        n_serial,
              const char  *extra_relations)
{
  GString *text = g_string_new (NULL);
  GString *json = g_string_new (NULL);
  g_autofree char *sha = NULL;
  guint n = G_N_ELEMENTS (ids) + n_serial;

  for (guint i = 0; i < n; i++)
    g_string_append (text, "word ");
  sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, -1);

  g_string_append_printf (json,
                          "{\"format\": \"repartee-project\", \"version\": 1,\n"
                          " \"labels\": [{\"id\": \"claim\", \"name\": \"Claim\", \"color\": \"#3584e4\"}],\n"
                          " \"speakers\": [],\n"
                          " \"documents\": [{\"id\": \"d1\", \"title\": \"T\", \"source\": \"\", \"sha256\": \"%s\", \"text\": \"%s\"}],\n"
                          " \"annotations\": [\n",
                          sha, text->str);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = i < G_N_ELEMENTS (ids) ? g_strdup (ids[i])
                                                   : g_strdup_printf ("a%u", 100 + i);

      g_string_append_printf (json,
                              "  {\"id\": \"%s\", \"document\": \"d1\", \"start\": %u, \"end\": %u, \"label\": \"claim\"}%s\n",
                              id, i * 5, i * 5 + 4, i + 1 < n ? "," : "");
    }
  g_string_append (json,
                   " ],\n"
                   " \"relations\": [\n"
                   "  {\"id\": \"r1\", \"type\": \"rebuts\", \"from\": \"a01\", \"to\": \"a1\"},\n"
                   "  {\"id\": \"r01\", \"type\": \"rebuts\", \"from\": \"a1\", \"to\": \"a01\"},\n"
                   "  {\"id\": \"link\", \"type\": \"supports\", \"from\": \"a4294967297\", \"to\": \"a1\"},\n"
                   "  {\"id\": \"r2\", \"type\": \"supports\", \"from\": \"a01\", \"to\": \"a1\"}");
  g_string_append (json, extra_relations);
  g_string_append (json, "\n ]\n}\n");

  g_string_free (text, TRUE);
  return g_string_free (json, FALSE);
}

static void
check_lookups (RptProject *project,
               guint       n_serial)
{
  g_autoptr(GPtrArray) of_a1 = NULL;
  g_autoptr(GPtrArray) of_b1 = NULL;

  ck_assert_uint_eq (rpt_project_get_n_annotations (project), G_N_ELEMENTS (ids) + n_serial);
  for (guint i = 0; i < G_N_ELEMENTS (ids) + n_serial; i++)
    {
      g_autofree char *id = i < G_N_ELEMENTS (ids) ? g_strdup (ids[i])
                                                   : g_strdup_printf ("a%u", 100 + i);
      RptAnnotation *annotation = rpt_project_get_annotation (project, id);

      ck_assert_msg (annotation != NULL, "%s not found", id);
      ck_assert_str_eq (rpt_annotation_get_id (annotation), id);
      ck_assert_uint_eq (rpt_annotation_get_start (annotation), i * 5);
    }
  /* Near misses of the ids above are not found. */
  ck_assert_ptr_null (rpt_project_get_annotation (project, "a001"));
  ck_assert_ptr_null (rpt_project_get_annotation (project, "c1"));
  ck_assert_ptr_null (rpt_project_get_annotation (project, "a3"));
  ck_assert_ptr_null (rpt_project_get_annotation (project, "a99999999"));

  ck_assert_ptr_nonnull (rpt_project_get_relation (project, "r1"));
  ck_assert_ptr_nonnull (rpt_project_get_relation (project, "r01"));
  ck_assert_ptr_null (rpt_project_get_relation (project, "r3"));

  /* In the order of the relations list. */
  of_a1 = rpt_project_relations_of (project, "a1");
  ck_assert_uint_eq (of_a1->len, 4);
  ck_assert_str_eq (rpt_relation_get_id (g_ptr_array_index (of_a1, 0)), "r1");
  ck_assert_str_eq (rpt_relation_get_id (g_ptr_array_index (of_a1, 1)), "r01");
  ck_assert_str_eq (rpt_relation_get_id (g_ptr_array_index (of_a1, 2)), "link");
  ck_assert_str_eq (rpt_relation_get_id (g_ptr_array_index (of_a1, 3)), "r2");
  of_b1 = rpt_project_relations_of (project, "b1");
  ck_assert_uint_eq (of_b1->len, 0);
}

static RptProject *
load (const char *json,
      gboolean    fast,
      GError    **error)
{
  RptProject *project;

  _rpt_project_set_fast_reader (fast);
  project = rpt_project_load_from_data (json, strlen (json), error);
  _rpt_project_set_fast_reader (TRUE);
  return project;
}

START_TEST (test_ids_found_by_both_readers)
{
  guint n_serial = _i == 0 ? 0 : 5000;
  g_autofree char *json = make_project (n_serial, "");
  g_autoptr(RptProject) fast = _rpt_project_read_fast (json, strlen (json));
  g_autoptr(RptProject) slow = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) fast_bytes = NULL;
  g_autoptr(GBytes) slow_bytes = NULL;

  ck_assert_ptr_nonnull (fast);
  check_lookups (fast, n_serial);
  slow = load (json, FALSE, &error);
  ck_assert_msg (slow != NULL, "%s", error ? error->message : "");
  check_lookups (slow, n_serial);

  fast_bytes = rpt_project_to_bytes (fast);
  slow_bytes = rpt_project_to_bytes (slow);
  ck_assert (g_bytes_equal (fast_bytes, slow_bytes));
}
END_TEST

/* The same type, from and to under another id; and a relation that only
 * looks like r1 under another reading of its ids. */
START_TEST (test_repeated_link_refused)
{
  g_autofree char *json = make_project (0, ",\n  {\"id\": \"r9\", \"type\": \"rebuts\", \"from\": \"a01\", \"to\": \"a1\"}");
  g_autofree char *near = make_project (0, ",\n  {\"id\": \"r9\", \"type\": \"rebuts\", \"from\": \"b1\", \"to\": \"a1\"}");
  g_autoptr(RptProject) fast = NULL;
  g_autoptr(RptProject) slow = NULL;
  g_autoptr(RptProject) taken = NULL;
  g_autoptr(GError) fast_error = NULL;
  g_autoptr(GError) slow_error = NULL;

  ck_assert_ptr_null (_rpt_project_read_fast (json, strlen (json)));
  fast = load (json, TRUE, &fast_error);
  slow = load (json, FALSE, &slow_error);
  ck_assert_ptr_null (fast);
  ck_assert_ptr_null (slow);
  ck_assert_str_eq (fast_error->message, slow_error->message);
  ck_assert_msg (strstr (fast_error->message, "repeats") != NULL, "%s", fast_error->message);

  taken = _rpt_project_read_fast (near, strlen (near));
  ck_assert_ptr_nonnull (taken);
  ck_assert_ptr_nonnull (rpt_project_get_relation (taken, "r9"));
}
END_TEST

/* Ids the project makes after loading do not collide with loaded ones. */
START_TEST (test_new_ids_after_load)
{
  g_autofree char *json = make_project (20, "");
  g_autoptr(RptProject) project = load (json, TRUE, NULL);
  g_autoptr(GError) error = NULL;
  RptAnnotation *added;

  ck_assert_ptr_nonnull (project);
  added = rpt_project_add_annotation (project, "d1", 0, 2, "claim", NULL, &error);
  ck_assert_msg (added != NULL, "%s", error ? error->message : "");
  ck_assert_ptr_eq (rpt_project_get_annotation (project, rpt_annotation_get_id (added)), added);
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), G_N_ELEMENTS (ids) + 21);
  ck_assert (rpt_project_undo (project));
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), G_N_ELEMENTS (ids) + 20);
  check_lookups (project, 20);
}
END_TEST

static Suite *
ids_suite (void)
{
  Suite *s = suite_create ("ids");
  TCase *tc = tcase_create ("tables");

  tcase_add_loop_test (tc, test_ids_found_by_both_readers, 0, 2);
  tcase_add_test (tc, test_repeated_link_refused);
  tcase_add_test (tc, test_new_ids_after_load);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (ids_suite)
