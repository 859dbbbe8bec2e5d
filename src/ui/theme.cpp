#include "theme.h"

#include <algorithm>
#include <cmath>

namespace sandik::ui {

Palette palette(bool dark, std::uint32_t accent) {
  Palette p;
  if (dark) {
    p = {0x16181C, 0xF2F2F2, 0xB4B8BF, 0x33373E, 0x3A3F47, 0x6CB4FF, 0xFF6B6B, 0xE0E0E0, 0xFFC857, true};
  } else {
    p = {0xFFFFFF, 0x14171A, 0x5A6069, 0xE8EAED, 0xD5D8DC, 0x0B5CAD, 0xC8102E, 0x14171A, 0x8A5A00, false};
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
