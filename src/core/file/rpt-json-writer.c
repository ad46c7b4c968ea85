/* rpt-json-writer.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-File"

#include "config.h"

#include "rpt-json-writer.h"

void
rpt_json_append_string_len (GString    *out,
                            const char *str,
                            gsize       len)
{
  const char *p = str, *end = str + len, *run = str;

  rpt_json_put_literal (out, "\"");
  for (; p < end; p++)
    {
      guchar c = (guchar) *p;
      const char *escape = NULL;
      char buf[8];

      if (G_LIKELY (c >= 0x20 && c != '"' && c != '\\'))
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
      rpt_json_put (out, run, p - run);
      rpt_json_put (out, escape, strlen (escape));
      run = p + 1;
    }
  rpt_json_put (out, run, end - run);
  rpt_json_put_literal (out, "\"");
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
  rpt_json_put_literal (out, "\"");
  rpt_json_put (out, key, strlen (key));
  rpt_json_put_literal (out, "\": ");
  rpt_json_append_string (out, value);
}

/* Digits by hand: printf's machinery dominated saving large projects. */
static void
append_uint (GString *out,
             guint64  value)
{
  char buf[24];
  char *p = buf + sizeof buf;

  do
    {
      *--p = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  rpt_json_put (out, p, buf + sizeof buf - p);
}

void
rpt_json_append_member_uint (GString    *out,
                             const char *key,
                             guint64     value)
{
  rpt_json_put_literal (out, "\"");
  rpt_json_put (out, key, strlen (key));
  rpt_json_put_literal (out, "\": ");
  append_uint (out, value);
}

/* Year, month and day of a day counted from 1970-01-01 (proleptic
 * Gregorian; Howard Hinnant's civil_from_days). */
static void
civil_from_days (gint64  days,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  guint doe = (guint) (z - era * 146097);
  guint yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  guint doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  guint mp = (5 * doy + 2) / 153;

  *day = (int) (doy - (153 * mp + 2) / 5 + 1);
  *month = (int) (mp < 10 ? mp + 3 : mp - 9);
  *year = (int) (yoe + era * 400 + (*month <= 2));
}

static void
put2 (char *p,
      int   value)
{
  p[0] = (char) ('0' + value / 10);
  p[1] = (char) ('0' + value % 10);
}

/* Saving writes two timestamps per annotation: they are formatted by hand
 * (GDateTime's fields, four-digit years even before 1000, which ISO 8601
 * readers need). */
void
rpt_json_append_timestamp (GString *out,
                           gint64   usec)
{
  const gint64 first = G_GINT64_CONSTANT (-62135596800);  /* 0001-01-01T00:00:00Z */
  const gint64 last = G_GINT64_CONSTANT (253402300799);   /* 9999-12-31T23:59:59Z */
  gint64 seconds = usec / G_USEC_PER_SEC;

  if (seconds >= first && seconds <= last)
    {
      gint64 days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
      int rem = (int) (seconds - days * 86400);
      int year, month, day;
      char buf[] = "\"0000-00-00T00:00:00Z\"";

      civil_from_days (days, &year, &month, &day);
      put2 (buf + 1, year / 100);
      put2 (buf + 3, year % 100);
      put2 (buf + 6, month);
      put2 (buf + 9, day);
      put2 (buf + 12, rem / 3600);
      put2 (buf + 15, rem / 60 % 60);
      put2 (buf + 18, rem % 60);
      rpt_json_put (out, buf, sizeof buf - 1);
    }
  else
    /* Never reached from a file or an edit: the readers refuse times
     * outside these years (rpt_json_guard_time). null ("unknown") still
     * loads, where an empty string would not. */
    rpt_json_put_literal (out, "null");
}
