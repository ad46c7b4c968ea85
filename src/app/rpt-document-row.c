/* rpt-document-row.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "rpt-document-row.h"

struct _RptDocumentRow
{
  GtkWidget    parent_instance;

  RptDocument *document;
  GtkLabel    *title_label;
  GtkLabel    *subtitle_label;
};

G_DEFINE_FINAL_TYPE (RptDocumentRow, rpt_document_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_subtitle (RptDocumentRow *self)
{
  g_autofree char *text = NULL;
  guint n;

  if (self->document == NULL)
    {
      gtk_label_set_label (self->subtitle_label, "");
      return;
    }
  n = rpt_document_get_n_annotations (self->document);
  /* Translators: the sidebar line under an article's title; %s is the file
   * it came from, %u the number of annotations in it */
  text = g_strdup_printf (ngettext ("%s · %u annotation", "%s · %u annotations", n),
                          rpt_document_get_source (self->document), n);
  gtk_label_set_label (self->subtitle_label, text);
}

void
rpt_document_row_set_document (RptDocumentRow *self,
                               RptDocument    *document)
{
  g_return_if_fail (RPT_IS_DOCUMENT_ROW (self));

  if (self->document == document)
    return;
  if (self->document)
    g_signal_handlers_disconnect_by_func (self->document, update_subtitle, self);
  g_set_object (&self->document, document);
  if (document)
    {
      const char *title = rpt_document_get_title (document);

      g_signal_connect_object (document, "notify::n-annotations",
                               G_CALLBACK (update_subtitle), self, G_CONNECT_SWAPPED);
      gtk_label_set_label (self->title_label, title);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), title);
    }
  else
    gtk_label_set_label (self->title_label, "");
  update_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

RptDocument *
rpt_document_row_get_document (RptDocumentRow *self)
{
  g_return_val_if_fail (RPT_IS_DOCUMENT_ROW (self), NULL);
  return self->document;
}

const char *
rpt_document_row_get_subtitle (RptDocumentRow *self)
{
  g_return_val_if_fail (RPT_IS_DOCUMENT_ROW (self), NULL);
  return gtk_label_get_label (self->subtitle_label);
}

GtkWidget *
rpt_document_row_new (void)
{
  return g_object_new (RPT_TYPE_DOCUMENT_ROW, NULL);
}

static void
rpt_document_row_dispose (GObject *object)
{
  RptDocumentRow *self = RPT_DOCUMENT_ROW (object);

  GtkWidget *child;

  rpt_document_row_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_DOCUMENT_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rpt_document_row_parent_class)->dispose (object);
}

static void
rpt_document_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RptDocumentRow *self = RPT_DOCUMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_document_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RptDocumentRow *self = RPT_DOCUMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      rpt_document_row_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_document_row_class_init (RptDocumentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_document_row_dispose;
  object_class->get_property = rpt_document_row_get_property;
  object_class->set_property = rpt_document_row_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, RPT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/repartee/Repartee/rpt-document-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RptDocumentRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RptDocumentRow, subtitle_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rpt_document_row_init (RptDocumentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
