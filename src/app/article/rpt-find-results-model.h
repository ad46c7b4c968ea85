/* rpt-find-results-model.h: the matches of a search in all articles as a
 * flat list for a GtkListView: each article's heading, then its matches,
 * in the order found. Items are made when asked for, so a hundred
 * thousand matches cost only what is on screen. New rows, and new
 * results, are announced when rpt_find_results_model_announce () is
 * called: GtkListView makes and measures up to 200 rows whenever its
 * model changes (some 20–40 ms), so the find bar calls it after the frame
 * that shows the matches in the text, not before.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rpt-core.h"

G_BEGIN_DECLS

/* One row: an article's heading (index -1) or one of its matches. */
#define RPT_TYPE_FIND_ITEM (rpt_find_item_get_type ())
G_DECLARE_FINAL_TYPE (RptFindItem, rpt_find_item, RPT, FIND_ITEM, GObject)

RptDocument *rpt_find_item_get_document (RptFindItem *self);
/* The match's index across all articles, or -1 for a heading. */
int          rpt_find_item_get_index    (RptFindItem *self);
/* The match (nothing for a heading). */
guint        rpt_find_item_get_start    (RptFindItem *self);
guint        rpt_find_item_get_end      (RptFindItem *self);

#define RPT_TYPE_FIND_RESULTS_MODEL (rpt_find_results_model_get_type ())
G_DECLARE_FINAL_TYPE (RptFindResultsModel, rpt_find_results_model, RPT, FIND_RESULTS_MODEL, GObject)

RptFindResultsModel *rpt_find_results_model_new         (void);
/* Shows @results (NULL: nothing) from the next announcement on; until
 * then the rows are the old results'. */
void                 rpt_find_results_model_set_results (RptFindResultsModel *self,
                                                         RptSearchResults    *results);
/* Tells the list of the rows added since the last time (all of them
 * after set_results ()). */
void                 rpt_find_results_model_announce    (RptFindResultsModel *self);
/* The results the rows show; NULL while they are being replaced. */
RptSearchResults    *rpt_find_results_model_get_results (RptFindResultsModel *self);
/* The row of match @index (G_MAXUINT: there is none, or the rows are
 * being replaced); it may not be announced yet (compare with
 * g_list_model_get_n_items ()). */
guint                rpt_find_results_model_get_position (RptFindResultsModel *self,
                                                          guint                index);
/* Rows for a GtkListView of this model: headings are neither activatable
 * nor selectable. */
GtkListItemFactory  *rpt_find_results_model_create_factory (void);

G_END_DECLS
