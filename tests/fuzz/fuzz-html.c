/* fuzz-html.c: the web page importer must refuse or accept any bytes
 * without crashing; a refusal has a message, an accepted article has a
 * title and UTF-8 text, and survives a save and load.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "fuzz-round-trip.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(RptDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = rpt_import_html (project, "../fuzz/../page.html", (const char *) data, size, &error);
  if (document == NULL)
    {
      if (error == NULL || *error->message == '\0')
        abort ();
      return 0;
    }
  if (*rpt_document_get_text (document) == '\0' || *rpt_document_get_title (document) == '\0'
      || !g_utf8_validate (rpt_document_get_text (document), -1, NULL)
      || strchr (rpt_document_get_id (document), '/') != NULL)
    abort ();

  fuzz_check_round_trip (project, document);
  return 0;
}
