/* rpt-summary-private.h: the cross-source matcher, shared with its tests.
 * See docs/SUMMARY.md for the method.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (RPT_SUMMARY_COMPILATION) && !defined (RPT_TESTS_COMPILATION)
# error "rpt-summary-private.h is private to src/core/summary and the tests (docs/ARCHITECTURE.md)."
#endif

#include <gio/gio.h>

#include "rpt-summary.h"

G_BEGIN_DECLS

/* One statement as the matcher sees it. */
typedef struct
{
  const char *text;      /* UTF-8, not NUL-terminated */
  gsize       len;
  guint       label;
  int         speaker;   /* -1 when unknown */
} RptMatchItem;

/* Shortest statement (in words) that may match a longer one it is cut from. */
#define RPT_MATCH_MIN_FRAGMENT_WORDS 4
/* A token found in more statements than this is too common to look up
 * candidates by (statements made only of such words still match their exact
 * duplicates). */
#define RPT_MATCH_MAX_POSTINGS 32
/* Statements longer than this (in words) match only exact duplicates. */
#define RPT_MATCH_MAX_WORDS 400

/* Groups @items: @out_group[i] receives the group of item i, groups being
 * numbered in the order of their first item. @out_representative (may be
 * NULL) receives, per group, the item with the fullest wording. Returns the
 * number of groups, or 0 with @out untouched when @cancellable fires (and
 * @n_items > 0). */
guint _rpt_summary_match (const RptMatchItem *items,
                          guint               n_items,
                          guint              *out_group,
                          GArray             *out_representative,
                          GCancellable       *cancellable);

/* The words of @text after normalisation (compatibility decomposition,
 * accents and case folded away, quotes, apostrophes, dashes and
 * punctuation removed), for tests and docs. Free with g_strfreev. */
char **_rpt_summary_normalize_words (const char *text,
                                     gssize      len);

G_END_DECLS
