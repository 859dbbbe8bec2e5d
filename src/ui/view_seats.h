// sandik ui — seats: for party races with `seats`, a hemicycle of the projected seats with the
// majority line, seats per party, and the change against the previous election's votes
// allocated by the same rule.
#pragma once

#include "widget.h"

namespace sandik::ui {

struct SeatRow {
  int party = -1;
  int seats = 0;
  std::optional<int> change;  // against the previous election, when the feed has its votes
};
std::vector<SeatRow> seat_rows(const Model& model);

void draw_seats(const ViewContext& ctx);
AccessibleSection describe_seats(const Model& model, Lang lang);

}  // namespace sandik::ui
