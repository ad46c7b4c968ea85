/* rpt-import-html-meta.c: what a saved news page says about its article:
 * the <title>, the Open Graph and article meta tags that sharing previews
 * read, <link rel="canonical">, <html lang> and the schema.org JSON-LD
 * that search engines read. The meta tags come first, JSON-LD fills what
 * they leave out (docs/IMPORT.md).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Import"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "rpt-import-html-private.h"
#include "rpt-import-private.h"

/* A JSON-LD block larger than this is not metadata. */
#define MAX_JSON_LD_BYTES (1024 * 1024)
/* "@graph" inside "@graph" inside an array: deeper is not an article. */
#define MAX_JSON_LD_LEVELS 4

/* What each source gave, the first value of each kind kept. */
typedef struct
{
  char *og_title, *og_site_name, *og_url, *og_locale, *published_time, *author;
  char *article_author, *item_date, *canonical, *lang, *title;
  char *ld_headline, *ld_date, *ld_author, *ld_publisher, *ld_url, *ld_language;
  gboolean ld_found;
} Found;

static void
found_clear (Found *found)
{
  char **fields[] = {
    &found->og_title, &found->og_site_name, &found->og_url, &found->og_locale,
    &found->published_time, &found->author, &found->article_author, &found->item_date,
    &found->canonical, &found->lang, &found->title, &found->ld_headline, &found->ld_date,
    &found->ld_author, &found->ld_publisher, &found->ld_url, &found->ld_language,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    g_clear_pointer (fields[i], g_free);
}

/* Keeps @value (trimmed, white space collapsed) in @slot unless the slot
 * has one or the value is blank. */
static void
keep (char       **slot,
      const char  *value)
{
  GString *clean;
  gboolean space = FALSE;

  if (*slot != NULL || value == NULL || !g_utf8_validate (value, -1, NULL))
    return;
  clean = g_string_new (NULL);
  for (const char *p = value; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = clean->len > 0;
      else
        {
          if (space)
            g_string_append_c (clean, ' ');
          space = FALSE;
          g_string_append_unichar (clean, c);
        }
    }
  if (clean->len > 0)
    *slot = g_string_free (clean, FALSE);
  else
    g_string_free (clean, TRUE);
}

/* Author meta tags often hold a profile's address, which is no name. */
static void
keep_name (char       **slot,
           const char  *value)
{
  if (value != NULL && !g_str_has_prefix (value, "http://") && !g_str_has_prefix (value, "https://"))
    keep (slot, value);
}

/* ---- JSON-LD ---- */

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* A string, or an object's "name" (or "@id" with @id): schema.org allows
 * both for a person, an organisation or a page. */
static const char *
name_of (JsonNode   *node,
         const char *key)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (JSON_NODE_HOLDS_OBJECT (node))
    return string_member (json_node_get_object (node), key);
  return NULL;
}

/* One author or several ("Jane Roe, Ann Poe"). */
static char *
authors_of (JsonNode *node)
{
  g_autoptr(GString) names = g_string_new (NULL);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      const char *name = name_of (node, "name");

      return name ? g_strdup (name) : NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *name = name_of (json_array_get_element (array, i), "name");

      if (name == NULL || *name == '\0')
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, name);
    }
  return names->len > 0 ? g_strdup (names->str) : NULL;
}

/* NewsArticle, ReportageNewsArticle, Article, BlogPosting… */
static gboolean
is_article_type (const char *type)
{
  return type && (g_str_has_suffix (type, "Article") || g_str_has_suffix (type, "BlogPosting")
                  || g_str_equal (type, "Report"));
}

static gboolean
is_article (JsonObject *object)
{
  JsonNode *type = json_object_get_member (object, "@type");

  if (type && JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *types = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (types); i++)
        if (is_article_type (name_of (json_array_get_element (types, i), "@id")))
          return TRUE;
      return FALSE;
    }
  return is_article_type (name_of (type, "@id"));
}

static void
read_article (Found      *found,
              JsonObject *article)
{
  g_autofree char *authors = authors_of (json_object_get_member (article, "author"));

  found->ld_found = TRUE;
  keep (&found->ld_headline, string_member (article, "headline"));
  keep (&found->ld_date, string_member (article, "datePublished"));
  keep_name (&found->ld_author, authors);
  keep (&found->ld_publisher, name_of (json_object_get_member (article, "publisher"), "name"));
  keep (&found->ld_url, string_member (article, "url"));
  keep (&found->ld_url, name_of (json_object_get_member (article, "mainEntityOfPage"), "@id"));
  keep (&found->ld_language, name_of (json_object_get_member (article, "inLanguage"), "name"));
}

/* The first article in @node: the node itself, an array's element or a
 * "@graph" member's. */
static void
find_article (Found    *found,
              JsonNode *node,
              guint     level)
{
  if (found->ld_found || node == NULL || level > MAX_JSON_LD_LEVELS)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        find_article (found, json_array_get_element (array, i), level + 1);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (is_article (object))
        read_article (found, object);
      else
        find_article (found, json_object_get_member (object, "@graph"), level + 1);
    }
}

/* A block that is not JSON (or nests too deep for json-glib to be given
 * it) is passed over: the page's other metadata still counts. */
static void
read_json_ld (Found   *found,
              xmlNode *script)
{
  xmlChar *content = xmlNodeGetContent (script);
  g_autoptr(JsonParser) parser = NULL;
  gsize len = content ? strlen ((const char *) content) : 0;

  if (len > 0 && len <= MAX_JSON_LD_BYTES
      && _rpt_import_check_json ("JSON-LD", 1, (const char *) content, len, NULL))
    {
      parser = json_parser_new_immutable ();
      if (json_parser_load_from_data (parser, (const char *) content, (gssize) len, NULL))
        find_article (found, json_parser_get_root (parser), 0);
    }
  xmlFree (content);
}

/* ---- The head ---- */

/* The meta tags read, by their property, name or itemprop, and where
 * their content goes; an author's must be a name, not an address. */
static const struct
{
  const char *key;
  gsize       slot;
  gboolean    name;
} meta_keys[] = {
  { "og:title", G_STRUCT_OFFSET (Found, og_title), FALSE },
  { "og:site_name", G_STRUCT_OFFSET (Found, og_site_name), FALSE },
  { "og:url", G_STRUCT_OFFSET (Found, og_url), FALSE },
  { "og:locale", G_STRUCT_OFFSET (Found, og_locale), FALSE },
  { "article:published_time", G_STRUCT_OFFSET (Found, published_time), FALSE },
  { "author", G_STRUCT_OFFSET (Found, author), TRUE },
  { "article:author", G_STRUCT_OFFSET (Found, article_author), TRUE },
  { "datepublished", G_STRUCT_OFFSET (Found, item_date), FALSE },
};

static void
read_meta (Found   *found,
           xmlNode *meta)
{
  static const char * const attributes[] = { "property", "name", "itemprop" };
  g_autofree char *content = _rpt_html_attribute (meta, "content");

  if (content == NULL)
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (attributes); i++)
    {
      g_autofree char *key = _rpt_html_attribute (meta, attributes[i]);

      for (gsize k = 0; key && k < G_N_ELEMENTS (meta_keys); k++)
        if (g_ascii_strcasecmp (key, meta_keys[k].key) == 0)
          {
            char **slot = G_STRUCT_MEMBER_P (found, meta_keys[k].slot);

            if (meta_keys[k].name)
              keep_name (slot, content);
            else
              keep (slot, content);
          }
    }
}

static void
read_element (Found   *found,
              xmlNode *node)
{
  g_autofree char *value = NULL;

  if (_rpt_html_is_tag (node, "meta"))
    read_meta (found, node);
  else if (_rpt_html_is_tag (node, "title") && found->title == NULL)
    {
      g_autofree char *text = _rpt_html_node_text (node);

      keep (&found->title, text);
    }
  else if (_rpt_html_is_tag (node, "link"))
    {
      g_autofree char *rel = _rpt_html_attribute (node, "rel");
      g_autofree char *href = _rpt_html_attribute (node, "href");

      if (rel && g_ascii_strcasecmp (rel, "canonical") == 0)
        keep (&found->canonical, href);
    }
  else if (_rpt_html_is_tag (node, "script"))
    {
      value = _rpt_html_attribute (node, "type");
      if (value && g_ascii_strcasecmp (value, "application/ld+json") == 0)
        read_json_ld (found, node);
    }
  else if (_rpt_html_is_tag (node, "time"))
    {
      /* <time itemprop="datePublished" datetime="…">: microdata's date. */
      g_autofree char *prop = _rpt_html_attribute (node, "itemprop");

      value = _rpt_html_attribute (node, "datetime");
      if (prop && g_ascii_strcasecmp (prop, "datePublished") == 0)
        keep (&found->item_date, value);
    }
}

/* Every element of the page, in order: metadata is often in <body>. */
static void
read_tree (Found   *found,
           xmlNode *node,
           guint    depth)
{
  for (xmlNode *child = node->children; child && depth < 1024; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      {
        read_element (found, child);
        read_tree (found, child, depth + 1);
      }
}

static const char *
first_of (const char *a,
          const char *b,
          const char *c)
{
  return a ? a : b ? b : c;
}

/* "Talks end | The Lakeside Courier" without " | The Lakeside Courier"
 * when that is the outlet's name. */
static char *
strip_outlet (const char *title,
              const char *outlet)
{
  static const char * const separators[] = { " | ", " - ", " – ", " — ", " :: ", " · ", " : " };
  gsize title_len, outlet_len;

  if (title == NULL)
    return NULL;
  title_len = strlen (title);
  outlet_len = outlet ? strlen (outlet) : 0;
  if (outlet_len == 0 || title_len <= outlet_len || !g_str_has_suffix (title, outlet))
    return g_strdup (title);
  for (gsize i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      gsize sep = strlen (separators[i]);

      if (title_len > outlet_len + sep
          && strncmp (title + title_len - outlet_len - sep, separators[i], sep) == 0)
        return g_strndup (title, title_len - outlet_len - sep);
    }
  return g_strdup (title);
}

void
_rpt_html_head_read (RptHtmlHead *head,
                     htmlDocPtr   doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  Found found = { 0 };
  g_autofree char *lang = NULL;
  g_autofree char *locale = NULL;
  const char *outlet;

  memset (head, 0, sizeof *head);
  head->meta = rpt_article_meta_new ();
  if (root == NULL)
    return;
  lang = _rpt_html_attribute (root, "lang");
  keep (&found.lang, lang);
  read_tree (&found, root, 0);

  /* og:locale is "en_GB"; a language tag is "en-GB". */
  if (found.og_locale)
    locale = g_strdelimit (g_strdup (found.og_locale), "_", '-');
  outlet = found.og_site_name ? found.og_site_name : found.ld_publisher;
  rpt_article_meta_set (head->meta, RPT_ARTICLE_FIELD_OUTLET, outlet);
  rpt_article_meta_set (head->meta, RPT_ARTICLE_FIELD_AUTHOR,
                        first_of (found.author, found.ld_author, found.article_author));
  rpt_article_meta_set (head->meta, RPT_ARTICLE_FIELD_DATE,
                        first_of (found.published_time, found.ld_date, found.item_date));
  rpt_article_meta_set (head->meta, RPT_ARTICLE_FIELD_URL,
                        first_of (found.og_url, found.canonical, found.ld_url));
  rpt_article_meta_set (head->meta, RPT_ARTICLE_FIELD_LANGUAGE,
                        first_of (found.lang, found.ld_language, locale));
  head->headline = g_strdup (found.og_title ? found.og_title : found.ld_headline);
  head->page_title = strip_outlet (found.title, outlet);
  found_clear (&found);
}

void
_rpt_html_head_clear (RptHtmlHead *head)
{
  g_clear_pointer (&head->meta, rpt_article_meta_free);
  g_clear_pointer (&head->headline, g_free);
  g_clear_pointer (&head->page_title, g_free);
}
