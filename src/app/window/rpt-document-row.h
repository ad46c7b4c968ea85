/* rpt-document-row.h: one article in the sidebar: its title, and its source
 * with the number of annotations, kept up to date as annotations change.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rpt-core.h"

G_BEGIN_DECLS

#define RPT_TYPE_DOCUMENT_ROW (rpt_document_row_get_type ())
G_DECLARE_FINAL_TYPE (RptDocumentRow, rpt_document_row, RPT, DOCUMENT_ROW, GtkWidget)

GtkWidget   *rpt_document_row_new          (void);
void         rpt_document_row_set_document (RptDocumentRow *self,
                                            RptDocument    *document);
RptDocument *rpt_document_row_get_document (RptDocumentRow *self);
/* The subtitle as shown ("source.txt · 3 annotations"), for tests. */
const char  *rpt_document_row_get_subtitle (RptDocumentRow *self);

G_END_DECLS
