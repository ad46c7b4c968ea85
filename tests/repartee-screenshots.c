/* repartee-screenshots.c: renders the real window to PNG files for the
 * README, the way DESIGN.md describes (widget paintable → render node →
 * texture → PNG): the demo project with a rebuttal selected (its link to
 * the claim in the inspector, an overlap in the text), in the light and
 * dark styles, the Summary page, the empty state, and Find with its
 * matches highlighted (find.png, for the guide). Not a test.
 *
 *   GSETTINGS_SCHEMA_DIR=_build/data GSETTINGS_BACKEND=memory GSK_RENDERER=cairo \
 *     xvfb-run -a -s "-screen 0 1600x1000x24" \
 *     _build/tests/repartee-screenshots docs/screenshots data/examples/demo.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "rpt-application.h"
#include "rpt-article-view.h"
#include "rpt-find-bar.h"
#include "rpt-window.h"

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (5000);
}

static GtkWidget *
find (GtkWidget *root,
      GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, type);
      if (found)
        return found;
    }
  return NULL;
}

static void
save (GtkWidget  *window,
      const char *dir,
      const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  int width, height;

  gtk_test_widget_wait_for_draw (window);
  spin (800);  /* animations (toasts, crossfades) settle */
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("cannot write %s", path);
  g_print ("%s\n", path);
}

static gboolean
loaded (RptWindow *window)
{
  return g_list_model_get_n_items (rpt_project_get_documents (rpt_window_get_project (window))) > 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RptApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  const char *dir;
  RptWindow *window;
  RptArticleView *view;
  RptAnnotationStore *store;
  AdwStyleManager *style;
  gint64 end;

  if (argc != 3)
    {
      g_printerr ("usage: %s OUTPUT-FOLDER PROJECT.json\n", argv[0]);
      return 2;
    }
  dir = argv[1];
  g_mkdir_with_parents (dir, 0755);
  /* A private home: no recent projects, no recovery offers, and the
   * project shown in ~/Documents rather than wherever it was built. */
  {
    g_autofree char *home = g_dir_make_tmp ("repartee-shots-XXXXXX", NULL);
    g_autofree char *data = g_build_filename (home, ".local", "share", NULL);
    g_autofree char *documents = g_build_filename (home, "Documents", NULL);
    g_autofree char *base = g_path_get_basename (argv[2]);
    g_autofree char *copy = g_build_filename (documents, base, NULL);
    g_autofree char *contents = NULL;
    gsize len;

    g_setenv ("HOME", home, TRUE);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
    g_mkdir_with_parents (documents, 0700);
    if (!g_file_get_contents (argv[2], &contents, &len, NULL)
        || !g_file_set_contents (copy, contents, (gssize) len, NULL))
      g_error ("cannot copy %s", argv[2]);
    file = g_file_new_for_path (copy);
  }

  g_set_application_name ("Repartee");
  app = rpt_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  style = adw_style_manager_get_default ();

  window = rpt_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  gtk_window_present (GTK_WINDOW (window));
  save (GTK_WIDGET (window), dir, "empty.png");

  rpt_window_open_files (window, &file, 1);
  end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!loaded (window) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  if (!loaded (window))
    g_error ("%s did not load", argv[2]);

  /* The first article's second annotation: in the demo, a rebuttal linked
   * to the claim before it. */
  view = RPT_ARTICLE_VIEW (find (GTK_WIDGET (window), RPT_TYPE_ARTICLE_VIEW));
  store = rpt_project_get_annotations (rpt_window_get_project (window),
                                       rpt_document_get_id (rpt_article_view_get_document (view)));
  if (rpt_annotation_store_get_n_items (store) > 1)
    rpt_article_view_set_selected_annotation (view, rpt_annotation_store_get (store, 1));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  save (GTK_WIDGET (window), dir, "window.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  save (GTK_WIDGET (window), dir, "window-dark.png");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)), "summary");
  save (GTK_WIDGET (window), dir, "summary.png");

  /* Find in all articles, as Ctrl+F and typing leave it, once every
   * match is in. */
  {
    RptFindBar *bar = RPT_FIND_BAR (find (GTK_WIDGET (window), RPT_TYPE_FIND_BAR));

    rpt_article_view_set_selected_annotation (view, NULL);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
    g_object_set (bar, "all-articles", TRUE, NULL);
    gtk_editable_set_text (GTK_EDITABLE (gtk_root_get_focus (GTK_ROOT (window))), "records");
    end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
    while ((rpt_find_bar_get_results (bar) == NULL || !rpt_search_results_is_complete (rpt_find_bar_get_results (bar)))
           && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
    save (GTK_WIDGET (window), dir, "find.png");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  return EXIT_SUCCESS;
}
