/* rpt-recovery.h: crash safety. Each window keeps a recovery copy of its
 * unsaved work in g_get_user_data_dir()/repartee/recovery/, written in a
 * worker thread a few seconds after the first unsaved change and removed
 * when the work is saved or discarded. A lock (flock) on a side file marks
 * the copy as belonging to a live process: the kernel drops it when the
 * process dies, however it dies, so the next start can tell the copies of
 * dead processes (orphans) from those of running windows.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rpt-core.h"

G_BEGIN_DECLS

/* How long after the first unsaved change the copy is written, in ms. */
#define RPT_RECOVERY_DELAY_MS 2000

#define RPT_TYPE_RECOVERY (rpt_recovery_get_type ())
G_DECLARE_FINAL_TYPE (RptRecovery, rpt_recovery, RPT, RECOVERY, GObject)

/* The folder in the user's data dir. */
char        *rpt_recovery_get_dir          (void);

/* A new slot in rpt_recovery_get_dir(), locked by this process. */
RptRecovery *rpt_recovery_new              (void);
/* Watches @project (NULL: none); @file is where it is saved (NULL: never
 * saved) and @title its display name, both recorded beside the copy. */
void         rpt_recovery_set_project      (RptRecovery *self,
                                            RptProject  *project,
                                            GFile       *file,
                                            const char  *title);
/* Marks the watched work as unsaved even when the project is clean (a
 * restored copy): it is written, and kept until saved or discarded. */
void         rpt_recovery_set_unsaved      (RptRecovery *self,
                                            gboolean     unsaved);
/* Writes now if there is unsaved work (rather than after the delay). */
void         rpt_recovery_write_now        (RptRecovery *self);
/* Removes the copy (after a save, or when the user discards the work). */
void         rpt_recovery_discard          (RptRecovery *self);
/* The path of the copy (it exists only while there is unsaved work). */
const char  *rpt_recovery_get_path         (RptRecovery *self);

/* Signal "written": a copy is on disk (tests wait for it). */

/* ---- Copies left by processes that died ---- */

typedef struct _RptRecoveryOrphan RptRecoveryOrphan;

/* Finds the copies whose process is gone and locks them for this process
 * (so two starting instances do not both offer them). Oldest first. */
GPtrArray   *rpt_recovery_claim_orphans    (void);
/* The copy itself (a project file). */
GFile       *rpt_recovery_orphan_get_file     (RptRecoveryOrphan *orphan);
/* Where the work was saved before, or NULL if never. */
GFile       *rpt_recovery_orphan_get_original (RptRecoveryOrphan *orphan);
const char  *rpt_recovery_orphan_get_title    (RptRecoveryOrphan *orphan);
/* When the copy was written (local time). */
GDateTime   *rpt_recovery_orphan_get_time     (RptRecoveryOrphan *orphan);
/* Deletes the copy. */
void         rpt_recovery_orphan_discard      (RptRecoveryOrphan *orphan);
/* Releases the lock, keeping the copy for a later start (and frees). */
void         rpt_recovery_orphan_free         (RptRecoveryOrphan *orphan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RptRecoveryOrphan, rpt_recovery_orphan_free)

G_END_DECLS
