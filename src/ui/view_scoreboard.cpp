#include "view_scoreboard.h"

#include "draw.h"

namespace sandik::ui {

// "Büyükşehir belediye başkanlıkları · 30 başkanlık", a bar of 30 in the parties' colours (the
// rest: not counted, or tied), then "■ CHP 14 (+3)  ■ AK Parti 12 (−3) …" wrapped to the width.
void draw_scoreboard(const ViewContext& c, const ScoreboardView& v) {
  if (v.levels.empty()) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  float y = o.y + c.px(16);
  text(dl, c.fonts.strong, o.x, y, c.pal.text, fit(c.fonts.strong, v.title, c.width));
  y += c.fonts.strong->FontSize + c.px(8);
  for (const ScoreboardView::Level& l : v.levels) {
    text(dl, c.fonts.small, o.x, y, c.pal.secondary, fit(c.fonts.small, l.title + " · " + l.total, c.width));
    y += c.fonts.small->FontSize + c.px(4);
    const float h = c.px(10), gap = c.px(1);
    dl->AddRectFilled(ImVec2(o.x, y), ImVec2(o.x + c.width, y + h), col(c.pal.track), c.px(2));
    float x = o.x;
    for (const ScoreboardView::Row& r : l.compact) {
      if (l.offices <= 0) continue;
      const float w = c.width * static_cast<float>(r.count) / static_cast<float>(l.offices);
      dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w - gap, y + h), col(r.color));
      x += w;
    }
    y += h + c.px(6);
    float cx = o.x;
    const float sw = c.px(9), line = c.fonts.small->FontSize + c.px(4);
    for (const ScoreboardView::Row& r : l.compact) {
      const float w = sw + c.px(4) + text_width(c.fonts.small, r.chip);
      if (cx > o.x && cx + w > o.x + c.width) {
        cx = o.x;
        y += line;
      }
      dl->AddRectFilled(ImVec2(cx, y + c.px(3)), ImVec2(cx + sw, y + c.px(3) + sw), col(r.color), c.px(2));
      text(dl, c.fonts.small, cx + sw + c.px(4), y, c.pal.text, r.chip);
      cx += w + c.px(12);
    }
    y += line + c.px(6);
  }
  ImGui::SetCursorScreenPos(ImVec2(o.x, y));
  ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace sandik::ui
