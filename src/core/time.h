// sandik core — RFC 3339 instants and the clock of an election's time zone.
#pragma once

#include <optional>
#include <string_view>

#include "feed.h"

namespace sandik {

// "2024-03-31T22:35:00+03:00", "2024-04-02T08:27:41Z", fractional seconds allowed.
// Returns nullopt for anything else, including impossible dates (2024-02-30) and offsets > 18 h.
std::optional<Time> parse_rfc3339(std::string_view text);

// The UTC offset, in minutes, of an IANA zone at an instant, for the zones whose rules the
// core knows (Turkey, US Eastern for AP feeds, and UTC). nullopt for other zones: callers then show the offset
// the instant was written with.
std::optional<int> zone_offset_min(std::string_view iana_zone, std::int64_t epoch);

// Civil date-time of an instant at an offset.
struct Civil {
  int year, month, day, hour, minute, second;
};
Civil to_civil(std::int64_t epoch, int offset_min);

}  // namespace sandik
