/* test-tool-output.c: what `repartee-tool export`, `summary` and `import`
 * may write over (docs/RELIABILITY.md, "Nothing overwritten by mistake"):
 * never the file being read, an existing file only with --force, a folder
 * only when Repartee wrote it (its manifest) or with --force, and the
 * leftovers of a killed folder export are removed; add, format and
 * reanchor save a read-only project, or another user's, only with --force. Each refusal checks the
 * exit status, the message and that the victim is byte-identical.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <check.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export-fixture.h"
#include "rpt-tool-test.h"

static char *tmp;
static char *project_path;
static char *project_data;
static gsize project_len;

static void
setup (void)
{
  project_path = fixture_save_in_tmp (&tmp);
  ck_assert (g_file_get_contents (project_path, &project_data, &project_len, NULL));
}

static void
teardown (void)
{
  g_clear_pointer (&tmp, g_free);
  g_clear_pointer (&project_path, g_free);
  g_clear_pointer (&project_data, g_free);
}

static void
assert_project_kept (void)
{
  struct stat st;

  ck_assert (lstat (project_path, &st) == 0 && S_ISREG (st.st_mode));
  ck_assert_msg (file_equals (project_path, project_data, project_len), "the project file changed");
}

/* A folder as the user has it: name → contents. */
static void
assert_files (const char         *dir,
              const char * const *names,
              const char * const *contents)
{
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      ck_assert_msg (file_equals (path, contents[i], strlen (contents[i])), "%s changed or is gone", path);
    }
}

/* ---- The file being read ---- */

START_TEST (test_never_over_the_project)
{
  g_autofree char *soft = g_build_filename (tmp, "link.json", NULL);
  g_autofree char *hard = g_build_filename (tmp, "hard.json", NULL);
  g_autofree char *out = NULL, *err = NULL;
  const char *targets[] = { project_path, soft, hard };

  ck_assert (symlink ("summit.json", soft) == 0);
  ck_assert (link (project_path, hard) == 0);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      /* Not even with --force: the file is read to make the output. */
      ck_assert_int_eq (run (&out, &err, "export", "--format", "jsonl", project_path, "-o", targets[i], NULL), 1);
      ck_assert_contains (err, targets[i]);
      ck_assert_contains (err, i == 0 ? "is the file being read" : ", which is being read");
      ck_assert_contains (err, "choose another file");
      ck_assert_int_eq (run (&out, &err, "export", "--force", "--format", "csv", project_path,
                             "-o", targets[i], NULL), 1);
      ck_assert_contains (err, "being read");
      ck_assert_int_eq (run (&out, &err, "summary", "--force", project_path, "-o", targets[i], NULL), 1);
      ck_assert_contains (err, targets[i]);
      ck_assert_contains (err, "being read");
      assert_project_kept ();
    }
  /* The hard link is still the same file. */
  {
    struct stat a, b;

    ck_assert (stat (project_path, &a) == 0 && stat (hard, &b) == 0);
    ck_assert (a.st_ino == b.st_ino && a.st_dev == b.st_dev);
  }
  /* The link is still a link. */
  {
    g_autofree char *points = g_file_read_link (soft, NULL);
    ck_assert_str_eq (points, "summit.json");
  }
  ck_assert_str_eq (out, "");
}
END_TEST

START_TEST (test_never_over_an_import_input)
{
  g_autofree char *jsonl = g_build_filename (tmp, "data.jsonl", NULL);
  g_autofree char *data = NULL, *out = NULL, *err = NULL;
  gsize len;

  ck_assert_int_eq (run (&out, &err, "export", "-q", "--format", "jsonl", project_path, "-o", jsonl, NULL), 0);
  ck_assert (g_file_get_contents (jsonl, &data, &len, NULL));
  ck_assert_int_eq (run (&out, &err, "import", "--force", "--format", "jsonl", jsonl, "-o", jsonl, NULL), 1);
  ck_assert_contains (err, "data.jsonl is the file being read");
  ck_assert (file_equals (jsonl, data, len));
}
END_TEST

START_TEST (test_never_a_folder_holding_the_project)
{
  g_autofree char *out = NULL, *err = NULL;

  g_free (rpt_test_write_file (tmp, "notes.txt", "mine", -1));
  ck_assert_int_eq (run (&out, &err, "export", "--format", "brat", project_path, "-o", tmp, NULL), 1);
  ck_assert_contains (err, "summit.json, which is being read");
  assert_project_kept ();
  ck_assert_int_eq (run (&out, &err, "export", "--force", "--format", "brat", project_path, "-o", tmp, NULL), 1);
  ck_assert_contains (err, "summit.json, which is being read");
  ck_assert_contains (err, "choose another folder");
  assert_project_kept ();
  {
    g_autofree char *notes = g_build_filename (tmp, "notes.txt", NULL);
    ck_assert (file_equals (notes, "mine", 4));
  }
}
END_TEST

/* ---- Existing files ---- */

START_TEST (test_existing_file_needs_force)
{
  const char *mine = "a spreadsheet of mine\n";
  g_autofree char *csv = rpt_test_write_file (tmp, "table.csv", mine, -1);
  g_autofree char *md = rpt_test_write_file (tmp, "notes.md", mine, -1);
  g_autofree char *json = rpt_test_write_file (tmp, "other.json", mine, -1);
  g_autofree char *out = NULL, *err = NULL, *data = NULL;

  ck_assert_int_eq (run (&out, &err, "export", "--format", "csv", project_path, "-o", csv, NULL), 1);
  ck_assert_contains (err, "repartee-tool: ");
  ck_assert_contains (err, "table.csv exists; use --force to replace it");
  ck_assert (file_equals (csv, mine, strlen (mine)));
  ck_assert_str_eq (out, "");

  ck_assert_int_eq (run (&out, &err, "summary", project_path, "-o", md, NULL), 1);
  ck_assert_contains (err, "notes.md exists; use --force to replace it");
  ck_assert (file_equals (md, mine, strlen (mine)));

  ck_assert_int_eq (run (&out, &err, "import", "--format", "jsonl", csv, "-o", json, NULL), 1);
  ck_assert_contains (err, "other.json exists; use --force to replace it");
  ck_assert (file_equals (json, mine, strlen (mine)));

  /* --force replaces them, and says nothing more for a plain file. */
  ck_assert_int_eq (run (&out, &err, "export", "--force", "-q", "--format", "csv", project_path, "-o", csv, NULL), 0);
  ck_assert_str_eq (err, "");
  data = rpt_test_read_file (csv, NULL);
  ck_assert (g_str_has_prefix (data, "article_id,"));
  ck_assert_int_eq (run (&out, &err, "summary", "--force", project_path, "-o", md, NULL), 0);
  ck_assert_str_eq (err, "");
  g_free (data);
  data = rpt_test_read_file (md, NULL);
  ck_assert (g_str_has_prefix (data, "# "));
}
END_TEST

START_TEST (test_read_only_file)
{
  const char *mine = "read-only data\n";
  g_autofree char *csv = rpt_test_write_file (tmp, "locked.csv", mine, -1);
  g_autofree char *out = NULL, *err = NULL, *data = NULL;
  struct stat st;

  ck_assert (g_chmod (csv, 0444) == 0);
  ck_assert_int_eq (run (&out, &err, "export", "--format", "csv", project_path, "-o", csv, NULL), 1);
  ck_assert_contains (err, "locked.csv is read-only; use --force to replace it");
  ck_assert (file_equals (csv, mine, strlen (mine)));

  ck_assert_int_eq (run (&out, &err, "export", "-q", "--force", "--format", "csv", project_path, "-o", csv, NULL), 0);
  /* Said even with --quiet: it is what was done, not a format warning. */
  ck_assert_contains (err, "locked.csv is read-only; replaced it because of --force");
  data = rpt_test_read_file (csv, NULL);
  ck_assert (g_str_has_prefix (data, "article_id,"));
  /* And it stays read-only, as the user had it. */
  ck_assert (stat (csv, &st) == 0);
  ck_assert_int_eq (st.st_mode & 0777, 0444);
}
END_TEST

START_TEST (test_file_of_another_user)
{
  const char *theirs = "someone else's\n";
  g_autofree char *md = rpt_test_write_file (tmp, "theirs.md", theirs, -1);
  g_autofree char *out = NULL, *err = NULL;
  struct stat st;

  /* Only root can give a file away. */
  if (geteuid () != 0)
    return;
  ck_assert (chown (md, 65534, 65534) == 0);
  ck_assert_int_eq (run (&out, &err, "summary", project_path, "-o", md, NULL), 1);
  ck_assert_contains (err, "theirs.md belongs to another user");
  ck_assert_contains (err, "use --force to replace it");
  ck_assert (file_equals (md, theirs, strlen (theirs)));

  ck_assert_int_eq (run (&out, &err, "summary", "--force", project_path, "-o", md, NULL), 0);
  ck_assert_contains (err, "theirs.md belongs to another user");
  ck_assert_contains (err, "replaced it because of --force");
  ck_assert (!file_equals (md, theirs, strlen (theirs)));
  ck_assert (stat (md, &st) == 0);
}
END_TEST

START_TEST (test_dangling_link)
{
  g_autofree char *link = g_build_filename (tmp, "out.jsonl", NULL);
  g_autofree char *target = g_build_filename (tmp, "gone", "data.jsonl", NULL);
  g_autofree char *out = NULL, *err = NULL;
  struct stat st;

  ck_assert (symlink (target, link) == 0);
  ck_assert_int_eq (run (&out, &err, "export", "--format", "jsonl", project_path, "-o", link, NULL), 1);
  ck_assert_contains (err, "out.jsonl is a symbolic link to");
  ck_assert_contains (err, target);
  ck_assert_contains (err, "which does not exist; use --force to replace it");
  {
    g_autofree char *points = g_file_read_link (link, NULL);
    ck_assert_str_eq (points, target);
  }

  ck_assert_int_eq (run (&out, &err, "export", "-q", "--force", "--format", "jsonl", project_path,
                         "-o", link, NULL), 0);
  ck_assert_contains (err, "replaced it because of --force");
  ck_assert (lstat (link, &st) == 0 && S_ISREG (st.st_mode));
}
END_TEST

START_TEST (test_not_a_regular_file)
{
  g_autofree char *fifo = g_build_filename (tmp, "pipe", NULL);
  g_autofree char *out = NULL, *err = NULL;
  struct stat st;

  ck_assert (mkfifo (fifo, 0644) == 0);
  ck_assert_int_eq (run (&out, &err, "summary", project_path, "-o", fifo, NULL), 1);
  ck_assert_contains (err, "pipe is not a regular file");
  ck_assert (lstat (fifo, &st) == 0 && S_ISFIFO (st.st_mode));
  ck_assert_int_eq (run (&out, &err, "summary", "--force", project_path, "-o", fifo, NULL), 1);
  ck_assert_contains (err, "pipe is not a regular file");
  ck_assert (lstat (fifo, &st) == 0 && S_ISFIFO (st.st_mode));
}
END_TEST

START_TEST (test_empty_name)
{
  const char *formats[] = { "csv", "brat" };
  g_autofree char *out = NULL, *err = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      ck_assert_int_eq (run (&out, &err, "export", "--format", formats[i], project_path, "-o", "", NULL), 1);
      ck_assert_contains (err, "the output has an empty name");
    }
  ck_assert_int_eq (run (&out, &err, "summary", project_path, "-o", "", NULL), 1);
  ck_assert_contains (err, "the output has an empty name");
  assert_project_kept ();
}
END_TEST

/* ---- Folders ---- */

START_TEST (test_user_folder_is_kept)
{
  g_autofree char *folder = g_build_filename (tmp, "corpus", NULL);
  const char *names[] = { "article.txt", "article.ann", "tasks.json", NULL };
  const char *contents[] = { "my own text\n", "T1\tClaim 0 2\tmy\n", "[\"mine\"]\n", NULL };
  const char *formats[] = { "brat", "label-studio" };
  g_autofree char *out = NULL, *err = NULL;

  g_mkdir (folder, 0755);
  for (guint i = 0; names[i]; i++)
    g_free (rpt_test_write_file (folder, names[i], contents[i], -1));

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      ck_assert_int_eq (run (&out, &err, "export", "--format", formats[f], project_path, "-o", folder, NULL), 1);
      ck_assert_contains (err, "corpus holds “article.ann”, which Repartee did not write");
      ck_assert_contains (err, "use --force to replace the folder");
      assert_files (folder, names, contents);
    }

  /* With --force the folder is replaced, and that is said. */
  ck_assert_int_eq (run (&out, &err, "export", "-q", "--force", "--format", "brat", project_path,
                         "-o", folder, NULL), 0);
  ck_assert_contains (err, "corpus holds “article.ann”, which Repartee did not write; replaced it because of --force");
  {
    g_autofree char *mine = g_build_filename (folder, "article.txt", NULL);
    g_autofree char *conf = g_build_filename (folder, "annotation.conf", NULL);

    ck_assert (!g_file_test (mine, G_FILE_TEST_EXISTS));
    ck_assert (g_file_test (conf, G_FILE_TEST_IS_REGULAR));
  }
}
END_TEST

START_TEST (test_folder_of_folders_is_never_replaced)
{
  g_autofree char *folder = g_build_filename (tmp, "home", NULL);
  g_autofree char *inner = g_build_filename (folder, "Documents", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_mkdir_with_parents (inner, 0755);
  ck_assert_int_eq (run (&out, &err, "export", "--format", "brat", project_path, "-o", folder, NULL), 1);
  ck_assert_contains (err, "home holds the folder “Documents”");
  ck_assert_int_eq (run (&out, &err, "export", "--force", "--format", "brat", project_path, "-o", folder, NULL), 1);
  ck_assert_contains (err, "home holds the folder “Documents”");
  ck_assert (g_file_test (inner, G_FILE_TEST_IS_DIR));
}
END_TEST

static JsonObject *
read_manifest (const char *folder,
               JsonParser *parser)
{
  g_autofree char *path = g_build_filename (folder, ".repartee-export", NULL);
  g_autoptr(GError) error = NULL;

  ck_assert_msg (json_parser_load_from_file (parser, path, &error), "%s", error ? error->message : "");
  return json_node_get_object (json_parser_get_root (parser));
}

START_TEST (test_earlier_export_is_replaced)
{
  g_autofree char *folder = g_build_filename (tmp, "dataset", NULL);
  g_autofree char *ann = g_build_filename (folder, "day-2.ann", NULL);
  g_autofree char *extra = NULL;
  g_autofree char *out = NULL, *err = NULL, *kept = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *manifest;
  JsonArray *files;
  gsize kept_len;

  ck_assert_int_eq (run (&out, &err, "export", "-q", "--format", "brat", project_path, "-o", folder, NULL), 0);
  /* The manifest lists what was written. */
  manifest = read_manifest (folder, parser);
  ck_assert_int_eq (json_object_get_int_member (manifest, "repartee-export"), 1);
  ck_assert_str_eq (json_object_get_string_member (manifest, "format"), "brat");
  files = json_object_get_array_member (manifest, "files");
  ck_assert_uint_eq (json_array_get_length (files), 6);   /* 2 × (.txt, .ann), 2 .conf */
  {
    gboolean seen = FALSE;

    for (guint i = 0; i < json_array_get_length (files); i++)
      {
        JsonObject *file = json_array_get_object_element (files, i);

        if (g_str_equal (json_object_get_string_member (file, "name"), "day-2.ann"))
          {
            struct stat st;
            ck_assert (stat (ann, &st) == 0);
            ck_assert_int_eq (json_object_get_int_member (file, "size"), st.st_size);
            seen = TRUE;
          }
      }
    ck_assert (seen);
  }

  /* Unchanged, it is Repartee's: exported again without --force. */
  ck_assert_int_eq (run (&out, &err, "export", "-q", "--format", "brat", project_path, "-o", folder, NULL), 0);
  ck_assert_str_eq (err, "");

  /* A file the user edited (in brat, say) is theirs now. */
  {
    FILE *f = fopen (ann, "a");
    fputs ("#1\tAnnotatorNotes T1\tchecked\n", f);
    fclose (f);
  }
  ck_assert (g_file_get_contents (ann, &kept, &kept_len, NULL));
  ck_assert_int_eq (run (&out, &err, "export", "--format", "brat", project_path, "-o", folder, NULL), 1);
  ck_assert_contains (err, "dataset holds “day-2.ann”, which changed since Repartee wrote it");
  ck_assert (file_equals (ann, kept, kept_len));

  /* So is a file the user added. */
  ck_assert_int_eq (run (&out, &err, "export", "-q", "--force", "--format", "brat", project_path,
                         "-o", folder, NULL), 0);
  extra = rpt_test_write_file (folder, "notes.txt", "mine", -1);
  ck_assert_int_eq (run (&out, &err, "export", "--format", "brat", project_path, "-o", folder, NULL), 1);
  ck_assert_contains (err, "dataset holds “notes.txt”, which Repartee did not write");
  ck_assert (file_equals (extra, "mine", 4));
}
END_TEST

/* Names in @dir that start with @prefix. */
static guint
count_prefixed (const char *dir,
                const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)))
    n += g_str_has_prefix (name, prefix);
  return n;
}

/* What a kill leaves: the hidden folder an export was writing (its
 * manifest comes first), or the previous export moved aside. */
START_TEST (test_stale_folders_are_removed)
{
  g_autofree char *folder = g_build_filename (tmp, "dest", NULL);
  g_autofree char *partial = g_build_filename (tmp, ".dest.Ab12Cd", NULL);
  g_autofree char *old = g_build_filename (tmp, ".dest.old.Zz9Yy8", NULL);
  g_autofree char *user = g_build_filename (tmp, ".dest.backup", NULL);
  g_autofree char *lookalike = g_build_filename (tmp, ".dest.Qq1Ww2", NULL);
  g_autofree char *out = NULL, *err = NULL;

  /* A complete export moved aside. */
  ck_assert_int_eq (run (&out, &err, "export", "-q", "--format", "brat", project_path, "-o", old, NULL), 0);
  /* One killed while writing: the manifest lists what was to come. */
  g_mkdir (partial, 0755);
  g_free (rpt_test_write_file (partial, ".repartee-export",
                               "{\"repartee-export\": 1, \"format\": \"brat\", \"complete\": false, \"files\": ["
                               "{\"name\": \"day-1.txt\"}, {\"name\": \"day-1.ann\"}]}\n", -1));
  g_free (rpt_test_write_file (partial, "day-1.txt", "half a", -1));
  /* The user's own hidden folders, one named like ours but without a
   * manifest: never touched. */
  g_mkdir (user, 0755);
  g_free (rpt_test_write_file (user, "a.txt", "mine", -1));
  g_mkdir (lookalike, 0755);
  g_free (rpt_test_write_file (lookalike, "b.txt", "mine too", -1));

  ck_assert_int_eq (run (&out, &err, "export", "-q", "--format", "brat", project_path, "-o", folder, NULL), 0);
  ck_assert (!g_file_test (partial, G_FILE_TEST_EXISTS));
  ck_assert (!g_file_test (old, G_FILE_TEST_EXISTS));
  ck_assert_uint_eq (count_prefixed (tmp, ".dest."), 2);
  {
    g_autofree char *a = g_build_filename (user, "a.txt", NULL);
    g_autofree char *b = g_build_filename (lookalike, "b.txt", NULL);

    ck_assert (file_equals (a, "mine", 4));
    ck_assert (file_equals (b, "mine too", 8));
  }
}
END_TEST

/* A folder export that fails names the destination, not its hidden
 * temporary folder, and leaves nothing behind. */
START_TEST (test_folder_errors_name_the_destination)
{
  g_autofree char *quoted_project = g_shell_quote (project_path);
  g_autofree char *folder = g_build_filename (tmp, "big", NULL);
  g_autofree char *quoted_folder = g_shell_quote (folder);
  g_autofree char *script = g_strdup_printf ("ulimit -f 0; \"$TOOL\" export -q --format brat %s -o %s",
                                             quoted_project, quoted_folder);
  g_autofree char *out = NULL, *err = NULL;

  ck_assert_int_eq (run_shell (script, &out, &err), 1);
  ck_assert_contains (err, folder);
  ck_assert_msg (strstr (err, ".big.") == NULL, "the message names the temporary folder: %s", err);
  ck_assert (!g_file_test (folder, G_FILE_TEST_EXISTS));
  ck_assert_uint_eq (count_prefixed (tmp, ".big."), 0);
}
END_TEST

/* ---- Saving a project in place: add, format, reanchor ---- */

/* Each command as it would change the project: add an article, format a
 * file with a space before it, re-anchor an article given a new text. */
static int
run_in_place (guint        which,
              gboolean     force,
              char       **out,
              char       **err)
{
  g_autofree char *article = rpt_test_write_file (tmp, "extra.txt", "Extra\n\nA new article.\n", -1);
  g_autofree char *day2 = rpt_test_write_file (tmp, "day-2-new.txt", FIXTURE_TEXT_2 " It rained.", -1);
  g_autofree char *arg = g_strconcat ("day-2=", day2, NULL);
  const char *f = force ? "--force" : NULL;

  /* --force last, or nothing (run stops at the first NULL). */
  switch (which)
    {
    case 0:
      return run (out, err, "add", project_path, article, f, NULL);
    case 1:
      return run (out, err, "format", project_path, f, NULL);
    default:
      return run (out, err, "reanchor", "--article", arg, project_path, f, NULL);
    }
}

static void
reset_project (const char *data,
               gsize       len)
{
  g_unlink (project_path);
  ck_assert (g_file_set_contents (project_path, data, (gssize) len, NULL));
}

/* As an editor asks before writing over a read-only file or someone
 * else's: refused without --force, saying why, and the file untouched. */
static void
check_in_place (void (*prepare) (const char *path),
                const char *reason)
{
  const char *commands[] = { "add", "format", "reanchor" };
  /* Not as format writes it: a space before the object. */
  g_autofree char *messy = g_strconcat (" ", project_data, NULL);
  gsize messy_len = project_len + 1;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_autofree char *refusal = g_strconcat (reason, "; use --force to replace it", NULL);
      g_autofree char *note = g_strconcat (reason, "; replaced it because of --force", NULL);
      struct stat st;

      reset_project (messy, messy_len);
      prepare (project_path);
      ck_assert_msg (run_in_place (i, FALSE, &out, &err) == 1, "%s replaced it: %s", commands[i], out);
      ck_assert_contains (err, refusal);
      ck_assert_contains (err, "summit.json was not changed");
      ck_assert_msg (file_equals (project_path, messy, messy_len), "%s changed the project", commands[i]);

      ck_assert_int_eq (run_in_place (i, TRUE, &out, &err), 0);
      ck_assert_contains (err, note);
      ck_assert (!file_equals (project_path, messy, messy_len));
      ck_assert (stat (project_path, &st) == 0);
      if (prepare == rpt_test_make_read_only)
        ck_assert_int_eq (st.st_mode & 0777, 0444);
      g_chmod (project_path, 0644);
    }
}

START_TEST (test_in_place_read_only_project)
{
  check_in_place (rpt_test_make_read_only, "summit.json is read-only");
}
END_TEST

START_TEST (test_in_place_another_users_project)
{
  /* Only root can give a file away. */
  if (geteuid () != 0)
    return;
  check_in_place (rpt_test_give_away, "summit.json belongs to another user (nobody)");
}
END_TEST

START_TEST (test_help_mentions_force)
{
  const char *commands[] = { "export", "summary", "import", "add", "format", "reanchor" };
  g_autofree char *out = NULL, *err = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      ck_assert_int_eq (run (&out, &err, commands[i], "--help", NULL), 0);
      ck_assert_contains (out, "--force");
    }
}
END_TEST

static Suite *
output_suite (void)
{
  Suite *s = suite_create ("tool-output");
  TCase *tc = tcase_create ("output");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_never_over_the_project);
  tcase_add_test (tc, test_never_over_an_import_input);
  tcase_add_test (tc, test_never_a_folder_holding_the_project);
  tcase_add_test (tc, test_existing_file_needs_force);
  tcase_add_test (tc, test_read_only_file);
  tcase_add_test (tc, test_file_of_another_user);
  tcase_add_test (tc, test_dangling_link);
  tcase_add_test (tc, test_not_a_regular_file);
  tcase_add_test (tc, test_empty_name);
  tcase_add_test (tc, test_user_folder_is_kept);
  tcase_add_test (tc, test_folder_of_folders_is_never_replaced);
  tcase_add_test (tc, test_earlier_export_is_replaced);
  tcase_add_test (tc, test_stale_folders_are_removed);
  tcase_add_test (tc, test_folder_errors_name_the_destination);
  tcase_add_test (tc, test_help_mentions_force);
  tcase_add_test (tc, test_in_place_read_only_project);
  tcase_add_test (tc, test_in_place_another_users_project);
  suite_add_tcase (s, tc);
  return s;
}

RPT_TEST_MAIN (output_suite)
