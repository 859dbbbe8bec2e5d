// sandik ui — the map and the tile grid: areas filled in their leader's colour (darker for a
// wider margin, striped while counting, grey with nothing counted, flips outlined), the inset
// of the areas too small to tap, the card of the area under the pointer, the finger's pick or
// the keyboard's focus, the legend and the credit.
#pragma once

#include "widget.h"

namespace sandik::ui {

// `header`: the race and source above it (the map's own view; the overview has its summary).
void draw_map(const ViewContext& c, const MapView& v, bool header);

}  // namespace sandik::ui
