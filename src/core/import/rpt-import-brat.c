/* rpt-import-brat.c: brat standoff collections: NAME.txt with NAME.ann (T,
 * R, A and # AnnotatorNotes lines), annotation.conf for the label order
 * and the speakers, visual.conf for display names and colours.
 *
 * brat counts a CRLF as one character (see rpt-export-brat.c). Offsets are
 * read that way; when a span's quoted text only matches with CRLF counted as
 * two, as some tools write them, that reading is used and reported. A span
 * in fragments ("0 5;6 9") becomes one span from the first start to the
 * last end.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "rpt-export-private.h"
#include "rpt-import-private.h"

typedef struct
{
  GHashTable *display;   /* type -> display name (visual.conf [labels]) */
  GHashTable *color;     /* type -> "#rrggbb" (visual.conf [drawing]) */
} Visual;

static char *
strip_line (const char *start,
            gsize       len)
{
  char *line = g_strndup (start, len);

  return g_strstrip (line);
}

/* Calls @func for each line of @data with its 1-based number, without the
 * line break ("\n", "\r\n"). */
typedef gboolean (*LineFunc) (const char *line, guint number, gpointer user_data);

static gboolean
each_line (const char *data,
           gsize       len,
           LineFunc    func,
           gpointer    user_data)
{
  const char *end = data + len;
  guint number = 0;

  while (data < end)
    {
      const char *eol = memchr (data, '\n', end - data);
      gsize n = (eol ? eol : end) - data;
      g_autofree char *line = g_strndup (data, n > 0 && data[n - 1] == '\r' ? n - 1 : n);

      if (!func (line, ++number, user_data))
        return FALSE;
      data += n + (eol ? 1 : 0);
    }
  return TRUE;
}

/* ---- Configuration ---- */

typedef struct
{
  RptImportBuilder *builder;
  Visual           *visual;
  char             *section;
} ConfState;

/* The name a type stands for: its decoded form (Repartee's encoding keeps
 * every character, leading spaces too), unless visual.conf shows it under
 * another name; the type itself when it decodes to nothing. */
static char *
type_to_name (Visual     *visual,
              const char *type)
{
  const char *display = visual ? g_hash_table_lookup (visual->display, type) : NULL;
  g_autofree char *decoded = rpt_export_safe_name_decode (type);
  g_autofree char *stripped = decoded ? g_strstrip (g_strdup (decoded)) : NULL;

  if (display && g_strcmp0 (display, stripped) != 0)
    return g_strdup (display);
  if (decoded && *decoded)
    return g_steal_pointer (&decoded);
  return g_strdup (display ? display : type);
}

static gboolean
section_header (ConfState  *state,
                const char *line)
{
  gsize len = strlen (line);

  if (len < 2 || line[0] != '[' || line[len - 1] != ']')
    return FALSE;
  g_free (state->section);
  state->section = g_strndup (line + 1, len - 2);
  return TRUE;
}

static gboolean
visual_line (const char *raw,
             guint       number,
             gpointer    user_data)
{
  ConfState *state = user_data;
  g_autofree char *line = strip_line (raw, strlen (raw));
  g_auto(GStrv) fields = NULL;

  if (*line == '\0' || *line == '#' || section_header (state, line))
    return TRUE;
  if (g_strcmp0 (state->section, "labels") == 0)
    {
      fields = g_strsplit (line, "|", 3);
      if (fields[0] && fields[1])
        {
          g_strstrip (fields[0]);
          g_strstrip (fields[1]);
          if (*fields[1] && g_utf8_validate (fields[1], -1, NULL))
            g_hash_table_replace (state->visual->display, g_strdup (fields[0]), g_strdup (fields[1]));
        }
    }
  else if (g_strcmp0 (state->section, "drawing") == 0)
    {
      const char *color = strstr (line, "bgColor:");
      char *type_end = strpbrk (line, " \t");

      if (color && type_end)
        {
          g_autofree char *value = g_strndup (color + strlen ("bgColor:"), strcspn (color + strlen ("bgColor:"), ", \t"));

          *type_end = '\0';
          g_hash_table_replace (state->visual->color, g_strdup (line), g_steal_pointer (&value));
        }
    }
  return TRUE;
}

static gboolean
annotation_conf_line (const char *raw,
                      guint       number,
                      gpointer    user_data)
{
  ConfState *state = user_data;
  g_autofree char *line = strip_line (raw, strlen (raw));

  if (*line == '\0' || *line == '#' || section_header (state, line))
    return TRUE;
  if (g_strcmp0 (state->section, "entities") == 0 && line[0] != '!' && line[0] != '<')
    {
      g_autofree char *type = g_strndup (line, strcspn (line, " \t|"));
      g_autofree char *name = type_to_name (state->visual, type);

      _rpt_import_declare_label (state->builder, name, g_hash_table_lookup (state->visual->color, type), 0, NULL);
    }
  else if (g_strcmp0 (state->section, "attributes") == 0 &&
           g_ascii_strncasecmp (line, "Speaker", 7) == 0 && g_ascii_isspace (line[7]))
    {
      const char *values = strstr (line, "Value:");
      g_auto(GStrv) names = NULL;

      if (values == NULL)
        return TRUE;
      names = g_strsplit (values + strlen ("Value:"), "|", -1);
      for (guint i = 0; names[i]; i++)
        {
          g_autofree char *speaker = NULL;

          g_strstrip (names[i]);
          speaker = rpt_export_safe_name_decode (names[i]);
          _rpt_import_declare_speaker (state->builder, speaker ? speaker : names[i]);
        }
    }
  return TRUE;
}

/* ---- One document ---- */

typedef struct
{
  char   *id;       /* "T3" */
  char   *type;
  guint   line;
  guint   start;    /* code points */
  guint   end;
  char   *quote;
} TextBound;

typedef struct
{
  RptImportBuilder *builder;
  Visual           *visual;
  RptImportRecord  *record;
  const char       *name;      /* the .ann file */
  GArray           *crlf;      /* guint: code point of each CRLF's CR */
  GArray           *bounds;    /* TextBound */
  GHashTable       *speakers;  /* "T3" -> speaker name */
  GHashTable       *notes;     /* "T3" -> note */
  GHashTable       *targets;   /* "T3" -> line of the A or # line */
  GPtrArray        *relations; /* char * lines, with their numbers in relation_lines */
  GArray           *relation_lines;
  GError          **error;
  gboolean          raw_offsets_used;
  gboolean          warned_attributes;
  gboolean          warned_other;
  gboolean          warned_gaps;
} Ann;

static void
text_bound_clear (gpointer data)
{
  TextBound *bound = data;

  g_free (bound->id);
  g_free (bound->type);
  g_free (bound->quote);
}

/* A bad line: reported and skipped, or the end of the import. */
static gboolean
bad_line (Ann        *ann,
          guint       number,
          const char *format,
          ...) G_GNUC_PRINTF (3, 4);

static gboolean
bad_line (Ann        *ann,
          guint       number,
          const char *format,
          ...)
{
  g_autofree char *reason = NULL;
  GError *bad;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  bad = g_error_new (RPT_ERROR, RPT_ERROR_INVALID, _("%s: line %u: %s"), ann->name, number, reason);
  return _rpt_import_bad_record (ann->builder, bad, ann->error);
}

/* brat offset (CRLF as one) -> code point. */
static guint64
from_brat (Ann     *ann,
           guint64  offset)
{
  guint lo = 0, hi = ann->crlf->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (ann->crlf, guint, mid) - mid < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return offset + lo;
}

static gboolean
parse_offset (const char *str,
              guint64    *out)
{
  return g_ascii_string_to_unsigned (str, 10, 0, G_MAXUINT, out, NULL);
}

/* The fragments' texts joined by single spaces, as brat quotes them. */
static char *
quote_of (RptImportRecord *record,
          GArray          *fragments)
{
  RptDocument *document = _rpt_import_record_get_document (record);
  GString *quote = g_string_new (NULL);

  for (guint i = 0; i < fragments->len; i += 2)
    {
      if (i)
        g_string_append_c (quote, ' ');
      rpt_export_append_slice (quote, document, g_array_index (fragments, guint, i),
                               g_array_index (fragments, guint, i + 1));
    }
  return g_string_free (quote, FALSE);
}

static gboolean
text_bound (Ann        *ann,
            const char *id,
            const char *rest,
            guint       number)
{
  g_auto(GStrv) parts = g_strsplit (rest, "\t", 2);
  g_auto(GStrv) pieces = NULL;
  g_autoptr(GArray) brat = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) raw = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *type = NULL;
  g_autofree char *brat_quote = NULL;
  guint length = _rpt_import_record_get_length (ann->record);
  const char *space;
  TextBound bound = { 0 };

  if (parts[0] == NULL || parts[1] == NULL || !(space = strchr (parts[0], ' ')))
    return bad_line (ann, number, "%s", _("a T line needs “TYPE START END” and the text, separated by tabs"));
  type = g_strndup (parts[0], space - parts[0]);
  pieces = g_strsplit (space + 1, ";", -1);
  for (guint i = 0; pieces[i]; i++)
    {
      g_auto(GStrv) pair = g_strsplit (g_strstrip (pieces[i]), " ", -1);
      guint64 start, end;
      guint values[4];

      if (g_strv_length (pair) != 2 || !parse_offset (pair[0], &start) || !parse_offset (pair[1], &end))
        return bad_line (ann, number, _("“%s” is not a pair of offsets"), pieces[i]);
      if (end <= start)
        return bad_line (ann, number, _("the span %" PRIu64 "–%" PRIu64 " is empty or reversed"),
                         start, end);
      values[0] = (guint) MIN (from_brat (ann, start), G_MAXUINT);
      values[1] = (guint) MIN (from_brat (ann, end), G_MAXUINT);
      values[2] = (guint) start;
      values[3] = (guint) end;
      if (values[1] > length && values[3] > length)
        return bad_line (ann, number, g_dngettext (GETTEXT_PACKAGE, "the end %" PRIu64 " is past the end of the text (%u character)",
                                                      "the end %" PRIu64 " is past the end of the text (%u characters)", length),
                         end, length);
      g_array_append_vals (brat, values, 2);
      g_array_append_vals (raw, values + 2, 2);
    }

  if (brat->len == 0)
    return bad_line (ann, number, "%s", _("a T line needs at least one pair of offsets"));
  /* brat's reading first; CRLF as two characters if only that matches. */
  if (g_array_index (brat, guint, brat->len - 1) <= length)
    brat_quote = quote_of (ann->record, brat);
  if (brat_quote && g_str_equal (brat_quote, parts[1]))
    bound.start = g_array_index (brat, guint, 0), bound.end = g_array_index (brat, guint, brat->len - 1);
  else
    {
      g_autofree char *raw_quote = g_array_index (raw, guint, raw->len - 1) <= length
                                     ? quote_of (ann->record, raw) : NULL;

      if (raw_quote == NULL || !g_str_equal (raw_quote, parts[1]))
        return bad_line (ann, number, _("the text at these offsets is “%s”, not “%s”"),
                         brat_quote ? brat_quote : raw_quote ? raw_quote : "", parts[1]);
      bound.start = g_array_index (raw, guint, 0), bound.end = g_array_index (raw, guint, raw->len - 1);
      ann->raw_offsets_used = ann->raw_offsets_used || ann->crlf->len > 0;
      g_array_set_size (brat, 0);
      g_array_append_vals (brat, raw->data, raw->len);
    }

  /* The gaps between fragments should only be line breaks. */
  for (guint i = 1; i + 1 < brat->len && !ann->warned_gaps; i += 2)
    {
      g_autofree char *gap = rpt_document_dup_slice (_rpt_import_record_get_document (ann->record),
                                                     g_array_index (brat, guint, i),
                                                     g_array_index (brat, guint, i + 1));
      if (*g_strstrip (gap) != '\0')
        {
          ann->warned_gaps = TRUE;
          _rpt_import_warn (ann->builder, _("%s: line %u: %s has fragments with text between them; "
                                            "it is imported as one span that covers the gaps"),
                            ann->name, number, id);
        }
    }

  bound.id = g_strdup (id);
  bound.type = g_steal_pointer (&type);
  bound.line = number;
  bound.quote = g_strdup (parts[1]);
  g_array_append_val (ann->bounds, bound);
  return TRUE;
}

/* NULL for a note with \u0000, which the project file cannot hold. */
static char *
unescape_note (const char *note)
{
  GString *out = g_string_new (NULL);

  for (const char *p = note; *p; p++)
    {
      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      switch (*p)
        {
        case '\\': g_string_append_c (out, '\\'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          if (g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
              g_ascii_isxdigit (p[4]))
            {
              gunichar c = (g_ascii_xdigit_value (p[1]) << 12) | (g_ascii_xdigit_value (p[2]) << 8) |
                           (g_ascii_xdigit_value (p[3]) << 4) | g_ascii_xdigit_value (p[4]);

              if (c == 0)
                {
                  g_string_free (out, TRUE);
                  return NULL;
                }
              /* A surrogate half is no character: kept as written, below. */
              if (g_unichar_validate (c))
                {
                  g_string_append_unichar (out, c);
                  p += 4;
                  break;
                }
            }
          G_GNUC_FALLTHROUGH;
        default:
          /* Not one of ours ("C:\path"): keep it as it is. */
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
ann_line (const char *line,
          guint       number,
          gpointer    user_data)
{
  Ann *ann = user_data;
  g_auto(GStrv) fields = NULL;
  const char *p = line;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '\0')
    return TRUE;
  fields = g_strsplit (line, "\t", 2);
  if (fields[1] == NULL)
    return bad_line (ann, number, "%s", _("an annotation line needs an id, a tab and its data"));

  switch (fields[0][0])
    {
    case 'T':
      return text_bound (ann, fields[0], fields[1], number);

    case 'A':
    case 'M':
      {
        g_auto(GStrv) words = g_strsplit (fields[1], " ", 3);

        if (g_strv_length (words) < 2)
          return bad_line (ann, number, "%s", _("an attribute line needs a name and a target"));
        if (g_ascii_strcasecmp (words[0], "Speaker") != 0 || words[2] == NULL)
          {
            if (!ann->warned_attributes)
              _rpt_import_warn (ann->builder, _("%s: line %u: only the Speaker attribute is imported"),
                                ann->name, number);
            ann->warned_attributes = TRUE;
            return TRUE;
          }
        {
          g_autofree char *speaker = rpt_export_safe_name_decode (g_strstrip (words[2]));

          g_hash_table_replace (ann->speakers, g_strdup (words[1]), g_strdup (speaker ? speaker : words[2]));
          g_hash_table_replace (ann->targets, g_strdup (words[1]), GUINT_TO_POINTER (number));
        }
        return TRUE;
      }

    case '#':
      {
        g_auto(GStrv) parts = g_strsplit (fields[1], "\t", 2);
        g_auto(GStrv) words = g_strsplit (parts[0] ? parts[0] : "", " ", 2);
        char *note;

        if (g_strcmp0 (words[0], "AnnotatorNotes") != 0 || words[1] == NULL)
          return TRUE;
        if ((note = unescape_note (parts[1] ? parts[1] : "")) == NULL)
          return bad_line (ann, number, "%s",
                           _("the note contains \\u0000 (a NUL character), which Repartee cannot keep"));
        g_hash_table_replace (ann->notes, g_strdup (g_strstrip (words[1])), note);
        g_hash_table_replace (ann->targets, g_strdup (words[1]), GUINT_TO_POINTER (number));
        return TRUE;
      }

    case 'R':
      g_ptr_array_add (ann->relations, g_strdup (fields[1]));
      g_array_append_val (ann->relation_lines, number);
      return TRUE;

    default:
      if (!ann->warned_other)
        _rpt_import_warn (ann->builder, _("%s: line %u: events, equivalences and normalisations "
                                          "are not imported"), ann->name, number);
      ann->warned_other = TRUE;
      return TRUE;
    }
}

static gboolean
add_bounds (Ann *ann)
{
  for (guint i = 0; i < ann->bounds->len; i++)
    {
      TextBound *bound = &g_array_index (ann->bounds, TextBound, i);
      g_autofree char *label = type_to_name (ann->visual, bound->type);
      g_autoptr(GError) reason = NULL;
      RptImportSpan span = { 0 };

      span.key = bound->id;
      span.start = bound->start;
      span.end = bound->end;
      span.label = label;
      span.speaker = g_hash_table_lookup (ann->speakers, bound->id);
      span.note = g_hash_table_lookup (ann->notes, bound->id);
      span.created = span.modified = -1;
      if (!_rpt_import_record_add_span (ann->record, &span, RPT_OFFSETS_CODEPOINTS, &reason) &&
          !bad_line (ann, bound->line, "%s", reason->message))
        return FALSE;
    }

  /* Speakers and notes for T lines that are missing or were left out. */
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, ann->targets);
    while (g_hash_table_iter_next (&iter, &key, &value))
      if (!_rpt_import_record_has_key (ann->record, key) &&
          !bad_line (ann, GPOINTER_TO_UINT (value), _("“%s” is not a text annotation of this document"),
                     (char *) key))
        return FALSE;
  }
  return TRUE;
}

static gboolean
add_relations (Ann *ann)
{
  for (guint i = 0; i < ann->relations->len; i++)
    {
      g_auto(GStrv) words = g_strsplit (g_ptr_array_index (ann->relations, i), " ", -1);
      guint number = g_array_index (ann->relation_lines, guint, i);
      g_autoptr(GError) reason = NULL;
      const char *from = NULL, *to = NULL;
      RptRelationType type;

      for (guint k = 1; words[0] && words[k]; k++)
        {
          g_strstrip (words[k]);
          if (g_str_has_prefix (words[k], "Arg1:"))
            from = words[k] + 5;
          else if (g_str_has_prefix (words[k], "Arg2:"))
            to = words[k] + 5;
        }
      if (from == NULL || to == NULL)
        {
          if (!bad_line (ann, number, "%s", _("a relation needs Arg1: and Arg2:")))
            return FALSE;
          continue;
        }
      if (!_rpt_import_relation_type (words[0], &type))
        {
          _rpt_import_warn (ann->builder, _("%s: line %u: the relation type “%s” is not rebuts, "
                                            "responds_to or supports; it is not imported"),
                            ann->name, number, words[0]);
          continue;
        }
      if (!_rpt_import_record_add_relation (ann->record, NULL, type, from, to, &reason) &&
          !bad_line (ann, number, "%s", reason->message))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_document (RptImportBuilder      *builder,
                 Visual                *visual,
                 const RptImportInput  *txt,
                 const RptImportInput  *ann_input,
                 GError               **error)
{
  g_autofree char *source = g_path_get_basename (txt->name);
  g_autofree char *base = g_strndup (source, strlen (source) - 4);   /* without ".txt" */
  g_autoptr(GError) reason = NULL;
  GError *local_error = NULL;
  Ann ann = { builder, visual, NULL, ann_input ? ann_input->name : txt->name };
  const char *bad;
  gboolean ok;

  ann.record = _rpt_import_record_new (builder, base, NULL, NULL, source, txt->data, txt->len, &reason);
  if (ann.record == NULL)
    return _rpt_import_bad_record (builder, g_error_new (RPT_ERROR, RPT_ERROR_INVALID, "%s: %s",
                                                         txt->name, reason->message), error);
  if (ann_input == NULL)
    return _rpt_import_commit (builder, ann.record, error);

  ann.crlf = g_array_new (FALSE, FALSE, sizeof (guint));
  ann.bounds = g_array_new (FALSE, TRUE, sizeof (TextBound));
  g_array_set_clear_func (ann.bounds, text_bound_clear);
  ann.speakers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ann.notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ann.targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ann.relations = g_ptr_array_new_with_free_func (g_free);
  ann.relation_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  ann.error = &local_error;
  {
    const char *text = rpt_document_get_text (_rpt_import_record_get_document (ann.record));
    guint i = 0;

    for (const char *p = text; *p; p = g_utf8_next_char (p), i++)
      if (p[0] == '\r' && p[1] == '\n')
        g_array_append_val (ann.crlf, i);
  }

  if (g_utf8_validate_len (ann_input->data, ann_input->len, &bad))
    ok = each_line (ann_input->data, ann_input->len, ann_line, &ann) && add_bounds (&ann) && add_relations (&ann);
  else
    {
      guint line = 1;

      for (const char *p = ann_input->data; p < bad; p++)
        line += *p == '\n';
      ok = bad_line (&ann, line, "%s", *bad == '\0' ? _("the file contains a NUL byte")
                                                    : _("the file is not valid UTF-8")) && FALSE;
    }
  if (ok && ann.raw_offsets_used)
    _rpt_import_warn (builder, _("%s: offsets count each CRLF as two characters, not one as brat does; "
                                 "they were read that way"), ann.name);

  g_array_unref (ann.crlf);
  g_array_unref (ann.bounds);
  g_hash_table_unref (ann.speakers);
  g_hash_table_unref (ann.notes);
  g_hash_table_unref (ann.targets);
  g_ptr_array_unref (ann.relations);
  g_array_unref (ann.relation_lines);
  if (!ok)
    {
      _rpt_import_record_free (ann.record);
      /* Without an error, the file was bad and skipped. */
      if (local_error)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      return TRUE;
    }
  return _rpt_import_commit (builder, ann.record, error);
}

gboolean
_rpt_import_brat (RptImportBuilder      *builder,
                  const RptImportInput  *inputs,
                  guint                  n_inputs,
                  GError               **error)
{
  Visual visual = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
                    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free) };
  g_autoptr(GHashTable) anns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) used = g_hash_table_new (g_direct_hash, g_direct_equal);
  ConfState state = { builder, &visual, NULL };
  gboolean ok = TRUE;

  /* visual.conf first: annotation.conf's names and colours come from it. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_inputs; i++)
      {
        g_autofree char *base = g_path_get_basename (inputs[i].name);
        const char *bad;

        if (!g_str_equal (base, pass == 0 ? "visual.conf" : "annotation.conf"))
          continue;
        if (g_utf8_validate_len (inputs[i].data, inputs[i].len, &bad))
          {
            g_clear_pointer (&state.section, g_free);
            each_line (inputs[i].data, inputs[i].len, pass == 0 ? visual_line : annotation_conf_line, &state);
          }
        else
          {
            /* As an unreadable Label Studio configuration: said, not fatal. */
            guint line = 1;

            for (const char *p = inputs[i].data; p < bad; p++)
              line += *p == '\n';
            _rpt_import_warn (builder, *bad == '\0'
                                         ? _("%s: line %u: the file contains a NUL byte; it was not read")
                                         : _("%s: line %u: the file is not valid UTF-8; it was not read"),
                              inputs[i].name, line);
          }
      }
  g_free (state.section);

  for (guint i = 0; i < n_inputs; i++)
    if (g_str_has_suffix (inputs[i].name, ".ann"))
      g_hash_table_insert (anns, g_strndup (inputs[i].name, strlen (inputs[i].name) - 4), (gpointer) &inputs[i]);

  for (guint i = 0; i < n_inputs && ok; i++)
    {
      const RptImportInput *ann;
      g_autofree char *stem = NULL;

      if (!g_str_has_suffix (inputs[i].name, ".txt"))
        continue;
      stem = g_strndup (inputs[i].name, strlen (inputs[i].name) - 4);
      ann = g_hash_table_lookup (anns, stem);
      if (ann)
        g_hash_table_add (used, (gpointer) ann);
      ok = import_document (builder, &visual, &inputs[i], ann, error);
    }
  for (guint i = 0; i < n_inputs && ok; i++)
    if (g_str_has_suffix (inputs[i].name, ".ann") && !g_hash_table_contains (used, &inputs[i]))
      ok = _rpt_import_bad_record (builder,
                                   g_error_new (RPT_ERROR, RPT_ERROR_INVALID,
                                                _("%s: there is no .txt file of the same name beside it"),
                                                inputs[i].name), error);

  g_hash_table_unref (visual.display);
  g_hash_table_unref (visual.color);
  return ok;
}
