/* fuzz-reanchor.c: loading with RPT_LOAD_REANCHOR, where the quotes and
 * contexts from the file are searched for in texts that changed. Whatever
 * it accepts must be consistent: the repaired project saves to a file that
 * loads without re-anchoring, byte for byte the same; and replacing an
 * article's text, then undoing it, gives back exactly those bytes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RptProject) project = NULL;
  g_autoptr(RptReanchorReport) report = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) redone = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RptDocument) document = NULL;
  GListModel *documents;
  const char *text;

  project = rpt_project_load_from_data_full ((const char *) data, size, RPT_LOAD_REANCHOR, &report, &error);
  if (project == NULL)
    {
      if (error == NULL || error->message == NULL || *error->message == '\0')
        abort ();
      return 0;
    }
  if (report == NULL)
    abort ();
  before = fuzz_saved_and_reloaded (project, "a re-anchored project");

  /* The first article loses the first third of its text, then gets it back. */
  documents = rpt_project_get_documents (project);
  if (g_list_model_get_n_items (documents) == 0)
    return 0;
  document = g_list_model_get_item (documents, 0);
  text = rpt_document_get_text (document);
  if (rpt_document_get_text_bytes (document) > 100000 || *text == '\0')
    return 0;
  {
    g_autoptr(RptReanchorReport) replaced = NULL;
    const char *cut = g_utf8_offset_to_pointer (text, rpt_document_get_length (document) / 3);
    g_autofree char *shorter = g_strdup (cut);

    if (!rpt_project_replace_document_text (project, rpt_document_get_id (document), shorter, &replaced, &error))
      {
        g_printerr ("replacing a text failed: %s\n", error->message);
        abort ();
      }
    after = fuzz_saved_and_reloaded (project, "a re-anchored project");
    if (!rpt_project_can_undo (project))
      return 0;   /* the same text: nothing was done */
    if (!rpt_project_undo (project))
      abort ();
    undone = fuzz_saved_and_reloaded (project, "a re-anchored project");
    if (!g_bytes_equal (undone, before))
      {
        g_printerr ("undoing a replaced text does not restore the project\n");
        abort ();
      }
    if (!rpt_project_redo (project))
      abort ();
    redone = rpt_project_to_bytes (project);
    if (!g_bytes_equal (redone, after))
      {
        g_printerr ("redoing a replaced text is not byte-identical\n");
        abort ();
      }
  }
  return 0;
}
