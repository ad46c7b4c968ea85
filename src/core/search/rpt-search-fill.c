/* rpt-search-fill.c: searching articles in a worker thread.
 *
 * The worker reads only what never changes (the pattern and the articles'
 * texts) and queues what it finds; the main thread takes the queue a
 * batch at a time in an idle and adds it to the results, where views
 * follow. The first match is handed over at once (find as you type shows
 * something on the next frame); later ones at most every FLUSH_MS, so a
 * search with many matches does not redraw the window for each; a batch
 * holds at most RPT_SEARCH_BATCH_MATCHES, so adding one never holds the
 * main loop up, however fast the worker is.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Search"

#include "config.h"

#include "rpt-search-results.h"

#define FLUSH_MS      20


typedef struct
{
  guint          document;   /* into Fill.documents */
  RptSearchMatch match;
} Found;

typedef struct
{
  gatomicrefcount   ref_count;
  RptSearchResults *results;      /* main thread only */
  RptSearchPattern *pattern;
  GPtrArray        *documents;
  GMainContext     *context;
  GCancellable     *cancellable;
  GTask            *task;         /* the caller's; main thread only */

  GMutex            lock;         /* guards what follows */
  GArray           *queue;        /* Found */
  gboolean          flush_queued;
  gint64            last_flush;
  gboolean          worker_done;
  gboolean          capped;
} Fill;

static Fill *
fill_ref (Fill *fill)
{
  g_atomic_ref_count_inc (&fill->ref_count);
  return fill;
}

static void
fill_unref (gpointer data)
{
  Fill *fill = data;

  if (!g_atomic_ref_count_dec (&fill->ref_count))
    return;
  g_clear_object (&fill->results);
  rpt_search_pattern_unref (fill->pattern);
  g_ptr_array_unref (fill->documents);
  g_main_context_unref (fill->context);
  g_clear_object (&fill->cancellable);
  g_clear_object (&fill->task);
  g_array_unref (fill->queue);
  g_mutex_clear (&fill->lock);
  g_free (fill);
}

/* Main thread: once the worker is done and its queue is empty. */
static void
maybe_finish (Fill *fill)
{
  gboolean capped;
  GTask *task;

  g_mutex_lock (&fill->lock);
  if (!fill->worker_done || fill->queue->len > 0 || fill->flush_queued || fill->task == NULL)
    {
      g_mutex_unlock (&fill->lock);
      return;
    }
  capped = fill->capped;
  g_mutex_unlock (&fill->lock);

  task = g_steal_pointer (&fill->task);
  if (!g_task_return_error_if_cancelled (task))
    {
      rpt_search_results_set_complete (fill->results, capped);
      g_task_return_boolean (task, TRUE);
    }
  g_object_unref (task);
}

/* Main thread: adds the next batch, grouped by article. */
static gboolean
flush (gpointer data)
{
  Fill *fill = data;
  g_autoptr(GArray) batch = NULL;
  gboolean more;
  guint i = 0;

  g_mutex_lock (&fill->lock);
  batch = g_array_sized_new (FALSE, FALSE, sizeof (Found), MIN (fill->queue->len, RPT_SEARCH_BATCH_MATCHES));
  g_array_append_vals (batch, fill->queue->data, MIN (fill->queue->len, RPT_SEARCH_BATCH_MATCHES));
  g_array_remove_range (fill->queue, 0, batch->len);
  more = fill->queue->len > 0;
  fill->flush_queued = more;
  fill->last_flush = g_get_monotonic_time ();
  g_mutex_unlock (&fill->lock);

  /* A handler of one article's matches may cancel the rest. */
  while (i < batch->len && !g_cancellable_is_cancelled (fill->cancellable))
    {
      guint document = g_array_index (batch, Found, i).document;
      g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (RptSearchMatch));

      for (; i < batch->len && g_array_index (batch, Found, i).document == document; i++)
        g_array_append_val (matches, g_array_index (batch, Found, i).match);
      rpt_search_results_add (fill->results, g_ptr_array_index (fill->documents, document),
                              (const RptSearchMatch *) (gpointer) matches->data, matches->len);
    }

  if (!more)
    maybe_finish (fill);
  return more ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Called with the lock held: queues a flush of what is queued. */
static void
schedule_flush (Fill *fill)
{
  GSource *source = g_idle_source_new ();

  fill->flush_queued = TRUE;
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, flush, fill_ref (fill), fill_unref);
  g_source_set_static_name (source, "[repartee] search results");
  g_source_attach (source, fill->context);
  g_source_unref (source);
}

/* Worker: queues @found (if any), and a flush when one is due: the first
 * at once, the next FLUSH_MS after the last. */
static void
queue_found (Fill        *fill,
             const Found *found)
{
  gint64 now = g_get_monotonic_time ();

  g_mutex_lock (&fill->lock);
  if (found != NULL)
    g_array_append_val (fill->queue, *found);
  if (fill->queue->len > 0 && !fill->flush_queued &&
      (fill->last_flush == 0 || now - fill->last_flush >= FLUSH_MS * 1000))
    schedule_flush (fill);
  g_mutex_unlock (&fill->lock);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Fill *fill = task_data;
  guint n = 0;

  for (guint d = 0; d < fill->documents->len && n < RPT_SEARCH_MAX_MATCHES; d++)
    {
      RptDocument *document = g_ptr_array_index (fill->documents, d);
      RptSearchScan scan;
      Found found = { d, { 0, 0 } };

      if (g_cancellable_is_cancelled (cancellable))
        break;
      rpt_search_scan_init (&scan, fill->pattern, rpt_document_get_text (document),
                            rpt_document_get_text_bytes (document));
      while (rpt_search_scan_next (&scan, &found.match))
        {
          queue_found (fill, &found);
          if (++n >= RPT_SEARCH_MAX_MATCHES || g_cancellable_is_cancelled (cancellable))
            break;
        }
      rpt_search_scan_clear (&scan);
      /* Matches found just after a flush wait for the next one. */
      queue_found (fill, NULL);
    }

  g_mutex_lock (&fill->lock);
  fill->capped = n >= RPT_SEARCH_MAX_MATCHES;
  g_mutex_unlock (&fill->lock);
  g_task_return_boolean (task, TRUE);
}

/* Main thread: the worker has returned; the queue may still hold the
 * matches found since the last flush. */
static void
search_thread_done (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Fill *fill = user_data;
  gboolean flush_queued;

  g_mutex_lock (&fill->lock);
  fill->worker_done = TRUE;
  if (fill->queue->len > 0 && !fill->flush_queued)
    schedule_flush (fill);
  flush_queued = fill->flush_queued;
  g_mutex_unlock (&fill->lock);

  if (!flush_queued)
    maybe_finish (fill);
  fill_unref (fill);
}

void
rpt_search_results_fill_async (RptSearchResults    *self,
                               GPtrArray           *documents,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) worker = NULL;
  Fill *fill;

  g_return_if_fail (RPT_IS_SEARCH_RESULTS (self));
  g_return_if_fail (documents != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  fill = g_new0 (Fill, 1);
  g_atomic_ref_count_init (&fill->ref_count);
  fill->results = g_object_ref (self);
  fill->pattern = rpt_search_pattern_ref (rpt_search_results_get_pattern (self));
  fill->documents = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < documents->len; i++)
    g_ptr_array_add (fill->documents, g_object_ref (g_ptr_array_index (documents, i)));
  fill->context = g_main_context_ref_thread_default ();
  fill->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  fill->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (fill->task, rpt_search_results_fill_async);
  g_mutex_init (&fill->lock);
  fill->queue = g_array_new (FALSE, FALSE, sizeof (Found));

  worker = g_task_new (NULL, fill->cancellable, search_thread_done, fill_ref (fill));
  g_task_set_task_data (worker, fill, fill_unref);
  g_task_set_source_tag (worker, search_thread);
  g_task_run_in_thread (worker, search_thread);
}

gboolean
rpt_search_results_fill_finish (RptSearchResults  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
rpt_search_results_fill (RptSearchResults *self,
                         GPtrArray        *documents)
{
  guint n = 0;

  g_return_if_fail (RPT_IS_SEARCH_RESULTS (self));
  g_return_if_fail (documents != NULL);

  for (guint d = 0; d < documents->len && n < RPT_SEARCH_MAX_MATCHES; d++)
    {
      RptDocument *document = g_ptr_array_index (documents, d);
      g_autoptr(GArray) matches =
        rpt_search_pattern_find_all (rpt_search_results_get_pattern (self), rpt_document_get_text (document),
                                     rpt_document_get_text_bytes (document), RPT_SEARCH_MAX_MATCHES - n);

      rpt_search_results_add (self, document, (const RptSearchMatch *) (gpointer) matches->data, matches->len);
      n += matches->len;
    }
  rpt_search_results_set_complete (self, n >= RPT_SEARCH_MAX_MATCHES);
}
