/* rpt-article-view-input.c: pointer and keys in the article view. A mouse
 * selection brings up the adder; a click on a highlight selects (or picks)
 * its annotation, through a chooser where spans overlap; 1–9 tag, Tab and
 * Shift+Tab move between annotations, Escape backs out.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-annotation-format.h"
#include "rpt-article-view-private.h"
#include "rpt-color-chip.h"

/* A press and release closer than this (pixels) is a click, not a drag. */
#define CLICK_SLOP 4.0
#define EXCERPT_CHARS 60

static gboolean
text_has_focus (RptArticleView *self)
{
  return gtk_widget_is_focus (GTK_WIDGET (self->text_view));
}

/* Rectangle of the character before or at @iter, in our coordinates. */
static GdkRectangle
iter_rect (RptArticleView    *self,
           const GtkTextIter *iter)
{
  GdkRectangle rect;
  graphene_point_t point;
  int x, y;

  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self->text_view), iter, &rect);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self->text_view), GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y, &x, &y);
  if (!gtk_widget_compute_point (GTK_WIDGET (self->text_view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    point = GRAPHENE_POINT_INIT (x, y);
  rect.x = point.x;
  rect.y = point.y;
  rect.width = MAX (rect.width, 1);
  return rect;
}

/* ---- Tagging ---- */

static void
show_adder (RptArticleView *self)
{
  GtkTextIter insert, start, end;
  GdkRectangle rect;

  if (self->project == NULL || !gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return;

  /* Point at the end the pointer dragged to; if that is the end of the
   * selection, at its last character rather than the next line's start. */
  gtk_text_buffer_get_iter_at_mark (self->buffer, &insert, gtk_text_buffer_get_insert (self->buffer));
  if (gtk_text_iter_equal (&insert, &end))
    gtk_text_iter_backward_char (&insert);
  rect = iter_rect (self, &insert);

  rpt_label_adder_set_labels (self->adder, rpt_project_get_labels (self->project));
  rpt_label_adder_popup_at (self->adder, &rect);
}

static void
choose_annotation (RptArticleView *self,
                   RptAnnotation  *annotation)
{
  gtk_popover_popdown (self->chooser);

  if (self->picking)
    {
      self->picking = FALSE;
      gtk_widget_remove_css_class (GTK_WIDGET (self), "picking");
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view), "text");
      _rpt_article_view_emit_picked (self, annotation);
      return;
    }
  rpt_article_view_set_selected_annotation (self, annotation);
}

static GtkWidget *
create_chooser_row (RptArticleView *self,
                    RptAnnotation  *annotation,
                    GtkSizeGroup   *names)
{
  RptLabel *label = rpt_project_get_label (self->project, rpt_annotation_get_label (annotation));
  guint start = rpt_annotation_get_start (annotation);
  guint end = rpt_annotation_get_end (annotation);
  g_autofree char *slice = rpt_document_dup_slice (self->document, start, MIN (end, start + EXCERPT_CHARS));
  g_auto(GStrv) words = g_strsplit_set (slice, " \t\r\n", -1);
  g_autofree char *joined = NULL;
  g_autofree char *quoted = NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = gtk_label_new (label ? rpt_label_get_name (label) : rpt_annotation_get_label (annotation));
  GtkWidget *excerpt;

  /* One line of text however the span is broken across paragraphs. */
  for (char **w = words; *w; w++)
    if (**w != '\0')
      {
        char *next = joined ? g_strconcat (joined, " ", *w, NULL) : g_strdup (*w);

        g_free (joined);
        joined = next;
      }
  /* Translators: an excerpt of annotated text in quotation marks; %s is the
   * text, followed by an ellipsis when cut short. */
  quoted = g_strdup_printf (_("“%s%s”"), joined ? joined : "", end - start > EXCERPT_CHARS ? "…" : "");
  excerpt = gtk_label_new (quoted);
  gtk_label_set_ellipsize (GTK_LABEL (excerpt), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (excerpt), 40);
  gtk_label_set_xalign (GTK_LABEL (excerpt), 0);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (excerpt, "dim-label");
  gtk_widget_add_css_class (name, "heading");
  /* Excerpts line up in a column whatever the label names' lengths. */
  gtk_size_group_add_widget (names, name);

  gtk_box_append (GTK_BOX (box), rpt_color_chip_new (label ? rpt_label_get_color (label) : NULL));
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), excerpt);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "article.select-annotation");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", rpt_annotation_get_id (annotation));
  return button;
}

static void
show_chooser (RptArticleView *self,
              GPtrArray      *annotations,
              double          x,
              double          y)
{
  g_autoptr(GtkSizeGroup) names = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  GtkWidget *child;
  graphene_point_t point;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chooser_box))))
    gtk_box_remove (self->chooser_box, child);
  for (guint i = 0; i < annotations->len; i++)
    gtk_box_append (self->chooser_box, create_chooser_row (self, g_ptr_array_index (annotations, i), names));

  if (!gtk_widget_compute_point (GTK_WIDGET (self->text_view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    point = GRAPHENE_POINT_INIT (x, y);
  gtk_popover_set_pointing_to (self->chooser, &(GdkRectangle) { point.x, point.y, 1, 1 });
  gtk_popover_popup (self->chooser);
}

/* A click (no drag) on the text: select, choose among or pick the
 * annotations under the pointer. */
static void
click_at (RptArticleView *self,
          double          x,
          double          y)
{
  RptAnnotationStore *store = _rpt_article_view_get_store (self);
  g_autoptr(GPtrArray) hits = NULL;
  GtkTextIter iter;
  int bx, by;

  if (store == NULL)
    return;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->text_view), GTK_TEXT_WINDOW_WIDGET,
                                         x, y, &bx, &by);
  if (gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->text_view), &iter, bx, by))
    {
      guint offset = rpt_article_text_view_get_offset (self->text_view, &iter);

      hits = rpt_annotation_store_query (store, offset, offset);
    }

  if (hits == NULL || hits->len == 0)
    {
      if (self->picking)
        gtk_widget_error_bell (GTK_WIDGET (self));
      else
        rpt_article_view_set_selected_annotation (self, NULL);
    }
  else if (hits->len == 1)
    choose_annotation (self, g_ptr_array_index (hits, 0));
  else
    show_chooser (self, hits, x, y);
}

static gboolean
after_release (gpointer data)
{
  RptArticleView *self = data;
  GtkTextIter start, end;

  self->release_idle = 0;

  if (gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    {
      if (self->picking)
        return G_SOURCE_REMOVE;
      /* Show the user what will be tagged: the snapped range. */
      if (_rpt_article_view_selection_iters (self, &start, &end))
        {
          gtk_text_buffer_select_range (self->buffer, &end, &start);
          show_adder (self);
        }
      else
        _rpt_article_view_clear_text_selection (self);
    }
  else if (self->release_is_click)
    click_at (self, self->release_x, self->release_y);

  return G_SOURCE_REMOVE;
}

/* Event position in the text view's coordinates. */
static gboolean
event_position (RptArticleView *self,
                GdkEvent       *event,
                double         *x,
                double         *y)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self->text_view));
  graphene_point_t point;
  double ex, ey, nx, ny;

  if (native == NULL || !gdk_event_get_position (event, &ex, &ey))
    return FALSE;
  gtk_native_get_surface_transform (native, &nx, &ny);
  if (!gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self->text_view),
                                 &GRAPHENE_POINT_INIT (ex - nx, ey - ny), &point))
    return FALSE;
  *x = point.x;
  *y = point.y;
  return TRUE;
}

/* Watches button 1 without claiming it, so the text view's own selection
 * gestures keep working; acts once the text view has handled the release. */
static gboolean
on_text_event (GtkEventControllerLegacy *controller,
               GdkEvent                 *event,
               RptArticleView           *self)
{
  GdkEventType type = gdk_event_get_event_type (event);
  double x, y;

  if ((type != GDK_BUTTON_PRESS && type != GDK_BUTTON_RELEASE) ||
      gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY ||
      !event_position (self, event, &x, &y))
    return GDK_EVENT_PROPAGATE;

  if (type == GDK_BUTTON_PRESS)
    {
      self->pressed = TRUE;
      self->press_x = x;
      self->press_y = y;
      gtk_popover_popdown (GTK_POPOVER (self->adder));
    }
  else if (self->pressed)
    {
      self->pressed = FALSE;
      self->release_x = x;
      self->release_y = y;
      self->release_is_click = ABS (x - self->press_x) < CLICK_SLOP && ABS (y - self->press_y) < CLICK_SLOP;
      if (self->release_idle == 0)
        self->release_idle = g_idle_add (after_release, self);
    }

  return GDK_EVENT_PROPAGATE;
}

static void
on_has_selection (GtkTextBuffer  *buffer,
                  GParamSpec     *pspec,
                  RptArticleView *self)
{
  if (!gtk_text_buffer_get_has_selection (buffer))
    gtk_popover_popdown (GTK_POPOVER (self->adder));
}

static void
on_scrolled (GtkAdjustment  *adjustment,
             RptArticleView *self)
{
  /* Popovers point at text that has moved. */
  gtk_popover_popdown (GTK_POPOVER (self->adder));
  gtk_popover_popdown (self->chooser);
}

/* ---- Moving between annotations ---- */

static void
move_selection (RptArticleView *self,
                int             direction)
{
  RptAnnotationStore *store = _rpt_article_view_get_store (self);
  RptAnnotation *annotation;
  guint n, position;

  if (store == NULL || (n = rpt_annotation_store_get_n_items (store)) == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (self->selected != NULL &&
      (position = rpt_annotation_store_find (store, self->selected)) != G_MAXUINT)
    position = (position + n + direction) % n;
  else
    {
      /* From the caret: the first span at or after it, or the last before. */
      GtkTextIter insert;
      guint at;

      gtk_text_buffer_get_iter_at_mark (self->buffer, &insert, gtk_text_buffer_get_insert (self->buffer));
      at = rpt_annotation_store_lower_bound (store, rpt_article_text_view_get_offset (self->text_view, &insert));
      if (direction > 0)
        position = at < n ? at : 0;
      else
        position = at > 0 ? at - 1 : n - 1;
    }

  annotation = rpt_annotation_store_get (store, position);
  rpt_article_view_set_selected_annotation (self, annotation);
  _rpt_article_view_scroll_to (self, annotation, FALSE);
}

/* ---- Actions and keys ---- */

static void
tag_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RptArticleView *self = RPT_ARTICLE_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (rpt_article_view_tag_selection (self, g_variant_get_string (parameter, NULL), &error) == NULL)
    _rpt_article_view_emit_tag_failed (self, error->message);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_selection (RPT_ARTICLE_VIEW (widget), +1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  move_selection (RPT_ARTICLE_VIEW (widget), -1);
}

static void
select_annotation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RptArticleView *self = RPT_ARTICLE_VIEW (widget);
  RptAnnotation *annotation;

  if (self->project == NULL)
    return;
  annotation = rpt_project_get_annotation (self->project, g_variant_get_string (parameter, NULL));
  if (annotation != NULL)
    choose_annotation (self, annotation);
}

static gboolean
tag_by_key (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  RptArticleView *self = RPT_ARTICLE_VIEW (widget);
  RptLabel *label;

  if (self->project == NULL || self->document == NULL || !text_has_focus (self))
    return FALSE;
  label = rpt_project_get_label_by_shortcut (self->project, g_variant_get_uint32 (args));
  if (label == NULL)
    return FALSE;

  gtk_widget_activate_action (widget, "article.tag", "s", rpt_label_get_id (label));
  return TRUE;
}

static gboolean
move_by_key (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  RptArticleView *self = RPT_ARTICLE_VIEW (widget);
  RptAnnotationStore *store = _rpt_article_view_get_store (self);

  /* With nothing to move to, Tab moves the focus as usual. */
  if (!text_has_focus (self) || store == NULL || rpt_annotation_store_get_n_items (store) == 0)
    return FALSE;

  move_selection (self, g_variant_get_int32 (args));
  return TRUE;
}

static gboolean
escape_by_key (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  RptArticleView *self = RPT_ARTICLE_VIEW (widget);

  if (gtk_widget_get_visible (GTK_WIDGET (self->chooser)))
    gtk_popover_popdown (self->chooser);
  else if (gtk_widget_get_visible (GTK_WIDGET (self->adder)))
    gtk_popover_popdown (GTK_POPOVER (self->adder));
  else if (self->picking)
    choose_annotation (self, NULL);
  else if (gtk_text_buffer_get_has_selection (self->buffer))
    _rpt_article_view_clear_text_selection (self);
  else if (self->selected != NULL)
    rpt_article_view_set_selected_annotation (self, NULL);
  else
    return FALSE;
  return TRUE;
}

static void
add_key (GtkShortcutController *controller,
         guint                  keyval,
         GdkModifierType        modifiers,
         GtkShortcutFunc        callback,
         GVariant              *args)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_callback_action_new (callback, NULL, NULL));

  gtk_shortcut_set_arguments (shortcut, args);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* The keys are caught in the capture phase: the read-only text view would
 * otherwise turn Tab into a focus move before it reached us. */
static void
add_key_bindings (RptArticleView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *keys = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_name (controller, "article-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 1; i <= 9; i++)
    {
      add_key (keys, GDK_KEY_0 + i, 0, tag_by_key, g_variant_new_uint32 (i));
      add_key (keys, GDK_KEY_KP_0 + i, 0, tag_by_key, g_variant_new_uint32 (i));
    }
  add_key (keys, GDK_KEY_Tab, 0, move_by_key, g_variant_new_int32 (+1));
  add_key (keys, GDK_KEY_KP_Tab, 0, move_by_key, g_variant_new_int32 (+1));
  add_key (keys, GDK_KEY_Tab, GDK_SHIFT_MASK, move_by_key, g_variant_new_int32 (-1));
  add_key (keys, GDK_KEY_Escape, 0, escape_by_key, NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* ---- Set-up ---- */

void
_rpt_article_view_class_init_input (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "article.tag", "s", tag_action);
  gtk_widget_class_install_action (widget_class, "article.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "article.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "article.select-annotation", "s", select_annotation_action);
}

/* Hovering a highlight names its label and speaker, one line per
 * annotation there: the colour is never the only cue. */
static gboolean
on_query_tooltip (RptArticleView *self,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip)
{
  RptAnnotationStore *store = _rpt_article_view_get_store (self);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GString) text = NULL;
  GtkTextIter iter;
  guint offset;
  int bx, by;

  if (store == NULL || keyboard)
    return FALSE;
  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->text_view), GTK_TEXT_WINDOW_WIDGET,
                                         x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->text_view), &iter, bx, by))
    return FALSE;
  offset = rpt_article_text_view_get_offset (self->text_view, &iter);
  hits = rpt_annotation_store_query (store, offset, offset);
  if (hits == NULL || hits->len == 0)
    return FALSE;

  text = g_string_new (NULL);
  for (guint i = 0; i < hits->len; i++)
    {
      g_autofree char *title = rpt_annotation_format_title (self->project, g_ptr_array_index (hits, i));

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, title);
    }
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

void
_rpt_article_view_init_input (RptArticleView *self)
{
  GtkEventController *legacy = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect_object (legacy, "event", G_CALLBACK (on_text_event), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), legacy);

  g_signal_connect_object (self->buffer, "notify::has-selection", G_CALLBACK (on_has_selection), self, 0);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled), "value-changed",
                           G_CALLBACK (on_scrolled), self, 0);

  add_key_bindings (self);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->text_view), TRUE);
  g_signal_connect_object (self->text_view, "query-tooltip", G_CALLBACK (on_query_tooltip), self, G_CONNECT_SWAPPED);
}
