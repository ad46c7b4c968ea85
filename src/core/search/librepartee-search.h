/* librepartee-search.h: Find (src/core/search): the matcher, the results
 * of a search across articles and filling them in a worker, Tag All.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rpt-search-pattern.h"
#include "rpt-search-results.h"
#include "rpt-search-tag.h"
