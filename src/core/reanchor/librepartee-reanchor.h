/* librepartee-reanchor.h: placing annotations again when an article's text
 * changed (src/core/reanchor): the quote-and-context search, the project's
 * re-anchoring edits and their report.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rpt-anchor.h"
#include "rpt-project-reanchor.h"
#include "rpt-reanchor-report.h"
