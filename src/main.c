/* main.c: the Repartee GUI entry point.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>

#include "rpt-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RptApplication) app = NULL;
  const char *localedir = g_getenv ("REPARTEE_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* REPARTEE_LOCALEDIR=<build>/po reads the catalogues meson compiled, so
   * the uninstalled program runs translated. */
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* A save past RLIMIT_FSIZE must fail with EFBIG, not kill the process. */
  signal (SIGXFSZ, SIG_IGN);

  g_set_application_name (_("Repartee"));
  app = rpt_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
