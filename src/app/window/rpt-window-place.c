/* rpt-window-place.c: the project reopens where the user left it: the
 * article shown and the offset at the top of its text are recorded
 * (rpt-last-place.h) when the window closes or takes another project, and
 * restored when a saved project opens, once its text is loaded that far.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include "rpt-last-place.h"
#include "rpt-window-private.h"

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GApplication) application = user_data;
  g_autoptr(GError) error = NULL;

  if (!rpt_last_place_save_finish (result, &error))
    g_warning ("Could not record where the project was left: %s", error->message);
  g_application_release (application);
}

void
_rpt_window_remember_place (RptWindow *self)
{
  RptDocument *document = _rpt_window_get_document (self);
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (self->file == NULL || document == NULL || application == NULL)
    return;
  /* The window may be going: the application waits for the write. */
  g_application_hold (application);
  rpt_last_place_save_async (self->file, rpt_document_get_id (document),
                             rpt_article_view_get_top_offset (self->article_view),
                             NULL, saved_cb, g_object_ref (application));
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RptWindow) self = user_data;
  g_autofree char *article_id = NULL;
  RptDocument *document;
  guint offset;

  if (!rpt_last_place_load_finish (result, &article_id, &offset)
      || g_cancellable_is_cancelled (self->place_cancellable) || _rpt_window_is_gone (self))
    return;
  /* Not when the user already chose another article. */
  if (_rpt_window_get_document (self) != self->place_shown
      || !(document = rpt_project_get_document (self->project, article_id)))
    return;
  _rpt_window_select_document (self, document);
  rpt_article_view_scroll_to_offset (self->article_view, offset);
}

void
_rpt_window_restore_place (RptWindow *self)
{
  if (self->place_cancellable)
    g_cancellable_cancel (self->place_cancellable);
  g_clear_object (&self->place_cancellable);
  if (self->file == NULL)
    return;
  self->place_cancellable = g_cancellable_new ();
  self->place_shown = _rpt_window_get_document (self);
  rpt_last_place_load_async (self->file, self->place_cancellable, loaded_cb, g_object_ref (self));
}
