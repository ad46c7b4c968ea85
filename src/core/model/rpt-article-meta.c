/* rpt-article-meta.c: an article's source metadata, a boxed struct.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Model"

#include "config.h"

#include <string.h>

#include "rpt-article-meta.h"

struct _RptArticleMeta
{
  char *fields[RPT_ARTICLE_N_FIELDS];
};

G_DEFINE_BOXED_TYPE (RptArticleMeta, rpt_article_meta,
                     rpt_article_meta_copy, rpt_article_meta_free)

RptArticleMeta *
rpt_article_meta_new (void)
{
  return g_new0 (RptArticleMeta, 1);
}

RptArticleMeta *
rpt_article_meta_copy (const RptArticleMeta *self)
{
  RptArticleMeta *copy = rpt_article_meta_new ();

  g_return_val_if_fail (self != NULL, copy);

  for (guint i = 0; i < RPT_ARTICLE_N_FIELDS; i++)
    copy->fields[i] = g_strdup (self->fields[i]);
  return copy;
}

void
rpt_article_meta_free (RptArticleMeta *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < RPT_ARTICLE_N_FIELDS; i++)
    g_free (self->fields[i]);
  g_free (self);
}

gboolean
rpt_article_meta_equal (const RptArticleMeta *a,
                        const RptArticleMeta *b)
{
  for (guint i = 0; i < RPT_ARTICLE_N_FIELDS; i++)
    {
      const char *x = a != NULL ? a->fields[i] : NULL;
      const char *y = b != NULL ? b->fields[i] : NULL;

      if (g_strcmp0 (x, y) != 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
rpt_article_meta_is_empty (const RptArticleMeta *self)
{
  return rpt_article_meta_equal (self, NULL);
}

const char *
rpt_article_meta_get (const RptArticleMeta *self,
                      RptArticleField       field)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (field < RPT_ARTICLE_N_FIELDS, NULL);

  return self->fields[field];
}

void
rpt_article_meta_set (RptArticleMeta *self,
                      RptArticleField field,
                      const char     *value)
{
  g_autofree char *copy = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (field < RPT_ARTICLE_N_FIELDS);

  if (value != NULL)
    copy = g_strstrip (g_strdup (value));
  if (copy != NULL && *copy == '\0')
    g_clear_pointer (&copy, g_free);

  g_free (self->fields[field]);
  self->fields[field] = g_steal_pointer (&copy);
}
