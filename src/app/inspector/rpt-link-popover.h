/* rpt-link-popover.h: "Add Link…": the relation type (rebuts, responds to,
 * supports) and its target, chosen from every annotation of the project
 * (searched by text, label, speaker or article) or picked in the text.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rpt-core.h"

G_BEGIN_DECLS

#define RPT_TYPE_LINK_POPOVER (rpt_link_popover_get_type ())
G_DECLARE_FINAL_TYPE (RptLinkPopover, rpt_link_popover, RPT, LINK_POPOVER, GtkPopover)

void             rpt_link_popover_set_project       (RptLinkPopover  *self,
                                                     RptProject      *project);
/* The annotation the link starts from; it is left out of the targets. */
void             rpt_link_popover_set_source        (RptLinkPopover  *self,
                                                     RptAnnotation   *source);
RptRelationType  rpt_link_popover_get_relation_type (RptLinkPopover  *self);

/* Signals:
 *   "target-chosen" (RptAnnotation *target): a target row was activated
 *   "pick-requested": the user pressed "Pick in Text"
 * The popover closes itself in both cases. */

G_END_DECLS
