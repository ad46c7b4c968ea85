/* rpt-test-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rpt-recovery.h"
#include "rpt-test-util.h"
#include "rpt-annotation-row.h"
#include "rpt-document-row.h"
#include "rpt-test-window.h"
#include "rpt-window-articles.h"

static RptApplication *app;
static char *data_home;

static void
register_app (void)
{
  /* As main() does: recent files are registered under this name. */
  g_set_prgname ("repartee");
  g_set_application_name ("Repartee");
  app = rpt_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  /* No animations: toasts and transitions finish at once, so what a test
   * sees does not depend on timing (and libadwaita 1.2's toast overlay
   * misbehaves when a toast goes while it still slides). */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* Keep the application alive between windows. */
  g_application_hold (G_APPLICATION (app));
}

RptApplication *
rpt_test_app_init_keeping_folders (void)
{
  data_home = g_strdup (g_get_user_data_dir ());
  register_app ();
  return app;
}

RptApplication *
rpt_test_app_init (void)
{
  /* Not rpt_test_make_tmpdir(): Check cannot report outside a test. */
  char *home = g_dir_make_tmp ("repartee-window-test-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);

  /* Before anything asks GLib for the user folders (it caches them). */
  g_mkdir_with_parents (data, 0700);
  g_mkdir_with_parents (config, 0700);
  g_mkdir_with_parents (cache, 0700);
  g_mkdir_with_parents (state, 0700);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  data_home = g_strdup (data);
  g_free (home);
  /* The folder is left for inspection after a failure; it is small. */

  register_app ();
  return app;
}

RptApplication *
rpt_test_app (void)
{
  return app;
}

const char *
rpt_test_data_home (void)
{
  return data_home;
}

void
rpt_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

RptWindow *
rpt_test_new_window (void)
{
  RptWindow *window = rpt_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

RptWindow *
rpt_test_new_window_with_demo (int width,
                               int height)
{
  g_autofree char *source = rpt_test_source_path ("data/examples/demo.json");
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  RptWindow *window = rpt_window_new (app);
  GListModel *documents = rpt_project_get_documents (rpt_window_get_project (window));
  gsize length;
  GFile *files[1];

  ck_assert (g_file_get_contents (source, &contents, &length, NULL));
  path = rpt_test_write_file (dir, "demo.json", contents, (gssize) length);
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  files[0] = g_file_new_for_path (path);
  rpt_window_open_files (window, files, 1);
  g_object_unref (files[0]);
  rpt_test_wait_until ((documents = rpt_project_get_documents (rpt_window_get_project (window)))
                       && g_list_model_get_n_items (documents) > 0);
  rpt_test_wait_until (rpt_test_find_widget (GTK_WIDGET (window), RPT_TYPE_ANNOTATION_ROW, NULL) != NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

RptWindow *
rpt_test_new_window_with_articles (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *a = rpt_test_write_file (dir, "lake-summit.txt", ARTICLE_A, -1);
  g_autofree char *b = rpt_test_write_file (dir, "handshake.txt", ARTICLE_B, -1);
  RptWindow *window = rpt_test_new_window ();
  GListModel *documents = rpt_project_get_documents (rpt_window_get_project (window));
  GFile *files[2];

  files[0] = g_file_new_for_path (a);
  files[1] = g_file_new_for_path (b);
  rpt_window_open_files (window, files, 2);
  g_object_unref (files[0]);
  g_object_unref (files[1]);
  rpt_test_wait_until (g_list_model_get_n_items (documents) == 2);
  return window;
}

void
rpt_test_close_discarding (RptWindow *window)
{
  GtkWidget *weak = GTK_WIDGET (window);
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  gtk_window_close (GTK_WINDOW (window));
  rpt_test_spin (50);
  if (weak && (dialog = rpt_test_find_dialog (GTK_WINDOW (window))))
    rpt_test_respond (dialog, "discard");
  rpt_test_wait_until (weak == NULL);
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  const char *shown = NULL;

  if (GTK_IS_BUTTON (widget))
    shown = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_LABEL (widget))
    shown = gtk_label_get_label (GTK_LABEL (widget));
  return shown && g_str_equal (shown, text);
}

GtkWidget *
rpt_test_find_matching (GtkWidget     *root,
                        RptTestMatch   match,
                        gconstpointer  data,
                        gboolean       into_popovers)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!into_popovers && GTK_IS_POPOVER (child))
        continue;
      if ((found = rpt_test_find_matching (child, match, data, into_popovers)))
        return found;
    }
  return NULL;
}

typedef struct
{
  GType       type;
  const char *label;
} TypeAndLabel;

static gboolean
has_type_and_label (GtkWidget     *widget,
                    gconstpointer  data)
{
  const TypeAndLabel *want = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, want->type) && (want->label == NULL || shows_text (widget, want->label));
}

GtkWidget *
rpt_test_find_widget (GtkWidget  *root,
                      GType       type,
                      const char *label)
{
  TypeAndLabel want = { type, label };

  return rpt_test_find_matching (root, has_type_and_label, &want, TRUE);
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

GtkWidget *
rpt_test_find_named (GtkWidget  *root,
                     const char *name)
{
  return rpt_test_find_matching (root, has_name, name, TRUE);
}

void
rpt_test_click (GtkWidget *button)
{
  ck_assert (GTK_IS_BUTTON (button));
  ck_assert_msg (gtk_widget_is_sensitive (button), "“%s” is insensitive", gtk_widget_get_name (button));
  g_signal_emit_by_name (button, "clicked");
}

GtkWidget *
rpt_test_must_find_named (GtkWidget  *root,
                          const char *name)
{
  GtkWidget *widget = rpt_test_find_named (root, name);

  ck_assert_msg (widget != NULL, "no widget named “%s”", name);
  return widget;
}

/* The visible texts under @root, each label's followed by @separator;
 * with @drawn, also the texts the annotation and document rows draw
 * themselves, and nothing of popovers. */
static void
collect_text (GtkWidget *root,
              GString   *out,
              char       separator,
              gboolean   drawn)
{
  if (!gtk_widget_get_visible (root))
    return;
  if (GTK_IS_LABEL (root))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (root)));
      g_string_append_c (out, separator);
    }
  if (drawn && RPT_IS_ANNOTATION_ROW (root))
    {
      g_autofree char *text = rpt_annotation_row_dup_text (RPT_ANNOTATION_ROW (root));

      g_string_append (out, text);
    }
  if (drawn && RPT_IS_DOCUMENT_ROW (root) && rpt_document_row_get_document (RPT_DOCUMENT_ROW (root)))
    g_string_append_printf (out, "%s\n%s\n",
                            rpt_document_get_title (rpt_document_row_get_document (RPT_DOCUMENT_ROW (root))),
                            rpt_document_row_get_subtitle (RPT_DOCUMENT_ROW (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (!(drawn && GTK_IS_POPOVER (child)))
      collect_text (child, out, separator, drawn);
}

char *
rpt_test_visible_text (GtkWidget *root)
{
  GString *out = g_string_new (NULL);

  collect_text (root, out, '\n', TRUE);
  return g_string_free (out, FALSE);
}

char *
rpt_test_label_text (GtkWidget *root,
                     char       separator)
{
  GString *out = g_string_new (NULL);

  collect_text (root, out, separator, FALSE);
  return g_string_free (out, FALSE);
}

void
rpt_test_run_pending (void)
{
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

AdwMessageDialog *
rpt_test_find_dialog (GtkWindow *parent)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data)
        && gtk_window_get_transient_for (l->data) == parent)
      return l->data;
  return NULL;
}

AdwMessageDialog *
rpt_test_wait_for_dialog (GtkWindow *parent)
{
  AdwMessageDialog *dialog;

  rpt_test_wait_until ((dialog = rpt_test_find_dialog (parent)) != NULL);
  return dialog;
}

void
rpt_test_respond (AdwMessageDialog *dialog,
                  const char       *response)
{
  const char *label;
  GtkWidget *button;

  ck_assert_msg (adw_message_dialog_has_response (dialog, response), "no response “%s”", response);
  label = adw_message_dialog_get_response_label (dialog, response);
  button = rpt_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, label);
  ck_assert_msg (button != NULL, "no button “%s”", label);
  rpt_test_click (button);
}

GtkWindow *
rpt_test_find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
try_controller (GtkEventController *controller,
                GtkWidget          *widget,
                guint               keyval,
                GdkModifierType     modifiers)
{
  if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
    {
      gboolean handled = FALSE;

      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, modifiers, &handled);
      return handled;
    }
  if (GTK_IS_SHORTCUT_CONTROLLER (controller))
    {
      GListModel *shortcuts = G_LIST_MODEL (controller);

      if (gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) != GTK_SHORTCUT_SCOPE_LOCAL)
        return FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (!GTK_IS_KEYVAL_TRIGGER (trigger)
              || gdk_keyval_to_lower (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))) != gdk_keyval_to_lower (keyval)
              || gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) != modifiers)
            continue;
          if (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                            widget, gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
try_phase (GtkWidget           *widget,
           GtkPropagationPhase  phase,
           guint                keyval,
           GdkModifierType      modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (gtk_event_controller_get_propagation_phase (controller) == phase
          && try_controller (controller, widget, keyval, modifiers))
        return TRUE;
    }
  return FALSE;
}

gboolean
rpt_test_send_key (GtkWindow       *window,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();

  for (GtkWidget *w = focus ? focus : GTK_WIDGET (window); w; w = gtk_widget_get_parent (w))
    g_ptr_array_insert (chain, 0, w);

  for (guint i = 0; i < chain->len; i++)
    if (try_phase (g_ptr_array_index (chain, i), GTK_PHASE_CAPTURE, keyval, modifiers))
      return TRUE;
  if (try_phase (g_ptr_array_index (chain, chain->len - 1), GTK_PHASE_TARGET, keyval, modifiers))
    return TRUE;
  for (guint i = chain->len; i > 0; i--)
    if (try_phase (g_ptr_array_index (chain, i - 1), GTK_PHASE_BUBBLE, keyval, modifiers))
      return TRUE;
  return FALSE;
}

void
rpt_test_pixel (GtkWidget *widget,
                int        x,
                int        y,
                GdkRGBA   *color)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autofree guchar *pixels = NULL;
  gsize stride = (gsize) width * 4;
  guchar *p;

  ck_assert_int_gt (width, 0);
  ck_assert (x >= 0 && x < width && y >= 0 && y < height);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  ck_assert_ptr_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);

  /* Cairo's ARGB32, premultiplied, native endian (BGRA in memory here). */
  p = pixels + (gsize) y * stride + (gsize) x * 4;
  color->alpha = p[3] / 255.0;
  color->red = p[3] ? p[2] / (double) p[3] : 0;
  color->green = p[3] ? p[1] / (double) p[3] : 0;
  color->blue = p[3] ? p[0] / (double) p[3] : 0;
}

void
rpt_test_char_color (GtkTextView *text_view,
                     guint        offset,
                     GdkRGBA     *color)
{
  GtkTextIter iter;
  GdkRectangle rect;
  int x, y;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, offset);
  gtk_text_view_get_iter_location (text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x + rect.width / 2, rect.y + rect.height / 2, &x, &y);
  rpt_test_pixel (GTK_WIDGET (text_view), x, y, color);
}

/* ---- The file chooser ---- */

static gboolean
choose (GtkFileChooser *chooser,
        GFile          *file)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;

  if (chosen && g_file_equal (chosen, file))
    {
      /* And it stays so (the chooser may still be settling). */
      g_clear_object (&chosen);
      rpt_test_spin (300);
      chosen = gtk_file_chooser_get_file (chooser);
      if (chosen && g_file_equal (chosen, file))
        return TRUE;
    }
  folder = g_file_get_parent (file);
  name = g_file_get_basename (file);
  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
  gtk_file_chooser_set_current_name (chooser, name);
  rpt_test_spin (100);
  return FALSE;
}

/* GTK's own "A file named … already exists" question, or NULL. */
static GtkWindow *
find_gtk_question (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (GTK_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      {
        g_autofree char *text = NULL;

        /* Not the chooser's other messages ("The folder contents could not
         * be displayed", about a folder it browsed on the way). */
        g_object_get (l->data, "text", &text, NULL);
        if (text && strstr (text, "already exists"))
          return l->data;
      }
  return NULL;
}

gboolean
rpt_test_answer_save_chooser (const char *path)
{
  GtkWindow *chooser, *question = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  rpt_test_wait_until ((chooser = rpt_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL);
  ck_assert_int_eq (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), GTK_FILE_CHOOSER_ACTION_SAVE);
  /* The chooser settles its folder asynchronously once shown: ask again
   * until it has taken ours. */
  rpt_test_wait_until (choose (GTK_FILE_CHOOSER (chooser), file));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  rpt_test_wait_until (rpt_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL ||
                       (question = find_gtk_question ()) != NULL);
  if (question)
    {
      gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_ACCEPT);
      rpt_test_wait_until (rpt_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
    }
  return question != NULL;
}

gboolean
rpt_test_select_file (GtkFileChooser *chooser,
                      GFile          *file)
{
  g_autoptr(GFile) chosen = NULL;

  gtk_file_chooser_set_file (chooser, file, NULL);
  rpt_test_spin (50);
  chosen = gtk_file_chooser_get_file (chooser);
  return chosen && g_file_equal (chosen, file);
}

gboolean
rpt_test_recovery_is_current (gpointer window)
{
  g_autoptr(GBytes) bytes = rpt_project_to_bytes (rpt_window_get_project (window));
  g_autofree char *folder = rpt_recovery_get_dir ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      if (g_str_has_suffix (name, ".json") && g_file_get_contents (path, &contents, &len, NULL)
          && len == g_bytes_get_size (bytes) && memcmp (contents, g_bytes_get_data (bytes, NULL), len) == 0)
        return TRUE;
    }
  return FALSE;
}

