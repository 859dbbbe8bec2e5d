#include "theme.h"

#include <algorithm>
#include <cmath>

#include "sandik_constants.h"

namespace sandik::ui {

Palette palette(bool dark, std::uint32_t accent) {
  Palette p;
  // design.json's palettes, the same the loader's CSS takes.
  if (dark) {
    namespace d = design::palette::dark;
    p = {d::background, d::text, d::secondary, d::track, d::rule, d::accent, d::live, d::final, d::test, true};
  } else {
    namespace l = design::palette::light;
    p = {l::background, l::text, l::secondary, l::track, l::rule, l::accent, l::live, l::final, l::test, false};
  }
  if (accent) p.accent = accent;
  return p;
}

double relative_luminance(std::uint32_t rgb) {
  auto channel = [](std::uint32_t v) {
    const double c = static_cast<double>(v) / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel((rgb >> 16) & 0xFF) + 0.7152 * channel((rgb >> 8) & 0xFF) + 0.0722 * channel(rgb & 0xFF);
}

double contrast_ratio(std::uint32_t a, std::uint32_t b) {
  const double la = relative_luminance(a), lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::uint32_t text_on(std::uint32_t background) {
  return contrast_ratio(background, 0x000000) >= contrast_ratio(background, 0xFFFFFF) ? 0x000000 : 0xFFFFFF;
}

}  // namespace sandik::ui
