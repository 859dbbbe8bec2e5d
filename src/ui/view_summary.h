// sandik ui — the summary view: status, title, ballot boxes opened, one bar per leading
// contestant, the rest as "Diğer (45)" (tap to open), the margin in words.
#pragma once

#include <string>
#include <vector>

#include "widget.h"

namespace sandik::ui {

// The rows the summary shows, shared by the canvas and the accessible mirror.
struct SummaryRow {
  int contestant = -1;  // -1 for the grouped "others" row
  int party = -1;       // party index, -1 for others
  int grouped = 0;      // others: how many contestants
  Count votes = 0;
  double share_pct = 0;
  bool leader = false, winner = false;
};
std::vector<SummaryRow> summary_rows(const Model& model, bool all, int max_shown = 4);
std::string summary_margin_sentence(const Model& model, Lang lang);  // "İmamoğlu 1.001.426 oy önde (11,56 puan)"
std::string summary_sentence(const Model& model, Lang lang);         // the screen reader's one-line summary

void draw_summary(const ViewContext& ctx);
AccessibleSection describe_summary(const Model& model, const UiState& ui, Lang lang);

}  // namespace sandik::ui
