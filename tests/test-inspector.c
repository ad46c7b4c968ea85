/* test-inspector.c: the inspector (annotation list and details), driven
 * through its widgets and actions on a project built here, with text
 * written for this test.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <check.h>
#include <stdlib.h>

#include "rpt-annotation-row.h"
#include "rpt-core.h"
#include "rpt-inspector.h"
#include "rpt-test-util.h"
#include "rpt-inspector-fixture.h"

static GPtrArray     *errors;
static GPtrArray     *activated;

/* ---- Helpers ---- */

static void
on_error (RptInspector *self,
          const char   *message)
{
  g_ptr_array_add (errors, g_strdup (message));
}

static void
on_activated (RptInspector  *self,
              RptAnnotation *annotation)
{
  g_ptr_array_add (activated, annotation);
}

static void
connect_signals (RptInspector *self)
{
  g_signal_connect (self, "error", G_CALLBACK (on_error), NULL);
  g_signal_connect (self, "annotation-activated", G_CALLBACK (on_activated), NULL);
}

static void
setup (void)
{
  errors = g_ptr_array_new_with_free_func (g_free);
  activated = g_ptr_array_new ();
  inspector_fixture_setup (connect_signals);
}

static void
teardown (void)
{
  inspector_fixture_teardown ();
  g_clear_pointer (&errors, g_ptr_array_unref);
  g_clear_pointer (&activated, g_ptr_array_unref);
}

static const char *
selected_label_id (void)
{
  RptLabel *label = adw_combo_row_get_selected_item (ADW_COMBO_ROW (details ("label-row")));

  return label ? rpt_label_get_id (label) : NULL;
}

static guint
label_index (const char *label_id)
{
  GListModel *labels = rpt_project_get_labels (project);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (labels, i);

      if (g_strcmp0 (rpt_label_get_id (label), label_id) == 0)
        return i;
    }
  ck_abort_msg ("no label %s", label_id);
  return 0;
}

/* ---- The list and the details ---- */

START_TEST (test_select_shows_details)
{
  GtkWidget *speaker_row = details ("speaker-row");
  g_autofree char *count = NULL;
  g_autofree char *shown = NULL;
  GObject *speaker;

  count = visible_text (details ("annotation-count"));
  ck_assert_str_eq (count, "Annotations (3)\n");
  ck_assert (gtk_widget_get_mapped (details ("details-empty")));

  rpt_inspector_set_selected_annotation (inspector, rebuttal);
  redraw ();
  ck_assert (!gtk_widget_get_mapped (details ("details-empty")));
  ck_assert_str_eq (selected_label_id (), "rebuttal");
  speaker = adw_combo_row_get_selected_item (ADW_COMBO_ROW (speaker_row));
  ck_assert (RPT_IS_SPEAKER (speaker));
  ck_assert_str_eq (rpt_speaker_get_id (RPT_SPEAKER (speaker)), engineer_id);
  shown = visible_text (details ("speaker-row"));
  ck_assert_msg (strstr (shown, "The Engineer") != NULL, "speaker row shows: %s", shown);

  /* The list shows the selection too. */
  {
    GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (details ("annotation-list")));

    ck_assert (gtk_selection_model_is_selected (model, 1));
    ck_assert (!gtk_selection_model_is_selected (model, 0));

    /* A click in the list (a selection by the user) selects and reveals. */
    gtk_selection_model_select_item (model, 2, TRUE);
    redraw ();
    ck_assert_ptr_eq (rpt_inspector_get_selected_annotation (inspector), joke);
    ck_assert_uint_eq (activated->len, 1);
    ck_assert_ptr_eq (g_ptr_array_index (activated, 0), joke);
    ck_assert_str_eq (selected_label_id (), "joke");
  }

  rpt_inspector_set_selected_annotation (inspector, NULL);
  redraw ();
  ck_assert (gtk_widget_get_mapped (details ("details-empty")));
}
END_TEST

START_TEST (test_change_label_and_undo)
{
  g_autofree char *row_before = NULL;
  g_autofree char *row_after = NULL;
  g_autofree char *row_undone = NULL;

  rpt_inspector_set_selected_annotation (inspector, rebuttal);
  redraw ();
  row_before = row_text (rebuttal);
  ck_assert_msg (strstr (row_before, "Rebuttal") != NULL, "row: %s", row_before);

  adw_combo_row_set_selected (ADW_COMBO_ROW (details ("label-row")), label_index ("diplomatic-signal"));
  redraw ();
  ck_assert_str_eq (rpt_annotation_get_label (rebuttal), "diplomatic-signal");
  row_after = row_text (rebuttal);
  ck_assert_msg (strstr (row_after, "Diplomatic signal") != NULL, "row: %s", row_after);
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Change Label");

  ck_assert (rpt_project_undo (project));
  redraw ();
  ck_assert_str_eq (rpt_annotation_get_label (rebuttal), "rebuttal");
  ck_assert_str_eq (selected_label_id (), "rebuttal");
  row_undone = row_text (rebuttal);
  ck_assert_msg (strstr (row_undone, "Rebuttal") != NULL, "row: %s", row_undone);
  /* Still selected after the store re-sorted nothing. */
  ck_assert_ptr_eq (rpt_inspector_get_selected_annotation (inspector), rebuttal);
}
END_TEST

START_TEST (test_speaker_none_and_new)
{
  AdwComboRow *speaker_row = ADW_COMBO_ROW (details ("speaker-row"));
  GtkWidget *new_row = details ("new-speaker-row");
  GListModel *choices;
  guint n;
  RptSpeaker *added = NULL;
  GListModel *speakers = rpt_project_get_speakers (project);
  g_autofree char *row = NULL;

  rpt_inspector_set_selected_annotation (inspector, claim);
  redraw ();
  choices = adw_combo_row_get_model (speaker_row);
  n = g_list_model_get_n_items (choices);
  ck_assert_uint_eq (n, 4); /* None, The Mayor, The Engineer, New Speaker… */

  /* None unattributes. */
  adw_combo_row_set_selected (speaker_row, 0);
  redraw ();
  ck_assert_ptr_null (rpt_annotation_get_speaker (claim));
  ck_assert (rpt_project_undo (project));
  ck_assert_str_eq (rpt_annotation_get_speaker (claim), mayor_id);
  redraw ();

  /* "New Speaker…" opens an entry, keeps the current speaker shown. */
  ck_assert (!gtk_widget_get_visible (new_row));
  adw_combo_row_set_selected (speaker_row, n - 1);
  redraw ();
  ck_assert (gtk_widget_get_visible (new_row));
  ck_assert_str_eq (rpt_annotation_get_speaker (claim), mayor_id);
  ck_assert (RPT_IS_SPEAKER (adw_combo_row_get_selected_item (speaker_row)));

  gtk_editable_set_text (GTK_EDITABLE (new_row), "  The Harbour Master ");
  g_signal_emit_by_name (new_row, "entry-activated");
  redraw ();
  ck_assert (!gtk_widget_get_visible (new_row));
  ck_assert_uint_eq (g_list_model_get_n_items (speakers), 3);
  {
    g_autoptr(RptSpeaker) last = g_list_model_get_item (speakers, 2);

    added = last;
    ck_assert_str_eq (rpt_speaker_get_name (last), "The Harbour Master");
    ck_assert_str_eq (rpt_annotation_get_speaker (claim), rpt_speaker_get_id (last));
  }
  row = row_text (claim);
  ck_assert_msg (strstr (row, "The Harbour Master") != NULL, "row: %s", row);
  ck_assert_uint_eq (g_list_model_get_n_items (adw_combo_row_get_model (speaker_row)), 5);

  /* Adding and assigning is one undo step. */
  ck_assert (rpt_project_undo (project));
  redraw ();
  ck_assert_uint_eq (g_list_model_get_n_items (speakers), 2);
  ck_assert_str_eq (rpt_annotation_get_speaker (claim), mayor_id);
  (void) added;

  /* A name that exists (in any case) is that speaker, not a duplicate. */
  adw_combo_row_set_selected (speaker_row, 3);
  gtk_editable_set_text (GTK_EDITABLE (new_row), "the engineer");
  g_signal_emit_by_name (new_row, "entry-activated");
  redraw ();
  ck_assert_uint_eq (g_list_model_get_n_items (speakers), 2);
  ck_assert_str_eq (rpt_annotation_get_speaker (claim), engineer_id);
  ck_assert_uint_eq (errors->len, 0);
}
END_TEST

static void
set_note_text (const char *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (details ("note-view"));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

START_TEST (test_note)
{
  rpt_inspector_set_selected_annotation (inspector, rebuttal);
  redraw ();

  set_note_text ("Needs a second source.");
  /* Not committed on every key press… */
  ck_assert_str_eq (rpt_annotation_get_note (rebuttal), "");
  /* …but after a short pause. */
  rpt_test_wait_until (g_str_equal (rpt_annotation_get_note (rebuttal), "Needs a second source."), 10);
  ck_assert_str_eq (rpt_annotation_get_note (rebuttal), "Needs a second source.");

  set_note_text ("Needs a second source. Checked twice.");
  rpt_test_wait_until (g_str_equal (rpt_annotation_get_note (rebuttal), "Needs a second source. Checked twice."), 10);
  ck_assert_str_eq (rpt_annotation_get_note (rebuttal), "Needs a second source. Checked twice.");

  /* One typing session is one undo step. */
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Edit Note");
  ck_assert (rpt_project_undo (project));
  redraw ();
  ck_assert_str_eq (rpt_annotation_get_note (rebuttal), "");
  ck_assert (rpt_project_redo (project));
  redraw ();

  /* Selecting another annotation commits at once, to the one edited. */
  set_note_text ("Quoted by two outlets.");
  rpt_inspector_set_selected_annotation (inspector, claim);
  redraw ();
  ck_assert_str_eq (rpt_annotation_get_note (rebuttal), "Quoted by two outlets.");
  ck_assert_str_eq (rpt_annotation_get_note (claim), "");
  /* …and it was a session of its own. */
  ck_assert (rpt_project_undo (project));
  ck_assert_str_eq (rpt_annotation_get_note (rebuttal), "Needs a second source. Checked twice.");

  /* The details show the note of the annotation selected. */
  rpt_inspector_set_selected_annotation (inspector, rebuttal);
  redraw ();
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (details ("note-view")));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    ck_assert_str_eq (text, "Needs a second source. Checked twice.");
  }
}
END_TEST

static GListModel *
search_targets (const char *query)
{
  GtkWidget *popover = details ("link-popover");
  GtkWidget *entry = must_find (popover, "link-search");
  GListModel *targets = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (must_find (popover, "link-targets"))));

  gtk_editable_set_text (GTK_EDITABLE (entry), query);
  /* GtkSearchEntry reports after a short delay. */
  wait_ms (400);
  return targets;
}

static RptRelation *
only_relation (void)
{
  GListModel *relations = rpt_project_get_relations (project);

  ck_assert_uint_eq (g_list_model_get_n_items (relations), 1);
  return g_list_model_get_item (relations, 0);
}

START_TEST (test_add_and_remove_link)
{
  GtkWidget *popover;
  GListModel *targets;
  g_autofree char *row = NULL;
  g_autofree char *row_after = NULL;
  g_autofree char *links = NULL;
  g_autoptr(RptRelation) relation = NULL;

  rpt_inspector_set_selected_annotation (inspector, rebuttal);
  redraw ();

  gtk_menu_button_popup (GTK_MENU_BUTTON (details ("add-link-button")));
  redraw ();
  popover = details ("link-popover");
  ck_assert (gtk_widget_get_visible (popover));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (must_find (popover, "link-type")), RPT_RELATION_REBUTS);

  /* Every annotation of every article but this one… */
  targets = search_targets ("");
  ck_assert_uint_eq (g_list_model_get_n_items (targets), 2);
  /* …searched by text, label or speaker. */
  targets = search_targets ("pigeons");
  ck_assert_uint_eq (g_list_model_get_n_items (targets), 1);
  targets = search_targets ("mayor claim");
  ck_assert_uint_eq (g_list_model_get_n_items (targets), 1);
  {
    g_autoptr(RptAnnotation) first = g_list_model_get_item (targets, 0);

    ck_assert_ptr_eq (first, claim);
  }
  ck_assert_uint_eq (g_list_model_get_n_items (search_targets ("submarine")), 0);
  /* Typing on narrows and deleting widens (GTK re-examines only part of
   * the list then): the results are those of a fresh search. */
  ck_assert_uint_eq (g_list_model_get_n_items (search_targets ("mayor")), 2);
  ck_assert_uint_eq (g_list_model_get_n_items (search_targets ("mayor cl")), 1);
  ck_assert_uint_eq (g_list_model_get_n_items (search_targets ("mayor claim")), 1);
  ck_assert_uint_eq (g_list_model_get_n_items (search_targets ("mayor")), 2);
  ck_assert_uint_eq (g_list_model_get_n_items (search_targets ("")), 2);
  targets = search_targets ("open may");
  ck_assert_uint_eq (g_list_model_get_n_items (targets), 1);

  g_signal_emit_by_name (must_find (popover, "link-targets"), "activate", 0);
  redraw ();
  ck_assert (!gtk_widget_get_visible (popover));

  relation = only_relation ();
  ck_assert_int_eq (rpt_relation_get_kind (relation), RPT_RELATION_REBUTS);
  ck_assert_str_eq (rpt_relation_get_from (relation), rpt_annotation_get_id (rebuttal));
  ck_assert_str_eq (rpt_relation_get_to (relation), rpt_annotation_get_id (claim));

  row = row_text (rebuttal);
  ck_assert_msg (strstr (row, "↳ rebuts: “the new bridge would open in May”") != NULL, "row: %s", row);
  links = visible_text (details ("relations-list"));
  ck_assert_msg (strstr (links, "Rebuts") != NULL && strstr (links, "Claim · The Mayor") != NULL,
                 "links: %s", links);

  /* The claim's details show it from the other end. */
  rpt_inspector_set_selected_annotation (inspector, claim);
  redraw ();
  g_free (links);
  links = visible_text (details ("relations-list"));
  ck_assert_msg (strstr (links, "Rebutted by") != NULL, "links: %s", links);
  rpt_inspector_set_selected_annotation (inspector, rebuttal);
  redraw ();

  /* The same link again is refused, with the core's message. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (details ("add-link-button")));
  redraw ();
  search_targets ("open may");
  g_signal_emit_by_name (must_find (popover, "link-targets"), "activate", 0);
  redraw ();
  ck_assert_uint_eq (errors->len, 1);
  ck_assert_msg (strstr (g_ptr_array_index (errors, 0), "already linked") != NULL,
                 "error: %s", (char *) g_ptr_array_index (errors, 0));

  /* Remove it with the row's button. */
  click (must_find (details ("relations-list"), "link-remove"));
  redraw ();
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_relations (project)), 0);
  row_after = row_text (rebuttal);
  ck_assert_msg (strstr (row_after, "↳") == NULL, "row: %s", row_after);
  g_free (links);
  links = visible_text (details ("relations-list"));
  ck_assert_msg (strstr (links, "No links") != NULL, "links: %s", links);
}
END_TEST

static gboolean pick_requested;

static void
on_pick_requested (RptInspector *self)
{
  pick_requested = TRUE;
}

START_TEST (test_pick_in_text)
{
  GtkWidget *popover;
  g_autoptr(RptRelation) relation = NULL;

  pick_requested = FALSE;
  g_signal_connect (inspector, "pick-target-requested", G_CALLBACK (on_pick_requested), NULL);
  rpt_inspector_set_selected_annotation (inspector, joke);
  redraw ();
  gtk_menu_button_popup (GTK_MENU_BUTTON (details ("add-link-button")));
  redraw ();
  popover = details ("link-popover");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (must_find (popover, "link-type")), RPT_RELATION_RESPONDS_TO);
  click (must_find (popover, "link-pick"));
  redraw ();
  ck_assert (pick_requested);
  ck_assert (!gtk_widget_get_visible (popover));

  /* Escape in the text: nothing happens. */
  rpt_inspector_finish_pick (inspector, NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_relations (project)), 0);

  gtk_menu_button_popup (GTK_MENU_BUTTON (details ("add-link-button")));
  redraw ();
  click (must_find (popover, "link-pick"));
  redraw ();
  rpt_inspector_finish_pick (inspector, claim);
  redraw ();
  relation = only_relation ();
  ck_assert_int_eq (rpt_relation_get_kind (relation), RPT_RELATION_RESPONDS_TO);
  ck_assert_str_eq (rpt_relation_get_from (relation), rpt_annotation_get_id (joke));
  ck_assert_str_eq (rpt_relation_get_to (relation), rpt_annotation_get_id (claim));
  {
    g_autofree char *row = row_text (joke);

    ck_assert_msg (strstr (row, "↳ responds to: “the new bridge") != NULL, "row: %s", row);
  }
}
END_TEST

START_TEST (test_list_follows_project)
{
  RptAnnotation *added;
  g_autofree char *count = NULL;
  g_autofree char *count_after = NULL;
  g_autofree char *row = NULL;

  rpt_inspector_set_selected_annotation (inspector, joke);
  redraw ();

  added = tag ("the finest in the region", "claim", mayor_id);
  redraw ();
  count = visible_text (details ("annotation-count"));
  ck_assert_str_eq (count, "Annotations (4)\n");
  row = row_text (added);
  ck_assert_msg (strstr (row, "the finest in the region") != NULL, "row: %s", row);
  ck_assert_ptr_eq (rpt_inspector_get_selected_annotation (inspector), joke);

  /* A new span re-sorts the store; the selection stays with the annotation. */
  {
    guint start = span_start ("Both promised");

    ck_assert (rpt_project_set_annotation_range (project, rpt_annotation_get_id (joke), start, start + 4, NULL));
    redraw ();
    ck_assert_ptr_eq (rpt_inspector_get_selected_annotation (inspector), joke);
    ck_assert (gtk_selection_model_is_selected (gtk_list_view_get_model (GTK_LIST_VIEW (details ("annotation-list"))),
                                                rpt_annotation_store_find (rpt_project_get_annotations (project, "d1"), joke)));
  }

  /* Removing the selected annotation empties the details. */
  rpt_project_remove_annotation (project, rpt_annotation_get_id (joke));
  redraw ();
  ck_assert_ptr_null (rpt_inspector_get_selected_annotation (inspector));
  ck_assert (gtk_widget_get_mapped (details ("details-empty")));
  count_after = visible_text (details ("annotation-count"));
  ck_assert_str_eq (count_after, "Annotations (3)\n");

  /* Another document: its own list; the selection does not follow. */
  rpt_inspector_set_selected_annotation (inspector, claim);
  rpt_inspector_set_document (inspector, rpt_project_get_document (project, "d2"));
  redraw ();
  ck_assert_ptr_null (rpt_inspector_get_selected_annotation (inspector));
  g_free (count);
  count = visible_text (details ("annotation-count"));
  ck_assert_str_eq (count, "Annotations (0)\n");
  ck_assert (gtk_widget_get_mapped (details ("list-empty")));
}
END_TEST

START_TEST (test_selection_scrolls_into_view)
{
  RptDocument *second = rpt_project_get_document (project, "d2");
  GtkWidget *list = details ("annotation-list");
  RptAnnotation *last = NULL;
  GtkWidget *focus, *row;

  /* Enough rows to scroll: single letters of the second article. */
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(GError) error = NULL;

      last = rpt_project_add_annotation (project, "d2", i, i + 1, "claim", NULL, &error);
      ck_assert_msg (last != NULL, "%s", error ? error->message : "");
    }
  rpt_inspector_set_document (inspector, second);
  redraw ();
  row = find_row (GTK_WIDGET (inspector), last);
  ck_assert_msg (row == NULL || !gtk_widget_get_mapped (row), "the last row should start out of view");

  /* Changed while out of view (a rename touches no row's item): the row
   * catches up when it is shown. */
  ck_assert (rpt_project_rename_label (project, "claim", "Assertion", NULL));
  redraw ();
  {
    GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
    g_autofree char *shown = NULL;

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    for (int i = 0; i < 5; i++)
      redraw ();
    row = find_row (GTK_WIDGET (inspector), last);
    ck_assert_msg (row != NULL && gtk_widget_get_mapped (row), "the last row is not in view at the bottom");
    shown = visible_text (row);
    ck_assert_msg (g_str_has_prefix (shown, "Assertion\n"), "row: %s", shown);
    gtk_adjustment_set_value (adjustment, 0);
    redraw ();
  }

  /* Selected from the article: the list scrolls to it… */
  gtk_widget_grab_focus (details ("note-view"));
  rpt_inspector_set_selected_annotation (inspector, last);
  for (int i = 0; i < 5; i++)
    redraw ();
  row = find_row (GTK_WIDGET (inspector), last);
  ck_assert_msg (row != NULL && gtk_widget_get_mapped (row), "the selected row is not in view");
  {
    g_autofree char *shown = visible_text (row);

    ck_assert_msg (g_str_has_prefix (shown, "Assertion\n"), "row: %s", shown);
  }
  /* …without taking the keyboard focus from where the user is. */
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  ck_assert_msg (focus == NULL || !gtk_widget_is_ancestor (focus, list),
                 "the list took the focus (%s)", focus ? G_OBJECT_TYPE_NAME (focus) : "none");
}
END_TEST

static int
row_height (GtkWidget *row,
            int        width)
{
  int height;

  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  return height;
}

/* The rows draw their own text: check the lines they lay out, the height
 * they ask for, and that they are redrawn only when what they show
 * changes. */
START_TEST (test_row_lines_and_height)
{
  GtkWidget *row = find_row (GTK_WIDGET (inspector), rebuttal);
  GtkWidget *claim_row = find_row (GTK_WIDGET (inspector), claim);
  RptAnnotation *whole;
  g_autofree char *text = NULL;
  int plain, linked, narrow, one_line;

  ck_assert (row != NULL && claim_row != NULL);
  plain = row_height (row, 360);
  ck_assert_int_gt (plain, 0);

  /* A relation adds a line under the excerpt. */
  ck_assert (rpt_project_add_relation (project, RPT_RELATION_REBUTS, rpt_annotation_get_id (rebuttal),
                                       rpt_annotation_get_id (claim), NULL) != NULL);
  redraw ();
  text = rpt_annotation_row_dup_text (RPT_ANNOTATION_ROW (row));
  ck_assert_str_eq (text, "Rebuttal · The Engineer\n"
                          "“That date is a fantasy”\n"
                          "↳ rebuts: “the new bridge would open in May”\n");
  linked = row_height (row, 360);
  ck_assert_int_gt (linked, plain);

  /* The excerpt wraps to two lines at most, then is cut with an ellipsis. */
  one_line = row_height (claim_row, 1000);
  narrow = row_height (claim_row, 120);
  ck_assert_int_gt (narrow, one_line);
  whole = tag (TEXT, "joke", NULL);
  redraw ();
  row = find_row (GTK_WIDGET (inspector), whole);
  ck_assert_int_eq (row_height (row, 200), row_height (row, 120));
  ck_assert_int_eq (row_height (row, 200), narrow);
  text = (g_free (text), rpt_annotation_row_dup_text (RPT_ANNOTATION_ROW (row)));
  ck_assert_msg (g_str_has_suffix (text, "…”\n"), "row: %s", text);
}
END_TEST

/* GTK 4.8 unbinds and rebinds rows whose position moves: a rebind of the
 * same annotation reuses what the row shows, unless the project changed
 * while the row was unbound. */
START_TEST (test_row_rebind)
{
  GtkWidget *row = g_object_ref_sink (rpt_annotation_row_new ());
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  rpt_annotation_row_bind (RPT_ANNOTATION_ROW (row), project, claim);
  before = rpt_annotation_row_dup_text (RPT_ANNOTATION_ROW (row));
  ck_assert_msg (g_str_has_prefix (before, "Claim · The Mayor\n"), "row: %s", before);

  rpt_annotation_row_unbind (RPT_ANNOTATION_ROW (row));
  ck_assert_ptr_null (rpt_annotation_row_get_annotation (RPT_ANNOTATION_ROW (row)));
  ck_assert (rpt_project_rename_label (project, "claim", "Assertion", NULL));
  rpt_annotation_row_bind (RPT_ANNOTATION_ROW (row), project, claim);
  after = rpt_annotation_row_dup_text (RPT_ANNOTATION_ROW (row));
  ck_assert_msg (g_str_has_prefix (after, "Assertion · The Mayor\n"), "row: %s", after);
  ck_assert_ptr_eq (rpt_annotation_row_get_annotation (RPT_ANNOTATION_ROW (row)), claim);
  g_object_unref (row);
}
END_TEST

static Suite *
inspector_suite (void)
{
  Suite *s = suite_create ("inspector");
  TCase *tc = tcase_create ("inspector");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_select_shows_details);
  tcase_add_test (tc, test_change_label_and_undo);
  tcase_add_test (tc, test_speaker_none_and_new);
  tcase_add_test (tc, test_note);
  tcase_add_test (tc, test_add_and_remove_link);
  tcase_add_test (tc, test_pick_in_text);
  tcase_add_test (tc, test_list_follows_project);
  tcase_add_test (tc, test_selection_scrolls_into_view);
  tcase_add_test (tc, test_row_lines_and_height);
  tcase_add_test (tc, test_row_rebind);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_WIDGETS_MAIN (inspector_suite)
