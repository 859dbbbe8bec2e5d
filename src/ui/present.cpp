#include "present.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/order.h"
#include "core/time.h"
#include "core/turkish.h"
#include "sandik_constants.h"
#include "strings.h"

namespace sandik::ui {

std::string surname(const std::string& name) {
  const std::size_t sp = name.rfind(' ');
  return sp == std::string::npos ? name : name.substr(sp + 1);
}

std::string party_short(const Feed& feed, int party) {
  return party >= 0 ? feed.parties[static_cast<std::size_t>(party)].short_name : std::string();
}

std::uint32_t party_color(const Feed& feed, int party) {
  return party >= 0 ? feed.parties[static_cast<std::size_t>(party)].color : 0x9AA0A6;
}

std::string moment_clock(const Feed& feed, std::int64_t at, Lang lang) {
  Time t;
  t.epoch = at;
  t.offset_min = feed.updated.offset_min;
  const int offset = display_offset(feed, t);
  const Civil c = to_civil(at, offset);
  const std::string day = std::to_string(c.year) + "-" + two_digits(c.month) + "-" + two_digits(c.day);
  if (feed.election.date.empty() || feed.election.date == day) return format_clock(at, offset, lang);
  const std::string months = str(Str::Months, lang);
  std::size_t from = 0;
  for (int k = 1; k < c.month; ++k) from = months.find(' ', from) + 1;
  const std::string month = months.substr(from, months.find(' ', from) - from);
  return say(Str::DayMonthClock, lang, {std::to_string(c.day), month, format_clock(at, offset, lang)});
}

namespace {

const Area& area_of(const Model& m, int a) { return m.feed->areas[static_cast<std::size_t>(a)]; }
const std::string& race_title(const Model& m, Lang lang) { return m.race->title.get(lang_code(lang)); }

std::string as_of(const Model& m, Lang lang) {
  const SourceResults* sr = m.race->results_for(m.source);
  const Time& t = sr ? sr->updated : m.feed->updated;
  return say(Str::AsOf, lang, {format_clock(t.epoch, display_offset(*m.feed, t), lang)});
}

std::string points(double v, Lang lang, int decimals = 2) {
  return say(Str::PointsN, lang, {format_decimal(v, lang, decimals)});
}

std::string signed_decimal(double v, Lang lang, int decimals) {
  return (v > 0 ? "+" : "") + format_decimal(v, lang, decimals);
}

// The rows the summary shows: the leading contestants, the rest grouped (never "others (1)").
struct Row {
  int contestant = -1, party = -1, grouped = 0;
  Count votes = 0;
  double share_pct = 0;
  bool leader = false, winner = false;
};
std::vector<Row> summary_rows(const Model& m, bool all, int max_shown = 4) {
  std::vector<Row> rows;
  const Summary& s = m.current;
  int n = static_cast<int>(s.standings.size());
  if (all || s.shares_only) {  // everyone who got a vote (a source's shares name only some)
    while (n > 0 && s.standings[static_cast<std::size_t>(n - 1)].votes == 0 &&
           s.standings[static_cast<std::size_t>(n - 1)].share_pct == 0)
      --n;
  }
  const int shown = all ? n : std::min(n, max_shown + (n == max_shown + 1 ? 1 : 0));
  for (int i = 0; i < shown; ++i) {
    const Standing& st = s.standings[static_cast<std::size_t>(i)];
    rows.push_back({st.contestant, m.race->contestant_party(st.contestant), 0, st.votes, st.share_pct,
                    st.contestant == s.leader, st.contestant == s.winner});
  }
  if (static_cast<int>(s.standings.size()) > shown && !all && !s.shares_only) {
    Row others;
    others.grouped = static_cast<int>(s.standings.size()) - shown;
    for (std::size_t i = static_cast<std::size_t>(shown); i < s.standings.size(); ++i) {
      others.votes += s.standings[i].votes;
      others.share_pct += s.standings[i].share_pct;
    }
    rows.push_back(others);
  }
  return rows;
}

std::string margin_sentence(const Model& m, Lang lang) {
  const Summary& s = m.current;
  if (s.outcome == Outcome::NoResults) return str(Str::NoResults, lang);
  if (s.tied) return str(Str::Tied, lang);
  if (s.leader < 0) return "";
  const std::string who = surname(m.feed->contestant_name(*m.race, s.leader));
  if (s.shares_only) return say(Str::LeadsShares, lang, {who});
  return say(Str::AheadBy, lang, {who, format_count(s.margin_votes, lang), format_decimal(s.margin_pct_points, lang)});
}

Str area_column(const Model& m) {
  const auto& children = area_of(m, m.area).children;
  const std::string& level = children.empty() ? std::string() : area_of(m, children[0]).level;
  if (level == "district") return Str::ColDistrict;
  if (level == "neighbourhood" || level == "mahalle") return Str::ColNeighbourhood;
  if (level == "ballot box" || level == "box" || level == "sandik") return Str::ColBox;
  return Str::ColArea;
}

std::string opt_pct(const std::optional<double>& v, Lang lang) { return v ? format_percent(*v, lang, 1) : "–"; }

double share_of(const Summary& s, int contestant) {
  for (const Standing& st : s.standings)
    if (st.contestant == contestant) return st.share_pct;
  return 0;
}

}  // namespace

Chrome present_chrome(const Model& m, const UiState& ui, View view, Lang lang) {
  Chrome c;
  if (!m.ready()) return c;
  if (view == View::Full) {
    std::vector<std::pair<View, Str>> tabs = {{View::Summary, Str::TabSummary}, {View::Table, Str::TabTable}};
    if (m.race->seats) tabs.emplace_back(View::Seats, Str::TabSeats);
    tabs.insert(tabs.end(),
                {{View::Sources, Str::TabSources}, {View::Flips, Str::TabFlips}, {View::Timeline, Str::TabTimeline}});
    for (std::size_t i = 0; i < tabs.size(); ++i) {
      c.tabs.push_back({tabs[i].first, str(tabs[i].second, lang)});
      if (tabs[i].first == ui.tab) c.tab = static_cast<int>(i);
    }
  }
  if (m.trail.size() >= 2) {
    for (std::size_t i = 0; i < m.trail.size(); ++i) {
      const Area& a = area_of(m, m.trail[i]);
      c.crumbs.push_back({m.trail[i], a.id, i == 0 ? "‹ " + a.name : a.name});
    }
  }
  return c;
}

SummaryView present_summary(const Model& m, const UiState& ui, Lang lang) {
  SummaryView v;
  if (!m.ready()) return v;
  const Feed& feed = *m.feed;
  const Summary& s = m.current;
  v.status_kind = feed.status == FeedStatus::Final  ? StatusKind::Final
                  : feed.status == FeedStatus::Test ? StatusKind::Test
                                                    : StatusKind::Live;
  v.status = str(v.status_kind == StatusKind::Final  ? Str::Final
                 : v.status_kind == StatusKind::Test ? Str::Test
                                                     : Str::Live,
                 lang);
  const Source& src = feed.sources[static_cast<std::size_t>(m.source)];
  v.source_line = src.name + " · " + as_of(m, lang);
  v.source_line_short = src.id + " · " + as_of(m, lang);
  if (v.status_kind == StatusKind::Test) v.test_banner = str(Str::TestBanner, lang);
  v.title = race_title(m, lang);
  v.subtitle = area_of(m, s.area).name + " · " + feed.election.title.get(lang_code(lang));
  v.reporting_pct = s.reporting_pct;
  if (s.reporting_pct) v.reporting = boxes_opened_sentence(*s.reporting_pct, lang);
  if (s.turnout_pct) v.turnout = format_percent(*s.turnout_pct, lang);
  v.shares_only = s.shares_only;
  const bool candidates = m.race->kind == RaceKind::Candidate;
  for (const Row& r : summary_rows(m, ui.others_open)) {
    Bar b;
    b.contestant = r.contestant;
    b.color = party_color(feed, r.party);
    b.share_pct = r.share_pct;
    b.share = format_percent(r.share_pct, lang);
    if (!s.shares_only) b.votes = format_count(r.votes, lang) + " " + str(Str::Votes, lang);
    if (r.contestant >= 0) {
      b.name = feed.contestant_name(*m.race, r.contestant);
      if (candidates) b.party = party_short(feed, r.party);
      b.spoken_name = b.name;
    } else {
      b.spoken_name = say(Str::OthersN, lang, {std::to_string(r.grouped)});
      b.name = b.spoken_name + " — " + str(Str::ShowAll, lang);
    }
    b.winner = r.winner;
    b.leader = r.leader;
    b.tag = r.winner ? str(Str::Won, lang) : r.leader ? str(Str::Leading, lang) : "";
    v.bars.push_back(std::move(b));
  }
  if (ui.others_open) v.fewer = std::string("‹ ") + str(Str::ShowFewer, lang);
  v.margin = margin_sentence(m, lang);

  v.caption = v.title + " — " + area_of(m, s.area).name;
  std::string sentence = v.title + ", " + area_of(m, s.area).name + ". ";
  if (s.leader >= 0)
    sentence += feed.contestant_name(*m.race, s.leader) + " " +
                str(s.outcome == Outcome::Won ? Str::WonWord : Str::LeadsWord, lang) + ", " +
                format_percent(s.standings.front().share_pct, lang) + ". ";
  sentence += v.margin + ". ";
  if (!v.reporting.empty()) sentence += v.reporting + ". ";
  sentence += src.name + ", " + as_of(m, lang) + ".";
  v.sentence = sentence;
  v.columns = candidates
                  ? std::vector<std::string>{str(Str::Candidate, lang), str(Str::Party, lang), str(Str::Count_, lang),
                                             str(Str::Share, lang)}
                  : std::vector<std::string>{str(Str::Party, lang), "", str(Str::Count_, lang), str(Str::Share, lang)};
  return v;
}

AccessibleSection mirror(const SummaryView& v) {
  AccessibleSection sec{v.caption, v.sentence, v.columns, {}};
  for (const Bar& b : v.bars) {
    std::string votes = b.votes;
    if (const std::size_t sp = votes.rfind(' '); sp != std::string::npos) votes.resize(sp);  // the column says "Oy"
    sec.rows.push_back({b.spoken_name, b.party, votes, b.share});
  }
  return sec;
}

std::vector<std::size_t> TableView::shown(float css_width) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (css_width >= static_cast<float>(columns[i].from_css)) out.push_back(i);
  return out;
}

TableView present_table(const Model& m, Lang lang) {
  TableView v;
  if (!m.ready()) return v;
  const Feed& feed = *m.feed;
  const bool previous =
      std::any_of(m.rows.begin(), m.rows.end(), [](const TableRow& r) { return r.previous_winner >= 0; });
  const bool swing =
      std::any_of(m.rows.begin(), m.rows.end(), [](const TableRow& r) { return r.swing_pct_points.has_value(); });
  const std::string prev_label = m.race->previous ? m.race->previous->label : str(Str::ColPrevious, lang);
  // Phones: name, leader, margin; from 480 px: + shares and the previous winner; 760 px: everything.
  const int shares = design::breakpoints::table_shares, everything = design::breakpoints::table_all;
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
  add("reporting", str(Str::ColReporting, lang), SortKey::Reporting, false, true, 0.9f, everything);
  add("turnout", str(Str::ColTurnout, lang), SortKey::Turnout, true, true, 0.9f, everything);
  add("previous", prev_label, std::nullopt, false, false, 1.3f, previous ? shares : 1 << 30);  // (mirror only)
  if (swing) {
    add("swing", str(Str::ColSwing, lang), SortKey::Swing, true, true, 0.9f, everything);
    v.columns.back().in_mirror = false;
  }
  const bool candidates = m.race->kind == RaceKind::Candidate;
  for (const TableRow& r : m.rows) {
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
  v.caption = col_name + " — " + race_title(m, lang) + ", " + area_of(m, m.area).name;
  std::string sort_label;
  for (const Column& c : v.columns)
    if (c.sort && *c.sort == m.query.sort) sort_label = turkish::lower(c.spoken);
  v.sentence = (m.rows.size() == 1 ? std::string(str(Str::RowsOne, lang))
                                   : say(Str::Rows, lang, {std::to_string(m.rows.size())})) +
               ", " + say(Str::SortedBy, lang, {sort_label}) + (m.query.desc ? str(Str::Descending, lang) : "") + ".";
  return v;
}

AccessibleSection mirror(const TableView& v) {
  AccessibleSection sec{v.caption, v.sentence, {}, {}};
  for (const Column& c : v.columns)
    if (c.in_mirror) sec.columns.push_back(c.spoken);
  for (const TableRowView& r : v.rows) {
    std::vector<std::string> cells;
    for (std::size_t i = 0; i < v.columns.size(); ++i)
      if (v.columns[i].in_mirror) cells.push_back(r.cells[i].said());
    sec.rows.push_back(std::move(cells));
  }
  return sec;
}

SourcesView present_sources(const Model& m, Lang lang) {
  SourcesView v;
  if (!m.ready()) return v;
  const Feed& f = *m.feed;
  v.title = str(Str::SourcesTitle, lang);
  for (std::size_t i = 0; i < m.by_source.size(); ++i) {
    v.choices.push_back(f.sources[static_cast<std::size_t>(m.by_source[i].source)].name);
    v.choice_sources.push_back(m.by_source[i].source);
    if (m.by_source[i].source == m.source) v.chosen = static_cast<int>(i);
  }
  const std::size_t nsrc = m.by_source.size();
  v.columns.push_back(str(Str::Candidate, lang));
  for (const Summary& s : m.by_source) v.columns.push_back(f.sources[static_cast<std::size_t>(s.source)].id);
  if (nsrc == 2) v.columns.push_back(str(Str::Difference, lang));
  // The contestants to compare: the leading ones of the source shown.
  for (std::size_t i = 0; i < m.current.standings.size() && v.rows.size() < 5; ++i) {
    const Standing& st = m.current.standings[i];
    if (st.votes == 0 && st.share_pct == 0) continue;
    SourcesView::Row row;
    row.name = f.contestant_name(*m.race, st.contestant);
    row.color = party_color(f, m.race->contestant_party(st.contestant));
    for (std::size_t k = 0; k < nsrc; ++k) {
      row.cells.push_back(format_percent(share_of(m.by_source[k], st.contestant), lang));
      if (m.by_source[k].source == m.source) row.shown = static_cast<int>(k);
    }
    if (nsrc == 2) {
      const double d = share_of(m.by_source[0], st.contestant) - share_of(m.by_source[1], st.contestant);
      row.cells.push_back(signed_decimal(d, lang, 2));
      row.spoken_difference = points(d, lang);
    }
    v.rows.push_back(std::move(row));
  }
  std::string sentence;
  for (const Summary& s : m.by_source) {
    const SourceResults* sr = m.race->results_for(s.source);
    const std::string when = sr ? format_clock(sr->updated.epoch, display_offset(f, sr->updated), lang) : "";
    const std::string& name = f.sources[static_cast<std::size_t>(s.source)].name;
    const std::string boxes = s.reporting_pct ? boxes_opened_sentence(*s.reporting_pct, lang) : "";
    v.lines.push_back(name + ": " + (boxes.empty() ? "" : boxes + " · ") + when);
    if (!sentence.empty()) sentence += " ";
    sentence += name + ": " + (boxes.empty() ? "" : boxes + ", ") + when + ".";
  }
  v.caption = v.title + " — " + area_of(m, m.area).name;
  v.sentence = sentence;
  return v;
}

AccessibleSection mirror(const SourcesView& v) {
  AccessibleSection sec{v.caption, v.sentence, v.columns, {}};
  for (const SourcesView::Row& r : v.rows) {
    std::vector<std::string> cells{r.name};
    cells.insert(cells.end(), r.cells.begin(), r.cells.end());
    if (!r.spoken_difference.empty()) cells.back() = r.spoken_difference;
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

namespace {
std::optional<double> share_in(const Moment& mo, int contestant) {
  for (const auto& [c, v] : mo.shares)
    if (c == contestant) return v;
  return std::nullopt;
}
}  // namespace

TimelineView present_timeline(const Model& m, const UiState& ui, Lang lang) {
  TimelineView v;
  if (!m.ready()) return v;
  const Feed& f = *m.feed;
  v.title = v.caption = str(Str::TimelineTitle, lang);
  std::vector<int> who;  // the two leading contestants of the source shown
  for (std::size_t i = 0; i < m.current.standings.size() && who.size() < 2; ++i)
    who.push_back(m.current.standings[i].contestant);
  v.columns = {str(Str::ColTime, lang), str(Str::Source, lang), str(Str::ColReporting, lang)};
  for (int c : who) v.columns.push_back(f.contestant_name(*m.race, c));
  for (const Moment& mo : m.moments) {
    std::vector<std::string> row{moment_clock(f, mo.at, lang), f.sources[static_cast<std::size_t>(mo.source)].id,
                                 mo.reporting_pct ? format_percent(*mo.reporting_pct, lang) : "–"};
    for (int c : who) {
      const auto s = share_in(mo, c);
      row.push_back(s ? format_percent(*s, lang) : "–");
    }
    v.rows.push_back(std::move(row));
  }
  if (m.moments.size() < 2 || who.empty()) {
    v.empty = v.sentence = str(Str::TimelineEmpty, lang);
    return v;
  }
  v.sentence = say(Str::Moments, lang,
                   {std::to_string(m.moments.size()), moment_clock(f, m.moments.front().at, lang),
                    moment_clock(f, m.moments.back().at, lang)});
  double lo = 100, hi = 0;
  for (const Moment& mo : m.moments)
    for (int ct : who)
      if (auto s = share_in(mo, ct)) {
        lo = std::min(lo, *s);
        hi = std::max(hi, *s);
      }
  v.lo = std::max(0.0, std::floor((lo - 2) / 5) * 5);
  v.hi = std::min(100.0, std::ceil((hi + 2) / 5) * 5);
  for (double g = v.lo; g <= v.hi + 0.01; g += 5) v.grid.emplace_back(g, format_percent(g, lang, 0));
  v.t0 = m.moments.front().at;
  v.t1 = std::max(m.moments.back().at, v.t0 + 1);
  v.start = moment_clock(f, v.t0, lang);
  v.end = moment_clock(f, v.t1, lang);
  std::vector<int> sources;
  for (const Moment& mo : m.moments) {
    v.moments.push_back(mo.at);
    if (std::find(sources.begin(), sources.end(), mo.source) == sources.end()) sources.push_back(mo.source);
  }
  for (std::size_t si = 0; si < sources.size(); ++si) {
    for (int ct : who) {
      TimelineView::Series s;
      s.source_rank = static_cast<int>(si);
      s.shown = sources[si] == m.source;
      s.color = party_color(f, m.race->contestant_party(ct));
      for (const Moment& mo : m.moments)
        if (mo.source == sources[si])
          if (const auto share = share_in(mo, ct)) s.points.push_back({mo.at, *share});
      v.series.push_back(std::move(s));
    }
    v.legend.push_back({f.sources[static_cast<std::size_t>(sources[si])].id, static_cast<int>(si), 0});
  }
  for (int ct : who)
    v.legend.push_back({surname(f.contestant_name(*m.race, ct)), -1, party_color(f, m.race->contestant_party(ct))});
  if (ui.hover_moment >= 0 && ui.hover_moment < static_cast<int>(m.moments.size())) {
    const Moment& mo = m.moments[static_cast<std::size_t>(ui.hover_moment)];
    v.card.push_back(moment_clock(f, mo.at, lang) + " · " + f.sources[static_cast<std::size_t>(mo.source)].name);
    if (mo.reporting_pct) v.card.push_back(boxes_opened_sentence(*mo.reporting_pct, lang));
    for (int ct : who)
      if (auto s = share_in(mo, ct))
        v.card.push_back(surname(f.contestant_name(*m.race, ct)) + " " + format_percent(*s, lang));
  }
  return v;
}

AccessibleSection mirror(const TimelineView& v) { return {v.caption, v.sentence, v.columns, v.rows}; }

SeatsView present_seats(const Model& m, Lang lang) {
  SeatsView v;
  if (!m.ready() || !m.race->seats) return v;
  v.has_seats = true;
  v.total = m.race->seats->total;
  v.majority = v.total / 2 + 1;
  const std::string seats = str(Str::SeatsWord, lang);
  v.title = race_title(m, lang);
  v.subtitle =
      std::to_string(v.total) + " " + seats + " · " + say(Str::MajorityShort, lang, {std::to_string(v.majority)});
  v.majority_label = std::to_string(v.majority);
  v.caption = v.title + " — " + std::to_string(v.total) + " " + seats;
  v.sentence = say(Str::MajorityFor, lang, {std::to_string(v.majority)});
  v.columns = {str(Str::Party, lang), str(Str::SeatsHeading, lang),
               m.race->previous ? m.race->previous->label : str(Str::ColPrevious, lang)};
  if (m.area != m.race->area) return v;
  // The previous election's seats: its root votes through the same rule.
  std::vector<int> before;
  if (m.race->previous) {
    const auto it = m.race->previous->areas.find(m.race->area);
    if (it != m.race->previous->areas.end() && it->second.valid && !it->second.votes.empty()) {
      std::vector<Count> votes(m.feed->parties.size(), 0);
      for (const auto& [p, n] : it->second.votes) votes[static_cast<std::size_t>(p)] = n;
      before = allocate_seats(votes, *it->second.valid, v.total, m.race->seats->method, m.race->seats->threshold);
    }
  }
  auto change = [&](std::optional<int> c) -> std::string {
    if (!c) return "";
    return *c > 0 ? "+" + std::to_string(*c) : *c == 0 ? "±0" : std::to_string(*c);
  };
  std::vector<int> listed;
  for (const auto& [party, n] : m.current.seats) {
    listed.push_back(party);
    v.rows.push_back({party_short(*m.feed, party), std::to_string(n),
                      before.empty() ? "" : change(n - before[static_cast<std::size_t>(party)]),
                      party_color(*m.feed, party), n});
  }
  for (std::size_t p = 0; p < before.size(); ++p)  // parties that lost every seat
    if (before[p] > 0 && std::find(listed.begin(), listed.end(), static_cast<int>(p)) == listed.end())
      v.rows.push_back({party_short(*m.feed, static_cast<int>(p)), "0", change(-before[p]),
                        party_color(*m.feed, static_cast<int>(p)), 0});
  return v;
}

AccessibleSection mirror(const SeatsView& v) {
  AccessibleSection sec{v.caption, v.sentence, v.columns, {}};
  for (const SeatsView::Row& r : v.rows) sec.rows.push_back({r.party, r.seats, r.change});
  return sec;
}

Notices present_notices(Lang lang) {
  return {str(Str::Loading, lang), str(Str::NoRace, lang), str(Str::CanvasLabel, lang),
          str(Str::SearchPlaceholder, lang), str(Str::NoWebGL, lang)};
}

std::string stale_line(std::int64_t minutes, bool stale, Lang lang) {
  const std::string ago = minutes < 1     ? std::string(str(Str::JustNow, lang))
                          : minutes < 120 ? say(Str::MinutesAgo, lang, {std::to_string(minutes)})
                                          : say(Str::HoursAgo, lang, {std::to_string(minutes / 60)});
  return say(stale ? Str::LastUpdatedStale : Str::LastUpdated, lang, {ago});
}

std::string announcement(const std::string& leader_before, const std::string& leader_now, int tenth_before,
                         int tenth_now, Lang lang) {
  std::string msg;
  if (!leader_now.empty() && !leader_before.empty() && leader_now != leader_before)
    msg = say(Str::NewLeader, lang, {leader_now});
  if (tenth_now >= 0 && tenth_before >= 0 && tenth_now > tenth_before) {
    if (!msg.empty()) msg += " ";
    msg += boxes_opened_sentence(std::min(tenth_now, 10) * 10.0, lang, 0);
    msg += leader_now.empty() ? std::string(".") : say(Str::LeadingColon, lang, {leader_now});
  }
  return msg;
}

std::string failure_message(const std::string& kind, const std::string& detail, Lang lang) {
  if (kind == "feed") return say(Str::Unreadable, lang, {detail});
  if (kind == "webgl") return str(Str::NoWebGL, lang);
  const std::string why = kind == "timeout"     ? say(Str::NoAnswer, lang, {detail})
                          : kind == "too-large" ? say(Str::TooLarge, lang, {detail})
                                                : detail;
  return say(Str::UpdateFailed, lang, {why});
}

}  // namespace sandik::ui
