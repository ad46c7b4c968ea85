/* test-fast-paths.c: the fast paths of the core agree with the
 * straightforward ones. The one-pass reader must never accept what the
 * json-glib reader refuses, nor read anything differently; the writer's
 * timestamp formatting must match GDateTime's; the index of relations by
 * annotation must answer what a scan of the relations list does.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "rpt-core.h"
#include "rpt-json-writer.h"
#include "rpt-project-private.h"
#include "rpt-test-readers.h"
#include "rpt-test-util.h"

static const char text_1[] =
  "The ferry captain said the harbour would open “next week”.\n\n"
  "\"Not before the survey,\" the inspector replied\tcalmly. Café talk 😉 / done.";
static const char text_2[] = "Short second article about the quay.";

/* A project in the writer's form, but with members in other orders, nulls,
 * escapes and unknown members. */
static char *
make_base (void)
{
  g_autofree char *sha_1 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text_1, -1);
  g_autofree char *sha_2 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text_2, -1);
  g_autoptr(GString) text = g_string_new (NULL);

  rpt_json_append_string (text, text_1);
  return g_strdup_printf (
    "{\n"
    "  \"format\": \"repartee-project\",\n"
    "  \"version\": 1,\n"
    "  \"x-extra\": {\"a\": [1, -2.5, true, false, null, \"s\\u00e9\"], \"b\": {}},\n"
    "  \"labels\": [\n"
    "    {\"id\": \"claim\", \"name\": \"Claim \\\"strong\\\"\", \"color\": \"#3584E4\", \"shortcut\": 1, \"description\": null},\n"
    "    {\"name\": \"Rebuttal\", \"id\": \"rebuttal\", \"color\": \"#e01b24\"},\n"
    "    {\"id\": \"joke\", \"name\": \"Joke\", \"color\": \"#f5c211\", \"shortcut\": 3, \"description\": \"In jest \\/ fun\", \"x\": 0}\n"
    "  ],\n"
    "  \"speakers\": [\n"
    "    {\"id\": \"capt\", \"name\": \"Captain Åberg\"},\n"
    "    {\"id\": \"insp\", \"name\": \"Inspector \\u004eoor\"}\n"
    "  ],\n"
    "  \"documents\": [\n"
    "    {\"id\": \"d1\", \"title\": \"Harbour\", \"source\": \"\", \"sha256\": \"%s\",\n"
    "     \"text\": %s},\n"
    "    {\"text\": \"%s\", \"sha256\": \"%s\", \"id\": \"d2\", \"title\": \"Quay\", \"source\": \"s.txt\"}\n"
    "  ],\n"
    "  \"annotations\": [\n"
    "    {\"id\": \"a1\", \"document\": \"d1\", \"start\": 4, \"end\": 17, \"label\": \"claim\", \"speaker\": \"capt\", \"note\": \"n\\u00e9\\n\", \"author\": \"Me\", \"created\": \"2024-02-29T23:59:59Z\", \"modified\": \"2024-03-01T00:00:00Z\"},\n"
    "    {\"end\": 17, \"start\": 4, \"label\": \"joke\", \"document\": \"d1\", \"id\": \"a2\", \"speaker\": null},\n"
    "    {\"id\": \"a10\", \"document\": \"d1\", \"start\": 61, \"end\": 88, \"label\": \"rebuttal\", \"speaker\": \"\", \"created\": \"2024-01-01T10:00:00Z\", \"modified\": null},\n"
    "    {\"id\": \"a4\", \"document\": \"d2\", \"start\": 0, \"end\": 5, \"label\": \"claim\", \"speaker\": \"insp\", \"note\": \"\", \"author\": null, \"x-more\": [[], {\"q\": \"\\\"\"}]}\n"
    "  ],\n"
    "  \"relations\": [\n"
    "    {\"id\": \"r1\", \"type\": \"rebuts\", \"from\": \"a10\", \"to\": \"a1\"},\n"
    "    {\"to\": \"a1\", \"from\": \"a10\", \"type\": \"supports\", \"id\": \"r7\"}\n"
    "  ]\n"
    "}\n",
    sha_1, text->str, text_2, sha_2);
}

typedef RptTestTally Tally;

START_TEST (test_base_takes_fast_path)
{
  g_autofree char *base = make_base ();
  g_autoptr(RptProject) fast = _rpt_project_read_fast (base, strlen (base));
  Tally tally = { 0 };

  ck_assert_ptr_nonnull (fast);
  ck_assert_uint_eq (rpt_project_get_n_annotations (fast), 4);
  rpt_test_compare_readers (base, strlen (base), &tally);
  ck_assert_uint_eq (tally.fast, 1);
}
END_TEST

START_TEST (test_writer_output_takes_fast_path)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(RptDocument) document = rpt_document_new ("d1", "T", "src", text_1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RptProject) fast = NULL;
  RptAnnotation *a, *b;
  gsize len;
  const char *data;

  ck_assert (rpt_project_add_document (project, document, &error));
  ck_assert_ptr_nonnull (rpt_project_add_speaker (project, "Captain", &error));
  a = rpt_project_add_annotation (project, "d1", 4, 17, "claim", NULL, &error);
  b = rpt_project_add_annotation (project, "d1", 61, 88, "rebuttal", NULL, &error);
  ck_assert_ptr_nonnull (a);
  ck_assert_ptr_nonnull (b);
  rpt_project_set_annotation_note (project, rpt_annotation_get_id (a), "a \"quoted\"\tnote");
  ck_assert_ptr_nonnull (rpt_project_add_relation (project, RPT_RELATION_REBUTS,
                                                   rpt_annotation_get_id (b),
                                                   rpt_annotation_get_id (a), &error));

  bytes = rpt_project_to_bytes (project);
  data = g_bytes_get_data (bytes, &len);
  fast = _rpt_project_read_fast (data, len);
  ck_assert_ptr_nonnull (fast);
  {
    g_autoptr(GBytes) again = rpt_project_to_bytes (fast);

    ck_assert (g_bytes_equal (bytes, again));
  }
}
END_TEST

/* Every byte deleted, replaced or preceded by a character that matters to
 * JSON or to the checks. */
START_TEST (test_mutations_agree)
{
  static const char replacements[] = "\"\\{}[],:0-.eun x\x01";
  static const char insertions[] = "\",}]0\\";
  g_autofree char *base = make_base ();
  gsize len = strlen (base);
  Tally tally = { 0 };

  rpt_test_compare_damaged (base, 0, len, replacements, insertions, &tally);

  /* Both outcomes are exercised, and the fast path takes real work. */
  ck_assert_uint_gt (tally.accepted, 100);
  ck_assert_uint_gt (tally.fast, 100);
  ck_assert_uint_lt (tally.accepted, tally.tried);
}
END_TEST

/* Timestamps: the reader's direct form against GLib's ISO 8601 parser. */
START_TEST (test_timestamps_agree)
{
  static const char *cases[] = {
    "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
    "2000-02-29T12:00:00Z", "1900-02-29T12:00:00Z", "2023-02-29T12:00:00Z", "2024-02-29T12:00:00Z",
    "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z", "2024-01-00T00:00:00Z",
    "2024-01-01T24:00:00Z", "2024-01-01T23:60:00Z", "2024-01-01T23:59:60Z", "0000-01-01T00:00:00Z",
    "2024-01-01t10:00:00z", "2024-01-01T10:00:00.5Z", "2024-01-01 10:00:00Z", "2024-1-01T10:00:00Z",
    "2024-01-01T10:00:00", "2024-01-01T10:00:00+01:30", "+2024-01-01T10:00:00Z", "2024-01-01T1a:00:00Z",
  };
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text_2, -1);
  GRand *rand = g_rand_new_with_seed (42);
  Tally tally = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases) + 400; i++)
    {
      g_autofree char *when = NULL;
      g_autofree char *data = NULL;

      if (i < G_N_ELEMENTS (cases))
        when = g_strdup (cases[i]);
      else
        {
          /* Any second from year 1000 to 9999 (%Y pads no further). */
          gint64 seconds = (gint64) (g_rand_double (rand) * 284012524799.0) - G_GINT64_CONSTANT (30610224000);
          g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (seconds);

          when = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
        }
      data = g_strdup_printf (
        "{\"format\": \"repartee-project\", \"version\": 1, \"labels\": "
        "[{\"id\": \"claim\", \"name\": \"Claim\", \"color\": \"#3584e4\"}], \"speakers\": [], "
        "\"documents\": [{\"id\": \"d\", \"title\": \"\", \"source\": \"\", \"sha256\": \"%s\", \"text\": \"%s\"}], "
        "\"annotations\": [{\"id\": \"a1\", \"document\": \"d\", \"start\": 0, \"end\": 5, "
        "\"label\": \"claim\", \"created\": \"%s\", \"modified\": \"%s\"}], \"relations\": []}",
        sha, text_2, when, when);
      rpt_test_compare_readers (data, strlen (data), &tally);
    }
  g_rand_free (rand);
  ck_assert_uint_gt (tally.fast, 400);
}
END_TEST

/* The writer's timestamps against GDateTime's formatting. */
START_TEST (test_timestamp_format)
{
  GRand *rand = g_rand_new_with_seed (7);
  gint64 edges[] = { 0, 1, 59, 86399, 86400, 951782400, 951868799, 4107542400, 253402300799,
                     -1, -86400, -62135596800 };

  for (guint i = 0; i < G_N_ELEMENTS (edges) + 20000; i++)
    {
      gint64 seconds = i < G_N_ELEMENTS (edges) ? edges[i]
                       : (gint64) (g_rand_double (rand) * 315537897599.0) - G_GINT64_CONSTANT (62135596800);
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (seconds);
      g_autofree char *formatted = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
      g_autofree char *expected = g_strdup_printf ("\"%s\"", formatted);
      g_autoptr(GString) out = g_string_new (NULL);

      rpt_json_append_timestamp (out, seconds * G_USEC_PER_SEC);
      if (g_date_time_get_year (dt) >= 1000)
        ck_assert_str_eq (out->str, expected);
      else
        {
          /* Before year 1000: GDateTime's "%Y" or four digits, whichever
           * rule the writer follows, but a valid time either way. */
          g_autofree char *padded = g_strdup_printf ("\"%04d-%s\"", g_date_time_get_year (dt),
                                                     strchr (formatted, '-') + 1);

          ck_assert_msg (g_str_equal (out->str, expected) || g_str_equal (out->str, padded),
                         "%s is neither %s nor %s", out->str, expected, padded);
        }
    }
  g_rand_free (rand);
}
END_TEST

/* UTF-8: the one-pass reader checks it on its own, a word at a time. */
START_TEST (test_utf8_agrees)
{
  static const char *pieces[] = {
    "a", "{", "\"", "\\", "\n", "é", "€", "😉", "\xff", "\xc3", "\xe2\x82", "\xed\xa0\x80",
    "\xf4\x90\x80\x80", "\xc0\xaf", "\xef\xbf\xbe", "0123456789abcdef", "Zürich ",
  };
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text_2, -1);
  GRand *rand = g_rand_new_with_seed (3);
  Tally tally = { 0 };

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GString) note = g_string_new (NULL);
      g_autofree char *data = NULL;
      guint n = g_rand_int_range (rand, 1, 24);

      for (guint i = 0; i < n; i++)
        {
          /* Mostly valid text, so that the fast path gets its share. */
          guint k = g_rand_int_range (rand, 0, 3) == 0 ? g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces)) : 5;

          if (g_rand_int_range (rand, 0, 60) == 0)
            g_string_append_c (note, '\0');
          else
            g_string_append (note, pieces[k]);
        }
      data = g_strdup_printf (
        "{\"format\": \"repartee-project\", \"version\": 1, \"labels\": "
        "[{\"id\": \"claim\", \"name\": \"Claim\", \"color\": \"#3584e4\"}], \"speakers\": [], "
        "\"documents\": [{\"id\": \"d\", \"title\": \"\", \"source\": \"\", \"sha256\": \"%s\", \"text\": \"%s\"}], "
        "\"annotations\": [{\"id\": \"a1\", \"document\": \"d\", \"start\": 0, \"end\": 5, "
        "\"label\": \"claim\", \"note\": \"", sha, text_2);
      {
        g_autoptr(GString) all = g_string_new (data);

        g_string_append_len (all, note->str, note->len);
        g_string_append (all, "\"}], \"relations\": []}");
        rpt_test_compare_readers (all->str, all->len, &tally);
      }
    }
  g_rand_free (rand);
  ck_assert_uint_gt (tally.fast, 500);
  ck_assert_uint_lt (tally.accepted, tally.tried);
}
END_TEST

/* What rpt_project_relations_of() answered before it had an index. */
static GPtrArray *
relations_by_scan (RptProject *project,
                   const char *annotation_id)
{
  GListModel *relations = rpt_project_get_relations (project);
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(RptRelation) relation = g_list_model_get_item (relations, i);

      if (g_strcmp0 (rpt_relation_get_from (relation), annotation_id) == 0 ||
          g_strcmp0 (rpt_relation_get_to (relation), annotation_id) == 0)
        g_ptr_array_add (result, relation);
    }
  return result;
}

static void
check_relations_index (RptProject *project,
                       GPtrArray  *ids)
{
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GPtrArray) indexed = rpt_project_relations_of (project, g_ptr_array_index (ids, i));
      g_autoptr(GPtrArray) scanned = relations_by_scan (project, g_ptr_array_index (ids, i));

      ck_assert_uint_eq (indexed->len, scanned->len);
      for (guint k = 0; k < indexed->len; k++)
        ck_assert_ptr_eq (g_ptr_array_index (indexed, k), g_ptr_array_index (scanned, k));
    }
}

/* Random links, unlinks, annotation removals (which take their links),
 * undos and redos, compared with a scan after every step. */
START_TEST (test_relations_index_agrees)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(RptDocument) document = rpt_document_new ("d1", "T", "src", text_1);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (11);
  static const RptRelationType types[] = { RPT_RELATION_REBUTS, RPT_RELATION_RESPONDS_TO, RPT_RELATION_SUPPORTS };

  ck_assert (rpt_project_add_document (project, document, &error));
  for (guint i = 0; i < 12; i++)
    {
      RptAnnotation *a = rpt_project_add_annotation (project, "d1", i * 5, i * 5 + 3, "claim", NULL, &error);

      ck_assert_msg (a != NULL, "%s", error ? error->message : "");
      g_ptr_array_add (ids, g_strdup (rpt_annotation_get_id (a)));
    }
  g_ptr_array_add (ids, g_strdup ("no-such-annotation"));

  for (guint step = 0; step < 3000; step++)
    {
      guint r = g_rand_int_range (rand, 0, 100);
      GListModel *relations = rpt_project_get_relations (project);
      guint n = g_list_model_get_n_items (relations);

      if (r < 45)
        {
          const char *from = g_ptr_array_index (ids, g_rand_int_range (rand, 0, 12));
          const char *to = g_ptr_array_index (ids, g_rand_int_range (rand, 0, 12));

          g_clear_error (&error);
          rpt_project_add_relation (project, types[g_rand_int_range (rand, 0, 3)], from, to, &error);
        }
      else if (r < 60 && n > 0)
        {
          g_autoptr(RptRelation) relation = g_list_model_get_item (relations, g_rand_int_range (rand, 0, n));

          rpt_project_remove_relation (project, rpt_relation_get_id (relation));
        }
      else if (r < 65)
        {
          const char *id = g_ptr_array_index (ids, g_rand_int_range (rand, 0, 12));

          if (rpt_project_get_annotation (project, id))
            rpt_project_remove_annotation (project, id);
        }
      else if (r < 85)
        rpt_project_undo (project);
      else
        rpt_project_redo (project);

      check_relations_index (project, ids);
    }
  g_rand_free (rand);
}
END_TEST

static Suite *
fast_paths_suite (void)
{
  Suite *s = suite_create ("fast-paths");
  TCase *tc = tcase_create ("agreement");

  tcase_set_timeout (tc, 240);
  tcase_add_test (tc, test_base_takes_fast_path);
  tcase_add_test (tc, test_writer_output_takes_fast_path);
  tcase_add_test (tc, test_mutations_agree);
  tcase_add_test (tc, test_timestamps_agree);
  tcase_add_test (tc, test_timestamp_format);
  tcase_add_test (tc, test_utf8_agrees);
  tcase_add_test (tc, test_relations_index_agrees);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (fast_paths_suite)
