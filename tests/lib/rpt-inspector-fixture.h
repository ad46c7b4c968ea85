/* rpt-inspector-fixture.h: the project (two articles, three annotations by
 * two speakers, text written for these tests) and the inspector in a window
 * that the inspector and labels-dialog suites drive. Included by the test
 * files (static state and functions).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <check.h>
#include <string.h>

#include "rpt-annotation-row.h"
#include "rpt-core.h"
#include "rpt-inspector.h"
#include "rpt-test-project.h"
#include "rpt-test-widgets.h"

G_GNUC_UNUSED static const char *TEXT =
  "The mayor said the new bridge would open in May. “That date is a fantasy,” "
  "the engineer answered. The mayor laughed that even the pigeons were waiting "
  "for it. Both promised to meet again next week, and the mayor said the bridge "
  "would be the finest in the region.";

static RptProject    *project;
static GtkWidget     *window;
static RptInspector  *inspector;
static RptAnnotation *claim, *rebuttal, *joke;
static char          *mayor_id, *engineer_id;

/* ---- Helpers ---- */

G_GNUC_UNUSED static void
redraw (void)
{
  spin ();
  gtk_widget_queue_draw (window);
  gtk_test_widget_wait_for_draw (window);
  spin ();
}

G_GNUC_UNUSED static gboolean
is_row_of (GtkWidget     *widget,
           gconstpointer  annotation)
{
  return RPT_IS_ANNOTATION_ROW (widget) &&
         rpt_annotation_row_get_annotation (RPT_ANNOTATION_ROW (widget)) == annotation;
}

/* The list row of @annotation (not one in a popover). */
G_GNUC_UNUSED static GtkWidget *
find_row (GtkWidget     *root,
          RptAnnotation *annotation)
{
  return rpt_test_find_matching (root, is_row_of, annotation, FALSE);
}

G_GNUC_UNUSED static char *
row_text (RptAnnotation *annotation)
{
  GtkWidget *row = find_row (GTK_WIDGET (inspector), annotation);

  ck_assert_msg (row != NULL, "no list row for annotation %s", rpt_annotation_get_id (annotation));
  return visible_text (row);
}

G_GNUC_UNUSED static guint
span_start (const char *needle)
{
  return rpt_test_offset_of (TEXT, needle);
}

/* Annotates @needle in the first article. */
G_GNUC_UNUSED static RptAnnotation *
tag (const char *needle,
     const char *label,
     const char *speaker)
{
  return rpt_test_tag_quote (project, "d1", needle, label, speaker);
}

/* Builds the project and shows the inspector on its first article;
 * @connect (may be NULL) connects to the inspector before it gets the project. */
G_GNUC_UNUSED static void
inspector_fixture_setup (void (*connect) (RptInspector *inspector))
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

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 380, 900);
  inspector = RPT_INSPECTOR (rpt_inspector_new ());
  if (connect)
    connect (inspector);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (inspector));
  rpt_inspector_set_project (inspector, project);
  rpt_inspector_set_document (inspector, rpt_project_get_document (project, "d1"));
  gtk_window_present (GTK_WINDOW (window));
  redraw ();
}

G_GNUC_UNUSED static void
inspector_fixture_teardown (void)
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
}

/* The widget of the details pane named @name. */
G_GNUC_UNUSED static GtkWidget *
details (const char *name)
{
  return must_find (GTK_WIDGET (inspector), name);
}
