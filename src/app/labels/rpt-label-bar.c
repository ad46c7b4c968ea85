/* rpt-label-bar.c: a button for each label, on as many lines as the width
 * needs: every label stays in sight and in reach of a click, however
 * narrow the article pane (a scrolling row hid the last ones with nothing
 * to say they were there).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-core.h"
#include "rpt-label-bar.h"

struct _RptLabelBar
{
  GtkWidget   parent_instance;

  GListModel *labels;
  char       *action_name;
  GPtrArray  *watched;   /* RptLabel whose notify we listen to */
};

G_DEFINE_FINAL_TYPE (RptLabelBar, rpt_label_bar, GTK_TYPE_WIDGET)

/* Between buttons on a line, and between lines. */
#define SPACING 6

enum {
  PROP_0,
  PROP_LABELS,
  PROP_ACTION_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  RptLabel *label = user_data;
  GdkRGBA rgba;
  double r = MIN (width, height) / 2.0;

  if (!gdk_rgba_parse (&rgba, rpt_label_get_color (label)))
    return;
  cairo_arc (cr, width / 2.0, height / 2.0, r, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_fill (cr);
}

static GtkWidget *
make_button (RptLabelBar *self,
             RptLabel    *label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *name = gtk_label_new (rpt_label_get_name (label));
  guint key = rpt_label_get_shortcut (label);
  g_autofree char *tooltip = NULL;

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch,
                                  g_object_ref (label), g_object_unref);
  gtk_box_append (GTK_BOX (box), swatch);
  /* A name longer than the pane is shortened, never the pane widened. */
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), name);

  if (key != 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", key);
      GtkWidget *keycap = gtk_label_new (text);

      gtk_widget_add_css_class (keycap, "rpt-keycap");
      gtk_widget_add_css_class (keycap, "dim-label");
      gtk_box_append (GTK_BOX (box), keycap);
      /* Translators: tooltip of a label button; %s is a label name such as "Claim", %u its key */
      tooltip = g_strdup_printf (_("Tag the selected text as %s (%u)"), rpt_label_get_name (label), key);
    }
  else
    tooltip = g_strdup_printf (_("Tag the selected text as %s"), rpt_label_get_name (label));

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_tooltip_text (button, tooltip);
  /* Keep the focus (and so the selection) in the article. */
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_add_css_class (button, "rpt-label-button");
  g_object_set_data_full (G_OBJECT (button), "rpt-label-id",
                          g_strdup (rpt_label_get_id (label)), g_free);
  if (self->action_name)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", rpt_label_get_id (label));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), self->action_name);
  return button;
}

static void rebuild (RptLabelBar *self);

static void
label_notify_cb (RptLabelBar *self)
{
  rebuild (self);
}

static void
unwatch (RptLabelBar *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i), label_notify_cb, self);
  g_ptr_array_set_size (self->watched, 0);
}

/* Labels are few: rebuilding all buttons on any change keeps it simple. */
static void
rebuild (RptLabelBar *self)
{
  GtkWidget *child;
  guint n;

  unwatch (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  n = self->labels ? g_list_model_get_n_items (self->labels) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (self->labels, i);

      gtk_widget_insert_before (make_button (self, label), GTK_WIDGET (self), NULL);
      g_signal_connect_swapped (label, "notify", G_CALLBACK (label_notify_cb), self);
      g_ptr_array_add (self->watched, g_object_ref (label));
    }
}

static void
items_changed_cb (RptLabelBar *self)
{
  rebuild (self);
}

void
rpt_label_bar_set_labels (RptLabelBar *self,
                          GListModel  *labels)
{
  g_return_if_fail (RPT_IS_LABEL_BAR (self));
  g_return_if_fail (labels == NULL || G_IS_LIST_MODEL (labels));

  if (self->labels == labels)
    return;
  if (self->labels)
    g_signal_handlers_disconnect_by_func (self->labels, items_changed_cb, self);
  g_set_object (&self->labels, labels);
  if (labels)
    g_signal_connect_swapped (labels, "items-changed", G_CALLBACK (items_changed_cb), self);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABELS]);
}

void
rpt_label_bar_set_action_name (RptLabelBar *self,
                               const char  *action_name)
{
  g_return_if_fail (RPT_IS_LABEL_BAR (self));

  if (g_strcmp0 (self->action_name, action_name) == 0)
    return;
  g_free (self->action_name);
  self->action_name = g_strdup (action_name);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION_NAME]);
}

GtkWidget *
rpt_label_bar_get_button (RptLabelBar *self,
                          const char  *label_id)
{
  g_return_val_if_fail (RPT_IS_LABEL_BAR (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *id = g_object_get_data (G_OBJECT (child), "rpt-label-id");

      if (g_strcmp0 (id, label_id) == 0)
        return child;
    }
  return NULL;
}

/* ---- Layout: lines of buttons at their natural width ---- */

/* Places the visible buttons on lines @width wide, each at its natural
 * width (or the line's, if wider); allocates them if @allocate. Returns
 * the height of all the lines. */
static int
lay_out (RptLabelBar *self,
         int          width,
         gboolean     allocate)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GtkWidget *line_start = gtk_widget_get_first_child (widget);
  int y = 0;

  while (line_start != NULL)
    {
      GtkWidget *child, *line_end;
      int x = 0, line_height = 0;

      /* Which buttons fit on this line, and how tall it is. */
      for (child = line_start; child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          int min, nat, w, h;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
          w = MIN (nat, width);
          if (x > 0 && x + w > width)
            break;
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
          line_height = MAX (line_height, h);
          x += w + SPACING;
        }
      line_end = child;

      if (allocate)
        for (x = 0, child = line_start; child != line_end; child = gtk_widget_get_next_sibling (child))
          {
            int nat, w;

            if (!gtk_widget_should_layout (child))
              continue;
            gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat, NULL, NULL);
            w = MIN (nat, width);
            gtk_widget_size_allocate (child,
                                      &(GtkAllocation) { rtl ? width - x - w : x, y, w, line_height },
                                      -1);
            x += w + SPACING;
          }

      if (line_height > 0)
        y += line_height + SPACING;
      line_start = line_end;
    }
  return MAX (y - SPACING, 0);
}

static void
rpt_label_bar_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  RptLabelBar *self = RPT_LABEL_BAR (widget);
  int widest = 0, one_line = 0;

  /* At the least the widest button (its name shortened); at best all of
   * them on one line. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      widest = MAX (widest, min);
      one_line += nat + (one_line > 0 ? SPACING : 0);
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = widest;
      *natural = one_line;
    }
  else
    {
      /* Asked without a width: as tall as one line is (the natural width). */
      *minimum = *natural = lay_out (self, for_size < 0 ? one_line : MAX (for_size, widest), FALSE);
    }
}

static void
rpt_label_bar_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  lay_out (RPT_LABEL_BAR (widget), width, TRUE);
}

static GtkSizeRequestMode
rpt_label_bar_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rpt_label_bar_dispose (GObject *object)
{
  RptLabelBar *self = RPT_LABEL_BAR (object);
  GtkWidget *child;

  unwatch (self);
  if (self->labels)
    g_signal_handlers_disconnect_by_func (self->labels, items_changed_cb, self);
  g_clear_object (&self->labels);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rpt_label_bar_parent_class)->dispose (object);
}

static void
rpt_label_bar_finalize (GObject *object)
{
  RptLabelBar *self = RPT_LABEL_BAR (object);

  g_ptr_array_unref (self->watched);
  g_free (self->action_name);

  G_OBJECT_CLASS (rpt_label_bar_parent_class)->finalize (object);
}

static void
rpt_label_bar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RptLabelBar *self = RPT_LABEL_BAR (object);

  switch (prop_id)
    {
    case PROP_LABELS:
      g_value_set_object (value, self->labels);
      break;
    case PROP_ACTION_NAME:
      g_value_set_string (value, self->action_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_label_bar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RptLabelBar *self = RPT_LABEL_BAR (object);

  switch (prop_id)
    {
    case PROP_LABELS:
      rpt_label_bar_set_labels (self, g_value_get_object (value));
      break;
    case PROP_ACTION_NAME:
      rpt_label_bar_set_action_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_label_bar_class_init (RptLabelBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_label_bar_dispose;
  object_class->finalize = rpt_label_bar_finalize;
  object_class->get_property = rpt_label_bar_get_property;
  object_class->set_property = rpt_label_bar_set_property;

  properties[PROP_LABELS] =
    g_param_spec_object ("labels", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION_NAME] =
    g_param_spec_string ("action-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = rpt_label_bar_measure;
  widget_class->size_allocate = rpt_label_bar_size_allocate;
  widget_class->get_request_mode = rpt_label_bar_get_request_mode;

  gtk_widget_class_set_css_name (widget_class, "rptlabelbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static void
rpt_label_bar_init (RptLabelBar *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "toolbar");
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
}
