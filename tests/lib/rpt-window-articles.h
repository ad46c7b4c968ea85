/* rpt-window-articles.h: the articles (text written for these tests) that
 * the window suites import, save and reopen.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#define ARTICLE_A \
  "Ministers trade words at the lake summit\n" \
  "\n" \
  "The Norland minister said the new bridge would open next spring. " \
  "\"Only if you count the winters twice,\" replied the Sudmark minister, " \
  "and the room laughed. Both sides promised to meet again in May.\n"

#define ARTICLE_B \
  "Bridge talks end with a handshake\n" \
  "\n" \
  "Officials from Norland and Sudmark met for three hours. The Sudmark " \
  "delegation called the talks useful. A joint statement will follow.\n"
