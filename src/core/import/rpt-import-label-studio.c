/* rpt-import-label-studio.c: Label Studio task lists (a JSON list of tasks,
 * or one task) with their first annotation, and the labelling configuration
 * for label colours, keys and hints. A task is one article: "data.text"
 * (or a flat "text"), "labels" results for spans, per-region "choices"
 * named "speaker" and "textarea" named "note", and "relation" results.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "rpt-import-private.h"

/* ---- The labelling configuration ---- */

typedef struct
{
  RptImportBuilder *builder;
  gboolean          in_labels;
  gboolean          in_speaker;
} Config;

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i]; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static void
config_start (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  Config *config = user_data;

  if (g_str_equal (element, "Labels"))
    config->in_labels = TRUE;
  else if (g_str_equal (element, "Choices"))
    config->in_speaker = g_strcmp0 (attribute (names, values, "name"), "speaker") == 0;
  else if (g_str_equal (element, "Label") && config->in_labels)
    {
      const char *hotkey = attribute (names, values, "hotkey");
      guint key = hotkey && g_ascii_isdigit (hotkey[0]) && hotkey[1] == '\0' ? (guint) (hotkey[0] - '0') : 0;

      if (key > 0)
        _rpt_import_set_shortcuts_given (config->builder);

      _rpt_import_declare_label (config->builder, attribute (names, values, "value"),
                                 attribute (names, values, "background"), key,
                                 attribute (names, values, "hint"));
    }
  else if (g_str_equal (element, "Choice") && config->in_speaker)
    _rpt_import_declare_speaker (config->builder, attribute (names, values, "value"));
}

static void
config_end (GMarkupParseContext  *context,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  Config *config = user_data;

  if (g_str_equal (element, "Labels"))
    config->in_labels = FALSE;
  else if (g_str_equal (element, "Choices"))
    config->in_speaker = FALSE;
}

void
_rpt_import_label_studio_config (RptImportBuilder     *builder,
                                 const RptImportInput *input)
{
  static const GMarkupParser parser = { config_start, config_end, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  Config config = { builder, FALSE, FALSE };
  const char *bad;

  /* GMarkup stops at a NUL byte without a word, and the name it was in
   * would come out cut short. */
  if (!g_utf8_validate_len (input->data, input->len, &bad))
    {
      guint line = 1;

      for (const char *p = input->data; p < bad; p++)
        line += *p == '\n';
      _rpt_import_warn (builder, *bad == '\0'
                                   ? _("%s: line %u: the file contains a NUL byte; label colours and keys were not read from it")
                                   : _("%s: line %u: the file is not valid UTF-8; label colours and keys were not read from it"),
                        input->name, line);
      return;
    }
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &config, NULL);
  if (!g_markup_parse_context_parse (context, input->data, (gssize) input->len, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    _rpt_import_warn (builder, _("%s: %s; label colours and keys were not read from it"),
                      input->name, error->message);
}

/* ---- Tasks ---- */

typedef struct
{
  RptImportBuilder *builder;
  const char       *name;
  guint             line;
  guint             number;    /* 1-based task number */
  gboolean          warned_types;
  gboolean          warned_relations;
} Task;

static gboolean
fail (GError     **error,
      Task        *task,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError     **error,
      Task        *task,
      const char  *format,
      ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID, _("%s: line %u: task %u: %s"),
               task->name, task->line, task->number, reason);
  return FALSE;
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static JsonObject *
object_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
array_member (JsonObject *object,
              const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The first string of a list member ("labels": ["Claim"]). */
static const char *
first_string (JsonObject *object,
              const char *member,
              guint      *n)
{
  JsonArray *array = array_member (object, member);
  JsonNode *node;

  *n = array ? json_array_get_length (array) : 0;
  if (*n == 0)
    return NULL;
  node = json_array_get_element (array, 0);
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static gboolean
get_offset (JsonObject *value,
            const char *member,
            guint64    *out)
{
  JsonNode *node = json_object_get_member (value, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0)
    return FALSE;
  *out = (guint64) json_node_get_int (node);
  return TRUE;
}

/* The annotation to import: the first one not cancelled. */
static JsonArray *
pick_results (Task       *task,
              JsonObject *object)
{
  JsonArray *annotations = array_member (object, "annotations");
  JsonArray *results = NULL;
  guint usable = 0;

  if (annotations == NULL)
    annotations = array_member (object, "completions");
  for (guint i = 0; annotations && i < json_array_get_length (annotations); i++)
    {
      JsonNode *node = json_array_get_element (annotations, i);
      JsonObject *annotation = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *cancelled = annotation ? json_object_get_member (annotation, "was_cancelled") : NULL;

      if (annotation == NULL || (cancelled && JSON_NODE_HOLDS_VALUE (cancelled) &&
                                 json_node_get_value_type (cancelled) == G_TYPE_BOOLEAN &&
                                 json_node_get_boolean (cancelled)))
        continue;
      if (usable++ == 0)
        results = array_member (annotation, "result");
    }
  if (usable > 1)
    _rpt_import_warn (task->builder, g_dngettext (GETTEXT_PACKAGE, "%s: line %u: task %u has %u annotation; the first is imported",
                                   "%s: line %u: task %u has %u annotations; the first is imported", usable),
                      task->name, task->line, task->number, usable);
  return results;
}

typedef struct
{
  const char *speaker;
  const char *note;
} Extras;

static gboolean
read_results (Task             *task,
              RptImportRecord  *record,
              JsonArray        *results,
              RptOffsetUnit     unit,
              GError          **error)
{
  g_autoptr(GHashTable) extras = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  guint n = results ? json_array_get_length (results) : 0;

  /* Speakers and notes are results of their own that share the region's
   * id: gather them first. */
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (results, i);
      JsonObject *result = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *type = string_member (result, "type"), *id = string_member (result, "id");
      const char *from = string_member (result, "from_name");
      JsonObject *value = object_member (result, "value");
      Extras *extra;
      guint count;

      if (id == NULL || value == NULL)
        continue;
      extra = g_hash_table_lookup (extras, id);
      if (extra == NULL)
        g_hash_table_insert (extras, (gpointer) id, extra = g_new0 (Extras, 1));
      if (g_strcmp0 (type, "choices") == 0 && g_strcmp0 (from, "speaker") == 0)
        extra->speaker = first_string (value, "choices", &count);
      else if (g_strcmp0 (type, "textarea") == 0 && g_strcmp0 (from, "note") == 0)
        extra->note = first_string (value, "text", &count);
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (results, i);
      JsonObject *result = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *type = string_member (result, "type"), *id = string_member (result, "id");
      JsonObject *value = object_member (result, "value");
      Extras *extra = id ? g_hash_table_lookup (extras, id) : NULL;
      RptImportSpan span = { 0 };
      g_autoptr(GError) reason = NULL;
      const char *label;
      guint n_labels;

      if (result == NULL)
        return fail (error, task, _("result %u must be an object"), i);
      if (g_strcmp0 (type, "labels") != 0)
        {
          if (!task->warned_types && g_strcmp0 (type, "relation") != 0 &&
              g_strcmp0 (type, "choices") != 0 && g_strcmp0 (type, "textarea") != 0)
            {
              task->warned_types = TRUE;
              _rpt_import_warn (task->builder, _("%s: results of type “%s” are not imported"),
                                task->name, type ? type : "");
            }
          continue;
        }
      if (value == NULL || !get_offset (value, "start", &span.start) || !get_offset (value, "end", &span.end))
        return fail (error, task, _("result %u: “value” needs whole-number “start” and “end”"), i);
      label = first_string (value, "labels", &n_labels);
      if (label == NULL)
        return fail (error, task, _("result %u: “value.labels” names no label"), i);
      span.key = id;
      span.id = id;
      span.label = label;
      span.speaker = extra ? extra->speaker : NULL;
      span.note = extra ? extra->note : NULL;
      span.quote = string_member (value, "text");
      span.created = span.modified = -1;
      if (!_rpt_import_record_add_span (record, &span, unit, &reason))
        return fail (error, task, _("result %u: %s"), i, reason->message);

      /* One region with several labels is one annotation per label. */
      for (guint k = 1; k < n_labels; k++)
        {
          JsonNode *other = json_array_get_element (array_member (value, "labels"), k);

          if (!JSON_NODE_HOLDS_VALUE (other) || json_node_get_value_type (other) != G_TYPE_STRING)
            continue;
          span.key = span.id = NULL;
          span.label = json_node_get_string (other);
          if (!_rpt_import_record_add_span (record, &span, unit, &reason))
            return fail (error, task, _("result %u: %s"), i, reason->message);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (results, i);
      JsonObject *result = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *from = string_member (result, "from_id"), *to = string_member (result, "to_id");
      const char *direction = string_member (result, "direction"), *type_name;
      g_autoptr(GError) reason = NULL;
      RptRelationType type;
      guint n_labels;

      if (g_strcmp0 (string_member (result, "type"), "relation") != 0)
        continue;
      type_name = first_string (result, "labels", &n_labels);
      if (!_rpt_import_relation_type (type_name, &type))
        {
          if (!task->warned_relations)
            _rpt_import_warn (task->builder,
                              _("%s: line %u: task %u: relations without the type rebuts, responds-to "
                                "or supports are not imported"), task->name, task->line, task->number);
          task->warned_relations = TRUE;
          continue;
        }
      if (g_strcmp0 (direction, "left") == 0)
        {
          const char *swap = from;
          from = to;
          to = swap;
        }
      if (!_rpt_import_record_add_relation (record, NULL, type, from, to, &reason))
        return fail (error, task, _("result %u: %s"), i, reason->message);
    }
  return TRUE;
}

/* Fails with @error for a bad task, or with @fatal past the limits. */
static gboolean
read_task (Task        *task,
           JsonNode    *node,
           GError     **error,
           GError     **fatal)
{
  RptOffsetUnit unit = _rpt_import_builder_get_options (task->builder)->offsets;
  g_autoptr(GError) reason = NULL;
  g_autofree char *id_text = NULL;
  JsonObject *object, *data;
  const char *text, *id, *unit_name;
  RptImportRecord *record;
  JsonNode *id_node;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, task, "%s", _("a task must be an object"));
  object = json_node_get_object (node);
  data = object_member (object, "data");
  if (data == NULL)
    data = object;
  if ((text = string_member (data, "text")) == NULL)
    return fail (error, task, "%s", _("“data.text” is missing or not a string"));
  if ((unit_name = string_member (data, "offset_unit")) && !rpt_offset_unit_from_string (unit_name, &unit))
    return fail (error, task, _("“data.offset_unit” is “%s”, not codepoints, utf16 or bytes"), unit_name);

  id = string_member (data, "article_id");
  id_node = json_object_get_member (object, "id");
  if (id == NULL && id_node && JSON_NODE_HOLDS_VALUE (id_node) &&
      json_node_get_value_type (id_node) == G_TYPE_INT64)
    id = id_text = g_strdup_printf ("task-%" G_GINT64_FORMAT, json_node_get_int (id_node));

  record = _rpt_import_record_new (task->builder, id, "task", string_member (data, "title"),
                                   string_member (data, "source") ? string_member (data, "source") : task->name,
                                   text, strlen (text), &reason);
  if (record == NULL)
    return fail (error, task, "%s", reason->message);
  if (!read_results (task, record, pick_results (task, object), unit, error))
    {
      _rpt_import_record_free (record);
      return FALSE;
    }
  return _rpt_import_commit (task->builder, record, fatal);
}

/* The line on which each element of the top-level list starts. */
static GArray *
element_lines (const char *data,
               gsize       len)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean in_string = FALSE, escaped = FALSE, expecting = FALSE;
  guint depth = 0, line = 1;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;
      if (in_string)
        {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (depth == 1 && expecting && !g_ascii_isspace (c) && c != ']')
        {
          g_array_append_val (lines, line);
          expecting = FALSE;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth == 1 && c == '[')
            expecting = TRUE;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
      else if (c == ',' && depth == 1)
        expecting = TRUE;
    }
  return lines;
}

gboolean
_rpt_import_label_studio (RptImportBuilder      *builder,
                          const RptImportInput  *input,
                          GError               **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GArray) lines = NULL;
  Task task = { builder, input->name, 1, 1 };
  const char *data = input->data;
  gsize len = input->len;
  JsonNode *root;

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    data += 3, len -= 3;
  if (!_rpt_import_check_json (input->name, 1, data, len, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, data, (gssize) len, &parse_error))
    {
      const char *message = parse_error->message;

      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID, _("%s: not valid JSON: line %s"), input->name, message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root && JSON_NODE_HOLDS_OBJECT (root))
    {
      GError *bad = NULL;

      if (!read_task (&task, root, &bad, error))
        return bad != NULL && _rpt_import_bad_record (builder, bad, error);
      return TRUE;
    }
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                   _("%s: not a Label Studio task list: the top level must be a list of tasks"), input->name);
      return FALSE;
    }

  lines = element_lines (data, len);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (root)); i++)
    {
      GError *bad = NULL;

      task.number = i + 1;
      task.line = i < lines->len ? g_array_index (lines, guint, i) : 1;
      if (!read_task (&task, json_array_get_element (json_node_get_array (root), i), &bad, error) &&
          (bad == NULL || !_rpt_import_bad_record (builder, bad, error)))
        return FALSE;
    }
  return TRUE;
}
