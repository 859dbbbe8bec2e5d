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
//   Presented       the presentation models of what is shown, made once per change (present.h)
//
// USAGE (the platform layer, once per frame, inside an ImGui frame)
//   widget.set_feed(bytes);            // problems come back; the last good feed stays on error
//   widget.draw(width_px, dpr, fonts); // device pixels; fonts loaded at size × dpr
//   height = widget.content_height();
//
// widget.cpp is pure (state, presentation, keyboard, mirror) and tested natively; only draw()
// (widget_draw.cpp and the view_*.cpp files) uses ImGui. Never GL, the browser or emscripten.h
// (those live in src/web/platform.cpp).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model.h"
#include "present.h"
#include "theme.h"

struct ImFont;

namespace sandik::ui {

struct Fonts {
  ImFont* body = nullptr;    // Regular 15
  ImFont* small = nullptr;   // Regular 13
  ImFont* strong = nullptr;  // Bold 15
  ImFont* title = nullptr;   // Bold 22
  ImFont* figure = nullptr;  // Bold 20, shares
};

struct Actions {
  std::optional<int> open_area;                  // an area index
  std::optional<int> source;                     // a source index
  std::optional<std::pair<SortKey, bool>> sort;  // key, descending
  std::optional<View> tab;
  bool toggle_others = false;
  std::optional<int> hover_moment;
  float table_scroll = -1;  // CSS px: how far the drawn table is scrolled (a table that scrolls inside)
  std::optional<std::string> map_pick;  // a finger's first tap on a map area: its card stays ("" = none)
};

// Where a reader can tap, by name ("tab:1", "header:margin", "row:sariyer", "crumb:istanbul",
// "source:AA", "others"), in device pixels: for keyboard focus rings and for tests that tap.
struct Region {
  std::string name;
  float x0, y0, x1, y1;
  float cx0 = 0, cy0 = 0, cx1 = 0, cy1 = 0;  // the clip rectangle it was drawn in (a scrolled table's)
  bool ring = true;                          // the keyboard's focus ring is drawn over it (a map area: its outline)
};

// A photo or logo a drawn frame needs and nobody has asked the platform for yet.
struct WantedImage {
  std::string url;  // as the feed gives it (the platform resolves it against the feed's URL)
  bool photo;       // a photo (cropped to a square), else a logo (fitted whole)
};

// The photos and logos the platform has loaded: URL -> texture (0: failed, the place stays
// empty; kLoading: asked for).
using Images = std::unordered_map<std::string, std::uintptr_t>;
constexpr std::uintptr_t kLoading = ~std::uintptr_t{0};

struct ViewContext {
  const Model& model;
  const UiState& ui;
  Actions& act;
  float width;  // device pixels available
  float scale;  // device pixels per CSS pixel
  const Palette& pal;
  const Fonts& fonts;
  Lang lang;
  std::vector<Region>* regions;
  const std::vector<std::pair<int, double>>* grow_from = nullptr;  // bars grow from these shares…
  float grow = 1;                                                  // …this far (0 to 1, eased)
  bool touch = false;                                              // the last press was a finger's
  const Images* images = nullptr;
  std::vector<WantedImage>* wanted = nullptr;
  // The texture of a photo or logo, 0 until it is loaded (asked for on the way, once).
  std::uintptr_t image(const std::string& url, bool photo) const;
  float px(float css) const { return css * scale; }
  double bar_share(int contestant, double target) const;  // the share a bar shows now
  float css_width() const { return width / scale; }
  void region(std::string name) const;  // the last ImGui item's rectangle
};

// What the open view shows, made from the model once per change; the canvas draws it, the
// mirror serialises it, so the two cannot disagree.
struct Presented {
  unsigned version = ~0u;  // the mirror version it was made for
  Chrome chrome;
  SummaryView summary;
  TableView table;
  SourcesView sources;
  FlipsView flips;
  TimelineView timeline;
  SeatsView seats;
  ScoreboardView scoreboard;
  MapView map;
};

struct FeedUpdate {
  bool accepted = false;  // false: the last good feed stays on screen
  Problems problems;      // errors first, then warnings
};

class Widget {
 public:
  static constexpr std::size_t kMirrorRows = 250;  // rows of a mirror section; more are counted
  FeedUpdate set_feed(std::string_view bytes);
  FeedUpdate set_feed(std::shared_ptr<const Feed> feed);  // already parsed and valid (the command line)
  // The same in slices, so a very large feed never holds the page's main thread long: read_feed()
  // keeps the bytes and reads until the budget is spent, read_more() goes on; each gives the
  // update once the feed is read, nothing before. The last good feed stays on screen meanwhile;
  // new bytes given while one is read replace it.
  std::optional<FeedUpdate> read_feed(std::string bytes, Budget& budget);
  std::optional<FeedUpdate> read_more(Budget& budget);
  // A split index (Feed::parts): a province's part is wanted once the widget shows that province
  // (its race, its table, a reader opening it). The platform fetches every part listed here (and
  // polls it as it polls the feed), by its URL as the index gives it, and hands its bytes to
  // set_part(); a part that fails keeps the last good one. take_new_parts(): one was added.
  std::vector<std::string> parts_wanted() const;
  bool take_new_parts();
  FeedUpdate set_part(const std::string& url, std::string_view bytes);
  bool reading() const { return reading_ != nullptr; }
  // Maps (src/core/map.h): a widget that shows one (map, tiles, full, overview) wants the
  // catalogue's map of the area it shows; the platform fetches each file listed here once a page
  // (dist/maps/FILE, like sandik.wasm) and gives it, read, to set_map(). Others want none.
  struct WantedMap {
    std::string id, file;
  };
  std::vector<WantedMap> maps_wanted() const;
  bool take_new_maps();  // one was added to maps_wanted()
  void set_map(const std::string& id, std::shared_ptr<const MapAsset> map);
  // The reader's last press was a finger's (a first tap on the map shows the card, a second opens).
  void set_touch(bool touch) { touch_ = touch; }
  void set_options(const WidgetOptions& options);
  const WidgetOptions& options() const { return options_; }
  bool has_feed() const { return model_.ready(); }
  const Model& model() const { return model_; }

  void draw(float width, float scale, const Fonts& fonts, double now_ms = 0);  // device pixels
  bool animating() const { return animating_; }                                // bars still growing: draw another frame
  float content_height() const { return content_height_; }                     // device pixels, after draw()
  std::uint32_t background() const;                                            // 0xRRGGBB of the current theme
  // Escape and the breadcrumb: back to where the reader came from (the tab, the area, the
  // table's scroll), else up one area; false at the root with nowhere to go back to.
  bool navigate_back();
  // Where the reader is, for the page's scroll and history (data-history): the tab (the view's
  // own but in the full view), the opened area's id ("" = the race's root), how many steps back
  // lead from here, and whether a table is shown (the search box does something).
  struct Place {
    View tab = View::Summary;
    std::string area;
    std::size_t depth = 0;
    bool table = false;
    bool operator==(const Place& o) const {
      return tab == o.tab && area == o.area && depth == o.depth && table == o.table;
    }
  };
  Place place() const;
  // Opens `area` (an id, "" = the race's root) on `tab` ("" = as it is), as a tap would: back
  // to a step the reader came from, with its tab and scroll, or one step on. Before the first
  // feed it waits for it (a deep link).
  void go(std::string_view tab, std::string_view area);
  bool take_moved();  // the tab or area changed since the last call
  // The keyboard: arrows move the focus through what can be tapped (table rows, tabs, headings,
  // the breadcrumb, the source switch), Home/End to the first and last. Returns false when
  // there is nothing to move to (the page then keeps the key).
  // On the map, the arrows go to the neighbouring area that way (else the nearest that way);
  // elsewhere right and down are Next, left and up Previous.
  enum class Key { Next, Previous, First, Last, Blur, Left, Right, Up, Down };
  bool key(Key k);
  const Region* focused() const;                          // the focused region of the last frame, if drawn
  const std::string& focus() const { return ui_.focus; }  // "row:sariyer", "" = none
  // What the keyboard moves through, in order: tabs, breadcrumb, "others", headings, rows, sources.
  std::vector<std::string> focus_order() const;
  bool activate();                     // Enter on the focused item: what a tap on it does (false: nothing focused)
  const Presented& presented() const;  // of the current model and view
  // The options this feed does not have, as {option, value} ("race", "nope"): a race it does not
  // hold, a source with no results for the race, an area outside it. The widget shows what it
  // can (a notice for the race, the freshest source, the race's root); the page is told.
  std::vector<std::pair<std::string, std::string>> unknown_options() const;
  // After new results are shown: what the polite live region says — a new leader, another tenth
  // of the boxes counted — or "" (the first results are the page's own content, not news).
  std::string news();
  // "Son güncelleme 3 dk önce" at `now` (epoch seconds); `stale` once a live feed is
  // `stale_minutes` old. "" unless the feed is live.
  std::string updated_line(std::int64_t now, int stale_minutes, bool& stale) const;
  void set_css_width(float css) { css_width_ = css; }  // the platform sets it before the first draw
  // Photos and logos, loaded by the platform: what the last drawn frame needs and was not asked
  // for yet (now asked); once loaded, its texture (0: it failed); forget: the textures are gone
  // (a lost context) and are asked for again when drawn.
  std::vector<WantedImage> take_wanted_images();
  void set_image(const std::string& url, std::uintptr_t texture);
  void forget_images() { images_.clear(); }

  // The accessible mirror of what the canvas shows, as JSON for the platform to turn into DOM
  // with textContent only: {"lang","sections":[{"caption","sentence","columns":[…],"rows":[[…]…]}]}.
  std::string accessible_json() const;
  // Bumped whenever what the mirror says changes (the platform rebuilds the DOM only then).
  unsigned mirror_version() const { return mirror_version_; }
  const std::vector<Region>& regions() const { return regions_; }  // of the last frame

 private:
  const std::vector<TableRow>& table_rows_made() const;  // the model's rows, made when first asked for
  std::string reading_text_;               // the feed being read in slices
  std::unique_ptr<FeedParse> reading_;
  std::unique_ptr<ParsedFeed> read_;       // read, to be shown in the next slice
  std::unique_ptr<FeedUpdate> installed_;  // shown, its table's rows to be made in the next slice
  bool rows_collected_ = false;            // and to be sorted in the one after
  void rebuild();
  bool shows_map() const;  // the view shows a map (it is fetched only then)
  bool overviewed() const { return view_from(options_.view) == View::Overview; }  // (a province opened from it too)
  void find_map();         // the model's map: the catalogue's for the area shown, joined
  bool move_on_map(Key k);
  std::shared_ptr<const Feed> chosen_feed(int& race);  // the race's feed: the index's, or its part's once here
  void make_rows() const;
  void apply(const Actions& act);
  View view() const;
  bool side_by_side() const;
  bool has_table() const;  // the area has rows to list, or a search found none of them  // summary and table side by
                           // side (full or detail view, 900 CSS px and wider)
  // Side by side, in CSS pixels of the widget's inner width: the summary's width and the gap;
  // the table has the rest. The drawing and the keyboard's order both take it from here.
  struct Split {
    float summary, gap;
  };
  static Split split(float inner_css);
  WidgetOptions options_;
  Model model_;
  UiState ui_;
  // A step the reader can go back to: where they were when they opened an area.
  struct Step {
    std::string area;  // id ("" = the race's root)
    View tab;
    float scroll;      // CSS px of a table that scrolls inside
    std::string race;  // the race opened in the overview ("" = the options' race, or the overview)
  };
  void open(int area);  // a tap on a row, a flip or the breadcrumb (kUp: the overview)
  void back_to(std::size_t step);
  int area_ = -1;                // the opened area (-1 = the race's root)
  std::string race_;             // a race opened from the overview ("" = none)
  std::shared_ptr<const Feed> feed_;    // the feed given: a whole one, or a split index
  std::shared_ptr<const Feed> indexed_;  // the one area_ and source_ index (the index or a part)
  struct Part {
    std::string url;
    std::shared_ptr<const Feed> feed;  // null until it is here
  };
  std::vector<Part> parts_;             // wanted, in order
  std::vector<std::pair<std::string, std::shared_ptr<const MapAsset>>> maps_;  // given, by id
  // Made once per feed (and map), not on every step the reader takes: each catalogue map's
  // parent area in the feed, and the shown map's join to it.
  struct MapCache {
    std::shared_ptr<const Feed> feed;
    std::vector<int> parents;
    std::shared_ptr<const MapAsset> map;
    MapJoin join;
  };
  MapCache map_cache_;
  std::vector<std::string> maps_asked_;                                        // wanted, by id
  bool touch_ = false;
  bool new_maps_ = false;
  bool new_parts_ = false;
  std::vector<ScoreLevel> score_;       // the overview's scoreboard…
  std::shared_ptr<const Feed> score_feed_;  // …counted from this feed…
  int score_source_ = -2;                   // …for this source (-1: each race's freshest)
  std::string wanted_area_;      // a deep link's area, until a feed has it
  std::vector<Step> steps_;      // where back leads, oldest first
  float table_scroll_ = 0;       // the last frame's table scroll, CSS px
  std::optional<Place> placed_;  // as take_moved() last saw it…
  unsigned placed_version_ = 0;  // …at this mirror version…
  float placed_width_ = 0;       // …and width (the side-by-side table comes and goes with it)
  int source_ = -1;              // chosen in the widget (-1 = the option's or the first)
  std::vector<Moment> seen_;     // moments from feeds received since the page opened
  float content_height_ = 0;
  float css_width_ = 792;  // the last frame's width in CSS pixels, padding included (which table columns show)
  mutable Presented presented_;
  bool said_ = false;  // the live region: what the reader has heard
  std::string said_leader_;
  int said_tenth_ = -1;
  unsigned mirror_version_ = 0;
  std::vector<Region> regions_;
  Images images_;
  std::vector<WantedImage> wanted_;                // the last frame's
  std::vector<std::pair<int, double>> grow_from_;  // contestant shares when a new feed arrived
  double grow_start_ = -1;                         // ms; -1 = start on the next frame
  bool animating_ = false;
};

}  // namespace sandik::ui
