// sandik core — the feed validator's class, shared by the files that hold its parts (internal):
//   validate.cpp        parse_feed(), the top level, election, sources, parties, the area tree
//   validate_races.cpp  each race: contestants, seats, previous winners, results, calls, history
// The typed-access helpers below report every problem with its JSON path and return
// null/nullopt, so a part reads what it needs and goes on to find the next problem.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "feed.h"
#include "budget.h"
#include "format.h"
#include "json.h"
#include "time.h"

namespace sandik::validation {

using json::Path;
using json::Value;

class Validator {
 public:
  Validator(Feed& feed, Problems& out, const ParseOptions& opt) : feed_(feed), out_(out), opt_(opt) {}

  // Validates in slices: goes on from where the last call stopped until the whole tree is read
  // (true) or the budget is spent (false). The loops over areas, results, previous winners and
  // history points stop before their next item; what they were building is kept in the work
  // records below, so every problem is reported once, in document order, as in one call.
  bool step(const Value& root, Budget& budget);

 private:
  Feed& feed_;
  Problems& out_;
  const ParseOptions& opt_;
  std::vector<std::optional<Count>> area_boxes_;  // declared or summed over children
  // Lookups while validating, keyed by views into the JSON text (no allocation per lookup: a
  // 10,000-area feed has 200,000 votes to resolve).
  using ViewIndex = std::unordered_map<std::string_view, int>;
  ViewIndex sources_v_, parties_v_, areas_v_, contestants_v_;  // contestants_v_: a candidate race's
  bool party_race_ = false;
  const ViewIndex& contestants() const { return party_race_ ? parties_v_ : contestants_v_; }
  static int find_view(const ViewIndex& index, std::string_view id) {
    const auto it = index.find(id);
    return it == index.end() ? -1 : it->second;
  }
  // Small direct-mapped caches in front of the indexes, for the ids of votes objects: a race's
  // results name the same few dozen contestants area after area (in each area's own order), so
  // most ids are found by one comparison instead of a hash of the whole id and a bucket's chain.
  // The parties' is kept from race to race (a country's provinces list mostly the same parties;
  // forgotten at each candidate race, 28 % of a country's votes missed it); a candidate race's
  // is forgotten with its index, which is made anew.
  struct Seen {
    std::string_view id;
    int index = -1;
  };
  Seen seen_parties_[1024], seen_ids_[256];
  const ViewIndex* seen_in_ = nullptr;
  int find_cached(const ViewIndex& index, std::string_view id) {
    const bool parties = &index == &parties_v_;
    if (!parties && seen_in_ != &index) {
      for (Seen& s : seen_ids_) s = Seen{};
      seen_in_ = &index;
    }
    const std::uint32_t h = json::quick_hash(id);
    Seen& slot = parties ? seen_parties_[h >> 22] : seen_ids_[h >> 24];
    if (slot.index >= 0 && slot.id == id) return slot.index;
    const int found = find_view(index, id);
    if (found >= 0) slot = Seen{id, found};
    return found;
  }
  void forget_ids() { seen_in_ = nullptr; }
  // What to reserve for a list of n: all of it up to a country's size, but not whatever count a
  // hostile list claims (items beyond that grow the vectors and indexes as they come).
  static std::size_t room(std::size_t n) { return n < 4096 ? n : 4096; }
  static std::string_view id_of(const Value& obj) {
    const Value* id = obj.find("id");
    return id ? id->str() : std::string_view();
  }

  // -- reporting: up to kMaxProblems errors and as many warnings (so no flood of warnings hides an
  // error); then a count of the rest
  static constexpr std::size_t kMaxProblems = 1000;
  std::size_t listed_[2] = {0, 0}, unreported_[2] = {0, 0};  // [errors, warnings]
  bool cyclic_ = false;                                      // the area tree has a cycle
  void report(Severity sev, const Path& p, std::string msg) {
    const std::size_t k = sev == Severity::Error ? 0 : 1;
    if (listed_[k] < kMaxProblems) {
      ++listed_[k];
      out_.push_back({sev, p.str(), std::move(msg), "", ""});
    } else {
      ++unreported_[k];
    }
  }
  void error(const Path& p, std::string msg) { report(Severity::Error, p, std::move(msg)); }
  void warn(const Path& p, std::string msg) { report(Severity::Warning, p, std::move(msg)); }

 public:
  std::size_t total(Severity sev) const {
    const std::size_t k = sev == Severity::Error ? 0 : 1;
    return listed_[k] + unreported_[k];
  }
  void finish() {
    if (!unreported_[0] && !unreported_[1]) return;
    const std::string more = unreported_[0] && unreported_[1]
                                 ? counted(unreported_[0], "more error") + " and " + counted(unreported_[1], "more warning")
                             : unreported_[0] ? counted(unreported_[0], "more error")
                                              : counted(unreported_[1], "more warning");
    out_.push_back({unreported_[0] ? Severity::Error : Severity::Warning, "", more + " not listed", "", "more"});
  }

 private:
  // -- typed access; each reports and returns null/nullopt on a problem
  const Value* opt(const Value& obj, const char* key) {
    const Value* v = obj.find(key);
    return v && !v->is_null() ? v : nullptr;
  }
  const Value* req(const Value& obj, const Path& at, const char* key) {
    const Value* v = obj.find(key);
    if (!v) error(at / key, "missing required key");
    return v;
  }
  std::optional<std::string_view> string_of(const Value& v, const Path& p, bool nonempty = true) {
    if (!v.is_string()) {
      error(p, "expected a string, got " + json::describe(v));
      return std::nullopt;
    }
    if (nonempty && v.str().empty()) {
      error(p, "expected a non-empty string");
      return std::nullopt;
    }
    return v.str();
  }
  // An optional image's URL (a photo, a logo): http(s) or relative to the feed; never another
  // scheme (javascript:, data:, file:).
  std::string image_url(const Value& obj, const Path& at, const char* key) {
    const Value* v = opt(obj, key);
    if (!v) return "";
    const auto s = string_of(*v, at / key);
    if (!s) return "";
    const std::size_t colon = s->find(':'), end = s->find_first_of("/?#");
    if (colon != std::string_view::npos && (end == std::string_view::npos || colon < end)) {
      std::string scheme(s->substr(0, colon));
      for (char& ch : scheme) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
      if (scheme != "http" && scheme != "https") {
        error(at / key, "expected an http(s) or relative URL, got \"" + json::clip(*s) + "\"");
        return "";
      }
    }
    return std::string(*s);
  }
  std::optional<std::string> req_string(const Value& obj, const Path& at, const char* key) {
    const Value* v = req(obj, at, key);
    if (!v) return std::nullopt;
    const auto s = string_of(*v, at / key);
    return s ? std::optional<std::string>(std::string(*s)) : std::nullopt;
  }
  std::optional<Count> count_of(const Value& v, const Path& p) {
    if (v.is_count()) {
      if (v.count() <= kMaxExactCount) return v.count();
      error(p, "expected a non-negative integer no larger than 2^53, got " + json::describe(v));
      return std::nullopt;
    }
    error(p, "expected a non-negative integer, got " + json::describe(v));
    return std::nullopt;
  }
  std::optional<Count> opt_count(const Value& obj, const Path& at, const char* key) {
    const Value* v = opt(obj, key);
    return v ? count_of(*v, at / key) : std::nullopt;
  }
  std::optional<Time> time_of(const Value& v, const Path& p) {
    if (const auto s = string_of(v, p)) {
      if (auto t = parse_rfc3339(*s)) return t;
      error(p, "expected an RFC 3339 time like 2024-03-31T22:35:00+03:00, got " + json::describe(v));
    }
    return std::nullopt;
  }
  std::optional<Time> req_time(const Value& obj, const Path& at, const char* key) {
    const Value* v = req(obj, at, key);
    return v ? time_of(*v, at / key) : std::nullopt;
  }
  std::optional<Text> text_of(const Value& obj, const Path& at, const char* key) {
    const Value* v = req(obj, at, key);
    if (!v) return std::nullopt;
    Text t;
    if (v->is_string()) {
      if (v->str().empty()) error(at / key, "expected a non-empty string");
      t.by_lang.emplace_back("", v->str());
    } else if (v->is_object()) {
      for (const auto& [lang, s] : v->members()) {
        if (const auto str = string_of(s, at / key / lang)) t.by_lang.emplace_back(lang, *str);
      }
      if (v->members().empty()) error(at / key, "expected a string or a {language: string} map, got {}");
    } else {
      error(at / key, "expected a string or a {language: string} map, got " + json::describe(*v));
    }
    return t;
  }
  const Value* req_array(const Value& obj, const Path& at, const char* key) {
    const Value* v = req(obj, at, key);
    if (v && !v->is_array()) {
      error(at / key, "expected an array, got " + json::describe(*v));
      return nullptr;
    }
    return v;
  }
  const Value* object_at(const Value* v, const Path& p) {
    if (v && !v->is_object()) {
      error(p, "expected an object, got " + json::describe(*v));
      return nullptr;
    }
    return v;
  }
  // Resolves an id reference; reports "unknown KIND "id"".
  int ref(const Value& v, const Path& p, const ViewIndex& index, const char* kind) {
    const auto s = string_of(v, p);
    if (!s) return -1;
    const int i = find_view(index, *s);
    if (i < 0) error(p, std::string("unknown ") + kind + " \"" + json::clip(*s) + "\"");
    return i;
  }
  // Declares an id; reports duplicates and returns false for them.
  bool declare(std::unordered_map<std::string, int>& index, const std::string& id, int i, const Path& p,
               const char* list) {
    const auto [it, fresh] = index.emplace(id, i);
    if (!fresh)
      error(p, "duplicate id \"" + json::clip(id) + "\" (also " + list + "[" + std::to_string(it->second) + "])");
    return fresh;
  }

  // ---- slices: where the work stopped
  Budget* budget_ = nullptr;
  bool pause() { return budget_->spent(Budget::kUnitsPerItem); }  // before an area, a result, a race
  enum class Stage { Start, Areas, Races, Done } stage_ = Stage::Start;
  struct AreaWork {
    const Value* list = nullptr;
    std::size_t i = 0;
    std::vector<std::pair<std::size_t, std::string_view>> parents;  // (area index, parent id: in the JSON)
    std::vector<std::size_t> item_of;                          // area index -> position in the list
  } aw_;
  struct RaceWork {
    const Value* list = nullptr;
    std::size_t i = 0;              // the race in the list
    const Value* v = nullptr;       // its object
    int phase = 0;                  // 0 head, 1 previous, 2 results, 3 calls and history head, 4 history
    std::optional<Race> race;       // (emplaced anew for each: no move-assignments in the wasm)
    std::optional<std::string> id;
    const Value* node = nullptr;    // the object the phase loops over
    std::size_t k = 0, j = 0;       // its member; the item within that member
    bool open = false;              // member k's head is read
    std::optional<Previous> prev;
    std::optional<SourceResults> sr;
    const Value* items = nullptr;   // member k's areas or points
    std::vector<HistoryPoint> points;
    int source = -1;
  } rw_;

  // ---- the feed and its lists (validate.cpp)
  bool check_format(const Value& root, const Path& top);
  void election(const Value& root, const Path& top);
  void sources(const Value& root, const Path& top);
  void parties(const Value& root, const Path& top);
  bool areas(const Value& root, const Path& top);  // false: paused
  void split_index(const Value& root, const Path& top);  // parts, scoreboard
  // Declared boxes, or the sum over children (only where every child knows its boxes).
  void compute_area_boxes();
  bool inside(int area, int root) const;

  // ---- races: seats, previous, results, calls, history (validate_races.cpp)
  // (each false when paused)
  bool races(const Value& root, const Path& top);
  bool race_one(const Value& v, const Path& at, Race& race);
  void race_head(const Value& v, const Path& at, Race& race);  // id, title, kind, area, contestants
  void seats(const Value& v, const Path& p, Race& race);
  const Value* previous_head(const Value& v, const Path& p);  // the areas to loop over
  bool previous(const Value& areas, const Path& p);
  std::vector<std::pair<int, Count>> vote_map(const Value& v, const Path& p, const ViewIndex& index, const char* kind);
  std::vector<std::pair<int, double>> share_map(const Value& v, const Path& p, const Race& race);
  static const char* contestant_kind(const Race& race);
  bool results(const Value& v, const Path& p, Race& race);
  void over_2_53(const SourceResults& sr, const Path& p, const Race& race);
  Result result(const Value& v, const Path& p, const Race& race, int area);
  void calls(const Value& v, const Path& p, Race& race);
  bool history(const Value& v, const Path& p, Race& race);
};

}  // namespace sandik::validation
