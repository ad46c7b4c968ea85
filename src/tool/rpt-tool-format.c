/* rpt-tool-format.c: repartee-tool format PROJECT.json [--check]
 * Loads a project and writes it back in the one form Repartee writes, so that
 * files made by scripts diff cleanly against files saved by the app.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Tool"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rpt-tool.h"

int
rpt_tool_format (int    argc,
                 char **argv)
{
  g_autoptr(RptFileLock) lock = NULL;
  g_autoptr(RptProject) project = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *note = NULL;
  gboolean check = FALSE;
  gboolean force = FALSE;
  GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &check,
      N_("Change nothing; exit 1 if the file is not already in that form"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Save even if PROJECT.json is read-only or belongs to another user"), NULL },
    { NULL }
  };

  if (!rpt_tool_parse ("format", _("PROJECT.json"),
                       _("Checks PROJECT.json and rewrites it, safely and in place, exactly as "
                         "Repartee saves it: members in a fixed order, one item per line. Members "
                         "that Repartee does not know are dropped."),
                       entries, &argc, &argv))
    return RPT_TOOL_USAGE;
  if (argc != 2)
    return rpt_tool_usage_error ("format", "%s", _("exactly one project file is needed"));

  display = rpt_tool_display_name (argv[1]);
  /* Held from reading to saving, so no other writer's changes are lost. */
  if (!check && !(lock = rpt_tool_lock (argv[1])))
    return RPT_TOOL_FAILED;
  if (!(before = rpt_safe_file_read (argv[1], RPT_MAX_FILE_BYTES, &error)))
    {
      rpt_tool_error ("%s", error->message);
      return RPT_TOOL_FAILED;
    }
  if (!(project = rpt_tool_load (argv[1])))
    return RPT_TOOL_FAILED;

  after = rpt_project_to_bytes (project);
  if (g_bytes_equal (before, after))
    {
      printf (_("%s is already formatted\n"), display);
      return RPT_TOOL_OK;
    }
  if (check)
    {
      printf (_("%s is not formatted as Repartee writes it\n"), display);
      return RPT_TOOL_FAILED;
    }
  if (!rpt_tool_check_in_place (argv[1], TRUE, force, &note))
    return RPT_TOOL_FAILED;
  if (!rpt_project_save_locked (project, lock, &error))
    {
      rpt_tool_error ("%s", error->message);
      rpt_tool_error (_("%s was not changed"), display);
      return RPT_TOOL_FAILED;
    }
  rpt_tool_replaced (note);
  printf (_("Formatted %s\n"), display);
  return RPT_TOOL_OK;
}
