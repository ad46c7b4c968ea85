/* rpt-annotation-store.c: a sorted array behind a GListModel.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Model"

#include "config.h"

#include "rpt-annotation-store.h"
#include "rpt-annotation-store-private.h"

struct _RptAnnotationStore
{
  GObject    parent_instance;

  GPtrArray *items;   /* RptAnnotation, sorted by rpt_annotation_compare */
  guint      max_len; /* longest span ever stored: bounds the overlap scan */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RptAnnotationStore, rpt_annotation_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return RPT_TYPE_ANNOTATION;
}

static guint
get_n_items (GListModel *model)
{
  return RPT_ANNOTATION_STORE (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  RptAnnotationStore *self = RPT_ANNOTATION_STORE (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
rpt_annotation_store_finalize (GObject *object)
{
  RptAnnotationStore *self = RPT_ANNOTATION_STORE (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (rpt_annotation_store_parent_class)->finalize (object);
}

static void
rpt_annotation_store_class_init (RptAnnotationStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rpt_annotation_store_finalize;
}

static void
rpt_annotation_store_init (RptAnnotationStore *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

RptAnnotationStore *
rpt_annotation_store_new (void)
{
  return g_object_new (RPT_TYPE_ANNOTATION_STORE, NULL);
}

RptAnnotation *
rpt_annotation_store_get (RptAnnotationStore *self,
                          guint               position)
{
  g_return_val_if_fail (RPT_IS_ANNOTATION_STORE (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);
  return g_ptr_array_index (self->items, position);
}

guint
rpt_annotation_store_get_n_items (RptAnnotationStore *self)
{
  g_return_val_if_fail (RPT_IS_ANNOTATION_STORE (self), 0);
  return self->items->len;
}

/* First position whose item does not sort before @annotation. */
static guint
insertion_point (RptAnnotationStore *self,
                 RptAnnotation      *annotation)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (rpt_annotation_compare (g_ptr_array_index (self->items, mid), annotation) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

guint
rpt_annotation_store_find (RptAnnotationStore *self,
                           RptAnnotation      *annotation)
{
  guint pos;

  g_return_val_if_fail (RPT_IS_ANNOTATION_STORE (self), G_MAXUINT);

  pos = insertion_point (self, annotation);
  if (pos < self->items->len && g_ptr_array_index (self->items, pos) == annotation)
    return pos;

  /* The annotation's sort key may have changed under us: fall back. */
  if (g_ptr_array_find (self->items, annotation, &pos))
    return pos;
  return G_MAXUINT;
}

guint
rpt_annotation_store_lower_bound (RptAnnotationStore *self,
                                  guint               offset)
{
  guint lo = 0, hi;

  g_return_val_if_fail (RPT_IS_ANNOTATION_STORE (self), 0);

  hi = self->items->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (rpt_annotation_get_start (g_ptr_array_index (self->items, mid)) < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

GPtrArray *
rpt_annotation_store_query (RptAnnotationStore *self,
                            guint               start,
                            guint               end)
{
  GPtrArray *result;
  guint from;

  g_return_val_if_fail (RPT_IS_ANNOTATION_STORE (self), NULL);

  result = g_ptr_array_new ();
  if (end < start)
    return result;
  from = rpt_annotation_store_lower_bound (self, start > self->max_len ? start - self->max_len : 0);

  for (guint i = from; i < self->items->len; i++)
    {
      RptAnnotation *a = g_ptr_array_index (self->items, i);
      guint a_start = rpt_annotation_get_start (a);
      guint a_end = rpt_annotation_get_end (a);

      if (start == end)
        {
          if (a_start > start)
            break;
          if (a_end > start)
            g_ptr_array_add (result, a);
        }
      else
        {
          if (a_start >= end)
            break;
          if (a_end > start)
            g_ptr_array_add (result, a);
        }
    }

  return result;
}

guint
_rpt_annotation_store_insert (RptAnnotationStore *self,
                              RptAnnotation      *annotation)
{
  guint pos = insertion_point (self, annotation);
  guint len = rpt_annotation_get_end (annotation) - rpt_annotation_get_start (annotation);

  self->max_len = MAX (self->max_len, len);
  g_ptr_array_insert (self->items, pos, g_object_ref (annotation));
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 0, 1);
  return pos;
}

void
_rpt_annotation_store_append (RptAnnotationStore *self,
                                     RptAnnotation      *annotation)
{
  guint len = rpt_annotation_get_end (annotation) - rpt_annotation_get_start (annotation);

  self->max_len = MAX (self->max_len, len);
  g_ptr_array_add (self->items, g_object_ref (annotation));
}

static int
compare_indirect (gconstpointer a,
                  gconstpointer b)
{
  return rpt_annotation_compare (*(RptAnnotation **) a, *(RptAnnotation **) b);
}

/* For bulk loading: append in any order, then sort once. */
void
_rpt_annotation_store_sort (RptAnnotationStore *self)
{
  g_ptr_array_sort (self->items, compare_indirect);
}

gboolean
_rpt_annotation_store_remove (RptAnnotationStore *self,
                              RptAnnotation      *annotation)
{
  guint pos = rpt_annotation_store_find (self, annotation);

  if (pos == G_MAXUINT)
    return FALSE;
  g_ptr_array_remove_index (self->items, pos);
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 0);
  return TRUE;
}

void
_rpt_annotation_store_notify_changed (RptAnnotationStore *self,
                                      RptAnnotation      *annotation)
{
  guint pos = rpt_annotation_store_find (self, annotation);

  if (pos != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 1);
}
