/* rpt-import-builder.c: records of imported articles, checked as they are
 * built, and the project made from them at the end.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "rpt-core-private.h"
#include "rpt-import-private.h"
#include "rpt-import-text.h"
#include "rpt-project-io.h"
#include "rpt-project-private.h"

/* The GNOME palette, for labels whose file gives no colour. */
static const char *palette[] = {
  "#3584e4", "#e01b24", "#f5c211", "#2ec27e", "#9141ac", "#ff7800", "#986a44", "#5e5c64",
};

typedef struct
{
  char     *name;
  char     *color;        /* NULL: not given */
  char     *description;  /* NULL: not given */
  guint     shortcut;     /* 0: not given */
  gboolean  declared;
  gboolean  used;
} PendingLabel;

typedef struct
{
  char     *name;
  gboolean  declared;
  gboolean  used;
} PendingSpeaker;

typedef struct
{
  char   *key;
  char   *id;
  char   *note;
  char   *author;
  gint64  created;
  gint64  modified;
  guint   start;
  guint   end;
  guint   label;     /* index into the builder's labels */
  gint    speaker;   /* index into the builder's speakers, or -1 */
} PendingSpan;

typedef struct
{
  char            *id;
  RptRelationType  type;
  guint            from;   /* indices into the record's spans */
  guint            to;
} PendingRelation;

struct _RptImportRecord
{
  RptImportBuilder *builder;
  RptDocument      *document;
  GArray           *spans;       /* PendingSpan */
  GArray           *relations;   /* PendingRelation */
  GHashTable       *keys;        /* key -> index + 1 */
  GHashTable       *seen_spans;  /* "start end label" */
  GHashTable       *seen_links;  /* "type from to" */
  guint            *to_chars;    /* unit offset -> code point, G_MAXUINT inside a character */
  guint64           n_units;
  RptOffsetUnit     table_unit;
};

struct _RptImportBuilder
{
  RptImportOptions  options;
  GPtrArray        *warnings;
  GPtrArray        *labels;         /* PendingLabel */
  GHashTable       *label_index;    /* name -> index + 1 */
  GPtrArray        *speakers;       /* PendingSpeaker */
  GHashTable       *speaker_index;
  GPtrArray        *records;        /* committed RptImportRecord */
  GHashTable       *document_ids;
  guint             n_annotations;
  gboolean          shortcuts_given;
};

static void
pending_label_free (gpointer data)
{
  PendingLabel *label = data;

  g_free (label->name);
  g_free (label->color);
  g_free (label->description);
  g_free (label);
}

static void
pending_speaker_free (gpointer data)
{
  PendingSpeaker *speaker = data;

  g_free (speaker->name);
  g_free (speaker);
}

static void
pending_span_clear (gpointer data)
{
  PendingSpan *span = data;

  g_free (span->key);
  g_free (span->id);
  g_free (span->note);
  g_free (span->author);
}

static void
pending_relation_clear (gpointer data)
{
  g_free (((PendingRelation *) data)->id);
}

RptImportBuilder *
_rpt_import_builder_new (const RptImportOptions *options,
                         GPtrArray              *warnings)
{
  RptImportBuilder *builder = g_new0 (RptImportBuilder, 1);

  builder->options = *options;
  builder->warnings = warnings;
  builder->labels = g_ptr_array_new_with_free_func (pending_label_free);
  builder->label_index = g_hash_table_new (g_str_hash, g_str_equal);
  builder->speakers = g_ptr_array_new_with_free_func (pending_speaker_free);
  builder->speaker_index = g_hash_table_new (g_str_hash, g_str_equal);
  builder->records = g_ptr_array_new_with_free_func ((GDestroyNotify) _rpt_import_record_free);
  builder->document_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return builder;
}

void
_rpt_import_builder_free (RptImportBuilder *builder)
{
  if (builder == NULL)
    return;
  g_ptr_array_unref (builder->records);
  g_ptr_array_unref (builder->labels);
  g_hash_table_unref (builder->label_index);
  g_ptr_array_unref (builder->speakers);
  g_hash_table_unref (builder->speaker_index);
  g_hash_table_unref (builder->document_ids);
  g_free (builder);
}

const RptImportOptions *
_rpt_import_builder_get_options (RptImportBuilder *builder)
{
  return &builder->options;
}

void
_rpt_import_warn (RptImportBuilder *builder,
                  const char       *format,
                  ...)
{
  va_list args;

  if (builder->warnings == NULL)
    return;
  va_start (args, format);
  g_ptr_array_add (builder->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

gboolean
_rpt_import_bad_record (RptImportBuilder  *builder,
                        GError            *bad,
                        GError           **error)
{
  if (!builder->options.skip_bad)
    {
      g_propagate_error (error, bad);
      return FALSE;
    }
  _rpt_import_warn (builder, _("%s (left out)"), bad->message);
  g_error_free (bad);
  return TRUE;
}

/* #rgb and #rrggbb, lower-cased; NULL otherwise. */
static char *
normalize_color (const char *color)
{
  if (color == NULL)
    return NULL;
  if (rpt_color_is_valid (color))
    return g_ascii_strdown (color, -1);
  if (color[0] == '#' && strlen (color) == 4 &&
      g_ascii_isxdigit (color[1]) && g_ascii_isxdigit (color[2]) && g_ascii_isxdigit (color[3]))
    return g_ascii_strdown ((char[]) { '#', color[1], color[1], color[2], color[2], color[3], color[3], 0 }, -1);
  return NULL;
}

static guint
label_index (RptImportBuilder *builder,
             const char       *name)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (builder->label_index, name));
  PendingLabel *label;

  if (index > 0)
    return index - 1;
  label = g_new0 (PendingLabel, 1);
  label->name = g_strdup (name);
  g_ptr_array_add (builder->labels, label);
  g_hash_table_insert (builder->label_index, label->name, GUINT_TO_POINTER (builder->labels->len));
  return builder->labels->len - 1;
}

static guint
speaker_index (RptImportBuilder *builder,
               const char       *name)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (builder->speaker_index, name));
  PendingSpeaker *speaker;

  if (index > 0)
    return index - 1;
  speaker = g_new0 (PendingSpeaker, 1);
  speaker->name = g_strdup (name);
  g_ptr_array_add (builder->speakers, speaker);
  g_hash_table_insert (builder->speaker_index, speaker->name, GUINT_TO_POINTER (builder->speakers->len));
  return builder->speakers->len - 1;
}

void
_rpt_import_declare_label (RptImportBuilder *builder,
                           const char       *name,
                           const char       *color,
                           guint             shortcut,
                           const char       *description)
{
  PendingLabel *label;
  guint index;

  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    return;
  /* Not inside g_ptr_array_index(): adding may move the array. */
  index = label_index (builder, name);
  label = g_ptr_array_index (builder->labels, index);
  label->declared = TRUE;
  if (label->color == NULL)
    label->color = normalize_color (color);
  if (label->shortcut == 0 && shortcut <= 9)
    label->shortcut = shortcut;
  if (label->description == NULL && description && g_utf8_validate (description, -1, NULL))
    label->description = g_strdup (description);
}

void
_rpt_import_declare_speaker (RptImportBuilder *builder,
                             const char       *name)
{
  PendingSpeaker *speaker;
  guint index;

  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    return;
  index = speaker_index (builder, name);
  speaker = g_ptr_array_index (builder->speakers, index);
  speaker->declared = TRUE;
}

void
_rpt_import_set_shortcuts_given (RptImportBuilder *builder)
{
  builder->shortcuts_given = TRUE;
}

/* ---- Records ---- */

static gboolean
valid_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > RPT_MAX_ID_BYTES || !g_utf8_validate (id, -1, NULL))
    return FALSE;
  for (const char *p = id; *p; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return FALSE;
  return TRUE;
}

RptImportRecord *
_rpt_import_record_new (RptImportBuilder  *builder,
                        const char        *id,
                        const char        *fallback_id_stem,
                        const char        *title,
                        const char        *source,
                        const char        *text,
                        gsize              text_len,
                        GError           **error)
{
  g_autofree char *copy = NULL;
  g_autofree char *made_id = NULL;
  g_autofree char *guessed = NULL;
  RptImportRecord *record;
  const char *bad;

  if (!g_utf8_validate_len (text, text_len, &bad))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                   *bad == '\0' ? _("the text contains a NUL character")
                                : _("the text is not valid UTF-8"));
      return NULL;
    }
  if (text_len == 0)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID, _("the text is empty"));
      return NULL;
    }
  if (g_utf8_strlen (text, (gssize) text_len) > RPT_MAX_ARTICLE_CHARS)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_TOO_LARGE,
                   _("the text is longer than %u characters"), RPT_MAX_ARTICLE_CHARS);
      return NULL;
    }

  if (id == NULL)
    {
      /* "reports" -> "reports-1", "reports-2"… in the order of the file. */
      for (guint n = 1; made_id == NULL; n++)
        {
          char *candidate = g_strdup_printf ("%s-%u", fallback_id_stem ? fallback_id_stem : "article", n);

          if (!g_hash_table_contains (builder->document_ids, candidate))
            made_id = candidate;
          else
            g_free (candidate);
        }
      id = made_id;
    }
  if (!valid_id (id))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                   _("the article id is empty, longer than %d bytes or has control characters"),
                   RPT_MAX_ID_BYTES);
      return NULL;
    }
  if (g_hash_table_contains (builder->document_ids, id))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID, _("the article id “%s” is used twice"), id);
      return NULL;
    }
  if (title != NULL && !g_utf8_validate (title, -1, NULL))
    title = NULL;
  if (source != NULL && !g_utf8_validate (source, -1, NULL))
    source = NULL;

  copy = g_strndup (text, text_len);
  if (title == NULL)
    title = guessed = rpt_import_guess_title (copy);

  record = g_new0 (RptImportRecord, 1);
  record->builder = builder;
  record->document = rpt_document_new (id, title, source ? source : "", copy);
  record->spans = g_array_new (FALSE, TRUE, sizeof (PendingSpan));
  g_array_set_clear_func (record->spans, pending_span_clear);
  record->relations = g_array_new (FALSE, TRUE, sizeof (PendingRelation));
  g_array_set_clear_func (record->relations, pending_relation_clear);
  record->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  record->seen_spans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  record->seen_links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return record;
}

void
_rpt_import_record_free (RptImportRecord *record)
{
  if (record == NULL)
    return;
  g_clear_object (&record->document);
  g_array_unref (record->spans);
  g_array_unref (record->relations);
  g_hash_table_unref (record->keys);
  g_hash_table_unref (record->seen_spans);
  g_hash_table_unref (record->seen_links);
  g_free (record->to_chars);
  g_free (record);
}

guint
_rpt_import_record_get_length (RptImportRecord *record)
{
  return rpt_document_get_length (record->document);
}

RptDocument *
_rpt_import_record_get_document (RptImportRecord *record)
{
  return record->document;
}

/* Builds the unit -> code point table on first use. */
static void
build_table (RptImportRecord *record,
             RptOffsetUnit    unit)
{
  const char *text = rpt_document_get_text (record->document);
  guint length = rpt_document_get_length (record->document);
  guint64 units = unit == RPT_OFFSETS_BYTES ? rpt_document_get_text_bytes (record->document)
                                            : rpt_document_utf16_offset (record->document, length);
  const char *p = text;
  guint64 u = 0;

  g_free (record->to_chars);
  record->to_chars = g_new (guint, units + 1);
  record->n_units = units;
  record->table_unit = unit;
  for (guint64 i = 0; i <= units; i++)
    record->to_chars[i] = G_MAXUINT;
  for (guint c = 0; c <= length; c++)
    {
      guchar first = (guchar) *p;

      record->to_chars[u] = c;
      if (c == length)
        break;
      if (unit == RPT_OFFSETS_BYTES)
        u += first < 0x80 ? 1 : first < 0xe0 ? 2 : first < 0xf0 ? 3 : 4;
      else
        u += first >= 0xf0 ? 2 : 1;
      p = g_utf8_next_char (p);
    }
}

gboolean
_rpt_import_record_to_chars (RptImportRecord *record,
                             guint64          offset,
                             RptOffsetUnit    unit,
                             guint           *out)
{
  if (unit == RPT_OFFSETS_CODEPOINTS)
    {
      if (offset > rpt_document_get_length (record->document))
        return FALSE;
      *out = (guint) offset;
      return TRUE;
    }
  if (record->to_chars == NULL || record->table_unit != unit)
    build_table (record, unit);
  if (offset > record->n_units || record->to_chars[offset] == G_MAXUINT)
    return FALSE;
  *out = record->to_chars[offset];
  return TRUE;
}

gboolean
_rpt_import_record_has_key (RptImportRecord *record,
                            const char      *key)
{
  return key && g_hash_table_contains (record->keys, key);
}

gboolean
_rpt_import_record_add_span (RptImportRecord      *record,
                             const RptImportSpan  *in,
                             RptOffsetUnit         unit,
                             GError              **error)
{
  const char *unit_name = unit == RPT_OFFSETS_CODEPOINTS ? _("characters")
                        : unit == RPT_OFFSETS_UTF16 ? _("UTF-16 units") : _("bytes");
  guint length = rpt_document_get_length (record->document);
  guint64 max = unit == RPT_OFFSETS_CODEPOINTS ? length
              : unit == RPT_OFFSETS_UTF16 ? rpt_document_utf16_offset (record->document, length)
              : rpt_document_get_text_bytes (record->document);
  g_autofree char *seen_key = NULL;
  PendingSpan span = { 0 };

  if (in->label == NULL || *in->label == '\0' || !g_utf8_validate (in->label, -1, NULL))
    return g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID, "%s", _("the label is missing or empty")), FALSE;
  if (in->end <= in->start)
    return g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                        _("the span %" G_GUINT64_FORMAT "–%" G_GUINT64_FORMAT " is empty or reversed"),
                        in->start, in->end), FALSE;
  if (in->end > max)
    return g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                        _("the end %" G_GUINT64_FORMAT " is past the end of the text (%" G_GUINT64_FORMAT " %s)"),
                        in->end, max, unit_name), FALSE;
  if (!_rpt_import_record_to_chars (record, in->start, unit, &span.start) ||
      !_rpt_import_record_to_chars (record, in->end, unit, &span.end))
    return g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                        _("the span %" G_GUINT64_FORMAT "–%" G_GUINT64_FORMAT " cuts a character in two: "
                          "are the offsets %s?"), in->start, in->end, unit_name), FALSE;
  if (in->quote != NULL)
    {
      g_autofree char *actual = rpt_document_dup_slice (record->document, span.start, span.end);

      if (strcmp (actual, in->quote) != 0)
        return g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                            _("the text at %" G_GUINT64_FORMAT "–%" G_GUINT64_FORMAT " is “%s”, not “%s” "
                              "as the file says: are the offsets %s?"),
                            in->start, in->end, actual, in->quote, unit_name), FALSE;
    }
  if (in->key && g_hash_table_contains (record->keys, in->key))
    return g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                        _("the id “%s” is used twice"), in->key), FALSE;
  seen_key = g_strdup_printf ("%u %u %s", span.start, span.end, in->label);
  if (g_hash_table_contains (record->seen_spans, seen_key))
    return g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                        _("the span %" G_GUINT64_FORMAT "–%" G_GUINT64_FORMAT " is tagged “%s” twice"),
                        in->start, in->end, in->label), FALSE;

  span.key = g_strdup (in->key);
  span.id = valid_id (in->id) ? g_strdup (in->id) : NULL;
  span.note = g_strdup (in->note && g_utf8_validate (in->note, -1, NULL) ? in->note : "");
  span.author = g_strdup (in->author && g_utf8_validate (in->author, -1, NULL) ? in->author : "");
  span.created = in->created;
  span.modified = in->modified;
  span.label = label_index (record->builder, in->label);
  span.speaker = in->speaker && *in->speaker && g_utf8_validate (in->speaker, -1, NULL)
                   ? (gint) speaker_index (record->builder, in->speaker) : -1;
  g_array_append_val (record->spans, span);
  g_hash_table_add (record->seen_spans, g_steal_pointer (&seen_key));
  if (in->key)
    g_hash_table_insert (record->keys, g_strdup (in->key), GUINT_TO_POINTER (record->spans->len));
  return TRUE;
}

gboolean
_rpt_import_record_add_relation (RptImportRecord  *record,
                                 const char       *id,
                                 RptRelationType   type,
                                 const char       *from_key,
                                 const char       *to_key,
                                 GError          **error)
{
  guint from = from_key ? GPOINTER_TO_UINT (g_hash_table_lookup (record->keys, from_key)) : 0;
  guint to = to_key ? GPOINTER_TO_UINT (g_hash_table_lookup (record->keys, to_key)) : 0;
  g_autofree char *link = NULL;
  PendingRelation relation = { 0 };

  if (from == 0)
    return g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                        _("the relation starts at “%s”, which is not an annotation of this article"),
                        from_key ? from_key : ""), FALSE;
  if (to == 0)
    return g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                        _("the relation ends at “%s”, which is not an annotation of this article"),
                        to_key ? to_key : ""), FALSE;
  if (from == to)
    return g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                        _("the relation links “%s” to itself"), from_key), FALSE;
  link = g_strdup_printf ("%d %u %u", type, from, to);
  if (g_hash_table_contains (record->seen_links, link))
    return g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                        _("the relation “%s” from “%s” to “%s” is there twice"),
                        rpt_relation_type_to_string (type), from_key, to_key), FALSE;

  relation.id = valid_id (id) ? g_strdup (id) : NULL;
  relation.type = type;
  relation.from = from - 1;
  relation.to = to - 1;
  g_array_append_val (record->relations, relation);
  g_hash_table_add (record->seen_links, g_steal_pointer (&link));
  return TRUE;
}

gboolean
_rpt_import_commit (RptImportBuilder  *builder,
                    RptImportRecord   *record,
                    GError           **error)
{
  if ((guint64) builder->n_annotations + record->spans->len > RPT_MAX_ANNOTATIONS)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_TOO_LARGE,
                   _("more than %u annotations in all"), RPT_MAX_ANNOTATIONS);
      _rpt_import_record_free (record);
      return FALSE;
    }
  builder->n_annotations += record->spans->len;
  for (guint i = 0; i < record->spans->len; i++)
    {
      PendingSpan *span = &g_array_index (record->spans, PendingSpan, i);

      ((PendingLabel *) g_ptr_array_index (builder->labels, span->label))->used = TRUE;
      if (span->speaker >= 0)
        ((PendingSpeaker *) g_ptr_array_index (builder->speakers, span->speaker))->used = TRUE;
    }
  g_hash_table_add (builder->document_ids, g_strdup (rpt_document_get_id (record->document)));
  g_clear_pointer (&record->to_chars, g_free);
  g_ptr_array_add (builder->records, record);
  return TRUE;
}

gboolean
_rpt_import_relation_type (const char      *name,
                           RptRelationType *out)
{
  g_autofree char *folded = NULL;

  if (name == NULL)
    return FALSE;
  folded = g_ascii_strdown (name, -1);
  g_strdelimit (folded, "_ ", '-');
  return rpt_relation_type_from_string (folded, out);
}

/* ---- The project ---- */

static char *
unique_id (GHashTable *taken,
           const char *prefix,
           guint      *serial)
{
  for (;;)
    {
      char *id = g_strdup_printf ("%s%u", prefix, ++*serial);

      if (!g_hash_table_contains (taken, id))
        return id;
      g_free (id);
    }
}

static void
finish_labels (RptImportBuilder *builder,
               RptProject       *project,
               char            **label_ids)
{
  g_autoptr(RptProject) defaults = rpt_project_new ();
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) colors = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *shortcuts = g_new0 (guint, builder->labels->len + 1);
  gboolean key_used[10] = { FALSE };
  guint next_color = 0;

  /* Keys the files give win; the rest get the free ones in order. */
  for (guint i = 0; i < builder->labels->len; i++)
    {
      PendingLabel *label = g_ptr_array_index (builder->labels, i);

      if ((label->declared || label->used) && label->shortcut > 0 && !key_used[label->shortcut])
        {
          key_used[label->shortcut] = TRUE;
          shortcuts[i] = label->shortcut;
        }
      if (label->color)
        g_hash_table_add (colors, label->color);
    }

  for (guint i = 0; i < builder->labels->len; i++)
    {
      PendingLabel *label = g_ptr_array_index (builder->labels, i);
      g_autoptr(RptLabel) made = NULL;
      RptLabel *standard;
      const char *color = label->color;
      char *id;

      if (!label->declared && !label->used)
        continue;
      id = _rpt_project_unique_slug (project, taken, label->name, "label");
      g_hash_table_add (taken, id);
      label_ids[i] = id;
      /* The four default labels keep their colours and descriptions. */
      standard = rpt_project_get_label (defaults, id);
      if (color == NULL && standard)
        color = rpt_label_get_color (standard);
      while (color == NULL)
        {
          const char *candidate = palette[next_color % G_N_ELEMENTS (palette)];

          if (!g_hash_table_contains (colors, candidate) || next_color >= G_N_ELEMENTS (palette))
            color = candidate;
          next_color++;
        }
      g_hash_table_add (colors, (gpointer) color);
      if (shortcuts[i] == 0 && !(builder->shortcuts_given && label->declared))
        for (guint k = 1; k <= 9; k++)
          if (!key_used[k])
            {
              key_used[k] = TRUE;
              shortcuts[i] = k;
              break;
            }

      made = rpt_label_new (id, label->name, color, shortcuts[i],
                            label->description ? label->description
                                               : standard ? rpt_label_get_description (standard) : "");
      _rpt_project_load_label (project, made);
    }
}

static void
finish_speakers (RptImportBuilder *builder,
                 RptProject       *project,
                 char            **speaker_ids)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < builder->speakers->len; i++)
    {
      PendingSpeaker *speaker = g_ptr_array_index (builder->speakers, i);
      g_autoptr(RptSpeaker) made = NULL;
      char *id;

      if (!speaker->declared && !speaker->used)
        continue;
      id = _rpt_project_unique_slug (project, taken, speaker->name, "speaker");
      g_hash_table_add (taken, id);
      speaker_ids[i] = id;
      made = rpt_speaker_new (id, speaker->name);
      _rpt_project_load_speaker (project, made);
    }
}

RptProject *
_rpt_import_builder_finish (RptImportBuilder  *builder,
                            GError           **error)
{
  g_autoptr(RptProject) project = rpt_project_new_empty ();
  g_autoptr(GHashTable) annotation_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) relation_ids = g_hash_table_new (g_str_hash, g_str_equal);
  char **label_ids = g_new0 (char *, builder->labels->len + 1);
  char **speaker_ids = g_new0 (char *, builder->speakers->len + 1);
  gint64 now = _rpt_now ();
  guint a_serial = 0, r_serial = 0;

  if (builder->records->len == 0)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID, "%s", _("there is no article to import"));
      g_free (label_ids);
      g_free (speaker_ids);
      return NULL;
    }

  finish_labels (builder, project, label_ids);
  finish_speakers (builder, project, speaker_ids);

  /* Ids from the files are kept where they are free; the rest are made. */
  for (guint r = 0; r < builder->records->len; r++)
    {
      RptImportRecord *record = g_ptr_array_index (builder->records, r);

      for (guint i = 0; i < record->spans->len; i++)
        {
          PendingSpan *span = &g_array_index (record->spans, PendingSpan, i);

          if (span->id && !g_hash_table_contains (annotation_ids, span->id))
            g_hash_table_add (annotation_ids, span->id);
          else
            g_clear_pointer (&span->id, g_free);
        }
      for (guint i = 0; i < record->relations->len; i++)
        {
          PendingRelation *relation = &g_array_index (record->relations, PendingRelation, i);

          if (relation->id && !g_hash_table_contains (relation_ids, relation->id) &&
              !g_hash_table_contains (annotation_ids, relation->id))
            g_hash_table_add (relation_ids, relation->id);
          else
            g_clear_pointer (&relation->id, g_free);
        }
    }

  for (guint r = 0; r < builder->records->len; r++)
    {
      RptImportRecord *record = g_ptr_array_index (builder->records, r);
      const char *doc_id = rpt_document_get_id (record->document);

      _rpt_project_load_document (project, record->document);
      for (guint i = 0; i < record->spans->len; i++)
        {
          PendingSpan *span = &g_array_index (record->spans, PendingSpan, i);
          g_autoptr(RptAnnotation) annotation = NULL;

          if (span->id == NULL)
            {
              span->id = unique_id (annotation_ids, "a", &a_serial);
              g_hash_table_add (annotation_ids, span->id);
            }
          annotation = _rpt_annotation_new (span->id, doc_id, span->start, span->end,
                                            label_ids[span->label],
                                            span->speaker >= 0 ? speaker_ids[span->speaker] : NULL,
                                            span->note, span->author,
                                            span->created >= 0 ? span->created : now,
                                            span->modified >= 0 ? span->modified
                                              : span->created >= 0 ? span->created : now);
          _rpt_project_load_annotation (project, annotation);
        }
    }
  for (guint r = 0; r < builder->records->len; r++)
    {
      RptImportRecord *record = g_ptr_array_index (builder->records, r);

      for (guint i = 0; i < record->relations->len; i++)
        {
          PendingRelation *relation = &g_array_index (record->relations, PendingRelation, i);
          g_autoptr(RptRelation) made = NULL;

          if (relation->id == NULL)
            {
              do
                {
                  g_free (relation->id);
                  relation->id = unique_id (relation_ids, "r", &r_serial);
                }
              while (g_hash_table_contains (annotation_ids, relation->id));
              g_hash_table_add (relation_ids, relation->id);
            }
          made = _rpt_relation_new (relation->id, relation->type,
                                    g_array_index (record->spans, PendingSpan, relation->from).id,
                                    g_array_index (record->spans, PendingSpan, relation->to).id);
          _rpt_project_load_relation (project, made);
        }
    }
  _rpt_project_load_finish (project);

  for (guint i = 0; i < builder->labels->len; i++)
    g_free (label_ids[i]);
  for (guint i = 0; i < builder->speakers->len; i++)
    g_free (speaker_ids[i]);
  g_free (label_ids);
  g_free (speaker_ids);
  return g_steal_pointer (&project);
}
