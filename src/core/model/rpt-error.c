/* rpt-error.c: the core's error domain (rpt-error.h), and setting its errors
 * (_rpt_fail).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Model"

#include "config.h"

#include "rpt-core-private.h"
#include "rpt-error.h"

G_DEFINE_QUARK (rpt-error-quark, rpt_error)

gboolean
_rpt_fail (GError    **error,
           RptError    code,
           const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  if (error)
    *error = g_error_new_valist (RPT_ERROR, code, format, args);
  va_end (args);
  return FALSE;
}
