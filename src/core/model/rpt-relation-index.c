/* rpt-relation-index.c
 *
 * Each list keeps the order of the project's relations list without knowing
 * positions: a relation keeps the place it was first given (new ones go
 * last; undo puts a removed one back where it was; loading keeps the file's
 * order), so the order of first insertion is the list's order. It is kept
 * on the relation itself, which outlives its removals while undo can bring
 * it back.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Model"

#include "config.h"

#include <string.h>

#include "rpt-core-private.h"
#include "rpt-relation-index.h"

struct _RptRelationIndex
{
  GHashTable *by_annotation;  /* annotation id -> GPtrArray of RptRelation (borrowed) */
  guint64     last_order;
};

RptRelationIndex *
rpt_relation_index_new (void)
{
  RptRelationIndex *self = g_new0 (RptRelationIndex, 1);

  self->by_annotation = g_hash_table_new_full (_rpt_id_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);
  return self;
}

void
rpt_relation_index_free (RptRelationIndex *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_annotation);
  g_free (self);
}

static guint64
order_of (RptRelationIndex *self,
          RptRelation      *relation)
{
  guint64 order = _rpt_relation_get_order (relation);

  if (order == 0)
    {
      order = ++self->last_order;
      _rpt_relation_set_order (relation, order);
    }
  return order;
}

static void
add_link (RptRelationIndex *self,
          const char       *annotation_id,
          RptRelation      *relation,
          guint64           order)
{
  GPtrArray *linked = g_hash_table_lookup (self->by_annotation, annotation_id);
  guint lo = 0, hi;

  if (linked == NULL)
    {
      linked = g_ptr_array_new ();
      g_hash_table_insert (self->by_annotation, g_strdup (annotation_id), linked);
    }
  hi = linked->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (order_of (self, g_ptr_array_index (linked, mid)) < order)
        lo = mid + 1;
      else
        hi = mid;
    }
  g_ptr_array_insert (linked, (gint) lo, relation);
}

static void
remove_link (RptRelationIndex *self,
             const char       *annotation_id,
             RptRelation      *relation)
{
  GPtrArray *linked = g_hash_table_lookup (self->by_annotation, annotation_id);

  if (linked == NULL)
    return;
  g_ptr_array_remove (linked, relation);
  if (linked->len == 0)
    g_hash_table_remove (self->by_annotation, annotation_id);
}

void
rpt_relation_index_add (RptRelationIndex *self,
                        RptRelation      *relation)
{
  const char *from = rpt_relation_get_from (relation);
  const char *to = rpt_relation_get_to (relation);
  guint64 order = order_of (self, relation);

  add_link (self, from, relation, order);
  if (g_strcmp0 (from, to) != 0)
    add_link (self, to, relation, order);
}

void
rpt_relation_index_remove (RptRelationIndex *self,
                           RptRelation      *relation)
{
  const char *from = rpt_relation_get_from (relation);
  const char *to = rpt_relation_get_to (relation);

  remove_link (self, from, relation);
  if (g_strcmp0 (from, to) != 0)
    remove_link (self, to, relation);
}

gboolean
rpt_relation_index_has_link (RptRelationIndex *self,
                             RptRelationType   type,
                             const char       *from,
                             const char       *to)
{
  GPtrArray *linked = g_hash_table_lookup (self->by_annotation, from);

  for (guint i = 0; linked != NULL && i < linked->len; i++)
    {
      RptRelation *relation = g_ptr_array_index (linked, i);

      if (rpt_relation_get_kind (relation) == type &&
          strcmp (rpt_relation_get_from (relation), from) == 0 &&
          strcmp (rpt_relation_get_to (relation), to) == 0)
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
rpt_relation_index_lookup (RptRelationIndex *self,
                           const char       *annotation_id)
{
  GPtrArray *result = g_ptr_array_new ();
  GPtrArray *linked;

  if (annotation_id != NULL && (linked = g_hash_table_lookup (self->by_annotation, annotation_id)) != NULL)
    g_ptr_array_extend (result, linked, NULL, NULL);
  return result;
}
