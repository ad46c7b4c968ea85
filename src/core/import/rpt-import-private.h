/* rpt-import-private.h: what the dataset parsers share. A parser turns each
 * article into a record (a document with pending spans and relations that
 * are checked as they are added), commits the good records to the builder
 * and reports the bad ones; the builder makes the project at the end.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (RPT_IMPORT_COMPILATION)
# error "rpt-import-private.h is private to src/core/import (docs/ARCHITECTURE.md)."
#endif

#include "rpt-import-dataset.h"

G_BEGIN_DECLS

typedef struct _RptImportBuilder RptImportBuilder;
typedef struct _RptImportRecord  RptImportRecord;

RptImportBuilder *_rpt_import_builder_new     (const RptImportOptions *options,
                                               GPtrArray              *warnings);
void              _rpt_import_builder_free    (RptImportBuilder       *builder);
const RptImportOptions *_rpt_import_builder_get_options (RptImportBuilder *builder);
/* A label named by a configuration: keeps the configuration's order, and
 * its colour (#rrggbb or #rgb; anything else is ignored), shortcut (1–9)
 * and description when given. Later declarations of a name add what the
 * first one lacked. */
void              _rpt_import_declare_label   (RptImportBuilder       *builder,
                                               const char             *name,
                                               const char             *color,
                                               guint                   shortcut,
                                               const char             *description);
void              _rpt_import_declare_speaker (RptImportBuilder       *builder,
                                               const char             *name);
/* The declared shortcuts are the whole truth: labels declared without one
 * get none (by default, labels without a key get the free keys in order). */
void              _rpt_import_set_shortcuts_given (RptImportBuilder   *builder);
void              _rpt_import_warn            (RptImportBuilder       *builder,
                                               const char             *format,
                                               ...) G_GNUC_PRINTF (2, 3);
/* A bad record: with skip_bad, records a warning, frees @bad and returns
 * TRUE (go on); otherwise moves @bad into @error and returns FALSE. */
gboolean          _rpt_import_bad_record      (RptImportBuilder       *builder,
                                               GError                 *bad,
                                               GError                **error);
/* Turns the committed records into a new project. */
RptProject       *_rpt_import_builder_finish  (RptImportBuilder       *builder,
                                               GError                **error);

/* A record for one article. @id NULL: made up from @fallback_id_stem.
 * @title NULL: the first line of the text. Fails for an empty text, text
 * past the limits, or an id that is taken or not a valid id. */
RptImportRecord  *_rpt_import_record_new      (RptImportBuilder       *builder,
                                               const char             *id,
                                               const char             *fallback_id_stem,
                                               const char             *title,
                                               const char             *source,
                                               const char             *text,
                                               gsize                   text_len,
                                               GError                **error);
void              _rpt_import_record_free     (RptImportRecord        *record);
guint             _rpt_import_record_get_length (RptImportRecord      *record);
RptDocument      *_rpt_import_record_get_document (RptImportRecord    *record);

typedef struct
{
  const char *key;       /* record-local name for relations ("T3"), or NULL */
  const char *id;        /* a global annotation id to keep if free, or NULL */
  guint64     start;     /* in @unit, end exclusive */
  guint64     end;
  const char *label;     /* name */
  const char *speaker;   /* name, or NULL */
  const char *note;
  const char *author;
  gint64      created;   /* microseconds since the epoch, or -1 */
  gint64      modified;
  const char *quote;     /* the text the file says the span covers, or NULL */
} RptImportSpan;

/* Converts and checks one span. The error message has no place prefix. */
gboolean          _rpt_import_record_add_span (RptImportRecord        *record,
                                               const RptImportSpan    *span,
                                               RptOffsetUnit           unit,
                                               GError                **error);
/* Converts a code point @offset of the record's text in @unit to code
 * points; FALSE when out of range or inside a character. */
gboolean          _rpt_import_record_to_chars (RptImportRecord        *record,
                                               guint64                 offset,
                                               RptOffsetUnit           unit,
                                               guint                  *out);
gboolean          _rpt_import_record_has_key  (RptImportRecord        *record,
                                               const char             *key);
gboolean          _rpt_import_record_add_relation (RptImportRecord    *record,
                                               const char             *id,
                                               RptRelationType         type,
                                               const char             *from_key,
                                               const char             *to_key,
                                               GError                **error);
/* Takes @record. Fails only past the annotation limit. */
gboolean          _rpt_import_commit          (RptImportBuilder       *builder,
                                               RptImportRecord        *record,
                                               GError                **error);

/* "rebuts", "responds-to", "responds_to", "Responds to"… */
gboolean          _rpt_import_relation_type   (const char             *name,
                                               RptRelationType        *out);
/* Refuses input that is not UTF-8 or nested deeper than RPT_MAX_DEPTH
 * before json-glib sees it; @first_line numbers the messages. */
gboolean          _rpt_import_check_json      (const char             *name,
                                               guint                   first_line,
                                               const char             *data,
                                               gsize                   len,
                                               GError                **error);

/* ---- Between the builder and its records ---- */

typedef struct
{
  char   *key;
  char   *id;
  char   *note;
  char   *author;
  gint64  created;
  gint64  modified;
  guint   start;
  guint   end;
  guint   label;     /* index into the builder's labels */
  gint    speaker;   /* index into the builder's speakers, or -1 */
} PendingSpan;

typedef struct
{
  char            *id;
  RptRelationType  type;
  guint            from;   /* indices into the record's spans */
  guint            to;
} PendingRelation;

struct _RptImportRecord
{
  RptImportBuilder *builder;
  RptDocument      *document;
  GArray           *spans;       /* PendingSpan */
  GArray           *relations;   /* PendingRelation */
  GHashTable       *keys;        /* key -> index + 1 */
  GHashTable       *seen_spans;  /* "start end label" */
  GHashTable       *seen_links;  /* "type from to" */
  guint            *to_chars;    /* unit offset -> code point, G_MAXUINT inside a character */
  guint64           n_units;
  RptOffsetUnit     table_unit;
};

/* "STEM-N" for the smallest N >= @first that no committed record has; many
 * calls with one stem cost about one probe each. */
char             *_rpt_import_builder_free_document_id (RptImportBuilder *builder,
                                                        const char       *stem,
                                                        guint             first);
guint             _rpt_import_builder_label_index   (RptImportBuilder *builder,
                                                     const char       *name);
guint             _rpt_import_builder_speaker_index (RptImportBuilder *builder,
                                                     const char       *name);
gboolean          _rpt_import_builder_has_document  (RptImportBuilder *builder,
                                                     const char       *id);

/* ---- Headings of texts saved from the web (rpt-import-heading.c) ---- */

typedef enum
{
  RPT_IMPORT_LINE_TEXT,         /* anything else: a headline or body text */
  RPT_IMPORT_LINE_BLANK,
  RPT_IMPORT_LINE_BYLINE,       /* "By Jane Roe", "Words by Ann Poe" */
  RPT_IMPORT_LINE_LABEL,        /* "Email", "Name:", "Subscribe", "Advertisement" */
  RPT_IMPORT_LINE_BOILERPLATE,  /* "We use cookies…", "Sign up to…" */
  RPT_IMPORT_LINE_DATE,         /* "14 December 2017, 12:05 GMT" */
} RptImportLineKind;

/* What one line of a text, or with @in_body one paragraph of a page's
 * article, is ("He said:" there is text, not a form's label). */
RptImportLineKind _rpt_import_line_kind       (const char             *line,
                                               gboolean                in_body);
/* Whether @word is one of the @n words of @list, ASCII letters in any case. */
gboolean          _rpt_import_in_list         (const char             *word,
                                               const char * const     *list,
                                               gsize                   n);
/* @line as a title: past 200 characters, cut and ended with "…". */
char             *_rpt_import_cut_title       (const char             *line);
/* The names of a byline ("By Jane Roe | The Outlet": "Jane Roe"), or
 * NULL when @line is no byline or names no one. */
char             *_rpt_import_byline_name     (const char             *line);

/* A new article from the file @base (its display name, the source), its
 * id the name without its extension, made unique in @project
 * (rpt-import-text.c). */
RptDocument      *_rpt_import_new_document    (RptProject             *project,
                                               const char             *base,
                                               const char             *title,
                                               const char             *text);

/* ---- The parsers ---- */

gboolean          _rpt_import_jsonl           (RptImportBuilder       *builder,
                                               const RptImportInput   *input,
                                               GError                **error);
/* Declares the labels (with colours, keys and hints) and speakers of a
 * labelling configuration. A configuration that cannot be read is only a
 * warning: the tasks still name their labels. */
void              _rpt_import_label_studio_config (RptImportBuilder   *builder,
                                               const RptImportInput   *config);
gboolean          _rpt_import_label_studio    (RptImportBuilder       *builder,
                                               const RptImportInput   *tasks,
                                               GError                **error);
/* Reads annotation.conf and visual.conf among @inputs first, then every
 * .txt with the .ann of the same stem. */
gboolean          _rpt_import_brat            (RptImportBuilder       *builder,
                                               const RptImportInput   *inputs,
                                               guint                   n_inputs,
                                               GError                **error);

G_END_DECLS
