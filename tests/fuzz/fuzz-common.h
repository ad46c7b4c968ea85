/* fuzz-common.h: what the fuzz targets share: the entry point libFuzzer
 * (or replay-main.c) calls, and the check that an accepted project saves
 * and loads back to the same bytes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdint.h>
#include <stdlib.h>

#include "rpt-core.h"

G_BEGIN_DECLS

/* Runs one input; returns 0. A failed check aborts, saying why. */
int     LLVMFuzzerTestOneInput   (const uint8_t *data,
                                  size_t         size);

/* Saves @project, loads the bytes and saves again; aborts unless both
 * saves give the same bytes, naming @what ("an imported project") when
 * the bytes do not load. Returns the saved bytes. */
GBytes *fuzz_saved_and_reloaded (RptProject    *project,
                                 const char    *what);

G_END_DECLS
