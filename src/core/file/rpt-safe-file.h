/* rpt-safe-file.h: replace a file's contents so that a failure at any point
 * leaves the old file byte-identical.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rpt-file-stamp.h"

G_BEGIN_DECLS

/* Writes @data to a temporary file in the same folder, flushes and fsyncs it,
 * renames it over @path and fsyncs the folder. On failure the temporary file
 * is removed, @path is untouched, and @error names the path and the reason.
 * Keeps the permissions of an existing file; a new one gets 0666 less the
 * umask. When @path is a symbolic link, the file it points to is replaced
 * and the link stays. */
gboolean rpt_safe_file_replace (const char  *path,
                                const void  *data,
                                gsize        len,
                                GError     **error);

/* The same in steps, for contents made piece by piece: begin creates the
 * temporary file, write appends to it, commit does what replace does after
 * writing and frees @file, abort removes the temporary file and frees
 * @file. After a failed write, call abort. */
typedef struct _RptSafeFile RptSafeFile;

RptSafeFile *rpt_safe_file_begin  (const char   *path,
                                   GError      **error);
gboolean     rpt_safe_file_write  (RptSafeFile  *file,
                                   const void   *data,
                                   gsize         len,
                                   GError      **error);
gboolean     rpt_safe_file_commit (RptSafeFile  *file,
                                   GError      **error);
void         rpt_safe_file_abort  (RptSafeFile  *file);
/* Makes commit refuse (RPT_ERROR_CHANGED, naming the file; the temporary
 * file is removed and the file left alone) unless, just before the
 * rename, the file is still the one @expected describes: another program
 * saved it since this writer read it. When @expected says there was no
 * file, or it is gone now, the rename never replaces one that appears. */
void         rpt_safe_file_expect (RptSafeFile        *file,
                                   const RptFileStamp *expected);

/* Reads a whole file, refusing files over @max_bytes with RPT_ERROR_TOO_LARGE. */
GBytes  *rpt_safe_file_read    (const char  *path,
                                gsize        max_bytes,
                                GError     **error);

G_END_DECLS
