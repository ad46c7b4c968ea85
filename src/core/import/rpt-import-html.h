/* rpt-import-html.h: saved web pages as articles, and the choice between
 * a page and plain text by the file's name.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rpt-project.h"

G_BEGIN_DECLS

/* A saved page larger than this is refused before it is parsed: news
 * pages saved by browsers are a few megabytes at most. */
#define RPT_MAX_HTML_BYTES ((gsize) 50 * 1000 * 1000)

/* Whether @filename ends in .html or .htm (any case). */
gboolean     rpt_import_is_html_name  (const char  *filename);

/* Makes a document from the bytes of a web page saved as @filename (its
 * base name becomes the source and the id): the article's text without
 * the page's navigation, adverts, forms, share buttons, related articles,
 * cookie banners and comments, one paragraph per block with a blank line
 * between, the headline first; the title, outlet, author, date, URL and
 * language from the page's metadata (docs/IMPORT.md). Any character set
 * the page declares. Refuses, naming the file and the reason, a page over
 * RPT_MAX_HTML_BYTES, binary data, a file that is not HTML and a page with
 * no article text. @project is not changed. */
RptDocument *rpt_import_html          (RptProject  *project,
                                       const char  *filename,
                                       const char  *data,
                                       gsize        len,
                                       GError     **error);
/* Reads @path and calls rpt_import_html; messages name the whole path. */
RptDocument *rpt_import_html_file     (RptProject  *project,
                                       const char  *path,
                                       GError     **error);
/* A web page (rpt_import_is_html_name) or a plain-text article. */
RptDocument *rpt_import_article_file  (RptProject  *project,
                                       const char  *path,
                                       GError     **error);

G_END_DECLS
