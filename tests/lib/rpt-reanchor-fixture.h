/* rpt-reanchor-fixture.h: a project written for the re-anchoring suites,
 * and the same articles edited as a user would edit them outside
 * Repartee: an insertion before a span and one inside it, a deleted
 * sentence, a duplicated sentence, a copy that its context tells apart.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <check.h>
#include <string.h>

#include "rpt-core.h"
#include "rpt-test-project.h"

/* d1: "UPDATED 10:40. " before everything, "late " inside a1. */
#define D1 "The harbour master said the new pier would open in May — weather permitting. " \
           "The mayor disagreed. She called the plan a fantasy and asked for an audit."
#define D1_EDITED "UPDATED 10:40. The harbour master said the new pier would open in late May — " \
                  "weather permitting. The mayor disagreed. She called the plan a fantasy and asked for an audit."
/* d2: a4's sentence deleted, a5's sentence repeated. */
#define D2 "Fishermen at the café welcomed the pier. One of them joked that the fish would use it first. " \
           "The council said nothing at all that week. Nobody from the council replied. The story ends there."
#define D2_EDITED "Fishermen at the café welcomed the pier. The council said nothing at all that week. " \
                  "Nobody from the council replied. Nobody from the council replied. The story ends there."
/* d3: "no comment" twice, each still told apart by what surrounds it. */
#define D3 "Asked about fishing rights, the minister said: no comment. Asked about the pier, she said: no comment."
#define D3_EDITED "Asked about fishing quotas, the minister said: no comment. Asked about the new pier, " \
                  "she said: no comment. Then she left."
/* d4: never edited. */
#define D4 "A quiet day at the harbour 🚢 with one ferry and no news."

static inline guint
fixture_offset (const char *text,
                const char *quote,
                guint       occurrence)
{
  const char *at = strstr (text, quote);

  for (guint i = 1; at != NULL && i < occurrence; i++)
    at = strstr (at + 1, quote);
  ck_assert_msg (at != NULL, "“%s” is not in the text", quote);
  return (guint) g_utf8_pointer_to_offset (text, at);
}

static inline void
fixture_tag (RptProject *project,
             const char *doc,
             const char *text,
             const char *quote,
             guint       occurrence,
             const char *label,
             const char *speaker,
             const char *expected_id)
{
  g_autoptr(GError) error = NULL;
  guint start = fixture_offset (text, quote, occurrence);
  RptAnnotation *a = rpt_project_add_annotation (project, doc, start, start + g_utf8_strlen (quote, -1),
                                                 label, speaker, &error);

  ck_assert_msg (a != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (rpt_annotation_get_id (a), expected_id);
}

static inline void
fixture_link (RptProject      *project,
              RptRelationType  type,
              const char      *from,
              const char      *to)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (rpt_project_add_relation (project, type, from, to, &error) != NULL, "%s",
                 error ? error->message : "");
}

/* Four articles, eight annotations a1…a8, relations r9 (a2 rebuts a1),
 * r10 (a5 responds to a4), r11 (a3 supports a2); saved. */
static inline RptProject *
fixture_project_build (void)
{
  RptProject *project = rpt_project_new ();
  const char *texts[] = { D1, D2, D3, D4 };

  rpt_project_set_author (project, "Fixture Author");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *id = g_strdup_printf ("d%u", i + 1);
      g_autoptr(RptDocument) document = rpt_document_new (id, id, "fixture.txt", texts[i]);

      ck_assert (rpt_project_add_document (project, document, NULL));
    }
  ck_assert_ptr_nonnull (rpt_project_add_speaker (project, "Harbour master", NULL));
  ck_assert_ptr_nonnull (rpt_project_add_speaker (project, "Mayor", NULL));

  fixture_tag (project, "d1", D1, "the new pier would open in May", 1, "claim", "harbour-master", "a1");
  fixture_tag (project, "d1", D1, "The mayor disagreed.", 1, "rebuttal", "mayor", "a2");
  fixture_tag (project, "d1", D1, "asked for an audit", 1, "claim", "mayor", "a3");
  fixture_tag (project, "d2", D2, "One of them joked that the fish would use it first.", 1, "joke", NULL, "a4");
  fixture_tag (project, "d2", D2, "Nobody from the council replied.", 1, "diplomatic-signal", NULL, "a5");
  fixture_tag (project, "d3", D3, "no comment", 2, "claim", NULL, "a6");
  fixture_tag (project, "d3", D3, "no comment", 1, "joke", NULL, "a7");
  fixture_tag (project, "d4", D4, "one ferry", 1, "claim", NULL, "a8");
  fixture_link (project, RPT_RELATION_REBUTS, "a2", "a1");
  fixture_link (project, RPT_RELATION_RESPONDS_TO, "a5", "a4");
  fixture_link (project, RPT_RELATION_SUPPORTS, "a3", "a2");
  rpt_project_mark_saved (project);
  return project;
}

/* The fixture, built once per process and then loaded from the same bytes:
 * annotations are stamped with the current second, so two fixtures built
 * on either side of a second's tick would differ in their times. */
static inline RptProject *
fixture_project (void)
{
  static char *bytes;
  g_autoptr(GError) error = NULL;
  RptProject *project;

  if (bytes == NULL)
    {
      g_autoptr(RptProject) built = fixture_project_build ();
      g_autoptr(GBytes) saved = rpt_project_to_bytes (built);

      bytes = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
    }
  project = rpt_project_load_from_data (bytes, strlen (bytes), &error);
  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  rpt_project_set_author (project, "Fixture Author");
  return project;
}

static inline char *
fixture_bytes (RptProject *project)
{
  return rpt_test_project_text (project);
}

/* @data with the first @from replaced by @to. */
static inline char *
fixture_replace (const char *data,
                 const char *from,
                 const char *to)
{
  const char *at = strstr (data, from);

  ck_assert_msg (at != NULL, "“%s” is not in the file", from);
  return g_strdup_printf ("%.*s%s%s", (int) (at - data), data, to, at + strlen (from));
}

/* The file of @project as if its articles' texts had been edited by hand:
 * the "text" members changed, the "sha256" members not. */
static inline char *
fixture_edited_file (RptProject *project,
                     gboolean    d1,
                     gboolean    d2,
                     gboolean    d3)
{
  char *data = fixture_bytes (project);
  const struct { gboolean edit; const char *from, *to; } edits[] = {
    { d1, "\"text\": \"" D1 "\"", "\"text\": \"" D1_EDITED "\"" },
    { d2, "\"text\": \"" D2 "\"", "\"text\": \"" D2_EDITED "\"" },
    { d3, "\"text\": \"" D3 "\"", "\"text\": \"" D3_EDITED "\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    if (edits[i].edit)
      {
        char *edited = fixture_replace (data, edits[i].from, edits[i].to);

        g_free (data);
        data = edited;
      }
  return data;
}

/* The same sentence said twice, tagged twice with one label (a1, a2):
 * deleting either sentence makes both quotes converge on the other. */
#define TWICE "The council met on Monday. Its leader told reporters: we will not raise the harbour fees " \
              "this year. Fishermen doubted it. At the evening meeting the mayor repeated: we will not " \
              "raise the harbour fees this year. Nobody asked more."
#define TWICE_QUOTE "we will not raise the harbour fees this year."
#define TWICE_FIRST_SENTENCE "Its leader told reporters: " TWICE_QUOTE " "
#define TWICE_SECOND_SENTENCE "At the evening meeting the mayor repeated: " TWICE_QUOTE " "

static inline RptProject *
fixture_twice_project (void)
{
  RptProject *project = rpt_project_new ();
  g_autoptr(RptDocument) document = rpt_document_new ("d1", "Harbour fees", "fees.txt", TWICE);

  ck_assert (rpt_project_add_document (project, document, NULL));
  fixture_tag (project, "d1", TWICE, TWICE_QUOTE, 1, "claim", NULL, "a1");
  fixture_tag (project, "d1", TWICE, TWICE_QUOTE, 2, "claim", NULL, "a2");
  rpt_project_mark_saved (project);
  return project;
}

/* TWICE without @sentence (one of the two below). */
static inline char *
fixture_twice_without (const char *sentence)
{
  const char *at = strstr (TWICE, sentence);

  ck_assert_ptr_nonnull (at);
  return g_strdup_printf ("%.*s%s", (int) (at - TWICE), TWICE, at + strlen (sentence));
}

/* The text an annotation covers now. */
static inline char *
fixture_span (RptProject *project,
              const char *id)
{
  RptAnnotation *a = rpt_project_get_annotation (project, id);

  ck_assert_msg (a != NULL, "%s is not placed", id);
  return rpt_document_dup_slice (rpt_project_get_document (project, rpt_annotation_get_document (a)),
                                 rpt_annotation_get_start (a), rpt_annotation_get_end (a));
}

/* Placed annotations and orphans agree with the lists that hold them. */
static inline void
fixture_assert_consistent (RptProject *project)
{
  GListModel *documents = rpt_project_get_documents (project);
  GListModel *orphans = rpt_project_get_orphans (project);
  GListModel *relations = rpt_project_get_relations (project);
  guint total = 0;

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(RptDocument) document = g_list_model_get_item (documents, d);
      RptAnnotationStore *store = rpt_project_get_annotations (project, rpt_document_get_id (document));
      guint n = rpt_annotation_store_get_n_items (store);

      ck_assert_ptr_eq (rpt_project_get_document (project, rpt_document_get_id (document)), document);
      ck_assert_uint_eq (rpt_document_get_n_annotations (document), n);
      total += n;
      for (guint i = 0; i < n; i++)
        {
          RptAnnotation *a = rpt_annotation_store_get (store, i);

          ck_assert (!rpt_annotation_is_orphan (a));
          ck_assert_ptr_null (rpt_annotation_get_quote (a));
          ck_assert_ptr_eq (rpt_project_get_annotation (project, rpt_annotation_get_id (a)), a);
          ck_assert_ptr_null (rpt_project_get_orphan (project, rpt_annotation_get_id (a)));
          ck_assert_uint_le (rpt_annotation_get_end (a), rpt_document_get_length (document));
          if (i > 0)
            ck_assert_int_lt (rpt_annotation_compare (rpt_annotation_store_get (store, i - 1), a), 0);
        }
    }
  ck_assert_uint_eq (rpt_project_get_n_annotations (project), total);

  ck_assert_uint_eq (rpt_project_get_n_orphans (project), g_list_model_get_n_items (orphans));
  for (guint i = 0; i < g_list_model_get_n_items (orphans); i++)
    {
      g_autoptr(RptAnnotation) a = g_list_model_get_item (orphans, i);

      ck_assert (rpt_annotation_is_orphan (a));
      ck_assert_ptr_nonnull (rpt_annotation_get_prefix (a));
      ck_assert_ptr_nonnull (rpt_annotation_get_suffix (a));
      ck_assert_ptr_eq (rpt_project_get_orphan (project, rpt_annotation_get_id (a)), a);
      ck_assert_ptr_null (rpt_project_get_annotation (project, rpt_annotation_get_id (a)));
      ck_assert_ptr_nonnull (rpt_project_get_document (project, rpt_annotation_get_document (a)));
    }

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(RptRelation) r = g_list_model_get_item (relations, i);
      const char *ends[] = { rpt_relation_get_from (r), rpt_relation_get_to (r) };

      for (guint e = 0; e < 2; e++)
        ck_assert_msg (rpt_project_get_annotation (project, ends[e]) || rpt_project_get_orphan (project, ends[e]),
                       "relation %s points at nothing", rpt_relation_get_id (r));
    }
}

/* Loads @data, which must load. */
static inline RptProject *
fixture_load (const char         *data,
              RptLoadFlags        flags,
              RptReanchorReport **report)
{
  g_autoptr(GError) error = NULL;
  RptProject *project = rpt_project_load_from_data_full (data, strlen (data), flags, report, &error);

  ck_assert_msg (project != NULL, "%s", error ? error->message : "");
  return project;
}

static inline void
fixture_assert_span (RptProject *project,
                     const char *id,
                     const char *expected)
{
  g_autofree char *span = fixture_span (project, id);

  ck_assert_str_eq (span, expected);
}

static inline void
fixture_assert_counts (RptReanchorReport *report,
                       guint              index,
                       const char        *document,
                       guint              exact,
                       guint              context,
                       guint              fuzzy,
                       guint              orphan)
{
  ck_assert_str_eq (rpt_reanchor_report_get_document (report, index), document);
  ck_assert_uint_eq (rpt_reanchor_report_get_count (report, index, RPT_ANCHOR_EXACT), exact);
  ck_assert_uint_eq (rpt_reanchor_report_get_count (report, index, RPT_ANCHOR_CONTEXT), context);
  ck_assert_uint_eq (rpt_reanchor_report_get_count (report, index, RPT_ANCHOR_FUZZY), fuzzy);
  ck_assert_uint_eq (rpt_reanchor_report_get_count (report, index, RPT_ANCHOR_ORPHAN), orphan);
}

/* The state after re-anchoring the three edited articles, however it was
 * reached. */
static inline void
fixture_assert_reanchored (RptProject *project)
{
  RptAnnotation *a4, *a5;

  fixture_assert_consistent (project);
  /* d1: inserted before (exact), inside (fuzzy). */
  fixture_assert_span (project, "a1", "the new pier would open in late May");
  fixture_assert_span (project, "a2", "The mayor disagreed.");
  fixture_assert_span (project, "a3", "asked for an audit");
  ck_assert_uint_eq (rpt_annotation_get_start (rpt_project_get_annotation (project, "a3")),
                     fixture_offset (D1_EDITED, "asked for an audit", 1));
  /* d2: deleted, and duplicated: both orphans, kept with what they quoted. */
  ck_assert_ptr_null (rpt_project_get_annotation (project, "a4"));
  ck_assert_ptr_null (rpt_project_get_annotation (project, "a5"));
  a4 = rpt_project_get_orphan (project, "a4");
  a5 = rpt_project_get_orphan (project, "a5");
  ck_assert_ptr_nonnull (a4);
  ck_assert_ptr_nonnull (a5);
  ck_assert_str_eq (rpt_annotation_get_quote (a4), "One of them joked that the fish would use it first.");
  ck_assert_str_eq (rpt_annotation_get_prefix (a4), " at the café welcomed the pier. ");
  ck_assert_str_eq (rpt_annotation_get_quote (a5), "Nobody from the council replied.");
  ck_assert_str_eq (rpt_annotation_get_label (a4), "joke");
  /* Where they last were, in the old text. */
  ck_assert_uint_eq (rpt_annotation_get_start (a4), fixture_offset (D2, "One of them", 1));
  ck_assert_uint_eq (rpt_annotation_get_start (a5), fixture_offset (D2, "Nobody", 1));
  /* d3: two copies of "no comment", the context tells which is which. */
  ck_assert_uint_eq (rpt_annotation_get_start (rpt_project_get_annotation (project, "a6")),
                     fixture_offset (D3_EDITED, "no comment", 2));
  ck_assert_uint_eq (rpt_annotation_get_start (rpt_project_get_annotation (project, "a7")),
                     fixture_offset (D3_EDITED, "no comment", 1));
  /* d4 was not touched. */
  fixture_assert_span (project, "a8", "one ferry");
  /* Relations survive, the one between two orphans too. */
  ck_assert_uint_eq (g_list_model_get_n_items (rpt_project_get_relations (project)), 3);
  ck_assert_str_eq (rpt_relation_get_to (rpt_project_get_relation (project, "r10")), "a4");
  ck_assert_str_eq (rpt_document_get_text (rpt_project_get_document (project, "d1")), D1_EDITED);
  ck_assert_uint_eq (rpt_project_get_n_orphans (project), 2);
}
