/* rpt-json-scanner.c: the tokens of strict JSON, for the one-pass project
 * reader (rpt-project-fast-reader.c). It takes only what json-glib reads
 * the same way and answers FALSE to anything else, so that the caller can
 * leave the file to the json-glib reader.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-File"

#include "config.h"

#include <string.h>

#include "rpt-json-scanner.h"
#include "rpt-project-io.h"

void
rpt_json_scanner_init (RptJsonScanner *r,
                       const char     *data,
                       gsize           len)
{
  memset (r, 0, sizeof *r);
  r->p = data;
  r->end = data + len;
  r->arena = g_string_sized_new (256);
  r->key = g_string_new (NULL);
}

void
rpt_json_scanner_clear (RptJsonScanner *r)
{
  g_string_free (r->arena, TRUE);
  g_string_free (r->key, TRUE);
}

/* Whether g_utf8_validate_len() would take @data, but runs of ASCII (nearly
 * all of a project file) are checked a word at a time, and only the runs of
 * other bytes go through GLib's validator. */
gboolean
rpt_json_utf8_validate_fast (const char *data,
                             gsize       len)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize i = 0;

  while (i < len)
    {
      gsize j;

      /* ASCII other than NUL (GLib refuses NUL bytes too). */
      for (; i + 8 <= len; i += 8)
        {
          guint64 x;

          memcpy (&x, data + i, 8);
          if ((x & highs) != 0 || ((x - ones) & ~x & highs) != 0)
            break;
        }
      while (i < len && (guchar) data[i] < 0x80 && data[i] != '\0')
        i++;
      if (i >= len)
        break;
      if (data[i] == '\0')
        return FALSE;

      /* A run of other bytes starts and ends at character boundaries. */
      for (j = i; j < len && (guchar) data[j] >= 0x80; j++)
        ;
      if (!g_utf8_validate_len (data + i, j - i, NULL))
        return FALSE;
      i = j;
    }
  return TRUE;
}

/* ---- Tokens ---- */

gboolean
rpt_json_scanner_literal (RptJsonScanner *r,
                          const char     *word,
                          gsize           len)
{
  if ((gsize) (r->end - r->p) < len || memcmp (r->p, word, len) != 0)
    return FALSE;
  r->p += len;
  return TRUE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gunichar
read_hex4 (const char *p)
{
  gunichar value = 0;

  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return G_MAXUINT32;
      value = (value << 4) | (gunichar) digit;
    }
  return value;
}

/* Bytes that end a run of plain string content. */
static const guchar special[256] = {
  [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1, [0x07] = 1,
  [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 1, [0x0c] = 1, [0x0d] = 1, [0x0e] = 1, [0x0f] = 1,
  [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
  [0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1, [0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1,
  ['"'] = 1, ['\\'] = 1,
};

/* Scans the string literal at r->p (a '"'). The bytes between the quotes
 * are [*raw, *raw + *raw_len); *escaped says whether they need decoding.
 * Takes only what json-glib decodes the same way: no raw control
 * characters, the JSON escapes, \u escapes outside the surrogates and
 * other than \u0000. The input is valid UTF-8 (checked before). */
gboolean
rpt_json_scanner_string (RptJsonScanner  *r,
                         const char     **raw,
                         gsize           *raw_len,
                         gboolean        *escaped)
{
  const char *p = r->p + 1;

  *raw = p;
  *escaped = FALSE;
  for (;;)
    {
      while (p < r->end && !special[(guchar) *p])
        p++;
      if (p >= r->end || (guchar) *p < 0x20)
        return FALSE;
      if (*p == '"')
        break;

      /* A backslash. */
      *escaped = TRUE;
      if (p + 1 >= r->end)
        return FALSE;
      switch (p[1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          p += 2;
          break;
        case 'u':
          {
            gunichar c;

            if (r->end - p < 6)
              return FALSE;
            c = read_hex4 (p + 2);
            if (c == G_MAXUINT32 || c == 0 || (c >= 0xd800 && c <= 0xdfff))
              return FALSE;
            p += 6;
          }
          break;
        default:
          return FALSE;
        }
    }
  *raw_len = (gsize) (p - *raw);
  r->p = p + 1;
  return TRUE;
}

/* Appends the decoded string (already checked by rpt_json_scanner_string). */
void
rpt_json_decode_string (GString    *out,
                        const char *raw,
                        gsize       len,
                        gboolean    escaped)
{
  const char *p = raw, *end = raw + len;

  if (!escaped)
    {
      g_string_append_len (out, raw, (gssize) len);
      return;
    }
  while (p < end)
    {
      const char *run = p;
      char c;

      while (p < end && *p != '\\')
        p++;
      g_string_append_len (out, run, p - run);
      if (p >= end)
        break;
      switch (p[1])
        {
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        case 'u':
          g_string_append_unichar (out, read_hex4 (p + 2));
          p += 6;
          continue;
        default: c = p[1]; break;
        }
      g_string_append_c (out, c);
      p += 2;
    }
}

/* A whole number as the model takes it: no sign, fraction, exponent or
 * leading zero (json-glib reads 012 as octal), at most G_MAXUINT. */
gboolean
rpt_json_scanner_uint (RptJsonScanner *r,
                       guint64        *out)
{
  const char *p = r->p;
  guint64 value = 0;
  guint digits = 0;

  if (p < r->end && *p == '0' && p + 1 < r->end && g_ascii_isdigit (p[1]))
    return FALSE;
  while (p < r->end && g_ascii_isdigit (*p))
    {
      if (++digits > 10)
        return FALSE;
      value = value * 10 + (guint64) (*p - '0');
      p++;
    }
  if (digits == 0 || value > G_MAXUINT)
    return FALSE;
  r->p = p;
  *out = value;
  return TRUE;
}

/* Any value at nesting level @depth, checked and dropped (an unknown
 * member). Numbers without an exponent only, and short: past that
 * json-glib's readings vary. */
gboolean
rpt_json_scanner_skip_value (RptJsonScanner *r,
                             guint           depth)
{
  const char *raw;
  gsize len;
  gboolean escaped;

  rpt_json_scanner_skip_space (r);
  if (r->p >= r->end)
    return FALSE;
  if ((*r->p == '{' || *r->p == '[') && depth > RPT_MAX_DEPTH)
    return FALSE;
  if (*r->p == '{')
    r->n_objects++;
  switch (*r->p)
    {
    case '"':
      return rpt_json_scanner_string (r, &raw, &len, &escaped);
    case '{':
      r->p++;
      if (rpt_json_scanner_accept (r, '}'))
        return TRUE;
      do
        {
          rpt_json_scanner_skip_space (r);
          if (r->p >= r->end || *r->p != '"' || !rpt_json_scanner_string (r, &raw, &len, &escaped) ||
              !rpt_json_scanner_accept (r, ':') || !rpt_json_scanner_skip_value (r, depth + 1))
            return FALSE;
        }
      while (rpt_json_scanner_accept (r, ','));
      return rpt_json_scanner_accept (r, '}');
    case '[':
      r->p++;
      if (rpt_json_scanner_accept (r, ']'))
        return TRUE;
      do
        if (!rpt_json_scanner_skip_value (r, depth + 1))
          return FALSE;
      while (rpt_json_scanner_accept (r, ','));
      return rpt_json_scanner_accept (r, ']');
    case 't':
      return rpt_json_scanner_literal (r, "true", 4);
    case 'f':
      return rpt_json_scanner_literal (r, "false", 5);
    case 'n':
      return rpt_json_scanner_literal (r, "null", 4);
    default:
      {
        const char *start = r->p;

        if (*r->p == '-')
          r->p++;
        if (r->p >= r->end || !g_ascii_isdigit (*r->p))
          return FALSE;
        if (*r->p == '0' && r->p + 1 < r->end && g_ascii_isdigit (r->p[1]))
          return FALSE;
        while (r->p < r->end && g_ascii_isdigit (*r->p))
          r->p++;
        if (r->p < r->end && *r->p == '.')
          {
            r->p++;
            if (r->p >= r->end || !g_ascii_isdigit (*r->p))
              return FALSE;
            while (r->p < r->end && g_ascii_isdigit (*r->p))
              r->p++;
          }
        return r->p - start <= 18;
      }
    }
}

/* Reads one object into r->values (indexed like @members). */
gboolean
rpt_json_scanner_object (RptJsonScanner      *r,
                         const RptJsonMember *members,
                         guint                n_members)
{
  for (guint i = 0; i < n_members; i++)
    r->values[i].kind = RPT_JSON_ABSENT;
  g_string_truncate (r->arena, 0);

  if (!rpt_json_scanner_accept (r, '{'))
    return FALSE;
  r->n_objects++;
  if (rpt_json_scanner_accept (r, '}'))
    return TRUE;
  do
    {
      const char *raw, *name;
      gsize len, name_len;
      gboolean escaped;
      guint m;
      RptJsonValue *value;

      rpt_json_scanner_skip_space (r);
      if (r->p >= r->end || *r->p != '"' || !rpt_json_scanner_string (r, &raw, &len, &escaped) || !rpt_json_scanner_accept (r, ':'))
        return FALSE;
      name = raw;
      name_len = len;
      if (escaped)
        {
          g_string_truncate (r->key, 0);
          rpt_json_decode_string (r->key, raw, len, TRUE);
          name = r->key->str;
          name_len = r->key->len;
        }
      for (m = 0; m < n_members; m++)
        if (members[m].len == name_len && memcmp (members[m].name, name, name_len) == 0)
          break;
      if (m == n_members)
        {
          if (!rpt_json_scanner_skip_value (r, 4))
            return FALSE;
          continue;
        }

      value = &r->values[m];
      if (value->kind != RPT_JSON_ABSENT)
        return FALSE;   /* repeated: json-glib keeps the last */
      rpt_json_scanner_skip_space (r);
      if (r->p >= r->end)
        return FALSE;
      if (*r->p == '"' && members[m].kind == RPT_JSON_MEMBER_STRING)
        {
          if (!rpt_json_scanner_string (r, &raw, &len, &escaped))
            return FALSE;
          value->kind = RPT_JSON_STRING;
          value->offset = r->arena->len;
          rpt_json_decode_string (r->arena, raw, len, escaped);
          value->len = r->arena->len - value->offset;
          g_string_append_c (r->arena, '\0');
        }
      else if (*r->p == 'n' && rpt_json_scanner_literal (r, "null", 4))
        value->kind = RPT_JSON_NULL;
      else if (members[m].kind == RPT_JSON_MEMBER_UINT && rpt_json_scanner_uint (r, &value->number))
        value->kind = RPT_JSON_UINT;
      else
        return FALSE;
    }
  while (rpt_json_scanner_accept (r, ','));
  return rpt_json_scanner_accept (r, '}');
}
