/* rpt-tool-summary.c: repartee-tool summary PROJECT.json [--format md|html|json] [-o FILE]
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Tool"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rpt-summary.h"
#include "rpt-summary-format.h"
#include "rpt-tool.h"

int
rpt_tool_summary (int    argc,
                  char **argv)
{
  g_autoptr(RptProject) project = NULL;
  g_autoptr(RptSummary) summary = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *title = NULL;
  g_autofree char *note = NULL;
  gboolean force = FALSE;
  RptSummaryFormat format = RPT_SUMMARY_FORMAT_MARKDOWN;
  gsize len;
  const char *data;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("Output format: md (Markdown, the default), html or json"), "md|html|json" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of the standard output; never the project"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE if it exists, is read-only or belongs to another user"), NULL },
    { NULL }
  };

  if (!rpt_tool_parse ("summary", _("PROJECT.json"),
                       _("Summarises the exchange across the project's articles: statements "
                         "threaded by the relations between them, the same statement reported "
                         "by several articles shown once, what each article left out, and "
                         "counts by label, speaker and article. See docs/SUMMARY.md. "
                         "An existing FILE is replaced only with --force."),
                       entries, &argc, &argv))
    return RPT_TOOL_USAGE;
  if (argc != 2)
    return rpt_tool_usage_error ("summary", "%s", _("exactly one project file is needed"));
  if (format_name && !rpt_summary_format_from_string (format_name, &format))
    return rpt_tool_usage_error ("summary", _("“%s” is not a format: use md, html or json"), format_name);

  if (output)
    {
      const char *inputs[] = { argv[1], NULL };

      if (!rpt_tool_check_output (output, RPT_OUTPUT_FILE, inputs, force, &note))
        return RPT_TOOL_FAILED;
    }
  if (!(project = rpt_tool_load (argv[1])))
    return RPT_TOOL_FAILED;

  summary = rpt_summary_new (project);
  title = g_path_get_basename (argv[1]);
  bytes = rpt_summary_to_bytes (summary, format, title);
  data = g_bytes_get_data (bytes, &len);

  if (output)
    {
      if (!rpt_safe_file_replace (output, data, len, &error))
        {
          rpt_tool_error ("%s", error->message);
          return RPT_TOOL_FAILED;
        }
      rpt_tool_replaced (note);
      return RPT_TOOL_OK;
    }
  if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
    {
      rpt_tool_error ("%s", _("cannot write to the standard output"));
      return RPT_TOOL_FAILED;
    }
  return RPT_TOOL_OK;
}
