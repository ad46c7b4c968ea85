/* rpt-inspector.c
 *
 * The list is a GtkListView straight on the document's RptAnnotationStore;
 * rows follow the project themselves (RptAnnotationRow). "selected-annotation"
 * is the one truth: the list's selection and the details follow it, and a
 * user's click in the list sets it. The list selection may lose the item for
 * a moment while the store re-sorts a changed annotation, so only the
 * project's "annotation-removed" clears the property.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rpt-annotation-details.h"
#include "rpt-annotation-row.h"
#include "rpt-inspector.h"

struct _RptInspector
{
  GtkWidget             parent_instance;

  RptProject           *project;
  RptDocument          *document;
  RptAnnotationStore   *store;
  RptAnnotation        *selected;
  GtkSingleSelection   *selection;
  GSignalGroup         *project_signals;
  GSignalGroup         *store_signals;
  gboolean              syncing;

  GtkPaned             *paned;
  GtkLabel             *count_label;
  GtkStack             *list_stack;
  GtkListView          *list_view;
  AdwStatusPage        *list_empty;
  RptAnnotationDetails *details;
};

G_DEFINE_FINAL_TYPE (RptInspector, rpt_inspector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_ANNOTATION,
  N_PROPS
};

enum {
  ANNOTATION_ACTIVATED,
  PICK_TARGET_REQUESTED,
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_count (RptInspector *self)
{
  guint n = self->store ? rpt_annotation_store_get_n_items (self->store) : 0;
  g_autofree char *text = NULL;

  if (self->document)
    /* Translators: the heading of the annotation list, with how many there are */
    text = g_strdup_printf (_("Annotations (%u)"), n);
  gtk_label_set_text (self->count_label, text ? text : _("Annotations"));

  if (self->document == NULL)
    {
      adw_status_page_set_title (self->list_empty, _("No Article"));
      adw_status_page_set_description (self->list_empty, _("Import or choose an article to annotate"));
    }
  else
    {
      adw_status_page_set_title (self->list_empty, _("No Annotations Yet"));
      adw_status_page_set_description (self->list_empty, _("Select text in the article and choose a label"));
    }
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
}

/* Makes the list show self->selected, without reporting it back. */
static void
sync_list_selection (RptInspector *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->selected && self->store)
    {
      position = rpt_annotation_store_find (self->store, self->selected);
      if (position == G_MAXUINT)
        position = GTK_INVALID_LIST_POSITION;
    }

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
on_selection_changed (RptInspector *self)
{
  RptAnnotation *item;

  if (self->syncing)
    return;
  item = gtk_single_selection_get_selected_item (self->selection);
  /* NULL: the store is moving or removing it; see the comment at the top. */
  if (item == NULL || item == self->selected)
    return;

  rpt_inspector_set_selected_annotation (self, item);
  g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, item);
}

static void
on_row_activated (GtkListView  *list_view,
                  guint         position,
                  RptInspector *self)
{
  g_autoptr(RptAnnotation) item = NULL;

  if (self->store == NULL)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->store), position);
  if (item == NULL)
    return;
  rpt_inspector_set_selected_annotation (self, item);
  g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, item);
}

static void
on_annotation_removed (RptInspector  *self,
                       RptAnnotation *annotation)
{
  if (annotation == self->selected)
    rpt_inspector_set_selected_annotation (self, NULL);
}

static void
on_annotation_changed (RptInspector  *self,
                       RptAnnotation *annotation)
{
  /* A new range re-sorts the store, which drops the list's selection. */
  if (annotation == self->selected)
    sync_list_selection (self);
}

static void
on_project_changed (RptInspector *self)
{
  /* The document itself may have been removed (or its removal undone). */
  if (self->document &&
      rpt_project_get_document (self->project, rpt_document_get_id (self->document)) != self->document)
    rpt_inspector_set_document (self, NULL);
}

static void
on_details_error (RptInspector *self,
                  const char   *message)
{
  g_signal_emit (self, signals[ERROR], 0, message);
}

static void
on_details_pick_requested (RptInspector *self)
{
  g_signal_emit (self, signals[PICK_TARGET_REQUESTED], 0);
}

static void
on_details_annotation_activated (RptInspector  *self,
                                 RptAnnotation *annotation)
{
  g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, annotation);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (item, rpt_annotation_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          RptInspector             *self)
{
  if (self->project)
    rpt_annotation_row_bind (RPT_ANNOTATION_ROW (gtk_list_item_get_child (item)),
                             self->project, gtk_list_item_get_item (item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  rpt_annotation_row_unbind (RPT_ANNOTATION_ROW (gtk_list_item_get_child (item)));
}

static void
rpt_inspector_dispose (GObject *object)
{
  RptInspector *self = RPT_INSPECTOR (object);

  if (self->list_view)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_INSPECTOR);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->selection);
  g_clear_object (&self->selected);
  g_clear_object (&self->store);
  g_clear_object (&self->document);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (rpt_inspector_parent_class)->dispose (object);
}

static void
rpt_inspector_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RptInspector *self = RPT_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ANNOTATION:
      g_value_set_object (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_inspector_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RptInspector *self = RPT_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ANNOTATION:
      rpt_inspector_set_selected_annotation (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_inspector_class_init (RptInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_inspector_dispose;
  object_class->get_property = rpt_inspector_get_property;
  object_class->set_property = rpt_inspector_set_property;

  properties[PROP_SELECTED_ANNOTATION] =
    g_param_spec_object ("selected-annotation", NULL, NULL, RPT_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RPT_TYPE_ANNOTATION);
  signals[PICK_TARGET_REQUESTED] =
    g_signal_new ("pick-target-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (RPT_TYPE_ANNOTATION_DETAILS);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/repartee/Repartee/rpt-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, RptInspector, paned);
  gtk_widget_class_bind_template_child (widget_class, RptInspector, count_label);
  gtk_widget_class_bind_template_child (widget_class, RptInspector, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RptInspector, list_view);
  gtk_widget_class_bind_template_child (widget_class, RptInspector, list_empty);
  gtk_widget_class_bind_template_child (widget_class, RptInspector, details);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_details_error);
  gtk_widget_class_bind_template_callback (widget_class, on_details_pick_requested);
  gtk_widget_class_bind_template_callback (widget_class, on_details_annotation_activated);

  gtk_widget_class_set_css_name (widget_class, "inspector");
}

static void
rpt_inspector_init (RptInspector *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  self->project_signals = g_signal_group_new (RPT_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "annotation-removed",
                                  G_CALLBACK (on_annotation_removed), self);
  g_signal_group_connect_swapped (self->project_signals, "annotation-changed",
                                  G_CALLBACK (on_annotation_changed), self);
  g_signal_group_connect_swapped (self->project_signals, "changed",
                                  G_CALLBACK (on_project_changed), self);

  self->store_signals = g_signal_group_new (RPT_TYPE_ANNOTATION_STORE);
  g_signal_group_connect_swapped (self->store_signals, "items-changed",
                                  G_CALLBACK (update_count), self);

  gtk_paned_set_position (self->paned, 320);
  update_count (self);
}

GtkWidget *
rpt_inspector_new (void)
{
  return g_object_new (RPT_TYPE_INSPECTOR, NULL);
}

void
rpt_inspector_set_project (RptInspector *self,
                           RptProject   *project)
{
  g_return_if_fail (RPT_IS_INSPECTOR (self));
  g_return_if_fail (!project || RPT_IS_PROJECT (project));

  if (self->project == project)
    return;

  rpt_inspector_set_document (self, NULL);
  rpt_inspector_set_selected_annotation (self, NULL);
  g_set_object (&self->project, project);
  g_signal_group_set_target (self->project_signals, project);
  rpt_annotation_details_set_project (self->details, project);
}

void
rpt_inspector_set_document (RptInspector *self,
                            RptDocument  *document)
{
  RptAnnotationStore *store = NULL;

  g_return_if_fail (RPT_IS_INSPECTOR (self));
  g_return_if_fail (!document || RPT_IS_DOCUMENT (document));

  if (document && self->project)
    store = rpt_project_get_annotations (self->project, rpt_document_get_id (document));
  if (store == NULL)
    document = NULL;
  if (self->document == document && self->store == store)
    return;

  g_set_object (&self->document, document);
  g_set_object (&self->store, store);
  g_signal_group_set_target (self->store_signals, store);

  self->syncing = TRUE;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (store));
  self->syncing = FALSE;

  /* The selection belongs to the article shown. */
  if (self->selected && (store == NULL || rpt_annotation_store_find (store, self->selected) == G_MAXUINT))
    rpt_inspector_set_selected_annotation (self, NULL);
  else
    sync_list_selection (self);
  update_count (self);
}

RptAnnotation *
rpt_inspector_get_selected_annotation (RptInspector *self)
{
  g_return_val_if_fail (RPT_IS_INSPECTOR (self), NULL);
  return self->selected;
}

void
rpt_inspector_set_selected_annotation (RptInspector  *self,
                                       RptAnnotation *annotation)
{
  g_return_if_fail (RPT_IS_INSPECTOR (self));
  g_return_if_fail (!annotation || RPT_IS_ANNOTATION (annotation));

  if (!g_set_object (&self->selected, annotation))
    return;

  rpt_annotation_details_set_annotation (self->details, annotation);
  sync_list_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ANNOTATION]);
}

void
rpt_inspector_focus_details (RptInspector *self)
{
  g_return_if_fail (RPT_IS_INSPECTOR (self));
  rpt_annotation_details_focus (self->details);
}

void
rpt_inspector_finish_pick (RptInspector  *self,
                           RptAnnotation *target)
{
  g_return_if_fail (RPT_IS_INSPECTOR (self));
  rpt_annotation_details_finish_pick (self->details, target);
}
