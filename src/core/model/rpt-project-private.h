/* rpt-project-private.h: ids and bulk loading, for the readers and the
 * importers; the one-pass reader's switch, for the tests.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (RPT_MODEL_COMPILATION) && !defined (RPT_REANCHOR_COMPILATION) \
    && !defined (RPT_FILE_COMPILATION) && !defined (RPT_IMPORT_COMPILATION) \
    && !defined (RPT_TESTS_COMPILATION)
# error "rpt-project-private.h is private to src/core/model, src/core/reanchor, src/core/file, src/core/import and the tests (docs/ARCHITECTURE.md)."
#endif

#include "rpt-project.h"

G_BEGIN_DECLS

/* Bulk loading, no history, no signals: the reader fills a fresh project. */
void      _rpt_project_load_label       (RptProject    *self,
                                         RptLabel      *label);
void      _rpt_project_load_speaker     (RptProject    *self,
                                         RptSpeaker    *speaker);
void      _rpt_project_load_document    (RptProject    *self,
                                         RptDocument   *document);
void      _rpt_project_load_annotation  (RptProject    *self,
                                         RptAnnotation *annotation);
void      _rpt_project_load_relation    (RptProject    *self,
                                         RptRelation   *relation);
/* Whether a relation of @type from @from to @to is loaded already. */
gboolean  _rpt_project_has_link         (RptProject      *self,
                                         RptRelationType  type,
                                         const char      *from,
                                         const char      *to);
/* @annotation must be an orphan (rpt_annotation_is_orphan). */
void      _rpt_project_load_orphan      (RptProject    *self,
                                         RptAnnotation *annotation);
/* Sorts the annotation stores and the orphans and resets the history: the
 * result is clean. */
void      _rpt_project_load_finish      (RptProject    *self);

/* Dirty with nothing to undo: a load that repaired the file. */
void      _rpt_project_mark_unsaved     (RptProject    *self);

/* The one-pass reader (file/rpt-project-fast-reader.c; declared here, where
 * the tests reach it): the project, or NULL when the json-glib reader must
 * decide. */
RptProject *_rpt_project_read_fast         (const char *data,
                                            gsize       len);
/* Tests turn it off to compare the reader with the json-glib reader alone. */
void        _rpt_project_set_fast_reader   (gboolean    enabled);

G_END_DECLS
