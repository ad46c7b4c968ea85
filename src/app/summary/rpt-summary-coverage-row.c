/* rpt-summary-coverage-row.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-summary-coverage-row.h"
#include "rpt-summary-format.h"

/* Left-out statements listed before "and N more". */
#define MAX_LISTED 50

struct _RptSummaryCoverageRow
{
  GtkWidget    parent_instance;

  GtkLabel    *title_label;
  GtkLabel    *detail_label;
  GtkLevelBar *level;
  GtkExpander *expander;
  GtkBox      *omitted_box;

  RptSummary  *summary;
  guint        document;
  gboolean     filled;
};

G_DEFINE_FINAL_TYPE (RptSummaryCoverageRow, rpt_summary_coverage_row, GTK_TYPE_WIDGET)

enum {
  GROUP_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_omitted_clicked (GtkButton             *button,
                    RptSummaryCoverageRow *self)
{
  g_signal_emit (self, signals[GROUP_ACTIVATED], 0,
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "group")));
}

static void
clear_omitted (RptSummaryCoverageRow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->omitted_box))))
    gtk_box_remove (self->omitted_box, child);
  self->filled = FALSE;
}

/* Filled when first expanded: most rows never are. */
static void
fill_omitted (RptSummaryCoverageRow *self)
{
  g_autoptr(GArray) omitted = NULL;
  guint n_omitted;

  if (self->filled || self->summary == NULL)
    return;
  self->filled = TRUE;
  omitted = rpt_summary_dup_omitted_first (self->summary, self->document, MAX_LISTED);
  n_omitted = rpt_summary_get_n_shared_groups (self->summary) -
              rpt_summary_get_document_n_shared (self->summary, self->document);
  for (guint i = 0; i < omitted->len && i < MAX_LISTED; i++)
    {
      guint group = g_array_index (omitted, guint, i);
      const RptSummaryGroup *g = rpt_summary_get_group (self->summary, group);
      g_autofree char *quote = rpt_summary_dup_quote (self->summary, g->representative, 80);
      g_autofree char *reach = rpt_summary_describe_reach (self->summary, group);
      /* Translators: a quoted statement; use the quotation marks of your language */
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), quote);
      g_autofree char *markup = g_markup_printf_escaped ("%s\n<span size=\"small\" alpha=\"65%%\">%s</span>",
                                                       quoted, reach);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_widget_add_css_class (label, "rpt-omitted");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Show it in the exchange"));
      g_object_set_data (G_OBJECT (button), "group", GUINT_TO_POINTER (group));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_omitted_clicked), self, 0);
      gtk_box_append (self->omitted_box, button);
    }
  if (n_omitted > MAX_LISTED)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                            n_omitted - MAX_LISTED),
                                               n_omitted - MAX_LISTED);
      GtkWidget *label = gtk_label_new (more);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->omitted_box, label);
    }
}

static void
on_expanded (RptSummaryCoverageRow *self)
{
  if (gtk_expander_get_expanded (self->expander))
    fill_omitted (self);
}

static void
rpt_summary_coverage_row_dispose (GObject *object)
{
  RptSummaryCoverageRow *self = RPT_SUMMARY_COVERAGE_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_SUMMARY_COVERAGE_ROW);
  /* GTK 4.8 leaves unnamed template children parented. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->summary, rpt_summary_unref);

  G_OBJECT_CLASS (rpt_summary_coverage_row_parent_class)->dispose (object);
}

static void
rpt_summary_coverage_row_class_init (RptSummaryCoverageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_summary_coverage_row_dispose;

  signals[GROUP_ACTIVATED] =
    g_signal_new ("group-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/repartee/Repartee/rpt-summary-coverage-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RptSummaryCoverageRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryCoverageRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryCoverageRow, level);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryCoverageRow, expander);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryCoverageRow, omitted_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "summarycoveragerow");
}

static void
rpt_summary_coverage_row_init (RptSummaryCoverageRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->expander, "notify::expanded", G_CALLBACK (on_expanded), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
rpt_summary_coverage_row_new (void)
{
  return g_object_new (RPT_TYPE_SUMMARY_COVERAGE_ROW, NULL);
}

void
rpt_summary_coverage_row_set_document (RptSummaryCoverageRow *self,
                                       RptSummary            *summary,
                                       guint                  document)
{
  guint n_shared, reported, n_omitted, n_annotations;
  g_autofree char *detail = NULL;
  g_autofree char *expander_label = NULL;

  g_return_if_fail (RPT_IS_SUMMARY_COVERAGE_ROW (self));

  rpt_summary_ref (summary);
  g_clear_pointer (&self->summary, rpt_summary_unref);
  self->summary = summary;
  self->document = document;
  clear_omitted (self);

  n_shared = rpt_summary_get_n_shared_groups (summary);
  reported = rpt_summary_get_document_n_shared (summary, document);
  n_omitted = n_shared - reported;
  n_annotations = rpt_summary_get_document_n_annotations (summary, document);

  gtk_label_set_text (self->title_label, rpt_summary_document_display (summary, document));
  /* Translators: "Reports 3 of 5 shared statements · 7 annotations" */
  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reports %u of %u shared statements · %u annotation",
                                         "Reports %u of %u shared statements · %u annotations", n_annotations),
                            reported, n_shared, n_annotations);
  gtk_label_set_text (self->detail_label, detail);
  gtk_level_bar_set_value (self->level, n_shared ? (double) reported / n_shared : 0);
  gtk_widget_set_visible (GTK_WIDGET (self->level), n_shared > 0);

  expander_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Left out %u statement",
                                                 "Left out %u statements", n_omitted), n_omitted);
  gtk_expander_set_label (self->expander, expander_label);
  gtk_widget_set_visible (GTK_WIDGET (self->expander), n_omitted > 0);
  if (gtk_expander_get_expanded (self->expander))
    fill_omitted (self);
}
