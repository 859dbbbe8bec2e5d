// sandik ui — the presentation model: every word, number and colour a reader sees, made once.
//
// INDEX
//   Ink, Cell, Chip     a finished piece of text, with its colour role and an optional swatch or chip
//   Chrome              the full view's tabs and the breadcrumb
//   SummaryView         status chip, source line, title, boxes opened, bars, the margin sentence
//   TableView           columns (with the width they appear from), rows of finished cells
//   SourcesView         the sources side by side, their difference, each one's count and time
//   FlipsView           areas that changed hands
//   TimelineView        each source's line per contestant, the axes, the card of one moment
//   SeatsView           seats per party against before
//   ScoreboardView      mayoralties won per office level and party, against before
//   MapView             the map and the tile grid: each shape's fill, its card, the legend, the credit
//   Notices             loading, no race, the loader's words, stale line, live region, failures
//   mirror()            AccessibleSection from a view: what the screen reader gets
//
// USAGE
//   SummaryView v = present_summary(model, ui, lang);   // draw_summary() lays it out,
//   AccessibleSection s = mirror(v);                     // the mirror and `sandik summary` print it
//
// Pure: no ImGui, GL or browser. Colours are 0xRRGGBB party colours or a role the palette fills
// in; nothing here knows pixels but the CSS widths a column appears from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/scoreboard.h"
#include "model.h"

namespace sandik::ui {

enum class Ink { Text, Secondary, Accent };

struct Chip {
  std::string text;
  std::uint32_t color = 0;  // the chip's background (a party's colour); text is black or white on it
};

struct Cell {
  std::string text;    // as drawn; "" draws nothing
  std::string narrow;  // drawn instead when `text` does not fit ("" = cut with …)
  std::string spoken;  // the mirror's words when they differ ("11,6 puan"); "" = text
  Ink ink = Ink::Text;
  bool strong = false;
  std::optional<std::uint32_t> swatch;  // a party colour square before the text
  std::optional<Chip> chip;             // drawn as a chip instead of plain text
  const std::string& said() const { return spoken.empty() ? text : spoken; }
};

// ---- the full view's tabs and the breadcrumb ----
struct Tab {
  View view;
  std::string label;
};
constexpr int kUp = -2;  // a crumb's area: back up to the overview (the country)
struct Crumb {
  int area = -1;           // or kUp
  std::string id, label;  // the first one starts with "‹ "
};
struct Chrome {
  std::vector<Tab> tabs;      // empty unless data-view="full"
  int tab = 0;                // the open one
  std::vector<Crumb> crumbs;  // empty at the race's root
};
Chrome present_chrome(const Model& m, const UiState& ui, View view, Lang lang);

// ---- summary ----
enum class StatusKind { Live, Final, Test };
struct Bar {
  int contestant = -1;                         // -1: the grouped "Diğer (45)" row, which opens the full list
  std::string name, party, share, votes, tag;  // votes: "4.433.015 oy"; tag: "Kazandı" / "Önde" / ""
  std::string count;                           // "4.433.015" (the mirror's and the CLI's column)
  std::uint32_t color = 0;
  double share_pct = 0;  // the bar's length
  bool winner = false, leader = false;
  std::string spoken_name;  // the mirror's name for the grouped row ("Diğer (45)")
  std::string image;        // the candidate's photo, else the party's logo (a URL as the feed gives it; "" = none)
  bool photo = false;       // `image` is a photo (cropped to a square), not a logo (fitted whole)
};
struct SummaryView {
  StatusKind status_kind = StatusKind::Live;
  std::string status;                          // "CANLI"
  std::string source_line, source_line_short;  // "ANKA · 19.15 itibarıyla", "ANKA · …" when narrow
  std::string test_banner;                     // "" unless a test feed
  std::string unofficial;                      // "Resmî olmayan sonuçlar" for an agency's or a party's count, else ""
  std::string title, subtitle;                 // the race; "İstanbul · 31 Mart 2024 Mahalli İdareler Seçimi"
  std::optional<double> reporting_pct;
  std::string reporting;  // "Sandıkların %99,99'u açıldı"
  std::string turnout;    // "%78,53" ("" when unknown; the command line prints it)
  std::vector<Bar> bars;
  bool images = false;  // some bar has a photo or logo: every bar keeps the place for one
  std::string fewer;    // "‹ daha az" while the full list is open, else ""
  std::string margin;   // "İmamoğlu 1.001.426 oy önde (11,56 puan)"
  bool shares_only = false;
  // for the mirror
  std::string caption, sentence;
  std::vector<std::string> columns;
};
SummaryView present_summary(const Model& m, const UiState& ui, Lang lang);

// ---- district table ----
struct Column {
  std::string key;              // "name" "leader" "share" "runner-up" "margin" "reporting" "turnout" "previous" "swing"
  std::string label;            // the heading, with ▲ or ▼ when the table is sorted by it
  std::string spoken;           // the mirror's heading ("" = label without the mark)
  std::optional<SortKey> sort;  // none: not sortable
  bool prefer_desc = false, right = false;
  float weight = 1;  // the share of the width it takes
  int from_css = 0;  // shown from this CSS width on (phones show fewer columns)
  bool in_mirror = true;
};
struct TableRowView {
  int area = -1;
  std::string id;
  std::vector<Cell> cells;  // one per column
};
struct TableView {
  std::vector<Column> columns;
  std::vector<TableRowView> rows;
  std::string caption, sentence;  // "İlçe — İBB Başkanlığı, İstanbul"; "39 satır, sıralama: fark (azalan)."
  std::string note;               // why every row is empty: "ANKA bu yarış için ilçe sonucu vermiyor." ("" = none)
  std::string key;                // under the rows: what the figures are ("Fark: … yüzde puan.")
  // Rows past kMostRows are not presented (a canvas of 60,000 rows helps no reader, and making
  // it held the page): how many, and the line under the table that says the search finds them.
  static constexpr std::size_t kMostRows = 1000;
  std::size_t more = 0;
  std::string more_note;
  // The columns shown at a CSS width, by index into `columns`.
  std::vector<std::size_t> shown(float css_width) const;
  // The drawing's own cache (view_table.cpp): each column's widest heading or cell in device
  // pixels at `widest_scale` with the fonts as they were (`widest_glyphs`: glyphs they held),
  // measured once for this model rather than on every frame.
  mutable std::vector<float> widest;
  mutable float widest_scale = 0;
  mutable int widest_glyphs = 0;
};
TableView present_table(const Model& m, Lang lang, std::size_t most = TableView::kMostRows);  // most rows

// ---- the sources side by side ----
struct SourcesView {
  std::string title;
  std::vector<std::string> choices;  // the source switch (names); fewer than two: no switch
  std::vector<int> choice_sources;   // source index of each choice
  int chosen = 0;
  std::vector<std::string> columns;  // "Aday", "ANKA", "AA", "Fark"
  struct Row {
    std::string name, narrow;  // narrow: the surname, where the full name does not fit (a phone)
    std::uint32_t color = 0;
    std::vector<std::string> cells;  // a share per source, then the difference
    int shown = -1;                  // the cell of the source the widget shows (drawn strong)
    std::string spoken_difference;   // the mirror's "1,23 puan"
  };
  std::vector<Row> rows;
  std::vector<std::string> lines;  // "ANKA: Sandıkların %100'ü açıldı · 11.42"
  std::string caption, sentence;
};
SourcesView present_sources(const Model& m, Lang lang);

// ---- areas that changed hands ----
struct FlipsView {
  std::string title, subtitle, empty;
  struct Row {
    int area = -1;
    std::string name, margin, spoken_margin;
    Chip from, to;
  };
  std::vector<Row> rows;
  std::string caption, sentence;
  std::vector<std::string> columns;
};
FlipsView present_flips(const Model& m, Lang lang);

// Where a flips row's parts go at a width (CSS or device pixels alike): the name, the two chips
// with the arrow between, the margin at the right — or under the chips on a second line when it
// would not fit beside them. Every part inside the row and clear of its neighbours by `gap`.
struct FlipRowLayout {
  float name_w = 0, from_x = 0, arrow_x = 0, to_x = 0, margin_right = 0;
  bool two_lines = false;
};
FlipRowLayout flip_row_layout(float width, float name_text_w, float from_w, float arrow_w, float to_w, float margin_w,
                              float gap);

// ---- the night's timeline ----
struct TimelineView {
  std::string title, empty;  // `empty` is shown instead of the chart when it is not ""
  double lo = 0, hi = 100;   // the share axis, in 5-point steps
  std::int64_t t0 = 0, t1 = 1;
  std::vector<std::pair<double, std::string>> grid;  // share, label
  std::string start, end;                            // clock labels under the axis
  struct Point {
    std::int64_t at;
    double share;
  };
  struct Series {
    int source_rank = 0;  // the marker's shape
    bool shown = false;   // the widget's source (drawn solid)
    std::uint32_t color = 0;
    std::vector<Point> points;
  };
  std::vector<Series> series;
  static constexpr std::size_t kMostMoments = 600;  // moments presented, evenly spread over more
  std::vector<std::int64_t> moments;  // each presented moment's time, oldest first (hover picks the nearest)
  std::vector<std::string> card;      // the hovered moment's lines, "" when none is hovered
  struct Legend {
    std::string label;
    int marker = -1;  // a source's shape, or -1 for a contestant's colour bar
    std::uint32_t color = 0;
  };
  std::vector<Legend> legend;
  std::string caption, sentence;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};
TimelineView present_timeline(const Model& m, const UiState& ui, Lang lang);

// ---- seats ----
struct SeatsView {
  bool has_seats = false;
  std::string empty;  // a race without seats says so: "İBB Başkanlığı: sandalye dağılımı yok."
  std::string title, subtitle, majority_label;
  int total = 0, majority = 0;
  struct Row {
    std::string party, seats, change;
    std::uint32_t color = 0;
    int count = 0;
  };
  std::vector<Row> rows;
  std::string caption, sentence;
  std::vector<std::string> columns;
};
SeatsView present_seats(const Model& m, Lang lang);

// ---- mayoralties won: per office level, each party's won and leading against before ----
struct ScoreboardView {
  struct Row {
    std::string party, won, leading, previous, change;  // change: won + leading − previous, "+3"
    std::string chip;                                   // the compact view's "CHP 14 (+3)"
    std::uint32_t color = 0;
    int count = 0;  // won + leading: the party's length of the level's bar
  };
  struct Level {
    std::string title, total, tied;  // "Büyükşehir belediye başkanlıkları", "30 başkanlık", ""
    int offices = 0;
    std::vector<Row> rows;
    // The compact view's: eight parties at most, else the first seven and the rest as one
    // "Diğer (9)" (a night of independents, each a party of one, stays short).
    std::vector<Row> compact;
    std::vector<std::string> sentences;  // a row each: "CHP: 14 kazandı, 0 önde (2019: 11)"
  };
  std::string title;                 // "Kazanılan belediye başkanlıkları"
  std::vector<std::string> columns;  // Parti, Kazandı, Önde, 2019, Değişim
  std::vector<Level> levels;
};
ScoreboardView present_scoreboard(const Feed& feed, const std::vector<ScoreLevel>& levels, Lang lang);

// ---- the map and the tile grid: each area in its leader's colour ----
enum class Fill { None, Partial, Counted };  // grey (nothing counted), striped (still counting), solid
struct MapArea {
  int area = -1;                // the feed's area (-1: the shape matches none)
  std::string id, name, abbr;   // abbr: the tile's label where the name does not fit ("KAD", the map's)
  Fill fill = Fill::None;
  std::uint32_t color = 0;      // the leader's party colour
  int step = 0;                 // how dark: 0 … kMapSteps-1 by the margin
  bool flipped = false;
  // The card a hover, a tap or the keyboard shows: the name, then the leader and share (with the
  // party colour), the margin, the count, the change; `hint` for a reader's first tap.
  std::vector<std::string> card;
  std::string hint;
};
constexpr int kMapSteps = 4;  // margins under 5, 10, 20 points, and more
struct MapView {
  std::shared_ptr<const MapAsset> map;  // null: no map shows this area (`none` says why)
  bool tiles = false;                   // the tile grid rather than the shapes
  std::string none;
  std::string title, source_line;       // the race; "ANKA · 19.15 itibarıyla"
  std::vector<MapArea> areas;           // one per shape, in the map's order
  std::vector<Chip> leaders;            // "CHP 26": each leading party and how many areas it leads
  std::string shade;                    // the legend's words: what the colour says…
  std::vector<std::string> steps;       // …its steps ("<5", "5–10", "10–20", "20+")
  std::string partial, uncounted, flipped;  // the legend's other lines ("" when the map has none)
  std::string missing;                  // "Haritada yok: X." (areas without a shape, and shapes without an area)
  std::string closer;                   // the inset's caption
  std::string credit;                   // "© OpenStreetMap contributors"
  // for the mirror: every area (on the map or not), with the same numbers
  std::string caption, sentence;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};
// `tiles`: the tile grid (data-view="tiles"). Without the map's geometry (not fetched yet, or
// none for the area), `map` is null: `none` says why once it is known there is none.
MapView present_map(const Model& m, bool tiles, Lang lang);

// ---- notices: the widget's own and the loader's (which holds no words) ----
struct Notices {
  std::string loading, no_race, canvas_label, search_placeholder, no_webgl;
};
Notices present_notices(Lang lang);
// "Son güncelleme 3 dk önce", with the warning once `stale` (a live feed unchanged that long).
// A day or more old, it names the date (`date`, e.g. "31 Mar 2024 22.35") instead of the hours.
// "İlk 250 satır burada; 59.750 satır daha var: aradığınız yeri arama kutusuyla bulun." (the
// accessible mirror of a very long section; `searchable`: the district table's search box).
std::string more_rows_sentence(std::size_t shown, std::size_t more, bool searchable, Lang lang);
std::string stale_line(std::int64_t minutes, bool stale, Lang lang, const std::string& date = "");
// What the polite live region says when the leader or the count's tenth changed; "" for nothing.
std::string announcement(const std::string& leader_before, const std::string& leader_now, int tenth_before,
                         int tenth_now, Lang lang);
// A failure as the reader reads it: kind "timeout" (detail = seconds), "too-large" (bytes),
// "feed" (the first problem), anything else (the browser's or server's own message).
// `results_shown`: the last good results stay on screen ("showing the last ones"); before the
// first results there are none to speak of. A network failure is said in the reader's words.
std::string failure_message(const std::string& kind, const std::string& detail, Lang lang, bool results_shown = true);

// ---- the accessible mirror: the same words, as text and tables ----
AccessibleSection mirror(const SummaryView& v);
AccessibleSection mirror(const TableView& v, std::size_t most = ~std::size_t{0});  // at most `most` rows
AccessibleSection mirror(const SourcesView& v);
AccessibleSection mirror(const FlipsView& v);
AccessibleSection mirror(const TimelineView& v);
AccessibleSection mirror(const SeatsView& v);
AccessibleSection mirror(const ScoreboardView& v);  // a row per level and party
AccessibleSection mirror(const MapView& v);         // a row per area

// "İmamoğlu" of "Ekrem İmamoğlu": the margin sentence and narrow tables name the surname.
std::string surname(const std::string& name);
std::string party_short(const Feed& feed, int party);
std::uint32_t party_color(const Feed& feed, int party);
// "22.35" on election day; "1 Nis 01.00" after it (the count ran into the next days).
std::string moment_clock(const Feed& feed, std::int64_t at, Lang lang);
std::string date_clock(const Feed& feed, std::int64_t at, Lang lang);  // always with day, month and year

}  // namespace sandik::ui
