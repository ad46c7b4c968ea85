/* rpt-test-readers.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <string.h>

#include "rpt-core.h"
#include "rpt-project-private.h"
#include "rpt-test-readers.h"

void
rpt_test_compare_readers (const char   *data,
                          gsize         len,
                          RptTestTally *tally)
{
  g_autoptr(GError) full_error = NULL;
  g_autoptr(GError) tree_error = NULL;
  g_autoptr(RptProject) full = rpt_project_load_from_data (data, len, &full_error);
  g_autoptr(RptProject) tree = NULL;

  _rpt_project_set_fast_reader (FALSE);
  tree = rpt_project_load_from_data (data, len, &tree_error);
  _rpt_project_set_fast_reader (TRUE);

  tally->tried++;
  if (tree == NULL)
    {
      ck_assert_msg (full == NULL, "the fast path took a file the json-glib reader refuses (%s):\n%.*s",
                     tree_error->message, (int) len, data);
      ck_assert_str_eq (full_error->message, tree_error->message);
      return;
    }

  ck_assert_msg (full != NULL, "%s", full_error ? full_error->message : "");
  {
    g_autoptr(GBytes) a = rpt_project_to_bytes (full);
    g_autoptr(GBytes) b = rpt_project_to_bytes (tree);
    g_autoptr(RptProject) fast = _rpt_project_read_fast (data, len);

    ck_assert_msg (g_bytes_equal (a, b), "the two readers read differently:\n%.*s", (int) len, data);
    ck_assert_uint_eq (rpt_project_get_n_annotations (full), rpt_project_get_n_annotations (tree));
    tally->accepted++;
    if (fast)
      tally->fast++;
  }
}

void
rpt_test_compare_damaged (const char   *base,
                          gsize         from,
                          gsize         to,
                          const char   *replacements,
                          const char   *insertions,
                          RptTestTally *tally)
{
  gsize len = strlen (base);
  g_autofree char *buf = g_malloc (len + 2);

  for (gsize i = from; i < to; i++)
    {
      /* Delete. */
      memcpy (buf, base, i);
      memcpy (buf + i, base + i + 1, len - i - 1);
      rpt_test_compare_readers (buf, len - 1, tally);

      /* Replace. */
      memcpy (buf, base, len);
      for (const char *c = replacements; *c; c++)
        {
          if (base[i] == *c)
            continue;
          buf[i] = *c;
          rpt_test_compare_readers (buf, len, tally);
        }

      /* Insert. */
      for (const char *c = insertions; *c; c++)
        {
          memcpy (buf, base, i);
          buf[i] = *c;
          memcpy (buf + i + 1, base + i, len - i);
          rpt_test_compare_readers (buf, len + 1, tally);
        }
    }
}
