#include "view_seats.h"
#include "core/order.h"

#include <algorithm>
#include <cmath>

#include "draw.h"
#include "strings.h"

namespace sandik::ui {

std::vector<SeatRow> seat_rows(const Model& m) {
  std::vector<SeatRow> rows;
  if (!m.ready() || !m.race->seats || m.area != m.race->area) return rows;
  // The previous election's seats: its root votes through the same rule.
  std::vector<int> before;
  if (m.race->previous) {
    const auto it = m.race->previous->areas.find(m.race->area);
    if (it != m.race->previous->areas.end() && it->second.valid && !it->second.votes.empty()) {
      std::vector<Count> votes(m.feed->parties.size(), 0);
      for (const auto& [p, v] : it->second.votes) votes[static_cast<std::size_t>(p)] = v;
      before = allocate_seats(votes, *it->second.valid, m.race->seats->total, m.race->seats->method, m.race->seats->threshold);
    }
  }
  for (const auto& [party, n] : m.current.seats) {
    SeatRow r;
    r.party = party;
    r.seats = n;
    if (!before.empty()) r.change = n - before[static_cast<std::size_t>(party)];
    rows.push_back(r);
  }
  for (std::size_t p = 0; p < before.size(); ++p)  // parties that lost every seat
    if (before[p] > 0 && std::none_of(rows.begin(), rows.end(), [&](const SeatRow& r) { return r.party == static_cast<int>(p); }))
      rows.push_back({static_cast<int>(p), 0, -before[p]});
  return rows;
}

namespace {
std::string change_text(const std::optional<int>& c) {
  if (!c) return "";
  return *c > 0 ? "+" + std::to_string(*c) : *c == 0 ? "±0" : std::to_string(*c);
}
const char* seats_word(Lang lang) { return lang == Lang::Tr ? "sandalye" : "seats"; }
}  // namespace

AccessibleSection describe_seats(const Model& m, Lang lang) {
  AccessibleSection sec;
  if (!m.race->seats) return sec;
  const int total = m.race->seats->total, majority = total / 2 + 1;
  sec.caption = m.race->title.get(lang_code(lang)) + " — " + std::to_string(total) + " " + seats_word(lang);
  sec.sentence = (lang == Lang::Tr ? "Çoğunluk için " : "Majority: ") + std::to_string(majority) + " " + seats_word(lang) + ".";
  sec.columns = {str(Str::Party, lang), lang == Lang::Tr ? "Sandalye" : "Seats",
                 m.race->previous ? m.race->previous->label : str(Str::ColPrevious, lang)};
  for (const SeatRow& r : seat_rows(m))
    sec.rows.push_back({party_short(*m.feed, r.party), std::to_string(r.seats), change_text(r.change)});
  return sec;
}

void draw_seats(const ViewContext& c) {
  const Model& m = c.model;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  float y = o.y;
  if (!m.race->seats) {
    ImGui::Dummy(ImVec2(0, 0));
    return;
  }
  const int total = m.race->seats->total, majority = total / 2 + 1;
  text(dl, c.fonts.title, o.x, y, c.pal.text, fit(c.fonts.title, m.race->title.get(lang_code(c.lang)), c.width));
  y += c.fonts.title->FontSize + c.px(2);
  const std::string sub = std::to_string(total) + " " + seats_word(c.lang) + " · " +
                          (c.lang == Lang::Tr ? "çoğunluk " : "majority ") + std::to_string(majority);
  text(dl, c.fonts.small, o.x, y, c.pal.secondary, sub);
  y += c.fonts.small->FontSize + c.px(12);

  // The hemicycle: rows of seats on half rings, filled left to right by party, largest first.
  const std::vector<SeatRow> rows = seat_rows(m);
  const float radius = std::min(c.width / 2, c.px(260));
  const ImVec2 centre(o.x + c.width / 2, y + radius);
  const int rings = std::clamp(static_cast<int>(std::ceil(std::sqrt(total / 4.0))), 1, 12);
  const float inner = radius * 0.4f;
  std::vector<std::pair<float, ImVec2>> spots;  // angle, position
  std::vector<float> ring_r(static_cast<std::size_t>(rings));
  float sum_r = 0;
  for (int k = 0; k < rings; ++k) {
    ring_r[static_cast<std::size_t>(k)] = inner + (radius - inner) * (static_cast<float>(k) + 0.5f) / static_cast<float>(rings);
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
  for (const SeatRow& r : rows)
    for (int i = 0; i < r.seats && s < spots.size(); ++i, ++s)
      dl->AddCircleFilled(spots[s].second, dot, col(party_color(*m.feed, r.party)), 12);
  for (; s < spots.size(); ++s) dl->AddCircleFilled(spots[s].second, dot, col(c.pal.track), 12);
  dl->AddLine(ImVec2(centre.x, centre.y - radius - c.px(6)), ImVec2(centre.x, centre.y - inner + c.px(6)), col(c.pal.text), c.px(1.5f));
  const std::string maj = std::to_string(majority);
  text(dl, c.fonts.strong, centre.x - text_width(c.fonts.strong, maj) / 2, centre.y - c.fonts.strong->FontSize, c.pal.text, maj);
  y = centre.y + dot + c.px(16);

  // Seats per party, with the change.
  for (const SeatRow& r : rows) {
    const float sw = c.px(12);
    dl->AddRectFilled(ImVec2(o.x, y + c.px(3)), ImVec2(o.x + sw, y + c.px(3) + sw), col(party_color(*m.feed, r.party)), c.px(2));
    text(dl, c.fonts.body, o.x + sw + c.px(8), y, c.pal.text, party_short(*m.feed, r.party));
    text_right(dl, c.fonts.strong, o.x + c.width - c.px(60), y, c.pal.text, std::to_string(r.seats));
    text_right(dl, c.fonts.body, o.x + c.width, y, c.pal.secondary, change_text(r.change));
    y += c.fonts.body->FontSize + c.px(8);
  }
  ImGui::SetCursorScreenPos(ImVec2(o.x, y + c.px(4)));
  ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace sandik::ui
