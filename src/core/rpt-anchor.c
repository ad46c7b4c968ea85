/* rpt-anchor.c
 *
 * 1. Every exact occurrence of the quote is a candidate. One candidate wins
 *    outright; several are scored by how much of the stored prefix and suffix
 *    match around them, and one wins only if its whole context matches and
 *    no other's does. Anything less is an orphan: misplacing is worse than
 *    asking.
 * 2. No occurrence: the quote was edited. If the prefix and the suffix each
 *    occur once, in order, and what lies between them is similar enough to
 *    the old quote (edit distance ≤ 25 % of the longer), that is the span.
 * 3. Otherwise the annotation is an orphan.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <string.h>

#include "rpt-anchor.h"

/* Fuzzy placement compares at most this many code points each way. */
#define MAX_FUZZY_CHARS 4000
#define MAX_EDIT_RATIO  0.25

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

/* Bytes of the longest common tail of a[0:a_len] and b[0:b_len]. */
static gsize
common_tail (const char *a, gsize a_len,
             const char *b, gsize b_len)
{
  gsize n = 0;

  while (n < a_len && n < b_len && a[a_len - 1 - n] == b[b_len - 1 - n])
    n++;
  return n;
}

static gsize
common_head (const char *a, gsize a_len,
             const char *b, gsize b_len)
{
  gsize n = 0;

  while (n < a_len && n < b_len && a[n] == b[n])
    n++;
  return n;
}

/* Byte offsets of every occurrence of @needle (non-overlapping starts are not
 * required: "aa" in "aaa" occurs twice). */
static GArray *
find_all (const char *haystack,
          gsize       haystack_len,
          const char *needle)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize needle_len = strlen (needle);
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

/* Levenshtein distance in code points, with rows of the shorter length. */
static guint
edit_distance (const char *a,
               const char *b)
{
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, NULL);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, NULL);
  glong la = 0, lb = 0;
  g_autofree guint *row = NULL;

  while (ua[la]) la++;
  while (ub[lb]) lb++;
  row = g_new (guint, lb + 1);
  for (glong j = 0; j <= lb; j++)
    row[j] = j;
  for (glong i = 1; i <= la; i++)
    {
      guint diag = row[0];

      row[0] = i;
      for (glong j = 1; j <= lb; j++)
        {
          guint up = row[j];
          guint cost = ua[i - 1] == ub[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + cost);
          diag = up;
        }
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

static RptAnchorResult
find_fuzzy (const char *text,
            gsize       text_len,
            const char *exact,
            const char *prefix,
            const char *suffix,
            guint      *start,
            guint      *end)
{
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autofree char *between = NULL;
  gsize from, to, exact_chars, between_chars, longer;
  guint distance;

  /* Without context on both sides there is nothing to stand on. */
  if (*prefix == '\0' || *suffix == '\0')
    return RPT_ANCHOR_ORPHAN;

  before = find_all (text, text_len, prefix);
  after = find_all (text, text_len, suffix);
  if (before->len != 1 || after->len != 1)
    return RPT_ANCHOR_ORPHAN;

  from = g_array_index (before, gsize, 0) + strlen (prefix);
  to = g_array_index (after, gsize, 0);
  if (to <= from)
    return RPT_ANCHOR_ORPHAN;

  between = g_strndup (text + from, to - from);
  exact_chars = g_utf8_strlen (exact, -1);
  between_chars = g_utf8_strlen (between, -1);
  if (exact_chars > MAX_FUZZY_CHARS || between_chars > MAX_FUZZY_CHARS)
    return RPT_ANCHOR_ORPHAN;

  longer = MAX (exact_chars, between_chars);
  distance = edit_distance (exact, between);
  if ((double) distance > MAX_EDIT_RATIO * (double) longer)
    return RPT_ANCHOR_ORPHAN;

  set_result (text, from, to, start, end);
  return RPT_ANCHOR_FUZZY;
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
  gsize best = 0, best_score = 0, second_score = 0;

  g_return_val_if_fail (text != NULL && exact != NULL, RPT_ANCHOR_ORPHAN);

  prefix = prefix ? prefix : "";
  suffix = suffix ? suffix : "";
  if (*exact == '\0')
    return RPT_ANCHOR_ORPHAN;

  text_len = strlen (text);
  exact_len = strlen (exact);
  prefix_len = strlen (prefix);
  suffix_len = strlen (suffix);

  hits = find_all (text, text_len, exact);
  if (hits->len == 0)
    return find_fuzzy (text, text_len, exact, prefix, suffix, start, end);

  if (hits->len == 1)
    {
      gsize at = g_array_index (hits, gsize, 0);

      set_result (text, at, at + exact_len, start, end);
      return RPT_ANCHOR_EXACT;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      gsize at = g_array_index (hits, gsize, i);
      gsize score = common_tail (text, at, prefix, prefix_len) +
                    common_head (text + at + exact_len, text_len - at - exact_len, suffix, suffix_len);

      if (score > best_score)
        {
          second_score = best_score;
          best_score = score;
          best = at;
        }
      else if (score > second_score)
        second_score = score;
    }

  /* The winner must sit in exactly the context it was saved in, and be the
   * only one that does. */
  if (best_score != prefix_len + suffix_len || second_score == best_score)
    return RPT_ANCHOR_ORPHAN;

  set_result (text, best, best + exact_len, start, end);
  return RPT_ANCHOR_CONTEXT;
}

const char *
rpt_anchor_result_to_string (RptAnchorResult result)
{
  switch (result)
    {
    case RPT_ANCHOR_EXACT: return "exact";
    case RPT_ANCHOR_CONTEXT: return "context";
    case RPT_ANCHOR_FUZZY: return "fuzzy";
    case RPT_ANCHOR_ORPHAN:
    default: return "orphan";
    }
}
