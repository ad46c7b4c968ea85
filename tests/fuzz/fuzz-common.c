/* fuzz-common.c: the round trip every accepted project must survive.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-common.h"

GBytes *
fuzz_saved_and_reloaded (RptProject *project,
                         const char *what)
{
  g_autoptr(GBytes) first = rpt_project_to_bytes (project);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(RptProject) again = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *bytes = g_bytes_get_data (first, &len);

  again = rpt_project_load_from_data (bytes, len, &error);
  if (again == NULL)
    {
      g_printerr ("%s does not load back after saving: %s\n", what, error->message);
      abort ();
    }
  second = rpt_project_to_bytes (again);
  if (!g_bytes_equal (first, second))
    {
      g_printerr ("save → load → save is not byte-identical\n");
      abort ();
    }
  return g_steal_pointer (&first);
}
