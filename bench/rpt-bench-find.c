/* rpt-bench-find.c: Find's figures on the real window.
 *
 * Typing is one character a keystroke, each delivered at the start of a
 * frame as GTK delivers input, at a brisk typist's pace (KEY_MS apart, or
 * later if the previous keystroke's results were not on screen yet).
 * "First results" is the time from a keystroke to the end of the first
 * frame that shows a match of what was typed (the worst keystroke is
 * reported); "all" the time from the last keystroke to the frame after
 * the search completed. Stalls are the longest gap between two runs of a
 * 1 ms high-priority timeout from the first keystroke to that frame.
 * Tag All and its undo are timed from the action, run at the start of a
 * frame, to the end of the frame that shows the result.
 *
 * Output is for developers reading a terminal, so it is not translated.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "rpt-article-text-view.h"
#include "rpt-article-view.h"
#include "rpt-bench-core.h"
#include "rpt-bench-find.h"
#include "rpt-find-bar.h"
#include "rpt-window.h"

#define TARGET_FIRST_MS  50.0
#define TARGET_STALL_MS 100.0
#define TARGET_TAG_MS   500.0
#define TARGET_UNDO_MS  500.0

#define KEY_MS   120.0
#define WAIT_MS  120000.0

typedef struct
{
  RptWindow      *window;
  RptArticleView *view;
  RptFindBar     *bar;
  GtkWidget      *entry;
  guint64         paints;
  double          last_paint;
  double          last_paint_cpu;  /* the main thread's CPU time then */
  /* The keystroke or action on the way, run by the next frame. */
  const char     *text;
  GtkWidget      *target;
  const char     *action;
  GVariant       *parameter;
  double          t0;
  double          cpu0;
  double          process0;
  gboolean        ran;
  /* When the first match of the search came, in frames painted. */
  guint64         first_paints;
} Bench;

static guint n_missed;

static void
find_report (const char *what,
             double      ms,
             double      target,
             const char *detail)
{
  const char *verdict = isnan (ms) ? "n/a" : target <= 0 ? "" : ms <= target ? "PASS" : "FAIL";
  g_autofree char *goal = target > 0 ? g_strdup_printf ("≤ %.0f ms", target) : g_strdup ("");

  if (g_str_equal (verdict, "FAIL"))
    n_missed++;
  printf ("  %-4s  %s%*s %9.1f ms  %-9s %s\n", verdict, what, MAX (46 - (int) g_utf8_strlen (what, -1), 0), "",
          ms, goal, detail);
  fflush (stdout);
}

#define SPIN_UNTIL(cond)                                                      \
  ({                                                                          \
    double _end = rpt_bench_now_ms () + WAIT_MS;                              \
    while (!(cond) && rpt_bench_now_ms () < _end)                             \
      g_main_context_iteration (NULL, TRUE);                                  \
    (cond);                                                                   \
  })

static void
after_paint (GdkFrameClock *clock,
             Bench         *bench)
{
  bench->paints++;
  bench->last_paint = rpt_bench_now_ms ();
  bench->last_paint_cpu = rpt_bench_thread_cpu_ms ();
}

/* Two quiet frames after the idle work is done. */
static void
quiet (Bench *bench)
{
  double end = rpt_bench_now_ms () + 150;
  guint64 paints;

  SPIN_UNTIL (rpt_bench_now_ms () >= end);
  for (int i = 0; i < 2; i++)
    {
      paints = bench->paints;
      gtk_widget_queue_draw (GTK_WIDGET (bench->window));
      SPIN_UNTIL (bench->paints > paints);
    }
}

static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = named (child, name);

      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
of_type (GtkWidget *root,
         GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = of_type (child, type);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
open_project (Bench          *bench,
              RptApplication *app,
              const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  memset (bench, 0, sizeof *bench);
  bench->window = rpt_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (bench->window), 1280, 820);
  gtk_window_present (GTK_WINDOW (bench->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (bench->window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (bench->window)), "after-paint",
                    G_CALLBACK (after_paint), bench);
  bench->view = RPT_ARTICLE_VIEW (of_type (GTK_WIDGET (bench->window), RPT_TYPE_ARTICLE_VIEW));
  bench->bar = RPT_FIND_BAR (of_type (GTK_WIDGET (bench->window), RPT_TYPE_FIND_BAR));
  bench->entry = named (GTK_WIDGET (bench->bar), "find-entry");
  rpt_window_open_files (bench->window, &file, 1);
  if (!SPIN_UNTIL (rpt_article_view_get_document (bench->view) != NULL))
    return FALSE;
  quiet (bench);
  return TRUE;
}

static void
close_window (Bench *bench)
{
  GtkWidget *weak = GTK_WIDGET (bench->window);

  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (weak), bench);
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_destroy (GTK_WINDOW (bench->window));
  SPIN_UNTIL (weak == NULL);
}

/* Shows article @index, as a jump from the list of matches does. */
static void
show_article (Bench *bench,
              guint  index)
{
  GListModel *documents = rpt_project_get_documents (rpt_window_get_project (bench->window));
  g_autoptr(RptDocument) document = g_list_model_get_item (documents, index);

  g_signal_emit_by_name (bench->bar, "show-document", document);
  SPIN_UNTIL (rpt_article_view_get_document (bench->view) == document);
  quiet (bench);
}

static void
on_first_match (RptSearchResults *results,
                guint             document_index,
                guint             position,
                guint             n,
                Bench            *bench)
{
  if (bench->first_paints == 0)
    bench->first_paints = bench->paints;
}

/* Runs the keystroke or the action in @bench at the start of a frame. */
static gboolean
frame_tick (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  Bench *bench = data;

  bench->t0 = rpt_bench_now_ms ();
  bench->cpu0 = rpt_bench_thread_cpu_ms ();
  bench->process0 = rpt_bench_cpu_ms ();
  if (bench->text != NULL)
    {
      RptSearchResults *results;

      gtk_editable_set_text (GTK_EDITABLE (bench->entry), bench->text);
      bench->first_paints = 0;
      results = rpt_find_bar_get_results (bench->bar);
      if (results != NULL)
        g_signal_connect (results, "matches-added", G_CALLBACK (on_first_match), bench);
    }
  else
    gtk_widget_activate_action_variant (bench->target, bench->action, bench->parameter);
  bench->ran = TRUE;
  return G_SOURCE_REMOVE;
}

static void
next_frame_runs (Bench *bench)
{
  bench->ran = FALSE;
  gtk_widget_add_tick_callback (GTK_WIDGET (bench->window), frame_tick, bench, NULL);
  SPIN_UNTIL (bench->ran);
}

static gboolean
complete (Bench *bench)
{
  RptSearchResults *results = rpt_find_bar_get_results (bench->bar);

  return results != NULL && rpt_search_results_is_complete (results);
}

typedef struct
{
  double first_worst;  /* the slowest keystroke to its first results */
  double first_cpu;    /* the main thread's CPU time in that one */
  double all;          /* the last keystroke to all results on screen */
  double stall;
  double stall_cpu;
  double main_cpu;     /* the main thread, from the first keystroke on */
  double all_cpu;      /* all threads */
  guint  n_matches;
} Typing;

/* Types @word a character a keystroke into the open search bar. */
static gboolean
type_word (Bench      *bench,
           const char *word,
           Typing     *typing)
{
  RptBenchStall stall;
  double cpu0 = rpt_bench_thread_cpu_ms (), process0 = rpt_bench_cpu_ms ();
  guint64 paints;

  memset (typing, 0, sizeof *typing);
  rpt_bench_stall_start (&stall);
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      g_autofree char *prefix = g_strndup (word, (gsize) (g_utf8_next_char (p) - word));
      double key_time;

      bench->text = prefix;
      next_frame_runs (bench);
      bench->text = NULL;
      key_time = bench->t0;
      /* The first match on screen (a search that found none has nothing
       * to show: its figure is the frame after it completed). */
      if (!SPIN_UNTIL ((bench->first_paints > 0 && bench->paints > bench->first_paints) ||
                       (complete (bench) && rpt_search_results_get_n_matches (rpt_find_bar_get_results (bench->bar)) == 0)))
        return FALSE;
      if (bench->last_paint - key_time >= typing->first_worst)
        {
          typing->first_worst = bench->last_paint - key_time;
          typing->first_cpu = bench->last_paint_cpu - bench->cpu0;
        }

      /* The typist's pace; after the last key, the search's end. */
      if (*g_utf8_next_char (p) != '\0')
        SPIN_UNTIL (rpt_bench_now_ms () >= key_time + KEY_MS);
    }
  if (!SPIN_UNTIL (complete (bench)))
    return FALSE;
  paints = bench->paints;
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
  SPIN_UNTIL (bench->paints > paints);
  typing->all = bench->last_paint - bench->t0;
  typing->stall = rpt_bench_stall_stop (&stall);
  typing->stall_cpu = stall.worst_cpu;
  typing->main_cpu = rpt_bench_thread_cpu_ms () - cpu0;
  typing->all_cpu = rpt_bench_cpu_ms () - process0;
  typing->n_matches = rpt_search_results_get_n_matches (rpt_find_bar_get_results (bench->bar));
  return TRUE;
}

/* Opens the bar with @options ("find-words", "find-all") ticked and an
 * empty entry. */
static void
open_bar (Bench       *bench,
          const char **options)
{
  static const char *all_options[] = { "find-case", "find-words", "find-regex", "find-all" };

  gtk_widget_activate_action (GTK_WIDGET (bench->window), "win.find", NULL);
  gtk_editable_set_text (GTK_EDITABLE (bench->entry), "");
  for (guint i = 0; i < G_N_ELEMENTS (all_options); i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (named (GTK_WIDGET (bench->bar), all_options[i])),
                                 options != NULL && g_strv_contains (options, all_options[i]));
  quiet (bench);
}

static void
report_typing (const char *what,
               Typing     *typing,
               int         runs)
{
  g_autofree char *first = g_strdup_printf ("%s: first results", what);
  g_autofree char *all = g_strdup_printf ("%s: all %u matches shown", what, typing->n_matches);
  g_autofree char *stall = g_strdup_printf ("%s: longest stall", what);
  g_autofree char *detail = NULL;

  detail = g_strdup_printf ("worst keystroke of %d run(s); the main thread ran %.0f ms of it", runs,
                            typing->first_cpu);
  find_report (first, typing->first_worst, TARGET_FIRST_MS, detail);
  g_free (detail);
  detail = g_strdup_printf ("from the last keystroke; the main thread ran %.0f ms, all threads %.0f ms "
                            "(whole word typed)", typing->main_cpu, typing->all_cpu);
  find_report (all, typing->all, 0, detail);
  g_free (detail);
  detail = g_strdup_printf ("while typing and searching; the main thread ran %.0f ms of it", typing->stall_cpu);
  find_report (stall, typing->stall, TARGET_STALL_MS, detail);
}

/* The worst of @runs typings of @word. */
static gboolean
measure_typing (Bench       *bench,
                const char  *word,
                const char **options,
                int          runs,
                Typing      *worst)
{
  memset (worst, 0, sizeof *worst);
  for (int run = 0; run < runs; run++)
    {
      Typing typing;

      open_bar (bench, options);
      if (!type_word (bench, word, &typing))
        return FALSE;
      if (typing.first_worst >= worst->first_worst)
        {
          worst->first_worst = typing.first_worst;
          worst->first_cpu = typing.first_cpu;
        }
      worst->stall_cpu = typing.stall > worst->stall ? typing.stall_cpu : worst->stall_cpu;
      worst->stall = MAX (worst->stall, typing.stall);
      worst->all = MAX (worst->all, typing.all);
      worst->main_cpu = MAX (worst->main_cpu, typing.main_cpu);
      worst->all_cpu = MAX (worst->all_cpu, typing.all_cpu);
      worst->n_matches = typing.n_matches;
    }
  return TRUE;
}

/* Runs @action on @target at the start of the next frame; the time to
 * the end of that frame, and the main thread's CPU time in @cpu. */
static double
action_in_frame (Bench      *bench,
                 GtkWidget  *target,
                 const char *action,
                 GVariant   *parameter,
                 double     *cpu,
                 double     *all_cpu)
{
  guint64 paints;

  quiet (bench);
  bench->target = target;
  bench->action = action;
  bench->parameter = parameter ? g_variant_ref_sink (parameter) : NULL;
  paints = bench->paints;
  next_frame_runs (bench);
  SPIN_UNTIL (bench->paints > paints && bench->last_paint > bench->t0);
  g_clear_pointer (&bench->parameter, g_variant_unref);
  bench->action = NULL;
  *cpu = rpt_bench_thread_cpu_ms () - bench->cpu0;
  *all_cpu = rpt_bench_cpu_ms () - bench->process0;
  return bench->last_paint - bench->t0;
}

/* Tag All (label Claim) on the search on show, then undo. */
static void
measure_tag_all (Bench      *bench,
                 const char *what)
{
  RptProject *project = rpt_window_get_project (bench->window);
  guint before = rpt_project_get_n_annotations (project);
  guint n = rpt_search_results_get_n_matches (rpt_find_bar_get_results (bench->bar));
  g_autofree char *tag_what = g_strdup_printf ("Tag All: %u matches %s", n, what);
  g_autofree char *detail = NULL;
  const char *description;
  double ms, cpu, all_cpu;
  guint tagged;

  ms = action_in_frame (bench, GTK_WIDGET (bench->bar), "find.tag-all", g_variant_new_string ("claim"),
                        &cpu, &all_cpu);
  tagged = rpt_project_get_n_annotations (project) - before;
  description = rpt_project_get_undo_description (project);
  detail = g_strdup_printf ("%u tagged as one undo step (“%s”); the main thread ran %.0f ms, all threads %.0f ms",
                            tagged, description ? description : "", cpu, all_cpu);
  find_report (tag_what, tagged > 0 ? ms : NAN, TARGET_TAG_MS, detail);

  ms = action_in_frame (bench, GTK_WIDGET (bench->window), "win.undo", NULL, &cpu, &all_cpu);
  g_free (detail);
  detail = g_strdup_printf ("one Ctrl+Z: %d of the %u tagged left; the main thread ran %.0f ms",
                            (int) rpt_project_get_n_annotations (project) - (int) before, tagged, cpu);
  find_report ("Tag All: undo it", rpt_project_get_n_annotations (project) == before ? ms : NAN,
               TARGET_UNDO_MS, detail);
}

guint
rpt_bench_find_run (RptApplication *app,
                    const char     *l_path,
                    const char     *long_path,
                    int             runs)
{
  static const char *words[] = { "find-words", NULL };
  static const char *all[] = { "find-all", NULL };
  static const char *all_words[] = { "find-all", "find-words", NULL };
  Bench bench;
  Typing typing;

  n_missed = 0;
  printf ("\nFind (issue 15)\n");

  /* Long: its 1 MB article. */
  if (!open_project (&bench, app, long_path))
    {
      find_report ("find in the 1 MB article", NAN, 0, "(cannot open the Long workload)");
      return 1;
    }
  show_article (&bench, 1);
  if (measure_typing (&bench, "harbour", NULL, runs, &typing))
    report_typing ("1 MB article, “harbour”", &typing, runs);
  if (measure_typing (&bench, "the", NULL, runs, &typing))
    report_typing ("1 MB article, “the”", &typing, runs);
  if (measure_typing (&bench, "Ilić", words, 1, &typing))
    measure_tag_all (&bench, "of “Ilić” in the 1 MB article");
  close_window (&bench);

  /* L: all 1,000 articles. */
  if (!open_project (&bench, app, l_path))
    {
      find_report ("find in all 1,000 articles", NAN, 0, "(cannot open the L workload)");
      return n_missed + 1;
    }
  if (measure_typing (&bench, "harbour", all, runs, &typing))
    report_typing ("1,000 articles, “harbour”", &typing, runs);
  if (measure_typing (&bench, "leaked", all_words, 1, &typing))
    measure_tag_all (&bench, "of “leaked” in 1,000 articles");
  close_window (&bench);
  return n_missed;
}
