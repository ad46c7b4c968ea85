/* rpt-test-readers.h: the project file's two readers (the one-pass fast
 * path and json-glib's) held against each other.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint tried;
  guint fast;      /* taken by the one-pass reader */
  guint accepted;
} RptTestTally;

/* Reads @data with the reader as a whole (fast path first) and with the
 * json-glib reader alone: both refuse it with the same message, or both
 * read the same project. Counts it in @tally. */
void rpt_test_compare_readers (const char   *data,
                               gsize         len,
                               RptTestTally *tally);

/* rpt_test_compare_readers () on every one-byte damage of @base[@from,
 * @to): the byte deleted, replaced by each of @replacements, and each of
 * @insertions put before it. */
void rpt_test_compare_damaged (const char   *base,
                               gsize         from,
                               gsize         to,
                               const char   *replacements,
                               const char   *insertions,
                               RptTestTally *tally);

G_END_DECLS
