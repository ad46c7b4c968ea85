/* rpt-help.h: opens the user guide (Help, F1): the Mallard pages in Yelp,
 * or, without a help viewer, their web pages in the browser, or, without
 * either, the guide's text (docs/GUIDE.md) in a window of Repartee's own.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The Markdown guide's path: $REPARTEE_DOC_DIR/GUIDE.md, then the
 * installed copy. NULL if neither exists. */
char *rpt_help_find_guide (void);
/* What the help viewer is given: the pages in $REPARTEE_HELP_DIR/C when
 * that holds them (a build run from its tree), as a file URI; otherwise
 * "help:repartee", the installed pages. */
char *rpt_help_get_uri    (void);
/* The web pages' index.html: $REPARTEE_HELP_HTML_DIR, then the installed
 * copy. NULL if neither exists. */
char *rpt_help_find_html  (void);
/* Opens the guide over @parent without blocking: in the handler of help:
 * URIs; failing that, the web pages in the handler of text/html; failing
 * that, the guide's text in an RptHelpWindow. Says so in a dialog when
 * there is no guide at all. */
void  rpt_help_show       (GtkWindow *parent);

G_END_DECLS
