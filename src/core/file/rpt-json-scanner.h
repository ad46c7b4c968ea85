/* rpt-json-scanner.h: the tokens of strict JSON, for the one-pass project
 * reader. Every function answers FALSE to what it does not take, and the
 * reader then leaves the file to json-glib.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  RPT_JSON_ABSENT,
  RPT_JSON_NULL,
  RPT_JSON_STRING,
  RPT_JSON_UINT,
} RptJsonValueKind;

typedef struct
{
  RptJsonValueKind kind;
  gsize            offset;   /* RPT_JSON_STRING: decoded, NUL-terminated, in the arena */
  gsize            len;
  guint64          number;   /* RPT_JSON_UINT */
} RptJsonValue;

typedef enum {
  RPT_JSON_MEMBER_STRING,    /* a string or null */
  RPT_JSON_MEMBER_UINT,      /* a whole number up to G_MAXUINT, or null */
} RptJsonMemberKind;

typedef struct
{
  const char        *name;
  gsize              len;
  RptJsonMemberKind  kind;
} RptJsonMember;

#define RPT_JSON_MEMBER(name, kind) { name, sizeof (name) - 1, kind }
#define RPT_JSON_MAX_MEMBERS 16

typedef struct
{
  const char   *p;
  const char   *end;
  GString      *arena;      /* the decoded strings of the current object */
  GString      *key;        /* a member name that had escapes */
  guint64       n_objects;  /* objects opened so far */
  RptJsonValue  values[RPT_JSON_MAX_MEMBERS];
} RptJsonScanner;

void     rpt_json_scanner_init        (RptJsonScanner      *r,
                                       const char          *data,
                                       gsize                len);
void     rpt_json_scanner_clear       (RptJsonScanner      *r);

/* What g_utf8_validate_len() answers, faster on mostly ASCII text. */
gboolean rpt_json_utf8_validate_fast  (const char          *data,
                                       gsize                len);

static inline void
rpt_json_scanner_skip_space (RptJsonScanner *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
    r->p++;
}

/* Skips white space, then takes @c if it comes next. */
static inline gboolean
rpt_json_scanner_accept (RptJsonScanner *r,
                         char            c)
{
  rpt_json_scanner_skip_space (r);
  if (r->p < r->end && *r->p == c)
    {
      r->p++;
      return TRUE;
    }
  return FALSE;
}

gboolean rpt_json_scanner_literal     (RptJsonScanner      *r,
                                       const char          *word,
                                       gsize                len);
/* The string literal at r->p (a '"'): its raw bytes between the quotes,
 * and whether they have escapes to decode. */
gboolean rpt_json_scanner_string      (RptJsonScanner      *r,
                                       const char         **raw,
                                       gsize               *raw_len,
                                       gboolean            *escaped);
/* Appends the decoded bytes of a string rpt_json_scanner_string() took. */
void     rpt_json_decode_string       (GString             *out,
                                       const char          *raw,
                                       gsize                len,
                                       gboolean             escaped);
gboolean rpt_json_scanner_uint        (RptJsonScanner      *r,
                                       guint64             *out);
/* Any value at nesting level @depth, checked and dropped. */
gboolean rpt_json_scanner_skip_value  (RptJsonScanner      *r,
                                       guint                depth);
/* One object into r->values, indexed like @members; unknown members are
 * skipped, a repeated one is refused. */
gboolean rpt_json_scanner_object      (RptJsonScanner      *r,
                                       const RptJsonMember *members,
                                       guint                n_members);

G_END_DECLS
