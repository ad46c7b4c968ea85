/* rpt-article-text-view.c: a GtkTextView that outlines one span and knows
 * how wide a comfortable line is.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include "rpt-article-text-view.h"

/* Typographers' advice is 45–75 characters per line; articles read well at
 * the upper end. */
#define LINE_CHARS 75
#define BAR_HEIGHT 3

struct _RptArticleTextView
{
  GtkTextView  parent_instance;

  guint        outline_start;
  guint        outline_end;
  GdkRGBA      outline_color;

  struct {
    guint      start;
    guint      end;
    GdkRGBA    color;
  } emphases[RPT_N_EMPHASES];

  GPtrArray   *bar_tags;

  int          comfortable_width;
};

G_DEFINE_FINAL_TYPE (RptArticleTextView, rpt_article_text_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_COMFORTABLE_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef void (*LineRectFunc) (RptArticleTextView    *self,
                              GtkSnapshot           *snapshot,
                              const graphene_rect_t *rect,
                              gpointer               data);

/* Calls @func with the rectangle of each display line of [start, end) that
 * is on screen, so a long span costs no more than what is visible of it. */
static void
foreach_line_rect (RptArticleTextView *self,
                   GtkSnapshot        *snapshot,
                   const GdkRectangle *visible,
                   GtkTextIter         iter,
                   const GtkTextIter  *end,
                   LineRectFunc        func,
                   gpointer            data)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter top;

  gtk_text_view_get_line_at_y (view, &top, visible->y, NULL);
  if (gtk_text_iter_compare (&iter, &top) < 0)
    iter = top;

  while (gtk_text_iter_compare (&iter, end) < 0)
    {
      GtkTextIter next = iter;
      GtkTextIter last;
      GdkRectangle first_rect, last_rect;
      int x0, x1, y0, y1;

      if (!gtk_text_view_forward_display_line (view, &next) ||
          gtk_text_iter_compare (&next, end) > 0)
        next = *end;
      if (gtk_text_iter_compare (&next, &iter) <= 0)
        break;

      gtk_text_view_get_iter_location (view, &iter, &first_rect);
      if (first_rect.y > visible->y + visible->height)
        break;

      /* The last visible character of this display line, not its break. */
      last = next;
      gtk_text_iter_backward_char (&last);
      while (gtk_text_iter_compare (&last, &iter) > 0 && gtk_text_iter_ends_line (&last))
        gtk_text_iter_backward_char (&last);

      if (!gtk_text_iter_ends_line (&last))
        {
          gtk_text_view_get_iter_location (view, &last, &last_rect);
          x0 = MIN (first_rect.x, last_rect.x);
          x1 = MAX (first_rect.x + first_rect.width, last_rect.x + last_rect.width);
          y0 = MIN (first_rect.y, last_rect.y);
          y1 = MAX (first_rect.y + first_rect.height, last_rect.y + last_rect.height);
          func (self, snapshot, &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0), data);
        }

      iter = next;
    }
}

static void
append_outline (RptArticleTextView    *self,
                GtkSnapshot           *snapshot,
                const graphene_rect_t *line,
                gpointer               data)
{
  GskRoundedRect outline;
  GdkRGBA c = self->outline_color;

  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT (line->origin.x - 2, line->origin.y - 1,
                                                        line->size.width + 4, line->size.height + 2),
                                   4);
  gtk_snapshot_append_border (snapshot, &outline,
                              (float[4]) { 2, 2, 2, 2 },
                              (GdkRGBA[4]) { c, c, c, c });
}

static void
append_fill (RptArticleTextView    *self,
             GtkSnapshot           *snapshot,
             const graphene_rect_t *line,
             gpointer               data)
{
  gtk_snapshot_append_color (snapshot, data, line);
}

static void
append_bar (RptArticleTextView    *self,
            GtkSnapshot           *snapshot,
            const graphene_rect_t *line,
            gpointer               data)
{
  GskRoundedRect bar;

  gsk_rounded_rect_init_from_rect (&bar,
                                   &GRAPHENE_RECT_INIT (line->origin.x, line->origin.y + line->size.height - 1,
                                                        line->size.width, BAR_HEIGHT),
                                   BAR_HEIGHT / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &bar);
  gtk_snapshot_append_color (snapshot, data, &bar.bounds);
  gtk_snapshot_pop (snapshot);
}

/* Every run of @tag on screen, as a bar under the text in the tag's
 * underline colour. */
static void
append_tag_bars (RptArticleTextView *self,
                 GtkSnapshot        *snapshot,
                 const GdkRectangle *visible,
                 GtkTextTag         *tag)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  g_autoptr(GdkRGBA) color = NULL;
  GtkTextIter iter, bottom;

  g_object_get (tag, "underline-rgba", &color, NULL);
  if (color == NULL)
    return;

  gtk_text_view_get_line_at_y (view, &iter, visible->y, NULL);
  gtk_text_view_get_line_at_y (view, &bottom, visible->y + visible->height, NULL);
  gtk_text_iter_forward_line (&bottom);

  if (!gtk_text_iter_has_tag (&iter, tag))
    gtk_text_iter_forward_to_tag_toggle (&iter, tag);
  while (gtk_text_iter_compare (&iter, &bottom) < 0)
    {
      GtkTextIter end = iter;

      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      if (gtk_text_iter_compare (&end, &iter) <= 0)
        break;
      foreach_line_rect (self, snapshot, visible, iter, &end, append_bar, color);
      iter = end;
      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
    }
}

static void
rpt_article_text_view_snapshot_layer (GtkTextView      *view,
                                      GtkTextViewLayer  layer,
                                      GtkSnapshot      *snapshot)
{
  RptArticleTextView *self = RPT_ARTICLE_TEXT_VIEW (view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle visible;

  gtk_text_view_get_visible_rect (view, &visible);

  if (layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT)
    {
      for (guint i = 0; i < RPT_N_EMPHASES; i++)
        if (self->emphases[i].start < self->emphases[i].end)
          {
            GtkTextIter start, end;

            gtk_text_buffer_get_iter_at_offset (buffer, &start, self->emphases[i].start);
            gtk_text_buffer_get_iter_at_offset (buffer, &end, self->emphases[i].end);
            foreach_line_rect (self, snapshot, &visible, start, &end, append_fill, &self->emphases[i].color);
          }
      for (guint i = 0; i < self->bar_tags->len; i++)
        append_tag_bars (self, snapshot, &visible, g_ptr_array_index (self->bar_tags, i));
    }
  else if (self->outline_start < self->outline_end)
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, self->outline_start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, self->outline_end);
      foreach_line_rect (self, snapshot, &visible, start, &end, append_outline, NULL);
    }
}

static void
update_comfortable_width (RptArticleTextView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int char_width = pango_font_metrics_get_approximate_char_width (metrics);
  int width;

  pango_font_metrics_unref (metrics);

  width = PANGO_PIXELS (char_width * LINE_CHARS)
        + gtk_text_view_get_left_margin (GTK_TEXT_VIEW (self))
        + gtk_text_view_get_right_margin (GTK_TEXT_VIEW (self));

  if (width != self->comfortable_width)
    {
      self->comfortable_width = width;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMFORTABLE_WIDTH]);
    }
}

static void
rpt_article_text_view_css_changed (GtkWidget         *widget,
                                   GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (rpt_article_text_view_parent_class)->css_changed (widget, change);

  update_comfortable_width (RPT_ARTICLE_TEXT_VIEW (widget));
}

static void
rpt_article_text_view_finalize (GObject *object)
{
  RptArticleTextView *self = RPT_ARTICLE_TEXT_VIEW (object);

  g_ptr_array_unref (self->bar_tags);

  G_OBJECT_CLASS (rpt_article_text_view_parent_class)->finalize (object);
}

static void
rpt_article_text_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RptArticleTextView *self = RPT_ARTICLE_TEXT_VIEW (object);

  switch (prop_id)
    {
    case PROP_COMFORTABLE_WIDTH:
      g_value_set_int (value, self->comfortable_width);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_article_text_view_class_init (RptArticleTextViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->finalize = rpt_article_text_view_finalize;
  object_class->get_property = rpt_article_text_view_get_property;
  widget_class->css_changed = rpt_article_text_view_css_changed;
  text_view_class->snapshot_layer = rpt_article_text_view_snapshot_layer;

  properties[PROP_COMFORTABLE_WIDTH] =
    g_param_spec_int ("comfortable-width", NULL, NULL, 0, G_MAXINT, 720,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rpt_article_text_view_init (RptArticleTextView *self)
{
  self->comfortable_width = 720;
  self->bar_tags = g_ptr_array_new_with_free_func (g_object_unref);
}

GtkWidget *
rpt_article_text_view_new (void)
{
  return g_object_new (RPT_TYPE_ARTICLE_TEXT_VIEW, NULL);
}

void
rpt_article_text_view_set_outline (RptArticleTextView *self,
                                   guint               start,
                                   guint               end,
                                   const GdkRGBA      *color)
{
  g_return_if_fail (RPT_IS_ARTICLE_TEXT_VIEW (self));

  if (start >= end || color == NULL)
    start = end = 0;

  if (start == self->outline_start && end == self->outline_end &&
      (color == NULL || gdk_rgba_equal (color, &self->outline_color)))
    return;

  self->outline_start = start;
  self->outline_end = end;
  if (color != NULL)
    self->outline_color = *color;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
rpt_article_text_view_set_emphasis (RptArticleTextView *self,
                                    RptEmphasis         which,
                                    guint               start,
                                    guint               end,
                                    const GdkRGBA      *color)
{
  g_return_if_fail (RPT_IS_ARTICLE_TEXT_VIEW (self));
  g_return_if_fail (which < RPT_N_EMPHASES);

  if (start >= end || color == NULL)
    start = end = 0;

  if (start == self->emphases[which].start && end == self->emphases[which].end &&
      (color == NULL || gdk_rgba_equal (color, &self->emphases[which].color)))
    return;

  self->emphases[which].start = start;
  self->emphases[which].end = end;
  if (color != NULL)
    self->emphases[which].color = *color;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
rpt_article_text_view_get_emphasis (RptArticleTextView *self,
                                    RptEmphasis         which,
                                    guint              *start,
                                    guint              *end)
{
  g_return_val_if_fail (RPT_IS_ARTICLE_TEXT_VIEW (self), FALSE);
  g_return_val_if_fail (which < RPT_N_EMPHASES, FALSE);

  if (start)
    *start = self->emphases[which].start;
  if (end)
    *end = self->emphases[which].end;
  return self->emphases[which].start < self->emphases[which].end;
}

int
rpt_article_text_view_get_comfortable_width (RptArticleTextView *self)
{
  g_return_val_if_fail (RPT_IS_ARTICLE_TEXT_VIEW (self), 0);
  return self->comfortable_width;
}

void
rpt_article_text_view_add_bar_tag (RptArticleTextView *self,
                                   GtkTextTag         *tag)
{
  g_return_if_fail (RPT_IS_ARTICLE_TEXT_VIEW (self));
  g_return_if_fail (GTK_IS_TEXT_TAG (tag));

  g_ptr_array_add (self->bar_tags, g_object_ref (tag));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
rpt_article_text_view_remove_bar_tag (RptArticleTextView *self,
                                      GtkTextTag         *tag)
{
  g_return_if_fail (RPT_IS_ARTICLE_TEXT_VIEW (self));

  if (g_ptr_array_remove (self->bar_tags, tag))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}
