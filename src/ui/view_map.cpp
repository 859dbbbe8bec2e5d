#include "view_map.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "draw.h"
#include "map_layout.h"
#include "theme.h"

namespace sandik::ui {
namespace {

// How much of the party's colour an area takes over the background, by its margin's step.
constexpr float kStrength[kMapSteps] = {0.35f, 0.55f, 0.78f, 1.0f};

std::uint32_t mix(std::uint32_t a, std::uint32_t b, float t) {
  const auto ch = [&](int shift) {
    const float x = static_cast<float>((a >> shift) & 0xFF), y = static_cast<float>((b >> shift) & 0xFF);
    return static_cast<std::uint32_t>(x + (y - x) * t + 0.5f) << shift;
  };
  return ch(16) | ch(8) | ch(0);
}

// Where map (or tile) units go on the screen.
struct Frame {
  float ox = 0, oy = 0, s = 1;
  ImVec2 at(float x, float y) const { return ImVec2(ox + x * s, oy + y * s); }
  Point back(ImVec2 p) const { return {(p.x - ox) / s, (p.y - oy) / s}; }
};

// The fill's colour: the party's, lighter for a narrower margin; grey with nothing counted.
std::uint32_t fill_of(const MapArea& a, const Palette& pal, bool half) {
  if (a.fill == Fill::None) return pal.track;
  const float t = kStrength[std::clamp(a.step, 0, kMapSteps - 1)];
  return mix(pal.background, a.color, half ? t * 0.45f : t);
}

// Diagonal stripes over a triangle (screen pixels): the lines x + y = k·spacing clipped to it.
void stripes(ImDrawList* dl, const ImVec2& a, const ImVec2& b, const ImVec2& c, ImU32 color, float spacing,
             float width) {
  const ImVec2 p[3] = {a, b, c};
  float lo = 1e9f, hi = -1e9f;
  for (const ImVec2& q : p) lo = std::min(lo, q.x + q.y), hi = std::max(hi, q.x + q.y);
  for (float k = std::ceil(lo / spacing) * spacing; k <= hi; k += spacing) {
    ImVec2 ends[2];
    int n = 0;
    for (int e = 0; e < 3 && n < 2; ++e) {
      const ImVec2 &u = p[e], &v = p[(e + 1) % 3];
      const float fu = u.x + u.y - k, fv = v.x + v.y - k;
      if ((fu < 0) == (fv < 0) || fu == fv) continue;
      const float t = fu / (fu - fv);
      ends[n++] = ImVec2(u.x + (v.x - u.x) * t, u.y + (v.y - u.y) * t);
    }
    if (n == 2) dl->AddLine(ends[0], ends[1], color, width);
  }
}

void fill_shape(ImDrawList* dl, const MapShape& s, const Frame& f, ImU32 color) {
  const int vertices = static_cast<int>(s.vertices.size() / 2), indices = static_cast<int>(s.triangles.size());
  if (!indices) return;
  dl->PrimReserve(indices, vertices);
  const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
  const ImDrawIdx base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
  for (int i = 0; i < vertices; ++i)
    dl->PrimWriteVtx(f.at(s.vertices[2 * static_cast<std::size_t>(i)], s.vertices[2 * static_cast<std::size_t>(i) + 1]),
                     uv, color);
  for (std::uint32_t t : s.triangles) dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + t));
}

void stripe_shape(ImDrawList* dl, const MapShape& s, const Frame& f, ImU32 color, float spacing, float width) {
  const auto v = [&](std::uint32_t i) { return f.at(s.vertices[2 * i], s.vertices[2 * i + 1]); };
  for (std::size_t t = 0; t + 2 < s.triangles.size(); t += 3)
    stripes(dl, v(s.triangles[t]), v(s.triangles[t + 1]), v(s.triangles[t + 2]), color, spacing, width);
}

void outline_shape(ImDrawList* dl, const MapShape& s, const Frame& f, ImU32 color, float width) {
  std::vector<ImVec2> pts;
  for (const auto& [first, count] : s.rings) {
    pts.clear();
    for (int i = 0; i < count; ++i) {
      const std::size_t k = 2 * static_cast<std::size_t>(first + i);
      pts.push_back(f.at(s.vertices[k], s.vertices[k + 1]));
    }
    dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), color, ImDrawFlags_Closed, width);
  }
}

// A tile's hexagon (pointy top), a little inside its cell so the tiles stand apart.
std::array<ImVec2, 6> hexagon(const MapShape& s, const Frame& f, float inset) {
  // The corners of a hexagon of radius 1, pointy top, clockwise from the top.
  static constexpr float kCorner[6][2] = {{0, -1}, {0.8660254f, -0.5f}, {0.8660254f, 0.5f},
                                          {0, 1},  {-0.8660254f, 0.5f}, {-0.8660254f, -0.5f}};
  const Point c = tile_centre(s);
  const float r = (0.5773503f - inset) * f.s;
  const ImVec2 p = f.at(c.x, c.y);
  std::array<ImVec2, 6> out;
  for (int k = 0; k < 6; ++k) out[static_cast<std::size_t>(k)] = ImVec2(p.x + r * kCorner[k][0], p.y + r * kCorner[k][1]);
  return out;
}

struct Drawn {
  Frame frame;
  ImVec2 lo, hi;  // the box it is drawn in (clipped to it)
};

// Every area once: fills, stripes, borders, flips, then the marked one (hover, pick, focus).
void draw_areas(const ViewContext& c, ImDrawList* dl, const MapView& v, const Drawn& d, int marked, bool focus) {
  const MapAsset& map = *v.map;
  dl->PushClipRect(d.lo, d.hi, true);
  const float spacing = c.px(5), stripe_w = c.px(1.6f);
  const ImDrawListFlags flags = dl->Flags;
  for (std::size_t s = 0; s < map.shapes.size(); ++s) {
    const MapArea& a = v.areas[s];
    const bool half = a.fill == Fill::Partial;
    const ImU32 fill = col(fill_of(a, c.pal, half)), full = col(fill_of(a, c.pal, false));
    if (v.tiles) {
      const std::array<ImVec2, 6> hex = hexagon(map.shapes[s], d.frame, 0.03f);
      dl->AddConvexPolyFilled(hex.data(), 6, fill);
      if (half) {
        dl->Flags &= ~ImDrawListFlags_AntiAliasedLines;  // (stripes meet across triangles without seams)
        for (int k = 1; k < 5; ++k)
          stripes(dl, hex[0], hex[static_cast<std::size_t>(k)], hex[static_cast<std::size_t>(k) + 1], full, spacing,
                  stripe_w);
        dl->Flags = flags;
      }
    } else {
      fill_shape(dl, map.shapes[s], d.frame, fill);
      if (half) {
        dl->Flags &= ~ImDrawListFlags_AntiAliasedLines;
        stripe_shape(dl, map.shapes[s], d.frame, full, spacing, stripe_w);
        dl->Flags = flags;
      }
    }
  }
  if (!v.tiles)
    for (const MapShape& s : map.shapes) outline_shape(dl, s, d.frame, col(c.pal.background), c.px(0.75f));
  const auto ring = [&](std::size_t s, ImU32 color, float width) {
    if (v.tiles) {
      const std::array<ImVec2, 6> hex = hexagon(map.shapes[s], d.frame, 0.03f + width / d.frame.s / 2);
      dl->AddPolyline(hex.data(), 6, color, ImDrawFlags_Closed, width);
    } else {
      outline_shape(dl, map.shapes[s], d.frame, color, width);
    }
  };
  for (std::size_t s = 0; s < map.shapes.size(); ++s)
    if (v.areas[s].flipped) ring(s, col(c.pal.text), c.px(2));
  if (marked >= 0)
    ring(static_cast<std::size_t>(marked), col(focus ? c.pal.accent : c.pal.text), c.px(focus ? 3 : 2.5f));
  dl->PopClipRect();
}

// The tiles' labels: every name where all fit, else every area's three letters.
void draw_tile_labels(const ViewContext& c, ImDrawList* dl, const MapView& v, const Drawn& d) {
  ImFont* f = c.fonts.small;
  const float room = d.frame.s * 0.9f;
  bool names = true;
  for (const MapArea& a : v.areas) names = names && text_width(f, a.name) <= room;
  for (std::size_t s = 0; s < v.areas.size(); ++s) {
    const MapArea& a = v.areas[s];
    const Point p = tile_centre(v.map->shapes[s]);
    const ImVec2 at = d.frame.at(p.x, p.y);
    const std::string& label = names ? a.name : a.abbr;
    if (text_width(f, label) > room * 1.05f) continue;  // (a grid too small for words: the card names it)
    const std::uint32_t ink = text_on(fill_of(a, c.pal, a.fill == Fill::Partial));
    text(dl, f, at.x - text_width(f, label) / 2, at.y - f->FontSize / 2, ink, label);
  }
}

int hit(const MapView& v, const Drawn& d, ImVec2 mouse) {
  if (mouse.x < d.lo.x || mouse.y < d.lo.y || mouse.x >= d.hi.x || mouse.y >= d.hi.y) return -1;
  const Point p = d.frame.back(mouse);
  return v.tiles ? tile_at(*v.map, p.x, p.y) : shape_at(*v.map, p.x, p.y);
}

// The card: the area's lines, over the map near `at`, inside the widget.
void draw_card(const ViewContext& c, const MapArea& a, ImVec2 at, float left, float right, bool hint) {
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const float pad = c.px(8), gap = c.px(2);
  std::vector<std::pair<ImFont*, const std::string*>> lines;
  for (std::size_t i = 0; i < a.card.size(); ++i)
    lines.emplace_back(i == 0 ? c.fonts.strong : c.fonts.small, &a.card[i]);
  if (hint && !a.hint.empty()) lines.emplace_back(c.fonts.small, &a.hint);
  float w = 0, h = 0;
  for (const auto& [f, s] : lines) w = std::max(w, text_width(f, *s)), h += f->FontSize + gap;
  const float swatch = a.fill == Fill::None ? 0 : c.px(10) + c.px(6);
  w += 2 * pad + swatch;
  h += 2 * pad - gap;
  float x = std::clamp(at.x - w / 2, left, std::max(left, right - w));
  float y = at.y - h - c.px(12);
  if (y < c.px(4)) y = at.y + c.px(12);
  dl->AddRectFilled(ImVec2(x + c.px(1), y + c.px(2)), ImVec2(x + w + c.px(1), y + h + c.px(2)), col(0x000000, 0.18f),
                    c.px(6));
  dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + h), col(c.pal.background), c.px(6));
  dl->AddRect(ImVec2(x, y), ImVec2(x + w, y + h), col(c.pal.rule), c.px(6), 0, c.px(1));
  float ly = y + pad;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    ImFont* f = lines[i].first;
    float lx = x + pad;
    if (i == 1 && swatch > 0) {
      dl->AddRectFilled(ImVec2(lx, ly + (f->FontSize - c.px(10)) / 2),
                        ImVec2(lx + c.px(10), ly + (f->FontSize + c.px(10)) / 2), col(a.color), c.px(2));
      lx += swatch;
    } else if (i > 1 && swatch > 0) {
      lx += swatch;
    }
    text(dl, f, lx, ly, i == 0 ? c.pal.text : c.pal.secondary, *lines[i].second);
    ly += f->FontSize + gap;
  }
}

// The legend, wrapped into lines: returns its height.
float draw_legend(const ViewContext& c, ImDrawList* dl, const MapView& v, float x, float y) {
  ImFont* f = c.fonts.small;
  const float line = f->FontSize + c.px(8), sw = c.px(12), right = x + c.width;
  float cx = x, cy = y;
  const auto room = [&](float w) {
    if (cx > x && cx + w > right) cx = x, cy += line;
  };
  for (const Chip& k : v.leaders) {
    const float w = text_width(f, k.text) + c.px(12);
    room(w);
    chip(dl, f, cx, cy, k.color, k.text, c.px(6), c.px(2), c.px(4));
    cx += w + c.px(6);
  }
  if (!v.leaders.empty()) cx = x, cy += line + c.px(2);
  // The shade: the first leader's colour in its four steps.
  const std::uint32_t shade = v.leaders.empty() ? c.pal.secondary : v.leaders.front().color;
  cy += wrapped(dl, f, x, cy, c.width, c.pal.secondary, v.shade) + c.px(4);
  cx = x;
  for (int s = 0; s < kMapSteps; ++s) {
    const std::string& label = v.steps[static_cast<std::size_t>(s)];
    const float w = sw + c.px(4) + text_width(f, label) + c.px(12);
    room(w);
    dl->AddRectFilled(ImVec2(cx, cy + (f->FontSize - sw) / 2), ImVec2(cx + sw, cy + (f->FontSize + sw) / 2),
                      col(mix(c.pal.background, shade, kStrength[s])), c.px(2));
    text(dl, f, cx + sw + c.px(4), cy, c.pal.secondary, label);
    cx += w;
  }
  cx = x, cy += line;
  const auto key = [&](const std::string& words, int kind) {
    if (words.empty()) return;
    const float w = sw + c.px(6) + text_width(f, words) + c.px(14);
    room(w);
    const ImVec2 a(cx, cy + (f->FontSize - sw) / 2), b(cx + sw, cy + (f->FontSize + sw) / 2);
    if (kind == 0) {  // striped
      dl->AddRectFilled(a, b, col(mix(c.pal.background, shade, kStrength[kMapSteps - 1] * 0.45f)), c.px(2));
      dl->PushClipRect(a, b, true);
      for (float k = -sw; k < sw; k += c.px(5))
        dl->AddLine(ImVec2(a.x + k, b.y), ImVec2(a.x + k + sw, a.y), col(shade), c.px(1.6f));
      dl->PopClipRect();
    } else if (kind == 1) {  // grey
      dl->AddRectFilled(a, b, col(c.pal.track), c.px(2));
    } else {  // outlined
      dl->AddRectFilled(a, b, col(mix(c.pal.background, shade, kStrength[2])), c.px(2));
      dl->AddRect(a, b, col(c.pal.text), c.px(2), 0, c.px(2));
    }
    text(dl, f, cx + sw + c.px(6), cy, c.pal.secondary, words);
    cx += w;
  };
  key(v.partial, 0);
  key(v.uncounted, 1);
  key(v.flipped, 2);
  if (cx > x) cy += line;
  if (!v.missing.empty()) cy += wrapped(dl, f, x, cy, c.width, c.pal.secondary, v.missing) + c.px(6);
  return cy - y;
}

}  // namespace

void draw_map(const ViewContext& c, const MapView& v, bool header) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  float y = o.y;
  if (header) {
    y += wrapped(dl, c.fonts.title, o.x, y, c.width, c.pal.text, v.title) + c.px(4);
    if (!v.source_line.empty()) {
      text(dl, c.fonts.small, o.x, y, c.pal.secondary, fit(c.fonts.small, v.source_line, c.width));
      y += c.fonts.small->FontSize + c.px(10);
    }
  }
  const MapAsset& map = *v.map;
  // The map across the width, at most as tall as it is wide (and 640 CSS px).
  const Point size = v.tiles ? tile_grid_size(map) : Point{map.width, map.height};
  const float most_h = std::min(c.width, c.px(640));
  const float s = std::min(c.width / size.x, most_h / size.y);
  const float w = size.x * s, h = size.y * s;
  Drawn main{{o.x + (c.width - w) / 2, y, s}, ImVec2(o.x, y), ImVec2(o.x + c.width, y + h)};
  // The inset: areas drawn smaller than 16 CSS px, near the smallest, magnified below the map.
  Drawn inset{};
  bool has_inset = false;
  Box box;
  if (!v.tiles) {
    box = small_shapes_box(map, s, c.px(16));
    has_inset = !box.empty() && box.w() * s < c.width * 0.6f;
  }
  const float caption_h = c.fonts.small->FontSize + c.px(6);
  const float credit_h = c.fonts.small->FontSize + c.px(4);  // under the map, at its right
  if (has_inset) {
    const float iy = y + h + credit_h + c.px(6) + caption_h;
    const float ih_most = std::min(c.px(260), c.width * 0.7f);
    const float is = std::min(c.width / box.w(), ih_most / box.h());
    const float iw = c.width, ih = box.h() * is;
    inset = {{o.x + (iw - box.w() * is) / 2 - box.x0 * is, iy - box.y0 * is, is},
             ImVec2(o.x, iy),
             ImVec2(o.x + iw, iy + ih)};
  }
  const float bottom = has_inset ? inset.hi.y : main.hi.y + credit_h;

  // The pointer: one button over the map (and the inset); the area under it.
  ImGui::SetCursorScreenPos(main.lo);
  ImGui::InvisibleButton("map", ImVec2(c.width, std::max(1.0f, bottom - main.lo.y)));
  const bool hovered = ImGui::IsItemHovered(), clicked = ImGui::IsItemClicked();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  int under = -1;
  bool under_inset = false;
  if (hovered) {
    under = hit(v, main, mouse);
    if (under < 0 && has_inset) under_inset = (under = hit(v, inset, mouse)) >= 0;
  }
  if (under >= 0 && v.areas[static_cast<std::size_t>(under)].area < 0) under = -1;
  if (clicked && under >= 0) {
    const MapArea& a = v.areas[static_cast<std::size_t>(under)];
    if (c.touch && c.ui.map_picked != a.id)
      c.act.map_pick = a.id;  // a finger's first tap: the card
    else
      c.act.open_area = a.area;
  } else if (clicked) {
    c.act.map_pick = std::string();
  }
  // Which area is marked: the keyboard's focus, else the pointer's, else the finger's pick.
  int picked = -1, focused = -1;
  for (std::size_t i = 0; i < v.areas.size(); ++i) {
    if (!v.areas[i].id.empty() && v.areas[i].id == c.ui.map_picked) picked = static_cast<int>(i);
    if (!v.areas[i].id.empty() && c.ui.focus == "area:" + v.areas[i].id) focused = static_cast<int>(i);
  }
  const bool touch_hover = c.touch && under >= 0;  // (a finger's "hover" is its tap)
  const int marked = focused >= 0 ? focused : under >= 0 && !touch_hover ? under : picked;

  draw_areas(c, dl, v, main, marked, marked == focused && focused >= 0);
  if (v.tiles) draw_tile_labels(c, dl, v, main);
  if (has_inset) {
    const ImVec2 a = main.frame.at(box.x0, box.y0), b = main.frame.at(box.x1, box.y1);
    dl->AddRect(a, b, col(c.pal.secondary), 0, 0, c.px(1));
    text(dl, c.fonts.small, o.x, inset.lo.y - caption_h, c.pal.secondary, v.closer);
    draw_areas(c, dl, v, inset, marked, marked == focused && focused >= 0);
    dl->AddRect(inset.lo, inset.hi, col(c.pal.rule), 0, 0, c.px(1));
  }
  // The credit, right under the map, as OpenStreetMap asks.
  text_right(dl, c.fonts.small, main.hi.x, main.hi.y + c.px(2), c.pal.secondary, v.credit);

  // Where the keyboard and a test can find each area: a small box on its label point.
  for (std::size_t i = 0; c.regions && i < v.areas.size(); ++i) {
    if (v.areas[i].area < 0) continue;
    const Point p = anchor(map, static_cast<int>(i), v.tiles);
    const Drawn& d =
        !v.tiles && has_inset && std::max(bounds(map.shapes[i]).w(), bounds(map.shapes[i]).h()) * s < c.px(16) ? inset
                                                                                                               : main;
    const ImVec2 q = d.frame.at(p.x, p.y);
    const float r = c.px(3);
    Region reg{"area:" + v.areas[i].id, q.x - r, q.y - r, q.x + r, q.y + r, d.lo.x, d.lo.y, d.hi.x, d.hi.y};
    reg.ring = false;  // (the map outlines the focused area itself)
    c.regions->push_back(std::move(reg));
  }

  float ly = bottom + c.px(12);
  ly += draw_legend(c, dl, v, o.x, ly);
  if (marked >= 0) {
    const MapArea& a = v.areas[static_cast<std::size_t>(marked)];
    const Point p = anchor(map, marked, v.tiles);
    const Drawn& d = under_inset && marked == under ? inset : main;
    draw_card(c, a, d.frame.at(p.x, p.y), o.x, o.x + c.width, marked == picked && c.touch);
  }
  ImGui::SetCursorScreenPos(ImVec2(o.x, ly));
  ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace sandik::ui
