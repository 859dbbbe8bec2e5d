#include "payload.h"

#include "../core/format.h"
#include "../core/time.h"
#include "../core/turkish.h"

namespace sandik::adapters {

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

Titles titles(const std::string& prov) {
  return {prov + " Büyükşehir Belediye Başkanlığı",
          prov + " metropolitan mayor",
          prov + " Belediye Başkanlığı",
          prov + " mayor",
          prov + " ilçe belediye başkanlıkları",
          prov + " district mayors",
          prov + " ilçe belediye meclisleri",
          prov + " district councils",
          prov + " belde belediye başkanlıkları",
          prov + " town mayors",
          prov + " İl Genel Meclisi",
          prov + " provincial council"};
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

}  // namespace sandik::adapters
