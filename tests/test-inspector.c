/* test-inspector.c: the inspector (annotation list and details) and the
 * labels and speakers editor, driven through their widgets and actions on a
 * project built here, with text written for this test.
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

static const char *TEXT =
  "The mayor said the new bridge would open in May. “That date is a fantasy,” "
  "the engineer answered. The mayor laughed that even the pigeons were waiting "
  "for it. Both promised to meet again next week, and the mayor said the bridge "
  "would be the finest in the region.";

static RptProject    *project;
static GtkWidget     *window;
static RptInspector  *inspector;
static RptAnnotation *claim, *rebuttal, *joke;
static char          *mayor_id, *engineer_id;
static GPtrArray     *errors;
static GPtrArray     *activated;

/* ---- Helpers ---- */

static void
spin (void)
{
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
redraw (void)
{
  spin ();
  gtk_widget_queue_draw (window);
  gtk_test_widget_wait_for_draw (window);
  spin ();
}

static gboolean
done_waiting (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, done_waiting, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found)
        return found;
    }
  /* Popovers of menu buttons are children too, reached above. */
  return NULL;
}

/* What a click does. (gtk_widget_activate() on a button only presses it
 * for a while and needs a realized widget.) */
static void
click (GtkWidget *button)
{
  ck_assert (GTK_IS_BUTTON (button));
  ck_assert_msg (gtk_widget_is_sensitive (button), "“%s” is insensitive", gtk_widget_get_name (button));
  g_signal_emit_by_name (button, "clicked");
}

static GtkWidget *
must_find (GtkWidget  *root,
           const char *name)
{
  GtkWidget *widget = find_named (root, name);

  ck_assert_msg (widget != NULL, "no widget named “%s”", name);
  return widget;
}

/* Everything the user can read in @root: the text of its visible labels. */
static void
collect_text (GtkWidget *root,
              GString   *out)
{
  if (!gtk_widget_get_visible (root))
    return;
  if (GTK_IS_LABEL (root))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (root)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_POPOVER (child))
      collect_text (child, out);
}

static char *
visible_text (GtkWidget *root)
{
  GString *out = g_string_new (NULL);

  collect_text (root, out);
  return g_string_free (out, FALSE);
}

static GtkWidget *
find_row (GtkWidget     *root,
          RptAnnotation *annotation)
{
  if (RPT_IS_ANNOTATION_ROW (root) &&
      rpt_annotation_row_get_annotation (RPT_ANNOTATION_ROW (root)) == annotation)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_POPOVER (child))
        continue;
      if ((found = find_row (child, annotation)))
        return found;
    }
  return NULL;
}

static char *
row_text (RptAnnotation *annotation)
{
  GtkWidget *row = find_row (GTK_WIDGET (inspector), annotation);

  ck_assert_msg (row != NULL, "no list row for annotation %s", rpt_annotation_get_id (annotation));
  return visible_text (row);
}

static guint
span_start (const char *needle)
{
  const char *p = strstr (TEXT, needle);

  ck_assert_msg (p != NULL, "“%s” is not in the text", needle);
  return (guint) g_utf8_pointer_to_offset (TEXT, p);
}

static RptAnnotation *
tag (const char *needle,
     const char *label,
     const char *speaker)
{
  g_autoptr(GError) error = NULL;
  guint start = span_start (needle);
  RptAnnotation *annotation =
    rpt_project_add_annotation (project, "d1", start, start + g_utf8_strlen (needle, -1),
                                label, speaker, &error);

  ck_assert_msg (annotation != NULL, "tagging failed: %s", error ? error->message : "");
  return annotation;
}

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
setup (void)
{
  g_autoptr(RptDocument) document = rpt_document_new ("d1", "The bridge", "bridge.txt", TEXT);
  g_autoptr(RptDocument) other = rpt_document_new ("d2", "Second report", "second.txt",
                                                   "The engineer repeated that May was out of the question.");

  project = rpt_project_new ();
  ck_assert (rpt_project_add_document (project, document, NULL));
  ck_assert (rpt_project_add_document (project, other, NULL));
  mayor_id = g_strdup (rpt_speaker_get_id (rpt_project_add_speaker (project, "The Mayor", NULL)));
  engineer_id = g_strdup (rpt_speaker_get_id (rpt_project_add_speaker (project, "The Engineer", NULL)));
  claim = tag ("the new bridge would open in May", "claim", mayor_id);
  rebuttal = tag ("That date is a fantasy", "rebuttal", engineer_id);
  joke = tag ("even the pigeons were waiting for it", "joke", mayor_id);

  errors = g_ptr_array_new_with_free_func (g_free);
  activated = g_ptr_array_new ();

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 380, 900);
  inspector = RPT_INSPECTOR (rpt_inspector_new ());
  g_signal_connect (inspector, "error", G_CALLBACK (on_error), NULL);
  g_signal_connect (inspector, "annotation-activated", G_CALLBACK (on_activated), NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (inspector));
  rpt_inspector_set_project (inspector, project);
  rpt_inspector_set_document (inspector, rpt_project_get_document (project, "d1"));
  gtk_window_present (GTK_WINDOW (window));
  redraw ();
}

static void
teardown (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  spin ();
  window = NULL;
  inspector = NULL;
  g_clear_object (&project);
  g_clear_pointer (&mayor_id, g_free);
  g_clear_pointer (&engineer_id, g_free);
  g_clear_pointer (&errors, g_ptr_array_unref);
  g_clear_pointer (&activated, g_ptr_array_unref);
}

static GtkWidget *
details (const char *name)
{
  return must_find (GTK_WIDGET (inspector), name);
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
  wait_ms (1500);
  ck_assert_str_eq (rpt_annotation_get_note (rebuttal), "Needs a second source.");

  set_note_text ("Needs a second source. Checked twice.");
  wait_ms (1500);
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

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found)
        return found;
    }
  return NULL;
}

/* Answers as the user does: the response's button, which also closes the
 * question and emits "response". */
static void
respond (AdwMessageDialog *question,
         const char       *button_label)
{
  GtkWidget *button = find_button_labelled (GTK_WIDGET (question), button_label);

  ck_assert_msg (button != NULL, "the question has no “%s” button", button_label);
  g_object_add_weak_pointer (G_OBJECT (question), (gpointer *) &question);
  click (button);
  spin ();
  /* Closed, and so destroyed. */
  ck_assert_ptr_null (question);
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
  tcase_add_test (tc, test_labels_rename_recolour_reorder);
  tcase_add_test (tc, test_labels_remove_asks_with_count);
  tcase_add_test (tc, test_speakers_add_rename_remove);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int argc, char **argv)
{
  SRunner *runner;
  int failed;

  gtk_init ();
  adw_init ();

  runner = srunner_create (inspector_suite ());
  srunner_run_all (runner, CK_ENV);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
