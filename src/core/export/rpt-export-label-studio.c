/* rpt-export-label-studio.c: a folder with tasks.json (Label Studio's task
 * list with pre-made annotations) and label_config.xml (the labelling
 * interface that declares every label, relation and speaker those results
 * use, so that the import validates and shows the same spans).
 *
 * Each annotation is one region: a "labels" result, plus a per-region
 * "choices" result (speaker) and "textarea" result (note) with the same id,
 * as Label Studio writes them; links are "relation" results.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rpt-export-private.h"
#include "rpt-json-writer.h"

#define TASKS_FILE  "tasks.json"
#define CONFIG_FILE "label_config.xml"

static void
append_region_value (RptExportSelection  *sel,
                     RptDocument         *document,
                     const RptExportSpan *span,
                     GString             *out)
{
  g_string_append_printf (out, "\"value\": {\"start\": %" G_GUINT64_FORMAT ", \"end\": %" G_GUINT64_FORMAT,
                          rpt_export_offset (sel, document, span->start),
                          rpt_export_offset (sel, document, span->end));
}

static void
append_result_head (GString             *out,
                    const RptExportSpan *span,
                    const char          *from_name,
                    const char          *type)
{
  g_string_append (out, ",\n    {");
  rpt_json_append_member_string (out, "id", span->id);
  g_string_append (out, ", ");
  rpt_json_append_member_string (out, "from_name", from_name);
  g_string_append (out, ", \"to_name\": \"text\", ");
  rpt_json_append_member_string (out, "type", type);
  g_string_append (out, ", \"origin\": \"manual\", ");
}

static void
write_task (RptExportSelection *sel,
            RptExportDocument  *doc,
            guint              number,
            GString            *out)
{
  RptDocument *document = doc->document;
  const char *text = rpt_document_get_text (document);
  gsize mark;

  g_string_append_printf (out, "%s{\"id\": %u, \"data\": {", number > 1 ? ",\n" : "", number);
  rpt_json_append_member_string (out, "text", text);
  g_string_append (out, ", ");
  rpt_json_append_member_string (out, "title", rpt_document_get_title (document));
  g_string_append (out, ", ");
  rpt_json_append_member_string (out, "source", rpt_document_get_source (document));
  g_string_append (out, ", ");
  rpt_json_append_member_string (out, "article_id", rpt_document_get_id (document));
  if (sel->offsets != RPT_OFFSETS_CODEPOINTS)
    {
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "offset_unit", rpt_offset_unit_to_string (sel->offsets));
    }
  g_string_append (out, "},\n  \"annotations\": [{\"result\": [");

  /* Results are written with a leading ",\n"; the first comma goes. */
  mark = out->len;
  for (guint i = 0; i < doc->n_spans; i++)
    {
      const RptExportSpan *span = &doc->spans[i];
      gsize b_start = rpt_document_byte_offset (document, span->start);
      gsize b_end = rpt_document_byte_offset (document, span->end);

      append_result_head (out, span, "label", "labels");
      append_region_value (sel, document, span, out);
      g_string_append (out, ", \"text\": ");
      rpt_json_append_string_len (out, text + b_start, b_end - b_start);
      g_string_append (out, ", \"labels\": [");
      rpt_json_append_string (out, g_array_index (sel->labels, RptExportLabel, span->label).name);
      g_string_append (out, "]}}");

      if (span->speaker >= 0)
        {
          append_result_head (out, span, "speaker", "choices");
          append_region_value (sel, document, span, out);
          g_string_append (out, ", \"text\": ");
          rpt_json_append_string_len (out, text + b_start, b_end - b_start);
          g_string_append (out, ", \"choices\": [");
          rpt_json_append_string (out, g_array_index (sel->speakers, RptExportSpeaker, span->speaker).name);
          g_string_append (out, "]}}");
        }

      if (*span->note != '\0')
        {
          /* A per-region TextArea's own "text" (a list) replaces the
           * region's text, as in Label Studio's exports. */
          append_result_head (out, span, "note", "textarea");
          append_region_value (sel, document, span, out);
          g_string_append (out, ", \"text\": [");
          rpt_json_append_string (out, span->note);
          g_string_append (out, "]}}");
        }
    }
  for (guint i = 0; i < doc->n_relations; i++)
    {
      RptExportRelation *relation = doc->relations[i];

      g_string_append (out, ",\n    {\"type\": \"relation\", ");
      rpt_json_append_member_string (out, "from_id", relation->from->id);
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "to_id", relation->to->id);
      g_string_append (out, ", \"direction\": \"right\", \"labels\": [");
      rpt_json_append_string (out, rpt_relation_type_to_string (relation->type));
      g_string_append (out, "]}");
    }
  if (out->len > mark)
    {
      g_string_erase (out, mark, 1);
      g_string_append (out, "\n  ");
    }
  g_string_append (out, "]}]}");
}

/* XML 1.0 has no way to write the C0 controls other than tab, LF and CR,
 * not even as references (&#x7; is not well-formed), nor U+FFFE and U+FFFF. */
static gunichar
unwritable_in_xml (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff)
        return c;
    }
  return 0;
}

/* Tab, LF and CR as references: written raw, an XML reader turns each
 * into a space (attribute-value normalisation), and the name read back
 * would be another. */
static void
append_attribute (GString    *out,
                  const char *name,
                  const char *value)
{
  g_string_append_printf (out, " %s=\"", name);
  for (const char *p = value; *p; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\'': g_string_append (out, "&apos;"); break;
      case '\t': g_string_append (out, "&#9;"); break;
      case '\n': g_string_append (out, "&#10;"); break;
      case '\r': g_string_append (out, "&#13;"); break;
      default: g_string_append_c (out, *p);
      }
  g_string_append_c (out, '"');
}

/* @name with its control characters drawn as symbols (U+2400…), for a
 * message that must not ring the terminal's bell. */
static char *
visible (const char *name)
{
  GString *out = g_string_new (NULL);

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, c < 0x20 ? 0x2400 + c : c == 0x7f ? 0x2421 : c);
    }
  return g_string_free (out, FALSE);
}

/* Names and hints the configuration cannot hold are refused, naming them:
 * written otherwise, Label Studio and any XML reader refuse the file. */
static gboolean
check_config (RptExportSelection  *sel,
              GError            **error)
{
  gunichar c;

  for (guint i = 0; i < sel->labels->len; i++)
    {
      RptExportLabel *label = &g_array_index (sel->labels, RptExportLabel, i);
      g_autofree char *shown = visible (label->name);

      if ((c = unwritable_in_xml (label->name)) != 0)
        return g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                            _("The label “%s” has a control character (U+%04X) in its name, which "
                              "Label Studio’s XML configuration cannot hold: rename the label"),
                            shown, c), FALSE;
      if ((c = unwritable_in_xml (label->description)) != 0)
        return g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                            _("The label “%s” has a control character (U+%04X) in its description, which "
                              "Label Studio’s XML configuration cannot hold: edit the description"),
                            shown, c), FALSE;
    }
  for (guint i = 0; i < sel->speakers->len; i++)
    {
      RptExportSpeaker *speaker = &g_array_index (sel->speakers, RptExportSpeaker, i);
      g_autofree char *shown = visible (speaker->name);

      if ((c = unwritable_in_xml (speaker->name)) != 0)
        return g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                            _("The speaker “%s” has a control character (U+%04X) in the name, which "
                              "Label Studio’s XML configuration cannot hold: rename the speaker"),
                            shown, c), FALSE;
    }
  return TRUE;
}

static void
write_config (RptExportSelection *sel,
              GString            *out)
{
  g_string_append (out, "<View>\n"
                        "  <!-- Written by Repartee. Keeps every space and line break, so that\n"
                        "       what is shown matches the offsets. -->\n"
                        "  <Style>.htx-text { white-space: pre-wrap; }</Style>\n"
                        "  <Labels name=\"label\" toName=\"text\">\n");
  for (guint i = 0; i < sel->labels->len; i++)
    {
      RptExportLabel *label = &g_array_index (sel->labels, RptExportLabel, i);

      g_string_append (out, "    <Label");
      append_attribute (out, "value", label->name);
      append_attribute (out, "background", label->color);
      if (label->shortcut != 0)
        g_string_append_printf (out, " hotkey=\"%u\"", label->shortcut);
      if (*label->description != '\0')
        append_attribute (out, "hint", label->description);
      g_string_append (out, "/>\n");
    }
  g_string_append (out, "  </Labels>\n"
                        "  <Text name=\"text\" value=\"$text\"/>\n"
                        "  <Relations>\n");
  for (guint t = 0; t < RPT_RELATION_N_TYPES; t++)
    g_string_append_printf (out, "    <Relation value=\"%s\"/>\n", rpt_relation_type_to_string (t));
  g_string_append (out, "  </Relations>\n"
                        "  <View visibleWhen=\"region-selected\">\n");
  if (sel->speakers->len > 0)
    {
      g_string_append (out, "    <Header value=\"Speaker\"/>\n"
                            "    <Choices name=\"speaker\" toName=\"text\" perRegion=\"true\">\n");
      for (guint i = 0; i < sel->speakers->len; i++)
        {
          g_string_append (out, "      <Choice");
          append_attribute (out, "value", g_array_index (sel->speakers, RptExportSpeaker, i).name);
          g_string_append (out, "/>\n");
        }
      g_string_append (out, "    </Choices>\n");
    }
  g_string_append (out, "    <Header value=\"Note\"/>\n"
                        "    <TextArea name=\"note\" toName=\"text\" perRegion=\"true\" editable=\"true\"/>\n"
                        "  </View>\n"
                        "</View>\n");
}

gboolean
_rpt_export_label_studio (RptExportContext  *ctx,
                          GError           **error)
{
  RptExportSelection *sel = ctx->selection;
  gsize reserve = 0;
  GString *tasks, *config;

  if (!check_config (sel, error))
    return FALSE;
  for (guint d = 0; d < sel->n_documents; d++)
    reserve += rpt_document_get_text_bytes (sel->documents[d].document) * 11 / 10 + 256;
  tasks = rpt_export_add_file (ctx, TASKS_FILE, reserve + (gsize) sel->n_spans * 300);
  config = rpt_export_add_file (ctx, CONFIG_FILE, 4096);

  g_string_append (tasks, "[\n");
  for (guint d = 0; d < sel->n_documents; d++)
    {
      write_task (sel, &sel->documents[d], d + 1, tasks);
      if (!rpt_export_step (ctx, d + 1, error))
        return FALSE;
    }
  g_string_append (tasks, "\n]\n");
  write_config (sel, config);

  rpt_export_warn (ctx, "%s", _("Label Studio results do not carry annotation authors or times"));
  if (sel->n_cross_relations > 0)
    rpt_export_warn (ctx, g_dngettext (GETTEXT_PACKAGE,
                                       "%u relation links annotations in two articles; a Label Studio "
                                       "task holds one article, so it was left out",
                                       "%u relations link annotations in two articles; a Label Studio "
                                       "task holds one article, so they were left out",
                                       sel->n_cross_relations), sel->n_cross_relations);
  return TRUE;
}
