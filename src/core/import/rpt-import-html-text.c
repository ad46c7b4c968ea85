/* rpt-import-html-text.c: writing out the article a page's blocks hold
 * (rpt-import-html-extract.c chooses them): a paragraph for each block
 * element, white space as a browser shows it, a <br> a line break; what
 * reads as a byline, a form's label, a sign-up or cookie notice or a date
 * left out (rpt-import-heading.c), and so are boxes of links inside the
 * article.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Import"

#include "config.h"

#include <string.h>

#include "rpt-import-html-private.h"
#include "rpt-import-private.h"

/* Elements that start a paragraph of their own. */
static const char * const block_tags[] = {
  "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
  "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th",
  "address", "center", "details", "summary", "hr", "body", "html", "caption", "tbody",
  "thead", "tfoot",
};

gboolean
_rpt_html_is_block (xmlNode *node)
{
  return RPT_HTML_IS_ONE_OF (node->name, block_tags);
}

RptHtmlNode *
_rpt_html_info (RptHtmlPass *pass,
                xmlNode     *node)
{
  guint index = GPOINTER_TO_UINT (node->_private);

  return index ? &g_array_index (pass->nodes, RptHtmlNode, index - 1) : NULL;
}

double
_rpt_html_link_density (const RptHtmlNode *info)
{
  return info->chars ? (double) info->link_chars / info->chars : 0;
}

void
_rpt_html_flush (RptHtmlOutput *out)
{
  g_autofree char *text = g_strstrip (g_strdup (out->paragraph->str));
  gboolean h1 = out->paragraph_is_h1;

  g_string_truncate (out->paragraph, 0);
  out->paragraph_is_h1 = FALSE;
  if (*text == '\0')
    return;
  switch (_rpt_import_line_kind (text, TRUE))
    {
    case RPT_IMPORT_LINE_BYLINE:
      if (out->byline == NULL)
        out->byline = _rpt_import_byline_name (text);
      return;
    case RPT_IMPORT_LINE_LABEL:
    case RPT_IMPORT_LINE_BOILERPLATE:
    case RPT_IMPORT_LINE_DATE:
      return;
    case RPT_IMPORT_LINE_TEXT:
    case RPT_IMPORT_LINE_BLANK:
    default:
      break;
    }
  if (!out->any)
    out->first_is_h1 = h1;
  else
    g_string_append (out->text, "\n\n");
  out->any = TRUE;
  g_string_append (out->text, text);
}

/* What the bytes 0x80 to 0x9f are in Windows-1252 (0: none), which
 * browsers use for pages labelled ISO-8859-1 (the WHATWG Encoding
 * Standard); libxml2 reads them as C1 control characters. */
static const gunichar windows_1252[32] = {
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

const char *
_rpt_html_valid_text (const xmlChar  *text,
                      char          **copy)
{
  *copy = NULL;
  if (g_utf8_validate ((const char *) text, -1, NULL))
    return (const char *) text;
  *copy = g_utf8_make_valid ((const char *) text, -1);
  return *copy;
}

static void
append_text (GString       *paragraph,
             const xmlChar *text)
{
  g_autofree char *copy = NULL;

  for (const char *p = _rpt_html_valid_text (text, &copy); *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* As browsers read it: a page in Latin-1 means Windows-1252. */
      if (c >= 0x80 && c <= 0x9f)
        c = windows_1252[c - 0x80];
      /* Control characters show nothing. */
      if (c == 0 || (g_unichar_iscntrl (c) && !g_unichar_isspace (c)))
        continue;
      if (!g_unichar_isspace (c))
        g_string_append_unichar (paragraph, c);
      else if (paragraph->len > 0 && paragraph->str[paragraph->len - 1] != ' '
               && paragraph->str[paragraph->len - 1] != '\n')
        g_string_append_c (paragraph, ' ');
    }
}

/* Inside the article: a list, table or box that is mostly links (related
 * articles, tags) or a paragraph that is nothing but a link ("Read more:
 * …") is left out. */
static gboolean
is_link_block (xmlNode           *node,
               const RptHtmlNode *info)
{
  static const char * const lines[] = { "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd" };

  if (info->chars == 0)
    return FALSE;
  return _rpt_html_link_density (info) > (RPT_HTML_IS_ONE_OF (node->name, lines) ? 0.9 : 0.5);
}

/* The names in a byline box, or in the first box inside it that has
 * some: "By Jane Roe", or a bare "Jane Roe". */
static char *
byline_in (RptHtmlPass *pass,
           xmlNode     *node,
           guint        depth)
{
  g_autofree char *text = NULL;
  char *names;

  /* A box with more text than a byline has is only looked into. */
  if (_rpt_html_info (pass, node)->chars <= RPT_HTML_MAX_BYLINE_CHARS)
    {
      text = _rpt_html_node_text (node);
      if ((names = _rpt_import_byline_name (text)) != NULL)
        return names;
      if (*text && _rpt_import_line_kind (text, TRUE) == RPT_IMPORT_LINE_TEXT)
        return g_steal_pointer (&text);
    }
  for (xmlNode *child = node->children; child && depth < RPT_HTML_MAX_DEPTH; child = child->next)
    {
      RptHtmlNode *info;

      if (child->type == XML_ELEMENT_NODE && (info = _rpt_html_info (pass, child)) && info->byline
          && (names = byline_in (pass, child, depth + 1)))
        return names;
    }
  return NULL;
}

static void
write_children (RptHtmlPass   *pass,
                RptHtmlOutput *out,
                xmlNode       *node,
                guint          depth)
{
  for (xmlNode *child = node->children; child; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          if (child->content)
            append_text (out->paragraph, child->content);
        }
      else if (child->type == XML_ELEMENT_NODE)
        _rpt_html_write (pass, out, child, FALSE, depth + 1);
    }
}

/* A block element is a paragraph of its own (those inside it too); a
 * byline box gives the author instead; a line break stays one. */
void
_rpt_html_write (RptHtmlPass   *pass,
                 RptHtmlOutput *out,
                 xmlNode       *node,
                 gboolean       top,
                 guint          depth)
{
  RptHtmlNode *info = _rpt_html_info (pass, node);

  if (info == NULL || depth >= RPT_HTML_MAX_DEPTH)
    return;
  if (_rpt_html_is_tag (node, "br"))
    {
      while (out->paragraph->len > 0 && out->paragraph->str[out->paragraph->len - 1] == ' ')
        g_string_truncate (out->paragraph, out->paragraph->len - 1);
      if (out->paragraph->len > 0)
        g_string_append_c (out->paragraph, '\n');
      return;
    }
  if (!_rpt_html_is_block (node))
    {
      write_children (pass, out, node, depth);
      return;
    }
  _rpt_html_flush (out);
  if (info->byline)
    {
      if (out->byline == NULL)
        out->byline = byline_in (pass, node, depth);
      return;
    }
  if (!top && is_link_block (node, info))
    return;
  out->paragraph_is_h1 = _rpt_html_is_tag (node, "h1");
  write_children (pass, out, node, depth);
  _rpt_html_flush (out);
}

/* A byline outside the text taken (an article's header is often not in
 * it): the first byline box, or short block that reads "By NAME", before
 * the end of the best container @best. */
char *
_rpt_html_find_byline (RptHtmlPass *pass,
                       xmlNode     *node,
                       xmlNode     *best,
                       gboolean    *past,
                       guint        depth)
{
  for (xmlNode *child = node->children; child && !*past && depth < RPT_HTML_MAX_DEPTH; child = child->next)
    {
      RptHtmlNode *info;
      char *names = NULL;

      if (child->type != XML_ELEMENT_NODE || (info = _rpt_html_info (pass, child)) == NULL)
        continue;
      if (info->byline)
        names = byline_in (pass, child, depth);
      else if (!info->has_blocks && info->chars <= RPT_HTML_MAX_BYLINE_CHARS && _rpt_html_is_block (child))
        {
          g_autofree char *text = _rpt_html_node_text (child);

          names = _rpt_import_byline_name (text);
        }
      else
        names = _rpt_html_find_byline (pass, child, best, past, depth + 1);
      if (names != NULL)
        return names;
      *past |= child == best;
    }
  return NULL;
}

char *
_rpt_html_attribute (xmlNode    *node,
                     const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

gboolean
_rpt_html_is_tag (xmlNode    *node,
                  const char *name)
{
  return g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

char *
_rpt_html_node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  GString *text = g_string_new (NULL);

  if (content)
    append_text (text, content);
  xmlFree (content);
  while (text->len > 0 && text->str[text->len - 1] == ' ')
    g_string_truncate (text, text->len - 1);
  return g_string_free (text, FALSE);
}
