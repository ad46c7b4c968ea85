/* rpt-export-dialog.c: the Export Dataset dialog.
 *
 * The export runs with rpt_export_async(): it copies what it will write
 * (the selected articles' annotations, labels, speakers, relations) on the
 * main thread when Export is pressed and formats and writes that copy in a
 * worker, so the user may go on editing the project meanwhile and the file
 * shows the project as it was when Export was pressed.
 *
 * Export asks before it replaces anything (rpt-output-guard.h decides what
 * is there): an existing file or an earlier export is replaced after
 * "Replace …?", never the open project's file or a folder of the user's
 * own files. A file the file chooser already asked about, or that this
 * dialog wrote, is not asked about twice while it stays as it was.
 *
 * The destination and its chooser are in rpt-export-dialog-destination.c,
 * the article and label checklists in rpt-export-dialog-checklists.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-export.h"
#include "rpt-export-dialog-private.h"
#include "rpt-output-guard.h"
#include "rpt-replace-prompt.h"

G_DEFINE_FINAL_TYPE (RptExportDialog, rpt_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_FORMAT,
  PROP_DESTINATION,
  PROP_PROJECT_FILE,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *unit_hints[RPT_OFFSETS_N_UNITS] = {
  N_("As Python, GTK and the W3C selectors count"),
  N_("As JavaScript counts; for older Label Studio versions"),
  N_("For tools that index the UTF-8 bytes"),
};

static gboolean
is_running (RptExportDialog *self)
{
  return self->cancellable != NULL;
}

void
_rpt_export_dialog_update_actions (RptExportDialog *self)
{
  gboolean can_run = !is_running (self) && self->destination != NULL &&
                     g_hash_table_size (self->excluded_documents) < self->n_documents &&
                     g_hash_table_size (self->excluded_labels) < self->n_labels;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.run", can_run);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-destination", !is_running (self));
  gtk_button_set_label (self->cancel_button,
                        is_running (self) ? _("_Stop") : self->done ? _("_Close") : _("_Cancel"));
}

static void
on_format_changed (RptExportDialog *self)
{
  RptExportFormat format = _rpt_export_dialog_get_format (self);
  gboolean choice = rpt_export_format_has_offset_choice (format);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), rpt_export_format_get_description (format));
  gtk_widget_set_sensitive (GTK_WIDGET (self->offsets_row), choice);
  if (!choice)
    adw_combo_row_set_selected (self->offsets_row, RPT_OFFSETS_CODEPOINTS);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->offsets_row),
                               format == RPT_EXPORT_CONLL ? _("CoNLL has tokens, not offsets")
                               : !choice ? _("Code points, as the format requires")
                               : _(unit_hints[MIN (adw_combo_row_get_selected (self->offsets_row),
                                                   RPT_OFFSETS_N_UNITS - 1)]));
  gtk_widget_set_visible (GTK_WIDGET (self->layers_row), format == RPT_EXPORT_CONLL);
  /* The last result described the last format. */
  if (!is_running (self))
    gtk_widget_set_visible (self->result_group, FALSE);
  _rpt_export_dialog_adapt_destination (self);
  _rpt_export_dialog_update_destination_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
}

/* ---- Running ---- */

static void
set_running (RptExportDialog *self,
             gboolean         running)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->settings_group), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->articles_row), !running && self->n_documents > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->labels_row), !running);
  if (!running)
    g_clear_object (&self->cancellable);
  _rpt_export_dialog_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
show_warnings (RptExportDialog *self,
               GPtrArray       *warnings)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings_list))))
    gtk_list_box_remove (self->warnings_list, child);
  for (guint i = 0; warnings && i < warnings->len; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
      GtkWidget *label = gtk_label_new (g_ptr_array_index (warnings, i));

      gtk_widget_set_margin_top (box, 10);
      gtk_widget_set_margin_bottom (box, 10);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_append (self->warnings_list, box);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_list), warnings && warnings->len > 0);
}

static void
on_progress (double   fraction,
             gpointer data)
{
  RptExportDialog *self = data;

  if (is_running (self) && self->progress)
    gtk_progress_bar_set_fraction (self->progress, fraction);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(RptExportDialog) self = data;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = rpt_export_finish (result, &warnings, &error);

  /* Closed while the worker ran (with its parent window, say). */
  if (self->progress == NULL)
    {
      g_clear_object (&self->cancellable);
      return;
    }
  if (!ok)
    {
      set_running (self, FALSE);
      gtk_progress_bar_set_fraction (self->progress, 0);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_progress_bar_set_text (self->progress, _("Stopped; nothing was written"));
          adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Export stopped")));
        }
      else
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export"), NULL);

          gtk_progress_bar_set_text (self->progress, _("Failed; nothing was written"));
          adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s", error->message);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      return;
    }

  self->done = TRUE;
  /* What we just wrote may be written again without a question. */
  _rpt_export_dialog_set_confirmed (self, self->destination);
  set_running (self, FALSE);
  gtk_progress_bar_set_fraction (self->progress, 1.0);
  gtk_progress_bar_set_text (self->progress, _("Done"));
  show_warnings (self, warnings);
  {
    g_autofree char *base = g_path_get_basename (self->destination);
    g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), base);

    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
  }
}

static void
start_export (RptExportDialog *self,
              gboolean         replace)
{
  g_auto(GStrv) documents = NULL;
  g_auto(GStrv) labels = NULL;
  RptExportOptions options;

  if (is_running (self) || self->destination == NULL)
    return;

  rpt_export_options_init (&options, _rpt_export_dialog_get_format (self));
  options.replace = replace;
  if (rpt_export_format_has_offset_choice (options.format))
    options.offsets = MIN (adw_combo_row_get_selected (self->offsets_row), RPT_OFFSETS_N_UNITS - 1);
  options.conll_layers = gtk_switch_get_active (self->layers_switch);
  documents = _rpt_export_dialog_selected_documents (self);
  labels = _rpt_export_dialog_selected_labels (self);
  options.document_ids = (const char * const *) documents;
  options.label_ids = (const char * const *) labels;

  self->cancellable = g_cancellable_new ();
  self->done = FALSE;
  show_warnings (self, NULL);
  gtk_widget_set_visible (self->result_group, TRUE);
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_progress_bar_set_text (self->progress, _("Exporting…"));
  set_running (self, TRUE);

  rpt_export_async (self->project, &options, self->destination,
                    on_progress, g_object_ref (self), g_object_unref,
                    self->cancellable, on_export_done, g_object_ref (self));
}

static void
replace_confirmed (gpointer data)
{
  RptExportDialog *self = data;

  /* Closed meanwhile. */
  if (self->progress == NULL)
    return;
  start_export (self, TRUE);
}

/* Looks at what is at the destination before anything is written. */
static void
run_export (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RptExportDialog *self = RPT_EXPORT_DIALOG (widget);
  const char *inputs[] = { self->project_file, NULL };
  g_autofree char *reason = NULL;
  RptOutputState state;

  if (is_running (self) || self->destination == NULL)
    return;
  state = rpt_output_inspect (self->destination,
                              rpt_export_format_writes_folder (_rpt_export_dialog_get_format (self)) ? RPT_OUTPUT_FOLDER
                                                                                  : RPT_OUTPUT_FILE,
                              inputs, &reason);
  /* The window never deletes a folder of the user's own files. */
  if (rpt_output_state_is_refused (state) || state == RPT_OUTPUT_FOREIGN_FILES)
    rpt_output_refusal (GTK_WINDOW (self), _("Could Not Export"), self->destination,
                        rpt_export_format_writes_folder (_rpt_export_dialog_get_format (self)), state, reason);
  else if (state == RPT_OUTPUT_NEW ||
           ((state == RPT_OUTPUT_EXISTS || state == RPT_OUTPUT_EARLIER_EXPORT) && _rpt_export_dialog_is_confirmed (self)))
    start_export (self, FALSE);
  else
    rpt_replace_prompt (GTK_WINDOW (self), self->destination, state, reason,
                        replace_confirmed, g_object_ref (self), g_object_unref);
}

static void
cancel (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  RptExportDialog *self = RPT_EXPORT_DIALOG (widget);

  if (is_running (self))
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* ---- The format list: name and one line of description ---- */

static void
setup_format_item (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *description = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (description), 40);
  gtk_widget_add_css_class (description, "dim-label");
  gtk_widget_add_css_class (description, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), description);
  gtk_list_item_set_child (item, box);
}

static void
bind_format_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  guint position = MIN (gtk_list_item_get_position (item), RPT_EXPORT_N_FORMATS - 1);

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), rpt_export_format_get_name (position));
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)), rpt_export_format_get_description (position));
}

static void
setup_formats (RptExportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  for (guint i = 0; i < RPT_EXPORT_N_FORMATS; i++)
    gtk_string_list_append (names, rpt_export_format_get_name (i));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_format_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_format_item), NULL);
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (names));
  adw_combo_row_set_list_factory (self->format_row, factory);
  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (on_format_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->offsets_row, "notify::selected", G_CALLBACK (on_format_changed), self,
                           G_CONNECT_SWAPPED);
}

/* ---- GObject ---- */

static void
rpt_export_dialog_constructed (GObject *object)
{
  RptExportDialog *self = RPT_EXPORT_DIALOG (object);

  G_OBJECT_CLASS (rpt_export_dialog_parent_class)->constructed (object);

  g_return_if_fail (RPT_IS_PROJECT (self->project));
  _rpt_export_dialog_fill_checklists (self);
  on_format_changed (self);
}

static void
rpt_export_dialog_dispose (GObject *object)
{
  RptExportDialog *self = RPT_EXPORT_DIALOG (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (rpt_export_dialog_parent_class)->dispose (object);
}

static void
rpt_export_dialog_finalize (GObject *object)
{
  RptExportDialog *self = RPT_EXPORT_DIALOG (object);

  g_free (self->destination);
  g_free (self->project_file);
  g_free (self->confirmed);
  g_clear_object (&self->cancellable);
  g_hash_table_unref (self->excluded_documents);
  g_hash_table_unref (self->excluded_labels);

  G_OBJECT_CLASS (rpt_export_dialog_parent_class)->finalize (object);
}

static void
rpt_export_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RptExportDialog *self = RPT_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_FORMAT:
      g_value_set_string (value, rpt_export_format_to_string (_rpt_export_dialog_get_format (self)));
      break;
    case PROP_DESTINATION:
      g_value_set_string (value, self->destination);
      break;
    case PROP_PROJECT_FILE:
      g_value_set_string (value, self->project_file);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, is_running (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_export_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RptExportDialog *self = RPT_EXPORT_DIALOG (object);
  RptExportFormat format;

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    case PROP_FORMAT:
      if (rpt_export_format_from_string (g_value_get_string (value), &format))
        adw_combo_row_set_selected (self->format_row, format);
      break;
    case PROP_DESTINATION:
      _rpt_export_dialog_set_destination (self, g_value_get_string (value));
      break;
    case PROP_PROJECT_FILE:
      g_free (self->project_file);
      self->project_file = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_export_dialog_class_init (RptExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rpt_export_dialog_constructed;
  object_class->dispose = rpt_export_dialog_dispose;
  object_class->finalize = rpt_export_dialog_finalize;
  object_class->get_property = rpt_export_dialog_get_property;
  object_class->set_property = rpt_export_dialog_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, RPT_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* "jsonl", "brat"…: what the format list shows. */
  properties[PROP_FORMAT] =
    g_param_spec_string ("format", NULL, NULL, "jsonl",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESTINATION] =
    g_param_spec_string ("destination", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The open project's file (a path, or NULL): never exported over. */
  properties[PROP_PROJECT_FILE] =
    g_param_spec_string ("project-file", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/repartee/Repartee/rpt-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RptExportDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, RptExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RptExportDialog, settings_group);
  gtk_widget_class_bind_template_child (widget_class, RptExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, RptExportDialog, destination_row);
  gtk_widget_class_bind_template_child (widget_class, RptExportDialog, offsets_row);
  gtk_widget_class_bind_template_child (widget_class, RptExportDialog, layers_row);
  gtk_widget_class_bind_template_child (widget_class, RptExportDialog, layers_switch);
  gtk_widget_class_bind_template_child (widget_class, RptExportDialog, articles_row);
  gtk_widget_class_bind_template_child (widget_class, RptExportDialog, labels_row);
  gtk_widget_class_bind_template_child (widget_class, RptExportDialog, result_group);
  gtk_widget_class_bind_template_child (widget_class, RptExportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, RptExportDialog, warnings_list);

  gtk_widget_class_install_action (widget_class, "export.run", NULL, run_export);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel);
  gtk_widget_class_install_action (widget_class, "export.choose-destination", NULL, _rpt_export_dialog_choose_destination);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "export.run", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "export.choose-destination", NULL);
}

static void
rpt_export_dialog_init (RptExportDialog *self)
{
  self->excluded_documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->excluded_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_formats (self);
}

GtkWidget *
rpt_export_dialog_new (GtkWindow  *parent,
                       RptProject *project)
{
  g_return_val_if_fail (RPT_IS_PROJECT (project), NULL);

  return g_object_new (RPT_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "project", project,
                       NULL);
}
