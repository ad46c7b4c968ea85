/* rpt-summary-format.h: the summary as Markdown (a report), as a
 * self-contained HTML page, and as JSON for scripts (docs/SUMMARY.md), plus
 * the wording shared with the Summary view.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rpt-summary.h"

G_BEGIN_DECLS

typedef enum {
  RPT_SUMMARY_FORMAT_MARKDOWN,
  RPT_SUMMARY_FORMAT_HTML,
  RPT_SUMMARY_FORMAT_JSON,
} RptSummaryFormat;

/* "md" (or "markdown"), "html", "json". */
gboolean  rpt_summary_format_from_string (const char       *str,
                                          RptSummaryFormat *out);

/* @title names the project in headings and in the JSON ("title"). */
char     *rpt_summary_to_markdown        (RptSummary *summary,
                                          const char *title);
char     *rpt_summary_to_html            (RptSummary *summary,
                                          const char *title);
char     *rpt_summary_to_json            (RptSummary *summary,
                                          const char *title);
GBytes   *rpt_summary_to_bytes           (RptSummary       *summary,
                                          RptSummaryFormat  format,
                                          const char       *title);

/* The statement's text for display: without the quotation marks around it
 * or a comma left hanging at its end, runs of white space (line breaks
 * included) made one space, cut to at most @max_chars characters with "…"
 * (0: no limit). */
char     *rpt_summary_dup_quote          (RptSummary *summary,
                                          guint       statement,
                                          guint       max_chars);
/* "reported by 3 of 5 articles", or "in 1 of 5 articles". */
char     *rpt_summary_describe_reach     (RptSummary *summary,
                                          guint       group);
/* The relations of @group that its thread does not show (the other end
 * sits in another thread): "Also rebuts “…”; rebutted by “…”", quotes cut
 * to @max_chars; at most @max_links named, then "and N more". NULL when
 * there are none. */
char     *rpt_summary_describe_other_links (RptSummary *summary,
                                            guint       group,
                                            guint       max_chars,
                                            guint       max_links);
/* Threads are nested at most this many answers deep in the Markdown and
 * HTML summaries, as in the Summary view: a chain of thousands of answers
 * indented one step each would make the output grow with the square of
 * its length and push it off any page. Deeper answers are written at this
 * depth, each naming the statement it answers. */
#define RPT_SUMMARY_MAX_NESTING 8

/* For a row deeper than RPT_SUMMARY_MAX_NESTING: the statement it answers,
 * quoted and cut to @max_chars ("“We never funded…”"). NULL for any other
 * row, which sits right under what it answers. */
char     *rpt_summary_describe_answered  (RptSummary          *summary,
                                          const RptSummaryRow *row,
                                          guint                max_chars);
/* "4 articles · 20 annotations · 11 statements · 5 reported by several
 * articles · 2 exchanges" */
char     *rpt_summary_describe_totals    (RptSummary *summary);
/* The speaker's name, or "Unattributed". */
const char *rpt_summary_speaker_display  (RptSummary *summary,
                                          int         speaker);
/* The article's title, or its source when it has none. */
const char *rpt_summary_document_display (RptSummary *summary,
                                          guint       document);

G_END_DECLS
