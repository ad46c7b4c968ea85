/* test-window-fit.c: the window at 1000×700, on the demo project: every
 * label bar button is in sight and takes a click (the bar wraps rather
 * than hide the last labels in a scrolling row), and a summary card shows
 * a long speaker name whole, on two lines, rather than "Mirela Dăn…".
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <string.h>

#include "rpt-label-bar.h"
#include "rpt-summary-card.h"
#include "rpt-test-util.h"
#include "rpt-test-window.h"

#define WIDTH  1000
#define HEIGHT 700

/* Longer than the card's header line has room for beside the label and
 * the reports button, shorter than two lines of it. */
#define LONG_SPEAKER "Mirela Dănescu, Foreign Minister of Aldessa"

static RptWindow *window;

static RptProject *
project (void)
{
  return rpt_window_get_project (window);
}

/* The demo in a window of 1000×700 (without a window manager, the
 * default size is the size). */
static void
setup (void)
{
  window = rpt_test_new_window_with_demo (WIDTH, HEIGHT);
  /* The surface: the window's widget is smaller by its frame. */
  ck_assert_int_eq (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))), WIDTH);
  ck_assert_int_eq (gdk_surface_get_height (gtk_native_get_surface (GTK_NATIVE (window))), HEIGHT);
}

static void
teardown (void)
{
  if (window)
    rpt_test_close_discarding (window);
  window = NULL;
}

/* Whether @rect (window coordinates) lies inside @widget's bounds. */
static gboolean
inside (GtkWidget             *widget,
        const graphene_rect_t *rect)
{
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds))
    return FALSE;
  /* Half a pixel of rounding either way. */
  graphene_rect_inset (&bounds, -0.5f, -0.5f);
  return graphene_rect_contains_rect (&bounds, rect);
}

/* In sight: mapped, and inside each of its ancestors up to the window (a
 * button scrolled out of a viewport lies outside the viewport); and in
 * reach: a click at its middle lands on it. */
static void
assert_reachable (GtkWidget  *button,
                  const char *name)
{
  graphene_rect_t rect;
  GtkWidget *picked;

  ck_assert_msg (gtk_widget_get_mapped (button), "%s: not shown", name);
  ck_assert (gtk_widget_compute_bounds (button, GTK_WIDGET (window), &rect));
  ck_assert_msg (rect.size.width >= 1 && rect.size.height >= 1, "%s: no room", name);
  for (GtkWidget *ancestor = gtk_widget_get_parent (button); ancestor; ancestor = gtk_widget_get_parent (ancestor))
    ck_assert_msg (inside (ancestor, &rect), "%s at %.0f,%.0f (%.0f×%.0f) is outside its %s",
                   name, rect.origin.x, rect.origin.y, rect.size.width, rect.size.height,
                   G_OBJECT_TYPE_NAME (ancestor));
  picked = gtk_widget_pick (GTK_WIDGET (window),
                            rect.origin.x + rect.size.width / 2, rect.origin.y + rect.size.height / 2,
                            GTK_PICK_DEFAULT);
  ck_assert_msg (picked == button || (picked && gtk_widget_is_ancestor (picked, button)),
                 "%s: a click at its middle reaches %s", name, picked ? G_OBJECT_TYPE_NAME (picked) : "nothing");
}

static void
assert_all_reachable (RptLabelBar *bar)
{
  GListModel *labels = rpt_project_get_labels (project ());

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (labels, i);
      GtkWidget *button = rpt_label_bar_get_button (bar, rpt_label_get_id (label));

      ck_assert_ptr_nonnull (button);
      assert_reachable (button, rpt_label_get_name (label));
    }
}

/* The demo's four labels, then nine with long names: at 1000×700 each
 * button is in sight and takes a click. The scrolling row this replaced
 * showed "Claim", "Rebuttal", "Joke" and the first two letters of
 * "Diplomatic signal", with no sign that more was there. */
START_TEST (test_label_bar_buttons_reachable)
{
  RptLabelBar *bar = RPT_LABEL_BAR (rpt_test_find_widget (GTK_WIDGET (window), RPT_TYPE_LABEL_BAR, NULL));
  const char *more[] = { "Procedural remark", "Personal attack", "Concession",
                         "Question to the other side", "Appeal to the public" };

  ck_assert_ptr_nonnull (bar);
  assert_all_reachable (bar);

  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    ck_assert_ptr_nonnull (rpt_project_add_label (project (), more[i], "#9141ac", 5 + i, NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_labels (project ())), 9);
  assert_all_reachable (bar);
}
END_TEST

/* The mapped speaker labels of the summary cards that show @name. */
static void
collect_card_speakers (GtkWidget  *widget,
                       const char *name,
                       GPtrArray  *found)
{
  if (GTK_IS_POPOVER (widget) || !gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "rpt-speaker")
      && gtk_widget_get_ancestor (widget, RPT_TYPE_SUMMARY_CARD) != NULL
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), name) == 0)
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_card_speakers (child, name, found);
}

static guint
count_card_speakers (const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_card_speakers (GTK_WIDGET (window), name, found);
  return found->len;
}

/* A speaker whose name does not fit on a card's first line beside the
 * label: every card shows it whole, on a second line where needed. It
 * was cut to "Mirela Dănescu, Foreign M…", or to "Mi…" on a card whose
 * first line also held the "reported by" button. */
START_TEST (test_card_shows_long_speaker_whole)
{
  AdwViewStack *stack = ADW_VIEW_STACK (rpt_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL));
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int most_lines = 0;

  ck_assert (rpt_project_rename_speaker (project (), "mirela-dănescu", LONG_SPEAKER, &error));
  adw_view_stack_set_visible_child_name (stack, "summary");
  rpt_test_wait_until (count_card_speakers (LONG_SPEAKER) > 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  collect_card_speakers (GTK_WIDGET (window), LONG_SPEAKER, found);
  ck_assert_uint_ge (found->len, 2);
  for (guint i = 0; i < found->len; i++)
    {
      PangoLayout *layout = gtk_label_get_layout (g_ptr_array_index (found, i));

      ck_assert_msg (!pango_layout_is_ellipsized (layout), "card %u: the speaker's name is cut short", i);
      most_lines = MAX (most_lines, pango_layout_get_line_count (layout));
    }
  /* On a card indented by its thread the name did not fit on one line:
   * the test is of wrapping, not only of room. */
  ck_assert_int_eq (most_lines, 2);
}
END_TEST

static Suite *
window_fit_suite (void)
{
  Suite *s = suite_create ("window-fit");
  TCase *tc = tcase_create ("1000x700");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_label_bar_buttons_reachable);
  tcase_add_test (tc, test_card_shows_long_speaker_whole);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_APP_MAIN (window_fit_suite)
