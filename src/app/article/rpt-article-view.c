/* rpt-article-view.c: the article and its highlights: the widget, its
 * properties and public API, selections snapped to words, and scrolling to
 * annotations. Drawing the highlights is RptHighlighter's job; pointer and
 * key input are in rpt-article-view-input.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rpt-article-view-private.h"

/* A scroll to an annotation is repeated while the text's height changes,
 * until it has not changed for this long (ms). */
#define SCROLL_SETTLE_MS 600

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

RptAnnotationStore *
_rpt_article_view_get_store (RptArticleView *self)
{
  if (self->project == NULL || self->document == NULL)
    return NULL;
  return rpt_project_get_annotations (self->project, rpt_document_get_id (self->document));
}

static void
update_actions (RptArticleView *self)
{
  RptAnnotationStore *store = _rpt_article_view_get_store (self);
  gboolean any = store != NULL && rpt_annotation_store_get_n_items (store) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.tag", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.next", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.previous", any);
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

gboolean
_rpt_article_view_selection_iters (RptArticleView *self,
                                   GtkTextIter    *start,
                                   GtkTextIter    *end)
{
  if (self->document == NULL || !gtk_text_buffer_get_selection_bounds (self->buffer, start, end))
    return FALSE;
  if (self->snap_to_words)
    snap_to_words (start, end);
  return !gtk_text_iter_equal (start, end);
}

void
_rpt_article_view_clear_text_selection (RptArticleView *self)
{
  GtkTextIter insert;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &insert, gtk_text_buffer_get_insert (self->buffer));
  gtk_text_buffer_select_range (self->buffer, &insert, &insert);
}

/* ---- Scrolling ---- */

/* The mark is placed again each time: while a long text is still being
 * loaded, the target may not be in the buffer yet. */
static void
scroll_to_mark (RptArticleView *self)
{
  GtkTextIter iter;

  rpt_article_text_view_get_iter_at_offset (self->text_view, &iter, self->scroll_offset, FALSE);
  gtk_text_buffer_move_mark (self->buffer, self->scroll_mark, &iter);
  if (self->scroll_to_top)
    gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->text_view), self->scroll_mark, 0.0, TRUE, 0.0, 0.0);
  else
    gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->text_view), self->scroll_mark,
                                  self->scroll_margin, FALSE, 0.0, 0.0);
}

/* A scroll to the top that has not reached it: the target's line is not
 * at the top while the view could still scroll down to it. */
static gboolean
short_of_top (RptArticleView *self,
              GdkRectangle   *target,
              GdkRectangle   *visible)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));

  return self->scroll_to_top && target->y != visible->y
         && (target->y < visible->y
             || gtk_adjustment_get_value (adjustment) + 1
                < gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
}

static gboolean
scroll_settled (gpointer data)
{
  RptArticleView *self = data;
  GtkTextView *view = GTK_TEXT_VIEW (self->text_view);
  GdkRectangle target, visible;
  GtkTextIter iter;

  /* Quiet for a while, but a process starved of CPU sees this fire before
   * the layout it waited for: go on while the target is still not in view
   * (a giant paragraph is laid out for many seconds). */
  rpt_article_text_view_get_iter_at_offset (self->text_view, &iter, self->scroll_offset, FALSE);
  gtk_text_view_get_iter_location (view, &iter, &target);
  gtk_text_view_get_visible_rect (view, &visible);
  /* And while the target is still to be loaded. */
  if (rpt_article_text_view_get_loading (self->text_view) ||
      (visible.height > 0 && gtk_widget_get_mapped (GTK_WIDGET (view)) &&
       (target.y < visible.y || target.y + target.height > visible.y + visible.height
        || short_of_top (self, &target, &visible))))
    {
      scroll_to_mark (self);
      return G_SOURCE_CONTINUE;
    }
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
follow_scroll (RptArticleView *self)
{
  if (self->scroll_settle == 0)
    return;
  g_source_remove (self->scroll_settle);
  self->scroll_settle = g_timeout_add (SCROLL_SETTLE_MS, scroll_settled, self);
  scroll_to_mark (self);
}

static void
on_adjustment_changed (GtkAdjustment  *adjustment,
                       RptArticleView *self)
{
  follow_scroll (self);
}

/* And each time a part of a long text is added: the target may be in it. */
static void
on_text_added (RptArticleTextView *text_view,
               guint               start,
               guint               end,
               RptArticleView     *self)
{
  /* A range shown before its text was in the buffer is selected again
   * as the text comes in. */
  if (self->select_pending)
    {
      rpt_article_view_select_range (self, self->select_start, self->select_end);
      self->select_pending = rpt_article_text_view_get_loading (text_view);
    }
  follow_scroll (self);
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
      self->select_pending = FALSE;
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
scroll_to_offset (RptArticleView *self,
                  guint           offset,
                  double          margin)
{
  self->scroll_offset = offset;
  self->scroll_margin = margin;
  self->scroll_to_top = FALSE;
  scroll_to_mark (self);
  cancel_pending_scroll (self);
  self->scroll_settle = g_timeout_add (SCROLL_SETTLE_MS, scroll_settled, self);
}

/* Scrolls as little as needed to bring @annotation's start well inside the
 * view (a reveal leaves a wider margin). */
void
_rpt_article_view_scroll_to (RptArticleView *self,
                             RptAnnotation  *annotation,
                             gboolean        reveal)
{
  scroll_to_offset (self, rpt_annotation_get_start (annotation), reveal ? 0.25 : 0.1);
}

void
_rpt_article_view_emit_picked (RptArticleView *self,
                               RptAnnotation  *annotation)
{
  g_signal_emit (self, signals[ANNOTATION_PICKED], 0, annotation);
}

void
_rpt_article_view_emit_tag_failed (RptArticleView *self,
                                   const char     *message)
{
  g_signal_emit (self, signals[TAG_FAILED], 0, message);
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

  _rpt_article_view_class_init_input (widget_class);

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

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled), "changed",
                           G_CALLBACK (on_adjustment_changed), self, 0);
  g_signal_connect_object (self->text_view, "text-added", G_CALLBACK (on_text_added), self, 0);
  legacy = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect_object (legacy, "event", G_CALLBACK (on_user_input), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->scrolled), legacy);

  _rpt_article_view_init_input (self);
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
  self->select_pending = FALSE;
  g_clear_handle_id (&self->release_idle, g_source_remove);
  g_set_object (&self->document, document);

  /* The view lays it out lazily, and loads a long text a part at a time. */
  rpt_article_text_view_set_document (self->text_view, document);
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

  if (!_rpt_article_view_selection_iters (self, &a, &b))
    return FALSE;
  if (start != NULL)
    *start = rpt_article_text_view_get_offset (self->text_view, &a);
  if (end != NULL)
    *end = rpt_article_text_view_get_offset (self->text_view, &b);
  return TRUE;
}

void
rpt_article_view_select_range (RptArticleView *self,
                               guint           start,
                               guint           end)
{
  GtkTextIter a, b;

  g_return_if_fail (RPT_IS_ARTICLE_VIEW (self));

  rpt_article_text_view_get_iter_at_offset (self->text_view, &a, start, FALSE);
  rpt_article_text_view_get_iter_at_offset (self->text_view, &b, end, TRUE);
  gtk_text_buffer_select_range (self->buffer, &b, &a);
}

void
rpt_article_view_show_range (RptArticleView *self,
                             guint           start,
                             guint           end)
{
  g_return_if_fail (RPT_IS_ARTICLE_VIEW (self));
  g_return_if_fail (start <= end);

  if (self->document == NULL)
    return;
  gtk_popover_popdown (GTK_POPOVER (self->adder));
  rpt_article_view_select_range (self, start, end);
  self->select_start = start;
  self->select_end = end;
  self->select_pending = rpt_article_text_view_get_loading (self->text_view);
  scroll_to_offset (self, start, 0.25);
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
  rpt_article_text_view_get_iter_at_offset (self->text_view, &after, end, TRUE);
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

  _rpt_article_view_scroll_to (self, annotation, TRUE);
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

guint
rpt_article_view_get_top_offset (RptArticleView *self)
{
  GtkTextView *view;
  GdkRectangle visible;
  GtkTextIter iter;

  g_return_val_if_fail (RPT_IS_ARTICLE_VIEW (self), 0);

  if (self->document == NULL)
    return 0;
  /* Where a scroll to the top is going, until it is there. */
  if (self->scroll_settle != 0 && self->scroll_to_top)
    return self->scroll_offset;
  view = GTK_TEXT_VIEW (self->text_view);
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_at_location (view, &iter, visible.x, visible.y);
  gtk_text_view_backward_display_line_start (view, &iter);
  return rpt_article_text_view_get_offset (self->text_view, &iter);
}

void
rpt_article_view_scroll_to_offset (RptArticleView *self,
                                   guint           offset)
{
  g_return_if_fail (RPT_IS_ARTICLE_VIEW (self));

  if (self->document == NULL)
    return;
  self->scroll_offset = MIN (offset, rpt_document_get_length (self->document));
  self->scroll_to_top = TRUE;
  scroll_to_mark (self);
  cancel_pending_scroll (self);
  self->scroll_settle = g_timeout_add (SCROLL_SETTLE_MS, scroll_settled, self);
}
