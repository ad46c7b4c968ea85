/* rpt-search-pattern.c: Find's matcher. Every kind of search is one GRegex:
 * plain text is escaped, whole words and the combining-mark rule are
 * lookarounds, case is PCRE's caseless mode (GLib compiles with UTF-8 and
 * Unicode properties, so \w and case cover every script). One engine means
 * one set of rules for plain text and expressions, and PCRE's JIT makes a
 * megabyte a few milliseconds. Offsets are converted to code points as the
 * scan moves forward, so a whole text costs one pass.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Search"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-error.h"
#include "rpt-search-pattern.h"

/* A word character or a mark that belongs to the character before it. */
#define WORD_BEFORE "(?<![\\w\\p{M}])"
#define WORD_AFTER  "(?![\\w\\p{M}])"
#define NO_MARK_AFTER "(?!\\p{M})"

struct _RptSearchPattern
{
  gatomicrefcount  ref_count;
  char            *text;
  RptSearchFlags   flags;
  GRegex          *regex;
};

G_DEFINE_BOXED_TYPE (RptSearchPattern, rpt_search_pattern, rpt_search_pattern_ref, rpt_search_pattern_unref)

RptSearchPattern *
rpt_search_pattern_new (const char      *text,
                        RptSearchFlags   flags,
                        GError         **error)
{
  g_autoptr(GString) source = g_string_new (NULL);
  g_autoptr(GError) regex_error = NULL;
  GRegexCompileFlags compile = G_REGEX_OPTIMIZE | G_REGEX_MULTILINE | G_REGEX_NEWLINE_ANYCRLF;
  RptSearchPattern *self;
  GRegex *regex;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (*text == '\0')
    {
      g_set_error_literal (error, RPT_ERROR, RPT_ERROR_INVALID, _("Nothing to find"));
      return NULL;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, RPT_ERROR, RPT_ERROR_INVALID, _("The text to find is not valid UTF-8"));
      return NULL;
    }

  if (!(flags & RPT_SEARCH_CASE_SENSITIVE))
    compile |= G_REGEX_CASELESS;

  /* The user's expression alone first: GLib's message then names its
   * place in what the user typed, and an expression that only compiles
   * inside our wrapping (an unbalanced ")(") is refused as it should be. */
  if (flags & RPT_SEARCH_REGEX)
    {
      regex = g_regex_new (text, compile & ~G_REGEX_OPTIMIZE, 0, &regex_error);
      if (regex == NULL)
        {
          g_set_error_literal (error, RPT_ERROR, RPT_ERROR_INVALID, regex_error->message);
          return NULL;
        }
      g_regex_unref (regex);
    }

  /* Grouped, so that the expression's alternatives stay inside the word
   * boundaries. */
  if (flags & RPT_SEARCH_WHOLE_WORDS)
    g_string_append (source, WORD_BEFORE "(?:");
  if (flags & RPT_SEARCH_REGEX)
    g_string_append (source, text);
  else
    {
      g_autofree char *escaped = g_regex_escape_string (text, -1);

      g_string_append (source, escaped);
    }
  if (flags & RPT_SEARCH_WHOLE_WORDS)
    g_string_append (source, ")" WORD_AFTER);
  else if (!(flags & RPT_SEARCH_REGEX))
    g_string_append (source, NO_MARK_AFTER);

  regex = g_regex_new (source->str, compile, G_REGEX_MATCH_NOTEMPTY, &regex_error);
  if (regex == NULL)
    {
      g_set_error_literal (error, RPT_ERROR, RPT_ERROR_INVALID, regex_error->message);
      return NULL;
    }

  self = g_new0 (RptSearchPattern, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->text = g_strdup (text);
  self->flags = flags;
  self->regex = regex;
  return self;
}

RptSearchPattern *
rpt_search_pattern_ref (RptSearchPattern *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rpt_search_pattern_unref (RptSearchPattern *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_regex_unref (self->regex);
  g_free (self->text);
  g_free (self);
}

const char *
rpt_search_pattern_get_text (RptSearchPattern *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}

RptSearchFlags
rpt_search_pattern_get_flags (RptSearchPattern *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->flags;
}

/* ---- Scanning ---- */

void
rpt_search_scan_init (RptSearchScan    *scan,
                      RptSearchPattern *pattern,
                      const char       *text,
                      gsize             bytes)
{
  g_return_if_fail (scan != NULL);
  g_return_if_fail (pattern != NULL);
  g_return_if_fail (text != NULL);

  *scan = (RptSearchScan) { rpt_search_pattern_ref (pattern), text, bytes, NULL, 0, 0, FALSE };
}

/* Code point offset of byte @byte, counting on from the last one asked:
 * matches come in text order. */
static guint
point_at (RptSearchScan *scan,
          gsize          byte)
{
  scan->point += (guint) g_utf8_strlen (scan->text + scan->byte, (gssize) (byte - scan->byte));
  scan->byte = byte;
  return scan->point;
}

gboolean
rpt_search_scan_next (RptSearchScan  *scan,
                      RptSearchMatch *match)
{
  int start, end;

  g_return_val_if_fail (scan != NULL && scan->pattern != NULL, FALSE);

  if (!scan->started)
    {
      scan->started = TRUE;
      /* GRegex takes the length as a gssize. */
      if (scan->bytes > G_MAXSSIZE)
        return FALSE;
      g_regex_match_full (scan->pattern->regex, scan->text, (gssize) scan->bytes, 0,
                          G_REGEX_MATCH_NOTEMPTY, &scan->info, NULL);
    }
  else if (scan->info != NULL)
    g_match_info_next (scan->info, NULL);

  if (scan->info == NULL || !g_match_info_matches (scan->info) ||
      !g_match_info_fetch_pos (scan->info, 0, &start, &end) || start < 0 || end <= start)
    {
      g_clear_pointer (&scan->info, g_match_info_free);
      return FALSE;
    }
  match->start = point_at (scan, (gsize) start);
  match->end = point_at (scan, (gsize) end);
  return TRUE;
}

void
rpt_search_scan_clear (RptSearchScan *scan)
{
  g_return_if_fail (scan != NULL);

  g_clear_pointer (&scan->info, g_match_info_free);
  g_clear_pointer (&scan->pattern, rpt_search_pattern_unref);
}

GArray *
rpt_search_pattern_find_all (RptSearchPattern *self,
                             const char       *text,
                             gsize             bytes,
                             guint             max)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (RptSearchMatch));
  RptSearchScan scan;
  RptSearchMatch match;

  g_return_val_if_fail (self != NULL, matches);
  g_return_val_if_fail (text != NULL, matches);

  rpt_search_scan_init (&scan, self, text, bytes);
  while ((max == 0 || matches->len < max) && rpt_search_scan_next (&scan, &match))
    g_array_append_val (matches, match);
  rpt_search_scan_clear (&scan);
  return matches;
}
