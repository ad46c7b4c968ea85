/* rpt-export-private.h: what the format writers read, and helpers they
 * share. Nothing here touches an RptProject: writers run in worker threads.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (RPT_EXPORT_COMPILATION) && !defined (RPT_IMPORT_COMPILATION) \
    && !defined (RPT_TESTS_COMPILATION)
# error "rpt-export-private.h is private to src/core/export, src/core/import and the tests (docs/ARCHITECTURE.md)."
#endif

#include "rpt-document.h"
#include "rpt-export.h"
#include "rpt-relation.h"
#include "rpt-safe-file.h"

G_BEGIN_DECLS

/* What the options select from the project snapshot, indexed for the
 * writers: built in the worker, pointing into the snapshot (which it holds)
 * rather than copying from it. */

typedef struct
{
  const char *id;
  const char *name;
  const char *color;        /* "#rrggbb" */
  const char *description;
  char       *safe_name;    /* rpt_export_safe_name (name) */
  guint       shortcut;
  guint       n_uses;       /* exported annotations with this label */
} RptExportLabel;

typedef struct
{
  const char *id;
  const char *name;
  char       *safe_name;
  guint       n_uses;
} RptExportSpeaker;

/* A span as the writers see it: the snapshot's annotation itself, or, when
 * the options leave labels out, a copy whose label is renumbered among the
 * selected labels. Its speaker indexes the selection's speakers (they are
 * the snapshot's); its document is the snapshot's index, not the
 * selection's. */
typedef RptSnapshotAnnotation RptExportSpan;

typedef struct _RptExportRelation RptExportRelation;

typedef struct
{
  RptDocument         *document;     /* the snapshot's; immutable */
  const RptExportSpan *spans;        /* text order */
  guint                n_spans;
  RptExportRelation  **relations;    /* both ends in this document */
  guint                n_relations;
} RptExportDocument;

struct _RptExportRelation
{
  const char          *id;
  RptRelationType      type;
  const RptExportSpan *from;
  const RptExportSpan *to;
};

struct _RptExportSelection
{
  RptProjectSnapshot *snapshot;
  RptExportFormat     format;
  RptOffsetUnit       offsets;
  gboolean            conll_layers;
  gboolean            replace;

  GArray             *labels;       /* RptExportLabel, project order */
  GArray             *speakers;     /* RptExportSpeaker, project order */
  RptExportDocument  *documents;
  guint               n_documents;
  RptExportSpan      *kept;         /* the copies, when labels are left out */
  guint               n_spans;
  RptExportRelation  *relations;    /* every exported relation */
  guint               n_relations;
  guint               n_cross_relations;  /* ends in different articles */
  guint               n_unselected_relations; /* an end not exported */
};

/* What a writer produces: one file (name NULL) or the files of a folder. */
typedef struct
{
  char    *name;
  GString *data;
} RptExportFile;

typedef struct
{
  RptExportSelection *selection;
  GPtrArray          *files;        /* RptExportFile */
  GPtrArray          *warnings;     /* char *, never NULL */
  RptProgressFunc     progress;
  gpointer            progress_data;
  GCancellable       *cancellable;
  /* Single-file formats: where the file goes as it is made (see
   * rpt_export_step). */
  RptSafeFile        *stream;
} RptExportContext;

/* A new output file; @name NULL for single-file formats. */
GString     *rpt_export_add_file         (RptExportContext  *ctx,
                                          const char        *name,
                                          gsize              reserve);
void         rpt_export_warn             (RptExportContext  *ctx,
                                          const char        *format,
                                          ...) G_GNUC_PRINTF (2, 3);
/* Reports progress after article @done of the selection's documents and
 * fails if the export was cancelled. A single file is written out as it
 * grows, from here: call it between articles. */
gboolean     rpt_export_step             (RptExportContext  *ctx,
                                          guint              done,
                                          GError           **error);
/* Code point offset in the unit the selection asks for. */
guint64      rpt_export_offset           (RptExportSelection *selection,
                                          RptDocument        *document,
                                          guint               char_offset);
/* "2026-11-22T10:00:00Z" (quotes included), or null when @usec < 0. */
void         rpt_export_append_time      (GString           *out,
                                          gint64             usec);
/* Appends text[start:end) (code points). */
void         rpt_export_append_slice     (GString           *out,
                                          RptDocument       *document,
                                          guint              start,
                                          guint              end);

/* Label and speaker names as brat and CoNLL need them: no spaces, only
 * [A-Za-z0-9_-]. Reversible: ' ' -> '_', any other character outside
 * [A-Za-z0-9] -> "-XX-" with its code point in hex ("Self-defence" ->
 * "Self-2d-defence"). */
char        *rpt_export_safe_name        (const char        *name);
/* The inverse; NULL if @safe is not a valid encoding. */
char        *rpt_export_safe_name_decode (const char        *safe);

/* A file name stem for an article id that cannot leave the folder: ASCII
 * letters, digits, '-', '_' and '.', not starting with '.' or '-', not a
 * Windows device name, at most 100 bytes, never empty, and unique
 * (case-insensitively) among @taken, to which it is added. */
char        *rpt_export_file_stem        (const char        *id,
                                          GHashTable        *taken);

gboolean     _rpt_export_jsonl           (RptExportContext *ctx, GError **error);
gboolean     _rpt_export_label_studio    (RptExportContext *ctx, GError **error);
gboolean     _rpt_export_brat            (RptExportContext *ctx, GError **error);
gboolean     _rpt_export_conll           (RptExportContext *ctx, GError **error);
gboolean     _rpt_export_csv             (RptExportContext *ctx, GError **error);
gboolean     _rpt_export_w3c             (RptExportContext *ctx, GError **error);

/* Writes @files into a folder at @destination that appears complete or not
 * at all, with a manifest naming @format (rpt-export-folder.c). An
 * existing folder is replaced when Repartee wrote it, or when @replace
 * (rpt-output-guard.h). */
gboolean     _rpt_export_write_folder    (const char        *destination,
                                          const char        *format,
                                          GPtrArray         *files,
                                          gboolean           replace,
                                          GError           **error);

G_END_DECLS
