#include "builder.h"

#include "../core/format.h"
#include "../core/order.h"
#include "../core/time.h"
#include "../core/turkish.h"

namespace sandik::adapters {
namespace {

void write_count(std::string& out, const char* key, const std::optional<Count>& v) {
  if (!v) return;
  out += ",\"";
  out += key;
  out += "\":" + std::to_string(*v);
}

void write_votes(std::string& out, const char* key, const std::vector<std::pair<std::string, Count>>& votes) {
  out += ",\"";
  out += key;
  out += "\":{";
  for (std::size_t i = 0; i < votes.size(); ++i) {
    if (i) out += ',';
    out += json::quote(votes[i].first) + ":" + std::to_string(votes[i].second);
  }
  out += '}';
}

void write_extras(std::string& out, const Extras& extras) {
  for (const auto& [key, text] : extras) out += "," + json::quote(key) + ":" + text;
}

void write_title(std::string& out, const std::vector<std::pair<std::string, std::string>>& title) {
  if (title.size() == 1 && title[0].first.empty()) {
    out += json::quote(title[0].second);
    return;
  }
  out += '{';
  for (std::size_t i = 0; i < title.size(); ++i)
    out += (i ? "," : "") + json::quote(title[i].first) + ":" + json::quote(title[i].second);
  out += '}';
}

// A RESULT's members, each after a comma: counts, votes (unless it has only shares), shares.
void write_result(std::string& out, const ResultB& r) {
  write_count(out, "boxes_counted", r.boxes_counted);
  write_count(out, "cast", r.cast);
  write_count(out, "registered_counted", r.registered_counted);
  write_count(out, "valid", r.valid);
  if (!r.votes.empty() || r.shares.empty()) write_votes(out, "votes", r.votes);
  if (!r.shares.empty()) {
    out += ",\"shares\":{";
    for (std::size_t i = 0; i < r.shares.size(); ++i)
      out += (i ? "," : "") + json::quote(r.shares[i].first) + ":" + json::number_text(r.shares[i].second);
    out += '}';
  }
  write_extras(out, r.extras);
}

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
  std::string o = "{\"format\":\"sandik/1\",\"updated\":" + json::quote(updated_text) +
                  ",\"status\":" + json::quote(status.empty() ? "live" : status) +
                  ",\"election\":{\"id\":" + json::quote(election_id) + ",\"title\":";
  write_title(o, title);
  o += ",\"date\":" + json::quote(date) + ",\"timezone\":" + json::quote(timezone);
  write_extras(o, election_extras);
  o += "},\"sources\":[";
  for (std::size_t i = 0; i < sources_.size(); ++i) {
    o += (i ? ",{\"id\":" : "{\"id\":") + json::quote(sources_[i].id) + ",\"name\":" + json::quote(sources_[i].name);
    write_extras(o, sources_[i].extras);
    o += '}';
  }
  o += "],\"parties\":[";
  std::size_t palette = 0;
  bool first = true;
  for (const PartyB& p : parties_) {
    if (!p.used && !p.kept) continue;
    const std::uint32_t color = p.has_color ? p.color : kPalette[palette++ % (sizeof kPalette / sizeof kPalette[0])];
    o += (first ? "{\"id\":" : ",{\"id\":") + json::quote(p.id) + ",\"name\":" + json::quote(p.name) +
         ",\"short\":" + json::quote(p.short_name) + ",\"color\":\"" + hex_color(color) + "\"";
    if (p.kept && !p.aliases.empty()) {
      o += ",\"aliases\":[";
      for (std::size_t i = 0; i < p.aliases.size(); ++i) o += (i ? "," : "") + json::quote(p.aliases[i]);
      o += ']';
    }
    write_extras(o, p.extras);
    o += '}';
    first = false;
  }
  o += "],\"areas\":[";
  for (std::size_t i = 0; i < areas_.size(); ++i) {
    const AreaB& a = areas_[i];
    o += (i ? ",{\"id\":" : "{\"id\":") + json::quote(a.id) + ",\"name\":" + json::quote(a.name) +
         ",\"parent\":" + (a.parent.empty() ? std::string("null") : json::quote(a.parent));
    if (!a.level.empty()) o += ",\"level\":" + json::quote(a.level);
    write_count(o, "boxes", a.boxes);
    write_count(o, "registered", a.registered);
    write_extras(o, a.extras);
    o += '}';
  }
  o += "],\"races\":[";
  for (std::size_t r = 0; r < races_.size(); ++r) {
    const RaceB& race = races_[r];
    o += (r ? ",{\"id\":" : "{\"id\":") + json::quote(race.id) + ",\"title\":";
    write_title(o, race.title);
    o += std::string(",\"kind\":") + (race.candidate ? "\"candidate\"" : "\"party\"") +
         ",\"area\":" + json::quote(race.area);
    if (race.candidate) {
      o += ",\"candidates\":[";
      for (std::size_t i = 0; i < race.candidates.size(); ++i) {
        o += (i ? ",{\"id\":" : "{\"id\":") + json::quote(race.candidates[i].id) +
             ",\"name\":" + json::quote(race.candidates[i].name) +
             ",\"party\":" + json::quote(race.candidates[i].party);
        write_extras(o, race.candidates[i].extras);
        o += '}';
      }
      o += ']';
    }
    write_extras(o, race.extras);
    if (!race.previous.empty() || !race.previous_label.empty()) {
      o += ",\"previous\":{\"label\":" + json::quote(race.previous_label);
      write_extras(o, race.previous_extras);
      o += ",\"areas\":{";
      for (std::size_t i = 0; i < race.previous.size(); ++i) {
        const PreviousB& e = race.previous[i];
        o += (i ? "," : "") + json::quote(e.area) + ":{\"winner\":" + json::quote(e.winner);
        if (e.votes) write_votes(o, "votes", *e.votes);
        write_count(o, "valid", e.valid);
        write_extras(o, e.extras);
        o += '}';
      }
      o += "}}";
    }
    o += ",\"results\":{";
    // Each source's history: the points given as such, then its earlier snapshots' root areas.
    std::vector<std::pair<std::string, std::string>> history;  // source -> points
    auto points_of = [&](const std::string& source) -> std::string& {
      for (auto& [id, text] : history)
        if (id == source) return text;
      history.push_back({source, {}});
      return history.back().second;
    };
    for (const auto& [source, list] : race.history) {
      std::string& points = points_of(source);
      for (const PointB& pt : list) {
        std::string fields = ",\"at\":" + json::quote(pt.at);
        write_result(fields, pt.result);
        points += (points.empty() ? "{" : ",{") + fields.substr(1) + "}";
      }
    }
    bool first_set = true;
    for (const auto& [source, snapshots] : race.by_source) {
      if (snapshots.empty()) continue;
      std::vector<const Snapshot*> snaps;
      for (const Snapshot& snap : snapshots) snaps.push_back(&snap);
      sandik::stable_sort(snaps, [](const Snapshot* a, const Snapshot* b) { return a->epoch < b->epoch; });
      const Snapshot& last = *snaps.back();
      o += (first_set ? "" : ",") + json::quote(source) + ":{\"updated\":" + json::quote(last.at);
      first_set = false;
      write_extras(o, last.extras);
      o += ",\"areas\":{";
      for (std::size_t i = 0; i < last.areas.size(); ++i) {
        std::string fields;
        write_result(fields, last.areas[i].second);
        o += (i ? "," : "") + json::quote(last.areas[i].first) + ":{" + (fields.empty() ? "" : fields.substr(1)) + "}";
      }
      o += "}}";
      // Earlier files of this source: the root area's numbers become the history of the night.
      for (std::size_t k = 0; k + 1 < snaps.size(); ++k) {
        for (const auto& [area_id, res] : snaps[k]->areas) {
          if (area_id != race.area) continue;
          std::string& points = points_of(source);
          ResultB root;
          root.boxes_counted = res.boxes_counted;
          root.valid = res.valid;
          root.votes = res.votes;
          std::string fields = ",\"at\":" + json::quote(snaps[k]->at);
          write_result(fields, root);
          points += (points.empty() ? "{" : ",{") + fields.substr(1) + "}";
        }
      }
    }
    o += '}';
    if (!race.calls.empty()) {
      o += ",\"calls\":[";
      for (std::size_t i = 0; i < race.calls.size(); ++i) {
        o += (i ? ",{\"source\":" : "{\"source\":") + json::quote(race.calls[i].source) +
             ",\"area\":" + json::quote(race.calls[i].area) + ",\"winner\":" + json::quote(race.calls[i].winner) +
             ",\"at\":" + json::quote(race.calls[i].at);
        write_extras(o, race.calls[i].extras);
        o += '}';
      }
      o += ']';
    }
    std::string histories;
    for (const auto& [source, points] : history)
      if (!points.empty()) histories += (histories.empty() ? "" : ",") + json::quote(source) + ":[" + points + "]";
    if (!histories.empty()) o += ",\"history\":{" + histories + "}";
    o += '}';
  }
  o += ']';
  write_extras(o, extras);
  o += "}\n";
  return o;
}

}  // namespace sandik::adapters
