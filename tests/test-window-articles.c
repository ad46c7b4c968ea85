/* test-window-articles.c: managing the article list in the real window:
 * removing an article with the Delete key (the question with its counts,
 * Escape and Cancel, Remove; the links from other articles going and
 * coming back), reordering with Alt+Up / Alt+Down and by dragging a row,
 * sorting by date and by outlet from the list's menu; each one undo step,
 * each checked in the list as shown, in the project and in the file
 * saved; and the project reopening at the article and the scroll position
 * where the user left it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <string.h>

#include "rpt-article-text-view.h"
#include "rpt-article-view.h"
#include "rpt-document-row.h"
#include "rpt-last-place.h"
#include "rpt-test-project.h"
#include "rpt-test-util.h"
#include "rpt-test-window.h"
#include "rpt-window-articles.h"

#define ARTICLE_C \
  "Ferry fares frozen for the winter\n" \
  "\n" \
  "The ferry company said fares would not rise before March.\n"

RPT_TEST_TMPDIR_FIXTURE (dir)

typedef struct
{
  RptWindow *window;
  char      *path;
} Opened;

/* Saves a project of "alpha" (ARTICLE_A, two annotations), "beta"
 * (ARTICLE_B, one annotation rebutting alpha's claim) and "gamma"
 * (ARTICLE_C, none), and, with @long_text, "long" after them; opens it
 * in a new window as the user does. */
static Opened
open_project (const char *long_text)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  struct { const char *id, *title, *text; } articles[] = {
    { "alpha", "Ministers trade words", ARTICLE_A },
    { "beta", "Bridge talks end", ARTICLE_B },
    { "gamma", "Ferry fares frozen", ARTICLE_C },
    { "long", "A long report", long_text },
  };
  RptAnnotation *claim, *answer;
  Opened opened;

  for (guint i = 0; i < G_N_ELEMENTS (articles) && articles[i].text; i++)
    {
      g_autoptr(RptDocument) document = rpt_document_new (articles[i].id, articles[i].title, "a.txt", articles[i].text);

      ck_assert (rpt_project_add_document (project, document, NULL));
    }
  claim = rpt_test_tag_quote (project, "alpha", "the new bridge would open next spring", "claim", NULL);
  rpt_test_tag_quote (project, "alpha", "the room laughed", "joke", NULL);
  answer = rpt_test_tag_quote (project, "beta", "called the talks useful", "rebuttal", NULL);
  ck_assert_ptr_nonnull (rpt_project_add_relation (project, RPT_RELATION_REBUTS, rpt_annotation_get_id (answer),
                                                   rpt_annotation_get_id (claim), NULL));
  opened.path = g_build_filename (dir, "articles.json", NULL);
  ck_assert_msg (rpt_project_save_to_file (project, opened.path, &error), "%s", error ? error->message : "");

  opened.window = rpt_test_new_window ();
  file = g_file_new_for_path (opened.path);
  rpt_window_open_files (opened.window, &file, 1);
  rpt_test_wait_until (rpt_window_get_file (opened.window) != NULL
                       && g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (opened.window))) > 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (opened.window));
  return opened;
}

static RptProject *
project_of (RptWindow *window)
{
  return rpt_window_get_project (window);
}

static GtkListView *
article_list (RptWindow *window)
{
  GtkWidget *row = rpt_test_find_widget (GTK_WIDGET (window), RPT_TYPE_DOCUMENT_ROW, NULL);

  ck_assert_ptr_nonnull (row);
  return GTK_LIST_VIEW (gtk_widget_get_ancestor (row, GTK_TYPE_LIST_VIEW));
}

/* The row showing @id. */
static GtkWidget *
row_of (RptWindow  *window,
        const char *id)
{
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (article_list (window)));
       item != NULL; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      RptDocument *document = RPT_IS_DOCUMENT_ROW (row) ? rpt_document_row_get_document (RPT_DOCUMENT_ROW (row)) : NULL;

      if (document && gtk_widget_get_mapped (row) && g_str_equal (rpt_document_get_id (document), id))
        return row;
    }
  ck_abort_msg ("no row shows “%s”", id);
  return NULL;
}

/* The titles of the rows, top to bottom, as drawn. */
static char *
shown_order (RptWindow *window)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (article_list (window)));
       item != NULL; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (RPT_IS_DOCUMENT_ROW (row) && gtk_widget_get_mapped (row) && rpt_document_row_get_document (RPT_DOCUMENT_ROW (row)))
        g_ptr_array_add (rows, row);
    }
  /* By where they are on screen, not by their order among the children. */
  for (guint done = 0; done < rows->len; done++)
    {
      guint top = done;

      for (guint i = done + 1; i < rows->len; i++)
        {
          graphene_point_t a, b;

          ck_assert (gtk_widget_compute_point (g_ptr_array_index (rows, i), GTK_WIDGET (window), &GRAPHENE_POINT_INIT (0, 0), &a));
          ck_assert (gtk_widget_compute_point (g_ptr_array_index (rows, top), GTK_WIDGET (window), &GRAPHENE_POINT_INIT (0, 0), &b));
          if (a.y < b.y)
            top = i;
        }
      if (top != done)
        {
          gpointer swap = rows->pdata[done];

          rows->pdata[done] = rows->pdata[top];
          rows->pdata[top] = swap;
        }
      g_string_append_printf (out, "%s%s", done ? " | " : "",
                              rpt_document_get_id (rpt_document_row_get_document (g_ptr_array_index (rows, done))));
    }
  return g_string_free (out, FALSE);
}

/* The ids in the project's order. */
static char *
project_order (RptProject *project)
{
  GListModel *documents = rpt_project_get_documents (project);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(RptDocument) document = g_list_model_get_item (documents, i);

      g_string_append_printf (out, "%s%s", i ? " | " : "", rpt_document_get_id (document));
    }
  return g_string_free (out, FALSE);
}

/* The order shown, in the project, and (after a save) in the file. */
#define ASSERT_ORDER(window, expected)                                   \
  G_STMT_START {                                                         \
    g_autofree char *shown_ = shown_order (window);                      \
    g_autofree char *model_ = project_order (project_of (window));       \
    ck_assert_str_eq (shown_, expected);                                 \
    ck_assert_str_eq (model_, expected);                                 \
  } G_STMT_END

static void
save_and_check_file (RptWindow  *window,
                     const char *path,
                     const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) saved = NULL;
  g_autofree char *order = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  rpt_test_wait_until (!rpt_project_get_dirty (project_of (window)));
  saved = rpt_project_load_from_file_full (path, RPT_LOAD_DEFAULT, NULL, &error);
  ck_assert_msg (saved != NULL, "%s", error ? error->message : "");
  order = project_order (saved);
  ck_assert_str_eq (order, expected);
}

static const char *
selected_id (RptWindow *window)
{
  RptArticleView *view = RPT_ARTICLE_VIEW (rpt_test_find_widget (GTK_WIDGET (window), RPT_TYPE_ARTICLE_VIEW, NULL));
  RptDocument *document = rpt_article_view_get_document (view);

  return document ? rpt_document_get_id (document) : "";
}

/* Selects @id with a click on its row and gives the row the focus. */
static void
select_row (RptWindow  *window,
            const char *id)
{
  GtkWidget *row = row_of (window, id);

  gtk_widget_activate_action (gtk_widget_get_parent (row), "listitem.select", "(bb)", FALSE, FALSE);
  ck_assert (gtk_widget_grab_focus (gtk_widget_get_parent (row)));
  ck_assert_str_eq (selected_id (window), id);
}

static void
press (RptWindow       *window,
       guint            key,
       GdkModifierType  mods)
{
  ck_assert_msg (rpt_test_send_key (GTK_WINDOW (window), key, mods), "nothing took the key");
  rpt_test_run_pending ();
}

static void
undo (RptWindow *window)
{
  press (window, GDK_KEY_z, GDK_CONTROL_MASK);
}

static void
redo (RptWindow *window)
{
  press (window, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
}

/* ---- Removing ---- */

START_TEST (test_remove_asks_with_counts)
{
  Opened o = open_project (NULL);
  RptProject *project = project_of (o.window);
  AdwMessageDialog *question;

  ASSERT_ORDER (o.window, "alpha | beta | gamma");
  select_row (o.window, "alpha");

  /* Delete asks: alpha's two annotations go, and beta's link to one. */
  press (o.window, GDK_KEY_Delete, 0);
  rpt_test_wait_until ((question = rpt_test_find_dialog (GTK_WINDOW (o.window))) != NULL);
  ck_assert_str_eq (adw_message_dialog_get_heading (question), "Remove “Ministers trade words”?");
  ck_assert_str_eq (adw_message_dialog_get_body (question),
                    "Its 2 annotations will be removed with it. So will 1 link from another article.");
  ck_assert_str_eq (adw_message_dialog_get_default_response (question), "cancel");
  ck_assert_int_eq (adw_message_dialog_get_response_appearance (question, "remove"), ADW_RESPONSE_DESTRUCTIVE);

  /* Escape cancels. */
  g_object_add_weak_pointer (G_OBJECT (question), (gpointer *) &question);
  ck_assert (rpt_test_send_key (GTK_WINDOW (question), GDK_KEY_Escape, 0));
  rpt_test_wait_until (question == NULL);
  rpt_test_run_pending ();
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (project)), 3);
  ck_assert (!rpt_project_get_dirty (project));

  /* So does Cancel. */
  select_row (o.window, "alpha");
  press (o.window, GDK_KEY_Delete, 0);
  rpt_test_wait_until ((question = rpt_test_find_dialog (GTK_WINDOW (o.window))) != NULL);
  rpt_test_respond (question, "cancel");
  rpt_test_run_pending ();
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (project)), 3);

  /* Remove: the article, its annotations and the link from beta go, and
   * the next article is shown. */
  select_row (o.window, "alpha");
  press (o.window, GDK_KEY_Delete, 0);
  rpt_test_wait_until ((question = rpt_test_find_dialog (GTK_WINDOW (o.window))) != NULL);
  rpt_test_respond (question, "remove");
  rpt_test_wait_until (rpt_project_get_document (project, "alpha") == NULL);
  ASSERT_ORDER (o.window, "beta | gamma");
  ck_assert_str_eq (selected_id (o.window), "beta");
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), 1);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_relations (project)), 0);
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Remove Article");

  /* One undo step brings all of it back; redo takes it again. */
  undo (o.window);
  ASSERT_ORDER (o.window, "alpha | beta | gamma");
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), 3);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_relations (project)), 1);
  ck_assert (!rpt_project_get_dirty (project));
  redo (o.window);
  ASSERT_ORDER (o.window, "beta | gamma");

  save_and_check_file (o.window, o.path, "beta | gamma");
  {
    g_autoptr(RptProject) saved = rpt_project_load_from_file_full (o.path, RPT_LOAD_DEFAULT, NULL, NULL);

    ck_assert_uint_eq (rpt_project_get_n_annotations (saved), 1);
    ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_relations (saved)), 0);
  }
  rpt_test_close_discarding (o.window);
  g_free (o.path);
}
END_TEST

/* Without annotations nothing is asked; the last article's neighbour is
 * the one before it; the context menu's item does the same. */
START_TEST (test_remove_without_annotations)
{
  Opened o = open_project (NULL);
  RptProject *project = project_of (o.window);

  select_row (o.window, "gamma");
  press (o.window, GDK_KEY_Delete, 0);
  rpt_test_run_pending ();
  ck_assert_ptr_null (rpt_test_find_dialog (GTK_WINDOW (o.window)));
  ASSERT_ORDER (o.window, "alpha | beta");
  ck_assert_str_eq (selected_id (o.window), "beta");
  /* The keys go on working in the list. */
  ck_assert (gtk_widget_has_focus (gtk_widget_get_parent (row_of (o.window, "beta"))));
  {
    g_autofree char *text = rpt_test_visible_text (GTK_WIDGET (o.window));

    ck_assert_msg (strstr (text, "Article removed") != NULL, "no toast in:\n%s", text);
  }
  undo (o.window);
  ASSERT_ORDER (o.window, "alpha | beta | gamma");

  /* From the menu (the window action the menu item names). */
  select_row (o.window, "gamma");
  gtk_widget_activate_action (GTK_WIDGET (o.window), "win.remove-article", NULL);
  rpt_test_run_pending ();
  ASSERT_ORDER (o.window, "alpha | beta");
  ck_assert (rpt_project_get_dirty (project));
  rpt_test_close_discarding (o.window);
  g_free (o.path);
}
END_TEST

/* ---- Reordering ---- */

START_TEST (test_move_with_keys)
{
  Opened o = open_project (NULL);
  RptProject *project = project_of (o.window);

  select_row (o.window, "beta");
  press (o.window, GDK_KEY_Up, GDK_ALT_MASK);
  ASSERT_ORDER (o.window, "beta | alpha | gamma");
  ck_assert_str_eq (selected_id (o.window), "beta");
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Move Article");
  /* The moved row keeps the focus: the keys go on working. */
  ck_assert (gtk_widget_has_focus (gtk_widget_get_parent (row_of (o.window, "beta"))));
  /* At the top already: the key does nothing. */
  rpt_test_send_key (GTK_WINDOW (o.window), GDK_KEY_Up, GDK_ALT_MASK);
  rpt_test_run_pending ();
  ASSERT_ORDER (o.window, "beta | alpha | gamma");

  press (o.window, GDK_KEY_Down, GDK_ALT_MASK);
  press (o.window, GDK_KEY_Down, GDK_ALT_MASK);
  ASSERT_ORDER (o.window, "alpha | gamma | beta");
  ck_assert_str_eq (selected_id (o.window), "beta");

  /* Each move is one undo step. */
  undo (o.window);
  ASSERT_ORDER (o.window, "alpha | beta | gamma");
  ck_assert (rpt_project_get_dirty (project));
  undo (o.window);
  ASSERT_ORDER (o.window, "beta | alpha | gamma");
  undo (o.window);
  ASSERT_ORDER (o.window, "alpha | beta | gamma");
  ck_assert (!rpt_project_get_dirty (project));
  redo (o.window);
  redo (o.window);
  ASSERT_ORDER (o.window, "alpha | beta | gamma");
  redo (o.window);
  ASSERT_ORDER (o.window, "alpha | gamma | beta");

  save_and_check_file (o.window, o.path, "alpha | gamma | beta");
  rpt_test_close_discarding (o.window);
  g_free (o.path);
}
END_TEST

static GtkEventController *
controller_of (GtkWidget *widget,
               GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;  /* the widget keeps it */
    }
  ck_abort_msg ("no %s on the row", g_type_name (type));
  return NULL;
}

/* Xvfb gives no way to drive a real drag, so the row's drag source and
 * the drop target's handlers are called as GTK calls them: the source
 * prepares the content, the target sees the pointer move over a row and
 * the drop there. */
START_TEST (test_drag_and_drop)
{
  Opened o = open_project (NULL);
  RptProject *project = project_of (o.window);
  GtkWidget *alpha = row_of (o.window, "alpha");
  GtkWidget *gamma = row_of (o.window, "gamma");
  GtkEventController *source = controller_of (alpha, GTK_TYPE_DRAG_SOURCE);
  GtkEventController *target = controller_of (gamma, GTK_TYPE_DROP_TARGET);
  g_autoptr(GdkContentProvider) content = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GdkDragAction action = 0;
  gboolean dropped = FALSE;
  double below = gtk_widget_get_height (gamma) - 2.0;

  g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &content);
  ck_assert_ptr_nonnull (content);
  g_value_init (&value, RPT_TYPE_DOCUMENT);
  ck_assert (gdk_content_provider_get_value (content, &value, NULL));
  ck_assert_ptr_eq (g_value_get_object (&value), rpt_project_get_document (project, "alpha"));

  /* Over gamma's lower half: the mark shows it would go after gamma. */
  g_signal_emit_by_name (target, "motion", 10.0, below, &action);
  ck_assert_int_eq (action, GDK_ACTION_MOVE);
  ck_assert (gtk_widget_has_css_class (gtk_widget_get_parent (gamma), "rpt-drop-after"));
  ck_assert (!gtk_widget_has_css_class (gtk_widget_get_parent (gamma), "rpt-drop-before"));
  g_signal_emit_by_name (target, "motion", 10.0, 2.0, &action);
  ck_assert (gtk_widget_has_css_class (gtk_widget_get_parent (gamma), "rpt-drop-before"));
  ck_assert (!gtk_widget_has_css_class (gtk_widget_get_parent (gamma), "rpt-drop-after"));

  g_signal_emit_by_name (target, "drop", &value, 10.0, below, &dropped);
  ck_assert (dropped);
  rpt_test_run_pending ();
  ASSERT_ORDER (o.window, "beta | gamma | alpha");
  ck_assert_str_eq (selected_id (o.window), "alpha");
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Move Article");
  /* The mark is gone. */
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (article_list (o.window)));
       item != NULL; item = gtk_widget_get_next_sibling (item))
    ck_assert (!gtk_widget_has_css_class (item, "rpt-drop-before") && !gtk_widget_has_css_class (item, "rpt-drop-after"));

  undo (o.window);
  ASSERT_ORDER (o.window, "alpha | beta | gamma");
  ck_assert (!rpt_project_get_dirty (project));
  redo (o.window);
  ASSERT_ORDER (o.window, "beta | gamma | alpha");

  /* An article dragged from another project's window is refused. */
  {
    g_autoptr(RptDocument) stranger = rpt_document_new ("alpha", "Stranger", "s.txt", "Another text.");
    g_auto(GValue) other = G_VALUE_INIT;

    g_value_init (&other, RPT_TYPE_DOCUMENT);
    g_value_set_object (&other, stranger);
    target = controller_of (row_of (o.window, "beta"), GTK_TYPE_DROP_TARGET);
    g_signal_emit_by_name (target, "drop", &other, 10.0, 2.0, &dropped);
    ck_assert (!dropped);
    ASSERT_ORDER (o.window, "beta | gamma | alpha");
  }

  save_and_check_file (o.window, o.path, "beta | gamma | alpha");
  rpt_test_close_discarding (o.window);
  g_free (o.path);
}
END_TEST

/* ---- Sorting ---- */

static void
set_meta (RptProject *project,
          const char *id,
          const char *outlet,
          const char *date)
{
  g_autoptr(RptArticleMeta) meta = rpt_article_meta_new ();

  rpt_article_meta_set (meta, RPT_ARTICLE_FIELD_OUTLET, outlet);
  rpt_article_meta_set (meta, RPT_ARTICLE_FIELD_DATE, date);
  rpt_document_set_meta (rpt_project_get_document (project, id), meta);
}

/* The list's menu, opened with the Menu key on the selected row. */
static GtkPopover *
open_menu (RptWindow *window)
{
  GtkPopover *menu;

  press (window, GDK_KEY_Menu, 0);
  menu = GTK_POPOVER (rpt_test_find_widget (GTK_WIDGET (article_list (window)), GTK_TYPE_POPOVER_MENU, NULL));
  ck_assert_ptr_nonnull (menu);
  rpt_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (menu)));
  return menu;
}

static gboolean
is_item_labelled (GtkWidget     *widget,
                  gconstpointer  label)
{
  g_autofree char *text = NULL;

  if (!g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton"))
    return FALSE;
  g_object_get (widget, "text", &text, NULL);
  return g_strcmp0 (text, label) == 0;
}

/* Clicks the menu item @label as the user does. */
static void
choose (GtkPopover *menu,
        const char *label)
{
  GtkWidget *item = rpt_test_find_matching (GTK_WIDGET (menu), is_item_labelled, label, TRUE);

  ck_assert_msg (item != NULL, "no menu item “%s”", label);
  ck_assert (gtk_widget_is_sensitive (item));
  g_signal_emit_by_name (item, "clicked");
  rpt_test_run_pending ();
}

START_TEST (test_sort_from_menu)
{
  Opened o = open_project (NULL);
  RptProject *project = project_of (o.window);

  /* As the properties dialog will set them (issue 14, point 2). */
  set_meta (project, "alpha", "Valley Dispatch", "2022-03-02");
  set_meta (project, "beta", NULL, "2022-03-01");
  set_meta (project, "gamma", "courier", NULL);

  select_row (o.window, "alpha");
  choose (open_menu (o.window), "Sort by Date");
  ASSERT_ORDER (o.window, "beta | alpha | gamma");
  ck_assert_str_eq (selected_id (o.window), "alpha");
  ck_assert_str_eq (rpt_project_get_undo_description (project), "Sort Articles by Date");

  select_row (o.window, "gamma");
  choose (open_menu (o.window), "Sort by Outlet");
  ASSERT_ORDER (o.window, "gamma | alpha | beta");
  ck_assert_str_eq (selected_id (o.window), "gamma");

  undo (o.window);
  ASSERT_ORDER (o.window, "beta | alpha | gamma");
  undo (o.window);
  ASSERT_ORDER (o.window, "alpha | beta | gamma");
  ck_assert (!rpt_project_get_dirty (project));
  redo (o.window);
  redo (o.window);
  ASSERT_ORDER (o.window, "gamma | alpha | beta");
  save_and_check_file (o.window, o.path, "gamma | alpha | beta");
  rpt_test_close_discarding (o.window);
  g_free (o.path);
}
END_TEST

/* ---- Where the user left off ---- */

/* The text offset at the start of the top line the user sees. */
static guint
top_offset (RptWindow *window)
{
  RptArticleView *view = RPT_ARTICLE_VIEW (rpt_test_find_widget (GTK_WIDGET (window), RPT_TYPE_ARTICLE_VIEW, NULL));
  GtkTextView *text_view = rpt_article_view_get_text_view (view);
  GdkRectangle visible;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_at_location (text_view, &iter, visible.x, visible.y);
  gtk_text_view_backward_display_line_start (text_view, &iter);
  return rpt_article_text_view_get_offset (RPT_ARTICLE_TEXT_VIEW (text_view), &iter);
}

static gboolean
text_loaded (RptWindow *window)
{
  RptArticleView *view = RPT_ARTICLE_VIEW (rpt_test_find_widget (GTK_WIDGET (window), RPT_TYPE_ARTICLE_VIEW, NULL));

  return !rpt_article_text_view_get_loading (RPT_ARTICLE_TEXT_VIEW (rpt_article_view_get_text_view (view)));
}

/* What a read of @file's place finds, after every write asked for before
 * it (they run in order): the article, or NULL. */
static char *
read_place (GFile *file,
            guint *offset)
{
  RptTestAsync async = { 0 };
  char *article_id = NULL;

  rpt_last_place_load_async (file, NULL, rpt_test_async_ready, &async);
  rpt_test_async_wait (&async);
  if (!rpt_last_place_load_finish (async.result, &article_id, offset))
    article_id = NULL;
  rpt_test_async_clear (&async);
  return article_id;
}

/* Scrolls the text nine tenths of the way down, as the user would with
 * the scroll bar; TRUE once the top line is past @offset. */
static gboolean
scrolled_past (RptWindow *window,
               guint      offset)
{
  RptArticleView *view = RPT_ARTICLE_VIEW (rpt_test_find_widget (GTK_WIDGET (window), RPT_TYPE_ARTICLE_VIEW, NULL));
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (rpt_article_view_get_text_view (view)));

  if (top_offset (window) > offset)
    return TRUE;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * 0.9);
  return FALSE;
}

/* Over a part of text as the view loads at once (512 KB), in paragraphs. */
static char *
long_text (void)
{
  GString *text = g_string_new ("A long report\n\n");

  for (guint i = 0; text->len < 900 * 1024; i++)
    g_string_append_printf (text, "Paragraph %u. The delegations met again and said little that was new; "
                                  "the reporters wrote it down all the same.\n\n", i);
  return g_string_free (text, FALSE);
}

START_TEST (test_reopens_where_left)
{
  g_autofree char *text = long_text ();
  Opened o = open_project (text);
  g_autoptr(GFile) file = g_file_new_for_path (o.path);
  g_autofree char *before = rpt_test_read_file (o.path, NULL);
  g_autofree char *place_path = NULL;
  g_autofree char *place = NULL;
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  guint left_at, read_at = 0, far = rpt_test_offset_of (text, "Paragraph 5000.");

  /* The user picks the long article and scrolls far down, past the first
   * part loaded. */
  ck_assert_uint_gt (far, 512 * 1024);
  select_row (o.window, "long");
  rpt_test_wait_until (text_loaded (o.window), 120);
  rpt_test_wait_until (scrolled_past (o.window, far), 120);
  left_at = top_offset (o.window);
  rpt_test_close_discarding (o.window);

  /* Recorded in the user's state folder, not in the project. */
  place = read_place (file, &read_at);
  ck_assert_str_eq (place, "long");
  ck_assert_uint_eq (read_at, left_at);
  {
    g_autofree char *uri = g_file_get_uri (file);
    g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
    g_autofree char *name = g_strconcat (hash, ".ini", NULL);
    g_autofree char *places = rpt_last_place_get_dir ();
    g_autofree char *article = NULL;
    g_autofree char *project = NULL;

    ck_assert (g_str_has_prefix (places, g_get_user_state_dir ()));
    place_path = g_build_filename (places, name, NULL);
    ck_assert (g_key_file_load_from_file (keys, place_path, G_KEY_FILE_NONE, NULL));
    article = g_key_file_get_string (keys, "place", "article", NULL);
    ck_assert_str_eq (article, "long");
    ck_assert_uint_eq (g_key_file_get_uint64 (keys, "place", "offset", NULL), left_at);
    project = g_key_file_get_string (keys, "place", "project", NULL);
    ck_assert_str_eq (project, uri);
  }
  {
    g_autofree char *after = rpt_test_read_file (o.path, NULL);

    ck_assert_str_eq (after, before);
  }

  /* Reopened: the long article, at the same line, once loaded that far. */
  o.window = rpt_test_new_window ();
  rpt_window_open_files (o.window, &file, 1);
  rpt_test_wait_until (g_str_equal (selected_id (o.window), "long"));
  rpt_test_wait_until (text_loaded (o.window) && top_offset (o.window) == left_at, 120);
  ck_assert (!rpt_project_get_dirty (project_of (o.window)));

  /* A damaged place file is ignored: the project opens at its start. */
  rpt_test_close_discarding (o.window);
  g_free (read_place (file, &read_at));
  ck_assert (g_file_set_contents (place_path, "[place]\narticle=long\noffset=many\n", -1, NULL));
  o.window = rpt_test_new_window ();
  rpt_window_open_files (o.window, &file, 1);
  rpt_test_wait_until (rpt_window_get_file (o.window) != NULL);
  rpt_test_spin (200);
  ck_assert_str_eq (selected_id (o.window), "alpha");
  rpt_test_close_discarding (o.window);
  g_free (o.path);
}
END_TEST

static Suite *
window_articles_suite (void)
{
  Suite *s = suite_create ("window-articles");
  TCase *tc = tcase_create ("articles");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_remove_asks_with_counts);
  tcase_add_test (tc, test_remove_without_annotations);
  tcase_add_test (tc, test_move_with_keys);
  tcase_add_test (tc, test_drag_and_drop);
  tcase_add_test (tc, test_sort_from_menu);
  tcase_add_test (tc, test_reopens_where_left);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_APP_MAIN (window_articles_suite)
