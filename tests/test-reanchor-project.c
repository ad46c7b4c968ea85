/* test-reanchor-project.c: the project's re-anchoring edits: replacing an
 * article's text (with undo, in a worker, with two quotes that converge on
 * one span), and placing, editing and removing the orphans it leaves.
 * Re-anchoring as a project is read is in test-reanchor.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "rpt-core.h"
#include "rpt-reanchor-fixture.h"
#include "rpt-test-util.h"

/* ---- Replacing a text ---- */

typedef struct
{
  GString *log;
} Events;

static void
on_added (RptProject *project, RptAnnotation *a, Events *events)
{
  g_string_append_printf (events->log, "+%s ", rpt_annotation_get_id (a));
}

static void
on_removed (RptProject *project, RptAnnotation *a, Events *events)
{
  g_string_append_printf (events->log, "-%s ", rpt_annotation_get_id (a));
}

static void
on_documents (GListModel *model, guint position, guint removed, guint added, Events *events)
{
  g_autoptr(RptDocument) document = g_list_model_get_item (model, position);

  g_string_append_printf (events->log, "doc%u:%u:%u:%s ", position, removed, added,
                          g_str_equal (rpt_document_get_text (document), D2_EDITED) ? "new" : "old");
}

static void
on_orphans (GListModel *model, guint position, guint removed, guint added, Events *events)
{
  g_string_append_printf (events->log, "orphans%u:%u:%u ", position, removed, added);
}

START_TEST (test_replace_document_text)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autofree char *before = fixture_bytes (project);
  g_autofree char *after = NULL;
  g_autoptr(RptReanchorReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  Events events = { log };
  RptDocument *old = rpt_project_get_document (project, "d2");
  RptAnnotationStore *store = rpt_project_get_annotations (project, "d2");

  g_signal_connect (project, "annotation-added", G_CALLBACK (on_added), &events);
  g_signal_connect (project, "annotation-removed", G_CALLBACK (on_removed), &events);
  g_signal_connect (rpt_project_get_documents (project), "items-changed", G_CALLBACK (on_documents), &events);
  g_signal_connect (rpt_project_get_orphans (project), "items-changed", G_CALLBACK (on_orphans), &events);

  ck_assert (rpt_project_replace_document_text (project, "d2", D2_EDITED, &report, &error));
  ck_assert_ptr_null (error);
  /* Views see the annotations leave the old text, the document replaced
   * in place, then the orphans arrive. */
  ck_assert_str_eq (log->str, "-a5 -a4 doc1:1:1:new orphans0:0:1 orphans1:0:1 ");
  ck_assert_ptr_ne (rpt_project_get_document (project, "d2"), old);
  ck_assert_ptr_eq (rpt_project_get_annotations (project, "d2"), store);
  ck_assert_str_eq (rpt_document_get_title (rpt_project_get_document (project, "d2")), "d2");
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Replace Article Text");
  ck_assert (rpt_project_get_dirty (project));
  fixture_assert_counts (report, 0, "d2", 0, 0, 0, 2);
  fixture_assert_consistent (project);
  after = fixture_bytes (project);

  /* One step back restores every byte; forward again, the same. */
  g_string_truncate (log, 0);
  ck_assert (rpt_project_undo (project));
  ck_assert_str_eq (log->str, "orphans1:1:0 orphans0:1:0 doc1:1:1:old +a4 +a5 ");
  {
    g_autofree char *undone = fixture_bytes (project);

    ck_assert_str_eq (undone, before);
  }
  ck_assert_ptr_eq (rpt_project_get_document (project, "d2"), old);
  ck_assert (!rpt_project_get_dirty (project));
  fixture_assert_consistent (project);
  ck_assert (rpt_project_redo (project));
  {
    g_autofree char *redone = fixture_bytes (project);

    ck_assert_str_eq (redone, after);
  }
  fixture_assert_consistent (project);
  g_signal_handlers_disconnect_by_data (rpt_project_get_documents (project), &events);
  g_signal_handlers_disconnect_by_data (rpt_project_get_orphans (project), &events);
}
END_TEST

/* Replacing the texts one by one gives exactly what loading them edited
 * gives. */
START_TEST (test_replace_agrees_with_load)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autoptr(RptProject) original = fixture_project ();
  g_autofree char *edited = fixture_edited_file (original, TRUE, TRUE, TRUE);
  g_autoptr(RptProject) loaded = fixture_load (edited, RPT_LOAD_REANCHOR, NULL);
  g_autofree char *by_load = fixture_bytes (loaded);
  g_autofree char *by_replace = NULL;
  g_autoptr(RptReanchorReport) r1 = NULL, r2 = NULL, r3 = NULL;

  ck_assert (rpt_project_replace_document_text (project, "d1", D1_EDITED, &r1, NULL));
  ck_assert (rpt_project_replace_document_text (project, "d2", D2_EDITED, &r2, NULL));
  ck_assert (rpt_project_replace_document_text (project, "d3", D3_EDITED, &r3, NULL));
  fixture_assert_counts (r1, 0, "d1", 2, 0, 1, 0);
  fixture_assert_counts (r3, 0, "d3", 0, 2, 0, 0);
  fixture_assert_reanchored (project);
  by_replace = fixture_bytes (project);
  ck_assert_str_eq (by_replace, by_load);

  /* Three undo steps take it all back. */
  for (guint i = 0; i < 3; i++)
    ck_assert (rpt_project_undo (project));
  {
    g_autofree char *undone = fixture_bytes (project);
    g_autofree char *first = fixture_bytes (original);

    ck_assert_str_eq (undone, first);
  }
}
END_TEST

START_TEST (test_replace_refusals)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autofree char *before = fixture_bytes (project);
  g_autoptr(GError) missing = NULL, bad = NULL;
  g_autoptr(RptReanchorReport) same = NULL;
  guint64 generation = rpt_project_get_generation (project);

  ck_assert (!rpt_project_replace_document_text (project, "d9", "Text.", NULL, &missing));
  ck_assert (g_error_matches (missing, RPT_ERROR, RPT_ERROR_NOT_FOUND));
  ck_assert_str_eq (missing->message, "No article with the id “d9”");
  ck_assert (!rpt_project_replace_document_text (project, "d1", "Bad \xff byte", NULL, &bad));
  ck_assert_str_eq (bad->message, "The new text of “d1” is not valid UTF-8");
  /* The same text: nothing to do, nothing to undo. */
  ck_assert (rpt_project_replace_document_text (project, "d1", D1, &same, NULL));
  fixture_assert_counts (same, 0, "d1", 3, 0, 0, 0);
  ck_assert_uint_eq (rpt_project_get_generation (project), generation);
  ck_assert (!rpt_project_get_dirty (project));
  {
    g_autofree char *after = fixture_bytes (project);

    ck_assert_str_eq (after, before);
  }
}
END_TEST

/* Identical copies of a passage are told apart by where the annotation
 * before them moved. */
START_TEST (test_replace_settles_copies_by_position)
{
#define REPEATED "Meeting notes. The board met again. The board met again. The board met again. " \
                 "The board met again. The board met again. The board met again. The board met again. " \
                 "The board met again. End."
  g_autoptr(RptProject) both = rpt_project_new ();
  g_autoptr(RptProject) alone = rpt_project_new ();
  g_autoptr(RptReanchorReport) report = NULL;
  g_autoptr(RptReanchorReport) alone_report = NULL;
  guint fourth = fixture_offset (REPEATED, "board met again", 4);

  for (guint i = 0; i < 2; i++)
    {
      RptProject *project = i == 0 ? both : alone;
      g_autoptr(RptDocument) document = rpt_document_new ("d", "d", "d.txt", REPEATED);

      ck_assert (rpt_project_add_document (project, document, NULL));
      if (i == 0)
        fixture_tag (project, "d", REPEATED, "Meeting notes.", 1, "claim", NULL, "a1");
      fixture_tag (project, "d", REPEATED, "board met again", 4, "joke", NULL, i == 0 ? "a2" : "a1");
    }
  ck_assert (rpt_project_replace_document_text (both, "d", "Draft 2. " REPEATED, &report, NULL));
  fixture_assert_counts (report, 0, "d", 2, 0, 0, 0);
  ck_assert_uint_eq (rpt_annotation_get_start (rpt_project_get_annotation (both, "a2")), fourth + 9);

  /* Alone, nothing says which of the middle copies it was. */
  ck_assert (rpt_project_replace_document_text (alone, "d", "Draft 2. " REPEATED, &alone_report, NULL));
  fixture_assert_counts (alone_report, 0, "d", 0, 0, 0, 1);
#undef REPEATED
}
END_TEST

START_TEST (test_replace_async)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autoptr(RptProject) sync = fixture_project ();
  RptTestAsync async = { 0 };
  g_autoptr(RptReanchorReport) report = NULL;
  g_autofree char *by_async = NULL;
  g_autofree char *by_sync = NULL;

  rpt_project_replace_document_text_async (project, "d1", D1_EDITED, NULL, rpt_test_async_ready, &async);
  /* Nothing changes until the worker is done and the loop runs. */
  ck_assert_str_eq (rpt_document_get_text (rpt_project_get_document (project, "d1")), D1);
  rpt_test_async_wait (&async);
  ck_assert (rpt_project_replace_document_text_finish (project, async.result, &report, NULL));
  fixture_assert_counts (report, 0, "d1", 2, 0, 1, 0);
  ck_assert (rpt_project_replace_document_text (sync, "d1", D1_EDITED, NULL, NULL));
  by_async = fixture_bytes (project);
  by_sync = fixture_bytes (sync);
  ck_assert_str_eq (by_async, by_sync);
  rpt_test_async_clear (&async);
  g_clear_pointer (&report, rpt_reanchor_report_unref);

  /* An edit while the worker runs: planned again on the new state. */
  rpt_project_replace_document_text_async (project, "d2", D2_EDITED, NULL, rpt_test_async_ready, &async);
  rpt_project_remove_annotation (project, "a5");
  rpt_test_async_wait (&async);
  ck_assert (rpt_project_replace_document_text_finish (project, async.result, &report, NULL));
  fixture_assert_counts (report, 0, "d2", 0, 0, 0, 1);
  ck_assert_ptr_nonnull (rpt_project_get_orphan (project, "a4"));
  ck_assert_ptr_null (rpt_project_get_orphan (project, "a5"));
  fixture_assert_consistent (project);
  rpt_test_async_clear (&async);
}
END_TEST

/* ---- Two annotations that converge on one span ---- */

/* After one of the two sentences is deleted, both quotes are found at the
 * one left: one label cannot tag one span twice (the file would be
 * refused), so one annotation is placed there and the other is an orphan,
 * and the one placed is the one whose own sentence survived, whichever
 * comes first. The project saves and loads again. */
static void
assert_converged (RptProject *project,
                  const char *survivor,
                  const char *orphan,
                  const char *text)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "project.json", NULL);
  g_autoptr(RptProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  RptAnnotation *placed, *left;

  ck_assert_msg (rpt_project_save_to_file (project, path, &error), "%s", error ? error->message : "");
  loaded = rpt_project_load_from_file (path, &error);
  ck_assert_msg (loaded != NULL, "the saved project does not load: %s", error ? error->message : "");

  fixture_assert_consistent (project);
  placed = rpt_project_get_annotation (project, survivor);
  ck_assert_msg (placed != NULL, "%s, whose sentence is still there, is not placed", survivor);
  ck_assert_uint_eq (rpt_annotation_get_start (placed), fixture_offset (text, TWICE_QUOTE, 1));
  fixture_assert_span (project, survivor, TWICE_QUOTE);
  ck_assert_msg (rpt_project_get_annotation (project, orphan) == NULL,
                 "%s, whose sentence was deleted, took the same span", orphan);
  left = rpt_project_get_orphan (project, orphan);
  ck_assert_ptr_nonnull (left);
  ck_assert_str_eq (rpt_annotation_get_quote (left), TWICE_QUOTE);
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), 1);

  ck_assert_ptr_nonnull (rpt_project_get_annotation (loaded, survivor));
  ck_assert_ptr_nonnull (rpt_project_get_orphan (loaded, orphan));
}

START_TEST (test_converging_annotations)
{
  const struct { const char *deleted, *survivor, *orphan; } cases[] = {
    { TWICE_SECOND_SENTENCE, "a1", "a2" },
    { TWICE_FIRST_SENTENCE, "a2", "a1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *edited = fixture_twice_without (cases[i].deleted);
      g_autoptr(GError) error = NULL;

      /* Replace Article Text, and a file whose text was edited by hand. */
      {
        g_autoptr(RptProject) project = fixture_twice_project ();

        ck_assert (rpt_project_replace_document_text (project, "d1", edited, NULL, &error));
        assert_converged (project, cases[i].survivor, cases[i].orphan, edited);
      }
      {
        g_autoptr(RptProject) project = fixture_twice_project ();
        g_autofree char *file = fixture_bytes (project);
        g_autofree char *from = g_strdup_printf ("\"text\": \"%s\"", TWICE);
        g_autofree char *to = g_strdup_printf ("\"text\": \"%s\"", edited);
        g_autofree char *edited_file = fixture_replace (file, from, to);
        g_autoptr(RptProject) loaded = fixture_load (edited_file, RPT_LOAD_REANCHOR, NULL);

        assert_converged (loaded, cases[i].survivor, cases[i].orphan, edited);
      }
    }
}
END_TEST

/* ---- Orphans ---- */

START_TEST (test_place_orphan)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autofree char *orphaned = NULL;
  g_autofree char *placed = NULL;
  g_autoptr(GError) error = NULL;
  guint start = fixture_offset (D2_EDITED, "Nobody", 2);
  guint length = g_utf8_strlen (D2_EDITED, -1);
  RptAnnotation *a5;

  ck_assert (rpt_project_replace_document_text (project, "d2", D2_EDITED, NULL, NULL));
  orphaned = fixture_bytes (project);

  ck_assert (rpt_project_place_orphan (project, "a5", start, start + 32, &error));
  ck_assert_ptr_null (error);
  a5 = rpt_project_get_annotation (project, "a5");
  ck_assert_ptr_nonnull (a5);
  ck_assert (!rpt_annotation_is_orphan (a5));
  ck_assert_ptr_null (rpt_annotation_get_quote (a5));
  fixture_assert_span (project, "a5", "Nobody from the council replied.");
  ck_assert_uint_eq (rpt_project_get_n_orphans (project), 1);
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Place Annotation");
  fixture_assert_consistent (project);
  placed = fixture_bytes (project);

  ck_assert (rpt_project_undo (project));
  {
    g_autofree char *undone = fixture_bytes (project);

    ck_assert_str_eq (undone, orphaned);
  }
  fixture_assert_consistent (project);
  ck_assert (rpt_project_redo (project));
  {
    g_autofree char *redone = fixture_bytes (project);

    ck_assert_str_eq (redone, placed);
  }

  /* Refusals change nothing. */
  {
    struct { const char *id; guint start, end; int code; const char *message; } cases[] = {
      { "a9", 0, 4, RPT_ERROR_NOT_FOUND, "No orphaned annotation with the id “a9”" },
      { "a5", 0, 4, RPT_ERROR_NOT_FOUND, "No orphaned annotation with the id “a5”" },
      { "a4", 4, 4, RPT_ERROR_INVALID, "The span 4–4 is empty or reversed" },
      { "a4", length, length + 3, RPT_ERROR_INVALID, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GError) refused = NULL;
        g_autofree char *expected = cases[i].message ? g_strdup (cases[i].message)
          : g_strdup_printf ("The span %u–%u is past the end of “d2” (%u characters)", length, length + 3, length);

        ck_assert (!rpt_project_place_orphan (project, cases[i].id, cases[i].start, cases[i].end, &refused));
        ck_assert (g_error_matches (refused, RPT_ERROR, cases[i].code));
        ck_assert_str_eq (refused->message, expected);
      }
    {
      g_autofree char *unchanged = fixture_bytes (project);

      ck_assert_str_eq (unchanged, placed);
    }
  }
}
END_TEST

START_TEST (test_place_orphan_on_tagged_span)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autoptr(GError) error = NULL;
  guint start = fixture_offset (D2_EDITED, "Nobody", 1);

  ck_assert (rpt_project_replace_document_text (project, "d2", D2_EDITED, NULL, NULL));
  ck_assert_ptr_nonnull (rpt_project_add_annotation (project, "d2", start, start + 32, "diplomatic-signal", NULL, NULL));
  ck_assert (!rpt_project_place_orphan (project, "a5", start, start + 32, &error));
  ck_assert_str_eq (error->message, "This span is already tagged “Diplomatic signal”");
  ck_assert_ptr_nonnull (rpt_project_get_orphan (project, "a5"));
}
END_TEST

static void
count_changed (RptProject *project, RptAnnotation *a, guint old_start, guint old_end, guint *n)
{
  (*n)++;
}

static void
count_items (GListModel *model, guint position, guint removed, guint added, guint *n)
{
  ck_assert_uint_eq (removed, 1);
  ck_assert_uint_eq (added, 1);
  (*n)++;
}

/* An orphan's label, speaker and note can be edited, and it can be linked;
 * its span cannot, until it is placed. */
START_TEST (test_edit_orphan)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autoptr(GError) error = NULL;
  g_autofree char *orphaned = NULL;
  RptAnnotation *a4;
  guint changed = 0, items = 0;

  ck_assert (rpt_project_replace_document_text (project, "d2", D2_EDITED, NULL, NULL));
  orphaned = fixture_bytes (project);
  a4 = rpt_project_get_orphan (project, "a4");
  g_signal_connect (project, "annotation-changed", G_CALLBACK (count_changed), &changed);
  g_signal_connect (rpt_project_get_orphans (project), "items-changed", G_CALLBACK (count_items), &items);

  rpt_project_set_annotation_note (project, "a4", "Check the recording.");
  ck_assert_str_eq (rpt_annotation_get_note (a4), "Check the recording.");
  ck_assert (rpt_project_set_annotation_label (project, "a4", "claim", NULL));
  ck_assert (rpt_project_set_annotation_speaker (project, "a4", "mayor", NULL));
  ck_assert_str_eq (rpt_annotation_get_label (a4), "claim");
  ck_assert_uint_eq (changed, 0);
  ck_assert_uint_eq (items, 3);
  ck_assert_ptr_nonnull (rpt_project_add_relation (project, RPT_RELATION_SUPPORTS, "a4", "a1", NULL));
  ck_assert (!rpt_project_set_annotation_range (project, "a4", 0, 5, &error));
  ck_assert_str_eq (error->message, "The annotation “a4” lost its place when its article's text changed; place it first");
  fixture_assert_consistent (project);
  {
    g_autofree char *saved = fixture_bytes (project);
    g_autoptr(RptProject) reloaded = fixture_load (saved, RPT_LOAD_DEFAULT, NULL);

    ck_assert_str_eq (rpt_annotation_get_note (rpt_project_get_orphan (reloaded, "a4")), "Check the recording.");
  }
  for (guint i = 0; i < 4; i++)
    ck_assert (rpt_project_undo (project));
  {
    g_autofree char *undone = fixture_bytes (project);

    ck_assert_str_eq (undone, orphaned);
  }
  g_signal_handlers_disconnect_by_data (rpt_project_get_orphans (project), &items);
}
END_TEST

START_TEST (test_remove_orphan)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autofree char *orphaned = NULL;

  ck_assert (rpt_project_replace_document_text (project, "d2", D2_EDITED, NULL, NULL));
  orphaned = fixture_bytes (project);
  rpt_project_remove_annotation (project, "a4");
  ck_assert_ptr_null (rpt_project_get_orphan (project, "a4"));
  /* Its relation goes with it. */
  ck_assert_ptr_null (rpt_project_get_relation (project, "r10"));
  ck_assert_uint_eq (rpt_project_get_n_orphans (project), 1);
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Delete Annotation");
  fixture_assert_consistent (project);
  ck_assert (rpt_project_undo (project));
  {
    g_autofree char *undone = fixture_bytes (project);

    ck_assert_str_eq (undone, orphaned);
  }
  fixture_assert_consistent (project);
}
END_TEST

/* Removing a document, a label or a speaker reaches its orphans too. */
START_TEST (test_cascades_reach_orphans)
{
  g_autoptr(RptProject) project = fixture_project ();
  g_autofree char *orphaned = NULL;

  ck_assert (rpt_project_replace_document_text (project, "d1", "Nothing left of it.", NULL, NULL));
  ck_assert (rpt_project_replace_document_text (project, "d2", D2_EDITED, NULL, NULL));
  ck_assert_uint_eq (rpt_project_get_n_orphans (project), 5);
  ck_assert_uint_eq (rpt_project_count_label_uses (project, "claim"), 4);
  ck_assert_uint_eq (rpt_project_count_speaker_uses (project, "mayor"), 2);
  orphaned = fixture_bytes (project);

  rpt_project_remove_speaker (project, "mayor");
  ck_assert_ptr_null (rpt_annotation_get_speaker (rpt_project_get_orphan (project, "a2")));
  fixture_assert_consistent (project);
  ck_assert (rpt_project_undo (project));
  ck_assert_str_eq (rpt_annotation_get_speaker (rpt_project_get_orphan (project, "a2")), "mayor");

  rpt_project_remove_label (project, "joke");
  ck_assert_ptr_null (rpt_project_get_orphan (project, "a4"));
  ck_assert_ptr_null (rpt_project_get_relation (project, "r10"));
  fixture_assert_consistent (project);
  ck_assert (rpt_project_undo (project));

  rpt_project_remove_document (project, "d1");
  ck_assert_uint_eq (rpt_project_get_n_orphans (project), 2);
  ck_assert_ptr_null (rpt_project_get_relation (project, "r9"));
  fixture_assert_consistent (project);
  ck_assert (rpt_project_undo (project));
  {
    g_autofree char *undone = fixture_bytes (project);

    ck_assert_str_eq (undone, orphaned);
  }
}
END_TEST

static Suite *
reanchor_project_suite (void)
{
  Suite *s = suite_create ("reanchor-project");
  TCase *replace = tcase_create ("replace");
  TCase *orphans = tcase_create ("orphans");
  TCase *async = tcase_create ("async");

  tcase_add_test (replace, test_replace_document_text);
  tcase_add_test (replace, test_replace_agrees_with_load);
  tcase_add_test (replace, test_replace_refusals);
  tcase_add_test (replace, test_replace_settles_copies_by_position);
  tcase_add_test (replace, test_converging_annotations);
  tcase_add_test (orphans, test_place_orphan);
  tcase_add_test (orphans, test_place_orphan_on_tagged_span);
  tcase_add_test (orphans, test_remove_orphan);
  tcase_add_test (orphans, test_edit_orphan);
  tcase_add_test (orphans, test_cascades_reach_orphans);
  tcase_add_test (async, test_replace_async);
  suite_add_tcase (s, replace);
  suite_add_tcase (s, orphans);
  suite_add_tcase (s, async);
  return s;
}

RPT_TEST_MAIN (reanchor_project_suite)
