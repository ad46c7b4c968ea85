/* rpt-syscall-log.h: the file system calls of the code under test, in
 * order (see rpt-syscall-log.c for how they are caught).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  RPT_CALL_WRITE,
  RPT_CALL_SYNC_RANGE,   /* sync_file_range: starts writeback, makes nothing durable */
  RPT_CALL_FSYNC,
  RPT_CALL_FDATASYNC,
  RPT_CALL_SYNCFS,
  RPT_CALL_CLOSE,
  RPT_CALL_RENAME,       /* rename, renameat, renameat2 */
} RptCallKind;

typedef struct
{
  RptCallKind  kind;
  char        *path;    /* what the fd refers to, or what is renamed */
  char        *to;      /* where it is renamed to */
  gsize        bytes;   /* written */
} RptCall;

/* Records the successful calls on paths in @dir (resolved: the kernel
 * reports real paths) from now on, from any thread; forgets earlier ones. */
void     rpt_syscall_log_start       (const char *dir);
void     rpt_syscall_log_stop        (void);
/* RptCall, in the order the calls returned; valid until the next start. */
GArray  *rpt_syscall_log_get         (void);
/* The log, one call a line, for failure messages. */
char    *rpt_syscall_log_describe    (void);
/* Makes syncfs() fail with ENOSYS, as on file systems without it. */
void     rpt_syscall_log_fail_syncfs (gboolean fail);

G_END_DECLS
