// sandik ui — the summary view: status, title, ballot boxes opened, one bar per leading
// contestant, the rest as "Diğer (45)" (tap to open), the margin in words.
// It lays out its presentation model (present.h) and nothing else.
#pragma once

#include "present.h"
#include "widget.h"

namespace sandik::ui {

void draw_summary(const ViewContext& ctx, const SummaryView& view);

}  // namespace sandik::ui
