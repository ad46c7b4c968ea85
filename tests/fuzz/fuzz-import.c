/* fuzz-import.c: the dataset importers (JSONL, Label Studio, brat) must
 * refuse or accept any bytes without crashing, and whatever they accept must
 * be a project that saves and loads back to the same bytes.
 *
 * Built three times (see meson.build) with FUZZ_FORMAT set to the format.
 * For brat, the input is the .txt, a NUL byte, then the .ann; for Label
 * Studio, the task list, a NUL byte, then optionally the labelling config.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "rpt-import-dataset.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RptProject) project = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  RptImportOptions options;
  RptImportInput inputs[2];
  const char *bytes = (const char *) data;
  const char *nul = memchr (bytes, '\0', size);
  guint n_inputs = 1;

  rpt_import_options_init (&options, FUZZ_FORMAT);
  /* Half the runs skip bad records, to reach the code after a refusal. */
  options.skip_bad = size > 0 && (data[size - 1] & 1);

  switch (FUZZ_FORMAT)
    {
    case RPT_IMPORT_JSONL:
      inputs[0] = (RptImportInput) { "data.jsonl", bytes, size };
      break;
    case RPT_IMPORT_LABEL_STUDIO:
      inputs[0] = (RptImportInput) { "tasks.json", bytes, nul ? (gsize) (nul - bytes) : size };
      if (nul)
        {
          inputs[1] = (RptImportInput) { "label_config.xml", nul + 1, size - (nul - bytes) - 1 };
          n_inputs = 2;
        }
      break;
    case RPT_IMPORT_BRAT:
      inputs[0] = (RptImportInput) { "a.txt", bytes, nul ? (gsize) (nul - bytes) : size };
      inputs[1] = (RptImportInput) { "a.ann", nul ? nul + 1 : "", nul ? size - (nul - bytes) - 1 : 0 };
      n_inputs = 2;
      break;
    default:
      abort ();
    }

  project = rpt_import_dataset_from_inputs (&options, inputs, n_inputs, warnings, &error);
  if (project == NULL)
    {
      if (error == NULL || *error->message == '\0')
        abort ();
      return 0;
    }

  saved = fuzz_saved_and_reloaded (project, "an imported project");
  return 0;
}
