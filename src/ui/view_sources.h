// sandik ui — the sources: a switch to pick the source the widget shows, and the sources side
// by side per contestant with the difference, each source's ballot boxes opened and time.
#pragma once

#include "widget.h"

namespace sandik::ui {

void draw_sources(const ViewContext& ctx);
AccessibleSection describe_sources(const Model& model, Lang lang);

}  // namespace sandik::ui
