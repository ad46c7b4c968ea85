/* rpt-test-project.h: projects built for the suites: imported, tagged.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rpt-core.h"
#include "rpt-import-dataset.h"

G_BEGIN_DECLS

/* Imports @inputs in @format with the default options but @skip_bad. */
RptProject *rpt_test_import (RptImportFormat        format,
                             gboolean               skip_bad,
                             const RptImportInput  *inputs,
                             guint                  n_inputs,
                             GPtrArray             *warnings,
                             GError               **error);

/* What the project would write, as a string: covers every field the
 * user can see. */
char          *rpt_test_project_text (RptProject *project);

/* Annotates the first @quote in the text of @document_id (fails the test
 * when it is not there or the project refuses). */
RptAnnotation *rpt_test_tag_quote (RptProject *project,
                                   const char *document_id,
                                   const char *quote,
                                   const char *label,
                                   const char *speaker);

G_END_DECLS
