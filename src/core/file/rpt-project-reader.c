/* rpt-project-reader.c: reading the project file. Everything is checked
 * before a project is returned, and a refusal names the place and the
 * reason: "annotations[3].end: 812 is past the end of document “d2” (640
 * characters)". The raw bytes are checked first (rpt-json-guard.c), since
 * json-glib 1.6 has no limits of its own.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-File"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>

#include "rpt-core-private.h"
#include "rpt-json-guard.h"
#include "rpt-project-io.h"
#include "rpt-project-loader.h"
#include "rpt-project-private.h"
#include "rpt-reanchor-private.h"

#define refuse(error, place, ...) _rpt_refuse_code (error, RPT_ERROR_INVALID, place, __VA_ARGS__)

/* ---- Typed member access ---- */

typedef struct
{
  JsonObject *object;
  const char *place;   /* "annotations[3]", or NULL for the top level */
} Item;

/* Translators: the kinds of JSON value below complete messages such as
 * "must be a string, not null"; "null", "true" and "false" are JSON words. */
static const char *
describe (JsonNode *node)
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
member_place (Item       *item,
              const char *name)
{
  return item->place ? g_strdup_printf ("%s.%s", item->place, name) : g_strdup (name);
}

static gboolean
refuse_member (GError     **error,
               RptError     code,
               Item        *item,
               const char  *name,
               const char  *format,
               ...) G_GNUC_PRINTF (5, 6);

static gboolean
refuse_member (GError     **error,
               RptError     code,
               Item        *item,
               const char  *name,
               const char  *format,
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

/* A string member. An absent or null optional member gives NULL. */
static gboolean
get_string (Item         *item,
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
    return refuse_member (error, RPT_ERROR_INVALID, item, name, _("must be a string, not %s"),
                          describe (node));
  *out = json_node_get_string (node);
  /* The raw bytes were valid UTF-8, but escapes could still make a bad one. */
  if (!g_utf8_validate (*out, -1, NULL))
    return refuse_member (error, RPT_ERROR_INVALID, item, name, _("is not valid UTF-8"));
  return TRUE;
}

static gboolean
get_id (Item         *item,
        const char   *name,
        gboolean      required,
        const char  **out,
        GError      **error)
{
  gsize len;

  if (!get_string (item, name, required, out, error))
    return FALSE;
  if (*out == NULL)
    return TRUE;
  len = strlen (*out);
  if (len == 0)
    return refuse_member (error, RPT_ERROR_INVALID, item, name, _("must not be empty"));
  if (len > RPT_MAX_ID_BYTES)
    return refuse_member (error, RPT_ERROR_TOO_LARGE, item, name,
                          g_dngettext (GETTEXT_PACKAGE, "is %zu bytes long; the limit for an id is %d",
                                       "is %zu bytes long; the limit for an id is %d", len),
                          len, RPT_MAX_ID_BYTES);
  if (!_rpt_id_is_valid (*out))
    return refuse_member (error, RPT_ERROR_INVALID, item, name, _("contains a control character"));
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
    return refuse_member (error, RPT_ERROR_INVALID, item, name, _("must be a whole number, not %s"),
                          describe (node));
  value = json_node_get_int (node);
  if (value < 0)
    return refuse_member (error, RPT_ERROR_INVALID, item, name, _("%" PRId64 " is negative"),
                          value);
  if (value > max)
    return refuse_member (error, RPT_ERROR_INVALID, item, name,
                          _("%" PRId64 " is too large (the largest allowed is %u)"), value, max);
  *out = (guint) value;
  return TRUE;
}

/* Times without a zone are UTC, so that a file reads the same everywhere;
 * what could not be written back is refused (rpt_json_guard_time). */
static gboolean
get_time (Item        *item,
          const char  *name,
          gint64      *out,
          GError     **error)
{
  g_autoptr(GError) reason = NULL;
  const char *str;

  *out = -1;
  if (!get_string (item, name, FALSE, &str, error))
    return FALSE;
  if (str == NULL)
    return TRUE;
  if (!rpt_json_guard_time (str, out, &reason))
    return refuse_member (error, RPT_ERROR_INVALID, item, name, "%s", reason->message);
  return TRUE;
}

/* A top-level array member. */
static JsonArray *
get_array (JsonObject  *root,
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
      refuse (error, name, _("must be an array, not %s"), describe (node));
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
    return refuse (error, *place, _("must be an object, not %s"), describe (node));
  item->object = json_node_get_object (node);
  return TRUE;
}

/* @seen maps a key to the place that first used it. */
static const char *
remember (GHashTable *seen,
          const char *key,
          const char *place)
{
  const char *first = g_hash_table_lookup (seen, key);

  if (first == NULL)
    g_hash_table_insert (seen, g_strdup (key), g_strdup (place));
  return first;
}

static GHashTable *
places_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static gboolean
check_unique_id (GHashTable  *seen,
                 Item        *item,
                 const char  *id,
                 GError     **error)
{
  const char *first = remember (seen, id, item->place);

  if (first != NULL)
    return refuse_member (error, RPT_ERROR_INVALID, item, "id", _("“%s” is already the id of %s"), id, first);
  return TRUE;
}

static gboolean
check_unique_name (GHashTable  *seen,
                   Item        *item,
                   const char  *name,
                   GError     **error)
{
  g_autofree char *key = g_utf8_casefold (name, -1);
  const char *first;

  if (*name == '\0')
    return refuse_member (error, RPT_ERROR_INVALID, item, "name", _("must not be empty"));
  if ((first = remember (seen, key, item->place)) != NULL)
    return refuse_member (error, RPT_ERROR_INVALID, item, "name", _("“%s” is already the name of %s"),
                          name, first);
  return TRUE;
}

/* What one load shares between sections. */
typedef struct
{
  RptProjectLoader  *loader;
  RptLoadFlags       flags;
  GHashTable        *changed;  /* id of a document whose text changed -> GArray of jobs */
  GHashTable        *ids;      /* annotation and orphan ids -> the place that used it first */
  RptReanchorReport *report;
} Load;

/* ---- Sections ---- */

static gboolean
read_labels (RptProjectLoader  *loader,
             JsonObject        *root,
             GError           **error)
{
  g_autoptr(GHashTable) ids = places_table ();
  g_autoptr(GHashTable) names = places_table ();
  g_autofree char *place = NULL;
  char *by_key[10] = { NULL };
  JsonArray *array;
  Item item;
  gboolean ok = TRUE;

  if (!(array = get_array (root, "labels", error)))
    return FALSE;

  for (guint i = 0; ok && i < json_array_get_length (array); i++)
    {
      g_autoptr(RptLabel) label = NULL;
      const char *id, *name, *color, *description;
      guint shortcut = 0;

      if (!get_item (array, "labels", i, &place, &item, error) ||
          !get_id (&item, "id", TRUE, &id, error) ||
          !get_string (&item, "name", TRUE, &name, error) ||
          !get_string (&item, "color", TRUE, &color, error) ||
          !get_uint (&item, "shortcut", FALSE, 9, &shortcut, error) ||
          !get_string (&item, "description", FALSE, &description, error) ||
          !check_unique_id (ids, &item, id, error) ||
          !check_unique_name (names, &item, name, error))
        {
          ok = FALSE;
          break;
        }
      if (!rpt_color_is_valid (color))
        ok = refuse_member (error, RPT_ERROR_INVALID, &item, "color",
                            _("“%s” is not a colour of the form #rrggbb"), color);
      else if (shortcut != 0 && by_key[shortcut] != NULL)
        ok = refuse_member (error, RPT_ERROR_INVALID, &item, "shortcut",
                            _("%u is already the shortcut of %s"), shortcut, by_key[shortcut]);
      if (!ok)
        break;
      if (shortcut != 0)
        by_key[shortcut] = g_strdup (place);

      label = rpt_label_new (id, name, color, shortcut, description);
      rpt_project_loader_add_label (loader, label);
    }

  for (guint k = 0; k < G_N_ELEMENTS (by_key); k++)
    g_free (by_key[k]);
  return ok;
}

static gboolean
read_speakers (RptProjectLoader  *loader,
               JsonObject        *root,
               GError           **error)
{
  g_autoptr(GHashTable) ids = places_table ();
  g_autoptr(GHashTable) names = places_table ();
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
          !check_unique_id (ids, &item, id, error) ||
          !check_unique_name (names, &item, name, error))
        return FALSE;

      speaker = rpt_speaker_new (id, name);
      rpt_project_loader_add_speaker (loader, speaker);
    }
  return TRUE;
}

static gboolean
read_documents (JsonObject  *root,
                Load        *load,
                GError     **error)
{
  g_autoptr(GHashTable) ids = places_table ();
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
          !check_unique_id (ids, &item, id, error))
        return FALSE;

      document = rpt_document_new (id, title, source, text);
      if (rpt_document_get_length (document) > RPT_MAX_ARTICLE_CHARS)
        return refuse_member (error, RPT_ERROR_TOO_LARGE, &item, "text",
                              g_dngettext (GETTEXT_PACKAGE, "%u characters; the limit is %u",
                                           "%u characters; the limit is %u",
                                           rpt_document_get_length (document)),
                              rpt_document_get_length (document), RPT_MAX_ARTICLE_CHARS);
      if (g_ascii_strcasecmp (sha256, rpt_document_get_sha256 (document)) != 0)
        {
          if (!(load->flags & RPT_LOAD_REANCHOR))
            return refuse_member (error, RPT_ERROR_TEXT_CHANGED, &item, "sha256",
                                  _("does not match the text, which hashes to %s: the text of “%s” "
                                    "was changed outside Repartee. To place its annotations again by "
                                    "their quotes, re-anchor the project (repartee-tool reanchor)"),
                                  rpt_document_get_sha256 (document), id);
          g_hash_table_insert (load->changed, g_strdup (id), _rpt_anchor_jobs_new ());
        }
      rpt_project_loader_add_document (load->loader, document);
    }
  return TRUE;
}

/* "quote", "prefix" and "suffix": optional for annotations, required for
 * orphans. */
static gboolean
get_anchor (Item         *item,
            gboolean      required,
            const char  **quote,
            const char  **prefix,
            const char  **suffix,
            GError      **error)
{
  return get_string (item, "quote", required, quote, error) &&
         get_string (item, "prefix", required, prefix, error) &&
         get_string (item, "suffix", required, suffix, error);
}

/* A quote or context that disagrees with the text it claims to come from. */
static gboolean
refuse_anchor (GError      **error,
               Item         *item,
               const char   *member,
               RptDocument  *document,
               guint         start,
               guint         end)
{
  const char *doc_id = rpt_document_get_id (document);

  if (g_str_equal (member, "quote"))
    {
      g_autofree char *text = rpt_document_dup_slice (document, start, MIN (end, start + 40));

      return refuse_member (error, RPT_ERROR_INVALID, item, member,
                            _("is not the text at %u–%u of document “%s”, which begins “%s”"),
                            start, end, doc_id, text);
    }
  if (g_str_equal (member, "prefix"))
    return refuse_member (error, RPT_ERROR_INVALID, item, member,
                          _("is not the text before %u in document “%s”"), start, doc_id);
  return refuse_member (error, RPT_ERROR_INVALID, item, member,
                        _("is not the text after %u in document “%s”"), end, doc_id);
}

/* The members an annotation and an orphan share, checked with their
 * references. */
typedef struct
{
  const char  *id, *doc_id, *label, *speaker, *note, *author, *quote, *prefix, *suffix;
  guint        start, end;
  gint64       created, modified;
  RptDocument *document;
} Fields;

static gboolean
read_fields (RptProject  *project,
             Item        *item,
             gboolean     orphan,
             GHashTable  *ids,
             Fields      *f,
             GError     **error)
{
  f->start = f->end = 0;
  if (!get_id (item, "id", TRUE, &f->id, error) ||
      !get_id (item, "document", TRUE, &f->doc_id, error) ||
      !get_uint (item, "start", TRUE, G_MAXUINT, &f->start, error) ||
      !get_uint (item, "end", TRUE, G_MAXUINT, &f->end, error) ||
      !get_id (item, "label", TRUE, &f->label, error) ||
      !get_string (item, "speaker", FALSE, &f->speaker, error) ||
      !get_string (item, "note", FALSE, &f->note, error) ||
      !get_string (item, "author", FALSE, &f->author, error) ||
      !get_time (item, "created", &f->created, error) ||
      !get_time (item, "modified", &f->modified, error) ||
      !get_anchor (item, orphan, &f->quote, &f->prefix, &f->suffix, error) ||
      !check_unique_id (ids, item, f->id, error))
    return FALSE;

  if (!(f->document = rpt_project_get_document (project, f->doc_id)))
    return refuse_member (error, RPT_ERROR_INVALID, item, "document",
                          _("“%s” is not the id of any document"), f->doc_id);
  if (!rpt_project_get_label (project, f->label))
    return refuse_member (error, RPT_ERROR_INVALID, item, "label",
                          _("“%s” is not the id of any label"), f->label);
  if (f->speaker && *f->speaker && !rpt_project_get_speaker (project, f->speaker))
    return refuse_member (error, RPT_ERROR_INVALID, item, "speaker",
                          _("“%s” is not the id of any speaker"), f->speaker);
  if (f->end <= f->start)
    return refuse_member (error, RPT_ERROR_INVALID, item, "end",
                          _("%u is not after the start (%u)"), f->end, f->start);
  return TRUE;
}

static RptAnnotation *
new_annotation (const Fields *f)
{
  return _rpt_annotation_new (f->id, f->doc_id, f->start, f->end, f->label, f->speaker, f->note,
                              f->author, f->created, f->modified);
}

static gboolean
read_annotations (JsonObject  *root,
                  Load        *load,
                  GError     **error)
{
  RptProject *project = rpt_project_loader_get_project (load->loader);
  g_autoptr(GHashTable) spans = places_table ();
  g_autofree char *place = NULL;
  JsonArray *array;
  Item item;
  guint n;

  if (!(array = get_array (root, "annotations", error)))
    return FALSE;
  n = json_array_get_length (array);
  if (n > RPT_MAX_ANNOTATIONS)
    return _rpt_refuse_code (error, RPT_ERROR_TOO_LARGE, "annotations",
                        g_dngettext (GETTEXT_PACKAGE, "%u annotations; the limit is %u",
                                     "%u annotations; the limit is %u", n),
                        n, RPT_MAX_ANNOTATIONS);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RptAnnotation) annotation = NULL;
      g_autofree char *span = NULL;
      const char *first, *wrong;
      guint length;
      GArray *jobs;
      Fields f;

      if (!get_item (array, "annotations", i, &place, &item, error) ||
          !read_fields (project, &item, FALSE, load->ids, &f, error))
        return FALSE;

      /* In a text that changed, the offsets are re-anchored later. */
      if ((jobs = g_hash_table_lookup (load->changed, f.doc_id)) != NULL)
        {
          annotation = new_annotation (&f);
          _rpt_anchor_jobs_add (jobs, annotation, f.quote, f.prefix, f.suffix, FALSE);
          continue;
        }

      length = rpt_document_get_length (f.document);
      if (f.end > length)
        return refuse_member (error, RPT_ERROR_INVALID, &item, "end",
                              g_dngettext (GETTEXT_PACKAGE, "%u is past the end of document “%s” (%u character)",
                                           "%u is past the end of document “%s” (%u characters)", length),
                              f.end, f.doc_id, length);

      /* Ids hold no control characters, so \x1f separates safely. */
      span = g_strdup_printf ("%s\x1f%u\x1f%u\x1f%s", f.doc_id, f.start, f.end, f.label);
      if ((first = remember (spans, span, place)) != NULL)
        return refuse (error, place, _("tags the same span of document “%s” with the same label as %s"),
                       f.doc_id, first);
      if ((wrong = _rpt_anchor_check (f.document, f.start, f.end, f.quote, f.prefix, f.suffix)) != NULL)
        return refuse_anchor (error, &item, wrong, f.document, f.start, f.end);

      annotation = new_annotation (&f);
      rpt_project_loader_add_annotation (load->loader, annotation);
    }
  return TRUE;
}

/* Optional: only files with orphans have it. The shape of an annotation,
 * with its quote and context required, and start and end where it last
 * was, in an older text. */
static gboolean
read_orphans (JsonObject  *root,
              Load        *load,
              GError     **error)
{
  RptProject *project = rpt_project_loader_get_project (load->loader);
  g_autofree char *place = NULL;
  JsonArray *array;
  Item item;
  guint n, n_annotations;

  if (!json_object_has_member (root, "orphans"))
    return TRUE;
  if (!(array = get_array (root, "orphans", error)))
    return FALSE;
  n = json_array_get_length (array);
  n_annotations = g_hash_table_size (load->ids);
  if (n > RPT_MAX_ANNOTATIONS - n_annotations)
    return _rpt_refuse_code (error, RPT_ERROR_TOO_LARGE, "orphans",
                        g_dngettext (GETTEXT_PACKAGE, "%u annotations and orphans; the limit is %u",
                                     "%u annotations and orphans; the limit is %u", n_annotations + n),
                        n_annotations + n,
                        RPT_MAX_ANNOTATIONS);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RptAnnotation) orphan = NULL;
      GArray *jobs;
      Fields f;

      if (!get_item (array, "orphans", i, &place, &item, error) ||
          !read_fields (project, &item, TRUE, load->ids, &f, error))
        return FALSE;

      orphan = new_annotation (&f);
      /* A text that changed gets another try at placing its orphans. */
      if ((jobs = g_hash_table_lookup (load->changed, f.doc_id)) != NULL)
        _rpt_anchor_jobs_add (jobs, orphan, f.quote, f.prefix, f.suffix, TRUE);
      else
        {
          _rpt_annotation_set_anchor (orphan, f.quote, f.prefix, f.suffix);
          rpt_project_loader_add_orphan (load->loader, orphan);
        }
    }
  return TRUE;
}

/* Every annotation and orphan of a changed text, placed or orphaned, in
 * the documents' order. */
static void
reanchor_changed (Load *load)
{
  GListModel *documents = rpt_project_get_documents (rpt_project_loader_get_project (load->loader));

  if (g_hash_table_size (load->changed) == 0)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(RptDocument) document = g_list_model_get_item (documents, i);
      GArray *jobs = g_hash_table_lookup (load->changed, rpt_document_get_id (document));

      if (jobs != NULL)
        _rpt_project_reanchor_loaded (load->loader, document, jobs, load->report);
    }
}

static gboolean
exists (RptProject *project,
        const char *annotation_id)
{
  return rpt_project_get_annotation (project, annotation_id) || rpt_project_get_orphan (project, annotation_id);
}

static gboolean
read_relations (RptProjectLoader  *loader,
                JsonObject        *root,
                GError           **error)
{
  RptProject *project = rpt_project_loader_get_project (loader);
  g_autoptr(GHashTable) ids = places_table ();
  g_autoptr(GHashTable) links = places_table ();
  g_autofree char *place = NULL;
  JsonArray *array;
  Item item;

  if (!(array = get_array (root, "relations", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RptRelation) relation = NULL;
      g_autofree char *key = NULL;
      const char *id, *type_name, *from, *to, *first;
      RptRelationType type;

      if (!get_item (array, "relations", i, &place, &item, error) ||
          !get_id (&item, "id", TRUE, &id, error) ||
          !get_string (&item, "type", TRUE, &type_name, error) ||
          !get_id (&item, "from", TRUE, &from, error) ||
          !get_id (&item, "to", TRUE, &to, error) ||
          !check_unique_id (ids, &item, id, error))
        return FALSE;
      if (!rpt_relation_type_from_string (type_name, &type))
        return refuse_member (error, RPT_ERROR_INVALID, &item, "type",
                              _("“%s” is not one of “rebuts”, “responds-to”, “supports”"), type_name);
      if (!exists (project, from))
        return refuse_member (error, RPT_ERROR_INVALID, &item, "from",
                              _("“%s” is not the id of any annotation"), from);
      if (!exists (project, to))
        return refuse_member (error, RPT_ERROR_INVALID, &item, "to",
                              _("“%s” is not the id of any annotation"), to);
      if (g_str_equal (from, to))
        return refuse_member (error, RPT_ERROR_INVALID, &item, "to",
                              _("links the annotation “%s” to itself"), from);

      key = g_strdup_printf ("%s\x1f%s\x1f%s", type_name, from, to);
      if ((first = remember (links, key, place)) != NULL)
        return refuse (error, place, _("repeats %s (the same type, from and to)"), first);

      relation = _rpt_relation_new (id, type, from, to);
      rpt_project_loader_add_relation (loader, relation);
    }
  return TRUE;
}

RptProject *
rpt_project_load_from_data (const char  *data,
                            gsize        len,
                            GError     **error)
{
  return rpt_project_load_from_data_full (data, len, RPT_LOAD_DEFAULT, NULL, error);
}

RptProject *
rpt_project_load_from_data_full (const char          *data,
                                 gsize                len,
                                 RptLoadFlags         flags,
                                 RptReanchorReport  **report,
                                 GError             **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(RptProject) project = NULL;
  g_autoptr(RptProjectLoader) loader = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GHashTable) changed = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(RptReanchorReport) done = NULL;
  JsonNode *root;
  Item top = { NULL, NULL };
  const char *format;
  gboolean incomplete;
  guint version = 0;
  Load load = { NULL };

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (report == NULL || *report == NULL, NULL);

  if (flags & RPT_LOAD_REANCHOR)
    done = _rpt_reanchor_report_new ();

  /* Well-formed files take the one-pass reader (rpt-project-fast-reader.c);
   * whatever it does not take, json-glib reads and judges below. */
  if ((project = _rpt_project_read_fast (data, len)) != NULL)
    {
      if (report)
        *report = g_steal_pointer (&done);
      return g_steal_pointer (&project);
    }

  /* Some editors put a byte order mark in front of UTF-8; it is not JSON. */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  if (!rpt_json_guard_check (data ? data : "", len, &incomplete, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &parse_error))
    {
      if (incomplete)
        {
          g_autofree char *where = rpt_json_guard_locate (data, len);
          refuse (error, where, _("not valid JSON: the file ends in the middle; it may have been cut short"));
        }
      else
        rpt_json_guard_refuse_parse_error (parse_error->message, error);
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
      refuse (error, NULL, _("the top level is %s, not an object: this is not a Repartee project"),
              root ? describe (root) : C_("JSON top level", "empty"));
      return NULL;
    }
  top.object = json_node_get_object (root);

  if (!get_string (&top, "format", TRUE, &format, error))
    return NULL;
  if (!g_str_equal (format, RPT_PROJECT_FORMAT))
    {
      refuse (error, "format", _("“%s” is not “%s”: this is not a Repartee project"), format,
              RPT_PROJECT_FORMAT);
      return NULL;
    }
  if (!get_uint (&top, "version", TRUE, G_MAXUINT, &version, error))
    return NULL;
  if (version == 0)
    {
      refuse (error, "version", _("0 is not a version; versions start at 1"));
      return NULL;
    }
  if (version > RPT_PROJECT_VERSION)
    {
      refuse (error, "version",
              _("this file is version %u, newer than this Repartee reads (version %d): "
                "open it with a newer Repartee"),
              version, RPT_PROJECT_VERSION);
      return NULL;
    }

  loader = rpt_project_loader_new ();
  changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  ids = places_table ();
  load = (Load) { loader, flags, changed, ids, done };
  if (!read_labels (loader, top.object, error) ||
      !read_speakers (loader, top.object, error) ||
      !read_documents (top.object, &load, error) ||
      !read_annotations (top.object, &load, error) ||
      !read_orphans (top.object, &load, error))
    return NULL;
  reanchor_changed (&load);
  if (!read_relations (loader, top.object, error))
    return NULL;

  /* Repaired, not saved: the file on disk still has the old offsets. */
  if (g_hash_table_size (changed) > 0)
    rpt_project_loader_mark_repaired (loader);
  if (report)
    *report = g_steal_pointer (&done);
  return rpt_project_loader_finish (loader);
}

