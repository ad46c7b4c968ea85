/* rpt-test-window.h: helpers for the suites that drive the real window
 * (in-process GTK under Xvfb, CK_FORK=no).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <check.h>
#include <adwaita.h>

#include "rpt-test-util.h"
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
/* A new window on a copy of the shipped demo (data/examples/demo.json),
 * opened as the user opens it, at @width × @height (0 × 0: the default
 * size); returns once its articles and annotation rows are drawn. */
RptWindow      *rpt_test_new_window_with_demo (int width,
                                               int height);
/* The same, with ARTICLE_A and ARTICLE_B (rpt-window-articles.h) imported
 * as Import does (files read in a worker thread), the first one shown. */
RptWindow      *rpt_test_new_window_with_articles (void);
/* Closes @window; answers "Discard" if it asks; waits until it is gone. */
void            rpt_test_close_discarding (RptWindow *window);

/* Runs the main loop for @ms milliseconds. */
void            rpt_test_spin            (guint ms);

/* The first widget under @root (depth first, @root included) that @match
 * accepts; popovers and what they hold only @into_popovers. */
typedef gboolean (*RptTestMatch) (GtkWidget     *widget,
                                  gconstpointer  data);
GtkWidget      *rpt_test_find_matching   (GtkWidget     *root,
                                          RptTestMatch   match,
                                          gconstpointer  data,
                                          gboolean       into_popovers);
/* The first widget under @root named @name (gtk_widget_set_name ()). */
GtkWidget      *rpt_test_find_named      (GtkWidget  *root,
                                          const char *name);
/* The same; fails the test when there is none. */
GtkWidget      *rpt_test_must_find_named (GtkWidget  *root,
                                          const char *name);
/* Everything the user can read in @root: the texts of its visible labels
 * and of the annotation and document rows, a line each (not popovers). */
char           *rpt_test_visible_text    (GtkWidget  *root);
/* The texts of the visible labels in @root, popovers included, each
 * followed by @separator. */
char           *rpt_test_label_text      (GtkWidget  *root,
                                          char        separator);
/* Runs what is pending in the main loop (at most 50 sources). */
void            rpt_test_run_pending     (void);
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
/* Waits for the message dialog over @parent and returns it. */
AdwMessageDialog *rpt_test_wait_for_dialog (GtkWindow *parent);
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

/* Sets @file in @chooser and lets it load; whether the chooser now has
 * it (use in rpt_test_wait_until ()). */
gboolean        rpt_test_select_file     (GtkFileChooser *chooser,
                                          GFile          *file);

/* Whether a recovery copy on disk holds exactly the work of @window (an
 * RptWindow): its project, byte for byte. A gpointer, to be waited on as
 * a condition. */
gboolean        rpt_test_recovery_is_current (gpointer window);

/* The main () of a window suite: the application first, then @suite_func's
 * tests. */
#define RPT_TEST_APP_MAIN(suite_func)                                          \
  int main (void) { rpt_test_app_init (); return rpt_test_run (suite_func ()); }

/* The main () of a suite that builds its widgets itself (no application):
 * GTK and libadwaita, then @suite_func's tests. */
#define RPT_TEST_WIDGETS_MAIN(suite_func)                                      \
  int main (void) { gtk_init (); adw_init (); return rpt_test_run (suite_func ()); }

G_END_DECLS
