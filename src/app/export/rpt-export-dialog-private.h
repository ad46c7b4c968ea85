/* rpt-export-dialog-private.h: the Export Dataset dialog's state, shared
 * by its files: rpt-export-dialog.c (the format, running the export, the
 * GObject), rpt-export-dialog-destination.c (where it writes) and
 * rpt-export-dialog-checklists.c (which articles and labels).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (RPT_APP_EXPORT_COMPILATION)
# error "rpt-export-dialog-private.h is private to src/app/export (docs/ARCHITECTURE.md)."
#endif

#include <adwaita.h>

#include "rpt-export-dialog.h"

G_BEGIN_DECLS

struct _RptExportDialog
{
  AdwWindow             parent_instance;

  RptProject           *project;
  char                 *project_file;    /* the open project's file, never written */
  char                 *destination;
  char                 *confirmed;       /* replacing it needs no question… */
  RptFileStamp          confirmed_stamp; /* …while it is still this */
  GCancellable         *cancellable;     /* set while an export runs */
  GHashTable           *excluded_documents;
  GHashTable           *excluded_labels;
  GtkFileChooserNative *chooser;
  guint                 n_documents;
  guint                 n_labels;
  gboolean              done;

  AdwToastOverlay      *toasts;
  GtkButton            *cancel_button;
  AdwPreferencesGroup  *settings_group;
  AdwComboRow          *format_row;
  AdwActionRow         *destination_row;
  AdwComboRow          *offsets_row;
  AdwActionRow         *layers_row;
  GtkSwitch            *layers_switch;
  AdwExpanderRow       *articles_row;
  AdwExpanderRow       *labels_row;
  GtkWidget            *result_group;
  GtkProgressBar       *progress;
  GtkListBox           *warnings_list;
};


static inline RptExportFormat
_rpt_export_dialog_get_format (RptExportDialog *self)
{
  return MIN (adw_combo_row_get_selected (self->format_row), RPT_EXPORT_N_FORMATS - 1);
}

/* Export, Choose and Cancel/Stop/Close as the state allows. */
void     _rpt_export_dialog_update_actions         (RptExportDialog *self);

/* rpt-export-dialog-destination.c */
void     _rpt_export_dialog_set_destination        (RptExportDialog *self,
                                                    const char      *path);
void     _rpt_export_dialog_update_destination_row (RptExportDialog *self);
/* Gives the chosen name the current format's extension. */
void     _rpt_export_dialog_adapt_destination      (RptExportDialog *self);
/* Replacing @path needs no question while it stays as it is now. */
void     _rpt_export_dialog_set_confirmed          (RptExportDialog *self,
                                                    const char      *path);
gboolean _rpt_export_dialog_is_confirmed           (RptExportDialog *self);
/* The "export.choose-destination" action. */
void     _rpt_export_dialog_choose_destination     (GtkWidget       *widget,
                                                    const char      *action_name,
                                                    GVariant        *parameter);

/* rpt-export-dialog-checklists.c */
void     _rpt_export_dialog_fill_checklists        (RptExportDialog *self);
/* The ids still checked, or NULL when all are. */
char   **_rpt_export_dialog_selected_documents     (RptExportDialog *self);
char   **_rpt_export_dialog_selected_labels        (RptExportDialog *self);

G_END_DECLS
