/* rpt-article-view.h: one article, read-only and word-wrapped, with the
 * project's annotations drawn as highlights, tagging by pointer (an adder
 * popover at the selection) and by keyboard (1–9), Tab / Shift+Tab to move
 * between annotations, and clicking a highlight to select its annotation.
 *
 * Highlights use one GtkTextTag per label (plus a few for overlap, selection
 * and flashing), applied to the visible range only and updated on scroll, so
 * cost does not grow with the number of annotations.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rpt-core.h"

G_BEGIN_DECLS

#define RPT_TYPE_ARTICLE_VIEW (rpt_article_view_get_type ())
G_DECLARE_FINAL_TYPE (RptArticleView, rpt_article_view, RPT, ARTICLE_VIEW, GtkWidget)

GtkWidget     *rpt_article_view_new                 (void);

/* The project whose labels and annotations are drawn (not owned: a weak
 * reference, signals connected with g_signal_connect_object). */
void           rpt_article_view_set_project         (RptArticleView *self,
                                                     RptProject     *project);
/* Shows @document (NULL for none). */
void           rpt_article_view_set_document        (RptArticleView *self,
                                                     RptDocument    *document);
RptDocument   *rpt_article_view_get_document        (RptArticleView *self);

/* Property "selected-annotation": outlined in the text; set by clicking a
 * highlight, by Tab / Shift+Tab, or by the window (e.g. from the inspector). */
RptAnnotation *rpt_article_view_get_selected_annotation (RptArticleView *self);
void           rpt_article_view_set_selected_annotation (RptArticleView *self,
                                                         RptAnnotation  *annotation);

/* Property "snap-to-words" (bound to the GSettings key). */
gboolean       rpt_article_view_get_snap_to_words   (RptArticleView *self);
void           rpt_article_view_set_snap_to_words   (RptArticleView *self,
                                                     gboolean        snap);

/* The text selection in code points, snapped to words when snapping is on.
 * FALSE when nothing is selected. */
gboolean       rpt_article_view_get_selection_range (RptArticleView *self,
                                                     guint          *start,
                                                     guint          *end);
/* Sets the text selection (code points); used by tests and "select span". */
void           rpt_article_view_select_range        (RptArticleView *self,
                                                     guint           start,
                                                     guint           end);
/* Selects [start, end) and scrolls it well into view (Find's matches);
 * in a long text still loading, selects it again as its text comes in,
 * until the user scrolls, clicks or types. */
void           rpt_article_view_show_range          (RptArticleView *self,
                                                     guint           start,
                                                     guint           end);
/* Tags the current selection with @label_id through the project (undoable),
 * clears the text selection and selects the new annotation. Returns it
 * (borrowed) or NULL with @error set (nothing selected, duplicate…). */
RptAnnotation *rpt_article_view_tag_selection       (RptArticleView *self,
                                                     const char     *label_id,
                                                     GError        **error);
/* Scrolls @annotation into view and briefly flashes its span. */
void           rpt_article_view_reveal_annotation   (RptArticleView *self,
                                                     RptAnnotation  *annotation);

/* The text offset at the start of the top line in view (where a scroll
 * to it is going, until it is there), to come back to it later with
 * rpt_article_view_scroll_to_offset (), which puts that line at the top
 * as soon as the text is loaded that far. */
guint          rpt_article_view_get_top_offset      (RptArticleView *self);
void           rpt_article_view_scroll_to_offset    (RptArticleView *self,
                                                     guint           offset);

/* Pick mode: the next click on a highlight emits "annotation-picked"
 * instead of selecting (used to choose a relation target). Escape cancels
 * (emits "annotation-picked" with NULL). */
void           rpt_article_view_begin_pick          (RptArticleView *self);

/* For tests and the benchmark: the GtkTextView inside. */
GtkTextView   *rpt_article_view_get_text_view       (RptArticleView *self);

/* Signals:
 *   "annotation-picked" (RptAnnotation *annotation_or_null)
 *   "tag-failed" (const char *message): a tag attempt was refused (the window
 *                shows it in a toast)
 * Actions (installed on the class, so the window's label bar can use them):
 *   "article.tag"       (s: label id)  tag the selection
 *   "article.next"      select the next annotation (Tab)
 *   "article.previous"  select the previous annotation (Shift+Tab)
 *   "article.select-annotation" (s: annotation id)  select it, or pick it in
 *                       pick mode (the overlap chooser uses this)
 * Widget actions are found from the view and its descendants only: a label
 * bar outside the view calls gtk_widget_activate_action (view, "article.tag",
 * "s", label_id). "article.next" and "article.previous" are disabled while
 * the article has no annotations; "article.tag" while no article is shown.
 * Keys (caught before the text view, while it has the focus): 1–9 and the
 * keypad's 1–9 tag the selection with the label whose shortcut is that key;
 * Tab / Shift+Tab move between annotations (wrapping; with no annotations
 * Tab moves the focus as usual); Escape closes a popover, else cancels pick
 * mode, else clears the text selection, else the selected annotation.
 *
 * Properties: "project", "document", "selected-annotation", "snap-to-words".
 * Highlights are text tags named as in rpt-highlighter.h ("rpt-label:ID",
 * "rpt-overlap:ID"), for tests and tools; the selection and the flash are
 * drawn by RptArticleTextView (rpt_article_text_view_get_emphasis). */

G_END_DECLS
