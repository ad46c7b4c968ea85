/* test-unicode.c: offsets are code points on real news text (emoji
 * outside the BMP, a flag, a combining accent, a no-break space, curly
 * quotes, CRLF), and conversions to bytes and UTF-16 are exact.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "rpt-core.h"
#include "rpt-test-util.h"

/* Written for this test. U+1F1F3 U+1F1F4 is a flag (two regional
 * indicators); "cafe\u0301" has a combining acute accent; U+00A0 is a
 * no-break space; U+1F600 is an emoji outside the BMP. */
#define TEXT "Envoy Mærsk \U0001F1F3\U0001F1F4 said: “We’re ready\u00a0now.”\r\n" \
             "The café (cafe\u0301) reply \U0001F600 came later.\r\n"

/* Offsets worked out independently (Python: len(), .encode()). */
typedef struct
{
  const char *text;
  guint start, end;      /* code points */
  gsize byte_start;
  guint utf16_start;
} Span;

static const Span spans[] = {
  { "\U0001F1F3\U0001F1F4", 12, 14, 13, 12 },
  { "“We’re ready\u00a0now.”", 21, 39, 28, 23 },
  { "ready\u00a0now", 28, 37, 39, 30 },
  { "\r\n", 39, 41, 53, 41 },
  { "cafe\u0301", 51, 56, 66, 53 },
  { "\U0001F600", 64, 65, 80, 66 },
  { "came later.", 66, 77, 85, 69 },
};

START_TEST (test_lengths)
{
  g_autoptr(RptDocument) doc = rpt_document_new ("u", "Unicode", "u.txt", TEXT);

  ck_assert_uint_eq (rpt_document_get_length (doc), 79);
  ck_assert_uint_eq (rpt_document_get_text_bytes (doc), 98);
  ck_assert_uint_eq (rpt_document_utf16_offset (doc, 79), 82);
  ck_assert_uint_eq (rpt_document_byte_offset (doc, 79), 98);
  /* Past the end clamps to the end. */
  ck_assert_uint_eq (rpt_document_byte_offset (doc, 500), 98);
  ck_assert_uint_eq (rpt_document_utf16_offset (doc, 500), 82);
}
END_TEST

START_TEST (test_spans)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(RptDocument) doc = rpt_document_new ("u", "Unicode", "u.txt", TEXT);

  ck_assert (rpt_project_add_document (project, doc, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      const Span *s = &spans[i];
      g_autofree char *slice = rpt_document_dup_slice (doc, s->start, s->end);
      RptAnnotation *a = rpt_project_add_annotation (project, "u", s->start, s->end, "claim", NULL, NULL);

      ck_assert_str_eq (slice, s->text);
      ck_assert_uint_eq (rpt_document_byte_offset (doc, s->start), s->byte_start);
      ck_assert_uint_eq (rpt_document_byte_offset (doc, s->end), s->byte_start + strlen (s->text));
      ck_assert_uint_eq (rpt_document_utf16_offset (doc, s->start), s->utf16_start);
      ck_assert_ptr_nonnull (a);
      ck_assert_uint_eq (rpt_annotation_get_end (a) - rpt_annotation_get_start (a), g_utf8_strlen (s->text, -1));
    }

  /* Half a flag and the accent alone are spans of their own code points. */
  {
    g_autofree char *half = rpt_document_dup_slice (doc, 12, 13);
    g_autofree char *accent = rpt_document_dup_slice (doc, 55, 56);
    g_autofree char *nbsp = rpt_document_dup_slice (doc, 33, 34);

    ck_assert_str_eq (half, "\U0001F1F3");
    ck_assert_str_eq (accent, "\u0301");
    ck_assert_str_eq (nbsp, "\u00a0");
  }
}
END_TEST

/* The spans survive a trip through the file as the same strings. */
START_TEST (test_spans_through_file)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(RptDocument) doc = rpt_document_new ("u", "Unicode", "u.txt", TEXT);
  g_autoptr(RptProject) reloaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  RptAnnotationStore *store;

  ck_assert (rpt_project_add_document (project, doc, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    ck_assert (rpt_project_add_annotation (project, "u", spans[i].start, spans[i].end, "joke", NULL, NULL));
  bytes = rpt_project_to_bytes (project);
  reloaded = rpt_project_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  ck_assert_msg (reloaded != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (rpt_document_get_text (rpt_project_get_document (reloaded, "u")), TEXT);

  store = rpt_project_get_annotations (reloaded, "u");
  ck_assert_uint_eq (rpt_annotation_store_get_n_items (store), G_N_ELEMENTS (spans));
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      RptAnnotation *a = rpt_annotation_store_get (store, i);
      g_autofree char *slice =
        rpt_document_dup_slice (rpt_project_get_document (reloaded, "u"),
                                rpt_annotation_get_start (a), rpt_annotation_get_end (a));

      /* The spans are already in text order. */
      ck_assert_str_eq (slice, spans[i].text);
    }
}
END_TEST

/* Past the 64-code-point checkpoint stride, on text mixing 1- to 4-byte
 * characters, every offset agrees with a plain scan. */
START_TEST (test_conversions_long_text)
{
  static const char *pieces[] = { "a", "é", "€", "\U0001F600", "\r\n", "\u00a0", "e\u0301",
                                  "\U0001F1F3\U0001F1F4", "“", " " };
  g_autoptr(GRand) rand = g_rand_new_with_seed (64);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(RptDocument) doc = NULL;
  const char *p;
  guint n;
  glong units = 0;

  for (guint i = 0; i < 3000; i++)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  doc = rpt_document_new ("long", "Long", "long.txt", text->str);
  n = g_utf8_strlen (text->str, -1);
  ck_assert_uint_eq (rpt_document_get_length (doc), n);
  ck_assert_uint_gt (n, 64 * 40);

  p = text->str;
  for (guint i = 0; i <= n; i++)
    {
      ck_assert_uint_eq (rpt_document_byte_offset (doc, i), (gsize) (p - text->str));
      ck_assert_uint_eq (rpt_document_utf16_offset (doc, i), (guint) units);
      if (i < n)
        {
          gunichar c = g_utf8_get_char (p);

          units += c > 0xffff ? 2 : 1;
          p = g_utf8_next_char (p);
        }
    }
  {
    g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (text->str, -1, NULL, &units, NULL);
    ck_assert_uint_eq (rpt_document_utf16_offset (doc, n), (guint) units);
  }

  /* Slices across checkpoints are exact. */
  for (guint i = 0; i < 200; i++)
    {
      guint s = g_rand_int_range (rand, 0, n);
      guint e = g_rand_int_range (rand, s, n + 1);
      g_autofree char *slice = rpt_document_dup_slice (doc, s, e);
      const char *from = g_utf8_offset_to_pointer (text->str, s);
      const char *to = g_utf8_offset_to_pointer (text->str, e);
      g_autofree char *expected = g_strndup (from, to - from);

      ck_assert_str_eq (slice, expected);
    }
}
END_TEST

START_TEST (test_empty_and_ascii)
{
  g_autoptr(RptDocument) empty = rpt_document_new ("e", "", "", "");
  g_autoptr(RptDocument) ascii = rpt_document_new ("a", "", "", "plain");
  g_autofree char *none = rpt_document_dup_slice (empty, 0, 0);
  g_autofree char *reversed = rpt_document_dup_slice (ascii, 4, 2);
  g_autofree char *clamped = rpt_document_dup_slice (ascii, 2, 99);

  ck_assert_uint_eq (rpt_document_get_length (empty), 0);
  ck_assert_uint_eq (rpt_document_byte_offset (empty, 0), 0);
  ck_assert_uint_eq (rpt_document_utf16_offset (empty, 3), 0);
  ck_assert_str_eq (none, "");
  ck_assert_str_eq (reversed, "");
  ck_assert_str_eq (clamped, "ain");
  ck_assert_str_eq (rpt_document_get_sha256 (empty),
                    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  ck_assert_str_eq (rpt_document_get_sha256 (ascii),
                    "a116c9ed46d6207734a43317d30fd88f52ac8634c37d904bbf4e41d865f90475");
}
END_TEST

/* Import keeps the text exactly, CRLF included; only a leading byte order
 * mark goes, so offsets match the file as the user sees it. */
START_TEST (test_import_keeps_text)
{
  g_autoptr(RptProject) project = rpt_project_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *with_bom = g_strconcat ("\xef\xbb\xbf", TEXT, NULL);
  g_autoptr(RptDocument) doc = rpt_import_text (project, "envoy.txt", with_bom, strlen (with_bom), &error);
  g_autofree char *inner = g_strconcat ("x\xef\xbb\xbfy", NULL);
  g_autoptr(RptDocument) inner_doc = NULL;

  ck_assert_msg (doc != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (rpt_document_get_text (doc), TEXT);
  ck_assert_uint_eq (rpt_document_get_length (doc), 79);
  ck_assert_str_eq (rpt_document_get_title (doc), "Envoy Mærsk \U0001F1F3\U0001F1F4 said: “We’re ready\u00a0now.”");
  {
    g_autofree char *slice = rpt_document_dup_slice (doc, spans[5].start, spans[5].end);
    ck_assert_str_eq (slice, "\U0001F600");
  }

  /* A U+FEFF inside the text is text. */
  inner_doc = rpt_import_text (project, "inner.txt", inner, strlen (inner), &error);
  ck_assert_ptr_nonnull (inner_doc);
  ck_assert_str_eq (rpt_document_get_text (inner_doc), inner);
  ck_assert_uint_eq (rpt_document_get_length (inner_doc), 3);
}
END_TEST

static Suite *
unicode_suite (void)
{
  Suite *s = suite_create ("unicode");
  TCase *tc = tcase_create ("offsets");

  tcase_add_test (tc, test_lengths);
  tcase_add_test (tc, test_spans);
  tcase_add_test (tc, test_spans_through_file);
  tcase_add_test (tc, test_conversions_long_text);
  tcase_add_test (tc, test_empty_and_ascii);
  tcase_add_test (tc, test_import_keeps_text);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (unicode_suite)
