// sandik core — mayoralties won: for each office level, how many of its races each party has
// won and leads, against the previous winners ("CHP won 14 of 30 metropolitan mayoralties").
//
// An office is counted where a race says it is one (`office`, docs/feed-format.md):
//   - a candidate race is one office, at its root area (İstanbul's metropolitan mayor);
//   - a party race is one office per area that has a result of its own, below the root (a
//     province's district mayors: each district is a mayoralty).
// Each office is counted once, by the rules of every view (tally.h): won (a call, or a final
// feed) goes to the winner; otherwise a leader in the count leads it; equal top votes are tied;
// nothing counted yet is neither. `previous` counts the race's previous winners of the same
// offices.
//
//   std::vector<sandik::ScoreLevel> s = sandik::scoreboard(feed);       // each race's freshest source
//   s[0].level == "metropolitan", s[0].total == 30, s[0].parties[0].won == 14 …
#pragma once

#include <string>
#include <vector>

#include "feed.h"

namespace sandik {

// The four mayor levels that the feed has, in that order. `source` = -1: each race's freshest
// source (Race::freshest_source); else that source, and races it does not count are left out.
// A split index gives the scoreboard it carries for that source (Feed::scoreboards), if any.
std::vector<ScoreLevel> scoreboard(const Feed& feed, int source = -1);

}  // namespace sandik
