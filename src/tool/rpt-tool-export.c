/* rpt-tool-export.c: repartee-tool export --format FORMAT PROJECT.json -o OUT
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Tool"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rpt-export.h"
#include "rpt-tool.h"

/* "a,b" "c" -> { "a", "b", "c", NULL }; NULL when none were given. */
static char **
split_ids (char **values)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  if (values == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  for (guint i = 0; values[i]; i++)
    {
      g_auto(GStrv) parts = g_strsplit (values[i], ",", -1);

      for (guint j = 0; parts[j]; j++)
        {
          g_strstrip (parts[j]);
          if (*parts[j] != '\0')
            g_strv_builder_add (builder, parts[j]);
        }
    }
  return g_strv_builder_end (builder);
}

static char *
formats_list (void)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < RPT_EXPORT_N_FORMATS; i++)
    g_string_append_printf (list, "%s%s", i ? ", " : "", rpt_export_format_to_string (i));
  return g_string_free (list, FALSE);
}

int
rpt_tool_export (int    argc,
                 char **argv)
{
  g_autoptr(RptProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *format_name = NULL;
  g_autofree char *offsets_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *all_formats = formats_list ();
  g_autofree char *description = NULL;
  g_autofree char *note = NULL;
  g_auto(GStrv) document_values = NULL;
  g_auto(GStrv) label_values = NULL;
  g_auto(GStrv) document_ids = NULL;
  g_auto(GStrv) label_ids = NULL;
  gboolean layers = FALSE, quiet = FALSE, force = FALSE;
  RptExportOptions options;
  RptExportFormat format;
  RptOffsetUnit unit = RPT_OFFSETS_CODEPOINTS;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("jsonl, label-studio, brat, conll, csv or w3c"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write (a folder for brat and label-studio); never the project"), N_("OUT") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace OUT if it exists, is read-only or another user's, or is a folder of other files"), NULL },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets_name,
      N_("Offset unit: codepoints (default), utf16 or bytes"), N_("UNIT") },
    { "layers", 0, 0, G_OPTION_ARG_NONE, &layers,
      N_("CoNLL: one tag column per label, so that overlapping spans are kept"), NULL },
    { "documents", 0, 0, G_OPTION_ARG_STRING_ARRAY, &document_values,
      N_("Export only these articles (comma-separated ids)"), N_("ID,…") },
    { "labels", 0, 0, G_OPTION_ARG_STRING_ARRAY, &label_values,
      N_("Export only annotations with these labels (comma-separated ids)"), N_("ID,…") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_("Do not print warnings"), NULL },
    { NULL }
  };

  description = g_strdup_printf (_("Writes the annotations of PROJECT.json as a labelled dataset. "
                                   "Formats: %s (see docs/EXPORT.md). Warnings say what the format "
                                   "cannot carry. Nothing is written unless the whole export succeeds. "
                                   "An existing OUT is replaced only with --force, except a folder "
                                   "that holds an earlier export exactly as Repartee wrote it."),
                                 all_formats);
  if (!rpt_tool_parse ("export", _("PROJECT.json -o OUT"), description, entries, &argc, &argv))
    return RPT_TOOL_USAGE;
  if (argc != 2)
    return rpt_tool_usage_error ("export", "%s", _("exactly one project file is needed"));
  if (format_name == NULL)
    return rpt_tool_usage_error ("export", _("--format is needed: one of %s"), all_formats);
  if (!rpt_export_format_from_string (format_name, &format))
    return rpt_tool_usage_error ("export", _("“%s” is not a format; use one of %s"), format_name, all_formats);
  if (output == NULL)
    return rpt_tool_usage_error ("export", "%s", _("-o OUT is needed"));
  if (offsets_name && !rpt_offset_unit_from_string (offsets_name, &unit))
    return rpt_tool_usage_error ("export", _("“%s” is not an offset unit; use codepoints, utf16 or bytes"),
                                 offsets_name);
  if (unit != RPT_OFFSETS_CODEPOINTS && !rpt_export_format_has_offset_choice (format))
    return rpt_tool_usage_error ("export", _("%s always counts offsets in code points; drop --offsets"),
                                 format_name);
  if (layers && format != RPT_EXPORT_CONLL)
    return rpt_tool_usage_error ("export", "%s", _("--layers only applies to --format conll"));

  {
    const char *inputs[] = { argv[1], NULL };

    if (!rpt_tool_check_output (output, rpt_export_format_writes_folder (format) ? RPT_OUTPUT_FOLDER
                                                                                 : RPT_OUTPUT_FILE,
                                inputs, force, &note))
      return RPT_TOOL_FAILED;
  }
  if (!(project = rpt_tool_load (argv[1])))
    return RPT_TOOL_FAILED;

  document_ids = split_ids (document_values);
  label_ids = split_ids (label_values);
  rpt_export_options_init (&options, format);
  options.offsets = unit;
  options.conll_layers = layers;
  options.replace = force;
  options.document_ids = (const char * const *) document_ids;
  options.label_ids = (const char * const *) label_ids;

  {
    g_autoptr(RptProjectSnapshot) snapshot = rpt_project_snapshot_new (project);
    g_autoptr(RptExportSelection) selection = rpt_export_selection_new (snapshot, &options, &error);

    if (selection == NULL ||
        !rpt_export_selection_write (selection, output, warnings, NULL, NULL, NULL, &error))
      {
        rpt_tool_error ("%s", error->message);
        return RPT_TOOL_FAILED;
      }
    rpt_tool_replaced (note);
    if (!quiet)
      for (guint i = 0; i < warnings->len; i++)
        fprintf (stderr, _("repartee-tool export: warning: %s\n"), (char *) g_ptr_array_index (warnings, i));
    {
      guint n_annotations = rpt_export_selection_get_n_annotations (selection);
      guint n_documents = rpt_export_selection_get_n_documents (selection);
      /* Translators: the first part of "Exported 9 annotations from 2 articles
       * to out.jsonl (jsonl)"; the next message completes it */
      g_autofree char *exported = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u annotation",
                                                                "Exported %u annotations", n_annotations),
                                                   n_annotations);

      /* Translators: %s is "Exported 9 annotations" from the message before,
       * then the number of articles, the output file and the format */
      printf (g_dngettext (GETTEXT_PACKAGE, "%s from %u article to %s (%s)\n",
                           "%s from %u articles to %s (%s)\n", n_documents),
              exported, n_documents, output, rpt_export_format_to_string (format));
    }
  }
  return RPT_TOOL_OK;
}
