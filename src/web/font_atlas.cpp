#include "font_atlas.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <utility>
#include <vector>

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

constexpr const char* kSystemFamily =
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

// Latin-1 and Latin Extended-A (ğ ı İ ş …), dashes, quotes, bullet, ellipsis, ‹ › ← → ▲ ▼ ✓.
std::vector<unsigned> codepoints() {
  std::vector<unsigned> out;
  for (unsigned c = 0x20; c < 0x7F; ++c) out.push_back(c);
  for (unsigned c = 0xA0; c < 0x180; ++c) out.push_back(c);
  for (unsigned c : {0x2013u, 0x2014u, 0x2018u, 0x2019u, 0x201Cu, 0x201Du, 0x2022u, 0x2026u, 0x2039u, 0x203Au, 0x2190u,
                     0x2192u, 0x25B2u, 0x25BCu, 0x2713u})
    out.push_back(c);
  return out;
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

std::string css_font(const Face& face, float dpr, const std::string& family) {
  char size[32];
  std::snprintf(size, sizeof size, "%d %.2fpx ", face.weight, static_cast<double>(face.css_px * dpr));
  return size + family;
}

void build(FontSet& set) {
  ImFontAtlas& atlas = *set.atlas;
  atlas.Clear();
  atlas.Flags |= ImFontAtlasFlags_NoMouseCursors;  // the page's own cursor is shown, never ImGui's
  ImFontAtlasBuildInit(&atlas);                     // ImGui's white pixel and anti-aliased line rects

  const std::vector<unsigned> cps = codepoints();
  const int n = static_cast<int>(cps.size());
  std::vector<float> metrics(static_cast<std::size_t>(n) * 5 + 2);
  std::vector<Glyph> glyphs;
  std::vector<std::string> fonts;
  for (const Face& face : kFaces) {
    fonts.push_back(css_font(face, set.dpr, set.family));
    sandik_js_measure_glyphs(fonts.back().c_str(), cps.data(), n, metrics.data());
    const float line = std::round(face.css_px * kLineHeightPerEm * set.dpr);
    const float ascent = metrics[static_cast<std::size_t>(n) * 5], descent = metrics[static_cast<std::size_t>(n) * 5 + 1];
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
      const int left = static_cast<int>(std::ceil(m[1])), right = static_cast<int>(std::ceil(m[2]));
      const int up = static_cast<int>(std::ceil(m[3])), down = static_cast<int>(std::ceil(m[4]));
      Glyph g{font, cps[static_cast<std::size_t>(i)], 0, 0, m[0], 0, 0, 0, 0};
      if (left + right > 0 && up + down > 0) {
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
}

std::map<std::pair<float, std::string>, std::unique_ptr<FontSet>>& sets() {
  static std::map<std::pair<float, std::string>, std::unique_ptr<FontSet>> all;
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

const FontSet& font_set(float dpr, const std::string& family) {
  auto& all = sets();
  const std::string fam = family.empty() ? kSystemFamily : family;
  auto& slot = all[{dpr, fam}];
  if (!slot) {
    slot = std::make_unique<FontSet>();
    slot->atlas = IM_NEW(ImFontAtlas)();
    slot->dpr = dpr;
    slot->family = fam;
    build(*slot);
  }
  return *slot;
}

std::size_t font_atlas_bytes() {
  std::size_t n = 0;
  for (const auto& entry : sets()) {
    const ImFontAtlas& a = *entry.second->atlas;
    if (a.TexPixelsAlpha8) n += static_cast<std::size_t>(a.TexWidth) * a.TexHeight;
    if (a.TexPixelsRGBA32) n += static_cast<std::size_t>(a.TexWidth) * a.TexHeight * 4;
  }
  return n;
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
