// The widget's drawing: tabs, breadcrumb and the open view, laid out with ImGui from the
// presentation models the widget keeps (widget.cpp holds the state and makes them).
#include <algorithm>

#include "draw.h"
#include "imgui.h"
#include "sandik_constants.h"
#include "view_flips.h"
#include "view_map.h"
#include "view_scoreboard.h"
#include "view_seats.h"
#include "view_sources.h"
#include "view_summary.h"
#include "view_table.h"
#include "view_timeline.h"
#include "widget.h"

namespace sandik::ui {

namespace {

void style_from(const Palette& pal) {
  ImGuiStyle& s = ImGui::GetStyle();
  s.Colors[ImGuiCol_Text] = col4(pal.text);
  s.Colors[ImGuiCol_TextDisabled] = col4(pal.secondary);
  s.Colors[ImGuiCol_WindowBg] = col4(pal.background, 0);
  s.Colors[ImGuiCol_ChildBg] = col4(pal.background, 0);
  s.Colors[ImGuiCol_PopupBg] = col4(pal.background);
  s.Colors[ImGuiCol_Border] = col4(pal.rule);
  s.Colors[ImGuiCol_Header] = col4(pal.track, 0.8f);
  s.Colors[ImGuiCol_HeaderHovered] = col4(pal.track);
  s.Colors[ImGuiCol_HeaderActive] = col4(pal.rule);
  s.Colors[ImGuiCol_TableHeaderBg] = col4(pal.background);
  s.Colors[ImGuiCol_TableBorderLight] = col4(pal.rule, 0.7f);
  s.Colors[ImGuiCol_TableBorderStrong] = col4(pal.rule);
  s.Colors[ImGuiCol_TableRowBg] = col4(pal.background, 0);
  s.Colors[ImGuiCol_TableRowBgAlt] = col4(pal.track, 0.35f);
  s.Colors[ImGuiCol_ScrollbarBg] = col4(pal.background, 0);
  s.Colors[ImGuiCol_ScrollbarGrab] = col4(pal.rule);
  s.Colors[ImGuiCol_ScrollbarGrabHovered] = col4(pal.secondary);
  s.Colors[ImGuiCol_ScrollbarGrabActive] = col4(pal.secondary);
  s.Colors[ImGuiCol_NavHighlight] = col4(pal.accent);
}

// "‹ İstanbul › Sarıyer": each step but the last goes back to it.
void draw_breadcrumb(const ViewContext& c, const Chrome& chrome) {
  if (chrome.crumbs.empty()) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  float x = o.x;
  const float h = c.fonts.strong->FontSize + c.px(8);
  for (std::size_t i = 0; i < chrome.crumbs.size(); ++i) {
    const Crumb& k = chrome.crumbs[i];
    const float w = text_width(c.fonts.strong, k.label);
    if (i + 1 < chrome.crumbs.size()) {
      ImGui::SetCursorScreenPos(ImVec2(x, o.y));
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::InvisibleButton("crumb", ImVec2(w, h))) c.act.open_area = k.area;
      c.region("crumb:" + k.id);
      const bool hov = ImGui::IsItemHovered();
      ImGui::PopID();
      text(dl, c.fonts.strong, x, o.y + c.px(4), c.pal.accent, k.label);
      if (hov) dl->AddLine(ImVec2(x, o.y + h - c.px(2)), ImVec2(x + w, o.y + h - c.px(2)), col(c.pal.accent), c.px(1));
      x += w;
      text(dl, c.fonts.strong, x + c.px(6), o.y + c.px(4), c.pal.secondary, "›");
      x += c.px(18);
    } else {
      text(dl, c.fonts.strong, x, o.y + c.px(4), c.pal.text, k.label);
    }
  }
  ImGui::SetCursorScreenPos(ImVec2(o.x, o.y + h + c.px(8)));
  ImGui::Dummy(ImVec2(0, 0));
}

float bottom() { return ImGui::GetCursorScreenPos().y; }

// A line in the secondary colour, with space after it.
void note(const ViewContext& c, const std::string& words) {
  const ImVec2 o = ImGui::GetCursorScreenPos();
  const float h = wrapped(ImGui::GetWindowDrawList(), c.fonts.body, o.x, o.y, c.width, c.pal.secondary, words);
  ImGui::SetCursorScreenPos(ImVec2(o.x, o.y + h + c.px(12)));
  ImGui::Dummy(ImVec2(0, 0));
}

// The overview's map (the country's provinces; a province's districts where there is a map of
// them, else why there is none), under its summary.
void draw_overview_map(const ViewContext& c, const MapView& m) {
  if (m.map) {
    ImGui::Dummy(ImVec2(0, c.px(12)));
    draw_map(c, m, false);
  } else if (!m.none.empty()) {
    ImGui::Dummy(ImVec2(0, c.px(8)));
    note(c, m.none);
  }
}

}  // namespace

void Widget::draw(float width, float scale, const Fonts& fonts, double now_ms) {
  const Palette pal = palette(options_.dark, options_.accent);
  style_from(pal);
  const float pad = design::padding * scale;
  ImGui::SetCursorPos(ImVec2(pad, pad));
  ImGui::Indent(pad);  // every new line starts inside the padding
  const float start = ImGui::GetCursorPosY();
  ImGui::PushFont(fonts.body);
  if (!model_.ready()) {
    const bool waiting = model_.feed != nullptr;  // a feed, but not the race asked for
    const Notices words = present_notices(options_.lang);
    ImGui::PushStyleColor(ImGuiCol_Text, col4(pal.secondary));
    ImGui::TextUnformatted((waiting ? words.no_race : words.loading).c_str());
    ImGui::PopStyleColor();
  } else {
    Actions act;
    regions_.clear();
    const float inner = width - 2 * pad;
    ViewContext ctx{model_, ui_, act, inner, scale, pal, fonts, options_.lang, &regions_};
    wanted_.clear();
    ctx.images = &images_;
    ctx.touch = touch_;
    ctx.wanted = &wanted_;
    if (animating_) {  // ease-out over 400 ms
      if (grow_start_ < 0) grow_start_ = now_ms;
      const double t = std::clamp((now_ms - grow_start_) / 400.0, 0.0, 1.0);
      ctx.grow_from = &grow_from_;
      ctx.grow = static_cast<float>(1 - (1 - t) * (1 - t) * (1 - t));
      if (t >= 1) animating_ = false;
    }
    css_width_ = width / scale;
    const Presented& p = presented();
    const View v = view();
    const View tab = v == View::Full ? ui_.tab : v;
    if (!p.chrome.tabs.empty()) {
      std::vector<std::string> labels;
      for (const Tab& t : p.chrome.tabs) labels.push_back(t.label);
      const int clicked = segmented(ctx, "tabs", labels, p.chrome.tab);
      if (clicked >= 0) act.tab = p.chrome.tabs[static_cast<std::size_t>(clicked)].view;
    }
    switch (tab) {
      case View::Summary:
      case View::Detail:
      case View::Overview: {
        draw_breadcrumb(ctx, p.chrome);
        if (side_by_side()) {  // summary and table side by side
          const ImVec2 o = ImGui::GetCursorScreenPos();
          const Split s = split(inner / scale);
          const float left = s.summary * scale, gap = s.gap * scale;
          ViewContext lc = ctx;
          lc.width = left;
          draw_summary(lc, p.summary);
          draw_scoreboard(lc, p.scoreboard);
          if (overviewed()) draw_overview_map(lc, p.map);
          const float y1 = bottom();
          ImGui::SetCursorScreenPos(ImVec2(o.x + left + gap, o.y));
          ViewContext rc = ctx;
          rc.width = inner - left - gap;
          draw_table(rc, p.table);
          const float y2 = bottom();
          ImGui::SetCursorScreenPos(ImVec2(o.x, std::max(y1, y2)));
          ImGui::Dummy(ImVec2(0, 0));
        } else {
          draw_summary(ctx, p.summary);
          draw_scoreboard(ctx, p.scoreboard);
          if (overviewed()) draw_overview_map(ctx, p.map);
          if ((v == View::Detail || v == View::Overview) && has_table()) {
            ImGui::Dummy(ImVec2(0, 12 * scale));
            draw_table(ctx, p.table);
          }
        }
        break;
      }
      case View::Table:
        draw_breadcrumb(ctx, p.chrome);
        draw_table(ctx, p.table);
        break;
      case View::Map:
      case View::Tiles:
        draw_breadcrumb(ctx, p.chrome);
        if (p.map.map) {
          draw_map(ctx, p.map, v != View::Full);
        } else if (!model_.map_id.empty()) {  // on its way
          note(ctx, present_notices(options_.lang).loading);
        } else {  // an area the map has no map of: what the detail view shows, and why
          draw_summary(ctx, p.summary);
          if (!p.map.none.empty()) note(ctx, p.map.none);
          if (has_table()) draw_table(ctx, p.table);
        }
        break;
      case View::Sources:
        draw_sources(ctx, p.sources);
        break;
      case View::Flips:
        draw_flips(ctx, p.flips);
        break;
      case View::Timeline:
        draw_timeline(ctx, p.timeline);
        break;
      case View::Seats:
        draw_seats(ctx, p.seats);
        break;
      case View::Full:
        break;
    }
    ui_.scroll_to_focus = false;  // the table has brought the focused row into view
    ui_.table_scroll = -1;        // and gone back to where the reader had it
    // The keyboard's place: a ring in the accent colour over whatever is drawn there.
    if (const Region* f = focused(); f && f->ring) {
      const Region& r = *f;
      ImDrawList* fg = ImGui::GetForegroundDrawList();
      const float t = 2 * scale;
      fg->PushClipRect(ImVec2(r.cx0, r.cy0), ImVec2(r.cx1, r.cy1), true);
      fg->AddRect(ImVec2(r.x0 + t / 2, r.y0 + t / 2), ImVec2(r.x1 - t / 2, r.y1 - t / 2), col(pal.accent), 4 * scale, 0,
                  t);
      fg->PopClipRect();
    }
    apply(act);
  }
  ImGui::PopFont();
  ImGui::Unindent(pad);
  content_height_ = ImGui::GetCursorPosY() - start + 2 * pad;
}

}  // namespace sandik::ui
