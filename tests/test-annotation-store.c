/* test-annotation-store.c: the annotations of one document in (start, end,
 * id) order, and the overlap queries the article view relies on.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "rpt-core.h"
#include "rpt-test-util.h"

/* 120 characters of plain text written for this test. */
#define TEXT "One side said the harbour deal was signed. The other side said it " \
             "was only initialled, and that signing was months away."

static RptProject *
make_project (guint n_labels)
{
  RptProject *project = rpt_project_new ();
  g_autoptr(RptDocument) doc = rpt_document_new ("doc", "Harbour", "doc.txt", TEXT);

  ck_assert (rpt_project_add_document (project, doc, NULL));
  for (guint i = 4; i < n_labels; i++)
    {
      g_autofree char *name = g_strdup_printf ("Label %u", i);
      ck_assert_ptr_nonnull (rpt_project_add_label (project, name, "#808080", 0, NULL));
    }
  return project;
}

static char *
order_of (RptAnnotationStore *store)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rpt_annotation_store_get_n_items (store); i++)
    {
      RptAnnotation *a = rpt_annotation_store_get (store, i);
      g_string_append_printf (out, "%s%s:%u-%u", i ? " " : "", rpt_annotation_get_id (a),
                              rpt_annotation_get_start (a), rpt_annotation_get_end (a));
    }
  return g_string_free (out, FALSE);
}

START_TEST (test_order)
{
  g_autoptr(RptProject) project = make_project (12);
  RptAnnotationStore *store = rpt_project_get_annotations (project, "doc");
  GListModel *labels = rpt_project_get_labels (project);
  g_autofree char *order = NULL;

  ck_assert_uint_eq (g_list_model_get_n_items (labels), 12);
  /* Twelve annotations on one span: the ids decide, compared as strings,
   * so a10 and a11 sort before a2. */
  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (labels, i);
      ck_assert_ptr_nonnull (rpt_project_add_annotation (project, "doc", 20, 30, rpt_label_get_id (label),
                                                         NULL, NULL));
    }
  rpt_project_add_annotation (project, "doc", 20, 25, "claim", NULL, NULL);   /* a13 */
  rpt_project_add_annotation (project, "doc", 3, 90, "claim", NULL, NULL);    /* a14 */
  rpt_project_add_annotation (project, "doc", 20, 31, "joke", NULL, NULL);    /* a15 */
  rpt_project_add_annotation (project, "doc", 0, 1, "joke", NULL, NULL);      /* a16 */
  order = order_of (store);
  ck_assert_str_eq (order, "a16:0-1 a14:3-90 a13:20-25 a1:20-30 a10:20-30 a11:20-30 a12:20-30 "
                           "a2:20-30 a3:20-30 a4:20-30 a5:20-30 a6:20-30 a7:20-30 a8:20-30 a9:20-30 "
                           "a15:20-31");

  /* Changing a range moves the annotation to its new place. */
  ck_assert (rpt_project_set_annotation_range (project, "a14", 20, 26, NULL));
  ck_assert (rpt_project_set_annotation_range (project, "a16", 100, 101, NULL));
  g_free (order);
  order = order_of (store);
  ck_assert_str_eq (order, "a13:20-25 a14:20-26 a1:20-30 a10:20-30 a11:20-30 a12:20-30 "
                           "a2:20-30 a3:20-30 a4:20-30 a5:20-30 a6:20-30 a7:20-30 a8:20-30 a9:20-30 "
                           "a15:20-31 a16:100-101");
  ck_assert (rpt_project_undo (project));
  ck_assert (rpt_project_undo (project));
  g_free (order);
  order = order_of (store);
  ck_assert_str_eq (order, "a16:0-1 a14:3-90 a13:20-25 a1:20-30 a10:20-30 a11:20-30 a12:20-30 "
                           "a2:20-30 a3:20-30 a4:20-30 a5:20-30 a6:20-30 a7:20-30 a8:20-30 a9:20-30 "
                           "a15:20-31");

  ck_assert_uint_eq (rpt_annotation_store_lower_bound (store, 0), 0);
  ck_assert_uint_eq (rpt_annotation_store_lower_bound (store, 1), 1);
  ck_assert_uint_eq (rpt_annotation_store_lower_bound (store, 4), 2);
  ck_assert_uint_eq (rpt_annotation_store_lower_bound (store, 20), 2);
  ck_assert_uint_eq (rpt_annotation_store_lower_bound (store, 21), 16);
  ck_assert_uint_eq (rpt_annotation_store_find (store, rpt_project_get_annotation (project, "a2")), 7);
  {
    g_autoptr(RptProject) other = make_project (4);
    RptAnnotation *stranger = rpt_project_add_annotation (other, "doc", 20, 30, "claim", NULL, NULL);

    ck_assert_uint_eq (rpt_annotation_store_find (store, stranger), G_MAXUINT);
  }
}
END_TEST

START_TEST (test_query_small)
{
  g_autoptr(RptProject) project = make_project (4);
  RptAnnotationStore *store = rpt_project_get_annotations (project, "doc");
  g_autoptr(GPtrArray) hits = NULL;

  rpt_project_add_annotation (project, "doc", 0, 100, "claim", NULL, NULL);   /* a1: long */
  rpt_project_add_annotation (project, "doc", 10, 20, "joke", NULL, NULL);    /* a2 */
  rpt_project_add_annotation (project, "doc", 20, 30, "joke", NULL, NULL);    /* a3 */
  rpt_project_add_annotation (project, "doc", 95, 110, "rebuttal", NULL, NULL); /* a4 */

#define HITS(s, e, expected)                                              \
  G_STMT_START {                                                          \
    GString *got = g_string_new (NULL);                                   \
    g_clear_pointer (&hits, g_ptr_array_unref);                           \
    hits = rpt_annotation_store_query (store, s, e);                      \
    for (guint i = 0; i < hits->len; i++)                                 \
      g_string_append_printf (got, "%s%s", i ? " " : "",                  \
                              rpt_annotation_get_id (hits->pdata[i]));    \
    ck_assert_str_eq (got->str, expected);                                \
    g_string_free (got, TRUE);                                            \
  } G_STMT_END

  /* End exclusive: [10, 20) and [20, 30) touch but do not overlap. */
  HITS (20, 20, "a1 a3");
  HITS (19, 20, "a1 a2");
  HITS (19, 21, "a1 a2 a3");
  HITS (30, 95, "a1");
  HITS (100, 101, "a4");
  HITS (99, 100, "a1 a4");
  HITS (110, 110, "");
  HITS (0, 0, "a1");
  HITS (0, 200, "a1 a2 a3 a4");
  HITS (60, 50, "");
#undef HITS
}
END_TEST

/* Every query agrees with a brute-force scan, before and after edits that
 * move, lengthen and shorten spans. */
START_TEST (test_query_matches_brute_force)
{
  g_autoptr(RptProject) project = make_project (4);
  RptAnnotationStore *store = rpt_project_get_annotations (project, "doc");
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  const char *labels[] = { "claim", "rebuttal", "joke", "diplomatic-signal" };
  guint len = g_utf8_strlen (TEXT, -1);

  for (guint i = 0; i < 150; i++)
    {
      guint s = g_rand_int_range (rand, 0, len);
      guint e = MIN (len, s + 1 + (i % 10 == 0 ? g_rand_int_range (rand, 0, len) : g_rand_int_range (rand, 0, 8)));

      rpt_project_add_annotation (project, "doc", s, e, labels[i % 4], NULL, NULL);
    }

  for (guint round = 0; round < 3; round++)
    {
      guint n = rpt_annotation_store_get_n_items (store);

      ck_assert_uint_gt (n, 100);
      for (guint s = 0; s <= len; s++)
        for (guint e = s; e <= len + 2; e++)
          {
            g_autoptr(GPtrArray) hits = rpt_annotation_store_query (store, s, e);
            guint k = 0;

            for (guint i = 0; i < n; i++)
              {
                RptAnnotation *a = rpt_annotation_store_get (store, i);
                guint as = rpt_annotation_get_start (a), ae = rpt_annotation_get_end (a);
                gboolean overlaps = s == e ? (as <= s && s < ae) : (as < e && ae > s);

                if (overlaps)
                  {
                    ck_assert_msg (k < hits->len && hits->pdata[k] == a,
                                   "query %u-%u misses %s", s, e, rpt_annotation_get_id (a));
                    k++;
                  }
              }
            ck_assert_uint_eq (k, hits->len);
          }

      /* Reshape a third of the spans, some to the whole text. */
      for (guint i = 0; i < n / 3; i++)
        {
          RptAnnotation *a = rpt_annotation_store_get (store, g_rand_int_range (rand, 0, n));
          guint s = g_rand_int_range (rand, 0, len);
          guint e = round == 0 && i == 0 ? len : MIN (len, s + 1 + g_rand_int_range (rand, 0, 5));
          g_autofree char *id = g_strdup (rpt_annotation_get_id (a));

          if (round == 0 && i == 0)
            s = 0;
          rpt_project_set_annotation_range (project, id, s, e, NULL);
        }
    }
}
END_TEST

static Suite *
store_suite (void)
{
  Suite *s = suite_create ("annotation-store");
  TCase *tc = tcase_create ("store");

  tcase_add_test (tc, test_order);
  tcase_add_test (tc, test_query_small);
  tcase_add_test (tc, test_query_matches_brute_force);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (store_suite)
