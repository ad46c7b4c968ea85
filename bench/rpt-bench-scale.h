/* rpt-bench-scale.h: the figures of issue 12's "no quadratic paths":
 * repartee-tool add of many files, a JSON Lines import without ids and the
 * summaries of a long relation chain, each at two sizes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes the inputs in a temporary folder under @dir, runs repartee-tool on
 * them (the median of @runs runs per figure), prints the table and the
 * targets and removes the inputs. Returns the number of targets missed. */
guint rpt_bench_scale_run (const char *dir,
                           guint       runs);

G_END_DECLS
