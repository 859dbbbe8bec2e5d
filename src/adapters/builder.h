// sandik adapters — the one way an adapter makes a sandik/1 feed: a Builder collects the
// election, sources, parties (by agency code), areas, races and each source's results and
// history, and write() makes the JSON text once. anka.cpp, aa.cpp and ap.cpp fill it from their
// payloads (payload.h reads them); agency.cpp starts it from a base and runs them.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../core/feed.h"
#include "../core/json.h"
#include "../core/turkish.h"

namespace sandik::adapters {

class Reader;
using json::Path;
using json::Value;

inline constexpr const char* kTurkeyZone = "Europe/Istanbul";
inline constexpr std::uint32_t kIndependentColor = 0x8C8C8C;
// Parties without a colour of their own (AA gives none): distinct, readable on white and black.
inline constexpr std::uint32_t kPalette[] = {0x1F77B4, 0xD62728, 0x2CA02C, 0xFF7F0E, 0x9467BD,
                                             0x8C564B, 0xE377C2, 0x17BECF, 0xBCBD22, 0x7F7F7F};

// ---- the feed being built ----------------------------------------------------------------------
// Members a feed carries that the builder does not model (a compatible extension: a source's
// "url", a race's "seats", a point's "note"): key -> JSON text, written back as they came.
using Extras = std::vector<std::pair<std::string, std::string>>;

struct PartyB {
  std::string id, name, short_name;
  std::uint32_t color = 0;
  bool has_color = false, used = false;
  std::vector<std::string> aliases;  // written back only for a party read from a feed (`kept`)
  bool kept = false;
  Extras extras;
};

struct AreaB {
  std::string id, name, parent, level;
  std::optional<Count> boxes, registered;
  Extras extras;
  std::string code;  // the agencies' own code (plate code, ANKA `Kod` = AA `k`): written as "code"
};

struct ResultB {
  std::optional<Count> boxes_counted, cast, registered_counted, valid;
  std::optional<Count> boxes;  // the race's own boxes there (AP), where they differ from the area's
  std::vector<std::pair<std::string, Count>> votes;    // contestant id -> votes
  std::vector<std::pair<std::string, double>> shares;  // contestant id -> percent (display only)
  Extras extras;
};

struct Snapshot {  // one source's results for one race at one moment
  std::int64_t epoch = 0;
  std::string at;
  std::vector<std::pair<std::string, ResultB>> areas;
  Extras extras;
};

struct PointB {  // a history point read from a feed or a table: the race root at one moment
  std::int64_t epoch = 0;
  std::string at;
  ResultB result;
};

struct CallB {
  std::string source, area, winner, at;
  Extras extras;
};

struct CandidateB {
  std::string id, name, party;
  Extras extras;
};

struct PreviousB {  // who won an area last time
  std::string area, winner;
  std::optional<std::vector<std::pair<std::string, Count>>> votes;  // party id -> votes
  std::optional<Count> valid;
  Extras extras;
};

struct RaceB {
  std::string id, area;
  std::string office;  // "metropolitan", "province", "district", "belde", "council"; "" = not said
  std::vector<std::pair<std::string, std::string>> title;  // lang -> text; one "" entry = a plain string
  bool candidate = true;
  std::vector<CandidateB> candidates;
  std::map<std::string, std::string> contestant_by_key;  // agency key -> candidate id
  std::set<std::string> candidate_ids;
  std::string previous_label;
  std::vector<PreviousB> previous;
  Extras previous_extras;
  std::vector<std::pair<std::string, std::vector<Snapshot>>> by_source;  // the newest is the result
  std::vector<std::pair<std::string, std::vector<PointB>>> history;      // points given as such
  std::vector<CallB> calls;
  Extras extras;

  // The results of one source: its snapshots, newest last (made empty when new).
  std::vector<Snapshot>& results(const std::string& source) {
    for (auto& [who, snaps] : by_source)
      if (who == source) return snaps;
    by_source.push_back({source, {}});
    return by_source.back().second;
  }
  std::vector<PointB>& points(const std::string& source) {
    for (auto& [who, list] : history)
      if (who == source) return list;
    history.push_back({source, {}});
    return history.back().second;
  }
  const CandidateB* find_candidate(const std::string& candidate_id) const {
    for (const CandidateB& c : candidates)
      if (c.id == candidate_id) return &c;
    return nullptr;
  }
  void add_candidate(CandidateB c) {
    if (!candidate_ids.insert(c.id).second) return;
    candidates.push_back(std::move(c));
  }
};

struct SourceB {
  std::string id, name;
  std::string kind;  // "agency", "authority", "party"; "" = not said
  Extras extras;
};

class Builder;
// A feed or an election description (JSON text) read into `b` (Builder::load); each problem
// names `file` and the JSON path. Everything is copied: `text` need not outlive the call.
void load(Builder& b, std::string_view text, const std::string& file, Problems& problems);

std::string hex_color(std::uint32_t c);                   // 0xC8102E -> "#C8102E"
std::string rfc3339(std::int64_t epoch, int offset_min);  // "2024-03-31T22:35:00+03:00"
std::string proper(std::string_view name);                // "MURAT KURUM" -> "Murat Kurum"; "DEVA Partisi" stays

class Builder {
 public:
  // The election: from the base, else from the first file that can tell.
  std::string election_id, date, timezone;
  std::vector<std::pair<std::string, std::string>> title;  // lang -> text
  std::string status;
  std::int64_t updated_epoch = 0;
  std::string updated_text;
  Extras extras, election_extras;  // members of the feed and of its election the builder does not model

  void add_base_party(const std::string& id, const std::string& name, const std::string& short_name,
                      std::optional<std::uint32_t> color, const std::vector<std::string>& aliases) {
    PartyB p{id,    name, short_name.empty() ? name : short_name, color.value_or(0), color.has_value(), false, {},
             false, {}};
    const std::size_t index = parties_.size();
    parties_.push_back(p);
    party_ids_.insert(id);
    for (const std::string& a : aliases) party_by_key_.emplace("code:" + a, index);
    party_by_key_.emplace("name:" + turkish::fold(name), index);
    party_by_key_.emplace("name:" + turkish::fold(p.short_name), index);
  }

  void add_base_source(const std::string& id, const std::string& name, const std::string& kind) {
    for (const SourceB& s : sources_)
      if (s.id == id) return;
    base_sources_.push_back({id, name, kind, {}});
  }

  // The source `id`, added with `name` and `kind` unless the base already names it.
  const std::string& source(const std::string& id, const std::string& name, const std::string& kind = "") {
    for (const SourceB& s : sources_)
      if (s.id == id) return s.id;
    std::string shown = name, said = kind;
    for (const SourceB& s : base_sources_)
      if (s.id == id) {
        shown = s.name;
        if (!s.kind.empty()) said = s.kind;
      }
    sources_.push_back({id, shown, said, {}});
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
    PartyB p{id, name, short_name.empty() ? name : short_name, 0, false, true, {}, false, {}};
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

  // An area by its agency code under a parent, else by name: the same code (or, without one, the
  // same name) under the same parent is the same area, so AA's "19.May" is ANKA's "19 Mayıs".
  // The first boxes and voters given stay, unless `whole`: an agency that knows the area's whole
  // size (ANKA: a district with its villages) says so over one that gave a part of it (AA: the
  // district municipality's boxes).
  std::string area(const std::string& name, const std::string& parent, const std::string& level,
                   std::optional<Count> boxes, std::optional<Count> registered, const std::string& id_hint = "",
                   const std::string& code = "", bool whole = false) {
    const std::string base_id = turkish::slug(id_hint.empty() ? name : id_hint);
    const std::string key = parent + "|" + base_id, code_key = parent + "|#" + code;
    auto it = code.empty() ? area_by_key_.end() : area_by_key_.find(code_key);
    if (it == area_by_key_.end()) it = area_by_key_.find(key);
    if (it != area_by_key_.end()) {
      AreaB& a = areas_[it->second];
      if (boxes && (whole || !a.boxes)) a.boxes = boxes;
      if (registered && (whole || !a.registered)) a.registered = registered;
      return a.id;
    }
    std::string id = base_id;
    if (area_ids_.count(id)) id = parent + "-" + base_id;  // "Kale" of Denizli and of Malatya
    id = unique(area_ids_, id, "");
    area_by_key_.emplace(key, areas_.size());
    if (!code.empty()) area_by_key_.emplace(code_key, areas_.size());
    areas_.push_back({id, name, parent, level, boxes, registered, {}, code});
    return id;
  }

  // The whole country: every province (a root area of level "city") under the root `turkiye`,
  // made if no file made it. Ids stay as they were; only the roots gain a parent.
  void nationalize() {
    const std::string root = area("Türkiye", "", "country", std::nullopt, std::nullopt, "turkiye");
    for (AreaB& a : areas_)
      if (a.parent.empty() && a.level == "city") a.parent = root;
  }
  std::size_t provinces() const {
    return static_cast<std::size_t>(std::count_if(areas_.begin(), areas_.end(), [](const AreaB& a) {
      return a.level == "city" && (a.parent.empty() || a.parent == "turkiye");
    }));
  }

  RaceB& race(const std::string& id, const std::string& title_tr, const std::string& title_en, const std::string& area,
              bool candidate, const std::string& office = "") {
    for (RaceB& r : races_)
      if (r.id == id) return r;
    RaceB r;
    r.id = id;
    r.office = office;
    r.title = {{"tr", title_tr}, {"en", title_en}};
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
    race.candidates.push_back({id, name, party, {}});
    race.contestant_by_key.emplace(key, id);
    return id;
  }

  static Snapshot& snapshot(RaceB& race, const std::string& source, std::int64_t epoch, const std::string& at) {
    std::vector<Snapshot>& snaps = race.results(source);
    for (Snapshot& snap : snaps)
      if (snap.epoch == epoch) return snap;
    snaps.push_back(Snapshot{epoch, at, {}, {}});
    return snaps.back();
  }

  void touch(std::int64_t epoch, const std::string& text) {
    if (updated_text.empty() || epoch > updated_epoch) {
      updated_epoch = epoch;
      updated_text = text;
    }
  }

  // Every member of a feed or an election description, so that a table's import (csv_import.cpp)
  // adds to it and loses nothing: its parties stay, with their aliases (builder_load.cpp).
  void load(Reader& in, const Value& root);

  std::string write() const;

  // What is being built, for an importer that works by names (csv_import.cpp).
  std::vector<PartyB>& parties() { return parties_; }
  std::vector<AreaB>& areas() { return areas_; }
  std::deque<RaceB>& races() { return races_; }
  std::vector<SourceB>& sources() { return sources_; }
  PartyB& add_party(PartyB p) {  // a party known by its id only (aliases match as agency codes)
    party_ids_.insert(p.id);
    parties_.push_back(std::move(p));
    return parties_.back();
  }
  AreaB& add_area(AreaB a) {
    area_ids_.insert(a.id);
    area_by_key_.emplace(a.parent + "|" + a.id, areas_.size());
    if (!a.code.empty()) area_by_key_.emplace(a.parent + "|#" + a.code, areas_.size());
    areas_.push_back(std::move(a));
    return areas_.back();
  }

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
  std::map<std::string, std::size_t> area_by_key_;  // "parent|id" and "parent|#code" -> index
  std::set<std::string> area_ids_;
  std::deque<RaceB> races_;  // a deque: references to races stay valid as more are added
};

}  // namespace sandik::adapters
