// The widget's state, natively, in milliseconds: feeds one after another, out-of-order and bad
// feeds, the keyboard's path through what can be tapped, the timeline merging the night.
#include <cstdio>
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "support.h"
#include "ui/widget.h"

using namespace sandik;

namespace {
const std::string kFinal = SANDIK_ASSETS "/feeds/istanbul-2024.json";
const std::string kNight = SANDIK_ASSETS "/feeds/night/";
std::string night(const char* name) { return test::read_file(kNight + name); }
ui::WidgetOptions view(const char* v) {
  ui::WidgetOptions o;
  o.view = v;
  return o;
}
}  // namespace

TEST_CASE("widget") {
  SUBCASE("a new feed keeps the reader where they were; a bad or older one is refused and the last good stays") {
    ui::Widget w;
    w.set_options(view("detail"));
    REQUIRE(w.set_feed(night("03-aa-2235.json")).accepted);
    w.set_options([] {
      auto o = view("detail");
      o.area = "sariyer";
      return o;
    }());
    CHECK(w.model().feed->areas[static_cast<std::size_t>(w.model().area)].id == "sariyer");
    REQUIRE(w.set_feed(night("05-aa-0100.json")).accepted);
    CHECK(w.model().feed->areas[static_cast<std::size_t>(w.model().area)].id == "sariyer");
    const std::string shown = w.accessible_json();
    const ui::FeedUpdate late = w.set_feed(night("02-aa-2029.json"));
    CHECK_FALSE(late.accepted);
    REQUIRE(!late.problems.empty());
    CHECK(w.accessible_json() == shown);
    const ui::FeedUpdate bad = w.set_feed("{\"format\": \"sandik/1\"");
    CHECK_FALSE(bad.accepted);
    CHECK(bad.problems.front().severity == Severity::Error);
    CHECK(w.accessible_json() == shown);
  }
  SUBCASE("a race the feed does not have says so and shows no other race") {
    ui::Widget w;
    auto o = view("summary");
    o.race = "nope";
    w.set_options(o);
    REQUIRE(w.set_feed(test::read_file(kFinal)).accepted);
    CHECK_FALSE(w.has_feed());
    CHECK(w.accessible_json().find("Bu seçim için henüz sonuç yok.") != std::string::npos);
    CHECK(w.accessible_json().find("İmamoğlu") == std::string::npos);
    using Unknown = std::vector<std::pair<std::string, std::string>>;
    CHECK(w.unknown_options() == Unknown{{"race", "nope"}});
    o.race = "ibb";
    o.source = "XYZ";
    o.area = "nowhere";
    w.set_options(o);
    CHECK(w.unknown_options() == Unknown{{"source", "XYZ"}, {"area", "nowhere"}});
    o.source = "AA";
    o.area = "sariyer";
    w.set_options(o);
    CHECK(w.unknown_options().empty());
  }
  SUBCASE("the keyboard: headings, then rows; Enter opens a row, Escape goes back") {
    ui::Widget w;
    w.set_options(view("table"));
    w.set_css_width(320);
    REQUIRE(w.set_feed(test::read_file(kFinal)).accepted);
    const auto order = w.focus_order();
    REQUIRE(order.size() == 3 + 39);
    CHECK(order[0] == "header:name");
    CHECK(order[2] == "header:margin");
    CHECK(order[3] == "row:adalar");
    CHECK(w.key(ui::Widget::Key::Next));
    CHECK(w.focus() == "header:name");
    CHECK(w.key(ui::Widget::Key::Last));
    CHECK(w.focus() == order.back());
    CHECK_FALSE(w.key(ui::Widget::Key::Next));  // past the last: the page keeps the key
    // Enter on the margin heading sorts by it, largest first.
    while (w.focus() != "header:margin") w.key(ui::Widget::Key::Previous);
    CHECK(w.activate());
    CHECK(w.model().query.sort == SortKey::Margin);
    CHECK(w.model().query.desc);
    CHECK(w.presented().table.rows[0].id == "besiktas");
    // Enter on a row opens it; the breadcrumb leads back.
    w.key(ui::Widget::Key::Next);
    CHECK(w.focus() == "row:besiktas");
    CHECK(w.activate());
    CHECK(w.model().trail.size() == 2);
    CHECK(w.focus_order().front() == "crumb:istanbul");
    CHECK(w.navigate_back());
    CHECK(w.model().trail.size() == 1);
    CHECK(w.key(ui::Widget::Key::Blur));
    CHECK(w.focus().empty());
  }
  SUBCASE("the full view: tabs first; Enter on a tab opens it") {
    ui::Widget w;
    w.set_options(view("full"));
    REQUIRE(w.set_feed(test::read_file(kFinal)).accepted);
    const auto order = w.focus_order();
    CHECK(order[0] == "tabs:0");
    CHECK(w.presented().chrome.tabs[1].label == "İlçeler");
    w.key(ui::Widget::Key::Next);
    w.key(ui::Widget::Key::Next);
    CHECK(w.focus() == "tabs:1");
    const unsigned before = w.mirror_version();
    CHECK(w.activate());
    CHECK(w.mirror_version() != before);
    CHECK(w.focus_order().back().rfind("row:", 0) == 0);
  }
  SUBCASE("back goes where the reader came from: the tab, the area, the search") {
    ui::Widget w;
    ui::WidgetOptions o = view("full");
    o.search = "sar";
    w.set_options(o);
    w.set_css_width(390);
    REQUIRE(w.set_feed(test::read_file(kFinal)).accepted);
    CHECK(w.take_moved());         // the first place
    CHECK_FALSE(w.place().table);  // Özet at 390 px: no table, the search box has nothing to filter
    while (w.focus() != "tabs:1") REQUIRE(w.key(ui::Widget::Key::Next));
    REQUIRE(w.activate());  // İlçeler
    CHECK(w.take_moved());
    CHECK(w.place().table);
    CHECK(w.place().depth == 0);
    REQUIRE(w.model().rows.size() == 1);  // the search: Sarıyer
    while (w.focus() != "row:sariyer") REQUIRE(w.key(ui::Widget::Key::Next));
    REQUIRE(w.activate());
    ui::Widget::Place p = w.place();
    CHECK(p.tab == ui::View::Summary);
    CHECK(p.area == "sariyer");
    CHECK(p.depth == 1);
    CHECK_FALSE(p.table);
    CHECK(w.take_moved());
    CHECK_FALSE(w.take_moved());  // nothing changed since
    CHECK(w.presented().chrome.crumbs.front().id == "istanbul");
    REQUIRE(w.navigate_back());  // Escape
    p = w.place();
    CHECK(p.tab == ui::View::Table);  // İlçeler, not Özet
    CHECK(p.area.empty());
    CHECK(p.depth == 0);
    CHECK(w.presented().table.rows.size() == 1);  // the search kept
    CHECK(w.model().query.search == "sar");
    CHECK_FALSE(w.navigate_back());  // at the root with nowhere to go back to
    // The breadcrumb is the same step back.
    while (w.focus() != "row:sariyer") REQUIRE(w.key(ui::Widget::Key::Next));
    REQUIRE(w.activate());
    while (w.focus() != "crumb:istanbul") REQUIRE(w.key(ui::Widget::Key::Previous));
    REQUIRE(w.activate());
    CHECK(w.place().tab == ui::View::Table);
    CHECK(w.place().depth == 0);
  }
  SUBCASE("a deep link: the tab and area from the URL, once a feed has them; the page's Back goes through the steps") {
    ui::Widget w;
    w.set_options(view("full"));
    w.go("table", "kadikoy");  // before the feed
    REQUIRE(w.set_feed(test::read_file(kFinal)).accepted);
    CHECK(w.place().tab == ui::View::Table);
    CHECK(w.place().area == "kadikoy");
    CHECK(w.model().trail.size() == 2);
    w.go("sources", "kadikoy");
    CHECK(w.place().tab == ui::View::Sources);
    CHECK_FALSE(w.place().table);
    w.go("summary", "");  // a step on, to the root
    CHECK(w.place().area.empty());
    CHECK(w.place().depth == 1);
    w.go("sources", "kadikoy");  // Back: the step, with its tab
    CHECK(w.place().area == "kadikoy");
    CHECK(w.place().tab == ui::View::Sources);
    CHECK(w.place().depth == 0);
    w.go("nonsense", "nowhere");  // a hash made by hand: nothing opens, nothing breaks
    CHECK(w.place().area == "kadikoy");
    CHECK(w.place().tab == ui::View::Summary);
  }
  SUBCASE("a night polled every second: the timeline presents 600 moments, first and last among them") {
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(test::read_file(SANDIK_TEST_DATA "/example.json"));
    auto& points = j["races"][0]["history"]["AA"];
    points = nlohmann::ordered_json::array();
    for (int i = 0; i < 3000; ++i) {
      char at[32];
      std::snprintf(at, sizeof at, "2024-03-31T%02d:%02d:%02d+03:00", 18 + i / 3600, (i / 60) % 60, i % 60);
      points.push_back({{"at", at}, {"boxes_counted", i}, {"votes", {{"imamoglu", 1000 + i}, {"kurum", 900}, {"altinoz", 10}}}});
    }
    ui::Widget w;
    w.set_options(view("timeline"));
    REQUIRE(w.set_feed(j.dump()).accepted);
    const ui::TimelineView& t = w.presented().timeline;
    const auto& moments = w.model().moments;
    REQUIRE(moments.size() > 3000);
    CHECK(t.moments.size() == ui::TimelineView::kMostMoments);
    CHECK(t.moments.front() == moments.front().at);
    CHECK(t.moments.back() == moments.back().at);
    CHECK(t.rows.size() == ui::TimelineView::kMostMoments);
    CHECK(t.sentence.find("3.002") != std::string::npos);  // all of them counted, grouped
    CHECK(moments.size() == 3002);  // the 3,000 points, and each source's count now
  }
  SUBCASE("a feed read in slices: the last good results stay until it is read; newer bytes replace it") {
    const std::string text = test::read_file(SANDIK_TEST_DATA "/example.json");
    ui::Widget w;
    w.set_options(view("table"));
    REQUIRE(w.set_feed(text).accepted);
    const Feed* shown = w.model().feed.get();
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(text);
    j["updated"] = "2024-04-01T02:00:00+03:00";
    Budget first = Budget::units(5);
    CHECK_FALSE(w.read_feed(j.dump(), first).has_value());
    CHECK(w.reading());
    CHECK(w.model().feed.get() == shown);  // still the last good feed
    j["updated"] = "2024-04-01T03:00:00+03:00";
    Budget again = Budget::units(5);
    CHECK_FALSE(w.read_feed(j.dump(), again).has_value());  // newer bytes: the slices start over
    int slices = 1;
    std::optional<ui::FeedUpdate> up;
    while (!up) {
      Budget b = Budget::units(5);
      up = w.read_more(b);
      ++slices;
    }
    CHECK(slices > 10);
    CHECK(up->accepted);
    CHECK_FALSE(w.reading());
    CHECK(w.model().feed->updated.text == "2024-04-01T03:00:00+03:00");
    Budget none = Budget::units(5);
    CHECK_FALSE(w.read_more(none).has_value());  // nothing left to read
    j["format"] = "sandik/2";  // a bad feed read in slices: refused, the last good one stays
    std::optional<ui::FeedUpdate> bad;
    Budget b0 = Budget::units(5);
    for (bad = w.read_feed(j.dump(), b0); !bad;) {
      Budget b = Budget::units(5);
      bad = w.read_more(b);
    }
    CHECK_FALSE(bad->accepted);
    CHECK(w.model().feed->updated.text == "2024-04-01T03:00:00+03:00");
  }
  SUBCASE("a table of 1,200 areas: the mirror holds 250 rows, the canvas 1,000, and both say how to find the others") {
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(test::read_file(SANDIK_TEST_DATA "/example.json"));
    auto& areas = j["races"][0]["results"]["AA"]["areas"];
    for (int i = 0; i < 1198; ++i) {
      const std::string id = "m" + std::to_string(i);
      j["areas"].push_back({{"id", id}, {"name", "Mahalle " + std::to_string(i)}, {"parent", "istanbul"}});
      areas[id] = {{"valid", 10}, {"votes", {{"imamoglu", 6}, {"kurum", 4}}}};
    }
    ui::Widget w;
    w.set_options(view("table"));
    REQUIRE(w.set_feed(j.dump()).accepted);
    const std::string m = w.accessible_json();
    const auto rows = [&] {
      std::size_t n = 0;
      for (std::size_t at = m.find("],["); at != std::string::npos; at = m.find("],[", at + 1)) ++n;
      return n + 1;
    }();
    CHECK(rows == ui::Widget::kMirrorRows);
    CHECK(m.find("1.200 satır") != std::string::npos);  // grouped, as every count the reader sees
    CHECK(m.find("İlk 250 satır burada; 950 satır daha var: aradığınız yeri arama kutusuyla bulun.") !=
          std::string::npos);
    const ui::TableView& table = w.presented().table;
    CHECK(table.rows.size() == 1000);
    CHECK(table.more == 200);
    CHECK(table.more_note == "İlk 1.000 satır burada; 200 satır daha var: aradığınız yeri arama kutusuyla bulun.");
    // The search finds any of them, in the mirror too.
    auto o = view("table");
    o.search = "Mahalle 1197";
    w.set_options(o);
    CHECK(w.accessible_json().find("Mahalle 1197") != std::string::npos);
    CHECK(w.presented().table.rows.size() == 1);
    CHECK(w.presented().table.more_note.empty());
  }
  SUBCASE("the timeline merges the night: moments of earlier feeds stay") {
    ui::Widget w;
    w.set_options(view("timeline"));
    REQUIRE(w.set_feed(night("01-anka-1915.json")).accepted);
    const std::size_t first = w.model().moments.size();
    REQUIRE(w.set_feed(night("02-aa-2029.json")).accepted);
    REQUIRE(w.set_feed(night("03-aa-2235.json")).accepted);
    const auto& m = w.model().moments;
    CHECK(m.size() > first);
    for (std::size_t i = 1; i < m.size(); ++i) CHECK(m[i - 1].at <= m[i].at);
    bool anka = false, aa = false;
    for (const auto& mo : m) {
      const std::string& id = w.model().feed->sources[static_cast<std::size_t>(mo.source)].id;
      anka |= id == "ANKA";
      aa |= id == "AA";
    }
    CHECK(anka);
    CHECK(aa);
  }
}
