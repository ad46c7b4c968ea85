/* PLACEHOLDER (h-window): minimal stand-ins for the article view, the
 * summary view and the export dialog so the window links before their
 * branches land. Reverted when they do; never the real thing.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "rpt-article-view.h"
#include "rpt-export-dialog.h"
#include "rpt-summary-view.h"

struct _RptArticleView
{
  GtkWidget      parent_instance;
  GtkWidget     *scroller;
  GtkTextView   *text_view;
  RptProject    *project;
  RptDocument   *document;
  RptAnnotation *selected;
  gboolean       snap;
};

G_DEFINE_FINAL_TYPE (RptArticleView, rpt_article_view, GTK_TYPE_WIDGET)

enum { AV_PROP_0, AV_PROP_SELECTED, AV_PROP_SNAP, AV_N_PROPS };
static GParamSpec *av_props[AV_N_PROPS];
enum { AV_PICKED, AV_TAG_FAILED, AV_N_SIGNALS };
static guint av_signals[AV_N_SIGNALS];

static void
av_redraw (RptArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter s, e;
  RptAnnotationStore *store;

  gtk_text_buffer_get_bounds (buffer, &s, &e);
  gtk_text_buffer_remove_all_tags (buffer, &s, &e);
  if (!self->document || !self->project)
    return;
  store = rpt_project_get_annotations (self->project, rpt_document_get_id (self->document));
  for (guint i = 0; store && i < rpt_annotation_store_get_n_items (store); i++)
    {
      RptAnnotation *a = rpt_annotation_store_get (store, i);
      GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), rpt_annotation_get_label (a));

      if (!tag)
        {
          RptLabel *label = rpt_project_get_label (self->project, rpt_annotation_get_label (a));
          tag = gtk_text_buffer_create_tag (buffer, rpt_annotation_get_label (a),
                                            "background", label ? rpt_label_get_color (label) : "#888", NULL);
        }
      gtk_text_buffer_get_iter_at_offset (buffer, &s, rpt_annotation_get_start (a));
      gtk_text_buffer_get_iter_at_offset (buffer, &e, rpt_annotation_get_end (a));
      gtk_text_buffer_apply_tag (buffer, tag, &s, &e);
    }
}

void
rpt_article_view_set_project (RptArticleView *self, RptProject *project)
{
  if (self->project)
    g_signal_handlers_disconnect_by_data (self->project, self);
  self->project = project;
  if (project)
    g_signal_connect_object (project, "changed", G_CALLBACK (av_redraw), self, G_CONNECT_SWAPPED);
  rpt_article_view_set_selected_annotation (self, NULL);
}

RptProject *rpt_article_view_get_project (RptArticleView *self) { return self->project; }

void
rpt_article_view_set_document (RptArticleView *self, RptDocument *document)
{
  g_set_object (&self->document, document);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            document ? rpt_document_get_text (document) : "", -1);
  rpt_article_view_set_selected_annotation (self, NULL);
  av_redraw (self);
}

RptDocument *rpt_article_view_get_document (RptArticleView *self) { return self->document; }
RptAnnotation *rpt_article_view_get_selected_annotation (RptArticleView *self) { return self->selected; }

void
rpt_article_view_set_selected_annotation (RptArticleView *self, RptAnnotation *annotation)
{
  if (g_set_object (&self->selected, annotation))
    g_object_notify_by_pspec (G_OBJECT (self), av_props[AV_PROP_SELECTED]);
}

gboolean rpt_article_view_get_snap_to_words (RptArticleView *self) { return self->snap; }

void
rpt_article_view_set_snap_to_words (RptArticleView *self, gboolean snap)
{
  if (self->snap != !!snap)
    {
      self->snap = !!snap;
      g_object_notify_by_pspec (G_OBJECT (self), av_props[AV_PROP_SNAP]);
    }
}

gboolean
rpt_article_view_get_selection_range (RptArticleView *self, guint *start, guint *end)
{
  GtkTextIter s, e;

  if (!gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (self->text_view), &s, &e))
    return FALSE;
  *start = gtk_text_iter_get_offset (&s);
  *end = gtk_text_iter_get_offset (&e);
  return TRUE;
}

void
rpt_article_view_select_range (RptArticleView *self, guint start, guint end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  gtk_text_buffer_select_range (buffer, &s, &e);
}

RptAnnotation *
rpt_article_view_tag_selection (RptArticleView *self, const char *label_id, GError **error)
{
  guint start, end;
  RptAnnotation *a;
  GtkTextIter it;

  if (!self->document || !rpt_article_view_get_selection_range (self, &start, &end))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID, "Select some text first");
      return NULL;
    }
  a = rpt_project_add_annotation (self->project, rpt_document_get_id (self->document), start, end, label_id, NULL, error);
  if (a)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
      gtk_text_buffer_get_iter_at_offset (buffer, &it, end);
      gtk_text_buffer_place_cursor (buffer, &it);
      rpt_article_view_set_selected_annotation (self, a);
    }
  return a;
}

void rpt_article_view_reveal_annotation (RptArticleView *self, RptAnnotation *annotation) { }
void rpt_article_view_begin_pick (RptArticleView *self) { }
GtkTextView *rpt_article_view_get_text_view (RptArticleView *self) { return self->text_view; }
GtkWidget *rpt_article_view_new (void) { return g_object_new (RPT_TYPE_ARTICLE_VIEW, NULL); }

static void
av_tag_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptArticleView *self = RPT_ARTICLE_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!rpt_article_view_tag_selection (self, g_variant_get_string (param, NULL), &error))
    g_signal_emit (self, av_signals[AV_TAG_FAILED], 0, error->message);
}

static gboolean
av_key_cb (GtkEventControllerKey *ctrl, guint keyval, guint keycode, GdkModifierType state, RptArticleView *self)
{
  RptLabel *label;

  if (keyval < GDK_KEY_1 || keyval > GDK_KEY_9 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) || !self->project)
    return FALSE;
  label = rpt_project_get_label_by_shortcut (self->project, keyval - GDK_KEY_0);
  if (!label)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "article.tag", "s", rpt_label_get_id (label));
  return TRUE;
}

static void
av_dispose (GObject *object)
{
  RptArticleView *self = RPT_ARTICLE_VIEW (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->document);
  g_clear_object (&self->selected);
  G_OBJECT_CLASS (rpt_article_view_parent_class)->dispose (object);
}

static void
av_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  RptArticleView *self = RPT_ARTICLE_VIEW (object);
  if (id == AV_PROP_SELECTED) g_value_set_object (value, self->selected);
  else g_value_set_boolean (value, self->snap);
}

static void
av_set_property (GObject *object, guint id, const GValue *value, GParamSpec *pspec)
{
  RptArticleView *self = RPT_ARTICLE_VIEW (object);
  if (id == AV_PROP_SELECTED) rpt_article_view_set_selected_annotation (self, g_value_get_object (value));
  else rpt_article_view_set_snap_to_words (self, g_value_get_boolean (value));
}

static void
rpt_article_view_class_init (RptArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = av_dispose;
  object_class->get_property = av_get_property;
  object_class->set_property = av_set_property;
  av_props[AV_PROP_SELECTED] = g_param_spec_object ("selected-annotation", NULL, NULL, RPT_TYPE_ANNOTATION, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY);
  av_props[AV_PROP_SNAP] = g_param_spec_boolean ("snap-to-words", NULL, NULL, TRUE, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, AV_N_PROPS, av_props);
  av_signals[AV_PICKED] = g_signal_new ("annotation-picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1, RPT_TYPE_ANNOTATION);
  av_signals[AV_TAG_FAILED] = g_signal_new ("tag-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_install_action (widget_class, "article.tag", "s", av_tag_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rpt_article_view_init (RptArticleView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->snap = TRUE;
  self->scroller = gtk_scrolled_window_new ();
  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_editable (self->text_view, FALSE);
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->text_view, 24);
  gtk_text_view_set_right_margin (self->text_view, 24);
  gtk_text_view_set_top_margin (self->text_view, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->text_view));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self->text_view), TRUE);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (av_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/* ---- Summary ---- */

struct _RptSummaryView { GtkWidget parent_instance; GtkWidget *label; };
G_DEFINE_FINAL_TYPE (RptSummaryView, rpt_summary_view, GTK_TYPE_WIDGET)
GtkWidget *rpt_summary_view_new (void) { return g_object_new (RPT_TYPE_SUMMARY_VIEW, NULL); }
void rpt_summary_view_set_project (RptSummaryView *self, RptProject *project) { }
static void
sv_dispose (GObject *object)
{
  g_clear_pointer (&RPT_SUMMARY_VIEW (object)->label, gtk_widget_unparent);
  G_OBJECT_CLASS (rpt_summary_view_parent_class)->dispose (object);
}
static void
rpt_summary_view_class_init (RptSummaryViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sv_dispose;
  g_signal_new ("annotation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1, RPT_TYPE_ANNOTATION);
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}
static void
rpt_summary_view_init (RptSummaryView *self)
{
  self->label = gtk_label_new ("Summary placeholder");
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

/* ---- Dialogs ---- */

struct _RptExportDialog { AdwWindow parent_instance; };
G_DEFINE_FINAL_TYPE (RptExportDialog, rpt_export_dialog, ADW_TYPE_WINDOW)
static void rpt_export_dialog_class_init (RptExportDialogClass *klass) { }
static void rpt_export_dialog_init (RptExportDialog *self) { }
GtkWidget *
rpt_export_dialog_new (GtkWindow *parent, RptProject *project)
{
  return g_object_new (RPT_TYPE_EXPORT_DIALOG, "transient-for", parent, "modal", TRUE,
                       "title", "Export placeholder", "default-width", 400, "default-height", 300, NULL);
}
