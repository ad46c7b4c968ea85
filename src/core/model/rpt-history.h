/* rpt-history.h: undo/redo stacks of grouped, reversible operations, and the
 * saved point that dirty state is measured against. The operations are
 * opaque: the owner applies them (RptProject).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Apply @op forwards (redo) or backwards (undo). */
typedef void (*RptHistoryApplyFunc) (gpointer op,
                                     gboolean forward,
                                     gpointer user_data);

#define RPT_TYPE_HISTORY (rpt_history_get_type ())
G_DECLARE_FINAL_TYPE (RptHistory, rpt_history, RPT, HISTORY, GObject)

RptHistory *rpt_history_new              (RptHistoryApplyFunc apply,
                                          GDestroyNotify      free_op,
                                          gpointer            user_data);
/* Opens a group (nestable); operations pushed until the matching end form
 * one undo step. */
void        rpt_history_begin            (RptHistory *self,
                                          const char *description);
void        rpt_history_end              (RptHistory *self);
/* Records an operation that the caller has already applied. Outside a group
 * it forms a step of its own. Clears the redo stack. */
void        rpt_history_push             (RptHistory *self,
                                          gpointer    op,
                                          const char *description);
gboolean    rpt_history_undo             (RptHistory *self);
gboolean    rpt_history_redo             (RptHistory *self);
gboolean    rpt_history_can_undo         (RptHistory *self);
gboolean    rpt_history_can_redo         (RptHistory *self);
const char *rpt_history_get_undo_description (RptHistory *self);
const char *rpt_history_get_redo_description (RptHistory *self);
/* Identifies the current state; pass it back to mark that state saved after
 * a save that ran while more edits were made. */
guint64     rpt_history_get_state        (RptHistory *self);
void        rpt_history_mark_saved_state (RptHistory *self,
                                          guint64     state);
gboolean    rpt_history_is_dirty         (RptHistory *self);
/* Forget everything (after a load); the current state becomes the saved one. */
void        rpt_history_clear            (RptHistory *self);

G_END_DECLS
