/* rpt-summary-snapshot.c: what the summary needs from a project, copied
 * quickly on the thread that owns the project so that the summary can be
 * computed on another.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Summary"

#include "config.h"

#include "rpt-summary.h"
#include "rpt-summary-private.h"

static void
named_item_clear (gpointer data)
{
  RptSnapNamed *item = data;

  g_free (item->id);
  g_free (item->name);
  g_free (item->color);
}

static void
snap_statement_clear (gpointer data)
{
  RptSnapStatement *statement = data;

  g_clear_object (&statement->annotation);
}

static gboolean
release_objects (gpointer data)
{
  g_array_unref (((gpointer *) data)[0]);
  g_ptr_array_unref (((gpointer *) data)[1]);
  g_free (data);
  return G_SOURCE_REMOVE;
}

static void
snapshot_clear (gpointer data)
{
  RptSummarySnapshot *snapshot = data;
  gpointer *objects = g_new (gpointer, 2);

  /* The last reference to an annotation or document may be this one (it
   * was removed meanwhile), and whoever watches it (weak references in the
   * window) expects to hear of its end on the main thread: a summary
   * dropped by a worker hands its references back there. */
  objects[0] = snapshot->statements;
  objects[1] = snapshot->documents;
  g_main_context_invoke (NULL, release_objects, objects);
  g_array_unref (snapshot->labels);
  g_array_unref (snapshot->speakers);
  g_array_unref (snapshot->relations);
}

void
rpt_summary_snapshot_free (RptSummarySnapshot *snapshot)
{
  g_atomic_rc_box_release_full (snapshot, snapshot_clear);
}

RptSummarySnapshot *
rpt_summary_snapshot_new (RptProject *project)
{
  RptSummarySnapshot *snapshot;
  GListModel *documents, *labels, *speakers, *relations;
  g_autoptr(GHashTable) label_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) speaker_index = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  g_return_val_if_fail (RPT_IS_PROJECT (project), NULL);

  snapshot = g_atomic_rc_box_new0 (RptSummarySnapshot);
  documents = rpt_project_get_documents (project);
  labels = rpt_project_get_labels (project);
  speakers = rpt_project_get_speakers (project);
  relations = rpt_project_get_relations (project);

  snapshot->documents = g_ptr_array_new_with_free_func (g_object_unref);
  snapshot->labels = g_array_new (FALSE, TRUE, sizeof (RptSnapNamed));
  g_array_set_clear_func (snapshot->labels, named_item_clear);
  snapshot->speakers = g_array_new (FALSE, TRUE, sizeof (RptSnapNamed));
  g_array_set_clear_func (snapshot->speakers, named_item_clear);
  snapshot->statements = g_array_sized_new (FALSE, TRUE, sizeof (RptSnapStatement),
                                            rpt_project_get_n_annotations (project));
  g_array_set_clear_func (snapshot->statements, snap_statement_clear);
  snapshot->relations = g_array_new (FALSE, TRUE, sizeof (RptSnapRelation));

  n = g_list_model_get_n_items (labels);
  for (guint i = 0; i < n; i++)
    {
      RptLabel *label = g_list_model_get_item (labels, i);
      RptSnapNamed item = { g_strdup (rpt_label_get_id (label)),
                         g_strdup (rpt_label_get_name (label)),
                         g_strdup (rpt_label_get_color (label)) };

      g_array_append_val (snapshot->labels, item);
      g_hash_table_insert (label_index, item.id, GUINT_TO_POINTER (i + 1));
      g_object_unref (label);
    }

  n = g_list_model_get_n_items (speakers);
  for (guint i = 0; i < n; i++)
    {
      RptSpeaker *speaker = g_list_model_get_item (speakers, i);
      RptSnapNamed item = { g_strdup (rpt_speaker_get_id (speaker)),
                         g_strdup (rpt_speaker_get_name (speaker)), NULL };

      g_array_append_val (snapshot->speakers, item);
      g_hash_table_insert (speaker_index, item.id, GUINT_TO_POINTER (i + 1));
      g_object_unref (speaker);
    }

  n = g_list_model_get_n_items (documents);
  for (guint d = 0; d < n; d++)
    {
      RptDocument *document = g_list_model_get_item (documents, d);
      RptAnnotationStore *store = rpt_project_get_annotations (project, rpt_document_get_id (document));
      guint n_annotations = store ? rpt_annotation_store_get_n_items (store) : 0;

      g_ptr_array_add (snapshot->documents, document);
      for (guint i = 0; i < n_annotations; i++)
        {
          RptAnnotation *annotation = rpt_annotation_store_get (store, i);
          const char *speaker = rpt_annotation_get_speaker (annotation);
          guint label = GPOINTER_TO_UINT (g_hash_table_lookup (label_index, rpt_annotation_get_label (annotation)));
          RptSnapStatement statement;

          if (label == 0)
            continue;   /* the project never lets this happen */
          statement.annotation = g_object_ref (annotation);
          statement.document = d;
          statement.start = rpt_annotation_get_start (annotation);
          statement.end = rpt_annotation_get_end (annotation);
          statement.label = label - 1;
          statement.speaker = speaker ? (int) GPOINTER_TO_UINT (g_hash_table_lookup (speaker_index, speaker)) - 1
                                      : RPT_SUMMARY_NO_SPEAKER;
          g_array_append_val (snapshot->statements, statement);
        }
    }

  n = g_list_model_get_n_items (relations);
  for (guint i = 0; i < n; i++)
    {
      RptRelation *relation = g_list_model_get_item (relations, i);
      RptSnapRelation snap = {
        rpt_project_get_annotation (project, rpt_relation_get_from (relation)),
        rpt_project_get_annotation (project, rpt_relation_get_to (relation)),
        rpt_relation_get_kind (relation),
      };

      if (snap.from && snap.to)
        g_array_append_val (snapshot->relations, snap);
      g_object_unref (relation);
    }

  return snapshot;
}

RptSummarySnapshot *
_rpt_summary_snapshot_ref (RptSummarySnapshot *snapshot)
{
  return g_atomic_rc_box_acquire (snapshot);
}
