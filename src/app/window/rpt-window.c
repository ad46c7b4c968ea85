/* rpt-window.c: the main window: layout, the open project, and keeping the
 * views, the title and the actions in step with it. Actions and keys live
 * in rpt-window-actions.c, files in rpt-window-files.c and
 * rpt-window-import.c, toasts in rpt-window-toasts.c, crash recovery in
 * rpt-window-recovery.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-document-row.h"
#include "rpt-find-bar.h"
#include "rpt-window-private.h"

G_DEFINE_FINAL_TYPE (RptWindow, rpt_window, ADW_TYPE_APPLICATION_WINDOW)

/* The search bar above the text (src/app/article/rpt-find-bar.c). */
static RptFindBar *
find_bar (RptWindow *self)
{
  return RPT_FIND_BAR (gtk_widget_get_template_child (GTK_WIDGET (self), RPT_TYPE_WINDOW, "find_bar"));
}

/* ---- Title and state ---- */

gboolean
_rpt_window_is_modified (RptWindow *self)
{
  return self->restored || rpt_project_get_dirty (self->project);
}

/* A window that can take a project without losing anything: nothing
 * imported, nothing unsaved, not a saved project. */
gboolean
_rpt_window_is_blank (RptWindow *self)
{
  return self->file == NULL
         && !_rpt_window_is_modified (self)
         && g_list_model_get_n_items (rpt_project_get_documents (self->project)) == 0;
}

char *
_rpt_window_dup_display_name (RptWindow *self)
{
  if (self->file)
    return g_file_get_basename (self->file);
  if (self->untitled_name)
    return g_strdup (self->untitled_name);
  return g_strdup (_("Untitled Project"));
}

/* The folder holding @file, with the home folder shown as ~. */
char *
_rpt_window_dup_folder_for_display (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *path = parent ? g_file_get_path (parent) : NULL;
  const char *home = g_get_home_dir ();

  if (path == NULL)
    return parent ? g_file_get_parse_name (parent) : NULL;
  if (g_str_has_prefix (path, home) && (path[strlen (home)] == '/' || path[strlen (home)] == '\0'))
    return g_strconcat ("~", path + strlen (home), NULL);
  return g_steal_pointer (&path);
}

void
_rpt_window_update_title (RptWindow *self)
{
  g_autofree char *name = _rpt_window_dup_display_name (self);
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *folder = self->file ? _rpt_window_dup_folder_for_display (self->file) : NULL;

  /* The bullet marks unsaved changes, as in GNOME Text Editor. */
  title = _rpt_window_is_modified (self) ? g_strconcat ("• ", name, NULL) : g_strdup (name);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, folder ? folder : "");
  /* Translators: the window title; %s is the project name, e.g. "• moscow.json" */
  window_title = g_strdup_printf (_("%s — Repartee"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_page (RptWindow *self)
{
  guint n = g_list_model_get_n_items (rpt_project_get_documents (self->project));
  const char *page;

  if (self->busy > 0 && n == 0 && !_rpt_window_is_modified (self)
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "project") != 0)
    page = "loading";
  else if (n == 0)
    page = "empty";
  else
    page = "project";

  gtk_stack_set_visible_child_name (self->main_stack, page);
  gtk_widget_set_visible (GTK_WIDGET (self->view_switcher), g_str_equal (page, "project"));
}

/* Work that finishes after the window was closed finds its widgets gone. */
gboolean
_rpt_window_is_gone (RptWindow *self)
{
  return g_cancellable_is_cancelled (self->cancellable);
}

void
_rpt_window_busy_push (RptWindow *self)
{
  if (self->busy++ == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
      gtk_spinner_start (self->spinner);
      gtk_spinner_start (self->loading_spinner);
    }
  update_page (self);
  _rpt_window_update_actions (self);
}

void
_rpt_window_busy_pop (RptWindow *self)
{
  g_return_if_fail (self->busy > 0);

  if (--self->busy == 0)
    {
      gtk_spinner_stop (self->spinner);
      gtk_spinner_stop (self->loading_spinner);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
    }
  update_page (self);
  _rpt_window_update_actions (self);
}

void
_rpt_window_show_error (RptWindow  *self,
                        const char *heading,
                        const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Documents ---- */

RptDocument *
_rpt_window_get_document (RptWindow *self)
{
  return gtk_single_selection_get_selected_item (self->documents_selection);
}

void
_rpt_window_select_document (RptWindow   *self,
                             RptDocument *document)
{
  GListModel *documents = rpt_project_get_documents (self->project);
  guint n = g_list_model_get_n_items (documents);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RptDocument) item = g_list_model_get_item (documents, i);

      if (item == document)
        {
          gtk_single_selection_set_selected (self->documents_selection, i);
          return;
        }
    }
}

static void
selected_document_changed_cb (RptWindow *self)
{
  RptDocument *document = _rpt_window_get_document (self);

  rpt_article_view_set_document (self->article_view, document);
  rpt_inspector_set_document (self->inspector, document);
  _rpt_window_update_orphans (self);
  _rpt_window_update_actions (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              RptWindow                *self)
{
  GtkWidget *row = rpt_document_row_new ();

  _rpt_window_setup_article_row (self, row);
  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  rpt_document_row_set_document (RPT_DOCUMENT_ROW (gtk_list_item_get_child (item)),
                                 gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  rpt_document_row_set_document (RPT_DOCUMENT_ROW (gtk_list_item_get_child (item)), NULL);
}

/* A right click (or long press) on an article: select it and offer what
 * acts on it. */
static void
documents_menu_cb (RptWindow *self,
                   double     x,
                   double     y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->documents_view), x, y, GTK_PICK_DEFAULT);
  GtkWidget *row = picked ? gtk_widget_get_ancestor (picked, RPT_TYPE_DOCUMENT_ROW) : NULL;
  RptDocument *document = row ? rpt_document_row_get_document (RPT_DOCUMENT_ROW (row)) : NULL;

  if (document == NULL)
    return;
  _rpt_window_select_document (self, document);
  gtk_popover_set_pointing_to (self->documents_menu, &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (self->documents_menu);
}

static void
documents_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      RptWindow       *self)
{
  documents_menu_cb (self, x, y);
}

static void
documents_long_pressed_cb (GtkGestureLongPress *gesture,
                           double               x,
                           double               y,
                           RptWindow           *self)
{
  documents_menu_cb (self, x, y);
}

static void
init_documents_menu (RptWindow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *press = gtk_gesture_long_press_new ();

  self->documents_menu = GTK_POPOVER (gtk_popover_menu_new_from_model (G_MENU_MODEL (self->document_menu)));
  gtk_popover_set_has_arrow (self->documents_menu, FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self->documents_menu), GTK_ALIGN_START);
  gtk_widget_set_parent (GTK_WIDGET (self->documents_menu), GTK_WIDGET (self->documents_view));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  /* Before the rows, which take every press for themselves. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (documents_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->documents_view), GTK_EVENT_CONTROLLER (click));
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (press), TRUE);
  g_signal_connect_object (press, "pressed", G_CALLBACK (documents_long_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->documents_view), GTK_EVENT_CONTROLLER (press));
}

/* ---- The project ---- */

static gboolean
dismiss_stale_toast_cb (gpointer user_data)
{
  RptWindow *self = user_data;

  if (self->delete_toast && self->project
      && rpt_project_get_generation (self->project) != self->delete_generation)
    _rpt_window_dismiss_toast (self, self->delete_toast);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
project_changed_cb (RptWindow *self)
{
  /* The toast's Undo reverts the delete: once something else happened,
   * it would revert that instead, so the toast goes. From an idle, as
   * the change may come from the toast's own button, which dismisses it. */
  if (self->delete_toast && rpt_project_get_generation (self->project) != self->delete_generation)
    g_idle_add (dismiss_stale_toast_cb, g_object_ref (self));
  _rpt_window_update_title (self);
  update_page (self);
  _rpt_window_update_actions (self);
}

static void
apply_author (RptWindow *self)
{
  g_autofree char *author = g_settings_get_string (self->settings, "author");

  if (author[0] != '\0')
    rpt_project_set_author (self->project, author);
}

/* Replaces the open project. The caller has made sure nothing is lost. */
void
_rpt_window_set_project (RptWindow   *self,
                         RptProject  *project,
                         GFile       *file,
                         const char  *untitled_name)
{
  g_autofree char *name = NULL;

  g_return_if_fail (RPT_IS_PROJECT (project));

  if (self->delete_toast)
    _rpt_window_dismiss_toast (self, self->delete_toast);
  if (self->project != NULL)
    _rpt_window_remember_place (self);

  if (self->project != project)
    {
      if (self->project)
        {
          g_signal_handlers_disconnect_by_data (self->project, self);
          g_signal_handlers_disconnect_by_data (rpt_project_get_orphans (self->project), self);
        }
      g_set_object (&self->project, project);
      g_signal_connect_object (rpt_project_get_orphans (project), "items-changed",
                               G_CALLBACK (_rpt_window_update_orphans), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "notify::dirty", G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "notify::can-undo", G_CALLBACK (_rpt_window_update_actions), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "notify::can-redo", G_CALLBACK (_rpt_window_update_actions), self, G_CONNECT_SWAPPED);
    }
  g_set_object (&self->file, file);
  g_free (self->untitled_name);
  self->untitled_name = g_strdup (untitled_name);
  self->restored = FALSE;
  self->stamp_known = FALSE;
  self->stamp_stale = FALSE;
  apply_author (self);

  /* Views first, so that selecting a document finds its project. */
  rpt_article_view_set_project (self->article_view, project);
  rpt_find_bar_set_project (find_bar (self), project);
  rpt_inspector_set_project (self->inspector, project);
  rpt_summary_view_set_project (self->summary_view, project);
  rpt_label_bar_set_labels (self->label_bar, rpt_project_get_labels (project));
  gtk_single_selection_set_model (self->documents_selection, rpt_project_get_documents (project));
  selected_document_changed_cb (self);

  name = _rpt_window_dup_display_name (self);
  rpt_recovery_set_project (self->recovery, project, file, name);

  adw_view_stack_set_visible_child_name (self->view_stack, "annotate");
  project_changed_cb (self);
  _rpt_window_restore_place (self);
}

/* ---- Find ---- */

static void
find_show_document_cb (RptWindow   *self,
                       RptDocument *document,
                       RptFindBar  *bar)
{
  _rpt_window_select_document (self, document);
}

static void
find_toast_cb (RptWindow  *self,
               const char *message,
               RptFindBar *bar)
{
  _rpt_window_toast (self, message);
}

/* Ctrl+F, Ctrl+G, Shift+Ctrl+G: wherever the focus is, on the Annotate
 * page. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RptWindow *self = RPT_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "annotate");
  if (g_str_equal (action_name, "win.find"))
    rpt_find_bar_open (find_bar (self));
  else if (g_str_equal (action_name, "win.find-next"))
    rpt_find_bar_next (find_bar (self));
  else
    rpt_find_bar_previous (find_bar (self));
}

/* ---- Signals from the embedded views ---- */

static void
article_tag_failed_cb (RptWindow      *self,
                       const char     *message,
                       RptArticleView *view)
{
  _rpt_window_toast (self, message);
}

static void
article_annotation_picked_cb (RptWindow      *self,
                              RptAnnotation  *annotation,
                              RptArticleView *view)
{
  rpt_inspector_finish_pick (self->inspector, annotation);
}

/* Shows @annotation: its article, selected, scrolled to and flashed. */
static void
show_annotation (RptWindow     *self,
                 RptAnnotation *annotation)
{
  RptDocument *document = rpt_project_get_document (self->project, rpt_annotation_get_document (annotation));

  if (document == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "annotate");
  if (document != _rpt_window_get_document (self))
    _rpt_window_select_document (self, document);
  rpt_article_view_set_selected_annotation (self->article_view, annotation);
  rpt_article_view_reveal_annotation (self->article_view, annotation);
}

static void
inspector_annotation_activated_cb (RptWindow     *self,
                                   RptAnnotation *annotation,
                                   RptInspector  *inspector)
{
  show_annotation (self, annotation);
}

static void
inspector_error_cb (RptWindow    *self,
                    const char   *message,
                    RptInspector *inspector)
{
  _rpt_window_toast (self, message);
}

static void
inspector_pick_target_requested_cb (RptWindow    *self,
                                    RptInspector *inspector)
{
  rpt_article_view_begin_pick (self->article_view);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
  _rpt_window_toast (self, _("Click the span to link to, or press Escape"));
}

static void
summary_annotation_activated_cb (RptWindow      *self,
                                 RptAnnotation  *annotation,
                                 RptSummaryView *view)
{
  show_annotation (self, annotation);
}

/* ---- Window state ---- */

static void
save_window_state (RptWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
close_later_cb (gpointer user_data)
{
  RptWindow *self = user_data;

  if (!_rpt_window_is_gone (self))
    gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static gboolean
rpt_window_close_request (GtkWindow *window)
{
  RptWindow *self = RPT_WINDOW (window);
  guint settle;

  if (_rpt_window_close_request (self))
    return TRUE;
  /* libadwaita 1.2 frees a toast's state while its animation still runs
   * when the window goes mid-slide: close once the toasts are still. */
  if ((settle = _rpt_window_toasts_settle_ms (self)) > 0)
    {
      self->close_confirmed = TRUE;
      g_timeout_add (settle, close_later_cb, g_object_ref (self));
      return TRUE;
    }
  save_window_state (self);
  _rpt_window_remember_place (self);
  return GTK_WINDOW_CLASS (rpt_window_parent_class)->close_request (window);
}

static void
rpt_window_dispose (GObject *object)
{
  RptWindow *self = RPT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->place_cancellable)
    g_cancellable_cancel (self->place_cancellable);
  g_clear_object (&self->place_cancellable);
  g_clear_weak_pointer (&self->drop_row);
  if (self->project)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (rpt_project_get_orphans (self->project), self);
    }
  if (self->documents_menu)
    {
      gtk_widget_unparent (GTK_WIDGET (self->documents_menu));
      self->documents_menu = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_WINDOW);
  g_clear_object (&self->documents_selection);
  g_clear_object (&self->recovery);
  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rpt_window_parent_class)->dispose (object);
}

static void
rpt_window_finalize (GObject *object)
{
  RptWindow *self = RPT_WINDOW (object);

  /* Kept to the end: late completions ask it whether the window is gone. */
  g_clear_object (&self->cancellable);
  g_free (self->untitled_name);

  G_OBJECT_CLASS (rpt_window_parent_class)->finalize (object);
}

static void
rpt_window_class_init (RptWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rpt_window_dispose;
  object_class->finalize = rpt_window_finalize;
  window_class->close_request = rpt_window_close_request;

  g_type_ensure (RPT_TYPE_ARTICLE_VIEW);
  g_type_ensure (RPT_TYPE_FIND_BAR);
  g_type_ensure (RPT_TYPE_INSPECTOR);
  g_type_ensure (RPT_TYPE_LABEL_BAR);
  g_type_ensure (RPT_TYPE_SUMMARY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/repartee/Repartee/rpt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RptWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, recent_heading);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, demo_button);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, documents_view);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, label_bar);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, article_view);
  gtk_widget_class_bind_template_child_full (widget_class, "find_bar", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, summary_view);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, document_menu);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, orphans_bar);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, orphans_label);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, orphans_button);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, orphans_list);
  gtk_widget_class_bind_template_callback (widget_class, article_tag_failed_cb);
  gtk_widget_class_bind_template_callback (widget_class, article_annotation_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, inspector_annotation_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, inspector_pick_target_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, inspector_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, summary_annotation_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_show_document_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_toast_cb);

  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.find-previous", NULL);

  _rpt_window_class_init_actions (widget_class);
  _rpt_window_class_init_articles (widget_class);
}

static void
rpt_window_init (RptWindow *self)
{
  GtkListItemFactory *factory;
  g_autoptr(GSimpleActionGroup) settings_actions = g_simple_action_group_new ();
  g_autoptr(GAction) snap = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  self->recovery = rpt_recovery_new ();

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->documents_selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->documents_selection, "notify::selected-item",
                           G_CALLBACK (selected_document_changed_cb), self, G_CONNECT_SWAPPED);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->documents_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->documents_view, GTK_SELECTION_MODEL (self->documents_selection));

  /* The text and the inspector always show the same annotation. */
  g_object_bind_property (self->article_view, "selected-annotation",
                          self->inspector, "selected-annotation",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->article_view, "notify::selected-annotation",
                           G_CALLBACK (_rpt_window_update_actions), self, G_CONNECT_SWAPPED);

  g_settings_bind (self->settings, "snap-to-words", self->article_view, "snap-to-words", G_SETTINGS_BIND_DEFAULT);
  snap = g_settings_create_action (self->settings, "snap-to-words");
  g_action_map_add_action (G_ACTION_MAP (settings_actions), snap);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "settings", G_ACTION_GROUP (settings_actions));
  g_signal_connect_object (self->settings, "changed::author", G_CALLBACK (apply_author), self, G_CONNECT_SWAPPED);

  _rpt_window_init_actions (self);
  _rpt_window_init_files (self);
  init_documents_menu (self);
  _rpt_window_init_articles (self);

  {
    g_autoptr(RptProject) project = rpt_project_new ();
    _rpt_window_set_project (self, project, NULL, NULL);
  }
}

RptWindow *
rpt_window_new (RptApplication *application)
{
  return g_object_new (RPT_TYPE_WINDOW, "application", application, NULL);
}

RptProject *
rpt_window_get_project (RptWindow *self)
{
  g_return_val_if_fail (RPT_IS_WINDOW (self), NULL);
  return self->project;
}

GFile *
rpt_window_get_file (RptWindow *self)
{
  g_return_val_if_fail (RPT_IS_WINDOW (self), NULL);
  return self->file;
}
