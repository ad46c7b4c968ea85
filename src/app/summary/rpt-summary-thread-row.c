/* rpt-summary-thread-row.c: lays the card out in its lane and draws the
 * thread's connectors. Rows touch (no spacing in the list), so the vertical
 * lines of consecutive rows join into one line per level.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include "rpt-summary-format.h"
#include "rpt-summary-thread-row.h"

#define PAD          12    /* left of the first level, right of the lanes */
#define STEP         22    /* indent per level */
#define MAX_LEVELS   RPT_SUMMARY_MAX_NESTING  /* deeper answers are drawn at this depth */
#define GAP          5     /* above and below the card */
#define THREAD_GAP   12    /* more above the first statement of a thread */
#define LINE_WIDTH   2
#define CARD_SHARE   0.64  /* of the lanes' width */
#define CARD_MIN     260
#define CARD_MAX     620

struct _RptSummaryThreadRow
{
  GtkWidget       parent_instance;

  GtkWidget      *card;
  guint           depth;
  guint32         lines;
  gboolean        last_sibling;
  gboolean        has_children;
  gboolean        first;
  RptSummaryLane  lane;
};

G_DEFINE_FINAL_TYPE (RptSummaryThreadRow, rpt_summary_thread_row, GTK_TYPE_WIDGET)

static double
level_x (guint level)
{
  return PAD + level * STEP + STEP / 2.0;
}

static guint
visual_depth (RptSummaryThreadRow *self)
{
  return MIN (self->depth, MAX_LEVELS);
}

/* Where the card goes in a row @width wide: x and width. Too narrow for
 * lanes, every card takes the whole width (the speaker is on the card). */
static void
card_box (RptSummaryThreadRow *self,
          int                  width,
          int                  card_min,
          int                 *x,
          int                 *card_width)
{
  /* The card's edge is half a step right of its parent's line, and its
   * own line (for its answers) runs half a step inside it. */
  int indent = PAD + visual_depth (self) * STEP;
  int lanes = MAX (width - indent - PAD, 1);
  int w = CLAMP ((int) (lanes * CARD_SHARE), MIN (CARD_MIN, lanes), CARD_MAX);

  if (lanes < CARD_MIN * 2)
    w = lanes;
  w = MAX (MIN (w, lanes), card_min);
  switch (self->lane)
    {
    case RPT_SUMMARY_LANE_END:
      *x = MAX (indent, width - PAD - w);
      break;
    case RPT_SUMMARY_LANE_MIDDLE:
      *x = indent + MAX (lanes - w, 0) / 2;
      break;
    case RPT_SUMMARY_LANE_START:
    default:
      *x = indent;
      break;
    }
  *card_width = w;
}

/* Threads stand apart; the very first row needs no gap. */
static int
top_gap (RptSummaryThreadRow *self)
{
  return self->depth == 0 && !self->first ? THREAD_GAP : 0;
}

static void
rpt_summary_thread_row_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  RptSummaryThreadRow *self = RPT_SUMMARY_THREAD_ROW (widget);
  int card_min = 0, card_nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int extra = PAD * 2 + MAX_LEVELS * STEP;

      gtk_widget_measure (self->card, orientation, -1, &card_min, &card_nat, NULL, NULL);
      *minimum = card_min + PAD * 2 + visual_depth (self) * STEP;
      *natural = MAX (card_nat, CARD_MAX) + extra;
    }
  else
    {
      int x, w;

      if (for_size < 0)
        gtk_widget_measure (self->card, orientation, -1, &card_min, &card_nat, NULL, NULL);
      else
        {
          gtk_widget_measure (self->card, GTK_ORIENTATION_HORIZONTAL, -1, &card_min, NULL, NULL, NULL);
          card_box (self, for_size, card_min, &x, &w);
          gtk_widget_measure (self->card, orientation, w, &card_min, &card_nat, NULL, NULL);
        }
      *minimum = card_min + GAP * 2 + top_gap (self);
      *natural = card_nat + GAP * 2 + top_gap (self);
    }
}

static void
rpt_summary_thread_row_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  RptSummaryThreadRow *self = RPT_SUMMARY_THREAD_ROW (widget);
  int x, w, min_width;

  gtk_widget_measure (self->card, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  card_box (self, width, min_width, &x, &w);
  gtk_widget_size_allocate (self->card,
                            &(GtkAllocation) { x, GAP + top_gap (self), w, MAX (height - GAP * 2 - top_gap (self), 0) },
                            -1);
}

static void
append_line (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x0,
             double         y0,
             double         x1,
             double         y1)
{
  /* Axis-aligned segments only: rectangles, crisp at any scale. */
  graphene_rect_t rect;

  if (x0 == x1)
    rect = GRAPHENE_RECT_INIT (x0 - LINE_WIDTH / 2.0, MIN (y0, y1), LINE_WIDTH, ABS (y1 - y0));
  else
    rect = GRAPHENE_RECT_INIT (MIN (x0, x1), y0 - LINE_WIDTH / 2.0, ABS (x1 - x0), LINE_WIDTH);
  gtk_snapshot_append_color (snapshot, color, &rect);
}

static void
rpt_summary_thread_row_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  RptSummaryThreadRow *self = RPT_SUMMARY_THREAD_ROW (widget);
  int height = gtk_widget_get_height (widget);
  guint depth = visual_depth (self);
  graphene_rect_t bounds;
  double card_left, card_right, card_bottom, middle;
  GdkRGBA color;

  if (!gtk_widget_compute_bounds (self->card, widget, &bounds))
    bounds = GRAPHENE_RECT_INIT (0, 0, 0, height);
  card_left = bounds.origin.x;
  card_right = bounds.origin.x + bounds.size.width;
  card_bottom = bounds.origin.y + bounds.size.height;
  /* Connectors meet the card at its first line, not its middle, so they
   * stay put however long the quote. */
  middle = MIN (bounds.origin.y + 22, bounds.origin.y + bounds.size.height / 2);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  color.alpha *= 0.3;

  /* Lines of ancestors that have later answers pass through. */
  for (guint k = 0; k + 1 < depth && k < 32; k++)
    if (self->lines & (1u << k))
      append_line (snapshot, &color, level_x (k), 0, level_x (k), height);

  if (self->depth > 0)
    {
      double x = level_x (depth - 1);

      /* The elbow from the parent's line into this card. */
      append_line (snapshot, &color, x, 0, x, middle + LINE_WIDTH / 2.0);
      append_line (snapshot, &color, x - LINE_WIDTH / 2.0, middle, card_left, middle);
      if (!self->last_sibling)
        append_line (snapshot, &color, x, middle, x, height);
    }
  if (self->has_children)
    {
      double x = level_x (depth);

      /* Down to the answers: from under the card when it spans the line,
       * else from a stub at its side. */
      if (x >= card_left && x <= card_right)
        append_line (snapshot, &color, x, card_bottom, x, height);
      else
        {
          if (self->depth == 0)
            append_line (snapshot, &color, x - LINE_WIDTH / 2.0, middle, card_left, middle);
          append_line (snapshot, &color, x, middle - LINE_WIDTH / 2.0, x, height);
        }
    }

  gtk_widget_snapshot_child (widget, self->card, snapshot);
}

static void
rpt_summary_thread_row_dispose (GObject *object)
{
  RptSummaryThreadRow *self = RPT_SUMMARY_THREAD_ROW (object);

  g_clear_pointer (&self->card, gtk_widget_unparent);

  G_OBJECT_CLASS (rpt_summary_thread_row_parent_class)->dispose (object);
}

static GtkSizeRequestMode
rpt_summary_thread_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rpt_summary_thread_row_class_init (RptSummaryThreadRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_summary_thread_row_dispose;
  widget_class->get_request_mode = rpt_summary_thread_row_get_request_mode;
  widget_class->measure = rpt_summary_thread_row_measure;
  widget_class->size_allocate = rpt_summary_thread_row_size_allocate;
  widget_class->snapshot = rpt_summary_thread_row_snapshot;
  gtk_widget_class_set_css_name (widget_class, "summarythreadrow");
}

static void
rpt_summary_thread_row_init (RptSummaryThreadRow *self)
{
}

GtkWidget *
rpt_summary_thread_row_new (GtkWidget *card)
{
  RptSummaryThreadRow *self = g_object_new (RPT_TYPE_SUMMARY_THREAD_ROW, NULL);

  self->card = card;
  gtk_widget_set_parent (card, GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

GtkWidget *
rpt_summary_thread_row_get_card (RptSummaryThreadRow *self)
{
  g_return_val_if_fail (RPT_IS_SUMMARY_THREAD_ROW (self), NULL);
  return self->card;
}

void
rpt_summary_thread_row_set_row (RptSummaryThreadRow *self,
                                const RptSummaryRow *row,
                                RptSummaryLane       lane)
{
  g_return_if_fail (RPT_IS_SUMMARY_THREAD_ROW (self));

  self->depth = row->depth;
  self->lines = row->lines;
  self->last_sibling = (row->flags & RPT_SUMMARY_ROW_LAST_SIBLING) != 0;
  self->has_children = (row->flags & RPT_SUMMARY_ROW_HAS_CHILDREN) != 0;
  self->lane = lane;
  self->first = row->depth == 0 && row->thread == 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
