/* rpt-summary-match.c: recognises the same statement reported by several
 * articles. Each statement is cut into normalised words once
 * (rpt-summary-words.c); statements are then taken label by label, longest
 * first, and each joins the best matching group whose fullest wording (its
 * first, longest, statement) it matches, or starts a group of its own.
 * Candidates come from an inverted index of the groups' words, looked up by
 * the statement's rarest words only, so grouping stays close to linear. The
 * rules are in docs/SUMMARY.md.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Summary"

#include "config.h"

#include <string.h>

#include "rpt-summary-private.h"
#include "rpt-summary-words.h"

/* A group in a word's postings, with a 64-bit Bloom signature of its
 * fullest wording's words: most candidates are turned away by it without
 * touching the group itself. */
typedef struct
{
  guint64 signature;
  guint32 group;
} Posting;

typedef struct
{
  Posting *data;
  guint32  len;
  guint32  cap;
} Postings;

static inline guint
signature_bit (guint32 word)
{
  return (word * 2654435761u) >> 26;
}

/* Aligns @a (the shorter) with @b by their longest common subsequence of
 * words and decides whether they report the same statement:
 *  - no word of one is replaced by a different word of the other (a gap
 *    with unmatched words on both sides), so "the British referendum" never
 *    matches "the American referendum";
 *  - the words that are in one and not the other, inside the stretch they
 *    share, number at most 1 + L/10 (L: words in common), and none of them
 *    is a negation;
 *  - words of the longer one beyond that stretch (a quote cut short) are
 *    free when at least RPT_MATCH_MIN_FRAGMENT_WORDS words are in common,
 *    and count as differences otherwise; a negation among the two words
 *    on either side of the stretch is never free;
 *  - at least two words are in common, or both are the same single word.
 * The score, to pick the best group, is L / (words in either). */
static gboolean
match_pair (RptMatcher    *m,
            const guint32 *a,
            guint          na,
            const guint32 *b,
            guint          nb,
            double        *score)
{
  const RptMatchWord *words = (const RptMatchWord *) m->words->data;
  guint stride = nb + 1;
  guint lcs, i, j, ga, gb, edits = 0, outer = 0, b_first = 0, b_last = 0;
  gboolean first = TRUE, replaced = FALSE;
  gboolean gap_negation = FALSE, lead_negation = FALSE, negation = FALSE;

  if (na == 0 || nb == 0)
    return FALSE;
  if (na > RPT_MATCH_MAX_WORDS || nb > RPT_MATCH_MAX_WORDS)
    {
      *score = 1.0;
      return na == nb && memcmp (a, b, na * sizeof (guint32)) == 0;
    }

  if (m->dp_size < (gsize) (na + 1) * stride)
    {
      m->dp_size = (gsize) (na + 1) * stride;
      g_free (m->dp);
      m->dp = g_new (guint16, m->dp_size);
    }
  /* dp[i][j]: the longest common subsequence of a[i..] and b[j..]. */
  for (j = 0; j <= nb; j++)
    m->dp[na * stride + j] = 0;
  for (i = na; i-- > 0;)
    {
      guint16 *row = m->dp + i * stride, *below = row + stride;

      row[nb] = 0;
      for (j = nb; j-- > 0;)
        row[j] = a[i] == b[j] ? below[j + 1] + 1 : MAX (below[j], row[j + 1]);
    }
  lcs = m->dp[0];
  if (lcs == na && na == nb)
    {
      *score = 1.0;
      return TRUE;
    }
  if (lcs < 2)
    return FALSE;

  /* Walk one optimal alignment, gap by gap. */
  i = j = ga = gb = 0;
  while (i < na || j < nb)
    {
      if (i < na && j < nb && a[i] == b[j])
        {
          if (ga > 0 && gb > 0)
            replaced = TRUE;
          if (first)
            {
              outer += gb;
              lead_negation = gap_negation;
            }
          else
            {
              edits += gb;
              negation |= gap_negation;
            }
          if (first)
            b_first = j;
          b_last = j;
          first = FALSE;
          ga = gb = 0;
          gap_negation = FALSE;
          i++, j++;
        }
      else if (j >= nb || (i < na && m->dp[(i + 1) * stride + j] >= m->dp[i * stride + j + 1]))
        {
          ga++;
          edits++;
          negation |= words[a[i]].negation;
          i++;
        }
      else
        {
          gb++;
          gap_negation |= words[b[j]].negation;
          j++;
        }
    }
  if (ga > 0 && gb > 0)
    replaced = TRUE;
  outer += gb;
  if (lcs < RPT_MATCH_MIN_FRAGMENT_WORDS)
    {
      edits += outer;
      negation |= lead_negation || gap_negation;
    }
  /* A negation just outside the shared stretch reverses the fragment:
   * "ready to sign" is not "we are not ready to sign". */
  for (j = b_first >= 2 ? b_first - 2 : 0; j < b_first; j++)
    negation |= words[b[j]].negation;
  for (j = b_last + 1; j < nb && j <= b_last + 2; j++)
    negation |= words[b[j]].negation;

  if (replaced || negation || edits > 1 + lcs / 10)
    return FALSE;
  *score = (double) lcs / (double) (na + nb - lcs);
  return TRUE;
}

typedef struct
{
  guint32 label;
  guint32 len;
  guint32 index;
} OrderKey;

static int
compare_order (gconstpointer pa,
               gconstpointer pb)
{
  const OrderKey *a = pa, *b = pb;

  if (a->label != b->label)
    return a->label < b->label ? -1 : 1;
  if (a->len != b->len)
    return a->len > b->len ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

/* Sorts a few keys in place: statements are short. */
static void
sort_keys (guint64 *keys,
           guint    n)
{
  for (guint i = 1; i < n; i++)
    {
      guint64 key = keys[i];
      guint j = i;

      for (; j > 0 && keys[j - 1] > key; j--)
        keys[j] = keys[j - 1];
      keys[j] = key;
    }
}

typedef struct
{
  const guint32 *seq;             /* the representative's words */
  guint32        len;
  int            speaker;
  guint32        representative;
} Group;

/* Exact duplicates, for statements made only of very common words. */
typedef struct
{
  const guint32 *seq;
  guint32        len;
  guint          label;
  int            speaker;
} ExactKey;

static guint
exact_hash (gconstpointer p)
{
  const ExactKey *k = p;
  guint h = k->label * 31u + (guint) k->speaker;

  for (guint i = 0; i < k->len; i++)
    h = h * 16777619u ^ k->seq[i];
  return h;
}

static gboolean
exact_equal (gconstpointer pa,
             gconstpointer pb)
{
  const ExactKey *a = pa, *b = pb;

  return a->len == b->len && a->label == b->label && a->speaker == b->speaker &&
         memcmp (a->seq, b->seq, a->len * sizeof (guint32)) == 0;
}

/* One run of the grouping: the statements as words, and the groups made so
 * far with the index that finds them by their words. */
typedef struct
{
  RptMatcher          m;
  const RptMatchItem *items;
  guint               n_items;
  guint               n_words;
  Postings           *postings;       /* by word: groups of the current label */
  guint32            *visited;        /* by group: the statement that last looked, plus one */
  guint32            *internal;       /* by statement: its group */
  guint32            *mark;           /* by word: the statement that has it, plus one */
  GArray             *groups;         /* Group */
  guint64            *rare;           /* the statement's words, rarest first */
  guint8             *distinct_bits;  /* their signature bits, one per distinct word */
  GHashTable         *exact;          /* ExactKey -> group */
  ExactKey           *exact_keys;     /* by group */
} Grouping;

/* What one statement is looked up by. */
typedef struct
{
  guint          index;
  guint32        stamp;
  const guint32 *seq;
  guint          len;
  int            speaker;
  guint          min_common;    /* fewest words a match has in common with it */
  guint          n_distinct;
  guint          min_distinct;  /* fewest of its distinct words a match contains */
  guint64        signature;
  gboolean       collisions;    /* two of its words share a signature bit */
} Probe;

/* Cuts every statement into words and counts, for each word, the
 * statements that have it. FALSE when cancelled. */
static gboolean
read_statements (Grouping     *gr,
                 GCancellable *cancellable)
{
  RptMatcher *m = &gr->m;

  m->seq_start = g_new (guint32, gr->n_items);
  m->seq_len = g_new (guint32, gr->n_items);
  for (guint i = 0; i < gr->n_items; i++)
    {
      m->seq_start[i] = m->tokens->len;
      _rpt_matcher_tokenize (m, gr->items[i].text, gr->items[i].len, m->tokens);
      m->seq_len[i] = m->tokens->len - m->seq_start[i];
      if ((i & 4095) == 4095 && g_cancellable_is_cancelled (cancellable))
        return FALSE;
    }

  /* Document frequency of each word. */
  gr->n_words = m->words->len;
  for (guint i = 0; i < gr->n_items; i++)
    {
      const guint32 *seq = (const guint32 *) m->tokens->data + m->seq_start[i];

      for (guint k = 0; k < m->seq_len[i]; k++)
        {
          RptMatchWord *w = &g_array_index (m->words, RptMatchWord, seq[k]);

          if (w->last_seen != i + 1)
            {
              w->last_seen = i + 1;
              w->df++;
            }
        }
    }
  return TRUE;
}

static void
grouping_init (Grouping *gr)
{
  guint longest = 0;

  gr->postings = g_new0 (Postings, gr->n_words);
  gr->visited = g_new0 (guint32, gr->n_items);
  gr->internal = g_new (guint32, gr->n_items);
  gr->mark = g_new0 (guint32, gr->n_words);
  gr->groups = g_array_new (FALSE, FALSE, sizeof (Group));
  gr->exact = g_hash_table_new (exact_hash, exact_equal);
  gr->exact_keys = g_new (ExactKey, gr->n_items);
  for (guint i = 0; i < gr->n_items; i++)
    longest = MAX (longest, gr->m.seq_len[i]);
  gr->rare = g_new (guint64, MAX (longest, 1));
  gr->distinct_bits = g_new (guint8, MAX (longest, 1));
}

static void
grouping_clear (Grouping *gr)
{
  for (guint w = 0; gr->postings && w < gr->n_words; w++)
    g_free (gr->postings[w].data);
  g_free (gr->postings);
  g_free (gr->visited);
  g_free (gr->internal);
  g_free (gr->mark);
  g_clear_pointer (&gr->groups, g_array_unref);
  g_clear_pointer (&gr->exact, g_hash_table_unref);
  g_free (gr->exact_keys);
  g_free (gr->rare);
  g_free (gr->distinct_bits);
  _rpt_matcher_clear (&gr->m);
}

/* Statement @s's words marked, sorted rarest first, and the bounds and
 * signature its candidates are sifted by. */
static void
probe_init (Grouping *gr,
            guint     s,
            Probe    *p)
{
  const RptMatchWord *words = (const RptMatchWord *) gr->m.words->data;
  guint len = gr->m.seq_len[s];

  *p = (Probe) { s, s + 1, (const guint32 *) gr->m.tokens->data + gr->m.seq_start[s], len,
                 gr->items[s].speaker };

  /* Fewest words in common that a match can have: at most 1 + L/10 of
   * the statement's words may be missing from the other. */
  for (p->min_common = 0; len - p->min_common > 1 + p->min_common / 10; p->min_common++)
    ;
  p->min_common = MAX (p->min_common, MIN (len, 2));
  for (guint k = 0; k < len; k++)
    gr->mark[p->seq[k]] = p->stamp;

  /* The statement's distinct words, rarest first. At most 1 + len/10 of
   * them can be missing from a match, so one of the first 2 + len/10 is
   * in it: only those are looked up. */
  for (guint k = 0; k < len; k++)
    gr->rare[k] = ((guint64) words[p->seq[k]].df << 32) | p->seq[k];
  sort_keys (gr->rare, len);

  /* Its signature, and how many of its distinct words a match must
   * contain (the same bound, counted in distinct words). */
  for (guint k = 0; k < len; k++)
    if (k == 0 || gr->rare[k] != gr->rare[k - 1])
      {
        gr->distinct_bits[p->n_distinct++] = signature_bit ((guint32) gr->rare[k]);
        p->signature |= G_GUINT64_CONSTANT (1) << signature_bit ((guint32) gr->rare[k]);
      }
  p->min_distinct = p->n_distinct > 1 + len / 10 ? p->n_distinct - 1 - len / 10 : 0;
  p->collisions = (guint) __builtin_popcountll (p->signature) != p->n_distinct;
}

/* Whether group @g, posted with @other as its signature, is worth
 * aligning with the statement: not looked at yet for it, no other
 * speaker, and enough words in common by the signatures and by a count. */
static gboolean
is_candidate (Grouping    *gr,
              const Probe *p,
              guint        g,
              guint64      other)
{
  const Group *group;
  guint common = 0, misses = 0, max_misses, present = 0;

  /* Words whose bit the other lacks are surely not in it. */
  if (!p->collisions)
    present = (guint) __builtin_popcountll (other & p->signature);
  else
    for (guint i = 0; i < p->n_distinct; i++)
      present += (other >> gr->distinct_bits[i]) & 1;
  if (present < p->min_distinct)
    return FALSE;
  if (gr->visited[g] == p->stamp)
    return FALSE;
  group = &g_array_index (gr->groups, Group, g);
  gr->visited[g] = p->stamp;
  if (group->speaker >= 0 && p->speaker >= 0 && group->speaker != p->speaker)
    return FALSE;
  /* Cheap bound before the alignment: words of the other that occur in
   * this statement at all. */
  if (group->len < p->min_common)
    return FALSE;
  max_misses = group->len - p->min_common;
  for (guint i = 0; i < group->len && common < p->min_common && misses <= max_misses; i++)
    {
      gboolean hit = gr->mark[group->seq[i]] == p->stamp;

      common += hit;
      misses += !hit;
    }
  return common >= p->min_common;
}

/* The group the statement matches best (the lowest number among equals),
 * looked up by its rarest words; G_MAXUINT if none. */
static guint
best_group (Grouping    *gr,
            const Probe *p)
{
  guint best = G_MAXUINT, n_probe = 0;
  double best_score = -1.0;

  /* A single word matches only itself: the exact lookup did that. The
   * first of its words that finds a match ends the search. */
  for (guint k = 0; k < p->len && p->len > 1 && best == G_MAXUINT; k++)
    {
      guint32 w = (guint32) gr->rare[k];
      const Postings *postings = &gr->postings[w];

      if (k > 0 && gr->rare[k] == gr->rare[k - 1])
        continue;
      if (++n_probe > 2 + p->len / 10)
        break;
      if (postings->len > RPT_MATCH_MAX_POSTINGS)
        break;   /* rarest first: the rest are as common */
      for (guint c = 0; c < postings->len; c++)
        {
          guint g = postings->data[c].group;
          const Group *group;
          double score;

          if (!is_candidate (gr, p, g, postings->data[c].signature))
            continue;
          group = &g_array_index (gr->groups, Group, g);
          if (match_pair (&gr->m, p->seq, p->len, group->seq, group->len, &score) &&
              (score > best_score || (score == best_score && g < best)))
            {
              best = g;
              best_score = score;
            }
        }
    }
  return best;
}

/* A group of the statement's own, found by its words from now on. */
static void
add_group (Grouping       *gr,
           const Probe    *p,
           const ExactKey *key)
{
  Group group = { p->seq, p->len, p->speaker, p->index };
  guint g = gr->groups->len;

  g_array_append_val (gr->groups, group);
  gr->internal[p->index] = g;
  gr->exact_keys[g] = *key;
  if (p->len > 0)
    g_hash_table_insert (gr->exact, &gr->exact_keys[g], GUINT_TO_POINTER (g));
  for (guint k = 0; k < p->len; k++)
    {
      Postings *postings = &gr->postings[p->seq[k]];

      if (postings->len > RPT_MATCH_MAX_POSTINGS ||
          (postings->len > 0 && postings->data[postings->len - 1].group == g))
        continue;
      if (postings->len == postings->cap)
        {
          postings->cap = postings->cap ? postings->cap * 2 : 4;
          postings->data = g_renew (Posting, postings->data, postings->cap);
        }
      postings->data[postings->len++] = (Posting) { p->signature, g };
    }
}

/* Numbers the groups by their first statement; returns how many. */
static guint
number_groups (Grouping *gr,
               guint    *out_group,
               GArray   *out_representative)
{
  g_autofree guint32 *renumber = g_new (guint32, gr->groups->len);
  guint n_groups = 0;

  memset (renumber, 0xff, gr->groups->len * sizeof (guint32));
  for (guint i = 0; i < gr->n_items; i++)
    {
      if (renumber[gr->internal[i]] == G_MAXUINT32)
        renumber[gr->internal[i]] = n_groups++;
      out_group[i] = renumber[gr->internal[i]];
    }
  if (out_representative)
    {
      g_array_set_size (out_representative, n_groups);
      for (guint g = 0; g < gr->groups->len; g++)
        g_array_index (out_representative, guint, renumber[g]) =
          g_array_index (gr->groups, Group, g).representative;
    }
  return n_groups;
}

guint
_rpt_summary_match (const RptMatchItem *items,
                    guint               n_items,
                    guint              *out_group,
                    GArray             *out_representative,
                    GCancellable       *cancellable)
{
  Grouping gr = { .items = items, .n_items = n_items };
  g_autofree OrderKey *order = NULL;
  guint n_groups = 0;

  if (n_items == 0)
    return 0;

  _rpt_matcher_init (&gr.m);
  if (!read_statements (&gr, cancellable))
    goto out;

  order = g_new (OrderKey, n_items);
  for (guint i = 0; i < n_items; i++)
    order[i] = (OrderKey) { items[i].label, gr.m.seq_len[i], i };
  qsort (order, n_items, sizeof (OrderKey), compare_order);

  grouping_init (&gr);
  for (guint o = 0; o < n_items; o++)
    {
      guint s = order[o].index;
      ExactKey key = { (const guint32 *) gr.m.tokens->data + gr.m.seq_start[s], gr.m.seq_len[s],
                       items[s].label, items[s].speaker };
      guint best = G_MAXUINT;
      gpointer found;
      Probe p;

      if ((o & 4095) == 4095 && g_cancellable_is_cancelled (cancellable))
        goto out;
      /* Only statements with the same label match: one label at a time,
       * each with an index of its own groups. */
      if (o > 0 && order[o - 1].label != order[o].label)
        for (guint w = 0; w < gr.n_words; w++)
          gr.postings[w].len = 0;

      if (key.len > 0 && g_hash_table_lookup_extended (gr.exact, &key, NULL, &found))
        best = GPOINTER_TO_UINT (found);
      probe_init (&gr, s, &p);
      if (best == G_MAXUINT)
        best = best_group (&gr, &p);

      if (best != G_MAXUINT)
        {
          Group *group = &g_array_index (gr.groups, Group, best);

          if (group->speaker < 0)
            group->speaker = items[s].speaker;
          gr.internal[s] = best;
        }
      else
        add_group (&gr, &p, &key);
    }
  n_groups = number_groups (&gr, out_group, out_representative);

out:
  grouping_clear (&gr);
  return n_groups;
}
