/* fuzz-round-trip.h: what the importers' fuzz targets check of an
 * accepted article: it joins the project, and the project saves and loads
 * back with the same text.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdlib.h>
#include <string.h>

#include "rpt-core.h"

static inline void
fuzz_check_round_trip (RptProject  *project,
                       RptDocument *document)
{
  g_autoptr(RptProject) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  RptDocument *loaded;

  if (!rpt_project_add_document (project, document, &error))
    abort ();
  saved = rpt_project_to_bytes (project);
  again = rpt_project_load_from_data (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), &error);
  if (again == NULL)
    {
      g_printerr ("an imported article does not survive a save: %s\n", error->message);
      abort ();
    }
  loaded = rpt_project_get_document (again, rpt_document_get_id (document));
  if (loaded == NULL || strcmp (rpt_document_get_text (loaded), rpt_document_get_text (document)) != 0)
    abort ();
}
