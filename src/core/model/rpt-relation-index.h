/* rpt-relation-index.h: the relations of each annotation, for RptProject.
 * The inspector asks for them for every row it shows, so they are indexed
 * rather than scanned for.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rpt-relation.h"

G_BEGIN_DECLS

typedef struct _RptRelationIndex RptRelationIndex;

RptRelationIndex *rpt_relation_index_new    (void);
void              rpt_relation_index_free   (RptRelationIndex *self);
/* Call as the relation enters or leaves the project's relations list. */
void              rpt_relation_index_add    (RptRelationIndex *self,
                                             RptRelation      *relation);
void              rpt_relation_index_remove (RptRelationIndex *self,
                                             RptRelation      *relation);
/* The relations from or to @annotation_id (borrowed pointers, a new
 * array), in the order of the relations list. */
/* Whether a relation of @type from @from to @to is in the index. */
gboolean          rpt_relation_index_has_link (RptRelationIndex *self,
                                               RptRelationType   type,
                                               const char       *from,
                                               const char       *to);
GPtrArray        *rpt_relation_index_lookup (RptRelationIndex *self,
                                             const char       *annotation_id);

G_END_DECLS
