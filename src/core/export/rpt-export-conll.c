/* rpt-export-conll.c: token-level IOB2, one "TOKEN TAG" line per token, a
 * blank line after each sentence and a "-DOCSTART- O" line (and a blank
 * line) before each article, as the CoNLL-2003 readers expect.
 *
 * Tokens and sentences come from Pango's Unicode text boundaries
 * (pango_get_log_attrs: UAX #29 word and sentence boundaries), not from a
 * split on spaces: "Johnson's" and "3.5" stay whole, punctuation is a token
 * of its own, a combining accent stays with its letter. A token never holds
 * white space. Pango 1.50 sometimes marks a sentence boundary with no space
 * before it ("3.5%."); such a boundary is ignored.
 *
 * Overlaps: by default one tag column, and where spans share a token the one
 * that starts first wins, then the longer, then the label listed first; the
 * others are counted in a warning. With layers, one tag column per label in
 * label order (overlaps between labels are kept; spans of one label that
 * overlap each other are still resolved as above).
 *
 * Articles are independent and Pango's boundaries are the costly part, so
 * they are worked on by one thread per processor and joined in order: the
 * output does not depend on the number of threads.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-Export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include "rpt-export-breaks.h"
#include "rpt-export-private.h"

#define MAX_LISTED 10

typedef struct
{
  guint    start;         /* code points */
  guint    end;
  gsize    byte_start;
  gsize    byte_len;
  gboolean sentence_start;
} Token;

/* What one article gave: its lines, and what to report. */
typedef struct
{
  GString   *out;
  GPtrArray *listed;       /* the first MAX_LISTED spans cut inside a token */
  guint      n_overlaps;
  guint      n_partial;
  guint      n_untokened;
  guint      n_split;
} Result;

/* One worker's scratch space. */
typedef struct
{
  RptExportSelection *sel;
  GArray             *tokens;    /* Token */
  GArray             *order;     /* const RptExportSpan *, priority order */
  int                *owner;     /* per token and column: span index or -1 */
  guint              n_columns;
  Result             *result;
} Conll;

/* Characters Python's str.split() and the CoNLL readers treat as column
 * separators: they can never be part of a token. */
static gboolean
is_separator (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  return c == 0x85 || g_unichar_isspace (c);
}

static void
tokenize (RptDocument *document,
          GArray      *tokens)
{
  const char *text = rpt_document_get_text (document);
  guint n = rpt_document_get_length (document);
  g_autofree PangoLogAttr *attrs = g_new0 (PangoLogAttr, n + 1);
  const char *p = text;
  Token current = { G_MAXUINT, 0, 0, 0, FALSE };
  gboolean boundary_since = FALSE;
  guint last_end = 0;

  g_array_set_size (tokens, 0);
  rpt_export_breaks (text, rpt_document_get_text_bytes (document), n, attrs);

  for (guint i = 0; i <= n; i++)
    {
      gunichar c = i < n ? g_utf8_get_char (p) : 0;
      gboolean separator = i == n || is_separator (c);

      if (current.start != G_MAXUINT && (separator || attrs[i].is_word_boundary))
        {
          current.end = i;
          current.byte_len = (gsize) (p - text) - current.byte_start;
          g_array_append_val (tokens, current);
          last_end = i;
          current.start = G_MAXUINT;
        }
      if (i > 0 && (attrs[i].is_sentence_boundary || attrs[i].is_sentence_start))
        boundary_since = TRUE;
      if (!separator && current.start == G_MAXUINT)
        {
          current.start = i;
          current.byte_start = (gsize) (p - text);
          /* A new sentence needs a boundary and some white space since the
           * previous token. */
          current.sentence_start = tokens->len == 0 || (boundary_since && last_end < i);
          boundary_since = FALSE;
        }
      if (i < n)
        p = g_utf8_next_char (p);
    }
}

/* First token ending after @offset. */
static guint
token_after (GArray *tokens,
             guint   offset)
{
  guint lo = 0, hi = tokens->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (tokens, Token, mid).end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static int
compare_priority (gconstpointer a,
                  gconstpointer b)
{
  const RptExportSpan *x = *(const RptExportSpan * const *) a;
  const RptExportSpan *y = *(const RptExportSpan * const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  if (x->label != y->label)
    return x->label < y->label ? -1 : 1;
  /* Both in one article's spans: their order there. */
  return x < y ? -1 : x > y;
}

static void
list_partial (Conll               *conll,
              RptDocument         *document,
              const RptExportSpan *span,
              Token               *token,
              gboolean             at_start)
{
  g_autofree char *word = NULL;

  conll->result->n_partial++;
  if (conll->result->listed->len >= MAX_LISTED)
    return;
  word = g_strndup (rpt_document_get_text (document) + token->byte_start, token->byte_len);
  g_ptr_array_add (conll->result->listed, g_strdup_printf (
                   at_start
                     ? _("Article “%s”, annotation %s (%u–%u): the span starts inside the token “%s”; "
                         "the whole token is tagged")
                     : _("Article “%s”, annotation %s (%u–%u): the span ends inside the token “%s”; "
                         "the whole token is tagged"),
                   rpt_document_get_id (document), span->id,
                   span->start, span->end, word));
}

/* Tags the tokens of one document: owner[token * n_columns + column]. */
static void
assign (Conll             *conll,
        RptExportSelection *sel,
        RptExportDocument  *doc)
{
  GArray *tokens = conll->tokens;
  guint n_tokens = tokens->len;

  g_array_set_size (conll->order, 0);
  for (guint i = 0; i < doc->n_spans; i++)
    {
      const RptExportSpan *span = &doc->spans[i];
      g_array_append_val (conll->order, span);
    }
  g_array_sort (conll->order, compare_priority);

  conll->owner = g_renew (int, conll->owner, MAX ((gsize) n_tokens * conll->n_columns, 1));
  for (gsize i = 0; i < (gsize) n_tokens * conll->n_columns; i++)
    conll->owner[i] = -1;

  for (guint k = 0; k < conll->order->len; k++)
    {
      const RptExportSpan *span = g_array_index (conll->order, const RptExportSpan *, k);
      guint column = sel->conll_layers ? span->label : 0;
      guint first = token_after (tokens, span->start), last;
      gboolean available = TRUE, crosses = FALSE;

      if (first >= n_tokens || g_array_index (tokens, Token, first).start >= span->end)
        {
          conll->result->n_untokened++;
          continue;
        }
      /* The last token that starts inside the span: the one holding its
       * last character, or the one before when the span ends in white
       * space (token_after() then gives the next token, or none). */
      last = token_after (tokens, span->end - 1);
      if (last >= n_tokens || g_array_index (tokens, Token, last).start >= span->end)
        last--;
      for (guint t = first; t <= last && available; t++)
        available = conll->owner[(gsize) t * conll->n_columns + column] < 0;
      if (!available)
        {
          conll->result->n_overlaps++;
          continue;
        }
      if (g_array_index (tokens, Token, first).start < span->start)
        list_partial (conll, doc->document, span, &g_array_index (tokens, Token, first), TRUE);
      if (g_array_index (tokens, Token, last).end > span->end)
        list_partial (conll, doc->document, span, &g_array_index (tokens, Token, last), FALSE);
      for (guint t = first; t <= last; t++)
        {
          conll->owner[(gsize) t * conll->n_columns + column] = (int) (span - doc->spans);
          if (t > first && g_array_index (tokens, Token, t).sentence_start)
            crosses = TRUE;
        }
      conll->result->n_split += crosses;
    }
}

static void
append_tag (GString           *out,
            RptExportSelection *sel,
            RptExportDocument  *doc,
            const Token        *tokens,
            const int          *owner,
            guint              t,
            guint              n_columns,
            guint              column)
{
  int span = owner[(gsize) t * n_columns + column];

  g_string_append_c (out, ' ');
  if (span < 0)
    {
      g_string_append_c (out, 'O');
      return;
    }
  /* B- on the first token of the span and of each sentence it reaches
   * (IOB2 readers take every sentence on its own), I- after it. */
  g_string_append (out, t > 0 && !tokens[t].sentence_start &&
                        owner[(gsize) (t - 1) * n_columns + column] == span ? "I-" : "B-");
  g_string_append (out, g_array_index (sel->labels, RptExportLabel, doc->spans[span].label).safe_name);
}

static void
write_document (Conll             *conll,
                RptExportSelection *sel,
                RptExportDocument  *doc,
                GString            *out)
{
  const char *text = rpt_document_get_text (doc->document);

  g_string_append (out, "-DOCSTART-");
  for (guint c = 0; c < conll->n_columns; c++)
    g_string_append (out, " O");
  g_string_append (out, "\n\n");

  for (guint t = 0; t < conll->tokens->len; t++)
    {
      Token *token = &g_array_index (conll->tokens, Token, t);

      if (token->sentence_start && t > 0)
        g_string_append_c (out, '\n');
      g_string_append_len (out, text + token->byte_start, token->byte_len);
      for (guint c = 0; c < conll->n_columns; c++)
        append_tag (out, sel, doc, (Token *) conll->tokens->data, conll->owner, t, conll->n_columns, c);
      g_string_append_c (out, '\n');
    }
  if (conll->tokens->len > 0)
    g_string_append_c (out, '\n');
}

/* Articles are independent, and Pango's boundaries are the costly part:
 * they are computed on every processor, and the results joined in order. */
typedef struct
{
  RptExportSelection *sel;
  Result             *results;
  GCancellable       *cancellable;
  int                next;      /* atomic: the next article to take */
  int                finished;  /* atomic */
} Shared;

static void
work (Shared           *shared,
      RptExportContext *ctx)
{
  RptExportSelection *sel = shared->sel;
  Conll conll = { sel };
  guint d;

  conll.tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  conll.order = g_array_new (FALSE, FALSE, sizeof (const RptExportSpan *));
  conll.n_columns = sel->conll_layers ? MAX (sel->labels->len, 1) : 1;

  while ((d = (guint) g_atomic_int_add (&shared->next, 1)) < sel->n_documents &&
         !g_cancellable_is_cancelled (shared->cancellable))
    {
      RptExportDocument *doc = &sel->documents[d];
      Result *result = &shared->results[d];

      result->out = g_string_sized_new (rpt_document_get_text_bytes (doc->document) * 3 + 64);
      result->listed = g_ptr_array_new_with_free_func (g_free);
      conll.result = result;
      tokenize (doc->document, conll.tokens);
      assign (&conll, sel, doc);
      write_document (&conll, sel, doc, result->out);
      g_atomic_int_inc (&shared->finished);
      /* Only the calling thread may report progress. */
      if (ctx)
        rpt_export_step (ctx, (guint) g_atomic_int_get (&shared->finished), NULL);
    }

  g_array_unref (conll.tokens);
  g_array_unref (conll.order);
  g_free (conll.owner);
}

static gpointer
worker_thread (gpointer data)
{
  work (data, NULL);
  return NULL;
}

gboolean
_rpt_export_conll (RptExportContext  *ctx,
                   GError           **error)
{
  RptExportSelection *sel = ctx->selection;
  Shared shared = { sel, g_new0 (Result, MAX (sel->n_documents, 1)), ctx->cancellable };
  guint n_threads = MIN (MIN (g_get_num_processors (), 4), MAX (sel->n_documents, 1));
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  Result total = { 0 };
  guint n_listed = 0;
  gsize size = 64;
  GString *out;

  for (guint i = 1; i < n_threads; i++)
    g_ptr_array_add (threads, g_thread_new ("rpt-conll", worker_thread, &shared));
  work (&shared, ctx);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));

  for (guint d = 0; d < sel->n_documents; d++)
    size += shared.results[d].out ? shared.results[d].out->len : 0;
  out = rpt_export_add_file (ctx, NULL, size);
  for (guint d = 0; d < sel->n_documents; d++)
    {
      Result *result = &shared.results[d];

      if (result->out == NULL)
        continue;
      g_string_append_len (out, result->out->str, result->out->len);
      total.n_overlaps += result->n_overlaps;
      total.n_partial += result->n_partial;
      total.n_untokened += result->n_untokened;
      total.n_split += result->n_split;
      for (guint i = 0; i < result->listed->len && n_listed < MAX_LISTED; i++, n_listed++)
        rpt_export_warn (ctx, "%s", (char *) g_ptr_array_index (result->listed, i));
      g_string_free (result->out, TRUE);
      g_ptr_array_unref (result->listed);
    }
  g_free (shared.results);
  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;

  if (total.n_partial > n_listed)
    rpt_export_warn (ctx, g_dngettext (GETTEXT_PACKAGE,
                                       "%u span edge in all falls inside a token (the first %u are listed)",
                                       "%u span edges in all fall inside a token (the first %u are listed)",
                                       total.n_partial), total.n_partial, n_listed);
  if (total.n_overlaps > 0)
    rpt_export_warn (ctx, sel->conll_layers
                       ? g_dngettext (GETTEXT_PACKAGE,
                                      "%u span overlaps a span of the same label and was left out",
                                      "%u spans overlap spans of the same label and were left out",
                                      total.n_overlaps)
                       : g_dngettext (GETTEXT_PACKAGE,
                                      "%u span overlaps another span and was left out "
                                      "(export with one column per label to keep it)",
                                      "%u spans overlap other spans and were left out "
                                      "(export with one column per label to keep them)",
                                      total.n_overlaps),
                     total.n_overlaps);
  if (total.n_split > 0)
    rpt_export_warn (ctx, g_dngettext (GETTEXT_PACKAGE,
                                       "%u span runs across a sentence boundary; it is tagged as one "
                                       "chunk per sentence (B- again at each sentence start)",
                                       "%u spans run across sentence boundaries; each is tagged as one "
                                       "chunk per sentence (B- again at each sentence start)",
                                       total.n_split), total.n_split);
  if (total.n_untokened > 0)
    rpt_export_warn (ctx, g_dngettext (GETTEXT_PACKAGE,
                                       "%u span covers only white space and was left out",
                                       "%u spans cover only white space and were left out",
                                       total.n_untokened), total.n_untokened);
  rpt_export_warn (ctx, "%s", _("CoNLL does not carry relations, speakers, notes, character offsets "
                                "or article ids; Repartee cannot import it"));
  return TRUE;
}
