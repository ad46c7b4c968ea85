/* rpt-tool.h: shared by the repartee-tool commands, one per file
 * (rpt-tool-COMMAND.c). Exit codes: 0 success, 1 refused input or failed
 * operation, 2 usage error.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rpt-core.h"
#include "rpt-output-guard.h"

G_BEGIN_DECLS

#define RPT_TOOL_OK        0
#define RPT_TOOL_FAILED    1
#define RPT_TOOL_USAGE     2

typedef int (*RptToolCommandFunc) (int argc, char **argv);

typedef struct
{
  const char         *name;
  const char         *summary;   /* translatable, marked with N_() */
  RptToolCommandFunc  run;
} RptToolCommand;

/* Parses @argv with @entries; prints the error and returns FALSE on a usage
 * error. @parameter is e.g. "PROJECT.json ARTICLE.txt…". --help prints the
 * help and exits 0. */
gboolean    rpt_tool_parse        (const char    *command,
                                   const char    *parameter,
                                   const char    *description,
                                   GOptionEntry  *entries,
                                   int           *argc,
                                   char        ***argv);
/* Prints "repartee-tool: MESSAGE" to stderr. */
void        rpt_tool_error        (const char    *format,
                                   ...) G_GNUC_PRINTF (1, 2);
/* Prints a usage error and returns RPT_TOOL_USAGE. */
int         rpt_tool_usage_error  (const char    *command,
                                   const char    *format,
                                   ...) G_GNUC_PRINTF (2, 3);
/* Loads a project, printing the error on failure. */
RptProject *rpt_tool_load         (const char    *path);
/* Checks that -o @output may be written as @kind (rpt-output-guard.h, the
 * rule every command's output follows) and prints the refusal with how to
 * proceed. Never the file being read (@inputs, NULL-terminated); an
 * existing file, a read-only one, another user's, a dangling link or a
 * folder of other files only with @force, and then *@note (optional) says
 * what is about to be replaced, for rpt_tool_replaced(). */
gboolean    rpt_tool_check_output (const char          *output,
                                   RptOutputKind        kind,
                                   const char * const  *inputs,
                                   gboolean             force,
                                   char               **note);
/* After a successful write: says what --force replaced, if it is worth
 * saying (@note from rpt_tool_check_output, or NULL). */
void        rpt_tool_replaced     (const char          *note);
/* A copy of @str safe to print on a terminal: names come from files anyone
 * may have written, and control characters (escape sequences, newlines)
 * become U+FFFD. */
char       *rpt_tool_printable    (const char    *str);
/* A file name for messages: UTF-8 and printable. */
char       *rpt_tool_display_name (const char    *path);

int rpt_tool_add      (int argc, char **argv);
int rpt_tool_validate (int argc, char **argv);
int rpt_tool_stats    (int argc, char **argv);
int rpt_tool_format   (int argc, char **argv);
int rpt_tool_summary  (int argc, char **argv);
int rpt_tool_export   (int argc, char **argv);
int rpt_tool_import   (int argc, char **argv);
int rpt_tool_reanchor (int argc, char **argv);
/* Locks @path for a command that rewrites it (rpt-file-lock.h), saying
 * so while it waits for another writer; prints the error and returns NULL
 * when that writer does not finish (rpt-tool-add.c). */
RptFileLock *rpt_tool_lock (const char *path);
/* Before add, format or reanchor saves @path in place: its own file is
 * replaced freely, but one that is read-only, another user's or a link to
 * nothing only with @force (the rule of rpt-output-guard.h); prints the
 * refusal and "PATH was not changed" (@existed) or "was not created".
 * *@note as for rpt_tool_check_output (rpt-tool-add.c). */
gboolean rpt_tool_check_in_place (const char  *path,
                                  gboolean     existed,
                                  gboolean     force,
                                  char       **note);
/* Lists the project's orphans, if any, after a heading (rpt-tool-reanchor.c). */
void rpt_tool_print_orphans (RptProject *project);

G_END_DECLS
