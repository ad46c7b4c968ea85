/* rpt-search-tag.h: tagging every match of a search at once ("Tag All").
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rpt-project.h"
#include "rpt-search-results.h"

G_BEGIN_DECLS

/* Grows [*start, *end) of @document's text (code points) to whole words
 * the way tagging a selection does with "Snap Selections to Words": white
 * space is trimmed off both ends, then an end inside a word moves out to
 * that word's edge (Pango's word boundaries, as GtkTextIter's word
 * functions use). */
void     rpt_search_snap_to_words (RptDocument      *document,
                                   guint            *start,
                                   guint            *end);

/* Tags every match in @results (complete or not) with @label_id and
 * @speaker_id (NULL: none) as one undo step named @description; with
 * @snap, each match snapped to words first. A match whose span already
 * has an annotation with that label (one tagged before, or an earlier
 * match that snapped to the same words) is skipped. Articles no longer in
 * @project are skipped too. FALSE with an error, and nothing changed, for
 * an unknown label or speaker. */
gboolean rpt_search_tag_all       (RptProject       *project,
                                   RptSearchResults *results,
                                   const char       *label_id,
                                   const char       *speaker_id,
                                   gboolean          snap,
                                   const char       *description,
                                   guint            *n_tagged,
                                   guint            *n_skipped,
                                   GError          **error);

G_END_DECLS
