/* rpt-search-results.c: the matches of a search, article by article.
 * Filling them in a worker is in rpt-search-fill.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Search"

#include "config.h"

#include "rpt-search-results.h"

typedef struct
{
  RptDocument *document;
  GArray      *matches;   /* RptSearchMatch */
  guint        first;     /* index of its first match */
} Entry;

struct _RptSearchResults
{
  GObject           parent_instance;

  RptSearchPattern *pattern;
  GArray           *entries;   /* Entry */
  guint             n_matches;
  gboolean          complete;
  gboolean          capped;
};

G_DEFINE_FINAL_TYPE (RptSearchResults, rpt_search_results, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COMPLETE,
  N_PROPS
};

enum {
  MATCHES_ADDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->document);
  g_clear_pointer (&entry->matches, g_array_unref);
}

static void
rpt_search_results_finalize (GObject *object)
{
  RptSearchResults *self = RPT_SEARCH_RESULTS (object);

  g_array_unref (self->entries);
  g_clear_pointer (&self->pattern, rpt_search_pattern_unref);

  G_OBJECT_CLASS (rpt_search_results_parent_class)->finalize (object);
}

static void
rpt_search_results_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RptSearchResults *self = RPT_SEARCH_RESULTS (object);

  switch (prop_id)
    {
    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_search_results_class_init (RptSearchResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rpt_search_results_finalize;
  object_class->get_property = rpt_search_results_get_property;

  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MATCHES_ADDED] =
    g_signal_new ("matches-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
}

static void
rpt_search_results_init (RptSearchResults *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
}

RptSearchResults *
rpt_search_results_new (RptSearchPattern *pattern)
{
  RptSearchResults *self;

  g_return_val_if_fail (pattern != NULL, NULL);

  self = g_object_new (RPT_TYPE_SEARCH_RESULTS, NULL);
  self->pattern = rpt_search_pattern_ref (pattern);
  return self;
}

RptSearchPattern *
rpt_search_results_get_pattern (RptSearchResults *self)
{
  g_return_val_if_fail (RPT_IS_SEARCH_RESULTS (self), NULL);
  return self->pattern;
}

guint
rpt_search_results_get_n_documents (RptSearchResults *self)
{
  g_return_val_if_fail (RPT_IS_SEARCH_RESULTS (self), 0);
  return self->entries->len;
}

static Entry *
entry_at (RptSearchResults *self,
          guint             document_index)
{
  return &g_array_index (self->entries, Entry, document_index);
}

RptDocument *
rpt_search_results_get_document (RptSearchResults *self,
                                 guint             document_index)
{
  g_return_val_if_fail (RPT_IS_SEARCH_RESULTS (self), NULL);
  g_return_val_if_fail (document_index < self->entries->len, NULL);
  return entry_at (self, document_index)->document;
}

int
rpt_search_results_find_document (RptSearchResults *self,
                                  RptDocument      *document)
{
  g_return_val_if_fail (RPT_IS_SEARCH_RESULTS (self), -1);

  for (guint i = 0; i < self->entries->len; i++)
    if (entry_at (self, i)->document == document)
      return (int) i;
  return -1;
}

GArray *
rpt_search_results_get_matches (RptSearchResults *self,
                                guint             document_index)
{
  g_return_val_if_fail (RPT_IS_SEARCH_RESULTS (self), NULL);
  g_return_val_if_fail (document_index < self->entries->len, NULL);
  return entry_at (self, document_index)->matches;
}

guint
rpt_search_results_get_first_index (RptSearchResults *self,
                                    guint             document_index)
{
  g_return_val_if_fail (RPT_IS_SEARCH_RESULTS (self), 0);
  g_return_val_if_fail (document_index < self->entries->len, 0);
  return entry_at (self, document_index)->first;
}

guint
rpt_search_results_get_n_matches (RptSearchResults *self)
{
  g_return_val_if_fail (RPT_IS_SEARCH_RESULTS (self), 0);
  return self->n_matches;
}

gboolean
rpt_search_results_lookup (RptSearchResults *self,
                           guint             index,
                           guint            *document_index,
                           RptSearchMatch   *match)
{
  guint low = 0, high;
  Entry *entry;

  g_return_val_if_fail (RPT_IS_SEARCH_RESULTS (self), FALSE);

  if (index >= self->n_matches)
    return FALSE;
  /* The last entry whose first match is at or before @index. */
  high = self->entries->len;
  while (high - low > 1)
    {
      guint mid = low + (high - low) / 2;

      if (entry_at (self, mid)->first <= index)
        low = mid;
      else
        high = mid;
    }
  entry = entry_at (self, low);
  if (document_index != NULL)
    *document_index = low;
  if (match != NULL)
    *match = g_array_index (entry->matches, RptSearchMatch, index - entry->first);
  return TRUE;
}

gboolean
rpt_search_results_is_complete (RptSearchResults *self)
{
  g_return_val_if_fail (RPT_IS_SEARCH_RESULTS (self), FALSE);
  return self->complete;
}

gboolean
rpt_search_results_is_capped (RptSearchResults *self)
{
  g_return_val_if_fail (RPT_IS_SEARCH_RESULTS (self), FALSE);
  return self->capped;
}

void
rpt_search_results_add (RptSearchResults     *self,
                        RptDocument          *document,
                        const RptSearchMatch *matches,
                        guint                 n)
{
  Entry *entry = NULL;
  guint position;

  g_return_if_fail (RPT_IS_SEARCH_RESULTS (self));
  g_return_if_fail (RPT_IS_DOCUMENT (document));
  g_return_if_fail (!self->complete);

  if (n == 0)
    return;
  if (self->entries->len > 0 && entry_at (self, self->entries->len - 1)->document == document)
    entry = entry_at (self, self->entries->len - 1);
  else
    {
      Entry fresh = { g_object_ref (document), g_array_new (FALSE, FALSE, sizeof (RptSearchMatch)),
                      self->n_matches };

      g_return_if_fail (rpt_search_results_find_document (self, document) < 0);
      g_array_append_val (self->entries, fresh);
      entry = entry_at (self, self->entries->len - 1);
    }
  position = entry->matches->len;
  g_array_append_vals (entry->matches, matches, n);
  self->n_matches += n;
  g_signal_emit (self, signals[MATCHES_ADDED], 0, self->entries->len - 1, position, n);
}

void
rpt_search_results_set_complete (RptSearchResults *self,
                                 gboolean          capped)
{
  g_return_if_fail (RPT_IS_SEARCH_RESULTS (self));

  if (self->complete)
    return;
  self->complete = TRUE;
  self->capped = capped;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}
