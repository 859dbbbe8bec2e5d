// sandik ui — the district table's model (columns by width, finished cells) and the areas that
// changed hands.
#include "present.h"

#include <algorithm>

#include "core/turkish.h"
#include "present_internal.h"
#include "sandik_constants.h"

namespace sandik::ui {

using namespace detail;


std::vector<std::size_t> TableView::shown(float css_width) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (css_width >= static_cast<float>(columns[i].from_css)) out.push_back(i);
  return out;
}

TableView present_table(const Model& m, Lang lang, std::size_t most) {
  TableView v;
  if (!m.ready()) return v;
  const Feed& feed = *m.feed;
  const bool previous =
      std::any_of(m.rows.begin(), m.rows.end(), [](const TableRow& r) { return r.previous_winner >= 0; });
  const bool swing =
      std::any_of(m.rows.begin(), m.rows.end(), [](const TableRow& r) { return r.swing_pct_points.has_value(); });
  const std::string prev_label = m.race->previous ? m.race->previous->label : str(Str::ColPrevious, lang);
  // Phones: name, leader, margin (and boxes opened while some are still being counted); from
  // 480 px: + shares and the previous winner; 760 px: everything.
  const int shares = design::breakpoints::table_shares, everything = design::breakpoints::table_all;
  const bool counting = std::any_of(m.rows.begin(), m.rows.end(),
                                    [](const TableRow& r) { return r.reporting_pct && *r.reporting_pct < 99.995; });
  auto add = [&](const char* key, std::string label, std::optional<SortKey> sort, bool desc, bool right, float weight,
                 int from) {
    Column c;
    c.key = key;
    c.spoken = label;
    c.label = std::move(label);
    c.sort = sort;
    c.prefer_desc = desc;
    c.right = right;
    c.weight = weight;
    c.from_css = from;
    if (sort && *sort == m.query.sort) c.label += m.query.desc ? " \u25BC" : " \u25B2";
    v.columns.push_back(std::move(c));
  };
  add("name", str(area_column(m), lang), SortKey::Name, false, false, 1.6f, 0);
  add("leader", str(Str::ColLeader, lang), SortKey::Leader, false, false, 2.0f, 0);
  add("share", str(Str::ColLeaderShare, lang), std::nullopt, false, true, 0.9f, shares);
  add("runner-up", str(Str::ColRunnerUp, lang), std::nullopt, false, true, 0.9f, shares);
  add("margin", str(Str::ColMargin, lang), SortKey::Margin, true, true, 0.9f, 0);
  add("reporting", str(Str::ColReporting, lang), SortKey::Reporting, false, true, 0.9f,
      counting ? design::breakpoints::table_reporting : everything);
  add("turnout", str(Str::ColTurnout, lang), SortKey::Turnout, true, true, 0.9f, everything);
  add("previous", prev_label, std::nullopt, false, false, 1.3f, previous ? shares : 1 << 30);  // (mirror only)
  if (swing) {
    add("swing", str(Str::ColSwing, lang), SortKey::Swing, true, true, 0.9f, everything);
    v.columns.back().in_mirror = false;
  }
  const bool candidates = m.race->kind == RaceKind::Candidate;
  const std::size_t presented = std::min(m.rows.size(), most);
  v.more = m.rows.size() - presented;
  if (v.more) v.more_note = more_rows_sentence(presented, v.more, true, lang);
  for (std::size_t k = 0; k < presented; ++k) {
    const TableRow& r = m.rows[k];
    TableRowView row;
    row.area = r.area;
    row.id = area_of(m, r.area).id;
    for (const Column& c : v.columns) {
      Cell cell;
      if (c.key == "name") {
        cell.text = *r.name;
        cell.strong = true;
      } else if (c.key == "leader") {
        cell.text = !r.has_results ? "–"
                    : r.tied       ? str(Str::Tied, lang)
                    : r.leader < 0 ? "–"
                    : candidates   ? feed.contestant_name(*m.race, r.leader)
                                   : party_short(feed, r.leader_party);
        if (candidates && r.has_results && !r.tied && r.leader >= 0) cell.narrow = surname(cell.text);
        if (r.leader_party >= 0 && !r.tied && r.has_results) cell.swatch = party_color(feed, r.leader_party);
      } else if (c.key == "share") {
        if (r.has_results)
          cell.text = format_percent(r.leader_share_pct, lang);
        else
          cell.spoken = "–";
      } else if (c.key == "runner-up") {
        cell.ink = Ink::Secondary;
        if (r.has_results && r.runner_up >= 0)
          cell.text = format_percent(r.runner_up_share_pct, lang);
        else
          cell.spoken = "–";
      } else if (c.key == "margin") {
        cell.strong = true;
        if (r.has_results) {
          cell.text = format_decimal(r.margin_pct_points, lang, 1);
          cell.spoken = points(r.margin_pct_points, lang, 1);
        } else {
          cell.spoken = "–";
        }
      } else if (c.key == "reporting") {
        cell.ink = Ink::Secondary;
        cell.text = opt_pct(r.reporting_pct, lang);
      } else if (c.key == "turnout") {
        cell.ink = Ink::Secondary;
        cell.text = opt_pct(r.turnout_pct, lang);
      } else if (c.key == "previous") {
        cell.ink = Ink::Secondary;
        if (r.previous_winner >= 0) {
          cell.text = party_short(feed, r.previous_winner);
          if (r.flipped) {
            cell.text += " → " + party_short(feed, r.leader_party);
            cell.chip = Chip{cell.text, party_color(feed, r.leader_party)};
            cell.spoken = cell.text + " (" + str(Str::Flipped, lang) + ")";
          }
        }
      } else if (c.key == "swing") {
        cell.ink = Ink::Secondary;
        if (r.swing_pct_points) cell.text = signed_decimal(*r.swing_pct_points, lang, 1);
      }
      row.cells.push_back(std::move(cell));
    }
    v.rows.push_back(std::move(row));
  }
  const std::string col_name = str(area_column(m), lang);
  v.caption = col_name + " — " + (m.overview ? str(Str::Mayors, lang) : race_title(m, lang)) + ", " +
              area_of(m, m.area).name;
  std::string sort_label;
  for (const Column& c : v.columns)
    if (c.sort && *c.sort == m.query.sort) sort_label = turkish::lower(c.spoken);
  v.sentence = (m.rows.size() == 1 ? std::string(str(Str::RowsOne, lang))
                                   : say(Str::Rows, lang, {format_count(static_cast<Count>(m.rows.size()), lang)})) +
               ", " + say(Str::SortedBy, lang, {sort_label}) + (m.query.desc ? str(Str::Descending, lang) : "") + ".";
  const bool any = std::any_of(m.rows.begin(), m.rows.end(), [](const TableRow& r) { return r.has_results; });
  if (any) {
    v.key = str(Str::MarginKey, lang);
    v.sentence += " " + v.key;
  }
  if (m.rows.empty() && !m.query.search.empty()) {  // a search that finds nothing says so
    v.note = say(Str::NoMatch, lang, {m.query.search});
    v.sentence = v.note + " " + v.sentence;
  }
  // A source that gives only the race's total: say so once instead of rows of dashes.
  if (!m.rows.empty() && !any && !has_figures_below_root(m, m.source)) {
    v.note =
        say(Str::NoRowFigures, lang, {feed.sources[static_cast<std::size_t>(m.source)].name, turkish::lower(col_name)});
    v.sentence = v.note + " " + v.sentence;
  }
  return v;
}

AccessibleSection mirror(const TableView& v, std::size_t most) {
  AccessibleSection sec{v.caption, v.sentence, {}, {}};
  for (const Column& c : v.columns)
    if (c.in_mirror) sec.columns.push_back(c.spoken);
  const std::size_t past = v.rows.size() > most ? v.rows.size() - most : 0;
  sec.more = past + v.more;
  for (std::size_t k = 0; k < v.rows.size() - past; ++k) {
    const TableRowView& r = v.rows[k];
    std::vector<std::string> cells;
    for (std::size_t i = 0; i < v.columns.size(); ++i)
      if (v.columns[i].in_mirror) cells.push_back(r.cells[i].said());
    sec.rows.push_back(std::move(cells));
  }
  return sec;
}

FlipsView present_flips(const Model& m, Lang lang) {
  FlipsView v;
  if (!m.ready()) return v;
  const Feed& f = *m.feed;
  v.title = std::string(str(Str::FlipsTitle, lang)) + " (" + std::to_string(m.flips.size()) + ")";
  v.caption = v.title;
  if (!m.race->previous) {
    v.empty = v.sentence = str(Str::NoPrevious, lang);
    return v;
  }
  v.subtitle = race_title(m, lang) + " · " + m.race->previous->label + " → " + f.election.title.get(lang_code(lang));
  if (m.flips.empty()) v.empty = str(Str::NoFlips, lang);
  v.sentence = m.flips.empty() ? str(Str::NoFlips, lang)
               : m.flips.size() == 1
                   ? say(Str::FlipsCountOne, lang, {race_title(m, lang)})
                   : say(Str::FlipsCount, lang, {race_title(m, lang), std::to_string(m.flips.size())});
  v.columns = {str(Str::ColArea, lang), m.race->previous->label, str(Str::ColLeader, lang), str(Str::ColMargin, lang)};
  for (const TableRow& r : m.flips) {
    FlipsView::Row row;
    row.area = r.area;
    row.name = *r.name;
    row.from = {party_short(f, r.previous_winner), party_color(f, r.previous_winner)};
    row.to = {party_short(f, r.leader_party), party_color(f, r.leader_party)};
    row.margin = "+" + points(r.margin_pct_points, lang, 1);
    row.spoken_margin = points(r.margin_pct_points, lang);
    v.rows.push_back(std::move(row));
  }
  return v;
}

AccessibleSection mirror(const FlipsView& v) {
  AccessibleSection sec{v.caption, v.sentence, v.columns, {}};
  for (const FlipsView::Row& r : v.rows) sec.rows.push_back({r.name, r.from.text, r.to.text, r.spoken_margin});
  return sec;
}

}  // namespace sandik::ui
