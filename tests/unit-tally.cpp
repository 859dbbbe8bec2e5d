// Aggregation (rules 1–7) on the contract's example and on the real İBB 2024 figures.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/csv_import.h"
#include "core/feed.h"
#include "core/tally.h"
#include "support.h"

using namespace sandik;
using ojson = nlohmann::ordered_json;

namespace {

std::string read(const std::string& path) { return sandik::test::read_file(path); }

std::shared_ptr<const Feed> load(const std::string& text) {
  ParsedFeed p = parse_feed(text);
  REQUIRE_MESSAGE(p.ok(), (p.problems.empty() ? "" : p.problems[0].to_string()));
  return p.feed;
}

const Standing& standing(const Summary& s, const Feed& f, const Race& r, const std::string& id) {
  for (const auto& st : s.standings)
    if (f.contestant_id(r, st.contestant) == id) return st;
  FAIL("no contestant " << id);
  return s.standings[0];
}

}  // namespace

TEST_CASE("tally") {
  SUBCASE("rule 1: children sum up where the parent has no result") {
    const auto feed = load(read(SANDIK_TEST_DATA "/example.json"));
    const Race& race = feed->races[0];
    const RaceTally aa(*feed, race, feed->find_source("AA"));
    const Summary s = summarize(aa, race.area);
    CHECK(s.valid == 7550 + 145000);
    CHECK(*s.cast == 157800);
    CHECK(*s.boxes_counted == 570);
    CHECK(*s.boxes == 772);  // 42 + 730: the root declares none
    CHECK(standing(s, *feed, race, "imamoglu").votes == 84100);
    CHECK(s.standings[0].contestant == race.find_contestant("imamoglu"));
    CHECK(s.leader == race.find_contestant("imamoglu"));
    CHECK(s.margin_votes == 84100 - 58000);
    CHECK(s.outcome == Outcome::Leading);  // live feed, no call: leading, not won
    CHECK(doctest::Approx(*s.reporting_pct) == 100.0 * 570 / 772);
  }

  SUBCASE("rule 1 in a tree 12,000 areas deep: the deepest result still counts") {
    ojson j = ojson::parse(read(SANDIK_TEST_DATA "/example.json"));
    std::string parent = "adalar";
    for (int i = 0; i < 12000; ++i) {
      const std::string id = "deep" + std::to_string(i);
      j["areas"].push_back({{"id", id}, {"name", id}, {"parent", parent}});
      parent = id;
    }
    auto& areas = j["races"][0]["results"]["AA"]["areas"];
    areas.erase("adalar");
    areas["deep11999"] = {{"valid", 1000}, {"votes", {{"imamoglu", 600}, {"kurum", 400}}}};
    const auto feed = load(j.dump());
    const Race& race = feed->races[0];
    const RaceTally aa(*feed, race, feed->find_source("AA"));
    CHECK(standing(summarize(aa, feed->find_area("adalar")), *feed, race, "imamoglu").votes == 600);
    CHECK(summarize(aa, race.area).valid == 1000 + 145000);
  }
  SUBCASE("rule 1: shares never add; shares-only results are shown as given") {
    const auto feed = load(read(SANDIK_TEST_DATA "/example.json"));
    const Race& race = feed->races[0];
    const RaceTally anka(*feed, race, feed->find_source("ANKA"));
    const Summary s = summarize(anka, race.area);
    CHECK(s.shares_only);
    CHECK(s.standings[0].share_pct == 50.9);
    CHECK(summarize(anka, feed->find_area("adalar")).outcome == Outcome::NoResults);
  }

  SUBCASE("results given out of the areas' order; votes and shares-only areas in one party race") {
    // The areas' results are kept in area order and found by halving (feed.h, ByArea); a tally's
    // votes and shares are rows of one block (tally.h): each area must still get its own.
    const auto feed = load(R"({"format": "sandik/1", "updated": "2024-04-01T00:00:00+03:00",
      "election": {"id": "e", "title": "E", "date": "2024-03-31", "timezone": "Europe/Istanbul"},
      "sources": [{"id": "AA", "name": "AA"}],
      "parties": [{"id": "p", "name": "P", "color": "#ff0000"}, {"id": "q", "name": "Q", "color": "#0000ff"},
                  {"id": "r", "name": "R", "color": "#00ff00"}],
      "areas": [{"id": "city", "name": "City", "parent": null}, {"id": "a", "name": "A", "parent": "city"},
                {"id": "b", "name": "B", "parent": "city"}, {"id": "c", "name": "C", "parent": "city"},
                {"id": "d", "name": "D", "parent": "city"}],
      "races": [{"id": "council", "title": "Council", "kind": "party", "area": "city", "results": {"AA": {
        "updated": "2024-04-01T00:00:00+03:00", "areas": {
          "d": {"shares": {"q": 60, "r": 40}},
          "c": {"valid": 30, "votes": {"r": 20, "p": 10}},
          "a": {"valid": 100, "votes": {"p": 70, "q": 30}},
          "b": {"valid": 50, "votes": {"q": 45, "p": 5}}}}}}]})");
    const Race& race = feed->races[0];
    const SourceResults& sr = race.results[0];
    std::vector<std::string> order;
    for (const auto& [area, r] : sr.areas) order.push_back(feed->areas[static_cast<std::size_t>(area)].id);
    CHECK(order == std::vector<std::string>{"a", "b", "c", "d"});
    for (const char* id : {"a", "b", "c", "d"}) {
      const auto it = sr.areas.find(feed->find_area(id));
      REQUIRE(it != sr.areas.end());
      CHECK(it->first == feed->find_area(id));
    }
    CHECK(sr.areas.find(feed->find_area("city")) == sr.areas.end());
    const RaceTally t(*feed, race, 0);
    const auto votes_of = [&](const char* area, const char* party) {
      return standing(summarize(t, feed->find_area(area)), *feed, race, party).votes;
    };
    CHECK(votes_of("a", "p") == 70);
    CHECK(votes_of("b", "q") == 45);
    CHECK(votes_of("c", "r") == 20);
    CHECK(votes_of("city", "p") == 85);  // 70 + 5 + 10: the shares-only area adds nothing
    CHECK(votes_of("city", "q") == 75);
    CHECK(votes_of("city", "r") == 20);
    CHECK(summarize(t, race.area).valid == 180);
    const Summary d = summarize(t, feed->find_area("d"));
    CHECK(d.shares_only);
    CHECK(standing(d, *feed, race, "q").share_pct == 60);
    CHECK(standing(d, *feed, race, "r").share_pct == 40);
    CHECK(standing(d, *feed, race, "p").share_pct == 0);
    CHECK_FALSE(summarize(t, feed->find_area("a")).shares_only);
  }

  SUBCASE("rule 3: turnout against registered voters of counted boxes when given") {
    ojson j = ojson::parse(read(SANDIK_TEST_DATA "/example.json"));
    j["races"][0]["results"]["AA"]["areas"]["adalar"]["registered_counted"] = 10000;
    const auto feed = load(j.dump());
    const RaceTally aa(*feed, feed->races[0], feed->find_source("AA"));
    const Summary s = summarize(aa, feed->find_area("adalar"));
    CHECK(doctest::Approx(*s.turnout_pct) == 78.0);
  }

  SUBCASE("rule 4 and 6: ties, calls, final") {
    ojson j = ojson::parse(read(SANDIK_TEST_DATA "/example.json"));
    j["races"][0]["results"]["AA"]["areas"]["adalar"]["votes"]["kurum"] = 4100;
    auto feed = load(j.dump());
    RaceTally aa(*feed, feed->races[0], feed->find_source("AA"));
    Summary s = summarize(aa, feed->find_area("adalar"));
    CHECK(s.tied);
    CHECK(s.leader == -1);
    CHECK(s.outcome == Outcome::Tied);
    CHECK(s.margin_votes == 0);

    j = ojson::parse(read(SANDIK_TEST_DATA "/example.json"));
    j["races"][0]["calls"] = {
        {{"source", "AA"}, {"area", "istanbul"}, {"winner", "imamoglu"}, {"at", "2024-03-31T23:10:00+03:00"}}};
    feed = load(j.dump());
    const RaceTally called(*feed, feed->races[0], feed->find_source("AA"));
    CHECK(summarize(called, feed->races[0].area).outcome == Outcome::Won);
    CHECK(summarize(called, feed->find_area("adalar")).outcome == Outcome::Leading);  // the call is for the city

    j = ojson::parse(read(SANDIK_TEST_DATA "/example.json"));
    j["status"] = "final";
    feed = load(j.dump());
    const RaceTally final_(*feed, feed->races[0], feed->find_source("AA"));
    CHECK(summarize(final_, feed->races[0].area).outcome == Outcome::Won);
    // A district of the city-wide mayor race: its final leader carried it, nobody won it there.
    CHECK(summarize(final_, feed->find_area("adalar")).outcome == Outcome::Carried);
    CHECK(std::string(outcome_name(Outcome::Carried)) == "carried");
  }

  SUBCASE("summarize_top: summarize's first two standings and everything else, ties in feed order") {
    const auto same = [](const Summary& top, const Summary& all) {
      REQUIRE(top.standings.size() == std::min<std::size_t>(2, all.standings.size()));
      for (std::size_t i = 0; i < top.standings.size(); ++i) {
        CHECK(top.standings[i].contestant == all.standings[i].contestant);
        CHECK(top.standings[i].votes == all.standings[i].votes);
        CHECK(top.standings[i].share_pct == all.standings[i].share_pct);
      }
      CHECK(top.leader == all.leader);
      CHECK(top.winner == all.winner);
      CHECK(top.tied == all.tied);
      CHECK(top.outcome == all.outcome);
      CHECK(top.margin_votes == all.margin_votes);
      CHECK(top.margin_pct_points == all.margin_pct_points);
      CHECK(top.flipped == all.flipped);
    };
    for (const auto& votes : std::vector<std::vector<int>>{
             {5, 5, 3}, {3, 5, 5}, {5, 3, 5}, {0, 0, 0}, {1, 2, 3}, {3, 2, 1}, {2, 3, 3}}) {
      ojson j = ojson::parse(read(SANDIK_TEST_DATA "/example.json"));
      j["races"][0]["results"]["AA"]["areas"]["adalar"]["votes"] = {
          {"imamoglu", votes[0]}, {"kurum", votes[1]}, {"altinoz", votes[2]}};
      j["races"][0]["results"]["AA"]["areas"]["adalar"].erase("valid");
      const auto feed = load(j.dump());
      const RaceTally aa(*feed, feed->races[0], feed->find_source("AA"));
      CAPTURE(votes[0]);
      CAPTURE(votes[1]);
      CAPTURE(votes[2]);
      same(summarize_top(aa, feed->find_area("adalar")), summarize(aa, feed->find_area("adalar")));
    }
    // Every area of every race and source of the whole country's night (shares-only results too).
    const auto national = load(read(SANDIK_ASSETS "/feeds/turkiye/02-anka-1142.json"));
    std::size_t areas = 0;
    for (const Race& race : national->races)
      for (const SourceResults& sr : race.results) {
        const RaceTally tally(*national, race, sr.source);
        for (std::size_t a = 0; a < national->areas.size(); ++a)
          if (tally.in_race(static_cast<int>(a))) {
            same(summarize_top(tally, static_cast<int>(a)), summarize(tally, static_cast<int>(a)));
            ++areas;
          }
      }
    CHECK(areas > 5000);
  }

  SUBCASE("rule 5: flips against the previous winner") {
    ojson j = ojson::parse(read(SANDIK_TEST_DATA "/example.json"));
    j["races"][0]["previous"]["areas"]["adalar"]["winner"] = "AKP";
    const auto feed = load(j.dump());
    const RaceTally aa(*feed, feed->races[0], feed->find_source("AA"));
    CHECK(summarize(aa, feed->find_area("adalar")).flipped);
    CHECK_FALSE(summarize(aa, feed->find_area("sariyer")).flipped);
  }
}

TEST_CASE("seats") {
  SUBCASE("D'Hondt: Wikipedia's worked example (230k/100k/60k/15k, 8 seats) and a threshold") {
    CHECK(allocate_seats({100000, 80000, 30000, 20000}, 230000, 8, SeatMethod::DHondt, 0) ==
          std::vector<int>{4, 3, 1, 0});
    CHECK(allocate_seats({100000, 80000, 30000, 20000}, 230000, 8, SeatMethod::DHondt, 0.10) ==
          std::vector<int>{4, 3, 1, 0});
    CHECK(allocate_seats({100000, 80000, 30000, 20000}, 230000, 8, SeatMethod::DHondt, 0.15) ==
          std::vector<int>{5, 3, 0, 0});
  }
  SUBCASE("Sainte-Laguë and Hare on the same votes differ as published") {
    CHECK(allocate_seats({100000, 80000, 30000, 20000}, 230000, 8, SeatMethod::SainteLague, 0) ==
          std::vector<int>{3, 3, 1, 1});
    CHECK(allocate_seats({100000, 80000, 30000, 20000}, 230000, 8, SeatMethod::Hare, 0) ==
          std::vector<int>{3, 3, 1, 1});
  }
  SUBCASE("Hare: largest remainders (47/16/15.8/12/6.1/3.1, 10 seats)") {
    CHECK(allocate_seats({47000, 16000, 15800, 12000, 6100, 3100}, 100000, 10, SeatMethod::Hare, 0) ==
          std::vector<int>{5, 2, 1, 1, 1, 0});
  }
  SUBCASE("ties on the last seat go to more votes; nothing for none") {
    CHECK(allocate_seats({300, 200, 150}, 650, 1, SeatMethod::DHondt, 0) == std::vector<int>{1, 0, 0});
    CHECK(allocate_seats({0, 0}, 0, 5, SeatMethod::DHondt, 0) == std::vector<int>{0, 0});
  }
  SUBCASE("a threshold is met exactly at its share, also where the fraction is inexact as a double") {
    CHECK(allocate_seats({23000, 207000}, 230000, 10, SeatMethod::DHondt, 0.10) == std::vector<int>{1, 9});
    CHECK(allocate_seats({22999, 207001}, 230000, 10, SeatMethod::DHondt, 0.10) == std::vector<int>{0, 10});
    // 7 % of 10^16 + 7 is 700,000,000,000,000.49 (and 0.07 as a double a little more)
    CHECK(allocate_seats({700000000000001, 9300000000000006}, 10000000000000007, 10, SeatMethod::Hare, 0.07) ==
          std::vector<int>{1, 9});
    CHECK(allocate_seats({700000000000000, 9300000000000007}, 10000000000000007, 10, SeatMethod::Hare, 0.07) ==
          std::vector<int>{0, 10});
  }
  SUBCASE("counts near 2^53 and thousands of seats: exact, where 64-bit products overflow (Python's fractions)") {
    const std::vector<Count> v{8000000000000001, 7999999999999999, 1234567890123457};
    const Count valid = 8000000000000001 + 7999999999999999 + 1234567890123457;
    CHECK(allocate_seats(v, valid, 4001, SeatMethod::DHondt, 0) == std::vector<int>{1858, 1857, 286});
    CHECK(allocate_seats(v, valid, 4001, SeatMethod::SainteLague, 0) == std::vector<int>{1857, 1857, 287});
    CHECK(allocate_seats(v, valid, 4001, SeatMethod::Hare, 0) == std::vector<int>{1857, 1857, 287});
    // 2^53 − 1 halved is a hair below 2^52, which a double rounds up to a tie
    CHECK(allocate_seats({9007199254740991, 4503599627370496}, 13510798882111487, 2, SeatMethod::DHondt, 0) ==
          std::vector<int>{1, 1});
  }
}

TEST_CASE("istanbul 2024") {
  const std::string data = SANDIK_SHARED_DATA "/istanbul-2024/";
  SUBCASE("the committed demo feed reproduces ANKA's final İBB count") {
    const auto feed = load(read(SANDIK_ASSETS "/feeds/istanbul-2024.json"));
    const Race& race = feed->races[static_cast<std::size_t>(feed->find_race("ibb"))];
    const RaceTally anka(*feed, race, feed->find_source("ANKA"));
    const Summary s = summarize(anka, race.area);
    CHECK(standing(s, *feed, race, "ekrem-imamoglu").votes == 4433015);
    CHECK(standing(s, *feed, race, "murat-kurum").votes == 3431589);
    CHECK(s.valid == 8667513);
    CHECK(race.candidates.size() == 49);
    CHECK(s.outcome == Outcome::Won);  // the feed is final
    CHECK(s.margin_votes == 1001426);
    int imamoglu_leads = 0, districts = 0;
    for (int d : feed->areas[static_cast<std::size_t>(race.area)].children) {
      ++districts;
      const Summary ds = summarize(anka, d);
      if (ds.leader == race.find_contestant("ekrem-imamoglu")) ++imamoglu_leads;
    }
    CHECK(districts == 39);
    CHECK(imamoglu_leads == 32);
  }

  SUBCASE("AA and ANKA disagree on the morning of 1 April (51.09% vs 51.16%)") {
    const auto feed = load(read(SANDIK_ASSETS "/feeds/istanbul-2024.json"));
    const Race& race = feed->races[0];
    auto share_at = [&](const char* source) {
      for (const auto& [src, points] : race.history) {
        if (feed->sources[static_cast<std::size_t>(src)].id != source) continue;
        const HistoryPoint& p = points.back();  // the latest partial moment of that source
        Count sum = 0, imamoglu = 0;
        for (const auto& [c, v] : p.votes) {
          sum += v;
          if (feed->contestant_id(race, c) == "ekrem-imamoglu") imamoglu = v;
        }
        (void)sum;
        return std::pair<std::string, Count>(p.at.text, imamoglu);
      }
      return std::pair<std::string, Count>("", 0);
    };
    const auto [aa_at, aa_votes] = share_at("AA");
    const auto [anka_at, anka_votes] = share_at("ANKA");
    CHECK(aa_at == "2024-04-01T11:48:38+03:00");
    CHECK(anka_at == "2024-04-01T11:42:10+03:00");
    // AA's valid at 11:48 was 8,666,216; ANKA's at 11:42 was 8,658,426 (from the same CSV rows).
    CHECK(doctest::Approx(100.0 * static_cast<double>(aa_votes) / 8666216).epsilon(0.0001) == 51.09);
    CHECK(doctest::Approx(100.0 * static_cast<double>(anka_votes) / 8658426).epsilon(0.0001) == 51.16);
  }

  SUBCASE("the live blog's moments are shares, never made-up counts") {
    const auto feed = load(read(SANDIK_ASSETS "/feeds/istanbul-2024.json"));
    const Race& race = feed->races[0];
    for (const auto& [src, points] : race.history) {
      if (feed->sources[static_cast<std::size_t>(src)].id != "AA") continue;
      const HistoryPoint& p = points[1];
      CHECK(p.at.text == "2024-03-31T22:35:00+03:00");
      CHECK(p.votes.empty());
      CHECK(*p.reporting_pct == 74.93);
      REQUIRE(p.shares.size() == 2);
      CHECK(feed->contestant_id(race, p.shares[0].first) == "ekrem-imamoglu");
      CHECK(p.shares[0].second == 50.43);
    }
  }

  SUBCASE("an older feed is out of order") {
    const auto now = load(read(SANDIK_TEST_DATA "/example.json"));
    ojson j = ojson::parse(read(SANDIK_TEST_DATA "/example.json"));
    j["updated"] = "2024-03-31T22:34:59+03:00";
    const auto older = load(j.dump());
    REQUIRE(out_of_order(*now, *older));
    CHECK(out_of_order(*now, *older)->to_string() ==
          "warning: updated: 2024-03-31T22:34:59+03:00 is older than the feed already shown "
          "(2024-03-31T22:35:00+03:00); ignored as out of order");
    CHECK_FALSE(out_of_order(*older, *now));
    CHECK_FALSE(out_of_order(*now, *now));  // the same moment again replaces nothing harmful
  }

  SUBCASE("district rows add up to exactly the citywide figures") {
    std::string err;
    const auto table = parse_csv(read(data + "metro-mayor-by-district-anka.csv"), err);
    REQUIRE(table);
    adapters::Builder feed;
    Problems problems;
    adapters::load(feed, read(SANDIK_ASSETS "/../tools/istanbul-2024.election.json"), "election.json", problems);
    REQUIRE(problems.empty());
    CsvImportOptions opt;
    opt.race = "ibb";
    opt.source = "ANKA";
    opt.where = {{"status", "final"}};
    const ImportReport rep = import_csv(feed, *table, opt);
    REQUIRE_MESSAGE(rep.ok, rep.error);
    CHECK(rep.rows_used == 39 * 49);
    const auto f = load(feed.write());
    const RaceTally t(*f, f->races[0], 0);
    const Summary s = summarize(t, f->races[0].area);
    CHECK(s.valid == 8667513);
    CHECK(standing(s, *f, f->races[0], "ekrem-imamoglu").votes == 4433015);
    CHECK(f->find_area("sariyer") >= 0);
    CHECK(f->areas[static_cast<std::size_t>(f->find_area("sariyer"))].name == "Sarıyer");
  }
}
