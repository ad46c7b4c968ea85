/* rpt-export-jsonl.c: one JSON object per article and line.
 *
 * "label" is the [start, end, "Label"] list that doccano's sequence
 * labelling import and most spaCy conversion scripts read; "entities" and
 * "relations" follow doccano's relation-extraction layout (start_offset,
 * end_offset, from_id, to_id, type) and carry what "label" cannot: ids,
 * speakers, notes, authors and times. See docs/EXPORT.md.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rpt-export-private.h"
#include "rpt-json-writer.h"

static void
write_document (RptExportSelection *sel,
                RptExportDocument  *doc,
                GString            *out)
{
  RptDocument *document = doc->document;

  g_string_append_c (out, '{');
  rpt_json_append_member_string (out, "id", rpt_document_get_id (document));
  g_string_append (out, ", ");
  rpt_json_append_member_string (out, "title", rpt_document_get_title (document));
  g_string_append (out, ", ");
  rpt_json_append_member_string (out, "source", rpt_document_get_source (document));
  g_string_append (out, ", ");
  rpt_json_append_member_string (out, "text", rpt_document_get_text (document));
  if (sel->offsets != RPT_OFFSETS_CODEPOINTS)
    {
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "offset_unit", rpt_offset_unit_to_string (sel->offsets));
    }

  g_string_append (out, ", \"label\": [");
  for (guint i = 0; i < doc->n_spans; i++)
    {
      const RptExportSpan *span = &doc->spans[i];

      g_string_append_printf (out, "%s[%" G_GUINT64_FORMAT ", %" G_GUINT64_FORMAT ", ",
                              i ? ", " : "",
                              rpt_export_offset (sel, document, span->start),
                              rpt_export_offset (sel, document, span->end));
      rpt_json_append_string (out, g_array_index (sel->labels, RptExportLabel, span->label).name);
      g_string_append_c (out, ']');
    }

  g_string_append (out, "], \"entities\": [");
  for (guint i = 0; i < doc->n_spans; i++)
    {
      const RptExportSpan *span = &doc->spans[i];

      g_string_append (out, i ? ", {" : "{");
      rpt_json_append_member_string (out, "id", span->id);
      g_string_append_printf (out, ", \"start_offset\": %" G_GUINT64_FORMAT
                                   ", \"end_offset\": %" G_GUINT64_FORMAT ", ",
                              rpt_export_offset (sel, document, span->start),
                              rpt_export_offset (sel, document, span->end));
      rpt_json_append_member_string (out, "label",
                                     g_array_index (sel->labels, RptExportLabel, span->label).name);
      g_string_append (out, ", \"speaker\": ");
      if (span->speaker >= 0)
        rpt_json_append_string (out, g_array_index (sel->speakers, RptExportSpeaker, span->speaker).name);
      else
        g_string_append (out, "null");
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "note", span->note);
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "author", span->author);
      g_string_append (out, ", \"created\": ");
      rpt_export_append_time (out, span->created);
      g_string_append (out, ", \"modified\": ");
      rpt_export_append_time (out, span->modified);
      g_string_append_c (out, '}');
    }

  g_string_append (out, "], \"relations\": [");
  for (guint i = 0; i < doc->n_relations; i++)
    {
      RptExportRelation *relation = doc->relations[i];

      g_string_append (out, i ? ", {" : "{");
      rpt_json_append_member_string (out, "id", relation->id);
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "from_id", relation->from->id);
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "to_id", relation->to->id);
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "type", rpt_relation_type_to_string (relation->type));
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}\n");
}

gboolean
_rpt_export_jsonl (RptExportContext  *ctx,
                   GError           **error)
{
  RptExportSelection *sel = ctx->selection;
  gsize reserve = 0;
  guint unused_labels = 0, unused_speakers = 0;
  GString *out;

  for (guint d = 0; d < sel->n_documents; d++)
    reserve += rpt_document_get_text_bytes (sel->documents[d].document) * 11 / 10 + 256;
  out = rpt_export_add_file (ctx, NULL, reserve + (gsize) sel->n_spans * 200);

  for (guint d = 0; d < sel->n_documents; d++)
    {
      write_document (sel, &sel->documents[d], out);
      if (!rpt_export_step (ctx, d + 1, error))
        return FALSE;
    }

  for (guint i = 0; i < sel->labels->len; i++)
    unused_labels += g_array_index (sel->labels, RptExportLabel, i).n_uses == 0;
  for (guint i = 0; i < sel->speakers->len; i++)
    unused_speakers += g_array_index (sel->speakers, RptExportSpeaker, i).n_uses == 0;

  rpt_export_warn (ctx, "%s", _("JSON Lines does not carry label colours, shortcuts or descriptions; "
                                "an import gives labels the default colours"));
  if (unused_labels > 0)
    rpt_export_warn (ctx, g_dngettext (GETTEXT_PACKAGE,
                                       "JSON Lines only names labels in use: %u unused label is not in the file",
                                       "JSON Lines only names labels in use: %u unused labels are not in the file",
                                       unused_labels), unused_labels);
  if (unused_speakers > 0)
    rpt_export_warn (ctx, g_dngettext (GETTEXT_PACKAGE,
                                       "JSON Lines only names speakers in use: %u speaker no annotation names is not in the file",
                                       "JSON Lines only names speakers in use: %u speakers no annotation names are not in the file",
                                       unused_speakers), unused_speakers);
  if (sel->n_cross_relations > 0)
    rpt_export_warn (ctx, g_dngettext (GETTEXT_PACKAGE,
                                       "%u relation links annotations in two articles; JSON Lines keeps "
                                       "relations within an article, so it was left out",
                                       "%u relations link annotations in two articles; JSON Lines keeps "
                                       "relations within an article, so they were left out",
                                       sel->n_cross_relations), sel->n_cross_relations);
  return TRUE;
}
