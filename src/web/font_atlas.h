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
  std::string family;
  unsigned generation = 0;       // bumped when the atlas is drawn again with more glyphs
};

// The atlas for a device pixel ratio and a CSS font-family list ("" = the system's UI font),
// built on first use. The reference stays valid for the page's lifetime.
const FontSet& font_set(float dpr, const std::string& family);

// Glyphs a feed needs beyond the base set (ASCII, Latin-1, Turkish letters, a few marks): every
// atlas draws them from its next use on (its generation changes; textures are uploaded again).
void require_glyphs(std::string_view utf8);

// Bytes of atlas pixels held for all font sets (for the memory benchmark).
std::size_t font_atlas_bytes();

}  // namespace sandik::web
