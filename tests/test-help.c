/* test-help.c: Help in the main menu (F1) finds the user guide, and the
 * guide's pictures are there beside it and small.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
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

static Suite *
help_suite (void)
{
  Suite *s = suite_create ("help");
  TCase *tc = tcase_create ("guide");

  tcase_add_test (tc, test_menu_has_help);
  tcase_add_test (tc, test_find_guide);
  tcase_add_test (tc, test_guide_links_resolve);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_APP_MAIN (help_suite)
