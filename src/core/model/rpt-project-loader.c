/* rpt-project-loader.c: filling a new project in bulk, for the readers and
 * the dataset importer: no history, no signals, one sort at the end.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Model"

#include "config.h"

#include "rpt-annotation-store-private.h"
#include "rpt-project-loader.h"
#include "rpt-project-storage-private.h"

struct _RptProjectLoader
{
  RptProject *project;   /* NULL once finished */
  gboolean    repaired;
};

RptProjectLoader *
rpt_project_loader_new (void)
{
  RptProjectLoader *self = g_new0 (RptProjectLoader, 1);

  self->project = rpt_project_new_empty ();
  return self;
}

void
rpt_project_loader_free (RptProjectLoader *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->project);
  g_free (self);
}

RptProject *
rpt_project_loader_get_project (RptProjectLoader *self)
{
  g_return_val_if_fail (self->project != NULL, NULL);
  return self->project;
}

void
rpt_project_loader_add_label (RptProjectLoader *self,
                              RptLabel         *label)
{
  RptProject *project = self->project;

  _rpt_project_insert_keyed (project->labels, project->label_by_id, rpt_label_get_id (label), label,
                             G_MAXUINT);
}

void
rpt_project_loader_add_speaker (RptProjectLoader *self,
                                RptSpeaker       *speaker)
{
  RptProject *project = self->project;

  _rpt_project_insert_keyed (project->speakers, project->speaker_by_id, rpt_speaker_get_id (speaker),
                             speaker, G_MAXUINT);
}

void
rpt_project_loader_add_document (RptProjectLoader *self,
                                 RptDocument      *document)
{
  _rpt_project_insert_document (self->project, document, G_MAXUINT);
}

void
rpt_project_loader_add_annotation (RptProjectLoader *self,
                                   RptAnnotation    *annotation)
{
  RptProject *project = self->project;
  const char *id = rpt_annotation_get_id (annotation);

  g_hash_table_insert (project->annotation_by_id, (gpointer) id, g_object_ref (annotation));
  /* Appended unsorted; finishing sorts each store once. */
  _rpt_annotation_store_append (g_hash_table_lookup (project->store_by_document,
                                                     rpt_annotation_get_document (annotation)),
                                annotation);
  _rpt_id_minter_note_serial (project->ids, id, 'a');
}

void
rpt_project_loader_add_orphan (RptProjectLoader *self,
                               RptAnnotation    *annotation)
{
  RptProject *project = self->project;
  const char *id = rpt_annotation_get_id (annotation);

  g_return_if_fail (rpt_annotation_is_orphan (annotation));

  g_hash_table_insert (project->orphan_by_id, (gpointer) id, annotation);
  g_list_store_append (project->orphans, annotation);
  _rpt_id_minter_note_serial (project->ids, id, 'a');
}

void
rpt_project_loader_add_relation (RptProjectLoader *self,
                                 RptRelation      *relation)
{
  RptProject *project = self->project;
  const char *id = rpt_relation_get_id (relation);

  rpt_relation_index_add (project->relation_index, relation);
  _rpt_project_insert_keyed (project->relations, project->relation_by_id, id, relation, G_MAXUINT);
  _rpt_id_minter_note_serial (project->ids, id, 'r');
}

gboolean
rpt_project_loader_has_link (RptProjectLoader *self,
                             RptRelationType   type,
                             const char       *from,
                             const char       *to)
{
  return rpt_relation_index_has_link (self->project->relation_index, type, from, to);
}

void
rpt_project_loader_mark_repaired (RptProjectLoader *self)
{
  self->repaired = TRUE;
}

RptProject *
rpt_project_loader_finish (RptProjectLoader *self)
{
  RptProject *project = self->project;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (project != NULL, NULL);

  g_hash_table_iter_init (&iter, project->store_by_document);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      _rpt_annotation_store_sort (value);
      _rpt_project_set_document_count (project, key);
    }
  g_list_store_sort (project->orphans, _rpt_project_compare_orphans, project);
  rpt_history_clear (project->history);
  project->was_dirty = FALSE;
  project->could_undo = FALSE;
  project->could_redo = FALSE;
  /* States count up from 1 and never reach G_MAXUINT64: dirty with
   * nothing to undo. */
  if (self->repaired)
    rpt_project_mark_saved_state (project, G_MAXUINT64);

  return g_steal_pointer (&self->project);
}
