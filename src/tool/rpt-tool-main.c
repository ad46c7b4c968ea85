/* rpt-tool-main.c: repartee-tool, the command line over the core.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>

#include "rpt-tool.h"

static const RptToolCommand commands[] = {
  { "add", N_("Add plain-text articles to a project, creating it if needed"), rpt_tool_add },
  { "validate", N_("Check a project file and print its counts"), rpt_tool_validate },
  { "stats", N_("Count annotations by article, label and speaker"), rpt_tool_stats },
  { "summary", N_("Summarise the exchange as Markdown, HTML or JSON"), rpt_tool_summary },
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: repartee-tool COMMAND [OPTION…] ARGUMENTS…"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “repartee-tool COMMAND --help” for the options of a command."));
}

void
rpt_tool_error (const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "repartee-tool: %s\n", message);
}

int
rpt_tool_usage_error (const char *command,
                      const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "repartee-tool %s: %s\n", command, message);
  fprintf (stderr, _("Run “repartee-tool %s --help” for usage.\n"), command);
  return RPT_TOOL_USAGE;
}

gboolean
rpt_tool_parse (const char    *command,
                const char    *parameter,
                const char    *description,
                GOptionEntry  *entries,
                int           *argc,
                char        ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("repartee-tool %s", command);

  g_set_prgname (prgname);
  g_option_context_set_summary (context, description);
  if (entries)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      rpt_tool_usage_error (command, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

RptProject *
rpt_tool_load (const char *path)
{
  g_autoptr(GError) error = NULL;
  RptProject *project = rpt_project_load_from_file (path, &error);

  if (project == NULL)
    rpt_tool_error ("%s", error->message);
  return project;
}

int
main (int   argc,
      char *argv[])
{
  const char *name;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* A save past RLIMIT_FSIZE must fail with EFBIG, not kill the process. */
  signal (SIGXFSZ, SIG_IGN);

  if (argc < 2)
    {
      print_help (stderr);
      return RPT_TOOL_USAGE;
    }
  name = argv[1];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      print_help (stdout);
      return RPT_TOOL_OK;
    }
  if (g_str_equal (name, "--version"))
    {
      printf ("repartee-tool %s\n", PACKAGE_VERSION);
      return RPT_TOOL_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (name, commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  rpt_tool_error (_("“%s” is not a command"), name);
  print_help (stderr);
  return RPT_TOOL_USAGE;
}
