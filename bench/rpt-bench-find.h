/* rpt-bench-find.h: the figures of Find (issue 15), measured on the real
 * window by repartee-bench-gui (--only Find for these alone).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rpt-application.h"

G_BEGIN_DECLS

/* Find as you type in Long's 1 MB article and in L's 1,000 articles, Tag
 * All of a word with about 1,000 matches and its undo. Prints one line a
 * figure; returns how many missed their target. */
guint rpt_bench_find_run (RptApplication *app,
                          const char     *l_path,
                          const char     *long_path,
                          int             runs);

G_END_DECLS
