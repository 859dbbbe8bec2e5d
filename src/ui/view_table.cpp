#include "view_table.h"

#include <algorithm>
#include <optional>

#include "draw.h"
#include "strings.h"

namespace sandik::ui {
namespace {

Str area_column(const Model& m) {
  const auto& children = m.feed->areas[static_cast<std::size_t>(m.area)].children;
  const std::string& level = children.empty() ? std::string() : m.feed->areas[static_cast<std::size_t>(children[0])].level;
  if (level == "district") return Str::ColDistrict;
  if (level == "neighbourhood" || level == "mahalle") return Str::ColNeighbourhood;
  if (level == "ballot box" || level == "box" || level == "sandik") return Str::ColBox;
  return Str::ColArea;
}

std::string leader_name(const Model& m, const TableRow& r, Lang lang) {
  if (!r.has_results) return "–";
  if (r.tied) return str(Str::Tied, lang);
  if (r.leader < 0) return "–";
  return m.race->kind == RaceKind::Candidate ? m.feed->contestant_name(*m.race, r.leader) : party_short(*m.feed, r.leader_party);
}

std::string previous_text(const Model& m, const TableRow& r) {
  if (r.previous_winner < 0) return "";
  if (!r.flipped) return party_short(*m.feed, r.previous_winner);
  return party_short(*m.feed, r.previous_winner) + " → " + party_short(*m.feed, r.leader_party);
}

std::string opt_pct(const std::optional<double>& v, Lang lang) { return v ? format_percent(*v, lang, 1) : "–"; }

enum Col { kName, kLeader, kShare, kRunnerUp, kMargin, kReporting, kTurnout, kPrevious, kSwing };

}  // namespace

AccessibleSection describe_table(const Model& m, Lang lang) {
  AccessibleSection sec;
  const std::string area = m.feed->areas[static_cast<std::size_t>(m.area)].name;
  sec.caption = std::string(str(area_column(m), lang)) + " — " + m.race->title.get(lang_code(lang)) + ", " + area;
  sec.sentence = std::to_string(m.rows.size()) + " " + (lang == Lang::Tr ? "satır" : "rows") + ", " +
                 (lang == Lang::Tr ? "sıralama: " : "sorted by ") + sort_key_name(m.query.sort) +
                 (m.query.desc ? (lang == Lang::Tr ? " (azalan)" : " (descending)") : "") + ".";
  sec.columns = {str(area_column(m), lang), str(Str::ColLeader, lang), str(Str::ColLeaderShare, lang),
                 str(Str::ColRunnerUp, lang), str(Str::ColMargin, lang), str(Str::ColReporting, lang),
                 str(Str::ColTurnout, lang), m.race->previous ? m.race->previous->label : str(Str::ColPrevious, lang)};
  for (const TableRow& r : m.rows) {
    std::string prev = previous_text(m, r);
    if (r.flipped) prev += " (" + std::string(str(Str::Flipped, lang)) + ")";
    sec.rows.push_back({*r.name, leader_name(m, r, lang),
                        r.has_results ? format_percent(r.leader_share_pct, lang) : "–",
                        r.has_results && r.runner_up >= 0 ? format_percent(r.runner_up_share_pct, lang) : "–",
                        r.has_results ? format_decimal(r.margin_pct_points, lang) + " " + str(Str::Points, lang) : "–",
                        opt_pct(r.reporting_pct, lang), opt_pct(r.turnout_pct, lang), prev});
  }
  return sec;
}

void draw_table(const ViewContext& c) {
  const Model& m = c.model;
  const Feed& feed = *m.feed;
  const Lang lang = c.lang;
  // 320 px: name, leader, margin; 480 px: + shares and the previous winner; 760 px: everything.
  const bool narrow = c.css_width() < 480, wide = c.css_width() >= 760;
  std::vector<Col> kinds = {kName, kLeader};
  if (!narrow) kinds.insert(kinds.end(), {kShare, kRunnerUp});
  kinds.push_back(kMargin);
  if (wide) kinds.insert(kinds.end(), {kReporting, kTurnout});
  const bool previous = std::any_of(m.rows.begin(), m.rows.end(), [](const TableRow& r) { return r.previous_winner >= 0; });
  const bool swing = std::any_of(m.rows.begin(), m.rows.end(), [](const TableRow& r) { return r.swing_pct_points.has_value(); });
  if (!narrow && previous) kinds.push_back(kPrevious);
  if (wide && swing) kinds.push_back(kSwing);

  // Columns share the width by weight; numbers are right-aligned under right-aligned headings.
  struct Column {
    Col kind;
    const char* label;
    std::optional<SortKey> key;  // none: not sortable
    bool prefer_desc, right;
    float weight, x = 0, w = 0;
  };
  std::vector<Column> cols;
  for (Col k : kinds) {
    switch (k) {
      case kName: cols.push_back({k, str(area_column(m), lang), SortKey::Name, false, false, 1.6f}); break;
      case kLeader: cols.push_back({k, str(Str::ColLeader, lang), SortKey::Leader, false, false, 2.0f}); break;
      case kShare: cols.push_back({k, str(Str::ColLeaderShare, lang), std::nullopt, false, true, 0.9f}); break;
      case kRunnerUp: cols.push_back({k, str(Str::ColRunnerUp, lang), std::nullopt, false, true, 0.9f}); break;
      case kMargin: cols.push_back({k, str(Str::ColMargin, lang), SortKey::Margin, true, true, 0.9f}); break;
      case kReporting: cols.push_back({k, str(Str::ColReporting, lang), SortKey::Reporting, false, true, 0.9f}); break;
      case kTurnout: cols.push_back({k, str(Str::ColTurnout, lang), SortKey::Turnout, true, true, 0.9f}); break;
      case kPrevious: cols.push_back({k, m.race->previous->label.c_str(), std::nullopt, false, false, 1.3f}); break;
      case kSwing: cols.push_back({k, str(Str::ColSwing, lang), SortKey::Swing, true, true, 0.9f}); break;
    }
  }
  const float pad = c.px(6), row_h = c.px(34), head_h = c.px(34);
  float total = 0;
  for (const Column& col : cols) total += col.weight;
  const ImVec2 o = ImGui::GetCursorScreenPos();
  float x = o.x;
  for (Column& col : cols) {
    col.x = x;
    col.w = c.width * col.weight / total;
    x += col.w;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 rule = col(c.pal.rule), rule_light = col(c.pal.rule, 0.7f), zebra = col(c.pal.track, 0.35f);

  // Headings: a tap sorts by the column (again: the other way); the sorted one shows ▲ or ▼.
  static const char* kNames[] = {"name", "leader", "share", "runner-up", "margin", "reporting", "turnout", "previous", "swing"};
  ImGui::PushID("head");
  for (std::size_t i = 0; i < cols.size(); ++i) {
    const Column& col = cols[i];
    ImGui::SetCursorScreenPos(ImVec2(col.x, o.y));
    ImGui::PushID(static_cast<int>(i));
    const bool clicked = ImGui::InvisibleButton("h", ImVec2(col.w, head_h));
    const bool hovered = col.key && ImGui::IsItemHovered();
    c.region(std::string("header:") + kNames[col.kind]);
    ImGui::PopID();
    if (clicked && col.key) {
      const bool same = *col.key == m.query.sort;
      c.act.sort = std::make_pair(*col.key, same ? !m.query.desc : col.prefer_desc);
    }
    std::string label = col.label;
    if (col.key && *col.key == m.query.sort) label += m.query.desc ? " \u25BC" : " \u25B2";
    const float ty = o.y + (head_h - c.fonts.strong->FontSize) / 2;
    const std::uint32_t ink = hovered ? c.pal.accent : c.pal.text;
    if (col.right) text_right(dl, c.fonts.strong, col.x + col.w - pad, ty, ink, fit(c.fonts.strong, label, col.w - 2 * pad));
    else text(dl, c.fonts.strong, col.x + pad, ty, ink, fit(c.fonts.strong, label, col.w - 2 * pad));
  }
  ImGui::PopID();
  dl->AddLine(ImVec2(o.x, o.y + head_h - c.px(1)), ImVec2(o.x + c.width, o.y + head_h - c.px(1)), rule, c.px(1));

  // Rows: short tables let the page scroll; long ones scroll inside, under the headings.
  const bool scroll = m.rows.size() > 40;
  ImGui::SetCursorScreenPos(ImVec2(o.x, o.y + head_h));
  if (scroll) {
    ImGui::BeginChild("rows", ImVec2(c.width, c.px(560) - head_h), false, ImGuiWindowFlags_NoBackground);
    dl = ImGui::GetWindowDrawList();
    if (c.ui.scroll_to_focus) {  // the keyboard moved to a row: bring it into view
      for (std::size_t i = 0; i < m.rows.size(); ++i) {
        if ("row:" + feed.areas[static_cast<std::size_t>(m.rows[i].area)].id != c.ui.focus) continue;
        const float top = static_cast<float>(i) * row_h, view = ImGui::GetWindowHeight();
        if (top < ImGui::GetScrollY()) ImGui::SetScrollY(top);
        else if (top + row_h > ImGui::GetScrollY() + view) ImGui::SetScrollY(top + row_h - view);
      }
    }
  }
  const float rows_x = ImGui::GetCursorScreenPos().x;
  const float rows_w = scroll ? ImGui::GetContentRegionAvail().x : c.width;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(m.rows.size()), row_h);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const TableRow& r = m.rows[static_cast<std::size_t>(i)];
      const float y = ImGui::GetCursorScreenPos().y;
      ImGui::PushID(i);
      if (ImGui::InvisibleButton("row", ImVec2(rows_w, row_h))) c.act.open_area = r.area;
      const bool hovered = ImGui::IsItemHovered();
      c.region("row:" + feed.areas[static_cast<std::size_t>(r.area)].id);
      ImGui::PopID();
      if (hovered) dl->AddRectFilled(ImVec2(rows_x, y), ImVec2(rows_x + rows_w, y + row_h), col(c.pal.track, 0.8f));
      else if (i % 2 == 1) dl->AddRectFilled(ImVec2(rows_x, y), ImVec2(rows_x + rows_w, y + row_h), zebra);
      dl->AddLine(ImVec2(rows_x, y + row_h - c.px(1)), ImVec2(rows_x + rows_w, y + row_h - c.px(1)), rule_light, c.px(1));
      const float ty = y + (row_h - c.fonts.body->FontSize) / 2;
      for (const Column& cl : cols) {
        const float cx = cl.x - o.x + rows_x + pad, cw = std::min(cl.w, rows_x + rows_w - (cl.x - o.x + rows_x)) - 2 * pad;
        const float right = cx + cw;
        switch (cl.kind) {
          case kName: text(dl, c.fonts.strong, cx, ty, c.pal.text, fit(c.fonts.strong, *r.name, cw)); break;
          case kLeader: {
            float lx = cx;
            if (r.leader_party >= 0 && !r.tied) {
              const float sw = c.px(10);
              dl->AddRectFilled(ImVec2(lx, ty + c.px(3)), ImVec2(lx + sw, ty + c.px(3) + sw), col(party_color(feed, r.leader_party)), c.px(2));
              lx += sw + c.px(6);
            }
            std::string who = leader_name(m, r, lang);
            if (text_width(c.fonts.body, who) > right - lx && m.race->kind == RaceKind::Candidate) who = surname(who);
            text(dl, c.fonts.body, lx, ty, c.pal.text, fit(c.fonts.body, who, right - lx));
            break;
          }
          case kShare:
            if (r.has_results) text_right(dl, c.fonts.body, right, ty, c.pal.text, format_percent(r.leader_share_pct, lang));
            break;
          case kRunnerUp:
            if (r.has_results && r.runner_up >= 0)
              text_right(dl, c.fonts.body, right, ty, c.pal.secondary, format_percent(r.runner_up_share_pct, lang));
            break;
          case kMargin:
            if (r.has_results) text_right(dl, c.fonts.strong, right, ty, c.pal.text, format_decimal(r.margin_pct_points, lang, 1));
            break;
          case kReporting: text_right(dl, c.fonts.body, right, ty, c.pal.secondary, opt_pct(r.reporting_pct, lang)); break;
          case kTurnout: text_right(dl, c.fonts.body, right, ty, c.pal.secondary, opt_pct(r.turnout_pct, lang)); break;
          case kPrevious:
            if (r.flipped) {
              chip(dl, c.fonts.small, cx, ty, party_color(feed, r.leader_party), previous_text(m, r), c.px(5), c.px(2), c.px(3));
            } else if (r.previous_winner >= 0) {
              text(dl, c.fonts.body, cx, ty, c.pal.secondary, fit(c.fonts.body, previous_text(m, r), cw));
            }
            break;
          case kSwing:
            if (r.swing_pct_points) {
              const double v = *r.swing_pct_points;
              text_right(dl, c.fonts.body, right, ty, c.pal.secondary, (v > 0 ? "+" : "") + format_decimal(v, lang, 1));
            }
            break;
        }
      }
    }
  }
  clipper.End();
  if (scroll) ImGui::EndChild();
}

}  // namespace sandik::ui
