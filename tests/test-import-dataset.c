/* test-import-dataset.c: datasets from other tools, and broken ones: a bad
 * record is refused with its file, line and reason and nothing is imported,
 * unless bad records are skipped, and then each is reported.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <glib/gstdio.h>

#include "rpt-core.h"
#include "rpt-import-dataset.h"
#include "rpt-test-project.h"
#include "rpt-test-util.h"

static RptProject *
import_one (RptImportFormat   format,
            gboolean          skip_bad,
            const char       *name,
            const char       *data,
            GPtrArray        *warnings,
            GError          **error)
{
  RptImportInput input = { name, data, strlen (data) };

  return rpt_test_import (format, skip_bad, &input, 1, warnings, error);
}

static void
assert_refused (RptImportFormat  format,
                const char      *name,
                const char      *data,
                const char      *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = import_one (format, FALSE, name, data, NULL, &error);

  ck_assert_msg (project == NULL, "“%s” was accepted", data);
  ck_assert_msg (strstr (error->message, expected) != NULL, "“%s” does not say “%s”", error->message, expected);
}

static RptAnnotation *
only_annotation (RptProject *project,
                 const char *document_id)
{
  RptAnnotationStore *store = rpt_project_get_annotations (project, document_id);

  ck_assert (store != NULL);
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (store), 1);
  return rpt_annotation_store_get (store, 0);
}

/* ---- JSON Lines ---- */

#define GOOD_LINE "{\"id\": \"one\", \"text\": \"Hello there, world.\", \"label\": [[0, 5, \"Claim\"]]}\n"

START_TEST (test_jsonl_doccano)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = NULL;
  RptAnnotation *a;

  /* doccano's sequence labelling: integer ids, "label" triples. */
  project = import_one (RPT_IMPORT_JSONL, FALSE, "doccano.jsonl",
                        "{\"id\": 7, \"text\": \"Caf\u00e9 \U0001F600 talks\", \"label\": [[7, 12, \"Place\"], [0, 4, \"Claim\"]]}\n"
                        "\n"
                        "{\"id\": 8, \"text\": \"No labels here.\"}\n",
                        NULL, &error);
  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (project)), 2);
  ck_assert (rpt_project_get_document (project, "7") != NULL);
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (rpt_project_get_annotations (project, "7")), 2);
  a = rpt_annotation_store_get (rpt_project_get_annotations (project, "7"), 1);
  ck_assert_uint_eq (rpt_annotation_get_start (a), 7);
  ck_assert_str_eq (rpt_label_get_name (rpt_project_get_label (project, rpt_annotation_get_label (a))), "Place");
  /* Claim keeps the default colour, Place gets one of the palette's. */
  ck_assert_str_eq (rpt_label_get_color (rpt_project_get_label (project, "claim")), "#3584e4");
  ck_assert (rpt_color_is_valid (rpt_label_get_color (rpt_project_get_label (project, "place"))));
  ck_assert_str_eq (rpt_document_get_title (rpt_project_get_document (project, "8")), "No labels here.");
}
END_TEST

START_TEST (test_jsonl_relations_by_entity_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = NULL;
  GListModel *relations;
  g_autoptr(RptRelation) relation = NULL;

  /* doccano's relation extraction: integer entity ids per line. */
  project = import_one (RPT_IMPORT_JSONL, FALSE, "rel.jsonl",
                        "{\"text\": \"A said yes. B said no.\", \"entities\": ["
                        "{\"id\": 1, \"start_offset\": 7, \"end_offset\": 10, \"label\": \"Claim\"},"
                        "{\"id\": 2, \"start_offset\": 19, \"end_offset\": 21, \"label\": \"Rebuttal\", \"speaker\": \"B\"}],"
                        " \"relations\": [{\"id\": 1, \"from_id\": 2, \"to_id\": 1, \"type\": \"rebuts\"}]}\n"
                        "{\"text\": \"Again: yes.\", \"entities\": [{\"id\": 1, \"start_offset\": 7, \"end_offset\": 10, \"label\": \"Claim\"}]}\n",
                        NULL, &error);
  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  ck_assert (rpt_project_get_document (project, "rel-1") != NULL);
  ck_assert (rpt_project_get_document (project, "rel-2") != NULL);
  relations = rpt_project_get_relations (project);
  ck_assert_uint_eq (g_list_model_get_n_items (relations), 1);
  relation = g_list_model_get_item (relations, 0);
  ck_assert_uint_eq (rpt_annotation_get_start (rpt_project_get_annotation (project, rpt_relation_get_from (relation))), 19);
  ck_assert_uint_eq (rpt_annotation_get_start (rpt_project_get_annotation (project, rpt_relation_get_to (relation))), 7);
  ck_assert_str_eq (rpt_speaker_get_name (rpt_project_get_speaker (project,
                    rpt_annotation_get_speaker (rpt_project_get_annotation (project, rpt_relation_get_from (relation))))), "B");
  /* Per-line integer ids become project-wide ids. */
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), 3);
}
END_TEST

START_TEST (test_jsonl_refused_with_line)
{
  assert_refused (RPT_IMPORT_JSONL, "d.jsonl",
                  GOOD_LINE "{\"text\": \"y\"}\n" "{\"text\": \"x\", \"label\": [[0, 1, \"A\"]\n",
                  "d.jsonl: line 3: column");
  assert_refused (RPT_IMPORT_JSONL, "d.jsonl", GOOD_LINE "[1, 2]\n", "d.jsonl: line 2: the line must hold one JSON object");
  assert_refused (RPT_IMPORT_JSONL, "d.jsonl", "{\"label\": []}\n", "d.jsonl: line 1: “text” is missing");
  assert_refused (RPT_IMPORT_JSONL, "d.jsonl",
                  GOOD_LINE "{\"id\": \"two\", \"text\": \"Short.\", \"label\": [[0, 900, \"Claim\"]]}\n",
                  "d.jsonl: line 2: label[0]: the end 900 is past the end of the text (6 characters)");
  assert_refused (RPT_IMPORT_JSONL, "d.jsonl", "{\"text\": \"abc\", \"label\": [[2, 1, \"Claim\"]]}\n",
                  "line 1: label[0]: the span 2–1 is empty or reversed");
  assert_refused (RPT_IMPORT_JSONL, "d.jsonl", "{\"text\": \"abc\", \"label\": [[-1, 1, \"Claim\"]]}\n",
                  "line 1: label[0]: “start” must be a whole number");
  assert_refused (RPT_IMPORT_JSONL, "d.jsonl", "{\"text\": \"abc\", \"label\": [[0, 1]]}\n",
                  "line 1: label[0]: must be [start, end, \"Label\"]");
  assert_refused (RPT_IMPORT_JSONL, "d.jsonl", "{\"text\": \"abc\", \"label\": [[0, 1, \"\"]]}\n",
                  "the label is missing or empty");
  assert_refused (RPT_IMPORT_JSONL, "d.jsonl",
                  "{\"text\": \"abc\", \"label\": [[0, 1, \"A\"], [0, 1, \"A\"]]}\n", "is tagged “A” twice");
  assert_refused (RPT_IMPORT_JSONL, "d.jsonl", GOOD_LINE GOOD_LINE, "line 2: the article id “one” is used twice");
  /* UTF-16 offsets that cut the emoji in two. */
  assert_refused (RPT_IMPORT_JSONL, "d.jsonl",
                  "{\"text\": \"a\U0001F600b\", \"offset_unit\": \"utf16\", \"label\": [[0, 2, \"A\"]]}\n",
                  "cuts a character in two: are the offsets UTF-16 units?");
  assert_refused (RPT_IMPORT_JSONL, "d.jsonl",
                  "{\"text\": \"a\", \"entities\": [{\"start_offset\": 0, \"end_offset\": 1, \"label\": \"A\"}], "
                  "\"relations\": [{\"from_id\": 5, \"to_id\": 6, \"type\": \"rebuts\"}]}\n",
                  "relations[0]: the relation starts at “5”");
  assert_refused (RPT_IMPORT_JSONL, "d.jsonl",
                  "{\"text\": \"ab\", \"entities\": [{\"id\": 1, \"start_offset\": 0, \"end_offset\": 1, \"label\": \"A\"},"
                  "{\"id\": 2, \"start_offset\": 1, \"end_offset\": 2, \"label\": \"A\"}], "
                  "\"relations\": [{\"from_id\": 1, \"to_id\": 2, \"type\": \"mocks\"}]}\n",
                  "the type “mocks” is not rebuts");
  assert_refused (RPT_IMPORT_JSONL, "d.jsonl", GOOD_LINE "{\"text\": \"caf\xc3\"}\n",
                  "d.jsonl: line 2: the file is not valid UTF-8");
  assert_refused (RPT_IMPORT_JSONL, "d.jsonl", "", "there is no article to import");
}
END_TEST

START_TEST (test_jsonl_depth_bomb)
{
  g_autoptr(GString) bomb = g_string_new ("{\"text\": \"x\", \"deep\": ");

  for (guint i = 0; i < 5000; i++)
    g_string_append_c (bomb, '[');
  for (guint i = 0; i < 5000; i++)
    g_string_append_c (bomb, ']');
  g_string_append (bomb, "}\n");
  assert_refused (RPT_IMPORT_JSONL, "bomb.jsonl", bomb->str, "bomb.jsonl: line 1, column 54: nested more than 32 levels deep");
}
END_TEST

START_TEST (test_jsonl_skip_bad)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = NULL;

  project = import_one (RPT_IMPORT_JSONL, TRUE, "d.jsonl",
                        GOOD_LINE
                        "{\"id\": \"two\", \"text\": \"Short.\", \"label\": [[0, 900, \"Claim\"]]}\n"
                        "not json\n"
                        "{\"id\": \"three\", \"text\": \"Fine.\", \"label\": [[0, 4, \"Joke\"]]}\n",
                        warnings, &error);
  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (project)), 2);
  ck_assert (rpt_project_get_document (project, "two") == NULL);
  ck_assert (rpt_test_has_warning (warnings, "d.jsonl: line 2: label[0]: the end 900"));
  ck_assert (rpt_test_has_warning (warnings, "d.jsonl: line 3:"));
  ck_assert (rpt_test_has_warning (warnings, "(left out)"));
  /* A label named only by a skipped record is not created. */
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_labels (project)), 2);
}
END_TEST

/* ---- Label Studio ---- */

static const char *ls_config =
  "<View>\n"
  "  <Labels name=\"label\" toName=\"text\">\n"
  "    <Label value=\"Person\" background=\"#f0a\" hotkey=\"2\"/>\n"
  "    <Label value=\"Claim\" background=\"#123456\" hint=\"Said as true\"/>\n"
  "    <Label value=\"Unused\"/>\n"
  "  </Labels>\n"
  "  <Text name=\"text\" value=\"$text\"/>\n"
  "  <Choices name=\"speaker\" toName=\"text\" perRegion=\"true\"><Choice value=\"Ann\"/></Choices>\n"
  "</View>\n";

START_TEST (test_label_studio_foreign)
{
  const char *tasks =
    "[\n"
    "  {\"id\": 12, \"data\": {\"text\": \"Ann met Bob in Paris.\"},\n"
    "   \"annotations\": [\n"
    "     {\"was_cancelled\": true, \"result\": []},\n"
    "     {\"result\": [\n"
    "       {\"id\": \"r1\", \"from_name\": \"label\", \"to_name\": \"text\", \"type\": \"labels\",\n"
    "        \"value\": {\"start\": 0, \"end\": 3, \"text\": \"Ann\", \"labels\": [\"Person\", \"Claim\"]}},\n"
    "       {\"id\": \"r2\", \"from_name\": \"label\", \"to_name\": \"text\", \"type\": \"labels\",\n"
    "        \"value\": {\"start\": 8, \"end\": 11, \"labels\": [\"Person\"]}},\n"
    "       {\"id\": \"r2\", \"from_name\": \"speaker\", \"to_name\": \"text\", \"type\": \"choices\",\n"
    "        \"value\": {\"start\": 8, \"end\": 11, \"choices\": [\"Ann\"]}},\n"
    "       {\"from_id\": \"r1\", \"to_id\": \"r2\", \"type\": \"relation\", \"direction\": \"left\", \"labels\": [\"supports\"]},\n"
    "       {\"from_id\": \"r1\", \"to_id\": \"r2\", \"type\": \"relation\", \"labels\": [\"knows\"]},\n"
    "       {\"id\": \"x\", \"from_name\": \"mood\", \"to_name\": \"text\", \"type\": \"rating\", \"value\": {\"rating\": 4}}\n"
    "     ]},\n"
    "     {\"result\": []}\n"
    "   ]},\n"
    "  {\"text\": \"A flat task.\"}\n"
    "]\n";
  RptImportInput inputs[] = {
    { "project/tasks.json", tasks, strlen (tasks) },
    { "project/label_config.xml", ls_config, strlen (ls_config) },
  };
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = rpt_test_import (RPT_IMPORT_LABEL_STUDIO, FALSE, inputs, 2, warnings, &error);
  GListModel *labels;
  g_autoptr(RptRelation) relation = NULL;
  g_autoptr(RptLabel) first = NULL;

  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  ck_assert (rpt_project_get_document (project, "task-12") != NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (project)), 2);
  /* Two labels on one region: two annotations. */
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (rpt_project_get_annotations (project, "task-12")), 3);
  /* Colours, keys and hints from the configuration, in its order. */
  labels = rpt_project_get_labels (project);
  ck_assert_uint_eq (g_list_model_get_n_items (labels), 3);
  first = g_list_model_get_item (labels, 0);
  ck_assert_str_eq (rpt_label_get_name (first), "Person");
  ck_assert_str_eq (rpt_label_get_color (first), "#ff00aa");
  ck_assert_uint_eq (rpt_label_get_shortcut (first), 2);
  ck_assert_str_eq (rpt_label_get_color (rpt_project_get_label (project, "claim")), "#123456");
  ck_assert_str_eq (rpt_label_get_description (rpt_project_get_label (project, "claim")), "Said as true");
  ck_assert_uint_eq (rpt_label_get_shortcut (rpt_project_get_label (project, "claim")), 0);
  /* direction "left" reverses the link; unknown relation types are reported. */
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_relations (project)), 1);
  relation = g_list_model_get_item (rpt_project_get_relations (project), 0);
  ck_assert_str_eq (rpt_relation_get_from (relation), "r2");
  ck_assert_str_eq (rpt_relation_get_to (relation), "r1");
  ck_assert (rpt_test_has_warning (warnings, "task 1 has 2 annotations; the first is imported"));
  ck_assert (rpt_test_has_warning (warnings, "relations without the type"));
  ck_assert (rpt_test_has_warning (warnings, "results of type “rating”"));
  ck_assert_str_eq (rpt_speaker_get_name (rpt_project_get_speaker (project,
                    rpt_annotation_get_speaker (rpt_project_get_annotation (project, "r2")))), "Ann");
}
END_TEST

START_TEST (test_label_studio_refused_with_line)
{
  const char *wrong_text =
    "[\n"
    "  {\"data\": {\"text\": \"First task.\"}},\n"
    "  {\"data\": {\"text\": \"Caf\u00e9 \U0001F600 talks now\"},\n"
    "   \"annotations\": [{\"result\": [\n"
    "     {\"id\": \"a\", \"type\": \"labels\", \"value\": {\"start\": 8, \"end\": 13, \"text\": \"talks\", \"labels\": [\"X\"]}}\n"
    "   ]}]}\n"
    "]\n";
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) skipped = NULL;

  /* UTF-16 offsets read as code points: the quoted text gives it away. */
  assert_refused (RPT_IMPORT_LABEL_STUDIO, "t.json", wrong_text,
                  "t.json: line 3: task 2: result 0: the text at 8–13 is “alks ”, not “talks”");
  assert_refused (RPT_IMPORT_LABEL_STUDIO, "t.json", "[{\"data\": {\"txt\": \"x\"}}]", "line 1: task 1: “data.text” is missing");
  assert_refused (RPT_IMPORT_LABEL_STUDIO, "t.json", "[1, 2", "t.json: not valid JSON");
  assert_refused (RPT_IMPORT_LABEL_STUDIO, "t.json", "\"just a string\"", "the top level must be a list of tasks");
  assert_refused (RPT_IMPORT_LABEL_STUDIO, "t.json",
                  "[{\"data\": {\"text\": \"abc\"}, \"annotations\": [{\"result\": [{\"id\": \"a\", \"type\": \"labels\","
                  " \"value\": {\"start\": 0, \"labels\": [\"X\"]}}]}]}]",
                  "result 0: “value” needs whole-number “start” and “end”");

  skipped = import_one (RPT_IMPORT_LABEL_STUDIO, TRUE, "t.json", wrong_text, warnings, &error);
  ck_assert (skipped != NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_documents (skipped)), 1);
  ck_assert (rpt_test_has_warning (warnings, "task 2: result 0"));
}
END_TEST

/* ---- brat ---- */

START_TEST (test_brat_foreign)
{
  const char *txt = "Line one.\r\nThe cat sat.\r\n";
  /* "cat" is at 15-18 in code points, 14-17 as brat counts (CRLF as one). */
  const char *ann = "T1\tAnimal 14 17\tcat\n"
                    "T2\tClaim 10 22\tThe cat sat.\n"
                    "T3\tAnimal 0 4;5 8\tLine one\n"
                    "A1\tSpeaker T2 Mr-2e-_Smith\n"
                    "A2\tNegated T1\n"
                    "R1\tsupports Arg1:T1 Arg2:T2\n"
                    "R2\tpart_of Arg1:T1 Arg2:T2\n"
                    "E1\tEvent:T2\n"
                    "#1\tAnnotatorNotes T1\tA \\\"cat\\\"\\nreally\n";
  const char *conf = "[entities]\nClaim\nAnimal\n[relations]\n[attributes]\nSpeaker Arg:<ENTITY>, Value:Mr-2e-_Smith|Ms_X\n";
  const char *visual = "[labels]\nAnimal | Small animal | An\n[drawing]\nAnimal\tbgColor:#00ff00, fgColor:black\n";
  RptImportInput inputs[] = {
    { "c/pets.txt", txt, strlen (txt) }, { "c/pets.ann", ann, strlen (ann) },
    { "c/annotation.conf", conf, strlen (conf) }, { "c/visual.conf", visual, strlen (visual) },
  };
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = rpt_test_import (RPT_IMPORT_BRAT, FALSE, inputs, 4, warnings, &error);
  RptAnnotationStore *store;
  RptAnnotation *cat;
  g_autoptr(RptLabel) first = NULL;

  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  store = rpt_project_get_annotations (project, "pets");
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (store), 3);
  cat = rpt_annotation_store_get (store, 2);
  ck_assert_uint_eq (rpt_annotation_get_start (cat), 15);
  ck_assert_uint_eq (rpt_annotation_get_end (cat), 18);
  ck_assert_str_eq (rpt_annotation_get_note (cat), "A \\\"cat\\\"\nreally");
  /* Fragments become one span over the gap. */
  ck_assert_uint_eq (rpt_annotation_get_end (rpt_annotation_store_get (store, 0)), 8);
  first = g_list_model_get_item (rpt_project_get_labels (project), 0);
  ck_assert_str_eq (rpt_label_get_name (first), "Claim");
  ck_assert_str_eq (rpt_label_get_name (rpt_project_get_label (project, "small-animal")), "Small animal");
  ck_assert_str_eq (rpt_label_get_color (rpt_project_get_label (project, "small-animal")), "#00ff00");
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_speakers (project)), 2);
  ck_assert_str_eq (rpt_speaker_get_name (rpt_project_get_speaker (project,
                    rpt_annotation_get_speaker (rpt_annotation_store_get (store, 1)))), "Mr. Smith");
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_relations (project)), 1);
  ck_assert (rpt_test_has_warning (warnings, "only the Speaker attribute"));
  ck_assert (rpt_test_has_warning (warnings, "“part_of” is not rebuts"));
  ck_assert (rpt_test_has_warning (warnings, "events, equivalences"));
}
END_TEST

START_TEST (test_brat_crlf_counted_twice)
{
  const char *txt = "Line one.\r\nThe cat sat.\r\n";
  const char *ann = "T1\tAnimal 15 18\tcat\n";
  RptImportInput inputs[] = { { "pets.txt", txt, strlen (txt) }, { "pets.ann", ann, strlen (ann) } };
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RptProject) project = rpt_test_import (RPT_IMPORT_BRAT, FALSE, inputs, 2, warnings, NULL);

  ck_assert (project != NULL);
  ck_assert_uint_eq (rpt_annotation_get_start (only_annotation (project, "pets")), 15);
  ck_assert (rpt_test_has_warning (warnings, "pets.ann: offsets count each CRLF as two characters"));
}
END_TEST

START_TEST (test_brat_refused_with_line)
{
  const char *txt = "The cat sat.";
  struct { const char *ann, *expected; } cases[] = {
    { "T1\tAnimal 4 7\tcat\nT2\tAnimal 4 7 dog\n", "p.ann: line 2: a T line needs" },
    { "T1\tAnimal 4 7\tdog\n", "p.ann: line 1: the text at these offsets is “cat”, not “dog”" },
    { "T1\tAnimal 4 70\tcat\n", "p.ann: line 1: the end 70 is past the end of the text (12 characters)" },
    { "T1\tAnimal x 7\tcat\n", "p.ann: line 1: “x 7” is not a pair of offsets" },
    { "T1\tAnimal 4 7\tcat\nR1\trebuts Arg1:T1 Arg2:T9\n", "p.ann: line 2: the relation ends at “T9”" },
    { "T1\tAnimal 4 7\tcat\nA1\tSpeaker T5 Bob\n", "p.ann: line 2: “T5” is not a text annotation" },
    { "T1\tAnimal 4 7\tcat\nT1\tAnimal 8 11\tsat\n", "p.ann: line 2: the id “T1” is used twice" },
    { "garbage\n", "p.ann: line 1: an annotation line needs an id" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RptImportInput inputs[] = { { "p.txt", txt, strlen (txt) }, { "p.ann", cases[i].ann, strlen (cases[i].ann) } };
      g_autoptr(GError) error = NULL;
      g_autoptr(RptProject) project = rpt_test_import (RPT_IMPORT_BRAT, FALSE, inputs, 2, NULL, &error);

      ck_assert_msg (project == NULL, "case %u was accepted", i);
      ck_assert_msg (strstr (error->message, cases[i].expected) != NULL, "case %u: “%s”", i, error->message);
    }

  /* Skipping: the good lines stay, the bad ones are listed. */
  {
    const char *ann = "T1\tAnimal 4 7\tcat\nT2\tAnimal 4 7\tdog\nR1\trebuts Arg1:T2 Arg2:T1\n";
    RptImportInput inputs[] = { { "p.txt", txt, strlen (txt) }, { "p.ann", ann, strlen (ann) } };
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(RptProject) project = rpt_test_import (RPT_IMPORT_BRAT, TRUE, inputs, 2, warnings, NULL);

    ck_assert (project != NULL);
    ck_assert_uint_eq (rpt_project_get_n_annotations (project), 1);
    ck_assert (rpt_test_has_warning (warnings, "p.ann: line 2:"));
    ck_assert (rpt_test_has_warning (warnings, "p.ann: line 3:"));
  }
  /* An .ann without its text. */
  {
    RptImportInput inputs[] = { { "lonely.ann", "T1\tA 0 1\tx\n", 11 } };
    g_autoptr(GError) error = NULL;
    g_autoptr(RptProject) project = rpt_test_import (RPT_IMPORT_BRAT, FALSE, inputs, 1, NULL, &error);

    ck_assert (project == NULL);
    ck_assert (strstr (error->message, "lonely.ann: there is no .txt file") != NULL);
  }
}
END_TEST

/* Inputs a fuzzer found: each once crashed or gave a project that did not
 * load back. */
START_TEST (test_fuzz_regressions)
{
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(RptProject) project = NULL;
  g_autoptr(RptProject) reloaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *txt = "The cat sat.";
  const char *anns[] = { "T1\tAnimal \tcat\n", "R1\t\n", "T1\tAnimal 4 7\tcat\nR1\t \n" };
  gsize len;
  const char *data;

  /* A speaker name far longer than an id may be. */
  for (guint i = 0; i < 300; i++)
    g_string_append (long_name, "\u00e9");
  g_string_printf (line, "{\"text\": \"abc\", \"entities\": [{\"start_offset\": 0, \"end_offset\": 1, "
                         "\"label\": \"%s\", \"speaker\": \"%s\"}]}\n", long_name->str, long_name->str);
  project = import_one (RPT_IMPORT_JSONL, FALSE, "long.jsonl", line->str, NULL, &error);
  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  bytes = rpt_project_to_bytes (project);
  data = g_bytes_get_data (bytes, &len);
  reloaded = rpt_project_load_from_data (data, len, &error);
  ck_assert_msg (reloaded != NULL, "%s", error ? error->message : "");

  for (guint i = 0; i < G_N_ELEMENTS (anns); i++)
    {
      RptImportInput inputs[] = { { "p.txt", txt, strlen (txt) }, { "p.ann", anns[i], strlen (anns[i]) } };
      g_autoptr(GError) bad = NULL;
      g_autoptr(RptProject) refused = rpt_test_import (RPT_IMPORT_BRAT, FALSE, inputs, 2, NULL, &bad);

      ck_assert_msg (refused == NULL && bad != NULL && strstr (bad->message, "p.ann: line") != NULL,
                     "case %u: %s", i, bad ? bad->message : "accepted");
    }
  /* Spaces around a label name survive brat's visual.conf, which strips them. */
  {
    const char *ann = "T1\t_Aside_ 4 7\tcat\n";
    const char *visual = "[labels]\n_Aside_ |  Aside \n";
    RptImportInput inputs[] = { { "p.txt", txt, strlen (txt) }, { "p.ann", ann, strlen (ann) },
                                { "visual.conf", visual, strlen (visual) } };
    g_autoptr(RptProject) spaced = rpt_test_import (RPT_IMPORT_BRAT, FALSE, inputs, 3, NULL, NULL);
    g_autoptr(RptLabel) label = NULL;

    ck_assert (spaced != NULL);
    label = g_list_model_get_item (rpt_project_get_labels (spaced), 0);
    ck_assert_str_eq (rpt_label_get_name (label), " Aside ");
  }
  /* An empty comment line is only a comment. */
  {
    RptImportInput inputs[] = { { "p.txt", txt, strlen (txt) }, { "p.ann", "#1\t\n", 4 } };
    g_autoptr(RptProject) accepted = rpt_test_import (RPT_IMPORT_BRAT, FALSE, inputs, 2, NULL, NULL);

    ck_assert (accepted != NULL);
  }
}
END_TEST

/* ---- Plain text and files ---- */

START_TEST (test_text_and_files)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *a = rpt_test_write_file (dir, "notes.txt", "\xef\xbb\xbf" "First notes\r\nbody", -1);
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *b = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RptProject) project = NULL;
  const char *paths[] = { a, NULL, NULL };
  RptImportOptions options;

  g_mkdir (sub, 0755);
  b = rpt_test_write_file (sub, "notes.txt", "Other notes", -1);
  paths[1] = b;
  rpt_import_options_init (&options, RPT_IMPORT_TEXT);
  project = rpt_import_dataset (&options, paths, NULL, &error);
  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (rpt_document_get_text (rpt_project_get_document (project, "notes")), "First notes\r\nbody");
  ck_assert_str_eq (rpt_document_get_title (rpt_project_get_document (project, "notes-2")), "Other notes");
  /* The four default labels are there to start annotating. */
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_labels (project)), 4);
  ck_assert_str_eq (rpt_label_get_color (rpt_project_get_label (project, "joke")), "#f5c211");
}
END_TEST

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  GPtrArray *warnings = NULL;
  g_autoptr(GError) error = NULL;
  RptProject **out = data;

  *out = rpt_import_dataset_finish (result, &warnings, &error);
  ck_assert_msg (*out != NULL, "%s", error ? error->message : "");
  ck_assert (warnings != NULL);
  g_ptr_array_unref (warnings);
}

START_TEST (test_import_in_a_worker)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = rpt_test_write_file (dir, "d.jsonl", GOOD_LINE, -1);
  const char *paths[] = { path, NULL };
  g_autoptr(RptProject) project = NULL;
  RptImportOptions options;

  rpt_import_options_init (&options, RPT_IMPORT_JSONL);
  rpt_import_dataset_async (&options, paths, NULL, on_imported, &project);
  while (project == NULL)
    g_main_context_iteration (NULL, TRUE);
  ck_assert (rpt_project_get_document (project, "one") != NULL);
}
END_TEST

static Suite *
import_suite (void)
{
  Suite *s = suite_create ("import-dataset");
  TCase *tc = tcase_create ("import");

  tcase_add_test (tc, test_jsonl_doccano);
  tcase_add_test (tc, test_jsonl_relations_by_entity_id);
  tcase_add_test (tc, test_jsonl_refused_with_line);
  tcase_add_test (tc, test_jsonl_depth_bomb);
  tcase_add_test (tc, test_jsonl_skip_bad);
  tcase_add_test (tc, test_label_studio_foreign);
  tcase_add_test (tc, test_label_studio_refused_with_line);
  tcase_add_test (tc, test_brat_foreign);
  tcase_add_test (tc, test_brat_crlf_counted_twice);
  tcase_add_test (tc, test_brat_refused_with_line);
  tcase_add_test (tc, test_fuzz_regressions);
  tcase_add_test (tc, test_text_and_files);
  tcase_add_test (tc, test_import_in_a_worker);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (import_suite)
