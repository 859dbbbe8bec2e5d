// sandik adapters — reading an agency's payload: every problem with the file and the JSON path
// into it (Reader), when a Turkish agency's file was published, the election it belongs to, and
// the race titles of a province; the converters of each format (anka.cpp, aa.cpp, ap.cpp).
#pragma once

#include "../core/format.h"
#include "agency.h"
#include "builder.h"

namespace sandik::adapters {

class Reader {
 public:
  Reader(const AgencyFile& file, Problems& problems) : file_(file), problems_(problems) {}
  bool failed() const { return failed_; }

  // A problem at `at` in this file; `code` sorts it for tools ("missing", "type", "count", …).
  void error(const Path& at, std::string message, const char* code = "invalid") {
    problems_.push_back({Severity::Error, at.str(), std::move(message), file_.name, code});
    failed_ = true;
  }
  void warning(const Path& at, std::string message, const char* code = "doubtful") {
    problems_.push_back({Severity::Warning, at.str(), std::move(message), file_.name, code});
  }

  // One area's result into a moment's snapshot; an area already there (a district or unit the
  // agency lists twice) is an error at its path in the agency's file, never a duplicate key in
  // the feed made of it.
  void add_result(Snapshot& snap, const std::string& area, ResultB&& r, const Path& at) {
    for (const auto& [a, existing] : snap.areas)
      if (a == area) return error(at, "area " + area + " is listed twice", "duplicate");
    snap.areas.emplace_back(area, std::move(r));
  }

  // An element of a list that must be an object; anything else is an error at its path.
  bool object_item(const Value& v, const Path& at) {
    if (v.is_object()) return true;
    error(at, "expected an object, got " + json::describe(v), "type");
    return false;
  }

  // Each object of the array `key` of `obj`, with its path: f(value, path). An element that is not
  // an object is an error at its path and skipped.
  template <typename F>
  void each_object(const Value& obj, const Path& at, std::string_view key, bool required, F&& f) {
    const json::Span<Value> list = array(obj, at, key, required);
    const Path list_at = at / key;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Path p = list_at[i];
      if (object_item(list[i], p)) f(list[i], p);
    }
  }

  // The member `key` of `obj` (an object), or null; a missing required member is an error.
  const Value* get(const Value& obj, const Path& at, std::string_view key, bool required) {
    const Value* v = obj.is_object() ? obj.find(key) : nullptr;
    if (v && v->is_null()) v = nullptr;
    if (!v && required) {
      const Path p = at / key;
      error(p, "missing", "missing");
    }
    return v;
  }
  const Value* object(const Value& obj, const Path& at, std::string_view key, bool required) {
    const Value* v = get(obj, at, key, required);
    if (v && !v->is_object()) {
      const Path p = at / key;
      error(p, "expected an object, got " + json::describe(*v), "type");
      return nullptr;
    }
    return v;
  }
  json::Span<Value> array(const Value& obj, const Path& at, std::string_view key, bool required) {
    const Value* v = get(obj, at, key, required);
    if (v && !v->is_array()) {
      const Path p = at / key;
      error(p, "expected an array, got " + json::describe(*v), "type");
      return {};
    }
    return v ? v->items() : json::Span<Value>();
  }
  std::string text(const Value& obj, const Path& at, std::string_view key, bool required) {
    const Value* v = get(obj, at, key, required);
    if (v && !v->is_string()) {
      const Path p = at / key;
      error(p, "expected a string, got " + json::describe(*v), "type");
      return {};
    }
    return v ? std::string(v->str()) : std::string();
  }
  std::optional<Count> count(const Value& obj, const Path& at, std::string_view key, bool required) {
    const Value* v = get(obj, at, key, required);
    if (!v) return std::nullopt;
    if (v->is_count() && v->count() <= static_cast<std::uint64_t>(kMaxExactCount))
      return static_cast<Count>(v->count());
    const Path p = at / key;
    error(p,
          v->is_count() ? "expected a non-negative integer no larger than 2^53, got " + json::describe(*v)
                        : "expected a non-negative integer, got " + json::describe(*v),
          "count");
    return std::nullopt;
  }
  // A code: ANKA and AA write integers, AP strings.
  std::string code(const Value& obj, const Path& at, std::string_view key, bool required = true) {
    const Value* v = get(obj, at, key, required);
    if (!v) return {};
    if (v->is_count()) return std::to_string(v->count());
    if (v->is_string() && !v->str().empty()) return std::string(v->str());
    const Path p = at / key;
    error(p, "expected a code (a non-negative integer or a string), got " + json::describe(*v), "type");
    return {};
  }
  std::optional<std::uint32_t> color(const Value& obj, const Path& at, std::string_view key) {
    const std::string s = text(obj, at, key, false);
    std::uint32_t c = 0;
    if (parse_hex_color(s, c)) return c;
    if (!s.empty()) {
      const Path p = at / key;
      warning(p, "not a colour \"#RRGGBB\", ignored: " + json::quote(json::clip(s)), "colour");
    }
    return std::nullopt;
  }

  // Checks that hold for every result: what the feed validator would say, at the agency's path.
  void check(const ResultB& r, const Path& at, std::string_view opened_key, std::optional<Count> boxes,
             std::string_view boxes_key, std::string_view valid_key, std::string_view cast_key) {
    if (r.boxes_counted && boxes && *r.boxes_counted > *boxes) {
      const Path p = at / opened_key;
      error(p, std::to_string(*r.boxes_counted) + " boxes counted, more than the area's " + std::to_string(*boxes) +
                   " (" + std::string(boxes_key) + ")");
    }
    Count sum = 0;
    for (const auto& v : r.votes) sum += v.second;
    if (r.valid && sum > *r.valid) {
      const Path p = at / valid_key;
      warning(p, "votes add up to " + std::to_string(sum) + ", more than valid " + std::to_string(*r.valid),
              "votes-over-valid");
    }
    if (r.valid && r.cast && *r.cast < *r.valid) {
      const Path p = at / cast_key;
      warning(p, "cast " + std::to_string(*r.cast) + " is below valid " + std::to_string(*r.valid), "cast-below-valid");
    }
  }

 private:
  const AgencyFile& file_;
  Problems& problems_;
  bool failed_ = false;
};

struct Moment {
  std::int64_t epoch = 0;
  std::string text;  // RFC 3339, in Turkey's time
};

// When the file was published (its `fetched` time), in Turkey's time; an error when it has none.
std::optional<Moment> published(const AgencyFile& file, Reader& in, const Path& root);
// Turkish elections are held on Sundays: a count published later belongs to the last Sunday.
void turkish_election(Builder& b, const Moment& m);
bool is_independent_name(std::string_view party_name);  // "Bağımsız …"
struct Titles {
  std::string metro_tr, metro_en, il_tr, il_en, ilce_tr, ilce_en, meclis_tr, meclis_en, belde_tr, belde_en, igm_tr,
      igm_en;
};
Titles titles(const std::string& province);
// One entry of an agency's list: its party (by the agency's code; an independent is its own
// party, known by name) and its contestant id in the race.
std::string contestant(Builder& b, RaceB& race, const std::string& code, bool independent,
                       const std::string& party_name, const std::string& short_name, const std::string& candidate,
                       std::optional<std::uint32_t> color);

// The formats, each in its own file.
void convert_anka(Builder& b, Reader& in, const Value& root, const Moment& m);                         // anka.cpp
// AA's file a province at a time: false when the budget ran out (call again with the same `at`).
struct AaProgress {
  std::size_t province = 0, kept = 0;
  bool started = false;
};
bool convert_aa(Builder& b, Reader& in, const Value& root, const Moment& m, const std::string& only, AaProgress& at,
                Budget& budget);  // aa.cpp
void convert_ap(Builder& b, Reader& in, const Value& root);                                            // ap.cpp

}  // namespace sandik::adapters
