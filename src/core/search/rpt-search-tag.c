/* rpt-search-tag.c: Tag All, and snapping a match to words without a
 * text view.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Search"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pango.h>

#include "rpt-search-tag.h"

/* Word boundaries need only a few characters of context: the text around
 * a span this wide (code points) is enough, and keeps a match in a
 * megabyte-long paragraph cheap. */
#define CONTEXT_CHARS 64

/* As gtk_text_iter_inside_word (): the nearest word start or end at or
 * before @i is a start. */
static gboolean
inside_word (const PangoLogAttr *attrs,
             guint               i)
{
  for (;; i--)
    {
      if (attrs[i].is_word_start || attrs[i].is_word_end)
        return attrs[i].is_word_start;
      if (i == 0)
        return FALSE;
    }
}

void
rpt_search_snap_to_words (RptDocument *document,
                          guint       *start,
                          guint       *end)
{
  guint length, from, to, n, s, e;
  g_autofree char *slice = NULL;
  g_autofree PangoLogAttr *attrs = NULL;
  g_autofree gunichar *chars = NULL;

  g_return_if_fail (RPT_IS_DOCUMENT (document));
  g_return_if_fail (start != NULL && end != NULL && *start <= *end);

  length = rpt_document_get_length (document);
  if (*end > length || *start == *end)
    return;

  from = *start > CONTEXT_CHARS ? *start - CONTEXT_CHARS : 0;
  to = MIN (length, *end + CONTEXT_CHARS);
  slice = rpt_document_dup_slice (document, from, to);
  n = to - from;
  attrs = g_new0 (PangoLogAttr, n + 1);
  pango_get_log_attrs (slice, (int) strlen (slice), -1, pango_language_get_default (), attrs, (int) n + 1);
  chars = g_utf8_to_ucs4_fast (slice, -1, NULL);
  s = *start - from;
  e = *end - from;

  /* White space off both ends. */
  while (s < e && g_unichar_isspace (chars[s]))
    s++;
  while (s < e && g_unichar_isspace (chars[e - 1]))
    e--;
  if (s == e)
    {
      *start = *end = from + s;
      return;
    }

  /* An end inside a word moves to the word's edge. */
  if (inside_word (attrs, s) && !attrs[s].is_word_start)
    while (s > 0 && !attrs[s].is_word_start)
      s--;
  if (inside_word (attrs, e) && !attrs[e].is_word_start && !attrs[e].is_word_end)
    while (e < n && !attrs[e].is_word_end)
      e++;

  *start = from + s;
  *end = from + e;
}

/* Another annotation with this span and label. */
static gboolean
already_tagged (RptAnnotationStore *store,
                guint               start,
                guint               end,
                const char         *label_id)
{
  guint n = rpt_annotation_store_get_n_items (store);

  for (guint i = rpt_annotation_store_lower_bound (store, start); i < n; i++)
    {
      RptAnnotation *annotation = rpt_annotation_store_get (store, i);

      if (rpt_annotation_get_start (annotation) != start)
        break;
      if (rpt_annotation_get_end (annotation) == end &&
          g_strcmp0 (rpt_annotation_get_label (annotation), label_id) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
rpt_search_tag_all (RptProject        *project,
                    RptSearchResults  *results,
                    const char        *label_id,
                    const char        *speaker_id,
                    gboolean           snap,
                    const char        *description,
                    guint             *n_tagged,
                    guint             *n_skipped,
                    GError           **error)
{
  guint tagged = 0, skipped = 0;

  g_return_val_if_fail (RPT_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (RPT_IS_SEARCH_RESULTS (results), FALSE);
  g_return_val_if_fail (label_id != NULL, FALSE);

  if (rpt_project_get_label (project, label_id) == NULL)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND, _("No label with the id “%s”"), label_id);
      return FALSE;
    }
  if (speaker_id != NULL && rpt_project_get_speaker (project, speaker_id) == NULL)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND, _("No speaker with the id “%s”"), speaker_id);
      return FALSE;
    }

  rpt_project_begin_group (project, description);
  for (guint d = 0; d < rpt_search_results_get_n_documents (results); d++)
    {
      RptDocument *document = rpt_search_results_get_document (results, d);
      const char *document_id = rpt_document_get_id (document);
      GArray *matches = rpt_search_results_get_matches (results, d);
      RptAnnotationStore *store;

      if (rpt_project_get_document (project, document_id) != document)
        {
          skipped += matches->len;
          continue;
        }
      store = rpt_project_get_annotations (project, document_id);
      for (guint i = 0; i < matches->len; i++)
        {
          RptSearchMatch match = g_array_index (matches, RptSearchMatch, i);

          if (snap)
            rpt_search_snap_to_words (document, &match.start, &match.end);
          /* The model refuses an empty span or a second one with this
           * label; both count as skipped. */
          if (match.start >= match.end || already_tagged (store, match.start, match.end, label_id) ||
              rpt_project_add_annotation (project, document_id, match.start, match.end,
                                          label_id, speaker_id, NULL) == NULL)
            skipped++;
          else
            tagged++;
        }
    }
  rpt_project_end_group (project);

  if (n_tagged != NULL)
    *n_tagged = tagged;
  if (n_skipped != NULL)
    *n_skipped = skipped;
  return TRUE;
}
