#include "agency.h"
#include "../core/order.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "../core/format.h"
#include "../core/json.h"
#include "../core/time.h"
#include "../core/turkish.h"

namespace sandik {
namespace {

using json::Path;
using json::Value;

constexpr const char* kTurkeyZone = "Europe/Istanbul";
constexpr std::uint32_t kIndependentColor = 0x8C8C8C;
// Parties without a colour of their own (AA gives none): distinct, readable on white and black.
constexpr std::uint32_t kPalette[] = {0x1F77B4, 0xD62728, 0x2CA02C, 0xFF7F0E, 0x9467BD,
                                      0x8C564B, 0xE377C2, 0x17BECF, 0xBCBD22, 0x7F7F7F};

// ---- the feed being built ----------------------------------------------------------------------
struct PartyB {
  std::string id, name, short_name;
  std::uint32_t color = 0;
  bool has_color = false, used = false;
};

struct AreaB {
  std::string id, name, parent, level;
  std::optional<Count> boxes, registered;
};

struct ResultB {
  std::optional<Count> boxes_counted, cast, registered_counted, valid;
  std::vector<std::pair<std::string, Count>> votes;  // contestant id -> votes
};

struct Snapshot {  // one source's results for one race at one moment
  std::int64_t epoch = 0;
  std::string at;
  std::vector<std::pair<std::string, ResultB>> areas;
};

struct CallB {
  std::string source, area, winner, at;
};

struct CandidateB {
  std::string id, name, party;
};

struct RaceB {
  std::string id, title_tr, title_en, area;
  bool candidate = true;
  std::vector<CandidateB> candidates;
  std::map<std::string, std::string> contestant_by_key;  // agency key -> candidate id
  std::set<std::string> candidate_ids;
  std::string previous_label;
  std::vector<std::pair<std::string, std::string>> previous;  // area -> party id
  std::vector<std::pair<std::string, std::vector<Snapshot>>> by_source;
  std::vector<CallB> calls;
};

struct SourceB {
  std::string id, name;
};

void write_count(std::string& out, const char* key, const std::optional<Count>& v) {
  if (!v) return;
  out += ",\"";
  out += key;
  out += "\":" + std::to_string(*v);
}

std::string hex_color(std::uint32_t c) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out = "#";
  for (int shift = 20; shift >= 0; shift -= 4) out += kHex[(c >> shift) & 0xF];
  return out;
}

std::string rfc3339(std::int64_t epoch, int offset_min) {
  const Civil c = to_civil(epoch, offset_min);
  std::string out = std::to_string(c.year) + "-" + two_digits(c.month) + "-" + two_digits(c.day) + "T" +
                    two_digits(c.hour) + ":" + two_digits(c.minute) + ":" + two_digits(c.second);
  if (offset_min == 0) return out + "Z";
  const int a = offset_min < 0 ? -offset_min : offset_min;
  return out + (offset_min < 0 ? "-" : "+") + two_digits(a / 60) + ":" + two_digits(a % 60);
}

std::string proper(std::string_view name) {  // "MURAT KURUM" -> "Murat Kurum"; "DEVA Partisi" stays
  return turkish::upper(name) == name ? turkish::title_case(name) : std::string(name);
}

class Builder {
 public:
  // The election: from the base, else from the first file that can tell.
  std::string election_id, date, timezone;
  std::vector<std::pair<std::string, std::string>> title;  // lang -> text
  std::string status;
  std::int64_t updated_epoch = 0;
  std::string updated_text;

  void add_base_party(const std::string& id, const std::string& name, const std::string& short_name,
                      std::optional<std::uint32_t> color, const std::vector<std::string>& aliases) {
    PartyB p{id, name, short_name.empty() ? name : short_name, color.value_or(0), color.has_value(), false};
    const std::size_t index = parties_.size();
    parties_.push_back(p);
    party_ids_.insert(id);
    for (const std::string& a : aliases) party_by_key_.emplace("code:" + a, index);
    party_by_key_.emplace("name:" + turkish::fold(name), index);
    party_by_key_.emplace("name:" + turkish::fold(p.short_name), index);
  }

  void add_base_source(const std::string& id, const std::string& name) {
    for (const SourceB& s : sources_)
      if (s.id == id) return;
    base_sources_.push_back({id, name});
  }

  const std::string& source(const std::string& id, const std::string& name) {
    for (const SourceB& s : sources_)
      if (s.id == id) return s.id;
    std::string shown = name;
    for (const SourceB& s : base_sources_)
      if (s.id == id) shown = s.name;
    sources_.push_back({id, shown});
    return sources_.back().id;
  }

  // The party an agency calls `code` (or, for an independent, the candidate's own party).
  std::string party(const std::string& key, const std::string& name, const std::string& short_name,
                    std::optional<std::uint32_t> color, bool independent) {
    auto it = party_by_key_.find(key);
    if (it == party_by_key_.end() && !independent) it = party_by_key_.find("name:" + turkish::fold(short_name));
    if (it == party_by_key_.end() && !independent) it = party_by_key_.find("name:" + turkish::fold(name));
    if (it != party_by_key_.end()) {
      PartyB& p = parties_[it->second];
      if (!p.has_color && color) {  // AA gives no colours; ANKA does: the first colour given wins
        p.color = *color;
        p.has_color = true;
      }
      p.used = true;
      party_by_key_.emplace(key, it->second);
      return p.id;
    }
    const std::string code = key.substr(key.find(':') + 1);
    const std::string id = independent
                               ? unique(party_ids_, "bagimsiz-" + code, "")
                               : unique(party_ids_, turkish::slug(short_name.empty() ? name : short_name), code);
    PartyB p{id, name, short_name.empty() ? name : short_name, 0, false, true};
    if (color) {
      p.color = *color;
      p.has_color = true;
    } else if (independent) {
      p.color = kIndependentColor;
      p.has_color = true;
    }
    party_by_key_.emplace(key, parties_.size());
    parties_.push_back(p);
    return id;
  }

  // An area by name under a parent; the same name under the same parent is the same area.
  std::string area(const std::string& name, const std::string& parent, const std::string& level,
                   std::optional<Count> boxes, std::optional<Count> registered, const std::string& id_hint = "") {
    const std::string base_id = turkish::slug(id_hint.empty() ? name : id_hint);
    const std::string key = parent + "|" + base_id;
    auto it = area_by_key_.find(key);
    if (it != area_by_key_.end()) {
      AreaB& a = areas_[it->second];
      if (!a.boxes) a.boxes = boxes;
      if (!a.registered) a.registered = registered;
      return a.id;
    }
    std::string id = base_id;
    if (area_ids_.count(id)) id = parent + "-" + base_id;  // "Kale" of Denizli and of Malatya
    id = unique(area_ids_, id, "");
    area_by_key_.emplace(key, areas_.size());
    areas_.push_back({id, name, parent, level, boxes, registered});
    return id;
  }

  RaceB& race(const std::string& id, const std::string& title_tr, const std::string& title_en, const std::string& area,
              bool candidate) {
    for (RaceB& r : races_)
      if (r.id == id) return r;
    RaceB r;
    r.id = id;
    r.title_tr = title_tr;
    r.title_en = title_en;
    r.area = area;
    r.candidate = candidate;
    races_.push_back(std::move(r));
    return races_.back();
  }

  // A contestant of a race: the candidate (candidate races) or the party (party races).
  static std::string contestant(RaceB& race, const std::string& key, const std::string& name,
                                const std::string& party) {
    if (!race.candidate) return party;
    auto it = race.contestant_by_key.find(key);
    if (it != race.contestant_by_key.end()) return it->second;
    const std::string id = unique(race.candidate_ids, turkish::slug(name), key.substr(key.find(':') + 1));
    race.candidates.push_back({id, name, party});
    race.contestant_by_key.emplace(key, id);
    return id;
  }

  static Snapshot& snapshot(RaceB& race, const std::string& source, std::int64_t epoch, const std::string& at) {
    auto s =
        std::find_if(race.by_source.begin(), race.by_source.end(), [&](const auto& e) { return e.first == source; });
    if (s == race.by_source.end()) {
      race.by_source.push_back({source, {}});
      s = race.by_source.end() - 1;
    }
    for (Snapshot& snap : s->second)
      if (snap.epoch == epoch) return snap;
    s->second.push_back(Snapshot{epoch, at, {}});
    return s->second.back();
  }

  void touch(std::int64_t epoch, const std::string& text) {
    if (updated_text.empty() || epoch > updated_epoch) {
      updated_epoch = epoch;
      updated_text = text;
    }
  }

  std::string write() const;

 private:
  static std::string unique(std::set<std::string>& taken, std::string id, const std::string& code) {
    if (id.empty()) id = code.empty() ? "x" : "p" + turkish::slug(code);
    if (taken.insert(id).second) return id;
    if (!code.empty() && taken.insert(id + "-" + turkish::slug(code)).second) return id + "-" + turkish::slug(code);
    for (int n = 2;; ++n)
      if (taken.insert(id + "-" + std::to_string(n)).second) return id + "-" + std::to_string(n);
  }

  std::vector<SourceB> sources_, base_sources_;
  std::vector<PartyB> parties_;
  std::map<std::string, std::size_t> party_by_key_;
  std::set<std::string> party_ids_;
  std::vector<AreaB> areas_;
  std::map<std::string, std::size_t> area_by_key_;
  std::set<std::string> area_ids_;
  std::deque<RaceB> races_;  // a deque: references to races stay valid as more are added
};

void write_votes(std::string& out, const std::vector<std::pair<std::string, Count>>& votes) {
  out += ",\"votes\":{";
  for (std::size_t i = 0; i < votes.size(); ++i) {
    if (i) out += ',';
    out += json::quote(votes[i].first) + ":" + std::to_string(votes[i].second);
  }
  out += '}';
}

std::string Builder::write() const {
  std::string o = "{\"format\":\"sandik/1\",\"updated\":" + json::quote(updated_text) +
                  ",\"status\":" + json::quote(status.empty() ? "live" : status) +
                  ",\"election\":{\"id\":" + json::quote(election_id) + ",\"title\":";
  if (title.size() == 1 && title[0].first.empty()) {
    o += json::quote(title[0].second);
  } else {
    o += '{';
    for (std::size_t i = 0; i < title.size(); ++i)
      o += (i ? "," : "") + json::quote(title[i].first) + ":" + json::quote(title[i].second);
    o += '}';
  }
  o += ",\"date\":" + json::quote(date) + ",\"timezone\":" + json::quote(timezone) + "},\"sources\":[";
  for (std::size_t i = 0; i < sources_.size(); ++i)
    o += (i ? ",{\"id\":" : "{\"id\":") + json::quote(sources_[i].id) + ",\"name\":" + json::quote(sources_[i].name) +
         "}";
  o += "],\"parties\":[";
  std::size_t palette = 0;
  bool first = true;
  for (const PartyB& p : parties_) {
    if (!p.used) continue;
    const std::uint32_t color = p.has_color ? p.color : kPalette[palette++ % (sizeof kPalette / sizeof kPalette[0])];
    o += (first ? "{\"id\":" : ",{\"id\":") + json::quote(p.id) + ",\"name\":" + json::quote(p.name) +
         ",\"short\":" + json::quote(p.short_name) + ",\"color\":\"" + hex_color(color) + "\"}";
    first = false;
  }
  o += "],\"areas\":[";
  for (std::size_t i = 0; i < areas_.size(); ++i) {
    const AreaB& a = areas_[i];
    o += (i ? ",{\"id\":" : "{\"id\":") + json::quote(a.id) + ",\"name\":" + json::quote(a.name) +
         ",\"parent\":" + (a.parent.empty() ? std::string("null") : json::quote(a.parent)) +
         ",\"level\":" + json::quote(a.level);
    write_count(o, "boxes", a.boxes);
    write_count(o, "registered", a.registered);
    o += '}';
  }
  o += "],\"races\":[";
  for (std::size_t r = 0; r < races_.size(); ++r) {
    const RaceB& race = races_[r];
    o += (r ? ",{\"id\":" : "{\"id\":") + json::quote(race.id) + ",\"title\":{\"tr\":" + json::quote(race.title_tr) +
         ",\"en\":" + json::quote(race.title_en) + "},\"kind\":" + (race.candidate ? "\"candidate\"" : "\"party\"") +
         ",\"area\":" + json::quote(race.area);
    if (race.candidate) {
      o += ",\"candidates\":[";
      for (std::size_t i = 0; i < race.candidates.size(); ++i)
        o += (i ? ",{\"id\":" : "{\"id\":") + json::quote(race.candidates[i].id) +
             ",\"name\":" + json::quote(race.candidates[i].name) +
             ",\"party\":" + json::quote(race.candidates[i].party) + "}";
      o += ']';
    }
    if (!race.previous.empty()) {
      o += ",\"previous\":{\"label\":" + json::quote(race.previous_label) + ",\"areas\":{";
      for (std::size_t i = 0; i < race.previous.size(); ++i)
        o += (i ? "," : "") + json::quote(race.previous[i].first) +
             ":{\"winner\":" + json::quote(race.previous[i].second) + "}";
      o += "}}";
    }
    o += ",\"results\":{";
    std::string history;
    for (std::size_t s = 0; s < race.by_source.size(); ++s) {
      std::vector<const Snapshot*> snaps;
      for (const Snapshot& snap : race.by_source[s].second) snaps.push_back(&snap);
      sandik::stable_sort(snaps, [](const Snapshot* a, const Snapshot* b) { return a->epoch < b->epoch; });
      const Snapshot& last = *snaps.back();
      o += (s ? "," : "") + json::quote(race.by_source[s].first) + ":{\"updated\":" + json::quote(last.at) +
           ",\"areas\":{";
      for (std::size_t i = 0; i < last.areas.size(); ++i) {
        const ResultB& res = last.areas[i].second;
        o += (i ? "," : "") + json::quote(last.areas[i].first) + ":{";
        std::string fields;
        write_count(fields, "boxes_counted", res.boxes_counted);
        write_count(fields, "cast", res.cast);
        write_count(fields, "registered_counted", res.registered_counted);
        write_count(fields, "valid", res.valid);
        write_votes(fields, res.votes);
        o += fields.substr(1) + "}";
      }
      o += "}}";
      // Earlier files of this source: the root area's numbers become the history of the night.
      std::string points;
      for (std::size_t k = 0; k + 1 < snaps.size(); ++k) {
        for (const auto& [area_id, res] : snaps[k]->areas) {
          if (area_id != race.area) continue;
          points += (points.empty() ? "{\"at\":" : ",{\"at\":") + json::quote(snaps[k]->at);
          write_count(points, "boxes_counted", res.boxes_counted);
          write_count(points, "valid", res.valid);
          write_votes(points, res.votes);
          points += '}';
        }
      }
      if (!points.empty())
        history += (history.empty() ? "" : ",") + json::quote(race.by_source[s].first) + ":[" + points + "]";
    }
    o += '}';
    if (!race.calls.empty()) {
      o += ",\"calls\":[";
      for (std::size_t i = 0; i < race.calls.size(); ++i)
        o += (i ? ",{\"source\":" : "{\"source\":") + json::quote(race.calls[i].source) +
             ",\"area\":" + json::quote(race.calls[i].area) + ",\"winner\":" + json::quote(race.calls[i].winner) +
             ",\"at\":" + json::quote(race.calls[i].at) + "}";
      o += ']';
    }
    if (!history.empty()) o += ",\"history\":{" + history + "}";
    o += '}';
  }
  o += "]}\n";
  return o;
}

// ---- reading a payload ---------------------------------------------------------------------------
class Reader {
 public:
  Reader(const AgencyFile& file, Problems& problems) : file_(file), problems_(problems) {}
  bool failed() const { return failed_; }

  void error(const Path& at, std::string message) {
    problems_.push_back({Severity::Error, where(at), std::move(message)});
    failed_ = true;
  }
  void warning(const Path& at, std::string message) {
    problems_.push_back({Severity::Warning, where(at), std::move(message)});
  }

  // An element of a list that must be an object; anything else is an error at its path.
  bool object_item(const Value& v, const Path& at) {
    if (v.is_object()) return true;
    error(at, "expected an object, got " + json::describe(v));
    return false;
  }

  // The member `key` of `obj` (an object), or null; a missing required member is an error.
  const Value* get(const Value& obj, const Path& at, std::string_view key, bool required) {
    const Value* v = obj.is_object() ? obj.find(key) : nullptr;
    if (v && v->is_null()) v = nullptr;
    if (!v && required) {
      const Path p = at / key;
      error(p, "missing");
    }
    return v;
  }
  const Value* object(const Value& obj, const Path& at, std::string_view key, bool required) {
    const Value* v = get(obj, at, key, required);
    if (v && !v->is_object()) {
      const Path p = at / key;
      error(p, "expected an object, got " + json::describe(*v));
      return nullptr;
    }
    return v;
  }
  json::Span<Value> array(const Value& obj, const Path& at, std::string_view key, bool required) {
    const Value* v = get(obj, at, key, required);
    if (v && !v->is_array()) {
      const Path p = at / key;
      error(p, "expected an array, got " + json::describe(*v));
      return {};
    }
    return v ? v->items() : json::Span<Value>();
  }
  std::string text(const Value& obj, const Path& at, std::string_view key, bool required) {
    const Value* v = get(obj, at, key, required);
    if (v && !v->is_string()) {
      const Path p = at / key;
      error(p, "expected a string, got " + json::describe(*v));
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
    error(p, v->is_count() ? "expected a non-negative integer no larger than 2^53, got " + json::describe(*v)
                           : "expected a non-negative integer, got " + json::describe(*v));
    return std::nullopt;
  }
  // A code: ANKA and AA write integers, AP strings.
  std::string code(const Value& obj, const Path& at, std::string_view key) {
    const Value* v = get(obj, at, key, true);
    if (!v) return {};
    if (v->is_count()) return std::to_string(v->count());
    if (v->is_string() && !v->str().empty()) return std::string(v->str());
    const Path p = at / key;
    error(p, "expected a code (a non-negative integer or a string), got " + json::describe(*v));
    return {};
  }
  std::optional<std::uint32_t> color(const Value& obj, const Path& at, std::string_view key) {
    const std::string s = text(obj, at, key, false);
    std::uint32_t c = 0;
    if (parse_hex_color(s, c)) return c;
    if (!s.empty()) {
      const Path p = at / key;
      warning(p, "not a colour \"#RRGGBB\", ignored: " + json::quote(json::clip(s)));
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
      warning(p, "votes add up to " + std::to_string(sum) + ", more than valid " + std::to_string(*r.valid));
    }
    if (r.valid && r.cast && *r.cast < *r.valid) {
      const Path p = at / cast_key;
      warning(p, "cast " + std::to_string(*r.cast) + " is below valid " + std::to_string(*r.valid));
    }
  }

 private:
  std::string where(const Path& at) const {
    const std::string p = at.str();
    if (file_.name.empty()) return p;
    return p.empty() ? file_.name : file_.name + ": " + p;
  }
  const AgencyFile& file_;
  Problems& problems_;
  bool failed_ = false;
};

// When a Turkish agency's file was published, and the election it belongs to.
struct Moment {
  std::int64_t epoch = 0;
  std::string text;  // RFC 3339, in Turkey's time
};

std::optional<Moment> published(const AgencyFile& file, Reader& in, const Path& root) {
  std::optional<Time> t = parse_rfc3339(file.fetched);
  if (!t) t = parse_http_date(file.fetched);
  if (!t) {
    in.error(
        root,
        file.fetched.empty()
            ? "the file has no time of its own: give the time it was published (the Last-Modified header, or --updated)"
            : "the time it was published is neither RFC 3339 nor an HTTP date: " +
                  json::quote(json::clip(file.fetched)));
    return std::nullopt;
  }
  const int offset = zone_offset_min(kTurkeyZone, t->epoch).value_or(180);
  return Moment{t->epoch, rfc3339(t->epoch, offset)};
}

// Turkish elections are held on Sundays: a count published later belongs to the last Sunday.
void turkish_election(Builder& b, const Moment& m) {
  if (!b.election_id.empty()) return;
  const int offset = zone_offset_min(kTurkeyZone, m.epoch).value_or(180);
  const std::int64_t local_day = (m.epoch + offset * 60) / 86400;
  const std::int64_t sunday = local_day - (local_day + 4) % 7;  // 1970-01-01 was a Thursday
  const Civil c = to_civil(sunday * 86400, 0);
  static const char* kAylar[] = {"Ocak",   "Şubat",   "Mart",  "Nisan", "Mayıs", "Haziran",
                                 "Temmuz", "Ağustos", "Eylül", "Ekim",  "Kasım", "Aralık"};
  static const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
  const std::string date = std::to_string(c.year) + "-" + two_digits(c.month) + "-" + two_digits(c.day);
  b.date = date;
  b.election_id = std::string("tr-local-") + date;
  b.timezone = kTurkeyZone;
  b.title = {
      {"tr", std::to_string(c.day) + " " + kAylar[c.month - 1] + " " + std::to_string(c.year) + " Yerel Seçimleri"},
      {"en", "Turkish local elections, " + std::to_string(c.day) + " " + kMonths[c.month - 1] + " " +
                 std::to_string(c.year)}};
}

bool is_independent_name(std::string_view party_name) {
  const std::string f = turkish::fold(party_name);
  return f.rfind("bagimsiz", 0) == 0;
}

struct Titles {
  std::string metro_tr, metro_en, il_tr, il_en, ilce_tr, ilce_en, meclis_tr, meclis_en;
};
Titles titles(const std::string& prov) {
  return {prov + " Büyükşehir Belediye Başkanlığı",
          prov + " metropolitan mayor",
          prov + " Belediye Başkanlığı",
          prov + " mayor",
          prov + " ilçe belediye başkanlıkları",
          prov + " district mayors",
          prov + " ilçe belediye meclisleri",
          prov + " district councils"};
}

// One entry of an agency's list: its party (by the agency's code; an independent is its own
// party, known by name) and its contestant id in the race.
std::string contestant(Builder& b, RaceB& race, const std::string& code, bool independent,
                       const std::string& party_name, const std::string& short_name, const std::string& candidate,
                       std::optional<std::uint32_t> color) {
  if (independent) {
    const std::string who = candidate.empty() ? proper(party_name) : candidate;
    const std::string key = "ind:" + turkish::slug(who);
    return Builder::contestant(race, key, who, b.party(key, who + " (Bağımsız)", "Bağımsız", std::nullopt, true));
  }
  const std::string key = "code:" + code;
  const std::string party = b.party(key, party_name, short_name.empty() ? party_name : short_name, color, false);
  return Builder::contestant(race, key, candidate.empty() ? party_name : candidate, party);
}

// ---- ANKA: one province file --------------------------------------------------------------------
void anka_list(Builder& b, Reader& in, const Value& owner, const Path& at, std::string_view key, RaceB& race,
               const std::string& area, const Value* sandik, const Path& sandik_at, std::string_view valid_key,
               const Moment& m, std::optional<Count> boxes) {
  const json::Span<Value> list = in.array(owner, at, key, false);
  if (list.empty()) return;
  const Path list_at = at / key;
  ResultB r;
  if (sandik) {
    r.boxes_counted = in.count(*sandik, sandik_at, "AcilanSandik", false);
    r.cast = in.count(*sandik, sandik_at, "KullanilanOy", false);
    r.registered_counted = in.count(*sandik, sandik_at, "AcilanSandikSecmenSayisi", false);
    r.valid = in.count(*sandik, sandik_at, valid_key, false);
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Path c = list_at[i];
    const Value& v = list[i];
    if (!in.object_item(v, c)) continue;
    const std::string code = in.code(v, c, "Kod");
    const std::string party_name = in.text(v, c, "Adi", true);
    const std::string short_name = in.text(v, c, "Kisaltma", false);
    const std::optional<Count> votes = in.count(v, c, "Oy", true);
    std::string candidate;  // (council lists have none)
    if (const Value* aday = in.object(v, c, "Aday", false)) {
      const Path ap = c / "Aday";
      candidate = proper(in.text(*aday, ap, "Adi", false));
    }
    if (code.empty() || party_name.empty() || !votes) continue;
    if (!seen.insert(code).second) {
      const Path kp = c / "Kod";
      in.error(kp, "party code " + code + " is listed twice");
      continue;
    }
    // ANKA numbers independents 4001, 4002, … within each race: they are known by name.
    const bool independent = code.size() >= 4 || is_independent_name(short_name);
    r.votes.emplace_back(contestant(b, race, code, independent, party_name, short_name, candidate,
                                    independent ? std::nullopt : in.color(v, c, "Renk")),
                         *votes);
  }
  if (sandik) in.check(r, sandik_at, "AcilanSandik", boxes, "ToplamSandik", valid_key, "KullanilanOy");
  Builder::snapshot(race, "ANKA", m.epoch, m.text).areas.emplace_back(area, std::move(r));
}

void anka_previous(Builder& b, Reader& in, const Value& owner, const Path& at, RaceB& race, const std::string& area,
                   std::string_view code_key) {
  const Value* prev = in.object(owner, at, "2019SecimSonucu", false);
  if (!prev) return;
  const Path p = at / "2019SecimSonucu";
  if (!prev->find(code_key)) return;
  const std::string code = in.code(*prev, p, code_key);
  const std::string name = in.text(*prev, p, "Parti", false);
  if (code.empty()) return;
  const std::string party =
      b.party("code:" + code, name.empty() ? code : name, name, in.color(*prev, p, "Renk"), false);
  race.previous_label = "2019";
  for (auto& [a, winner] : race.previous)
    if (a == area) return void(winner = party);
  race.previous.emplace_back(area, party);
}

void convert_anka(Builder& b, Reader& in, const Value& root, const Moment& m) {
  const Path top;
  if (!root.is_object())
    return in.error(top, "expected an ANKA province file (a JSON object), got " + json::describe(root));
  const std::string prov_name = proper(in.text(root, top, "Ad", true));
  const Value* sandik = in.object(root, top, "Sandik", true);
  if (in.failed()) return;
  const Path sandik_at = top / "Sandik";
  b.source("ANKA", "ANKA Haber Ajansı");
  const std::optional<Count> boxes = in.count(*sandik, sandik_at, "ToplamSandik", false);
  const std::string prov = b.area(prov_name, "", "city", boxes, in.count(*sandik, sandik_at, "ToplamSecmen", false));
  const Titles t = titles(prov_name);
  RaceB* metro = nullptr;
  if (root.find("BuyuksehirBelediyeBaskanligi")) {
    metro = &b.race(prov + "-buyuksehir", t.metro_tr, t.metro_en, prov, true);
    anka_list(b, in, root, top, "BuyuksehirBelediyeBaskanligi", *metro, prov, sandik, sandik_at,
              "BuyuksehirBelediyeBaskanligiGecerliOy", m, boxes);
    anka_previous(b, in, root, top, *metro, prov, "Kod");
  }
  RaceB& ilce = b.race(prov + "-ilce", t.ilce_tr, t.ilce_en, prov, false);
  RaceB& meclis = b.race(prov + "-meclis", t.meclis_tr, t.meclis_en, prov, false);
  const json::Span<Value> districts = in.array(root, top, "Ilce", false);
  const Path districts_at = top / "Ilce";
  for (std::size_t i = 0; i < districts.size(); ++i) {
    const Path d = districts_at[i];
    const Value& v = districts[i];
    const std::string name = proper(in.text(v, d, "Ad", true));
    const Value* ds = in.object(v, d, "Sandik", false);
    if (name.empty()) continue;
    const Path ds_at = d / "Sandik";
    const std::optional<Count> dboxes = ds ? in.count(*ds, ds_at, "ToplamSandik", false) : std::nullopt;
    const std::string area =
        b.area(name, prov, "district", dboxes, ds ? in.count(*ds, ds_at, "ToplamSecmen", false) : std::nullopt);
    if (metro)
      anka_list(b, in, v, d, "BuyuksehirBelediyeBaskanligi", *metro, area, ds, ds_at,
                "BuyuksehirBelediyeBaskanligiGecerliOy", m, dboxes);
    anka_list(b, in, v, d, "BelediyeBaskanligi", ilce, area, ds, ds_at, "IlceBelediyeBaskanligiGecerliOy", m, dboxes);
    anka_previous(b, in, v, d, ilce, area, "PartiKod");
    anka_list(b, in, v, d, "IlceMeclisi", meclis, area, ds, ds_at, "IlceBelediyeMeclisiGecerliOy", m, dboxes);
  }
}

// ---- AA: result-short.json, the whole country ----------------------------------------------------
void aa_race(Builder& b, Reader& in, const Value& race_v, const Path& at, RaceB& race, const std::string& area,
             const Moment& m, std::optional<Count> boxes) {
  const Value* s = in.object(race_v, at, "s", true);
  const Path s_at = at / "s";
  ResultB r;
  if (s) {
    r.boxes_counted = in.count(*s, s_at, "d", false);
    r.cast = in.count(*s, s_at, "o", false);
    r.registered_counted = in.count(*s, s_at, "v", false);
    r.valid = in.count(*s, s_at, "g", false);
  }
  const json::Span<Value> list = in.array(race_v, at, "c", true);
  const Path list_at = at / "c";
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Path c = list_at[i];
    const Value& v = list[i];
    if (!in.object_item(v, c)) continue;
    const std::string code = in.code(v, c, "k");
    const std::string party_name = in.text(v, c, "p", true);
    const std::string candidate = proper(in.text(v, c, "a", false));
    const std::optional<Count> votes = in.count(v, c, "t", true);
    if (code.empty() || party_name.empty() || !votes) continue;
    if (code == "0" || turkish::fold(party_name) == "diger") continue;  // "Diğer": the rest, which stays in valid
    if (!seen.insert(code).second) {
      const Path kp = c / "k";
      in.error(kp, "code " + code + " is listed twice");
      continue;
    }
    r.votes.emplace_back(
        contestant(b, race, code, is_independent_name(party_name), party_name, party_name, candidate, std::nullopt),
        *votes);
  }
  if (s) in.check(r, s_at, "d", boxes, "n", "g", "o");
  Builder::snapshot(race, "AA", m.epoch, m.text).areas.emplace_back(area, std::move(r));
}

void convert_aa(Builder& b, Reader& in, const Value& root, const Moment& m, const std::string& only) {
  const Path top;
  if (!root.is_object())
    return in.error(top, "expected AA's result-short.json (a JSON object), got " + json::describe(root));
  const json::Span<Value> provinces = in.array(root, top, "BolgeSonuc", true);
  if (in.failed()) return;
  b.source("AA", "Anadolu Ajansı");
  const Path provinces_at = top / "BolgeSonuc";
  std::size_t kept = 0;
  for (std::size_t i = 0; i < provinces.size(); ++i) {
    const Path p = provinces_at[i];
    const Value& pv = provinces[i];
    if (!in.object_item(pv, p)) continue;
    const std::string plate = in.code(pv, p, "k");
    const std::string prov_name = proper(in.text(pv, p, "a", true));
    if (prov_name.empty()) continue;
    if (!only.empty() && only != plate && turkish::fold(only) != turkish::fold(prov_name)) continue;
    ++kept;
    const Value* x = in.object(pv, p, "x", true);
    const Path x_at = p / "x";
    const Value* xs = x ? in.object(*x, x_at, "s", false) : nullptr;
    const Path xs_at = x_at / "s";
    const std::optional<Count> boxes = xs ? in.count(*xs, xs_at, "n", false) : std::nullopt;
    const std::string prov = b.area(prov_name, "", "city", boxes, xs ? in.count(*xs, xs_at, "e", false) : std::nullopt);
    const Titles t = titles(prov_name);
    const bool metro = in.text(pv, p, "z", false) == "BB";
    if (x) {
      RaceB& mayor = metro ? b.race(prov + "-buyuksehir", t.metro_tr, t.metro_en, prov, true)
                           : b.race(prov + "-il", t.il_tr, t.il_en, prov, true);
      aa_race(b, in, *x, x_at, mayor, prov, m, boxes);
    }
    RaceB& ilce = b.race(prov + "-ilce", t.ilce_tr, t.ilce_en, prov, false);
    RaceB& meclis = b.race(prov + "-meclis", t.meclis_tr, t.meclis_en, prov, false);
    const json::Span<Value> districts = in.array(pv, p, "b", false);
    const Path districts_at = p / "b";
    for (std::size_t j = 0; j < districts.size(); ++j) {
      const Path d = districts_at[j];
      const Value& dv = districts[j];
      const std::string name = proper(in.text(dv, d, "a", true));
      if (name.empty()) continue;
      const Value* dx = in.object(dv, d, "x", false);
      const Path dx_at = d / "x";
      const Value* dxs = dx ? in.object(*dx, dx_at, "s", false) : nullptr;
      const Path dxs_at = dx_at / "s";
      const std::optional<Count> dboxes = dxs ? in.count(*dxs, dxs_at, "n", false) : std::nullopt;
      const std::string area =
          b.area(name, prov, "district", dboxes, dxs ? in.count(*dxs, dxs_at, "e", false) : std::nullopt);
      if (dx) aa_race(b, in, *dx, dx_at, ilce, area, m, dboxes);
      if (const Value* dm = in.object(dv, d, "m", false)) {
        const Path dm_at = d / "m";
        if (dm->find("c")) aa_race(b, in, *dm, dm_at, meclis, area, m, dboxes);
      }
    }
  }
  if (!only.empty() && kept == 0) {
    in.error(provinces_at, "no province " + json::quote(only) + " in this file");
  }
}

// ---- AP Elections API v2 -------------------------------------------------------------------------
struct ApParty {
  const char* code;
  const char* name;
  std::uint32_t color;
};
// AP's party abbreviations (AP Elections API documentation) and the colours US media use.
constexpr ApParty kApParties[] = {{"Dem", "Democratic", 0x1A6AFF},  {"GOP", "Republican", 0xE0262B},
                                  {"Lib", "Libertarian", 0xFED105}, {"Grn", "Green", 0x17AA5C},
                                  {"Ind", "Independent", 0x8C8C8C}, {"Una", "Unaffiliated", 0x8C8C8C}};

std::string ap_party(Builder& b, const std::string& code) {
  for (const ApParty& p : kApParties)
    if (code == p.code) return b.party("code:" + code, p.name, code, p.color, false);
  return b.party("code:" + code, code, code, std::nullopt, false);
}

void convert_ap(Builder& b, Reader& in, const Value& root) {
  const Path top;
  if (!root.is_object())
    return in.error(top, "expected an AP Elections API response (a JSON object), got " + json::describe(root));
  const std::string date = in.text(root, top, "electionDate", true);
  const std::string stamp = in.text(root, top, "timestamp", true);
  const json::Span<Value> races = in.array(root, top, "races", true);
  if (in.failed()) return;
  const std::optional<Time> t = parse_rfc3339(stamp);
  if (!t) {
    const Path p = top / "timestamp";
    return in.error(p, "expected an RFC 3339 time, got " + json::quote(json::clip(stamp)));
  }
  const auto digits = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i)
      v = date[i] >= '0' && date[i] <= '9' ? v * 10 + (date[i] - '0') : -1000000;
    return v;
  };
  const bool shaped = date.size() == 10 && date[4] == '-' && date[7] == '-';
  const int y = shaped ? digits(0, 4) : -1, mo = shaped ? digits(5, 2) : 0, d = shaped ? digits(8, 2) : 0;
  if (!shaped || y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31) {
    const Path p = top / "electionDate";
    return in.error(p, "expected a date YYYY-MM-DD, got " + json::quote(json::clip(date)));
  }
  if (b.election_id.empty()) {
    static const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                    "July",    "August",   "September", "October", "November", "December"};
    b.election_id = "us-" + date;
    b.date = date;
    b.timezone = "America/New_York";
    b.title = {
        {"en", "US elections, " + std::string(kMonths[mo - 1]) + " " + std::to_string(d) + ", " + std::to_string(y)},
        {"tr", "ABD seçimleri, " + std::to_string(d) + "." + (mo < 10 ? "0" : "") + std::to_string(mo) + "." +
                   std::to_string(y)}};
  }
  b.source("AP", "Associated Press");
  b.touch(t->epoch, stamp);
  const Path races_at = top / "races";
  for (std::size_t i = 0; i < races.size(); ++i) {
    const Path r = races_at[i];
    const Value& rv = races[i];
    if (!in.object_item(rv, r)) continue;
    const std::string office = in.text(rv, r, "officeName", true);
    const std::string party = in.text(rv, r, "party", false);
    const std::string seat = in.text(rv, r, "seatName", false);
    const std::string race_type = in.text(rv, r, "raceType", false);
    if (const Value* test = rv.find("test"); test && test->boolean()) b.status = "test";
    const json::Span<Value> units = in.array(rv, r, "reportingUnits", true);
    if (office.empty() || units.empty()) continue;
    const Path units_at = r / "reportingUnits";
    // The state first: it is the race's root whatever the order of the units.
    std::string state, state_name, postal;
    for (std::size_t k = 0; k < units.size() && state.empty(); ++k) {
      const Path u = units_at[k];
      if (!units[k].is_object()) continue;
      postal = in.text(units[k], u, "statePostal", true);
      if (in.text(units[k], u, "level", false) != "state") continue;
      state_name = in.text(units[k], u, "stateName", false);
      state = b.area(state_name.empty() ? postal : state_name, "", "state",
                     in.count(units[k], u, "precinctsTotal", false), std::nullopt, postal);
    }
    if (postal.empty()) continue;
    if (state.empty()) state = b.area(postal, "", "state", std::nullopt, std::nullopt, postal);
    std::string party_name = party;
    for (const ApParty& p : kApParties)
      if (party == p.code) party_name = p.name;
    const std::string title =
        office + (seat.empty() ? "" : ", " + seat) +
        (party.empty() ? "" : " — " + party_name + " " + turkish::lower(race_type.empty() ? "primary" : race_type));
    RaceB& race = b.race(
        turkish::slug(postal + " " + office + (party.empty() ? "" : " " + party) + (seat.empty() ? "" : " " + seat)),
        title, title, state, true);
    for (std::size_t k = 0; k < units.size(); ++k) {
      const Path u = units_at[k];
      const Value& uv = units[k];
      if (!in.object_item(uv, u)) continue;
      const bool is_state = in.text(uv, u, "level", false) == "state";
      const std::optional<Count> total = in.count(uv, u, "precinctsTotal", false);
      std::string area = state;
      if (!is_state) {
        const std::string name = in.text(uv, u, "reportingunitName", true);
        const std::string id = in.text(uv, u, "reportingunitID", false);
        if (name.empty()) continue;
        area = b.area(name, state, "subunit", total, std::nullopt, postal + "-" + (id.empty() ? name : id));
      }
      ResultB res;
      res.boxes_counted = in.count(uv, u, "precinctsReporting", false);
      const std::string updated = in.text(uv, u, "lastUpdated", false);
      const json::Span<Value> cands = in.array(uv, u, "candidates", true);
      const Path cands_at = u / "candidates";
      std::set<std::string> seen;
      for (std::size_t c = 0; c < cands.size(); ++c) {
        const Path cp = cands_at[c];
        const Value& cv = cands[c];
        if (!in.object_item(cv, cp)) continue;
        const std::string cid = in.code(cv, cp, "candidateID");
        const std::string first = in.text(cv, cp, "first", false);
        const std::string last = in.text(cv, cp, "last", true);
        const std::string cparty = in.text(cv, cp, "party", false);
        const std::optional<Count> votes = in.count(cv, cp, "voteCount", true);
        if (cid.empty() || last.empty() || !votes) continue;
        if (!seen.insert(cid).second) {
          const Path idp = cp / "candidateID";
          in.error(idp, "candidate " + cid + " is listed twice");
          continue;
        }
        const std::string pid = ap_party(b, cparty.empty() ? "Ind" : cparty);
        const std::string id = Builder::contestant(race, "ap:" + cid, first.empty() ? last : first + " " + last, pid);
        res.votes.emplace_back(id, *votes);
        if (in.text(cv, cp, "winner", false) == "X")
          race.calls.push_back({"AP", area, id, updated.empty() ? stamp : updated});
      }
      if (res.boxes_counted && total && *res.boxes_counted > *total) {
        const Path p = u / "precinctsReporting";
        in.error(p, std::to_string(*res.boxes_counted) + " precincts reporting, more than the " +
                        std::to_string(*total) + " precincts (precinctsTotal)");
      }
      Builder::snapshot(race, "AP", t->epoch, stamp).areas.emplace_back(area, std::move(res));
    }
  }
}

// ---- the base: an election description or an earlier feed ----------------------------------------
void read_base(Builder& b, std::string_view text, Problems& problems) {
  AgencyFile file{AgencyFormat::Anka, text, "base", ""};
  Reader in(file, problems);
  const json::Document doc = json::parse(text, json::Limits{});
  const Path top;
  if (!doc.ok()) return in.error(top, doc.error_path.empty() ? doc.error : doc.error_path + ": " + doc.error);
  const Value& root = *doc.root;
  if (const Value* e = in.object(root, top, "election", false)) {
    const Path ep = top / "election";
    b.election_id = in.text(*e, ep, "id", true);
    b.date = in.text(*e, ep, "date", true);
    b.timezone = in.text(*e, ep, "timezone", true);
    if (const Value* t = e->find("title")) {
      if (t->is_string()) b.title = {{"", std::string(t->str())}};
      for (const auto& m : t->members())
        if (m.value.is_string()) b.title.emplace_back(std::string(m.key), std::string(m.value.str()));
    }
    if (b.title.empty()) b.title = {{"", b.election_id}};
  }
  const json::Span<Value> sources = in.array(root, top, "sources", false);
  const Path sources_at = top / "sources";
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const Path sp = sources_at[i];
    b.add_base_source(in.text(sources[i], sp, "id", true), in.text(sources[i], sp, "name", true));
  }
  const json::Span<Value> parties = in.array(root, top, "parties", false);
  const Path parties_at = top / "parties";
  for (std::size_t i = 0; i < parties.size(); ++i) {
    const Path pp = parties_at[i];
    const Value& pv = parties[i];
    const std::string id = in.text(pv, pp, "id", true);
    if (id.empty()) continue;
    std::vector<std::string> aliases;
    for (const Value& a : in.array(pv, pp, "aliases", false))
      if (a.is_string()) aliases.emplace_back(a.str());
    b.add_base_party(id, in.text(pv, pp, "name", true), in.text(pv, pp, "short", false), in.color(pv, pp, "color"),
                     aliases);
  }
}

}  // namespace

std::optional<AgencyFormat> parse_agency_format(std::string_view name) {
  if (name == "anka") return AgencyFormat::Anka;
  if (name == "aa") return AgencyFormat::Aa;
  if (name == "ap") return AgencyFormat::Ap;
  return std::nullopt;
}

std::optional<Time> parse_http_date(std::string_view s) {
  // "Sun, 06 Nov 1994 08:49:37 GMT"
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (s.size() != 29 || s[3] != ',' || s[4] != ' ' || s.substr(26) != "GMT") return std::nullopt;
  const std::string_view mon = s.substr(8, 3);
  int month = 0;
  for (int i = 0; i < 12; ++i)
    if (mon == kMonths[i]) month = i + 1;
  if (!month) return std::nullopt;
  return parse_rfc3339(std::string(s.substr(12, 4)) + "-" + two_digits(month) + "-" + std::string(s.substr(5, 2)) +
                       "T" + std::string(s.substr(17, 8)) + "Z");
}

AgencyConversion convert_agency(const std::vector<AgencyFile>& files, const AgencyOptions& options) {
  AgencyConversion out;
  Builder b;
  b.status = options.status;
  if (!options.base.empty()) read_base(b, options.base, out.problems);
  bool failed = !out.problems.empty() && out.problems.front().severity == Severity::Error;
  if (files.empty()) {
    out.problems.push_back({Severity::Error, "", "no agency files given"});
    failed = true;
  }
  for (const AgencyFile& file : files) {
    Reader in(file, out.problems);
    const Path top;
    const json::Document doc = json::parse(file.text, json::Limits{});
    if (!doc.ok()) {
      in.error(Path(), doc.error_path.empty() ? doc.error : doc.error_path + ": " + doc.error);
      failed = true;
      continue;
    }
    if (file.format == AgencyFormat::Ap) {
      convert_ap(b, in, *doc.root);
    } else if (const std::optional<Moment> m = published(file, in, top)) {
      turkish_election(b, *m);
      b.touch(m->epoch, m->text);
      if (file.format == AgencyFormat::Anka)
        convert_anka(b, in, *doc.root, *m);
      else
        convert_aa(b, in, *doc.root, *m, options.province);
    }
    failed = failed || in.failed();
  }
  if (!options.status.empty()) b.status = options.status;
  std::stable_partition(out.problems.begin(), out.problems.end(),
                        [](const Problem& p) { return p.severity == Severity::Error; });
  if (failed) return out;
  std::string feed = b.write();
  // The last line of defence: what the adapter wrote must pass the feed's own validation.
  const ParsedFeed check = parse_feed(feed);
  for (const Problem& p : check.problems)
    if (p.severity == Severity::Error)
      out.problems.push_back({Severity::Error, "(converted feed) " + p.path, p.message});
  if (check.ok()) out.feed = std::move(feed);
  return out;
}

}  // namespace sandik
