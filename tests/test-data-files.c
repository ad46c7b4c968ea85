/* test-data-files.c: the files that integrate Repartee with the desktop are
 * valid, and every source file with translatable strings is in POTFILES.in.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <gio/gio.h>
#include <sys/wait.h>

#include "rpt-test-util.h"

static char *
build_path (const char *relative)
{
  return g_build_filename (g_getenv ("REPARTEE_BUILD_DIR"), relative, NULL);
}

START_TEST (test_desktop_file_valid)
{
  g_autofree char *path = build_path ("data/org.repartee.Repartee.desktop");
  g_autofree char *output = NULL;
  const char *argv[] = { "desktop-file-validate", path, NULL };

  ck_assert_msg (rpt_test_run_command (argv, &output) == 0, "desktop-file-validate: %s", output);
  /* Hints are fine; warnings and errors are not. */
  ck_assert_msg (strstr (output, "error") == NULL && strstr (output, "warning") == NULL, "%s", output);
}
END_TEST

START_TEST (test_metainfo_valid)
{
  g_autofree char *path = build_path ("data/org.repartee.Repartee.metainfo.xml");
  g_autofree char *output = NULL;
  const char *argv[] = { "appstreamcli", "validate", "--no-net", "--explain", path, NULL };

  ck_assert_msg (rpt_test_run_command (argv, &output) == 0, "appstreamcli: %s", output);
}
END_TEST

START_TEST (test_schema_compiles_strictly)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *source = rpt_test_source_path ("data");
  g_autofree char *target = g_strconcat ("--targetdir=", dir, NULL);
  g_autofree char *output = NULL;
  const char *argv[] = { "glib-compile-schemas", "--strict", target, source, NULL };

  ck_assert_msg (rpt_test_run_command (argv, &output) == 0, "glib-compile-schemas: %s", output);
}
END_TEST

static gboolean
has_translatable_strings (const char *path)
{
  g_autofree char *contents = rpt_test_read_file (path, NULL);

  if (g_str_has_suffix (path, ".ui"))
    return strstr (contents, "translatable=\"yes\"") != NULL;
  /* Every gettext call xgettext extracts, with or without a space before
   * the parenthesis: _(), N_(), C_(), NC_() and the plural and domain forms. */
  return g_regex_match_simple ("(^|[^A-Za-z0-9_])(N?C?_\\s*\\(\\s*\"|"
                               "(g_dngettext|g_dpgettext2|g_dcgettext|ngettext|dngettext)\\s*\\()",
                               contents, G_REGEX_MULTILINE, 0);
}

static void
collect (const char *root,
         const char *relative,
         GPtrArray  *out)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (relative, name, NULL);
      g_autofree char *full = g_build_filename (root, child, NULL);

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        collect (root, child, out);
      else if ((g_str_has_suffix (name, ".c") || g_str_has_suffix (name, ".ui")) &&
               has_translatable_strings (full))
        g_ptr_array_add (out, g_steal_pointer (&child));
    }
}

START_TEST (test_potfiles_complete)
{
  g_autofree char *root = rpt_test_source_path ("");
  g_autofree char *potfiles_path = rpt_test_source_path ("po/POTFILES.in");
  g_autofree char *potfiles = rpt_test_read_file (potfiles_path, NULL);
  g_auto(GStrv) lines = g_strsplit (potfiles, "\n", -1);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) missing = g_string_new (NULL);

  collect (root, "src", files);
  collect (root, "ui", files);
  ck_assert_uint_gt (files->len, 0);

  for (guint i = 0; i < files->len; i++)
    if (!g_strv_contains ((const char * const *) lines, g_ptr_array_index (files, i)))
      g_string_append_printf (missing, " %s", (char *) g_ptr_array_index (files, i));

  /* And nothing listed is gone. */
  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *listed = NULL;

      if (*lines[i] == '\0' || *lines[i] == '#')
        continue;
      listed = g_build_filename (root, lines[i], NULL);
      if (!g_file_test (listed, G_FILE_TEST_EXISTS))
        g_string_append_printf (missing, " (listed but missing: %s)", lines[i]);
    }

  ck_assert_msg (missing->len == 0, "not in po/POTFILES.in:%s", missing->str);
}
END_TEST

static Suite *
data_suite (void)
{
  Suite *s = suite_create ("data-files");
  TCase *tc = tcase_create ("validate");

  tcase_add_test (tc, test_desktop_file_valid);
  tcase_add_test (tc, test_metainfo_valid);
  tcase_add_test (tc, test_schema_compiles_strictly);
  tcase_add_test (tc, test_potfiles_complete);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (data_suite)
