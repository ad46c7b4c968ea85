/* test-tool-validate.c: repartee-tool validate on files nobody on the team
 * wrote: every one is refused with one line that names the file, the place
 * and the reason, and no other command reads or writes it either.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "rpt-tool-test.h"

/* The hostile files are variations of one small valid project. TEXT has
 * 20 code points (the emoji is one) and 29 bytes. */
#define TEXT "Hi “there” 🙂 — bye!!"
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
    CASE (0, ANN ("\"start\": 1.5, \"end\": 4"), "annotations[0].start", "must be a whole number")
    CASE (1, ANN ("\"start\": 1, \"end\": 4.0"), "annotations[0].end", "must be a whole number")
    CASE (2, ANN ("\"start\": 1, \"end\": 1e1"), "annotations[0].end", "must be a whole number")
    CASE (3, ANN ("\"start\": \"1\", \"end\": 4"), "annotations[0].start", "must be a whole number")
    CASE (4, ANN ("\"start\": null, \"end\": 4"), "annotations[0].start", "must be a whole number")
    CASE (5, ANN ("\"start\": true, \"end\": 4"), "annotations[0].start", "must be a whole number")
    CASE (6, ANN ("\"start\": [1], \"end\": 4"), "annotations[0].start", "must be a whole number")
    CASE (7, ANN ("\"start\": {\"at\": 1}, \"end\": 4"), "annotations[0].start", "must be a whole number")
    CASE (8, ANN ("\"start\": -3, \"end\": 4"), "annotations[0].start", "-3 is negative")
    /* Huge integers: json-glib alone would turn these into -1 or even 1. */
    CASE (9, ANN ("\"start\": 1, \"end\": 99999999999999999999999"), "line 7", "the number 99999999999999999999999 is out of range")
    CASE (10, ANN ("\"start\": -18446744073709551615, \"end\": 4"), "line 7", "the number -18446744073709551615 is out of range")
    CASE (11, ANN ("\"start\": 1, \"end\": 18446744073709551616"), "line 7", "out of range")
    CASE (12, ANN ("\"start\": 1, \"end\": 9223372036854775807"), "annotations[0].end", "9223372036854775807 is too large (the largest allowed is 4294967295)")
    CASE (13, ANN ("\"start\": 1, \"end\": 4294967296"), "annotations[0].end", "4294967296 is too large (the largest allowed is 4294967295)")
    CASE (14, ANN ("\"start\": 1, \"end\": 1e400"), "annotations[0].end", "must be a whole number")
    /* Offsets that do not fit the text. */
    CASE (15, ANN ("\"start\": 5, \"end\": 2"), "annotations[0].end", "2 is not after the start (5)")
    CASE (16, ANN ("\"start\": 5, \"end\": 5"), "annotations[0].end", "5 is not after the start (5)")
    CASE (17, ANN ("\"start\": 19, \"end\": 21"), "annotations[0].end", "21 is past the end of document “d1” (20 characters)")
    CASE (18, ANN ("\"start\": 20, \"end\": 29"), "annotations[0].end", "29 is past the end of document “d1” (20 characters)")
    /* Nulls, wrong types, missing members. */
    CASE (19, ANN ("\"id\": null, \"start\": 1, \"end\": 2"), "annotations[0].id", "must be a string")
    CASE (20, ANN ("\"start\": 1"), "annotations[0]", "the member “end” is missing")
    CASE (21, make_base (NULL, NULL, "[\"a1\", \"d1\", 0, 2, \"claim\"]", NULL), "annotations[0]", "must be an object")
    CASE (22, make_base (NULL, NULL, "null", NULL), "annotations[0]", "must be an object")
    CASE (23, g_strdup ("{\"format\": \"repartee-project\", \"version\": 1, \"labels\": {}}"), "labels", "must be an array")
    CASE (24, g_strdup ("{\"format\": \"repartee-project\", \"version\": 1, \"labels\": null}"), "labels", "must be an array")
    CASE (25, make_base ("{\"id\": \"claim\", \"name\": \"Claim\"}", NULL, NULL, NULL), "labels[0]", "the member “color” is missing")
    CASE (26, make_base ("{\"id\": \"claim\", \"name\": \"Claim\", \"color\": \"blue\"}", NULL, NULL, NULL), "labels[0].color", "“blue” is not a colour of the form #rrggbb")
    CASE (27, make_base (NULL, "{\"id\": \"d1\", \"title\": \"Hi\", \"source\": \"hi.txt\", \"sha256\": \"00\", \"text\": \"" TEXT "\"}", NULL, NULL), "documents[0].sha256", "does not match the text")
    CASE (28, make_base (NULL, "{\"id\": \"d1\", \"title\": 7, \"source\": \"s\", \"sha256\": \"00\", \"text\": \"x\"}", NULL, NULL), "documents[0].title", "must be a string")
    /* Top level. */
    CASE (29, g_strdup ("[]"), NULL, "not an object: this is not a Repartee project")
    CASE (30, g_strdup ("null"), NULL, "not an object: this is not a Repartee project")
    CASE (31, g_strdup ("\"repartee-project\""), NULL, "not an object: this is not a Repartee project")
    CASE (32, g_strdup ("42"), NULL, "not an object: this is not a Repartee project")
    CASE (33, g_strdup ("{}"), NULL, "the member “format” is missing")
    CASE (34, g_strdup ("{\"format\": \"doccano\", \"version\": 1}"), "format", "“doccano” is not “repartee-project”: this is not a Repartee project")
    CASE (35, g_strdup ("{\"format\": \"repartee-project\", \"version\": 2}"), "version", "this file is version 2, newer than this Repartee reads (version 1)")
    CASE (36, g_strdup ("{\"format\": \"repartee-project\", \"version\": \"1\"}"), "version", "must be a whole number")
    CASE (37, g_strdup ("{\"format\": \"repartee-project\", \"version\": 0}"), "version", "0 is not a version")
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
    CASE (50, ANN ("\"start\": 1, \"end\": 2, \"speaker\": \"nobody\""), "annotations[0].speaker", "“nobody” is not the id of any speaker")
    CASE (51, make_base (NULL, NULL, "{\"id\": \"a1\", \"document\": \"d9\", \"start\": 0, \"end\": 1, \"label\": \"claim\"}", NULL), "annotations[0].document", "“d9” is not the id of any document")
    CASE (52, make_base (NULL, NULL, GOOD_ANNOTATION ", " GOOD_ANNOTATION, NULL), "annotations[1].id", "“a1” is already the id of annotations[0]")
    CASE (53, make_base (NULL, NULL, NULL, "{\"id\": \"r1\", \"type\": \"rebuts\", \"from\": \"a1\", \"to\": \"a7\"}"), "relations[0].to", "“a7” is not the id of any annotation")
    CASE (54, make_base (NULL, NULL, GOOD_ANNOTATION ", " GOOD_RELATION_TARGET, "{\"id\": \"r1\", \"type\": \"refutes\", \"from\": \"a1\", \"to\": \"a2\"}"), "relations[0].type", "“refutes” is not one of")
    CASE (55, make_base (NULL, NULL, NULL, "{\"id\": \"r1\", \"type\": \"rebuts\", \"from\": \"a1\", \"to\": \"a1\"}"), "relations[0]", "links the annotation “a1” to itself")
    CASE (56, ANN ("\"id\": \"\", \"start\": 1, \"end\": 2"), "annotations[0].id", "must not be empty")
    CASE (57, ANN ("\"start\": 1, \"end\": 2, \"created\": \"yesterday\""), "annotations[0].created", "“yesterday” is not a date and time")
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
  Hostile bytes = { "binary", NULL, -1, "line 1, column 1", "the file contains a NUL byte" };
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

static Suite *
validate_suite (void)
{
  Suite *s = suite_create ("tool-validate");
  TCase *tc = tcase_create ("validate");

  tcase_add_loop_test (tc, test_validate_hostile, 0, N_HOSTILE);
  tcase_add_test (tc, test_validate_not_a_file);
  tcase_add_test (tc, test_validate_accepts);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (validate_suite)
