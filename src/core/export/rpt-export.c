/* rpt-export.c: the format table, the writers' helpers, and running an
 * export in the calling thread or in a worker. What an export's options
 * select is indexed in rpt-export-selection.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <time.h>

#include "rpt-enum-nick.h"
#include "rpt-export-enums.h"
#include "rpt-export-private.h"
#include "rpt-output-guard.h"
#include "rpt-safe-file.h"

typedef gboolean (*WriteFunc) (RptExportContext *ctx, GError **error);

static const struct {
  const char *name;
  const char *description;
  const char *extension;   /* NULL: writes a folder */
  gboolean    offset_choice;
  WriteFunc   write;
} formats[RPT_EXPORT_N_FORMATS] = {
  [RPT_EXPORT_JSONL] = { N_("JSON Lines"),
    N_("One article per line with its spans, for doccano and spaCy scripts"),
    ".jsonl", TRUE, _rpt_export_jsonl },
  [RPT_EXPORT_LABEL_STUDIO] = { N_("Label Studio"),
    N_("A folder with a task list and its labelling configuration, for Label Studio"),
    NULL, TRUE, _rpt_export_label_studio },
  [RPT_EXPORT_BRAT] = { N_("brat standoff"),
    N_("A folder of .txt and .ann files with annotation.conf, for brat"),
    NULL, FALSE, _rpt_export_brat },
  [RPT_EXPORT_CONLL] = { N_("CoNLL (IOB2)"),
    N_("One token per line with B-, I- and O tags, for sequence-labelling models"),
    ".conll", FALSE, _rpt_export_conll },
  [RPT_EXPORT_CSV] = { N_("CSV"),
    N_("One row per annotation, for spreadsheets and data frames"),
    ".csv", TRUE, _rpt_export_csv },
  [RPT_EXPORT_W3C] = { N_("W3C Web Annotation"),
    N_("A JSON-LD annotation collection with quote and position selectors"),
    ".jsonld", FALSE, _rpt_export_w3c },
};

void
rpt_export_options_init (RptExportOptions *options,
                         RptExportFormat   format)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->format = format;
  options->offsets = RPT_OFFSETS_CODEPOINTS;
}

const char *
rpt_export_format_to_string (RptExportFormat format)
{
  g_return_val_if_fail (format < RPT_EXPORT_N_FORMATS, NULL);
  return _rpt_enum_to_nick (RPT_TYPE_EXPORT_FORMAT, format);
}

gboolean
rpt_export_format_from_string (const char      *str,
                               RptExportFormat *out)
{
  int value;

  if (!_rpt_enum_from_nick (RPT_TYPE_EXPORT_FORMAT, str, TRUE, &value))
    return FALSE;
  *out = value;
  return TRUE;
}

const char *
rpt_export_format_get_name (RptExportFormat format)
{
  g_return_val_if_fail (format < RPT_EXPORT_N_FORMATS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, formats[format].name);
}

const char *
rpt_export_format_get_description (RptExportFormat format)
{
  g_return_val_if_fail (format < RPT_EXPORT_N_FORMATS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, formats[format].description);
}

gboolean
rpt_export_format_writes_folder (RptExportFormat format)
{
  g_return_val_if_fail (format < RPT_EXPORT_N_FORMATS, FALSE);
  return formats[format].extension == NULL;
}

const char *
rpt_export_format_get_extension (RptExportFormat format)
{
  g_return_val_if_fail (format < RPT_EXPORT_N_FORMATS, NULL);
  return formats[format].extension;
}

gboolean
rpt_export_format_has_offset_choice (RptExportFormat format)
{
  g_return_val_if_fail (format < RPT_EXPORT_N_FORMATS, FALSE);
  return formats[format].offset_choice;
}

const char *
rpt_offset_unit_to_string (RptOffsetUnit unit)
{
  g_return_val_if_fail (unit < RPT_OFFSETS_N_UNITS, NULL);
  return _rpt_enum_to_nick (RPT_TYPE_OFFSET_UNIT, unit);
}

gboolean
rpt_offset_unit_from_string (const char    *str,
                             RptOffsetUnit *out)
{
  int value;

  if (_rpt_enum_from_nick (RPT_TYPE_OFFSET_UNIT, str, TRUE, &value))
    return (*out = value), TRUE;
  /* Common spellings. */
  if (g_strcmp0 (str, "utf-16") == 0 || g_strcmp0 (str, "UTF-16") == 0)
    return (*out = RPT_OFFSETS_UTF16), TRUE;
  if (g_strcmp0 (str, "chars") == 0 || g_strcmp0 (str, "characters") == 0)
    return (*out = RPT_OFFSETS_CODEPOINTS), TRUE;
  return FALSE;
}

/* ---- Helpers for the writers ---- */

static void
export_file_free (gpointer data)
{
  RptExportFile *file = data;

  g_free (file->name);
  if (file->data)
    g_string_free (file->data, TRUE);
  g_free (file);
}

/* A single file is written out in pieces of about this size: holding all
 * of it (78 MB of W3C for project L) cost as much in page faults as
 * writing it. */
#define STREAM_BYTES (4u << 20)

GString *
rpt_export_add_file (RptExportContext *ctx,
                     const char       *name,
                     gsize             reserve)
{
  RptExportFile *file = g_new0 (RptExportFile, 1);

  if (ctx->stream)
    reserve = MIN (reserve, 2 * STREAM_BYTES);
  file->name = g_strdup (name);
  file->data = g_string_sized_new (reserve);
  g_ptr_array_add (ctx->files, file);
  return file->data;
}

void
rpt_export_warn (RptExportContext *ctx,
                 const char       *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (ctx->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

gboolean
rpt_export_step (RptExportContext  *ctx,
                 guint              done,
                 GError           **error)
{
  guint n = MAX (ctx->selection->n_documents, 1);

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  if (ctx->stream && ctx->files->len == 1)
    {
      GString *out = ((RptExportFile *) g_ptr_array_index (ctx->files, 0))->data;

      if (out->len >= STREAM_BYTES)
        {
          if (!rpt_safe_file_write (ctx->stream, out->str, out->len, error))
            return FALSE;
          g_string_truncate (out, 0);
        }
    }
  /* The last 10% is writing to disk. */
  if (ctx->progress)
    ctx->progress (0.9 * MIN (done, n) / n, ctx->progress_data);
  return TRUE;
}

guint64
rpt_export_offset (RptExportSelection *selection,
                   RptDocument        *document,
                   guint               char_offset)
{
  switch (selection->offsets)
    {
    case RPT_OFFSETS_UTF16:
      return rpt_document_utf16_offset (document, char_offset);
    case RPT_OFFSETS_BYTES:
      return rpt_document_byte_offset (document, char_offset);
    case RPT_OFFSETS_CODEPOINTS:
    default:
      return char_offset;
    }
}

void
rpt_export_append_slice (GString     *out,
                         RptDocument *document,
                         guint        start,
                         guint        end)
{
  gsize b_start = rpt_document_byte_offset (document, start);
  gsize b_end = rpt_document_byte_offset (document, end);

  g_string_append_len (out, rpt_document_get_text (document) + b_start, b_end - b_start);
}

void
rpt_export_append_time (GString *out,
                        gint64   usec)
{
  /* Not GDateTime: it costs a time zone lookup and allocations per call,
   * and an export writes hundreds of thousands of times. */
  time_t seconds = (time_t) (usec / G_USEC_PER_SEC);
  struct tm tm;
  char buf[24], *p = buf;
  int fields[6];

  /* -1 is "unknown"; other negative times are before 1970, and kept. */
  if (usec == -1 || gmtime_r (&seconds, &tm) == NULL || tm.tm_year + 1900 < 1 || tm.tm_year + 1900 > 9999)
    {
      g_string_append (out, "null");
      return;
    }
  fields[0] = tm.tm_year + 1900;
  fields[1] = tm.tm_mon + 1;
  fields[2] = tm.tm_mday;
  fields[3] = tm.tm_hour;
  fields[4] = tm.tm_min;
  fields[5] = tm.tm_sec;
  *p++ = '"';
  for (int i = 0; i < 6; i++)
    {
      if (i == 0)
        {
          *p++ = '0' + fields[0] / 1000;
          *p++ = '0' + fields[0] / 100 % 10;
        }
      *p++ = '0' + fields[i] / 10 % 10;
      *p++ = '0' + fields[i] % 10;
      *p++ = "--T::Z"[i];
    }
  *p++ = '"';
  g_string_append_len (out, buf, p - buf);
}

/* ---- Running an export ---- */

static void
common_warnings (RptExportContext *ctx)
{
  RptExportSelection *sel = ctx->selection;

  if (sel->n_unselected_relations > 0)
    rpt_export_warn (ctx,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%u relation was left out because one of its annotations is not exported",
                                  "%u relations were left out because one of their annotations is not exported",
                                  sel->n_unselected_relations),
                     sel->n_unselected_relations);
}

gboolean
rpt_export_selection_write (RptExportSelection  *selection,
                            const char          *destination,
                            GPtrArray           *warnings_out,
                            RptProgressFunc      progress,
                            gpointer             progress_data,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (export_file_free);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  RptExportContext ctx = { selection, files, warnings, progress, progress_data, cancellable };
  RptExportFile *file;

  g_return_val_if_fail (selection != NULL, FALSE);
  g_return_val_if_fail (destination != NULL && *destination != '\0', FALSE);

  common_warnings (&ctx);
  if (rpt_export_format_writes_folder (selection->format))
    {
      if (!formats[selection->format].write (&ctx, error) ||
          g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !_rpt_export_write_folder (destination, rpt_export_format_to_string (selection->format),
                                     files, selection->replace, error))
        return FALSE;
    }
  else
    {
      g_autofree char *reason = NULL;

      /* Whether an existing file may go is the caller's question; a device
       * or a folder never can. */
      if (rpt_output_inspect (destination, RPT_OUTPUT_FILE, NULL, &reason) == RPT_OUTPUT_UNSUITABLE)
        {
          g_set_error_literal (error, RPT_ERROR, RPT_ERROR_IO, reason);
          return FALSE;
        }
      ctx.stream = rpt_safe_file_begin (destination, error);
      if (ctx.stream == NULL)
        return FALSE;
      if (!formats[selection->format].write (&ctx, error) ||
          g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          rpt_safe_file_abort (ctx.stream);
          return FALSE;
        }
      g_assert (files->len == 1);
      file = g_ptr_array_index (files, 0);
      if (!rpt_safe_file_write (ctx.stream, file->data->str, file->data->len, error))
        {
          rpt_safe_file_abort (ctx.stream);
          return FALSE;
        }
      if (!rpt_safe_file_commit (ctx.stream, error))
        return FALSE;
    }

  if (progress)
    progress (1.0, progress_data);
  if (warnings_out)
    for (guint i = 0; i < warnings->len; i++)
      g_ptr_array_add (warnings_out, g_steal_pointer (&warnings->pdata[i]));
  return TRUE;
}

gboolean
rpt_export (RptProject              *project,
            const RptExportOptions  *options,
            const char              *destination,
            GPtrArray               *warnings_out,
            RptProgressFunc          progress,
            gpointer                 progress_data,
            GCancellable            *cancellable,
            GError                 **error)
{
  g_autoptr(RptProjectSnapshot) snapshot = NULL;
  g_autoptr(RptExportSelection) selection = NULL;

  g_return_val_if_fail (RPT_IS_PROJECT (project), FALSE);

  snapshot = rpt_project_snapshot_new (project);
  selection = rpt_export_selection_new (snapshot, options, error);
  if (selection == NULL)
    return FALSE;
  return rpt_export_selection_write (selection, destination, warnings_out,
                                     progress, progress_data, cancellable, error);
}

/* ---- In a worker ---- */

/* The worker shares only the snapshot, its own copy of the options, the
 * destination and an atomic progress value with the main thread; the
 * caller's progress callback is polled from a timeout in the caller's
 * context, so no user data is ever touched or released in the worker. */
typedef struct
{
  RptProjectSnapshot *snapshot;
  RptExportOptions    options;
  GStrv               document_ids;
  GStrv               label_ids;
  char               *destination;
  int                 permille;     /* atomic */
} Job;

typedef struct
{
  RptProgressFunc      progress;
  gpointer             progress_data;
  GDestroyNotify       progress_notify;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
  GSource             *poll;
  int                 *permille;
} Caller;

static void
job_free (gpointer data)
{
  Job *job = data;

  rpt_project_snapshot_unref (job->snapshot);
  g_strfreev (job->document_ids);
  g_strfreev (job->label_ids);
  g_free (job->destination);
  g_free (job);
}

static void
job_progress (double   fraction,
              gpointer data)
{
  g_atomic_int_set ((int *) data, (int) (fraction * 1000));
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(RptExportSelection) selection = NULL;
  GPtrArray *warnings = g_ptr_array_new_with_free_func (g_free);
  GError *error = NULL;

  selection = rpt_export_selection_new (job->snapshot, &job->options, &error);
  if (selection != NULL &&
      rpt_export_selection_write (selection, job->destination, warnings,
                                  job_progress, &job->permille, cancellable, &error))
    g_task_return_pointer (task, warnings, (GDestroyNotify) g_ptr_array_unref);
  else
    {
      g_ptr_array_unref (warnings);
      g_task_return_error (task, error);
    }
}

static gboolean
poll_progress (gpointer data)
{
  Caller *caller = data;

  caller->progress (g_atomic_int_get (caller->permille) / 1000.0, caller->progress_data);
  return G_SOURCE_CONTINUE;
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Caller *caller = data;

  if (caller->poll)
    {
      g_source_destroy (caller->poll);
      g_source_unref (caller->poll);
    }
  if (caller->callback)
    caller->callback (source, result, caller->user_data);
  if (caller->progress_notify)
    caller->progress_notify (caller->progress_data);
  g_free (caller);
}

void
rpt_export_async (RptProject              *project,
                  const RptExportOptions  *options,
                  const char              *destination,
                  RptProgressFunc          progress,
                  gpointer                 progress_data,
                  GDestroyNotify           progress_notify,
                  GCancellable            *cancellable,
                  GAsyncReadyCallback      callback,
                  gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  Caller *caller;
  Job *job;

  g_return_if_fail (RPT_IS_PROJECT (project));
  g_return_if_fail (options != NULL);
  g_return_if_fail (destination != NULL);

  caller = g_new0 (Caller, 1);
  caller->progress = progress;
  caller->progress_data = progress_data;
  caller->progress_notify = progress_notify;
  caller->callback = callback;
  caller->user_data = user_data;

  task = g_task_new (NULL, cancellable, export_done, caller);
  g_task_set_source_tag (task, rpt_export_async);
  g_task_set_name (task, "rpt-export");

  job = g_new0 (Job, 1);
  job->snapshot = rpt_project_snapshot_new (project);
  job->options = *options;
  job->document_ids = g_strdupv ((char **) options->document_ids);
  job->label_ids = g_strdupv ((char **) options->label_ids);
  job->options.document_ids = (const char * const *) job->document_ids;
  job->options.label_ids = (const char * const *) job->label_ids;
  job->destination = g_strdup (destination);
  g_task_set_task_data (task, job, job_free);

  if (progress)
    {
      caller->permille = &job->permille;
      caller->poll = g_timeout_source_new (100);
      g_source_set_callback (caller->poll, poll_progress, caller, NULL);
      g_source_attach (caller->poll, g_main_context_get_thread_default ());
    }
  g_task_run_in_thread (task, export_thread);
}

gboolean
rpt_export_finish (GAsyncResult  *result,
                   GPtrArray    **warnings,
                   GError       **error)
{
  GPtrArray *list;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  list = g_task_propagate_pointer (G_TASK (result), error);
  if (warnings)
    *warnings = list;
  else if (list)
    g_ptr_array_unref (list);
  return list != NULL;
}
