/* rpt-import-html-private.h: the parts of the web page importer
 * (rpt-import-html.c): what the page says about itself
 * (rpt-import-html-meta.c) and its article text (rpt-import-html-extract.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (RPT_IMPORT_COMPILATION)
# error "rpt-import-html-private.h is private to src/core/import (docs/ARCHITECTURE.md)."
#endif

#include <libxml/HTMLparser.h>

#include "rpt-article-meta.h"

G_BEGIN_DECLS

/* What the page's head (and its JSON-LD) says about the article. */
typedef struct
{
  RptArticleMeta *meta;        /* outlet, author, date, URL, language */
  char           *headline;    /* og:title or JSON-LD's headline, or NULL */
  char           *page_title;  /* <title> without " | OUTLET", or NULL */
} RptHtmlHead;

void     _rpt_html_head_read   (RptHtmlHead *head,
                                htmlDocPtr   doc);
void     _rpt_html_head_clear  (RptHtmlHead *head);

/* The article's text, as reader modes find it. */
typedef struct
{
  char     *text;              /* paragraphs, a blank line between them; "" when none */
  char     *heading;           /* the page's first <h1> outside page furniture, or NULL */
  gboolean  starts_with_heading; /* the text's first paragraph is that <h1> */
  char     *byline;            /* the names of a byline found in the page, or NULL */
} RptHtmlArticle;

void     _rpt_html_extract     (RptHtmlArticle *article,
                                htmlDocPtr      doc);
void     _rpt_html_article_clear (RptHtmlArticle *article);

/* The text of @node and what it holds, white space collapsed and
 * trimmed (what a reader sees of a title or a heading). */
char    *_rpt_html_node_text   (xmlNode        *node);

/* An attribute's value (a copy), or NULL. */
char    *_rpt_html_attribute   (xmlNode        *node,
                                const char     *name);
/* Whether @node is the element @name (any case). */
gboolean _rpt_html_is_tag      (xmlNode        *node,
                                const char     *name);

G_END_DECLS
