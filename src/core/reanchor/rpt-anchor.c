/* rpt-anchor.c
 *
 * Finding a quote again in an edited text (docs/FORMAT.md, "Re-anchoring",
 * gives the same rules for readers of the file):
 *
 * 1. Every exact occurrence of the quote is a candidate, scored by how many
 *    code points of the stored prefix and suffix agree with its
 *    surroundings (a side whose whole stored context agrees and that reaches
 *    the edge of the text, as the stored one did, scores the full
 *    RPT_ANCHOR_CONTEXT_CHARS).
 *    - One candidate wins outright (EXACT) if at least MIN_AGREE_CHARS of
 *      its context agree on one side.
 *    - Among several, the best wins (CONTEXT) if it agrees on at least
 *      MIN_AGREE_CHARS more than any other, and on at least twice as many;
 *      or if it is the only one whose whole context agrees, both sides.
 * 2. Otherwise the quote may have been edited: if the stored prefix and
 *    suffix each occur once, in order, and what lies between them is close
 *    to the old quote (edit distance at most MAX_EDIT_RATIO of the longer),
 *    that is the span (FUZZY). A side whose whole context no longer occurs
 *    once is tried again with the NEAR_CHARS code points next to the span,
 *    since edits often come in pairs.
 * 3. Otherwise a single occurrence of a quote of at least SURE_QUOTE_CHARS
 *    code points is a moved passage and is placed there (EXACT).
 * 4. Anything else is an orphan: misplacing is worse than asking.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Reanchor"

#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <string.h>

#include "rpt-anchor.h"
#include "rpt-enum-nick.h"
#include "rpt-reanchor-enums.h"

#define MIN_AGREE_CHARS   8
#define NEAR_CHARS        (RPT_ANCHOR_CONTEXT_CHARS / 2)
#define SURE_QUOTE_CHARS  16
/* Fuzzy placement compares at most this many code points each way. */
#define MAX_FUZZY_CHARS   4000
#define MAX_EDIT_RATIO    0.25

void
rpt_anchor_capture (const char  *text,
                    guint        start,
                    guint        end,
                    char       **exact,
                    char       **prefix,
                    char       **suffix)
{
  const char *p_start = g_utf8_offset_to_pointer (text, start);
  const char *p_end = g_utf8_offset_to_pointer (p_start, end - start);
  const char *p_before = p_start;
  const char *p_after = p_end;

  for (guint i = 0; i < RPT_ANCHOR_CONTEXT_CHARS && p_before > text; i++)
    p_before = g_utf8_prev_char (p_before);
  for (guint i = 0; i < RPT_ANCHOR_CONTEXT_CHARS && *p_after; i++)
    p_after = g_utf8_next_char (p_after);

  *exact = g_strndup (p_start, p_end - p_start);
  *prefix = g_strndup (p_before, p_start - p_before);
  *suffix = g_strndup (p_end, p_after - p_end);
}

/* Byte offsets of every occurrence of @needle ("aa" occurs twice in "aaa"). */
static GArray *
find_all (const char *haystack,
          gsize       haystack_len,
          const char *needle,
          gsize       needle_len)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *p = haystack;
  const char *end = haystack + haystack_len;

  if (needle_len == 0)
    return hits;
  while (p + needle_len <= end && (p = memmem (p, end - p, needle, needle_len)) != NULL)
    {
      gsize offset = p - haystack;

      g_array_append_val (hits, offset);
      p = g_utf8_next_char (p);
    }
  return hits;
}

/* How well [text, before) agrees with @prefix, read backwards from the span,
 * in code points. Reaching the start of both is full agreement. */
static guint
prefix_score (const char *text,
              const char *before,
              const char *prefix,
              gsize       prefix_len)
{
  const char *a = before, *b = prefix + prefix_len;
  guint n = 0;

  while (a > text && b > prefix)
    {
      const char *pa = g_utf8_prev_char (a), *pb = g_utf8_prev_char (b);

      if (a - pa != b - pb || memcmp (pa, pb, a - pa) != 0)
        return n;
      a = pa;
      b = pb;
      n++;
    }
  return (a == text && b == prefix) ? MAX (n, RPT_ANCHOR_CONTEXT_CHARS) : n;
}

/* The same for [after, text_end) and @suffix, read forwards. */
static guint
suffix_score (const char *after,
              const char *text_end,
              const char *suffix,
              gsize       suffix_len)
{
  const char *a = after, *b = suffix, *b_end = suffix + suffix_len;
  guint n = 0;

  while (a < text_end && b < b_end)
    {
      const char *na = g_utf8_next_char (a), *nb = g_utf8_next_char (b);

      if (na - a != nb - b || memcmp (a, b, na - a) != 0)
        return n;
      a = na;
      b = nb;
      n++;
    }
  return (a == text_end && b == b_end) ? MAX (n, RPT_ANCHOR_CONTEXT_CHARS) : n;
}

/* Levenshtein distance in code points, or G_MAXUINT once it must exceed
 * @limit. */
static guint
edit_distance (const gunichar *a,
               glong           la,
               const gunichar *b,
               glong           lb,
               guint           limit)
{
  g_autofree guint *row = NULL;

  if ((guint) ABS (la - lb) > limit)
    return G_MAXUINT;
  row = g_new (guint, lb + 1);
  for (glong j = 0; j <= lb; j++)
    row[j] = j;
  for (glong i = 1; i <= la; i++)
    {
      guint diag = row[0];
      guint best = row[0] = i;

      for (glong j = 1; j <= lb; j++)
        {
          guint up = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + cost);
          best = MIN (best, row[j]);
          diag = up;
        }
      if (best > limit)
        return G_MAXUINT;
    }
  return row[lb];
}

static void
set_result (const char *text,
            gsize       byte_start,
            gsize       byte_end,
            guint      *start,
            guint      *end)
{
  *start = (guint) g_utf8_pointer_to_offset (text, text + byte_start);
  *end = *start + (guint) g_utf8_pointer_to_offset (text + byte_start, text + byte_end);
}

/* Where the span starts: after the one occurrence of @prefix, or at the
 * start of the text when the stored prefix was empty (the span began the
 * text) or is the text's own beginning. G_MAXSIZE when unknown. */
static gsize
locate_after_prefix (const char *text,
                     gsize       text_len,
                     const char *prefix,
                     gsize       prefix_len)
{
  g_autoptr(GArray) hits = NULL;
  glong chars;

  if (prefix_len == 0)
    return 0;
  hits = find_all (text, text_len, prefix, prefix_len);
  chars = g_utf8_strlen (prefix, prefix_len);
  if (hits->len == 1)
    return g_array_index (hits, gsize, 0) + prefix_len;
  if (hits->len > 1 && g_array_index (hits, gsize, 0) == 0 && chars < RPT_ANCHOR_CONTEXT_CHARS)
    return prefix_len;
  if (chars > NEAR_CHARS)
    {
      const char *near = g_utf8_offset_to_pointer (prefix, chars - NEAR_CHARS);

      return locate_after_prefix (text, text_len, near, prefix + prefix_len - near);
    }
  return G_MAXSIZE;
}

static gsize
locate_before_suffix (const char *text,
                      gsize       text_len,
                      const char *suffix,
                      gsize       suffix_len)
{
  g_autoptr(GArray) hits = NULL;
  glong chars;

  if (suffix_len == 0)
    return text_len;
  hits = find_all (text, text_len, suffix, suffix_len);
  chars = g_utf8_strlen (suffix, suffix_len);
  if (hits->len == 1)
    return g_array_index (hits, gsize, 0);
  if (hits->len > 1 && g_array_index (hits, gsize, hits->len - 1) == text_len - suffix_len &&
      chars < RPT_ANCHOR_CONTEXT_CHARS)
    return text_len - suffix_len;
  if (chars > NEAR_CHARS)
    return locate_before_suffix (text, text_len, suffix,
                                 g_utf8_offset_to_pointer (suffix, NEAR_CHARS) - suffix);
  return G_MAXSIZE;
}

static RptAnchorResult
find_fuzzy (const char *text,
            gsize       text_len,
            const char *exact,
            gsize       exact_len,
            const char *prefix,
            gsize       prefix_len,
            const char *suffix,
            gsize       suffix_len,
            guint      *start,
            guint      *end)
{
  g_autofree gunichar *old_chars = NULL;
  g_autofree gunichar *new_chars = NULL;
  glong n_old, n_new;
  gsize from, to;
  guint limit, distance;

  /* Without any context there is nothing to stand on. */
  if (prefix_len == 0 && suffix_len == 0)
    return RPT_ANCHOR_ORPHAN;

  from = locate_after_prefix (text, text_len, prefix, prefix_len);
  to = locate_before_suffix (text, text_len, suffix, suffix_len);
  if (from == G_MAXSIZE || to == G_MAXSIZE || to <= from)
    return RPT_ANCHOR_ORPHAN;

  n_old = g_utf8_strlen (exact, exact_len);
  n_new = g_utf8_strlen (text + from, to - from);
  if (n_old > MAX_FUZZY_CHARS || n_new > MAX_FUZZY_CHARS)
    return RPT_ANCHOR_ORPHAN;

  old_chars = g_utf8_to_ucs4_fast (exact, exact_len, NULL);
  new_chars = g_utf8_to_ucs4_fast (text + from, to - from, NULL);
  limit = (guint) (MAX_EDIT_RATIO * (double) MAX (n_old, n_new));
  distance = edit_distance (old_chars, n_old, new_chars, n_new, limit);
  if (distance > limit)
    return RPT_ANCHOR_ORPHAN;

  set_result (text, from, to, start, end);
  /* The very quote, told apart by its context after all. */
  return distance == 0 ? RPT_ANCHOR_CONTEXT : RPT_ANCHOR_FUZZY;
}

RptAnchorResult
rpt_anchor_find (const char *text,
                 const char *exact,
                 const char *prefix,
                 const char *suffix,
                 guint      *start,
                 guint      *end)
{
  g_autoptr(GArray) hits = NULL;
  gsize text_len, exact_len, prefix_len, suffix_len;
  gsize best = 0, whole_at = 0;
  guint best_score = 0, second_score = 0, n_whole = 0, prefix_full, suffix_full;
  RptAnchorResult result;

  g_return_val_if_fail (text != NULL && exact != NULL, RPT_ANCHOR_ORPHAN);

  prefix = prefix ? prefix : "";
  suffix = suffix ? suffix : "";
  if (*exact == '\0')
    return RPT_ANCHOR_ORPHAN;

  text_len = strlen (text);
  exact_len = strlen (exact);
  prefix_len = strlen (prefix);
  suffix_len = strlen (suffix);

  /* What a side scores when all of it agrees (to the edge of the text,
   * if the stored context reached it). */
  prefix_full = MAX ((guint) g_utf8_strlen (prefix, prefix_len), RPT_ANCHOR_CONTEXT_CHARS);
  suffix_full = MAX ((guint) g_utf8_strlen (suffix, suffix_len), RPT_ANCHOR_CONTEXT_CHARS);

  hits = find_all (text, text_len, exact, exact_len);
  for (guint i = 0; i < hits->len; i++)
    {
      gsize at = g_array_index (hits, gsize, i);
      guint before = prefix_score (text, text + at, prefix, prefix_len);
      guint after = suffix_score (text + at + exact_len, text + text_len, suffix, suffix_len);
      guint score = before + after;

      if (before >= prefix_full && after >= suffix_full && n_whole++ == 0)
        whole_at = at;

      /* A lone occurrence needs some agreement on one side. */
      if (hits->len == 1 && MAX (before, after) < MIN_AGREE_CHARS)
        score = 0;
      if (i == 0 || score > best_score)
        {
          second_score = i == 0 ? 0 : best_score;
          best_score = score;
          best = at;
        }
      else if (score > second_score)
        second_score = score;
    }

  if (hits->len == 1 && best_score > 0)
    {
      set_result (text, best, best + exact_len, start, end);
      return RPT_ANCHOR_EXACT;
    }
  if (hits->len > 1 && best_score >= second_score + MIN_AGREE_CHARS && best_score >= 2 * second_score)
    {
      set_result (text, best, best + exact_len, start, end);
      return RPT_ANCHOR_CONTEXT;
    }
  if (hits->len > 1 && n_whole == 1)
    {
      set_result (text, whole_at, whole_at + exact_len, start, end);
      return RPT_ANCHOR_CONTEXT;
    }

  result = find_fuzzy (text, text_len, exact, exact_len, prefix, prefix_len, suffix, suffix_len,
                       start, end);
  if (result != RPT_ANCHOR_ORPHAN)
    return result;

  /* A long passage that occurs once, elsewhere: it was moved. */
  if (hits->len == 1 && g_utf8_strlen (exact, exact_len) >= SURE_QUOTE_CHARS)
    {
      set_result (text, best, best + exact_len, start, end);
      return RPT_ANCHOR_EXACT;
    }
  return RPT_ANCHOR_ORPHAN;
}

guint
rpt_anchor_context_agreement (const char *text,
                              gsize       text_len,
                              gsize       byte_start,
                              gsize       byte_end,
                              const char *prefix,
                              const char *suffix)
{
  g_return_val_if_fail (text != NULL && byte_start <= byte_end && byte_end <= text_len, 0);

  prefix = prefix ? prefix : "";
  suffix = suffix ? suffix : "";
  return prefix_score (text, text + byte_start, prefix, strlen (prefix)) +
         suffix_score (text + byte_end, text + text_len, suffix, strlen (suffix));
}

const char *
rpt_anchor_result_to_string (RptAnchorResult result)
{
  const char *nick = _rpt_enum_to_nick (RPT_TYPE_ANCHOR_RESULT, result);

  return nick ? nick : "orphan";
}
