/* rpt-json-guard.c: what json-glib 1.6 does not check. It has no size or
 * depth limits, cuts strings silently at \u0000, wraps integers too large
 * for 64 bits round, and ignores whatever follows the first value, so the
 * raw bytes are checked before it sees them.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

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
char *
rpt_json_guard_locate (const char *data,
                       gsize       offset)
{
  guint line = 1, column = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) data[i] & 0xc0) != 0x80)
        column++;
    }
  return g_strdup_printf (_("line %u, column %u"), line, column);
}

gboolean
rpt_json_guard_check (const char  *data,
                      gsize        len,
                      gboolean    *incomplete,
                      GError     **error)
{
  const char *bad = NULL;
  gboolean in_string = FALSE, escaped = FALSE, blank = TRUE, ended = FALSE;
  guint depth = 0;
  guint64 objects = 0;

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

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (escaped)
            {
              escaped = FALSE;
              if (c == 'u' && len - i > 4 && memcmp (data + i + 1, "0000", 4) == 0)
                {
                  g_autofree char *where = rpt_json_guard_locate (data, i - 1);
                  return refuse (error, where,
                                 _("a string contains \\u0000 (a NUL character), which Repartee cannot keep"));
                }
            }
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (!g_ascii_isspace (c))
        {
          /* json-glib reads the first of several top-level values and
           * ignores the rest ("{…} {…}", "{…} [1]"). */
          if (ended)
            {
              g_autofree char *where = rpt_json_guard_locate (data, i);
              return refuse (error, where, _("more data after the end of the project"));
            }
          blank = FALSE;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > RPT_MAX_DEPTH)
            {
              g_autofree char *where = rpt_json_guard_locate (data, i);
              return _rpt_refuse_code (error, RPT_ERROR_TOO_LARGE, where,
                                  g_dngettext (GETTEXT_PACKAGE, "nested more than %u level deep",
                                               "nested more than %u levels deep", RPT_MAX_DEPTH),
                                  RPT_MAX_DEPTH);
            }
          if (c == '{' && ++objects > RPT_MAX_OBJECTS)
            {
              g_autofree char *where = rpt_json_guard_locate (data, i);
              return _rpt_refuse_code (error, RPT_ERROR_TOO_LARGE, where,
                                  g_dngettext (GETTEXT_PACKAGE, "the file holds more than %u object, the limit",
                                               "the file holds more than %u objects, the limit", RPT_MAX_OBJECTS),
                                  RPT_MAX_OBJECTS);
            }
        }
      else if ((c == '}' || c == ']') && depth > 0)
        ended = --depth == 0;
      else if (c == '-' || g_ascii_isdigit (c))
        {
          /* json-glib 1.6 reads integers with strtoull and casts to gint64:
           * 2^64-1 becomes -1, and "-18446744073709551615" becomes 1. Refuse
           * integers beyond gint64 before it can misread them. */
          gsize j = i + (c == '-'), digits_start, digits;
          gboolean whole = TRUE;

          while (j < len && data[j] == '0')
            j++;
          digits_start = j;
          while (j < len && g_ascii_isdigit (data[j]))
            j++;
          digits = j - digits_start;
          for (; j < len && (g_ascii_isdigit (data[j]) || strchr ("+-.eE", data[j]) != NULL); j++)
            whole = FALSE;
          if (whole && (digits > 19 ||
                        (digits == 19 && memcmp (data + digits_start, "9223372036854775807", 19) > 0)))
            {
              g_autofree char *where = rpt_json_guard_locate (data, i);
              return _rpt_refuse_code (error, RPT_ERROR_TOO_LARGE, where, _("the number %.*s%s is out of range"),
                                  (int) MIN (j - i, 24), data + i, j - i > 24 ? "…" : "");
            }
          i = j - 1;
        }
    }

  if (blank)
    return refuse (error, NULL, _("the file is empty"));
  *incomplete = in_string || depth > 0;
  return TRUE;
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
