// sandik ui — the district table: one row per child area of the area shown. Every column sorts
// (tap its header), rows open the area, the header stays while the rows scroll (1,000+ rows
// through ImGui's list clipper). Narrow widgets keep name, leader and margin.
#pragma once

#include "widget.h"

namespace sandik::ui {

void draw_table(const ViewContext& ctx);
AccessibleSection describe_table(const Model& model, Lang lang);

}  // namespace sandik::ui
