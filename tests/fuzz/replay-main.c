/* replay-main.c: runs a fuzz target over every file of its corpus folders,
 * so the normal test suite replays the seeds and every crash ever found.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>
#include <stdio.h>

#include <glib.h>

#include "fuzz-common.h"

static guint
replay_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    {
      fprintf (stderr, "cannot open corpus folder %s\n", path);
      return 0;
    }
  while ((name = g_dir_read_name (dir)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      g_autofree char *data = NULL;
      gsize len = 0;

      if (!g_file_get_contents (file, &data, &len, NULL))
        continue;
      LLVMFuzzerTestOneInput ((const uint8_t *) data, len);
    }
  return names->len;
}

int
main (int   argc,
      char *argv[])
{
  guint total = 0;

  for (int i = 1; i < argc; i++)
    total += replay_folder (argv[i]);

  printf ("replayed %u inputs without a failure\n", total);
  return total > 0 ? 0 : 1;
}
