// sandik ui — the overview's compact scoreboard: per office level a bar of the mayoralties each
// party has won or leads, and the parties with their change since the previous election.
#pragma once

#include "widget.h"

namespace sandik::ui {

void draw_scoreboard(const ViewContext& c, const ScoreboardView& v);

}  // namespace sandik::ui
