/* rpt-id-minter.c: making the ids of new annotations, relations, articles,
 * labels and speakers. The serial counter starts above every "a<N>" and
 * "r<N>" loaded, so that an id is never reused within a project.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Model"

#include "config.h"

#include "rpt-core-private.h"
#include "rpt-id-minter-private.h"

struct _RptIdMinter
{
  guint64     next_serial;    /* for a<N> and r<N> ids */
  GHashTable *document_hints; /* for _rpt_id_next_free(); emptied when an article goes */

  /* The project's, borrowed. */
  GHashTable *documents;
  GHashTable *labels;
  GHashTable *speakers;
  GHashTable *annotations;
  GHashTable *orphans;
  GHashTable *relations;
};

RptIdMinter *
_rpt_id_minter_new (GHashTable *documents,
                    GHashTable *labels,
                    GHashTable *speakers,
                    GHashTable *annotations,
                    GHashTable *orphans,
                    GHashTable *relations)
{
  RptIdMinter *self = g_new0 (RptIdMinter, 1);

  self->next_serial = 1;
  self->document_hints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->documents = documents;
  self->labels = labels;
  self->speakers = speakers;
  self->annotations = annotations;
  self->orphans = orphans;
  self->relations = relations;
  return self;
}

void
_rpt_id_minter_free (RptIdMinter *self)
{
  g_hash_table_unref (self->document_hints);
  g_free (self);
}

char *
_rpt_id_minter_serial (RptIdMinter *self,
                       const char  *prefix)
{
  for (;;)
    {
      char *id = g_strdup_printf ("%s%" G_GUINT64_FORMAT, prefix, self->next_serial++);

      if (!g_hash_table_contains (self->annotations, id) &&
          !g_hash_table_contains (self->orphans, id) &&
          !g_hash_table_contains (self->relations, id))
        return id;
      g_free (id);
    }
}

void
_rpt_id_minter_note_serial (RptIdMinter *self,
                            const char  *id,
                            char         prefix)
{
  char *end = NULL;
  guint64 n;

  if (id[0] != prefix || !g_ascii_isdigit (id[1]))
    return;
  n = g_ascii_strtoull (id + 1, &end, 10);
  if (*end == '\0' && n >= self->next_serial && n < G_MAXUINT64)
    self->next_serial = n + 1;
}

/* Ids made from names stay short, far below RPT_MAX_ID_BYTES even with a
 * "-N" suffix, so that whatever the user types gives a loadable file. */
#define MAX_SLUG_BYTES 64

/* "Diplomatic signal" -> "diplomatic-signal"; unique among @taken's keys.
 * @hints as for _rpt_id_next_free (). */
static char *
unique_slug (GHashTable *taken,
             GHashTable *hints,
             const char *name,
             const char *fallback)
{
  g_autoptr(GString) slug = g_string_new (NULL);
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_autofree char *base = NULL;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (slug->len + g_unichar_to_utf8 (c, NULL) > MAX_SLUG_BYTES)
            break;
          g_string_append_unichar (slug, c);
        }
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  base = g_strdup (slug->len > 0 ? slug->str : fallback);

  if (!g_hash_table_contains (taken, base))
    return g_steal_pointer (&base);
  return _rpt_id_next_free (taken, hints, base, 2);
}

char *
_rpt_id_minter_document_id (RptIdMinter *self,
                            const char  *name)
{
  /* The project's own table, not a copy, and hints: adding ten thousand
   * "notes.txt" from as many folders must not count from "notes-2" for
   * each. */
  return unique_slug (self->documents, self->document_hints, name, "article");
}

char *
_rpt_id_minter_label_id (RptIdMinter *self,
                         const char  *name)
{
  return unique_slug (self->labels, NULL, name, "label");
}

char *
_rpt_id_minter_speaker_id (RptIdMinter *self,
                           const char  *name)
{
  return unique_slug (self->speakers, NULL, name, "speaker");
}

void
_rpt_id_minter_document_removed (RptIdMinter *self)
{
  /* The hints only hold while nothing is removed from the table. */
  g_hash_table_remove_all (self->document_hints);
}

char *
_rpt_id_slug (GHashTable *taken,
              const char *name,
              const char *fallback)
{
  return unique_slug (taken, NULL, name, fallback);
}
