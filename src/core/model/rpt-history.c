/* rpt-history.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Model"

#include "config.h"

#include "rpt-history.h"

/* Oldest steps are dropped beyond this, so a long session stays bounded. */
#define MAX_STEPS 5000

typedef struct
{
  char      *description;
  GPtrArray *ops;
  guint64    serial;  /* identifies the state reached after this step */
} Step;

struct _RptHistory
{
  GObject              parent_instance;

  RptHistoryApplyFunc  apply;
  GDestroyNotify       free_op;
  gpointer             user_data;

  GPtrArray           *undo;  /* Step, oldest first */
  GPtrArray           *redo;  /* Step, next to redo last */
  Step                *open;  /* the group being recorded */
  guint                depth;
  guint64              next_serial;
  guint64              saved_serial;
  guint64              base_serial;  /* state below the oldest kept step */
};

G_DEFINE_FINAL_TYPE (RptHistory, rpt_history, G_TYPE_OBJECT)

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->description);
  g_ptr_array_unref (step->ops);
  g_free (step);
}

static Step *
step_new (RptHistory *self,
          const char *description)
{
  Step *step = g_new0 (Step, 1);

  step->description = g_strdup (description);
  step->ops = g_ptr_array_new_with_free_func (self->free_op);
  step->serial = ++self->next_serial;
  return step;
}

static void
rpt_history_finalize (GObject *object)
{
  RptHistory *self = RPT_HISTORY (object);

  g_clear_pointer (&self->open, step_free);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (rpt_history_parent_class)->finalize (object);
}

static void
rpt_history_class_init (RptHistoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rpt_history_finalize;
}

static void
rpt_history_init (RptHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (step_free);
  self->redo = g_ptr_array_new_with_free_func (step_free);
}

RptHistory *
rpt_history_new (RptHistoryApplyFunc apply,
                 GDestroyNotify      free_op,
                 gpointer            user_data)
{
  RptHistory *self = g_object_new (RPT_TYPE_HISTORY, NULL);

  self->apply = apply;
  self->free_op = free_op;
  self->user_data = user_data;
  return self;
}

static guint64
current_serial (RptHistory *self)
{
  if (self->undo->len == 0)
    return self->base_serial;
  return ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->serial;
}

static void
commit_step (RptHistory *self,
             Step       *step)
{
  if (step->ops->len == 0)
    {
      step_free (step);
      return;
    }
  g_ptr_array_set_size (self->redo, 0);
  g_ptr_array_add (self->undo, step);
  if (self->undo->len > MAX_STEPS)
    {
      self->base_serial = ((Step *) g_ptr_array_index (self->undo, 0))->serial;
      g_ptr_array_remove_index (self->undo, 0);
    }
}

void
rpt_history_begin (RptHistory *self,
                   const char *description)
{
  g_return_if_fail (RPT_IS_HISTORY (self));

  if (self->depth++ == 0)
    self->open = step_new (self, description);
}

void
rpt_history_end (RptHistory *self)
{
  g_return_if_fail (RPT_IS_HISTORY (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth == 0)
    commit_step (self, g_steal_pointer (&self->open));
}

void
rpt_history_push (RptHistory *self,
                  gpointer    op,
                  const char *description)
{
  g_return_if_fail (RPT_IS_HISTORY (self));

  if (self->open != NULL)
    {
      g_ptr_array_add (self->open->ops, op);
    }
  else
    {
      Step *step = step_new (self, description);

      g_ptr_array_add (step->ops, op);
      commit_step (self, step);
    }
}

gboolean
rpt_history_undo (RptHistory *self)
{
  Step *step;

  g_return_val_if_fail (RPT_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->open == NULL, FALSE);

  if (self->undo->len == 0)
    return FALSE;

  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  for (guint i = step->ops->len; i > 0; i--)
    self->apply (g_ptr_array_index (step->ops, i - 1), FALSE, self->user_data);
  g_ptr_array_add (self->redo, step);
  return TRUE;
}

gboolean
rpt_history_redo (RptHistory *self)
{
  Step *step;

  g_return_val_if_fail (RPT_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->open == NULL, FALSE);

  if (self->redo->len == 0)
    return FALSE;

  step = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  for (guint i = 0; i < step->ops->len; i++)
    self->apply (g_ptr_array_index (step->ops, i), TRUE, self->user_data);
  g_ptr_array_add (self->undo, step);
  return TRUE;
}

gboolean
rpt_history_can_undo (RptHistory *self)
{
  return self->undo->len > 0;
}

gboolean
rpt_history_can_redo (RptHistory *self)
{
  return self->redo->len > 0;
}

const char *
rpt_history_get_undo_description (RptHistory *self)
{
  if (self->undo->len == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->description;
}

const char *
rpt_history_get_redo_description (RptHistory *self)
{
  if (self->redo->len == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (self->redo, self->redo->len - 1))->description;
}

guint64
rpt_history_get_state (RptHistory *self)
{
  return current_serial (self);
}

void
rpt_history_mark_saved_state (RptHistory *self,
                              guint64     state)
{
  self->saved_serial = state;
}

gboolean
rpt_history_is_dirty (RptHistory *self)
{
  return current_serial (self) != self->saved_serial;
}

void
rpt_history_clear (RptHistory *self)
{
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->base_serial = ++self->next_serial;
  self->saved_serial = self->base_serial;
}
