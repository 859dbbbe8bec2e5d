// The presentation model: every word and number a reader sees, as the canvas draws it, the
// accessible mirror reads it and the command line prints it — on the real figures of the night.
#include <doctest/doctest.h>

#include <cstdio>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "core/feed.h"
#include "support.h"
#include "ui/present.h"
#include "ui/strings.h"
#include "ui/widget.h"

using namespace sandik;
using ojson = nlohmann::ordered_json;

namespace {

ui::Widget widget_on(const std::string& path, const std::string& view = "summary", Lang lang = Lang::Tr,
                     const std::string& race = "") {
  ui::Widget w;
  ui::WidgetOptions o;
  o.view = view;
  o.lang = lang;
  o.race = race;
  w.set_options(o);
  const ui::FeedUpdate up = w.set_feed(test::read_file(path));
  REQUIRE(up.accepted);
  return w;
}

const std::string kFinal = SANDIK_ASSETS "/feeds/istanbul-2024.json";
const std::string kNight = SANDIK_ASSETS "/feeds/night/";

std::string run(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  pclose(p);
  return out;
}

}  // namespace

TEST_CASE("present") {
  SUBCASE("summary: the final count of İBB 2024 in Turkish") {
    const ui::Widget w = widget_on(kFinal);
    const ui::SummaryView& v = w.presented().summary;
    CHECK(v.status == "KESİN");
    CHECK(v.title == "İBB Başkanlığı");
    CHECK(v.reporting == "Sandıkların %99,99'u açıldı");
    REQUIRE(v.bars.size() == 5);  // four leading, the rest grouped
    CHECK(v.bars[0].name == "Ekrem İmamoğlu");
    CHECK(v.bars[0].share == "%51,15");
    CHECK(v.bars[0].votes == "4.433.015 oy");
    CHECK(v.bars[0].tag == "Kazandı");
    CHECK(v.bars[0].winner);
    CHECK(v.bars[1].tag.empty());
    CHECK(v.bars[4].contestant == -1);
    CHECK(v.bars[4].name == "Diğer (45) — tümü");
    CHECK(v.margin == "İmamoğlu 1.001.426 oy önde (11,56 puan)");
  }
  SUBCASE("the same summary in English") {
    const ui::Widget w = widget_on(kFinal, "summary", Lang::En);
    const ui::SummaryView& v = w.presented().summary;
    CHECK(v.status == "FINAL");
    CHECK(v.reporting == "99.99% of ballot boxes counted");
    CHECK(v.bars[0].share == "51.15%");
    CHECK(v.margin == "İmamoğlu leads by 1,001,426 votes (11.56 points)");
  }
  SUBCASE("one margin rule: the difference of the shares as shown, everywhere") {
    // %51,15 − %39,59 = 11,56, though the unrounded difference is 11,553…
    const ui::Widget w = widget_on(kFinal, "detail");
    CHECK(w.model().current.margin_pct_points == doctest::Approx(11.56));
    CHECK(margin_points(51.145, 39.594) == doctest::Approx(11.56));
    CHECK(margin_points(50.0049, 50.0049) == 0);
    const std::string json = run(std::string(SANDIK_CLI) + " summary " + kFinal + " --json");
    CHECK(json.find("\"margin_pct_points\": 11.56") != std::string::npos);
  }
  SUBCASE("the command line prints the widget's margin sentence, aligned by letters") {
    const ui::Widget w = widget_on(kFinal);
    const std::string out = run(std::string(SANDIK_CLI) + " summary " + kFinal + " --lang tr");
    CHECK(out.find(w.presented().summary.margin + "\n") != std::string::npos);
    CHECK(out.find("won") == std::string::npos);  // no English words in the Turkish output
    CHECK(out.find("açılan sandık 33.270 / 33.273 (%99,99), katılım %79,18") != std::string::npos);
    // "Ekrem İmamoğlu" (14 letters, 16 bytes) and "Murat Kurum" (11): the vote columns line up.
    const auto col = [&](const std::string& votes) {
      const std::size_t at = out.find(votes), line = out.rfind('\n', at) + 1;
      std::size_t letters = 0;
      for (std::size_t i = line; i < at; ++i) letters += (static_cast<unsigned char>(out[i]) & 0xC0) != 0x80;
      return letters;
    };
    CHECK(col("4.433.015") == col("3.431.589"));
    CHECK(col("%51,15") == col("%39,59"));
  }
  SUBCASE("the mirror reads the bars the canvas draws") {
    const ui::Widget w = widget_on(kFinal);
    const ui::SummaryView& v = w.presented().summary;
    const ui::AccessibleSection s = ui::mirror(v);
    REQUIRE(s.rows.size() == v.bars.size());
    for (std::size_t i = 0; i < v.bars.size(); ++i) CHECK(s.rows[i][3] == v.bars[i].share);
    CHECK(s.rows[0] == std::vector<std::string>{"Ekrem İmamoğlu", "CHP", "4.433.015", "%51,15"});
    CHECK(s.rows[4][0] == "Diğer (45)");
    CHECK(s.sentence.find(v.margin) != std::string::npos);
  }
  SUBCASE("shares only (ANKA at 19.15): no votes invented, the leader in words") {
    const ui::Widget w = widget_on(kNight + "01-anka-1915.json");
    const ui::SummaryView& v = w.presented().summary;
    CHECK(v.status == "CANLI");
    CHECK(v.source_line == "ANKA Haber Ajansı · 19.15 itibarıyla");
    CHECK(v.bars[0].votes.empty());
    CHECK(v.bars[0].share == "%58,79");
    CHECK(v.bars[0].tag == "Önde");
    CHECK(v.margin == "İmamoğlu önde");
    CHECK(v.unofficial == "Resmî olmayan sonuçlar");  // an agency's count
    CHECK(v.sentence.find("19.15 itibarıyla. Resmî olmayan sonuçlar.") != std::string::npos);
    // The accessible sentence says who leads once, not "… önde, %58,79. İmamoğlu önde."
    CHECK(v.sentence.find("Ekrem İmamoğlu önde, %58,79. Sandıkların") != std::string::npos);
    CHECK(v.sentence.find("İmamoğlu önde.") == std::string::npos);
  }
  SUBCASE("photos and logos: the candidate's photo, else the party's logo; every bar keeps the place") {
    ojson j = ojson::parse(test::read_file(kFinal));
    for (auto& r : j["races"])
      if (r["id"] == "ibb")
        for (auto& c : r["candidates"])
          if (c["id"] == "ekrem-imamoglu") c["photo"] = "photos/imamoglu.jpg";
    for (auto& p : j["parties"])
      if (p["id"] == "AKP") p["logo"] = "logos/akp.svg";
    ui::Widget w;
    ui::WidgetOptions o;
    o.race = "ibb";
    w.set_options(o);
    REQUIRE(w.set_feed(j.dump()).accepted);
    const ui::SummaryView& v = w.presented().summary;
    CHECK(v.images);
    CHECK(v.bars[0].image == "photos/imamoglu.jpg");
    CHECK(v.bars[0].photo);
    CHECK(v.bars[1].image == "logos/akp.svg");  // Kurum has no photo: his party's logo
    CHECK_FALSE(v.bars[1].photo);
    CHECK(v.bars[2].image.empty());
    CHECK(widget_on(kFinal).presented().summary.images == false);
  }
  SUBCASE("a call for someone the count does not show ahead: one rule, said the same everywhere") {
    ojson j = ojson::parse(test::read_file(SANDIK_TEST_DATA "/example.json"));
    j["races"][0]["calls"] = {
        {{"source", "AA"}, {"area", "istanbul"}, {"winner", "kurum"}, {"at", "2024-03-31T23:00:00+03:00"}},
        {{"source", "AA"}, {"area", "adalar"}, {"winner", "kurum"}, {"at", "2024-03-31T23:00:00+03:00"}}};
    ui::Widget w;
    ui::WidgetOptions o;
    o.view = "detail";
    o.source = "AA";
    w.set_options(o);
    REQUIRE(w.set_feed(j.dump()).accepted);
    const ui::SummaryView& v = w.presented().summary;
    REQUIRE(v.bars.size() >= 2);
    CHECK(v.bars[0].name == "Ekrem İmamoğlu");
    CHECK(v.bars[0].tag.empty());  // not also "Önde"
    CHECK(v.bars[1].tag == "Kazandı");
    CHECK(v.margin == "Kurum kazandı (Anadolu Ajansı ilanı); sayımda İmamoğlu önde");
    CHECK(v.sentence.find("Murat Kurum kazandı, %38,02.") != std::string::npos);  // the winner's own share
    // The table is the count: Adalar's leader with his own share, not the called one's name beside it.
    const ui::TableView& t = w.presented().table;
    REQUIRE(!t.rows.empty());
    CHECK(t.rows[0].id == "adalar");
    CHECK(t.rows[0].cells[1].text == "Ekrem İmamoğlu");
    CHECK(t.rows[0].cells[2].text == "%54,30");
  }
  SUBCASE("a feed that does not say who counted: the source named, no label") {
    const ui::Widget w = widget_on(SANDIK_TEST_DATA "/example.json");
    CHECK(w.presented().summary.unofficial.empty());
    CHECK(w.presented().summary.sentence.find("Resmî") == std::string::npos);
  }
  SUBCASE("while boxes are still being counted, the table shows how far each district is, on a 390 px phone too") {
    ui::Widget w;
    ui::WidgetOptions o;
    o.view = "table";
    w.set_options(o);
    REQUIRE(w.set_feed(test::read_file(SANDIK_TEST_DATA "/example.json")).accepted);  // Adalar 71,4 % counted
    const ui::TableView& t = w.presented().table;
    std::vector<std::string> at390;  // (a 390 px phone: 358 px inside the padding)
    for (std::size_t i : t.shown(358)) at390.push_back(t.columns[i].key);
    CHECK(at390 == std::vector<std::string>{"name", "leader", "margin", "reporting"});
    CHECK(t.columns[5].label == "Açılan");
    CHECK(t.rows[0].cells[5].text == "%71,4");
  }
  SUBCASE("district table: columns by width, sentence in the reader's words") {
    ui::Widget w;
    ui::WidgetOptions o;
    o.view = "table";
    o.sort = "margin";
    o.desc = true;
    w.set_options(o);
    REQUIRE(w.set_feed(test::read_file(kFinal)).accepted);
    const ui::TableView& t = w.presented().table;
    // What the figures are, said once under the table (the shares and the margin's unit).
    CHECK(t.key == "Birinci, ikinci: oy oranı. Fark: birinci ile ikinci arasında, yüzde puan.");
    CHECK(t.sentence == "39 satır, sıralama: fark (azalan). " + t.key);
    CHECK(t.columns[2].label == "Birinci");  // a share, not "Oy" (votes)
    CHECK(t.columns[3].label == "İkinci");
    CHECK(t.caption == "İlçe — İBB Başkanlığı, İstanbul");
    std::vector<std::string> at320, at760;
    for (std::size_t i : t.shown(320)) at320.push_back(t.columns[i].key);
    for (std::size_t i : t.shown(760)) at760.push_back(t.columns[i].key);
    CHECK(at320 == std::vector<std::string>{"name", "leader", "margin"});
    // Beykoz and Beyoğlu still have boxes to open (99,8 and 99,6 %): how far, from a 390 px phone on.
    std::vector<std::string> at358;
    for (std::size_t i : t.shown(358)) at358.push_back(t.columns[i].key);
    CHECK(at358 == std::vector<std::string>{"name", "leader", "margin", "reporting"});
    CHECK(at760 == std::vector<std::string>{"name", "leader", "share", "runner-up", "margin", "reporting", "turnout"});
    CHECK(t.columns[7].key == "previous");  // no 2019 winner per district in this race: in the mirror only
    CHECK(t.columns[7].from_css > 100000);
    CHECK(t.columns[4].label == "Fark \u25BC");
    REQUIRE(t.rows.size() == 39);
    CHECK(t.rows[0].cells[0].text == "Beşiktaş");
    CHECK(t.rows[0].cells[1].narrow == "İmamoğlu");
    CHECK(t.rows[0].cells[4].text == "66,9");
    CHECK(t.rows[0].cells[4].said() == "66,9 puan");
    const ui::AccessibleSection s = ui::mirror(t);
    CHECK(s.columns[4] == "Fark");
    CHECK(s.rows[0][4] == "66,9 puan");
  }
  SUBCASE("a district that changed hands: a chip in the table, the words in the mirror") {
    const ui::Widget w = widget_on(kFinal, "flips", Lang::Tr, "ilce");
    const ui::FlipsView& f = w.presented().flips;
    REQUIRE(!f.rows.empty());
    CHECK(f.title == "El değiştiren ilçeler (" + std::to_string(f.rows.size()) + ")");
    CHECK(f.sentence == w.model().race->title.get("tr") + ": " + std::to_string(f.rows.size()) + " yer el değiştirdi.");
    ui::Widget t = widget_on(kFinal, "table", Lang::Tr, "ilce");
    const ui::TableView& tv = t.presented().table;
    bool chip = false;
    for (const auto& r : tv.rows)
      if (r.cells[7].chip) {
        chip = true;
        CHECK(r.cells[7].text.find(" → ") != std::string::npos);
        CHECK(r.cells[7].said() == r.cells[7].text + " (el değiştirdi)");
      }
    CHECK(chip);
    CHECK(f.rows[0].margin.rfind("+", 0) == 0);
    CHECK(f.rows[0].margin.find(" puan") != std::string::npos);
  }
  SUBCASE("the sources side by side") {
    const ui::Widget w = widget_on(kNight + "06-anka-1142.json", "sources");
    const ui::SourcesView& v = w.presented().sources;
    CHECK(v.title == "Ajanslar yan yana");
    REQUIRE(v.choices.size() >= 2);
    CHECK(v.columns.front() == "Aday");
    REQUIRE(!v.rows.empty());
    CHECK(v.rows[0].cells.size() == v.columns.size() - 1);
    CHECK(v.lines.size() == v.choices.size());
    // The agencies' last counts came on 1 April, the day after the election: their dates said.
    CHECK(v.lines[0].find("1 Nis 11.42") != std::string::npos);
  }
  SUBCASE("the timeline: moments, axes and the card of the hovered one") {
    const ui::Widget w = widget_on(kNight + "06-anka-1142.json", "timeline");
    const ui::TimelineView& v = w.presented().timeline;
    REQUIRE(v.moments.size() >= 2);
    CHECK(v.empty.empty());
    CHECK(v.lo < v.hi);
    CHECK(!v.series.empty());
    CHECK(v.rows.size() == v.moments.size());
    CHECK(v.sentence.find(" an, ") != std::string::npos);
    CHECK(v.end == "1 Nis 11.42");  // the next day, with its date
  }
  SUBCASE("seats against before") {
    const ui::Widget w = widget_on(SANDIK_TEST_DATA "/council.json", "seats");
    const ui::SeatsView& v = w.presented().seats;
    CHECK(v.has_seats);
    CHECK(v.total == 8);
    CHECK(v.majority == 5);
    CHECK(v.subtitle == "8 sandalye · çoğunluk 5");
    int sum = 0;
    for (const auto& r : v.rows) sum += r.count;
    CHECK(sum == 8);
  }
  SUBCASE("notices, the stale line, the live region and failures, in both languages") {
    CHECK(ui::stale_line(0, false, Lang::Tr) == "Son güncelleme az önce");
    CHECK(ui::stale_line(3, false, Lang::Tr) == "Son güncelleme 3 dk önce");
    CHECK(ui::stale_line(130, true, Lang::Tr) == "Son güncelleme 2 saat önce — sonuçlar değişmiyor olabilir.");
    CHECK(ui::stale_line(3, false, Lang::En) == "Last updated 3 min ago");
    CHECK(ui::announcement("", "Ekrem İmamoğlu", -1, 1, Lang::Tr).empty());  // the first results are the page's own
    CHECK(ui::announcement("Murat Kurum", "Ekrem İmamoğlu", 1, 1, Lang::Tr) == "Yeni lider: Ekrem İmamoğlu.");
    CHECK(ui::announcement("Ekrem İmamoğlu", "Ekrem İmamoğlu", 1, 2, Lang::Tr) ==
          "Sandıkların %20'si açıldı; önde: Ekrem İmamoğlu.");
    CHECK(ui::announcement("A", "A", 9, 10, Lang::En) == "100% of ballot boxes counted; leading: A.");
    CHECK(ui::failure_message("timeout", "20", Lang::Tr) ==
          "Sonuçlar güncellenemedi (20 sn içinde yanıt gelmedi); son sonuçlar gösteriliyor.");
    CHECK(ui::failure_message("too-large", "123", Lang::En) ==
          "Results could not be updated (the feed is too large (123 B)); showing the last ones.");
    CHECK(ui::failure_message("feed", "races: missing", Lang::Tr) == "Sonuç verisi okunamadı: races: missing");
    // before any results: nothing "last" to show; the browser's English never reaches the reader
    CHECK(ui::failure_message("network", "Failed to fetch", Lang::Tr, false) ==
          "Sonuçlar yüklenemedi (sunucuya ulaşılamadı).");
    CHECK(ui::failure_message("network", "Failed to fetch", Lang::En, true) ==
          "Results could not be updated (the server could not be reached); showing the last ones.");
    CHECK(ui::present_notices(Lang::Tr).search_placeholder == "İlçe ara…");
  }
}

namespace {
ui::Widget widget_with(const std::string& path, ui::WidgetOptions o) {
  ui::Widget w;
  w.set_options(o);
  REQUIRE(w.set_feed(test::read_file(path)).accepted);
  return w;
}
}  // namespace

TEST_CASE("present: the reader's night (#16)") {
  ui::WidgetOptions o;
  o.view = "full";
  SUBCASE("the freshest count first: at 22.35 AA's 74,93 %, not ANKA's 19.15 figures") {
    const ui::Widget w = widget_with(kNight + "03-aa-2235.json", o);
    const ui::SummaryView& v = w.presented().summary;
    CHECK(v.reporting == "Sandıkların %74,93'ü açıldı");
    CHECK(v.source_line == "Anadolu Ajansı · 22.35 itibarıyla");
    // 01.00: AA again (newer than the CHP's own count at 23.35 and ANKA at 19.15)
    const ui::Widget later = widget_with(kNight + "05-aa-0100.json", o);
    CHECK(later.presented().summary.source_line == "Anadolu Ajansı · 1 Nis 01.00 itibarıyla");
    // the reader's or the page's choice still wins
    o.source = "ANKA";
    CHECK(widget_with(kNight + "03-aa-2235.json", o).presented().summary.source_line ==
          "ANKA Haber Ajansı · 19.15 itibarıyla");
  }
  SUBCASE("a 10 % count and a 75 % one are not subtracted") {
    const ui::Widget w = widget_with(kNight + "03-aa-2235.json", o);
    const ui::SourcesView& v = w.presented().sources;
    CHECK(v.columns == std::vector<std::string>{"Aday", "ANKA", "AA"});
    REQUIRE_FALSE(v.rows.empty());
    CHECK(v.rows[0].cells.size() == 2);
    CHECK(v.lines.back() == "Sayımlar farklı aşamada: fark gösterilmiyor.");
    CHECK(v.sentence.find("fark gösterilmiyor") != std::string::npos);
    // the final counts of both agencies are at the same stage: their difference is shown
    const ui::Widget fin = widget_with(kFinal, o);
    CHECK(fin.presented().sources.columns.back() == "Fark");
  }
  SUBCASE("no invented zeros: a district from a source that gives only the city's total") {
    o.area = "uskudar";
    o.source = "ANKA";
    const ui::Widget w = widget_with(kNight + "03-aa-2235.json", o);
    const ui::SummaryView& v = w.presented().summary;
    CHECK(v.bars.empty());
    CHECK(v.margin == "ANKA Haber Ajansı bu bölge için sonuç vermiyor");
    CHECK(v.sentence.find("vermiyor. ANKA") != std::string::npos);
    const ui::SourcesView& s = w.presented().sources;
    for (const auto& row : s.rows)
      for (const std::string& cell : row.cells) CHECK(cell == "–");
    CHECK(s.lines[0] == "ANKA Haber Ajansı bu bölge için sonuç vermiyor.");
  }
  SUBCASE("a table of districts from a source without district figures says why") {
    o.view = "table";
    const ui::Widget w = widget_with(kNight + "01-anka-1915.json", o);
    const ui::TableView& t = w.presented().table;
    CHECK(t.note == "ANKA Haber Ajansı bu yarış için ilçe sonucu vermiyor.");
    CHECK(t.sentence.rfind(t.note, 0) == 0);
    CHECK(widget_with(kFinal, o).presented().table.note.empty());
  }
  SUBCASE("a district of the city-wide race is carried, not won") {
    o.area = "uskudar";
    const ui::Widget w = widget_with(kFinal, o);
    const ui::SummaryView& v = w.presented().summary;
    REQUIRE_FALSE(v.bars.empty());
    CHECK(v.bars[0].tag == "Birinci");
    CHECK_FALSE(v.bars[0].winner);
    CHECK(v.sentence.find("birinci oldu") != std::string::npos);
    CHECK(v.sentence.find("kazandı") == std::string::npos);
    o.lang = Lang::En;
    CHECK(widget_with(kFinal, o).presented().summary.bars[0].tag == "Carried");
  }
  SUBCASE("an old time is a date, never thousands of hours") {
    CHECK(ui::stale_line(60 * 24 * 900, true, Lang::Tr, "31 Mar 2024 22.35") ==
          "Son güncelleme 31 Mar 2024 22.35 — sonuçlar değişmiyor olabilir.");
    CHECK(ui::stale_line(60 * 24 * 900, true, Lang::En, "Mar 31, 2024, 22:35") ==
          "Last updated on Mar 31, 2024, 22:35 — results may not be current.");
    const ui::Widget w = widget_with(kNight + "03-aa-2235.json", o);
    bool stale = false;
    const std::int64_t in_2026 = 1796083200;  // 2026-12-01
    CHECK(w.updated_line(in_2026, 10, stale) == "Son güncelleme 31 Mar 2024 22.35 — sonuçlar değişmiyor olabilir.");
    CHECK(stale);
    // 2 April, the day after: times carry their date
    const ui::Widget fin = widget_with(kFinal, o);
    CHECK(fin.presented().summary.source_line == "ANKA Haber Ajansı · 2 Nis 12.13 itibarıyla");
  }
}

TEST_CASE("present: a flips row never overlaps at phone widths (#16)") {
  // Widths as the widget measures them (CSS px): Noto Sans 15/13 px, about 8 and 7 px a letter.
  const float gap = 6;
  const auto w15 = [](const std::string& s) { return 8.0f * static_cast<float>(s.size()); };
  const auto chip13 = [](const std::string& s) { return 7.0f * static_cast<float>(s.size()) + 12; };
  for (const float width : {288.0f, 358.0f, 736.0f}) {  // 320, 390 and 768 px, less the padding
    struct Case {
      std::string name, from, to, margin;
    };
    for (const Case& k :
         {Case{"Bayrampaşa", "AK Parti", "CHP", "+5,0 puan"}, Case{"Sancaktepe", "MHP", "CHP", "+11,9 puan"},
          Case{"Gaziosmanpaşa", "AK Parti", "Yeniden Refah", "+0,3 puan"}}) {
      CAPTURE(width);
      CAPTURE(k.name);
      const std::string &name = k.name, &from = k.from, &to = k.to, &margin = k.margin;
      const float fw = chip13(from), aw = 16, tw = chip13(to), mw = w15(margin);
      const ui::FlipRowLayout l = ui::flip_row_layout(width, w15(name), fw, aw, tw, mw, gap);
      CHECK(l.from_x >= l.name_w);              // the name's cell ends where the chips begin
      CHECK(l.arrow_x >= l.from_x + fw + gap);  // chip, arrow, chip: apart
      CHECK(l.to_x >= l.arrow_x + aw + gap);
      CHECK(l.to_x + tw <= width);                                        // inside the row
      if (!l.two_lines) CHECK(l.to_x + tw + gap <= l.margin_right - mw);  // beside, clear of the chip
      CHECK(l.margin_right <= width);
    }
  }
  // At 320 px "+5,0 puan" goes under the chips; at 768 px it stays beside them.
  CHECK(ui::flip_row_layout(288, 80, 68, 16, 33, 72, gap).two_lines);
  CHECK_FALSE(ui::flip_row_layout(736, 80, 68, 16, 33, 72, gap).two_lines);
}

TEST_CASE("present: views that have nothing to show say why (#16)") {
  ui::WidgetOptions o;
  SUBCASE("seats on a mayor's race") {
    o.view = "seats";
    const ui::Widget w = widget_with(kFinal, o);
    CHECK(w.presented().seats.empty == "İBB Başkanlığı: sandalye dağılımı yok.");
    CHECK(w.accessible_json().find("sandalye dağılımı yok") != std::string::npos);
  }
  SUBCASE("a search that finds nothing") {
    o.view = "table";
    o.search = "zzz";
    const ui::Widget w = widget_with(kFinal, o);
    CHECK(w.presented().table.rows.empty());
    CHECK(w.presented().table.note == "“zzz” ile eşleşen yer yok.");
    CHECK(w.accessible_json().find("eşleşen yer yok") != std::string::npos);
    o.lang = Lang::En;
    CHECK(widget_with(kFinal, o).presented().table.note == "Nothing matches “zzz”.");
  }
}
