/* rpt-import-builder.c: the labels and speakers an import names, the
 * committed records (rpt-import-record.c), and the project made from them.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rpt-core-private.h"
#include "rpt-id-minter-private.h"
#include "rpt-import-private.h"
#include "rpt-project-io.h"
#include "rpt-project-loader.h"

/* The GNOME palette, for labels whose file gives no colour. */
static const char *palette[] = {
  "#3584e4", "#e01b24", "#f5c211", "#2ec27e", "#9141ac", "#ff7800", "#986a44", "#5e5c64",
};

typedef struct
{
  char     *name;
  char     *color;        /* NULL: not given */
  char     *description;  /* NULL: not given */
  guint     shortcut;     /* 0: not given */
  gboolean  declared;
  gboolean  used;
} PendingLabel;

typedef struct
{
  char     *name;
  gboolean  declared;
  gboolean  used;
} PendingSpeaker;


struct _RptImportBuilder
{
  RptImportOptions  options;
  GPtrArray        *warnings;
  GPtrArray        *labels;         /* PendingLabel */
  GHashTable       *label_index;    /* casefolded name -> index + 1 */
  GPtrArray        *speakers;       /* PendingSpeaker */
  GHashTable       *speaker_index;
  GPtrArray        *records;        /* committed RptImportRecord */
  GHashTable       *document_ids;
  GHashTable       *document_id_hints; /* for _rpt_id_next_free() */
  guint             n_annotations;
  gboolean          shortcuts_given;
};

static void
pending_label_free (gpointer data)
{
  PendingLabel *label = data;

  g_free (label->name);
  g_free (label->color);
  g_free (label->description);
  g_free (label);
}

static void
pending_speaker_free (gpointer data)
{
  PendingSpeaker *speaker = data;

  g_free (speaker->name);
  g_free (speaker);
}


RptImportBuilder *
_rpt_import_builder_new (const RptImportOptions *options,
                         GPtrArray              *warnings)
{
  RptImportBuilder *builder = g_new0 (RptImportBuilder, 1);

  builder->options = *options;
  builder->warnings = warnings;
  builder->labels = g_ptr_array_new_with_free_func (pending_label_free);
  /* Keyed by the casefolded name: the project file refuses two labels (or
   * speakers) whose names differ only in case, so an import must merge them. */
  builder->label_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  builder->speakers = g_ptr_array_new_with_free_func (pending_speaker_free);
  builder->speaker_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  builder->records = g_ptr_array_new_with_free_func ((GDestroyNotify) _rpt_import_record_free);
  builder->document_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  builder->document_id_hints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return builder;
}

void
_rpt_import_builder_free (RptImportBuilder *builder)
{
  if (builder == NULL)
    return;
  g_ptr_array_unref (builder->records);
  g_ptr_array_unref (builder->labels);
  g_hash_table_unref (builder->label_index);
  g_ptr_array_unref (builder->speakers);
  g_hash_table_unref (builder->speaker_index);
  g_hash_table_unref (builder->document_ids);
  g_hash_table_unref (builder->document_id_hints);
  g_free (builder);
}

const RptImportOptions *
_rpt_import_builder_get_options (RptImportBuilder *builder)
{
  return &builder->options;
}

void
_rpt_import_warn (RptImportBuilder *builder,
                  const char       *format,
                  ...)
{
  va_list args;

  if (builder->warnings == NULL)
    return;
  va_start (args, format);
  g_ptr_array_add (builder->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

gboolean
_rpt_import_bad_record (RptImportBuilder  *builder,
                        GError            *bad,
                        GError           **error)
{
  if (!builder->options.skip_bad)
    {
      g_propagate_error (error, bad);
      return FALSE;
    }
  _rpt_import_warn (builder, _("%s (left out)"), bad->message);
  g_error_free (bad);
  return TRUE;
}

/* #rgb and #rrggbb, lower-cased; NULL otherwise. */
static char *
normalize_color (const char *color)
{
  if (color == NULL)
    return NULL;
  if (rpt_color_is_valid (color))
    return g_ascii_strdown (color, -1);
  if (color[0] == '#' && strlen (color) == 4 &&
      g_ascii_isxdigit (color[1]) && g_ascii_isxdigit (color[2]) && g_ascii_isxdigit (color[3]))
    return g_ascii_strdown ((char[]) { '#', color[1], color[1], color[2], color[2], color[3], color[3], 0 }, -1);
  return NULL;
}

guint
_rpt_import_builder_label_index (RptImportBuilder *builder,
                                 const char       *name)
{
  g_autofree char *key = g_utf8_casefold (name, -1);
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (builder->label_index, key));
  PendingLabel *label;

  if (index > 0)
    return index - 1;
  label = g_new0 (PendingLabel, 1);
  label->name = g_strdup (name);
  g_ptr_array_add (builder->labels, label);
  g_hash_table_insert (builder->label_index, g_steal_pointer (&key), GUINT_TO_POINTER (builder->labels->len));
  return builder->labels->len - 1;
}

guint
_rpt_import_builder_speaker_index (RptImportBuilder *builder,
                                   const char       *name)
{
  g_autofree char *key = g_utf8_casefold (name, -1);
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (builder->speaker_index, key));
  PendingSpeaker *speaker;

  if (index > 0)
    return index - 1;
  speaker = g_new0 (PendingSpeaker, 1);
  speaker->name = g_strdup (name);
  g_ptr_array_add (builder->speakers, speaker);
  g_hash_table_insert (builder->speaker_index, g_steal_pointer (&key), GUINT_TO_POINTER (builder->speakers->len));
  return builder->speakers->len - 1;
}

void
_rpt_import_declare_label (RptImportBuilder *builder,
                           const char       *name,
                           const char       *color,
                           guint             shortcut,
                           const char       *description)
{
  PendingLabel *label;
  guint index;

  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    return;
  /* Not inside g_ptr_array_index(): adding may move the array. */
  index = _rpt_import_builder_label_index (builder, name);
  label = g_ptr_array_index (builder->labels, index);
  label->declared = TRUE;
  if (label->color == NULL)
    label->color = normalize_color (color);
  if (label->shortcut == 0 && shortcut <= 9)
    label->shortcut = shortcut;
  if (label->description == NULL && description && g_utf8_validate (description, -1, NULL))
    label->description = g_strdup (description);
}

void
_rpt_import_declare_speaker (RptImportBuilder *builder,
                             const char       *name)
{
  PendingSpeaker *speaker;
  guint index;

  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    return;
  index = _rpt_import_builder_speaker_index (builder, name);
  speaker = g_ptr_array_index (builder->speakers, index);
  speaker->declared = TRUE;
}

void
_rpt_import_set_shortcuts_given (RptImportBuilder *builder)
{
  builder->shortcuts_given = TRUE;
}

gboolean
_rpt_import_builder_has_document (RptImportBuilder *builder,
                                  const char       *id)
{
  return g_hash_table_contains (builder->document_ids, id);
}

char *
_rpt_import_builder_free_document_id (RptImportBuilder *builder,
                                      const char       *stem,
                                      guint             first)
{
  /* Records are only added, never taken back, so the hints stay true. */
  return _rpt_id_next_free (builder->document_ids, builder->document_id_hints, stem, first);
}


gboolean
_rpt_import_commit (RptImportBuilder  *builder,
                    RptImportRecord   *record,
                    GError           **error)
{
  if ((guint64) builder->n_annotations + record->spans->len > RPT_MAX_ANNOTATIONS)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_TOO_LARGE,
                   g_dngettext (GETTEXT_PACKAGE, "more than %u annotation in all",
                                "more than %u annotations in all", RPT_MAX_ANNOTATIONS),
                   RPT_MAX_ANNOTATIONS);
      _rpt_import_record_free (record);
      return FALSE;
    }
  builder->n_annotations += record->spans->len;
  for (guint i = 0; i < record->spans->len; i++)
    {
      PendingSpan *span = &g_array_index (record->spans, PendingSpan, i);

      ((PendingLabel *) g_ptr_array_index (builder->labels, span->label))->used = TRUE;
      if (span->speaker >= 0)
        ((PendingSpeaker *) g_ptr_array_index (builder->speakers, span->speaker))->used = TRUE;
    }
  g_hash_table_add (builder->document_ids, g_strdup (rpt_document_get_id (record->document)));
  g_clear_pointer (&record->to_chars, g_free);
  g_ptr_array_add (builder->records, record);
  return TRUE;
}

gboolean
_rpt_import_relation_type (const char      *name,
                           RptRelationType *out)
{
  g_autofree char *folded = NULL;

  if (name == NULL)
    return FALSE;
  folded = g_ascii_strdown (name, -1);
  g_strdelimit (folded, "_ ", '-');
  return rpt_relation_type_from_string (folded, out);
}

/* ---- The project ---- */

static char *
unique_id (GHashTable *taken,
           const char *prefix,
           guint      *serial)
{
  for (;;)
    {
      char *id = g_strdup_printf ("%s%u", prefix, ++*serial);

      if (!g_hash_table_contains (taken, id))
        return id;
      g_free (id);
    }
}

/* An id from a name: its slug, from at most 48 characters of it, so that
 * any name gives an id within RPT_MAX_ID_BYTES. */
static char *
id_from_name (GHashTable *taken,
              const char *name,
              const char *fallback)
{
  g_autofree char *head = g_utf8_substring (name, 0, MIN (g_utf8_strlen (name, -1), 48));

  return _rpt_id_slug (taken, head, fallback);
}

/* Position of @name among the default labels, or -1. */
static int
default_position (RptProject *defaults,
                  const char *name)
{
  g_autoptr(GHashTable) none = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *id = id_from_name (none, name, "label");
  GListModel *labels = rpt_project_get_labels (defaults);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (labels, i);

      if (g_str_equal (rpt_label_get_id (label), id))
        return (int) i;
    }
  return -1;
}

static void
finish_labels (RptImportBuilder *builder,
               RptProjectLoader *loader,
               char            **label_ids)
{
  g_autoptr(RptProject) defaults = rpt_project_new ();
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) colors = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *shortcuts = g_new0 (guint, builder->labels->len + 1);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  gboolean key_used[10] = { FALSE };
  guint next_color = 0;

  /* Declared labels in their order; then, of the labels files only name
   * (JSON Lines), the default ones in their usual order; then the others
   * in order of first use. */
  for (guint i = 0; i < builder->labels->len; i++)
    if (((PendingLabel *) g_ptr_array_index (builder->labels, i))->declared)
      g_ptr_array_add (order, GUINT_TO_POINTER (i));
  for (guint position = 0; position < g_list_model_get_n_items (rpt_project_get_labels (defaults)); position++)
    for (guint i = 0; i < builder->labels->len; i++)
      {
        PendingLabel *label = g_ptr_array_index (builder->labels, i);

        if (!label->declared && default_position (defaults, label->name) == (int) position)
          g_ptr_array_add (order, GUINT_TO_POINTER (i));
      }
  for (guint i = 0; i < builder->labels->len; i++)
    {
      PendingLabel *label = g_ptr_array_index (builder->labels, i);

      if (!label->declared && default_position (defaults, label->name) < 0)
        g_ptr_array_add (order, GUINT_TO_POINTER (i));
    }

  /* Keys the files give win; the rest get the free ones in order. */
  for (guint i = 0; i < builder->labels->len; i++)
    {
      PendingLabel *label = g_ptr_array_index (builder->labels, i);

      if ((label->declared || label->used) && label->shortcut > 0 && !key_used[label->shortcut])
        {
          key_used[label->shortcut] = TRUE;
          shortcuts[i] = label->shortcut;
        }
      if (label->color)
        g_hash_table_add (colors, label->color);
    }

  for (guint k = 0; k < order->len; k++)
    {
      guint i = GPOINTER_TO_UINT (g_ptr_array_index (order, k));
      PendingLabel *label = g_ptr_array_index (builder->labels, i);
      g_autoptr(RptLabel) made = NULL;
      RptLabel *standard;
      const char *color = label->color;
      char *id;

      if (!label->declared && !label->used)
        continue;
      id = id_from_name (taken, label->name, "label");
      g_hash_table_add (taken, id);
      label_ids[i] = id;
      /* The four default labels keep their colours and descriptions. */
      standard = rpt_project_get_label (defaults, id);
      if (color == NULL && standard)
        color = rpt_label_get_color (standard);
      while (color == NULL)
        {
          const char *candidate = palette[next_color % G_N_ELEMENTS (palette)];

          if (!g_hash_table_contains (colors, candidate) || next_color >= G_N_ELEMENTS (palette))
            color = candidate;
          next_color++;
        }
      g_hash_table_add (colors, (gpointer) color);
      if (shortcuts[i] == 0 && !(builder->shortcuts_given && label->declared))
        for (guint key = 1; key <= 9; key++)
          if (!key_used[key])
            {
              key_used[key] = TRUE;
              shortcuts[i] = key;
              break;
            }

      made = rpt_label_new (id, label->name, color, shortcuts[i],
                            label->description ? label->description
                                               : standard ? rpt_label_get_description (standard) : "");
      rpt_project_loader_add_label (loader, made);
    }
}

static void
finish_speakers (RptImportBuilder *builder,
                 RptProjectLoader *loader,
                 char            **speaker_ids)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < builder->speakers->len; i++)
    {
      PendingSpeaker *speaker = g_ptr_array_index (builder->speakers, i);
      g_autoptr(RptSpeaker) made = NULL;
      char *id;

      if (!speaker->declared && !speaker->used)
        continue;
      id = id_from_name (taken, speaker->name, "speaker");
      g_hash_table_add (taken, id);
      speaker_ids[i] = id;
      made = rpt_speaker_new (id, speaker->name);
      rpt_project_loader_add_speaker (loader, made);
    }
}

RptProject *
_rpt_import_builder_finish (RptImportBuilder  *builder,
                            GError           **error)
{
  g_autoptr(RptProjectLoader) loader = rpt_project_loader_new ();
  g_autoptr(GHashTable) annotation_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) relation_ids = g_hash_table_new (g_str_hash, g_str_equal);
  char **label_ids = g_new0 (char *, builder->labels->len + 1);
  char **speaker_ids = g_new0 (char *, builder->speakers->len + 1);
  gint64 now = _rpt_now ();
  guint a_serial = 0, r_serial = 0;
  RptProject *project;

  if (builder->records->len == 0)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID, "%s", _("there is no article to import"));
      g_free (label_ids);
      g_free (speaker_ids);
      return NULL;
    }

  finish_labels (builder, loader, label_ids);
  finish_speakers (builder, loader, speaker_ids);

  /* Ids from the files are kept where they are free; the rest are made. */
  for (guint r = 0; r < builder->records->len; r++)
    {
      RptImportRecord *record = g_ptr_array_index (builder->records, r);

      for (guint i = 0; i < record->spans->len; i++)
        {
          PendingSpan *span = &g_array_index (record->spans, PendingSpan, i);

          if (span->id && !g_hash_table_contains (annotation_ids, span->id))
            g_hash_table_add (annotation_ids, span->id);
          else
            g_clear_pointer (&span->id, g_free);
        }
      for (guint i = 0; i < record->relations->len; i++)
        {
          PendingRelation *relation = &g_array_index (record->relations, PendingRelation, i);

          if (relation->id && !g_hash_table_contains (relation_ids, relation->id) &&
              !g_hash_table_contains (annotation_ids, relation->id))
            g_hash_table_add (relation_ids, relation->id);
          else
            g_clear_pointer (&relation->id, g_free);
        }
    }

  for (guint r = 0; r < builder->records->len; r++)
    {
      RptImportRecord *record = g_ptr_array_index (builder->records, r);
      const char *doc_id = rpt_document_get_id (record->document);

      rpt_project_loader_add_document (loader, record->document);
      for (guint i = 0; i < record->spans->len; i++)
        {
          PendingSpan *span = &g_array_index (record->spans, PendingSpan, i);
          g_autoptr(RptAnnotation) annotation = NULL;

          if (span->id == NULL)
            {
              span->id = unique_id (annotation_ids, "a", &a_serial);
              g_hash_table_add (annotation_ids, span->id);
            }
          annotation = _rpt_annotation_new (span->id, doc_id, span->start, span->end,
                                            label_ids[span->label],
                                            span->speaker >= 0 ? speaker_ids[span->speaker] : NULL,
                                            span->note, span->author,
                                            /* -1: not given; times before 1970 are negative */
                                            span->created != -1 ? span->created : now,
                                            span->modified != -1 ? span->modified
                                              : span->created != -1 ? span->created : now);
          rpt_project_loader_add_annotation (loader, annotation);
        }
    }
  for (guint r = 0; r < builder->records->len; r++)
    {
      RptImportRecord *record = g_ptr_array_index (builder->records, r);

      for (guint i = 0; i < record->relations->len; i++)
        {
          PendingRelation *relation = &g_array_index (record->relations, PendingRelation, i);
          g_autoptr(RptRelation) made = NULL;

          if (relation->id == NULL)
            {
              do
                {
                  g_free (relation->id);
                  relation->id = unique_id (relation_ids, "r", &r_serial);
                }
              while (g_hash_table_contains (annotation_ids, relation->id));
              g_hash_table_add (relation_ids, relation->id);
            }
          made = _rpt_relation_new (relation->id, relation->type,
                                    g_array_index (record->spans, PendingSpan, relation->from).id,
                                    g_array_index (record->spans, PendingSpan, relation->to).id);
          rpt_project_loader_add_relation (loader, made);
        }
    }
  project = rpt_project_loader_finish (loader);

  for (guint i = 0; i < builder->labels->len; i++)
    g_free (label_ids[i]);
  for (guint i = 0; i < builder->speakers->len; i++)
    g_free (speaker_ids[i]);
  g_free (label_ids);
  g_free (speaker_ids);
  return project;
}
