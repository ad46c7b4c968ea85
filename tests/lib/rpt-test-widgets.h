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
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
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

/* What a click does. (gtk_widget_activate() on a button only presses it
 * for a while and needs a realized widget.) */
static inline void
click (GtkWidget *button)
{
  ck_assert (GTK_IS_BUTTON (button));
  ck_assert_msg (gtk_widget_is_sensitive (button), "“%s” is insensitive", gtk_widget_get_name (button));
  g_signal_emit_by_name (button, "clicked");
}

static inline GtkWidget *
must_find (GtkWidget  *root,
           const char *name)
{
  GtkWidget *widget = find_named (root, name);

  ck_assert_msg (widget != NULL, "no widget named “%s”", name);
  return widget;
}

/* Everything the user can read in @root: the text of its visible labels. */
static inline void
collect_text (GtkWidget *root,
              GString   *out)
{
  if (!gtk_widget_get_visible (root))
    return;
  if (GTK_IS_LABEL (root))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (root)));
      g_string_append_c (out, '\n');
    }
  /* Annotation and document rows draw their texts themselves. */
  if (RPT_IS_ANNOTATION_ROW (root))
    {
      g_autofree char *text = rpt_annotation_row_dup_text (RPT_ANNOTATION_ROW (root));

      g_string_append (out, text);
    }
  if (RPT_IS_DOCUMENT_ROW (root) && rpt_document_row_get_document (RPT_DOCUMENT_ROW (root)))
    g_string_append_printf (out, "%s\n%s\n",
                            rpt_document_get_title (rpt_document_row_get_document (RPT_DOCUMENT_ROW (root))),
                            rpt_document_row_get_subtitle (RPT_DOCUMENT_ROW (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_POPOVER (child))
      collect_text (child, out);
}

static inline char *
visible_text (GtkWidget *root)
{
  GString *out = g_string_new (NULL);

  collect_text (root, out);
  return g_string_free (out, FALSE);
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

