/* test-file-stamp.c: noticing that a project file changed on disk.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "rpt-core.h"
#include "rpt-test-util.h"

START_TEST (test_unchanged_file_matches)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = rpt_test_write_file (dir, "p.json", "{}", -1);
  RptFileStamp stamp;

  rpt_file_stamp_read (path, &stamp);
  ck_assert (stamp.exists);
  ck_assert (rpt_file_stamp_matches (&stamp, path));
}
END_TEST

START_TEST (test_rewritten_in_place_differs)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = rpt_test_write_file (dir, "p.json", "{}", -1);
  RptFileStamp stamp;
  FILE *f;

  rpt_file_stamp_read (path, &stamp);
  /* Another editor appends in place: same inode, new size. */
  f = fopen (path, "a");
  ck_assert_ptr_nonnull (f);
  fputs ("\n", f);
  fclose (f);
  ck_assert (!rpt_file_stamp_matches (&stamp, path));
}
END_TEST

START_TEST (test_replaced_differs)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = rpt_test_write_file (dir, "p.json", "{}", -1);
  g_autoptr(GError) error = NULL;
  RptFileStamp stamp;

  rpt_file_stamp_read (path, &stamp);
  /* Same size, replaced by rename (as git checkout or another Repartee does). */
  ck_assert (rpt_safe_file_replace (path, "[]", 2, &error));
  ck_assert (!rpt_file_stamp_matches (&stamp, path));
  rpt_file_stamp_read (path, &stamp);
  ck_assert (rpt_file_stamp_matches (&stamp, path));
}
END_TEST

START_TEST (test_deleted_and_missing)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = rpt_test_write_file (dir, "p.json", "{}", -1);
  g_autofree char *missing = g_build_filename (dir, "never.json", NULL);
  RptFileStamp stamp, none;

  rpt_file_stamp_read (path, &stamp);
  g_unlink (path);
  ck_assert (!rpt_file_stamp_matches (&stamp, path));

  rpt_file_stamp_read (missing, &none);
  ck_assert (!none.exists);
  ck_assert (rpt_file_stamp_matches (&none, missing));
  g_free (rpt_test_write_file (dir, "never.json", "{}", -1));
  ck_assert (!rpt_file_stamp_matches (&none, missing));
}
END_TEST

static Suite *
stamp_suite (void)
{
  Suite *s = suite_create ("file-stamp");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_unchanged_file_matches);
  tcase_add_test (tc, test_rewritten_in_place_differs);
  tcase_add_test (tc, test_replaced_differs);
  tcase_add_test (tc, test_deleted_and_missing);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (stamp_suite)
