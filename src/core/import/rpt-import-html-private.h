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

/* ---- Between choosing the article's blocks and writing them out ---- */

/* libxml2 nests no deeper than 256; a guard for the recursions anyway. */
#define RPT_HTML_MAX_DEPTH 1024
/* A byline box with more text than this is no byline. */
#define RPT_HTML_MAX_BYLINE_CHARS 100

/* What is known of one element left in the page. */
typedef struct
{
  guint    chars;        /* characters, a run of white space counted once */
  guint    link_chars;   /* of them, inside links */
  guint    commas;
  double   score;
  gboolean scored;       /* a candidate for the article's container */
  gboolean has_blocks;   /* holds an element that starts a paragraph */
  gboolean byline;       /* marked as a byline by its class or id */
} RptHtmlNode;

/* One reading of the page, with or without the class and id hints. */
typedef struct
{
  GArray   *nodes;       /* RptHtmlNode; an element's _private is its index + 1 */
  gboolean  use_hints;
  char     *heading;     /* the first <h1> left in the page */
} RptHtmlPass;

typedef struct
{
  GString  *text;
  GString  *paragraph;   /* being written */
  gboolean  paragraph_is_h1;
  gboolean  first_is_h1;
  gboolean  any;         /* a paragraph was written */
  char     *byline;
} RptHtmlOutput;

/* NULL for an element left out (and whatever it holds). */
RptHtmlNode *_rpt_html_info    (RptHtmlPass       *pass,
                                xmlNode           *node);
double   _rpt_html_link_density (const RptHtmlNode *info);
/* Whether the element name @name is in @list (rpt-import-private.h). */
#define RPT_HTML_IS_ONE_OF(name, list) \
  _rpt_import_in_list ((const char *) (name), (list), G_N_ELEMENTS (list))
/* Whether @node starts a paragraph of its own. */
gboolean _rpt_html_is_block    (xmlNode           *node);

/* Writes @node out: a block element as a paragraph (those inside it too),
 * a byline box as the author instead; with @top, even a box of links. */
void     _rpt_html_write       (RptHtmlPass       *pass,
                                RptHtmlOutput     *out,
                                xmlNode           *node,
                                gboolean           top,
                                guint              depth);
/* Ends the paragraph being written. */
void     _rpt_html_flush       (RptHtmlOutput     *out);
/* The first byline in @node before the end of @best (NULL: anywhere). */
char    *_rpt_html_find_byline (RptHtmlPass       *pass,
                                xmlNode           *node,
                                xmlNode           *best,
                                gboolean          *past,
                                guint              depth);

/* @text, or when it is not valid UTF-8 (libxml2 passes some bytes of a
 * broken page through as they are) a copy made valid, in *@copy. */
const char *_rpt_html_valid_text (const xmlChar  *text,
                                  char          **copy);
/* An attribute's value (a copy), or NULL. */
char    *_rpt_html_attribute   (xmlNode        *node,
                                const char     *name);
/* Whether @node is the element @name (any case). */
gboolean _rpt_html_is_tag      (xmlNode        *node,
                                const char     *name);

G_END_DECLS
