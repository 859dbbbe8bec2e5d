// sandik core — the strict JSON reader's literals, numbers and strings (the class:
// json_reader.h). Decimals take Clinger's fast path, else decimal::parse (no libc strtod in the
// wasm); strings are views into the text unless they have escapes; UTF-8 is checked as read.
//
// INDEX
//   Reader::literal()                 true, false, null
//   Reader::fast_decimal(), number()  integers summed as read; decimals exact as strtod's
//   Reader::string(), utf8()          plain runs (skip_plain, json_reader.h), UTF-8 sequences
//   Reader::hex4(), escape()          backslash escapes, \u with surrogate pairs
#include <climits>
#include <cmath>
#include <cstring>

#include "decimal.h"
#include "json_reader.h"
#include "turkish.h"

namespace sandik::json {

bool Reader::literal(std::string_view word, Value& out, Value::Type type, std::uint64_t v, const Path& at) {
  if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word)
    return syntax(at, "invalid literal");
  p_ += word.size();
  out.type_ = type;
  out.u_ = v;
  return true;
}

// Clinger's fast path for [start, p_), an already checked decimal: when its digits make an
// integer below 2^53 and the power of ten is at most 22, both are exact doubles and one
// multiplication or division rounds as strtod does. Shares like 51.15 take this path.
bool Reader::fast_decimal(const char* start, bool negative, Value& out) const {
  static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  std::uint64_t m = 0;
  int exp10 = 0, digits = 0;
  bool fraction = false;
  const char* c = start + (negative ? 1 : 0);
  for (; c < p_ && *c != 'e' && *c != 'E'; ++c) {
    if (*c == '.') {
      fraction = true;
      continue;
    }
    if (m == 0 && *c == '0') {  // leading zeros add no digits
      if (fraction) --exp10;
      continue;
    }
    if (++digits > 16) return false;
    m = m * 10 + static_cast<std::uint64_t>(*c - '0');
    if (fraction) --exp10;
  }
  if (c < p_) {  // the exponent
    ++c;
    const bool minus = *c == '-';
    if (*c == '+' || *c == '-') ++c;
    int e = 0;
    for (; c < p_; ++c)
      if ((e = e * 10 + (*c - '0')) > 400) return false;
    exp10 += minus ? -e : e;
  }
  if (m >= (std::uint64_t{1} << 53) || exp10 < -22 || exp10 > 22) return false;
  double f = static_cast<double>(m);
  f = exp10 < 0 ? f / kPow10[-exp10] : f * kPow10[exp10];
  out.type_ = Value::Type::Float;
  out.f_ = negative ? -f : f;
  return true;
}

bool Reader::number(Value& out, const Path& at) {
  const char* start = p_;
  const bool negative = *p_ == '-';
  if (negative) ++p_;
  if (p_ == end_ || !digit(*p_)) return syntax(at, "invalid number");
  // The integer part summed as it is read (a feed's numbers are mostly counts): up to 19
  // digits cannot overflow 64 bits; longer ones are summed again below, with a check.
  std::uint64_t whole = 0;
  bool long_digits = false;
  if (*p_ == '0') {
    ++p_;
    if (p_ < end_ && digit(*p_)) return syntax(at, "invalid number (leading zero)");
  } else {
    const char* first = p_;
    while (p_ < end_ && digit(*p_)) whole = whole * 10 + static_cast<std::uint64_t>(*p_++ - '0');
    long_digits = p_ - first > 19;
  }
  bool integer = true;
  if (p_ < end_ && *p_ == '.') {
    ++p_;
    if (p_ == end_ || !digit(*p_)) return syntax(at, "invalid number");
    while (p_ < end_ && digit(*p_)) ++p_;
    integer = false;
  }
  if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
    ++p_;
    if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
    if (p_ == end_ || !digit(*p_)) return syntax(at, "invalid number");
    while (p_ < end_ && digit(*p_)) ++p_;
    integer = false;
  }
  if (integer) {
    std::uint64_t v = whole;
    bool overflow = false;
    if (long_digits) {
      v = 0;
      for (const char* c = start + (negative ? 1 : 0); c < p_; ++c) {
        const std::uint64_t d = static_cast<std::uint64_t>(*c - '0');
        if (v > (UINT64_MAX - d) / 10) overflow = true;
        v = v * 10 + d;
      }
    }
    if (!overflow && !negative) {
      out.type_ = Value::Type::Unsigned;
      out.u_ = v;
      return true;
    }
    if (!overflow && negative && v <= (static_cast<std::uint64_t>(INT64_MAX) + 1)) {
      out.type_ = v == 0 ? Value::Type::Unsigned : Value::Type::Negative;
      if (v == 0)
        out.u_ = 0;
      else
        out.i_ = v == static_cast<std::uint64_t>(INT64_MAX) + 1 ? INT64_MIN : -static_cast<std::int64_t>(v);
      return true;
    }
  }
  if (!integer && fast_decimal(start, negative, out)) return true;
  // Correctly rounded, without libc's strtod (and its long double arithmetic) in the wasm.
  const double f = decimal::parse(std::string_view(start, static_cast<std::size_t>(p_ - start)));
  if (!std::isfinite(f)) return syntax(at, "number out of range");
  out.type_ = Value::Type::Float;
  out.f_ = f;
  return true;
}

// Reads a string at p_ (an opening quote). Unescaped strings are views into the input.
bool Reader::string(std::string_view& out, const Path& at) {
  ++p_;
  const char* start = p_;
  std::string* owned = nullptr;
  const char* run = start;  // start of the unescaped run not yet copied into `owned`
  for (;;) {
    skip_plain();
    if (p_ == end_) return syntax(at, "unterminated string");
    const auto c = static_cast<unsigned char>(*p_);
    if (c == '"') break;
    if (c < 0x20) return syntax(at, "control character in a string");
    if (c == '\\') {
      if (!owned) {
        doc_.strings.emplace_back();
        owned = &doc_.strings.back();
      }
      owned->append(run, p_);
      if (!escape(*owned, at)) return false;
      run = p_;
      continue;
    }
    if (c < 0x80) {
      ++p_;
      continue;
    }
    if (!utf8(at)) return false;
  }
  if (owned) {
    owned->append(run, p_);
    out = *owned;
  } else {
    out = std::string_view(start, static_cast<std::size_t>(p_ - start));
  }
  ++p_;
  if (out.size() > limits_.max_string)
    return fail(at, "string of " + std::to_string(out.size()) + " bytes is longer than the limit of " +
                        std::to_string(limits_.max_string));
  return true;
}

bool Reader::utf8(const Path& at) {
  const auto b0 = static_cast<unsigned char>(*p_);
  std::size_t n;
  std::uint32_t cp;
  if (b0 >= 0xC2 && b0 <= 0xDF)
    n = 1, cp = b0 & 0x1Fu;
  else if (b0 >= 0xE0 && b0 <= 0xEF)
    n = 2, cp = b0 & 0x0Fu;
  else if (b0 >= 0xF0 && b0 <= 0xF4)
    n = 3, cp = b0 & 0x07u;
  else
    return syntax(at, "invalid UTF-8 in a string");
  if (static_cast<std::size_t>(end_ - p_) <= n) return syntax(at, "invalid UTF-8 in a string");
  for (std::size_t k = 1; k <= n; ++k) {
    const auto b = static_cast<unsigned char>(p_[k]);
    if ((b & 0xC0) != 0x80) return syntax(at, "invalid UTF-8 in a string");
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
    return syntax(at, "invalid UTF-8 in a string");
  p_ += n + 1;
  return true;
}

bool Reader::hex4(std::uint32_t& out) {
  if (end_ - p_ < 4) return false;
  out = 0;
  for (int k = 0; k < 4; ++k) {
    const char c = *p_++;
    const int d = c >= '0' && c <= '9'   ? c - '0'
                  : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                         : -1;
    if (d < 0) return false;
    out = out * 16 + static_cast<std::uint32_t>(d);
  }
  return true;
}

bool Reader::escape(std::string& s, const Path& at) {
  ++p_;  // the backslash
  if (p_ == end_) return syntax(at, "unterminated string");
  const char c = *p_++;
  switch (c) {
    case '"':
      s += '"';
      return true;
    case '\\':
      s += '\\';
      return true;
    case '/':
      s += '/';
      return true;
    case 'b':
      s += '\b';
      return true;
    case 'f':
      s += '\f';
      return true;
    case 'n':
      s += '\n';
      return true;
    case 'r':
      s += '\r';
      return true;
    case 't':
      s += '\t';
      return true;
    case 'u': {
      std::uint32_t cp;
      if (!hex4(cp)) return syntax(at, "invalid \\u escape");
      if (cp >= 0xD800 && cp <= 0xDBFF) {  // a surrogate pair, or it is not valid
        std::uint32_t low;
        if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return syntax(at, "unpaired surrogate in \\u escape");
        p_ += 2;
        if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return syntax(at, "unpaired surrogate in \\u escape");
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        return syntax(at, "unpaired surrogate in \\u escape");
      }
      turkish::append_utf8(s, cp);
      return true;
    }
    default:
      --p_;
      return syntax(at, "invalid escape in a string");
  }
}

}  // namespace sandik::json
