/* rpt-project-order.c: the order of the articles, which the user sets
 * (the project file keeps it): moving one article, and sorting them all
 * by publication date or by outlet. Each is one undo step.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rpt-project-edits-private.h"
#include "rpt-project-ops-private.h"

void
rpt_project_move_document (RptProject *self,
                           const char *document_id,
                           guint       position)
{
  GListModel *documents;
  RptDocument *document;
  guint from;
  Op *op;

  g_return_if_fail (RPT_IS_PROJECT (self));

  if (!(document = rpt_project_get_document (self, document_id)))
    return;
  documents = rpt_project_get_documents (self);
  from = _rpt_list_position (documents, document);
  position = MIN (position, g_list_model_get_n_items (documents) - 1);
  if (from == position)
    return;

  op = _rpt_op_new (OP_MOVE_DOCUMENT, G_OBJECT (document));
  op->position = from;
  op->to = position;
  _rpt_project_begin_edit (self, _("Move Article"));
  _rpt_project_record (self, op);
  _rpt_project_end_edit (self);
}

/* ---- Sorting ---- */

typedef struct
{
  RptDocument *document;
  guint        position;   /* before sorting: ties keep their order */
  gboolean     has_key;
  guint        year, month, day;
  char        *key;        /* the date as written, or the outlet's collation key */
  char        *title;      /* the title's collation key */
} SortItem;

static gboolean
read_number (const char **p,
             guint        digits,
             guint       *value)
{
  *value = 0;
  for (guint i = 0; i < digits; i++, (*p)++)
    {
      if (!g_ascii_isdigit (**p))
        return FALSE;
      *value = *value * 10 + (guint) (**p - '0');
    }
  return TRUE;
}

/* An ISO 8601 date ("2022-02-10", "2022-02", "2022", or with a time after
 * it), else a date as people write it in the user's language (GDate's
 * parser: "10 February 2022", "2/10/2022"). Missing parts count as 0, so
 * "2022" comes before "2022-01-01". */
static gboolean
parse_date (const char *text,
            guint      *year,
            guint      *month,
            guint      *day)
{
  const char *p = text;
  g_autoptr(GDate) date = NULL;

  *month = *day = 0;
  if (read_number (&p, 4, year) && !g_ascii_isdigit (*p))
    {
      if (*p == '-' && (p++, !read_number (&p, 2, month)))
        *month = 0;
      else if (*month > 0 && *p == '-' && (p++, !read_number (&p, 2, day)))
        *day = 0;
      if (*month <= 12 && *day <= 31)
        return TRUE;
    }

  date = g_date_new ();
  g_date_set_parse (date, text);
  if (!g_date_valid (date))
    return FALSE;
  *year = g_date_get_year (date);
  *month = g_date_get_month (date);
  *day = g_date_get_day (date);
  return TRUE;
}

static char *
collation_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return g_utf8_collate_key (folded, -1);
}

static void
sort_item_init (SortItem        *item,
                RptDocument     *document,
                guint            position,
                RptDocumentSort  by)
{
  const RptArticleMeta *meta = rpt_document_get_meta (document);
  const char *value;

  item->document = document;
  item->position = position;
  item->title = collation_key (rpt_document_get_title (document));
  if (by == RPT_DOCUMENT_SORT_DATE)
    {
      value = rpt_article_meta_get (meta, RPT_ARTICLE_FIELD_DATE);
      item->has_key = value != NULL && parse_date (value, &item->year, &item->month, &item->day);
      item->key = item->has_key ? g_strdup (value) : NULL;
    }
  else
    {
      value = rpt_article_meta_get (meta, RPT_ARTICLE_FIELD_OUTLET);
      item->has_key = value != NULL;
      item->key = item->has_key ? collation_key (value) : NULL;
    }
}

static void
sort_item_clear (gpointer data)
{
  SortItem *item = data;

  g_free (item->key);
  g_free (item->title);
}

#define COMPARE(a, b) G_STMT_START { if ((a) != (b)) return (a) < (b) ? -1 : 1; } G_STMT_END

/* With a key before without; by the key; then by title; then as they were. */
static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const SortItem *x = a, *y = b;
  int order;

  COMPARE (!x->has_key, !y->has_key);
  if (x->has_key)
    {
      COMPARE (x->year, y->year);
      COMPARE (x->month, y->month);
      COMPARE (x->day, y->day);
      if ((order = strcmp (x->key, y->key)) != 0)
        return order;
    }
  if ((order = strcmp (x->title, y->title)) != 0)
    return order;
  COMPARE (x->position, y->position);
  return 0;
}

void
rpt_project_sort_documents (RptProject      *self,
                            RptDocumentSort  by)
{
  GListModel *documents;
  guint n;
  g_autoptr(GArray) items = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gboolean changed = FALSE;
  Op *op;

  g_return_if_fail (RPT_IS_PROJECT (self));
  g_return_if_fail (by == RPT_DOCUMENT_SORT_DATE || by == RPT_DOCUMENT_SORT_OUTLET);

  documents = rpt_project_get_documents (self);
  n = g_list_model_get_n_items (documents);
  items = g_array_sized_new (FALSE, TRUE, sizeof (SortItem), n);
  g_array_set_clear_func (items, sort_item_clear);
  before = g_ptr_array_new_full (n, g_object_unref);
  after = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      SortItem item = { 0 };

      g_ptr_array_add (before, g_list_model_get_item (documents, i));
      sort_item_init (&item, g_ptr_array_index (before, i), i, by);
      g_array_append_val (items, item);
    }
  g_array_sort (items, compare_items);
  for (guint i = 0; i < n; i++)
    {
      SortItem *item = &g_array_index (items, SortItem, i);

      g_ptr_array_add (after, g_object_ref (item->document));
      changed |= item->position != i;
    }
  /* Already in order: no undo step that does nothing. */
  if (!changed)
    return;

  op = _rpt_op_new (OP_ORDER_DOCUMENTS, G_OBJECT (documents));
  op->u.order.before = g_steal_pointer (&before);
  op->u.order.after = g_steal_pointer (&after);
  _rpt_project_begin_edit (self, by == RPT_DOCUMENT_SORT_DATE ? _("Sort Articles by Date")
                                                              : _("Sort Articles by Outlet"));
  _rpt_project_record (self, op);
  _rpt_project_end_edit (self);
}
