#include "view_sources.h"

#include <algorithm>
#include <vector>

#include "draw.h"

namespace sandik::ui {

void draw_sources(const ViewContext& c, const SourcesView& v) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 o = ImGui::GetCursorScreenPos();
  text(dl, c.fonts.title, o.x, o.y, c.pal.text, fit(c.fonts.title, v.title, c.width));
  ImGui::SetCursorScreenPos(ImVec2(o.x, o.y + c.fonts.title->FontSize + c.px(10)));
  if (v.choices.size() > 1) {  // which source the widget shows
    const int clicked = segmented(c, "source", v.choices, v.chosen);
    if (clicked >= 0) c.act.source = v.choice_sources[static_cast<std::size_t>(clicked)];
  }

  // Side by side: each number column as wide as its widest text (in the strong face, and its
  // heading), so figures never run together; the candidate's name takes the rest.
  const std::size_t nnum = v.columns.size() - 1;
  const float pad = c.px(6);
  std::vector<float> right(nnum);
  float used = 0;
  for (std::size_t k = nnum; k-- > 0;) {
    float w = text_width(c.fonts.strong, v.columns[k + 1]);
    for (const SourcesView::Row& r : v.rows)
      if (k < r.cells.size()) w = std::max(w, text_width(c.fonts.strong, r.cells[k]));
    right[k] = c.width - used - pad;
    used += w + 2 * pad;
  }
  const float name_w = std::max(c.width - used, c.px(60));
  const ImVec2 t = ImGui::GetCursorScreenPos();
  const float head_h = c.px(30), row_h = c.px(34);
  auto num_right = [&](std::size_t k) { return t.x + right[k]; };
  const float hy = t.y + (head_h - c.fonts.strong->FontSize) / 2;
  text(dl, c.fonts.strong, t.x + pad, hy, c.pal.secondary, fit(c.fonts.strong, v.columns[0], name_w - 2 * pad));
  for (std::size_t k = 0; k < nnum; ++k)
    text_right(dl, c.fonts.strong, num_right(k), hy, c.pal.secondary, v.columns[k + 1]);
  float y = t.y + head_h;
  dl->AddLine(ImVec2(t.x, y - c.px(1)), ImVec2(t.x + c.width, y - c.px(1)), col(c.pal.rule), c.px(1));
  for (std::size_t i = 0; i < v.rows.size(); ++i) {
    const SourcesView::Row& r = v.rows[i];
    if (i % 2 == 1) dl->AddRectFilled(ImVec2(t.x, y), ImVec2(t.x + c.width, y + row_h), col(c.pal.track, 0.35f));
    dl->AddLine(ImVec2(t.x, y + row_h - c.px(1)), ImVec2(t.x + c.width, y + row_h - c.px(1)), col(c.pal.rule, 0.7f),
                c.px(1));
    const float ty = y + (row_h - c.fonts.body->FontSize) / 2;
    const float sw = c.px(10);
    dl->AddRectFilled(ImVec2(t.x + pad, ty + c.px(5)), ImVec2(t.x + pad + sw, ty + c.px(5) + sw), col(r.color),
                      c.px(2));
    const float room = name_w - 2 * pad - sw - c.px(6);
    const std::string& name = !r.narrow.empty() && text_width(c.fonts.body, r.name) > room ? r.narrow : r.name;
    text(dl, c.fonts.body, t.x + pad + sw + c.px(6), ty, c.pal.text, fit(c.fonts.body, name, room));
    for (std::size_t k = 0; k < r.cells.size(); ++k) {
      const bool difference = !r.spoken_difference.empty() && k + 1 == r.cells.size();
      text_right(dl, static_cast<int>(k) == r.shown ? c.fonts.strong : c.fonts.body, num_right(k), ty,
                 difference ? c.pal.secondary : c.pal.text, r.cells[k]);
    }
    y += row_h;
  }
  ImGui::SetCursorScreenPos(ImVec2(t.x, y));
  ImGui::Dummy(ImVec2(c.width, 0));

  // Each source's count: boxes opened and time.
  o = ImGui::GetCursorScreenPos();
  y = o.y + c.px(10);
  for (const std::string& line : v.lines) {
    y += wrapped(dl, c.fonts.small, o.x, y, c.width, c.pal.secondary, line) + c.px(4);
  }
  ImGui::SetCursorScreenPos(ImVec2(o.x, y + c.px(4)));
  ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace sandik::ui
