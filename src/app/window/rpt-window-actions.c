/* rpt-window-actions.c: the window's actions ("win.*"), their keys, and
 * their enabled state, which follows the project (undo, redo), the
 * selection (delete) and running work (files).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-export-dialog.h"
#include "rpt-help.h"
#include "rpt-labels-dialog.h"
#include "rpt-window-private.h"

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  _rpt_window_new_project (RPT_WINDOW (widget));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  _rpt_window_open (RPT_WINDOW (widget));
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  _rpt_window_open_demo (RPT_WINDOW (widget));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  _rpt_window_open_file (RPT_WINDOW (widget), file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  _rpt_window_save (RPT_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  _rpt_window_save_as (RPT_WINDOW (widget));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  _rpt_window_import (RPT_WINDOW (widget));
}

static void
import_dataset_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  _rpt_window_import_dataset (RPT_WINDOW (widget));
}

static void
replace_text_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  _rpt_window_replace_text (RPT_WINDOW (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RptWindow *self = RPT_WINDOW (widget);
  GtkWidget *dialog = rpt_export_dialog_new (GTK_WINDOW (self), self->project);
  g_autofree char *path = self->file ? g_file_get_path (self->file) : NULL;

  /* Never exported over. */
  g_object_set (dialog, "project-file", path, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
labels_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RptWindow *self = RPT_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (rpt_labels_dialog_new (GTK_WINDOW (self), self->project)));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RptWindow *self = RPT_WINDOW (widget);

  rpt_project_undo (self->project);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RptWindow *self = RPT_WINDOW (widget);

  rpt_project_redo (self->project);
}

static void
delete_annotation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  RptWindow *self = RPT_WINDOW (widget);
  RptAnnotation *annotation = rpt_article_view_get_selected_annotation (self->article_view);
  g_autofree char *id = NULL;
  AdwToast *toast;

  if (annotation == NULL)
    return;

  id = g_strdup (rpt_annotation_get_id (annotation));
  rpt_project_remove_annotation (self->project, id);
  self->delete_generation = rpt_project_get_generation (self->project);

  toast = adw_toast_new (_("Annotation deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  self->delete_toast = toast;
  _rpt_window_show_toast (self, toast);
}

static void
focus_details_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RptWindow *self = RPT_WINDOW (widget);

  rpt_inspector_focus_details (self->inspector);
}

static void
tag_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  RptWindow *self = RPT_WINDOW (widget);

  /* The label bar sits outside the article view, where "article.tag"
   * cannot be reached: forward it. */
  gtk_widget_activate_action (GTK_WIDGET (self->article_view), "article.tag", "s",
                              g_variant_get_string (param, NULL));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/org/repartee/Repartee/rpt-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
about_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  const char *developers[] = { _("The Repartee authors"), NULL };

  adw_show_about_window (GTK_WINDOW (widget),
                         "application-name", _("Repartee"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Annotate the exchanges reported in news articles: claims, rebuttals, jokes and diplomatic signals"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
help_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  rpt_help_show (GTK_WINDOW (widget));
}

void
_rpt_window_update_actions (RptWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean idle = self->busy == 0;
  gboolean has_documents;
  gboolean has_selection;

  if (self->project == NULL)
    return;
  has_documents = g_list_model_get_n_items (rpt_project_get_documents (self->project)) > 0;
  has_selection = rpt_article_view_get_selected_annotation (self->article_view) != NULL;

  gtk_widget_action_set_enabled (widget, "win.new", idle);
  gtk_widget_action_set_enabled (widget, "win.open", idle);
  gtk_widget_action_set_enabled (widget, "win.open-demo", idle);
  gtk_widget_action_set_enabled (widget, "win.open-recent", idle);
  /* Nothing to save in a blank window. */
  gtk_widget_action_set_enabled (widget, "win.save", idle && !_rpt_window_is_blank (self));
  gtk_widget_action_set_enabled (widget, "win.save-as", idle && !_rpt_window_is_blank (self));
  gtk_widget_action_set_enabled (widget, "win.import", idle);
  gtk_widget_action_set_enabled (widget, "win.import-dataset", idle);
  gtk_widget_action_set_enabled (widget, "win.replace-text", idle && _rpt_window_get_document (self) != NULL);
  gtk_widget_action_set_enabled (widget, "win.export", idle && has_documents);
  gtk_widget_action_set_enabled (widget, "win.undo", rpt_project_can_undo (self->project));
  gtk_widget_action_set_enabled (widget, "win.redo", rpt_project_can_redo (self->project));
  gtk_widget_action_set_enabled (widget, "win.delete-annotation", has_selection);
  gtk_widget_action_set_enabled (widget, "win.focus-details", has_selection);
  gtk_widget_action_set_enabled (widget, "win.tag", has_documents);
  _rpt_window_update_articles_actions (self);
}

void
_rpt_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-dataset", NULL, import_dataset_action);
  gtk_widget_class_install_action (widget_class, "win.replace-text", NULL, replace_text_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.labels", NULL, labels_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.delete-annotation", NULL, delete_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.focus-details", NULL, focus_details_action);
  gtk_widget_class_install_action (widget_class, "win.tag", "s", tag_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.about", NULL, about_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.help", NULL);
}

/* Delete and Enter act on the selected annotation only while the text has
 * the focus (elsewhere they edit a note or activate a row), and must come
 * before the text view's own bindings: a capture-phase controller on the
 * article view does both. A disabled action lets the key through. */
void
_rpt_window_init_actions (RptWindow *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();
  struct { guint key; const char *action; } bindings[] = {
    { GDK_KEY_Delete, "win.delete-annotation" },
    { GDK_KEY_KP_Delete, "win.delete-annotation" },
    { GDK_KEY_BackSpace, "win.delete-annotation" },
    { GDK_KEY_Return, "win.focus-details" },
    { GDK_KEY_KP_Enter, "win.focus-details" },
    { GDK_KEY_ISO_Enter, "win.focus-details" },
  };

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (bindings[i].key, 0),
                                                            gtk_named_action_new (bindings[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self->article_view), keys);
  _rpt_window_update_actions (self);
}
