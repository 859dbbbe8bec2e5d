// sandik ui — seats: for party races with `seats`, a hemicycle of the projected seats with the
// majority line, seats per party, and the change against the previous election's votes
// allocated by the same rule.
// It lays out its presentation model (present.h) and nothing else.
#pragma once

#include "present.h"
#include "widget.h"

namespace sandik::ui {

void draw_seats(const ViewContext& ctx, const SeatsView& view);

}  // namespace sandik::ui
