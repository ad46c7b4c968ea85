/* rpt-help.c: Help (F1) opens the user guide the GNOME way, in Yelp, with
 * two fallbacks for a desktop without it, each tried when the one before
 * is missing or fails to start (a handler that needs a terminal, say):
 *
 *   1. the Mallard pages in the handler of help: URIs (Yelp);
 *   2. their web pages (yelp-build's, installed with the docs) in the
 *      handler of text/html (the browser);
 *   3. the guide's text (GUIDE.md) in a window of Repartee's own, which
 *      needs nothing else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rpt-help.h"
#include "rpt-help-window.h"

#define GUIDE_NAME   "GUIDE.md"
#define HELP_NAME    "repartee"
#define HTML_INDEX   "index.html"

/* The first of @dirs (NULL or empty ones skipped) that holds @name. */
static char *
find_in (const char * const *dirs,
         guint               n_dirs,
         const char         *name)
{
  for (guint i = 0; i < n_dirs; i++)
    {
      g_autofree char *path = NULL;

      if (dirs[i] == NULL || dirs[i][0] == '\0')
        continue;
      path = g_build_filename (dirs[i], name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

char *
rpt_help_find_guide (void)
{
  const char *dirs[] = { g_getenv ("REPARTEE_DOC_DIR"), REPARTEE_DOCDIR };

  return find_in (dirs, G_N_ELEMENTS (dirs), GUIDE_NAME);
}

char *
rpt_help_find_html (void)
{
  g_autofree char *installed = g_build_filename (REPARTEE_DOCDIR, "html", NULL);
  const char *dirs[] = { g_getenv ("REPARTEE_HELP_HTML_DIR"), installed };

  return find_in (dirs, G_N_ELEMENTS (dirs), HTML_INDEX);
}

char *
rpt_help_get_uri (void)
{
  const char *dir = g_getenv ("REPARTEE_HELP_DIR");

  /* Yelp opens a folder of pages as it opens an installed document. */
  if (dir != NULL && dir[0] != '\0')
    {
      g_autofree char *pages = g_build_filename (dir, "C", NULL);
      g_autofree char *index = g_build_filename (pages, "index.page", NULL);

      if (g_file_test (index, G_FILE_TEST_IS_REGULAR))
        {
          g_autoptr(GFile) file = g_file_new_for_path (pages);

          return g_file_get_uri (file);
        }
    }
  return g_strdup ("help:" HELP_NAME);
}

/* ---- Opening, one way after another ---- */

typedef struct
{
  GWeakRef parent;
} HelpRequest;

static void
help_request_free (HelpRequest *request)
{
  g_weak_ref_clear (&request->parent);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelpRequest, help_request_free)

static void
show_not_found (GtkWindow *parent)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("User Guide Not Found"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The guide was not installed with Repartee. It is the file %s in Repartee’s source code."),
                                  "docs/GUIDE.md");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* 3: the guide's text, here. */
static void
show_text (HelpRequest *request)
{
  g_autoptr(HelpRequest) owned = request;
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&request->parent);
  g_autofree char *path = NULL;
  g_autoptr(GFile) guide = NULL;

  /* The window closed meanwhile: nobody asked any more. */
  if (parent == NULL)
    return;
  path = rpt_help_find_guide ();
  if (path == NULL)
    {
      show_not_found (parent);
      return;
    }
  guide = g_file_new_for_path (path);
  gtk_window_present (GTK_WINDOW (rpt_help_window_new (parent, guide)));
}

typedef struct
{
  HelpRequest *request;
  void       (*next) (HelpRequest *request);
} Launch;

static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Launch *launch_data = user_data;
  g_autoptr(GError) error = NULL;

  if (g_app_info_launch_uris_finish (G_APP_INFO (source), result, &error))
    help_request_free (launch_data->request);
  else
    {
      g_message ("Cannot open the guide with %s: %s", g_app_info_get_name (G_APP_INFO (source)), error->message);
      launch_data->next (launch_data->request);
    }
  g_free (launch_data);
}

/* Starts @app on @uri; @next (which takes @request) if it fails to start. */
static void
launch (HelpRequest *request,
        GAppInfo    *app,
        const char  *uri,
        void       (*next) (HelpRequest *request))
{
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&request->parent);
  g_autoptr(GdkAppLaunchContext) context = NULL;
  GList uris = { (gpointer) uri, NULL, NULL };
  Launch *launch_data;

  if (parent == NULL)
    {
      help_request_free (request);
      return;
    }
  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (parent)));
  launch_data = g_new0 (Launch, 1);
  launch_data->request = request;
  launch_data->next = next;
  g_app_info_launch_uris_async (app, &uris, G_APP_LAUNCH_CONTEXT (context), NULL, on_launched, launch_data);
}

/* 2: the web pages, in the browser. */
static void
on_html_handler (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  HelpRequest *request = user_data;
  g_autoptr(GAppInfo) app = g_app_info_get_default_for_type_finish (result, NULL);
  g_autofree char *index = rpt_help_find_html ();
  g_autofree char *uri = index ? g_filename_to_uri (index, NULL, NULL) : NULL;

  if (app == NULL || uri == NULL)
    show_text (request);
  else
    launch (request, app, uri, show_text);
}

static void
show_html (HelpRequest *request)
{
  g_autofree char *index = rpt_help_find_html ();

  if (index == NULL)
    show_text (request);
  else
    g_app_info_get_default_for_type_async ("text/html", FALSE, NULL, on_html_handler, request);
}

/* 1: the pages, in Yelp. */
static void
on_help_handler (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  HelpRequest *request = user_data;
  g_autoptr(GAppInfo) app = g_app_info_get_default_for_uri_scheme_finish (result, NULL);
  g_autofree char *uri = rpt_help_get_uri ();

  if (app == NULL)
    show_html (request);
  else
    launch (request, app, uri, show_html);
}

void
rpt_help_show (GtkWindow *parent)
{
  HelpRequest *request;

  g_return_if_fail (GTK_IS_WINDOW (parent));

  request = g_new0 (HelpRequest, 1);
  g_weak_ref_init (&request->parent, parent);
  /* Looking the handler up reads the desktop's application files: not in
   * the main loop. */
  g_app_info_get_default_for_uri_scheme_async ("help", NULL, on_help_handler, request);
}
