/* rpt-annotation-details.c
 *
 * The widgets mirror the model: update() writes the annotation's state into
 * them (with self->updating set, so that the change handlers ignore it), and
 * the handlers turn what the user does into RptProject edits. The project's
 * "changed" signal, emitted once per edit, undo or redo, drives update().
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rpt-annotation-details.h"
#include "rpt-annotation-format.h"
#include "rpt-color-chip.h"
#include "rpt-link-popover.h"
#include "rpt-relation-list.h"

/* Typing pauses longer than this commit the note. */
#define NOTE_IDLE_MS 800

struct _RptAnnotationDetails
{
  GtkWidget        parent_instance;

  RptProject      *project;
  RptAnnotation   *annotation;
  GSignalGroup    *project_signals;

  /* Snapshots of the project's labels and speakers, refreshed in update():
   * bound live, a removal would make the combo rows pick another item and
   * look like a user's choice in the middle of the project's edit. */
  GListStore      *label_choices;    /* RptLabel */
  GListStore      *speaker_choices;  /* none_item, RptSpeaker…, new_item */
  GtkStringObject *none_item;
  GtkStringObject *new_item;

  /* Note editing: a typing session commits after each pause, and later
   * commits of the same session replace the first, so one session is one
   * undo step. */
  guint            note_timeout;
  gboolean         note_dirty;
  guint64          note_generation;  /* project generation after our commit */
  RptAnnotation   *note_annotation;  /* not owned: compared only */

  RptAnnotation   *pick_source;
  RptRelationType  pick_type;
  gboolean         updating;

  GtkStack        *stack;
  AdwComboRow     *label_row;
  AdwComboRow     *speaker_row;
  AdwEntryRow     *new_speaker_row;
  GtkTextView     *note_view;
  GtkMenuButton   *add_link_button;
  RptLinkPopover  *link_popover;
  RptRelationList *relations_list;
  GtkLabel        *provenance_label;
};

G_DEFINE_FINAL_TYPE (RptAnnotationDetails, rpt_annotation_details, GTK_TYPE_WIDGET)

enum {
  ERROR,
  PICK_TARGET_REQUESTED,
  ANNOTATION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update (RptAnnotationDetails *self);

static gboolean
is_live (RptAnnotationDetails *self)
{
  return self->project && self->annotation &&
         rpt_project_get_annotation (self->project, rpt_annotation_get_id (self->annotation)) == self->annotation;
}

static void
report (RptAnnotationDetails *self,
        GError               *error)
{
  if (error)
    g_signal_emit (self, signals[ERROR], 0, error->message);
  /* Put the widgets back to what the model says. */
  update (self);
}

/* ---- Choices ---- */

static gboolean
store_equals_model (GListStore *store,
                    GListModel *model,
                    guint       offset)
{
  guint n = g_list_model_get_n_items (model);

  if (g_list_model_get_n_items (G_LIST_MODEL (store)) != n + 2 * offset)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (G_LIST_MODEL (store), i + offset);
      g_autoptr(GObject) b = g_list_model_get_item (model, i);

      if (a != b)
        return FALSE;
    }
  return TRUE;
}

static void
copy_model (GListStore *store,
            GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

static void
sync_choices (RptAnnotationDetails *self)
{
  GListModel *labels = rpt_project_get_labels (self->project);
  GListModel *speakers = rpt_project_get_speakers (self->project);

  if (!store_equals_model (self->label_choices, labels, 0))
    copy_model (self->label_choices, labels);

  if (!store_equals_model (self->speaker_choices, speakers, 1))
    {
      copy_model (self->speaker_choices, speakers);
      g_list_store_insert (self->speaker_choices, 0, self->none_item);
      g_list_store_append (self->speaker_choices, self->new_item);
    }
}

static guint
find_label_choice (RptAnnotationDetails *self,
                   const char           *label_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->label_choices));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (G_LIST_MODEL (self->label_choices), i);

      if (g_strcmp0 (rpt_label_get_id (label), label_id) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static guint
find_speaker_choice (RptAnnotationDetails *self,
                     const char           *speaker_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->speaker_choices));

  if (speaker_id == NULL)
    return 0;
  for (guint i = 1; i + 1 < n; i++)
    {
      g_autoptr(RptSpeaker) speaker = g_list_model_get_item (G_LIST_MODEL (self->speaker_choices), i);

      if (g_strcmp0 (rpt_speaker_get_id (speaker), speaker_id) == 0)
        return i;
    }
  return 0;
}

static void
setup_speaker_choice (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_speaker_choice (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  GObject *choice = gtk_list_item_get_item (item);

  if (RPT_IS_SPEAKER (choice))
    {
      GBinding *binding = g_object_bind_property (choice, "name", label, "label", G_BINDING_SYNC_CREATE);

      g_object_set_data (G_OBJECT (item), "binding", binding);
    }
  else
    gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (GTK_STRING_OBJECT (choice)));
}

static void
unbind_speaker_choice (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (item), "binding");

  if (binding)
    g_binding_unbind (binding);
}

/* ---- Label and speaker ---- */

static void
on_label_selected (RptAnnotationDetails *self)
{
  RptLabel *label;
  g_autoptr(GError) error = NULL;

  if (self->updating || !is_live (self))
    return;
  label = adw_combo_row_get_selected_item (self->label_row);
  if (label == NULL || g_strcmp0 (rpt_label_get_id (label), rpt_annotation_get_label (self->annotation)) == 0)
    return;
  if (!rpt_project_set_annotation_label (self->project, rpt_annotation_get_id (self->annotation),
                                         rpt_label_get_id (label), &error))
    report (self, error);
}

static void
show_new_speaker (RptAnnotationDetails *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->new_speaker_row), "");
  gtk_widget_set_visible (GTK_WIDGET (self->new_speaker_row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_speaker_row));
}

static void
hide_new_speaker (RptAnnotationDetails *self)
{
  gboolean had_focus = gtk_widget_get_visible (GTK_WIDGET (self->new_speaker_row)) &&
                       gtk_widget_has_focus (GTK_WIDGET (self->new_speaker_row));

  gtk_editable_set_text (GTK_EDITABLE (self->new_speaker_row), "");
  gtk_widget_set_visible (GTK_WIDGET (self->new_speaker_row), FALSE);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->speaker_row));
}

static void
on_speaker_selected (RptAnnotationDetails *self)
{
  GObject *choice;
  const char *speaker_id = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating || !is_live (self))
    return;
  choice = adw_combo_row_get_selected_item (self->speaker_row);
  if (choice == NULL)
    return;

  if (choice == G_OBJECT (self->new_item))
    {
      /* Not a speaker: show the entry and keep the current one shown. */
      update (self);
      show_new_speaker (self);
      return;
    }
  if (RPT_IS_SPEAKER (choice))
    speaker_id = rpt_speaker_get_id (RPT_SPEAKER (choice));
  if (g_strcmp0 (speaker_id, rpt_annotation_get_speaker (self->annotation)) == 0)
    return;
  if (!rpt_project_set_annotation_speaker (self->project, rpt_annotation_get_id (self->annotation),
                                           speaker_id, &error))
    report (self, error);
}

static void
on_new_speaker_activated (RptAnnotationDetails *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_speaker_row))));
  g_autoptr(GError) error = NULL;
  RptSpeaker *speaker;
  gboolean ok;

  if (*name == '\0' || !is_live (self))
    return;

  /* Typing a name that exists picks that speaker rather than failing. */
  rpt_project_begin_group (self->project, _("Add Speaker"));
  speaker = rpt_project_find_speaker_by_name (self->project, name);
  if (speaker == NULL)
    speaker = rpt_project_add_speaker (self->project, name, &error);
  ok = speaker != NULL &&
       rpt_project_set_annotation_speaker (self->project, rpt_annotation_get_id (self->annotation),
                                           rpt_speaker_get_id (speaker), &error);
  rpt_project_end_group (self->project);

  if (!ok)
    {
      report (self, error);
      return;
    }
  hide_new_speaker (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->speaker_row));
}

/* ---- Note ---- */

static char *
dup_note_text (RptAnnotationDetails *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
rpt_annotation_details_commit_note (RptAnnotationDetails *self)
{
  g_autofree char *text = NULL;
  const char *id;

  g_return_if_fail (RPT_IS_ANNOTATION_DETAILS (self));

  g_clear_handle_id (&self->note_timeout, g_source_remove);
  if (!self->note_dirty)
    return;
  self->note_dirty = FALSE;
  if (!is_live (self))
    return;

  text = dup_note_text (self);
  if (g_strcmp0 (text, rpt_annotation_get_note (self->annotation)) == 0)
    return;

  id = rpt_annotation_get_id (self->annotation);
  self->updating = TRUE;
  /* Nothing happened since this session's last commit: replace it. */
  if (self->note_annotation == self->annotation &&
      self->note_generation == rpt_project_get_generation (self->project) &&
      g_strcmp0 (rpt_project_get_undo_description (self->project), _("Edit Note")) == 0)
    rpt_project_undo (self->project);
  rpt_project_set_annotation_note (self->project, id, text);
  self->updating = FALSE;

  self->note_annotation = self->annotation;
  self->note_generation = rpt_project_get_generation (self->project);
  update (self);
}

static void
end_note_session (RptAnnotationDetails *self)
{
  rpt_annotation_details_commit_note (self);
  self->note_annotation = NULL;
  self->note_generation = 0;
}

static gboolean
note_timeout_cb (gpointer data)
{
  RptAnnotationDetails *self = data;

  self->note_timeout = 0;
  rpt_annotation_details_commit_note (self);
  return G_SOURCE_REMOVE;
}

static void
on_note_changed (RptAnnotationDetails *self)
{
  if (self->updating)
    return;
  self->note_dirty = TRUE;
  g_clear_handle_id (&self->note_timeout, g_source_remove);
  self->note_timeout = g_timeout_add (NOTE_IDLE_MS, note_timeout_cb, self);
}

/* ---- Links ---- */

static void
on_relation_activated (RptAnnotationDetails *self,
                       RptAnnotation        *other)
{
  g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, other);
}

static void
add_link (RptAnnotationDetails *self,
          RptAnnotation        *source,
          RptAnnotation        *target,
          RptRelationType       type)
{
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;
  if (!rpt_project_add_relation (self->project, type, rpt_annotation_get_id (source),
                                 rpt_annotation_get_id (target), &error))
    report (self, error);
}

static void
on_link_target_chosen (RptAnnotationDetails *self,
                       RptAnnotation        *target)
{
  if (is_live (self))
    add_link (self, self->annotation, target, rpt_link_popover_get_relation_type (self->link_popover));
}

static void
on_link_pick_requested (RptAnnotationDetails *self)
{
  if (!is_live (self))
    return;
  g_set_object (&self->pick_source, self->annotation);
  self->pick_type = rpt_link_popover_get_relation_type (self->link_popover);
  g_signal_emit (self, signals[PICK_TARGET_REQUESTED], 0);
}

void
rpt_annotation_details_finish_pick (RptAnnotationDetails *self,
                                    RptAnnotation        *target)
{
  g_autoptr(RptAnnotation) source = NULL;

  g_return_if_fail (RPT_IS_ANNOTATION_DETAILS (self));
  g_return_if_fail (!target || RPT_IS_ANNOTATION (target));

  source = g_steal_pointer (&self->pick_source);
  if (source == NULL || target == NULL || self->project == NULL)
    return;
  if (rpt_project_get_annotation (self->project, rpt_annotation_get_id (source)) != source)
    return;
  add_link (self, source, target, self->pick_type);
}

static void
add_link_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RptAnnotationDetails *self = RPT_ANNOTATION_DETAILS (widget);

  if (is_live (self))
    gtk_menu_button_popup (self->add_link_button);
}

/* ---- Model to widgets ---- */

static void
update_provenance (RptAnnotationDetails *self)
{
  const char *author = rpt_annotation_get_author (self->annotation);
  gint64 created = rpt_annotation_get_created (self->annotation);
  gint64 modified = rpt_annotation_get_modified (self->annotation);
  g_autofree char *created_text = rpt_annotation_format_time (created);
  g_autofree char *added = NULL;
  g_autofree char *text = NULL;

  if (author && *author)
    /* Translators: "Added by Jane Doe on 7 Dec 2017, 14:05" */
    added = g_strdup_printf (_("Added by %s on %s"), author, created_text);
  else
    added = g_strdup_printf (_("Added on %s"), created_text);

  if (modified > created)
    {
      g_autofree char *modified_text = rpt_annotation_format_time (modified);

      text = g_strdup_printf (_("%s\nChanged on %s"), added, modified_text);
    }
  gtk_label_set_text (self->provenance_label, text ? text : added);
}

static void
update (RptAnnotationDetails *self)
{
  gboolean was_updating = self->updating;

  if (!is_live (self))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->updating = TRUE;
  sync_choices (self);
  adw_combo_row_set_selected (self->label_row,
                              find_label_choice (self, rpt_annotation_get_label (self->annotation)));
  adw_combo_row_set_selected (self->speaker_row,
                              find_speaker_choice (self, rpt_annotation_get_speaker (self->annotation)));

  /* Never overwrite what the user is typing. */
  if (!self->note_dirty)
    {
      g_autofree char *text = dup_note_text (self);
      const char *note = rpt_annotation_get_note (self->annotation);

      if (g_strcmp0 (text, note) != 0)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note, -1);
    }

  rpt_relation_list_update (self->relations_list, self->project, self->annotation);
  update_provenance (self);
  gtk_stack_set_visible_child_name (self->stack, "details");
  self->updating = was_updating;
}

/* ---- GObject ---- */

static void
rpt_annotation_details_dispose (GObject *object)
{
  RptAnnotationDetails *self = RPT_ANNOTATION_DETAILS (object);

  /* Keep what was typed. */
  if (self->note_dirty && self->project)
    rpt_annotation_details_commit_note (self);
  g_clear_handle_id (&self->note_timeout, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_ANNOTATION_DETAILS);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->project);
  g_clear_object (&self->annotation);
  g_clear_object (&self->pick_source);
  g_clear_object (&self->label_choices);
  g_clear_object (&self->speaker_choices);
  g_clear_object (&self->none_item);
  g_clear_object (&self->new_item);

  G_OBJECT_CLASS (rpt_annotation_details_parent_class)->dispose (object);
}

static void
rpt_annotation_details_class_init (RptAnnotationDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_annotation_details_dispose;

  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[PICK_TARGET_REQUESTED] =
    g_signal_new ("pick-target-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RPT_TYPE_ANNOTATION);

  g_type_ensure (RPT_TYPE_LINK_POPOVER);
  g_type_ensure (RPT_TYPE_RELATION_LIST);
  g_type_ensure (RPT_TYPE_COLOR_CHIP);
  g_type_ensure (RPT_TYPE_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/repartee/Repartee/rpt-annotation-details.ui");
  gtk_widget_class_bind_template_child (widget_class, RptAnnotationDetails, stack);
  gtk_widget_class_bind_template_child (widget_class, RptAnnotationDetails, label_row);
  gtk_widget_class_bind_template_child (widget_class, RptAnnotationDetails, speaker_row);
  gtk_widget_class_bind_template_child (widget_class, RptAnnotationDetails, new_speaker_row);
  gtk_widget_class_bind_template_child (widget_class, RptAnnotationDetails, note_view);
  gtk_widget_class_bind_template_child (widget_class, RptAnnotationDetails, add_link_button);
  gtk_widget_class_bind_template_child (widget_class, RptAnnotationDetails, link_popover);
  gtk_widget_class_bind_template_child (widget_class, RptAnnotationDetails, relations_list);
  gtk_widget_class_bind_template_child (widget_class, RptAnnotationDetails, provenance_label);
  gtk_widget_class_bind_template_callback (widget_class, on_new_speaker_activated);
  gtk_widget_class_bind_template_callback (widget_class, hide_new_speaker);
  gtk_widget_class_bind_template_callback (widget_class, on_link_target_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_link_pick_requested);
  gtk_widget_class_bind_template_callback (widget_class, on_relation_activated);

  gtk_widget_class_install_action (widget_class, "details.add-link", NULL, add_link_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "details.add-link", NULL);

  gtk_widget_class_set_css_name (widget_class, "annotationdetails");
}

static gboolean
on_new_speaker_key (RptAnnotationDetails *self,
                    guint                 keyval,
                    guint                 keycode,
                    GdkModifierType       state)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  hide_new_speaker (self);
  return TRUE;
}

static void
rpt_annotation_details_init (RptAnnotationDetails *self)
{
  g_autoptr(GtkListItemFactory) label_factory = NULL;
  g_autoptr(GtkListItemFactory) speaker_factory = gtk_signal_list_item_factory_new ();
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->label_choices = g_list_store_new (RPT_TYPE_LABEL);
  self->speaker_choices = g_list_store_new (G_TYPE_OBJECT);
  /* Translators: the first choice of the Speaker list: no speaker */
  self->none_item = gtk_string_object_new (C_("speaker", "None"));
  /* Translators: the last choice of the Speaker list: type a new name */
  self->new_item = gtk_string_object_new (_("New Speaker…"));

  label_factory = gtk_builder_list_item_factory_new_from_resource (NULL, "/org/repartee/Repartee/rpt-label-choice.ui");
  adw_combo_row_set_factory (self->label_row, label_factory);
  adw_combo_row_set_model (self->label_row, G_LIST_MODEL (self->label_choices));
  g_signal_connect_object (self->label_row, "notify::selected", G_CALLBACK (on_label_selected),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect (speaker_factory, "setup", G_CALLBACK (setup_speaker_choice), NULL);
  g_signal_connect (speaker_factory, "bind", G_CALLBACK (bind_speaker_choice), NULL);
  g_signal_connect (speaker_factory, "unbind", G_CALLBACK (unbind_speaker_choice), NULL);
  adw_combo_row_set_factory (self->speaker_row, speaker_factory);
  adw_combo_row_set_model (self->speaker_row, G_LIST_MODEL (self->speaker_choices));
  g_signal_connect_object (self->speaker_row, "notify::selected", G_CALLBACK (on_speaker_selected),
                           self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_new_speaker_key),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->new_speaker_row), controller);

  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (on_note_changed), self, G_CONNECT_SWAPPED);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (end_note_session),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), controller);

  self->project_signals = g_signal_group_new (RPT_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "changed", G_CALLBACK (update), self);
}

void
rpt_annotation_details_set_project (RptAnnotationDetails *self,
                                    RptProject           *project)
{
  g_return_if_fail (RPT_IS_ANNOTATION_DETAILS (self));
  g_return_if_fail (!project || RPT_IS_PROJECT (project));

  if (self->project == project)
    return;

  rpt_annotation_details_set_annotation (self, NULL);
  g_clear_object (&self->pick_source);
  g_set_object (&self->project, project);
  g_signal_group_set_target (self->project_signals, project);
  rpt_link_popover_set_project (self->link_popover, project);
  self->updating = TRUE;
  g_list_store_remove_all (self->label_choices);
  g_list_store_remove_all (self->speaker_choices);
  self->updating = FALSE;
  update (self);
}

void
rpt_annotation_details_set_annotation (RptAnnotationDetails *self,
                                       RptAnnotation        *annotation)
{
  g_return_if_fail (RPT_IS_ANNOTATION_DETAILS (self));
  g_return_if_fail (!annotation || RPT_IS_ANNOTATION (annotation));

  if (self->annotation == annotation)
    return;

  end_note_session (self);
  hide_new_speaker (self);
  g_set_object (&self->annotation, annotation);
  rpt_link_popover_set_source (self->link_popover, annotation);
  gtk_popover_popdown (GTK_POPOVER (self->link_popover));
  update (self);
}

void
rpt_annotation_details_focus (RptAnnotationDetails *self)
{
  g_return_if_fail (RPT_IS_ANNOTATION_DETAILS (self));

  if (is_live (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->label_row));
}
