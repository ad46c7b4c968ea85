/* test-model.c: every edit method of RptProject, each undone and redone
 * exactly, the cascades, and the refusals.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "rpt-core.h"
#include "rpt-test-model.h"
#include "rpt-test-util.h"

/* ---- Defaults ---- */

START_TEST (test_default_labels)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autofree char *ids = label_ids (project);
  GListModel *labels = rpt_project_get_labels (project);
  g_autoptr(GHashTable) colours = g_hash_table_new (g_str_hash, g_str_equal);

  ck_assert_str_eq (ids, "claim:1 rebuttal:2 joke:3 diplomatic-signal:4");
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (labels, i);

      ck_assert (rpt_color_is_valid (rpt_label_get_color (label)));
      ck_assert (g_hash_table_add (colours, (gpointer) rpt_label_get_color (label)));
      ck_assert_str_ne (rpt_label_get_description (label), "");
      ck_assert_ptr_eq (rpt_project_get_label_by_shortcut (project, i + 1), label);
    }
  ck_assert_str_eq (rpt_label_get_name (rpt_project_get_label (project, "diplomatic-signal")),
                    "Diplomatic signal");
  ck_assert (!rpt_project_get_dirty (project));
  ck_assert (!rpt_project_can_undo (project));
  ck_assert (!rpt_project_can_redo (project));
  {
    g_autoptr(RptProject) empty = rpt_project_new_empty ();
    ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_labels (empty)), 0);
  }
}
END_TEST

/* ---- Documents ---- */

START_TEST (test_add_remove_document)
{
  g_autoptr(RptProject) project = make_project ();
  g_autoptr(RptDocument) three = rpt_document_new ("three", "Third", "3.txt", "Short text.");
  g_autoptr(RptDocument) clash = rpt_document_new ("two", "Clash", "x.txt", "Other text.");

  CHECK_EDIT (project, ck_assert (rpt_project_add_document (project, three, NULL)));
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Import Article");
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (project)), 3);

  CHECK_REFUSED (project, rpt_project_add_document (project, clash, &error),
                 "An article with the id “two” is already in the project");
  {
    g_autofree char *long_id = g_strnfill (RPT_MAX_ID_BYTES + 1, 'x');
    g_autofree char *long_message =
      g_strdup_printf ("“%s” cannot be an article id: ids are 1 to 256 bytes without control characters", long_id);
    g_autoptr(RptDocument) empty_id = rpt_document_new ("", "T", "t.txt", "Text.");
    g_autoptr(RptDocument) control = rpt_document_new ("new\nline", "T", "t.txt", "Text.");
    g_autoptr(RptDocument) too_long = rpt_document_new (long_id, "T", "t.txt", "Text.");

    CHECK_REFUSED (project, rpt_project_add_document (project, empty_id, &error),
                   "“” cannot be an article id: ids are 1 to 256 bytes without control characters");
    CHECK_REFUSED (project, rpt_project_add_document (project, control, &error),
                   "“new\nline” cannot be an article id: ids are 1 to 256 bytes without control characters");
    CHECK_REFUSED (project, rpt_project_add_document (project, too_long, &error), long_message);
  }

  /* Removing the middle one and undoing puts it back in its place. */
  CHECK_EDIT (project, rpt_project_remove_document (project, "two"));
  ck_assert_ptr_null (rpt_project_get_document (project, "two"));
  ck_assert_ptr_null (rpt_project_get_annotations (project, "two"));
  ck_assert (rpt_project_undo (project));
  {
    g_autoptr(RptDocument) middle = g_list_model_get_item (rpt_project_get_documents (project), 1);
    ck_assert_str_eq (rpt_document_get_id (middle), "two");
  }
  /* Unknown ids are ignored without an undo step. */
  {
    g_autofree char *before = snapshot (project);
    g_autofree char *after = NULL;

    ck_assert (rpt_project_redo (project));
    ck_assert (rpt_project_undo (project));
    rpt_project_remove_document (project, "nope");
    after = snapshot (project);
    ck_assert_str_eq (before, after);
    ck_assert_str_eq (rpt_project_get_redo_description (project), "Remove Article");
  }
}
END_TEST

START_TEST (test_remove_document_cascades)
{
  g_autoptr(RptProject) project = make_project ();
  RptAnnotation *claim = tag (project, "one", 4, 12, "claim", "minister-vale");
  RptAnnotation *answer = tag (project, "one", 52, 58, "rebuttal", "envoy-okafor");
  RptAnnotation *other = tag (project, "two", 2, 11, "claim", NULL);
  g_autofree char *claim_id = g_strdup (rpt_annotation_get_id (claim));
  g_autofree char *other_id = g_strdup (rpt_annotation_get_id (other));

  ck_assert_ptr_nonnull (rpt_project_add_relation (project, RPT_RELATION_REBUTS,
                                                   rpt_annotation_get_id (answer), claim_id, NULL));
  /* A link across articles goes too when either end goes. */
  ck_assert_ptr_nonnull (rpt_project_add_relation (project, RPT_RELATION_SUPPORTS,
                                                   other_id, claim_id, NULL));

  RptAnnotationStore *store = rpt_project_get_annotations (project, "one");

  CHECK_EDIT (project, rpt_project_remove_document (project, "one"));
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), 1);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_relations (project)), 0);
  ck_assert_ptr_null (rpt_project_get_annotation (project, claim_id));
  ck_assert_ptr_nonnull (rpt_project_get_annotation (project, other_id));

  /* After undo the restored article's annotations are back in the same
   * store, so a view bound to it sees them return. */
  ck_assert (rpt_project_undo (project));
  ck_assert_ptr_eq (rpt_project_get_annotations (project, "one"), store);
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (rpt_project_get_annotations (project, "one")), 2);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_relations (project)), 2);
  ck_assert_uint_eq (rpt_document_get_n_annotations (rpt_project_get_document (project, "one")), 2);
}
END_TEST

/* ---- Annotations ---- */

START_TEST (test_add_annotation)
{
  g_autoptr(RptProject) project = make_project ();
  RptAnnotation *a = NULL;
  g_autofree char *slice = NULL;

  CHECK_EDIT (project, a = tag (project, "one", 4, 12, "claim", "minister-vale"));
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Tag Claim");
  ck_assert_str_eq (rpt_annotation_get_id (a), "a1");
  ck_assert_str_eq (rpt_annotation_get_document (a), "one");
  ck_assert_uint_eq (rpt_annotation_get_start (a), 4);
  ck_assert_uint_eq (rpt_annotation_get_end (a), 12);
  ck_assert_str_eq (rpt_annotation_get_label (a), "claim");
  ck_assert_str_eq (rpt_annotation_get_speaker (a), "minister-vale");
  ck_assert_str_eq (rpt_annotation_get_note (a), "");
  ck_assert_str_eq (rpt_annotation_get_author (a), "Test Author");
  ck_assert_int_gt (rpt_annotation_get_created (a), 0);
  ck_assert_int_eq (rpt_annotation_get_created (a) % G_USEC_PER_SEC, 0);
  ck_assert_int_eq (rpt_annotation_get_modified (a), rpt_annotation_get_created (a));
  slice = rpt_document_dup_slice (rpt_project_get_document (project, "one"), 4, 12);
  ck_assert_str_eq (slice, "minister");

  /* Overlaps are allowed, and so is the same span with another label. */
  CHECK_EDIT (project, a = tag (project, "one", 0, 20, "joke", NULL));
  ck_assert_ptr_null (rpt_annotation_get_speaker (a));
  CHECK_EDIT (project, tag (project, "one", 4, 12, "rebuttal", ""));
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), 3);
  ck_assert_uint_eq (rpt_document_get_n_annotations (rpt_project_get_document (project, "one")), 3);
  /* Whole article, to the last character. */
  CHECK_EDIT (project, tag (project, "two", 0, g_utf8_strlen (TEXT_TWO, -1), "claim", NULL));
}
END_TEST

START_TEST (test_add_annotation_refusals)
{
  g_autoptr(RptProject) project = make_project ();
  guint len = g_utf8_strlen (TEXT_TWO, -1);
  g_autofree char *past_end = g_strdup_printf ("The span 10–%u is past the end of “two” (%u characters)",
                                               len + 1, len);

  tag (project, "one", 4, 12, "claim", NULL);
  CHECK_REFUSED (project, rpt_project_add_annotation (project, "one", 5, 5, "claim", NULL, &error),
                 "The span 5–5 is empty or reversed");
  CHECK_REFUSED (project, rpt_project_add_annotation (project, "one", 9, 3, "claim", NULL, &error),
                 "The span 9–3 is empty or reversed");
  CHECK_REFUSED (project, rpt_project_add_annotation (project, "two", 10, len + 1, "claim", NULL, &error),
                 past_end);
  CHECK_REFUSED (project, rpt_project_add_annotation (project, "six", 0, 1, "claim", NULL, &error),
                 "No article with the id “six”");
  CHECK_REFUSED (project, rpt_project_add_annotation (project, "one", 0, 1, "boast", NULL, &error),
                 "No label with the id “boast”");
  CHECK_REFUSED (project, rpt_project_add_annotation (project, "one", 0, 1, NULL, NULL, &error),
                 "An annotation needs a label");
  CHECK_REFUSED (project, rpt_project_add_annotation (project, "one", 0, 1, "claim", "nobody", &error),
                 "No speaker with the id “nobody”");
  CHECK_REFUSED (project, rpt_project_add_annotation (project, "one", 4, 12, "claim", "envoy-okafor", &error),
                 "This span is already tagged “Claim”");
}
END_TEST

START_TEST (test_annotation_changes)
{
  g_autoptr(RptProject) project = make_project ();
  RptAnnotation *a = tag (project, "one", 4, 12, "claim", NULL);
  const char *id = rpt_annotation_get_id (a);

  CHECK_EDIT (project, ck_assert (rpt_project_set_annotation_label (project, id, "joke", NULL)));
  ck_assert_str_eq (rpt_annotation_get_label (a), "joke");
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Change Label");

  CHECK_EDIT (project, ck_assert (rpt_project_set_annotation_speaker (project, id, "envoy-okafor", NULL)));
  ck_assert_str_eq (rpt_annotation_get_speaker (a), "envoy-okafor");
  CHECK_EDIT (project, ck_assert (rpt_project_set_annotation_speaker (project, id, "minister-vale", NULL)));
  CHECK_EDIT (project, ck_assert (rpt_project_set_annotation_speaker (project, id, NULL, NULL)));
  ck_assert_ptr_null (rpt_annotation_get_speaker (a));

  CHECK_EDIT (project, rpt_project_set_annotation_note (project, id, "Said with a smile; \"see\" the video.\nLine two."));
  ck_assert_str_eq (rpt_annotation_get_note (a), "Said with a smile; \"see\" the video.\nLine two.");
  CHECK_EDIT (project, rpt_project_set_annotation_note (project, id, NULL));
  ck_assert_str_eq (rpt_annotation_get_note (a), "");

  CHECK_EDIT (project, ck_assert (rpt_project_set_annotation_range (project, id, 0, 3, NULL)));
  ck_assert_uint_eq (rpt_annotation_get_start (a), 0);
  ck_assert_uint_eq (rpt_annotation_get_end (a), 3);
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Change Span");
}
END_TEST

START_TEST (test_annotation_change_noops)
{
  g_autoptr(RptProject) project = make_project ();
  RptAnnotation *a = tag (project, "one", 4, 12, "claim", "envoy-okafor");
  const char *id = rpt_annotation_get_id (a);
  guint64 generation;

  rpt_project_mark_saved (project);
  generation = rpt_project_get_generation (project);
  ck_assert (rpt_project_set_annotation_label (project, id, "claim", NULL));
  ck_assert (rpt_project_set_annotation_speaker (project, id, "envoy-okafor", NULL));
  ck_assert (rpt_project_set_annotation_range (project, id, 4, 12, NULL));
  rpt_project_set_annotation_note (project, id, "");
  rpt_project_set_annotation_note (project, "a99", "lost");
  rpt_project_remove_annotation (project, "a99");
  ck_assert (!rpt_project_get_dirty (project));
  ck_assert_uint_eq (rpt_project_get_generation (project), generation);
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Tag Claim");
}
END_TEST

START_TEST (test_annotation_change_refusals)
{
  g_autoptr(RptProject) project = make_project ();
  RptAnnotation *a = tag (project, "one", 4, 12, "claim", NULL);
  RptAnnotation *b = tag (project, "one", 4, 20, "claim", NULL);
  RptAnnotation *c = tag (project, "one", 4, 12, "rebuttal", NULL);
  g_autofree char *id = g_strdup (rpt_annotation_get_id (a));
  guint len = g_utf8_strlen (TEXT_ONE, -1);
  g_autofree char *past_end = g_strdup_printf ("The span 4–%u is past the end of “one” (%u characters)",
                                               len + 5, len);

  CHECK_REFUSED (project, rpt_project_set_annotation_label (project, "a42", "joke", &error),
                 "No annotation with the id “a42”");
  CHECK_REFUSED (project, rpt_project_set_annotation_label (project, id, "boast", &error),
                 "No label with the id “boast”");
  CHECK_REFUSED (project, rpt_project_set_annotation_label (project, id, NULL, &error),
                 "An annotation needs a label");
  CHECK_REFUSED (project, rpt_project_set_annotation_speaker (project, id, "nobody", &error),
                 "No speaker with the id “nobody”");
  CHECK_REFUSED (project, rpt_project_set_annotation_range (project, id, 8, 8, &error),
                 "The span 8–8 is empty or reversed");
  CHECK_REFUSED (project, rpt_project_set_annotation_range (project, id, 8, 2, &error),
                 "The span 8–2 is empty or reversed");
  CHECK_REFUSED (project, rpt_project_set_annotation_range (project, id, 4, len + 5, &error),
                 past_end);
  CHECK_REFUSED (project, rpt_project_set_annotation_range (project, "a42", 1, 2, &error),
                 "No annotation with the id “a42”");

  /* Moving a span, or changing a label, onto another annotation's span and
   * label would make two identical annotations (and a file that cannot
   * load again). */
  CHECK_REFUSED (project, rpt_project_set_annotation_range (project, rpt_annotation_get_id (b), 4, 12, &error),
                 "This span is already tagged “Claim”");
  CHECK_REFUSED (project, rpt_project_set_annotation_range (project, id, 4, 20, &error),
                 "This span is already tagged “Claim”");
  CHECK_REFUSED (project, rpt_project_set_annotation_label (project, rpt_annotation_get_id (c), "claim", &error),
                 "This span is already tagged “Claim”");
  CHECK_EDIT (project, ck_assert (rpt_project_set_annotation_range (project, rpt_annotation_get_id (b), 4, 13, NULL)));
  CHECK_EDIT (project, ck_assert (rpt_project_set_annotation_label (project, rpt_annotation_get_id (c), "joke", NULL)));
}
END_TEST

START_TEST (test_remove_annotation_cascades)
{
  g_autoptr(RptProject) project = make_project ();
  RptAnnotation *claim = tag (project, "one", 4, 12, "claim", "minister-vale");
  RptAnnotation *answer = tag (project, "one", 52, 58, "rebuttal", "envoy-okafor");
  RptAnnotation *aside = tag (project, "two", 2, 11, "joke", NULL);
  g_autofree char *claim_id = g_strdup (rpt_annotation_get_id (claim));
  const char *answer_id = rpt_annotation_get_id (answer);
  const char *aside_id = rpt_annotation_get_id (aside);
  RptRelation *keep;

  RptRelation *made[3];

  made[0] = rpt_project_add_relation (project, RPT_RELATION_REBUTS, answer_id, claim_id, NULL);
  made[1] = keep = rpt_project_add_relation (project, RPT_RELATION_RESPONDS_TO, aside_id, answer_id, NULL);
  made[2] = rpt_project_add_relation (project, RPT_RELATION_SUPPORTS, claim_id, aside_id, NULL);
  for (guint i = 0; i < 3; i++)
    ck_assert_ptr_nonnull (made[i]);

  CHECK_EDIT (project, rpt_project_remove_annotation (project, claim_id));
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Delete Annotation");
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_relations (project)), 1);
  {
    g_autoptr(RptRelation) left = g_list_model_get_item (rpt_project_get_relations (project), 0);
    ck_assert_ptr_eq (left, keep);
  }
  ck_assert_uint_eq (rpt_document_get_n_annotations (rpt_project_get_document (project, "one")), 1);
  /* Undo restores the relations in their original order. */
  ck_assert (rpt_project_undo (project));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RptRelation) r = g_list_model_get_item (rpt_project_get_relations (project), i);

      ck_assert_ptr_eq (r, made[i]);
    }
}
END_TEST


/* ---- Relations ---- */

START_TEST (test_relations)
{
  g_autoptr(RptProject) project = make_project ();
  RptAnnotation *claim = tag (project, "one", 4, 12, "claim", NULL);
  RptAnnotation *answer = tag (project, "one", 52, 58, "rebuttal", NULL);
  const char *from = rpt_annotation_get_id (answer);
  const char *to = rpt_annotation_get_id (claim);
  RptRelation *r = NULL;

  CHECK_EDIT (project, r = rpt_project_add_relation (project, RPT_RELATION_REBUTS, from, to, NULL));
  ck_assert_str_eq (rpt_relation_get_id (r), "r3");
  ck_assert_int_eq (rpt_relation_get_kind (r), RPT_RELATION_REBUTS);
  ck_assert_str_eq (rpt_relation_get_from (r), from);
  ck_assert_str_eq (rpt_relation_get_to (r), to);
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Link Annotations");

  /* Another type between the same two, and the reverse direction, are fine. */
  CHECK_EDIT (project, rpt_project_add_relation (project, RPT_RELATION_RESPONDS_TO, from, to, NULL));
  CHECK_EDIT (project, rpt_project_add_relation (project, RPT_RELATION_REBUTS, to, from, NULL));
  {
    g_autoptr(GPtrArray) of = rpt_project_relations_of (project, to);
    ck_assert_uint_eq (of->len, 3);
  }

  CHECK_REFUSED (project, rpt_project_add_relation (project, RPT_RELATION_REBUTS, from, to, &error),
                 "These annotations are already linked this way");
  CHECK_REFUSED (project, rpt_project_add_relation (project, RPT_RELATION_SUPPORTS, from, from, &error),
                 "An annotation cannot be linked to itself");
  CHECK_REFUSED (project, rpt_project_add_relation (project, RPT_RELATION_SUPPORTS, "a77", to, &error),
                 "No annotation with the id “a77”");
  CHECK_REFUSED (project, rpt_project_add_relation (project, RPT_RELATION_SUPPORTS, from, "a78", &error),
                 "No annotation with the id “a78”");
  CHECK_REFUSED (project, rpt_project_add_relation (project, (RptRelationType) 7, from, to, &error),
                 "Unknown relation type");

  CHECK_EDIT (project, rpt_project_remove_relation (project, rpt_relation_get_id (r)));
  ck_assert_ptr_null (rpt_project_get_relation (project, "r3"));
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Remove Link");
}
END_TEST

START_TEST (test_relation_type_names)
{
  RptRelationType type;

  ck_assert_str_eq (rpt_relation_type_to_string (RPT_RELATION_REBUTS), "rebuts");
  ck_assert_str_eq (rpt_relation_type_to_string (RPT_RELATION_RESPONDS_TO), "responds-to");
  ck_assert_str_eq (rpt_relation_type_to_string (RPT_RELATION_SUPPORTS), "supports");
  for (guint i = 0; i < RPT_RELATION_N_TYPES; i++)
    {
      ck_assert (rpt_relation_type_from_string (rpt_relation_type_to_string (i), &type));
      ck_assert_int_eq (type, i);
      ck_assert_str_ne (rpt_relation_type_get_display (i), "");
    }
  ck_assert (!rpt_relation_type_from_string ("Rebuts", &type));
  ck_assert (!rpt_relation_type_from_string ("", &type));
}
END_TEST

/* ---- Groups and ids ---- */

START_TEST (test_group_is_one_step)
{
  g_autoptr(RptProject) project = make_project ();
  g_autofree char *before = snapshot (project);
  g_autofree char *after = NULL;
  RptAnnotation *a, *b;

  rpt_project_begin_group (project, "Tag the exchange");
  a = tag (project, "one", 4, 12, "claim", "minister-vale");
  rpt_project_begin_group (project, "inner");
  b = tag (project, "one", 52, 58, "rebuttal", "envoy-okafor");
  rpt_project_end_group (project);
  ck_assert_ptr_nonnull (rpt_project_add_relation (project, RPT_RELATION_REBUTS,
                                                   rpt_annotation_get_id (b), rpt_annotation_get_id (a), NULL));
  rpt_project_set_annotation_note (project, rpt_annotation_get_id (a), "first");
  rpt_project_end_group (project);
  after = snapshot (project);

  ck_assert_str_eq (rpt_project_get_undo_description (project), "Tag the exchange");
  assert_undo_redo (project, before, after);
  ck_assert (rpt_project_undo (project));
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Add Speaker");
}
END_TEST

START_TEST (test_ids_never_reused)
{
  g_autoptr(RptProject) project = make_project ();
  RptAnnotation *a = tag (project, "one", 0, 3, "claim", NULL);

  ck_assert_str_eq (rpt_annotation_get_id (a), "a1");
  ck_assert (rpt_project_undo (project));
  a = tag (project, "one", 0, 3, "claim", NULL);
  ck_assert_str_eq (rpt_annotation_get_id (a), "a2");
  rpt_project_remove_annotation (project, "a2");
  a = tag (project, "one", 0, 3, "claim", NULL);
  ck_assert_str_eq (rpt_annotation_get_id (a), "a3");
  ck_assert (!rpt_project_can_redo (project));
}
END_TEST

/* A long random session: after undoing everything the project is exactly
 * what it was, and redoing everything gives exactly the end state. */
START_TEST (test_random_session_undo_all)
{
  g_autoptr(RptProject) project = make_project ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  g_autofree char *start = snapshot (project);
  g_autofree char *end = NULL;
  const char *labels[] = { "claim", "rebuttal", "joke", "diplomatic-signal" };
  const char *speakers[] = { NULL, "minister-vale", "envoy-okafor" };
  guint steps = 0;

  for (guint i = 0; i < 400; i++)
    {
      guint n = rpt_project_get_n_annotations (project);
      guint choice = g_rand_int_range (rand, 0, 10);
      const char *doc = g_rand_boolean (rand) ? "one" : "two";
      guint len = rpt_document_get_length (rpt_project_get_document (project, doc));
      guint s = g_rand_int_range (rand, 0, len - 1);
      guint e = g_rand_int_range (rand, s + 1, len + 1);
      g_autofree char *some = g_strdup_printf ("a%u", g_rand_int_range (rand, 1, 2 + i));
      guint64 generation = rpt_project_get_generation (project);

      if (choice < 4 || n == 0)
        rpt_project_add_annotation (project, doc, s, e, labels[g_rand_int_range (rand, 0, 4)],
                                    speakers[g_rand_int_range (rand, 0, 3)], NULL);
      else if (choice == 4)
        rpt_project_remove_annotation (project, some);
      else if (choice == 5)
        rpt_project_set_annotation_range (project, some, s, e, NULL);
      else if (choice == 6)
        rpt_project_set_annotation_label (project, some, labels[g_rand_int_range (rand, 0, 4)], NULL);
      else if (choice == 7)
        {
          g_autofree char *other = g_strdup_printf ("a%u", g_rand_int_range (rand, 1, 2 + i));
          rpt_project_add_relation (project, g_rand_int_range (rand, 0, 3), some, other, NULL);
        }
      else if (choice == 8)
        rpt_project_set_annotation_speaker (project, some, speakers[g_rand_int_range (rand, 0, 3)], NULL);
      else
        rpt_project_set_annotation_note (project, some, i % 2 ? "checked" : "");
      if (rpt_project_get_generation (project) != generation)
        steps++;
      if (i % 50 == 0)
        assert_consistent (project);
    }
  assert_consistent (project);
  end = snapshot (project);
  ck_assert_uint_gt (steps, 200);

  for (guint i = 0; i < steps; i++)
    ck_assert (rpt_project_undo (project));
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Add Speaker");
  {
    g_autofree char *undone = snapshot (project);
    ck_assert_str_eq (undone, start);
  }
  ck_assert (!rpt_project_get_dirty (project));
  assert_consistent (project);
  for (guint i = 0; i < steps; i++)
    ck_assert (rpt_project_redo (project));
  ck_assert (!rpt_project_can_redo (project));
  {
    g_autofree char *redone = snapshot (project);
    ck_assert_str_eq (redone, end);
  }
  assert_consistent (project);
}
END_TEST

/* Metadata fields are trimmed, a blank value unsets, and a document hands
 * out its own copy, so an importer's struct can be freed or reused. */
START_TEST (test_article_meta)
{
  g_autoptr(RptArticleMeta) meta = rpt_article_meta_new ();
  g_autoptr(RptArticleMeta) copy = NULL;
  g_autoptr(RptDocument) doc = rpt_document_new ("a", "A", "a.txt", "Text.");

  ck_assert (rpt_article_meta_is_empty (rpt_document_get_meta (doc)));
  ck_assert (rpt_article_meta_is_empty (meta));

  rpt_article_meta_set (meta, RPT_ARTICLE_FIELD_OUTLET, "  The Daily Ledger \n");
  rpt_article_meta_set (meta, RPT_ARTICLE_FIELD_DATE, "2026-03-01");
  rpt_article_meta_set (meta, RPT_ARTICLE_FIELD_NOTE, "   ");
  ck_assert_str_eq (rpt_article_meta_get (meta, RPT_ARTICLE_FIELD_OUTLET), "The Daily Ledger");
  ck_assert_ptr_null (rpt_article_meta_get (meta, RPT_ARTICLE_FIELD_NOTE));
  ck_assert (!rpt_article_meta_is_empty (meta));

  copy = rpt_article_meta_copy (meta);
  ck_assert (rpt_article_meta_equal (meta, copy));
  rpt_article_meta_set (copy, RPT_ARTICLE_FIELD_DATE, NULL);
  ck_assert (!rpt_article_meta_equal (meta, copy));

  rpt_document_set_meta (doc, meta);
  rpt_article_meta_set (meta, RPT_ARTICLE_FIELD_OUTLET, "Changed");
  ck_assert_str_eq (rpt_article_meta_get (rpt_document_get_meta (doc), RPT_ARTICLE_FIELD_OUTLET),
                    "The Daily Ledger");
  ck_assert_str_eq (rpt_article_meta_get (rpt_document_get_meta (doc), RPT_ARTICLE_FIELD_DATE),
                    "2026-03-01");
  rpt_document_set_meta (doc, NULL);
  ck_assert (rpt_article_meta_is_empty (rpt_document_get_meta (doc)));
}
END_TEST

static Suite *
model_suite (void)
{
  Suite *s = suite_create ("model");
  TCase *tc;

  tc = tcase_create ("documents");
  tcase_add_test (tc, test_default_labels);
  tcase_add_test (tc, test_add_remove_document);
  tcase_add_test (tc, test_remove_document_cascades);
  tcase_add_test (tc, test_article_meta);
  suite_add_tcase (s, tc);

  tc = tcase_create ("annotations");
  tcase_add_test (tc, test_add_annotation);
  tcase_add_test (tc, test_add_annotation_refusals);
  tcase_add_test (tc, test_annotation_changes);
  tcase_add_test (tc, test_annotation_change_noops);
  tcase_add_test (tc, test_annotation_change_refusals);
  tcase_add_test (tc, test_remove_annotation_cascades);
  suite_add_tcase (s, tc);

  tc = tcase_create ("relations");
  tcase_add_test (tc, test_relations);
  tcase_add_test (tc, test_relation_type_names);
  suite_add_tcase (s, tc);

  tc = tcase_create ("history");
  tcase_add_test (tc, test_group_is_one_step);
  tcase_add_test (tc, test_ids_never_reused);
  tcase_add_test (tc, test_random_session_undo_all);
  suite_add_tcase (s, tc);

  return s;
}

RPT_TEST_MAIN (model_suite)
