/* test-save-syscalls.c: every kind of save reaches the disk in the order
 * that survives a power cut. A kill cannot show a missing fsync (the page
 * cache outlives the process, see test-kill-save.c), so this suite records
 * the system calls themselves (rpt-syscall-log.c). For a file the promise is:
 * all of it is written to a temporary file beside the target, that file is
 * fsynced after its last write, then renamed over the target, then the
 * folder is fsynced. For a folder export: every file, and the temporary
 * folder, are flushed before the folder is renamed into place, then the
 * parent is fsynced.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* nftw */
#include "config.h"

#include <check.h>
#include <ftw.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rpt-core.h"
#include "rpt-export.h"
#include "rpt-recovery.h"
#include "rpt-syscall-log.h"
#include "rpt-test-util.h"

static guint
n_calls (void)
{
  return rpt_syscall_log_get ()->len;
}

static RptCall *
call_at (guint i)
{
  return &g_array_index (rpt_syscall_log_get (), RptCall, i);
}

/* @path is @folder or in it. */
static gboolean
is_in (const char *path,
       const char *folder)
{
  gsize len = strlen (folder);

  return path != NULL && strncmp (path, folder, len) == 0 && (path[len] == '\0' || path[len] == '/');
}

static gboolean
is_flush (const RptCall *call)
{
  return call->kind == RPT_CALL_FSYNC || call->kind == RPT_CALL_FDATASYNC;
}

/* The last rename onto @target. */
static guint
find_rename_to (const char *target)
{
  for (guint i = n_calls (); i > 0; i--)
    if (call_at (i - 1)->kind == RPT_CALL_RENAME && g_strcmp0 (call_at (i - 1)->to, target) == 0)
      return i - 1;
  {
    g_autofree char *log = rpt_syscall_log_describe ();
    ck_abort_msg ("nothing was renamed onto %s; the calls were:%s", target, log);
  }
  return 0;
}

/* A flush of @path (fsync or fdatasync) after call @after and before call
 * @before, or -1. */
static int
find_flush (const char *path,
            int         after,
            guint       before)
{
  for (guint i = (guint) (after + 1); i < before; i++)
    if (is_flush (call_at (i)) && g_str_equal (call_at (i)->path, path))
      return (int) i;
  return -1;
}

/* The last write to @path before call @before (-1: none), and the bytes
 * written to it in all. */
static int
find_last_write (const char *path,
                 guint       before,
                 gsize      *bytes)
{
  int last = -1;

  *bytes = 0;
  for (guint i = 0; i < before; i++)
    if (call_at (i)->kind == RPT_CALL_WRITE && g_str_equal (call_at (i)->path, path))
      {
        last = (int) i;
        *bytes += call_at (i)->bytes;
      }
  return last;
}

/* @target (a real path) was replaced the safe way, in the calls recorded
 * since start_recording(): what it holds now was all written to one
 * temporary file in its folder, which was fsynced after its last write and
 * before it was renamed onto @target, and the folder was fsynced after. */
static void
assert_replaced_safely (const char *target)
{
  g_autofree char *log = rpt_syscall_log_describe ();
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *tmp_folder = NULL;
  const char *tmp;
  guint renamed;
  int last_write, flushed;
  gsize written;
  struct stat st;

  ck_assert_int_eq (g_stat (target, &st), 0);
  renamed = find_rename_to (target);
  tmp = call_at (renamed)->path;
  tmp_folder = g_path_get_dirname (tmp);
  ck_assert_msg (g_str_equal (tmp_folder, folder),
                 "%s was written in another folder than %s: a rename is atomic only within one file system",
                 tmp, target);

  last_write = find_last_write (tmp, n_calls (), &written);
  ck_assert_msg (last_write >= 0, "nothing was written to %s; the calls were:%s", tmp, log);
  ck_assert_msg ((guint) last_write < renamed, "%s was written after it was renamed; the calls were:%s", tmp, log);
  ck_assert_msg (written == (gsize) st.st_size, "%zu bytes were written to %s, and %s has %zu; the calls were:%s",
                 written, tmp, target, (gsize) st.st_size, log);
  for (guint i = renamed + 1; i < n_calls (); i++)
    ck_assert_msg (call_at (i)->kind != RPT_CALL_WRITE || !g_str_equal (call_at (i)->path, target),
                   "%s was written in place after the rename; the calls were:%s", target, log);

  flushed = find_flush (tmp, last_write, renamed);
  ck_assert_msg (flushed >= 0,
                 "%s was not fsynced between its last write and its rename onto %s: a power cut can leave "
                 "an empty file; the calls were:%s", tmp, target, log);
  ck_assert_msg (find_flush (folder, (int) renamed, n_calls ()) >= 0,
                 "the folder %s was not fsynced after the rename onto %s; the calls were:%s", folder, target, log);
}

/* @destination (a real path) is a folder export put in place safely: each
 * of its files was written in a temporary folder beside it, and made
 * durable (by syncfs of that folder's file system, or an fsync each) after
 * its last write, as was the temporary folder itself, before the folder
 * was renamed (or exchanged) onto @destination; the parent was fsynced
 * after. */
static void
assert_folder_replaced_safely (const char *destination)
{
  g_autofree char *log = rpt_syscall_log_describe ();
  g_autofree char *parent = g_path_get_dirname (destination);
  g_autofree char *tmp_parent = NULL;
  g_autoptr(GDir) dir = g_dir_open (destination, 0, NULL);
  const char *tmp, *name;
  guint renamed, n_files = 0;
  int last_write_any = -1, synced_fs = -1;

  ck_assert_ptr_nonnull (dir);
  renamed = find_rename_to (destination);
  tmp = call_at (renamed)->path;
  tmp_parent = g_path_get_dirname (tmp);
  ck_assert_str_eq (tmp_parent, parent);

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *written_as = g_build_filename (tmp, name, NULL);
      g_autofree char *now = g_build_filename (destination, name, NULL);
      gsize written;
      int last_write = find_last_write (written_as, renamed, &written);
      struct stat st;

      ck_assert_int_eq (g_stat (now, &st), 0);
      ck_assert_msg (last_write >= 0, "%s was not written before the rename; the calls were:%s", written_as, log);
      ck_assert_msg (written == (gsize) st.st_size, "%zu bytes were written to %s, which has %zu",
                     written, written_as, (gsize) st.st_size);
      last_write_any = MAX (last_write_any, last_write);
      n_files++;
    }
  ck_assert_uint_gt (n_files, 0);

  for (guint i = (guint) (last_write_any + 1); i < renamed; i++)
    if (call_at (i)->kind == RPT_CALL_SYNCFS && is_in (call_at (i)->path, tmp))
      synced_fs = (int) i;
  if (synced_fs < 0)
    {
      /* Without syncfs: an fsync of every file after its last write. */
      g_dir_rewind (dir);
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *written_as = g_build_filename (tmp, name, NULL);
          gsize written;
          int last_write = find_last_write (written_as, renamed, &written);

          ck_assert_msg (find_flush (written_as, last_write, renamed) >= 0,
                         "%s was neither fsynced nor its file system synced before the rename onto %s; "
                         "the calls were:%s", written_as, destination, log);
        }
    }
  ck_assert_msg (find_flush (tmp, last_write_any, renamed) >= 0,
                 "the temporary folder %s was not fsynced before its rename onto %s; the calls were:%s",
                 tmp, destination, log);
  ck_assert_msg (find_flush (parent, (int) renamed, n_calls ()) >= 0,
                 "the folder %s was not fsynced after the rename onto %s; the calls were:%s",
                 parent, destination, log);
}

/* ---- What is saved ---- */

/* A real temporary folder (g_get_tmp_dir() may be reached by a link). */
static char *
make_dir (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  char *real = realpath (dir, NULL);
  char *copy;

  ck_assert_ptr_nonnull (real);
  copy = g_strdup (real);
  free (real);
  return copy;
}

/* A project with @n_documents articles, each with a few annotations. */
static RptProject *
make_project (guint n_documents)
{
  RptProject *project = rpt_project_new ();

  for (guint d = 0; d < n_documents; d++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(RptDocument) doc = NULL;
      g_autofree char *id = g_strdup_printf ("d%u", d);
      g_autofree char *title = g_strdup_printf ("Dispatch %u", d);

      for (guint i = 0; i < 40; i++)
        g_string_append_printf (text, "The harbour master said %u boats were late. ", i);
      doc = rpt_document_new (id, title, "dispatch.txt", text->str);
      ck_assert (rpt_project_add_document (project, doc, NULL));
      ck_assert (rpt_project_add_annotation (project, id, 0, 40, "claim", NULL, NULL));
      ck_assert (rpt_project_add_annotation (project, id, 45, 80, "joke", NULL, NULL));
    }
  return project;
}

static void
assert_file_holds (const char *path,
                   GBytes     *expected)
{
  gsize len;
  g_autofree char *contents = rpt_test_read_file (path, &len);

  ck_assert_uint_eq (len, g_bytes_get_size (expected));
  ck_assert (memcmp (contents, g_bytes_get_data (expected, NULL), len) == 0);
}

/* ---- Project saves ---- */

START_TEST (test_project_save_new_file)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "new.json", NULL);
  g_autoptr(RptProject) project = make_project (3);
  g_autoptr(GBytes) expected = rpt_project_to_bytes (project);
  g_autoptr(GError) error = NULL;

  rpt_syscall_log_start (dir);
  ck_assert_msg (rpt_project_save_to_file (project, path, &error), "%s", error ? error->message : "");
  rpt_syscall_log_stop ();
  assert_file_holds (path, expected);
  assert_replaced_safely (path);
}
END_TEST

START_TEST (test_project_save_over_old_file)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = rpt_test_write_file (dir, "project.json", "{\"the previous\": \"file\"}\n", -1);
  g_autoptr(RptProject) project = make_project (3);
  g_autoptr(GBytes) expected = rpt_project_to_bytes (project);
  g_autoptr(GError) error = NULL;

  rpt_syscall_log_start (dir);
  ck_assert_msg (rpt_project_save_to_file (project, path, &error), "%s", error ? error->message : "");
  rpt_syscall_log_stop ();
  assert_file_holds (path, expected);
  assert_replaced_safely (path);
}
END_TEST

/* The save of the window: the bytes are made and written in a worker. */
START_TEST (test_project_save_async)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = rpt_test_write_file (dir, "project.json", "{}\n", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RptProject) project = make_project (3);
  g_autoptr(GBytes) expected = rpt_project_to_bytes (project);
  g_autoptr(GError) error = NULL;
  RptTestAsync wait = { 0 };

  rpt_syscall_log_start (dir);
  rpt_project_save_async (project, file, NULL, rpt_test_async_ready, &wait);
  rpt_test_async_wait (&wait);
  rpt_syscall_log_stop ();
  ck_assert_msg (rpt_project_save_finish (project, wait.result, &error), "%s", error ? error->message : "");
  assert_file_holds (path, expected);
  assert_replaced_safely (path);
  rpt_test_async_clear (&wait);
}
END_TEST

/* A link is kept; the file it points to is replaced, and its own folder
 * is the one fsynced. */
START_TEST (test_save_through_link)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *real_dir = g_build_filename (dir, "real", NULL);
  g_autofree char *link_dir = g_build_filename (dir, "links", NULL);
  g_autofree char *target = NULL;
  g_autofree char *link = g_build_filename (link_dir, "project.json", NULL);
  g_autoptr(RptProject) project = make_project (1);
  g_autoptr(GBytes) expected = rpt_project_to_bytes (project);
  g_autoptr(GError) error = NULL;

  ck_assert_int_eq (g_mkdir (real_dir, 0700), 0);
  ck_assert_int_eq (g_mkdir (link_dir, 0700), 0);
  target = rpt_test_write_file (real_dir, "project.json", "{}\n", -1);
  ck_assert_int_eq (symlink (target, link), 0);

  rpt_syscall_log_start (dir);
  ck_assert_msg (rpt_project_save_to_file (project, link, &error), "%s", error ? error->message : "");
  rpt_syscall_log_stop ();
  ck_assert (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_file_holds (target, expected);
  assert_replaced_safely (target);
}
END_TEST

/* What repartee-tool summary -o and the window's Export Chart write. */
START_TEST (test_replace_file)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "summary.md", NULL);
  static const char text[] = "# Summary\n\nA line of the summary.\n";
  g_autoptr(GBytes) expected = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;

  rpt_syscall_log_start (dir);
  ck_assert_msg (rpt_safe_file_replace (path, text, sizeof text - 1, &error), "%s",
                 error ? error->message : "");
  rpt_syscall_log_stop ();
  assert_file_holds (path, expected);
  assert_replaced_safely (path);
}
END_TEST

/* ---- Exports ---- */

/* A JSONL export of more than the 4 MB the exporter writes at a time, so
 * that the file is written in several pieces. */
START_TEST (test_export_file)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "out.jsonl", NULL);
  g_autoptr(RptProject) project = make_project (2500);
  g_autoptr(GError) error = NULL;
  RptExportOptions options;
  gsize writes = 0;
  struct stat st;

  rpt_export_options_init (&options, RPT_EXPORT_JSONL);
  rpt_syscall_log_start (dir);
  ck_assert_msg (rpt_export (project, &options, path, NULL, NULL, NULL, NULL, &error), "%s",
                 error ? error->message : "");
  rpt_syscall_log_stop ();
  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_int_gt (st.st_size, 4 << 20);
  assert_replaced_safely (path);
  for (guint i = 0; i < n_calls (); i++)
    writes += call_at (i)->kind == RPT_CALL_WRITE;
  ck_assert_uint_gt (writes, 1);
}
END_TEST

static void
export_folder (RptExportFormat  format,
               const char      *dir,
               const char      *destination)
{
  g_autoptr(RptProject) project = make_project (5);
  g_autoptr(GError) error = NULL;
  RptExportOptions options;

  rpt_export_options_init (&options, format);
  rpt_syscall_log_start (dir);
  ck_assert_msg (rpt_export (project, &options, destination, NULL, NULL, NULL, NULL, &error), "%s",
                 error ? error->message : "");
  rpt_syscall_log_stop ();
}

START_TEST (test_export_brat)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *destination = g_build_filename (dir, "brat", NULL);

  export_folder (RPT_EXPORT_BRAT, dir, destination);
  assert_folder_replaced_safely (destination);
  /* Again over the first export. */
  export_folder (RPT_EXPORT_BRAT, dir, destination);
  assert_folder_replaced_safely (destination);
}
END_TEST

START_TEST (test_export_label_studio)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *destination = g_build_filename (dir, "label-studio", NULL);

  export_folder (RPT_EXPORT_LABEL_STUDIO, dir, destination);
  assert_folder_replaced_safely (destination);
}
END_TEST

/* Where syncfs() fails, each file is fsynced instead. */
START_TEST (test_export_folder_without_syncfs)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *destination = g_build_filename (dir, "brat", NULL);

  rpt_syscall_log_fail_syncfs (TRUE);
  export_folder (RPT_EXPORT_BRAT, dir, destination);
  rpt_syscall_log_fail_syncfs (FALSE);
  for (guint i = 0; i < n_calls (); i++)
    ck_assert_int_ne (call_at (i)->kind, RPT_CALL_SYNCFS);
  assert_folder_replaced_safely (destination);
}
END_TEST

/* ---- The recovery copy ---- */

static void
on_written (RptRecovery *recovery,
            GMainLoop   *loop)
{
  g_main_loop_quit (loop);
}

/* The window's copy of unsaved work, written in a worker: the description
 * and the project, each replaced safely. */
START_TEST (test_recovery_copy)
{
  g_autofree char *dir = rpt_recovery_get_dir ();
  g_autoptr(RptRecovery) recovery = NULL;
  g_autoptr(RptProject) project = make_project (3);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GBytes) expected = rpt_project_to_bytes (project);
  g_autofree char *json = NULL;
  g_autofree char *info = NULL;
  g_autoptr(RptProject) loaded = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert_int_eq (g_mkdir_with_parents (dir, 0700), 0);
  recovery = rpt_recovery_new ();
  g_signal_connect (recovery, "written", G_CALLBACK (on_written), loop);
  rpt_syscall_log_start (dir);
  rpt_recovery_set_project (recovery, project, NULL, "Unsaved work");
  rpt_recovery_write_now (recovery);
  g_main_loop_run (loop);
  rpt_syscall_log_stop ();

  {
    char *real = realpath (rpt_recovery_get_path (recovery), NULL);

    ck_assert_ptr_nonnull (real);
    json = g_strdup (real);
    free (real);
  }
  ck_assert (g_str_has_suffix (json, ".json"));
  info = g_strdup (json);
  strcpy (info + strlen (info) - strlen (".json"), ".ini");
  assert_file_holds (json, expected);
  assert_replaced_safely (info);
  assert_replaced_safely (json);
  loaded = rpt_project_load_from_file (json, &error);
  ck_assert_msg (loaded != NULL, "%s", error ? error->message : "");
  rpt_recovery_set_project (recovery, NULL, NULL, NULL);
}
END_TEST

static Suite *
save_syscalls_suite (void)
{
  Suite *s = suite_create ("save-syscalls");
  TCase *tc = tcase_create ("project");

  tcase_add_test (tc, test_project_save_new_file);
  tcase_add_test (tc, test_project_save_over_old_file);
  tcase_add_test (tc, test_project_save_async);
  tcase_add_test (tc, test_save_through_link);
  tcase_add_test (tc, test_replace_file);
  suite_add_tcase (s, tc);

  tc = tcase_create ("export");
  tcase_add_test (tc, test_export_file);
  tcase_add_test (tc, test_export_brat);
  tcase_add_test (tc, test_export_label_studio);
  tcase_add_test (tc, test_export_folder_without_syncfs);
  suite_add_tcase (s, tc);

  tc = tcase_create ("recovery");
  tcase_add_test (tc, test_recovery_copy);
  suite_add_tcase (s, tc);
  return s;
}

static int
remove_entry (const char        *path,
              const struct stat *st,
              int                flag,
              struct FTW        *ftw)
{
  return remove (path);
}

int
main (void)
{
  g_autofree char *data_home = g_dir_make_tmp ("repartee-test-data-XXXXXX", NULL);
  int status;

  /* Recovery copies go to the user's data folder: a fresh one, set before
   * anything asks GLib for it. */
  if (data_home == NULL)
    return EXIT_FAILURE;
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  status = rpt_test_run (save_syscalls_suite ());
  nftw (data_home, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
  return status;
}
