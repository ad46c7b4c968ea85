/* test-help.c: Help in the main menu and F1 open the user guide: the
 * Mallard pages in the help viewer (Yelp), else their web pages in the
 * browser, else the guide's text in a window of Repartee's own, also when
 * a handler fails to start (one that needs a terminal: "Unable to find
 * terminal required for application" was all F1 did). The pages are found
 * from the build tree; the Markdown guide keeps the pages' headings, its
 * pictures are beside it and small.
 *
 * The desktop's handlers are the test's own: XDG_DATA_DIRS is a copy of
 * /usr/share (links) without its applications, so no Yelp or browser of
 * the machine's answers, and each test puts in the handlers it wants, as
 * desktop files whose program writes down what it was asked to open.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rpt-help.h"
#include "rpt-test-util.h"
#include "rpt-test-window.h"

static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
      for (const char *const *kind = (const char *const[]) { G_MENU_LINK_SECTION, G_MENU_LINK_SUBMENU, NULL };
           *kind; kind++)
        if ((link = g_menu_model_get_item_link (model, i, *kind)) != NULL)
          {
            gboolean found = menu_has_action (link, action);

            g_object_unref (link);
            if (found)
              return TRUE;
          }
    }
  return FALSE;
}

START_TEST (test_menu_has_help)
{
  RptWindow *window = rpt_test_new_window ();
  GtkWidget *button = rpt_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL);
  GMenuModel *menu;

  ck_assert_ptr_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  ck_assert_ptr_nonnull (menu);
  ck_assert (menu_has_action (menu, "win.help"));
  rpt_test_close_discarding (window);
}
END_TEST

/* From the build tree the guide is found where REPARTEE_DOC_DIR points
 * (the tests set it to the source tree's docs, as meson devenv does);
 * REPARTEE_DOC_DIR wins when it holds a guide, and is passed over for the
 * installed guide when it does not, never for the source tree's: no
 * source path is compiled into the app. */
START_TEST (test_find_guide)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *empty = rpt_test_make_tmpdir ();
  g_autofree char *own = rpt_test_write_file (dir, "GUIDE.md", "# Guide\n", -1);
  g_autofree char *source_guide = rpt_test_source_path ("docs/GUIDE.md");
  g_autofree char *source_root = rpt_test_source_path ("");
  g_autofree char *env = g_strdup (g_getenv ("REPARTEE_DOC_DIR"));
  g_autofree char *found = NULL;
  g_autofree char *found_own = NULL;
  g_autofree char *found_fallback = NULL;

  ck_assert_ptr_nonnull (env);
  found = rpt_help_find_guide ();
  ck_assert_ptr_nonnull (found);
  ck_assert_str_eq (found, source_guide);

  g_setenv ("REPARTEE_DOC_DIR", dir, TRUE);
  found_own = rpt_help_find_guide ();
  ck_assert_str_eq (found_own, own);

  g_setenv ("REPARTEE_DOC_DIR", empty, TRUE);
  found_fallback = rpt_help_find_guide ();
  ck_assert_msg (found_fallback == NULL || !g_str_has_prefix (found_fallback, source_root),
                 "%s: a source path compiled in", found_fallback);
  g_setenv ("REPARTEE_DOC_DIR", env, TRUE);
}
END_TEST

/* Every picture the guide shows exists beside it, is a PNG and is under
 * 250 KB; every page it links to exists. */
START_TEST (test_guide_links_resolve)
{
  g_autofree char *path = rpt_test_source_path ("docs/GUIDE.md");
  g_autofree char *docs = g_path_get_dirname (path);
  g_autofree char *text = NULL;
  guint n_images = 0, n_pages = 0;

  ck_assert (g_file_get_contents (path, &text, NULL, NULL));
  for (const char *at = strstr (text, "]("); at != NULL; at = strstr (at + 2, "]("))
    {
      const char *end = strpbrk (at + 2, ")#");
      g_autofree char *target = NULL;
      g_autofree char *file = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      ck_assert_ptr_nonnull (end);
      target = g_strndup (at + 2, (gsize) (end - at - 2));
      if (g_str_has_prefix (target, "http"))
        continue;
      file = g_build_filename (docs, target, NULL);
      ck_assert_msg (g_file_get_contents (file, &contents, &length, NULL), "%s: missing", target);
      if (g_str_has_suffix (target, ".png"))
        {
          ck_assert_msg (length > 8 && memcmp (contents, "\x89PNG", 4) == 0, "%s: not a PNG", target);
          ck_assert_msg (length < 250 * 1024, "%s: %" G_GSIZE_FORMAT " bytes", target, length);
          n_images++;
        }
      else
        n_pages++;
    }
  ck_assert_uint_ge (n_images, 6);
  ck_assert_uint_ge (n_pages, 3);
}
END_TEST

/* ---- The desktop's handlers, the test's own ---- */

/* The data folder standing for /usr/share; its applications/ is ours. */
static char *share_dir;
static char *handlers_dir;

/* Before GIO first reads the desktop's applications (it keeps what it
 * read, and watches the folders it found). Not Check: outside a test. */
static void
make_data_dirs (void)
{
  g_autoptr(GDir) system = g_dir_open ("/usr/share", 0, NULL);
  char *tmp = g_dir_make_tmp ("repartee-help-test-XXXXXX", NULL);
  g_autofree char *applications = NULL;
  const char *name;

  if (tmp == NULL || system == NULL)
    g_error ("cannot make the test's data folders");
  share_dir = g_build_filename (tmp, "share", NULL);
  handlers_dir = g_build_filename (tmp, "handlers", NULL);
  applications = g_build_filename (share_dir, "applications", NULL);
  g_mkdir_with_parents (applications, 0700);
  g_mkdir_with_parents (handlers_dir, 0700);
  /* Icons, themes, schemas and MIME types as they are; no applications. */
  while ((name = g_dir_read_name (system)) != NULL)
    {
      g_autofree char *target = g_build_filename ("/usr/share", name, NULL);
      g_autofree char *link = g_build_filename (share_dir, name, NULL);

      if (!g_str_equal (name, "applications") && symlink (target, link) != 0)
        g_error ("cannot link %s", link);
    }
  g_setenv ("XDG_DATA_DIRS", share_dir, TRUE);
  g_free (tmp);
}

static char *
handler_desktop_path (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".desktop", NULL);

  return g_build_filename (share_dir, "applications", file, NULL);
}

/* What handler @name was asked to open (NULL while nothing). */
static char *
handler_opened (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".opened", NULL);
  g_autofree char *path = g_build_filename (handlers_dir, file, NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

/* The default handler of help: URIs, or of text/html, as GIO sees it. */
static gboolean
handler_is (const char *kind,
            const char *name)
{
  g_autoptr(GAppInfo) app = g_str_equal (kind, "help")
    ? g_app_info_get_default_for_uri_scheme ("help")
    : g_app_info_get_default_for_type (kind, FALSE);
  g_autofree char *id = name ? g_strconcat (name, ".desktop", NULL) : NULL;

  return app == NULL ? name == NULL : g_strcmp0 (g_app_info_get_id (app), id) == 0;
}

/* Writes applications/mimeinfo.cache for the desktop files there, as
 * update-desktop-database does: GIO finds the handlers of a type in the
 * system's folders through it. */
static void
update_mime_cache (void)
{
  g_autofree char *applications = g_build_filename (share_dir, "applications", NULL);
  g_autofree char *cache = g_build_filename (applications, "mimeinfo.cache", NULL);
  g_autoptr(GDir) dir = g_dir_open (applications, 0, NULL);
  g_autoptr(GString) text = g_string_new ("[MIME Cache]\n");
  const char *name;

  ck_assert_ptr_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (applications, name, NULL);
      g_autoptr(GKeyFile) desktop = g_key_file_new ();
      g_auto(GStrv) types = NULL;

      if (!g_str_has_suffix (name, ".desktop"))
        continue;
      ck_assert (g_key_file_load_from_file (desktop, path, G_KEY_FILE_NONE, NULL));
      types = g_key_file_get_string_list (desktop, "Desktop Entry", "MimeType", NULL, NULL);
      for (guint i = 0; types && types[i]; i++)
        g_string_append_printf (text, "%s=%s;\n", types[i], name);
    }
  ck_assert (g_file_set_contents (cache, text->str, -1, NULL));
}

/* A desktop file for @name, the handler of @mime_type, whose program
 * writes the URI it is given to @name.opened; waits until GIO sees it. */
static void
add_handler (const char *name,
             const char *mime_type,
             gboolean    in_terminal)
{
  g_autofree char *script_name = g_strconcat (name, ".sh", NULL);
  g_autofree char *opened_name = g_strconcat (name, ".opened", NULL);
  g_autofree char *opened = g_build_filename (handlers_dir, opened_name, NULL);
  /* Written aside and renamed: the test must never read a half-written record. */
  g_autofree char *script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s' \"$1\" > '%s.part' && mv '%s.part' '%s'\n",
                                                  opened, opened, opened);
  g_autofree char *script = rpt_test_write_file (handlers_dir, script_name, script_text, -1);
  g_autofree char *desktop = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=%s\n"
                                              "Exec=%s %%u\nMimeType=%s;\nTerminal=%s\n",
                                              name, script, mime_type, in_terminal ? "true" : "false");
  g_autofree char *desktop_path = handler_desktop_path (name);

  g_unlink (opened);
  ck_assert_int_eq (g_chmod (script, 0755), 0);
  ck_assert (g_file_set_contents (desktop_path, desktop, -1, NULL));
  update_mime_cache ();
  rpt_test_wait_until (handler_is (g_str_has_prefix (mime_type, "x-scheme-handler/") ? "help" : mime_type, name));
}

/* No handler of help: URIs or of text/html: the desktop files of the
 * tests before are removed. */
static void
remove_handlers (void)
{
  g_autofree char *applications = g_build_filename (share_dir, "applications", NULL);
  g_autoptr(GDir) dir = g_dir_open (applications, 0, NULL);
  const char *name;

  ck_assert_ptr_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".desktop"))
      {
        g_autofree char *path = g_build_filename (applications, name, NULL);

        ck_assert_int_eq (g_unlink (path), 0);
      }
  update_mime_cache ();
  rpt_test_wait_until (handler_is ("help", NULL) && handler_is ("text/html", NULL));
}

/* Whether the handler was given @expected: a URI, or the file it names
 * (GIO hands a program a local file's path, which Yelp reads as well). */
static gboolean
opened_is (const char *opened,
           const char *expected)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) expected_file = NULL;

  if (g_strcmp0 (opened, expected) == 0)
    return TRUE;
  if (opened == NULL || !g_str_has_prefix (expected, "file:"))
    return FALSE;
  file = g_file_new_for_commandline_arg (opened);
  expected_file = g_file_new_for_uri (expected);
  return g_file_equal (file, expected_file);
}


/* ---- Help, as F1 opens it ---- */

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
shows_guide (GtkWidget     *widget,
             gconstpointer  data)
{
  g_autofree char *text = NULL;

  if (!GTK_IS_TEXT_VIEW (widget))
    return FALSE;
  text = buffer_text (GTK_TEXT_VIEW (widget));
  return strstr (text, "Two minutes with the demo project") != NULL;
}

/* The text view of a window other than @window that shows the guide's
 * text, or NULL. */
static GtkTextView *
find_guide_text (RptWindow *window)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    {
      GtkWidget *found;

      if (l->data == (gpointer) window || !gtk_widget_get_visible (l->data))
        continue;
      if ((found = rpt_test_find_matching (l->data, shows_guide, NULL, FALSE)))
        return GTK_TEXT_VIEW (found);
    }
  return NULL;
}

/* F1, as the user presses it: the window's binding runs win.help. */
static void
press_f1 (RptWindow *window)
{
  ck_assert_msg (rpt_test_send_key (GTK_WINDOW (window), GDK_KEY_F1, 0), "F1 did nothing");
}

/* The guide's text shown over @window, formatted (no Markdown marks
 * left), then closed. */
static void
assert_guide_shown_as_text (RptWindow *window)
{
  GtkTextView *view;
  g_autofree char *text = NULL;
  GtkWidget *shown;

  rpt_test_wait_until ((view = find_guide_text (window)) != NULL);
  text = buffer_text (view);
  ck_assert_msg (g_str_has_prefix (text, "Repartee user guide\n"), "%.60s", text);
  ck_assert_ptr_nonnull (strstr (text, "Start Repartee and choose Open Demo Project on the start page."));
  ck_assert_ptr_nonnull (strstr (text, "[Picture: The window with the demo project:"));
  ck_assert_ptr_null (strstr (text, "**"));
  ck_assert_ptr_null (strstr (text, "]("));
  ck_assert_ptr_null (strstr (text, "\n#"));
  ck_assert_ptr_null (strstr (text, "<!--"));
  shown = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (view)));
  ck_assert (gtk_window_get_transient_for (GTK_WINDOW (shown)) == GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (shown));
}

/* The window of the "open" tests. */
static RptWindow *main_window;

static void
open_setup (void)
{
  remove_handlers ();
  main_window = rpt_test_new_window ();
}

static void
open_teardown (void)
{
  GtkTextView *text;

  while (main_window && (text = find_guide_text (main_window)) != NULL)
    gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (text))));
  if (main_window)
    rpt_test_close_discarding (main_window);
  main_window = NULL;
  remove_handlers ();
}

/* From the build tree the help viewer is given the source tree's pages
 * (REPARTEE_HELP_DIR, set by the tests as by meson devenv); installed, or
 * with a REPARTEE_HELP_DIR that holds none, "help:repartee": no source
 * path is compiled in. */
START_TEST (test_help_uri)
{
  g_autofree char *pages = rpt_test_source_path ("help/C");
  g_autofree char *index = g_build_filename (pages, "index.page", NULL);
  g_autoptr(GFile) pages_file = g_file_new_for_path (pages);
  g_autofree char *pages_uri = g_file_get_uri (pages_file);
  g_autofree char *empty = rpt_test_make_tmpdir ();
  g_autofree char *env = g_strdup (g_getenv ("REPARTEE_HELP_DIR"));
  g_autofree char *uri = NULL;
  g_autofree char *installed = NULL;

  ck_assert (g_file_test (index, G_FILE_TEST_IS_REGULAR));
  uri = rpt_help_get_uri ();
  ck_assert_str_eq (uri, pages_uri);

  g_setenv ("REPARTEE_HELP_DIR", empty, TRUE);
  installed = rpt_help_get_uri ();
  ck_assert_str_eq (installed, "help:repartee");
  g_setenv ("REPARTEE_HELP_DIR", env, TRUE);
}
END_TEST

/* F1 with a help viewer: it is asked for the pages. Before, F1 handed
 * GUIDE.md to whatever opens Markdown, and the help viewer to nothing. */
START_TEST (test_f1_opens_help_viewer)
{
  g_autofree char *expected = rpt_help_get_uri ();
  g_autofree char *opened = NULL;

  add_handler ("fake-yelp", "x-scheme-handler/help", FALSE);
  press_f1 (main_window);
  rpt_test_wait_until ((opened = handler_opened ("fake-yelp")) != NULL);
  ck_assert_msg (opened_is (opened, expected), "the help viewer was given %s, not %s", opened, expected);
  ck_assert_ptr_null (find_guide_text (main_window));
}
END_TEST

/* No help viewer, no browser: the guide's text, in Repartee. */
START_TEST (test_f1_without_help_viewer_shows_text)
{
  ck_assert (handler_is ("help", NULL));
  ck_assert (handler_is ("text/html", NULL));
  press_f1 (main_window);
  assert_guide_shown_as_text (main_window);
}
END_TEST

/* A help viewer that needs a terminal, on a desktop with none: launching
 * it fails ("Unable to find terminal required for application", the
 * message F1 gave before), and the guide's text shows instead. */
START_TEST (test_help_viewer_failing_falls_back)
{
  g_autofree char *no_programs = rpt_test_make_tmpdir ();
  g_autofree char *path = g_strdup (g_getenv ("PATH"));

  add_handler ("terminal-yelp", "x-scheme-handler/help", TRUE);
  g_setenv ("PATH", no_programs, TRUE);
  press_f1 (main_window);
  assert_guide_shown_as_text (main_window);
  g_setenv ("PATH", path, TRUE);
  ck_assert_ptr_null (handler_opened ("terminal-yelp"));
}
END_TEST

/* No help viewer, but a browser: it is asked for the pages' index.html. */
START_TEST (test_f1_without_help_viewer_opens_web_pages)
{
  g_autofree char *html = rpt_test_make_tmpdir ();
  g_autofree char *index = rpt_test_write_file (html, "index.html", "<title>Repartee Help</title>\n", -1);
  g_autofree char *expected = g_filename_to_uri (index, NULL, NULL);
  g_autofree char *env = g_strdup (g_getenv ("REPARTEE_HELP_HTML_DIR"));
  g_autofree char *opened = NULL;

  g_setenv ("REPARTEE_HELP_HTML_DIR", html, TRUE);
  add_handler ("fake-browser", "text/html", FALSE);
  press_f1 (main_window);
  rpt_test_wait_until ((opened = handler_opened ("fake-browser")) != NULL);
  g_setenv ("REPARTEE_HELP_HTML_DIR", env, TRUE);
  ck_assert_msg (opened_is (opened, expected), "the browser was given %s, not %s", opened, expected);
  ck_assert_ptr_null (find_guide_text (main_window));
}
END_TEST

/* ---- The pages and the Markdown guide in step ---- */

typedef struct
{
  GPtrArray *titles;      /* of pages and their sections */
  GPtrArray *page_titles; /* of the pages alone (not index) */
  GString   *text;        /* of the title being read, or NULL */
  gboolean   page_title;
  gboolean   index;
} PageTitles;

static void
title_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  PageTitles *titles = user_data;
  const GSList *stack = g_markup_parse_context_get_element_stack (context);
  const char *parent = stack->next ? stack->next->data : NULL;

  if (g_str_equal (element, "page"))
    for (guint i = 0; names[i]; i++)
      if (g_str_equal (names[i], "id"))
        titles->index = g_str_equal (values[i], "index");
  if (g_str_equal (element, "title") && (g_strcmp0 (parent, "page") == 0 || g_strcmp0 (parent, "section") == 0))
    {
      titles->text = g_string_new (NULL);
      titles->page_title = g_strcmp0 (parent, "page") == 0;
    }
}

static void
title_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  PageTitles *titles = user_data;

  if (g_str_equal (element, "title") && titles->text != NULL)
    {
      char *title = g_string_free (titles->text, FALSE);

      titles->text = NULL;
      g_ptr_array_add (titles->titles, title);
      if (titles->page_title && !titles->index)
        g_ptr_array_add (titles->page_titles, g_strdup (title));
    }
}

static void
title_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 length,
            gpointer              user_data,
            GError              **error)
{
  PageTitles *titles = user_data;

  if (titles->text != NULL)
    g_string_append_len (titles->text, text, (gssize) length);
}

static gboolean
has_string (GPtrArray  *strings,
            const char *string)
{
  return g_ptr_array_find_with_equal_func (strings, string, g_str_equal, NULL);
}

/* Every heading of docs/GUIDE.md under its title ("## …", "### 2. …") is
 * the title of a help page or of a section of one, and every page's title
 * is a heading of the guide: a topic added to one and not the other fails
 * here. (The pages are the source; GUIDE.md follows them.) */
START_TEST (test_guide_and_pages_in_step)
{
  g_autofree char *dir = rpt_test_source_path ("help/C");
  g_autofree char *guide_path = rpt_test_source_path ("docs/GUIDE.md");
  g_autofree char *guide = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GDir) pages = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) headings = g_ptr_array_new_with_free_func (g_free);
  PageTitles titles = { g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free) };
  const GMarkupParser parser = { title_start, title_end, title_text, NULL, NULL };
  const char *name;

  ck_assert_ptr_nonnull (pages);
  while ((name = g_dir_read_name (pages)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GMarkupParseContext) context = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (name, ".page"))
        continue;
      path = g_build_filename (dir, name, NULL);
      ck_assert (g_file_get_contents (path, &contents, NULL, NULL));
      context = g_markup_parse_context_new (&parser, 0, &titles, NULL);
      ck_assert_msg (g_markup_parse_context_parse (context, contents, -1, &error)
                     && g_markup_parse_context_end_parse (context, &error), "%s: %s", name, error->message);
    }
  ck_assert_uint_ge (titles.page_titles->len, 15);

  ck_assert (g_file_get_contents (guide_path, &guide, NULL, NULL));
  lines = g_strsplit (guide, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *heading = lines[i];

      if (g_str_has_prefix (heading, "## "))
        heading += 3;
      else if (g_str_has_prefix (heading, "### "))
        heading += 4;
      else
        continue;
      /* "2. Import an article" */
      if (g_ascii_isdigit (heading[0]) && g_str_has_prefix (heading + 1, ". "))
        heading += 3;
      g_ptr_array_add (headings, g_strdup (heading));
      ck_assert_msg (has_string (titles.titles, heading), "GUIDE.md has “%s”; no help page has", heading);
    }
  for (guint i = 0; i < titles.page_titles->len; i++)
    ck_assert_msg (has_string (headings, g_ptr_array_index (titles.page_titles, i)),
                   "the help page “%s” has no heading in GUIDE.md", (char *) g_ptr_array_index (titles.page_titles, i));
  g_ptr_array_unref (titles.titles);
  g_ptr_array_unref (titles.page_titles);
}
END_TEST

static Suite *
help_suite (void)
{
  Suite *s = suite_create ("help");
  TCase *tc = tcase_create ("guide");
  TCase *open = tcase_create ("open");

  tcase_add_test (tc, test_menu_has_help);
  tcase_add_test (tc, test_find_guide);
  tcase_add_test (tc, test_guide_links_resolve);
  tcase_add_test (tc, test_help_uri);
  tcase_add_test (tc, test_guide_and_pages_in_step);
  suite_add_tcase (s, tc);
  tcase_add_checked_fixture (open, open_setup, open_teardown);
  tcase_add_test (open, test_f1_opens_help_viewer);
  tcase_add_test (open, test_f1_without_help_viewer_shows_text);
  tcase_add_test (open, test_help_viewer_failing_falls_back);
  tcase_add_test (open, test_f1_without_help_viewer_opens_web_pages);
  suite_add_tcase (s, open);
  return s;
}

int
main (void)
{
  make_data_dirs ();
  rpt_test_app_init ();
  return rpt_test_run (help_suite ());
}
