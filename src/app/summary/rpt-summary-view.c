/* rpt-summary-view.c: the Summary page. The project's "changed" signal
 * starts a timer; 150 ms after the last change a snapshot is taken and the
 * summary computed in a worker (rpt_summary_compute_async), then swapped in
 * on the main thread; while the view is hidden this waits until it is
 * mapped. Long lists are GtkListViews over models that make items on demand, so 100,000 statements cost only the visible widgets.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rpt-summary-card.h"
#include "rpt-summary-chart.h"
#include "rpt-summary-coverage-row.h"
#include "rpt-summary-entry.h"
#include "rpt-summary-format.h"
#include "rpt-summary-rows.h"
#include "rpt-summary-thread-row.h"
#include "rpt-summary-view.h"
#include "rpt-summary-view-private.h"

#define UPDATE_DELAY_MS 150

/* Filter choices beyond the project's ids. */
#define FILTER_ALL          0
#define UNATTRIBUTED_ID     "\x01unattributed"

G_DEFINE_FINAL_TYPE (RptSummaryView, rpt_summary_view, GTK_TYPE_WIDGET)

enum {
  ANNOTATION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_update (RptSummaryView *self);

/* ---- Filters ---- */

static int
filter_document (RptSummaryView *self)
{
  if (self->summary == NULL || self->article_id == NULL)
    return -1;
  for (guint d = 0; d < rpt_summary_get_n_documents (self->summary); d++)
    if (g_str_equal (rpt_document_get_id (rpt_summary_get_document (self->summary, d)), self->article_id))
      return (int) d;
  return -1;
}

static int
find_index (GPtrArray  *ids,
            const char *id)
{
  for (guint i = 1; id && i < ids->len; i++)
    if (g_str_equal (g_ptr_array_index (ids, i), id))
      return (int) i;
  return FILTER_ALL;
}

/* Rebuilds one dropdown's choices and reselects @id (or "all"). */
static void
fill_filter (GtkDropDown *dropdown,
             GPtrArray   *ids,
             GPtrArray   *names,
             char       **id)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GListModel *old = gtk_drop_down_get_model (dropdown);
  gboolean same = old && g_list_model_get_n_items (old) == names->len;
  int position;

  for (guint i = 0; i < names->len; i++)
    {
      gtk_string_list_append (model, g_ptr_array_index (names, i));
      if (same)
        {
          g_autoptr(GtkStringObject) item = g_list_model_get_item (old, i);
          same = g_str_equal (gtk_string_object_get_string (item), g_ptr_array_index (names, i));
        }
    }
  /* Keep the model (and an open popup) when nothing changed. */
  if (!same)
    gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  position = find_index (ids, *id);
  if (position == FILTER_ALL)
    g_clear_pointer (id, g_free);
  gtk_drop_down_set_selected (dropdown, position);
}

static void
update_filter_choices (RptSummaryView *self)
{
  RptSummary *summary = self->summary;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  self->updating_filters = TRUE;

  g_ptr_array_set_size (self->article_ids, 0);
  g_ptr_array_add (self->article_ids, g_strdup (""));
  g_ptr_array_add (names, g_strdup (_("All Articles")));
  for (guint d = 0; d < rpt_summary_get_n_documents (summary); d++)
    {
      g_ptr_array_add (self->article_ids, g_strdup (rpt_document_get_id (rpt_summary_get_document (summary, d))));
      g_ptr_array_add (names, g_strdup (rpt_summary_document_display (summary, d)));
    }
  fill_filter (self->article_filter, self->article_ids, names, &self->article_id);

  g_ptr_array_set_size (names, 0);
  g_ptr_array_set_size (self->label_ids, 0);
  g_ptr_array_add (self->label_ids, g_strdup (""));
  g_ptr_array_add (names, g_strdup (_("All Labels")));
  for (guint l = 0; l < rpt_summary_get_n_labels (summary); l++)
    {
      g_ptr_array_add (self->label_ids, g_strdup (rpt_summary_get_label_id (summary, l)));
      g_ptr_array_add (names, g_strdup (rpt_summary_get_label_name (summary, l)));
    }
  fill_filter (self->label_filter, self->label_ids, names, &self->label_id);

  g_ptr_array_set_size (names, 0);
  g_ptr_array_set_size (self->speaker_ids, 0);
  g_ptr_array_add (self->speaker_ids, g_strdup (""));
  g_ptr_array_add (names, g_strdup (_("All Speakers")));
  for (guint s = 0; s < rpt_summary_get_n_speakers (summary); s++)
    {
      g_ptr_array_add (self->speaker_ids, g_strdup (rpt_summary_get_speaker_id (summary, s)));
      g_ptr_array_add (names, g_strdup (rpt_summary_get_speaker_name (summary, s)));
    }
  g_ptr_array_add (self->speaker_ids, g_strdup (UNATTRIBUTED_ID));
  g_ptr_array_add (names, g_strdup (_("Unattributed")));
  fill_filter (self->speaker_filter, self->speaker_ids, names, &self->speaker_id);

  self->updating_filters = FALSE;
}

static RptSummaryLane
lane_of (RptSummary *summary,
         int         speaker)
{
  if (speaker >= 0 && speaker == rpt_summary_get_main_speaker (summary, 0))
    return RPT_SUMMARY_LANE_START;
  if (speaker >= 0 && speaker == rpt_summary_get_main_speaker (summary, 1))
    return RPT_SUMMARY_LANE_END;
  return RPT_SUMMARY_LANE_MIDDLE;
}

/* Rows that look the same in two summaries (same filters). */
static gboolean
same_report (RptSummary *sa,
             guint       ga,
             RptSummary *sb,
             guint       gb,
             int         document)
{
  const RptSummaryGroup *a = rpt_summary_get_group (sa, ga), *b = rpt_summary_get_group (sb, gb);
  guint ma = document >= 0 ? rpt_summary_group_find_member (sa, ga, document) : G_MAXUINT;
  guint mb = document >= 0 ? rpt_summary_group_find_member (sb, gb, document) : G_MAXUINT;

  ma = ma != G_MAXUINT ? ma : a->members[0];
  mb = mb != G_MAXUINT ? mb : b->members[0];
  return rpt_summary_get_statement (sa, ma)->annotation == rpt_summary_get_statement (sb, mb)->annotation &&
         rpt_summary_get_statement (sa, ma)->document == rpt_summary_get_statement (sb, mb)->document;
}

/* For answers deeper than the view indents, whose card quotes what they
 * answer: the same statement answered. */
static gboolean
same_answered (RptSummary          *sa,
               const RptSummaryRow *ra,
               RptSummary          *sb,
               const RptSummaryRow *rb)
{
  const RptSummaryStatement *qa, *qb;

  if (ra->depth <= RPT_SUMMARY_MAX_NESTING)
    return TRUE;
  qa = rpt_summary_get_statement (sa, rpt_summary_get_group (sa, rpt_summary_get_row (sa, ra->parent)->group)->representative);
  qb = rpt_summary_get_statement (sb, rpt_summary_get_group (sb, rpt_summary_get_row (sb, rb->parent)->group)->representative);
  return qa->annotation == qb->annotation && qa->start == qb->start && qa->end == qb->end;
}

static gboolean
same_row (RptSummary *sa,
          guint       a,
          RptSummary *sb,
          guint       b,
          gpointer    user_data)
{
  const RptSummaryRow *ra = rpt_summary_get_row (sa, a), *rb = rpt_summary_get_row (sb, b);
  const RptSummaryGroup *ga = rpt_summary_get_group (sa, ra->group), *gb = rpt_summary_get_group (sb, rb->group);
  const RptSummaryStatement *qa = rpt_summary_get_statement (sa, ga->representative);
  const RptSummaryStatement *qb = rpt_summary_get_statement (sb, gb->representative);

  return ra->depth == rb->depth && ra->flags == rb->flags && ra->lines == rb->lines &&
         (ra->depth == 0 || ra->relation == rb->relation) && (ra->thread == 0) == (rb->thread == 0) &&
         ga->label == gb->label && ga->speaker == gb->speaker &&
         ga->n_members == gb->n_members && ga->n_documents == gb->n_documents &&
         rpt_summary_get_group_n_links (sa, ra->group) == rpt_summary_get_group_n_links (sb, rb->group) &&
         qa->annotation == qb->annotation && qa->start == qb->start && qa->end == qb->end &&
         same_answered (sa, ra, sb, rb) &&
         same_report (sa, ra->group, sb, rb->group, GPOINTER_TO_INT (user_data));
}

static gboolean
same_article (RptSummary *sa,
              guint       a,
              RptSummary *sb,
              guint       b,
              gpointer    user_data)
{
  return rpt_summary_get_document (sa, a) == rpt_summary_get_document (sb, b) &&
         rpt_summary_get_document_n_annotations (sa, a) == rpt_summary_get_document_n_annotations (sb, b) &&
         rpt_summary_get_document_n_shared (sa, a) == rpt_summary_get_document_n_shared (sb, b) &&
         rpt_summary_get_n_shared_groups (sa) == rpt_summary_get_n_shared_groups (sb);
}

/* Whether everything a row shows beyond its own statement (label names and
 * colours, speaker names, the number of articles, the columns) is the same
 * in both summaries. */
static gboolean
same_context (RptSummary *a,
              RptSummary *b)
{
  if (rpt_summary_get_n_labels (a) != rpt_summary_get_n_labels (b) ||
      rpt_summary_get_n_speakers (a) != rpt_summary_get_n_speakers (b) ||
      rpt_summary_get_n_documents (a) != rpt_summary_get_n_documents (b) ||
      rpt_summary_get_main_speaker (a, 0) != rpt_summary_get_main_speaker (b, 0) ||
      rpt_summary_get_main_speaker (a, 1) != rpt_summary_get_main_speaker (b, 1))
    return FALSE;
  for (guint l = 0; l < rpt_summary_get_n_labels (a); l++)
    if (g_strcmp0 (rpt_summary_get_label_name (a, l), rpt_summary_get_label_name (b, l)) != 0 ||
        g_strcmp0 (rpt_summary_get_label_color (a, l), rpt_summary_get_label_color (b, l)) != 0)
      return FALSE;
  for (guint sp = 0; sp < rpt_summary_get_n_speakers (a); sp++)
    if (g_strcmp0 (rpt_summary_get_speaker_name (a, sp), rpt_summary_get_speaker_name (b, sp)) != 0)
      return FALSE;
  return TRUE;
}

/* The visible rows: those whose statement passes every filter. With
 * @previous (the summary shown so far, same filters), only the rows that
 * differ are rebuilt. */
static void
apply_filters (RptSummaryView *self,
               RptSummary     *previous)
{
  RptSummary *summary = self->summary;
  GArray *positions;
  int document = filter_document (self);
  int label = -1, speaker = -2;
  guint n_rows;

  if (summary == NULL)
    {
      rpt_summary_rows_set (self->rows, NULL, NULL);
      return;
    }
  for (guint l = 0; self->label_id && l < rpt_summary_get_n_labels (summary); l++)
    if (g_str_equal (rpt_summary_get_label_id (summary, l), self->label_id))
      label = (int) l;
  if (self->speaker_id && g_str_equal (self->speaker_id, UNATTRIBUTED_ID))
    speaker = RPT_SUMMARY_NO_SPEAKER;
  for (guint s = 0; self->speaker_id && s < rpt_summary_get_n_speakers (summary); s++)
    if (g_str_equal (rpt_summary_get_speaker_id (summary, s), self->speaker_id))
      speaker = (int) s;

  n_rows = rpt_summary_get_n_rows (summary);
  positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_rows);
  for (guint r = 0; r < n_rows; r++)
    {
      const RptSummaryGroup *group = rpt_summary_get_group (summary, rpt_summary_get_row (summary, r)->group);
      gboolean in_document = document < 0;

      if (label >= 0 && group->label != (guint) label)
        continue;
      if (speaker != -2 && group->speaker != speaker)
        continue;
      for (guint d = 0; d < group->n_documents && !in_document; d++)
        in_document = group->documents[d] == (guint) document;
      if (in_document)
        g_array_append_val (positions, r);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.clear-filters",
                                 self->article_id || self->label_id || self->speaker_id);
  gtk_stack_set_visible_child_name (self->script_stack, positions->len > 0 ? "list" : "no-match");
  if (previous && same_context (previous, summary))
    rpt_summary_rows_update (self->rows, summary, positions, same_row, GINT_TO_POINTER (document));
  else
    {
      /* A new script: its first rows at once, the others over the next
       * frames (a statement card takes a millisecond to build). */
      rpt_list_reveal_start (self->script_reveal);
      rpt_summary_rows_set (self->rows, summary, positions);
    }
}

static void
on_filter_changed (RptSummaryView *self)
{
  struct { GtkDropDown *dropdown; GPtrArray *ids; char **id; } filters[] = {
    { self->article_filter, self->article_ids, &self->article_id },
    { self->label_filter, self->label_ids, &self->label_id },
    { self->speaker_filter, self->speaker_ids, &self->speaker_id },
  };

  if (self->updating_filters)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      guint selected = gtk_drop_down_get_selected (filters[i].dropdown);

      g_clear_pointer (filters[i].id, g_free);
      if (selected != GTK_INVALID_LIST_POSITION && selected != FILTER_ALL && selected < filters[i].ids->len)
        *filters[i].id = g_strdup (g_ptr_array_index (filters[i].ids, selected));
    }
  apply_filters (self, NULL);
}

static void
clear_filters (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RptSummaryView *self = RPT_SUMMARY_VIEW (widget);

  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->article_filter, FILTER_ALL);
  gtk_drop_down_set_selected (self->label_filter, FILTER_ALL);
  gtk_drop_down_set_selected (self->speaker_filter, FILTER_ALL);
  self->updating_filters = FALSE;
  on_filter_changed (self);
}

/* ---- Swapping in a new summary ---- */

static void
set_summary (RptSummaryView *self,
             RptSummary     *summary)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->script_list));
  double scroll = vadjustment ? gtk_adjustment_get_value (vadjustment) : 0;
  g_autofree char *totals = NULL;
  GArray *documents;
  int main0, main1;

  g_autoptr(RptSummary) previous = g_steal_pointer (&self->summary);
  g_autofree char *article_id = g_strdup (self->article_id);

  self->summary = rpt_summary_ref (summary);
  update_filter_choices (self);
  /* Diff against what is shown, unless the filters themselves changed
   * (an article filtered on was removed). */
  apply_filters (self, g_strcmp0 (article_id, self->article_id) == 0 ? previous : NULL);
  /* Stay where the reader was. */
  if (vadjustment)
    gtk_adjustment_set_value (vadjustment, scroll);

  documents = g_array_sized_new (FALSE, FALSE, sizeof (guint), rpt_summary_get_n_documents (summary));
  for (guint d = 0; d < rpt_summary_get_n_documents (summary); d++)
    g_array_append_val (documents, d);
  if (previous && same_context (previous, summary))
    rpt_summary_rows_update (self->articles, summary, documents, same_article, NULL);
  else
    {
      rpt_list_reveal_start (self->coverage_reveal);
      rpt_summary_rows_set (self->articles, summary, documents);
    }

  for (guint i = 0; i < G_N_ELEMENTS (self->charts); i++)
    rpt_summary_chart_set_summary (self->charts[i], summary);

  main0 = rpt_summary_get_main_speaker (summary, 0);
  main1 = rpt_summary_get_main_speaker (summary, 1);
  gtk_label_set_text (self->lane_start_label, main0 >= 0 ? rpt_summary_get_speaker_name (summary, main0) : "");
  gtk_label_set_text (self->lane_end_label, main1 >= 0 ? rpt_summary_get_speaker_name (summary, main1) : "");
  adw_avatar_set_text (self->lane_start_avatar, gtk_label_get_text (self->lane_start_label));
  adw_avatar_set_text (self->lane_end_avatar, gtk_label_get_text (self->lane_end_label));
  gtk_widget_set_visible (GTK_WIDGET (self->lane_start_avatar), main0 >= 0);
  gtk_widget_set_visible (GTK_WIDGET (self->lane_end_avatar), main1 >= 0);

  totals = rpt_summary_describe_totals (summary);
  gtk_label_set_text (self->totals_label, totals);
  gtk_stack_set_visible_child_name (self->main_stack,
                                    rpt_summary_get_n_statements (summary) > 0 ? "summary" : "empty");
}

static void
on_computed (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RptSummaryView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RptSummary) summary = rpt_summary_compute_finish (result, &error);

  if (summary == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot summarise the project: %s", error->message);
      return;
    }
  /* A newer computation is under way: this result is already stale. */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  set_summary (self, summary);
}

static void
start_update (RptSummaryView *self)
{
  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->project == NULL)
    {
      gtk_spinner_stop (self->spinner);
      g_clear_pointer (&self->summary, rpt_summary_unref);
      rpt_summary_rows_set (self->rows, NULL, NULL);
      rpt_summary_rows_set (self->articles, NULL, NULL);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }
  /* Hidden: summarising (and building rows for) a large project would only
   * stall the main loop; map() catches up when the page is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      gtk_spinner_stop (self->spinner);
      return;
    }
  self->stale = FALSE;
  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  rpt_summary_compute_async (self->project, self->cancellable, on_computed, g_object_ref (self));
}

static gboolean
update_timeout (gpointer user_data)
{
  RptSummaryView *self = user_data;

  self->update_source = 0;
  start_update (self);
  return G_SOURCE_REMOVE;
}

static void
on_project_changed (RptSummaryView *self)
{
  /* Debounced: a burst of edits (typing a note, undoing a group) makes
   * one computation. */
  g_clear_handle_id (&self->update_source, g_source_remove);
  self->update_source = g_timeout_add (UPDATE_DELAY_MS, update_timeout, self);
}

/* ---- Activation ---- */

static void
activate_statement (RptSummaryView *self,
                    guint           statement)
{
  const RptSummaryStatement *s;
  RptAnnotation *current;

  if (self->summary == NULL || self->project == NULL || statement >= rpt_summary_get_n_statements (self->summary))
    return;
  s = rpt_summary_get_statement (self->summary, statement);
  /* The summary may be a moment old: hand over the project's annotation,
   * if it still exists. */
  current = rpt_project_get_annotation (self->project, rpt_annotation_get_id (s->annotation));
  if (current)
    g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, current);
}

static void
on_card_activated (RptSummaryCard *card,
                   guint           statement,
                   RptSummaryView *self)
{
  activate_statement (self, statement);
}

static void
on_script_activate (GtkListView    *list,
                    guint           position,
                    RptSummaryView *self)
{
  g_autoptr(RptSummaryEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  const RptSummaryRow *row;
  const RptSummaryGroup *group;
  int document = filter_document (self);
  guint member = G_MAXUINT;

  if (entry == NULL)
    return;
  row = rpt_summary_get_row (rpt_summary_entry_get_summary (entry), rpt_summary_entry_get_index (entry));
  group = rpt_summary_get_group (rpt_summary_entry_get_summary (entry), row->group);
  if (document >= 0)
    member = rpt_summary_group_find_member (self->summary, row->group, document);
  activate_statement (self, member != G_MAXUINT ? member : group->members[0]);
}

static void
scroll_to_group (RptSummaryView *self,
                 guint           group)
{
  guint position;

  if (self->summary == NULL)
    return;
  position = rpt_summary_rows_find (self->rows, rpt_summary_get_group_row (self->summary, group));
  if (position == G_MAXUINT)
    {
      /* Filtered out: show everything, then go there. */
      clear_filters (GTK_WIDGET (self), NULL, NULL);
      position = rpt_summary_rows_find (self->rows, rpt_summary_get_group_row (self->summary, group));
    }
  if (position != G_MAXUINT)
    {
      rpt_list_reveal_finish (self->script_reveal);
      gtk_widget_activate_action (GTK_WIDGET (self->script_list), "list.scroll-to-item", "u", position);
    }
}

static void
on_coverage_group_activated (RptSummaryCoverageRow *row,
                             guint                  group,
                             RptSummaryView        *self)
{
  scroll_to_group (self, group);
}

/* ---- List item factories ---- */

static void
setup_script_item (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   RptSummaryView           *self)
{
  GtkWidget *card = rpt_summary_card_new ();

  g_signal_connect_object (card, "activated", G_CALLBACK (on_card_activated), self, 0);
  gtk_list_item_set_child (item, rpt_summary_thread_row_new (card));
}

static void
bind_script_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  RptSummaryView           *self)
{
  RptSummaryEntry *entry = gtk_list_item_get_item (item);
  RptSummaryThreadRow *row = RPT_SUMMARY_THREAD_ROW (gtk_list_item_get_child (item));
  RptSummary *summary = rpt_summary_entry_get_summary (entry);
  guint index = rpt_summary_entry_get_index (entry);
  const RptSummaryRow *summary_row = rpt_summary_get_row (summary, index);
  const RptSummaryGroup *group = rpt_summary_get_group (summary, summary_row->group);

  rpt_summary_thread_row_set_row (row, summary_row, lane_of (summary, group->speaker));
  rpt_summary_card_set_row (RPT_SUMMARY_CARD (rpt_summary_thread_row_get_card (row)), summary, index,
                            filter_document (self));
}

static void
setup_coverage_item (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     RptSummaryView           *self)
{
  GtkWidget *row = rpt_summary_coverage_row_new ();

  g_signal_connect_object (row, "group-activated", G_CALLBACK (on_coverage_group_activated), self, 0);
  gtk_list_item_set_child (item, row);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_coverage_item (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    RptSummaryView           *self)
{
  RptSummaryEntry *entry = gtk_list_item_get_item (item);

  rpt_summary_coverage_row_set_document (RPT_SUMMARY_COVERAGE_ROW (gtk_list_item_get_child (item)),
                                         rpt_summary_entry_get_summary (entry),
                                         rpt_summary_entry_get_index (entry));
}

/* ---- Life cycle ---- */

static void
rpt_summary_view_map (GtkWidget *widget)
{
  RptSummaryView *self = RPT_SUMMARY_VIEW (widget);

  GTK_WIDGET_CLASS (rpt_summary_view_parent_class)->map (widget);

  /* Changes made while hidden (and a pending debounce) are summarised now. */
  if (self->stale && self->update_source == 0)
    start_update (self);
}

static void
rpt_summary_view_dispose (GObject *object)
{
  RptSummaryView *self = RPT_SUMMARY_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->export_chart = NULL;
  g_clear_weak_pointer (&self->project);
  g_clear_pointer (&self->script_reveal, rpt_list_reveal_free);
  g_clear_pointer (&self->coverage_reveal, rpt_list_reveal_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_SUMMARY_VIEW);
  /* GTK 4.8 leaves unnamed template children parented. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->summary, rpt_summary_unref);
  g_clear_object (&self->rows);
  g_clear_object (&self->articles);

  G_OBJECT_CLASS (rpt_summary_view_parent_class)->dispose (object);
}

static void
rpt_summary_view_finalize (GObject *object)
{
  RptSummaryView *self = RPT_SUMMARY_VIEW (object);

  g_free (self->article_id);
  g_free (self->label_id);
  g_free (self->speaker_id);
  g_ptr_array_unref (self->article_ids);
  g_ptr_array_unref (self->label_ids);
  g_ptr_array_unref (self->speaker_ids);

  G_OBJECT_CLASS (rpt_summary_view_parent_class)->finalize (object);
}

static void
rpt_summary_view_class_init (RptSummaryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_summary_view_dispose;
  object_class->finalize = rpt_summary_view_finalize;

  /**
   * RptSummaryView::annotation-activated:
   * @annotation: the annotation whose span should be shown
   */
  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RPT_TYPE_ANNOTATION);

  gtk_widget_class_install_action (widget_class, "summary.clear-filters", NULL, clear_filters);
  gtk_widget_class_install_action (widget_class, "summary.export-chart", "u", _rpt_summary_view_export_chart);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "summary.clear-filters", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/repartee/Repartee/rpt-summary-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RptSummaryView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryView, article_filter);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryView, label_filter);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryView, speaker_filter);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryView, spinner);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryView, totals_label);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryView, lane_start_label);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryView, lane_end_label);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryView, lane_start_avatar);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryView, lane_end_avatar);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryView, script_stack);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryView, script_list);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryView, figures_box);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryView, coverage_list);
  widget_class->map = rpt_summary_view_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "summaryview");
}

static void
load_style (void)
{
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/org/repartee/Repartee/rpt-summary.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&loaded, 1);
    }
}

static void
rpt_summary_view_init (RptSummaryView *self)
{
  GtkListItemFactory *factory;

  load_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->article_ids = g_ptr_array_new_with_free_func (g_free);
  self->label_ids = g_ptr_array_new_with_free_func (g_free);
  self->speaker_ids = g_ptr_array_new_with_free_func (g_free);
  self->rows = rpt_summary_rows_new ();
  self->articles = rpt_summary_rows_new ();

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_script_item), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_script_item), self, 0);
  gtk_list_view_set_factory (self->script_list, factory);
  g_object_unref (factory);
  self->script_reveal = rpt_list_reveal_new (self->script_list, G_LIST_MODEL (self->rows));
  g_signal_connect_object (self->script_list, "activate", G_CALLBACK (on_script_activate), self, 0);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_coverage_item), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_coverage_item), self, 0);
  gtk_list_view_set_factory (self->coverage_list, factory);
  g_object_unref (factory);
  self->coverage_reveal = rpt_list_reveal_new (self->coverage_list, G_LIST_MODEL (self->articles));

  _rpt_summary_view_add_figure (self, RPT_SUMMARY_CHART_LABEL_SPEAKER);
  _rpt_summary_view_add_figure (self, RPT_SUMMARY_CHART_ARTICLES);

  g_signal_connect_object (self->article_filter, "notify::selected", G_CALLBACK (on_filter_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->label_filter, "notify::selected", G_CALLBACK (on_filter_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->speaker_filter, "notify::selected", G_CALLBACK (on_filter_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->main_stack, "empty");
}

GtkWidget *
rpt_summary_view_new (void)
{
  return g_object_new (RPT_TYPE_SUMMARY_VIEW, NULL);
}

void
rpt_summary_view_set_project (RptSummaryView *self,
                              RptProject     *project)
{
  g_return_if_fail (RPT_IS_SUMMARY_VIEW (self));
  g_return_if_fail (project == NULL || RPT_IS_PROJECT (project));

  if (self->project == project)
    return;
  if (self->project)
    g_signal_handlers_disconnect_by_func (self->project, on_project_changed, self);
  g_set_weak_pointer (&self->project, project);
  if (project)
    g_signal_connect_object (project, "changed", G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
  /* A new project shows at once; edits are debounced. */
  start_update (self);
}
