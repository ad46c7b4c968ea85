/* test-export.c: every export format, field by field, on the fixture
 * project; the text at each exported offset, sliced in the declared unit,
 * must be the annotation's text.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "export-fixture.h"
#include "rpt-export.h"
#include "rpt-export-private.h"
#include "rpt-test-util.h"

FIXTURE_SUITE_STATE (project, fx, tmp)

static char *
export_to (RptExportFormat  format,
           RptOffsetUnit    unit,
           gboolean         layers,
           GPtrArray       *warnings)
{
  g_autoptr(GError) error = NULL;
  RptExportOptions options;
  char *dest = g_build_filename (tmp, rpt_export_format_writes_folder (format) ? "out" : "out.file", NULL);

  rpt_export_options_init (&options, format);
  options.offsets = unit;
  options.conll_layers = layers;
  ck_assert_msg (rpt_export (project, &options, dest, warnings, NULL, NULL, NULL, &error),
                 "export failed: %s", error ? error->message : "");
  return dest;
}

static JsonNode *
parse_json (const char *data,
            gssize      len)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  ck_assert_msg (json_parser_load_from_data (parser, data, len, &error), "not JSON: %s", error ? error->message : "");
  return json_node_copy (json_parser_get_root (parser));
}

static const char *
speaker_name (RptAnnotation *a)
{
  RptSpeaker *speaker = rpt_project_get_speaker (project, rpt_annotation_get_speaker (a));

  return speaker ? rpt_speaker_get_name (speaker) : NULL;
}

static const char *
label_name (RptAnnotation *a)
{
  return rpt_label_get_name (rpt_project_get_label (project, rpt_annotation_get_label (a)));
}

/* ---- JSON Lines ---- */

START_TEST (test_jsonl_fields)
{
  RptOffsetUnit unit = _i;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dest = export_to (RPT_EXPORT_JSONL, unit, FALSE, warnings);
  g_autofree char *data = rpt_test_read_file (dest, NULL);
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  const char *ids[] = { "summit", "day-2" };
  guint n_relations[] = { 2, 1 };

  ck_assert_uint_eq (g_strv_length (lines), 3);
  ck_assert_str_eq (lines[2], "");
  for (guint l = 0; l < 2; l++)
    {
      g_autoptr(JsonNode) root = parse_json (lines[l], -1);
      JsonObject *line = json_node_get_object (root);
      RptDocument *document = rpt_project_get_document (project, ids[l]);
      const char *text = rpt_document_get_text (document);
      JsonArray *entities = json_object_get_array_member (line, "entities");
      JsonArray *labels = json_object_get_array_member (line, "label");
      JsonArray *relations = json_object_get_array_member (line, "relations");
      RptAnnotationStore *store = rpt_project_get_annotations (project, ids[l]);

      ck_assert_str_eq (json_object_get_string_member (line, "id"), ids[l]);
      ck_assert_str_eq (json_object_get_string_member (line, "title"), rpt_document_get_title (document));
      ck_assert_str_eq (json_object_get_string_member (line, "source"), rpt_document_get_source (document));
      ck_assert_str_eq (json_object_get_string_member (line, "text"), text);
      if (unit == RPT_OFFSETS_CODEPOINTS)
        ck_assert (!json_object_has_member (line, "offset_unit"));
      else
        ck_assert_str_eq (json_object_get_string_member (line, "offset_unit"), rpt_offset_unit_to_string (unit));

      ck_assert_uint_eq (json_array_get_length (entities), rpt_annotation_store_get_n_items (store));
      ck_assert_uint_eq (json_array_get_length (labels), json_array_get_length (entities));
      for (guint i = 0; i < json_array_get_length (entities); i++)
        {
          JsonObject *entity = json_array_get_object_element (entities, i);
          JsonArray *triple = json_array_get_array_element (labels, i);
          RptAnnotation *a = rpt_project_get_annotation (project, json_object_get_string_member (entity, "id"));
          gint64 start = json_object_get_int_member (entity, "start_offset");
          gint64 end = json_object_get_int_member (entity, "end_offset");
          g_autofree char *covered = fixture_slice_in_unit (text, start, end, unit);
          g_autofree char *quote = NULL;

          ck_assert (a != NULL);
          quote = fixture_quote (project, a);
          ck_assert_str_eq (covered, quote);
          ck_assert_str_eq (json_object_get_string_member (entity, "label"), label_name (a));
          if (speaker_name (a))
            ck_assert_str_eq (json_object_get_string_member (entity, "speaker"), speaker_name (a));
          else
            ck_assert (json_object_get_null_member (entity, "speaker"));
          ck_assert_str_eq (json_object_get_string_member (entity, "note"), rpt_annotation_get_note (a));
          ck_assert_str_eq (json_object_get_string_member (entity, "author"), "Test Author");
          ck_assert_int_eq (json_array_get_int_element (triple, 0), start);
          ck_assert_int_eq (json_array_get_int_element (triple, 1), end);
          ck_assert_str_eq (json_array_get_string_element (triple, 2), label_name (a));
        }

      ck_assert_uint_eq (json_array_get_length (relations), n_relations[l]);
      for (guint i = 0; i < json_array_get_length (relations); i++)
        {
          JsonObject *relation = json_array_get_object_element (relations, i);
          RptRelation *r = rpt_project_get_relation (project, json_object_get_string_member (relation, "id"));

          ck_assert (r != NULL);
          ck_assert_str_eq (json_object_get_string_member (relation, "from_id"), rpt_relation_get_from (r));
          ck_assert_str_eq (json_object_get_string_member (relation, "to_id"), rpt_relation_get_to (r));
          ck_assert_str_eq (json_object_get_string_member (relation, "type"),
                            rpt_relation_type_to_string (rpt_relation_get_kind (r)));
        }
    }
  ck_assert (rpt_test_has_warning (warnings, "two articles"));
  ck_assert (rpt_test_has_warning (warnings, "colours"));
}
END_TEST

/* ---- CSV ---- */

/* RFC 4180: records end with CRLF; a quoted field may hold anything, with
 * quotes doubled. Fails the test on anything else. */
static GPtrArray *
parse_csv (const char *data)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  const char *p = data;

  while (*p)
    {
      GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

      for (;;)
        {
          GString *field = g_string_new (NULL);

          if (*p == '"')
            {
              for (p++;; p++)
                {
                  ck_assert_msg (*p != '\0', "unterminated quoted field");
                  if (*p == '"' && p[1] == '"')
                    g_string_append_c (field, '"'), p++;
                  else if (*p == '"')
                    break;
                  else
                    g_string_append_c (field, *p);
                }
              p++;
            }
          else
            for (; *p && *p != ',' && *p != '\r' && *p != '\n'; p++)
              {
                ck_assert_msg (*p != '"', "a quote in an unquoted field");
                g_string_append_c (field, *p);
              }
          g_ptr_array_add (row, g_string_free (field, FALSE));
          if (*p == ',')
            {
              p++;
              continue;
            }
          ck_assert_msg (p[0] == '\r' && p[1] == '\n', "a record must end with CRLF");
          p += 2;
          break;
        }
      g_ptr_array_add (rows, row);
    }
  return rows;
}

START_TEST (test_csv_fields)
{
  RptOffsetUnit unit = _i;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dest = export_to (RPT_EXPORT_CSV, unit, FALSE, warnings);
  g_autofree char *data = rpt_test_read_file (dest, NULL);
  g_autoptr(GPtrArray) rows = parse_csv (data);
  const char *header[] = { "article_id", "title", "start", "end", "label", "speaker", "text", "note",
                           "author", "annotation_id" };
  GPtrArray *first = g_ptr_array_index (rows, 0);

  ck_assert (!g_str_has_prefix (data, "\xef\xbb\xbf"));
  ck_assert_uint_eq (first->len, G_N_ELEMENTS (header));
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    ck_assert_str_eq (g_ptr_array_index (first, i), header[i]);
  ck_assert_uint_eq (rows->len, 1 + rpt_project_get_n_annotations (project));

  for (guint r = 1; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);
      RptAnnotation *a = rpt_project_get_annotation (project, g_ptr_array_index (row, 9));
      RptDocument *document;
      g_autofree char *covered = NULL;
      g_autofree char *quote = NULL;

      ck_assert_uint_eq (row->len, G_N_ELEMENTS (header));
      ck_assert (a != NULL);
      document = rpt_project_get_document (project, rpt_annotation_get_document (a));
      ck_assert_str_eq (g_ptr_array_index (row, 0), rpt_document_get_id (document));
      ck_assert_str_eq (g_ptr_array_index (row, 1), rpt_document_get_title (document));
      covered = fixture_slice_in_unit (rpt_document_get_text (document),
                                       g_ascii_strtoull (g_ptr_array_index (row, 2), NULL, 10),
                                       g_ascii_strtoull (g_ptr_array_index (row, 3), NULL, 10), unit);
      quote = fixture_quote (project, a);
      ck_assert_str_eq (covered, quote);
      ck_assert_str_eq (g_ptr_array_index (row, 6), quote);
      ck_assert_str_eq (g_ptr_array_index (row, 4), label_name (a));
      ck_assert_str_eq (g_ptr_array_index (row, 5), speaker_name (a) ? speaker_name (a) : "");
      ck_assert_str_eq (g_ptr_array_index (row, 7), rpt_annotation_get_note (a));
      ck_assert_str_eq (g_ptr_array_index (row, 8), "Test Author");
    }
  ck_assert (rpt_test_has_warning (warnings, "relations"));
}
END_TEST

/* ---- Label Studio ---- */

typedef struct
{
  GHashTable *colors;    /* label -> background */
  GHashTable *hotkeys;   /* label -> hotkey */
  GPtrArray  *choices;
  GPtrArray  *relations;
} LabelConfig;

static void
config_start (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  LabelConfig *config = user_data;
  const char *value = NULL, *background = NULL, *hotkey = NULL;

  for (guint i = 0; names[i]; i++)
    {
      if (g_str_equal (names[i], "value"))
        value = values[i];
      else if (g_str_equal (names[i], "background"))
        background = values[i];
      else if (g_str_equal (names[i], "hotkey"))
        hotkey = values[i];
    }
  if (g_str_equal (element, "Label"))
    {
      g_hash_table_insert (config->colors, g_strdup (value), g_strdup (background));
      if (hotkey)
        g_hash_table_insert (config->hotkeys, g_strdup (value), g_strdup (hotkey));
    }
  else if (g_str_equal (element, "Choice"))
    g_ptr_array_add (config->choices, g_strdup (value));
  else if (g_str_equal (element, "Relation"))
    g_ptr_array_add (config->relations, g_strdup (value));
}

START_TEST (test_label_studio_fields)
{
  static const GMarkupParser markup = { config_start };
  RptOffsetUnit unit = _i;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dest = export_to (RPT_EXPORT_LABEL_STUDIO, unit, FALSE, warnings);
  g_autofree char *tasks_path = g_build_filename (dest, "tasks.json", NULL);
  g_autofree char *config_path = g_build_filename (dest, "label_config.xml", NULL);
  g_autofree char *tasks_data = rpt_test_read_file (tasks_path, NULL);
  g_autofree char *config_data = rpt_test_read_file (config_path, NULL);
  g_autoptr(JsonNode) root = parse_json (tasks_data, -1);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  LabelConfig config = {
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free),
  };
  JsonArray *tasks = json_node_get_array (root);
  GListModel *labels = rpt_project_get_labels (project);

  ck_assert_uint_eq (json_array_get_length (tasks), 2);
  for (guint t = 0; t < 2; t++)
    {
      JsonObject *task = json_array_get_object_element (tasks, t);
      JsonObject *data = json_object_get_object_member (task, "data");
      RptDocument *document = rpt_project_get_document (project, json_object_get_string_member (data, "article_id"));
      JsonArray *annotations = json_object_get_array_member (task, "annotations");
      JsonArray *results = json_object_get_array_member (json_array_get_object_element (annotations, 0), "result");
      guint n_labels = 0, n_speakers = 0, n_notes = 0, n_relations = 0;

      ck_assert (document != NULL);
      ck_assert_str_eq (json_object_get_string_member (data, "text"), rpt_document_get_text (document));
      ck_assert_str_eq (json_object_get_string_member (data, "title"), rpt_document_get_title (document));
      ck_assert_uint_eq (json_array_get_length (annotations), 1);
      for (guint i = 0; i < json_array_get_length (results); i++)
        {
          JsonObject *result = json_array_get_object_element (results, i);
          const char *type = json_object_get_string_member (result, "type");
          RptAnnotation *a;
          JsonObject *value;
          g_autofree char *covered = NULL, *quote = NULL;

          if (g_str_equal (type, "relation"))
            {
              RptAnnotation *from = rpt_project_get_annotation (project, json_object_get_string_member (result, "from_id"));
              RptAnnotation *to = rpt_project_get_annotation (project, json_object_get_string_member (result, "to_id"));
              const char *kind = json_array_get_string_element (json_object_get_array_member (result, "labels"), 0);
              g_autoptr(GPtrArray) links = rpt_project_relations_of (project, rpt_annotation_get_id (from));
              gboolean found = FALSE;

              for (guint k = 0; k < links->len; k++)
                found = found || (g_str_equal (rpt_relation_get_to (g_ptr_array_index (links, k)), rpt_annotation_get_id (to)) &&
                                  g_str_equal (kind, rpt_relation_type_to_string (rpt_relation_get_kind (g_ptr_array_index (links, k)))));
              ck_assert (found);
              ck_assert_str_eq (json_object_get_string_member (result, "direction"), "right");
              n_relations++;
              continue;
            }
          a = rpt_project_get_annotation (project, json_object_get_string_member (result, "id"));
          ck_assert (a != NULL);
          ck_assert_str_eq (json_object_get_string_member (result, "to_name"), "text");
          value = json_object_get_object_member (result, "value");
          covered = fixture_slice_in_unit (rpt_document_get_text (document),
                                           json_object_get_int_member (value, "start"),
                                           json_object_get_int_member (value, "end"), unit);
          quote = fixture_quote (project, a);
          ck_assert_str_eq (covered, quote);
          if (g_str_equal (type, "labels"))
            {
              ck_assert_str_eq (json_object_get_string_member (result, "from_name"), "label");
              ck_assert_str_eq (json_object_get_string_member (value, "text"), quote);
              ck_assert_str_eq (json_array_get_string_element (json_object_get_array_member (value, "labels"), 0),
                                label_name (a));
              n_labels++;
            }
          else if (g_str_equal (type, "choices"))
            {
              ck_assert_str_eq (json_object_get_string_member (result, "from_name"), "speaker");
              ck_assert_str_eq (json_array_get_string_element (json_object_get_array_member (value, "choices"), 0),
                                speaker_name (a));
              n_speakers++;
            }
          else
            {
              ck_assert_str_eq (type, "textarea");
              ck_assert_str_eq (json_object_get_string_member (result, "from_name"), "note");
              ck_assert_str_eq (json_array_get_string_element (json_object_get_array_member (value, "text"), 0),
                                rpt_annotation_get_note (a));
              n_notes++;
            }
        }
      ck_assert_uint_eq (n_labels, rpt_document_get_n_annotations (document));
      ck_assert_uint_eq (n_speakers, t == 0 ? 3 : 1);
      ck_assert_uint_eq (n_notes, 1);
      ck_assert_uint_eq (n_relations, t == 0 ? 2 : 1);
    }

  context = g_markup_parse_context_new (&markup, 0, &config, NULL);
  ck_assert_msg (g_markup_parse_context_parse (context, config_data, -1, &error) &&
                 g_markup_parse_context_end_parse (context, &error),
                 "label_config.xml: %s", error ? error->message : "");
  ck_assert_uint_eq (g_hash_table_size (config.colors), g_list_model_get_n_items (labels));
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (labels, i);

      ck_assert_str_eq (g_hash_table_lookup (config.colors, rpt_label_get_name (label)), rpt_label_get_color (label));
    }
  ck_assert_str_eq (g_hash_table_lookup (config.hotkeys, "Claim"), "1");
  ck_assert_uint_eq (config.choices->len, 4);
  ck_assert_str_eq (g_ptr_array_index (config.choices, 2), "Envoy \"E\"");
  ck_assert_uint_eq (config.relations->len, 3);
  g_hash_table_unref (config.colors);
  g_hash_table_unref (config.hotkeys);
  g_ptr_array_unref (config.choices);
  g_ptr_array_unref (config.relations);
}
END_TEST

/* ---- brat ---- */

/* The text as brat reads it: universal newlines, so CRLF is one "\n". */
static char *
brat_view (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!(p[0] == '\r' && p[1] == '\n'))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

START_TEST (test_brat_fields)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dest = export_to (RPT_EXPORT_BRAT, RPT_OFFSETS_CODEPOINTS, FALSE, warnings);
  g_autoptr(GRegex) grammar = g_regex_new ("^(T[0-9]+\t[A-Za-z0-9_-]+ [0-9]+ [0-9]+(;[0-9]+ [0-9]+)*\t[^\t\n]*"
                                           "|A[0-9]+\tSpeaker T[0-9]+ [A-Za-z0-9_-]+"
                                           "|R[0-9]+\t(rebuts|responds_to|supports) Arg1:T[0-9]+ Arg2:T[0-9]+"
                                           "|#[0-9]+\tAnnotatorNotes T[0-9]+\t[^\t\n]*)$", 0, 0, NULL);
  const char *ids[] = { "summit", "day-2" };
  guint n_relations = 0, n_speakers = 0, n_notes = 0;

  for (guint d = 0; d < 2; d++)
    {
      RptDocument *document = rpt_project_get_document (project, ids[d]);
      RptAnnotationStore *store = rpt_project_get_annotations (project, ids[d]);
      g_autofree char *txt_name = g_strdup_printf ("%s/%s.txt", dest, ids[d]);
      g_autofree char *ann_name = g_strdup_printf ("%s/%s.ann", dest, ids[d]);
      g_autofree char *txt = rpt_test_read_file (txt_name, NULL);
      g_autofree char *ann = rpt_test_read_file (ann_name, NULL);
      g_autofree char *view = brat_view (txt);
      g_auto(GStrv) lines = g_strsplit (ann, "\n", -1);
      guint t = 0;

      ck_assert_str_eq (txt, rpt_document_get_text (document));
      for (guint i = 0; lines[i] && *lines[i]; i++)
        {
          ck_assert_msg (g_regex_match (grammar, lines[i], 0, NULL), "not brat standoff: “%s”", lines[i]);
          if (lines[i][0] == 'T')
            {
              RptAnnotation *a = rpt_annotation_store_get (store, t++);
              g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);
              g_auto(GStrv) fragments = g_strsplit (strchr (fields[1], ' ') + 1, ";", -1);
              g_autofree char *type = g_strndup (fields[1], strchr (fields[1], ' ') - fields[1]);
              g_autofree char *name = rpt_export_safe_name_decode (type);
              g_autofree char *quote = fixture_quote (project, a);
              GString *joined = g_string_new (NULL);

              ck_assert_str_eq (name, label_name (a));
              for (guint f = 0; fragments[f]; f++)
                {
                  guint64 s = g_ascii_strtoull (fragments[f], NULL, 10);
                  guint64 e = g_ascii_strtoull (strchr (fragments[f], ' ') + 1, NULL, 10);
                  g_autofree char *piece = fixture_slice_in_unit (view, s, e, RPT_OFFSETS_CODEPOINTS);

                  g_string_append_printf (joined, "%s%s", f ? " " : "", piece);
                }
              ck_assert_str_eq (joined->str, fields[2]);
              if (a == fx.across_crlf)
                {
                  ck_assert_uint_eq (g_strv_length (fragments), 2);
                  ck_assert_str_eq (fields[2], "a farce. \U0001D509\U0001D51E\U0001D52F\U0001D520\U0001D522 indeed! Nobody");
                }
              else
                ck_assert_str_eq (fields[2], quote);
              g_string_free (joined, TRUE);
            }
          else if (lines[i][0] == 'A')
            n_speakers++;
          else if (lines[i][0] == 'R')
            n_relations++;
          else if (lines[i][0] == '#')
            {
              n_notes++;
              if (d == 0)
                ck_assert_str_eq (strchr (strchr (lines[i], '\t') + 1, '\t') + 1,
                                  "Said twice,\\nwith \"emphasis\"; see\\tnotes \\\\ here");
            }
        }
      ck_assert_uint_eq (t, rpt_annotation_store_get_n_items (store));
    }
  ck_assert_uint_eq (n_relations, 3);
  ck_assert_uint_eq (n_speakers, 4);
  ck_assert_uint_eq (n_notes, 2);

  {
    g_autofree char *conf_path = g_build_filename (dest, "annotation.conf", NULL);
    g_autofree char *visual_path = g_build_filename (dest, "visual.conf", NULL);
    g_autofree char *conf = rpt_test_read_file (conf_path, NULL);
    g_autofree char *visual = rpt_test_read_file (visual_path, NULL);

    ck_assert (strstr (conf, "[entities]\nClaim\nRebuttal\nJoke\nDiplomatic_signal\nSelf-2d-defence-5f-x\nOff_the_record\n"));
    ck_assert (strstr (conf, "\nrebuts\tArg1:<ENTITY>, Arg2:<ENTITY>\n"));
    ck_assert (strstr (conf, "\nresponds_to\tArg1:<ENTITY>, Arg2:<ENTITY>\n"));
    ck_assert (strstr (conf, "\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"));
    ck_assert (strstr (conf, "\nSpeaker\tArg:<ENTITY>, Value:The_Minister|Rival-2c-_the|Envoy_-22-E-22-|Nobody_yet\n"));
    ck_assert (strstr (visual, "\nDiplomatic_signal | Diplomatic signal\n"));
    ck_assert (strstr (visual, "\nOff_the_record\tbgColor:#986a44\n"));
  }
  ck_assert (rpt_test_has_warning (warnings, "CRLF"));
  ck_assert (rpt_test_has_warning (warnings, "two articles"));
}
END_TEST

/* ---- W3C ---- */

static JsonObject *
selector (JsonObject *target,
          const char *type)
{
  JsonArray *selectors = json_object_get_array_member (target, "selector");

  for (guint i = 0; i < json_array_get_length (selectors); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (selectors, i), "type"), type))
      return json_array_get_object_element (selectors, i);
  ck_abort_msg ("no %s", type);
  return NULL;
}

START_TEST (test_w3c_fields)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dest = export_to (RPT_EXPORT_W3C, RPT_OFFSETS_CODEPOINTS, FALSE, warnings);
  g_autofree char *data = rpt_test_read_file (dest, NULL);
  g_autoptr(JsonNode) root = parse_json (data, -1);
  JsonObject *collection = json_node_get_object (root);
  JsonObject *page = json_object_get_object_member (collection, "first");
  JsonArray *items = json_object_get_array_member (page, "items");
  guint n_spans = 0, n_links = 0;

  ck_assert_str_eq (json_object_get_string_member (collection, "@context"), "http://www.w3.org/ns/anno.jsonld");
  ck_assert_str_eq (json_object_get_string_member (collection, "type"), "AnnotationCollection");
  ck_assert (json_object_get_string_member (collection, "id") != NULL);
  ck_assert (json_object_get_string_member (page, "id") != NULL);
  ck_assert_str_eq (json_object_get_string_member (page, "type"), "AnnotationPage");
  ck_assert_int_eq (json_object_get_int_member (collection, "total"), json_array_get_length (items));
  ck_assert_uint_eq (json_array_get_length (items), 9 + 4);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *id = json_object_get_string_member (item, "id");
      JsonArray *body = json_object_get_array_member (item, "body");

      ck_assert_str_eq (json_object_get_string_member (item, "type"), "Annotation");
      if (g_str_equal (json_object_get_string_member (item, "motivation"), "linking"))
        {
          RptRelation *r = rpt_project_get_relation (project, id + strlen ("urn:repartee:relation:"));
          g_autofree char *from = g_strconcat ("urn:repartee:annotation:", rpt_relation_get_from (r), NULL);
          g_autofree char *to = g_strconcat ("urn:repartee:annotation:", rpt_relation_get_to (r), NULL);
          JsonObject *tag = json_array_get_object_element (body, 0);

          ck_assert_str_eq (json_object_get_string_member (tag, "purpose"), "tagging");
          ck_assert_str_eq (json_object_get_string_member (tag, "value"),
                            rpt_relation_type_to_string (rpt_relation_get_kind (r)));
          ck_assert_str_eq (json_array_get_string_element (body, 1), to);
          ck_assert_str_eq (json_object_get_string_member (item, "target"), from);
          n_links++;
        }
      else
        {
          RptAnnotation *a = rpt_project_get_annotation (project, id + strlen ("urn:repartee:annotation:"));
          RptDocument *document = rpt_project_get_document (project, rpt_annotation_get_document (a));
          const char *text = rpt_document_get_text (document);
          JsonObject *target = json_object_get_object_member (item, "target");
          JsonObject *quote_selector = selector (target, "TextQuoteSelector");
          JsonObject *position = selector (target, "TextPositionSelector");
          guint start = rpt_annotation_get_start (a), end = rpt_annotation_get_end (a);
          g_autofree char *quote = fixture_quote (project, a);
          g_autofree char *prefix = g_utf8_substring (text, start > 32 ? start - 32 : 0, start);
          g_autofree char *suffix = g_utf8_substring (text, end, MIN (end + 32, rpt_document_get_length (document)));
          g_autofree char *source = g_strconcat ("urn:repartee:article:", rpt_document_get_id (document), NULL);
          g_autofree char *covered = fixture_slice_in_unit (text, json_object_get_int_member (position, "start"),
                                                            json_object_get_int_member (position, "end"),
                                                            RPT_OFFSETS_CODEPOINTS);
          JsonObject *tag = json_array_get_object_element (body, 0);

          ck_assert_str_eq (json_object_get_string_member (target, "source"), source);
          ck_assert_str_eq (json_object_get_string_member (quote_selector, "exact"), quote);
          ck_assert_str_eq (json_object_get_string_member (quote_selector, "prefix"), prefix);
          ck_assert_str_eq (json_object_get_string_member (quote_selector, "suffix"), suffix);
          ck_assert_str_eq (covered, quote);
          ck_assert_str_eq (json_object_get_string_member (tag, "purpose"), "tagging");
          ck_assert_str_eq (json_object_get_string_member (tag, "value"), label_name (a));
          ck_assert_uint_eq (json_array_get_length (body),
                             1 + (speaker_name (a) != NULL) + (*rpt_annotation_get_note (a) != '\0'));
          if (speaker_name (a))
            {
              JsonObject *who = json_array_get_object_element (body, 1);

              ck_assert_str_eq (json_object_get_string_member (who, "purpose"), "identifying");
              ck_assert_str_eq (json_object_get_string_member (who, "value"), speaker_name (a));
            }
          ck_assert_str_eq (json_object_get_string_member (json_object_get_object_member (item, "creator"), "name"),
                            "Test Author");
          n_spans++;
        }
    }
  ck_assert_uint_eq (n_spans, 9);
  ck_assert_uint_eq (n_links, 4);   /* the one across articles too */
}
END_TEST

/* ---- Offsets in each unit and the reversible names ---- */

START_TEST (test_units_refused_where_fixed)
{
  g_autoptr(GError) error = NULL;
  RptExportOptions options;
  g_autofree char *dest = g_build_filename (tmp, "x", NULL);

  rpt_export_options_init (&options, RPT_EXPORT_W3C);
  options.offsets = RPT_OFFSETS_UTF16;
  ck_assert (!rpt_export (project, &options, dest, NULL, NULL, NULL, NULL, &error));
  ck_assert (g_error_matches (error, RPT_ERROR, RPT_ERROR_INVALID));
  ck_assert (!g_file_test (dest, G_FILE_TEST_EXISTS));
  ck_assert (rpt_export_format_has_offset_choice (RPT_EXPORT_JSONL));
  ck_assert (!rpt_export_format_has_offset_choice (RPT_EXPORT_BRAT));
  ck_assert (!rpt_export_format_has_offset_choice (RPT_EXPORT_CONLL));
}
END_TEST

START_TEST (test_safe_names)
{
  const char *names[] = { "Claim", "Diplomatic signal", "Self-defence_x", "a  b", " lead", "Ünï 😀",
                          "_", "-", "x|y:z", "3rd party", "Tab\there" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *safe = rpt_export_safe_name (names[i]);
      g_autofree char *back = rpt_export_safe_name_decode (safe);

      for (const char *p = safe; *p; p++)
        ck_assert_msg (g_ascii_isalnum (*p) || *p == '_' || *p == '-', "“%s” in “%s”", p, safe);
      ck_assert_str_eq (back, names[i]);
    }
  {
    g_autofree char *s = rpt_export_safe_name ("Diplomatic signal");
    ck_assert_str_eq (s, "Diplomatic_signal");
  }
  ck_assert_ptr_null (rpt_export_safe_name_decode ("bad-zz-"));
  ck_assert_ptr_null (rpt_export_safe_name_decode ("no.dots"));
  ck_assert_ptr_null (rpt_export_safe_name_decode ("open-41"));
}
END_TEST

/* ---- Large single files are written as they are made ---- */

#define LARGE_ARTICLES 8
#define LARGE_SPANS 6000

/* Articles whose JSONL is several times the 4 MB that is held before
 * writing, so that the file is written in pieces. */
static RptProject *
make_large_project (void)
{
  RptProject *big = rpt_project_new ();

  for (guint d = 0; d < LARGE_ARTICLES; d++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(RptDocument) doc = NULL;
      g_autofree char *id = g_strdup_printf ("d%u", d);
      guint length;

      for (guint i = 0; i < LARGE_SPANS; i++)
        g_string_append_printf (text, "Envoy %u said the ferry “will run” 👋 again. ", i);
      doc = rpt_document_new (id, "Long dispatch", "long.txt", text->str);
      ck_assert (rpt_project_add_document (big, doc, NULL));
      length = rpt_document_get_length (doc);
      for (guint i = 0; i < LARGE_SPANS; i++)
        {
          guint start = length / LARGE_SPANS * i;

          ck_assert (rpt_project_add_annotation (big, id, start, start + 5, "claim", NULL, NULL));
        }
    }
  return big;
}

START_TEST (test_large_file_in_pieces)
{
  g_autoptr(RptProject) big = make_large_project ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = g_build_filename (tmp, "big.jsonl", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  RptExportOptions options;
  gsize len;
  guint n_annotations = 0, n = 0;

  rpt_export_options_init (&options, RPT_EXPORT_JSONL);
  ck_assert_msg (rpt_export (big, &options, dest, NULL, NULL, NULL, NULL, &error), "%s", error ? error->message : "");
  ck_assert (g_file_get_contents (dest, &contents, &len, NULL));
  ck_assert_uint_gt (len, 3 * (4u << 20));

  /* Every line whole JSON, the records in order, none lost or repeated
   * at the seams between pieces. */
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] && lines[i][0]; i++, n++)
    {
      g_autoptr(JsonNode) node = parse_json (lines[i], -1);
      JsonObject *record = json_node_get_object (node);

      n_annotations += json_array_get_length (json_object_get_array_member (record, "entities"));
    }
  ck_assert_uint_eq (n, LARGE_ARTICLES);
  ck_assert_uint_eq (n_annotations, LARGE_ARTICLES * LARGE_SPANS);
}
END_TEST

/* In the child: the export must fail. */
static int
export_large_project (gpointer   dest,
                      GError   **error)
{
  g_autoptr(RptProject) big = make_large_project ();
  RptExportOptions options;

  rpt_export_options_init (&options, RPT_EXPORT_JSONL);
  if (rpt_export (big, &options, dest, NULL, NULL, NULL, NULL, error))
    return 12;                          /* the write did not fail */
  return 0;
}

/* A write that fails part-way (the file size limit: a real EFBIG, as on a
 * full disk) leaves the old file as it was and no temporary file. */
START_TEST (test_large_file_failure)
{
  g_autofree char *dest = rpt_test_write_file (tmp, "big.jsonl", "old contents\n", -1);
  g_autofree char *expected = g_strdup_printf ("%s: could not save: %s", dest, g_strerror (EFBIG));
  g_autofree char *old = NULL;
  g_autofree char *message = rpt_test_fail_under_limit (6u << 20, export_large_project, dest);
  GDir *dir;
  const char *name;
  guint n_files = 0;

  ck_assert_str_eq (message, expected);

  ck_assert (g_file_get_contents (dest, &old, NULL, NULL));
  ck_assert_str_eq (old, "old contents\n");
  dir = g_dir_open (tmp, 0, NULL);
  while ((name = g_dir_read_name (dir)))
    {
      ck_assert_msg (g_str_equal (name, "big.jsonl"), "left behind: %s", name);
      n_files++;
    }
  g_dir_close (dir);
  ck_assert_uint_eq (n_files, 1);
}
END_TEST

static Suite *
export_suite (void)
{
  Suite *s = suite_create ("export");
  TCase *tc = tcase_create ("formats");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_loop_test (tc, test_jsonl_fields, 0, RPT_OFFSETS_N_UNITS);
  tcase_add_loop_test (tc, test_csv_fields, 0, RPT_OFFSETS_N_UNITS);
  tcase_add_loop_test (tc, test_label_studio_fields, 0, RPT_OFFSETS_N_UNITS);
  tcase_add_test (tc, test_brat_fields);
  tcase_add_test (tc, test_w3c_fields);
  tcase_add_test (tc, test_units_refused_where_fixed);
  tcase_add_test (tc, test_safe_names);
  tcase_add_test (tc, test_large_file_in_pieces);
  tcase_add_test (tc, test_large_file_failure);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (export_suite)
