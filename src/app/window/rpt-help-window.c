/* rpt-help-window.c: the user guide's text in a window, the last of Help's
 * ways to show it (rpt-help.c), for a desktop with neither a help viewer
 * nor a browser that starts. The guide is Markdown; this shows as much of
 * Markdown as the guide uses (headings, emphasis, code, lists, tables,
 * links by their text, pictures by their description), read line by line.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-App"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rpt-help-window.h"

struct _RptHelpWindow
{
  AdwWindow     parent_instance;

  GtkLabel     *note_label;
  GtkTextView  *text_view;

  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (RptHelpWindow, rpt_help_window, ADW_TYPE_WINDOW)

/* ---- Markdown, as far as the guide goes ---- */

static void
ensure_tags (GtkTextBuffer *buffer)
{
  PangoTabArray *tabs;

  if (gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "h1") != NULL)
    return;
  gtk_text_buffer_create_tag (buffer, "h1", "weight", PANGO_WEIGHT_BOLD, "scale", 1.6,
                              "pixels-below-lines", 12, NULL);
  gtk_text_buffer_create_tag (buffer, "h2", "weight", PANGO_WEIGHT_BOLD, "scale", 1.35,
                              "pixels-above-lines", 18, "pixels-below-lines", 8, NULL);
  gtk_text_buffer_create_tag (buffer, "h3", "weight", PANGO_WEIGHT_BOLD, "scale", 1.15,
                              "pixels-above-lines", 12, "pixels-below-lines", 6, NULL);
  gtk_text_buffer_create_tag (buffer, "paragraph", "pixels-below-lines", 10, NULL);
  /* A hanging bullet. */
  gtk_text_buffer_create_tag (buffer, "item", "left-margin", 44, "indent", -16,
                              "pixels-below-lines", 6, NULL);
  gtk_text_buffer_create_tag (buffer, "pre", "family", "monospace", "left-margin", 44, NULL);
  /* Table cells line up at one tab stop: the guide's tables have two
   * columns. */
  tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, 300);
  gtk_text_buffer_create_tag (buffer, "row", "tabs", tabs, "left-margin", 44,
                              "pixels-below-lines", 4, NULL);
  pango_tab_array_free (tabs);
  gtk_text_buffer_create_tag (buffer, "bold", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "italic", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (buffer, "code", "family", "monospace", NULL);
  gtk_text_buffer_create_tag (buffer, "picture", "style", PANGO_STYLE_ITALIC, "scale", 0.9, NULL);
}

/* Appends @len bytes of @text with the tags named in @tags (NULLs skipped). */
static void
append (GtkTextBuffer     *buffer,
        const char        *text,
        gssize             len,
        const char *const *tags,
        guint              n_tags)
{
  GtkTextIter start, end;
  int offset;

  if (len == 0)
    return;
  gtk_text_buffer_get_end_iter (buffer, &end);
  offset = gtk_text_iter_get_offset (&end);
  gtk_text_buffer_insert (buffer, &end, text, len);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
  gtk_text_buffer_get_end_iter (buffer, &end);
  for (guint i = 0; i < n_tags; i++)
    if (tags[i] != NULL)
      gtk_text_buffer_apply_tag_by_name (buffer, tags[i], &start, &end);
}

typedef struct
{
  GtkTextBuffer *buffer;
  const char    *block;   /* the tag of the whole line: "paragraph", "h2"… */
  const char    *extra;   /* one more for all of it ("bold" in a table head) */
  gboolean       bold;
  gboolean       italic;
  gboolean       code;
} Inline;

static void
append_inline (Inline     *in,
               const char *text,
               gssize      len)
{
  const char *tags[] = { in->block, in->extra, in->bold ? "bold" : NULL,
                         in->italic ? "italic" : NULL, in->code ? "code" : NULL };

  append (in->buffer, text, len, tags, G_N_ELEMENTS (tags));
}

/* Where the "](target)" of a link or picture whose text starts at @label
 * ends (after its ")"), with the text's end in @label_end; NULL if what
 * follows is no link. */
static const char *
find_link_end (const char  *label,
               const char **label_end)
{
  const char *close = strstr (label, "](");
  const char *end;

  if (close == NULL || memchr (label, '[', (gsize) (close - label)) != NULL)
    return NULL;
  if ((end = strchr (close + 2, ')')) == NULL)
    return NULL;
  *label_end = close;
  return end + 1;
}

/* Appends one line's worth of text (a paragraph, heading, item or cell)
 * with its inline formatting. */
static void
append_formatted (GtkTextBuffer *buffer,
                  const char    *text,
                  const char    *block,
                  const char    *extra)
{
  Inline in = { buffer, block, extra, FALSE, FALSE, FALSE };
  const char *run = text;
  const char *p = text;

  while (*p != '\0')
    {
      const char *label_end = NULL, *after;

      if (*p == '`')
        {
          append_inline (&in, run, p - run);
          in.code = !in.code;
          run = ++p;
        }
      else if (in.code)
        p++;
      else if (p[0] == '*' && p[1] == '*')
        {
          append_inline (&in, run, p - run);
          in.bold = !in.bold;
          run = p += 2;
        }
      else if (p[0] == '*')
        {
          append_inline (&in, run, p - run);
          in.italic = !in.italic;
          run = ++p;
        }
      else if (p[0] == '!' && p[1] == '[' && (after = find_link_end (p + 2, &label_end)) != NULL)
        {
          /* Translators: stands for a picture of the guide, in its text; %.*s is what it shows */
          g_autofree char *picture = g_strdup_printf (_("[Picture: %.*s]"), (int) (label_end - p - 2), p + 2);
          const char *tags[] = { block, "picture" };

          append_inline (&in, run, p - run);
          append (buffer, picture, -1, tags, G_N_ELEMENTS (tags));
          run = p = after;
        }
      else if (p[0] == '[' && (after = find_link_end (p + 1, &label_end)) != NULL)
        {
          /* A link: its text, not where it leads. */
          append_inline (&in, run, p - run);
          append_inline (&in, p + 1, label_end - p - 1);
          run = p = after;
        }
      else
        p = g_utf8_next_char (p);
    }
  append_inline (&in, run, p - run);
}

typedef struct
{
  GtkTextBuffer *buffer;
  GString       *paragraph;   /* the lines read so far, joined by spaces */
  gboolean       item;        /* … which are a list item */
  gboolean       in_table;
  gboolean       in_code;
  gboolean       in_comment;  /* <!-- … -->, for the guide's editors */
} Renderer;

static void
end_line (GtkTextBuffer *buffer,
          const char    *block)
{
  const char *tags[] = { block };

  append (buffer, "\n", 1, tags, 1);
}

static void
flush_paragraph (Renderer *r)
{
  const char *block = r->item ? "item" : "paragraph";

  if (r->paragraph->len > 0)
    {
      if (r->item)
        {
          const char *tags[] = { block };

          append (r->buffer, "•  ", -1, tags, 1);
        }
      append_formatted (r->buffer, r->paragraph->str, block, NULL);
      end_line (r->buffer, block);
    }
  g_string_truncate (r->paragraph, 0);
  r->item = FALSE;
}

static gboolean
is_table_rule (const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    if (strchr ("|-: ", *p) == NULL)
      return FALSE;
  return TRUE;
}

/* "| a | b |": the cells, a tab between them; the first row bold. */
static void
append_row (Renderer   *r,
            const char *line)
{
  g_auto(GStrv) cells = g_strsplit (line, "|", -1);
  const char *extra = r->in_table ? NULL : "bold";
  gboolean first = TRUE;

  r->in_table = TRUE;
  if (is_table_rule (line))
    return;
  /* The first and last pieces are what lies outside the outer bars. */
  for (guint i = 1; cells[i] != NULL && cells[i + 1] != NULL; i++)
    {
      if (!first)
        {
          const char *tags[] = { "row" };

          append (r->buffer, "\t", 1, tags, 1);
        }
      append_formatted (r->buffer, g_strstrip (cells[i]), "row", extra);
      first = FALSE;
    }
  end_line (r->buffer, "row");
}

static void
render_line (Renderer *r,
             char     *line)
{
  char *text = line;
  guint level = 0;

  /* Leading spaces: a list item's next line, or code's own indent. */
  while (*text == ' ' || *text == '\t')
    text++;

  if (r->in_comment || g_str_has_prefix (text, "<!--"))
    {
      flush_paragraph (r);
      r->in_comment = strstr (text, "-->") == NULL;
      return;
    }
  if (r->in_code || g_str_has_prefix (text, "```"))
    {
      const char *tags[] = { "pre" };

      flush_paragraph (r);
      if (g_str_has_prefix (text, "```"))
        r->in_code = !r->in_code;
      else
        {
          append (r->buffer, line, -1, tags, 1);
          end_line (r->buffer, "pre");
        }
      return;
    }
  if (text[0] != '|')
    r->in_table = FALSE;

  if (text[0] == '\0')
    flush_paragraph (r);
  else if (text[0] == '#')
    {
      const char *heading;

      flush_paragraph (r);
      while (text[level] == '#')
        level++;
      heading = level == 1 ? "h1" : level == 2 ? "h2" : "h3";
      append_formatted (r->buffer, g_strchug (text + level), heading, NULL);
      end_line (r->buffer, heading);
    }
  else if (text[0] == '|')
    {
      flush_paragraph (r);
      append_row (r, text);
    }
  else if ((text[0] == '-' || text[0] == '*') && text[1] == ' ')
    {
      flush_paragraph (r);
      r->item = TRUE;
      g_string_append (r->paragraph, text + 2);
    }
  else
    {
      if (r->paragraph->len > 0)
        g_string_append_c (r->paragraph, ' ');
      g_string_append (r->paragraph, text);
    }
}

void
rpt_help_window_render (GtkTextBuffer *buffer,
                        const char    *markdown)
{
  g_auto(GStrv) lines = NULL;
  Renderer r = { buffer, g_string_new (NULL), FALSE, FALSE, FALSE, FALSE };

  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));
  g_return_if_fail (markdown != NULL);

  ensure_tags (buffer);
  gtk_text_buffer_set_text (buffer, "", 0);
  lines = g_strsplit (markdown, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize len = strlen (lines[i]);

      if (len > 0 && lines[i][len - 1] == '\r')
        lines[i][len - 1] = '\0';
      render_line (&r, lines[i]);
    }
  flush_paragraph (&r);
  g_string_free (r.paragraph, TRUE);
}

/* ---- The window ---- */

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  RptHelpWindow *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_parse_name (G_FILE (source));
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      /* Cancelled: the window is gone. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self = RPT_HELP_WINDOW (user_data);
      {
        /* Translators: %s is a file name, then the reason */
        g_autofree char *message = g_strdup_printf (_("Cannot read the guide %s: %s"), name, error->message);

        gtk_label_set_text (self->note_label, message);
      }
      return;
    }
  self = RPT_HELP_WINDOW (user_data);
  if (!g_utf8_validate (contents, (gssize) length, NULL))
    {
      /* Translators: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Cannot read the guide %s: it is not UTF-8 text"), name);

      gtk_label_set_text (self->note_label, message);
      return;
    }
  rpt_help_window_render (gtk_text_view_get_buffer (self->text_view), contents);
}

static void
rpt_help_window_dispose (GObject *object)
{
  RptHelpWindow *self = RPT_HELP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_HELP_WINDOW);

  G_OBJECT_CLASS (rpt_help_window_parent_class)->dispose (object);
}

static void
rpt_help_window_class_init (RptHelpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_help_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/repartee/Repartee/rpt-help-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RptHelpWindow, note_label);
  gtk_widget_class_bind_template_child (widget_class, RptHelpWindow, text_view);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rpt_help_window_init (RptHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
rpt_help_window_new (GtkWindow *parent,
                     GFile     *guide)
{
  RptHelpWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (guide), NULL);

  self = g_object_new (RPT_TYPE_HELP_WINDOW, "transient-for", parent, NULL);
  g_file_load_contents_async (guide, self->cancellable, on_loaded, self);
  return GTK_WIDGET (self);
}
