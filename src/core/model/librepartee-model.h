/* librepartee-model.h: the model (src/core/model), the bottom of the core:
 * the project, its documents, labels, speakers, annotations and relations,
 * its edits and their undo, and what a front end shows of annotations. rpt-history.h and rpt-relation-index.h are
 * parts of RptProject that nothing else uses.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rpt-annotation.h"
#include "rpt-annotation-format.h"
#include "rpt-annotation-store.h"
#include "rpt-article-meta.h"
#include "rpt-document.h"
#include "rpt-error.h"
#include "rpt-label.h"
#include "rpt-limits.h"
#include "rpt-project.h"
#include "rpt-project-snapshot.h"
#include "rpt-relation.h"
#include "rpt-span-layers.h"
#include "rpt-speaker.h"
