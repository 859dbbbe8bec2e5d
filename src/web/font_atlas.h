// sandik web platform — the widget's text in the browser's own fonts.
//
// Glyphs are measured and drawn by a 2D canvas (platform_lib.js: the browser's text renderer,
// its fonts and its fallback for any mark), packed into one ImGui font atlas per device pixel
// ratio and font family, and shared by every widget on the page: no font file is downloaded,
// no TrueType rasterizer is compiled into the wasm (this builder stands in for ImGui's
// stb_truetype one), and the atlas is drawn once however many widgets a page has.
#pragma once

#include <string>
#include <string_view>

#include "ui/widget.h"

struct ImFontAtlas;

namespace sandik::web {

struct FontSet {
  ImFontAtlas* atlas = nullptr;  // its alpha pixels stay in memory: each WebGL context uploads them
  ui::Fonts fonts;               // body, small, strong, title, figure at `dpr`
  float dpr = 1;
  std::size_t glyphs = 0;        // code points drawn
  unsigned generation = 0;       // bumped when the atlas is drawn again with more glyphs
};

// The atlas for a device pixel ratio, in the system's UI font, built on first use. The
// reference stays valid for the page's lifetime.
const FontSet& font_set(float dpr);

// Glyphs a feed needs beyond the base set (ASCII, the Turkish letters, a few marks) …
void require_glyphs(std::string_view utf8);
// … drawn into every atlas when a feed has asked for new ones (their generation changes: each
// WebGL context uploads its texture again). Called on data change, never per frame.
void draw_new_glyphs();

}  // namespace sandik::web
