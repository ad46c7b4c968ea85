/* rpt-test-window.h: helpers for the suites that drive the real window
 * (in-process GTK under Xvfb, CK_FORK=no).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <check.h>
#include <adwaita.h>

#include "rpt-application.h"
#include "rpt-window.h"

G_BEGIN_DECLS

/* Points the user folders (data: recovery copies, recent files) at a fresh
 * temporary folder, then registers the application, which initialises
 * GTK and libadwaita. Call first in main(). */
RptApplication *rpt_test_app_init        (void);
/* The same, in a child process that shares its parent's folders. */
RptApplication *rpt_test_app_init_keeping_folders (void);
RptApplication *rpt_test_app             (void);
/* The temporary folder standing for $XDG_DATA_HOME. */
const char     *rpt_test_data_home       (void);

/* A new, presented and drawn window. */
RptWindow      *rpt_test_new_window      (void);
/* Closes @window; answers "Discard" if it asks; waits until it is gone. */
void            rpt_test_close_discarding (RptWindow *window);

/* Runs the main loop until @expr holds (fails the test after 30 s). */
#define rpt_test_wait_until(expr)                                              \
  G_STMT_START {                                                               \
    gint64 _rpt_end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;           \
    while (!(expr))                                                            \
      {                                                                        \
        ck_assert_msg (g_get_monotonic_time () < _rpt_end,                     \
                       "timed out waiting for: %s", #expr);                    \
        if (!g_main_context_iteration (NULL, FALSE))                           \
          g_usleep (2000);                                                     \
      }                                                                        \
  } G_STMT_END

/* Runs the main loop for @ms milliseconds. */
void            rpt_test_spin            (guint ms);

/* The first widget under @root (depth first) of @type; with @label, a
 * button or label showing that text. */
GtkWidget      *rpt_test_find_widget     (GtkWidget  *root,
                                          GType       type,
                                          const char *label);
/* What a click on @button does ("clicked"; gtk_widget_activate() would
 * only press it and click after a delay). */
void            rpt_test_click           (GtkWidget  *button);
/* The message dialog shown over @parent, or NULL. */
AdwMessageDialog *rpt_test_find_dialog   (GtkWindow  *parent);
/* Answers @dialog as the user does: clicks the button of @response (which
 * emits "response" and closes the dialog). */
void            rpt_test_respond         (AdwMessageDialog *dialog,
                                          const char       *response);
/* The toplevel window of @type (e.g. GTK_TYPE_FILE_CHOOSER_DIALOG), or NULL. */
GtkWindow      *rpt_test_find_toplevel   (GType       type);

/* Delivers a key press to the focus widget of @window the way GTK does:
 * capture-phase controllers from the window down, then target, then
 * bubble-phase controllers up (key controllers and shortcut controllers,
 * including the widget-class bindings). TRUE if something handled it. */
gboolean        rpt_test_send_key        (GtkWindow       *window,
                                          guint            keyval,
                                          GdkModifierType  modifiers);

/* Renders @widget as the user sees it and returns the colour of the pixel
 * at (@x, @y) in its coordinates. */
void            rpt_test_pixel           (GtkWidget *widget,
                                          int        x,
                                          int        y,
                                          GdkRGBA   *color);
/* The colour at the middle of the character at @offset in @text_view. */
void            rpt_test_char_color      (GtkTextView *text_view,
                                          guint        offset,
                                          GdkRGBA     *color);

/* Answers the Save As chooser (GtkFileChooserNative falls back to a
 * GtkFileChooserDialog without a portal) with @path as the user does: when
 * GTK asks its own "A file named … already exists" question, Replace.
 * Returns whether GTK asked. */
gboolean        rpt_test_answer_save_chooser (const char *path);

G_END_DECLS
