/* rpt-summary-format.c: Markdown, HTML and JSON renderings of a summary.
 * All three walk the same rows (threads in reading order), so they always
 * tell the same story as the Summary view.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Summary"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rpt-json-writer.h"
#include "rpt-summary-format.h"

/* Quotes left out of a coverage row before "and N more". */
#define MAX_LISTED 10

gboolean
rpt_summary_format_from_string (const char       *str,
                                RptSummaryFormat *out)
{
  if (g_strcmp0 (str, "md") == 0 || g_strcmp0 (str, "markdown") == 0)
    *out = RPT_SUMMARY_FORMAT_MARKDOWN;
  else if (g_strcmp0 (str, "html") == 0)
    *out = RPT_SUMMARY_FORMAT_HTML;
  else if (g_strcmp0 (str, "json") == 0)
    *out = RPT_SUMMARY_FORMAT_JSON;
  else
    return FALSE;
  return TRUE;
}

static gboolean
is_double_quote (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F ||
         c == 0x00AB || c == 0x00BB || c == 0x2039 || c == 0x203A || c == 0xFF02;
}

static gboolean
is_single_quote (gunichar c)
{
  return c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B;
}

/* Trims white space, the quotation marks an annotator may have included,
 * and a comma or colon left hanging at the end ("Not with our money,"). */
static void
trim_quote (const char **start,
            const char **end)
{
  gboolean changed = TRUE;

  while (changed && *start < *end)
    {
      const char *last = g_utf8_find_prev_char (*start, *end);
      gunichar first_c = g_utf8_get_char (*start), last_c = g_utf8_get_char (last);

      changed = FALSE;
      if (g_unichar_isspace (first_c) || is_double_quote (first_c))
        *start = g_utf8_next_char (*start), changed = TRUE;
      else if (g_unichar_isspace (last_c) || is_double_quote (last_c) ||
               last_c == ',' || last_c == ';' || last_c == ':')
        *end = last, changed = TRUE;
      else if (last != *start && is_single_quote (first_c) && is_single_quote (last_c))
        *start = g_utf8_next_char (*start), *end = last, changed = TRUE;
    }
}

char *
rpt_summary_dup_quote (RptSummary *summary,
                       guint       statement,
                       guint       max_chars)
{
  const RptSummaryStatement *s = rpt_summary_get_statement (summary, statement);
  GString *out = g_string_sized_new (s->text_len);
  const char *p = s->text, *end = s->text + s->text_len;
  gboolean space = FALSE;
  guint n_chars = 0;

  trim_quote (&p, &end);

  for (; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (max_chars > 0 && n_chars + (space ? 1 : 0) >= max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      if (space)
        {
          g_string_append_c (out, ' ');
          n_chars++;
          space = FALSE;
        }
      g_string_append_unichar (out, c);
      n_chars++;
    }
  return g_string_free (out, FALSE);
}

char *
rpt_summary_describe_reach (RptSummary *summary,
                            guint       group)
{
  const RptSummaryGroup *g = rpt_summary_get_group (summary, group);
  guint total = rpt_summary_get_n_documents (summary);

  if (g->n_documents > 1)
    /* Translators: "reported by 3 of 5 articles" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "reported by %u of %u article",
                                         "reported by %u of %u articles", total),
                            g->n_documents, total);
  /* Translators: "in 1 of 5 articles" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %u of %u article",
                                       "in %u of %u articles", total),
                          g->n_documents, total);
}

char *
rpt_summary_describe_other_links (RptSummary *summary,
                                  guint       group,
                                  guint       max_chars,
                                  guint       max_links)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint n = rpt_summary_get_group_n_links (summary, group), hidden = 0;

  for (guint i = 0; i < n; i++)
    {
      const RptSummaryLink *link = rpt_summary_get_group_link (summary, group, i);
      gboolean outgoing = link->from == group;
      guint other = outgoing ? link->to : link->from;
      g_autofree char *quote = NULL;
      char *part;

      if (link->in_thread)
        continue;
      if (parts->len >= max_links)
        {
          hidden++;
          continue;
        }
      quote = rpt_summary_dup_quote (summary, rpt_summary_get_group (summary, other)->representative, max_chars);
      switch (link->type)
        {
        case RPT_RELATION_REBUTS:
          part = outgoing ? g_strdup_printf (_("Also rebuts “%s”"), quote)
                          : g_strdup_printf (_("Rebutted by “%s”"), quote);
          break;
        case RPT_RELATION_SUPPORTS:
          part = outgoing ? g_strdup_printf (_("Also supports “%s”"), quote)
                          : g_strdup_printf (_("Supported by “%s”"), quote);
          break;
        case RPT_RELATION_RESPONDS_TO:
        default:
          part = outgoing ? g_strdup_printf (_("Also responds to “%s”"), quote)
                          : g_strdup_printf (_("Answered by “%s”"), quote);
          break;
        }
      g_ptr_array_add (parts, part);
    }
  if (parts->len == 0)
    return NULL;
  if (hidden > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", hidden),
                                             hidden));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("; ", (char **) parts->pdata);
}

char *
rpt_summary_describe_answered (RptSummary          *summary,
                               const RptSummaryRow *row,
                               guint                max_chars)
{
  const RptSummaryRow *parent;
  g_autofree char *quote = NULL;

  if (row->depth <= RPT_SUMMARY_MAX_NESTING || row->parent < 0)
    return NULL;
  parent = rpt_summary_get_row (summary, row->parent);
  quote = rpt_summary_dup_quote (summary, rpt_summary_get_group (summary, parent->group)->representative,
                                 max_chars);
  /* Translators: a quoted statement; use the quotation marks of your language */
  return g_strdup_printf (_("“%s”"), quote);
}

const char *
rpt_summary_speaker_display (RptSummary *summary,
                             int         speaker)
{
  return speaker < 0 ? _("Unattributed") : rpt_summary_get_speaker_name (summary, speaker);
}

const char *
rpt_summary_document_display (RptSummary *summary,
                              guint       document)
{
  RptDocument *d = rpt_summary_get_document (summary, document);
  const char *title = rpt_document_get_title (d);

  return title && *title ? title : rpt_document_get_source (d);
}

char *
rpt_summary_describe_totals (RptSummary *summary)
{
  guint n_documents = rpt_summary_get_n_documents (summary);
  guint n_statements = rpt_summary_get_n_statements (summary);
  guint n_groups = rpt_summary_get_n_groups (summary);
  guint n_shared = rpt_summary_get_n_shared_groups (summary);
  guint n_threads = 0;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;

  /* Threads worth the name: those with an answer in them. */
  for (guint r = 0; r < rpt_summary_get_n_rows (summary); r++)
    {
      const RptSummaryRow *row = rpt_summary_get_row (summary, r);
      n_threads += row->depth == 0 && (row->flags & RPT_SUMMARY_ROW_HAS_CHILDREN);
    }
  a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n_documents), n_documents);
  b = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations", n_statements), n_statements);
  c = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u statement", "%u statements", n_groups), n_groups);
  d = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reported by several articles",
                                    "%u reported by several articles", n_shared), n_shared);
  e = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u exchange", "%u exchanges", n_threads), n_threads);
  return g_strjoin (" · ", a, b, c, d, e, NULL);
}

/* ---- Markdown ---- */

/* Every name, title and quote goes in a table cell or on the line of a
 * list item: a line break there would end the row or the item, so line
 * breaks and tabs become spaces, and other control characters their
 * symbols (U+2400…), which no renderer takes for layout. */
static void
md_escape (GString    *out,
           const char *text)
{
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c < 0x20 || c == 0x7f)
        {
          if (c == '\r' && p[1] == '\n')
            p++;
          if (c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f')
            g_string_append_c (out, ' ');
          else
            g_string_append_unichar (out, c == 0x7f ? 0x2421 : 0x2400 + c);
          continue;
        }
      /* NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
      if ((c == 0xc2 && (guchar) p[1] == 0x85) ||
          (c == 0xe2 && (guchar) p[1] == 0x80 && ((guchar) p[2] == 0xa8 || (guchar) p[2] == 0xa9)))
        {
          p += c == 0xc2 ? 1 : 2;
          g_string_append_c (out, ' ');
          continue;
        }
      if (strchr ("\\`*_[]<>#|!~&", *p))
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static void
md_sources (GString    *out,
            RptSummary *summary,
            guint       group)
{
  const RptSummaryGroup *g = rpt_summary_get_group (summary, group);
  g_autofree char *reach = rpt_summary_describe_reach (summary, group);

  g_string_append (out, "*");
  md_escape (out, reach);
  g_string_append (out, ":* ");
  for (guint d = 0; d < g->n_documents; d++)
    {
      if (d > 0)
        g_string_append (out, "; ");
      md_escape (out, rpt_summary_document_display (summary, g->documents[d]));
    }
}

static void
md_table_row_start (GString    *out,
                    const char *first)
{
  g_string_append (out, "| ");
  md_escape (out, first);
}

static void
md_counts (GString    *out,
           RptSummary *summary)
{
  guint n_labels = rpt_summary_get_n_labels (summary);
  guint n_speakers = rpt_summary_get_n_speakers (summary);

  g_string_append_printf (out, "## %s\n\n### %s\n\n| %s |", C_("heading", "Counts"),
                          _("Annotations by speaker and label"), _("Speaker"));
  for (guint l = 0; l < n_labels; l++)
    {
      g_string_append_c (out, ' ');
      md_escape (out, rpt_summary_get_label_name (summary, l));
      g_string_append (out, " |");
    }
  g_string_append_printf (out, " %s |\n|---|", C_("table column", "Total"));
  for (guint l = 0; l <= n_labels; l++)
    g_string_append (out, "---:|");
  g_string_append_c (out, '\n');
  for (int sp = 0; sp <= (int) n_speakers; sp++)
    {
      int speaker = sp == (int) n_speakers ? RPT_SUMMARY_NO_SPEAKER : sp;
      guint total = 0;

      for (guint l = 0; l < n_labels; l++)
        total += rpt_summary_count_label_speaker (summary, l, speaker);
      if (total == 0)
        continue;
      md_table_row_start (out, rpt_summary_speaker_display (summary, speaker));
      for (guint l = 0; l < n_labels; l++)
        g_string_append_printf (out, " | %u", rpt_summary_count_label_speaker (summary, l, speaker));
      g_string_append_printf (out, " | %u |\n", total);
    }

  g_string_append_printf (out, "\n### %s\n\n| %s |", _("Annotations by article"), _("Article"));
  for (guint l = 0; l < n_labels; l++)
    {
      g_string_append_c (out, ' ');
      md_escape (out, rpt_summary_get_label_name (summary, l));
      g_string_append (out, " |");
    }
  g_string_append_printf (out, " %s |\n|---|", C_("table column", "Total"));
  for (guint l = 0; l <= n_labels; l++)
    g_string_append (out, "---:|");
  g_string_append_c (out, '\n');
  for (guint d = 0; d < rpt_summary_get_n_documents (summary); d++)
    {
      md_table_row_start (out, rpt_summary_document_display (summary, d));
      for (guint l = 0; l < n_labels; l++)
        g_string_append_printf (out, " | %u", rpt_summary_count_document_label (summary, d, l));
      g_string_append_printf (out, " | %u |\n", rpt_summary_get_document_n_annotations (summary, d));
    }
}

char *
rpt_summary_to_markdown (RptSummary *summary,
                         const char *title)
{
  GString *out = g_string_new (NULL);
  g_autofree char *totals = rpt_summary_describe_totals (summary);
  guint n_shared = rpt_summary_get_n_shared_groups (summary);

  g_string_append (out, "# ");
  md_escape (out, _("Summary of the exchange"));
  if (title && *title)
    {
      g_string_append (out, ": ");
      md_escape (out, title);
    }
  g_string_append (out, "\n\n");
  md_escape (out, totals);
  g_string_append_printf (out, "\n\n## %s\n\n", _("The exchange"));
  if (rpt_summary_get_n_rows (summary) == 0)
    g_string_append_printf (out, "%s\n\n", _("Nothing is annotated yet."));

  for (guint r = 0; r < rpt_summary_get_n_rows (summary); r++)
    {
      const RptSummaryRow *row = rpt_summary_get_row (summary, r);
      const RptSummaryGroup *group = rpt_summary_get_group (summary, row->group);
      g_autofree char *quote = rpt_summary_dup_quote (summary, group->representative, 0);
      g_autofree char *indent = g_strnfill (MIN (row->depth, RPT_SUMMARY_MAX_NESTING) * 2, ' ');
      g_autofree char *answered = rpt_summary_describe_answered (summary, row, 60);

      if (row->depth == 0 && r > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s- ", indent);
      if (row->depth > 0)
        {
          g_string_append (out, "↳ *");
          md_escape (out, rpt_relation_type_get_display (row->relation));
          if (answered)
            {
              /* Past the deepest level: "↳ *Rebuts “what it rebuts”* · …" */
              g_string_append_c (out, ' ');
              md_escape (out, answered);
            }
          g_string_append (out, "* · ");
        }
      g_string_append (out, "**");
      md_escape (out, rpt_summary_get_label_name (summary, group->label));
      g_string_append (out, "** · ");
      md_escape (out, rpt_summary_speaker_display (summary, group->speaker));
      g_string_append (out, ": ");
      {
        /* Translators: a quoted statement; use the quotation marks of your language */
        g_autofree char *quoted = g_strdup_printf (_("“%s”"), quote);
        md_escape (out, quoted);
      }
      g_string_append_printf (out, "  \n%s  ", indent);
      md_sources (out, summary, row->group);
      {
        g_autofree char *others = rpt_summary_describe_other_links (summary, row->group, 60, 5);

        if (others)
          {
            g_string_append_printf (out, "  \n%s  ", indent);
            md_escape (out, others);
          }
      }
      g_string_append_c (out, '\n');
    }

  g_string_append_printf (out, "\n## %s\n\n", _("Coverage"));
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                            "%u statement is reported by at least two articles.",
                                            "%u statements are reported by at least two articles.",
                                            n_shared), n_shared);
  g_string_append_printf (out, "\n\n| %s | %s | %s | %s |\n|---|---:|---:|---|\n",
                          _("Article"), _("Annotations"), _("Shared statements"),
                          C_("table column", "Left out"));
  for (guint d = 0; d < rpt_summary_get_n_documents (summary); d++)
    {
      g_autoptr(GArray) omitted = rpt_summary_dup_omitted_first (summary, d, MAX_LISTED);
      guint n_omitted = n_shared - rpt_summary_get_document_n_shared (summary, d);

      md_table_row_start (out, rpt_summary_document_display (summary, d));
      g_string_append_printf (out, " | %u | %u / %u | ", rpt_summary_get_document_n_annotations (summary, d),
                              rpt_summary_get_document_n_shared (summary, d), n_shared);
      if (omitted->len == 0)
        g_string_append (out, "—");
      for (guint i = 0; i < omitted->len && i < MAX_LISTED; i++)
        {
          guint g = g_array_index (omitted, guint, i);
          g_autofree char *quote =
            rpt_summary_dup_quote (summary, rpt_summary_get_group (summary, g)->representative, 60);

          g_autofree char *quoted = g_strdup_printf (_("“%s”"), quote);

          g_string_append (out, i > 0 ? "; " : "");
          md_escape (out, quoted);
        }
      if (n_omitted > MAX_LISTED)
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "; and %u more", "; and %u more",
                                                  n_omitted - MAX_LISTED),
                                n_omitted - MAX_LISTED);
      g_string_append (out, " |\n");
    }
  g_string_append_c (out, '\n');
  md_counts (out, summary);
  return g_string_free (out, FALSE);
}

/* ---- JSON ---- */

static void
json_statement_id (GString *out,
                   guint    group)
{
  g_string_append_printf (out, "\"s%u\"", group + 1);
}

static void
json_speaker (GString    *out,
              RptSummary *summary,
              int         speaker)
{
  if (speaker < 0)
    g_string_append (out, "null");
  else
    rpt_json_append_string (out, rpt_summary_get_speaker_id (summary, speaker));
}

static void
json_text (GString                   *out,
           const RptSummaryStatement *statement)
{
  rpt_json_append_string_len (out, statement->text, statement->text_len);
}

static void
json_statements (GString    *out,
                 RptSummary *summary)
{
  g_string_append (out, "  \"statements\": [");
  for (guint g = 0; g < rpt_summary_get_n_groups (summary); g++)
    {
      const RptSummaryGroup *group = rpt_summary_get_group (summary, g);

      g_string_append (out, g ? ",\n    {" : "\n    {");
      g_string_append (out, "\"id\": ");
      json_statement_id (out, g);
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "label", rpt_summary_get_label_id (summary, group->label));
      g_string_append (out, ", \"speaker\": ");
      json_speaker (out, summary, group->speaker);
      g_string_append (out, ", \"text\": ");
      json_text (out, rpt_summary_get_statement (summary, group->representative));
      g_string_append (out, ", ");
      rpt_json_append_member_uint (out, "reported_by", group->n_documents);
      g_string_append (out, ", \"articles\": [");
      for (guint d = 0; d < group->n_documents; d++)
        {
          if (d > 0)
            g_string_append (out, ", ");
          rpt_json_append_string (out, rpt_document_get_id (rpt_summary_get_document (summary, group->documents[d])));
        }
      g_string_append (out, "], \"members\": [");
      for (guint m = 0; m < group->n_members; m++)
        {
          const RptSummaryStatement *s = rpt_summary_get_statement (summary, group->members[m]);

          g_string_append (out, m ? ",\n      {" : "\n      {");
          rpt_json_append_member_string (out, "annotation", rpt_annotation_get_id (s->annotation));
          g_string_append (out, ", ");
          rpt_json_append_member_string (out, "article",
                                         rpt_document_get_id (rpt_summary_get_document (summary, s->document)));
          g_string_append (out, ", ");
          rpt_json_append_member_uint (out, "start", s->start);
          g_string_append (out, ", ");
          rpt_json_append_member_uint (out, "end", s->end);
          g_string_append (out, ", \"speaker\": ");
          json_speaker (out, summary, s->speaker);
          g_string_append (out, ", \"text\": ");
          json_text (out, s);
          g_string_append (out, "}");
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, rpt_summary_get_n_groups (summary) ? "\n  ],\n" : "],\n");
}

static void
json_threads (GString    *out,
              RptSummary *summary)
{
  guint n_rows = rpt_summary_get_n_rows (summary);

  g_string_append (out, "  \"threads\": [");
  for (guint r = 0; r < n_rows; r++)
    {
      const RptSummaryRow *row = rpt_summary_get_row (summary, r);

      if (row->depth == 0)
        g_string_append (out, r ? "]},\n    {\"entries\": [" : "\n    {\"entries\": [");
      else
        g_string_append (out, ", ");
      g_string_append (out, "{\"statement\": ");
      json_statement_id (out, row->group);
      g_string_append_printf (out, ", \"depth\": %u, \"parent\": ", row->depth);
      if (row->parent < 0)
        g_string_append (out, "null, \"relation\": null}");
      else
        {
          json_statement_id (out, rpt_summary_get_row (summary, row->parent)->group);
          g_string_append (out, ", ");
          rpt_json_append_member_string (out, "relation", rpt_relation_type_to_string (row->relation));
          g_string_append (out, "}");
        }
    }
  g_string_append (out, n_rows ? "]}\n  ],\n" : "],\n");

  g_string_append (out, "  \"links\": [");
  for (guint i = 0; i < rpt_summary_get_n_links (summary); i++)
    {
      const RptSummaryLink *link = rpt_summary_get_link (summary, i);

      g_string_append (out, i ? ",\n    {\"from\": " : "\n    {\"from\": ");
      json_statement_id (out, link->from);
      g_string_append (out, ", \"to\": ");
      json_statement_id (out, link->to);
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "type", rpt_relation_type_to_string (link->type));
      g_string_append_printf (out, ", \"in_thread\": %s}", link->in_thread ? "true" : "false");
    }
  g_string_append (out, rpt_summary_get_n_links (summary) ? "\n  ],\n" : "],\n");
}

static void
json_counts (GString    *out,
             RptSummary *summary)
{
  guint n_labels = rpt_summary_get_n_labels (summary);
  guint n_speakers = rpt_summary_get_n_speakers (summary);
  gboolean first = TRUE;

  g_string_append (out, "  \"counts\": {\n    \"by_label_speaker\": [");
  for (guint l = 0; l < n_labels; l++)
    for (int sp = 0; sp <= (int) n_speakers; sp++)
      {
        int speaker = sp == (int) n_speakers ? RPT_SUMMARY_NO_SPEAKER : sp;
        guint n = rpt_summary_count_label_speaker (summary, l, speaker);

        if (n == 0)
          continue;
        g_string_append (out, first ? "\n      {" : ",\n      {");
        first = FALSE;
        rpt_json_append_member_string (out, "label", rpt_summary_get_label_id (summary, l));
        g_string_append (out, ", \"speaker\": ");
        json_speaker (out, summary, speaker);
        g_string_append_printf (out, ", \"annotations\": %u, \"statements\": %u}", n,
                                rpt_summary_count_label_speaker_groups (summary, l, speaker));
      }
  g_string_append (out, first ? "],\n" : "\n    ],\n");

  g_string_append (out, "    \"by_article\": [");
  for (guint d = 0; d < rpt_summary_get_n_documents (summary); d++)
    {
      g_string_append (out, d ? ",\n      {" : "\n      {");
      rpt_json_append_member_string (out, "article", rpt_document_get_id (rpt_summary_get_document (summary, d)));
      g_string_append_printf (out, ", \"annotations\": %u, \"by_label\": {",
                              rpt_summary_get_document_n_annotations (summary, d));
      for (guint l = 0; l < n_labels; l++)
        {
          if (l > 0)
            g_string_append (out, ", ");
          rpt_json_append_string (out, rpt_summary_get_label_id (summary, l));
          g_string_append_printf (out, ": %u", rpt_summary_count_document_label (summary, d, l));
        }
      g_string_append (out, "}}");
    }
  g_string_append (out, rpt_summary_get_n_documents (summary) ? "\n    ]\n  }\n" : "]\n  }\n");
}

char *
rpt_summary_to_json (RptSummary *summary,
                     const char *title)
{
  GString *out = g_string_new ("{\n");
  guint n_documents = rpt_summary_get_n_documents (summary);
  guint n_threads = 0;

  for (guint r = 0; r < rpt_summary_get_n_rows (summary); r++)
    n_threads += rpt_summary_get_row (summary, r)->depth == 0;

  g_string_append (out, "  \"format\": \"repartee-summary\",\n  \"version\": 1,\n  ");
  rpt_json_append_member_string (out, "title", title ? title : "");
  g_string_append_printf (out, ",\n  \"totals\": {\"articles\": %u, \"annotations\": %u, \"statements\": %u, "
                          "\"shared_statements\": %u, \"threads\": %u},\n",
                          n_documents, rpt_summary_get_n_statements (summary),
                          rpt_summary_get_n_groups (summary), rpt_summary_get_n_shared_groups (summary),
                          n_threads);

  g_string_append (out, "  \"labels\": [");
  for (guint l = 0; l < rpt_summary_get_n_labels (summary); l++)
    {
      g_string_append (out, l ? ",\n    {" : "\n    {");
      rpt_json_append_member_string (out, "id", rpt_summary_get_label_id (summary, l));
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "name", rpt_summary_get_label_name (summary, l));
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "color", rpt_summary_get_label_color (summary, l));
      g_string_append (out, "}");
    }
  g_string_append (out, rpt_summary_get_n_labels (summary) ? "\n  ],\n" : "],\n");

  g_string_append (out, "  \"speakers\": [");
  for (guint s = 0; s < rpt_summary_get_n_speakers (summary); s++)
    {
      g_string_append (out, s ? ",\n    {" : "\n    {");
      rpt_json_append_member_string (out, "id", rpt_summary_get_speaker_id (summary, s));
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "name", rpt_summary_get_speaker_name (summary, s));
      g_string_append (out, "}");
    }
  g_string_append (out, rpt_summary_get_n_speakers (summary) ? "\n  ],\n" : "],\n");

  g_string_append (out, "  \"main_speakers\": [");
  for (guint rank = 0; rank < 2 && rpt_summary_get_main_speaker (summary, rank) >= 0; rank++)
    {
      if (rank > 0)
        g_string_append (out, ", ");
      json_speaker (out, summary, rpt_summary_get_main_speaker (summary, rank));
    }
  g_string_append (out, "],\n");

  g_string_append (out, "  \"articles\": [");
  for (guint d = 0; d < n_documents; d++)
    {
      RptDocument *document = rpt_summary_get_document (summary, d);
      g_autoptr(GArray) omitted = rpt_summary_dup_omitted (summary, d);

      g_string_append (out, d ? ",\n    {" : "\n    {");
      rpt_json_append_member_string (out, "id", rpt_document_get_id (document));
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "title", rpt_document_get_title (document));
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "source", rpt_document_get_source (document));
      g_string_append_printf (out, ", \"annotations\": %u, \"shared_reported\": %u, \"left_out\": [",
                              rpt_summary_get_document_n_annotations (summary, d),
                              rpt_summary_get_document_n_shared (summary, d));
      for (guint i = 0; i < omitted->len; i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          json_statement_id (out, g_array_index (omitted, guint, i));
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, n_documents ? "\n  ],\n" : "],\n");

  json_statements (out, summary);
  json_threads (out, summary);
  json_counts (out, summary);
  g_string_append (out, "}\n");
  return g_string_free (out, FALSE);
}

GBytes *
rpt_summary_to_bytes (RptSummary       *summary,
                      RptSummaryFormat  format,
                      const char       *title)
{
  char *text = NULL;

  switch (format)
    {
    case RPT_SUMMARY_FORMAT_MARKDOWN:
      text = rpt_summary_to_markdown (summary, title);
      break;
    case RPT_SUMMARY_FORMAT_HTML:
      text = rpt_summary_to_html (summary, title);
      break;
    case RPT_SUMMARY_FORMAT_JSON:
    default:
      text = rpt_summary_to_json (summary, title);
      break;
    }
  return g_bytes_new_take (text, strlen (text));
}
