// Parsing and validation of `sandik/1` (see docs/feed-format.md). Two passes:
//   1. the strict reader (json.h) builds the JSON tree and refuses what must never reach the model: invalid
//      JSON, NaN/Infinity, invalid UTF-8, duplicate keys, nesting deeper than max_depth,
//      strings longer than max_string (each with the JSON path where it happened);
//   2. the validator walks the tree, maps it to the model and reports every problem it finds.
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

// ---- validation -------------------------------------------------------------------------------
namespace {

using json::Path;
using json::Value;

class Validator {
 public:
  Validator(Feed& feed, Problems& out, const ParseOptions& opt) : feed_(feed), out_(out), opt_(opt) {}

  void run(const Value& root) {
    const Path top;
    if (!root.is_object()) return error(top, "expected a JSON object, got " + json::describe(root));
    if (!check_format(root, top)) return;
    if (auto t = req_time(root, top, "updated")) feed_.updated = *t;
    if (const Value* v = opt(root, "status")) {
      const auto s = string_of(*v, top / "status");
      if (s && *s == "test")
        feed_.status = FeedStatus::Test;
      else if (s && *s == "final")
        feed_.status = FeedStatus::Final;
      else if (s && *s != "live")
        error(top / "status", "expected \"test\", \"live\" or \"final\", got " + json::describe(*v));
    }
    election(root, top);
    sources(root, top);
    parties(root, top);
    areas(root, top);
    races(root, top);
  }

 private:
  Feed& feed_;
  Problems& out_;
  const ParseOptions& opt_;
  std::vector<std::optional<Count>> area_boxes_;  // declared or summed over children
  // Lookups while validating, keyed by views into the JSON text (no allocation per lookup: a
  // 10,000-area feed has 200,000 votes to resolve).
  using ViewIndex = std::unordered_map<std::string_view, int>;
  ViewIndex sources_v_, parties_v_, areas_v_, contestants_v_;
  static int find_view(const ViewIndex& index, std::string_view id) {
    const auto it = index.find(id);
    return it == index.end() ? -1 : it->second;
  }
  static std::string_view id_of(const Value& obj) {
    const Value* id = obj.find("id");
    return id ? id->str() : std::string_view();
  }

  // -- reporting: every problem, up to kMaxProblems lines; then a count of the rest
  static constexpr std::size_t kMaxProblems = 1000;
  std::size_t unreported_ = 0, unreported_errors_ = 0;
  void report(Severity sev, const Path& p, std::string msg) {
    if (out_.size() < kMaxProblems) {
      out_.push_back({sev, p.str(), std::move(msg), "", ""});
    } else {
      ++unreported_;
      if (sev == Severity::Error) ++unreported_errors_;
    }
  }
  void error(const Path& p, std::string msg) { report(Severity::Error, p, std::move(msg)); }
  void warn(const Path& p, std::string msg) { report(Severity::Warning, p, std::move(msg)); }

 public:
  void finish() {
    if (unreported_ > 0)
      out_.push_back({unreported_errors_ ? Severity::Error : Severity::Warning, "",
                      std::to_string(unreported_) + " more problems not listed", "", "more"});
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

  // -- sections
  bool check_format(const Value& root, const Path& top) {
    const Value* v = req(root, top, "format");
    if (!v) return false;
    const auto s = string_of(*v, top / "format");
    if (!s) return false;
    if (*s == "sandik/1" || s->rfind("sandik/1.", 0) == 0) {
      feed_.format = *s;
      return true;
    }
    if (s->rfind("sandik/", 0) == 0)
      error(top / "format", "unsupported version " + json::describe(*v) + "; this reader understands \"sandik/1\"");
    else
      error(top / "format", "expected \"sandik/1\", got " + json::describe(*v));
    return false;
  }

  void election(const Value& root, const Path& top) {
    const Path p = top / "election";
    const Value* e = object_at(req(root, top, "election"), p);
    if (!e) return;
    if (auto s = req_string(*e, p, "id")) feed_.election.id = *s;
    if (auto t = text_of(*e, p, "title")) feed_.election.title = *t;
    if (auto d = req_string(*e, p, "date")) {
      if (d->size() == 10 && parse_rfc3339(*d + "T00:00:00Z"))
        feed_.election.date = *d;
      else
        error(p / "date", "expected a date YYYY-MM-DD, got \"" + json::clip(*d) + "\"");
    }
    if (auto z = req_string(*e, p, "timezone")) feed_.election.timezone = *z;
  }

  void sources(const Value& root, const Path& top) {
    const Value* list = req_array(root, top, "sources");
    if (!list) return;
    const Path p = top / "sources";
    for (std::size_t i = 0; i < list->items().size(); ++i) {
      const Path at = p[i];
      const Value* s = object_at(&list->items()[i], at);
      if (!s) continue;
      Source src;
      auto id = req_string(*s, at, "id");
      auto name = req_string(*s, at, "name");
      if (const Value* u = opt(*s, "url"))
        if (const auto url = string_of(*u, at / "url")) src.url = *url;
      if (!id || !name) continue;
      src.id = *id;
      src.name = *name;
      if (declare(feed_.source_index, src.id, static_cast<int>(feed_.sources.size()), at / "id", "sources")) {
        sources_v_.emplace(id_of(*s), static_cast<int>(feed_.sources.size()));
        feed_.sources.push_back(std::move(src));
      }
    }
    if (list->items().empty()) error(p, "expected at least one source");
  }

  void parties(const Value& root, const Path& top) {
    const Value* list = req_array(root, top, "parties");
    if (!list) return;
    const Path p = top / "parties";
    for (std::size_t i = 0; i < list->items().size(); ++i) {
      const Path at = p[i];
      const Value* v = object_at(&list->items()[i], at);
      if (!v) continue;
      Party party;
      auto id = req_string(*v, at, "id");
      auto name = req_string(*v, at, "name");
      if (const Value* s = opt(*v, "short"))
        if (const auto str = string_of(*s, at / "short")) party.short_name = *str;
      if (auto color = req_string(*v, at, "color")) {
        if (!parse_hex_color(*color, party.color))
          error(at / "color", "expected a colour \"#RRGGBB\", got \"" + json::clip(*color) + "\"");
      }
      if (!id || !name) continue;
      party.id = *id;
      party.name = *name;
      if (party.short_name.empty()) party.short_name = party.name;
      if (declare(feed_.party_index, party.id, static_cast<int>(feed_.parties.size()), at / "id", "parties")) {
        parties_v_.emplace(id_of(*v), static_cast<int>(feed_.parties.size()));
        feed_.parties.push_back(std::move(party));
      }
    }
  }

  void areas(const Value& root, const Path& top) {
    const Value* list = req_array(root, top, "areas");
    if (!list) return;
    const Path p = top / "areas";
    const std::size_t max_areas = opt_.max_areas ? opt_.max_areas : 200000;
    if (list->items().size() > max_areas) {
      error(p, "too many areas: " + std::to_string(list->items().size()) + ", at most " + std::to_string(max_areas));
      return;
    }
    std::vector<std::pair<std::size_t, std::string>> parents;  // (area index, parent id) to resolve
    std::vector<std::size_t> item_of;                          // area index -> position in the list
    for (std::size_t i = 0; i < list->items().size(); ++i) {
      const Path at = p[i];
      const Value* v = object_at(&list->items()[i], at);
      if (!v) continue;
      Area a;
      auto id = req_string(*v, at, "id");
      auto name = req_string(*v, at, "name");
      if (const Value* l = opt(*v, "level"))
        if (const auto s = string_of(*l, at / "level")) a.level = *s;
      a.boxes = opt_count(*v, at, "boxes");
      a.registered = opt_count(*v, at, "registered");
      std::string parent;
      if (const Value* par = req(*v, at, "parent"); par && !par->is_null()) {
        if (const auto s = string_of(*par, at / "parent")) parent = *s;
      }
      if (!id || !name) continue;
      a.id = *id;
      a.name = *name;
      const int index = static_cast<int>(feed_.areas.size());
      if (!declare(feed_.area_index, a.id, index, at / "id", "areas")) continue;
      areas_v_.emplace(id_of(*v), index);
      if (!parent.empty()) parents.emplace_back(static_cast<std::size_t>(index), parent);
      item_of.push_back(i);
      feed_.areas.push_back(std::move(a));
    }
    for (const auto& [index, parent_id] : parents) {
      const Path item = p[item_of[index]];
      const Path at = item / "parent";
      const int parent = feed_.find_area(parent_id);
      if (parent < 0)
        error(at, "unknown area \"" + json::clip(parent_id) + "\"");
      else
        feed_.areas[index].parent = parent;
    }
    // Cycles: walk up from every area, colouring areas already known to reach a root.
    std::vector<char> state(feed_.areas.size(), 0);  // 0 unknown, 1 on the current walk, 2 reaches a root
    for (std::size_t start = 0; start < feed_.areas.size(); ++start) {
      std::vector<int> walk;
      int a = static_cast<int>(start);
      while (a >= 0 && state[static_cast<std::size_t>(a)] == 0) {
        state[static_cast<std::size_t>(a)] = 1;
        walk.push_back(a);
        a = feed_.areas[static_cast<std::size_t>(a)].parent;
      }
      if (a >= 0 && state[static_cast<std::size_t>(a)] == 1) {  // back on this walk: a cycle
        std::string chain = feed_.areas[static_cast<std::size_t>(a)].id;
        int b = feed_.areas[static_cast<std::size_t>(a)].parent;
        for (int n = 0; b != a && n < 8; ++n, b = feed_.areas[static_cast<std::size_t>(b)].parent)
          chain += " → " + feed_.areas[static_cast<std::size_t>(b)].id;
        chain += b == a ? " → " + feed_.areas[static_cast<std::size_t>(a)].id : " → …";
        error(p[item_of[static_cast<std::size_t>(a)]] / "parent",
              "the area tree has a cycle: " + json::clip(chain, 200));
        for (int w : walk) feed_.areas[static_cast<std::size_t>(w)].parent = -2;  // mark broken
      }
      for (int w : walk) state[static_cast<std::size_t>(w)] = 2;
    }
    for (auto& area : feed_.areas)
      if (area.parent == -2) area.parent = -1;
    bool cyclic = false;
    for (std::size_t i = 0; i < feed_.areas.size(); ++i) {
      const int parent = feed_.areas[i].parent;
      if (parent >= 0) feed_.areas[static_cast<std::size_t>(parent)].children.push_back(static_cast<int>(i));
    }
    for (const auto& pr : out_)
      if (pr.message.rfind("the area tree has a cycle", 0) == 0) cyclic = true;
    if (!cyclic) compute_area_boxes();
  }

  // Declared boxes, or the sum over children (only where every child knows its boxes).
  void compute_area_boxes() {
    area_boxes_.assign(feed_.areas.size(), std::nullopt);
    // Children come before parents in a post-order; use an explicit stack (trees can be deep).
    std::vector<std::pair<int, bool>> stack;
    for (std::size_t r = 0; r < feed_.areas.size(); ++r) {
      if (feed_.areas[r].parent >= 0) continue;
      stack.emplace_back(static_cast<int>(r), false);
      while (!stack.empty()) {
        auto [a, expanded] = stack.back();
        stack.pop_back();
        const Area& area = feed_.areas[static_cast<std::size_t>(a)];
        if (!expanded) {
          stack.emplace_back(a, true);
          for (int c : area.children) stack.emplace_back(c, false);
          continue;
        }
        if (area.boxes) {
          area_boxes_[static_cast<std::size_t>(a)] = area.boxes;
        } else if (!area.children.empty()) {
          Count sum = 0;
          bool known = true;
          for (int c : area.children) {
            if (const auto& b = area_boxes_[static_cast<std::size_t>(c)])
              sum += *b;
            else
              known = false;
          }
          if (known) area_boxes_[static_cast<std::size_t>(a)] = sum;
        }
      }
    }
  }

  bool inside(int area, int root) const {
    for (int n = 0; area >= 0 && n < 10000; ++n, area = feed_.areas[static_cast<std::size_t>(area)].parent)
      if (area == root) return true;
    return false;
  }

  void races(const Value& root, const Path& top) {
    const Value* list = req_array(root, top, "races");
    if (!list) return;
    const Path p = top / "races";
    for (std::size_t i = 0; i < list->items().size(); ++i) {
      const Path at = p[i];
      const Value* v = object_at(&list->items()[i], at);
      if (!v) continue;
      Race race;
      if (race_one(*v, at, race) &&
          declare(feed_.race_index, race.id, static_cast<int>(feed_.races.size()), at / "id", "races"))
        feed_.races.push_back(std::move(race));
    }
    if (list->items().empty()) error(p, "expected at least one race");
  }

  bool race_one(const Value& v, const Path& at, Race& race) {
    contestants_v_.clear();
    auto id = req_string(v, at, "id");
    if (auto t = text_of(v, at, "title")) race.title = *t;
    if (const Value* k = req(v, at, "kind")) {
      const auto s = string_of(*k, at / "kind");
      if (s && *s == "party")
        race.kind = RaceKind::Party;
      else if (s && *s != "candidate")
        error(at / "kind", "expected \"candidate\" or \"party\", got " + json::describe(*k));
    }
    if (const Value* a = req(v, at, "area")) race.area = ref(*a, at / "area", areas_v_, "area");
    if (race.kind == RaceKind::Candidate) {
      if (const Value* list = req_array(v, at, "candidates")) {
        const Path cp = at / "candidates";
        for (std::size_t i = 0; i < list->items().size(); ++i) {
          const Value* c = object_at(&list->items()[i], cp[i]);
          if (!c) continue;
          Candidate cand;
          auto cid = req_string(*c, cp[i], "id");
          auto name = req_string(*c, cp[i], "name");
          if (const Value* party = req(*c, cp[i], "party"))
            cand.party = ref(*party, cp[i] / "party", parties_v_, "party");
          if (!cid || !name) continue;
          cand.id = *cid;
          cand.name = *name;
          if (declare(race.contestant_index, cand.id, static_cast<int>(race.candidates.size()), cp[i] / "id",
                      "candidates")) {
            contestants_v_.emplace(id_of(*c), static_cast<int>(race.candidates.size()));
            race.candidates.push_back(std::move(cand));
          }
        }
      }
    } else {
      race.contestant_index = feed_.party_index;
      contestants_v_ = parties_v_;
    }
    if (const Value* s = opt(v, "seats")) seats(*s, at / "seats", race);
    if (const Value* prev = opt(v, "previous")) previous(*prev, at / "previous", race);
    if (const Value* r = object_at(req(v, at, "results"), at / "results")) results(*r, at / "results", race);
    if (const Value* c = opt(v, "calls")) calls(*c, at / "calls", race);
    if (const Value* h = opt(v, "history")) history(*h, at / "history", race);
    if (!id) return false;
    race.id = *id;
    return true;
  }

  void seats(const Value& v, const Path& p, Race& race) {
    if (!object_at(&v, p)) return;
    Seats s;
    if (const Value* t = req(v, p, "total")) {
      if (auto n = count_of(*t, p / "total")) {
        if (*n < 1 || *n > 100000)
          error(p / "total", "expected between 1 and 100000 seats, got " + json::describe(*t));
        else
          s.total = static_cast<int>(*n);
      }
    }
    if (const Value* m = req(v, p, "method")) {
      const auto str = string_of(*m, p / "method");
      if (str && *str == "dhondt")
        s.method = SeatMethod::DHondt;
      else if (str && *str == "sainte-lague")
        s.method = SeatMethod::SainteLague;
      else if (str && *str == "hare")
        s.method = SeatMethod::Hare;
      else if (str)
        error(p / "method", "expected \"dhondt\", \"sainte-lague\" or \"hare\", got " + json::describe(*m));
    }
    if (const Value* th = opt(v, "threshold")) {
      if (!th->is_number() || th->number() < 0 || th->number() >= 1)
        error(p / "threshold", "expected a fraction from 0 to below 1 (0.10 = 10%), got " + json::describe(*th));
      else
        s.threshold = th->number();
    }
    if (race.kind != RaceKind::Party)
      warn(p, "seats are projected only for party races; ignored");
    else
      race.seats = s;
  }

  void previous(const Value& v, const Path& p, Race& race) {
    if (!object_at(&v, p)) return;
    Previous prev;
    if (auto l = req_string(v, p, "label")) prev.label = *l;
    if (const Value* areas = object_at(req(v, p, "areas"), p / "areas")) {
      for (const auto& [area_id, entry] : areas->members()) {
        const Path areas_path = p / "areas";
        const Path ap = areas_path / area_id;
        const int area = find_view(areas_v_, area_id);
        if (area < 0) {
          error(ap, "unknown area \"" + json::clip(area_id) + "\"");
          continue;
        }
        if (!object_at(&entry, ap)) continue;
        Previous::AreaPrev ar;
        if (const Value* w = req(entry, ap, "winner")) ar.winner = ref(*w, ap / "winner", parties_v_, "party");
        if (const Value* votes = opt(entry, "votes")) ar.votes = vote_map(*votes, ap / "votes", parties_v_, "party");
        ar.valid = opt_count(entry, ap, "valid");
        prev.areas.emplace(area, std::move(ar));
      }
    }
    race.previous = std::move(prev);
  }

  std::vector<std::pair<int, Count>> vote_map(const Value& v, const Path& p, const ViewIndex& index, const char* kind) {
    std::vector<std::pair<int, Count>> out;
    if (!object_at(&v, p)) return out;
    out.reserve(v.members().size());
    for (const auto& [id, n] : v.members()) {
      const int c = find_view(index, id);
      if (c < 0) {
        error(p / id, std::string("unknown ") + kind + " \"" + json::clip(id) + "\"");
        continue;
      }
      if (auto count = count_of(n, p / id)) out.emplace_back(c, *count);
    }
    return out;
  }

  std::vector<std::pair<int, double>> share_map(const Value& v, const Path& p, const Race& race) {
    std::vector<std::pair<int, double>> out;
    if (!object_at(&v, p)) return out;
    for (const auto& [id, n] : v.members()) {
      const int c = find_view(contestants_v_, id);
      if (c < 0)
        error(p / id, std::string("unknown ") + contestant_kind(race) + " \"" + json::clip(id) + "\"");
      else if (!n.is_number() || n.number() < 0 || n.number() > 100)
        error(p / id, "expected a percentage from 0 to 100, got " + json::describe(n));
      else
        out.emplace_back(c, n.number());
    }
    return out;
  }

  static const char* contestant_kind(const Race& race) {
    return race.kind == RaceKind::Candidate ? "candidate" : "party";
  }

  void results(const Value& v, const Path& p, Race& race) {
    for (const auto& [source_id, set] : v.members()) {
      const Path sp = p / source_id;
      SourceResults sr;
      sr.source = find_view(sources_v_, source_id);
      if (sr.source < 0) {
        error(sp, "unknown source \"" + json::clip(source_id) + "\"");
        continue;
      }
      if (!object_at(&set, sp)) continue;
      if (auto t = req_time(set, sp, "updated")) sr.updated = *t;
      const Path areas_path = sp / "areas";
      const Value* areas = object_at(req(set, sp, "areas"), areas_path);
      if (areas) {
        sr.areas.reserve(areas->members().size());
        for (const auto& [area_id, res] : areas->members()) {
          const Path ap = areas_path / area_id;
          const int area = find_view(areas_v_, area_id);
          if (area < 0) {
            error(ap, "unknown area \"" + json::clip(area_id) + "\"");
            continue;
          }
          if (race.area >= 0 && !inside(area, race.area)) {
            warn(ap, "area \"" + json::clip(area_id) + "\" is outside the race's area \"" +
                         feed_.areas[static_cast<std::size_t>(race.area)].id + "\"; ignored");
            continue;
          }
          if (!object_at(&res, ap)) continue;
          sr.areas.emplace(area, result(res, ap, race, area));
        }
      }
      race.results.push_back(std::move(sr));
    }
  }

  Result result(const Value& v, const Path& p, const Race& race, int area) {
    Result r;
    r.boxes_counted = opt_count(v, p, "boxes_counted");
    r.cast = opt_count(v, p, "cast");
    r.registered_counted = opt_count(v, p, "registered_counted");
    r.valid = opt_count(v, p, "valid");
    if (const Value* votes = opt(v, "votes"))
      r.votes = vote_map(*votes, p / "votes", contestants_v_, contestant_kind(race));
    if (const Value* shares = opt(v, "shares")) r.shares = share_map(*shares, p / "shares", race);
    if (const Value* rp = opt(v, "reporting_pct")) {
      if (!rp->is_number() || rp->number() < 0 || rp->number() > 100)
        error(p / "reporting_pct", "expected a percentage from 0 to 100, got " + json::describe(*rp));
      else
        r.reporting_pct = rp->number();
    }
    const auto& boxes =
        area < static_cast<int>(area_boxes_.size()) ? area_boxes_[static_cast<std::size_t>(area)] : std::nullopt;
    if (r.boxes_counted && boxes && *r.boxes_counted > *boxes)
      error(p / "boxes_counted", "more ballot boxes counted (" + std::to_string(*r.boxes_counted) +
                                     ") than the area has (" + std::to_string(*boxes) + ")");
    Count sum = 0;
    for (const auto& [c, n] : r.votes) sum += n;
    if (r.valid && sum > *r.valid)
      warn(p / "votes", "votes add up to " + std::to_string(sum) + ", more than valid " + std::to_string(*r.valid));
    const Count valid = r.valid ? *r.valid : sum;
    if (r.cast && *r.cast < valid)
      warn(p / "cast", "cast " + std::to_string(*r.cast) + " is less than valid " + std::to_string(valid));
    const Area& a = feed_.areas[static_cast<std::size_t>(area)];
    const std::optional<Count> reg = r.registered_counted ? r.registered_counted : a.registered;
    if (r.cast && reg && *r.cast > *reg)
      warn(p / "cast",
           "turnout above 100%: cast " + std::to_string(*r.cast) + " of " + std::to_string(*reg) + " registered");
    return r;
  }

  void calls(const Value& v, const Path& p, Race& race) {
    if (!v.is_array()) return error(p, "expected an array, got " + json::describe(v));
    for (std::size_t i = 0; i < v.items().size(); ++i) {
      const Path cp = p[i];
      const Value* c = object_at(&v.items()[i], cp);
      if (!c) continue;
      Call call;
      if (const Value* s = req(*c, cp, "source")) call.source = ref(*s, cp / "source", sources_v_, "source");
      if (const Value* a = req(*c, cp, "area")) call.area = ref(*a, cp / "area", areas_v_, "area");
      if (const Value* w = req(*c, cp, "winner"))
        call.winner = ref(*w, cp / "winner", contestants_v_, contestant_kind(race));
      if (auto t = req_time(*c, cp, "at")) call.at = *t;
      if (call.source >= 0 && call.area >= 0 && call.winner >= 0) race.calls.push_back(call);
    }
  }

  void history(const Value& v, const Path& p, Race& race) {
    if (!object_at(&v, p)) return;
    for (const auto& [source_id, points] : v.members()) {
      const Path sp = p / source_id;
      const int source = find_view(sources_v_, source_id);
      if (source < 0) {
        error(sp, "unknown source \"" + json::clip(source_id) + "\"");
        continue;
      }
      if (!points.is_array()) {
        error(sp, "expected an array, got " + json::describe(points));
        continue;
      }
      std::vector<HistoryPoint> out;
      for (std::size_t i = 0; i < points.items().size(); ++i) {
        const Path hp = sp[i];
        const Value* h = object_at(&points.items()[i], hp);
        if (!h) continue;
        HistoryPoint pt;
        auto at = req_time(*h, hp, "at");
        pt.boxes_counted = opt_count(*h, hp, "boxes_counted");
        pt.valid = opt_count(*h, hp, "valid");
        if (const Value* votes = opt(*h, "votes"))
          pt.votes = vote_map(*votes, hp / "votes", contestants_v_, contestant_kind(race));
        if (const Value* shares = opt(*h, "shares")) pt.shares = share_map(*shares, hp / "shares", race);
        if (const Value* rp = opt(*h, "reporting_pct")) {
          if (!rp->is_number() || rp->number() < 0 || rp->number() > 100)
            error(hp / "reporting_pct", "expected a percentage from 0 to 100, got " + json::describe(*rp));
          else
            pt.reporting_pct = rp->number();
        }
        if (const Value* note = opt(*h, "note"))
          if (const auto text = string_of(*note, hp / "note", false)) pt.note = std::string(*text);
        if (!opt(*h, "votes") && !opt(*h, "shares")) error(hp / "votes", "missing required key");
        if (!at) continue;
        pt.at = *at;
        if (!out.empty() && pt.at.epoch < out.back().at.epoch)
          warn(hp / "at", "history is not oldest first: " + pt.at.text + " comes after " + out.back().at.text);
        out.push_back(std::move(pt));
      }
      sandik::stable_sort(out, [](const HistoryPoint& a, const HistoryPoint& b) { return a.at.epoch < b.at.epoch; });
      race.history.emplace_back(source, std::move(out));
    }
  }
};

}  // namespace

ParsedFeed parse_feed(std::string_view text, const ParseOptions& options) {
  ParsedFeed out;
  json::Limits limits;
  limits.max_bytes = options.max_bytes ? options.max_bytes : 20u << 20;
  limits.max_depth = options.max_depth ? options.max_depth : 32;
  limits.max_string = options.max_string ? options.max_string : 4096;
  limits.max_items = options.max_areas ? options.max_areas : 200000;  // areas are the largest lists
  json::Document doc = json::parse(text, limits);
  if (!doc.ok()) {
    out.problems.push_back({Severity::Error, doc.error_path, doc.error, "", "syntax"});
    return out;
  }
  auto feed = std::make_shared<Feed>();
  Validator validator(*feed, out.problems, options);
  validator.run(*doc.root);
  validator.finish();
  std::stable_partition(out.problems.begin(), out.problems.end(),
                        [](const Problem& p) { return p.severity == Severity::Error; });
  if (out.error_count() == 0) out.feed = std::move(feed);
  return out;
}

}  // namespace sandik
