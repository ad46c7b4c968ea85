/* test-summary-view.c: the Summary view under Xvfb, on the fixture's four
 * articles: the threads it shows (cards found in the widget tree, read as a
 * user reads them), the cross-source badge and its list of reports,
 * activation, filters, live updates and chart export.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <check.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "rpt-chain-fixture.h"
#include "rpt-summary-card.h"
#include "rpt-summary-chart.h"
#include "rpt-summary-coverage-row.h"
#include "rpt-summary-fixture.h"
#include "rpt-summary-view.h"
#include "rpt-test-util.h"
#include "rpt-test-window.h"

static Fixture *fixture;
static GtkWidget *window;
static RptSummaryView *view;
static char *activated;

static void
on_annotation_activated (RptSummaryView *v,
                         RptAnnotation  *annotation,
                         gpointer        user_data)
{
  g_free (activated);
  activated = g_strdup (rpt_annotation_get_id (annotation));
}

static void
setup (void)
{
  fixture = fixture_new ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 900);
  view = RPT_SUMMARY_VIEW (rpt_summary_view_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  g_signal_connect (view, "annotation-activated", G_CALLBACK (on_annotation_activated), NULL);
  rpt_summary_view_set_project (view, fixture->project);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
}

static void
teardown (void)
{
  gtk_window_destroy (GTK_WINDOW (window));
  window = NULL;
  view = NULL;
  g_clear_pointer (&activated, g_free);
  g_clear_pointer (&fixture, fixture_free);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

/* The same, shown or not. */
static void
collect_any (GtkWidget *widget,
             GType      type,
             GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_any (child, type, out);
}

/* Everything a reader sees in @widget, label by label. */
static char *
text_of (GtkWidget *widget)
{
  return rpt_test_label_text (widget, '|');
}

static int
compare_y (gconstpointer a,
           gconstpointer b)
{
  GtkWidget *x = *(GtkWidget **) a, *y = *(GtkWidget **) b;
  graphene_rect_t bx, by;

  if (!gtk_widget_compute_bounds (x, window, &bx) || !gtk_widget_compute_bounds (y, window, &by))
    return 0;
  return bx.origin.y < by.origin.y ? -1 : bx.origin.y > by.origin.y;
}

/* The cards on screen, top to bottom. */
static GPtrArray *
cards (void)
{
  GPtrArray *out = g_ptr_array_new ();

  collect (window, RPT_TYPE_SUMMARY_CARD, out);
  g_ptr_array_sort (out, compare_y);
  return out;
}

/* Whether the window shows a status page titled @title. */
static gboolean
shows_status_page (const char *title)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  collect (window, ADW_TYPE_STATUS_PAGE, pages);
  for (guint p = 0; p < pages->len; p++)
    if (g_strcmp0 (adw_status_page_get_title (g_ptr_array_index (pages, p)), title) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @check (the cards' texts joined) holds. */
static char *
wait_for_cards (gboolean (*check) (const char *texts, gpointer data),
                gpointer data)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (10, timeout_cb, &timed_out);
  char *texts = NULL;

  while (!timed_out)
    {
      g_autoptr(GPtrArray) found = NULL;
      GString *all = g_string_new (NULL);

      g_main_context_iteration (NULL, TRUE);
      found = cards ();
      for (guint i = 0; i < found->len; i++)
        {
          g_autofree char *t = text_of (g_ptr_array_index (found, i));
          g_string_append_printf (all, "%s\n", t);
        }
      g_free (texts);
      texts = g_string_free (all, FALSE);
      if (check (texts, data))
        {
          g_source_remove (source);
          return texts;
        }
    }
  ck_abort_msg ("the view never showed what was expected; it shows:\n%s", texts);
  return texts;
}

static gboolean
contains (const char *texts,
          gpointer    data)
{
  return strstr (texts, data) != NULL;
}

static gboolean
lacks (const char *texts,
       gpointer    data)
{
  return texts[0] != '\0' && strstr (texts, data) == NULL;
}

static GtkWidget *
card_with (const char *text)
{
  g_autoptr(GPtrArray) found = cards ();

  for (guint i = 0; i < found->len; i++)
    {
      g_autofree char *t = text_of (g_ptr_array_index (found, i));

      if (strstr (t, text))
        return g_ptr_array_index (found, i);
    }
  ck_abort_msg ("no card shows “%s”", text);
  return NULL;
}

static double
x_of (GtkWidget *widget)
{
  graphene_rect_t bounds;

  ck_assert (gtk_widget_compute_bounds (widget, window, &bounds));
  return bounds.origin.x;
}

START_TEST (test_threads_shown)
{
  g_autofree char *texts = wait_for_cards (contains, "Responds to");
  g_auto(GStrv) lines = g_strsplit (texts, "\n", -1);
  GtkWidget *claim, *rebuttal, *counter, *answer;

  /* The first thread, in order: claim, rebuttal, counter-rebuttal, answer.
   * A card reads label, speaker, quote, then source and reports. */
  ck_assert_msg (strstr (lines[0], "Claim|Ingrid Halvorsen|"
                                   "“Secretary Okafor assured me that his government never funded the protest boats.”|"), "%s", lines[0]);
  ck_assert_msg (strstr (lines[0], "|Harbour talks end in sharp words and 2 more|reported by 3 of 4 articles|"), "%s", lines[0]);
  ck_assert_msg (strstr (lines[1], "↳ Rebuts|") && strstr (lines[1], "Rebuttal|Daniel Okafor|“Not with our money”|")
                 && strstr (lines[1], "|reported by 3 of 4 articles|"), "%s", lines[1]);
  ck_assert_msg (strstr (lines[2], "↳ Rebuts|") && strstr (lines[2], "“You see, he must say this so that nobody at home calls him weak”"),
                 "%s", lines[2]);
  ck_assert_msg (strstr (lines[3], "↳ Responds to|") && strstr (lines[3], "“It is your reputation that really worries me, Ingrid”"),
                 "%s", lines[3]);
  ck_assert_msg (strstr (lines[0], "|Also responds to “It is your reputation that really worries me, Ingr…”|"), "%s", lines[0]);
  ck_assert_msg (strstr (lines[3], "|Answered by “Secretary Okafor assured me that his government ne…”|"), "%s", lines[3]);
  ck_assert_msg (strstr (lines[4], "Diplomatic signal|Ingrid Halvorsen|") && strstr (lines[4], "|reported by 2 of 4 articles|"),
                 "%s", lines[4]);
  ck_assert_msg (strstr (lines[5], "↳ Supports|") && strstr (lines[5], "in 1 of 4 articles"), "%s", lines[5]);

  /* Okafor's column is on the right, Halvorsen's on the left; answers in
   * one column are indented under what they answer. */
  claim = card_with ("protest boats");
  rebuttal = card_with ("Not with our money");
  counter = card_with ("calls him weak");
  answer = card_with ("“It is your reputation that really worries me, Ingrid”");
  ck_assert (x_of (rebuttal) > x_of (claim) + 200);
  ck_assert (x_of (counter) > x_of (claim));
  ck_assert (x_of (counter) < x_of (rebuttal));
  ck_assert (x_of (answer) > x_of (counter) + 200);
}
END_TEST

START_TEST (test_click_activates_annotation)
{
  g_autofree char *texts = wait_for_cards (contains, "Not with our money");
  GtkWidget *card = card_with ("Not with our money");

  ck_assert (gtk_widget_activate_action (card, "card.activate", NULL));
  ck_assert_str_eq (activated, fixture_id (fixture, "S2.1"));

  ck_assert (gtk_widget_activate_action (card_with ("“It is your reputation that really worries me, Ingrid”"), "card.activate", NULL));
  ck_assert_str_eq (activated, fixture_id (fixture, "S4.1"));

  /* Enter on a row activates it too (the list's own action). */
  {
    g_autoptr(GPtrArray) lists = g_ptr_array_new ();

    collect (window, GTK_TYPE_LIST_VIEW, lists);
    ck_assert (gtk_widget_activate_action (g_ptr_array_index (lists, 0), "list.activate-item", "u", 2));
    ck_assert_str_eq (activated, fixture_id (fixture, "S3.1"));
  }
}
END_TEST

START_TEST (test_reports_list)
{
  g_autofree char *texts = wait_for_cards (contains, "Not with our money");
  GtkWidget *card = card_with ("Not with our money");
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) menu_buttons = g_ptr_array_new ();
  GtkPopover *popover;
  g_autofree char *listed = NULL;

  collect (card, GTK_TYPE_MENU_BUTTON, menu_buttons);
  ck_assert_uint_eq (menu_buttons->len, 1);
  gtk_menu_button_popup (g_ptr_array_index (menu_buttons, 0));
  popover = gtk_menu_button_get_popover (g_ptr_array_index (menu_buttons, 0));
  ck_assert_ptr_nonnull (popover);
  /* Read its contents whether or not it is still up: other suites share
   * the display and may take the focus, which closes popovers. */
  listed = text_of (gtk_popover_get_child (popover));
  ck_assert_msg (strstr (listed, "Harbour talks end in sharp words|“Not with our money”|"
                                 "Halvorsen and Okafor clash over boats|“Not with our money.”|"
                                 "Minister and Secretary trade barbs|“NOT WITH OUR MONEY!”|"), "%s", listed);

  /* Picking the Courier's report jumps to that report. */
  collect_any (GTK_WIDGET (popover), GTK_TYPE_BUTTON, buttons);
  ck_assert_uint_eq (buttons->len, 3);
  g_signal_emit_by_name (g_ptr_array_index (buttons, 1), "clicked");
  ck_assert_str_eq (activated, fixture_id (fixture, "S2.2"));
}
END_TEST

static GtkDropDown *
dropdown_with (const char *first_item)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (window, GTK_TYPE_DROP_DOWN, found);
  for (guint i = 0; i < found->len; i++)
    {
      GListModel *model = gtk_drop_down_get_model (g_ptr_array_index (found, i));
      g_autoptr(GtkStringObject) item = model ? g_list_model_get_item (model, 0) : NULL;

      if (item && g_str_equal (gtk_string_object_get_string (item), first_item))
        return g_ptr_array_index (found, i);
    }
  ck_abort_msg ("no filter “%s”", first_item);
  return NULL;
}

static gboolean
n_cards_is (const char *texts,
            gpointer    data)
{
  g_autoptr(GPtrArray) found = cards ();
  return found->len == GPOINTER_TO_UINT (data);
}

START_TEST (test_filters)
{
  g_autofree char *texts = wait_for_cards (contains, "Responds to");
  g_autofree char *post = NULL, *okafor = NULL;
  GtkDropDown *articles = dropdown_with ("All Articles");
  GtkDropDown *speakers = dropdown_with ("All Speakers");

  /* The Post: four statements; the card stands for the Post's report. */
  gtk_drop_down_set_selected (articles, 4);
  post = wait_for_cards (n_cards_is, GUINT_TO_POINTER (4));
  ck_assert_ptr_null (strstr (post, "protest boats"));
  ck_assert (gtk_widget_activate_action (card_with ("calls him weak"), "card.activate", NULL));
  ck_assert_str_eq (activated, fixture_id (fixture, "S3.4"));

  /* and Okafor only */
  gtk_drop_down_set_selected (speakers, 2);
  okafor = wait_for_cards (n_cards_is, GUINT_TO_POINTER (2));
  ck_assert_ptr_nonnull (strstr (okafor, "really worries me"));
  ck_assert_ptr_nonnull (strstr (okafor, "a better future for the harbour"));

  /* Nothing matches: the page says so and offers to show everything. */
  gtk_drop_down_set_selected (dropdown_with ("All Labels"), 3);   /* Joke */
  rpt_test_wait_until (shows_status_page ("No Matching Statements"), 10);
  ck_assert (shows_status_page ("No Matching Statements"));

  /* Show Everything */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "summary.clear-filters", NULL));
  g_free (wait_for_cards (contains, "protest boats"));
  ck_assert_uint_eq (gtk_drop_down_get_selected (articles), 0);
  ck_assert_uint_eq (gtk_drop_down_get_selected (dropdown_with ("All Labels")), 0);
}
END_TEST

START_TEST (test_live_update)
{
  g_autofree char *before = wait_for_cards (contains, "secret or otherwise");
  g_autofree char *after = NULL, *added = NULL;
  RptDocument *post = rpt_project_get_document (fixture->project, "post");
  const char *text = rpt_document_get_text (post);
  guint start = g_utf8_pointer_to_offset (text, strstr (text, "Both said they wanted"));
  RptAnnotation *annotation;

  rpt_project_remove_annotation (fixture->project, fixture_id (fixture, "S6.1"));
  after = wait_for_cards (lacks, "secret or otherwise");

  annotation = rpt_project_add_annotation (fixture->project, "post", start, start + 21, "joke", NULL, NULL);
  ck_assert_ptr_nonnull (annotation);
  added = wait_for_cards (contains, "“Both said they wanted”");
  ck_assert (gtk_widget_activate_action (card_with ("Both said they wanted"), "card.activate", NULL));
  ck_assert_str_eq (activated, rpt_annotation_get_id (annotation));
}
END_TEST

/* A long script reaches the list a few rows per frame (so that showing it
 * never stalls): in the end every statement is listed. */
START_TEST (test_long_script_listed)
{
  RptDocument *post = rpt_project_get_document (fixture->project, "post");
  guint length = rpt_document_get_length (post);
  g_autoptr(RptSummary) summary = NULL;
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  GListModel *shown;
  guint expected;

  /* One-character statements all over the article: none alike. */
  for (guint i = 0; i < 120 && 2 * i + 1 < length; i++)
    ck_assert_ptr_nonnull (rpt_project_add_annotation (fixture->project, "post", 2 * i, 2 * i + 1,
                                                       "claim", NULL, NULL));
  summary = rpt_summary_new (fixture->project);
  expected = rpt_summary_get_n_rows (summary);
  ck_assert_uint_gt (expected, 48);    /* several frames of 16 */

  g_free (wait_for_cards (contains, "Not with our money"));
  collect_any (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW, lists);
  shown = NULL;
  for (guint i = 0; i < lists->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (lists, i), "rpt-script"))
      shown = G_LIST_MODEL (gtk_list_view_get_model (g_ptr_array_index (lists, i)));
  ck_assert_ptr_nonnull (shown);
  rpt_test_wait_until (g_list_model_get_n_items (shown) >= expected, 10);
  ck_assert_uint_eq (g_list_model_get_n_items (shown), expected);
}
END_TEST

START_TEST (test_coverage)
{
  g_autofree char *texts = wait_for_cards (contains, "Responds to");
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) expanders = g_ptr_array_new ();
  g_autofree char *post = NULL;
  GtkWidget *coverage = NULL;

  collect (window, GTK_TYPE_STACK, stacks);
  for (guint i = 0; i < stacks->len; i++)
    if (gtk_stack_get_child_by_name (g_ptr_array_index (stacks, i), "coverage"))
      {
        gtk_stack_set_visible_child_name (g_ptr_array_index (stacks, i), "coverage");
        coverage = gtk_stack_get_child_by_name (g_ptr_array_index (stacks, i), "coverage");
      }
  ck_assert_ptr_nonnull (coverage);
  gtk_test_widget_wait_for_draw (window);

  /* one row per article, in project order */
  collect (coverage, RPT_TYPE_SUMMARY_COVERAGE_ROW, rows);
  ck_assert_uint_eq (rows->len, 4);
  g_ptr_array_sort (rows, compare_y);
  post = text_of (g_ptr_array_index (rows, 3));
  ck_assert_msg (strstr (post, "Ministers meet at the harbour|Reports 2 of 5 shared statements · 4 annotations|"
                               "Left out 3 statements|"), "%s", post);

  /* The left-out statements, on demand. */
  collect (g_ptr_array_index (rows, 3), GTK_TYPE_EXPANDER, expanders);
  ck_assert_uint_eq (expanders->len, 1);
  gtk_expander_set_expanded (g_ptr_array_index (expanders, 0), TRUE);
  g_free (post);
  post = text_of (g_ptr_array_index (rows, 3));
  ck_assert_msg (strstr (post, "“Secretary Okafor assured me that his government never funded the protest boats.”\n"
                               "reported by 3 of 4 articles|"), "%s", post);
  ck_assert_msg (strstr (post, "“Not with our money”\nreported by 3 of 4 articles|"), "%s", post);
  ck_assert_msg (strstr (post, "“We are ready to sign the quota agreement"), "%s", post);
  ck_assert_ptr_null (strstr (post, "calls him weak"));
}
END_TEST

START_TEST (test_rename_label)
{
  g_autofree char *before = wait_for_cards (contains, "secret or otherwise");
  g_autofree char *after = NULL;

  ck_assert (rpt_project_rename_label (fixture->project, "joke", "Quip", NULL));
  after = wait_for_cards (contains, "Quip|Daniel Okafor|“and everything in its pockets");
  {
    g_autofree char *card = text_of (card_with ("“and everything in its pockets"));

    ck_assert_msg (strstr (card, "|in 1 of 4 articles|"), "%s", card);
  }
}
END_TEST

START_TEST (test_chart_export)
{
  g_autofree char *texts = wait_for_cards (contains, "Responds to");
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL, svg = NULL, pdf = NULL;
  RptSummaryChartFormat format;
  gsize len;
  const char *data;

  collect (window, RPT_TYPE_SUMMARY_CHART, charts);
  ck_assert_uint_eq (charts->len, 2);
  png = rpt_summary_chart_render (g_ptr_array_index (charts, 0), RPT_SUMMARY_CHART_PNG, 600, &error);
  svg = rpt_summary_chart_render (g_ptr_array_index (charts, 0), RPT_SUMMARY_CHART_SVG, 600, &error);
  pdf = rpt_summary_chart_render (g_ptr_array_index (charts, 1), RPT_SUMMARY_CHART_PDF, 600, &error);
  ck_assert_msg (png && svg && pdf, "%s", error ? error->message : "");
  data = g_bytes_get_data (png, &len);
  ck_assert (len > 1000 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0);
  data = g_bytes_get_data (svg, &len);
  ck_assert (g_strstr_len (data, len, "<svg") != NULL);
  data = g_bytes_get_data (pdf, &len);
  ck_assert (len > 500 && memcmp (data, "%PDF", 4) == 0);

  ck_assert (rpt_summary_chart_format_from_path ("/tmp/a.SVG", &format) && format == RPT_SUMMARY_CHART_SVG);
  ck_assert (rpt_summary_chart_format_from_path ("b.pdf", &format) && format == RPT_SUMMARY_CHART_PDF);
  ck_assert (!rpt_summary_chart_format_from_path ("c.jpeg", &format));
}
END_TEST

static GtkFileChooser *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (w) && gtk_widget_get_visible (w))
        return GTK_FILE_CHOOSER (w);
    }
  return NULL;
}

/* Types the whole path into the chooser's name, as a user may, and
 * presses Export. */
static void
choose_chart_file (guint       which,
                   const char *path)
{
  GtkFileChooser *chooser = NULL;

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "summary.export-chart", "u", which));
  rpt_test_wait_until ((chooser = find_chooser ()) != NULL, 10);
  ck_assert_msg (chooser != NULL, "no file chooser came up");
  gtk_file_chooser_set_current_name (chooser, path);
  rpt_test_spin (100);
  gtk_widget_activate (gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT));
}

/* Export Chart through its button's action and the file chooser, and
 * check the file that lands on disk. */
static char *
export_through_chooser (guint        which,
                        const char  *name,
                        gsize       *len)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *contents = NULL;

  choose_chart_file (which, path);
  rpt_test_wait_until (g_file_test (path, G_FILE_TEST_EXISTS), 10);
  ck_assert_msg (g_file_get_contents (path, &contents, len, NULL), "%s was not written", path);
  return contents;
}

START_TEST (test_export_chart_to_file)
{
  g_autofree char *texts = wait_for_cards (contains, "Responds to");
  g_autofree char *png = NULL, *svg = NULL, *pdf = NULL;
  gsize len = 0;

  png = export_through_chooser (RPT_SUMMARY_CHART_LABEL_SPEAKER, "speakers.png", &len);
  ck_assert (len > 1000 && memcmp (png, "\x89PNG\r\n\x1a\n", 8) == 0);
  svg = export_through_chooser (RPT_SUMMARY_CHART_ARTICLES, "articles.SVG", &len);
  ck_assert (g_strstr_len (svg, len, "<svg") != NULL);
  pdf = export_through_chooser (RPT_SUMMARY_CHART_ARTICLES, "articles.pdf", &len);
  ck_assert (len > 500 && memcmp (pdf, "%PDF", 4) == 0);
}
END_TEST

/* The question shown, or NULL; answers GTK's own question about an
 * existing file (Replace) on the way. */
static AdwMessageDialog *
find_message (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint t = 0; t < g_list_model_get_n_items (toplevels); t++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, t);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (w))
        return ADW_MESSAGE_DIALOG (w);
      if (GTK_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (w))
        {
          g_autofree char *text = NULL;

          g_object_get (w, "text", &text, NULL);
          if (text && strstr (text, "already exists"))
            gtk_dialog_response (GTK_DIALOG (w), GTK_RESPONSE_ACCEPT);
        }
    }
  return NULL;
}

static AdwMessageDialog *
wait_for_message (void)
{
  AdwMessageDialog *message = NULL;

  rpt_test_wait_until ((message = find_message ()) != NULL, 10);
  ck_assert_msg (message != NULL, "no question came up");
  return message;
}

/* What the chooser did not ask about is asked: the name once ".png" is
 * added, and a read-only file. Cancel keeps the file. */
START_TEST (test_export_chart_asks_before_replacing)
{
  g_autofree char *texts = wait_for_cards (contains, "Responds to");
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *typed = g_build_filename (dir, "chart", NULL);
  g_autofree char *png = rpt_test_write_file (dir, "chart.png", "my picture", -1);
  g_autofree char *locked = rpt_test_write_file (dir, "locked.svg", "<svg/>", -1);
  const char *cases[][3] = {
    { typed, png, "chart.png exists" },
    { locked, locked, "locked.svg is read-only" },
  };

  g_chmod (locked, 0444);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *heading = g_strdup_printf ("Replace “%s”?", strrchr (cases[i][1], '/') + 1);
      g_autofree char *kept = NULL;
      AdwMessageDialog *message;

      choose_chart_file (RPT_SUMMARY_CHART_ARTICLES, cases[i][0]);
      message = wait_for_message ();
      ck_assert_str_eq (adw_message_dialog_get_heading (message), heading);
      ck_assert_msg (strstr (adw_message_dialog_get_body (message), cases[i][2]) != NULL,
                     "%s", adw_message_dialog_get_body (message));
      ck_assert_str_eq (adw_message_dialog_get_default_response (message), "cancel");
      adw_message_dialog_response (message, "cancel");
      gtk_window_destroy (GTK_WINDOW (message));
      rpt_test_spin (200);
      kept = rpt_test_read_file (cases[i][1], NULL);
      ck_assert_str_eq (kept, i == 0 ? "my picture" : "<svg/>");
    }
}
END_TEST

START_TEST (test_empty_project)
{
  g_autoptr(RptProject) empty = rpt_project_new ();

  rpt_summary_view_set_project (view, empty);
  rpt_test_wait_until (shows_status_page ("No Statements Yet"), 10);
  ck_assert (shows_status_page ("No Statements Yet"));
}
END_TEST

/* A 20,000-deep chain of rebuttals: every answer is listed, the cards stop
 * moving right at the deepest level, and a card deeper than that says
 * which statement it answers. */
START_TEST (test_deep_chain)
{
  g_autoptr(RptProject) chain = chain_project_new (20000);
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  GtkWidget *script = NULL;
  GListModel *shown;

  rpt_summary_view_set_project (view, chain);
  g_free (wait_for_cards (contains, "“s0”"));
  collect_any (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW, lists);
  for (guint i = 0; i < lists->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (lists, i), "rpt-script"))
      script = g_ptr_array_index (lists, i);
  ck_assert_ptr_nonnull (script);
  shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (script)));
  rpt_test_wait_until (g_list_model_get_n_items (shown) >= 20000, 10);
  ck_assert_uint_eq (g_list_model_get_n_items (shown), 20000);

  /* The first cards: one step right for each answer, down to the deepest
   * level; those answers just say how they answer. */
  g_free (wait_for_cards (contains, "“s9”"));
  ck_assert (x_of (card_with ("“s8”")) > x_of (card_with ("“s7”")));
  ck_assert_msg (x_of (card_with ("“s9”")) == x_of (card_with ("“s8”")), "%g, %g",
                 x_of (card_with ("“s9”")), x_of (card_with ("“s8”")));
  {
    g_autofree char *at_cap = text_of (card_with ("“s8”"));
    g_autofree char *past = text_of (card_with ("“s9”"));

    ck_assert_msg (g_str_has_prefix (at_cap, "↳ Rebuts|"), "%s", at_cap);
    ck_assert_msg (g_str_has_prefix (past, "↳ Rebuts “s8”|"), "%s", past);
  }

  /* The end of the chain. */
  ck_assert (gtk_widget_activate_action (script, "list.scroll-to-item", "u", 19999));
  g_free (wait_for_cards (contains, "↳ Rebuts “s19998”|"));
  ck_assert (x_of (card_with ("“s19999”")) == x_of (card_with ("“s19998”")));
}
END_TEST

static Suite *
summary_view_suite (void)
{
  Suite *s = suite_create ("summary-view");
  TCase *tc = tcase_create ("view");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_threads_shown);
  tcase_add_test (tc, test_click_activates_annotation);
  tcase_add_test (tc, test_reports_list);
  tcase_add_test (tc, test_filters);
  tcase_add_test (tc, test_live_update);
  tcase_add_test (tc, test_long_script_listed);
  tcase_add_test (tc, test_coverage);
  tcase_add_test (tc, test_export_chart_asks_before_replacing);
  tcase_add_test (tc, test_rename_label);
  tcase_add_test (tc, test_chart_export);
  tcase_add_test (tc, test_export_chart_to_file);
  tcase_add_test (tc, test_empty_project);
  tcase_add_test (tc, test_deep_chain);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_WIDGETS_MAIN (summary_view_suite)
