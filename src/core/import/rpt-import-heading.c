/* rpt-import-heading.c: where an article's title is in a text copied or
 * saved from the web. Such texts often start with what surrounded the
 * article on its page: a byline, the labels of a sign-up form, a cookie
 * notice, the date, "Advertisement". The title is the first line that is
 * none of these. Each rule is a short list of words or phrases, compared
 * without regard to case; docs/IMPORT.md lists them with their limits
 * (English only).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Import"

#include "config.h"

#include <string.h>

#include "rpt-import-private.h"
#include "rpt-import-text.h"

#define MAX_TITLE_CHARS 200
/* A title further down than this is not looked for: the first line is
 * better than a sentence from the middle of the article. */
#define MAX_HEADING_LINES 30
/* A byline names a few people, a form label is a word or three. */
#define MAX_BYLINE_WORDS 12
#define MAX_NAME_WORDS 8
#define MAX_LABEL_WORDS 3

/* What a reader sees before the name in a byline. */
static const char * const byline_prefixes[] = {
  "by ", "by: ", "words by ", "written by ", "words and pictures by ", "reporting by ",
  "report by ", "story by ", "text by ",
};

/* Words that may be written in lower case inside a name. */
static const char * const name_particles[] = {
  "and", "&", "de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "la", "le",
  "bin", "ibn", "al", "el", "y", "e", "und", "et",
};

/* The whole line, once a trailing colon or asterisk is dropped: the
 * fields and buttons of forms, share bars and page furniture. */
static const char * const labels[] = {
  "email", "e-mail", "email address", "e-mail address", "your email", "your email address",
  "name", "first name", "last name", "full name", "your name", "password", "subscribe",
  "subscribe now", "sign up", "sign in", "log in", "login", "log out", "register", "submit",
  "search", "menu", "close", "share", "share this", "share this article", "share this story",
  "tweet", "print", "comments", "show comments", "listen", "listen to this article", "save",
  "follow", "follow us", "skip to content", "skip to main content", "advertisement", "advert",
  "ad", "sponsored", "sponsored content", "newsletter", "newsletters", "read more",
  "continue reading", "more", "home", "image", "photo", "video", "accept", "reject",
  "i agree", "ok", "got it", "cookie settings", "manage cookies", "updated", "published",
  "live", "related", "most read", "trending",
};

/* How the notices of cookie banners and sign-up boxes begin. */
static const char * const boilerplate_prefixes[] = {
  "provide your email", "enter your email", "please enter your", "we use cookies",
  "we and our partners", "this site uses cookies", "this website uses cookies",
  "our site uses cookies", "our website uses cookies", "by clicking accept",
  "by clicking “accept", "by clicking \"accept", "by continuing to use", "by continuing to browse",
  "by signing up", "by subscribing", "by entering your", "sign up to", "sign up for",
  "subscribe to", "already a subscriber", "already have an account", "create an account",
  "create a free account", "thank you for signing up", "thanks for signing up",
  "you have been signed up", "to continue reading", "continue reading", "read more:",
  "skip to ", "privacy policy", "privacy notice", "terms and conditions", "terms of use",
  "log in to", "download the app", "get the app", "get our ", "get the latest",
  "follow us on", "share this", "share on ", "this article is more than",
};

/* A line that names cookies and one of these is a cookie notice. */
static const char * const cookie_words[] = {
  "accept", "consent", "privacy", "policy", "settings", "preferences", "partners",
};

/* The words of a line made only of a date, a time or a reading time. */
static const char * const months[] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
  "sept", "oct", "nov", "dec",
};
static const char * const date_words[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
  "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "am", "pm", "a", "p", "m",
  "gmt", "utc", "bst", "cet", "cest", "eet", "est", "edt", "cst", "cdt", "pst", "pdt", "msk",
  "updated", "published", "posted", "modified", "last", "first", "on", "at", "ago", "hour",
  "hours", "hr", "hrs", "minute", "minutes", "min", "mins", "day", "days", "week", "weeks",
  "month", "months", "year", "years", "yesterday", "today", "read", "st", "nd", "rd", "th",
  "h",
};

gboolean
_rpt_import_in_list (const char         *word,
                     const char * const *list,
                     gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (g_ascii_strcasecmp (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

#define IN_LIST(word, list) _rpt_import_in_list ((word), (list), G_N_ELEMENTS (list))

static gboolean
has_prefix_in (const char         *folded,
               const char * const *list,
               gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_has_prefix (folded, list[i]))
      return TRUE;
  return FALSE;
}

/* The words of @s, split at white space (Unicode's included). */
static GPtrArray *
split_words (const char *s)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = s;

  while (*p)
    {
      const char *start;

      while (*p && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_add (words, g_strndup (start, p - start));
    }
  return words;
}

/* @line, trimmed of white space, then of @chars at its end. */
static char *
trim (const char *line,
      gsize       len,
      const char *chars)
{
  const char *start = line, *end = line + len;

  while (start < end && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);

      if (!g_unichar_isspace (c) && g_utf8_strchr (chars, -1, c) == NULL)
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

static const char *
byline_rest (const char *folded)
{
  for (gsize i = 0; i < G_N_ELEMENTS (byline_prefixes); i++)
    if (g_str_has_prefix (folded, byline_prefixes[i]))
      return folded + strlen (byline_prefixes[i]);
  return NULL;
}

/* "Jane Roe and Ann Poe": every word starts with a capital or is a
 * particle of a name. */
static gboolean
reads_like_names (const char *names)
{
  g_autoptr(GPtrArray) words = split_words (names);

  if (words->len == 0 || words->len > MAX_NAME_WORDS)
    return FALSE;
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      g_autofree char *folded = g_utf8_casefold (word, -1);

      if (!g_unichar_isupper (g_utf8_get_char (word)) && (i == 0 || !IN_LIST (folded, name_particles)))
        return FALSE;
    }
  return TRUE;
}

/* The names of a byline: "By Jane Roe and Ann Poe | The Outlet" gives
 * "Jane Roe and Ann Poe"; what follows a comma, a bar, a spaced dash or
 * " in " (a place, a role, the outlet) is not a name. */
char *
_rpt_import_byline_name (const char *line)
{
  static const char * const ends[] = { ",", "|", " - ", " – ", " — ", "•", " in ", " for ", " at " };
  g_autofree char *trimmed = trim (line, strlen (line), "");
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);
  g_autofree char *names = NULL;
  const char *rest = byline_rest (folded);
  const char *start;
  gsize len;

  if (rest == NULL || _rpt_import_line_kind (trimmed, FALSE) != RPT_IMPORT_LINE_BYLINE)
    return NULL;
  /* Case folding can change lengths: find the same number of characters
   * in the original. */
  start = g_utf8_offset_to_pointer (trimmed, g_utf8_pointer_to_offset (folded, rest));
  len = strlen (start);
  for (gsize i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      const char *end = strstr (start, ends[i]);

      if (end != NULL && (gsize) (end - start) < len)
        len = end - start;
    }
  names = trim (start, len, "-–—:;,.");
  if (!reads_like_names (names))
    return NULL;
  return g_steal_pointer (&names);
}

/* "By Jane Roe", "Words by Ann Poe in Lakeside": a byline prefix, then
 * at most MAX_BYLINE_WORDS words starting with a capital, and no end of a
 * sentence ("By the end of May, the talks had failed." is text). */
static gboolean
is_byline (const char *trimmed,
           const char *folded)
{
  const char *rest = byline_rest (folded);
  g_autoptr(GPtrArray) words = NULL;
  const char *last;
  gsize n;

  if (rest == NULL)
    return FALSE;
  rest = g_utf8_offset_to_pointer (trimmed, g_utf8_pointer_to_offset (folded, rest));
  words = split_words (rest);
  if (words->len == 0 || words->len > MAX_BYLINE_WORDS || !g_unichar_isupper (g_utf8_get_char (rest)))
    return FALSE;
  last = g_ptr_array_index (words, words->len - 1);
  n = strlen (last);
  if (last[n - 1] == '!' || last[n - 1] == '?')
    return FALSE;
  /* "Jr." and initials end in a point, sentences in longer words. */
  return last[n - 1] != '.' || g_utf8_strlen (last, -1) <= 3;
}

static gboolean
is_label (const char *folded,
          gboolean    in_body)
{
  g_autofree char *bare = trim (folded, strlen (folded), ":*");
  g_autoptr(GPtrArray) words = NULL;
  gboolean any_alnum = FALSE;

  for (const char *p = folded; *p && !any_alnum; p = g_utf8_next_char (p))
    any_alnum = g_unichar_isalnum (g_utf8_get_char (p));
  /* "|", "•••", "—": separators of a menu. */
  if (!any_alnum)
    return TRUE;
  if (IN_LIST (bare, labels))
    return TRUE;
  /* "Name:", "Your town:": a form field's label; in an article's body,
   * "He said:" before a quotation. */
  if (in_body || !g_str_has_suffix (folded, ":"))
    return FALSE;
  words = split_words (bare);
  return words->len <= MAX_LABEL_WORDS;
}

static gboolean
is_boilerplate (const char *folded)
{
  g_autoptr(GPtrArray) words = NULL;
  gboolean cookies = FALSE, cookie_word = FALSE;

  if (has_prefix_in (folded, boilerplate_prefixes, G_N_ELEMENTS (boilerplate_prefixes)))
    return TRUE;
  if (strstr (folded, "cookie") == NULL)
    return FALSE;
  words = split_words (folded);
  for (guint i = 0; i < words->len; i++)
    {
      g_autofree char *word = trim (words->pdata[i], strlen (words->pdata[i]), ".,;:!?()");

      cookies |= g_str_equal (word, "cookie") || g_str_equal (word, "cookies");
      cookie_word |= IN_LIST (word, cookie_words);
    }
  return cookies && cookie_word;
}

/* A word of a date: a number ("14", "2017", "14th", "10am", ISO 8601's
 * "14T10" and "00Z"), a month, a weekday, a time zone or a word of
 * "Updated 3 hours ago" and "4 min read". */
static gboolean
is_date_word (const char *word,
              gboolean   *anchored)
{
  gboolean digits = FALSE;
  const char *p = word;

  if (IN_LIST (word, months))
    return *anchored = TRUE;
  if (IN_LIST (word, date_words))
    return TRUE;
  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits = TRUE;
      else if (!digits || (*p != 't' && *p != 'z'))
        break;
    }
  if (!digits)
    return FALSE;
  *anchored = TRUE;
  return *p == '\0' || IN_LIST (p, date_words);
}

/* Only words of dates and times, split at spaces and punctuation, with a
 * number or a month among them: "Tue 19 Dec 2017 14.05 GMT",
 * "2017-12-14T10:00:00Z", "Updated: 3 hours ago". */
static gboolean
is_date (const char *folded)
{
  g_autoptr(GString) word = g_string_new (NULL);
  gboolean anchored = FALSE;
  guint n = 0;

  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          if (!is_date_word (word->str, &anchored))
            return FALSE;
          n++;
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
      /* A letter-less mark inside a date: separators, a sign, a point. */
      if (!g_unichar_isspace (c) && !g_unichar_ispunct (c) && c != '+' && c != '|')
        return FALSE;
    }
  return n > 0 && anchored;
}

RptImportLineKind
_rpt_import_line_kind (const char *line,
                       gboolean    in_body)
{
  g_autofree char *trimmed = trim (line, strlen (line), "");
  g_autofree char *folded = NULL;

  if (*trimmed == '\0')
    return RPT_IMPORT_LINE_BLANK;
  folded = g_utf8_casefold (trimmed, -1);
  if (is_byline (trimmed, folded))
    return RPT_IMPORT_LINE_BYLINE;
  if (is_label (folded, in_body))
    return RPT_IMPORT_LINE_LABEL;
  if (is_boilerplate (folded))
    return RPT_IMPORT_LINE_BOILERPLATE;
  if (is_date (folded))
    return RPT_IMPORT_LINE_DATE;
  return RPT_IMPORT_LINE_TEXT;
}

char *
_rpt_import_cut_title (const char *line)
{
  if (g_utf8_strlen (line, -1) > MAX_TITLE_CHARS)
    {
      g_autofree char *head = g_utf8_substring (line, 0, MAX_TITLE_CHARS);

      return g_strconcat (head, "…", NULL);
    }
  return g_strdup (line);
}

/* Lines end at LF, CR or CRLF. The heading is the lines up to the title
 * and those right after it that are not text (the byline and date under
 * a headline); a byline there gives the author. */
char *
rpt_import_guess_heading (const char  *text,
                          char       **author)
{
  g_autofree char *first = NULL;
  g_autofree char *title = NULL;
  g_autofree char *byline = NULL;
  const char *line = text;
  guint n = 0;

  g_return_val_if_fail (text != NULL, NULL);

  while (*line)
    {
      const char *eol = line + strcspn (line, "\r\n");
      g_autofree char *trimmed = trim (line, eol - line, "");
      RptImportLineKind kind = _rpt_import_line_kind (trimmed, FALSE);

      if (kind != RPT_IMPORT_LINE_BLANK)
        {
          if (first == NULL)
            first = g_strdup (trimmed);
          if (title != NULL && kind == RPT_IMPORT_LINE_TEXT)
            break;
          if (kind == RPT_IMPORT_LINE_BYLINE && byline == NULL)
            byline = _rpt_import_byline_name (trimmed);
          if (title == NULL && kind == RPT_IMPORT_LINE_TEXT)
            title = g_steal_pointer (&trimmed);
          if (++n >= MAX_HEADING_LINES && title == NULL)
            break;
        }
      if (*eol == '\0')
        break;
      line = eol + 1;
    }

  if (author != NULL)
    *author = g_steal_pointer (&byline);
  /* Nothing reads like a headline: the first line, as before these rules. */
  if (title == NULL)
    return first ? _rpt_import_cut_title (first) : g_strdup ("");
  return _rpt_import_cut_title (title);
}

char *
rpt_import_guess_title (const char *text)
{
  return rpt_import_guess_heading (text, NULL);
}
