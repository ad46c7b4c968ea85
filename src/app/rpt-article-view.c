/* rpt-article-view.c: the article, its highlights, and tagging by pointer
 * and keyboard. Drawing the highlights is RptHighlighter's job; this file
 * turns pointer and key input into selections, tags and picks.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rpt-article-text-view.h"
#include "rpt-article-view.h"
#include "rpt-color-swatch.h"
#include "rpt-highlighter.h"
#include "rpt-label-adder.h"

/* A press and release closer than this (pixels) is a click, not a drag. */
#define CLICK_SLOP 4.0
#define EXCERPT_CHARS 60
/* A scroll to an annotation is repeated while the text's height changes,
 * until it has not changed for this long (ms). */
#define SCROLL_SETTLE_MS 600

struct _RptArticleView
{
  GtkWidget           parent_instance;

  /* Template children */
  GtkScrolledWindow  *scrolled;
  AdwClampScrollable *clamp;
  RptArticleTextView *text_view;
  RptLabelAdder      *adder;
  GtkPopover         *chooser;
  GtkBox             *chooser_box;

  GtkTextBuffer      *buffer;
  GtkTextMark        *scroll_mark;
  double              scroll_margin;
  guint               scroll_settle;
  RptHighlighter     *highlighter;

  RptProject         *project;        /* weak */
  RptDocument        *document;
  RptAnnotation      *selected;

  gboolean            snap_to_words;
  gboolean            picking;

  /* Pointer: where button 1 went down, in text view coordinates. */
  gboolean            pressed;
  double              press_x;
  double              press_y;
  double              release_x;
  double              release_y;
  gboolean            release_is_click;
  guint               release_idle;
};

G_DEFINE_FINAL_TYPE (RptArticleView, rpt_article_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_DOCUMENT,
  PROP_SELECTED_ANNOTATION,
  PROP_SNAP_TO_WORDS,
  N_PROPS
};

enum {
  ANNOTATION_PICKED,
  TAG_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static RptAnnotationStore *
current_store (RptArticleView *self)
{
  if (self->project == NULL || self->document == NULL)
    return NULL;
  return rpt_project_get_annotations (self->project, rpt_document_get_id (self->document));
}

static void
update_actions (RptArticleView *self)
{
  RptAnnotationStore *store = current_store (self);
  gboolean any = store != NULL && rpt_annotation_store_get_n_items (store) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.tag", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.next", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.previous", any);
}

static gboolean
text_has_focus (RptArticleView *self)
{
  return gtk_widget_is_focus (GTK_WIDGET (self->text_view));
}

/* ---- Selection ---- */

/* Trims white space off both ends, then grows each end that falls inside a
 * word to the word's boundary (Pango's word boundaries, through the
 * GtkTextIter word functions), so "ell" in "hello" becomes "hello". */
static void
snap_to_words (GtkTextIter *start,
               GtkTextIter *end)
{
  while (gtk_text_iter_compare (start, end) < 0 && g_unichar_isspace (gtk_text_iter_get_char (start)))
    gtk_text_iter_forward_char (start);
  while (gtk_text_iter_compare (start, end) < 0)
    {
      GtkTextIter before = *end;

      gtk_text_iter_backward_char (&before);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&before)))
        break;
      *end = before;
    }
  if (gtk_text_iter_equal (start, end))
    return;

  if (gtk_text_iter_inside_word (start) && !gtk_text_iter_starts_word (start))
    gtk_text_iter_backward_word_start (start);
  if (gtk_text_iter_inside_word (end) && !gtk_text_iter_starts_word (end) && !gtk_text_iter_ends_word (end))
    gtk_text_iter_forward_word_end (end);
}

static gboolean
selection_iters (RptArticleView *self,
                 GtkTextIter    *start,
                 GtkTextIter    *end)
{
  if (self->document == NULL || !gtk_text_buffer_get_selection_bounds (self->buffer, start, end))
    return FALSE;
  if (self->snap_to_words)
    snap_to_words (start, end);
  return !gtk_text_iter_equal (start, end);
}

static void
clear_text_selection (RptArticleView *self)
{
  GtkTextIter insert;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &insert, gtk_text_buffer_get_insert (self->buffer));
  gtk_text_buffer_select_range (self->buffer, &insert, &insert);
}

/* ---- Scrolling ---- */

static void
scroll_to_mark (RptArticleView *self)
{
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->text_view), self->scroll_mark,
                                self->scroll_margin, FALSE, 0.0, 0.0);
}

static gboolean
scroll_settled (gpointer data)
{
  RptArticleView *self = data;

  self->scroll_settle = 0;
  return G_SOURCE_REMOVE;
}

static void
cancel_pending_scroll (RptArticleView *self)
{
  g_clear_handle_id (&self->scroll_settle, g_source_remove);
}

/* The view lays lines out in the background, and a line not laid out yet
 * has no height: a scroll made before that is done lands short of its
 * target. So the scroll is repeated each time the height of the text grows,
 * until it stops growing for a moment or the user scrolls, clicks or types. */
static void
on_adjustment_changed (GtkAdjustment  *adjustment,
                       RptArticleView *self)
{
  if (self->scroll_settle == 0)
    return;
  g_source_remove (self->scroll_settle);
  self->scroll_settle = g_timeout_add (SCROLL_SETTLE_MS, scroll_settled, self);
  scroll_to_mark (self);
}

static gboolean
on_user_input (GtkEventControllerLegacy *controller,
               GdkEvent                 *event,
               RptArticleView           *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_SCROLL:
    case GDK_KEY_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCHPAD_SWIPE:
      cancel_pending_scroll (self);
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

/* Scrolls as little as needed to bring @annotation's start well inside the
 * view (a reveal leaves a wider margin). */
static void
scroll_to_annotation (RptArticleView *self,
                      RptAnnotation  *annotation,
                      gboolean        reveal)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, rpt_annotation_get_start (annotation));
  gtk_text_buffer_move_mark (self->buffer, self->scroll_mark, &iter);
  self->scroll_margin = reveal ? 0.25 : 0.1;
  scroll_to_mark (self);
  cancel_pending_scroll (self);
  self->scroll_settle = g_timeout_add (SCROLL_SETTLE_MS, scroll_settled, self);
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
      g_signal_emit (self, signals[ANNOTATION_PICKED], 0, annotation);
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

  gtk_box_append (GTK_BOX (box), rpt_color_swatch_new (label ? rpt_label_get_color (label) : NULL));
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
  RptAnnotationStore *store = current_store (self);
  g_autoptr(GPtrArray) hits = NULL;
  GtkTextIter iter;
  int bx, by;

  if (store == NULL)
    return;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->text_view), GTK_TEXT_WINDOW_WIDGET,
                                         x, y, &bx, &by);
  if (gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->text_view), &iter, bx, by))
    hits = rpt_annotation_store_query (store, gtk_text_iter_get_offset (&iter), gtk_text_iter_get_offset (&iter));

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
      if (selection_iters (self, &start, &end))
        {
          gtk_text_buffer_select_range (self->buffer, &end, &start);
          show_adder (self);
        }
      else
        clear_text_selection (self);
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
  RptAnnotationStore *store = current_store (self);
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
      at = rpt_annotation_store_lower_bound (store, gtk_text_iter_get_offset (&insert));
      if (direction > 0)
        position = at < n ? at : 0;
      else
        position = at > 0 ? at - 1 : n - 1;
    }

  annotation = rpt_annotation_store_get (store, position);
  rpt_article_view_set_selected_annotation (self, annotation);
  scroll_to_annotation (self, annotation, FALSE);
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
    g_signal_emit (self, signals[TAG_FAILED], 0, error->message);
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
  RptAnnotationStore *store = current_store (self);

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
    clear_text_selection (self);
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

/* ---- Project signals ---- */

static void
on_annotation_removed (RptProject     *project,
                       RptAnnotation  *annotation,
                       RptArticleView *self)
{
  if (annotation == self->selected)
    rpt_article_view_set_selected_annotation (self, NULL);
  update_actions (self);
}

static void
on_annotation_added (RptProject     *project,
                     RptAnnotation  *annotation,
                     RptArticleView *self)
{
  update_actions (self);
}

/* ---- GtkWidget ---- */

static void
rpt_article_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (RPT_ARTICLE_VIEW (widget)->scrolled), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* Popovers are our children, so we place them (they follow the text). */
static void
rpt_article_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  RptArticleView *self = RPT_ARTICLE_VIEW (widget);

  gtk_widget_allocate (GTK_WIDGET (self->scrolled), width, height, baseline, NULL);
  if (gtk_widget_get_visible (GTK_WIDGET (self->adder)))
    gtk_popover_present (GTK_POPOVER (self->adder));
  if (gtk_widget_get_visible (GTK_WIDGET (self->chooser)))
    gtk_popover_present (self->chooser);
}

static gboolean
rpt_article_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (RPT_ARTICLE_VIEW (widget)->text_view));
}

/* ---- GObject ---- */

static void
rpt_article_view_dispose (GObject *object)
{
  RptArticleView *self = RPT_ARTICLE_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->release_idle, g_source_remove);
  cancel_pending_scroll (self);
  if (self->highlighter != NULL)
    g_object_run_dispose (G_OBJECT (self->highlighter));
  g_clear_object (&self->highlighter);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_weak_pointer (&self->project);
  g_clear_object (&self->document);
  g_clear_object (&self->selected);

  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_ARTICLE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rpt_article_view_parent_class)->dispose (object);
}

static void
rpt_article_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RptArticleView *self = RPT_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SELECTED_ANNOTATION:
      g_value_set_object (value, self->selected);
      break;
    case PROP_SNAP_TO_WORDS:
      g_value_set_boolean (value, self->snap_to_words);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_article_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RptArticleView *self = RPT_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      rpt_article_view_set_project (self, g_value_get_object (value));
      break;
    case PROP_DOCUMENT:
      rpt_article_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_ANNOTATION:
      rpt_article_view_set_selected_annotation (self, g_value_get_object (value));
      break;
    case PROP_SNAP_TO_WORDS:
      rpt_article_view_set_snap_to_words (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_article_view_class_init (RptArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rpt_article_view_dispose;
  object_class->get_property = rpt_article_view_get_property;
  object_class->set_property = rpt_article_view_set_property;

  widget_class->measure = rpt_article_view_measure;
  widget_class->size_allocate = rpt_article_view_size_allocate;
  widget_class->grab_focus = rpt_article_view_grab_focus;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, RPT_TYPE_PROJECT, flags);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, RPT_TYPE_DOCUMENT, flags);
  properties[PROP_SELECTED_ANNOTATION] =
    g_param_spec_object ("selected-annotation", NULL, NULL, RPT_TYPE_ANNOTATION, flags);
  properties[PROP_SNAP_TO_WORDS] =
    g_param_spec_boolean ("snap-to-words", NULL, NULL, TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ANNOTATION_PICKED] =
    g_signal_new ("annotation-picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RPT_TYPE_ANNOTATION);
  signals[TAG_FAILED] =
    g_signal_new ("tag-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "article.tag", "s", tag_action);
  gtk_widget_class_install_action (widget_class, "article.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "article.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "article.select-annotation", "s", select_annotation_action);

  g_type_ensure (RPT_TYPE_ARTICLE_TEXT_VIEW);
  g_type_ensure (RPT_TYPE_LABEL_ADDER);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/repartee/Repartee/rpt-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RptArticleView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, RptArticleView, clamp);
  gtk_widget_class_bind_template_child (widget_class, RptArticleView, text_view);
  gtk_widget_class_bind_template_child (widget_class, RptArticleView, adder);
  gtk_widget_class_bind_template_child (widget_class, RptArticleView, chooser);
  gtk_widget_class_bind_template_child (widget_class, RptArticleView, chooser_box);

  gtk_widget_class_set_css_name (widget_class, "articleview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rpt_article_view_init (RptArticleView *self)
{
  GtkEventController *legacy;
  GtkTextIter start;

  self->snap_to_words = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  self->scroll_mark = gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE);
  self->highlighter = rpt_highlighter_new (self->text_view);

  g_object_bind_property (self->text_view, "comfortable-width", self->clamp, "maximum-size", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->text_view, "comfortable-width", self->clamp, "tightening-threshold", G_BINDING_SYNC_CREATE);

  legacy = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect_object (legacy, "event", G_CALLBACK (on_text_event), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), legacy);

  g_signal_connect_object (self->buffer, "notify::has-selection", G_CALLBACK (on_has_selection), self, 0);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled), "value-changed",
                           G_CALLBACK (on_scrolled), self, 0);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled), "changed",
                           G_CALLBACK (on_adjustment_changed), self, 0);
  legacy = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect_object (legacy, "event", G_CALLBACK (on_user_input), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->scrolled), legacy);

  add_key_bindings (self);
  update_actions (self);
}

/* ---- Public API ---- */

GtkWidget *
rpt_article_view_new (void)
{
  return g_object_new (RPT_TYPE_ARTICLE_VIEW, NULL);
}

void
rpt_article_view_set_project (RptArticleView *self,
                              RptProject     *project)
{
  g_return_if_fail (RPT_IS_ARTICLE_VIEW (self));
  g_return_if_fail (project == NULL || RPT_IS_PROJECT (project));

  if (project == self->project)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  /* The document belongs to the old project. */
  rpt_article_view_set_document (self, NULL);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_weak_pointer (&self->project, project);
  if (project != NULL)
    {
      g_signal_connect_object (project, "annotation-added", G_CALLBACK (on_annotation_added), self, 0);
      g_signal_connect_object (project, "annotation-removed", G_CALLBACK (on_annotation_removed), self, 0);
    }
  rpt_highlighter_set_source (self->highlighter, project, NULL);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  g_object_thaw_notify (G_OBJECT (self));
}

RptProject *
rpt_article_view_get_project (RptArticleView *self)
{
  g_return_val_if_fail (RPT_IS_ARTICLE_VIEW (self), NULL);
  return self->project;
}

void
rpt_article_view_set_document (RptArticleView *self,
                               RptDocument    *document)
{
  GtkTextIter start;
  GtkAdjustment *vadjustment;

  g_return_if_fail (RPT_IS_ARTICLE_VIEW (self));
  g_return_if_fail (document == NULL || RPT_IS_DOCUMENT (document));

  if (document == self->document)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  gtk_popover_popdown (GTK_POPOVER (self->adder));
  gtk_popover_popdown (self->chooser);
  rpt_article_view_set_selected_annotation (self, NULL);
  cancel_pending_scroll (self);
  g_set_object (&self->document, document);

  /* One insertion for the whole text: the view lays it out lazily. */
  if (document != NULL)
    gtk_text_buffer_set_text (self->buffer, rpt_document_get_text (document),
                              rpt_document_get_text_bytes (document));
  else
    gtk_text_buffer_set_text (self->buffer, "", 0);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  gtk_text_buffer_place_cursor (self->buffer, &start);
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));
  if (vadjustment != NULL)
    gtk_adjustment_set_value (vadjustment, 0);

  rpt_highlighter_set_source (self->highlighter, self->project, document);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_thaw_notify (G_OBJECT (self));
}

RptDocument *
rpt_article_view_get_document (RptArticleView *self)
{
  g_return_val_if_fail (RPT_IS_ARTICLE_VIEW (self), NULL);
  return self->document;
}

RptAnnotation *
rpt_article_view_get_selected_annotation (RptArticleView *self)
{
  g_return_val_if_fail (RPT_IS_ARTICLE_VIEW (self), NULL);
  return self->selected;
}

void
rpt_article_view_set_selected_annotation (RptArticleView *self,
                                          RptAnnotation  *annotation)
{
  g_return_if_fail (RPT_IS_ARTICLE_VIEW (self));
  g_return_if_fail (annotation == NULL || RPT_IS_ANNOTATION (annotation));

  /* Only annotations of the article on show can be selected here. */
  if (annotation != NULL &&
      (self->document == NULL ||
       g_strcmp0 (rpt_annotation_get_document (annotation), rpt_document_get_id (self->document)) != 0))
    annotation = NULL;

  if (!g_set_object (&self->selected, annotation))
    return;

  rpt_highlighter_set_selected (self->highlighter, annotation);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ANNOTATION]);
}

gboolean
rpt_article_view_get_snap_to_words (RptArticleView *self)
{
  g_return_val_if_fail (RPT_IS_ARTICLE_VIEW (self), FALSE);
  return self->snap_to_words;
}

void
rpt_article_view_set_snap_to_words (RptArticleView *self,
                                    gboolean        snap)
{
  g_return_if_fail (RPT_IS_ARTICLE_VIEW (self));

  snap = !!snap;
  if (snap == self->snap_to_words)
    return;
  self->snap_to_words = snap;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAP_TO_WORDS]);
}

gboolean
rpt_article_view_get_selection_range (RptArticleView *self,
                                      guint          *start,
                                      guint          *end)
{
  GtkTextIter a, b;

  g_return_val_if_fail (RPT_IS_ARTICLE_VIEW (self), FALSE);

  if (!selection_iters (self, &a, &b))
    return FALSE;
  if (start != NULL)
    *start = gtk_text_iter_get_offset (&a);
  if (end != NULL)
    *end = gtk_text_iter_get_offset (&b);
  return TRUE;
}

void
rpt_article_view_select_range (RptArticleView *self,
                               guint           start,
                               guint           end)
{
  GtkTextIter a, b;

  g_return_if_fail (RPT_IS_ARTICLE_VIEW (self));

  gtk_text_buffer_get_iter_at_offset (self->buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &b, end);
  gtk_text_buffer_select_range (self->buffer, &b, &a);
}

RptAnnotation *
rpt_article_view_tag_selection (RptArticleView *self,
                                const char     *label_id,
                                GError        **error)
{
  RptAnnotation *annotation;
  GtkTextIter after;
  guint start, end;

  g_return_val_if_fail (RPT_IS_ARTICLE_VIEW (self), NULL);
  g_return_val_if_fail (label_id != NULL, NULL);

  if (self->project == NULL || self->document == NULL)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID, _("No article is open"));
      return NULL;
    }
  if (!rpt_article_view_get_selection_range (self, &start, &end))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID, _("Select some text to tag first"));
      return NULL;
    }

  annotation = rpt_project_add_annotation (self->project, rpt_document_get_id (self->document),
                                           start, end, label_id, NULL, error);
  if (annotation == NULL)
    return NULL;

  gtk_popover_popdown (GTK_POPOVER (self->adder));
  gtk_text_buffer_get_iter_at_offset (self->buffer, &after, end);
  gtk_text_buffer_place_cursor (self->buffer, &after);
  rpt_article_view_set_selected_annotation (self, annotation);
  return annotation;
}

void
rpt_article_view_reveal_annotation (RptArticleView *self,
                                    RptAnnotation  *annotation)
{
  g_return_if_fail (RPT_IS_ARTICLE_VIEW (self));
  g_return_if_fail (RPT_IS_ANNOTATION (annotation));

  if (self->document == NULL ||
      g_strcmp0 (rpt_annotation_get_document (annotation), rpt_document_get_id (self->document)) != 0)
    return;

  scroll_to_annotation (self, annotation, TRUE);
  rpt_highlighter_flash (self->highlighter, annotation);
}

void
rpt_article_view_begin_pick (RptArticleView *self)
{
  g_return_if_fail (RPT_IS_ARTICLE_VIEW (self));

  gtk_popover_popdown (GTK_POPOVER (self->adder));
  self->picking = TRUE;
  gtk_widget_add_css_class (GTK_WIDGET (self), "picking");
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view), "crosshair");
}

GtkTextView *
rpt_article_view_get_text_view (RptArticleView *self)
{
  g_return_val_if_fail (RPT_IS_ARTICLE_VIEW (self), NULL);
  return GTK_TEXT_VIEW (self->text_view);
}
