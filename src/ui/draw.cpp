#include "draw.h"

#include <cfloat>
#include <cmath>

#include "core/turkish.h"
#include "sandik_constants.h"

namespace sandik::ui {

ImU32 col(std::uint32_t rgb, float alpha) {
  return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, static_cast<int>(alpha * 255.0f));
}

ImVec4 col4(std::uint32_t rgb, float alpha) {
  return ImVec4(static_cast<float>((rgb >> 16) & 0xFF) / 255.0f, static_cast<float>((rgb >> 8) & 0xFF) / 255.0f,
                static_cast<float>(rgb & 0xFF) / 255.0f, alpha);
}

namespace {

// Emoji are left out of the drawing (ImGui keeps 16-bit code points: they would be "?"); the
// accessible text keeps them. Only text that has one is copied.
const std::string& drawable(const std::string& s, std::string& buf) {
  if (s.find('\xF0') == std::string::npos && s.find("\xEF\xB8\x8F") == std::string::npos &&
      s.find("\xE2\x80\x8D") == std::string::npos)
    return s;
  return buf = turkish::drawable(s);
}

}  // namespace

float text_width(ImFont* f, const std::string& s) {
  std::string buf;
  return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, drawable(s, buf).c_str()).x;
}

void text(ImDrawList* dl, ImFont* f, float x, float y, std::uint32_t rgb, const std::string& s) {
  std::string buf;
  dl->AddText(f, f->FontSize, ImVec2(x, y), col(rgb), drawable(s, buf).c_str());
}

void text_right(ImDrawList* dl, ImFont* f, float right, float y, std::uint32_t rgb, const std::string& s) {
  text(dl, f, right - text_width(f, s), y, rgb, s);
}

std::string fit(ImFont* f, const std::string& s, float max) {
  if (text_width(f, s) <= max) return s;
  std::string t = s;
  while (!t.empty() && text_width(f, t + "…") > max) {
    t.pop_back();
    while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80) t.pop_back();
    if (!t.empty() && static_cast<unsigned char>(t.back()) >= 0xC0) t.pop_back();
  }
  return t + "…";
}

// Lines break at spaces only: ImGui's own wrap also breaks after "," and ".", inside "%99,99'u"
// and "1.001.426".
float wrapped(ImDrawList* dl, ImFont* f, float x, float y, float width, std::uint32_t rgb, const std::string& s) {
  float h = 0;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find(' ', start);
    if (end == std::string::npos) end = s.size();
    for (std::size_t next = end; next < s.size();) {  // more words while they fit
      std::size_t after = s.find(' ', next + 1);
      if (after == std::string::npos) after = s.size();
      if (text_width(f, s.substr(start, after - start)) > width) break;
      end = next = after;
    }
    text(dl, f, x, y + h, rgb, s.substr(start, end - start));
    h += f->FontSize;
    start = end + 1;
  }
  return h;
}

float chip(ImDrawList* dl, ImFont* f, float x, float y, std::uint32_t bg, const std::string& s, float pad_x,
           float pad_y, float rounding) {
  const float w = text_width(f, s) + 2 * pad_x;
  dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + f->FontSize + 2 * pad_y), col(bg), rounding);
  text(dl, f, x + pad_x, y + pad_y, text_on(bg), s);
  return w;
}

void draw_check(ImDrawList* dl, float x, float y, float size, ImU32 color) {
  const ImVec2 pts[] = {ImVec2(x, y + size * 0.55f), ImVec2(x + size * 0.38f, y + size * 0.9f),
                        ImVec2(x + size, y + size * 0.15f)};
  dl->AddPolyline(pts, 3, color, 0, size * 0.18f);
}

double ViewContext::bar_share(int contestant, double target) const {
  if (!grow_from || grow >= 1) return target;
  for (const auto& [c, v] : *grow_from)
    if (c == contestant) return v + (target - v) * static_cast<double>(grow);
  return target * static_cast<double>(grow);  // new on the board: grows from zero
}

void ViewContext::region(std::string name) const {
  if (!regions) return;
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  const ImVec2 ca = ImGui::GetWindowDrawList()->GetClipRectMin(), cb = ImGui::GetWindowDrawList()->GetClipRectMax();
  regions->push_back({std::move(name), a.x, a.y, b.x, b.y, ca.x, ca.y, cb.x, cb.y});
}

int segmented(const ViewContext& c, const char* id, const std::vector<std::string>& labels, int selected) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const bool phone = c.css_width() < design::breakpoints::small_pills;  // more pills per line
  ImFont* font = phone ? c.fonts.small : c.fonts.strong;
  const float h = font->FontSize + c.px(phone ? 10 : 14);
  const float pad = c.px(phone ? 9 : 12), gap = c.px(4);
  float x = origin.x, y = origin.y;
  int clicked = -1;
  ImGui::PushID(id);
  for (int i = 0; i < static_cast<int>(labels.size()); ++i) {
    const float w = text_width(font, labels[static_cast<std::size_t>(i)]) + 2 * pad;
    if (x + w > origin.x + c.width && x > origin.x) {  // wrap onto the next line
      x = origin.x;
      y += h + gap;
    }
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ImGui::PushID(i);
    if (ImGui::InvisibleButton("seg", ImVec2(w, h))) clicked = i;
    c.region(std::string(id) + ":" + std::to_string(i));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    const bool on = i == selected;
    const std::uint32_t bg = on ? c.pal.text : hovered ? c.pal.track : c.pal.background;
    dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + h), col(bg), h / 2);
    if (!on) dl->AddRect(ImVec2(x, y), ImVec2(x + w, y + h), col(c.pal.rule), h / 2, 0, c.px(1));
    text(dl, font, x + pad, y + (h - font->FontSize) / 2, on ? c.pal.background : c.pal.text,
         labels[static_cast<std::size_t>(i)]);
    x += w + gap;
  }
  ImGui::PopID();
  ImGui::SetCursorScreenPos(ImVec2(origin.x, y + h + c.px(12)));
  ImGui::Dummy(ImVec2(0, 0));
  return clicked;
}

}  // namespace sandik::ui
