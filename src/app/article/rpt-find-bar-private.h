/* rpt-find-bar-private.h: what the files of RptFindBar share
 * (rpt-find-bar.c: searching, highlights, moving between matches;
 * rpt-find-bar-list.c: the list of all matches; rpt-find-bar-tag.c:
 * Tag All).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (RPT_APP_ARTICLE_COMPILATION)
# error "rpt-find-bar-private.h is private to src/app/article (docs/ARCHITECTURE.md)."
#endif

#include "rpt-find-bar.h"
#include "rpt-find-results-model.h"

G_BEGIN_DECLS

struct _RptFindBar
{
  GtkWidget            parent_instance;

  /* Template children */
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *entry;
  GtkLabel            *count_label;
  GtkMenuButton       *tag_button;
  GtkCheckButton      *case_check;
  GtkCheckButton      *words_check;
  GtkCheckButton      *regex_check;
  GtkCheckButton      *all_check;
  GtkLabel            *error_label;
  GtkRevealer         *results_revealer;
  GtkListView         *results_view;
  GtkPopover          *tag_popover;
  GtkLabel            *tag_heading;
  GtkDropDown         *speaker_dropdown;
  GtkBox              *tag_labels_box;

  RptProject          *project;        /* weak */
  RptArticleView      *view;           /* weak */
  RptDocument         *view_document;  /* what the view showed last we looked */

  RptSearchResults    *results;
  GCancellable        *cancellable;    /* of the search filling them */
  RptFindResultsModel *model;
  GtkSingleSelection  *selection;
  int                  current;        /* index across all articles, -1: none */
  gboolean             moved;          /* the user chose a match since typing */
  guint                anchor;         /* text offset the search began from */

  GdkFrameClock       *list_clock;     /* announcing the list's rows on */
  gulong               list_handler;   /* its after-paint */

  GPtrArray           *speaker_ids;    /* the speaker chooser's rows; NULL first */
  char                *speaker_id;     /* chosen last */
};

/* rpt-find-bar.c */
void _rpt_find_bar_toast            (RptFindBar     *self,
                                     const char     *message);
/* Makes match @index current: its article shown, the match selected and
 * scrolled to, its row selected in the list. */
void _rpt_find_bar_go_to            (RptFindBar     *self,
                                     guint           index);

/* rpt-find-bar-list.c */
void _rpt_find_bar_init_list        (RptFindBar     *self);
/* Selects the current match's row, once the list has it. */
void _rpt_find_bar_select_row       (RptFindBar     *self);
/* Shows the search's rows (new ones, or new results) in the list after
 * the next frame, which shows them in the text. */
void _rpt_find_bar_update_list_rows (RptFindBar     *self);
void _rpt_find_bar_dispose_list     (RptFindBar     *self);

/* rpt-find-bar-tag.c */
void _rpt_find_bar_class_init_tag   (GtkWidgetClass *widget_class);
void _rpt_find_bar_init_tag         (RptFindBar     *self);
/* Follows the search: the button is sensitive once it is complete. */
void _rpt_find_bar_update_tag       (RptFindBar     *self);

G_END_DECLS
