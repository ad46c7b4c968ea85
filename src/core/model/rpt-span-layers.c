/* rpt-span-layers.c: tint and underline runs for overlapping spans.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Model"

#include "config.h"

#include "rpt-span-layers.h"

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static void
add_run (GArray     *runs,
         const char *label_id,
         guint       start,
         guint       end)
{
  if (runs->len > 0)
    {
      RptSpanRun *last = &g_array_index (runs, RptSpanRun, runs->len - 1);

      if (last->end == start && g_strcmp0 (last->label_id, label_id) == 0)
        {
          last->end = end;
          return;
        }
    }
  g_array_append_vals (runs, &(RptSpanRun) { start, end, label_id }, 1);
}

static gboolean
is_outer (RptAnnotation *a,
          RptAnnotation *than)
{
  guint sa = rpt_annotation_get_start (a), st = rpt_annotation_get_start (than);

  return sa < st || (sa == st && rpt_annotation_get_end (a) > rpt_annotation_get_end (than));
}

void
rpt_span_layers (GPtrArray *spans,
                 guint      start,
                 guint      end,
                 GArray    *tints,
                 GArray    *underlines)
{
  g_autoptr(GArray) points = NULL;
  g_autoptr(GPtrArray) active = NULL;
  guint next = 0;

  g_return_if_fail (spans != NULL);
  g_return_if_fail (tints != NULL && underlines != NULL);

  if (start >= end || spans->len == 0)
    return;

  points = g_array_sized_new (FALSE, FALSE, sizeof (guint), 2 * spans->len + 2);
  g_array_append_val (points, start);
  g_array_append_val (points, end);
  for (guint i = 0; i < spans->len; i++)
    {
      RptAnnotation *a = g_ptr_array_index (spans, i);
      guint s = rpt_annotation_get_start (a), e = rpt_annotation_get_end (a);

      if (s > start && s < end)
        g_array_append_val (points, s);
      if (e > start && e < end)
        g_array_append_val (points, e);
    }
  g_array_sort (points, compare_uint);

  /* Sweep: @active holds the spans covering the current piece. */
  active = g_ptr_array_new ();
  for (guint p = 0; p + 1 < points->len; p++)
    {
      guint from = g_array_index (points, guint, p);
      guint to = g_array_index (points, guint, p + 1);
      RptAnnotation *outer = NULL, *inner = NULL;

      if (from == to)
        continue;

      while (next < spans->len && rpt_annotation_get_start (g_ptr_array_index (spans, next)) <= from)
        g_ptr_array_add (active, g_ptr_array_index (spans, next++));

      for (guint i = 0; i < active->len;)
        {
          RptAnnotation *a = g_ptr_array_index (active, i);

          if (rpt_annotation_get_end (a) <= from)
            {
              g_ptr_array_remove_index (active, i);
              continue;
            }
          if (outer == NULL || is_outer (a, outer))
            outer = a;
          /* Not strict: of two spans with the same range (one text tagged
           * with two labels) the later one is the inner, so both show. */
          if (inner == NULL || !is_outer (a, inner))
            inner = a;
          i++;
        }

      if (outer == NULL)
        continue;
      add_run (tints, rpt_annotation_get_label (outer), from, to);
      if (inner != outer)
        add_run (underlines, rpt_annotation_get_label (inner), from, to);
    }
}
