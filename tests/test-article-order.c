/* test-article-order.c: the order of the articles: moving one, sorting
 * them by date or by outlet, each one undo step; the orphans following
 * the order; the order in the file, read back by both readers; and
 * removing an article with the links into it from other articles.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <string.h>

#include "rpt-core.h"
#include "rpt-project-private.h"
#include "rpt-test-model.h"
#include "rpt-test-util.h"

/* The ids of the articles, in the project's order. */
static char *
order_of (RptProject *project)
{
  GListModel *documents = rpt_project_get_documents (project);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(RptDocument) document = g_list_model_get_item (documents, i);

      g_string_append_printf (out, "%s%s", i ? " " : "", rpt_document_get_id (document));
    }
  return g_string_free (out, FALSE);
}

/* @first is in @text, before @second. */
static void
assert_before (const char *text,
               const char *first,
               const char *second)
{
  const char *a = strstr (text, first), *b = strstr (text, second);

  ck_assert_msg (a != NULL && b != NULL && a < b, "“%s” is not before “%s”", first, second);
}

#define ASSERT_ORDER(project, expected)                 \
  G_STMT_START {                                        \
    g_autofree char *order_ = order_of (project);       \
    ck_assert_str_eq (order_, expected);                \
  } G_STMT_END

/* An article with an outlet and a date (either may be NULL). */
static void
add_article (RptProject *project,
             const char *id,
             const char *title,
             const char *outlet,
             const char *date)
{
  g_autoptr(RptDocument) document = rpt_document_new (id, title, "articles.txt", TEXT_ONE);
  g_autoptr(RptArticleMeta) meta = rpt_article_meta_new ();

  rpt_article_meta_set (meta, RPT_ARTICLE_FIELD_OUTLET, outlet);
  rpt_article_meta_set (meta, RPT_ARTICLE_FIELD_DATE, date);
  rpt_document_set_meta (document, meta);
  ck_assert (rpt_project_add_document (project, document, NULL));
}

/* Counts the list's items-changed signals and where the last one was. */
typedef struct
{
  guint n, position, removed, added;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->n++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

START_TEST (test_move_document)
{
  g_autoptr(RptProject) project = make_project ();
  g_autoptr(RptDocument) three = rpt_document_new ("three", "Third", "3.txt", "Short text.");
  GListModel *documents = rpt_project_get_documents (project);
  Changes changes = { 0 };

  ck_assert (rpt_project_add_document (project, three, NULL));
  rpt_project_mark_saved (project);
  ASSERT_ORDER (project, "one two three");

  g_signal_connect (documents, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  CHECK_EDIT (project, rpt_project_move_document (project, "three", 0));
  ASSERT_ORDER (project, "three one two");
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Move Article");
  ck_assert (rpt_project_get_dirty (project));
  /* One change over the part that turned, in which a selection finds the
   * moved article again. */
  changes.n = 0;
  ck_assert (rpt_project_undo (project));
  ck_assert_uint_eq (changes.n, 1);
  ck_assert_uint_eq (changes.position, 0);
  ck_assert_uint_eq (changes.removed, 3);
  ck_assert_uint_eq (changes.added, 3);
  ASSERT_ORDER (project, "one two three");
  ck_assert (!rpt_project_get_dirty (project));
  ck_assert (rpt_project_redo (project));

  /* Down by one, and past the end to the last place. */
  CHECK_EDIT (project, rpt_project_move_document (project, "one", 2));
  ASSERT_ORDER (project, "three two one");
  changes.n = 0;
  CHECK_EDIT (project, rpt_project_move_document (project, "three", 99));
  ASSERT_ORDER (project, "two one three");
  ck_assert_uint_eq (changes.position, 0);

  /* Where it is already, or an unknown id: no undo step. */
  {
    g_autofree char *before = snapshot (project);
    g_autofree char *after = NULL;
    guint64 generation = rpt_project_get_generation (project);

    rpt_project_move_document (project, "two", 0);
    rpt_project_move_document (project, "three", 2);
    rpt_project_move_document (project, "nope", 0);
    after = snapshot (project);
    ck_assert_str_eq (before, after);
    ck_assert_uint_eq (rpt_project_get_generation (project), generation);
    ck_assert_str_eq (rpt_project_get_undo_description (project), "Move Article");
  }
  g_signal_handlers_disconnect_by_data (documents, &changes);
}
END_TEST

START_TEST (test_sort_by_date)
{
  g_autoptr(RptProject) project = rpt_project_new ();

  add_article (project, "undated-b", "Beta report", "Ledger", NULL);
  add_article (project, "march", "March", "Courier", "2022-03-01");
  add_article (project, "feb-late", "Zulu", NULL, "2022-02-10T18:00:00Z");
  add_article (project, "undated-a", "alpha report", NULL, "soon");
  add_article (project, "feb", "Yankee", "Herald", "2022-02-10");
  add_article (project, "feb-twin", "Xray", "Herald", "2022-02-10");
  add_article (project, "year", "Year only", NULL, "2022");
  add_article (project, "written", "Written out", NULL, "9 February 2022");
  rpt_project_mark_saved (project);

  /* Oldest first ("2022" before any day of it); a date with a time after
   * the same day without one; the same date by title; no date (or one
   * that is no date) last, by title whatever its case. */
  CHECK_EDIT (project, rpt_project_sort_documents (project, RPT_DOCUMENT_SORT_DATE));
  ASSERT_ORDER (project, "year written feb-twin feb feb-late march undated-a undated-b");
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Sort Articles by Date");
  ck_assert (rpt_project_undo (project));
  ASSERT_ORDER (project, "undated-b march feb-late undated-a feb feb-twin year written");
  ck_assert (!rpt_project_get_dirty (project));
  ck_assert (rpt_project_redo (project));

  /* Sorted already: no undo step. */
  {
    guint64 generation = rpt_project_get_generation (project);

    rpt_project_sort_documents (project, RPT_DOCUMENT_SORT_DATE);
    ck_assert_uint_eq (rpt_project_get_generation (project), generation);
  }
}
END_TEST

START_TEST (test_sort_by_outlet)
{
  g_autoptr(RptProject) project = rpt_project_new ();

  add_article (project, "none", "Aardvark", NULL, "2020-01-01");
  add_article (project, "ledger-2", "Second", "the Ledger", NULL);
  add_article (project, "courier", "Courier story", "Courier", NULL);
  add_article (project, "ledger-1", "First", "The Ledger", NULL);
  add_article (project, "same-1", "Same", "Herald", NULL);
  add_article (project, "same-2", "Same", "Herald", NULL);
  add_article (project, "another", "Another", NULL, NULL);
  rpt_project_mark_saved (project);

  /* By outlet ignoring case, then by title; equal ones keep their order;
   * no outlet last. */
  CHECK_EDIT (project, rpt_project_sort_documents (project, RPT_DOCUMENT_SORT_OUTLET));
  ASSERT_ORDER (project, "courier same-1 same-2 ledger-1 ledger-2 none another");
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Sort Articles by Outlet");
}
END_TEST

/* Orphans are listed in the articles' order, and the file stores them so. */
START_TEST (test_orphans_follow_order)
{
  g_autoptr(RptProject) project = make_project ();
  GListModel *orphans = rpt_project_get_orphans (project);
  g_autoptr(GError) error = NULL;

  tag (project, "one", 4, 12, "claim", NULL);
  tag (project, "two", 2, 11, "claim", NULL);
  ck_assert (rpt_project_replace_document_text (project, "one", "Nothing like it.", NULL, &error));
  ck_assert (rpt_project_replace_document_text (project, "two", "Nothing at all.", NULL, &error));
  ck_assert_uint_eq (g_list_model_get_n_items (orphans), 2);
  rpt_project_mark_saved (project);

  CHECK_EDIT (project, rpt_project_move_document (project, "two", 0));
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RptAnnotation) orphan = g_list_model_get_item (orphans, i);

      ck_assert_str_eq (rpt_annotation_get_document (orphan), i == 0 ? "two" : "one");
    }
  {
    g_autofree char *text = snapshot (project);
    const char *list = strstr (text, "\"orphans\"");

    ck_assert_ptr_nonnull (list);
    assert_before (list, "\"document\": \"two\"", "\"document\": \"one\"");
  }
}
END_TEST

/* Both readers keep the documents array's order. */
START_TEST (test_order_in_file)
{
  g_autoptr(RptProject) project = make_project ();
  g_autoptr(RptDocument) three = rpt_document_new ("three", "Third", "3.txt", "Short text.");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *data = NULL;
  gsize len;

  ck_assert (rpt_project_add_document (project, three, NULL));
  rpt_project_move_document (project, "three", 0);
  rpt_project_move_document (project, "one", 2);
  ASSERT_ORDER (project, "three two one");
  bytes = rpt_project_to_bytes (project);
  data = g_strndup (g_bytes_get_data (bytes, &len), g_bytes_get_size (bytes));
  assert_before (data, "\"id\": \"three\"", "\"id\": \"two\"");
  assert_before (data, "\"id\": \"two\"", "\"id\": \"one\"");

  {
    g_autoptr(RptProject) fast = _rpt_project_read_fast (data, len);

    ck_assert_ptr_nonnull (fast);
    ASSERT_ORDER (fast, "three two one");
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RptProject) slow = NULL;

    _rpt_project_set_fast_reader (FALSE);
    slow = rpt_project_load_from_data (data, len, &error);
    _rpt_project_set_fast_reader (TRUE);
    ck_assert_msg (slow != NULL, "%s", error ? error->message : "");
    ASSERT_ORDER (slow, "three two one");
  }
}
END_TEST

/* The links from other articles into a removed one go with it, and come
 * back with their ids, ends and places on undo. */
START_TEST (test_remove_document_with_links_into_it)
{
  g_autoptr(RptProject) project = make_project ();
  RptAnnotation *claim = tag (project, "one", 4, 12, "claim", NULL);
  RptAnnotation *answer = tag (project, "two", 2, 11, "rebuttal", NULL);
  RptAnnotation *aside = tag (project, "two", 40, 46, "joke", NULL);
  g_autofree char *into = NULL, *between = NULL;
  GListModel *relations = rpt_project_get_relations (project);

  into = g_strdup (rpt_relation_get_id (rpt_project_add_relation (project, RPT_RELATION_REBUTS,
                                                                  rpt_annotation_get_id (answer),
                                                                  rpt_annotation_get_id (claim), NULL)));
  between = g_strdup (rpt_relation_get_id (rpt_project_add_relation (project, RPT_RELATION_SUPPORTS,
                                                                     rpt_annotation_get_id (aside),
                                                                     rpt_annotation_get_id (answer), NULL)));
  rpt_project_mark_saved (project);

  CHECK_EDIT (project, rpt_project_remove_document (project, "one"));
  ck_assert_uint_eq (g_list_model_get_n_items (relations), 1);
  ck_assert_ptr_null (rpt_project_get_relation (project, into));
  ck_assert_ptr_nonnull (rpt_project_get_relation (project, between));
  ck_assert_ptr_eq (rpt_project_get_annotation (project, rpt_annotation_get_id (answer)), answer);

  ck_assert (rpt_project_undo (project));
  ck_assert_uint_eq (g_list_model_get_n_items (relations), 2);
  {
    g_autoptr(RptRelation) first = g_list_model_get_item (relations, 0);

    ck_assert_str_eq (rpt_relation_get_id (first), into);
    ck_assert_str_eq (rpt_relation_get_from (first), rpt_annotation_get_id (answer));
    ck_assert_str_eq (rpt_relation_get_to (first), rpt_annotation_get_id (claim));
  }
  ck_assert (!rpt_project_get_dirty (project));
}
END_TEST

static Suite *
article_order_suite (void)
{
  Suite *s = suite_create ("article-order");
  TCase *tc = tcase_create ("order");

  tcase_add_test (tc, test_move_document);
  tcase_add_test (tc, test_sort_by_date);
  tcase_add_test (tc, test_sort_by_outlet);
  tcase_add_test (tc, test_orphans_follow_order);
  tcase_add_test (tc, test_order_in_file);
  tcase_add_test (tc, test_remove_document_with_links_into_it);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (article_order_suite)
