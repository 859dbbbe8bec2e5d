// The one Builder every import writes through: a feed read into it and written again is the
// same feed (extensions included), and a base with wrong types is refused at its path.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "adapters/builder.h"
#include "adapters/csv_import.h"
#include "core/csv.h"
#include "support.h"

using namespace sandik;
using sorted_json = nlohmann::json;  // compares objects regardless of member order

namespace {

std::string round_trip(const std::string& text, Problems& problems) {
  adapters::Builder b;
  adapters::load(b, text, "feed.json", problems);
  return b.write();
}

std::vector<std::string> texts(const Problems& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.to_string());
  return out;
}

}  // namespace

TEST_CASE("builder: a feed read and written again is the same feed") {
  for (const std::string& path :
       {std::string(SANDIK_TEST_DATA "/example.json"), std::string(SANDIK_TEST_DATA "/council.json"),
        std::string(SANDIK_ASSETS "/feeds/istanbul-2024.json")}) {
    CAPTURE(path);
    const std::string text = test::read_file(path);
    Problems problems;
    const std::string again = round_trip(text, problems);
    CHECK(texts(problems).empty());
    CHECK(sorted_json::parse(again) == sorted_json::parse(text));
    CHECK(parse_feed(again).ok());
  }
}

TEST_CASE("builder: members it does not model are kept where they were") {
  sorted_json j = sorted_json::parse(test::read_file(SANDIK_TEST_DATA "/example.json"));
  j["x-desk"] = {{"editor", "Ayşe"}, {"checked", true}, {"n", -3}, {"ratio", 0.25}, {"none", nullptr}};
  j["election"]["round"] = 1;
  j["sources"][0]["url"] = "https://www.aa.com.tr/tr/secim";
  j["parties"][0]["aliases"] = {"18", "Cumhuriyet Halk Partisi"};
  j["areas"][1]["osm"] = 1766181;
  j["races"][0]["seats"] = {{"total", 1}, {"method", "dhondt"}};
  j["races"][0]["candidates"][0]["photo"] = "imamoglu.jpg";
  j["races"][0]["results"]["AA"]["areas"]["adalar"]["reporting_pct"] = 71.4;
  j["races"][0]["history"]["AA"][0]["note"] = "ilk sonuçlar";
  Problems problems;
  const std::string again = round_trip(j.dump(), problems);
  CHECK(texts(problems).empty());
  CHECK(sorted_json::parse(again) == j);
}

TEST_CASE("builder: a base that is not a feed is refused at its path") {
  Problems problems;
  round_trip(R"({"format": "sandik/2", "races": []})", problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].to_string() == R"(feed.json: format: this is "sandik/2", not "sandik/1")");

  problems.clear();
  round_trip(
      R"({"races": [{"id": "ibb", "candidates": "Ekrem İmamoğlu", "results": {"AA": {"areas": {"x": {"votes": {"a": -5}}}}}}]})",
      problems);
  CHECK(texts(problems) ==
        std::vector<std::string>{
            "feed.json: races[0].candidates: expected an array, got \"Ekrem İmamoğlu\"",
            "feed.json: races[0].results.AA.areas.x.votes.a: expected a non-negative integer, got -5"});

  problems.clear();
  round_trip("{\"races\": [", problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].code == "syntax");
}

TEST_CASE("builder: a table of shares becomes the source's history, sorted by time, never counts") {
  Problems problems;
  adapters::Builder b;
  adapters::load(b, test::read_file(SANDIK_TEST_DATA "/example.json"), "example.json", problems);
  REQUIRE(problems.empty());
  std::string err;
  const auto table = parse_csv(
      "time,chp,akp,opened,note\n"
      "2024-03-31T21:00:00+03:00,50.9,40.1,62.5,\n"
      "2024-03-31T19:15:00+03:00,51.2,39.8,,ilk\n",
      err);
  REQUIRE(table);
  CsvImportOptions opt;
  opt.race = "ibb";
  opt.source = "CHP";
  opt.target = ImportTarget::History;
  opt.map = {{"updated", "time"}, {"reporting_pct", "opened"}};
  opt.shares = {{"CHP", "chp"}, {"AKP", "akp"}};
  const ImportReport rep = import_csv(b, *table, opt);
  REQUIRE_MESSAGE(rep.ok, rep.error);
  const sorted_json out = sorted_json::parse(b.write());
  const sorted_json& points = out["races"][0]["history"]["CHP"];
  REQUIRE(points.size() == 2);
  CHECK(points[0]["at"] == "2024-03-31T19:15:00+03:00");
  CHECK(points[0]["shares"]["imamoglu"] == 51.2);
  CHECK(points[0]["note"] == "ilk");
  CHECK_FALSE(points[0].contains("votes"));
  CHECK(points[1]["reporting_pct"] == 62.5);
  CHECK(out["sources"].back()["id"] == "CHP");
  CHECK(parse_feed(b.write()).ok());

  const auto bad = parse_csv("time,chp\n2024-03-31T21:00:00+03:00,-4\n", err);
  REQUIRE(bad);
  opt.shares = {{"CHP", "chp"}};
  opt.map = {{"updated", "time"}};
  CHECK(import_csv(b, *bad, opt).error == "row 2: chp: expected a percentage, got \"-4\"");
}
