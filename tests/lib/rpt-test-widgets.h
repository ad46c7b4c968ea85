/* rpt-test-widgets.h: helpers for the app suites that drive widgets the
 * way a user does and read back what the user sees.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <check.h>

#include "rpt-annotation-row.h"
#include "rpt-document-row.h"
#include "rpt-test-window.h"

/* Runs what is pending in the main loop. */
static inline void
spin (void)
{
  rpt_test_run_pending ();
}

static inline gboolean
done_waiting (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static inline void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, done_waiting, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The first widget under @root (depth first) of @type. */
static inline GtkWidget *
find_of_type (GtkWidget *root,
              GType      type)
{
  return rpt_test_find_widget (root, type, NULL);
}

/* Popovers of menu buttons are children too. */
static inline GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  return rpt_test_find_named (root, name);
}

/* What a click does. */
static inline void
click (GtkWidget *button)
{
  rpt_test_click (button);
}

static inline GtkWidget *
must_find (GtkWidget  *root,
           const char *name)
{
  return rpt_test_must_find_named (root, name);
}

/* Everything the user can read in @root: the text of its visible labels. */
static inline char *
visible_text (GtkWidget *root)
{
  return rpt_test_visible_text (root);
}

static inline GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  return rpt_test_find_widget (root, GTK_TYPE_BUTTON, label);
}

/* Answers as the user does: the response's button, which also closes the
 * question and emits "response". */
static inline void
respond (AdwMessageDialog *question,
         const char       *button_label)
{
  GtkWidget *button = find_button_labelled (GTK_WIDGET (question), button_label);

  ck_assert_msg (button != NULL, "the question has no “%s” button", button_label);
  g_object_add_weak_pointer (G_OBJECT (question), (gpointer *) &question);
  click (button);
  spin ();
  /* Closed, and so destroyed. */
  ck_assert_ptr_null (question);
}

