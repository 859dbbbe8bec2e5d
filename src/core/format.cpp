#include "format.h"

#include <cmath>
#include <cstdio>

#include "decimal.h"
#include "time.h"

namespace sandik {

Lang lang_from_code(std::string_view code) {
  return code.size() >= 2 && (code[0] == 'e' || code[0] == 'E') && (code[1] == 'n' || code[1] == 'N') ? Lang::En
                                                                                                      : Lang::Tr;
}

const char* lang_code(Lang lang) { return lang == Lang::En ? "en" : "tr"; }

std::string two_digits(int v) { return (v < 10 && v >= 0 ? "0" : "") + std::to_string(v); }

std::string counted(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

namespace {
// "1234567" -> "1.234.567" (Turkish) or "1,234,567".
std::string grouped(const std::string& digits, Lang lang) {
  const char sep = lang == Lang::Tr ? '.' : ',';
  std::string out;
  const std::size_t len = digits.size();
  for (std::size_t i = 0; i < len; ++i) {
    if (i > 0 && (len - i) % 3 == 0) out += sep;
    out += digits[i];
  }
  return out;
}
}  // namespace

std::string format_count(Count n, Lang lang) {
  const bool negative = n < 0;
  const std::uint64_t magnitude = negative ? static_cast<std::uint64_t>(-(n + 1)) + 1 : static_cast<std::uint64_t>(n);
  const std::string out = grouped(std::to_string(magnitude), lang);
  return negative ? "-" + out : out;
}

std::string format_decimal(double value, Lang lang, int decimals) {
  if (!std::isfinite(value)) return "–";
  std::string s = decimal::fixed(value, decimals);
  if (s == "-0.00" || s == "-0.0" || s == "-0") s = s.substr(1);
  const std::size_t dot = s.find('.');
  const std::string int_part = s.substr(0, dot);
  const bool negative = !int_part.empty() && int_part[0] == '-';
  std::string out = grouped(negative ? int_part.substr(1) : int_part, lang);
  if (negative) out = "-" + out;
  if (dot != std::string::npos) out += (lang == Lang::Tr ? ',' : '.') + s.substr(dot + 1);
  return out;
}

std::string format_percent(double value, Lang lang, int decimals) {
  const std::string num = format_decimal(value, lang, decimals);
  return lang == Lang::Tr ? "%" + num : num + "%";
}

std::string format_clock(std::int64_t epoch, int offset_min, Lang lang) {
  const Civil c = to_civil(epoch, offset_min);
  if (lang == Lang::Tr) return two_digits(c.hour) + "." + two_digits(c.minute);
  const int h12 = c.hour % 12 == 0 ? 12 : c.hour % 12;
  return std::to_string(h12) + ":" + two_digits(c.minute) + (c.hour < 12 ? " AM" : " PM");
}

int display_offset(const Feed& feed, const Time& t) {
  if (auto z = zone_offset_min(feed.election.timezone, t.epoch)) return *z;
  return t.offset_min;
}

bool parse_hex_color(std::string_view s, std::uint32_t& out) {
  if (s.size() != 7 || s[0] != '#') return false;
  std::uint32_t v = 0;
  for (std::size_t i = 1; i < 7; ++i) {
    const char c = s[i];
    int d = -1;
    if (c >= '0' && c <= '9')
      d = c - '0';
    else if (c >= 'a' && c <= 'f')
      d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
      d = c - 'A' + 10;
    if (d < 0) return false;
    v = v * 16 + static_cast<std::uint32_t>(d);
  }
  out = v;
  return true;
}

}  // namespace sandik
