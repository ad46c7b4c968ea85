/* rpt-enum-nick.c: enum values by nick (rpt-enum-nick.h).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Model"

#include "config.h"

#include "rpt-enum-nick.h"

/* A static type's class lives for the process once made; peeking avoids
 * the type lock on the readers' and writers' paths. */
static GEnumClass *
enum_class (GType type)
{
  GEnumClass *klass = g_type_class_peek_static (type);

  if (klass == NULL)
    {
      klass = g_type_class_ref (type);
      g_type_class_unref (klass);
    }
  return klass;
}

const char *
_rpt_enum_to_nick (GType type,
                   int   value)
{
  GEnumValue *v = g_enum_get_value (enum_class (type), value);

  return v ? v->value_nick : NULL;
}

gboolean
_rpt_enum_from_nick (GType       type,
                     const char *str,
                     gboolean    ignore_case,
                     int        *out)
{
  GEnumClass *klass = enum_class (type);

  for (guint i = 0; str && i < klass->n_values; i++)
    if (ignore_case ? g_ascii_strcasecmp (str, klass->values[i].value_nick) == 0
                    : g_str_equal (str, klass->values[i].value_nick))
      {
        *out = klass->values[i].value;
        return TRUE;
      }
  return FALSE;
}
