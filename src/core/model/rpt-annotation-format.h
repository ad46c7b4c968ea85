/* rpt-annotation-format.h: the short texts the inspector and its choosers
 * show for an annotation: an excerpt of its span, its label and speaker, a
 * relation seen from either end, a localised time.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rpt-project.h"

G_BEGIN_DECLS

/* The first @max_chars code points of the span, runs of white space (line
 * breaks included) collapsed to one space, with "…" when cut. Never NULL. */
char       *rpt_annotation_format_excerpt    (RptProject      *project,
                                              RptAnnotation   *annotation,
                                              guint            max_chars);
/* "Claim · Lavrov", or "Claim" when unattributed. */
char       *rpt_annotation_format_title      (RptProject      *project,
                                              RptAnnotation   *annotation);
/* Microseconds since the epoch (UTC) -> "7 Dec 2017, 14:05" in local time. */
char       *rpt_annotation_format_time       (gint64           usec);
/* How a relation reads from its target: "Rebutted by", "Responded to by",
 * "Supported by" (translated). */
const char *rpt_relation_type_get_inverse_display (RptRelationType type);
/* Lower-case verb for the list rows: "rebuts", "responds to", "supports". */
const char *rpt_relation_type_get_verb       (RptRelationType  type);

G_END_DECLS
