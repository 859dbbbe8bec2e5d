#include "decimal.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string_view>
#include <vector>

namespace sandik::decimal {
namespace {

// The exact decimal value of |v|: its digits (no leading zeros, "0" for zero) and the power of
// ten of the last one. A double is m·2^e with m < 2^53: for e < 0 it is m·5^-e / 10^-e, so the
// digits are those of the integer m·5^-e (or m·2^e for e ≥ 0), in base 10^9 limbs.
struct Exact {
  std::string digits;
  int exponent = 0;  // value = digits × 10^exponent
};

// m·2^e exactly.
Exact exact_of(std::uint64_t m, int e) {
  Exact out;
  if (m == 0) {
    out.digits = "0";
    return out;
  }
  while ((m & 1) == 0 && e < 0) {  // fewer factors of five to multiply by
    m >>= 1;
    ++e;
  }
  std::vector<std::uint32_t> limbs{static_cast<std::uint32_t>(m % 1000000000u),
                                   static_cast<std::uint32_t>(m / 1000000000u % 1000000000u),
                                   static_cast<std::uint32_t>(m / 1000000000000000000u)};
  const auto times = [&](std::uint32_t k) {
    std::uint64_t carry = 0;
    for (std::uint32_t& l : limbs) {
      const std::uint64_t x = static_cast<std::uint64_t>(l) * k + carry;
      l = static_cast<std::uint32_t>(x % 1000000000u);
      carry = x / 1000000000u;
    }
    while (carry) {
      limbs.push_back(static_cast<std::uint32_t>(carry % 1000000000u));
      carry /= 1000000000u;
    }
  };
  for (int left = -e; left > 0; left -= 13) {  // × 5^-e, 5^13 at a time (it fits 32 bits)
    std::uint32_t k = 1;
    for (int i = 0; i < std::min(left, 13); ++i) k *= 5;
    times(k);
  }
  for (int left = e; left > 0; left -= 29) times(1u << std::min(left, 29));  // × 2^e
  while (limbs.size() > 1 && limbs.back() == 0) limbs.pop_back();
  out.digits = std::to_string(limbs.back());
  for (std::size_t i = limbs.size() - 1; i-- > 0;) {
    const std::string part = std::to_string(limbs[i]);
    out.digits += std::string(9 - part.size(), '0') + part;
  }
  out.exponent = e < 0 ? e : 0;
  return out;
}

Exact exact(double v) {
  int e2 = 0;
  const double frac = std::frexp(std::fabs(v), &e2);  // |v| = frac·2^e2, frac in [0.5, 1)
  return exact_of(static_cast<std::uint64_t>(std::ldexp(frac, 53)), e2 - 53);
}

// -1, 0, 1 as a < b, a = b, a > b (both non-negative).
int compare(const Exact& a, const Exact& b) {
  const bool za = a.digits == "0", zb = b.digits == "0";
  if (za || zb) return za && zb ? 0 : za ? -1 : 1;
  const long lead_a = static_cast<long>(a.digits.size()) + a.exponent,
             lead_b = static_cast<long>(b.digits.size()) + b.exponent;
  if (lead_a != lead_b) return lead_a < lead_b ? -1 : 1;
  const std::size_t n = std::max(a.digits.size(), b.digits.size());
  for (std::size_t i = 0; i < n; ++i) {
    const char x = i < a.digits.size() ? a.digits[i] : '0', y = i < b.digits.size() ? b.digits[i] : '0';
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

// The point halfway between double `a` (≥ 0, finite) and its neighbour above (up) or below.
Exact midpoint(double a, bool up) {
  const double next = std::nextafter(a, up ? HUGE_VAL : 0.0);
  const double gap = std::isinf(next) ? a - std::nextafter(a, 0.0) : std::fabs(next - a);  // a power of two
  const int g = std::ilogb(gap) - 1;  // the midpoint is a multiple of 2^g
  int e2 = 0;
  const double frac = std::frexp(a, &e2);
  const std::uint64_t m = a == 0 ? 0 : static_cast<std::uint64_t>(std::ldexp(frac, 53));
  const int shift = e2 - 53 - g;
  const std::uint64_t units = a == 0 ? 0 : shift >= 0 ? m << shift : m >> -shift;  // a in units of 2^g
  return exact_of(up ? units + 1 : units - 1, g);
}

// Rounds `d` to keep `keep` digits (round half to even, on the exact value); may grow by one
// digit ("999" -> "1000"). keep ≤ 0 rounds everything away.
std::string round_digits(const std::string& d, long keep, bool& grew) {
  grew = false;
  if (keep >= static_cast<long>(d.size())) return d;
  if (keep < 0) return "0";
  std::string head = d.substr(0, static_cast<std::size_t>(keep));
  const char next = d[static_cast<std::size_t>(keep)];
  bool up = next > '5';
  if (next == '5') {
    const bool rest = d.find_first_not_of('0', static_cast<std::size_t>(keep) + 1) != std::string::npos;
    up = rest || (!head.empty() && (head.back() - '0') % 2 == 1);
  }
  if (up) {
    long i = static_cast<long>(head.size()) - 1;
    while (i >= 0 && head[static_cast<std::size_t>(i)] == '9') head[static_cast<std::size_t>(i--)] = '0';
    if (i >= 0)
      ++head[static_cast<std::size_t>(i)];
    else {
      head.insert(head.begin(), '1');
      grew = true;
    }
  }
  return head.empty() ? "0" : head;
}

}  // namespace

double parse(std::string_view text) {
  // -?digits(.digits)?([eE][+-]?digits)? as the exact decimal D × 10^E.
  std::size_t i = 0;
  const bool negative = i < text.size() && text[i] == '-';
  if (negative || (i < text.size() && text[i] == '+')) ++i;
  Exact in;
  long e10 = 0;
  bool point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.') {
      point = true;
    } else if (c >= '0' && c <= '9') {
      if (!(in.digits.empty() && c == '0')) in.digits += c;
      if (point) --e10;
    } else {
      break;
    }
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    const bool minus = i < text.size() && text[i] == '-';
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    long x = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) x = std::min(x * 10 + (text[i] - '0'), 100000L);
    e10 += minus ? -x : x;
  }
  const double zero = negative ? -0.0 : 0.0;
  if (in.digits.empty()) return zero;
  in.exponent = static_cast<int>(std::max(-100000L, std::min(e10, 100000L)));
  const long lead = static_cast<long>(in.digits.size()) + in.exponent;  // the value is below 10^lead
  if (lead > 310) return negative ? -HUGE_VAL : HUGE_VAL;
  if (lead < -330) return zero;
  // A first guess from the leading 19 digits, within a few units in the last place…
  std::uint64_t u = 0;
  const std::size_t n = std::min<std::size_t>(in.digits.size(), 19);
  for (std::size_t k = 0; k < n; ++k) u = u * 10 + static_cast<std::uint64_t>(in.digits[k] - '0');
  const long k10 = in.exponent + static_cast<long>(in.digits.size() - n);
  double a = static_cast<double>(u);
  if (k10 > 0)
    a *= std::pow(10.0, static_cast<double>(k10));
  else if (k10 >= -300)
    a /= std::pow(10.0, static_cast<double>(-k10));
  else
    a = a / 1e300 / std::pow(10.0, static_cast<double>(-k10 - 300));
  if (std::isinf(a)) a = std::numeric_limits<double>::max();
  // …then exact: step while the input lies beyond a midpoint; on a midpoint, the even one.
  const auto even = [](double x) {
    int e = 0;
    return (static_cast<std::uint64_t>(std::ldexp(std::frexp(x, &e), 53)) >> std::max(0, -1074 - (e - 53))) % 2 == 0;
  };
  for (int step = 0; step < 100; ++step) {
    const int above = compare(in, midpoint(a, true));
    if (above > 0 || (above == 0 && !even(a))) {
      a = std::nextafter(a, HUGE_VAL);
      if (std::isinf(a) || above == 0) break;
      continue;
    }
    if (a > 0) {
      const int below = compare(in, midpoint(a, false));
      if (below < 0 || (below == 0 && !even(a))) {
        a = std::nextafter(a, 0.0);
        if (below == 0) break;
        continue;
      }
    }
    break;
  }
  return negative ? -a : a;
}

std::string fixed(double v, int decimals) {
  // N = v × 10^decimals rounded half to even, on the exact digits: D × 10^(E + decimals).
  const Exact x = exact(v);
  const long shift = x.exponent + decimals;
  bool grew = false;
  std::string n = shift >= 0 ? x.digits + std::string(static_cast<std::size_t>(shift), '0')
                             : round_digits(x.digits, static_cast<long>(x.digits.size()) + shift, grew);
  if (n.size() <= static_cast<std::size_t>(decimals))
    n.insert(0, static_cast<std::size_t>(decimals) + 1 - n.size(), '0');
  const std::size_t point = n.size() - static_cast<std::size_t>(decimals);
  const std::string out = decimals > 0 ? n.substr(0, point) + "." + n.substr(point) : n;
  return std::signbit(v) ? "-" + out : out;
}

std::string shortest(double v, int from) {
  const Exact x = exact(v);
  const std::string sign = std::signbit(v) ? "-" : "";
  if (x.digits == "0") return sign + "0";
  std::string best;
  for (int p = from; p <= 17; ++p) {
    bool grew = false;
    std::string d = round_digits(x.digits, p, grew);
    // The power of ten of the first digit.
    const long first = static_cast<long>(x.digits.size()) - 1 + x.exponent + (grew ? 1 : 0);
    if (grew) d.pop_back();
    while (d.size() > 1 && d.back() == '0') d.pop_back();  // %g drops trailing zeros
    std::string text;
    if (first < -4 || first >= p) {
      text = d.substr(0, 1) + (d.size() > 1 ? "." + d.substr(1) : "") + "e" + (first < 0 ? "-" : "+");
      const std::string ex = std::to_string(std::labs(first));
      text += (ex.size() < 2 ? "0" : "") + ex;
    } else if (first < 0) {
      text = "0." + std::string(static_cast<std::size_t>(-first - 1), '0') + d;
    } else {
      const std::size_t point = static_cast<std::size_t>(first) + 1;
      text = d.size() <= point ? d + std::string(point - d.size(), '0') : d.substr(0, point) + "." + d.substr(point);
    }
    best = sign + text;
    if (parse(best) == v) break;
  }
  return best;
}

}  // namespace sandik::decimal
