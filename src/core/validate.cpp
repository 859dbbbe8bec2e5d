// sandik core — parsing and validation of `sandik/1` (see docs/feed-format.md). Two passes:
//   1. the strict reader (json.h) builds the JSON tree and refuses what must never reach the model: invalid
//      JSON, NaN/Infinity, invalid UTF-8, duplicate keys, nesting deeper than max_depth,
//      strings longer than max_string (each with the JSON path where it happened);
//   2. the validator (validate_internal.h) walks the tree, maps it to the model and reports every
//      problem it finds.
//
// INDEX
//   FeedParse, parse_feed()           the two passes, in slices or at once; errors before warnings
//   Validator::step()                 format, updated, status, then each list in turn (in slices)
//   check_format(), election()        "sandik/1", the election
//   sources(), parties()              the lists every race refers to
//   areas(), compute_area_boxes()     the area tree: parents, cycles, boxes summed over children
//   (each race: validate_races.cpp)
#include "feed.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "format.h"
#include "json.h"
#include "order.h"
#include "time.h"
#include "turkish.h"
#include "validate_internal.h"

namespace sandik {
namespace validation {

bool Validator::step(const Value& root, Budget& budget) {
  budget_ = &budget;
  const Path top;
  switch (stage_) {
    case Stage::Start:
      stage_ = Stage::Done;
      if (!root.is_object()) return error(top, "expected a JSON object, got " + json::describe(root)), true;
      if (!check_format(root, top)) return true;
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
      aw_.list = req_array(root, top, "areas");
      stage_ = Stage::Areas;
      [[fallthrough]];
    case Stage::Areas:
      if (!areas(root, top)) return false;
      rw_.list = req_array(root, top, "races");
      stage_ = Stage::Races;
      [[fallthrough]];
    case Stage::Races:
      if (!races(root, top)) return false;
      split_index(root, top);
      stage_ = Stage::Done;
      [[fallthrough]];
    case Stage::Done:
      break;
  }
  return true;
}

// -- sections
bool Validator::check_format(const Value& root, const Path& top) {
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

void Validator::election(const Value& root, const Path& top) {
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
  if (auto z = req_string(*e, p, "timezone")) {
    // An IANA name ("Europe/Istanbul", "America/Argentina/Buenos_Aires", "UTC"): letters, digits,
    // "_", "-", "+" in parts between slashes; never a path ("../../etc/passwd", "/etc/x").
    bool ok = z->size() <= 64;
    std::size_t part = 0;
    for (std::size_t i = 0; ok && i <= z->size(); ++i) {
      const char ch = i < z->size() ? (*z)[i] : '/';
      if (ch == '/') {
        ok = part > 0;
        part = 0;
      } else {
        ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' ||
             ch == '-' || ch == '+';
        ++part;
      }
    }
    if (ok)
      feed_.election.timezone = *z;
    else
      error(p / "timezone", "expected an IANA time zone name like \"Europe/Istanbul\", got \"" + json::clip(*z) + "\"");
  }
}

void Validator::sources(const Value& root, const Path& top) {
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
    if (const Value* k = opt(*s, "kind")) {
      const auto kind = string_of(*k, at / "kind");
      if (kind == "agency")
        src.kind = SourceKind::Agency;
      else if (kind == "authority")
        src.kind = SourceKind::Authority;
      else if (kind == "party")
        src.kind = SourceKind::Party;
      else if (kind)
        error(at / "kind", "expected \"agency\", \"authority\" or \"party\", got " + json::describe(*k));
    }
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

void Validator::parties(const Value& root, const Path& top) {
  const Value* list = req_array(root, top, "parties");
  if (!list) return;
  const Path p = top / "parties";
  feed_.parties.reserve(room(list->items().size()));
  feed_.party_index.reserve(room(list->items().size()));
  parties_v_.reserve(room(list->items().size()));
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
    party.id = std::move(*id);
    party.name = std::move(*name);
    if (party.short_name.empty()) party.short_name = party.name;
    party.logo = image_url(*v, at, "logo");
    if (declare(feed_.party_index, party.id, static_cast<int>(feed_.parties.size()), at / "id", "parties")) {
      parties_v_.emplace(id_of(*v), static_cast<int>(feed_.parties.size()));
      feed_.parties.push_back(std::move(party));
    }
  }
}

// A split index's extensions (sandik split): "parts", each province's feed by URL, and the
// "scoreboard" it counted over the whole country, per source (null = each race's freshest).
void Validator::split_index(const Value& root, const Path& top) {
  if (const Value* list = opt(root, "parts")) {
    const Path p = top / "parts";
    if (!list->is_array()) error(p, "expected an array, got " + json::describe(*list));
    for (std::size_t i = 0; list->is_array() && i < list->items().size(); ++i) {
      const Value* v = object_at(&list->items()[i], p[i]);
      const Value* a = v ? req(*v, p[i], "area") : nullptr;
      if (!a || !req(*v, p[i], "url")) continue;
      FeedPart part;
      part.area = ref(*a, p[i] / "area", areas_v_, "area");
      part.url = image_url(*v, p[i], "url");
      for (const FeedPart& other : feed_.parts)
        if (other.area == part.area && part.area >= 0) error(p[i] / "area", "a second part for this area");
      if (part.area >= 0 && !part.url.empty()) feed_.parts.push_back(std::move(part));
    }
  }
  const Value* boards = opt(root, "scoreboard");
  if (!boards) return;
  const Path p = top / "scoreboard";
  if (!boards->is_array()) return error(p, "expected an array, got " + json::describe(*boards));
  for (std::size_t i = 0; i < boards->items().size(); ++i) {
    const Path at = p[i];
    const Value* b = object_at(&boards->items()[i], at);
    const Value* src = b ? b->find("source") : nullptr;
    const Value* levels = b ? req_array(*b, at, "levels") : nullptr;
    if (!levels) continue;
    std::pair<int, std::vector<ScoreLevel>> board{-1, {}};
    if (src && !src->is_null()) board.first = ref(*src, at / "source", sources_v_, "source");
    const Path lps = at / "levels";
    for (std::size_t k = 0; k < levels->items().size(); ++k) {
      const Path lp = lps[k];
      const Value* l = object_at(&levels->items()[k], lp);
      const Value* parties = l ? req_array(*l, lp, "parties") : nullptr;
      const auto name = l ? req_string(*l, lp, "level") : std::nullopt;
      if (!parties || !name) continue;
      if (*name != "metropolitan" && *name != "province" && *name != "district" && *name != "belde") {
        error(lp / "level", "expected \"metropolitan\", \"province\", \"district\" or \"belde\", got \"" +
                                json::clip(*name) + "\"");
        continue;
      }
      ScoreLevel level;
      level.level = *name;
      const auto number = [&](const Value& o, const Path& where, const char* key) {
        const Value* n = req(o, where, key);
        const auto c = n ? count_of(*n, where / key) : std::nullopt;
        return c && *c < 1000000 ? static_cast<int>(*c) : 0;
      };
      level.total = number(*l, lp, "total");
      if (opt(*l, "tied")) level.tied = number(*l, lp, "tied");
      const Path pp = lp / "parties";
      for (std::size_t j = 0; j < parties->items().size(); ++j) {
        const Value* e = object_at(&parties->items()[j], pp[j]);
        const Value* id = e ? req(*e, pp[j], "party") : nullptr;
        if (!id) continue;
        const ScoreParty row{ref(*id, pp[j] / "party", parties_v_, "party"), number(*e, pp[j], "leading"),
                             number(*e, pp[j], "won"), number(*e, pp[j], "previous")};
        if (row.party >= 0) level.parties.push_back(row);
      }
      board.second.push_back(std::move(level));
    }
    feed_.scoreboards.push_back(std::move(board));
  }
}

bool Validator::areas(const Value&, const Path& top) {
  const Value* list = aw_.list;
  if (!list) return true;
  const Path p = top / "areas";
  const std::size_t max_areas = opt_.max_areas ? opt_.max_areas : 200000;
  if (list->items().size() > max_areas) {
    error(p, "too many areas: " + std::to_string(list->items().size()) + ", at most " + std::to_string(max_areas));
    return true;
  }
  auto& parents = aw_.parents;
  auto& item_of = aw_.item_of;
  if (aw_.i == 0) {  // no regrowing and rehashing through a whole country's 1,445 areas
    feed_.areas.reserve(room(list->items().size()));
    feed_.area_index.reserve(room(list->items().size()));
    areas_v_.reserve(room(list->items().size()));
  }
  for (; aw_.i < list->items().size(); ++aw_.i) {
    if (pause()) return false;
    const std::size_t i = aw_.i;
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
    if (const Value* c = opt(*v, "code")) {  // the agencies' code: a string, or a number as they write it
      if (c->is_string())
        a.code = std::string(c->str());
      else if (c->is_count())
        a.code = std::to_string(c->count());
      else
        error(at / "code", "expected a string or a non-negative integer, got " + json::describe(*c));
    }
    std::string_view parent;
    if (const Value* par = req(*v, at, "parent"); par && !par->is_null()) {
      if (const auto s = string_of(*par, at / "parent")) parent = *s;
    }
    if (!id || !name) continue;
    a.id = std::move(*id);
    a.name = std::move(*name);
    a.collation = turkish::sort_key(a.name);
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
    const int parent = find_view(areas_v_, parent_id);
    if (parent < 0)
      error(at, "unknown area \"" + json::clip(parent_id) + "\"");
    else
      feed_.areas[index].parent = parent;
  }
  // Cycles: walk up from every area, colouring areas already known to reach a root.
  std::vector<char> state(feed_.areas.size(), 0);  // 0 unknown, 1 on the current walk, 2 reaches a root
  std::vector<int> walk;  // (one for all the walks: most are one step)
  for (std::size_t start = 0; start < feed_.areas.size(); ++start) {
    walk.clear();
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
      error(p[item_of[static_cast<std::size_t>(a)]] / "parent", "the area tree has a cycle: " + json::clip(chain, 200));
      cyclic_ = true;
      for (int w : walk) feed_.areas[static_cast<std::size_t>(w)].parent = -2;  // mark broken
    }
    for (int w : walk) state[static_cast<std::size_t>(w)] = 2;
  }
  for (auto& area : feed_.areas)
    if (area.parent == -2) area.parent = -1;
  for (std::size_t i = 0; i < feed_.areas.size(); ++i) {
    const int parent = feed_.areas[i].parent;
    if (parent >= 0) feed_.areas[static_cast<std::size_t>(parent)].children.push_back(static_cast<int>(i));
  }
  if (!cyclic_) compute_area_boxes();  // (a cycle's sums would never end)
  return true;
}

// Declared boxes, or the sum over children (only where every child knows its boxes).
void Validator::compute_area_boxes() {
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

bool Validator::inside(int area, int root) const {
  // (At most as many steps as there are areas: no tree is too deep, and a cycle cannot hold it.)
  for (std::size_t n = 0; area >= 0 && n <= feed_.areas.size();
       ++n, area = feed_.areas[static_cast<std::size_t>(area)].parent)
    if (area == root) return true;
  return false;
}

}  // namespace validation

// ---- reading in slices
struct FeedParse::Work {
  Work(std::string_view text, const ParseOptions& opt) : options(opt), parser(text, limits_for(opt)) {}
  static json::Limits limits_for(const ParseOptions& options) {
    json::Limits limits;
    limits.max_bytes = options.max_bytes ? options.max_bytes : 20u << 20;
    limits.max_depth = options.max_depth ? static_cast<std::size_t>(options.max_depth) : 32;
    limits.max_string = options.max_string ? options.max_string : 4096;
    limits.max_items = options.max_areas ? options.max_areas : 200000;  // areas are the largest lists
    return limits;
  }
  ParseOptions options;
  json::Parser parser;
  std::shared_ptr<Feed> feed = std::make_shared<Feed>();
  ParsedFeed out;
  std::unique_ptr<validation::Validator> validator;
  bool done = false;
};

FeedParse::FeedParse(std::string_view text, const ParseOptions& options)
    : work_(std::make_unique<Work>(text, options)) {}
FeedParse::~FeedParse() = default;
FeedParse::FeedParse(FeedParse&&) noexcept = default;
FeedParse& FeedParse::operator=(FeedParse&&) noexcept = default;

bool FeedParse::step(Budget& budget) {
  Work& w = *work_;
  if (w.done) return true;
  if (!w.validator) {
    if (!w.parser.step(budget)) return false;
    json::Document& doc = w.parser.document();
    if (!doc.ok()) {
      w.out.problems.push_back({Severity::Error, doc.error_path, doc.error, "", "syntax"});
      w.out.errors = 1;
      return w.done = true;
    }
    w.validator = std::make_unique<validation::Validator>(*w.feed, w.out.problems, w.options);
    if (budget.over()) return false;
  }
  if (!w.validator->step(*w.parser.document().root, budget)) return false;
  w.validator->finish();
  w.out.errors = w.validator->total(Severity::Error);
  w.out.warnings = w.validator->total(Severity::Warning);
  // Errors first, each kind in the order found (two passes: std::stable_partition's buffered
  // machinery was 1.6 KB of wasm for this one line).
  Problems ordered;
  ordered.reserve(w.out.problems.size());
  for (const Severity kind : {Severity::Error, Severity::Warning})
    for (Problem& p : w.out.problems)
      if (p.severity == kind) ordered.push_back(std::move(p));
  w.out.problems.swap(ordered);
  if (w.out.error_count() == 0) w.out.feed = std::move(w.feed);
  return w.done = true;
}

ParsedFeed FeedParse::take() { return std::move(work_->out); }

ParsedFeed parse_feed(std::string_view text, const ParseOptions& options) {
  FeedParse parse(text, options);
  Budget all;
  parse.step(all);
  return parse.take();
}

}  // namespace sandik
