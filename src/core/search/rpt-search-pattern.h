/* rpt-search-pattern.h: what Find looks for, compiled once and matched on
 * any text: plain text or a regular expression (GRegex, PCRE syntax), with
 * or without case, anywhere or as whole words only.
 *
 * Matches are code point offsets into the text, end exclusive, in text
 * order, never empty and never overlapping. The rules (docs/SEARCH.md):
 * - Case: without RPT_SEARCH_CASE_SENSITIVE, letters match their other
 *   case one code point for one (É é, Σ σ ς, ẞ ß); "ß" does not match "ss".
 * - Whole words: the match is neither preceded nor followed by a letter,
 *   digit, connector or combining mark, so "end" is a whole word in
 *   "end." and in "co-end", not in "ending" or "endé".
 * - Plain text never ends a match before a combining mark: "cafe" does not
 *   match the first four characters of a decomposed "café". An emoji's
 *   skin tone is no mark: 👍 finds 👍🏽 (its first code point).
 * - A regular expression is matched as written, with ^ and $ at line
 *   starts and ends (CR, LF or CRLF); a bad one is refused with GLib's
 *   reason.
 * A pattern is immutable and may be matched from several threads at once.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  RPT_SEARCH_DEFAULT        = 0,
  RPT_SEARCH_CASE_SENSITIVE = 1 << 0,
  RPT_SEARCH_WHOLE_WORDS    = 1 << 1,
  RPT_SEARCH_REGEX          = 1 << 2,
} RptSearchFlags;

/* One match, in code points. */
typedef struct
{
  guint start;
  guint end;
} RptSearchMatch;

#define RPT_TYPE_SEARCH_PATTERN (rpt_search_pattern_get_type ())
typedef struct _RptSearchPattern RptSearchPattern;

GType             rpt_search_pattern_get_type  (void) G_GNUC_CONST;
/* NULL with RPT_ERROR_INVALID for an empty @text or a bad regular
 * expression (the message is GLib's: where and why). */
RptSearchPattern *rpt_search_pattern_new       (const char        *text,
                                                RptSearchFlags     flags,
                                                GError           **error);
RptSearchPattern *rpt_search_pattern_ref       (RptSearchPattern  *self);
void              rpt_search_pattern_unref     (RptSearchPattern  *self);
const char       *rpt_search_pattern_get_text  (RptSearchPattern  *self);
RptSearchFlags    rpt_search_pattern_get_flags (RptSearchPattern  *self);

/* Every match in @text (valid UTF-8, @bytes long), at most @max of them
 * (0: no limit), as RptSearchMatch. */
GArray           *rpt_search_pattern_find_all  (RptSearchPattern  *self,
                                                const char        *text,
                                                gsize              bytes,
                                                guint              max);

/* The matches of one text one at a time, for a worker that hands them on
 * as it goes. Stack-allocated; the text must outlive it. */
typedef struct
{
  /*< private >*/
  RptSearchPattern *pattern;
  const char       *text;
  gsize             bytes;
  GMatchInfo       *info;
  gsize             byte;    /* a byte offset and its code point offset */
  guint             point;
  gboolean          started;
} RptSearchScan;

void              rpt_search_scan_init         (RptSearchScan     *scan,
                                                RptSearchPattern  *pattern,
                                                const char        *text,
                                                gsize              bytes);
/* The next match; FALSE at the end of the text (or when PCRE gave up on a
 * pathological expression: its limits stop it, and the text goes on
 * unsearched). */
gboolean          rpt_search_scan_next         (RptSearchScan     *scan,
                                                RptSearchMatch    *match);
void              rpt_search_scan_clear        (RptSearchScan     *scan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RptSearchPattern, rpt_search_pattern_unref)

G_END_DECLS
