/* rpt-json-writer.h: small helpers to emit JSON into a GString, shared by the
 * project writer and the exporters. Output is deterministic.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* Appends @len bytes. In GLib 2.74 every g_string_append() is a call that
 * checks and may move memory; saving and exporting make millions of small
 * appends into a buffer sized beforehand, so the common case is a copy. */
static inline void
rpt_json_put (GString    *out,
              const char *bytes,
              gsize       len)
{
  if (G_LIKELY (out->len + len < out->allocated_len))
    {
      memcpy (out->str + out->len, bytes, len);
      out->len += len;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, bytes, (gssize) len);
}

/* A string literal. */
#define rpt_json_put_literal(out, literal) rpt_json_put ((out), "" literal, sizeof (literal) - 1)

/* Appends @str as a JSON string literal (quotes included), escaping
 * quotes, backslashes and control characters; other UTF-8 is kept. */
void rpt_json_append_string  (GString    *out,
                              const char *str);
/* Same, for the first @len bytes of @str. */
void rpt_json_append_string_len (GString    *out,
                                 const char *str,
                                 gsize       len);
/* "key": value members; the caller writes the separators. */
void rpt_json_append_member_string (GString    *out,
                                    const char *key,
                                    const char *value);
void rpt_json_append_member_uint   (GString    *out,
                                    const char *key,
                                    guint64     value);
/* Microseconds since the epoch -> "2026-11-22T10:00:00Z". */
void rpt_json_append_timestamp     (GString    *out,
                                    gint64      usec);

G_END_DECLS
