/* rpt-json-item.c: typed access to the members of one JSON object of the
 * project file, for the json-glib reader (rpt-project-reader.c). Each
 * getter checks the member's type and range and refuses with the member's
 * place and the reason: "annotations[3].end: must be a whole number, not a
 * string".
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-File"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "rpt-core-private.h"
#include "rpt-json-guard.h"
#include "rpt-json-item.h"
#include "rpt-limits.h"

#define refuse(error, place, ...) _rpt_refuse_code (error, RPT_ERROR_INVALID, place, __VA_ARGS__)

/* Translators: the kinds of JSON value below complete messages such as
 * "must be a string, not null"; "null", "true" and "false" are JSON words. */
const char *
_rpt_json_describe (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return C_("JSON value", "null");
    case JSON_NODE_VALUE:
    default:
      break;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_INT64:
      return _("a whole number");
    case G_TYPE_DOUBLE:
      return _("a number with a fraction or an exponent");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("something else");
    }
}

/* "annotations[3].end", or "version" at the top level. */
static char *
member_place (RptJsonItem *item,
              const char  *name)
{
  return item->place ? g_strdup_printf ("%s.%s", item->place, name) : g_strdup (name);
}

gboolean
_rpt_json_refuse_member (GError      **error,
                         RptError      code,
                         RptJsonItem  *item,
                         const char   *name,
                         const char   *format,
                         ...)
{
  g_autofree char *place = member_place (item, name);
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, RPT_ERROR, code, "%s: %s", place, reason);
  return FALSE;
}

static JsonNode *
get_member (RptJsonItem  *item,
            const char   *name,
            gboolean      required,
            GError      **error)
{
  JsonNode *node = json_object_get_member (item->object, name);

  if (node == NULL && required)
    refuse (error, item->place, _("the member “%s” is missing"), name);
  return node;
}

/* A string member. An absent or null optional member gives NULL. */
gboolean
_rpt_json_get_string (RptJsonItem  *item,
                      const char   *name,
                      gboolean      required,
                      const char  **out,
                      GError      **error)
{
  JsonNode *node = get_member (item, name, required, error);

  *out = NULL;
  if (node == NULL)
    return !required;
  if (!required && JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, item, name, _("must be a string, not %s"),
                                    _rpt_json_describe (node));
  *out = json_node_get_string (node);
  /* The raw bytes were valid UTF-8, but escapes could still make a bad one. */
  if (!g_utf8_validate (*out, -1, NULL))
    return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, item, name, _("is not valid UTF-8"));
  return TRUE;
}

gboolean
_rpt_json_get_id (RptJsonItem  *item,
                  const char   *name,
                  gboolean      required,
                  const char  **out,
                  GError      **error)
{
  gsize len;

  if (!_rpt_json_get_string (item, name, required, out, error))
    return FALSE;
  if (*out == NULL)
    return TRUE;
  len = strlen (*out);
  if (len == 0)
    return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, item, name, _("must not be empty"));
  if (len > RPT_MAX_ID_BYTES)
    return _rpt_json_refuse_member (error, RPT_ERROR_TOO_LARGE, item, name,
                                    g_dngettext (GETTEXT_PACKAGE, "is %zu bytes long; the limit for an id is %d",
                                                 "is %zu bytes long; the limit for an id is %d", len),
                                    len, RPT_MAX_ID_BYTES);
  if (!_rpt_id_is_valid (*out))
    return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, item, name, _("contains a control character"));
  return TRUE;
}

gboolean
_rpt_json_get_uint (RptJsonItem  *item,
                    const char   *name,
                    gboolean      required,
                    guint         max,
                    guint        *out,
                    GError      **error)
{
  JsonNode *node = get_member (item, name, required, error);
  gint64 value;

  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, item, name, _("must be a whole number, not %s"),
                                    _rpt_json_describe (node));
  value = json_node_get_int (node);
  if (value < 0)
    return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, item, name, _("%" PRId64 " is negative"),
                                    value);
  if (value > max)
    return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, item, name,
                                    _("%" PRId64 " is too large (the largest allowed is %u)"), value, max);
  *out = (guint) value;
  return TRUE;
}

/* Times without a zone are UTC, so that a file reads the same everywhere;
 * what could not be written back is refused (rpt_json_guard_time). */
gboolean
_rpt_json_get_time (RptJsonItem  *item,
                    const char   *name,
                    gint64       *out,
                    GError      **error)
{
  g_autoptr(GError) reason = NULL;
  const char *str;

  *out = -1;
  if (!_rpt_json_get_string (item, name, FALSE, &str, error))
    return FALSE;
  if (str == NULL)
    return TRUE;
  if (!rpt_json_guard_time (str, out, &reason))
    return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, item, name, "%s", reason->message);
  return TRUE;
}

/* A top-level array member. */
JsonArray *
_rpt_json_get_array (JsonObject  *root,
                     const char  *name,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (root, name);

  if (node == NULL)
    {
      refuse (error, NULL, _("the member “%s” is missing"), name);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      refuse (error, name, _("must be an array, not %s"), _rpt_json_describe (node));
      return NULL;
    }
  return json_node_get_array (node);
}

gboolean
_rpt_json_get_item (JsonArray    *array,
                    const char   *name,
                    guint         index,
                    char        **place,
                    RptJsonItem  *item,
                    GError      **error)
{
  JsonNode *node = json_array_get_element (array, index);

  g_free (*place);
  *place = g_strdup_printf ("%s[%u]", name, index);
  item->place = *place;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return refuse (error, *place, _("must be an object, not %s"), _rpt_json_describe (node));
  item->object = json_node_get_object (node);
  return TRUE;
}

/* @seen maps a key to the place that first used it. */
const char *
_rpt_json_remember (GHashTable *seen,
                    const char *key,
                    const char *place)
{
  const char *first = g_hash_table_lookup (seen, key);

  if (first == NULL)
    g_hash_table_insert (seen, g_strdup (key), g_strdup (place));
  return first;
}

GHashTable *
_rpt_json_places_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

gboolean
_rpt_json_check_unique_id (GHashTable   *seen,
                           RptJsonItem  *item,
                           const char   *id,
                           GError      **error)
{
  const char *first = _rpt_json_remember (seen, id, item->place);

  if (first != NULL)
    return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, item, "id", _("“%s” is already the id of %s"), id, first);
  return TRUE;
}

gboolean
_rpt_json_check_unique_name (GHashTable   *seen,
                             RptJsonItem  *item,
                             const char   *name,
                             GError      **error)
{
  g_autofree char *key = g_utf8_casefold (name, -1);
  const char *first;

  if (*name == '\0')
    return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, item, "name", _("must not be empty"));
  if ((first = _rpt_json_remember (seen, key, item->place)) != NULL)
    return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, item, "name", _("“%s” is already the name of %s"),
                                    name, first);
  return TRUE;
}
