/* rpt-summary-words.c: cutting statements into normalised words for
 * matching, each word interned once: "Don’t" and "dont", "Café" and
 * "cafe" are one word. Negations are marked as they are interned.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Summary"

#include "config.h"

#include <string.h>

#include "rpt-summary-private.h"
#include "rpt-summary-words.h"

/* Words whose presence reverses a statement: a word more or less is allowed
 * between reports of one statement, unless it is one of these. Sorted. */
static const char * const negations[] = {
  "aint", "arent", "cannot", "cant", "couldnt", "didnt", "doesnt", "dont",
  "hadnt", "hasnt", "havent", "isnt", "mustnt", "neednt", "neither", "never",
  "no", "nobody", "none", "nor", "not", "nothing", "nowhere", "shouldnt",
  "wasnt", "werent", "without", "wont", "wouldnt",
};

static gboolean
word_is_negation (const char *word,
                  gsize       len)
{
  guint lo = 0, hi = G_N_ELEMENTS (negations);

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      int cmp = strncmp (word, negations[mid], len);

      if (cmp == 0 && negations[mid][len] != '\0')
        cmp = -1;
      if (cmp == 0)
        return TRUE;
      if (cmp < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return FALSE;
}

static guint32
hash_bytes (const char *s,
            gsize       len)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) s[i]) * 16777619u;
  return h;
}

static void
matcher_grow_slots (RptMatcher *m)
{
  guint32 new_mask = m->mask ? m->mask * 2 + 1 : 4095;
  guint32 *slots = g_new0 (guint32, new_mask + 1);

  for (guint i = 0; i < m->words->len; i++)
    {
      guint32 s = g_array_index (m->words, RptMatchWord, i).hash & new_mask;

      while (slots[s])
        s = (s + 1) & new_mask;
      slots[s] = i + 1;
    }
  g_free (m->slots);
  m->slots = slots;
  m->mask = new_mask;
}

static guint32
matcher_intern (RptMatcher *m,
                const char *s,
                gsize       len)
{
  guint32 h = hash_bytes (s, len);
  guint32 slot;
  RptMatchWord w = { 0 };

  if ((m->words->len + 1) * 2 > m->mask)
    matcher_grow_slots (m);

  for (slot = h & m->mask; m->slots[slot]; slot = (slot + 1) & m->mask)
    {
      RptMatchWord *old = &g_array_index (m->words, RptMatchWord, m->slots[slot] - 1);

      if (old->hash == h && old->len == len && memcmp (m->arena->str + old->offset, s, len) == 0)
        return m->slots[slot] - 1;
    }

  w.hash = h;
  w.offset = m->arena->len;
  w.len = len;
  w.negation = word_is_negation (s, len);
  g_string_append_len (m->arena, s, len);
  g_array_append_val (m->words, w);
  m->slots[slot] = m->words->len;
  return m->words->len - 1;
}

static inline void
flush_word (RptMatcher *m,
            GArray     *out)
{
  if (m->word->len > 0)
    {
      guint32 id = matcher_intern (m, m->word->str, m->word->len);

      g_array_append_val (out, id);
      g_string_truncate (m->word, 0);
    }
}

static inline gboolean
is_apostrophe (gunichar c)
{
  /* Straight, curly and modifier apostrophes, and the single quotation
   * marks that outlets use interchangeably with them. */
  return c == '\'' || c == '`' || c == 0x2018 || c == 0x2019 || c == 0x201B ||
         c == 0x02BC || c == 0x02B9 || c == 0x2032 || c == 0xFF07;
}

/* One code point after compatibility decomposition. */
static inline void
feed_char (RptMatcher *m,
           GArray     *out,
           gunichar    c)
{
  if (c < 0x80)
    {
      if (g_ascii_isalnum (c))
        g_string_append_c (m->word, c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
      else if (!is_apostrophe (c))
        flush_word (m, out);
      return;
    }
  if (is_apostrophe (c))
    return;   /* "don’t" and "don't" both read "dont" */

  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
      return;   /* accents: "é" reads "e" */
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
      /* Simple case folding, plus the two folds that differ from lowering
       * in common scripts. */
      if (c == 0x00DF || c == 0x1E9E)
        g_string_append (m->word, "ss");
      else
        g_string_append_unichar (m->word, c == 0x03C2 ? 0x03C3 : g_unichar_tolower (c));
      return;
    default:
      flush_word (m, out);   /* punctuation, quotes, dashes, symbols, spaces */
      return;
    }
}

void
_rpt_matcher_tokenize (RptMatcher *m,
                       const char *text,
                       gsize       len,
                       GArray     *out)
{
  const char *p = text, *end = text + len;

  while (p < end)
    {
      guchar b = (guchar) *p;

      if (b < 0x80)
        {
          feed_char (m, out, b);
          p++;
        }
      else
        {
          gunichar c = g_utf8_get_char_validated (p, end - p);
          gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
          gsize n;

          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              flush_word (m, out);   /* not UTF-8: cannot happen for loaded text */
              p++;
              continue;
            }
          p = g_utf8_next_char (p);
          n = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));
          for (gsize i = 0; i < n; i++)
            feed_char (m, out, decomposed[i]);
        }
    }
  flush_word (m, out);
}

void
_rpt_matcher_init (RptMatcher *m)
{
  memset (m, 0, sizeof *m);
  m->arena = g_string_sized_new (4096);
  m->words = g_array_new (FALSE, FALSE, sizeof (RptMatchWord));
  m->word = g_string_sized_new (64);
  m->tokens = g_array_new (FALSE, FALSE, sizeof (guint32));
  matcher_grow_slots (m);
}

void
_rpt_matcher_clear (RptMatcher *m)
{
  g_string_free (m->arena, TRUE);
  g_array_unref (m->words);
  g_string_free (m->word, TRUE);
  g_array_unref (m->tokens);
  g_free (m->slots);
  g_free (m->seq_start);
  g_free (m->seq_len);
  g_free (m->dp);
}

char **
_rpt_summary_normalize_words (const char *text,
                              gssize      len)
{
  RptMatcher m;
  GPtrArray *words = g_ptr_array_new ();

  _rpt_matcher_init (&m);
  _rpt_matcher_tokenize (&m, text, len < 0 ? strlen (text) : (gsize) len, m.tokens);
  for (guint i = 0; i < m.tokens->len; i++)
    {
      RptMatchWord *w = &g_array_index (m.words, RptMatchWord, g_array_index (m.tokens, guint32, i));
      g_ptr_array_add (words, g_strndup (m.arena->str + w->offset, w->len));
    }
  g_ptr_array_add (words, NULL);
  _rpt_matcher_clear (&m);
  return (char **) g_ptr_array_free (words, FALSE);
}
