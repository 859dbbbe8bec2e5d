// The whole country's overview (data-view="overview"): the council vote, the mayoralties won,
// the provinces' own mayors as a table that opens a province, and a split index whose province
// parts come when a province is shown.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/table_model.h"
#include "ui/widget.h"

using namespace sandik;

namespace {

// Türkiye of two provinces: P1 metropolitan (A's candidate takes it from B), P2 a province
// mayor given at the province only (B holds it), the national council vote.
const char* kHead = R"("format": "sandik/1", "status": "live",
    "election": {"id": "e", "title": "E", "date": "2024-03-31", "timezone": "Europe/Istanbul"},
    "sources": [{"id": "AA", "name": "AA"}],
    "parties": [{"id": "A", "name": "Alfa", "color": "#ff0000"}, {"id": "B", "name": "Beta", "color": "#0000ff"}],)";

std::string national(const std::string& updated = "2024-03-31T23:00:00+03:00") {
  return std::string("{") + kHead + R"("updated": ")" + updated + R"(",
    "areas": [{"id": "tr", "name": "Türkiye", "parent": null, "level": "country"},
              {"id": "p1", "name": "Pbir", "parent": "tr", "level": "city"},
              {"id": "p1a", "name": "Bir A", "parent": "p1", "level": "district"},
              {"id": "p1b", "name": "Bir B", "parent": "p1", "level": "district"},
              {"id": "p2", "name": "Piki", "parent": "tr", "level": "city"},
              {"id": "p2a", "name": "İki A", "parent": "p2", "level": "district"}],
    "races": [
      {"id": "nat", "title": "Meclis", "kind": "party", "office": "council", "area": "tr",
       "results": {"AA": {"updated": ")" + updated + R"(", "areas": {
         "p1a": {"votes": {"A": 60, "B": 40}}, "p1b": {"votes": {"A": 10, "B": 30}}, "p2a": {"votes": {"A": 5, "B": 20}}}}}},
      {"id": "p1-bs", "title": "P1 BB", "kind": "candidate", "office": "metropolitan", "area": "p1",
       "candidates": [{"id": "a", "name": "Ada Alfa", "party": "A"}, {"id": "b", "name": "Bora Beta", "party": "B"}],
       "previous": {"label": "2019", "areas": {"p1": {"winner": "B"}}},
       "results": {"AA": {"updated": ")" + updated + R"(", "areas": {
         "p1a": {"votes": {"a": 70, "b": 40}}, "p1b": {"votes": {"a": 10, "b": 30}}}}}},
      {"id": "p1-ilce", "title": "P1 ilçe", "kind": "party", "office": "district", "area": "p1",
       "previous": {"label": "2019", "areas": {"p1a": {"winner": "B"}}},
       "results": {"AA": {"updated": ")" + updated + R"(", "areas": {
         "p1a": {"votes": {"A": 5, "B": 3}}, "p1b": {"votes": {"A": 1, "B": 4}}}}}},
      {"id": "p2-il", "title": "P2 il", "kind": "candidate", "office": "province", "area": "p2",
       "candidates": [{"id": "c", "name": "Can", "party": "A"}, {"id": "d", "name": "Deniz", "party": "B"}],
       "previous": {"label": "2019", "areas": {"p2": {"winner": "B"}}},
       "results": {"AA": {"updated": ")" + updated + R"(", "areas": {"p2": {"votes": {"c": 10, "d": 20}}}}}}]})";
}

// The same night split (sandik split's shape): the index without districts, and P1's part.
std::string index_of(const std::string& parts, const std::string& scoreboard) {
  return std::string("{") + kHead + R"("updated": "2024-03-31T23:00:00+03:00",
    "areas": [{"id": "tr", "name": "Türkiye", "parent": null, "level": "country"},
              {"id": "p1", "name": "Pbir", "parent": "tr", "level": "city"},
              {"id": "p2", "name": "Piki", "parent": "tr", "level": "city"}],
    "races": [
      {"id": "nat", "title": "Meclis", "kind": "party", "office": "council", "area": "tr",
       "results": {"AA": {"updated": "2024-03-31T23:00:00+03:00", "areas": {
         "p1": {"votes": {"A": 70, "B": 70}}, "p2": {"votes": {"A": 5, "B": 20}}}}}},
      {"id": "p1-bs", "title": "P1 BB", "kind": "candidate", "office": "metropolitan", "area": "p1",
       "candidates": [{"id": "a", "name": "Ada Alfa", "party": "A"}, {"id": "b", "name": "Bora Beta", "party": "B"}],
       "previous": {"label": "2019", "areas": {"p1": {"winner": "B"}}},
       "results": {"AA": {"updated": "2024-03-31T23:00:00+03:00", "areas": {"p1": {"votes": {"a": 80, "b": 70}}}}}},
      {"id": "p1-ilce", "title": "P1 ilçe", "kind": "party", "office": "district", "area": "p1",
       "results": {"AA": {"updated": "2024-03-31T23:00:00+03:00", "areas": {"p1": {"votes": {"A": 6, "B": 7}}}}}},
      {"id": "p2-il", "title": "P2 il", "kind": "candidate", "office": "province", "area": "p2",
       "candidates": [{"id": "c", "name": "Can", "party": "A"}, {"id": "d", "name": "Deniz", "party": "B"}],
       "previous": {"label": "2019", "areas": {"p2": {"winner": "B"}}},
       "results": {"AA": {"updated": "2024-03-31T23:00:00+03:00", "areas": {"p2": {"votes": {"c": 10, "d": 20}}}}}}],
    "scoreboard": )" + scoreboard + R"(, "parts": )" + parts + "}";
}

const char* kBoard = R"([{"source": null, "levels": [
    {"level": "metropolitan", "total": 1, "tied": 0, "parties": [{"party": "A", "leading": 1, "won": 0, "previous": 0}]},
    {"level": "district", "total": 2, "tied": 0, "parties": [{"party": "A", "leading": 1, "won": 0, "previous": 0},
                                                            {"party": "B", "leading": 1, "won": 0, "previous": 1}]}]}])";

std::string part_p1(const std::string& updated, int a_votes) {
  return std::string("{") + kHead + R"("updated": ")" + updated + R"(",
    "areas": [{"id": "p1", "name": "Pbir", "parent": null, "level": "city"},
              {"id": "p1a", "name": "Bir A", "parent": "p1", "level": "district"},
              {"id": "p1b", "name": "Bir B", "parent": "p1", "level": "district"}],
    "races": [
      {"id": "p1-ilce", "title": "P1 ilçe", "kind": "party", "office": "district", "area": "p1",
       "previous": {"label": "2019", "areas": {"p1a": {"winner": "B"}}},
       "results": {"AA": {"updated": ")" + updated + R"(", "areas": {
         "p1a": {"votes": {"A": )" + std::to_string(a_votes) + R"(, "B": 3}}, "p1b": {"votes": {"A": 1, "B": 4}}}}}}]})";
}

ui::WidgetOptions overview() {
  ui::WidgetOptions o;
  o.view = "overview";
  return o;
}

std::vector<std::string> row_ids(const ui::Widget& w) {
  std::vector<std::string> out;
  for (const ui::TableRowView& r : w.presented().table.rows) out.push_back(r.id);
  return out;
}

std::string cell(const ui::Widget& w, std::size_t row, const std::string& key) {
  const ui::TableView& t = w.presented().table;
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    if (t.columns[i].key == key) return t.rows.at(row).cells.at(i).said();
  return "?";
}

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

}  // namespace

TEST_CASE("overview: the provinces' own mayors, one row each, from different races") {
  const ParsedFeed p = parse_feed(national());
  REQUIRE(p.ok());
  const Feed& f = *p.feed;
  CHECK(mayor_race(f, f.find_area("p1")) == f.find_race("p1-bs"));
  CHECK(mayor_race(f, f.find_area("p2")) == f.find_race("p2-il"));
  CHECK(mayor_race(f, f.find_area("p1a")) == -1);
  TableQuery q;
  q.sort = SortKey::Margin;
  q.desc = true;
  const std::vector<TableRow> rows = mayor_rows(f, f.find_area("tr"), -1, q);
  REQUIRE(rows.size() == 2);
  CHECK(*rows[0].name == "Piki");  // 33.3 points ahead, then Pbir's 6.7
  CHECK(rows[0].leader_party == f.find_party("B"));
  CHECK(rows[0].leader == f.find_party("B"));  // a party: the rows come from different races
  CHECK_FALSE(rows[0].flipped);
  CHECK(*rows[1].name == "Pbir");
  CHECK(rows[1].leader_party == f.find_party("A"));
  CHECK(rows[1].flipped);
  CHECK(rows[1].margin_pct_points == doctest::Approx(6.67).epsilon(0.01));  // 10 of 150
  q.search = "ada";  // the candidate's name finds the province
  const std::vector<TableRow> found = mayor_rows(f, f.find_area("tr"), -1, q);
  REQUIRE(found.size() == 1);
  CHECK(*found[0].name == "Pbir");
}

TEST_CASE("overview: the council vote, the mayoralties won, the provinces; a province opens, back goes up") {
  ui::Widget w;
  w.set_options(overview());
  REQUIRE(w.set_feed(national()).accepted);
  REQUIRE(w.has_feed());
  CHECK(w.model().race->id == "nat");
  CHECK(w.presented().summary.bars.at(0).name == "Beta");  // 90 of 165 valid
  CHECK(w.presented().summary.bars.at(0).share == "%54,55");
  // The scoreboard: one metropolitan (A leads, from B), one province (B holds), two districts.
  const ui::ScoreboardView& s = w.presented().scoreboard;
  REQUIRE(s.levels.size() == 3);
  CHECK(s.levels[0].title == "Büyükşehir belediye başkanlıkları");
  CHECK(s.levels[0].rows.at(0).chip == "Alfa 1 (+1)");
  CHECK(s.levels[1].rows.at(0).chip == "Beta 1 (±0)");
  CHECK(row_ids(w) == std::vector<std::string>{"p1", "p2"});
  CHECK(cell(w, 0, "leader") == "Alfa");
  CHECK(cell(w, 0, "previous") == "Beta → Alfa (el değiştirdi)");
  CHECK(cell(w, 1, "leader") == "Beta");
  CHECK(w.presented().table.caption == "İl — Belediye başkanları, Türkiye");
  const std::string mirror = w.accessible_json();
  CHECK(has(mirror, "Kazanılan belediye başkanlıkları"));
  CHECK(has(mirror, "\"Büyükşehir belediye başkanlıkları\",\"Alfa\",\"0\",\"1\",\"0\",\"+1\""));
  CHECK(has(mirror, "İl — Belediye başkanları, Türkiye"));
  // The keyboard reaches the provinces; Enter opens one: its districts' own mayors.
  const std::vector<std::string> order = w.focus_order();
  CHECK(std::find(order.begin(), order.end(), "row:p2") != order.end());
  while (w.focus() != "row:p1") REQUIRE(w.key(ui::Widget::Key::Next));
  REQUIRE(w.activate());
  CHECK(w.model().race->id == "p1-ilce");
  CHECK(w.place().area == "p1");
  CHECK(w.place().tab == ui::View::Detail);
  CHECK(row_ids(w) == std::vector<std::string>{"p1a", "p1b"});
  REQUIRE(w.presented().chrome.crumbs.size() == 2);
  CHECK(w.presented().chrome.crumbs[0].label == "‹ Türkiye");
  CHECK(w.presented().chrome.crumbs[1].label == "Pbir");
  // A district opens its detail; back goes up, one step at a time, to the overview.
  w.go("", "p1a");
  CHECK(w.place().area == "p1a");
  CHECK(w.presented().chrome.crumbs.size() == 3);
  REQUIRE(w.navigate_back());
  CHECK(w.place().area == "p1");
  REQUIRE(w.navigate_back());
  CHECK(w.model().race->id == "nat");
  CHECK(w.place().area == "");
  CHECK(w.place().tab == ui::View::Overview);
  CHECK_FALSE(w.navigate_back());
  // The breadcrumb's "‹ Türkiye" goes straight up from a district.
  w.go("", "p1");
  w.go("", "p1b");
  w.key(ui::Widget::Key::First);
  REQUIRE(w.focus() == "crumb:tr");
  REQUIRE(w.activate());
  CHECK(w.model().race->id == "nat");
  // A new count keeps the reader in the province they opened.
  w.go("", "p1");
  REQUIRE(w.set_feed(national("2024-03-31T23:30:00+03:00")).accepted);
  CHECK(w.model().race->id == "p1-ilce");
  CHECK(w.place().area == "p1");
}

TEST_CASE("overview: a deep link (the page's #hash) opens the province, or a district in it") {
  ui::Widget w;
  w.set_options(overview());
  w.go("", "p1a");  // before the first feed
  REQUIRE(w.set_feed(national()).accepted);
  CHECK(w.model().race->id == "p1-ilce");
  CHECK(w.place().area == "p1a");
  REQUIRE(w.navigate_back());
  CHECK(w.model().race->id == "nat");
  w.go("", "p2");
  CHECK(w.model().race->id == "p2-il");  // no district race: the province's own mayor
  CHECK(w.place().area == "p2");
}

TEST_CASE("split index: parts and scoreboard read, and every bad one named by its path") {
  const ParsedFeed p = parse_feed(index_of(R"([{"area": "p1", "url": "p1.json"}])", kBoard));
  REQUIRE(p.ok());
  REQUIRE(p.feed->parts.size() == 1);
  CHECK(p.feed->parts[0].area == p.feed->find_area("p1"));
  CHECK(p.feed->parts[0].url == "p1.json");
  // The index's own count: it holds no district rows to count from.
  const std::vector<ScoreLevel> levels = scoreboard(*p.feed);
  REQUIRE(levels.size() == 2);
  CHECK(levels[1].level == "district");
  CHECK(levels[1].total == 2);
  CHECK(levels[1].parties.at(1).previous == 1);
  const auto first_error = [](const std::string& parts, const std::string& board) {
    const ParsedFeed bad = parse_feed(index_of(parts, board));
    CHECK_FALSE(bad.ok());
    return bad.problems.empty() ? std::string() : bad.problems.front().to_string();
  };
  CHECK(first_error(R"([{"area": "p9", "url": "p9.json"}])", kBoard) == R"(parts[0].area: unknown area "p9")");
  CHECK(first_error(R"x([{"area": "p1", "url": "javascript:alert(1)"}])x", kBoard) ==
        R"x(parts[0].url: expected an http(s) or relative URL, got "javascript:alert(1)")x");
  CHECK(first_error(R"([{"area": "p1", "url": "a.json"}, {"area": "p1", "url": "b.json"}])", kBoard) ==
        "parts[1].area: a second part for this area");
  CHECK(first_error(R"([{"url": "a.json"}])", kBoard) == "parts[0].area: missing required key");
  CHECK(first_error(R"({"p1": "a.json"})", kBoard) == "parts: expected an array, got an object");
  CHECK(first_error("[]", R"([{"source": null, "levels": [{"level": "mayor", "total": 1, "parties": []}]}])") ==
        R"(scoreboard[0].levels[0].level: expected "metropolitan", "province", "district" or "belde", got "mayor")");
  CHECK(first_error("[]", R"([{"source": "X", "levels": []}])") == R"(scoreboard[0].source: unknown source "X")");
  CHECK(first_error("[]", R"([{"source": null, "levels": [{"level": "district", "total": -1, "parties": []}]}])") ==
        "scoreboard[0].levels[0].total: expected a non-negative integer, got -1");
  CHECK(first_error("[]", R"([{"source": null, "levels": [{"level": "district", "total": 1, "parties": [
    {"party": "Z", "leading": 1, "won": 0, "previous": 0}]}]}])") ==
        R"(scoreboard[0].levels[0].parties[0].party: unknown party "Z")");
}

TEST_CASE("split index: a province's part is fetched when it is shown, polled, and the last good one kept") {
  ui::Widget w;
  w.set_options(overview());
  REQUIRE(w.set_feed(index_of(R"([{"area": "p1", "url": "p1.json"}])", kBoard)).accepted);
  // The overview comes from the index alone: no part wanted yet.
  CHECK(w.parts_wanted().empty());
  CHECK_FALSE(w.take_new_parts());
  CHECK(row_ids(w) == std::vector<std::string>{"p1", "p2"});
  CHECK(w.presented().scoreboard.levels.at(1).rows.at(1).chip == "Beta 1");  // (2019: 1 of 2 known)
  w.go("", "p1");
  CHECK(w.model().race->id == "p1-ilce");
  CHECK(w.parts_wanted() == std::vector<std::string>{"p1.json"});
  CHECK(w.take_new_parts());
  CHECK_FALSE(w.take_new_parts());
  CHECK(row_ids(w).empty());  // the index has no districts: until the part is here
  CHECK(w.presented().summary.bars.at(0).name == "Beta");  // the province's own total, from the index
  REQUIRE(w.set_part("p1.json", part_p1("2024-03-31T23:00:00+03:00", 5)).accepted);
  CHECK(row_ids(w) == std::vector<std::string>{"p1a", "p1b"});
  CHECK(w.presented().chrome.crumbs.at(0).label == "‹ Türkiye");
  w.go("", "p1a");
  CHECK(w.place().area == "p1a");
  CHECK(w.presented().summary.bars.at(0).votes == "5 oy");
  // A part that fails, or one older than shown, leaves the last good one on screen.
  const std::string shown = w.accessible_json();
  const ui::FeedUpdate bad = w.set_part("p1.json", "{\"format\": \"sandik/1\", \"races\": 5}");
  CHECK_FALSE(bad.accepted);
  REQUIRE_FALSE(bad.problems.empty());
  CHECK(bad.problems.front().severity == Severity::Error);
  CHECK(w.accessible_json() == shown);
  CHECK_FALSE(w.set_part("p1.json", part_p1("2024-03-31T22:00:00+03:00", 9)).accepted);
  CHECK(w.accessible_json() == shown);
  CHECK_FALSE(w.set_part("other.json", part_p1("2024-03-31T23:10:00+03:00", 9)).accepted);  // never asked for
  // A newer part is taken where the reader is.
  REQUIRE(w.set_part("p1.json", part_p1("2024-03-31T23:10:00+03:00", 9)).accepted);
  CHECK(w.place().area == "p1a");
  CHECK(w.presented().summary.bars.at(0).votes == "9 oy");
  // Back up to the overview: the index again.
  REQUIRE(w.navigate_back());
  REQUIRE(w.navigate_back());
  CHECK(w.model().race->id == "nat");
  CHECK(row_ids(w) == std::vector<std::string>{"p1", "p2"});
  // Another index that names other parts: the old part is let go.
  REQUIRE(w.set_feed(index_of(R"([{"area": "p2", "url": "p2.json"}])", kBoard)).accepted);
  CHECK(w.parts_wanted().empty());
  // A whole feed instead of an index: no parts at all.
  REQUIRE(w.set_feed(national("2024-04-01T00:00:00+03:00")).accepted);
  CHECK(w.parts_wanted().empty());
}

TEST_CASE("split index: a widget of one province's race wants its part at once") {
  ui::Widget w;
  ui::WidgetOptions o;
  o.view = "detail";
  o.race = "p1-ilce";
  w.set_options(o);
  REQUIRE(w.set_feed(index_of(R"([{"area": "p1", "url": "p1.json"}])", kBoard)).accepted);
  CHECK(w.parts_wanted() == std::vector<std::string>{"p1.json"});
  REQUIRE(w.set_part("p1.json", part_p1("2024-03-31T23:00:00+03:00", 5)).accepted);
  CHECK(row_ids(w) == std::vector<std::string>{"p1a", "p1b"});
  CHECK(w.presented().chrome.crumbs.empty());  // no overview to go up to
  o.race = "p2-il";  // a province without a part: the index's own result
  w.set_options(o);
  CHECK(w.parts_wanted().size() == 1);
  CHECK(w.presented().summary.bars.at(0).name == "Deniz");
}
