/* rpt-annotation-format.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Model"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-annotation-format.h"

char *
rpt_annotation_format_excerpt (RptProject    *project,
                               RptAnnotation *annotation,
                               guint          max_chars)
{
  RptDocument *document;
  g_autofree char *slice = NULL;
  GString *out;
  guint start, end, n = 0;
  gboolean space = FALSE, cut;

  g_return_val_if_fail (RPT_IS_PROJECT (project), g_strdup (""));
  g_return_val_if_fail (RPT_IS_ANNOTATION (annotation), g_strdup (""));

  document = rpt_project_get_document (project, rpt_annotation_get_document (annotation));
  if (document == NULL)
    return g_strdup ("");

  /* Copy only what can be shown: spans may be whole paragraphs. The slack
   * leaves room for collapsed white space. */
  start = rpt_annotation_get_start (annotation);
  end = rpt_annotation_get_end (annotation);
  cut = end - start > max_chars * 2;
  if (cut)
    end = start + max_chars * 2;
  slice = rpt_document_dup_slice (document, start, end);

  out = g_string_new (NULL);
  for (const char *p = slice; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (n + (space ? 1 : 0) >= max_chars)
        {
          cut = TRUE;
          break;
        }
      if (space)
        {
          g_string_append_c (out, ' ');
          n++;
          space = FALSE;
        }
      g_string_append_unichar (out, c);
      n++;
    }
  if (cut)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

char *
rpt_annotation_format_title (RptProject    *project,
                             RptAnnotation *annotation)
{
  RptLabel *label;
  RptSpeaker *speaker = NULL;
  const char *label_name;

  g_return_val_if_fail (RPT_IS_PROJECT (project), g_strdup (""));
  g_return_val_if_fail (RPT_IS_ANNOTATION (annotation), g_strdup (""));

  label = rpt_project_get_label (project, rpt_annotation_get_label (annotation));
  label_name = label ? rpt_label_get_name (label) : rpt_annotation_get_label (annotation);
  if (rpt_annotation_get_speaker (annotation))
    speaker = rpt_project_get_speaker (project, rpt_annotation_get_speaker (annotation));
  if (speaker == NULL)
    return g_strdup (label_name);
  /* Translators: an annotation's label and speaker, e.g. "Claim · Lavrov" */
  return g_strdup_printf (_("%s · %s"), label_name, rpt_speaker_get_name (speaker));
}

char *
rpt_annotation_format_time (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  /* Translators: date and time of an annotation's creation or last change,
   * in g_date_time_format() syntax, e.g. "7 Dec 2017, 14:05" */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

const char *
rpt_relation_type_get_inverse_display (RptRelationType type)
{
  switch (type)
    {
    case RPT_RELATION_REBUTS:
      return _("Rebutted by");
    case RPT_RELATION_RESPONDS_TO:
      return _("Responded to by");
    case RPT_RELATION_SUPPORTS:
      return _("Supported by");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
rpt_relation_type_get_verb (RptRelationType type)
{
  switch (type)
    {
    case RPT_RELATION_REBUTS:
      /* Translators: in the annotation list, "↳ rebuts: “…”" */
      return _("rebuts");
    case RPT_RELATION_RESPONDS_TO:
      return _("responds to");
    case RPT_RELATION_SUPPORTS:
      return _("supports");
    default:
      g_return_val_if_reached ("");
    }
}
