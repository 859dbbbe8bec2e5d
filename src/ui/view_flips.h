// sandik ui — "El değiştiren ilçeler": the areas whose leader differs from the previous winner.
#pragma once

#include "widget.h"

namespace sandik::ui {

void draw_flips(const ViewContext& ctx);
AccessibleSection describe_flips(const Model& model, Lang lang);

}  // namespace sandik::ui
