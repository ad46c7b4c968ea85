/* test-demo.c: the demo project in data/examples/ is valid, is exactly what
 * Repartee writes, has the counts and the structure it was made for, and
 * every span gives back the quote build-aux/demo-spec.json asked for.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "rpt-core.h"
#include "rpt-test-util.h"

#define N_ARTICLES     4
#define N_SPEAKERS     3
#define N_ANNOTATIONS 24
#define N_RELATIONS    8

static char *
demo_path (void)
{
  return rpt_test_source_path ("data/examples/demo.json");
}

static RptProject *
load_demo (void)
{
  g_autofree char *path = demo_path ();
  g_autoptr(GError) error = NULL;
  RptProject *project = rpt_project_load_from_file (path, &error);

  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  return project;
}

static JsonParser *
load_spec (JsonObject **root)
{
  g_autofree char *path = rpt_test_source_path ("build-aux/demo-spec.json");
  g_autoptr(GError) error = NULL;
  JsonParser *parser = json_parser_new ();

  ck_assert_msg (json_parser_load_from_file (parser, path, &error), "%s", error ? error->message : "");
  *root = json_node_get_object (json_parser_get_root (parser));
  return parser;
}

START_TEST (test_demo_validates)
{
  g_autofree char *path = demo_path ();
  g_autofree char *out = NULL, *err = NULL, *expected = NULL;
  const char *argv[] = { "validate", path, NULL };

  ck_assert_int_eq (rpt_test_run_tool (argv, &out, &err), 0);
  ck_assert_str_eq (err, "");
  expected = g_strdup_printf ("%s: valid: 4 articles, 4 labels, 3 speakers, 24 annotations, 8 relations\n", path);
  ck_assert_str_eq (out, expected);
}
END_TEST

/* The file is byte-identical to what Repartee writes for it. */
START_TEST (test_demo_is_canonical)
{
  g_autofree char *path = demo_path ();
  g_autofree char *contents = NULL, *out = NULL, *err = NULL;
  g_autoptr(RptProject) project = load_demo ();
  g_autoptr(GBytes) bytes = rpt_project_to_bytes (project);
  const char *argv[] = { "format", "--check", path, NULL };
  gsize len;

  contents = rpt_test_read_file (path, &len);
  ck_assert_uint_eq (g_bytes_get_size (bytes), len);
  ck_assert (memcmp (g_bytes_get_data (bytes, NULL), contents, len) == 0);
  ck_assert_int_eq (rpt_test_run_tool (argv, &out, &err), 0);
  ck_assert_str_eq (err, "");
}
END_TEST

static void
check_counts (JsonObject  *root,
              const char  *member,
              const char **ids,
              const guint *counts,
              guint        n)
{
  JsonArray *rows = json_object_get_array_member (root, member);

  ck_assert_uint_eq (json_array_get_length (rows), n);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (ids[i])
        ck_assert_str_eq (json_object_get_string_member (row, "id"), ids[i]);
      else
        ck_assert (json_object_get_null_member (row, "id"));
      ck_assert_msg (json_object_get_int_member (row, "count") == counts[i], "%s[%u]: %" G_GINT64_FORMAT " instead of %u",
                     member, i, json_object_get_int_member (row, "count"), counts[i]);
    }
}

START_TEST (test_demo_stats)
{
  g_autofree char *path = demo_path ();
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "stats", "--json", path, NULL };
  const char *documents[] = { "aldessa-courier", "tressaly-morning-post", "meridian-wire", "valley-dispatch" };
  const guint document_counts[] = { 7, 6, 7, 4 };
  const char *labels[] = { "claim", "rebuttal", "joke", "diplomatic-signal" };
  const guint label_counts[] = { 6, 6, 5, 7 };
  const char *speakers[] = { "mirela-dănescu", "hugo-brennecke", "lina-orsolan", NULL };
  const guint speaker_counts[] = { 11, 12, 1, 0 };
  const char *relations[] = { "rebuts", "responds-to", "supports" };
  const guint relation_counts[] = { 6, 2, 0 };
  JsonObject *root;

  ck_assert_int_eq (rpt_test_run_tool (argv, &out, &err), 0);
  ck_assert_msg (json_parser_load_from_data (parser, out, -1, &error), "%s", error ? error->message : "");
  root = json_node_get_object (json_parser_get_root (parser));
  ck_assert_int_eq (json_object_get_int_member (root, "annotations"), N_ANNOTATIONS);
  check_counts (root, "documents", documents, document_counts, N_ARTICLES);
  check_counts (root, "labels", labels, label_counts, 4);
  check_counts (root, "speakers", speakers, speaker_counts, N_SPEAKERS + 1);
  check_counts (root, "relations", relations, relation_counts, 3);
}
END_TEST

/* Every annotation is where the spec put it: its span gives back the quote,
 * with the label, speaker and note the spec gave. */
START_TEST (test_demo_matches_spec)
{
  g_autoptr(RptProject) project = load_demo ();
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *spec;
  JsonArray *annotations, *relations;

  parser = load_spec (&spec);
  annotations = json_object_get_array_member (spec, "annotations");
  relations = json_object_get_array_member (spec, "relations");
  ck_assert_uint_eq (json_array_get_length (annotations), N_ANNOTATIONS);
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), N_ANNOTATIONS);
  ck_assert_uint_eq (json_array_get_length (relations), N_RELATIONS);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_relations (project)), N_RELATIONS);

  for (guint i = 0; i < N_ANNOTATIONS; i++)
    {
      JsonObject *item = json_array_get_object_element (annotations, i);
      const char *id = json_object_get_string_member (item, "id");
      RptAnnotation *a = rpt_project_get_annotation (project, id);
      RptDocument *doc;
      g_autofree char *span = NULL;

      ck_assert_msg (a != NULL, "%s is missing", id);
      ck_assert_str_eq (rpt_annotation_get_document (a), json_object_get_string_member (item, "document"));
      ck_assert_str_eq (rpt_annotation_get_label (a), json_object_get_string_member (item, "label"));
      ck_assert_str_eq (rpt_annotation_get_speaker (a), json_object_get_string_member (item, "speaker"));
      ck_assert_str_eq (rpt_annotation_get_note (a), json_object_get_string_member_with_default (item, "note", ""));
      doc = rpt_project_get_document (project, rpt_annotation_get_document (a));
      span = rpt_document_dup_slice (doc, rpt_annotation_get_start (a), rpt_annotation_get_end (a));
      ck_assert_msg (g_str_equal (span, json_object_get_string_member (item, "quote")),
                     "%s: “%s” instead of “%s”", id, span, json_object_get_string_member (item, "quote"));
    }

  for (guint i = 0; i < N_RELATIONS; i++)
    {
      JsonObject *item = json_array_get_object_element (relations, i);
      g_autoptr(RptRelation) relation = g_list_model_get_item (rpt_project_get_relations (project), i);

      ck_assert_str_eq (rpt_relation_get_id (relation), json_object_get_string_member (item, "id"));
      ck_assert_str_eq (rpt_relation_type_to_string (rpt_relation_get_kind (relation)),
                        json_object_get_string_member (item, "type"));
      ck_assert_str_eq (rpt_relation_get_from (relation), json_object_get_string_member (item, "from"));
      ck_assert_str_eq (rpt_relation_get_to (relation), json_object_get_string_member (item, "to"));
    }
}
END_TEST

/* The documents are the article files, byte for byte, so the installed
 * articles and the project agree. */
START_TEST (test_demo_documents_are_the_articles)
{
  g_autoptr(RptProject) project = load_demo ();
  GListModel *documents = rpt_project_get_documents (project);

  ck_assert_uint_eq (g_list_model_get_n_items (documents), N_ARTICLES);
  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autoptr(RptDocument) doc = g_list_model_get_item (documents, i);
      g_autofree char *relative = g_build_filename ("data/examples/articles", rpt_document_get_source (doc), NULL);
      g_autofree char *path = rpt_test_source_path (relative);
      g_autofree char *contents = NULL;
      gsize len;

      contents = rpt_test_read_file (path, &len);
      ck_assert_uint_eq (len, rpt_document_get_text_bytes (doc));
      ck_assert_str_eq (contents, rpt_document_get_text (doc));
    }
}
END_TEST

static gboolean
has_label (RptProject *project,
           const char *id,
           const char *label)
{
  RptAnnotation *a = rpt_project_get_annotation (project, id);

  return a != NULL && g_str_equal (rpt_annotation_get_label (a), label);
}

/* What the demo is for: the window, the summary and the exports show their
 * features on it. */
START_TEST (test_demo_structure)
{
  g_autoptr(RptProject) project = load_demo ();
  GListModel *relations = rpt_project_get_relations (project);
  GListModel *documents = rpt_project_get_documents (project);
  gboolean chain = FALSE, responds = FALSE, overlap = FALSE, emoji = FALSE, dash = FALSE;
  guint notes = 0;

  /* Every label is used; two main speakers (and a moderator). */
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_labels (project)), 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (rpt_project_get_labels (project), i);
      ck_assert_uint_gt (rpt_project_count_label_uses (project, rpt_label_get_id (label)), 0);
    }
  ck_assert_uint_ge (rpt_project_count_speaker_uses (project, "mirela-dănescu"), 10);
  ck_assert_uint_ge (rpt_project_count_speaker_uses (project, "hugo-brennecke"), 10);
  ck_assert_str_eq (rpt_speaker_get_name (rpt_project_get_speaker (project, "mirela-dănescu")), "Mirela Dănescu");

  /* A claim, its rebuttal and a counter-rebuttal; a responds-to. */
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(RptRelation) r = g_list_model_get_item (relations, i);

      if (rpt_relation_get_kind (r) == RPT_RELATION_RESPONDS_TO)
        responds = TRUE;
      if (rpt_relation_get_kind (r) != RPT_RELATION_REBUTS)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (relations); j++)
        {
          g_autoptr(RptRelation) s = g_list_model_get_item (relations, j);

          if (rpt_relation_get_kind (s) == RPT_RELATION_REBUTS &&
              g_str_equal (rpt_relation_get_to (r), rpt_relation_get_from (s)) &&
              has_label (project, rpt_relation_get_from (r), "rebuttal") &&
              has_label (project, rpt_relation_get_from (s), "rebuttal") &&
              has_label (project, rpt_relation_get_to (s), "claim"))
            chain = TRUE;
        }
    }
  ck_assert_msg (chain, "no claim → rebuttal → counter-rebuttal chain");
  ck_assert (responds);

  /* A joke that is also a diplomatic signal; notes; non-ASCII spans. */
  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(RptDocument) doc = g_list_model_get_item (documents, d);
      RptAnnotationStore *store = rpt_project_get_annotations (project, rpt_document_get_id (doc));

      for (guint i = 0; i < rpt_annotation_store_get_n_items (store); i++)
        {
          RptAnnotation *a = rpt_annotation_store_get (store, i);
          g_autofree char *span = rpt_document_dup_slice (doc, rpt_annotation_get_start (a), rpt_annotation_get_end (a));
          g_autoptr(GPtrArray) over = rpt_annotation_store_query (store, rpt_annotation_get_start (a),
                                                                  rpt_annotation_get_end (a));

          notes += *rpt_annotation_get_note (a) != '\0';
          emoji |= g_utf8_strchr (span, -1, 0x1fad6) != NULL;   /* teapot, outside the BMP */
          dash |= g_utf8_strchr (span, -1, 0x2014) != NULL;
          if (!g_str_equal (rpt_annotation_get_label (a), "joke"))
            continue;
          for (guint k = 0; k < over->len; k++)
            overlap |= g_str_equal (rpt_annotation_get_label (g_ptr_array_index (over, k)), "diplomatic-signal");
        }
    }
  ck_assert_msg (overlap, "no joke overlaps a diplomatic signal");
  ck_assert_uint_ge (notes, 5);
  ck_assert (emoji);
  ck_assert (dash);
}
END_TEST

/* build-aux/make-demo.py gives back the committed file exactly. */
START_TEST (test_demo_is_reproducible)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *script = rpt_test_source_path ("build-aux/make-demo.py");
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *output = g_build_filename (dir, "demo.json", NULL);
  g_autofree char *path = demo_path ();
  g_autofree char *made = NULL, *committed = NULL, *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  gsize made_len, committed_len;
  int status;

  if (python == NULL)
    {
      /* python3 is among the packages the setup script installs. */
      ck_abort_msg ("python3 is not installed");
    }
  {
    const char *argv[] = { python, script, "--tool", g_getenv ("REPARTEE_TOOL"), "--output", output, NULL };

    ck_assert_msg (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error),
                   "%s", error ? error->message : "");
  }
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "make-demo.py failed:\n%s", err);
  ck_assert_str_eq (err, "");
  made = rpt_test_read_file (output, &made_len);
  committed = rpt_test_read_file (path, &committed_len);
  ck_assert_uint_eq (made_len, committed_len);
  ck_assert (memcmp (made, committed, made_len) == 0);
}
END_TEST

static Suite *
demo_suite (void)
{
  Suite *s = suite_create ("demo");
  TCase *tc = tcase_create ("demo");

  tcase_add_test (tc, test_demo_validates);
  tcase_add_test (tc, test_demo_is_canonical);
  tcase_add_test (tc, test_demo_stats);
  tcase_add_test (tc, test_demo_matches_spec);
  tcase_add_test (tc, test_demo_documents_are_the_articles);
  tcase_add_test (tc, test_demo_structure);
  tcase_add_test (tc, test_demo_is_reproducible);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (demo_suite)
