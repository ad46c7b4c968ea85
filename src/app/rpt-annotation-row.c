/* rpt-annotation-row.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rpt-annotation-format.h"
#include "rpt-annotation-row.h"
#include "rpt-color-chip.h"

#define EXCERPT_CHARS 160
#define TARGET_EXCERPT_CHARS 40

struct _RptAnnotationRow
{
  GtkWidget      parent_instance;

  RptProject    *project;
  RptAnnotation *annotation;
  GSignalGroup  *project_signals;

  RptColorChip  *chip;
  GtkLabel      *label_name;
  GtkLabel      *speaker_name;
  GtkLabel      *excerpt;
  GtkBox        *relations_box;
  GtkLabel      *document_title;

  guint          show_document : 1;
};

G_DEFINE_FINAL_TYPE (RptAnnotationRow, rpt_annotation_row, GTK_TYPE_WIDGET)

static void
update_relations (RptAnnotationRow *self)
{
  g_autoptr(GPtrArray) relations = NULL;
  const char *id = rpt_annotation_get_id (self->annotation);
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->relations_box));
  guint shown = 0;

  relations = rpt_project_relations_of (self->project, id);
  for (guint i = 0; i < relations->len; i++)
    {
      RptRelation *relation = g_ptr_array_index (relations, i);
      RptAnnotation *target;
      g_autofree char *excerpt = NULL;
      g_autofree char *text = NULL;

      /* The list shows what this span answers; who answers it is in the
       * details. */
      if (g_strcmp0 (rpt_relation_get_from (relation), id) != 0)
        continue;
      target = rpt_project_get_annotation (self->project, rpt_relation_get_to (relation));
      if (target == NULL)
        continue;

      excerpt = rpt_annotation_format_excerpt (self->project, target, TARGET_EXCERPT_CHARS);
      /* Translators: a relation line under an annotation in the list,
       * e.g. "↳ rebuts: “Johnson said…”" */
      text = g_strdup_printf (_("↳ %s: “%s”"),
                              rpt_relation_type_get_verb (rpt_relation_get_kind (relation)),
                              excerpt);

      /* Reuse the labels already there: rows update after every edit. */
      if (child == NULL)
        {
          child = gtk_label_new (NULL);
          gtk_label_set_xalign (GTK_LABEL (child), 0);
          gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
          gtk_widget_add_css_class (child, "caption");
          gtk_widget_add_css_class (child, "dim-label");
          gtk_box_append (self->relations_box, child);
        }
      gtk_label_set_text (GTK_LABEL (child), text);
      child = gtk_widget_get_next_sibling (child);
      shown++;
    }

  while (child)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      gtk_box_remove (self->relations_box, child);
      child = next;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->relations_box), shown > 0);
}

void
rpt_annotation_row_update (RptAnnotationRow *self)
{
  RptLabel *label;
  RptSpeaker *speaker = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *speaker_text = NULL;

  g_return_if_fail (RPT_IS_ANNOTATION_ROW (self));

  if (self->annotation == NULL || self->project == NULL)
    return;

  label = rpt_project_get_label (self->project, rpt_annotation_get_label (self->annotation));
  rpt_color_chip_set_color (self->chip, label ? rpt_label_get_color (label) : NULL);
  gtk_label_set_text (self->label_name,
                      label ? rpt_label_get_name (label) : rpt_annotation_get_label (self->annotation));

  if (rpt_annotation_get_speaker (self->annotation))
    speaker = rpt_project_get_speaker (self->project, rpt_annotation_get_speaker (self->annotation));
  if (speaker)
    speaker_text = g_strdup_printf ("· %s", rpt_speaker_get_name (speaker));
  gtk_label_set_text (self->speaker_name, speaker_text ? speaker_text : "");

  excerpt = rpt_annotation_format_excerpt (self->project, self->annotation, EXCERPT_CHARS);
  /* Translators: the quoted span under an annotation's label */
  quoted = g_strdup_printf (_("“%s”"), excerpt);
  gtk_label_set_text (self->excerpt, quoted);

  update_relations (self);

  if (self->show_document)
    {
      RptDocument *document =
        rpt_project_get_document (self->project, rpt_annotation_get_document (self->annotation));

      gtk_label_set_text (self->document_title, document ? rpt_document_get_title (document) : "");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->document_title), self->show_document);
}

static void
rpt_annotation_row_dispose (GObject *object)
{
  RptAnnotationRow *self = RPT_ANNOTATION_ROW (object);
  GtkWidget *child;

  rpt_annotation_row_unbind (self);
  g_clear_object (&self->project_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_ANNOTATION_ROW);
  /* The template's unnamed box is not a bound child. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rpt_annotation_row_parent_class)->dispose (object);
}

static void
rpt_annotation_row_class_init (RptAnnotationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_annotation_row_dispose;

  g_type_ensure (RPT_TYPE_COLOR_CHIP);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/repartee/Repartee/rpt-annotation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RptAnnotationRow, chip);
  gtk_widget_class_bind_template_child (widget_class, RptAnnotationRow, label_name);
  gtk_widget_class_bind_template_child (widget_class, RptAnnotationRow, speaker_name);
  gtk_widget_class_bind_template_child (widget_class, RptAnnotationRow, excerpt);
  gtk_widget_class_bind_template_child (widget_class, RptAnnotationRow, relations_box);
  gtk_widget_class_bind_template_child (widget_class, RptAnnotationRow, document_title);
  gtk_widget_class_set_css_name (widget_class, "annotationrow");
}

static void
rpt_annotation_row_init (RptAnnotationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->project_signals = g_signal_group_new (RPT_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "changed",
                                  G_CALLBACK (rpt_annotation_row_update), self);
}

GtkWidget *
rpt_annotation_row_new (void)
{
  return g_object_new (RPT_TYPE_ANNOTATION_ROW, NULL);
}

void
rpt_annotation_row_bind (RptAnnotationRow *self,
                         RptProject       *project,
                         RptAnnotation    *annotation)
{
  g_return_if_fail (RPT_IS_ANNOTATION_ROW (self));
  g_return_if_fail (RPT_IS_PROJECT (project));
  g_return_if_fail (RPT_IS_ANNOTATION (annotation));

  g_set_object (&self->project, project);
  g_set_object (&self->annotation, annotation);
  g_signal_group_set_target (self->project_signals, project);
  rpt_annotation_row_update (self);
}

void
rpt_annotation_row_unbind (RptAnnotationRow *self)
{
  g_return_if_fail (RPT_IS_ANNOTATION_ROW (self));

  if (self->project_signals)
    g_signal_group_set_target (self->project_signals, NULL);
  g_clear_object (&self->project);
  g_clear_object (&self->annotation);
}

RptAnnotation *
rpt_annotation_row_get_annotation (RptAnnotationRow *self)
{
  g_return_val_if_fail (RPT_IS_ANNOTATION_ROW (self), NULL);
  return self->annotation;
}

void
rpt_annotation_row_set_show_document (RptAnnotationRow *self,
                                      gboolean          show_document)
{
  g_return_if_fail (RPT_IS_ANNOTATION_ROW (self));

  self->show_document = !!show_document;
  rpt_annotation_row_update (self);
  gtk_widget_set_visible (GTK_WIDGET (self->document_title), self->show_document);
}
