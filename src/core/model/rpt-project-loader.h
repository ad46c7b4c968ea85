/* rpt-project-loader.h: building a whole project at once, for the readers
 * of the project file, re-anchoring while loading and the dataset importer
 * (rpt-project-loader.c). Loading records no history and emits no signal;
 * the project is sorted, counted and clean only when
 * rpt_project_loader_finish () hands it over, so no one else ever sees it
 * half loaded.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (RPT_MODEL_COMPILATION) && !defined (RPT_REANCHOR_COMPILATION) \
    && !defined (RPT_FILE_COMPILATION) && !defined (RPT_IMPORT_COMPILATION)
# error "rpt-project-loader.h is private to src/core/model, src/core/reanchor, src/core/file and src/core/import (docs/ARCHITECTURE.md)."
#endif

#include "rpt-project.h"

G_BEGIN_DECLS

typedef struct _RptProjectLoader RptProjectLoader;

/* A loader filling a new project without labels. */
RptProjectLoader *rpt_project_loader_new          (void);
/* Drops the project too unless it was finished. */
void              rpt_project_loader_free         (RptProjectLoader *self);

/* The project being filled (borrowed), for lookups by id while loading:
 * its annotation stores, orphans and article counts are in order only once
 * it is finished. */
RptProject       *rpt_project_loader_get_project  (RptProjectLoader *self);

/* Each takes a reference and checks nothing: the caller has checked the ids
 * unique and the references to what is loaded already (an annotation's
 * article, label and speaker; a relation's ends). */
void              rpt_project_loader_add_label      (RptProjectLoader *self,
                                                     RptLabel         *label);
void              rpt_project_loader_add_speaker    (RptProjectLoader *self,
                                                     RptSpeaker       *speaker);
void              rpt_project_loader_add_document   (RptProjectLoader *self,
                                                     RptDocument      *document);
void              rpt_project_loader_add_annotation (RptProjectLoader *self,
                                                     RptAnnotation    *annotation);
/* @annotation must be an orphan (rpt_annotation_is_orphan). */
void              rpt_project_loader_add_orphan     (RptProjectLoader *self,
                                                     RptAnnotation    *annotation);
void              rpt_project_loader_add_relation   (RptProjectLoader *self,
                                                     RptRelation      *relation);
/* Whether a relation of @type from @from to @to is loaded already. */
gboolean          rpt_project_loader_has_link       (RptProjectLoader *self,
                                                     RptRelationType   type,
                                                     const char       *from,
                                                     const char       *to);

/* The project was repaired on the way in (re-anchored): it finishes dirty
 * with nothing to undo, since the file on disk still holds the old state. */
void              rpt_project_loader_mark_repaired  (RptProjectLoader *self);

/* Sorts the annotation stores and the orphans, counts each article's
 * annotations and resets the history. Returns the project (transfer full),
 * clean unless it was repaired; the loader takes nothing more. */
RptProject       *rpt_project_loader_finish         (RptProjectLoader *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RptProjectLoader, rpt_project_loader_free)

G_END_DECLS
