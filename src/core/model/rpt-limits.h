/* rpt-limits.h: the limits of a project, documented in docs/FORMAT.md. The
 * model enforces them on every edit; the project file and the importers
 * refuse input past them.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RPT_MAX_FILE_BYTES      ((gsize) 1024 * 1024 * 1024)
#define RPT_MAX_DEPTH           32
#define RPT_MAX_ARTICLE_CHARS   (64u * 1024 * 1024)
#define RPT_MAX_ANNOTATIONS     (10u * 1000 * 1000)
#define RPT_MAX_ID_BYTES        256
/* JSON objects ({…}) in one file: annotations, relations and the rest. */
#define RPT_MAX_OBJECTS         (3u * RPT_MAX_ANNOTATIONS)
/* Times, in seconds since the epoch: 0001-01-01T00:00:00Z to
 * 9999-12-31T23:59:59Z, what the file's four-digit UTC years can hold. */
#define RPT_FIRST_TIME          G_GINT64_CONSTANT (-62135596800)
#define RPT_LAST_TIME           G_GINT64_CONSTANT (253402300799)

G_END_DECLS
