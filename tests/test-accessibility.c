/* test-accessibility.c: the real window on the demo project, checked the
 * way a keyboard or screen-reader user meets it: every button without
 * visible text has a tooltip and an accessible label, a highlight names
 * its label on hover, and Tab (with
 * Ctrl+Tab out of the article text, where Tab walks the annotations)
 * reaches the sidebar, the text, the annotation list and the details, in
 * that order.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <string.h>

#include "rpt-annotation-details.h"
#include "rpt-annotation-row.h"
#include "rpt-article-view.h"
#include "rpt-document-row.h"
#include "rpt-export-dialog.h"
#include "rpt-inspector.h"
#include "rpt-labels-dialog.h"
#include "rpt-test-util.h"
#include "rpt-test-window.h"

static RptWindow *window;

/* A copy of the shipped demo, opened as the user opens it. */
static void
setup (void)
{
  window = rpt_test_new_window_with_demo (0, 0);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (window))), 4);
}

static void
teardown (void)
{
  if (window)
    rpt_test_close_discarding (window);
  window = NULL;
}

/* Text a sighted user reads on the widget: a visible, non-empty label
 * anywhere inside it. */
static gboolean
shows_text (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      return text != NULL && text[0] != '\0';
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child))
      return TRUE;
  return FALSE;
}

/* An explicit label: GtkButton points "labelled-by" at its child, which
 * for an icon-only button is a nameless image, so that does not count. */
static gboolean
has_accessible_name (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* Buttons GTK and libadwaita build and name themselves: the window
 * controls, a menu button's inner toggle (the menu button carries the
 * tooltip), a spin button's steppers, an entry row's Apply button, a
 * preferences window's Search toggle, a search bar's own close button
 * (hidden: Find has its own, with a tooltip). */
static gboolean
is_toolkit_internal (GtkWidget *button)
{
  GtkWidget *parent = gtk_widget_get_parent (button);
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (button));

  return gtk_widget_get_ancestor (button, GTK_TYPE_WINDOW_CONTROLS) != NULL ||
         GTK_IS_MENU_BUTTON (parent) ||
         gtk_widget_get_ancestor (button, GTK_TYPE_SPIN_BUTTON) != NULL ||
         (gtk_widget_get_ancestor (button, ADW_TYPE_ENTRY_ROW) != NULL && g_strcmp0 (id, "apply_button") == 0) ||
         (gtk_widget_get_ancestor (button, ADW_TYPE_PREFERENCES_WINDOW) != NULL && g_strcmp0 (id, "search_button") == 0) ||
         (gtk_widget_get_ancestor (button, GTK_TYPE_SEARCH_BAR) != NULL && GTK_IS_CENTER_BOX (parent) &&
          !gtk_widget_get_visible (button));
}

static void
check_buttons (GtkWidget *widget,
               GString   *problems,
               guint     *n_checked)
{
  if ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)) &&
      !is_toolkit_internal (widget) && !shows_text (widget))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);
      const char *what = gtk_widget_get_name (widget);
      const char *action = GTK_IS_ACTIONABLE (widget) ? gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) : NULL;

      (*n_checked)++;
      if (tooltip == NULL || tooltip[0] == '\0')
        g_string_append_printf (problems, "%s (%s, in %s) has no tooltip\n", what,
                                action ? action : "no action", G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
      if (!has_accessible_name (widget))
        g_string_append_printf (problems, "%s (%s, tooltip “%s”) has no accessible label\n", what,
                                action ? action : "no action", tooltip ? tooltip : "");
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_buttons (child, problems, n_checked);
}

static RptAnnotationDetails *
details (void)
{
  return RPT_ANNOTATION_DETAILS (rpt_test_find_widget (GTK_WIDGET (window), RPT_TYPE_ANNOTATION_DETAILS, NULL));
}

/* Both views, with an annotation selected (its details and links shown)
 * and with the link popover built. */
START_TEST (test_icon_buttons_named)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  AdwViewStack *stack = ADW_VIEW_STACK (rpt_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL));
  RptArticleView *view = RPT_ARTICLE_VIEW (rpt_test_find_widget (GTK_WIDGET (window), RPT_TYPE_ARTICLE_VIEW, NULL));
  GtkWidget *text = GTK_WIDGET (rpt_article_view_get_text_view (view));
  guint n_checked = 0;

  /* Tab in the text selects the first annotation; its details show. */
  gtk_widget_grab_focus (text);
  ck_assert (rpt_test_send_key (GTK_WINDOW (window), GDK_KEY_Tab, 0));
  rpt_test_wait_until (rpt_article_view_get_selected_annotation (view) != NULL);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (details ()), "details.add-link", NULL));
  rpt_test_spin (100);
  check_buttons (GTK_WIDGET (window), problems, &n_checked);

  adw_view_stack_set_visible_child_name (stack, "summary");
  rpt_test_spin (300);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  check_buttons (GTK_WIDGET (window), problems, &n_checked);

  /* The walk saw the icon-only buttons there are (menu, delete link,
   * Pick in Text's neighbours, the summary's own). */
  ck_assert_uint_ge (n_checked, 3);
  ck_assert_msg (problems->len == 0, "%s", problems->str);
}
END_TEST

/* The dialogs the main menu opens: Labels and Speakers, Export. */
START_TEST (test_dialog_icon_buttons_named)
{
  const struct { const char *action; GType (*type) (void); } dialogs[] = {
    { "win.labels", rpt_labels_dialog_get_type },
    { "win.export", rpt_export_dialog_get_type },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      g_autoptr(GString) problems = g_string_new (NULL);
      GtkWindow *dialog;
      guint n_checked = 0;

      ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), dialogs[i].action, NULL));
      rpt_test_wait_until ((dialog = rpt_test_find_toplevel (dialogs[i].type ())) != NULL);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
      check_buttons (GTK_WIDGET (dialog), problems, &n_checked);
      gtk_window_destroy (dialog);
      ck_assert_msg (problems->len == 0, "%s: %s", dialogs[i].action, problems->str);
    }
}
END_TEST

enum { SIDEBAR, TEXT, LIST, DETAILS, N_REGIONS };

static int
region_of (GtkWidget *focus,
           GtkWidget *sidebar,
           GtkWidget *text,
           GtkWidget *list)
{
  if (focus == NULL)
    return -1;
  if (focus == sidebar || gtk_widget_is_ancestor (focus, sidebar))
    return SIDEBAR;
  if (focus == text)
    return TEXT;
  if (focus == list || gtk_widget_is_ancestor (focus, list))
    return LIST;
  if (gtk_widget_get_ancestor (focus, RPT_TYPE_ANNOTATION_DETAILS) != NULL)
    return DETAILS;
  return -1;
}

/* Key presses from the first focusable widget: Tab, and Ctrl+Tab to
 * leave the article text (the GTK key for leaving a text view). */
START_TEST (test_tab_reaches_every_pane)
{
  RptArticleView *view = RPT_ARTICLE_VIEW (rpt_test_find_widget (GTK_WIDGET (window), RPT_TYPE_ARTICLE_VIEW, NULL));
  GtkWidget *text = GTK_WIDGET (rpt_article_view_get_text_view (view));
  GtkWidget *sidebar = gtk_widget_get_ancestor (rpt_test_find_widget (GTK_WIDGET (window), RPT_TYPE_DOCUMENT_ROW, NULL),
                                                GTK_TYPE_LIST_VIEW);
  GtkWidget *inspector = rpt_test_find_widget (GTK_WIDGET (window), RPT_TYPE_INSPECTOR, NULL);
  GtkWidget *list = gtk_widget_get_ancestor (rpt_test_find_widget (inspector, RPT_TYPE_ANNOTATION_ROW, NULL),
                                             GTK_TYPE_LIST_VIEW);
  int first_step[N_REGIONS] = { -1, -1, -1, -1 };
  gboolean moved_in_text = FALSE;

  ck_assert_ptr_nonnull (sidebar);
  ck_assert_ptr_nonnull (list);
  /* Where the first Tab in a window without focus lands. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  ck_assert (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));

  for (int step = 0; step < 200 && first_step[DETAILS] < 0; step++)
    {
      GtkWidget *focus;
      int region;

      GdkModifierType modifiers = gtk_window_get_focus (GTK_WINDOW (window)) == text && moved_in_text ? GDK_CONTROL_MASK : 0;

      /* A key no widget takes reaches GtkWindow's own Tab and Ctrl+Tab
       * bindings, which move the focus on. */
      if (!rpt_test_send_key (GTK_WINDOW (window), GDK_KEY_Tab, modifiers))
        gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      rpt_test_spin (10);
      focus = gtk_window_get_focus (GTK_WINDOW (window));
      region = region_of (focus, sidebar, text, list);
      if (region == TEXT && first_step[TEXT] >= 0)
        {
          /* Tab in the text walked to an annotation: selected, shown. */
          ck_assert_ptr_nonnull (rpt_article_view_get_selected_annotation (view));
          moved_in_text = TRUE;
        }
      if (region >= 0 && first_step[region] < 0)
        first_step[region] = step;
    }

  ck_assert_msg (first_step[SIDEBAR] >= 0, "Tab never reached the article list");
  ck_assert_msg (first_step[TEXT] >= 0, "Tab never reached the article text");
  ck_assert_msg (first_step[LIST] >= 0, "Tab never reached the annotation list");
  ck_assert_msg (first_step[DETAILS] >= 0, "Tab never reached the annotation details");
  ck_assert_msg (moved_in_text, "Tab in the text did not move between annotations");
  /* Left to right, as the panes are laid out. */
  ck_assert_int_lt (first_step[SIDEBAR], first_step[TEXT]);
  ck_assert_int_lt (first_step[TEXT], first_step[LIST]);
  ck_assert_int_lt (first_step[LIST], first_step[DETAILS]);
}
END_TEST

static gboolean
query_tooltip_at (GtkTextView *text,
                  guint        offset)
{
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  GdkRectangle rect;
  GtkTextIter iter;
  gboolean shown = FALSE;
  int x, y;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text), &iter, offset);
  gtk_text_view_get_iter_location (text, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (text, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x + rect.width / 2, rect.y + rect.height / 2, &x, &y);
  g_signal_emit_by_name (text, "query-tooltip", x, y, FALSE, tooltip, &shown);
  g_object_unref (tooltip);
  return shown;
}

/* Hovering a highlight names its label (the colour is not the only cue);
 * plain text has no tooltip. */
START_TEST (test_highlight_tooltip)
{
  RptArticleView *view = RPT_ARTICLE_VIEW (rpt_test_find_widget (GTK_WIDGET (window), RPT_TYPE_ARTICLE_VIEW, NULL));
  GtkTextView *text = GTK_TEXT_VIEW (rpt_article_view_get_text_view (view));
  RptProject *project = rpt_window_get_project (window);
  g_autoptr(RptDocument) document = g_list_model_get_item (rpt_project_get_documents (project), 0);
  RptAnnotationStore *store = rpt_project_get_annotations (project, rpt_document_get_id (document));
  RptAnnotation *first = rpt_annotation_store_get (store, 0);

  ck_assert (gtk_widget_get_has_tooltip (GTK_WIDGET (text)));
  ck_assert_uint_gt (rpt_annotation_get_start (first), 0);
  ck_assert (query_tooltip_at (text, rpt_annotation_get_start (first) + 1));
  /* The headline, before every annotation. */
  ck_assert (!query_tooltip_at (text, 0));
}
END_TEST

static Suite *
accessibility_suite (void)
{
  Suite *s = suite_create ("accessibility");
  TCase *tc = tcase_create ("window");

  tcase_set_timeout (tc, 120);
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_icon_buttons_named);
  tcase_add_test (tc, test_dialog_icon_buttons_named);
  tcase_add_test (tc, test_tab_reaches_every_pane);
  tcase_add_test (tc, test_highlight_tooltip);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int   argc,
      char *argv[])
{
  /* The test context records accessible properties ("none" drops them). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  rpt_test_app_init ();
  return rpt_test_run (accessibility_suite ());
}
