// The widget's words and colours, which need no GL: Turkish suffixes after percentages, and
// text contrast of at least 4.5:1 in both themes, on every party colour of the demo feed.
#include <doctest/doctest.h>


#include "core/feed.h"
#include "support.h"
#include "ui/strings.h"
#include "ui/theme.h"

using namespace sandik;

TEST_CASE("ui text") {
  SUBCASE("ballot boxes opened, with Turkish vowel harmony after the number") {
    CHECK(ui::boxes_opened_sentence(74.93, Lang::Tr) == "Sandıkların %74,93'ü açıldı");
    CHECK(ui::boxes_opened_sentence(99.99, Lang::Tr) == "Sandıkların %99,99'u açıldı");
    CHECK(ui::boxes_opened_sentence(100, Lang::Tr) == "Sandıkların %100,00'ü açıldı");
    CHECK(ui::boxes_opened_sentence(50, Lang::Tr) == "Sandıkların %50,00'si açıldı");
    CHECK(ui::boxes_opened_sentence(10, Lang::Tr) == "Sandıkların %10,00'u açıldı");
    CHECK(ui::boxes_opened_sentence(91.11, Lang::Tr) == "Sandıkların %91,11'i açıldı");
    CHECK(ui::boxes_opened_sentence(40.06, Lang::Tr) == "Sandıkların %40,06'sı açıldı");
    CHECK(ui::boxes_opened_sentence(74.93, Lang::En) == "74.93% of ballot boxes counted");
  }
  SUBCASE("text contrast at least 4.5:1 in both themes") {
    for (bool dark : {false, true}) {
      const ui::Palette p = ui::palette(dark, 0);
      CHECK(ui::contrast_ratio(p.text, p.background) >= 4.5);
      CHECK(ui::contrast_ratio(p.secondary, p.background) >= 4.5);
      CHECK(ui::contrast_ratio(p.accent, p.background) >= 4.5);
      CHECK(ui::contrast_ratio(ui::text_on(p.live), p.live) >= 4.5);
      CHECK(ui::contrast_ratio(ui::text_on(p.final_), p.final_) >= 4.5);
      CHECK(ui::contrast_ratio(ui::text_on(p.test), p.test) >= 4.5);
    }
    CHECK(ui::contrast_ratio(0xFFFFFF, 0x000000) == doctest::Approx(21.0));
  }
  SUBCASE("labels on every party colour of the demo feed stay legible") {
    const ParsedFeed f = parse_feed(test::read_file(SANDIK_ASSETS "/feeds/istanbul-2024.json"));
    REQUIRE(f.ok());
    for (const Party& party : f.feed->parties) {
      INFO(party.id);
      CHECK(ui::contrast_ratio(ui::text_on(party.color), party.color) >= 4.5);
    }
  }
}
