/* test-labels-dialog.c: the labels and speakers editor, driven through its
 * widgets and actions on a project built here (text written for this test),
 * with an inspector beside it to show that its edits reach the window.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <check.h>
#include <stdlib.h>

#include "rpt-annotation-row.h"
#include "rpt-core.h"
#include "rpt-inspector.h"
#include "rpt-labels-dialog.h"
#include "rpt-test-util.h"
#include "rpt-inspector-fixture.h"

static void
setup (void)
{
  inspector_fixture_setup (NULL);
}

static void
teardown (void)
{
  inspector_fixture_teardown ();
}

/* ---- The labels and speakers editor ---- */

static GtkWidget *
open_labels_dialog (void)
{
  GtkWidget *dialog = rpt_labels_dialog_new (GTK_WINDOW (window), project);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (dialog);
  spin ();
  return dialog;
}

static GtkWidget *
label_row (GtkWidget  *dialog,
           const char *label_id)
{
  g_autofree char *name = g_strdup_printf ("label-row-%s", label_id);

  return must_find (dialog, name);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static char *
label_order (void)
{
  GListModel *labels = rpt_project_get_labels (project);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (labels, i);

      g_string_append_printf (out, "%s%s", i ? "," : "", rpt_label_get_id (label));
    }
  return g_string_free (out, FALSE);
}

START_TEST (test_labels_rename_recolour_reorder)
{
  GtkWidget *dialog = open_labels_dialog ();
  GtkWidget *row = label_row (dialog, "claim");
  GtkWidget *name_row = must_find (row, "label-name");
  RptLabel *label = rpt_project_get_label (project, "claim");
  g_autofree char *list_row = NULL;
  g_autofree char *order = NULL;
  g_autofree char *order_undone = NULL;
  g_autofree char *title = NULL;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_test_widget_wait_for_draw (dialog);

  /* Rename. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Assertion");
  g_signal_emit_by_name (name_row, "apply");
  redraw ();
  ck_assert_str_eq (rpt_label_get_name (label), "Assertion");
  ck_assert_str_eq (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Assertion");
  list_row = row_text (claim);
  ck_assert_msg (strstr (list_row, "Assertion") != NULL, "inspector row: %s", list_row);
  /* A duplicate name is refused and the entry shows the name again. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "joke");
  g_signal_emit_by_name (name_row, "apply");
  spin ();
  ck_assert_str_eq (rpt_label_get_name (label), "Assertion");
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (name_row)), "Assertion");

  /* Recolour from the palette; undo restores. */
  click (must_find (row, "swatch-#9141ac"));
  spin ();
  ck_assert_str_eq (rpt_label_get_color (label), "#9141ac");
  ck_assert (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (must_find (row, "swatch-#9141ac"))));
  ck_assert (!gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (must_find (row, "swatch-#3584e4"))));
  ck_assert (rpt_project_undo (project));
  spin ();
  ck_assert_str_eq (rpt_label_get_color (label), "#3584e4");
  ck_assert (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (must_find (row, "swatch-#3584e4"))));

  /* Shortcut: 5, then the key of another label (taken from it). */
  adw_combo_row_set_selected (ADW_COMBO_ROW (must_find (row, "label-shortcut")), 5);
  spin ();
  ck_assert_uint_eq (rpt_label_get_shortcut (label), 5);
  adw_combo_row_set_selected (ADW_COMBO_ROW (must_find (row, "label-shortcut")), 3);
  spin ();
  ck_assert_uint_eq (rpt_label_get_shortcut (label), 3);
  ck_assert_uint_eq (rpt_label_get_shortcut (rpt_project_get_label (project, "joke")), 0);

  /* Reorder: down, and the list follows (the moved row stays open). */
  ck_assert (!gtk_widget_get_sensitive (must_find (row, "label-move-up")));
  click (must_find (row, "label-move-down"));
  spin ();
  order = label_order ();
  ck_assert_str_eq (order, "rebuttal,claim,joke,diplomatic-signal");
  row = label_row (dialog, "claim");
  ck_assert_ptr_eq (gtk_widget_get_next_sibling (label_row (dialog, "rebuttal")), row);
  ck_assert (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  ck_assert (gtk_widget_get_sensitive (must_find (row, "label-move-up")));
  click (must_find (row, "label-move-up"));
  spin ();
  order_undone = label_order ();
  ck_assert_str_eq (order_undone, "claim,rebuttal,joke,diplomatic-signal");

  /* Description. */
  row = label_row (dialog, "claim");
  gtk_editable_set_text (GTK_EDITABLE (must_find (row, "label-description")), "Put forward as fact");
  g_signal_emit_by_name (must_find (row, "label-description"), "apply");
  spin ();
  ck_assert_str_eq (rpt_label_get_description (label), "Put forward as fact");

  title = g_strdup (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)));
  ck_assert_str_eq (title, "Key 3 · 1 annotation");
}
END_TEST

START_TEST (test_labels_remove_asks_with_count)
{
  GtkWidget *dialog;
  AdwMessageDialog *question;
  g_autofree char *body = NULL;
  guint before;

  tag ("the finest in the region", "claim", mayor_id);
  before = rpt_project_get_n_annotations (project);
  dialog = open_labels_dialog ();

  /* Cancel leaves everything. */
  click (must_find (label_row (dialog, "claim"), "label-remove"));
  spin ();
  question = find_message_dialog ();
  ck_assert_msg (question != NULL, "no question asked");
  ck_assert_str_eq (adw_message_dialog_get_heading (question), "Remove “Claim”?");
  body = g_strdup (adw_message_dialog_get_body (question));
  ck_assert_str_eq (body, "2 annotations use it and will be removed. You can undo this.");
  respond (question, "_Cancel");
  spin ();
  ck_assert_ptr_nonnull (rpt_project_get_label (project, "claim"));
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), before);

  /* Remove: the label and its two annotations go, the inspector follows. */
  click (must_find (label_row (dialog, "claim"), "label-remove"));
  spin ();
  question = find_message_dialog ();
  ck_assert_ptr_nonnull (question);
  respond (question, "_Remove");
  redraw ();
  ck_assert_ptr_null (rpt_project_get_label (project, "claim"));
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), before - 2);
  ck_assert_ptr_null (find_named (dialog, "label-row-claim"));
  {
    g_autofree char *count = visible_text (details ("annotation-count"));

    ck_assert_str_eq (count, "Annotations (2)\n");
  }

  /* The toast's Undo brings all of it back. */
  gtk_widget_activate_action (dialog, "labels.undo", NULL);
  redraw ();
  ck_assert_ptr_nonnull (rpt_project_get_label (project, "claim"));
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), before);
  ck_assert_ptr_nonnull (find_named (dialog, "label-row-claim"));

  /* An unused label goes without a question. */
  gtk_widget_activate_action (dialog, "labels.add", NULL);
  spin ();
  {
    g_autoptr(RptLabel) added = g_list_model_get_item (rpt_project_get_labels (project), 4);
    g_autofree char *id = g_strdup (rpt_label_get_id (added));

    ck_assert_str_eq (rpt_label_get_name (added), "New Label");
    ck_assert_str_eq (rpt_label_get_color (added), "#9141ac"); /* first unused colour */
    ck_assert_uint_eq (rpt_label_get_shortcut (added), 5);     /* first unused key */
    ck_assert (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (label_row (dialog, id))));
    click (must_find (label_row (dialog, id), "label-remove"));
    spin ();
    ck_assert_ptr_null (find_message_dialog ());
    ck_assert_ptr_null (rpt_project_get_label (project, id));
  }
}
END_TEST

START_TEST (test_speakers_add_rename_remove)
{
  GtkWidget *dialog = open_labels_dialog ();
  GtkWidget *add_row = must_find (dialog, "add-speaker");
  GListModel *speakers = rpt_project_get_speakers (project);
  g_autofree char *mayor_row_name = g_strdup_printf ("speaker-row-%s", mayor_id);
  AdwMessageDialog *question;

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (dialog), "speakers");
  gtk_test_widget_wait_for_draw (dialog);

  gtk_editable_set_text (GTK_EDITABLE (add_row), "The Ferry Captain");
  g_signal_emit_by_name (add_row, "apply");
  spin ();
  ck_assert_uint_eq (g_list_model_get_n_items (speakers), 3);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (add_row)), "");
  {
    g_autoptr(RptSpeaker) last = g_list_model_get_item (speakers, 2);

    ck_assert_str_eq (rpt_speaker_get_name (last), "The Ferry Captain");
  }

  /* Rename; the count of uses is the row's title. */
  {
    GtkWidget *row = must_find (dialog, mayor_row_name);

    ck_assert_str_eq (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "2 annotations");
    gtk_editable_set_text (GTK_EDITABLE (row), "Mayor Quill");
    g_signal_emit_by_name (row, "apply");
    redraw ();
    ck_assert_str_eq (rpt_speaker_get_name (rpt_project_get_speaker (project, mayor_id)), "Mayor Quill");
    {
      g_autofree char *text = row_text (claim);

      ck_assert_msg (strstr (text, "Mayor Quill") != NULL, "inspector row: %s", text);
    }

    /* Remove: asks, with how many lose their speaker. */
    click (must_find (row, "speaker-remove"));
    spin ();
  }
  question = find_message_dialog ();
  ck_assert_ptr_nonnull (question);
  ck_assert_str_eq (adw_message_dialog_get_body (question),
                    "2 annotations will lose their speaker. You can undo this.");
  respond (question, "_Remove");
  spin ();
  ck_assert_ptr_null (rpt_project_get_speaker (project, mayor_id));
  ck_assert_ptr_null (rpt_annotation_get_speaker (claim));
  ck_assert_ptr_null (rpt_annotation_get_speaker (joke));
  ck_assert_str_eq (rpt_annotation_get_speaker (rebuttal), engineer_id);
  ck_assert (rpt_project_undo (project));
  spin ();
  ck_assert_str_eq (rpt_annotation_get_speaker (claim), mayor_id);
}
END_TEST

static Suite *
labels_dialog_suite (void)
{
  Suite *s = suite_create ("labels-dialog");
  TCase *tc = tcase_create ("labels-dialog");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_labels_rename_recolour_reorder);
  tcase_add_test (tc, test_labels_remove_asks_with_count);
  tcase_add_test (tc, test_speakers_add_rename_remove);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_WIDGETS_MAIN (labels_dialog_suite)
