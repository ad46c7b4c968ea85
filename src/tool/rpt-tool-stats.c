/* rpt-tool-stats.c: repartee-tool stats PROJECT.json [--json]
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Tool"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rpt-json-writer.h"
#include "rpt-tool.h"

typedef struct
{
  const char *id;
  const char *name;
  guint       count;
} Row;

typedef struct
{
  GArray     *documents;  /* Row */
  GArray     *labels;     /* Row */
  GArray     *speakers;   /* Row; the last one is "unattributed" */
  GArray     *relations;  /* Row, one per relation type */
  guint       total;
} Counts;

static guint
find_row (GArray     *rows,
          const char *id)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (g_array_index (rows, Row, i).id, id) == 0)
      return i;
  return rows->len - 1;
}

static void
count (RptProject *project,
       Counts     *counts)
{
  GListModel *documents = rpt_project_get_documents (project);
  GListModel *labels = rpt_project_get_labels (project);
  GListModel *speakers = rpt_project_get_speakers (project);
  GListModel *relations = rpt_project_get_relations (project);

  counts->documents = g_array_new (FALSE, TRUE, sizeof (Row));
  counts->labels = g_array_new (FALSE, TRUE, sizeof (Row));
  counts->speakers = g_array_new (FALSE, TRUE, sizeof (Row));
  counts->relations = g_array_new (FALSE, TRUE, sizeof (Row));

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (labels, i);
      Row row = { rpt_label_get_id (label), rpt_label_get_name (label), 0 };
      g_array_append_val (counts->labels, row);
    }
  for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
    {
      g_autoptr(RptSpeaker) speaker = g_list_model_get_item (speakers, i);
      Row row = { rpt_speaker_get_id (speaker), rpt_speaker_get_name (speaker), 0 };
      g_array_append_val (counts->speakers, row);
    }
  {
    Row row = { NULL, _("(unattributed)"), 0 };
    g_array_append_val (counts->speakers, row);
  }

  for (guint t = 0; t < RPT_RELATION_N_TYPES; t++)
    {
      Row row = { rpt_relation_type_to_string (t), rpt_relation_type_get_display (t), 0 };
      g_array_append_val (counts->relations, row);
    }
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(RptRelation) relation = g_list_model_get_item (relations, i);
      g_array_index (counts->relations, Row, rpt_relation_get_kind (relation)).count++;
    }

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(RptDocument) document = g_list_model_get_item (documents, d);
      RptAnnotationStore *store = rpt_project_get_annotations (project, rpt_document_get_id (document));
      guint n = rpt_annotation_store_get_n_items (store);
      Row row = { rpt_document_get_id (document), rpt_document_get_title (document), n };

      g_array_append_val (counts->documents, row);
      counts->total += n;
      for (guint i = 0; i < n; i++)
        {
          RptAnnotation *a = rpt_annotation_store_get (store, i);

          g_array_index (counts->labels, Row, find_row (counts->labels, rpt_annotation_get_label (a))).count++;
          g_array_index (counts->speakers, Row, find_row (counts->speakers, rpt_annotation_get_speaker (a))).count++;
        }
    }
}

static void
print_table (const char *heading,
             GArray     *rows)
{
  printf ("\n%s\n", heading);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      g_autofree char *name = rpt_tool_printable (row->name);
      g_autofree char *id = row->id ? rpt_tool_printable (row->id) : NULL;

      if (id)
        printf ("  %6u  %s (%s)\n", row->count, name, id);
      else
        printf ("  %6u  %s\n", row->count, name);
    }
}

static void
append_json_rows (GString    *out,
                  const char *name,
                  GArray     *rows,
                  gboolean    last)
{
  g_string_append_printf (out, "  \"%s\": [", name);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      g_string_append (out, i ? ",\n    {" : "\n    {");
      g_string_append (out, "\"id\": ");
      if (row->id)
        rpt_json_append_string (out, row->id);
      else
        g_string_append (out, "null");
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "name", row->name);
      g_string_append (out, ", ");
      rpt_json_append_member_uint (out, "count", row->count);
      g_string_append (out, "}");
    }
  g_string_append (out, rows->len ? "\n  ]" : "]");
  g_string_append (out, last ? "\n" : ",\n");
}

/* Annotations that lost their place in an edited text. */
static void
append_json_orphans (GString    *out,
                     RptProject *project)
{
  GListModel *orphans = rpt_project_get_orphans (project);
  guint n = g_list_model_get_n_items (orphans);

  g_string_append (out, "  \"orphans\": [");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RptAnnotation) a = g_list_model_get_item (orphans, i);

      g_string_append (out, i ? ",\n    {" : "\n    {");
      rpt_json_append_member_string (out, "id", rpt_annotation_get_id (a));
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "document", rpt_annotation_get_document (a));
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "label", rpt_annotation_get_label (a));
      g_string_append (out, ", \"speaker\": ");
      if (rpt_annotation_get_speaker (a))
        rpt_json_append_string (out, rpt_annotation_get_speaker (a));
      else
        g_string_append (out, "null");
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "quote", rpt_annotation_get_quote (a));
      g_string_append (out, "}");
    }
  g_string_append (out, n ? "\n  ]\n" : "]\n");
}

int
rpt_tool_stats (int    argc,
                char **argv)
{
  g_autoptr(RptProject) project = NULL;
  gboolean as_json = FALSE;
  Counts counts = { 0 };
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON instead of a table"), NULL },
    { NULL }
  };

  if (!rpt_tool_parse ("stats", _("PROJECT.json"),
                       _("Counts annotations by article, label and speaker, and relations by type. "
                         "With --json the counts are printed as a JSON object."),
                       entries, &argc, &argv))
    return RPT_TOOL_USAGE;
  if (argc != 2)
    return rpt_tool_usage_error ("stats", "%s", _("exactly one project file is needed"));

  if (!(project = rpt_tool_load (argv[1])))
    return RPT_TOOL_FAILED;
  count (project, &counts);

  if (as_json)
    {
      g_autoptr(GString) out = g_string_new ("{\n");

      g_string_append_printf (out, "  \"annotations\": %u,\n", counts.total);
      append_json_rows (out, "documents", counts.documents, FALSE);
      append_json_rows (out, "labels", counts.labels, FALSE);
      append_json_rows (out, "speakers", counts.speakers, FALSE);
      append_json_rows (out, "relations", counts.relations, FALSE);
      append_json_orphans (out, project);
      g_string_append (out, "}\n");
      fputs (out->str, stdout);
    }
  else
    {
      printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation\n", "%u annotations\n", counts.total),
              counts.total);
      print_table (_("By article:"), counts.documents);
      print_table (_("By label:"), counts.labels);
      print_table (_("By speaker:"), counts.speakers);
      print_table (_("Relations by type:"), counts.relations);
      if (rpt_project_get_n_orphans (project) > 0)
        {
          printf ("\n");
          rpt_tool_print_orphans (project);
        }
    }

  g_array_unref (counts.documents);
  g_array_unref (counts.labels);
  g_array_unref (counts.speakers);
  g_array_unref (counts.relations);
  return RPT_TOOL_OK;
}
