#include "view_summary.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "strings.h"

namespace sandik::ui {
namespace {

ImU32 col(std::uint32_t rgb, float alpha = 1.0f) {
  return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, static_cast<int>(alpha * 255.0f));
}

float text_width(ImFont* f, const std::string& s) { return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, s.c_str()).x; }

void text(ImDrawList* dl, ImFont* f, float x, float y, std::uint32_t rgb, const std::string& s) {
  dl->AddText(f, f->FontSize, ImVec2(x, y), col(rgb), s.c_str());
}

// Cuts text to fit `max` pixels, ending with "…".
std::string fit(ImFont* f, const std::string& s, float max) {
  if (text_width(f, s) <= max) return s;
  std::string t = s;
  while (!t.empty() && text_width(f, t + "…") > max) {
    t.pop_back();
    while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80) t.pop_back();
    if (!t.empty() && static_cast<unsigned char>(t.back()) >= 0xC0) t.pop_back();
  }
  return t + "…";
}

double shown_share(double pct) { return std::round(pct * 100.0) / 100.0; }

void draw_check(ImDrawList* dl, float x, float y, float size, ImU32 color) {
  const ImVec2 pts[] = {ImVec2(x, y + size * 0.55f), ImVec2(x + size * 0.38f, y + size * 0.9f), ImVec2(x + size, y + size * 0.15f)};
  dl->AddPolyline(pts, 3, color, 0, size * 0.18f);
}

std::string surname(const std::string& name) {
  const std::size_t sp = name.rfind(' ');
  return sp == std::string::npos ? name : name.substr(sp + 1);
}

}  // namespace

std::vector<SummaryRow> summary_rows(const Model& m, int max_shown) {
  std::vector<SummaryRow> rows;
  if (!m.ready()) return rows;
  const Summary& s = m.root;
  const int n = static_cast<int>(s.standings.size());
  const int shown = std::min(n, max_shown + (n == max_shown + 1 ? 1 : 0));  // never "others (1)"
  for (int i = 0; i < shown; ++i) {
    const Standing& st = s.standings[static_cast<std::size_t>(i)];
    SummaryRow r;
    r.contestant = st.contestant;
    r.party = m.race->contestant_party(st.contestant);
    r.votes = st.votes;
    r.share_pct = st.share_pct;
    r.leader = st.contestant == s.leader;
    r.winner = st.contestant == s.winner;
    rows.push_back(r);
  }
  if (n > shown) {
    SummaryRow others;
    others.grouped = n - shown;
    for (int i = shown; i < n; ++i) {
      others.votes += s.standings[static_cast<std::size_t>(i)].votes;
      others.share_pct += s.standings[static_cast<std::size_t>(i)].share_pct;
    }
    rows.push_back(others);
  }
  return rows;
}

std::string summary_margin_sentence(const Model& m, Lang lang) {
  if (!m.ready()) return "";
  const Summary& s = m.root;
  if (s.outcome == Outcome::NoResults) return str(Str::NoResults, lang);
  if (s.tied) return str(Str::Tied, lang);
  if (s.leader < 0) return "";
  const std::string who = surname(m.feed->contestant_name(*m.race, s.leader));
  char buf[256];
  if (s.shares_only) {
    std::snprintf(buf, sizeof buf, "%s %s", who.c_str(), lang == Lang::Tr ? "önde" : "leads");
    return buf;
  }
  // Points from the shares as shown (%51,15 − %39,59 = 11,56), so the sentence agrees with the bars.
  const double points = shown_share(s.standings[0].share_pct) - shown_share(s.standings.size() > 1 ? s.standings[1].share_pct : 0);
  std::snprintf(buf, sizeof buf, str(Str::AheadBy, lang), who.c_str(), format_count(s.margin_votes, lang).c_str(),
                format_decimal(points, lang).c_str());
  return buf;
}

std::string summary_sentence(const Model& m, Lang lang) {
  if (!m.ready()) return "";
  const Summary& s = m.root;
  const Feed& f = *m.feed;
  std::string out = m.race->title.get(lang_code(lang)) + ", " + f.areas[static_cast<std::size_t>(s.area)].name + ". ";
  if (s.leader >= 0) {
    const auto& st = s.standings.front();
    out += f.contestant_name(*m.race, s.leader) + " " +
           (s.outcome == Outcome::Won ? (lang == Lang::Tr ? "kazandı" : "won") : (lang == Lang::Tr ? "önde" : "leads")) +
           ", " + format_percent(st.share_pct, lang) + ". ";
    out += summary_margin_sentence(m, lang) + ". ";
  } else {
    out += summary_margin_sentence(m, lang) + ". ";
  }
  if (s.reporting_pct) out += boxes_opened_sentence(*s.reporting_pct, lang) + ". ";
  const SourceResults* sr = m.race->results_for(m.source);
  const Time& t = sr ? sr->updated : f.updated;
  char buf[96];
  std::snprintf(buf, sizeof buf, str(Str::AsOf, lang), format_clock(t.epoch, display_offset(f, t), lang).c_str());
  out += f.sources[static_cast<std::size_t>(m.source)].name + ", " + buf + ".";
  return out;
}

void draw_summary(const ViewContext& c) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float x0 = origin.x, w = c.width - c.px(2);
  float y = origin.y;
  const Model& m = c.model;
  const Feed& feed = *m.feed;
  const Summary& s = m.root;
  const Palette& pal = c.pal;

  // Status chip and "as of" line.
  const char* chip = feed.status == FeedStatus::Final ? str(Str::Final, c.lang)
                     : feed.status == FeedStatus::Test ? str(Str::Test, c.lang)
                                                       : str(Str::Live, c.lang);
  const std::uint32_t chip_bg = feed.status == FeedStatus::Final ? pal.final_ : feed.status == FeedStatus::Test ? pal.test : pal.live;
  const float chip_w = text_width(c.fonts.small, chip) + c.px(12);
  const float chip_h = c.fonts.small->FontSize + c.px(6);
  dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + chip_w, y + chip_h), col(chip_bg), c.px(3));
  text(dl, c.fonts.small, x0 + c.px(6), y + c.px(3), text_on(chip_bg), chip);
  {
    const SourceResults* sr = m.race->results_for(m.source);
    const Time& t = sr ? sr->updated : feed.updated;
    char asof[96];
    std::snprintf(asof, sizeof asof, str(Str::AsOf, c.lang), format_clock(t.epoch, display_offset(feed, t), c.lang).c_str());
    const std::string line = fit(c.fonts.small, feed.sources[static_cast<std::size_t>(m.source)].name + " · " + asof,
                                 w - chip_w - c.px(12));
    text(dl, c.fonts.small, x0 + w - text_width(c.fonts.small, line), y + c.px(3), pal.secondary, line);
  }
  y += chip_h + c.px(10);
  if (feed.status == FeedStatus::Test) {
    const std::string banner = str(Str::TestBanner, c.lang);
    dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + w, y + c.fonts.strong->FontSize + c.px(10)), col(pal.test, 0.18f), c.px(3));
    text(dl, c.fonts.strong, x0 + c.px(8), y + c.px(5), pal.text, fit(c.fonts.strong, banner, w - c.px(16)));
    y += c.fonts.strong->FontSize + c.px(18);
  }

  // Title: the race, then the area when it is not the race's root.
  text(dl, c.fonts.title, x0, y, pal.text, fit(c.fonts.title, m.race->title.get(lang_code(c.lang)), w));
  y += c.fonts.title->FontSize + c.px(2);
  text(dl, c.fonts.small, x0, y, pal.secondary,
       fit(c.fonts.small, feed.areas[static_cast<std::size_t>(s.area)].name + " · " + feed.election.title.get(lang_code(c.lang)), w));
  y += c.fonts.small->FontSize + c.px(12);

  // Ballot boxes opened.
  if (s.reporting_pct) {
    text(dl, c.fonts.body, x0, y, pal.text, boxes_opened_sentence(*s.reporting_pct, c.lang));
    y += c.fonts.body->FontSize + c.px(4);
    const float h = c.px(6);
    dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + w, y + h), col(pal.track), h / 2);
    const float fill = static_cast<float>(std::clamp(*s.reporting_pct, 0.0, 100.0) / 100.0) * w;
    if (fill > 0) dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + std::max(fill, h), y + h), col(pal.accent), h / 2);
    y += h + c.px(16);
  }

  // One bar per leading contestant, the rest grouped.
  for (const SummaryRow& r : summary_rows(m)) {
    const std::uint32_t color = r.party >= 0 ? feed.parties[static_cast<std::size_t>(r.party)].color : 0x9AA0A6;
    std::string name, party;
    if (r.contestant >= 0) {
      name = feed.contestant_name(*m.race, r.contestant);
      if (m.race->kind == RaceKind::Candidate && r.party >= 0) party = feed.parties[static_cast<std::size_t>(r.party)].short_name;
    } else {
      name = std::string(str(Str::Others, c.lang)) + " (" + std::to_string(r.grouped) + ")";
    }
    const std::string share = format_percent(r.share_pct, c.lang);
    const std::string votes = s.shares_only ? "" : format_count(r.votes, c.lang) + " " + str(Str::Votes, c.lang);
    const float share_w = text_width(c.fonts.figure, share);
    const float stripe = c.px(4);
    const float tx = x0 + stripe + c.px(8);
    dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + stripe, y + c.fonts.strong->FontSize + c.fonts.small->FontSize + c.px(4)), col(color));
    // Name, with a tag for the leader or the winner.
    const std::string tag = r.winner ? str(Str::Won, c.lang) : r.leader ? str(Str::Leading, c.lang) : "";
    const float check = r.winner ? c.fonts.small->FontSize * 0.7f + c.px(4) : 0;
    const float tag_w = tag.empty() ? 0 : text_width(c.fonts.small, tag) + c.px(10) + check;
    const std::string shown_name = fit(c.fonts.strong, name, w - (tx - x0) - share_w - tag_w - c.px(16));
    text(dl, c.fonts.strong, tx, y, pal.text, shown_name);
    if (!tag.empty()) {
      const float gx = tx + text_width(c.fonts.strong, shown_name) + c.px(8);
      const std::uint32_t tag_bg = r.winner ? color : pal.track;
      dl->AddRectFilled(ImVec2(gx, y + c.px(1)), ImVec2(gx + tag_w, y + c.fonts.small->FontSize + c.px(4)), col(tag_bg), c.px(3));
      const std::uint32_t fg = r.winner ? text_on(tag_bg) : pal.text;
      if (r.winner) draw_check(dl, gx + c.px(5), y + c.px(1) + c.fonts.small->FontSize * 0.25f, c.fonts.small->FontSize * 0.6f, col(fg));
      text(dl, c.fonts.small, gx + c.px(5) + check, y + c.px(2), fg, tag);
    }
    text(dl, c.fonts.figure, x0 + w - share_w, y - c.px(2), pal.text, share);
    y += c.fonts.strong->FontSize + c.px(2);
    if (!party.empty()) text(dl, c.fonts.small, tx, y, pal.secondary, fit(c.fonts.small, party, w * 0.55f));
    if (!votes.empty()) text(dl, c.fonts.small, x0 + w - text_width(c.fonts.small, votes), y + c.px(2), pal.secondary, votes);
    y += c.fonts.small->FontSize + c.px(8);
    const float h = c.px(10);
    dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + w, y + h), col(pal.track), c.px(2));
    const float fill = static_cast<float>(std::clamp(r.share_pct, 0.0, 100.0) / 100.0) * w;
    if (fill > 0.5f) dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + fill, y + h), col(color), c.px(2));
    y += h + c.px(16);
  }

  // The margin in words.
  const std::string margin = summary_margin_sentence(m, c.lang);
  if (!margin.empty()) {
    dl->AddLine(ImVec2(x0, y), ImVec2(x0 + w, y), col(pal.rule), c.px(1));
    y += c.px(10);
    text(dl, c.fonts.strong, x0, y, pal.text, fit(c.fonts.strong, margin, w));
    y += c.fonts.strong->FontSize + c.px(4);
  }
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(c.width, y - origin.y));
}

}  // namespace sandik::ui
