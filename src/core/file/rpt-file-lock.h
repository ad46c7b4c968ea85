/* rpt-file-lock.h: one writer at a time. Every Repartee writer of a
 * project (repartee-tool's add, reanchor and format, and the window's
 * save) holds this lock from before it reads the file until its save has
 * replaced it, so that two writers never both start from the same
 * contents and the later one silently drops the other's changes.
 *
 * The lock is advisory (flock(2)) and taken on the file itself, so nothing
 * is left beside it and a killed writer's lock goes with it. A save
 * replaces the file by rename, so after locking the path is checked again
 * to still name the locked file (otherwise the newer file is locked). A
 * file that does not exist yet is locked through its folder, so that two
 * writers creating it take turns as well. Where locks are not supported
 * the writers still check, just before their rename, that the file is the
 * one they read (rpt_safe_file_expect()).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "rpt-file-stamp.h"

G_BEGIN_DECLS

/* How long a writer waits for another to finish before giving up. */
#define RPT_FILE_LOCK_WAIT_MS (60 * 1000)

typedef struct _RptFileLock RptFileLock;

/* Called once, when @path is found locked and the wait begins. */
typedef void (*RptFileLockWaitingFunc) (const char *path,
                                        gpointer    user_data);

/* Locks @path for a read-modify-write, waiting up to @timeout_ms for
 * another writer (RPT_ERROR_BUSY, naming the file, when it is still at
 * work). Other failures to lock (no locks on that filesystem, a folder
 * that cannot be opened) are not errors: the writer goes on without the
 * lock and relies on the check before the rename. */
RptFileLock        *rpt_file_lock_acquire   (const char              *path,
                                             guint                    timeout_ms,
                                             RptFileLockWaitingFunc   waiting,
                                             gpointer                 user_data,
                                             GError                 **error);
/* The locked file as it was once locked (exists = FALSE: not there yet):
 * what the writer reads, and what its save expects to replace. */
const RptFileStamp *rpt_file_lock_get_stamp (RptFileLock             *lock);
const char         *rpt_file_lock_get_path  (RptFileLock             *lock);
void                rpt_file_lock_release   (RptFileLock             *lock);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RptFileLock, rpt_file_lock_release)

G_END_DECLS
