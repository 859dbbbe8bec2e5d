#include "font_atlas.h"

#include <algorithm>
#include <cmath>
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

// platform_lib.js → loader.js (glyphAtlas): the browser's 2D canvas measures and packs the base
// glyphs and `count` more code points at `dpr`. Returns a block from malloc, freed here: int32
// width, height, faces, glyphs, canvas id; then float32 per face: line height, baseline; per
// glyph: face, code point, x, y, w, h, x0, y0, advance. The pixels are drawn into that canvas by
// sandik_js_draw_glyphs (glyphs by their index in the table), and stay there.
extern "C" void* sandik_js_glyph_atlas(float dpr, const unsigned* codepoints, int count);
extern "C" void sandik_js_draw_glyphs(int canvas, const int* glyphs, int count);
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

// Marks the widget draws itself, in every face but the figures': the browser's font may lack
// them (Noto Sans has no arrows), and finding one that has them cost the first draw ~20 ms. In
// em from the pen on the baseline, y up: an arrow (three strokes) or a triangle (filled).
struct Mark {
  ImWchar cp;
  float advance, x0, y0, x1, y1;  // advance and ink box
  bool filled;
  float p[6];  // the arrow's shaft start (x, y), tip (x, y), how far back its head reaches (x); the triangle's corners
};
constexpr Mark kMarks[] = {
    {0x2192, 0.80f, 0.06f, 0.06f, 0.74f, 0.54f, false, {0.08f, 0.30f, 0.70f, 0.30f, 0.48f, 0.0f}},  // →
    {0x25B2, 0.66f, 0.08f, 0.0f, 0.58f, 0.47f, true, {0.08f, 0.02f, 0.58f, 0.02f, 0.33f, 0.47f}},   // ▲
    {0x25BC, 0.66f, 0.08f, 0.0f, 0.58f, 0.47f, true, {0.08f, 0.47f, 0.58f, 0.47f, 0.33f, 0.02f}},   // ▼
};
constexpr float kLinePerEm = 1.362f;  // loader.js, GLYPH_SPEC.linePerEm
constexpr int kStrongFace = 2, kTitleFace = 3, kFigureFace = 4;

struct MarkBox {
  const Mark* mark;
  float em, baseline;  // pixels
  bool bold;
  float left, top;  // the rect's corner from the pen at the top of the line
};

float segment_distance(float px, float py, float ax, float ay, float bx, float by) {
  const float dx = bx - ax, dy = by - ay;
  const float t = std::clamp(((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy), 0.0f, 1.0f);
  const float ex = px - ax - t * dx, ey = py - ay - t * dy;
  return std::sqrt(ex * ex + ey * ey);
}

bool in_triangle(const float* p, float x, float y) {
  const auto side = [&](int i, int j) {
    return (p[2 * j] - p[2 * i]) * (y - p[2 * i + 1]) - (p[2 * j + 1] - p[2 * i + 1]) * (x - p[2 * i]);
  };
  const float a = side(0, 1), b = side(1, 2), c = side(2, 0);
  return (a >= 0 && b >= 0 && c >= 0) || (a <= 0 && b <= 0 && c <= 0);
}

// The mark's coverage into its rect of the atlas's alpha pixels, 4 × 4 samples a pixel.
void draw_mark(ImFontAtlas& atlas, const ImFontAtlasCustomRect& r, const MarkBox& b) {
  const Mark& m = *b.mark;
  const float stroke = (b.bold ? 0.11f : 0.075f) * 0.5f;
  const float tip_x = m.p[2], tip_y = m.p[3], back = tip_x - m.p[4];  // the arrow's head
  for (int j = 0; j < r.Height; ++j)
    for (int i = 0; i < r.Width; ++i) {
      int hits = 0;
      for (int t = 0; t < 16; ++t) {
        const float x = (b.left + static_cast<float>(i) + (static_cast<float>(t % 4) + 0.5f) / 4) / b.em;
        const float y = (b.baseline - b.top - static_cast<float>(j) - (static_cast<float>(t / 4) + 0.5f) / 4) / b.em;
        if (m.filled) {
          hits += in_triangle(m.p, x, y) ? 1 : 0;
        } else {  // the shaft, and the head's two strokes from the tip back at ±45°
          const float d = std::min(segment_distance(x, y, m.p[0], m.p[1], tip_x, tip_y),
                                   std::min(segment_distance(x, y, tip_x, tip_y, tip_x - back, tip_y + back),
                                            segment_distance(x, y, tip_x, tip_y, tip_x - back, tip_y - back)));
          hits += d <= stroke ? 1 : 0;
        }
      }
      atlas.TexPixelsAlpha8[(r.Y + j) * atlas.TexWidth + r.X + i] = static_cast<unsigned char>(hits * 255 / 16);
    }
}

// Where each glyph lies in the atlas, to tell from a frame's vertices which glyphs it shows: the
// loader packs glyphs on shelves (rows of one top edge), left to right.
struct Box {
  float x, y, w, h;
  int glyph;  // index in the loader's table
};
struct Shelf {
  float y;
  std::vector<Box> boxes;  // by x
};

struct Atlas {
  FontSet set;
  float glyph_rows = 0;              // the glyphs' rows at the top of the atlas, in pixels
  std::vector<Shelf> shelves;        // by y
  std::vector<unsigned char> drawn;  // per glyph in the table (blank ones, like the space, count as drawn)
  std::size_t inked = 0;             // glyphs with pixels to draw (set.drawn of them are)
};

// Has the loader draw `list` (glyphs of the table, each once, none drawn yet).
void draw(Atlas& a, const std::vector<int>& list) {
  if (list.empty()) return;
  sandik_js_draw_glyphs(a.set.canvas, list.data(), static_cast<int>(list.size()));
  for (int g : list) a.drawn[static_cast<std::size_t>(g)] = 1;
  a.set.drawn += list.size();
}

void build(Atlas& a) {
  FontSet& set = a.set;
  ImFontAtlas& atlas = *set.atlas;
  atlas.Clear();
  atlas.Flags |= ImFontAtlasFlags_NoMouseCursors;  // the page's own cursor is shown, never ImGui's
  ImFontAtlasBuildInit(&atlas);                    // ImGui's white pixel and anti-aliased line rects

  const std::vector<unsigned> extra(g_extra.begin(), g_extra.end());
  unsigned char* block =
      static_cast<unsigned char*>(sandik_js_glyph_atlas(set.dpr, extra.data(), static_cast<int>(extra.size())));
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

  // The marks drawn here rather than by the browser (kMarks), as ImGui custom glyphs.
  std::vector<std::pair<int, MarkBox>> marks;  // custom rect, where the mark lies in it
  for (int f = 0; f < kFaces && f < faces; ++f) {
    if (f == kFigureFace) continue;
    const float line = table[static_cast<std::size_t>(f) * 2], baseline = table[static_cast<std::size_t>(f) * 2 + 1];
    for (const Mark& m : kMarks) {
      MarkBox b{&m, line / kLinePerEm, baseline, f == kStrongFace || f == kTitleFace, 0, 0};
      b.left = std::floor(m.x0 * b.em) - 1;
      b.top = baseline - std::ceil(m.y1 * b.em) - 1;
      const int w = static_cast<int>(std::ceil(m.x1 * b.em) + 1 - b.left);
      const int h = static_cast<int>(baseline - std::floor(m.y0 * b.em) + 1 - b.top);
      marks.emplace_back(
          atlas.AddCustomRectFontGlyph(atlas.Fonts[f], m.cp, w, h, m.advance * b.em, ImVec2(b.left, b.top)), b);
      g_known.insert(m.cp);
    }
  }

  // ImGui's own rects (the white pixel, the line textures) and the marks on shelves below the glyphs.
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
  // (The glyphs' rows stay empty here: their pixels are in the loader's canvas.)
  std::memset(atlas.TexPixelsAlpha8, 0, static_cast<std::size_t>(width) * height);
  for (const auto& [rect, box] : marks) draw_mark(atlas, atlas.CustomRects[rect], box);

  const ImVec2 uv = atlas.TexUvScale;
  a.glyph_rows = static_cast<float>(glyph_height);
  a.shelves.clear();
  a.drawn.assign(static_cast<std::size_t>(count), 1);  // (blank glyphs have nothing to draw)
  set.drawn = 0;
  std::vector<Box> boxes;
  for (int i = 0; i < count; ++i) {
    const float* g = &table[static_cast<std::size_t>(faces) * 2 + static_cast<std::size_t>(i) * 9];
    const int face = static_cast<int>(g[0]);
    const auto cp = static_cast<unsigned>(g[1]);
    const float gx = g[2], gy = g[3], w = g[4], h = g[5], x0 = g[6], y0 = g[7], advance = g[8];
    if (face < 0 || face >= kFaces) continue;
    g_known.insert(cp);
    atlas.Fonts[face]->AddGlyph(nullptr, static_cast<ImWchar>(cp), x0, y0, x0 + w, y0 + h, gx * uv.x, gy * uv.y,
                                (gx + w) * uv.x, (gy + h) * uv.y, advance);
    if (w > 0 && h > 0) {
      a.drawn[static_cast<std::size_t>(i)] = 0;
      boxes.push_back({gx, gy, w, h, i});
    }
  }
  a.inked = boxes.size();
  for (const Box& b : boxes) {  // (the loader lists the glyphs shelf by shelf, left to right)
    if (a.shelves.empty() || a.shelves.back().y != b.y) a.shelves.push_back({b.y, {}});
    a.shelves.back().boxes.push_back(b);
  }
  ImFontAtlasBuildFinish(&atlas);  // ImGui's white pixel and line textures, lookup tables
  set.extras = g_extra.size();
}

// The glyph whose box holds the atlas pixel (x, y), or -1.
int glyph_at(const Atlas& a, float x, float y) {
  auto shelf = std::upper_bound(a.shelves.begin(), a.shelves.end(), y, [](float v, const Shelf& s) { return v < s.y; });
  if (shelf == a.shelves.begin()) return -1;
  --shelf;
  auto box =
      std::upper_bound(shelf->boxes.begin(), shelf->boxes.end(), x, [](float v, const Box& b) { return v < b.x; });
  if (box == shelf->boxes.begin()) return -1;
  --box;
  return x < box->x + box->w && y < box->y + box->h ? box->glyph : -1;
}

std::map<float, std::unique_ptr<Atlas>>& atlases() {  // by device pixel ratio
  static std::map<float, std::unique_ptr<Atlas>> all;
  return all;
}

// ImGui asks its builder only if an atlas lost its pixels; rebuild that set in place.
bool rebuild(ImFontAtlas* atlas) {
  for (auto& entry : atlases())
    if (entry.second->set.atlas == atlas) {
      build(*entry.second);
      return true;
    }
  return false;
}

}  // namespace

const FontSet& font_set(float dpr) {
  auto& slot = atlases()[dpr];
  if (!slot) {
    slot = std::make_unique<Atlas>();
    slot->set.atlas = IM_NEW(ImFontAtlas)();
    slot->set.dpr = dpr;
    build(*slot);
  }
  return slot->set;
}

void draw_shown_glyphs(const FontSet& set, const ImDrawData& data) {
  auto it = atlases().find(set.dpr);
  if (it == atlases().end() || &it->second->set != &set || set.drawn == it->second->inked) return;
  Atlas& a = *it->second;
  // A glyph is a quad of four vertices in a row (ImFont::RenderText), and the only vertices
  // whose UVs fall in the glyphs' rows (everything else samples ImGui's white pixel or line
  // textures below them). The middle of a quad's diagonal lies in its glyph's box, also when
  // the quad was clipped.
  const float sx = static_cast<float>(set.atlas->TexWidth), sy = static_cast<float>(set.atlas->TexHeight);
  std::vector<int> wanted;
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImVector<ImDrawVert>& v = data.CmdLists[n]->VtxBuffer;
    for (int i = 0; i + 3 < v.Size;) {
      if (v[i].uv.y * sy >= a.glyph_rows) {
        ++i;
        continue;
      }
      const int g = glyph_at(a, (v[i].uv.x + v[i + 2].uv.x) * 0.5f * sx, (v[i].uv.y + v[i + 2].uv.y) * 0.5f * sy);
      if (g >= 0 && !a.drawn[static_cast<std::size_t>(g)]) {
        a.drawn[static_cast<std::size_t>(g)] = 2;  // (wanted once)
        wanted.push_back(g);
      }
      i += 4;
    }
  }
  draw(a, wanted);
}

std::size_t draw_more_glyphs(std::size_t most) {
  std::size_t left = 0;
  for (auto& entry : atlases()) {
    Atlas& a = *entry.second;
    std::vector<int> some;
    for (std::size_t g = 0; g < a.drawn.size(); ++g) {
      if (a.drawn[g]) continue;
      if (some.size() < most)
        some.push_back(static_cast<int>(g));
      else
        ++left;
    }
    most -= some.size();
    draw(a, some);
  }
  return left;
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
  for (auto& entry : atlases()) {
    if (entry.second->set.extras == g_extra.size()) continue;
    build(*entry.second);
    ++entry.second->set.generation;
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
