// sandik core — numbers, percentages and clock times as readers of each language expect them.
//
//   count(4433015, Lang::Tr)   "4.433.015"      count(4433015, Lang::En)   "4,433,015"
//   percent(51.145, Lang::Tr)  "%51,15"         percent(51.145, Lang::En)  "51.15%"
//   decimal(11.56, Lang::Tr)   "11,56"          (points, without the % sign)
//   clock(t, 180, Lang::Tr)    "22.35"          clock(t, 180, Lang::En)    "10:35 PM"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "feed.h"

namespace sandik {

enum class Lang { Tr, En };
Lang lang_from_code(std::string_view code);  // "en…" -> En, anything else -> Tr
const char* lang_code(Lang lang);

std::string format_count(Count n, Lang lang);
std::string format_decimal(double value, Lang lang, int decimals = 2);
std::string format_percent(double value, Lang lang, int decimals = 2);
std::string format_clock(std::int64_t epoch, int offset_min, Lang lang);
// The offset to show feed times in: the election's zone where the core knows it, else the time's own.
int display_offset(const Feed& feed, const Time& t);

bool parse_hex_color(std::string_view s, std::uint32_t& out);  // "#RRGGBB" -> 0xRRGGBB
std::string two_digits(int v);                                  // 7 -> "07"
// The command line's and the validator's English counts: (1, "error") -> "1 error", (2, …) -> "2 errors".
std::string counted(std::size_t n, std::string_view noun);

}  // namespace sandik
