#include "view_timeline.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/time.h"

#include "draw.h"
#include "strings.h"

namespace sandik::ui {
namespace {

std::vector<int> followed(const Model& m) {  // the two leading contestants of the source shown
  std::vector<int> out;
  for (std::size_t i = 0; i < m.current.standings.size() && out.size() < 2; ++i) out.push_back(m.current.standings[i].contestant);
  return out;
}

std::optional<double> share_in(const Moment& mo, int contestant) {
  for (const auto& [c, v] : mo.shares)
    if (c == contestant) return v;
  return std::nullopt;
}

std::vector<int> sources_in(const Model& m) {
  std::vector<int> out;
  for (const Moment& mo : m.moments)
    if (std::find(out.begin(), out.end(), mo.source) == out.end()) out.push_back(mo.source);
  return out;
}

// "22.35" on election day; "1 Nis 01.00" after it (the count ran into the next days).
std::string clock(const Model& m, std::int64_t at, Lang lang) {
  Time t;
  t.epoch = at;
  t.offset_min = m.feed->updated.offset_min;
  const int offset = display_offset(*m.feed, t);
  const Civil c = to_civil(at, offset);
  char day[16];
  std::snprintf(day, sizeof day, "%04d-%02d-%02d", c.year, c.month, c.day);
  if (m.feed->election.date.empty() || m.feed->election.date == day) return format_clock(at, offset, lang);
  static const char* kTr[] = {"Oca", "Şub", "Mar", "Nis", "May", "Haz", "Tem", "Ağu", "Eyl", "Eki", "Kas", "Ara"};
  static const char* kEn[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::string month = (lang == Lang::Tr ? kTr : kEn)[c.month - 1];
  return lang == Lang::Tr ? std::to_string(c.day) + " " + month + " " + format_clock(at, offset, lang)
                          : month + " " + std::to_string(c.day) + ", " + format_clock(at, offset, lang);
}

void marker(ImDrawList* dl, int shape, ImVec2 p, float r, ImU32 color) {
  switch (shape % 3) {
    case 0: dl->AddCircleFilled(p, r, color, 12); break;
    case 1: dl->AddRectFilled(ImVec2(p.x - r, p.y - r), ImVec2(p.x + r, p.y + r), color); break;
    default: dl->AddQuadFilled(ImVec2(p.x, p.y - r * 1.3f), ImVec2(p.x + r * 1.3f, p.y), ImVec2(p.x, p.y + r * 1.3f),
                               ImVec2(p.x - r * 1.3f, p.y), color);
  }
}

}  // namespace

AccessibleSection describe_timeline(const Model& m, Lang lang) {
  AccessibleSection sec;
  const Feed& f = *m.feed;
  sec.caption = str(Str::TimelineTitle, lang);
  const std::vector<int> who = followed(m);
  sec.columns = {lang == Lang::Tr ? "Saat" : "Time", str(Str::Source, lang), str(Str::ColReporting, lang)};
  for (int c : who) sec.columns.push_back(f.contestant_name(*m.race, c));
  sec.sentence = m.moments.size() < 2 ? str(Str::TimelineEmpty, lang)
                                      : std::to_string(m.moments.size()) + (lang == Lang::Tr ? " an, " : " moments, ") +
                                            clock(m, m.moments.front().at, lang) + " – " + clock(m, m.moments.back().at, lang) + ".";
  for (const Moment& mo : m.moments) {
    std::vector<std::string> row{clock(m, mo.at, lang), f.sources[static_cast<std::size_t>(mo.source)].id,
                                 mo.reporting_pct ? format_percent(*mo.reporting_pct, lang) : "–"};
    for (int c : who) {
      const auto v = share_in(mo, c);
      row.push_back(v ? format_percent(*v, lang) : "–");
    }
    sec.rows.push_back(row);
  }
  return sec;
}

void draw_timeline(const ViewContext& c) {
  const Model& m = c.model;
  const Feed& feed = *m.feed;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  float y = o.y;
  text(dl, c.fonts.title, o.x, y, c.pal.text, fit(c.fonts.title, str(Str::TimelineTitle, c.lang), c.width));
  y += c.fonts.title->FontSize + c.px(12);
  const std::vector<int> who = followed(m);
  if (m.moments.size() < 2 || who.empty()) {
    text(dl, c.fonts.body, o.x, y, c.pal.secondary, str(Str::TimelineEmpty, c.lang));
    ImGui::SetCursorScreenPos(ImVec2(o.x, y + c.fonts.body->FontSize + c.px(8)));
    ImGui::Dummy(ImVec2(0, 0));
    return;
  }
  // Scales: time on x, share on y (rounded out to 5 points).
  double lo = 100, hi = 0;
  for (const Moment& mo : m.moments)
    for (int ct : who)
      if (auto v = share_in(mo, ct)) {
        lo = std::min(lo, *v);
        hi = std::max(hi, *v);
      }
  lo = std::max(0.0, std::floor((lo - 2) / 5) * 5);
  hi = std::min(100.0, std::ceil((hi + 2) / 5) * 5);
  const std::int64_t t0 = m.moments.front().at, t1 = std::max(m.moments.back().at, t0 + 1);
  const float axis_w = text_width(c.fonts.small, "%100") + c.px(6);
  const float left = o.x + axis_w, right = o.x + c.width - c.px(8), top = y + c.px(6), height = c.px(220);
  const float bottom_y = top + height;
  auto X = [&](std::int64_t t) { return left + (right - left) * static_cast<float>(static_cast<double>(t - t0) / static_cast<double>(t1 - t0)); };
  auto Y = [&](double v) { return bottom_y - height * static_cast<float>((v - lo) / (hi - lo)); };
  for (double g = lo; g <= hi + 0.01; g += 5) {
    dl->AddLine(ImVec2(left, Y(g)), ImVec2(right, Y(g)), col(c.pal.rule, g == lo ? 1.0f : 0.5f), c.px(1));
    text_right(dl, c.fonts.small, left - c.px(6), Y(g) - c.fonts.small->FontSize / 2, c.pal.secondary, format_percent(g, c.lang, 0));
  }
  text(dl, c.fonts.small, left, bottom_y + c.px(4), c.pal.secondary, clock(m, t0, c.lang));
  text_right(dl, c.fonts.small, right, bottom_y + c.px(4), c.pal.secondary, clock(m, t1, c.lang));

  const std::vector<int> sources = sources_in(m);
  for (std::size_t si = 0; si < sources.size(); ++si) {
    const float alpha = sources[si] == m.source ? 1.0f : 0.55f;
    for (int ct : who) {
      const ImU32 color = col(party_color(feed, m.race->contestant_party(ct)), alpha);
      ImVec2 prev(-1, -1);
      for (const Moment& mo : m.moments) {
        if (mo.source != sources[si]) continue;
        const auto v = share_in(mo, ct);
        if (!v) continue;
        const ImVec2 p(X(mo.at), Y(*v));
        if (prev.x >= 0) dl->AddLine(prev, p, color, c.px(2));
        marker(dl, static_cast<int>(si), p, c.px(4), color);
        prev = p;
      }
    }
  }

  // Hover or tap: the nearest moment.
  ImGui::SetCursorScreenPos(ImVec2(left, top));
  ImGui::InvisibleButton("chart", ImVec2(right - left, height));
  if (ImGui::IsItemHovered() || ImGui::IsItemActive()) {
    const float mx = ImGui::GetIO().MousePos.x;
    int best = -1;
    float dist = 1e9f;
    for (std::size_t i = 0; i < m.moments.size(); ++i) {
      const float d = std::fabs(X(m.moments[i].at) - mx);
      if (d < dist) {
        dist = d;
        best = static_cast<int>(i);
      }
    }
    if (best != c.ui.hover_moment) c.act.hover_moment = best;
  } else if (c.ui.hover_moment >= 0) {
    c.act.hover_moment = -1;
  }
  if (c.ui.hover_moment >= 0 && c.ui.hover_moment < static_cast<int>(m.moments.size())) {
    const Moment& mo = m.moments[static_cast<std::size_t>(c.ui.hover_moment)];
    const float hx = X(mo.at);
    dl->AddLine(ImVec2(hx, top), ImVec2(hx, bottom_y), col(c.pal.text, 0.5f), c.px(1));
    std::vector<std::string> lines{clock(m, mo.at, c.lang) + " · " + feed.sources[static_cast<std::size_t>(mo.source)].name};
    if (mo.reporting_pct) lines.push_back(boxes_opened_sentence(*mo.reporting_pct, c.lang));
    for (int ct : who)
      if (auto v = share_in(mo, ct)) lines.push_back(surname(feed.contestant_name(*m.race, ct)) + " " + format_percent(*v, c.lang));
    float bw = 0;
    for (const auto& l : lines) bw = std::max(bw, text_width(c.fonts.small, l));
    bw += c.px(16);
    const float bh = static_cast<float>(lines.size()) * (c.fonts.small->FontSize + c.px(2)) + c.px(12);
    const float bx = hx + bw + c.px(8) < right ? hx + c.px(8) : hx - bw - c.px(8);
    dl->AddRectFilled(ImVec2(bx, top), ImVec2(bx + bw, top + bh), col(c.pal.background, 0.96f), c.px(4));
    dl->AddRect(ImVec2(bx, top), ImVec2(bx + bw, top + bh), col(c.pal.rule), c.px(4));
    float ly = top + c.px(6);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      text(dl, i == 0 ? c.fonts.small : c.fonts.small, bx + c.px(8), ly, i == 0 ? c.pal.text : c.pal.secondary, lines[i]);
      ly += c.fonts.small->FontSize + c.px(2);
    }
  }

  // Legend: sources by marker, contestants by colour.
  y = bottom_y + c.fonts.small->FontSize + c.px(14);
  float x = o.x;
  for (std::size_t si = 0; si < sources.size(); ++si) {
    const std::string& name = feed.sources[static_cast<std::size_t>(sources[si])].id;
    marker(dl, static_cast<int>(si), ImVec2(x + c.px(5), y + c.fonts.small->FontSize / 2), c.px(4), col(c.pal.secondary));
    text(dl, c.fonts.small, x + c.px(14), y, c.pal.secondary, name);
    x += c.px(14) + text_width(c.fonts.small, name) + c.px(16);
  }
  for (int ct : who) {
    const std::string name = surname(feed.contestant_name(*m.race, ct));
    dl->AddRectFilled(ImVec2(x, y + c.px(4)), ImVec2(x + c.px(14), y + c.px(7)), col(party_color(feed, m.race->contestant_party(ct))));
    text(dl, c.fonts.small, x + c.px(18), y, c.pal.secondary, name);
    x += c.px(18) + text_width(c.fonts.small, name) + c.px(16);
  }
  ImGui::SetCursorScreenPos(ImVec2(o.x, y + c.fonts.small->FontSize + c.px(10)));
  ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace sandik::ui
