/* rpt-bench-scale.c: the "no quadratic paths" figures (issue 12, point 7),
 * measured on repartee-tool as a user runs it: a child process per run,
 * timed from the spawn to its exit, with its CPU time and peak resident
 * memory from wait4(). Each figure is taken at two sizes, N/8 and N, and
 * the target is that an item costs no more at N than at N/8: a quadratic
 * path costs eight times more per item at N (adding 10,000 files took 39 s
 * where 1,250 took 0.4 s).
 *
 * The inputs are made from scratch in a temporary folder (small invented
 * texts; the chain is one article whose statements each rebut the one
 * before) and removed afterwards.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rpt-bench-core.h"
#include "rpt-bench-scale.h"

#define N_FILES        10000
#define N_LINES        100000
#define N_CHAIN        100000
#define SMALL_DIVISOR  8
#define TARGET_RATIO   1.5

typedef struct
{
  guint    n;
  double   wall;      /* ms, median */
  double   cpu;       /* ms, median, user + system of the child */
  double   rss_mb;    /* the largest of the runs */
  double   out_mb;    /* the output file, for summaries */
  char    *missing;
} Figure;

typedef struct
{
  const char *tool;
  const char *folder;
  guint       runs;
} Scale;

/* Runs the tool with @args (NULL-terminated) in @cwd; adds the figures of
 * this run to the arrays. */
static gboolean
run_tool (const Scale  *scale,
          const char   *cwd,
          GPtrArray    *args,
          GArray       *walls,
          GArray       *cpus,
          double       *rss_mb,
          GError      **error)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  struct rusage usage;
  GPid pid;
  int err_fd, status;
  g_autoptr(GString) err = g_string_new (NULL);
  char buffer[4096];
  gssize got;
  double t0, wall, cpu;

  g_ptr_array_add (argv, (gpointer) scale->tool);
  g_ptr_array_extend (argv, args, NULL, NULL);
  g_ptr_array_add (argv, NULL);

  t0 = rpt_bench_now_ms ();
  if (!g_spawn_async_with_pipes (cwd, (char **) argv->pdata, NULL,
                                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                 NULL, NULL, &pid, NULL, NULL, &err_fd, error))
    return FALSE;
  while ((got = read (err_fd, buffer, sizeof buffer)) > 0 || (got < 0 && errno == EINTR))
    if (got > 0)
      g_string_append_len (err, buffer, got);
  close (err_fd);
  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      {
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "wait4: %s", g_strerror (errno));
        return FALSE;
      }
  wall = rpt_bench_now_ms () - t0;
  g_spawn_close_pid (pid);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "repartee-tool %s failed: %s",
                   (char *) g_ptr_array_index (args, 0), err->str);
      return FALSE;
    }
  cpu = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
        (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
  g_array_append_val (walls, wall);
  g_array_append_val (cpus, cpu);
  *rss_mb = MAX (*rss_mb, usage.ru_maxrss * 1024.0 / 1e6);
  return TRUE;
}

/* @runs runs of the tool with @args, @output removed before each. */
static void
measure (const Scale *scale,
         Figure      *figure,
         guint        n,
         const char  *cwd,
         const char  *output,
         GPtrArray   *args)
{
  g_autoptr(GArray) walls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpus = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;

  figure->n = n;
  for (guint run = 0; run < scale->runs; run++)
    {
      g_unlink (output);
      if (!run_tool (scale, cwd, args, walls, cpus, &figure->rss_mb, &error))
        {
          figure->missing = g_strdup (error->message);
          return;
        }
    }
  figure->wall = rpt_bench_median (walls);
  figure->cpu = rpt_bench_median (cpus);
  {
    GStatBuf st;

    if (g_stat (output, &st) == 0)
      figure->out_mb = st.st_size / 1e6;
  }
}

/* ---- The inputs ---- */

static gboolean
write_file (const char  *path,
            GString     *contents,
            GError     **error)
{
  return g_file_set_contents (path, contents->str, (gssize) contents->len, error);
}

/* a-00000.txt … in @folder; returns the names. */
static GPtrArray *
make_files (const char  *folder,
            guint        n,
            GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("a-%05u.txt", i);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_string_printf (text, "Harbour talks, day %u\n\nThe minister said the talks of day %u "
                             "went well; her guest said they did not.\n", i, i);
      if (!write_file (path, text, error))
        return NULL;
      g_ptr_array_add (names, g_steal_pointer (&name));
    }
  return g_steal_pointer (&names);
}

/* One article per line, no ids: the importer makes "lines-1", "lines-2"… */
static gboolean
make_lines (const char  *path,
            guint        n,
            GError     **error)
{
  g_autoptr(GString) data = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (data, "{\"text\": \"Report %u: the minister said the fleet stays.\", "
                                  "\"label\": [[0, 6, \"Claim\"]]}\n", i);
  return write_file (path, data, error);
}

/* One line: an article of @n statements, each rebutting the one before. */
static gboolean
make_chain (const char  *path,
            guint        n,
            GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new ("{\"id\": \"chain\", \"title\": \"A long quarrel\", \"entities\": [");

  for (guint i = 0; i < n; i++)
    {
      guint start = (guint) text->len + (i ? 1 : 0);

      g_string_append_printf (text, "%ss%u", i ? " " : "", i);
      g_string_append_printf (line, "%s{\"id\": \"e%u\", \"start_offset\": %u, \"end_offset\": %u, \"label\": \"%s\"}",
                              i ? ", " : "", i, start, (guint) text->len, i ? "Rebuttal" : "Claim");
    }
  g_string_append (line, "], \"relations\": [");
  for (guint i = 1; i < n; i++)
    g_string_append_printf (line, "%s{\"from_id\": \"e%u\", \"to_id\": \"e%u\", \"type\": \"rebuts\"}",
                            i > 1 ? ", " : "", i, i - 1);
  g_string_append_printf (line, "], \"text\": \"%s\"}\n", text->str);
  return write_file (path, line, error);
}

static GPtrArray *
args_new (const char *first,
          ...) G_GNUC_NULL_TERMINATED;

static GPtrArray *
args_new (const char *first,
          ...)
{
  GPtrArray *args = g_ptr_array_new_with_free_func (g_free);
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, g_strdup (arg));
  va_end (ap);
  return args;
}

/* ---- The figures ---- */

static void
figure_add (const Scale *scale,
            Figure      *figure,
            guint        n,
            GPtrArray   *names)
{
  g_autoptr(GPtrArray) args = args_new ("add", "project.json", NULL);
  g_autofree char *project = g_build_filename (scale->folder, "project.json", NULL);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (args, g_strdup (g_ptr_array_index (names, i)));
  measure (scale, figure, n, scale->folder, project, args);
}

static void
figure_import (const Scale *scale,
               Figure      *figure,
               guint        n)
{
  g_autofree char *name = g_strdup_printf ("lines-%u.jsonl", n);
  g_autofree char *input = g_build_filename (scale->folder, name, NULL);
  g_autofree char *output = g_build_filename (scale->folder, "imported.json", NULL);
  g_autoptr(GPtrArray) args = args_new ("import", "--format", "jsonl", name, "-o", "imported.json",
                                        "--force", NULL);
  g_autoptr(GError) error = NULL;

  if (!make_lines (input, n, &error))
    {
      figure->missing = g_strdup (error->message);
      return;
    }
  measure (scale, figure, n, scale->folder, output, args);
  g_unlink (input);
  g_unlink (output);
}

/* Makes chain-N.json (not timed). */
static char *
chain_project (const Scale  *scale,
               guint         n,
               GError      **error)
{
  g_autofree char *source = g_strdup_printf ("chain-%u.jsonl", n);
  g_autofree char *project = g_strdup_printf ("chain-%u.json", n);
  g_autofree char *source_path = g_build_filename (scale->folder, source, NULL);
  g_autoptr(GPtrArray) args = args_new ("import", "--format", "jsonl", source, "-o", project, "--force", NULL);
  g_autoptr(GArray) walls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpus = g_array_new (FALSE, FALSE, sizeof (double));
  double rss = 0;

  if (!make_chain (source_path, n, error) || !run_tool (scale, scale->folder, args, walls, cpus, &rss, error))
    return NULL;
  g_unlink (source_path);
  return g_steal_pointer (&project);
}

static void
figure_summary (const Scale *scale,
                Figure      *figure,
                guint        n,
                const char  *project,
                const char  *format)
{
  g_autofree char *name = g_strdup_printf ("summary.%s", format);
  g_autofree char *output = g_build_filename (scale->folder, name, NULL);
  g_autoptr(GPtrArray) args = args_new ("summary", "--format", format, project, "-o", name, NULL);

  if (project == NULL)
    {
      figure->missing = g_strdup ("the chain could not be made");
      return;
    }
  measure (scale, figure, n, scale->folder, output, args);
  g_unlink (output);
}

/* ---- Printing ---- */

static guint n_missed;

static void
print_row (const char   *label,
           const Figure *small,
           const Figure *large,
           int           decimals,
           gsize         offset)
{
  printf ("    %-36s", label);
  for (const Figure *f = small; f; f = f == small ? large : NULL)
    {
      double value = *(const double *) ((const char *) f + offset);

      if (f->missing)
        printf ("%12s", "n/a");
      else
        printf ("%12.*f", decimals, value);
    }
  printf ("\n");
}

static void
print_figure (const char *what,
              Figure     *small,
              Figure     *large,
              gboolean    output)
{
  printf ("  %-38s%12u%12u\n", what, small->n, large->n);
  print_row ("wall (ms)", small, large, 1, G_STRUCT_OFFSET (Figure, wall));
  print_row ("CPU (ms)", small, large, 1, G_STRUCT_OFFSET (Figure, cpu));
  print_row ("peak resident memory (MB)", small, large, 0, G_STRUCT_OFFSET (Figure, rss_mb));
  if (output)
    print_row ("output (MB)", small, large, 1, G_STRUCT_OFFSET (Figure, out_mb));
  if (small->missing || large->missing)
    printf ("    n/a: %s\n", small->missing ? small->missing : large->missing);
}

/* An item at N costs no more than 1.5 × an item at N/8 (CPU time: the
 * machine may be shared; wall time beside it). */
static void
verdict (const char   *what,
         const char   *unit,
         const Figure *small,
         const Figure *large)
{
  double per_small, per_large, wall_small, wall_large;
  gboolean pass;

  if (small->missing || large->missing)
    {
      printf ("  n/a   %s\n", what);
      return;
    }
  per_small = small->cpu * 1000 / small->n;
  per_large = large->cpu * 1000 / large->n;
  wall_small = small->wall * 1000 / small->n;
  wall_large = large->wall * 1000 / large->n;
  pass = per_large <= TARGET_RATIO * per_small;
  n_missed += !pass;
  printf ("  %-4s  %-46s CPU %.1f → %.1f µs per %s: %.2f× (wall %.1f → %.1f µs: %.2f×)\n",
          pass ? "PASS" : "FAIL", what, per_small, per_large, unit, per_large / per_small,
          wall_small, wall_large, wall_large / wall_small);
}

guint
rpt_bench_scale_run (const char *dir,
                     guint       runs)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *bindir = self ? g_path_get_dirname (self) : g_strdup (".");
  g_autofree char *tool = g_build_filename (bindir, "..", "src", "tool", "repartee-tool", NULL);
  g_autofree char *template = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *chain_small = NULL, *chain_large = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  static const char *formats[] = { "md", "html", "json" };
  Figure add[2] = { { 0 } }, import[2] = { { 0 } }, summary[3][2] = { { { 0 } } };
  Scale scale;

  n_missed = 0;
  runs = MIN (runs, 3);
  printf ("\nScale (issue 12: no quadratic paths; repartee-tool in a child process, median of %u runs)\n", runs);
  if (!g_file_test (tool, G_FILE_TEST_IS_EXECUTABLE))
    {
      printf ("  n/a   repartee-tool was not built (%s)\n", tool);
      return 0;
    }
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      printf ("  n/a   cannot make %s: %s\n", dir, g_strerror (errno));
      return 0;
    }
  template = g_build_filename (dir, "scale-XXXXXX", NULL);
  if (!(folder = g_mkdtemp (g_strdup (template))))
    {
      printf ("  n/a   cannot make a folder in %s: %s\n", dir, g_strerror (errno));
      return 0;
    }
  scale = (Scale) { tool, folder, runs };
  fprintf (stderr, "  making the scale inputs in %s\n", folder);

  if ((names = make_files (folder, N_FILES, &error)))
    {
      figure_add (&scale, &add[0], N_FILES / SMALL_DIVISOR, names);
      figure_add (&scale, &add[1], N_FILES, names);
    }
  else
    {
      add[0].missing = g_strdup (error->message);
      add[1].missing = g_strdup (error->message);
    }
  fprintf (stderr, "  measured add\n");

  figure_import (&scale, &import[0], N_LINES / SMALL_DIVISOR);
  figure_import (&scale, &import[1], N_LINES);
  fprintf (stderr, "  measured import\n");

  g_clear_error (&error);
  chain_small = chain_project (&scale, N_CHAIN / SMALL_DIVISOR, &error);
  if (chain_small)
    chain_large = chain_project (&scale, N_CHAIN, &error);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      figure_summary (&scale, &summary[f][0], N_CHAIN / SMALL_DIVISOR, chain_small, formats[f]);
      figure_summary (&scale, &summary[f][1], N_CHAIN, chain_large, formats[f]);
    }
  if (error)
    printf ("  the chain could not be made: %s\n", error->message);
  fprintf (stderr, "  measured summaries\n");

  print_figure ("add, files", &add[0], &add[1], FALSE);
  print_figure ("import jsonl, no ids", &import[0], &import[1], FALSE);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *what = g_strdup_printf ("summary %s, chain", formats[f]);

      print_figure (what, &summary[f][0], &summary[f][1], TRUE);
    }

  printf ("\nTargets (scale): per item at N ≤ %.1f × per item at N/%d\n", TARGET_RATIO, SMALL_DIVISOR);
  verdict ("add of 1,250 → 10,000 files", "file", &add[0], &add[1]);
  verdict ("import of 12,500 → 100,000 lines without ids", "line", &import[0], &import[1]);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *what = g_strdup_printf ("summary %s of a 12,500 → 100,000 chain", formats[f]);

      verdict (what, "statement", &summary[f][0], &summary[f][1]);
      if (!summary[f][0].missing && !summary[f][1].missing)
        {
          double small_bytes = summary[f][0].out_mb * 1e6 / summary[f][0].n;
          double large_bytes = summary[f][1].out_mb * 1e6 / summary[f][1].n;
          gboolean pass = large_bytes <= TARGET_RATIO * small_bytes;

          n_missed += !pass;
          printf ("  %-4s  %-46s %.0f → %.0f bytes per statement: %.2f×\n", pass ? "PASS" : "FAIL",
                  "  its size", small_bytes, large_bytes, large_bytes / small_bytes);
        }
    }

  for (guint i = 0; i < 2; i++)
    {
      g_free (add[i].missing);
      g_free (import[i].missing);
      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        g_free (summary[f][i].missing);
    }
  rpt_bench_remove_tree (folder);
  return n_missed;
}
