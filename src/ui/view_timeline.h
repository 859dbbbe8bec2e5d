// sandik ui — the timeline: how the two leading contestants' shares and the ballot boxes opened
// moved through the night, per source, from the feed's history, its current results and the
// feeds this page has received. Hover or tap shows the values at a moment.
// It lays out its presentation model (present.h) and nothing else.
#pragma once

#include "present.h"
#include "widget.h"

namespace sandik::ui {

void draw_timeline(const ViewContext& ctx, const TimelineView& view);

}  // namespace sandik::ui
