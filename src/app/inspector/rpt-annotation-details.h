/* rpt-annotation-details.h: the details of one annotation, every field
 * editable through RptProject: label, speaker (or a new one typed on the
 * spot), note, links to other annotations, and who made it when.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rpt-core.h"

G_BEGIN_DECLS

#define RPT_TYPE_ANNOTATION_DETAILS (rpt_annotation_details_get_type ())
G_DECLARE_FINAL_TYPE (RptAnnotationDetails, rpt_annotation_details, RPT, ANNOTATION_DETAILS, GtkWidget)

void           rpt_annotation_details_set_project    (RptAnnotationDetails *self,
                                                      RptProject           *project);
/* NULL shows the empty state. A note still being typed is committed to the
 * annotation shown before. */
void           rpt_annotation_details_set_annotation (RptAnnotationDetails *self,
                                                      RptAnnotation        *annotation);
/* Commits a note being typed now rather than after the idle delay. */
void           rpt_annotation_details_commit_note    (RptAnnotationDetails *self);
/* Keyboard focus to the first field. */
void           rpt_annotation_details_focus          (RptAnnotationDetails *self);
/* Ends a pick started by "pick-target-requested": links the annotation
 * shown when the pick began to @target (NULL: cancelled). */
void           rpt_annotation_details_finish_pick    (RptAnnotationDetails *self,
                                                      RptAnnotation        *target);

/* Signals:
 *   "error" (const char *message): the project refused an edit
 *   "pick-target-requested": "Pick in Text" was pressed
 *   "annotation-activated" (RptAnnotation *): a link row was activated; the
 *                          annotation may be in another document
 * Actions: "details.add-link" (Ctrl+L: opens the link chooser) */

G_END_DECLS
