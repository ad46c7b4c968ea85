/* rpt-span-layers.h: how overlapping spans are drawn. Between any two
 * consecutive span boundaries the set of covering spans is constant; there
 * the outermost span (earliest start, then longest) gives the tint and,
 * where two or more overlap, the innermost one (latest start, then
 * shortest) gives the underline. So a span inside or across another keeps
 * its own colour visible without hiding the outer one.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rpt-annotation.h"

G_BEGIN_DECLS

typedef struct
{
  guint       start;
  guint       end;
  const char *label_id;   /* borrowed from the annotation */
} RptSpanRun;

/* @spans: RptAnnotation overlapping [start, end), in store order (start,
 * end, id), as rpt_annotation_store_query() returns them. Appends to
 * @tints and @underlines (GArrays of RptSpanRun) the runs within
 * [start, end), in text order; neighbouring runs of one label are merged.
 * O(k log k + k·d) for k spans overlapping at most d deep. */
void rpt_span_layers (GPtrArray *spans,
                      guint      start,
                      guint      end,
                      GArray    *tints,
                      GArray    *underlines);

G_END_DECLS
