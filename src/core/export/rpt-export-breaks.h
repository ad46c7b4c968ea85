/* rpt-export-breaks.h: word and sentence boundaries for the CoNLL export,
 * the same as Pango's, computed without Pango where the text allows it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* Fills is_word_boundary, is_sentence_boundary and is_sentence_start of
 * @attrs (@n_chars + 1 entries) exactly as pango_get_log_attrs() does for
 * @text with the language "und" and no embedding level; the other members
 * are left unspecified. Paragraphs of common Latin, Greek and Cyrillic
 * text take a fast path; the others go to Pango. */
void     rpt_export_breaks               (const char   *text,
                                          gsize         n_bytes,
                                          guint         n_chars,
                                          PangoLogAttr *attrs);

/* The fast path alone, on one piece of text: returns FALSE, with @attrs
 * unspecified, if @text holds a character it does not handle. For tests. */
gboolean _rpt_export_breaks_fast         (const char   *text,
                                          gsize         n_bytes,
                                          guint         n_chars,
                                          PangoLogAttr *attrs);

G_END_DECLS
