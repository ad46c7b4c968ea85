/* rpt-window.h: the annotation window: one project, its articles in a
 * sidebar, the article with the label bar, the inspector, the Summary page;
 * its actions ("win.*") and keys; files, the unsaved-changes prompt and
 * crash recovery.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rpt-application.h"
#include "rpt-core.h"

G_BEGIN_DECLS

#define RPT_TYPE_WINDOW (rpt_window_get_type ())
G_DECLARE_FINAL_TYPE (RptWindow, rpt_window, RPT, WINDOW, AdwApplicationWindow)

RptWindow  *rpt_window_new            (RptApplication *application);
/* Opens a project (.json; asking first if work would be lost) and imports
 * the other files as articles, into that project if there is one. A
 * second project opens in a window of its own. */
void        rpt_window_open_files     (RptWindow      *self,
                                       GFile         **files,
                                       int             n_files);
RptProject *rpt_window_get_project    (RptWindow      *self);
/* Where the project is saved; NULL until it is. */
GFile      *rpt_window_get_file       (RptWindow      *self);
/* Offers to restore the work of Repartee processes that died (one dialog
 * each). The application calls it once, for its first window. */
void        rpt_window_offer_recovery (RptWindow      *self);

G_END_DECLS
