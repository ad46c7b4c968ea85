/* test-tool.c: repartee-tool as a user runs it: help, usage errors, add,
 * validate, stats and format; exit codes, what it prints, and what it
 * leaves on disk. Hostile project files are in test-tool-validate.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rpt-core.h"
#include "rpt-test-project.h"
#include "rpt-tool-test.h"

static const char *commands[] = { "add", "validate", "stats", "format", NULL };

/* ---- A project made with the core, with known counts ---- */

#define ONE_TEXT "Mira said “we agree” — Tomás said no, then laughed 😀.\r\nThe end.\r\n"
#define TWO_TEXT "Second report\n\nTomás warned that talks could stop. Mira smiled.\n"

/* 2 articles, 2 speakers, 5 annotations (claim 2, rebuttal 1, joke 1,
 * diplomatic-signal 1; Mira 2, Tomás 2, unattributed 1), 2 relations. */
static char *
make_project (const char *dir)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RptDocument) one = rpt_import_text (project, "one.txt", ONE_TEXT, strlen (ONE_TEXT), &error);
  g_autoptr(RptDocument) two = NULL;
  g_autofree char *path = g_build_filename (dir, "made.json", NULL);
  RptSpeaker *mira, *tomas;
  RptAnnotation *claim, *rebuttal, *joke;

  ck_assert (one && rpt_project_add_document (project, one, &error));
  two = rpt_import_text (project, "two.txt", TWO_TEXT, strlen (TWO_TEXT), &error);
  ck_assert (two && rpt_project_add_document (project, two, &error));
  mira = rpt_project_add_speaker (project, "Mira", &error);
  tomas = rpt_project_add_speaker (project, "Tomás", &error);
  ck_assert (mira && tomas);

  claim = rpt_test_tag_quote (project, "one", "we agree", "claim", rpt_speaker_get_id (mira));
  rebuttal = rpt_test_tag_quote (project, "one", "said no", "rebuttal", rpt_speaker_get_id (tomas));
  joke = rpt_test_tag_quote (project, "one", "laughed 😀", "joke", NULL);
  rpt_test_tag_quote (project, "two", "talks could stop", "claim", rpt_speaker_get_id (tomas));
  rpt_test_tag_quote (project, "two", "Mira smiled", "diplomatic-signal", rpt_speaker_get_id (mira));
  ck_assert (rpt_project_add_relation (project, RPT_RELATION_REBUTS, rpt_annotation_get_id (rebuttal),
                                       rpt_annotation_get_id (claim), &error));
  ck_assert (rpt_project_add_relation (project, RPT_RELATION_RESPONDS_TO, rpt_annotation_get_id (joke),
                                       rpt_annotation_get_id (rebuttal), &error));
  ck_assert_msg (rpt_project_save_to_file (project, path, &error), "%s", error ? error->message : "");
  return g_steal_pointer (&path);
}

/* ---- Help and usage errors ---- */

START_TEST (test_help_top_level)
{
  const char *forms[] = { "--help", "-h", "help" };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      ck_assert_int_eq (run (&out, &err, forms[i], NULL), 0);
      ck_assert_str_eq (err, "");
      ck_assert_contains (out, "Usage: repartee-tool COMMAND");
      for (guint c = 0; commands[c]; c++)
        {
          g_autofree char *row = g_strdup_printf ("\n  %s ", commands[c]);
          ck_assert_contains (out, row);
        }
    }
}
END_TEST

START_TEST (test_help_commands)
{
  for (guint c = 0; commands[c]; c++)
    {
      g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
      g_autofree char *usage = g_strdup_printf ("repartee-tool %s [OPTION…] PROJECT.json", commands[c]);

      ck_assert_int_eq (run (&out, &err, commands[c], "--help", NULL), 0);
      ck_assert_str_eq (err, "");
      ck_assert_contains (out, usage);
      ck_assert_contains (out, "--help");

      /* "help COMMAND" prints the same. */
      ck_assert_int_eq (run (&out2, &err2, "help", commands[c], NULL), 0);
      ck_assert_str_eq (out2, out);
    }
}
END_TEST

START_TEST (test_help_mentions_options)
{
  g_autofree char *out = NULL, *err = NULL;

  ck_assert_int_eq (run (&out, &err, "stats", "--help", NULL), 0);
  ck_assert_contains (out, "--json");
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (run (&out, &err, "format", "-h", NULL), 0);
  ck_assert_contains (out, "--check");
}
END_TEST

static const struct {
  const char *args[5];
  const char *message;
} usage_errors[] = {
  { { NULL }, "Usage: repartee-tool COMMAND" },
  { { "frobnicate", NULL }, "“frobnicate” is not a command" },
  { { "help", "frobnicate", NULL }, "“frobnicate” is not a command" },
  { { "help", "add", "stats", NULL }, "at most one command" },
  { { "--frobnicate", NULL }, "“--frobnicate” is not a command" },
  { { "validate", "--frobnicate", "x.json", NULL }, "Unknown option --frobnicate" },
  { { "stats", "--jsn", "x.json", NULL }, "Unknown option --jsn" },
  { { "add", NULL }, "a project and at least one article are needed" },
  { { "add", "p.json", NULL }, "a project and at least one article are needed" },
  { { "validate", NULL }, "exactly one project file is needed" },
  { { "validate", "a.json", "b.json", NULL }, "exactly one project file is needed" },
  { { "stats", NULL }, "exactly one project file is needed" },
  { { "stats", "--json", "a.json", "b.json", NULL }, "exactly one project file is needed" },
  { { "format", NULL }, "exactly one project file is needed" },
  { { "format", "--check", "a.json", "b.json", NULL }, "exactly one project file is needed" },
};

START_TEST (test_usage_error)
{
  g_autofree char *out = NULL, *err = NULL;

  ck_assert_int_eq (rpt_test_run_tool (usage_errors[_i].args, &out, &err), 2);
  ck_assert_str_eq (out, "");
  ck_assert_contains (err, usage_errors[_i].message);
  /* A command's usage error points to its help. */
  if (usage_errors[_i].args[0] && g_strv_contains ((const char * const *) commands, usage_errors[_i].args[0]))
    {
      g_autofree char *hint = g_strdup_printf ("Run “repartee-tool %s --help”", usage_errors[_i].args[0]);
      ck_assert_contains (err, hint);
    }
}
END_TEST

START_TEST (test_version)
{
  g_autofree char *out = NULL, *err = NULL;

  ck_assert_int_eq (run (&out, &err, "--version", NULL), 0);
  ck_assert_str_eq (out, "repartee-tool " PACKAGE_VERSION "\n");
}
END_TEST


START_TEST (test_double_dash)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *made = make_project (dir);
  g_autofree char *odd = g_build_filename (dir, "-odd.json", NULL);
  g_autofree char *quoted = g_shell_quote (dir);
  g_autofree char *script = g_strdup_printf ("cd %s && \"$TOOL\" validate -- -odd.json", quoted);
  g_autofree char *out = NULL, *err = NULL;

  ck_assert_int_eq (g_rename (made, odd), 0);
  /* After "--", a name that starts with "-" is a file, not an option. */
  ck_assert_int_eq (run_shell (script, &out, &err), 0);
  ck_assert_str_eq (out, "-odd.json: valid: 2 articles, 4 labels, 2 speakers, 5 annotations, 2 relations\n");
}
END_TEST

/* ---- add ---- */

/* A BOM, blank first line, CRLF, curly quotes, an em dash and an emoji. */
#define ARTICLE_A "\xef\xbb\xbf  \r\nMinisters meet in Portavel\r\n\r\nThe talks — “long” — ended at 9 pm 🙂.\r\n"
/* A combining accent and a no-break space. */
#define ARTICLE_B "Second article\n\nIt said “Café Dănescu”\xc2\xa0with a combining accent: e\xcc\x81.\n"

static char *
added_line (const char *file,
            const char *id,
            const char *title,
            const char *text)
{
  return g_strdup_printf ("Added %s as “%s”: “%s”, %ld characters\n", file, id, title,
                          g_utf8_strlen (text, -1));
}

START_TEST (test_add_creates_project)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *a = rpt_test_write_file (dir, "alpha.txt", ARTICLE_A, -1);
  g_autofree char *b = rpt_test_write_file (dir, "beta news.txt", ARTICLE_B, -1);
  g_autofree char *path = g_build_filename (dir, "new.json", NULL);
  g_autofree char *line_a = added_line (a, "alpha", "Ministers meet in Portavel", ARTICLE_A + 3);
  g_autofree char *line_b = added_line (b, "beta-news", "Second article", ARTICLE_B);
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(RptProject) project = NULL;
  g_autoptr(GError) error = NULL;
  RptDocument *doc;

  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
  ck_assert_int_eq (run (&out, &err, "add", path, a, b, NULL), 0);
  ck_assert_str_eq (err, "");
  expected = g_strdup_printf ("%s%sCreated %s (2 articles)\n", line_a, line_b, path);
  ck_assert_str_eq (out, expected);

  project = rpt_project_load_from_file (path, &error);
  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (project)), 2);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_labels (project)), 4);
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), 0);

  /* The text is kept exactly, CRLF included, without the BOM. */
  doc = rpt_project_get_document (project, "alpha");
  ck_assert_ptr_nonnull (doc);
  ck_assert_str_eq (rpt_document_get_text (doc), ARTICLE_A + 3);
  ck_assert_str_eq (rpt_document_get_source (doc), "alpha.txt");
  ck_assert_str_eq (rpt_document_get_title (doc), "Ministers meet in Portavel");
  doc = rpt_project_get_document (project, "beta-news");
  ck_assert_ptr_nonnull (doc);
  ck_assert_str_eq (rpt_document_get_text (doc), ARTICLE_B);
  ck_assert_uint_eq (rpt_document_get_length (doc), g_utf8_strlen (ARTICLE_B, -1));

  /* What add wrote is what Repartee writes. */
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (run (&out, &err, "format", "--check", path, NULL), 0);
}
END_TEST

START_TEST (test_add_to_existing_project)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = make_project (dir);
  g_autofree char *c = rpt_test_write_file (dir, "one.txt", "A third report\n\nDifferent words.\n", -1);
  g_autofree char *line = added_line (c, "one-2", "A third report", "A third report\n\nDifferent words.\n");
  g_autofree char *expected = NULL;
  g_autofree char *before = NULL, *out = NULL, *err = NULL;
  g_autoptr(RptProject) old = NULL, project = NULL;
  g_autoptr(GError) error = NULL;
  gsize before_len;

  before = rpt_test_read_file (path, &before_len);
  old = rpt_project_load_from_data (before, before_len, &error);
  ck_assert (old != NULL);

  /* The file name "one" is taken: the new article gets a new id. */
  ck_assert_int_eq (run (&out, &err, "add", path, c, NULL), 0);
  ck_assert_str_eq (err, "");
  expected = g_strdup_printf ("%sSaved %s (3 articles)\n", line, path);
  ck_assert_str_eq (out, expected);

  project = rpt_project_load_from_file (path, &error);
  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (project)), 3);
  ck_assert_str_eq (rpt_document_get_title (rpt_project_get_document (project, "one-2")), "A third report");
  /* Everything that was there is still there. */
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), 5);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_relations (project)), 2);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_speakers (project)), 2);
  ck_assert_str_eq (rpt_document_get_text (rpt_project_get_document (project, "one")), ONE_TEXT);
}
END_TEST

START_TEST (test_add_same_text_is_refused)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = make_project (dir);
  g_autofree char *copy = rpt_test_write_file (dir, "copy.txt", TWO_TEXT, -1);
  g_autofree char *fresh = rpt_test_write_file (dir, "fresh.txt", "Fresh\n", -1);
  g_autofree char *again = rpt_test_write_file (dir, "again.txt", "Fresh\n", -1);
  g_autofree char *before = NULL, *out = NULL, *err = NULL, *expected = NULL;
  g_autoptr(RptProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gsize before_len;

  /* A text already in the project: refused, naming the article and the
   * way to add it anyway; nothing written, not even the new article. */
  before = rpt_test_read_file (path, &before_len);
  ck_assert_int_eq (run (&out, &err, "add", path, fresh, copy, NULL), 1);
  ck_assert_str_eq (out, "");
  expected = g_strdup_printf ("repartee-tool: %s: the same text is already in the project as “Second report” (article “two”); "
                              "use --allow-duplicates to add it anyway\n"
                              "repartee-tool: %s was not changed\n", copy, path);
  ck_assert_str_eq (err, expected);
  ck_assert (file_equals (path, before, before_len));

  /* The same text twice in one call: the second names the first. */
  g_clear_pointer (&expected, g_free);
  ck_assert_int_eq (run (&out, &err, "add", path, fresh, again, NULL), 1);
  expected = g_strdup_printf ("repartee-tool: %s: the same text as %s (“Fresh”), given before it; "
                              "use --allow-duplicates to add both\n"
                              "repartee-tool: %s was not changed\n", again, fresh, path);
  ck_assert_str_eq (err, expected);
  ck_assert (file_equals (path, before, before_len));

  /* Added when the user says so. */
  ck_assert_int_eq (run (&out, &err, "add", "--allow-duplicates", path, copy, fresh, again, NULL), 0);
  ck_assert_str_eq (err, "");
  ck_assert_contains (out, "(5 articles)");
  project = rpt_project_load_from_file (path, &error);
  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (rpt_document_get_text (rpt_project_get_document (project, "copy")), TWO_TEXT);
  ck_assert_str_eq (rpt_document_get_text (rpt_project_get_document (project, "again")), "Fresh\n");
}
END_TEST

static const struct {
  const char *name;
  const char *contents;   /* NULL: a folder; "-": no file at all */
  gssize      len;
  const char *reason;
} bad_articles[] = {
  { "latin1.txt", "Caf\xe9 au lait\n", -1, "line 1, column 4: the file is not UTF-8 text" },
  { "utf16.txt", "\xff\xfeH\0i\0", 6, "not UTF-8 text" },
  { "nul.txt", "one\ntwo\0three\n", 14, "line 2, column 4: the file contains a NUL byte" },
  { "empty.txt", "", 0, "the file is empty" },
  { "blank.txt", " \r\n\t\n", -1, "the file is empty" },
  { "missing.txt", "-", 0, "No such file or directory" },
  { "a folder", NULL, 0, "is a folder, not a file" },
  { "a pipe", "|", 0, "is not a regular file" },
  /* Web pages are read as HTML by their names. */
  { "plain.html", "Just words, no tags.\n", -1, "the file is not HTML: a web page starts with a tag" },
  { "image.html", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, "the file holds binary data (a NUL byte at byte 8), not a web page" },
  { "menu.htm", "<html><body><nav><a href=\"/\">Home</a></nav><form><input></form></body></html>", -1,
    "no article text was found" },
  { "empty.html", "", 0, "the file is empty" },
  { "huge.html", "60000000", 0, "the page is 60.0\u00a0MB; web pages over 50.0\u00a0MB are not imported" },
};

static char *
make_bad_article (const char *dir,
                  guint       i)
{
  g_autofree char *path = g_build_filename (dir, bad_articles[i].name, NULL);

  if (bad_articles[i].contents == NULL)
    ck_assert_int_eq (g_mkdir (path, 0755), 0);
  else if (g_str_equal (bad_articles[i].contents, "|"))
    ck_assert_int_eq (mkfifo (path, 0644), 0);   /* reading it would block forever */
  else if (g_ascii_isdigit (bad_articles[i].contents[0]))
    {
      /* A size: a sparse file, so that nothing that large is written. */
      g_free (rpt_test_write_file (dir, bad_articles[i].name, "", 0));
      ck_assert_int_eq (truncate (path, g_ascii_strtoll (bad_articles[i].contents, NULL, 10)), 0);
    }
  else if (!g_str_equal (bad_articles[i].contents, "-"))
    g_free (rpt_test_write_file (dir, bad_articles[i].name, bad_articles[i].contents, bad_articles[i].len));
  return g_steal_pointer (&path);
}

START_TEST (test_add_bad_article_changes_nothing)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = make_project (dir);
  g_autofree char *good = rpt_test_write_file (dir, "good.txt", "Good\n\nA fine article.\n", -1);
  g_autofree char *bad = make_bad_article (dir, _i);
  g_autofree char *base = g_path_get_basename (bad);
  g_autofree char *before = NULL, *out = NULL, *err = NULL, *unchanged = NULL;
  gsize before_len;

  before = rpt_test_read_file (path, &before_len);
  /* The good article comes first: it must not be saved either. */
  ck_assert_int_eq (run (&out, &err, "add", path, good, bad, NULL), 1);
  ck_assert_str_eq (out, "");
  ck_assert_contains (err, base);
  ck_assert_contains (err, bad_articles[_i].reason);
  unchanged = g_strdup_printf ("repartee-tool: %s was not changed\n", path);
  ck_assert_contains (err, unchanged);
  ck_assert (file_equals (path, before, before_len));
}
END_TEST

START_TEST (test_add_bad_article_creates_nothing)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "never.json", NULL);
  g_autofree char *good = rpt_test_write_file (dir, "good.txt", "Good\n", -1);
  g_autofree char *bad = make_bad_article (dir, _i);
  g_autofree char *out = NULL, *err = NULL, *not_created = NULL;

  ck_assert_int_eq (run (&out, &err, "add", path, good, bad, NULL), 1);
  ck_assert_str_eq (out, "");
  ck_assert_contains (err, bad_articles[_i].reason);
  not_created = g_strdup_printf ("repartee-tool: %s was not created\n", path);
  ck_assert_contains (err, not_created);
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
}
END_TEST

START_TEST (test_add_to_bad_project_changes_nothing)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = rpt_test_write_file (dir, "notes.json", "{\"format\": \"something-else\"}\n", -1);
  g_autofree char *good = rpt_test_write_file (dir, "good.txt", "Good\n", -1);
  g_autofree char *out = NULL, *err = NULL;

  ck_assert_int_eq (run (&out, &err, "add", path, good, NULL), 1);
  ck_assert_str_eq (out, "");
  ck_assert_contains (err, "notes.json: format: “something-else” is not “repartee-project”: this is not a Repartee project");
  ck_assert (file_equals (path, "{\"format\": \"something-else\"}\n", 29));

  /* A folder where the project should be. */
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (run (&out, &err, "add", dir, good, NULL), 1);
  ck_assert_contains (err, "is a folder, not a file");
}
END_TEST

/* A real failing write: the file size limit is below the size of the new
 * project. The old file must stay byte-identical, with no temporary left. */
START_TEST (test_add_failed_save_keeps_old_file)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = make_project (dir);
  g_autoptr(GString) big = g_string_new ("A long article\n\n");
  g_autofree char *article = NULL, *script = NULL, *qpath = NULL, *qarticle = NULL;
  g_autofree char *before = NULL, *out = NULL, *err = NULL;
  g_autoptr(GDir) listing = NULL;
  gsize before_len;
  guint n_files = 0;

  for (guint i = 0; i < 2000; i++)
    g_string_append (big, "The ministers spoke at length about the river. ");
  article = rpt_test_write_file (dir, "long.txt", big->str, -1);
  before = rpt_test_read_file (path, &before_len);
  qpath = g_shell_quote (path);
  qarticle = g_shell_quote (article);
  /* 64 blocks of at least 512 bytes: larger than the project, far smaller than the article. */
  script = g_strdup_printf ("ulimit -f 64 && exec \"$TOOL\" add %s %s", qpath, qarticle);

  ck_assert_int_eq (run_shell (script, &out, &err), 1);
  ck_assert_str_eq (out, "");
  ck_assert_contains (err, "could not save");
  ck_assert_contains (err, "File too large");
  ck_assert_contains (err, "was not changed");
  ck_assert (file_equals (path, before, before_len));

  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing))
    n_files++;
  ck_assert_uint_eq (n_files, 2);  /* the project and the article */
}
END_TEST

START_TEST (test_add_into_missing_folder)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *good = rpt_test_write_file (dir, "good.txt", "Good\n", -1);
  g_autofree char *path = g_build_filename (dir, "no-such-folder", "p.json", NULL);
  g_autofree char *out = NULL, *err = NULL;

  ck_assert_int_eq (run (&out, &err, "add", path, good, NULL), 1);
  ck_assert_str_eq (out, "");
  ck_assert_contains (err, "p.json: cannot create a temporary file beside it: No such file or directory");
  ck_assert_contains (err, "was not created");
}
END_TEST

/* ---- validate ---- */

START_TEST (test_validate_counts)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = make_project (dir);
  g_autofree char *out = NULL, *err = NULL, *expected = NULL;

  ck_assert_int_eq (run (&out, &err, "validate", path, NULL), 0);
  ck_assert_str_eq (err, "");
  expected = g_strdup_printf ("%s: valid: 2 articles, 4 labels, 2 speakers, 5 annotations, 2 relations\n", path);
  ck_assert_str_eq (out, expected);
}
END_TEST

START_TEST (test_validate_singular)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *a = rpt_test_write_file (dir, "a.txt", "Only one\n", -1);
  g_autofree char *path = g_build_filename (dir, "p.json", NULL);
  g_autofree char *out = NULL, *err = NULL, *expected = NULL;

  ck_assert_int_eq (run (&out, &err, "add", path, a, NULL), 0);
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (run (&out, &err, "validate", path, NULL), 0);
  expected = g_strdup_printf ("%s: valid: 1 article, 4 labels, 0 speakers, 0 annotations, 0 relations\n", path);
  ck_assert_str_eq (out, expected);
}
END_TEST

/* ---- stats ---- */

START_TEST (test_stats_text)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = make_project (dir);
  g_autofree char *out = NULL, *err = NULL;

  ck_assert_int_eq (run (&out, &err, "stats", path, NULL), 0);
  ck_assert_str_eq (err, "");
  ck_assert_str_eq (out,
                    "5 annotations\n"
                    "\nBy article:\n"
                    "       3  Mira said “we agree” — Tomás said no, then laughed 😀. (one)\n"
                    "       2  Second report (two)\n"
                    "\nBy label:\n"
                    "       2  Claim (claim)\n"
                    "       1  Rebuttal (rebuttal)\n"
                    "       1  Joke (joke)\n"
                    "       1  Diplomatic signal (diplomatic-signal)\n"
                    "\nBy speaker:\n"
                    "       2  Mira (mira)\n"
                    "       2  Tomás (tomás)\n"
                    "       1  (unattributed)\n"
                    "\nRelations by type:\n"
                    "       1  Rebuts (rebuts)\n"
                    "       1  Responds to (responds-to)\n"
                    "       0  Supports (supports)\n");
}
END_TEST

/* Checks one "rows" array of the stats JSON against id/count pairs. */
static void
check_rows (JsonObject *root,
            const char *member,
            const char *const *ids,
            const guint *counts,
            guint        n)
{
  JsonArray *rows = json_object_get_array_member (root, member);

  ck_assert_msg (rows != NULL, "no array “%s”", member);
  ck_assert_uint_eq (json_array_get_length (rows), n);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      JsonNode *id = json_object_get_member (row, "id");

      if (ids[i])
        ck_assert_str_eq (json_node_get_string (id), ids[i]);
      else
        ck_assert (JSON_NODE_HOLDS_NULL (id));
      ck_assert_msg (json_object_has_member (row, "name"), "%s[%u] has no name", member, i);
      ck_assert_int_eq (json_object_get_int_member (row, "count"), counts[i]);
    }
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  ck_assert_msg (json_parser_load_from_data (parser, text, -1, &error), "not JSON: %s\n%s",
                 error ? error->message : "", text);
  root = json_parser_get_root (parser);
  ck_assert (JSON_NODE_HOLDS_OBJECT (root));
  return json_node_get_object (root);
}

START_TEST (test_stats_json)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = make_project (dir);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *docs[] = { "one", "two" };
  const guint doc_counts[] = { 3, 2 };
  const char *labels[] = { "claim", "rebuttal", "joke", "diplomatic-signal" };
  const guint label_counts[] = { 2, 1, 1, 1 };
  const char *speakers[] = { "mira", "tomás", NULL };
  const guint speaker_counts[] = { 2, 2, 1 };
  const char *relations[] = { "rebuts", "responds-to", "supports" };
  const guint relation_counts[] = { 1, 1, 0 };
  JsonObject *root;

  ck_assert_int_eq (run (&out, &err, "stats", "--json", path, NULL), 0);
  ck_assert_str_eq (err, "");
  root = parse_object (parser, out);
  ck_assert_int_eq (json_object_get_int_member (root, "annotations"), 5);
  check_rows (root, "documents", docs, doc_counts, 2);
  check_rows (root, "labels", labels, label_counts, 4);
  check_rows (root, "speakers", speakers, speaker_counts, 3);
  check_rows (root, "relations", relations, relation_counts, 3);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (
                      json_object_get_array_member (root, "documents"), 1), "name"), "Second report");

  /* Options may come after the file. */
  g_clear_pointer (&err, g_free);
  {
    g_autofree char *again = NULL;

    ck_assert_int_eq (run (&again, &err, "stats", path, "--json", NULL), 0);
    ck_assert_str_eq (again, out);
  }
}
END_TEST

START_TEST (test_stats_empty_project)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = rpt_test_write_file (dir, "empty.json",
      "{\"format\": \"repartee-project\", \"version\": 1, \"labels\": [], \"speakers\": [],"
      " \"documents\": [], \"annotations\": [], \"relations\": []}", -1);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const guint none[] = { 0, 0, 0 };
  const char *relations[] = { "rebuts", "responds-to", "supports" };
  const char *unattributed[] = { NULL };
  JsonObject *root;

  ck_assert_int_eq (run (&out, &err, "stats", "--json", path, NULL), 0);
  root = parse_object (parser, out);
  ck_assert_int_eq (json_object_get_int_member (root, "annotations"), 0);
  check_rows (root, "documents", NULL, NULL, 0);
  check_rows (root, "labels", NULL, NULL, 0);
  check_rows (root, "speakers", unattributed, none, 1);
  check_rows (root, "relations", relations, none, 3);
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (run (&out, &err, "stats", path, NULL), 0);
  ck_assert (g_str_has_prefix (out, "0 annotations\n"));
}
END_TEST

/* Names come from files anyone may have written: no escape sequences reach
 * the terminal, and the JSON gives them back exactly. */
START_TEST (test_stats_control_characters)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "escape.json", NULL);
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(RptDocument) doc = rpt_document_new ("d1", "Red \x1b[31malert\x1b[0m\nsecond line", "x.txt", "Body\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL, *err = NULL;
  JsonObject *root;

  ck_assert (rpt_project_add_document (project, doc, &error));
  ck_assert (rpt_project_add_speaker (project, "Bell\a", &error));
  ck_assert (rpt_project_save_to_file (project, path, &error));

  ck_assert_int_eq (run (&out, &err, "stats", path, NULL), 0);
  ck_assert_ptr_null (strchr (out, '\x1b'));
  ck_assert_ptr_null (strchr (out, '\a'));
  ck_assert_contains (out, "Red \xef\xbf\xbd[31malert\xef\xbf\xbd[0m\xef\xbf\xbdsecond line (d1)\n");

  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (run (&out, &err, "stats", "--json", path, NULL), 0);
  root = parse_object (parser, out);
  ck_assert_str_eq (json_object_get_string_member (json_array_get_object_element (
                      json_object_get_array_member (root, "documents"), 0), "name"),
                    "Red \x1b[31malert\x1b[0m\nsecond line");
}
END_TEST

START_TEST (test_add_control_characters)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *article = rpt_test_write_file (dir, "bell\a.txt", "Title \x1b]0;pwned\a\n\nBody\n", -1);
  g_autofree char *path = g_build_filename (dir, "p\x1b[2J.json", NULL);
  g_autofree char *out = NULL, *err = NULL;

  ck_assert_int_eq (run (&out, &err, "add", path, article, NULL), 0);
  ck_assert_ptr_null (strchr (out, '\x1b'));
  ck_assert_ptr_null (strchr (out, '\a'));
  ck_assert_contains (out, "bell\xef\xbf\xbd.txt as “bell”: “Title \xef\xbf\xbd]0;pwned\xef\xbf\xbd”");
  ck_assert_contains (out, "p\xef\xbf\xbd[2J.json (1 article)");
}
END_TEST

/* ---- format ---- */

START_TEST (test_format)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = make_project (dir);
  g_autofree char *canonical = NULL, *compact = NULL, *out = NULL, *err = NULL, *expected = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize canonical_len, compact_len;

  canonical = rpt_test_read_file (path, &canonical_len);
  ck_assert_int_eq (run (&out, &err, "format", path, NULL), 0);
  expected = g_strdup_printf ("%s is already formatted\n", path);
  ck_assert_str_eq (out, expected);
  ck_assert (file_equals (path, canonical, canonical_len));

  /* The same project on one line, as another program might write it. */
  parse_object (parser, canonical);
  json_generator_set_root (generator, json_parser_get_root (parser));
  compact = json_generator_to_data (generator, &compact_len);
  ck_assert (compact_len != canonical_len);
  g_free (rpt_test_write_file (dir, "made.json", compact, compact_len));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&expected, g_free);
  ck_assert_int_eq (run (&out, &err, "format", "--check", path, NULL), 1);
  expected = g_strdup_printf ("%s is not formatted as Repartee writes it\n", path);
  ck_assert_str_eq (out, expected);
  ck_assert (file_equals (path, compact, compact_len));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&expected, g_free);
  ck_assert_int_eq (run (&out, &err, "format", path, NULL), 0);
  expected = g_strdup_printf ("Formatted %s\n", path);
  ck_assert_str_eq (out, expected);
  ck_assert (file_equals (path, canonical, canonical_len));
}
END_TEST

/* ---- Output that cannot be written ---- */

START_TEST (test_output_error)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = make_project (dir);
  g_autofree char *quoted = g_shell_quote (path);
  const char *commands_[] = { "validate", "stats", "stats --json" };

  for (guint i = 0; i < G_N_ELEMENTS (commands_); i++)
    {
      g_autofree char *script = g_strdup_printf ("exec \"$TOOL\" %s %s > /dev/full", commands_[i], quoted);
      g_autofree char *out = NULL, *err = NULL;

      ck_assert_int_eq (run_shell (script, &out, &err), 1);
      ck_assert_contains (err, "cannot write the output: No space left on device");
    }
}
END_TEST

static Suite *
tool_suite (void)
{
  Suite *s = suite_create ("tool");
  TCase *tc;

  tc = tcase_create ("usage");
  tcase_add_test (tc, test_help_top_level);
  tcase_add_test (tc, test_help_commands);
  tcase_add_test (tc, test_help_mentions_options);
  tcase_add_loop_test (tc, test_usage_error, 0, G_N_ELEMENTS (usage_errors));
  tcase_add_test (tc, test_version);
  tcase_add_test (tc, test_double_dash);
  tcase_add_test (tc, test_output_error);
  suite_add_tcase (s, tc);

  tc = tcase_create ("add");
  tcase_add_test (tc, test_add_creates_project);
  tcase_add_test (tc, test_add_to_existing_project);
  tcase_add_test (tc, test_add_same_text_is_refused);
  tcase_add_loop_test (tc, test_add_bad_article_changes_nothing, 0, G_N_ELEMENTS (bad_articles));
  tcase_add_loop_test (tc, test_add_bad_article_creates_nothing, 0, G_N_ELEMENTS (bad_articles));
  tcase_add_test (tc, test_add_to_bad_project_changes_nothing);
  tcase_add_test (tc, test_add_failed_save_keeps_old_file);
  tcase_add_test (tc, test_add_into_missing_folder);
  suite_add_tcase (s, tc);

  tc = tcase_create ("validate");
  tcase_add_test (tc, test_validate_counts);
  tcase_add_test (tc, test_validate_singular);
  suite_add_tcase (s, tc);

  tc = tcase_create ("stats");
  tcase_add_test (tc, test_stats_text);
  tcase_add_test (tc, test_stats_json);
  tcase_add_test (tc, test_stats_empty_project);
  tcase_add_test (tc, test_stats_control_characters);
  tcase_add_test (tc, test_add_control_characters);
  suite_add_tcase (s, tc);

  tc = tcase_create ("format");
  tcase_add_test (tc, test_format);
  suite_add_tcase (s, tc);

  return s;
}

RPT_TEST_MAIN (tool_suite)
