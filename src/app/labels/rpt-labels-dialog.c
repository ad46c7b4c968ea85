/* rpt-labels-dialog.c
 *
 * Both lists are bound to the project's live models, so undo, redo and
 * edits made elsewhere show at once. A list re-creates a row when its item
 * moves, so the dialog remembers which label was open and reopens it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-label-row.h"
#include "rpt-labels-dialog.h"

struct _RptLabelsDialog
{
  AdwPreferencesWindow  parent_instance;

  RptProject           *project;
  GSignalGroup         *project_signals;
  char                 *expanded_label;  /* id of the open label row */
  guint64               removal_generation;

  GtkListBox           *labels_list;
  GtkListBox           *speakers_list;
  AdwEntryRow          *new_speaker_row;
};

G_DEFINE_FINAL_TYPE (RptLabelsDialog, rpt_labels_dialog, ADW_TYPE_PREFERENCES_WINDOW)

static void
show_error (RptLabelsDialog *self,
            const char      *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* A toast whose button undoes the removal just made. */
static void
show_removed (RptLabelsDialog *self,
              const char      *name)
{
  g_autofree char *title = g_strdup_printf (_("“%s” removed"), name);
  AdwToast *toast = adw_toast_new (title);

  self->removal_generation = rpt_project_get_generation (self->project);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "labels.undo");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static guint
label_position (RptLabelsDialog *self,
                const char      *label_id)
{
  GListModel *labels = rpt_project_get_labels (self->project);
  guint n = g_list_model_get_n_items (labels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (labels, i);

      if (g_strcmp0 (rpt_label_get_id (label), label_id) == 0)
        return i;
    }
  return G_MAXUINT;
}

static RptLabelRow *
find_label_row (RptLabelsDialog *self,
                const char      *label_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->labels_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (RPT_IS_LABEL_ROW (child) &&
        g_strcmp0 (rpt_label_get_id (rpt_label_row_get_label (RPT_LABEL_ROW (child))), label_id) == 0)
      return RPT_LABEL_ROW (child);
  return NULL;
}

/* ---- Labels ---- */

static void
on_label_row_expanded (RptLabelsDialog *self,
                       GParamSpec      *pspec,
                       RptLabelRow     *row)
{
  const char *id = rpt_label_get_id (rpt_label_row_get_label (row));

  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    {
      g_free (self->expanded_label);
      self->expanded_label = g_strdup (id);
    }
  else if (g_strcmp0 (self->expanded_label, id) == 0)
    g_clear_pointer (&self->expanded_label, g_free);
}

static void
on_label_row_error (RptLabelsDialog *self,
                    const char      *message)
{
  show_error (self, message);
}

static GtkWidget *
create_label_row (gpointer item,
                  gpointer user_data)
{
  RptLabelsDialog *self = user_data;
  GtkWidget *row = rpt_label_row_new (self->project, RPT_LABEL (item));

  if (g_strcmp0 (self->expanded_label, rpt_label_get_id (RPT_LABEL (item))) == 0)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_label_row_expanded),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "error", G_CALLBACK (on_label_row_error),
                           self, G_CONNECT_SWAPPED);
  return row;
}

static char *
unused_label_name (RptLabelsDialog *self)
{
  GListModel *labels = rpt_project_get_labels (self->project);

  for (guint n = 1; ; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup (_("New Label"))
                                     : g_strdup_printf (_("New Label %u"), n);
      g_autofree char *key = g_utf8_casefold (name, -1);
      gboolean taken = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (labels) && !taken; i++)
        {
          g_autoptr(RptLabel) label = g_list_model_get_item (labels, i);
          g_autofree char *other = g_utf8_casefold (rpt_label_get_name (label), -1);

          taken = g_strcmp0 (key, other) == 0;
        }
      if (!taken)
        return g_steal_pointer (&name);
    }
}

static void
add_label_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RptLabelsDialog *self = RPT_LABELS_DIALOG (widget);
  GListModel *labels = rpt_project_get_labels (self->project);
  guint n = g_list_model_get_n_items (labels);
  const char * const *palette = rpt_label_palette_colors ();
  const char *color = NULL;
  guint shortcut = 0, n_colors = g_strv_length ((char **) palette);
  g_autofree char *name = unused_label_name (self);
  g_autoptr(GError) error = NULL;
  RptLabel *label;
  RptLabelRow *row;

  /* The first colour and key no label has yet. */
  for (guint c = 0; c < n_colors && color == NULL; c++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < n && !used; i++)
        {
          g_autoptr(RptLabel) other = g_list_model_get_item (labels, i);

          used = g_ascii_strcasecmp (rpt_label_get_color (other), palette[c]) == 0;
        }
      if (!used)
        color = palette[c];
    }
  if (color == NULL)
    color = palette[n % n_colors];
  for (guint key = 1; key <= 9 && shortcut == 0; key++)
    if (rpt_project_get_label_by_shortcut (self->project, key) == NULL)
      shortcut = key;

  label = rpt_project_add_label (self->project, name, color, shortcut, &error);
  if (label == NULL)
    {
      show_error (self, error->message);
      return;
    }
  if ((row = find_label_row (self, rpt_label_get_id (label))))
    rpt_label_row_edit_name (row);
}

static void
move_label (RptLabelsDialog *self,
            const char      *label_id,
            int              delta)
{
  guint position = label_position (self, label_id);
  guint n = g_list_model_get_n_items (rpt_project_get_labels (self->project));
  RptLabelRow *row;

  if (position == G_MAXUINT || (delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;
  rpt_project_move_label (self->project, label_id, position + delta);

  /* The list made a new row for the moved label: keep the focus on it. */
  if ((row = find_label_row (self, label_id)))
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_label (RPT_LABELS_DIALOG (widget), g_variant_get_string (parameter, NULL), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_label (RPT_LABELS_DIALOG (widget), g_variant_get_string (parameter, NULL), +1);
}

static void
remove_label_now (RptLabelsDialog *self,
                  const char      *label_id)
{
  RptLabel *label = rpt_project_get_label (self->project, label_id);
  g_autofree char *name = NULL;

  if (label == NULL)
    return;
  name = g_strdup (rpt_label_get_name (label));
  rpt_project_remove_label (self->project, label_id);
  show_removed (self, name);
}

static void
on_remove_label_response (AdwMessageDialog *dialog,
                          const char       *response,
                          RptLabelsDialog  *self)
{
  if (g_strcmp0 (response, "remove") == 0)
    remove_label_now (self, g_object_get_data (G_OBJECT (dialog), "label-id"));
}

static AdwMessageDialog *
confirm_removal (RptLabelsDialog *self,
                 const char      *heading,
                 const char      *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

static void
remove_label_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RptLabelsDialog *self = RPT_LABELS_DIALOG (widget);
  const char *label_id = g_variant_get_string (parameter, NULL);
  RptLabel *label = rpt_project_get_label (self->project, label_id);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  guint uses;

  if (label == NULL)
    return;
  uses = rpt_project_count_label_uses (self->project, label_id);
  if (uses == 0)
    {
      remove_label_now (self, label_id);
      return;
    }

  heading = g_strdup_printf (_("Remove “%s”?"), rpt_label_get_name (label));
  body = g_strdup_printf (ngettext ("%u annotation uses it and will be removed. You can undo this.",
                                    "%u annotations use it and will be removed. You can undo this.",
                                    uses),
                          uses);
  dialog = confirm_removal (self, heading, body);
  g_object_set_data_full (G_OBJECT (dialog), "label-id", g_strdup (label_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_label_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Speakers ---- */

static void
update_speaker_row (RptLabelsDialog *self,
                    AdwEntryRow     *row)
{
  RptSpeaker *speaker = g_object_get_data (G_OBJECT (row), "speaker");
  guint uses;
  g_autofree char *title = NULL;

  if (rpt_project_get_speaker (self->project, rpt_speaker_get_id (speaker)) != speaker)
    return;
  uses = rpt_project_count_speaker_uses (self->project, rpt_speaker_get_id (speaker));
  if (uses == 0)
    title = g_strdup (_("Not attributed yet"));
  else
    title = g_strdup_printf (ngettext ("%u annotation", "%u annotations", uses), uses);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  /* Leave alone what the user is typing. */
  if ((gtk_widget_get_state_flags (GTK_WIDGET (row)) & GTK_STATE_FLAG_FOCUS_WITHIN) == 0 &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), rpt_speaker_get_name (speaker)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), rpt_speaker_get_name (speaker));
}

static void
update_speaker_rows (RptLabelsDialog *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->speakers_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ENTRY_ROW (child))
      update_speaker_row (self, ADW_ENTRY_ROW (child));
}

static void
on_speaker_apply (RptLabelsDialog *self,
                  AdwEntryRow     *row)
{
  RptSpeaker *speaker = g_object_get_data (G_OBJECT (row), "speaker");
  g_autoptr(GError) error = NULL;

  if (!rpt_project_rename_speaker (self->project, rpt_speaker_get_id (speaker),
                                   gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      gtk_editable_set_text (GTK_EDITABLE (row), rpt_speaker_get_name (speaker));
      show_error (self, error->message);
    }
}

static GtkWidget *
create_speaker_row (gpointer item,
                    gpointer user_data)
{
  RptLabelsDialog *self = user_data;
  RptSpeaker *speaker = item;
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *name = g_strdup_printf ("speaker-row-%s", rpt_speaker_get_id (speaker));

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "speaker", g_object_ref (speaker), g_object_unref);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_speaker_apply), self, G_CONNECT_SWAPPED);

  gtk_widget_set_name (button, "speaker-remove");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Remove Speaker"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Speaker"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "labels.remove-speaker");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", rpt_speaker_get_id (speaker));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);

  update_speaker_row (self, ADW_ENTRY_ROW (row));
  return row;
}

static void
on_new_speaker_apply (RptLabelsDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_speaker_row))));
  g_autoptr(GError) error = NULL;

  if (*name == '\0')
    return;
  if (!rpt_project_add_speaker (self->project, name, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->new_speaker_row), "");
}

static void
remove_speaker_now (RptLabelsDialog *self,
                    const char      *speaker_id)
{
  RptSpeaker *speaker = rpt_project_get_speaker (self->project, speaker_id);
  g_autofree char *name = NULL;

  if (speaker == NULL)
    return;
  name = g_strdup (rpt_speaker_get_name (speaker));
  rpt_project_remove_speaker (self->project, speaker_id);
  show_removed (self, name);
}

static void
on_remove_speaker_response (AdwMessageDialog *dialog,
                            const char       *response,
                            RptLabelsDialog  *self)
{
  if (g_strcmp0 (response, "remove") == 0)
    remove_speaker_now (self, g_object_get_data (G_OBJECT (dialog), "speaker-id"));
}

static void
remove_speaker_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RptLabelsDialog *self = RPT_LABELS_DIALOG (widget);
  const char *speaker_id = g_variant_get_string (parameter, NULL);
  RptSpeaker *speaker = rpt_project_get_speaker (self->project, speaker_id);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  guint uses;

  if (speaker == NULL)
    return;
  uses = rpt_project_count_speaker_uses (self->project, speaker_id);
  if (uses == 0)
    {
      remove_speaker_now (self, speaker_id);
      return;
    }

  heading = g_strdup_printf (_("Remove “%s”?"), rpt_speaker_get_name (speaker));
  body = g_strdup_printf (ngettext ("%u annotation will lose its speaker. You can undo this.",
                                    "%u annotations will lose their speaker. You can undo this.",
                                    uses),
                          uses);
  dialog = confirm_removal (self, heading, body);
  g_object_set_data_full (G_OBJECT (dialog), "speaker-id", g_strdup (speaker_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_speaker_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RptLabelsDialog *self = RPT_LABELS_DIALOG (widget);

  /* Only if the removal is still the last thing done. */
  if (self->removal_generation != 0 &&
      self->removal_generation == rpt_project_get_generation (self->project))
    rpt_project_undo (self->project);
  self->removal_generation = 0;
}

/* ---- GObject ---- */

static void
rpt_labels_dialog_dispose (GObject *object)
{
  RptLabelsDialog *self = RPT_LABELS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_LABELS_DIALOG);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (rpt_labels_dialog_parent_class)->dispose (object);
}

static void
rpt_labels_dialog_finalize (GObject *object)
{
  RptLabelsDialog *self = RPT_LABELS_DIALOG (object);

  g_free (self->expanded_label);

  G_OBJECT_CLASS (rpt_labels_dialog_parent_class)->finalize (object);
}

static void
rpt_labels_dialog_class_init (RptLabelsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_labels_dialog_dispose;
  object_class->finalize = rpt_labels_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/repartee/Repartee/rpt-labels-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RptLabelsDialog, labels_list);
  gtk_widget_class_bind_template_child (widget_class, RptLabelsDialog, speakers_list);
  gtk_widget_class_bind_template_child (widget_class, RptLabelsDialog, new_speaker_row);
  gtk_widget_class_bind_template_callback (widget_class, on_new_speaker_apply);

  gtk_widget_class_install_action (widget_class, "labels.add", NULL, add_label_action);
  gtk_widget_class_install_action (widget_class, "labels.move-up", "s", move_up_action);
  gtk_widget_class_install_action (widget_class, "labels.move-down", "s", move_down_action);
  gtk_widget_class_install_action (widget_class, "labels.remove", "s", remove_label_action);
  gtk_widget_class_install_action (widget_class, "labels.remove-speaker", "s", remove_speaker_action);
  gtk_widget_class_install_action (widget_class, "labels.undo", NULL, undo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "labels.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rpt_labels_dialog_init (RptLabelsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->project_signals = g_signal_group_new (RPT_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "changed",
                                  G_CALLBACK (update_speaker_rows), self);
}

GtkWidget *
rpt_labels_dialog_new (GtkWindow  *parent,
                       RptProject *project)
{
  RptLabelsDialog *self;
  GtkWidget *placeholder;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RPT_IS_PROJECT (project), NULL);

  self = g_object_new (RPT_TYPE_LABELS_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  g_signal_group_set_target (self->project_signals, project);

  gtk_list_box_bind_model (self->labels_list, rpt_project_get_labels (project),
                           create_label_row, self, NULL);
  gtk_list_box_bind_model (self->speakers_list, rpt_project_get_speakers (project),
                           create_speaker_row, self, NULL);

  placeholder = gtk_label_new (_("No labels: add one to start tagging"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->labels_list, placeholder);

  placeholder = gtk_label_new (_("No speakers yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->speakers_list, placeholder);

  return GTK_WIDGET (self);
}
