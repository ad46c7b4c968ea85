/* rpt-summary-card.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>

#include "rpt-summary-card.h"
#include "rpt-summary-format.h"

/* Width of the stripe in the label's colour along the card's left edge. */
#define STRIPE_WIDTH 5

struct _RptSummaryCard
{
  GtkWidget   parent_instance;

  GtkLabel      *relation_label;
  GtkLabel      *label_label;
  GtkLabel      *speaker_label;
  GtkMenuButton *reach_button;
  GtkLabel      *quote_label;
  GtkLabel      *source_label;
  GtkLabel      *links_label;

  RptSummary  *summary;
  guint        group;
  guint        statement;
  GdkRGBA      color;
};

G_DEFINE_FINAL_TYPE (RptSummaryCard, rpt_summary_card, GTK_TYPE_WIDGET)

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rpt_summary_card_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  RptSummaryCard *self = RPT_SUMMARY_CARD (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRoundedRect clip;

  GTK_WIDGET_CLASS (rpt_summary_card_parent_class)->snapshot (widget, snapshot);

  /* The stripe follows the card's rounded corners (Adwaita cards: 12px). */
  gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (0, 0, width, height), 12);
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_color (snapshot, &self->color, &GRAPHENE_RECT_INIT (0, 0, STRIPE_WIDTH, height));
  gtk_snapshot_pop (snapshot);
}

static void
emit_activated (RptSummaryCard *self,
                guint           statement)
{
  if (self->summary)
    g_signal_emit (self, signals[ACTIVATED], 0, statement);
}

static void
card_activate (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RptSummaryCard *self = RPT_SUMMARY_CARD (widget);

  emit_activated (self, self->statement);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            RptSummaryCard  *self)
{
  GtkWidget *target = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  /* The reports button handles its own clicks. */
  if (target && gtk_widget_is_ancestor (target, GTK_WIDGET (self->reach_button)))
    return;
  if (target == GTK_WIDGET (self->reach_button))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "card.activate", NULL);
}

static void
on_report_clicked (GtkButton      *button,
                   RptSummaryCard *self)
{
  guint statement = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "statement"));

  gtk_menu_button_popdown (self->reach_button);
  emit_activated (self, statement);
}

/* The list of reports is built when opened: most cards are never asked. */
static void
create_reports_popover (GtkMenuButton *button,
                        gpointer       user_data)
{
  RptSummaryCard *self = user_data;
  const RptSummaryGroup *group;
  GtkWidget *popover, *box, *scroller;

  if (self->summary == NULL)
    return;
  group = rpt_summary_get_group (self->summary, self->group);
  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);

  for (guint m = 0; m < group->n_members; m++)
    {
      guint statement = group->members[m];
      const RptSummaryStatement *s = rpt_summary_get_statement (self->summary, statement);
      g_autofree char *quote = rpt_summary_dup_quote (self->summary, statement, 90);
      GtkWidget *row = gtk_button_new ();
      GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title = gtk_label_new (rpt_summary_document_display (self->summary, s->document));
      /* Translators: a quoted statement; use the quotation marks of your language */
      g_autofree char *wording = g_strdup_printf (_("“%s”"), quote);
      GtkWidget *text = gtk_label_new (wording);

      gtk_widget_add_css_class (row, "flat");
      gtk_widget_add_css_class (title, "heading");
      gtk_widget_add_css_class (text, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 48);
      gtk_label_set_max_width_chars (GTK_LABEL (text), 48);
      gtk_box_append (GTK_BOX (lines), title);
      gtk_box_append (GTK_BOX (lines), text);
      gtk_button_set_child (GTK_BUTTON (row), lines);
      gtk_widget_set_tooltip_text (row, _("Show this report in its article"));
      g_object_set_data (G_OBJECT (row), "statement", GUINT_TO_POINTER (statement));
      g_signal_connect_object (row, "clicked", G_CALLBACK (on_report_clicked), self, 0);
      gtk_box_append (GTK_BOX (box), row);
    }
  gtk_menu_button_set_popover (button, popover);
}

static void
rpt_summary_card_dispose (GObject *object)
{
  RptSummaryCard *self = RPT_SUMMARY_CARD (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_SUMMARY_CARD);
  /* GTK 4.8 leaves unnamed template children parented. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->summary, rpt_summary_unref);

  G_OBJECT_CLASS (rpt_summary_card_parent_class)->dispose (object);
}

static void
rpt_summary_card_class_init (RptSummaryCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_summary_card_dispose;
  widget_class->snapshot = rpt_summary_card_snapshot;

  /**
   * RptSummaryCard::activated:
   * @statement: index of the report chosen
   */
  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "card.activate", NULL, card_activate);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/repartee/Repartee/rpt-summary-card.ui");
  gtk_widget_class_bind_template_child (widget_class, RptSummaryCard, relation_label);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryCard, label_label);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryCard, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryCard, reach_button);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryCard, quote_label);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryCard, source_label);
  gtk_widget_class_bind_template_child (widget_class, RptSummaryCard, links_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "summarycard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
rpt_summary_card_init (RptSummaryCard *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "activatable");
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_menu_button_set_create_popup_func (self->reach_button, create_reports_popover, self, NULL);
}

GtkWidget *
rpt_summary_card_new (void)
{
  return g_object_new (RPT_TYPE_SUMMARY_CARD, NULL);
}

void
rpt_summary_card_set_row (RptSummaryCard *self,
                          RptSummary     *summary,
                          guint           row_index,
                          int             document)
{
  const RptSummaryRow *row;
  const RptSummaryGroup *group;
  const RptSummaryStatement *statement;
  g_autofree char *quote = NULL;
  g_autofree char *label_markup = NULL;
  g_autofree char *reach = NULL;
  g_autofree char *relation = NULL;
  g_autofree char *source = NULL;
  g_autofree char *description = NULL;
  g_autofree char *links = NULL;
  guint member = G_MAXUINT;

  g_return_if_fail (RPT_IS_SUMMARY_CARD (self));

  rpt_summary_ref (summary);
  g_clear_pointer (&self->summary, rpt_summary_unref);
  self->summary = summary;

  row = rpt_summary_get_row (summary, row_index);
  group = rpt_summary_get_group (summary, row->group);
  if (document >= 0)
    member = rpt_summary_group_find_member (summary, row->group, document);
  self->group = row->group;
  self->statement = member != G_MAXUINT ? member : group->members[0];
  statement = rpt_summary_get_statement (summary, self->statement);

  if (!gdk_rgba_parse (&self->color, rpt_summary_get_label_color (summary, group->label)))
    gdk_rgba_parse (&self->color, "#9a9996");

  label_markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span> %s",
                                          rpt_summary_get_label_color (summary, group->label),
                                          rpt_summary_get_label_name (summary, group->label));
  gtk_label_set_markup (self->label_label, label_markup);
  gtk_label_set_text (self->speaker_label, rpt_summary_speaker_display (summary, group->speaker));

  if (row->parent >= 0)
    {
      /* Translators: "↳ Rebuts", "↳ Responds to", "↳ Supports" */
      g_autofree char *answered = rpt_summary_describe_answered (summary, row, 30);

      relation = g_strdup_printf (_("↳ %s"), rpt_relation_type_get_display (row->relation));
      /* Deeper than the view indents: the card says what it answers. */
      if (answered)
        {
          g_autofree char *plain = g_steal_pointer (&relation);

          relation = g_strconcat (plain, " ", answered, NULL);
        }
      gtk_label_set_text (self->relation_label, relation);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->relation_label), row->parent >= 0);

  /* The fullest wording of the statement. */
  quote = rpt_summary_dup_quote (summary, group->representative, 0);
  {
    g_autofree char *quoted = g_strdup_printf (_("“%s”"), quote);
    gtk_label_set_text (self->quote_label, quoted);
  }

  reach = rpt_summary_describe_reach (summary, row->group);
  gtk_menu_button_set_label (self->reach_button, reach);
  if (group->n_documents > 1)
    gtk_widget_add_css_class (GTK_WIDGET (self->reach_button), "rpt-shared");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->reach_button), "rpt-shared");

  if (group->n_documents > 1)
    /* Translators: "Harbour talks end in sharp words and 2 more" */
    source = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more",
                                           group->n_documents - 1),
                              rpt_summary_document_display (summary, statement->document),
                              group->n_documents - 1);
  else
    source = g_strdup (rpt_summary_document_display (summary, statement->document));
  gtk_label_set_text (self->source_label, source);

  /* Answers the thread cannot show, being in another thread. */
  links = rpt_summary_describe_other_links (summary, row->group, 50, 3);
  gtk_label_set_text (self->links_label, links ? links : "");
  gtk_widget_set_visible (GTK_WIDGET (self->links_label), links != NULL);

  description = g_strdup_printf ("%s, %s: %s", rpt_summary_get_label_name (summary, group->label),
                                 rpt_summary_speaker_display (summary, group->speaker), quote);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
