/* rpt-import-record.c: one imported article and its pending spans and
 * relations, each checked against the text as it is added.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "rpt-core-private.h"
#include "rpt-import-private.h"
#include "rpt-import-text.h"
#include "rpt-project-io.h"

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
                   g_dngettext (GETTEXT_PACKAGE, "the text is longer than %u character",
                                "the text is longer than %u characters", RPT_MAX_ARTICLE_CHARS),
                   RPT_MAX_ARTICLE_CHARS);
      return NULL;
    }

  if (id == NULL)
    {
      /* "reports" -> "reports-1", "reports-2"… in the order of the file. */
      made_id = _rpt_import_builder_free_document_id (builder, fallback_id_stem ? fallback_id_stem : "article", 1);
      id = made_id;
    }
  if (!_rpt_id_is_valid (id))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "the article id is empty, longer than %d byte or has control characters",
                                "the article id is empty, longer than %d bytes or has control characters",
                                RPT_MAX_ID_BYTES),
                   RPT_MAX_ID_BYTES);
      return NULL;
    }
  if (_rpt_import_builder_has_document (builder, id))
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
  /* Translators: completes "are the offsets %s?" in an import error */
  const char *unit_name = unit == RPT_OFFSETS_CODEPOINTS ? C_("offset unit", "characters")
                        : unit == RPT_OFFSETS_UTF16 ? C_("offset unit", "UTF-16 units")
                        : C_("offset unit", "bytes");
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
                        _("the span %" PRIu64 "–%" PRIu64 " is empty or reversed"),
                        in->start, in->end), FALSE;
  if (in->end > max)
    return g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                        unit == RPT_OFFSETS_CODEPOINTS
                        ? g_dngettext (GETTEXT_PACKAGE,
                                       "the end %" PRIu64 " is past the end of the text (%" PRIu64 " character)",
                                       "the end %" PRIu64 " is past the end of the text (%" PRIu64 " characters)",
                                       max)
                        : unit == RPT_OFFSETS_UTF16
                        ? g_dngettext (GETTEXT_PACKAGE,
                                       "the end %" PRIu64 " is past the end of the text (%" PRIu64 " UTF-16 unit)",
                                       "the end %" PRIu64 " is past the end of the text (%" PRIu64 " UTF-16 units)",
                                       max)
                        : g_dngettext (GETTEXT_PACKAGE,
                                       "the end %" PRIu64 " is past the end of the text (%" PRIu64 " byte)",
                                       "the end %" PRIu64 " is past the end of the text (%" PRIu64 " bytes)",
                                       max),
                        in->end, max), FALSE;
  if (!_rpt_import_record_to_chars (record, in->start, unit, &span.start) ||
      !_rpt_import_record_to_chars (record, in->end, unit, &span.end))
    return g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                        _("the span %" PRIu64 "–%" PRIu64 " cuts a character in two: "
                          "are the offsets %s?"), in->start, in->end, unit_name), FALSE;
  if (in->quote != NULL)
    {
      g_autofree char *actual = rpt_document_dup_slice (record->document, span.start, span.end);

      if (strcmp (actual, in->quote) != 0)
        return g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                            _("the text at %" PRIu64 "–%" PRIu64 " is “%s”, not “%s” "
                              "as the file says: are the offsets %s?"),
                            in->start, in->end, actual, in->quote, unit_name), FALSE;
    }
  if (in->key && g_hash_table_contains (record->keys, in->key))
    return g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                        _("the id “%s” is used twice"), in->key), FALSE;
  {
    /* Labels are told apart as the builder does, ignoring case. */
    g_autofree char *folded = g_utf8_casefold (in->label, -1);

    seen_key = g_strdup_printf ("%u %u %s", span.start, span.end, folded);
  }
  if (g_hash_table_contains (record->seen_spans, seen_key))
    return g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                        _("the span %" PRIu64 "–%" PRIu64 " is tagged “%s” twice"),
                        in->start, in->end, in->label), FALSE;

  span.key = g_strdup (in->key);
  span.id = _rpt_id_is_valid (in->id) ? g_strdup (in->id) : NULL;
  span.note = g_strdup (in->note && g_utf8_validate (in->note, -1, NULL) ? in->note : "");
  span.author = g_strdup (in->author && g_utf8_validate (in->author, -1, NULL) ? in->author : "");
  span.created = in->created;
  span.modified = in->modified;
  span.label = _rpt_import_builder_label_index (record->builder, in->label);
  span.speaker = in->speaker && *in->speaker && g_utf8_validate (in->speaker, -1, NULL)
                   ? (gint) _rpt_import_builder_speaker_index (record->builder, in->speaker) : -1;
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

  relation.id = _rpt_id_is_valid (id) ? g_strdup (id) : NULL;
  relation.type = type;
  relation.from = from - 1;
  relation.to = to - 1;
  g_array_append_val (record->relations, relation);
  g_hash_table_add (record->seen_links, g_steal_pointer (&link));
  return TRUE;
}
