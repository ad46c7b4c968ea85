#!/usr/bin/env python3
# contrast.py: WCAG contrast of article text over each label's highlight,
# in libadwaita's light and dark styles, as src/app/article/rpt-highlighter.c
# draws them (tint alpha 0.30/0.42, selected 0.55/0.52). Prints the
# Markdown table in docs/ACCESSIBILITY.md.
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import sys

# libadwaita 1.2: view_bg_color and view_fg_color.
STYLES = {
    'light': {'bg': (255, 255, 255), 'fg': (0, 0, 0), 'fg_alpha': 0.8,
              'tint': 0.30, 'strong': 0.55},
    'dark': {'bg': (0x1e, 0x1e, 0x1e), 'fg': (255, 255, 255), 'fg_alpha': 1.0,
             'tint': 0.42, 'strong': 0.52},
}


def hex_rgb(h):
    h = h.lstrip('#')
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def over(top, alpha, bottom):
    return tuple(t * alpha + b * (1 - alpha) for t, b in zip(top, bottom))


def luminance(rgb):
    def lin(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else 'data/examples/demo.json'
    labels = json.load(open(path, encoding='utf-8'))['labels']
    print('| Label | Colour | Light, tint | Light, selected | Dark, tint | Dark, selected |')
    print('|---|---|---|---|---|---|')
    worst = 21.0
    for label in labels:
        colour = hex_rgb(label['color'])
        cells = []
        for style in STYLES.values():
            for key in ('tint', 'strong'):
                bg = over(colour, style[key], style['bg'])
                fg = over(style['fg'], style['fg_alpha'], bg)
                r = ratio(fg, bg)
                worst = min(worst, r)
                cells.append(f'{r:.1f}:1')
        print(f"| {label['name']} | `{label['color']}` | " + ' | '.join(cells) + ' |')
    print(f'\nLowest: {worst:.1f}:1 (WCAG AA asks 4.5:1 for body text).')


if __name__ == '__main__':
    main()
