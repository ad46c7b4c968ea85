/* rpt-test-model.h: helpers for the model suites: a snapshot of the whole
 * project, consistency checks, and macros that check an edit is undone and
 * redone exactly or refused without a trace.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <check.h>

#include "rpt-core.h"
#include "rpt-test-project.h"

/* Two short articles written for these tests. */
#define TEXT_ONE "The minister said the border talks were finished. " \
                 "The envoy answered that they had hardly started."
#define TEXT_TWO "A spokesman called the meeting cordial. Nobody else did."

/* ---- Helpers ---- */

/* What the project would write: covers every field the user can see. */
static inline char *
snapshot (RptProject *project)
{
  return rpt_test_project_text (project);
}

/* The indexes agree with each other: stores sorted, lookups and counts
 * right, every reference resolves. */
static inline void
assert_consistent (RptProject *project)
{
  GListModel *documents = rpt_project_get_documents (project);
  GListModel *relations = rpt_project_get_relations (project);
  guint total = 0;

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(RptDocument) document = g_list_model_get_item (documents, d);
      const char *doc_id = rpt_document_get_id (document);
      RptAnnotationStore *store = rpt_project_get_annotations (project, doc_id);
      guint n;

      ck_assert_ptr_nonnull (store);
      ck_assert_ptr_eq (rpt_project_get_document (project, doc_id), document);
      n = rpt_annotation_store_get_n_items (store);
      ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (store)), n);
      ck_assert_uint_eq (rpt_document_get_n_annotations (document), n);
      total += n;
      for (guint i = 0; i < n; i++)
        {
          RptAnnotation *a = rpt_annotation_store_get (store, i);
          const char *speaker = rpt_annotation_get_speaker (a);

          if (i > 0)
            ck_assert_int_lt (rpt_annotation_compare (rpt_annotation_store_get (store, i - 1), a), 0);
          ck_assert_str_eq (rpt_annotation_get_document (a), doc_id);
          ck_assert_ptr_eq (rpt_project_get_annotation (project, rpt_annotation_get_id (a)), a);
          ck_assert_uint_eq (rpt_annotation_store_find (store, a), i);
          ck_assert_ptr_nonnull (rpt_project_get_label (project, rpt_annotation_get_label (a)));
          ck_assert (speaker == NULL || rpt_project_get_speaker (project, speaker) != NULL);
          ck_assert_uint_lt (rpt_annotation_get_start (a), rpt_annotation_get_end (a));
          ck_assert_uint_le (rpt_annotation_get_end (a), rpt_document_get_length (document));
        }
    }
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), total);

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(RptRelation) r = g_list_model_get_item (relations, i);

      ck_assert_ptr_eq (rpt_project_get_relation (project, rpt_relation_get_id (r)), r);
      ck_assert_ptr_nonnull (rpt_project_get_annotation (project, rpt_relation_get_from (r)));
      ck_assert_ptr_nonnull (rpt_project_get_annotation (project, rpt_relation_get_to (r)));
    }
}

/* The project is in state @after, reached from @before by one undo step:
 * undo and redo move exactly between the two, twice over. */
static inline void
assert_undo_redo (RptProject *project,
                  const char *before,
                  const char *after)
{
  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;

      ck_assert (rpt_project_can_undo (project));
      ck_assert (rpt_project_undo (project));
      undone = snapshot (project);
      ck_assert_str_eq (undone, before);
      assert_consistent (project);

      ck_assert (rpt_project_can_redo (project));
      ck_assert (rpt_project_redo (project));
      redone = snapshot (project);
      ck_assert_str_eq (redone, after);
      assert_consistent (project);
    }
}

/* Runs @stmt as an edit that must change the project, then checks undo/redo. */
#define CHECK_EDIT(project, stmt)                                  \
  G_STMT_START {                                                   \
    g_autofree char *before_ = snapshot (project);                 \
    g_autofree char *after_ = NULL;                                \
    stmt;                                                          \
    after_ = snapshot (project);                                   \
    ck_assert_str_ne (before_, after_);                            \
    assert_consistent (project);                                   \
    assert_undo_redo (project, before_, after_);                   \
  } G_STMT_END

/* Runs @stmt, which must be refused with @expected and change nothing. */
#define CHECK_REFUSED(project, stmt, expected)                      \
  G_STMT_START {                                                   \
    g_autofree char *before_ = snapshot (project);                 \
    g_autofree char *after_ = NULL;                                \
    g_autoptr(GError) error = NULL;                                \
    gboolean can_undo_ = rpt_project_can_undo (project);           \
    gboolean dirty_ = rpt_project_get_dirty (project);             \
    guint64 generation_ = rpt_project_get_generation (project);    \
    ck_assert (!(stmt));                                           \
    ck_assert_msg (error != NULL, "no error set");                 \
    ck_assert_str_eq (error->message, expected);                   \
    after_ = snapshot (project);                                   \
    ck_assert_str_eq (before_, after_);                            \
    ck_assert_int_eq (rpt_project_can_undo (project), can_undo_);  \
    ck_assert_int_eq (rpt_project_get_dirty (project), dirty_);    \
    ck_assert_uint_eq (rpt_project_get_generation (project), generation_); \
  } G_STMT_END

/* A project with both articles and two speakers, marked saved. */
static inline RptProject *
make_project (void)
{
  RptProject *project = rpt_project_new ();
  g_autoptr(RptDocument) one = rpt_document_new ("one", "Border talks", "one.txt", TEXT_ONE);
  g_autoptr(RptDocument) two = rpt_document_new ("two", "The meeting", "two.txt", TEXT_TWO);

  rpt_project_set_author (project, "Test Author");
  ck_assert (rpt_project_add_document (project, one, NULL));
  ck_assert (rpt_project_add_document (project, two, NULL));
  ck_assert_ptr_nonnull (rpt_project_add_speaker (project, "Minister Vale", NULL));
  ck_assert_ptr_nonnull (rpt_project_add_speaker (project, "Envoy Okafor", NULL));
  rpt_project_mark_saved (project);
  return project;
}

static inline RptAnnotation *
tag (RptProject *project,
     const char *doc,
     guint       start,
     guint       end,
     const char *label,
     const char *speaker)
{
  g_autoptr(GError) error = NULL;
  RptAnnotation *a = rpt_project_add_annotation (project, doc, start, end, label, speaker, &error);

  ck_assert_msg (a != NULL, "tagging failed: %s", error ? error->message : "");
  return a;
}

static inline char *
label_ids (RptProject *project)
{
  GListModel *labels = rpt_project_get_labels (project);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (labels, i);
      g_string_append_printf (out, "%s%s:%u", i ? " " : "", rpt_label_get_id (label),
                              rpt_label_get_shortcut (label));
    }
  return g_string_free (out, FALSE);
}
