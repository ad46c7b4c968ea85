/* test-tool-lock.c: commands that rewrite a project in place (add,
 * reanchor, format) working on the same project at once, as a script
 * running them in parallel or a user in two terminals does. No update is
 * lost: every run that says it saved has its work in the file, and a
 * command finding another writer at work waits for it and builds on what
 * it wrote.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "rpt-core.h"
#include "rpt-tool-test.h"

#define N_RUNS 20

RPT_TEST_TMPDIR_FIXTURE (dir)

/* A distinct article for run @i: its id will be "article-@i". */
static char *
write_article (guint i)
{
  g_autofree char *name = g_strdup_printf ("article-%u.txt", i);
  g_autofree char *text = g_strdup_printf ("Report number %u\n\nThe delegates of round %u said the talks went on.\n",
                                           i, i);

  return rpt_test_write_file (dir, name, text, -1);
}

/* @path: a saved project holding one article, "first". */
static char *
write_project (const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(RptDocument) document = rpt_document_new ("first", "First report", "first.txt",
                                                      "First report\n\nThe talks began.\n");

  ck_assert (rpt_project_add_document (project, document, NULL));
  ck_assert (rpt_project_save_to_file (project, path, NULL));
  return g_steal_pointer (&path);
}

static GSubprocess *
spawn_tool (const char *first,
            ...) G_GNUC_NULL_TERMINATED;

static GSubprocess *
spawn_tool (const char *first,
            ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("REPARTEE_TOOL"));
  va_start (ap, first);
  for (arg = first; arg; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  process = g_subprocess_newv ((const char * const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  ck_assert_msg (process != NULL, "cannot run the tool: %s", error ? error->message : "");
  return process;
}

/* Waits for @process; its exit status, stdout and stderr. */
static int
finish (GSubprocess  *process,
        char        **out,
        char        **err)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error),
                 "%s", error ? error->message : "");
  ck_assert (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

/* @n runs of `add PROJECT article-i.txt` at once; checks the promise:
 * the project loads, and every run that said it saved has its article
 * in it. Returns how many said they created the file. */
static guint
parallel_adds (const char *path,
               guint       n)
{
  GSubprocess *runs[N_RUNS];
  g_autoptr(RptProject) project = NULL;
  g_autoptr(GError) error = NULL;
  guint created = 0;

  ck_assert_uint_le (n, N_RUNS);
  /* All started before any is waited for. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *article = write_article (i);

      runs[i] = spawn_tool ("add", path, article, NULL);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = finish (runs[i], &out, &err);

      g_object_unref (runs[i]);
      /* Each waits for the others rather than refuse, so each succeeds. */
      ck_assert_msg (status == 0, "run %u exited %d:\n%s%s", i, status, out, err);
      ck_assert_msg (strstr (out, "Saved ") || strstr (out, "Created "), "run %u did not save:\n%s", i, out);
      created += strstr (out, "Created ") != NULL;
      {
        g_autofree char *added = g_strdup_printf ("as “article-%u”", i);
        ck_assert_contains (out, added);
      }
    }

  project = rpt_project_load_from_file (path, &error);
  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("article-%u", i);

      ck_assert_msg (rpt_project_get_document (project, id) != NULL,
                     "run %u said it saved, but “%s” is not in the project (a lost update)", i, id);
    }
  return created;
}

START_TEST (test_parallel_adds)
{
  g_autofree char *path = write_project ("shared.json");
  g_autoptr(RptProject) project = NULL;

  ck_assert_uint_eq (parallel_adds (path, N_RUNS), 0);
  project = rpt_project_load_from_file (path, NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (project)), N_RUNS + 1);
  ck_assert_ptr_nonnull (rpt_project_get_document (project, "first"));
}
END_TEST

START_TEST (test_parallel_adds_create)
{
  g_autofree char *path = g_build_filename (dir, "new.json", NULL);
  g_autoptr(RptProject) project = NULL;

  /* The first to get there creates it; the others add to what it made. */
  ck_assert_uint_eq (parallel_adds (path, N_RUNS), 1);
  project = rpt_project_load_from_file (path, NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (project)), N_RUNS);
}
END_TEST

/* ---- A command finding another writer at work ---- */

/* Starts @process and returns once it says it is waiting for the lock
 * held by the test. */
static GDataInputStream *
wait_until_waiting (GSubprocess *process,
                    const char  *path)
{
  GDataInputStream *in = g_data_input_stream_new (g_subprocess_get_stderr_pipe (process));
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_utf8 (in, NULL, NULL, &error);
  g_autofree char *expected = g_strdup_printf ("repartee-tool: %s is being saved by another program; "
                                               "waiting for it to finish…", path);

  ck_assert_msg (line != NULL, "the tool said nothing: %s", error ? error->message : "end of output");
  ck_assert_str_eq (line, expected);
  return in;
}

/* The rest of what @process prints, once it is done (*out and *err are
 * replaced). */
static int
finish_waiting (GSubprocess      *process,
                GDataInputStream *err_in,
                char            **out,
                char            **err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out_bytes = NULL;
  gsize len;

  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);

  *err = g_data_input_stream_read_upto (err_in, "", 1, &len, NULL, &error);
  ck_assert_msg (*err != NULL || error == NULL, "%s", error ? error->message : "");
  if (*err == NULL)
    *err = g_strdup ("");
  g_object_unref (err_in);
  out_bytes = g_input_stream_read_bytes (g_subprocess_get_stdout_pipe (process), 1 << 20, NULL, &error);
  ck_assert_ptr_nonnull (out_bytes);
  *out = g_strndup (g_bytes_get_data (out_bytes, NULL), g_bytes_get_size (out_bytes));
  ck_assert (g_subprocess_wait (process, NULL, NULL));
  ck_assert (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

/* As another writer does while the commands wait: read the locked
 * project, add @id and save. */
static void
write_under_lock (RptFileLock *lock,
                  const char  *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = rpt_project_load_from_file (rpt_file_lock_get_path (lock), &error);
  g_autofree char *text = g_strdup_printf ("Held report %s\n\nSaved while the others waited.\n", id);
  g_autoptr(RptDocument) document = rpt_document_new (id, "Held report", "held.txt", text);

  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  ck_assert (rpt_project_add_document (project, document, NULL));
  ck_assert_msg (rpt_project_save_locked (project, lock, &error), "%s", error ? error->message : "");
}

START_TEST (test_add_waits_for_writer)
{
  g_autofree char *path = write_project ("held.json");
  g_autofree char *article = write_article (1);
  g_autofree char *before = rpt_test_read_file (path, NULL);
  g_autoptr(RptFileLock) lock = rpt_file_lock_acquire (path, 1000, NULL, NULL, NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(RptProject) project = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GDataInputStream *err_in;

  ck_assert_ptr_nonnull (lock);
  process = spawn_tool ("add", path, article, NULL);
  err_in = wait_until_waiting (process, path);
  /* It waits: nothing is written while another writer holds the file. */
  {
    g_autofree char *now = rpt_test_read_file (path, NULL);
    ck_assert_str_eq (now, before);
  }

  /* The other writer saves; then the command reads that and adds to it. */
  write_under_lock (lock, "held");
  g_clear_pointer (&lock, rpt_file_lock_release);
  ck_assert_int_eq (finish_waiting (process, err_in, &out, &err), 0);
  ck_assert_contains (out, "Saved ");
  project = rpt_project_load_from_file (path, NULL);
  ck_assert_ptr_nonnull (project);
  ck_assert_ptr_nonnull (rpt_project_get_document (project, "held"));
  ck_assert_ptr_nonnull (rpt_project_get_document (project, "article-1"));
  ck_assert_ptr_nonnull (rpt_project_get_document (project, "first"));
}
END_TEST

START_TEST (test_reanchor_and_format_wait_for_writer)
{
  g_autofree char *path = write_project ("both.json");
  g_autofree char *replacement = rpt_test_write_file (dir, "first-v2.txt",
                                                      "First report\n\nThe talks began at noon.\n", -1);
  g_autofree char *article_option = g_strdup_printf ("first=%s", replacement);
  g_autofree char *unformatted = g_build_filename (dir, "compact.json", NULL);
  g_autoptr(GSubprocess) reanchor = NULL;
  g_autoptr(GSubprocess) format = NULL;
  g_autoptr(RptProject) project = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GDataInputStream *err_in;

  /* reanchor: waits, then replaces the text in what the writer saved. */
  {
    g_autoptr(RptFileLock) lock = rpt_file_lock_acquire (path, 1000, NULL, NULL, NULL);

    reanchor = spawn_tool ("reanchor", path, "--article", article_option, NULL);
    err_in = wait_until_waiting (reanchor, path);
    write_under_lock (lock, "held");
  }
  ck_assert_int_eq (finish_waiting (reanchor, err_in, &out, &err), 0);
  ck_assert_contains (out, "Saved ");
  project = rpt_project_load_from_file (path, NULL);
  ck_assert_ptr_nonnull (project);
  ck_assert_ptr_nonnull (rpt_project_get_document (project, "held"));
  ck_assert_str_eq (rpt_document_get_text (rpt_project_get_document (project, "first")),
                    "First report\n\nThe talks began at noon.\n");
  g_clear_object (&project);

  /* format: waits, then formats what the writer saved. */
  {
    g_autofree char *contents = rpt_test_read_file (path, NULL);
    g_autoptr(GString) compact = g_string_new (NULL);
    g_autoptr(RptFileLock) lock = NULL;

    /* The same JSON on fewer lines: not as Repartee writes it. */
    for (const char *p = contents; *p; p++)
      if (*p != '\n')
        g_string_append_c (compact, *p);
    g_free (rpt_test_write_file (dir, "compact.json", compact->str, -1));
    lock = rpt_file_lock_acquire (unformatted, 1000, NULL, NULL, NULL);
    format = spawn_tool ("format", unformatted, NULL);
    err_in = wait_until_waiting (format, unformatted);
    write_under_lock (lock, "held-again");
  }
  ck_assert_int_eq (finish_waiting (format, err_in, &out, &err), 0);
  project = rpt_project_load_from_file (unformatted, NULL);
  ck_assert_ptr_nonnull (project);
  ck_assert_ptr_nonnull (rpt_project_get_document (project, "held-again"));
}
END_TEST

static Suite *
lock_suite (void)
{
  Suite *s = suite_create ("tool-lock");
  TCase *tc = tcase_create ("writers");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_parallel_adds);
  tcase_add_test (tc, test_parallel_adds_create);
  tcase_add_test (tc, test_add_waits_for_writer);
  tcase_add_test (tc, test_reanchor_and_format_wait_for_writer);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (lock_suite)
