/* rpt-file-stamp.h: what a file looked like when we last read or wrote it,
 * so a save can tell that someone else changed it in the meantime.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gboolean exists;
  guint64  device;
  guint64  inode;
  gint64   size;
  gint64   mtime_sec;
  gint64   mtime_nsec;
} RptFileStamp;

/* Fills @stamp for @path; a missing file gives exists = FALSE. */
void     rpt_file_stamp_read    (const char         *path,
                                 RptFileStamp       *stamp);
/* TRUE when the file at @path is still the one @stamp describes. A save by
 * Repartee replaces the file (new inode), so take a new stamp after saving. */
gboolean rpt_file_stamp_matches (const RptFileStamp *stamp,
                                 const char         *path);

G_END_DECLS
