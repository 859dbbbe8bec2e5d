#include "builder.h"

#include "../core/format.h"
#include "../core/order.h"
#include "../core/time.h"
#include "../core/turkish.h"

namespace sandik::adapters {
namespace {

// JSON text, member by member: the writer puts the commas (one small function per kind of
// value, so the wasm carries the feed's shape once, not a string expression per member).
class Writer {
 public:
  std::string out;

  Writer& key(std::string_view k) {
    sep();
    out += json::quote(k);
    out += ':';
    after_key_ = true;
    return *this;
  }
  Writer& str(std::string_view v) {
    sep();
    out += json::quote(v);
    return *this;
  }
  Writer& raw(std::string_view json_text) {
    sep();
    out += json_text;
    return *this;
  }
  Writer& count(Count n) { return raw(std::to_string(n)); }
  Writer& open(char c) {
    sep();
    out += c;
    first_ = true;
    return *this;
  }
  Writer& close(char c) {
    out += c;
    first_ = false;
    return *this;
  }
  Writer& text(const char* k, std::string_view v) { return key(k).str(v); }
  Writer& count(const char* k, const std::optional<Count>& v) { return v ? key(k).count(*v) : *this; }
  Writer& votes(const char* k, const std::vector<std::pair<std::string, Count>>& votes) {
    key(k).open('{');
    for (const auto& [id, n] : votes) key(id).count(n);
    return close('}');
  }
  Writer& extras(const Extras& members) {
    for (const auto& [k, v] : members) key(k).raw(v);
    return *this;
  }
  Writer& title(const std::vector<std::pair<std::string, std::string>>& by_lang) {
    key("title");
    if (by_lang.size() == 1 && by_lang[0].first.empty()) return str(by_lang[0].second);
    open('{');
    for (const auto& [lang, t] : by_lang) key(lang).str(t);
    return close('}');
  }
  // A RESULT's members: counts, votes (unless it has only shares), shares. The race's own boxes
  // only where they differ from the area's (`area_boxes`).
  Writer& result(const ResultB& r, std::optional<Count> area_boxes = std::nullopt) {
    count("boxes_counted", r.boxes_counted).count("boxes", r.boxes == area_boxes ? std::nullopt : r.boxes);
    count("cast", r.cast);
    count("registered_counted", r.registered_counted).count("valid", r.valid);
    if (!r.votes.empty() || r.shares.empty()) votes("votes", r.votes);
    if (!r.shares.empty()) {
      key("shares").open('{');
      for (const auto& [id, pct] : r.shares) key(id).raw(json::number_text(pct));
      close('}');
    }
    return extras(r.extras);
  }

 private:
  void sep() {
    if (after_key_)
      after_key_ = false;
    else if (!first_)
      out += ',';
    first_ = false;
  }
  bool first_ = true, after_key_ = false;
};

}  // namespace

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

std::string Builder::write() const {
  Writer w;
  w.open('{').text("format", "sandik/1").text("updated", updated_text).text("status", status.empty() ? "live" : status);
  w.key("election").open('{').text("id", election_id).title(title).text("date", date).text("timezone", timezone);
  w.extras(election_extras).close('}');
  w.key("sources").open('[');
  for (const SourceB& s : sources_) {
    w.open('{').text("id", s.id).text("name", s.name);
    if (!s.kind.empty()) w.text("kind", s.kind);
    w.extras(s.extras).close('}');
  }
  w.close(']').key("parties").open('[');
  std::size_t palette = 0;
  for (const PartyB& p : parties_) {
    if (!p.used && !p.kept) continue;
    const std::uint32_t color = p.has_color ? p.color : kPalette[palette++ % (sizeof kPalette / sizeof kPalette[0])];
    w.open('{').text("id", p.id).text("name", p.name).text("short", p.short_name).text("color", hex_color(color));
    if (p.kept && !p.aliases.empty()) {
      w.key("aliases").open('[');
      for (const std::string& alias : p.aliases) w.str(alias);
      w.close(']');
    }
    w.extras(p.extras).close('}');
  }
  w.close(']').key("areas").open('[');
  for (const AreaB& a : areas_) {
    w.open('{').text("id", a.id).text("name", a.name).key("parent");
    a.parent.empty() ? w.raw("null") : w.str(a.parent);
    if (!a.level.empty()) w.text("level", a.level);
    if (!a.code.empty()) w.text("code", a.code);
    w.count("boxes", a.boxes).count("registered", a.registered).extras(a.extras).close('}');
  }
  w.close(']').key("races").open('[');
  std::map<std::string, std::optional<Count>> area_boxes;
  for (const AreaB& a : areas_) area_boxes.emplace(a.id, a.boxes);
  for (const RaceB& race : races_) {
    w.open('{').text("id", race.id).title(race.title).text("kind", race.candidate ? "candidate" : "party");
    w.text("area", race.area);
    if (!race.office.empty()) w.text("office", race.office);
    if (race.candidate) {
      w.key("candidates").open('[');
      for (const CandidateB& c : race.candidates)
        w.open('{').text("id", c.id).text("name", c.name).text("party", c.party).extras(c.extras).close('}');
      w.close(']');
    }
    w.extras(race.extras);
    if (!race.previous.empty() || !race.previous_label.empty()) {
      w.key("previous").open('{').text("label", race.previous_label).extras(race.previous_extras);
      w.key("areas").open('{');
      for (const PreviousB& e : race.previous) {
        w.key(e.area).open('{').text("winner", e.winner);
        if (e.votes) w.votes("votes", *e.votes);
        w.count("valid", e.valid).extras(e.extras).close('}');
      }
      w.close('}').close('}');
    }
    // Each source's history: the points given as such, then its earlier snapshots' root areas.
    std::vector<std::pair<std::string, Writer>> history;  // source -> its points
    auto points_of = [&history](const std::string& source) -> Writer& {
      for (auto& entry : history)
        if (entry.first == source) return entry.second;
      history.emplace_back(source, Writer{});
      return history.back().second;
    };
    for (const auto& [source, list] : race.history)
      for (const PointB& pt : list) points_of(source).open('{').text("at", pt.at).result(pt.result).close('}');
    w.key("results").open('{');
    for (const auto& [source, snapshots] : race.by_source) {
      if (snapshots.empty()) continue;
      std::vector<const Snapshot*> snaps;
      for (const Snapshot& snap : snapshots) snaps.push_back(&snap);
      sandik::stable_sort(snaps, [](const Snapshot* a, const Snapshot* b) { return a->epoch < b->epoch; });
      const Snapshot& last = *snaps.back();
      w.key(source).open('{').text("updated", last.at).extras(last.extras).key("areas").open('{');
      for (const auto& [area_id, res] : last.areas) {
        const auto it = area_boxes.find(area_id);
        w.key(area_id).open('{').result(res, it == area_boxes.end() ? std::nullopt : it->second).close('}');
      }
      w.close('}').close('}');
      // Earlier files of this source: the root area's numbers become the history of the night.
      for (std::size_t k = 0; k + 1 < snaps.size(); ++k)
        for (const auto& [area_id, res] : snaps[k]->areas) {
          if (area_id != race.area) continue;
          ResultB root;
          root.boxes_counted = res.boxes_counted;
          root.valid = res.valid;
          root.votes = res.votes;
          points_of(source).open('{').text("at", snaps[k]->at).result(root).close('}');
        }
    }
    w.close('}');
    if (!race.calls.empty()) {
      w.key("calls").open('[');
      for (const CallB& c : race.calls)
        w.open('{')
            .text("source", c.source)
            .text("area", c.area)
            .text("winner", c.winner)
            .text("at", c.at)
            .extras(c.extras)
            .close('}');
      w.close(']');
    }
    bool any = false;
    for (const auto& [source, points] : history) {
      if (points.out.empty()) continue;
      if (!any) w.key("history").open('{');
      any = true;
      w.key(source).open('[').raw(points.out).close(']');
    }
    if (any) w.close('}');
    w.close('}');
  }
  w.close(']').extras(extras).close('}');
  return w.out + "\n";
}

}  // namespace sandik::adapters
