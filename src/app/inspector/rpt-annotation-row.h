/* rpt-annotation-row.h: one row of the inspector's annotation list: colour
 * chip, label, speaker, an excerpt of the span and a "↳ rebuts: “…”" line
 * per outgoing relation. While bound it follows the project's changes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rpt-core.h"

G_BEGIN_DECLS

#define RPT_TYPE_ANNOTATION_ROW (rpt_annotation_row_get_type ())
G_DECLARE_FINAL_TYPE (RptAnnotationRow, rpt_annotation_row, RPT, ANNOTATION_ROW, GtkWidget)

GtkWidget     *rpt_annotation_row_new            (void);
/* Shows @annotation of @project and follows the project's "changed"
 * signal until unbound. */
void           rpt_annotation_row_bind           (RptAnnotationRow *self,
                                                  RptProject       *project,
                                                  RptAnnotation    *annotation);
void           rpt_annotation_row_unbind         (RptAnnotationRow *self);
RptAnnotation *rpt_annotation_row_get_annotation (RptAnnotationRow *self);
/* Adds the document's title under the excerpt (for lists that span all
 * documents, such as the link chooser). */
void           rpt_annotation_row_set_show_document (RptAnnotationRow *self,
                                                     gboolean          show_document);
/* Refreshes every text from the model. */
void           rpt_annotation_row_update         (RptAnnotationRow *self);
/* What the row shows, a line per line of text ("" when unbound); also its
 * accessible label. A row out of view catches up with the project when it
 * is shown again. */
char          *rpt_annotation_row_dup_text       (RptAnnotationRow *self);

G_END_DECLS
