/* rpt-export-brat.c: a brat collection: for each article NAME.txt (the text,
 * byte for byte) and NAME.ann (standoff: T, R, A and # lines), plus
 * annotation.conf declaring every label, relation and attribute, and
 * visual.conf with the label colours and display names.
 *
 * brat counts offsets in code points of the text as Python reads it with
 * universal newlines, so a CRLF counts as one character (nlplab/brat#853);
 * the offsets written here follow brat. A T line's text cannot hold a line
 * break, so a span across lines is written as fragments ("0 5;6 9"), the
 * way brat itself writes it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rpt-export-private.h"

/* The relation types as brat names: letters and underscores only. */
static const char *relation_names[RPT_RELATION_N_TYPES] = {
  [RPT_RELATION_REBUTS] = "rebuts",
  [RPT_RELATION_RESPONDS_TO] = "responds_to",
  [RPT_RELATION_SUPPORTS] = "supports",
};

/* Characters that end a line for Python's str.splitlines(), which is how
 * brat splits an .ann file: none may appear inside a T line or a note.
 * Returns the length in bytes of the one at @p, or 0. Works on the bytes:
 * the writer walks hundreds of thousands of spans. */
static inline guint
line_break_at (const char *p)
{
  guchar b = (guchar) p[0];

  if (b < 0x20)
    return (b >= '\n' && b <= '\r') || (b >= 0x1c && b <= 0x1e) ? 1 : 0;
  if (b == 0xc2)
    return (guchar) p[1] == 0x85 ? 2 : 0;  /* U+0085 */
  if (b == 0xe2)
    return (guchar) p[1] == 0x80 && ((guchar) p[2] == 0xa8 || (guchar) p[2] == 0xa9) ? 3 : 0;
  return 0;  /* U+2028, U+2029 above */
}

/* Appends @n in decimal: printf costs more than the rest of a T line. */
static inline void
append_uint (GString *out,
             guint    n)
{
  char buf[16], *p = buf + sizeof buf;

  do
    *--p = (char) ('0' + n % 10);
  while ((n /= 10) > 0);
  g_string_append_len (out, p, buf + sizeof buf - p);
}

/* A run of a span without line breaks. */
typedef struct
{
  guint       start;   /* code points */
  guint       end;
  const char *bytes;
  gsize       n_bytes;
} Run;

typedef struct
{
  GArray     *crlf;   /* guint: code point offsets of the CR of each CRLF */
  GArray     *runs;   /* Run, scratch */
  const char *text;   /* the current document's text */
  const char *at;     /* a cursor in it: byte of code point at_offset */
  guint       at_offset;
  guint       n_edge_in_crlf;
  guint       n_trimmed;
} Brat;

static void
find_crlf (const char *text,
           GArray     *crlf)
{
  const char *p = text, *cr;
  guint i = 0;

  g_array_set_size (crlf, 0);
  while ((cr = strstr (p, "\r\n")))
    {
      /* Count the code points up to the CR: every byte but continuations. */
      for (; p < cr; p++)
        i += ((guchar) *p & 0xc0) != 0x80;
      g_array_append_val (crlf, i);
      p = cr + 1;
      i++;
    }
}

/* Code points before @offset minus the CRLFs wholly before it. */
static guint
brat_offset (Brat  *brat,
             guint  offset)
{
  guint lo = 0, hi = brat->crlf->len;

  if (hi == 0)
    return offset;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (brat->crlf, guint, mid) + 1 < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < brat->crlf->len && g_array_index (brat->crlf, guint, lo) + 1 == offset)
    brat->n_edge_in_crlf++;
  return offset - lo;
}

/* The byte of code point @offset. Spans come in text order, so the cursor
 * mostly moves forward a little; a step back starts from the document's
 * checkpoints. */
static const char *
seek (Brat        *brat,
      RptDocument *document,
      guint        offset)
{
  if (offset < brat->at_offset)
    {
      brat->at = brat->text + rpt_document_byte_offset (document, offset);
      brat->at_offset = offset;
    }
  for (; brat->at_offset < offset && *brat->at; brat->at_offset++)
    brat->at = g_utf8_next_char (brat->at);
  return brat->at;
}

static void
append_escaped_note (GString    *out,
                     const char *note)
{
  const char *run = note, *p = note;

  while (*p)
    {
      guint brk = line_break_at (p);

      if (*p != '\\' && *p != '\t' && brk == 0)
        {
          p++;
          continue;
        }
      g_string_append_len (out, run, p - run);
      if (*p == '\\')
        g_string_append (out, "\\\\");
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\r')
        g_string_append (out, "\\r");
      else if (*p == '\t')
        g_string_append (out, "\\t");
      else
        g_string_append_printf (out, "\\u%04x", g_utf8_get_char (p));
      p += brk ? brk : 1;
      run = p;
    }
  g_string_append_len (out, run, p - run);
}

/* Writes "TYPE s e;s e\tfrag frag" for the runs of @span without line
 * breaks. Returns FALSE when the span is all line breaks. */
static gboolean
append_fragments (Brat                *brat,
                  RptDocument         *document,
                  const RptExportSpan *span,
                  const char          *type,
                  GString             *out)
{
  const char *first = seek (brat, document, span->start);
  const char *p = first, *last = NULL, *run_bytes = NULL;
  GArray *runs = brat->runs;
  guint run_start = G_MAXUINT;

  g_array_set_size (runs, 0);
  for (guint i = span->start; i <= span->end; i++)
    {
      guint brk = i < span->end ? line_break_at (p) : 1;

      if (!brk && run_start == G_MAXUINT)
        {
          run_start = i;
          run_bytes = p;
        }
      else if (brk && run_start != G_MAXUINT)
        {
          Run run = { run_start, i, run_bytes, (gsize) (p - run_bytes) };

          g_array_append_val (runs, run);
          run_start = G_MAXUINT;
        }
      if (i < span->end)
        {
          last = p;
          p = g_utf8_next_char (p);
        }
    }
  if (runs->len == 0)
    return FALSE;

  if (line_break_at (first) || line_break_at (last))
    brat->n_trimmed++;
  g_string_append (out, type);
  for (guint r = 0; r < runs->len; r++)
    {
      Run *run = &g_array_index (runs, Run, r);

      g_string_append_c (out, r ? ';' : ' ');
      append_uint (out, brat_offset (brat, run->start));
      g_string_append_c (out, ' ');
      append_uint (out, brat_offset (brat, run->end));
    }
  for (guint r = 0; r < runs->len; r++)
    {
      Run *run = &g_array_index (runs, Run, r);

      g_string_append_c (out, r ? ' ' : '\t');
      g_string_append_len (out, run->bytes, run->n_bytes);
    }
  return TRUE;
}

static void
write_ann (Brat              *brat,
           RptExportSelection *sel,
           RptExportDocument  *doc,
           GString            *out,
           guint              *n_dropped)
{
  g_autofree guint *t_number = g_new0 (guint, MAX (doc->n_spans, 1));
  guint n_t = 0, n_a = 0, n_r = 0, n_notes = 0;

  brat->text = rpt_document_get_text (doc->document);
  brat->at = brat->text;
  brat->at_offset = 0;

  for (guint i = 0; i < doc->n_spans; i++)
    {
      const RptExportSpan *span = &doc->spans[i];
      RptExportLabel *label = &g_array_index (sel->labels, RptExportLabel, span->label);
      gsize mark = out->len;

      g_string_append_c (out, 'T');
      append_uint (out, n_t + 1);
      g_string_append_c (out, '\t');
      if (!append_fragments (brat, doc->document, span, label->safe_name, out))
        {
          g_string_truncate (out, mark);
          (*n_dropped)++;
          continue;
        }
      g_string_append_c (out, '\n');
      t_number[i] = ++n_t;
    }

  for (guint i = 0; i < doc->n_spans; i++)
    {
      const RptExportSpan *span = &doc->spans[i];

      if (t_number[i] == 0 || span->speaker < 0)
        continue;
      g_string_append_c (out, 'A');
      append_uint (out, ++n_a);
      g_string_append (out, "\tSpeaker T");
      append_uint (out, t_number[i]);
      g_string_append_c (out, ' ');
      g_string_append (out, g_array_index (sel->speakers, RptExportSpeaker, span->speaker).safe_name);
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < doc->n_relations; i++)
    {
      RptExportRelation *relation = doc->relations[i];
      guint from = t_number[relation->from - doc->spans], to = t_number[relation->to - doc->spans];

      if (!from || !to)
        continue;
      g_string_append_c (out, 'R');
      append_uint (out, ++n_r);
      g_string_append_c (out, '\t');
      g_string_append (out, relation_names[relation->type]);
      g_string_append (out, " Arg1:T");
      append_uint (out, from);
      g_string_append (out, " Arg2:T");
      append_uint (out, to);
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < doc->n_spans; i++)
    {
      const RptExportSpan *span = &doc->spans[i];

      if (t_number[i] == 0 || *span->note == '\0')
        continue;
      g_string_append_c (out, '#');
      append_uint (out, ++n_notes);
      g_string_append (out, "\tAnnotatorNotes T");
      append_uint (out, t_number[i]);
      g_string_append_c (out, '\t');
      append_escaped_note (out, span->note);
      g_string_append_c (out, '\n');
    }
}

static void
write_confs (RptExportSelection *sel,
             GString            *conf,
             GString            *visual)
{
  g_string_append (conf, "# Written by Repartee: the labels, relations and attributes of this collection.\n"
                         "[entities]\n");
  for (guint i = 0; i < sel->labels->len; i++)
    g_string_append_printf (conf, "%s\n", g_array_index (sel->labels, RptExportLabel, i).safe_name);

  g_string_append (conf, "\n[relations]\n");
  for (guint t = 0; t < RPT_RELATION_N_TYPES; t++)
    g_string_append_printf (conf, "%s\tArg1:<ENTITY>, Arg2:<ENTITY>\n", relation_names[t]);
  /* Repartee lets spans overlap; so must brat. */
  g_string_append (conf, "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
                         "\n[events]\n"
                         "\n[attributes]\n");
  if (sel->speakers->len > 0)
    {
      g_string_append (conf, "Speaker\tArg:<ENTITY>, Value:");
      for (guint i = 0; i < sel->speakers->len; i++)
        g_string_append_printf (conf, "%s%s", i ? "|" : "",
                                g_array_index (sel->speakers, RptExportSpeaker, i).safe_name);
      g_string_append_c (conf, '\n');
    }

  g_string_append (visual, "# Written by Repartee: display names and colours.\n[labels]\n");
  for (guint i = 0; i < sel->labels->len; i++)
    {
      RptExportLabel *label = &g_array_index (sel->labels, RptExportLabel, i);

      /* A name with '|' or a tab would break the line; brat then shows
       * the encoded name. */
      if (!strpbrk (label->name, "|\t\r\n"))
        g_string_append_printf (visual, "%s | %s\n", label->safe_name, label->name);
    }
  g_string_append (visual, "rebuts | Rebuts\nresponds_to | Responds to\nsupports | Supports\n"
                           "\n[drawing]\n");
  for (guint i = 0; i < sel->labels->len; i++)
    {
      RptExportLabel *label = &g_array_index (sel->labels, RptExportLabel, i);

      g_string_append_printf (visual, "%s\tbgColor:%s\n", label->safe_name, label->color);
    }
}

gboolean
_rpt_export_brat (RptExportContext  *ctx,
                  GError           **error)
{
  RptExportSelection *sel = ctx->selection;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) crlf = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  Brat brat = { crlf, runs };
  guint n_dropped = 0, n_crlf_documents = 0, n_renamed = 0;

  for (guint d = 0; d < sel->n_documents; d++)
    {
      RptExportDocument *doc = &sel->documents[d];
      RptDocument *document = doc->document;
      g_autofree char *stem = rpt_export_file_stem (rpt_document_get_id (document), taken);
      g_autofree char *txt_name = g_strconcat (stem, ".txt", NULL);
      g_autofree char *ann_name = g_strconcat (stem, ".ann", NULL);
      GString *txt = rpt_export_add_file (ctx, txt_name, rpt_document_get_text_bytes (document));
      GString *ann = rpt_export_add_file (ctx, ann_name, (gsize) doc->n_spans * 64 + 64);

      if (!g_str_equal (stem, rpt_document_get_id (document)))
        n_renamed++;
      g_string_append_len (txt, rpt_document_get_text (document), rpt_document_get_text_bytes (document));
      find_crlf (rpt_document_get_text (document), crlf);
      if (crlf->len > 0)
        n_crlf_documents++;
      write_ann (&brat, sel, doc, ann, &n_dropped);
      if (!rpt_export_step (ctx, d + 1, error))
        return FALSE;
    }
  write_confs (sel, rpt_export_add_file (ctx, "annotation.conf", 1024),
               rpt_export_add_file (ctx, "visual.conf", 1024));

  rpt_export_warn (ctx, "%s", _("brat does not carry article titles and sources, label descriptions "
                                "and shortcuts, or annotation authors and times"));
  if (n_renamed > 0)
    rpt_export_warn (ctx, g_dngettext (GETTEXT_PACKAGE,
                                       "%u article id is not a safe file name; its files are named after a cleaned-up id",
                                       "%u article ids are not safe file names; their files are named after cleaned-up ids",
                                       n_renamed), n_renamed);
  if (n_crlf_documents > 0)
    rpt_export_warn (ctx, g_dngettext (GETTEXT_PACKAGE,
                                       "%u article has CRLF line breaks: as brat reads it, each CRLF counts as "
                                       "one character in the .ann offsets",
                                       "%u articles have CRLF line breaks: as brat reads them, each CRLF counts as "
                                       "one character in the .ann offsets",
                                       n_crlf_documents), n_crlf_documents);
  if (brat.n_trimmed > 0)
    rpt_export_warn (ctx, g_dngettext (GETTEXT_PACKAGE,
                                       "%u span starts or ends with a line break, which brat cannot hold; "
                                       "the break is left out",
                                       "%u spans start or end with a line break, which brat cannot hold; "
                                       "the breaks are left out",
                                       brat.n_trimmed), brat.n_trimmed);
  if (brat.n_edge_in_crlf > 0)
    rpt_export_warn (ctx, g_dngettext (GETTEXT_PACKAGE,
                                       "%u span edge falls between the CR and the LF of a line break; "
                                       "in brat it moves past the break",
                                       "%u span edges fall between the CR and the LF of a line break; "
                                       "in brat they move past the break",
                                       brat.n_edge_in_crlf), brat.n_edge_in_crlf);
  if (n_dropped > 0)
    rpt_export_warn (ctx, g_dngettext (GETTEXT_PACKAGE,
                                       "%u span covers only line breaks and was left out",
                                       "%u spans cover only line breaks and were left out",
                                       n_dropped), n_dropped);
  if (sel->n_cross_relations > 0)
    rpt_export_warn (ctx, g_dngettext (GETTEXT_PACKAGE,
                                       "%u relation links annotations in two articles; brat keeps "
                                       "relations within a document, so it was left out",
                                       "%u relations link annotations in two articles; brat keeps "
                                       "relations within a document, so they were left out",
                                       sel->n_cross_relations), sel->n_cross_relations);
  return TRUE;
}
