/* rpt-article-text-view.c: a GtkTextView that shows a document's text
 * (giant paragraphs broken for display, long texts loaded a part at a
 * time), outlines one span and knows how wide a comfortable line is.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <adwaita.h>

#include "rpt-article-text-view.h"
#include "rpt-text-breaks.h"

/* Typographers' advice is 45–75 characters per line; articles read well at
 * the upper end. */
#define LINE_CHARS 75
#define BAR_HEIGHT 3

/* A long text goes into the buffer this many bytes a frame: about 5 ms
 * (GtkTextBuffer takes some 10 ms a megabyte), so frames, input and
 * GtkTextView's own layout go on while tens of megabytes are loaded. Not
 * from an idle: above GtkTextView's idles it would hold back the first
 * frame (queued from one of them) until all is loaded, below them wait
 * for the layout of everything loaded before each part. */
#define PART_BYTES (512 * 1024)

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

  GArray      *find_matches;   /* RptSearchMatch */
  guint        find_current;
  GdkRGBA      find_outline;

  int          comfortable_width;

  RptDocument   *document;
  RptTextBreaks *breaks;
  guint          load_tick;
};

G_DEFINE_FINAL_TYPE (RptArticleTextView, rpt_article_text_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_COMFORTABLE_WIDTH,
  PROP_LOADING,
  N_PROPS
};

enum {
  TEXT_ADDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- The text, and offsets ---- */

/* Adds the next part of the text at the end of the buffer. */
static void
add_part (RptArticleTextView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autoptr(GString) part = g_string_sized_new (PART_BYTES + RPT_TEXT_BREAKS_LONG * 4 + 8);
  GtkTextIter end;

  rpt_text_breaks_next (self->breaks, part, PART_BYTES);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, part->str, (int) part->len);
}

static gboolean
load_part (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       data)
{
  RptArticleTextView *self = RPT_ARTICLE_TEXT_VIEW (widget);
  guint from = rpt_text_breaks_get_done (self->breaks);

  add_part (self);
  if (rpt_text_breaks_is_done (self->breaks))
    self->load_tick = 0;
  g_signal_emit (self, signals[TEXT_ADDED], 0, from, rpt_text_breaks_get_done (self->breaks));
  if (self->load_tick != 0)
    return G_SOURCE_CONTINUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  return G_SOURCE_REMOVE;
}

static void
stop_loading (RptArticleTextView *self)
{
  if (self->load_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->load_tick);
  self->load_tick = 0;
}

void
rpt_article_text_view_set_document (RptArticleTextView *self,
                                    RptDocument        *document)
{
  GtkTextBuffer *buffer;
  gboolean was_loading;

  g_return_if_fail (RPT_IS_ARTICLE_TEXT_VIEW (self));
  g_return_if_fail (document == NULL || RPT_IS_DOCUMENT (document));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  was_loading = self->load_tick != 0;
  stop_loading (self);
  g_clear_pointer (&self->breaks, rpt_text_breaks_free);
  g_set_object (&self->document, document);

  gtk_text_buffer_set_text (buffer, "", 0);
  if (document != NULL)
    {
      self->breaks = rpt_text_breaks_new (rpt_document_get_text (document),
                                          rpt_document_get_text_bytes (document));
      add_part (self);
      if (!rpt_text_breaks_is_done (self->breaks))
        self->load_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), load_part, NULL, NULL);
    }
  if (was_loading != (self->load_tick != 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

gboolean
rpt_article_text_view_get_loading (RptArticleTextView *self)
{
  g_return_val_if_fail (RPT_IS_ARTICLE_TEXT_VIEW (self), FALSE);
  return self->load_tick != 0;
}

void
rpt_article_text_view_get_iter_at_offset (RptArticleTextView *self,
                                          GtkTextIter        *iter,
                                          guint               offset,
                                          gboolean            at_end)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (RPT_IS_ARTICLE_TEXT_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  if (self->breaks != NULL)
    offset = rpt_text_breaks_to_display (self->breaks, offset, at_end);
  gtk_text_buffer_get_iter_at_offset (buffer, iter, (int) MIN (offset, (guint) G_MAXINT));
}

guint
rpt_article_text_view_get_offset (RptArticleTextView *self,
                                  const GtkTextIter  *iter)
{
  guint offset;

  g_return_val_if_fail (RPT_IS_ARTICLE_TEXT_VIEW (self), 0);

  offset = (guint) gtk_text_iter_get_offset (iter);
  return self->breaks != NULL ? rpt_text_breaks_to_text (self->breaks, offset) : offset;
}

/* Copies the document's text, not the line feeds the view inserted. */
static void
rpt_article_text_view_copy_clipboard (GtkTextView *view)
{
  RptArticleTextView *self = RPT_ARTICLE_TEXT_VIEW (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->breaks == NULL || rpt_text_breaks_get_n_breaks (self->breaks) == 0 ||
      !gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (view), &start, &end))
    {
      GTK_TEXT_VIEW_CLASS (rpt_article_text_view_parent_class)->copy_clipboard (view);
      return;
    }
  text = rpt_document_dup_slice (self->document, rpt_article_text_view_get_offset (self, &start),
                                 rpt_article_text_view_get_offset (self, &end));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (view)), text);
}

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

/* An outline around a line of a span: how far out, how round, what colour. */
typedef struct
{
  float   grow_x;
  float   grow_y;
  float   radius;
  GdkRGBA color;
} Outline;

static void
append_outline (RptArticleTextView    *self,
                GtkSnapshot           *snapshot,
                const graphene_rect_t *line,
                gpointer               data)
{
  const Outline *o = data;
  GskRoundedRect outline;

  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT (line->origin.x - o->grow_x, line->origin.y - o->grow_y,
                                                        line->size.width + 2 * o->grow_x,
                                                        line->size.height + 2 * o->grow_y),
                                   o->radius);
  gtk_snapshot_append_border (snapshot, &outline,
                              (float[4]) { 2, 2, 2, 2 },
                              (GdkRGBA[4]) { o->color, o->color, o->color, o->color });
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

/* GNOME's yellow for matches and orange for the current one (the colours
 * of GNOME Text Editor's search), lighter under light text. */
static void
find_colors (GdkRGBA *match,
             GdkRGBA *current,
             GdkRGBA *outline)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  gdk_rgba_parse (match, "#f6d32d");
  match->alpha = dark ? 0.35f : 0.55f;
  gdk_rgba_parse (current, "#ff7800");
  current->alpha = dark ? 0.5f : 0.6f;
  gdk_rgba_parse (outline, dark ? "#ffa348" : "#c64600");
}

/* The first match that ends after text offset @offset. */
static guint
first_match_after (GArray *matches,
                   guint   offset)
{
  guint low = 0, high = matches->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (matches, RptSearchMatch, mid).end <= offset)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

/* The matches on screen, filled (@layer below the text) or the current
 * one outlined (above). */
static void
append_find_matches (RptArticleTextView *self,
                     GtkSnapshot        *snapshot,
                     const GdkRectangle *visible,
                     GtkTextViewLayer    layer)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter top, bottom, start, end;
  GdkRGBA match_color, current_color;
  guint from, to;

  if (self->find_matches == NULL || self->find_matches->len == 0)
    return;
  find_colors (&match_color, &current_color, &self->find_outline);

  gtk_text_view_get_line_at_y (view, &top, visible->y, NULL);
  gtk_text_view_get_line_at_y (view, &bottom, visible->y + visible->height, NULL);
  gtk_text_iter_forward_line (&bottom);
  from = rpt_article_text_view_get_offset (self, &top);
  to = rpt_article_text_view_get_offset (self, &bottom);

  for (guint i = first_match_after (self->find_matches, from); i < self->find_matches->len; i++)
    {
      RptSearchMatch *match = &g_array_index (self->find_matches, RptSearchMatch, i);

      if (match->start >= to)
        break;
      if (layer == GTK_TEXT_VIEW_LAYER_ABOVE_TEXT && i != self->find_current)
        continue;
      rpt_article_text_view_get_iter_at_offset (self, &start, match->start, FALSE);
      rpt_article_text_view_get_iter_at_offset (self, &end, match->end, TRUE);
      if (layer == GTK_TEXT_VIEW_LAYER_ABOVE_TEXT)
        foreach_line_rect (self, snapshot, visible, start, &end, append_outline,
                           &(Outline) { 1, 0, 3, self->find_outline });
      else
        foreach_line_rect (self, snapshot, visible, start, &end, append_fill,
                           i == self->find_current ? &current_color : &match_color);
    }
}

static void
rpt_article_text_view_snapshot_layer (GtkTextView      *view,
                                      GtkTextViewLayer  layer,
                                      GtkSnapshot      *snapshot)
{
  RptArticleTextView *self = RPT_ARTICLE_TEXT_VIEW (view);
  GdkRectangle visible;

  gtk_text_view_get_visible_rect (view, &visible);

  if (layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT)
    {
      for (guint i = 0; i < RPT_N_EMPHASES; i++)
        if (self->emphases[i].start < self->emphases[i].end)
          {
            GtkTextIter start, end;

            rpt_article_text_view_get_iter_at_offset (self, &start, self->emphases[i].start, FALSE);
            rpt_article_text_view_get_iter_at_offset (self, &end, self->emphases[i].end, TRUE);
            foreach_line_rect (self, snapshot, &visible, start, &end, append_fill, &self->emphases[i].color);
          }
      append_find_matches (self, snapshot, &visible, layer);
      for (guint i = 0; i < self->bar_tags->len; i++)
        append_tag_bars (self, snapshot, &visible, g_ptr_array_index (self->bar_tags, i));
    }
  else
    {
      if (self->outline_start < self->outline_end)
        {
          GtkTextIter start, end;

          rpt_article_text_view_get_iter_at_offset (self, &start, self->outline_start, FALSE);
          rpt_article_text_view_get_iter_at_offset (self, &end, self->outline_end, TRUE);
          foreach_line_rect (self, snapshot, &visible, start, &end, append_outline,
                             &(Outline) { 2, 1, 4, self->outline_color });
        }
      append_find_matches (self, snapshot, &visible, layer);
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
rpt_article_text_view_dispose (GObject *object)
{
  RptArticleTextView *self = RPT_ARTICLE_TEXT_VIEW (object);

  stop_loading (self);

  G_OBJECT_CLASS (rpt_article_text_view_parent_class)->dispose (object);
}

static void
rpt_article_text_view_finalize (GObject *object)
{
  RptArticleTextView *self = RPT_ARTICLE_TEXT_VIEW (object);

  g_ptr_array_unref (self->bar_tags);
  g_clear_pointer (&self->find_matches, g_array_unref);
  g_clear_pointer (&self->breaks, rpt_text_breaks_free);
  g_clear_object (&self->document);

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
    case PROP_LOADING:
      g_value_set_boolean (value, self->load_tick != 0);
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

  object_class->dispose = rpt_article_text_view_dispose;
  object_class->finalize = rpt_article_text_view_finalize;
  object_class->get_property = rpt_article_text_view_get_property;
  widget_class->css_changed = rpt_article_text_view_css_changed;
  text_view_class->snapshot_layer = rpt_article_text_view_snapshot_layer;
  text_view_class->copy_clipboard = rpt_article_text_view_copy_clipboard;

  properties[PROP_COMFORTABLE_WIDTH] =
    g_param_spec_int ("comfortable-width", NULL, NULL, 0, G_MAXINT, 720,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TEXT_ADDED] =
    g_signal_new ("text-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
rpt_article_text_view_init (RptArticleTextView *self)
{
  self->comfortable_width = 720;
  self->find_current = G_MAXUINT;
  self->bar_tags = g_ptr_array_new_with_free_func (g_object_unref);
  /* Read-only: an undo history would keep a copy of every part added. */
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), FALSE);
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

void
rpt_article_text_view_set_find_matches (RptArticleTextView *self,
                                        GArray             *matches,
                                        guint               current)
{
  g_return_if_fail (RPT_IS_ARTICLE_TEXT_VIEW (self));

  if (matches != self->find_matches)
    {
      g_clear_pointer (&self->find_matches, g_array_unref);
      if (matches != NULL)
        self->find_matches = g_array_ref (matches);
    }
  self->find_current = matches != NULL ? current : G_MAXUINT;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
rpt_article_text_view_find_matches_changed (RptArticleTextView *self)
{
  g_return_if_fail (RPT_IS_ARTICLE_TEXT_VIEW (self));

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GArray *
rpt_article_text_view_get_find_matches (RptArticleTextView *self,
                                        guint              *current)
{
  g_return_val_if_fail (RPT_IS_ARTICLE_TEXT_VIEW (self), NULL);

  if (current != NULL)
    *current = self->find_current;
  return self->find_matches;
}
