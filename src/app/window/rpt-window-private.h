/* rpt-window-private.h: the window's state, shared by the files that make
 * up RptWindow (rpt-window.c: layout and project; rpt-window-actions.c:
 * actions and keys; rpt-window-files.c: open, save, close, drop;
 * rpt-window-import.c: importing articles; rpt-window-toasts.c: toasts;
 * rpt-window-recovery.c: offering copies of lost work; rpt-window-disk.c:
 * files changed on disk behind our back, and the window's questions;
 * rpt-window-orphans.c: orphaned
 * annotations and replacing an article's text; rpt-window-dataset.c:
 * importing a labelled dataset as a new project; rpt-window-recent.c:
 * recent projects and the choosers' folder; rpt-window-articles.c: the
 * article list; rpt-window-place.c: reopening where the user left off).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (RPT_APP_WINDOW_COMPILATION)
# error "rpt-window-private.h is private to src/app/window (docs/ARCHITECTURE.md)."
#endif

#include <adwaita.h>

#include "rpt-article-view.h"
#include "rpt-inspector.h"
#include "rpt-label-bar.h"
#include "rpt-recovery.h"
#include "rpt-summary-view.h"
#include "rpt-window.h"

G_BEGIN_DECLS

struct _RptWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  AdwViewSwitcher      *view_switcher;
  GtkSpinner           *spinner;
  GtkStack             *main_stack;
  AdwStatusPage        *empty_page;
  GtkSpinner           *loading_spinner;
  GtkWidget            *recent_heading;
  GtkListBox           *recent_list;
  GtkWidget            *demo_button;
  AdwViewStack         *view_stack;
  GtkListView          *documents_view;
  RptLabelBar          *label_bar;
  RptArticleView       *article_view;
  RptInspector         *inspector;
  RptSummaryView       *summary_view;
  GMenu                *recent_section;

  GtkSingleSelection   *documents_selection;
  GSettings            *settings;

  /* The open project, where it is saved (NULL: never saved) and the name
   * shown when it has no file ("Untitled Project", "demo.json"). */
  RptProject           *project;
  GFile                *file;
  char                 *untitled_name;
  /* A restored copy: unsaved although the project's history is clean. */
  gboolean              restored;
  /* @file as we last read or wrote it; stale: known to have changed since
   * (a restored copy older than the file). */
  RptFileStamp          stamp;
  gboolean              stamp_known;
  gboolean              stamp_stale;

  GMenu                *document_menu;   /* acting on one article */
  GtkPopover           *documents_menu;  /* shows it in the sidebar */
  GtkRevealer          *orphans_bar;
  GtkLabel             *orphans_label;
  GtkMenuButton        *orphans_button;
  GtkListBox           *orphans_list;

  RptRecovery          *recovery;
  AdwToast             *shown_toast;       /* on screen (not a reference) */
  AdwToast             *pending_toast;     /* queued behind it */
  gint64                shown_time;        /* when it came on screen */
  gint64                toast_moved_time;  /* when one last slid in or out */
  AdwToast             *delete_toast;     /* "Annotation deleted", with Undo */
  guint64               delete_generation; /* the project's after that delete */
  guint                 busy;            /* running loads, saves and imports */
  gboolean              saving;          /* a save is running */
  guint                 loading;         /* running loads */
  gboolean              close_confirmed; /* the next close-request goes through */
  GCancellable         *cancellable;     /* cancelled when the window goes */

  /* rpt-window-articles.c: the row marked as where a dragged article
   * would go (the mark is a style class on its list item). */
  GtkWidget            *drop_row;
  /* rpt-window-place.c: reading where the project was left; the article
   * shown when the reading began. */
  GCancellable         *place_cancellable;
  RptDocument          *place_shown;     /* only compared */
};

/* rpt-window.c */
void        _rpt_window_set_project      (RptWindow   *self,
                                          RptProject  *project,
                                          GFile       *file,
                                          const char  *untitled_name);
gboolean    _rpt_window_is_modified      (RptWindow   *self);
gboolean    _rpt_window_is_blank         (RptWindow   *self);
char       *_rpt_window_dup_display_name (RptWindow   *self);
char       *_rpt_window_dup_folder_for_display (GFile  *file);
void        _rpt_window_update_title     (RptWindow   *self);
void        _rpt_window_show_error       (RptWindow   *self,
                                          const char  *heading,
                                          const char  *message);
gboolean    _rpt_window_is_gone          (RptWindow   *self);
void        _rpt_window_busy_push        (RptWindow   *self);
void        _rpt_window_busy_pop         (RptWindow   *self);
void        _rpt_window_select_document  (RptWindow   *self,
                                          RptDocument *document);
RptDocument *_rpt_window_get_document    (RptWindow   *self);

/* rpt-window-toasts.c */
void        _rpt_window_toast            (RptWindow   *self,
                                          const char  *message);
/* Shows @toast (taken), replacing the one on screen once it may go. */
void        _rpt_window_show_toast       (RptWindow   *self,
                                          AdwToast    *toast);
/* Dismisses @toast now, or once it has been on screen long enough. */
void        _rpt_window_dismiss_toast    (RptWindow   *self,
                                          AdwToast    *toast);
/* How long until no toast is sliding in or out (0: none is). */
guint       _rpt_window_toasts_settle_ms (RptWindow   *self);

/* rpt-window-actions.c */
void        _rpt_window_class_init_actions (GtkWidgetClass *widget_class);
void        _rpt_window_init_actions       (RptWindow      *self);
void        _rpt_window_update_actions     (RptWindow      *self);

/* rpt-window-files.c */
/* The window's questions and saves are GIO-style pairs on a GTask whose
 * source object is the window, which keeps it alive until the callback
 * has run. _finish returns TRUE to go on, or FALSE with
 * G_IO_ERROR_CANCELLED when the user cancelled (or the window went, or
 * @cancellable was cancelled), or with the error that stopped it, which
 * the window has already shown: callers only stop. */

/* Completes TRUE at once when nothing is unsaved; otherwise asks Save /
 * Discard / Cancel, and completes TRUE after a discard or a successful
 * save. */
void        _rpt_window_confirm_discard_async  (RptWindow           *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean    _rpt_window_confirm_discard_finish (RptWindow           *self,
                                                GAsyncResult        *result,
                                                GError             **error);
/* Save: over the project's file (asking when it changed on disk or
 * cannot simply be written), or where the user chooses. @cancellable
 * stops the questions; a write that started finishes. */
void        _rpt_window_save_async       (RptWindow           *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    _rpt_window_save_finish      (RptWindow           *self,
                                          GAsyncResult        *result,
                                          GError             **error);
void        _rpt_window_new_project      (RptWindow   *self);
void        _rpt_window_open             (RptWindow   *self);
void        _rpt_window_open_demo        (RptWindow   *self);
void        _rpt_window_open_file        (RptWindow   *self,
                                          GFile       *file);
void        _rpt_window_save             (RptWindow   *self);
void        _rpt_window_save_as          (RptWindow   *self);
/* Loads @source off the main thread and, only if that succeeds, makes it
 * the open project, saved at @file (NULL: untitled, shown as
 * @untitled_name). With @orphan (taken), the project is a recovery copy:
 * restored as unsaved work and the copy removed. @then_import: articles
 * (GFile) to import into it afterwards. */
void        _rpt_window_load             (RptWindow         *self,
                                          GFile             *source,
                                          GFile             *file,
                                          const char        *untitled_name,
                                          RptRecoveryOrphan *orphan,
                                          GPtrArray         *then_import);
/* Shows the report of a re-anchoring (a toast); nothing when no article
 * changed. */
void        _rpt_window_show_reanchor_report (RptWindow         *self,
                                              RptReanchorReport *report);
void        _rpt_window_init_files       (RptWindow   *self);
/* Files dropped on the window open or import (rpt-window-drop.c). */
void        _rpt_window_init_drop        (RptWindow   *self);
void        _rpt_window_remember_folder  (RptWindow      *self,
                                          GFile          *file);
/* A recent project now, and its folder the choosers' start. */
void        _rpt_window_remember_project (RptWindow      *self,
                                          GFile          *file);
void        _rpt_window_start_in_last_folder (RptWindow      *self,
                                              GtkFileChooser *chooser);
gboolean    _rpt_window_close_request    (RptWindow   *self);
void        _rpt_window_update_recent    (RptWindow   *self);
char       *_rpt_window_find_demo        (void);

/* rpt-window-import.c */
void        _rpt_window_import           (RptWindow   *self);
/* Imports @files (GFile) into the open project, in a worker thread. */
void        _rpt_window_import_files     (RptWindow   *self,
                                          GPtrArray   *files);

/* rpt-window-disk.c */
/* TRUE when someone else changed self->file since we read or wrote it. */
gboolean    _rpt_window_file_changed_on_disk (RptWindow *self);
/* Presents @dialog, a question over the window whose close response is
 * "cancel", and completes with the id of the answer. The answer comes
 * from an idle: what follows may close the window, which must not happen
 * while the dialog is still emitting "response". */
void        _rpt_window_ask_async        (RptWindow           *self,
                                          GtkWidget           *dialog,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* The response id (never "cancel": Cancel is G_IO_ERROR_CANCELLED). */
char       *_rpt_window_ask_finish       (RptWindow           *self,
                                          GAsyncResult        *result,
                                          GError             **error);
/* Asks before overwriting a file changed on disk: TRUE for "Save Anyway". */
void        _rpt_window_confirm_overwrite_async  (RptWindow           *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean    _rpt_window_confirm_overwrite_finish (RptWindow           *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
/* Offers to load @source again with re-anchoring (its article text was
 * changed outside Repartee): TRUE for "Re-anchor". */
void        _rpt_window_ask_reanchor_async  (RptWindow           *self,
                                             GFile               *source,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean    _rpt_window_ask_reanchor_finish (RptWindow           *self,
                                             GAsyncResult        *result,
                                             GError             **error);
/* Completes @task with G_IO_ERROR_CANCELLED. */
void        _rpt_window_return_cancelled (GTask               *task);

/* rpt-window-orphans.c */
/* Follows the project's orphans and the article shown. */
void        _rpt_window_update_orphans   (RptWindow   *self);
void        _rpt_window_replace_text     (RptWindow   *self);
/* Replaces the current article's text with @file's, in a worker. */
void        _rpt_window_replace_text_from_file (RptWindow *self,
                                                GFile     *file);

/* rpt-window-dataset.c */
void        _rpt_window_import_dataset   (RptWindow   *self);
/* Imports @files (GFile) as a new project, replacing the open one (after
 * the unsaved-changes prompt). @format: an RptImportFormat, or -1 to
 * guess it from the names (asking when it cannot). */
void        _rpt_window_import_dataset_files (RptWindow *self,
                                              GPtrArray *files,
                                              int        format);

/* rpt-window-articles.c: the article list: removing, moving, sorting,
 * dragging, its keys and its menu. */
void        _rpt_window_class_init_articles (GtkWidgetClass *widget_class);
void        _rpt_window_init_articles    (RptWindow   *self);
void        _rpt_window_update_articles_actions (RptWindow *self);
/* Makes @row (an RptDocumentRow) draggable and a place to drop on. */
void        _rpt_window_setup_article_row (RptWindow  *self,
                                           GtkWidget  *row);

/* rpt-window-place.c */
/* Records the article shown and where its text is scrolled, for the
 * project's file (nothing for a project never saved). */
void        _rpt_window_remember_place   (RptWindow   *self);
/* Goes back there when it is known, unless the user moved on first. */
void        _rpt_window_restore_place    (RptWindow   *self);

/* rpt-window-recovery.c */
void        _rpt_window_offer_restore    (RptWindow         *self,
                                          RptRecoveryOrphan *orphan);

G_END_DECLS
