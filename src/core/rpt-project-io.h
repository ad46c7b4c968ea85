/* rpt-project-io.h: the project file (docs/FORMAT.md): reading with full
 * validation, deterministic writing, and safe saving.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rpt-project.h"

G_BEGIN_DECLS

#define RPT_PROJECT_FORMAT   "repartee-project"
#define RPT_PROJECT_VERSION  1

/* Limits, documented in docs/FORMAT.md. */
#define RPT_MAX_FILE_BYTES      ((gsize) 1024 * 1024 * 1024)
#define RPT_MAX_DEPTH           32
#define RPT_MAX_ARTICLE_CHARS   (64u * 1024 * 1024)
#define RPT_MAX_ANNOTATIONS     (10u * 1000 * 1000)
#define RPT_MAX_ID_BYTES        256
/* JSON objects ({…}) in one file: annotations, relations and the rest. */
#define RPT_MAX_OBJECTS         (3u * RPT_MAX_ANNOTATIONS)

/* Validates everything and builds a new project, or returns NULL with an
 * error of the form "annotations[3].end: 812 is past the end of …". */
RptProject *rpt_project_load_from_data  (const char   *data,
                                         gsize         len,
                                         GError      **error);
/* As above, reading @path; errors are prefixed with the file name. */
RptProject *rpt_project_load_from_file  (const char   *path,
                                         GError      **error);

/* The file's bytes: the same project always gives the same bytes. */
GBytes     *rpt_project_to_bytes        (RptProject   *self);

/* A copy of what the file holds, taken quickly on the thread that owns the
 * project; its bytes can then be made on any thread while the project
 * changes (saving, recovery copies). */
typedef struct _RptProjectSnapshot RptProjectSnapshot;
RptProjectSnapshot *rpt_project_snapshot_new      (RptProject         *self);
GBytes             *rpt_project_snapshot_to_bytes (RptProjectSnapshot *snapshot);
void                rpt_project_snapshot_free     (RptProjectSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RptProjectSnapshot, rpt_project_snapshot_free)
/* Writes safely (rpt_safe_file_replace) and marks the project saved. */
gboolean    rpt_project_save_to_file    (RptProject   *self,
                                         const char   *path,
                                         GError      **error);

/* Off the main thread: the file is read, parsed and validated in a worker. */
void        rpt_project_load_async      (GFile               *file,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
RptProject *rpt_project_load_finish     (GAsyncResult        *result,
                                         GError             **error);
/* Copies the project on the calling thread (fast), makes the bytes and
 * writes them in a worker, then marks the state that was copied as saved. */
void        rpt_project_save_async      (RptProject          *self,
                                         GFile               *file,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean    rpt_project_save_finish     (RptProject          *self,
                                         GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS
