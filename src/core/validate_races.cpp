// sandik core — the validator's races (validate_internal.h): each race's contestants, its seats,
// the previous winners, each source's results per area, calls and history.
//
// INDEX
//   races(), race_one()                        the list; a race's id, title, kind, area, candidates
//   seats(), previous()                        seats to share out; who won each area last time
//   vote_map(), share_map(), contestant_kind() votes and shares by contestant
//   results(), result()                        each source's results, one area's RESULT
//   calls(), history()                         declared winners; the night's earlier moments
#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "format.h"
#include "json.h"
#include "order.h"
#include "time.h"
#include "turkish.h"
#include "validate_internal.h"

namespace sandik::validation {

bool Validator::races(const Value&, const Path& top) {
  RaceWork& w = rw_;
  const Value* list = w.list;
  if (!list) return true;
  const Path p = top / "races";
  for (; w.i < list->items().size(); ++w.i) {
    const Path at = p[w.i];
    if (w.phase == 0) {
      if (pause()) return false;
      w.v = object_at(&list->items()[w.i], at);
      if (!w.v) continue;
      w.race.emplace();
    }
    if (!race_one(*w.v, at, *w.race)) return false;
    w.phase = 0;
    if (w.id && declare(feed_.race_index, w.race->id, static_cast<int>(feed_.races.size()), at / "id", "races"))
      feed_.races.push_back(std::move(*w.race));
  }
  if (list->items().empty()) error(p, "expected at least one race");
  return true;
}

// A race in phases; the loops of phases 1, 2 and 4 may stop and go on in the next slice.
bool Validator::race_one(const Value& v, const Path& at, Race& race) {
  RaceWork& w = rw_;
  const Path prev_path = at / "previous", results_path = at / "results", history_path = at / "history";
  switch (w.phase) {
    case 0:
      race_head(v, at, race);
      if (const Value* s = opt(v, "seats")) seats(*s, at / "seats", race);
      w.node = nullptr;
      w.prev.reset();
      if (const Value* prev = opt(v, "previous")) w.node = previous_head(*prev, prev_path);
      w.k = 0;
      w.phase = 1;
      [[fallthrough]];
    case 1:
      if (w.node && !previous(*w.node, prev_path / "areas")) return false;
      if (w.prev) {
        w.prev->areas.finish();
        race.previous.emplace(std::move(*w.prev));
      }
      w.node = object_at(req(v, at, "results"), results_path);
      w.k = w.j = 0;
      w.open = false;
      w.phase = 2;
      [[fallthrough]];
    case 2:
      if (w.node && !results(*w.node, results_path, race)) return false;
      if (const Value* c = opt(v, "calls")) calls(*c, at / "calls", race);
      w.node = opt(v, "history");
      if (w.node && !object_at(w.node, history_path)) w.node = nullptr;
      w.k = w.j = 0;
      w.open = false;
      w.phase = 4;
      [[fallthrough]];
    default:
      if (w.node && !history(*w.node, history_path, race)) return false;
      if (w.id) race.id = *w.id;
      return true;
  }
}

void Validator::race_head(const Value& v, const Path& at, Race& race) {
  contestants_v_.clear();
  forget_ids();
  rw_.id = req_string(v, at, "id");
  if (auto t = text_of(v, at, "title")) race.title = *t;
  if (const Value* k = req(v, at, "kind")) {
    const auto s = string_of(*k, at / "kind");
    if (s && *s == "party")
      race.kind = RaceKind::Party;
    else if (s && *s != "candidate")
      error(at / "kind", "expected \"candidate\" or \"party\", got " + json::describe(*k));
  }
  if (const Value* a = req(v, at, "area")) race.area = ref(*a, at / "area", areas_v_, "area");
  if (const Value* o = opt(v, "office"))
    if (const auto s = string_of(*o, at / "office")) race.office = std::string(*s);
  if (race.kind == RaceKind::Candidate) {
    if (const Value* list = req_array(v, at, "candidates")) {
      const Path cp = at / "candidates";
      race.candidates.reserve(room(list->items().size()));
      contestants_v_.reserve(room(list->items().size()));
      for (std::size_t i = 0; i < list->items().size(); ++i) {
        const Value* c = object_at(&list->items()[i], cp[i]);
        if (!c) continue;
        Candidate cand;
        auto cid = req_string(*c, cp[i], "id");
        auto name = req_string(*c, cp[i], "name");
        if (const Value* party = req(*c, cp[i], "party"))
          cand.party = ref(*party, cp[i] / "party", parties_v_, "party");
        if (!cid || !name) continue;
        cand.id = std::move(*cid);
        cand.name = std::move(*name);
        cand.photo = image_url(*c, cp[i], "photo");
        // Declared once, in the index of views the votes are looked up in (a string-keyed copy
        // of it was two allocations for each of a country's 1,728 candidates).
        const auto [seen, fresh] = contestants_v_.emplace(id_of(*c), static_cast<int>(race.candidates.size()));
        if (!fresh) {
          error(cp[i] / "id", "duplicate id \"" + json::clip(cand.id) + "\" (also candidates[" +
                                  std::to_string(seen->second) + "])");
          continue;
        }
        race.candidates.push_back(std::move(cand));
      }
    }
  }
  // A party race's contestants are the feed's parties: looked up there, not copied per race.
  party_race_ = race.kind == RaceKind::Party;
}

void Validator::seats(const Value& v, const Path& p, Race& race) {
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

const Value* Validator::previous_head(const Value& v, const Path& p) {
  if (!object_at(&v, p)) return nullptr;
  rw_.prev.emplace();
  if (auto l = req_string(v, p, "label")) rw_.prev->label = *l;
  return object_at(req(v, p, "areas"), p / "areas");
}

bool Validator::previous(const Value& areas, const Path& areas_path) {
  RaceWork& w = rw_;
  for (; w.k < areas.members().size(); ++w.k) {
    if (pause()) return false;
    const auto& [area_id, entry] = areas.members()[w.k];
    const Path ap = areas_path / area_id;
    const int area = find_view(areas_v_, area_id);
    if (area < 0) {
      error(ap, "unknown area \"" + json::clip(area_id) + "\"");
      continue;
    }
    if (!object_at(&entry, ap)) continue;
    Previous::AreaPrev ar;
    if (const Value* win = req(entry, ap, "winner")) ar.winner = ref(*win, ap / "winner", parties_v_, "party");
    if (const Value* votes = opt(entry, "votes")) ar.votes = vote_map(*votes, ap / "votes", parties_v_, "party");
    ar.valid = opt_count(entry, ap, "valid");
    w.prev->areas.emplace(area, std::move(ar));
  }
  return true;
}

std::vector<std::pair<int, Count>> Validator::vote_map(const Value& v, const Path& p, const ViewIndex& index,
                                                       const char* kind) {
  std::vector<std::pair<int, Count>> out;
  if (!object_at(&v, p)) return out;
  out.reserve(v.members().size());
  for (const auto& [id, n] : v.members()) {
    const int c = find_cached(index, id);
    if (c < 0) {
      error(p / id, std::string("unknown ") + kind + " \"" + json::clip(id) + "\"");
      continue;
    }
    if (auto count = count_of(n, p / id)) out.emplace_back(c, *count);
  }
  return out;
}

std::vector<std::pair<int, double>> Validator::share_map(const Value& v, const Path& p, const Race& race) {
  std::vector<std::pair<int, double>> out;
  if (!object_at(&v, p)) return out;
  for (const auto& [id, n] : v.members()) {
    const int c = find_view(contestants(), id);
    if (c < 0)
      error(p / id, std::string("unknown ") + contestant_kind(race) + " \"" + json::clip(id) + "\"");
    else if (!n.is_number() || n.number() < 0 || n.number() > 100)
      error(p / id, "expected a percentage from 0 to 100, got " + json::describe(n));
    else
      out.emplace_back(c, n.number());
  }
  return out;
}

const char* Validator::contestant_kind(const Race& race) {
  return race.kind == RaceKind::Candidate ? "candidate" : "party";
}

bool Validator::results(const Value& v, const Path& p, Race& race) {
  RaceWork& w = rw_;
  for (; w.k < v.members().size(); ++w.k, w.j = 0, w.open = false) {
    const auto& [source_id, set] = v.members()[w.k];
    const Path sp = p / source_id;
    const Path areas_path = sp / "areas";
    if (!w.open) {
      if (pause()) return false;
      w.sr.emplace();
    }
    SourceResults& sr = *w.sr;
    if (!w.open) {
      sr.source = find_view(sources_v_, source_id);
      if (sr.source < 0) {
        error(sp, "unknown source \"" + json::clip(source_id) + "\"");
        continue;
      }
      if (!object_at(&set, sp)) continue;
      if (auto t = req_time(set, sp, "updated")) sr.updated = *t;
      w.items = object_at(req(set, sp, "areas"), areas_path);
      if (w.items) sr.areas.reserve(room(w.items->members().size()));
      w.open = true;
    }
    if (const Value* areas = w.items) {
      for (; w.j < areas->members().size(); ++w.j) {
        if (pause()) return false;
        const auto& [area_id, res] = areas->members()[w.j];
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
      sr.areas.finish();
      over_2_53(sr, areas_path, race);
    }
    race.results.push_back(std::move(sr));
  }
  return true;
}

// Each count is at most 2^53, but their sums must be too: the widget and the command line add
// them in doubles, exact only that far ("leads by 18,014,398,509,479,540 votes" otherwise). The
// sum over every area bounds any sum the tally makes.
void Validator::over_2_53(const SourceResults& sr, const Path& p, const Race& race) {
  constexpr double kMax = 9007199254740992.0;
  double valid = 0, cast = 0, registered = 0, boxes = 0, all_votes = 0;
  for (const auto& [area, r] : sr.areas) {
    valid += static_cast<double>(r.valid.value_or(0));
    cast += static_cast<double>(r.cast.value_or(0));
    registered += static_cast<double>(r.registered_counted.value_or(0));
    boxes += static_cast<double>(r.boxes_counted.value_or(0));
    for (const auto& [c, n] : r.votes) all_votes += static_cast<double>(n);
  }
  // No contestant's votes add up past 2^53 unless all of them together do (then each is summed).
  std::vector<double> votes;
  if (all_votes > kMax) {
    votes.assign(static_cast<std::size_t>(std::max(0, race.contestant_count(feed_))), 0.0);
    for (const auto& [area, r] : sr.areas)
      for (const auto& [c, n] : r.votes)
        if (c >= 0 && static_cast<std::size_t>(c) < votes.size())
          votes[static_cast<std::size_t>(c)] += static_cast<double>(n);
  }
  std::string what = valid > kMax        ? "valid"
                     : cast > kMax       ? "cast"
                     : registered > kMax ? "registered_counted"
                     : boxes > kMax      ? "boxes_counted"
                                         : "";
  for (std::size_t c = 0; what.empty() && c < votes.size(); ++c)
    if (votes[c] > kMax) what = "the votes for " + feed_.contestant_id(race, static_cast<int>(c));
  if (!what.empty()) error(p, "the counts add up past 2^53 (" + what + "): no total can be exact");
}

Result Validator::result(const Value& v, const Path& p, const Race& race, int area) {
  // Its fields found in one pass over its members (a whole country has some 6,000 results; one
  // lookup each was eight passes), then checked in the order the contract lists them.
  const Value *boxes_counted_v = nullptr, *boxes_v = nullptr, *cast_v = nullptr, *registered_counted_v = nullptr,
              *valid_v = nullptr, *votes_v = nullptr, *shares_v = nullptr, *rp = nullptr;
  const std::pair<std::string_view, const Value**> fields[] = {
      {"votes", &votes_v},
      {"valid", &valid_v},
      {"cast", &cast_v},
      {"boxes_counted", &boxes_counted_v},
      {"registered_counted", &registered_counted_v},
      {"boxes", &boxes_v},
      {"shares", &shares_v},
      {"reporting_pct", &rp},
  };
  for (const auto& [key, value] : v.members())
    for (const auto& [name, field] : fields)
      if (key == name) {
        *field = &value;
        break;
      }
  const auto count = [&](const Value* field, const char* key) {
    return field ? count_of(*field, p / key) : std::nullopt;
  };
  Result r;
  r.boxes_counted = count(boxes_counted_v, "boxes_counted");
  r.boxes = count(boxes_v, "boxes");
  r.cast = count(cast_v, "cast");
  r.registered_counted = count(registered_counted_v, "registered_counted");
  r.valid = count(valid_v, "valid");
  if (votes_v) r.votes = vote_map(*votes_v, p / "votes", contestants(), contestant_kind(race));
  if (shares_v) r.shares = share_map(*shares_v, p / "shares", race);
  if (rp) {
    if (!rp->is_number() || rp->number() < 0 || rp->number() > 100)
      error(p / "reporting_pct", "expected a percentage from 0 to 100, got " + json::describe(*rp));
    else
      r.reporting_pct = rp->number();
  }
  const std::optional<Count> boxes = r.boxes ? r.boxes
                                     : area < static_cast<int>(area_boxes_.size())
                                         ? area_boxes_[static_cast<std::size_t>(area)]
                                         : std::nullopt;
  if (r.boxes_counted && boxes && *r.boxes_counted > *boxes)
    error(p / "boxes_counted", "more ballot boxes counted (" + std::to_string(*r.boxes_counted) + ") than the " +
                                   (r.boxes ? "race has there" : "area has") + " (" + std::to_string(*boxes) + ")");
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

void Validator::calls(const Value& v, const Path& p, Race& race) {
  if (!v.is_array()) return error(p, "expected an array, got " + json::describe(v));
  for (std::size_t i = 0; i < v.items().size(); ++i) {
    const Path cp = p[i];
    const Value* c = object_at(&v.items()[i], cp);
    if (!c) continue;
    Call call;
    if (const Value* s = req(*c, cp, "source")) call.source = ref(*s, cp / "source", sources_v_, "source");
    if (const Value* a = req(*c, cp, "area")) call.area = ref(*a, cp / "area", areas_v_, "area");
    if (const Value* w = req(*c, cp, "winner"))
      call.winner = ref(*w, cp / "winner", contestants(), contestant_kind(race));
    if (auto t = req_time(*c, cp, "at")) call.at = *t;
    if (call.source >= 0 && call.area >= 0 && call.winner >= 0) race.calls.push_back(call);
  }
}

bool Validator::history(const Value& v, const Path& p, Race& race) {
  RaceWork& w = rw_;
  for (; w.k < v.members().size(); ++w.k, w.j = 0, w.open = false) {
    const auto& [source_id, points] = v.members()[w.k];
    const Path sp = p / source_id;
    std::vector<HistoryPoint>& out = w.points;
    if (!w.open) {
      if (pause()) return false;
      w.source = find_view(sources_v_, source_id);
      if (w.source < 0) {
        error(sp, "unknown source \"" + json::clip(source_id) + "\"");
        continue;
      }
      if (!points.is_array()) {
        error(sp, "expected an array, got " + json::describe(points));
        continue;
      }
      out.clear();
      w.open = true;
    }
    for (; w.j < points.items().size(); ++w.j) {
      if (pause()) return false;
      const Path hp = sp[w.j];
      const Value* h = object_at(&points.items()[w.j], hp);
      if (!h) continue;
      HistoryPoint pt;
      auto at = req_time(*h, hp, "at");
      pt.boxes_counted = opt_count(*h, hp, "boxes_counted");
      pt.valid = opt_count(*h, hp, "valid");
      if (const Value* votes = opt(*h, "votes"))
        pt.votes = vote_map(*votes, hp / "votes", contestants(), contestant_kind(race));
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
    race.history.emplace_back(w.source, std::move(out));
  }
  return true;
}

}  // namespace sandik::validation
