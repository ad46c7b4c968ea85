/* repartee-bench-gui.c: the GUI figures of the benchmark, measured on the
 * real window (repartee-bench runs this under Xvfb).
 *
 *   repartee-bench-gui [--runs N] L.json Long.json
 *
 * Frames are timed with the window's GdkFrameClock: a figure ends at the
 * "after-paint" of the first frame that shows its result (rpt-bench-window.c
 * drives the window and times it; this file runs the figures and reports
 * them). Main-loop stalls are the longest gap between two runs of a 1 ms
 * high-priority timeout. The project files are copied first: saving writes
 * them.
 *
 * Output is for developers reading a terminal, so it is not translated.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "rpt-application.h"
#include "rpt-bench-core.h"
#include "rpt-bench-window.h"
#include "rpt-bench-find.h"
#include "rpt-link-popover.h"
#include "rpt-window.h"

/* Targets (issue 6). */
#define TARGET_SWITCH_MS     150.0
#define TARGET_TAG_MS         16.0
#define TARGET_UNDO_MS        16.0
#define TARGET_SCROLL_MS      33.0
#define TARGET_STALL_MS      100.0
#define TARGET_PARAGRAPH_MS 1000.0

static guint n_fail;

static void
report (const char *what,
        double      value,
        double      target,
        const char *detail)
{
  g_autofree char *target_text = target > 0 ? g_strdup_printf ("≤ %.0f ms", target) : g_strdup ("");
  const char *verdict = isnan (value) ? "n/a" : target <= 0 ? "" : value <= target ? "PASS" : "FAIL";

  /* Pad by characters: the names contain "→". */
  int pad = 46 - (int) g_utf8_strlen (what, -1);

  if (g_str_equal (verdict, "FAIL"))
    n_fail++;
  if (isnan (value))
    printf ("  %-4s  %s%*s %s\n", verdict, what, MAX (pad, 0), "", detail ? detail : "");
  else
    printf ("  %-4s  %s%*s %9.1f ms  %-9s %s\n", verdict, what, MAX (pad, 0), "", value,
            target_text, detail ? detail : "");
  fflush (stdout);
}

static int opt_runs = 5;
static char *opt_only;
static char **opt_files;

static const GOptionEntry entries[] = {
  { "runs", 'n', 0, G_OPTION_ARG_INT, &opt_runs, "Runs per figure (default 5)", "N" },
  { "only", 0, 0, G_OPTION_ARG_STRING, &opt_only, "Only the figures of L, of Long, of the giant paragraphs or of Find (for profiling)", "L|Long|Paragraphs|Find" },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_files, NULL, "L.json Long.json" },
  { NULL }
};

/* ---- The runs ---- */

static double
median_of (GArray *samples)
{
  for (guint i = 0; i < samples->len; i++)
    if (isnan (g_array_index (samples, double, i)))
      return NAN;
  return rpt_bench_median (samples);
}

static double
max_of (GArray *samples)
{
  double worst = 0;

  for (guint i = 0; i < samples->len; i++)
    worst = MAX (worst, g_array_index (samples, double, i));
  return samples->len ? worst : NAN;
}

#define ADD(array, value) G_STMT_START { double _v = (value); g_array_append_val ((array), _v); } G_STMT_END

/* L: open from an empty window, tag (so that there is something to save),
 * save; one window per run so every run starts alike. */
static void
measure_large (const char *path)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_stall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save_stall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) search_stall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) search_done = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) summary_stall = g_array_new (FALSE, FALSE, sizeof (double));
  double load_cpu = 0, save_cpu = 0, search_cpu = 0, summary_cpu = 0;   /* busy time in the worst stalls */
  double worst_load = 0, worst_save = 0;
  g_autofree char *load_detail = NULL;
  g_autofree char *save_detail = NULL;
  g_autofree char *runs = g_strdup_printf ("median of %d", opt_runs);
  g_autofree char *failure = NULL;

  for (int run = 0; run < opt_runs && failure == NULL; run++)
    {
      RptBenchGui gui;
      RptBenchStall stall;
      double stall_ms, stall_cpu;
      RptProject *project;

      if (!rpt_bench_gui_open_window (&gui))
        {
          failure = g_strdup ("(no article view in the window)");
          break;
        }
      ADD (open, rpt_bench_gui_open_project (&gui, path, &stall_ms, &stall_cpu));
      ADD (load_stall, stall_ms);
      if (stall_ms >= worst_load)
        {
          worst_load = stall_ms;
          load_cpu = stall_cpu;
        }
      rpt_bench_settle ();

      project = rpt_window_get_project (gui.window);
      if (isnan (rpt_bench_gui_tag (&gui, 40 + 60 * (guint) run)))
        {
          g_free (failure);
          failure = g_strdup_printf ("(tagging failed, so there was nothing to save: %s)",
                                     gui.tag_failure ? gui.tag_failure : "no annotation was added");
        }
      else
        {
          rpt_bench_stall_start (&stall);
          gtk_widget_activate_action (GTK_WIDGET (gui.window), "win.save", NULL);
          if (!RPT_BENCH_SPIN_UNTIL (!rpt_project_get_dirty (project)))
            failure = g_strdup ("(the save did not finish)");
          ADD (save_stall, rpt_bench_stall_stop (&stall));
          if (stall.worst >= worst_save)
            {
              worst_save = stall.worst;
              save_cpu = stall.worst_cpu;
            }
          /* The tag selected its annotation: the details offer links. */
          {
            double done = NAN, cpu = 0;
            double worst_search = rpt_bench_gui_search_targets (&gui, "okafor", &done, &cpu);

            if (!isnan (worst_search) && worst_search >= max_of (search_stall))
              search_cpu = cpu;
            ADD (search_stall, worst_search);
            ADD (search_done, done);
          }
          /* The Summary page: summarised in a worker, then shown. */
          {
            GtkWidget *stack = rpt_bench_find_widget (GTK_WIDGET (gui.window), ADW_TYPE_VIEW_STACK);

            if (stack)
              {
                rpt_bench_stall_start (&stall);
                adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "summary");
                rpt_bench_spin_ms (2000);
                ADD (summary_stall, rpt_bench_stall_stop (&stall));
                if (stall.worst >= max_of (summary_stall))
                  summary_cpu = stall.worst_cpu;
                adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "annotate");
                rpt_bench_settle ();
              }
          }
        }
      rpt_bench_settle ();
      rpt_bench_gui_close_window (&gui);
    }

  load_detail = g_strdup_printf ("worst of %d; the main thread ran %.0f ms of it", opt_runs, load_cpu);
  save_detail = g_strdup_printf ("worst of %d; the main thread ran %.0f ms of it", opt_runs, save_cpu);
  report ("open L → first frame of its first article", median_of (open), 0, runs);
  report ("longest main-loop stall while L loads", max_of (load_stall), TARGET_STALL_MS, load_detail);
  report ("longest main-loop stall while L saves", failure ? NAN : max_of (save_stall), TARGET_STALL_MS,
          failure ? failure : save_detail);
  {
    g_autofree char *search_detail =
      g_strdup_printf ("worst of %d; the main thread ran %.0f ms of it; all searched in %.0f ms",
                       opt_runs, search_cpu, median_of (search_done));

    report ("search L's 100,000 link targets: longest stall", failure ? NAN : max_of (search_stall),
            TARGET_STALL_MS, failure ? failure : search_detail);
  }
  {
    g_autofree char *summary_detail =
      g_strdup_printf ("worst of %d, over 2 s from the switch; the main thread ran %.0f ms of it",
                       opt_runs, summary_cpu);

    report ("show the Summary of L: longest stall", failure ? NAN : max_of (summary_stall),
            TARGET_STALL_MS, failure ? failure : summary_detail);
  }
}

/* "median of 5; the main thread ran 12 ms" (the rest: waiting for the
 * frame clock, or for a CPU on a busy machine). The string is kept until
 * the next call. */
static const char *
busy (const char *runs,
      GArray     *cpu)
{
  static char *text;

  g_free (text);
  text = g_strdup_printf ("%s; the main thread ran %.0f ms", runs, rpt_bench_median (cpu));
  return text;
}

/* Long: articles 1 (ordinary), 2 (1 MB, 20,000 annotations), 3 (one
 * 200,000-character paragraph). */
static void
measure_long (const char *path)
{
  g_autoptr(GArray) switches = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) tags = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) undos = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) switch_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) tag_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) undo_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paragraph_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *runs = g_strdup_printf ("median of %d", opt_runs);
  g_autofree char *scroll_detail = NULL;
  double stall_ms, scroll_median = NAN, scroll_worst, scroll_busy = NAN;
  guint n_frames = 0;
  RptBenchGui gui;

  if (!rpt_bench_gui_open_window (&gui) || isnan (rpt_bench_gui_open_project (&gui, path, &stall_ms, NULL)))
    {
      report ("switch to the 1 MB article → first frame", NAN, 0, "(cannot open the Long workload)");
      return;
    }

  for (int run = 0; run < opt_runs; run++)
    {
      rpt_bench_settle ();
      ADD (switches, rpt_bench_gui_switch (&gui, 1));
      ADD (switch_cpu, rpt_bench_gui_last_cpu ());
      rpt_bench_settle ();
      ADD (tags, rpt_bench_gui_tag (&gui, 200 + 300 * (guint) run));
      ADD (tag_cpu, rpt_bench_gui_last_cpu ());
      rpt_bench_settle ();
      ADD (undos, rpt_bench_gui_undo (&gui));
      ADD (undo_cpu, rpt_bench_gui_last_cpu ());
      rpt_bench_settle ();
      rpt_bench_gui_switch (&gui, 0);
    }
  report ("switch to the 1 MB article → first frame", median_of (switches), TARGET_SWITCH_MS,
          busy (runs, switch_cpu));
  report ("tag a selection in it → highlight drawn", median_of (tags), TARGET_TAG_MS, busy (runs, tag_cpu));
  report ("undo → highlight gone", median_of (undos), TARGET_UNDO_MS, busy (runs, undo_cpu));

  rpt_bench_settle ();
  rpt_bench_gui_switch (&gui, 1);
  rpt_bench_settle ();
  scroll_worst = rpt_bench_gui_scroll (&gui, &scroll_median, &scroll_busy, &n_frames);
  scroll_detail = g_strdup_printf ("one page a frame, %u frames, median %.1f ms; the main thread ran %.0f ms "
                                   "in the worst", n_frames, scroll_median, scroll_busy);
  report ("scroll it top to bottom: worst frame", scroll_worst, TARGET_SCROLL_MS, scroll_detail);

  for (int run = 0; run < opt_runs; run++)
    {
      rpt_bench_settle ();
      rpt_bench_gui_switch (&gui, 0);
      rpt_bench_settle ();
      ADD (paragraphs, rpt_bench_gui_switch (&gui, 2));
      ADD (paragraph_cpu, rpt_bench_gui_last_cpu ());
    }
  report ("200,000-character paragraph → first frame", median_of (paragraphs), TARGET_PARAGRAPH_MS,
          busy (runs, paragraph_cpu));

  rpt_bench_settle ();
  rpt_bench_gui_close_window (&gui);
}

/* ---- Giant paragraphs: one article that is a single paragraph ---- */

/* Words of the invented vocabulary, with curly quotes, accents and an emoji
 * outside the BMP so that offsets in code points and bytes differ. */
static const char *paragraph_words[] = {
  "the", "minister", "said", "that", "talks", "had", "gone", "well,", "but", "critics",
  "replied", "“nothing", "was", "agreed”", "and", "déjà", "vu", "🙂", "officials", "smiled.",
  "Asked", "again", "about", "sanctions,", "Okafor", "declined", "to", "comment.",
};

/* A project with a single paragraph of @bytes bytes (no line break) as its
 * first article, with an annotation every 10,000 bytes, and a short one
 * after it (to switch to and back). */
static char *
make_paragraph_project (const char *dir,
                        gsize       bytes)
{
  static const char *labels[] = { "claim", "rebuttal", "joke", "diplomatic-signal" };
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(RptDocument) document = NULL;
  g_autoptr(GString) text = g_string_sized_new (bytes + 64);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("paragraph-%zu.json", bytes);
  char *path = g_build_filename (dir, name, NULL);
  guint32 state = 20171222u;
  guint length, n;

  while (text->len < bytes)
    {
      state = state * 1103515245u + 12345u;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, paragraph_words[(state >> 16) % G_N_ELEMENTS (paragraph_words)]);
    }
  g_string_append_c (text, '.');
  document = rpt_document_new ("giant", "One paragraph", "https://example.org/bench/paragraph", text->str);
  if (!rpt_project_add_document (project, document, &error))
    goto failed;
  {
    g_autoptr(RptDocument) brief = rpt_document_new ("brief", "A brief", "https://example.org/bench/brief",
                                                     "Okafor smiled and declined to comment.");

    if (!rpt_project_add_document (project, brief, &error))
      goto failed;
  }
  length = rpt_document_get_length (document);
  n = (guint) (bytes / 10000);
  for (guint i = 0; i < n; i++)
    {
      guint start = (guint) ((guint64) length * i / n) + 7;

      /* Any span will do; one that fails (a label already there) is skipped. */
      rpt_project_add_annotation (project, "giant", start, MIN (start + 23, length),
                                  labels[i % G_N_ELEMENTS (labels)], NULL, NULL);
    }
  if (!rpt_project_save_to_file (project, path, &error))
    goto failed;
  return path;

failed:
  fprintf (stderr, "repartee-bench-gui: cannot make %s: %s\n", path, error->message);
  g_free (path);
  return NULL;
}

/* The peak resident memory since the last reset, in MB; resets it. */
static double
peak_memory_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;
  double mb = NAN;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "VmHWM:")) != NULL)
    mb = g_ascii_strtod (line + 6, NULL) / 1024.0;
  /* "5" resets the peak (Linux 4.0 and later). */
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
  return mb;
}

/* Opens a project of one @mb MB paragraph in a new window: the first
 * frame, the longest stall from the call until 3 s after that frame (the
 * view lays the rest out meanwhile), the CPU time used, then closing the
 * window as its close button does, and the peak memory. */
static void
measure_paragraph (const char *home,
                   guint       mb)
{
  g_autofree char *path = make_paragraph_project (home, (gsize) mb * 1000 * 1000);
  g_autoptr(GArray) firsts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stalls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_stalls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) closes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) close_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) close_stalls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) peaks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) switches = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) switch_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *what_first = g_strdup_printf ("%u MB paragraph: open → first frame", mb);
  g_autofree char *what_open_stall = g_strdup_printf ("%u MB paragraph: longest stall, opening", mb);
  g_autofree char *what_stall = g_strdup_printf ("%u MB paragraph: longest stall, 3 s after", mb);
  g_autofree char *what_close = g_strdup_printf ("%u MB paragraph: close the window", mb);
  g_autofree char *what_switch = g_strdup_printf ("%u MB paragraph: switch to it → first frame", mb);
  g_autofree char *runs = g_strdup_printf ("median of %d", opt_runs);
  g_autofree char *detail = NULL;
  double worst_stall_cpu = 0, worst_open_cpu = 0;

  if (path == NULL)
    {
      report (what_first, NAN, 0, "(the workload could not be made)");
      return;
    }
  for (int run = 0; run < opt_runs; run++)
    {
      RptBenchGui gui;
      RptBenchStall stall;
      GtkWidget *weak;
      double stall_ms, stall_cpu, cpu0, process0, t0, first;

      if (!rpt_bench_gui_open_window (&gui))
        break;
      peak_memory_mb ();
      cpu0 = rpt_bench_thread_cpu_ms ();
      process0 = rpt_bench_cpu_ms ();
      first = rpt_bench_gui_open_project (&gui, path, &stall_ms, &stall_cpu);
      ADD (firsts, first);
      ADD (first_cpu, rpt_bench_last_paint_cpu () - cpu0);
      ADD (all_cpu, rpt_bench_cpu_ms () - process0);
      ADD (open_stalls, stall_ms);
      if (stall_ms >= max_of (open_stalls))
        worst_open_cpu = stall_cpu;
      /* The rest of the text goes in and is laid out meanwhile. */
      rpt_bench_stall_start (&stall);
      rpt_bench_spin_ms (3000);
      ADD (stalls, rpt_bench_stall_stop (&stall));
      if (stall.worst >= max_of (stalls))
        worst_stall_cpu = stall.worst_cpu;

      /* Showing it again: the view's own cost, the file already read. */
      rpt_bench_gui_switch (&gui, 1);
      rpt_bench_settle ();
      ADD (switches, rpt_bench_gui_switch (&gui, 0));
      ADD (switch_cpu, rpt_bench_gui_last_cpu ());
      rpt_bench_settle ();

      /* As the close button does (close-request, then destroy). */
      rpt_bench_gui_detach (&gui);
      weak = GTK_WIDGET (gui.window);
      g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
      rpt_bench_stall_start (&stall);
      t0 = rpt_bench_now_ms ();
      cpu0 = rpt_bench_thread_cpu_ms ();
      gtk_window_close (GTK_WINDOW (gui.window));
      ADD (closes, RPT_BENCH_SPIN_UNTIL (weak == NULL) ? rpt_bench_now_ms () - t0 : NAN);
      ADD (close_cpu, rpt_bench_thread_cpu_ms () - cpu0);
      ADD (close_stalls, rpt_bench_stall_stop (&stall));
      g_clear_pointer (&gui.tag_failure, g_free);
      rpt_bench_spin_ms (200);
      ADD (peaks, peak_memory_mb ());
    }

  detail = g_strdup_printf ("median of %d; the main thread ran %.0f ms, all threads %.0f ms",
                            opt_runs, rpt_bench_median (first_cpu), rpt_bench_median (all_cpu));
  report (what_first, median_of (firsts), TARGET_PARAGRAPH_MS, detail);
  g_free (detail);
  detail = g_strdup_printf ("worst of %d, from the call to the first frame; "
                            "the main thread ran %.0f ms of it", opt_runs, worst_open_cpu);
  report (what_open_stall, max_of (open_stalls), TARGET_STALL_MS, detail);
  g_free (detail);
  detail = g_strdup_printf ("worst of %d, the text loaded and laid out meanwhile; "
                            "the main thread ran %.0f ms of it", opt_runs, worst_stall_cpu);
  report (what_stall, max_of (stalls), TARGET_STALL_MS, detail);
  g_free (detail);
  report (what_switch, median_of (switches), TARGET_PARAGRAPH_MS, busy (runs, switch_cpu));
  detail = g_strdup_printf ("median of %d; the main thread ran %.0f ms; longest stall %.0f ms; "
                            "peak memory %.0f MB", opt_runs, rpt_bench_median (close_cpu),
                            max_of (close_stalls), max_of (peaks));
  report (what_close, median_of (closes), 0, detail);
  g_remove (path);
}

static char *
copy_to (const char *path,
         const char *dir)
{
  g_autofree char *base = g_path_get_basename (path);
  char *copy = g_build_filename (dir, base, NULL);
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL) ||
      !g_file_set_contents (copy, contents, (gssize) len, NULL))
    {
      g_free (copy);
      return NULL;
    }
  return copy;
}

static void
set_default_env (const char *name,
                 const char *value)
{
  if (g_getenv (name) == NULL)
    g_setenv (name, value, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— the GUI figures of repartee-bench");
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *bindir = self ? g_path_get_dirname (self) : g_strdup (".");
  g_autofree char *schemas = g_build_filename (bindir, "..", "data", NULL);
  g_autofree char *home = g_dir_make_tmp ("repartee-bench-gui-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autofree char *l_copy = NULL;
  g_autofree char *long_copy = NULL;
  RptApplication *app;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      opt_files == NULL || g_strv_length (opt_files) != 2 || opt_runs < 1)
    {
      fprintf (stderr, "usage: repartee-bench-gui [--runs N] L.json Long.json\n");
      return 2;
    }

  /* As the test suites run the app: no settings or recent files of the
   * user's touched, no accessibility bus, the cairo renderer (Xvfb has no
   * GPU) unless GSK_RENDERER says otherwise. */
  g_mkdir_with_parents (data, 0700);
  g_mkdir_with_parents (config, 0700);
  g_mkdir_with_parents (cache, 0700);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  set_default_env ("GSETTINGS_SCHEMA_DIR", schemas);
  set_default_env ("GSETTINGS_BACKEND", "memory");
  set_default_env ("GSK_RENDERER", "cairo");
  set_default_env ("GTK_A11Y", "none");
  set_default_env ("NO_AT_BRIDGE", "1");

  l_copy = copy_to (opt_files[0], home);
  long_copy = copy_to (opt_files[1], home);
  if (l_copy == NULL || long_copy == NULL)
    {
      fprintf (stderr, "repartee-bench-gui: cannot copy the workloads to %s\n", home);
      return 1;
    }

  g_set_prgname ("repartee");
  g_set_application_name ("Repartee");
  app = rpt_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      fprintf (stderr, "repartee-bench-gui: %s\n", error->message);
      return 1;
    }
  g_application_hold (G_APPLICATION (app));
  rpt_bench_window_init (app);

  printf ("  (renderer %s, display %s, median of %d runs)\n", g_getenv ("GSK_RENDERER"),
          g_getenv ("DISPLAY") ? g_getenv ("DISPLAY") : "?", opt_runs);
  if (opt_only == NULL || g_ascii_strcasecmp (opt_only, "L") == 0)
    measure_large (l_copy);
  if (opt_only == NULL || g_ascii_strcasecmp (opt_only, "Long") == 0)
    measure_long (long_copy);
  if (opt_only == NULL || g_ascii_strcasecmp (opt_only, "Paragraphs") == 0)
    {
      measure_paragraph (home, 2);
      measure_paragraph (home, 20);
    }
  if (opt_only == NULL || g_ascii_strcasecmp (opt_only, "Find") == 0)
    n_fail += rpt_bench_find_run (app, l_copy, long_copy, opt_runs);

  /* The copies, and whatever the app wrote for its settings and recovery. */
  rpt_bench_remove_tree (home);
  if (n_fail > 0)
    printf ("\n%u GUI target(s) failed.\n", n_fail);
  return 0;
}
