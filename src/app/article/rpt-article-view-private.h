/* rpt-article-view-private.h: what the files of RptArticleView share.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (RPT_APP_ARTICLE_COMPILATION)
# error "rpt-article-view-private.h is private to src/app/article (docs/ARCHITECTURE.md)."
#endif

#include <adwaita.h>

#include "rpt-article-text-view.h"
#include "rpt-article-view.h"
#include "rpt-highlighter.h"
#include "rpt-label-adder.h"

G_BEGIN_DECLS

struct _RptArticleView
{
  GtkWidget           parent_instance;

  /* Template children */
  GtkScrolledWindow  *scrolled;
  AdwClampScrollable *clamp;
  RptArticleTextView *text_view;
  RptLabelAdder      *adder;
  GtkPopover         *chooser;
  GtkBox             *chooser_box;

  GtkTextBuffer      *buffer;
  GtkTextMark        *scroll_mark;
  guint               scroll_offset;  /* text offset the mark is for */
  double              scroll_margin;
  gboolean            scroll_to_top;  /* the mark's line at the top */
  guint               scroll_settle;
  /* A range to select once its text is loaded (rpt_article_view_show_range). */
  gboolean            select_pending;
  guint               select_start;
  guint               select_end;
  RptHighlighter     *highlighter;

  RptProject         *project;        /* weak */
  RptDocument        *document;
  RptAnnotation      *selected;

  gboolean            snap_to_words;
  gboolean            picking;

  /* Pointer: where button 1 went down, in text view coordinates. */
  gboolean            pressed;
  double              press_x;
  double              press_y;
  double              release_x;
  double              release_y;
  gboolean            release_is_click;
  guint               release_idle;
};

/* rpt-article-view.c */
RptAnnotationStore *_rpt_article_view_get_store            (RptArticleView *self);
/* The text selection, snapped to words when snapping is on; FALSE if empty. */
gboolean            _rpt_article_view_selection_iters      (RptArticleView *self,
                                                            GtkTextIter    *start,
                                                            GtkTextIter    *end);
void                _rpt_article_view_clear_text_selection (RptArticleView *self);
void                _rpt_article_view_scroll_to            (RptArticleView *self,
                                                            RptAnnotation  *annotation,
                                                            gboolean        reveal);
void                _rpt_article_view_emit_picked          (RptArticleView *self,
                                                            RptAnnotation  *annotation);
void                _rpt_article_view_emit_tag_failed      (RptArticleView *self,
                                                            const char     *message);

/* rpt-article-view-input.c */
void                _rpt_article_view_class_init_input     (GtkWidgetClass *widget_class);
void                _rpt_article_view_init_input           (RptArticleView *self);

G_END_DECLS
