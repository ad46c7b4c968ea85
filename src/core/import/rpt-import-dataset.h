/* rpt-import-dataset.h: labelled datasets into a new project: JSON Lines,
 * Label Studio, brat, and plain-text articles (docs/EXPORT.md, "Import").
 *
 * Every offset is checked against the text (in range, not inside a
 * character, and equal to the quoted text where the file quotes it). A bad
 * record is refused with its file, line and reason and nothing is imported,
 * unless skip_bad is set: then the bad records are left out and each is
 * reported in the warnings. The result is a new project; nothing existing is
 * changed.
 *
 * The parsers work on bytes (rpt_import_dataset_from_inputs), so that tests
 * and fuzzers can call them without files.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rpt-export.h"
#include "rpt-project.h"

G_BEGIN_DECLS

typedef enum {
  RPT_IMPORT_TEXT,
  RPT_IMPORT_JSONL,
  RPT_IMPORT_LABEL_STUDIO,
  RPT_IMPORT_BRAT,
  RPT_IMPORT_N_FORMATS /*< skip >*/
} RptImportFormat;

typedef struct
{
  RptImportFormat format;
  /* JSON Lines and Label Studio: the unit of offsets when the file does
   * not name one ("offset_unit"). */
  RptOffsetUnit   offsets;
  /* Leave bad records out (and report them) instead of refusing. */
  gboolean        skip_bad;
} RptImportOptions;

/* One input: a file's base name (it decides the role of a brat or Label
 * Studio file and appears in messages) and its bytes. */
typedef struct
{
  const char *name;
  const char *data;
  gsize       len;
} RptImportInput;

void         rpt_import_options_init        (RptImportOptions *options,
                                             RptImportFormat   format);
/* "text", "jsonl", "label-studio", "brat" */
gboolean     rpt_import_format_from_string  (const char       *str,
                                             RptImportFormat  *out);

/* Reads @paths: files, or folders for brat (every .txt with its .ann, and
 * annotation.conf / visual.conf) and Label Studio (its .json task lists and
 * label_config.xml). A Label Studio task file brings label_config.xml from
 * beside it, a brat .txt or .ann brings its partner and the folder's
 * configuration. @warnings_out receives strings (g_free). */
RptProject  *rpt_import_dataset             (const RptImportOptions  *options,
                                             const char * const      *paths,
                                             GPtrArray               *warnings_out,
                                             GError                 **error);

/* rpt_import_dataset() in a worker thread, for the window. */
void         rpt_import_dataset_async       (const RptImportOptions  *options,
                                             const char * const      *paths,
                                             GCancellable            *cancellable,
                                             GAsyncReadyCallback      callback,
                                             gpointer                 user_data);
/* @warnings: (out) (transfer full) (optional): array of strings. */
RptProject  *rpt_import_dataset_finish      (GAsyncResult            *result,
                                             GPtrArray              **warnings,
                                             GError                 **error);

/* The same over bytes already read. */
RptProject  *rpt_import_dataset_from_inputs (const RptImportOptions  *options,
                                             const RptImportInput    *inputs,
                                             guint                    n_inputs,
                                             GPtrArray               *warnings_out,
                                             GError                 **error);

G_END_DECLS
