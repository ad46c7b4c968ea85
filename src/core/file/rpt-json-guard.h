/* rpt-json-guard.h: checks on the raw bytes of a JSON file, for the
 * project reader and the JSON importers. Messages place problems by line
 * and column.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "rpt-project.h"

G_BEGIN_DECLS

/* Sets an RPT_ERROR @code "PLACE: REASON" (or just REASON without a place)
 * and returns FALSE; shared by the guard and the project reader. */
gboolean _rpt_refuse_code (GError     **error,
                           RptError     code,
                           const char  *place,
                           const char  *format,
                           ...) G_GNUC_PRINTF (4, 5);

/* Size (RPT_MAX_FILE_BYTES), UTF-8, nesting (RPT_MAX_DEPTH), object count
 * (RPT_MAX_OBJECTS), \u0000 escapes, what JSON does not have (numbers with
 * leading zeros, hex, a bare sign or point; escapes such as \0 and \x41;
 * single-quoted strings; comments), integers outside gint64, data after
 * the top-level value, and blank input. Sets @incomplete when the bytes end inside a string or an
 * open object or array, to explain a later parse error. */
gboolean rpt_json_guard_check              (const char  *data,
                                            gsize        len,
                                            gboolean    *incomplete,
                                            GError     **error);
/* "line 3, column 14" for byte @offset: 1-based, columns in characters. */
char    *rpt_json_guard_locate             (const char  *data,
                                            gsize        offset);
void     rpt_json_guard_position           (const char  *data,
                                            gsize        offset,
                                            guint       *line,
                                            guint       *column);

typedef struct
{
  gsize    bad;         /* byte offset of what was refused */
  gboolean blank;       /* nothing but white space */
  gboolean incomplete;  /* ends inside a string, object or array */
} RptJsonGuardScan;

/* The same checks of the tokens for one JSON value of an imported file
 * (valid UTF-8, checked by the caller), without the project's object
 * limit. On a refusal, @error holds the reason alone and @result->bad
 * where it is, for the caller to name the place. */
gboolean rpt_json_guard_check_value        (const char        *data,
                                            gsize              len,
                                            RptJsonGuardScan  *result,
                                            GError           **error);
/* json-glib's "<data>:3:14: Parse error: …" as
 * "line 3, column 14: not valid JSON: …". */
void     rpt_json_guard_refuse_parse_error (const char  *message,
                                            GError     **error);

/* An ISO 8601 date and time (docs/FORMAT.md#times) in microseconds since
 * the epoch: what GLib's parser reads, without a zone meaning UTC,
 * fractions of a second dropped. Refuses, with the reason alone in
 * @error, a leap second or seconds past 59 (GLib reads them as :59) and a
 * time outside RPT_FIRST_TIME … RPT_LAST_TIME in UTC, which could not be
 * written back. */
gboolean rpt_json_guard_time               (const char  *str,
                                            gint64      *usec,
                                            GError     **error);

G_END_DECLS
