/* test-strict-input.c: nothing is silently changed on the way in. U+0000
 * in any imported string, what JSON does not have and json-glib 1.6 reads
 * anyway (050 as octal, 0x32 as hex, "\0" as a NUL that ends the string,
 * "\x41" as "x41", single quotes, comments), more data after a JSON value,
 * a leap second: each is refused with its place and reason by every reader
 * that could meet it. And whatever a reader accepts, the writer
 * writes back loadably: times are the case that was not.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>

#include "rpt-core.h"
#include "rpt-export.h"
#include "rpt-import-dataset.h"
#include "rpt-project-io.h"
#include "rpt-test-project.h"
#include "rpt-test-util.h"

#define TEXT "The mayor said yes. The critic said no."

/* A project file whose one annotation has @member_and_value (e.g.
 * "\"created\": \"…\"") and whose label has @label_extra. */
static char *
project_with (const char *annotation_extra,
              const char *label_extra)
{
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, TEXT, -1);

  return g_strdup_printf (
    "{\n"
    "  \"format\": \"repartee-project\",\n"
    "  \"version\": 1,\n"
    "  \"labels\": [\n"
    "    {\"id\": \"claim\", \"name\": \"Claim\", \"color\": \"#3584e4\"%s}\n"
    "  ],\n"
    "  \"speakers\": [],\n"
    "  \"documents\": [\n"
    "    {\"id\": \"d\", \"title\": \"Mayor\", \"source\": \"d.txt\", \"sha256\": \"%s\", \"text\": \"" TEXT "\"}\n"
    "  ],\n"
    "  \"annotations\": [\n"
    "    {\"id\": \"a1\", \"document\": \"d\", \"start\": 4, \"end\": 9, \"label\": \"claim\"%s}\n"
    "  ],\n"
    "  \"relations\": []\n"
    "}\n",
    label_extra, sha, annotation_extra);
}

/* ---- U+0000 ---- */

typedef struct
{
  RptImportFormat  format;
  const char      *names[3];
  const char      *data[3];
  gssize           lens[3];   /* 0: a string */
  const char      *expected;
} NulCase;

static const NulCase nul_cases[] = {
  /* JSON Lines: the text, the title, a label, a speaker, a note, an id. */
  { RPT_IMPORT_JSONL, { "t.jsonl" }, { "{\"text\": \"The mayor\\u0000 said yes.\"}\n" }, { 0 },
    "t.jsonl: line 1, column 20: a string contains \\u0000 (a NUL character), which Repartee cannot keep" },
  { RPT_IMPORT_JSONL, { "t.jsonl" }, { "{\"text\": \"" TEXT "\"}\n{\"title\": \"Ma\\u0000yor\", \"text\": \"" TEXT "\"}\n" }, { 0 },
    "t.jsonl: line 2, column 14: a string contains \\u0000" },
  { RPT_IMPORT_JSONL, { "t.jsonl" }, { "{\"text\": \"" TEXT "\", \"label\": [[4, 9, \"Cl\\u0000aim\"]]}\n" }, { 0 },
    "t.jsonl: line 1, column 73: a string contains \\u0000" },
  { RPT_IMPORT_JSONL, { "t.jsonl" },
    { "{\"text\": \"" TEXT "\", \"entities\": [{\"start_offset\": 4, \"end_offset\": 9, \"label\": \"Claim\", "
      "\"speaker\": \"Ma\\u0000yor\", \"note\": \"n\"}]}\n" }, { 0 },
    "t.jsonl: line 1, column 135: a string contains \\u0000" },
  { RPT_IMPORT_JSONL, { "t.jsonl" },
    { "{\"text\": \"" TEXT "\", \"entities\": [{\"start_offset\": 4, \"end_offset\": 9, \"label\": \"Claim\", "
      "\"note\": \"first\\u0000second\"}]}\n" }, { 0 },
    "t.jsonl: line 1, column 135: a string contains \\u0000" },
  { RPT_IMPORT_JSONL, { "t.jsonl" }, { "{\"id\": \"d\\u0000\", \"text\": \"" TEXT "\"}\n" }, { 0 },
    "t.jsonl: line 1, column 10: a string contains \\u0000" },
  /* Label Studio: a task's text, title, label and note. */
  { RPT_IMPORT_LABEL_STUDIO, { "tasks.json" }, { "[{\"data\": {\"text\": \"The\\u0000 mayor\"}}]" }, { 0 },
    "tasks.json: line 1, column 24: a string contains \\u0000" },
  { RPT_IMPORT_LABEL_STUDIO, { "tasks.json" },
    { "[\n{\"data\": {\"text\": \"" TEXT "\", \"title\": \"Mayor\\u0000\"}}\n]" }, { 0 },
    "tasks.json: line 2, column 77: a string contains \\u0000" },
  { RPT_IMPORT_LABEL_STUDIO, { "tasks.json" },
    { "[{\"data\": {\"text\": \"" TEXT "\"}, \"annotations\": [{\"result\": [{\"id\": \"r\", \"type\": \"labels\", "
      "\"value\": {\"start\": 4, \"end\": 9, \"labels\": [\"Claim\\u0000\"]}}]}]}]" }, { 0 },
    "tasks.json: line 1, column 171: a string contains \\u0000" },
  /* brat: a note escaped as \u0000, and a NUL byte in an .ann file. */
  { RPT_IMPORT_BRAT, { "d.txt", "d.ann" },
    { TEXT, "T1\tClaim 4 9\tmayor\n#1\tAnnotatorNotes T1\tfirst\\u0000second\n" }, { 0, 0 },
    "d.ann: line 2: the note contains \\u0000 (a NUL character), which Repartee cannot keep" },
  { RPT_IMPORT_BRAT, { "d.txt", "d.ann" },
    { TEXT, "T1\tClaim 4 9\tmayor\nT2\tCla\0im 4 9\tmayor\n" }, { 0, 32 },
    "d.ann: line 2: the file contains a NUL byte" },
};

START_TEST (test_nul_refused)
{
  const NulCase *c = &nul_cases[_i];
  RptImportInput inputs[3];
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = NULL;
  guint n = 0;

  for (; n < G_N_ELEMENTS (c->names) && c->names[n]; n++)
    inputs[n] = (RptImportInput) { c->names[n], c->data[n], c->lens[n] ? (gsize) c->lens[n] : strlen (c->data[n]) };
  project = rpt_test_import (c->format, FALSE, inputs, n, NULL, &error);
  ck_assert_msg (project == NULL, "imported: %s", c->expected);
  ck_assert_msg (g_str_has_prefix (error->message, c->expected), "“%s” is not “%s…”", error->message, c->expected);
}
END_TEST

/* A labelling configuration is only read for colours and keys: a NUL byte
 * is a warning, and no label comes out of it cut short. */
START_TEST (test_nul_in_label_studio_config)
{
  static const char config[] = "<View><Labels name=\"label\" toName=\"text\">\n"
                               "<Label value=\"Cla\0im\" background=\"#e01b24\"/></Labels></View>";
  static const char tasks[] = "[{\"data\": {\"text\": \"" TEXT "\"}}]";
  RptImportInput inputs[] = {
    { "tasks.json", tasks, sizeof tasks - 1 },
    { "label_config.xml", config, sizeof config - 1 },
  };
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = rpt_test_import (RPT_IMPORT_LABEL_STUDIO, FALSE, inputs, 2, warnings, &error);
  GListModel *labels;

  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  labels = rpt_project_get_labels (project);
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (labels, i);

      ck_assert_str_ne (rpt_label_get_name (label), "Cla");
    }
  ck_assert_uint_eq (warnings->len, 1);
  ck_assert_str_eq (g_ptr_array_index (warnings, 0),
                    "label_config.xml: line 2: the file contains a NUL byte; "
                    "label colours and keys were not read from it");
}
END_TEST

/* ---- What JSON does not have ---- */

typedef struct
{
  const char *from;     /* in the valid input */
  const char *to;
  const char *expected;
} NumberCase;

/* Each of these was read as a number before: 05 as 5, 0x9 as 9, 01 as 1. */
static const NumberCase project_json[] = {
  { "\"end\": 9", "\"end\": 09", "line 12, column 54: not valid JSON: “09” has a leading zero" },
  { "\"end\": 9", "\"end\": 0x9", "line 12, column 54: not valid JSON: “0x9” is a hexadecimal number" },
  { "\"start\": 4", "\"start\": 04", "line 12, column 44: not valid JSON: “04” has a leading zero" },
  { "\"version\": 1", "\"version\": 01", "line 3, column 14: not valid JSON: “01” has a leading zero" },
  { "\"start\": 4", "\"start\": 4.", "line 12, column 44: not valid JSON: “4.” is not a number" },
  { "\"start\": 4", "\"start\": .4e1", "line 12, column 44: not valid JSON: “.4e1” is not a number" },
  { "\"start\": 4", "\"start\": - 4", "line 12, column 44: not valid JSON: “-” is not a number" },
  /* GScanner's escapes and strings, which JSON does not have: "\0" cut
   * the title at a NUL character, "\x41" was read as "x41". */
  { "\"Mayor\"", "\"Ma\\0yor\"", "line 9, column 29: not valid JSON: “\\0” is not an escape" },
  { "\"Mayor\"", "\"Ma\\x41yor\"", "line 9, column 29: not valid JSON: “\\x” is not an escape" },
  { "\"Mayor\"", "\"Ma\\u004yor\"", "line 9, column 29: not valid JSON: “\\u004y” is not an escape" },
  { "\"Mayor\"", "'Mayor'", "line 9, column 26: not valid JSON: strings are written in double quotes" },
  { "\"start\": 4,", "\"start\": 4 /* \" */,", "line 12, column 46: not valid JSON: JSON has no comments" },
};

START_TEST (test_project_json_refused)
{
  const NumberCase *c = &project_json[_i];
  g_autofree char *good = project_with ("", "");
  g_autoptr(GString) bad = g_string_new (good);
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) ok = rpt_project_load_from_data (good, strlen (good), &error);
  g_autoptr(RptProject) project = NULL;

  ck_assert_msg (ok != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (g_string_replace (bad, c->from, c->to, 1), 1);
  project = rpt_project_load_from_data (bad->str, bad->len, &error);
  ck_assert_msg (project == NULL, "accepted: %s", c->to);
  ck_assert_msg (g_str_has_prefix (error->message, c->expected), "“%s” is not “%s…”", error->message, c->expected);
}
END_TEST

static const struct
{
  RptImportFormat  format;
  const char      *name;
  const char      *data;
  const char      *expected;
} import_json[] = {
  { RPT_IMPORT_JSONL, "t.jsonl", "{\"text\": \"" TEXT "\", \"label\": [[04, 9, \"Claim\"]]}\n",
    "t.jsonl: line 1, column 64: not valid JSON: “04” has a leading zero" },
  { RPT_IMPORT_JSONL, "t.jsonl", "{\"text\": \"" TEXT "\", \"label\": [[4, 0x9, \"Claim\"]]}\n",
    "t.jsonl: line 1, column 67: not valid JSON: “0x9” is a hexadecimal number" },
  { RPT_IMPORT_JSONL, "t.jsonl",
    "{\"text\": \"" TEXT "\"}\n{\"id\": 010, \"text\": \"" TEXT "\"}\n",
    "t.jsonl: line 2, column 8: not valid JSON: “010” has a leading zero" },
  /* json-glib reads the first object of a line and drops the second. */
  { RPT_IMPORT_JSONL, "t.jsonl", "{\"text\": \"" TEXT "\"} {\"text\": \"Another article.\"}\n",
    "t.jsonl: line 1, column 53: more data after the end of the first JSON value" },
  { RPT_IMPORT_LABEL_STUDIO, "tasks.json",
    "[{\"data\": {\"text\": \"" TEXT "\"}, \"annotations\": [{\"result\": [{\"id\": \"r\", \"type\": \"labels\", "
    "\"value\": {\"start\": 04, \"end\": 9, \"labels\": [\"Claim\"]}}]}]}]",
    "tasks.json: line 1, column 141: not valid JSON: “04” has a leading zero" },
  { RPT_IMPORT_LABEL_STUDIO, "tasks.json", "[{\"data\": {\"text\": \"" TEXT "\"}}]\n[{\"data\": {\"text\": \"More.\"}}]",
    "tasks.json: line 2, column 1: more data after the end of the first JSON value" },
  { RPT_IMPORT_JSONL, "t.jsonl", "{\"text\": \"The mayor\\0 said yes.\"}\n",
    "t.jsonl: line 1, column 20: not valid JSON: “\\0” is not an escape" },
  { RPT_IMPORT_JSONL, "t.jsonl", "{\"text\": 'The mayor said yes.'}\n",
    "t.jsonl: line 1, column 10: not valid JSON: strings are written in double quotes" },
  { RPT_IMPORT_LABEL_STUDIO, "tasks.json", "[{\"data\": {\"text\": \"\\x41 mayor\"}}]",
    "tasks.json: line 1, column 21: not valid JSON: “\\x” is not an escape" },
};

START_TEST (test_import_json_refused)
{
  RptImportInput input = { import_json[_i].name, import_json[_i].data, strlen (import_json[_i].data) };
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = rpt_test_import (import_json[_i].format, FALSE, &input, 1, NULL, &error);

  ck_assert_msg (project == NULL, "imported: %s", import_json[_i].data);
  ck_assert_msg (g_str_has_prefix (error->message, import_json[_i].expected), "“%s” is not “%s…”",
                 error->message, import_json[_i].expected);
}
END_TEST

/* What JSON allows still reads, and the same way. */
START_TEST (test_json_numbers_accepted)
{
  g_autofree char *data = project_with ("", ", \"shortcut\": 0");
  g_autoptr(GString) negative_zero = g_string_new (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = NULL;
  RptLabel *label;
  static const char jsonl[] = "{\"text\": \"" TEXT "\", \"label\": [[4, 9, \"Claim\"]], \"x\": [-0, 0.5, 1e-3, -2E+2, 10]}\n";
  RptImportInput input = { "t.jsonl", jsonl, sizeof jsonl - 1 };

  g_string_replace (negative_zero, "\"shortcut\": 0", "\"shortcut\": -0", 1);
  project = rpt_project_load_from_data (negative_zero->str, negative_zero->len, &error);
  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  label = rpt_project_get_label (project, "claim");
  ck_assert_uint_eq (rpt_label_get_shortcut (label), 0);
  g_clear_object (&project);
  project = rpt_test_import (RPT_IMPORT_JSONL, FALSE, &input, 1, NULL, &error);
  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
}
END_TEST

/* ---- Times ---- */

typedef struct
{
  const char *written;
  const char *saved;      /* as the writer writes it back; NULL: refused */
  const char *reason;     /* when refused */
} TimeCase;

static const TimeCase times[] = {
  { "0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z", NULL },
  { "9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z", NULL },
  { "0001-01-01T14:00:00+14:00", "0001-01-01T00:00:00Z", NULL },
  { "9999-12-31T09:59:59-14:00", "9999-12-31T23:59:59Z", NULL },
  { "2016-12-31T23:59:59.75Z", "2016-12-31T23:59:59Z", NULL },
  { "2016-12-31T23:59:59", "2016-12-31T23:59:59Z", NULL },
  { "0001-01-01T00:30:00+14:00", NULL, "is before 0001-01-01T00:00:00Z once in UTC" },
  { "0001-01-01T13:59:59+14:00", NULL, "is before 0001-01-01T00:00:00Z once in UTC" },
  { "9999-12-31T23:30:00-14:00", NULL, "is after 9999-12-31T23:59:59Z once in UTC" },
  { "9999-12-31T10:00:00-14:00", NULL, "is after 9999-12-31T23:59:59Z once in UTC" },
  /* GLib reads a leap second, and 61 to 99, as :59. */
  { "2016-12-31T23:59:60Z", NULL, "is a leap second, which Repartee does not keep" },
  { "2016-12-31T23:59:60.5+01:00", NULL, "is a leap second, which Repartee does not keep" },
  { "20161231T235960Z", NULL, "is a leap second, which Repartee does not keep" },
  { "2016-12-31T23:59:61Z", NULL, "is not a date and time: seconds go up to 59" },
};

/* Whatever the reader accepts is saved so that it loads again, the same. */
START_TEST (test_project_times)
{
  const TimeCase *c = &times[_i];
  g_autofree char *member = g_strdup_printf (", \"created\": \"%s\", \"modified\": \"%s\"", c->written, c->written);
  g_autofree char *data = project_with (member, "");
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = rpt_project_load_from_data (data, strlen (data), &error);
  g_autoptr(RptProject) again = NULL;
  g_autoptr(GBytes) saved = NULL, resaved = NULL;
  g_autofree char *expected = NULL;
  gsize len;
  const char *bytes;

  if (c->saved == NULL)
    {
      g_autofree char *prefix = g_strdup_printf ("annotations[0].created: “%s” %s", c->written, c->reason);

      ck_assert_msg (project == NULL, "accepted %s", c->written);
      ck_assert_msg (g_str_has_prefix (error->message, prefix), "“%s” is not “%s…”", error->message, prefix);
      return;
    }
  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  saved = rpt_project_to_bytes (project);
  bytes = g_bytes_get_data (saved, &len);
  expected = g_strdup_printf ("\"created\": \"%s\", \"modified\": \"%s\"", c->saved, c->saved);
  ck_assert_msg (g_strstr_len (bytes, (gssize) len, expected) != NULL, "%.*s", (int) len, bytes);
  again = rpt_project_load_from_data (bytes, len, &error);
  ck_assert_msg (again != NULL, "saved, then refused: %s", error ? error->message : "");
  resaved = rpt_project_to_bytes (again);
  ck_assert (g_bytes_equal (saved, resaved));
}
END_TEST

/* JSON Lines import reads times as the project file does (no zone is UTC). */
START_TEST (test_jsonl_times)
{
  const TimeCase *c = &times[_i];
  g_autofree char *line = g_strdup_printf ("{\"text\": \"" TEXT "\", \"entities\": [{\"start_offset\": 4, "
                                           "\"end_offset\": 9, \"label\": \"Claim\", \"created\": \"%s\"}]}\n",
                                           c->written);
  RptImportInput input = { "t.jsonl", line, strlen (line) };
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = rpt_test_import (RPT_IMPORT_JSONL, FALSE, &input, 1, NULL, &error);
  g_autoptr(RptProject) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *expected = NULL;
  gsize len;
  const char *bytes;

  if (c->saved == NULL)
    {
      g_autofree char *prefix = g_strdup_printf ("t.jsonl: line 1: entities[0]: “created”: “%s” %s",
                                                 c->written, c->reason);

      ck_assert_msg (project == NULL, "imported %s", c->written);
      ck_assert_msg (g_str_has_prefix (error->message, prefix), "“%s” is not “%s…”", error->message, prefix);
      return;
    }
  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  saved = rpt_project_to_bytes (project);
  bytes = g_bytes_get_data (saved, &len);
  expected = g_strdup_printf ("\"created\": \"%s\", \"modified\": \"%s\"", c->saved, c->saved);
  ck_assert_msg (g_strstr_len (bytes, (gssize) len, expected) != NULL, "%.*s", (int) len, bytes);
  again = rpt_project_load_from_data (bytes, len, &error);
  ck_assert_msg (again != NULL, "imported, saved, then refused: %s", error ? error->message : "");
}
END_TEST

/* Times before 1970 are negative: they are times all the same, through
 * the JSON Lines and W3C exports and back through the JSONL import. */
START_TEST (test_old_times_exported)
{
  static const char when[] = "1969-07-20T20:17:40Z";
  g_autofree char *member = g_strdup_printf (", \"created\": \"%s\", \"modified\": \"%s\"", when, when);
  g_autofree char *data = project_with (member, "");
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *jsonl = g_build_filename (dir, "out.jsonl", NULL);
  g_autofree char *w3c = g_build_filename (dir, "out.json", NULL);
  g_autofree char *expected = g_strdup_printf ("\"created\": \"%s\", \"modified\": \"%s\"", when, when);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = rpt_project_load_from_data (data, strlen (data), &error);
  g_autoptr(RptProject) imported = NULL;
  g_autoptr(GBytes) saved = NULL;
  RptExportOptions options;
  RptImportInput input;

  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  rpt_export_options_init (&options, RPT_EXPORT_JSONL);
  ck_assert_msg (rpt_export (project, &options, jsonl, NULL, NULL, NULL, NULL, &error), "%s", error ? error->message : "");
  contents = rpt_test_read_file (jsonl, NULL);
  ck_assert_msg (strstr (contents, expected) != NULL, "%s", contents);

  input = (RptImportInput) { "out.jsonl", contents, strlen (contents) };
  imported = rpt_test_import (RPT_IMPORT_JSONL, FALSE, &input, 1, NULL, &error);
  ck_assert_msg (imported != NULL, "%s", error ? error->message : "");
  saved = rpt_project_to_bytes (imported);
  ck_assert (g_strstr_len (g_bytes_get_data (saved, NULL), (gssize) g_bytes_get_size (saved), expected) != NULL);

  g_free (contents);
  rpt_export_options_init (&options, RPT_EXPORT_W3C);
  ck_assert_msg (rpt_export (project, &options, w3c, NULL, NULL, NULL, NULL, &error), "%s", error ? error->message : "");
  contents = rpt_test_read_file (w3c, NULL);
  ck_assert_msg (strstr (contents, expected) != NULL, "%s", contents);
}
END_TEST

static Suite *
strict_suite (void)
{
  Suite *s = suite_create ("strict-input");
  TCase *tc = tcase_create ("nul");

  tcase_add_loop_test (tc, test_nul_refused, 0, G_N_ELEMENTS (nul_cases));
  tcase_add_test (tc, test_nul_in_label_studio_config);
  suite_add_tcase (s, tc);

  tc = tcase_create ("json");
  tcase_add_loop_test (tc, test_project_json_refused, 0, G_N_ELEMENTS (project_json));
  tcase_add_loop_test (tc, test_import_json_refused, 0, G_N_ELEMENTS (import_json));
  tcase_add_test (tc, test_json_numbers_accepted);
  suite_add_tcase (s, tc);

  tc = tcase_create ("times");
  tcase_add_loop_test (tc, test_project_times, 0, G_N_ELEMENTS (times));
  tcase_add_loop_test (tc, test_jsonl_times, 0, G_N_ELEMENTS (times));
  tcase_add_test (tc, test_old_times_exported);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (strict_suite)
