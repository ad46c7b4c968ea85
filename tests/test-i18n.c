/* test-i18n.c: with LANGUAGE=de (set by tests/meson.build, as a user sets
 * it) and the catalogues meson compiled into <build>/po, the real window,
 * its menu, dialogs and shortcuts, and repartee-tool speak German. Besides
 * the German strings it looks for, it walks every widget: any text shown
 * that is still an English message of the catalogue (one that has a German
 * translation) fails the test.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rpt-annotation-row.h"
#include "rpt-article-view.h"
#include "rpt-document-row.h"
#include "rpt-export-dialog.h"
#include "rpt-label-bar.h"
#include "rpt-labels-dialog.h"
#include "rpt-test-util.h"
#include "rpt-test-window.h"

#define ARTICLE                                                                \
  "Harbour Talks\n\n"                                                          \
  "The envoy from Norland said the new harbour fees were fair. "               \
  "Her counterpart from Sudmark answered that nobody had asked the fishers.\n"

typedef struct
{
  RptWindow *window;
} Fixture;

static Fixture f;

static void
setup (void)
{
  f.window = rpt_test_new_window ();
}

static void
teardown (void)
{
  if (f.window)
    rpt_test_close_discarding (f.window);
  memset (&f, 0, sizeof f);
}

/* Imports ARTICLE into a new project, the way the Import action does. */
static void
import_article (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = rpt_test_write_file (dir, "harbour-talks.txt", ARTICLE, -1);
  GFile *file = g_file_new_for_path (path);
  GListModel *documents;

  rpt_window_open_files (f.window, &file, 1);
  g_object_unref (file);
  documents = rpt_project_get_documents (rpt_window_get_project (f.window));
  rpt_test_wait_until (g_list_model_get_n_items (documents) == 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
}

static void
add_text (GPtrArray  *texts,
          const char *text)
{
  if (text != NULL && *text != '\0')
    g_ptr_array_add (texts, g_strdup (text));
}

/* Every text @widget and its descendants show or would show: labels,
 * button labels, titles, descriptions, placeholders and tooltips. */
static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  GParamSpec *placeholder = g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "placeholder-text");

  if (GTK_IS_LABEL (widget))
    add_text (texts, gtk_label_get_label (GTK_LABEL (widget)));
  /* Annotation rows draw their lines themselves. */
  if (RPT_IS_ANNOTATION_ROW (widget))
    {
      g_autofree char *shown = rpt_annotation_row_dup_text (RPT_ANNOTATION_ROW (widget));
      g_auto(GStrv) lines = g_strsplit (shown, "\n", -1);

      for (guint i = 0; lines[i]; i++)
        add_text (texts, lines[i]);
    }
  if (RPT_IS_DOCUMENT_ROW (widget))
    add_text (texts, rpt_document_row_get_subtitle (RPT_DOCUMENT_ROW (widget)));
  if (GTK_IS_BUTTON (widget))
    add_text (texts, gtk_button_get_label (GTK_BUTTON (widget)));
  if (GTK_IS_WINDOW (widget))
    add_text (texts, gtk_window_get_title (GTK_WINDOW (widget)));
  if (ADW_IS_WINDOW_TITLE (widget))
    {
      add_text (texts, adw_window_title_get_title (ADW_WINDOW_TITLE (widget)));
      add_text (texts, adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget)));
    }
  if (ADW_IS_STATUS_PAGE (widget))
    {
      add_text (texts, adw_status_page_get_title (ADW_STATUS_PAGE (widget)));
      add_text (texts, adw_status_page_get_description (ADW_STATUS_PAGE (widget)));
    }
  if (ADW_IS_PREFERENCES_ROW (widget))
    add_text (texts, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_ACTION_ROW (widget))
    add_text (texts, adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      add_text (texts, adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)));
      add_text (texts, adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (widget)));
    }
  if (ADW_IS_PREFERENCES_PAGE (widget))
    add_text (texts, adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (widget)));
  if (placeholder != NULL && placeholder->value_type == G_TYPE_STRING)
    {
      g_autofree char *text = NULL;

      g_object_get (widget, "placeholder-text", &text, NULL);
      add_text (texts, text);
    }
  add_text (texts, gtk_widget_get_tooltip_text (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

/* An English message of the catalogue: gettext gives something else back. */
static gboolean
is_untranslated (const char *text)
{
  return g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, text), text) != 0;
}

/* Fails with every text under @root that is still in English; returns the
 * texts for the caller's own checks. */
static GPtrArray *
assert_all_german (GtkWidget *root)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) english = g_string_new (NULL);

  collect_texts (root, texts);
  ck_assert_uint_gt (texts->len, 0);
  for (guint i = 0; i < texts->len; i++)
    if (is_untranslated (g_ptr_array_index (texts, i)))
      g_string_append_printf (english, " “%s”", (char *) g_ptr_array_index (texts, i));
  ck_assert_msg (english->len == 0, "shown in English:%s", english->str);
  return texts;
}

static gboolean
contains (GPtrArray  *texts,
          const char *text)
{
  return g_ptr_array_find_with_equal_func (texts, text, g_str_equal, NULL);
}

#define assert_shows(texts, text) \
  ck_assert_msg (contains ((texts), (text)), "“%s” is not shown", (text))

/* The catalogue is the one meson built, and gettext reads it. */
START_TEST (test_catalogue_loaded)
{
  ck_assert_str_eq (g_getenv ("LANGUAGE"), "de");
  ck_assert_str_eq (_("No Annotations Yet"), "Noch keine Annotationen");
  ck_assert_str_eq (C_("label name", "Claim"), "Behauptung");
  ck_assert_str_eq (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", 1), "%u Artikel");
  ck_assert_str_eq (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations", 2), "%u Annotationen");
}
END_TEST

/* The window as it first comes up: the empty state, the header bar. */
START_TEST (test_empty_window)
{
  g_autoptr(GPtrArray) texts = assert_all_german (GTK_WIDGET (f.window));

  assert_shows (texts, "Einen Wortwechsel annotieren");
  assert_shows (texts, "Artikel _importieren …");
  assert_shows (texts, "_Projekt öffnen …");
  assert_shows (texts, "_Demo-Projekt öffnen");
  assert_shows (texts, "Ö_ffnen");
  assert_shows (texts, "_Speichern");
  assert_shows (texts, "Unbenanntes Projekt");
  assert_shows (texts, "Hauptmenü");
}
END_TEST

static void
collect_menu_labels (GMenuModel *menu,
                     GPtrArray  *labels)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_ptr_array_add (labels, g_steal_pointer (&label));
      if (section)
        collect_menu_labels (section, labels);
      if (submenu)
        collect_menu_labels (submenu, labels);
    }
}

START_TEST (test_main_menu)
{
  GtkWidget *button = rpt_test_find_widget (GTK_WIDGET (f.window), GTK_TYPE_MENU_BUTTON, NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) english = g_string_new (NULL);

  ck_assert_ptr_nonnull (button);
  collect_menu_labels (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)), labels);
  ck_assert_uint_ge (labels->len, 10);
  for (guint i = 0; i < labels->len; i++)
    if (is_untranslated (g_ptr_array_index (labels, i)))
      g_string_append_printf (english, " “%s”", (char *) g_ptr_array_index (labels, i));
  ck_assert_msg (english->len == 0, "menu items in English:%s", english->str);
  assert_shows (labels, "_Neues Projekt");
  assert_shows (labels, "_Zuletzt geöffnet");
  assert_shows (labels, "_Kategorien und Sprecher …");
  assert_shows (labels, "_Tastenkürzel");
  assert_shows (labels, "_Info zu Repartee");
}
END_TEST

/* A new project gets the default labels in German; the label bar, the
 * sidebar, the inspector and the Summary page show German. */
START_TEST (test_project_window)
{
  g_autoptr(GPtrArray) texts = NULL;
  RptLabelBar *bar;
  GtkWidget *claim;

  import_article ();
  texts = assert_all_german (GTK_WIDGET (f.window));
  bar = RPT_LABEL_BAR (rpt_test_find_widget (GTK_WIDGET (f.window), RPT_TYPE_LABEL_BAR, NULL));
  ck_assert_ptr_nonnull (bar);
  claim = rpt_label_bar_get_button (bar, "claim");
  ck_assert_ptr_nonnull (rpt_test_find_widget (claim, GTK_TYPE_LABEL, "Behauptung"));
  ck_assert_ptr_nonnull (rpt_test_find_widget (rpt_label_bar_get_button (bar, "rebuttal"),
                                               GTK_TYPE_LABEL, "Widerlegung"));
  ck_assert_ptr_nonnull (rpt_test_find_widget (rpt_label_bar_get_button (bar, "joke"), GTK_TYPE_LABEL, "Witz"));
  ck_assert_ptr_nonnull (rpt_test_find_widget (rpt_label_bar_get_button (bar, "diplomatic-signal"),
                                               GTK_TYPE_LABEL, "Diplomatisches Signal"));
  ck_assert_str_eq (gtk_widget_get_tooltip_text (claim), "Den ausgewählten Text als Behauptung kennzeichnen (1)");
  assert_shows (texts, "Artikel");
  assert_shows (texts, "Annotieren");
  assert_shows (texts, "Zusammenfassung");
  assert_shows (texts, "Noch keine Annotationen");
  assert_shows (texts, "Keine Annotation ausgewählt");
  assert_shows (texts, "Noch keine Aussagen");
}
END_TEST

/* With an annotation: its row, its details and the undo toast. */
START_TEST (test_annotation_in_german)
{
  g_autoptr(GPtrArray) texts = NULL;
  RptArticleView *view;
  const char *at;
  guint start;

  import_article ();
  view = RPT_ARTICLE_VIEW (rpt_test_find_widget (GTK_WIDGET (f.window), RPT_TYPE_ARTICLE_VIEW, NULL));
  at = strstr (ARTICLE, "the new harbour fees were fair");
  start = (guint) g_utf8_pointer_to_offset (ARTICLE, at);
  rpt_article_view_select_range (view, start, start + (guint) g_utf8_strlen ("the new harbour fees were fair", -1));
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.tag", "s", "claim");
  rpt_test_wait_until (rpt_project_get_n_annotations (rpt_window_get_project (f.window)) == 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));

  texts = assert_all_german (GTK_WIDGET (f.window));
  assert_shows (texts, "Annotationen (1)");
  assert_shows (texts, "harbour-talks.txt · 1 Annotation");
  assert_shows (texts, "„the new harbour fees were fair“");
  assert_shows (texts, "_Kategorie");
  assert_shows (texts, "_Sprecher");
  assert_shows (texts, "Notiz");
  assert_shows (texts, "Verknüpfungen");
  assert_shows (texts, "Verknüpfung _hinzufügen …");
}
END_TEST

static GtkWindow *
open_dialog (const char *action,
             GType       type)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (f.window), action, NULL);
  rpt_test_wait_until ((dialog = rpt_test_find_toplevel (type)) != NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  return dialog;
}

static void
close_dialog (GtkWindow *dialog)
{
  GtkWidget *weak = GTK_WIDGET (dialog);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
  gtk_window_destroy (dialog);
  rpt_test_wait_until (weak == NULL);
}

START_TEST (test_dialogs)
{
  GtkWindow *dialog;

  import_article ();

  dialog = open_dialog ("win.labels", RPT_TYPE_LABELS_DIALOG);
  {
    g_autoptr(GPtrArray) texts = assert_all_german (GTK_WIDGET (dialog));

    assert_shows (texts, "Kategorien und Sprecher");
    assert_shows (texts, "Kategorie _hinzufügen");
    assert_shows (texts, "Behauptung");
    assert_shows (texts, "Tastenkürzel");
  }
  close_dialog (dialog);

  dialog = open_dialog ("win.export", RPT_TYPE_EXPORT_DIALOG);
  {
    g_autoptr(GPtrArray) texts = assert_all_german (GTK_WIDGET (dialog));

    assert_shows (texts, "Datensatz exportieren");
    assert_shows (texts, "_Format");
    assert_shows (texts, "_Versätze");
    assert_shows (texts, "Was exportiert wird");
  }
  close_dialog (dialog);

  dialog = open_dialog ("win.show-help-overlay", GTK_TYPE_SHORTCUTS_WINDOW);
  {
    g_autoptr(GPtrArray) texts = assert_all_german (GTK_WIDGET (dialog));

    assert_shows (texts, "Den ausgewählten Text mit einer Kategorie kennzeichnen");
    assert_shows (texts, "Rückgängig");
  }
  close_dialog (dialog);

  dialog = open_dialog ("win.about", ADW_TYPE_ABOUT_WINDOW);
  ck_assert_str_eq (adw_about_window_get_comments (ADW_ABOUT_WINDOW (dialog)),
                    "Wortwechsel in Nachrichtenartikeln annotieren: Behauptungen, Widerlegungen, "
                    "Witze und diplomatische Signale");
  close_dialog (dialog);
}
END_TEST

/* repartee-tool binds the same catalogue through REPARTEE_LOCALEDIR. */
START_TEST (test_tool_in_german)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *article = rpt_test_write_file (dir, "harbour-talks.txt", ARTICLE, -1);
  g_autofree char *project = g_build_filename (dir, "harbour.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *add[] = { "add", project, article, NULL };
  const char *validate[] = { "validate", project, NULL };
  const char *unknown[] = { "frobnicate", NULL };

  ck_assert_int_eq (rpt_test_run_tool (add, &out, &err), 0);
  ck_assert_msg (strstr (out, "als „harbour-talks“ hinzugefügt") != NULL, "%s", out);
  ck_assert_msg (strstr (out, "angelegt (1 Artikel)") != NULL, "%s", out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (rpt_test_run_tool (validate, &out, &err), 0);
  ck_assert_msg (strstr (out, ": gültig: 1 Artikel, 4 Kategorien, 0 Sprecher, 0 Annotationen") != NULL,
                 "%s", out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (rpt_test_run_tool (unknown, &out, &err), 2);
  ck_assert_msg (strstr (err, "„frobnicate“ ist kein Befehl") != NULL, "%s", err);
}
END_TEST

static Suite *
i18n_suite (void)
{
  Suite *s = suite_create ("i18n");
  TCase *tc = tcase_create ("german");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_catalogue_loaded);
  tcase_add_test (tc, test_empty_window);
  tcase_add_test (tc, test_main_menu);
  tcase_add_test (tc, test_project_window);
  tcase_add_test (tc, test_annotation_in_german);
  tcase_add_test (tc, test_dialogs);
  tcase_add_test (tc, test_tool_in_german);
  suite_add_tcase (s, tc);
  return s;
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("REPARTEE_LOCALEDIR");

  /* As main.c does, before GTK or anything else asks for a translation. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  rpt_test_app_init ();
  return rpt_test_run (i18n_suite ());
}
