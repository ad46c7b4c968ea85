/* rpt-import-html-extract.c: a saved news page's article text, found the
 * way browsers' reader modes find it (Mozilla's Readability, which came
 * from Arc90's): leave out what is never the article, score the blocks of
 * text, take the best container and the paragraphs beside it.
 * docs/IMPORT.md describes the method and its limits.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Import"

#include "config.h"

#include <string.h>

#include "rpt-import-html-private.h"
#include "rpt-import-private.h"

/* A block shorter than this is not scored: a caption, a label, a date. */
#define MIN_PARAGRAPH_CHARS 25
/* Fewer characters than this with the class and id hints: the hints left
 * the article out (a "main has-ads" container), so try again without. */
#define MIN_ARTICLE_CHARS 200
/* A byline box with more text than this is no byline. */
#define MAX_BYLINE_CHARS 100
/* libxml2 nests no deeper than 256; a guard for the recursion anyway. */
#define MAX_DEPTH 1024

/* Never article text, with all they hold. */
static const char * const dropped_tags[] = {
  "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button",
  "select", "input", "textarea", "label", "iframe", "frame", "frameset", "svg", "math",
  "object", "embed", "canvas", "video", "audio", "picture", "figure", "img", "dialog", "menu",
  "head", "title", "link", "meta", "map", "area", "source", "track", "option", "datalist",
};

/* ARIA roles of page furniture. */
static const char * const dropped_roles[] = {
  "navigation", "banner", "complementary", "contentinfo", "dialog", "alertdialog", "search",
  "menu", "menubar", "toolbar",
};

/* Words of class and id names that mark furniture: comments, share bars,
 * related and recommended articles, cookie banners, sign-up boxes,
 * adverts. Whole words ("ad" in "ad-slot", not in "header" or "shadow"),
 * or two joined ("sign-up", "most_read"). */
static const char * const negative_hints[] = {
  "comment", "comments", "commenting", "disqus", "share", "sharing", "sharebar", "social",
  "related", "recommended", "recirculation", "outbrain", "taboola", "cookie", "cookies",
  "consent", "gdpr", "newsletter", "subscribe", "subscription", "signup", "promo", "promotion",
  "ad", "ads", "advert", "adverts", "advertisement", "advertising", "sponsor", "sponsored",
  "banner", "popup", "modal", "overlay", "breadcrumb", "breadcrumbs", "footer", "masthead",
  "menu", "nav", "navbar", "navigation", "sidebar", "widget", "pagination", "pager", "toolbar",
  "trending", "popular", "mostread", "readmore", "hidden", "sronly", "visuallyhidden",
};

/* Words of class and id names of the article itself. */
static const char * const positive_hints[] = {
  "article", "articlebody", "body", "content", "entry", "main", "post", "story", "storybody",
  "text", "prose", "hentry",
};

/* Words of class and id names of a byline: left out of the text, and its
 * names are the author when the page's head has none. */
static const char * const byline_hints[] = {
  "byline", "author", "authors", "contributor", "contributors",
};

/* Elements that start a paragraph of their own. */
static const char * const block_tags[] = {
  "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
  "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th",
  "address", "center", "details", "summary", "hr", "body", "html", "caption", "tbody",
  "thead", "tfoot",
};

typedef struct
{
  guint    chars;        /* characters, a run of white space counted once */
  guint    link_chars;   /* of them, inside links */
  guint    commas;
  double   score;
  gboolean scored;       /* a candidate for the article's container */
  gboolean has_blocks;   /* holds an element that starts a paragraph */
  gboolean byline;       /* marked as a byline by its class or id */
} NodeInfo;

typedef struct
{
  GArray   *infos;       /* NodeInfo; node->_private is its index + 1 */
  gboolean  use_hints;
  char     *heading;
} Pass;

typedef struct
{
  GString  *text;
  GString  *paragraph;
  gboolean  paragraph_is_h1;
  gboolean  first_is_h1;
  gboolean  any;
  char     *byline;
} Output;

static gboolean
is_one_of (const xmlChar      *name,
           const char * const *list,
           gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (g_ascii_strcasecmp ((const char *) name, list[i]) == 0)
      return TRUE;
  return FALSE;
}

#define IS_ONE_OF(name, list) is_one_of ((const xmlChar *) (name), (list), G_N_ELEMENTS (list))

/* Splits the element's class and id into lower-case words and checks
 * each word, and each pair of neighbours joined, against @list. */
static gboolean
has_hint (xmlNode            *node,
          const char * const *list,
          gsize               n)
{
  static const char * const names[] = { "class", "id" };

  for (gsize a = 0; a < G_N_ELEMENTS (names); a++)
    {
      g_autofree char *value = _rpt_html_attribute (node, names[a]);
      g_autofree char *previous = NULL;
      const char *p = value;

      while (p && *p)
        {
          g_autofree char *word = NULL;
          const char *start;

          while (*p && !g_ascii_isalnum (*p))
            p++;
          start = p;
          while (g_ascii_isalnum (*p))
            p++;
          if (p == start)
            break;
          word = g_ascii_strdown (start, p - start);
          if (is_one_of ((const xmlChar *) word, list, n))
            return TRUE;
          if (previous != NULL)
            {
              g_autofree char *joined = g_strconcat (previous, word, NULL);

              if (is_one_of ((const xmlChar *) joined, list, n))
                return TRUE;
            }
          g_free (previous);
          previous = g_steal_pointer (&word);
        }
    }
  return FALSE;
}

#define HAS_HINT(node, list) has_hint ((node), (list), G_N_ELEMENTS (list))

static gboolean
is_hidden (xmlNode *node)
{
  g_autofree char *aria = _rpt_html_attribute (node, "aria-hidden");
  g_autofree char *role = _rpt_html_attribute (node, "role");
  g_autofree char *style = _rpt_html_attribute (node, "style");
  g_autofree char *bare = NULL;

  if (xmlHasProp (node, (const xmlChar *) "hidden"))
    return TRUE;
  if (aria && g_ascii_strcasecmp (aria, "true") == 0)
    return TRUE;
  if (role && IS_ONE_OF (role, dropped_roles))
    return TRUE;
  if (style == NULL)
    return FALSE;
  bare = g_ascii_strdown (style, -1);
  g_strdelimit (bare, " \t\n\r", '_');
  return strstr (bare, "display:none") || strstr (bare, "display:_none")
         || strstr (bare, "visibility:hidden") || strstr (bare, "visibility:_hidden");
}

/* What is left out before anything is scored: furniture by its element,
 * its ARIA role or its being hidden, and with hints by its class or id.
 * A page's <header> is furniture; an article's (inside <article> or
 * <main>) holds its headline and standfirst. */
static gboolean
is_dropped (Pass    *pass,
            xmlNode *node,
            gboolean in_article)
{
  if (IS_ONE_OF (node->name, dropped_tags) || is_hidden (node))
    return TRUE;
  if (_rpt_html_is_tag (node, "header") && !in_article)
    return TRUE;
  if (_rpt_html_is_tag (node, "body") || _rpt_html_is_tag (node, "html"))
    return FALSE;
  return pass->use_hints && HAS_HINT (node, negative_hints);
}

static NodeInfo *
info_of (Pass    *pass,
         xmlNode *node)
{
  guint index = GPOINTER_TO_UINT (node->_private);

  return index ? &g_array_index (pass->infos, NodeInfo, index - 1) : NULL;
}

/* Counts @text's characters into @info, a run of white space as one. */
static void
count_text (NodeInfo      *info,
            const xmlChar *text,
            gboolean       in_link)
{
  gboolean space = FALSE;
  guint chars = 0;

  for (const char *p = (const char *) text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          chars += !space;
          space = TRUE;
          continue;
        }
      space = FALSE;
      chars++;
      if (c == ',' || c == 0xff0c || c == 0x3001 || c == 0x060c)
        info->commas++;
    }
  info->chars += chars;
  if (in_link)
    info->link_chars += chars;
}

/* Marks what is left out and counts the text of what is not, each
 * element's counts including its children's. */
static void
measure (Pass    *pass,
         xmlNode *node,
         guint    index,
         gboolean in_link,
         gboolean in_article,
         guint    depth)
{
  for (xmlNode *child = node->children; child; child = child->next)
    {
      NodeInfo blank = { 0 };
      guint child_index;

      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          if (child->content)
            count_text (&g_array_index (pass->infos, NodeInfo, index - 1), child->content, in_link);
          continue;
        }
      if (child->type != XML_ELEMENT_NODE)
        continue;
      child->_private = NULL;
      if (depth >= MAX_DEPTH || is_dropped (pass, child, in_article))
        continue;

      blank.byline = HAS_HINT (child, byline_hints);
      g_array_append_val (pass->infos, blank);
      child_index = pass->infos->len;
      child->_private = GUINT_TO_POINTER (child_index);
      if (pass->heading == NULL && _rpt_html_is_tag (child, "h1"))
        {
          pass->heading = _rpt_html_node_text (child);
          if (*pass->heading == '\0')
            g_clear_pointer (&pass->heading, g_free);
        }
      measure (pass, child, child_index, in_link || _rpt_html_is_tag (child, "a"),
               in_article || _rpt_html_is_tag (child, "article") || _rpt_html_is_tag (child, "main"), depth + 1);

      {
        NodeInfo *parent = &g_array_index (pass->infos, NodeInfo, index - 1);
        NodeInfo *info = &g_array_index (pass->infos, NodeInfo, child_index - 1);

        parent->chars += info->chars;
        parent->link_chars += info->link_chars;
        parent->commas += info->commas;
        parent->has_blocks |= IS_ONE_OF (child->name, block_tags);
      }
    }
}

static double
link_density (const NodeInfo *info)
{
  return info->chars ? (double) info->link_chars / info->chars : 0;
}

/* The starting score of a container: its element, and its class and id. */
static double
base_score (Pass    *pass,
            xmlNode *node)
{
  static const char * const minus3[] = { "address", "ol", "ul", "dl", "dd", "dt", "li", "form" };
  static const char * const minus5[] = { "h1", "h2", "h3", "h4", "h5", "h6", "th" };
  static const char * const plus3[] = { "pre", "td", "blockquote" };
  double score = 0;

  if (_rpt_html_is_tag (node, "div"))
    score += 5;
  else if (IS_ONE_OF (node->name, plus3))
    score += 3;
  else if (IS_ONE_OF (node->name, minus3))
    score -= 3;
  else if (IS_ONE_OF (node->name, minus5))
    score -= 5;
  if (pass->use_hints && HAS_HINT (node, positive_hints))
    score += 25;
  return score;
}

/* A block of text: a paragraph, or a <div> or <section> with no blocks
 * inside (pages use them as paragraphs). */
static gboolean
is_paragraph (xmlNode        *node,
              const NodeInfo *info)
{
  static const char * const paragraphs[] = { "p", "pre", "td" };
  static const char * const containers[] = { "div", "section" };

  return IS_ONE_OF (node->name, paragraphs) || (IS_ONE_OF (node->name, containers) && !info->has_blocks);
}

/* Each paragraph gives its parent 1 point, 1 a comma and 1 for each 100
 * characters (at most 3); its grandparent half of that, and the three
 * ancestors above a third, a sixth and a ninth. */
static void
score_paragraphs (Pass    *pass,
                  xmlNode *node,
                  guint    depth)
{
  for (xmlNode *child = node->children; child; child = child->next)
    {
      NodeInfo *info;
      double points;
      guint level = 0;

      if (child->type != XML_ELEMENT_NODE || (info = info_of (pass, child)) == NULL)
        continue;
      if (depth < MAX_DEPTH)
        score_paragraphs (pass, child, depth + 1);
      if (!is_paragraph (child, info) || info->chars < MIN_PARAGRAPH_CHARS)
        continue;
      points = 1 + info->commas + MIN (info->chars / 100, 3);
      for (xmlNode *up = child->parent; up && up->type == XML_ELEMENT_NODE && level < 5; up = up->parent, level++)
        {
          NodeInfo *ancestor = info_of (pass, up);

          if (ancestor == NULL)
            break;
          if (!ancestor->scored)
            {
              ancestor->scored = TRUE;
              ancestor->score = base_score (pass, up);
            }
          ancestor->score += level == 0 ? points : level == 1 ? points / 2 : points / (level * 3);
        }
    }
}

static double
final_score (const NodeInfo *info)
{
  return info->score * (1 - link_density (info));
}

/* Readability's walk up from the best candidate: a parent that scored
 * more holds more of the article (a quotation scored alone, its article
 * around it); one that scored less than a third is something else. */
static xmlNode *
climb (Pass    *pass,
       xmlNode *best,
       double  *best_score)
{
  double last = *best_score;

  for (xmlNode *up = best->parent; up && up->type == XML_ELEMENT_NODE; up = up->parent)
    {
      NodeInfo *info = info_of (pass, up);

      if (info == NULL)
        break;
      if (!info->scored)
        continue;
      if (final_score (info) < *best_score / 3)
        break;
      if (final_score (info) > last)
        {
          *best_score = final_score (info);
          return up;
        }
      last = final_score (info);
    }
  return best;
}

/* The candidate with the best score once links are taken off. */
static xmlNode *
best_candidate (Pass    *pass,
                xmlNode *node,
                xmlNode *best,
                double  *best_score,
                guint    depth)
{
  for (xmlNode *child = node->children; child; child = child->next)
    {
      NodeInfo *info;

      if (child->type != XML_ELEMENT_NODE || (info = info_of (pass, child)) == NULL)
        continue;
      if (info->scored)
        {
          double score = final_score (info);

          if (best == NULL || score > *best_score)
            {
              best = child;
              *best_score = score;
            }
        }
      if (depth < MAX_DEPTH)
        best = best_candidate (pass, child, best, best_score, depth + 1);
    }
  return best;
}

static gboolean
ends_sentence (xmlNode *node)
{
  g_autofree char *text = _rpt_html_node_text (node);
  gunichar last;

  if (*text == '\0')
    return FALSE;
  last = g_utf8_get_char (g_utf8_prev_char (text + strlen (text)));
  return g_utf8_strchr (".!?:\"”’»", -1, last) != NULL;
}

/* Readability's siblings: a neighbour of the best container joins when
 * it scored at least a fifth of it (and 10), or is a paragraph of more
 * than 80 characters with few links, or a shorter one with none that
 * ends a sentence (or leads to a quotation with a colon). */
static gboolean
joins_best (Pass    *pass,
            xmlNode *sibling,
            xmlNode *best,
            double   best_score)
{
  static const char * const paragraphs[] = { "p", "blockquote", "h2", "h3" };
  NodeInfo *info = info_of (pass, sibling);
  double threshold = MAX (10, best_score * 0.2);

  if (sibling == best)
    return TRUE;
  if (info == NULL)
    return FALSE;
  if (info->scored && final_score (info) >= threshold)
    return TRUE;
  if (!IS_ONE_OF (sibling->name, paragraphs))
    return FALSE;
  if (info->chars > 80)
    return link_density (info) < 0.25;
  return info->chars > 0 && info->link_chars == 0 && ends_sentence (sibling);
}

/* ---- Writing the text out ---- */

static void
flush (Output *out)
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

static void
append_text (GString       *paragraph,
             const xmlChar *text)
{
  for (const char *p = (const char *) text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

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
is_link_block (xmlNode        *node,
               const NodeInfo *info)
{
  static const char * const lines[] = { "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd" };

  if (info->chars == 0)
    return FALSE;
  return link_density (info) > (IS_ONE_OF (node->name, lines) ? 0.9 : 0.5);
}

/* The names in a byline box, or in the first box inside it that has
 * some: "By Jane Roe", or a bare "Jane Roe". */
static char *
byline_in (Pass    *pass,
           xmlNode *node,
           guint    depth)
{
  g_autofree char *text = NULL;
  char *names;

  /* A box with more text than a byline has is only looked into. */
  if (info_of (pass, node)->chars <= MAX_BYLINE_CHARS)
    {
      text = _rpt_html_node_text (node);
      if ((names = _rpt_import_byline_name (text)) != NULL)
        return names;
      if (*text && _rpt_import_line_kind (text, TRUE) == RPT_IMPORT_LINE_TEXT)
        return g_steal_pointer (&text);
    }
  for (xmlNode *child = node->children; child && depth < MAX_DEPTH; child = child->next)
    {
      NodeInfo *info;

      if (child->type == XML_ELEMENT_NODE && (info = info_of (pass, child)) && info->byline
          && (names = byline_in (pass, child, depth + 1)))
        return names;
    }
  return NULL;
}

static void write_element (Pass     *pass,
                           Output   *out,
                           xmlNode  *node,
                           gboolean  top,
                           guint     depth);

static void
write_children (Pass    *pass,
                Output  *out,
                xmlNode *node,
                guint    depth)
{
  for (xmlNode *child = node->children; child; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          if (child->content)
            append_text (out->paragraph, child->content);
        }
      else if (child->type == XML_ELEMENT_NODE)
        write_element (pass, out, child, FALSE, depth + 1);
    }
}

/* A block element is a paragraph of its own (those inside it too); a
 * byline box gives the author instead; a line break stays one. */
static void
write_element (Pass     *pass,
               Output   *out,
               xmlNode  *node,
               gboolean  top,
               guint     depth)
{
  NodeInfo *info = info_of (pass, node);

  if (info == NULL || depth >= MAX_DEPTH)
    return;
  if (_rpt_html_is_tag (node, "br"))
    {
      while (out->paragraph->len > 0 && out->paragraph->str[out->paragraph->len - 1] == ' ')
        g_string_truncate (out->paragraph, out->paragraph->len - 1);
      if (out->paragraph->len > 0)
        g_string_append_c (out->paragraph, '\n');
      return;
    }
  if (!IS_ONE_OF (node->name, block_tags))
    {
      write_children (pass, out, node, depth);
      return;
    }
  flush (out);
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
  flush (out);
}

/* A byline outside the text taken (an article's header is often not in
 * it): the first byline box, or short block that reads "By NAME", before
 * the end of the best container @best. */
static char *
find_byline (Pass     *pass,
             xmlNode  *node,
             xmlNode  *best,
             gboolean *past,
             guint     depth)
{
  for (xmlNode *child = node->children; child && !*past && depth < MAX_DEPTH; child = child->next)
    {
      NodeInfo *info;
      char *names = NULL;

      if (child->type != XML_ELEMENT_NODE || (info = info_of (pass, child)) == NULL)
        continue;
      if (info->byline)
        names = byline_in (pass, child, depth);
      else if (!info->has_blocks && info->chars <= MAX_BYLINE_CHARS && IS_ONE_OF (child->name, block_tags))
        {
          g_autofree char *text = _rpt_html_node_text (child);

          names = _rpt_import_byline_name (text);
        }
      else
        names = find_byline (pass, child, best, past, depth + 1);
      if (names != NULL)
        return names;
      *past |= child == best;
    }
  return NULL;
}

/* The best container and the neighbours that join it, in page order. */
static void
write_article (Pass    *pass,
               Output  *out,
               xmlNode *body)
{
  double best_score = 0;
  xmlNode *best = best_candidate (pass, body, NULL, &best_score, 0);

  if (best != NULL)
    best = climb (pass, best, &best_score);
  /* No paragraph anywhere: whatever text the page has. */
  if (best == NULL)
    write_element (pass, out, body, TRUE, 0);
  else if (best == body || best->parent == NULL || info_of (pass, best->parent) == NULL)
    write_element (pass, out, best, TRUE, 0);
  else
    for (xmlNode *sibling = best->parent->children; sibling; sibling = sibling->next)
      if (sibling->type == XML_ELEMENT_NODE && joins_best (pass, sibling, best, best_score))
        write_element (pass, out, sibling, sibling == best, 0);
  flush (out);
  if (out->byline == NULL)
    {
      gboolean past = FALSE;

      out->byline = find_byline (pass, body, best, &past, 0);
    }
}

/* One pass over the page, with or without the class and id hints. */
static void
run_pass (RptHtmlArticle *article,
          xmlNode        *body,
          gboolean        use_hints)
{
  Pass pass = { g_array_new (FALSE, TRUE, sizeof (NodeInfo)), use_hints, NULL };
  Output out = { g_string_new (NULL), g_string_new (NULL), FALSE, FALSE, FALSE, NULL };
  NodeInfo root = { 0 };

  g_array_append_val (pass.infos, root);
  body->_private = GUINT_TO_POINTER (1);
  measure (&pass, body, 1, FALSE, FALSE, 0);
  score_paragraphs (&pass, body, 0);
  write_article (&pass, &out, body);

  _rpt_html_article_clear (article);
  article->text = g_string_free (out.text, FALSE);
  article->heading = pass.heading;
  article->starts_with_heading = out.first_is_h1;
  article->byline = out.byline;
  g_string_free (out.paragraph, TRUE);
  g_array_unref (pass.infos);
}

static xmlNode *
find_body (htmlDocPtr doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  if (root == NULL)
    return NULL;
  for (xmlNode *child = root->children; child; child = child->next)
    if (child->type == XML_ELEMENT_NODE && _rpt_html_is_tag (child, "body"))
      return child;
  return root;
}

void
_rpt_html_extract (RptHtmlArticle *article,
                   htmlDocPtr      doc)
{
  xmlNode *body = find_body (doc);

  memset (article, 0, sizeof *article);
  article->text = g_strdup ("");
  if (body == NULL)
    return;
  run_pass (article, body, TRUE);
  if (g_utf8_strlen (article->text, -1) < MIN_ARTICLE_CHARS)
    {
      RptHtmlArticle without = { 0 };

      run_pass (&without, body, FALSE);
      if (strlen (without.text) > strlen (article->text))
        {
          _rpt_html_article_clear (article);
          *article = without;
        }
      else
        _rpt_html_article_clear (&without);
    }
}

void
_rpt_html_article_clear (RptHtmlArticle *article)
{
  g_clear_pointer (&article->text, g_free);
  g_clear_pointer (&article->heading, g_free);
  g_clear_pointer (&article->byline, g_free);
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
