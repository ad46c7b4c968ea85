/* rpt-export.h: labelled datasets for other tools (docs/EXPORT.md).
 *
 * An export reads the project and never changes it. It works in steps so
 * that the window can run it off the main thread:
 *
 *   1. rpt_project_snapshot_new() takes the project as it is
 *      (rpt-project-snapshot.h), quickly, on the thread that owns it.
 *   2. rpt_export_selection_new() indexes what the options select from the
 *      snapshot (articles, their annotations, labels, speakers, relations),
 *      and rpt_export_selection_write() formats and writes it. Both touch
 *      nothing but the snapshot, so they may run in any thread while the
 *      user keeps editing the project.
 *
 * rpt_export() does all of it in the calling thread; rpt_export_async() takes
 * the snapshot at once and does the rest in a GTask thread.
 *
 * Offsets are Unicode code points everywhere inside Repartee; an export may
 * write UTF-16 code units or UTF-8 bytes instead (see RptOffsetUnit).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rpt-project.h"
#include "rpt-project-snapshot.h"

G_BEGIN_DECLS

typedef enum {
  RPT_EXPORT_JSONL,        /* one JSON object per article and line (doccano, spaCy scripts) */
  RPT_EXPORT_LABEL_STUDIO, /* folder: tasks.json + label_config.xml */
  RPT_EXPORT_BRAT,         /* folder: .txt/.ann per article + annotation.conf, visual.conf */
  RPT_EXPORT_CONLL,        /* token-level IOB2 */
  RPT_EXPORT_CSV,          /* one row per annotation, RFC 4180 */
  RPT_EXPORT_W3C,          /* W3C Web Annotation AnnotationCollection, JSON-LD */
  RPT_EXPORT_N_FORMATS     /*< skip >*/
} RptExportFormat;

typedef enum {
  RPT_OFFSETS_CODEPOINTS,  /* Python str, GtkTextIter, W3C selectors */
  RPT_OFFSETS_UTF16,       /* JavaScript string indexes */
  RPT_OFFSETS_BYTES,       /* UTF-8 byte offsets */
  RPT_OFFSETS_N_UNITS      /*< skip >*/
} RptOffsetUnit;

typedef struct
{
  RptExportFormat      format;
  /* Only for formats where rpt_export_format_has_offset_choice() is TRUE. */
  RptOffsetUnit        offsets;
  /* NULL-terminated ids; NULL means all, in project order. */
  const char * const  *document_ids;
  const char * const  *label_ids;
  /* CoNLL: one tag column per label instead of one column with priority. */
  gboolean             conll_layers;
  /* Folders: replace one that Repartee did not write (or that changed
   * since), or that is read-only or someone else's, as --force does. A
   * folder holding folders is never replaced (rpt-output-guard.h). */
  gboolean             replace;
} RptExportOptions;

/* Called with 0.0 … 1.0 as articles are written. */
typedef void (*RptProgressFunc) (double   fraction,
                                 gpointer user_data);

/* Code points, all articles, all labels. */
void         rpt_export_options_init             (RptExportOptions *options,
                                                  RptExportFormat   format);

/* "jsonl", "label-studio", "brat", "conll", "csv", "w3c" */
const char  *rpt_export_format_to_string          (RptExportFormat  format);
gboolean     rpt_export_format_from_string        (const char      *str,
                                                   RptExportFormat *out);
/* Translated display name ("Label Studio") and a one-line description. */
const char  *rpt_export_format_get_name           (RptExportFormat  format);
const char  *rpt_export_format_get_description    (RptExportFormat  format);
/* TRUE when the destination is a folder (brat, Label Studio). */
gboolean     rpt_export_format_writes_folder      (RptExportFormat  format);
/* File name extension with the dot (".jsonl"), or NULL for folders. */
const char  *rpt_export_format_get_extension      (RptExportFormat  format);
/* TRUE when the format lets the user pick the offset unit. brat and W3C
 * fix it (code points by their specifications); CoNLL has no offsets. */
gboolean     rpt_export_format_has_offset_choice  (RptExportFormat  format);

/* "codepoints", "utf16", "bytes" */
const char  *rpt_offset_unit_to_string            (RptOffsetUnit    unit);
gboolean     rpt_offset_unit_from_string          (const char      *str,
                                                   RptOffsetUnit   *out);

typedef struct _RptExportSelection RptExportSelection;

/* What @options select from @snapshot; any thread. Fails
 * (RPT_ERROR_NOT_FOUND) for an unknown article or label id and
 * (RPT_ERROR_INVALID) for an offset unit the format does not allow. */
RptExportSelection *rpt_export_selection_new      (RptProjectSnapshot      *snapshot,
                                                   const RptExportOptions  *options,
                                                   GError                 **error);
void         rpt_export_selection_free            (RptExportSelection      *selection);
guint        rpt_export_selection_get_n_documents (RptExportSelection      *selection);
guint        rpt_export_selection_get_n_annotations (RptExportSelection    *selection);

/* Writes @destination (a file, or a folder for brat and Label Studio) so that
 * it is either complete or untouched. An existing file is replaced: ask
 * rpt_output_inspect() first. A folder is replaced only as
 * RptExportOptions.replace says; a device or a pipe never. Appends human-readable warnings (what
 * the format cannot carry, spans dropped or widened) to @warnings_out, an
 * array of strings freed with g_free, if not NULL. Thread-safe with respect
 * to the project. */
gboolean     rpt_export_selection_write           (RptExportSelection *selection,
                                                   const char         *destination,
                                                   GPtrArray          *warnings_out,
                                                   RptProgressFunc     progress,
                                                   gpointer            progress_data,
                                                   GCancellable       *cancellable,
                                                   GError            **error);

/* Snapshot, select and write in the calling thread. */
gboolean     rpt_export                           (RptProject              *project,
                                                   const RptExportOptions  *options,
                                                   const char              *destination,
                                                   GPtrArray               *warnings_out,
                                                   RptProgressFunc          progress,
                                                   gpointer                 progress_data,
                                                   GCancellable            *cancellable,
                                                   GError                 **error);

/* Takes the snapshot now (call on the main thread), selects and writes in
 * a worker.
 * @progress is called in the thread-default main context of the caller. */
void         rpt_export_async                     (RptProject              *project,
                                                   const RptExportOptions  *options,
                                                   const char              *destination,
                                                   RptProgressFunc          progress,
                                                   gpointer                 progress_data,
                                                   GDestroyNotify           progress_notify,
                                                   GCancellable            *cancellable,
                                                   GAsyncReadyCallback      callback,
                                                   gpointer                 user_data);
/* @warnings: (out) (transfer full) (optional): array of strings. */
gboolean     rpt_export_finish                    (GAsyncResult            *result,
                                                   GPtrArray              **warnings,
                                                   GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RptExportSelection, rpt_export_selection_free)

G_END_DECLS
