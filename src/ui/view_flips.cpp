#include "view_flips.h"

#include "draw.h"

namespace sandik::ui {

void draw_flips(const ViewContext& c, const FlipsView& v) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  float y = o.y;
  text(dl, c.fonts.title, o.x, y, c.pal.text, fit(c.fonts.title, v.title, c.width));
  y += c.fonts.title->FontSize + c.px(4);
  if (!v.subtitle.empty()) {
    text(dl, c.fonts.small, o.x, y, c.pal.secondary, fit(c.fonts.small, v.subtitle, c.width));
    y += c.fonts.small->FontSize + c.px(12);
  }
  if (!v.empty.empty()) {
    text(dl, c.fonts.body, o.x, y, c.pal.secondary, v.empty);
    y += c.fonts.body->FontSize + c.px(8);
  }
  const float row_h = c.px(40);
  int i = 0;
  for (const FlipsView::Row& r : v.rows) {
    ImGui::SetCursorScreenPos(ImVec2(o.x, y));
    ImGui::PushID(i++);
    if (ImGui::InvisibleButton("flip", ImVec2(c.width, row_h))) c.act.open_area = r.area;
    const bool hov = ImGui::IsItemHovered();
    ImGui::PopID();
    if (hov) dl->AddRectFilled(ImVec2(o.x - c.px(4), y), ImVec2(o.x + c.width, y + row_h), col(c.pal.track), c.px(4));
    const float ty = y + (row_h - c.fonts.strong->FontSize) / 2;
    const float name_w = std::min(c.width * 0.38f, c.px(200));
    text(dl, c.fonts.strong, o.x, ty, c.pal.text, fit(c.fonts.strong, r.name, name_w - c.px(8)));
    float x = o.x + name_w;
    x += chip(dl, c.fonts.small, x, ty, r.from.color, r.from.text, c.px(6), c.px(3), c.px(3));
    text(dl, c.fonts.strong, x + c.px(6), ty, c.pal.secondary, "→");
    x += c.px(26);
    chip(dl, c.fonts.small, x, ty, r.to.color, r.to.text, c.px(6), c.px(3), c.px(3));
    text_right(dl, c.fonts.body, o.x + c.width, ty, c.pal.secondary, r.margin);
    dl->AddLine(ImVec2(o.x, y + row_h), ImVec2(o.x + c.width, y + row_h), col(c.pal.rule, 0.6f), c.px(1));
    y += row_h;
  }
  ImGui::SetCursorScreenPos(ImVec2(o.x, y + c.px(8)));
  ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace sandik::ui
