/* rpt-bench-window.h: driving the real window for repartee-bench-gui, and
 * timing its frames: open a window and a project, switch articles, tag,
 * undo, scroll, search link targets, each timed to the end of the frame
 * that shows its result.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rpt-application.h"
#include "rpt-article-view.h"
#include "rpt-window.h"

G_BEGIN_DECLS

#define RPT_BENCH_WAIT_MS 120000.0

/* Iterates the main loop until @cond holds; FALSE after RPT_BENCH_WAIT_MS. */
#define RPT_BENCH_SPIN_UNTIL(cond)                                            \
  ({                                                                          \
    double _end = rpt_bench_now_ms () + RPT_BENCH_WAIT_MS;                    \
    gboolean _ok = TRUE;                                                      \
    while (!(cond))                                                           \
      {                                                                       \
        if (rpt_bench_now_ms () > _end)                                       \
          {                                                                   \
            _ok = FALSE;                                                      \
            break;                                                            \
          }                                                                   \
        g_main_context_iteration (NULL, TRUE);                                \
      }                                                                       \
    _ok;                                                                      \
  })

/* Keeps the main loop turning for @application's windows. */
void         rpt_bench_window_init        (RptApplication *application);
void         rpt_bench_spin_ms            (double          ms);
/* Lets the window settle: idle layout work done, two quiet frames. */
void         rpt_bench_settle             (void);
GtkWidget   *rpt_bench_find_widget        (GtkWidget      *root,
                                           GType           type);
/* The main thread's CPU time when the last frame was painted. */
double       rpt_bench_last_paint_cpu     (void);

/* A window of the application, its frames timed. */
typedef struct
{
  RptWindow      *window;
  RptArticleView *view;
  guint64         doc_paints;   /* frames painted when the document was set */
  double          doc_time;
  char           *tag_failure;
} RptBenchGui;

/* Opens a window of 1280 × 820 and waits until it settled; FALSE if it
 * has no article view. */
gboolean     rpt_bench_gui_open_window    (RptBenchGui    *gui);
/* Stops timing @gui's frames, before the window goes. */
void         rpt_bench_gui_detach         (RptBenchGui    *gui);
/* Destroys the window and waits until it is gone. */
void         rpt_bench_gui_close_window   (RptBenchGui    *gui);
/* Opens @path and waits for the first frame of its first article; returns
 * the time from the call to that frame and the longest stall meanwhile. */
double       rpt_bench_gui_open_project   (RptBenchGui    *gui,
                                           const char     *path,
                                           double         *stall_ms,
                                           double         *stall_cpu_ms);
/* Selects article @index in the article list, as a click does, and returns
 * the time to the first frame that shows it. */
double       rpt_bench_gui_switch         (RptBenchGui    *gui,
                                           guint           index);
/* Tags a few words near @offset through "win.tag"; the time to the frame
 * that draws the highlight. */
double       rpt_bench_gui_tag            (RptBenchGui    *gui,
                                           guint           offset);
/* "win.undo"; the time to the frame that shows one annotation fewer. */
double       rpt_bench_gui_undo           (RptBenchGui    *gui);
/* The main thread's CPU time in the last switch, tag or undo. */
double       rpt_bench_gui_last_cpu       (void);
/* Scrolls the shown article from top to bottom; the worst interval
 * between two frames, the median in @median_ms, the count in @n_frames. */
double       rpt_bench_gui_scroll         (RptBenchGui    *gui,
                                           double         *median_ms,
                                           double         *worst_busy_ms,
                                           guint          *n_frames);
/* Types @query into the link chooser of the selected annotation; the
 * longest stall until all are searched, and in @done_ms the time until
 * then. */
double       rpt_bench_gui_search_targets (RptBenchGui    *gui,
                                           const char     *query,
                                           double         *done_ms,
                                           double         *stall_cpu_ms);

G_END_DECLS
