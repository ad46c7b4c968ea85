/* rpt-tool-test.h: helpers for the suites that run repartee-tool.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <check.h>
#include <glib.h>
#include <stdarg.h>
#include <string.h>

#include "rpt-test-util.h"

/* Runs repartee-tool with the NULL-terminated arguments after @err.
 * *out and *err are replaced (freed first), so one pair serves many runs. */
static inline int run (char **out, char **err, ...) G_GNUC_NULL_TERMINATED;

static inline int
run (char **out,
     char **err,
     ...)
{
  va_list ap;
  int status;

  va_start (ap, err);
  status = rpt_test_run_tool_va (out, err, ap);
  va_end (ap);
  return status;
}

/* The short names the tool suites use for the library's helpers. */
#define run_shell   rpt_test_run_shell
#define count_lines rpt_test_count_lines
#define file_equals rpt_test_file_equals

#define ck_assert_contains(haystack, needle) \
  ck_assert_msg (strstr ((haystack), (needle)) != NULL, "“%s” not found in:\n%s", (needle), (haystack))
