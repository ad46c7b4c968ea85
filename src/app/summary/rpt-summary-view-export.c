/* rpt-summary-view-export.c: the Summary view's figures and Export Chart.
 * The chart is drawn on the main thread (quick), the file is written and
 * synced in a worker.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-core.h"
#include "rpt-replace-prompt.h"
#include "rpt-summary-view-private.h"

static void
export_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RptSummaryView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    message = g_strdup (error->message);
  else
    message = g_strdup_printf (_("Chart exported to “%s”"), (const char *) g_task_get_task_data (G_TASK (result)));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GBytes *bytes = g_object_get_data (G_OBJECT (task), "bytes");
  GError *error = NULL;
  gsize len;
  const void *data = g_bytes_get_data (bytes, &len);

  if (rpt_safe_file_replace (task_data, data, len, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

typedef struct
{
  RptSummaryView *self;
  char           *path;
  GBytes         *bytes;
} ChartWrite;

static void
chart_write_free (gpointer data)
{
  ChartWrite *write = data;

  g_object_unref (write->self);
  g_free (write->path);
  g_bytes_unref (write->bytes);
  g_free (write);
}

/* The destination was checked (and replacing it agreed to): write. */
static void
chart_checked (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  ChartWrite *write = data;

  if (rpt_output_check_finish (result, NULL, NULL))
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, export_written, g_object_ref (write->self));

      g_task_set_task_data (task, g_strdup (write->path), g_free);
      g_object_set_data_full (G_OBJECT (task), "bytes", g_bytes_ref (write->bytes), (GDestroyNotify) g_bytes_unref);
      g_task_run_in_thread (task, write_thread);
    }
  chart_write_free (write);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    RptSummaryView  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  RptSummaryChartFormat format;
  gboolean renamed = FALSE;

  if (response == GTK_RESPONSE_ACCEPT && self->export_chart)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file && (path = g_file_get_path (file)))
    {
      if (!rpt_summary_chart_format_from_path (path, &format))
        {
          /* No known extension: PNG, and say so in the name. */
          char *png = g_strconcat (path, ".png", NULL);
          g_free (path);
          path = png;
          format = RPT_SUMMARY_CHART_PNG;
          renamed = TRUE;
        }
      /* Drawing is quick; writing (and fsync) happens in a worker. */
      bytes = rpt_summary_chart_render (self->export_chart, format, 720, &error);
      if (bytes == NULL)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      else
        {
          ChartWrite *write = g_new0 (ChartWrite, 1);
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

          write->self = g_object_ref (self);
          write->path = g_steal_pointer (&path);
          write->bytes = g_steal_pointer (&bytes);
          /* As Save As: only what the chooser did not ask about is asked. */
          rpt_output_check_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Could Not Export Chart"),
                                  write->path, !renamed, FALSE, NULL, chart_checked, write);
        }
    }
  self->export_chart = NULL;
  g_clear_object (&self->chooser);
}

static void
add_chooser_filter (GtkFileChooser *chooser,
                    const char     *name,
                    const char     *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (chooser, filter);
}

void
_rpt_summary_view_export_chart (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RptSummaryView *self = RPT_SUMMARY_VIEW (widget);
  guint which = g_variant_get_uint32 (parameter);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;

  if (which >= G_N_ELEMENTS (self->charts) || self->chooser)
    return;
  self->export_chart = self->charts[which];
  self->chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* Translators: file names; keep the extension */
  name = g_strdup (which == RPT_SUMMARY_CHART_LABEL_SPEAKER ? _("speakers-and-labels.png") : _("articles.png"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  add_chooser_filter (GTK_FILE_CHOOSER (self->chooser), _("PNG Image"), "image/png");
  add_chooser_filter (GTK_FILE_CHOOSER (self->chooser), _("SVG Image"), "image/svg+xml");
  add_chooser_filter (GTK_FILE_CHOOSER (self->chooser), _("PDF Document"), "application/pdf");
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
_rpt_summary_view_add_figure (RptSummaryView      *self,
            RptSummaryChartKind  kind)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *chart = rpt_summary_chart_new (kind);
  GtkWidget *title = gtk_label_new (rpt_summary_chart_get_title (RPT_SUMMARY_CHART (chart)));
  GtkWidget *button = gtk_button_new_with_mnemonic (_("E_xport Chart…"));
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Save the chart as PNG, SVG or PDF"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "summary.export-chart");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", (guint32) kind);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), button);
  gtk_frame_set_child (GTK_FRAME (frame), chart);
  gtk_widget_add_css_class (frame, "rpt-chart-frame");
  gtk_box_append (self->figures_box, header);
  gtk_box_append (self->figures_box, frame);
  self->charts[kind] = RPT_SUMMARY_CHART (chart);
}

