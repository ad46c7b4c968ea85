/* rpt-summary-chart.c: one drawing routine serves the screen (in the
 * widget's colours) and the exported file (light, on white).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>

#include "rpt-core.h"
#include "rpt-summary-chart.h"
#include "rpt-summary-format.h"

#define MARGIN        8.0
#define PLOT_HEIGHT   180.0
#define ROW_HEIGHT    24.0
#define MAX_SPEAKERS  6     /* named in the grouped bars; the rest are "Others" */
#define MAX_ARTICLES  12    /* named in the stacked bars; the rest share one bar */

typedef struct
{
  GdkRGBA fg;
  GdkRGBA dim;
  GdkRGBA grid;
  GdkRGBA background;   /* alpha 0: none */
} Palette;

/* One bar group (label × speaker) or one stacked bar (by article). */
typedef struct
{
  char  *name;
  guint *values;   /* per label */
  guint  total;
} Category;

struct _RptSummaryChart
{
  GtkWidget            parent_instance;

  RptSummaryChartKind  kind;
  RptSummary          *summary;
  GArray              *categories;   /* Category */
  guint                max_value;    /* longest bar (or stack) */
};

G_DEFINE_FINAL_TYPE (RptSummaryChart, rpt_summary_chart, GTK_TYPE_WIDGET)

static void
category_clear (gpointer data)
{
  Category *category = data;

  g_free (category->name);
  g_free (category->values);
}

static Category
category_new (RptSummary *summary,
              char       *name)
{
  Category category = { name, g_new0 (guint, MAX (rpt_summary_get_n_labels (summary), 1)), 0 };
  return category;
}

static int
compare_totals (gconstpointer a,
                gconstpointer b)
{
  const Category *x = a, *y = b;
  return x->total < y->total ? 1 : x->total > y->total ? -1 : 0;
}

static void
collect_label_speaker (RptSummaryChart *self)
{
  RptSummary *summary = self->summary;
  guint n_labels = rpt_summary_get_n_labels (summary);
  guint n_speakers = rpt_summary_get_n_speakers (summary);
  g_autoptr(GArray) rest = g_array_new (FALSE, FALSE, sizeof (Category));
  Category others = category_new (summary, g_strdup (_("Others")));
  Category unattributed = category_new (summary, g_strdup (_("Unattributed")));
  int main_speakers[2] = { rpt_summary_get_main_speaker (summary, 0), rpt_summary_get_main_speaker (summary, 1) };

  /* The two main speakers first, in their columns' order, then the others
   * by how much they said. */
  for (guint rank = 0; rank < 2; rank++)
    {
      Category c;

      if (main_speakers[rank] < 0)
        continue;
      c = category_new (summary, g_strdup (rpt_summary_get_speaker_name (summary, main_speakers[rank])));
      for (guint l = 0; l < n_labels; l++)
        c.total += c.values[l] = rpt_summary_count_label_speaker (summary, l, main_speakers[rank]);
      g_array_append_val (self->categories, c);
    }
  for (guint sp = 0; sp < n_speakers; sp++)
    {
      Category c;

      if ((int) sp == main_speakers[0] || (int) sp == main_speakers[1])
        continue;
      c = category_new (summary, g_strdup (rpt_summary_get_speaker_name (summary, sp)));
      for (guint l = 0; l < n_labels; l++)
        c.total += c.values[l] = rpt_summary_count_label_speaker (summary, l, sp);
      if (c.total > 0)
        g_array_append_val (rest, c);
      else
        category_clear (&c);
    }
  g_array_sort (rest, compare_totals);
  for (guint i = 0; i < rest->len; i++)
    {
      Category *c = &g_array_index (rest, Category, i);

      if (self->categories->len < MAX_SPEAKERS)
        {
          g_array_append_val (self->categories, *c);
          continue;
        }
      for (guint l = 0; l < n_labels; l++)
        others.values[l] += c->values[l];
      others.total += c->total;
      category_clear (c);
    }
  if (others.total > 0)
    g_array_append_val (self->categories, others);
  else
    category_clear (&others);

  for (guint l = 0; l < n_labels; l++)
    unattributed.total += unattributed.values[l] =
      rpt_summary_count_label_speaker (summary, l, RPT_SUMMARY_NO_SPEAKER);
  if (unattributed.total > 0)
    g_array_append_val (self->categories, unattributed);
  else
    category_clear (&unattributed);

  for (guint i = 0; i < self->categories->len; i++)
    for (guint l = 0; l < n_labels; l++)
      self->max_value = MAX (self->max_value, g_array_index (self->categories, Category, i).values[l]);
}

static void
collect_articles (RptSummaryChart *self)
{
  RptSummary *summary = self->summary;
  guint n_labels = rpt_summary_get_n_labels (summary);
  guint n_documents = rpt_summary_get_n_documents (summary);
  Category rest = category_new (summary, NULL);
  guint n_rest = 0;

  for (guint d = 0; d < n_documents; d++)
    {
      Category c = category_new (summary, g_strdup (rpt_summary_document_display (summary, d)));

      for (guint l = 0; l < n_labels; l++)
        c.values[l] = rpt_summary_count_document_label (summary, d, l);
      c.total = rpt_summary_get_document_n_annotations (summary, d);
      g_array_append_val (self->categories, c);
    }
  /* Most annotated first; a stable sort keeps project order among equals. */
  g_array_sort (self->categories, compare_totals);
  while (self->categories->len > MAX_ARTICLES)
    {
      Category *c = &g_array_index (self->categories, Category, self->categories->len - 1);

      for (guint l = 0; l < n_labels; l++)
        rest.values[l] += c->values[l];
      rest.total += c->total;
      n_rest++;
      g_array_set_size (self->categories, self->categories->len - 1);
    }
  if (n_rest > 0)
    {
      rest.name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other article", "%u other articles", n_rest),
                                   n_rest);
      g_array_append_val (self->categories, rest);
    }
  else
    category_clear (&rest);

  for (guint i = 0; i < self->categories->len; i++)
    self->max_value = MAX (self->max_value, g_array_index (self->categories, Category, i).total);
}

/* ---- Drawing ---- */

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
set_label_color (cairo_t    *cr,
                 RptSummary *summary,
                 guint       label)
{
  GdkRGBA color;

  if (!gdk_rgba_parse (&color, rpt_summary_get_label_color (summary, label)))
    gdk_rgba_parse (&color, "#9a9996");
  set_color (cr, &color);
}

/* Draws @text with its top-left at (x, y), at most @width wide (-1: any),
 * aligned in that width; returns its height. */
static double
draw_text (cairo_t              *cr,
           PangoLayout          *layout,
           const char           *text,
           double                x,
           double                y,
           double                width,
           PangoAlignment        align,
           const GdkRGBA        *color,
           gboolean              measure_only)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, width < 0 ? -1 : (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, width < 0 ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, align);
  pango_layout_get_pixel_size (layout, &w, &h);
  if (!measure_only)
    {
      set_color (cr, color);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  return h;
}

/* The labels' colours and names, wrapping; returns the height used. */
static double
draw_legend (RptSummaryChart *self,
             cairo_t         *cr,
             PangoLayout     *layout,
             double           width,
             const Palette   *palette,
             gboolean         measure_only)
{
  RptSummary *summary = self->summary;
  double x = MARGIN, y = MARGIN, line = 0;

  for (guint l = 0; l < rpt_summary_get_n_labels (summary); l++)
    {
      const char *name = rpt_summary_get_label_name (summary, l);
      int w, h;

      pango_layout_set_width (layout, -1);
      pango_layout_set_text (layout, name, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      if (x > MARGIN && x + 16 + w > width - MARGIN)
        {
          x = MARGIN;
          y += line + 4;
        }
      line = MAX (line, h);
      if (!measure_only)
        {
          set_label_color (cr, summary, l);
          cairo_rectangle (cr, x, y + (h - 10) / 2.0, 10, 10);
          cairo_fill (cr);
          draw_text (cr, layout, name, x + 14, y, -1, PANGO_ALIGN_LEFT, &palette->fg, FALSE);
        }
      x += 14 + w + 14;
    }
  return y + line + 10;
}

static double
nice_step (guint max_value)
{
  double raw = MAX (max_value, 1) / 4.0, magnitude = pow (10, floor (log10 (raw)));
  double step = raw / magnitude <= 1 ? 1 : raw / magnitude <= 2 ? 2 : raw / magnitude <= 5 ? 5 : 10;

  return MAX (1, step * magnitude);
}

static double
draw_grouped_bars (RptSummaryChart *self,
                   cairo_t         *cr,
                   PangoLayout     *layout,
                   double           top,
                   double           width,
                   const Palette   *palette,
                   gboolean         measure_only)
{
  RptSummary *summary = self->summary;
  guint n_labels = rpt_summary_get_n_labels (summary), n = self->categories->len;
  double step = nice_step (self->max_value), axis_max = step * ceil (MAX (self->max_value, 1) / step);
  double left = MARGIN + 36, right = width - MARGIN, bottom = top + PLOT_HEIGHT;
  double group_width = (right - left) / MAX (n, 1);
  double bar_width = MAX (group_width * 0.8 / MAX (n_labels, 1), 1);

  if (measure_only)
    return bottom + 40;

  /* Grid and scale */
  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= axis_max + 0.5; v += step)
    {
      double y = round (bottom - v / axis_max * PLOT_HEIGHT) + 0.5;
      g_autofree char *tick = g_strdup_printf ("%.0f", v);

      set_color (cr, &palette->grid);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);
      draw_text (cr, layout, tick, MARGIN, y - 8, 30, PANGO_ALIGN_RIGHT, &palette->dim, FALSE);
    }

  for (guint c = 0; c < n; c++)
    {
      const Category *category = &g_array_index (self->categories, Category, c);
      double x0 = left + c * group_width + group_width * 0.1;

      for (guint l = 0; l < n_labels; l++)
        {
          double h = category->values[l] / axis_max * PLOT_HEIGHT;
          double x = x0 + l * bar_width;

          if (category->values[l] == 0)
            continue;
          set_label_color (cr, summary, l);
          cairo_rectangle (cr, x + 1, bottom - h, bar_width - 2, h);
          cairo_fill (cr);
          if (bar_width >= 16)
            {
              g_autofree char *value = g_strdup_printf ("%u", category->values[l]);
              draw_text (cr, layout, value, x, bottom - h - 16, bar_width, PANGO_ALIGN_CENTER, &palette->fg, FALSE);
            }
        }
      draw_text (cr, layout, category->name, left + c * group_width, bottom + 6, group_width,
                 PANGO_ALIGN_CENTER, &palette->fg, FALSE);
    }
  return bottom + 40;
}

static double
draw_stacked_bars (RptSummaryChart *self,
                   cairo_t         *cr,
                   PangoLayout     *layout,
                   double           top,
                   double           width,
                   const Palette   *palette,
                   gboolean         measure_only)
{
  RptSummary *summary = self->summary;
  guint n_labels = rpt_summary_get_n_labels (summary), n = self->categories->len;
  double names = MIN (200, width * 0.38), left = MARGIN + names + 8, right = width - MARGIN - 40;
  double scale = (right - left) / MAX (self->max_value, 1);

  if (measure_only)
    return top + n * ROW_HEIGHT + MARGIN;

  for (guint c = 0; c < n; c++)
    {
      const Category *category = &g_array_index (self->categories, Category, c);
      double y = top + c * ROW_HEIGHT, x = left;
      g_autofree char *total = g_strdup_printf ("%u", category->total);

      draw_text (cr, layout, category->name, MARGIN, y + 3, names, PANGO_ALIGN_LEFT, &palette->fg, FALSE);
      for (guint l = 0; l < n_labels; l++)
        {
          double w = category->values[l] * scale;

          if (w <= 0)
            continue;
          set_label_color (cr, summary, l);
          cairo_rectangle (cr, x, y + 5, w, ROW_HEIGHT - 10);
          cairo_fill (cr);
          x += w;
        }
      draw_text (cr, layout, total, x + 6, y + 3, -1, PANGO_ALIGN_LEFT, &palette->dim, FALSE);
    }
  return top + n * ROW_HEIGHT + MARGIN;
}

/* Draws the chart (or measures it, with @cr NULL allowed only for the
 * layout) and returns its height. */
static double
draw_chart (RptSummaryChart            *self,
            cairo_t                    *cr,
            PangoLayout                *layout,
            double                      width,
            const char                 *title,
            const Palette              *palette,
            gboolean                    measure_only)
{
  double top = 0;

  if (self->summary == NULL || self->categories->len == 0)
    {
      if (!measure_only)
        draw_text (cr, layout, _("Nothing to count yet"), MARGIN, MARGIN, width - 2 * MARGIN,
                   PANGO_ALIGN_CENTER, &palette->dim, FALSE);
      return 48;
    }
  if (title)
    {
      PangoFontDescription *font = pango_font_description_copy (pango_layout_get_font_description (layout)
                                                                 ? pango_layout_get_font_description (layout)
                                                                 : pango_context_get_font_description (pango_layout_get_context (layout)));

      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, font);
      top = MARGIN + draw_text (cr, layout, title, MARGIN, MARGIN, width - 2 * MARGIN, PANGO_ALIGN_LEFT,
                                &palette->fg, measure_only);
      pango_font_description_set_weight (font, PANGO_WEIGHT_NORMAL);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
    }
  if (!measure_only)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, top);
    }
  top += draw_legend (self, cr, layout, width, palette, measure_only);
  if (!measure_only)
    cairo_restore (cr);
  if (self->kind == RPT_SUMMARY_CHART_LABEL_SPEAKER)
    return draw_grouped_bars (self, cr, layout, top, width, palette, measure_only);
  return draw_stacked_bars (self, cr, layout, top, width, palette, measure_only);
}

/* ---- The widget ---- */

static void
widget_palette (GtkWidget *widget,
                Palette   *palette)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &palette->fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  palette->dim = palette->fg;
  palette->dim.alpha *= 0.6;
  palette->grid = palette->fg;
  palette->grid.alpha *= 0.12;
  palette->background = (GdkRGBA) { 0, 0, 0, 0 };
}

static void
rpt_summary_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  RptSummaryChart *self = RPT_SUMMARY_CHART (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  Palette palette;

  widget_palette (widget, &palette);
  draw_chart (self, cr, layout, width, NULL, &palette, FALSE);
  cairo_destroy (cr);
}

static void
rpt_summary_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  RptSummaryChart *self = RPT_SUMMARY_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 420;
    }
  else
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
      Palette palette;

      widget_palette (widget, &palette);
      *minimum = *natural = (int) ceil (draw_chart (self, NULL, layout, for_size < 0 ? 420 : for_size,
                                                    NULL, &palette, TRUE));
    }
}

static GtkSizeRequestMode
rpt_summary_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rpt_summary_chart_finalize (GObject *object)
{
  RptSummaryChart *self = RPT_SUMMARY_CHART (object);

  g_clear_pointer (&self->summary, rpt_summary_unref);
  g_clear_pointer (&self->categories, g_array_unref);

  G_OBJECT_CLASS (rpt_summary_chart_parent_class)->finalize (object);
}

static void
rpt_summary_chart_class_init (RptSummaryChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rpt_summary_chart_finalize;
  widget_class->snapshot = rpt_summary_chart_snapshot;
  widget_class->measure = rpt_summary_chart_measure;
  widget_class->get_request_mode = rpt_summary_chart_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, "summarychart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rpt_summary_chart_init (RptSummaryChart *self)
{
  self->categories = g_array_new (FALSE, TRUE, sizeof (Category));
  g_array_set_clear_func (self->categories, category_clear);
}

GtkWidget *
rpt_summary_chart_new (RptSummaryChartKind kind)
{
  RptSummaryChart *self = g_object_new (RPT_TYPE_SUMMARY_CHART, NULL);

  self->kind = kind;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rpt_summary_chart_get_title (self), -1);
  return GTK_WIDGET (self);
}

const char *
rpt_summary_chart_get_title (RptSummaryChart *self)
{
  g_return_val_if_fail (RPT_IS_SUMMARY_CHART (self), NULL);
  return self->kind == RPT_SUMMARY_CHART_LABEL_SPEAKER ? _("Annotations by Speaker and Label")
                                                       : _("Annotations by Article");
}

void
rpt_summary_chart_set_summary (RptSummaryChart *self,
                               RptSummary      *summary)
{
  g_return_if_fail (RPT_IS_SUMMARY_CHART (self));

  if (summary)
    rpt_summary_ref (summary);
  g_clear_pointer (&self->summary, rpt_summary_unref);
  self->summary = summary;
  g_array_set_size (self->categories, 0);
  self->max_value = 0;
  if (summary && rpt_summary_get_n_statements (summary) > 0)
    {
      if (self->kind == RPT_SUMMARY_CHART_LABEL_SPEAKER)
        collect_label_speaker (self);
      else
        collect_articles (self);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

gboolean
rpt_summary_chart_format_from_path (const char            *path,
                                    RptSummaryChartFormat *out)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    *out = RPT_SUMMARY_CHART_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *out = RPT_SUMMARY_CHART_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *out = RPT_SUMMARY_CHART_PDF;
  else
    return FALSE;
  return TRUE;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
rpt_summary_chart_render (RptSummaryChart       *self,
                          RptSummaryChartFormat  format,
                          double                 width,
                          GError               **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(PangoLayout) measure = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  const char *title = rpt_summary_chart_get_title (self);
  Palette palette = { { 0.14, 0.14, 0.16, 1 }, { 0.14, 0.14, 0.16, 0.6 }, { 0, 0, 0, 0.12 }, { 1, 1, 1, 1 } };
  double height = ceil (draw_chart (self, NULL, measure, width, title, &palette, TRUE));
  cairo_surface_t *surface;
  cairo_status_t status;
  PangoLayout *layout;
  cairo_t *cr;

  switch (format)
    {
    case RPT_SUMMARY_CHART_SVG:
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, width, height);
      break;
    case RPT_SUMMARY_CHART_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);
      break;
    case RPT_SUMMARY_CHART_PNG:
    default:
      /* Twice the points, for sharp text on any screen or page. */
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width * 2, (int) height * 2);
      cairo_surface_set_device_scale (surface, 2, 2);
      break;
    }

  cr = cairo_create (surface);
  layout = pango_cairo_create_layout (cr);
  pango_layout_set_font_description (layout, pango_context_get_font_description (pango_layout_get_context (measure)));
  set_color (cr, &palette.background);
  cairo_paint (cr);
  draw_chart (self, cr, layout, width, title, &palette, FALSE);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (format == RPT_SUMMARY_CHART_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_IO, _("Cannot draw the chart: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
