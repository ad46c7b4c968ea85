/* rpt-relation.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rpt-core-private.h"
#include "rpt-enum-nick.h"
#include "rpt-model-enums.h"
#include "rpt-relation.h"

struct _RptRelation
{
  GObject parent_instance;

  char            *id;
  char            *from;
  char            *to;
  RptRelationType  type;
  guint64          order;  /* see rpt-relation-index.c; 0 until it has one */
};

G_DEFINE_FINAL_TYPE (RptRelation, rpt_relation, G_TYPE_OBJECT)

/* Their names in the file are the enum's nicks (rpt-model-enums.h). */
static const char *relation_displays[RPT_RELATION_N_TYPES] = {
  [RPT_RELATION_REBUTS] = N_("Rebuts"),
  [RPT_RELATION_RESPONDS_TO] = N_("Responds to"),
  [RPT_RELATION_SUPPORTS] = N_("Supports"),
};

static void
rpt_relation_finalize (GObject *object)
{
  RptRelation *self = RPT_RELATION (object);

  g_free (self->id);
  g_free (self->from);
  g_free (self->to);

  G_OBJECT_CLASS (rpt_relation_parent_class)->finalize (object);
}

static void
rpt_relation_class_init (RptRelationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rpt_relation_finalize;
}

static void
rpt_relation_init (RptRelation *self)
{
}

RptRelation *
_rpt_relation_new (const char      *id,
                   RptRelationType  type,
                   const char      *from,
                   const char      *to)
{
  RptRelation *self = g_object_new (RPT_TYPE_RELATION, NULL);

  self->id = g_strdup (id);
  self->type = type;
  self->from = g_strdup (from);
  self->to = g_strdup (to);

  return self;
}

const char *
rpt_relation_get_id (RptRelation *self)
{
  g_return_val_if_fail (RPT_IS_RELATION (self), NULL);
  return self->id;
}

RptRelationType
rpt_relation_get_kind (RptRelation *self)
{
  g_return_val_if_fail (RPT_IS_RELATION (self), 0);
  return self->type;
}

const char *
rpt_relation_get_from (RptRelation *self)
{
  g_return_val_if_fail (RPT_IS_RELATION (self), NULL);
  return self->from;
}

const char *
rpt_relation_get_to (RptRelation *self)
{
  g_return_val_if_fail (RPT_IS_RELATION (self), NULL);
  return self->to;
}

guint64
_rpt_relation_get_order (RptRelation *self)
{
  return self->order;
}

void
_rpt_relation_set_order (RptRelation *self,
                         guint64      order)
{
  self->order = order;
}

const char *
rpt_relation_type_to_string (RptRelationType type)
{
  g_return_val_if_fail (type < RPT_RELATION_N_TYPES, NULL);
  return _rpt_enum_to_nick (RPT_TYPE_RELATION_TYPE, type);
}

gboolean
rpt_relation_type_from_string (const char      *str,
                               RptRelationType *out)
{
  int value;

  if (!_rpt_enum_from_nick (RPT_TYPE_RELATION_TYPE, str, FALSE, &value))
    return FALSE;
  *out = value;
  return TRUE;
}

const char *
rpt_relation_type_get_display (RptRelationType type)
{
  g_return_val_if_fail (type < RPT_RELATION_N_TYPES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, relation_displays[type]);
}
