/* rpt-color-chip.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include "rpt-color-chip.h"

struct _RptColorChip
{
  GtkWidget  parent_instance;

  char      *color;
  GdkRGBA    rgba;
  gboolean   valid;
};

G_DEFINE_FINAL_TYPE (RptColorChip, rpt_color_chip, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rpt_color_chip_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  RptColorChip *self = RPT_COLOR_CHIP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float radius;
  GskRoundedRect rect;
  GdkRGBA border;

  if (!self->valid || width <= 0 || height <= 0)
    return;

  /* Rounded like libadwaita's small controls; a thin darker edge keeps
   * light colours (yellow) visible on a light background. */
  radius = MIN (MIN (width, height) / 2.0f, 4.0f);
  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (0, 0, width, height), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, &self->rgba, &rect.bounds);
  gtk_snapshot_pop (snapshot);

  border = (GdkRGBA) { 0, 0, 0, 0.15f };
  gtk_snapshot_append_border (snapshot, &rect,
                              (float[4]) { 1, 1, 1, 1 },
                              (GdkRGBA[4]) { border, border, border, border });
}

static void
rpt_color_chip_finalize (GObject *object)
{
  RptColorChip *self = RPT_COLOR_CHIP (object);

  g_free (self->color);

  G_OBJECT_CLASS (rpt_color_chip_parent_class)->finalize (object);
}

static void
rpt_color_chip_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RptColorChip *self = RPT_COLOR_CHIP (object);

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
rpt_color_chip_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RptColorChip *self = RPT_COLOR_CHIP (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      rpt_color_chip_set_color (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_color_chip_class_init (RptColorChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rpt_color_chip_finalize;
  object_class->get_property = rpt_color_chip_get_property;
  object_class->set_property = rpt_color_chip_set_property;
  widget_class->snapshot = rpt_color_chip_snapshot;

  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "colorchip");
}

static void
rpt_color_chip_init (RptColorChip *self)
{
  gtk_widget_set_size_request (GTK_WIDGET (self), 12, 12);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
rpt_color_chip_new (const char *color)
{
  return g_object_new (RPT_TYPE_COLOR_CHIP, "color", color, NULL);
}

void
rpt_color_chip_set_color (RptColorChip *self,
                          const char   *color)
{
  g_return_if_fail (RPT_IS_COLOR_CHIP (self));

  if (g_strcmp0 (self->color, color) == 0)
    return;
  g_free (self->color);
  self->color = g_strdup (color);
  self->valid = color != NULL && gdk_rgba_parse (&self->rgba, color);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}
