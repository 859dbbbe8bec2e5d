// The district table's view-model and the districts that changed hands, on the real 2024 feed.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/feed.h"
#include "core/table_model.h"
#include "support.h"

using namespace sandik;

namespace {
std::shared_ptr<const Feed> demo_feed() {
  ParsedFeed p = parse_feed(sandik::test::read_file(SANDIK_ASSETS "/feeds/istanbul-2024.json"));
  REQUIRE(p.ok());
  return p.feed;
}
std::vector<std::string> names(const std::vector<TableRow>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(*r.name);
  return out;
}
}  // namespace

TEST_CASE("table") {
  const auto feed = demo_feed();
  const Race& ibb = feed->races[static_cast<std::size_t>(feed->find_race("ibb"))];
  const RaceTally anka(*feed, ibb, feed->find_source("ANKA"));

  SUBCASE("one row per district, in Turkish alphabetical order") {
    const auto rows = table_rows(anka, ibb.area);
    REQUIRE(rows.size() == 39);
    CHECK(*rows.front().name == "Adalar");
    CHECK(*rows.back().name == "Zeytinburnu");
    const auto n = names(rows);
    const auto pos = [&](const char* s) { return std::find(n.begin(), n.end(), s) - n.begin(); };
    CHECK(pos("Büyükçekmece") < pos("Çatalca"));  // c < ç
    CHECK(pos("Çekmeköy") < pos("Esenler"));
    CHECK(pos("Sultangazi") < pos("Şile"));        // s < ş
    CHECK(pos("Şişli") < pos("Tuzla"));
    CHECK(pos("Ümraniye") < pos("Üsküdar"));
  }

  SUBCASE("Sarıyer: leader, runner-up, margin, reporting, turnout") {
    TableQuery q;
    q.search = "Sarı";
    const auto rows = table_rows(anka, ibb.area, q);
    REQUIRE(rows.size() == 1);
    const TableRow& r = rows[0];
    CHECK(*r.name == "Sarıyer");
    CHECK(feed->contestant_name(ibb, r.leader) == "Ekrem İmamoğlu");
    CHECK(feed->parties[static_cast<std::size_t>(r.leader_party)].id == "CHP");
    CHECK(feed->contestant_name(ibb, r.runner_up) == "Murat Kurum");
    CHECK(r.margin_votes == 119439 - 69574);
    CHECK(doctest::Approx(*r.reporting_pct) == 100.0);
    CHECK_FALSE(r.won);  // İmamoğlu carried Sarıyer; the İBB race is won for the city only
  }

  SUBCASE("search with or without Turkish letters and case") {
    for (const char* q : {"sariyer", "SARIYER", "Sarı", "sarıyer"}) {
      TableQuery query;
      query.search = q;
      CHECK(names(table_rows(anka, ibb.area, query)) == std::vector<std::string>{"Sarıyer"});
    }
    TableQuery none;
    none.search = "zzz";
    CHECK(table_rows(anka, ibb.area, none).empty());
  }

  SUBCASE("sorting by margin and by leader") {
    TableQuery q;
    q.sort = SortKey::Margin;
    q.desc = true;
    const auto rows = table_rows(anka, ibb.area, q);
    CHECK(*rows.front().name == "Beşiktaş");
    for (std::size_t i = 1; i < rows.size(); ++i) CHECK(rows[i - 1].margin_pct_points >= rows[i].margin_pct_points);
    q.sort = SortKey::Leader;
    q.desc = false;
    const auto by_leader = table_rows(anka, ibb.area, q);
    int chp = 0;
    for (const auto& r : by_leader) chp += feed->parties[static_cast<std::size_t>(r.leader_party)].id == "CHP";
    CHECK(chp == 32);  // İmamoğlu leads 32 of 39 districts
    CHECK(feed->parties[static_cast<std::size_t>(by_leader.front().leader_party)].short_name == "AK Parti");  // A < C
  }

  SUBCASE("12 district mayoralties changed hands: 11 from AK Parti, Silivri from MHP, all to CHP") {
    const Race& ilce = feed->races[static_cast<std::size_t>(feed->find_race("ilce"))];
    const RaceTally t(*feed, ilce, feed->find_source("ANKA"));
    const auto flips = flipped_rows(t, ilce.area);
    REQUIRE(flips.size() == 12);
    int from_akp = 0;
    for (const auto& r : flips) {
      CHECK(feed->parties[static_cast<std::size_t>(r.leader_party)].id == "CHP");
      const std::string from = feed->parties[static_cast<std::size_t>(r.previous_winner)].id;
      if (from == "AKP") ++from_akp;
      if (*r.name == "Silivri") CHECK(from == "MHP");
    }
    CHECK(from_akp == 11);
  }
}
