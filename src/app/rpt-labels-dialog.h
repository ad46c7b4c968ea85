/* PLACEHOLDER (h-window): stands in for h-inspector's header until it lands.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rpt-core.h"

G_BEGIN_DECLS

GtkWidget *rpt_labels_dialog_new (GtkWindow  *parent,
                                  RptProject *project);

G_END_DECLS
