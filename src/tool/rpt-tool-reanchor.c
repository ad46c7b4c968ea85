/* rpt-tool-reanchor.c: repartee-tool reanchor PROJECT.json [--article ID=FILE.txt]… [--dry-run]
 * Places the annotations of articles whose text changed (edited in the
 * file, or replaced from a text file) again by their quotes, keeps the
 * ones it cannot place as orphans, prints what happened and saves.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Tool"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rpt-tool.h"

/* Quotes are shown on one line, and not too long of it. */
#define QUOTE_CHARS 70

static char *
one_line (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *printable = NULL;
  gboolean space = FALSE;
  guint n = 0;

  for (const char *p = text; *p && n < QUOTE_CHARS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        {
          g_string_append_c (out, ' ');
          n++;
        }
      space = FALSE;
      g_string_append_unichar (out, c);
      n++;
    }
  if (n >= QUOTE_CHARS)
    g_string_append (out, "…");
  printable = rpt_tool_printable (out->str);
  return g_steal_pointer (&printable);
}

/* "  a4 in d2 (Joke): “One of them joked…”" */
static void
print_annotation (RptProject    *project,
                  RptAnnotation *annotation,
                  const char    *quote)
{
  RptLabel *label = rpt_project_get_label (project, rpt_annotation_get_label (annotation));
  g_autofree char *id = rpt_tool_printable (rpt_annotation_get_id (annotation));
  g_autofree char *document = rpt_tool_printable (rpt_annotation_get_document (annotation));
  g_autofree char *name = rpt_tool_printable (label ? rpt_label_get_name (label) : "");
  g_autofree char *shown = one_line (quote);

  if (*quote != '\0')
    /* TRANSLATORS: an annotation in a list: id, article id, label, quote */
    printf (_("  %s in %s (%s): “%s”\n"), id, document, name, shown);
  else
    /* TRANSLATORS: an orphan whose text was never stored in the file */
    printf (_("  %s in %s (%s): quote unknown, was at %u–%u\n"), id, document, name,
            rpt_annotation_get_start (annotation), rpt_annotation_get_end (annotation));
}

void
rpt_tool_print_orphans (RptProject *project)
{
  GListModel *orphans = rpt_project_get_orphans (project);
  guint n = g_list_model_get_n_items (orphans);

  if (n == 0)
    return;
  printf (g_dngettext (GETTEXT_PACKAGE,
                       "%u orphan (not placed in its text; open the project in Repartee to place or delete it):\n",
                       "%u orphans (not placed in their text; open the project in Repartee to place or delete them):\n",
                       n), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RptAnnotation) orphan = g_list_model_get_item (orphans, i);

      print_annotation (project, orphan, rpt_annotation_get_quote (orphan));
    }
}

typedef struct
{
  RptReanchorReport *report;
  guint              index;
} Line;

/* The last report about each document: a text changed on disk and then
 * replaced from a file counts once, as it ends up. */
static void
collect (GHashTable        *lines,
         GPtrArray         *order,
         RptReanchorReport *report)
{
  for (guint i = 0; i < rpt_reanchor_report_get_n_documents (report); i++)
    {
      const char *id = rpt_reanchor_report_get_document (report, i);
      Line *line = g_hash_table_lookup (lines, id);

      if (line == NULL)
        {
          line = g_new0 (Line, 1);
          g_hash_table_insert (lines, (gpointer) id, line);
          g_ptr_array_add (order, (gpointer) id);
        }
      line->report = report;
      line->index = i;
    }
}

static void
print_report (RptProject *project,
              GHashTable *lines,
              GPtrArray  *order)
{
  guint totals[RPT_ANCHOR_FUZZY + 1] = { 0 };
  guint placed, all;

  for (guint i = 0; i < order->len; i++)
    {
      Line *line = g_hash_table_lookup (lines, order->pdata[i]);
      RptDocument *document = rpt_project_get_document (project, order->pdata[i]);
      g_autofree char *id = rpt_tool_printable (order->pdata[i]);
      g_autofree char *title = rpt_tool_printable (document ? rpt_document_get_title (document) : "");
      guint n[RPT_ANCHOR_FUZZY + 1];

      for (guint r = 0; r <= RPT_ANCHOR_FUZZY; r++)
        totals[r] += n[r] = rpt_reanchor_report_get_count (line->report, line->index, r);
      /* TRANSLATORS: one article's line of the re-anchoring report */
      printf (_("%s “%s”: %u exact, %u by context, %u fuzzy, %u orphaned\n"), id, title,
              n[RPT_ANCHOR_EXACT], n[RPT_ANCHOR_CONTEXT], n[RPT_ANCHOR_FUZZY], n[RPT_ANCHOR_ORPHAN]);
    }

  placed = totals[RPT_ANCHOR_EXACT] + totals[RPT_ANCHOR_CONTEXT] + totals[RPT_ANCHOR_FUZZY];
  all = placed + totals[RPT_ANCHOR_ORPHAN];
  /* TRANSLATORS: the summary of the re-anchoring report */
  printf (g_dngettext (GETTEXT_PACKAGE,
                       "Placed %u of %u annotation: %u exactly, %u by context, %u fuzzily; %u orphaned.\n",
                       "Placed %u of %u annotations: %u exactly, %u by context, %u fuzzily; %u orphaned.\n",
                       all),
          placed, all, totals[RPT_ANCHOR_EXACT], totals[RPT_ANCHOR_CONTEXT], totals[RPT_ANCHOR_FUZZY],
          totals[RPT_ANCHOR_ORPHAN]);

  if (totals[RPT_ANCHOR_FUZZY] > 0)
    {
      printf ("%s\n", _("Placed fuzzily, where the quote itself changed (worth a look):"));
      for (guint i = 0; i < order->len; i++)
        {
          Line *line = g_hash_table_lookup (lines, order->pdata[i]);
          const char * const *ids = rpt_reanchor_report_get_ids (line->report, line->index, RPT_ANCHOR_FUZZY);

          for (guint k = 0; ids[k] != NULL; k++)
            {
              RptAnnotation *a = rpt_project_get_annotation (project, ids[k]);
              RptDocument *document = a ? rpt_project_get_document (project, rpt_annotation_get_document (a)) : NULL;
              g_autofree char *now = NULL;

              if (document == NULL)
                continue;
              now = rpt_document_dup_slice (document, rpt_annotation_get_start (a), rpt_annotation_get_end (a));
              print_annotation (project, a, now);
            }
        }
    }
}

/* "ID=FILE" pairs, checked for form only. */
static gboolean
parse_articles (char       **articles,
                GPtrArray   *ids,
                GPtrArray   *files)
{
  for (guint i = 0; articles && articles[i]; i++)
    {
      const char *eq = strchr (articles[i], '=');
      g_autofree char *id = eq ? g_strndup (articles[i], eq - articles[i]) : NULL;

      if (eq == NULL || *id == '\0' || eq[1] == '\0' || !g_utf8_validate (id, -1, NULL))
        {
          rpt_tool_usage_error ("reanchor", _("--article takes ID=FILE, not “%s”"), articles[i]);
          return FALSE;
        }
      for (guint k = 0; k < ids->len; k++)
        if (g_str_equal (ids->pdata[k], id))
          {
            rpt_tool_usage_error ("reanchor", _("--article %s is given twice"), id);
            return FALSE;
          }
      g_ptr_array_add (ids, g_steal_pointer (&id));
      g_ptr_array_add (files, g_strdup (eq + 1));
    }
  return TRUE;
}

int
rpt_tool_reanchor (int    argc,
                   char **argv)
{
  g_autoptr(RptFileLock) lock = NULL;
  g_autoptr(RptProject) project = NULL;
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) rpt_reanchor_report_unref);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(RptReanchorReport) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_auto(GStrv) articles = NULL;
  g_autofree char *note = NULL;
  gboolean dry_run = FALSE;
  gboolean force = FALSE;
  GOptionEntry entries[] = {
    { "article", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &articles,
      N_("Replace the text of article ID with the contents of FILE (a UTF-8 text file); may be repeated"),
      N_("ID=FILE") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Print what would happen but change nothing"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Save even if PROJECT.json is read-only or belongs to another user"), NULL },
    { NULL }
  };

  if (!rpt_tool_parse ("reanchor", _("PROJECT.json"),
                       _("Places annotations again by their quoted text and its context, in articles "
                         "whose text was edited in the project file, or replaced with --article. "
                         "Annotations that cannot be placed with confidence are kept as orphans and "
                         "listed. Saves the project safely unless --dry-run is given. Exits 0 when "
                         "done (orphans included), 1 if the project or a text cannot be read or "
                         "saved."),
                       entries, &argc, &argv))
    return RPT_TOOL_USAGE;
  if (argc != 2)
    return rpt_tool_usage_error ("reanchor", "%s", _("exactly one project file is needed"));
  if (!parse_articles (articles, ids, files))
    return RPT_TOOL_USAGE;
  display = rpt_tool_display_name (argv[1]);

  /* Held from reading to saving, so no other writer's changes are lost. */
  if (!dry_run && !(lock = rpt_tool_lock (argv[1])))
    return RPT_TOOL_FAILED;
  project = rpt_project_load_from_file_full (argv[1], RPT_LOAD_REANCHOR, &loaded, &error);
  if (project == NULL)
    {
      rpt_tool_error ("%s", error->message);
      return RPT_TOOL_FAILED;
    }
  collect (lines, order, loaded);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RptDocument) imported = NULL;
      RptReanchorReport *report = NULL;

      if (rpt_project_get_document (project, ids->pdata[i]) == NULL)
        {
          rpt_tool_error (_("%s has no article with the id “%s”"), display, (char *) ids->pdata[i]);
          return RPT_TOOL_FAILED;
        }
      if (!(imported = rpt_import_text_file (project, files->pdata[i], &error)) ||
          !rpt_project_replace_document_text (project, ids->pdata[i], rpt_document_get_text (imported),
                                              &report, &error))
        {
          rpt_tool_error ("%s", error->message);
          return RPT_TOOL_FAILED;
        }
      g_ptr_array_add (reports, report);
      collect (lines, order, report);
    }

  if (!rpt_project_get_dirty (project))
    {
      printf (_("Every article matches its text: %s needs no re-anchoring\n"), display);
      return RPT_TOOL_OK;
    }
  print_report (project, lines, order);
  rpt_tool_print_orphans (project);

  if (dry_run)
    {
      printf (_("Dry run: %s was not changed\n"), display);
      return RPT_TOOL_OK;
    }
  if (!rpt_tool_check_in_place (argv[1], TRUE, force, &note))
    return RPT_TOOL_FAILED;
  if (!rpt_project_save_locked (project, lock, &error))
    {
      rpt_tool_error ("%s", error->message);
      rpt_tool_error (_("%s was not changed"), display);
      return RPT_TOOL_FAILED;
    }
  rpt_tool_replaced (note);
  printf (_("Saved %s\n"), display);
  return RPT_TOOL_OK;
}
