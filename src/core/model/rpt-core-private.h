/* rpt-core-private.h: constructors and setters that only RptProject and the
 * project reader may call, so that every edit goes through the project.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (RPT_MODEL_COMPILATION) && !defined (RPT_REANCHOR_COMPILATION) \
    && !defined (RPT_FILE_COMPILATION) && !defined (RPT_IMPORT_COMPILATION)
# error "rpt-core-private.h is private to src/core/model, src/core/reanchor, src/core/file and src/core/import (docs/ARCHITECTURE.md)."
#endif

#include "rpt-annotation.h"
#include "rpt-document.h"
#include "rpt-error.h"
#include "rpt-label.h"
#include "rpt-relation.h"
#include "rpt-speaker.h"

G_BEGIN_DECLS

RptAnnotation *_rpt_annotation_new          (const char *id,
                                             const char *document,
                                             guint       start,
                                             guint       end,
                                             const char *label,
                                             const char *speaker,
                                             const char *note,
                                             const char *author,
                                             gint64      created,
                                             gint64      modified);
void           _rpt_annotation_set_range    (RptAnnotation *self, guint start, guint end);
void           _rpt_annotation_set_label    (RptAnnotation *self, const char *label);
void           _rpt_annotation_set_speaker  (RptAnnotation *self, const char *speaker);
void           _rpt_annotation_set_note     (RptAnnotation *self, const char *note);
void           _rpt_annotation_set_modified (RptAnnotation *self, gint64 modified);
/* Makes it an orphan carrying @quote and its context, or (all NULL) a
 * placed annotation again. No notification: it is out of every list. */
void           _rpt_annotation_set_anchor   (RptAnnotation *self,
                                             const char    *quote,
                                             const char    *prefix,
                                             const char    *suffix);

void           _rpt_label_set_name          (RptLabel *self, const char *name);
void           _rpt_label_set_color         (RptLabel *self, const char *color);
void           _rpt_label_set_shortcut      (RptLabel *self, guint shortcut);
void           _rpt_label_set_description   (RptLabel *self, const char *description);

void           _rpt_speaker_set_name        (RptSpeaker *self, const char *name);

void           _rpt_document_set_n_annotations (RptDocument *self, guint n);

RptRelation   *_rpt_relation_new            (const char     *id,
                                             RptRelationType type,
                                             const char     *from,
                                             const char     *to);
/* Its place in the order of first insertion, for the relation index. */
guint64        _rpt_relation_get_order      (RptRelation *self);
void           _rpt_relation_set_order      (RptRelation *self,
                                             guint64      order);

/* What the project file accepts as an id: 1 to RPT_MAX_ID_BYTES bytes of
 * UTF-8 without control characters. */
gboolean       _rpt_id_is_valid             (const char *id);

/* A GHashFunc for ids, which keeps ids made one after another ("a1",
 * "a2", ...) in neighbouring buckets. */
guint          _rpt_id_hash                 (gconstpointer id);

/* "BASE-N" for the smallest N >= @first that is not a key of @taken.
 * @hints (string keys owned by the table, or NULL) remembers where the
 * last search for @base stopped, so that minting many ids from one base
 * probes each number about once instead of counting from @first every
 * time: give it only while nothing is removed from @taken. */
char          *_rpt_id_next_free            (GHashTable *taken,
                                             GHashTable *hints,
                                             const char *base,
                                             guint       first);

/* Sets @error (if not NULL) in RPT_ERROR with @code and the message;
 * returns FALSE, for "return _rpt_fail (…)" in checks. */
gboolean       _rpt_fail                    (GError    **error,
                                             RptError    code,
                                             const char *format,
                                             ...) G_GNUC_PRINTF (3, 4);

/* Now, in microseconds since the epoch, truncated to whole seconds so that
 * what is in memory is exactly what the file stores. */
gint64         _rpt_now                     (void);

G_END_DECLS
