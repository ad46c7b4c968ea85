/* rpt-project-reader.c: reading the project file. Everything is checked
 * before a project is returned, and a refusal names the place and the reason.
 * json-glib 1.6 has no limits of its own, so size, encoding and nesting depth
 * are checked on the raw bytes first.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "rpt-core-private.h"
#include "rpt-project-io.h"
#include "rpt-project-private.h"
#include "rpt-safe-file.h"

static gboolean
refuse (GError     **error,
        const char  *place,
        const char  *format,
        ...) G_GNUC_PRINTF (3, 4);

static gboolean
refuse (GError     **error,
        const char  *place,
        const char  *format,
        ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  if (place != NULL)
    g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID, "%s: %s", place, reason);
  else
    g_set_error_literal (error, RPT_ERROR, RPT_ERROR_INVALID, reason);
  return FALSE;
}

/* 1-based line and column of byte @offset, for messages about raw bytes. */
static void
locate (const char *data,
        gsize       offset,
        guint      *line,
        guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) data[i] & 0xc0) != 0x80)
        (*column)++;
    }
}

static gboolean
check_raw_bytes (const char  *data,
                 gsize        len,
                 GError     **error)
{
  const char *bad = NULL;
  gboolean in_string = FALSE, escaped = FALSE, blank = TRUE, ended = FALSE;
  guint depth = 0;
  guint line, column;

  if (len > RPT_MAX_FILE_BYTES)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_TOO_LARGE,
                   _("the file is %" G_GSIZE_FORMAT " bytes; the limit is %" G_GSIZE_FORMAT),
                   len, RPT_MAX_FILE_BYTES);
      return FALSE;
    }

  if (!g_utf8_validate_len (data, len, &bad))
    {
      locate (data, bad - data, &line, &column);
      return refuse (error, NULL, _("line %u, column %u: the file is not valid UTF-8"), line, column);
    }

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          /* json-glib cuts a string at \u0000 without a word: a note or an
           * id would silently lose its tail. */
          if (escaped && c == 'u' && len - i > 4 && memcmp (data + i + 1, "0000", 4) == 0)
            {
              locate (data, i - 1, &line, &column);
              return refuse (error, NULL, _("line %u, column %u: a string contains \\u0000 (a NUL character)"),
                             line, column);
            }
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (!g_ascii_isspace (c))
        {
          /* json-glib reads the first of several top-level values and
           * ignores the rest ("{…} {…}", "{…} [1]"). */
          if (ended)
            {
              locate (data, i, &line, &column);
              return refuse (error, NULL, _("line %u, column %u: more data after the end of the project"),
                             line, column);
            }
          blank = FALSE;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '-' || g_ascii_isdigit (c))
        {
          /* json-glib 1.6 reads integers with strtoull and casts to gint64:
           * 2^64-1 becomes -1, and "-18446744073709551615" becomes 1. Refuse
           * integers beyond gint64 before it can misread them. */
          gsize j = i + (c == '-'), digits_start, digits;
          gboolean whole = TRUE;

          while (j < len && data[j] == '0')
            j++;
          digits_start = j;
          while (j < len && g_ascii_isdigit (data[j]))
            j++;
          digits = j - digits_start;
          for (; j < len && (g_ascii_isdigit (data[j]) || strchr ("+-.eE", data[j]) != NULL); j++)
            whole = FALSE;
          if (whole && (digits > 19 ||
                        (digits == 19 && memcmp (data + digits_start, "9223372036854775807", 19) > 0)))
            {
              locate (data, i, &line, &column);
              g_set_error (error, RPT_ERROR, RPT_ERROR_TOO_LARGE,
                           _("line %u, column %u: the number %.*s%s is out of range"), line, column,
                           (int) MIN (j - i, 24), data + i, j - i > 24 ? "…" : "");
              return FALSE;
            }
          i = j - 1;
        }
      else if (c == '{' || c == '[')
        {
          if (++depth > RPT_MAX_DEPTH)
            {
              locate (data, i, &line, &column);
              g_set_error (error, RPT_ERROR, RPT_ERROR_TOO_LARGE,
                           _("line %u, column %u: nested more than %u levels deep"),
                           line, column, RPT_MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == '}' || c == ']') && depth > 0)
        ended = --depth == 0;
    }

  if (blank)
    return refuse (error, NULL, _("the file is empty"));
  return TRUE;
}

/* ---- Typed member access ---- */

typedef struct
{
  JsonObject *object;
  const char *place;   /* "annotations[3]" */
} Item;

static JsonNode *
get_member (Item        *item,
            const char  *name,
            gboolean     required,
            GError     **error)
{
  JsonNode *node = json_object_get_member (item->object, name);

  if (node == NULL && required)
    refuse (error, item->place, _("the member “%s” is missing"), name);
  return node;
}

/* Reads a string member. Absent optional members and null give NULL. */
static gboolean
get_string (Item         *item,
            const char   *name,
            gboolean      required,
            const char  **out,
            GError      **error)
{
  JsonNode *node = get_member (item, name, required, error);
  const char *value;

  *out = NULL;
  if (node == NULL)
    return !required;
  if (!required && JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return refuse (error, item->place, _("“%s” must be a string"), name);

  value = json_node_get_string (node);
  if (!g_utf8_validate (value, -1, NULL))
    return refuse (error, item->place, _("“%s” is not valid UTF-8"), name);
  *out = value;
  return TRUE;
}

static gboolean
get_id (Item         *item,
        const char   *name,
        gboolean      required,
        const char  **out,
        GError      **error)
{
  if (!get_string (item, name, required, out, error))
    return FALSE;
  if (*out == NULL)
    return TRUE;
  if (**out == '\0')
    return refuse (error, item->place, _("“%s” is empty"), name);
  if (strlen (*out) > RPT_MAX_ID_BYTES)
    return refuse (error, item->place, _("“%s” is longer than %d bytes"), name, RPT_MAX_ID_BYTES);
  for (const char *p = *out; *p; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return refuse (error, item->place, _("“%s” contains a control character"), name);
  return TRUE;
}

static gboolean
get_uint (Item        *item,
          const char  *name,
          gboolean     required,
          guint        max,
          guint       *out,
          GError     **error)
{
  JsonNode *node = get_member (item, name, required, error);
  gint64 value;

  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return refuse (error, item->place, _("“%s” must be a whole number"), name);
  value = json_node_get_int (node);
  if (value < 0)
    return refuse (error, item->place, _("“%s” is negative (%" G_GINT64_FORMAT ")"), name, value);
  if (value > max)
    return refuse (error, item->place, _("“%s” is %" G_GINT64_FORMAT "; the largest allowed is %u"),
                   name, value, max);
  *out = (guint) value;
  return TRUE;
}

static gboolean
get_time (Item        *item,
          const char  *name,
          gint64      *out,
          GError     **error)
{
  g_autoptr(GDateTime) dt = NULL;
  const char *str;

  *out = -1;
  if (!get_string (item, name, FALSE, &str, error))
    return FALSE;
  if (str == NULL)
    return TRUE;
  dt = g_date_time_new_from_iso8601 (str, NULL);
  if (dt == NULL)
    return refuse (error, item->place, _("“%s” is not an ISO 8601 date and time: “%s”"), name, str);
  *out = g_date_time_to_unix (dt) * G_USEC_PER_SEC;
  return TRUE;
}

/* Iterates the objects of a top-level array member. */
static JsonArray *
get_array (JsonObject  *root,
           const char  *name,
           GError     **error)
{
  JsonNode *node = json_object_get_member (root, name);

  if (node == NULL)
    {
      refuse (error, name, _("the member is missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      refuse (error, name, _("must be an array"));
      return NULL;
    }
  return json_node_get_array (node);
}

static gboolean
get_item (JsonArray   *array,
          const char  *name,
          guint        index,
          char       **place,
          Item        *item,
          GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  g_free (*place);
  *place = g_strdup_printf ("%s[%u]", name, index);
  item->place = *place;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return refuse (error, *place, _("must be an object"));
  item->object = json_node_get_object (node);
  return TRUE;
}

static gboolean
check_unique (GHashTable  *seen,
              const char  *id,
              const char  *place,
              GError     **error)
{
  const char *first = g_hash_table_lookup (seen, id);

  if (first != NULL)
    return refuse (error, place, _("the id “%s” is already used by %s"), id, first);
  g_hash_table_insert (seen, (gpointer) id, g_strdup (place));
  return TRUE;
}

/* ---- Sections ---- */

static gboolean
read_labels (RptProject  *project,
             JsonObject  *root,
             GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *place = NULL;
  const char *by_key[10] = { NULL };
  JsonArray *array;
  Item item;

  if (!(array = get_array (root, "labels", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RptLabel) label = NULL;
      const char *id, *name, *color, *description;
      guint shortcut = 0;

      if (!get_item (array, "labels", i, &place, &item, error) ||
          !get_id (&item, "id", TRUE, &id, error) ||
          !get_string (&item, "name", TRUE, &name, error) ||
          !get_string (&item, "color", TRUE, &color, error) ||
          !get_uint (&item, "shortcut", FALSE, 9, &shortcut, error) ||
          !get_string (&item, "description", FALSE, &description, error))
        return FALSE;
      if (*name == '\0')
        return refuse (error, place, _("“name” is empty"));
      if (!rpt_color_is_valid (color))
        return refuse (error, place, _("“color” must look like #rrggbb, not “%s”"), color);
      if (shortcut != 0 && by_key[shortcut] != NULL)
        return refuse (error, place, _("the shortcut %u is already used by %s"), shortcut, by_key[shortcut]);
      if (!check_unique (seen, id, place, error))
        return FALSE;
      if (shortcut != 0)
        by_key[shortcut] = g_hash_table_lookup (seen, id);

      label = rpt_label_new (id, name, color, shortcut, description);
      _rpt_project_load_label (project, label);
    }
  return TRUE;
}

static gboolean
read_speakers (RptProject  *project,
               JsonObject  *root,
               GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *place = NULL;
  JsonArray *array;
  Item item;

  if (!(array = get_array (root, "speakers", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RptSpeaker) speaker = NULL;
      const char *id, *name;

      if (!get_item (array, "speakers", i, &place, &item, error) ||
          !get_id (&item, "id", TRUE, &id, error) ||
          !get_string (&item, "name", TRUE, &name, error) ||
          !check_unique (seen, id, place, error))
        return FALSE;
      if (*name == '\0')
        return refuse (error, place, _("“name” is empty"));

      speaker = rpt_speaker_new (id, name);
      _rpt_project_load_speaker (project, speaker);
    }
  return TRUE;
}

static gboolean
read_documents (RptProject  *project,
                JsonObject  *root,
                GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *place = NULL;
  JsonArray *array;
  Item item;

  if (!(array = get_array (root, "documents", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RptDocument) document = NULL;
      const char *id, *title, *source, *text, *sha256;

      if (!get_item (array, "documents", i, &place, &item, error) ||
          !get_id (&item, "id", TRUE, &id, error) ||
          !get_string (&item, "title", TRUE, &title, error) ||
          !get_string (&item, "source", TRUE, &source, error) ||
          !get_string (&item, "sha256", TRUE, &sha256, error) ||
          !get_string (&item, "text", TRUE, &text, error) ||
          !check_unique (seen, id, place, error))
        return FALSE;

      document = rpt_document_new (id, title, source, text);
      if (rpt_document_get_length (document) > RPT_MAX_ARTICLE_CHARS)
        {
          g_set_error (error, RPT_ERROR, RPT_ERROR_TOO_LARGE,
                       _("%s.text: %u characters; the limit is %u"), place,
                       rpt_document_get_length (document), RPT_MAX_ARTICLE_CHARS);
          return FALSE;
        }
      if (g_ascii_strcasecmp (sha256, rpt_document_get_sha256 (document)) != 0)
        return refuse (error, place,
                       _("“sha256” does not match the text (the text hashes to %s): "
                         "the text was changed outside Repartee"),
                       rpt_document_get_sha256 (document));
      _rpt_project_load_document (project, document);
    }
  return TRUE;
}

static gboolean
read_annotations (RptProject  *project,
                  JsonObject  *root,
                  GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *place = NULL;
  JsonArray *array;
  Item item;
  guint n;

  if (!(array = get_array (root, "annotations", error)))
    return FALSE;
  n = json_array_get_length (array);
  if (n > RPT_MAX_ANNOTATIONS)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_TOO_LARGE,
                   _("annotations: %u annotations; the limit is %u"), n, RPT_MAX_ANNOTATIONS);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RptAnnotation) annotation = NULL;
      const char *id, *doc_id, *label, *speaker, *note, *author;
      guint start = 0, end = 0, length;
      gint64 created, modified;
      RptDocument *document;
      g_autofree char *end_place = NULL;

      if (!get_item (array, "annotations", i, &place, &item, error) ||
          !get_id (&item, "id", TRUE, &id, error) ||
          !get_id (&item, "document", TRUE, &doc_id, error) ||
          !get_uint (&item, "start", TRUE, G_MAXUINT, &start, error) ||
          !get_uint (&item, "end", TRUE, G_MAXUINT, &end, error) ||
          !get_id (&item, "label", TRUE, &label, error) ||
          !get_string (&item, "speaker", FALSE, &speaker, error) ||
          !get_string (&item, "note", FALSE, &note, error) ||
          !get_string (&item, "author", FALSE, &author, error) ||
          !get_time (&item, "created", &created, error) ||
          !get_time (&item, "modified", &modified, error) ||
          !check_unique (seen, id, place, error))
        return FALSE;

      if (!(document = rpt_project_get_document (project, doc_id)))
        return refuse (error, place, _("“document” refers to “%s”, which is not among the documents"), doc_id);
      if (!rpt_project_get_label (project, label))
        return refuse (error, place, _("“label” refers to “%s”, which is not among the labels"), label);
      if (speaker && *speaker && !rpt_project_get_speaker (project, speaker))
        return refuse (error, place, _("“speaker” refers to “%s”, which is not among the speakers"), speaker);

      length = rpt_document_get_length (document);
      end_place = g_strdup_printf ("%s.end", place);
      if (end <= start)
        return refuse (error, end_place, _("%u is not after the start (%u)"), end, start);
      if (end > length)
        return refuse (error, end_place, _("%u is past the end of document “%s” (%u characters)"),
                       end, doc_id, length);

      annotation = _rpt_annotation_new (id, doc_id, start, end, label, speaker, note, author,
                                        created, modified);
      _rpt_project_load_annotation (project, annotation);
    }
  return TRUE;
}

static gboolean
read_relations (RptProject  *project,
                JsonObject  *root,
                GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *place = NULL;
  JsonArray *array;
  Item item;

  if (!(array = get_array (root, "relations", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RptRelation) relation = NULL;
      g_autofree char *key = NULL;
      const char *id, *type_name, *from, *to;
      RptRelationType type;

      if (!get_item (array, "relations", i, &place, &item, error) ||
          !get_id (&item, "id", TRUE, &id, error) ||
          !get_string (&item, "type", TRUE, &type_name, error) ||
          !get_id (&item, "from", TRUE, &from, error) ||
          !get_id (&item, "to", TRUE, &to, error) ||
          !check_unique (seen, id, place, error))
        return FALSE;
      if (!rpt_relation_type_from_string (type_name, &type))
        return refuse (error, place,
                       _("“type” is “%s”; it must be “rebuts”, “responds-to” or “supports”"), type_name);
      if (!rpt_project_get_annotation (project, from))
        return refuse (error, place, _("“from” refers to “%s”, which is not among the annotations"), from);
      if (!rpt_project_get_annotation (project, to))
        return refuse (error, place, _("“to” refers to “%s”, which is not among the annotations"), to);
      if (g_strcmp0 (from, to) == 0)
        return refuse (error, place, _("links the annotation “%s” to itself"), from);

      key = g_strdup_printf ("%s\x1f%s\x1f%s", type_name, from, to);
      if (g_hash_table_contains (links, key))
        return refuse (error, place, _("repeats %s"), (char *) g_hash_table_lookup (links, key));
      g_hash_table_insert (links, g_steal_pointer (&key), g_strdup (place));

      relation = _rpt_relation_new (id, type, from, to);
      _rpt_project_load_relation (project, relation);
    }
  return TRUE;
}

/* Two annotations with the same span and label are one too many; after
 * sorting they sit next to each other (same start and end). */
static gboolean
check_duplicate_spans (RptProject  *project,
                       GError     **error)
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
                return refuse (error, "annotations",
                               _("“%s” and “%s” tag the same span of “%s” with the same label"),
                               rpt_annotation_get_id (a), rpt_annotation_get_id (b),
                               rpt_document_get_id (document));
            }
        }
    }
  return TRUE;
}

RptProject *
rpt_project_load_from_data (const char  *data,
                            gsize        len,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(RptProject) project = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;
  JsonObject *object;
  Item top = { NULL, NULL };
  const char *format;
  guint version = 0;

  if (!check_raw_bytes (data, len, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &parse_error))
    {
      const char *message = parse_error->message;

      /* json-glib says "<data>:3:14: Parse error: …" */
      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      refuse (error, NULL, _("not valid JSON: %s"), message);
      return NULL;
    }

  /* json-glib also takes JavaScript: "var project = {…};". */
  if (json_parser_has_assignment (parser, NULL))
    {
      refuse (error, NULL, _("not valid JSON: the file is a JavaScript assignment"));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      refuse (error, NULL, _("the file is not a Repartee project: the top level must be an object"));
      return NULL;
    }
  object = json_node_get_object (root);
  top.object = object;
  top.place = "(top level)";

  if (!get_string (&top, "format", TRUE, &format, error))
    return NULL;
  if (g_strcmp0 (format, RPT_PROJECT_FORMAT) != 0)
    {
      refuse (error, "format", _("“%s” is not a Repartee project (expected “%s”)"), format,
              RPT_PROJECT_FORMAT);
      return NULL;
    }
  if (!get_uint (&top, "version", TRUE, G_MAXUINT, &version, error))
    return NULL;
  if (version == 0 || version > RPT_PROJECT_VERSION)
    {
      refuse (error, "version",
              _("version %u is not supported; this Repartee reads version %d: update Repartee"),
              version, RPT_PROJECT_VERSION);
      return NULL;
    }

  project = rpt_project_new_empty ();
  if (!read_labels (project, object, error) ||
      !read_speakers (project, object, error) ||
      !read_documents (project, object, error) ||
      !read_annotations (project, object, error) ||
      !read_relations (project, object, error))
    return NULL;

  _rpt_project_load_finish (project);
  if (!check_duplicate_spans (project, error))
    return NULL;

  return g_steal_pointer (&project);
}

RptProject *
rpt_project_load_from_file (const char  *path,
                            GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  RptProject *project;
  gsize len;
  const char *data;

  bytes = rpt_safe_file_read (path, RPT_MAX_FILE_BYTES, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &len);
  project = rpt_project_load_from_data (data ? data : "", len, &local_error);
  if (project == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, local_error->domain, local_error->code, "%s: %s", display, local_error->message);
    }
  return project;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  RptProject *project = rpt_project_load_from_file (task_data, &error);

  if (project)
    g_task_return_pointer (task, project, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
rpt_project_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  char *path;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rpt_project_load_async);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_task_return_new_error (task, RPT_ERROR, RPT_ERROR_IO, "%s", _("Only local files can be opened"));
      return;
    }
  g_task_set_task_data (task, path, g_free);
  g_task_run_in_thread (task, load_thread);
}

RptProject *
rpt_project_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
