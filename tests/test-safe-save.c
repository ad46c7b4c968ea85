/* test-safe-save.c: a save that fails for real leaves the old file
 * byte-identical and no temporary file behind, and says why; saving and
 * loading off the main thread.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rpt-core.h"
#include "rpt-test-util.h"

#define OLD_CONTENTS "{\"this\": \"is the previous file, which must survive\"}\n"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Names in @dir, sorted, space-separated: shows any temporary file left. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  ck_assert_ptr_nonnull (d);
  while ((name = g_dir_read_name (d)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_file_is (const char *path,
                const char *contents)
{
  gsize len;
  g_autofree char *now = rpt_test_read_file (path, &len);

  ck_assert_uint_eq (len, strlen (contents));
  ck_assert (memcmp (now, contents, len) == 0);
}

/* A project whose file is about 200 KB. */
static RptProject *
make_big_project (void)
{
  RptProject *project = rpt_project_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(RptDocument) doc = NULL;

  for (guint i = 0; i < 4000; i++)
    g_string_append_printf (text, "Sentence %u of a long dispatch. ", i);
  doc = rpt_document_new ("long", "Long dispatch", "long.txt", text->str);
  ck_assert (rpt_project_add_document (project, doc, NULL));
  ck_assert (rpt_project_add_annotation (project, "long", 0, 8, "claim", NULL, NULL));
  return project;
}

/* ---- Real failing writes ---- */

/* The file size limit makes write() fail with EFBIG part-way through the
 * temporary file: a real disk-full, without needing a tiny filesystem. */
/* In the child: the save must fail and leave the project dirty. */
static int
save_big_project (gpointer   path,
                  GError   **error)
{
  g_autoptr(RptProject) project = make_big_project ();
  g_autoptr(GBytes) bytes = rpt_project_to_bytes (project);

  if (g_bytes_get_size (bytes) <= 16 * 1024)
    return 11;
  if (rpt_project_save_to_file (project, path, error))
    return 12;                          /* the write did not fail */
  if (!rpt_project_get_dirty (project))
    return 13;                          /* a failed save must leave it dirty */
  return 0;
}

START_TEST (test_file_size_limit)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = rpt_test_write_file (dir, "project.json", OLD_CONTENTS, -1);
  g_autofree char *expected = g_strdup_printf ("%s: could not save: %s", path, g_strerror (EFBIG));
  g_autofree char *listing = NULL;
  g_autofree char *message = rpt_test_fail_under_limit (16 * 1024, save_big_project, path);

  ck_assert_str_eq (message, expected);
  assert_file_is (path, OLD_CONTENTS);
  listing = list_dir (dir);
  ck_assert_str_eq (listing, "project.json");
}
END_TEST

START_TEST (test_target_is_folder)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "project.json", NULL);
  g_autofree char *inside = NULL;
  g_autofree char *expected = g_strdup_printf ("%s: is a folder, not a file", folder);
  g_autoptr(RptProject) project = make_big_project ();
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL, *inner = NULL;

  ck_assert_int_eq (g_mkdir (folder, 0755), 0);
  inside = rpt_test_write_file (folder, "keep.txt", OLD_CONTENTS, -1);

  ck_assert (!rpt_project_save_to_file (project, folder, &error));
  ck_assert_str_eq (error->message, expected);
  ck_assert (rpt_project_get_dirty (project));
  ck_assert (g_file_test (folder, G_FILE_TEST_IS_DIR));
  assert_file_is (inside, OLD_CONTENTS);
  listing = list_dir (dir);
  ck_assert_str_eq (listing, "project.json");
  inner = list_dir (folder);
  ck_assert_str_eq (inner, "keep.txt");
}
END_TEST

START_TEST (test_parent_folder_missing)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "gone", "project.json", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: cannot create a temporary file beside it: %s",
                                               path, g_strerror (ENOENT));
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  ck_assert (!rpt_safe_file_replace (path, "data", 4, &error));
  ck_assert_int_eq (error->code, RPT_ERROR_IO);
  ck_assert_str_eq (error->message, expected);
  listing = list_dir (dir);
  ck_assert_str_eq (listing, "");
}
END_TEST

START_TEST (test_parent_is_a_file)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *file = rpt_test_write_file (dir, "notes.txt", OLD_CONTENTS, -1);
  g_autofree char *path = g_build_filename (file, "project.json", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: cannot create a temporary file beside it: %s",
                                               path, g_strerror (ENOTDIR));
  g_autoptr(GError) error = NULL;

  ck_assert (!rpt_safe_file_replace (path, "data", 4, &error));
  ck_assert_str_eq (error->message, expected);
  assert_file_is (file, OLD_CONTENTS);
}
END_TEST

/* ---- Successful replacement ---- */

START_TEST (test_replace_keeps_mode)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = rpt_test_write_file (dir, "project.json", OLD_CONTENTS, -1);
  g_autofree char *fresh = g_build_filename (dir, "fresh.json", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  ck_assert_int_eq (g_chmod (path, 0640), 0);
  ck_assert_msg (rpt_safe_file_replace (path, "new contents\n", 13, &error), "%s", error ? error->message : "");
  assert_file_is (path, "new contents\n");
  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0640);

  /* A new file follows the umask, like any other new file. */
  umask (027);
  ck_assert (rpt_safe_file_replace (fresh, "", 0, NULL));
  ck_assert_int_eq (g_stat (fresh, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0640);
  ck_assert_int_eq (st.st_size, 0);

  listing = list_dir (dir);
  ck_assert_str_eq (listing, "fresh.json project.json");
}
END_TEST

START_TEST (test_replace_through_symlink)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *real = rpt_test_write_file (dir, "real.json", OLD_CONTENTS, -1);
  g_autofree char *link = g_build_filename (dir, "link.json", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *points_to = NULL;

  ck_assert_int_eq (symlink ("real.json", link), 0);
  ck_assert (rpt_safe_file_replace (link, "through the link\n", 17, NULL));
  assert_file_is (real, "through the link\n");
  points_to = g_file_read_link (link, NULL);
  ck_assert_str_eq (points_to, "real.json");
  listing = list_dir (dir);
  ck_assert_str_eq (listing, "link.json real.json");
}
END_TEST

/* ---- Off the main thread ---- */

START_TEST (test_async_save_and_load)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "async.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RptProject) project = make_big_project ();
  g_autoptr(RptProject) loaded = NULL;
  g_autoptr(GBytes) expected = rpt_project_to_bytes (project);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  RptTestAsync wait = { 0 };

  rpt_project_save_async (project, file, NULL, rpt_test_async_ready, &wait);
  rpt_test_async_wait (&wait);
  ck_assert_msg (rpt_project_save_finish (project, wait.result, &error), "%s", error ? error->message : "");
  ck_assert (!rpt_project_get_dirty (project));
  contents = rpt_test_read_file (path, &len);
  ck_assert_uint_eq (len, g_bytes_get_size (expected));
  ck_assert (memcmp (contents, g_bytes_get_data (expected, NULL), len) == 0);
  g_clear_object (&wait.result);

  rpt_project_load_async (file, NULL, rpt_test_async_ready, &wait);
  rpt_test_async_wait (&wait);
  loaded = rpt_project_load_finish (wait.result, &error);
  ck_assert_msg (loaded != NULL, "%s", error ? error->message : "");
  {
    g_autoptr(GBytes) again = rpt_project_to_bytes (loaded);
    ck_assert (g_bytes_equal (again, expected));
  }
  rpt_test_async_clear (&wait);
}
END_TEST

/* The bytes are taken when the save starts: edits made while the file is
 * being written are not in it, so the project stays dirty. */
START_TEST (test_async_save_then_edit)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "async.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RptProject) project = make_big_project ();
  g_autoptr(GBytes) at_start = rpt_project_to_bytes (project);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  RptTestAsync wait = { 0 };

  rpt_project_save_async (project, file, NULL, rpt_test_async_ready, &wait);
  ck_assert (rpt_project_add_annotation (project, "long", 10, 20, "joke", NULL, NULL));
  rpt_test_async_wait (&wait);
  ck_assert (rpt_project_save_finish (project, wait.result, &error));
  ck_assert (rpt_project_get_dirty (project));
  contents = rpt_test_read_file (path, &len);
  ck_assert_uint_eq (len, g_bytes_get_size (at_start));
  ck_assert (memcmp (contents, g_bytes_get_data (at_start, NULL), len) == 0);
  /* Undoing the edit returns to what is on disk. */
  ck_assert (rpt_project_undo (project));
  ck_assert (!rpt_project_get_dirty (project));
  rpt_test_async_clear (&wait);
}
END_TEST

START_TEST (test_async_failures)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *bad = rpt_test_write_file (dir, "bad.json", "{\"format\": \"something-else\"}", -1);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) remote = g_file_new_for_uri ("resource:///org/repartee/none.json");
  g_autoptr(RptProject) project = make_big_project ();
  g_autofree char *expected_folder = g_strdup_printf ("%s: is a folder, not a file", dir);
  g_autofree char *expected_bad =
    g_strdup_printf ("%s: format: “something-else” is not “repartee-project”: this is not a Repartee project", bad);
  g_autoptr(GError) error = NULL;
  RptTestAsync wait = { 0 };

  rpt_project_save_async (project, folder, NULL, rpt_test_async_ready, &wait);
  rpt_test_async_wait (&wait);
  ck_assert (!rpt_project_save_finish (project, wait.result, &error));
  ck_assert_str_eq (error->message, expected_folder);
  ck_assert (rpt_project_get_dirty (project));
  g_clear_error (&error);
  g_clear_object (&wait.result);

  rpt_project_load_async (bad_file, NULL, rpt_test_async_ready, &wait);
  rpt_test_async_wait (&wait);
  ck_assert_ptr_null (rpt_project_load_finish (wait.result, &error));
  ck_assert_str_eq (error->message, expected_bad);
  g_clear_error (&error);
  g_clear_object (&wait.result);

  rpt_project_load_async (remote, NULL, rpt_test_async_ready, &wait);
  rpt_test_async_wait (&wait);
  ck_assert_ptr_null (rpt_project_load_finish (wait.result, &error));
  ck_assert_str_eq (error->message, "Only local files can be opened");
  g_clear_error (&error);
  g_clear_object (&wait.result);

  rpt_project_save_async (project, remote, NULL, rpt_test_async_ready, &wait);
  rpt_test_async_wait (&wait);
  ck_assert (!rpt_project_save_finish (project, wait.result, &error));
  ck_assert_str_eq (error->message, "Only local files can be saved");
  ck_assert (rpt_project_get_dirty (project));
  rpt_test_async_clear (&wait);
}
END_TEST

static Suite *
safe_save_suite (void)
{
  Suite *s = suite_create ("safe-save");
  TCase *tc;

  tc = tcase_create ("failing-writes");
  tcase_add_test (tc, test_file_size_limit);
  tcase_add_test (tc, test_target_is_folder);
  tcase_add_test (tc, test_parent_folder_missing);
  tcase_add_test (tc, test_parent_is_a_file);
  suite_add_tcase (s, tc);

  tc = tcase_create ("replace");
  tcase_add_test (tc, test_replace_keeps_mode);
  tcase_add_test (tc, test_replace_through_symlink);
  suite_add_tcase (s, tc);

  tc = tcase_create ("async");
  tcase_add_test (tc, test_async_save_and_load);
  tcase_add_test (tc, test_async_save_then_edit);
  tcase_add_test (tc, test_async_failures);
  suite_add_tcase (s, tc);

  return s;
}

RPT_TEST_MAIN (safe_save_suite)
