/* rpt-output-guard.h: what an output may be written over. Every output of
 * the tool (-o of export, summary and import), the window's export and the
 * folder writer ask here, so one rule decides (docs/RELIABILITY.md,
 * "Nothing overwritten by mistake"):
 *
 *   - never the file being read, nor a folder that holds it, even when
 *     forced: the output would destroy its own input;
 *   - never something of the wrong kind: a folder where a file goes, a
 *     file where a folder goes, a device or a pipe, a folder of folders;
 *   - freely a new name, an empty folder, or a folder that holds an export
 *     exactly as Repartee wrote it (its manifest, RPT_EXPORT_MANIFEST);
 *   - anything else (an existing file, a read-only one, one of another
 *     user, a symbolic link to nothing, a folder of the user's files) only
 *     when the user says so: --force, or Replace in the window.
 *
 * Identity is the device and inode, so a symbolic or hard link to the
 * input is the input.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The file a folder export writes first into the folder: what it writes,
 * with sizes and times (docs/EXPORT.md, "Safe writes"). */
#define RPT_EXPORT_MANIFEST ".repartee-export"

typedef enum {
  RPT_OUTPUT_FILE,
  RPT_OUTPUT_FOLDER,
} RptOutputKind;

typedef enum {
  RPT_OUTPUT_NEW,            /* nothing there, or an empty folder */
  RPT_OUTPUT_EARLIER_EXPORT, /* a folder holding an export as Repartee wrote it */
  RPT_OUTPUT_EXISTS,         /* an existing file */
  RPT_OUTPUT_READ_ONLY,      /* without write permission */
  RPT_OUTPUT_OTHER_OWNER,    /* owned by another user */
  RPT_OUTPUT_DANGLING_LINK,  /* a symbolic link to nothing */
  RPT_OUTPUT_FOREIGN_FILES,  /* a folder holding files Repartee did not write, or changed since */
  RPT_OUTPUT_INPUT,          /* the file being read, or a folder holding it */
  RPT_OUTPUT_UNSUITABLE,     /* the wrong kind of thing */
} RptOutputState;

/* What writing @path as @kind would replace. @inputs: the files the
 * command reads (NULL-terminated; may be NULL). @reason: (out) (optional):
 * a sentence naming @path and the state ("out.csv is read-only"), NULL for
 * RPT_OUTPUT_NEW. Looks, never changes anything. */
RptOutputState rpt_output_inspect                (const char          *path,
                                                  RptOutputKind        kind,
                                                  const char * const  *inputs,
                                                  char               **reason);
/* Replaced only when the user says so (--force, Replace). */
gboolean       rpt_output_state_needs_consent    (RptOutputState       state);
/* Never replaced. */
gboolean       rpt_output_state_is_refused       (RptOutputState       state);
/* Worth saying even when the user said to replace it: everything that
 * needs consent but a plain existing file. */
gboolean       rpt_output_state_is_notable       (RptOutputState       state);

/* For the folder writer: the names a manifest in the folder @dir_fd lists,
 * or NULL when there is none or it is not one Repartee wrote. */
GHashTable    *_rpt_output_manifest_names        (int                  dir_fd);

G_END_DECLS
