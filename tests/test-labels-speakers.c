/* test-labels-speakers.c: labels (add, rename, recolour, shortcuts, order,
 * removal with its cascade) and speakers, each edit undone and redone
 * exactly, and the refusals.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "rpt-core.h"
#include "rpt-test-model.h"
#include "rpt-test-util.h"

/* ---- Labels ---- */

START_TEST (test_labels)
{
  g_autoptr(RptProject) project = make_project ();
  RptLabel *label = NULL;
  g_autofree char *ids = NULL;

  CHECK_EDIT (project, label = rpt_project_add_label (project, "  Evasion ", "#9141AC", 0, NULL));
  ck_assert_str_eq (rpt_label_get_id (label), "evasion");
  ck_assert_str_eq (rpt_label_get_name (label), "Evasion");
  ck_assert_str_eq (rpt_label_get_color (label), "#9141ac");
  ck_assert_uint_eq (rpt_label_get_shortcut (label), 5);
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Add Label");

  CHECK_EDIT (project, ck_assert (rpt_project_rename_label (project, "evasion", "Dodge", NULL)));
  ck_assert_str_eq (rpt_label_get_name (label), "Dodge");
  ck_assert_str_eq (rpt_label_get_id (label), "evasion");
  /* Renaming to the same name in another case is allowed. */
  CHECK_EDIT (project, ck_assert (rpt_project_rename_label (project, "evasion", "DODGE", NULL)));

  CHECK_EDIT (project, ck_assert (rpt_project_set_label_color (project, "evasion", "#E66100", NULL)));
  ck_assert_str_eq (rpt_label_get_color (label), "#e66100");

  CHECK_EDIT (project, rpt_project_set_label_description (project, "evasion", "Avoids the question"));
  ck_assert_str_eq (rpt_label_get_description (label), "Avoids the question");
  CHECK_EDIT (project, rpt_project_set_label_description (project, "evasion", NULL));
  ck_assert_str_eq (rpt_label_get_description (label), "");

  CHECK_EDIT (project, ck_assert (rpt_project_set_label_shortcut (project, "evasion", 9, NULL)));
  ck_assert_uint_eq (rpt_label_get_shortcut (label), 9);
  ck_assert_ptr_eq (rpt_project_get_label_by_shortcut (project, 9), label);
  CHECK_EDIT (project, ck_assert (rpt_project_set_label_shortcut (project, "evasion", 0, NULL)));
  ck_assert_ptr_null (rpt_project_get_label_by_shortcut (project, 9));

  /* A key in use is taken from its holder, as one undo step. */
  CHECK_EDIT (project, ck_assert (rpt_project_set_label_shortcut (project, "evasion", 2, NULL)));
  ids = label_ids (project);
  ck_assert_str_eq (ids, "claim:1 rebuttal:0 joke:3 diplomatic-signal:4 evasion:2");
  ck_assert (rpt_project_undo (project));
  g_free (ids);
  ids = label_ids (project);
  ck_assert_str_eq (ids, "claim:1 rebuttal:2 joke:3 diplomatic-signal:4 evasion:0");

  /* Adding with a taken key takes it too; the slug of a taken id grows. */
  CHECK_EDIT (project, label = rpt_project_add_label (project, "Claim!", "#000000", 1, NULL));
  ck_assert_str_eq (rpt_label_get_id (label), "claim-2");
  g_free (ids);
  ids = label_ids (project);
  ck_assert_str_eq (ids, "claim:0 rebuttal:2 joke:3 diplomatic-signal:4 evasion:0 claim-2:1");
}
END_TEST

START_TEST (test_label_shortcuts_run_out)
{
  g_autoptr(RptProject) project = rpt_project_new ();

  for (guint i = 5; i <= 9; i++)
    {
      g_autofree char *name = g_strdup_printf ("Extra %u", i);
      RptLabel *label = rpt_project_add_label (project, name, "#123456", 0, NULL);

      ck_assert_uint_eq (rpt_label_get_shortcut (label), i);
    }
  ck_assert_uint_eq (rpt_label_get_shortcut (rpt_project_add_label (project, "Tenth", "#123456", 0, NULL)), 0);
  ck_assert_ptr_null (rpt_project_get_label_by_shortcut (project, 0));
}
END_TEST

START_TEST (test_label_long_name_gives_loadable_id)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RptProject) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  RptLabel *label;
  RptSpeaker *speaker;

  /* U+0149 folds to two characters, so the id grows past the name. */
  for (guint i = 0; i < 200; i++)
    g_string_append (name, "ŉ");
  label = rpt_project_add_label (project, name->str, "#123456", 0, NULL);
  speaker = rpt_project_add_speaker (project, name->str, NULL);
  ck_assert_ptr_nonnull (label);
  ck_assert_ptr_nonnull (speaker);
  ck_assert_uint_le (strlen (rpt_label_get_id (label)), RPT_MAX_ID_BYTES);
  ck_assert_uint_le (strlen (rpt_speaker_get_id (speaker)), RPT_MAX_ID_BYTES);
  ck_assert_str_eq (rpt_label_get_name (label), name->str);

  bytes = rpt_project_to_bytes (project);
  reloaded = rpt_project_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  ck_assert_msg (reloaded != NULL, "%s", error ? error->message : "");
}
END_TEST

START_TEST (test_move_label)
{
  g_autoptr(RptProject) project = make_project ();
  g_autofree char *ids = NULL;

  CHECK_EDIT (project, rpt_project_move_label (project, "joke", 0));
  ids = label_ids (project);
  ck_assert_str_eq (ids, "joke:3 claim:1 rebuttal:2 diplomatic-signal:4");
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Move Label");

  CHECK_EDIT (project, rpt_project_move_label (project, "joke", 99));
  g_free (ids);
  ids = label_ids (project);
  ck_assert_str_eq (ids, "claim:1 rebuttal:2 diplomatic-signal:4 joke:3");

  CHECK_EDIT (project, rpt_project_move_label (project, "claim", 2));
  g_free (ids);
  ids = label_ids (project);
  ck_assert_str_eq (ids, "rebuttal:2 diplomatic-signal:4 claim:1 joke:3");

  {
    g_autofree char *before = snapshot (project);
    g_autofree char *after = NULL;

    rpt_project_move_label (project, "claim", 2);
    rpt_project_move_label (project, "nope", 0);
    after = snapshot (project);
    ck_assert_str_eq (before, after);
    ck_assert_str_eq (rpt_project_get_redo_description (project) ? "redo" : "none", "none");
  }
}
END_TEST

START_TEST (test_remove_label_cascades)
{
  g_autoptr(RptProject) project = make_project ();
  RptAnnotation *claim = tag (project, "one", 4, 12, "claim", NULL);
  RptAnnotation *claim2 = tag (project, "two", 0, 9, "claim", NULL);
  RptAnnotation *answer = tag (project, "one", 52, 58, "rebuttal", NULL);
  g_autofree char *answer_id = g_strdup (rpt_annotation_get_id (answer));

  ck_assert_ptr_nonnull (rpt_project_add_relation (project, RPT_RELATION_REBUTS, answer_id,
                                                   rpt_annotation_get_id (claim), NULL));
  ck_assert_ptr_nonnull (rpt_project_add_relation (project, RPT_RELATION_SUPPORTS,
                                                   rpt_annotation_get_id (claim2),
                                                   rpt_annotation_get_id (claim), NULL));
  ck_assert_uint_eq (rpt_project_count_label_uses (project, "claim"), 2);

  CHECK_EDIT (project, rpt_project_remove_label (project, "claim"));
  ck_assert_ptr_null (rpt_project_get_label (project, "claim"));
  ck_assert_ptr_null (rpt_project_get_label_by_shortcut (project, 1));
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), 1);
  ck_assert_ptr_nonnull (rpt_project_get_annotation (project, answer_id));
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_relations (project)), 0);
  ck_assert_uint_eq (rpt_project_count_label_uses (project, "claim"), 0);
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Remove Label");

  /* One undo step brings back the label in first place, its annotations
   * and their links. */
  ck_assert (rpt_project_undo (project));
  {
    g_autofree char *ids = label_ids (project);
    ck_assert_str_eq (ids, "claim:1 rebuttal:2 joke:3 diplomatic-signal:4");
  }
  ck_assert_uint_eq (rpt_project_count_label_uses (project, "claim"), 2);
}
END_TEST

START_TEST (test_label_refusals)
{
  g_autoptr(RptProject) project = make_project ();

  CHECK_REFUSED (project, rpt_project_add_label (project, "claim", "#112233", 0, &error),
                 "There is already a label named “claim”");
  CHECK_REFUSED (project, rpt_project_add_label (project, " Diplomatic SIGNAL ", "#112233", 0, &error),
                 "There is already a label named “Diplomatic SIGNAL”");
  CHECK_REFUSED (project, rpt_project_add_label (project, "   ", "#112233", 0, &error),
                 "The name is empty");
  CHECK_REFUSED (project, rpt_project_add_label (project, NULL, "#112233", 0, &error),
                 "The name is empty");
  CHECK_REFUSED (project, rpt_project_add_label (project, "Fresh", "red", 0, &error),
                 "“red” is not a colour of the form #rrggbb");
  CHECK_REFUSED (project, rpt_project_add_label (project, "Fresh", "#12345", 0, &error),
                 "“#12345” is not a colour of the form #rrggbb");
  CHECK_REFUSED (project, rpt_project_add_label (project, "Fresh", "#12345g", 0, &error),
                 "“#12345g” is not a colour of the form #rrggbb");
  CHECK_REFUSED (project, rpt_project_add_label (project, "Fresh", NULL, 0, &error),
                 "“” is not a colour of the form #rrggbb");
  CHECK_REFUSED (project, rpt_project_add_label (project, "Fresh", "#123456", 10, &error),
                 "Shortcuts are the keys 1 to 9");
  CHECK_REFUSED (project, rpt_project_rename_label (project, "joke", "Rebuttal", &error),
                 "There is already a label named “Rebuttal”");
  CHECK_REFUSED (project, rpt_project_rename_label (project, "joke", "", &error),
                 "The name is empty");
  CHECK_REFUSED (project, rpt_project_rename_label (project, "boast", "Boast", &error),
                 "No label with the id “boast”");
  CHECK_REFUSED (project, rpt_project_set_label_color (project, "joke", "#fff", &error),
                 "“#fff” is not a colour of the form #rrggbb");
  CHECK_REFUSED (project, rpt_project_set_label_color (project, "boast", "#ffffff", &error),
                 "No label with the id “boast”");
  CHECK_REFUSED (project, rpt_project_set_label_shortcut (project, "joke", 12, &error),
                 "Shortcuts are the keys 1 to 9");
  CHECK_REFUSED (project, rpt_project_set_label_shortcut (project, "boast", 1, &error),
                 "No label with the id “boast”");
}
END_TEST

/* ---- Speakers ---- */

START_TEST (test_speakers)
{
  g_autoptr(RptProject) project = make_project ();
  RptSpeaker *speaker = NULL;
  RptAnnotation *a = tag (project, "one", 4, 12, "claim", "minister-vale");
  RptAnnotation *b = tag (project, "one", 0, 3, "joke", "minister-vale");
  RptAnnotation *c = tag (project, "two", 0, 9, "claim", "envoy-okafor");

  CHECK_EDIT (project, speaker = rpt_project_add_speaker (project, " Dr. Ilse Brandt ", NULL));
  ck_assert_str_eq (rpt_speaker_get_id (speaker), "dr-ilse-brandt");
  ck_assert_str_eq (rpt_speaker_get_name (speaker), "Dr. Ilse Brandt");
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Add Speaker");

  CHECK_EDIT (project, ck_assert (rpt_project_rename_speaker (project, "dr-ilse-brandt", "Ilse Brandt", NULL)));
  ck_assert_str_eq (rpt_speaker_get_name (speaker), "Ilse Brandt");
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Rename Speaker");

  ck_assert_uint_eq (rpt_project_count_speaker_uses (project, "minister-vale"), 2);
  CHECK_EDIT (project, rpt_project_remove_speaker (project, "minister-vale"));
  ck_assert_ptr_null (rpt_project_get_speaker (project, "minister-vale"));
  ck_assert_ptr_null (rpt_annotation_get_speaker (a));
  ck_assert_ptr_null (rpt_annotation_get_speaker (b));
  ck_assert_str_eq (rpt_annotation_get_speaker (c), "envoy-okafor");
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), 3);
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Remove Speaker");
  ck_assert (rpt_project_undo (project));
  ck_assert_str_eq (rpt_annotation_get_speaker (a), "minister-vale");
  ck_assert_str_eq (rpt_annotation_get_speaker (b), "minister-vale");
  {
    g_autoptr(RptSpeaker) first = g_list_model_get_item (rpt_project_get_speakers (project), 0);
    ck_assert_str_eq (rpt_speaker_get_id (first), "minister-vale");
  }

  CHECK_REFUSED (project, rpt_project_add_speaker (project, "envoy OKAFOR", &error),
                 "There is already a speaker named “envoy OKAFOR”");
  CHECK_REFUSED (project, rpt_project_add_speaker (project, "\t", &error), "The name is empty");
  CHECK_REFUSED (project, rpt_project_rename_speaker (project, "envoy-okafor", "Minister Vale", &error),
                 "There is already a speaker named “Minister Vale”");
  CHECK_REFUSED (project, rpt_project_rename_speaker (project, "ghost", "Ghost", &error),
                 "No speaker with the id “ghost”");
}
END_TEST

static Suite *
labels_suite (void)
{
  Suite *s = suite_create ("labels-speakers");
  TCase *tc;

  tc = tcase_create ("labels");
  tcase_add_test (tc, test_labels);
  tcase_add_test (tc, test_label_shortcuts_run_out);
  tcase_add_test (tc, test_label_long_name_gives_loadable_id);
  tcase_add_test (tc, test_move_label);
  tcase_add_test (tc, test_remove_label_cascades);
  tcase_add_test (tc, test_label_refusals);
  suite_add_tcase (s, tc);

  tc = tcase_create ("speakers");
  tcase_add_test (tc, test_speakers);
  suite_add_tcase (s, tc);

  return s;
}

RPT_TEST_MAIN (labels_suite)
