/* rpt-json-item.h: typed access to the members of one JSON object of the
 * project file, for the json-glib reader. A getter refuses a member of the
 * wrong type or range with an RPT_ERROR that names its place:
 * "annotations[3].end: must be a whole number, not a string".
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (RPT_FILE_COMPILATION)
# error "rpt-json-item.h is private to src/core/file (docs/ARCHITECTURE.md)."
#endif

#include <json-glib/json-glib.h>

#include "rpt-error.h"

G_BEGIN_DECLS

/* One object of the file and where it is. */
typedef struct
{
  JsonObject *object;
  const char *place;   /* "annotations[3]", or NULL for the top level */
} RptJsonItem;

/* What kind of JSON value @node is, for messages: "a string", "null". */
const char *_rpt_json_describe          (JsonNode     *node);

/* Sets "PLACE.NAME: REASON" and returns FALSE. */
gboolean    _rpt_json_refuse_member     (GError      **error,
                                         RptError      code,
                                         RptJsonItem  *item,
                                         const char   *name,
                                         const char   *format,
                                         ...) G_GNUC_PRINTF (5, 6);

/* A string member. An absent or null optional member gives NULL. */
gboolean    _rpt_json_get_string        (RptJsonItem  *item,
                                         const char   *name,
                                         gboolean      required,
                                         const char  **out,
                                         GError      **error);
/* A string that is a valid id: not empty, not too long, no control
 * characters. */
gboolean    _rpt_json_get_id            (RptJsonItem  *item,
                                         const char   *name,
                                         gboolean      required,
                                         const char  **out,
                                         GError      **error);
/* A whole number from 0 to @max. An absent optional member leaves @out. */
gboolean    _rpt_json_get_uint          (RptJsonItem  *item,
                                         const char   *name,
                                         gboolean      required,
                                         guint         max,
                                         guint        *out,
                                         GError      **error);
/* An optional ISO 8601 time, in microseconds since the epoch; -1 when
 * absent or null. */
gboolean    _rpt_json_get_time          (RptJsonItem  *item,
                                         const char   *name,
                                         gint64       *out,
                                         GError      **error);

/* A top-level array member. */
JsonArray  *_rpt_json_get_array         (JsonObject   *root,
                                         const char   *name,
                                         GError      **error);
/* Element @index of the array @name as an object: sets @item, and @place
 * (freed first) to "NAME[INDEX]". */
gboolean    _rpt_json_get_item          (JsonArray    *array,
                                         const char   *name,
                                         guint         index,
                                         char        **place,
                                         RptJsonItem  *item,
                                         GError      **error);

/* A table from a key to the place that first used it. */
GHashTable *_rpt_json_places_new        (void);
/* Remembers @place for @key; returns the place that used @key first, or
 * NULL if none did. */
const char *_rpt_json_remember          (GHashTable   *seen,
                                         const char   *key,
                                         const char   *place);
/* Refuses an id (the member "id") already used in @seen. */
gboolean    _rpt_json_check_unique_id   (GHashTable   *seen,
                                         RptJsonItem  *item,
                                         const char   *id,
                                         GError      **error);
/* Refuses an empty name (the member "name") or one used in @seen,
 * ignoring case. */
gboolean    _rpt_json_check_unique_name (GHashTable   *seen,
                                         RptJsonItem  *item,
                                         const char   *name,
                                         GError      **error);

G_END_DECLS
