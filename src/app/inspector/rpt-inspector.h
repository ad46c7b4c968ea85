/* rpt-inspector.h: the right-hand pane: the current document's annotations
 * (a GtkListView on the core's RptAnnotationStore: colour chip, label,
 * speaker, excerpt, and "↳ rebuts: …" lines) above the details of the
 * selected annotation (label, speaker with "add on the spot", note,
 * relations, author and times). Every change goes through RptProject.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rpt-core.h"

G_BEGIN_DECLS

#define RPT_TYPE_INSPECTOR (rpt_inspector_get_type ())
G_DECLARE_FINAL_TYPE (RptInspector, rpt_inspector, RPT, INSPECTOR, GtkWidget)

GtkWidget     *rpt_inspector_new                     (void);
void           rpt_inspector_set_project             (RptInspector  *self,
                                                      RptProject    *project);
void           rpt_inspector_set_document            (RptInspector  *self,
                                                      RptDocument   *document);
/* Property "selected-annotation", kept in sync with the article view's by
 * the window (g_object_bind_property, bidirectional). */
RptAnnotation *rpt_inspector_get_selected_annotation (RptInspector  *self);
void           rpt_inspector_set_selected_annotation (RptInspector  *self,
                                                      RptAnnotation *annotation);
/* Moves keyboard focus to the details (Enter in the text). */
void           rpt_inspector_focus_details           (RptInspector  *self);
/* Completes a pick started by "pick-target-requested": links the selected
 * annotation to @target with the relation type chosen in the details. */
void           rpt_inspector_finish_pick             (RptInspector  *self,
                                                      RptAnnotation *target);

/* Signals:
 *   "annotation-activated" (RptAnnotation *): the user chose an annotation:
 *                          clicked or activated its row (it is then also
 *                          the selected one) or activated one of its links
 *                          in the details (it may be in another document:
 *                          the window shows that document). The window
 *                          reveals it in the article view (scroll + flash)
 *   "pick-target-requested": the user wants to choose a relation target by
 *                          clicking its span; the window calls
 *                          rpt_article_view_begin_pick() and passes the
 *                          result to rpt_inspector_finish_pick()
 *   "error" (const char *message): the project refused an edit made in the
 *                          details (e.g. a duplicate link); the window shows
 *                          it in a toast
 */

G_END_DECLS
