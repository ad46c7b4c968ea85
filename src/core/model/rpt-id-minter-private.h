/* rpt-id-minter-private.h: the ids the project makes for what it gains
 * (rpt-id-minter.c): "a<N>" and "r<N>" for annotations and relations, and
 * slugs of names for articles, labels and speakers.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (RPT_MODEL_COMPILATION) && !defined (RPT_IMPORT_COMPILATION)
# error "rpt-id-minter-private.h is private to src/core/model and src/core/import (docs/ARCHITECTURE.md)."
#endif

#include "rpt-project.h"

G_BEGIN_DECLS

typedef struct _RptIdMinter RptIdMinter;

/* The tables are the project's (id -> object, borrowed): a new id is a key
 * of none of the tables of its kind. */
RptIdMinter *_rpt_id_minter_new              (GHashTable  *documents,
                                              GHashTable  *labels,
                                              GHashTable  *speakers,
                                              GHashTable  *annotations,
                                              GHashTable  *orphans,
                                              GHashTable  *relations);
void         _rpt_id_minter_free             (RptIdMinter *self);

/* @prefix and the next serial ("a7", "r8") that is no annotation's,
 * orphan's or relation's id. Annotations and relations count together. */
char        *_rpt_id_minter_serial           (RptIdMinter *self,
                                              const char  *prefix);
/* A loaded id: serials made later are above its number if it is
 * @prefix and digits. */
void         _rpt_id_minter_note_serial      (RptIdMinter *self,
                                              const char  *id,
                                              char         prefix);

/* Slugs of @name ("Diplomatic signal" -> "diplomatic-signal", then
 * "diplomatic-signal-2" …), unique among the ids of their kind; "article",
 * "label" or "speaker" for a name with no letter or digit. */
char        *_rpt_id_minter_document_id      (RptIdMinter *self,
                                              const char  *name);
char        *_rpt_id_minter_label_id         (RptIdMinter *self,
                                              const char  *name);
char        *_rpt_id_minter_speaker_id       (RptIdMinter *self,
                                              const char  *name);
/* An article left the project: numbers it had are free again. */
void         _rpt_id_minter_document_removed (RptIdMinter *self);

/* The same slug, unique among the keys of @taken, for ids made outside a
 * project (the dataset importer). */
char        *_rpt_id_slug                    (GHashTable  *taken,
                                              const char  *name,
                                              const char  *fallback);

/* The project's minter (rpt-project.c). */
RptIdMinter *_rpt_project_get_ids            (RptProject  *project);

G_END_DECLS
