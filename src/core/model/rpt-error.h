/* rpt-error.h: the one error domain of the core. Callers tell failures
 * apart by code, not by subsystem: each caller knows which subsystem it
 * called, and errors cross subsystems on their way up (an import fails in
 * the model, a load in the reader), so a domain per subsystem would only
 * make every check name the layer the error happened to come from. See
 * docs/CONVENTIONS.md. GIO's own errors (G_IO_ERROR_CANCELLED above all)
 * keep their domain.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RPT_ERROR (rpt_error_quark ())
typedef enum {
  RPT_ERROR_INVALID,     /* input refused: the message names place and reason */
  RPT_ERROR_NOT_FOUND,   /* an id that does not exist */
  RPT_ERROR_IO,          /* reading or writing failed */
  RPT_ERROR_TOO_LARGE,   /* past a documented limit */
  RPT_ERROR_TEXT_CHANGED, /* an article's text no longer matches its sha256:
                           * load again with RPT_LOAD_REANCHOR */
  RPT_ERROR_CHANGED,     /* a save found the file changed since it was read */
  RPT_ERROR_BUSY,        /* another writer kept the file locked too long */
} RptError;
GQuark rpt_error_quark (void);

G_END_DECLS
