/* librepartee-file.h: the project file (src/core/file): reading with full
 * validation, deterministic writing, safe saving, the file stamp that
 * notices changes made behind our back, and the JSON writer the exporters
 * share. rpt-json-scanner.h and rpt-json-guard.h are the readers' own.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rpt-file-lock.h"
#include "rpt-file-stamp.h"
#include "rpt-json-writer.h"
#include "rpt-output-guard.h"
#include "rpt-project-io.h"
#include "rpt-safe-file.h"
