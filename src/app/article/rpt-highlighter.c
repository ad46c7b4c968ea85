/* rpt-highlighter.c: annotations as text tags, for the visible range only.
 *
 * Cost is bounded by what is on screen: the tagged range follows the
 * viewport (a few screens of whole paragraphs), and each change repaints
 * only the span it touches, so a document with 20,000 annotations costs no
 * more to scroll or tag than one with twenty. One tag per label (never per
 * annotation) keeps GtkTextView's tag bookkeeping small.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <adwaita.h>

#include "rpt-highlighter.h"
#include "rpt-span-layers.h"

/* Tagged at most this far (characters) before and after the viewport. */
#define MARGIN_CHARS 20000
/* Tagged before the first layout, when the viewport is not known yet. */
#define INITIAL_CHARS 12000
#define FLASH_MS 750

typedef struct
{
  RptLabel   *label;
  GtkTextTag *tint;
  GtkTextTag *underline;
} LabelTags;

struct _RptHighlighter
{
  GObject              parent_instance;

  RptArticleTextView  *view;          /* weak */
  GtkTextBuffer       *buffer;
  RptProject          *project;       /* weak */
  RptDocument         *document;
  GListModel          *labels;

  GHashTable          *label_tags;    /* label id -> LabelTags */

  RptAnnotation       *selected;
  guint                selected_start;
  guint                selected_end;
  RptAnnotation       *flashed;
  guint                flash_start;
  guint                flash_end;
  guint                flash_source;

  /* The range whose tags are up to date; nothing is tagged outside it. */
  guint                applied_start;
  guint                applied_end;

  GtkAdjustment       *vadjustment;
  guint                tick_id;
  gboolean             dark;
};

G_DEFINE_FINAL_TYPE (RptHighlighter, rpt_highlighter, G_TYPE_OBJECT)

static void paint (RptHighlighter *self, guint start, guint end);

/* ---- Colours ---- */

static void
label_rgba (RptLabel *label,
            double    alpha,
            GdkRGBA  *rgba)
{
  if (label == NULL || !gdk_rgba_parse (rgba, rpt_label_get_color (label)))
    *rgba = (GdkRGBA) { 0.6f, 0.6f, 0.6f, 1.0f };
  rgba->alpha = alpha;
}

/* Tints sit under text in the theme's own colour: light text on a dark
 * background needs a little more colour to read as the same label. */
static double
tint_alpha (RptHighlighter *self)
{
  return self->dark ? 0.42 : 0.30;
}

/* In dark style white text over a strong yellow falls under 4.5:1 above
 * 0.52 (build-aux/contrast.py); the outline marks the selection anyway. */
static double
strong_alpha (RptHighlighter *self)
{
  return self->dark ? 0.52 : 0.55;
}

/* The selection and the flash are filled by the view under the text, and
 * the label's tint is drawn over that fill: this alpha makes the two add
 * up to @alpha, the colour a single layer of @alpha would give. */
static double
under_tint_alpha (RptHighlighter *self,
                  double          alpha)
{
  return 1.0 - (1.0 - alpha) / (1.0 - tint_alpha (self));
}

static void
update_label_colors (RptHighlighter *self,
                     LabelTags      *tags)
{
  GdkRGBA tint, line;

  label_rgba (tags->label, tint_alpha (self), &tint);
  label_rgba (tags->label, 1.0, &line);
  g_object_set (tags->tint, "background-rgba", &tint, NULL);
  g_object_set (tags->underline, "underline-rgba", &line, NULL);
}

static RptLabel *
label_of (RptHighlighter *self,
          RptAnnotation  *annotation)
{
  LabelTags *tags = g_hash_table_lookup (self->label_tags, rpt_annotation_get_label (annotation));

  return tags ? tags->label : NULL;
}

static void
update_selected_color (RptHighlighter *self)
{
  GdkRGBA strong, line;
  RptLabel *label;

  if (self->selected == NULL || self->view == NULL)
    return;

  label = label_of (self, self->selected);
  label_rgba (label, under_tint_alpha (self, strong_alpha (self)), &strong);
  label_rgba (label, 1.0, &line);
  rpt_article_text_view_set_emphasis (self->view, RPT_EMPHASIS_SELECTED,
                                      self->selected_start, self->selected_end, &strong);
  rpt_article_text_view_set_outline (self->view, self->selected_start, self->selected_end, &line);
}

static void
update_flash_color (RptHighlighter *self)
{
  GdkRGBA strong;

  if (self->flashed == NULL || self->view == NULL)
    return;

  label_rgba (label_of (self, self->flashed), under_tint_alpha (self, 0.9), &strong);
  rpt_article_text_view_set_emphasis (self->view, RPT_EMPHASIS_FLASH,
                                      self->flash_start, self->flash_end, &strong);
}

static void
update_all_colors (RptHighlighter *self)
{
  GHashTableIter iter;
  LabelTags *tags;

  g_hash_table_iter_init (&iter, self->label_tags);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tags))
    update_label_colors (self, tags);
  update_selected_color (self);
  update_flash_color (self);
}

static void
on_dark_changed (AdwStyleManager *manager,
                 GParamSpec      *pspec,
                 RptHighlighter  *self)
{
  self->dark = adw_style_manager_get_dark (manager);
  update_all_colors (self);
}

/* ---- Label tags ---- */

static void
on_label_color_changed (RptLabel       *label,
                        GParamSpec     *pspec,
                        RptHighlighter *self)
{
  LabelTags *tags = g_hash_table_lookup (self->label_tags, rpt_label_get_id (label));

  if (tags != NULL && tags->label == label)
    update_label_colors (self, tags);
  update_selected_color (self);
  update_flash_color (self);
}

static void
label_tags_free (gpointer data)
{
  LabelTags *tags = data;

  g_object_unref (tags->label);
  g_object_unref (tags->tint);
  g_object_unref (tags->underline);
  g_free (tags);
}

static void
remove_label_tags (RptHighlighter *self,
                   LabelTags      *tags)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);

  g_signal_handlers_disconnect_by_data (tags->label, self);
  if (self->view != NULL)
    rpt_article_text_view_remove_bar_tag (self->view, tags->underline);
  gtk_text_tag_table_remove (table, tags->tint);
  gtk_text_tag_table_remove (table, tags->underline);
}

static void
sync_labels (RptHighlighter *self)
{
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  const char *id;
  LabelTags *tags;
  guint n = self->labels ? g_list_model_get_n_items (self->labels) : 0;
  gboolean created = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (self->labels, i);
      g_autofree char *tint_name = NULL;
      g_autofree char *underline_name = NULL;

      id = rpt_label_get_id (label);
      g_hash_table_add (present, (gpointer) id);
      tags = g_hash_table_lookup (self->label_tags, id);
      if (tags != NULL && tags->label == label)
        continue;
      if (tags != NULL)
        {
          remove_label_tags (self, tags);
          g_hash_table_remove (self->label_tags, id);
        }

      tint_name = g_strconcat (RPT_LABEL_TAG_PREFIX, id, NULL);
      underline_name = g_strconcat (RPT_OVERLAP_TAG_PREFIX, id, NULL);
      tags = g_new0 (LabelTags, 1);
      tags->label = g_object_ref (label);
      tags->tint = g_object_ref (gtk_text_buffer_create_tag (self->buffer, tint_name, NULL));
      /* No Pango underline: the view draws a thicker bar for this tag. */
      tags->underline = g_object_ref (gtk_text_buffer_create_tag (self->buffer, underline_name, NULL));
      if (self->view != NULL)
        rpt_article_text_view_add_bar_tag (self->view, tags->underline);
      update_label_colors (self, tags);
      g_signal_connect_object (label, "notify::color", G_CALLBACK (on_label_color_changed), self, 0);
      g_hash_table_insert (self->label_tags, g_strdup (id), tags);
      created = TRUE;
    }

  g_hash_table_iter_init (&iter, self->label_tags);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, (gpointer *) &tags))
    if (!g_hash_table_contains (present, id))
      {
        remove_label_tags (self, tags);
        g_hash_table_iter_remove (&iter);
      }

  /* Annotations may have come back before their label did (undoing a label
   * removal): draw them now that the tag exists. */
  if (created)
    paint (self, self->applied_start, self->applied_end);
}

static void
on_labels_changed (GListModel     *model,
                   guint           position,
                   guint           removed,
                   guint           added,
                   RptHighlighter *self)
{
  sync_labels (self);
}

/* ---- Painting ---- */

/* Offsets are into the text; the view maps them to its buffer. */
static void
iters_at (RptHighlighter *self,
          guint           start,
          guint           end,
          GtkTextIter    *a,
          GtkTextIter    *b)
{
  rpt_article_text_view_get_iter_at_offset (self->view, a, start, FALSE);
  rpt_article_text_view_get_iter_at_offset (self->view, b, end, TRUE);
}

static void
clear (RptHighlighter *self,
       guint           start,
       guint           end)
{
  GHashTableIter iter;
  LabelTags *tags;
  GtkTextIter a, b;

  if (start >= end || self->view == NULL)
    return;

  iters_at (self, start, end, &a, &b);
  g_hash_table_iter_init (&iter, self->label_tags);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tags))
    {
      gtk_text_buffer_remove_tag (self->buffer, tags->tint, &a, &b);
      gtk_text_buffer_remove_tag (self->buffer, tags->underline, &a, &b);
    }
}

/* Tags runs[lo, hi) middle first. Tagging splits GtkTextBTree's character
 * segment around the run, and both the split and the offset lookup cost the
 * length of that segment: in order, every run of a long paragraph splits the
 * whole rest of it again; middle first, each split halves a segment, so a
 * paragraph costs its length times log(runs) instead of times runs. */
static void
apply_run_range (RptHighlighter *self,
                 GArray         *runs,
                 guint           lo,
                 guint           hi,
                 gboolean        underline)
{
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const RptSpanRun *run = &g_array_index (runs, RptSpanRun, mid);
      LabelTags *tags = g_hash_table_lookup (self->label_tags, run->label_id);

      if (tags != NULL)
        {
          GtkTextIter a, b;

          iters_at (self, run->start, run->end, &a, &b);
          gtk_text_buffer_apply_tag (self->buffer, underline ? tags->underline : tags->tint, &a, &b);
        }
      apply_run_range (self, runs, lo, mid, underline);
      lo = mid + 1;
    }
}

static void
apply_runs (RptHighlighter *self,
            GArray         *runs,
            gboolean        underline)
{
  apply_run_range (self, runs, 0, runs->len, underline);
}

/* Redraws [start, end) ∩ the tagged range from the model. */
static void
paint (RptHighlighter *self,
       guint           start,
       guint           end)
{
  RptAnnotationStore *store;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GArray) tints = NULL;
  g_autoptr(GArray) underlines = NULL;

  start = MAX (start, self->applied_start);
  end = MIN (end, self->applied_end);
  if (start >= end || self->project == NULL || self->document == NULL || self->view == NULL)
    return;

  clear (self, start, end);

  store = rpt_project_get_annotations (self->project, rpt_document_get_id (self->document));
  if (store == NULL)
    return;
  spans = rpt_annotation_store_query (store, start, end);
  if (spans->len == 0)
    return;

  tints = g_array_new (FALSE, FALSE, sizeof (RptSpanRun));
  underlines = g_array_new (FALSE, FALSE, sizeof (RptSpanRun));
  rpt_span_layers (spans, start, end, tints, underlines);
  apply_runs (self, tints, FALSE);
  apply_runs (self, underlines, TRUE);
}

/* ---- The tagged range follows the viewport ---- */

/* The paragraphs within @pages screens of the viewport, and at most
 * MARGIN_CHARS characters beyond it: lines the view has not laid out yet
 * have no height, so "three screens down" can reach far past them. */
static void
wanted_range (RptHighlighter *self,
              int             pages,
              guint          *start,
              guint          *end)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->view);
  GdkRectangle visible;
  GtkTextIter top, bottom, a, b;
  guint top_offset, bottom_offset;
  int margin;

  gtk_text_view_get_visible_rect (view, &visible);
  margin = MAX (visible.height, 600) * pages;

  gtk_text_view_get_iter_at_location (view, &top, 0, visible.y);
  gtk_text_view_get_iter_at_location (view, &bottom, G_MAXINT / 2, visible.y + visible.height);
  gtk_text_view_get_line_at_y (view, &a, visible.y - margin, NULL);
  gtk_text_view_get_line_at_y (view, &b, visible.y + visible.height + margin, NULL);
  gtk_text_iter_forward_line (&b);

  top_offset = rpt_article_text_view_get_offset (self->view, &top);
  bottom_offset = rpt_article_text_view_get_offset (self->view, &bottom);
  *start = MAX (rpt_article_text_view_get_offset (self->view, &a),
                top_offset > MARGIN_CHARS ? top_offset - MARGIN_CHARS : 0);
  *end = MIN (rpt_article_text_view_get_offset (self->view, &b), bottom_offset + MARGIN_CHARS);
}

static void
move_applied_range (RptHighlighter *self,
                    guint           start,
                    guint           end)
{
  guint old_start = self->applied_start;
  guint old_end = self->applied_end;

  if (old_start >= old_end || end <= old_start || start >= old_end)
    {
      clear (self, old_start, old_end);
      self->applied_start = start;
      self->applied_end = end;
      paint (self, start, end);
      return;
    }

  /* Keep what is still wanted; drop and add only the edges. */
  if (old_start < start)
    clear (self, old_start, start);
  if (old_end > end)
    clear (self, end, old_end);
  self->applied_start = start;
  self->applied_end = end;
  if (start < old_start)
    paint (self, start, old_start);
  if (end > old_end)
    paint (self, old_end, end);
}

void
rpt_highlighter_update (RptHighlighter *self)
{
  guint start, end;

  g_return_if_fail (RPT_IS_HIGHLIGHTER (self));

  if (self->document == NULL || self->view == NULL)
    return;

  wanted_range (self, 1, &start, &end);
  if (self->applied_start < self->applied_end &&
      self->applied_start <= start && end <= self->applied_end)
    return;

  /* Tag further than needed so that scrolling re-tags only now and then. */
  wanted_range (self, 3, &start, &end);
  move_applied_range (self, start, end);
}

static gboolean
update_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  RptHighlighter *self = data;

  self->tick_id = 0;
  rpt_highlighter_update (self);
  return G_SOURCE_REMOVE;
}

/* Scrolling and resizing re-tag at the start of the next frame, before
 * layout, so the new lines are drawn with their highlights. */
static void
queue_update (RptHighlighter *self)
{
  if (self->tick_id == 0 && self->view != NULL && self->document != NULL)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->view), update_tick, self, NULL);
}

static void
on_adjustment_changed (GtkAdjustment  *adjustment,
                       RptHighlighter *self)
{
  queue_update (self);
}

/* A long text arrives a part at a time (text added at the end of the
 * buffer has no tags): tag what of it is in the tagged range. */
static void
on_text_added (RptArticleTextView *view,
               guint               start,
               guint               end,
               RptHighlighter     *self)
{
  paint (self, start, end);
  queue_update (self);
}

static void
on_vadjustment_set (GtkTextView    *view,
                    GParamSpec     *pspec,
                    RptHighlighter *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  if (adjustment == self->vadjustment)
    return;
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_set_object (&self->vadjustment, adjustment);
  if (adjustment != NULL)
    {
      g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_adjustment_changed), self, 0);
      g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_adjustment_changed), self, 0);
    }
  queue_update (self);
}

/* ---- Selection and flash ---- */

void
rpt_highlighter_set_selected (RptHighlighter *self,
                              RptAnnotation  *annotation)
{
  g_return_if_fail (RPT_IS_HIGHLIGHTER (self));

  g_set_object (&self->selected, annotation);
  if (self->view == NULL)
    return;
  if (annotation == NULL)
    {
      rpt_article_text_view_set_emphasis (self->view, RPT_EMPHASIS_SELECTED, 0, 0, NULL);
      rpt_article_text_view_set_outline (self->view, 0, 0, NULL);
      return;
    }

  self->selected_start = rpt_annotation_get_start (annotation);
  self->selected_end = rpt_annotation_get_end (annotation);
  update_selected_color (self);
}

static void
end_flash (RptHighlighter *self)
{
  g_clear_handle_id (&self->flash_source, g_source_remove);
  if (self->flashed != NULL && self->view != NULL)
    rpt_article_text_view_set_emphasis (self->view, RPT_EMPHASIS_FLASH, 0, 0, NULL);
  g_clear_object (&self->flashed);
}

static gboolean
flash_timeout (gpointer data)
{
  RptHighlighter *self = data;

  self->flash_source = 0;
  end_flash (self);
  return G_SOURCE_REMOVE;
}

void
rpt_highlighter_flash (RptHighlighter *self,
                       RptAnnotation  *annotation)
{
  g_return_if_fail (RPT_IS_HIGHLIGHTER (self));
  g_return_if_fail (RPT_IS_ANNOTATION (annotation));

  end_flash (self);
  self->flashed = g_object_ref (annotation);
  self->flash_start = rpt_annotation_get_start (annotation);
  self->flash_end = rpt_annotation_get_end (annotation);
  update_flash_color (self);
  self->flash_source = g_timeout_add (FLASH_MS, flash_timeout, self);
}

/* ---- Model changes ---- */

static gboolean
is_shown (RptHighlighter *self,
          RptAnnotation  *annotation)
{
  return self->document != NULL &&
         g_strcmp0 (rpt_annotation_get_document (annotation), rpt_document_get_id (self->document)) == 0;
}

static void
on_annotation_added (RptProject     *project,
                     RptAnnotation  *annotation,
                     RptHighlighter *self)
{
  if (is_shown (self, annotation))
    paint (self, rpt_annotation_get_start (annotation), rpt_annotation_get_end (annotation));
}

static void
on_annotation_removed (RptProject     *project,
                       RptAnnotation  *annotation,
                       RptHighlighter *self)
{
  if (!is_shown (self, annotation))
    return;

  paint (self, rpt_annotation_get_start (annotation), rpt_annotation_get_end (annotation));
  if (annotation == self->selected)
    rpt_highlighter_set_selected (self, NULL);
  if (annotation == self->flashed)
    end_flash (self);
}

static void
on_annotation_changed (RptProject     *project,
                       RptAnnotation  *annotation,
                       guint           old_start,
                       guint           old_end,
                       RptHighlighter *self)
{
  if (!is_shown (self, annotation))
    return;

  paint (self, old_start, old_end);
  paint (self, rpt_annotation_get_start (annotation), rpt_annotation_get_end (annotation));
  if (annotation == self->selected)
    rpt_highlighter_set_selected (self, annotation);
  if (annotation == self->flashed)
    end_flash (self);
}

static void
disconnect_project (RptHighlighter *self)
{
  GHashTableIter iter;
  LabelTags *tags;

  if (self->labels != NULL)
    g_signal_handlers_disconnect_by_data (self->labels, self);
  g_clear_object (&self->labels);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_weak_pointer (&self->project);

  g_hash_table_iter_init (&iter, self->label_tags);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tags))
    {
      remove_label_tags (self, tags);
      g_hash_table_iter_remove (&iter);
    }
}

void
rpt_highlighter_set_source (RptHighlighter *self,
                            RptProject     *project,
                            RptDocument    *document)
{
  guint length;
  GtkTextIter end;

  g_return_if_fail (RPT_IS_HIGHLIGHTER (self));

  end_flash (self);
  rpt_highlighter_set_selected (self, NULL);

  if (project != self->project)
    {
      disconnect_project (self);
      g_set_weak_pointer (&self->project, project);
      if (project != NULL)
        {
          g_signal_connect_object (project, "annotation-added", G_CALLBACK (on_annotation_added), self, 0);
          g_signal_connect_object (project, "annotation-removed", G_CALLBACK (on_annotation_removed), self, 0);
          g_signal_connect_object (project, "annotation-changed", G_CALLBACK (on_annotation_changed), self, 0);
          self->labels = g_object_ref (rpt_project_get_labels (project));
          g_signal_connect_object (self->labels, "items-changed", G_CALLBACK (on_labels_changed), self, 0);
        }
    }

  g_set_object (&self->document, document);
  clear (self, self->applied_start, self->applied_end);
  self->applied_start = self->applied_end = 0;
  sync_labels (self);

  if (document == NULL || self->view == NULL)
    return;

  /* The view shows the top of a new document: tag its first paragraphs now
   * so the first frame has its highlights; the viewport refines it. */
  length = rpt_document_get_length (document);
  rpt_article_text_view_get_iter_at_offset (self->view, &end, MIN (length, INITIAL_CHARS), TRUE);
  if (!gtk_text_iter_starts_line (&end))
    gtk_text_iter_forward_line (&end);
  self->applied_end = MIN (rpt_article_text_view_get_offset (self->view, &end), INITIAL_CHARS + MARGIN_CHARS);
  paint (self, 0, self->applied_end);
  queue_update (self);
}

/* ---- GObject ---- */

static void
rpt_highlighter_dispose (GObject *object)
{
  RptHighlighter *self = RPT_HIGHLIGHTER (object);

  g_clear_handle_id (&self->flash_source, g_source_remove);
  g_clear_object (&self->flashed);
  g_clear_object (&self->selected);
  if (self->tick_id != 0 && self->view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->view), self->tick_id);
  self->tick_id = 0;
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->vadjustment);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_clear_weak_pointer (&self->view);
  if (self->labels != NULL)
    g_signal_handlers_disconnect_by_data (self->labels, self);
  g_clear_object (&self->labels);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_weak_pointer (&self->project);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (rpt_highlighter_parent_class)->dispose (object);
}

static void
rpt_highlighter_finalize (GObject *object)
{
  RptHighlighter *self = RPT_HIGHLIGHTER (object);

  g_hash_table_unref (self->label_tags);
  g_clear_object (&self->buffer);

  G_OBJECT_CLASS (rpt_highlighter_parent_class)->finalize (object);
}

static void
rpt_highlighter_class_init (RptHighlighterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rpt_highlighter_dispose;
  object_class->finalize = rpt_highlighter_finalize;
}

static void
rpt_highlighter_init (RptHighlighter *self)
{
  self->label_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, label_tags_free);
}

RptHighlighter *
rpt_highlighter_new (RptArticleTextView *view)
{
  RptHighlighter *self;
  AdwStyleManager *style = adw_style_manager_get_default ();

  g_return_val_if_fail (RPT_IS_ARTICLE_TEXT_VIEW (view), NULL);

  self = g_object_new (RPT_TYPE_HIGHLIGHTER, NULL);
  g_set_weak_pointer (&self->view, view);
  self->buffer = g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));

  self->dark = adw_style_manager_get_dark (style);
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (on_dark_changed), self, 0);
  g_signal_connect_object (view, "notify::vadjustment", G_CALLBACK (on_vadjustment_set), self, 0);
  g_signal_connect_object (view, "text-added", G_CALLBACK (on_text_added), self, 0);
  on_vadjustment_set (GTK_TEXT_VIEW (view), NULL, self);

  return self;
}
