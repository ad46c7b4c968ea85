/* rpt-find-results-model.c: search results as headed rows. Article i's
 * heading is row first_index (i) + i, its matches follow it. Rows are
 * announced when the owner says, so that a list never holds up a frame
 * that shows matches in the text. The rows
 * show an article's title, or a match in bold in a line of its context.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <gtk/gtk.h>

#include "rpt-find-results-model.h"

/* Context around a match in its row (code points). */
#define CONTEXT_BEFORE 24
#define CONTEXT_AFTER  40
#define MATCH_SHOWN    80

struct _RptFindItem
{
  GObject      parent_instance;
  RptDocument *document;
  int          index;
  guint        start;
  guint        end;
};

G_DEFINE_FINAL_TYPE (RptFindItem, rpt_find_item, G_TYPE_OBJECT)

static void
rpt_find_item_finalize (GObject *object)
{
  g_clear_object (&RPT_FIND_ITEM (object)->document);
  G_OBJECT_CLASS (rpt_find_item_parent_class)->finalize (object);
}

static void
rpt_find_item_class_init (RptFindItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rpt_find_item_finalize;
}

static void
rpt_find_item_init (RptFindItem *self)
{
}

RptDocument *
rpt_find_item_get_document (RptFindItem *self)
{
  g_return_val_if_fail (RPT_IS_FIND_ITEM (self), NULL);
  return self->document;
}

int
rpt_find_item_get_index (RptFindItem *self)
{
  g_return_val_if_fail (RPT_IS_FIND_ITEM (self), -1);
  return self->index;
}

guint
rpt_find_item_get_start (RptFindItem *self)
{
  g_return_val_if_fail (RPT_IS_FIND_ITEM (self), 0);
  return self->start;
}

guint
rpt_find_item_get_end (RptFindItem *self)
{
  g_return_val_if_fail (RPT_IS_FIND_ITEM (self), 0);
  return self->end;
}

struct _RptFindResultsModel
{
  GObject           parent_instance;
  RptSearchResults *results;
  /* Rows the list has been told of; the rest wait for
   * rpt_find_results_model_announce (). */
  guint             announced;
  /* Results to show instead, then too (the old rows go then: taking 200
   * rows down is not free either). */
  gboolean          replacing;
  RptSearchResults *next;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RptFindResultsModel, rpt_find_results_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static guint
n_rows (RptFindResultsModel *self)
{
  if (self->results == NULL)
    return 0;
  return rpt_search_results_get_n_matches (self->results) + rpt_search_results_get_n_documents (self->results);
}

static GType
get_item_type (GListModel *model)
{
  return RPT_TYPE_FIND_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return RPT_FIND_RESULTS_MODEL (model)->announced;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  RptFindResultsModel *self = RPT_FIND_RESULTS_MODEL (model);
  guint low = 0, high, heading;
  RptFindItem *item;

  if (position >= self->announced)
    return NULL;
  /* The last article whose heading is at or before @position. */
  high = rpt_search_results_get_n_documents (self->results);
  while (high - low > 1)
    {
      guint mid = low + (high - low) / 2;

      if (rpt_search_results_get_first_index (self->results, mid) + mid <= position)
        low = mid;
      else
        high = mid;
    }
  heading = rpt_search_results_get_first_index (self->results, low) + low;

  item = g_object_new (RPT_TYPE_FIND_ITEM, NULL);
  item->document = g_object_ref (rpt_search_results_get_document (self->results, low));
  item->index = -1;
  if (position > heading)
    {
      GArray *matches = rpt_search_results_get_matches (self->results, low);
      RptSearchMatch *match = &g_array_index (matches, RptSearchMatch, position - heading - 1);

      item->index = (int) (rpt_search_results_get_first_index (self->results, low) + position - heading - 1);
      item->start = match->start;
      item->end = match->end;
    }
  return item;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Results only grow at the end: new rows are the last ones. */
void
rpt_find_results_model_announce (RptFindResultsModel *self)
{
  guint before = self->announced;
  guint removed = 0;

  g_return_if_fail (RPT_IS_FIND_RESULTS_MODEL (self));

  if (self->replacing)
    {
      g_set_object (&self->results, self->next);
      g_clear_object (&self->next);
      self->replacing = FALSE;
      removed = before;
      before = 0;
    }
  self->announced = n_rows (self);
  if (removed > 0 || self->announced > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, removed, self->announced - before);
}

static void
rpt_find_results_model_dispose (GObject *object)
{
  RptFindResultsModel *self = RPT_FIND_RESULTS_MODEL (object);

  if (self->results != NULL)
    g_signal_handlers_disconnect_by_data (self->results, self);
  if (self->next != NULL)
    g_signal_handlers_disconnect_by_data (self->next, self);
  g_clear_object (&self->results);
  g_clear_object (&self->next);
  G_OBJECT_CLASS (rpt_find_results_model_parent_class)->dispose (object);
}

static void
rpt_find_results_model_class_init (RptFindResultsModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rpt_find_results_model_dispose;
}

static void
rpt_find_results_model_init (RptFindResultsModel *self)
{
}

RptFindResultsModel *
rpt_find_results_model_new (void)
{
  return g_object_new (RPT_TYPE_FIND_RESULTS_MODEL, NULL);
}

void
rpt_find_results_model_set_results (RptFindResultsModel *self,
                                    RptSearchResults    *results)
{
  g_return_if_fail (RPT_IS_FIND_RESULTS_MODEL (self));
  g_return_if_fail (results == NULL || RPT_IS_SEARCH_RESULTS (results));

  if (results == (self->replacing ? self->next : self->results))
    return;
  if (self->results != NULL)
    g_signal_handlers_disconnect_by_data (self->results, self);
  if (self->next != NULL)
    g_signal_handlers_disconnect_by_data (self->next, self);
  g_set_object (&self->next, results);
  self->replacing = TRUE;
}

RptSearchResults *
rpt_find_results_model_get_results (RptFindResultsModel *self)
{
  g_return_val_if_fail (RPT_IS_FIND_RESULTS_MODEL (self), NULL);
  return self->replacing ? NULL : self->results;
}

guint
rpt_find_results_model_get_position (RptFindResultsModel *self,
                                     guint                index)
{
  guint document_index = 0;

  g_return_val_if_fail (RPT_IS_FIND_RESULTS_MODEL (self), 0);

  if (self->replacing || self->results == NULL ||
      !rpt_search_results_lookup (self->results, index, &document_index, NULL))
    return G_MAXUINT;
  return index + document_index + 1;
}

/* ---- Rows ---- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

/* @text on one line (white space runs as one space), as markup. */
static void
append_flat (GString    *markup,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  gboolean space = FALSE;

  for (const char *p = escaped; *p; p++)
    {
      gboolean white = *p == ' ' || *p == '\n' || *p == '\r' || *p == '\t';

      if (white && space)
        continue;
      g_string_append_c (markup, white ? ' ' : *p);
      space = white;
    }
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  RptFindItem *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  RptDocument *document = rpt_find_item_get_document (row);
  gboolean heading = rpt_find_item_get_index (row) < 0;

  gtk_list_item_set_activatable (item, !heading);
  gtk_list_item_set_selectable (item, !heading);
  /* Matches indented under their article's title. */
  gtk_widget_set_margin_start (label, heading ? 0 : 12);
  gtk_widget_set_margin_top (label, heading ? 6 : 0);
  if (heading)
    {
      gtk_label_set_text (GTK_LABEL (label), rpt_document_get_title (document));
      gtk_widget_add_css_class (label, "heading");
    }
  else
    {
      guint start = rpt_find_item_get_start (row);
      guint end = rpt_find_item_get_end (row);
      guint before = start > CONTEXT_BEFORE ? start - CONTEXT_BEFORE : 0;
      guint shown = MIN (end, start + MATCH_SHOWN);
      guint after = MIN (rpt_document_get_length (document), end + CONTEXT_AFTER);
      g_autofree char *prefix = rpt_document_dup_slice (document, before, start);
      g_autofree char *middle = rpt_document_dup_slice (document, start, shown);
      g_autofree char *suffix = rpt_document_dup_slice (document, end, after);
      g_autoptr(GString) markup = g_string_new (before > 0 ? "…" : "");

      append_flat (markup, prefix);
      g_string_append (markup, "<b>");
      append_flat (markup, middle);
      g_string_append (markup, shown < end ? "…</b>" : "</b>");
      append_flat (markup, suffix);
      if (after < rpt_document_get_length (document))
        g_string_append (markup, "…");
      gtk_label_set_markup (GTK_LABEL (label), markup->str);
      gtk_widget_remove_css_class (label, "heading");
    }
}

GtkListItemFactory *
rpt_find_results_model_create_factory (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  return factory;
}
