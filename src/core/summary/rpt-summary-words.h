/* rpt-summary-words.h: statements cut into normalised words for matching
 * (rpt-summary-match.c): compatibility decomposition, accents and case
 * folded away, quotes, apostrophes, dashes and punctuation removed, each
 * word interned once in a table of the whole summary.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (RPT_SUMMARY_COMPILATION)
# error "rpt-summary-words.h is private to src/core/summary (docs/ARCHITECTURE.md)."
#endif

#include <glib.h>

G_BEGIN_DECLS

/* One word of the table. */
typedef struct
{
  guint32 hash;
  guint32 offset;     /* into the arena */
  guint32 len;
  guint32 df;         /* statements containing the word */
  guint32 last_seen;  /* statement that last counted it, plus one */
  gboolean negation;
} RptMatchWord;

/* The words of every statement, and the matcher's scratch. */
typedef struct
{
  /* Interned words */
  GString  *arena;
  GArray   *words;      /* RptMatchWord */
  guint32  *slots;      /* word index + 1; 0 is empty */
  guint32   mask;
  GString  *word;       /* the word being read */

  /* Statements as word sequences */
  GArray   *tokens;     /* guint32, all statements one after another */
  guint32  *seq_start;  /* per statement */
  guint32  *seq_len;

  /* Alignment scratch */
  guint16  *dp;
  gsize     dp_size;
} RptMatcher;

void _rpt_matcher_init     (RptMatcher *m);
void _rpt_matcher_clear    (RptMatcher *m);
/* Appends the words of @text (@len bytes of UTF-8), as indices into
 * @m->words, to @out. */
void _rpt_matcher_tokenize (RptMatcher *m,
                            const char *text,
                            gsize       len,
                            GArray     *out);

G_END_DECLS
