/* rpt-export-dialog.h: the Export dialog: format, destination, which
 * articles and labels, offset unit; runs the export in a worker thread with
 * progress, and reports warnings (what the format cannot carry) and errors.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rpt-core.h"

G_BEGIN_DECLS

#define RPT_TYPE_EXPORT_DIALOG (rpt_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RptExportDialog, rpt_export_dialog, RPT, EXPORT_DIALOG, AdwWindow)

/* A modal dialog for @parent exporting @project (not owned). */
GtkWidget *rpt_export_dialog_new (GtkWindow  *parent,
                                  RptProject *project);

G_END_DECLS
