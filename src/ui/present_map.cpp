// sandik ui — the map's and the tile grid's model: each shape's fill from its area's row (the
// table's rows: the same leader, margin and count), its card, the legend, the credit, and the
// mirror's table of every area.
#include <algorithm>

#include "core/order.h"
#include "core/turkish.h"
#include "present.h"
#include "present_internal.h"

namespace sandik::ui {

using namespace detail;

namespace {

// How dark an area is drawn: margins under 5, 10 and 20 points, and wider.
constexpr double kStepBelow[kMapSteps - 1] = {5, 10, 20};

int step_of(double margin_points) {
  int s = 0;
  while (s < kMapSteps - 1 && margin_points >= kStepBelow[s]) ++s;
  return s;
}

// Striped: boxes still out in a live count (a final feed's last boxes are not coming).
bool still_counting(const Feed& f, const TableRow& r) {
  return r.reporting_pct && *r.reporting_pct < 99.995 && !r.won && f.status != FeedStatus::Final;
}

}  // namespace

MapView present_map(const Model& m, bool tiles, Lang lang) {
  MapView v;
  if (!m.ready()) return v;
  const Feed& feed = *m.feed;
  const Area& here = area_of(m, m.area);
  v.title = m.overview && m.area == m.race->area ? str(Str::Mayors, lang) : race_title(m, lang);
  if (m.source >= 0) v.source_line = feed.sources[static_cast<std::size_t>(m.source)].name + " · " + as_of(m, lang);
  if (m.map_id.empty()) {  // (an area without children is no map's: the detail shows it)
    if (!here.children.empty()) v.none = v.caption = v.sentence = say(Str::MapNone, lang, {here.name});
    return v;
  }
  if (!m.map || !m.map_join) return v;  // (on its way)
  v.map = m.map;
  v.tiles = tiles && m.map->tile_columns > 0;  // (a map without a tile grid: its shapes)
  const MapAsset& map = *m.map;
  const bool candidates = m.race->kind == RaceKind::Candidate && !(m.overview && m.area == m.race->area);
  const std::string prev = m.race->previous ? m.race->previous->label : str(Str::ColPrevious, lang);

  const auto row_of = [&](int area) -> const TableRow* {
    for (const TableRow& r : m.map_rows)
      if (r.area == area) return &r;
    return nullptr;
  };
  const auto leader_name = [&](const TableRow& r) {
    return candidates ? feed.contestant_name(*m.race, r.leader) : party_short(feed, r.leader_party);
  };
  std::vector<std::pair<int, int>> led;  // party, areas
  bool partial = false, none = false, flipped = false;
  for (std::size_t s = 0; s < map.shapes.size(); ++s) {
    MapArea a;
    a.area = m.map_join->area_of[s];
    a.name = a.area >= 0 ? area_of(m, a.area).name : map.shapes[s].name;
    a.abbr = map.shapes[s].short_name.empty() ? a.name : map.shapes[s].short_name;
    a.id = a.area >= 0 ? area_of(m, a.area).id : "";
    a.card.push_back(a.name);
    const TableRow* r = a.area >= 0 ? row_of(a.area) : nullptr;
    if (!r || !r->has_results || r->leader < 0) {
      a.card.push_back(r && r->tied ? str(Str::Tied, lang) : str(Str::NoResults, lang));
      none = true;
    } else {
      a.fill = still_counting(feed, *r) ? Fill::Partial : Fill::Counted;
      partial = partial || a.fill == Fill::Partial;
      a.color = party_color(feed, r->leader_party);
      a.step = step_of(r->margin_pct_points);
      a.flipped = r->flipped;
      flipped = flipped || r->flipped;
      a.card.push_back(leader_name(*r) + " " + format_percent(r->leader_share_pct, lang));
      a.card.push_back(std::string(str(Str::ColMargin, lang)) + ": " + points(r->margin_pct_points, lang, 1));
      auto it = std::find_if(led.begin(), led.end(), [&](const auto& p) { return p.first == r->leader_party; });
      if (it == led.end())
        led.emplace_back(r->leader_party, 1);
      else
        ++it->second;
    }
    if (r && r->reporting_pct) a.card.push_back(boxes_opened_sentence(*r->reporting_pct, lang, 1));
    if (r && r->flipped)
      a.card.push_back(prev + ": " + party_short(feed, r->previous_winner) + " → " +
                       party_short(feed, r->leader_party));
    a.hint = a.area >= 0 ? str(Str::MapTapAgain, lang) : "";
    v.areas.push_back(std::move(a));
  }
  sandik::stable_sort(led, [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string leads;
  for (const auto& [party, n] : led) {
    v.leaders.push_back({party_short(feed, party) + " " + format_count(n, lang), party_color(feed, party)});
    leads += (leads.empty() ? "" : ", ") + v.leaders.back().text;
  }
  v.shade = str(Str::MapShade, lang);
  v.steps = {"<5", "5–10", "10–20", "20+"};  // (kStepBelow's, written alike in both languages)
  if (partial) v.partial = str(Str::MapPartial, lang);
  if (none) v.uncounted = str(Str::MapUncounted, lang);
  if (flipped) v.flipped = say(Str::MapFlippedKey, lang, {prev});
  std::string missing;
  for (int a : m.map_join->areas_without_shape) missing += (missing.empty() ? "" : ", ") + area_of(m, a).name;
  for (int s : m.map_join->shapes_without_area)
    missing += (missing.empty() ? "" : ", ") + map.shapes[static_cast<std::size_t>(s)].name;
  if (!missing.empty()) v.missing = say(Str::MapMissing, lang, {missing});
  v.closer = str(Str::MapCloser, lang);
  v.credit = map.credit;

  // The mirror: every child of the area, as the table lists them, with the legend in words.
  const std::string col_name = str(area_column(m), lang);
  v.caption = say(Str::MapCaption, lang, {v.title, here.name});
  v.sentence = (v.source_line.empty() ? "" : v.source_line + ". ") + v.shade + " " + v.steps[0] + ", " + v.steps[1] +
               ", " + v.steps[2] + ", " + v.steps[3] + ".";
  for (const std::string* line : {&v.partial, &v.uncounted, &v.flipped})
    if (!line->empty()) v.sentence += " " + *line + ".";
  if (!leads.empty()) v.sentence += " " + say(Str::MapLeadsList, lang, {leads});
  if (!v.missing.empty()) v.sentence += " " + v.missing;
  v.sentence += " " + say(Str::MapCredit, lang, {map.credit, map.license});
  v.columns = {col_name,
               str(Str::ColLeader, lang),
               str(Str::Share, lang),
               str(Str::ColMargin, lang),
               str(Str::ColReporting, lang),
               prev};
  std::vector<const TableRow*> rows;
  for (const TableRow& r : m.map_rows) rows.push_back(&r);
  sandik::stable_sort(rows, [&](const TableRow* a, const TableRow* b) {
    return area_of(m, a->area).collation < area_of(m, b->area).collation;
  });
  for (const TableRow* r : rows) {
    const bool shown = r->has_results && r->leader >= 0;
    std::string before = r->previous_winner >= 0 ? party_short(feed, r->previous_winner) : "";
    if (r->flipped) before += " → " + party_short(feed, r->leader_party) + " (" + str(Str::Flipped, lang) + ")";
    v.rows.push_back({*r->name,
                      shown     ? leader_name(*r)
                      : r->tied ? str(Str::Tied, lang)
                                : "–",
                      shown ? format_percent(r->leader_share_pct, lang) : "–",
                      shown ? points(r->margin_pct_points, lang, 1) : "–", opt_pct(r->reporting_pct, lang), before});
  }
  return v;
}

AccessibleSection mirror(const MapView& v) { return {v.caption, v.sentence, v.columns, v.rows, 0}; }

}  // namespace sandik::ui
