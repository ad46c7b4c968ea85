/* rpt-summary-fixture.h: four short articles, written for these tests, that
 * report one (invented) press conference the way different outlets do:
 * straight and curly quotes, changed case and punctuation, a word more or
 * less, quotes cut short; plus near-misses that must stay apart. Shared by
 * the summary's core, tool and app suites.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <check.h>
#include <string.h>

#include "rpt-core.h"

/* The Harbour Gazette: everything, straight quotes. */
static const char fixture_article_1[] =
  "Harbour talks end in sharp words\n\n"
  "Foreign Minister Ingrid Halvorsen said: \"Secretary Okafor assured me that his "
  "government never funded the protest boats.\"\n"
  "\"Not with our money,\" Okafor cut in.\n"
  "\"You see, he must say this so that nobody at home calls him weak,\" Halvorsen replied.\n"
  "\"It is your reputation that worries me, Ingrid,\" Okafor answered with a grin.\n"
  "Halvorsen added: \"We are ready to sign the quota agreement on the basis of equal "
  "catches for both fleets.\"\n"
  "Okafor said he had left his coat \"and everything in its pockets, secret or otherwise\" "
  "with his host.\n";

/* The Coastal Courier: curly quotes, other punctuation, a dash. */
static const char fixture_article_2[] =
  "Halvorsen and Okafor clash over boats\n\n"
  "Ms Halvorsen told the press: “Secretary Okafor assured me that his government "
  "never funded the protest boats”.\n"
  "Mr Okafor interjected: “Not with our money.”\n"
  "“You see — he must say this so that nobody at home calls him weak”, "
  "she said.\n"
  "Later she said the country was “ready to sign the quota agreement”.\n"
  "Mr Okafor’s own line: “Equal catches would be fair to both fleets.”\n";

/* The Northern Ledger: case, a word less, a word more, near-misses. */
static const char fixture_article_3[] =
  "Minister and Secretary trade barbs\n\n"
  "SECRETARY OKAFOR ASSURED ME HIS GOVERNMENT NEVER FUNDED THE PROTEST BOATS, the minister said.\n"
  "\"NOT WITH OUR MONEY!\" came the reply.\n"
  "\"It is your reputation that really worries me, Ingrid,\" he added.\n"
  "She also said: \"We are ready to sign the fishing agreement on the basis of equal "
  "catches for both fleets.\"\n"
  "She stressed: \"We are not ready to sign the quota agreement.\"\n";

/* The Island Post: leaves most of it out, cuts a quote short. */
static const char fixture_article_4[] =
  "Ministers meet at the harbour\n\n"
  "Halvorsen said of her guest that he must say this so that nobody at home calls him weak.\n"
  "Okafor replied that it was \"your reputation that worries me\".\n"
  "Both said they wanted \"a better future for the harbour\".\n";

typedef struct
{
  RptProject *project;
  GHashTable *ids;     /* fixture name -> annotation id */
} Fixture;

static RptAnnotation *
fixture_annotate (Fixture    *fixture,
                  const char *name,
                  const char *document_id,
                  const char *needle,
                  const char *label,
                  const char *speaker)
{
  g_autoptr(GError) error = NULL;
  RptDocument *document = rpt_project_get_document (fixture->project, document_id);
  const char *text = rpt_document_get_text (document);
  const char *found = strstr (text, needle);
  guint start, end;
  RptAnnotation *annotation;

  ck_assert_msg (found != NULL, "“%s” is not in %s", needle, document_id);
  start = g_utf8_pointer_to_offset (text, found);
  end = start + g_utf8_strlen (needle, -1);
  annotation = rpt_project_add_annotation (fixture->project, document_id, start, end,
                                           label, speaker, &error);
  ck_assert_msg (annotation != NULL, "cannot annotate %s: %s", name, error ? error->message : "");
  g_hash_table_insert (fixture->ids, g_strdup (name), g_strdup (rpt_annotation_get_id (annotation)));
  return annotation;
}

G_GNUC_UNUSED static const char *
fixture_id (Fixture    *fixture,
            const char *name)
{
  const char *id = g_hash_table_lookup (fixture->ids, name);

  ck_assert_msg (id != NULL, "no annotation named %s", name);
  return id;
}

static void
fixture_relate (Fixture        *fixture,
                RptRelationType type,
                const char     *from,
                const char     *to)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (rpt_project_add_relation (fixture->project, type,
                                           g_hash_table_lookup (fixture->ids, from),
                                           g_hash_table_lookup (fixture->ids, to), &error),
                 "cannot relate %s to %s: %s", from, to, error ? error->message : "");
}

/* Names: statement letter + article number. "S1" is the claim about the
 * boats, "S2" the rebuttal, "S3" the counter-rebuttal, "S4" the answer to
 * it, "S5" the quota signal, "S6" the joke, "S7" support for S5; "N…" are
 * near-misses. */
G_GNUC_UNUSED static Fixture *
fixture_new (void)
{
  Fixture *fixture = g_new0 (Fixture, 1);
  const char *texts[] = { fixture_article_1, fixture_article_2, fixture_article_3, fixture_article_4 };
  const char *names[] = { "gazette.txt", "courier.txt", "ledger.txt", "post.txt" };
  RptSpeaker *halvorsen, *okafor;
  const char *h, *o;

  fixture->project = rpt_project_new ();
  fixture->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RptDocument) document =
        rpt_import_text (fixture->project, names[i], texts[i], strlen (texts[i]), &error);

      ck_assert_msg (document != NULL, "import %s: %s", names[i], error ? error->message : "");
      ck_assert (rpt_project_add_document (fixture->project, document, NULL));
    }
  halvorsen = rpt_project_add_speaker (fixture->project, "Ingrid Halvorsen", NULL);
  okafor = rpt_project_add_speaker (fixture->project, "Daniel Okafor", NULL);
  h = rpt_speaker_get_id (halvorsen);
  o = rpt_speaker_get_id (okafor);

  /* The Gazette */
  fixture_annotate (fixture, "S1.1", "gazette",
                    "Secretary Okafor assured me that his government never funded the protest boats.",
                    "claim", h);
  fixture_annotate (fixture, "S2.1", "gazette", "\"Not with our money,\"", "rebuttal", o);
  fixture_annotate (fixture, "S3.1", "gazette",
                    "You see, he must say this so that nobody at home calls him weak", "rebuttal", h);
  fixture_annotate (fixture, "S4.1", "gazette",
                    "It is your reputation that worries me, Ingrid", "rebuttal", o);
  fixture_annotate (fixture, "S5.1", "gazette",
                    "We are ready to sign the quota agreement on the basis of equal catches for both fleets.",
                    "diplomatic-signal", h);
  fixture_annotate (fixture, "S6.1", "gazette",
                    "and everything in its pockets, secret or otherwise", "joke", o);

  /* The Courier */
  fixture_annotate (fixture, "S1.2", "courier",
                    "“Secretary Okafor assured me that his government never funded the protest boats”",
                    "claim", h);
  fixture_annotate (fixture, "S2.2", "courier", "Not with our money.", "rebuttal", NULL);
  fixture_annotate (fixture, "S3.2", "courier",
                    "You see — he must say this so that nobody at home calls him weak",
                    "rebuttal", h);
  fixture_annotate (fixture, "S5.2", "courier", "ready to sign the quota agreement",
                    "diplomatic-signal", NULL);
  fixture_annotate (fixture, "S7.2", "courier", "Equal catches would be fair to both fleets.",
                    "claim", o);

  /* The Ledger */
  fixture_annotate (fixture, "S1.3", "ledger",
                    "SECRETARY OKAFOR ASSURED ME HIS GOVERNMENT NEVER FUNDED THE PROTEST BOATS",
                    "claim", h);
  fixture_annotate (fixture, "S2.3", "ledger", "NOT WITH OUR MONEY!", "rebuttal", o);
  fixture_annotate (fixture, "S4.3", "ledger",
                    "It is your reputation that really worries me, Ingrid", "rebuttal", o);
  fixture_annotate (fixture, "N1.3", "ledger",
                    "We are ready to sign the fishing agreement on the basis of equal catches for both fleets.",
                    "diplomatic-signal", h);
  fixture_annotate (fixture, "N2.3", "ledger", "We are not ready to sign the quota agreement.",
                    "diplomatic-signal", h);

  /* The Post */
  fixture_annotate (fixture, "S3.4", "post", "he must say this so that nobody at home",
                    "rebuttal", h);
  fixture_annotate (fixture, "S4.4", "post", "your reputation that worries me", "rebuttal", o);
  fixture_annotate (fixture, "N3.4", "post", "a better future for the harbour", "diplomatic-signal", h);
  /* The same words from the other speaker: a different statement. */
  {
    RptDocument *post = rpt_project_get_document (fixture->project, "post");
    const char *text = rpt_document_get_text (post);
    guint start = g_utf8_pointer_to_offset (text, strstr (text, "a better future"));
    RptAnnotation *a = rpt_project_add_annotation (fixture->project, "post", start,
                                                   start + strlen ("a better future for the harbour"),
                                                   "claim", o, NULL);
    ck_assert (a != NULL);
    g_hash_table_insert (fixture->ids, g_strdup ("N4.4"), g_strdup (rpt_annotation_get_id (a)));
  }

  /* Threads: the rebuttal of the boats claim, reported twice; the
   * counter-rebuttal and its answer; support for the quota signal; and a
   * link back to the start that would close a cycle. */
  fixture_relate (fixture, RPT_RELATION_REBUTS, "S2.1", "S1.1");
  fixture_relate (fixture, RPT_RELATION_REBUTS, "S2.2", "S1.2");
  fixture_relate (fixture, RPT_RELATION_REBUTS, "S3.1", "S2.1");
  fixture_relate (fixture, RPT_RELATION_RESPONDS_TO, "S4.1", "S3.1");
  fixture_relate (fixture, RPT_RELATION_SUPPORTS, "S7.2", "S5.1");
  fixture_relate (fixture, RPT_RELATION_RESPONDS_TO, "S1.3", "S4.3");

  return fixture;
}

G_GNUC_UNUSED static void
fixture_free (Fixture *fixture)
{
  g_object_unref (fixture->project);
  g_hash_table_unref (fixture->ids);
  g_free (fixture);
}
