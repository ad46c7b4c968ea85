/* rpt-tool-add.c: repartee-tool add PROJECT.json ARTICLE.txt|PAGE.html…
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Tool"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rpt-tool.h"

static void
waiting_cb (const char *path,
            gpointer    user_data)
{
  g_autofree char *display = rpt_tool_display_name (path);

  rpt_tool_error (_("%s is being saved by another program; waiting for it to finish…"), display);
}

RptFileLock *
rpt_tool_lock (const char *path)
{
  g_autoptr(GError) error = NULL;
  RptFileLock *lock = rpt_file_lock_acquire (path, RPT_FILE_LOCK_WAIT_MS, waiting_cb, NULL, &error);

  if (lock == NULL)
    {
      g_autofree char *display = rpt_tool_display_name (path);

      rpt_tool_error ("%s", error->message);
      rpt_tool_error (_("%s was not changed"), display);
    }
  return lock;
}

gboolean
rpt_tool_check_in_place (const char  *path,
                         gboolean     existed,
                         gboolean     force,
                         char       **note)
{
  g_autofree char *reason = NULL;
  RptOutputState state = rpt_output_inspect (path, RPT_OUTPUT_FILE, NULL, &reason);

  *note = NULL;
  /* A new file or the user's own is what saving in place is for; a folder
   * or a device has already failed to load. */
  if (!rpt_output_state_is_notable (state))
    return TRUE;
  if (!force)
    {
      g_autofree char *display = rpt_tool_display_name (path);

      /* Translators: %s says why, e.g. "out.csv exists" or "out.csv is read-only" */
      rpt_tool_error (_("%s; use --force to replace it"), reason);
      if (existed)
        rpt_tool_error (_("%s was not changed"), display);
      else
        rpt_tool_error (_("%s was not created"), display);
      return FALSE;
    }
  *note = g_steal_pointer (&reason);
  return TRUE;
}

static int
refuse (const char *path,
        gboolean    existed,
        GError     *error)
{
  g_autofree char *display = rpt_tool_display_name (path);

  rpt_tool_error ("%s", error->message);
  if (existed)
    rpt_tool_error (_("%s was not changed"), display);
  else
    rpt_tool_error (_("%s was not created"), display);
  return RPT_TOOL_FAILED;
}

/* Whether @document's text is in the project already (@texts) or in an
 * article given before it (@given: SHA-256 -> index into @files); says
 * which when it is. */
static gboolean
is_duplicate (RptDocument *document,
              const char  *file,
              GHashTable  *texts,
              GHashTable  *given,
              GPtrArray   *added,
              GPtrArray   *files)
{
  const char *sha256 = rpt_document_get_sha256 (document);
  RptDocument *same = g_hash_table_lookup (texts, sha256);
  gpointer index;

  if (same != NULL)
    {
      g_autofree char *title = rpt_tool_printable (rpt_document_get_title (same));
      g_autofree char *id = rpt_tool_printable (rpt_document_get_id (same));

      rpt_tool_error (_("%s: the same text is already in the project as “%s” (article “%s”); "
                        "use --allow-duplicates to add it anyway"), file, title, id);
      return TRUE;
    }
  if (g_hash_table_lookup_extended (given, sha256, NULL, &index))
    {
      guint i = GPOINTER_TO_UINT (index);
      g_autofree char *title = rpt_tool_printable (rpt_document_get_title (g_ptr_array_index (added, i)));
      g_autofree char *first = rpt_tool_display_name (g_ptr_array_index (files, i));

      rpt_tool_error (_("%s: the same text as %s (“%s”), given before it; use --allow-duplicates to add both"),
                      file, first, title);
      return TRUE;
    }
  return FALSE;
}

int
rpt_tool_add (int    argc,
              char **argv)
{
  g_autoptr(RptFileLock) lock = NULL;
  g_autoptr(RptProject) project = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  g_autoptr(GHashTable) texts = NULL;
  g_autoptr(GHashTable) given = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *note = NULL;
  gboolean existed;
  gboolean force = FALSE;
  gboolean allow_duplicates = FALSE;
  guint duplicates = 0;
  const char *path;
  GOptionEntry entries[] = {
    { "allow-duplicates", 0, 0, G_OPTION_ARG_NONE, &allow_duplicates,
      N_("Add an article even if its text is already in the project"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Save even if PROJECT.json is read-only or belongs to another user"), NULL },
    { NULL }
  };

  if (!rpt_tool_parse ("add", _("PROJECT.json ARTICLE.txt|PAGE.html…"),
                       _("Adds articles to PROJECT.json, creating it if it does not exist, and saves it in "
                         "place: plain text (UTF-8, with or without a byte order mark), or web pages saved "
                         "as .html or .htm, whose article text and metadata are taken from the page. "
                         "Nothing is written unless every article can be added. An article whose text is "
                         "already in the project, or given twice, is refused unless --allow-duplicates "
                         "is given."),
                       entries, &argc, &argv))
    return RPT_TOOL_USAGE;
  if (argc < 3)
    return rpt_tool_usage_error ("add", "%s", _("a project and at least one article are needed"));

  path = argv[1];
  display = rpt_tool_display_name (path);
  /* Held from reading to saving: a writer working on the project at the
   * same time is waited for, and its articles are kept. */
  if (!(lock = rpt_tool_lock (path)))
    return RPT_TOOL_FAILED;
  existed = rpt_file_lock_get_stamp (lock)->exists;
  if (existed)
    {
      if (!(project = rpt_tool_load (path)))
        return RPT_TOOL_FAILED;
    }
  else
    project = rpt_project_new ();

  texts = rpt_import_texts_of (project);
  /* Everything is imported before anything is written or reported, so a bad
   * article leaves the project file as it was. */
  for (int i = 2; i < argc; i++)
    {
      g_autoptr(RptDocument) document = rpt_import_article_file (project, argv[i], &error);
      g_autofree char *file = rpt_tool_display_name (argv[i]);

      if (document == NULL)
        return refuse (path, existed, error);
      if (!allow_duplicates && is_duplicate (document, file, texts, given, added, files))
        {
          duplicates++;
          continue;
        }
      if (!rpt_project_add_document (project, document, &error))
        return refuse (path, existed, error);
      g_hash_table_insert (given, (gpointer) rpt_document_get_sha256 (document), GUINT_TO_POINTER (added->len));
      g_ptr_array_add (added, g_steal_pointer (&document));
      g_ptr_array_add (files, argv[i]);
    }
  if (duplicates > 0)
    {
      if (existed)
        rpt_tool_error (_("%s was not changed"), display);
      else
        rpt_tool_error (_("%s was not created"), display);
      return RPT_TOOL_FAILED;
    }

  if (existed && added->len == 0)
    {
      printf (_("Nothing to add: %s was not changed\n"), display);
      return RPT_TOOL_OK;
    }
  if (!rpt_tool_check_in_place (path, existed, force, &note))
    return RPT_TOOL_FAILED;
  if (!rpt_project_save_locked (project, lock, &error))
    return refuse (path, existed, error);
  rpt_tool_replaced (note);

  for (guint i = 0; i < added->len; i++)
    {
      RptDocument *document = g_ptr_array_index (added, i);
      g_autofree char *file = rpt_tool_display_name (g_ptr_array_index (files, i));
      g_autofree char *title = rpt_tool_printable (rpt_document_get_title (document));
      g_autofree char *id = rpt_tool_printable (rpt_document_get_id (document));
      guint length = rpt_document_get_length (document);

      printf (g_dngettext (GETTEXT_PACKAGE, "Added %s as “%s”: “%s”, %u character\n",
                           "Added %s as “%s”: “%s”, %u characters\n", length),
              file, id, title, length);
    }
  {
    guint n = g_list_model_get_n_items (rpt_project_get_documents (project));

    printf (existed
              ? g_dngettext (GETTEXT_PACKAGE, "Saved %s (%u article)\n", "Saved %s (%u articles)\n", n)
              : g_dngettext (GETTEXT_PACKAGE, "Created %s (%u article)\n", "Created %s (%u articles)\n", n),
            display, n);
  }
  return RPT_TOOL_OK;
}
