/* rpt-label.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Model"

#include "config.h"

#include "rpt-core-private.h"
#include "rpt-label.h"

struct _RptLabel
{
  GObject parent_instance;

  char  *id;
  char  *name;
  char  *color;
  char  *description;
  guint  shortcut;
};

G_DEFINE_FINAL_TYPE (RptLabel, rpt_label, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COLOR,
  PROP_SHORTCUT,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rpt_label_finalize (GObject *object)
{
  RptLabel *self = RPT_LABEL (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->color);
  g_free (self->description);

  G_OBJECT_CLASS (rpt_label_parent_class)->finalize (object);
}

static void
rpt_label_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RptLabel *self = RPT_LABEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_SHORTCUT:
      g_value_set_uint (value, self->shortcut);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_label_class_init (RptLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rpt_label_finalize;
  object_class->get_property = rpt_label_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, flags);
  properties[PROP_SHORTCUT] = g_param_spec_uint ("shortcut", NULL, NULL, 0, 9, 0, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rpt_label_init (RptLabel *self)
{
}

RptLabel *
rpt_label_new (const char *id,
               const char *name,
               const char *color,
               guint       shortcut,
               const char *description)
{
  RptLabel *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (rpt_color_is_valid (color), NULL);
  g_return_val_if_fail (shortcut <= 9, NULL);

  self = g_object_new (RPT_TYPE_LABEL, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->color = g_ascii_strdown (color, -1);
  self->shortcut = shortcut;
  self->description = g_strdup (description ? description : "");

  return self;
}

const char *
rpt_label_get_id (RptLabel *self)
{
  g_return_val_if_fail (RPT_IS_LABEL (self), NULL);
  return self->id;
}

const char *
rpt_label_get_name (RptLabel *self)
{
  g_return_val_if_fail (RPT_IS_LABEL (self), NULL);
  return self->name;
}

const char *
rpt_label_get_color (RptLabel *self)
{
  g_return_val_if_fail (RPT_IS_LABEL (self), NULL);
  return self->color;
}

guint
rpt_label_get_shortcut (RptLabel *self)
{
  g_return_val_if_fail (RPT_IS_LABEL (self), 0);
  return self->shortcut;
}

const char *
rpt_label_get_description (RptLabel *self)
{
  g_return_val_if_fail (RPT_IS_LABEL (self), NULL);
  return self->description;
}

gboolean
rpt_color_is_valid (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

static void
replace_string (RptLabel    *self,
                char       **field,
                const char  *value,
                guint        prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_rpt_label_set_name (RptLabel   *self,
                     const char *name)
{
  replace_string (self, &self->name, name, PROP_NAME);
}

void
_rpt_label_set_color (RptLabel   *self,
                      const char *color)
{
  g_autofree char *lower = g_ascii_strdown (color, -1);

  replace_string (self, &self->color, lower, PROP_COLOR);
}

void
_rpt_label_set_description (RptLabel   *self,
                            const char *description)
{
  replace_string (self, &self->description, description ? description : "", PROP_DESCRIPTION);
}

void
_rpt_label_set_shortcut (RptLabel *self,
                         guint     shortcut)
{
  if (self->shortcut == shortcut)
    return;
  self->shortcut = shortcut;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHORTCUT]);
}
