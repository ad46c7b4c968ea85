/* test-shortcuts.c: the keyboard shortcuts window (Ctrl+?) lists every
 * key Repartee binds, and nothing it does not.
 *
 * The keys are read from the running application, not from a list kept
 * here: its accelerators, and the shortcut controllers of each of its own
 * widgets (class bindings and controllers added to them), on the window
 * with a project open, its popovers, and the Labels and Export dialogs.
 * What a widget inherits from its GTK or libadwaita parent class (the text
 * view's cursor keys, the window's inspector keys) is not ours to list,
 * and is told apart by comparing with a fresh instance of that parent.
 * A new binding without an entry in ui/window/rpt-shortcuts-window.ui
 * fails here, as does an entry for a key nothing handles.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <string.h>

#include "rpt-export-dialog.h"
#include "rpt-labels-dialog.h"
#include "rpt-test-util.h"
#include "rpt-test-window.h"

#define MODIFIERS (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK | GDK_HYPER_MASK)

static RptWindow *window;

static void
setup (void)
{
  window = rpt_test_new_window_with_demo (0, 0);
}

static void
teardown (void)
{
  if (window)
    rpt_test_close_discarding (window);
  window = NULL;
}

/* A key as the user presses it: the keypad's keys count as the main
 * keys they stand for (the shortcuts window shows "1", not "KP 1"). */
static char *
key_name (guint           keyval,
          GdkModifierType modifiers)
{
  switch (keyval)
    {
    case GDK_KEY_KP_1: case GDK_KEY_KP_2: case GDK_KEY_KP_3:
    case GDK_KEY_KP_4: case GDK_KEY_KP_5: case GDK_KEY_KP_6:
    case GDK_KEY_KP_7: case GDK_KEY_KP_8: case GDK_KEY_KP_9:
      keyval = GDK_KEY_1 + (keyval - GDK_KEY_KP_1);
      break;
    case GDK_KEY_KP_Tab:
      keyval = GDK_KEY_Tab;
      break;
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      keyval = GDK_KEY_Return;
      break;
    case GDK_KEY_KP_Delete:
      keyval = GDK_KEY_Delete;
      break;
    default:
      break;
    }
  return gtk_accelerator_name (gdk_keyval_to_lower (keyval), modifiers & MODIFIERS);
}

/* Adds to @keys the keys of @trigger (an alternative holds two), each
 * mapped to @what. Mnemonics and other triggers are not keys. */
static void
add_trigger (GHashTable         *keys,
             GtkShortcutTrigger *trigger,
             const char         *what)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    g_hash_table_insert (keys,
                         key_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                   gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))),
                         g_strdup (what));
  else if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      add_trigger (keys, gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), what);
      add_trigger (keys, gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), what);
    }
}

/* Each shortcut of each shortcut controller on @widget, as
 * "TRIGGER|ACTION" (which tells a binding apart from the same key bound
 * to another action). */
static GPtrArray *
widget_shortcuts (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        g_ptr_array_add (out, g_list_model_get_item (G_LIST_MODEL (controller), j));
    }
  return out;
}

static char *
describe (GtkShortcut *shortcut)
{
  g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
  g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

  return g_strdup_printf ("%s|%s", trigger, action);
}

static gboolean
is_ours (GType type)
{
  return g_str_has_prefix (g_type_name (type), "Rpt");
}

/* The shortcuts a fresh instance of @type has, described; empty for an
 * abstract type (GtkWidget has none of its own). Cached by type. */
static GHashTable *
inherited_shortcuts (GType type)
{
  static GHashTable *by_type;
  GHashTable *set;
  GObject *instance;

  if (by_type == NULL)
    by_type = g_hash_table_new (NULL, NULL);
  if ((set = g_hash_table_lookup (by_type, GSIZE_TO_POINTER (type))))
    return set;

  set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!G_TYPE_IS_ABSTRACT (type))
    {
      g_autoptr(GPtrArray) shortcuts = NULL;

      instance = g_object_ref_sink (g_object_new (type, NULL));
      shortcuts = widget_shortcuts (GTK_WIDGET (instance));
      for (guint i = 0; i < shortcuts->len; i++)
        g_hash_table_add (set, describe (g_ptr_array_index (shortcuts, i)));
      if (GTK_IS_WINDOW (instance))
        gtk_window_destroy (GTK_WINDOW (instance));
      g_object_unref (instance);
    }
  g_hash_table_insert (by_type, GSIZE_TO_POINTER (type), set);
  return set;
}

/* Walks @widget and everything under it, popovers included. Into @ours
 * go the keys of Repartee's own widgets, less what their GTK parent class
 * brings; into @handled every key any widget handles. */
static void
collect_keys (GtkWidget  *widget,
              GHashTable *ours,
              GHashTable *handled)
{
  g_autoptr(GPtrArray) shortcuts = widget_shortcuts (widget);
  GType type = G_OBJECT_TYPE (widget);

  if (is_ours (type))
    {
      GType base = type;
      GHashTable *inherited;

      while (is_ours (base))
        base = g_type_parent (base);
      inherited = inherited_shortcuts (base);
      for (guint i = 0; i < shortcuts->len; i++)
        {
          GtkShortcut *shortcut = g_ptr_array_index (shortcuts, i);
          g_autofree char *description = describe (shortcut);

          if (!g_hash_table_contains (inherited, description))
            add_trigger (ours, gtk_shortcut_get_trigger (shortcut), G_OBJECT_TYPE_NAME (widget));
        }
    }
  for (guint i = 0; i < shortcuts->len; i++)
    add_trigger (handled, gtk_shortcut_get_trigger (g_ptr_array_index (shortcuts, i)), G_OBJECT_TYPE_NAME (widget));

  /* F10 opens the menu of the menu button we mark primary. */
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    {
      g_hash_table_insert (ours, key_name (GDK_KEY_F10, 0), g_strdup ("the primary menu button"));
      g_hash_table_insert (handled, key_name (GDK_KEY_F10, 0), g_strdup ("the primary menu button"));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_keys (child, ours, handled);
}

/* The application's accelerators (app.quit and whatever joins it). */
static void
collect_application_keys (GHashTable *keys)
{
  GtkApplication *app = GTK_APPLICATION (rpt_test_app ());
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (app);

  for (guint i = 0; actions[i]; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, actions[i]);

      for (guint j = 0; accels[j]; j++)
        {
          guint keyval;
          GdkModifierType modifiers;

          ck_assert_msg (gtk_accelerator_parse (accels[j], &keyval, &modifiers), "%s", accels[j]);
          g_hash_table_insert (keys, key_name (keyval, modifiers), g_strdup (actions[i]));
        }
    }
}

/* Adds the keys of one GtkShortcutsShortcut's accelerator: a list of
 * accelerators, each maybe a range "1...9". */
static void
add_listed (GHashTable *listed,
            const char *accelerator,
            const char *title)
{
  g_auto(GStrv) parts = g_strsplit (accelerator, " ", -1);

  for (guint i = 0; parts[i]; i++)
    {
      g_auto(GStrv) range = g_strsplit (parts[i], "...", 2);
      guint first, last;
      GdkModifierType modifiers, last_modifiers;

      if (parts[i][0] == '\0')
        continue;
      ck_assert_msg (gtk_accelerator_parse (range[0], &first, &modifiers), "“%s”: %s", title, accelerator);
      last = first;
      last_modifiers = modifiers;
      if (range[1] != NULL)
        ck_assert_msg (gtk_accelerator_parse (range[1], &last, &last_modifiers) && last_modifiers == modifiers
                       && last >= first, "“%s”: %s", title, accelerator);
      for (guint keyval = first; keyval <= last; keyval++)
        g_hash_table_insert (listed, key_name (keyval, modifiers), g_strdup (title));
    }
}

static void
collect_listed (GtkWidget  *widget,
                GHashTable *listed)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *title = NULL;

      g_object_get (widget, "accelerator", &accelerator, "title", &title, NULL);
      ck_assert_msg (accelerator != NULL && accelerator[0] != '\0', "“%s” has no keys", title);
      add_listed (listed, accelerator, title);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_listed (child, listed);
}

/* Opens @action's window over the main window and returns it. */
static GtkWidget *
open_window (const char *action,
             GType       type)
{
  GtkWindow *opened;

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  rpt_test_wait_until ((opened = rpt_test_find_toplevel (type)) != NULL);
  return GTK_WIDGET (opened);
}

static char *
join_keys (GPtrArray *keys)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < keys->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", (char *) g_ptr_array_index (keys, i));
  return g_string_free (out, FALSE);
}

START_TEST (test_every_shortcut_listed)
{
  g_autoptr(GHashTable) ours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) handled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) unlisted = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *unlisted_text = NULL;
  g_autofree char *stale_text = NULL;
  GtkWidget *labels, *export, *shortcuts;
  GHashTableIter iter;
  gpointer key, value;

  collect_application_keys (ours);
  collect_application_keys (handled);
  collect_keys (GTK_WIDGET (window), ours, handled);
  labels = open_window ("win.labels", RPT_TYPE_LABELS_DIALOG);
  collect_keys (labels, ours, handled);
  gtk_window_destroy (GTK_WINDOW (labels));
  export = open_window ("win.export", RPT_TYPE_EXPORT_DIALOG);
  collect_keys (export, ours, handled);
  gtk_window_destroy (GTK_WINDOW (export));

  /* The ones the issue names, found where they are bound. */
  ck_assert (g_hash_table_contains (ours, "<Control>l"));
  ck_assert (g_hash_table_contains (ours, "F1"));
  ck_assert (g_hash_table_contains (handled, "<Control>Tab"));

  shortcuts = open_window ("win.show-help-overlay", GTK_TYPE_SHORTCUTS_WINDOW);
  collect_listed (shortcuts, listed);
  gtk_window_destroy (GTK_WINDOW (shortcuts));

  g_hash_table_iter_init (&iter, ours);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (listed, key))
      g_ptr_array_add (unlisted, g_strdup_printf ("%s (%s)", (char *) key, (char *) value));
  g_ptr_array_sort (unlisted, (GCompareFunc) g_strcmp0);
  unlisted_text = join_keys (unlisted);
  ck_assert_msg (unlisted->len == 0, "bound but not in the shortcuts window: %s", unlisted_text);

  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (handled, key))
      g_ptr_array_add (stale, g_strdup_printf ("%s (“%s”)", (char *) key, (char *) value));
  g_ptr_array_sort (stale, (GCompareFunc) g_strcmp0);
  stale_text = join_keys (stale);
  ck_assert_msg (stale->len == 0, "in the shortcuts window but handled nowhere: %s", stale_text);
}
END_TEST

static Suite *
shortcuts_suite (void)
{
  Suite *s = suite_create ("shortcuts");
  TCase *tc = tcase_create ("window");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_every_shortcut_listed);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_APP_MAIN (shortcuts_suite)
