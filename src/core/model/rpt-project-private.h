/* rpt-project-private.h: the one-pass reader of the project file, declared
 * where both readers and the tests reach it. Ids are made in
 * rpt-id-minter-private.h, projects loaded through rpt-project-loader.h.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (RPT_MODEL_COMPILATION) && !defined (RPT_FILE_COMPILATION) \
    && !defined (RPT_TESTS_COMPILATION)
# error "rpt-project-private.h is private to src/core/model, src/core/file and the tests (docs/ARCHITECTURE.md)."
#endif

#include "rpt-project.h"

G_BEGIN_DECLS

/* The one-pass reader (file/rpt-project-fast-reader.c; declared here, where
 * the tests reach it): the project, or NULL when the json-glib reader must
 * decide. */
RptProject *_rpt_project_read_fast         (const char *data,
                                            gsize       len);
/* Tests turn it off to compare the reader with the json-glib reader alone. */
void        _rpt_project_set_fast_reader   (gboolean    enabled);

G_END_DECLS
