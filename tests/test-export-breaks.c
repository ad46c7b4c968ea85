/* test-export-breaks.c: the CoNLL export's word and sentence boundaries
 * are Pango's, whether its fast path or Pango computed them: both are
 * compared with pango_get_log_attrs() on the whole text, on hand-written
 * and on generated text (ASCII, accents, emoji, CJK, RTL, Thai, CRLF,
 * numbers with punctuation, marks after line breaks).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>

#include "rpt-export-breaks.h"
#include "rpt-test-util.h"

/* Texts the fast path must take. */
static const char *fast_texts[] = {
  "",
  "The minister said: \"We will not back down.\" His rival replied.",
  "Mr. Smith went to Washington. He said no. U.S. officials agreed, e.g. on trade.",
  "Growth was 3.5%. Exports rose 1,000.25 units; imports fell 4:30 p.m. yesterday.",
  "It's the envoy's view: can't, won't, l'homme, don’t, ‘quoted’ — and “this”.",
  "Café talks in Lérida: the élite envoy, naïve Ærø, Ilić and Ǆemal?",
  "Привет, мир. Ελληνικά κείμενα. Ünïcödé ÀÉÎÕÜ ẞ ß.",
  "Yes.) Then (no!) \"Wait...\" she said. 'Really?' he asked. [Done.] {Ok}",
  "Line one\r\nLine two.\r\n\r\nThird\rFourth\nFifth.\n",
  "Tab\tseparated\vvertical\ffeed a_b __init__ x1y2 12ab 0.5. end.)",
  "Smiles 😀 and winks 😉 at the end. «Guillemets» cost €5 or £4 – maybe…",
  "  leading spaces.   Trailing spaces.   ",
  "\n\nStarts with blank lines.\n\n\nEnds with them.\n\n",
  "A. B. C. a. b. c. 1. 2. 3. ... !? ?! .. ,, ;; :: -- __",
  "He said: “No.” Then she left. “Why?” — “Because.”",
  "x\u00a0y \u00a0 z.\u00a0 Next sentence.",
};

/* Texts with characters the fast path leaves to Pango. */
static const char *other_texts[] = {
  "東京で会議があった。日本語です。カタカナとひらがな。",
  "شهد الاجتماع نقاشاً. שלום עולם. עִבְרִית ١٢٣.",
  "ภาษาไทยง่าย ไทย",
  "Family 👨‍👩‍👧 and thumbs 👍🏽 and flags 🇫🇷🇩🇪.",
  "Combining e\u0301 and soft\u00adhyphen; zero\u200bwidth.",
  "First line\r\n\u00adsoft hyphen after CRLF\n\u0301mark after LF\r\n\u200djoiner",
  "Line\u2028separator\u2029paragraph\xc2\x85" "next line.",
  "Mixed Latin and 한국어 text. Then ASCII again.\nAnd a new paragraph.",
  "½ ² ° § ¿Qué? ¡Sí! Ⅻ 〃 ー ・ ﬁ",
};

static const char *pieces[] = {
  "The", "minister", "said", "Mr.", "U.S.", "e.g.", "3.5%", "1,000", "2.", "can't", "don’t",
  "“We", "not”", "‘yes’", "\"q\"", "(aside)", "[x]", "café", "Ilić", "naïve", "Ǆ", "ǅ", "—", "–",
  "…", "!", "?", "?!", ".", ",", ";", ":", "-", "_", "a_b", "x:y", "4:30", "3.14.15", "$5", "#t",
  "😀", "😉", "👍🏽", "👨‍👩‍👧", "🇫🇷", "e\u0301", "東京", "日本語です。", "カタカナ", "한국어",
  "שלום", "مرحبا", "١٢٣", "ภาษาไทย", "Привет", "Ελληνικά", "\u00a0", "\u200b", "\u2028", "\u2029",
  "\xc2\x85", "\v", "\f", "\x1c", "\t", "\r\n", "\n", "\n\n", "\r", "A.", "b.", "a.b", "ABC", "x1y2",
  "end.)", "Yes.\"", "No!)", "wait...", "'", "\u00ad", "\r\n\u00ad", "\n\u0301x", "\r\n\u200d",
  "«", "»", "€", "½", " ", "  ", "a", "1",
};

static void
assert_same (const char   *text,
             PangoLogAttr *ours,
             PangoLogAttr *pango,
             guint         n,
             const char   *what)
{
  for (guint i = 0; i <= n; i++)
    ck_assert_msg (ours[i].is_word_boundary == pango[i].is_word_boundary &&
                   ours[i].is_sentence_boundary == pango[i].is_sentence_boundary &&
                   ours[i].is_sentence_start == pango[i].is_sentence_start,
                   "%s differs from Pango at %u (word %d/%d, sentence %d/%d, start %d/%d) in “%s”",
                   what, i, ours[i].is_word_boundary, pango[i].is_word_boundary,
                   ours[i].is_sentence_boundary, pango[i].is_sentence_boundary,
                   ours[i].is_sentence_start, pango[i].is_sentence_start, text);
}

/* Compares both paths with Pango on @text; returns whether the fast path
 * took all of it. */
static gboolean
check_text (const char *text)
{
  gsize len = strlen (text);
  guint n = (guint) g_utf8_strlen (text, (gssize) len);
  g_autofree PangoLogAttr *pango = g_new0 (PangoLogAttr, n + 1);
  g_autofree PangoLogAttr *fast = g_new0 (PangoLogAttr, n + 1);
  g_autofree PangoLogAttr *whole = g_new0 (PangoLogAttr, n + 1);
  gboolean took;

  pango_get_log_attrs (text, (int) len, -1, pango_language_from_string ("und"), pango, (int) n + 1);
  took = _rpt_export_breaks_fast (text, len, n, fast);
  if (took)
    assert_same (text, fast, pango, n, "the fast path");
  rpt_export_breaks (text, len, n, whole);
  assert_same (text, whole, pango, n, "rpt_export_breaks");
  return took;
}

START_TEST (test_breaks_fast_texts)
{
  for (guint i = 0; i < G_N_ELEMENTS (fast_texts); i++)
    ck_assert_msg (check_text (fast_texts[i]), "the fast path refused “%s”", fast_texts[i]);
}
END_TEST

START_TEST (test_breaks_other_texts)
{
  for (guint i = 0; i < G_N_ELEMENTS (other_texts); i++)
    ck_assert_msg (!check_text (other_texts[i]), "the fast path took “%s”", other_texts[i]);
}
END_TEST

/* Many short generated texts: pieces glued with or without spaces, so
 * that every pair of neighbours comes up. */
START_TEST (test_breaks_generated)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  guint n_fast = 0, n_texts = 20000;

  for (guint t = 0; t < n_texts; t++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n_pieces = (guint) g_rand_int_range (rand, 0, t % 2 ? 8 : 40);
      gboolean fast_only = t % 3 == 0;

      for (guint k = 0; k < n_pieces; k++)
        {
          const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];

          /* A third of the texts keep to the fast path's characters. */
          if (fast_only && !_rpt_export_breaks_fast (piece, strlen (piece),
                                                      (guint) g_utf8_strlen (piece, -1),
                                                      (PangoLogAttr[64]) { 0 }))
            continue;
          g_string_append (text, piece);
          if (g_rand_boolean (rand))
            g_string_append_c (text, g_rand_int_range (rand, 0, 4) ? ' ' : '\n');
        }
      n_fast += check_text (text->str);
    }
  /* Not a test that passes by never taking the fast path. */
  ck_assert_uint_gt (n_fast, n_texts / 4);
}
END_TEST

static Suite *
breaks_suite (void)
{
  Suite *s = suite_create ("export-breaks");
  TCase *tc = tcase_create ("breaks");

  tcase_add_test (tc, test_breaks_fast_texts);
  tcase_add_test (tc, test_breaks_other_texts);
  tcase_add_test (tc, test_breaks_generated);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (breaks_suite)
