/* rpt-window-import.c: importing articles (plain text and saved web
 * pages), from the Import action, the command line and drag and drop.
 * Files are read and checked in a worker thread; the documents are added
 * on the main thread as one undo step, after asking about any whose text
 * is in the project already.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-window-private.h"

/* ---- Importing articles ---- */

typedef struct
{
  GPtrArray *paths;         /* char * */
  GPtrArray *names;         /* char *: display names, for errors */
  GStrv      taken_ids;     /* the project's document ids when it started */
} ImportJob;

typedef struct
{
  GPtrArray *documents;     /* RptDocument */
  GPtrArray *errors;        /* char * */
} ImportResult;

static void
import_job_free (ImportJob *job)
{
  g_ptr_array_unref (job->paths);
  g_ptr_array_unref (job->names);
  g_strfreev (job->taken_ids);
  g_free (job);
}

static void
import_result_free (ImportResult *result)
{
  g_ptr_array_unref (result->documents);
  g_ptr_array_unref (result->errors);
  g_free (result);
}

static void
reserve_id (RptProject *scratch,
            const char *id)
{
  g_autoptr(RptDocument) placeholder = rpt_document_new (id, "", "", "");

  rpt_project_add_document (scratch, placeholder, NULL);
}

/* Runs in a worker: reads and validates every file. Ids are made unique
 * against a scratch project holding the ids taken when the import began
 * (the real project belongs to the main thread). */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  ImportResult *result = g_new0 (ImportResult, 1);
  g_autoptr(RptProject) scratch = rpt_project_new_empty ();

  result->documents = g_ptr_array_new_with_free_func (g_object_unref);
  result->errors = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; job->taken_ids[i]; i++)
    reserve_id (scratch, job->taken_ids[i]);

  for (guint i = 0; i < job->paths->len; i++)
    {
      g_autoptr(GError) error = NULL;
      RptDocument *document;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (g_ptr_array_index (job->paths, i) == NULL)
        {
          g_ptr_array_add (result->errors,
                           g_strdup_printf (_("%s: only local files can be imported"),
                                            (char *) g_ptr_array_index (job->names, i)));
          continue;
        }
      document = rpt_import_article_file (scratch, g_ptr_array_index (job->paths, i), &error);
      if (document == NULL)
        {
          g_ptr_array_add (result->errors, g_strdup (error->message));
          continue;
        }
      reserve_id (scratch, rpt_document_get_id (document));
      g_ptr_array_add (result->documents, document);
    }
  g_task_return_pointer (task, result, (GDestroyNotify) import_result_free);
}

/* Adds @documents, but not those in @skip (NULL: none), as one undo step
 * and says how it went. */
static void
add_documents (RptWindow  *self,
               GPtrArray  *documents,
               GHashTable *skip,
               GPtrArray  *errors)
{
  RptDocument *first = NULL;
  guint added = 0;

  rpt_project_begin_group (self->project, _("Import Articles"));
  for (guint i = 0; i < documents->len; i++)
    {
      RptDocument *document = g_ptr_array_index (documents, i);
      g_autoptr(GError) error = NULL;

      if (skip && g_hash_table_contains (skip, document))
        continue;
      if (rpt_project_add_document (self->project, document, &error))
        {
          first = first ? first : document;
          added++;
        }
      else
        g_ptr_array_add (errors, g_strdup (error->message));
    }
  rpt_project_end_group (self->project);

  if (first)
    {
      _rpt_window_select_document (self, first);
      adw_view_stack_set_visible_child_name (self->view_stack, "annotate");
      gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
    }

  if (errors->len > 0)
    {
      g_autofree char *message = NULL;

      g_ptr_array_add (errors, NULL);
      message = g_strjoinv ("\n", (char **) errors->pdata);
      g_ptr_array_remove_index (errors, errors->len - 1);
      _rpt_window_show_error (self,
                              added > 0 ? _("Some Articles Could Not Be Imported")
                                        : _("Could Not Import"),
                              message);
    }
  else if (added > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("Imported %u article", "Imported %u articles", added), added);
      _rpt_window_toast (self, message);
    }
}

/* What waits for the answer to "Already in the Project". */
typedef struct
{
  ImportResult *result;
  GHashTable   *duplicates;   /* RptDocument set */
} Duplicates;

static void
duplicates_free (gpointer  data,
                 GClosure *closure)
{
  Duplicates *pending = data;

  import_result_free (pending->result);
  g_hash_table_unref (pending->duplicates);
  g_free (pending);
}

static void
duplicates_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Duplicates       *pending)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  RptWindow *self = parent ? RPT_WINDOW (parent) : NULL;

  if (self == NULL || _rpt_window_is_gone (self))
    return;
  add_documents (self, pending->result->documents,
                 g_str_equal (response, "add") ? NULL : pending->duplicates, pending->result->errors);
}

/* Each article of @result whose text is in the project, or in an article
 * before it in @result, and what it repeats: "“copy.txt” has the same
 * text as “Ferry fares”." (@lines). */
static GHashTable *
find_duplicates (RptWindow    *self,
                 ImportResult *result,
                 GString      *lines)
{
  g_autoptr(GHashTable) texts = rpt_import_texts_of (self->project);
  GHashTable *duplicates = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < result->documents->len; i++)
    {
      RptDocument *document = g_ptr_array_index (result->documents, i);
      const char *sha256 = rpt_document_get_sha256 (document);
      RptDocument *same = g_hash_table_lookup (texts, sha256);

      if (same == NULL)
        {
          g_hash_table_insert (texts, (gpointer) sha256, document);
          continue;
        }
      g_hash_table_add (duplicates, document);
      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      /* Translators: the file imported, then the title of the article it repeats */
      g_string_append_printf (lines, _("“%s” has the same text as “%s”."),
                              rpt_document_get_source (document), rpt_document_get_title (same));
    }
  return duplicates;
}

/* Asks before adding an article a second time: Cancel (the default)
 * imports only the others. */
static void
ask_about_duplicates (RptWindow    *self,
                      ImportResult *result,
                      GHashTable   *duplicates,
                      GString      *lines)
{
  guint others = result->documents->len - g_hash_table_size (duplicates);
  Duplicates *pending = g_new0 (Duplicates, 1);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Already in the Project"), NULL);

  if (others > 0)
    {
      g_string_append (lines, "\n\n");
      g_string_append_printf (lines, ngettext ("The other article is imported either way.",
                                               "The other %u articles are imported either way.", others),
                              others);
    }
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), lines->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add Anyway"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  pending->result = result;
  pending->duplicates = g_hash_table_ref (duplicates);
  /* Freed with the dialog, answered or not (the window may close first). */
  g_signal_connect_data (dialog, "response", G_CALLBACK (duplicates_response_cb), pending,
                         duplicates_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *res,
                gpointer      user_data)
{
  RptWindow *self = RPT_WINDOW (object);
  ImportResult *result = g_task_propagate_pointer (G_TASK (res), NULL);
  g_autoptr(GHashTable) duplicates = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);

  if (result == NULL || _rpt_window_is_gone (self))
    {
      g_clear_pointer (&result, import_result_free);
      return;
    }
  _rpt_window_busy_pop (self);

  /* On the main thread, against the project as it is now. */
  duplicates = find_duplicates (self, result, lines);
  if (g_hash_table_size (duplicates) > 0)
    {
      ask_about_duplicates (self, result, duplicates, lines);
      return;
    }
  add_documents (self, result->documents, NULL, result->errors);
  import_result_free (result);
}

void
_rpt_window_import_files (RptWindow *self,
                          GPtrArray *files)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job = g_new0 (ImportJob, 1);
  GListModel *documents = rpt_project_get_documents (self->project);
  guint n = g_list_model_get_n_items (documents);

  job->paths = g_ptr_array_new_with_free_func (g_free);
  job->names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);

      g_ptr_array_add (job->paths, g_file_get_path (file));
      g_ptr_array_add (job->names, g_file_get_parse_name (file));
    }
  job->taken_ids = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RptDocument) document = g_list_model_get_item (documents, i);
      job->taken_ids[i] = g_strdup (rpt_document_get_id (document));
    }
  if (files->len > 0)
    _rpt_window_remember_folder (self, g_ptr_array_index (files, 0));

  _rpt_window_busy_push (self);
  task = g_task_new (self, self->cancellable, import_done_cb, NULL);
  g_task_set_source_tag (task, _rpt_window_import_files);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  RptWindow *self = RPT_WINDOW (gtk_native_dialog_get_transient_for (chooser));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      if (array->len > 0)
        _rpt_window_import_files (self, array);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
_rpt_window_import (RptWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) text = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Articles"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (text, _("Articles (Text and Web Pages)"));
  gtk_file_filter_add_pattern (text, "*.txt");
  gtk_file_filter_add_mime_type (text, "text/plain");
  gtk_file_filter_add_pattern (text, "*.html");
  gtk_file_filter_add_pattern (text, "*.htm");
  gtk_file_filter_add_mime_type (text, "text/html");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), text);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  _rpt_window_start_in_last_folder (self, GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
