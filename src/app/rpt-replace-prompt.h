/* rpt-replace-prompt.h: "Replace …?" before an output goes over something
 * that is there (rpt-output-guard.h says what): the window's Export and
 * Save As ask with it. Cancel is the default and what Escape does.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rpt-output-guard.h"

G_BEGIN_DECLS

typedef void (*RptReplaceFunc) (gpointer user_data);

/* Asks over @parent whether to replace @path, which rpt_output_inspect()
 * found in @state (one that needs consent, or an earlier export) for
 * @reason. Calls @replace on "Replace" only; @destroy, if not NULL, frees
 * @user_data whatever the answer. Returns the dialog. */
GtkWidget *rpt_replace_prompt (GtkWindow      *parent,
                               const char     *path,
                               RptOutputState  state,
                               const char     *reason,
                               RptReplaceFunc  replace,
                               gpointer        user_data,
                               GDestroyNotify  destroy);

G_END_DECLS
