// The widget's state: options, navigation, the keyboard, the presentation models and the
// accessible mirror. Pure C++ (no ImGui): tests/unit-widget.cpp drives it natively. Feeds in and
// the model made from them: widget_feed.cpp; drawing: widget_draw.cpp.
//
// INDEX
//   view_from(), view_name()          the views by name
//   set_options()                     options in (a new race or area starts the steps over)
//   navigate_back(), open(), back_to(), go(), place(), take_moved()   the reader's steps
//   take_wanted_images(), set_image(), unknown_options(), has_table()
//   split(), side_by_side(), focus_order(), key(), activate()          layout and the keyboard
//   presented()                       the presentation models, once per model version
//   apply()                           what a frame's taps and keys asked for
//   news(), updated_line(), accessible_json()   the live region, "Son güncelleme", the mirror
#include "widget.h"

#include <algorithm>
#include <cstdlib>

#include "core/json.h"
#include "core/order.h"
#include "map_layout.h"
#include "sandik_constants.h"

namespace sandik::ui {

namespace {
constexpr const char* kViewNames[] = {"full",     "summary",  "table", "detail", "sources", "flips",
                                     "timeline", "seats", "overview", "map", "tiles"};
}

View view_from(std::string_view n) {
  for (std::size_t i = 0; i < std::size(kViewNames); ++i)
    if (n == kViewNames[i]) return static_cast<View>(i);
  return View::Summary;
}

const char* view_name(View v) { return kViewNames[static_cast<std::size_t>(v)]; }

// A province opened from the overview is shown as the detail view shows an area.
View Widget::view() const {
  const View v = view_from(options_.view);
  return v == View::Overview && !race_.empty() ? View::Detail : v;
}

void Widget::set_options(const WidgetOptions& options) {
  const bool race_changed = options.race != options_.race;
  const bool area_changed = options.area != options_.area;
  if (options.sort != options_.sort || options.desc != options_.desc) {  // (a reader's own choice stays otherwise)
    model_.query.sort = sort_key_from(options.sort).value_or(SortKey::Name);
    model_.query.desc = options.desc;
  }
  const bool view_changed = options.view != options_.view;
  options_ = options;
  if (race_changed || view_changed) race_.clear();
  if (race_changed) {
    area_ = -1;
    source_ = -1;
  }
  if (area_changed) area_ = -1;
  if (race_changed || area_changed || view_changed) steps_.clear();
  model_.query.search = options.search;
  ui_.tab = view() == View::Full ? ui_.tab : view();
  rebuild();
}

bool Widget::navigate_back() {
  if (!model_.ready()) return false;
  if (!steps_.empty()) {
    back_to(steps_.size() - 1);
  } else {
    if (model_.trail.size() < 2) return false;
    area_ = model_.trail[model_.trail.size() - 2];
  }
  rebuild();
  return true;
}

namespace {
// "" for the race's root (the overview's own race: a province opened from it is named).
std::string area_key(const Model& m, int area) {
  return area == m.race->area && m.up_id.empty() ? "" : m.feed->areas[static_cast<std::size_t>(area)].id;
}
}  // namespace

// One step on: where the reader is now becomes the step back. An area the reader came from
// is a step back instead (the breadcrumb). In the overview a province opens its district
// mayors' race (a table of its districts), else its own mayor's.
void Widget::open(int area) {
  if (area == kUp) {
    for (std::size_t i = steps_.size(); i-- > 0;)
      if (steps_[i].race.empty()) return back_to(i);
    return;
  }
  const std::string key = area_key(model_, area);
  for (std::size_t i = steps_.size(); i-- > 0;)
    if (steps_[i].area == key && steps_[i].race == race_) return back_to(i);
  const std::string here = area_key(model_, model_.area);
  if (key == here) return;
  std::string race, deeper;
  if (model_.overview) {  // the province the area is in (a deep link may name a district)
    const Feed& f = *model_.feed;
    int province = area;
    while (province >= 0 && f.areas[static_cast<std::size_t>(province)].parent != model_.race->area)
      province = f.areas[static_cast<std::size_t>(province)].parent;
    if (province < 0) return;
    for (const Race& r : f.races)
      if (race.empty() && r.area == province && r.office == "district") race = r.id;
    const int mayor = mayor_race(f, province);
    if (race.empty() && mayor < 0) return;
    if (race.empty()) race = f.races[static_cast<std::size_t>(mayor)].id;
    if (province != area) deeper = f.areas[static_cast<std::size_t>(area)].id;
  }
  steps_.push_back({here, ui_.tab, table_scroll_, race_});
  if (!race.empty()) {
    race_ = race;
    wanted_area_ = deeper;  // (found in the race's feed: the index's, or its part's)
    area = -1;
  }
  area_ = area;
  ui_.table_scroll = 0;  // a new table starts at its top
  if (view() == View::Full) ui_.tab = View::Summary;
}

void Widget::back_to(std::size_t step) {
  const Step s = steps_[step];
  steps_.resize(step);
  race_ = s.race;
  area_ = -1;  // (found again in the feed the race is in: the index's or a part's)
  wanted_area_ = s.area;
  if (view() == View::Full) ui_.tab = s.tab;
  ui_.table_scroll = s.scroll;
}

void Widget::go(std::string_view tab, std::string_view area) {
  const View t = tab.empty() ? ui_.tab : view_from(tab);
  const bool tab_ok = view() == View::Full && t != View::Full && t != View::Detail;
  if (!model_.ready()) {  // a deep link: the area once a feed has it
    wanted_area_ = std::string(area);
    if (tab_ok) ui_.tab = t;
    return;
  }
  const std::string key(area);
  for (std::size_t i = steps_.size(); i-- > 0;)
    if (steps_[i].area == key && (!tab_ok || steps_[i].tab == t)) {
      back_to(i);
      rebuild();
      return;
    }
  const int a = key.empty() ? model_.race->area : model_.feed->find_area(key);
  if (a >= 0 && model_.tally->in_race(a)) open(a);
  if (tab_ok) ui_.tab = t;
  rebuild();
}

Widget::Place Widget::place() const {
  Place p;
  const View v = view();
  p.tab = v == View::Full ? ui_.tab : v;
  if (!model_.ready()) return p;
  p.area = area_key(model_, model_.area);
  p.depth = steps_.size();
  p.table = p.tab == View::Table || p.tab == View::Overview ||
            ((p.tab == View::Summary || p.tab == View::Detail) &&
             (side_by_side() || (v == View::Detail && has_table())));
  return p;
}

// Called on every frame: the place is made again only when what it is made of may have changed
// (every change of tab, area or step bumps the mirror version; the width moves the table).
bool Widget::take_moved() {
  if (placed_ && placed_version_ == mirror_version_ && placed_width_ == css_width_) return false;
  placed_version_ = mirror_version_;
  placed_width_ = css_width_;
  Place p = place();
  const bool moved = !placed_ || !(p == *placed_);
  placed_ = std::move(p);
  return moved;
}

std::uintptr_t ViewContext::image(const std::string& url, bool photo) const {
  if (url.empty() || !images) return 0;
  const auto it = images->find(url);
  if (it != images->end()) return it->second == kLoading ? 0 : it->second;
  if (wanted && std::none_of(wanted->begin(), wanted->end(), [&](const WantedImage& w) { return w.url == url; }))
    wanted->push_back({url, photo});
  return 0;
}

std::vector<WantedImage> Widget::take_wanted_images() {
  std::vector<WantedImage> out;
  for (WantedImage& w : wanted_)
    if (images_.emplace(w.url, kLoading).second) out.push_back(std::move(w));
  wanted_.clear();
  return out;
}

void Widget::set_image(const std::string& url, std::uintptr_t texture) {
  images_[url] = texture;  // (the platform draws a frame; the mirror says the same)
}

std::vector<std::pair<std::string, std::string>> Widget::unknown_options() const {
  std::vector<std::pair<std::string, std::string>> out;
  const Feed* f = model_.feed.get();
  if (!f) return out;
  if (!options_.race.empty() && f->find_race(options_.race) < 0) out.emplace_back("race", options_.race);
  if (!model_.ready()) return out;
  const int s = options_.source.empty() ? -1 : f->find_source(options_.source);
  if (!options_.source.empty() && (s < 0 || !model_.race->results_for(s))) out.emplace_back("source", options_.source);
  const int a = options_.area.empty() ? -1 : f->find_area(options_.area);
  if (!options_.area.empty() && (a < 0 || !model_.tally->in_race(a))) out.emplace_back("area", options_.area);
  return out;
}

bool Widget::has_table() const { return !table_rows_made().empty() || !model_.query.search.empty(); }

Widget::Split Widget::split(float inner_css) { return {std::min(inner_css * 0.42f, 440.0f), 32.0f}; }

bool Widget::side_by_side() const {
  const View v = view();
  return css_width_ - 2 * design::padding >= design::breakpoints::side_by_side &&
         (v == View::Full || v == View::Detail || v == View::Overview) && has_table() &&
         (v != View::Full || ui_.tab == View::Summary || ui_.tab == View::Detail);
}

std::vector<std::string> Widget::focus_order() const {
  std::vector<std::string> out;
  if (!model_.ready()) return out;
  const Presented& p = presented();
  for (std::size_t i = 0; i < p.chrome.tabs.size(); ++i) out.push_back("tabs:" + std::to_string(i));
  const View v = view();
  const View tab = v == View::Full ? ui_.tab : v;
  const auto crumbs = [&] {
    for (std::size_t i = 0; i + 1 < p.chrome.crumbs.size(); ++i) out.push_back("crumb:" + p.chrome.crumbs[i].id);
  };
  // The table's own width: beside the summary it has what the summary leaves (widget_draw.cpp).
  const float inner = css_width_ - 2 * design::padding;
  const Split s = split(inner);
  const float table_w = side_by_side() ? inner - s.summary - s.gap : inner;
  const auto table = [&] {
    for (std::size_t i : p.table.shown(table_w)) out.push_back("header:" + p.table.columns[i].key);
    for (const TableRowView& r : p.table.rows) out.push_back("row:" + r.id);
  };
  // The map's areas, top to bottom and left to right (Home, End; the arrows go by neighbours).
  const auto map = [&] {
    if (!p.map.map) return;
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < p.map.areas.size(); ++i)
      if (p.map.areas[i].area >= 0) order.push_back(i);
    const auto& shapes = p.map.map->shapes;
    const auto y = [&](std::size_t i) { return p.map.tiles ? float(shapes[i].tile_row) : shapes[i].label_y; };
    const auto x = [&](std::size_t i) { return p.map.tiles ? float(shapes[i].tile_col) : shapes[i].label_x; };
    sandik::stable_sort(order,
                     [&](std::size_t a, std::size_t b) { return y(a) != y(b) ? y(a) < y(b) : x(a) < x(b); });
    for (std::size_t i : order) out.push_back("area:" + p.map.areas[i].id);
  };
  switch (tab) {
    case View::Summary:
    case View::Detail:
    case View::Overview:
      crumbs();
      for (const Bar& b : p.summary.bars)
        if (b.contestant < 0) out.push_back("others");
      if (tab == View::Overview) map();
      if (side_by_side() || ((v == View::Detail || v == View::Overview) && has_table())) table();
      break;
    case View::Map:
    case View::Tiles:
      crumbs();
      map();
      if (!p.map.map && !p.map.none.empty() && has_table()) table();
      break;
    case View::Table:
      crumbs();
      table();
      break;
    case View::Sources:
      if (p.sources.choices.size() > 1)
        for (std::size_t i = 0; i < p.sources.choices.size(); ++i) out.push_back("source:" + std::to_string(i));
      break;
    default:
      break;
  }
  return out;
}

bool Widget::key(Key k) {
  if (k == Key::Blur) {
    const bool had = !ui_.focus.empty();
    ui_.focus.clear();
    return had;
  }
  if (k == Key::Left || k == Key::Right || k == Key::Up || k == Key::Down) {
    if (move_on_map(k)) return true;
    k = k == Key::Right || k == Key::Down ? Key::Next : Key::Previous;
  }
  const std::vector<std::string> order = focus_order();
  if (order.empty()) return false;
  long at = -1;
  for (std::size_t i = 0; i < order.size(); ++i)
    if (order[i] == ui_.focus) at = static_cast<long>(i);
  const long last = static_cast<long>(order.size()) - 1;
  long to = 0;
  switch (k) {
    case Key::Next:
      to = at + 1;
      break;
    case Key::Previous:
      to = at < 0 ? last : at - 1;
      break;
    case Key::First:
      to = 0;
      break;
    case Key::Last:
      to = last;
      break;
    default:
      break;
  }
  if (to < 0 || to > last) return false;
  ui_.focus = order[static_cast<std::size_t>(to)];
  ui_.scroll_to_focus = true;
  return true;
}

// An arrow on a map area: the neighbour that way (map_layout.h); false off the map or when
// there is none that way (the arrow then moves through the focus order as elsewhere).
bool Widget::move_on_map(Key k) {
  if (ui_.focus.rfind("area:", 0) != 0) return false;
  const MapView& mv = presented().map;
  if (!mv.map) return false;
  const std::string id = ui_.focus.substr(5);
  int from = -1;
  for (std::size_t i = 0; i < mv.areas.size(); ++i)
    if (mv.areas[i].id == id && mv.areas[i].area >= 0) from = static_cast<int>(i);
  const float dx = k == Key::Left ? -1.0f : k == Key::Right ? 1.0f : 0.0f;
  const float dy = k == Key::Up ? -1.0f : k == Key::Down ? 1.0f : 0.0f;
  std::vector<bool> ok;
  for (const MapArea& a : mv.areas) ok.push_back(a.area >= 0);
  const int to = toward(*mv.map, from, dx, dy, mv.tiles, ok);
  if (to < 0) return false;
  ui_.focus = "area:" + mv.areas[static_cast<std::size_t>(to)].id;
  ui_.scroll_to_focus = true;
  return true;
}

bool Widget::activate() {
  const std::string& f = ui_.focus;
  if (f.empty() || !model_.ready()) return false;
  const Presented& p = presented();
  const auto after = [&](const char* prefix) { return f.substr(std::string(prefix).size()); };
  const auto index = [&](const char* prefix) { return std::atoi(after(prefix).c_str()); };
  Actions act;
  if (f.rfind("tabs:", 0) == 0) {
    const int i = index("tabs:");
    if (i < 0 || i >= static_cast<int>(p.chrome.tabs.size())) return false;
    act.tab = p.chrome.tabs[static_cast<std::size_t>(i)].view;
  } else if (f.rfind("crumb:", 0) == 0 || f.rfind("row:", 0) == 0 || f.rfind("area:", 0) == 0) {
    const std::string id = after(f[0] == 'c' ? "crumb:" : f[0] == 'r' ? "row:" : "area:");
    const int a = f[0] == 'c' && id == model_.up_id ? kUp : model_.feed->find_area(id);
    if (a < 0 && a != kUp) return false;
    act.open_area = a;
  } else if (f.rfind("header:", 0) == 0) {
    for (const Column& c : p.table.columns)
      if (c.key == after("header:") && c.sort)
        act.sort = std::make_pair(*c.sort, *c.sort == model_.query.sort ? !model_.query.desc : c.prefer_desc);
    if (!act.sort) return false;
  } else if (f == "others") {
    act.toggle_others = true;
  } else if (f.rfind("source:", 0) == 0) {
    const int i = index("source:");
    if (i < 0 || i >= static_cast<int>(p.sources.choice_sources.size())) return false;
    act.source = p.sources.choice_sources[static_cast<std::size_t>(i)];
  } else {
    return false;
  }
  apply(act);
  return true;
}

const Presented& Widget::presented() const {
  if (presented_.version == mirror_version_) return presented_;
  Presented p;
  p.version = mirror_version_;
  if (model_.ready()) {
    const Lang lang = options_.lang;
    const View v = view();
    p.chrome = present_chrome(model_, ui_, v, lang);
    const bool full = v == View::Full, overview = v == View::Overview;
    const bool map = v == View::Map || v == View::Tiles;  // (an area it has no map of: as the detail view)
    if (full || overview || map || v == View::Summary || v == View::Detail)
      p.summary = present_summary(model_, ui_, lang);
    if (full || overview || map || v == View::Table || v == View::Detail) {
      table_rows_made();
      p.table = present_table(model_, lang);
    }
    if (overview) p.scoreboard = present_scoreboard(*model_.feed, model_.score, lang);
    if (full || v == View::Sources) p.sources = present_sources(model_, lang);
    if (full || v == View::Flips) p.flips = present_flips(model_, lang);
    if (full || v == View::Timeline) p.timeline = present_timeline(model_, ui_, lang);
    if (full || v == View::Seats) p.seats = present_seats(model_, lang);
    if (map || full || overviewed()) p.map = present_map(model_, v == View::Tiles, lang);
  }
  presented_ = std::move(p);
  return presented_;
}

const Region* Widget::focused() const {
  if (ui_.focus.empty()) return nullptr;
  for (const Region& r : regions_)
    if (r.name == ui_.focus) return &r;
  return nullptr;
}

void Widget::apply(const Actions& act) {
  bool changed = false;
  if (act.table_scroll >= 0) table_scroll_ = act.table_scroll;
  if (act.open_area && model_.ready()) {
    open(*act.open_area);
    changed = true;
  }
  if (act.source) {
    source_ = *act.source;
    changed = true;
  }
  if (act.sort) {
    model_.query.sort = act.sort->first;
    model_.query.desc = act.sort->second;
    changed = true;
  }
  if (act.tab && *act.tab != ui_.tab) {
    ui_.tab = *act.tab;
    ++mirror_version_;
  }
  if (act.toggle_others) {
    ui_.others_open = !ui_.others_open;
    ++mirror_version_;
  }
  if (act.map_pick) ui_.map_picked = *act.map_pick;  // (the canvas's card only: the mirror is the same)
  if (act.hover_moment && *act.hover_moment != ui_.hover_moment) {
    ui_.hover_moment = *act.hover_moment;
    ++mirror_version_;
  }
  if (changed) rebuild();
}

std::uint32_t Widget::background() const { return palette(options_.dark, options_.accent).background; }

std::string Widget::news() {
  if (!model_.ready()) return "";
  const Model& m = model_;
  const Summary s = m.area == m.race->area ? m.current : summarize(*m.tally, m.race->area);
  const std::string leader = s.leader >= 0 ? m.feed->contestant_name(*m.race, s.leader) : "";
  const int tenth = s.reporting_pct ? static_cast<int>(*s.reporting_pct / 10) : -1;
  const std::string said = said_ ? announcement(said_leader_, leader, said_tenth_, tenth, options_.lang) : "";
  said_ = true;
  said_leader_ = leader;
  said_tenth_ = tenth;
  return said;
}

std::string Widget::updated_line(std::int64_t now, int stale_minutes, bool& stale) const {
  stale = false;
  if (!model_.feed || model_.feed->status != FeedStatus::Live) return "";
  const std::int64_t minutes = std::max<std::int64_t>(0, (now - model_.feed->updated.epoch) / 60);
  stale = minutes >= std::max(1, stale_minutes);
  return stale_line(minutes, stale, options_.lang, date_clock(*model_.feed, model_.feed->updated.epoch, options_.lang));
}

std::string Widget::accessible_json() const {
  const Lang lang = options_.lang;
  std::vector<AccessibleSection> sections;
  std::size_t table_section = ~std::size_t{0};
  if (!model_.ready() && model_.feed) sections.push_back({"", present_notices(lang).no_race, {}, {}});
  if (model_.ready()) {
    const Presented& p = presented();
    const View v = view();
    const bool full = v == View::Full, overview = v == View::Overview;
    const bool map = v == View::Map || v == View::Tiles;
    // The map view: the map's table, else (an area it has no map of) what the detail view says.
    if (full || overview || v == View::Summary || v == View::Detail || (map && !p.map.map))
      sections.push_back(mirror(p.summary));
    if (overview) sections.push_back(mirror(p.scoreboard));
    if (map && !p.map.map && !p.map.none.empty()) sections.push_back({"", p.map.none, {}, {}});
    if ((full || overview || v == View::Table || v == View::Detail || (map && !p.map.map)) && has_table()) {
      table_section = sections.size();
      sections.push_back(mirror(p.table, kMirrorRows));  // (60,000 rows are never copied to be cut)
    }
    if (full || v == View::Sources) sections.push_back(mirror(p.sources));
    if ((full && model_.race->previous) || v == View::Flips) sections.push_back(mirror(p.flips));
    if ((full && model_.moments.size() > 1) || v == View::Timeline) sections.push_back(mirror(p.timeline));
    if (v == View::Seats || (full && model_.race->seats)) sections.push_back(mirror(p.seats));
    // The map last (its table repeats the districts'), or why there is none.
    if (p.map.map && (map || full || overviewed())) sections.push_back(mirror(p.map));
    if (overviewed() && !p.map.map && !p.map.none.empty()) sections.push_back({"", p.map.none, {}, {}});
  }
  // A screen reader gets what it can use: at most kMirrorRows rows a section (a page of 60,000
  // rows froze the page for seconds), and where there are more, how to reach them (the district
  // table: its search box).
  for (std::size_t i = 0; i < sections.size(); ++i) {
    AccessibleSection& s = sections[i];
    if (s.rows.size() > kMirrorRows) {
      s.more += s.rows.size() - kMirrorRows;
      s.rows.resize(kMirrorRows);
    }
    if (s.more) s.sentence += " " + more_rows_sentence(s.rows.size(), s.more, i == table_section, lang);
  }
  std::string out = "{\"lang\":" + json::quote(lang_code(lang)) + ",\"sections\":[";
  for (std::size_t i = 0; i < sections.size(); ++i) {
    const AccessibleSection& s = sections[i];
    if (i) out += ",";
    out += "{\"caption\":" + json::quote(s.caption) + ",\"sentence\":" + json::quote(s.sentence) + ",\"columns\":[";
    for (std::size_t k = 0; k < s.columns.size(); ++k) out += (k ? "," : "") + json::quote(s.columns[k]);
    out += "],\"rows\":[";
    for (std::size_t r = 0; r < s.rows.size(); ++r) {
      out += r ? ",[" : "[";
      for (std::size_t k = 0; k < s.rows[r].size(); ++k) out += (k ? "," : "") + json::quote(s.rows[r][k]);
      out += "]";
    }
    out += "]}";
  }
  return out + "]}";
}

}  // namespace sandik::ui
