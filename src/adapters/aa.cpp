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
  in.add_result(Builder::snapshot(race, "AA", m.epoch, m.text), area, std::move(r), at);
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
  if (first) b.source("AA", "Anadolu Ajansı", "agency");
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
  return true;
}

}  // namespace sandik::adapters
