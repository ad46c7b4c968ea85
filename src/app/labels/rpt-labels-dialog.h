/* rpt-labels-dialog.h: the project's labels and speakers, edited in a
 * modal preferences window: add, rename, recolour, reorder, change the
 * shortcut, describe, remove (asking first when annotations would be
 * affected, and saying how many). Every edit goes through RptProject.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rpt-core.h"

G_BEGIN_DECLS

#define RPT_TYPE_LABELS_DIALOG (rpt_labels_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RptLabelsDialog, rpt_labels_dialog, RPT, LABELS_DIALOG, AdwPreferencesWindow)

GtkWidget *rpt_labels_dialog_new (GtkWindow  *parent,
                                  RptProject *project);

/* Actions (on the dialog, used by its rows):
 *   "labels.add"                add a label ("New Label", next free colour
 *                               and key) and open it for editing
 *   "labels.move-up" / "labels.move-down" (s: label id)
 *   "labels.remove" (s: label id)  asks first when annotations use it
 *   "labels.remove-speaker" (s: speaker id)  asks first when in use
 *   "labels.undo"               undoes the last removal (the toast's button)
 */

G_END_DECLS
