// sandik ui — "El değiştiren ilçeler": the areas whose leader differs from the previous winner.
// It lays out its presentation model (present.h) and nothing else.
#pragma once

#include "present.h"
#include "widget.h"

namespace sandik::ui {

void draw_flips(const ViewContext& ctx, const FlipsView& view);

}  // namespace sandik::ui
