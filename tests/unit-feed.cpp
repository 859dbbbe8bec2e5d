// Feed parsing and validation: every problem with its JSON path and exact text.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "core/feed.h"
#include "support.h"

using namespace sandik;
using ojson = nlohmann::ordered_json;

namespace {

std::string read(const std::string& path) { return sandik::test::read_file(path); }

ojson example() { return ojson::parse(read(SANDIK_TEST_DATA "/example.json")); }

std::vector<std::string> texts(const ParsedFeed& p) {
  std::vector<std::string> out;
  for (const auto& pr : p.problems) out.push_back(pr.to_string());
  return out;
}

// The model as text, in a fixed order: two parses of one feed must give the same.
std::string fingerprint(const Feed& f) {
  std::string o = f.format + "|" + f.updated.text + "|" + std::to_string(static_cast<int>(f.status)) + "\n";
  auto n = [](const std::optional<Count>& c) { return c ? std::to_string(*c) : std::string("-"); };
  auto votes = [&](const std::vector<std::pair<int, Count>>& v) {
    std::string t;
    for (const auto& [c, k] : v) t += std::to_string(c) + ":" + std::to_string(k) + ",";
    return t;
  };
  auto shares = [&](const std::vector<std::pair<int, double>>& v) {
    std::string t;
    for (const auto& [c, k] : v) t += std::to_string(c) + ":" + std::to_string(k) + ",";
    return t;
  };
  for (const auto& s : f.sources) o += "S " + s.id + "\n";
  for (const auto& p : f.parties) o += "P " + p.id + " " + p.name + " " + std::to_string(p.color) + "\n";
  for (const auto& a : f.areas) {
    o += "A " + a.id + " " + a.name + " " + std::to_string(a.parent) + " " + a.level + " " + n(a.boxes) + " " +
         n(a.registered) + " [";
    for (int c : a.children) o += std::to_string(c) + ",";
    o += "]\n";
  }
  for (const auto& r : f.races) {
    o += "R " + r.id + " " + r.title.get("tr") + " " + std::to_string(static_cast<int>(r.kind)) + " " +
         std::to_string(r.area) + "\n";
    for (const auto& c : r.candidates) o += " C " + c.id + " " + c.name + " " + std::to_string(c.party) + "\n";
    if (r.previous) {
      o += " PREV " + r.previous->label + "\n";
      std::map<int, const Previous::AreaPrev*> areas;
      for (const auto& [a, ap] : r.previous->areas) areas[a] = &ap;
      for (const auto& [a, ap] : areas)
        o += "  " + std::to_string(a) + " " + std::to_string(ap->winner) + " " + votes(ap->votes) + " " + n(ap->valid) + "\n";
    }
    for (const auto& sr : r.results) {
      o += " RES " + std::to_string(sr.source) + " " + sr.updated.text + "\n";
      std::map<int, const Result*> areas;
      for (const auto& [a, res] : sr.areas) areas[a] = &res;
      for (const auto& [a, res] : areas)
        o += "  " + std::to_string(a) + " " + n(res->boxes_counted) + " " + n(res->boxes) + " " + n(res->cast) + " " +
             n(res->registered_counted) + " " + n(res->valid) + " " + votes(res->votes) + " " + shares(res->shares) + "\n";
    }
    for (const auto& c : r.calls)
      o += " CALL " + std::to_string(c.source) + " " + std::to_string(c.area) + " " + std::to_string(c.winner) + " " + c.at.text + "\n";
    for (const auto& [src, points] : r.history) {
      o += " HIST " + std::to_string(src) + "\n";
      for (const auto& h : points)
        o += "  " + h.at.text + " " + n(h.boxes_counted) + " " + votes(h.votes) + " " + shares(h.shares) + " " + n(h.valid) + " " + h.note + "\n";
    }
  }
  return o;
}

// Every feed read here is also read in slices (of one unit of work and of seven): the same
// model and the same problems in the same order, wherever the slices stop.
ParsedFeed parse_checked(std::string_view text, const ParseOptions& options = {}) {
  ParsedFeed whole = parse_feed(text, options);
  for (const std::size_t units : {std::size_t{1}, std::size_t{7}}) {
    FeedParse parse(text, options);
    int slices = 0;
    for (;;) {
      Budget budget = Budget::units(units);
      ++slices;
      if (parse.step(budget)) break;
    }
    const ParsedFeed part = parse.take();
    CHECK(texts(part) == texts(whole));
    CHECK(part.errors == whole.errors);
    CHECK(part.warnings == whole.warnings);
    REQUIRE(part.ok() == whole.ok());
    if (whole.ok()) CHECK(fingerprint(*part.feed) == fingerprint(*whole.feed));
    if (units == 1 && whole.ok() && whole.feed->areas.size() > 2) CHECK(slices > static_cast<int>(whole.feed->areas.size()));
  }
  return whole;
}

bool has(const ParsedFeed& p, const std::string& text) {
  for (const auto& t : texts(p))
    if (t == text) return true;
  return false;
}

}  // namespace

TEST_CASE("feed") {
  SUBCASE("the night's demo feeds read the same in slices as at once") {
    for (const char* name : {"istanbul-2024.json", "night/01-anka-1915.json", "night/05-aa-0100.json", "night/08-aa-final.json"}) {
      CAPTURE(name);
      const std::string text = read(std::string(SANDIK_ASSETS "/feeds/") + name);
      REQUIRE(!text.empty());
      CHECK(parse_checked(text).ok());
    }
  }
  SUBCASE("the contract's example is valid and maps to the model") {
    const ParsedFeed p = parse_checked(read(SANDIK_TEST_DATA "/example.json"));
    REQUIRE(p.ok());
    CHECK(p.problems.empty());
    const Feed& f = *p.feed;
    CHECK(f.status == FeedStatus::Live);
    CHECK(f.election.title.get("en") == "Turkish local elections, 31 March 2024");
    CHECK(f.election.title.get("de") == "31 Mart 2024 Yerel Seçimleri");  // falls back to tr
    CHECK(f.sources.size() == 2);
    CHECK(f.parties[0].color == 0xE30A17);
    CHECK(f.areas.size() == 3);
    CHECK(f.areas[1].parent == 0);
    CHECK(f.areas[0].children == std::vector<int>{1, 2});
    const Race& r = f.races[0];
    CHECK(r.candidates.size() == 3);
    CHECK(r.results.size() == 2);
    CHECK(f.sources[static_cast<std::size_t>(r.results[0].source)].id == "AA");  // feed order kept
    CHECK(r.previous->label == "2019");
    CHECK(r.history.size() == 1);
  }

  SUBCASE("every problem is reported with its JSON path") {
    ojson j = example();
    j["races"][0]["results"]["AA"]["areas"]["sariyer"]["votes"]["kurum"] = -5;
    j["parties"][1]["color"] = "orange";
    j["areas"][2]["boxes"] = 1.5;
    j["updated"] = "yesterday";
    const ParsedFeed p = parse_checked(j.dump());
    CHECK_FALSE(p.ok());
    CHECK(has(p, "races[0].results.AA.areas.sariyer.votes.kurum: expected a non-negative integer, got -5"));
    CHECK(has(p, "parties[1].color: expected a colour \"#RRGGBB\", got \"orange\""));
    CHECK(has(p, "areas[2].boxes: expected a non-negative integer, got 1.5"));
    CHECK(has(p, "updated: expected an RFC 3339 time like 2024-03-31T22:35:00+03:00, got \"yesterday\""));
    CHECK(p.error_count() == 4);
  }

  SUBCASE("format: another major version is a clear error") {
    ojson j = example();
    j["format"] = "sandik/2";
    CHECK(texts(parse_checked(j.dump())) ==
          std::vector<std::string>{"format: unsupported version \"sandik/2\"; this reader understands \"sandik/1\""});
    j["format"] = "results";
    CHECK(texts(parse_checked(j.dump())) == std::vector<std::string>{"format: expected \"sandik/1\", got \"results\""});
    j.erase("format");
    CHECK(texts(parse_checked(j.dump())) == std::vector<std::string>{"format: missing required key"});
  }

  SUBCASE("missing keys and wrong types") {
    ojson j = example();
    j["election"].erase("timezone");
    j["sources"][0]["name"] = 7;
    j["races"][0].erase("kind");
    const ParsedFeed p = parse_checked(j.dump());
    CHECK(has(p, "election.timezone: missing required key"));
    CHECK(has(p, "sources[0].name: expected a string, got 7"));
    CHECK(has(p, "races[0].kind: missing required key"));
    CHECK(texts(parse_checked("[1,2]")) == std::vector<std::string>{"$: expected a JSON object, got an array"});
  }

  SUBCASE("ids referenced but not declared") {
    ojson j = example();
    j["races"][0]["candidates"][2]["party"] = "XYZ";
    j["races"][0]["results"]["YSK"] = {{"updated", "2024-03-31T22:00:00+03:00"}, {"areas", ojson::object()}};
    j["races"][0]["results"]["AA"]["areas"]["moda"] = {{"votes", {{"kurum", 1}}}};
    j["races"][0]["results"]["AA"]["areas"]["adalar"]["votes"]["nobody"] = 3;
    j["races"][0]["calls"] = {{{"source", "AA"}, {"area", "istanbul"}, {"winner", "ghost"}, {"at", "2024-03-31T23:00:00+03:00"}}};
    const ParsedFeed p = parse_checked(j.dump());
    CHECK(has(p, "races[0].candidates[2].party: unknown party \"XYZ\""));
    CHECK(has(p, "races[0].results.YSK: unknown source \"YSK\""));
    CHECK(has(p, "races[0].results.AA.areas.moda: unknown area \"moda\""));
    CHECK(has(p, "races[0].results.AA.areas.adalar.votes.nobody: unknown candidate \"nobody\""));
    CHECK(has(p, "races[0].calls[0].winner: unknown candidate \"ghost\""));
  }

  SUBCASE("duplicate ids and duplicate keys") {
    ojson j = example();
    j["parties"].push_back({{"id", "CHP"}, {"name", "Again"}, {"color", "#000000"}});
    CHECK(has(parse_checked(j.dump()), "parties[3].id: duplicate id \"CHP\" (also parties[0])"));
    j = example();
    j["races"][0]["candidates"].push_back({{"id", "kurum"}, {"name", "Again"}, {"party", "CHP"}});
    const ParsedFeed twice = parse_checked(j.dump());
    CHECK(has(twice, "races[0].candidates[3].id: duplicate id \"kurum\" (also candidates[1])"));
    CHECK(twice.error_count() == 1);
    const std::string dup = R"({"format":"sandik/1","format":"sandik/1"})";
    CHECK(texts(parse_checked(dup)) == std::vector<std::string>{"format: duplicate key \"format\" in the same object"});
  }

  SUBCASE("area trees: unknown parents and cycles") {
    ojson j = example();
    j["areas"][1]["parent"] = "nowhere";
    CHECK(has(parse_checked(j.dump()), "areas[1].parent: unknown area \"nowhere\""));
    j = example();
    j["areas"][0]["parent"] = "sariyer";
    j["areas"][2]["parent"] = "istanbul";
    const ParsedFeed p = parse_checked(j.dump());
    CHECK_FALSE(p.ok());
    CHECK(has(p, "areas[0].parent: the area tree has a cycle: istanbul → sariyer → istanbul"));
  }

  SUBCASE("counts: boxes counted, 2^53, warnings") {
    ojson j = example();
    j["races"][0]["results"]["AA"]["areas"]["adalar"]["boxes_counted"] = 43;
    CHECK(has(parse_checked(j.dump()),
              "races[0].results.AA.areas.adalar.boxes_counted: more ballot boxes counted (43) than the area has (42)"));
    j = example();
    j["races"][0]["results"]["AA"]["areas"]["adalar"]["cast"] = 9007199254740993ULL;
    CHECK(has(parse_checked(j.dump()),
              "races[0].results.AA.areas.adalar.cast: expected a non-negative integer no larger than 2^53, got 9007199254740993"));
    j = example();
    j["races"][0]["results"]["AA"]["areas"]["adalar"]["cast"] = 9007199254740992ULL;  // exactly 2^53: exact, accepted
    j["races"][0]["results"]["AA"]["areas"]["sariyer"].erase("cast");                  // (and so is the sum)
    j["races"][0]["results"]["AA"]["areas"]["adalar"]["valid"] = 7000;               // votes add to 7250
    const ParsedFeed p = parse_checked(j.dump());
    CHECK(p.ok());
    CHECK(has(p, "warning: races[0].results.AA.areas.adalar.votes: votes add up to 7250, more than valid 7000"));
    CHECK(has(p, "warning: races[0].results.AA.areas.adalar.cast: turnout above 100%: cast 9007199254740992 of 13682 registered"));
    j = example();
    j["races"][0]["results"]["AA"]["areas"]["adalar"]["cast"] = 7000;
    CHECK(has(parse_checked(j.dump()), "warning: races[0].results.AA.areas.adalar.cast: cast 7000 is less than valid 7550"));
  }

  SUBCASE("unknown keys are ignored; status and shares") {
    ojson j = example();
    j["x-newsroom"] = {{"anything", true}};
    j["status"] = "test";
    const ParsedFeed p = parse_checked(j.dump());
    REQUIRE(p.ok());
    CHECK(p.feed->status == FeedStatus::Test);
    j["status"] = "maybe";
    CHECK(has(parse_checked(j.dump()), "status: expected \"test\", \"live\" or \"final\", got \"maybe\""));
    j = example();
    j["races"][0]["results"]["ANKA"]["areas"]["istanbul"]["shares"]["kurum"] = 140;
    CHECK(has(parse_checked(j.dump()),
              "races[0].results.ANKA.areas.istanbul.shares.kurum: expected a percentage from 0 to 100, got 140"));
  }

  SUBCASE("sums past 2^53 are refused, though each count is within it") {
    ojson j = example();
    auto& areas = j["races"][0]["results"]["AA"]["areas"];
    for (const char* a : {"adalar", "sariyer"}) {
      areas[a]["votes"]["imamoglu"] = 9007199254740992ULL;
      areas[a]["valid"] = 9007199254740992ULL;
      areas[a]["cast"] = 9007199254740992ULL;
    }
    const ParsedFeed p = parse_checked(j.dump());
    CHECK_FALSE(p.ok());
    CHECK(has(p, "races[0].results.AA.areas: the counts add up past 2^53 (valid): no total can be exact"));
  }
  SUBCASE("the election's time zone is an IANA name, never a path") {
    ojson j = example();
    for (const char* good : {"Europe/Istanbul", "America/Argentina/Buenos_Aires", "UTC", "Etc/GMT+3"}) {
      j["election"]["timezone"] = good;
      CHECK(parse_checked(j.dump()).ok());
    }
    for (const char* bad : {"../../etc/passwd", "/etc/localtime", "Europe//Istanbul", "Europe/Istanbul ", "Europe/"}) {
      j["election"]["timezone"] = bad;
      CHECK(has(parse_checked(j.dump()),
                std::string("election.timezone: expected an IANA time zone name like \"Europe/Istanbul\", got \"") + bad +
                    "\""));
    }
  }
  SUBCASE("a source's kind: who counted, official or not") {
    ojson j = example();
    REQUIRE(parse_checked(j.dump()).ok());
    CHECK(parse_checked(j.dump()).feed->sources[0].kind == SourceKind::Unknown);
    CHECK_FALSE(parse_checked(j.dump()).feed->sources[0].unofficial());
    j["sources"][0]["kind"] = "agency";
    j["sources"][1]["kind"] = "authority";
    const ParsedFeed p = parse_checked(j.dump());
    REQUIRE(p.ok());
    CHECK(p.feed->sources[0].unofficial());
    CHECK_FALSE(p.feed->sources[1].unofficial());
    j["sources"][1]["kind"] = "official";
    CHECK(has(parse_checked(j.dump()),
              "sources[1].kind: expected \"agency\", \"authority\" or \"party\", got \"official\""));
    j["sources"][1]["kind"] = 3;
    CHECK_FALSE(parse_checked(j.dump()).ok());
  }

  SUBCASE("photos and logos: http(s) or relative URLs only") {
    ojson j = example();
    j["races"][0]["candidates"][0]["photo"] = "https://example.org/photos/imamoglu.jpg";
    j["races"][0]["candidates"][1]["photo"] = "photos/kurum:2024.jpg";  // (a colon after the path began)
    j["parties"][0]["logo"] = "//cdn.example.org/chp.svg";
    ParsedFeed p = parse_checked(j.dump());
    REQUIRE(p.ok());
    CHECK(p.feed->races[0].candidates[0].photo == "https://example.org/photos/imamoglu.jpg");
    CHECK(p.feed->races[0].candidates[1].photo == "photos/kurum:2024.jpg");
    CHECK(p.feed->parties[0].logo == "//cdn.example.org/chp.svg");
    for (const char* bad :
         {"javascript:alert(1)", "JavaScript:alert(1)", "data:image/png;base64,AAAA", "file:///etc/passwd"}) {
      j["races"][0]["candidates"][0]["photo"] = bad;
      CHECK(has(parse_checked(j.dump()),
                std::string("races[0].candidates[0].photo: expected an http(s) or relative URL, got \"") + bad + "\""));
    }
    j = example();
    j["parties"][0]["logo"] = 7;
    CHECK(has(parse_checked(j.dump()), "parties[0].logo: expected a string, got 7"));
  }

  SUBCASE("keys that are not identifiers are quoted in paths") {
    ojson j = example();
    j["races"][0]["results"]["AA"]["areas"]["adalar"]["votes"]["a b"] = 1;
    CHECK(has(parse_checked(j.dump()), "races[0].results.AA.areas.adalar.votes[\"a b\"]: unknown candidate \"a b\""));
  }
}

TEST_CASE("hostile input") {
  SUBCASE("not JSON, NaN and Infinity, invalid UTF-8") {
    const auto nan = texts(parse_checked(R"({"format": NaN})"));
    REQUIRE(nan.size() == 1);
    CHECK(nan[0].rfind("format: invalid JSON at line 1, column 12", 0) == 0);
    const auto nested = texts(parse_checked(R"({"races": [{"results": {"AA": {"areas": {"x": {"votes": {"a": 1e999}}}}}}]})"));
    CHECK(nested[0].rfind("races[0].results.AA.areas.x.votes.a: invalid JSON", 0) == 0);
    CHECK(texts(parse_checked(R"({"a": Infinity})"))[0].rfind("a: invalid JSON", 0) == 0);
    CHECK(texts(parse_checked("{\"format\": \"sandik\xC0/1\"}"))[0].rfind("format: invalid JSON", 0) == 0);
    CHECK(texts(parse_checked(""))[0].rfind("$: invalid JSON", 0) == 0);
    CHECK(texts(parse_checked("<html>"))[0].rfind("$: invalid JSON", 0) == 0);
  }
  SUBCASE("deep nesting is refused without recursion") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const auto t = texts(parse_checked(deep));
    REQUIRE(t.size() == 1);
    CHECK(t[0] == "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: nested deeper than 32 levels");
  }
  SUBCASE("huge strings and documents") {
    const std::string big = "{\"format\":\"" + std::string(100000, 'x') + "\"}";
    CHECK(texts(parse_checked(big)) == std::vector<std::string>{"format: string of 100000 bytes is longer than the limit of 4096"});
    ParseOptions small;
    small.max_bytes = 1000;
    CHECK(texts(parse_checked(big, small)) == std::vector<std::string>{"$: document of " + std::to_string(big.size()) +
                                                                     " bytes is larger than the limit of 1000 bytes"});
  }
  SUBCASE("too many areas") {
    ojson j = example();
    for (int i = 0; i < 20; ++i) j["areas"].push_back({{"id", "x" + std::to_string(i)}, {"name", "x"}, {"parent", "istanbul"}});
    ParseOptions o;
    o.max_areas = 10;
    CHECK(texts(parse_checked(j.dump(), o)) == std::vector<std::string>{"areas: more than 10 elements in one array"});
  }
  SUBCASE("a million areas: refused early, in bounded time and memory") {
    std::string doc = R"({"format":"sandik/1","areas":[)";
    for (int i = 0; i < 1000000; ++i) doc += (i ? ",{" : "{") + std::string(R"("id":"a)") + std::to_string(i) + R"(","name":"A","parent":null})";
    doc += "]}";
    CHECK(texts(parse_checked(doc))[0].find("is larger than the limit of 20971520 bytes") != std::string::npos);
    ParseOptions cli;
    cli.max_bytes = 512u << 20;  // the command line's limit: the area limit stops it instead
    CHECK(texts(parse_checked(doc, cli)) == std::vector<std::string>{"areas: more than 200000 elements in one array"});
  }
  SUBCASE("floods of problems are counted, not listed") {
    ojson j = example();
    for (int i = 0; i < 1500; ++i) j["races"][0]["results"]["AA"]["areas"]["x" + std::to_string(i)] = ojson::object();
    const ParsedFeed p = parse_checked(j.dump());
    CHECK(p.problems.size() == 1001);
    CHECK(p.problems.back().to_string() == "$: 500 more errors not listed");
    // One error after 2,000 warnings: listed first, never lost among them.
    j = example();
    for (int i = 0; i < 2000; ++i)
      j["races"][0]["results"]["AA"]["areas"]["istanbul"]["x-" + std::to_string(i)] = 1;  // (unknown keys: ignored)
    for (int i = 0; i < 2000; ++i) {
      ojson a = {{"id", "w" + std::to_string(i)}, {"name", "W"}, {"parent", "istanbul"}};
      j["areas"].push_back(a);
      j["races"][0]["results"]["AA"]["areas"]["w" + std::to_string(i)] = {{"valid", 1}, {"votes", {{"imamoglu", 2}}}};
    }
    j["races"][0]["results"]["AA"]["areas"]["adalar"]["votes"]["imamoglu"] = -1;
    const ParsedFeed q = parse_checked(j.dump());
    REQUIRE(q.problems.size() == 1002);
    CHECK(q.problems.front().severity == Severity::Error);
    CHECK(q.problems.front().to_string() ==
          "races[0].results.AA.areas.adalar.votes.imamoglu: expected a non-negative integer, got -1");
    CHECK(q.problems.back().to_string() == "warning: $: 1000 more warnings not listed");
  }
}
