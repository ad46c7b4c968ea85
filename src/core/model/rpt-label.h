/* rpt-label.h: a tag such as Claim or Rebuttal.
 * Properties notify when the project edits them, so widgets can bind.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RPT_TYPE_LABEL (rpt_label_get_type ())
G_DECLARE_FINAL_TYPE (RptLabel, rpt_label, RPT, LABEL, GObject)

RptLabel   *rpt_label_new             (const char *id,
                                       const char *name,
                                       const char *color,
                                       guint       shortcut,
                                       const char *description);
const char *rpt_label_get_id          (RptLabel   *self);
const char *rpt_label_get_name        (RptLabel   *self);
/* "#rrggbb" */
const char *rpt_label_get_color       (RptLabel   *self);
/* 1..9, or 0 for none */
guint       rpt_label_get_shortcut    (RptLabel   *self);
const char *rpt_label_get_description (RptLabel   *self);

/* TRUE when @color is "#rrggbb" (lower or upper case hex). */
gboolean    rpt_color_is_valid        (const char *color);

G_END_DECLS
