/* rpt-bench-gen.c: deterministic workloads for repartee-bench.
 *
 * The text is made from an invented vocabulary and a few sentence templates
 * (no third-party article is used), with some non-ASCII letters, curly
 * quotes, dashes and an occasional character outside the BMP so that offset
 * conversions are exercised. Annotations start on word boundaries, most are
 * a few words long and about one in ten spans many words, overlapping its
 * neighbours. Every fifth annotation answers the one before it (a relation).
 *
 * The file is written directly (the core API would stamp the current time
 * into every annotation) in exactly the layout of rpt-project-writer.c; the
 * generator's test checks that loading and saving it gives the same bytes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "rpt-anchor.h"
#include "rpt-bench-gen.h"
#include "rpt-json-writer.h"

/* The ordinary articles of M, L and XL have the same size and density, so
 * that cost per annotation can be compared across them. Long starts with
 * one ordinary article, so that showing the long ones is a switch. */
static const RptBenchWorkload workloads[] = {
  { "S", "5 articles of about 4 KB, 250 annotations", 5, 4096, 50, 0, 0, 0, 0 },
  { "M", "100 articles, 10,000 annotations", 100, 5000, 100, 0, 0, 0, 0 },
  { "L", "1,000 articles (about 5 MB of text), 100,000 annotations, 20,000 relations",
    1000, 5000, 100, 0, 0, 0, 0 },
  { "XL", "10,000 articles, 1,000,000 annotations", 10000, 5000, 100, 0, 0, 0, 0 },
  { "Long", "a 1 MB article with 20,000 annotations and a 200,000-character paragraph",
    1, 5000, 100, 1000000, 20000, 200000, 4000 },
};

const RptBenchWorkload *
rpt_bench_workloads (guint *n_workloads)
{
  *n_workloads = G_N_ELEMENTS (workloads);
  return workloads;
}

const RptBenchWorkload *
rpt_bench_workload_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (workloads); i++)
    if (g_ascii_strcasecmp (workloads[i].name, name) == 0)
      return &workloads[i];
  return NULL;
}

guint
rpt_bench_workload_n_annotations (const RptBenchWorkload *w)
{
  return w->n_articles * w->annotations_per_article +
         (w->big_bytes > 0 ? w->big_annotations : 0) +
         (w->paragraph_chars > 0 ? w->paragraph_annotations : 0);
}

guint
rpt_bench_workload_n_relations (const RptBenchWorkload *w)
{
  guint n = w->n_articles * (w->annotations_per_article / RPT_BENCH_ANNOTATIONS_PER_RELATION);

  if (w->big_bytes > 0)
    n += w->big_annotations / RPT_BENCH_ANNOTATIONS_PER_RELATION;
  if (w->paragraph_chars > 0)
    n += w->paragraph_annotations / RPT_BENCH_ANNOTATIONS_PER_RELATION;
  return n;
}

/* ---- A small, portable random source (splitmix64) ---- */

typedef struct { guint64 state; } Rng;

static guint64
rng_next (Rng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static guint
rng_below (Rng  *rng,
           guint n)
{
  return n > 1 ? (guint) (rng_next (rng) % n) : 0;
}

#define PICK(rng, array) ((array)[rng_below ((rng), G_N_ELEMENTS (array))])

/* ---- Vocabulary (invented for the benchmark) ---- */

static const struct { const char *id, *name, *short_name; } speakers[] = {
  { "varga", "Minister Ilona Varga", "Varga" },
  { "olsen", "Ambassador Tor Olsen", "Olsen" },
  { "haldane", "Secretary Ruth Haldane", "Haldane" },
  { "ilic", "Spokeswoman Mira Ilić", "Ilić" },
  { "okafor", "Envoy Chidi Okafor", "Okafor" },
  { "lindqvist", "Commissioner Åsa Lindqvist", "Lindqvist" },
  { "moreau", "Deputy Minister Léon Moreau", "Moreau" },
  { "tanaka", "Adviser Ken Tanaka", "Tanaka" },
};

static const char *subjects[] = {
  "the delegation", "both governments", "the committee", "the trade council",
  "the northern ports", "our side", "their ministry", "the inspectors",
  "the fishing fleet", "the joint commission", "nobody in the room",
  "the previous agreement", "the coalition", "the harbour authority",
};

static const char *verbs[] = {
  "had agreed to", "would never accept", "was ready to discuss", "could not confirm",
  "had already rejected", "might reconsider", "was still studying", "strongly supported",
  "had quietly dropped", "wanted to revisit", "refused to comment on", "had misread",
};

static const char *objects[] = {
  "the new tariff schedule", "a joint inspection of the harbour", "the fishing quota",
  "the proposed summit in Lérida", "the visa arrangement", "the pipeline route",
  "the exchange of prisoners", "the border survey", "the grain corridor",
  "the draft communiqué", "the cultural festival", "the weather, of all things",
  "the naïve optimism of the press", "the ferry timetable",
};

static const char *modifiers[] = {
  "", "", "", " before the end of the year", " without preconditions", " in good faith",
  " under any circumstances", " — at least for now", " next spring", " as soon as possible",
  " if the other side agreed", " once the report was published",
};

static const char *manners[] = {
  "smiling", "without looking up", "to laughter in the hall", "after a long pause",
  "raising an eyebrow", "with a wink 😉", "tapping the lectern", "in a low voice",
};

static const char *topics[] = {
  "the harbour dispute", "the tariff row", "the summit date", "the leaked memo",
  "the fishing rights", "the visa talks", "the football match", "the grain deal",
  "the translator’s mistake", "the empty chairs", "the sanctions list", "the café meeting",
};

static const char *notes[] = {
  "check against the transcript", "tone is ironic", "quoted second-hand",
  "translation uncertain — see the video", "answer to a question from the floor",
  "possibly paraphrased by the reporter",
};

static const char *authors[] = { "Noor Haddad", "Piet de Vries", "Ana Souza" };

/* The four default labels, as rpt_project_new() makes them in English. */
static const struct { const char *id, *name, *color, *description; } labels[] = {
  { "claim", "Claim", "#3584e4", "A statement put forward as true" },
  { "rebuttal", "Rebuttal", "#e01b24", "An answer that disputes a claim" },
  { "joke", "Joke", "#f5c211", "Something said in jest" },
  { "diplomatic-signal", "Diplomatic signal", "#2ec27e", "A message about relations between the parties" },
};
enum { CLAIM, REBUTTAL, JOKE, SIGNAL };

static const char *relation_types[] = { "rebuts", "responds-to", "supports" };

/* ---- Text ---- */

static void
append_clause (GString *out,
               Rng     *rng,
               gboolean capital)
{
  const char *subject = PICK (rng, subjects);

  if (capital)
    {
      g_string_append_c (out, g_ascii_toupper (subject[0]));
      g_string_append (out, subject + 1);
    }
  else
    g_string_append (out, subject);
  g_string_append_c (out, ' ');
  g_string_append (out, PICK (rng, verbs));
  g_string_append_c (out, ' ');
  g_string_append (out, PICK (rng, objects));
  g_string_append (out, PICK (rng, modifiers));
}

static void
append_sentence (GString *out,
                 Rng     *rng)
{
  const char *who = PICK (rng, speakers).short_name;
  const char *other = PICK (rng, speakers).short_name;

  switch (rng_below (rng, 10))
    {
    case 0:
      g_string_append_printf (out, "%s said ", who);
      append_clause (out, rng, FALSE);
      g_string_append_c (out, '.');
      break;
    case 1:
      g_string_append_printf (out, "%s told reporters that ", who);
      append_clause (out, rng, FALSE);
      g_string_append_c (out, '.');
      break;
    case 2:
      g_string_append (out, "“");
      append_clause (out, rng, TRUE);
      g_string_append_printf (out, ",” %s replied.", who);
      break;
    case 3:
      g_string_append (out, "“");
      append_clause (out, rng, TRUE);
      g_string_append_printf (out, ",” %s said, %s.", who, PICK (rng, manners));
      break;
    case 4:
      g_string_append_printf (out, "Asked about %s, %s said ", PICK (rng, topics), who);
      append_clause (out, rng, FALSE);
      g_string_append_c (out, '.');
      break;
    case 5:
      g_string_append_printf (out, "%s insisted that ", who);
      append_clause (out, rng, FALSE);
      g_string_append_printf (out, ", a point %s disputed.", other);
      break;
    case 6:
      g_string_append_printf (out, "According to %s, ", who);
      append_clause (out, rng, FALSE);
      g_string_append_c (out, '.');
      break;
    case 7:
      g_string_append_printf (out, "The exchange over %s lasted %u minutes.",
                              PICK (rng, topics), 2 + rng_below (rng, 40));
      break;
    case 8:
      g_string_append_printf (out, "%s dismissed the idea: “", who);
      append_clause (out, rng, TRUE);
      g_string_append (out, ".”");
      break;
    default:
      g_string_append (out, "Reporters noted that ");
      append_clause (out, rng, FALSE);
      g_string_append (out, "; \"no comment\" was the reply.");
      break;
    }
}

/* Paragraphs of 3 to 7 sentences until the text has @bytes bytes. */
static char *
make_article (Rng   *rng,
              guint  bytes)
{
  GString *out = g_string_sized_new (bytes + 512);

  while (out->len < bytes)
    {
      guint n = 3 + rng_below (rng, 5);

      if (out->len > 0)
        g_string_append (out, "\n\n");
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append_c (out, ' ');
          append_sentence (out, rng);
        }
    }
  return g_string_free (out, FALSE);
}

/* One paragraph of exactly @chars characters. */
static char *
make_paragraph (Rng   *rng,
                guint  chars)
{
  GString *out = g_string_sized_new (chars + chars / 8);
  const char *cut;

  while (g_utf8_strlen (out->str, out->len) < chars)
    {
      for (guint i = 0; i < 64; i++)
        {
          if (out->len > 0)
            g_string_append_c (out, ' ');
          append_sentence (out, rng);
        }
    }
  cut = g_utf8_offset_to_pointer (out->str, chars - 1);
  g_string_truncate (out, cut - out->str);
  g_string_append_c (out, '.');
  return g_string_free (out, FALSE);
}

/* ---- Annotations ---- */

typedef struct
{
  guint  start, end;
  gint8  label, speaker, note, author;
  gint64 created, modified;   /* seconds */
} Ann;

typedef struct
{
  guint type, from, to;       /* global annotation indices */
} Rel;

typedef struct
{
  char   *id;
  char   *title;
  char   *source;
  char   *text;
  guint   first_annotation;
  guint   n_annotations;
} Doc;

/* Code point offsets of word starts and ends (a word: a run of non-space). */
static void
find_words (const char *text,
            GArray     *starts,
            GArray     *ends)
{
  gboolean in_word = FALSE;
  guint offset = 0;

  g_array_set_size (starts, 0);
  g_array_set_size (ends, 0);
  for (const char *p = text; *p; p = g_utf8_next_char (p), offset++)
    {
      gboolean space = (*p == ' ' || *p == '\n');

      if (!space && !in_word)
        g_array_append_val (starts, offset);
      else if (space && in_word)
        g_array_append_val (ends, offset);
      in_word = !space;
    }
  if (in_word)
    g_array_append_val (ends, offset);
}

static gint8
random_label (Rng *rng)
{
  guint r = rng_below (rng, 100);

  return r < 40 ? CLAIM : r < 60 ? REBUTTAL : r < 75 ? JOKE : SIGNAL;
}

static void
annotate (Rng    *rng,
          Doc    *doc,
          guint   n,
          gint64  base_time,
          GArray *anns,
          GArray *rels,
          GArray *starts,
          GArray *ends)
{
  guint n_words, slot;

  find_words (doc->text, starts, ends);
  n_words = starts->len;
  n = MIN (n, n_words);
  slot = n > 0 ? n_words / n : 0;
  doc->first_annotation = anns->len;
  doc->n_annotations = n;

  for (guint i = 0; i < n; i++)
    {
      guint first = i * slot + rng_below (rng, slot);
      guint words = 1 + rng_below (rng, 8);
      guint last;
      Ann ann;

      if (rng_below (rng, 10) == 0)
        words += 8 + rng_below (rng, 16);
      last = MIN (first + words - 1, n_words - 1);

      ann.start = g_array_index (starts, guint, first);
      ann.end = g_array_index (ends, guint, last);
      ann.label = random_label (rng);
      ann.speaker = rng_below (rng, 100) < 88 ? (gint8) rng_below (rng, G_N_ELEMENTS (speakers)) : -1;
      ann.note = rng_below (rng, 100) < 8 ? (gint8) rng_below (rng, G_N_ELEMENTS (notes)) : -1;
      ann.author = (gint8) rng_below (rng, G_N_ELEMENTS (authors));
      ann.created = base_time + (gint64) i * 37;
      ann.modified = ann.created + (rng_below (rng, 4) == 0 ? 120 : 0);

      /* Pairs (5m, 5m + 1): a claim and what answers it. */
      if (i % RPT_BENCH_ANNOTATIONS_PER_RELATION == 1)
        {
          Ann *claim = &g_array_index (anns, Ann, anns->len - 1);
          Rel rel;
          guint r = rng_below (rng, 10);

          rel.type = r < 7 ? 0 : r < 9 ? 1 : 2;
          rel.from = anns->len;
          rel.to = anns->len - 1;
          claim->label = rng_below (rng, 100) < 85 ? CLAIM : SIGNAL;
          ann.label = rel.type == 0 ? REBUTTAL : rel.type == 2 ? CLAIM : random_label (rng);
          if (ann.speaker >= 0 && ann.speaker == claim->speaker)
            ann.speaker = (ann.speaker + 1) % G_N_ELEMENTS (speakers);
          g_array_append_val (rels, rel);
        }
      g_array_append_val (anns, ann);
    }
}

/* ---- Writing, in the layout of rpt-project-writer.c ---- */

static void
begin_array (GString *out, const char *name, guint n)
{
  g_string_append_printf (out, "  \"%s\": [", name);
  if (n > 0)
    g_string_append_c (out, '\n');
}

static void
end_array (GString *out, guint n, gboolean last)
{
  if (n > 0)
    g_string_append (out, "  ");
  g_string_append (out, last ? "]\n" : "],\n");
}

static void
end_item (GString *out, gboolean last)
{
  g_string_append (out, last ? "}\n" : "},\n");
}

/* "quote", "prefix" and "suffix" as the writer puts them: the span and
 * RPT_ANCHOR_CONTEXT_CHARS code points each side. Spans come in order of
 * their start, so *cursor (at code point *cursor_offset) only moves on. */
static void
write_anchor (GString     *out,
              const char  *text,
              const char **cursor,
              guint       *cursor_offset,
              guint        start,
              guint        end)
{
  const char *p_start, *p_end, *before, *after;

  while (*cursor_offset < start)
    {
      *cursor = g_utf8_next_char (*cursor);
      (*cursor_offset)++;
    }
  p_start = *cursor;
  p_end = g_utf8_offset_to_pointer (p_start, end - start);
  before = p_start;
  after = p_end;
  for (guint i = 0; i < RPT_ANCHOR_CONTEXT_CHARS && before > text; i++)
    before = g_utf8_prev_char (before);
  for (guint i = 0; i < RPT_ANCHOR_CONTEXT_CHARS && *after; i++)
    after = g_utf8_next_char (after);

  g_string_append (out, ", \"quote\": ");
  rpt_json_append_string_len (out, p_start, p_end - p_start);
  g_string_append (out, ", \"prefix\": ");
  rpt_json_append_string_len (out, before, p_start - before);
  g_string_append (out, ", \"suffix\": ");
  rpt_json_append_string_len (out, p_end, after - p_end);
}

static void
write_file (GString *out,
            Doc     *docs,
            guint    n_docs,
            GArray  *anns,
            GArray  *rels)
{
  const char *cursor = NULL;

  g_string_append (out, "{\n  \"format\": \"repartee-project\",\n  \"version\": 1,\n");

  begin_array (out, "labels", G_N_ELEMENTS (labels));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_string_append (out, "    {");
      rpt_json_append_member_string (out, "id", labels[i].id);
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "name", labels[i].name);
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "color", labels[i].color);
      g_string_append (out, ", ");
      rpt_json_append_member_uint (out, "shortcut", i + 1);
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "description", labels[i].description);
      end_item (out, i + 1 == G_N_ELEMENTS (labels));
    }
  end_array (out, G_N_ELEMENTS (labels), FALSE);

  begin_array (out, "speakers", G_N_ELEMENTS (speakers));
  for (guint i = 0; i < G_N_ELEMENTS (speakers); i++)
    {
      g_string_append (out, "    {");
      rpt_json_append_member_string (out, "id", speakers[i].id);
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "name", speakers[i].name);
      end_item (out, i + 1 == G_N_ELEMENTS (speakers));
    }
  end_array (out, G_N_ELEMENTS (speakers), FALSE);

  begin_array (out, "documents", n_docs);
  for (guint d = 0; d < n_docs; d++)
    {
      g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, docs[d].text, -1);

      g_string_append (out, "    {");
      rpt_json_append_member_string (out, "id", docs[d].id);
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "title", docs[d].title);
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "source", docs[d].source);
      g_string_append (out, ", ");
      rpt_json_append_member_string (out, "sha256", sha);
      g_string_append (out, ",\n     \"text\": ");
      rpt_json_append_string (out, docs[d].text);
      end_item (out, d + 1 == n_docs);
    }
  end_array (out, n_docs, FALSE);

  begin_array (out, "annotations", anns->len);
  for (guint d = 0; d < n_docs; d++)
    for (guint k = 0, cursor_offset = 0; k < docs[d].n_annotations; k++)
      {
        guint i = docs[d].first_annotation + k;
        Ann *a = &g_array_index (anns, Ann, i);

        g_string_append_printf (out, "    {\"id\": \"a%u\", ", i + 1);
        rpt_json_append_member_string (out, "document", docs[d].id);
        g_string_append_printf (out, ", \"start\": %u, \"end\": %u, ", a->start, a->end);
        rpt_json_append_member_string (out, "label", labels[a->label].id);
        if (a->speaker >= 0)
          {
            g_string_append (out, ", ");
            rpt_json_append_member_string (out, "speaker", speakers[a->speaker].id);
          }
        g_string_append (out, ", ");
        rpt_json_append_member_string (out, "note", a->note >= 0 ? notes[a->note] : "");
        g_string_append (out, ", ");
        rpt_json_append_member_string (out, "author", authors[a->author]);
        g_string_append (out, ", \"created\": ");
        rpt_json_append_timestamp (out, a->created * G_USEC_PER_SEC);
        g_string_append (out, ", \"modified\": ");
        rpt_json_append_timestamp (out, a->modified * G_USEC_PER_SEC);
        if (k == 0)
          cursor = docs[d].text;
        write_anchor (out, docs[d].text, &cursor, &cursor_offset, a->start, a->end);
        end_item (out, i + 1 == anns->len);
      }
  end_array (out, anns->len, FALSE);

  begin_array (out, "relations", rels->len);
  for (guint i = 0; i < rels->len; i++)
    {
      Rel *r = &g_array_index (rels, Rel, i);

      g_string_append_printf (out, "    {\"id\": \"r%u\", \"type\": \"%s\", \"from\": \"a%u\", \"to\": \"a%u\"",
                              i + 1, relation_types[r->type], r->from + 1, r->to + 1);
      end_item (out, i + 1 == rels->len);
    }
  end_array (out, rels->len, TRUE);
  g_string_append (out, "}\n");
}

GBytes *
rpt_bench_generate (const RptBenchWorkload *w,
                    guint32                 seed)
{
  guint n_big = w->big_bytes > 0 ? 1 : 0;
  guint n_docs = w->n_articles + n_big + (w->paragraph_chars > 0 ? 1 : 0);
  g_autoptr(GArray) anns = g_array_new (FALSE, FALSE, sizeof (Ann));
  g_autoptr(GArray) rels = g_array_new (FALSE, FALSE, sizeof (Rel));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));
  Doc *docs = g_new0 (Doc, n_docs);
  gsize guess = 4096;
  GString *out;
  /* 2025-03-01T09:00:00Z */
  const gint64 base_time = G_GINT64_CONSTANT (1740819600);

  for (guint d = 0; d < n_docs; d++)
    {
      /* Each article has its own stream, so one does not shift the next. */
      Rng rng = { ((guint64) seed << 32) ^ (d * G_GUINT64_CONSTANT (0x2545f4914f6cdd1d)) };
      guint n_annotations;

      docs[d].id = g_strdup_printf ("d%u", d + 1);
      if (d >= w->n_articles + n_big)
        {
          docs[d].title = g_strdup_printf ("One paragraph of %u characters", w->paragraph_chars);
          docs[d].text = make_paragraph (&rng, w->paragraph_chars);
          n_annotations = w->paragraph_annotations;
        }
      else if (d >= w->n_articles)
        {
          docs[d].title = g_strdup_printf ("A long article of %u bytes", w->big_bytes);
          docs[d].text = make_article (&rng, w->big_bytes);
          n_annotations = w->big_annotations;
        }
      else
        {
          const char *topic = PICK (&rng, topics);

          docs[d].title = g_strdup_printf ("Bench article %u: %c%s", d + 1,
                                           g_ascii_toupper (topic[0]), topic + 1);
          docs[d].text = make_article (&rng, w->article_bytes);
          n_annotations = w->annotations_per_article;
        }
      docs[d].source = g_strdup_printf ("https://example.org/bench/%s/%u", w->name, d + 1);
      annotate (&rng, &docs[d], n_annotations, base_time + (gint64) d * 3600, anns, rels,
                starts, ends);
      guess += strlen (docs[d].text) + 256;
    }

  guess += anns->len * 240 + rels->len * 72;
  out = g_string_sized_new (guess);
  write_file (out, docs, n_docs, anns, rels);

  for (guint d = 0; d < n_docs; d++)
    {
      g_free (docs[d].id);
      g_free (docs[d].title);
      g_free (docs[d].source);
      g_free (docs[d].text);
    }
  g_free (docs);

  return g_string_free_to_bytes (out);
}

gboolean
rpt_bench_generate_file (const RptBenchWorkload *workload,
                         guint32                 seed,
                         const char             *path,
                         GError                **error)
{
  g_autoptr(GBytes) bytes = rpt_bench_generate (workload, seed);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_file_set_contents (path, data, (gssize) len, error);
}
