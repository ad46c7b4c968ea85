/* rpt-summary.h: the exchange across all articles, computed once from a
 * project and then immutable: statements in reading order, the same
 * statement reported by several articles recognised as one group, threads
 * built from relations (claim → rebuttal → counter-rebuttal), per-article
 * coverage, and counts by label × speaker and by article.
 *
 * Computing is split so that the heavy part runs off the main thread: a
 * snapshot (rpt-project-snapshot.h) is taken quickly on the thread that owns
 * the project, and the summary is computed from the snapshot on any thread.
 * The matching method and its thresholds are described in docs/SUMMARY.md.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rpt-project.h"
#include "rpt-project-snapshot.h"

G_BEGIN_DECLS

/* Speaker index of an unattributed statement. */
#define RPT_SUMMARY_NO_SPEAKER (-1)

/* One annotated span. Statements are in reading order: article order in the
 * project, then (start, end, id). */
typedef struct
{
  RptAnnotation *annotation;  /* held by the summary; its id never changes */
  guint          document;    /* index into the summary's articles */
  guint          start;       /* code points, end exclusive, as annotated */
  guint          end;
  guint          label;       /* index into the summary's labels */
  int            speaker;     /* index into the speakers, or RPT_SUMMARY_NO_SPEAKER */
  guint          group;       /* the cross-source group it belongs to */
  const char    *text;        /* the quoted UTF-8 text, inside the article's */
  gsize          text_len;    /* text (not NUL-terminated): use text_len */
} RptSummaryStatement;

/* One statement as said once: every annotation that reports it. Groups are
 * numbered in reading order of their first member. */
typedef struct
{
  guint        label;
  int          speaker;          /* the known speaker of any member, or NO_SPEAKER */
  guint        representative;   /* statement index: the fullest wording */
  guint        n_members;
  const guint *members;          /* statement indices, reading order */
  guint        n_documents;      /* distinct articles that report it */
  const guint *documents;        /* their indices, ascending */
} RptSummaryGroup;

typedef enum {
  RPT_SUMMARY_ROW_LAST_SIBLING = 1 << 0,  /* no later sibling under its parent */
  RPT_SUMMARY_ROW_HAS_CHILDREN = 1 << 1,
} RptSummaryRowFlags;

/* The threads flattened in reading order (depth first), one row per group:
 * what a script view shows line by line. */
typedef struct
{
  guint              group;
  guint              thread;      /* index of the thread (its root row's order) */
  guint              depth;       /* 0 for a thread's root */
  int                parent;      /* row index of the parent, -1 for a root */
  RptRelationType    relation;    /* how it answers its parent (parent >= 0) */
  RptSummaryRowFlags flags;
  /* Bit k set: the connector line at level k (k < depth - 1) continues
   * through this row, because an ancestor has a later sibling. */
  guint32            lines;
} RptSummaryRow;

/* A relation between two groups (after the duplicates that several reports
 * of the same exchange produce are merged). */
typedef struct
{
  guint           from;
  guint           to;
  RptRelationType type;
  guint           statement;   /* the earliest statement (reading order) making it */
  gboolean        in_thread;   /* FALSE when the group already had a parent or
                                * the link would close a cycle */
} RptSummaryLink;

typedef struct _RptSummary RptSummary;

GType                 rpt_summary_get_type           (void) G_GNUC_CONST;
#define RPT_TYPE_SUMMARY (rpt_summary_get_type ())

/* The heavy part; any thread. Returns NULL only when @cancellable fires. */
RptSummary           *rpt_summary_compute            (RptProjectSnapshot *snapshot,
                                                      GCancellable       *cancellable,
                                                      GError            **error);
/* Snapshot and compute on the calling thread. */
RptSummary           *rpt_summary_new                (RptProject         *project);
/* Snapshot on the calling thread, compute in a GTask thread. */
void                  rpt_summary_compute_async      (RptProject         *project,
                                                      GCancellable       *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data);
RptSummary           *rpt_summary_compute_finish     (GAsyncResult       *result,
                                                      GError            **error);

RptSummary           *rpt_summary_ref                (RptSummary *self);
void                  rpt_summary_unref              (RptSummary *self);

/* Articles (in project order), labels (in project order), speakers. */
guint                 rpt_summary_get_n_documents    (RptSummary *self);
RptDocument          *rpt_summary_get_document       (RptSummary *self, guint index);
guint                 rpt_summary_get_document_n_annotations (RptSummary *self, guint index);
guint                 rpt_summary_get_n_labels       (RptSummary *self);
const char           *rpt_summary_get_label_id       (RptSummary *self, guint index);
const char           *rpt_summary_get_label_name     (RptSummary *self, guint index);
const char           *rpt_summary_get_label_color    (RptSummary *self, guint index);
guint                 rpt_summary_get_n_speakers     (RptSummary *self);
const char           *rpt_summary_get_speaker_id     (RptSummary *self, guint index);
const char           *rpt_summary_get_speaker_name   (RptSummary *self, guint index);
/* The two speakers with the most statements (groups), most first; @rank 0
 * or 1. RPT_SUMMARY_NO_SPEAKER when there is no such speaker. */
int                   rpt_summary_get_main_speaker   (RptSummary *self, guint rank);

guint                 rpt_summary_get_n_statements   (RptSummary *self);
const RptSummaryStatement *rpt_summary_get_statement (RptSummary *self, guint index);
/* NUL-terminated copy of the statement's text. */
char                 *rpt_summary_dup_statement_text (RptSummary *self, guint index);

guint                 rpt_summary_get_n_groups       (RptSummary *self);
const RptSummaryGroup *rpt_summary_get_group         (RptSummary *self, guint index);
/* The member of @group in @document, or G_MAXUINT. */
guint                 rpt_summary_group_find_member  (RptSummary *self,
                                                      guint       group,
                                                      guint       document);

guint                 rpt_summary_get_n_rows         (RptSummary *self);
const RptSummaryRow  *rpt_summary_get_row            (RptSummary *self, guint index);
/* The row that shows @group. */
guint                 rpt_summary_get_group_row      (RptSummary *self, guint group);
guint                 rpt_summary_get_n_threads      (RptSummary *self);
guint                 rpt_summary_get_n_links        (RptSummary *self);
const RptSummaryLink *rpt_summary_get_link           (RptSummary *self, guint index);
/* The links from or to @group, in the order of rpt_summary_get_link(). */
guint                 rpt_summary_get_group_n_links  (RptSummary *self, guint group);
const RptSummaryLink *rpt_summary_get_group_link     (RptSummary *self, guint group, guint index);

/* Coverage. A group is shared when at least two articles report it. */
guint                 rpt_summary_get_n_shared_groups (RptSummary *self);
/* Shared groups that @document reports. */
guint                 rpt_summary_get_document_n_shared (RptSummary *self, guint document);
/* Shared groups that @document leaves out, ascending. Free with g_array_unref. */
GArray               *rpt_summary_dup_omitted        (RptSummary *self, guint document);
/* The first @max of them (all when @max is 0): the cost follows what
 * @document reports, not the number of shared groups. There are
 * rpt_summary_get_n_shared_groups() - rpt_summary_get_document_n_shared()
 * in all. */
GArray               *rpt_summary_dup_omitted_first  (RptSummary *self,
                                                      guint       document,
                                                      guint       max);

/* Counts of annotations. @speaker is a speaker index or
 * RPT_SUMMARY_NO_SPEAKER. */
guint                 rpt_summary_count_label_speaker (RptSummary *self,
                                                       guint       label,
                                                       int         speaker);
/* The same, counting each group once. */
guint                 rpt_summary_count_label_speaker_groups (RptSummary *self,
                                                              guint       label,
                                                              int         speaker);
guint                 rpt_summary_count_document_label (RptSummary *self,
                                                        guint       document,
                                                        guint       label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RptSummary, rpt_summary_unref)

G_END_DECLS
