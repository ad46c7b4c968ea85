/* rpt-highlighter.h: draws a document's annotations into the text view's
 * buffer with a fixed, small set of tags, for the visible range only.
 *
 * Tags (in the buffer's tag table, by name):
 *   "rpt-label:ID"    soft tint of label ID's colour (one per label)
 *   "rpt-overlap:ID"  underline in label ID's colour, where a span of label
 *                     ID lies inside or across another span (one per label)
 * The selected and the flashed annotation are filled by the text view
 * itself (rpt_article_text_view_set_emphasis), not tagged: recolouring a
 * tag makes GtkTextView lay out every line on screen again.
 * Where spans overlap, the outer span keeps its tint and the inner one adds
 * its underline, so both stay visible.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rpt-article-text-view.h"
#include "rpt-core.h"

G_BEGIN_DECLS

#define RPT_LABEL_TAG_PREFIX   "rpt-label:"
#define RPT_OVERLAP_TAG_PREFIX "rpt-overlap:"

#define RPT_TYPE_HIGHLIGHTER (rpt_highlighter_get_type ())
G_DECLARE_FINAL_TYPE (RptHighlighter, rpt_highlighter, RPT, HIGHLIGHTER, GObject)

RptHighlighter *rpt_highlighter_new          (RptArticleTextView *view);

/* Follows @project's labels and the annotations of @document (either may
 * be NULL). Call after the buffer holds @document's text. */
void            rpt_highlighter_set_source   (RptHighlighter *self,
                                              RptProject     *project,
                                              RptDocument    *document);
void            rpt_highlighter_set_selected (RptHighlighter *self,
                                              RptAnnotation  *annotation);
/* Strong tint over @annotation for a moment. */
void            rpt_highlighter_flash        (RptHighlighter *self,
                                              RptAnnotation  *annotation);
/* Re-tags at once if the visible range moved out of the tagged range
 * (normally done on the next frame after a scroll). */
void            rpt_highlighter_update       (RptHighlighter *self);

G_END_DECLS
