/* librepartee-import.h: importing articles (src/core/import): plain
 * text, saved web pages, and labelled datasets (JSON Lines, Label Studio, brat).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rpt-import-dataset.h"
#include "rpt-import-html.h"
#include "rpt-import-text.h"
