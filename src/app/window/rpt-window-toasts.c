/* rpt-window-toasts.c: the window's toasts: one on screen, at most one
 * waiting, fresh news replacing old. Works around libadwaita 1.2's toast
 * overlay, which writes to freed memory when a toast goes (dismissed, or
 * its window closed) while it still slides in or out.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include "rpt-window-private.h"

/* libadwaita 1.2 writes to freed memory when a toast dismissed during its
 * show animation is later unmapped (the window closes): a toast on screen
 * is dismissed only once it has been shown this long. */
#define TOAST_SHOW_MS 600

static void
toast_dismissed_cb (RptWindow *self,
                    AdwToast  *toast)
{
  if (toast == self->shown_toast)
    {
      /* The queued one, if any, comes on screen now. */
      self->shown_toast = self->pending_toast;
      self->pending_toast = NULL;
      self->shown_time = g_get_monotonic_time ();
    }
  else if (toast == self->pending_toast)
    self->pending_toast = NULL;
  self->toast_moved_time = g_get_monotonic_time ();
  if (toast == self->delete_toast)
    self->delete_toast = NULL;
}

typedef struct
{
  RptWindow *self;
  AdwToast  *toast;
} DismissLater;

static gboolean
dismiss_later_cb (gpointer user_data)
{
  DismissLater *later = user_data;

  if (later->toast == later->self->shown_toast && !_rpt_window_is_gone (later->self))
    adw_toast_dismiss (later->toast);
  g_object_unref (later->self);
  g_object_unref (later->toast);
  g_free (later);
  return G_SOURCE_REMOVE;
}

/* Dismisses @toast now, or once it has been on screen long enough. */
void
_rpt_window_dismiss_toast (RptWindow *self,
                           AdwToast  *toast)
{
  gint64 age_ms = (g_get_monotonic_time () - self->shown_time) / 1000;
  DismissLater *later;

  if (toast != self->shown_toast || age_ms >= TOAST_SHOW_MS)
    {
      adw_toast_dismiss (toast);
      return;
    }
  later = g_new0 (DismissLater, 1);
  later->self = g_object_ref (self);
  later->toast = g_object_ref (toast);
  g_timeout_add ((guint) (TOAST_SHOW_MS - age_ms), dismiss_later_cb, later);
}

/* How long until no toast is sliding in or out (0: none is). */
guint
_rpt_window_toasts_settle_ms (RptWindow *self)
{
  gint64 age_ms = (g_get_monotonic_time () - self->toast_moved_time) / 1000;

  return age_ms < TOAST_SHOW_MS ? (guint) (TOAST_SHOW_MS - age_ms) : 0;
}

/* Shows @toast (taken), replacing the one on screen as soon as that one
 * may go: news is only useful while fresh. At most one waits. (Not
 * ADW_TOAST_PRIORITY_HIGH: libadwaita 1.2 can abort when a pushed-back
 * toast comes round again.) */
void
_rpt_window_show_toast (RptWindow *self,
                        AdwToast  *toast)
{
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  if (self->pending_toast)
    adw_toast_dismiss (self->pending_toast);  /* never shown: safe */

  if (self->shown_toast == NULL)
    {
      self->shown_toast = toast;
      self->shown_time = self->toast_moved_time = g_get_monotonic_time ();
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  self->pending_toast = toast;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);  /* queued */
  _rpt_window_dismiss_toast (self, self->shown_toast);
}

void
_rpt_window_toast (RptWindow  *self,
                   const char *message)
{
  _rpt_window_show_toast (self, adw_toast_new (message));
}
