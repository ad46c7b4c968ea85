/* test-tool-input.c: what repartee-tool reads is kept or refused, never
 * changed, and what it writes opens again. Times at the edges of what a
 * project file holds go through format, add and JSON Lines import; a
 * /proc file is named by its whole path; the Label Studio configuration is
 * valid XML that gives back the same labels; the Markdown summary keeps
 * its tables and lists whatever the names hold.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "rpt-core.h"
#include "rpt-project-io.h"
#include "rpt-tool-test.h"

#define TEXT "The mayor said yes. The critic said no."

/* A project whose labels, speaker, title and annotation times are given. */
static char *
make_project (const char *dir,
              const char *labels,
              const char *speakers,
              const char *title,
              const char *times)
{
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, TEXT, -1);
  g_autofree char *data = g_strdup_printf (
    "{\"format\": \"repartee-project\", \"version\": 1,\n"
    " \"labels\": [%s],\n"
    " \"speakers\": [%s],\n"
    " \"documents\": [{\"id\": \"d\", \"title\": \"%s\", \"source\": \"d.txt\", \"sha256\": \"%s\", \"text\": \"" TEXT "\"}],\n"
    " \"annotations\": [\n"
    "  {\"id\": \"a1\", \"document\": \"d\", \"start\": 4, \"end\": 9, \"label\": \"l1\"%s%s},\n"
    "  {\"id\": \"a2\", \"document\": \"d\", \"start\": 24, \"end\": 30, \"label\": \"l2\"%s}],\n"
    " \"relations\": []}\n",
    labels, speakers, title, sha, *speakers ? ", \"speaker\": \"s1\"" : "", times, times);

  return rpt_test_write_file (dir, "project.json", data, -1);
}

#define PLAIN_LABELS "{\"id\": \"l1\", \"name\": \"Claim\", \"color\": \"#3584e4\"}, " \
                     "{\"id\": \"l2\", \"name\": \"Rebuttal\", \"color\": \"#e01b24\"}"

/* ---- Times at the edges ---- */

static const struct
{
  const char *written;
  const char *saved;     /* NULL: refused */
  const char *reason;
} times[] = {
  { "0001-01-01T00:30:00+14:00", NULL, "is before 0001-01-01T00:00:00Z once in UTC" },
  { "9999-12-31T23:30:00-14:00", NULL, "is after 9999-12-31T23:59:59Z once in UTC" },
  { "2016-12-31T23:59:60Z", NULL, "is a leap second, which Repartee does not keep" },
  { "0001-01-01T14:00:00+14:00", "0001-01-01T00:00:00Z", NULL },
  { "9999-12-31T09:59:59-14:00", "9999-12-31T23:59:59Z", NULL },
};

/* Either refused with the place and the reason and nothing written, or
 * written so that validate takes it, with the time as expected. */
static void
assert_kept_or_refused (guint       i,
                        int         status,
                        const char *err,
                        const char *path,
                        const char *place,
                        const char *before)
{
  g_autofree char *out = NULL, *err2 = NULL;

  if (times[i].saved == NULL)
    {
      g_autofree char *reason = g_strdup_printf ("%s: “%s” %s", place, times[i].written, times[i].reason);

      ck_assert_int_eq (status, 1);
      ck_assert_contains (err, reason);
      if (before)
        ck_assert (file_equals (path, before, strlen (before)));
      else
        ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
    }
  else
    {
      g_autofree char *contents = NULL;
      g_autofree char *expected = g_strdup_printf ("\"created\": \"%s\"", times[i].saved);

      ck_assert_msg (status == 0, "%s", err);
      ck_assert_msg (run (&out, &err2, "validate", path, NULL) == 0, "written, then refused: %s", err2);
      contents = rpt_test_read_file (path, NULL);
      ck_assert_contains (contents, expected);
    }
}

START_TEST (test_times_format)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *member = g_strdup_printf (", \"created\": \"%s\", \"modified\": \"%s\"",
                                             times[_i].written, times[_i].written);
  g_autofree char *path = make_project (dir, PLAIN_LABELS, "", "Mayor", member);
  g_autofree char *before = rpt_test_read_file (path, NULL);
  g_autofree char *out = NULL, *err = NULL;
  int status = run (&out, &err, "format", path, NULL);

  assert_kept_or_refused (_i, status, err, path, "annotations[0].created", before);
}
END_TEST

START_TEST (test_times_add)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *member = g_strdup_printf (", \"created\": \"%s\", \"modified\": \"%s\"",
                                             times[_i].written, times[_i].written);
  g_autofree char *path = make_project (dir, PLAIN_LABELS, "", "Mayor", member);
  g_autofree char *article = rpt_test_write_file (dir, "more.txt", "More\n\nThe critic said more.\n", -1);
  g_autofree char *before = rpt_test_read_file (path, NULL);
  g_autofree char *out = NULL, *err = NULL;
  int status = run (&out, &err, "add", path, article, NULL);

  assert_kept_or_refused (_i, status, err, path, "annotations[0].created", before);
}
END_TEST

START_TEST (test_times_import_jsonl)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *line = g_strdup_printf ("{\"text\": \"" TEXT "\", \"entities\": [{\"start_offset\": 4, "
                                           "\"end_offset\": 9, \"label\": \"Claim\", \"created\": \"%s\"}]}\n",
                                           times[_i].written);
  g_autofree char *input = rpt_test_write_file (dir, "t.jsonl", line, -1);
  g_autofree char *path = g_build_filename (dir, "imported.json", NULL);
  g_autofree char *out = NULL, *err = NULL;
  int status = run (&out, &err, "import", "--format", "jsonl", input, "-o", path, NULL);

  assert_kept_or_refused (_i, status, err, path, "line 1: entities[0]: “created”", NULL);
}
END_TEST

/* ---- /proc ---- */

/* /proc files give their size as 0; "status: the file is empty" named
 * neither the file nor the reason. */
START_TEST (test_proc_file_named)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.json", NULL);
  g_autofree char *out = NULL, *err = NULL;

  ck_assert (g_file_test ("/proc/self/status", G_FILE_TEST_IS_REGULAR));
  ck_assert_int_eq (run (&out, &err, "add", path, "/proc/self/status", NULL), 1);
  ck_assert_contains (err, "repartee-tool: /proc/self/status: the file gives its size as 0 but is not empty");
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
}
END_TEST

/* ---- Label Studio's XML ---- */

#define ODD_LABELS "{\"id\": \"l1\", \"name\": \"Claim\\nsecond line\", \"color\": \"#3584e4\", " \
                   "\"description\": \"Two\\nlines\\tand a tab & <b>\\r\\n\"}, " \
                   "{\"id\": \"l2\", \"name\": \"Tab\\there\", \"color\": \"#e01b24\"}"
#define ODD_SPEAKERS "{\"id\": \"s1\", \"name\": \"Line\\r\\nbreak\"}"

/* Labels (name and description) and speakers of a project, one a line. */
static char *
describe_names (RptProject *project)
{
  GString *out = g_string_new (NULL);
  GListModel *labels = rpt_project_get_labels (project);
  GListModel *speakers = rpt_project_get_speakers (project);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (labels, i);
      g_autofree char *name = g_strescape (rpt_label_get_name (label), NULL);
      g_autofree char *description = g_strescape (rpt_label_get_description (label), NULL);

      g_string_append_printf (out, "label %s: %s\n", name, description);
    }
  for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
    {
      g_autoptr(RptSpeaker) speaker = g_list_model_get_item (speakers, i);
      g_autofree char *name = g_strescape (rpt_speaker_get_name (speaker), NULL);

      g_string_append_printf (out, "speaker %s\n", name);
    }
  return g_string_free (out, FALSE);
}

/* The configuration read by Python's XML reader (expat, a conforming XML
 * 1.0 parser), as "label VALUE: HINT" and "speaker VALUE" lines. */
static char *
read_config_with_python (const char *config)
{
  static const char script[] =
    "import sys, xml.etree.ElementTree as ET\n"
    "root = ET.parse(sys.argv[1]).getroot()\n"
    "esc = lambda s: s.encode('unicode_escape').decode('ascii')\n"
    "for e in root.iter('Label'):\n"
    "    sys.stdout.write('label %s: %s\\n' % (esc(e.get('value')), esc(e.get('hint') or '')))\n"
    "for e in root.iter('Choice'):\n"
    "    sys.stdout.write('speaker %s\\n' % esc(e.get('value')))\n";
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  /* python3 is among the packages build-aux/repartee.sh installs. */
  ck_assert_msg (python != NULL, "python3 is not installed");
  {
    const char *argv[] = { python, "-c", script, config, NULL };

    ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  }
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "the XML reader refused %s:\n%s", config, err);
  return g_steal_pointer (&out);
}

/* Tab, LF and CR in names and hints: written as references, read back the
 * same by an XML reader and by the import, which makes no second label. */
START_TEST (test_label_studio_config_round_trip)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = make_project (dir, ODD_LABELS, ODD_SPEAKERS, "Mayor", "");
  g_autofree char *dest = g_build_filename (dir, "ls", NULL);
  g_autofree char *config = g_build_filename (dest, "label_config.xml", NULL);
  g_autofree char *again = g_build_filename (dir, "again.json", NULL);
  g_autofree char *out = NULL, *err = NULL, *expected = NULL, *read = NULL, *names = NULL;
  g_autoptr(RptProject) original = NULL, imported = NULL;
  g_autoptr(GError) error = NULL;

  original = rpt_project_load_from_file (path, &error);
  ck_assert_msg (original != NULL, "%s", error ? error->message : "");
  ck_assert_msg (run (&out, &err, "export", "-q", "--format", "label-studio", path, "-o", dest, NULL) == 0, "%s", err);

  /* What an XML reader sees is what the project holds. */
  expected = describe_names (original);
  read = read_config_with_python (config);
  ck_assert_str_eq (read, expected);

  ck_assert_msg (run (&out, &err, "import", "-q", "--format", "label-studio", dest, "-o", again, NULL) == 0, "%s", err);
  imported = rpt_project_load_from_file (again, &error);
  ck_assert_msg (imported != NULL, "%s", error ? error->message : "");
  names = describe_names (imported);
  ck_assert_str_eq (names, expected);
}
END_TEST

/* Other C0 controls have no form in XML 1.0, not even &#x7;: the export
 * is refused, naming the label, and nothing is written. */
START_TEST (test_label_studio_unwritable_name)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = make_project (dir,
                                        "{\"id\": \"l1\", \"name\": \"Bell\\u0007\", \"color\": \"#3584e4\"}, "
                                        "{\"id\": \"l2\", \"name\": \"Rebuttal\", \"color\": \"#e01b24\"}",
                                        "", "Mayor", "");
  g_autofree char *dest = g_build_filename (dir, "ls", NULL);
  g_autofree char *out = NULL, *err = NULL;

  ck_assert_int_eq (run (&out, &err, "export", "--format", "label-studio", path, "-o", dest, NULL), 1);
  ck_assert_contains (err, "The label “Bell␇” has a control character (U+0007) in its name, which "
                           "Label Studio’s XML configuration cannot hold: rename the label");
  ck_assert (!g_file_test (dest, G_FILE_TEST_EXISTS));
}
END_TEST

/* ---- Markdown ---- */

/* Cells in a row: its unescaped pipes, less one. */
static guint
count_cells (const char *row)
{
  guint pipes = 0;

  for (const char *p = row; *p; p++)
    {
      if (*p == '\\' && p[1])
        p++;
      else if (*p == '|')
        pipes++;
    }
  return pipes - 1;
}

START_TEST (test_markdown_structure)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = make_project (dir,
                                        "{\"id\": \"l1\", \"name\": \"Claim\\nsecond line\", \"color\": \"#3584e4\"}, "
                                        "{\"id\": \"l2\", \"name\": \"Bell\\u0007 | pipe\\u2028after\", \"color\": \"#e01b24\"}",
                                        "{\"id\": \"s1\", \"name\": \"Line\\r\\nbreak\\tand tab\"}",
                                        "Title\\nwith a break", "");
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  guint items = 0, tables = 0, columns = 0;
  gboolean in_exchange = FALSE;

  ck_assert_msg (run (&out, &err, "summary", "--format", "md", path, NULL) == 0, "%s", err);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "#"))
        {
          /* A heading is one line. */
          ck_assert_msg (lines[i + 1] && *lines[i + 1] == '\0', "heading cut: %s\n%s", line, out);
          in_exchange = g_str_has_prefix (line, "## ") && strstr (line, "exchange") != NULL;
          continue;
        }
      if (*line == '|')
        {
          /* Every row of a table has the columns of its header. */
          if (i == 0 || *lines[i - 1] != '|')
            {
              columns = count_cells (line);
              tables++;
            }
          ck_assert_msg (count_cells (line) == columns, "row %u has %u cells, not %u:\n%s", i + 1,
                         count_cells (line), columns, out);
          ck_assert_msg (lines[i + 1] && (*lines[i + 1] == '|' || *lines[i + 1] == '\0'),
                         "table row cut after line %u:\n%s", i + 1, out);
          continue;
        }
      if (in_exchange && *line != '\0')
        {
          /* A list item and its own indented lines, nothing else. */
          ck_assert_msg (g_str_has_prefix (line, "- ") || g_str_has_prefix (line, "  "),
                         "line %u is neither an item nor inside one:\n%s", i + 1, out);
          items += g_str_has_prefix (line, "- ");
        }
    }
  ck_assert_uint_eq (tables, 3);
  ck_assert_uint_eq (items, 2);
  ck_assert_contains (out, "| Speaker | Claim second line | Bell␇ \\| pipe after | Total |");
  ck_assert_contains (out, "| Line break and tab | 1 | 0 | 1 |");
  ck_assert_contains (out, "| Title with a break | 2 | 0 / 0 | — |");
}
END_TEST

static Suite *
input_suite (void)
{
  Suite *s = suite_create ("tool-input");
  TCase *tc = tcase_create ("times");

  tcase_add_loop_test (tc, test_times_format, 0, G_N_ELEMENTS (times));
  tcase_add_loop_test (tc, test_times_add, 0, G_N_ELEMENTS (times));
  tcase_add_loop_test (tc, test_times_import_jsonl, 0, G_N_ELEMENTS (times));
  tcase_add_test (tc, test_proc_file_named);
  suite_add_tcase (s, tc);

  tc = tcase_create ("output");
  tcase_add_test (tc, test_label_studio_config_round_trip);
  tcase_add_test (tc, test_label_studio_unwritable_name);
  tcase_add_test (tc, test_markdown_structure);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (input_suite)
