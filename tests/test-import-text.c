/* test-import-text.c: plain-text articles become documents with their text
 * exactly as in the file, a title, a source and a unique id; anything that
 * is not UTF-8 text is refused with the place.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "rpt-core.h"
#include "rpt-test-util.h"

static RptDocument *
import_ok (RptProject *project,
           const char *filename,
           const char *data,
           gssize      len)
{
  g_autoptr(GError) error = NULL;
  RptDocument *doc = rpt_import_text (project, filename, data, len < 0 ? strlen (data) : (gsize) len, &error);

  ck_assert_msg (doc != NULL, "refused: %s", error ? error->message : "");
  return doc;
}

static void
assert_import_refused (const char *filename,
                       const char *data,
                       gsize       len,
                       const char *expected)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RptDocument) doc = rpt_import_text (project, filename, data, len, &error);

  ck_assert_ptr_null (doc);
  ck_assert_ptr_nonnull (error);
  ck_assert_str_eq (error->message, expected);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (project)), 0);
}

START_TEST (test_text_kept_exactly)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  static const char crlf[] = "Harbour talks resume\r\n\r\nThe two sides met again.\r\nNo one smiled.";
  g_autoptr(RptDocument) doc = import_ok (project, "/tmp/news/harbour.txt", crlf, -1);
  g_autoptr(RptDocument) bom = NULL;
  g_autofree char *with_bom = g_strconcat ("\xef\xbb\xbf", crlf, NULL);

  ck_assert_str_eq (rpt_document_get_text (doc), crlf);
  ck_assert_uint_eq (rpt_document_get_length (doc), strlen (crlf));
  ck_assert_str_eq (rpt_document_get_title (doc), "Harbour talks resume");
  ck_assert_str_eq (rpt_document_get_source (doc), "harbour.txt");
  ck_assert_str_eq (rpt_document_get_id (doc), "harbour");
  /* Importing does not add the document: the caller decides. */
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (project)), 0);
  ck_assert (!rpt_project_get_dirty (project));

  bom = import_ok (project, "harbour.txt", with_bom, -1);
  ck_assert_str_eq (rpt_document_get_text (bom), crlf);
  ck_assert_str_eq (rpt_document_get_sha256 (bom), rpt_document_get_sha256 (doc));
}
END_TEST

START_TEST (test_not_utf8_refused_with_place)
{
  static const char latin1[] = "First line\nSecond line\nCaf\xe9 talks";
  static const char cp1252[] = "He said \x93no\x94.";
  static const char crlf[] = "One\r\nTw\xff";
  static const char utf16[] = "\xff\xfeH\0i\0";
  static const char nul[] = "Text\0with a NUL";
  static const char overlong[] = "ok \xc0\xaf";
  static const char surrogate[] = "ok \xed\xa0\x80";

  assert_import_refused ("menu.txt", latin1, sizeof latin1 - 1,
                         "menu.txt: line 3, column 4: the file is not UTF-8 text; save it as UTF-8 and import it again");
  assert_import_refused ("/some/folder/quotes.txt", cp1252, sizeof cp1252 - 1,
                         "quotes.txt: line 1, column 9: the file is not UTF-8 text; save it as UTF-8 and import it again");
  assert_import_refused ("crlf.txt", crlf, sizeof crlf - 1,
                         "crlf.txt: line 2, column 3: the file is not UTF-8 text; save it as UTF-8 and import it again");
  assert_import_refused ("wide.txt", utf16, sizeof utf16 - 1,
                         "wide.txt: line 1, column 1: the file is not UTF-8 text; save it as UTF-8 and import it again");
  assert_import_refused ("nul.txt", nul, sizeof nul - 1,
                         "nul.txt: line 1, column 5: the file contains a NUL byte: it is not a text file");
  assert_import_refused ("long.txt", overlong, sizeof overlong - 1,
                         "long.txt: line 1, column 4: the file is not UTF-8 text; save it as UTF-8 and import it again");
  assert_import_refused ("half.txt", surrogate, sizeof surrogate - 1,
                         "half.txt: line 1, column 4: the file is not UTF-8 text; save it as UTF-8 and import it again");
}
END_TEST

START_TEST (test_empty_refused)
{
  assert_import_refused ("empty.txt", "", 0, "empty.txt: the file is empty");
  assert_import_refused ("blank.txt", " \r\n\t\n  ", 7, "blank.txt: the file is empty");
  assert_import_refused ("bom.txt", "\xef\xbb\xbf", 3, "bom.txt: the file is empty");
  assert_import_refused ("nbsp.txt", "\u00a0\n\u2003", strlen ("\u00a0\n\u2003"), "nbsp.txt: the file is empty");
}
END_TEST

START_TEST (test_titles)
{
  g_autoptr(GString) long_line = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *head = NULL;

  title = rpt_import_guess_title ("\n\n   A title after blank lines  \r\nBody text.");
  ck_assert_str_eq (title, "A title after blank lines");
  g_free (title);
  /* Lines of Unicode spaces are blank, and such spaces are trimmed. */
  title = rpt_import_guess_title ("\u00a0\u2003\r\n\u00a0Real title\u00a0\nMore.");
  ck_assert_str_eq (title, "Real title");
  g_free (title);
  /* Old Mac line ends. */
  title = rpt_import_guess_title ("Title on its own line\rSecond line\rThird");
  ck_assert_str_eq (title, "Title on its own line");
  g_free (title);
  title = rpt_import_guess_title ("One line, no newline");
  ck_assert_str_eq (title, "One line, no newline");
  g_free (title);
  title = rpt_import_guess_title ("");
  ck_assert_str_eq (title, "");
  g_free (title);

  /* At most 200 characters (not bytes), then an ellipsis. */
  for (guint i = 0; i < 250; i++)
    g_string_append (long_line, "é");
  title = rpt_import_guess_title (long_line->str);
  ck_assert_uint_eq (g_utf8_strlen (title, -1), 201);
  head = g_utf8_substring (long_line->str, 0, 200);
  expected = g_strconcat (head, "…", NULL);
  ck_assert_str_eq (title, expected);
}
END_TEST

/* An article copied from a news page with what surrounded it (text
 * written for this test). */
#define JUNK_FIRST \
  "Provide your email for confirmation\n" \
  "Email\n" \
  "Name:\n" \
  "  Subscribe  \n" \
  "We use cookies to improve your visit. Accept all or manage your settings.\n" \
  "Sign up to our morning briefing\n" \
  "Advertisement\n" \
  "|\n" \
  "Tue 19 Dec 2017 14.05 GMT\n" \
  "By Jane Roe and Ann Poe\n" \
  "Harbour talks stall over ferry fares\n" \
  "\n" \
  "The two ministers met for three hours and agreed on nothing, by their own account.\n"

START_TEST (test_titles_past_junk)
{
  static const struct {
    const char *text, *title, *author;
  } cases[] = {
    { JUNK_FIRST, "Harbour talks stall over ferry fares", "Jane Roe and Ann Poe" },
    /* The byline and dates under the headline; a broken name's hyphen goes. */
    { "Lake summit ends in laughter\nBy Teddy Trower-\n14 December 2017\nUpdated 3 hours ago\n"
      "4 min read\n\nBy the end of the day, the ministers were laughing.\n",
      "Lake summit ends in laughter", "Teddy Trower" },
    { "2017-12-14T10:00:00Z\nWords by Ann Poe in Lakeside\nShare this article\nFerry fares to rise\nBody.\n",
      "Ferry fares to rise", "Ann Poe" },
    { "By Jane Roe | The Lakeside Courier\nBridge opens at last\n", "Bridge opens at last", "Jane Roe" },
    /* A sentence that starts with "By" is text, not a byline. */
    { "By the end of May, the talks had failed.\nMore text.\n", "By the end of May, the talks had failed.", NULL },
    /* Headlines with dates and names in them stay headlines. */
    { "May Day rally ends in Lakeside\n", "May Day rally ends in Lakeside", NULL },
    { "Ministers meet on 14 December\nBy Reuters\n", "Ministers meet on 14 December", "Reuters" },
    /* A byline after the first paragraph is not the article's. */
    { "Bridge talks\n\nThe talks went on.\n\nBy Jane Roe\n", "Bridge talks", NULL },
    /* Nothing reads like a headline: the first line, as it always was. */
    { "Email\nSubscribe\n", "Email", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *author = NULL;
      g_autofree char *title = rpt_import_guess_heading (cases[i].text, &author);
      g_autofree char *plain = rpt_import_guess_title (cases[i].text);

      ck_assert_msg (g_strcmp0 (title, cases[i].title) == 0, "case %u: title “%s”", i, title);
      ck_assert_msg (g_strcmp0 (author, cases[i].author) == 0, "case %u: author “%s”", i, author);
      ck_assert_str_eq (plain, title);
    }

  /* An import fills the document's title and author. */
  {
    g_autoptr(RptProject) project = rpt_project_new ();
    g_autoptr(RptDocument) doc = import_ok (project, "harbour.txt", JUNK_FIRST, -1);

    ck_assert_str_eq (rpt_document_get_title (doc), "Harbour talks stall over ferry fares");
    ck_assert_str_eq (rpt_article_meta_get (rpt_document_get_meta (doc), RPT_ARTICLE_FIELD_AUTHOR),
                      "Jane Roe and Ann Poe");
    ck_assert_ptr_null (rpt_article_meta_get (rpt_document_get_meta (doc), RPT_ARTICLE_FIELD_OUTLET));
    /* The text is kept whole: junk lines are only passed over for the title. */
    ck_assert_str_eq (rpt_document_get_text (doc), JUNK_FIRST);
  }
}
END_TEST

START_TEST (test_ids)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  static const struct { const char *file, *id; } names[] = {
    { "/a/statement.txt", "statement" },
    { "/b/statement.txt", "statement-2" },
    { "statement.md", "statement-3" },
    { "Press Briefing (Day 2).txt", "press-briefing-day-2" },
    { "report.final.txt", "report-final" },
    { ".hidden", "hidden" },
    { "!!!.txt", "article" },
    { "Ärger über Zölle.txt", "ärger-über-zölle" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(RptDocument) doc = import_ok (project, names[i].file, "Some words.", -1);
      g_autofree char *base = g_path_get_basename (names[i].file);

      ck_assert_str_eq (rpt_document_get_id (doc), names[i].id);
      ck_assert_str_eq (rpt_document_get_source (doc), base);
      ck_assert (rpt_project_add_document (project, doc, NULL));
    }

  /* A file name that is not UTF-8 (names are bytes) gives a source and an
   * id that can be saved and loaded again. */
  {
    g_autoptr(RptDocument) doc = import_ok (project, "/news/caf\xe9 menu.txt", "Words.", -1);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(RptProject) reloaded = NULL;
    g_autoptr(GError) error = NULL;

    ck_assert (g_utf8_validate (rpt_document_get_source (doc), -1, NULL));
    ck_assert (g_utf8_validate (rpt_document_get_id (doc), -1, NULL));
    ck_assert (g_str_has_prefix (rpt_document_get_source (doc), "caf"));
    ck_assert (g_str_has_suffix (rpt_document_get_source (doc), " menu.txt"));
    ck_assert (rpt_project_add_document (project, doc, NULL));
    bytes = rpt_project_to_bytes (project);
    reloaded = rpt_project_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
    ck_assert_msg (reloaded != NULL, "%s", error ? error->message : "");
  }

  /* A very long file name still gives a short id that the file format takes. */
  {
    g_autoptr(GString) name = g_string_new (NULL);
    g_autoptr(RptDocument) doc = NULL;

    for (guint i = 0; i < 120; i++)
      g_string_append (name, "ŉ");
    g_string_append (name, ".txt");
    doc = import_ok (project, name->str, "Words.", -1);
    ck_assert_uint_le (strlen (rpt_document_get_id (doc)), 64);
    ck_assert (rpt_project_add_document (project, doc, NULL));
  }
}
END_TEST

START_TEST (test_import_file)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = rpt_test_write_file (dir, "brief.txt", "Brief\r\nA short brief.\r\n", -1);
  g_autofree char *missing = g_build_filename (dir, "gone.txt", NULL);
  g_autofree char *expected_missing = g_strdup_printf ("%s: cannot read: No such file or directory", missing);
  g_autofree char *expected_folder = g_strdup_printf ("%s: is a folder, not a file", dir);
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(RptDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = rpt_import_text_file (project, path, &error);
  ck_assert_msg (doc != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (rpt_document_get_text (doc), "Brief\r\nA short brief.\r\n");
  ck_assert_str_eq (rpt_document_get_title (doc), "Brief");
  ck_assert_str_eq (rpt_document_get_source (doc), "brief.txt");

  ck_assert_ptr_null (rpt_import_text_file (project, missing, &error));
  ck_assert_str_eq (error->message, expected_missing);
  g_clear_error (&error);
  ck_assert_ptr_null (rpt_import_text_file (project, dir, &error));
  ck_assert_str_eq (error->message, expected_folder);
}
END_TEST

static Suite *
import_suite (void)
{
  Suite *s = suite_create ("import-text");
  TCase *tc = tcase_create ("import");

  tcase_add_test (tc, test_text_kept_exactly);
  tcase_add_test (tc, test_not_utf8_refused_with_place);
  tcase_add_test (tc, test_empty_refused);
  tcase_add_test (tc, test_titles);
  tcase_add_test (tc, test_titles_past_junk);
  tcase_add_test (tc, test_ids);
  tcase_add_test (tc, test_import_file);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (import_suite)
