/* rpt-core.h: the whole core, for the window, the tool and the tests: the
 * umbrella header of each folder (docs/ARCHITECTURE.md). The core's own
 * files include the headers they use, never this.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "librepartee-model.h"
#include "librepartee-reanchor.h"
#include "librepartee-file.h"
#include "librepartee-export.h"
#include "librepartee-import.h"
#include "librepartee-summary.h"
#include "librepartee-search.h"
