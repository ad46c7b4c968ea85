/* rpt-tool-validate.c: repartee-tool validate PROJECT.json
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Tool"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rpt-tool.h"

int
rpt_tool_validate (int    argc,
                   char **argv)
{
  g_autoptr(RptProject) project = NULL;
  g_auto(GStrv) counts = g_new0 (char *, 7);
  g_autofree char *display = NULL;
  g_autofree char *list = NULL;
  guint n;

  if (!rpt_tool_parse ("validate", _("PROJECT.json"),
                       _("Checks every part of a project file. Prints one line with the counts "
                         "and exits 0, or prints the problem and exits 1."),
                       NULL, &argc, &argv))
    return RPT_TOOL_USAGE;
  if (argc != 2)
    return rpt_tool_usage_error ("validate", "%s", _("exactly one project file is needed"));

  if (!(project = rpt_tool_load (argv[1])))
    return RPT_TOOL_FAILED;
  display = rpt_tool_display_name (argv[1]);

  n = g_list_model_get_n_items (rpt_project_get_documents (project));
  counts[0] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n), n);
  n = g_list_model_get_n_items (rpt_project_get_labels (project));
  counts[1] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u label", "%u labels", n), n);
  n = g_list_model_get_n_items (rpt_project_get_speakers (project));
  counts[2] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u speaker", "%u speakers", n), n);
  n = rpt_project_get_n_annotations (project);
  counts[3] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations", n), n);
  n = g_list_model_get_n_items (rpt_project_get_relations (project));
  counts[4] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations", n), n);
  if ((n = rpt_project_get_n_orphans (project)) > 0)
    counts[5] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u orphan", "%u orphans", n), n);
  list = g_strjoinv (", ", counts);

  /* TRANSLATORS: "demo.json: valid: 4 articles, 4 labels, …" */
  printf (_("%s: valid: %s\n"), display, list);
  rpt_tool_print_orphans (project);
  return RPT_TOOL_OK;
}
