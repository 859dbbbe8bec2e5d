#include "view_sources.h"

#include <cstdio>

#include "draw.h"
#include "strings.h"

namespace sandik::ui {
namespace {

const std::string& source_label(const Feed& f, int source) { return f.sources[static_cast<std::size_t>(source)].id; }

std::string when(const Model& m, int source, Lang lang) {
  const SourceResults* sr = m.race->results_for(source);
  if (!sr) return "";
  return format_clock(sr->updated.epoch, display_offset(*m.feed, sr->updated), lang);
}

double share_of(const Summary& s, int contestant) {
  for (const Standing& st : s.standings)
    if (st.contestant == contestant) return st.share_pct;
  return 0;
}

// The contestants to compare: the leading ones of the source shown.
std::vector<int> compared(const Model& m) {
  std::vector<int> out;
  for (std::size_t i = 0; i < m.current.standings.size() && out.size() < 5; ++i)
    if (m.current.standings[i].votes > 0 || m.current.standings[i].share_pct > 0) out.push_back(m.current.standings[i].contestant);
  return out;
}

}  // namespace

AccessibleSection describe_sources(const Model& m, Lang lang) {
  AccessibleSection sec;
  const Feed& f = *m.feed;
  sec.caption = std::string(str(Str::SourcesTitle, lang)) + " — " + f.areas[static_cast<std::size_t>(m.area)].name;
  std::string sentence;
  for (const Summary& s : m.by_source) {
    if (!sentence.empty()) sentence += " ";
    sentence += f.sources[static_cast<std::size_t>(s.source)].name + ": " +
                (s.reporting_pct ? boxes_opened_sentence(*s.reporting_pct, lang) + ", " : "") + when(m, s.source, lang) + ".";
  }
  sec.sentence = sentence;
  sec.columns.push_back(str(Str::Candidate, lang));
  for (const Summary& s : m.by_source) sec.columns.push_back(source_label(f, s.source));
  if (m.by_source.size() == 2) sec.columns.push_back(str(Str::Difference, lang));
  for (int c : compared(m)) {
    std::vector<std::string> row{f.contestant_name(*m.race, c)};
    for (const Summary& s : m.by_source) row.push_back(format_percent(share_of(s, c), lang));
    if (m.by_source.size() == 2)
      row.push_back(format_decimal(share_of(m.by_source[0], c) - share_of(m.by_source[1], c), lang) + " " + str(Str::Points, lang));
    sec.rows.push_back(row);
  }
  return sec;
}

void draw_sources(const ViewContext& c) {
  const Model& m = c.model;
  const Feed& feed = *m.feed;
  const Lang lang = c.lang;
  ImDrawList* dl = ImGui::GetWindowDrawList();

  // Which source the widget shows.
  std::vector<std::string> labels;
  int selected = 0;
  for (std::size_t i = 0; i < m.by_source.size(); ++i) {
    labels.push_back(feed.sources[static_cast<std::size_t>(m.by_source[i].source)].name);
    if (m.by_source[i].source == m.source) selected = static_cast<int>(i);
  }
  ImVec2 o = ImGui::GetCursorScreenPos();
  text(dl, c.fonts.title, o.x, o.y, c.pal.text, fit(c.fonts.title, str(Str::SourcesTitle, lang), c.width));
  ImGui::SetCursorScreenPos(ImVec2(o.x, o.y + c.fonts.title->FontSize + c.px(10)));
  if (labels.size() > 1) {
    const int clicked = segmented(c, "source", labels, selected);
    if (clicked >= 0) c.act.source = m.by_source[static_cast<std::size_t>(clicked)].source;
  }

  // Side by side: a column per source, the difference when there are two.
  const std::vector<int> who = compared(m);
  const int ncols = 1 + static_cast<int>(m.by_source.size()) + (m.by_source.size() == 2 ? 1 : 0);
  // Columns by weight: the candidate 2.2, each source and the difference 1.
  const std::size_t nsrc = m.by_source.size();
  const float weights = 2.2f + static_cast<float>(ncols - 1);
  const float name_w = c.width * 2.2f / weights, num_w = c.width / weights, pad = c.px(6);
  const ImVec2 t = ImGui::GetCursorScreenPos();
  const float head_h = c.px(30), row_h = c.px(34);
  auto num_right = [&](int k) { return t.x + name_w + num_w * static_cast<float>(k + 1) - pad; };
  text(dl, c.fonts.strong, t.x + pad, t.y + (head_h - c.fonts.strong->FontSize) / 2, c.pal.secondary,
       fit(c.fonts.strong, str(Str::Candidate, lang), name_w - 2 * pad));
  for (std::size_t k = 0; k < nsrc; ++k)
    text_right(dl, c.fonts.strong, num_right(static_cast<int>(k)), t.y + (head_h - c.fonts.strong->FontSize) / 2, c.pal.secondary,
               fit(c.fonts.strong, source_label(feed, m.by_source[k].source), num_w - 2 * pad));
  if (nsrc == 2)
    text_right(dl, c.fonts.strong, num_right(2), t.y + (head_h - c.fonts.strong->FontSize) / 2, c.pal.secondary,
               fit(c.fonts.strong, str(Str::Difference, lang), num_w - 2 * pad));
  float y = t.y + head_h;
  dl->AddLine(ImVec2(t.x, y - c.px(1)), ImVec2(t.x + c.width, y - c.px(1)), col(c.pal.rule), c.px(1));
  for (std::size_t i = 0; i < who.size(); ++i) {
    const int contestant = who[i];
    if (i % 2 == 1) dl->AddRectFilled(ImVec2(t.x, y), ImVec2(t.x + c.width, y + row_h), col(c.pal.track, 0.35f));
    dl->AddLine(ImVec2(t.x, y + row_h - c.px(1)), ImVec2(t.x + c.width, y + row_h - c.px(1)), col(c.pal.rule, 0.7f), c.px(1));
    const float ty = y + (row_h - c.fonts.body->FontSize) / 2;
    const int party = m.race->contestant_party(contestant);
    const float sw = c.px(10);
    dl->AddRectFilled(ImVec2(t.x + pad, ty + c.px(5)), ImVec2(t.x + pad + sw, ty + c.px(5) + sw), col(party_color(feed, party)), c.px(2));
    text(dl, c.fonts.body, t.x + pad + sw + c.px(6), ty, c.pal.text,
         fit(c.fonts.body, feed.contestant_name(*m.race, contestant), name_w - 2 * pad - sw - c.px(6)));
    for (std::size_t k = 0; k < nsrc; ++k) {
      const bool shown = m.by_source[k].source == m.source;
      text_right(dl, shown ? c.fonts.strong : c.fonts.body, num_right(static_cast<int>(k)), ty, c.pal.text,
                 format_percent(share_of(m.by_source[k], contestant), lang));
    }
    if (nsrc == 2) {
      const double d = share_of(m.by_source[0], contestant) - share_of(m.by_source[1], contestant);
      text_right(dl, c.fonts.body, num_right(2), ty, c.pal.secondary, (d > 0 ? "+" : "") + format_decimal(d, lang));
    }
    y += row_h;
  }
  ImGui::SetCursorScreenPos(ImVec2(t.x, y));
  ImGui::Dummy(ImVec2(c.width, 0));

  // Each source's count: boxes opened and time.
  o = ImGui::GetCursorScreenPos();
  y = o.y + c.px(10);
  for (const Summary& s : m.by_source) {
    const std::string line = feed.sources[static_cast<std::size_t>(s.source)].name + ": " +
                             (s.reporting_pct ? boxes_opened_sentence(*s.reporting_pct, lang) + " · " : "") +
                             when(m, s.source, lang);
    text(dl, c.fonts.small, o.x, y, c.pal.secondary, fit(c.fonts.small, line, c.width));
    y += c.fonts.small->FontSize + c.px(4);
  }
  ImGui::SetCursorScreenPos(ImVec2(o.x, y + c.px(4)));
  ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace sandik::ui
