/* rpt-tool-import.c: repartee-tool import --format FORMAT INPUT… -o PROJECT.json
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Tool"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rpt-import-dataset.h"
#include "rpt-tool.h"

int
rpt_tool_import (int    argc,
                 char **argv)
{
  g_autoptr(RptProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *format_name = NULL;
  g_autofree char *offsets_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *note = NULL;
  gboolean skip_bad = FALSE, force = FALSE, quiet = FALSE;
  RptImportOptions options;
  RptImportFormat format;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("jsonl, label-studio, brat or text"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The project file to write"), N_("PROJECT.json") },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets_name,
      N_("Offset unit of files that do not name one: codepoints (default), utf16 or bytes"), N_("UNIT") },
    { "skip-bad", 0, 0, G_OPTION_ARG_NONE, &skip_bad,
      N_("Leave out bad records and list them, instead of refusing the import"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace PROJECT.json if it exists, is read-only or belongs to another user "
         "(never an INPUT)"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_("Do not print warnings"), NULL },
    { NULL }
  };

  if (!rpt_tool_parse ("import", _("INPUT… -o PROJECT.json"),
                       _("Makes a new project from labelled datasets (jsonl, label-studio, brat) or "
                         "plain-text articles (text). INPUT is a file, or a folder for brat and "
                         "label-studio. Every offset is checked against the text; a bad record is "
                         "refused with its file, line and reason and nothing is written, unless "
                         "--skip-bad is given."),
                       entries, &argc, &argv))
    return RPT_TOOL_USAGE;
  if (argc < 2)
    return rpt_tool_usage_error ("import", "%s", _("at least one input is needed"));
  if (format_name == NULL)
    return rpt_tool_usage_error ("import", "%s", _("--format is needed: jsonl, label-studio, brat or text"));
  if (!rpt_import_format_from_string (format_name, &format))
    return rpt_tool_usage_error ("import", _("“%s” is not a format; use jsonl, label-studio, brat or text"),
                                 format_name);
  if (output == NULL)
    return rpt_tool_usage_error ("import", "%s", _("-o PROJECT.json is needed"));

  rpt_import_options_init (&options, format);
  options.skip_bad = skip_bad;
  if (offsets_name && !rpt_offset_unit_from_string (offsets_name, &options.offsets))
    return rpt_tool_usage_error ("import", _("“%s” is not an offset unit; use codepoints, utf16 or bytes"),
                                 offsets_name);
  if (!rpt_tool_check_output (output, RPT_OUTPUT_FILE, (const char * const *) argv + 1, force, &note))
    return RPT_TOOL_FAILED;

  project = rpt_import_dataset (&options, (const char * const *) argv + 1, warnings, &error);
  if (!quiet)
    for (guint i = 0; i < warnings->len; i++)
      fprintf (stderr, _("repartee-tool import: warning: %s\n"), (char *) g_ptr_array_index (warnings, i));
  if (project == NULL)
    {
      rpt_tool_error ("%s", error->message);
      rpt_tool_error (_("nothing was written to %s"), output);
      return RPT_TOOL_FAILED;
    }
  if (!rpt_project_save_to_file (project, output, &error))
    {
      rpt_tool_error ("%s", error->message);
      return RPT_TOOL_FAILED;
    }
  rpt_tool_replaced (note);
  {
    guint n_documents = g_list_model_get_n_items (rpt_project_get_documents (project));
    guint n_annotations = rpt_project_get_n_annotations (project);
    guint n_relations = g_list_model_get_n_items (rpt_project_get_relations (project));
    g_autofree char *documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles",
                                                               n_documents), n_documents);
    g_autofree char *annotations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation",
                                                                 "%u annotations", n_annotations),
                                                    n_annotations);
    g_autofree char *relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations",
                                                               n_relations), n_relations);

    /* Translators: "Imported 2 articles, 9 annotations and 3 relations into
     * project.json"; the counts are the messages "%u article" and so on */
    printf (_("Imported %s, %s and %s into %s\n"), documents, annotations, relations, output);
  }
  return RPT_TOOL_OK;
}
