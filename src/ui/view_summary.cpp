#include "view_summary.h"

#include <algorithm>

#include "draw.h"

namespace sandik::ui {

void draw_summary(const ViewContext& c, const SummaryView& v) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float x0 = origin.x, w = c.width - c.px(2);
  float y = origin.y;
  const Palette& pal = c.pal;

  // Status chip and "as of" line.
  const std::uint32_t chip_bg = v.status_kind == StatusKind::Final  ? pal.final_
                                : v.status_kind == StatusKind::Test ? pal.test
                                                                    : pal.live;
  const float chip_w = chip(dl, c.fonts.small, x0, y, chip_bg, v.status, c.px(6), c.px(3), c.px(3));
  const float chip_h = c.fonts.small->FontSize + c.px(6);
  const float room = w - chip_w - c.px(12);
  const std::string& line = text_width(c.fonts.small, v.source_line) > room ? v.source_line_short : v.source_line;
  text_right(dl, c.fonts.small, x0 + w, y + c.px(3), pal.secondary, fit(c.fonts.small, line, room));
  y += chip_h + c.px(10);
  if (!v.test_banner.empty()) {
    dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + w, y + c.fonts.strong->FontSize + c.px(10)), col(pal.test, 0.18f),
                      c.px(3));
    text(dl, c.fonts.strong, x0 + c.px(8), y + c.px(5), pal.text, fit(c.fonts.strong, v.test_banner, w - c.px(16)));
    y += c.fonts.strong->FontSize + c.px(18);
  }

  // Title: the race, then the area and the election.
  text(dl, c.fonts.title, x0, y, pal.text, fit(c.fonts.title, v.title, w));
  y += c.fonts.title->FontSize + c.px(2);
  text(dl, c.fonts.small, x0, y, pal.secondary, fit(c.fonts.small, v.subtitle, w));
  y += c.fonts.small->FontSize + c.px(12);
  if (!v.unofficial.empty()) {  // an agency's or a party's count: said before any figure
    y -= c.px(8);
    text(dl, c.fonts.small, x0, y, pal.text, fit(c.fonts.small, v.unofficial, w));
    y += c.fonts.small->FontSize + c.px(12);
  }

  // Ballot boxes opened.
  if (v.reporting_pct) {
    text(dl, c.fonts.body, x0, y, pal.text, v.reporting);
    y += c.fonts.body->FontSize + c.px(4);
    const float h = c.px(6);
    dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + w, y + h), col(pal.track), h / 2);
    const float fill = static_cast<float>(std::clamp(*v.reporting_pct, 0.0, 100.0) / 100.0) * w;
    if (fill > 0) dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + std::max(fill, h), y + h), col(pal.accent), h / 2);
    y += h + c.px(16);
  }

  // One bar per leading contestant; the rest grouped, and opened with a tap.
  int index = 0;
  for (const Bar& b : v.bars) {
    const float row_top = y;
    const float share_w = text_width(c.fonts.figure, b.share);
    const float stripe = c.px(4);
    const float row_h = c.fonts.strong->FontSize + c.fonts.small->FontSize + c.px(4);
    // A photo or logo beside the name, where the feed names any: the place is kept while it
    // loads (and if it fails), so nothing moves when it comes.
    const float picture = v.images ? row_h : 0;
    const float tx = x0 + stripe + c.px(8) + (picture > 0 ? picture + c.px(8) : 0);
    dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + stripe, y + row_h), col(b.color));
    if (picture > 0 && b.contestant >= 0) {
      const ImVec2 p0(x0 + stripe + c.px(8), y), p1(p0.x + picture, y + picture);
      dl->AddRectFilled(p0, p1, col(pal.track), c.px(4));
      if (const std::uintptr_t tex = c.image(b.image, b.photo))
        dl->AddImageRounded(reinterpret_cast<ImTextureID>(tex), p0, p1, ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE,
                            c.px(4));
    }
    const float check = b.winner ? c.fonts.small->FontSize * 0.7f + c.px(4) : 0;
    const float tag_w = b.tag.empty() ? 0 : text_width(c.fonts.small, b.tag) + c.px(10) + check;
    // The tag sits after the name, or under it beside the party when the name needs the room.
    const float name_room = w - (tx - x0) - share_w - c.px(16);
    const bool tag_below = !b.tag.empty() && text_width(c.fonts.strong, b.name) + tag_w + c.px(8) > name_room;
    const std::string shown_name =
        fit(c.fonts.strong, b.name, name_room - (tag_below || b.tag.empty() ? 0 : tag_w + c.px(8)));
    text(dl, c.fonts.strong, tx, y, b.contestant >= 0 ? pal.text : pal.accent, shown_name);
    if (!b.tag.empty()) {
      const float gx = tag_below ? tx + (b.party.empty() ? 0 : text_width(c.fonts.small, b.party) + c.px(8))
                                 : tx + text_width(c.fonts.strong, shown_name) + c.px(8);
      const float gy = tag_below ? y + c.fonts.strong->FontSize + c.px(2) : y;
      const std::uint32_t tag_bg = b.winner ? b.color : pal.track;
      const std::uint32_t fg = b.winner ? text_on(tag_bg) : pal.text;
      dl->AddRectFilled(ImVec2(gx, gy + c.px(1)), ImVec2(gx + tag_w, gy + c.fonts.small->FontSize + c.px(4)),
                        col(tag_bg), c.px(3));
      if (b.winner)
        draw_check(dl, gx + c.px(5), gy + c.px(1) + c.fonts.small->FontSize * 0.25f, c.fonts.small->FontSize * 0.6f,
                   col(fg));
      text(dl, c.fonts.small, gx + c.px(5) + check, gy + c.px(2), fg, b.tag);
    }
    text_right(dl, c.fonts.figure, x0 + w, y - c.px(2), pal.text, b.share);
    y += c.fonts.strong->FontSize + c.px(2);
    if (!b.party.empty()) text(dl, c.fonts.small, tx, y, pal.secondary, fit(c.fonts.small, b.party, w * 0.55f));
    if (!b.votes.empty()) text_right(dl, c.fonts.small, x0 + w, y + c.px(2), pal.secondary, b.votes);
    y += c.fonts.small->FontSize + c.px(8);
    const float h = c.px(10);
    dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + w, y + h), col(pal.track), c.px(2));
    const double shown = b.contestant >= 0 ? c.bar_share(b.contestant, b.share_pct) : b.share_pct;
    const float fill = static_cast<float>(std::clamp(shown, 0.0, 100.0) / 100.0) * w;
    if (fill > 0.5f) dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + fill, y + h), col(b.color), c.px(2));
    y += h + c.px(16);
    if (b.contestant < 0) {  // the grouped row opens the full list
      ImGui::SetCursorScreenPos(ImVec2(x0, row_top));
      ImGui::PushID(index);
      if (ImGui::InvisibleButton("others", ImVec2(w, y - row_top - c.px(8)))) c.act.toggle_others = true;
      c.region("others");
      ImGui::PopID();
    }
    ++index;
  }
  if (!v.fewer.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(x0, y));
    if (ImGui::InvisibleButton("fewer",
                               ImVec2(text_width(c.fonts.strong, v.fewer), c.fonts.strong->FontSize + c.px(6))))
      c.act.toggle_others = true;
    text(dl, c.fonts.strong, x0, y, pal.accent, v.fewer);
    y += c.fonts.strong->FontSize + c.px(14);
  }

  // The margin in words.
  if (!v.margin.empty()) {
    dl->AddLine(ImVec2(x0, y), ImVec2(x0 + w, y), col(pal.rule), c.px(1));
    y += c.px(10);
    y += wrapped(dl, c.fonts.strong, x0, y, w, pal.text, v.margin) + c.px(4);
  }
  ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
  ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace sandik::ui
