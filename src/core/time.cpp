#include "time.h"

#include <cctype>

namespace sandik {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

bool digits(std::string_view s, std::size_t at, std::size_t n, int& out) {
  if (at + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

}  // namespace

std::optional<Time> parse_rfc3339(std::string_view s) {
  int y, mo, d, h, mi, se;
  if (!digits(s, 0, 4, y) || s.size() < 20 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !digits(s, 11, 2, h) ||
      s[13] != ':' || !digits(s, 14, 2, mi) || s[16] != ':' || !digits(s, 17, 2, se))
    return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || se > 60)
    return std::nullopt;
  std::size_t i = 19;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const std::size_t start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == start) return std::nullopt;
  }
  int offset = 0;
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    ++i;
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    int oh, om;
    if (!digits(s, i + 1, 2, oh) || i + 3 >= s.size() || s[i + 3] != ':' || !digits(s, i + 4, 2, om) ||
        oh > 18 || om > 59)
      return std::nullopt;
    offset = (oh * 60 + om) * (s[i] == '-' ? -1 : 1);
    i += 6;
  } else {
    return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  Time t;
  t.epoch = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 +
            mi * 60 + (se > 59 ? 59 : se) - offset * 60;
  t.offset_min = offset;
  t.text = std::string(s);
  return t;
}

namespace {
// The day of the week of a day counted from 1970-01-01 (a Thursday): 0 = Sunday.
std::int64_t weekday(std::int64_t days) { return ((days + 4) % 7 + 7) % 7; }
}  // namespace

std::optional<int> zone_offset_min(std::string_view zone, std::int64_t epoch) {
  if (zone == "UTC" || zone == "Etc/UTC" || zone == "GMT") return 0;
  if (zone == "Europe/Istanbul" || zone == "Asia/Istanbul" || zone == "Turkey") {
    // Permanent +03:00 since 2016-09-07; before that EET/EEST (EU rules, changes at 01:00 UTC).
    if (epoch >= 1473195600) return 180;
    const Civil c = to_civil(epoch, 0);
    auto last_sunday = [](int year, int month) {
      const std::int64_t last = days_from_civil(year, static_cast<unsigned>(month),
                                                static_cast<unsigned>(days_in_month(year, month)));
      return (last - weekday(last)) * 86400 + 3600;
    };
    const bool summer = epoch >= last_sunday(c.year, 3) && epoch < last_sunday(c.year, 10);
    return summer ? 180 : 120;
  }
  if (zone == "America/New_York" || zone == "US/Eastern") {
    // Eastern time since 2007: UTC-4 from the second Sunday of March, 02:00 local (07:00 UTC), to
    // the first Sunday of November, 02:00 local (06:00 UTC); UTC-5 otherwise.
    const Civil c = to_civil(epoch, 0);
    auto nth_sunday = [](int year, int month, int n) {
      const std::int64_t first = days_from_civil(year, static_cast<unsigned>(month), 1);
      return first + (7 - weekday(first)) % 7 + 7 * (n - 1);
    };
    const std::int64_t start = nth_sunday(c.year, 3, 2) * 86400 + 7 * 3600, end = nth_sunday(c.year, 11, 1) * 86400 + 6 * 3600;
    return epoch >= start && epoch < end ? -240 : -300;
  }
  return std::nullopt;
}

Civil to_civil(std::int64_t epoch, int offset_min) {
  std::int64_t t = epoch + static_cast<std::int64_t>(offset_min) * 60;
  std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  const std::int64_t secs = t - days * 86400;
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
  return Civil{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d), static_cast<int>(secs / 3600),
               static_cast<int>(secs % 3600 / 60), static_cast<int>(secs % 60)};
}

}  // namespace sandik
