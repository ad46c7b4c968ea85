/* rpt-export-w3c.c: a W3C Web Annotation AnnotationCollection (JSON-LD,
 * https://www.w3.org/TR/annotation-model/) with every annotation in one
 * embedded AnnotationPage.
 *
 * Each span is an Annotation whose target carries a TextQuoteSelector
 * (exact text and up to 32 characters of context on each side) and a
 * TextPositionSelector (code points, as the model requires). The label is a
 * TextualBody with purpose "tagging", the speaker a second TextualBody with
 * purpose "identifying", the note a third with purpose "commenting". A
 * relation is an Annotation with motivation "linking" from the first
 * annotation (target) to the second (body), tagged with its type.
 * Articles are named urn:repartee:article:ID, annotations
 * urn:repartee:annotation:ID.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rpt-export-private.h"
#include "rpt-json-writer.h"

#define CONTEXT_CHARS 32

static void
append_iri (GString    *out,
            const char *kind,
            const char *id)
{
  g_autofree char *escaped = NULL;
  const char *p;

  /* Most ids need no escaping: skip the copy. */
  for (p = id; g_ascii_isalnum (*p) || *p == '-' || *p == '.' || *p == '_' || *p == '~'; p++)
    ;
  if (*p != '\0')
    id = escaped = g_uri_escape_string (id, NULL, FALSE);
  g_string_append (out, "\"urn:repartee:");
  g_string_append (out, kind);
  g_string_append_c (out, ':');
  g_string_append (out, id);
  g_string_append_c (out, '"');
}

static void
append_textual_body (GString    *out,
                     const char *purpose,
                     const char *value)
{
  rpt_json_put_literal (out, "{\"type\": \"TextualBody\", ");
  rpt_json_append_member_string (out, "purpose", purpose);
  rpt_json_put_literal (out, ", ");
  rpt_json_append_member_string (out, "value", value);
  rpt_json_put_literal (out, "}");
}

static void
write_span (RptExportSelection  *sel,
            RptExportDocument   *doc,
            const RptExportSpan *span,
            GString             *out)
{
  RptDocument *document = doc->document;
  guint length = rpt_document_get_length (document);
  /* One offset lookup, then short walks for the context and the end. */
  const char *start = rpt_document_get_text (document) + rpt_document_byte_offset (document, span->start);
  const char *end = g_utf8_offset_to_pointer (start, span->end - span->start);
  const char *before = g_utf8_offset_to_pointer (start, -(glong) MIN (span->start, CONTEXT_CHARS));
  const char *after = g_utf8_offset_to_pointer (end, MIN (length - span->end, CONTEXT_CHARS));

  rpt_json_put_literal (out, "      {\"id\": ");
  append_iri (out, "annotation", span->id);
  rpt_json_put_literal (out, ", \"type\": \"Annotation\", \"motivation\": \"tagging\",\n");
  if (span->created != -1)
    {
      rpt_json_put_literal (out, "       \"created\": ");
      rpt_export_append_time (out, span->created);
      rpt_json_put_literal (out, ", \"modified\": ");
      rpt_export_append_time (out, span->modified != -1 ? span->modified : span->created);
      rpt_json_put_literal (out, ",\n");
    }
  if (*span->author != '\0')
    {
      rpt_json_put_literal (out, "       \"creator\": {\"type\": \"Person\", ");
      rpt_json_append_member_string (out, "name", span->author);
      rpt_json_put_literal (out, "},\n");
    }
  rpt_json_put_literal (out, "       \"body\": [");
  append_textual_body (out, "tagging", g_array_index (sel->labels, RptExportLabel, span->label).name);
  if (span->speaker >= 0)
    {
      rpt_json_put_literal (out, ", ");
      append_textual_body (out, "identifying",
                           g_array_index (sel->speakers, RptExportSpeaker, span->speaker).name);
    }
  if (*span->note != '\0')
    {
      rpt_json_put_literal (out, ", ");
      append_textual_body (out, "commenting", span->note);
    }
  rpt_json_put_literal (out, "],\n       \"target\": {\"source\": ");
  append_iri (out, "article", rpt_document_get_id (document));
  rpt_json_put_literal (out, ", \"selector\": [\n         {\"type\": \"TextQuoteSelector\", \"exact\": ");
  rpt_json_append_string_len (out, start, end - start);
  rpt_json_put_literal (out, ", \"prefix\": ");
  rpt_json_append_string_len (out, before, start - before);
  rpt_json_put_literal (out, ", \"suffix\": ");
  rpt_json_append_string_len (out, end, after - end);
  rpt_json_put_literal (out, "},\n         {\"type\": \"TextPositionSelector\", ");
  rpt_json_append_member_uint (out, "start", span->start);
  rpt_json_put_literal (out, ", ");
  rpt_json_append_member_uint (out, "end", span->end);
  rpt_json_put_literal (out, "}]}}");
}

static void
write_relation (RptExportRelation *relation,
                GString           *out)
{
  rpt_json_put_literal (out, "      {\"id\": ");
  append_iri (out, "relation", relation->id);
  g_string_append (out, ", \"type\": \"Annotation\", \"motivation\": \"linking\",\n"
                        "       \"body\": [");
  append_textual_body (out, "tagging", rpt_relation_type_to_string (relation->type));
  rpt_json_put_literal (out, ", ");
  append_iri (out, "annotation", relation->to->id);
  rpt_json_put_literal (out, "],\n       \"target\": ");
  append_iri (out, "annotation", relation->from->id);
  rpt_json_put_literal (out, "}");
}

gboolean
_rpt_export_w3c (RptExportContext  *ctx,
                 GError           **error)
{
  RptExportSelection *sel = ctx->selection;
  GString *out = rpt_export_add_file (ctx, NULL, 1024 + (gsize) sel->n_spans * 700);
  gboolean first = TRUE;

  g_string_append_printf (out,
                          "{\n"
                          "  \"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n"
                          "  \"id\": \"urn:repartee:collection\",\n"
                          "  \"type\": \"AnnotationCollection\",\n"
                          "  \"label\": \"Repartee export\",\n"
                          "  \"total\": %u,\n"
                          "  \"first\": {\n"
                          "    \"id\": \"urn:repartee:collection:page:1\",\n"
                          "    \"type\": \"AnnotationPage\",\n"
                          "    \"startIndex\": 0,\n"
                          "    \"items\": [",
                          sel->n_spans + sel->n_relations);

  for (guint d = 0; d < sel->n_documents; d++)
    {
      RptExportDocument *doc = &sel->documents[d];

      for (guint i = 0; i < doc->n_spans; i++)
        {
          g_string_append (out, first ? "\n" : ",\n");
          first = FALSE;
          write_span (sel, doc, &doc->spans[i], out);
        }
      if (!rpt_export_step (ctx, d + 1, error))
        return FALSE;
    }
  for (guint i = 0; i < sel->n_relations; i++)
    {
      g_string_append (out, first ? "\n" : ",\n");
      first = FALSE;
      write_relation (&sel->relations[i], out);
    }
  g_string_append (out, first ? "]\n  }\n}\n" : "\n    ]\n  }\n}\n");

  rpt_export_warn (ctx, "%s", _("W3C Web Annotation does not carry article texts, label colours, "
                                "shortcuts or descriptions, or labels and speakers no annotation uses; "
                                "Repartee cannot import it"));
  return TRUE;
}
