/* rpt-link-popover.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rpt-annotation-format.h"
#include "rpt-annotation-row.h"
#include "rpt-link-popover.h"

/* How much of a span the search looks at. */
#define SEARCH_CHARS 400

struct _RptLinkPopover
{
  GtkPopover          parent_instance;

  RptProject         *project;
  RptAnnotation      *source;

  GtkMapListModel    *stores;     /* documents -> their annotation stores */
  GtkFlattenListModel *all;       /* every annotation, article by article */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  char              **terms;      /* case-folded search words */
  char               *query;      /* what they were split from */
  /* Each annotation's searchable text, folded, made when first searched
   * and dropped on any change to the project. */
  GHashTable         *haystacks;  /* RptAnnotation * -> char * */

  GtkDropDown        *type_dropdown;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (RptLinkPopover, rpt_link_popover, GTK_TYPE_POPOVER)

enum {
  TARGET_CHOSEN,
  PICK_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gpointer
map_document_to_store (gpointer item,
                       gpointer user_data)
{
  RptLinkPopover *self = user_data;
  RptDocument *document = item;
  RptAnnotationStore *store = NULL;

  if (self->project)
    store = rpt_project_get_annotations (self->project, rpt_document_get_id (document));
  g_object_unref (document);
  /* A document being removed may have lost its store already. */
  if (store == NULL)
    return g_list_store_new (RPT_TYPE_ANNOTATION);
  return g_object_ref (store);
}

/* The same folding for the query and what it searches, so that "É" and
 * "é" (composed or not) match. */
static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);

  return g_utf8_casefold (normal ? normal : "", -1);
}

static void
append_folded (GString    *haystack,
               const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return;
  folded = fold (text);
  g_string_append (haystack, folded);
  g_string_append_c (haystack, '\n');
}

static char *
make_haystack (RptLinkPopover *self,
               RptAnnotation  *annotation)
{
  GString *haystack = g_string_new (NULL);
  RptLabel *label;
  RptDocument *document;
  g_autofree char *excerpt = NULL;

  excerpt = rpt_annotation_format_excerpt (self->project, annotation, SEARCH_CHARS);
  append_folded (haystack, excerpt);
  if ((label = rpt_project_get_label (self->project, rpt_annotation_get_label (annotation))))
    append_folded (haystack, rpt_label_get_name (label));
  if (rpt_annotation_get_speaker (annotation))
    {
      RptSpeaker *speaker = rpt_project_get_speaker (self->project, rpt_annotation_get_speaker (annotation));

      if (speaker)
        append_folded (haystack, rpt_speaker_get_name (speaker));
    }
  if ((document = rpt_project_get_document (self->project, rpt_annotation_get_document (annotation))))
    append_folded (haystack, rpt_document_get_title (document));
  return g_string_free (haystack, FALSE);
}

static gboolean
match_target (gpointer item,
              gpointer user_data)
{
  RptLinkPopover *self = user_data;
  RptAnnotation *annotation = item;
  const char *haystack;

  if (annotation == self->source || self->project == NULL)
    return FALSE;
  if (self->terms == NULL || self->terms[0] == NULL)
    return TRUE;

  haystack = g_hash_table_lookup (self->haystacks, annotation);
  if (haystack == NULL)
    {
      haystack = make_haystack (self, annotation);
      g_hash_table_insert (self->haystacks, annotation, (gpointer) haystack);
    }

  /* Every word must appear somewhere: "lavrov claim" finds Lavrov's claims. */
  for (guint i = 0; self->terms[i]; i++)
    if (strstr (haystack, self->terms[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* What an annotation's text, label or speaker says may have changed: the
 * next search starts over rather than narrowing or widening the last. */
static void
forget_haystacks (RptLinkPopover *self)
{
  g_hash_table_remove_all (self->haystacks);
  g_clear_pointer (&self->query, g_free);
}

static void
update_empty (RptLinkPopover *self)
{
  /* Still filtering: nothing found yet is not "no match". */
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0 &&
                   gtk_filter_list_model_get_pending (self->filtered) == 0;

  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
}

static void
refilter (RptLinkPopover *self)
{
  g_autofree char *folded = fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\n", -1);
  g_autoptr(GStrvBuilder) terms = g_strv_builder_new ();
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      g_strv_builder_add (terms, words[i]);
  g_clear_pointer (&self->terms, g_strfreev);
  self->terms = g_strv_builder_end (terms);

  /* Typing on only narrows what matched (each old word is the start of a
   * new one), and deleting from the end only widens it: GTK then looks
   * again at the matches, or at the rest, instead of at everything. */
  if (self->query && g_str_has_prefix (folded, self->query))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->query && g_str_has_prefix (self->query, folded))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_free (self->query);
  self->query = g_steal_pointer (&folded);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
choose (RptLinkPopover *self,
        RptAnnotation  *target)
{
  g_object_ref (target);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[TARGET_CHOSEN], 0, target);
  g_object_unref (target);
}

static void
on_target_activated (GtkListView    *list_view,
                     guint           position,
                     RptLinkPopover *self)
{
  g_autoptr(RptAnnotation) target = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (target)
    choose (self, target);
}

static void
on_search_activate (RptLinkPopover *self)
{
  g_autoptr(RptAnnotation) first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);

  /* Enter takes the best (first) match, as in GNOME's search popovers. */
  if (first)
    choose (self, first);
}

static void
on_pick_clicked (RptLinkPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[PICK_REQUESTED], 0);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *row = rpt_annotation_row_new ();

  rpt_annotation_row_set_show_document (RPT_ANNOTATION_ROW (row), TRUE);
  gtk_list_item_set_child (item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          RptLinkPopover           *self)
{
  rpt_annotation_row_bind (RPT_ANNOTATION_ROW (gtk_list_item_get_child (item)),
                           self->project,
                           gtk_list_item_get_item (item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  rpt_annotation_row_unbind (RPT_ANNOTATION_ROW (gtk_list_item_get_child (item)));
}

static void
rpt_link_popover_show (GtkWidget *widget)
{
  RptLinkPopover *self = RPT_LINK_POPOVER (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  refilter (self);
  /* Filtering every annotation of a large project costs a main-loop stall,
   * so the model is attached only when someone looks at the list. */
  if (self->all && gtk_filter_list_model_get_model (self->filtered) != G_LIST_MODEL (self->all))
    gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->all));

  GTK_WIDGET_CLASS (rpt_link_popover_parent_class)->show (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
rpt_link_popover_dispose (GObject *object)
{
  RptLinkPopover *self = RPT_LINK_POPOVER (object);

  if (self->list_view)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_LINK_POPOVER);
  g_clear_object (&self->filtered);
  g_clear_object (&self->all);
  g_clear_object (&self->stores);
  g_clear_object (&self->filter);
  if (self->project)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (rpt_link_popover_parent_class)->dispose (object);
}

static void
rpt_link_popover_finalize (GObject *object)
{
  RptLinkPopover *self = RPT_LINK_POPOVER (object);

  g_strfreev (self->terms);
  g_free (self->query);
  g_hash_table_unref (self->haystacks);

  G_OBJECT_CLASS (rpt_link_popover_parent_class)->finalize (object);
}

static void
rpt_link_popover_class_init (RptLinkPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_link_popover_dispose;
  object_class->finalize = rpt_link_popover_finalize;
  widget_class->show = rpt_link_popover_show;

  signals[TARGET_CHOSEN] =
    g_signal_new ("target-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RPT_TYPE_ANNOTATION);
  signals[PICK_REQUESTED] =
    g_signal_new ("pick-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/repartee/Repartee/rpt-link-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, RptLinkPopover, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RptLinkPopover, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RptLinkPopover, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RptLinkPopover, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_target_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_pick_clicked);
}

static void
rpt_link_popover_init (RptLinkPopover *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < RPT_RELATION_N_TYPES; i++)
    gtk_string_list_append (types, rpt_relation_type_get_display (i));
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (types));

  self->haystacks = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->filter = gtk_custom_filter_new (match_target, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  /* A hundred thousand annotations are searched a batch per main-loop
   * turn, so typing never waits for the whole project. */
  gtk_filter_list_model_set_incremental (self->filtered, TRUE);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_empty),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "notify::pending", G_CALLBACK (update_empty),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (refilter),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (on_search_activate),
                           self, G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  update_empty (self);
}

void
rpt_link_popover_set_project (RptLinkPopover *self,
                              RptProject     *project)
{
  g_return_if_fail (RPT_IS_LINK_POPOVER (self));
  g_return_if_fail (!project || RPT_IS_PROJECT (project));

  if (self->project == project)
    return;

  gtk_filter_list_model_set_model (self->filtered, NULL);
  g_clear_object (&self->all);
  g_clear_object (&self->stores);
  forget_haystacks (self);
  if (self->project)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  if (project)
    g_signal_connect_object (project, "changed", G_CALLBACK (forget_haystacks), self, G_CONNECT_SWAPPED);

  if (project)
    {
      self->stores = gtk_map_list_model_new (g_object_ref (rpt_project_get_documents (project)),
                                             map_document_to_store, self, NULL);
      self->all = gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->stores)));
      /* Attached in show(): nobody sees the targets until the popover opens. */
      if (gtk_widget_get_visible (GTK_WIDGET (self)))
        gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->all));
    }
  update_empty (self);
}

void
rpt_link_popover_set_source (RptLinkPopover *self,
                             RptAnnotation  *source)
{
  g_return_if_fail (RPT_IS_LINK_POPOVER (self));

  if (g_set_object (&self->source, source))
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

RptRelationType
rpt_link_popover_get_relation_type (RptLinkPopover *self)
{
  guint selected;

  g_return_val_if_fail (RPT_IS_LINK_POPOVER (self), RPT_RELATION_REBUTS);

  selected = gtk_drop_down_get_selected (self->type_dropdown);
  return selected < RPT_RELATION_N_TYPES ? (RptRelationType) selected : RPT_RELATION_REBUTS;
}
