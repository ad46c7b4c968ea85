/* rpt-find-bar-tag.c: Tag All… in the search bar: a popover that tags
 * every match of the search (in this article, or in all articles) with a
 * speaker, chosen first, and a label, chosen by a click or its number
 * key; one undo step, and a toast that counts what was done.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-color-chip.h"
#include "rpt-find-bar-private.h"

void
_rpt_find_bar_update_tag (RptFindBar *self)
{
  gboolean ready = self->results != NULL && rpt_search_results_is_complete (self->results) &&
                   rpt_search_results_get_n_matches (self->results) > 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_button), ready);
  if (!ready)
    gtk_popover_popdown (self->tag_popover);
}

static GtkWidget *
create_label_button (RptLabel *label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = gtk_label_new (rpt_label_get_name (label));

  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_box_append (GTK_BOX (box), rpt_color_chip_new (rpt_label_get_color (label)));
  gtk_box_append (GTK_BOX (box), name);
  if (rpt_label_get_shortcut (label) > 0)
    {
      g_autofree char *key = g_strdup_printf ("%u", rpt_label_get_shortcut (label));
      GtkWidget *hint = gtk_label_new (key);

      gtk_widget_add_css_class (hint, "dim-label");
      gtk_box_append (GTK_BOX (box), hint);
    }
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "find.tag-all");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", rpt_label_get_id (label));
  return button;
}

/* The speakers as they are now; the one chosen last stays chosen. */
static void
fill_speakers (RptFindBar *self)
{
  GListModel *speakers = rpt_project_get_speakers (self->project);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_clear_pointer (&self->speaker_ids, g_ptr_array_unref);
  self->speaker_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (names, _("No Speaker"));
  g_ptr_array_add (self->speaker_ids, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
    {
      g_autoptr(RptSpeaker) speaker = g_list_model_get_item (speakers, i);

      if (g_strcmp0 (rpt_speaker_get_id (speaker), self->speaker_id) == 0)
        selected = self->speaker_ids->len;
      gtk_string_list_append (names, rpt_speaker_get_name (speaker));
      g_ptr_array_add (self->speaker_ids, g_strdup (rpt_speaker_get_id (speaker)));
    }
  gtk_drop_down_set_model (self->speaker_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->speaker_dropdown, selected);
}

static void
on_popover_shown (RptFindBar *self)
{
  GListModel *labels;
  GtkWidget *child;
  g_autofree char *heading = NULL;
  guint n;

  if (self->project == NULL || self->results == NULL)
    return;

  n = rpt_search_results_get_n_matches (self->results);
  if (gtk_check_button_get_active (self->all_check))
    heading = g_strdup_printf (ngettext ("Tag %u match in all articles", "Tag %u matches in all articles", n), n);
  else
    heading = g_strdup_printf (ngettext ("Tag %u match in this article", "Tag %u matches in this article", n), n);
  gtk_label_set_text (self->tag_heading, heading);

  fill_speakers (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tag_labels_box))))
    gtk_box_remove (self->tag_labels_box, child);
  labels = rpt_project_get_labels (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (labels, i);

      gtk_box_append (self->tag_labels_box, create_label_button (label));
    }
}

static void
tag_all_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RptFindBar *self = RPT_FIND_BAR (widget);
  guint selected = gtk_drop_down_get_selected (self->speaker_dropdown);
  const char *speaker_id = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint tagged = 0, skipped = 0;
  gboolean snap;

  gtk_popover_popdown (self->tag_popover);
  if (self->project == NULL || self->results == NULL || !rpt_search_results_is_complete (self->results))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  if (self->speaker_ids != NULL && selected < self->speaker_ids->len)
    speaker_id = g_ptr_array_index (self->speaker_ids, selected);
  g_free (self->speaker_id);
  self->speaker_id = g_strdup (speaker_id);

  /* As tagging a selection would: snapped to words when that is on. */
  snap = self->view == NULL || rpt_article_view_get_snap_to_words (self->view);
  if (!rpt_search_tag_all (self->project, self->results, g_variant_get_string (parameter, NULL), speaker_id,
                           snap, _("Tag All Matches"), &tagged, &skipped, &error))
    {
      _rpt_find_bar_toast (self, error->message);
      return;
    }
  if (skipped == 0)
    message = g_strdup_printf (ngettext ("Tagged %u match", "Tagged %u matches", tagged), tagged);
  else
    /* Translators: the plural follows the first number. */
    message = g_strdup_printf (ngettext ("Tagged %u match, skipped %u already tagged",
                                         "Tagged %u matches, skipped %u already tagged", tagged),
                               tagged, skipped);
  _rpt_find_bar_toast (self, message);
}

/* 1–9 in the popover: the label with that key. */
static gboolean
tag_by_key (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  RptFindBar *self = RPT_FIND_BAR (user_data);
  RptLabel *label;

  if (self->project == NULL ||
      (label = rpt_project_get_label_by_shortcut (self->project, g_variant_get_uint32 (args))) == NULL)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "find.tag-all", "s", rpt_label_get_id (label));
  return TRUE;
}

void
_rpt_find_bar_class_init_tag (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "find.tag-all", "s", tag_all_action);
}

void
_rpt_find_bar_init_tag (RptFindBar *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_drop_down_set_expression (self->speaker_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  g_signal_connect_object (self->tag_popover, "show", G_CALLBACK (on_popover_shown), self, G_CONNECT_SWAPPED);

  /* Bubbling: a digit typed into the speaker search stays there. */
  for (guint i = 1; i <= 9; i++)
    {
      GtkShortcut *shortcut;

      shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_0 + i, 0),
                                   gtk_callback_action_new (tag_by_key, self, NULL));
      gtk_shortcut_set_arguments (shortcut, g_variant_new_uint32 (i));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
      shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_0 + i, 0),
                                   gtk_callback_action_new (tag_by_key, self, NULL));
      gtk_shortcut_set_arguments (shortcut, g_variant_new_uint32 (i));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self->tag_popover), controller);
  _rpt_find_bar_update_tag (self);
}
