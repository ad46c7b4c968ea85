/* rpt-find-bar.h: Find, the GNOME search bar above the article (Ctrl+F).
 *
 * Matches are highlighted in the article as you type (the search runs in
 * a worker, src/core/search), the current one stronger and selected, so
 * that Escape, then a number key, tags it. Enter and Shift+Enter (also
 * Ctrl+G and Shift+Ctrl+G) go to the next and previous match; the count
 * says which ("3 of 12"). Match Case, Whole Words and Regular Expression
 * change what matches; a bad expression is named under the entry. All
 * Articles searches every article and lists the matches, article by
 * article, with their context: activating one shows it. Tag All… tags
 * every match (in this article, or in all) with a label and a speaker as
 * one undo step. Escape closes the bar and returns to the text.
 *
 * Widget names, for tests: "find-entry", "find-count", "find-previous",
 * "find-next", "find-close", "find-case", "find-words", "find-regex", "find-all",
 * "find-error", "find-results", "find-tag-all", "find-tag-heading",
 * "find-tag-speaker", "find-tag-labels".
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rpt-article-view.h"
#include "rpt-core.h"

G_BEGIN_DECLS

#define RPT_TYPE_FIND_BAR (rpt_find_bar_get_type ())
G_DECLARE_FINAL_TYPE (RptFindBar, rpt_find_bar, RPT, FIND_BAR, GtkWidget)

/* The project searched and tagged (weak, like the article view's). */
void              rpt_find_bar_set_project      (RptFindBar     *self,
                                                 RptProject     *project);
/* The article view whose text is searched and highlighted (weak). */
void              rpt_find_bar_set_article_view (RptFindBar     *self,
                                                 RptArticleView *view);

/* Opens the bar with the entry focused and its text selected; a short
 * one-line selection in the article becomes the text to find. */
void              rpt_find_bar_open             (RptFindBar     *self);
/* Closes it: the highlights go, the focus returns to the text, the
 * current match stays selected. */
void              rpt_find_bar_close            (RptFindBar     *self);
gboolean          rpt_find_bar_is_open          (RptFindBar     *self);
/* The next or previous match after the current one, or after the caret. */
void              rpt_find_bar_next             (RptFindBar     *self);
void              rpt_find_bar_previous         (RptFindBar     *self);

/* For tests and the benchmark: the results of the search on show (NULL
 * when there is none) and the index of the current match (-1: none). */
RptSearchResults *rpt_find_bar_get_results      (RptFindBar     *self);
int               rpt_find_bar_get_current      (RptFindBar     *self);

/* Signals:
 *   "show-document" (RptDocument *document): a match in another article
 *                   is to be shown; the window selects that article.
 *   "toast" (const char *message): what Tag All did (the window shows it).
 * Property "all-articles": the All Articles option.
 * Actions: "find.next", "find.previous", "find.close", "find.tag-all"
 * (s: label id). */

G_END_DECLS
