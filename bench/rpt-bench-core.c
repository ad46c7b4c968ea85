/* rpt-bench-core.c: timing the core on one workload file.
 *
 * Every figure is the median of N runs on the same file. The two floors are
 * measured in the same run on the same bytes: json-glib's parse alone (the
 * bytes already in memory, the tree freed outside the timer) and CPython's
 * json.load (timed inside Python, the result freed outside the timer).
 * Peak memory comes from a fresh process (this program re-run with
 * --memory-child), so nothing measured before leaks into it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "rpt-bench-core.h"
#include "rpt-core.h"
#include "rpt-export.h"
#include "rpt-summary.h"

double
rpt_bench_now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double
rpt_bench_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

double
rpt_bench_thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static gboolean
stall_tick (gpointer data)
{
  RptBenchStall *stall = data;
  double now = rpt_bench_now_ms ();
  double cpu = rpt_bench_thread_cpu_ms ();

  if (now - stall->last > stall->worst)
    {
      stall->worst = now - stall->last;
      stall->worst_cpu = cpu - stall->last_cpu;
    }
  stall->last = now;
  stall->last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

void
rpt_bench_stall_start (RptBenchStall *stall)
{
  stall->last = rpt_bench_now_ms ();
  stall->last_cpu = rpt_bench_thread_cpu_ms ();
  stall->worst = 0;
  stall->worst_cpu = 0;
  stall->id = g_timeout_add_full (G_PRIORITY_HIGH, 1, stall_tick, stall, NULL);
}

double
rpt_bench_stall_stop (RptBenchStall *stall)
{
  stall_tick (stall);
  g_clear_handle_id (&stall->id, g_source_remove);
  return stall->worst;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

double
rpt_bench_median (GArray *samples)
{
  guint n = samples->len;

  if (n == 0)
    return NAN;
  g_array_sort (samples, compare_double);
  if (n % 2 == 1)
    return g_array_index (samples, double, n / 2);
  return (g_array_index (samples, double, n / 2 - 1) + g_array_index (samples, double, n / 2)) / 2;
}

static void
figure_set (RptBenchFigure *figure,
            double          value)
{
  figure->value = value;
  figure->cpu = NAN;
  g_clear_pointer (&figure->missing, g_free);
}

/* Wall-clock and CPU samples of one figure. */
typedef struct
{
  GArray *wall;
  GArray *cpu;
  double  t0;
  double  c0;
} Runs;

static void
runs_init (Runs *runs)
{
  runs->wall = g_array_new (FALSE, FALSE, sizeof (double));
  runs->cpu = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
runs_clear (Runs *runs)
{
  g_clear_pointer (&runs->wall, g_array_unref);
  g_clear_pointer (&runs->cpu, g_array_unref);
}

static void
runs_start (Runs *runs)
{
  runs->c0 = rpt_bench_cpu_ms ();
  runs->t0 = rpt_bench_now_ms ();
}

static void
runs_stop (Runs *runs)
{
  double wall = rpt_bench_now_ms () - runs->t0;
  double cpu = rpt_bench_cpu_ms () - runs->c0;

  g_array_append_val (runs->wall, wall);
  g_array_append_val (runs->cpu, cpu);
}

static void
figure_set_runs (RptBenchFigure *figure,
                 Runs           *runs)
{
  figure_set (figure, rpt_bench_median (runs->wall));
  figure->cpu = rpt_bench_median (runs->cpu);
}

static void
figure_missing (RptBenchFigure *figure,
                const char     *format,
                ...) G_GNUC_PRINTF (2, 3);

static void
figure_missing (RptBenchFigure *figure,
                const char     *format,
                ...)
{
  va_list args;

  va_start (args, format);
  g_free (figure->missing);
  figure->missing = g_strdup_vprintf (format, args);
  figure->value = NAN;
  va_end (args);
}

/* Cached workloads are named after what the generator writes today: the
 * checksum of workload S from @seed, made again in memory (a few ms). The
 * generator follows the project writer, so a new member in the file format
 * changes every workload, S included, and the old files are not reused. */
static const char *
generator_fingerprint (guint32 seed)
{
  static char *fingerprint;
  static guint32 fingerprint_seed;

  if (fingerprint == NULL || fingerprint_seed != seed)
    {
      g_autoptr(GBytes) bytes = rpt_bench_generate (rpt_bench_workload_lookup ("S"), seed);
      g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

      g_free (fingerprint);
      fingerprint = g_strndup (sum, 12);
      fingerprint_seed = seed;
    }
  return fingerprint;
}

char *
rpt_bench_ensure_file (const RptBenchWorkload *workload,
                       guint32                 seed,
                       const char             *dir,
                       GError                **error)
{
  g_autofree char *name = g_strdup_printf ("%s-seed%u-%s.json", workload->name, seed,
                                           generator_fingerprint (seed));
  char *path = g_build_filename (dir, name, NULL);
  double t0;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return path;
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "cannot make %s: %s", dir, g_strerror (errno));
      g_free (path);
      return NULL;
    }

  fprintf (stderr, "Generating workload %s (%s)…\n", workload->name, workload->description);
  t0 = rpt_bench_now_ms ();
  if (!rpt_bench_generate_file (workload, seed, path, error))
    {
      g_free (path);
      return NULL;
    }
  fprintf (stderr, "  wrote %s in %.1f s\n", path, (rpt_bench_now_ms () - t0) / 1000);
  return path;
}

/* ---- Exports and summary ---- */

const char *
rpt_bench_exports_missing (void)
{
  return NULL;
}

static void
list_exports (RptBenchFigures *figures)
{
  figures->n_exports = MIN (RPT_EXPORT_N_FORMATS, RPT_BENCH_MAX_EXPORTS);
  for (guint i = 0; i < figures->n_exports; i++)
    figures->export_names[i] = g_strdup (rpt_export_format_to_string ((RptExportFormat) i));
}

void
rpt_bench_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        rpt_bench_remove_tree (child);
      else
        g_unlink (child);
    }
  if (g_remove (path) != 0 && errno != ENOENT)
    g_warning ("cannot remove %s: %s", path, g_strerror (errno));
}

/* Where run @run of export @format of the workload at @path goes: beside
 * it, a new name per run. Each run writes to a fresh destination and all
 * are removed after the last: removing brat's 2,000 files before every run
 * made the next run's file creation slower and slower (ext4 skips inodes
 * freed in the last minutes, scanning past each), a cost of the loop, not
 * of one export. */
static char *
export_destination (const char      *path,
                    RptExportFormat  format,
                    guint            run)
{
  const char *extension = rpt_export_format_get_extension (format);

  return g_strdup_printf ("%s.export-%u-%s%s", path, run, rpt_export_format_to_string (format),
                          extension ? extension : "");
}

/* The whole export as the window runs it: snapshot and write, to a
 * destination that does not exist. */
static gboolean
run_export (RptProject  *project,
            const char  *path,
            guint        index,
            guint        run,
            GError     **error)
{
  RptExportFormat format = (RptExportFormat) index;
  g_autofree char *destination = export_destination (path, format, run);
  RptExportOptions options;

  rpt_export_options_init (&options, format);
  return rpt_export (project, &options, destination, NULL, NULL, NULL, NULL, error);
}

static void
remove_exports (const char *path,
                guint       runs)
{
  for (guint run = 0; run < runs; run++)
    for (guint i = 0; i < RPT_EXPORT_N_FORMATS; i++)
      {
        g_autofree char *destination = export_destination (path, (RptExportFormat) i, run);

        rpt_bench_remove_tree (destination);
      }
}

/* Snapshot and compute, as the Summary view does (off the main thread). */
static gboolean
run_summary (RptProject *project,
             GError    **error)
{
  RptSummary *summary = rpt_summary_new (project);

  if (summary == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the summary failed");
      return FALSE;
    }
  rpt_summary_unref (summary);
  return TRUE;
}

/* ---- Floors ---- */

static void
measure_python (RptBenchFigures *figures,
                const char      *path,
                guint            runs)
{
  static const char script[] =
    "import json, sys, time\n"
    "path, runs = sys.argv[1], int(sys.argv[2])\n"
    "times = []\n"
    "for _ in range(runs):\n"
    "    t0 = time.perf_counter()\n"
    "    with open(path, 'rb') as f:\n"
    "        data = json.load(f)\n"
    "    times.append(time.perf_counter() - t0)\n"
    "    del data\n"
    "times.sort()\n"
    "n = len(times)\n"
    "print(times[n // 2] if n % 2 else (times[n // 2 - 1] + times[n // 2]) / 2)\n";
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *runs_str = g_strdup_printf ("%u", runs);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { python, "-c", script, path, runs_str, NULL };
  int status = 0;

  if (python == NULL)
    {
      figure_missing (&figures->python, "python3 not found");
      return;
    }
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      figure_missing (&figures->python, "python3 failed: %s %s", error->message, err ? err : "");
      return;
    }
  figure_set (&figures->python, g_ascii_strtod (out, NULL) * 1000);
}

static void
measure_parse (RptBenchFigures *figures,
               const char      *data,
               gsize            len,
               guint            runs)
{
  Runs samples;

  runs_init (&samples);
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) error = NULL;

      runs_start (&samples);
      if (!json_parser_load_from_data (parser, data, (gssize) len, &error))
        {
          figure_missing (&figures->parse, "json-glib refused the file: %s", error->message);
          runs_clear (&samples);
          return;
        }
      runs_stop (&samples);
    }
  figure_set_runs (&figures->parse, &samples);
  runs_clear (&samples);
}

/* ---- Peak memory ---- */

int
rpt_bench_memory_child (const char *path)
{
  g_autoptr(RptProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *save_path = g_strconcat (path, ".memory-save", NULL);
  g_autofree char *status = NULL;
  RptBenchFigures dummy = { 0 };
  const char *line;

  project = rpt_project_load_from_file (path, &error);
  if (project == NULL || !rpt_project_save_to_file (project, save_path, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  g_unlink (save_path);

  list_exports (&dummy);
  remove_exports (path, 1);
  for (guint i = 0; i < dummy.n_exports; i++)
    {
      g_clear_error (&error);
      run_export (project, path, i, 0, &error);
    }
  remove_exports (path, 1);
  g_clear_error (&error);
  run_summary (project, &error);
  for (guint i = 0; i < dummy.n_exports; i++)
    g_free (dummy.export_names[i]);

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return 1;
  printf ("VmHWM %" G_GUINT64_FORMAT "\n", g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10));
  return 0;
}

static void
measure_memory (RptBenchFigures *figures,
                const char      *path)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { self, "--memory-child", path, NULL };
  int status = 0;

  if (self == NULL)
    {
      figure_missing (&figures->peak_kb, "cannot find this program (/proc/self/exe)");
      return;
    }
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error) || !g_str_has_prefix (out, "VmHWM "))
    {
      figure_missing (&figures->peak_kb, "the memory run failed: %s %s",
                      error ? error->message : "", err ? err : "");
      return;
    }
  figure_set (&figures->peak_kb, g_ascii_strtod (out + strlen ("VmHWM "), NULL));
}

/* ---- Open, save, exports, summary ---- */

static gboolean
files_equal (const char *a,
             const char *b)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  gsize nx, ny;

  return g_file_get_contents (a, &x, &nx, NULL) && g_file_get_contents (b, &y, &ny, NULL) &&
         nx == ny && memcmp (x, y, nx) == 0;
}

gboolean
rpt_bench_measure (RptBenchFigures        *figures,
                   const RptBenchWorkload *workload,
                   const char             *path,
                   guint                   runs,
                   GError                **error)
{
  Runs samples = { NULL };
  g_autoptr(RptProject) project = NULL;
  g_autofree char *save_path = g_strconcat (path, ".saved", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) summary_error = NULL;
  gsize len;

  memset (figures, 0, sizeof *figures);
  figures->workload = workload;
  figures->path = g_strdup (path);

  if (!g_file_get_contents (path, &data, &len, error))
    return FALSE;
  figures->file_bytes = len;

  /* A first load that is not timed: it checks the file and warms the cache. */
  project = rpt_project_load_from_file (path, error);
  if (project == NULL)
    return FALSE;
  figures->n_documents = g_list_model_get_n_items (rpt_project_get_documents (project));
  figures->n_annotations = rpt_project_get_n_annotations (project);
  figures->n_relations = g_list_model_get_n_items (rpt_project_get_relations (project));
  g_clear_object (&project);

  measure_parse (figures, data, len, runs);
  g_clear_pointer (&data, g_free);
  measure_python (figures, path, runs);

  /* The project of the previous run is freed outside the timer. */
  runs_init (&samples);
  for (guint i = 0; i < runs; i++)
    {
      g_clear_object (&project);
      runs_start (&samples);
      project = rpt_project_load_from_file (path, error);
      if (project == NULL)
        {
          runs_clear (&samples);
          return FALSE;
        }
      runs_stop (&samples);
    }
  figure_set_runs (&figures->open, &samples);
  runs_clear (&samples);

  runs_init (&samples);
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GBytes) bytes = NULL;

      runs_start (&samples);
      bytes = rpt_project_to_bytes (project);
      runs_stop (&samples);
    }
  figure_set_runs (&figures->serialize, &samples);
  runs_clear (&samples);

  runs_init (&samples);
  for (guint i = 0; i < runs; i++)
    {
      runs_start (&samples);
      if (!rpt_project_save_to_file (project, save_path, error))
        {
          runs_clear (&samples);
          return FALSE;
        }
      runs_stop (&samples);
    }
  figure_set_runs (&figures->save, &samples);
  runs_clear (&samples);
  figures->round_trip_same = files_equal (path, save_path);
  g_unlink (save_path);

  list_exports (figures);
  remove_exports (path, runs);
  for (guint e = 0; e < figures->n_exports; e++)
    {
      g_autoptr(GError) export_error = NULL;

      runs_init (&samples);
      for (guint i = 0; i < runs && export_error == NULL; i++)
        {
          runs_start (&samples);
          if (run_export (project, path, e, i, &export_error))
            runs_stop (&samples);
        }
      if (export_error)
        figure_missing (&figures->exports[e], "failed: %s", export_error->message);
      else
        figure_set_runs (&figures->exports[e], &samples);
      runs_clear (&samples);
    }

  remove_exports (path, runs);
  figure_set (&figures->exports_total, 0);
  figures->exports_total.cpu = 0;
  for (guint e = 0; e < figures->n_exports; e++)
    {
      if (figures->exports[e].missing)
        {
          figure_missing (&figures->exports_total, "an export failed");
          break;
        }
      figures->exports_total.value += figures->exports[e].value;
      figures->exports_total.cpu += figures->exports[e].cpu;
    }

  runs_init (&samples);
  for (guint i = 0; i < runs && summary_error == NULL; i++)
    {
      runs_start (&samples);
      if (run_summary (project, &summary_error))
        runs_stop (&samples);
    }
  if (summary_error)
    figure_missing (&figures->summary, "%s", summary_error->message);
  else
    figure_set_runs (&figures->summary, &samples);
  runs_clear (&samples);

  g_clear_object (&project);
  measure_memory (figures, path);
  return TRUE;
}

void
rpt_bench_figures_clear (RptBenchFigures *figures)
{
  RptBenchFigure *all[] = { &figures->open, &figures->parse, &figures->python, &figures->serialize,
                            &figures->save, &figures->exports_total, &figures->summary,
                            &figures->peak_kb };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    g_clear_pointer (&all[i]->missing, g_free);
  for (guint i = 0; i < figures->n_exports; i++)
    {
      g_clear_pointer (&figures->exports[i].missing, g_free);
      g_clear_pointer (&figures->export_names[i], g_free);
    }
  g_clear_pointer (&figures->path, g_free);
}
