// sandik ui — colours: light and dark palettes, a brand accent, legible text on party colours.
// Pure functions (no ImGui): colours are 0xRRGGBB; the views turn them into ImGui colours.
#pragma once

#include <cstdint>

namespace sandik::ui {

struct Palette {
  std::uint32_t background, text, secondary, track, rule, accent, live, final_, test;
  bool dark;
};

Palette palette(bool dark, std::uint32_t accent /* 0 = default */);
double relative_luminance(std::uint32_t rgb);             // WCAG 2.x
double contrast_ratio(std::uint32_t a, std::uint32_t b);  // 1 … 21
std::uint32_t text_on(std::uint32_t background);          // black or white, whichever reads better

}  // namespace sandik::ui
