/* rpt-help.c: the "Help" menu item opens the user guide, a Markdown file
 * with its screenshots beside it, in whatever the desktop opens it with.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rpt-help.h"

#define GUIDE_NAME "GUIDE.md"

char *
rpt_help_find_guide (void)
{
  const char *env = g_getenv ("REPARTEE_DOC_DIR");
  const char *dirs[] = { env, REPARTEE_DOCDIR };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = NULL;

      if (dirs[i] == NULL || dirs[i][0] == '\0')
        continue;
      path = g_build_filename (dirs[i], GUIDE_NAME, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

void
rpt_help_show (GtkWindow *parent)
{
  g_autofree char *path = rpt_help_find_guide ();
  g_autofree char *uri = NULL;
  GtkWidget *dialog;

  if (path != NULL)
    {
      uri = g_filename_to_uri (path, NULL, NULL);
      if (uri != NULL)
        {
          gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
          return;
        }
    }

  dialog = adw_message_dialog_new (parent, _("User Guide Not Found"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The guide was not installed with Repartee. It is the file %s in Repartee’s source code."),
                                  "docs/GUIDE.md");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
