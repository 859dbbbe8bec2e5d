// sandik core — the feed model's helpers (texts by language, lookups by id, problems as text)
// and the out-of-order rule. Parsing and validation are validate.cpp.
#include "feed.h"
#include "order.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "format.h"
#include "json.h"
#include "time.h"
#include "turkish.h"

namespace sandik {

// ---- model helpers ----------------------------------------------------------------------------
std::string Problem::to_string() const {
  const std::string where = file.empty()   ? (path.empty() ? std::string("$") : path)
                            : path.empty() ? file
                                           : file + ": " + path;
  return (severity == Severity::Warning ? "warning: " : "") + where + ": " + message;
}

const std::string& Text::get(std::string_view lang) const {
  static const std::string kEmpty;
  if (by_lang.empty()) return kEmpty;
  for (const std::string_view want : {lang, std::string_view("tr"), std::string_view("en"), std::string_view("")}) {
    for (const auto& [l, t] : by_lang)
      if (l == want) return t;
  }
  return by_lang.front().second;
}

std::size_t ParsedFeed::error_count() const {
  return static_cast<std::size_t>(
      std::count_if(problems.begin(), problems.end(), [](const Problem& p) { return p.severity == Severity::Error; }));
}

template <typename T>
void ByArea<T>::emplace(int area, T value) {
  if (!entries_.empty() && entries_.back().first >= area) sorted_ = false;
  entries_.emplace_back(area, std::move(value));
}

template <typename T>
void ByArea<T>::finish() {
  if (!sorted_) sandik::stable_sort(entries_, [](const Entry& a, const Entry& b) { return a.first < b.first; });
  sorted_ = true;
}

template <typename T>
typename ByArea<T>::const_iterator ByArea<T>::find(int area) const {
  if (!sorted_) return std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.first == area; });
  const auto it =
      std::lower_bound(entries_.begin(), entries_.end(), area, [](const Entry& e, int a) { return e.first < a; });
  return it != entries_.end() && it->first == area ? it : entries_.end();
}

template class ByArea<Result>;
template class ByArea<Previous::AreaPrev>;

namespace {
int find_in(const std::unordered_map<std::string, int>& index, std::string_view id) {
  const auto it = index.find(std::string(id));
  return it == index.end() ? -1 : it->second;
}
}  // namespace

int Feed::find_source(std::string_view id) const { return find_in(source_index, id); }
int Feed::find_party(std::string_view id) const { return find_in(party_index, id); }
int Feed::find_area(std::string_view id) const { return find_in(area_index, id); }
int Feed::find_race(std::string_view id) const { return find_in(race_index, id); }
int Race::find_contestant(std::string_view cid) const {  // (a race has dozens of candidates, not thousands)
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (candidates[i].id == cid) return static_cast<int>(i);
  return -1;
}
int Feed::find_contestant(const Race& race, std::string_view cid) const {
  return race.kind == RaceKind::Party ? find_party(cid) : race.find_contestant(cid);
}

int Race::contestant_count(const Feed& feed) const {
  return kind == RaceKind::Candidate ? static_cast<int>(candidates.size()) : static_cast<int>(feed.parties.size());
}

int Race::contestant_party(int contestant) const {
  return kind == RaceKind::Candidate ? candidates[static_cast<std::size_t>(contestant)].party : contestant;
}

const SourceResults* Race::results_for(int source) const {
  for (const auto& r : results)
    if (r.source == source) return &r;
  return nullptr;
}

int Race::freshest_source() const {
  if (results.empty()) return 0;
  const SourceResults* best = &results.front();
  for (const SourceResults& sr : results)
    if (sr.updated.epoch > best->updated.epoch) best = &sr;
  return best->source;
}

const std::string& Feed::contestant_name(const Race& race, int c) const {
  return race.kind == RaceKind::Candidate ? race.candidates[static_cast<std::size_t>(c)].name
                                          : parties[static_cast<std::size_t>(c)].name;
}

const std::string& Feed::contestant_id(const Race& race, int c) const {
  return race.kind == RaceKind::Candidate ? race.candidates[static_cast<std::size_t>(c)].id
                                          : parties[static_cast<std::size_t>(c)].id;
}

std::optional<Problem> out_of_order(const Feed& shown, const Feed& incoming) {
  if (incoming.updated.epoch >= shown.updated.epoch) return std::nullopt;
  return Problem{Severity::Warning, "updated",
                 incoming.updated.text + " is older than the feed already shown (" + shown.updated.text +
                     "); ignored as out of order",
                 "", "out-of-order"};
}

}  // namespace sandik
