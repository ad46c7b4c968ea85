/* rpt-relation-list.h: the links of one annotation, seen from its end
 * ("Rebuts", "Rebutted by"), each with the other annotation's label,
 * speaker and excerpt and a button that removes the link (through
 * RptProject, undoable). Activating a row names the other annotation.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rpt-core.h"

G_BEGIN_DECLS

#define RPT_TYPE_RELATION_LIST (rpt_relation_list_get_type ())
G_DECLARE_FINAL_TYPE (RptRelationList, rpt_relation_list, RPT, RELATION_LIST, GtkWidget)

/* Shows the links of @annotation (NULL: none). Rebuilds the rows only when
 * what they show changed, so focus survives unrelated edits; call it after
 * every change of the project. */
void       rpt_relation_list_update (RptRelationList *self,
                                     RptProject      *project,
                                     RptAnnotation   *annotation);

/* Signals:
 *   "annotation-activated" (RptAnnotation *): a row was activated
 * Actions: "relations.remove" (s: relation id) */

G_END_DECLS
