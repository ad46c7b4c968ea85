/* rpt-json-guard.c: what json-glib 1.6 does not check. It has no size or
 * depth limits, cuts strings silently at \u0000, wraps integers too large
 * for 64 bits round, takes what JSON does not have and reads it its own
 * way (050 as octal, 0x32 as hex, "\0" as a NUL that ends the string,
 * "\x41" as "x41", single-quoted strings, comments), and ignores whatever
 * follows the first value, so the raw bytes are checked before it sees
 * them: by the project reader, and by every importer that reads JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-File"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "rpt-json-guard.h"
#include "rpt-project-io.h"

gboolean
_rpt_refuse_code (GError     **error,
                  RptError     code,
                  const char  *place,
                  const char  *format,
                  ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  if (place != NULL)
    g_set_error (error, RPT_ERROR, code, "%s: %s", place, reason);
  else
    g_set_error_literal (error, RPT_ERROR, code, reason);
  return FALSE;
}

#define refuse(error, place, ...) _rpt_refuse_code (error, RPT_ERROR_INVALID, place, __VA_ARGS__)

/* "line 3, column 14", 1-based, columns in characters. */
void
rpt_json_guard_position (const char *data,
                         gsize       offset,
                         guint      *line,
                         guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) data[i] & 0xc0) != 0x80)
        (*column)++;
    }
}

char *
rpt_json_guard_locate (const char *data,
                       gsize       offset)
{
  guint line, column;

  rpt_json_guard_position (data, offset, &line, &column);
  return g_strdup_printf (_("line %u, column %u"), line, column);
}

/* What may follow a number: white space, a separator or the end. */
static gboolean
ends_token (const char *p,
            const char *end)
{
  /* A slash starts a comment, refused on its own. */
  return p == end || strchr (" \t\r\n,]}:/", *p) != NULL;
}

/* The number at @p in strict JSON (RFC 8259):
 * -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, followed by the end of
 * the token. json-glib 1.6 reads numbers with GScanner, which also takes
 * 050 (as octal: 40), 0x32 (as hex: 50), .5, 1., "- 1" and more, so
 * anything else is refused here with its reason. Returns the length, or 0
 * with @error set. @whole says whether it has no fraction or exponent. */
static gsize
lex_number (const char  *start,
            const char  *end,
            gboolean    *whole,
            GError     **error)
{
  const char *p = start, *token = start;
  g_autofree char *shown = NULL;

  *whole = TRUE;
  if (p < end && *p == '-')
    p++;
  if (p < end && *p == '0')
    p++;
  else if (p < end && g_ascii_isdigit (*p))
    while (p < end && g_ascii_isdigit (*p))
      p++;
  else
    goto bad;
  if (p < end && *p == '.')
    {
      *whole = FALSE;
      if (++p >= end || !g_ascii_isdigit (*p))
        goto bad;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      *whole = FALSE;
      if (++p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        goto bad;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (ends_token (p, end))
    return (gsize) (p - start);

bad:
  /* The whole token as the reader sees it, for the message. */
  while (token < end && (g_ascii_isalnum (*token) || strchr ("+-._", *token) != NULL))
    token++;
  if (token == start)
    token++;
  shown = g_strdup_printf ("%.*s%s", (int) MIN (token - start, 24), start, token - start > 24 ? "…" : "");
  p = start + (*start == '-');
  if (p + 1 < end && p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
    _rpt_refuse_code (error, RPT_ERROR_INVALID, NULL,
                      _("not valid JSON: “%s” is a hexadecimal number; JSON numbers are decimal"), shown);
  else if (p + 1 < end && p[0] == '0' && g_ascii_isdigit (p[1]))
    _rpt_refuse_code (error, RPT_ERROR_INVALID, NULL,
                      _("not valid JSON: “%s” has a leading zero, which JSON does not allow "
                        "(some readers take it as octal)"), shown);
  else
    _rpt_refuse_code (error, RPT_ERROR_INVALID, NULL, _("not valid JSON: “%s” is not a number"), shown);
  return 0;
}

/* The escape at @p (a backslash) in strict JSON. json-glib 1.6 takes
 * GScanner's escapes too: "\0" is U+0000 (the string ends there), "\x41"
 * becomes "x41", "\u12G4" becomes U+1200 then "4". */
static gboolean
check_escape (const char  *p,
              const char  *end,
              GError     **error)
{
  if (p + 1 < end && strchr ("\"\\/bfnrt", p[1]) != NULL && p[1] != '\0')
    return TRUE;
  if (p + 1 < end && p[1] == 'u')
    {
      for (guint k = 2; k < 6; k++)
        if (p + k >= end || !g_ascii_isxdigit (p[k]))
          return _rpt_refuse_code (error, RPT_ERROR_INVALID, NULL,
                                   _("not valid JSON: “%.*s” is not an escape: \\u takes four hexadecimal digits"),
                                   (int) MIN (6, end - p), p);
      if (memcmp (p + 2, "0000", 4) == 0)
        return _rpt_refuse_code (error, RPT_ERROR_INVALID, NULL,
                                 _("a string contains \\u0000 (a NUL character), which Repartee cannot keep"));
      return TRUE;
    }
  return _rpt_refuse_code (error, RPT_ERROR_INVALID, NULL, _("not valid JSON: “%.*s” is not an escape"),
                           p + 1 < end ? (int) (g_utf8_next_char (p + 1) - p) : 1, p);
}

/* One pass over the tokens. @project: the limits and wording of a
 * project file. What JSON does not have (numbers, escapes, single quotes,
 * comments) is refused only in what starts as JSON does, with { or [:
 * anything else json-glib refuses itself, and says where. */
static gboolean
scan (const char      *data,
      gsize            len,
      gboolean         project,
      RptJsonGuardScan *out,
      GError         **error)
{
  const char *end = data + len;
  gboolean in_string = FALSE, ended = FALSE, strict = FALSE;
  char prev = 0;   /* the last character outside strings and white space */
  guint depth = 0;
  guint64 objects = 0;

  out->blank = TRUE;
  out->incomplete = FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (data[i]))
      {
        strict = data[i] == '{' || data[i] == '[';
        break;
      }

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      out->bad = i;
      if (in_string)
        {
          if (c == '\\')
            {
              if (strict ? !check_escape (data + i, end, error)
                         : (len - i > 5 && memcmp (data + i + 1, "u0000", 5) == 0 &&
                            !check_escape (data + i, end, error)))
                return FALSE;
              i++;
            }
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (!g_ascii_isspace (c))
        {
          /* json-glib reads the first of several top-level values and
           * ignores the rest ("{…} {…}", "{…} [1]"). */
          if (ended)
            return _rpt_refuse_code (error, RPT_ERROR_INVALID, NULL, "%s",
                                     project ? _("more data after the end of the project")
                                             : _("more data after the end of the first JSON value"));
          out->blank = FALSE;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > RPT_MAX_DEPTH)
            return _rpt_refuse_code (error, RPT_ERROR_TOO_LARGE, NULL,
                                     g_dngettext (GETTEXT_PACKAGE, "nested more than %u level deep",
                                                  "nested more than %u levels deep", RPT_MAX_DEPTH),
                                     RPT_MAX_DEPTH);
          if (project && c == '{' && ++objects > RPT_MAX_OBJECTS)
            return _rpt_refuse_code (error, RPT_ERROR_TOO_LARGE, NULL,
                                     g_dngettext (GETTEXT_PACKAGE, "the file holds more than %u object, the limit",
                                                  "the file holds more than %u objects, the limit", RPT_MAX_OBJECTS),
                                     RPT_MAX_OBJECTS);
        }
      else if ((c == '}' || c == ']') && depth > 0)
        ended = --depth == 0;
      else if (strict && c == '\'')
        /* GScanner's single-quoted strings: no escapes, and a " inside
         * would put this scan out of step with the parser. */
        return _rpt_refuse_code (error, RPT_ERROR_INVALID, NULL, "%s",
                                 _("not valid JSON: strings are written in double quotes"));
      else if (strict && c == '/' && i + 1 < len && (data[i + 1] == '*' || data[i + 1] == '/'))
        return _rpt_refuse_code (error, RPT_ERROR_INVALID, NULL, "%s", _("not valid JSON: JSON has no comments"));
      else if (g_ascii_isalnum (c) || strchr ("_+-.", c) != NULL)
        {
          gboolean whole;
          gsize n, sign = c == '-', digits;

          /* Only where a value can start: elsewhere ("var x1 = …") json-glib
           * refuses the file itself. */
          if (g_ascii_isalpha (c) || c == '_' || (prev != 0 && strchr (":[,", prev) == NULL))
            {
              while (i + 1 < len && (g_ascii_isalnum (data[i + 1]) || strchr ("_+-.", data[i + 1]) != NULL))
                i++;
              prev = data[i];
              continue;
            }
          if (strict)
            {
              if ((n = lex_number (data + i, end, &whole, error)) == 0)
                return FALSE;
            }
          else
            {
              /* Not JSON: only the range, as before (json-glib says the rest). */
              for (n = sign; i + n < len && g_ascii_isdigit (data[i + n]); n++)
                ;
              whole = i + n >= len || strchr (".eE", data[i + n]) == NULL;
            }
          /* json-glib 1.6 reads integers with strtoull and casts to gint64:
           * 2^64-1 becomes -1, and "-18446744073709551615" becomes 1. Refuse
           * integers beyond gint64 before it can misread them. */
          digits = n - sign;
          if (whole && (digits > 19 ||
                        (digits == 19 && memcmp (data + i + sign, "9223372036854775807", 19) > 0)))
            return _rpt_refuse_code (error, RPT_ERROR_TOO_LARGE, NULL, _("the number %.*s%s is out of range"),
                                     (int) MIN (n, 24), data + i, n > 24 ? "…" : "");
          if (n > 0)
            i += n - 1;
        }
      if (!g_ascii_isspace (c))
        prev = data[i];
    }
  out->bad = len;
  out->incomplete = in_string || depth > 0;
  return TRUE;
}

gboolean
rpt_json_guard_check (const char  *data,
                      gsize        len,
                      gboolean    *incomplete,
                      GError     **error)
{
  RptJsonGuardScan result;
  const char *bad = NULL;

  *incomplete = FALSE;
  if (len > RPT_MAX_FILE_BYTES)
    return _rpt_refuse_code (error, RPT_ERROR_TOO_LARGE, NULL,
                        g_dngettext (GETTEXT_PACKAGE, "the file is %zu bytes; the limit is %zu",
                                     "the file is %zu bytes; the limit is %zu", len),
                        len, RPT_MAX_FILE_BYTES);

  if (!g_utf8_validate_len (data, len, &bad))
    {
      g_autofree char *where = rpt_json_guard_locate (data, bad - data);

      if (*bad == '\0')
        return refuse (error, where, _("the file contains a NUL byte: it is not a project file"));
      return refuse (error, where, _("the file is not valid UTF-8"));
    }

  if (!scan (data, len, TRUE, &result, error))
    {
      g_autofree char *where = rpt_json_guard_locate (data, result.bad);

      g_prefix_error (error, "%s: ", where);
      return FALSE;
    }
  if (result.blank)
    return refuse (error, NULL, _("the file is empty"));
  *incomplete = result.incomplete;
  return TRUE;
}

gboolean
rpt_json_guard_check_value (const char        *data,
                            gsize              len,
                            RptJsonGuardScan  *result,
                            GError           **error)
{
  return scan (data, len, FALSE, result, error);
}

/* "<data>:3:14: Parse error: unexpected …" -> "line 3, column 14: not valid JSON: unexpected …" */
void
rpt_json_guard_refuse_parse_error (const char  *message,
                                   GError     **error)
{
  guint line = 0, column = 0;
  int consumed = 0;

  if (sscanf (message, "<data>:%u:%u: Parse error: %n", &line, &column, &consumed) == 2 && consumed > 0)
    {
      g_autofree char *where = g_strdup_printf (_("line %u, column %u"), line, column);
      refuse (error, where, _("not valid JSON: %s"), message + consumed);
    }
  else
    refuse (error, NULL, _("not valid JSON: %s"), message);
}

/* ---- Times ---- */

/* The seconds of the time in @str as written, or -1: GLib takes
 * "…Thh:mm:ss…" and "…Thhmmss…" after a 'T', 't' or ' ', and reads 60 and
 * more as 59 without a word. */
static int
written_seconds (const char *str)
{
  const char *t = strpbrk (str, "Tt ");

  if (t == NULL)
    return -1;
  t++;
  if (strlen (t) >= 8 && t[2] == ':' && t[5] == ':')
    t += 6;
  else if (strlen (t) >= 6)
    t += 4;
  else
    return -1;
  if (!g_ascii_isdigit (t[0]) || !g_ascii_isdigit (t[1]))
    return -1;
  return (t[0] - '0') * 10 + (t[1] - '0');
}

gboolean
rpt_json_guard_time (const char  *str,
                     gint64      *usec,
                     GError     **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (str, utc);
  int seconds = written_seconds (str);
  gint64 unix_seconds;

  if (dt == NULL)
    return _rpt_refuse_code (error, RPT_ERROR_INVALID, NULL,
                             _("“%s” is not a date and time such as 2026-11-22T10:00:00Z"), str);
  if (seconds == 60)
    return _rpt_refuse_code (error, RPT_ERROR_INVALID, NULL,
                             _("“%s” is a leap second, which Repartee does not keep: "
                               "its times count no leap seconds (write :59 instead)"), str);
  if (seconds > 60)
    return _rpt_refuse_code (error, RPT_ERROR_INVALID, NULL,
                             _("“%s” is not a date and time: seconds go up to 59"), str);
  unix_seconds = g_date_time_to_unix (dt);
  if (unix_seconds < RPT_FIRST_TIME)
    return _rpt_refuse_code (error, RPT_ERROR_INVALID, NULL,
                             _("“%s” is before 0001-01-01T00:00:00Z once in UTC, "
                               "the earliest time a project file holds"), str);
  if (unix_seconds > RPT_LAST_TIME)
    return _rpt_refuse_code (error, RPT_ERROR_INVALID, NULL,
                             _("“%s” is after 9999-12-31T23:59:59Z once in UTC, "
                               "the latest time a project file holds"), str);
  *usec = unix_seconds * G_USEC_PER_SEC;
  return TRUE;
}
