/* rpt-tool-add.c: repartee-tool add PROJECT.json ARTICLE.txt…
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rpt-tool.h"

int
rpt_tool_add (int    argc,
              char **argv)
{
  g_autoptr(RptProject) project = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;

  if (!rpt_tool_parse ("add", _("PROJECT.json ARTICLE.txt…"),
                       _("Adds plain-text articles (UTF-8) to PROJECT.json, creating it if it "
                         "does not exist, and saves it in place. Nothing is written unless every "
                         "article can be added."),
                       NULL, &argc, &argv))
    return RPT_TOOL_USAGE;
  if (argc < 3)
    return rpt_tool_usage_error ("add", "%s", _("a project and at least one article are needed"));

  path = argv[1];
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!(project = rpt_tool_load (path)))
        return RPT_TOOL_FAILED;
    }
  else
    project = rpt_project_new ();

  for (int i = 2; i < argc; i++)
    {
      g_autoptr(RptDocument) document = rpt_import_text_file (project, argv[i], &error);

      if (document == NULL || !rpt_project_add_document (project, document, &error))
        {
          rpt_tool_error ("%s", error->message);
          rpt_tool_error (_("%s was not changed"), path);
          return RPT_TOOL_FAILED;
        }
      printf (_("Added “%s” as %s (%u characters)\n"), rpt_document_get_title (document),
              rpt_document_get_id (document), rpt_document_get_length (document));
    }

  if (!rpt_project_save_to_file (project, path, &error))
    {
      rpt_tool_error ("%s", error->message);
      return RPT_TOOL_FAILED;
    }
  return RPT_TOOL_OK;
}
