/* rpt-json-writer.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rpt-json-writer.h"

void
rpt_json_append_string_len (GString    *out,
                            const char *str,
                            gsize       len)
{
  const char *p = str, *end = str + len, *run = str;

  g_string_append_c (out, '"');
  for (; p < end; p++)
    {
      guchar c = (guchar) *p;
      const char *escape = NULL;
      char buf[8];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          g_snprintf (buf, sizeof buf, "\\u%04x", c);
          escape = buf;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }
  g_string_append_len (out, run, end - run);
  g_string_append_c (out, '"');
}

void
rpt_json_append_string (GString    *out,
                        const char *str)
{
  rpt_json_append_string_len (out, str, strlen (str));
}

void
rpt_json_append_member_string (GString    *out,
                               const char *key,
                               const char *value)
{
  g_string_append_c (out, '"');
  g_string_append (out, key);
  g_string_append (out, "\": ");
  rpt_json_append_string (out, value);
}

void
rpt_json_append_member_uint (GString    *out,
                             const char *key,
                             guint64     value)
{
  g_string_append_printf (out, "\"%s\": %" G_GUINT64_FORMAT, key, value);
}

void
rpt_json_append_timestamp (GString *out,
                           gint64   usec)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autofree char *str = NULL;

  /* Four-digit years even before 1000 ("%Y" would write "5-01-02"), which
   * ISO 8601 readers need. */
  if (dt != NULL)
    str = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                           g_date_time_get_year (dt), g_date_time_get_month (dt),
                           g_date_time_get_day_of_month (dt), g_date_time_get_hour (dt),
                           g_date_time_get_minute (dt), g_date_time_get_second (dt));
  else
    str = g_strdup ("");

  rpt_json_append_string (out, str);
}
