// sandik ui — the scoreboard in the reader's words: mayoralties won and leading per party and
// office level, against the previous winners (core/scoreboard.h counts them).
#include "present.h"
#include "strings.h"

namespace sandik::ui {
namespace {

Str level_title(const std::string& level) {
  if (level == "metropolitan") return Str::ScoreMetropolitan;
  if (level == "province") return Str::ScoreProvince;
  if (level == "district") return Str::ScoreDistrict;
  return Str::ScoreBelde;
}

std::string signed_count(int n) { return n > 0 ? "+" + std::to_string(n) : n == 0 ? "±0" : std::to_string(n); }

}  // namespace

ScoreboardView present_scoreboard(const Feed& feed, const std::vector<ScoreLevel>& levels, Lang lang) {
  ScoreboardView v;
  v.title = str(Str::ScoreTitle, lang);
  // The previous election's label ("2019") from the races that have one.
  std::string before;
  for (const Race& r : feed.races)
    if (r.previous && !r.previous->label.empty()) {
      before = r.previous->label;
      break;
    }
  v.columns = {str(Str::Party, lang), str(Str::Won, lang), str(Str::Leading, lang), before.empty() ? "–" : before,
               str(Str::ColSwing, lang)};
  for (const ScoreLevel& level : levels) {
    ScoreboardView::Level out;
    out.title = str(level_title(level.level), lang);
    out.total = say(Str::ScoreOf, lang, {format_count(level.total, lang)});
    out.offices = level.total;
    if (level.tied) out.tied = say(Str::ScoreTied, lang, {format_count(level.tied, lang)});
    // The change since before only where before is known for every office of the level (ANKA
    // gives 2019's district winners for the metropolitan provinces only).
    int before_total = 0;
    for (const ScoreParty& p : level.parties) before_total += p.previous;
    const bool any_before = before_total > 0, all_before = before_total >= level.total;
    for (const ScoreParty& p : level.parties) {
      ScoreboardView::Row row;
      row.party = party_short(feed, p.party);
      row.color = feed.parties[static_cast<std::size_t>(p.party)].color;
      row.won = format_count(p.won, lang);
      row.leading = format_count(p.leading, lang);
      row.previous = any_before ? format_count(p.previous, lang) : "–";
      row.change = all_before ? signed_count(p.won + p.leading - p.previous) : "–";
      row.count = p.won + p.leading;
      row.chip = row.party + " " + format_count(row.count, lang) + (all_before ? " (" + row.change + ")" : "");
      out.sentences.push_back(say(Str::ScoreLine, lang, {row.party, row.won, row.leading, v.columns[3], row.previous}));
      out.rows.push_back(std::move(row));
    }
    int rest = 0, counted = 0;
    for (const ScoreboardView::Row& r : out.rows) counted += r.count > 0;
    for (const ScoreboardView::Row& r : out.rows)
      if (r.count > 0 && (counted <= 8 || out.compact.size() < 7))
        out.compact.push_back(r);
      else
        rest += r.count;
    if (rest > 0) {
      ScoreboardView::Row others;
      others.count = rest;
      others.chip = say(Str::OthersN, lang, {format_count(rest, lang)});
      others.color = party_color(feed, -1);
      out.compact.push_back(std::move(others));
    }
    v.levels.push_back(std::move(out));
  }
  return v;
}

AccessibleSection mirror(const ScoreboardView& v) {
  AccessibleSection sec{v.title, "", {}, {}};
  sec.columns.push_back(v.title);
  sec.columns.insert(sec.columns.end(), v.columns.begin(), v.columns.end());
  for (const ScoreboardView::Level& l : v.levels) {
    sec.sentence += (sec.sentence.empty() ? "" : " ") + l.title + ": " + l.total + (l.tied.empty() ? "" : ", " + l.tied) + ".";
    for (const ScoreboardView::Row& r : l.rows) sec.rows.push_back({l.title, r.party, r.won, r.leading, r.previous, r.change});
  }
  return sec;
}

}  // namespace sandik::ui
