/* rpt-document-row.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-document-row.h"
#include "rpt-drawn-text.h"

/* The row draws its two lines itself (rpt-drawn-text.h): a project of a
 * thousand articles fills the sidebar's list with 200 rows at once. */

/* Geometry, as a box of two labels had it. */
#define MARGIN 6
#define LINE_SPACING 2
#define TITLE_LINES 2
#define MIN_CHARS 8
#define NATURAL_CHARS 30

struct _RptDocumentRow
{
  GtkWidget    parent_instance;

  RptDocument *document;
  char        *subtitle;
  PangoLayout *title_layout;
  PangoLayout *subtitle_layout;
  int          layout_width;
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

  if (self->document != NULL)
    {
      n = rpt_document_get_n_annotations (self->document);
      /* Translators: the sidebar line under an article's title; %s is the file
       * it came from, %u the number of annotations in it */
      text = g_strdup_printf (ngettext ("%s · %u annotation", "%s · %u annotations", n),
                              rpt_document_get_source (self->document), n);
    }
  g_free (self->subtitle);
  self->subtitle = text ? g_steal_pointer (&text) : g_strdup ("");
  pango_layout_set_text (self->subtitle_layout, self->subtitle, -1);
  /* One line whatever it says. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
rpt_document_row_set_document (RptDocumentRow *self,
                               RptDocument    *document)
{
  const char *title = "";

  g_return_if_fail (RPT_IS_DOCUMENT_ROW (self));

  if (self->document == document)
    return;
  if (self->document)
    g_signal_handlers_disconnect_by_func (self->document, update_subtitle, self);
  g_set_object (&self->document, document);
  if (document)
    {
      title = rpt_document_get_title (document);
      g_signal_connect_object (document, "notify::n-annotations",
                               G_CALLBACK (update_subtitle), self, G_CONNECT_SWAPPED);
    }
  pango_layout_set_text (self->title_layout, title, -1);
  /* Titles are cut after two lines: the tooltip has all of it. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), document ? title : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  self->layout_width = -1;
  update_subtitle (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* ---- Size and drawing ---- */

static void
set_text_width (RptDocumentRow *self,
                int             width)
{
  width = MAX (width, 1);
  if (width == self->layout_width)
    return;
  self->layout_width = width;
  pango_layout_set_width (self->title_layout, width * PANGO_SCALE);
  pango_layout_set_width (self->subtitle_layout, width * PANGO_SCALE);
}

static void
rpt_document_row_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  RptDocumentRow *self = RPT_DOCUMENT_ROW (widget);
  int chars = rpt_drawn_text_char_width (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 2 * MARGIN + MIN_CHARS * chars;
      *natural = 2 * MARGIN + NATURAL_CHARS * chars;
      return;
    }

  set_text_width (self, for_size < 0 ? NATURAL_CHARS * chars : for_size - 2 * MARGIN);
  *minimum = *natural = 2 * MARGIN + rpt_drawn_text_height (self->title_layout) +
                        LINE_SPACING + rpt_drawn_text_height (self->subtitle_layout);
}

static GtkSizeRequestMode
rpt_document_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rpt_document_row_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  RptDocumentRow *self = RPT_DOCUMENT_ROW (widget);
  int width = gtk_widget_get_width (widget) - 2 * MARGIN;
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int title_width, subtitle_width;
  GdkRGBA color, dim;

  if (self->document == NULL)
    return;

  set_text_width (self, width);
  rpt_drawn_text_colors (widget, &color, &dim);
  pango_layout_get_pixel_size (self->title_layout, &title_width, NULL);
  pango_layout_get_pixel_size (self->subtitle_layout, &subtitle_width, NULL);
  /* Start-aligned: on the right in right-to-left locales. */
  rpt_drawn_text_append (snapshot, self->title_layout,
                         rtl ? MARGIN + width - title_width : MARGIN, MARGIN, &color);
  rpt_drawn_text_append (snapshot, self->subtitle_layout,
                         rtl ? MARGIN + width - subtitle_width : MARGIN,
                         MARGIN + rpt_drawn_text_height (self->title_layout) + LINE_SPACING, &dim);
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
  return self->subtitle;
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

  if (self->document)
    g_signal_handlers_disconnect_by_func (self->document, update_subtitle, self);
  g_clear_object (&self->document);
  g_clear_object (&self->title_layout);
  g_clear_object (&self->subtitle_layout);

  G_OBJECT_CLASS (rpt_document_row_parent_class)->dispose (object);
}

static void
rpt_document_row_finalize (GObject *object)
{
  RptDocumentRow *self = RPT_DOCUMENT_ROW (object);

  g_free (self->subtitle);

  G_OBJECT_CLASS (rpt_document_row_parent_class)->finalize (object);
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
  object_class->finalize = rpt_document_row_finalize;
  object_class->get_property = rpt_document_row_get_property;
  object_class->set_property = rpt_document_row_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, RPT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = rpt_document_row_measure;
  widget_class->get_request_mode = rpt_document_row_get_request_mode;
  widget_class->snapshot = rpt_document_row_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
rpt_document_row_init (RptDocumentRow *self)
{
  self->subtitle = g_strdup ("");
  self->layout_width = -1;
  self->title_layout = rpt_drawn_text_new_layout (GTK_WIDGET (self), NULL, PANGO_ELLIPSIZE_END);
  pango_layout_set_wrap (self->title_layout, PANGO_WRAP_WORD_CHAR);
  /* Negative: at most this many lines, the last one ellipsized. */
  pango_layout_set_height (self->title_layout, -TITLE_LINES);
  self->subtitle_layout = rpt_drawn_text_new_layout (GTK_WIDGET (self),
                                                     pango_attr_scale_new (RPT_DRAWN_TEXT_CAPTION_SCALE),
                                                     PANGO_ELLIPSIZE_MIDDLE);
}
