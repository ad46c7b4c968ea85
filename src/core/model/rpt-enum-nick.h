/* rpt-enum-nick.h: an enum value's name in files and on the command line
 * is its nick, registered once beside the value by gnome.mkenums_simple
 * (rpt-MODULE-enums.h, one per folder), instead of a string table kept by hand.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nick of @value in the enum @type; NULL for a value it does not have. */
const char *_rpt_enum_to_nick   (GType       type,
                                 int         value);
/* Sets *@out to the value whose nick is @str (ASCII case ignored with
 * @ignore_case); FALSE for NULL or an unknown nick. */
gboolean    _rpt_enum_from_nick (GType       type,
                                 const char *str,
                                 gboolean    ignore_case,
                                 int        *out);

G_END_DECLS
