// sandik adapters — a feed (or an election description) read into a Builder, member by member,
// so that an import adds to it and loses nothing: what the builder does not model is kept as
// JSON text (Extras) and written back where it was. Wrong types are errors at their path.
#include <initializer_list>

#include "../core/time.h"
#include "builder.h"
#include "payload.h"

namespace sandik::adapters {
namespace {

bool known(std::string_view key, std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys)
    if (k == key) return true;
  return false;
}

Extras extras_of(const Value& obj, std::initializer_list<std::string_view> modelled) {
  Extras out;
  for (const auto& m : obj.members())
    if (!known(m.key, modelled)) out.emplace_back(std::string(m.key), json::text(m.value));
  return out;
}

std::vector<std::pair<std::string, std::string>> title_of(Reader& in, const Value& obj, const Path& at) {
  const Value* t = in.get(obj, at, "title", false);
  if (!t) return {};
  if (t->is_string()) return {{"", std::string(t->str())}};
  const Path tp = at / "title";
  if (!t->is_object()) {
    in.error(tp, "expected a string or an object of texts by language, got " + json::describe(*t), "type");
    return {};
  }
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& m : t->members()) out.emplace_back(std::string(m.key), in.text(*t, tp, m.key, true));
  return out;
}

std::vector<std::pair<std::string, Count>> votes_of(Reader& in, const Value& votes, const Path& at) {
  std::vector<std::pair<std::string, Count>> out;
  for (const auto& m : votes.members())
    if (const auto n = in.count(votes, at, m.key, true)) out.emplace_back(std::string(m.key), *n);
  return out;
}

ResultB result_of(Reader& in, const Value& v, const Path& at, std::initializer_list<std::string_view> also) {
  ResultB r;
  r.boxes_counted = in.count(v, at, "boxes_counted", false);
  r.boxes = in.count(v, at, "boxes", false);
  r.cast = in.count(v, at, "cast", false);
  r.registered_counted = in.count(v, at, "registered_counted", false);
  r.valid = in.count(v, at, "valid", false);
  if (const Value* votes = in.object(v, at, "votes", false)) {
    const Path vp = at / "votes";
    r.votes = votes_of(in, *votes, vp);
  }
  if (const Value* shares = in.object(v, at, "shares", false)) {
    const Path sp = at / "shares";
    for (const auto& m : shares->members()) {
      if (m.value.is_number()) {
        r.shares.emplace_back(std::string(m.key), m.value.number());
      } else {
        const Path p = sp / m.key;
        in.error(p, "expected a percentage, got " + json::describe(m.value), "type");
      }
    }
  }
  for (const auto& m : v.members())
    if (!known(m.key, {"boxes_counted", "boxes", "cast", "registered_counted", "valid", "votes", "shares"}) &&
        !known(m.key, also))
      r.extras.emplace_back(std::string(m.key), json::text(m.value));
  return r;
}

std::int64_t epoch_of(const std::string& text) {
  const auto t = parse_rfc3339(text);
  return t ? t->epoch : 0;
}

void load_race(Reader& in, const Value& rv, const Path& rp, RaceB& race) {
  race.id = in.text(rv, rp, "id", false);
  race.title = title_of(in, rv, rp);
  race.area = in.text(rv, rp, "area", false);
  race.candidate = in.text(rv, rp, "kind", false) != "party";
  race.office = in.text(rv, rp, "office", false);
  in.each_object(rv, rp, "candidates", false, [&](const Value& cv, const Path& cp) {
    race.add_candidate({in.text(cv, cp, "id", true), in.text(cv, cp, "name", true), in.text(cv, cp, "party", true),
                        extras_of(cv, {"id", "name", "party"})});
  });
  if (const Value* prev = in.object(rv, rp, "previous", false)) {
    const Path pp = rp / "previous";
    race.previous_label = in.text(*prev, pp, "label", false);
    race.previous_extras = extras_of(*prev, {"label", "areas"});
    if (const Value* areas = in.object(*prev, pp, "areas", false)) {
      const Path ap = pp / "areas";
      for (const auto& m : areas->members()) {
        const Path e = ap / m.key;
        if (!in.object_item(m.value, e)) continue;
        PreviousB entry{std::string(m.key), in.text(m.value, e, "winner", true), std::nullopt,
                        in.count(m.value, e, "valid", false), extras_of(m.value, {"winner", "votes", "valid"})};
        if (const Value* votes = in.object(m.value, e, "votes", false)) {
          const Path vp = e / "votes";
          entry.votes = votes_of(in, *votes, vp);
        }
        race.previous.push_back(std::move(entry));
      }
    }
  }
  if (const Value* results = in.object(rv, rp, "results", false)) {
    const Path resp = rp / "results";
    for (const auto& m : results->members()) {
      const Path sp = resp / m.key;
      if (!in.object_item(m.value, sp)) continue;
      Snapshot snap;
      snap.at = in.text(m.value, sp, "updated", false);
      snap.epoch = epoch_of(snap.at);
      snap.extras = extras_of(m.value, {"updated", "areas"});
      if (const Value* areas = in.object(m.value, sp, "areas", false)) {
        const Path ap = sp / "areas";
        for (const auto& a : areas->members()) {
          const Path p = ap / a.key;
          if (in.object_item(a.value, p)) snap.areas.emplace_back(std::string(a.key), result_of(in, a.value, p, {}));
        }
      }
      race.results(std::string(m.key)).push_back(std::move(snap));
    }
  }
  in.each_object(rv, rp, "calls", false, [&](const Value& cv, const Path& cp) {
    race.calls.push_back({in.text(cv, cp, "source", true), in.text(cv, cp, "area", true),
                          in.text(cv, cp, "winner", true), in.text(cv, cp, "at", true),
                          extras_of(cv, {"source", "area", "winner", "at"})});
  });
  if (const Value* history = in.object(rv, rp, "history", false)) {
    const Path hp = rp / "history";
    for (const auto& m : history->members()) {
      const Path sp = hp / m.key;
      if (!m.value.is_array()) {
        in.error(sp, "expected an array, got " + json::describe(m.value), "type");
        continue;
      }
      std::vector<PointB>& points = race.points(std::string(m.key));
      for (std::size_t i = 0; i < m.value.items().size(); ++i) {
        const Path p = sp[i];
        const Value& pv = m.value.items()[i];
        if (!in.object_item(pv, p)) continue;
        PointB point;
        point.at = in.text(pv, p, "at", true);
        point.epoch = epoch_of(point.at);
        point.result = result_of(in, pv, p, {"at"});
        points.push_back(std::move(point));
      }
    }
  }
  race.extras =
      extras_of(rv, {"id", "title", "kind", "office", "area", "candidates", "previous", "results", "calls", "history"});
}

}  // namespace

void Builder::load(Reader& in, const Value& root) {
  const Path top;
  if (!root.is_object()) return in.error(top, "expected a JSON object, got " + json::describe(root), "type");
  const std::string format = in.text(root, top, "format", false);
  if (!format.empty() && format != "sandik/1") {
    const Path p = top / "format";
    return in.error(p, "this is " + json::quote(json::clip(format)) + ", not \"sandik/1\"", "format");
  }
  updated_text = in.text(root, top, "updated", false);
  updated_epoch = epoch_of(updated_text);
  status = in.text(root, top, "status", false);
  extras = extras_of(root, {"format", "updated", "status", "election", "sources", "parties", "areas", "races"});
  if (const Value* e = in.object(root, top, "election", false)) {
    const Path ep = top / "election";
    election_id = in.text(*e, ep, "id", false);
    title = title_of(in, *e, ep);
    date = in.text(*e, ep, "date", false);
    timezone = in.text(*e, ep, "timezone", false);
    election_extras = extras_of(*e, {"id", "title", "date", "timezone"});
  }
  in.each_object(root, top, "sources", false, [&](const Value& sv, const Path& sp) {
    sources_.push_back({in.text(sv, sp, "id", true), in.text(sv, sp, "name", true), in.text(sv, sp, "kind", false),
                        extras_of(sv, {"id", "name", "kind"})});
  });
  in.each_object(root, top, "parties", false, [&](const Value& pv, const Path& pp) {
    std::vector<std::string> aliases;
    const json::Span<Value> list = in.array(pv, pp, "aliases", false);
    const Path aliases_at = pp / "aliases";
    for (std::size_t k = 0; k < list.size(); ++k) {
      if (list[k].is_string()) {
        aliases.emplace_back(list[k].str());
      } else {
        const Path ap = aliases_at[k];
        in.error(ap, "expected a string, got " + json::describe(list[k]), "type");
      }
    }
    add_base_party(in.text(pv, pp, "id", true), in.text(pv, pp, "name", true), in.text(pv, pp, "short", false),
                   in.color(pv, pp, "color"), aliases);
    PartyB& p = parties_.back();
    p.kept = true;
    p.aliases = std::move(aliases);
    p.extras = extras_of(pv, {"id", "name", "short", "color", "aliases"});
  });
  in.each_object(root, top, "areas", false, [&](const Value& av, const Path& ap) {
    add_area({in.text(av, ap, "id", true), in.text(av, ap, "name", true), in.text(av, ap, "parent", false),
              in.text(av, ap, "level", false), in.count(av, ap, "boxes", false), in.count(av, ap, "registered", false),
              extras_of(av, {"id", "name", "parent", "level", "boxes", "registered", "code"}),
              in.code(av, ap, "code", false)});
  });
  in.each_object(root, top, "races", false, [&](const Value& rv, const Path& rp) {
    races_.emplace_back();
    load_race(in, rv, rp, races_.back());
  });
}

void load(Builder& b, std::string_view text, const std::string& file, Problems& problems) {
  const AgencyFile source{AgencyFormat::Anka, text, file, ""};
  Reader in(source, problems);
  json::Limits limits;
  limits.max_bytes = 512u << 20;
  const json::Document doc = json::parse(text, limits);
  if (!doc.ok()) {
    problems.push_back({Severity::Error, doc.error_path, doc.error, file, "syntax"});
    return;
  }
  b.load(in, *doc.root);
}

}  // namespace sandik::adapters
