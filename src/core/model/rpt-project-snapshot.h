/* rpt-project-snapshot.h: the project as it was at one moment, for the
 * workers that save, export and summarise it while the user keeps editing.
 *
 * Taken on the thread that owns the project (quickly: nothing is parsed or
 * formatted, and what cannot change is shared rather than copied), then
 * immutable and reference-counted, so that a save, an export and a summary
 * may read the same snapshot at once from any threads. What it shares:
 * documents (their text never changes), relations (they never change),
 * and the ids and authors of annotations (held by a reference on each
 * annotation). What it copies: labels, speakers, notes, ranges, times, and
 * orphans' quotes, which edits change in place.
 *
 * Workers read only what the accessors below return, and of an
 * RptDocument only its immutable parts (id, title, source, text, sha256,
 * offsets), never its live annotation count. The last reference may be
 * dropped on any thread: the project's objects it holds are handed back to
 * the main context to be released.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rpt-project.h"

G_BEGIN_DECLS

typedef struct _RptProjectSnapshot RptProjectSnapshot;

typedef struct
{
  const char *id;
  const char *name;
  const char *color;        /* "#rrggbb" */
  const char *description;
  guint       shortcut;     /* 1..9, or 0 */
} RptSnapshotLabel;

typedef struct
{
  const char *id;
  const char *name;
} RptSnapshotSpeaker;

/* A placed annotation, or (in the orphans) one that lost its place. */
typedef struct
{
  /* Only to tell annotations apart, and only on the main thread: a worker
   * never reads the object, whose label, range and note may have changed
   * since. */
  RptAnnotation *annotation;
  const char    *id;
  const char    *note;      /* never NULL */
  const char    *author;
  gint64         created;   /* microseconds since the epoch; -1 unknown */
  gint64         modified;
  guint          start;     /* code points, end exclusive */
  guint          end;
  guint          document;  /* index into the documents */
  guint          label;     /* index into the labels */
  int            speaker;   /* index into the speakers, or -1 */
} RptSnapshotAnnotation;

typedef struct
{
  RptSnapshotAnnotation annotation;
  /* What it quoted when it lost its place, and its context. */
  const char           *quote;
  const char           *prefix;
  const char           *suffix;
} RptSnapshotOrphan;

typedef struct
{
  const char      *id;
  RptRelationType  type;
  const char      *from;    /* ids of annotations or orphans */
  const char      *to;
} RptSnapshotRelation;

RptProjectSnapshot          *rpt_project_snapshot_new             (RptProject         *project);
RptProjectSnapshot          *rpt_project_snapshot_ref             (RptProjectSnapshot *self);
void                         rpt_project_snapshot_unref           (RptProjectSnapshot *self);

/* rpt_project_get_state() when it was taken: what a save of it saves. */
guint64                      rpt_project_snapshot_get_state       (RptProjectSnapshot *self);

/* In project order. */
guint                        rpt_project_snapshot_get_n_labels    (RptProjectSnapshot *self);
const RptSnapshotLabel      *rpt_project_snapshot_get_label       (RptProjectSnapshot *self,
                                                                   guint               index);
guint                        rpt_project_snapshot_get_n_speakers  (RptProjectSnapshot *self);
const RptSnapshotSpeaker    *rpt_project_snapshot_get_speaker     (RptProjectSnapshot *self,
                                                                   guint               index);

/* Articles in project order (borrowed; see above for what a worker may
 * read of them). */
guint                        rpt_project_snapshot_get_n_documents (RptProjectSnapshot *self);
RptDocument                 *rpt_project_snapshot_get_document    (RptProjectSnapshot *self,
                                                                   guint               index);

/* Placed annotations, in article order and then in text order (start, end,
 * id): @n_annotations of them from the one returned. */
const RptSnapshotAnnotation *rpt_project_snapshot_get_annotations (RptProjectSnapshot *self,
                                                                   guint              *n_annotations);
/* Those of article @document, in text order. */
const RptSnapshotAnnotation *rpt_project_snapshot_get_document_annotations (RptProjectSnapshot *self,
                                                                            guint               document,
                                                                            guint              *n_annotations);

/* In the project's order of orphans. */
guint                        rpt_project_snapshot_get_n_orphans   (RptProjectSnapshot *self);
const RptSnapshotOrphan     *rpt_project_snapshot_get_orphan      (RptProjectSnapshot *self,
                                                                   guint               index);

/* In project order. */
guint                        rpt_project_snapshot_get_n_relations (RptProjectSnapshot *self);
const RptSnapshotRelation   *rpt_project_snapshot_get_relation    (RptProjectSnapshot *self,
                                                                   guint               index);
/* The placed annotations at the two ends of relation @index, as indices
 * into rpt_project_snapshot_get_annotations(), or G_MAXUINT for an end that
 * is an orphan. The first call indexes the annotations' ids, once per
 * snapshot, on whichever thread asks first. */
void                         rpt_project_snapshot_get_relation_ends (RptProjectSnapshot *self,
                                                                     guint               index,
                                                                     guint              *from,
                                                                     guint              *to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RptProjectSnapshot, rpt_project_snapshot_unref)

G_END_DECLS
