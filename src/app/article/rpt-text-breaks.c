/* rpt-text-breaks.c: where giant paragraphs get display line breaks.
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Repartee-App"
#include "config.h"

#include <pango/pango.h>
#include <string.h>

#include "rpt-text-breaks.h"

/* In a long paragraph, a break goes after the first white space once a
 * display paragraph has SOFT code points; without white space by LONG,
 * Pango chooses a line-break opportunity (a grapheme boundary at worst)
 * among the last WINDOW code points. */
#define SOFT   (RPT_TEXT_BREAKS_LONG / 2)
#define WINDOW 256

struct _RptTextBreaks
{
  const char *text;
  gsize       bytes;
  gsize       pos;          /* bytes converted */
  guint       done;         /* code points converted */
  GArray     *breaks;       /* guint: text offsets a line feed was inserted before */

  gboolean    in_long;      /* inside a paragraph being broken up */
};

RptTextBreaks *
rpt_text_breaks_new (const char *text,
                     gsize       bytes)
{
  RptTextBreaks *self = g_new0 (RptTextBreaks, 1);

  self->text = text;
  self->bytes = bytes;
  self->breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  return self;
}

void
rpt_text_breaks_free (RptTextBreaks *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->breaks);
  g_free (self);
}

/* The length of the line terminator at @p (\n, \r, \r\n or U+2029, what
 * GtkTextBuffer ends a line at), or 0. */
static gsize
terminator_at (const char *p,
               const char *end)
{
  if (*p == '\n')
    return 1;
  if (*p == '\r')
    return p + 1 < end && p[1] == '\n' ? 2 : 1;
  if ((guchar) p[0] == 0xE2 && p + 2 < end && (guchar) p[1] == 0x80 && (guchar) p[2] == 0xA9)
    return 3;
  return 0;
}

/* Scans the paragraph at self->pos: returns TRUE with its end (terminator
 * included) and length if it has at most RPT_TEXT_BREAKS_LONG code points. */
static gboolean
short_paragraph (RptTextBreaks *self,
                 gsize         *end,
                 guint         *length)
{
  const char *start = self->text + self->pos;
  const char *stop = self->text + self->bytes;
  guint n = 0;

  for (const char *p = start; p < stop; p++)
    {
      gsize t = terminator_at (p, stop);

      if (t > 0)
        {
          *end = (gsize) (p - self->text) + t;
          *length = n + (t == 2 ? 2 : 1);
          return TRUE;
        }
      if (((guchar) *p & 0xC0) != 0x80 && ++n > RPT_TEXT_BREAKS_LONG)
        return FALSE;
    }
  *end = self->bytes;
  *length = n;
  return TRUE;
}

/* White space a line may end in: not the no-break spaces. */
static gboolean
is_break_space (gunichar c)
{
  if (c == ' ' || c == '\t')
    return TRUE;
  return g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR &&
         c != 0x00A0 && c != 0x2007 && c != 0x202F;
}

/* Pango's choice among the WINDOW code points up to @at (the code point
 * that would make the display paragraph too long): the last line-break
 * opportunity, or else the last grapheme boundary, as late as possible
 * but after @from; @at itself if Pango offers nothing. */
static const char *
fallback_break (const char *from,
                const char *at,
                const char *end)
{
  const char *after = g_utf8_next_char (at);
  glong n = g_utf8_strlen (from, MIN (after, end) - from);
  g_autofree PangoLogAttr *attrs = g_new0 (PangoLogAttr, n + 1);
  glong best = -1;

  /* The slice ends after @at, so the position before it (attrs[n - 1])
   * has code points on both sides. */
  pango_get_log_attrs (from, (int) (MIN (after, end) - from), -1, pango_language_from_string ("und"),
                       attrs, (int) n + 1);
  for (glong i = n - 1; i > 0 && best < 0; i--)
    if (attrs[i].is_line_break)
      best = i;
  for (glong i = n - 1; i > 0 && best < 0; i--)
    if (attrs[i].is_cursor_position)
      best = i;
  return best < 0 ? at : g_utf8_offset_to_pointer (from, best);
}

/* Converts the long paragraph at self->pos, one display paragraph at a
 * time, until @goal bytes are out or it ends. Only whole display
 * paragraphs are taken, so a call starts at the start of one. */
static void
next_long (RptTextBreaks *self,
           GString       *out,
           gsize          goal)
{
  const char *end = self->text + self->bytes;
  const char *start = self->text + self->pos;
  const char *p = start;
  const char *window = NULL;
  guint since = 0;   /* code points in [start, p) */

  while (out->len < goal)
    {
      gsize t = p < end ? terminator_at (p, end) : 0;
      const char *next, *cut = NULL;
      guint head;

      if (p >= end || t > 0)
        {
          /* The paragraph ends: the rest of it, with its terminator. */
          g_string_append_len (out, start, p + t - start);
          self->done += (guint) g_utf8_strlen (start, p + t - start);
          self->pos = (gsize) (p + t - self->text);
          self->in_long = FALSE;
          return;
        }

      next = g_utf8_next_char (p);
      if (since == RPT_TEXT_BREAKS_LONG - WINDOW)
        window = p;
      if (since >= RPT_TEXT_BREAKS_LONG)
        cut = fallback_break (window ? window : start, p, end);
      else if (since + 1 >= SOFT && is_break_space (g_utf8_get_char (p)) &&
               next < end && terminator_at (next, end) == 0)
        {
          gunichar d = g_utf8_get_char (next);

          if (!is_break_space (d) && !g_unichar_ismark (d) && d != 0x200D)
            cut = next;
        }

      if (cut == NULL)
        {
          since++;
          p = next;
          continue;
        }

      /* [start, cut) is a display paragraph; a fallback leaves [cut, p)
       * to the next one. */
      head = (guint) g_utf8_strlen (start, cut - start);
      g_string_append_len (out, start, cut - start);
      g_string_append_c (out, '\n');
      self->done += head;
      g_array_append_val (self->breaks, self->done);
      self->pos = (gsize) (cut - self->text);
      if (cut == next)
        {
          since = 0;
          p = next;
        }
      else
        since -= head;
      start = cut;
      window = NULL;
    }
}

gboolean
rpt_text_breaks_next (RptTextBreaks *self,
                      GString       *out,
                      gsize          max_bytes)
{
  gsize goal;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->pos >= self->bytes)
    return FALSE;

  goal = out->len + MAX (max_bytes, 1);
  while (self->pos < self->bytes && out->len < goal)
    {
      gsize end;
      guint length;

      if (!self->in_long && short_paragraph (self, &end, &length))
        {
          g_string_append_len (out, self->text + self->pos, end - self->pos);
          self->pos = end;
          self->done += length;
          continue;
        }
      self->in_long = TRUE;
      next_long (self, out, goal);
    }
  return TRUE;
}

gboolean
rpt_text_breaks_is_done (RptTextBreaks *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->pos >= self->bytes;
}

guint
rpt_text_breaks_get_done (RptTextBreaks *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->done;
}

guint
rpt_text_breaks_get_n_breaks (RptTextBreaks *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->breaks->len;
}

guint
rpt_text_breaks_to_display (RptTextBreaks *self,
                            guint          offset,
                            gboolean       at_end)
{
  const guint *b;
  guint lo = 0, hi;

  g_return_val_if_fail (self != NULL, offset);

  offset = MIN (offset, self->done);
  b = (const guint *) (gpointer) self->breaks->data;
  hi = self->breaks->len;
  /* Breaks before @offset (and at it, for a start). */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (b[mid] < offset || (!at_end && b[mid] == offset))
        lo = mid + 1;
      else
        hi = mid;
    }
  return offset + lo;
}

guint
rpt_text_breaks_to_text (RptTextBreaks *self,
                         guint          display_offset)
{
  const guint *b;
  guint lo = 0, hi;

  g_return_val_if_fail (self != NULL, display_offset);

  b = (const guint *) (gpointer) self->breaks->data;
  hi = self->breaks->len;
  display_offset = MIN (display_offset, self->done + hi);
  /* The i-th line feed is at display offset b[i] + i. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (b[mid] + mid < display_offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return display_offset - lo;
}
