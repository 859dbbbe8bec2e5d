#include "view_table.h"

#include <algorithm>

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
  std::vector<Col> cols = {kName, kLeader};
  if (!narrow) cols.insert(cols.end(), {kShare, kRunnerUp});
  cols.push_back(kMargin);
  if (wide) cols.insert(cols.end(), {kReporting, kTurnout});
  const bool previous = std::any_of(m.rows.begin(), m.rows.end(), [](const TableRow& r) { return r.previous_winner >= 0; });
  const bool swing = std::any_of(m.rows.begin(), m.rows.end(), [](const TableRow& r) { return r.swing_pct_points.has_value(); });
  if (!narrow && previous) cols.push_back(kPrevious);
  if (wide && swing) cols.push_back(kSwing);

  const float row_h = c.px(34);
  const bool scroll = m.rows.size() > 40;  // short tables let the page scroll; long ones scroll inside
  ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                          ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_NoSavedSettings;
  if (scroll) flags |= ImGuiTableFlags_ScrollY;
  const float height = scroll ? c.px(560) : 0;
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(c.px(6), c.px(6)));
  if (!ImGui::BeginTable("districts", static_cast<int>(cols.size()), flags, ImVec2(c.width, height))) {
    ImGui::PopStyleVar();
    return;
  }
  ImGui::TableSetupScrollFreeze(0, 1);
  for (Col k : cols) {
    const char* label = "";
    SortKey key = SortKey::Name;
    float weight = 1;
    ImGuiTableColumnFlags f = ImGuiTableColumnFlags_PreferSortAscending;
    switch (k) {
      case kName: label = str(area_column(m), lang); weight = 1.6f; break;
      case kLeader: label = str(Str::ColLeader, lang); key = SortKey::Leader; weight = 2.0f; break;
      case kShare: label = str(Str::ColLeaderShare, lang); key = SortKey::Margin; weight = 0.9f; f = ImGuiTableColumnFlags_NoSort; break;
      case kRunnerUp: label = str(Str::ColRunnerUp, lang); weight = 0.9f; f = ImGuiTableColumnFlags_NoSort; break;
      case kMargin: label = str(Str::ColMargin, lang); key = SortKey::Margin; weight = 0.9f; f = ImGuiTableColumnFlags_PreferSortDescending; break;
      case kReporting: label = str(Str::ColReporting, lang); key = SortKey::Reporting; weight = 0.9f; break;
      case kTurnout: label = str(Str::ColTurnout, lang); key = SortKey::Turnout; weight = 0.9f; f = ImGuiTableColumnFlags_PreferSortDescending; break;
      case kPrevious: label = m.race->previous->label.c_str(); key = SortKey::Swing; weight = 1.3f; f = ImGuiTableColumnFlags_NoSort; break;
      case kSwing: label = str(Str::ColSwing, lang); key = SortKey::Swing; weight = 0.9f; f = ImGuiTableColumnFlags_PreferSortDescending; break;
    }
    if (k == kName && m.query.sort == SortKey::Name) f |= ImGuiTableColumnFlags_DefaultSort;
    ImGui::TableSetupColumn(label, f, weight, static_cast<ImGuiID>(key));
  }
  ImGui::PushFont(c.fonts.strong);
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (std::size_t ci = 0; ci < cols.size(); ++ci) {
    if (!ImGui::TableSetColumnIndex(static_cast<int>(ci))) continue;
    ImGui::TableHeader(ImGui::TableGetColumnName(static_cast<int>(ci)));
    static const char* kNames[] = {"name", "leader", "share", "runner-up", "margin", "reporting", "turnout", "previous", "swing"};
    c.region(std::string("header:") + kNames[cols[ci]]);
  }
  ImGui::PopFont();
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs()) {
    if (specs->SpecsDirty && specs->SpecsCount > 0) {
      const auto key = static_cast<SortKey>(specs->Specs[0].ColumnUserID);
      const bool desc = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
      if (key != m.query.sort || desc != m.query.desc) c.act.sort = std::make_pair(key, desc);
      specs->SpecsDirty = false;
    }
  }

  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(m.rows.size()), row_h);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const TableRow& r = m.rows[static_cast<std::size_t>(i)];
      ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
      for (std::size_t ci = 0; ci < cols.size(); ++ci) {
        ImGui::TableSetColumnIndex(static_cast<int>(ci));
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float cw = ImGui::GetContentRegionAvail().x;
        const float ty = p.y + (row_h - c.fonts.body->FontSize) / 2 - c.px(6);
        switch (cols[ci]) {
          case kName: {
            ImGui::PushID(i);
            if (ImGui::Selectable("##row", false, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                                  ImVec2(0, row_h - c.px(12))))
              c.act.open_area = r.area;
            c.region("row:" + feed.areas[static_cast<std::size_t>(r.area)].id);
            ImGui::PopID();
            text(dl, c.fonts.strong, p.x, ty, c.pal.text, fit(c.fonts.strong, *r.name, cw));
            break;
          }
          case kLeader: {
            float x = p.x;
            if (r.leader_party >= 0 && !r.tied) {
              const float sw = c.px(10);
              dl->AddRectFilled(ImVec2(x, ty + c.px(3)), ImVec2(x + sw, ty + c.px(3) + sw), col(party_color(feed, r.leader_party)), c.px(2));
              x += sw + c.px(6);
            }
            std::string who = leader_name(m, r, lang);
            if (text_width(c.fonts.body, who) > p.x + cw - x && m.race->kind == RaceKind::Candidate) who = surname(who);
            text(dl, c.fonts.body, x, ty, c.pal.text, fit(c.fonts.body, who, p.x + cw - x));
            break;
          }
          case kShare:
            if (r.has_results) text_right(dl, c.fonts.body, p.x + cw, ty, c.pal.text, format_percent(r.leader_share_pct, lang));
            break;
          case kRunnerUp:
            if (r.has_results && r.runner_up >= 0)
              text_right(dl, c.fonts.body, p.x + cw, ty, c.pal.secondary, format_percent(r.runner_up_share_pct, lang));
            break;
          case kMargin:
            if (r.has_results) text_right(dl, c.fonts.strong, p.x + cw, ty, c.pal.text, format_decimal(r.margin_pct_points, lang, 1));
            break;
          case kReporting: text_right(dl, c.fonts.body, p.x + cw, ty, c.pal.secondary, opt_pct(r.reporting_pct, lang)); break;
          case kTurnout: text_right(dl, c.fonts.body, p.x + cw, ty, c.pal.secondary, opt_pct(r.turnout_pct, lang)); break;
          case kPrevious:
            if (r.flipped) {
              chip(dl, c.fonts.small, p.x, ty, party_color(feed, r.leader_party), previous_text(m, r), c.px(5), c.px(2), c.px(3));
            } else if (r.previous_winner >= 0) {
              text(dl, c.fonts.body, p.x, ty, c.pal.secondary, fit(c.fonts.body, previous_text(m, r), cw));
            }
            break;
          case kSwing:
            if (r.swing_pct_points) {
              const double v = *r.swing_pct_points;
              text_right(dl, c.fonts.body, p.x + cw, ty, c.pal.secondary, (v > 0 ? "+" : "") + format_decimal(v, lang, 1));
            }
            break;
        }
      }
    }
  }
  ImGui::EndTable();
  ImGui::PopStyleVar();
}

}  // namespace sandik::ui
