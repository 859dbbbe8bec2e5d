// sandik ui — the presentation model (present.h): names, party short names and colours, clock
// times, the full view's tabs and breadcrumb, and the words around the canvas (notices, the
// "last updated" line, the live region, failures). Each view's model is made in its own file:
// present_summary.cpp (summary, seats), present_table.cpp (district table, flips),
// present_sources.cpp (sources side by side, the night's timeline).
#include "present.h"

#include <algorithm>

#include "core/time.h"
#include "present_internal.h"

namespace sandik::ui {

using namespace detail;

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

namespace {
// The time of day, with the day and month when it is not the election's day (and the year too
// when asked: an archive read years later).
std::string clock_on_day(const Feed& feed, std::int64_t at, Lang lang, bool year) {
  Time t;
  t.epoch = at;
  t.offset_min = feed.updated.offset_min;
  const int offset = display_offset(feed, t);
  const Civil c = to_civil(at, offset);
  const std::string day = std::to_string(c.year) + "-" + two_digits(c.month) + "-" + two_digits(c.day);
  if (!year && (feed.election.date.empty() || feed.election.date == day)) return format_clock(at, offset, lang);
  const std::string months = str(Str::Months, lang);
  std::size_t from = 0;
  for (int k = 1; k < c.month; ++k) from = months.find(' ', from) + 1;
  const std::string month = months.substr(from, months.find(' ', from) - from);
  if (year)
    return say(Str::DayMonthYearClock, lang,
               {std::to_string(c.day), month, std::to_string(c.year), format_clock(at, offset, lang)});
  return say(Str::DayMonthClock, lang, {std::to_string(c.day), month, format_clock(at, offset, lang)});
}
}  // namespace

std::string moment_clock(const Feed& feed, std::int64_t at, Lang lang) { return clock_on_day(feed, at, lang, false); }
std::string date_clock(const Feed& feed, std::int64_t at, Lang lang) { return clock_on_day(feed, at, lang, true); }

Chrome present_chrome(const Model& m, const UiState& ui, View view, Lang lang) {
  Chrome c;
  if (!m.ready()) return c;
  if (view == View::Full) {
    std::vector<std::pair<View, Str>> tabs = {{View::Summary, Str::TabSummary}, {View::Table, Str::TabTable}};
    if (m.race->seats) tabs.emplace_back(View::Seats, Str::TabSeats);
    tabs.insert(tabs.end(),
                {{View::Sources, Str::TabSources}, {View::Flips, Str::TabFlips}, {View::Timeline, Str::TabTimeline}});
    if (!m.map_id.empty()) tabs.emplace_back(View::Map, Str::TabMap);  // (last; where a map shows the area)
    for (std::size_t i = 0; i < tabs.size(); ++i) {
      c.tabs.push_back({tabs[i].first, str(tabs[i].second, lang)});
      if (tabs[i].first == ui.tab) c.tab = static_cast<int>(i);
    }
  }
  // A province opened from the overview: "‹ Türkiye › İstanbul › Kadıköy".
  if (!m.up_id.empty()) c.crumbs.push_back({kUp, m.up_id, "‹ " + m.up_name});
  if (m.trail.size() >= 2 || !m.up_id.empty()) {
    for (std::size_t i = 0; i < m.trail.size(); ++i) {
      const Area& a = area_of(m, m.trail[i]);
      c.crumbs.push_back({m.trail[i], a.id, i == 0 && m.up_id.empty() ? "‹ " + a.name : a.name});
    }
  }
  return c;
}

Notices present_notices(Lang lang) {
  return {str(Str::Loading, lang), str(Str::NoRace, lang), str(Str::CanvasLabel, lang),
          str(Str::SearchPlaceholder, lang), str(Str::NoWebGL, lang)};
}

std::string more_rows_sentence(std::size_t shown, std::size_t more, bool searchable, Lang lang) {
  return say(searchable ? Str::MoreRowsSearch : Str::MoreRows, lang,
             {format_count(static_cast<Count>(shown), lang), format_count(static_cast<Count>(more), lang)});
}

std::string stale_line(std::int64_t minutes, bool stale, Lang lang, const std::string& date) {
  const std::string ago = minutes < 1                         ? std::string(str(Str::JustNow, lang))
                          : minutes < 120                     ? say(Str::MinutesAgo, lang, {std::to_string(minutes)})
                          : minutes < 24 * 60 || date.empty() ? say(Str::HoursAgo, lang, {std::to_string(minutes / 60)})
                                                              : say(Str::OnDate, lang, {date});
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

FlipRowLayout flip_row_layout(float width, float name_text_w, float from_w, float arrow_w, float to_w, float margin_w,
                              float gap) {
  FlipRowLayout l;
  const float chips = from_w + gap + arrow_w + gap + to_w;
  // The name takes what it needs, up to 38 % of the row, and never the chips' room.
  l.name_w = std::max(0.0f, std::min({name_text_w + 2 * gap, width * 0.38f, width - chips}));
  l.from_x = l.name_w;
  l.arrow_x = l.from_x + from_w + gap;
  l.to_x = l.arrow_x + arrow_w + gap;
  l.margin_right = width;
  l.two_lines = l.to_x + to_w + 2 * gap + margin_w > width;
  return l;
}

std::string failure_message(const std::string& kind, const std::string& detail, Lang lang, bool results_shown) {
  if (kind == "feed") return say(Str::Unreadable, lang, {detail});
  if (kind == "webgl") return str(Str::NoWebGL, lang);
  if (kind == "option") return say(Str::UnknownOption, lang, {detail});
  const std::string why = kind == "timeout"     ? say(Str::NoAnswer, lang, {detail})
                          : kind == "too-large" ? say(Str::TooLarge, lang, {detail})
                          : kind == "network"   ? std::string(str(Str::NoConnection, lang))  // not "Failed to fetch"
                          : kind == "untrusted" ? std::string(str(Str::NotAllowed, lang))    // (the URL: the console's)
                                                : detail;
  return say(results_shown ? Str::UpdateFailed : Str::LoadFailed, lang, {why});
}

}  // namespace sandik::ui
