/* rpt-test-project.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>

#include "rpt-test-project.h"
#include "rpt-test-util.h"

RptProject *
rpt_test_import (RptImportFormat        format,
                 gboolean               skip_bad,
                 const RptImportInput  *inputs,
                 guint                  n_inputs,
                 GPtrArray             *warnings,
                 GError               **error)
{
  RptImportOptions options;

  rpt_import_options_init (&options, format);
  options.skip_bad = skip_bad;
  return rpt_import_dataset_from_inputs (&options, inputs, n_inputs, warnings, error);
}

RptAnnotation *
rpt_test_tag_quote (RptProject *project,
                    const char *document_id,
                    const char *quote,
                    const char *label,
                    const char *speaker)
{
  g_autoptr(GError) error = NULL;
  RptDocument *document = rpt_project_get_document (project, document_id);
  guint start;
  RptAnnotation *annotation;

  ck_assert_msg (document != NULL, "no article %s", document_id);
  start = rpt_test_offset_of (rpt_document_get_text (document), quote);
  annotation = rpt_project_add_annotation (project, document_id, start, start + (guint) g_utf8_strlen (quote, -1),
                                           label, speaker, &error);
  ck_assert_msg (annotation != NULL, "cannot tag “%s”: %s", quote, error ? error->message : "");
  return annotation;
}

char *
rpt_test_project_text (RptProject *project)
{
  g_autoptr(GBytes) bytes = rpt_project_to_bytes (project);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_strndup (data, len);
}
