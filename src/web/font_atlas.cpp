#include "font_atlas.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <memory>
#include <utility>
#include <vector>

#include "core/turkish.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "misc/freetype/imgui_freetype.h"

// platform_lib.js: the browser's 2D canvas measures and draws the glyphs.
extern "C" void sandik_js_measure_glyphs(const char* css_font, const unsigned* codepoints, int count, float* out);
extern "C" void sandik_js_atlas_begin(int width, int height);
extern "C" void sandik_js_atlas_draw(const char* css_font, const unsigned* codepoints, const float* origins, int count);
extern "C" void sandik_js_atlas_end(unsigned char* alpha, int width, int height);

namespace sandik::web {
namespace {

// The reader's own interface font, whatever the system.
constexpr const char* kFamily =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
// ImGui sizes a font by its line height, CSS by its em: lines are 1.362 em (Noto Sans's own).
constexpr float kLineHeightPerEm = 1.362f;
constexpr int kPad = 1;  // transparent pixels around each glyph, so bilinear sampling never bleeds

struct Face {
  float css_px;
  int weight;
  ImFont* ui::Fonts::*slot;
};
constexpr Face kFaces[] = {{15, 400, &ui::Fonts::body},
                           {13, 400, &ui::Fonts::small},
                           {15, 700, &ui::Fonts::strong},
                           {22, 700, &ui::Fonts::title},
                           {20, 700, &ui::Fonts::figure}};

// The base set: ASCII, the Turkish letters (Ç Ğ İ Ö Ş Ü, â î û), the marks the widget's own
// words use (± · « » ° – — ‘ ’ “ ” • … ‹ › ← → − ▲ ▼ ✓). Any other letter a feed names is drawn
// when that feed arrives (require_glyphs): fewer glyphs, a faster first draw.
std::set<unsigned>& wanted() {
  static std::set<unsigned> all = [] {
    std::set<unsigned> s;
    for (unsigned c = 0x20; c < 0x7F; ++c) s.insert(c);
    for (unsigned c : {0xA0u, 0xABu, 0xB0u, 0xB1u, 0xB7u, 0xBBu, 0xC2u, 0xC7u, 0xCEu, 0xD6u, 0xDBu, 0xDCu, 0xE2u, 0xE7u,
                       0xEEu, 0xF6u, 0xFBu, 0xFCu, 0x11Eu, 0x11Fu, 0x130u, 0x131u, 0x15Eu, 0x15Fu, 0x2013u, 0x2014u,
                       0x2018u, 0x2019u, 0x201Cu, 0x201Du, 0x2022u, 0x2026u, 0x2039u, 0x203Au, 0x2190u, 0x2192u,
                       0x2212u, 0x25B2u, 0x25BCu, 0x2713u})
      s.insert(c);
    return s;
  }();
  return all;
}

struct Glyph {
  ImFont* font;
  unsigned codepoint;
  int w, h;              // the bitmap, padding included (0 × 0 for a space)
  float advance, x0, y0;  // pen advance; the bitmap's top-left from the pen (top of the line)
  float origin_x, origin_y;  // where the canvas draws the glyph's origin inside its bitmap
  int x = 0, y = 0;      // place in the atlas
};

struct Rect {
  int w, h;
  int* x;
  int* y;
};

// Shelf packing, tallest first: a few hundred glyphs of a handful of sizes pack tightly this way.
int pack(std::vector<Rect>& rects, int width) {
  std::sort(rects.begin(), rects.end(), [](const Rect& a, const Rect& b) { return a.h != b.h ? a.h > b.h : a.w > b.w; });
  int x = 0, y = 0, shelf = 0;
  for (Rect& r : rects) {
    if (x + r.w > width) {
      x = 0;
      y += shelf;
      shelf = 0;
    }
    *r.x = x;
    *r.y = y;
    x += r.w;
    shelf = std::max(shelf, r.h);
  }
  return y + shelf;
}

std::string css_font(const Face& face, float dpr) {
  char size[32];
  std::snprintf(size, sizeof size, "%d %.2fpx ", face.weight, static_cast<double>(face.css_px * dpr));
  return size + std::string(kFamily);
}

void build(FontSet& set) {
  ImFontAtlas& atlas = *set.atlas;
  atlas.Clear();
  atlas.Flags |= ImFontAtlasFlags_NoMouseCursors;  // the page's own cursor is shown, never ImGui's
  ImFontAtlasBuildInit(&atlas);                     // ImGui's white pixel and anti-aliased line rects

  const std::vector<unsigned> cps(wanted().begin(), wanted().end());
  const int n = static_cast<int>(cps.size());
  // Each weight is measured once, at its largest size; outlines scale, so the other sizes take
  // the same metrics scaled (with a pixel more of room around each bitmap).
  struct Measured {
    float px = 0;                // the weight's largest size, in device pixels
    std::vector<float> metrics;  // per glyph: advance, left, right, ascent, descent; then the font's ascent, descent
  };
  std::map<int, Measured> measured;  // by weight
  for (const Face& face : kFaces) measured[face.weight].px = std::max(measured[face.weight].px, face.css_px * set.dpr);
  for (auto& [weight, m] : measured) {
    m.metrics.resize(static_cast<std::size_t>(n) * 5 + 2);
    const Face probe{m.px / set.dpr, weight, nullptr};
    sandik_js_measure_glyphs(css_font(probe, set.dpr).c_str(), cps.data(), n, m.metrics.data());
  }
  std::vector<Glyph> glyphs;
  std::vector<std::string> fonts;
  for (const Face& face : kFaces) {
    fonts.push_back(css_font(face, set.dpr));
    const Measured& ms = measured[face.weight];
    const float k = face.css_px * set.dpr / ms.px;  // 1 for the size measured
    const int extra = k < 1 ? 1 : 0;
    const std::vector<float>& metrics = ms.metrics;
    const float line = std::round(face.css_px * kLineHeightPerEm * set.dpr);
    const float ascent = k * metrics[static_cast<std::size_t>(n) * 5], descent = k * metrics[static_cast<std::size_t>(n) * 5 + 1];
    const float baseline = std::round((line - (ascent + descent)) * 0.5f + ascent);
    ImFont* font = IM_NEW(ImFont)();
    font->FontSize = line;
    font->ContainerAtlas = &atlas;
    font->Ascent = baseline;
    font->Descent = baseline - line;
    atlas.Fonts.push_back(font);
    set.fonts.*face.slot = font;
    for (int i = 0; i < n; ++i) {
      const float* m = &metrics[static_cast<std::size_t>(i) * 5];  // advance, left, right, ascent, descent
      const int left = static_cast<int>(std::ceil(k * m[1])) + extra, right = static_cast<int>(std::ceil(k * m[2])) + extra;
      const int up = static_cast<int>(std::ceil(k * m[3])) + extra, down = static_cast<int>(std::ceil(k * m[4])) + extra;
      Glyph g{font, cps[static_cast<std::size_t>(i)], 0, 0, k * m[0], 0, 0, 0, 0};
      if (m[1] + m[2] > 0 && m[3] + m[4] > 0) {
        g.w = left + right + 2 * kPad;
        g.h = up + down + 2 * kPad;
        g.x0 = static_cast<float>(-left - kPad);
        g.y0 = baseline - static_cast<float>(up + kPad);
        g.origin_x = static_cast<float>(left + kPad);
        g.origin_y = static_cast<float>(up + kPad);
      }
      glyphs.push_back(g);
    }
  }

  // Pack the glyphs and ImGui's own rects into a texture a little wider than it is tall.
  std::vector<Rect> rects;
  long long area = 0;
  for (Glyph& g : glyphs)
    if (g.w > 0) {
      rects.push_back({g.w, g.h, &g.x, &g.y});
      area += static_cast<long long>(g.w) * g.h;
    }
  std::vector<std::pair<int, int>> custom(static_cast<std::size_t>(atlas.CustomRects.Size));
  for (int i = 0; i < atlas.CustomRects.Size; ++i) {
    const ImFontAtlasCustomRect& r = atlas.CustomRects[i];
    rects.push_back({r.Width, r.Height, &custom[static_cast<std::size_t>(i)].first, &custom[static_cast<std::size_t>(i)].second});
    area += static_cast<long long>(r.Width) * r.Height;
  }
  int width = 256;
  while (static_cast<long long>(width) * width < area * 5 / 4 && width < 4096) width *= 2;
  const int height = pack(rects, width);
  for (int i = 0; i < atlas.CustomRects.Size; ++i) {
    atlas.CustomRects[i].X = static_cast<unsigned short>(custom[static_cast<std::size_t>(i)].first);
    atlas.CustomRects[i].Y = static_cast<unsigned short>(custom[static_cast<std::size_t>(i)].second);
  }
  atlas.TexWidth = width;
  atlas.TexHeight = height;
  atlas.TexUvScale = ImVec2(1.0f / static_cast<float>(width), 1.0f / static_cast<float>(height));
  atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(static_cast<std::size_t>(width) * height));
  std::memset(atlas.TexPixelsAlpha8, 0, static_cast<std::size_t>(width) * height);

  // The browser draws every glyph in place; its alpha channel becomes the atlas.
  sandik_js_atlas_begin(width, height);
  std::vector<unsigned> draw_cps;
  std::vector<float> origins;
  for (std::size_t f = 0; f < fonts.size(); ++f) {
    draw_cps.clear();
    origins.clear();
    for (const Glyph& g : glyphs) {
      if (g.font != atlas.Fonts[static_cast<int>(f)] || g.w == 0) continue;
      draw_cps.push_back(g.codepoint);
      origins.push_back(static_cast<float>(g.x) + g.origin_x);
      origins.push_back(static_cast<float>(g.y) + g.origin_y);
    }
    sandik_js_atlas_draw(fonts[f].c_str(), draw_cps.data(), origins.data(), static_cast<int>(draw_cps.size()));
  }
  sandik_js_atlas_end(atlas.TexPixelsAlpha8, width, height);

  const ImVec2 uv = atlas.TexUvScale;
  for (const Glyph& g : glyphs) {
    if (g.w == 0) {
      g.font->AddGlyph(nullptr, static_cast<ImWchar>(g.codepoint), 0, 0, 0, 0, 0, 0, 0, 0, g.advance);
      continue;
    }
    g.font->AddGlyph(nullptr, static_cast<ImWchar>(g.codepoint), g.x0, g.y0, g.x0 + static_cast<float>(g.w),
                     g.y0 + static_cast<float>(g.h), static_cast<float>(g.x) * uv.x, static_cast<float>(g.y) * uv.y,
                     static_cast<float>(g.x + g.w) * uv.x, static_cast<float>(g.y + g.h) * uv.y, g.advance);
  }
  ImFontAtlasBuildFinish(&atlas);  // ImGui's white pixel and line textures, lookup tables
  set.glyphs = cps.size();
}

std::map<float, std::unique_ptr<FontSet>>& sets() {  // by device pixel ratio
  static std::map<float, std::unique_ptr<FontSet>> all;
  return all;
}

// ImGui asks its builder only if an atlas lost its pixels; rebuild that set in place.
bool rebuild(ImFontAtlas* atlas) {
  for (auto& entry : sets())
    if (entry.second->atlas == atlas) {
      build(*entry.second);
      return true;
    }
  return false;
}

}  // namespace

const FontSet& font_set(float dpr) {
  auto& slot = sets()[dpr];
  if (!slot) {
    slot = std::make_unique<FontSet>();
    slot->atlas = IM_NEW(ImFontAtlas)();
    slot->dpr = dpr;
    build(*slot);
  }
  return *slot;
}

void require_glyphs(std::string_view s) {
  std::set<unsigned>& all = wanted();
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = turkish::next_code_point(s, i);
    if (cp >= 0x20 && cp <= 0xFFFF && all.size() < 4096) all.insert(static_cast<unsigned>(cp));  // ImGui keeps 16-bit code points
  }
}

void draw_new_glyphs() {
  for (auto& entry : sets()) {
    if (entry.second->glyphs == wanted().size()) continue;
    build(*entry.second);
    ++entry.second->generation;
  }
}

}  // namespace sandik::web

// Built with IMGUI_ENABLE_FREETYPE so that ImGui compiles no stb_truetype: this is the builder
// it calls instead (FreeType is not used).
namespace ImGuiFreeType {
const ImFontBuilderIO* GetBuilderForFreeType() {
  static const ImFontBuilderIO io = {&sandik::web::rebuild};
  return &io;
}
}  // namespace ImGuiFreeType

// Linked with --wrap: ImGui's fallback to its built-in bitmap font (when an atlas has no fonts)
// never happens here, so its compressed font data need not be in the wasm.
extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*, const ImFontConfig*) {
  return nullptr;
}
