/* fuzz-project.c: the project loader must refuse or accept any bytes without
 * crashing, and whatever it accepts must save and load back to the same
 * bytes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RptProject) project = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;

  project = rpt_project_load_from_data ((const char *) data, size, &error);
  if (project == NULL)
    {
      /* A refusal always says why. */
      if (error == NULL || error->message == NULL || *error->message == '\0')
        abort ();
      return 0;
    }

  saved = fuzz_saved_and_reloaded (project, "a loaded project");
  return 0;
}
