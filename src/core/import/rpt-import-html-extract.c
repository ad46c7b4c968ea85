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
          if (_rpt_import_in_list (word, list, n))
            return TRUE;
          if (previous != NULL)
            {
              g_autofree char *joined = g_strconcat (previous, word, NULL);

              if (_rpt_import_in_list (joined, list, n))
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
  if (role && RPT_HTML_IS_ONE_OF (role, dropped_roles))
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
is_dropped (RptHtmlPass *pass,
            xmlNode     *node,
            gboolean     in_article)
{
  if (RPT_HTML_IS_ONE_OF (node->name, dropped_tags) || is_hidden (node))
    return TRUE;
  if (_rpt_html_is_tag (node, "header") && !in_article)
    return TRUE;
  if (_rpt_html_is_tag (node, "body") || _rpt_html_is_tag (node, "html"))
    return FALSE;
  return pass->use_hints && HAS_HINT (node, negative_hints);
}

/* Counts @text's characters into @info, a run of white space as one. */
static void
count_text (RptHtmlNode   *info,
            const xmlChar *text,
            gboolean       in_link)
{
  g_autofree char *copy = NULL;
  gboolean space = FALSE;
  guint chars = 0;

  for (const char *p = _rpt_html_valid_text (text, &copy); *p; p = g_utf8_next_char (p))
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
measure (RptHtmlPass *pass,
         xmlNode     *node,
         guint        index,
         gboolean     in_link,
         gboolean     in_article,
         guint        depth)
{
  for (xmlNode *child = node->children; child; child = child->next)
    {
      RptHtmlNode blank = { 0 };
      guint child_index;

      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          if (child->content)
            count_text (&g_array_index (pass->nodes, RptHtmlNode, index - 1), child->content, in_link);
          continue;
        }
      if (child->type != XML_ELEMENT_NODE)
        continue;
      child->_private = NULL;
      if (depth >= RPT_HTML_MAX_DEPTH || is_dropped (pass, child, in_article))
        continue;

      blank.byline = HAS_HINT (child, byline_hints);
      g_array_append_val (pass->nodes, blank);
      child_index = pass->nodes->len;
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
        RptHtmlNode *parent = &g_array_index (pass->nodes, RptHtmlNode, index - 1);
        RptHtmlNode *info = &g_array_index (pass->nodes, RptHtmlNode, child_index - 1);

        parent->chars += info->chars;
        parent->link_chars += info->link_chars;
        parent->commas += info->commas;
        parent->has_blocks |= _rpt_html_is_block (child);
      }
    }
}

/* The starting score of a container: its element, and its class and id. */
static double
base_score (RptHtmlPass *pass,
            xmlNode     *node)
{
  static const char * const minus3[] = { "address", "ol", "ul", "dl", "dd", "dt", "li", "form" };
  static const char * const minus5[] = { "h1", "h2", "h3", "h4", "h5", "h6", "th" };
  static const char * const plus3[] = { "pre", "td", "blockquote" };
  double score = 0;

  if (_rpt_html_is_tag (node, "div"))
    score += 5;
  else if (RPT_HTML_IS_ONE_OF (node->name, plus3))
    score += 3;
  else if (RPT_HTML_IS_ONE_OF (node->name, minus3))
    score -= 3;
  else if (RPT_HTML_IS_ONE_OF (node->name, minus5))
    score -= 5;
  if (pass->use_hints && HAS_HINT (node, positive_hints))
    score += 25;
  return score;
}

/* A block of text: a paragraph, or a <div> or <section> with no blocks
 * inside (pages use them as paragraphs). */
static gboolean
is_paragraph (xmlNode           *node,
              const RptHtmlNode *info)
{
  static const char * const paragraphs[] = { "p", "pre", "td" };
  static const char * const containers[] = { "div", "section" };

  return RPT_HTML_IS_ONE_OF (node->name, paragraphs) || (RPT_HTML_IS_ONE_OF (node->name, containers) && !info->has_blocks);
}

/* Each paragraph gives its parent 1 point, 1 a comma and 1 for each 100
 * characters (at most 3); its grandparent half of that, and the three
 * ancestors above a third, a sixth and a ninth. */
static void
score_paragraphs (RptHtmlPass *pass,
                  xmlNode     *node,
                  guint        depth)
{
  for (xmlNode *child = node->children; child; child = child->next)
    {
      RptHtmlNode *info;
      double points;
      guint level = 0;

      if (child->type != XML_ELEMENT_NODE || (info = _rpt_html_info (pass, child)) == NULL)
        continue;
      if (depth < RPT_HTML_MAX_DEPTH)
        score_paragraphs (pass, child, depth + 1);
      if (!is_paragraph (child, info) || info->chars < MIN_PARAGRAPH_CHARS)
        continue;
      points = 1 + info->commas + MIN (info->chars / 100, 3);
      for (xmlNode *up = child->parent; up && up->type == XML_ELEMENT_NODE && level < 5; up = up->parent, level++)
        {
          RptHtmlNode *ancestor = _rpt_html_info (pass, up);

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
final_score (const RptHtmlNode *info)
{
  return info->score * (1 - _rpt_html_link_density (info));
}

/* Readability's walk up from the best candidate: a parent that scored
 * more holds more of the article (a quotation scored alone, its article
 * around it); one that scored less than a third is something else. */
static xmlNode *
climb (RptHtmlPass *pass,
       xmlNode     *best,
       double      *best_score)
{
  double last = *best_score;

  for (xmlNode *up = best->parent; up && up->type == XML_ELEMENT_NODE; up = up->parent)
    {
      RptHtmlNode *info = _rpt_html_info (pass, up);

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
best_candidate (RptHtmlPass *pass,
                xmlNode     *node,
                xmlNode     *best,
                double      *best_score,
                guint        depth)
{
  for (xmlNode *child = node->children; child; child = child->next)
    {
      RptHtmlNode *info;

      if (child->type != XML_ELEMENT_NODE || (info = _rpt_html_info (pass, child)) == NULL)
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
      if (depth < RPT_HTML_MAX_DEPTH)
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
joins_best (RptHtmlPass *pass,
            xmlNode     *sibling,
            xmlNode     *best,
            double       best_score)
{
  static const char * const paragraphs[] = { "p", "blockquote", "h2", "h3" };
  RptHtmlNode *info = _rpt_html_info (pass, sibling);
  double threshold = MAX (10, best_score * 0.2);

  if (sibling == best)
    return TRUE;
  if (info == NULL)
    return FALSE;
  if (info->scored && final_score (info) >= threshold)
    return TRUE;
  if (!RPT_HTML_IS_ONE_OF (sibling->name, paragraphs))
    return FALSE;
  if (info->chars > 80)
    return _rpt_html_link_density (info) < 0.25;
  return info->chars > 0 && info->link_chars == 0 && ends_sentence (sibling);
}

/* The best container and the neighbours that join it, in page order. */
static void
write_article (RptHtmlPass   *pass,
               RptHtmlOutput *out,
               xmlNode       *body)
{
  double best_score = 0;
  xmlNode *best = best_candidate (pass, body, NULL, &best_score, 0);

  if (best != NULL)
    best = climb (pass, best, &best_score);
  /* No paragraph anywhere: whatever text the page has. */
  if (best == NULL)
    _rpt_html_write (pass, out, body, TRUE, 0);
  else if (best == body || best->parent == NULL || _rpt_html_info (pass, best->parent) == NULL)
    _rpt_html_write (pass, out, best, TRUE, 0);
  else
    for (xmlNode *sibling = best->parent->children; sibling; sibling = sibling->next)
      if (sibling->type == XML_ELEMENT_NODE && joins_best (pass, sibling, best, best_score))
        _rpt_html_write (pass, out, sibling, sibling == best, 0);
  _rpt_html_flush (out);
  if (out->byline == NULL)
    {
      gboolean past = FALSE;

      out->byline = _rpt_html_find_byline (pass, body, best, &past, 0);
    }
}

/* One pass over the page, with or without the class and id hints. */
static void
run_pass (RptHtmlArticle *article,
          xmlNode        *body,
          gboolean        use_hints)
{
  RptHtmlPass pass = { g_array_new (FALSE, TRUE, sizeof (RptHtmlNode)), use_hints, NULL };
  RptHtmlOutput out = { g_string_new (NULL), g_string_new (NULL), FALSE, FALSE, FALSE, NULL };
  RptHtmlNode root = { 0 };

  g_array_append_val (pass.nodes, root);
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
  g_array_unref (pass.nodes);
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
