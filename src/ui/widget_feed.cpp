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
  if (model_.feed) {
    if (auto late = out_of_order(*model_.feed, *parsed.feed)) {
      up.problems.push_back(*late);
      return up;
    }
  }
  up.accepted = true;
  // A new feed for the same race keeps the reader where they were (area, tab, source).
  const bool same_race = model_.feed && model_.race && parsed.feed->find_race(model_.race->id) >= 0;
  std::string area_id = same_race && area_ >= 0 ? model_.feed->areas[static_cast<std::size_t>(area_)].id : "";
  std::string source_id = same_race && source_ >= 0 ? model_.feed->sources[static_cast<std::size_t>(source_)].id : "";
  // Bars grow from what they showed to the new count (not under prefers-reduced-motion).
  std::vector<std::pair<std::string, double>> before;
  if (model_.ready() && same_race && !options_.reduced_motion)
    for (const Standing& st : model_.current.standings)
      before.emplace_back(model_.feed->contestant_id(*model_.race, st.contestant), st.share_pct);
  model_.tally.reset();  // (sums of the old feed are never kept for a new one)
  model_.feed = std::move(parsed.feed);
  area_ = area_id.empty() ? -1 : model_.feed->find_area(area_id);
  source_ = source_id.empty() ? -1 : model_.feed->find_source(source_id);
  rebuild();  // its timeline already holds this feed's own moments
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

const std::vector<TableRow>& Widget::table_rows_made() const {
  if (!model_.rows_made && model_.ready()) {
    model_.rows = table_rows(*model_.tally, model_.area, model_.query);
    model_.rows_made = true;
  }
  return model_.rows;
}

void Widget::rebuild() {
  const std::shared_ptr<const Feed> feed = model_.feed;
  const TableQuery query = model_.query;
  std::unique_ptr<RaceTally> tally = std::move(model_.tally);  // kept when only the view changed
  model_ = Model{};
  model_.feed = feed;
  model_.query = query;
  ++mirror_version_;
  if (!feed || feed->races.empty()) return;
  const int race = options_.race.empty() ? 0 : feed->find_race(options_.race);
  if (race < 0) return;  // not in this feed (yet): the widget says so, and never shows another race
  const Race& r = feed->races[static_cast<std::size_t>(race)];
  model_.race = &r;

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
  if (area < 0 && !wanted_area_.empty()) {  // a deep link's, once this feed has it
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
