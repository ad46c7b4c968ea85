/* rpt-article-meta.h: what identifies an article as a source besides its
 * title: the outlet that published it, the byline, the publication date,
 * where it was found, its language and the user's note. Every field is
 * optional (NULL when unknown); a plain boxed struct, so that importers
 * can fill one before the document exists and the project can keep a
 * copy as the state of an undo step.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* In file order; the nick of each value is its member name in the
 * project file (docs/FORMAT.md). */
typedef enum {
  RPT_ARTICLE_FIELD_OUTLET,   /*< nick=outlet >*/
  RPT_ARTICLE_FIELD_AUTHOR,   /*< nick=author >*/
  RPT_ARTICLE_FIELD_DATE,     /*< nick=date >*/
  RPT_ARTICLE_FIELD_URL,      /*< nick=url >*/
  RPT_ARTICLE_FIELD_LANGUAGE, /*< nick=language >*/
  RPT_ARTICLE_FIELD_NOTE,     /*< nick=note >*/
} RptArticleField;

#define RPT_ARTICLE_N_FIELDS (RPT_ARTICLE_FIELD_NOTE + 1)

typedef struct _RptArticleMeta RptArticleMeta;

#define RPT_TYPE_ARTICLE_META (rpt_article_meta_get_type ())
GType           rpt_article_meta_get_type  (void) G_GNUC_CONST;

RptArticleMeta *rpt_article_meta_new       (void);
RptArticleMeta *rpt_article_meta_copy      (const RptArticleMeta *self);
void            rpt_article_meta_free      (RptArticleMeta       *self);
gboolean        rpt_article_meta_equal     (const RptArticleMeta *a,
                                            const RptArticleMeta *b);
/* TRUE when no field is set (NULL counts as empty). */
gboolean        rpt_article_meta_is_empty  (const RptArticleMeta *self);

/* NULL when unset. */
const char     *rpt_article_meta_get       (const RptArticleMeta *self,
                                            RptArticleField       field);
/* Stores a copy with surrounding white space removed; NULL or a blank
 * value unsets the field. */
void            rpt_article_meta_set       (RptArticleMeta       *self,
                                            RptArticleField       field,
                                            const char           *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RptArticleMeta, rpt_article_meta_free)

G_END_DECLS
