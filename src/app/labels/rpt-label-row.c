/* rpt-label-row.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-color-chip.h"
#include "rpt-label-row.h"

/* GNOME's palette (the HIG's colours), strong enough to tint text with and
 * tell apart in light and dark styles. */
static const char * const palette_colors[] = {
  "#3584e4", /* blue 3 */
  "#e01b24", /* red 3 */
  "#f5c211", /* yellow 4 */
  "#2ec27e", /* green 4 */
  "#9141ac", /* purple 3 */
  "#ff7800", /* orange 3 */
  "#986a44", /* brown 3 */
  "#c061cb", /* purple 2 */
  "#1a5fb4", /* blue 5 */
  "#5e5c64", /* dark 2 */
  NULL
};

/* Translators: the names of the colour swatches of a label */
static const char * const palette_names[] = {
  NC_("colour", "Blue"), NC_("colour", "Red"), NC_("colour", "Yellow"), NC_("colour", "Green"),
  NC_("colour", "Purple"), NC_("colour", "Orange"), NC_("colour", "Brown"), NC_("colour", "Pink"),
  NC_("colour", "Dark Blue"), NC_("colour", "Grey"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (palette_colors) == G_N_ELEMENTS (palette_names) + 1);

struct _RptLabelRow
{
  AdwExpanderRow  parent_instance;

  RptProject     *project;
  RptLabel       *label;
  GSignalGroup   *project_signals;
  GPtrArray      *swatch_buttons;   /* GtkToggleButton, palette order */
  gboolean        updating;

  RptColorChip   *chip;
  GtkWidget      *up_button;
  GtkWidget      *down_button;
  AdwEntryRow    *name_row;
  GtkFlowBox     *swatches;
  GtkToggleButton *custom_button;
  RptColorChip   *custom_chip;
  AdwComboRow    *shortcut_row;
  AdwEntryRow    *description_row;
  GtkWidget      *remove_button;
};

G_DEFINE_FINAL_TYPE (RptLabelRow, rpt_label_row, ADW_TYPE_EXPANDER_ROW)

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char * const *
rpt_label_palette_colors (void)
{
  return palette_colors;
}

const char *
rpt_label_palette_name (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (palette_names), NULL);
  return g_dpgettext2 (NULL, "colour", palette_names[index]);
}

static void
report (RptLabelRow *self,
        GError      *error)
{
  g_signal_emit (self, signals[ERROR], 0, error->message);
  rpt_label_row_update (self);
}

static gboolean
is_editing (gpointer widget)
{
  return (gtk_widget_get_state_flags (GTK_WIDGET (widget)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  /* Leave alone what the user is typing. */
  if (!is_editing (row) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

void
rpt_label_row_update (RptLabelRow *self)
{
  const char *id, *color;
  guint shortcut, uses, position = 0, n;
  GListModel *labels;
  g_autofree char *uses_text = NULL;
  g_autofree char *subtitle = NULL;
  gboolean in_palette = FALSE;

  g_return_if_fail (RPT_IS_LABEL_ROW (self));

  if (self->label == NULL || self->project == NULL)
    return;
  id = rpt_label_get_id (self->label);
  /* A removed label's row lives until the list drops it. */
  if (rpt_project_get_label (self->project, id) != self->label)
    return;

  self->updating = TRUE;
  color = rpt_label_get_color (self->label);
  shortcut = rpt_label_get_shortcut (self->label);
  uses = rpt_project_count_label_uses (self->project, id);

  rpt_color_chip_set_color (self->chip, color);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), rpt_label_get_name (self->label));
  if (uses == 0)
    uses_text = g_strdup (_("Not used yet"));
  else
    uses_text = g_strdup_printf (ngettext ("%u annotation", "%u annotations", uses), uses);
  if (shortcut)
    /* Translators: a label's shortcut key and how many annotations use it */
    subtitle = g_strdup_printf (_("Key %u · %s"), shortcut, uses_text);
  else
    subtitle = g_strdup (uses_text);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);

  set_entry_text (self->name_row, rpt_label_get_name (self->label));
  set_entry_text (self->description_row, rpt_label_get_description (self->label));
  adw_combo_row_set_selected (self->shortcut_row, shortcut <= 9 ? shortcut : 0);

  for (guint i = 0; i < self->swatch_buttons->len; i++)
    {
      gboolean current = g_ascii_strcasecmp (palette_colors[i], color) == 0;

      gtk_toggle_button_set_active (g_ptr_array_index (self->swatch_buttons, i), current);
      in_palette |= current;
    }
  /* A colour from outside the palette shows on the custom button. */
  gtk_toggle_button_set_active (self->custom_button, !in_palette);
  rpt_color_chip_set_color (self->custom_chip, in_palette ? NULL : color);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_chip), !in_palette);

  labels = rpt_project_get_labels (self->project);
  n = g_list_model_get_n_items (labels);
  for (position = 0; position < n; position++)
    {
      g_autoptr(RptLabel) other = g_list_model_get_item (labels, position);

      if (other == self->label)
        break;
    }
  gtk_widget_set_sensitive (self->up_button, position > 0);
  gtk_widget_set_sensitive (self->down_button, position + 1 < n);
  self->updating = FALSE;
}

static void
on_name_apply (RptLabelRow *self)
{
  g_autoptr(GError) error = NULL;

  if (!rpt_project_rename_label (self->project, rpt_label_get_id (self->label),
                                 gtk_editable_get_text (GTK_EDITABLE (self->name_row)), &error))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), rpt_label_get_name (self->label));
      report (self, error);
    }
}

static void
on_description_apply (RptLabelRow *self)
{
  rpt_project_set_label_description (self->project, rpt_label_get_id (self->label),
                                     gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
}

static void
set_color (RptLabelRow *self,
           const char  *color)
{
  g_autoptr(GError) error = NULL;

  if (g_ascii_strcasecmp (color, rpt_label_get_color (self->label)) == 0)
    {
      rpt_label_row_update (self);
      return;
    }
  if (!rpt_project_set_label_color (self->project, rpt_label_get_id (self->label), color, &error))
    report (self, error);
}

static void
on_swatch_clicked (GtkButton   *button,
                   RptLabelRow *self)
{
  if (self->updating)
    return;
  set_color (self, g_object_get_data (G_OBJECT (button), "color"));
}

static void
on_custom_color_response (GtkDialog   *dialog,
                          int          response,
                          RptLabelRow *self)
{
  GdkRGBA rgba;
  g_autofree char *color = NULL;

  if (response != GTK_RESPONSE_OK)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      rpt_label_row_update (self);
      return;
    }
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
  gtk_window_destroy (GTK_WINDOW (dialog));
  color = g_strdup_printf ("#%02x%02x%02x",
                           (guint) (CLAMP (rgba.red, 0, 1) * 255 + 0.5),
                           (guint) (CLAMP (rgba.green, 0, 1) * 255 + 0.5),
                           (guint) (CLAMP (rgba.blue, 0, 1) * 255 + 0.5));
  set_color (self, color);
}

static void
on_custom_clicked (RptLabelRow *self)
{
  GtkWidget *dialog;
  GdkRGBA rgba;

  if (self->updating)
    return;
  dialog = gtk_color_chooser_dialog_new (_("Label Colour"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (dialog), FALSE);
  if (gdk_rgba_parse (&rgba, rpt_label_get_color (self->label)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_custom_color_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_shortcut_selected (RptLabelRow *self)
{
  g_autoptr(GError) error = NULL;
  guint key = adw_combo_row_get_selected (self->shortcut_row);

  if (self->updating || key > 9 || key == rpt_label_get_shortcut (self->label))
    return;
  if (!rpt_project_set_label_shortcut (self->project, rpt_label_get_id (self->label), key, &error))
    report (self, error);
}

/* Clicked handlers rather than action-name: an actionable button's
 * sensitivity follows its action, and these depend on the position. */
static void
on_move_up (RptLabelRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "labels.move-up", "s", rpt_label_get_id (self->label));
}

static void
on_move_down (RptLabelRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "labels.move-down", "s", rpt_label_get_id (self->label));
}

static void
rpt_label_row_dispose (GObject *object)
{
  RptLabelRow *self = RPT_LABEL_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_LABEL_ROW);
  g_clear_object (&self->project_signals);
  g_clear_pointer (&self->swatch_buttons, g_ptr_array_unref);
  g_clear_object (&self->project);
  g_clear_object (&self->label);

  G_OBJECT_CLASS (rpt_label_row_parent_class)->dispose (object);
}

static void
rpt_label_row_class_init (RptLabelRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_label_row_dispose;

  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (RPT_TYPE_COLOR_CHIP);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/repartee/Repartee/rpt-label-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RptLabelRow, chip);
  gtk_widget_class_bind_template_child (widget_class, RptLabelRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, RptLabelRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, RptLabelRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, RptLabelRow, swatches);
  gtk_widget_class_bind_template_child (widget_class, RptLabelRow, shortcut_row);
  gtk_widget_class_bind_template_child (widget_class, RptLabelRow, description_row);
  gtk_widget_class_bind_template_child (widget_class, RptLabelRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_description_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_move_up);
  gtk_widget_class_bind_template_callback (widget_class, on_move_down);
}

static GtkWidget *
create_swatch (RptLabelRow *self,
               guint        index)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *chip = rpt_color_chip_new (palette_colors[index]);
  g_autofree char *name = g_strdup_printf ("swatch-%s", palette_colors[index]);

  gtk_widget_set_size_request (chip, 22, 22);
  gtk_button_set_child (GTK_BUTTON (button), chip);
  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, rpt_label_palette_name (index));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rpt_label_palette_name (index), -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "color", (gpointer) palette_colors[index]);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_swatch_clicked), self, 0);
  return button;
}

static void
rpt_label_row_init (RptLabelRow *self)
{
  g_autoptr(GtkStringList) keys = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->swatch_buttons = g_ptr_array_new ();
  for (guint i = 0; palette_colors[i]; i++)
    {
      GtkWidget *swatch = create_swatch (self, i);

      g_ptr_array_add (self->swatch_buttons, swatch);
      gtk_flow_box_append (self->swatches, swatch);
    }
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

    self->custom_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
    self->custom_chip = RPT_COLOR_CHIP (rpt_color_chip_new (NULL));
    gtk_widget_set_size_request (GTK_WIDGET (self->custom_chip), 22, 22);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->custom_chip));
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("color-select-symbolic"));
    gtk_button_set_child (GTK_BUTTON (self->custom_button), box);
    gtk_widget_set_name (GTK_WIDGET (self->custom_button), "label-custom-color");
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->custom_button), _("Custom Colour…"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->custom_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Custom Colour…"), -1);
    gtk_widget_add_css_class (GTK_WIDGET (self->custom_button), "flat");
    g_signal_connect_object (self->custom_button, "clicked", G_CALLBACK (on_custom_clicked),
                             self, G_CONNECT_SWAPPED);
    gtk_flow_box_append (self->swatches, GTK_WIDGET (self->custom_button));
  }

  /* Translators: the first choice of the Shortcut Key list: no key */
  gtk_string_list_append (keys, C_("shortcut key", "None"));
  for (guint key = 1; key <= 9; key++)
    {
      char text[2] = { (char) ('0' + key), 0 };

      gtk_string_list_append (keys, text);
    }
  adw_combo_row_set_model (self->shortcut_row, G_LIST_MODEL (keys));
  g_signal_connect_object (self->shortcut_row, "notify::selected", G_CALLBACK (on_shortcut_selected),
                           self, G_CONNECT_SWAPPED);

  self->project_signals = g_signal_group_new (RPT_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "changed", G_CALLBACK (rpt_label_row_update), self);
}

GtkWidget *
rpt_label_row_new (RptProject *project,
                   RptLabel   *label)
{
  RptLabelRow *self;
  g_autofree char *name = NULL;
  GVariant *target;

  g_return_val_if_fail (RPT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (RPT_IS_LABEL (label), NULL);

  self = g_object_new (RPT_TYPE_LABEL_ROW, NULL);
  self->project = g_object_ref (project);
  self->label = g_object_ref (label);
  g_signal_group_set_target (self->project_signals, project);
  g_signal_connect_object (label, "notify", G_CALLBACK (rpt_label_row_update), self, G_CONNECT_SWAPPED);

  name = g_strdup_printf ("label-row-%s", rpt_label_get_id (label));
  gtk_widget_set_name (GTK_WIDGET (self), name);
  target = g_variant_new_string (rpt_label_get_id (label));
  g_variant_ref_sink (target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->remove_button), target);
  g_variant_unref (target);

  rpt_label_row_update (self);
  return GTK_WIDGET (self);
}

RptLabel *
rpt_label_row_get_label (RptLabelRow *self)
{
  g_return_val_if_fail (RPT_IS_LABEL_ROW (self), NULL);
  return self->label;
}

void
rpt_label_row_edit_name (RptLabelRow *self)
{
  g_return_if_fail (RPT_IS_LABEL_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  gtk_editable_select_region (GTK_EDITABLE (self->name_row), 0, -1);
}
