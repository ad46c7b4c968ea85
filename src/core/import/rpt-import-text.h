/* rpt-import-text.h: plain-text articles.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rpt-project.h"

G_BEGIN_DECLS

/* Makes a document from the bytes of a plain-text file named @filename
 * (its base name becomes the source and the id; a byline in its heading,
 * the author of its metadata). UTF-8 with or without a
 * byte order mark; the text is kept exactly (CRLF included) after the BOM.
 * Bytes that are not UTF-8 are refused with their line and column.
 * The id is made unique within @project (which is not changed). */
RptDocument *rpt_import_text       (RptProject  *project,
                                    const char  *filename,
                                    const char  *data,
                                    gsize        len,
                                    GError     **error);
/* Reads @path and calls rpt_import_text; messages name the whole path. */
RptDocument *rpt_import_text_file  (RptProject  *project,
                                    const char  *path,
                                    GError     **error);
/* SHA-256 of each article's text -> the project's first article with
 * that text (borrowed, as are the keys): what an import looks a new
 * article up in to refuse a duplicate, in a hash table so that importing
 * many files stays linear. Valid while the project keeps its articles. */
GHashTable  *rpt_import_texts_of    (RptProject  *project);
/* Title: the first line that reads like a headline (rpt-import-heading.c:
 * not a byline, a form label, a cookie or sign-up notice, a date or
 * "Advertisement"), or the first line that is not blank when none does,
 * with spaces (Unicode ones too) trimmed; past 200 characters it is cut
 * and ends in "…". Lines end at LF, CRLF or CR. */
char        *rpt_import_guess_title (const char *text);
/* The same title; *@author (NULL when none) gets the names of a byline
 * ("By Jane Roe and Ann Poe") before the title or right under it. */
char        *rpt_import_guess_heading (const char  *text,
                                       char       **author);

G_END_DECLS
