/* test-tool-export.c: repartee-tool export and import: exit codes, what
 * lands on disk, and (when python3 is installed) every exported file read
 * back by Python's own json, csv and XML readers (tests/check-export.py).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <glib/gstdio.h>
#include <sys/wait.h>

#include "export-fixture.h"
#include "rpt-export.h"
#include "rpt-test-util.h"

static char *tmp;
static char *project_path;

static void
setup (void)
{
  project_path = fixture_save_in_tmp (&tmp);
}

static void
teardown (void)
{
  g_clear_pointer (&tmp, g_free);
  g_clear_pointer (&project_path, g_free);
}

static int
run (const char * const *argv,
     char              **out,
     char              **err)
{
  g_autofree char *o = NULL, *e = NULL;
  int status = rpt_test_run_tool (argv, &o, &e);

  if (out)
    *out = g_steal_pointer (&o);
  if (err)
    *err = g_steal_pointer (&e);
  return status;
}

/* Runs the Python reference check when python3 is there. */
static void
python_check (const char *format,
              const char *path,
              const char *unit)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *script = rpt_test_source_path ("tests/check-export.py");
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { python, script, format, path, project_path, unit, NULL };
  int status = 0;

  if (python == NULL)
    return;
  ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                           &status, &error));
  ck_assert_msg (WIFEXITED (status) && WEXITSTATUS (status) == 0, "%s", err);
}

START_TEST (test_export_each_format)
{
  const char *format = rpt_export_format_to_string (_i);
  g_autofree char *dest = g_build_filename (tmp, format, NULL);
  g_autofree char *out = NULL, *err = NULL;
  const char *argv[] = { "export", "--format", format, project_path, "-o", dest, NULL };

  ck_assert_int_eq (run (argv, &out, &err), 0);
  ck_assert_msg (strstr (out, "Exported 9 annotations from 2 articles") != NULL, "%s", out);
  ck_assert_msg (strstr (err, "warning:") != NULL, "%s", err);
  ck_assert (g_file_test (dest, rpt_export_format_writes_folder (_i) ? G_FILE_TEST_IS_DIR : G_FILE_TEST_IS_REGULAR));
  python_check (format, dest, "codepoints");
}
END_TEST

START_TEST (test_export_units)
{
  const char *formats[] = { "jsonl", "csv", "label-studio" };
  const char *units[] = { "utf16", "bytes" };

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    for (guint u = 0; u < G_N_ELEMENTS (units); u++)
      {
        g_autofree char *name = g_strdup_printf ("%s-%s", formats[f], units[u]);
        g_autofree char *dest = g_build_filename (tmp, name, NULL);
        const char *argv[] = { "export", "-q", "--format", formats[f], "--offsets", units[u],
                               project_path, "-o", dest, NULL };
        g_autofree char *err = NULL;

        ck_assert_int_eq (run (argv, NULL, &err), 0);
        ck_assert_str_eq (err, "");   /* --quiet */
        python_check (formats[f], dest, units[u]);
      }
}
END_TEST

START_TEST (test_export_layers_and_selection)
{
  g_autofree char *conll = g_build_filename (tmp, "layers.conll", NULL);
  g_autofree char *csv = g_build_filename (tmp, "some.csv", NULL);
  g_autofree char *out = NULL, *data = NULL;
  const char *layers[] = { "export", "--format", "conll", "--layers", project_path, "-o", conll, NULL };
  const char *some[] = { "export", "--format", "csv", "--documents", "day-2", "--labels", "joke,rebuttal",
                         project_path, "-o", csv, NULL };

  ck_assert_int_eq (run (layers, NULL, NULL), 0);
  data = rpt_test_read_file (conll, NULL);
  ck_assert (g_str_has_prefix (data, "-DOCSTART- O O O O O O\n"));
  python_check ("conll", conll, "codepoints");

  ck_assert_int_eq (run (some, &out, NULL), 0);
  ck_assert_msg (strstr (out, "Exported 2 annotations from 1 article") != NULL, "%s", out);
}
END_TEST

START_TEST (test_export_usage_errors)
{
  g_autofree char *dest = g_build_filename (tmp, "x", NULL);
  const char *cases[][9] = {
    { "export", project_path, "-o", dest },
    { "export", "--format", "xml", project_path, "-o", dest },
    { "export", "--format", "brat", "--offsets", "utf16", project_path, "-o", dest },
    { "export", "--format", "csv", "--offsets", "furlongs", project_path, "-o", dest },
    { "export", "--format", "csv", "--layers", project_path, "-o", dest },
    { "export", "--format", "csv", project_path },
    { "export", "--format", "csv", project_path, project_path, "-o", dest },
    { "export", "--format", "csv", "--bogus", project_path, "-o", dest },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;

      ck_assert_msg (run (cases[i], NULL, &err) == 2, "case %u", i);
      ck_assert_msg (strstr (err, "--help") != NULL, "case %u: %s", i, err);
    }
  ck_assert (!g_file_test (dest, G_FILE_TEST_EXISTS));
}
END_TEST

START_TEST (test_export_failures)
{
  g_autofree char *dest = g_build_filename (tmp, "x.csv", NULL);
  g_autofree char *missing = g_build_filename (tmp, "missing.json", NULL);
  g_autofree char *folder = g_build_filename (tmp, "mine", NULL);
  g_autofree char *mine = NULL;
  g_autofree char *err = NULL;
  const char *no_project[] = { "export", "--format", "csv", missing, "-o", dest, NULL };
  const char *no_article[] = { "export", "--format", "csv", "--documents", "nope", project_path, "-o", dest, NULL };
  const char *user_folder[] = { "export", "--format", "brat", project_path, "-o", folder, NULL };

  ck_assert_int_eq (run (no_project, NULL, NULL), 1);
  ck_assert_int_eq (run (no_article, NULL, &err), 1);
  ck_assert_msg (strstr (err, "No article with the id “nope”") != NULL, "%s", err);
  ck_assert (!g_file_test (dest, G_FILE_TEST_EXISTS));

  g_mkdir (folder, 0755);
  mine = rpt_test_write_file (folder, "draft.odt", "mine", -1);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (run (user_folder, NULL, &err), 1);
  ck_assert_msg (strstr (err, "draft.odt") != NULL, "%s", err);
  ck_assert (g_file_test (mine, G_FILE_TEST_IS_REGULAR));
}
END_TEST

START_TEST (test_import_roundtrip)
{
  g_autofree char *jsonl = g_build_filename (tmp, "out.jsonl", NULL);
  g_autofree char *brat = g_build_filename (tmp, "brat", NULL);
  g_autofree char *back = g_build_filename (tmp, "back.json", NULL);
  g_autofree char *back2 = g_build_filename (tmp, "back2.json", NULL);
  g_autofree char *out = NULL;
  const char *export_jsonl[] = { "export", "-q", "--format", "jsonl", project_path, "-o", jsonl, NULL };
  const char *export_brat[] = { "export", "-q", "--format", "brat", project_path, "-o", brat, NULL };
  const char *import_jsonl[] = { "import", "--format", "jsonl", jsonl, "-o", back, NULL };
  const char *import_brat[] = { "import", "-q", "--format", "brat", brat, "-o", back2, NULL };
  const char *validate[] = { "validate", back, NULL };

  ck_assert_int_eq (run (export_jsonl, NULL, NULL), 0);
  ck_assert_int_eq (run (import_jsonl, &out, NULL), 0);
  ck_assert_msg (strstr (out, "Imported 2 articles, 9 annotations and 3 relations") != NULL, "%s", out);
  ck_assert_int_eq (run (validate, NULL, NULL), 0);
  /* An existing project is only replaced on request. */
  ck_assert_int_eq (run (import_jsonl, NULL, NULL), 1);

  ck_assert_int_eq (run (export_brat, NULL, NULL), 0);
  ck_assert_int_eq (run (import_brat, NULL, NULL), 0);
  ck_assert (g_file_test (back2, G_FILE_TEST_IS_REGULAR));
}
END_TEST

START_TEST (test_import_failures)
{
  g_autofree char *bad = rpt_test_write_file (tmp, "bad.jsonl",
                                              "{\"text\": \"Fine.\", \"label\": [[0, 4, \"Claim\"]]}\n"
                                              "{\"text\": \"Short.\", \"label\": [[0, 99, \"Claim\"]]}\n", -1);
  g_autofree char *dest = g_build_filename (tmp, "imported.json", NULL);
  g_autofree char *err = NULL, *out = NULL;
  const char *strict[] = { "import", "--format", "jsonl", bad, "-o", dest, NULL };
  const char *lenient[] = { "import", "--format", "jsonl", "--skip-bad", bad, "-o", dest, NULL };
  const char *usage[][6] = {
    { "import", "--format", "jsonl", "-o", dest },
    { "import", "--format", "pdf", bad, "-o", dest },
    { "import", bad, "-o", dest },
    { "import", "--format", "jsonl", bad },
  };

  ck_assert_int_eq (run (strict, NULL, &err), 1);
  ck_assert_msg (strstr (err, "bad.jsonl: line 2: label[0]: the end 99 is past the end") != NULL, "%s", err);
  ck_assert (!g_file_test (dest, G_FILE_TEST_EXISTS));

  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (run (lenient, &out, &err), 0);
  ck_assert_msg (strstr (err, "warning: ") && strstr (err, "line 2"), "%s", err);
  ck_assert_msg (strstr (out, "Imported 1 article") != NULL, "%s", out);

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    ck_assert_msg (run (usage[i], NULL, NULL) == 2, "usage case %u", i);
}
END_TEST

START_TEST (test_help_lists_commands)
{
  const char *argv[] = { "--help", NULL };
  g_autofree char *out = NULL;

  ck_assert_int_eq (run (argv, &out, NULL), 0);
  ck_assert (strstr (out, "export") != NULL);
  ck_assert (strstr (out, "import") != NULL);
}
END_TEST

static Suite *
tool_suite (void)
{
  Suite *s = suite_create ("tool-export");
  TCase *tc = tcase_create ("tool");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_loop_test (tc, test_export_each_format, 0, RPT_EXPORT_N_FORMATS);
  tcase_add_test (tc, test_export_units);
  tcase_add_test (tc, test_export_layers_and_selection);
  tcase_add_test (tc, test_export_usage_errors);
  tcase_add_test (tc, test_export_failures);
  tcase_add_test (tc, test_import_roundtrip);
  tcase_add_test (tc, test_import_failures);
  tcase_add_test (tc, test_help_lists_commands);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (tool_suite)
