#include "view_flips.h"

#include "draw.h"
#include "strings.h"

namespace sandik::ui {

AccessibleSection describe_flips(const Model& m, Lang lang) {
  AccessibleSection sec;
  const Feed& f = *m.feed;
  sec.caption = std::string(str(Str::FlipsTitle, lang)) + " (" + std::to_string(m.flips.size()) + ")";
  if (!m.race->previous) {
    sec.sentence = str(Str::NoPrevious, lang);
    return sec;
  }
  sec.sentence = m.flips.empty() ? str(Str::NoFlips, lang)
                                 : m.race->title.get(lang_code(lang)) + ": " + std::to_string(m.flips.size()) + " " +
                                       (lang == Lang::Tr ? "yer el değiştirdi." : "areas changed hands.");
  sec.columns = {str(Str::ColArea, lang), m.race->previous->label, str(Str::ColLeader, lang), str(Str::ColMargin, lang)};
  for (const TableRow& r : m.flips)
    sec.rows.push_back({*r.name, party_short(f, r.previous_winner), party_short(f, r.leader_party),
                        format_decimal(r.margin_pct_points, lang) + " " + str(Str::Points, lang)});
  return sec;
}

void draw_flips(const ViewContext& c) {
  const Model& m = c.model;
  const Feed& feed = *m.feed;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  float y = o.y;
  const std::string title = std::string(str(Str::FlipsTitle, c.lang)) + " (" + std::to_string(m.flips.size()) + ")";
  text(dl, c.fonts.title, o.x, y, c.pal.text, fit(c.fonts.title, title, c.width));
  y += c.fonts.title->FontSize + c.px(4);
  if (m.race->previous) {
    text(dl, c.fonts.small, o.x, y, c.pal.secondary,
         fit(c.fonts.small, m.race->title.get(lang_code(c.lang)) + " · " + m.race->previous->label + " → " +
                                feed.election.title.get(lang_code(c.lang)), c.width));
    y += c.fonts.small->FontSize + c.px(12);
  }
  if (!m.race->previous || m.flips.empty()) {
    text(dl, c.fonts.body, o.x, y, c.pal.secondary, str(m.race->previous ? Str::NoFlips : Str::NoPrevious, c.lang));
    y += c.fonts.body->FontSize + c.px(8);
  }
  const float row_h = c.px(40);
  int i = 0;
  for (const TableRow& r : m.flips) {
    ImGui::SetCursorScreenPos(ImVec2(o.x, y));
    ImGui::PushID(i++);
    if (ImGui::InvisibleButton("flip", ImVec2(c.width, row_h))) c.act.open_area = r.area;
    const bool hov = ImGui::IsItemHovered();
    ImGui::PopID();
    if (hov) dl->AddRectFilled(ImVec2(o.x - c.px(4), y), ImVec2(o.x + c.width, y + row_h), col(c.pal.track), c.px(4));
    const float ty = y + (row_h - c.fonts.strong->FontSize) / 2;
    const float name_w = std::min(c.width * 0.38f, c.px(200));
    text(dl, c.fonts.strong, o.x, ty, c.pal.text, fit(c.fonts.strong, *r.name, name_w - c.px(8)));
    float x = o.x + name_w;
    x += chip(dl, c.fonts.small, x, ty, party_color(feed, r.previous_winner), party_short(feed, r.previous_winner), c.px(6),
              c.px(3), c.px(3));
    text(dl, c.fonts.strong, x + c.px(6), ty, c.pal.secondary, "→");
    x += c.px(26);
    chip(dl, c.fonts.small, x, ty, party_color(feed, r.leader_party), party_short(feed, r.leader_party), c.px(6), c.px(3), c.px(3));
    text_right(dl, c.fonts.body, o.x + c.width, ty, c.pal.secondary,
               "+" + format_decimal(r.margin_pct_points, c.lang, 1) + " " + str(Str::Points, c.lang));
    dl->AddLine(ImVec2(o.x, y + row_h), ImVec2(o.x + c.width, y + row_h), col(c.pal.rule, 0.6f), c.px(1));
    y += row_h;
  }
  ImGui::SetCursorScreenPos(ImVec2(o.x, y + c.px(8)));
  ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace sandik::ui
