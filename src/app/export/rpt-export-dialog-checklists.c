/* rpt-export-dialog-checklists.c: the Export Dataset dialog's article and
 * label checklists: one checked row per article and per label, their
 * counts ("3 of 5 articles"), and the ids left checked for the export.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-export-dialog-private.h"

static void
update_counts (RptExportDialog *self)
{
  guint docs = self->n_documents - g_hash_table_size (self->excluded_documents);
  guint labels = self->n_labels - g_hash_table_size (self->excluded_labels);
  g_autofree char *docs_text = NULL;
  g_autofree char *labels_text = NULL;

  docs_text = docs == self->n_documents
                ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The article", "All %u articles",
                                                self->n_documents), self->n_documents)
                : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u article", "%u of %u articles",
                                                self->n_documents), docs, self->n_documents);
  labels_text = labels == self->n_labels
                  ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The label", "All %u labels",
                                                  self->n_labels), self->n_labels)
                  : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u label", "%u of %u labels",
                                                  self->n_labels), labels, self->n_labels);
  adw_expander_row_set_subtitle (self->articles_row, docs_text);
  adw_expander_row_set_subtitle (self->labels_row, labels_text);
  _rpt_export_dialog_update_actions (self);
}

static void
on_check_toggled (GtkCheckButton  *check,
                  RptExportDialog *self)
{
  GHashTable *excluded = g_object_get_data (G_OBJECT (check), "excluded");
  const char *id = g_object_get_data (G_OBJECT (check), "id");

  if (gtk_check_button_get_active (check))
    g_hash_table_remove (excluded, id);
  else
    g_hash_table_add (excluded, g_strdup (id));
  update_counts (self);
}

static GtkWidget *
check_row (RptExportDialog *self,
           GHashTable      *excluded,
           const char      *id,
           const char      *title,
           const char      *subtitle,
           GtkWidget       *extra_prefix)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (check), "id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (check), "excluded", excluded);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  if (extra_prefix)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), extra_prefix);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

void
_rpt_export_dialog_fill_checklists (RptExportDialog *self)
{
  GListModel *documents = rpt_project_get_documents (self->project);
  GListModel *labels = rpt_project_get_labels (self->project);

  self->n_documents = g_list_model_get_n_items (documents);
  for (guint i = 0; i < self->n_documents; i++)
    {
      g_autoptr(RptDocument) document = g_list_model_get_item (documents, i);
      guint n = rpt_document_get_n_annotations (document);
      g_autofree char *subtitle =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u annotation", "%s · %u annotations", n),
                         rpt_document_get_id (document), n);
      const char *title = *rpt_document_get_title (document) ? rpt_document_get_title (document)
                                                             : rpt_document_get_id (document);

      adw_expander_row_add_row (self->articles_row,
                                check_row (self, self->excluded_documents, rpt_document_get_id (document),
                                           title, subtitle, NULL));
    }

  self->n_labels = g_list_model_get_n_items (labels);
  for (guint i = 0; i < self->n_labels; i++)
    {
      g_autoptr(RptLabel) label = g_list_model_get_item (labels, i);
      guint n = rpt_project_count_label_uses (self->project, rpt_label_get_id (label));
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation",
                                                                "%u annotations", n), n);
      g_autofree char *markup = g_strdup_printf ("<span foreground=\"%s\">●</span>", rpt_label_get_color (label));
      GtkWidget *swatch = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (swatch), markup);
      gtk_accessible_update_property (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Label colour"), -1);
      adw_expander_row_add_row (self->labels_row,
                                check_row (self, self->excluded_labels, rpt_label_get_id (label),
                                           rpt_label_get_name (label), subtitle, swatch));
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->articles_row), self->n_documents > 0);
  update_counts (self);
}

/* Ids still checked, or NULL when all are. */
static char **
selected_ids (GListModel *model,
              GHashTable *excluded,
              const char *(*get_id) (gpointer))
{
  g_autoptr(GStrvBuilder) builder = NULL;

  if (g_hash_table_size (excluded) == 0)
    return NULL;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (!g_hash_table_contains (excluded, get_id (item)))
        g_strv_builder_add (builder, get_id (item));
    }
  return g_strv_builder_end (builder);
}

static const char *
document_id (gpointer item)
{
  return rpt_document_get_id (item);
}

static const char *
label_id (gpointer item)
{
  return rpt_label_get_id (item);
}

char **
_rpt_export_dialog_selected_documents (RptExportDialog *self)
{
  return selected_ids (rpt_project_get_documents (self->project), self->excluded_documents, document_id);
}

char **
_rpt_export_dialog_selected_labels (RptExportDialog *self)
{
  return selected_ids (rpt_project_get_labels (self->project), self->excluded_labels, label_id);
}
