/* test-file-lock.c: the writers' lock (rpt-file-lock.h) and the check a
 * save makes before its rename (rpt_safe_file_expect): a held lock makes
 * the next writer wait and then gives up with a message naming the file;
 * a file replaced while locked is locked anew; a file not there yet is
 * locked through its folder; a save refuses to replace a file that
 * another program changed, created or replaced since it was read.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rpt-core.h"
#include "rpt-test-util.h"

RPT_TEST_TMPDIR_FIXTURE (dir)

#define ck_assert_error(error, domain, code) \
  ck_assert_msg (g_error_matches ((error), (domain), (code)), "expected %s %d, got: %s", #code, (code), \
                 (error) ? (error)->message : "no error")

static RptProject *
project_with (const char *id)
{
  RptProject *project = rpt_project_new ();
  g_autofree char *text = g_strdup_printf ("Report %s\n\nThe talks went on.\n", id);
  g_autoptr(RptDocument) document = rpt_document_new (id, "Report", "report.txt", text);

  ck_assert (rpt_project_add_document (project, document, NULL));
  return project;
}

static char *
write_project (const char *name,
               const char *id)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(RptProject) project = project_with (id);

  ck_assert (rpt_project_save_to_file (project, path, NULL));
  return g_steal_pointer (&path);
}

/* As another program writes @path: not taking the lock, replacing the
 * file by rename (g_file_set_contents). */
static void
write_unlocked (const char *path,
                const char *id)
{
  g_autoptr(RptProject) project = project_with (id);
  g_autoptr(GBytes) bytes = rpt_project_to_bytes (project);

  ck_assert (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL));
}

static void
count_waiting (const char *path,
               gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* Nothing but @name in the test folder: no temporary file was left. */
static void
assert_only_file (const char *name)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *entry;

  while ((entry = g_dir_read_name (folder)))
    ck_assert_msg (g_str_equal (entry, name), "left behind: %s", entry);
}

static gboolean
holds (const char *path,
       const char *id)
{
  g_autoptr(RptProject) project = rpt_project_load_from_file (path, NULL);

  return project != NULL && rpt_project_get_document (project, id) != NULL;
}

/* A writer that waits for the lock in a thread. */
typedef struct
{
  const char  *path;
  RptFileLock *lock;
  gint         waiting;
  gint         done;
} Waiter;

static void
waiter_waiting (const char *path,
                gpointer    user_data)
{
  Waiter *waiter = user_data;

  g_atomic_int_set (&waiter->waiting, 1);
}

static gpointer
waiter_thread (gpointer data)
{
  Waiter *waiter = data;

  waiter->lock = rpt_file_lock_acquire (waiter->path, 30 * 1000, waiter_waiting, waiter, NULL);
  g_atomic_int_set (&waiter->done, 1);
  return NULL;
}

/* Starts a waiter on @waiter->path and returns once it waits: it has
 * opened what the path named then and found it locked. */
static GThread *
start_waiter (Waiter *waiter)
{
  GThread *thread = g_thread_new ("waiter", waiter_thread, waiter);
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!g_atomic_int_get (&waiter->waiting))
    {
      ck_assert_msg (g_get_monotonic_time () < end, "the waiter never waited");
      ck_assert_int_eq (g_atomic_int_get (&waiter->done), 0);
      g_usleep (1000);
    }
  return thread;
}

START_TEST (test_busy_waits_then_gives_up)
{
  g_autofree char *path = write_project ("busy.json", "first");
  g_autoptr(RptFileLock) held = rpt_file_lock_acquire (path, 1000, NULL, NULL, NULL);
  g_autoptr(RptFileLock) second = NULL;
  g_autoptr(GError) error = NULL;
  guint waited = 0;

  ck_assert_ptr_nonnull (held);
  ck_assert (rpt_file_lock_get_stamp (held)->exists);

  /* Another writer waits, says so once, and gives up naming the file. */
  second = rpt_file_lock_acquire (path, 300, count_waiting, &waited, &error);
  ck_assert_ptr_null (second);
  ck_assert_error (error, RPT_ERROR, RPT_ERROR_BUSY);
  ck_assert_uint_eq (waited, 1);
  ck_assert_msg (g_str_has_prefix (error->message, path), "%s", error->message);
  ck_assert_msg (strstr (error->message, "another program is still saving it") != NULL, "%s", error->message);

  /* Once released, the next writer gets it at once. */
  g_clear_pointer (&held, rpt_file_lock_release);
  g_clear_error (&error);
  waited = 0;
  second = rpt_file_lock_acquire (path, 300, count_waiting, &waited, &error);
  ck_assert_ptr_nonnull (second);
  ck_assert_uint_eq (waited, 0);
}
END_TEST

START_TEST (test_replaced_file_is_locked_anew)
{
  g_autofree char *path = write_project ("replaced.json", "first");
  RptFileLock *held = rpt_file_lock_acquire (path, 1000, NULL, NULL, NULL);
  RptFileStamp old = *rpt_file_lock_get_stamp (held);
  Waiter waiter = { path, NULL, 0, 0 };
  g_autoptr(GThread) thread = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RptFileLock) third = NULL;

  /* It waits on the file the path names now... */
  thread = start_waiter (&waiter);
  g_usleep (50 * 1000);
  ck_assert_int_eq (g_atomic_int_get (&waiter.done), 0);

  /* The holder saves (a new file renamed over the old) and lets go. */
  {
    g_autoptr(RptProject) project = project_with ("second");
    ck_assert (rpt_project_save_locked (project, held, &error));
  }
  rpt_file_lock_release (held);
  g_thread_join (g_steal_pointer (&thread));

  /* ...but holds the new file, not the one that was replaced. */
  ck_assert_ptr_nonnull (waiter.lock);
  ck_assert (rpt_file_stamp_matches (rpt_file_lock_get_stamp (waiter.lock), path));
  ck_assert (!rpt_file_stamp_matches (&old, path));
  third = rpt_file_lock_acquire (path, 100, NULL, NULL, &error);
  ck_assert_ptr_null (third);
  ck_assert_error (error, RPT_ERROR, RPT_ERROR_BUSY);
  rpt_file_lock_release (waiter.lock);
}
END_TEST

START_TEST (test_missing_file_locked_through_folder)
{
  g_autofree char *path = g_build_filename (dir, "new.json", NULL);
  RptFileLock *held = rpt_file_lock_acquire (path, 1000, NULL, NULL, NULL);
  Waiter waiter = { path, NULL, 0, 0 };
  g_autoptr(GThread) thread = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RptFileLock) other = NULL;

  ck_assert_ptr_nonnull (held);
  ck_assert (!rpt_file_lock_get_stamp (held)->exists);
  other = rpt_file_lock_acquire (path, 100, NULL, NULL, &error);
  ck_assert_ptr_null (other);
  ck_assert_error (error, RPT_ERROR, RPT_ERROR_BUSY);

  /* The second creator waits, then finds the file the first one made. */
  thread = start_waiter (&waiter);
  {
    g_autoptr(RptProject) project = project_with ("made");
    g_autoptr(GError) save_error = NULL;

    ck_assert_msg (rpt_project_save_locked (project, held, &save_error), "%s", save_error ? save_error->message : "");
  }
  rpt_file_lock_release (held);
  g_thread_join (g_steal_pointer (&thread));
  ck_assert_ptr_nonnull (waiter.lock);
  ck_assert (rpt_file_lock_get_stamp (waiter.lock)->exists);
  ck_assert (rpt_file_stamp_matches (rpt_file_lock_get_stamp (waiter.lock), path));
  ck_assert (holds (path, "made"));
  g_clear_error (&error);
  g_clear_pointer (&other, rpt_file_lock_release);
  other = rpt_file_lock_acquire (path, 100, NULL, NULL, &error);
  ck_assert_ptr_null (other);
  ck_assert_error (error, RPT_ERROR, RPT_ERROR_BUSY);
  rpt_file_lock_release (waiter.lock);
}
END_TEST

/* ---- The check before the rename ---- */

START_TEST (test_save_refuses_changed_file)
{
  g_autofree char *path = write_project ("changed.json", "first");
  g_autoptr(RptProject) mine = project_with ("mine");
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;

  /* Another program (not taking the lock) replaces the file by rename
   * after this writer read it. */
  {
    g_autoptr(RptFileLock) lock = rpt_file_lock_acquire (path, 1000, NULL, NULL, NULL);

    write_unlocked (path, "theirs");
    theirs = rpt_test_read_file (path, NULL);
    ck_assert (!rpt_project_save_locked (mine, lock, &error));
  }
  ck_assert_error (error, RPT_ERROR, RPT_ERROR_CHANGED);
  ck_assert_msg (g_str_has_prefix (error->message, path), "%s", error->message);
  ck_assert_msg (strstr (error->message, "changed it since it was read") != NULL, "%s", error->message);
  ck_assert (rpt_project_get_dirty (mine));
  {
    g_autofree char *now = rpt_test_read_file (path, NULL);
    ck_assert_str_eq (now, theirs);
  }
  assert_only_file ("changed.json");

  /* Rewritten in place (same file, other contents): refused as well. */
  g_clear_error (&error);
  {
    g_autoptr(RptFileLock) lock = rpt_file_lock_acquire (path, 1000, NULL, NULL, NULL);
    FILE *f = fopen (path, "a");

    ck_assert_ptr_nonnull (f);
    fputs ("\n", f);
    fclose (f);
    ck_assert (!rpt_project_save_locked (mine, lock, &error));
  }
  ck_assert_error (error, RPT_ERROR, RPT_ERROR_CHANGED);
  ck_assert (holds (path, "theirs"));
  assert_only_file ("changed.json");
}
END_TEST

START_TEST (test_save_never_replaces_new_file)
{
  g_autofree char *path = g_build_filename (dir, "created.json", NULL);
  g_autoptr(RptProject) mine = project_with ("mine");
  g_autoptr(GError) error = NULL;

  /* Not there when this writer looked; another program made it since. */
  {
    g_autoptr(RptFileLock) lock = rpt_file_lock_acquire (path, 1000, NULL, NULL, NULL);

    ck_assert (!rpt_file_lock_get_stamp (lock)->exists);
    write_unlocked (path, "theirs");
    ck_assert (!rpt_project_save_locked (mine, lock, &error));
  }
  ck_assert_error (error, RPT_ERROR, RPT_ERROR_CHANGED);
  ck_assert (holds (path, "theirs"));
  assert_only_file ("created.json");

  /* Deleted since it was read: nothing to lose, so the save makes it. */
  g_clear_error (&error);
  {
    g_autoptr(RptFileLock) lock = rpt_file_lock_acquire (path, 1000, NULL, NULL, NULL);

    ck_assert (rpt_file_lock_get_stamp (lock)->exists);
    ck_assert_int_eq (g_unlink (path), 0);
    ck_assert_msg (rpt_project_save_locked (mine, lock, &error), "%s", error ? error->message : "");
  }
  ck_assert (holds (path, "mine"));
  ck_assert (!rpt_project_get_dirty (mine));
  assert_only_file ("created.json");
}
END_TEST

static Suite *
lock_suite (void)
{
  Suite *s = suite_create ("file-lock");
  TCase *tc = tcase_create ("lock");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_busy_waits_then_gives_up);
  tcase_add_test (tc, test_replaced_file_is_locked_anew);
  tcase_add_test (tc, test_missing_file_locked_through_folder);
  tcase_add_test (tc, test_save_refuses_changed_file);
  tcase_add_test (tc, test_save_never_replaces_new_file);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (lock_suite)
