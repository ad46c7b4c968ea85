/* test-history.c: dirty state measured against the saved point, and the
 * signals that tell views what changed.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "rpt-core.h"
#include "rpt-test-util.h"

#define TEXT "Both delegations praised the weather and nothing else."

static RptProject *
make_project (void)
{
  RptProject *project = rpt_project_new ();
  g_autoptr(RptDocument) doc = rpt_document_new ("doc", "Weather", "doc.txt", TEXT);

  ck_assert (rpt_project_add_document (project, doc, NULL));
  rpt_project_mark_saved (project);
  ck_assert (!rpt_project_get_dirty (project));
  return project;
}

/* One distinct, undoable edit per call. */
static void
edit (RptProject *project,
      guint       n)
{
  g_autofree char *name = g_strdup_printf ("Speaker %u", n);

  ck_assert_ptr_nonnull (rpt_project_add_speaker (project, name, NULL));
}

/* ---- Dirty state ---- */

START_TEST (test_dirty_edit_undo_redo)
{
  g_autoptr(RptProject) project = make_project ();

  ck_assert (rpt_project_can_undo (project));  /* the import */
  edit (project, 1);
  ck_assert (rpt_project_get_dirty (project));
  ck_assert (rpt_project_undo (project));
  ck_assert (!rpt_project_get_dirty (project));
  ck_assert (rpt_project_can_redo (project));
  ck_assert (rpt_project_redo (project));
  ck_assert (rpt_project_get_dirty (project));
  ck_assert (!rpt_project_can_redo (project));
  /* Undo below the saved point is dirty too. */
  ck_assert (rpt_project_undo (project));
  ck_assert (rpt_project_undo (project));
  ck_assert (rpt_project_get_dirty (project));
  ck_assert (!rpt_project_can_undo (project));
  ck_assert (!rpt_project_undo (project));
  ck_assert (rpt_project_redo (project));
  ck_assert (!rpt_project_get_dirty (project));
}
END_TEST

START_TEST (test_dirty_save_in_the_middle)
{
  g_autoptr(RptProject) project = make_project ();

  edit (project, 1);
  edit (project, 2);
  rpt_project_mark_saved (project);
  ck_assert (!rpt_project_get_dirty (project));
  ck_assert (rpt_project_undo (project));
  ck_assert (rpt_project_get_dirty (project));
  ck_assert (rpt_project_redo (project));
  ck_assert (!rpt_project_get_dirty (project));
  edit (project, 3);
  ck_assert (rpt_project_get_dirty (project));
  ck_assert (rpt_project_undo (project));
  ck_assert (!rpt_project_get_dirty (project));
}
END_TEST

START_TEST (test_dirty_redo_past_saved_point)
{
  g_autoptr(RptProject) project = make_project ();

  edit (project, 1);
  edit (project, 2);
  edit (project, 3);
  ck_assert (rpt_project_undo (project));
  ck_assert (rpt_project_undo (project));
  rpt_project_mark_saved (project);            /* saved with only edit 1 */
  ck_assert (!rpt_project_get_dirty (project));
  ck_assert (rpt_project_redo (project));
  ck_assert (rpt_project_get_dirty (project));
  ck_assert (rpt_project_redo (project));
  ck_assert (rpt_project_get_dirty (project));
  ck_assert (rpt_project_undo (project));
  ck_assert (rpt_project_undo (project));
  ck_assert (!rpt_project_get_dirty (project));
  ck_assert (rpt_project_undo (project));
  ck_assert (rpt_project_get_dirty (project));
}
END_TEST

START_TEST (test_dirty_saved_point_unreachable)
{
  g_autoptr(RptProject) project = make_project ();

  edit (project, 1);
  rpt_project_mark_saved (project);
  ck_assert (rpt_project_undo (project));
  edit (project, 2);                           /* drops the saved state's redo */
  ck_assert (!rpt_project_can_redo (project));
  ck_assert (rpt_project_get_dirty (project));
  ck_assert (rpt_project_undo (project));
  ck_assert (rpt_project_get_dirty (project));
  ck_assert (rpt_project_redo (project));
  ck_assert (rpt_project_get_dirty (project));
  rpt_project_mark_saved (project);
  ck_assert (!rpt_project_get_dirty (project));
}
END_TEST

START_TEST (test_dirty_saved_state_marked_late)
{
  g_autoptr(RptProject) project = make_project ();
  guint64 state;

  edit (project, 1);
  state = rpt_project_get_state (project);     /* the bytes are made here… */
  edit (project, 2);
  rpt_project_mark_saved_state (project, state); /* …and are on disk here */
  ck_assert (rpt_project_get_dirty (project));
  ck_assert (rpt_project_undo (project));
  ck_assert (!rpt_project_get_dirty (project));
  ck_assert (rpt_project_redo (project));
  ck_assert (rpt_project_get_dirty (project));
}
END_TEST

/* The history keeps its last 5000 steps; the saved point still counts when
 * it is the oldest state that can be reached. */
START_TEST (test_dirty_history_limit)
{
  g_autoptr(RptProject) project = make_project ();
  RptAnnotation *a;
  const char *id;
  guint undone = 0;

  a = rpt_project_add_annotation (project, "doc", 0, 4, "claim", NULL, NULL);
  id = rpt_annotation_get_id (a);
  rpt_project_set_annotation_note (project, id, "note 0");
  rpt_project_mark_saved (project);
  for (guint i = 1; i <= 5000; i++)
    {
      g_autofree char *note = g_strdup_printf ("note %u", i);
      rpt_project_set_annotation_note (project, id, note);
    }
  while (rpt_project_undo (project))
    undone++;
  ck_assert_uint_eq (undone, 5000);
  ck_assert_str_eq (rpt_annotation_get_note (a), "note 0");
  ck_assert (!rpt_project_get_dirty (project));

  /* Saved one step before the oldest step kept, the saved state is out of
   * reach: dirty. */
  rpt_project_set_annotation_note (project, id, "again");
  rpt_project_mark_saved (project);
  for (guint i = 1; i <= 5001; i++)
    {
      g_autofree char *note = g_strdup_printf ("more %u", i);
      rpt_project_set_annotation_note (project, id, note);
    }
  while (rpt_project_undo (project))
    ;
  ck_assert_str_eq (rpt_annotation_get_note (a), "more 1");
  ck_assert (rpt_project_get_dirty (project));
}
END_TEST

/* ---- Signals ---- */

typedef struct
{
  GString *log;
  guint    dirty, can_undo, can_redo, changed;
} Recorder;

static void
on_added (RptProject *project, RptAnnotation *a, Recorder *r)
{
  RptAnnotationStore *store = rpt_project_get_annotations (project, rpt_annotation_get_document (a));

  /* Already in place when the signal runs. */
  ck_assert_ptr_eq (rpt_project_get_annotation (project, rpt_annotation_get_id (a)), a);
  ck_assert_uint_ne (rpt_annotation_store_find (store, a), G_MAXUINT);
  g_string_append_printf (r->log, "added %s; ", rpt_annotation_get_id (a));
}

static void
on_removed (RptProject *project, RptAnnotation *a, Recorder *r)
{
  RptAnnotationStore *store = rpt_project_get_annotations (project, rpt_annotation_get_document (a));

  ck_assert_ptr_null (rpt_project_get_annotation (project, rpt_annotation_get_id (a)));
  ck_assert (store == NULL || rpt_annotation_store_find (store, a) == G_MAXUINT);
  g_string_append_printf (r->log, "removed %s; ", rpt_annotation_get_id (a));
}

static void
on_changed_annotation (RptProject *project, RptAnnotation *a, guint old_start, guint old_end, Recorder *r)
{
  RptAnnotationStore *store = rpt_project_get_annotations (project, rpt_annotation_get_document (a));
  guint pos = rpt_annotation_store_find (store, a);

  /* The store is already in order for the new range. */
  ck_assert_uint_ne (pos, G_MAXUINT);
  ck_assert_ptr_eq (rpt_annotation_store_get (store, pos), a);
  g_string_append_printf (r->log, "changed %s %u-%u -> %u-%u %s; ", rpt_annotation_get_id (a),
                          old_start, old_end, rpt_annotation_get_start (a), rpt_annotation_get_end (a),
                          rpt_annotation_get_label (a));
}

static void
on_changed (RptProject *project, Recorder *r)
{
  r->changed++;
  g_string_append (r->log, "| ");
}

static void
on_notify (RptProject *project, GParamSpec *pspec, Recorder *r)
{
  if (g_str_equal (pspec->name, "dirty"))
    r->dirty++;
  else if (g_str_equal (pspec->name, "can-undo"))
    r->can_undo++;
  else if (g_str_equal (pspec->name, "can-redo"))
    r->can_redo++;
}

static void
recorder_connect (Recorder   *r,
                  RptProject *project)
{
  memset (r, 0, sizeof *r);
  r->log = g_string_new (NULL);
  g_signal_connect (project, "annotation-added", G_CALLBACK (on_added), r);
  g_signal_connect (project, "annotation-removed", G_CALLBACK (on_removed), r);
  g_signal_connect (project, "annotation-changed", G_CALLBACK (on_changed_annotation), r);
  g_signal_connect (project, "changed", G_CALLBACK (on_changed), r);
  g_signal_connect (project, "notify", G_CALLBACK (on_notify), r);
}

/* Compares and clears the log and counters. */
static void
expect (Recorder   *r,
        const char *log,
        guint       dirty,
        guint       can_undo,
        guint       can_redo)
{
  ck_assert_str_eq (r->log->str, log);
  ck_assert_uint_eq (r->dirty, dirty);
  ck_assert_uint_eq (r->can_undo, can_undo);
  ck_assert_uint_eq (r->can_redo, can_redo);
  g_string_truncate (r->log, 0);
  r->dirty = r->can_undo = r->can_redo = r->changed = 0;
}

START_TEST (test_signals)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(RptDocument) doc = rpt_document_new ("doc", "Weather", "doc.txt", TEXT);
  Recorder r;

  recorder_connect (&r, project);
  ck_assert (rpt_project_add_document (project, doc, NULL));
  expect (&r, "| ", 1, 1, 0);

  rpt_project_add_annotation (project, "doc", 5, 16, "claim", NULL, NULL);
  expect (&r, "added a1; | ", 0, 0, 0);
  rpt_project_add_annotation (project, "doc", 0, 4, "joke", NULL, NULL);
  expect (&r, "added a2; | ", 0, 0, 0);

  ck_assert (rpt_project_set_annotation_range (project, "a1", 17, 24, NULL));
  expect (&r, "changed a1 5-16 -> 17-24 claim; | ", 0, 0, 0);
  ck_assert (rpt_project_set_annotation_label (project, "a1", "rebuttal", NULL));
  expect (&r, "changed a1 17-24 -> 17-24 rebuttal; | ", 0, 0, 0);

  /* Undo reports the range it moves away from. */
  ck_assert (rpt_project_undo (project));
  expect (&r, "changed a1 17-24 -> 17-24 claim; | ", 0, 0, 1);
  ck_assert (rpt_project_undo (project));
  expect (&r, "changed a1 17-24 -> 5-16 claim; | ", 0, 0, 0);
  ck_assert (rpt_project_redo (project));
  expect (&r, "changed a1 5-16 -> 17-24 claim; | ", 0, 0, 0);

  /* A new edit drops the redo stack. */
  rpt_project_remove_annotation (project, "a2");
  expect (&r, "removed a2; | ", 0, 0, 1);
  ck_assert (rpt_project_undo (project));
  expect (&r, "added a2; | ", 0, 0, 1);

  /* Saving: only dirty changes; no "changed". */
  rpt_project_mark_saved (project);
  expect (&r, "", 1, 0, 0);
  rpt_project_mark_saved (project);
  expect (&r, "", 0, 0, 0);

  /* Refusals and no-ops emit nothing. */
  ck_assert_ptr_null (rpt_project_add_annotation (project, "doc", 3, 3, "claim", NULL, NULL));
  rpt_project_set_annotation_note (project, "a1", "");
  rpt_project_remove_annotation (project, "a404");
  expect (&r, "", 0, 0, 0);

  /* A cascade is one "changed", after all the parts. */
  rpt_project_add_relation (project, RPT_RELATION_SUPPORTS, "a1", "a2", NULL);
  expect (&r, "| ", 1, 0, 1);
  rpt_project_remove_document (project, "doc");
  expect (&r, "removed a1; removed a2; | ", 0, 0, 0);
  ck_assert (rpt_project_undo (project));
  expect (&r, "added a2; added a1; | ", 0, 0, 1);
  ck_assert (rpt_project_undo (project));
  expect (&r, "| ", 1, 0, 0);

  /* Undo everything: can-undo turns off once. */
  while (rpt_project_undo (project))
    ;
  ck_assert_uint_eq (r.can_undo, 1);
  g_string_free (r.log, TRUE);
}
END_TEST

static void
count_notify (GObject *object, GParamSpec *pspec, GString *log)
{
  /* "modified" changes only when the clock has moved to another second. */
  if (!g_str_equal (pspec->name, "modified"))
    g_string_append_printf (log, "%s ", pspec->name);
}

START_TEST (test_object_notifications)
{
  g_autoptr(RptProject) project = make_project ();
  g_autoptr(GString) log = g_string_new (NULL);
  RptAnnotation *a = rpt_project_add_annotation (project, "doc", 0, 4, "claim", NULL, NULL);
  RptLabel *label = rpt_project_get_label (project, "claim");
  RptDocument *doc = rpt_project_get_document (project, "doc");
  RptSpeaker *speaker = rpt_project_add_speaker (project, "Consul Ferro", NULL);

  g_signal_connect (a, "notify", G_CALLBACK (count_notify), log);
  g_signal_connect (label, "notify", G_CALLBACK (count_notify), log);
  g_signal_connect (doc, "notify", G_CALLBACK (count_notify), log);
  g_signal_connect (speaker, "notify", G_CALLBACK (count_notify), log);

  rpt_project_set_annotation_speaker (project, "a1", "consul-ferro", NULL);
  ck_assert_str_eq (log->str, "speaker ");
  g_string_truncate (log, 0);
  rpt_project_set_annotation_range (project, "a1", 1, 5, NULL);
  /* Frozen notifications come out in GLib's order: compare as a set. */
  ck_assert (g_str_equal (log->str, "start end ") || g_str_equal (log->str, "end start "));
  g_string_truncate (log, 0);
  rpt_project_rename_label (project, "claim", "Assertion", NULL);
  rpt_project_set_label_color (project, "claim", "#000000", NULL);
  ck_assert_str_eq (log->str, "name color ");
  g_string_truncate (log, 0);
  rpt_project_rename_speaker (project, "consul-ferro", "Consul Ferro-Lind", NULL);
  ck_assert_str_eq (log->str, "name ");
  g_string_truncate (log, 0);
  rpt_project_add_annotation (project, "doc", 6, 9, "joke", NULL, NULL);
  ck_assert_str_eq (log->str, "n-annotations ");
  ck_assert_uint_eq (rpt_document_get_n_annotations (doc), 2);
  g_string_truncate (log, 0);
  ck_assert (rpt_project_undo (project));
  ck_assert_str_eq (log->str, "n-annotations ");
  ck_assert_uint_eq (rpt_document_get_n_annotations (doc), 1);
}
END_TEST

/* ---- The store as a GListModel ---- */

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, GString *log)
{
  g_string_append_printf (log, "%u-%u+%u ", position, removed, added);
}

START_TEST (test_store_items_changed)
{
  g_autoptr(RptProject) project = make_project ();
  g_autoptr(GString) log = g_string_new (NULL);
  RptAnnotationStore *store = rpt_project_get_annotations (project, "doc");

  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), log);
  rpt_project_add_annotation (project, "doc", 10, 20, "claim", NULL, NULL);   /* a1 */
  rpt_project_add_annotation (project, "doc", 0, 5, "claim", NULL, NULL);     /* a2 */
  rpt_project_add_annotation (project, "doc", 10, 15, "claim", NULL, NULL);   /* a3 */
  ck_assert_str_eq (log->str, "0-0+1 0-0+1 1-0+1 ");
  g_string_truncate (log, 0);

  /* A range change that moves the item is a removal and an insertion; a
   * note only changes the item in place. */
  rpt_project_set_annotation_range (project, "a2", 30, 40, NULL);
  ck_assert_str_eq (log->str, "0-1+0 2-0+1 ");
  g_string_truncate (log, 0);
  rpt_project_set_annotation_note (project, "a1", "checked");
  ck_assert_str_eq (log->str, "1-1+1 ");
  g_string_truncate (log, 0);
  rpt_project_remove_annotation (project, "a3");
  ck_assert_str_eq (log->str, "0-1+0 ");
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (store)), 2);
  ck_assert (g_list_model_get_item_type (G_LIST_MODEL (store)) == RPT_TYPE_ANNOTATION);
  ck_assert_ptr_null (g_list_model_get_item (G_LIST_MODEL (store), 2));
}
END_TEST

static Suite *
history_suite (void)
{
  Suite *s = suite_create ("history");
  TCase *tc;

  tc = tcase_create ("dirty");
  tcase_add_test (tc, test_dirty_edit_undo_redo);
  tcase_add_test (tc, test_dirty_save_in_the_middle);
  tcase_add_test (tc, test_dirty_redo_past_saved_point);
  tcase_add_test (tc, test_dirty_saved_point_unreachable);
  tcase_add_test (tc, test_dirty_saved_state_marked_late);
  tcase_add_test (tc, test_dirty_history_limit);
  suite_add_tcase (s, tc);

  tc = tcase_create ("signals");
  tcase_add_test (tc, test_signals);
  tcase_add_test (tc, test_object_notifications);
  tcase_add_test (tc, test_store_items_changed);
  suite_add_tcase (s, tc);

  return s;
}

RPT_TEST_MAIN (history_suite)
