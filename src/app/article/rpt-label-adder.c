/* rpt-label-adder.c: label buttons in a popover at the selection.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-color-chip.h"
#include "rpt-core.h"
#include "rpt-label-adder.h"

struct _RptLabelAdder
{
  GtkPopover  parent_instance;

  GtkBox     *box;
  GListModel *labels;
};

G_DEFINE_FINAL_TYPE (RptLabelAdder, rpt_label_adder, GTK_TYPE_POPOVER)

static GtkWidget *
create_button (RptLabel *label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (rpt_label_get_name (label));
  const char *description = rpt_label_get_description (label);
  guint shortcut = rpt_label_get_shortcut (label);

  gtk_box_append (GTK_BOX (content), rpt_color_chip_new (rpt_label_get_color (label)));
  gtk_box_append (GTK_BOX (content), name);
  if (shortcut >= 1 && shortcut <= 9)
    {
      g_autofree char *key = g_strdup_printf ("%u", shortcut);
      GtkWidget *keycap = gtk_shortcut_label_new (key);

      gtk_widget_add_css_class (keycap, "dim-label");
      gtk_box_append (GTK_BOX (content), keycap);
    }

  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  /* Clicking must not take the focus (and the selection) from the text. */
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "article.tag");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", rpt_label_get_id (label));
  if (description != NULL && *description != '\0')
    gtk_widget_set_tooltip_text (button, description);

  return button;
}

static void
rebuild (RptLabelAdder *self)
{
  GtkWidget *child;
  guint n = self->labels ? g_list_model_get_n_items (self->labels) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))))
    gtk_box_remove (self->box, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (self->labels, i);

      gtk_box_append (self->box, create_button (label));
    }

  if (n == 0)
    {
      GtkWidget *empty = gtk_label_new (_("This project has no labels yet"));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_box_append (self->box, empty);
    }
}

static void
rpt_label_adder_dispose (GObject *object)
{
  RptLabelAdder *self = RPT_LABEL_ADDER (object);

  g_clear_object (&self->labels);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_LABEL_ADDER);

  G_OBJECT_CLASS (rpt_label_adder_parent_class)->dispose (object);
}

static void
rpt_label_adder_class_init (RptLabelAdderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_label_adder_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/repartee/Repartee/rpt-label-adder.ui");
  gtk_widget_class_bind_template_child (widget_class, RptLabelAdder, box);
}

static void
rpt_label_adder_init (RptLabelAdder *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
rpt_label_adder_set_labels (RptLabelAdder *self,
                            GListModel    *labels)
{
  g_return_if_fail (RPT_IS_LABEL_ADDER (self));

  g_set_object (&self->labels, labels);
}

void
rpt_label_adder_popup_at (RptLabelAdder      *self,
                          const GdkRectangle *rect)
{
  g_return_if_fail (RPT_IS_LABEL_ADDER (self));

  /* Rebuilt on each show: labels are few and may have been renamed,
   * recoloured or given other keys since the last time. */
  rebuild (self);
  gtk_popover_set_pointing_to (GTK_POPOVER (self), rect);
  gtk_popover_popup (GTK_POPOVER (self));
}
