/* rpt-test-util.h: helpers shared by the Check suites.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <check.h>
#include <gio/gio.h>
#include <stdarg.h>
#include <sys/resource.h>

G_BEGIN_DECLS

/* A fresh temporary folder, removed with its contents at exit. */
char    *rpt_test_make_tmpdir   (void);
/* Writes @len bytes (-1: a NUL-terminated string) to @dir/@name; returns the path. */
char    *rpt_test_write_file    (const char *dir,
                                 const char *name,
                                 const char *contents,
                                 gssize      len);
/* rpt_test_write_file () of a NUL-terminated string, as a GFile. */
GFile   *rpt_test_write_gfile   (const char *dir,
                                 const char *name,
                                 const char *contents);
/* Whole file contents (aborts the test if unreadable). */
char    *rpt_test_read_file     (const char *path,
                                 gsize      *len);
/* Runs repartee-tool (from $REPARTEE_TOOL) with @argv (NULL-terminated,
 * without the program name); captures output and returns the exit status. */
int      rpt_test_run_tool      (const char * const *argv,
                                 char              **out,
                                 char              **err);

/* Runs @argv (NULL-terminated, the program found in $PATH); returns the
 * exit status (128 when it did not exit) and sets @output to what it
 * wrote on both streams. */
int      rpt_test_run_command   (const char * const *argv,
                                 char              **output);

/* Whether one of @warnings (strings) contains @needle. */
gboolean rpt_test_has_warning   (GPtrArray          *warnings,
                                 const char         *needle);
/* The code point offset of the first @needle in @text (fails the test
 * when it is not there). */
guint    rpt_test_offset_of     (const char         *text,
                                 const char         *needle);

/* What an _async () call hands its callback, for the test's _finish ():
 * declare it zeroed, pass rpt_test_async_ready () and the RptTestAsync,
 * then rpt_test_async_wait (). */
typedef struct
{
  GAsyncResult *result;
  GThread      *thread;
} RptTestAsync;

/* The GAsyncReadyCallback: checks that it comes back on the thread that
 * waits for it and keeps the result. */
void     rpt_test_async_ready   (GObject            *source,
                                 GAsyncResult       *result,
                                 gpointer            async);
/* Iterates the main context until the callback has come. */
void     rpt_test_async_wait    (RptTestAsync       *async);
/* Drops the result, for the next call or the end of the test. */
void     rpt_test_async_clear   (RptTestAsync       *async);

/* Runs repartee-tool with the NULL-terminated arguments in @args; *out
 * and *err (either may be NULL) are replaced, freed first. */
int      rpt_test_run_tool_va   (char              **out,
                                 char              **err,
                                 va_list             args);
/* Runs a shell command line with $TOOL set to repartee-tool, for
 * redirections and limits; *out and *err are replaced, freed first. */
int      rpt_test_run_shell     (const char         *script,
                                 char              **out,
                                 char              **err);
/* How many line breaks @text has. */
guint    rpt_test_count_lines   (const char         *text);
/* Whether the file at @path holds exactly @contents (@len bytes). */
gboolean rpt_test_file_equals   (const char         *path,
                                 const char         *contents,
                                 gsize               len);

/* What the child of rpt_test_fail_under_limit () runs: a save that must
 * fail. Returns 0 when it failed as it should, with @error set; another
 * number (from 11 on) says which of its own checks went wrong. */
typedef int (*RptTestLimitedSave) (gpointer   data,
                                   GError   **error);
/* Runs @save in a child process whose files may not grow past @limit
 * bytes (a full disk, as the saving code sees it) and returns the message
 * of the error it failed with; fails the test if the child did not fail
 * so. */
char    *rpt_test_fail_under_limit (rlim_t             limit,
                                    RptTestLimitedSave save,
                                    gpointer           data);

/* Makes @path read-only (0444), as a user protects a file. */
void     rpt_test_make_read_only (const char *path);
/* Gives @path to the user nobody (65534), as a file of someone else's
 * (the suites that call it run as root). */
void     rpt_test_give_away     (const char *path);

/* $REPARTEE_SOURCE_DIR/@relative */
char    *rpt_test_source_path   (const char *relative);

/* Runs every test of @suite (Check's CK_ENV verbosity), frees it and
 * returns the process exit status: 0 when nothing failed. */
int      rpt_test_run           (Suite *suite);

/* The main () of a suite that needs nothing before it runs. */
#define RPT_TEST_MAIN(suite_func)                                              \
  int main (void) { return rpt_test_run (suite_func ()); }

/* A static @var and the setup () and teardown () that give each test a
 * fresh temporary folder there. */
#define RPT_TEST_TMPDIR_FIXTURE(var)                                           \
  static char *var;                                                            \
  static void setup (void) { var = rpt_test_make_tmpdir (); }                  \
  static void teardown (void) { g_clear_pointer (&var, g_free); }

/* Iterates the main context until @expr holds, instead of sleeping for a
 * guessed time; fails the test when @timeout_s seconds pass first.
 * rpt_test_wait_until (expr) waits up to 30 s. */
#define rpt_test_wait_until_timeout(expr, timeout_s)                           \
  G_STMT_START {                                                               \
    gint64 _rpt_end = g_get_monotonic_time () + (gint64) (timeout_s) * G_USEC_PER_SEC; \
    while (!(expr))                                                            \
      {                                                                        \
        ck_assert_msg (g_get_monotonic_time () < _rpt_end,                     \
                       "timed out waiting for: %s", #expr);                    \
        if (!g_main_context_iteration (NULL, FALSE))                           \
          g_usleep (2000);                                                     \
      }                                                                        \
  } G_STMT_END
#define RPT_TEST_WAIT_PICK_(_1, _2, name, ...) name
#define RPT_TEST_WAIT_30_(expr) rpt_test_wait_until_timeout (expr, 30)
#define rpt_test_wait_until(...)                                               \
  RPT_TEST_WAIT_PICK_ (__VA_ARGS__, rpt_test_wait_until_timeout,               \
                       RPT_TEST_WAIT_30_, unused) (__VA_ARGS__)

G_END_DECLS
