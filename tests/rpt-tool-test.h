/* rpt-tool-test.h: helpers for the suites that run repartee-tool.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <check.h>
#include <glib.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

#include "rpt-test-util.h"

/* Runs repartee-tool with the NULL-terminated arguments after @err.
 * *out and *err are replaced (freed first), so one pair serves many runs. */
static inline int run (char **out, char **err, ...) G_GNUC_NULL_TERMINATED;

static inline int
run (char **out,
     char **err,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  if (out)
    g_clear_pointer (out, g_free);
  if (err)
    g_clear_pointer (err, g_free);
  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return rpt_test_run_tool ((const char * const *) args->pdata, out, err);
}

/* Runs a shell command line with $TOOL set; for redirections and limits.
 * *out and *err are replaced as by run(). */
static inline int
run_shell (const char  *script,
           char       **out,
           char       **err)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "TOOL", g_getenv ("REPARTEE_TOOL"), TRUE);
  const char *argv[] = { "/bin/sh", "-c", script, NULL };
  int status = 0;

  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  ck_assert_msg (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                               &status, &error),
                 "cannot run /bin/sh: %s", error ? error->message : "");
  ck_assert (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static inline guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static inline gboolean
file_equals (const char *path,
             const char *contents,
             gsize       len)
{
  g_autofree char *now = NULL;
  gsize now_len;

  if (!g_file_get_contents (path, &now, &now_len, NULL))
    return FALSE;
  return now_len == len && memcmp (now, contents, len) == 0;
}

#define ck_assert_contains(haystack, needle) \
  ck_assert_msg (strstr ((haystack), (needle)) != NULL, "“%s” not found in:\n%s", (needle), (haystack))
