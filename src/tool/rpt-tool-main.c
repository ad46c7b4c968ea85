/* rpt-tool-main.c: repartee-tool, the command line over the core.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Tool"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>

#include "rpt-tool.h"

static const RptToolCommand commands[] = {
  { "add", N_("Add plain-text articles to a project, creating it if needed"), rpt_tool_add },
  { "validate", N_("Check a project file and print its counts"), rpt_tool_validate },
  { "stats", N_("Count annotations by article, label and speaker"), rpt_tool_stats },
  { "format", N_("Rewrite a project file exactly as Repartee writes it"), rpt_tool_format },
  { "summary", N_("Summarise the exchange as Markdown, HTML or JSON"), rpt_tool_summary },
  { "export", N_("Write a labelled dataset (JSONL, Label Studio, brat, CoNLL, CSV, W3C)"), rpt_tool_export },
  { "import", N_("Make a project from a labelled dataset or plain-text articles"), rpt_tool_import },
  { "reanchor", N_("Place annotations again after article texts changed; keep the rest as orphans"), rpt_tool_reanchor },
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: repartee-tool COMMAND [OPTION…] ARGUMENTS…"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “repartee-tool COMMAND --help” for the options of a command."));
  fprintf (out, "%s\n", _("Exit status: 0 success, 1 refused input or failed operation, 2 usage error."));
}

static const RptToolCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (name, commands[i].name))
      return &commands[i];
  return NULL;
}

char *
rpt_tool_printable (const char *str)
{
  g_autofree char *valid = g_utf8_make_valid (str, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_unichar (out, 0xfffd);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
rpt_tool_display_name (const char *path)
{
  g_autofree char *display = g_filename_display_name (path);

  return rpt_tool_printable (display);
}

void
rpt_tool_error (const char *format,
                ...)
{
  g_autofree char *message = NULL;
  g_autofree char *printable = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  printable = rpt_tool_printable (message);
  fprintf (stderr, "repartee-tool: %s\n", printable);
}

int
rpt_tool_usage_error (const char *command,
                      const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *printable = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  printable = rpt_tool_printable (message);
  fprintf (stderr, "repartee-tool %s: %s\n", command, printable);
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

  /* GOption stops at "--" but leaves it among the arguments; drop it so that
   * "validate -- -odd-name.json" works. */
  for (int i = 1; i < *argc; i++)
    if (g_str_equal ((*argv)[i], "--"))
      {
        memmove (&(*argv)[i], &(*argv)[i + 1], (*argc - i) * sizeof (char *));
        (*argc)--;
        break;
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

gboolean
rpt_tool_check_output (const char          *output,
                       RptOutputKind        kind,
                       const char * const  *inputs,
                       gboolean             force,
                       char               **note)
{
  g_autofree char *reason = NULL;
  RptOutputState state = rpt_output_inspect (output, kind, inputs, &reason);

  if (note)
    *note = NULL;
  if (rpt_output_state_is_refused (state))
    {
      /* Translators: %s says why, e.g. "out.json is the file being read" */
      rpt_tool_error (kind == RPT_OUTPUT_FOLDER ? _("%s; choose another folder for -o")
                                                : _("%s; choose another file for -o"), reason);
      return FALSE;
    }
  if (rpt_output_state_needs_consent (state) && !force)
    {
      /* Translators: %s says why, e.g. "out.csv exists" or "out.csv is read-only" */
      rpt_tool_error (kind == RPT_OUTPUT_FOLDER
                        ? _("%s; use --force to replace the folder, or choose an empty or new one")
                        : _("%s; use --force to replace it"), reason);
      return FALSE;
    }
  if (note && rpt_output_state_is_notable (state))
    *note = g_steal_pointer (&reason);
  return TRUE;
}

void
rpt_tool_replaced (const char *note)
{
  /* Translators: %s says what was there, e.g. "out.csv is read-only" */
  if (note)
    rpt_tool_error (_("%s; replaced it because of --force"), note);
}

static int
unknown_command (const char *name)
{
  /* rpt_tool_error makes the name printable. */
  rpt_tool_error (_("“%s” is not a command"), name);
  fputc ('\n', stderr);
  print_help (stderr);
  return RPT_TOOL_USAGE;
}

/* Output that could not be written (a full disk, a closed pipe) is a
 * failure, not a success. */
static int
finish (int status)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      rpt_tool_error (_("cannot write the output: %s"), g_strerror (errno));
      return status == RPT_TOOL_OK ? RPT_TOOL_FAILED : status;
    }
  return status;
}

int
main (int   argc,
      char *argv[])
{
  const RptToolCommand *command;
  const char *name;
  const char *localedir = g_getenv ("REPARTEE_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* REPARTEE_LOCALEDIR=<build>/po reads the catalogues meson compiled, so
   * the uninstalled program runs translated. */
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
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
      char *help_argv[] = { NULL, (char *) "--help", NULL };

      if (argc == 2)
        {
          print_help (stdout);
          return finish (RPT_TOOL_OK);
        }
      /* "help COMMAND" is "COMMAND --help". */
      if (argc > 3)
        {
          rpt_tool_error ("%s", _("“help” takes at most one command name"));
          return RPT_TOOL_USAGE;
        }
      if (!(command = find_command (argv[2])))
        return unknown_command (argv[2]);
      help_argv[0] = argv[2];
      return finish (command->run (2, help_argv));
    }
  if (g_str_equal (name, "--version"))
    {
      printf ("repartee-tool %s\n", PACKAGE_VERSION);
      return finish (RPT_TOOL_OK);
    }

  if ((command = find_command (name)))
    return finish (command->run (argc - 1, argv + 1));

  return unknown_command (name);
}
