/* rpt-export-breaks.c: word and sentence boundaries for the CoNLL export.
 *
 * pango_get_log_attrs() was most of the export's time: it also works out
 * line breaks, grapheme clusters and scripts, which CoNLL does not need,
 * and looks up several Unicode properties per character. Here a paragraph
 * made only of characters whose properties are simple (ASCII, Latin, Greek
 * and Cyrillic letters, common quotes and dashes, spaces, emoji without
 * modifiers or joiners) is broken by a small state machine that follows
 * the word (UAX #29 WB) and sentence (SB) rules as Pango 1.50 applies them,
 * quirks included (sentence rules are only tried at word boundaries; some
 * rules clear the previous boundary). Any other paragraph goes to Pango.
 * tests/test-export-breaks.c compares both with Pango on varied text.
 *
 * Paragraphs end after a '\n' followed by a character the fast path
 * handles. Pango's state does not reach past such a line feed: both rule
 * sets break before that character (WB3a or WB999, SB4), as at the start
 * of a text, and no rule looks further back than the character before a
 * boundary, so each paragraph gives the same boundaries alone as within
 * the whole text.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Export"

#include "config.h"

#include <string.h>

#include "rpt-export-breaks.h"

typedef enum
{
  WB_OTHER,
  WB_NEWLINE,   /* CR, LF, Newline */
  WB_ALETTER,
  WB_NUMERIC,
  WB_MIDNUMLET,
  WB_MIDLETTER,
  WB_MIDNUM,
  WB_EXTENDNUMLET,
  WB_WSEGSPACE,
} WordClass;

typedef enum
{
  SB_OTHER,
  SB_PARASEP,
  SB_SP,
  SB_LOWER,
  SB_UPPER,
  SB_NUMERIC,
  SB_ATERM,
  SB_STERM,
  SB_SCONTINUE,
  SB_CLOSE,
  SB_ATERM_CLOSE_SP,
  SB_STERM_CLOSE_SP,
} SentenceClass;

/* A character's classes: word class in bits 0-3, sentence class in bits
 * 4-7, bit 8 white space (as Pango's is_white), bit 9 handled at all. */
#define CLASS(wb, sb, white) ((guint16) ((wb) | (sb) << 4 | (white) << 8 | 1 << 9))
#define WB_OF(k)             ((WordClass) ((k) & 0xf))
#define SB_OF(k)             ((SentenceClass) (((k) >> 4) & 0xf))
#define WHITE_OF(k)          (((k) >> 8) & 1)
#define HANDLED(k)           ((k) & (1 << 9))

#define TABLE_SIZE 0x530   /* up to the end of Cyrillic */

static guint16 table[TABLE_SIZE];

static guint16
ascii_class (guint c)
{
  if (g_ascii_isupper (c))
    return CLASS (WB_ALETTER, SB_UPPER, 0);
  if (g_ascii_islower (c))
    return CLASS (WB_ALETTER, SB_LOWER, 0);
  if (g_ascii_isdigit (c))
    return CLASS (WB_NUMERIC, SB_NUMERIC, 0);
  switch (c)
    {
    case '\n':
    case '\r':
      return CLASS (WB_NEWLINE, SB_PARASEP, 1);
    case '\v':
      return CLASS (WB_NEWLINE, SB_SP, 0);
    case '\f':
      return CLASS (WB_NEWLINE, SB_SP, 1);
    case '\t':
      return CLASS (WB_OTHER, SB_SP, 1);
    case ' ':
      return CLASS (WB_WSEGSPACE, SB_SP, 1);
    case '\'':
      return CLASS (WB_MIDNUMLET, SB_CLOSE, 0);
    case '.':
      return CLASS (WB_MIDNUMLET, SB_ATERM, 0);
    case ':':
      return CLASS (WB_MIDLETTER, SB_SCONTINUE, 0);
    case ',':
      return CLASS (WB_MIDNUM, SB_SCONTINUE, 0);
    case ';':
      return CLASS (WB_MIDNUM, SB_OTHER, 0);
    case '_':
      return CLASS (WB_EXTENDNUMLET, SB_OTHER, 0);
    case '-':
      return CLASS (WB_OTHER, SB_SCONTINUE, 0);
    case '!':
    case '?':
      return CLASS (WB_OTHER, SB_STERM, 0);
    case '"':
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
      return CLASS (WB_OTHER, SB_CLOSE, 0);
    default:
      return CLASS (WB_OTHER, SB_OTHER, 0);
    }
}

/* Cased letters: Pango's ALetter, and Lower or Upper for sentences. */
static guint16
letter_class (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
      return CLASS (WB_ALETTER, SB_LOWER, 0);
    case G_UNICODE_UPPERCASE_LETTER:
      return CLASS (WB_ALETTER, SB_UPPER, 0);
    default:
      return 0;
    }
}

static void
init_table (void)
{
  static gsize done;

  if (!g_once_init_enter (&done))
    return;
  for (guint c = 0; c < 0x80; c++)
    table[c] = ascii_class (c);
  for (gunichar c = 0x80; c < 0x250; c++)
    table[c] = letter_class (c);    /* Latin-1 Supplement, Latin Extended-A and -B */
  for (gunichar c = 0x370; c < TABLE_SIZE; c++)
    table[c] = letter_class (c);    /* Greek, Cyrillic */
  table[0xa0] = CLASS (WB_OTHER, SB_SP, 1);  /* no-break space: not WSegSpace */
  table[0xab] = CLASS (WB_OTHER, SB_CLOSE, 0);  /* « */
  table[0xbb] = CLASS (WB_OTHER, SB_CLOSE, 0);  /* » */
  table[0xa3] = CLASS (WB_OTHER, SB_OTHER, 0);  /* £ */
  g_once_init_leave (&done, 1);
}

static guint16
class_of (gunichar c)
{
  if (c < TABLE_SIZE)
    return table[c];
  if (c >= 0x1e00 && c <= 0x1eff)
    return letter_class (c);  /* Latin Extended Additional */
  switch (c)
    {
    case 0x2013:  /* – */
    case 0x2014:  /* — */
      return CLASS (WB_OTHER, SB_SCONTINUE, 0);
    case 0x2018:  /* ‘ */
    case 0x2019:  /* ’ */
      return CLASS (WB_MIDNUMLET, SB_CLOSE, 0);
    case 0x201c:  /* “ */
    case 0x201d:  /* ” */
      return CLASS (WB_OTHER, SB_CLOSE, 0);
    case 0x2026:  /* … */
    case 0x20ac:  /* € */
      return CLASS (WB_OTHER, SB_OTHER, 0);
    default:
      break;
    }
  /* Emoji on their own: no skin tone modifier (a symbol modifier), no
   * joiner or variation selector (not handled, so not here either). */
  if (c >= 0x1f300 && c <= 0x1faff && g_unichar_type (c) == G_UNICODE_OTHER_SYMBOL)
    return CLASS (WB_OTHER, SB_OTHER, 0);
  return 0;
}

static inline gboolean
is_term (SentenceClass k)
{
  return k == SB_ATERM || k == SB_ATERM_CLOSE_SP || k == SB_STERM || k == SB_STERM_CLOSE_SP;
}

/* Not OLetter, Upper, Lower, ParaSep or a terminator (Pango's IS_OTHER_TERM). */
static inline gboolean
is_other_term (SentenceClass k)
{
  return !(k == SB_UPPER || k == SB_LOWER || k == SB_PARASEP || is_term (k));
}

/* What the state machine remembers between characters. */
typedef struct
{
  WordClass     wb_prev, wb_prev_prev;
  SentenceClass sb_prev, sb_prev_prev;
  int           wb_prev_i, sb_prev_i;
  int           sentence_start, non_space;
  gunichar      prev_c;
  gboolean      prev_white;
} Breaker;

/* Whether there is a word boundary before character @i. Every character
 * here starts a grapheme cluster except the LF of a CRLF, where Pango does
 * not look at words at all. */
static inline gboolean
word_rules (Breaker      *b,
            guint         i,
            gunichar      c,
            guint16       k,
            PangoLogAttr *attrs)
{
  WordClass wb = WB_OF (k);
  gboolean word;

  if (c == '\n' && b->prev_c == '\r')
    return FALSE;

  if (b->wb_prev == WB_NEWLINE && b->wb_prev_i + 1 == (int) i)
    word = TRUE;                                   /* WB3a */
  else if (wb == WB_NEWLINE)
    word = TRUE;                                   /* WB3b */
  else if (b->wb_prev == WB_WSEGSPACE && wb == WB_WSEGSPACE && b->wb_prev_i + 1 == (int) i)
    word = FALSE;                                  /* WB3d */
  else if ((b->wb_prev == WB_ALETTER || b->wb_prev == WB_NUMERIC) &&
           (wb == WB_ALETTER || wb == WB_NUMERIC))
    word = FALSE;                                  /* WB5, WB8-10 */
  else if ((b->wb_prev == WB_ALETTER || b->wb_prev == WB_NUMERIC || b->wb_prev == WB_EXTENDNUMLET) &&
           wb == WB_EXTENDNUMLET)
    word = FALSE;                                  /* WB13a */
  else if (b->wb_prev == WB_EXTENDNUMLET && (wb == WB_ALETTER || wb == WB_NUMERIC))
    word = FALSE;                                  /* WB13b */
  else if (b->wb_prev_prev == WB_ALETTER && wb == WB_ALETTER &&
           (b->wb_prev == WB_MIDLETTER || b->wb_prev == WB_MIDNUMLET || b->prev_c == '\''))
    {
      attrs[b->wb_prev_i].is_word_boundary = FALSE;   /* WB6 */
      word = FALSE;                                   /* WB7 */
    }
  else if (b->wb_prev_prev == WB_NUMERIC && wb == WB_NUMERIC &&
           (b->wb_prev == WB_MIDNUM || b->wb_prev == WB_MIDNUMLET || b->prev_c == '\''))
    {
      word = FALSE;                                   /* WB11 */
      attrs[b->wb_prev_i].is_word_boundary = FALSE;   /* WB12 */
    }
  else
    word = TRUE;                                   /* WB999 */

  b->wb_prev_prev = b->wb_prev;
  b->wb_prev = wb;
  b->wb_prev_i = (int) i;
  return word;
}

/* Whether there is a sentence boundary before character @i, tried (as in
 * Pango) only at word boundaries and line ends; SB1 and SB2 aside. */
static inline gboolean
sentence_rules (Breaker      *b,
                guint         i,
                gunichar      c,
                guint16       k,
                PangoLogAttr *attrs)
{
  SentenceClass sb = SB_OF (k);
  gboolean sentence = FALSE;

  if (c == '\n' && b->prev_c == '\r')
    sentence = FALSE;                              /* SB3 */
  else if (b->sb_prev == SB_PARASEP && b->sb_prev_i + 1 == (int) i)
    sentence = TRUE;                               /* SB4 */
  else if (b->sb_prev == SB_ATERM && sb == SB_NUMERIC)
    sentence = FALSE;                              /* SB6 */
  else if ((b->sb_prev_prev == SB_UPPER || b->sb_prev_prev == SB_LOWER) &&
           b->sb_prev == SB_ATERM && sb == SB_UPPER)
    sentence = FALSE;                              /* SB7 */
  else if (b->sb_prev == SB_ATERM && sb == SB_CLOSE)
    sb = SB_ATERM;
  else if (b->sb_prev == SB_STERM && sb == SB_CLOSE)
    sb = SB_STERM;
  else if (b->sb_prev == SB_ATERM && sb == SB_SP)
    sb = SB_ATERM_CLOSE_SP;
  else if (b->sb_prev == SB_STERM && sb == SB_SP)
    sb = SB_STERM_CLOSE_SP;
  else if ((b->sb_prev == SB_ATERM || b->sb_prev == SB_ATERM_CLOSE_SP) && sb == SB_LOWER)
    sentence = FALSE;                              /* SB8 */
  else if ((b->sb_prev_prev == SB_ATERM || b->sb_prev_prev == SB_ATERM_CLOSE_SP) &&
           is_other_term (b->sb_prev) && sb == SB_LOWER)
    {
      /* SB8, looking back: that boundary was none, so the sentence goes
       * on from the boundary before it, as Pango counts. */
      attrs[b->sb_prev_i].is_sentence_boundary = FALSE;
      b->sentence_start = -1;
      for (int j = b->sb_prev_i - 1; j >= 0; j--)
        if (attrs[j].is_sentence_boundary)
          {
            b->sentence_start = j;
            break;
          }
    }
  else if (is_term (b->sb_prev) &&
           (sb == SB_SCONTINUE || sb == SB_ATERM || sb == SB_STERM))
    sentence = FALSE;                              /* SB8a */
  else if ((b->sb_prev == SB_ATERM || b->sb_prev == SB_STERM) &&
           (sb == SB_CLOSE || sb == SB_SP || sb == SB_PARASEP))
    sentence = FALSE;                              /* SB9 */
  else if (is_term (b->sb_prev) && (sb == SB_SP || sb == SB_PARASEP))
    sentence = FALSE;                              /* SB10 */
  else if (is_term (b->sb_prev) && sb != SB_PARASEP)
    sentence = TRUE;                               /* SB11 */
  else
    sentence = FALSE;                              /* SB998 */

  if (!((b->sb_prev_prev == SB_ATERM || b->sb_prev_prev == SB_ATERM_CLOSE_SP) &&
        is_other_term (b->sb_prev) && is_other_term (sb)))
    {
      b->sb_prev_prev = b->sb_prev;
      b->sb_prev = sb;
      b->sb_prev_i = (int) i;
    }
  return sentence;
}

/* Sentence starts, marked when the sentence ends, past white space. */
static inline void
mark_sentence_start (Breaker      *b,
                     guint         i,
                     gboolean      sentence,
                     PangoLogAttr *attrs)
{
  attrs[i].is_sentence_start = FALSE;
  if (b->sentence_start == -1 && !sentence)
    b->sentence_start = (int) i - 1;
  if (i > 0 && !b->prev_white)
    b->non_space = (int) i;
  if (b->sentence_start != -1 && sentence)
    {
      if (b->non_space != -1)
        attrs[b->sentence_start].is_sentence_start = TRUE;
      b->sentence_start = -1;
      b->non_space = -1;
    }
  if (b->sentence_start != -1 && b->sentence_start == (int) i - 1 && b->prev_white)
    b->sentence_start++;
}

gboolean
_rpt_export_breaks_fast (const char   *text,
                         gsize         n_bytes,
                         guint         n_chars,
                         PangoLogAttr *attrs)
{
  const char *p = text, *end = text + n_bytes;
  Breaker b = { WB_OTHER, WB_OTHER, SB_OTHER, SB_OTHER, -1, -1, -1, -1, 0, FALSE };

  init_table ();

  for (guint i = 0; i <= n_chars; i++)
    {
      gunichar c;
      guint16 k;
      gboolean word, sentence = FALSE;

      if (i < n_chars)
        {
          if (p >= end)
            return FALSE;
          if ((guchar) *p < 0x80)
            c = (guchar) *p++;
          else
            {
              c = g_utf8_get_char (p);
              p = g_utf8_next_char (p);
            }
          k = class_of (c);
          if (!HANDLED (k))
            return FALSE;
        }
      else
        {
          c = 0x2029;  /* Pango's paragraph separator after the end */
          k = CLASS (WB_NEWLINE, SB_PARASEP, 1);
        }

      word = word_rules (&b, i, c, k, attrs);
      attrs[i].is_word_boundary = word;
      if (word || c == '\r' || c == '\n')
        sentence = sentence_rules (&b, i, c, k, attrs);
      if (i == 0 || i == n_chars)
        sentence = TRUE;                                   /* SB1, SB2 */
      attrs[i].is_sentence_boundary = sentence;
      mark_sentence_start (&b, i, sentence, attrs);

      b.prev_c = c;
      b.prev_white = WHITE_OF (k);
    }

  attrs[n_chars].is_word_boundary = TRUE;  /* WB2 */
  attrs[0].is_word_boundary = TRUE;        /* WB1 */

  return p == end;
}

void
rpt_export_breaks (const char   *text,
                   gsize         n_bytes,
                   guint         n_chars,
                   PangoLogAttr *attrs)
{
  static PangoLanguage *language;
  const char *p = text, *end = text + n_bytes;
  guint offset = 0;

  /* Fixed, so that the output does not depend on the locale. */
  if (g_once_init_enter (&language))
    g_once_init_leave (&language, pango_language_from_string ("und"));

  init_table ();
  if (n_bytes == 0)
    {
      pango_get_log_attrs (text, 0, -1, language, attrs, n_chars + 1);
      return;
    }

  /* Each paragraph fills its own entries and the one after its end, which
   * the next paragraph then fills again, as Pango would. */
  while (p < end)
    {
      const char *stop = p, *lf;
      guint n = 0;

      /* A paragraph may only start with a character of the fast path's:
       * after a CRLF, Pango gives a mark or a format character no word or
       * sentence boundary, which it would get at the start of a text. */
      do
        {
          lf = memchr (stop, '\n', (gsize) (end - stop));
          stop = lf ? lf + 1 : end;
        }
      while (stop < end && !HANDLED (class_of (g_utf8_get_char (stop))));

      for (const char *q = p; q < stop; q++)
        n += ((guchar) *q & 0xc0) != 0x80;
      if (!_rpt_export_breaks_fast (p, (gsize) (stop - p), n, attrs + offset))
        pango_get_log_attrs (p, (int) (stop - p), -1, language, attrs + offset, (int) n + 1);
      offset += n;
      p = stop;
    }
  g_warn_if_fail (offset == n_chars);
}
