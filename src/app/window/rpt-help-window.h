/* rpt-help-window.h: the user guide's text, shown in Repartee when neither
 * a help viewer nor a browser could show it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RPT_TYPE_HELP_WINDOW (rpt_help_window_get_type ())
G_DECLARE_FINAL_TYPE (RptHelpWindow, rpt_help_window, RPT, HELP_WINDOW, AdwWindow)

/* A window over @parent that reads @guide (Markdown) without blocking and
 * shows it with its headings, emphasis, lists and tables. */
GtkWidget *rpt_help_window_new (GtkWindow *parent,
                                GFile     *guide);

/* Replaces @buffer's text with @markdown, formatted (the tags are the
 * buffer's own, created on first use). */
void       rpt_help_window_render (GtkTextBuffer *buffer,
                                   const char    *markdown);

G_END_DECLS
