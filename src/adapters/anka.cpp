// sandik adapters — ANKA: one province file (Il, Ilce[], BelediyeBaskanligi, 2019SecimSonucu).
#include <algorithm>

#include "../core/format.h"
#include "../core/order.h"
#include "../core/time.h"
#include "../core/turkish.h"
#include "payload.h"

namespace sandik::adapters {
namespace {

// ---- ANKA: one province file --------------------------------------------------------------------
void anka_list(Builder& b, Reader& in, const Value& owner, const Path& at, std::string_view key, RaceB& race,
               const std::string& area, const Value* sandik, const Path& sandik_at, std::string_view valid_key,
               const Moment& m, std::optional<Count> boxes, bool with_cast = true, bool checked = true) {
  const json::Span<Value> list = in.array(owner, at, key, false);
  if (list.empty()) return;
  const Path list_at = at / key;
  ResultB r;
  if (sandik) {
    r.boxes_counted = in.count(*sandik, sandik_at, "AcilanSandik", false);
    if (with_cast) r.cast = in.count(*sandik, sandik_at, "KullanilanOy", false);
    r.registered_counted = in.count(*sandik, sandik_at, "AcilanSandikSecmenSayisi", false);
    r.valid = in.count(*sandik, sandik_at, valid_key, false);
    r.boxes = boxes;
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
  if (sandik && checked) in.check(r, sandik_at, "AcilanSandik", boxes, "ToplamSandik", valid_key, "KullanilanOy");
  in.add_result(Builder::snapshot(race, "ANKA", m.epoch, m.text), area, std::move(r), at);
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
  for (PreviousB& e : race.previous)
    if (e.area == area) return void(e.winner = party);
  race.previous.push_back({area, party, std::nullopt, std::nullopt, {}});
}

}  // namespace

void convert_anka(Builder& b, Reader& in, const Value& root, const Moment& m) {
  const Path top;
  if (!root.is_object())
    return in.error(top, "expected an ANKA province file (a JSON object), got " + json::describe(root));
  const std::string prov_name = proper(in.text(root, top, "Ad", true));
  const Value* sandik = in.object(root, top, "Sandik", true);
  if (in.failed()) return;
  const Path sandik_at = top / "Sandik";
  b.source("ANKA", "ANKA Haber Ajansı", "agency");
  const std::optional<Count> boxes = in.count(*sandik, sandik_at, "ToplamSandik", false);
  const std::optional<Count> registered = in.count(*sandik, sandik_at, "ToplamSecmen", false);
  // (ANKA's sizes are the whole area's: they stand over AA's, which may be a municipality's)
  const std::string prov = b.area(prov_name, "", "city", boxes, registered, "", in.code(root, top, "Kod", false), true);
  const Titles t = titles(prov_name);
  RaceB* metro = nullptr;
  if (root.find("BuyuksehirBelediyeBaskanligi")) {
    metro = &b.race(prov + "-buyuksehir", t.metro_tr, t.metro_en, prov, true, "metropolitan");
    anka_list(b, in, root, top, "BuyuksehirBelediyeBaskanligi", *metro, prov, sandik, sandik_at,
              "BuyuksehirBelediyeBaskanligiGecerliOy", m, boxes);
    anka_previous(b, in, root, top, *metro, prov, "Kod");
  }
  RaceB* igm = nullptr;
  if (root.find("IlGenelMeclisi")) {
    igm = &b.race(prov + "-il-meclis", t.igm_tr, t.igm_en, prov, false, "council");
    anka_list(b, in, root, top, "IlGenelMeclisi", *igm, prov, sandik, sandik_at, "IlGenelMeclisiGecerliOy", m, boxes,
              false);
  }
  RaceB& ilce = b.race(prov + "-ilce", t.ilce_tr, t.ilce_en, prov, false, "district");
  RaceB& meclis = b.race(prov + "-meclis", t.meclis_tr, t.meclis_en, prov, false, "council");
  const json::Span<Value> districts = in.array(root, top, "Ilce", false);
  const Path districts_at = top / "Ilce";
  // `Ilce[]` holds districts (`Ilce: "E"`) and, after them, beldes (`"H"`), named "DISTRICT-BELDE".
  std::vector<std::pair<std::string, std::string>> district_of;  // ANKA name -> area id
  for (std::size_t i = 0; i < districts.size(); ++i) {
    const Path d = districts_at[i];
    const Value& v = districts[i];
    if (!in.object_item(v, d)) continue;
    std::string raw = in.text(v, d, "Ad", true);
    const Value* ds = in.object(v, d, "Sandik", false);
    if (raw.empty()) continue;
    const Path ds_at = d / "Sandik";
    const std::optional<Count> dboxes = ds ? in.count(*ds, ds_at, "ToplamSandik", false) : std::nullopt;
    const std::optional<Count> dregistered = ds ? in.count(*ds, ds_at, "ToplamSecmen", false) : std::nullopt;
    const std::string code = in.code(v, d, "Kod", false);
    std::string parent = prov;
    if (in.text(v, d, "Ilce", false) == "H") {
      for (const auto& [name, id] : district_of)
        if (raw.size() > name.size() + 1 && raw.compare(0, name.size(), name) == 0 && raw[name.size()] == '-') {
          parent = id;
          raw = raw.substr(name.size() + 1);
          break;
        }
      if (parent == prov) {
        const Path ap = d / "Ad";
        in.warning(ap, "belde " + json::quote(raw) + " names no district of this file: left out", "belde");
        continue;
      }
      const std::string area = b.area(proper(raw), parent, "belde", dboxes, dregistered, "", code, true);
      RaceB& belde = b.race(prov + "-belde", t.belde_tr, t.belde_en, prov, false, "belde");
      anka_list(b, in, v, d, "BelediyeBaskanligi", belde, area, ds, ds_at, "IlceBelediyeBaskanligiGecerliOy", m,
                dboxes);
      if (igm)
        anka_list(b, in, v, d, "IlGenelMeclisi", *igm, area, ds, ds_at, "IlGenelMeclisiGecerliOy", m, dboxes, false);
      continue;
    }
    const std::string area = b.area(proper(raw), prov, "district", dboxes, dregistered, "", code, true);
    district_of.emplace_back(raw, area);
    if (metro)
      anka_list(b, in, v, d, "BuyuksehirBelediyeBaskanligi", *metro, area, ds, ds_at,
                "BuyuksehirBelediyeBaskanligiGecerliOy", m, dboxes);
    anka_list(b, in, v, d, "BelediyeBaskanligi", ilce, area, ds, ds_at, "IlceBelediyeBaskanligiGecerliOy", m, dboxes);
    anka_previous(b, in, v, d, ilce, area, "PartiKod");
    anka_list(b, in, v, d, "IlceMeclisi", meclis, area, ds, ds_at, "IlceBelediyeMeclisiGecerliOy", m, dboxes);
    if (igm)
      anka_list(b, in, v, d, "IlGenelMeclisi", *igm, area, ds, ds_at, "IlGenelMeclisiGecerliOy", m, dboxes, false);
    // Not metropolitan: the central district's mayor is the province's (AA's `x` of the province).
    if (!metro && turkish::fold(raw) == "merkez" && v.find("BelediyeBaskanligi")) {
      RaceB& mayor = b.race(prov + "-il", t.il_tr, t.il_en, prov, true, "province");
      anka_list(b, in, v, d, "BelediyeBaskanligi", mayor, prov, ds, ds_at, "IlceBelediyeBaskanligiGecerliOy", m, dboxes,
                true, false);  // (its problems are the district's, said once)
      anka_previous(b, in, root, top, mayor, prov, "Kod");
    }
  }
}

}  // namespace sandik::adapters
