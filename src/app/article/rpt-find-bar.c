/* rpt-find-bar.c: Find: the search bar, searching as you type, the
 * highlights and the current match in the article, moving between
 * matches. The list of matches in all articles is in rpt-find-bar-list.c,
 * Tag All in rpt-find-bar-tag.c.
 *
 * Each change of the text or an option cancels the running search and
 * starts another over the article shown (or all articles), in a worker
 * (rpt_search_results_fill_async): the window never waits for a search.
 * Matches arrive in batches; the text view draws those on screen, and the
 * first one at or after the caret becomes the current match as soon as
 * it arrives, as GNOME Text Editor does.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-article-text-view.h"
#include "rpt-find-bar-private.h"

G_DEFINE_FINAL_TYPE (RptFindBar, rpt_find_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_ARTICLE_VIEW,
  PROP_ALL_ARTICLES,
  N_PROPS
};

enum {
  SHOW_DOCUMENT,
  TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void restart (RptFindBar *self);

/* ---- State ---- */

static RptDocument *
view_document (RptFindBar *self)
{
  return self->view != NULL ? rpt_article_view_get_document (self->view) : NULL;
}

static RptArticleTextView *
text_view (RptFindBar *self)
{
  return RPT_ARTICLE_TEXT_VIEW (rpt_article_view_get_text_view (self->view));
}

static gboolean
all_articles (RptFindBar *self)
{
  return gtk_check_button_get_active (self->all_check);
}

static RptSearchFlags
search_flags (RptFindBar *self)
{
  return (gtk_check_button_get_active (self->case_check) ? RPT_SEARCH_CASE_SENSITIVE : 0) |
         (gtk_check_button_get_active (self->words_check) ? RPT_SEARCH_WHOLE_WORDS : 0) |
         (gtk_check_button_get_active (self->regex_check) ? RPT_SEARCH_REGEX : 0);
}

/* Where the selection starts in the article, or the caret: a search
 * starts from there, so that typing on keeps the match it is on. */
static guint
caret_offset (RptFindBar *self)
{
  GtkTextView *view = rpt_article_view_get_text_view (self->view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
  return rpt_article_text_view_get_offset (RPT_ARTICLE_TEXT_VIEW (view), &start);
}

void
_rpt_find_bar_toast (RptFindBar *self,
                     const char *message)
{
  g_signal_emit (self, signals[TOAST], 0, message);
}

/* ---- What the user sees ---- */

/* The article's matches in the text, while the bar is open. */
static void
update_highlights (RptFindBar *self)
{
  RptDocument *document = view_document (self);
  int d;
  GArray *matches;
  guint first, current = G_MAXUINT;

  if (self->view == NULL || rpt_article_view_get_text_view (self->view) == NULL)
    return;
  if (self->results == NULL || document == NULL || !rpt_find_bar_is_open (self) ||
      (d = rpt_search_results_find_document (self->results, document)) < 0)
    {
      rpt_article_text_view_set_find_matches (text_view (self), NULL, G_MAXUINT);
      return;
    }
  matches = rpt_search_results_get_matches (self->results, (guint) d);
  first = rpt_search_results_get_first_index (self->results, (guint) d);
  if (self->current >= 0 && (guint) self->current >= first && (guint) self->current < first + matches->len)
    current = (guint) self->current - first;
  rpt_article_text_view_set_find_matches (text_view (self), matches, current);
}

static void
update_count (RptFindBar *self)
{
  g_autofree char *text = NULL;
  guint n = self->results ? rpt_search_results_get_n_matches (self->results) : 0;
  gboolean capped = self->results != NULL && rpt_search_results_is_capped (self->results);

  if (self->results == NULL)
    text = g_strdup ("");
  else if (n == 0)
    text = g_strdup (rpt_search_results_is_complete (self->results) ? _("No matches") : "");
  else if (self->current >= 0)
    /* Translators: the current match and how many there are, e.g. "3 of 12";
     * the second form when the search stopped at its limit. */
    text = g_strdup_printf (capped ? _("%d of %u+") : _("%d of %u"), self->current + 1, n);
  else
    text = g_strdup_printf (ngettext ("%u match", "%u matches", n), n);
  gtk_label_set_text (self->count_label, text);
}

static void
update_list (RptFindBar *self)
{
  gtk_revealer_set_reveal_child (self->results_revealer,
                                 rpt_find_bar_is_open (self) && all_articles (self) && self->results != NULL);
}

static void
show_error (RptFindBar *self,
            const char *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
}

/* ---- Moving between matches ---- */

void
_rpt_find_bar_go_to (RptFindBar *self,
                     guint       index)
{
  RptSearchMatch match;
  RptDocument *document;
  guint document_index;

  if (self->results == NULL || self->view == NULL ||
      !rpt_search_results_lookup (self->results, index, &document_index, &match))
    return;
  document = rpt_search_results_get_document (self->results, document_index);
  /* An article removed since the search is gone. */
  if (self->project == NULL || rpt_project_get_document (self->project, rpt_document_get_id (document)) != document)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  self->current = (int) index;
  if (view_document (self) != document)
    g_signal_emit (self, signals[SHOW_DOCUMENT], 0, document);
  if (view_document (self) != document)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  rpt_article_view_show_range (self->view, match.start, match.end);
  update_highlights (self);
  update_count (self);

  _rpt_find_bar_select_row (self);
}

/* The match after (@direction 1) or before (-1) the caret in the article
 * shown, across articles when it has none that way. */
static guint
from_caret (RptFindBar *self,
            int         direction)
{
  guint n = rpt_search_results_get_n_matches (self->results);
  RptDocument *document = view_document (self);
  int d = document ? rpt_search_results_find_document (self->results, document) : -1;
  GArray *matches;
  guint first, caret, i;

  if (d < 0)
    return direction > 0 ? 0 : n - 1;
  matches = rpt_search_results_get_matches (self->results, (guint) d);
  first = rpt_search_results_get_first_index (self->results, (guint) d);
  caret = caret_offset (self);
  for (i = 0; i < matches->len && g_array_index (matches, RptSearchMatch, i).start < caret; i++)
    ;
  /* i: the first at or after the caret. */
  if (direction > 0)
    return (first + i) % n;
  return (first + i + n - 1) % n;
}

static void
step (RptFindBar *self,
      int         direction)
{
  guint n;

  if (!rpt_find_bar_is_open (self) && (self->results == NULL || self->current < 0))
    {
      rpt_find_bar_open (self);
      return;
    }
  n = self->results ? rpt_search_results_get_n_matches (self->results) : 0;
  if (n == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  self->moved = TRUE;
  if (self->current < 0)
    _rpt_find_bar_go_to (self, from_caret (self, direction));
  else
    _rpt_find_bar_go_to (self, ((guint) self->current + n + (guint) (direction > 0 ? 1 : n - 1)) % n);
}

/* ---- Searching ---- */

/* Until the user moves, the first match at or after where the search
 * began becomes current as it arrives (in the article shown). */
static void
on_matches_added (RptSearchResults *results,
                  guint             document_index,
                  guint             position,
                  guint             n,
                  RptFindBar       *self)
{
  RptDocument *document = rpt_search_results_get_document (results, document_index);

  if (document == view_document (self))
    {
      if (self->current < 0 && !self->moved)
        {
          GArray *matches = rpt_search_results_get_matches (results, document_index);

          for (guint i = position; i < position + n; i++)
            if (g_array_index (matches, RptSearchMatch, i).start >= self->anchor)
              {
                _rpt_find_bar_go_to (self, rpt_search_results_get_first_index (results, document_index) + i);
                break;
              }
        }
      update_highlights (self);
    }
  if (all_articles (self))
    _rpt_find_bar_update_list_rows (self);
  update_count (self);
}

static void
fill_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RptFindBar) self = user_data;
  RptSearchResults *results = RPT_SEARCH_RESULTS (source);
  g_autoptr(GError) error = NULL;
  RptDocument *document;
  int d;

  /* Cancelled: a newer search (or the bar's end) took over. Finished
   * after the bar's end: its results were dropped. */
  if (!rpt_search_results_fill_finish (results, result, &error))
    return;
  if (results != self->results)
    return;

  /* Nothing after where it began: the first one in the article. */
  document = view_document (self);
  if (self->current < 0 && !self->moved && document != NULL &&
      (d = rpt_search_results_find_document (results, document)) >= 0)
    _rpt_find_bar_go_to (self, rpt_search_results_get_first_index (results, (guint) d));
  update_count (self);
  _rpt_find_bar_update_tag (self);
}

static void
stop (RptFindBar *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->results != NULL)
    g_signal_handlers_disconnect_by_data (self->results, self);
  g_clear_object (&self->results);
  rpt_find_results_model_set_results (self->model, NULL);
  _rpt_find_bar_update_list_rows (self);
  self->current = -1;
}

static void
restart (RptFindBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(RptSearchPattern) pattern = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  RptDocument *document = view_document (self);

  stop (self);
  show_error (self, NULL);
  self->view_document = document;
  if (!rpt_find_bar_is_open (self) || *text == '\0' || self->project == NULL ||
      (document == NULL && !all_articles (self)))
    goto done;

  pattern = rpt_search_pattern_new (text, search_flags (self), &error);
  if (pattern == NULL)
    {
      show_error (self, error->message);
      goto done;
    }

  documents = g_ptr_array_new_with_free_func (g_object_unref);
  if (all_articles (self))
    {
      GListModel *all = rpt_project_get_documents (self->project);

      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        g_ptr_array_add (documents, g_list_model_get_item (all, i));
    }
  else
    g_ptr_array_add (documents, g_object_ref (document));

  self->moved = FALSE;
  self->anchor = document != NULL ? caret_offset (self) : 0;
  self->results = rpt_search_results_new (pattern);
  /* Only for the list: its rows are measured (shaped) even while it is
   * hidden, which costs tens of milliseconds a keystroke. */
  if (all_articles (self))
    {
      rpt_find_results_model_set_results (self->model, self->results);
      _rpt_find_bar_update_list_rows (self);
    }
  /* After the list's model has added the rows that go_to () selects. */
  g_signal_connect_object (self->results, "matches-added", G_CALLBACK (on_matches_added), self, G_CONNECT_AFTER);
  self->cancellable = g_cancellable_new ();
  rpt_search_results_fill_async (self->results, documents, self->cancellable, fill_done, g_object_ref (self));

done:
  update_highlights (self);
  update_count (self);
  update_list (self);
  _rpt_find_bar_update_tag (self);
}

/* ---- Following the article and the project ---- */

static void
on_view_document (RptFindBar *self)
{
  RptDocument *document = view_document (self);

  if (document == self->view_document)
    return;
  self->view_document = document;
  /* All articles' matches are there already; this article's are not. */
  if (all_articles (self) && self->results != NULL)
    update_highlights (self);
  else if (rpt_find_bar_is_open (self))
    restart (self);
  else
    stop (self);
}

static void
on_documents_changed (RptFindBar *self)
{
  if (rpt_find_bar_is_open (self) && all_articles (self))
    restart (self);
}

/* ---- The entry and the options ---- */

static void
notify_all_articles (RptFindBar *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALL_ARTICLES]);
}

static void
on_text_changed (RptFindBar *self)
{
  restart (self);
}

static void
on_search_mode (RptFindBar *self)
{
  if (rpt_find_bar_is_open (self))
    return;
  /* Closed: an unfinished search is of no more use; a finished one stays
   * for Ctrl+G in the text. */
  if (self->results != NULL && !rpt_search_results_is_complete (self->results))
    stop (self);
  show_error (self, NULL);
  update_highlights (self);
  update_list (self);
  update_count (self);
  if (self->view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step (RPT_FIND_BAR (widget), +1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  step (RPT_FIND_BAR (widget), -1);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  rpt_find_bar_close (RPT_FIND_BAR (widget));
}

static gboolean
previous_by_key (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  step (RPT_FIND_BAR (user_data), -1);
  return TRUE;
}

/* Shift+Enter: GtkSearchEntry activates on Enter alone. */
static void
add_entry_keys (RptFindBar *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  guint keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i], GDK_SHIFT_MASK),
                                                            gtk_callback_action_new (previous_by_key, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->entry), controller);
}

/* ---- GObject ---- */

static void
rpt_find_bar_dispose (GObject *object)
{
  RptFindBar *self = RPT_FIND_BAR (object);

  stop (self);
  _rpt_find_bar_dispose_list (self);
  rpt_find_bar_set_project (self, NULL);
  rpt_find_bar_set_article_view (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_FIND_BAR);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (rpt_find_bar_parent_class)->dispose (object);
}

static void
rpt_find_bar_finalize (GObject *object)
{
  RptFindBar *self = RPT_FIND_BAR (object);

  g_clear_pointer (&self->speaker_ids, g_ptr_array_unref);
  g_free (self->speaker_id);

  G_OBJECT_CLASS (rpt_find_bar_parent_class)->finalize (object);
}

static void
rpt_find_bar_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RptFindBar *self = RPT_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_ARTICLE_VIEW:
      g_value_set_object (value, self->view);
      break;
    case PROP_ALL_ARTICLES:
      g_value_set_boolean (value, all_articles (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_find_bar_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RptFindBar *self = RPT_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      rpt_find_bar_set_project (self, g_value_get_object (value));
      break;
    case PROP_ARTICLE_VIEW:
      rpt_find_bar_set_article_view (self, g_value_get_object (value));
      break;
    case PROP_ALL_ARTICLES:
      gtk_check_button_set_active (self->all_check, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_find_bar_class_init (RptFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rpt_find_bar_dispose;
  object_class->finalize = rpt_find_bar_finalize;
  object_class->get_property = rpt_find_bar_get_property;
  object_class->set_property = rpt_find_bar_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, RPT_TYPE_PROJECT, flags);
  properties[PROP_ARTICLE_VIEW] =
    g_param_spec_object ("article-view", NULL, NULL, RPT_TYPE_ARTICLE_VIEW, flags);
  properties[PROP_ALL_ARTICLES] =
    g_param_spec_boolean ("all-articles", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SHOW_DOCUMENT] =
    g_signal_new ("show-document", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RPT_TYPE_DOCUMENT);
  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "find.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "find.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "find.close", NULL, close_action);
  _rpt_find_bar_class_init_tag (widget_class);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/repartee/Repartee/rpt-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, RptFindBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RptFindBar, entry);
  gtk_widget_class_bind_template_child (widget_class, RptFindBar, count_label);
  gtk_widget_class_bind_template_child (widget_class, RptFindBar, tag_button);
  gtk_widget_class_bind_template_child (widget_class, RptFindBar, case_check);
  gtk_widget_class_bind_template_child (widget_class, RptFindBar, words_check);
  gtk_widget_class_bind_template_child (widget_class, RptFindBar, regex_check);
  gtk_widget_class_bind_template_child (widget_class, RptFindBar, all_check);
  gtk_widget_class_bind_template_child (widget_class, RptFindBar, error_label);
  gtk_widget_class_bind_template_child (widget_class, RptFindBar, results_revealer);
  gtk_widget_class_bind_template_child (widget_class, RptFindBar, results_view);
  gtk_widget_class_bind_template_child (widget_class, RptFindBar, tag_popover);
  gtk_widget_class_bind_template_child (widget_class, RptFindBar, tag_heading);
  gtk_widget_class_bind_template_child (widget_class, RptFindBar, speaker_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RptFindBar, tag_labels_box);

  gtk_widget_class_set_css_name (widget_class, "findbar");
}

static void
rpt_find_bar_init (RptFindBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->current = -1;

  /* Not gtk_search_bar_connect_entry (): the bar would empty the entry on
   * closing, and the search is kept for Ctrl+G and the next Ctrl+F. */
  g_signal_connect_object (self->entry, "stop-search", G_CALLBACK (rpt_find_bar_close), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode), self, G_CONNECT_SWAPPED);
  /* At once, not after GtkSearchEntry's pause: the search is off the main
   * thread and a newer one cancels it. */
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (rpt_find_bar_next), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "next-match", G_CALLBACK (rpt_find_bar_next), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "previous-match", G_CALLBACK (rpt_find_bar_previous), self, G_CONNECT_SWAPPED);
  add_entry_keys (self);

  for (GtkCheckButton **o = (GtkCheckButton *[]) { self->case_check, self->words_check, self->regex_check,
                                                  self->all_check, NULL }; *o; o++)
    g_signal_connect_object (*o, "toggled", G_CALLBACK (restart), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->all_check, "toggled", G_CALLBACK (notify_all_articles), self, G_CONNECT_SWAPPED);

  _rpt_find_bar_init_list (self);
  _rpt_find_bar_init_tag (self);
}

/* ---- Public API ---- */

void
rpt_find_bar_set_project (RptFindBar *self,
                          RptProject *project)
{
  g_return_if_fail (RPT_IS_FIND_BAR (self));
  g_return_if_fail (project == NULL || RPT_IS_PROJECT (project));

  if (project == self->project)
    return;
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (rpt_project_get_documents (self->project), self);
  g_set_weak_pointer (&self->project, project);
  if (project != NULL)
    g_signal_connect_object (rpt_project_get_documents (project), "items-changed",
                             G_CALLBACK (on_documents_changed), self, G_CONNECT_SWAPPED);
  stop (self);
  restart (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

void
rpt_find_bar_set_article_view (RptFindBar     *self,
                               RptArticleView *view)
{
  g_return_if_fail (RPT_IS_FIND_BAR (self));
  g_return_if_fail (view == NULL || RPT_IS_ARTICLE_VIEW (view));

  if (view == self->view)
    return;
  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->view, self);
      /* A view being disposed has no text view any more. */
      if (rpt_article_view_get_text_view (self->view) != NULL)
        rpt_article_text_view_set_find_matches (text_view (self), NULL, G_MAXUINT);
    }
  g_set_weak_pointer (&self->view, view);
  if (view != NULL)
    g_signal_connect_object (view, "notify::document", G_CALLBACK (on_view_document), self, G_CONNECT_SWAPPED);
  self->view_document = view_document (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE_VIEW]);
}

void
rpt_find_bar_open (RptFindBar *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (RPT_IS_FIND_BAR (self));

  if (self->view == NULL || self->project == NULL ||
      g_list_model_get_n_items (rpt_project_get_documents (self->project)) == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  /* A word or phrase selected in the text is what to find. */
  buffer = gtk_text_view_get_buffer (rpt_article_view_get_text_view (self->view));
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end) &&
      gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start) <= 100)
    {
      g_autofree char *selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

      if (g_strcmp0 (selected, gtk_editable_get_text (GTK_EDITABLE (self->entry))) != 0)
        {
          /* As typed text: not a regular expression. */
          gtk_check_button_set_active (self->regex_check, FALSE);
          gtk_editable_set_text (GTK_EDITABLE (self->entry), selected);
        }
    }

  if (!rpt_find_bar_is_open (self))
    {
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      restart (self);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

void
rpt_find_bar_close (RptFindBar *self)
{
  g_return_if_fail (RPT_IS_FIND_BAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

gboolean
rpt_find_bar_is_open (RptFindBar *self)
{
  g_return_val_if_fail (RPT_IS_FIND_BAR (self), FALSE);
  return gtk_search_bar_get_search_mode (self->search_bar);
}

void
rpt_find_bar_next (RptFindBar *self)
{
  g_return_if_fail (RPT_IS_FIND_BAR (self));
  step (self, +1);
}

void
rpt_find_bar_previous (RptFindBar *self)
{
  g_return_if_fail (RPT_IS_FIND_BAR (self));
  step (self, -1);
}

RptSearchResults *
rpt_find_bar_get_results (RptFindBar *self)
{
  g_return_val_if_fail (RPT_IS_FIND_BAR (self), NULL);
  return self->results;
}

int
rpt_find_bar_get_current (RptFindBar *self)
{
  g_return_val_if_fail (RPT_IS_FIND_BAR (self), -1);
  return self->current;
}
