/* rpt-help.h: finds the user guide (docs/GUIDE.md) and opens it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The guide's path: $REPARTEE_DOC_DIR, then the installed copy, then the
 * source tree (so a build run from the tree finds it). NULL if none. */
char *rpt_help_find_guide (void);
/* Opens the guide with the desktop's handler for it; if the guide is
 * missing, says so in a dialog. */
void  rpt_help_show       (GtkWindow *parent);

G_END_DECLS
