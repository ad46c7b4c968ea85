/* rpt-summary-html.c: the summary as one self-contained HTML page: inline
 * CSS (light and dark), no scripts, no external resources, every text
 * escaped. Threads are nested lists joined by connector lines; counts are
 * tables with bars.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Summary"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rpt-summary-format.h"

/* Left-out statements listed per article before "and N more", as in the
 * Summary view: the full lists grow with articles × shared statements (324 MB
 * for a thousand articles). */
#define MAX_LISTED 50

static const char style[] =
  ":root{color-scheme:light dark;--bg:#fafafb;--fg:#242428;--dim:#6e6e78;--card:#fff;"
  "--line:#c0bfbc;--border:#deddda;--a:#1c71d8;--b:#c01c28}"
  "@media (prefers-color-scheme:dark){:root{--bg:#1e1e20;--fg:#ececee;--dim:#9a9aa2;"
  "--card:#2a2a2e;--line:#5e5c64;--border:#3d3d42;--a:#62a0ea;--b:#f66151}}"
  "*{box-sizing:border-box}"
  "body{margin:0;background:var(--bg);color:var(--fg);"
  "font:15px/1.45 Cantarell,'Segoe UI',system-ui,sans-serif}"
  "main{max-width:60rem;margin:0 auto;padding:2rem 1.25rem 4rem}"
  "h1{font-size:1.7rem;margin:0 0 .25rem}h2{font-size:1.25rem;margin:2.5rem 0 .75rem}"
  "h3{font-size:1rem;margin:1.5rem 0 .5rem}.totals,.dim{color:var(--dim)}"
  "ul.thread,ul.replies{list-style:none;margin:0;padding:0}"
  "ul.thread{margin:0 0 1rem}"
  "ul.replies{margin-left:1.1rem;padding-left:1.1rem;border-left:2px solid var(--line)}"
  "ul.replies>li{position:relative}"
  "ul.replies>li::before{content:'';position:absolute;left:-1.1rem;top:1.4rem;width:1rem;"
  "border-top:2px solid var(--line)}"
  /* the vertical line stops at the last answer's connector */
  "ul.replies>li:last-child::after{content:'';position:absolute;left:calc(-1.1rem - 2px);"
  "top:calc(1.4rem + 2px);bottom:0;width:2px;background:var(--bg)}"
  ".card{background:var(--card);border:1px solid var(--border);border-left:5px solid var(--label);"
  "border-radius:10px;padding:.6rem .85rem;margin:.45rem 0;max-width:44rem}"
  ".card.lane-b{margin-left:auto}"
  ".meta{display:flex;flex-wrap:wrap;gap:.25rem .6rem;align-items:baseline;font-size:.85rem}"
  ".label{font-weight:700;color:var(--label)}.speaker{font-weight:600}"
  ".lane-a .speaker{color:var(--a)}.lane-b .speaker{color:var(--b)}"
  ".relation{color:var(--dim);font-style:italic}"
  ".badge{margin-left:auto;border-radius:1rem;padding:0 .55rem;font-size:.8rem;"
  "background:color-mix(in srgb,var(--label) 16%,transparent)}"
  "blockquote{margin:.3rem 0;font-size:1.02rem}"
  ".others{font-size:.85rem;margin:.25rem 0 0}"
  "details{font-size:.85rem;color:var(--dim)}details ul{margin:.25rem 0;padding-left:1.2rem}"
  "table{border-collapse:collapse;width:100%;font-size:.9rem}"
  "th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--border);vertical-align:top}"
  "td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
  ".bar{display:inline-block;height:.6rem;border-radius:.3rem;background:var(--label);"
  "vertical-align:middle;margin-right:.35rem}";

static void
escape (GString    *out,
        const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

static void
label_style (GString    *out,
             RptSummary *summary,
             guint       label)
{
  const char *color = rpt_summary_get_label_color (summary, label);

  /* Colours are validated "#rrggbb" when loaded; escaped all the same. */
  g_string_append (out, " style=\"--label:");
  escape (out, color);
  g_string_append (out, "\"");
}

static const char *
lane_class (RptSummary *summary,
            int         speaker)
{
  if (speaker >= 0 && speaker == rpt_summary_get_main_speaker (summary, 0))
    return "lane-a";
  if (speaker >= 0 && speaker == rpt_summary_get_main_speaker (summary, 1))
    return "lane-b";
  return "lane-other";
}

static void
html_card (GString             *out,
           RptSummary          *summary,
           const RptSummaryRow *row)
{
  const RptSummaryGroup *group = rpt_summary_get_group (summary, row->group);
  g_autofree char *quote = rpt_summary_dup_quote (summary, group->representative, 0);
  g_autofree char *reach = rpt_summary_describe_reach (summary, row->group);
  g_autofree char *answered = rpt_summary_describe_answered (summary, row, 80);

  g_string_append_printf (out, "<div class=\"card %s\"", lane_class (summary, group->speaker));
  label_style (out, summary, group->label);
  g_string_append (out, "><div class=\"meta\">");
  if (row->depth > 0)
    {
      g_string_append (out, "<span class=\"relation\">↳ ");
      escape (out, rpt_relation_type_get_display (row->relation));
      if (answered)
        {
          /* Past the deepest level: "↳ Rebuts “what it rebuts”" */
          g_string_append_c (out, ' ');
          escape (out, answered);
        }
      g_string_append (out, "</span>");
    }
  g_string_append (out, "<span class=\"label\">");
  escape (out, rpt_summary_get_label_name (summary, group->label));
  g_string_append (out, "</span><span class=\"speaker\">");
  escape (out, rpt_summary_speaker_display (summary, group->speaker));
  g_string_append (out, "</span><span class=\"badge\">");
  escape (out, reach);
  g_string_append (out, "</span></div><blockquote>");
  {
    /* Translators: a quoted statement; use the quotation marks of your language */
    g_autofree char *quoted = g_strdup_printf (_("“%s”"), quote);
    escape (out, quoted);
  }
  g_string_append (out, "</blockquote><details><summary>");
  /* Translators: the folded list of the articles that report a statement */
  escape (out, g_dngettext (GETTEXT_PACKAGE, "Source", "Sources", group->n_documents));
  g_string_append (out, "</summary><ul>");
  for (guint m = 0; m < group->n_members; m++)
    {
      const RptSummaryStatement *s = rpt_summary_get_statement (summary, group->members[m]);
      g_autofree char *wording = rpt_summary_dup_quote (summary, group->members[m], 0);
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), wording);

      g_string_append (out, "<li>");
      escape (out, rpt_summary_document_display (summary, s->document));
      g_string_append (out, ": ");
      escape (out, quoted);
      g_string_append (out, "</li>");
    }
  g_string_append (out, "</ul></details>");
  {
    g_autofree char *others = rpt_summary_describe_other_links (summary, row->group, 80, 5);

    if (others)
      {
        g_string_append (out, "<p class=\"dim others\">");
        escape (out, others);
        g_string_append (out, "</p>");
      }
  }
  g_string_append (out, "</div>");
}

static void
html_threads (GString    *out,
              RptSummary *summary)
{
  guint n_rows = rpt_summary_get_n_rows (summary);
  guint depth = 0;

  for (guint r = 0; r < n_rows; r++)
    {
      const RptSummaryRow *row = rpt_summary_get_row (summary, r);
      /* Lists nest no deeper than the Markdown's; browsers stop nesting
       * elements a few hundred deep anyway. */
      guint level = MIN (row->depth, RPT_SUMMARY_MAX_NESTING);

      if (r > 0 && level > depth)
        g_string_append (out, "<ul class=\"replies\">");
      else if (r > 0)
        {
          g_string_append (out, "</li>");
          for (; depth > level; depth--)
            g_string_append (out, "</ul></li>");
        }
      if (row->depth == 0)
        g_string_append (out, r > 0 ? "</ul>\n<ul class=\"thread\">" : "<ul class=\"thread\">");
      depth = level;
      g_string_append (out, "<li>");
      html_card (out, summary, row);
    }
  if (n_rows > 0)
    {
      g_string_append (out, "</li>");
      for (; depth > 0; depth--)
        g_string_append (out, "</ul></li>");
      g_string_append (out, "</ul>\n");
    }
  else
    {
      g_string_append (out, "<p class=\"dim\">");
      escape (out, _("Nothing is annotated yet."));
      g_string_append (out, "</p>\n");
    }
}

static void
html_coverage (GString    *out,
               RptSummary *summary)
{
  guint n_shared = rpt_summary_get_n_shared_groups (summary);
  g_autofree char *intro =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                  "%u statement is reported by at least two articles.",
                                  "%u statements are reported by at least two articles.",
                                  n_shared), n_shared);

  g_string_append (out, "<h2>");
  escape (out, _("Coverage"));
  g_string_append (out, "</h2><p class=\"dim\">");
  escape (out, intro);
  g_string_append (out, "</p><table><tr><th>");
  escape (out, _("Article"));
  g_string_append (out, "</th><th>");
  escape (out, _("Annotations"));
  g_string_append (out, "</th><th>");
  escape (out, _("Shared statements"));
  g_string_append (out, "</th><th>");
  escape (out, C_("table column", "Left out"));
  g_string_append (out, "</th></tr>\n");
  for (guint d = 0; d < rpt_summary_get_n_documents (summary); d++)
    {
      g_autoptr(GArray) omitted = rpt_summary_dup_omitted_first (summary, d, MAX_LISTED);
      guint n_omitted = n_shared - rpt_summary_get_document_n_shared (summary, d);

      g_string_append (out, "<tr><td>");
      escape (out, rpt_summary_document_display (summary, d));
      g_string_append_printf (out, "</td><td class=\"n\">%u</td><td class=\"n\">%u / %u</td><td>",
                              rpt_summary_get_document_n_annotations (summary, d),
                              rpt_summary_get_document_n_shared (summary, d), n_shared);
      if (omitted->len == 0)
        g_string_append (out, "—");
      else
        {
          g_string_append (out, "<ul>");
          for (guint i = 0; i < omitted->len; i++)
            {
              const RptSummaryGroup *group = rpt_summary_get_group (summary, g_array_index (omitted, guint, i));
              g_autofree char *quote = rpt_summary_dup_quote (summary, group->representative, 90);
              g_autofree char *quoted = g_strdup_printf (_("“%s”"), quote);

              g_string_append (out, "<li>");
              escape (out, quoted);
              g_string_append (out, "</li>");
            }
          if (n_omitted > omitted->len)
            {
              g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                                    "and %u more", n_omitted - omitted->len),
                                                       n_omitted - omitted->len);

              g_string_append (out, "<li class=\"dim\">");
              escape (out, more);
              g_string_append (out, "</li>");
            }
          g_string_append (out, "</ul>");
        }
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</table>\n");
}

static void
html_count_cell (GString    *out,
                 RptSummary *summary,
                 guint       label,
                 guint       n,
                 guint       max)
{
  g_string_append (out, "<td class=\"n\"");
  label_style (out, summary, label);
  g_string_append (out, ">");
  if (n > 0)
    g_string_append_printf (out, "<span class=\"bar\" style=\"width:%.1fem\"></span>",
                            4.0 * n / MAX (max, 1));
  g_string_append_printf (out, "%u</td>", n);
}

static void
html_count_header (GString    *out,
                   RptSummary *summary,
                   const char *first)
{
  g_string_append (out, "<table><tr><th>");
  escape (out, first);
  g_string_append (out, "</th>");
  for (guint l = 0; l < rpt_summary_get_n_labels (summary); l++)
    {
      g_string_append (out, "<th");
      label_style (out, summary, l);
      g_string_append (out, "><span class=\"label\">");
      escape (out, rpt_summary_get_label_name (summary, l));
      g_string_append (out, "</span></th>");
    }
  g_string_append (out, "<th>");
  escape (out, C_("table column", "Total"));
  g_string_append (out, "</th></tr>\n");
}

static void
html_counts (GString    *out,
             RptSummary *summary)
{
  guint n_labels = rpt_summary_get_n_labels (summary);
  guint n_speakers = rpt_summary_get_n_speakers (summary);
  guint max = 0;

  for (guint l = 0; l < n_labels; l++)
    for (int sp = -1; sp < (int) n_speakers; sp++)
      max = MAX (max, rpt_summary_count_label_speaker (summary, l, sp));

  g_string_append (out, "<h2>");
  escape (out, C_("heading", "Counts"));
  g_string_append (out, "</h2><h3>");
  escape (out, _("Annotations by speaker and label"));
  g_string_append (out, "</h3>");
  html_count_header (out, summary, _("Speaker"));
  for (int sp = 0; sp <= (int) n_speakers; sp++)
    {
      int speaker = sp == (int) n_speakers ? RPT_SUMMARY_NO_SPEAKER : sp;
      guint total = 0;

      for (guint l = 0; l < n_labels; l++)
        total += rpt_summary_count_label_speaker (summary, l, speaker);
      if (total == 0)
        continue;
      g_string_append (out, "<tr><td>");
      escape (out, rpt_summary_speaker_display (summary, speaker));
      g_string_append (out, "</td>");
      for (guint l = 0; l < n_labels; l++)
        html_count_cell (out, summary, l, rpt_summary_count_label_speaker (summary, l, speaker), max);
      g_string_append_printf (out, "<td class=\"n\">%u</td></tr>\n", total);
    }
  g_string_append (out, "</table>");

  max = 0;
  for (guint d = 0; d < rpt_summary_get_n_documents (summary); d++)
    for (guint l = 0; l < n_labels; l++)
      max = MAX (max, rpt_summary_count_document_label (summary, d, l));
  g_string_append (out, "<h3>");
  escape (out, _("Annotations by article"));
  g_string_append (out, "</h3>");
  html_count_header (out, summary, _("Article"));
  for (guint d = 0; d < rpt_summary_get_n_documents (summary); d++)
    {
      g_string_append (out, "<tr><td>");
      escape (out, rpt_summary_document_display (summary, d));
      g_string_append (out, "</td>");
      for (guint l = 0; l < n_labels; l++)
        html_count_cell (out, summary, l, rpt_summary_count_document_label (summary, d, l), max);
      g_string_append_printf (out, "<td class=\"n\">%u</td></tr>\n",
                              rpt_summary_get_document_n_annotations (summary, d));
    }
  g_string_append (out, "</table>\n");
}

char *
rpt_summary_to_html (RptSummary *summary,
                     const char *title)
{
  GString *out = g_string_new ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                               "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                               "<meta name=\"generator\" content=\"Repartee\"><title>");
  g_autofree char *totals = rpt_summary_describe_totals (summary);

  escape (out, _("Summary of the exchange"));
  if (title && *title)
    {
      g_string_append (out, " — ");
      escape (out, title);
    }
  g_string_append_printf (out, "</title><style>%s</style></head>\n<body><main><h1>", style);
  escape (out, _("Summary of the exchange"));
  g_string_append (out, "</h1>");
  if (title && *title)
    {
      g_string_append (out, "<p class=\"dim\">");
      escape (out, title);
      g_string_append (out, "</p>");
    }
  g_string_append (out, "<p class=\"totals\">");
  escape (out, totals);
  g_string_append (out, "</p>\n<h2>");
  escape (out, _("The exchange"));
  g_string_append (out, "</h2>\n");
  html_threads (out, summary);
  html_coverage (out, summary);
  html_counts (out, summary);
  g_string_append (out, "</main></body></html>\n");
  return g_string_free (out, FALSE);
}
