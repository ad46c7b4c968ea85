/* test-tool.c: repartee-tool as a user runs it: exit codes, what it prints,
 * and what it leaves on disk, including on files nobody on the team wrote.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "rpt-core.h"
#include "rpt-test-util.h"

static const char *commands[] = { "add", "validate", "stats", "format", NULL };

/* Runs repartee-tool with the NULL-terminated arguments after @err. */
static int run (char **out, char **err, ...) G_GNUC_NULL_TERMINATED;

static int
run (char **out,
     char **err,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return rpt_test_run_tool ((const char * const *) args->pdata, out, err);
}

/* Runs a shell command line with $TOOL set; for redirections and limits. */
static int
run_shell (const char  *script,
           char       **out,
           char       **err)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "TOOL", g_getenv ("REPARTEE_TOOL"), TRUE);
  const char *argv[] = { "/bin/sh", "-c", script, NULL };
  int status = 0;

  ck_assert_msg (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                               &status, &error),
                 "cannot run /bin/sh: %s", error ? error->message : "");
  ck_assert (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static gboolean
file_equals (const char *path,
             const char *contents,
             gsize       len)
{
  g_autofree char *now = NULL;
  gsize now_len;

  if (!g_file_get_contents (path, &now, &now_len, NULL))
    return FALSE;
  return now_len == len && memcmp (now, contents, len) == 0;
}

#define ck_assert_contains(haystack, needle) \
  ck_assert_msg (strstr ((haystack), (needle)) != NULL, "“%s” not found in:\n%s", (needle), (haystack))

/* ---- A project made with the core, with known counts ---- */

#define ONE_TEXT "Mira said “we agree” — Tomás said no, then laughed 😀.\r\nThe end.\r\n"
#define TWO_TEXT "Second report\n\nTomás warned that talks could stop. Mira smiled.\n"

/* Code point offsets of @needle in the text of @doc. */
static void
find (RptProject *project,
      const char *doc,
      const char *needle,
      guint      *start,
      guint      *end)
{
  const char *text = rpt_document_get_text (rpt_project_get_document (project, doc));
  const char *at = strstr (text, needle);

  ck_assert_ptr_nonnull (at);
  *start = g_utf8_pointer_to_offset (text, at);
  *end = *start + g_utf8_strlen (needle, -1);
}

static RptAnnotation *
tag (RptProject *project,
     const char *doc,
     const char *needle,
     const char *label,
     const char *speaker)
{
  g_autoptr(GError) error = NULL;
  RptAnnotation *annotation;
  guint start, end;

  find (project, doc, needle, &start, &end);
  annotation = rpt_project_add_annotation (project, doc, start, end, label, speaker, &error);
  ck_assert_msg (annotation != NULL, "%s", error ? error->message : "");
  return annotation;
}

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

  claim = tag (project, "one", "we agree", "claim", rpt_speaker_get_id (mira));
  rebuttal = tag (project, "one", "said no", "rebuttal", rpt_speaker_get_id (tomas));
  joke = tag (project, "one", "laughed 😀", "joke", NULL);
  tag (project, "two", "talks could stop", "claim", rpt_speaker_get_id (tomas));
  tag (project, "two", "Mira smiled", "diplomatic-signal", rpt_speaker_get_id (mira));
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

START_TEST (test_add_same_text_is_skipped)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = make_project (dir);
  g_autofree char *copy = rpt_test_write_file (dir, "copy.txt", TWO_TEXT, -1);
  g_autofree char *fresh = rpt_test_write_file (dir, "fresh.txt", "Fresh\n", -1);
  g_autofree char *before = NULL, *out = NULL, *err = NULL, *expected = NULL;
  gsize before_len;

  before = rpt_test_read_file (path, &before_len);
  ck_assert_int_eq (run (&out, &err, "add", path, copy, NULL), 0);
  expected = g_strdup_printf ("Skipped %s: the same text is already in the project as “two”\n"
                              "Nothing to add: %s was not changed\n", copy, path);
  ck_assert_str_eq (out, expected);
  ck_assert_str_eq (err, "");
  ck_assert (file_equals (path, before, before_len));

  /* The same file twice in one call is added once. */
  g_clear_pointer (&out, g_free);
  ck_assert_int_eq (run (&out, &err, "add", path, fresh, fresh, NULL), 0);
  ck_assert_contains (out, "Skipped");
  ck_assert_contains (out, "Saved");
  ck_assert_contains (out, "(3 articles)");
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
  ck_assert_contains (err, "notes.json: format: “something-else” is not a Repartee project");
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

/* The hostile files are variations of one small valid project. TEXT has
 * 20 code points (the emoji is one) and 29 bytes. */
#define TEXT "Hi “there” 🙂 — bye!!"
#define TEXT_SHA256 "@SHA@"
#define GOOD_ANNOTATION "{\"id\": \"a1\", \"document\": \"d1\", \"start\": 3, \"end\": 10, \"label\": \"claim\", \"speaker\": \"s1\"}"
#define GOOD_RELATION_TARGET "{\"id\": \"a2\", \"document\": \"d1\", \"start\": 11, \"end\": 12, \"label\": \"claim\"}"

static char *
make_base (const char *labels,
           const char *documents,
           const char *annotations,
           const char *relations)
{
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, TEXT, -1);
  g_autofree char *doc = g_strdup_printf ("{\"id\": \"d1\", \"title\": \"Hi\", \"source\": \"hi.txt\", "
                                          "\"sha256\": \"%s\", \"text\": \"%s\"}", sha, TEXT);

  return g_strdup_printf ("{\n"
                          "  \"format\": \"repartee-project\",\n"
                          "  \"version\": 1,\n"
                          "  \"labels\": [%s],\n"
                          "  \"speakers\": [{\"id\": \"s1\", \"name\": \"Speaker One\"}],\n"
                          "  \"documents\": [%s],\n"
                          "  \"annotations\": [%s],\n"
                          "  \"relations\": [%s]\n"
                          "}\n",
                          labels ? labels : "{\"id\": \"claim\", \"name\": \"Claim\", \"color\": \"#3584e4\", \"shortcut\": 1}",
                          documents ? documents : doc,
                          annotations ? annotations : GOOD_ANNOTATION,
                          relations ? relations : "");
}

static char *
annotation_with (const char *members)
{
  return g_strdup_printf ("{\"id\": \"a1\", \"document\": \"d1\", \"label\": \"claim\", %s}", members);
}

static char *
nested (guint depth)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (s, i % 2 ? "{\"x\": " : "[");
  g_string_append (s, "1");
  for (guint i = depth; i > 0; i--)
    g_string_append (s, (i - 1) % 2 ? "}" : "]");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

typedef struct
{
  const char *name;
  char       *contents;
  gssize      len;       /* -1: NUL-terminated */
  const char *place;     /* expected in the message (NULL: none expected) */
  const char *reason;
} Hostile;

static Hostile *
hostile_case (guint i)
{
  static Hostile c;
  g_autofree char *bad = NULL, *deep = NULL, *inner = NULL;

  memset (&c, 0, sizeof c);
  c.len = -1;
#define CASE(n, contents_, place_, reason_) \
  case n: c.name = #n; c.contents = (contents_); c.place = (place_); c.reason = (reason_); return &c;
#define ANN(members) make_base (NULL, NULL, (bad = annotation_with (members)), NULL)

  switch (i)
    {
    /* Offsets of the wrong kind. */
    CASE (0, ANN ("\"start\": 1.5, \"end\": 4"), "annotations[0]", "“start” must be a whole number")
    CASE (1, ANN ("\"start\": 1, \"end\": 4.0"), "annotations[0]", "“end” must be a whole number")
    CASE (2, ANN ("\"start\": 1, \"end\": 1e1"), "annotations[0]", "“end” must be a whole number")
    CASE (3, ANN ("\"start\": \"1\", \"end\": 4"), "annotations[0]", "“start” must be a whole number")
    CASE (4, ANN ("\"start\": null, \"end\": 4"), "annotations[0]", "“start” must be a whole number")
    CASE (5, ANN ("\"start\": true, \"end\": 4"), "annotations[0]", "“start” must be a whole number")
    CASE (6, ANN ("\"start\": [1], \"end\": 4"), "annotations[0]", "“start” must be a whole number")
    CASE (7, ANN ("\"start\": {\"at\": 1}, \"end\": 4"), "annotations[0]", "“start” must be a whole number")
    CASE (8, ANN ("\"start\": -3, \"end\": 4"), "annotations[0]", "“start” is negative (-3)")
    /* Huge integers: json-glib alone would turn these into -1 or even 1. */
    CASE (9, ANN ("\"start\": 1, \"end\": 99999999999999999999999"), "line 7", "the number 99999999999999999999999 is out of range")
    CASE (10, ANN ("\"start\": -18446744073709551615, \"end\": 4"), "line 7", "the number -18446744073709551615 is out of range")
    CASE (11, ANN ("\"start\": 1, \"end\": 18446744073709551616"), "line 7", "out of range")
    CASE (12, ANN ("\"start\": 1, \"end\": 9223372036854775807"), "annotations[0]", "“end” is 9223372036854775807; the largest allowed is 4294967295")
    CASE (13, ANN ("\"start\": 1, \"end\": 4294967296"), "annotations[0]", "“end” is 4294967296; the largest allowed is 4294967295")
    CASE (14, ANN ("\"start\": 1, \"end\": 1e400"), "annotations[0]", "“end” must be a whole number")
    /* Offsets that do not fit the text. */
    CASE (15, ANN ("\"start\": 5, \"end\": 2"), "annotations[0].end", "2 is not after the start (5)")
    CASE (16, ANN ("\"start\": 5, \"end\": 5"), "annotations[0].end", "5 is not after the start (5)")
    CASE (17, ANN ("\"start\": 19, \"end\": 21"), "annotations[0].end", "21 is past the end of document “d1” (20 characters)")
    CASE (18, ANN ("\"start\": 20, \"end\": 29"), "annotations[0].end", "29 is past the end of document “d1” (20 characters)")
    /* Nulls, wrong types, missing members. */
    CASE (19, ANN ("\"id\": null, \"start\": 1, \"end\": 2"), "annotations[0]", "“id” must be a string")
    CASE (20, ANN ("\"start\": 1"), "annotations[0]", "the member “end” is missing")
    CASE (21, make_base (NULL, NULL, "[\"a1\", \"d1\", 0, 2, \"claim\"]", NULL), "annotations[0]", "must be an object")
    CASE (22, make_base (NULL, NULL, "null", NULL), "annotations[0]", "must be an object")
    CASE (23, g_strdup ("{\"format\": \"repartee-project\", \"version\": 1, \"labels\": {}}"), "labels", "must be an array")
    CASE (24, g_strdup ("{\"format\": \"repartee-project\", \"version\": 1, \"labels\": null}"), "labels", "must be an array")
    CASE (25, make_base ("{\"id\": \"claim\", \"name\": \"Claim\"}", NULL, NULL, NULL), "labels[0]", "the member “color” is missing")
    CASE (26, make_base ("{\"id\": \"claim\", \"name\": \"Claim\", \"color\": \"blue\"}", NULL, NULL, NULL), "labels[0]", "“color” must look like #rrggbb")
    CASE (27, make_base (NULL, "{\"id\": \"d1\", \"title\": \"Hi\", \"source\": \"hi.txt\", \"sha256\": \"00\", \"text\": \"" TEXT "\"}", NULL, NULL), "documents[0]", "“sha256” does not match the text")
    CASE (28, make_base (NULL, "{\"id\": \"d1\", \"title\": 7, \"source\": \"s\", \"sha256\": \"00\", \"text\": \"x\"}", NULL, NULL), "documents[0]", "“title” must be a string")
    /* Top level. */
    CASE (29, g_strdup ("[]"), NULL, "the top level must be an object")
    CASE (30, g_strdup ("null"), NULL, "the top level must be an object")
    CASE (31, g_strdup ("\"repartee-project\""), NULL, "the top level must be an object")
    CASE (32, g_strdup ("42"), NULL, "the top level must be an object")
    CASE (33, g_strdup ("{}"), "(top level)", "the member “format” is missing")
    CASE (34, g_strdup ("{\"format\": \"doccano\", \"version\": 1}"), "format", "“doccano” is not a Repartee project")
    CASE (35, g_strdup ("{\"format\": \"repartee-project\", \"version\": 2}"), "version", "version 2 is not supported")
    CASE (36, g_strdup ("{\"format\": \"repartee-project\", \"version\": \"1\"}"), "(top level)", "“version” must be a whole number")
    CASE (37, g_strdup ("{\"format\": \"repartee-project\", \"version\": 0}"), "version", "version 0 is not supported")
    /* Not JSON, or more than JSON. */
    CASE (38, g_strconcat ((bad = make_base (NULL, NULL, NULL, NULL)), "garbage\n", NULL), "line 10, column 1", "more data after the end of the project")
    CASE (39, g_strconcat ((bad = make_base (NULL, NULL, NULL, NULL)), "{}\n", NULL), "line 10, column 1", "more data after the end of the project")
    CASE (40, g_strndup ((bad = make_base (NULL, NULL, NULL, NULL)), 150), NULL, "not valid JSON")
    CASE (41, g_strconcat ("var project = ", (bad = make_base (NULL, NULL, NULL, NULL)), NULL), NULL, "the file is a JavaScript assignment")
    CASE (42, g_strdup ("{\"format\": \"repartee-project\",}"), NULL, "not valid JSON")
    CASE (43, g_strdup (""), NULL, "the file is empty")
    CASE (44, g_strdup (" \r\n\t\n"), NULL, "the file is empty")
    /* Nesting: 40 levels at the top, and 40 levels in a member nobody reads. */
    CASE (45, nested (40), "line 1, column 113", "nested more than 32 levels deep")
    CASE (46, ANN ((deep = g_strconcat ("\"start\": 1, \"end\": 2, \"extra\": ", (inner = nested (40)), NULL))), "line 7", "nested more than 32 levels deep")
    /* Encoding. */
    CASE (47, ANN ("\"start\": 1, \"end\": 2, \"note\": \"caf\xe9\""), "line 7", "the file is not valid UTF-8")
    CASE (48, ANN ("\"start\": 1, \"end\": 2, \"note\": \"cut\\u0000here\""), "line 7", "a string contains \\u0000")
    CASE (49, ANN ("\"start\": 1, \"end\": 2, \"note\": \"\\ud800\""), NULL, "")
    /* References. */
    CASE (50, ANN ("\"start\": 1, \"end\": 2, \"speaker\": \"nobody\""), "annotations[0]", "“speaker” refers to “nobody”, which is not among the speakers")
    CASE (51, make_base (NULL, NULL, "{\"id\": \"a1\", \"document\": \"d9\", \"start\": 0, \"end\": 1, \"label\": \"claim\"}", NULL), "annotations[0]", "“document” refers to “d9”")
    CASE (52, make_base (NULL, NULL, GOOD_ANNOTATION ", " GOOD_ANNOTATION, NULL), "annotations[1]", "the id “a1” is already used by annotations[0]")
    CASE (53, make_base (NULL, NULL, NULL, "{\"id\": \"r1\", \"type\": \"rebuts\", \"from\": \"a1\", \"to\": \"a7\"}"), "relations[0]", "“to” refers to “a7”")
    CASE (54, make_base (NULL, NULL, GOOD_ANNOTATION ", " GOOD_RELATION_TARGET, "{\"id\": \"r1\", \"type\": \"refutes\", \"from\": \"a1\", \"to\": \"a2\"}"), "relations[0]", "“type” is “refutes”")
    CASE (55, make_base (NULL, NULL, NULL, "{\"id\": \"r1\", \"type\": \"rebuts\", \"from\": \"a1\", \"to\": \"a1\"}"), "relations[0]", "links the annotation “a1” to itself")
    CASE (56, ANN ("\"id\": \"\", \"start\": 1, \"end\": 2"), "annotations[0]", "“id” is empty")
    CASE (57, ANN ("\"start\": 1, \"end\": 2, \"created\": \"yesterday\""), "annotations[0]", "“created” is not an ISO 8601 date and time")
    CASE (58, g_strconcat ((bad = make_base (NULL, NULL, NULL, NULL)), "[1]", NULL), "line 10, column 1", "more data after the end of the project")
    CASE (59, g_strdup ("{\"format\": \"repartee-project\", \"version\": 1, \"labels\": [{\"id\": \"x\", \"name\": \"unterminated}]}"), NULL, "not valid JSON")
    default:
      return NULL;
    }
#undef CASE
#undef ANN
}

#define N_HOSTILE 60

static void
assert_refused (const char *path,
                Hostile    *c)
{
  g_autofree char *out = NULL, *err = NULL, *prefix = NULL;

  ck_assert_int_eq (run (&out, &err, "validate", path, NULL), 1);
  ck_assert_str_eq (out, "");
  /* One line: the file, the place, the reason. */
  prefix = g_strdup_printf ("repartee-tool: %s: ", path);
  ck_assert_msg (g_str_has_prefix (err, prefix), "case %s: “%s” does not start with “%s”", c->name, err, prefix);
  ck_assert_msg (count_lines (err) == 1, "case %s: more than one line:\n%s", c->name, err);
  if (c->place)
    {
      g_autofree char *place = g_strdup_printf ("%s: %s", path, c->place);
      ck_assert_contains (err, place);
    }
  ck_assert_contains (err, c->reason);
}

START_TEST (test_validate_hostile)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *good = rpt_test_write_file (dir, "good.txt", "Good\n", -1);
  g_autofree char *path = NULL, *before = NULL;
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL, *out4 = NULL, *err4 = NULL;
  Hostile *c = hostile_case (_i);
  gsize before_len;

  ck_assert_ptr_nonnull (c);
  path = rpt_test_write_file (dir, "hostile.json", c->contents, c->len);
  before = rpt_test_read_file (path, &before_len);
  assert_refused (path, c);

  /* No command writes, or half-reads, a refused file. */
  ck_assert_int_eq (run (&out, &err, "stats", path, NULL), 1);
  ck_assert_int_eq (run (&out2, &err2, "stats", "--json", path, NULL), 1);
  ck_assert_str_eq (out2, "");
  ck_assert_str_eq (err2, err);
  ck_assert_int_eq (run (&out3, &err3, "format", path, NULL), 1);
  ck_assert_str_eq (err3, err);
  ck_assert_int_eq (run (&out4, &err4, "add", path, good, NULL), 1);
  ck_assert_str_eq (out4, "");
  ck_assert (file_equals (path, before, before_len));
  g_free (c->contents);
}
END_TEST

START_TEST (test_validate_not_a_file)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *binary = NULL;
  Hostile folder = { "folder", NULL, -1, NULL, "is a folder, not a file" };
  Hostile absent = { "missing", NULL, -1, NULL, "cannot read: No such file or directory" };
  Hostile bytes = { "binary", NULL, -1, "line 1, column 1", "the file is not valid UTF-8" };
  Hostile device = { "device", NULL, -1, NULL, "is not a regular file" };
  g_autofree char *fifo = g_build_filename (dir, "pipe.json", NULL);
  char data[512];

  for (guint i = 0; i < sizeof data; i++)
    data[i] = (char) (i * 7);
  binary = rpt_test_write_file (dir, "binary.json", data, sizeof data);

  assert_refused (dir, &folder);
  assert_refused (missing, &absent);
  assert_refused (binary, &bytes);
  assert_refused ("/dev/zero", &device);
  ck_assert_int_eq (mkfifo (fifo, 0644), 0);
  assert_refused (fifo, &device);
  ck_assert (!g_file_test (missing, G_FILE_TEST_EXISTS));
}
END_TEST

/* Files that look odd but are valid. */
START_TEST (test_validate_accepts)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *base = make_base (NULL, NULL, NULL, NULL);
  g_autofree char *bom = g_strconcat ("\xef\xbb\xbf", base, NULL);
  g_autofree char *extra_ann = annotation_with ("\"start\": 0, \"end\": 20, \"speaker\": null, \"note\": \"caf\\u00e9 \\ud83d\\ude42\", \"future\": [1, {\"x\": null}]");
  g_autofree char *extra = make_base (NULL, NULL, extra_ann, NULL);
  g_autofree char *deep_ann = NULL, *deep = NULL;
  g_auto(GStrv) lines = g_strsplit (base, "\n", -1);
  g_autofree char *crlf = g_strjoinv ("\r\n", lines);
  const char *files[] = { bom, crlf, extra, NULL, NULL };

  g_autofree char *inner = nested (29);

  deep_ann = g_strconcat ("{\"id\": \"a1\", \"document\": \"d1\", \"label\": \"claim\", \"start\": 1, \"end\": 2, \"x\": ",
                          inner, "}", NULL);
  files[3] = deep = make_base (NULL, NULL, deep_ann, NULL);

  for (guint i = 0; files[i]; i++)
    {
      g_autofree char *name = g_strdup_printf ("ok%u.json", i);
      g_autofree char *path = rpt_test_write_file (dir, name, files[i], -1);
      g_autofree char *out = NULL, *err = NULL, *expected = NULL;

      ck_assert_int_eq (run (&out, &err, "validate", path, NULL), 0);
      ck_assert_str_eq (err, "");
      expected = g_strdup_printf ("%s: valid: 1 article, 1 label, 1 speaker, 1 annotation, 0 relations\n", path);
      ck_assert_str_eq (out, expected);
    }
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
  tcase_add_test (tc, test_add_same_text_is_skipped);
  tcase_add_loop_test (tc, test_add_bad_article_changes_nothing, 0, G_N_ELEMENTS (bad_articles));
  tcase_add_loop_test (tc, test_add_bad_article_creates_nothing, 0, G_N_ELEMENTS (bad_articles));
  tcase_add_test (tc, test_add_to_bad_project_changes_nothing);
  tcase_add_test (tc, test_add_failed_save_keeps_old_file);
  tcase_add_test (tc, test_add_into_missing_folder);
  suite_add_tcase (s, tc);

  tc = tcase_create ("validate");
  tcase_add_test (tc, test_validate_counts);
  tcase_add_test (tc, test_validate_singular);
  tcase_add_loop_test (tc, test_validate_hostile, 0, N_HOSTILE);
  tcase_add_test (tc, test_validate_not_a_file);
  tcase_add_test (tc, test_validate_accepts);
  suite_add_tcase (s, tc);

  tc = tcase_create ("stats");
  tcase_add_test (tc, test_stats_text);
  tcase_add_test (tc, test_stats_json);
  tcase_add_test (tc, test_stats_empty_project);
  tcase_add_test (tc, test_stats_control_characters);
  suite_add_tcase (s, tc);

  tc = tcase_create ("format");
  tcase_add_test (tc, test_format);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  SRunner *runner = srunner_create (tool_suite ());
  int failed;

  srunner_run_all (runner, CK_ENV);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
