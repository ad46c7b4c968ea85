/* librepartee-summary.h: the summary of the exchange (src/core/summary):
 * statements, threads, coverage and counts, and their Markdown, HTML and
 * JSON forms.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rpt-summary.h"
#include "rpt-summary-entry.h"
#include "rpt-summary-format.h"
#include "rpt-summary-rows.h"
