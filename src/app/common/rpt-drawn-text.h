/* rpt-drawn-text.h: what list rows need to draw their text with Pango
 * themselves instead of holding GtkLabels. GtkListView keeps up to 200
 * rows alive and measures every one; a row of labels costs a template and
 * several layouts per label each time, a drawn row one layout per line.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* libadwaita's .caption beside its 11 pt body text (9 pt), and .dim-label. */
#define RPT_DRAWN_TEXT_CAPTION_SCALE (9.0 / 11.0)
#define RPT_DRAWN_TEXT_DIM_OPACITY   0.55f

/* A single-paragraph layout in @widget's font; @attribute (taken, may be
 * NULL) applies to all of its text. */
PangoLayout *rpt_drawn_text_new_layout (GtkWidget          *widget,
                                        PangoAttribute     *attribute,
                                        PangoEllipsizeMode  ellipsize);
/* The widest character of @widget's font, as GtkLabel counts width-chars. */
int          rpt_drawn_text_char_width (GtkWidget          *widget);
int          rpt_drawn_text_height     (PangoLayout        *layout);
/* @widget's text colour, and the same dimmed. */
void         rpt_drawn_text_colors     (GtkWidget          *widget,
                                        GdkRGBA            *color,
                                        GdkRGBA            *dim);
void         rpt_drawn_text_append     (GtkSnapshot        *snapshot,
                                        PangoLayout        *layout,
                                        int                 x,
                                        int                 y,
                                        const GdkRGBA      *color);

G_END_DECLS
