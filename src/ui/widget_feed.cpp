// The widget's feeds and the model made from them: a feed read (in slices, or at once), taken
// (out of order ones refused, the reader kept where they were, bars grown from the last count),
// and the model rebuilt for the race, source and area shown. The rest of the widget: widget.cpp.
//
// INDEX
//   moment_of()                       a summary as a moment of the timeline
//   set_feed(), read_feed(), read_more()   bytes in, at once or in slices (stages: read, model, rows, order)
//   set_feed(shared_ptr)              a valid feed taken
//   table_rows_made()                 the table's rows, made when first asked for
//   rebuild()                         the model: race, source, sums, area, summaries, flips, timeline
#include "widget.h"

#include <algorithm>

#include "core/order.h"

namespace sandik::ui {

namespace {

// The leading contestants' shares of one summary, as a moment of the timeline.
Moment moment_of(const Summary& s, std::int64_t at) {
  Moment m;
  m.source = s.source;
  m.at = at;
  m.reporting_pct = s.reporting_pct;
  for (std::size_t i = 0; i < s.standings.size() && i < 4; ++i)
    m.shares.emplace_back(s.standings[i].contestant, s.standings[i].share_pct);
  return m;
}

}  // namespace

FeedUpdate Widget::set_feed(std::string_view bytes) {
  Budget all;
  return *read_feed(std::string(bytes), all);
}

std::optional<FeedUpdate> Widget::read_feed(std::string bytes, Budget& budget) {
  reading_.reset();
  read_.reset();
  installed_.reset();
  rows_collected_ = false;
  reading_text_ = std::move(bytes);
  reading_ = std::make_unique<FeedParse>(reading_text_);
  return read_more(budget);
}

// Four stages, each left to the next slice when the budget is used up: the reading, the model
// (the sums), the table's rows, their order.
std::optional<FeedUpdate> Widget::read_more(Budget& budget) {
  if (!reading_) return std::nullopt;
  if (!read_ && !installed_) {
    if (!reading_->step(budget)) return std::nullopt;
    read_ = std::make_unique<ParsedFeed>(reading_->take());
    if (budget.expired()) return std::nullopt;
  }
  if (read_) {
    ParsedFeed parsed = std::move(*read_);
    read_.reset();
    std::string().swap(reading_text_);
    FeedUpdate up = set_feed(std::move(parsed.feed));
    up.problems.insert(up.problems.begin(), parsed.problems.begin(), parsed.problems.end());
    installed_ = std::make_unique<FeedUpdate>(std::move(up));
    if (budget.expired()) return std::nullopt;
  }
  const View v = view();
  if (model_.overview && !model_.rows_made) make_rows();
  if ((v == View::Full || v == View::Table || v == View::Detail) && model_.ready() && !model_.rows_made) {
    if (!rows_collected_) {
      model_.rows = collect_rows(*model_.tally, model_.area, model_.query);
      rows_collected_ = true;
      if (budget.expired()) return std::nullopt;
    }
    sort_rows(model_.rows, *model_.feed, model_.query);
    model_.rows_made = true;
  }
  FeedUpdate up = std::move(*installed_);
  installed_.reset();
  reading_.reset();
  return up;
}

FeedUpdate Widget::set_feed(std::shared_ptr<const Feed> feed) {
  FeedUpdate up;
  if (!feed) return up;
  ParsedFeed parsed;
  parsed.feed = std::move(feed);
  if (feed_) {
    if (auto late = out_of_order(*feed_, *parsed.feed)) {
      up.problems.push_back(*late);
      return up;
    }
  }
  up.accepted = true;
  // A new feed for the same race keeps the reader where they were (area, tab, source: rebuild()
  // finds them again in it).
  const bool same_race = model_.feed && model_.race && (parsed.feed->find_race(model_.race->id) >= 0 || !race_.empty());
  // Bars grow from what they showed to the new count (not under prefers-reduced-motion).
  std::vector<std::pair<std::string, double>> before;
  if (model_.ready() && same_race && !options_.reduced_motion)
    for (const Standing& st : model_.current.standings)
      before.emplace_back(model_.feed->contestant_id(*model_.race, st.contestant), st.share_pct);
  model_.tally.reset();  // (sums of the old feed are never kept for a new one)
  if (!same_race) {
    area_ = source_ = -1;
    race_.clear();
    steps_.clear();
  }
  feed_ = std::move(parsed.feed);
  // Parts the new index no longer names are let go (another index, another night).
  const auto named = [&](const Part& p) {
    return std::any_of(feed_->parts.begin(), feed_->parts.end(), [&](const FeedPart& fp) { return fp.url == p.url; });
  };
  parts_.erase(std::remove_if(parts_.begin(), parts_.end(), [&](const Part& p) { return !named(p); }), parts_.end());
  rebuild();
  if (model_.overview && !wanted_area_.empty()) {  // a deep link into the overview: opened as a tap would
    const std::string wanted = std::move(wanted_area_);
    wanted_area_.clear();
    go("", wanted);
  }  // its timeline already holds this feed's own moments
  // Remember this moment of every source for the timelines of later feeds (bounded: a night of polls).
  if (model_.ready()) {
    for (const Summary& s : model_.by_source) {
      const SourceResults* sr = model_.race->results_for(s.source);
      const std::int64_t at = sr ? sr->updated.epoch : model_.feed->updated.epoch;
      const bool known =
          std::any_of(seen_.begin(), seen_.end(), [&](const Moment& m) { return m.source == s.source && m.at == at; });
      if (!known && s.area == model_.race->area) seen_.push_back(moment_of(s, at));
    }
    if (seen_.size() > 2000) seen_.erase(seen_.begin(), seen_.begin() + static_cast<long>(seen_.size() - 2000));
    grow_from_.clear();
    for (const auto& [cid, share] : before) {
      const int c = model_.feed->find_contestant(*model_.race, cid);
      if (c >= 0) grow_from_.emplace_back(c, share);
    }
    grow_start_ = -1;
    animating_ = !grow_from_.empty();
  }
  return up;
}

// The table's rows: the area's children, or in the overview its provinces' own mayors.
void Widget::make_rows() const {
  const int source = options_.source.empty() ? -1 : model_.feed->find_source(options_.source);
  model_.rows = model_.overview ? mayor_rows(*model_.feed, model_.area, source, model_.query)
                                : table_rows(*model_.tally, model_.area, model_.query);
  model_.rows_made = true;
}

const std::vector<TableRow>& Widget::table_rows_made() const {
  if (!model_.rows_made && model_.ready()) make_rows();
  return model_.rows;
}

bool Widget::take_new_maps() {
  const bool n = new_maps_;
  new_maps_ = false;
  return n;
}

bool Widget::take_new_parts() {
  const bool n = new_parts_;
  new_parts_ = false;
  return n;
}

FeedUpdate Widget::set_part(const std::string& url, std::string_view bytes) {
  FeedUpdate up;
  for (Part& part : parts_) {
    if (part.url != url) continue;
    ParsedFeed parsed = parse_feed(bytes);
    up.problems = std::move(parsed.problems);
    if (!parsed.ok()) return up;  // the last good part stays
    if (part.feed)
      if (auto late = out_of_order(*part.feed, *parsed.feed)) {
        up.problems.insert(up.problems.begin(), *late);
        return up;
      }
    part.feed = std::move(parsed.feed);
    up.accepted = true;
    rebuild();
  }
  return up;
}

// The feed the race is in: the one given, or once it is here the part of the province the
// race's root is in (a split index: the part holds the race whole; `race` becomes its index
// there). A part not asked for yet is wanted (the platform fetches it).
std::shared_ptr<const Feed> Widget::chosen_feed(int& race) {
  const Feed& given = *feed_;
  const Race& r = given.races[static_cast<std::size_t>(race)];
  for (int area = r.area; area >= 0 && !given.parts.empty(); area = given.areas[static_cast<std::size_t>(area)].parent)
    for (const FeedPart& fp : given.parts) {
      if (fp.area != area) continue;
      auto it = std::find_if(parts_.begin(), parts_.end(), [&](const Part& p) { return p.url == fp.url; });
      if (it == parts_.end()) {
        parts_.push_back({fp.url, nullptr});
        new_parts_ = true;
        return feed_;
      }
      const int in_part = it->feed ? it->feed->find_race(r.id) : -1;
      if (in_part < 0) return feed_;
      race = in_part;
      return it->feed;
    }
  return feed_;
}

bool Widget::shows_map() const {
  const View v = view_from(options_.view);
  return v == View::Map || v == View::Tiles || v == View::Full || overviewed();
}

void Widget::find_map() {
  Model& m = model_;
  const Feed& feed = *m.feed;
  const std::vector<MapEntry>& catalogue = map_catalogue();
  MapCache& cache = map_cache_;
  if (cache.feed != m.feed) {
    cache.feed = m.feed;
    cache.parents.clear();
    cache.map.reset();  // (its join was to the feed before)
    for (const MapEntry& e : catalogue) cache.parents.push_back(map_parent(feed, e.parent_name, e.parent_code));
  }
  for (std::size_t i = 0; i < catalogue.size() && m.map_id.empty(); ++i)
    if (cache.parents[i] == m.area) m.map_id = catalogue[i].id;
  if (m.map_id.empty()) return;
  if (std::find(maps_asked_.begin(), maps_asked_.end(), m.map_id) == maps_asked_.end()) {
    maps_asked_.push_back(m.map_id);
    new_maps_ = true;
  }
  for (const auto& [id, map] : maps_)
    if (id == m.map_id) m.map = map;
  if (!m.map) return;
  if (cache.map != m.map) {
    cache.map = m.map;
    cache.join = join_map(feed, *m.map);
  }
  m.map_join = &cache.join;
  const int source = options_.source.empty() ? -1 : feed.find_source(options_.source);
  m.map_rows = m.overview && m.area == m.race->area ? mayor_rows(feed, m.area, source, TableQuery{})
                                                    : collect_rows(*m.tally, m.area, TableQuery{});
}

std::vector<Widget::WantedMap> Widget::maps_wanted() const {
  std::vector<WantedMap> out;
  for (const std::string& id : maps_asked_) {
    const bool given = std::any_of(maps_.begin(), maps_.end(), [&](const auto& m) { return m.first == id; });
    for (const MapEntry& e : map_catalogue())
      if (e.id == id && !given) out.push_back({e.id, e.file});
  }
  return out;
}

void Widget::set_map(const std::string& id, std::shared_ptr<const MapAsset> map) {
  for (auto& [have, m] : maps_)
    if (have == id) return;
  maps_.emplace_back(id, std::move(map));
  rebuild();
}

std::vector<std::string> Widget::parts_wanted() const {
  std::vector<std::string> out;
  for (const Part& p : parts_) out.push_back(p.url);
  return out;
}

void Widget::rebuild() {
  const TableQuery query = model_.query;
  std::unique_ptr<RaceTally> tally = std::move(model_.tally);  // kept when only the view changed
  model_ = Model{};
  model_.query = query;
  model_.feed = feed_;
  ++mirror_version_;
  if (!feed_ || feed_->races.empty()) return;
  const Feed& given = *feed_;
  // The overview's own race: the country's council vote (else the first race at a root).
  const bool overview = view() == View::Overview;
  int race = -1;
  for (std::size_t i = 0; overview && i < given.races.size(); ++i) {
    const Race& r = given.races[i];
    const bool root = given.areas[static_cast<std::size_t>(r.area)].parent < 0;
    if (root && (race < 0 || (r.office == "council" && given.races[static_cast<std::size_t>(race)].office != "council")))
      race = static_cast<int>(i);
  }
  const std::string& id = race_.empty() ? options_.race : race_;
  if (!overview) race = id.empty() ? 0 : given.find_race(id);
  if (race < 0) return;  // not in this feed (yet): the widget says so, and never shows another race
  const std::shared_ptr<const Feed> feed = chosen_feed(race);
  // area_ and source_ follow the reader from the feed they were chosen in to this one, by id.
  if (indexed_ && indexed_ != feed) {
    const std::size_t a = static_cast<std::size_t>(area_), s = static_cast<std::size_t>(source_);
    area_ = area_ >= 0 && a < indexed_->areas.size() ? feed->find_area(indexed_->areas[a].id) : -1;
    source_ = source_ >= 0 && s < indexed_->sources.size() ? feed->find_source(indexed_->sources[s].id) : -1;
  }
  indexed_ = feed;
  model_.feed = feed;
  const Race& r = feed->races[static_cast<std::size_t>(race)];
  model_.race = &r;
  model_.overview = overview;
  if (!race_.empty()) {  // the way back up: the overview's root, in the feed given
    int root = given.find_area(feed->areas[static_cast<std::size_t>(r.area)].id);
    while (root >= 0 && given.areas[static_cast<std::size_t>(root)].parent >= 0)
      root = given.areas[static_cast<std::size_t>(root)].parent;
    if (root >= 0) {
      model_.up_id = given.areas[static_cast<std::size_t>(root)].id;
      model_.up_name = given.areas[static_cast<std::size_t>(root)].name;
    }
  }

  // Source: the reader's choice, else the option, else the freshest count.
  int source = source_;
  if (source < 0 || !r.results_for(source)) source = options_.source.empty() ? -1 : feed->find_source(options_.source);
  if (source < 0 || !r.results_for(source)) source = r.freshest_source();
  model_.source = source;
  if (tally && &tally->feed() == feed.get() && &tally->race() == &r && tally->source() == source)
    model_.tally = std::move(tally);  // (a sort, a search, an area opened: the same sums)
  else
    model_.tally = std::make_unique<RaceTally>(*feed, r, source);

  // Area: opened by the reader, else data-area, else the race's root.
  int area = area_;
  if (area < 0 && !wanted_area_.empty() && !overview) {  // a deep link's, once this feed has it
    area = feed->find_area(wanted_area_);
    if (area >= 0 && model_.tally->in_race(area)) {
      area_ = area;
      wanted_area_.clear();
    }
  }
  if (area < 0 && !options_.area.empty()) area = feed->find_area(options_.area);
  if (area < 0 || !model_.tally->in_race(area)) area = r.area;
  model_.area = area;
  for (int a = area; a >= 0; a = feed->areas[static_cast<std::size_t>(a)].parent) {
    model_.trail.insert(model_.trail.begin(), a);
    if (a == r.area) break;
  }
  model_.current = summarize(*model_.tally, area);
  for (const SourceResults& sr : r.results) {
    std::unique_ptr<RaceTally> other;  // (the shown source's tally is made)
    if (sr.source != source) other = std::make_unique<RaceTally>(*feed, r, sr.source);
    model_.by_source.push_back(summarize(other ? *other : *model_.tally, area));
  }
  model_.flips = flipped_rows(*model_.tally, r.area);
  if (shows_map()) find_map();
  if (overview) {  // counted once per feed and source (a sort or a search does not count again)
    const int counted = options_.source.empty() ? -1 : given.find_source(options_.source);
    if (score_feed_ != feed_ || score_source_ != counted) {
      score_ = scoreboard(given, counted);
      score_feed_ = feed_;
      score_source_ = counted;
    }
    model_.score = score_;
  }

  // The timeline: the feed's history, each source's current count, and what this page has seen.
  for (const auto& [src, points] : r.history) {
    for (const HistoryPoint& p : points) {
      Moment m;
      m.source = src;
      m.at = p.at.epoch;
      m.reporting_pct = p.reporting_pct;
      if (p.boxes_counted) {
        const auto boxes = model_.tally->boxes(r.area);
        if (boxes && *boxes > 0)
          m.reporting_pct = 100.0 * static_cast<double>(*p.boxes_counted) / static_cast<double>(*boxes);
      }
      if (!p.votes.empty()) {
        Count valid = 0;
        for (const auto& [c, v] : p.votes) valid += v;
        if (p.valid) valid = *p.valid;
        for (const auto& [c, v] : p.votes)
          if (valid > 0) m.shares.emplace_back(c, 100.0 * static_cast<double>(v) / static_cast<double>(valid));
      } else {
        m.shares = p.shares;
      }
      model_.moments.push_back(std::move(m));
    }
  }
  if (area == r.area) {
    for (const Summary& s : model_.by_source) {
      const SourceResults* sr = r.results_for(s.source);
      model_.moments.push_back(moment_of(s, sr ? sr->updated.epoch : feed->updated.epoch));
    }
    for (const Moment& m : seen_) {
      const bool known = std::any_of(model_.moments.begin(), model_.moments.end(),
                                     [&](const Moment& k) { return k.source == m.source && k.at == m.at; });
      if (!known) model_.moments.push_back(m);
    }
  }
  sandik::stable_sort(model_.moments, [](const Moment& a, const Moment& b) { return a.at < b.at; });
}

}  // namespace sandik::ui
