/* fuzz-project.c: the project loader must refuse or accept any bytes without
 * crashing, and whatever it accepts must save and load back to the same
 * bytes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "rpt-core.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RptProject) project = NULL;
  g_autoptr(RptProject) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *bytes;

  project = rpt_project_load_from_data ((const char *) data, size, &error);
  if (project == NULL)
    {
      /* A refusal always says why. */
      if (error == NULL || error->message == NULL || *error->message == '\0')
        abort ();
      return 0;
    }

  first = rpt_project_to_bytes (project);
  bytes = g_bytes_get_data (first, &len);
  again = rpt_project_load_from_data (bytes, len, &error);
  if (again == NULL)
    {
      g_printerr ("saved bytes do not load: %s\n", error->message);
      abort ();
    }
  second = rpt_project_to_bytes (again);
  if (!g_bytes_equal (first, second))
    {
      g_printerr ("save → load → save is not byte-identical\n");
      abort ();
    }
  return 0;
}
