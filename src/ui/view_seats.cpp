#include "view_seats.h"

#include <algorithm>
#include <cmath>

#include "core/order.h"
#include "draw.h"

namespace sandik::ui {

void draw_seats(const ViewContext& c, const SeatsView& v) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  float y = o.y;
  if (!v.has_seats) {
    const float h = v.empty.empty() ? 0 : wrapped(dl, c.fonts.body, o.x, y, c.width, c.pal.secondary, v.empty);
    ImGui::SetCursorScreenPos(ImVec2(o.x, y + h));
    ImGui::Dummy(ImVec2(0, 0));
    return;
  }
  const int total = v.total;
  text(dl, c.fonts.title, o.x, y, c.pal.text, fit(c.fonts.title, v.title, c.width));
  y += c.fonts.title->FontSize + c.px(2);
  text(dl, c.fonts.small, o.x, y, c.pal.secondary, fit(c.fonts.small, v.subtitle, c.width));
  y += c.fonts.small->FontSize + c.px(12);

  // The hemicycle: rows of seats on half rings, filled left to right by party, largest first.
  const float radius = std::min(c.width / 2, c.px(260));
  const ImVec2 centre(o.x + c.width / 2, y + radius);
  const int rings = std::clamp(static_cast<int>(std::ceil(std::sqrt(total / 4.0))), 1, 12);
  const float inner = radius * 0.4f;
  std::vector<std::pair<float, ImVec2>> spots;  // angle, position
  std::vector<float> ring_r(static_cast<std::size_t>(rings));
  float sum_r = 0;
  for (int k = 0; k < rings; ++k) {
    ring_r[static_cast<std::size_t>(k)] =
        inner + (radius - inner) * (static_cast<float>(k) + 0.5f) / static_cast<float>(rings);
    sum_r += ring_r[static_cast<std::size_t>(k)];
  }
  int placed = 0;
  for (int k = 0; k < rings; ++k) {
    const float r = ring_r[static_cast<std::size_t>(k)];
    const int n = k + 1 == rings ? total - placed : static_cast<int>(std::round(static_cast<float>(total) * r / sum_r));
    for (int i = 0; i < n; ++i) {
      const float a = n == 1 ? 3.14159265f / 2 : 3.14159265f * static_cast<float>(i) / static_cast<float>(n - 1);
      spots.emplace_back(a, ImVec2(centre.x - r * std::cos(a), centre.y - r * std::sin(a)));
    }
    placed += n;
  }
  sandik::stable_sort(spots, [](auto& a, auto& b) { return a.first < b.first; });
  // Dots fit both the gap between rings and the spacing along the most crowded ring.
  float dot = (radius - inner) / static_cast<float>(rings) * 0.38f;
  {
    int done = 0;
    for (int k = 0; k < rings; ++k) {
      const float r = ring_r[static_cast<std::size_t>(k)];
      const int n = k + 1 == rings ? total - done : static_cast<int>(std::round(static_cast<float>(total) * r / sum_r));
      if (n > 1) dot = std::min(dot, 3.14159265f * r / static_cast<float>(n - 1) * 0.42f);
      done += n;
    }
    dot = std::max(dot, c.px(1.5f));
  }
  std::size_t s = 0;
  for (const SeatsView::Row& r : v.rows)
    for (int i = 0; i < r.count && s < spots.size(); ++i, ++s)
      dl->AddCircleFilled(spots[s].second, dot, col(r.color), 12);
  for (; s < spots.size(); ++s) dl->AddCircleFilled(spots[s].second, dot, col(c.pal.track), 12);
  dl->AddLine(ImVec2(centre.x, centre.y - radius - c.px(6)), ImVec2(centre.x, centre.y - inner + c.px(6)),
              col(c.pal.text), c.px(1.5f));
  const std::string& maj = v.majority_label;
  text(dl, c.fonts.strong, centre.x - text_width(c.fonts.strong, maj) / 2, centre.y - c.fonts.strong->FontSize,
       c.pal.text, maj);
  y = centre.y + dot + c.px(16);

  // Seats per party, with the change.
  for (const SeatsView::Row& r : v.rows) {
    const float sw = c.px(12);
    dl->AddRectFilled(ImVec2(o.x, y + c.px(3)), ImVec2(o.x + sw, y + c.px(3) + sw), col(r.color), c.px(2));
    text(dl, c.fonts.body, o.x + sw + c.px(8), y, c.pal.text, r.party);
    text_right(dl, c.fonts.strong, o.x + c.width - c.px(60), y, c.pal.text, r.seats);
    text_right(dl, c.fonts.body, o.x + c.width, y, c.pal.secondary, r.change);
    y += c.fonts.body->FontSize + c.px(8);
  }
  ImGui::SetCursorScreenPos(ImVec2(o.x, y + c.px(4)));
  ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace sandik::ui
