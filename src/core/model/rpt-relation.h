/* rpt-relation.h: a typed, directed link between two annotations.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  RPT_RELATION_REBUTS,
  RPT_RELATION_RESPONDS_TO,
  RPT_RELATION_SUPPORTS,
  RPT_RELATION_N_TYPES /*< skip >*/
} RptRelationType;

#define RPT_TYPE_RELATION (rpt_relation_get_type ())
G_DECLARE_FINAL_TYPE (RptRelation, rpt_relation, RPT, RELATION, GObject)

const char      *rpt_relation_get_id        (RptRelation *self);
RptRelationType  rpt_relation_get_kind      (RptRelation *self);
/* Annotation ids. */
const char      *rpt_relation_get_from      (RptRelation *self);
const char      *rpt_relation_get_to        (RptRelation *self);

/* "rebuts", "responds-to", "supports" */
const char      *rpt_relation_type_to_string   (RptRelationType  type);
gboolean         rpt_relation_type_from_string (const char      *str,
                                                RptRelationType *out);
/* Translated, for display: "rebuts" -> _("Rebuts") */
const char      *rpt_relation_type_get_display (RptRelationType  type);

G_END_DECLS
