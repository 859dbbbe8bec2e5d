#include "view_timeline.h"

#include <algorithm>
#include <cmath>

#include "draw.h"

namespace sandik::ui {
namespace {

void marker(ImDrawList* dl, int shape, ImVec2 p, float r, ImU32 color) {
  switch (shape % 3) {
    case 0:
      dl->AddCircleFilled(p, r, color, 12);
      break;
    case 1:
      dl->AddRectFilled(ImVec2(p.x - r, p.y - r), ImVec2(p.x + r, p.y + r), color);
      break;
    default:
      dl->AddQuadFilled(ImVec2(p.x, p.y - r * 1.3f), ImVec2(p.x + r * 1.3f, p.y), ImVec2(p.x, p.y + r * 1.3f),
                        ImVec2(p.x - r * 1.3f, p.y), color);
  }
}

}  // namespace

void draw_timeline(const ViewContext& c, const TimelineView& v) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  float y = o.y;
  text(dl, c.fonts.title, o.x, y, c.pal.text, fit(c.fonts.title, v.title, c.width));
  y += c.fonts.title->FontSize + c.px(12);
  if (!v.empty.empty()) {
    text(dl, c.fonts.body, o.x, y, c.pal.secondary, v.empty);
    ImGui::SetCursorScreenPos(ImVec2(o.x, y + c.fonts.body->FontSize + c.px(8)));
    ImGui::Dummy(ImVec2(0, 0));
    return;
  }
  // Scales: time on x, share on y.
  const float axis_w = text_width(c.fonts.small, "%100") + c.px(6);
  const float left = o.x + axis_w, right = o.x + c.width - c.px(8), top = y + c.px(6), height = c.px(220);
  const float bottom_y = top + height;
  auto X = [&](std::int64_t t) {
    return left + (right - left) * static_cast<float>(static_cast<double>(t - v.t0) / static_cast<double>(v.t1 - v.t0));
  };
  auto Y = [&](double s) { return bottom_y - height * static_cast<float>((s - v.lo) / (v.hi - v.lo)); };
  for (const auto& [g, label] : v.grid) {
    dl->AddLine(ImVec2(left, Y(g)), ImVec2(right, Y(g)), col(c.pal.rule, g == v.lo ? 1.0f : 0.5f), c.px(1));
    text_right(dl, c.fonts.small, left - c.px(6), Y(g) - c.fonts.small->FontSize / 2, c.pal.secondary, label);
  }
  text(dl, c.fonts.small, left, bottom_y + c.px(4), c.pal.secondary, v.start);
  text_right(dl, c.fonts.small, right, bottom_y + c.px(4), c.pal.secondary, v.end);
  for (const TimelineView::Series& s : v.series) {
    const ImU32 color = col(s.color, s.shown ? 1.0f : 0.55f);
    ImVec2 prev(-1, -1);
    for (const TimelineView::Point& p : s.points) {
      const ImVec2 q(X(p.at), Y(p.share));
      if (prev.x >= 0) dl->AddLine(prev, q, color, c.px(2));
      marker(dl, s.source_rank, q, c.px(4), color);
      prev = q;
    }
  }

  // Hover or tap: the nearest moment.
  ImGui::SetCursorScreenPos(ImVec2(left, top));
  ImGui::InvisibleButton("chart", ImVec2(right - left, height));
  if (ImGui::IsItemHovered() || ImGui::IsItemActive()) {
    const float mx = ImGui::GetIO().MousePos.x;
    int best = -1;
    float dist = 1e9f;
    for (std::size_t i = 0; i < v.moments.size(); ++i) {
      const float d = std::fabs(X(v.moments[i]) - mx);
      if (d < dist) {
        dist = d;
        best = static_cast<int>(i);
      }
    }
    if (best != c.ui.hover_moment) c.act.hover_moment = best;
  } else if (c.ui.hover_moment >= 0) {
    c.act.hover_moment = -1;
  }
  if (!v.card.empty() && c.ui.hover_moment >= 0 && c.ui.hover_moment < static_cast<int>(v.moments.size())) {
    const float hx = X(v.moments[static_cast<std::size_t>(c.ui.hover_moment)]);
    dl->AddLine(ImVec2(hx, top), ImVec2(hx, bottom_y), col(c.pal.text, 0.5f), c.px(1));
    float bw = 0;
    for (const auto& l : v.card) bw = std::max(bw, text_width(c.fonts.small, l));
    bw += c.px(16);
    const float bh = static_cast<float>(v.card.size()) * (c.fonts.small->FontSize + c.px(2)) + c.px(12);
    const float bx = hx + bw + c.px(8) < right ? hx + c.px(8) : hx - bw - c.px(8);
    dl->AddRectFilled(ImVec2(bx, top), ImVec2(bx + bw, top + bh), col(c.pal.background, 0.96f), c.px(4));
    dl->AddRect(ImVec2(bx, top), ImVec2(bx + bw, top + bh), col(c.pal.rule), c.px(4));
    float ly = top + c.px(6);
    for (std::size_t i = 0; i < v.card.size(); ++i) {
      text(dl, c.fonts.small, bx + c.px(8), ly, i == 0 ? c.pal.text : c.pal.secondary, v.card[i]);
      ly += c.fonts.small->FontSize + c.px(2);
    }
  }

  // Legend: sources by marker, contestants by colour.
  y = bottom_y + c.fonts.small->FontSize + c.px(14);
  float x = o.x;
  for (const TimelineView::Legend& l : v.legend) {
    // An item that would run past the edge starts a new line (a phone).
    const float item = (l.marker >= 0 ? c.px(14) : c.px(18)) + text_width(c.fonts.small, l.label);
    if (x > o.x && x + item > o.x + c.width) {
      x = o.x;
      y += c.fonts.small->FontSize + c.px(8);
    }
    if (l.marker >= 0) {
      marker(dl, l.marker, ImVec2(x + c.px(5), y + c.fonts.small->FontSize / 2), c.px(4), col(c.pal.secondary));
      text(dl, c.fonts.small, x + c.px(14), y, c.pal.secondary, l.label);
      x += c.px(14) + text_width(c.fonts.small, l.label) + c.px(16);
    } else {
      dl->AddRectFilled(ImVec2(x, y + c.px(4)), ImVec2(x + c.px(14), y + c.px(7)), col(l.color));
      text(dl, c.fonts.small, x + c.px(18), y, c.pal.secondary, l.label);
      x += c.px(18) + text_width(c.fonts.small, l.label) + c.px(16);
    }
  }
  ImGui::SetCursorScreenPos(ImVec2(o.x, y + c.fonts.small->FontSize + c.px(10)));
  ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace sandik::ui
