// sandik adapters — AP Elections API v2: races, reporting units, candidates and calls.
#include <algorithm>
#include <set>

#include "../core/format.h"
#include "../core/order.h"
#include "../core/time.h"
#include "../core/turkish.h"
#include "payload.h"

namespace sandik::adapters {
namespace {

// ---- AP Elections API v2 -------------------------------------------------------------------------
struct ApParty {
  const char* code;
  const char* name;
  std::uint32_t color;
};
// AP's party abbreviations (AP Elections API documentation) and the colours US media use.
constexpr ApParty kApParties[] = {{"Dem", "Democratic", 0x1A6AFF},  {"GOP", "Republican", 0xE0262B},
                                  {"Lib", "Libertarian", 0xFED105}, {"Grn", "Green", 0x17AA5C},
                                  {"Ind", "Independent", 0x8C8C8C}, {"Una", "Unaffiliated", 0x8C8C8C}};

std::string ap_party(Builder& b, const std::string& code) {
  for (const ApParty& p : kApParties)
    if (code == p.code) return b.party("code:" + code, p.name, code, p.color, false);
  return b.party("code:" + code, code, code, std::nullopt, false);
}

}  // namespace

void convert_ap(Builder& b, Reader& in, const Value& root) {
  const Path top;
  if (!root.is_object())
    return in.error(top, "expected an AP Elections API response (a JSON object), got " + json::describe(root));
  const std::string date = in.text(root, top, "electionDate", true);
  const std::string stamp = in.text(root, top, "timestamp", true);
  const json::Span<Value> races = in.array(root, top, "races", true);
  if (in.failed()) return;
  const std::optional<Time> t = parse_rfc3339(stamp);
  if (!t) {
    const Path p = top / "timestamp";
    return in.error(p, "expected an RFC 3339 time, got " + json::quote(json::clip(stamp)));
  }
  const auto digits = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i)
      v = date[i] >= '0' && date[i] <= '9' ? v * 10 + (date[i] - '0') : -1000000;
    return v;
  };
  const bool shaped = date.size() == 10 && date[4] == '-' && date[7] == '-';
  const int y = shaped ? digits(0, 4) : -1, mo = shaped ? digits(5, 2) : 0, d = shaped ? digits(8, 2) : 0;
  if (!shaped || y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31) {
    const Path p = top / "electionDate";
    return in.error(p, "expected a date YYYY-MM-DD, got " + json::quote(json::clip(date)));
  }
  if (b.election_id.empty()) {
    static const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                    "July",    "August",   "September", "October", "November", "December"};
    b.election_id = "us-" + date;
    b.date = date;
    b.timezone = "America/New_York";
    b.title = {
        {"en", "US elections, " + std::string(kMonths[mo - 1]) + " " + std::to_string(d) + ", " + std::to_string(y)},
        {"tr", "ABD seçimleri, " + std::to_string(d) + "." + (mo < 10 ? "0" : "") + std::to_string(mo) + "." +
                   std::to_string(y)}};
  }
  b.source("AP", "Associated Press", "agency");
  b.touch(t->epoch, stamp);
  const Path races_at = top / "races";
  std::set<std::string> races_seen;  // in this file
  for (std::size_t i = 0; i < races.size(); ++i) {
    const Path r = races_at[i];
    const Value& rv = races[i];
    if (!in.object_item(rv, r)) continue;
    const std::string office = in.text(rv, r, "officeName", true);
    const std::string party = in.text(rv, r, "party", false);
    const std::string seat = in.text(rv, r, "seatName", false);
    const std::string race_type = in.text(rv, r, "raceType", false);
    if (const Value* test = rv.find("test"); test && test->boolean()) b.status = "test";
    const json::Span<Value> units = in.array(rv, r, "reportingUnits", false);
    if (office.empty()) continue;
    if (units.empty()) {  // an uncontested race: AP gives no units and no votes
      in.warning(
          r, "race " + json::quote(in.text(rv, r, "raceID", false)) + " has no reportingUnits (uncontested?): left out",
          "left-out");
      continue;
    }
    const Path units_at = r / "reportingUnits";
    // The state first: it is the race's root whatever the order of the units.
    std::string state, state_name, postal;
    for (std::size_t k = 0; k < units.size() && state.empty(); ++k) {
      const Path u = units_at[k];
      if (!units[k].is_object()) continue;
      postal = in.text(units[k], u, "statePostal", true);
      if (in.text(units[k], u, "level", false) != "state") continue;
      state_name = in.text(units[k], u, "stateName", false);
      // (No boxes on the area: every race of the state shares it, and each has its own precincts.)
      state = b.area(state_name.empty() ? postal : state_name, "", "state", std::nullopt, std::nullopt, postal);
    }
    if (postal.empty()) continue;
    if (state.empty()) state = b.area(postal, "", "state", std::nullopt, std::nullopt, postal);
    std::string party_name = party;
    for (const ApParty& p : kApParties)
      if (party == p.code) party_name = p.name;
    const std::string title =
        office + (seat.empty() ? "" : ", " + seat) +
        (party.empty() ? "" : " — " + party_name + " " + turkish::lower(race_type.empty() ? "primary" : race_type));
    const std::string race_id =
        turkish::slug(postal + " " + office + (party.empty() ? "" : " " + party) + (seat.empty() ? "" : " " + seat));
    if (!races_seen.insert(race_id).second) {
      in.error(r, "race " + race_id + " is listed twice in this file", "duplicate");
      continue;
    }
    const bool existed =
        std::any_of(b.races().begin(), b.races().end(), [&](const RaceB& x) { return x.id == race_id; });
    RaceB& race = b.race(race_id, title, title, state, true);
    std::set<std::string> units_seen;
    for (std::size_t k = 0; k < units.size(); ++k) {
      const Path u = units_at[k];
      const Value& uv = units[k];
      if (!in.object_item(uv, u)) continue;
      const bool is_state = in.text(uv, u, "level", false) == "state";
      std::optional<Count> total = in.count(uv, u, "precinctsTotal", false);
      const std::optional<Count> reporting = in.count(uv, u, "precinctsReporting", false);
      if (total && *total == 0 && reporting && *reporting > 0) {  // a mail-ballot unit: no precincts to count
        const Path p = u / "precinctsTotal";
        in.warning(
            p,
            "0 precincts, " + std::to_string(*reporting) + " reporting (a mail-ballot unit?): precincts left unknown",
            "mail-ballots");
        total.reset();
      }
      std::string area = state;
      if (!is_state) {
        const std::string name = in.text(uv, u, "reportingunitName", true);
        const std::string id = in.text(uv, u, "reportingunitID", false);
        if (name.empty()) continue;
        area = b.area(name, state, "subunit", std::nullopt, std::nullopt, postal + "-" + (id.empty() ? name : id));
      }
      if (!units_seen.insert(area).second) {
        in.error(u, "reporting unit " + area + " is listed twice in race " + race_id, "duplicate");
        continue;
      }
      ResultB res;
      res.boxes = total;  // this race's precincts in the unit: they belong to the race, not the place
      res.boxes_counted = total ? reporting : std::nullopt;
      const std::string updated = in.text(uv, u, "lastUpdated", false);
      const json::Span<Value> cands = in.array(uv, u, "candidates", true);
      const Path cands_at = u / "candidates";
      std::set<std::string> seen;
      for (std::size_t c = 0; c < cands.size(); ++c) {
        const Path cp = cands_at[c];
        const Value& cv = cands[c];
        if (!in.object_item(cv, cp)) continue;
        const std::string cid = in.code(cv, cp, "candidateID");
        const std::string first = in.text(cv, cp, "first", false);
        const std::string last = in.text(cv, cp, "last", true);
        const std::string cparty = in.text(cv, cp, "party", false);
        const std::optional<Count> votes = in.count(cv, cp, "voteCount", true);
        if (cid.empty() || last.empty() || !votes) continue;
        if (!seen.insert(cid).second) {
          const Path idp = cp / "candidateID";
          in.error(idp, "candidate " + cid + " is listed twice");
          continue;
        }
        const std::string pid = ap_party(b, cparty.empty() ? "Ind" : cparty);
        const std::string id = Builder::contestant(race, "ap:" + cid, first.empty() ? last : first + " " + last, pid);
        res.votes.emplace_back(id, *votes);
        // AP's "X" names the race's winner, on whichever unit it stands: a call at the race's root
        // (a town carried by another candidate is not his).
        if (in.text(cv, cp, "winner", false) == "X" &&
            std::none_of(race.calls.begin(), race.calls.end(),
                         [&](const auto& call) { return call.source == "AP" && call.area == state; }))
          race.calls.push_back({"AP", state, id, updated.empty() ? stamp : updated, {}});
      }
      if (res.boxes_counted && total && *res.boxes_counted > *total) {
        const Path p = u / "precinctsReporting";
        in.error(p, std::to_string(*res.boxes_counted) + " precincts reporting, more than the " +
                        std::to_string(*total) + " precincts (precinctsTotal)");
      }
      Builder::snapshot(race, "AP", t->epoch, stamp).areas.emplace_back(area, std::move(res));
    }
    if (!existed && race.candidates.empty()) {  // no candidate in any unit: nothing to show
      in.warning(r, "race " + race_id + " has no candidates (uncontested?): left out", "left-out");
      b.races().pop_back();
    }
  }
}

}  // namespace sandik::adapters
