/* rpt-search-results.h: the matches of one search across one or more
 * articles, grouped by article in the order searched; filled a batch at
 * a time by a worker thread (rpt_search_results_fill_async) while views
 * follow the "matches-added" signal.
 *
 * Matches are numbered across all articles in order (a match's "index"),
 * which is how Find counts ("3 of 12") and steps from one to the next.
 * Only articles with at least one match are listed.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rpt-document.h"
#include "rpt-search-pattern.h"

G_BEGIN_DECLS

/* A search stops after this many matches across all articles: more are
 * of no use to read or tag, and each costs memory in every view. */
#define RPT_SEARCH_MAX_MATCHES 100000
/* The worker hands matches over in batches of at most this many. */
#define RPT_SEARCH_BATCH_MATCHES 4096

#define RPT_TYPE_SEARCH_RESULTS (rpt_search_results_get_type ())
G_DECLARE_FINAL_TYPE (RptSearchResults, rpt_search_results, RPT, SEARCH_RESULTS, GObject)

RptSearchResults *rpt_search_results_new               (RptSearchPattern *pattern);
RptSearchPattern *rpt_search_results_get_pattern       (RptSearchResults *self);

/* Articles with matches so far. */
guint             rpt_search_results_get_n_documents   (RptSearchResults *self);
RptDocument      *rpt_search_results_get_document      (RptSearchResults *self,
                                                        guint             document_index);
/* The position of @document among them, or -1. */
int               rpt_search_results_find_document     (RptSearchResults *self,
                                                        RptDocument      *document);
/* The matches of one article, in text order: a live array that grows as
 * matches are added (take a reference to keep it). */
GArray           *rpt_search_results_get_matches       (RptSearchResults *self,
                                                        guint             document_index);
/* The index of its first match. */
guint             rpt_search_results_get_first_index   (RptSearchResults *self,
                                                        guint             document_index);

/* All matches so far. */
guint             rpt_search_results_get_n_matches     (RptSearchResults *self);
/* Match @index: its article's position and the match. FALSE past the end. */
gboolean          rpt_search_results_lookup            (RptSearchResults *self,
                                                        guint             index,
                                                        guint            *document_index,
                                                        RptSearchMatch   *match);

/* TRUE once every article has been searched (property "complete"). */
gboolean          rpt_search_results_is_complete       (RptSearchResults *self);
/* TRUE when the search stopped at RPT_SEARCH_MAX_MATCHES. */
gboolean          rpt_search_results_is_capped         (RptSearchResults *self);

/* Appends @n matches of @document, which must be the last article listed
 * or a new one; emits "matches-added" (document index, the position of
 * the first new match within the article, how many). The worker's batches
 * arrive through this; tests may call it directly. */
void              rpt_search_results_add               (RptSearchResults     *self,
                                                        RptDocument          *document,
                                                        const RptSearchMatch *matches,
                                                        guint                 n);
void              rpt_search_results_set_complete      (RptSearchResults *self,
                                                        gboolean          capped);

/* Searches @documents (RptDocument; their texts never change) in order in
 * a worker thread, and adds what it finds on the calling thread's
 * thread-default main context: the first match at once, then batches at
 * most every few tens of milliseconds, each small enough not to hold that
 * main loop up. Completes once everything found has been added and the
 * results are complete; cancelled, it adds nothing more and fails with
 * G_IO_ERROR_CANCELLED. One fill per results. */
void              rpt_search_results_fill_async        (RptSearchResults    *self,
                                                        GPtrArray           *documents,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean          rpt_search_results_fill_finish       (RptSearchResults    *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* The same, on this thread, for the tool and tests. */
void              rpt_search_results_fill              (RptSearchResults    *self,
                                                        GPtrArray           *documents);

G_END_DECLS
