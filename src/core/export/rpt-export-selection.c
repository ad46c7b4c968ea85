/* rpt-export-selection.c: what an export's options select from a project
 * snapshot, indexed for the format writers. Built in the export's worker;
 * it points into the snapshot instead of copying it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rpt-export-private.h"

void
rpt_export_selection_free (RptExportSelection *selection)
{
  if (selection == NULL)
    return;

  for (guint i = 0; i < selection->labels->len; i++)
    g_free (g_array_index (selection->labels, RptExportLabel, i).safe_name);
  for (guint i = 0; i < selection->speakers->len; i++)
    g_free (g_array_index (selection->speakers, RptExportSpeaker, i).safe_name);
  for (guint i = 0; i < selection->n_documents; i++)
    g_free (selection->documents[i].relations);
  g_array_unref (selection->labels);
  g_array_unref (selection->speakers);
  g_free (selection->documents);
  g_free (selection->kept);
  g_free (selection->relations);
  rpt_project_snapshot_unref (selection->snapshot);
  g_free (selection);
}

guint
rpt_export_selection_get_n_documents (RptExportSelection *selection)
{
  return selection->n_documents;
}

guint
rpt_export_selection_get_n_annotations (RptExportSelection *selection)
{
  return selection->n_spans;
}

static const char *
item_id (RptProjectSnapshot *snapshot,
         gboolean            labels,
         guint               i)
{
  return labels ? rpt_project_snapshot_get_label (snapshot, i)->id
                : rpt_document_get_id (rpt_project_snapshot_get_document (snapshot, i));
}

/* @selected[i]: whether the snapshot's label (or article) @i is one of
 * @ids (NULL: all). FALSE, naming the first of @ids that is not there,
 * when there is one. */
static gboolean
select_ids (const char * const  *ids,
            RptProjectSnapshot  *snapshot,
            gboolean             labels,
            gboolean            *selected,
            GError             **error)
{
  guint n = labels ? rpt_project_snapshot_get_n_labels (snapshot) : rpt_project_snapshot_get_n_documents (snapshot);
  g_autoptr(GHashTable) wanted = NULL;  /* id -> found */

  if (ids == NULL)
    {
      for (guint i = 0; i < n; i++)
        selected[i] = TRUE;
      return TRUE;
    }

  wanted = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; ids[i]; i++)
    g_hash_table_insert (wanted, (gpointer) ids[i], GINT_TO_POINTER (FALSE));
  for (guint i = 0; i < n; i++)
    {
      const char *id = item_id (snapshot, labels, i);

      if ((selected[i] = g_hash_table_contains (wanted, id)))
        g_hash_table_insert (wanted, (gpointer) id, GINT_TO_POINTER (TRUE));
    }
  for (guint i = 0; ids[i]; i++)
    if (!GPOINTER_TO_INT (g_hash_table_lookup (wanted, ids[i])))
      {
        if (labels)
          g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND, _("No label with the id “%s”"), ids[i]);
        else
          g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND, _("No article with the id “%s”"), ids[i]);
        return FALSE;
      }
  return TRUE;
}

/* Selected labels, each snapshot label's place among them + 1 in
 * @label_index (0: not selected), and all speakers. */
static void
select_labels_and_speakers (RptExportSelection *sel,
                            const gboolean     *selected,
                            guint              *label_index)
{
  RptProjectSnapshot *snapshot = sel->snapshot;
  guint n_labels = rpt_project_snapshot_get_n_labels (snapshot);
  guint n_speakers = rpt_project_snapshot_get_n_speakers (snapshot);

  for (guint i = 0; i < n_labels; i++)
    {
      const RptSnapshotLabel *label = rpt_project_snapshot_get_label (snapshot, i);
      RptExportLabel item = {
        label->id, label->name, label->color, label->description,
        rpt_export_safe_name (label->name), label->shortcut, 0,
      };

      label_index[i] = 0;
      if (!selected[i])
        {
          g_free (item.safe_name);
          continue;
        }
      g_array_append_val (sel->labels, item);
      label_index[i] = sel->labels->len;
    }

  for (guint i = 0; i < n_speakers; i++)
    {
      const RptSnapshotSpeaker *speaker = rpt_project_snapshot_get_speaker (snapshot, i);
      RptExportSpeaker item = { speaker->id, speaker->name, rpt_export_safe_name (speaker->name), 0 };

      g_array_append_val (sel->speakers, item);
    }
}

/* The selected articles and their spans. @doc_of[i] receives the place
 * among them + 1 of the snapshot's article i (0: not selected), @span_of[k]
 * (only when labels are left out) the span of the snapshot's annotation k,
 * or NULL. */
static void
select_spans (RptExportSelection   *sel,
              const gboolean       *selected,
              const guint          *label_index,
              guint                *doc_of,
              const RptExportSpan **span_of)
{
  RptProjectSnapshot *snapshot = sel->snapshot;
  guint n_documents = rpt_project_snapshot_get_n_documents (snapshot), n_all;
  const RptSnapshotAnnotation *all = rpt_project_snapshot_get_annotations (snapshot, &n_all);

  sel->documents = g_new0 (RptExportDocument, MAX (n_documents, 1));
  if (span_of != NULL)
    {
      guint n_kept = 0, n;

      for (guint i = 0; i < n_documents; i++)
        if (selected[i])
          {
            rpt_project_snapshot_get_document_annotations (snapshot, i, &n);
            n_kept += n;
          }
      sel->kept = g_new (RptExportSpan, MAX (n_kept, 1));
    }
  for (guint i = 0; i < n_documents; i++)
    {
      RptExportDocument *doc = &sel->documents[sel->n_documents];
      const RptSnapshotAnnotation *annotations;
      guint n;

      doc_of[i] = 0;
      if (!selected[i])
        continue;
      doc_of[i] = ++sel->n_documents;
      doc->document = rpt_project_snapshot_get_document (snapshot, i);
      annotations = rpt_project_snapshot_get_document_annotations (snapshot, i, &n);
      if (span_of == NULL)
        {
          /* Every label: the snapshot's own annotations, not a copy. */
          doc->spans = annotations;
          doc->n_spans = n;
        }
      else
        {
          RptExportSpan *kept = sel->kept + sel->n_spans;

          for (guint k = 0; k < n; k++)
            if (label_index[annotations[k].label] != 0)
              {
                kept[doc->n_spans] = annotations[k];
                kept[doc->n_spans].label = label_index[annotations[k].label] - 1;
                span_of[&annotations[k] - all] = &kept[doc->n_spans++];
              }
          doc->spans = kept;
        }
      for (guint k = 0; k < doc->n_spans; k++)
        {
          g_array_index (sel->labels, RptExportLabel, doc->spans[k].label).n_uses++;
          if (doc->spans[k].speaker >= 0)
            g_array_index (sel->speakers, RptExportSpeaker, doc->spans[k].speaker).n_uses++;
        }
      sel->n_spans += doc->n_spans;
    }
}

/* The span of the snapshot's annotation @k, or NULL. */
static const RptExportSpan *
find_span (RptExportSelection   *sel,
           guint                 k,
           const guint          *doc_of,
           const RptExportSpan **span_of)
{
  guint n_all;
  const RptSnapshotAnnotation *all = rpt_project_snapshot_get_annotations (sel->snapshot, &n_all);

  if (k == G_MAXUINT || doc_of[all[k].document] == 0)
    return NULL;
  return span_of ? span_of[k] : &all[k];
}

static void
select_relations (RptExportSelection   *sel,
                  const guint          *doc_of,
                  const RptExportSpan **span_of)
{
  RptProjectSnapshot *snapshot = sel->snapshot;
  guint n = rpt_project_snapshot_get_n_relations (snapshot), n_all;
  const RptSnapshotAnnotation *all = rpt_project_snapshot_get_annotations (snapshot, &n_all);
  g_autofree guint *fill = NULL;

  sel->relations = g_new0 (RptExportRelation, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const RptSnapshotRelation *relation = rpt_project_snapshot_get_relation (snapshot, i);
      const RptExportSpan *from, *to;
      RptExportRelation *copy;
      guint a, b;

      rpt_project_snapshot_get_relation_ends (snapshot, i, &a, &b);
      from = find_span (sel, a, doc_of, span_of);
      to = find_span (sel, b, doc_of, span_of);
      if (from == NULL || to == NULL)
        {
          /* An end left out by the label selection: worth a warning when
           * the link touches an exported article. */
          if ((a != G_MAXUINT && doc_of[all[a].document] != 0) ||
              (b != G_MAXUINT && doc_of[all[b].document] != 0))
            sel->n_unselected_relations++;
          continue;
        }
      copy = &sel->relations[sel->n_relations++];
      copy->id = relation->id;
      copy->type = relation->type;
      copy->from = from;
      copy->to = to;
      if (from->document != to->document)
        sel->n_cross_relations++;
      else
        sel->documents[doc_of[from->document] - 1].n_relations++;
    }

  fill = g_new0 (guint, MAX (sel->n_documents, 1));
  for (guint d = 0; d < sel->n_documents; d++)
    sel->documents[d].relations = g_new0 (RptExportRelation *, MAX (sel->documents[d].n_relations, 1));
  for (guint i = 0; i < sel->n_relations; i++)
    {
      RptExportRelation *relation = &sel->relations[i];
      guint d = doc_of[relation->from->document] - 1;

      if (relation->from->document == relation->to->document)
        sel->documents[d].relations[fill[d]++] = relation;
    }
}

RptExportSelection *
rpt_export_selection_new (RptProjectSnapshot      *snapshot,
                          const RptExportOptions  *options,
                          GError                 **error)
{
  guint n_labels, n_documents, n_annotations;
  g_autofree gboolean *selected_labels = NULL;
  g_autofree gboolean *selected_documents = NULL;
  g_autofree guint *label_index = NULL;
  g_autofree guint *doc_of = NULL;
  g_autofree const RptExportSpan **span_of = NULL;  /* only when labels are left out */
  RptExportSelection *sel;

  g_return_val_if_fail (snapshot != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->format < RPT_EXPORT_N_FORMATS, NULL);

  if (options->offsets >= RPT_OFFSETS_N_UNITS ||
      (options->offsets != RPT_OFFSETS_CODEPOINTS && !rpt_export_format_has_offset_choice (options->format)))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                   _("%s always counts offsets in code points; other units are not available"),
                   rpt_export_format_get_name (options->format));
      return NULL;
    }
  n_labels = rpt_project_snapshot_get_n_labels (snapshot);
  n_documents = rpt_project_snapshot_get_n_documents (snapshot);
  selected_labels = g_new (gboolean, MAX (n_labels, 1));
  selected_documents = g_new (gboolean, MAX (n_documents, 1));
  if (!select_ids (options->label_ids, snapshot, TRUE, selected_labels, error) ||
      !select_ids (options->document_ids, snapshot, FALSE, selected_documents, error))
    return NULL;

  sel = g_new0 (RptExportSelection, 1);
  sel->snapshot = rpt_project_snapshot_ref (snapshot);
  sel->format = options->format;
  sel->offsets = options->offsets;
  sel->conll_layers = options->conll_layers;
  sel->replace = options->replace;
  sel->labels = g_array_new (FALSE, TRUE, sizeof (RptExportLabel));
  sel->speakers = g_array_new (FALSE, TRUE, sizeof (RptExportSpeaker));

  label_index = g_new (guint, MAX (n_labels, 1));
  doc_of = g_new (guint, MAX (n_documents, 1));
  for (guint i = 0; i < n_labels && span_of == NULL; i++)
    if (!selected_labels[i])
      {
        rpt_project_snapshot_get_annotations (snapshot, &n_annotations);
        span_of = g_new0 (const RptExportSpan *, MAX (n_annotations, 1));
      }
  select_labels_and_speakers (sel, selected_labels, label_index);
  select_spans (sel, selected_documents, label_index, doc_of, span_of);
  select_relations (sel, doc_of, span_of);

  return sel;
}
