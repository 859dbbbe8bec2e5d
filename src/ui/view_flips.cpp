#include "view_flips.h"

#include "draw.h"

namespace sandik::ui {

void draw_flips(const ViewContext& c, const FlipsView& v) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  float y = o.y;
  y += wrapped(dl, c.fonts.title, o.x, y, c.width, c.pal.text, v.title) + c.px(4);
  if (!v.subtitle.empty()) {
    y += wrapped(dl, c.fonts.small, o.x, y, c.width, c.pal.secondary, v.subtitle) + c.px(12);
  }
  if (!v.empty.empty()) {
    text(dl, c.fonts.body, o.x, y, c.pal.secondary, v.empty);
    y += c.fonts.body->FontSize + c.px(8);
  }
  int i = 0;
  const float pad_x = c.px(6), pad_y = c.px(3), gap = c.px(6);
  for (const FlipsView::Row& r : v.rows) {
    const float chip_w = 2 * pad_x;
    const FlipRowLayout l =
        flip_row_layout(c.width, text_width(c.fonts.strong, r.name), text_width(c.fonts.small, r.from.text) + chip_w,
                        text_width(c.fonts.strong, "→"), text_width(c.fonts.small, r.to.text) + chip_w,
                        text_width(c.fonts.body, r.margin), gap);
    const float line_h = c.px(40), row_h = l.two_lines ? line_h + c.fonts.small->FontSize + c.px(2) : line_h;
    ImGui::SetCursorScreenPos(ImVec2(o.x, y));
    ImGui::PushID(i++);
    if (ImGui::InvisibleButton("flip", ImVec2(c.width, row_h))) c.act.open_area = r.area;
    const bool hov = ImGui::IsItemHovered();
    ImGui::PopID();
    if (hov) dl->AddRectFilled(ImVec2(o.x - c.px(4), y), ImVec2(o.x + c.width, y + row_h), col(c.pal.track), c.px(4));
    const float ty = y + (line_h - c.fonts.strong->FontSize) / 2;
    text(dl, c.fonts.strong, o.x, ty, c.pal.text, fit(c.fonts.strong, r.name, l.name_w - gap));
    chip(dl, c.fonts.small, o.x + l.from_x, ty, r.from.color, r.from.text, pad_x, pad_y, pad_y);
    text(dl, c.fonts.strong, o.x + l.arrow_x, ty, c.pal.secondary, "→");
    chip(dl, c.fonts.small, o.x + l.to_x, ty, r.to.color, r.to.text, pad_x, pad_y, pad_y);
    if (l.two_lines)  // under the chips
      text_right(dl, c.fonts.small, o.x + l.margin_right, y + line_h - c.px(4), c.pal.secondary, r.margin);
    else
      text_right(dl, c.fonts.body, o.x + l.margin_right, ty, c.pal.secondary, r.margin);
    dl->AddLine(ImVec2(o.x, y + row_h), ImVec2(o.x + c.width, y + row_h), col(c.pal.rule, 0.6f), c.px(1));
    y += row_h;
  }
  ImGui::SetCursorScreenPos(ImVec2(o.x, y + c.px(8)));
  ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace sandik::ui
