// sandik ui — the sources: a switch to pick the source the widget shows, and the sources side
// by side per contestant with the difference, each source's ballot boxes opened and time.
// It lays out its presentation model (present.h) and nothing else.
#pragma once

#include "present.h"
#include "widget.h"

namespace sandik::ui {

void draw_sources(const ViewContext& ctx, const SourcesView& view);

}  // namespace sandik::ui
