/* rpt-last-place.h: where the user left each project: the article shown
 * and the text offset at the top of its view (code points, as everywhere),
 * so that the project reopens there. Kept beside the user's other state,
 * not in the project file (docs/ARCHITECTURE.md says why): one small key
 * file per project in g_get_user_state_dir()/repartee/places/, named by a
 * hash of the project's URI. Reads and writes run in one worker thread, in
 * the order they were asked for, so a read always sees the writes asked
 * for before it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The folder of the places. */
char     *rpt_last_place_get_dir      (void);

void      rpt_last_place_load_async   (GFile                *project,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
/* FALSE when no place is known for the project (never left with a file,
 * or the place file is unreadable or damaged: a place is a convenience,
 * so nothing is reported); otherwise the article's id and the offset. */
gboolean  rpt_last_place_load_finish  (GAsyncResult         *result,
                                       char                **article_id,
                                       guint                *offset);

/* Records @article_id and @offset as the place in @project. */
void      rpt_last_place_save_async   (GFile                *project,
                                       const char           *article_id,
                                       guint                 offset,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean  rpt_last_place_save_finish  (GAsyncResult         *result,
                                       GError              **error);

G_END_DECLS
