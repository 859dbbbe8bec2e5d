// sandik core — mayoralties won per office level (scoreboard.h).
#include "scoreboard.h"

#include <set>

#include "order.h"
#include "tally.h"

namespace sandik {
namespace {

constexpr const char* kLevels[] = {"metropolitan", "province", "district", "belde"};

ScoreParty& entry(ScoreLevel& level, int party) {
  for (ScoreParty& p : level.parties)
    if (p.party == party) return p;
  level.parties.push_back({party, 0, 0, 0});
  return level.parties.back();
}

// The offices of a race: its root (a candidate race), or each area below the root that a
// source gives a result of its own or that had a previous winner (a party race).
std::set<int> offices(const Race& race) {
  if (race.kind == RaceKind::Candidate) return {race.area};
  std::set<int> out;
  for (const SourceResults& sr : race.results)
    for (const auto& entry : sr.areas)
      if (entry.first != race.area) out.insert(entry.first);
  if (race.previous)
    for (const auto& entry : race.previous->areas)
      if (entry.first != race.area) out.insert(entry.first);
  return out;
}

}  // namespace

std::vector<ScoreLevel> scoreboard(const Feed& feed, int source) {
  for (const auto& carried : feed.scoreboards)
    if (carried.first == source) return carried.second;
  std::vector<ScoreLevel> levels;
  for (const char* name : kLevels) {
    ScoreLevel level;
    level.level = name;
    bool any = false;
    for (const Race& race : feed.races) {
      if (race.office != name) continue;
      const int src = source >= 0 ? source : race.freshest_source();
      if (source >= 0 && !race.results_for(source)) continue;
      any = true;
      const std::set<int> areas = offices(race);
      const RaceTally tally(feed, race, src);
      Summary s;
      for (const int area : areas) {
        if (!tally.in_race(area)) continue;
        ++level.total;
        summarize_top(tally, area, s);
        if (s.winner >= 0)
          ++entry(level, race.contestant_party(s.winner)).won;
        else if (s.leader >= 0)
          ++entry(level, race.contestant_party(s.leader)).leading;
        else if (s.tied)
          ++level.tied;
        if (race.previous) {
          const auto it = race.previous->areas.find(area);
          if (it != race.previous->areas.end() && it->second.winner >= 0) ++entry(level, it->second.winner).previous;
        }
      }
    }
    if (!any) continue;
    sandik::stable_sort(level.parties, [](const ScoreParty& a, const ScoreParty& b) {
      if (a.won != b.won) return a.won > b.won;
      if (a.leading != b.leading) return a.leading > b.leading;
      if (a.previous != b.previous) return a.previous > b.previous;
      return a.party < b.party;
    });
    levels.push_back(std::move(level));
  }
  return levels;
}

}  // namespace sandik
