/* rpt-json-guard.h: checks on the raw bytes of a JSON file, for the
 * project reader. Messages place problems by line and column.
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
 * (RPT_MAX_OBJECTS), \u0000 escapes, integers outside gint64, data after
 * the top-level value, and blank input. Sets @incomplete when the bytes end inside a string or an
 * open object or array, to explain a later parse error. */
gboolean rpt_json_guard_check              (const char  *data,
                                            gsize        len,
                                            gboolean    *incomplete,
                                            GError     **error);
/* "line 3, column 14" for byte @offset: 1-based, columns in characters. */
char    *rpt_json_guard_locate             (const char  *data,
                                            gsize        offset);
/* json-glib's "<data>:3:14: Parse error: …" as
 * "line 3, column 14: not valid JSON: …". */
void     rpt_json_guard_refuse_parse_error (const char  *message,
                                            GError     **error);

G_END_DECLS
