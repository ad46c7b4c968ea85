/* rpt-core.h: everything the window, the tool and the tests use.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rpt-anchor.h"
#include "rpt-annotation.h"
#include "rpt-annotation-store.h"
#include "rpt-document.h"
#include "rpt-file-lock.h"
#include "rpt-file-stamp.h"
#include "rpt-import-text.h"
#include "rpt-label.h"
#include "rpt-project.h"
#include "rpt-project-io.h"
#include "rpt-reanchor-report.h"
#include "rpt-relation.h"
#include "rpt-safe-file.h"
#include "rpt-speaker.h"
