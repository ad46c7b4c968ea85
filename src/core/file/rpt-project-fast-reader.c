/* rpt-project-fast-reader.c: a one-pass reader for well-formed project files.
 *
 * Building a json-glib tree of a large project costs more than everything
 * else in opening it, and freeing the tree costs as much again (see
 * docs/PERFORMANCE.md). This reader goes from the bytes straight to the
 * model, with every check of rpt-project-reader.c, in one pass.
 *
 * It never refuses anything itself. It takes strict JSON in the shape the
 * writer produces (members of an object in any order, unknown members
 * skipped) that passes every check of the json-glib reader, raw checks
 * included; on anything else (a syntax error, a failed check, one of
 * json-glib's leniencies, sections in an unusual order, a repeated member,
 * an escape or a time it does not decode) it returns NULL, and the json-glib
 * reader runs, which accepts the file or refuses it with the usual message.
 * So it changes how fast a file opens, never whether or how: a test
 * compares the two readers on thousands of damaged files.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-File"

#include "config.h"

#include <string.h>

#include "rpt-core-private.h"
#include "rpt-json-scanner.h"
#include "rpt-project-io.h"
#include "rpt-project-loader.h"
#include "rpt-project-private.h"
#include "rpt-reanchor-private.h"

typedef struct
{
  RptJsonScanner    s;
  RptProjectLoader *loader;
  RptProject       *project;  /* the loader's, for lookups */
  guint             n_annotations;
  RptDocument      *last_document;
  GHashTable       *names;    /* case-folded label and speaker names */
} Reader;

static gint fast_reader_enabled = TRUE;

void
_rpt_project_set_fast_reader (gboolean enabled)
{
  g_atomic_int_set (&fast_reader_enabled, enabled);
}

/* ---- Checks, as in rpt-project-reader.c ---- */

#define STR(r, i) ((r)->s.arena->str + (r)->s.values[i].offset)

/* A required string. */
static const char *
req_string (Reader *r,
            guint   i)
{
  return r->s.values[i].kind == RPT_JSON_STRING ? STR (r, i) : NULL;
}

/* An optional string: absent or null give NULL and succeed. */
static gboolean
opt_string (Reader      *r,
            guint        i,
            const char **out)
{
  *out = NULL;
  if (r->s.values[i].kind == RPT_JSON_STRING)
    *out = STR (r, i);
  return r->s.values[i].kind != RPT_JSON_UINT;
}

static const char *
req_id (Reader *r,
        guint   i)
{
  const RptJsonValue *value = &r->s.values[i];
  const char *id;

  if (value->kind != RPT_JSON_STRING || value->len == 0 || value->len > RPT_MAX_ID_BYTES)
    return NULL;
  id = STR (r, i);
  for (gsize k = 0; k < value->len; k++)
    if ((guchar) id[k] < 0x20 || id[k] == 0x7f)
      return NULL;
  return id;
}

static gboolean
req_uint (Reader *r,
          guint   i,
          guint   max,
          guint  *out)
{
  if (r->s.values[i].kind != RPT_JSON_UINT || r->s.values[i].number > max)
    return FALSE;
  *out = (guint) r->s.values[i].number;
  return TRUE;
}

static gboolean
is_leap (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* Days from 1970-01-01 to the given day of the proleptic Gregorian calendar. */
static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  int y = year - (month <= 2);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return (gint64) era * 146097 + doe - 719468;
}

static int
digits (const char *p,
        guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return -1;
      value = value * 10 + (p[i] - '0');
    }
  return value;
}

/* The writer's form, "2025-03-01T09:00:00Z", which GLib's ISO 8601 parser
 * reads the same. Any other form is left to the json-glib reader. */
static gboolean
opt_time (Reader *r,
          guint   i,
          gint64 *out)
{
  static const int month_days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  const char *s;
  int year, month, day, hour, minute, second;

  *out = -1;
  if (!opt_string (r, i, &s))
    return FALSE;
  if (s == NULL)
    return TRUE;

  if (r->s.values[i].len == 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' &&
      s[16] == ':' && s[19] == 'Z' &&
      (year = digits (s, 4)) >= 1 && (month = digits (s + 5, 2)) >= 1 && month <= 12 &&
      (day = digits (s + 8, 2)) >= 1 &&
      day <= month_days[month - 1] + (month == 2 && is_leap (year)) &&
      (hour = digits (s + 11, 2)) >= 0 && hour < 24 &&
      (minute = digits (s + 14, 2)) >= 0 && minute < 60 &&
      (second = digits (s + 17, 2)) >= 0 && second < 60)
    {
      *out = (days_from_civil (year, month, day) * 86400 + hour * 3600 + minute * 60 + second) *
             G_USEC_PER_SEC;
      return TRUE;
    }
  return FALSE;
}

/* Label names, and speaker names, differ even in case. */
static gboolean
new_name (Reader     *r,
          const char *kind,
          const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  char *key = g_strconcat (kind, folded, NULL);

  if (g_hash_table_contains (r->names, key))
    {
      g_free (key);
      return FALSE;
    }
  g_hash_table_add (r->names, key);
  return TRUE;
}

/* ---- Sections ---- */

typedef gboolean (*ItemFunc) (Reader *r);

static gboolean
scan_array (Reader   *r,
            ItemFunc  item)
{
  if (!rpt_json_scanner_accept (&r->s, '['))
    return FALSE;
  if (rpt_json_scanner_accept (&r->s, ']'))
    return TRUE;
  do
    if (!item (r))
      return FALSE;
  while (rpt_json_scanner_accept (&r->s, ','));
  return rpt_json_scanner_accept (&r->s, ']');
}

enum { L_ID, L_NAME, L_COLOR, L_SHORTCUT, L_DESCRIPTION, L_N };
static const RptJsonMember label_members[] = {
  RPT_JSON_MEMBER ("id", RPT_JSON_MEMBER_STRING), RPT_JSON_MEMBER ("name", RPT_JSON_MEMBER_STRING), RPT_JSON_MEMBER ("color", RPT_JSON_MEMBER_STRING),
  RPT_JSON_MEMBER ("shortcut", RPT_JSON_MEMBER_UINT), RPT_JSON_MEMBER ("description", RPT_JSON_MEMBER_STRING),
};

static gboolean
read_label (Reader *r)
{
  g_autoptr(RptLabel) label = NULL;
  const char *id, *name, *color, *description;
  guint shortcut = 0;

  if (!rpt_json_scanner_object (&r->s, label_members, L_N) ||
      !(id = req_id (r, L_ID)) ||
      !(name = req_string (r, L_NAME)) || *name == '\0' || !new_name (r, "l", name) ||
      !(color = req_string (r, L_COLOR)) || !rpt_color_is_valid (color) ||
      (r->s.values[L_SHORTCUT].kind != RPT_JSON_ABSENT && !req_uint (r, L_SHORTCUT, 9, &shortcut)) ||
      !opt_string (r, L_DESCRIPTION, &description) ||
      rpt_project_get_label (r->project, id) != NULL ||
      (shortcut != 0 && rpt_project_get_label_by_shortcut (r->project, shortcut) != NULL))
    return FALSE;

  label = rpt_label_new (id, name, color, shortcut, description);
  rpt_project_loader_add_label (r->loader, label);
  return TRUE;
}

enum { S_ID, S_NAME, S_N };
static const RptJsonMember speaker_members[] = { RPT_JSON_MEMBER ("id", RPT_JSON_MEMBER_STRING), RPT_JSON_MEMBER ("name", RPT_JSON_MEMBER_STRING) };

static gboolean
read_speaker (Reader *r)
{
  g_autoptr(RptSpeaker) speaker = NULL;
  const char *id, *name;

  if (!rpt_json_scanner_object (&r->s, speaker_members, S_N) ||
      !(id = req_id (r, S_ID)) ||
      !(name = req_string (r, S_NAME)) || *name == '\0' || !new_name (r, "s", name) ||
      rpt_project_get_speaker (r->project, id) != NULL)
    return FALSE;

  speaker = rpt_speaker_new (id, name);
  rpt_project_loader_add_speaker (r->loader, speaker);
  return TRUE;
}

enum { D_ID, D_TITLE, D_SOURCE, D_SHA256, D_TEXT, D_N };
static const RptJsonMember document_members[] = {
  RPT_JSON_MEMBER ("id", RPT_JSON_MEMBER_STRING), RPT_JSON_MEMBER ("title", RPT_JSON_MEMBER_STRING), RPT_JSON_MEMBER ("source", RPT_JSON_MEMBER_STRING),
  RPT_JSON_MEMBER ("sha256", RPT_JSON_MEMBER_STRING), RPT_JSON_MEMBER ("text", RPT_JSON_MEMBER_STRING),
};

static gboolean
read_document (Reader *r)
{
  g_autoptr(RptDocument) document = NULL;
  const char *id, *title, *source, *sha256, *text;

  if (!rpt_json_scanner_object (&r->s, document_members, D_N) ||
      !(id = req_id (r, D_ID)) ||
      !(title = req_string (r, D_TITLE)) ||
      !(source = req_string (r, D_SOURCE)) ||
      !(sha256 = req_string (r, D_SHA256)) ||
      !(text = req_string (r, D_TEXT)) ||
      rpt_project_get_document (r->project, id) != NULL)
    return FALSE;

  document = rpt_document_new (id, title, source, text);
  if (rpt_document_get_length (document) > RPT_MAX_ARTICLE_CHARS ||
      g_ascii_strcasecmp (sha256, rpt_document_get_sha256 (document)) != 0)
    return FALSE;
  rpt_project_loader_add_document (r->loader, document);
  return TRUE;
}

enum { A_ID, A_DOCUMENT, A_START, A_END, A_LABEL, A_SPEAKER, A_NOTE, A_AUTHOR, A_CREATED,
       A_MODIFIED, A_QUOTE, A_PREFIX, A_SUFFIX, A_N };
static const RptJsonMember annotation_members[] = {
  RPT_JSON_MEMBER ("id", RPT_JSON_MEMBER_STRING), RPT_JSON_MEMBER ("document", RPT_JSON_MEMBER_STRING), RPT_JSON_MEMBER ("start", RPT_JSON_MEMBER_UINT),
  RPT_JSON_MEMBER ("end", RPT_JSON_MEMBER_UINT), RPT_JSON_MEMBER ("label", RPT_JSON_MEMBER_STRING), RPT_JSON_MEMBER ("speaker", RPT_JSON_MEMBER_STRING),
  RPT_JSON_MEMBER ("note", RPT_JSON_MEMBER_STRING), RPT_JSON_MEMBER ("author", RPT_JSON_MEMBER_STRING), RPT_JSON_MEMBER ("created", RPT_JSON_MEMBER_STRING),
  RPT_JSON_MEMBER ("modified", RPT_JSON_MEMBER_STRING), RPT_JSON_MEMBER ("quote", RPT_JSON_MEMBER_STRING),
  RPT_JSON_MEMBER ("prefix", RPT_JSON_MEMBER_STRING), RPT_JSON_MEMBER ("suffix", RPT_JSON_MEMBER_STRING),
};
G_STATIC_ASSERT (A_N <= RPT_JSON_MAX_MEMBERS);

/* An annotation or an orphan: the members they share, checked with their
 * references. Orphans need their quote and context. */
static RptAnnotation *
read_annotation_object (Reader       *r,
                        gboolean      orphan,
                        RptDocument **document_out,
                        const char  **quote,
                        const char  **prefix,
                        const char  **suffix)
{
  const char *id, *doc_id, *label, *speaker, *note, *author;
  guint start, end;
  gint64 created, modified;
  RptDocument *document = r->last_document;

  /* Orphans count towards the same limit. */
  if (++r->n_annotations > RPT_MAX_ANNOTATIONS)
    return NULL;
  if (!rpt_json_scanner_object (&r->s, annotation_members, A_N) ||
      !(id = req_id (r, A_ID)) ||
      !(doc_id = req_id (r, A_DOCUMENT)) ||
      !req_uint (r, A_START, G_MAXUINT, &start) ||
      !req_uint (r, A_END, G_MAXUINT, &end) ||
      !(label = req_id (r, A_LABEL)) ||
      !opt_string (r, A_SPEAKER, &speaker) ||
      !opt_string (r, A_NOTE, &note) ||
      !opt_string (r, A_AUTHOR, &author) ||
      !opt_time (r, A_CREATED, &created) ||
      !opt_time (r, A_MODIFIED, &modified) ||
      !opt_string (r, A_QUOTE, quote) ||
      !opt_string (r, A_PREFIX, prefix) ||
      !opt_string (r, A_SUFFIX, suffix) ||
      (orphan && (*quote == NULL || *prefix == NULL || *suffix == NULL)) ||
      rpt_project_get_annotation (r->project, id) != NULL ||
      rpt_project_get_orphan (r->project, id) != NULL)
    return NULL;

  /* Annotations come grouped by document: look it up once per group. */
  if (document == NULL || strcmp (rpt_document_get_id (document), doc_id) != 0)
    document = r->last_document = rpt_project_get_document (r->project, doc_id);
  if (document == NULL ||
      rpt_project_get_label (r->project, label) == NULL ||
      (speaker && *speaker && rpt_project_get_speaker (r->project, speaker) == NULL) ||
      end <= start)
    return NULL;

  *document_out = document;
  return _rpt_annotation_new (id, doc_id, start, end, label, speaker, note, author, created, modified);
}

static gboolean
read_annotation (Reader *r)
{
  g_autoptr(RptAnnotation) annotation = NULL;
  RptDocument *document;
  const char *quote, *prefix, *suffix;
  guint start, end;

  if (!(annotation = read_annotation_object (r, FALSE, &document, &quote, &prefix, &suffix)))
    return FALSE;
  start = rpt_annotation_get_start (annotation);
  end = rpt_annotation_get_end (annotation);
  if (end > rpt_document_get_length (document) ||
      _rpt_anchor_check (document, start, end, quote, prefix, suffix) != NULL)
    return FALSE;

  rpt_project_loader_add_annotation (r->loader, annotation);
  return TRUE;
}

static gboolean
read_orphan (Reader *r)
{
  g_autoptr(RptAnnotation) orphan = NULL;
  RptDocument *document;
  const char *quote, *prefix, *suffix;

  if (!(orphan = read_annotation_object (r, TRUE, &document, &quote, &prefix, &suffix)))
    return FALSE;
  _rpt_annotation_set_anchor (orphan, quote, prefix, suffix);
  rpt_project_loader_add_orphan (r->loader, orphan);
  return TRUE;
}

enum { R_ID, R_TYPE, R_FROM, R_TO, R_N };
static const RptJsonMember relation_members[] = {
  RPT_JSON_MEMBER ("id", RPT_JSON_MEMBER_STRING), RPT_JSON_MEMBER ("type", RPT_JSON_MEMBER_STRING), RPT_JSON_MEMBER ("from", RPT_JSON_MEMBER_STRING),
  RPT_JSON_MEMBER ("to", RPT_JSON_MEMBER_STRING),
};

static gboolean
read_relation (Reader *r)
{
  g_autoptr(RptRelation) relation = NULL;
  const char *id, *type_name, *from, *to;
  RptRelationType type;
  RptAnnotation *from_annotation, *to_annotation;

  if (!rpt_json_scanner_object (&r->s, relation_members, R_N) ||
      !(id = req_id (r, R_ID)) ||
      !(type_name = req_string (r, R_TYPE)) ||
      !(from = req_id (r, R_FROM)) ||
      !(to = req_id (r, R_TO)) ||
      rpt_project_get_relation (r->project, id) != NULL ||
      !rpt_relation_type_from_string (type_name, &type) ||
      !((from_annotation = rpt_project_get_annotation (r->project, from)) ||
        (from_annotation = rpt_project_get_orphan (r->project, from))) ||
      !((to_annotation = rpt_project_get_annotation (r->project, to)) ||
        (to_annotation = rpt_project_get_orphan (r->project, to))) ||
      from_annotation == to_annotation ||
      /* Annotations and orphans share one set of ids, so the same two ids
       * are the same two annotations. */
      rpt_project_loader_has_link (r->loader, type, from, to))
    return FALSE;

  relation = _rpt_relation_new (id, type, from, to);
  rpt_project_loader_add_relation (r->loader, relation);
  return TRUE;
}

/* Two annotations with the same span and the same label. */
static gboolean
has_duplicate_spans (RptProject *project)
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
                return TRUE;
            }
        }
    }
  return FALSE;
}

/* ---- The top level ---- */

enum { SEC_LABELS, SEC_SPEAKERS, SEC_DOCUMENTS, SEC_ANNOTATIONS, SEC_RELATIONS, SEC_ORPHANS, N_SECTIONS };
static const char *section_names[N_SECTIONS] = {
  "labels", "speakers", "documents", "annotations", "relations", "orphans",
};
static const ItemFunc section_items[N_SECTIONS] = {
  read_label, read_speaker, read_document, read_annotation, read_relation, read_orphan,
};

static gboolean
read_top (Reader *r)
{
  gboolean done[N_SECTIONS] = { FALSE };
  gboolean have_format = FALSE, have_version = FALSE;

  if (!rpt_json_scanner_accept (&r->s, '{'))
    return FALSE;
  r->s.n_objects++;
  if (rpt_json_scanner_accept (&r->s, '}'))
    return FALSE;
  do
    {
      const char *raw;
      gsize len;
      gboolean escaped;
      guint s;

      rpt_json_scanner_skip_space (&r->s);
      if (r->s.p >= r->s.end || *r->s.p != '"' || !rpt_json_scanner_string (&r->s, &raw, &len, &escaped) || escaped ||
          !rpt_json_scanner_accept (&r->s, ':'))
        return FALSE;
      rpt_json_scanner_skip_space (&r->s);

      if (len == 6 && memcmp (raw, "format", 6) == 0)
        {
          if (have_format || r->s.p >= r->s.end || *r->s.p != '"' ||
              !rpt_json_scanner_string (&r->s, &raw, &len, &escaped) || escaped ||
              len != strlen (RPT_PROJECT_FORMAT) || memcmp (raw, RPT_PROJECT_FORMAT, len) != 0)
            return FALSE;
          have_format = TRUE;
          continue;
        }
      if (len == 7 && memcmp (raw, "version", 7) == 0)
        {
          guint64 version;

          if (have_version || !rpt_json_scanner_uint (&r->s, &version) || version == 0 || version > RPT_PROJECT_VERSION)
            return FALSE;
          have_version = TRUE;
          continue;
        }

      for (s = 0; s < N_SECTIONS; s++)
        if (len == strlen (section_names[s]) && memcmp (raw, section_names[s], len) == 0)
          break;
      if (s == N_SECTIONS)
        {
          if (!rpt_json_scanner_skip_value (&r->s, 2))
            return FALSE;
          continue;
        }
      /* Each section once, and after the ones it refers to; relations
       * may refer to orphans, which are optional. */
      if (done[s] ||
          ((s == SEC_ANNOTATIONS || s == SEC_ORPHANS) &&
           !(done[SEC_LABELS] && done[SEC_SPEAKERS] && done[SEC_DOCUMENTS])) ||
          (s == SEC_RELATIONS && !done[SEC_ANNOTATIONS]) ||
          (s == SEC_ORPHANS && done[SEC_RELATIONS]))
        return FALSE;
      if (!scan_array (r, section_items[s]))
        return FALSE;
      done[s] = TRUE;
    }
  while (rpt_json_scanner_accept (&r->s, ','));

  if (!rpt_json_scanner_accept (&r->s, '}'))
    return FALSE;
  rpt_json_scanner_skip_space (&r->s);
  if (r->s.p != r->s.end || !have_format || !have_version)
    return FALSE;
  for (guint s = 0; s < N_SECTIONS; s++)
    if (!done[s] && s != SEC_ORPHANS)
      return FALSE;
#ifdef RPT_MAX_OBJECTS
  if (r->s.n_objects > RPT_MAX_OBJECTS)
    return FALSE;
#endif
  return TRUE;
}

/**
 * _rpt_project_read_fast:
 * @data: the file's bytes, unchecked
 *
 * Returns: (transfer full) (nullable): the project, or NULL when the
 * json-glib reader must decide.
 */
RptProject *
_rpt_project_read_fast (const char *data,
                        gsize       len)
{
  g_autoptr(RptProjectLoader) loader = NULL;
  g_autoptr(RptProject) project = NULL;
  g_autoptr(GHashTable) names = NULL;
  Reader r = { 0 };
  gboolean ok;

  if (!g_atomic_int_get (&fast_reader_enabled) || data == NULL || len == 0 ||
      len > RPT_MAX_FILE_BYTES || !rpt_json_utf8_validate_fast (data, len))
    return NULL;

  loader = rpt_project_loader_new ();
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rpt_json_scanner_init (&r.s, data, len);
  r.loader = loader;
  r.project = rpt_project_loader_get_project (loader);
  r.names = names;

  ok = read_top (&r);
  rpt_json_scanner_clear (&r.s);
  if (!ok)
    return NULL;

  project = rpt_project_loader_finish (loader);
  if (has_duplicate_spans (project))
    return NULL;
  return g_steal_pointer (&project);
}
