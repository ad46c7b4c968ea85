/* fuzz-text.c: the plain-text importer must refuse or accept any bytes
 * without crashing; an accepted article keeps its text exactly (after a BOM)
 * and survives a save and load.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

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
  const char *text = (const char *) data;
  gsize len = size;

  document = rpt_import_text (project, "../fuzz/../input.txt", text, len, &error);
  if (document == NULL)
    {
      if (error == NULL || *error->message == '\0')
        abort ();
      return 0;
    }

  if (len >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    text += 3, len -= 3;
  if (rpt_document_get_text_bytes (document) != len ||
      memcmp (rpt_document_get_text (document), text, len) != 0)
    abort ();
  /* File names never become ids that climb out of a folder. */
  if (strchr (rpt_document_get_id (document), '/') != NULL)
    abort ();

  fuzz_check_round_trip (project, document);
  return 0;
}
