/* rpt-annotation.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Model"

#include "config.h"

#include "rpt-annotation.h"
#include "rpt-core-private.h"

/* Document, label, speaker and author repeat across thousands of
 * annotations: they are interned GRefStrings, shared and refcounted. */
struct _RptAnnotation
{
  GObject parent_instance;

  char   *id;
  char   *document;  /* GRefString */
  char   *label;     /* GRefString */
  char   *speaker;   /* GRefString or NULL */
  char   *author;    /* GRefString */
  char   *note;
  /* Orphans only: what the annotation quoted, and its context, when it
   * lost its place. NULL while it is placed. */
  char   *quote;
  char   *prefix;
  char   *suffix;
  gint64  created;
  gint64  modified;
  guint   start;
  guint   end;
};

G_DEFINE_FINAL_TYPE (RptAnnotation, rpt_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DOCUMENT,
  PROP_START,
  PROP_END,
  PROP_LABEL,
  PROP_SPEAKER,
  PROP_NOTE,
  PROP_AUTHOR,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
intern (const char *s)
{
  return s ? g_ref_string_new_intern (s) : NULL;
}

static void
release (char **s)
{
  g_clear_pointer (s, g_ref_string_release);
}

static void
rpt_annotation_finalize (GObject *object)
{
  RptAnnotation *self = RPT_ANNOTATION (object);

  g_free (self->id);
  g_free (self->note);
  g_free (self->quote);
  g_free (self->prefix);
  g_free (self->suffix);
  release (&self->document);
  release (&self->label);
  release (&self->speaker);
  release (&self->author);

  G_OBJECT_CLASS (rpt_annotation_parent_class)->finalize (object);
}

static void
rpt_annotation_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RptAnnotation *self = RPT_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_DOCUMENT:
      g_value_set_string (value, self->document);
      break;
    case PROP_START:
      g_value_set_uint (value, self->start);
      break;
    case PROP_END:
      g_value_set_uint (value, self->end);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_SPEAKER:
      g_value_set_string (value, self->speaker);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_MODIFIED:
      g_value_set_int64 (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_annotation_class_init (RptAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rpt_annotation_finalize;
  object_class->get_property = rpt_annotation_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_DOCUMENT] = g_param_spec_string ("document", NULL, NULL, NULL, flags);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_SPEAKER] = g_param_spec_string ("speaker", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_MODIFIED] = g_param_spec_int64 ("modified", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rpt_annotation_init (RptAnnotation *self)
{
}

RptAnnotation *
_rpt_annotation_new (const char *id,
                     const char *document,
                     guint       start,
                     guint       end,
                     const char *label,
                     const char *speaker,
                     const char *note,
                     const char *author,
                     gint64      created,
                     gint64      modified)
{
  RptAnnotation *self = g_object_new (RPT_TYPE_ANNOTATION, NULL);

  self->id = g_strdup (id);
  self->document = intern (document);
  self->start = start;
  self->end = end;
  self->label = intern (label);
  self->speaker = (speaker && *speaker) ? intern (speaker) : NULL;
  self->note = g_strdup (note ? note : "");
  self->author = intern (author ? author : "");
  self->created = created;
  self->modified = modified;

  return self;
}

const char *
rpt_annotation_get_id (RptAnnotation *self)
{
  g_return_val_if_fail (RPT_IS_ANNOTATION (self), NULL);
  return self->id;
}

const char *
rpt_annotation_get_document (RptAnnotation *self)
{
  g_return_val_if_fail (RPT_IS_ANNOTATION (self), NULL);
  return self->document;
}

guint
rpt_annotation_get_start (RptAnnotation *self)
{
  g_return_val_if_fail (RPT_IS_ANNOTATION (self), 0);
  return self->start;
}

guint
rpt_annotation_get_end (RptAnnotation *self)
{
  g_return_val_if_fail (RPT_IS_ANNOTATION (self), 0);
  return self->end;
}

const char *
rpt_annotation_get_label (RptAnnotation *self)
{
  g_return_val_if_fail (RPT_IS_ANNOTATION (self), NULL);
  return self->label;
}

const char *
rpt_annotation_get_speaker (RptAnnotation *self)
{
  g_return_val_if_fail (RPT_IS_ANNOTATION (self), NULL);
  return self->speaker;
}

const char *
rpt_annotation_get_note (RptAnnotation *self)
{
  g_return_val_if_fail (RPT_IS_ANNOTATION (self), NULL);
  return self->note;
}

const char *
rpt_annotation_get_author (RptAnnotation *self)
{
  g_return_val_if_fail (RPT_IS_ANNOTATION (self), NULL);
  return self->author;
}

gint64
rpt_annotation_get_created (RptAnnotation *self)
{
  g_return_val_if_fail (RPT_IS_ANNOTATION (self), 0);
  return self->created;
}

gint64
rpt_annotation_get_modified (RptAnnotation *self)
{
  g_return_val_if_fail (RPT_IS_ANNOTATION (self), 0);
  return self->modified;
}

gboolean
rpt_annotation_is_orphan (RptAnnotation *self)
{
  g_return_val_if_fail (RPT_IS_ANNOTATION (self), FALSE);
  return self->quote != NULL;
}

const char *
rpt_annotation_get_quote (RptAnnotation *self)
{
  g_return_val_if_fail (RPT_IS_ANNOTATION (self), NULL);
  return self->quote;
}

const char *
rpt_annotation_get_prefix (RptAnnotation *self)
{
  g_return_val_if_fail (RPT_IS_ANNOTATION (self), NULL);
  return self->prefix;
}

const char *
rpt_annotation_get_suffix (RptAnnotation *self)
{
  g_return_val_if_fail (RPT_IS_ANNOTATION (self), NULL);
  return self->suffix;
}

int
rpt_annotation_compare (RptAnnotation *a,
                        RptAnnotation *b)
{
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  return strcmp (a->id, b->id);
}

void
_rpt_annotation_set_range (RptAnnotation *self,
                           guint          start,
                           guint          end)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->start != start)
    {
      self->start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
    }
  if (self->end != end)
    {
      self->end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_interned (RptAnnotation  *self,
              char          **field,
              const char     *value,
              guint           prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  release (field);
  *field = intern (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_rpt_annotation_set_label (RptAnnotation *self,
                           const char    *label)
{
  set_interned (self, &self->label, label, PROP_LABEL);
}

void
_rpt_annotation_set_speaker (RptAnnotation *self,
                             const char    *speaker)
{
  set_interned (self, &self->speaker, (speaker && *speaker) ? speaker : NULL, PROP_SPEAKER);
}

void
_rpt_annotation_set_note (RptAnnotation *self,
                          const char    *note)
{
  if (g_strcmp0 (self->note, note) == 0)
    return;
  g_free (self->note);
  self->note = g_strdup (note ? note : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

void
_rpt_annotation_set_modified (RptAnnotation *self,
                              gint64         modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
_rpt_annotation_set_anchor (RptAnnotation *self,
                            const char    *quote,
                            const char    *prefix,
                            const char    *suffix)
{
  g_return_if_fail (quote != NULL || (prefix == NULL && suffix == NULL));

  g_free (self->quote);
  g_free (self->prefix);
  g_free (self->suffix);
  self->quote = g_strdup (quote);
  self->prefix = quote ? g_strdup (prefix ? prefix : "") : NULL;
  self->suffix = quote ? g_strdup (suffix ? suffix : "") : NULL;
}

gint64
_rpt_now (void)
{
  gint64 now = g_get_real_time ();

  return now - now % G_USEC_PER_SEC;
}
