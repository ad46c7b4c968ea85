/* rpt-replace-prompt.h: "Replace …?" before an output goes over something
 * that is there (rpt-output-guard.h says what), and the refusal when it
 * may not: the window's Export, Save As and Save use them. Cancel is the default
 * and what Escape does.
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

/* Says over @parent, under @heading, why @path cannot be written: it is
 * the open project's file (RPT_OUTPUT_INPUT), a folder of the user's
 * files, or @reason. @folder: whether a folder was to be written. */
GtkWidget *rpt_output_refusal (GtkWindow      *parent,
                               const char     *heading,
                               const char     *path,
                               gboolean        folder,
                               RptOutputState  state,
                               const char     *reason);

/* Before writing the file @path that a file chooser gave (or, for a
 * plain Save, the project's own file): completes at once when nothing
 * needs saying (nothing there, or an existing file the chooser asked
 * about: @chooser_asked), asks "Replace …?" when something does (a
 * read-only file, another user's, one the chooser did not ask about, a
 * link to nothing), or shows why it cannot be written under @heading (a
 * folder, a device). With @offer_save_as the question also offers
 * Save As… beside Cancel (the default, and Escape) and Replace.
 * @callback receives @parent as its source object. */
void       rpt_output_check_async  (GtkWindow           *parent,
                                    const char          *heading,
                                    const char          *path,
                                    gboolean             chooser_asked,
                                    gboolean             offer_save_as,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
/* TRUE: write, or with *@save_as set, choose another file (only when it
 * was offered). FALSE: G_IO_ERROR_CANCELLED when the user cancelled, or
 * another error when @path cannot be written (already shown). */
gboolean   rpt_output_check_finish (GAsyncResult        *result,
                                    gboolean            *save_as,
                                    GError             **error);

G_END_DECLS
