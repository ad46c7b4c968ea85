/* rpt-project-io.h: the project file (docs/FORMAT.md): reading with full
 * validation, deterministic writing, and safe saving.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rpt-file-lock.h"
#include "rpt-limits.h"
#include "rpt-project.h"
#include "rpt-project-snapshot.h"
#include "rpt-reanchor-report.h"

G_BEGIN_DECLS

#define RPT_PROJECT_FORMAT   "repartee-project"
#define RPT_PROJECT_VERSION  1

/* Validates everything and builds a new project, or returns NULL with an
 * error of the form "annotations[3].end: 812 is past the end of …". An
 * article whose text no longer matches its sha256 (edited outside
 * Repartee) is refused with RPT_ERROR_TEXT_CHANGED, naming the document
 * and saying how to re-anchor: load it again with RPT_LOAD_REANCHOR. */
RptProject *rpt_project_load_from_data  (const char   *data,
                                         gsize         len,
                                         GError      **error);
typedef enum {
  RPT_LOAD_DEFAULT  = 0,
  /* Accept articles whose text changed: their annotations (and orphans)
   * are placed again by their stored quote and context (rpt-anchor.h);
   * those that cannot be placed with confidence, and those without a
   * stored quote, become orphans. The sha256 is recomputed. The project
   * comes back dirty, with nothing to undo, so that the user saves the
   * repaired file. Everything else is checked as usual. */
  RPT_LOAD_REANCHOR = 1 << 0,
} RptLoadFlags;

/* rpt_project_load_from_data with @flags. @report (optional) receives,
 * with RPT_LOAD_REANCHOR, what re-anchoring did (no documents when every
 * text matched); NULL without it or on failure. */
RptProject *rpt_project_load_from_data_full (const char          *data,
                                             gsize                len,
                                             RptLoadFlags         flags,
                                             RptReanchorReport  **report,
                                             GError             **error);
RptProject *rpt_project_load_from_file_full (const char          *path,
                                             RptLoadFlags         flags,
                                             RptReanchorReport  **report,
                                             GError             **error);
/* Reads, parses, validates and re-anchors in a worker thread. */
void        rpt_project_load_full_async     (GFile               *file,
                                             RptLoadFlags         flags,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
RptProject *rpt_project_load_full_finish    (GAsyncResult        *result,
                                             RptReanchorReport  **report,
                                             GError             **error);

/* As above, reading @path; errors are prefixed with the file name. */
RptProject *rpt_project_load_from_file  (const char   *path,
                                         GError      **error);

/* The file's bytes: the same project always gives the same bytes. */
GBytes     *rpt_project_to_bytes        (RptProject   *self);

/* The file's bytes for a snapshot (rpt-project-snapshot.h), on any thread
 * while the project changes (saving, recovery copies). */
GBytes     *rpt_project_snapshot_to_bytes (RptProjectSnapshot *snapshot);
/* Writes safely (rpt_safe_file_replace) and marks the project saved,
 * holding the file's lock (rpt-file-lock.h) while it writes; a caller that
 * already holds it uses rpt_project_save_locked. */
gboolean    rpt_project_save_to_file    (RptProject   *self,
                                         const char   *path,
                                         GError      **error);
/* The same for a writer that took @lock on the file before it read it
 * (a read-modify-write): refuses with RPT_ERROR_CHANGED, writing nothing,
 * if the file is no longer the one locked. */
gboolean    rpt_project_save_locked     (RptProject   *self,
                                         RptFileLock  *lock,
                                         GError      **error);

/* Off the main thread: the file is read, parsed and validated in a worker. */
void        rpt_project_load_async      (GFile               *file,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
RptProject *rpt_project_load_finish     (GAsyncResult        *result,
                                         GError             **error);
/* Takes a snapshot on the calling thread (fast), makes the bytes and
 * writes them in a worker, then marks the state of the snapshot as saved. */
void        rpt_project_save_async      (RptProject          *self,
                                         GFile               *file,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* The same, refusing with RPT_ERROR_CHANGED, and writing nothing, when the
 * file is not the one @expected (optional) describes: the worker holds
 * the file's lock while it checks and writes, so a writer such as
 * repartee-tool add that is changing the file meanwhile is waited for,
 * and its changes are noticed rather than replaced. */
void        rpt_project_save_expecting_async (RptProject          *self,
                                              GFile               *file,
                                              const RptFileStamp  *expected,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean    rpt_project_save_finish     (RptProject          *self,
                                         GAsyncResult        *result,
                                         GError             **error);
/* rpt_project_save_finish, also giving what the saved file looked like
 * right after the save, before another writer could change it. */
gboolean    rpt_project_save_finish_stamp (RptProject        *self,
                                           GAsyncResult      *result,
                                           RptFileStamp      *stamp,
                                           GError           **error);

G_END_DECLS
