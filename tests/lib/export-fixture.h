/* export-fixture.h: the project the export and import suites share, with
 * text written for these tests: characters outside the BMP, combining
 * accents, no-break spaces, CRLF line breaks, overlapping spans, a span
 * edge inside a word, notes with line breaks and quotes, relations within
 * and across articles. Included by the test files (static functions).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <check.h>

#include "rpt-core.h"
#include "rpt-export.h"
#include "rpt-test-project.h"
#include "rpt-test-util.h"

#define FIXTURE_TEXT_1 \
  "The minister said: \"We will not back down.\" His rival replied\u00a0quickly: " \
  "\"Not successfully \U0001F600.\"\r\nCritics called the cafe\u0301 talks a farce. " \
  "\U0001D509\U0001D51E\U0001D52F\U0001D520\U0001D522 indeed!\r\nNobody laughed."

#define FIXTURE_TEXT_2 \
  "Second day. The envoy joked about the weather \U0001F327\uFE0F and the talks.\n" \
  "The press did not laugh."

/* Code point offset of the first @needle in @haystack. */
G_GNUC_UNUSED static guint
fixture_find (const char *haystack,
              const char *needle)
{
  return rpt_test_offset_of (haystack, needle);
}

G_GNUC_UNUSED static void
fixture_link (RptProject      *project,
              RptRelationType  type,
              RptAnnotation   *from,
              RptAnnotation   *to)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (rpt_project_add_relation (project, type, rpt_annotation_get_id (from),
                                           rpt_annotation_get_id (to), &error) != NULL,
                 "%s", error ? error->message : "");
}

/* Annotation ids of the fixture, by role. */
typedef struct
{
  RptAnnotation *claim, *rebuttal, *joke_overlap, *signal, *farce, *across_crlf, *partial;
  RptAnnotation *envoy_joke, *press;
} Fixture;

G_GNUC_UNUSED static RptProject *
fixture_project (Fixture *fx)
{
  RptProject *project = rpt_project_new ();
  g_autoptr(RptDocument) d1 = rpt_document_new ("summit", "Summit, day one", "summit.txt", FIXTURE_TEXT_1);
  g_autoptr(RptDocument) d2 = rpt_document_new ("day-2", "Summit, day two", "day-2.txt", FIXTURE_TEXT_2);
  g_autoptr(GError) error = NULL;
  RptSpeaker *minister, *rival, *envoy;
  RptLabel *custom;
  Fixture local;

  if (fx == NULL)
    fx = &local;
  rpt_project_set_author (project, "Test Author");
  ck_assert (rpt_project_add_document (project, d1, &error));
  ck_assert (rpt_project_add_document (project, d2, &error));
  minister = rpt_project_add_speaker (project, "The Minister", &error);
  rival = rpt_project_add_speaker (project, "Rival, the", &error);
  envoy = rpt_project_add_speaker (project, "Envoy \"E\"", &error);
  ck_assert (rpt_project_add_speaker (project, "Nobody yet", &error) != NULL);
  custom = rpt_project_add_label (project, "Self-defence_x", "#9141ac", 0, &error);
  ck_assert (custom != NULL);
  ck_assert (rpt_project_add_label (project, "Off the record", "#986a44", 0, &error) != NULL);
  rpt_project_set_label_description (project, "claim", "Put forward as true");

  fx->claim = rpt_test_tag_quote (project, "summit", "We will not back down.", "claim", rpt_speaker_get_id (minister));
  fx->rebuttal = rpt_test_tag_quote (project, "summit", "Not successfully \U0001F600.", "rebuttal", rpt_speaker_get_id (rival));
  fx->joke_overlap = rpt_test_tag_quote (project, "summit", "replied\u00a0quickly: \"Not successfully", "joke", NULL);
  fx->signal = rpt_test_tag_quote (project, "summit", "cafe\u0301 talks", "diplomatic-signal", NULL);
  fx->farce = rpt_test_tag_quote (project, "summit",
                           "\U0001D509\U0001D51E\U0001D52F\U0001D520\U0001D522 indeed", "claim", NULL);
  fx->across_crlf = rpt_test_tag_quote (project, "summit",
                                 "a farce. \U0001D509\U0001D51E\U0001D52F\U0001D520\U0001D522 indeed!\r\nNobody",
                                 rpt_label_get_id (custom), rpt_speaker_get_id (rival));
  fx->partial = rpt_test_tag_quote (project, "summit", "inister", "claim", NULL);
  fx->envoy_joke = rpt_test_tag_quote (project, "day-2", "joked about the weather \U0001F327\uFE0F", "joke",
                                rpt_speaker_get_id (envoy));
  fx->press = rpt_test_tag_quote (project, "day-2", "did not laugh", "rebuttal", NULL);

  rpt_project_set_annotation_note (project, rpt_annotation_get_id (fx->claim),
                                   "Said twice,\nwith \"emphasis\"; see\tnotes \\ here");
  rpt_project_set_annotation_note (project, rpt_annotation_get_id (fx->press), "Silence, reported");

  fixture_link (project, RPT_RELATION_REBUTS, fx->rebuttal, fx->claim);
  fixture_link (project, RPT_RELATION_RESPONDS_TO, fx->joke_overlap, fx->claim);
  fixture_link (project, RPT_RELATION_SUPPORTS, fx->press, fx->envoy_joke);
  /* Across articles: only W3C can carry it. */
  fixture_link (project, RPT_RELATION_RESPONDS_TO, fx->envoy_joke, fx->claim);

  return project;
}

/* Text of @document from @start to @end in @unit, as a consumer in that
 * unit would slice it (UTF-16 via g_utf8_to_utf16, bytes directly). */
G_GNUC_UNUSED static char *
fixture_slice_in_unit (const char    *text,
                       guint64        start,
                       guint64        end,
                       RptOffsetUnit  unit)
{
  switch (unit)
    {
    case RPT_OFFSETS_BYTES:
      ck_assert_uint_le (end, strlen (text));
      return g_strndup (text + start, end - start);
    case RPT_OFFSETS_UTF16:
      {
        glong n = 0;
        g_autofree gunichar2 *units = g_utf8_to_utf16 (text, -1, NULL, &n, NULL);

        ck_assert_uint_le (end, (guint64) n);
        return g_utf16_to_utf8 (units + start, (glong) (end - start), NULL, NULL, NULL);
      }
    case RPT_OFFSETS_CODEPOINTS:
    default:
      ck_assert_uint_le (end, (guint64) g_utf8_strlen (text, -1));
      return g_utf8_substring (text, (glong) start, (glong) end);
    }
}

G_GNUC_UNUSED static char *
fixture_quote (RptProject    *project,
               RptAnnotation *a)
{
  RptDocument *document = rpt_project_get_document (project, rpt_annotation_get_document (a));

  return rpt_document_dup_slice (document, rpt_annotation_get_start (a), rpt_annotation_get_end (a));
}

G_GNUC_UNUSED static int
fixture_compare_strings (gconstpointer a,
                         gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

G_GNUC_UNUSED static char *
fixture_describe_annotation (RptProject *project,
                             const char *annotation_id)
{
  RptAnnotation *a = rpt_project_get_annotation (project, annotation_id);

  ck_assert (a != NULL);
  return g_strdup_printf ("%s:%u-%u:%s", rpt_annotation_get_document (a), rpt_annotation_get_start (a),
                          rpt_annotation_get_end (a),
                          rpt_label_get_name (rpt_project_get_label (project, rpt_annotation_get_label (a))));
}

/* "type from -> to" of every relation within one article, sorted. */
G_GNUC_UNUSED static char *
fixture_describe_relations (RptProject *project)
{
  GListModel *relations = rpt_project_get_relations (project);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(RptRelation) relation = g_list_model_get_item (relations, i);
      RptAnnotation *from = rpt_project_get_annotation (project, rpt_relation_get_from (relation));
      RptAnnotation *to = rpt_project_get_annotation (project, rpt_relation_get_to (relation));
      g_autofree char *a = NULL, *b = NULL;

      if (g_strcmp0 (rpt_annotation_get_document (from), rpt_annotation_get_document (to)) != 0)
        continue;
      a = fixture_describe_annotation (project, rpt_relation_get_from (relation));
      b = fixture_describe_annotation (project, rpt_relation_get_to (relation));
      g_ptr_array_add (lines, g_strdup_printf ("%s %s -> %s",
                                               rpt_relation_type_to_string (rpt_relation_get_kind (relation)), a, b));
    }
  g_ptr_array_sort (lines, fixture_compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

/* "start end label|speaker|note" of every annotation of a document, sorted,
 * with names rather than ids so that projects can be compared. */
G_GNUC_UNUSED static char *
fixture_describe_spans (RptProject *project,
                        const char *document_id,
                        gboolean    with_notes)
{
  RptAnnotationStore *store = rpt_project_get_annotations (project, document_id);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  ck_assert_msg (store != NULL, "no article “%s”", document_id);
  for (guint i = 0; i < rpt_annotation_store_get_n_items (store); i++)
    {
      RptAnnotation *a = rpt_annotation_store_get (store, i);
      RptSpeaker *speaker = rpt_project_get_speaker (project, rpt_annotation_get_speaker (a));

      g_ptr_array_add (lines, g_strdup_printf ("%u %u %s|%s|%s", rpt_annotation_get_start (a),
                                               rpt_annotation_get_end (a),
                                               rpt_label_get_name (rpt_project_get_label (project, rpt_annotation_get_label (a))),
                                               speaker ? rpt_speaker_get_name (speaker) : "",
                                               with_notes ? rpt_annotation_get_note (a) : ""));
    }
  g_ptr_array_sort (lines, fixture_compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

/* setup () of the suites that export the fixture: the project (@fx may be
 * NULL) and a fresh temporary folder. */
G_GNUC_UNUSED static void
fixture_setup_in_tmp (RptProject **project,
                      Fixture     *fx,
                      char       **tmp)
{
  *project = fixture_project (fx);
  *tmp = rpt_test_make_tmpdir ();
}

G_GNUC_UNUSED static void
fixture_teardown_in_tmp (RptProject **project,
                         char       **tmp)
{
  g_clear_object (project);
  g_clear_pointer (tmp, g_free);
}

/* The static state of a suite that exports the fixture (the project,
 * what its annotations are, a temporary folder) and its setup () and
 * teardown (). */
#define FIXTURE_SUITE_STATE(project, fx, tmp)                                  \
  static RptProject *project;                                                  \
  static Fixture fx;                                                           \
  static char *tmp;                                                            \
  static void setup (void) { fixture_setup_in_tmp (&project, &fx, &tmp); }     \
  static void teardown (void) { fixture_teardown_in_tmp (&project, &tmp); }

/* setup () of the suites that run the tool on the fixture: a fresh
 * temporary folder in @tmp with the project saved in it; returns its path. */
G_GNUC_UNUSED static char *
fixture_save_in_tmp (char **tmp)
{
  g_autoptr(RptProject) project = fixture_project (NULL);
  g_autoptr(GError) error = NULL;
  char *path;

  *tmp = rpt_test_make_tmpdir ();
  path = g_build_filename (*tmp, "summit.json", NULL);
  ck_assert_msg (rpt_project_save_to_file (project, path, &error), "%s", error ? error->message : "");
  return path;
}
