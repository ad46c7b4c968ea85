/* rpt-window-articles.c: managing the article list: removing an article
 * (asking first when annotations go with it), moving one by dragging its
 * row or by Alt+Up / Alt+Down, sorting them all by date or by outlet;
 * the list's keys (Delete, Alt+Up, Alt+Down, Menu) and its context menu
 * from the keyboard. Every change is one undo step of the project.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-document-row.h"
#include "rpt-window-private.h"

/* Longer titles are cut in the question's heading. */
#define HEADING_TITLE_CHARS 60

static guint
position_of (RptWindow   *self,
             RptDocument *document)
{
  guint position = G_MAXUINT;

  g_list_store_find (G_LIST_STORE (rpt_project_get_documents (self->project)), document, &position);
  return position;
}

/* The row showing @document, if it is on screen. */
static GtkWidget *
find_row (RptWindow   *self,
          RptDocument *document)
{
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->documents_view));
       item != NULL; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (RPT_IS_DOCUMENT_ROW (row) && rpt_document_row_get_document (RPT_DOCUMENT_ROW (row)) == document)
        return row;
    }
  return NULL;
}

/* Selects @document and scrolls its row into view. (The list keeps the
 * keyboard focus on a moved row, and gives it to the next one when the
 * focused row goes.) */
static void
select_and_show (RptWindow   *self,
                 RptDocument *document)
{
  _rpt_window_select_document (self, document);
  gtk_widget_activate_action (GTK_WIDGET (self->documents_view), "list.scroll-to-item", "u",
                              position_of (self, document));
}

/* ---- Removing ---- */

/* The annotations (placed and orphaned) of @document, and the links
 * between them and other articles' annotations. */
static void
count_what_goes (RptWindow   *self,
                 RptDocument *document,
                 guint       *n_annotations,
                 guint       *n_links)
{
  const char *id = rpt_document_get_id (document);
  RptAnnotationStore *store = rpt_project_get_annotations (self->project, id);
  GListModel *orphans = rpt_project_get_orphans (self->project);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) links = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < rpt_annotation_store_get_n_items (store); i++)
    g_ptr_array_add (annotations, g_object_ref (rpt_annotation_store_get (store, i)));
  for (guint i = 0; i < g_list_model_get_n_items (orphans); i++)
    {
      RptAnnotation *orphan = g_list_model_get_item (orphans, i);

      if (g_strcmp0 (rpt_annotation_get_document (orphan), id) == 0)
        g_ptr_array_add (annotations, orphan);
      else
        g_object_unref (orphan);
    }

  for (guint i = 0; i < annotations->len; i++)
    {
      g_autoptr(GPtrArray) relations =
        rpt_project_relations_of (self->project, rpt_annotation_get_id (g_ptr_array_index (annotations, i)));

      for (guint r = 0; r < relations->len; r++)
        {
          RptRelation *relation = g_ptr_array_index (relations, r);

          for (guint end = 0; end < 2; end++)
            {
              const char *other_id = end == 0 ? rpt_relation_get_from (relation) : rpt_relation_get_to (relation);
              RptAnnotation *other = rpt_project_get_annotation (self->project, other_id);

              if (other == NULL)
                other = rpt_project_get_orphan (self->project, other_id);
              if (other != NULL && g_strcmp0 (rpt_annotation_get_document (other), id) != 0)
                g_hash_table_add (links, relation);
            }
        }
    }
  *n_annotations = annotations->len;
  *n_links = g_hash_table_size (links);
}

static void
remove_now (RptWindow   *self,
            RptDocument *document)
{
  GListModel *documents = rpt_project_get_documents (self->project);
  guint position = position_of (self, document);
  g_autofree char *id = g_strdup (rpt_document_get_id (document));
  AdwToast *toast;
  guint n;

  if (position == G_MAXUINT)
    return;
  rpt_project_remove_document (self->project, id);
  self->delete_generation = rpt_project_get_generation (self->project);

  /* The neighbour takes its place: the next one, or the one before. */
  n = g_list_model_get_n_items (documents);
  if (n > 0)
    {
      g_autoptr(RptDocument) neighbour = g_list_model_get_item (documents, MIN (position, n - 1));

      select_and_show (self, neighbour);
    }

  toast = adw_toast_new (_("Article removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  self->delete_toast = toast;
  _rpt_window_show_toast (self, toast);
}

static void
remove_answered_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  RptWindow *self = RPT_WINDOW (source);
  g_autoptr(RptDocument) document = user_data;
  g_autofree char *response = _rpt_window_ask_finish (self, result, NULL);

  /* Still there: the question does not stop other changes. */
  if (g_strcmp0 (response, "remove") == 0 && !_rpt_window_is_gone (self)
      && rpt_project_get_document (self->project, rpt_document_get_id (document)) == document)
    remove_now (self, document);
}

/* The question before removing @document with its annotations. */
static GtkWidget *
new_remove_question (RptWindow   *self,
                     RptDocument *document)
{
  const char *title = rpt_document_get_title (document);
  g_autofree char *shown = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  guint n_annotations, n_links;

  count_what_goes (self, document, &n_annotations, &n_links);
  if (g_utf8_strlen (title, -1) > HEADING_TITLE_CHARS)
    {
      g_autofree char *start = g_utf8_substring (title, 0, HEADING_TITLE_CHARS - 1);

      shown = g_strconcat (start, "…", NULL);
    }
  /* Translators: the heading of the question before removing an article;
   * %s is its title */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Remove “%s”?"), shown ? shown : title);

  /* Translators: the question before removing an article; %u is how many
   * annotations it has */
  body = g_strdup_printf (ngettext ("Its %u annotation will be removed with it.",
                                    "Its %u annotations will be removed with it.", n_annotations),
                          n_annotations);
  if (n_links > 0)
    {
      /* Translators: after "Its 3 annotations will be removed with it."; %u
       * is how many links other articles' annotations have to them */
      g_autofree char *links = g_strdup_printf (ngettext ("So will %u link from another article.",
                                                          "So will %u links from other articles.", n_links),
                                                n_links);
      g_autofree char *both = g_strconcat (body, " ", links, NULL);

      g_free (body);
      body = g_steal_pointer (&both);
    }
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  /* Enter must not remove someone's work. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

static void
remove_article_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  RptWindow *self = RPT_WINDOW (widget);
  RptDocument *document = _rpt_window_get_document (self);
  guint n_annotations, n_links;

  if (document == NULL)
    return;
  count_what_goes (self, document, &n_annotations, &n_links);
  /* Nothing of the user's goes with it: the toast's Undo is enough. */
  if (n_annotations == 0)
    {
      remove_now (self, document);
      return;
    }
  _rpt_window_ask_async (self, new_remove_question (self, document), self->cancellable,
                         remove_answered_cb, g_object_ref (document));
}

/* ---- Moving and sorting ---- */

static void
move_by (RptWindow *self,
         int        step)
{
  RptDocument *document = _rpt_window_get_document (self);
  guint position, n;

  if (document == NULL)
    return;
  position = position_of (self, document);
  n = g_list_model_get_n_items (rpt_project_get_documents (self->project));
  if ((step < 0 && position == 0) || (step > 0 && position + 1 >= n))
    return;
  rpt_project_move_document (self->project, rpt_document_get_id (document), (guint) ((int) position + step));
  select_and_show (self, document);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  move_by (RPT_WINDOW (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  move_by (RPT_WINDOW (widget), 1);
}

static void
sort_articles_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RptWindow *self = RPT_WINDOW (widget);
  const char *by = g_variant_get_string (param, NULL);
  RptDocument *document = _rpt_window_get_document (self);

  if (g_str_equal (by, "date"))
    rpt_project_sort_documents (self->project, RPT_DOCUMENT_SORT_DATE);
  else if (g_str_equal (by, "outlet"))
    rpt_project_sort_documents (self->project, RPT_DOCUMENT_SORT_OUTLET);
  else
    g_return_if_reached ();
  if (document)
    select_and_show (self, document);
}

/* ---- Dragging a row ---- */

static void
clear_drop_mark (RptWindow *self)
{
  if (self->drop_row == NULL)
    return;
  gtk_widget_remove_css_class (self->drop_row, "rpt-drop-before");
  gtk_widget_remove_css_class (self->drop_row, "rpt-drop-after");
  g_clear_weak_pointer (&self->drop_row);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 RptWindow     *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  RptDocument *document = rpt_document_row_get_document (RPT_DOCUMENT_ROW (row));

  if (document == NULL || self->busy > 0)
    return NULL;
  return gdk_content_provider_new_typed (RPT_TYPE_DOCUMENT, document);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               RptWindow     *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

/* Whether a drop at @y on @row goes after it rather than before. */
static gboolean
drops_after (GtkWidget *row,
             double     y)
{
  return y > gtk_widget_get_height (row) / 2.0;
}

static GdkDragAction
drop_motion_cb (GtkDropTarget *target,
                double         x,
                double         y,
                RptWindow     *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GtkWidget *item = gtk_widget_get_parent (row);

  if (item == NULL || rpt_document_row_get_document (RPT_DOCUMENT_ROW (row)) == NULL)
    return 0;
  if (item != self->drop_row)
    {
      clear_drop_mark (self);
      g_set_weak_pointer (&self->drop_row, item);
    }
  gtk_widget_remove_css_class (item, drops_after (row, y) ? "rpt-drop-before" : "rpt-drop-after");
  gtk_widget_add_css_class (item, drops_after (row, y) ? "rpt-drop-after" : "rpt-drop-before");
  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget *target,
               RptWindow     *self)
{
  clear_drop_mark (self);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         RptWindow     *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  RptDocument *onto = rpt_document_row_get_document (RPT_DOCUMENT_ROW (row));
  RptDocument *dragged = G_VALUE_HOLDS (value, RPT_TYPE_DOCUMENT) ? g_value_get_object (value) : NULL;
  guint from, to;

  clear_drop_mark (self);
  /* Only an article of this project (not another window's). */
  if (onto == NULL || dragged == NULL
      || rpt_project_get_document (self->project, rpt_document_get_id (dragged)) != dragged)
    return FALSE;
  from = position_of (self, dragged);
  to = position_of (self, onto) + (drops_after (row, y) ? 1 : 0);
  if (from < to)
    to--;
  if (from != to)
    rpt_project_move_document (self->project, rpt_document_get_id (dragged), to);
  select_and_show (self, dragged);
  return TRUE;
}

void
_rpt_window_setup_article_row (RptWindow *self,
                               GtkWidget *row)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (RPT_TYPE_DOCUMENT, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), self, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  g_signal_connect_object (target, "motion", G_CALLBACK (drop_motion_cb), self, 0);
  g_signal_connect_object (target, "enter", G_CALLBACK (drop_motion_cb), self, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave_cb), self, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}

/* ---- Keys and the menu ---- */

/* Menu or Shift+F10: the context menu of the selected row. */
static gboolean
popup_menu_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  RptWindow *self = user_data;
  RptDocument *document = _rpt_window_get_document (self);
  GtkWidget *row = document ? find_row (self, document) : NULL;
  graphene_rect_t bounds;
  GdkRectangle where = { 0, 0, 1, 1 };

  if (document == NULL)
    return FALSE;
  if (row && gtk_widget_compute_bounds (row, GTK_WIDGET (self->documents_view), &bounds))
    where = (GdkRectangle) { (int) bounds.origin.x + 12, (int) (bounds.origin.y + bounds.size.height), 1, 1 };
  gtk_popover_set_pointing_to (self->documents_menu, &where);
  gtk_popover_popup (self->documents_menu);
  return TRUE;
}

void
_rpt_window_update_articles_actions (RptWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  RptDocument *document = _rpt_window_get_document (self);
  guint n = g_list_model_get_n_items (rpt_project_get_documents (self->project));
  guint position = document ? position_of (self, document) : G_MAXUINT;
  gboolean idle = self->busy == 0;

  gtk_widget_action_set_enabled (widget, "win.remove-article", idle && document != NULL);
  gtk_widget_action_set_enabled (widget, "win.move-article-up", idle && document != NULL && position > 0);
  gtk_widget_action_set_enabled (widget, "win.move-article-down", idle && document != NULL && position + 1 < n);
  gtk_widget_action_set_enabled (widget, "win.sort-articles", idle && n > 1);
}

void
_rpt_window_class_init_articles (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.remove-article", NULL, remove_article_action);
  gtk_widget_class_install_action (widget_class, "win.move-article-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "win.move-article-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "win.sort-articles", "s", sort_articles_action);
}

/* The keys act on the selected article while the list has the focus
 * (Delete in the text deletes an annotation), before the list's own. */
void
_rpt_window_init_articles (RptWindow *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();
  struct { guint key; GdkModifierType mods; const char *action; } bindings[] = {
    { GDK_KEY_Delete, 0, "win.remove-article" },
    { GDK_KEY_KP_Delete, 0, "win.remove-article" },
    { GDK_KEY_Up, GDK_ALT_MASK, "win.move-article-up" },
    { GDK_KEY_KP_Up, GDK_ALT_MASK, "win.move-article-up" },
    { GDK_KEY_Down, GDK_ALT_MASK, "win.move-article-down" },
    { GDK_KEY_KP_Down, GDK_ALT_MASK, "win.move-article-down" },
  };

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (bindings[i].key, bindings[i].mods),
                                                            gtk_named_action_new (bindings[i].action)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                                          gtk_callback_action_new (popup_menu_cb, self, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK),
                                                          gtk_callback_action_new (popup_menu_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->documents_view), keys);
}
