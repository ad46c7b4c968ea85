/* rpt-project-reanchor.c: annotations in a text that changed. Placing
 * orphans, replacing an article's text, the re-anchoring pass of a load
 * with RPT_LOAD_REANCHOR, and the quote checks of both readers. Where a
 * quote is found again is decided in rpt-anchor.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Reanchor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rpt-core-private.h"
#include "rpt-limits.h"
#include "rpt-project-ops-private.h"
#include "rpt-project-reanchor.h"
#include "rpt-reanchor-private.h"

/* ---- The quotes in the file ---- */

const char *
_rpt_anchor_check (RptDocument *document,
                   guint        start,
                   guint        end,
                   const char  *quote,
                   const char  *prefix,
                   const char  *suffix)
{
  const char *text = rpt_document_get_text (document);
  gsize b_start = rpt_document_byte_offset (document, start);
  gsize b_end = rpt_document_byte_offset (document, end);

  /* Plain bytes suffice: both sides are valid UTF-8, and a match that ends
   * (or starts) at a character boundary starts (or ends) at one too. */
  if (quote != NULL &&
      (strlen (quote) != b_end - b_start || memcmp (text + b_start, quote, b_end - b_start) != 0))
    return "quote";
  if (prefix != NULL)
    {
      gsize len = strlen (prefix);

      if (len > b_start || memcmp (text + b_start - len, prefix, len) != 0)
        return "prefix";
    }
  if (suffix != NULL)
    {
      gsize len = strlen (suffix);

      if (len > rpt_document_get_text_bytes (document) - b_end || memcmp (text + b_end, suffix, len) != 0)
        return "suffix";
    }
  return NULL;
}

/* ---- Planning: where each annotation goes ---- */

typedef struct
{
  RptAnnotation   *annotation;
  char            *label;
  char            *quote;       /* NULL: never known */
  char            *prefix;
  char            *suffix;
  guint            old_start;
  guint            old_end;
  gboolean         was_orphan;
  RptAnchorResult  result;
  guint            start;
  guint            end;
} Job;

static void
job_clear (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->annotation);
  g_free (job->label);
  g_free (job->quote);
  g_free (job->prefix);
  g_free (job->suffix);
}

GArray *
_rpt_anchor_jobs_new (void)
{
  GArray *jobs = g_array_new (FALSE, TRUE, sizeof (Job));

  g_array_set_clear_func (jobs, job_clear);
  return jobs;
}

void
_rpt_anchor_jobs_add (GArray        *jobs,
                      RptAnnotation *annotation,
                      const char    *quote,
                      const char    *prefix,
                      const char    *suffix,
                      gboolean       was_orphan)
{
  Job job = {
    g_object_ref (annotation), g_strdup (rpt_annotation_get_label (annotation)),
    g_strdup (quote), g_strdup (prefix ? prefix : ""), g_strdup (suffix ? suffix : ""),
    rpt_annotation_get_start (annotation), rpt_annotation_get_end (annotation),
    was_orphan, RPT_ANCHOR_ORPHAN, 0, 0,
  };

  g_array_append_val (jobs, job);
}

/* Whether the quote, with the whole of its stored context on both sides,
 * is at its old place moved by @shift (as far as the annotation before it
 * moved). Most of a long text is untouched by an edit, and this spares
 * searching all of it for every annotation; it cannot place anything the
 * rules of rpt-anchor.c would place elsewhere, only settle between copies
 * of the very same quote and context by position. */
static gboolean
still_there (RptDocument *document,
             Job         *job,
             gint64       shift)
{
  const char *text = rpt_document_get_text (document);
  gsize text_bytes = rpt_document_get_text_bytes (document);
  gsize quote_len = strlen (job->quote), prefix_len = strlen (job->prefix), suffix_len = strlen (job->suffix);
  gint64 start = (gint64) job->old_start + shift;
  guint chars = job->old_end - job->old_start;
  gsize b_start, b_end;

  if (start < 0 || start + chars > rpt_document_get_length (document))
    return FALSE;
  b_start = rpt_document_byte_offset (document, (guint) start);
  b_end = b_start + quote_len;
  if (b_end > text_bytes || memcmp (text + b_start, job->quote, quote_len) != 0 ||
      prefix_len > b_start || memcmp (text + b_start - prefix_len, job->prefix, prefix_len) != 0 ||
      suffix_len > text_bytes - b_end || memcmp (text + b_end, job->suffix, suffix_len) != 0 ||
      rpt_document_byte_offset (document, (guint) start + chars) != b_end)
    return FALSE;
  /* A context cut short by the edge of the old text must reach the same
   * edge here, as rpt_anchor_find() scores it. */
  if ((g_utf8_strlen (job->prefix, -1) < RPT_ANCHOR_CONTEXT_CHARS && b_start != prefix_len) ||
      (g_utf8_strlen (job->suffix, -1) < RPT_ANCHOR_CONTEXT_CHARS && b_end + suffix_len != text_bytes))
    return FALSE;
  job->start = (guint) start;
  job->end = (guint) start + chars;
  return TRUE;
}

/* Whether @job, placed on the same span as @other (earlier in @jobs) and
 * with the same label, takes the span from it: the surer placement keeps
 * it (exact, then by context, then fuzzy); between two as sure, the one
 * whose stored context agrees more with the text around the span, as when
 * one sentence of two that said the same was deleted and both quotes are
 * found in the one left; then the earlier. */
static gboolean
keeps_span (RptDocument *document,
            const Job   *job,
            const Job   *other)
{
  const char *text = rpt_document_get_text (document);
  gsize len = rpt_document_get_text_bytes (document);
  gsize b_start = rpt_document_byte_offset (document, job->start);
  gsize b_end = rpt_document_byte_offset (document, job->end);

  G_STATIC_ASSERT (RPT_ANCHOR_EXACT < RPT_ANCHOR_CONTEXT && RPT_ANCHOR_CONTEXT < RPT_ANCHOR_FUZZY);
  if (job->result != other->result)
    return job->result < other->result;
  return rpt_anchor_context_agreement (text, len, b_start, b_end, job->prefix, job->suffix) >
         rpt_anchor_context_agreement (text, len, b_start, b_end, other->prefix, other->suffix);
}

/* Touches nothing but @jobs and the new, immutable @document, so it may run
 * in a worker thread. */
static void
plan (RptDocument *document,
      GArray      *jobs)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *text = rpt_document_get_text (document);
  gint64 shift = 0;

  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = &g_array_index (jobs, Job, i);

      job->result = RPT_ANCHOR_ORPHAN;
      if (job->quote == NULL || *job->quote == '\0')
        continue;
      /* Orphans' old places are in some older text: no shift applies. */
      if (!job->was_orphan && still_there (document, job, shift))
        job->result = RPT_ANCHOR_EXACT;
      else
        job->result = rpt_anchor_find (text, job->quote, job->prefix, job->suffix, &job->start, &job->end);
      if (job->result != RPT_ANCHOR_ORPHAN && !job->was_orphan)
        shift = (gint64) job->start - job->old_start;
    }

  /* One label cannot tag one span twice (the file would be refused): one
   * annotation keeps the span, the others become orphans. */
  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = &g_array_index (jobs, Job, i);
      char *key;
      gpointer value;

      if (job->result == RPT_ANCHOR_ORPHAN)
        continue;
      key = g_strdup_printf ("%u\x1f%u\x1f%s", job->start, job->end, job->label);
      if (g_hash_table_lookup_extended (taken, key, NULL, &value))
        {
          Job *other = &g_array_index (jobs, Job, GPOINTER_TO_UINT (value));

          if (!keeps_span (document, job, other))
            {
              job->result = RPT_ANCHOR_ORPHAN;
              g_free (key);
              continue;
            }
          other->result = RPT_ANCHOR_ORPHAN;
        }
      /* A key already there keeps its own copy; this one is freed. */
      g_hash_table_insert (taken, key, GUINT_TO_POINTER (i));
    }
}

static RptReanchorReport *
make_report (RptReanchorReport *report,
             const char        *document_id,
             GArray            *jobs)
{
  guint index = _rpt_reanchor_report_add_document (report, document_id);

  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = &g_array_index (jobs, Job, i);

      _rpt_reanchor_report_add (report, index, job->result, rpt_annotation_get_id (job->annotation));
    }
  return report;
}

/* ---- Loading with RPT_LOAD_REANCHOR ---- */

void
_rpt_project_reanchor_loaded (RptProjectLoader  *loader,
                              RptDocument       *document,
                              GArray            *jobs,
                              RptReanchorReport *report)
{
  plan (document, jobs);
  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = &g_array_index (jobs, Job, i);

      if (job->result != RPT_ANCHOR_ORPHAN)
        {
          _rpt_annotation_set_anchor (job->annotation, NULL, NULL, NULL);
          _rpt_annotation_set_range (job->annotation, job->start, job->end);
          rpt_project_loader_add_annotation (loader, job->annotation);
        }
      else
        {
          _rpt_annotation_set_anchor (job->annotation, job->quote ? job->quote : "", job->prefix, job->suffix);
          rpt_project_loader_add_orphan (loader, job->annotation);
        }
    }
  if (report != NULL)
    make_report (report, rpt_document_get_id (document), jobs);
}

/* ---- Edits ---- */

static void
record_existence (RptProject *self,
                  OpKind      kind,
                  gpointer    object,
                  gboolean    removes)
{
  Op *op = _rpt_op_new (kind, object);

  op->removes = removes;
  _rpt_project_record (self, op);
}

/* Only for an annotation that is in no list at this point of the edit. */
static void
record_anchor (RptProject    *self,
               RptAnnotation *annotation,
               guint          start,
               guint          end,
               const char    *quote,
               const char    *prefix,
               const char    *suffix,
               gint64         modified)
{
  Op *op = _rpt_op_new (OP_ANCHOR_STATE, G_OBJECT (annotation));

  _rpt_anchor_state_capture (&op->u.anchor.before, annotation);
  op->u.anchor.after.start = start;
  op->u.anchor.after.end = end;
  op->u.anchor.after.quote = g_strdup (quote);
  op->u.anchor.after.prefix = g_strdup (prefix);
  op->u.anchor.after.suffix = g_strdup (suffix);
  op->u.anchor.after.modified = modified;
  _rpt_project_record (self, op);
}

static RptAnnotation *
find_same_span (RptProject *self,
                const char *document_id,
                guint       start,
                guint       end,
                const char *label_id)
{
  RptAnnotationStore *store = rpt_project_get_annotations (self, document_id);
  guint n = rpt_annotation_store_get_n_items (store);

  for (guint i = rpt_annotation_store_lower_bound (store, start); i < n; i++)
    {
      RptAnnotation *a = rpt_annotation_store_get (store, i);

      if (rpt_annotation_get_start (a) != start)
        break;
      if (rpt_annotation_get_end (a) == end && g_strcmp0 (rpt_annotation_get_label (a), label_id) == 0)
        return a;
    }
  return NULL;
}

gboolean
rpt_project_place_orphan (RptProject  *self,
                          const char  *orphan_id,
                          guint        start,
                          guint        end,
                          GError     **error)
{
  RptAnnotation *orphan;
  RptDocument *document;
  const char *document_id, *label_id;

  g_return_val_if_fail (RPT_IS_PROJECT (self), FALSE);

  if (!(orphan = rpt_project_get_orphan (self, orphan_id)))
    return _rpt_fail (error, RPT_ERROR_NOT_FOUND, _("No orphaned annotation with the id “%s”"),
                      orphan_id ? orphan_id : "");
  document_id = rpt_annotation_get_document (orphan);
  label_id = rpt_annotation_get_label (orphan);
  document = rpt_project_get_document (self, document_id);
  if (start >= end)
    return _rpt_fail (error, RPT_ERROR_INVALID, _("The span %u–%u is empty or reversed"), start, end);
  if (end > rpt_document_get_length (document))
    return _rpt_fail (error, RPT_ERROR_INVALID,
                      g_dngettext (GETTEXT_PACKAGE, "The span %u–%u is past the end of “%s” (%u character)",
                                   "The span %u–%u is past the end of “%s” (%u characters)",
                                   rpt_document_get_length (document)),
                      start, end, document_id, rpt_document_get_length (document));
  if (find_same_span (self, document_id, start, end, label_id))
    return _rpt_fail (error, RPT_ERROR_INVALID, _("This span is already tagged “%s”"),
                      rpt_label_get_name (rpt_project_get_label (self, label_id)));

  g_object_ref (orphan);
  _rpt_project_begin_edit (self, _("Place Annotation"));
  record_existence (self, OP_ORPHAN, orphan, TRUE);
  record_anchor (self, orphan, start, end, NULL, NULL, NULL, _rpt_now ());
  record_existence (self, OP_ANNOTATION, orphan, FALSE);
  _rpt_project_end_edit (self);
  g_object_unref (orphan);
  return TRUE;
}

/* Every annotation of @document: the placed ones in text order, with the
 * quote and context they have now, then its orphans. */
static GArray *
collect_jobs (RptProject  *self,
              RptDocument *document)
{
  const char *id = rpt_document_get_id (document);
  const char *text = rpt_document_get_text (document);
  RptAnnotationStore *store = rpt_project_get_annotations (self, id);
  GListModel *orphans = rpt_project_get_orphans (self);
  GArray *jobs = _rpt_anchor_jobs_new ();
  guint n = rpt_annotation_store_get_n_items (store);

  for (guint i = 0; i < n; i++)
    {
      RptAnnotation *a = rpt_annotation_store_get (store, i);
      guint start = rpt_annotation_get_start (a), end = rpt_annotation_get_end (a);
      gsize b_before = rpt_document_byte_offset (document, start > RPT_ANCHOR_CONTEXT_CHARS ? start - RPT_ANCHOR_CONTEXT_CHARS : 0);
      gsize b_start = rpt_document_byte_offset (document, start);
      gsize b_end = rpt_document_byte_offset (document, end);
      gsize b_after = rpt_document_byte_offset (document, end + RPT_ANCHOR_CONTEXT_CHARS);
      g_autofree char *quote = g_strndup (text + b_start, b_end - b_start);
      g_autofree char *prefix = g_strndup (text + b_before, b_start - b_before);
      g_autofree char *suffix = g_strndup (text + b_end, b_after - b_end);

      _rpt_anchor_jobs_add (jobs, a, quote, prefix, suffix, FALSE);
    }
  for (guint i = 0; i < g_list_model_get_n_items (orphans); i++)
    {
      g_autoptr(RptAnnotation) a = g_list_model_get_item (orphans, i);

      if (g_str_equal (rpt_annotation_get_document (a), id))
        _rpt_anchor_jobs_add (jobs, a, rpt_annotation_get_quote (a), rpt_annotation_get_prefix (a),
                              rpt_annotation_get_suffix (a), TRUE);
    }
  return jobs;
}

static int
compare_placements (gconstpointer a,
                    gconstpointer b)
{
  const Job *x = *(const Job **) a, *y = *(const Job **) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return strcmp (rpt_annotation_get_id (x->annotation), rpt_annotation_get_id (y->annotation));
}

/* One undo step; the order of the operations is what views see (see
 * rpt_project_replace_document_text in rpt-project.h). */
static void
apply_plan (RptProject  *self,
            RptDocument *old_document,
            RptDocument *new_document,
            GArray      *jobs)
{
  g_autoptr(GPtrArray) placed = g_ptr_array_new ();
  Op *op;

  _rpt_project_begin_edit (self, _("Replace Article Text"));

  /* Out of the old text: from the end of the store, which costs nothing. */
  for (guint i = jobs->len; i > 0; i--)
    {
      Job *job = &g_array_index (jobs, Job, i - 1);

      if (!job->was_orphan)
        record_existence (self, OP_ANNOTATION, job->annotation, TRUE);
      else if (job->result != RPT_ANCHOR_ORPHAN)
        record_existence (self, OP_ORPHAN, job->annotation, TRUE);
    }

  op = _rpt_op_new (OP_REPLACE_DOCUMENT, G_OBJECT (new_document));
  op->other = g_object_ref (G_OBJECT (old_document));
  _rpt_project_record (self, op);

  /* Into the new one, in text order. */
  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = &g_array_index (jobs, Job, i);

      if (job->result != RPT_ANCHOR_ORPHAN)
        g_ptr_array_add (placed, job);
      else if (!job->was_orphan)
        {
          record_anchor (self, job->annotation, job->old_start, job->old_end, job->quote, job->prefix,
                         job->suffix, rpt_annotation_get_modified (job->annotation));
          record_existence (self, OP_ORPHAN, job->annotation, FALSE);
        }
    }
  g_ptr_array_sort (placed, compare_placements);
  for (guint i = 0; i < placed->len; i++)
    {
      Job *job = g_ptr_array_index (placed, i);

      record_anchor (self, job->annotation, job->start, job->end, NULL, NULL, NULL,
                     rpt_annotation_get_modified (job->annotation));
      record_existence (self, OP_ANNOTATION, job->annotation, FALSE);
    }

  _rpt_project_end_edit (self);
}

static RptDocument *
check_replacement (RptProject  *self,
                   const char  *document_id,
                   const char  *new_text,
                   GError     **error)
{
  RptDocument *document = rpt_project_get_document (self, document_id);

  if (document == NULL)
    _rpt_fail (error, RPT_ERROR_NOT_FOUND, _("No article with the id “%s”"), document_id ? document_id : "");
  else if (new_text == NULL || !g_utf8_validate (new_text, -1, NULL))
    _rpt_fail (error, RPT_ERROR_INVALID, _("The new text of “%s” is not valid UTF-8"), document_id);
  else if (g_utf8_strlen (new_text, -1) > RPT_MAX_ARTICLE_CHARS)
    _rpt_fail (error, RPT_ERROR_TOO_LARGE,
               g_dngettext (GETTEXT_PACKAGE, "The article “%s” is longer than %u character",
                            "The article “%s” is longer than %u characters", RPT_MAX_ARTICLE_CHARS),
               document_id, RPT_MAX_ARTICLE_CHARS);
  else
    return document;
  return NULL;
}

/* The current text again: nothing moves. */
static void
plan_unchanged (GArray *jobs)
{
  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = &g_array_index (jobs, Job, i);

      job->result = job->was_orphan ? RPT_ANCHOR_ORPHAN : RPT_ANCHOR_EXACT;
    }
}

gboolean
rpt_project_replace_document_text (RptProject         *self,
                                   const char         *document_id,
                                   const char         *new_text,
                                   RptReanchorReport **report,
                                   GError            **error)
{
  g_autoptr(RptDocument) new_document = NULL;
  g_autoptr(GArray) jobs = NULL;
  RptDocument *document;

  g_return_val_if_fail (RPT_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (report == NULL || *report == NULL, FALSE);

  if (!(document = check_replacement (self, document_id, new_text, error)))
    return FALSE;

  jobs = collect_jobs (self, document);
  if (g_str_equal (rpt_document_get_text (document), new_text))
    plan_unchanged (jobs);
  else
    {
      new_document = rpt_document_new (rpt_document_get_id (document), rpt_document_get_title (document),
                                       rpt_document_get_source (document), new_text);
      plan (new_document, jobs);
      apply_plan (self, document, new_document, jobs);
    }
  if (report)
    *report = make_report (_rpt_reanchor_report_new (), document_id, jobs);
  return TRUE;
}

typedef struct
{
  RptDocument *old_document;
  RptDocument *new_document;   /* made in the worker */
  char        *new_text;
  GArray      *jobs;
  guint64      generation;
} ReplaceData;

static void
replace_data_free (gpointer data)
{
  ReplaceData *replace = data;

  g_clear_object (&replace->old_document);
  g_clear_object (&replace->new_document);
  g_free (replace->new_text);
  g_clear_pointer (&replace->jobs, g_array_unref);
  g_free (replace);
}

static void
replace_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReplaceData *replace = task_data;
  RptDocument *old = replace->old_document;

  replace->new_document = rpt_document_new (rpt_document_get_id (old), rpt_document_get_title (old),
                                            rpt_document_get_source (old), replace->new_text);
  plan (replace->new_document, replace->jobs);
  g_task_return_boolean (task, TRUE);
}

/* Back on the calling thread: apply what the worker planned, unless the
 * project moved on meanwhile, in which case plan again here. */
static void
replace_planned (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RptProject *self = RPT_PROJECT (source);
  ReplaceData *replace = g_task_get_task_data (G_TASK (result));
  const char *id = rpt_document_get_id (replace->old_document);
  RptReanchorReport *report = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (rpt_project_get_generation (self) != replace->generation ||
      rpt_project_get_document (self, id) != replace->old_document)
    {
      if (rpt_project_replace_document_text (self, id, replace->new_text, &report, &error))
        g_task_return_pointer (task, report, (GDestroyNotify) rpt_reanchor_report_unref);
      else
        g_task_return_error (task, error);
      return;
    }

  apply_plan (self, replace->old_document, replace->new_document, replace->jobs);
  report = make_report (_rpt_reanchor_report_new (), id, replace->jobs);
  g_task_return_pointer (task, report, (GDestroyNotify) rpt_reanchor_report_unref);
}

void
rpt_project_replace_document_text_async (RptProject          *self,
                                         const char          *document_id,
                                         const char          *new_text,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  GError *error = NULL;
  RptDocument *document;
  ReplaceData *replace;

  g_return_if_fail (RPT_IS_PROJECT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rpt_project_replace_document_text_async);
  if (!(document = check_replacement (self, document_id, new_text, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_str_equal (rpt_document_get_text (document), new_text))
    {
      g_autoptr(GArray) jobs = collect_jobs (self, document);

      plan_unchanged (jobs);
      g_task_return_pointer (task, make_report (_rpt_reanchor_report_new (), document_id, jobs),
                             (GDestroyNotify) rpt_reanchor_report_unref);
      return;
    }

  replace = g_new0 (ReplaceData, 1);
  replace->old_document = g_object_ref (document);
  replace->new_text = g_strdup (new_text);
  replace->jobs = collect_jobs (self, document);
  replace->generation = rpt_project_get_generation (self);

  worker = g_task_new (self, cancellable, replace_planned, g_steal_pointer (&task));
  g_task_set_task_data (worker, replace, replace_data_free);
  g_task_run_in_thread (worker, replace_thread);
}

gboolean
rpt_project_replace_document_text_finish (RptProject         *self,
                                          GAsyncResult       *result,
                                          RptReanchorReport **report,
                                          GError            **error)
{
  g_autoptr(RptReanchorReport) done = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  done = g_task_propagate_pointer (G_TASK (result), error);
  if (done == NULL)
    return FALSE;
  if (report)
    *report = g_steal_pointer (&done);
  return TRUE;
}
