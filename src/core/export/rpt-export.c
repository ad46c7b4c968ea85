/* rpt-export.c: the format table, the snapshot, and running an export in
 * the calling thread or in a worker.
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

/* ---- The snapshot ---- */

void
rpt_export_snapshot_free (RptExportSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  for (guint i = 0; i < snapshot->labels->len; i++)
    {
      RptExportLabel *label = &g_array_index (snapshot->labels, RptExportLabel, i);
      g_free (label->id);
      g_free (label->name);
      g_free (label->color);
      g_free (label->description);
      g_free (label->safe_name);
    }
  for (guint i = 0; i < snapshot->speakers->len; i++)
    {
      RptExportSpeaker *speaker = &g_array_index (snapshot->speakers, RptExportSpeaker, i);
      g_free (speaker->id);
      g_free (speaker->name);
      g_free (speaker->safe_name);
    }
  for (guint i = 0; i < snapshot->n_documents; i++)
    {
      g_clear_object (&snapshot->documents[i].document);
      g_free (snapshot->documents[i].relations);
    }
  g_array_unref (snapshot->labels);
  g_array_unref (snapshot->speakers);
  g_free (snapshot->documents);
  g_free (snapshot->spans);
  g_free (snapshot->relations);
  g_string_chunk_free (snapshot->strings);
  g_free (snapshot);
}

guint
rpt_export_snapshot_get_n_documents (RptExportSnapshot *snapshot)
{
  return snapshot->n_documents;
}

guint
rpt_export_snapshot_get_n_annotations (RptExportSnapshot *snapshot)
{
  return snapshot->n_spans;
}

/* Index + 1 of each selected id, so that 0 (NULL) means "not selected". */
static GHashTable *
index_table (void)
{
  return g_hash_table_new (g_str_hash, g_str_equal);
}

static gboolean
check_ids (const char * const  *ids,
           gboolean             labels,
           RptProject          *project,
           GHashTable         **selected,
           GError             **error)
{
  *selected = NULL;
  if (ids == NULL)
    return TRUE;

  *selected = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; ids[i]; i++)
    {
      if (labels ? rpt_project_get_label (project, ids[i]) == NULL
                 : rpt_project_get_document (project, ids[i]) == NULL)
        {
          if (labels)
            g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND, _("No label with the id “%s”"), ids[i]);
          else
            g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND, _("No article with the id “%s”"), ids[i]);
          g_clear_pointer (selected, g_hash_table_unref);
          return FALSE;
        }
      g_hash_table_add (*selected, (gpointer) ids[i]);
    }
  return TRUE;
}

static void
snapshot_labels_and_speakers (RptExportSnapshot *snap,
                              RptProject        *project,
                              GHashTable        *selected,
                              GHashTable        *label_index,
                              GHashTable        *speaker_index)
{
  GListModel *labels = rpt_project_get_labels (project);
  GListModel *speakers = rpt_project_get_speakers (project);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (labels, i);
      RptExportLabel copy = { 0 };

      if (selected && !g_hash_table_contains (selected, rpt_label_get_id (label)))
        continue;
      copy.id = g_strdup (rpt_label_get_id (label));
      copy.name = g_strdup (rpt_label_get_name (label));
      copy.color = g_strdup (rpt_label_get_color (label));
      copy.description = g_strdup (rpt_label_get_description (label));
      copy.safe_name = rpt_export_safe_name (copy.name);
      copy.shortcut = rpt_label_get_shortcut (label);
      g_array_append_val (snap->labels, copy);
      g_hash_table_insert (label_index, copy.id, GUINT_TO_POINTER (snap->labels->len));
    }

  for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
    {
      g_autoptr(RptSpeaker) speaker = g_list_model_get_item (speakers, i);
      RptExportSpeaker copy = { 0 };

      copy.id = g_strdup (rpt_speaker_get_id (speaker));
      copy.name = g_strdup (rpt_speaker_get_name (speaker));
      copy.safe_name = rpt_export_safe_name (copy.name);
      g_array_append_val (snap->speakers, copy);
      g_hash_table_insert (speaker_index, copy.id, GUINT_TO_POINTER (snap->speakers->len));
    }
}

static void
snapshot_documents (RptExportSnapshot *snap,
                    RptProject        *project,
                    GHashTable        *selected,
                    GHashTable        *label_index,
                    GHashTable        *speaker_index,
                    GHashTable        *span_by_id)
{
  GListModel *documents = rpt_project_get_documents (project);
  guint n_documents = g_list_model_get_n_items (documents);
  guint n_spans = 0, d = 0;

  snap->documents = g_new0 (RptExportDocument, n_documents);
  for (guint i = 0; i < n_documents; i++)
    {
      g_autoptr(RptDocument) document = g_list_model_get_item (documents, i);

      if (selected && !g_hash_table_contains (selected, rpt_document_get_id (document)))
        continue;
      snap->documents[d++].document = g_object_ref (document);
      n_spans += rpt_annotation_store_get_n_items (
        rpt_project_get_annotations (project, rpt_document_get_id (document)));
    }
  snap->n_documents = d;
  snap->spans = g_new0 (RptExportSpan, MAX (n_spans, 1));

  for (d = 0; d < snap->n_documents; d++)
    {
      RptExportDocument *doc = &snap->documents[d];
      RptAnnotationStore *store =
        rpt_project_get_annotations (project, rpt_document_get_id (doc->document));
      guint n = rpt_annotation_store_get_n_items (store);

      doc->spans = snap->spans + snap->n_spans;
      for (guint i = 0; i < n; i++)
        {
          RptAnnotation *a = rpt_annotation_store_get (store, i);
          guint label = GPOINTER_TO_UINT (g_hash_table_lookup (label_index, rpt_annotation_get_label (a)));
          guint speaker = GPOINTER_TO_UINT (g_hash_table_lookup (speaker_index,
                                                                 rpt_annotation_get_speaker (a) ?
                                                                 rpt_annotation_get_speaker (a) : ""));
          RptExportSpan *span;

          if (label == 0)
            continue;
          span = &doc->spans[doc->n_spans];
          span->id = g_string_chunk_insert (snap->strings, rpt_annotation_get_id (a));
          span->note = g_string_chunk_insert_const (snap->strings, rpt_annotation_get_note (a));
          span->author = g_string_chunk_insert_const (snap->strings, rpt_annotation_get_author (a));
          span->created = rpt_annotation_get_created (a);
          span->modified = rpt_annotation_get_modified (a);
          span->start = rpt_annotation_get_start (a);
          span->end = rpt_annotation_get_end (a);
          span->label = label - 1;
          span->speaker = (gint) speaker - 1;
          span->document = d;
          span->index = doc->n_spans++;
          g_array_index (snap->labels, RptExportLabel, span->label).n_uses++;
          if (span->speaker >= 0)
            g_array_index (snap->speakers, RptExportSpeaker, span->speaker).n_uses++;
          g_hash_table_insert (span_by_id, (gpointer) span->id, span);
        }
      snap->n_spans += doc->n_spans;
    }
}

static void
snapshot_relations (RptExportSnapshot *snap,
                    RptProject        *project,
                    GHashTable        *span_by_id)
{
  GListModel *relations = rpt_project_get_relations (project);
  guint n = g_list_model_get_n_items (relations);
  g_autoptr(GHashTable) exported_documents = g_hash_table_new (g_str_hash, g_str_equal);
  guint *fill;

  for (guint d = 0; d < snap->n_documents; d++)
    g_hash_table_add (exported_documents, (gpointer) rpt_document_get_id (snap->documents[d].document));

  snap->relations = g_new0 (RptExportRelation, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RptRelation) relation = g_list_model_get_item (relations, i);
      RptExportSpan *from = g_hash_table_lookup (span_by_id, rpt_relation_get_from (relation));
      RptExportSpan *to = g_hash_table_lookup (span_by_id, rpt_relation_get_to (relation));
      RptExportRelation *copy;

      if (from == NULL || to == NULL)
        {
          /* An end left out by the label selection: worth a warning when
           * the link touches an exported article. */
          RptAnnotation *a = rpt_project_get_annotation (project, rpt_relation_get_from (relation));
          RptAnnotation *b = rpt_project_get_annotation (project, rpt_relation_get_to (relation));

          if ((a && g_hash_table_contains (exported_documents, rpt_annotation_get_document (a))) ||
              (b && g_hash_table_contains (exported_documents, rpt_annotation_get_document (b))))
            snap->n_unselected_relations++;
          continue;
        }
      copy = &snap->relations[snap->n_relations++];
      copy->id = g_string_chunk_insert (snap->strings, rpt_relation_get_id (relation));
      copy->type = rpt_relation_get_kind (relation);
      copy->from = from;
      copy->to = to;
      if (from->document != to->document)
        snap->n_cross_relations++;
      else
        snap->documents[from->document].n_relations++;
    }

  fill = g_new0 (guint, MAX (snap->n_documents, 1));
  for (guint d = 0; d < snap->n_documents; d++)
    snap->documents[d].relations = g_new0 (RptExportRelation *, MAX (snap->documents[d].n_relations, 1));
  for (guint i = 0; i < snap->n_relations; i++)
    {
      RptExportRelation *relation = &snap->relations[i];
      guint d = relation->from->document;

      if (d == relation->to->document)
        snap->documents[d].relations[fill[d]++] = relation;
    }
  g_free (fill);
}

RptExportSnapshot *
rpt_export_snapshot_new (RptProject              *project,
                         const RptExportOptions  *options,
                         GError                 **error)
{
  g_autoptr(GHashTable) selected_labels = NULL;
  g_autoptr(GHashTable) selected_documents = NULL;
  g_autoptr(GHashTable) label_index = NULL;
  g_autoptr(GHashTable) speaker_index = NULL;
  g_autoptr(GHashTable) span_by_id = NULL;
  RptExportSnapshot *snap;

  g_return_val_if_fail (RPT_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->format < RPT_EXPORT_N_FORMATS, NULL);

  if (options->offsets >= RPT_OFFSETS_N_UNITS ||
      (options->offsets != RPT_OFFSETS_CODEPOINTS && !formats[options->format].offset_choice))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                   _("%s always counts offsets in code points; other units are not available"),
                   rpt_export_format_get_name (options->format));
      return NULL;
    }
  if (!check_ids (options->label_ids, TRUE, project, &selected_labels, error) ||
      !check_ids (options->document_ids, FALSE, project, &selected_documents, error))
    return NULL;

  snap = g_new0 (RptExportSnapshot, 1);
  snap->format = options->format;
  snap->offsets = options->offsets;
  snap->conll_layers = options->conll_layers;
  snap->replace = options->replace;
  snap->labels = g_array_new (FALSE, TRUE, sizeof (RptExportLabel));
  snap->speakers = g_array_new (FALSE, TRUE, sizeof (RptExportSpeaker));
  snap->strings = g_string_chunk_new (64 * 1024);

  label_index = index_table ();
  speaker_index = index_table ();
  span_by_id = index_table ();
  snapshot_labels_and_speakers (snap, project, selected_labels, label_index, speaker_index);
  snapshot_documents (snap, project, selected_documents, label_index, speaker_index, span_by_id);
  snapshot_relations (snap, project, span_by_id);

  return snap;
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
  guint n = MAX (ctx->snapshot->n_documents, 1);

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
rpt_export_offset (RptExportSnapshot *snapshot,
                   RptDocument       *document,
                   guint              char_offset)
{
  switch (snapshot->offsets)
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
  RptExportSnapshot *snap = ctx->snapshot;

  if (snap->n_unselected_relations > 0)
    rpt_export_warn (ctx,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%u relation was left out because one of its annotations is not exported",
                                  "%u relations were left out because one of their annotations is not exported",
                                  snap->n_unselected_relations),
                     snap->n_unselected_relations);
}

gboolean
rpt_export_snapshot_write (RptExportSnapshot  *snapshot,
                           const char         *destination,
                           GPtrArray          *warnings_out,
                           RptProgressFunc     progress,
                           gpointer            progress_data,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (export_file_free);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  RptExportContext ctx = { snapshot, files, warnings, progress, progress_data, cancellable };
  RptExportFile *file;

  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (destination != NULL && *destination != '\0', FALSE);

  common_warnings (&ctx);
  if (rpt_export_format_writes_folder (snapshot->format))
    {
      if (!formats[snapshot->format].write (&ctx, error) ||
          g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !_rpt_export_write_folder (destination, rpt_export_format_to_string (snapshot->format),
                                     files, snapshot->replace, error))
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
      if (!formats[snapshot->format].write (&ctx, error) ||
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
  g_autoptr(RptExportSnapshot) snapshot = rpt_export_snapshot_new (project, options, error);

  if (snapshot == NULL)
    return FALSE;
  return rpt_export_snapshot_write (snapshot, destination, warnings_out,
                                    progress, progress_data, cancellable, error);
}

/* ---- In a worker ---- */

/* The worker shares only the snapshot, the destination and an atomic
 * progress value with the main thread; the caller's progress callback is
 * polled from a timeout in the caller's context, so no user data is ever
 * touched or released in the worker. */
typedef struct
{
  RptExportSnapshot *snapshot;
  char              *destination;
  int                permille;     /* atomic */
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

  rpt_export_snapshot_free (job->snapshot);
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
  GPtrArray *warnings = g_ptr_array_new_with_free_func (g_free);
  GError *error = NULL;

  if (rpt_export_snapshot_write (job->snapshot, job->destination, warnings,
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
  GError *error = NULL;
  Caller *caller;
  Job *job;

  g_return_if_fail (RPT_IS_PROJECT (project));
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
  job->snapshot = rpt_export_snapshot_new (project, options, &error);
  job->destination = g_strdup (destination);
  g_task_set_task_data (task, job, job_free);
  if (job->snapshot == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

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
