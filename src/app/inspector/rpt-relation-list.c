/* rpt-relation-list.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rpt-annotation-format.h"
#include "rpt-color-chip.h"
#include "rpt-relation-list.h"

#define EXCERPT_CHARS 80

struct _RptRelationList
{
  GtkWidget      parent_instance;

  RptProject    *project;
  RptAnnotation *annotation;
  char          *signature;   /* of what the rows show */

  GtkListBox    *list_box;
};

G_DEFINE_FINAL_TYPE (RptRelationList, rpt_relation_list, GTK_TYPE_WIDGET)

enum {
  ANNOTATION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static RptAnnotation *
other_end (RptRelationList *self,
           RptRelation     *relation,
           gboolean        *outgoing)
{
  *outgoing = g_strcmp0 (rpt_relation_get_from (relation), rpt_annotation_get_id (self->annotation)) == 0;
  return rpt_project_get_annotation (self->project,
                                     *outgoing ? rpt_relation_get_to (relation) : rpt_relation_get_from (relation));
}

static GtkWidget *
create_row (RptRelationList *self,
            RptRelation     *relation)
{
  gboolean outgoing;
  RptAnnotation *other = other_end (self, relation, &outgoing);
  RptRelationType kind = rpt_relation_get_kind (relation);
  RptLabel *label;
  g_autofree char *title = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row, *button;

  if (other == NULL)
    return NULL;

  title = rpt_annotation_format_title (self->project, other);
  excerpt = rpt_annotation_format_excerpt (self->project, other, EXCERPT_CHARS);
  /* Translators: a linked annotation: "Claim · Lavrov: “…”" */
  subtitle = g_strdup_printf (_("%s: “%s”"), title, excerpt);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 outgoing ? rpt_relation_type_get_display (kind)
                                          : rpt_relation_type_get_inverse_display (kind));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Show the linked annotation"));
  g_object_set_data_full (G_OBJECT (row), "annotation", g_object_ref (other), g_object_unref);

  label = rpt_project_get_label (self->project, rpt_annotation_get_label (other));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), rpt_color_chip_new (label ? rpt_label_get_color (label) : NULL));

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_name (button, "link-remove");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Remove Link"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Link"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "relations.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", rpt_relation_get_id (relation));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static char *
dup_signature (RptRelationList *self,
               GPtrArray       *relations)
{
  GString *signature = g_string_new (rpt_annotation_get_id (self->annotation));

  for (guint i = 0; i < relations->len; i++)
    {
      RptRelation *relation = g_ptr_array_index (relations, i);
      gboolean outgoing;
      RptAnnotation *other = other_end (self, relation, &outgoing);

      g_string_append_printf (signature, "|%s", rpt_relation_get_id (relation));
      if (other)
        {
          g_autofree char *title = rpt_annotation_format_title (self->project, other);
          RptLabel *label = rpt_project_get_label (self->project, rpt_annotation_get_label (other));

          g_string_append_printf (signature, "/%s/%s/%u/%u", title,
                                  label ? rpt_label_get_color (label) : "",
                                  rpt_annotation_get_start (other), rpt_annotation_get_end (other));
        }
    }
  return g_string_free (signature, FALSE);
}

void
rpt_relation_list_update (RptRelationList *self,
                          RptProject      *project,
                          RptAnnotation   *annotation)
{
  g_autoptr(GPtrArray) relations = NULL;
  g_autofree char *signature = NULL;
  GtkListBoxRow *old;

  g_return_if_fail (RPT_IS_RELATION_LIST (self));
  g_return_if_fail (!project || RPT_IS_PROJECT (project));
  g_return_if_fail (!annotation || RPT_IS_ANNOTATION (annotation));

  g_set_object (&self->project, project);
  g_set_object (&self->annotation, annotation);

  if (project && annotation)
    {
      relations = rpt_project_relations_of (project, rpt_annotation_get_id (annotation));
      signature = dup_signature (self, relations);
    }
  if (g_strcmp0 (signature, self->signature) == 0)
    return;
  g_free (self->signature);
  self->signature = g_steal_pointer (&signature);

  /* Row by row: the first child may be the placeholder, which stays. */
  while ((old = gtk_list_box_get_row_at_index (self->list_box, 0)))
    gtk_list_box_remove (self->list_box, GTK_WIDGET (old));
  for (guint i = 0; relations && i < relations->len; i++)
    {
      GtkWidget *row = create_row (self, g_ptr_array_index (relations, i));

      if (row)
        gtk_list_box_append (self->list_box, row);
    }
}

static void
on_row_activated (RptRelationList *self,
                  GtkListBoxRow   *row)
{
  RptAnnotation *other = g_object_get_data (G_OBJECT (row), "annotation");

  if (other)
    g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, other);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RptRelationList *self = RPT_RELATION_LIST (widget);

  if (self->project)
    rpt_project_remove_relation (self->project, g_variant_get_string (parameter, NULL));
}

static void
rpt_relation_list_dispose (GObject *object)
{
  RptRelationList *self = RPT_RELATION_LIST (object);

  if (self->list_box)
    {
      gtk_widget_unparent (GTK_WIDGET (self->list_box));
      self->list_box = NULL;
    }
  g_clear_object (&self->project);
  g_clear_object (&self->annotation);

  G_OBJECT_CLASS (rpt_relation_list_parent_class)->dispose (object);
}

static void
rpt_relation_list_finalize (GObject *object)
{
  RptRelationList *self = RPT_RELATION_LIST (object);

  g_free (self->signature);

  G_OBJECT_CLASS (rpt_relation_list_parent_class)->finalize (object);
}

static void
rpt_relation_list_class_init (RptRelationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_relation_list_dispose;
  object_class->finalize = rpt_relation_list_finalize;

  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RPT_TYPE_ANNOTATION);

  gtk_widget_class_install_action (widget_class, "relations.remove", "s", remove_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "relationlist");
}

static void
rpt_relation_list_init (RptRelationList *self)
{
  GtkWidget *placeholder = gtk_label_new (_("No links"));

  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "boxed-list");
  gtk_widget_set_parent (GTK_WIDGET (self->list_box), GTK_WIDGET (self));
  g_signal_connect_object (self->list_box, "row-activated", G_CALLBACK (on_row_activated),
                           self, G_CONNECT_SWAPPED);

  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->list_box, placeholder);
}
