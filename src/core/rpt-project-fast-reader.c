/* rpt-project-fast-reader.c: a one-pass reader for well-formed project files.
 *
 * Building a json-glib tree of a large project costs more than everything
 * else in opening it, and freeing the tree costs as much again (see
 * docs/PERFORMANCE.md). This reader goes from the bytes straight to the
 * model, with every check of rpt-project-reader.c, in one pass.
 *
 * It never refuses anything itself. It takes strict JSON in the shape the
 * writer produces (members of an object in any order, unknown members
 * skipped) that passes every check of the json-glib reader, raw checks
 * included; on anything else (a syntax error, a failed check, one of
 * json-glib's leniencies, sections in an unusual order, a repeated member,
 * an escape or a time it does not decode) it returns NULL, and the json-glib
 * reader runs, which accepts the file or refuses it with the usual message.
 * So it changes how fast a file opens, never whether or how: a test
 * compares the two readers on thousands of damaged files.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rpt-core-private.h"
#include "rpt-project-io.h"
#include "rpt-project-private.h"
#include "rpt-reanchor-private.h"

typedef enum { V_ABSENT, V_NULL, V_STRING, V_UINT } ValueKind;

typedef struct
{
  ValueKind kind;
  gsize     offset;   /* V_STRING: decoded, NUL-terminated, in the arena */
  gsize     len;
  guint64   number;   /* V_UINT */
} Value;

typedef enum { M_STRING, M_UINT } MemberKind;

typedef struct
{
  const char *name;
  gsize       len;
  MemberKind  kind;
} Member;

#define MEMBER(name, kind) { name, sizeof (name) - 1, kind }
#define MAX_MEMBERS 16

typedef struct
{
  const char  *p;
  const char  *end;
  RptProject  *project;
  GString     *arena;      /* the decoded strings of the current object */
  GString     *key;        /* a member name that had escapes */
  Value        values[MAX_MEMBERS];
  guint        n_annotations;  /* and orphans, which count towards the same limit */
  RptDocument *last_document;
  GHashTable  *links;      /* (type, from, to) of the relations read */
  GHashTable  *names;      /* case-folded label and speaker names */
  guint64      n_objects;
} Reader;

static gint fast_reader_enabled = TRUE;

void
_rpt_project_set_fast_reader (gboolean enabled)
{
  g_atomic_int_set (&fast_reader_enabled, enabled);
}

/* ---- Raw bytes ---- */

/* Whether g_utf8_validate_len() would take @data, but runs of ASCII (nearly
 * all of a project file) are checked a word at a time, and only the runs of
 * other bytes go through GLib's validator. */
static gboolean
utf8_validate_fast (const char *data,
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

static inline void
skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
    r->p++;
}

static inline gboolean
accept (Reader *r,
        char    c)
{
  skip_space (r);
  if (r->p < r->end && *r->p == c)
    {
      r->p++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
accept_literal (Reader     *r,
                const char *word,
                gsize       len)
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
static gboolean
scan_string (Reader      *r,
             const char **raw,
             gsize       *raw_len,
             gboolean    *escaped)
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

/* Appends the decoded string (already checked by scan_string). */
static void
decode_string (GString    *out,
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
static gboolean
scan_uint (Reader  *r,
           guint64 *out)
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
static gboolean
skip_value (Reader *r,
            guint   depth)
{
  const char *raw;
  gsize len;
  gboolean escaped;

  skip_space (r);
  if (r->p >= r->end)
    return FALSE;
  if ((*r->p == '{' || *r->p == '[') && depth > RPT_MAX_DEPTH)
    return FALSE;
  if (*r->p == '{')
    r->n_objects++;
  switch (*r->p)
    {
    case '"':
      return scan_string (r, &raw, &len, &escaped);
    case '{':
      r->p++;
      if (accept (r, '}'))
        return TRUE;
      do
        {
          skip_space (r);
          if (r->p >= r->end || *r->p != '"' || !scan_string (r, &raw, &len, &escaped) ||
              !accept (r, ':') || !skip_value (r, depth + 1))
            return FALSE;
        }
      while (accept (r, ','));
      return accept (r, '}');
    case '[':
      r->p++;
      if (accept (r, ']'))
        return TRUE;
      do
        if (!skip_value (r, depth + 1))
          return FALSE;
      while (accept (r, ','));
      return accept (r, ']');
    case 't':
      return accept_literal (r, "true", 4);
    case 'f':
      return accept_literal (r, "false", 5);
    case 'n':
      return accept_literal (r, "null", 4);
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
static gboolean
scan_object (Reader       *r,
             const Member *members,
             guint         n_members)
{
  for (guint i = 0; i < n_members; i++)
    r->values[i].kind = V_ABSENT;
  g_string_truncate (r->arena, 0);

  if (!accept (r, '{'))
    return FALSE;
  r->n_objects++;
  if (accept (r, '}'))
    return TRUE;
  do
    {
      const char *raw, *name;
      gsize len, name_len;
      gboolean escaped;
      guint m;
      Value *value;

      skip_space (r);
      if (r->p >= r->end || *r->p != '"' || !scan_string (r, &raw, &len, &escaped) || !accept (r, ':'))
        return FALSE;
      name = raw;
      name_len = len;
      if (escaped)
        {
          g_string_truncate (r->key, 0);
          decode_string (r->key, raw, len, TRUE);
          name = r->key->str;
          name_len = r->key->len;
        }
      for (m = 0; m < n_members; m++)
        if (members[m].len == name_len && memcmp (members[m].name, name, name_len) == 0)
          break;
      if (m == n_members)
        {
          if (!skip_value (r, 4))
            return FALSE;
          continue;
        }

      value = &r->values[m];
      if (value->kind != V_ABSENT)
        return FALSE;   /* repeated: json-glib keeps the last */
      skip_space (r);
      if (r->p >= r->end)
        return FALSE;
      if (*r->p == '"' && members[m].kind == M_STRING)
        {
          if (!scan_string (r, &raw, &len, &escaped))
            return FALSE;
          value->kind = V_STRING;
          value->offset = r->arena->len;
          decode_string (r->arena, raw, len, escaped);
          value->len = r->arena->len - value->offset;
          g_string_append_c (r->arena, '\0');
        }
      else if (*r->p == 'n' && accept_literal (r, "null", 4))
        value->kind = V_NULL;
      else if (members[m].kind == M_UINT && scan_uint (r, &value->number))
        value->kind = V_UINT;
      else
        return FALSE;
    }
  while (accept (r, ','));
  return accept (r, '}');
}

/* ---- Checks, as in rpt-project-reader.c ---- */

#define STR(r, i) ((r)->arena->str + (r)->values[i].offset)

/* A required string. */
static const char *
req_string (Reader *r,
            guint   i)
{
  return r->values[i].kind == V_STRING ? STR (r, i) : NULL;
}

/* An optional string: absent or null give NULL and succeed. */
static gboolean
opt_string (Reader      *r,
            guint        i,
            const char **out)
{
  *out = NULL;
  if (r->values[i].kind == V_STRING)
    *out = STR (r, i);
  return r->values[i].kind != V_UINT;
}

static const char *
req_id (Reader *r,
        guint   i)
{
  const Value *value = &r->values[i];
  const char *id;

  if (value->kind != V_STRING || value->len == 0 || value->len > RPT_MAX_ID_BYTES)
    return NULL;
  id = STR (r, i);
  for (gsize k = 0; k < value->len; k++)
    if ((guchar) id[k] < 0x20 || id[k] == 0x7f)
      return NULL;
  return id;
}

static gboolean
req_uint (Reader *r,
          guint   i,
          guint   max,
          guint  *out)
{
  if (r->values[i].kind != V_UINT || r->values[i].number > max)
    return FALSE;
  *out = (guint) r->values[i].number;
  return TRUE;
}

static gboolean
is_leap (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* Days from 1970-01-01 to the given day of the proleptic Gregorian calendar. */
static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  int y = year - (month <= 2);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return (gint64) era * 146097 + doe - 719468;
}

static int
digits (const char *p,
        guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return -1;
      value = value * 10 + (p[i] - '0');
    }
  return value;
}

/* The writer's form, "2025-03-01T09:00:00Z", which GLib's ISO 8601 parser
 * reads the same. Any other form is left to the json-glib reader. */
static gboolean
opt_time (Reader *r,
          guint   i,
          gint64 *out)
{
  static const int month_days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  const char *s;
  int year, month, day, hour, minute, second;

  *out = -1;
  if (!opt_string (r, i, &s))
    return FALSE;
  if (s == NULL)
    return TRUE;

  if (r->values[i].len == 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' &&
      s[16] == ':' && s[19] == 'Z' &&
      (year = digits (s, 4)) >= 1 && (month = digits (s + 5, 2)) >= 1 && month <= 12 &&
      (day = digits (s + 8, 2)) >= 1 &&
      day <= month_days[month - 1] + (month == 2 && is_leap (year)) &&
      (hour = digits (s + 11, 2)) >= 0 && hour < 24 &&
      (minute = digits (s + 14, 2)) >= 0 && minute < 60 &&
      (second = digits (s + 17, 2)) >= 0 && second < 60)
    {
      *out = (days_from_civil (year, month, day) * 86400 + hour * 3600 + minute * 60 + second) *
             G_USEC_PER_SEC;
      return TRUE;
    }
  return FALSE;
}

/* Label names, and speaker names, differ even in case. */
static gboolean
new_name (Reader     *r,
          const char *kind,
          const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  char *key = g_strconcat (kind, folded, NULL);

  if (g_hash_table_contains (r->names, key))
    {
      g_free (key);
      return FALSE;
    }
  g_hash_table_add (r->names, key);
  return TRUE;
}

/* ---- Sections ---- */

typedef gboolean (*ItemFunc) (Reader *r);

static gboolean
scan_array (Reader   *r,
            ItemFunc  item)
{
  if (!accept (r, '['))
    return FALSE;
  if (accept (r, ']'))
    return TRUE;
  do
    if (!item (r))
      return FALSE;
  while (accept (r, ','));
  return accept (r, ']');
}

enum { L_ID, L_NAME, L_COLOR, L_SHORTCUT, L_DESCRIPTION, L_N };
static const Member label_members[] = {
  MEMBER ("id", M_STRING), MEMBER ("name", M_STRING), MEMBER ("color", M_STRING),
  MEMBER ("shortcut", M_UINT), MEMBER ("description", M_STRING),
};

static gboolean
read_label (Reader *r)
{
  g_autoptr(RptLabel) label = NULL;
  const char *id, *name, *color, *description;
  guint shortcut = 0;

  if (!scan_object (r, label_members, L_N) ||
      !(id = req_id (r, L_ID)) ||
      !(name = req_string (r, L_NAME)) || *name == '\0' || !new_name (r, "l", name) ||
      !(color = req_string (r, L_COLOR)) || !rpt_color_is_valid (color) ||
      (r->values[L_SHORTCUT].kind != V_ABSENT && !req_uint (r, L_SHORTCUT, 9, &shortcut)) ||
      !opt_string (r, L_DESCRIPTION, &description) ||
      rpt_project_get_label (r->project, id) != NULL ||
      (shortcut != 0 && rpt_project_get_label_by_shortcut (r->project, shortcut) != NULL))
    return FALSE;

  label = rpt_label_new (id, name, color, shortcut, description);
  _rpt_project_load_label (r->project, label);
  return TRUE;
}

enum { S_ID, S_NAME, S_N };
static const Member speaker_members[] = { MEMBER ("id", M_STRING), MEMBER ("name", M_STRING) };

static gboolean
read_speaker (Reader *r)
{
  g_autoptr(RptSpeaker) speaker = NULL;
  const char *id, *name;

  if (!scan_object (r, speaker_members, S_N) ||
      !(id = req_id (r, S_ID)) ||
      !(name = req_string (r, S_NAME)) || *name == '\0' || !new_name (r, "s", name) ||
      rpt_project_get_speaker (r->project, id) != NULL)
    return FALSE;

  speaker = rpt_speaker_new (id, name);
  _rpt_project_load_speaker (r->project, speaker);
  return TRUE;
}

enum { D_ID, D_TITLE, D_SOURCE, D_SHA256, D_TEXT, D_N };
static const Member document_members[] = {
  MEMBER ("id", M_STRING), MEMBER ("title", M_STRING), MEMBER ("source", M_STRING),
  MEMBER ("sha256", M_STRING), MEMBER ("text", M_STRING),
};

static gboolean
read_document (Reader *r)
{
  g_autoptr(RptDocument) document = NULL;
  const char *id, *title, *source, *sha256, *text;

  if (!scan_object (r, document_members, D_N) ||
      !(id = req_id (r, D_ID)) ||
      !(title = req_string (r, D_TITLE)) ||
      !(source = req_string (r, D_SOURCE)) ||
      !(sha256 = req_string (r, D_SHA256)) ||
      !(text = req_string (r, D_TEXT)) ||
      rpt_project_get_document (r->project, id) != NULL)
    return FALSE;

  document = rpt_document_new (id, title, source, text);
  if (rpt_document_get_length (document) > RPT_MAX_ARTICLE_CHARS ||
      g_ascii_strcasecmp (sha256, rpt_document_get_sha256 (document)) != 0)
    return FALSE;
  _rpt_project_load_document (r->project, document);
  return TRUE;
}

enum { A_ID, A_DOCUMENT, A_START, A_END, A_LABEL, A_SPEAKER, A_NOTE, A_AUTHOR, A_CREATED,
       A_MODIFIED, A_QUOTE, A_PREFIX, A_SUFFIX, A_N };
static const Member annotation_members[] = {
  MEMBER ("id", M_STRING), MEMBER ("document", M_STRING), MEMBER ("start", M_UINT),
  MEMBER ("end", M_UINT), MEMBER ("label", M_STRING), MEMBER ("speaker", M_STRING),
  MEMBER ("note", M_STRING), MEMBER ("author", M_STRING), MEMBER ("created", M_STRING),
  MEMBER ("modified", M_STRING), MEMBER ("quote", M_STRING), MEMBER ("prefix", M_STRING),
  MEMBER ("suffix", M_STRING),
};

/* An annotation or an orphan: the members they share, checked with their
 * references. Orphans need their quote and context. */
static RptAnnotation *
read_annotation_object (Reader       *r,
                        gboolean      orphan,
                        RptDocument **document_out,
                        const char  **quote,
                        const char  **prefix,
                        const char  **suffix)
{
  const char *id, *doc_id, *label, *speaker, *note, *author;
  guint start, end;
  gint64 created, modified;
  RptDocument *document = r->last_document;

  if (++r->n_annotations > RPT_MAX_ANNOTATIONS)
    return NULL;
  if (!scan_object (r, annotation_members, A_N) ||
      !(id = req_id (r, A_ID)) ||
      !(doc_id = req_id (r, A_DOCUMENT)) ||
      !req_uint (r, A_START, G_MAXUINT, &start) ||
      !req_uint (r, A_END, G_MAXUINT, &end) ||
      !(label = req_id (r, A_LABEL)) ||
      !opt_string (r, A_SPEAKER, &speaker) ||
      !opt_string (r, A_NOTE, &note) ||
      !opt_string (r, A_AUTHOR, &author) ||
      !opt_time (r, A_CREATED, &created) ||
      !opt_time (r, A_MODIFIED, &modified) ||
      !opt_string (r, A_QUOTE, quote) ||
      !opt_string (r, A_PREFIX, prefix) ||
      !opt_string (r, A_SUFFIX, suffix) ||
      (orphan && (*quote == NULL || *prefix == NULL || *suffix == NULL)) ||
      rpt_project_get_annotation (r->project, id) != NULL ||
      rpt_project_get_orphan (r->project, id) != NULL)
    return NULL;

  /* Annotations come grouped by document: look it up once per group. */
  if (document == NULL || strcmp (rpt_document_get_id (document), doc_id) != 0)
    document = r->last_document = rpt_project_get_document (r->project, doc_id);
  if (document == NULL ||
      rpt_project_get_label (r->project, label) == NULL ||
      (speaker && *speaker && rpt_project_get_speaker (r->project, speaker) == NULL) ||
      end <= start)
    return NULL;

  *document_out = document;
  return _rpt_annotation_new (id, doc_id, start, end, label, speaker, note, author, created, modified);
}

static gboolean
read_annotation (Reader *r)
{
  g_autoptr(RptAnnotation) annotation = NULL;
  RptDocument *document;
  const char *quote, *prefix, *suffix;
  guint start, end;

  if (!(annotation = read_annotation_object (r, FALSE, &document, &quote, &prefix, &suffix)))
    return FALSE;
  start = rpt_annotation_get_start (annotation);
  end = rpt_annotation_get_end (annotation);
  if (end > rpt_document_get_length (document) ||
      _rpt_anchor_check (document, start, end, quote, prefix, suffix) != NULL)
    return FALSE;

  _rpt_project_load_annotation (r->project, annotation);
  return TRUE;
}

static gboolean
read_orphan (Reader *r)
{
  g_autoptr(RptAnnotation) orphan = NULL;
  RptDocument *document;
  const char *quote, *prefix, *suffix;

  if (!(orphan = read_annotation_object (r, TRUE, &document, &quote, &prefix, &suffix)))
    return FALSE;
  _rpt_annotation_set_anchor (orphan, quote, prefix, suffix);
  _rpt_project_load_orphan (r->project, orphan);
  return TRUE;
}

enum { R_ID, R_TYPE, R_FROM, R_TO, R_N };
static const Member relation_members[] = {
  MEMBER ("id", M_STRING), MEMBER ("type", M_STRING), MEMBER ("from", M_STRING),
  MEMBER ("to", M_STRING),
};

typedef struct
{
  RptRelationType  type;
  RptAnnotation   *from;
  RptAnnotation   *to;
} Link;

static guint
link_hash (gconstpointer key)
{
  const Link *link = key;

  return g_direct_hash (link->from) * 31 + g_direct_hash (link->to) * 7 + link->type;
}

static gboolean
link_equal (gconstpointer a,
            gconstpointer b)
{
  const Link *x = a, *y = b;

  return x->type == y->type && x->from == y->from && x->to == y->to;
}

static gboolean
read_relation (Reader *r)
{
  g_autoptr(RptRelation) relation = NULL;
  const char *id, *type_name, *from, *to;
  RptRelationType type;
  Link link;

  if (!scan_object (r, relation_members, R_N) ||
      !(id = req_id (r, R_ID)) ||
      !(type_name = req_string (r, R_TYPE)) ||
      !(from = req_id (r, R_FROM)) ||
      !(to = req_id (r, R_TO)) ||
      rpt_project_get_relation (r->project, id) != NULL ||
      !rpt_relation_type_from_string (type_name, &type) ||
      !((link.from = rpt_project_get_annotation (r->project, from)) ||
        (link.from = rpt_project_get_orphan (r->project, from))) ||
      !((link.to = rpt_project_get_annotation (r->project, to)) ||
        (link.to = rpt_project_get_orphan (r->project, to))) ||
      link.from == link.to)
    return FALSE;
  link.type = type;
  if (g_hash_table_contains (r->links, &link))
    return FALSE;
  g_hash_table_add (r->links, g_memdup2 (&link, sizeof link));

  relation = _rpt_relation_new (id, type, from, to);
  _rpt_project_load_relation (r->project, relation);
  return TRUE;
}

/* Two annotations with the same span and the same label. */
static gboolean
has_duplicate_spans (RptProject *project)
{
  GListModel *documents = rpt_project_get_documents (project);

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(RptDocument) document = g_list_model_get_item (documents, d);
      RptAnnotationStore *store = rpt_project_get_annotations (project, rpt_document_get_id (document));
      guint n = rpt_annotation_store_get_n_items (store);

      for (guint i = 0; i < n; i++)
        {
          RptAnnotation *a = rpt_annotation_store_get (store, i);

          for (guint j = i + 1; j < n; j++)
            {
              RptAnnotation *b = rpt_annotation_store_get (store, j);

              if (rpt_annotation_get_start (b) != rpt_annotation_get_start (a) ||
                  rpt_annotation_get_end (b) != rpt_annotation_get_end (a))
                break;
              if (g_strcmp0 (rpt_annotation_get_label (a), rpt_annotation_get_label (b)) == 0)
                return TRUE;
            }
        }
    }
  return FALSE;
}

/* ---- The top level ---- */

enum { SEC_LABELS, SEC_SPEAKERS, SEC_DOCUMENTS, SEC_ANNOTATIONS, SEC_RELATIONS, SEC_ORPHANS, N_SECTIONS };
static const char *section_names[N_SECTIONS] = {
  "labels", "speakers", "documents", "annotations", "relations", "orphans",
};
static const ItemFunc section_items[N_SECTIONS] = {
  read_label, read_speaker, read_document, read_annotation, read_relation, read_orphan,
};

static gboolean
read_top (Reader *r)
{
  gboolean done[N_SECTIONS] = { FALSE };
  gboolean have_format = FALSE, have_version = FALSE;

  if (!accept (r, '{'))
    return FALSE;
  r->n_objects++;
  if (accept (r, '}'))
    return FALSE;
  do
    {
      const char *raw;
      gsize len;
      gboolean escaped;
      guint s;

      skip_space (r);
      if (r->p >= r->end || *r->p != '"' || !scan_string (r, &raw, &len, &escaped) || escaped ||
          !accept (r, ':'))
        return FALSE;
      skip_space (r);

      if (len == 6 && memcmp (raw, "format", 6) == 0)
        {
          if (have_format || r->p >= r->end || *r->p != '"' ||
              !scan_string (r, &raw, &len, &escaped) || escaped ||
              len != strlen (RPT_PROJECT_FORMAT) || memcmp (raw, RPT_PROJECT_FORMAT, len) != 0)
            return FALSE;
          have_format = TRUE;
          continue;
        }
      if (len == 7 && memcmp (raw, "version", 7) == 0)
        {
          guint64 version;

          if (have_version || !scan_uint (r, &version) || version == 0 || version > RPT_PROJECT_VERSION)
            return FALSE;
          have_version = TRUE;
          continue;
        }

      for (s = 0; s < N_SECTIONS; s++)
        if (len == strlen (section_names[s]) && memcmp (raw, section_names[s], len) == 0)
          break;
      if (s == N_SECTIONS)
        {
          if (!skip_value (r, 2))
            return FALSE;
          continue;
        }
      /* Each section once, and after the ones it refers to; relations
       * may refer to orphans, which are optional. */
      if (done[s] ||
          ((s == SEC_ANNOTATIONS || s == SEC_ORPHANS) &&
           !(done[SEC_LABELS] && done[SEC_SPEAKERS] && done[SEC_DOCUMENTS])) ||
          (s == SEC_RELATIONS && !done[SEC_ANNOTATIONS]) ||
          (s == SEC_ORPHANS && done[SEC_RELATIONS]))
        return FALSE;
      if (!scan_array (r, section_items[s]))
        return FALSE;
      done[s] = TRUE;
    }
  while (accept (r, ','));

  if (!accept (r, '}'))
    return FALSE;
  skip_space (r);
  if (r->p != r->end || !have_format || !have_version)
    return FALSE;
  for (guint s = 0; s < N_SECTIONS; s++)
    if (!done[s] && s != SEC_ORPHANS)
      return FALSE;
#ifdef RPT_MAX_OBJECTS
  if (r->n_objects > RPT_MAX_OBJECTS)
    return FALSE;
#endif
  return TRUE;
}

/**
 * _rpt_project_read_fast:
 * @data: the file's bytes, unchecked
 *
 * Returns: (transfer full) (nullable): the project, or NULL when the
 * json-glib reader must decide.
 */
RptProject *
_rpt_project_read_fast (const char *data,
                        gsize       len)
{
  g_autoptr(RptProject) project = NULL;
  g_autoptr(GHashTable) links = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GString) arena = NULL;
  g_autoptr(GString) key = NULL;
  Reader r = { 0 };
  gboolean ok;

  if (!g_atomic_int_get (&fast_reader_enabled) || data == NULL || len == 0 ||
      len > RPT_MAX_FILE_BYTES || !utf8_validate_fast (data, len))
    return NULL;

  project = rpt_project_new_empty ();
  links = g_hash_table_new_full (link_hash, link_equal, g_free, NULL);
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  arena = g_string_sized_new (256);
  key = g_string_new (NULL);
  r.p = data;
  r.end = data + len;
  r.project = project;
  r.arena = arena;
  r.key = key;
  r.links = links;
  r.names = names;

  ok = read_top (&r);
  if (!ok)
    return NULL;

  _rpt_project_load_finish (project);
  if (has_duplicate_spans (project))
    return NULL;
  return g_steal_pointer (&project);
}
