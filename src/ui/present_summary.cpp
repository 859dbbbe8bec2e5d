// sandik ui — the summary's model (status, title, boxes opened, bars, the margin sentence) and
// the seats against before.
#include "present.h"

#include <algorithm>

#include "present_internal.h"

namespace sandik::ui {

using namespace detail;

namespace {

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
    // Where a call names someone else, the count's leader is not also "leading" (the margin line
    // says both: margin_sentence).
    rows.push_back({st.contestant, m.race->contestant_party(st.contestant), 0, st.votes, st.share_pct,
                    st.contestant == s.leader && !s.called_other(), st.contestant == s.winner});
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
  if (s.outcome == Outcome::NoResults) return no_figures_sentence(m, m.source, s.area, lang);
  if (s.tied) return str(Str::Tied, lang);
  if (s.leader < 0) return "";
  const std::string who = surname(m.feed->contestant_name(*m.race, s.leader));
  if (s.called_other())
    return say(Str::CalledTrailing, lang,
               {m.feed->sources[static_cast<std::size_t>(m.source)].name,
                surname(m.feed->contestant_name(*m.race, s.winner)), who});
  if (s.shares_only) return say(Str::LeadsShares, lang, {who});
  return say(s.margin_votes == 1 ? Str::AheadByOne : Str::AheadBy, lang,
             {who, format_count(s.margin_votes, lang), format_decimal(s.margin_pct_points, lang)});
}

}  // namespace

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
  if (src.unofficial()) v.unofficial = str(Str::Unofficial, lang);
  v.title = race_title(m, lang);
  v.subtitle = area_of(m, s.area).name + " · " + feed.election.title.get(lang_code(lang));
  v.reporting_pct = s.reporting_pct;
  if (s.reporting_pct) v.reporting = boxes_opened_sentence(*s.reporting_pct, lang);
  if (s.turnout_pct) v.turnout = format_percent(*s.turnout_pct, lang);
  v.shares_only = s.shares_only;
  const bool candidates = m.race->kind == RaceKind::Candidate;
  // No figures: no bars of invented zeros, the margin line says why.
  for (const Row& r : s.outcome == Outcome::NoResults ? std::vector<Row>{} : summary_rows(m, ui.others_open)) {
    Bar b;
    b.contestant = r.contestant;
    b.color = party_color(feed, r.party);
    b.share_pct = r.share_pct;
    b.share = format_percent(r.share_pct, lang);
    if (!s.shares_only) {
      b.count = format_count(r.votes, lang);
      b.votes = b.count + " " + str(r.votes == 1 ? Str::VoteOne : Str::Votes, lang);
    }
    if (r.contestant >= 0) {
      b.name = feed.contestant_name(*m.race, r.contestant);
      const std::string& photo =
          candidates ? m.race->candidates[static_cast<std::size_t>(r.contestant)].photo : std::string();
      b.photo = !photo.empty();
      b.image = b.photo ? photo : r.party >= 0 ? feed.parties[static_cast<std::size_t>(r.party)].logo : "";
      v.images = v.images || !b.image.empty();
      if (candidates) b.party = party_short(feed, r.party);
      b.spoken_name = b.name;
    } else {
      b.spoken_name = say(Str::OthersN, lang, {std::to_string(r.grouped)});
      b.name = b.spoken_name + " — " + str(Str::ShowAll, lang);
    }
    b.winner = r.winner;
    b.leader = r.leader;
    b.tag = r.winner                                    ? str(Str::Won, lang)
            : r.leader && s.outcome == Outcome::Carried ? str(Str::Carried, lang)
            : r.leader                                  ? str(Str::Leading, lang)
                                                        : "";
    v.bars.push_back(std::move(b));
  }
  if (ui.others_open) v.fewer = std::string("‹ ") + str(Str::ShowFewer, lang);
  v.margin = margin_sentence(m, lang);

  v.caption = v.title + " — " + area_of(m, s.area).name;
  std::string sentence = v.title + ", " + area_of(m, s.area).name + ". ";
  // Who won (a call, or the final count), else who leads, with that contestant's own share.
  const int first = s.winner >= 0 ? s.winner : s.leader;
  if (first >= 0) {
    double share = 0;
    for (const Standing& st : s.standings)
      if (st.contestant == first) share = st.share_pct;
    sentence += feed.contestant_name(*m.race, first) + " " +
                str(s.outcome == Outcome::Won       ? Str::WonWord
                    : s.outcome == Outcome::Carried ? Str::CarriedWord
                                                    : Str::LeadsWord,
                    lang) +
                ", " + format_percent(share, lang) + ". ";
  }
  // (Where only shares are known the margin line only says who leads: said once.)
  if (!v.margin.empty() && !(s.shares_only && s.leader >= 0)) sentence += v.margin + ". ";
  if (!v.reporting.empty()) sentence += v.reporting + ". ";
  sentence += src.name + ", " + as_of(m, lang) + ".";
  if (!v.unofficial.empty()) sentence += " " + v.unofficial + ".";
  v.sentence = sentence;
  v.columns = candidates
                  ? std::vector<std::string>{str(Str::Candidate, lang), str(Str::Party, lang), str(Str::Count_, lang),
                                             str(Str::Share, lang)}
                  : std::vector<std::string>{str(Str::Party, lang), "", str(Str::Count_, lang), str(Str::Share, lang)};
  return v;
}

AccessibleSection mirror(const SummaryView& v) {
  AccessibleSection sec{v.caption, v.sentence, v.columns, {}};
  for (const Bar& b : v.bars) sec.rows.push_back({b.spoken_name, b.party, b.count, b.share});
  return sec;
}

SeatsView present_seats(const Model& m, Lang lang) {
  SeatsView v;
  if (!m.ready()) return v;
  if (!m.race->seats) {  // (data-view="seats" on a mayor's race): said, not "loading" for ever
    v.caption = race_title(m, lang);
    v.empty = v.sentence = say(Str::NoSeats, lang, {v.caption});
    return v;
  }
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

}  // namespace sandik::ui
