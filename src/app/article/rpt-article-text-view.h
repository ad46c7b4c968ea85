/* rpt-article-text-view.h: the GtkTextView inside RptArticleView. It adds
 * what a text tag cannot do: an outline around the selected annotation,
 * thick underline bars for overlapping spans, and the width of a
 * comfortable line for the current font; and what a text tag would do too
 * slowly: the fills of the selected and the flashed annotation, which
 * change often and must not make GtkTextView lay out its text again.
 *
 * It shows a document's text with giant paragraphs broken into display
 * lines (rpt-text-breaks.h), and puts a long text into its buffer a part
 * at a time. Offsets given to and returned by it are offsets into the
 * document's text, in code points; only this view knows buffer offsets.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rpt-core.h"

G_BEGIN_DECLS

#define RPT_TYPE_ARTICLE_TEXT_VIEW (rpt_article_text_view_get_type ())
G_DECLARE_FINAL_TYPE (RptArticleTextView, rpt_article_text_view, RPT, ARTICLE_TEXT_VIEW, GtkTextView)

/* Shows @document's text, or nothing. The first part is in the buffer on
 * return; the rest of a long text follows, a part a frame (property
 * "loading" is TRUE meanwhile, and signal "text-added" gives the range
 * of each part added, in text offsets). */
void       rpt_article_text_view_set_document (RptArticleTextView *self,
                                               RptDocument        *document);
gboolean   rpt_article_text_view_get_loading  (RptArticleTextView *self);

/* Text offset -> buffer iter; past what is loaded, the end. A span's end
 * (@at_end) stays before a display break, its start goes after it. */
void       rpt_article_text_view_get_iter_at_offset (RptArticleTextView *self,
                                                     GtkTextIter        *iter,
                                                     guint               offset,
                                                     gboolean            at_end);
/* Buffer iter -> text offset. */
guint      rpt_article_text_view_get_offset   (RptArticleTextView *self,
                                               const GtkTextIter  *iter);

/* Outlines [start, end) (character offsets) in @color; start == end clears. */
void       rpt_article_text_view_set_outline  (RptArticleTextView *self,
                                               guint               start,
                                               guint               end,
                                               const GdkRGBA      *color);

typedef enum
{
  RPT_EMPHASIS_SELECTED,
  RPT_EMPHASIS_FLASH,
  RPT_N_EMPHASES
} RptEmphasis;

/* Fills [start, end) in @color under the text (and over the selection's
 * fill, for the flash); start == end clears. */
void       rpt_article_text_view_set_emphasis (RptArticleTextView *self,
                                               RptEmphasis         which,
                                               guint               start,
                                               guint               end,
                                               const GdkRGBA      *color);
/* FALSE when @which is not shown; otherwise its range. */
gboolean   rpt_article_text_view_get_emphasis (RptArticleTextView *self,
                                               RptEmphasis         which,
                                               guint              *start,
                                               guint              *end);

/* Runs of a "bar tag" are drawn with a bar under the text in the tag's
 * underline-rgba (Pango's underline is too thin to read as a layer). */
void       rpt_article_text_view_add_bar_tag    (RptArticleTextView *self,
                                                 GtkTextTag         *tag);
void       rpt_article_text_view_remove_bar_tag (RptArticleTextView *self,
                                                 GtkTextTag         *tag);

/* Find's matches: @matches (RptSearchMatch, text offsets, sorted, never
 * overlapping; a reference is kept and the array may grow: call
 * rpt_article_text_view_find_matches_changed () when it has) are filled
 * under the text, the one at @current (G_MAXUINT: none) stronger and
 * outlined. NULL clears. Only the matches on screen are drawn, so their
 * number costs nothing while scrolling. */
void       rpt_article_text_view_set_find_matches     (RptArticleTextView *self,
                                                       GArray             *matches,
                                                       guint               current);
void       rpt_article_text_view_find_matches_changed (RptArticleTextView *self);
/* The matches shown (borrowed, or NULL) and the current one's index. */
GArray    *rpt_article_text_view_get_find_matches     (RptArticleTextView *self,
                                                       guint              *current);

/* Property "comfortable-width" (read-only): pixels for about 75 characters
 * of the current font plus the left and right margins, updated when the
 * font changes. The article view clamps its width to this. */

G_END_DECLS
