// sandik web platform — the widget's text in the browser's own fonts.
//
// Glyphs are measured, packed and drawn by a 2D canvas (loader.js, glyphAtlas: the browser's
// text renderer, its fonts and its fallback for any mark) into one ImGui font atlas per device
// pixel ratio, shared by every widget on the page: no font file is downloaded, no TrueType
// rasterizer is compiled into the wasm (this builder stands in for ImGui's stb_truetype one),
// and the atlas is drawn once however many widgets a page has. The loader measures and packs
// the first one while the wasm is still on its way. A glyph is drawn when a frame first shows
// it (the first results need a quarter of the ~550), the rest once the page is idle.
#pragma once

#include <string>
#include <string_view>

#include "ui/widget.h"

struct ImDrawData;
struct ImFontAtlas;

namespace sandik::web {

struct FontSet {
  // The glyphs' pixels stay in the loader's canvas number `canvas` (the atlas's top rows); the
  // atlas's own alpha pixels hold ImGui's white pixel and line textures below them. Each WebGL
  // context uploads both (gl_renderer.h).
  ImFontAtlas* atlas = nullptr;
  int canvas = 0;
  ui::Fonts fonts;  // body, small, strong, title, figure at `dpr`
  float dpr = 1;
  std::size_t extras = 0;   // code points drawn beyond the loader's base set
  unsigned generation = 0;  // bumped when the atlas is made again with more glyphs
  std::size_t drawn = 0;    // glyphs drawn on the canvas so far (textures compare it)
};

// The atlas for a device pixel ratio, in the system's UI font, built on first use. The
// reference stays valid for the page's lifetime.
const FontSet& font_set(float dpr);

// Glyphs a feed needs beyond the base set (ASCII, the Turkish letters, a few marks) …
void require_glyphs(std::string_view utf8);
// … drawn into every atlas when a feed has asked for new ones (their generation changes: each
// WebGL context uploads its texture again). Called on data change, never per frame.
void draw_new_glyphs();

// Draws the glyphs `data` shows that are not drawn yet (a frame's, before it goes to the GPU;
// `set.drawn` counts them, and each texture holding this atlas takes the canvas again).
void draw_shown_glyphs(const FontSet& set, const ImDrawData& data);
// Draws up to `most` glyphs not drawn yet, of any atlas (the page is idle). Returns how many are left.
std::size_t draw_more_glyphs(std::size_t most);

}  // namespace sandik::web
