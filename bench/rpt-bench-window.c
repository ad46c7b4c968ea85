/* rpt-bench-window.c: driving the real window for repartee-bench-gui, and
 * timing its frames. A figure ends at the "after-paint" of the first frame
 * that shows its result (the window's GdkFrameClock); actions run at the
 * start of a frame, as GTK 4 delivers a key press.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "rpt-bench-core.h"
#include "rpt-bench-window.h"
#include "rpt-link-popover.h"

/* ---- The main loop, frames and stalls ---- */

static RptApplication *app;

typedef struct
{
  guint64  paints;          /* frames painted so far */
  double   last_paint;      /* when the last one finished */
  double   last_paint_cpu;  /* the main thread's CPU time then */
  GArray  *intervals;       /* between frames, while recording */
  GArray  *busy;            /* the main thread's CPU time in each */
} Frames;

static Frames frames;

/* The main thread's CPU time in the last figure (from its start to the
 * frame that ended it). */
static double last_cpu;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  double now = rpt_bench_now_ms ();

  double cpu = rpt_bench_thread_cpu_ms ();

  if (frames.intervals != NULL && frames.last_paint > 0)
    {
      double interval = now - frames.last_paint;
      double busy_ms = cpu - frames.last_paint_cpu;

      g_array_append_val (frames.intervals, interval);
      g_array_append_val (frames.busy, busy_ms);
    }
  frames.last_paint = now;
  frames.last_paint_cpu = cpu;
  frames.paints++;
}

static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
rpt_bench_window_init (RptApplication *application)
{
  app = application;
  g_timeout_add (10, wake, NULL);
}

double
rpt_bench_last_paint_cpu (void)
{
  return frames.last_paint_cpu;
}

double
rpt_bench_gui_last_cpu (void)
{
  return last_cpu;
}

void
rpt_bench_spin_ms (double ms)
{
  double end = rpt_bench_now_ms () + ms;

  RPT_BENCH_SPIN_UNTIL (rpt_bench_now_ms () >= end);
}

/* Waits for the next frame to be painted and returns when it was. */
static double
next_paint (void)
{
  guint64 before = frames.paints;

  gtk_widget_queue_draw (GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app))));
  if (!RPT_BENCH_SPIN_UNTIL (frames.paints > before))
    return NAN;
  return frames.last_paint;
}

/* Lets the window rpt_bench_settle: idle layout work done, two quiet frames. */
void
rpt_bench_settle (void)
{
  rpt_bench_spin_ms (150);
  next_paint ();
  next_paint ();
}

/* ---- Finding the parts of the window ---- */

GtkWidget *
rpt_bench_find_widget (GtkWidget *root,
                       GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rpt_bench_find_widget (child, type);

      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found)
        return found;
    }
  return NULL;
}

/* The selection of the article list: a GtkListView over RptDocuments. */
static GtkSingleSelection *
find_documents_selection (GtkWidget *root)
{
  if (GTK_IS_LIST_VIEW (root))
    {
      GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (root));
      GListModel *inner;

      if (GTK_IS_SINGLE_SELECTION (model) &&
          (inner = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model))) != NULL &&
          g_list_model_get_item_type (inner) == RPT_TYPE_DOCUMENT)
        return GTK_SINGLE_SELECTION (model);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkSingleSelection *found = find_documents_selection (child);

      if (found)
        return found;
    }
  return NULL;
}

static void
on_document_set (RptArticleView *view,
                 GParamSpec     *pspec,
                 RptBenchGui    *gui)
{
  gui->doc_paints = frames.paints;
  gui->doc_time = rpt_bench_now_ms ();
}

static void
on_tag_failed (RptArticleView *view,
               const char     *message,
               RptBenchGui    *gui)
{
  g_free (gui->tag_failure);
  gui->tag_failure = g_strdup (message);
}

gboolean
rpt_bench_gui_open_window (RptBenchGui *gui)
{
  GdkFrameClock *clock;

  memset (gui, 0, sizeof *gui);
  gui->window = rpt_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (gui->window), 1280, 820);
  gtk_window_present (GTK_WINDOW (gui->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (gui->window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (gui->window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  gui->view = RPT_ARTICLE_VIEW (rpt_bench_find_widget (GTK_WIDGET (gui->window), RPT_TYPE_ARTICLE_VIEW));
  if (gui->view == NULL)
    return FALSE;
  g_signal_connect (gui->view, "notify::document", G_CALLBACK (on_document_set), gui);
  g_signal_connect (gui->view, "tag-failed", G_CALLBACK (on_tag_failed), gui);
  rpt_bench_settle ();
  return TRUE;
}

void
rpt_bench_gui_detach (RptBenchGui *gui)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (gui->window));

  if (clock)
    g_signal_handlers_disconnect_by_func (clock, on_after_paint, NULL);
  g_signal_handlers_disconnect_by_data (gui->view, gui);
}

void
rpt_bench_gui_close_window (RptBenchGui *gui)
{
  GtkWidget *weak = GTK_WIDGET (gui->window);

  rpt_bench_gui_detach (gui);
  g_object_add_weak_pointer (G_OBJECT (gui->window), (gpointer *) &weak);
  gtk_window_destroy (GTK_WINDOW (gui->window));
  RPT_BENCH_SPIN_UNTIL (weak == NULL);
  g_clear_pointer (&gui->tag_failure, g_free);
}

static gboolean
shows_document (RptBenchGui *gui,
                RptDocument *document)
{
  return rpt_article_view_get_document (gui->view) == document;
}

/* Opens @path and waits for the first frame of its first article; returns
 * the time from the call to that frame and the longest stall meanwhile. */
double
rpt_bench_gui_open_project (RptBenchGui *gui,
                            const char  *path,
                            double      *stall_ms,
                            double      *stall_cpu_ms)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RptProject *before = rpt_window_get_project (gui->window);
  RptBenchStall stall;
  double t0;
  gboolean ok;

  rpt_bench_stall_start (&stall);
  t0 = rpt_bench_now_ms ();
  gui->doc_paints = G_MAXUINT64;
  rpt_window_open_files (gui->window, &file, 1);
  ok = RPT_BENCH_SPIN_UNTIL (rpt_window_get_project (gui->window) != before &&
                             g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (gui->window))) > 0 &&
                             rpt_article_view_get_document (gui->view) != NULL &&
                             gui->doc_paints != G_MAXUINT64 && frames.paints > gui->doc_paints);
  *stall_ms = rpt_bench_stall_stop (&stall);
  if (stall_cpu_ms)
    *stall_cpu_ms = stall.worst_cpu;
  return ok ? frames.last_paint - t0 : NAN;
}

static RptDocument *
project_document (RptBenchGui *gui,
                  guint        index)
{
  GListModel *documents = rpt_project_get_documents (rpt_window_get_project (gui->window));
  RptDocument *document = g_list_model_get_item (documents, index);

  g_object_unref (document);  /* the project holds it */
  return document;
}

/* Selects article @index in the article list, as a click does, and returns
 * the time to the first frame that shows it. */
double
rpt_bench_gui_switch (RptBenchGui *gui,
                      guint        index)
{
  GtkSingleSelection *selection = find_documents_selection (GTK_WIDGET (gui->window));
  RptDocument *document = project_document (gui, index);
  double t0, cpu0;

  if (selection == NULL)
    return NAN;
  cpu0 = rpt_bench_thread_cpu_ms ();
  t0 = rpt_bench_now_ms ();
  gui->doc_paints = G_MAXUINT64;
  gtk_single_selection_set_selected (selection, index);
  if (!RPT_BENCH_SPIN_UNTIL (shows_document (gui, document) && gui->doc_paints != G_MAXUINT64 &&
                             frames.paints > gui->doc_paints))
    return NAN;
  last_cpu = frames.last_paint_cpu - cpu0;
  return frames.last_paint - t0;
}

/* An action run the way GTK 4 runs a key press: at the start of a frame
 * (input is delivered in the frame clock's first phase, then the same
 * frame lays out and paints). Timed from the action to the end of the frame
 * that shows its result. Starting it from the main loop instead would add
 * the wait for the next frame slot, up to one refresh interval, that
 * depends on when the previous frame happened to end, not on the work. */
typedef struct
{
  GtkWidget  *widget;
  const char *action;
  GVariant   *parameter;
  double      t0;
  double      cpu0;
  guint64     paints;
  gboolean    ran;
} FrameAction;

static gboolean
frame_action_tick (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       data)
{
  FrameAction *fa = data;

  fa->paints = frames.paints;
  fa->cpu0 = rpt_bench_thread_cpu_ms ();
  fa->t0 = rpt_bench_now_ms ();
  gtk_widget_activate_action_variant (fa->widget, fa->action, fa->parameter);
  fa->ran = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs @action in the next frame; the time to that frame's end, or NAN. */
static double
run_in_frame (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  FrameAction fa = { widget, action, parameter ? g_variant_ref_sink (parameter) : NULL, 0, 0, 0, FALSE };
  gboolean ok;

  gtk_widget_add_tick_callback (widget, frame_action_tick, &fa, NULL);
  ok = RPT_BENCH_SPIN_UNTIL (fa.ran && frames.paints > fa.paints);
  g_clear_pointer (&fa.parameter, g_variant_unref);
  if (!ok)
    return NAN;
  last_cpu = frames.last_paint_cpu - fa.cpu0;
  return frames.last_paint - fa.t0;
}

/* Selects a few words near @offset and tags them through the window's
 * action (as the label bar and keys 1–9 do); the time to the end of the
 * frame that draws the highlight. Tries the labels in turn: a span may
 * already have one. */
double
rpt_bench_gui_tag (RptBenchGui *gui,
                   guint        offset)
{
  static const char *labels[] = { "joke", "claim", "rebuttal", "diplomatic-signal" };
  RptProject *project = rpt_window_get_project (gui->window);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      guint n = rpt_project_get_n_annotations (project);
      double ms;

      rpt_article_view_select_range (gui->view, offset, offset + 17);
      rpt_bench_settle ();
      g_clear_pointer (&gui->tag_failure, g_free);
      ms = run_in_frame (GTK_WIDGET (gui->window), "win.tag", g_variant_new_string (labels[i]));
      if (rpt_project_get_n_annotations (project) == n + 1)
        return ms;
    }
  return NAN;
}

double
rpt_bench_gui_undo (RptBenchGui *gui)
{
  RptProject *project = rpt_window_get_project (gui->window);
  guint n = rpt_project_get_n_annotations (project);
  double ms = run_in_frame (GTK_WIDGET (gui->window), "win.undo", NULL);

  return rpt_project_get_n_annotations (project) == n - 1 ? ms : NAN;
}

typedef struct
{
  GtkAdjustment *adjustment;
  guint          at_end;
  gboolean       done;
} Scroll;

/* One page further on every frame, as fast as a scroll bar dragged down. */
static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  Scroll *scroll = data;
  double value = gtk_adjustment_get_value (scroll->adjustment);
  double page = gtk_adjustment_get_page_size (scroll->adjustment);
  double upper = gtk_adjustment_get_upper (scroll->adjustment);

  if (value + page >= upper - 1)
    {
      /* The text view refines its height estimate as it lays out lines:
       * the bottom is where it stays for a few frames. */
      if (++scroll->at_end >= 5)
        {
          scroll->done = TRUE;
          return G_SOURCE_REMOVE;
        }
      return G_SOURCE_CONTINUE;
    }
  scroll->at_end = 0;
  gtk_adjustment_set_value (scroll->adjustment, MIN (value + page, upper - page));
  return G_SOURCE_CONTINUE;
}

/* Scrolls the shown article from top to bottom; the worst interval
 * between two frames, the median in @median_ms, the count in @n_frames. */
double
rpt_bench_gui_scroll (RptBenchGui *gui,
                      double      *median_ms,
                      double      *worst_busy_ms,
                      guint       *n_frames)
{
  GtkTextView *text_view = rpt_article_view_get_text_view (gui->view);
  Scroll scroll = { gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view)), 0, FALSE };
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) busy_ms = g_array_new (FALSE, FALSE, sizeof (double));
  double worst = 0;

  gtk_adjustment_set_value (scroll.adjustment, 0);
  rpt_bench_settle ();
  frames.intervals = intervals;
  frames.busy = busy_ms;
  frames.last_paint = 0;
  gtk_widget_add_tick_callback (GTK_WIDGET (text_view), scroll_tick, &scroll, NULL);
  RPT_BENCH_SPIN_UNTIL (scroll.done);
  frames.intervals = NULL;
  frames.busy = NULL;
  *worst_busy_ms = 0;
  for (guint i = 0; i < intervals->len; i++)
    if (g_array_index (intervals, double, i) > worst)
      {
        worst = g_array_index (intervals, double, i);
        *worst_busy_ms = g_array_index (busy_ms, double, i);
      }
  *n_frames = intervals->len;
  *median_ms = rpt_bench_median (intervals);
  return scroll.done ? worst : NAN;
}

/* Types a search into the link chooser of the selected annotation, which
 * searches every annotation of the project; the longest stall until all
 * are searched, and in @done_ms the time until then. */
double
rpt_bench_gui_search_targets (RptBenchGui *gui,
                              const char  *query,
                              double      *done_ms,
                              double      *stall_cpu_ms)
{
  GtkWidget *popover = rpt_bench_find_widget (GTK_WIDGET (gui->window), RPT_TYPE_LINK_POPOVER);
  GtkWidget *entry, *list;
  GtkFilterListModel *filtered;
  RptBenchStall stall;
  double t0, worst;
  gboolean ok;

  if (popover == NULL)
    return NAN;
  gtk_popover_popup (GTK_POPOVER (popover));
  rpt_bench_settle ();
  entry = find_named (popover, "link-search");
  list = find_named (popover, "link-targets");
  if (entry == NULL || list == NULL)
    return NAN;
  filtered = GTK_FILTER_LIST_MODEL (gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list)))));

  rpt_bench_stall_start (&stall);
  t0 = rpt_bench_now_ms ();
  gtk_editable_set_text (GTK_EDITABLE (entry), query);
  /* The entry reports the change after a short delay; then the search. */
  rpt_bench_spin_ms (300);
  ok = RPT_BENCH_SPIN_UNTIL (gtk_filter_list_model_get_pending (filtered) == 0);
  *done_ms = rpt_bench_now_ms () - t0;
  worst = rpt_bench_stall_stop (&stall);
  *stall_cpu_ms = stall.worst_cpu;
  gtk_popover_popdown (GTK_POPOVER (popover));
  rpt_bench_settle ();
  return ok ? worst : NAN;
}
