/* rpt-window-orphans.c: annotations that lost their place when an
 * article's text changed (orphans), kept in sight by a bar above the
 * article with a list to place or delete each; and Replace Article Text,
 * which re-anchors the annotations of the current article on a corrected
 * version of its text.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-window-private.h"

#define ORPHAN_ID "rpt-orphan-id"
/* Longer quotes are cut, to keep the list readable. */
#define MAX_QUOTE_CHARS 160
/* Rows built at a time: the list is rebuilt whenever orphans change. */
#define MAX_ORPHAN_ROWS 100

/* ---- The list ---- */

static RptAnnotation *
button_orphan (RptWindow *self,
               GtkWidget *button)
{
  return rpt_project_get_orphan (self->project, g_object_get_data (G_OBJECT (button), ORPHAN_ID));
}

static void
show_article_clicked_cb (GtkWidget *button,
                         RptWindow *self)
{
  RptAnnotation *orphan = button_orphan (self, button);
  RptDocument *document = orphan ? rpt_project_get_document (self->project, rpt_annotation_get_document (orphan)) : NULL;

  if (document)
    _rpt_window_select_document (self, document);
}

static void
place_clicked_cb (GtkWidget *button,
                  RptWindow *self)
{
  RptAnnotation *orphan = button_orphan (self, button);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  guint start, end;

  if (orphan == NULL)
    return;
  if (!rpt_article_view_get_selection_range (self->article_view, &start, &end) || start == end)
    {
      _rpt_window_toast (self, _("Select the text where the annotation belongs first"));
      return;
    }
  id = g_strdup (rpt_annotation_get_id (orphan));
  if (!rpt_project_place_orphan (self->project, id, start, end, &error))
    {
      _rpt_window_toast (self, error->message);
      return;
    }
  gtk_menu_button_popdown (self->orphans_button);
  /* As after tagging: the selection is used up (and its adder goes). */
  rpt_article_view_select_range (self->article_view, end, end);
  rpt_article_view_set_selected_annotation (self->article_view, rpt_project_get_annotation (self->project, id));
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
  _rpt_window_toast (self, _("Annotation placed"));
}

static void
delete_clicked_cb (GtkWidget *button,
                   RptWindow *self)
{
  RptAnnotation *orphan = button_orphan (self, button);
  g_autofree char *id = NULL;
  AdwToast *toast;

  if (orphan == NULL)
    return;
  id = g_strdup (rpt_annotation_get_id (orphan));
  rpt_project_remove_annotation (self->project, id);

  /* As for a placed annotation: Undo while nothing else happened. */
  self->delete_generation = rpt_project_get_generation (self->project);
  toast = adw_toast_new (_("Annotation deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  self->delete_toast = toast;
  _rpt_window_show_toast (self, toast);
}

static GtkWidget *
make_button (RptWindow     *self,
             RptAnnotation *orphan,
             const char    *label,
             const char    *style,
             GCallback      callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  if (style)
    gtk_widget_add_css_class (button, style);
  g_object_set_data_full (G_OBJECT (button), ORPHAN_ID, g_strdup (rpt_annotation_get_id (orphan)), g_free);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

/* "Claim · Minister Holm · in “Bridge talks”" */
static char *
describe (RptWindow     *self,
          RptAnnotation *orphan)
{
  RptLabel *label = rpt_project_get_label (self->project, rpt_annotation_get_label (orphan));
  const char *speaker_id = rpt_annotation_get_speaker (orphan);
  RptSpeaker *speaker = speaker_id ? rpt_project_get_speaker (self->project, speaker_id) : NULL;
  RptDocument *document = rpt_project_get_document (self->project, rpt_annotation_get_document (orphan));
  GString *text = g_string_new (label ? rpt_label_get_name (label) : rpt_annotation_get_label (orphan));

  if (speaker)
    g_string_append_printf (text, " · %s", rpt_speaker_get_name (speaker));
  if (document)
    /* Translators: where an orphan belongs; %s is an article's title */
    g_string_append_printf (text, _(" · in “%s”"), rpt_document_get_title (document));
  return g_string_free (text, FALSE);
}

static GtkWidget *
orphan_row_new (RptWindow     *self,
                RptAnnotation *orphan,
                gboolean       in_current)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *quote = rpt_annotation_get_quote (orphan);
  g_autofree char *quoted = NULL;
  g_autofree char *about = describe (self, orphan);
  GtkWidget *quote_label;
  GtkWidget *about_label;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  if (quote && quote[0])
    {
      /* Cut by hand: an ellipsized wrapping label is measured too short
       * inside the scrolled list. */
      g_autofree char *cut = NULL;

      if (g_utf8_strlen (quote, -1) > MAX_QUOTE_CHARS)
        {
          g_autofree char *start = g_utf8_substring (quote, 0, MAX_QUOTE_CHARS - 1);
          cut = g_strconcat (start, "…", NULL);
        }
      else
        cut = g_strdup (quote);

      /* Translators: the text an annotation quoted */
      quoted = g_strdup_printf (_("“%s”"), cut);
    }
  quote_label = gtk_label_new (quoted ? quoted : _("The quoted text is not known"));
  gtk_label_set_wrap (GTK_LABEL (quote_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (quote_label), PANGO_WRAP_WORD_CHAR);
  /* A fixed width: the scrolled list measures wrapped labels right. */
  gtk_label_set_width_chars (GTK_LABEL (quote_label), 40);
  gtk_label_set_max_width_chars (GTK_LABEL (quote_label), 40);
  gtk_label_set_xalign (GTK_LABEL (quote_label), 0);
  if (quoted == NULL)
    gtk_widget_add_css_class (quote_label, "dim-label");
  gtk_box_append (GTK_BOX (box), quote_label);

  about_label = gtk_label_new (about);
  gtk_label_set_xalign (GTK_LABEL (about_label), 0);
  gtk_label_set_wrap (GTK_LABEL (about_label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (about_label), 40);
  gtk_label_set_max_width_chars (GTK_LABEL (about_label), 40);
  gtk_widget_add_css_class (about_label, "caption");
  gtk_widget_add_css_class (about_label, "dim-label");
  gtk_box_append (GTK_BOX (box), about_label);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 4);
  gtk_box_append (GTK_BOX (buttons), make_button (self, orphan, _("_Delete"), "destructive-action",
                                                  G_CALLBACK (delete_clicked_cb)));
  /* Placing uses the selection in the orphan's own article. */
  if (in_current)
    gtk_box_append (GTK_BOX (buttons), make_button (self, orphan, _("_Place at Selection"), "suggested-action",
                                                    G_CALLBACK (place_clicked_cb)));
  else
    gtk_box_append (GTK_BOX (buttons), make_button (self, orphan, _("Show _Article"), NULL,
                                                    G_CALLBACK (show_article_clicked_cb)));
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

void
_rpt_window_update_orphans (RptWindow *self)
{
  GListModel *orphans;
  RptDocument *current;
  GtkWidget *row;
  guint n;

  if (self->project == NULL || self->orphans_list == NULL)
    return;
  orphans = rpt_project_get_orphans (self->project);
  n = g_list_model_get_n_items (orphans);
  current = _rpt_window_get_document (self);

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->orphans_list))))
    gtk_list_box_remove (self->orphans_list, row);
  for (guint i = 0; i < n && i < MAX_ORPHAN_ROWS; i++)
    {
      g_autoptr(RptAnnotation) orphan = g_list_model_get_item (orphans, i);
      gboolean in_current = current && g_str_equal (rpt_document_get_id (current), rpt_annotation_get_document (orphan));

      gtk_list_box_append (self->orphans_list, orphan_row_new (self, orphan, in_current));
    }
  if (n > MAX_ORPHAN_ROWS)
    {
      guint more = n - MAX_ORPHAN_ROWS;
      g_autofree char *text = g_strdup_printf (ngettext ("%u more after these", "%u more after these", more), more);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 10);
      gtk_widget_set_margin_bottom (label, 10);
      gtk_list_box_append (self->orphans_list, label);
    }

  if (n > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u annotation could not be placed",
                                                         "%u annotations could not be placed", n), n);
      gtk_label_set_text (self->orphans_label, text);
    }
  else
    gtk_menu_button_popdown (self->orphans_button);
  gtk_revealer_set_reveal_child (self->orphans_bar, n > 0);
}

/* ---- Replace Article Text ---- */

typedef struct
{
  RptWindow  *self;
  RptProject *project;
  char       *document_id;
  char       *name;         /* the file's, for messages */
} ReplaceOp;

static void
replace_op_free (ReplaceOp *op)
{
  g_object_unref (op->self);
  g_object_unref (op->project);
  g_free (op->document_id);
  g_free (op->name);
  g_free (op);
}

static void
replace_failed (ReplaceOp    *op,
                const GError *error)
{
  /* Translators: %s is a file name */
  g_autofree char *heading = g_strdup_printf (_("Could Not Replace the Text with “%s”"), op->name);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _rpt_window_show_error (op->self, heading, error->message);
}

static void
replaced_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ReplaceOp *op = user_data;
  RptWindow *self = op->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RptReanchorReport) report = NULL;
  gboolean ok = rpt_project_replace_document_text_finish (op->project, result, &report, &error);

  if (_rpt_window_is_gone (self))
    {
      replace_op_free (op);
      return;
    }
  _rpt_window_busy_pop (self);
  if (!ok)
    replace_failed (op, error);
  else if (op->project == self->project)
    {
      RptDocument *document = rpt_project_get_document (self->project, op->document_id);

      if (document)
        _rpt_window_select_document (self, document);
      _rpt_window_show_reanchor_report (self, report);
    }
  replace_op_free (op);
}

/* In a worker: the file read and checked as an imported article is. */
static void
read_text_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_autoptr(RptProject) scratch = rpt_project_new_empty ();
  g_autoptr(RptDocument) document = NULL;
  GError *error = NULL;

  document = rpt_import_text_file (scratch, task_data, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_strdup (rpt_document_get_text (document)), g_free);
}

static void
text_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ReplaceOp *op = user_data;
  RptWindow *self = op->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_task_propagate_pointer (G_TASK (result), &error);

  if (_rpt_window_is_gone (self))
    {
      replace_op_free (op);
      return;
    }
  if (text == NULL)
    {
      _rpt_window_busy_pop (self);
      replace_failed (op, error);
      replace_op_free (op);
      return;
    }
  rpt_project_replace_document_text_async (op->project, op->document_id, text, self->cancellable, replaced_cb, op);
}

void
_rpt_window_replace_text_from_file (RptWindow *self,
                                    GFile     *file)
{
  RptDocument *document = _rpt_window_get_document (self);
  g_autoptr(GTask) task = NULL;
  ReplaceOp *op;

  if (document == NULL)
    return;
  op = g_new0 (ReplaceOp, 1);
  op->self = g_object_ref (self);
  op->project = g_object_ref (self->project);
  op->document_id = g_strdup (rpt_document_get_id (document));
  op->name = g_file_get_basename (file);

  _rpt_window_remember_folder (self, file);
  _rpt_window_busy_push (self);
  task = g_task_new (NULL, self->cancellable, text_read_cb, op);
  g_task_set_source_tag (task, _rpt_window_replace_text_from_file);
  g_task_set_task_data (task, g_file_get_path (file), g_free);
  if (g_task_get_task_data (task) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only local files can be read"));
      return;
    }
  g_task_run_in_thread (task, read_text_thread);
}

static void
replace_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  RptWindow *self = RPT_WINDOW (gtk_native_dialog_get_transient_for (chooser));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      _rpt_window_replace_text_from_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
_rpt_window_replace_text (RptWindow *self)
{
  RptDocument *document = _rpt_window_get_document (self);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) text = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *title = NULL;

  if (document == NULL)
    return;
  /* Translators: %s is the article's title */
  title = g_strdup_printf (_("Replace the Text of “%s”"), rpt_document_get_title (document));
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Replace"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (text, _("Plain Text Articles"));
  gtk_file_filter_add_pattern (text, "*.txt");
  gtk_file_filter_add_mime_type (text, "text/plain");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), text);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  _rpt_window_start_in_last_folder (self, GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (replace_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
