/* rpt-color-swatch.c: a small rounded square in a label's colour.
 * Size and corner radius come from CSS (node "swatch"), so the same widget
 * serves as a dot in a list and as a chip in a button.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rpt-color-swatch.h"

struct _RptColorSwatch
{
  GtkWidget  parent_instance;

  char      *color;
  GdkRGBA    rgba;
  gboolean   valid;
};

G_DEFINE_FINAL_TYPE (RptColorSwatch, rpt_color_swatch, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rpt_color_swatch_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  RptColorSwatch *self = RPT_COLOR_SWATCH (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float radius = MIN (width, height) / 4.0f;
  GskRoundedRect outline;
  GdkRGBA edge;

  if (!self->valid || width <= 0 || height <= 0)
    return;

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &self->rgba, &outline.bounds);
  gtk_snapshot_pop (snapshot);

  /* A faint rim keeps pale colours (yellow) visible on light backgrounds. */
  edge = (GdkRGBA) { 0, 0, 0, 0.12f };
  gtk_snapshot_append_border (snapshot, &outline,
                              (float[4]) { 1, 1, 1, 1 },
                              (GdkRGBA[4]) { edge, edge, edge, edge });
}

static void
rpt_color_swatch_finalize (GObject *object)
{
  RptColorSwatch *self = RPT_COLOR_SWATCH (object);

  g_free (self->color);

  G_OBJECT_CLASS (rpt_color_swatch_parent_class)->finalize (object);
}

static void
rpt_color_swatch_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RptColorSwatch *self = RPT_COLOR_SWATCH (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_color_swatch_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RptColorSwatch *self = RPT_COLOR_SWATCH (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      rpt_color_swatch_set_color (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_color_swatch_class_init (RptColorSwatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rpt_color_swatch_finalize;
  object_class->get_property = rpt_color_swatch_get_property;
  object_class->set_property = rpt_color_swatch_set_property;

  widget_class->snapshot = rpt_color_swatch_snapshot;

  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "swatch");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rpt_color_swatch_init (RptColorSwatch *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
rpt_color_swatch_new (const char *color)
{
  return g_object_new (RPT_TYPE_COLOR_SWATCH, "color", color, NULL);
}

const char *
rpt_color_swatch_get_color (RptColorSwatch *self)
{
  g_return_val_if_fail (RPT_IS_COLOR_SWATCH (self), NULL);
  return self->color;
}

void
rpt_color_swatch_set_color (RptColorSwatch *self,
                            const char     *color)
{
  g_return_if_fail (RPT_IS_COLOR_SWATCH (self));

  if (g_strcmp0 (self->color, color) == 0)
    return;

  g_free (self->color);
  self->color = g_strdup (color);
  self->valid = color != NULL && gdk_rgba_parse (&self->rgba, color);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}
