/* rpt-summary.c: the summary computed from a project snapshot
 * (rpt-project-snapshot.h), and its accessors. The cross-source matching is
 * done in rpt-summary-match.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Summary"

#include "config.h"

#include <string.h>

#include "rpt-summary.h"
#include "rpt-summary-private.h"

struct _RptSummary
{
  RptProjectSnapshot  *snapshot;         /* its statements are the snapshot's annotations */
  guint                n_documents;
  guint                n_labels;
  guint                n_speakers;

  RptSummaryStatement *statements;
  guint                n_statements;
  RptSummaryGroup     *groups;
  guint                n_groups;
  guint               *members;          /* all groups' members, one after another */
  guint               *group_documents;  /* all groups' articles */
  RptSummaryRow       *rows;
  guint                n_rows;
  guint               *group_row;
  guint                n_threads;
  GArray              *links;            /* RptSummaryLink */
  guint               *group_link_start; /* per group, into group_links; n_groups + 1 */
  guint               *group_links;      /* link indices, by group */

  guint               *document_n_annotations;
  guint               *document_n_shared;
  guint                n_shared;
  guint               *shared_groups;               /* n_shared, ascending */
  guint               *count_label_speaker;         /* labels × (speakers + 1) */
  guint               *count_label_speaker_groups;
  guint               *count_document_label;        /* documents × labels */
  int                  main_speakers[2];
};

G_DEFINE_BOXED_TYPE (RptSummary, rpt_summary, rpt_summary_ref, rpt_summary_unref)

RptSummary *
rpt_summary_ref (RptSummary *self)
{
  return g_atomic_rc_box_acquire (self);
}

static void
summary_clear (gpointer data)
{
  RptSummary *self = data;

  g_free (self->statements);
  g_free (self->groups);
  g_free (self->members);
  g_free (self->group_documents);
  g_free (self->rows);
  g_free (self->group_row);
  g_clear_pointer (&self->links, g_array_unref);
  g_free (self->group_link_start);
  g_free (self->group_links);
  g_free (self->document_n_annotations);
  g_free (self->document_n_shared);
  g_free (self->shared_groups);
  g_free (self->count_label_speaker);
  g_free (self->count_label_speaker_groups);
  g_free (self->count_document_label);
  g_clear_pointer (&self->snapshot, rpt_project_snapshot_unref);
}

void
rpt_summary_unref (RptSummary *self)
{
  g_atomic_rc_box_release_full (self, summary_clear);
}

/* Members and articles of each group, by a counting sort over statements in
 * reading order, so both lists come out in reading order. */
static void
build_groups (RptSummary *self,
              GArray     *representatives)
{
  g_autofree guint *fill = g_new0 (guint, self->n_groups);
  guint offset = 0;

  self->groups = g_new0 (RptSummaryGroup, self->n_groups);
  self->members = g_new (guint, MAX (self->n_statements, 1));
  self->group_documents = g_new (guint, MAX (self->n_statements, 1));

  for (guint s = 0; s < self->n_statements; s++)
    self->groups[self->statements[s].group].n_members++;
  for (guint g = 0; g < self->n_groups; g++)
    {
      RptSummaryGroup *group = &self->groups[g];

      group->members = self->members + offset;
      group->documents = self->group_documents + offset;
      group->representative = g_array_index (representatives, guint, g);
      group->label = self->statements[group->representative].label;
      group->speaker = RPT_SUMMARY_NO_SPEAKER;
      offset += group->n_members;
    }
  for (guint s = 0; s < self->n_statements; s++)
    {
      const RptSummaryStatement *statement = &self->statements[s];
      RptSummaryGroup *group = &self->groups[statement->group];
      guint *documents = (guint *) group->documents;

      ((guint *) group->members)[fill[statement->group]++] = s;
      if (group->n_documents == 0 || documents[group->n_documents - 1] != statement->document)
        documents[group->n_documents++] = statement->document;
    }
  for (guint g = 0; g < self->n_groups; g++)
    {
      RptSummaryGroup *group = &self->groups[g];

      group->speaker = self->statements[group->representative].speaker;
      for (guint m = 0; m < group->n_members && group->speaker < 0; m++)
        group->speaker = self->statements[group->members[m]].speaker;
    }
}

static guint
find_root (guint *forest,
           guint  g)
{
  while (forest[g] != g)
    {
      forest[g] = forest[forest[g]];
      g = forest[g];
    }
  return g;
}

static int
compare_links (gconstpointer pa,
               gconstpointer pb)
{
  const RptSummaryLink *a = pa, *b = pb;

  if (a->from != b->from)
    return a->from < b->from ? -1 : 1;
  if (a->to != b->to)
    return a->to < b->to ? -1 : 1;
  return a->statement < b->statement ? -1 : a->statement > b->statement;
}

static int
compare_links_by_statement (gconstpointer pa,
                            gconstpointer pb)
{
  const RptSummaryLink *a = pa, *b = pb;

  if (a->statement != b->statement)
    return a->statement < b->statement ? -1 : 1;
  return compare_links (pa, pb);
}

/* The relations between statements as links between their groups, one per
 * pair of groups, in the order the statements are read. */
static void
collect_links (RptSummary *self)
{
  RptProjectSnapshot *snapshot = self->snapshot;
  guint n_relations = rpt_project_snapshot_get_n_relations (snapshot);
  guint n_links = 0;

  self->links = g_array_new (FALSE, FALSE, sizeof (RptSummaryLink));
  for (guint r = 0; r < n_relations; r++)
    {
      guint from, to;
      RptSummaryLink link;

      /* Statement i is the snapshot's annotation i; an orphan is none. */
      rpt_project_snapshot_get_relation_ends (snapshot, r, &from, &to);
      if (from == G_MAXUINT || to == G_MAXUINT)
        continue;
      link.from = self->statements[from].group;
      link.to = self->statements[to].group;
      link.type = rpt_project_snapshot_get_relation (snapshot, r)->type;
      link.statement = from;
      link.in_thread = FALSE;
      if (link.from != link.to)
        g_array_append_val (self->links, link);
    }
  g_array_sort (self->links, compare_links);

  /* One link per pair of groups: several articles reporting the same
   * rebuttal of the same claim give several relations between them. */
  for (guint i = 0; i < self->links->len; i++)
    {
      RptSummaryLink *link = &g_array_index (self->links, RptSummaryLink, i);

      if (n_links > 0)
        {
          RptSummaryLink *prev = &g_array_index (self->links, RptSummaryLink, n_links - 1);

          if (prev->from == link->from && prev->to == link->to)
            continue;
        }
      g_array_index (self->links, RptSummaryLink, n_links++) = *link;
    }
  g_array_set_size (self->links, n_links);
  /* Earlier exchanges decide the threads: of two links that would close a
   * cycle, the one reported later is left out. */
  g_array_sort (self->links, compare_links_by_statement);
}

/* Each group's links, for "also rebuts …" beside threads. */
static void
index_group_links (RptSummary *self)
{
  g_autofree guint *next = NULL;

  self->group_link_start = g_new0 (guint, self->n_groups + 1);
  self->group_links = g_new (guint, MAX (self->links->len * 2, 1));
  for (guint i = 0; i < self->links->len; i++)
    {
      RptSummaryLink *link = &g_array_index (self->links, RptSummaryLink, i);

      self->group_link_start[link->from + 1]++;
      self->group_link_start[link->to + 1]++;
    }
  for (guint g = 0; g < self->n_groups; g++)
    self->group_link_start[g + 1] += self->group_link_start[g];
  next = g_memdup2 (self->group_link_start, sizeof (guint) * (self->n_groups + 1));
  for (guint i = 0; i < self->links->len; i++)
    {
      RptSummaryLink *link = &g_array_index (self->links, RptSummaryLink, i);

      self->group_links[next[link->from]++] = i;
      self->group_links[next[link->to]++] = i;
    }
}

/* The threads' rows: each group under its @parent, depth first, children
 * in reading order (groups are numbered so), with the lines between. */
static void
lay_out_rows (RptSummary            *self,
              const int             *parent,
              const RptRelationType *answer)
{
  g_autofree guint *n_children = g_new0 (guint, self->n_groups + 1);
  g_autofree guint *children = g_new (guint, MAX (self->n_groups, 1));
  g_autofree guint *fill = NULL;
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (gboolean));

  for (guint g = 0; g < self->n_groups; g++)
    if (parent[g] >= 0)
      n_children[parent[g] + 1]++;
  for (guint g = 0; g < self->n_groups; g++)
    n_children[g + 1] += n_children[g];
  fill = g_memdup2 (n_children, sizeof (guint) * (self->n_groups + 1));
  for (guint g = 0; g < self->n_groups; g++)
    if (parent[g] >= 0)
      children[fill[parent[g]]++] = g;

  /* Depth first, iteratively: chains can be long. */
  self->rows = g_new0 (RptSummaryRow, MAX (self->n_groups, 1));
  self->group_row = g_new (guint, MAX (self->n_groups, 1));
  for (guint root = 0; root < self->n_groups; root++)
    {
      if (parent[root] >= 0)
        continue;
      g_array_append_val (stack, root);
      while (stack->len > 0)
        {
          guint g = g_array_index (stack, guint, stack->len - 1);
          RptSummaryRow *row = &self->rows[self->n_rows];
          guint first = n_children[g], last = n_children[g + 1];
          gboolean not_last;

          g_array_set_size (stack, stack->len - 1);
          row->group = g;
          row->thread = self->n_threads;
          if (parent[g] < 0)
            {
              row->depth = 0;
              row->parent = -1;
              not_last = FALSE;
            }
          else
            {
              const RptSummaryRow *up = &self->rows[self->group_row[parent[g]]];
              guint p = parent[g];

              row->depth = up->depth + 1;
              row->parent = (int) self->group_row[p];
              not_last = children[n_children[p + 1] - 1] != g;
              row->relation = answer[g];
            }
          if (!not_last)
            row->flags |= RPT_SUMMARY_ROW_LAST_SIBLING;
          if (last > first)
            row->flags |= RPT_SUMMARY_ROW_HAS_CHILDREN;

          /* path[k]: the node at depth k on the way here has later siblings. */
          g_array_set_size (path, row->depth + 1);
          g_array_index (path, gboolean, row->depth) = not_last;
          for (guint k = 0; k + 1 < row->depth && k < 32; k++)
            if (g_array_index (path, gboolean, k + 1))
              row->lines |= 1u << k;

          self->group_row[g] = self->n_rows++;
          for (guint c = last; c > first; c--)
            g_array_append_val (stack, children[c - 1]);
        }
      self->n_threads++;
    }
}

/* Relations between groups, and the threads they form: each group hangs
 * under the group it is first reported answering (in reading order),
 * unless that would close a cycle. */
static void
build_threads (RptSummary *self)
{
  g_autofree int *parent = g_new (int, MAX (self->n_groups, 1));
  g_autofree guint *forest = g_new (guint, MAX (self->n_groups, 1));
  g_autofree RptRelationType *answer = g_new0 (RptRelationType, MAX (self->n_groups, 1));

  collect_links (self);
  for (guint g = 0; g < self->n_groups; g++)
    {
      parent[g] = -1;
      forest[g] = g;
    }
  for (guint i = 0; i < self->links->len; i++)
    {
      RptSummaryLink *link = &g_array_index (self->links, RptSummaryLink, i);

      if (parent[link->from] >= 0 || find_root (forest, link->to) == find_root (forest, link->from))
        continue;
      parent[link->from] = link->to;
      answer[link->from] = link->type;
      forest[find_root (forest, link->from)] = find_root (forest, link->to);
      link->in_thread = TRUE;
    }
  index_group_links (self);
  lay_out_rows (self, parent, answer);
}

static void
build_counts (RptSummary *self)
{
  guint n_labels = self->n_labels;
  guint n_slots = self->n_speakers + 1;
  guint n_documents = self->n_documents;
  g_autofree guint *per_speaker = g_new0 (guint, n_slots);

  self->document_n_annotations = g_new0 (guint, MAX (n_documents, 1));
  self->document_n_shared = g_new0 (guint, MAX (n_documents, 1));
  self->count_label_speaker = g_new0 (guint, MAX (n_labels * n_slots, 1));
  self->count_label_speaker_groups = g_new0 (guint, MAX (n_labels * n_slots, 1));
  self->count_document_label = g_new0 (guint, MAX (n_documents * n_labels, 1));
  self->shared_groups = g_new (guint, MAX (self->n_groups, 1));

  for (guint s = 0; s < self->n_statements; s++)
    {
      const RptSummaryStatement *statement = &self->statements[s];
      guint slot = statement->speaker < 0 ? n_slots - 1 : (guint) statement->speaker;

      self->document_n_annotations[statement->document]++;
      self->count_label_speaker[statement->label * n_slots + slot]++;
      self->count_document_label[statement->document * n_labels + statement->label]++;
    }
  for (guint g = 0; g < self->n_groups; g++)
    {
      const RptSummaryGroup *group = &self->groups[g];
      guint slot = group->speaker < 0 ? n_slots - 1 : (guint) group->speaker;

      self->count_label_speaker_groups[group->label * n_slots + slot]++;
      per_speaker[slot]++;
      if (group->n_documents >= 2)
        {
          self->shared_groups[self->n_shared++] = g;
          for (guint d = 0; d < group->n_documents; d++)
            self->document_n_shared[group->documents[d]]++;
        }
    }

  /* The two main speakers: most statements, then project order. */
  self->main_speakers[0] = self->main_speakers[1] = RPT_SUMMARY_NO_SPEAKER;
  for (guint rank = 0; rank < 2; rank++)
    {
      guint best = 0;

      for (guint sp = 0; sp + 1 < n_slots; sp++)
        if (per_speaker[sp] > best && (int) sp != self->main_speakers[0])
          {
            best = per_speaker[sp];
            self->main_speakers[rank] = (int) sp;
          }
    }
}

RptSummary *
rpt_summary_compute (RptProjectSnapshot *snapshot,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_autoptr(RptSummary) self = NULL;
  g_autofree RptMatchItem *items = NULL;
  g_autofree guint *group_of = NULL;
  g_autoptr(GArray) representatives = g_array_new (FALSE, FALSE, sizeof (guint));
  const RptSnapshotAnnotation *annotations;

  g_return_val_if_fail (snapshot != NULL, NULL);

  self = g_atomic_rc_box_new0 (RptSummary);
  self->snapshot = rpt_project_snapshot_ref (snapshot);
  self->n_documents = rpt_project_snapshot_get_n_documents (snapshot);
  self->n_labels = rpt_project_snapshot_get_n_labels (snapshot);
  self->n_speakers = rpt_project_snapshot_get_n_speakers (snapshot);
  annotations = rpt_project_snapshot_get_annotations (snapshot, &self->n_statements);
  self->statements = g_new0 (RptSummaryStatement, MAX (self->n_statements, 1));
  items = g_new (RptMatchItem, MAX (self->n_statements, 1));
  group_of = g_new (guint, MAX (self->n_statements, 1));

  for (guint s = 0; s < self->n_statements; s++)
    {
      const RptSnapshotAnnotation *a = &annotations[s];
      RptSummaryStatement *statement = &self->statements[s];
      RptDocument *document = rpt_project_snapshot_get_document (snapshot, a->document);
      const char *text = rpt_document_get_text (document);
      gsize start = rpt_document_byte_offset (document, a->start);
      gsize end = rpt_document_byte_offset (document, a->end);

      statement->annotation = a->annotation;
      statement->document = a->document;
      statement->start = a->start;
      statement->end = a->end;
      statement->label = a->label;
      statement->speaker = a->speaker;
      statement->text = text + start;
      statement->text_len = end - start;
      items[s] = (RptMatchItem) { statement->text, statement->text_len, a->label, a->speaker };
    }

  self->n_groups = _rpt_summary_match (items, self->n_statements, group_of, representatives, cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  for (guint s = 0; s < self->n_statements; s++)
    self->statements[s].group = group_of[s];

  build_groups (self, representatives);
  build_threads (self);
  build_counts (self);

  return g_steal_pointer (&self);
}

RptSummary *
rpt_summary_new (RptProject *project)
{
  g_autoptr(RptProjectSnapshot) snapshot = rpt_project_snapshot_new (project);

  return rpt_summary_compute (snapshot, NULL, NULL);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  RptSummary *summary = rpt_summary_compute (task_data, cancellable, &error);

  if (summary)
    g_task_return_pointer (task, summary, (GDestroyNotify) rpt_summary_unref);
  else
    g_task_return_error (task, error);
}

void
rpt_summary_compute_async (RptProject         *project,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RPT_IS_PROJECT (project));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rpt_summary_compute_async);
  g_task_set_task_data (task, rpt_project_snapshot_new (project),
                        (GDestroyNotify) rpt_project_snapshot_unref);
  g_task_run_in_thread (task, compute_thread);
}

RptSummary *
rpt_summary_compute_finish (GAsyncResult *result,
                            GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Accessors ---- */

guint
rpt_summary_get_n_documents (RptSummary *self)
{
  return self->n_documents;
}

RptDocument *
rpt_summary_get_document (RptSummary *self,
                          guint       index)
{
  g_return_val_if_fail (index < self->n_documents, NULL);
  return rpt_project_snapshot_get_document (self->snapshot, index);
}

guint
rpt_summary_get_document_n_annotations (RptSummary *self,
                                        guint       index)
{
  g_return_val_if_fail (index < self->n_documents, 0);
  return self->document_n_annotations[index];
}

guint
rpt_summary_get_n_labels (RptSummary *self)
{
  return self->n_labels;
}

#define LABEL(self, i) (rpt_project_snapshot_get_label ((self)->snapshot, (i)))
#define SPEAKER(self, i) (rpt_project_snapshot_get_speaker ((self)->snapshot, (i)))

const char *
rpt_summary_get_label_id (RptSummary *self,
                          guint       index)
{
  g_return_val_if_fail (index < self->n_labels, NULL);
  return LABEL (self, index)->id;
}

const char *
rpt_summary_get_label_name (RptSummary *self,
                            guint       index)
{
  g_return_val_if_fail (index < self->n_labels, NULL);
  return LABEL (self, index)->name;
}

const char *
rpt_summary_get_label_color (RptSummary *self,
                             guint       index)
{
  g_return_val_if_fail (index < self->n_labels, NULL);
  return LABEL (self, index)->color;
}

guint
rpt_summary_get_n_speakers (RptSummary *self)
{
  return self->n_speakers;
}

const char *
rpt_summary_get_speaker_id (RptSummary *self,
                            guint       index)
{
  g_return_val_if_fail (index < self->n_speakers, NULL);
  return SPEAKER (self, index)->id;
}

const char *
rpt_summary_get_speaker_name (RptSummary *self,
                              guint       index)
{
  g_return_val_if_fail (index < self->n_speakers, NULL);
  return SPEAKER (self, index)->name;
}

int
rpt_summary_get_main_speaker (RptSummary *self,
                              guint       rank)
{
  g_return_val_if_fail (rank < 2, RPT_SUMMARY_NO_SPEAKER);
  return self->main_speakers[rank];
}

guint
rpt_summary_get_n_statements (RptSummary *self)
{
  return self->n_statements;
}

const RptSummaryStatement *
rpt_summary_get_statement (RptSummary *self,
                           guint       index)
{
  g_return_val_if_fail (index < self->n_statements, NULL);
  return &self->statements[index];
}

char *
rpt_summary_dup_statement_text (RptSummary *self,
                                guint       index)
{
  g_return_val_if_fail (index < self->n_statements, NULL);
  return g_strndup (self->statements[index].text, self->statements[index].text_len);
}

guint
rpt_summary_get_n_groups (RptSummary *self)
{
  return self->n_groups;
}

const RptSummaryGroup *
rpt_summary_get_group (RptSummary *self,
                       guint       index)
{
  g_return_val_if_fail (index < self->n_groups, NULL);
  return &self->groups[index];
}

guint
rpt_summary_group_find_member (RptSummary *self,
                               guint       group,
                               guint       document)
{
  g_return_val_if_fail (group < self->n_groups, G_MAXUINT);
  for (guint m = 0; m < self->groups[group].n_members; m++)
    if (self->statements[self->groups[group].members[m]].document == document)
      return self->groups[group].members[m];
  return G_MAXUINT;
}

guint
rpt_summary_get_n_rows (RptSummary *self)
{
  return self->n_rows;
}

const RptSummaryRow *
rpt_summary_get_row (RptSummary *self,
                     guint       index)
{
  g_return_val_if_fail (index < self->n_rows, NULL);
  return &self->rows[index];
}

guint
rpt_summary_get_group_row (RptSummary *self,
                           guint       group)
{
  g_return_val_if_fail (group < self->n_groups, 0);
  return self->group_row[group];
}

guint
rpt_summary_get_n_threads (RptSummary *self)
{
  return self->n_threads;
}

guint
rpt_summary_get_n_links (RptSummary *self)
{
  return self->links->len;
}

const RptSummaryLink *
rpt_summary_get_link (RptSummary *self,
                      guint       index)
{
  g_return_val_if_fail (index < self->links->len, NULL);
  return &g_array_index (self->links, RptSummaryLink, index);
}

guint
rpt_summary_get_group_n_links (RptSummary *self,
                               guint       group)
{
  g_return_val_if_fail (group < self->n_groups, 0);
  return self->group_link_start[group + 1] - self->group_link_start[group];
}

const RptSummaryLink *
rpt_summary_get_group_link (RptSummary *self,
                            guint       group,
                            guint       index)
{
  g_return_val_if_fail (index < rpt_summary_get_group_n_links (self, group), NULL);
  return &g_array_index (self->links, RptSummaryLink,
                         self->group_links[self->group_link_start[group] + index]);
}

guint
rpt_summary_get_n_shared_groups (RptSummary *self)
{
  return self->n_shared;
}

guint
rpt_summary_get_document_n_shared (RptSummary *self,
                                   guint       document)
{
  g_return_val_if_fail (document < self->n_documents, 0);
  return self->document_n_shared[document];
}

/* Whether @group reports @document: its articles are ascending. */
static gboolean
group_reports (const RptSummaryGroup *group,
               guint                  document)
{
  guint lo = 0, hi = group->n_documents;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (group->documents[mid] == document)
        return TRUE;
      if (group->documents[mid] < document)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

GArray *
rpt_summary_dup_omitted_first (RptSummary *self,
                               guint       document,
                               guint       max)
{
  GArray *omitted = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (document < self->n_documents, omitted);
  /* Only shared groups, and only until @max are found: a thousand articles'
   * coverage rows each walking every group made the Markdown summary
   * grow with articles × statements. */
  for (guint i = 0; i < self->n_shared && (max == 0 || omitted->len < max); i++)
    if (!group_reports (&self->groups[self->shared_groups[i]], document))
      g_array_append_val (omitted, self->shared_groups[i]);
  return omitted;
}

GArray *
rpt_summary_dup_omitted (RptSummary *self,
                         guint       document)
{
  return rpt_summary_dup_omitted_first (self, document, 0);
}

static guint
speaker_slot (RptSummary *self,
              int         speaker)
{
  return speaker < 0 ? self->n_speakers : (guint) speaker;
}

guint
rpt_summary_count_label_speaker (RptSummary *self,
                                 guint       label,
                                 int         speaker)
{
  g_return_val_if_fail (label < self->n_labels, 0);
  g_return_val_if_fail (speaker < (int) self->n_speakers, 0);
  return self->count_label_speaker[label * (self->n_speakers + 1) + speaker_slot (self, speaker)];
}

guint
rpt_summary_count_label_speaker_groups (RptSummary *self,
                                        guint       label,
                                        int         speaker)
{
  g_return_val_if_fail (label < self->n_labels, 0);
  g_return_val_if_fail (speaker < (int) self->n_speakers, 0);
  return self->count_label_speaker_groups[label * (self->n_speakers + 1) +
                                          speaker_slot (self, speaker)];
}

guint
rpt_summary_count_document_label (RptSummary *self,
                                  guint       document,
                                  guint       label)
{
  g_return_val_if_fail (document < self->n_documents, 0);
  g_return_val_if_fail (label < self->n_labels, 0);
  return self->count_document_label[document * self->n_labels + label];
}
