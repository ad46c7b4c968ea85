/* rpt-test-util.h: helpers shared by the Check suites.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh temporary folder, removed with its contents at exit. */
char    *rpt_test_make_tmpdir   (void);
/* Writes @len bytes (-1: a NUL-terminated string) to @dir/@name; returns the path. */
char    *rpt_test_write_file    (const char *dir,
                                 const char *name,
                                 const char *contents,
                                 gssize      len);
/* Whole file contents (aborts the test if unreadable). */
char    *rpt_test_read_file     (const char *path,
                                 gsize      *len);
/* Runs repartee-tool (from $REPARTEE_TOOL) with @argv (NULL-terminated,
 * without the program name); captures output and returns the exit status. */
int      rpt_test_run_tool      (const char * const *argv,
                                 char              **out,
                                 char              **err);
/* $REPARTEE_SOURCE_DIR/@relative */
char    *rpt_test_source_path   (const char *relative);

G_END_DECLS
