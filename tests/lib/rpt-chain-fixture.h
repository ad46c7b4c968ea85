/* rpt-chain-fixture.h: a project of one article whose statements each
 * rebut the one before ("s0" ← "s1" ← "s2" …): one thread as deep as the
 * article is long. Made through the JSON Lines importer, which is quick
 * for tens of thousands of annotations. Shared by the scale suite and the
 * Summary view's.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <check.h>

#include "rpt-core.h"
#include "rpt-import-dataset.h"

G_GNUC_UNUSED static RptProject *
chain_project_new (guint n)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new ("{\"id\": \"chain\", \"title\": \"A long quarrel\", \"entities\": [");
  g_autoptr(GError) error = NULL;
  RptImportOptions options;
  RptImportInput input;
  RptProject *project;

  for (guint i = 0; i < n; i++)
    {
      guint start = (guint) text->len;

      g_string_append_printf (text, "%ss%u", i ? " " : "", i);
      start += i ? 1 : 0;
      g_string_append_printf (line, "%s{\"id\": \"e%u\", \"start_offset\": %u, \"end_offset\": %u, \"label\": \"%s\"}",
                              i ? ", " : "", i, start, (guint) text->len, i ? "Rebuttal" : "Claim");
    }
  g_string_append (line, "], \"relations\": [");
  for (guint i = 1; i < n; i++)
    g_string_append_printf (line, "%s{\"from_id\": \"e%u\", \"to_id\": \"e%u\", \"type\": \"rebuts\"}",
                            i > 1 ? ", " : "", i, i - 1);
  g_string_append_printf (line, "], \"text\": \"%s\"}\n", text->str);

  rpt_import_options_init (&options, RPT_IMPORT_JSONL);
  input = (RptImportInput) { "chain.jsonl", line->str, line->len };
  project = rpt_import_dataset_from_inputs (&options, &input, 1, NULL, &error);
  ck_assert_msg (project != NULL, "cannot make the chain: %s", error ? error->message : "");
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), n);
  return project;
}
