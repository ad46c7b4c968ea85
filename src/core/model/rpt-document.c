/* rpt-document.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Model"

#include "config.h"

#include "rpt-core-private.h"
#include "rpt-article-meta.h"
#include "rpt-document.h"
#include "rpt-limits.h"

/* One checkpoint every STRIDE code points makes offset conversion O(STRIDE)
 * without a full scan, at 1/8 of the text size in memory for ASCII. */
#define STRIDE 64

struct _RptDocument
{
  GObject parent_instance;

  char   *id;
  char   *title;
  char   *source;
  char   *text;
  gsize   n_bytes;
  guint   length;
  char   *sha256;
  guint   n_annotations;
  RptArticleMeta *meta;

  /* Byte and UTF-16 offsets of code points 0, STRIDE, 2*STRIDE… */
  gsize  *byte_marks;
  guint  *utf16_marks;
  guint   n_marks;
};

G_DEFINE_FINAL_TYPE (RptDocument, rpt_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SOURCE,
  PROP_LENGTH,
  PROP_N_ANNOTATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rpt_document_finalize (GObject *object)
{
  RptDocument *self = RPT_DOCUMENT (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->source);
  g_free (self->text);
  g_free (self->sha256);
  rpt_article_meta_free (self->meta);
  g_free (self->byte_marks);
  g_free (self->utf16_marks);

  G_OBJECT_CLASS (rpt_document_parent_class)->finalize (object);
}

static void
rpt_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RptDocument *self = RPT_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_LENGTH:
      g_value_set_uint (value, self->length);
      break;
    case PROP_N_ANNOTATIONS:
      g_value_set_uint (value, self->n_annotations);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_document_class_init (RptDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rpt_document_finalize;
  object_class->get_property = rpt_document_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LENGTH] =
    g_param_spec_uint ("length", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ANNOTATIONS] =
    g_param_spec_uint ("n-annotations", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rpt_document_init (RptDocument *self)
{
}

/* Counts the code points and records the checkpoints in one pass. Done at
 * construction so that the document is immutable and safe to read from
 * worker threads (exports, summary) without locks. */
static void
build_marks (RptDocument *self)
{
  const guchar *p = (const guchar *) self->text;
  gsize alloc = self->n_bytes / STRIDE + 1;
  gsize byte = 0;
  guint utf16 = 0;
  guint i = 0;

  self->byte_marks = g_new (gsize, alloc);
  self->utf16_marks = g_new (guint, alloc);

  for (i = 0; ; i++)
    {
      gsize len;

      if (i % STRIDE == 0)
        {
          self->byte_marks[i / STRIDE] = byte;
          self->utf16_marks[i / STRIDE] = utf16;
        }
      if (byte >= self->n_bytes)
        break;
      len = p[byte] < 0x80 ? 1 : p[byte] < 0xe0 ? 2 : p[byte] < 0xf0 ? 3 : 4;
      utf16 += len == 4 ? 2 : 1;
      byte += len;
    }

  self->length = i;
  self->n_marks = i / STRIDE + 1;
}

/**
 * rpt_document_new:
 * @text: valid UTF-8 (the caller validates, as for the other strings)
 */
RptDocument *
rpt_document_new (const char *id,
                  const char *title,
                  const char *source,
                  const char *text)
{
  RptDocument *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (id, -1, NULL), NULL);
  g_return_val_if_fail (title == NULL || g_utf8_validate (title, -1, NULL), NULL);
  g_return_val_if_fail (source == NULL || g_utf8_validate (source, -1, NULL), NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  self = g_object_new (RPT_TYPE_DOCUMENT, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title ? title : "");
  self->source = g_strdup (source ? source : "");
  self->text = g_strdup (text);
  self->n_bytes = strlen (text);
  build_marks (self);
  self->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, self->n_bytes);

  return self;
}

const char *
rpt_document_get_id (RptDocument *self)
{
  g_return_val_if_fail (RPT_IS_DOCUMENT (self), NULL);
  return self->id;
}

const char *
rpt_document_get_title (RptDocument *self)
{
  g_return_val_if_fail (RPT_IS_DOCUMENT (self), NULL);
  return self->title;
}

const char *
rpt_document_get_source (RptDocument *self)
{
  g_return_val_if_fail (RPT_IS_DOCUMENT (self), NULL);
  return self->source;
}

const RptArticleMeta *
rpt_document_get_meta (RptDocument *self)
{
  g_return_val_if_fail (RPT_IS_DOCUMENT (self), NULL);

  /* Made on demand: most documents of big projects have no metadata. */
  if (self->meta == NULL)
    self->meta = rpt_article_meta_new ();
  return self->meta;
}

void
rpt_document_set_meta (RptDocument          *self,
                       const RptArticleMeta *meta)
{
  g_return_if_fail (RPT_IS_DOCUMENT (self));

  g_clear_pointer (&self->meta, rpt_article_meta_free);
  if (meta != NULL && !rpt_article_meta_is_empty (meta))
    self->meta = rpt_article_meta_copy (meta);
}

const char *
rpt_document_get_text (RptDocument *self)
{
  g_return_val_if_fail (RPT_IS_DOCUMENT (self), NULL);
  return self->text;
}

gsize
rpt_document_get_text_bytes (RptDocument *self)
{
  g_return_val_if_fail (RPT_IS_DOCUMENT (self), 0);
  return self->n_bytes;
}

guint
rpt_document_get_length (RptDocument *self)
{
  g_return_val_if_fail (RPT_IS_DOCUMENT (self), 0);
  return self->length;
}

const char *
rpt_document_get_sha256 (RptDocument *self)
{
  g_return_val_if_fail (RPT_IS_DOCUMENT (self), NULL);
  return self->sha256;
}

guint
rpt_document_get_n_annotations (RptDocument *self)
{
  g_return_val_if_fail (RPT_IS_DOCUMENT (self), 0);
  return self->n_annotations;
}

void
_rpt_document_set_n_annotations (RptDocument *self,
                                 guint        n)
{
  if (self->n_annotations == n)
    return;
  self->n_annotations = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ANNOTATIONS]);
}

gsize
rpt_document_byte_offset (RptDocument *self,
                          guint        char_offset)
{
  const char *p;

  g_return_val_if_fail (RPT_IS_DOCUMENT (self), 0);

  if (char_offset >= self->length)
    return self->n_bytes;

  p = self->text + self->byte_marks[char_offset / STRIDE];
  for (guint i = char_offset % STRIDE; i > 0; i--)
    p = g_utf8_next_char (p);

  return (gsize) (p - self->text);
}

guint
rpt_document_utf16_offset (RptDocument *self,
                           guint        char_offset)
{
  const char *p;
  guint units;

  g_return_val_if_fail (RPT_IS_DOCUMENT (self), 0);

  char_offset = MIN (char_offset, self->length);
  p = self->text + self->byte_marks[char_offset / STRIDE];
  units = self->utf16_marks[char_offset / STRIDE];
  for (guint i = char_offset % STRIDE; i > 0; i--)
    {
      units += ((guchar) *p >= 0xf0) ? 2 : 1;
      p = g_utf8_next_char (p);
    }

  return units;
}

char *
rpt_document_dup_slice (RptDocument *self,
                        guint        start,
                        guint        end)
{
  gsize b_start, b_end;

  g_return_val_if_fail (RPT_IS_DOCUMENT (self), NULL);

  end = MIN (end, self->length);
  start = MIN (start, end);
  b_start = rpt_document_byte_offset (self, start);
  b_end = rpt_document_byte_offset (self, end);

  return g_strndup (self->text + b_start, b_end - b_start);
}

/* The ids the project makes are a letter and a serial number: "a1234".
 * Hashing the number rather than the string sends ids made one after
 * another to neighbouring buckets, so that filling a table of a million
 * ids in the file's order, or looking them up in that order, walks memory
 * in order instead of missing the cache on every id. Any other id hashes
 * as a string; both kinds can share a table. */
guint
_rpt_id_hash (gconstpointer id)
{
  const char *p = id;
  guint n = 0;

  if (g_ascii_islower (p[0]) && p[1] >= '1' && p[1] <= '9')
    {
      const char *q;

      for (q = p + 1; g_ascii_isdigit (*q) && q - p <= 9; q++)
        n = n * 10 + (guint) (*q - '0');
      if (*q == '\0')
        return n + (guint) p[0] * 0x9e3779b1u;
    }
  return g_str_hash (id);
}

gboolean
_rpt_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL || *id == '\0')
    return FALSE;
  len = strlen (id);
  if (len > RPT_MAX_ID_BYTES || !g_utf8_validate_len (id, len, NULL))
    return FALSE;
  for (const char *p = id; *p; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return FALSE;
  return TRUE;
}

char *
_rpt_id_next_free (GHashTable *taken,
                   GHashTable *hints,
                   const char *base,
                   guint       first)
{
  g_autoptr(GString) id = g_string_new (base);
  g_autofree char *key = NULL;
  gsize base_len = id->len;
  guint n = first;

  /* Every number from @first to the hint was taken when it was stored, and
   * ids are only added while @hints lives, so the search can start there.
   * The number found is stored, not the one after it: the caller may not
   * take it (a record refused after its id was made). */
  if (hints != NULL)
    {
      key = g_strdup_printf ("%u\x1f%s", first, base);
      n = MAX (first, GPOINTER_TO_UINT (g_hash_table_lookup (hints, key)));
    }
  for (;; n++)
    {
      g_string_truncate (id, base_len);
      g_string_append_printf (id, "-%u", n);
      if (!g_hash_table_contains (taken, id->str))
        break;
    }
  if (hints != NULL)
    g_hash_table_insert (hints, g_steal_pointer (&key), GUINT_TO_POINTER (n));
  return g_string_free (g_steal_pointer (&id), FALSE);
}
