/* rpt-error.c: the core's error domain (rpt-error.h).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Model"

#include "config.h"

#include "rpt-error.h"

G_DEFINE_QUARK (rpt-error-quark, rpt_error)
