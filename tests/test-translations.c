/* test-translations.c: every translation in po/LINGUAS is valid (msgfmt
 * --check), has no untranslated or fuzzy message, and covers every message
 * the sources have now: a POT extracted here with the keywords of
 * po/meson.build (meson's glib preset) is compared with msgcmp. When this
 * fails after a string changed: `meson compile -C _build repartee-update-po`,
 * then translate what it marks untranslated or fuzzy.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <gio/gio.h>
#include <sys/wait.h>

#include "rpt-test-util.h"

/* The languages of po/LINGUAS (at least one). */
static GStrv
read_linguas (void)
{
  g_autofree char *path = rpt_test_source_path ("po/LINGUAS");
  g_autofree char *contents = rpt_test_read_file (path, NULL);
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GStrv languages;

  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line != '\0' && *line != '#')
        g_strv_builder_add (builder, line);
    }
  languages = g_strv_builder_end (builder);
  ck_assert_msg (languages[0] != NULL, "po/LINGUAS names no language");
  return languages;
}

static char *
po_path (const char *language)
{
  g_autofree char *relative = g_strdup_printf ("po/%s.po", language);

  return rpt_test_source_path (relative);
}

START_TEST (test_catalogues_valid_and_complete)
{
  g_auto(GStrv) languages = read_linguas ();

  for (guint i = 0; languages[i]; i++)
    {
      g_autofree char *po = po_path (languages[i]);
      g_autofree char *output = NULL;
      const char *argv[] = { "msgfmt", "--check", "--statistics", "-o", "/dev/null", po, NULL };

      ck_assert_msg (rpt_test_run_command (argv, &output) == 0, "msgfmt --check %s.po: %s", languages[i], output);
      ck_assert_msg (strstr (output, " translated message") != NULL, "%s.po: %s", languages[i], output);
      ck_assert_msg (strstr (output, "untranslated") == NULL && strstr (output, "fuzzy") == NULL,
                     "%s.po is not complete: %s", languages[i], output);
    }
}
END_TEST

START_TEST (test_catalogues_cover_the_sources)
{
  g_autofree char *root = rpt_test_source_path ("");
  g_autofree char *potfiles = rpt_test_source_path ("po/POTFILES.in");
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *pot = g_build_filename (dir, "repartee.pot", NULL);
  g_autofree char *output = NULL;
  g_auto(GStrv) languages = read_linguas ();
  /* The keywords of meson's glib preset (po/meson.build). */
  const char *xgettext[] = {
    "xgettext", "--from-code=UTF-8", "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2",
    "--keyword=NC_:1c,2", "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3", "-D", root, "-f", potfiles, "-o", pot, NULL
  };

  ck_assert_msg (rpt_test_run_command (xgettext, &output) == 0, "xgettext: %s", output);
  ck_assert (g_file_test (pot, G_FILE_TEST_EXISTS));

  for (guint i = 0; languages[i]; i++)
    {
      g_autofree char *po = po_path (languages[i]);
      g_autofree char *missing = NULL;
      /* Untranslated and fuzzy messages count as missing. */
      const char *msgcmp[] = { "msgcmp", po, pot, NULL };

      ck_assert_msg (rpt_test_run_command (msgcmp, &missing) == 0,
                     "po/%s.po lacks messages the sources have (run `meson compile -C _build "
                     "repartee-update-po` and translate them):\n%s", languages[i], missing);
    }
}
END_TEST

static Suite *
translations_suite (void)
{
  Suite *s = suite_create ("translations");
  TCase *tc = tcase_create ("catalogues");

  tcase_add_test (tc, test_catalogues_valid_and_complete);
  tcase_add_test (tc, test_catalogues_cover_the_sources);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (translations_suite)
