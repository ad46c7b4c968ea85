/* test-export-conll.c: the CoNLL export: Pango's word and sentence
 * boundaries, IOB2 tags, overlaps with and without one column per label,
 * spans that end in white space.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>

#include "export-fixture.h"
#include "rpt-export.h"
#include "rpt-test-util.h"

static RptProject *project;
static char *tmp;

static void
setup (void)
{
  fixture_setup_in_tmp (&project, NULL, &tmp);
}

static void
teardown (void)
{
  fixture_teardown_in_tmp (&project, &tmp);
}

static char *
export_conll (gboolean   layers,
              GPtrArray *warnings)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = g_build_filename (tmp, "out.conll", NULL);
  RptExportOptions options;

  rpt_export_options_init (&options, RPT_EXPORT_CONLL);
  options.conll_layers = layers;
  ck_assert_msg (rpt_export (project, &options, dest, warnings, NULL, NULL, NULL, &error),
                 "export failed: %s", error ? error->message : "");
  return rpt_test_read_file (dest, NULL);
}

static GPtrArray *
conll_rows (const char *data,
            guint       n_columns,
            guint      *n_docs,
            guint      *n_sentences)
{
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gboolean in_sentence = FALSE;

  *n_docs = *n_sentences = 0;
  for (guint i = 0; lines[i]; i++)
    {
      char **columns;

      if (*lines[i] == '\0')
        {
          /* A sentence stands alone: a span cannot go on in the next one. */
          if (in_sentence)
            g_ptr_array_add (rows, NULL);
          in_sentence = FALSE;
          continue;
        }
      columns = g_strsplit (lines[i], " ", -1);
      ck_assert_msg (g_strv_length (columns) == n_columns, "line %u has %u columns: “%s”",
                     i + 1, g_strv_length (columns), lines[i]);
      if (g_str_equal (columns[0], "-DOCSTART-"))
        {
          (*n_docs)++;
          ck_assert_str_eq (lines[i + 1], "");
          g_strfreev (columns);
          continue;
        }
      for (const char *p = columns[0]; *p; p = g_utf8_next_char (p))
        ck_assert (!g_unichar_isspace (g_utf8_get_char (p)));
      if (!in_sentence)
        (*n_sentences)++;
      in_sentence = TRUE;
      g_ptr_array_add (rows, columns);
    }
  /* IOB2: an I- tag continues a B- or I- tag of the same label in the
   * same sentence (NULL rows mark the sentence breaks). */
  for (guint c = 1; c < n_columns; c++)
    for (guint r = 0; r < rows->len; r++)
      {
        char **row = g_ptr_array_index (rows, r);
        char **prev = r > 0 ? g_ptr_array_index (rows, r - 1) : NULL;
        const char *tag = row ? row[c] : "O";

        ck_assert (g_str_equal (tag, "O") || g_str_has_prefix (tag, "B-") || g_str_has_prefix (tag, "I-"));
        if (g_str_has_prefix (tag, "I-"))
          {
            const char *before = prev ? prev[c] : "O";

            ck_assert_msg (g_str_equal (before + 1, tag + 1) && before[0] != 'O', "%s after %s", tag, before);
          }
      }
  return rows;
}

static const char *
tag_of (GPtrArray  *rows,
        const char *token,
        guint       column)
{
  for (guint r = 0; r < rows->len; r++)
    if (g_ptr_array_index (rows, r) && g_str_equal (((char **) g_ptr_array_index (rows, r))[0], token))
      return ((char **) g_ptr_array_index (rows, r))[column];
  ck_abort_msg ("no token “%s”", token);
  return NULL;
}

START_TEST (test_conll_tokens_and_tags)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *data = export_conll (FALSE, warnings);
  g_autoptr(GPtrArray) rows = NULL;
  guint n_docs, n_sentences;

  ck_assert (g_str_has_prefix (data, "-DOCSTART- O\n\nThe O\nminister B-Claim\n"));
  rows = conll_rows (data, 2, &n_docs, &n_sentences);
  ck_assert_uint_eq (n_docs, 2);
  /* "The minister … down." | "His rival … 😀." | "Critics … farce." |
   * "𝔉𝔞𝔯𝔠𝔢 indeed!" | "Nobody laughed." | "Second day." | "The envoy …" | "The press …" */
  ck_assert_uint_eq (n_sentences, 8);

  /* Pango's word boundaries, not spaces. */
  ck_assert_str_eq (tag_of (rows, "We", 1), "B-Claim");
  ck_assert_str_eq (tag_of (rows, "down", 1), "I-Claim");
  ck_assert_str_eq (tag_of (rows, "replied", 1), "B-Joke");
  ck_assert_str_eq (tag_of (rows, "quickly", 1), "I-Joke");
  ck_assert_str_eq (tag_of (rows, "successfully", 1), "I-Joke");
  ck_assert_str_eq (tag_of (rows, "\U0001F600", 1), "O");   /* the rebuttal lost to the joke */
  ck_assert_str_eq (tag_of (rows, "cafe\u0301", 1), "B-Diplomatic_signal");
  ck_assert_str_eq (tag_of (rows, "talks", 1), "I-Diplomatic_signal");
  ck_assert_str_eq (tag_of (rows, "a", 1), "B-Self-2d-defence-5f-x");
  /* The span runs over three sentences: one chunk in each. */
  ck_assert_str_eq (tag_of (rows, "farce", 1), "I-Self-2d-defence-5f-x");
  ck_assert_str_eq (tag_of (rows, "\U0001D509\U0001D51E\U0001D52F\U0001D520\U0001D522", 1), "B-Self-2d-defence-5f-x");
  ck_assert_str_eq (tag_of (rows, "indeed", 1), "I-Self-2d-defence-5f-x");
  ck_assert_str_eq (tag_of (rows, "Nobody", 1), "B-Self-2d-defence-5f-x");
  ck_assert_str_eq (tag_of (rows, "laughed", 1), "O");
  ck_assert_str_eq (tag_of (rows, "\U0001F327\uFE0F", 1), "I-Joke");

  ck_assert (rpt_test_has_warning (warnings, "2 spans overlap other spans"));
  ck_assert (rpt_test_has_warning (warnings, "1 span runs across a sentence boundary"));
  ck_assert (rpt_test_has_warning (warnings, "starts inside the token “minister”"));
  ck_assert (rpt_test_has_warning (warnings, "relations"));
}
END_TEST

START_TEST (test_conll_layers)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *data = export_conll (TRUE, warnings);
  guint n_labels = g_list_model_get_n_items (rpt_project_get_labels (project));
  g_autoptr(GPtrArray) rows = NULL;
  guint n_docs, n_sentences;

  ck_assert (g_str_has_prefix (data, "-DOCSTART- O O O O O O\n\n"));
  rows = conll_rows (data, 1 + n_labels, &n_docs, &n_sentences);
  ck_assert_uint_eq (n_docs, 2);
  /* Columns in label order: Claim, Rebuttal, Joke, Diplomatic signal, Self-defence_x, Off the record. */
  ck_assert_str_eq (tag_of (rows, "Not", 2), "B-Rebuttal");
  ck_assert_str_eq (tag_of (rows, "Not", 3), "I-Joke");
  ck_assert_str_eq (tag_of (rows, "\U0001F600", 2), "I-Rebuttal");
  ck_assert_str_eq (tag_of (rows, "\U0001D509\U0001D51E\U0001D52F\U0001D520\U0001D522", 1), "B-Claim");
  ck_assert_str_eq (tag_of (rows, "\U0001D509\U0001D51E\U0001D52F\U0001D520\U0001D522", 5), "B-Self-2d-defence-5f-x");
  ck_assert_str_eq (tag_of (rows, "press", 6), "O");
  ck_assert (!rpt_test_has_warning (warnings, "overlap"));
}
END_TEST

/* Spans that end in white space, as a selection often does (a space or a
 * line break taken along): only the tokens that start inside the span are
 * tagged, the word after it stays O, and a span at the very end of the text
 * tags its last token without looking past the token table. */
static void
setup_bare (void)
{
  project = rpt_project_new ();
  tmp = rpt_test_make_tmpdir ();
}

static void
add_article (const char *text)
{
  g_autoptr(RptDocument) document = rpt_document_new ("article", "Article", "article.txt", text);
  g_autoptr(GError) error = NULL;

  ck_assert_msg (rpt_project_add_document (project, document, &error), "%s", error ? error->message : "");
}

/* Only the caveat every CoNLL export gives: no span edge inside a token,
 * no overlap, no sentence crossed, no span left out. */
static void
assert_only_caveat (GPtrArray *warnings)
{
  for (guint i = 0; i < warnings->len; i++)
    ck_assert_msg (strstr (g_ptr_array_index (warnings, i), "relations") != NULL,
                   "unexpected warning: %s", (char *) g_ptr_array_index (warnings, i));
  ck_assert_uint_eq (warnings->len, 1);
}

START_TEST (test_conll_span_ends_in_space)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *data = NULL;

  add_article ("She said the claim stands firm.");
  rpt_test_tag_quote (project, "article", "the claim ", "claim", NULL);
  data = export_conll (FALSE, warnings);
  ck_assert_str_eq (data,
                    "-DOCSTART- O\n\n"
                    "She O\nsaid O\nthe B-Claim\nclaim I-Claim\nstands O\nfirm O\n. O\n\n");
  assert_only_caveat (warnings);
}
END_TEST

START_TEST (test_conll_span_ends_in_space_at_end)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) warnings_again = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) warnings_layers = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *data = NULL, *again = NULL, *layers = NULL;

  add_article ("The minister repeated her claim twice ");
  rpt_test_tag_quote (project, "article", "repeated her claim twice ", "claim", NULL);
  data = export_conll (FALSE, warnings);
  ck_assert_str_eq (data,
                    "-DOCSTART- O\n\n"
                    "The O\nminister O\nrepeated B-Claim\nher I-Claim\nclaim I-Claim\ntwice I-Claim\n\n");
  assert_only_caveat (warnings);
  /* Nothing read past the tag table: the same bytes every time. */
  again = export_conll (FALSE, warnings_again);
  ck_assert_str_eq (again, data);
  assert_only_caveat (warnings_again);

  /* One column per label: Claim, Rebuttal, Joke, Diplomatic signal. */
  layers = export_conll (TRUE, warnings_layers);
  ck_assert_str_eq (layers,
                    "-DOCSTART- O O O O\n\n"
                    "The O O O O\nminister O O O O\nrepeated B-Claim O O O\nher I-Claim O O O\n"
                    "claim I-Claim O O O\ntwice I-Claim O O O\n\n");
  assert_only_caveat (warnings_layers);
}
END_TEST

START_TEST (test_conll_span_ends_in_crlf)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) warnings_again = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *data = NULL, *again = NULL;

  add_article ("The envoy called it a claim\r\nThe press stayed quiet.\r\nNobody answered\r\n");
  /* Before a word, and at the very end of the text. */
  rpt_test_tag_quote (project, "article", "called it a claim\r\n", "claim", NULL);
  rpt_test_tag_quote (project, "article", "Nobody answered\r\n", "rebuttal", NULL);
  data = export_conll (FALSE, warnings);
  ck_assert_str_eq (data,
                    "-DOCSTART- O\n\n"
                    "The O\nenvoy O\ncalled B-Claim\nit I-Claim\na I-Claim\nclaim I-Claim\n\n"
                    "The O\npress O\nstayed O\nquiet O\n. O\n\n"
                    "Nobody B-Rebuttal\nanswered I-Rebuttal\n\n");
  assert_only_caveat (warnings);
  again = export_conll (FALSE, warnings_again);
  ck_assert_str_eq (again, data);
  assert_only_caveat (warnings_again);
}
END_TEST

static Suite *
conll_suite (void)
{
  Suite *s = suite_create ("export-conll");
  TCase *tc = tcase_create ("conll");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_conll_tokens_and_tags);
  tcase_add_test (tc, test_conll_layers);
  suite_add_tcase (s, tc);

  tc = tcase_create ("white-space-end");
  tcase_add_checked_fixture (tc, setup_bare, teardown);
  tcase_add_test (tc, test_conll_span_ends_in_space);
  tcase_add_test (tc, test_conll_span_ends_in_space_at_end);
  tcase_add_test (tc, test_conll_span_ends_in_crlf);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (conll_suite)
