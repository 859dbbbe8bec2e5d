// sandik ui — the sources side by side (their shares and difference, each one's count and
// time) and the night's timeline (lines per source and contestant, axes, the hovered card).
#include "present.h"

#include <algorithm>
#include <cmath>

#include "present_internal.h"

namespace sandik::ui {

using namespace detail;

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
  const auto has = [&](std::size_t k) { return m.by_source[k].outcome != Outcome::NoResults; };
  // Two sources' shares subtract only when both counted this area to about the same stage
  // (5 points of boxes opened): 10 % counted against 75 % is two moments, not a difference.
  bool comparable = nsrc == 2 && has(0) && has(1);
  if (comparable && m.by_source[0].reporting_pct && m.by_source[1].reporting_pct)
    comparable = std::fabs(*m.by_source[0].reporting_pct - *m.by_source[1].reporting_pct) <= 5.0;
  v.columns.push_back(str(Str::Candidate, lang));
  for (const Summary& s : m.by_source) v.columns.push_back(f.sources[static_cast<std::size_t>(s.source)].id);
  if (comparable) v.columns.push_back(str(Str::Difference, lang));
  // The contestants to compare: the leading ones of the source shown.
  for (std::size_t i = 0; i < m.current.standings.size() && v.rows.size() < 5; ++i) {
    const Standing& st = m.current.standings[i];
    if (st.votes == 0 && st.share_pct == 0) continue;
    SourcesView::Row row;
    row.name = f.contestant_name(*m.race, st.contestant);
    if (m.race->kind == RaceKind::Candidate) row.narrow = surname(row.name);
    row.color = party_color(f, m.race->contestant_party(st.contestant));
    for (std::size_t k = 0; k < nsrc; ++k) {
      row.cells.push_back(has(k) ? format_percent(share_of(m.by_source[k], st.contestant), lang) : "–");
      if (m.by_source[k].source == m.source) row.shown = static_cast<int>(k);
    }
    if (comparable) {
      const double d = share_of(m.by_source[0], st.contestant) - share_of(m.by_source[1], st.contestant);
      row.cells.push_back(signed_decimal(d, lang, 2));
      row.spoken_difference = points(d, lang);
    }
    v.rows.push_back(std::move(row));
  }
  std::string sentence;
  for (const Summary& s : m.by_source) {
    const SourceResults* sr = m.race->results_for(s.source);
    const std::string when = sr ? moment_clock(f, sr->updated.epoch, lang) : "";  // (with its date on another day)
    const std::string& name = f.sources[static_cast<std::size_t>(s.source)].name;
    if (s.outcome == Outcome::NoResults) {  // says why its column is empty
      const bool only_total = m.area != m.race->area && !has_figures_below_root(m, s.source);
      const std::string why =
          (only_total ? no_figures_sentence(m, s.source, m.area, lang) : name + ": " + str(Str::NoResults, lang)) + ".";
      v.lines.push_back(why);
      sentence += (sentence.empty() ? "" : " ") + why;
      continue;
    }
    const std::string boxes = s.reporting_pct ? boxes_opened_sentence(*s.reporting_pct, lang) : "";
    v.lines.push_back(name + ": " + (boxes.empty() ? "" : boxes + " · ") + when);
    if (!sentence.empty()) sentence += " ";
    sentence += name + ": " + (boxes.empty() ? "" : boxes + ", ") + when + ".";
  }
  if (nsrc == 2 && has(0) && has(1) && !comparable) {
    v.lines.push_back(str(Str::NotComparable, lang));
    sentence += std::string(" ") + str(Str::NotComparable, lang);
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
  // At most kMostMoments moments, evenly spread with the first and the last: a night polled every
  // second is 100,000 of them, more than any chart has pixels or any reader rows to hear.
  std::vector<std::size_t> pick;
  const std::size_t n = m.moments.size(), most = TimelineView::kMostMoments;
  for (std::size_t k = 0; k < std::min(n, most); ++k) pick.push_back(n <= most ? k : k * (n - 1) / (most - 1));
  for (const std::size_t k : pick) {
    const Moment& mo = m.moments[k];
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
                   {format_count(static_cast<Count>(m.moments.size()), lang), moment_clock(f, m.moments.front().at, lang),
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
  for (const std::size_t k : pick) {
    const Moment& mo = m.moments[k];
    v.moments.push_back(mo.at);
    if (std::find(sources.begin(), sources.end(), mo.source) == sources.end()) sources.push_back(mo.source);
  }
  for (std::size_t si = 0; si < sources.size(); ++si) {
    for (int ct : who) {
      TimelineView::Series s;
      s.source_rank = static_cast<int>(si);
      s.shown = sources[si] == m.source;
      s.color = party_color(f, m.race->contestant_party(ct));
      for (const std::size_t k : pick)
        if (const Moment& mo = m.moments[k]; mo.source == sources[si])
          if (const auto share = share_in(mo, ct)) s.points.push_back({mo.at, *share});
      v.series.push_back(std::move(s));
    }
    v.legend.push_back({f.sources[static_cast<std::size_t>(sources[si])].id, static_cast<int>(si), 0});
  }
  for (int ct : who)
    v.legend.push_back({surname(f.contestant_name(*m.race, ct)), -1, party_color(f, m.race->contestant_party(ct))});
  if (ui.hover_moment >= 0 && ui.hover_moment < static_cast<int>(pick.size())) {
    const Moment& mo = m.moments[pick[static_cast<std::size_t>(ui.hover_moment)]];
    v.card.push_back(moment_clock(f, mo.at, lang) + " · " + f.sources[static_cast<std::size_t>(mo.source)].name);
    if (mo.reporting_pct) v.card.push_back(boxes_opened_sentence(*mo.reporting_pct, lang));
    for (int ct : who)
      if (auto s = share_in(mo, ct))
        v.card.push_back(surname(f.contestant_name(*m.race, ct)) + " " + format_percent(*s, lang));
  }
  return v;
}

AccessibleSection mirror(const TimelineView& v) { return {v.caption, v.sentence, v.columns, v.rows}; }

}  // namespace sandik::ui
