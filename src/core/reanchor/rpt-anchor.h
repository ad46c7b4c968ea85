/* rpt-anchor.h: finding a span again after its text changed, by its quoted
 * text and surrounding context (as the W3C TextQuoteSelector does).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Code points of context kept on each side of a span. */
#define RPT_ANCHOR_CONTEXT_CHARS 32

typedef enum {
  RPT_ANCHOR_ORPHAN,   /* not placed: no candidate, or no clear winner */
  RPT_ANCHOR_EXACT,    /* the quote occurs once */
  RPT_ANCHOR_CONTEXT,  /* the quote occurs several times; the context chose one */
  RPT_ANCHOR_FUZZY,    /* the quote changed; found between its prefix and suffix */
} RptAnchorResult;

/* The quote, prefix and suffix of text[start:end] (code points). */
void            rpt_anchor_capture (const char      *text,
                                    guint            start,
                                    guint            end,
                                    char           **exact,
                                    char           **prefix,
                                    char           **suffix);

/* Finds @exact in @text using @prefix and @suffix to decide between several
 * occurrences, or to place a quote that was edited (the rules and their
 * thresholds are at the top of rpt-anchor.c and in docs/FORMAT.md). Never
 * guesses: when no candidate is clearly best the result is
 * RPT_ANCHOR_ORPHAN and *start and *end are left alone. On success they are
 * code point offsets into @text. @prefix and @suffix may be NULL or of any
 * length; Repartee stores RPT_ANCHOR_CONTEXT_CHARS code points, fewer at
 * the edges of the text. */
RptAnchorResult rpt_anchor_find    (const char      *text,
                                    const char      *exact,
                                    const char      *prefix,
                                    const char      *suffix,
                                    guint           *start,
                                    guint           *end);

/* How many code points of @prefix and @suffix agree with the text around
 * the span [@byte_start, @byte_end) of @text (@text_len bytes), scored as
 * rpt_anchor_find() scores a candidate (a side whose whole stored context
 * agrees up to the edge of the text counts RPT_ANCHOR_CONTEXT_CHARS).
 * Tells which of two annotations placed on one span had its own context
 * there. */
guint           rpt_anchor_context_agreement (const char *text,
                                              gsize       text_len,
                                              gsize       byte_start,
                                              gsize       byte_end,
                                              const char *prefix,
                                              const char *suffix);

const char     *rpt_anchor_result_to_string (RptAnchorResult result);

G_END_DECLS
