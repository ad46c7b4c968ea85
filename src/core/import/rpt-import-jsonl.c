/* rpt-import-jsonl.c: JSON Lines, one article per line: Repartee's own
 * export, doccano's sequence-labelling export ("label": [[start, end,
 * "Label"], …]) and its relation-extraction export ("entities" with
 * start_offset/end_offset, "relations" with from_id/to_id/type). When a
 * line has "entities", they are read and "label" is ignored.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "rpt-import-private.h"
#include "rpt-json-guard.h"

typedef struct
{
  RptImportBuilder *builder;
  const char       *name;
  guint             line;
} Line;

static gboolean
fail (GError     **error,
      Line        *line,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError     **error,
      Line        *line,
      const char  *format,
      ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID, _("%s: line %u: %s"), line->name, line->line, reason);
  return FALSE;
}

static gboolean
is_type (JsonNode *node,
         GType     type)
{
  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* An optional string member; null counts as absent. */
static gboolean
get_string (JsonObject  *object,
            const char  *member,
            const char  *place,
            Line        *line,
            const char **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!is_type (node, G_TYPE_STRING))
    return fail (error, line, _("%s“%s” must be a string"), place, member);
  *out = json_node_get_string (node);
  return TRUE;
}

/* A string or an integer, as a string (doccano's ids are integers). */
static gboolean
get_key (JsonObject  *object,
         const char  *member,
         const char  *place,
         Line        *line,
         char       **out,
         gboolean    *was_string,
         GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (was_string)
    *was_string = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (is_type (node, G_TYPE_STRING))
    {
      *out = g_strdup (json_node_get_string (node));
      if (was_string)
        *was_string = TRUE;
    }
  else if (is_type (node, G_TYPE_INT64))
    *out = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  else
    return fail (error, line, _("%s“%s” must be a string or a whole number"), place, member);
  return TRUE;
}

static gboolean
get_offset (JsonNode    *node,
            const char  *what,
            const char  *place,
            Line        *line,
            guint64     *out,
            GError     **error)
{
  if (node == NULL)
    return fail (error, line, _("%s“%s” is missing"), place, what);
  if (!is_type (node, G_TYPE_INT64) || json_node_get_int (node) < 0)
    return fail (error, line, _("%s“%s” must be a whole number, 0 or more"), place, what);
  *out = (guint64) json_node_get_int (node);
  return TRUE;
}

static gboolean
get_time (JsonObject  *object,
          const char  *member,
          const char  *place,
          Line        *line,
          gint64      *out,
          GError     **error)
{
  g_autoptr(GError) reason = NULL;
  const char *str;

  *out = -1;
  if (!get_string (object, member, place, line, &str, error))
    return FALSE;
  if (str == NULL)
    return TRUE;
  /* As the project file reads times: no zone is UTC, and what could not
   * be saved again is refused. */
  if (!rpt_json_guard_time (str, out, &reason))
    return fail (error, line, "%s“%s”: %s", place, member, reason->message);
  return TRUE;
}

static gboolean
add_span (RptImportRecord     *record,
          const RptImportSpan *span,
          RptOffsetUnit        unit,
          const char          *place,
          Line                *line,
          GError             **error)
{
  g_autoptr(GError) reason = NULL;

  if (_rpt_import_record_add_span (record, span, unit, &reason))
    return TRUE;
  return fail (error, line, "%s%s", place, reason->message);
}

static gboolean
read_entities (RptImportRecord  *record,
               JsonArray        *entities,
               RptOffsetUnit     unit,
               Line             *line,
               GError          **error)
{
  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonNode *node = json_array_get_element (entities, i);
      g_autofree char *place = g_strdup_printf ("entities[%u]: ", i);
      g_autofree char *key = NULL;
      RptImportSpan span = { 0 };
      gboolean string_id;
      JsonObject *entity;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (error, line, _("%smust be an object"), place);
      entity = json_node_get_object (node);
      if (!get_key (entity, "id", place, line, &key, &string_id, error) ||
          !get_offset (json_object_get_member (entity, "start_offset")
                         ? json_object_get_member (entity, "start_offset")
                         : json_object_get_member (entity, "start"),
                       "start_offset", place, line, &span.start, error) ||
          !get_offset (json_object_get_member (entity, "end_offset")
                         ? json_object_get_member (entity, "end_offset")
                         : json_object_get_member (entity, "end"),
                       "end_offset", place, line, &span.end, error) ||
          !get_string (entity, "label", place, line, &span.label, error) ||
          !get_string (entity, "speaker", place, line, &span.speaker, error) ||
          !get_string (entity, "note", place, line, &span.note, error) ||
          !get_string (entity, "author", place, line, &span.author, error) ||
          !get_time (entity, "created", place, line, &span.created, error) ||
          !get_time (entity, "modified", place, line, &span.modified, error))
        return FALSE;
      span.key = key;
      span.id = string_id ? key : NULL;
      if (!add_span (record, &span, unit, place, line, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_labels (RptImportRecord  *record,
             JsonArray        *labels,
             RptOffsetUnit     unit,
             Line             *line,
             GError          **error)
{
  for (guint i = 0; i < json_array_get_length (labels); i++)
    {
      JsonNode *node = json_array_get_element (labels, i);
      g_autofree char *place = g_strdup_printf ("label[%u]: ", i);
      RptImportSpan span = { 0 };
      JsonArray *triple;

      span.created = span.modified = -1;
      if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (triple = json_node_get_array (node)) != 3 ||
          !is_type (json_array_get_element (triple, 2), G_TYPE_STRING))
        return fail (error, line, _("%smust be [start, end, \"Label\"]"), place);
      if (!get_offset (json_array_get_element (triple, 0), "start", place, line, &span.start, error) ||
          !get_offset (json_array_get_element (triple, 1), "end", place, line, &span.end, error))
        return FALSE;
      span.label = json_array_get_string_element (triple, 2);
      if (!add_span (record, &span, unit, place, line, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_relations (RptImportRecord  *record,
                JsonArray        *relations,
                Line             *line,
                GError          **error)
{
  for (guint i = 0; i < json_array_get_length (relations); i++)
    {
      JsonNode *node = json_array_get_element (relations, i);
      g_autofree char *place = g_strdup_printf ("relations[%u]: ", i);
      g_autofree char *id = NULL, *from = NULL, *to = NULL;
      g_autoptr(GError) reason = NULL;
      const char *type_name;
      RptRelationType type;
      gboolean string_id;
      JsonObject *relation;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (error, line, _("%smust be an object"), place);
      relation = json_node_get_object (node);
      if (!get_key (relation, "id", place, line, &id, &string_id, error) ||
          !get_key (relation, "from_id", place, line, &from, NULL, error) ||
          !get_key (relation, "to_id", place, line, &to, NULL, error) ||
          !get_string (relation, "type", place, line, &type_name, error))
        return FALSE;
      if (!_rpt_import_relation_type (type_name, &type))
        return fail (error, line, _("%sthe type “%s” is not rebuts, responds-to or supports"),
                     place, type_name ? type_name : "");
      if (!_rpt_import_record_add_relation (record, string_id ? id : NULL, type, from, to, &reason))
        return fail (error, line, "%s%s", place, reason->message);
    }
  return TRUE;
}

static gboolean
get_array (JsonObject  *object,
           const char  *member,
           Line        *line,
           JsonArray  **out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, line, _("“%s” must be a list"), member);
  *out = json_node_get_array (node);
  return TRUE;
}

/* Fails with @error for a bad line, or with @fatal past the limits. */
static gboolean
read_line (Line        *line,
           const char  *stem,
           const char  *data,
           gsize        len,
           GError     **error,
           GError     **fatal)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *id = NULL;
  const char *text, *title, *source, *unit_name;
  JsonArray *entities, *labels, *relations;
  RptOffsetUnit unit = _rpt_import_builder_get_options (line->builder)->offsets;
  RptImportRecord *record;
  JsonObject *object;
  JsonNode *root;

  if (!_rpt_import_check_json (line->name, line->line, data, len, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, data, (gssize) len, &parse_error))
    {
      /* json-glib says "<data>:1:14: Parse error: …": keep the column. */
      const char *message = parse_error->message;

      if (g_str_has_prefix (message, "<data>:1:"))
        return fail (error, line, _("column %s"), message + strlen ("<data>:1:"));
      return fail (error, line, _("not valid JSON: %s"), message);
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return fail (error, line, "%s", _("the line must hold one JSON object"));
  object = json_node_get_object (root);

  if (!get_key (object, "id", "", line, &id, NULL, error) ||
      !get_string (object, "text", "", line, &text, error) ||
      !get_string (object, "title", "", line, &title, error) ||
      !get_string (object, "source", "", line, &source, error) ||
      !get_string (object, "offset_unit", "", line, &unit_name, error) ||
      !get_array (object, "entities", line, &entities, error) ||
      !get_array (object, "label", line, &labels, error) ||
      !get_array (object, "relations", line, &relations, error))
    return FALSE;
  if (text == NULL)
    return fail (error, line, "%s", _("“text” is missing"));
  if (unit_name && !rpt_offset_unit_from_string (unit_name, &unit))
    return fail (error, line, _("“offset_unit” is “%s”, not codepoints, utf16 or bytes"), unit_name);

  {
    g_autoptr(GError) reason = NULL;

    record = _rpt_import_record_new (line->builder, id, stem, title, source ? source : line->name,
                                     text, strlen (text), &reason);
    if (record == NULL)
      return fail (error, line, "%s", reason->message);
  }
  if ((entities ? !read_entities (record, entities, unit, line, error)
                : labels ? !read_labels (record, labels, unit, line, error) : FALSE) ||
      (relations && !read_relations (record, relations, line, error)))
    {
      _rpt_import_record_free (record);
      return FALSE;
    }
  return _rpt_import_commit (line->builder, record, fatal);
}

gboolean
_rpt_import_jsonl (RptImportBuilder      *builder,
                   const RptImportInput  *input,
                   GError               **error)
{
  g_autofree char *base = g_path_get_basename (input->name);
  const char *data = input->data, *end = input->data + input->len;
  Line line = { builder, input->name, 0 };
  char *dot;

  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';
  if (input->len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    data += 3;

  while (data < end)
    {
      const char *eol = memchr (data, '\n', end - data);
      gsize len = (eol ? eol : end) - data;
      gboolean blank = TRUE;
      GError *bad = NULL;

      line.line++;
      for (gsize i = 0; i < len && blank; i++)
        blank = g_ascii_isspace (data[i]);
      if (!blank && !read_line (&line, base, data, len, &bad, error))
        {
          if (bad == NULL || !_rpt_import_bad_record (builder, bad, error))
            return FALSE;
        }
      data += len + (eol ? 1 : 0);
    }
  return TRUE;
}
