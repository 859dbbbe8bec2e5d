// The whole country's night: AA's and ANKA's whole-country files as one feed, and the mayoralties
// won counted from it (core/scoreboard.h), against AA's own published distribution.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "adapters/agency.h"
#include "core/scoreboard.h"
#include "core/tally.h"
#include "support.h"
#include "ui/present.h"

using namespace sandik;
using ojson = nlohmann::ordered_json;

namespace {

const std::string kNation = SANDIK_SHARED_DATA "/turkiye-2024/";
const std::string kAaFinal = kNation + "aa/result-short-2024-04-01T2126-final.json";

std::vector<std::string> anka_files(const std::string& moment) {
  std::vector<std::string> out;
  for (const char* p : {"adana", "adiyaman", "istanbul", "kirikkale", "zonguldak"})
    out.push_back(test::read_file(kNation + "anka/" + moment + "/" + p + ".json"));
  return out;
}

ParsedFeed convert(const std::vector<AgencyFile>& files) {
  const AgencyConversion c = convert_agency(files);
  for (const Problem& p : c.problems)
    if (p.severity == Severity::Error) FAIL_CHECK(p.to_string());
  REQUIRE(c.ok());
  ParsedFeed parsed = parse_feed(c.feed);
  REQUIRE(parsed.ok());
  return parsed;
}

const ScoreLevel& level_of(const std::vector<ScoreLevel>& levels, const std::string& name) {
  for (const ScoreLevel& l : levels)
    if (l.level == name) return l;
  FAIL("no level " << name);
  return levels.front();
}

// A tiny feed: a metropolitan race and a party race of district mayors, 2019 winners on both.
std::string tiny(const std::string& status, const std::string& calls) {
  return R"({"format": "sandik/1", "updated": "2024-03-31T23:00:00+03:00", "status": ")" + status + R"(",
    "election": {"id": "e", "title": "E", "date": "2024-03-31", "timezone": "Europe/Istanbul"},
    "sources": [{"id": "AA", "name": "AA"}, {"id": "ANKA", "name": "ANKA"}],
    "parties": [{"id": "A", "name": "A", "color": "#111111"}, {"id": "B", "name": "B", "color": "#222222"},
                {"id": "C", "name": "C", "color": "#333333"}],
    "areas": [{"id": "city", "name": "City", "parent": null, "level": "city"},
              {"id": "d1", "name": "D1", "parent": "city"}, {"id": "d2", "name": "D2", "parent": "city"},
              {"id": "d3", "name": "D3", "parent": "city"}, {"id": "d4", "name": "D4", "parent": "city"}],
    "races": [
      {"id": "m", "title": "M", "kind": "candidate", "office": "metropolitan", "area": "city",
       "candidates": [{"id": "a", "name": "a", "party": "A"}, {"id": "b", "name": "b", "party": "B"}],
       "previous": {"label": "2019", "areas": {"city": {"winner": "B"}}},
       "results": {"AA": {"updated": "2024-03-31T23:00:00+03:00", "areas": {
         "d1": {"votes": {"a": 10, "b": 5}}, "d2": {"votes": {"a": 1, "b": 3}}}}},
       "calls": [)" +
         calls + R"(]},
      {"id": "x", "title": "X", "kind": "party", "office": "district", "area": "city",
       "previous": {"label": "2019", "areas": {"d1": {"winner": "A"}, "d2": {"winner": "A"}, "d4": {"winner": "C"}}},
       "results": {
         "AA": {"updated": "2024-03-31T23:00:00+03:00", "areas": {
           "d1": {"votes": {"A": 10, "B": 5}}, "d2": {"votes": {"A": 3, "B": 3}}, "d3": {"votes": {"B": 7, "C": 1}}}},
         "ANKA": {"updated": "2024-03-31T22:00:00+03:00", "areas": {"d1": {"votes": {"A": 1, "B": 5}}}}}},
      {"id": "c", "title": "C", "kind": "party", "office": "council", "area": "city",
       "results": {"AA": {"updated": "2024-03-31T23:00:00+03:00", "areas": {"d1": {"votes": {"C": 100}}}}}}]})";
}

}  // namespace

TEST_CASE("scoreboard: each office once, won by a call or a final feed, against before") {
  SUBCASE("live, no calls: leading") {
    const ParsedFeed p = parse_feed(tiny("live", ""));
    REQUIRE(p.ok());
    const std::vector<ScoreLevel> s = scoreboard(*p.feed);
    REQUIRE(s.size() == 2);  // the council is not a mayoralty
    // A party race's contestants are the feed's parties, found by id without a copy per race.
    const Race& x = p.feed->races[1];
    CHECK(p.feed->find_contestant(x, "B") == p.feed->find_party("B"));
    CHECK(p.feed->find_contestant(x, "b") == -1);
    CHECK(p.feed->find_contestant(p.feed->races[0], "b") == 1);
    CHECK(s[0].level == "metropolitan");
    CHECK(s[0].total == 1);
    REQUIRE(s[0].parties.size() == 2);
    CHECK(p.feed->parties[static_cast<std::size_t>(s[0].parties[0].party)].id == "A");  // 11 against 8
    CHECK(s[0].parties[0].leading == 1);
    CHECK(s[0].parties[0].won == 0);
    CHECK(s[0].parties[1].previous == 1);  // B held it
    // Districts: d1 A leads, d2 tied, d3 B leads, d4 only a 2019 winner (C), no count yet.
    CHECK(s[1].level == "district");
    CHECK(s[1].total == 4);
    CHECK(s[1].tied == 1);
    std::map<std::string, ScoreParty> by;
    for (const ScoreParty& sp : s[1].parties) by[p.feed->parties[static_cast<std::size_t>(sp.party)].id] = sp;
    CHECK(by["A"].leading == 1);
    CHECK(by["A"].previous == 2);
    CHECK(by["B"].leading == 1);
    CHECK(by["C"].leading == 0);
    CHECK(by["C"].previous == 1);
    // The words: one sentence a row, the change against 2019.
    const ui::ScoreboardView v = ui::present_scoreboard(*p.feed, s, Lang::Tr);
    REQUIRE(v.levels.size() == 2);
    CHECK(v.levels[1].title == "İlçe belediye başkanlıkları");
    CHECK(v.levels[1].total == "4 başkanlık");
    CHECK(v.levels[1].tied == "1 yerde oylar eşit");
    CHECK(v.columns[3] == "2019");
    // 2019 is known for 3 of the 4 offices: no change is made up from the part that is known.
    CHECK(v.levels[1].rows[0].change == "–");
    CHECK(v.levels[1].rows[0].chip == "A 1");
    CHECK(v.levels[1].rows[0].previous == "2");
    CHECK(v.levels[1].sentences[0] == "A: 0 kazandı, 1 önde (2019: 2)");
    CHECK(v.levels[0].rows[0].change == "+1");  // the metropolitan office: 2019 known, B's then
    CHECK(v.levels[0].rows[0].chip == "A 1 (+1)");
  }
  SUBCASE("a call makes it won, for whom the call names") {
    const ParsedFeed p = parse_feed(
        tiny("live", R"({"source": "AA", "area": "city", "winner": "b", "at": "2024-03-31T23:00:00+03:00"})"));
    REQUIRE(p.ok());
    const std::vector<ScoreLevel> s = scoreboard(*p.feed);
    CHECK(p.feed->parties[static_cast<std::size_t>(s[0].parties[0].party)].id == "B");
    CHECK(s[0].parties[0].won == 1);
    CHECK(s[0].parties.size() == 1);  // A leads the count, but the office is decided
  }
  SUBCASE("a final feed: every leader has won, a tie stays a tie") {
    const ParsedFeed p = parse_feed(tiny("final", ""));
    const std::vector<ScoreLevel> s = scoreboard(*p.feed);
    CHECK(s[1].tied == 1);
    int won = 0, leading = 0;
    for (const ScoreParty& sp : s[1].parties) won += sp.won, leading += sp.leading;
    CHECK(won == 2);
    CHECK(leading == 0);
  }
  SUBCASE("--source: that source's count, and races it does not count are left out") {
    const ParsedFeed p = parse_feed(tiny("live", ""));
    const std::vector<ScoreLevel> s = scoreboard(*p.feed, p.feed->find_source("ANKA"));
    REQUIRE(s.size() == 1);
    CHECK(s[0].level == "district");
    CHECK(p.feed->parties[static_cast<std::size_t>(s[0].parties[0].party)].id == "B");  // ANKA: B ahead in d1
    CHECK(s[0].parties[0].leading == 1);
  }
}

TEST_CASE("national: AA's whole-country file, one feed from Türkiye down to its beldes") {
  const std::string aa = test::read_file(kAaFinal);
  REQUIRE(!aa.empty());
  const ParsedFeed parsed = convert({{AgencyFormat::Aa, aa, "aa.json", "2024-04-01T21:26:00+03:00"}});
  const Feed& feed = *parsed.feed;
  std::map<std::string, int> levels;
  for (const Area& a : feed.areas) ++levels[a.level];
  CHECK(levels["country"] == 1);
  CHECK(levels["city"] == 81);
  CHECK(levels["district"] == 973);
  CHECK(levels["belde"] == 390);
  const int turkiye = feed.find_area("turkiye");
  REQUIRE(turkiye >= 0);
  CHECK(feed.areas[static_cast<std::size_t>(turkiye)].parent == -1);
  CHECK(feed.areas[static_cast<std::size_t>(feed.find_area("istanbul"))].parent == turkiye);
  std::map<std::string, int> offices;
  for (const Race& r : feed.races) ++offices[r.office];
  CHECK(offices["metropolitan"] == 30);
  CHECK(offices["province"] == 51);
  CHECK(offices["district"] == 81);          // a race of district mayors per province
  CHECK(offices["council"] == 81 + 51 + 1);  // district councils, İl Genel Meclisi, the national vote

  // The night's headline: the national council vote is AA's own total, not a sum.
  const int race = feed.find_race("turkiye-meclis");
  REQUIRE(race >= 0);
  const Race& nation = feed.races[static_cast<std::size_t>(race)];
  CHECK(nation.area == turkiye);
  const Summary s = summarize(RaceTally(feed, nation, feed.find_source("AA")), turkiye);
  CHECK(s.valid == 46046499);
  REQUIRE(s.standings.size() >= 2);
  CHECK(feed.parties[static_cast<std::size_t>(nation.contestant_party(s.standings[0].contestant))].id == "chp");
  CHECK(s.standings[0].votes == 17391548);
  CHECK(s.standings[1].votes == 16339771);
  CHECK(format_percent(s.standings[0].share_pct, Lang::En) == "37.77%");
  CHECK(s.reporting_pct == doctest::Approx(100.0));

  // A province that is not metropolitan: its mayor counts the provincial municipality's boxes
  // (470 of Adıyaman's 1,582), and its İl Genel Meclisi the whole province's.
  const Race& adiyaman = feed.races[static_cast<std::size_t>(feed.find_race("adiyaman-il"))];
  const int adiyaman_area = feed.find_area("adiyaman");
  const Summary mayor = summarize(RaceTally(feed, adiyaman, 0), adiyaman_area);
  CHECK(mayor.boxes == 470);
  CHECK(mayor.reporting_pct == doctest::Approx(100.0));
  const Race& igm = feed.races[static_cast<std::size_t>(feed.find_race("adiyaman-il-meclis"))];
  CHECK(summarize(RaceTally(feed, igm, 0), adiyaman_area).boxes == 1582);
}

TEST_CASE("scoreboard: on AA's final file it equals AA's own BelediyeDagilimi") {
  const std::string text = test::read_file(kAaFinal);
  const ParsedFeed parsed = convert({{AgencyFormat::Aa, text, "aa.json", "2024-04-01T21:26:00+03:00"}});
  const Feed& feed = *parsed.feed;
  const std::vector<ScoreLevel> levels = scoreboard(feed);
  // The party registry maps the agencies' codes to the feed's party ids.
  std::map<std::string, std::string> by_code;
  const ojson registry = ojson::parse(test::read_file(SANDIK_ASSETS "/parties-tr.json"));
  for (const ojson& p : registry["parties"])
    for (const ojson& a : p["aliases"]) by_code[a.get<std::string>()] = p["id"].get<std::string>();
  const ojson aa = ojson::parse(text)["GenelSonuc"]["BelediyeDagilimi"];
  const std::map<std::string, std::string> names = {{"BuyuksehirBelediyesi", "metropolitan"},
                                                    {"IlBelediyesi", "province"},
                                                    {"IlceBelediyesi", "district"},
                                                    {"BeldeBelediyesi", "belde"}};
  REQUIRE(levels.size() == 4);
  for (const auto& entry : names) {
    const std::string key = entry.first, name = entry.second;
    CAPTURE(name);
    const ScoreLevel& level = level_of(levels, name);
    CHECK(level.total == aa[key]["Toplam"].get<int>());
    std::map<std::string, int> ours;  // party id -> offices it leads or has won
    int independents = 0;
    for (const ScoreParty& p : level.parties) {
      const std::string& id = feed.parties[static_cast<std::size_t>(p.party)].id;
      (id.rfind("bagimsiz", 0) == 0 ? independents : ours[id]) += p.leading + p.won;
    }
    int theirs_independent = 0;
    for (const ojson& p : aa[key]["Parti"]) {
      const int n = p["OndeOldugu"].get<int>() + p["Kazandigi"].get<int>();
      const auto it = by_code.find(std::to_string(p["Kod"].get<int>()));
      if (it == by_code.end()) {  // an independent, listed by AA under the candidate's own code
        theirs_independent += n;
        continue;
      }
      CAPTURE(it->second);
      // Çıldır (Ardahan): AK Parti 452, CHP 452. AA gives it to AK Parti (the lot drawn by the
      // election board); the count alone is a tie, and the scoreboard says so.
      const int tie = name == "district" && it->second == "ak-parti" ? 1 : 0;
      CHECK(ours[it->second] + tie == n);
      ours.erase(it->second);
    }
    CHECK(independents == theirs_independent);
    for (const auto& left : ours) CHECK_MESSAGE(left.second == 0, left.first);  // nobody AA does not list
    CHECK(level.tied == (name == "district" ? 1 : 0));
  }
}

TEST_CASE("national: ANKA's province files join AA's file, matched by the agencies' codes") {
  const std::string aa = test::read_file(kAaFinal);
  const std::vector<std::string> anka = anka_files("2024-04-02T1213");
  std::vector<AgencyFile> files = {{AgencyFormat::Aa, aa, "aa.json", "2024-04-01T21:26:00+03:00"}};
  for (const std::string& t : anka) files.push_back({AgencyFormat::Anka, t, "anka.json", "2024-04-02T12:13:00+03:00"});
  const ParsedFeed parsed = convert(files);
  const Feed& feed = *parsed.feed;
  std::map<std::string, int> levels;
  for (const Area& a : feed.areas) ++levels[a.level];
  CHECK(levels["city"] == 81);  // ANKA's five provinces are AA's
  CHECK(levels["district"] == 973);
  CHECK(levels["belde"] == 390);
  // Kırıkkale's BAHŞILI (ANKA) is AA's BAHŞİLİ: one area, with ANKA's district figures.
  int bahsili = 0;
  for (const Area& a : feed.areas)
    if (a.parent == feed.find_area("kirikkale") && (a.name == "Bahşılı" || a.name == "Bahşili")) ++bahsili;
  CHECK(bahsili == 1);
  // A belde is its own race's area: ANKA's "MERKEZ-YAYLAKONAK" is Yaylakonak under Merkez.
  const Race& beldes = feed.races[static_cast<std::size_t>(feed.find_race("adiyaman-belde"))];
  CHECK(beldes.office == "belde");
  const int yaylakonak = feed.find_area("yaylakonak");
  REQUIRE(yaylakonak >= 0);
  CHECK(feed.areas[static_cast<std::size_t>(feed.areas[static_cast<std::size_t>(yaylakonak)].parent)].name == "Merkez");
  CHECK(beldes.results_for(feed.find_source("ANKA"))->areas.count(yaylakonak) == 1);
  CHECK(beldes.results_for(feed.find_source("AA"))->areas.count(yaylakonak) == 1);
  // ANKA's non-metropolitan province mayor is its central district's, with 2019's winner.
  const Race& mayor = feed.races[static_cast<std::size_t>(feed.find_race("adiyaman-il"))];
  const int adiyaman = feed.find_area("adiyaman");
  REQUIRE(mayor.previous);
  const auto before = mayor.previous->areas.find(adiyaman);
  REQUIRE(before != mayor.previous->areas.end());
  CHECK(feed.parties[static_cast<std::size_t>(before->second.winner)].id == "ak-parti");
  const Summary anka_mayor = summarize(RaceTally(feed, mayor, feed.find_source("ANKA")), adiyaman);
  CHECK(anka_mayor.boxes == 639);
  CHECK(feed.contestant_name(mayor, anka_mayor.leader) == "Abdurrahman Tutdere");
  // Flips nationwide: Istanbul's districts carry 2019's winners.
  const Race& ilce = feed.races[static_cast<std::size_t>(feed.find_race("istanbul-ilce"))];
  REQUIRE(ilce.previous);
  CHECK(ilce.previous->areas.size() == 39);
}
