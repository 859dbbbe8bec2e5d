// sandik ui — one widget: a feed, its options, the model the views read, and the views.
//
// INDEX
//   WidgetOptions   plain options; empty or zero means the default, written beside each field
//   View            which view(s) the widget shows (data-view)
//   Model           computed once per feed, option or navigation change; the views only read it
//   Actions         what a view asks for (open an area, sort, switch source); the widget applies them
//   ViewContext     what a view gets to draw: model, width, scale, palette, fonts, language
//   Widget          set_feed() / set_options() / draw() / accessible_json()
//
// USAGE (the platform layer, once per frame, inside an ImGui frame)
//   widget.set_feed(bytes);            // problems come back; the last good feed stays on error
//   widget.draw(width_px, dpr, fonts); // device pixels; fonts loaded at size × dpr
//   height = widget.content_height();
//
// Uses ImGui; never GL, the browser or emscripten.h (those live in src/web/platform.cpp).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/feed.h"
#include "core/format.h"
#include "core/table_model.h"
#include "core/tally.h"
#include "theme.h"

struct ImFont;

namespace sandik::ui {

enum class View { Full, Summary, Table, Detail, Sources, Flips, Timeline, Seats };
View view_from(std::string_view name);  // full summary table detail sources flips timeline seats ("" = summary)

struct WidgetOptions {
  std::string race;             // "" = the feed's first race
  std::string source;           // "" = the race's first source
  std::string view;             // "" = "summary"; see view_from()
  std::string area;             // "" = the race's area; data-area opens a district directly
  Lang lang = Lang::Tr;         // tr or en
  bool dark = false;            // the platform resolves "auto" from prefers-color-scheme
  std::uint32_t accent = 0;     // 0 = the theme's own accent
  bool reduced_motion = false;  // prefers-reduced-motion: no animation
  std::string search;           // the table's filter (the loader's search box)
};

struct Fonts {
  ImFont* body = nullptr;    // Regular 15
  ImFont* small = nullptr;   // Regular 13
  ImFont* strong = nullptr;  // Bold 15
  ImFont* title = nullptr;   // Bold 22
  ImFont* figure = nullptr;  // Bold 20, shares
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
  std::vector<TableRow> rows;        // children of `area`, sorted and filtered
  TableQuery query;
  std::vector<Summary> by_source;    // `area` from each source with results (the compare view)
  std::vector<TableRow> flips;       // areas below the race root that changed hands
  std::vector<Moment> moments;       // the timeline, oldest first
  bool ready() const { return feed && race && tally; }
};

struct UiState {
  View tab = View::Summary;  // the tab open in the full view
  bool others_open = false;  // "Diğer (45)" expanded
  int hover_moment = -1;     // timeline
  std::string focus;         // the region the keyboard is on ("row:sariyer", "tab:1"; "" = none)
  bool scroll_to_focus = false;  // the keyboard moved: bring the focused row into view
};

struct Actions {
  std::optional<int> open_area;     // an area index
  std::optional<int> source;        // a source index
  std::optional<std::pair<SortKey, bool>> sort;  // key, descending
  std::optional<View> tab;
  bool toggle_others = false;
  std::optional<int> hover_moment;
};

// Where a reader can tap, by name ("tab:1", "header:margin", "row:sariyer", "crumb:istanbul",
// "source:AA", "others"), in device pixels: for keyboard focus rings and for tests that tap.
struct Region {
  std::string name;
  float x0, y0, x1, y1;
  float cx0 = 0, cy0 = 0, cx1 = 0, cy1 = 0;  // the clip rectangle it was drawn in (a scrolled table's)
};

struct ViewContext {
  const Model& model;
  const UiState& ui;
  Actions& act;
  float width;    // device pixels available
  float scale;    // device pixels per CSS pixel
  const Palette& pal;
  const Fonts& fonts;
  Lang lang;
  std::vector<Region>* regions;
  const std::vector<std::pair<int, double>>* grow_from = nullptr;  // bars grow from these shares…
  float grow = 1;                                                 // …this far (0 to 1, eased)
  float px(float css) const { return css * scale; }
  double bar_share(int contestant, double target) const;  // the share a bar shows now
  float css_width() const { return width / scale; }
  void region(std::string name) const;  // the last ImGui item's rectangle
};

// One block of the accessible mirror: a sentence and a table, as the canvas shows them.
struct AccessibleSection {
  std::string caption, sentence;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

struct FeedUpdate {
  bool accepted = false;  // false: the last good feed stays on screen
  Problems problems;      // errors first, then warnings
};

class Widget {
 public:
  FeedUpdate set_feed(std::string_view bytes);
  void set_options(const WidgetOptions& options);
  const WidgetOptions& options() const { return options_; }
  bool has_feed() const { return model_.ready(); }
  const Model& model() const { return model_; }

  void draw(float width, float scale, const Fonts& fonts, double now_ms = 0);  // device pixels
  bool animating() const { return animating_; }  // bars still growing: draw another frame
  float content_height() const { return content_height_; }  // device pixels, after draw()
  std::uint32_t background() const;                          // 0xRRGGBB of the current theme
  bool navigate_back();                                      // Escape: up one area; false at the root
  // The keyboard: arrows move the focus through what can be tapped (table rows, tabs, headings,
  // the breadcrumb, the source switch), Home/End to the first and last. Returns false when
  // there is nothing to move to (the page then keeps the key).
  enum class Key { Next, Previous, First, Last, Blur };
  bool key(Key k);
  const Region* focused() const;  // the focused region of the last frame, if drawn

  // The accessible mirror of what the canvas shows, as JSON for the platform to turn into DOM
  // with textContent only: {"lang","sections":[{"caption","sentence","columns":[…],"rows":[[…]…]}]}.
  std::string accessible_json() const;
  // Bumped whenever what the mirror says changes (the platform rebuilds the DOM only then).
  unsigned mirror_version() const { return mirror_version_; }
  const std::vector<Region>& regions() const { return regions_; }  // of the last frame

 private:
  void rebuild();
  void apply(const Actions& act);
  View view() const;
  WidgetOptions options_;
  Model model_;
  UiState ui_;
  int area_ = -1;    // the opened area (-1 = the race's root)
  int source_ = -1;  // chosen in the widget (-1 = the option's or the first)
  std::vector<Moment> seen_;  // moments from feeds received since the page opened
  float content_height_ = 0;
  unsigned mirror_version_ = 0;
  std::vector<Region> regions_;
  std::vector<std::pair<int, double>> grow_from_;  // contestant shares when a new feed arrived
  double grow_start_ = -1;                        // ms; -1 = start on the next frame
  bool animating_ = false;
};

}  // namespace sandik::ui
