/* test-model-display.c: what any front end shows of the model, without a
 * display: the tint and underline layers of overlapping spans
 * (rpt-span-layers) and an annotation's display texts: its excerpt, its
 * label and speaker, a time, a relation seen from either end
 * (rpt-annotation-format). The article view and the inspector draw these;
 * here they are checked as text.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "rpt-core.h"
#include "rpt-test-project.h"
#include "rpt-test-util.h"

/* Every span below is tagged in this text. */
#define TEXT "The mayor said the new pier would open in May, weather permitting."

static RptProject *
new_project (const char *text)
{
  RptProject *project = rpt_project_new ();
  g_autoptr(RptDocument) document = rpt_document_new ("d1", "Harbour news", "harbour.txt", text);

  ck_assert (rpt_project_add_document (project, document, NULL));
  ck_assert_ptr_nonnull (rpt_project_add_speaker (project, "Mayor", NULL));
  return project;
}

/* Tags the first @quote in d1 with @label. */
static RptAnnotation *
tag (RptProject *project,
     const char *quote,
     const char *label)
{
  return rpt_test_tag_quote (project, "d1", quote, label, NULL);
}

/* "claim:“said the ” joke:“pier”": each run as its label and the text it
 * covers, as the article view paints them. */
static char *
runs_text (RptProject *project,
           GArray     *runs)
{
  RptDocument *document = rpt_project_get_document (project, "d1");
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < runs->len; i++)
    {
      RptSpanRun *run = &g_array_index (runs, RptSpanRun, i);
      g_autofree char *covered = rpt_document_dup_slice (document, run->start, run->end);

      g_string_append_printf (out, "%s%s:“%s”", i > 0 ? " " : "", run->label_id, covered);
    }
  return g_string_free (out, FALSE);
}

/* The layers of d1 between @start and @end, as the article view asks for
 * them (the store's spans there), in @tints and @underlines. */
static void
layers (RptProject  *project,
        guint        start,
        guint        end,
        char       **tints,
        char       **underlines)
{
  RptAnnotationStore *store = rpt_project_get_annotations (project, "d1");
  g_autoptr(GPtrArray) spans = rpt_annotation_store_query (store, start, end);
  g_autoptr(GArray) tint_runs = g_array_new (FALSE, FALSE, sizeof (RptSpanRun));
  g_autoptr(GArray) underline_runs = g_array_new (FALSE, FALSE, sizeof (RptSpanRun));

  rpt_span_layers (spans, start, end, tint_runs, underline_runs);
  *tints = runs_text (project, tint_runs);
  *underlines = runs_text (project, underline_runs);
}

static void
assert_layers (RptProject *project,
               const char *tints,
               const char *underlines)
{
  g_autofree char *got_tints = NULL;
  g_autofree char *got_underlines = NULL;

  layers (project, 0, g_utf8_strlen (TEXT, -1), &got_tints, &got_underlines);
  ck_assert_str_eq (got_tints, tints);
  ck_assert_str_eq (got_underlines, underlines);
}

/* ---- The layers of overlapping spans ---- */

/* A span inside another: the outer one tints all of itself, the inner
 * one is underlined in its own colour. */
START_TEST (test_layers_nested)
{
  g_autoptr(RptProject) project = new_project (TEXT);

  tag (project, "the new pier would open in May", "claim");
  tag (project, "pier", "joke");
  assert_layers (project, "claim:“the new pier would open in May”", "joke:“pier”");
}
END_TEST

/* Two spans across each other: each tints what only it covers; where
 * they overlap the earlier one tints and the later one underlines. */
START_TEST (test_layers_crossing)
{
  g_autoptr(RptProject) project = new_project (TEXT);

  tag (project, "The mayor said the new", "claim");
  tag (project, "the new pier would open", "rebuttal");
  assert_layers (project, "claim:“The mayor said the new” rebuttal:“ pier would open”",
                 "rebuttal:“the new”");
}
END_TEST

/* The same words tagged with two labels: both show, one as tint, one as
 * underline. Of two spans starting together, the longer is the outer. */
START_TEST (test_layers_same_start)
{
  g_autoptr(RptProject) twice = new_project (TEXT);
  g_autoptr(RptProject) longer = new_project (TEXT);

  tag (twice, "weather permitting", "claim");
  tag (twice, "weather permitting", "joke");
  assert_layers (twice, "claim:“weather permitting”", "joke:“weather permitting”");

  tag (longer, "The mayor", "joke");
  tag (longer, "The mayor said", "claim");
  assert_layers (longer, "claim:“The mayor said”", "joke:“The mayor”");
}
END_TEST

/* Three deep: the outermost tints, the innermost underlines, the middle
 * one shows where it is the innermost. Spans that touch make one run when
 * they have one label, and nothing is drawn where no span is. */
START_TEST (test_layers_deep_and_touching)
{
  g_autoptr(RptProject) project = new_project (TEXT);

  tag (project, "said the new pier would open in May", "claim");
  tag (project, "the new pier would open", "rebuttal");
  tag (project, "pier", "joke");
  tag (project, "weather", "diplomatic-signal");
  tag (project, " permitting", "diplomatic-signal");
  assert_layers (project,
                 "claim:“said the new pier would open in May” diplomatic-signal:“weather permitting”",
                 "rebuttal:“the new ” joke:“pier” rebuttal:“ would open”");
}
END_TEST

/* Only what lies in the range asked for (the visible part of the text),
 * cut at its ends. */
START_TEST (test_layers_range)
{
  g_autoptr(RptProject) project = new_project (TEXT);
  guint start = rpt_test_offset_of (TEXT, "pier");
  guint end = rpt_test_offset_of (TEXT, " in May");
  g_autofree char *tints = NULL;
  g_autofree char *underlines = NULL;
  g_autofree char *empty_tints = NULL;
  g_autofree char *empty_underlines = NULL;

  tag (project, "the new pier would open in May", "claim");
  tag (project, "would", "joke");
  tag (project, "weather", "rebuttal");
  layers (project, start, end, &tints, &underlines);
  ck_assert_str_eq (tints, "claim:“pier would open”");
  ck_assert_str_eq (underlines, "joke:“would”");

  /* An empty range has no runs. */
  layers (project, start, start, &empty_tints, &empty_underlines);
  ck_assert_str_eq (empty_tints, "");
  ck_assert_str_eq (empty_underlines, "");
}
END_TEST

/* ---- An annotation's display texts ---- */

/* White space collapsed, line breaks included, and none at either end. */
START_TEST (test_excerpt_collapses_white_space)
{
  g_autoptr(RptProject) project = new_project ("Okafor said:\n\n  “Not   with\tour money.”\nThen he left.");
  RptAnnotation *a = tag (project, "said:\n\n  “Not   with\tour money.”\n", "claim");
  RptAnnotation *quote = tag (project, "\n\n  “Not   with\tour money.”\n", "rebuttal");
  g_autofree char *excerpt = rpt_annotation_format_excerpt (project, a, 80);
  g_autofree char *quote_excerpt = rpt_annotation_format_excerpt (project, quote, 80);

  ck_assert_str_eq (excerpt, "said: “Not with our money.”");
  ck_assert_str_eq (quote_excerpt, "“Not with our money.”");
}
END_TEST

/* Cut after @max_chars code points (not bytes), with "…"; a span that
 * fits exactly is not cut. */
START_TEST (test_excerpt_cut)
{
  g_autoptr(RptProject) project = new_project ("Déjà vu 🙂 at the café, the minister said again and again.");
  RptAnnotation *a = tag (project, "Déjà vu 🙂 at the café", "joke");
  g_autofree char *cut = rpt_annotation_format_excerpt (project, a, 9);
  g_autofree char *exact = rpt_annotation_format_excerpt (project, a, 21);
  g_autofree char *one = rpt_annotation_format_excerpt (project, a, 20);
  g_autofree char *before_space = rpt_annotation_format_excerpt (project, a, 8);

  ck_assert_str_eq (cut, "Déjà vu 🙂…");
  /* Never a space before "…", never more than asked for. */
  ck_assert_str_eq (before_space, "Déjà vu…");
  ck_assert_str_eq (exact, "Déjà vu 🙂 at the café");
  ck_assert_str_eq (one, "Déjà vu 🙂 at the caf…");
}
END_TEST

/* A long span (a whole paragraph) gives its beginning. */
START_TEST (test_excerpt_long_span)
{
  g_autoptr(GString) text = g_string_new ("Start: ");
  g_autoptr(RptProject) project = NULL;
  RptAnnotation *a;
  g_autofree char *excerpt = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append (text, "word ");
  project = new_project (text->str);
  a = rpt_project_add_annotation (project, "d1", 0, g_utf8_strlen (text->str, -1) - 1, "claim", NULL, NULL);
  ck_assert_ptr_nonnull (a);
  excerpt = rpt_annotation_format_excerpt (project, a, 20);
  ck_assert_str_eq (excerpt, "Start: word word wor…");
}
END_TEST

/* "Claim · Mayor": the label's and the speaker's names, not their ids;
 * just the label when nobody is named. */
START_TEST (test_title)
{
  g_autoptr(RptProject) project = new_project (TEXT);
  RptAnnotation *said = rpt_test_tag_quote (project, "d1", "The mayor said", "diplomatic-signal", "mayor");
  RptAnnotation *open = tag (project, "would open in May", "claim");
  g_autofree char *with_speaker = rpt_annotation_format_title (project, said);
  g_autofree char *without = rpt_annotation_format_title (project, open);
  g_autofree char *renamed = NULL;

  ck_assert_str_eq (with_speaker, "Diplomatic signal · Mayor");
  ck_assert_str_eq (without, "Claim");
  ck_assert (rpt_project_rename_speaker (project, "mayor", "Mayor Grünberg", NULL));
  renamed = rpt_annotation_format_title (project, said);
  ck_assert_str_eq (renamed, "Diplomatic signal · Mayor Grünberg");
}
END_TEST

/* In local time: the same moment reads differently in another zone. */
START_TEST (test_time)
{
  g_autoptr(GDateTime) moment = g_date_time_new_utc (2017, 12, 7, 14, 5, 30);
  gint64 usec = g_date_time_to_unix (moment) * G_USEC_PER_SEC;
  g_autofree char *utc = NULL;
  g_autofree char *east = NULL;

  g_setenv ("TZ", "UTC", TRUE);
  utc = rpt_annotation_format_time (usec);
  /* POSIX: two hours east of UTC. */
  g_setenv ("TZ", "EET-2", TRUE);
  east = rpt_annotation_format_time (usec);
  g_unsetenv ("TZ");
  ck_assert_str_eq (utc, "7 Dec 2017, 14:05");
  ck_assert_str_eq (east, "7 Dec 2017, 16:05");
}
END_TEST

/* A relation read from its target ("Rebutted by") and in the list rows
 * ("rebuts"). */
START_TEST (test_relation_texts)
{
  ck_assert_str_eq (rpt_relation_type_get_inverse_display (RPT_RELATION_REBUTS), "Rebutted by");
  ck_assert_str_eq (rpt_relation_type_get_inverse_display (RPT_RELATION_RESPONDS_TO), "Responded to by");
  ck_assert_str_eq (rpt_relation_type_get_inverse_display (RPT_RELATION_SUPPORTS), "Supported by");
  ck_assert_str_eq (rpt_relation_type_get_verb (RPT_RELATION_REBUTS), "rebuts");
  ck_assert_str_eq (rpt_relation_type_get_verb (RPT_RELATION_RESPONDS_TO), "responds to");
  ck_assert_str_eq (rpt_relation_type_get_verb (RPT_RELATION_SUPPORTS), "supports");
}
END_TEST

static Suite *
model_display_suite (void)
{
  Suite *s = suite_create ("model-display");
  TCase *layers_case = tcase_create ("layers");
  TCase *format = tcase_create ("format");

  tcase_add_test (layers_case, test_layers_nested);
  tcase_add_test (layers_case, test_layers_crossing);
  tcase_add_test (layers_case, test_layers_same_start);
  tcase_add_test (layers_case, test_layers_deep_and_touching);
  tcase_add_test (layers_case, test_layers_range);
  tcase_add_test (format, test_excerpt_collapses_white_space);
  tcase_add_test (format, test_excerpt_cut);
  tcase_add_test (format, test_excerpt_long_span);
  tcase_add_test (format, test_title);
  tcase_add_test (format, test_time);
  tcase_add_test (format, test_relation_texts);
  suite_add_tcase (s, layers_case);
  suite_add_tcase (s, format);
  return s;
}

RPT_TEST_MAIN (model_display_suite)
