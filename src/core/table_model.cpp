#include "table_model.h"
#include "order.h"

#include <algorithm>

#include "turkish.h"

namespace sandik {

std::optional<SortKey> sort_key_from(std::string_view n) {
  if (n == "name") return SortKey::Name;
  if (n == "leader") return SortKey::Leader;
  if (n == "margin") return SortKey::Margin;
  if (n == "reporting") return SortKey::Reporting;
  if (n == "turnout") return SortKey::Turnout;
  if (n == "swing") return SortKey::Swing;
  return std::nullopt;
}

const char* sort_key_name(SortKey k) {
  switch (k) {
    case SortKey::Name: return "name";
    case SortKey::Leader: return "leader";
    case SortKey::Margin: return "margin";
    case SortKey::Reporting: return "reporting";
    case SortKey::Turnout: return "turnout";
    case SortKey::Swing: return "swing";
  }
  return "name";
}

namespace {

TableRow make_row(const RaceTally& tally, int area, Summary& s) {
  const Feed& feed = tally.feed();
  const Race& race = tally.race();
  summarize_top(tally, area, s);
  TableRow r;
  r.area = area;
  r.name = &feed.areas[static_cast<std::size_t>(area)].name;
  r.children = static_cast<int>(feed.areas[static_cast<std::size_t>(area)].children.size());
  r.has_results = s.outcome != Outcome::NoResults;
  r.tied = s.tied;
  r.won = s.outcome == Outcome::Won && !s.called_other();
  r.reporting_pct = s.reporting_pct;
  r.turnout_pct = s.turnout_pct;
  if (r.has_results) {
    // The row is the count: who leads it, with that share (a call for someone else does not put
    // that name beside the leader's share; the area's own view says both).
    const int top = s.leader >= 0 ? s.leader : s.winner;
    r.leader = top;
    r.leader_party = top >= 0 ? race.contestant_party(top) : -1;
    r.leader_share_pct = s.standings[0].share_pct;
    if (s.standings.size() > 1) {
      r.runner_up = s.standings[1].contestant;
      r.runner_up_share_pct = s.standings[1].share_pct;
    }
    r.margin_votes = s.margin_votes;
    r.margin_pct_points = s.margin_pct_points;
  }
  r.previous_winner = s.previous_winner;
  r.flipped = s.flipped;
  // Swing: the leading party's share now against its share in the previous election.
  if (race.previous && r.leader_party >= 0 && !s.shares_only) {
    const auto it = race.previous->areas.find(area);
    if (it != race.previous->areas.end() && it->second.valid && *it->second.valid > 0) {
      Count before = 0;
      for (const auto& [p, v] : it->second.votes)
        if (p == r.leader_party) before = v;
      const Tally& t = tally.at(area);
      double now = 0;
      for (std::size_t k = 0; k < t.votes.size() && t.valid > 0; ++k)
        if (race.contestant_party(tally.contestant_at(k)) == r.leader_party)
          now += 100.0 * static_cast<double>(t.votes[k]) / static_cast<double>(t.valid);
      r.swing_pct_points = now - 100.0 * static_cast<double>(before) / static_cast<double>(*it->second.valid);
    }
  }
  return r;
}

// A search (folded) finds the area's name, or its leader's or the leader's party's.
bool found(const Feed& feed, const Race& race, const TableRow& r, const std::string& needle) {
  const auto in = [&](const std::string& text) { return turkish::fold(text).find(needle) != std::string::npos; };
  return needle.empty() || in(*r.name) || (r.leader >= 0 && in(feed.contestant_name(race, r.leader))) ||
         (r.leader_party >= 0 && in(feed.parties[static_cast<std::size_t>(r.leader_party)].short_name));
}

std::optional<double> key_value(const TableRow& r, SortKey k) {
  switch (k) {
    case SortKey::Margin: return r.has_results ? std::optional<double>(r.margin_pct_points) : std::nullopt;
    case SortKey::Reporting: return r.reporting_pct;
    case SortKey::Turnout: return r.turnout_pct;
    case SortKey::Swing: return r.swing_pct_points;
    default: return std::nullopt;
  }
}

}  // namespace

std::vector<TableRow> table_rows(const RaceTally& tally, int parent, const TableQuery& q) {
  std::vector<TableRow> rows = collect_rows(tally, parent, q);
  sort_rows(rows, tally.feed(), q);
  return rows;
}

std::vector<TableRow> collect_rows(const RaceTally& tally, int parent, const TableQuery& q) {
  const Feed& feed = tally.feed();
  const Race& race = tally.race();
  std::vector<TableRow> rows;
  if (parent < 0 || !tally.in_race(parent)) return rows;
  const std::string needle = turkish::fold(q.search);
  rows.reserve(feed.areas[static_cast<std::size_t>(parent)].children.size());
  Summary scratch;
  for (int child : feed.areas[static_cast<std::size_t>(parent)].children) {
    TableRow r = make_row(tally, child, scratch);
    if (found(feed, race, r, needle)) rows.push_back(std::move(r));
  }
  return rows;
}

// By each area's name folded once as the feed was read (Turkish collation inside a comparator
// made sorting 60,000 rows take 200 ms), the rows put in order by position.
void sort_rows(std::vector<TableRow>& rows, const Feed& feed, const TableQuery& q) {
  std::vector<const std::string*> names(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i)
    names[i] = &feed.areas[static_cast<std::size_t>(rows[i].area)].collation;
  std::vector<std::uint32_t> order(rows.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
  auto by_name = [&](std::uint32_t a, std::uint32_t b) {
    const int c = names[a]->compare(*names[b]);  // (once, not != and then <)
    return c != 0 ? c < 0 : *rows[a].name < *rows[b].name;
  };
  sandik::stable_sort(order, [&](std::uint32_t ia, std::uint32_t ib) {
    const TableRow& a = rows[ia];
    const TableRow& b = rows[ib];
    if (q.sort == SortKey::Name) return q.desc ? by_name(ib, ia) : by_name(ia, ib);
    if (q.sort == SortKey::Leader) {
      // By the leading party's short name, then the leader's share (highest first), then name.
      if (a.leader_party < 0 || b.leader_party < 0) return a.leader_party >= 0 && b.leader_party < 0;  // rows without a leader last
      const std::string& pa = feed.parties[static_cast<std::size_t>(a.leader_party)].short_name;
      const std::string& pb = feed.parties[static_cast<std::size_t>(b.leader_party)].short_name;
      if (pa != pb) return q.desc ? turkish::less(pb, pa) : turkish::less(pa, pb);  // (a few parties)
      if (a.leader_share_pct != b.leader_share_pct) return a.leader_share_pct > b.leader_share_pct;
      return by_name(ia, ib);
    }
    const auto va = key_value(a, q.sort), vb = key_value(b, q.sort);
    if (!va || !vb) return va && !vb;  // rows without a value last
    if (*va != *vb) return q.desc ? *va > *vb : *va < *vb;
    return by_name(ia, ib);
  });
  std::vector<TableRow> sorted;
  sorted.reserve(rows.size());
  for (const std::uint32_t i : order) sorted.push_back(std::move(rows[i]));
  rows = std::move(sorted);
}

int mayor_race(const Feed& feed, int area) {
  int found = -1;
  for (std::size_t i = 0; i < feed.races.size(); ++i) {
    const Race& r = feed.races[i];
    if (r.area == area && r.kind == RaceKind::Candidate && (r.office == "metropolitan" || r.office == "province") &&
        (found < 0 || r.office == "metropolitan"))
      found = static_cast<int>(i);
  }
  return found;
}

std::vector<TableRow> mayor_rows(const Feed& feed, int parent, int source, const TableQuery& q) {
  std::vector<TableRow> rows;
  if (parent < 0) return rows;
  const std::string needle = turkish::fold(q.search);
  Summary scratch;
  for (const int child : feed.areas[static_cast<std::size_t>(parent)].children) {
    const int ri = mayor_race(feed, child);
    if (ri < 0) continue;
    const Race& race = feed.races[static_cast<std::size_t>(ri)];
    const RaceTally tally(feed, race, source >= 0 && race.results_for(source) ? source : race.freshest_source());
    TableRow r = make_row(tally, child, scratch);
    if (!found(feed, race, r, needle)) continue;
    r.leader = r.leader_party;
    r.runner_up = r.runner_up >= 0 ? race.contestant_party(r.runner_up) : -1;
    rows.push_back(std::move(r));
  }
  sort_rows(rows, feed, q);
  return rows;
}

std::vector<TableRow> flipped_rows(const RaceTally& tally, int root) {
  std::vector<TableRow> out;
  if (root < 0 || !tally.in_race(root)) return out;
  const Feed& feed = tally.feed();
  const Race& race = tally.race();
  std::vector<int> stack{root};
  Summary scratch;
  while (!stack.empty()) {
    const int a = stack.back();
    stack.pop_back();
    const auto& children = feed.areas[static_cast<std::size_t>(a)].children;
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
    if (a == root || !race.previous || !race.previous->areas.count(a)) continue;  // (only those can flip)
    TableRow r = make_row(tally, a, scratch);
    if (r.flipped) out.push_back(std::move(r));
  }
  TableQuery by_name;
  by_name.sort = SortKey::Name;
  sort_rows(out, feed, by_name);
  return out;
}

}  // namespace sandik
