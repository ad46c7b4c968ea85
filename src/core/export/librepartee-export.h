/* librepartee-export.h: the dataset exporters (src/core/export).
 * rpt-export-breaks.h is the CoNLL writer's own (and its test's).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rpt-export.h"
