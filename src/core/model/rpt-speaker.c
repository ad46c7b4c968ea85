/* rpt-speaker.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Model"

#include "config.h"

#include "rpt-core-private.h"
#include "rpt-speaker.h"

struct _RptSpeaker
{
  GObject parent_instance;

  char *id;
  char *name;
};

G_DEFINE_FINAL_TYPE (RptSpeaker, rpt_speaker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rpt_speaker_finalize (GObject *object)
{
  RptSpeaker *self = RPT_SPEAKER (object);

  g_free (self->id);
  g_free (self->name);

  G_OBJECT_CLASS (rpt_speaker_parent_class)->finalize (object);
}

static void
rpt_speaker_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RptSpeaker *self = RPT_SPEAKER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_speaker_class_init (RptSpeakerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rpt_speaker_finalize;
  object_class->get_property = rpt_speaker_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rpt_speaker_init (RptSpeaker *self)
{
}

RptSpeaker *
rpt_speaker_new (const char *id,
                 const char *name)
{
  RptSpeaker *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (RPT_TYPE_SPEAKER, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);

  return self;
}

const char *
rpt_speaker_get_id (RptSpeaker *self)
{
  g_return_val_if_fail (RPT_IS_SPEAKER (self), NULL);
  return self->id;
}

const char *
rpt_speaker_get_name (RptSpeaker *self)
{
  g_return_val_if_fail (RPT_IS_SPEAKER (self), NULL);
  return self->name;
}

void
_rpt_speaker_set_name (RptSpeaker *self,
                       const char *name)
{
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}
