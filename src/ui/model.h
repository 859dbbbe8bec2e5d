// sandik ui — the widget's state, without drawing: options, the model computed from a feed, what
// the reader has opened. Pure (no ImGui, GL or browser): present.h turns it into what is shown.
//
// INDEX
//   View            which view(s) the widget shows (data-view)
//   WidgetOptions   plain options; empty or zero means the default, written beside each field
//   Moment          one point of the night's timeline
//   Model           computed once per feed, option or navigation change; the views only read it
//   UiState         what the reader has open (tab, "Diğer", hover, keyboard focus)
//   AccessibleSection  one block of the accessible mirror
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/feed.h"
#include "core/format.h"
#include "core/map.h"
#include "core/scoreboard.h"
#include "core/table_model.h"
#include "core/tally.h"

namespace sandik::ui {

enum class View { Full, Summary, Table, Detail, Sources, Flips, Timeline, Seats, Overview, Map, Tiles };
// full summary table detail sources flips timeline seats overview map tiles ("" = summary)
View view_from(std::string_view name);
const char* view_name(View v);          // view_from()'s names

struct WidgetOptions {
  std::string race;             // "" = the feed's first race
  std::string source;           // "" = the freshest: the source updated last
  std::string view;             // "" = "summary"; see view_from()
  std::string area;             // "" = the race's area; data-area opens a district directly
  Lang lang = Lang::Tr;         // tr or en
  bool dark = false;            // the platform resolves "auto" from prefers-color-scheme
  std::uint32_t accent = 0;     // 0 = the theme's own accent
  bool reduced_motion = false;  // prefers-reduced-motion: no animation
  std::string search;           // the table's filter (the loader's search box)
  std::string sort;             // "" = by name; see sort_key_from() (a reader's tap changes it too)
  bool desc = false;            // with `sort`
};

// A moment of the count for the timeline: from the feed's history, its current results, or a
// feed the widget itself received since the page opened.
struct Moment {
  int source = -1;
  std::int64_t at = 0;
  std::optional<double> reporting_pct;
  std::vector<std::pair<int, double>> shares;  // contestant -> percent
};

struct Model {
  std::shared_ptr<const Feed> feed;
  const Race* race = nullptr;
  int source = -1;
  int area = -1;                     // the area shown: the race's root or one opened from the table
  std::vector<int> trail;            // the race's root … area (the breadcrumb)
  std::unique_ptr<RaceTally> tally;  // for `source`
  Summary current;                   // `area` from `source`
  // Children of `area`, sorted and filtered: made when a table is first presented (the draw's
  // task, not the one that took the feed: 60,000 rows take a while to sort), hence mutable.
  mutable std::vector<TableRow> rows;
  mutable bool rows_made = false;
  TableQuery query;
  std::vector<Summary> by_source;  // `area` from each source with results (the compare view)
  std::vector<TableRow> flips;     // areas below the race root that changed hands
  std::vector<Moment> moments;     // the timeline, oldest first
  // The overview (data-view="overview"): at the country, `rows` are its provinces' own mayors
  // (mayor_rows) and `score` the mayoralties won; a province opened from it shows its own race
  // with the way back up named here (the country's id and name; "" elsewhere).
  bool overview = false;
  std::vector<ScoreLevel> score;
  std::string up_id, up_name;
  // The map of `area`'s children (a widget that shows one: map, tiles, full, overview): the
  // catalogue's map whose parent `area` is (`map_id`, "" when none), once the platform has
  // fetched it; its shapes joined to the feed; every child's row, in the feed's order.
  std::string map_id;
  std::shared_ptr<const MapAsset> map;
  const MapJoin* map_join = nullptr;  // (the widget's, made once per feed and map)
  std::vector<TableRow> map_rows;
  bool ready() const { return feed && race && tally; }
};

struct UiState {
  View tab = View::Summary;      // the tab open in the full view
  bool others_open = false;      // "Diğer (45)" expanded
  int hover_moment = -1;         // timeline
  std::string focus;             // the region the keyboard is on ("row:sariyer", "tab:1"; "" = none)
  bool scroll_to_focus = false;  // the keyboard moved: bring the focused row into view
  float table_scroll = -1;       // CSS px: where a scrolled table goes on the next frame (back to it)
  std::string map_picked;        // the area a finger tapped once on the map (its card stays; a second tap opens it)
};

// One block of the accessible mirror: a sentence and a table, as the canvas shows them.
struct AccessibleSection {
  std::string caption, sentence;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::size_t more = 0;  // rows past these, counted but not written (a very long table)
};

}  // namespace sandik::ui
