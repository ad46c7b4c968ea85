/* rpt-summary-view-private.h: the Summary view's state, shared by its
 * files: rpt-summary-view.c (summaries, filters, lists) and
 * rpt-summary-view-export.c (the figures and Export Chart).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (RPT_APP_SUMMARY_COMPILATION)
# error "rpt-summary-view-private.h is private to src/app/summary (docs/ARCHITECTURE.md)."
#endif

#include <adwaita.h>

#include "rpt-list-reveal.h"
#include "rpt-summary-chart.h"
#include "rpt-summary-rows.h"
#include "rpt-summary-view.h"

G_BEGIN_DECLS

struct _RptSummaryView
{
  GtkWidget         parent_instance;

  AdwToastOverlay  *toast_overlay;
  GtkDropDown      *article_filter;
  GtkDropDown      *label_filter;
  GtkDropDown      *speaker_filter;
  GtkSpinner       *spinner;
  GtkLabel         *totals_label;
  GtkStack         *main_stack;
  GtkLabel         *lane_start_label;
  GtkLabel         *lane_end_label;
  AdwAvatar        *lane_start_avatar;
  AdwAvatar        *lane_end_avatar;
  GtkStack         *script_stack;
  GtkListView      *script_list;
  GtkBox           *figures_box;
  GtkListView      *coverage_list;

  RptProject       *project;          /* weak */
  RptSummary       *summary;
  RptSummaryRows   *rows;             /* the visible thread rows */
  RptSummaryRows   *articles;         /* the coverage list */
  RptListReveal    *script_reveal;
  RptListReveal    *coverage_reveal;
  RptSummaryChart  *charts[2];

  /* Filter choices by id, so they survive recomputation; NULL for all. */
  char             *article_id;
  char             *label_id;
  char             *speaker_id;
  GPtrArray        *article_ids;      /* dropdown position -> id (0: all) */
  GPtrArray        *label_ids;
  GPtrArray        *speaker_ids;
  gboolean          updating_filters;

  guint             update_source;
  gboolean          stale;            /* changed while unmapped */
  GCancellable     *cancellable;
  /* The export waiting for its file name. */
  RptSummaryChart  *export_chart;
  GtkFileChooserNative *chooser;
};

/* Adds a chart of @kind to the Figures page, with its Export Chart button. */
void _rpt_summary_view_add_figure   (RptSummaryView      *self,
                                     RptSummaryChartKind  kind);
/* The "summary.export-chart" action: asks for a file, then writes the
 * chart (PNG, SVG or PDF by its extension) in a worker. */
void _rpt_summary_view_export_chart (GtkWidget           *widget,
                                     const char          *action_name,
                                     GVariant            *parameter);

G_END_DECLS
