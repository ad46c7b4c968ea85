/* rpt-text-breaks.h: giant paragraphs, broken into display lines.
 *
 * GtkTextView lays out and shapes a paragraph (a run between line breaks)
 * as one PangoLayout. A paragraph of a megabyte takes seconds and hundreds
 * of megabytes, and past a few million characters Pango's positions
 * overflow and glyphs are drawn on top of each other. So the article view
 * shows a paragraph longer than RPT_TEXT_BREAKS_LONG code points with line
 * feeds inserted, after white space where there is some: display-only, the
 * article text never changes, and this map converts between offsets into
 * the text (code points, as annotations store them) and offsets into the
 * displayed text.
 *
 * The displayed text is made a part at a time, so that a long article can
 * be shown before all of it has been converted.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Paragraphs up to this many code points are shown as they are; longer
 * ones are broken into display paragraphs of at most this many. */
#define RPT_TEXT_BREAKS_LONG 8192

typedef struct _RptTextBreaks RptTextBreaks;

/* @text (valid UTF-8, @bytes long) must outlive the map. */
RptTextBreaks *rpt_text_breaks_new          (const char    *text,
                                             gsize          bytes);
void           rpt_text_breaks_free         (RptTextBreaks *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RptTextBreaks, rpt_text_breaks_free)

/* Appends the displayed text of the next part of the text, about
 * @max_bytes of it (whole display paragraphs), to @out. FALSE, appending
 * nothing, once the whole text is done. */
gboolean       rpt_text_breaks_next         (RptTextBreaks *self,
                                             GString       *out,
                                             gsize          max_bytes);
gboolean       rpt_text_breaks_is_done      (RptTextBreaks *self);
/* Code points of the text converted so far. */
guint          rpt_text_breaks_get_done     (RptTextBreaks *self);
/* Line feeds inserted so far. */
guint          rpt_text_breaks_get_n_breaks (RptTextBreaks *self);

/* Text offset -> display offset. Where a break was inserted before text
 * offset @offset, a start goes after it and an end (@at_end) before it,
 * so a span never covers an inserted line feed at either edge. Offsets
 * past what is done give the end of what is done. */
guint          rpt_text_breaks_to_display   (RptTextBreaks *self,
                                             guint          offset,
                                             gboolean       at_end);
/* Display offset -> text offset; an inserted line feed maps to the text
 * offset after it. */
guint          rpt_text_breaks_to_text      (RptTextBreaks *self,
                                             guint          display_offset);

G_END_DECLS
