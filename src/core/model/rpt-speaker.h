/* rpt-speaker.h: a person quoted in the articles.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RPT_TYPE_SPEAKER (rpt_speaker_get_type ())
G_DECLARE_FINAL_TYPE (RptSpeaker, rpt_speaker, RPT, SPEAKER, GObject)

RptSpeaker *rpt_speaker_new      (const char *id,
                                  const char *name);
const char *rpt_speaker_get_id   (RptSpeaker *self);
const char *rpt_speaker_get_name (RptSpeaker *self);

G_END_DECLS
