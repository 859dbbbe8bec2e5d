// sandik core — the district table's view-model: one row per child area, sorted and filtered.
// The widget's table and `sandik table` both draw exactly these rows.
//
//   TableQuery q;  q.sort = SortKey::Margin;  q.desc = true;  q.search = "sari";
//   for (const TableRow& r : table_rows(tally, race.area, q)) …
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tally.h"

namespace sandik {

enum class SortKey { Name, Leader, Margin, Reporting, Turnout, Swing };
std::optional<SortKey> sort_key_from(std::string_view name);  // name leader margin reporting turnout swing
const char* sort_key_name(SortKey key);

struct TableQuery {
  SortKey sort = SortKey::Name;  // name: Turkish alphabetical order
  bool desc = false;             // rows without a value for the key stay last either way
  std::string search;            // matches the area's name or the leader's, with or without Turkish letters
};

struct TableRow {
  int area = -1;
  const std::string* name = nullptr;        // the area's name (points into the feed)
  bool has_results = false, tied = false, won = false;
  int leader = -1, leader_party = -1;       // contestant, party; -1 when tied or no results
  int runner_up = -1;                       // contestant
  double leader_share_pct = 0, runner_up_share_pct = 0;
  Count margin_votes = 0;
  double margin_pct_points = 0;
  std::optional<double> reporting_pct, turnout_pct;
  int previous_winner = -1;                 // party
  bool flipped = false;
  std::optional<double> swing_pct_points;   // leader's party: share now − share in `previous`
  int children = 0;                         // the area has its own sub-areas to open
};

std::vector<TableRow> table_rows(const RaceTally& tally, int parent_area, const TableQuery& query = {});
// table_rows() in two steps (the widget takes each in a slice of its own): the rows the search
// finds, in the feed's order; then in the order the query asks (Turkish alphabetical for names;
// ties by name).
std::vector<TableRow> collect_rows(const RaceTally& tally, int parent_area, const TableQuery& query);
// Puts rows in the order the query asks (Turkish alphabetical for names; ties by name).
void sort_rows(std::vector<TableRow>& rows, const Feed& feed, const TableQuery& query);

// A whole country's overview: the race of an area's own mayor, the one candidate race of office
// "metropolitan" (else "province") whose root the area is; -1 when the feed has none.
int mayor_race(const Feed& feed, int area);
// One row per child of `parent` for its own mayor's race (mayor_race), as table_rows() makes
// them, but `leader` and `runner_up` are parties (the rows come from different races); children
// with no such race are left out. `source` < 0: each race's freshest (as `sandik scoreboard`).
std::vector<TableRow> mayor_rows(const Feed& feed, int parent, int source, const TableQuery& query);

// Areas below `root` whose leader (or winner) differs from `previous` — "El değiştiren ilçeler".
std::vector<TableRow> flipped_rows(const RaceTally& tally, int root);

}  // namespace sandik
