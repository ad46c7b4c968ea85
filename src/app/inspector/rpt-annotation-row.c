/* rpt-annotation-row.c
 *
 * The row draws its texts itself (rpt-drawn-text.h). With a box of
 * GtkLabels, showing an article with 20,000 annotations took 150 ms just
 * to build and measure the list's 200 rows; here a row is one widget, its
 * width is known from font metrics alone, and its height costs one
 * laid-out excerpt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-annotation-format.h"
#include "rpt-annotation-row.h"
#include "rpt-drawn-text.h"

#define EXCERPT_CHARS 160
#define TARGET_EXCERPT_CHARS 40

/* Geometry, as the label-based row had it. */
#define MARGIN 8
#define CHIP_WIDTH 4
#define CHIP_GAP 10
#define NAME_GAP 6
#define BLOCK_SPACING 3
#define RELATION_SPACING 2
#define EXCERPT_LINES 2
#define MIN_CHARS 12
#define NATURAL_CHARS 40

struct _RptAnnotationRow
{
  GtkWidget      parent_instance;

  RptProject    *project;
  RptAnnotation *annotation;
  GSignalGroup  *project_signals;

  GdkRGBA        chip;
  gboolean       has_chip;

  /* What the row shows; each has a layout of the same name. */
  char          *name;
  char          *speaker;
  char          *excerpt;
  char          *title;
  GPtrArray     *relations;        /* of char * */

  PangoLayout   *name_layout;
  PangoLayout   *speaker_layout;
  PangoLayout   *excerpt_layout;
  PangoLayout   *title_layout;
  GPtrArray     *relation_layouts; /* of PangoLayout *, as many as relations */

  int            layout_width;     /* the text width the layouts were set for */

  guint          show_document : 1;
  guint          bound : 1;
  guint          stale : 1;        /* the project changed while unmapped or unbound */
};

G_DEFINE_FINAL_TYPE (RptAnnotationRow, rpt_annotation_row, GTK_TYPE_WIDGET)

/* ---- Texts ---- */

/* Replaces *@field by @text (taken); TRUE when it changed. */
static gboolean
take_text (char **field,
           char  *text)
{
  if (g_strcmp0 (*field, text) == 0)
    {
      g_free (text);
      return FALSE;
    }
  g_free (*field);
  *field = text;
  return TRUE;
}

static gboolean
same_strings (GPtrArray *a,
              GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return TRUE;
}

/* "↳ rebuts: “…”" for each relation going out of the annotation: the list
 * shows what a span answers; who answers it is in the details. */
static GPtrArray *
relation_lines (RptAnnotationRow *self)
{
  g_autoptr(GPtrArray) relations = NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *id = rpt_annotation_get_id (self->annotation);

  relations = rpt_project_relations_of (self->project, id);
  for (guint i = 0; i < relations->len; i++)
    {
      RptRelation *relation = g_ptr_array_index (relations, i);
      RptAnnotation *target;
      g_autofree char *excerpt = NULL;

      if (g_strcmp0 (rpt_relation_get_from (relation), id) != 0)
        continue;
      target = rpt_project_get_annotation (self->project, rpt_relation_get_to (relation));
      if (target == NULL)
        continue;

      excerpt = rpt_annotation_format_excerpt (self->project, target, TARGET_EXCERPT_CHARS);
      /* Translators: a relation line under an annotation in the list,
       * e.g. "↳ rebuts: “Johnson said…”" */
      g_ptr_array_add (lines, g_strdup_printf (_("↳ %s: “%s”"),
                                               rpt_relation_type_get_verb (rpt_relation_get_kind (relation)),
                                               excerpt));
    }
  return lines;
}

static void
sync_relation_layouts (RptAnnotationRow *self)
{
  g_ptr_array_set_size (self->relation_layouts, 0);
  for (guint i = 0; i < self->relations->len; i++)
    {
      PangoLayout *layout = rpt_drawn_text_new_layout (GTK_WIDGET (self),
                                                       pango_attr_scale_new (RPT_DRAWN_TEXT_CAPTION_SCALE),
                                                       PANGO_ELLIPSIZE_END);

      pango_layout_set_text (layout, g_ptr_array_index (self->relations, i), -1);
      g_ptr_array_add (self->relation_layouts, layout);
    }
}

static void
update_accessible_label (RptAnnotationRow *self)
{
  g_autofree char *text = rpt_annotation_row_dup_text (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

void
rpt_annotation_row_update (RptAnnotationRow *self)
{
  RptLabel *label;
  RptSpeaker *speaker = NULL;
  g_autofree char *excerpt = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  const char *title = "";
  gboolean draw = FALSE, resize = FALSE;

  g_return_if_fail (RPT_IS_ANNOTATION_ROW (self));

  if (self->annotation == NULL || self->project == NULL)
    return;
  self->stale = FALSE;

  label = rpt_project_get_label (self->project, rpt_annotation_get_label (self->annotation));
  self->has_chip = label != NULL && gdk_rgba_parse (&self->chip, rpt_label_get_color (label));
  draw |= take_text (&self->name, g_strdup (label ? rpt_label_get_name (label)
                                                  : rpt_annotation_get_label (self->annotation)));

  if (rpt_annotation_get_speaker (self->annotation))
    speaker = rpt_project_get_speaker (self->project, rpt_annotation_get_speaker (self->annotation));
  draw |= take_text (&self->speaker, speaker ? g_strdup_printf ("· %s", rpt_speaker_get_name (speaker))
                                             : g_strdup (""));

  excerpt = rpt_annotation_format_excerpt (self->project, self->annotation, EXCERPT_CHARS);
  /* Translators: the quoted span under an annotation's label */
  resize |= take_text (&self->excerpt, g_strdup_printf (_("“%s”"), excerpt));

  if (self->show_document)
    {
      RptDocument *document =
        rpt_project_get_document (self->project, rpt_annotation_get_document (self->annotation));

      title = document ? rpt_document_get_title (document) : "";
    }
  resize |= take_text (&self->title, g_strdup (title));

  relations = relation_lines (self);
  if (!same_strings (relations, self->relations))
    {
      g_ptr_array_unref (self->relations);
      self->relations = g_steal_pointer (&relations);
      sync_relation_layouts (self);
      resize = TRUE;
    }

  if (!draw && !resize)
    return;

  pango_layout_set_text (self->name_layout, self->name, -1);
  pango_layout_set_text (self->speaker_layout, self->speaker, -1);
  pango_layout_set_text (self->excerpt_layout, self->excerpt, -1);
  pango_layout_set_text (self->title_layout, self->title, -1);
  self->layout_width = -1;
  update_accessible_label (self);

  /* The header is one line whatever it says: only the other texts can
   * change the row's height. */
  if (resize)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GtkListView keeps 200 rows but shows a screenful: the others catch up
 * when they come into view, so an edit costs what is on screen. */
static void
on_project_changed (RptAnnotationRow *self)
{
  if (self->bound && gtk_widget_get_mapped (GTK_WIDGET (self)))
    rpt_annotation_row_update (self);
  else
    self->stale = TRUE;
}

static void
rpt_annotation_row_map (GtkWidget *widget)
{
  RptAnnotationRow *self = RPT_ANNOTATION_ROW (widget);

  GTK_WIDGET_CLASS (rpt_annotation_row_parent_class)->map (widget);
  if (self->stale)
    rpt_annotation_row_update (self);
}

char *
rpt_annotation_row_dup_text (RptAnnotationRow *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (RPT_IS_ANNOTATION_ROW (self), NULL);

  if (!self->bound)
    return g_string_free (out, FALSE);

  g_string_append (out, self->name);
  if (self->speaker[0])
    g_string_append_printf (out, " %s", self->speaker);
  g_string_append_printf (out, "\n%s\n", self->excerpt);
  if (self->title[0])
    g_string_append_printf (out, "%s\n", self->title);
  for (guint i = 0; i < self->relations->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (self->relations, i));
  return g_string_free (out, FALSE);
}

/* ---- Size ---- */

static int
text_x (void)
{
  return MARGIN + CHIP_WIDTH + CHIP_GAP;
}

/* Gives each layout the width it is drawn at; Pango lays them out again
 * only when it changes. */
static void
set_text_width (RptAnnotationRow *self,
                int               width)
{
  int name_width;

  width = MAX (width, 1);
  if (width == self->layout_width)
    return;
  self->layout_width = width;

  pango_layout_set_width (self->name_layout, -1);
  pango_layout_get_pixel_size (self->name_layout, &name_width, NULL);
  pango_layout_set_width (self->name_layout, MIN (name_width, width) * PANGO_SCALE);
  pango_layout_set_width (self->speaker_layout, MAX (width - name_width - NAME_GAP, 0) * PANGO_SCALE);

  pango_layout_set_width (self->excerpt_layout, width * PANGO_SCALE);
  pango_layout_set_width (self->title_layout, width * PANGO_SCALE);
  for (guint i = 0; i < self->relation_layouts->len; i++)
    pango_layout_set_width (g_ptr_array_index (self->relation_layouts, i), width * PANGO_SCALE);
}

static int
content_height (RptAnnotationRow *self)
{
  int height = MAX (rpt_drawn_text_height (self->name_layout), rpt_drawn_text_height (self->speaker_layout));

  height += BLOCK_SPACING + rpt_drawn_text_height (self->excerpt_layout);
  if (self->title[0])
    height += BLOCK_SPACING + rpt_drawn_text_height (self->title_layout);
  for (guint i = 0; i < self->relation_layouts->len; i++)
    height += (i == 0 ? BLOCK_SPACING : RELATION_SPACING) +
              rpt_drawn_text_height (g_ptr_array_index (self->relation_layouts, i));
  return height;
}

static void
rpt_annotation_row_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  RptAnnotationRow *self = RPT_ANNOTATION_ROW (widget);
  int chars = rpt_drawn_text_char_width (widget);
  int fixed = text_x () + MARGIN;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = fixed + MIN_CHARS * chars;
      *natural = fixed + NATURAL_CHARS * chars;
      return;
    }

  if (!self->bound)
    {
      *minimum = *natural = 2 * MARGIN;
      return;
    }
  set_text_width (self, (for_size < 0 ? NATURAL_CHARS * chars : for_size - fixed));
  *minimum = *natural = 2 * MARGIN + content_height (self);
}

static GtkSizeRequestMode
rpt_annotation_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* ---- Drawing ---- */

static void
append_chip (RptAnnotationRow *self,
             GtkSnapshot      *snapshot,
             int               x,
             int               height)
{
  GskRoundedRect rect;
  GdkRGBA border = { 0, 0, 0, 0.15f };

  if (!self->has_chip || height <= 0)
    return;
  /* As RptColorChip draws it: rounded, with a thin darker edge that keeps
   * light colours visible on a light background. */
  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, MARGIN, CHIP_WIDTH, height),
                                   CHIP_WIDTH / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, &self->chip, &rect.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &rect,
                              (float[4]) { 1, 1, 1, 1 },
                              (GdkRGBA[4]) { border, border, border, border });
}

static void
rpt_annotation_row_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  RptAnnotationRow *self = RPT_ANNOTATION_ROW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int text_width = width - text_x () - MARGIN;
  int name_width, y, header;
  GdkRGBA color, dim;

  if (!self->bound)
    return;

  set_text_width (self, text_width);
  rpt_drawn_text_colors (widget, &color, &dim);

  /* Mirrors x for right-to-left locales: the chip on the right. */
#define X(x, w) (rtl ? width - (x) - (w) : (x))
  append_chip (self, snapshot, X (MARGIN, CHIP_WIDTH), height - 2 * MARGIN);

  pango_layout_get_pixel_size (self->name_layout, &name_width, &header);
  header = MAX (header, rpt_drawn_text_height (self->speaker_layout));
  rpt_drawn_text_append (snapshot, self->name_layout, X (text_x (), name_width), MARGIN, &color);
  if (pango_layout_get_width (self->speaker_layout) > 0)
    {
      int speaker_width;

      pango_layout_get_pixel_size (self->speaker_layout, &speaker_width, NULL);
      /* Same baseline as the bolder name. */
      rpt_drawn_text_append (snapshot, self->speaker_layout,
                     X (text_x () + name_width + NAME_GAP, speaker_width),
                     MARGIN + (pango_layout_get_baseline (self->name_layout) -
                               pango_layout_get_baseline (self->speaker_layout)) / PANGO_SCALE,
                     &dim);
    }
  y = MARGIN + header + BLOCK_SPACING;

  rpt_drawn_text_append (snapshot, self->excerpt_layout, X (text_x (), text_width), y, &color);
  y += rpt_drawn_text_height (self->excerpt_layout);

  if (self->title[0])
    {
      y += BLOCK_SPACING;
      rpt_drawn_text_append (snapshot, self->title_layout, X (text_x (), text_width), y, &dim);
      y += rpt_drawn_text_height (self->title_layout);
    }

  for (guint i = 0; i < self->relation_layouts->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (self->relation_layouts, i);

      y += i == 0 ? BLOCK_SPACING : RELATION_SPACING;
      rpt_drawn_text_append (snapshot, layout, X (text_x (), text_width), y, &dim);
      y += rpt_drawn_text_height (layout);
    }
#undef X
}

/* ---- Life cycle ---- */

static void
rpt_annotation_row_dispose (GObject *object)
{
  RptAnnotationRow *self = RPT_ANNOTATION_ROW (object);

  if (self->project_signals)
    g_signal_group_set_target (self->project_signals, NULL);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_object (&self->annotation);
  g_clear_object (&self->name_layout);
  g_clear_object (&self->speaker_layout);
  g_clear_object (&self->excerpt_layout);
  g_clear_object (&self->title_layout);
  g_clear_pointer (&self->relation_layouts, g_ptr_array_unref);

  G_OBJECT_CLASS (rpt_annotation_row_parent_class)->dispose (object);
}

static void
rpt_annotation_row_finalize (GObject *object)
{
  RptAnnotationRow *self = RPT_ANNOTATION_ROW (object);

  g_free (self->name);
  g_free (self->speaker);
  g_free (self->excerpt);
  g_free (self->title);
  g_ptr_array_unref (self->relations);

  G_OBJECT_CLASS (rpt_annotation_row_parent_class)->finalize (object);
}

static void
rpt_annotation_row_class_init (RptAnnotationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_annotation_row_dispose;
  object_class->finalize = rpt_annotation_row_finalize;

  widget_class->measure = rpt_annotation_row_measure;
  widget_class->get_request_mode = rpt_annotation_row_get_request_mode;
  widget_class->snapshot = rpt_annotation_row_snapshot;
  widget_class->map = rpt_annotation_row_map;

  gtk_widget_class_set_css_name (widget_class, "annotationrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
rpt_annotation_row_init (RptAnnotationRow *self)
{
  self->name = g_strdup ("");
  self->speaker = g_strdup ("");
  self->excerpt = g_strdup ("");
  self->title = g_strdup ("");
  self->relations = g_ptr_array_new_with_free_func (g_free);
  self->layout_width = -1;

  self->name_layout = rpt_drawn_text_new_layout (GTK_WIDGET (self), pango_attr_weight_new (PANGO_WEIGHT_BOLD),
                                                  PANGO_ELLIPSIZE_END);
  self->speaker_layout = rpt_drawn_text_new_layout (GTK_WIDGET (self), NULL, PANGO_ELLIPSIZE_END);
  self->excerpt_layout = rpt_drawn_text_new_layout (GTK_WIDGET (self), NULL, PANGO_ELLIPSIZE_END);
  pango_layout_set_wrap (self->excerpt_layout, PANGO_WRAP_WORD_CHAR);
  /* Negative: at most this many lines, the last one ellipsized. */
  pango_layout_set_height (self->excerpt_layout, -EXCERPT_LINES);
  self->title_layout = rpt_drawn_text_new_layout (GTK_WIDGET (self),
                                                   pango_attr_scale_new (RPT_DRAWN_TEXT_CAPTION_SCALE),
                                                   PANGO_ELLIPSIZE_MIDDLE);
  self->relation_layouts = g_ptr_array_new_with_free_func (g_object_unref);

  self->project_signals = g_signal_group_new (RPT_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "changed",
                                  G_CALLBACK (on_project_changed), self);
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

  self->bound = TRUE;
  /* GTK 4.8 unbinds and binds again every row after an inserted or removed
   * item, to give it its new position: the same annotation, still current,
   * costs nothing. */
  if (project == self->project && annotation == self->annotation && !self->stale)
    return;

  g_set_object (&self->project, project);
  g_set_object (&self->annotation, annotation);
  g_signal_group_set_target (self->project_signals, project);
  rpt_annotation_row_update (self);
}

/* Keeps the annotation and the project's signals for a rebind; changes
 * meanwhile mark the row stale. */
void
rpt_annotation_row_unbind (RptAnnotationRow *self)
{
  g_return_if_fail (RPT_IS_ANNOTATION_ROW (self));

  self->bound = FALSE;
}

RptAnnotation *
rpt_annotation_row_get_annotation (RptAnnotationRow *self)
{
  g_return_val_if_fail (RPT_IS_ANNOTATION_ROW (self), NULL);
  return self->bound ? self->annotation : NULL;
}

void
rpt_annotation_row_set_show_document (RptAnnotationRow *self,
                                      gboolean          show_document)
{
  g_return_if_fail (RPT_IS_ANNOTATION_ROW (self));

  self->show_document = !!show_document;
  rpt_annotation_row_update (self);
}
