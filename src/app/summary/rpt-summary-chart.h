/* rpt-summary-chart.h: the Summary view's figures, drawn with cairo: counts
 * of annotations by label × speaker (grouped bars) or by article (stacked
 * bars), on screen and exported as PNG, SVG or PDF.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rpt-summary.h"

G_BEGIN_DECLS

typedef enum {
  RPT_SUMMARY_CHART_LABEL_SPEAKER,
  RPT_SUMMARY_CHART_ARTICLES,
} RptSummaryChartKind;

typedef enum {
  RPT_SUMMARY_CHART_PNG,
  RPT_SUMMARY_CHART_SVG,
  RPT_SUMMARY_CHART_PDF,
} RptSummaryChartFormat;

#define RPT_TYPE_SUMMARY_CHART (rpt_summary_chart_get_type ())
G_DECLARE_FINAL_TYPE (RptSummaryChart, rpt_summary_chart, RPT, SUMMARY_CHART, GtkWidget)

GtkWidget           *rpt_summary_chart_new         (RptSummaryChartKind  kind);
void                 rpt_summary_chart_set_summary (RptSummaryChart     *self,
                                                    RptSummary          *summary);
/* The title shown above the chart and written into exported files. */
const char          *rpt_summary_chart_get_title   (RptSummaryChart     *self);

/* From a file name's extension (.png, .svg, .pdf, any case). */
gboolean             rpt_summary_chart_format_from_path (const char            *path,
                                                         RptSummaryChartFormat *out);
/* The chart as the bytes of a file, in the light style, @width points wide. */
GBytes              *rpt_summary_chart_render      (RptSummaryChart       *self,
                                                    RptSummaryChartFormat  format,
                                                    double                 width,
                                                    GError               **error);

G_END_DECLS
