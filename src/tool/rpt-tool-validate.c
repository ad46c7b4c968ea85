/* rpt-tool-validate.c: repartee-tool validate PROJECT.json
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rpt-tool.h"

int
rpt_tool_validate (int    argc,
                   char **argv)
{
  g_autoptr(RptProject) project = NULL;

  if (!rpt_tool_parse ("validate", _("PROJECT.json"),
                       _("Checks every part of a project file. Prints one line with the counts "
                         "and exits 0, or prints the problem and exits 1."),
                       NULL, &argc, &argv))
    return RPT_TOOL_USAGE;
  if (argc != 2)
    return rpt_tool_usage_error ("validate", "%s", _("exactly one project file is needed"));

  if (!(project = rpt_tool_load (argv[1])))
    return RPT_TOOL_FAILED;

  printf (_("%s: valid: %u articles, %u labels, %u speakers, %u annotations, %u relations\n"),
          argv[1],
          g_list_model_get_n_items (rpt_project_get_documents (project)),
          g_list_model_get_n_items (rpt_project_get_labels (project)),
          g_list_model_get_n_items (rpt_project_get_speakers (project)),
          rpt_project_get_n_annotations (project),
          g_list_model_get_n_items (rpt_project_get_relations (project)));
  return RPT_TOOL_OK;
}
