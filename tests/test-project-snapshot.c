/* test-project-snapshot.c: one immutable snapshot of a project that the
 * save, the exports and the summary read from worker threads while the
 * project keeps changing (rpt-project-snapshot.h).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <string.h>

#include "export-fixture.h"
#include "rpt-core.h"
#include "rpt-test-util.h"

RPT_TEST_TMPDIR_FIXTURE (tmp)

/* Edits of every kind a user can make, all after the snapshot. */
static void
edit_everything (RptProject *project,
                 Fixture    *fx)
{
  g_autoptr(GError) error = NULL;
  RptSpeaker *speaker = g_list_model_get_item (rpt_project_get_speakers (project), 0);

  ck_assert (rpt_project_rename_label (project, "claim", "Assertion", NULL));
  ck_assert (rpt_project_set_label_color (project, "joke", "#000000", NULL));
  rpt_project_set_label_description (project, "claim", "changed later");
  ck_assert (rpt_project_rename_speaker (project, rpt_speaker_get_id (speaker), "Someone Else", NULL));
  g_object_unref (speaker);
  rpt_project_set_annotation_note (project, rpt_annotation_get_id (fx->press), "changed later");
  ck_assert (rpt_project_set_annotation_range (project, rpt_annotation_get_id (fx->signal), 0, 3, NULL));
  ck_assert (rpt_project_set_annotation_label (project, rpt_annotation_get_id (fx->partial), "joke", NULL));
  ck_assert (rpt_project_set_annotation_speaker (project, rpt_annotation_get_id (fx->claim), NULL, NULL));
  rpt_project_remove_annotation (project, rpt_annotation_get_id (fx->rebuttal));
  rpt_project_remove_document (project, "day-2");
  ck_assert_msg (rpt_project_add_annotation (project, "summit", 0, 3, "claim", NULL, &error) != NULL,
                 "%s", error ? error->message : "");
  rpt_project_remove_label (project, "diplomatic-signal");
}

static const RptSnapshotAnnotation *
find_annotation (RptProjectSnapshot *snapshot,
                 const char         *id)
{
  guint n;
  const RptSnapshotAnnotation *annotations = rpt_project_snapshot_get_annotations (snapshot, &n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (annotations[i].id, id))
      return &annotations[i];
  ck_abort_msg ("%s is not in the snapshot", id);
  return NULL;
}

START_TEST (test_later_edits_do_not_show)
{
  Fixture fx;
  g_autoptr(RptProject) project = fixture_project (&fx);
  g_autoptr(GBytes) before = rpt_project_to_bytes (project);
  g_autoptr(RptProjectSnapshot) snapshot = rpt_project_snapshot_new (project);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *rebuttal_id = g_strdup (rpt_annotation_get_id (fx.rebuttal));
  g_autofree char *press_id = g_strdup (rpt_annotation_get_id (fx.press));
  const RptSnapshotAnnotation *press, *rebuttal;
  guint n;

  edit_everything (project, &fx);
  /* With its history: nothing but the snapshot holds what was removed. */
  g_clear_object (&project);

  /* The file it makes is the one the project made before the edits. */
  after = rpt_project_snapshot_to_bytes (snapshot);
  ck_assert_msg (g_bytes_equal (before, after), "the snapshot's bytes changed with the project");

  ck_assert_uint_eq (rpt_project_snapshot_get_n_documents (snapshot), 2);
  rpt_project_snapshot_get_annotations (snapshot, &n);
  ck_assert_uint_eq (n, 9);
  rpt_project_snapshot_get_document_annotations (snapshot, 1, &n);
  ck_assert_uint_eq (n, 2);
  ck_assert_uint_eq (rpt_project_snapshot_get_n_relations (snapshot), 4);
  ck_assert_str_eq (rpt_project_snapshot_get_label (snapshot, 0)->name, "Claim");
  ck_assert_str_eq (rpt_project_snapshot_get_label (snapshot, 0)->description, "Put forward as true");
  ck_assert_str_eq (rpt_project_snapshot_get_speaker (snapshot, 0)->name, "The Minister");
  press = find_annotation (snapshot, press_id);
  ck_assert_str_eq (press->note, "Silence, reported");
  /* Removed, its project gone, still whole in the snapshot. */
  rebuttal = find_annotation (snapshot, rebuttal_id);
  ck_assert (RPT_IS_ANNOTATION (rebuttal->annotation));
  ck_assert_str_eq (rpt_project_snapshot_get_label (snapshot, rebuttal->label)->id, "rebuttal");
  ck_assert_str_eq (rpt_project_snapshot_get_speaker (snapshot, rebuttal->speaker)->name, "Rival, the");
}
END_TEST

/* What one worker made from the shared snapshot. */
typedef struct
{
  RptProjectSnapshot *snapshot;
  const char         *destination;
  GBytes             *bytes;
  gboolean            exported;
  char               *export_error;
  RptSummary         *summary;
} Work;

static gpointer
save_worker (gpointer data)
{
  Work *work = data;

  work->bytes = rpt_project_snapshot_to_bytes (work->snapshot);
  return NULL;
}

static gpointer
export_worker (gpointer data)
{
  Work *work = data;
  g_autoptr(RptExportSelection) selection = NULL;
  g_autoptr(GError) error = NULL;
  RptExportOptions options;

  rpt_export_options_init (&options, RPT_EXPORT_JSONL);
  selection = rpt_export_selection_new (work->snapshot, &options, &error);
  work->exported = selection != NULL &&
                   rpt_export_selection_write (selection, work->destination, NULL, NULL, NULL, NULL, &error);
  if (error)
    work->export_error = g_strdup (error->message);
  return NULL;
}

static gpointer
summary_worker (gpointer data)
{
  Work *work = data;

  work->summary = rpt_summary_compute (work->snapshot, NULL, NULL);
  return NULL;
}

START_TEST (test_workers_share_one_snapshot)
{
  Fixture fx;
  g_autoptr(RptProject) project = fixture_project (&fx);
  g_autoptr(GBytes) before = rpt_project_to_bytes (project);
  g_autoptr(RptSummary) summary_before = rpt_summary_new (project);
  g_autofree char *expected_path = g_build_filename (tmp, "expected.jsonl", NULL);
  g_autofree char *shared_path = g_build_filename (tmp, "shared.jsonl", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(GError) error = NULL;
  GThread *threads[3];
  RptExportOptions options;
  Work work = { 0 };

  rpt_export_options_init (&options, RPT_EXPORT_JSONL);
  ck_assert (rpt_export (project, &options, expected_path, NULL, NULL, NULL, NULL, &error));

  work.snapshot = rpt_project_snapshot_new (project);
  work.destination = shared_path;
  threads[0] = g_thread_new ("save", save_worker, &work);
  threads[1] = g_thread_new ("export", export_worker, &work);
  threads[2] = g_thread_new ("summary", summary_worker, &work);
  /* The user goes on editing meanwhile. */
  edit_everything (project, &fx);
  rpt_project_remove_document (project, "summit");
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  rpt_project_snapshot_unref (work.snapshot);

  ck_assert_msg (g_bytes_equal (before, work.bytes), "the saved bytes are not the project's at the snapshot");
  ck_assert_msg (work.exported, "%s", work.export_error);
  expected = rpt_test_read_file (expected_path, NULL);
  exported = rpt_test_read_file (shared_path, NULL);
  ck_assert_str_eq (exported, expected);
  ck_assert (work.summary != NULL);
  ck_assert_uint_eq (rpt_summary_get_n_documents (work.summary), 2);
  ck_assert_uint_eq (rpt_summary_get_n_statements (work.summary), rpt_summary_get_n_statements (summary_before));
  ck_assert_uint_eq (rpt_summary_get_n_links (work.summary), rpt_summary_get_n_links (summary_before));
  ck_assert_uint_eq (rpt_summary_get_n_groups (work.summary), rpt_summary_get_n_groups (summary_before));
  for (guint s = 0; s < rpt_summary_get_n_statements (work.summary); s++)
    ck_assert_ptr_eq (rpt_summary_get_statement (work.summary, s)->annotation,
                      rpt_summary_get_statement (summary_before, s)->annotation);
  ck_assert_str_eq (rpt_summary_get_label_name (work.summary, 0), "Claim");
  g_bytes_unref (work.bytes);
  rpt_summary_unref (work.summary);
}
END_TEST

/* A project whose article changed outside Repartee: "Beta says no." is
 * gone, so its annotation is an orphan, still answered by a relation. */
static RptProject *
project_with_orphan (void)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(RptDocument) document = rpt_document_new ("a", "A", "a.txt", "Alpha says yes. Beta says no.");
  g_autoptr(RptReanchorReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *edited = NULL;
  RptAnnotation *yes, *no;
  RptProject *reopened;
  const char *data;
  gsize len;

  ck_assert (rpt_project_add_document (project, document, NULL));
  yes = rpt_test_tag_quote (project, "a", "Alpha says yes.", "claim", NULL);
  no = rpt_test_tag_quote (project, "a", "Beta says no.", "rebuttal", NULL);
  rpt_project_set_annotation_note (project, rpt_annotation_get_id (no), "lost");
  ck_assert (rpt_project_add_relation (project, RPT_RELATION_REBUTS, rpt_annotation_get_id (no),
                                       rpt_annotation_get_id (yes), NULL) != NULL);
  bytes = rpt_project_to_bytes (project);
  data = g_bytes_get_data (bytes, &len);
  {
    g_auto(GStrv) parts = g_strsplit (data, "\"text\": \"Alpha says yes. Beta says no.\"", 2);

    ck_assert_uint_eq (g_strv_length (parts), 2);
    edited = g_strjoinv ("\"text\": \"Alpha says yes.\"", parts);
  }
  reopened = rpt_project_load_from_data_full (edited, strlen (edited), RPT_LOAD_REANCHOR, &report, &error);
  ck_assert_msg (reopened != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (rpt_project_get_n_orphans (reopened), 1);
  ck_assert_uint_eq (rpt_project_get_n_annotations (reopened), 1);
  return reopened;
}

START_TEST (test_orphans_and_relation_ends)
{
  g_autoptr(RptProject) project = project_with_orphan ();
  g_autoptr(RptProjectSnapshot) snapshot = rpt_project_snapshot_new (project);
  g_autoptr(GBytes) direct = rpt_project_to_bytes (project);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RptSummary) summary = NULL;
  const RptSnapshotOrphan *orphan;
  guint from, to;

  ck_assert_uint_eq (rpt_project_snapshot_get_n_orphans (snapshot), 1);
  orphan = rpt_project_snapshot_get_orphan (snapshot, 0);
  ck_assert_str_eq (orphan->quote, "Beta says no.");
  ck_assert_str_eq (orphan->annotation.note, "lost");
  ck_assert_str_eq (rpt_project_snapshot_get_label (snapshot, orphan->annotation.label)->id, "rebuttal");

  /* The orphan's end is no placed annotation; the other end is the first. */
  ck_assert_uint_eq (rpt_project_snapshot_get_n_relations (snapshot), 1);
  rpt_project_snapshot_get_relation_ends (snapshot, 0, &from, &to);
  ck_assert_uint_eq (from, G_MAXUINT);
  ck_assert_uint_eq (to, 0);

  /* Written from the snapshot as from the project itself. */
  bytes = rpt_project_snapshot_to_bytes (snapshot);
  ck_assert (g_bytes_equal (bytes, direct));
  ck_assert (strstr (g_bytes_get_data (bytes, NULL), "\"orphans\"") != NULL);

  summary = rpt_summary_compute (snapshot, NULL, NULL);
  ck_assert_uint_eq (rpt_summary_get_n_statements (summary), 1);
  ck_assert_uint_eq (rpt_summary_get_n_links (summary), 0);
}
END_TEST

static void
on_finalized (gpointer  data,
              GObject  *where_the_object_was)
{
  *(GThread **) data = g_thread_self ();
}

static gpointer
drop_snapshot (gpointer snapshot)
{
  rpt_project_snapshot_unref (snapshot);
  return NULL;
}

/* The window watches annotations and articles with weak references on the
 * main thread: a snapshot that a worker drops last must not end them
 * there. */
START_TEST (test_released_on_main_thread)
{
  Fixture fx;
  g_autoptr(RptProject) project = fixture_project (&fx);
  RptProjectSnapshot *snapshot = rpt_project_snapshot_new (project);
  RptDocument *document = rpt_project_get_document (project, "day-2");
  GThread *annotation_end = NULL, *document_end = NULL;

  g_object_weak_ref (G_OBJECT (fx.press), on_finalized, &annotation_end);
  g_object_weak_ref (G_OBJECT (document), on_finalized, &document_end);
  rpt_project_remove_document (project, "day-2");
  g_clear_object (&project);
  ck_assert_ptr_null (annotation_end);
  ck_assert_ptr_null (document_end);

  /* As the application's main loop does while it runs. */
  ck_assert (g_main_context_acquire (NULL));
  g_thread_join (g_thread_new ("worker", drop_snapshot, snapshot));
  ck_assert_ptr_null (annotation_end);
  ck_assert_ptr_null (document_end);
  g_main_context_release (NULL);

  rpt_test_wait_until (annotation_end != NULL && document_end != NULL);
  ck_assert_ptr_eq (annotation_end, g_thread_self ());
  ck_assert_ptr_eq (document_end, g_thread_self ());
}
END_TEST

static Suite *
project_snapshot_suite (void)
{
  Suite *s = suite_create ("project-snapshot");
  TCase *tc = tcase_create ("snapshot");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_later_edits_do_not_show);
  tcase_add_test (tc, test_workers_share_one_snapshot);
  tcase_add_test (tc, test_orphans_and_relation_ends);
  tcase_add_test (tc, test_released_on_main_thread);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (project_snapshot_suite)
