/* rpt-import-text.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Import"

#include "config.h"

#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "rpt-id-minter-private.h"
#include "rpt-import-private.h"
#include "rpt-import-text.h"
#include "rpt-project-io.h"
#include "rpt-safe-file.h"

/* The id is the file name without its extension, made unique. */
RptDocument *
_rpt_import_new_document (RptProject *project,
                          const char *base,
                          const char *title,
                          const char *text)
{
  g_autofree char *stem = g_strdup (base);
  g_autofree char *id = NULL;
  char *dot;

  if ((dot = strrchr (stem, '.')) != NULL && dot != stem)
    *dot = '\0';
  /* Against the project's own ids, not a copy: adding many files stays linear. */
  id = _rpt_id_minter_document_id (_rpt_project_get_ids (project), stem);
  return rpt_document_new (id, title, base, text);
}

/* @place names the file in messages. */
static RptDocument *
import_text (RptProject  *project,
             const char  *filename,
             const char  *place,
             const char  *data,
             gsize        len,
             GError     **error)
{
  /* File names are bytes; the source and id must be UTF-8 to be saved. */
  g_autofree char *base = g_filename_display_basename (filename);
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  RptDocument *document;
  const char *bad = NULL;

  g_return_val_if_fail (RPT_IS_PROJECT (project), NULL);

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  if (!g_utf8_validate_len (data, len, &bad))
    {
      guint line = 1, column = 1;

      for (const char *p = data; p < bad; p++)
        {
          if (*p == '\n')
            line++, column = 1;
          else if (((guchar) *p & 0xc0) != 0x80)
            column++;
        }
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                   *bad == '\0'
                     ? _("%s: line %u, column %u: the file contains a NUL byte: it is not a text file")
                     : _("%s: line %u, column %u: the file is not UTF-8 text; save it as UTF-8 and import it again"),
                   place ? place : base, line, column);
      return NULL;
    }
  if (g_utf8_strlen (data, (gssize) len) > RPT_MAX_ARTICLE_CHARS)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_TOO_LARGE,
                   g_dngettext (GETTEXT_PACKAGE, "%s: the article is longer than %u character",
                                "%s: the article is longer than %u characters", RPT_MAX_ARTICLE_CHARS),
                   place ? place : base, RPT_MAX_ARTICLE_CHARS);
      return NULL;
    }

  text = g_strndup (data, len);
  title = rpt_import_guess_heading (text, &author);
  if (*title == '\0')
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID, _("%s: the file is empty"), place ? place : base);
      return NULL;
    }

  document = _rpt_import_new_document (project, base, title, text);
  if (author != NULL)
    {
      g_autoptr(RptArticleMeta) meta = rpt_article_meta_new ();

      rpt_article_meta_set (meta, RPT_ARTICLE_FIELD_AUTHOR, author);
      rpt_document_set_meta (document, meta);
    }
  return document;
}

RptDocument *
rpt_import_text (RptProject  *project,
                 const char  *filename,
                 const char  *data,
                 gsize        len,
                 GError     **error)
{
  return import_text (project, filename, NULL, data, len, error);
}

/* Whether @path, read as empty, still has something to read: a file of
 * /proc or /sys, whose size is made up when it is read. */
static gboolean
reports_no_size (const char *path)
{
  char byte;
  gssize n;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);

  if (fd < 0)
    return FALSE;
  n = read (fd, &byte, 1);
  close (fd);
  return n > 0;
}

RptDocument *
rpt_import_text_file (RptProject  *project,
                      const char  *path,
                      GError     **error)
{
  /* The whole path, as the reading errors give it: "status: the file is
   * empty" would not say that /proc/self/status was meant. */
  g_autofree char *place = g_filename_display_name (path);
  g_autoptr(GBytes) bytes = NULL;
  gsize len;
  const char *data;

  bytes = rpt_safe_file_read (path, RPT_MAX_FILE_BYTES, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  if (len == 0 && reports_no_size (path))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID,
                   _("%s: the file gives its size as 0 but is not empty, as the files in /proc and /sys do; "
                     "copy it to a text file to import it"), place);
      return NULL;
    }
  return import_text (project, path, place, data ? data : "", len, error);
}

GHashTable *
rpt_import_texts_of (RptProject *project)
{
  GHashTable *texts;
  GListModel *documents;
  guint n;

  g_return_val_if_fail (RPT_IS_PROJECT (project), NULL);

  texts = g_hash_table_new (g_str_hash, g_str_equal);
  documents = rpt_project_get_documents (project);
  n = g_list_model_get_n_items (documents);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RptDocument) document = g_list_model_get_item (documents, i);

      /* The first one wins, as a walk of the list would find it. */
      if (!g_hash_table_contains (texts, rpt_document_get_sha256 (document)))
        g_hash_table_insert (texts, (gpointer) rpt_document_get_sha256 (document), document);
    }
  return texts;
}
