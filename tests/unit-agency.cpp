// The agencies' own payloads (ANKA, AA, AP) into sandik/1: the figures ../shared/data states,
// party identity by code, merging two agencies, and every bad input named by its path.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "adapters/agency.h"
#include "core/format.h"
#include "core/table_model.h"
#include "core/tally.h"
#include "core/turkish.h"
#include "support.h"

using namespace sandik;
using ojson = nlohmann::ordered_json;

namespace {

const std::string kAgency = SANDIK_SHARED_DATA "/agency-formats/";
const std::string kAp = SANDIK_SHARED_DATA "/ap/";

std::string read(const std::string& path) { return test::read_file(path); }

struct Converted {
  AgencyConversion conversion;
  std::shared_ptr<const Feed> feed;
};

Converted convert(const std::vector<AgencyFile>& files, const AgencyOptions& opt = {}) {
  Converted c{convert_agency(files, opt), nullptr};
  if (c.conversion.ok()) c.feed = parse_feed(c.conversion.feed).feed;
  return c;
}

std::vector<std::string> texts(const Problems& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.to_string());
  return out;
}

// The first error of a conversion of `text` (one file of `format`, named "f.json").
std::string first_error(AgencyFormat format, const std::string& text, const std::string& fetched = "2024-04-01T01:00:00+03:00") {
  const AgencyConversion c = convert_agency({{format, text, "f.json", fetched}});
  CHECK_FALSE(c.ok());
  return c.problems.empty() ? std::string() : c.problems.front().to_string();
}

const Race& race_of(const Feed& f, const std::string& id) {
  const int r = f.find_race(id);
  REQUIRE(r >= 0);
  return f.races[static_cast<std::size_t>(r)];
}

Count votes_of(const Summary& s, const Feed& f, const Race& r, const std::string& id) {
  for (const Standing& st : s.standings)
    if (f.contestant_id(r, st.contestant) == id) return st.votes;
  return -1;
}

}  // namespace

TEST_CASE("agency: AA result-short.json") {
  const std::string aa0100 = read(kAgency + "aa-istanbul-2024-04-01T0100.json");
  // AA's file has no time: the server's Last-Modified is when it was published (01:00 in Istanbul).
  const Converted c = convert({{AgencyFormat::Aa, aa0100, "aa.json", "Sun, 31 Mar 2024 22:00:00 GMT"}});
  REQUIRE(c.feed);
  const Feed& f = *c.feed;
  CHECK(f.updated.text == "2024-04-01T01:00:00+03:00");
  CHECK(f.election.date == "2024-03-31");  // the Sunday the count belongs to
  CHECK(f.election.timezone == "Europe/Istanbul");
  CHECK(f.sources.size() == 1);
  CHECK(f.sources[0].name == "Anadolu Ajansı");

  SUBCASE("01:00: 30,316 of 33,273 boxes, İmamoğlu 50.85% from the counts (AA's own r says 50.86)") {
    const Race& race = race_of(f, "istanbul-buyuksehir");
    const Summary s = summarize(RaceTally(f, race, 0), race.area);
    CHECK(*s.boxes_counted == 30316);
    CHECK(*s.boxes == 33273);
    CHECK(s.valid == 7837414);
    CHECK(votes_of(s, f, race, "ekrem-imamoglu") == 3985655);
    CHECK(votes_of(s, f, race, "murat-kurum") == 3149375);
    CHECK(format_percent(s.standings[0].share_pct, Lang::En) == "50.85%");
    // Turnout over the registered voters of the opened boxes (AA's `or`), not over all of them.
    CHECK(format_percent(*s.turnout_pct, Lang::En) == "77.98%");
    CHECK(f.areas[static_cast<std::size_t>(race.area)].name == "İstanbul");
    CHECK(race.candidates[0].name == "Murat Kurum");  // MURAT KURUM in proper Turkish case
    // "Diğer" (the rest) is not a contestant; its votes stay in valid.
    CHECK(race.find_contestant("diger") == -1);
    CHECK(s.outcome == Outcome::Leading);
  }

  SUBCASE("district mayors: one party race over the 39 districts") {
    const Race& race = race_of(f, "istanbul-ilce");
    CHECK(race.kind == RaceKind::Party);
    const RaceTally t(f, race, 0);
    const std::vector<TableRow> rows = table_rows(t, race.area);
    CHECK(rows.size() == 39);
    CHECK(*rows[0].name == "Adalar");
    const int sariyer = f.find_area("sariyer");
    REQUIRE(sariyer >= 0);
    CHECK(f.areas[static_cast<std::size_t>(sariyer)].name == "Sarıyer");
    const Summary s = summarize(t, sariyer);
    CHECK(f.parties[static_cast<std::size_t>(race.contestant_party(s.leader))].short_name == "CHP");
  }

  SUBCASE("one province out of the whole country") {
    AgencyOptions opt;
    opt.province = "34";
    CHECK(convert({{AgencyFormat::Aa, aa0100, "aa.json", "2024-04-01T01:00:00+03:00"}}, opt).feed);
    opt.province = "Ankara";
    const Converted none = convert({{AgencyFormat::Aa, aa0100, "aa.json", "2024-04-01T01:00:00+03:00"}}, opt);
    CHECK(texts(none.conversion.problems) == std::vector<std::string>{"aa.json: BolgeSonuc: no province \"Ankara\" in this file"});
  }
}

TEST_CASE("agency: ANKA province file") {
  const std::string final_text = read(kAgency + "anka-istanbul-final.json");
  const Converted c = convert({{AgencyFormat::Anka, final_text, "anka.json", "2024-04-02T12:00:00+03:00"}});
  REQUIRE(c.feed);
  const Feed& f = *c.feed;

  SUBCASE("the final count, with the opened share recomputed from the counts") {
    const Race& race = race_of(f, "istanbul-buyuksehir");
    const Summary s = summarize(RaceTally(f, race, 0), race.area);
    CHECK(votes_of(s, f, race, "ekrem-imamoglu") == 4433015);
    CHECK(votes_of(s, f, race, "murat-kurum") == 3431589);
    CHECK(s.valid == 8667513);
    CHECK(race.candidates.size() == 49);
    // ANKA says "AcilanSandikOrani": 99.9 (truncated); 33,272 of 33,273 is 99.997 %.
    CHECK(*s.boxes_counted == 33272);
    CHECK(*s.reporting_pct > 99.99);
    CHECK(format_percent(*s.reporting_pct, Lang::Tr) == "%100,00");
  }

  SUBCASE("party identity by code, from the registry: AA's spelling, ANKA's colours") {
    const int akp = f.find_party("ak-parti");
    REQUIRE(akp >= 0);
    CHECK(f.parties[static_cast<std::size_t>(akp)].name == "AK Parti");  // (ANKA writes "Ak Parti")
    CHECK(f.parties[static_cast<std::size_t>(akp)].color == 0xF68407);
    // AA sends no colours: an AA-only feed has AK Parti orange and İYİ blue, not a palette's.
    const Converted aa = convert({{AgencyFormat::Aa, read(kAgency + "aa-istanbul-2024-04-01T0100.json"), "aa.json",
                                   "2024-04-01T01:00:00+03:00"}});
    REQUIRE(aa.feed);
    CHECK(aa.feed->parties[static_cast<std::size_t>(aa.feed->find_party("ak-parti"))].color == 0xF68407);
    CHECK(aa.feed->parties[static_cast<std::size_t>(aa.feed->find_party("chp"))].color ==
          f.parties[static_cast<std::size_t>(f.find_party("chp"))].color);
    // Two parties abbreviated "ABP" (codes 11 and 23) stay two parties.
    CHECK(f.find_party("abp") >= 0);
    CHECK(f.find_party("abp-23") >= 0);
  }

  SUBCASE("district mayors with ANKA's 2019 winners: Beyoğlu and Üsküdar changed hands, Sarıyer did not") {
    const Race& race = race_of(f, "istanbul-ilce");
    REQUIRE(race.previous);
    CHECK(race.previous->areas.size() == 3);
    const std::vector<TableRow> flipped = flipped_rows(RaceTally(f, race, 0), race.area);
    std::vector<std::string> names;
    for (const TableRow& r : flipped) names.push_back(*r.name);
    CHECK(names == std::vector<std::string>{"Beyoğlu", "Üsküdar"});
  }

  SUBCASE("independents are known by name, not by ANKA's per-race numbers") {
    const Race& race = race_of(f, "istanbul-ilce");
    const int genc = f.find_party("bagimsiz-sukru-genc");
    REQUIRE(genc >= 0);
    CHECK(f.parties[static_cast<std::size_t>(genc)].name == "Şükrü Genç (Bağımsız)");
    CHECK(f.parties[static_cast<std::size_t>(genc)].short_name == "Bağımsız");
    const Summary s = summarize(RaceTally(f, race, 0), f.find_area("sariyer"));
    CHECK(votes_of(s, f, race, "bagimsiz-sukru-genc") == 16325);
  }
}

TEST_CASE("agency: AA and ANKA in one feed, each agency's earlier file its history") {
  const std::string anka1142 = read(kAgency + "anka-istanbul-2024-04-01T1142.json");
  const std::string anka_final = read(kAgency + "anka-istanbul-final.json");
  const std::string aa0100 = read(kAgency + "aa-istanbul-2024-04-01T0100.json");
  const std::string aa_final = read(kAgency + "aa-istanbul-final.json");
  const Converted c = convert({{AgencyFormat::Anka, anka1142, "anka-1142.json", "2024-04-01T11:42:00+03:00"},
                               {AgencyFormat::Aa, aa_final, "aa-final.json", "2024-04-02T10:00:00+03:00"},
                               {AgencyFormat::Aa, aa0100, "aa-0100.json", "2024-04-01T01:00:00+03:00"},
                               {AgencyFormat::Anka, anka_final, "anka-final.json", "2024-04-02T12:00:00+03:00"}});
  INFO(texts(c.conversion.problems).size());
  REQUIRE(c.feed);
  const Feed& f = *c.feed;
  CHECK(f.sources.size() == 2);
  CHECK(f.updated.text == "2024-04-02T12:00:00+03:00");
  const Race& race = race_of(f, "istanbul-buyuksehir");
  CHECK(race.results.size() == 2);
  CHECK(race.candidates.size() == 49);  // the same 49 people from both agencies
  // "AK Parti" (AA) and "Ak Parti" (ANKA) are one party: code 1.
  int akp_parties = 0;
  for (const Party& p : f.parties)
    if (turkish::fold(p.short_name) == "ak parti") ++akp_parties;
  CHECK(akp_parties == 1);
  const Summary anka = summarize(RaceTally(f, race, f.find_source("ANKA")), race.area);
  const Summary aa = summarize(RaceTally(f, race, f.find_source("AA")), race.area);
  CHECK(votes_of(anka, f, race, "ekrem-imamoglu") == 4433015);  // the newest ANKA file
  CHECK(*aa.boxes_counted == 33273);
  // The earlier files are history: AA at 01:00 and ANKA at 11:42.
  REQUIRE(race.history.size() == 2);
  for (const auto& [source, points] : race.history) {
    REQUIRE(points.size() == 1);
    if (f.sources[static_cast<std::size_t>(source)].id == "AA") {
      CHECK(points[0].at.text == "2024-04-01T01:00:00+03:00");
      CHECK(*points[0].boxes_counted == 30316);
      CHECK(*points[0].valid == 7837414);
    } else {
      CHECK(points[0].at.text == "2024-04-01T11:42:00+03:00");
      CHECK(*points[0].boxes_counted == 33271);
    }
  }
}

TEST_CASE("agency: a base description gives the desk's party ids and colours") {
  const std::string base = read(SANDIK_ASSETS "/../tools/istanbul-2024.election.json");
  AgencyOptions opt;
  opt.base = base;
  const Converted c = convert({{AgencyFormat::Aa, read(kAgency + "aa-istanbul-final.json"), "aa.json", "2024-04-02T10:00:00+03:00"}}, opt);
  REQUIRE(c.feed);
  const Feed& f = *c.feed;
  CHECK(f.election.id == "tr-2024-local");
  CHECK(f.find_party("AKP") >= 0);  // alias "1"
  CHECK(f.find_party("CHP") >= 0);  // alias "18"
  CHECK(f.parties[static_cast<std::size_t>(f.find_party("CHP"))].color == 0xE30A17);
  CHECK(f.find_party("ak-parti") == -1);
}

TEST_CASE("agency: AP Elections API v2") {
  SUBCASE("Super Tuesday 2016, Massachusetts: the state rows equal the sum of the towns") {
    const Converted c = convert({{AgencyFormat::Ap, read(kAp + "20160301_super_tuesday.json"), "ap.json", ""}});
    REQUIRE(c.feed);
    const Feed& f = *c.feed;
    CHECK(f.updated.text == "2016-03-09T15:50:46.194Z");
    CHECK(f.election.date == "2016-03-01");
    for (const auto& [id, total] : {std::pair<std::string, Count>{"ma-president-gop", 631395}, {"ma-president-dem", 1204927}}) {
      const Race& race = race_of(f, id);
      const RaceTally t(f, race, 0);
      const Summary state = summarize(t, race.area);
      CHECK(state.valid == total);
      Count towns = 0;
      std::size_t n = 0;
      for (int child : f.areas[static_cast<std::size_t>(race.area)].children) {
        towns += t.at(child).valid;
        ++n;
      }
      CHECK(n == 351);
      CHECK(towns == total);
      CHECK(*state.boxes_counted == 2172);
      CHECK(*state.boxes == 2173);
    }
    // winner "X" is AP's call: Trump in the Republican primary, at the state level.
    const Race& gop = race_of(f, "ma-president-gop");
    bool trump_called = false;
    for (const Call& call : gop.calls)
      if (call.area == gop.area && f.contestant_name(gop, call.winner) == "Donald Trump") trump_called = true;
    CHECK(trump_called);
    const Summary s = summarize(RaceTally(f, gop, 0), gop.area);
    CHECK(s.outcome == Outcome::Won);
    CHECK(f.parties[static_cast<std::size_t>(f.find_party("gop"))].name == "Republican");
  }

  SUBCASE("as AP means it: calls at the race's root, uncontested races and mail-ballot units left out or kept, repeats named") {
    // (The shapes of the elex test fixtures: a race with towns, an uncontested one, a mail-ballot unit.)
    const auto unit = [](const char* level, const char* name, const char* id, int total, int reporting,
                         std::vector<std::tuple<const char*, const char*, int, bool>> cands) {
      ojson u = {{"level", level}, {"statePostal", "ME"}, {"stateName", "Maine"}, {"reportingunitName", name},
                 {"reportingunitID", id}, {"precinctsTotal", total}, {"precinctsReporting", reporting},
                 {"lastUpdated", "2012-11-07T12:00:00Z"}, {"candidates", ojson::array()}};
      for (const auto& [cid, last, votes, winner] : cands) {
        ojson c = {{"candidateID", cid}, {"first", "A"}, {"last", last}, {"party", "Ind"}, {"voteCount", votes}};
        if (winner) c["winner"] = "X";
        u["candidates"].push_back(c);
      }
      return u;
    };
    ojson senate = {{"raceID", "1"}, {"officeName", "U.S. Senate"}, {"raceType", "General"}, {"reportingUnits", ojson::array()}};
    senate["reportingUnits"].push_back(unit("state", "Maine", "1", 2, 2, {{"k", "King", 94, true}, {"s", "Summers", 79, false}}));
    senate["reportingUnits"].push_back(unit("subunit", "Portland", "2", 1, 1, {{"k", "King", 79, true}, {"s", "Summers", 15, false}}));
    senate["reportingUnits"].push_back(unit("subunit", "Highland Plt.", "3", 1, 1, {{"k", "King", 15, true}, {"s", "Summers", 64, false}}));
    ojson uncontested = {{"raceID", "2"}, {"officeName", "State Senate"}, {"seatName", "District 9"}, {"raceType", "General"}};
    ojson nobody = {{"raceID", "3"}, {"officeName", "Register of Probate"}, {"raceType", "General"}, {"reportingUnits", ojson::array()}};
    nobody["reportingUnits"].push_back(unit("state", "Maine", "1", 5, 5, {}));
    ojson mail = {{"raceID", "4"}, {"officeName", "Question 1"}, {"raceType", "General"}, {"reportingUnits", ojson::array()}};
    mail["reportingUnits"].push_back(unit("state", "Maine", "1", 0, 3, {{"y", "Yes", 10, false}, {"n", "No", 8, false}}));
    ojson recall = {{"raceID", "5"}, {"officeName", "Recall"}, {"raceType", "General"}, {"reportingUnits", ojson::array()}};
    recall["reportingUnits"].push_back(unit("state", "Maine", "1", 31, 31, {{"y", "Yes", 7, false}, {"n", "No", 9, false}}));
    ojson file = {{"electionDate", "2012-11-06"},
                  {"timestamp", "2012-11-07T12:00:00Z"},
                  {"races", {senate, uncontested, nobody, mail, recall}}};
    const Converted c = convert({{AgencyFormat::Ap, file.dump(), "ap.json", ""}});
    REQUIRE(c.feed);
    const Feed& f = *c.feed;
    const Race& race = race_of(f, "me-u-s-senate");
    REQUIRE(race.calls.size() == 1);  // one call, at the state: "X" on a town names the race's winner
    CHECK(race.calls[0].area == race.area);
    const RaceTally t(f, race, 0);
    const Summary highland = summarize(t, f.find_area("me-3"));
    CHECK(f.contestant_name(race, highland.leader) == "A Summers");  // Summers carried Highland Plt.
    CHECK(highland.outcome != Outcome::Won);
    CHECK(summarize(t, race.area).outcome == Outcome::Won);
    // Left out, and said why; the mail-ballot question kept with its votes and no precincts.
    const std::vector<std::string> said = texts(c.conversion.problems);
    CHECK(std::count_if(said.begin(), said.end(), [](const std::string& s) { return s.find("uncontested?): left out") != std::string::npos; }) == 2);
    CHECK(f.find_race("me-state-senate-district-9") < 0);
    CHECK(f.find_race("me-register-of-probate") < 0);
    const Race& q = race_of(f, "me-question-1");
    const Summary qs = summarize(RaceTally(f, q, 0), q.area);
    CHECK(qs.valid == 18);
    CHECK_FALSE(qs.boxes_counted.has_value());  // its precincts left unknown, not "3 of 0"
    CHECK_FALSE(qs.boxes.has_value());          // (not the Senate race's 2: precincts are each race's)
    CHECK(std::any_of(said.begin(), said.end(), [](const std::string& s) {
      return s.find("0 precincts, 3 reporting (a mail-ballot unit?)") != std::string::npos;
    }));
    // The same state unit, each race's own precincts: the recall counted 31 of 31, the Senate 2 of 2.
    const Race& rc = race_of(f, "me-recall");
    const Summary rs = summarize(RaceTally(f, rc, 0), rc.area);
    CHECK(*rs.boxes == 31);
    CHECK(*rs.reporting_pct == doctest::Approx(100.0));
    CHECK(*summarize(t, race.area).boxes == 2);
    // A unit listed twice, and a race listed twice: refused at their paths in AP's file.
    ojson twice = file;
    twice["races"][0]["reportingUnits"].push_back(twice["races"][0]["reportingUnits"][1]);
    CHECK(first_error(AgencyFormat::Ap, twice.dump()) ==
          "f.json: races[0].reportingUnits[3]: reporting unit me-2 is listed twice in race me-u-s-senate");
    twice = file;
    twice["races"].push_back(twice["races"][0]);
    CHECK(first_error(AgencyFormat::Ap, twice.dump()) == "f.json: races[5]: race me-u-s-senate is listed twice in this file");
  }

  SUBCASE("Alaska 2012: a general election without a party") {
    const Converted c = convert({{AgencyFormat::Ap, read(kAp + "20121106_ak_prez.json"), "ap.json", ""}});
    REQUIRE(c.feed);
    const Race& race = race_of(*c.feed, "ak-president");
    const Summary s = summarize(RaceTally(*c.feed, race, 0), race.area);
    CHECK(c.feed->contestant_name(race, s.winner) == "Mitt Romney");
    CHECK(s.valid == 136848 + 102138 + 6131 + 2366);
  }
}

TEST_CASE("agency: bad payloads are refused with the path into the agency's file") {
  const ojson aa = ojson::parse(read(kAgency + "aa-istanbul-2024-04-01T0100.json"));
  const ojson anka = ojson::parse(read(kAgency + "anka-istanbul-final.json"));
  const ojson ap = ojson::parse(read(kAp + "20121106_ak_prez.json"));

  SUBCASE("a district listed twice: its path in the agency's file, not a duplicate key in the feed") {
    ojson j = anka;
    j["Ilce"].push_back(j["Ilce"][0]);
    const std::string e = first_error(AgencyFormat::Anka, j.dump());
    INFO(e);
    CHECK(e.rfind("f.json: Ilce[3]", 0) == 0);
    CHECK(e.find("is listed twice") != std::string::npos);
    j = aa;
    j["BolgeSonuc"].push_back(j["BolgeSonuc"][0]);
    CHECK(first_error(AgencyFormat::Aa, j.dump()).find("is listed twice") != std::string::npos);
  }
  SUBCASE("a negative vote count") {
    ojson j = aa;
    j["BolgeSonuc"][0]["x"]["c"][0]["t"] = -5;
    CHECK(first_error(AgencyFormat::Aa, j.dump()) == "f.json: BolgeSonuc[0].x.c[0].t: expected a non-negative integer, got -5");
  }
  SUBCASE("a count larger than 2^53") {
    ojson j = anka;
    j["Ilce"][1]["BelediyeBaskanligi"][0]["Oy"] = 18014398509481984ULL;
    CHECK(first_error(AgencyFormat::Anka, j.dump()) ==
          "f.json: Ilce[1].BelediyeBaskanligi[0].Oy: expected a non-negative integer no larger than 2^53, got 18014398509481984");
  }
  SUBCASE("more boxes opened than there are") {
    ojson j = anka;
    j["Ilce"][0]["Sandik"]["AcilanSandik"] = 499;
    CHECK(first_error(AgencyFormat::Anka, j.dump()) ==
          "f.json: Ilce[0].Sandik.AcilanSandik: 499 boxes counted, more than the area's 498 (ToplamSandik)");
  }
  SUBCASE("a missing field and a wrong type") {
    ojson j = aa;
    j["BolgeSonuc"][0]["b"][2].erase("a");
    CHECK(first_error(AgencyFormat::Aa, j.dump()) == "f.json: BolgeSonuc[0].b[2].a: missing");
    j = ap;
    j["races"][0]["reportingUnits"][0]["candidates"][1]["voteCount"] = "102138";
    CHECK(first_error(AgencyFormat::Ap, j.dump()) ==
          "f.json: races[0].reportingUnits[0].candidates[1].voteCount: expected a non-negative integer, got \"102138\"");
    j = anka;
    j["Ilce"] = "none";
    CHECK(first_error(AgencyFormat::Anka, j.dump()) == "f.json: Ilce: expected an array, got \"none\"");
  }
  SUBCASE("a party code twice in one list") {
    ojson j = aa;
    j["BolgeSonuc"][0]["x"]["c"][1]["k"] = 1;
    CHECK(first_error(AgencyFormat::Aa, j.dump()) == "f.json: BolgeSonuc[0].x.c[1].k: code 1 is listed twice");
  }
  SUBCASE("no time for a file that has none of its own") {
    CHECK(first_error(AgencyFormat::Aa, aa.dump(), "") ==
          "f.json: the file has no time of its own: give the time it was published (the Last-Modified header, or --updated)");
    CHECK(first_error(AgencyFormat::Aa, aa.dump(), "yesterday") ==
          "f.json: the time it was published is neither RFC 3339 nor an HTTP date: \"yesterday\"");
  }
  SUBCASE("the wrong format, not JSON, hostile JSON") {
    CHECK(first_error(AgencyFormat::Aa, "[1,2]") == "f.json: expected AA's result-short.json (a JSON object), got an array");
    CHECK(first_error(AgencyFormat::Anka, aa.dump()) == "f.json: Ad: missing");
    CHECK(first_error(AgencyFormat::Ap, anka.dump()) == "f.json: electionDate: missing");
    CHECK(first_error(AgencyFormat::Aa, "{\"BolgeSonuc\": [") == "f.json: BolgeSonuc[0]: invalid JSON at line 1, column 17: unexpected end of input");
    CHECK(first_error(AgencyFormat::Aa, std::string(100, '[') + std::string(100, ']')).find("nested deeper than 32") != std::string::npos);
  }
  SUBCASE("an AP timestamp that is not a time") {
    ojson j = ap;
    j["timestamp"] = "31/03/2024";
    CHECK(first_error(AgencyFormat::Ap, j.dump()) == "f.json: timestamp: expected an RFC 3339 time, got \"31/03/2024\"");
  }
  SUBCASE("warnings keep the feed") {
    ojson j = aa;
    j["BolgeSonuc"][0]["x"]["s"]["g"] = 1000;
    const AgencyConversion c = convert_agency({{AgencyFormat::Aa, j.dump(), "f.json", "2024-04-01T01:00:00+03:00"}});
    CHECK(c.ok());
    CHECK(texts(c.problems) == std::vector<std::string>{
                                   "warning: f.json: BolgeSonuc[0].x.s.g: votes add up to 7710651, more than valid 1000"});
  }
}

TEST_CASE("agency: HTTP dates") {
  CHECK(parse_http_date("Sun, 31 Mar 2024 22:00:00 GMT")->text == "2024-03-31T22:00:00Z");
  CHECK_FALSE(parse_http_date("Sun, 31 Mar 2024 22:00:00 CET"));
  CHECK_FALSE(parse_http_date("Sun, 31 Foo 2024 22:00:00 GMT"));
  CHECK_FALSE(parse_http_date("Sun, 31 Feb 2024 22:00:00 GMT"));
  CHECK_FALSE(parse_http_date(""));
}

TEST_CASE("agency: converted in slices, the same feed and problems as at once") {
  const std::string aa = read(kAgency + "aa-istanbul-2024-04-01T0100.json"),
                    anka = read(kAgency + "anka-istanbul-2024-04-01T1142.json"),
                    national = read(SANDIK_SHARED_DATA "/turkiye-2024/aa/result-short-2024-04-01T0055.json"),
                    ap = read(kAp + "20160301_super_tuesday.json");
  REQUIRE(!national.empty());
  const std::vector<std::vector<AgencyFile>> cases = {
      {{AgencyFormat::Aa, aa, "aa.json", "2024-04-01T01:00:00+03:00"},
       {AgencyFormat::Anka, anka, "anka.json", "Mon, 01 Apr 2024 08:42:00 GMT"}},
      {{AgencyFormat::Aa, national, "aa.json", "2024-04-01T00:55:00+03:00"}},
      {{AgencyFormat::Ap, ap, "ap.json", ""}},
      {{AgencyFormat::Anka, "{\"Ilce\": [", "bad.json", "Mon, 01 Apr 2024 08:42:00 GMT"}}};
  for (const auto& files : cases) {
    CAPTURE(files.front().name);
    const AgencyConversion whole = convert_agency(files);
    CHECK(whole.ok() == (files.front().name != "bad.json"));
    AgencyConvert convert(files);
    int slices = 0;
    for (;;) {
      Budget budget = Budget::units(7);
      ++slices;
      if (convert.step(budget)) break;
    }
    const AgencyConversion part = convert.take();
    CHECK(part.feed == whole.feed);
    REQUIRE(part.problems.size() == whole.problems.size());
    for (std::size_t i = 0; i < part.problems.size(); ++i) CHECK(part.problems[i].to_string() == whole.problems[i].to_string());
    if (files.front().text.size() > 100000) CHECK(slices > 20);
  }
}
