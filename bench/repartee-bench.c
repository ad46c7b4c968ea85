/* repartee-bench.c: the benchmark. Generates the workloads (once, cached),
 * measures the core on each, prints the table with its floors and ratios,
 * checks the targets of docs/PERFORMANCE.md, then runs the GUI figures under
 * Xvfb (repartee-bench-gui).
 *
 * Output is for developers reading a terminal, so it is not translated.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "rpt-bench-core.h"
#include "rpt-bench-gen.h"
#include "rpt-bench-scale.h"

/* Targets (issue 6). */
#define TARGET_OPEN_RATIO      1.25
#define TARGET_SAVE_MS         300.0
#define TARGET_EXPORT_MS       500.0
#define TARGET_SUMMARY_MS      300.0
#define TARGET_PEAK_MB         350.0
#define TARGET_LINEAR_RATIO    1.5

static gboolean opt_all;
static int opt_runs = 5;
static int opt_seed = (int) RPT_BENCH_DEFAULT_SEED;
static char *opt_dir;
static gboolean opt_no_gui;
static gboolean opt_gui_only;
static gboolean opt_no_scale;
static gboolean opt_scale_only;
static char *opt_memory_child;
static char **opt_generate;
static char **opt_rest;

static const GOptionEntry entries[] = {
  { "all", 'a', 0, G_OPTION_ARG_NONE, &opt_all, "Run every workload, XL included (slow)", NULL },
  { "runs", 'n', 0, G_OPTION_ARG_INT, &opt_runs, "Runs per figure; the median is printed (default 5)", "N" },
  { "seed", 0, 0, G_OPTION_ARG_INT, &opt_seed, "Seed of the workload generator", "N" },
  { "dir", 'd', 0, G_OPTION_ARG_FILENAME, &opt_dir,
    "Folder for the generated workloads (default: ~/.cache/repartee-bench)", "DIR" },
  { "no-gui", 0, 0, G_OPTION_ARG_NONE, &opt_no_gui, "Skip the GUI figures", NULL },
  { "gui-only", 0, 0, G_OPTION_ARG_NONE, &opt_gui_only, "Only the GUI figures", NULL },
  { "no-scale", 0, 0, G_OPTION_ARG_NONE, &opt_no_scale,
    "Skip the scale figures (add of 10,000 files, 100,000 JSONL lines, a 100,000 chain)", NULL },
  { "scale-only", 0, 0, G_OPTION_ARG_NONE, &opt_scale_only, "Only the scale figures", NULL },
  { "generate", 'g', 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_generate,
    "Write workload NAME to FILE and exit (NAME=FILE, repeatable)", "NAME=FILE" },
  { "memory-child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &opt_memory_child, NULL, NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_rest, NULL, "[WORKLOAD…]" },
  { NULL }
};

/* ---- The machine ---- */

static char *
cpu_model (void)
{
  g_autofree char *info = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/cpuinfo", &info, NULL, NULL))
    return g_strdup ("unknown CPU");
  lines = g_strsplit (info, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], "model name"))
      {
        const char *colon = strchr (lines[i], ':');

        if (colon)
          return g_strstrip (g_strdup (colon + 1));
      }
  return g_strdup ("unknown CPU");
}

static double
memory_gib (void)
{
  return (double) sysconf (_SC_PHYS_PAGES) * sysconf (_SC_PAGESIZE) / (1024.0 * 1024 * 1024);
}

static void
print_machine (void)
{
  g_autofree char *cpu = cpu_model ();
  double load[3] = { 0 };

  getloadavg (load, 3);
  printf ("Machine: %ld CPUs (%s), %.1f GiB memory; load average %.2f at start\n",
          sysconf (_SC_NPROCESSORS_ONLN), cpu, memory_gib (), load[0]);
}

/* ---- The table ---- */

#define LABEL_WIDTH 30
#define COLUMN_WIDTH 11

typedef struct
{
  GPtrArray *reasons;   /* footnotes, "n/a [k]: reason" */
} Notes;

static guint
note_index (Notes      *notes,
            const char *reason)
{
  for (guint i = 0; i < notes->reasons->len; i++)
    if (g_str_equal (g_ptr_array_index (notes->reasons, i), reason))
      return i + 1;
  g_ptr_array_add (notes->reasons, g_strdup (reason));
  return notes->reasons->len;
}

static void
print_cell_text (const char *text)
{
  printf ("%*s", COLUMN_WIDTH, text);
}

static void
print_cell (Notes                *notes,
            const RptBenchFigure *figure,
            int                   decimals,
            double                scale)
{
  g_autofree char *text = NULL;

  if (figure->missing != NULL)
    text = g_strdup_printf ("n/a[%u]", note_index (notes, figure->missing));
  else
    text = g_strdup_printf ("%.*f", decimals, figure->value * scale);
  print_cell_text (text);
}

static void
print_cpu (const RptBenchFigure *figure)
{
  g_autofree char *text = NULL;

  if (figure->missing != NULL || isnan (figure->cpu))
    text = g_strdup ("");
  else
    text = g_strdup_printf ("%.1f", figure->cpu);
  print_cell_text (text);
}

static void
print_ratio (double a,
             double b)
{
  g_autofree char *text = NULL;

  if (isnan (a) || isnan (b) || b <= 0)
    text = g_strdup ("n/a");
  else
    text = g_strdup_printf ("%.2f×", a / b);
  print_cell_text (text);
}

static void
print_label (const char *label)
{
  /* Pad by characters, not bytes: labels contain "÷" and "µ". */
  printf ("  %s%*s", label, (int) (LABEL_WIDTH - g_utf8_strlen (label, -1)), "");
}

static void
print_table (RptBenchFigures *figures,
             guint            n)
{
  Notes notes = { g_ptr_array_new_with_free_func (g_free) };
  guint max_exports = 0;

  print_label ("");
  for (guint i = 0; i < n; i++)
    print_cell_text (figures[i].workload->name);
  printf ("\n");

#define ROW(label, body) \
  G_STMT_START { print_label (label); for (guint i = 0; i < n; i++) { RptBenchFigures *f = &figures[i]; (void) f; body; } printf ("\n"); } G_STMT_END

  ROW ("file (MB)", printf ("%*.1f", COLUMN_WIDTH, f->file_bytes / 1e6));
  ROW ("articles", printf ("%*u", COLUMN_WIDTH, f->n_documents));
  ROW ("annotations", printf ("%*u", COLUMN_WIDTH, f->n_annotations));
  ROW ("relations", printf ("%*u", COLUMN_WIDTH, f->n_relations));
  ROW ("open (ms)", print_cell (&notes, &f->open, 1, 1));
  ROW ("  CPU (ms)", print_cpu (&f->open));
  ROW ("json-glib bare parse (ms)", print_cell (&notes, &f->parse, 1, 1));
  ROW ("  CPU (ms)", print_cpu (&f->parse));
  ROW ("  open ÷ json-glib parse", print_ratio (f->open.value, f->parse.value));
  ROW ("CPython json.load (ms)", print_cell (&notes, &f->python, 1, 1));
  ROW ("  open ÷ json.load", print_ratio (f->open.value, f->python.value));
  ROW ("serialize (ms)", print_cell (&notes, &f->serialize, 1, 1));
  ROW ("save, fsync included (ms)", print_cell (&notes, &f->save, 1, 1));
  ROW ("  CPU (ms)", print_cpu (&f->save));
  ROW ("  saved bytes = file bytes", print_cell_text (f->round_trip_same ? "yes" : "NO"));

  for (guint i = 0; i < n; i++)
    max_exports = MAX (max_exports, figures[i].n_exports);
  if (max_exports == 0)
    {
      RptBenchFigure missing = { NAN, NAN, (char *) rpt_bench_exports_missing () };

      ROW ("export, each format (ms)", print_cell (&notes, &missing, 1, 1));
    }
  for (guint e = 0; e < max_exports; e++)
    {
      g_autofree char *label = g_strdup_printf ("export %s (ms)", figures[0].export_names[e]);

      ROW (label, print_cell (&notes, &f->exports[e], 1, 1));
    }
  if (max_exports > 0)
    {
      ROW ("  all exports (ms)", print_cell (&notes, &f->exports_total, 1, 1));
      ROW ("  all exports, CPU (ms)", print_cpu (&f->exports_total));
    }
  ROW ("summary (ms)", print_cell (&notes, &f->summary, 1, 1));
  ROW ("  CPU (ms)", print_cpu (&f->summary));
  ROW ("peak resident memory (MB)", print_cell (&notes, &f->peak_kb, 0, 1024.0 / 1e6));
  ROW ("open per annotation (µs)", printf ("%*.2f", COLUMN_WIDTH, f->open.value * 1000 / MAX (f->n_annotations, 1)));
  ROW ("serialize per annotation (µs)", printf ("%*.2f", COLUMN_WIDTH, f->serialize.value * 1000 / MAX (f->n_annotations, 1)));
  ROW ("save per annotation (µs)", printf ("%*.2f", COLUMN_WIDTH, f->save.value * 1000 / MAX (f->n_annotations, 1)));
#undef ROW

  for (guint i = 0; i < notes.reasons->len; i++)
    printf ("  [%u] %s\n", i + 1, (char *) g_ptr_array_index (notes.reasons, i));
  g_ptr_array_unref (notes.reasons);
}

/* ---- Targets ---- */

static guint n_fail;

static void
verdict (gboolean    measured,
         gboolean    pass,
         const char *target,
         const char *format,
         ...) G_GNUC_PRINTF (4, 5);

static void
verdict (gboolean    measured,
         gboolean    pass,
         const char *target,
         const char *format,
         ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  if (measured && !pass)
    n_fail++;
  printf ("  %-4s  %-46s %s\n", !measured ? "n/a" : pass ? "PASS" : "FAIL", target, detail);
}

static RptBenchFigures *
find (RptBenchFigures *figures,
      guint            n,
      const char      *name)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (figures[i].workload->name, name))
      return &figures[i];
  return NULL;
}

/* Time per annotation across M, L and XL: the largest over the smallest. */
static void
check_linear (RptBenchFigures *figures,
              guint            n,
              const char      *what,
              gsize            offset)
{
  const char *sizes[] = { "M", "L", "XL" };
  g_autoptr(GString) detail = g_string_new (NULL);
  double lo = INFINITY, hi = 0, cpu_lo = INFINITY, cpu_hi = 0;
  guint have = 0;
  g_autofree char *target = g_strdup_printf ("%s per annotation, M → L → XL, within %.1f×", what,
                                             TARGET_LINEAR_RATIO);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      RptBenchFigures *f = find (figures, n, sizes[i]);
      const RptBenchFigure *figure;
      double per;

      if (f == NULL)
        continue;
      figure = (const RptBenchFigure *) ((const char *) f + offset);
      if (figure->missing)
        continue;
      per = figure->value * 1000 / f->n_annotations;
      g_string_append_printf (detail, "%s%s %.2f µs", have ? ", " : "", sizes[i], per);
      lo = MIN (lo, per);
      hi = MAX (hi, per);
      cpu_lo = MIN (cpu_lo, figure->cpu * 1000 / f->n_annotations);
      cpu_hi = MAX (cpu_hi, figure->cpu * 1000 / f->n_annotations);
      have++;
    }
  if (have >= 2)
    g_string_append_printf (detail, ": %.2f× (CPU time: %.2f×)", hi / lo, cpu_hi / cpu_lo);
  if (have < 3)
    g_string_append (detail, have == 0 ? "needs M, L and XL (--all)" :
                             have == 1 ? "; needs M, L and XL (--all)" : " (XL not run: --all)");
  verdict (have >= 2, hi / lo <= TARGET_LINEAR_RATIO, target, "%s", detail->str);
}

static void
print_targets (RptBenchFigures *figures,
               guint            n)
{
  RptBenchFigures *l = find (figures, n, "L");

  printf ("\nTargets (core)\n");
  if (l == NULL)
    printf ("  (workload L not run: the size targets are about L)\n");
  else
    {
      double ratio = l->open.value / l->parse.value;
      double peak_mb = l->peak_kb.value * 1024 / 1e6;

      verdict (!isnan (ratio), ratio <= TARGET_OPEN_RATIO, "open L ≤ 1.25 × json-glib bare parse",
               "%.1f ms ÷ %.1f ms = %.2f× (CPU: %.1f ÷ %.1f = %.2f×)", l->open.value, l->parse.value, ratio,
               l->open.cpu, l->parse.cpu, l->open.cpu / l->parse.cpu);
      verdict (!isnan (l->save.value), l->save.value <= TARGET_SAVE_MS, "save L ≤ 300 ms",
               "%.1f ms (CPU %.1f ms)", l->save.value, l->save.cpu);
      if (l->n_exports == 0)
        verdict (FALSE, FALSE, "every export of L ≤ 500 ms", "%s", rpt_bench_exports_missing ());
      for (guint e = 0; e < l->n_exports; e++)
        {
          g_autofree char *target = g_strdup_printf ("export %s of L ≤ 500 ms", l->export_names[e]);

          verdict (l->exports[e].missing == NULL, l->exports[e].value <= TARGET_EXPORT_MS, target,
                   "%.1f ms (CPU %.1f ms)%s%s", l->exports[e].value, l->exports[e].cpu,
                   l->exports[e].missing ? " " : "", l->exports[e].missing ? l->exports[e].missing : "");
        }
      verdict (l->summary.missing == NULL, l->summary.value <= TARGET_SUMMARY_MS, "summary of L ≤ 300 ms",
               "%.1f ms (CPU %.1f ms)%s%s", l->summary.value, l->summary.cpu,
               l->summary.missing ? " " : "", l->summary.missing ? l->summary.missing : "");
      verdict (l->peak_kb.missing == NULL, peak_mb <= TARGET_PEAK_MB, "peak memory for L ≤ 350 MB",
               "%.0f MB", peak_mb);
    }
  /* Repartee's own work: saving adds the write and fsync, whose cost per
   * byte depends on the disk and on what else is being written. */
  check_linear (figures, n, "open", G_STRUCT_OFFSET (RptBenchFigures, open));
  check_linear (figures, n, "serialize", G_STRUCT_OFFSET (RptBenchFigures, serialize));
  check_linear (figures, n, "all exports", G_STRUCT_OFFSET (RptBenchFigures, exports_total));
  check_linear (figures, n, "summary", G_STRUCT_OFFSET (RptBenchFigures, summary));
}

/* ---- GUI figures: repartee-bench-gui under Xvfb ---- */

static int
run_gui (const char *dir)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *bindir = self ? g_path_get_dirname (self) : g_strdup (".");
  g_autofree char *gui = g_build_filename (bindir, "repartee-bench-gui", NULL);
  g_autofree char *xvfb = g_find_program_in_path ("xvfb-run");
  g_autofree char *l_path = NULL;
  g_autofree char *long_path = NULL;
  g_autofree char *runs = g_strdup_printf ("%d", opt_runs);
  g_autoptr(GError) error = NULL;
  int status = 0;

  printf ("\nGUI figures (under Xvfb)\n");
  fflush (stdout);
  if (xvfb == NULL)
    {
      printf ("  n/a   xvfb-run not found (install xvfb)\n");
      return 0;
    }
  l_path = rpt_bench_ensure_file (rpt_bench_workload_lookup ("L"), (guint32) opt_seed, dir, &error);
  if (l_path)
    long_path = rpt_bench_ensure_file (rpt_bench_workload_lookup ("Long"), (guint32) opt_seed, dir, &error);
  if (long_path == NULL)
    {
      printf ("  n/a   cannot make the workloads: %s\n", error->message);
      return 1;
    }

  {
    const char *argv[] = { xvfb, "-a", "-s", "-screen 0 1400x900x24", gui,
                           "--runs", runs, l_path, long_path, NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                       NULL, NULL, NULL, NULL, &status, &error) ||
        !g_spawn_check_wait_status (status, &error))
      {
        printf ("  the GUI run failed: %s\n", error->message);
        return 1;
      }
  }
  return 0;
}

/* ---- main ---- */

static int
generate (char **specs)
{
  for (guint i = 0; specs[i]; i++)
    {
      g_auto(GStrv) parts = g_strsplit (specs[i], "=", 2);
      const RptBenchWorkload *workload;
      g_autoptr(GError) error = NULL;

      if (g_strv_length (parts) != 2 || !(workload = rpt_bench_workload_lookup (parts[0])))
        {
          fprintf (stderr, "repartee-bench: --generate wants NAME=FILE with NAME one of S, M, L, XL, Long\n");
          return 2;
        }
      if (!rpt_bench_generate_file (workload, (guint32) opt_seed, parts[1], &error))
        {
          fprintf (stderr, "repartee-bench: %s\n", error->message);
          return 1;
        }
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) selected = g_ptr_array_new ();
  g_autofree char *dir = NULL;
  RptBenchFigures *figures;
  guint n_workloads, n = 0;
  const RptBenchWorkload *workloads = rpt_bench_workloads (&n_workloads);
  int status = 0;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("— measure Repartee on generated workloads");
  g_option_context_set_summary (context,
                                "Workloads: S M L XL Long (default: S M L Long; --all adds XL).\n"
                                "Prints the median of --runs runs of every figure, the floors and\n"
                                "the ratios, and PASS/FAIL for each target of docs/PERFORMANCE.md.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "repartee-bench: %s\n", error->message);
      return 2;
    }

  if (opt_memory_child)
    return rpt_bench_memory_child (opt_memory_child);
  if (opt_generate)
    return generate (opt_generate);
  if (opt_runs < 1)
    {
      fprintf (stderr, "repartee-bench: --runs must be at least 1\n");
      return 2;
    }

  dir = opt_dir ? g_strdup (opt_dir) : g_build_filename (g_get_user_cache_dir (), "repartee-bench", NULL);

  if (opt_rest)
    for (guint i = 0; opt_rest[i]; i++)
      {
        const RptBenchWorkload *w = rpt_bench_workload_lookup (opt_rest[i]);

        if (w == NULL)
          {
            fprintf (stderr, "repartee-bench: unknown workload “%s” (S, M, L, XL, Long)\n", opt_rest[i]);
            return 2;
          }
        g_ptr_array_add (selected, (gpointer) w);
      }
  if (selected->len == 0)
    for (guint i = 0; i < n_workloads; i++)
      if (opt_all || !g_str_equal (workloads[i].name, "XL"))
        g_ptr_array_add (selected, (gpointer) &workloads[i]);

  print_machine ();
  printf ("Median of %d runs per figure; workloads from seed %d in %s\n\n", opt_runs, opt_seed, dir);

  if (opt_scale_only)
    {
      n_fail += rpt_bench_scale_run (dir, (guint) opt_runs);
      if (n_fail > 0)
        printf ("\n%u target(s) failed.\n", n_fail);
      return 0;
    }

  figures = g_new0 (RptBenchFigures, selected->len);
  if (!opt_gui_only)
    {
      for (guint i = 0; i < selected->len; i++)
        {
          const RptBenchWorkload *w = g_ptr_array_index (selected, i);
          g_autofree char *path = rpt_bench_ensure_file (w, (guint32) opt_seed, dir, &error);

          if (path == NULL || !rpt_bench_measure (&figures[n], w, path, (guint) opt_runs, &error))
            {
              fprintf (stderr, "repartee-bench: %s: %s\n", w->name, error->message);
              return 1;
            }
          fprintf (stderr, "  measured %s\n", w->name);
          n++;
        }
      print_table (figures, n);
      print_targets (figures, n);
      if (!opt_no_scale)
        n_fail += rpt_bench_scale_run (dir, (guint) opt_runs);
    }

  if (!opt_no_gui)
    status = run_gui (dir);

  for (guint i = 0; i < n; i++)
    rpt_bench_figures_clear (&figures[i]);
  g_free (figures);

  if (n_fail > 0)
    printf ("\n%u core target(s) failed.\n", n_fail);
  return status;
}
