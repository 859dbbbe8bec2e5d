// sandik core — aggregation: the feed's rules 1–7, in integers, once per (race, source).
//
// INDEX
//   Tally          one area from one source: its own result or the sum over its children
//   RaceTally      every area of a race's subtree for one source, computed once
//   Summary        what a reader sees for one area: standings, leader, margin, reporting, turnout
//   summarize()    RaceTally + area -> Summary
//   allocate_seats D'Hondt, Sainte-Laguë, Hare (largest remainder) with a threshold
//
// USAGE
//   sandik::RaceTally tally(feed, race, source);
//   sandik::Summary s = sandik::summarize(tally, race.area);
//   s.standings[0].share_pct, s.margin_votes, s.reporting_pct …
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "feed.h"
#include "span.h"

namespace sandik {

struct Tally {
  bool has_counts = false;   // some votes or counts in this subtree
  bool shares_only = false;  // the source gave only percentages for this area
  std::optional<Count> boxes_counted, cast, registered_counted;
  Count valid = 0;                      // given, or the sum of votes
  Span<Count> votes;                    // by column (RaceTally::contestant_at: the contestant)
  Span<double> shares;                  // by column, shares_only results
  std::optional<double> reporting_pct;  // shares-only results: as the source reported it
};

class RaceTally {
 public:
  RaceTally(const Feed& feed, const Race& race, int source);
  // Each area's Tally points into the one block of counts this object holds: moved, never copied.
  RaceTally(const RaceTally&) = delete;
  RaceTally& operator=(const RaceTally&) = delete;
  RaceTally(RaceTally&&) = default;

  const Feed& feed() const { return feed_; }
  const Race& race() const { return race_; }
  int source() const { return source_; }
  // An area outside the race's subtree has no counts, boxes or voters.
  // (Here, not in tally.cpp, so that the sums over children can have them inlined.)
  const Tally& at(int area) const {
    const int s = slot(area);
    return s < 0 ? none() : tallies_[static_cast<std::size_t>(s)];
  }
  std::optional<Count> boxes(int area) const {
    const int s = slot(area);
    return s < 0 ? std::nullopt : boxes_[static_cast<std::size_t>(s)];
  }
  std::optional<Count> registered(int area) const {
    const int s = slot(area);
    return s < 0 ? std::nullopt : registered_[static_cast<std::size_t>(s)];
  }
  bool in_race(int area) const { return slot(area) >= 0; }
  // Whether a contestant stands here: every candidate; in a party race (whose contestants are
  // all of the feed's parties) only the parties the source lists for the race.
  bool stands(int contestant) const { return column(contestant) >= 0; }
  // A Tally's votes and shares are by column: a candidate race's columns are its candidates; a
  // party race's only the parties the source lists (a country's feed has 1,083 parties, one per
  // independent candidate, and a province's race lists a dozen), in the feed's order.
  std::size_t columns() const { return cols_.empty() ? static_cast<std::size_t>(count_) : cols_.size(); }
  int contestant_at(std::size_t column) const { return cols_.empty() ? static_cast<int>(column) : cols_[column]; }
  int column(int contestant) const {
    if (contestant < 0 || contestant >= count_) return -1;
    return col_of_.empty() ? contestant : col_of_[static_cast<std::size_t>(contestant)];
  }

 private:
  static const Tally& none();  // an area outside the race
  int slot(int area) const {
    const auto i = static_cast<std::size_t>(area - slot_first_);  // (below the first: huge)
    return area < slot_first_ || i >= slot_.size() ? -1 : slot_[i];
  }
  const Feed& feed_;
  const Race& race_;
  int source_;
  // Only the race's subtree is tallied (a province's race in a whole country's feed: 20 areas of
  // 1,445): slot_ maps an area index, from the subtree's lowest (slot_first_) to its highest,
  // to its place in the others, -1 outside the race.
  std::vector<int> slot_;
  int slot_first_ = 0;
  std::vector<Tally> tallies_;
  // Every area's votes (and shares, where a source gave only those), a row of columns() each, in
  // one block: a whole country's tally has 7,500 areas, which were an allocation each.
  std::vector<Count> votes_;
  std::vector<double> shares_;
  std::vector<std::optional<Count>> boxes_, registered_;
  int count_ = 0;              // the race's contestants
  std::vector<int> cols_;      // a party race: the contestant of each column (empty: all, in order)
  std::vector<int> col_of_;    // a party race: each contestant's column, -1 when not listed
};

// Carried: the final leader of an area below a candidate race's root (a district of a city-wide
// race), which nobody wins on its own.
enum class Outcome { NoResults, Leading, Tied, Won, Carried };
const char* outcome_name(Outcome o);  // "no results", "leading", "tied", "won", "carried"

struct Standing {
  int contestant = -1;
  Count votes = 0;
  double share_pct = 0;  // votes / valid × 100, or the source's own share for shares-only results
};

struct Summary {
  int race = -1, source = -1, area = -1;
  Outcome outcome = Outcome::NoResults;
  bool shares_only = false;
  std::optional<Count> boxes_counted, boxes, registered, cast, registered_counted;
  Count valid = 0;
  std::optional<double> reporting_pct, turnout_pct;
  std::vector<Standing> standings;  // by votes (or share), highest first; ties keep feed order
  int leader = -1;                  // contestant; -1 when tied or no results
  int winner = -1;                  // contestant called (calls) or leading a final feed
  bool tied = false;
  // A call for someone the count does not show ahead: the call stands, the count is not
  // rewritten (docs/feed-format.md, rule 6).
  bool called_other() const { return winner >= 0 && winner != leader; }
  Count margin_votes = 0;
  double margin_pct_points = 0;
  std::vector<std::pair<int, int>> seats;  // party index -> seats, race root of party races with seats
  int previous_winner = -1;                // party index, from race.previous
  bool flipped = false;                    // leading (or winning) party differs from previous_winner
};

Summary summarize(const RaceTally& tally, int area);
// The same with only the first two standings (a table's row: its leader and runner-up), found
// in one pass: the same two, in the same order, as summarize()'s sorted standings begin with.
Summary summarize_top(const RaceTally& tally, int area);
// The same into `out`, reusing its lists' storage (a table of 4,000 rows: no allocation a row).
void summarize_top(const RaceTally& tally, int area, Summary& out);

// The one margin rule: the difference of the two shares rounded as printed (2 decimals), itself
// rounded to 2 decimals. Every view, the accessible text, the table and the CLI's JSON use it.
double margin_points(double first_pct, double second_pct);

// Seats for each entry of `votes` (same order). Parties under `threshold` × valid get none.
// Ties on the last seat go to the party with more votes, then to the earlier one.
std::vector<int> allocate_seats(const std::vector<Count>& votes, Count valid, int total, SeatMethod method,
                                double threshold);

}  // namespace sandik
