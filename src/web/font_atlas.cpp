#include "font_atlas.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include "core/turkish.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "misc/freetype/imgui_freetype.h"

// platform_lib.js → loader.js (glyphAtlas): the browser's 2D canvas measures, packs and draws
// the base glyphs and `count` more code points at `dpr`. Returns a block from malloc, freed here:
// int32 width, height, faces, glyphs, canvas id; then float32 per face: line height, baseline;
// per glyph: face, code point, x, y, w, h, x0, y0, advance. The pixels stay in that canvas.
extern "C" void* sandik_js_glyph_atlas(float dpr, const unsigned* codepoints, int count);
extern "C" void sandik_js_release_glyphs(int canvas);

namespace sandik::web {
namespace {

// The faces in the order loader.js draws them (GLYPH_SPEC.faces).
constexpr ImFont* ui::Fonts::*kSlots[] = {&ui::Fonts::body, &ui::Fonts::small, &ui::Fonts::strong, &ui::Fonts::title,
                                          &ui::Fonts::figure};
constexpr int kFaces = static_cast<int>(sizeof kSlots / sizeof kSlots[0]);

// Code points feeds named that the first atlas did not have (the loader draws a base set: ASCII,
// the Turkish letters, the widget's own marks), and every code point known to be drawn.
std::set<unsigned> g_extra, g_known;

void build(FontSet& set) {
  ImFontAtlas& atlas = *set.atlas;
  atlas.Clear();
  atlas.Flags |= ImFontAtlasFlags_NoMouseCursors;  // the page's own cursor is shown, never ImGui's
  ImFontAtlasBuildInit(&atlas);                     // ImGui's white pixel and anti-aliased line rects

  const std::vector<unsigned> extra(g_extra.begin(), g_extra.end());
  unsigned char* block = static_cast<unsigned char*>(sandik_js_glyph_atlas(set.dpr, extra.data(), static_cast<int>(extra.size())));
  std::int32_t head[5];
  std::memcpy(head, block, sizeof head);
  const int width = head[0], glyph_height = head[1], faces = head[2], count = head[3];
  if (set.canvas) sandik_js_release_glyphs(set.canvas);
  set.canvas = head[4];
  std::vector<float> table(static_cast<std::size_t>(faces) * 2 + static_cast<std::size_t>(count) * 9);
  std::memcpy(table.data(), block + sizeof head, table.size() * sizeof(float));
  std::free(block);

  for (int f = 0; f < kFaces; ++f) {
    const std::size_t at = static_cast<std::size_t>(f) * 2;
    const float line = f < faces ? table[at] : 16, baseline = f < faces ? table[at + 1] : 12;
    ImFont* font = IM_NEW(ImFont)();
    font->FontSize = line;
    font->ContainerAtlas = &atlas;
    font->Ascent = baseline;
    font->Descent = baseline - line;
    atlas.Fonts.push_back(font);
    set.fonts.*kSlots[f] = font;
  }

  // ImGui's own rects (the white pixel, the line textures) on shelves below the glyphs.
  int x = 0, y = glyph_height, shelf = 0;
  for (ImFontAtlasCustomRect& r : atlas.CustomRects) {
    if (x + r.Width > width) {
      x = 0;
      y += shelf;
      shelf = 0;
    }
    r.X = static_cast<unsigned short>(x);
    r.Y = static_cast<unsigned short>(y);
    x += r.Width;
    shelf = std::max(shelf, static_cast<int>(r.Height));
  }
  const int height = y + shelf;
  atlas.TexWidth = width;
  atlas.TexHeight = height;
  atlas.TexUvScale = ImVec2(1.0f / static_cast<float>(width), 1.0f / static_cast<float>(height));
  atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(static_cast<std::size_t>(width) * height));
  std::memset(atlas.TexPixelsAlpha8, 0, static_cast<std::size_t>(width) * height);  // (the glyphs' rows stay empty here)

  const ImVec2 uv = atlas.TexUvScale;
  for (int i = 0; i < count; ++i) {
    const float* g = &table[static_cast<std::size_t>(faces) * 2 + static_cast<std::size_t>(i) * 9];
    const int face = static_cast<int>(g[0]);
    const auto cp = static_cast<unsigned>(g[1]);
    const float gx = g[2], gy = g[3], w = g[4], h = g[5], x0 = g[6], y0 = g[7], advance = g[8];
    if (face < 0 || face >= kFaces) continue;
    g_known.insert(cp);
    atlas.Fonts[face]->AddGlyph(nullptr, static_cast<ImWchar>(cp), x0, y0, x0 + w, y0 + h, gx * uv.x, gy * uv.y,
                                (gx + w) * uv.x, (gy + h) * uv.y, advance);
  }
  ImFontAtlasBuildFinish(&atlas);  // ImGui's white pixel and line textures, lookup tables
  set.extras = g_extra.size();
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
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = turkish::next_code_point(s, i);
    // ImGui keeps 16-bit code points; ASCII is always drawn.
    if (cp < 0x7F || cp > 0xFFFF || g_known.count(static_cast<unsigned>(cp)) || g_extra.size() >= 4096) continue;
    g_extra.insert(static_cast<unsigned>(cp));
    g_known.insert(static_cast<unsigned>(cp));
  }
}

void draw_new_glyphs() {
  for (auto& entry : sets()) {
    if (entry.second->extras == g_extra.size()) continue;
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
