/* test-import-html.c: saved news pages (written for these tests, laid out
 * as real news sites lay them out) become articles: the article's text,
 * its paragraphs, without the page furniture; the metadata from the
 * page's head; any declared character set; bad pages refused with the
 * file and the reason.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "rpt-core.h"
#include "rpt-test-util.h"

static RptDocument *
import_page (const char *filename,
             const char *data,
             gssize      len)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(GError) error = NULL;
  RptDocument *document = rpt_import_html (project, filename, data, len < 0 ? strlen (data) : (gsize) len, &error);

  ck_assert_msg (document != NULL, "refused: %s", error ? error->message : "");
  return document;
}

static const char *
meta (RptDocument     *document,
      RptArticleField  field)
{
  return rpt_article_meta_get (rpt_document_get_meta (document), field);
}

static void
ck_assert_meta (RptDocument     *document,
                RptArticleField  field,
                const char      *expected)
{
  const char *value = meta (document, field);

  ck_assert_msg (g_strcmp0 (value, expected) == 0, "field %d: “%s”, not “%s”", field,
                 value ? value : "(none)", expected ? expected : "(none)");
}

static void
assert_lacks (const char *text,
              const char *dropped)
{
  ck_assert_msg (strstr (text, dropped) == NULL, "“%s” was kept in:\n%s", dropped, text);
}

/* ---- The demo page ---- */

#define LEDGER_TEXT \
  "Brennecke offers sluice records as Dănescu presses on Serin dam\n\n" \
  "Tressaly’s foreign minister makes the first offer of its kind since the dam was finished, after forty " \
  "minutes of sparring in Portavel.\n\n" \
  "Tressaly’s foreign minister, Hugo Brennecke, offered on Thursday to open the Serin dam’s sluice records " \
  "to a joint commission, after his Aldessan counterpart accused the dam of starving her country’s farms.\n\n" \
  "Mirela Dănescu, speaking beside him at the Portavel press conference, said her engineers had measured " \
  "for eleven years and that the dam took a third of the river’s summer flow.\n\n" \
  "“A third? Only in a drought year, and only if you count the evaporation twice,” Brennecke said, drawing " \
  "laughter from both delegations.\n\n" \
  "A commission, at last\n\n" \
  "The offer of a joint commission is the first since the dam was finished, officials on both sides said " \
  "afterwards.\nNeither side gave a date for its first meeting.\n\n" \
  "“We measured for eleven years, minister, drought or not,” Dănescu replied.\n\n" \
  "Asked whether the talks would continue, Dănescu said she would bring the tea if he brought the records, " \
  "and that this time they would both drink it."

START_TEST (test_news_page)
{
  static const char * const dropped[] = {
    /* cookie banner, navigation, search form, adverts */
    "We use cookies", "Accept all", "Skip to main content", "Politics", "Search", "Advertisement",
    /* kicker, byline, dateline, share bar, photo caption */
    "Aldessa\n", "By Ilse Marwen", "Thu 14 Dec 2017", "Share on", "1,204 shares", "Photograph",
    /* pull quote, sign-up box, read-more link, related links, tags */
    "if he brings the records", "First Edition", "Provide your email", "Read more", "timeline",
    "count the cost", "who likes a joke", "Tressaly\n",
    /* related articles, comments, most read, footer, scripts and styles */
    "More on this story", "collapse after a row", "Comments (112)", "riverwatcher",
    "I have lived by the Serin", "another commission", "Most read", "tea houses", "All rights reserved",
    "Privacy policy", "dataLayer", "min-height",
  };
  g_autofree char *path = rpt_test_source_path ("tests/data/portavel-ledger.html");
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RptDocument) document = rpt_import_html_file (project, path, &error);
  const char *text;

  ck_assert_msg (document != NULL, "%s", error ? error->message : "");
  text = rpt_document_get_text (document);
  /* Paragraphs, a blank line between; the headline and the subheading
   * each a paragraph; a <br> a line break. */
  ck_assert_str_eq (text, LEDGER_TEXT);
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    assert_lacks (text, dropped[i]);

  ck_assert_str_eq (rpt_document_get_title (document), "Brennecke offers sluice records as Dănescu presses on Serin dam");
  ck_assert_str_eq (rpt_document_get_id (document), "portavel-ledger");
  ck_assert_str_eq (rpt_document_get_source (document), "portavel-ledger.html");
  ck_assert_meta (document, RPT_ARTICLE_FIELD_OUTLET, "The Portavel Ledger");
  ck_assert_meta (document, RPT_ARTICLE_FIELD_AUTHOR, "Ilse Marwen");
  ck_assert_meta (document, RPT_ARTICLE_FIELD_DATE, "2017-12-14T16:20:00+02:00");
  ck_assert_meta (document, RPT_ARTICLE_FIELD_URL, "https://ledger.example/world/2017/dec/14/serin-dam-press-conference");
  ck_assert_meta (document, RPT_ARTICLE_FIELD_LANGUAGE, "en-GB");
  ck_assert_meta (document, RPT_ARTICLE_FIELD_NOTE, NULL);
  /* Importing does not add the article: the caller does. */
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (project)), 0);
}
END_TEST

/* ---- Metadata from each source ---- */

START_TEST (test_json_ld)
{
  /* No Open Graph: JSON-LD in a @graph, several authors, the page's URL
   * as mainEntityOfPage. */
  static const char page[] =
    "<!DOCTYPE html><html><head><title>Ferry fares to rise – Harbour Post</title>"
    "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@graph\": ["
    "{\"@type\": \"WebSite\", \"name\": \"Not the outlet\"},"
    "{\"@type\": [\"ReportageNewsArticle\"], \"headline\": \"Ferry fares to rise in the spring\","
    " \"datePublished\": \"2018-01-05T09:00:00Z\", \"inLanguage\": \"en\","
    " \"author\": [{\"@type\": \"Person\", \"name\": \"Jane Roe\"}, {\"@type\": \"Person\", \"name\": \"Ann Poe\"}],"
    " \"publisher\": {\"@type\": \"Organization\", \"name\": \"Harbour Post\"},"
    " \"mainEntityOfPage\": {\"@id\": \"https://post.example/ferry-fares\"}}]}</script></head>"
    "<body><div class=\"story\"><p>The harbour board said on Friday that ferry fares would rise by a tenth in the "
    "spring, the first rise in six years.</p></div></body></html>";
  g_autoptr(RptDocument) document = import_page ("fares.html", page, -1);

  ck_assert_str_eq (rpt_document_get_title (document), "Ferry fares to rise in the spring");
  ck_assert_str_eq (rpt_document_get_text (document),
                    "Ferry fares to rise in the spring\n\nThe harbour board said on Friday that ferry fares would "
                    "rise by a tenth in the spring, the first rise in six years.");
  ck_assert_meta (document, RPT_ARTICLE_FIELD_OUTLET, "Harbour Post");
  ck_assert_meta (document, RPT_ARTICLE_FIELD_AUTHOR, "Jane Roe, Ann Poe");
  ck_assert_meta (document, RPT_ARTICLE_FIELD_DATE, "2018-01-05T09:00:00Z");
  ck_assert_meta (document, RPT_ARTICLE_FIELD_URL, "https://post.example/ferry-fares");
  ck_assert_meta (document, RPT_ARTICLE_FIELD_LANGUAGE, "en");
}
END_TEST

START_TEST (test_head_without_article_data)
{
  /* The <title> without the outlet's name, the canonical link, og:locale
   * as a language tag; an author meta that is an address is no name; a
   * broken JSON-LD block is passed over. */
  static const char titled[] =
    "<html><head><title>Bridge opens at last | The Lakeside Courier</title>"
    "<meta property=\"og:site_name\" content=\"The Lakeside Courier\">"
    "<meta property=\"og:locale\" content=\"en_GB\">"
    "<meta name=\"author\" content=\"https://courier.example/staff/jane\">"
    "<link rel=\"canonical\" href=\"https://courier.example/bridge\">"
    "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": </script></head>"
    "<body><p>The bridge over the Serin opened on Monday, eleven years after it was first promised.</p>"
    "<p class=\"byline\">By Jane Roe and Ann Poe</p></body></html>";
  /* Nothing in the head: the <h1> is the title; a byline names the author. */
  static const char bare[] =
    "<html><body><article><h1>Lake summit ends in laughter</h1><div class=\"meta\"><p>By Teddy Trower</p>"
    "<p>14 December 2017</p></div><p>The ministers met at the lake and traded jokes for an hour, to the "
    "surprise of their aides.</p><p>He said:</p><blockquote><p>“We will meet again in May.”</p></blockquote>"
    "</article></body></html>";
  g_autoptr(RptDocument) document = import_page ("bridge.html", titled, -1);
  g_autoptr(RptDocument) other = NULL;

  ck_assert_str_eq (rpt_document_get_title (document), "Bridge opens at last");
  ck_assert_str_eq (rpt_document_get_text (document),
                    "Bridge opens at last\n\nThe bridge over the Serin opened on Monday, eleven years after it "
                    "was first promised.");
  ck_assert_meta (document, RPT_ARTICLE_FIELD_OUTLET, "The Lakeside Courier");
  ck_assert_meta (document, RPT_ARTICLE_FIELD_URL, "https://courier.example/bridge");
  ck_assert_meta (document, RPT_ARTICLE_FIELD_LANGUAGE, "en-GB");
  ck_assert_meta (document, RPT_ARTICLE_FIELD_AUTHOR, "Jane Roe and Ann Poe");
  ck_assert_meta (document, RPT_ARTICLE_FIELD_DATE, NULL);

  other = import_page ("summit.html", bare, -1);
  ck_assert_str_eq (rpt_document_get_title (other), "Lake summit ends in laughter");
  /* "He said:" stays: in an article a colon leads to a quotation. */
  ck_assert_str_eq (rpt_document_get_text (other),
                    "Lake summit ends in laughter\n\nThe ministers met at the lake and traded jokes for an hour, "
                    "to the surprise of their aides.\n\nHe said:\n\n“We will meet again in May.”");
  ck_assert_meta (other, RPT_ARTICLE_FIELD_AUTHOR, "Teddy Trower");
  ck_assert_meta (other, RPT_ARTICLE_FIELD_OUTLET, NULL);
  ck_assert_meta (other, RPT_ARTICLE_FIELD_LANGUAGE, NULL);
}
END_TEST

START_TEST (test_long_title_cut)
{
  g_autoptr(GString) headline = g_string_new (NULL);
  g_autofree char *page = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *head = NULL;
  g_autoptr(RptDocument) document = NULL;

  for (guint i = 0; i < 50; i++)
    g_string_append (headline, "Talks ");
  g_string_truncate (headline, headline->len - 1);
  page = g_strdup_printf ("<html><head><meta property=\"og:title\" content=\"%s\"></head><body><p>The talks went "
                          "on and on, and then on again, all through the night.</p></body></html>", headline->str);
  document = import_page ("talks.html", page, -1);
  /* The title is cut as any title is; the text keeps the whole headline. */
  head = g_utf8_substring (headline->str, 0, 200);
  expected = g_strconcat (head, "…", NULL);
  ck_assert_str_eq (rpt_document_get_title (document), expected);
  ck_assert (g_str_has_prefix (rpt_document_get_text (document), headline->str));
}
END_TEST

/* ---- Layouts ---- */

START_TEST (test_div_layout)
{
  /* Paragraphs as <div>s, a menu of links without <nav>, a byline box,
   * a most-popular box and a comment thread without telling class names
   * but plenty of links. */
  static const char page[] =
    "<html><head><title>Ferry fares</title></head><body>"
    "<div id=\"top\"><a href=\"/\">Home</a> | <a href=\"/news\">News</a> | <a href=\"/sport\">Sport</a></div>"
    "<div id=\"story\"><h1>Ferry fares to rise in spring</h1><div class=\"author-box\">By Ann Poe</div>"
    "<div>The harbour board said on Friday that ferry fares would rise by a tenth in the spring.</div>"
    "<div>“We held them as long as we could,” the board’s chair said, adding that fuel had doubled.</div>"
    "<div>Passengers’ groups called the rise unfair, and said they would ask the minister to step in.</div>"
    "<div><ul><li><a href=\"/a\">Harbour board elects a new chair after a long and bitter contest</a></li>"
    "<li><a href=\"/b\">Fuel prices: what the rise means for islanders and their ferries</a></li></ul></div>"
    "</div>"
    "<div id=\"box\"><a href=\"/c\">A story about something else entirely, with a long headline</a> "
    "<a href=\"/d\">Another story about something else, with another long headline</a></div>"
    "</body></html>";
  g_autoptr(RptDocument) document = import_page ("fares.html", page, -1);

  ck_assert_str_eq (rpt_document_get_text (document),
                    "Ferry fares to rise in spring\n\n"
                    "The harbour board said on Friday that ferry fares would rise by a tenth in the spring.\n\n"
                    "“We held them as long as we could,” the board’s chair said, adding that fuel had doubled.\n\n"
                    "Passengers’ groups called the rise unfair, and said they would ask the minister to step in.");
  ck_assert_str_eq (rpt_document_get_title (document), "Ferry fares to rise in spring");
  ck_assert_meta (document, RPT_ARTICLE_FIELD_AUTHOR, "Ann Poe");
}
END_TEST

START_TEST (test_hints_that_hide_the_article)
{
  /* The article's own container has a class that reads like an advert:
   * without the hints the page is read again, and the comments, a box of
   * their own with less text, still stay out. */
  static const char page[] =
    "<!DOCTYPE html><html><head><title>Lake summit</title></head><body><nav><a href=\"/\">Home</a></nav>"
    "<div id=\"main\" class=\"has-ads\"><p>The ministers met at the lake and traded jokes for an hour, to the "
    "surprise of their aides.</p><p>Nothing was agreed, but both said they would meet again in May, at the "
    "same lake.</p></div><div id=\"comments\"><p>Great story, I enjoyed reading about the ministers, thanks "
    "for this.</p></div></body></html>";
  g_autoptr(RptDocument) document = import_page ("summit.html", page, -1);

  ck_assert_str_eq (rpt_document_get_text (document),
                    "Lake summit\n\nThe ministers met at the lake and traded jokes for an hour, to the surprise "
                    "of their aides.\n\nNothing was agreed, but both said they would meet again in May, at the "
                    "same lake.");
}
END_TEST

/* ---- Character sets ---- */

START_TEST (test_character_sets)
{
  static const char expected[] = "Café talks\n\n“We agree,” the envoy’s aide said at the café on the square, twice.";
  static const struct {
    const char *name;
    const char *data;
    gsize       len;
  } pages[] = {
    { "declared-1252.html", "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
      "</head><body><h1>Caf\xe9 talks</h1><p>\x93We agree,\x94 the envoy\x92s aide said at the caf\xe9 on the "
      "square, twice.</p></body></html>", 0 },
    /* Labelled Latin-1 but written in Windows-1252, as browsers read it. */
    { "declared-latin1.html", "<html><head><meta charset=\"iso-8859-1\"></head><body><h1>Caf\xe9 talks</h1>"
      "<p>\x93We agree,\x94 the envoy\x92s aide said at the caf\xe9 on the square, twice.</p></body></html>", 0 },
    { "undeclared-latin1.html", "<html><body><h1>Caf\xe9 talks</h1><p>\x93We agree,\x94 the envoy\x92s aide said "
      "at the caf\xe9 on the square, twice.</p></body></html>", 0 },
    { "undeclared-utf8.html", "<html><body><h1>Café talks</h1><p>“We agree,” the envoy’s aide said at the café "
      "on the square, twice.</p></body></html>", 0 },
    { "meta-utf8.html", "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><h1>Café talks</h1>"
      "<p>“We agree,” the envoy’s aide said at the café on the square, twice.</p></body></html>", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(RptDocument) document = import_page (pages[i].name, pages[i].data, -1);

      ck_assert_msg (g_str_equal (rpt_document_get_text (document), expected), "%s: “%s”", pages[i].name,
                     rpt_document_get_text (document));
    }

  /* Bytes libxml2 passes through as they are after an "&": made valid. */
  {
    g_autoptr(RptDocument) document = import_page ("broken.html", "<html><body><p>Fish &\x94\x93\x9a\xc1 chips, "
                                                   "a paragraph long enough to count.</p></body></html>", -1);

    ck_assert (g_utf8_validate (rpt_document_get_text (document), -1, NULL));
    ck_assert (g_str_has_prefix (rpt_document_get_text (document), "Fish &"));
  }

  /* UTF-16 with its byte order mark. */
  {
    g_autofree char *wide = g_convert ("<html><body><h1>Café talks</h1><p>“We agree,” the envoy’s aide said at "
                                       "the café on the square, twice.</p></body></html>", -1,
                                       "UTF-16LE", "UTF-8", NULL, NULL, NULL);
    gsize wide_len = 2 * g_utf8_strlen ("<html><body><h1>Café talks</h1><p>“We agree,” the envoy’s aide said "
                                        "at the café on the square, twice.</p></body></html>", -1);
    g_autofree char *marked = g_malloc (wide_len + 2);
    g_autoptr(RptDocument) document = NULL;

    memcpy (marked, "\xff\xfe", 2);
    memcpy (marked + 2, wide, wide_len);
    document = import_page ("wide.html", marked, wide_len + 2);
    ck_assert_str_eq (rpt_document_get_text (document), expected);
  }
}
END_TEST

/* ---- Bad input ---- */

static void
assert_refused (const char *name,
                const char *data,
                gsize       len,
                const char *expected)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RptDocument) document = rpt_import_html (project, name, data, len, &error);

  ck_assert_msg (document == NULL, "%s was imported", name);
  ck_assert_str_eq (error->message, expected);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (project)), 0);
  ck_assert (!rpt_project_get_dirty (project));
}

START_TEST (test_bad_pages)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  static const char controls[] = "<\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f html>";
  static const char furniture[] =
    "<html><head><title>Home</title><script>var story = 'a long text inside a script, never shown';</script>"
    "</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><form><label>Email</label>"
    "<input name=\"email\"><button>Subscribe</button></form><footer><p>© The Lakeside Courier</p></footer>"
    "</body></html>";

  assert_refused ("image.html", png, sizeof png - 1,
                  "image.html: the file holds binary data (a NUL byte at byte 8), not a web page");
  assert_refused ("noise.html", controls, sizeof controls - 1,
                  "noise.html: the file holds binary data (control bytes at its start), not a web page");
  assert_refused ("/some/where/notes.html", "Notes, not a page.\n<p>Later a tag</p>", 36,
                  "notes.html: the file is not HTML: a web page starts with a tag such as <!DOCTYPE html> or <html>");
  assert_refused ("empty.html", "", 0, "empty.html: the file is empty");
  /* 0x81 is no character in Windows-1252: libxml2 would stop there. */
  assert_refused ("cut.html", "<html><head><meta charset=\"windows-1252\"></head><body><p>Before \x81 after, "
                  "a paragraph long enough to count.</p></body></html>", 124,
                  "cut.html: the page has bytes that are not windows-1252, the character set it declares; "
                  "it cannot be read whole");
  assert_refused ("blank.htm", " \r\n\t ", 5, "blank.htm: the file is empty");
  assert_refused ("menu.html", furniture, sizeof furniture - 1,
                  "menu.html: no article text was found: the page has no text outside navigation, menus, forms, "
                  "scripts and other page furniture");
}
END_TEST

START_TEST (test_page_too_large)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = rpt_test_write_file (dir, "huge.html", "", 0);
  g_autofree char *expected = g_strdup_printf ("%s: the page is 60.0\u00a0MB; web pages over 50.0\u00a0MB are not imported",
                                               path);
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(GError) error = NULL;

  /* Sparse: refused by its size before a byte is read. */
  ck_assert_int_eq (truncate (path, 60 * 1000 * 1000), 0);
  ck_assert_ptr_null (rpt_import_article_file (project, path, &error));
  ck_assert_str_eq (error->message, expected);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (project)), 0);
}
END_TEST

START_TEST (test_deep_nesting)
{
  /* libxml2 stops reading at 256 levels: the page is refused rather than
   * imported without what follows. A page within the limit is read. */
  g_autoptr(GString) page = g_string_new ("<html><body>");
  g_autoptr(RptDocument) document = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append (page, "<div>");
  g_string_append (page, "<p>The deepest paragraph of the page, far down, still reads as text.</p>");
  document = import_page ("deep.html", page->str, page->len);
  ck_assert_str_eq (rpt_document_get_text (document), "The deepest paragraph of the page, far down, still reads as text.");

  g_string_truncate (page, strlen ("<html><body>"));
  for (guint i = 0; i < 100000; i++)
    g_string_append (page, "<div>");
  g_string_append (page, "<p>Too far down to be read.</p>");
  assert_refused ("deeper.html", page->str, page->len,
                  "deeper.html: the page nests its elements more than 256 levels deep; the HTML parser stops there");
}
END_TEST

/* ---- Which importer ---- */

START_TEST (test_chosen_by_name)
{
  static const char page[] = "<html><body><p>A short page about the bridge, its opening and the crowd.</p></body></html>";
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *upper = rpt_test_write_file (dir, "BRIDGE.HTM", page, -1);
  g_autofree char *text = rpt_test_write_file (dir, "bridge.txt", page, -1);
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(RptDocument) from_page = rpt_import_article_file (project, upper, NULL);
  g_autoptr(RptDocument) from_text = rpt_import_article_file (project, text, NULL);

  ck_assert (rpt_import_is_html_name ("a.html") && rpt_import_is_html_name ("a.Htm"));
  ck_assert (!rpt_import_is_html_name ("a.txt") && !rpt_import_is_html_name ("html"));
  ck_assert_str_eq (rpt_document_get_text (from_page), "A short page about the bridge, its opening and the crowd.");
  /* A .txt is kept as it is, tags and all. */
  ck_assert_str_eq (rpt_document_get_text (from_text), page);
}
END_TEST

static Suite *
import_html_suite (void)
{
  Suite *s = suite_create ("import-html");
  TCase *tc = tcase_create ("html");

  tcase_add_test (tc, test_news_page);
  tcase_add_test (tc, test_json_ld);
  tcase_add_test (tc, test_head_without_article_data);
  tcase_add_test (tc, test_long_title_cut);
  tcase_add_test (tc, test_div_layout);
  tcase_add_test (tc, test_hints_that_hide_the_article);
  tcase_add_test (tc, test_character_sets);
  tcase_add_test (tc, test_bad_pages);
  tcase_add_test (tc, test_page_too_large);
  tcase_add_test (tc, test_deep_nesting);
  tcase_add_test (tc, test_chosen_by_name);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (import_html_suite)
