// sandik ui — the district table: one row per child area of the area shown. Every column sorts
// (tap its header), rows open the area, the header stays while the rows scroll (1,000+ rows
// through ImGui's list clipper). Narrow widgets keep name, leader and margin.
// It lays out its presentation model (present.h) and nothing else.
#pragma once

#include "present.h"
#include "widget.h"

namespace sandik::ui {

void draw_table(const ViewContext& ctx, const TableView& view);

}  // namespace sandik::ui
