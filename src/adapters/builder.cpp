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

void write_votes(std::string& out, const std::vector<std::pair<std::string, Count>>& votes) {
  out += ",\"votes\":{";
  for (std::size_t i = 0; i < votes.size(); ++i) {
    if (i) out += ',';
    out += json::quote(votes[i].first) + ":" + std::to_string(votes[i].second);
  }
  out += '}';
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

}  // namespace sandik::adapters
