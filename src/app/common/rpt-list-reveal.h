/* rpt-list-reveal.h: hands a GtkListView a new model a few rows per frame.
 * GtkListView builds and measures every row it keeps (up to 200, wherever
 * the list is scrolled); when rows are composite widgets, a new model of
 * hundreds of items stalls the main loop for as many milliseconds as there
 * are rows. Shown through a growing slice, the first rows appear at once
 * and the others over the next frames; past what GTK keeps, the rest comes
 * in one go, as its rows are only made when scrolled to.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _RptListReveal RptListReveal;

/* Sets @list's model to a GtkNoSelection over @source, all of it shown. */
RptListReveal *rpt_list_reveal_new    (GtkListView   *list,
                                       GListModel    *source);
/* @source has been replaced: show it again from its first rows. */
void           rpt_list_reveal_start  (RptListReveal *self);
/* Show all of @source now (before scrolling to a row, say). */
void           rpt_list_reveal_finish (RptListReveal *self);
/* Call before @list is destroyed. */
void           rpt_list_reveal_free   (RptListReveal *self);

G_END_DECLS
