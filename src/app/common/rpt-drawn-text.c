/* rpt-drawn-text.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include "rpt-drawn-text.h"

PangoLayout *
rpt_drawn_text_new_layout (GtkWidget          *widget,
                           PangoAttribute     *attribute,
                           PangoEllipsizeMode  ellipsize)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

  if (attribute)
    pango_attr_list_insert (attributes, attribute);
  pango_layout_set_attributes (layout, attributes);
  pango_layout_set_ellipsize (layout, ellipsize);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return layout;
}

/* Font metrics take a moment to compute and every row has the same font:
 * they are kept until the font changes. Only the main thread draws. */
int
rpt_drawn_text_char_width (GtkWidget *widget)
{
  static PangoFontDescription *cached_font;
  static PangoLanguage *cached_language;
  static int cached_width;
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  PangoLanguage *language = pango_context_get_language (context);
  PangoFontMetrics *metrics;

  if (cached_font && cached_language == language && pango_font_description_equal (cached_font, font))
    return cached_width;

  metrics = pango_context_get_metrics (context, font, language);
  cached_width = PANGO_PIXELS_CEIL (MAX (pango_font_metrics_get_approximate_char_width (metrics),
                                         pango_font_metrics_get_approximate_digit_width (metrics)));
  pango_font_metrics_unref (metrics);
  g_clear_pointer (&cached_font, pango_font_description_free);
  cached_font = pango_font_description_copy (font);
  cached_language = language;
  return cached_width;
}

int
rpt_drawn_text_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

void
rpt_drawn_text_colors (GtkWidget *widget,
                       GdkRGBA   *color,
                       GdkRGBA   *dim)
{
  /* Deprecated only from GTK 4.10, which has gtk_widget_get_color(). */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  *dim = *color;
  dim->alpha *= RPT_DRAWN_TEXT_DIM_OPACITY;
}

void
rpt_drawn_text_append (GtkSnapshot   *snapshot,
                       PangoLayout   *layout,
                       int            x,
                       int            y,
                       const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}
