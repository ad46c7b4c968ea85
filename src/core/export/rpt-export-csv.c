/* rpt-export-csv.c: one row per annotation, RFC 4180: comma separated,
 * CRLF after every record, a field quoted when it holds a comma, a quote,
 * CR or LF, quotes doubled inside. UTF-8 without a byte order mark, so
 * that Python's csv module and pandas read the header as written.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rpt-export-private.h"

static void
append_field_len (GString    *out,
                  const char *value,
                  gsize       len)
{
  gboolean quote = FALSE;

  for (gsize i = 0; i < len && !quote; i++)
    quote = value[i] == ',' || value[i] == '"' || value[i] == '\r' || value[i] == '\n';
  if (!quote)
    {
      g_string_append_len (out, value, len);
      return;
    }
  g_string_append_c (out, '"');
  for (gsize i = 0; i < len; i++)
    {
      if (value[i] == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, value[i]);
    }
  g_string_append_c (out, '"');
}

static void
append_field (GString    *out,
              const char *value)
{
  append_field_len (out, value, strlen (value));
}

gboolean
_rpt_export_csv (RptExportContext  *ctx,
                 GError           **error)
{
  RptExportSelection *sel = ctx->selection;
  GString *out = rpt_export_add_file (ctx, NULL, 256 + (gsize) sel->n_spans * 160);

  g_string_append (out, "article_id,title,start,end,label,speaker,text,note,author,annotation_id\r\n");

  for (guint d = 0; d < sel->n_documents; d++)
    {
      RptExportDocument *doc = &sel->documents[d];
      RptDocument *document = doc->document;
      const char *text = rpt_document_get_text (document);

      for (guint i = 0; i < doc->n_spans; i++)
        {
          const RptExportSpan *span = &doc->spans[i];
          gsize b_start = rpt_document_byte_offset (document, span->start);
          gsize b_end = rpt_document_byte_offset (document, span->end);

          append_field (out, rpt_document_get_id (document));
          g_string_append_c (out, ',');
          append_field (out, rpt_document_get_title (document));
          g_string_append_printf (out, ",%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT ",",
                                  rpt_export_offset (sel, document, span->start),
                                  rpt_export_offset (sel, document, span->end));
          append_field (out, g_array_index (sel->labels, RptExportLabel, span->label).name);
          g_string_append_c (out, ',');
          if (span->speaker >= 0)
            append_field (out, g_array_index (sel->speakers, RptExportSpeaker, span->speaker).name);
          g_string_append_c (out, ',');
          append_field_len (out, text + b_start, b_end - b_start);
          g_string_append_c (out, ',');
          append_field (out, span->note);
          g_string_append_c (out, ',');
          append_field (out, span->author);
          g_string_append_c (out, ',');
          append_field (out, span->id);
          g_string_append (out, "\r\n");
        }
      if (!rpt_export_step (ctx, d + 1, error))
        return FALSE;
    }

  rpt_export_warn (ctx, "%s", _("CSV does not carry relations, article texts, label colours or "
                                "speakers no annotation names; Repartee cannot import it"));
  return TRUE;
}
