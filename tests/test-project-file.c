/* test-project-file.c: the project file. Round trips are byte-identical,
 * and every kind of bad input is refused with a message that names the
 * place and the reason, leaving what is open untouched.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "rpt-core.h"
#include "rpt-test-util.h"

/* A complete project written for these tests, in the exact form the writer
 * gives: two articles (curly quotes, CRLF), four annotations, two links. */
static const char BASE[] =
  "{\n"
  "  \"format\": \"repartee-project\",\n"
  "  \"version\": 1,\n"
  "  \"labels\": [\n"
  "    {\"id\": \"claim\", \"name\": \"Claim\", \"color\": \"#3584e4\", \"shortcut\": 1, \"description\": \"A statement put forward as true\"},\n"
  "    {\"id\": \"rebuttal\", \"name\": \"Rebuttal\", \"color\": \"#e01b24\", \"shortcut\": 2, \"description\": \"An answer that disputes a claim\"},\n"
  "    {\"id\": \"joke\", \"name\": \"Joke\", \"color\": \"#f5c211\", \"shortcut\": 3, \"description\": \"Something said in jest\"},\n"
  "    {\"id\": \"diplomatic-signal\", \"name\": \"Diplomatic signal\", \"color\": \"#2ec27e\", \"shortcut\": 4, \"description\": \"A message about relations between the parties\"}\n"
  "  ],\n"
  "  \"speakers\": [\n"
  "    {\"id\": \"hale\", \"name\": \"Hale\"},\n"
  "    {\"id\": \"brook\", \"name\": \"Brook\"}\n"
  "  ],\n"
  "  \"documents\": [\n"
  "    {\"id\": \"d1\", \"title\": \"Ceasefire\", \"source\": \"ceasefire.txt\", \"sha256\": \"61d3a50b4f90d1908f951ec707bfda4fe9df0d032155d8b232d8feec94505488\",\n"
  "     \"text\": \"Hale said “the ceasefire holds.” Brook said it held for an hour, at most.\"},\n"
  "    {\"id\": \"d2\", \"title\": \"Coffee\", \"source\": \"coffee.txt\", \"sha256\": \"084e7380e2391a0e50b8611c6b5cd10fdd8c161cf12ce44b9091cf5525abf2ce\",\n"
  "     \"text\": \"Brook joked that the talks ran on coffee alone.\\r\\nHale smiled.\"}\n"
  "  ],\n"
  "  \"annotations\": [\n"
  "    {\"id\": \"a1\", \"document\": \"d1\", \"start\": 11, \"end\": 31, \"label\": \"claim\", \"speaker\": \"hale\", \"note\": \"\", \"author\": \"Ann Example\", \"created\": \"2026-11-22T10:00:00Z\", \"modified\": \"2026-11-22T10:00:00Z\", \"quote\": \"the ceasefire holds.\", \"prefix\": \"Hale said “\", \"suffix\": \"” Brook said it held for an hour\"},\n"
  "    {\"id\": \"a2\", \"document\": \"d1\", \"start\": 44, \"end\": 72, \"label\": \"rebuttal\", \"speaker\": \"brook\", \"note\": \"Said \\\"firmly\\\".\\nCheck the video.\", \"author\": \"Ann Example\", \"created\": \"2026-11-22T10:01:00Z\", \"modified\": \"2026-11-22T10:05:30Z\", \"quote\": \"it held for an hour, at most\", \"prefix\": \"he ceasefire holds.” Brook said \", \"suffix\": \".\"},\n"
  "    {\"id\": \"a3\", \"document\": \"d2\", \"start\": 17, \"end\": 46, \"label\": \"joke\", \"speaker\": \"brook\", \"note\": \"\", \"author\": \"Ann Example\", \"created\": \"2026-11-22T10:02:00Z\", \"modified\": \"2026-11-22T10:02:00Z\", \"quote\": \"the talks ran on coffee alone\", \"prefix\": \"Brook joked that \", \"suffix\": \".\\r\\nHale smiled.\"},\n"
  "    {\"id\": \"a4\", \"document\": \"d2\", \"start\": 49, \"end\": 61, \"label\": \"diplomatic-signal\", \"speaker\": \"hale\", \"note\": \"\", \"author\": \"Ann Example\", \"created\": \"2026-11-22T10:03:00Z\", \"modified\": \"2026-11-22T10:03:00Z\", \"quote\": \"Hale smiled.\", \"prefix\": \"the talks ran on coffee alone.\\r\\n\", \"suffix\": \"\"}\n"
  "  ],\n"
  "  \"relations\": [\n"
  "    {\"id\": \"r1\", \"type\": \"rebuts\", \"from\": \"a2\", \"to\": \"a1\"},\n"
  "    {\"id\": \"r2\", \"type\": \"responds-to\", \"from\": \"a3\", \"to\": \"a1\"}\n"
  "  ]\n"
  "}\n";

static char *
bytes_to_string (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_strndup (data, len);
}

static char *
to_string (RptProject *project)
{
  g_autoptr(GBytes) bytes = rpt_project_to_bytes (project);

  return bytes_to_string (bytes);
}

static RptProject *
load_ok (const char *data,
         gssize      len)
{
  g_autoptr(GError) error = NULL;
  RptProject *project =
    rpt_project_load_from_data (data, len < 0 ? strlen (data) : (gsize) len, &error);

  ck_assert_msg (project != NULL, "refused: %s", error ? error->message : "");
  return project;
}

/* BASE with the first @from replaced by @to; @from must be there. */
static char *
edited (const char *from,
        const char *to)
{
  GString *s = g_string_new (BASE);

  ck_assert_msg (strstr (BASE, from) != NULL, "“%s” is not in the base file", from);
  g_string_replace (s, from, to, 1);
  return g_string_free (s, FALSE);
}

/* Refused with exactly @expected (or, when it starts with "^", a message
 * that starts with the rest). */
static void
assert_refused (const char *data,
                gsize       len,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = rpt_project_load_from_data (data, len, &error);

  ck_assert_msg (project == NULL, "accepted, expected “%s”", expected);
  ck_assert_msg (error != NULL, "no error for “%s”", expected);
  ck_assert (error->domain == RPT_ERROR);
  if (expected[0] == '^')
    ck_assert_msg (g_str_has_prefix (error->message, expected + 1),
                   "“%s” does not start with “%s”", error->message, expected + 1);
  else
    ck_assert_str_eq (error->message, expected);
}

/* ---- Round trips ---- */

START_TEST (test_base_round_trip)
{
  g_autoptr(RptProject) project = load_ok (BASE, -1);
  g_autofree char *again = to_string (project);
  RptDocument *d1 = rpt_project_get_document (project, "d1");
  RptDocument *d2 = rpt_project_get_document (project, "d2");
  RptAnnotation *a2 = rpt_project_get_annotation (project, "a2");
  g_autofree char *s1 = rpt_document_dup_slice (d1, 11, 31);
  g_autofree char *s4 = rpt_document_dup_slice (d2, 49, 61);
  g_autoptr(GDateTime) modified = NULL;

  ck_assert_str_eq (again, BASE);
  ck_assert_str_eq (s1, "the ceasefire holds.");
  ck_assert_str_eq (s4, "Hale smiled.");
  ck_assert_uint_eq (rpt_document_get_length (d1), 73);
  ck_assert_str_eq (rpt_document_get_text (d2), "Brook joked that the talks ran on coffee alone.\r\nHale smiled.");
  ck_assert_str_eq (rpt_document_get_title (d1), "Ceasefire");
  ck_assert_str_eq (rpt_document_get_source (d1), "ceasefire.txt");
  ck_assert_str_eq (rpt_annotation_get_note (a2), "Said \"firmly\".\nCheck the video.");
  ck_assert_str_eq (rpt_annotation_get_author (a2), "Ann Example");
  ck_assert_str_eq (rpt_annotation_get_speaker (a2), "brook");
  modified = g_date_time_new_from_unix_utc (rpt_annotation_get_modified (a2) / G_USEC_PER_SEC);
  ck_assert_int_eq (g_date_time_get_minute (modified), 5);
  ck_assert_int_eq (g_date_time_get_second (modified), 30);
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), 4);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_relations (project)), 2);
  ck_assert_uint_eq (rpt_label_get_shortcut (rpt_project_get_label (project, "joke")), 3);
  ck_assert (!rpt_project_get_dirty (project));
  ck_assert (!rpt_project_can_undo (project));
}
END_TEST

START_TEST (test_save_twice_identical)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *first = g_build_filename (dir, "first.json", NULL);
  g_autofree char *second = g_build_filename (dir, "second.json", NULL);
  g_autoptr(RptProject) project = load_ok (BASE, -1);
  g_autoptr(RptProject) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *one = NULL, *two = NULL, *three = NULL;
  gsize len1, len2, len3;

  ck_assert (rpt_project_add_annotation (project, "d1", 0, 4, "joke", NULL, NULL));
  ck_assert (rpt_project_get_dirty (project));
  ck_assert_msg (rpt_project_save_to_file (project, first, &error), "%s", error ? error->message : "");
  ck_assert (!rpt_project_get_dirty (project));
  ck_assert (rpt_project_save_to_file (project, second, NULL));
  one = rpt_test_read_file (first, &len1);
  two = rpt_test_read_file (second, &len2);
  ck_assert_uint_eq (len1, len2);
  ck_assert (memcmp (one, two, len1) == 0);

  /* load → save → load → save: the same bytes again. */
  reloaded = rpt_project_load_from_file (first, &error);
  ck_assert_msg (reloaded != NULL, "%s", error ? error->message : "");
  ck_assert (rpt_project_save_to_file (reloaded, second, NULL));
  three = rpt_test_read_file (second, &len3);
  ck_assert_uint_eq (len1, len3);
  ck_assert (memcmp (one, three, len1) == 0);
}
END_TEST

/* A project made through the API, with text that needs escaping, survives
 * a trip through the file unchanged. */
START_TEST (test_api_project_round_trip)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(RptProject) reloaded = NULL;
  g_autoptr(RptDocument) doc =
    rpt_document_new ("brief", "Brief \\ \"quoted\"", "brief.txt",
                      "Line one\ttabbed\r\nA bell \x07 and a form feed \x0c.\u2028Next \U0001F600 end\\");
  g_autofree char *first = NULL, *second = NULL;
  RptAnnotation *a;

  rpt_project_set_author (project, "Zoë \"Z\" Ng");
  ck_assert (rpt_project_add_document (project, doc, NULL));
  ck_assert (rpt_project_add_speaker (project, "Ambassador Ørsted", NULL));
  ck_assert (rpt_project_add_label (project, "Hedge \\ / \"x\"", "#ABCDEF", 0, NULL));
  a = rpt_project_add_annotation (project, "brief", 5, 15, "claim", "ambassador-ørsted", NULL);
  ck_assert_ptr_nonnull (a);
  rpt_project_set_annotation_note (project, rpt_annotation_get_id (a), "tab\there\nnew line \x01 ctrl \"q\" \\ back");
  ck_assert (rpt_project_add_annotation (project, "brief", 0, 4, "hedge-x", NULL, NULL));
  ck_assert (rpt_project_add_relation (project, RPT_RELATION_SUPPORTS, "a2", "a1", NULL));

  first = to_string (project);
  reloaded = load_ok (first, -1);
  second = to_string (reloaded);
  ck_assert_str_eq (first, second);
  ck_assert_str_eq (rpt_annotation_get_note (rpt_project_get_annotation (reloaded, "a1")),
                    "tab\there\nnew line \x01 ctrl \"q\" \\ back");
  ck_assert_str_eq (rpt_document_get_text (rpt_project_get_document (reloaded, "brief")),
                    rpt_document_get_text (doc));
  ck_assert_str_eq (rpt_annotation_get_author (rpt_project_get_annotation (reloaded, "a1")), "Zoë \"Z\" Ng");
  /* Control characters are escaped, so every line of the file is one item. */
  ck_assert_ptr_null (strchr (first, '\t'));
  ck_assert_ptr_null (strchr (first, '\r'));
  ck_assert_ptr_nonnull (strstr (first, "\\u0001"));
}
END_TEST

/* Optional members may be absent or null; unknown members are ignored;
 * members in any order; annotations in any order. The writer then gives
 * the canonical form. */
START_TEST (test_optional_and_unknown_members)
{
  static const char input[] =
    "{\"version\": 1, \"format\": \"repartee-project\", \"comment\": \"made by hand\",\n"
    " \"relations\": [],\n"
    " \"annotations\": [\n"
    "  {\"end\": 9, \"start\": 5, \"id\": \"x2\", \"document\": \"n\", \"label\": \"l\", \"speaker\": null,"
    " \"note\": null, \"author\": null, \"created\": null, \"modified\": null, \"extra\": [1, 2]},\n"
    "  {\"id\": \"x1\", \"document\": \"n\", \"start\": 0, \"end\": 4, \"label\": \"l\", \"speaker\": \"\"}\n"
    " ],\n"
    " \"documents\": [{\"id\": \"n\", \"title\": \"\", \"source\": \"\", \"text\": \"Calm seas.\",\n"
    "   \"sha256\": \"%s\"}],\n"
    " \"speakers\": [],\n"
    " \"labels\": [{\"id\": \"l\", \"name\": \"Lone\", \"color\": \"#A0B1C2\"}]}";
  static const char expected[] =
    "{\n"
    "  \"format\": \"repartee-project\",\n"
    "  \"version\": 1,\n"
    "  \"labels\": [\n"
    "    {\"id\": \"l\", \"name\": \"Lone\", \"color\": \"#a0b1c2\", \"shortcut\": 0, \"description\": \"\"}\n"
    "  ],\n"
    "  \"speakers\": [],\n"
    "  \"documents\": [\n"
    "    {\"id\": \"n\", \"title\": \"\", \"source\": \"\", \"sha256\": \"%s\",\n"
    "     \"text\": \"Calm seas.\"}\n"
    "  ],\n"
    "  \"annotations\": [\n"
    "    {\"id\": \"x1\", \"document\": \"n\", \"start\": 0, \"end\": 4, \"label\": \"l\", \"note\": \"\", \"author\": \"\", "
    "\"quote\": \"Calm\", \"prefix\": \"\", \"suffix\": \" seas.\"},\n"
    "    {\"id\": \"x2\", \"document\": \"n\", \"start\": 5, \"end\": 9, \"label\": \"l\", \"note\": \"\", \"author\": \"\", "
    "\"quote\": \"seas\", \"prefix\": \"Calm \", \"suffix\": \".\"}\n"
    "  ],\n"
    "  \"relations\": []\n"
    "}\n";
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "Calm seas.", -1);
  g_autofree char *upper = g_ascii_strup (sha, -1);
  g_autofree char *file = g_strdup_printf (input, upper);
  g_autofree char *canonical = g_strdup_printf (expected, sha);
  g_autoptr(RptProject) project = load_ok (file, -1);
  g_autofree char *written = to_string (project);
  RptAnnotation *x2 = rpt_project_get_annotation (project, "x2");

  ck_assert_str_eq (written, canonical);
  ck_assert_ptr_null (rpt_annotation_get_speaker (x2));
  ck_assert_int_eq (rpt_annotation_get_created (x2), -1);
  ck_assert_str_eq (rpt_annotation_get_note (x2), "");
}
END_TEST

START_TEST (test_times)
{
  g_autoptr(GString) file = g_string_new (BASE);
  g_autoptr(RptProject) project = NULL;
  g_autofree char *written = NULL;

  /* A time without a zone is UTC wherever the file is opened. */
  g_setenv ("TZ", "Pacific/Kiritimati", TRUE);
  g_string_replace (file, "\"created\": \"2026-11-22T10:00:00Z\"", "\"created\": \"2026-11-22T12:30:00+02:30\"", 1);
  g_string_replace (file, "\"modified\": \"2026-11-22T10:00:00Z\"", "\"modified\": \"2026-11-22T10:00:00\"", 1);
  g_string_replace (file, "\"created\": \"2026-11-22T10:01:00Z\"", "\"created\": \"1969-07-20T20:17:40Z\"", 1);
  g_string_replace (file, "\"modified\": \"2026-11-22T10:05:30Z\"", "\"modified\": \"0005-03-01T00:00:00.75Z\"", 1);
  project = load_ok (file->str, -1);
  written = to_string (project);
  ck_assert_int_eq (rpt_annotation_get_created (rpt_project_get_annotation (project, "a2")),
                    (gint64) -14182940 * G_USEC_PER_SEC);
  g_string_assign (file, BASE);
  g_string_replace (file, "\"created\": \"2026-11-22T10:01:00Z\"", "\"created\": \"1969-07-20T20:17:40Z\"", 1);
  g_string_replace (file, "\"modified\": \"2026-11-22T10:05:30Z\"", "\"modified\": \"0005-03-01T00:00:00Z\"", 1);
  ck_assert_str_eq (written, file->str);
}
END_TEST

START_TEST (test_ids_continue_after_load)
{
  g_autoptr(RptProject) project = load_ok (BASE, -1);
  RptAnnotation *a = rpt_project_add_annotation (project, "d1", 0, 4, "joke", NULL, NULL);
  RptRelation *r = rpt_project_add_relation (project, RPT_RELATION_SUPPORTS, "a4", "a3", NULL);
  RptLabel *label = rpt_project_add_label (project, "Joke 2", "#000000", 0, NULL);

  ck_assert_str_eq (rpt_annotation_get_id (a), "a5");
  ck_assert_str_eq (rpt_relation_get_id (r), "r6");
  ck_assert_str_eq (rpt_label_get_id (label), "joke-2");
}
END_TEST

/* ---- Refusals, one per kind of bad input ---- */

typedef struct
{
  const char *from, *to, *expected;
} Case;

static const Case cases[] = {
  /* format and version */
  { "\"format\": \"repartee-project\"", "\"format\": \"brat-annotations\"",
    "format: “brat-annotations” is not “repartee-project”: this is not a Repartee project" },
  { "  \"format\": \"repartee-project\",\n", "", "the member “format” is missing" },
  { "\"format\": \"repartee-project\"", "\"format\": 1", "format: must be a string, not a whole number" },
  { "\"version\": 1,", "\"version\": 2,",
    "version: this file is version 2, newer than this Repartee reads (version 1): open it with a newer Repartee" },
  { "\"version\": 1,", "\"version\": 0,", "version: 0 is not a version; versions start at 1" },
  { "\"version\": 1,", "\"version\": \"1\",", "version: must be a whole number, not a string" },
  { "\"version\": 1,", "\"version\": 1.5,",
    "version: must be a whole number, not a number with a fraction or an exponent" },
  { "  \"version\": 1,\n", "", "the member “version” is missing" },
  /* missing and mistyped members */
  { "\"labels\": [", "\"labelz\": [", "the member “labels” is missing" },
  { "\"speakers\": [\n    {\"id\": \"hale\", \"name\": \"Hale\"},\n    {\"id\": \"brook\", \"name\": \"Brook\"}\n  ],",
    "\"speakers\": {},", "speakers: must be an array, not an object" },
  { "{\"id\": \"hale\", \"name\": \"Hale\"}", "\"hale\"", "speakers[0]: must be an object, not a string" },
  { "\"start\": 11, \"end\": 31, ", "\"start\": 11, ", "annotations[0]: the member “end” is missing" },
  { "\"title\": \"Coffee\", ", "", "documents[1]: the member “title” is missing" },
  { ", \"sha256\": \"61d3a50b4f90d1908f951ec707bfda4fe9df0d032155d8b232d8feec94505488\"", "",
    "documents[0]: the member “sha256” is missing" },
  { "\"start\": 11,", "\"start\": \"11\",", "annotations[0].start: must be a whole number, not a string" },
  { "\"start\": 11,", "\"start\": 11.0,",
    "annotations[0].start: must be a whole number, not a number with a fraction or an exponent" },
  { "\"label\": \"claim\"", "\"label\": [\"claim\"]", "annotations[0].label: must be a string, not an array" },
  { "\"speaker\": \"hale\"", "\"speaker\": true", "annotations[0].speaker: must be a string, not true or false" },
  { "\"text\": \"Brook joked that the talks ran on coffee alone.\\r\\nHale smiled.\"", "\"text\": null",
    "documents[1].text: must be a string, not null" },
  { "\"sha256\": \"61d3a50b4f90d1908f951ec707bfda4fe9df0d032155d8b232d8feec94505488\"", "\"sha256\": false",
    "documents[0].sha256: must be a string, not true or false" },
  { "\"shortcut\": 3", "\"shortcut\": \"3\"", "labels[2].shortcut: must be a whole number, not a string" },
  { "\"modified\": \"2026-11-22T10:00:00Z\"", "\"modified\": 1795341600",
    "annotations[0].modified: must be a string, not a whole number" },
  /* ids */
  { "{\"id\": \"joke\"", "{\"id\": \"claim\"", "labels[2].id: “claim” is already the id of labels[0]" },
  { "{\"id\": \"brook\", \"name\": \"Brook\"}", "{\"id\": \"hale\", \"name\": \"Brook\"}",
    "speakers[1].id: “hale” is already the id of speakers[0]" },
  { "{\"id\": \"d2\"", "{\"id\": \"d1\"", "documents[1].id: “d1” is already the id of documents[0]" },
  { "{\"id\": \"a3\"", "{\"id\": \"a1\"", "annotations[2].id: “a1” is already the id of annotations[0]" },
  { "{\"id\": \"r2\"", "{\"id\": \"r1\"", "relations[1].id: “r1” is already the id of relations[0]" },
  { "{\"id\": \"hale\"", "{\"id\": \"\"", "speakers[0].id: must not be empty" },
  { "{\"id\": \"a1\"", "{\"id\": \"a\\u0001\"", "annotations[0].id: contains a control character" },
  { "{\"id\": \"a1\"", "{\"id\": 1", "annotations[0].id: must be a string, not a whole number" },
  /* labels and speakers */
  { "\"name\": \"Joke\"", "\"name\": \"CLAIM\"", "labels[2].name: “CLAIM” is already the name of labels[0]" },
  { "\"name\": \"Joke\"", "\"name\": \"\"", "labels[2].name: must not be empty" },
  { "\"name\": \"Brook\"", "\"name\": \"hale\"", "speakers[1].name: “hale” is already the name of speakers[0]" },
  { "\"shortcut\": 3", "\"shortcut\": 1", "labels[2].shortcut: 1 is already the shortcut of labels[0]" },
  { "\"shortcut\": 3", "\"shortcut\": 10", "labels[2].shortcut: 10 is too large (the largest allowed is 9)" },
  { "\"shortcut\": 3", "\"shortcut\": -3", "labels[2].shortcut: -3 is negative" },
  { "\"#f5c211\"", "\"yellow\"", "labels[2].color: “yellow” is not a colour of the form #rrggbb" },
  { "\"#f5c211\"", "\"#f5c21\"", "labels[2].color: “#f5c21” is not a colour of the form #rrggbb" },
  /* references */
  { "\"document\": \"d2\"", "\"document\": \"d9\"", "annotations[2].document: “d9” is not the id of any document" },
  { "\"label\": \"joke\"", "\"label\": \"boast\"", "annotations[2].label: “boast” is not the id of any label" },
  { "\"speaker\": \"brook\", \"note\": \"\"", "\"speaker\": \"nobody\", \"note\": \"\"",
    "annotations[2].speaker: “nobody” is not the id of any speaker" },
  { "\"from\": \"a2\"", "\"from\": \"a9\"", "relations[0].from: “a9” is not the id of any annotation" },
  { "\"to\": \"a1\"}", "\"to\": \"a7\"}", "relations[0].to: “a7” is not the id of any annotation" },
  /* offsets */
  { "\"start\": 11,", "\"start\": -4,", "annotations[0].start: -4 is negative" },
  { "\"end\": 31,", "\"end\": -1,", "annotations[0].end: -1 is negative" },
  { "\"start\": 11,", "\"start\": 40,", "annotations[0].end: 31 is not after the start (40)" },
  { "\"start\": 11,", "\"start\": 31,", "annotations[0].end: 31 is not after the start (31)" },
  { "\"end\": 61", "\"end\": 812", "annotations[3].end: 812 is past the end of document “d2” (61 characters)" },
  { "\"start\": 49, \"end\": 61", "\"start\": 700, \"end\": 701",
    "annotations[3].end: 701 is past the end of document “d2” (61 characters)" },
  { "\"start\": 11,", "\"start\": 5000000000,",
    "annotations[0].start: 5000000000 is too large (the largest allowed is 4294967295)" },
  /* text */
  { "the ceasefire holds", "the cease-fire holds",
    "documents[0].sha256: does not match the text, which hashes to "
    "34f245b1d703a13d1a03b2fa860b71a7eef3ff139f8223115f43ab8662706c77: the text of “d1” was changed outside "
    "Repartee. To place its annotations again by their quotes, re-anchor the project (repartee-tool reanchor)" },
  { "Said \\\"", "Said \\u0000",
    "line 22, column 115: a string contains \\u0000 (a NUL character), which Repartee cannot keep" },
  { "Ceasefire\"", "Cease\xff" "fire\"", "line 15, column 33: the file is not valid UTF-8" },
  { "Ceasefire\"", "Cease\xed\xa0\x80" "fire\"", "line 15, column 33: the file is not valid UTF-8" },
  /* relations */
  { "\"type\": \"rebuts\"", "\"type\": \"refutes\"",
    "relations[0].type: “refutes” is not one of “rebuts”, “responds-to”, “supports”" },
  { "\"from\": \"a2\", \"to\": \"a1\"", "\"from\": \"a1\", \"to\": \"a1\"",
    "relations[0].to: links the annotation “a1” to itself" },
  { "{\"id\": \"r2\", \"type\": \"responds-to\", \"from\": \"a3\", \"to\": \"a1\"}",
    "{\"id\": \"r2\", \"type\": \"rebuts\", \"from\": \"a2\", \"to\": \"a1\"}",
    "relations[1]: repeats relations[0] (the same type, from and to)" },
  /* annotations */
  { "\"start\": 49, \"end\": 61, \"label\": \"diplomatic-signal\"", "\"start\": 17, \"end\": 46, \"label\": \"joke\"",
    "annotations[3]: tags the same span of document “d2” with the same label as annotations[2]" },
  { "\"created\": \"2026-11-22T10:00:00Z\"", "\"created\": \"yesterday\"",
    "annotations[0].created: “yesterday” is not a date and time such as 2026-11-22T10:00:00Z" },
  { "\"created\": \"2026-11-22T10:00:00Z\"", "\"created\": \"2026-13-40T10:00:00Z\"",
    "annotations[0].created: “2026-13-40T10:00:00Z” is not a date and time such as 2026-11-22T10:00:00Z" },
  /* sizes */
  { "\"start\": 11,", "\"start\": 123456789012345678901234567890,",
    "line 21, column 45: the number 123456789012345678901234… is out of range" },
  { "\"version\": 1,", "\"version\": 99999999999999999999,",
    "line 3, column 14: the number 99999999999999999999 is out of range" },
  { "\"start\": 11,", "\"start\": -9223372036854775809,",
    "line 21, column 45: the number -9223372036854775809 is out of range" },
  /* syntax */
  { "\"version\": 1,", "\"version\": 1", "^line 3, column 14: not valid JSON: " },
  { "  ]\n}\n", "  ]\n}\n}\n", "line 31, column 1: more data after the end of the project" },
  { "  ]\n}\n", "  ]\n}\n{}\n", "line 31, column 1: more data after the end of the project" },
  { "{\n  \"format\"", "var project = {\n  \"format\"", "not valid JSON: the file is a JavaScript assignment" },
  { "\"relations\": [", "\"relations\": [,", "^line 26, column " },
};

START_TEST (test_refusal)
{
  const Case *c = &cases[_i];
  g_autofree char *data = edited (c->from, c->to);

  assert_refused (data, strlen (data), c->expected);
}
END_TEST

START_TEST (test_refuse_empty)
{
  assert_refused ("", 0, "the file is empty");
  assert_refused (" \n\t\r\n", 5, "the file is empty");
  assert_refused ("\xef\xbb\xbf", 3, "the file is empty");
}
END_TEST

START_TEST (test_refuse_not_json)
{
  static const char text[] = "Dear editor,\nthis is a letter, not a project.\n";
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

  assert_refused (text, strlen (text), "^line 1, column ");
  assert_refused (text, strlen (text), "^line 1, column 4: not valid JSON: unexpected identifier");
  assert_refused (png, sizeof png - 1, "line 1, column 1: the file is not valid UTF-8");
  assert_refused ("[]", 2, "the top level is an array, not an object: this is not a Repartee project");
  assert_refused ("\"repartee-project\"", 18,
                  "the top level is a string, not an object: this is not a Repartee project");
  assert_refused ("{}", 2, "the member “format” is missing");
}
END_TEST

START_TEST (test_refuse_nul_byte)
{
  g_autofree char *data = g_strdup (BASE);

  data[strstr (data, "\"Hale\"") - data + 3] = '\0';
  assert_refused (data, strlen (BASE), "line 11, column 31: the file contains a NUL byte: it is not a project file");
}
END_TEST

START_TEST (test_refuse_truncated)
{
  const char *in_text = strstr (BASE, "Hale said “the cease") + strlen ("Hale said “the cease");
  const char *after_labels = strstr (BASE, "  \"labels\": [\n") + strlen ("  \"labels\": [\n");

  assert_refused (BASE, in_text - BASE,
                  "line 16, column 35: not valid JSON: the file ends in the middle; it may have been cut short");
  assert_refused (BASE, after_labels - BASE,
                  "line 5, column 1: not valid JSON: the file ends in the middle; it may have been cut short");
  assert_refused (BASE, strlen (BASE) - 3,
                  "line 29, column 4: not valid JSON: the file ends in the middle; it may have been cut short");
  assert_refused (BASE, 1, "line 1, column 2: not valid JSON: the file ends in the middle; it may have been cut short");
}
END_TEST

START_TEST (test_refuse_deep_nesting)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *data = NULL;

  /* The top-level object is level 1: the 32nd '[' opens level 33. */
  g_string_append (s, "{\n  \"extra\": ");
  for (guint i = 0; i < 5000; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < 5000; i++)
    g_string_append_c (s, ']');
  g_string_append (s, ",\n");
  data = edited ("{\n", s->str);
  assert_refused (data, strlen (data), "line 2, column 43: nested more than 32 levels deep");
}
END_TEST

START_TEST (test_brackets_in_strings_do_not_count)
{
  g_autofree char *deep = g_strnfill (200, '[');
  g_autofree char *note = g_strdup_printf ("\"note\": \"%s{{{{\\\"\"", deep);
  g_autofree char *data = edited ("\"note\": \"\"", note);
  g_autoptr(RptProject) project = load_ok (data, -1);

  ck_assert (g_str_has_suffix (rpt_annotation_get_note (rpt_project_get_annotation (project, "a1")), "[{{{{\""));
}
END_TEST

START_TEST (test_refuse_long_id)
{
  g_autofree char *long_id = g_strnfill (RPT_MAX_ID_BYTES + 44, 'x');
  g_autofree char *to = g_strdup_printf ("{\"id\": \"%s\"", long_id);
  g_autofree char *data = edited ("{\"id\": \"claim\"", to);
  g_autofree char *ok_id = g_strnfill (RPT_MAX_ID_BYTES, 'y');
  g_autofree char *ok_to = g_strdup_printf ("{\"id\": \"%s\"", ok_id);
  g_autofree char *ok_data = edited ("{\"id\": \"hale\", \"name\": \"Hale\"}", "{\"id\": \"hale\", \"name\": \"Hale\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) loaded = NULL;

  assert_refused (data, strlen (data), "labels[0].id: is 300 bytes long; the limit for an id is 256");
  g_free (ok_data);
  ok_data = edited ("{\"id\": \"r1\"", ok_to);
  loaded = rpt_project_load_from_data (ok_data, strlen (ok_data), &error);
  ck_assert_msg (loaded != NULL, "%s", error ? error->message : "");
  ck_assert_int_eq (error == NULL, TRUE);
}
END_TEST

START_TEST (test_refuse_too_many_objects)
{
  gsize n = RPT_MAX_OBJECTS + 1;
  gsize len = 2 + 3 * n;
  g_autofree char *data = g_malloc (len);
  g_autofree char *expected = NULL;
  char *p = data;

  /* [{},{},…] on one line: object number MAX + 1 starts at column 2 + 3 * MAX. */
  *p++ = '[';
  for (gsize i = 0; i < n; i++, p += 3)
    memcpy (p, "{},", 3);
  p[-1] = ']';
  expected = g_strdup_printf ("line 1, column %u: the file holds more than %u objects, the limit",
                              2 + 3 * RPT_MAX_OBJECTS, RPT_MAX_OBJECTS);
  assert_refused (data, p - data, expected);
}
END_TEST

START_TEST (test_refuse_huge_file)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: the file is %" G_GSIZE_FORMAT " bytes; the limit is %" G_GSIZE_FORMAT,
                                               path, RPT_MAX_FILE_BYTES + 1, RPT_MAX_FILE_BYTES);
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = NULL;
  int fd = g_open (path, O_WRONLY | O_CREAT, 0644);

  /* Sparse: no disk space is used. */
  ck_assert_int_ge (fd, 0);
  ck_assert_int_eq (ftruncate (fd, RPT_MAX_FILE_BYTES + 1), 0);
  close (fd);
  project = rpt_project_load_from_file (path, &error);
  ck_assert_ptr_null (project);
  ck_assert_int_eq (error->code, RPT_ERROR_TOO_LARGE);
  ck_assert_str_eq (error->message, expected);
}
END_TEST

/* The example in docs/FORMAT.md is a real project in the writer's exact
 * form, and its offsets select what the page says they do. */
START_TEST (test_format_doc_example)
{
  g_autofree char *path = rpt_test_source_path ("docs/FORMAT.md");
  g_autofree char *doc = rpt_test_read_file (path, NULL);
  const char *start = strstr (doc, "```json\n");
  const char *end;
  g_autofree char *example = NULL;
  g_autofree char *written = NULL;
  g_autoptr(RptProject) project = NULL;
  static const struct { const char *id, *text; } rows[] = {
    { "a1", "the border would reopen “within days”" },
    { "a2", "“Days, or decades?”" },
    { "a3", "Days, or decades?" },
  };

  ck_assert_ptr_nonnull (start);
  start += strlen ("```json\n");
  end = strstr (start, "```");
  ck_assert_ptr_nonnull (end);
  example = g_strndup (start, end - start);
  project = load_ok (example, -1);
  written = to_string (project);
  ck_assert_str_eq (written, example);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      RptAnnotation *a = rpt_project_get_annotation (project, rows[i].id);
      g_autofree char *slice = NULL;
      g_autofree char *row = NULL;

      ck_assert_ptr_nonnull (a);
      slice = rpt_document_dup_slice (rpt_project_get_document (project, "border"),
                                      rpt_annotation_get_start (a), rpt_annotation_get_end (a));
      ck_assert_str_eq (slice, rows[i].text);
      /* The page's table gives the same numbers. */
      row = g_strdup_printf ("| `%s` | %u | %u | `%s` |", rows[i].id, rpt_annotation_get_start (a),
                             rpt_annotation_get_end (a), rows[i].text);
      ck_assert_msg (strstr (doc, row) != NULL, "FORMAT.md lacks the row %s", row);
    }
  {
    RptDocument *border = rpt_project_get_document (project, "border");

    ck_assert_uint_eq (rpt_document_get_length (border), 102);
    ck_assert_uint_eq (rpt_document_get_text_bytes (border), 113);
    ck_assert_uint_eq (rpt_document_utf16_offset (border, 102), 103);
    ck_assert_ptr_nonnull (strstr (doc, "The text is 102 code points long: 113 bytes in UTF-8, 103 UTF-16 code units"));
  }
}
END_TEST

/* ---- Files, and what a refusal leaves alone ---- */

START_TEST (test_refused_load_leaves_open_project)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *good = g_build_filename (dir, "good.json", NULL);
  g_autofree char *bad_data = edited ("\"end\": 61", "\"end\": 812");
  g_autofree char *bad = rpt_test_write_file (dir, "bad.json", bad_data, -1);
  g_autofree char *expected = g_strdup_printf ("%s: annotations[3].end: 812 is past the end of document “d2” (61 characters)", bad);
  g_autoptr(RptProject) open_project = load_ok (BASE, -1);
  g_autoptr(RptProject) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL, *on_disk = NULL, *bad_after = NULL;

  ck_assert (rpt_project_save_to_file (open_project, good, NULL));
  ck_assert (rpt_project_add_annotation (open_project, "d2", 0, 5, "claim", "brook", NULL));
  before = to_string (open_project);

  refused = rpt_project_load_from_file (bad, &error);
  ck_assert_ptr_null (refused);
  ck_assert_str_eq (error->message, expected);

  after = to_string (open_project);
  ck_assert_str_eq (before, after);
  ck_assert (rpt_project_get_dirty (open_project));
  ck_assert_str_eq (rpt_project_get_undo_description (open_project), "Tag Claim");
  on_disk = rpt_test_read_file (good, NULL);
  ck_assert_str_eq (on_disk, BASE);
  bad_after = rpt_test_read_file (bad, NULL);
  ck_assert_str_eq (bad_after, bad_data);
}
END_TEST

START_TEST (test_file_errors)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *expected_missing = g_strdup_printf ("%s: cannot read: No such file or directory", missing);
  g_autofree char *expected_folder = g_strdup_printf ("%s: is a folder, not a file", dir);
  g_autofree char *with_bom = g_strconcat ("\xef\xbb\xbf", BASE, NULL);
  g_autofree char *bom_path = rpt_test_write_file (dir, "bom.json", with_bom, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = NULL;

  ck_assert_ptr_null (rpt_project_load_from_file (missing, &error));
  ck_assert_str_eq (error->message, expected_missing);
  g_clear_error (&error);
  ck_assert_ptr_null (rpt_project_load_from_file (dir, &error));
  ck_assert_str_eq (error->message, expected_folder);
  g_clear_error (&error);

  /* A byte order mark in front is tolerated; it is not written back. */
  project = rpt_project_load_from_file (bom_path, &error);
  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  {
    g_autofree char *written = to_string (project);
    ck_assert_str_eq (written, BASE);
  }
}
END_TEST

static Suite *
project_file_suite (void)
{
  Suite *s = suite_create ("project-file");
  TCase *tc;

  tc = tcase_create ("round-trip");
  tcase_add_test (tc, test_base_round_trip);
  tcase_add_test (tc, test_save_twice_identical);
  tcase_add_test (tc, test_api_project_round_trip);
  tcase_add_test (tc, test_optional_and_unknown_members);
  tcase_add_test (tc, test_times);
  tcase_add_test (tc, test_ids_continue_after_load);
  tcase_add_test (tc, test_format_doc_example);
  suite_add_tcase (s, tc);

  tc = tcase_create ("refusals");
  tcase_add_loop_test (tc, test_refusal, 0, G_N_ELEMENTS (cases));
  tcase_add_test (tc, test_refuse_empty);
  tcase_add_test (tc, test_refuse_not_json);
  tcase_add_test (tc, test_refuse_nul_byte);
  tcase_add_test (tc, test_refuse_truncated);
  tcase_add_test (tc, test_refuse_deep_nesting);
  tcase_add_test (tc, test_brackets_in_strings_do_not_count);
  tcase_add_test (tc, test_refuse_long_id);
  tcase_add_test (tc, test_refuse_too_many_objects);
  tcase_add_test (tc, test_refuse_huge_file);
  suite_add_tcase (s, tc);

  tc = tcase_create ("files");
  tcase_add_test (tc, test_refused_load_leaves_open_project);
  tcase_add_test (tc, test_file_errors);
  suite_add_tcase (s, tc);

  return s;
}

RPT_TEST_MAIN (project_file_suite)
