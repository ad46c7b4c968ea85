/* rpt-bench-gen.h: the benchmark's workloads. Each is a project file in the
 * real format, written from a seed with invented text (a small made-up
 * vocabulary and sentence templates), so every run measures the same bytes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;             /* "S", "M", "L", "XL", "Long" */
  const char *description;
  guint       n_articles;       /* ordinary articles */
  guint       article_bytes;    /* about this much text each */
  guint       annotations_per_article;
  /* Long only, after the ordinary articles: one article of about this many
   * bytes in ordinary paragraphs, then one article with one paragraph of
   * exactly this many characters; each with this many annotations. */
  guint       big_bytes;
  guint       big_annotations;
  guint       paragraph_chars;
  guint       paragraph_annotations;
} RptBenchWorkload;

/* One relation for every RPT_BENCH_ANNOTATIONS_PER_RELATION annotations:
 * L's 100,000 annotations have 20,000 relations. */
#define RPT_BENCH_ANNOTATIONS_PER_RELATION 5

#define RPT_BENCH_DEFAULT_SEED 20171222u

/* All workloads, in table order; NULL-terminated by name. */
const RptBenchWorkload *rpt_bench_workloads       (guint *n_workloads);
/* By name, case-insensitive; NULL if unknown. */
const RptBenchWorkload *rpt_bench_workload_lookup (const char *name);

guint  rpt_bench_workload_n_annotations (const RptBenchWorkload *workload);
guint  rpt_bench_workload_n_relations   (const RptBenchWorkload *workload);

/* The project file's bytes. Deterministic: the same workload and seed give
 * the same bytes on every machine. The bytes are exactly what the project
 * writer would write for the project they describe. */
GBytes *rpt_bench_generate      (const RptBenchWorkload *workload,
                                 guint32                 seed);
gboolean rpt_bench_generate_file (const RptBenchWorkload *workload,
                                  guint32                 seed,
                                  const char             *path,
                                  GError                **error);

G_END_DECLS
