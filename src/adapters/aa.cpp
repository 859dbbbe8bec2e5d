// sandik adapters — AA: result-short.json, the whole country (BolgeSonuc[], x, b[]).
#include <algorithm>

#include "../core/format.h"
#include "../core/order.h"
#include "../core/time.h"
#include "../core/turkish.h"
#include "payload.h"

namespace sandik::adapters {
namespace {

// ---- AA: result-short.json, the whole country ----------------------------------------------------
// One race's figures (`s`: boxes, cast, registered, valid; `c`: votes) for one area. `boxes` are
// the race's own there (a province's mayor covers the provincial municipality only): the feed
// keeps them on the result where they differ from the area's.
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
    r.boxes = boxes;
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
  in.add_result(Builder::snapshot(race, "AA", m.epoch, m.text), area, std::move(r), at);
}

// An area's boxes and registered voters, from a race's `s` (n, e).
struct Size {
  std::optional<Count> boxes, registered;
};
Size aa_size(Reader& in, const Value* race_v, const Path& at) {
  const Value* s = race_v ? in.object(*race_v, at, "s", false) : nullptr;
  if (!s) return {};
  const Path s_at = at / "s";
  return {in.count(*s, s_at, "n", false), in.count(*s, s_at, "e", false)};
}

// A district (`b[]`) or belde (`b[].b[]`) of AA's: its area under `parent` (by its code, else its
// name), sized by its mayor's race `x`; nothing for an entry that is not an object or has no name.
struct Place {
  std::string area;
  const Value* x = nullptr;  // its mayor's race, if given (at `x_at`)
  Path x_at;
  std::optional<Count> boxes;
};
std::optional<Place> aa_place(Builder& b, Reader& in, const Value& v, const Path& at, const std::string& parent,
                              const char* level) {
  if (!in.object_item(v, at)) return std::nullopt;
  const std::string name = proper(in.text(v, at, "a", true));
  if (name.empty()) return std::nullopt;
  Place out;
  out.x = in.object(v, at, "x", false);
  out.x_at = at / "x";
  const Size size = aa_size(in, out.x, out.x_at);
  out.boxes = size.boxes;
  out.area = b.area(name, parent, level, size.boxes, size.registered, "", in.code(v, at, "k", false));
  return out;
}

// The whole country's own figures (`GenelSonuc`): the national council vote is AA's total, not
// a sum of this file's council fields (which leave some municipal councils out).
void aa_country(Builder& b, Reader& in, const Value& root, const Moment& m) {
  const std::string country = b.area("Türkiye", "", "country", std::nullopt, std::nullopt, "turkiye");
  const Value* general = in.object(root, {}, "GenelSonuc", false);
  const Path g_at = Path() / "GenelSonuc";
  const Value* votes = general ? in.object(*general, g_at, "OyDagilimi", false) : nullptr;
  if (!votes) return;
  const Path v_at = g_at / "OyDagilimi";
  RaceB& race = b.race("turkiye-meclis", "Türkiye geneli meclis oyları", "Council vote, all of Türkiye", country, false,
                       "council");
  aa_race(b, in, *votes, v_at, race, country, m, aa_size(in, votes, v_at).boxes);
}

}  // namespace

bool convert_aa(Builder& b, Reader& in, const Value& root, const Moment& m, const std::string& only, AaProgress& at,
                Budget& budget) {
  const Path top;
  if (!root.is_object())
    return in.error(top, "expected AA's result-short.json (a JSON object), got " + json::describe(root)), true;
  const bool first = !at.started;
  const json::Span<Value> provinces = in.array(root, top, "BolgeSonuc", first);
  if (first && in.failed()) return true;  // (later, a province's problems stop no other province)
  if (first) {
    b.source("AA", "Anadolu Ajansı", "agency");
    if (only.empty() && provinces.size() > 1) aa_country(b, in, root, m);
  }
  at.started = true;
  const Path provinces_at = top / "BolgeSonuc";
  std::size_t& kept = at.kept;
  for (const std::size_t from = at.province; at.province < provinces.size(); ++at.province) {
    const std::size_t i = at.province;
    if (i > from && (budget.spent(), budget.expired())) return false;  // (a province at least each slice)
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
    const Value* pm = in.object(pv, p, "m", false);
    const Path pm_at = p / "m";
    const bool metro = in.text(pv, p, "z", false) == "BB";
    // A metropolitan mayor is the whole province's; any other province's mayor the provincial
    // municipality's, and its İl Genel Meclisi (`m`) the whole province's.
    const Size mayor_size = aa_size(in, x, x_at), whole = metro ? mayor_size : aa_size(in, pm, pm_at);
    const std::string prov = b.area(prov_name, "", "city", whole.boxes, whole.registered, "", plate);
    const Titles t = titles(prov_name);
    if (x) {
      RaceB& mayor = metro ? b.race(prov + "-buyuksehir", t.metro_tr, t.metro_en, prov, true, "metropolitan")
                           : b.race(prov + "-il", t.il_tr, t.il_en, prov, true, "province");
      aa_race(b, in, *x, x_at, mayor, prov, m, mayor_size.boxes);
    }
    if (pm && !metro && pm->find("c")) {
      RaceB& igm = b.race(prov + "-il-meclis", t.igm_tr, t.igm_en, prov, false, "council");
      aa_race(b, in, *pm, pm_at, igm, prov, m, whole.boxes);
    }
    RaceB& ilce = b.race(prov + "-ilce", t.ilce_tr, t.ilce_en, prov, false, "district");
    RaceB& meclis = b.race(prov + "-meclis", t.meclis_tr, t.meclis_en, prov, false, "council");
    RaceB* belde = nullptr;
    const json::Span<Value> districts = in.array(pv, p, "b", false);
    const Path districts_at = p / "b";
    for (std::size_t j = 0; j < districts.size(); ++j) {
      const Path d = districts_at[j];
      const Value& dv = districts[j];
      const std::optional<Place> district = aa_place(b, in, dv, d, prov, "district");
      if (!district) continue;
      if (district->x) aa_race(b, in, *district->x, district->x_at, ilce, district->area, m, district->boxes);
      if (const Value* dm = in.object(dv, d, "m", false)) {
        const Path dm_at = d / "m";
        if (dm->find("c")) aa_race(b, in, *dm, dm_at, meclis, district->area, m, aa_size(in, dm, dm_at).boxes);
      }
      // Its beldes (`z: "BL"`): towns with a mayor of their own.
      const json::Span<Value> towns = in.array(dv, d, "b", false);
      const Path towns_at = d / "b";
      for (std::size_t k = 0; k < towns.size(); ++k) {
        const Path tp = towns_at[k];
        const std::optional<Place> town = aa_place(b, in, towns[k], tp, district->area, "belde");
        if (!town || !town->x) continue;
        if (!belde) belde = &b.race(prov + "-belde", t.belde_tr, t.belde_en, prov, false, "belde");
        aa_race(b, in, *town->x, town->x_at, *belde, town->area, m, town->boxes);
      }
    }
  }
  if (!only.empty() && kept == 0) {
    in.error(provinces_at, "no province " + json::quote(only) + " in this file");
  }
  return true;
}

}  // namespace sandik::adapters
