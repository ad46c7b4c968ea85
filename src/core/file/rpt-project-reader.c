/* rpt-project-reader.c: reading the project file. Everything is checked
 * before a project is returned, and a refusal names the place and the
 * reason: "annotations[3].end: 812 is past the end of document “d2” (640
 * characters)". The raw bytes are checked first (rpt-json-guard.c), since
 * json-glib 1.6 has no limits of its own.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-File"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "rpt-core-private.h"
#include "rpt-json-guard.h"
#include "rpt-json-item.h"
#include "rpt-project-io.h"
#include "rpt-project-loader.h"
#include "rpt-project-private.h"
#include "rpt-reanchor-private.h"

#define refuse(error, place, ...) _rpt_refuse_code (error, RPT_ERROR_INVALID, place, __VA_ARGS__)

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
  g_autoptr(GHashTable) ids = _rpt_json_places_new ();
  g_autoptr(GHashTable) names = _rpt_json_places_new ();
  g_autofree char *place = NULL;
  char *by_key[10] = { NULL };
  JsonArray *array;
  RptJsonItem item;
  gboolean ok = TRUE;

  if (!(array = _rpt_json_get_array (root, "labels", error)))
    return FALSE;

  for (guint i = 0; ok && i < json_array_get_length (array); i++)
    {
      g_autoptr(RptLabel) label = NULL;
      const char *id, *name, *color, *description;
      guint shortcut = 0;

      if (!_rpt_json_get_item (array, "labels", i, &place, &item, error) ||
          !_rpt_json_get_id (&item, "id", TRUE, &id, error) ||
          !_rpt_json_get_string (&item, "name", TRUE, &name, error) ||
          !_rpt_json_get_string (&item, "color", TRUE, &color, error) ||
          !_rpt_json_get_uint (&item, "shortcut", FALSE, 9, &shortcut, error) ||
          !_rpt_json_get_string (&item, "description", FALSE, &description, error) ||
          !_rpt_json_check_unique_id (ids, &item, id, error) ||
          !_rpt_json_check_unique_name (names, &item, name, error))
        {
          ok = FALSE;
          break;
        }
      if (!rpt_color_is_valid (color))
        ok = _rpt_json_refuse_member (error, RPT_ERROR_INVALID, &item, "color",
                                      _("“%s” is not a colour of the form #rrggbb"), color);
      else if (shortcut != 0 && by_key[shortcut] != NULL)
        ok = _rpt_json_refuse_member (error, RPT_ERROR_INVALID, &item, "shortcut",
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
  g_autoptr(GHashTable) ids = _rpt_json_places_new ();
  g_autoptr(GHashTable) names = _rpt_json_places_new ();
  g_autofree char *place = NULL;
  JsonArray *array;
  RptJsonItem item;

  if (!(array = _rpt_json_get_array (root, "speakers", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RptSpeaker) speaker = NULL;
      const char *id, *name;

      if (!_rpt_json_get_item (array, "speakers", i, &place, &item, error) ||
          !_rpt_json_get_id (&item, "id", TRUE, &id, error) ||
          !_rpt_json_get_string (&item, "name", TRUE, &name, error) ||
          !_rpt_json_check_unique_id (ids, &item, id, error) ||
          !_rpt_json_check_unique_name (names, &item, name, error))
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
  g_autoptr(GHashTable) ids = _rpt_json_places_new ();
  g_autofree char *place = NULL;
  JsonArray *array;
  RptJsonItem item;

  if (!(array = _rpt_json_get_array (root, "documents", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RptDocument) document = NULL;
      const char *id, *title, *source, *text, *sha256;

      if (!_rpt_json_get_item (array, "documents", i, &place, &item, error) ||
          !_rpt_json_get_id (&item, "id", TRUE, &id, error) ||
          !_rpt_json_get_string (&item, "title", TRUE, &title, error) ||
          !_rpt_json_get_string (&item, "source", TRUE, &source, error) ||
          !_rpt_json_get_string (&item, "sha256", TRUE, &sha256, error) ||
          !_rpt_json_get_string (&item, "text", TRUE, &text, error) ||
          !_rpt_json_check_unique_id (ids, &item, id, error))
        return FALSE;

      document = rpt_document_new (id, title, source, text);
      if (rpt_document_get_length (document) > RPT_MAX_ARTICLE_CHARS)
        return _rpt_json_refuse_member (error, RPT_ERROR_TOO_LARGE, &item, "text",
                                        g_dngettext (GETTEXT_PACKAGE, "%u characters; the limit is %u",
                                                     "%u characters; the limit is %u",
                                                     rpt_document_get_length (document)),
                                        rpt_document_get_length (document), RPT_MAX_ARTICLE_CHARS);
      if (g_ascii_strcasecmp (sha256, rpt_document_get_sha256 (document)) != 0)
        {
          if (!(load->flags & RPT_LOAD_REANCHOR))
            return _rpt_json_refuse_member (error, RPT_ERROR_TEXT_CHANGED, &item, "sha256",
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
get_anchor (RptJsonItem  *item,
            gboolean      required,
            const char  **quote,
            const char  **prefix,
            const char  **suffix,
            GError      **error)
{
  return _rpt_json_get_string (item, "quote", required, quote, error) &&
         _rpt_json_get_string (item, "prefix", required, prefix, error) &&
         _rpt_json_get_string (item, "suffix", required, suffix, error);
}

/* A quote or context that disagrees with the text it claims to come from. */
static gboolean
refuse_anchor (GError      **error,
               RptJsonItem  *item,
               const char   *member,
               RptDocument  *document,
               guint         start,
               guint         end)
{
  const char *doc_id = rpt_document_get_id (document);

  if (g_str_equal (member, "quote"))
    {
      g_autofree char *text = rpt_document_dup_slice (document, start, MIN (end, start + 40));

      return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, item, member,
                                      _("is not the text at %u–%u of document “%s”, which begins “%s”"),
                                      start, end, doc_id, text);
    }
  if (g_str_equal (member, "prefix"))
    return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, item, member,
                                    _("is not the text before %u in document “%s”"), start, doc_id);
  return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, item, member,
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
             RptJsonItem *item,
             gboolean     orphan,
             GHashTable  *ids,
             Fields      *f,
             GError     **error)
{
  f->start = f->end = 0;
  if (!_rpt_json_get_id (item, "id", TRUE, &f->id, error) ||
      !_rpt_json_get_id (item, "document", TRUE, &f->doc_id, error) ||
      !_rpt_json_get_uint (item, "start", TRUE, G_MAXUINT, &f->start, error) ||
      !_rpt_json_get_uint (item, "end", TRUE, G_MAXUINT, &f->end, error) ||
      !_rpt_json_get_id (item, "label", TRUE, &f->label, error) ||
      !_rpt_json_get_string (item, "speaker", FALSE, &f->speaker, error) ||
      !_rpt_json_get_string (item, "note", FALSE, &f->note, error) ||
      !_rpt_json_get_string (item, "author", FALSE, &f->author, error) ||
      !_rpt_json_get_time (item, "created", &f->created, error) ||
      !_rpt_json_get_time (item, "modified", &f->modified, error) ||
      !get_anchor (item, orphan, &f->quote, &f->prefix, &f->suffix, error) ||
      !_rpt_json_check_unique_id (ids, item, f->id, error))
    return FALSE;

  if (!(f->document = rpt_project_get_document (project, f->doc_id)))
    return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, item, "document",
                                    _("“%s” is not the id of any document"), f->doc_id);
  if (!rpt_project_get_label (project, f->label))
    return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, item, "label",
                                    _("“%s” is not the id of any label"), f->label);
  if (f->speaker && *f->speaker && !rpt_project_get_speaker (project, f->speaker))
    return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, item, "speaker",
                                    _("“%s” is not the id of any speaker"), f->speaker);
  if (f->end <= f->start)
    return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, item, "end",
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
  g_autoptr(GHashTable) spans = _rpt_json_places_new ();
  g_autofree char *place = NULL;
  JsonArray *array;
  RptJsonItem item;
  guint n;

  if (!(array = _rpt_json_get_array (root, "annotations", error)))
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

      if (!_rpt_json_get_item (array, "annotations", i, &place, &item, error) ||
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
        return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, &item, "end",
                                        g_dngettext (GETTEXT_PACKAGE, "%u is past the end of document “%s” (%u character)",
                                                     "%u is past the end of document “%s” (%u characters)", length),
                                        f.end, f.doc_id, length);

      /* Ids hold no control characters, so \x1f separates safely. */
      span = g_strdup_printf ("%s\x1f%u\x1f%u\x1f%s", f.doc_id, f.start, f.end, f.label);
      if ((first = _rpt_json_remember (spans, span, place)) != NULL)
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
  RptJsonItem item;
  guint n, n_annotations;

  if (!json_object_has_member (root, "orphans"))
    return TRUE;
  if (!(array = _rpt_json_get_array (root, "orphans", error)))
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

      if (!_rpt_json_get_item (array, "orphans", i, &place, &item, error) ||
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
  g_autoptr(GHashTable) ids = _rpt_json_places_new ();
  g_autoptr(GHashTable) links = _rpt_json_places_new ();
  g_autofree char *place = NULL;
  JsonArray *array;
  RptJsonItem item;

  if (!(array = _rpt_json_get_array (root, "relations", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RptRelation) relation = NULL;
      g_autofree char *key = NULL;
      const char *id, *type_name, *from, *to, *first;
      RptRelationType type;

      if (!_rpt_json_get_item (array, "relations", i, &place, &item, error) ||
          !_rpt_json_get_id (&item, "id", TRUE, &id, error) ||
          !_rpt_json_get_string (&item, "type", TRUE, &type_name, error) ||
          !_rpt_json_get_id (&item, "from", TRUE, &from, error) ||
          !_rpt_json_get_id (&item, "to", TRUE, &to, error) ||
          !_rpt_json_check_unique_id (ids, &item, id, error))
        return FALSE;
      if (!rpt_relation_type_from_string (type_name, &type))
        return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, &item, "type",
                                        _("“%s” is not one of “rebuts”, “responds-to”, “supports”"), type_name);
      if (!exists (project, from))
        return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, &item, "from",
                                        _("“%s” is not the id of any annotation"), from);
      if (!exists (project, to))
        return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, &item, "to",
                                        _("“%s” is not the id of any annotation"), to);
      if (g_str_equal (from, to))
        return _rpt_json_refuse_member (error, RPT_ERROR_INVALID, &item, "to",
                                        _("links the annotation “%s” to itself"), from);

      key = g_strdup_printf ("%s\x1f%s\x1f%s", type_name, from, to);
      if ((first = _rpt_json_remember (links, key, place)) != NULL)
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
  RptJsonItem top = { NULL, NULL };
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
              root ? _rpt_json_describe (root) : C_("JSON top level", "empty"));
      return NULL;
    }
  top.object = json_node_get_object (root);

  if (!_rpt_json_get_string (&top, "format", TRUE, &format, error))
    return NULL;
  if (!g_str_equal (format, RPT_PROJECT_FORMAT))
    {
      refuse (error, "format", _("“%s” is not “%s”: this is not a Repartee project"), format,
              RPT_PROJECT_FORMAT);
      return NULL;
    }
  if (!_rpt_json_get_uint (&top, "version", TRUE, G_MAXUINT, &version, error))
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
  ids = _rpt_json_places_new ();
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

