/* rpt-import-html.c: a saved web page becomes an article: checks of the
 * bytes, libxml2's HTML parser, then the page's metadata
 * (rpt-import-html-meta.c) and its article text
 * (rpt-import-html-extract.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parserInternals.h>
#include <string.h>

#include "rpt-import-html.h"
#include "rpt-import-html-private.h"
#include "rpt-import-private.h"
#include "rpt-import-text.h"
#include "rpt-project-io.h"
#include "rpt-safe-file.h"

/* Control bytes in the first KiB that say "binary", besides NUL. */
#define SNIFF_BYTES 1024
#define MAX_CONTROL_BYTES 8

gboolean
rpt_import_is_html_name (const char *filename)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (filename != NULL, FALSE);

  folded = g_ascii_strdown (filename, -1);
  return g_str_has_suffix (folded, ".html") || g_str_has_suffix (folded, ".htm");
}

/* The first character after a byte order mark and white space: a page
 * starts with a tag, a comment or a <!DOCTYPE>. UTF-16 pages (with their
 * mark) are read a code unit at a time. */
static int
first_character (const char *data,
                 gsize       len,
                 gboolean   *wide)
{
  gsize i = 0, step = 1, low = 0;

  *wide = FALSE;
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  else if (len >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    {
      *wide = TRUE;
      step = 2;
      low = (guchar) data[0] == 0xff ? 0 : 1;
      i = 2;
    }
  for (; i + step <= len; i += step)
    {
      guchar c = data[i + low];

      if (step == 2 && data[i + 1 - low] != 0)
        return -1;
      if (!g_ascii_isspace (c))
        return c;
    }
  return 0;
}

/* Binary data, no data, or something other than HTML. */
static gboolean
check_bytes (const char  *place,
             const char  *data,
             gsize        len,
             GError     **error)
{
  gboolean wide;
  int first = first_character (data, len, &wide);
  const char *nul;
  guint controls = 0;

  if (!wide && (nul = memchr (data, '\0', len)) != NULL)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                   _("%s: the file holds binary data (a NUL byte at byte %lu), not a web page"),
                   place, (gulong) (nul - data));
      return FALSE;
    }
  for (gsize i = 0; !wide && i < MIN (len, SNIFF_BYTES); i++)
    controls += (guchar) data[i] < 0x20 && !g_ascii_isspace (data[i]) && data[i] != 0x1b;
  if (controls > MAX_CONTROL_BYTES)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                   _("%s: the file holds binary data (control bytes at its start), not a web page"), place);
      return FALSE;
    }
  if (first == 0)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID, _("%s: the file is empty"), place);
      return FALSE;
    }
  if (first != '<')
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                   _("%s: the file is not HTML: a web page starts with a tag such as <!DOCTYPE html> or <html>"),
                   place);
      return FALSE;
    }
  return TRUE;
}

/* How deep @node's elements nest (libxml2 keeps it under 257). */
static guint
depth_of (xmlNode *node,
          guint    depth)
{
  guint deepest = depth;

  for (xmlNode *child = node->children; child; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      {
        guint below = depth_of (child, depth + 1);

        deepest = MAX (deepest, below);
      }
  return deepest;
}

/* Whether libxml2 stopped at bytes the page's character set does not
 * have: what follows them is lost. The errors libxml2 recovers from are
 * not this importer's business (broken HTML is normal). */
static void
note_error (void        *data,
            xmlErrorPtr  error)
{
  gboolean *stopped = data;

  /* Not XML_ERR_INVALID_ENCODING alone: an undeclared page that is not
   * UTF-8 raises it, and libxml2 goes on reading it as Latin-1. */
  if (error->code == XML_I18N_CONV_FAILED || error->code == XML_IO_ENCODER)
    *stopped = TRUE;
}

static gpointer
init_parser (gpointer data)
{
  /* libxml2 is safe in threads once initialised, which must happen once. */
  xmlInitParser ();
  return NULL;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_str_equal (fa, fb);
}

/* The headline first, as a plain-text article has it: the page's <h1>
 * when the article's text did not start with it, else the title. */
static char *
assemble_text (const RptHtmlArticle *article,
               const char           *title)
{
  const char *headline = article->heading ? article->heading : title;
  gsize first_len = strcspn (article->text, "\n");
  g_autofree char *first = g_strndup (article->text, first_len);

  if (article->starts_with_heading || headline == NULL || *headline == '\0' || same_text (first, headline))
    return g_strdup (article->text);
  return g_strconcat (headline, "\n\n", article->text, NULL);
}

static RptDocument *
document_from (RptProject  *project,
               const char  *base,
               const char  *place,
               htmlDocPtr   doc,
               GError     **error)
{
  RptHtmlHead head;
  RptHtmlArticle article;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *guessed_author = NULL;
  RptDocument *document = NULL;

  _rpt_html_head_read (&head, doc);
  _rpt_html_extract (&article, doc);
  if (*article.text == '\0')
    g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                 _("%s: no article text was found: the page has no text outside navigation, menus, forms, "
                   "scripts and other page furniture"), place);
  else
    {
      const char *given = head.headline ? head.headline : article.heading ? article.heading : head.page_title;

      title = given ? _rpt_import_cut_title (given) : NULL;
      text = assemble_text (&article, given);
      if (title == NULL)
        title = rpt_import_guess_heading (text, &guessed_author);
      if (g_utf8_strlen (text, -1) > RPT_MAX_ARTICLE_CHARS)
        g_set_error (error, RPT_ERROR, RPT_ERROR_TOO_LARGE,
                     g_dngettext (GETTEXT_PACKAGE, "%s: the article is longer than %u character",
                                  "%s: the article is longer than %u characters", RPT_MAX_ARTICLE_CHARS),
                     place, RPT_MAX_ARTICLE_CHARS);
      else
        {
          if (rpt_article_meta_get (head.meta, RPT_ARTICLE_FIELD_AUTHOR) == NULL)
            rpt_article_meta_set (head.meta, RPT_ARTICLE_FIELD_AUTHOR,
                                  article.byline ? article.byline : guessed_author);
          document = _rpt_import_new_document (project, base, title, text);
          rpt_document_set_meta (document, head.meta);
        }
    }
  _rpt_html_head_clear (&head);
  _rpt_html_article_clear (&article);
  return document;
}

/* @place names the file in messages. */
static RptDocument *
import_html (RptProject  *project,
             const char  *filename,
             const char  *place,
             const char  *data,
             gsize        len,
             GError     **error)
{
  static GOnce once = G_ONCE_INIT;
  g_autofree char *base = g_filename_display_basename (filename);
  RptDocument *document = NULL;
  gboolean stopped = FALSE;
  htmlDocPtr doc;

  g_return_val_if_fail (RPT_IS_PROJECT (project), NULL);

  place = place ? place : base;
  if (len > RPT_MAX_HTML_BYTES)
    {
      g_autofree char *size = g_format_size (len);
      g_autofree char *limit = g_format_size (RPT_MAX_HTML_BYTES);

      g_set_error (error, RPT_ERROR, RPT_ERROR_TOO_LARGE,
                   _("%s: the page is %s; web pages over %s are not imported"), place, size, limit);
      return NULL;
    }
  if (!check_bytes (place, data, len, error))
    return NULL;

  g_once (&once, init_parser, NULL);
  /* libxml2's errors, noted instead of printed. */
  xmlSetStructuredErrorFunc (&stopped, note_error);
  doc = htmlReadMemory (data, (int) len, NULL, NULL,
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_RECOVER);
  xmlSetStructuredErrorFunc (NULL, NULL);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID, _("%s: the file could not be read as HTML"), place);
  /* libxml2 stops at the first byte its character set cannot convert. */
  else if (stopped && doc->encoding)
    g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                 _("%s: the page has bytes that are not %s, the character set it declares; it cannot be read whole"),
                 place, (const char *) doc->encoding);
  else if (stopped)
    g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                 _("%s: the page has bytes that are not in its character set; it cannot be read whole"), place);
  /* libxml2 stops reading at its nesting limit: what follows is lost. */
  else if (depth_of (xmlDocGetRootElement (doc), 0) >= xmlParserMaxDepth)
    g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                 _("%s: the page nests its elements more than %u levels deep; the HTML parser stops there"),
                 place, xmlParserMaxDepth);
  else
    document = document_from (project, base, place, doc, error);
  if (doc)
    xmlFreeDoc (doc);
  return document;
}

RptDocument *
rpt_import_html (RptProject  *project,
                 const char  *filename,
                 const char  *data,
                 gsize        len,
                 GError     **error)
{
  return import_html (project, filename, NULL, data, len, error);
}

RptDocument *
rpt_import_html_file (RptProject  *project,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *place = g_filename_display_name (path);
  g_autoptr(GError) local = NULL;
  g_autoptr(GBytes) bytes = rpt_safe_file_read (path, RPT_MAX_HTML_BYTES, &local);
  gsize len;
  const char *data;

  if (bytes == NULL)
    {
      GStatBuf st;

      /* The same message as for a page in memory, with the file's size. */
      if (g_error_matches (local, RPT_ERROR, RPT_ERROR_TOO_LARGE) && g_stat (path, &st) == 0)
        {
          g_autofree char *size = g_format_size (st.st_size);
          g_autofree char *limit = g_format_size (RPT_MAX_HTML_BYTES);

          g_set_error (error, RPT_ERROR, RPT_ERROR_TOO_LARGE,
                       _("%s: the page is %s; web pages over %s are not imported"), place, size, limit);
          return NULL;
        }
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  data = g_bytes_get_data (bytes, &len);
  return import_html (project, path, place, data ? data : "", len, error);
}

RptDocument *
rpt_import_article_file (RptProject  *project,
                         const char  *path,
                         GError     **error)
{
  if (rpt_import_is_html_name (path))
    return rpt_import_html_file (project, path, error);
  return rpt_import_text_file (project, path, error);
}
