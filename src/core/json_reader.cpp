// sandik core — the strict JSON reader: one pass over the text into Values (strings are views
// into it where unescaped), refusing with the JSON path what must never reach the model:
// invalid JSON and UTF-8, NaN, duplicate keys, nesting, strings, items and documents over the
// limits. Decimals take Clinger's fast path, else decimal::parse (no libc strtod in the wasm).
#include "json.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "budget.h"
#include "decimal.h"
#include "turkish.h"

namespace sandik::json {

// ---- the reader ---------------------------------------------------------------------------
class Reader {
 public:
  Reader(std::string_view text, const Limits& limits, Document& doc)
      : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()), limits_(limits), doc_(doc) {}

  // Reads on from where the last slice stopped until the document is read, refused, or the
  // budget is spent. A slice stops before a container's next child; the containers it was in are
  // kept as frames and re-entered, with their paths, by the next slice.
  Parser::Step run(Budget& budget) {
    budget_ = &budget;
    paused_ = false;
    const Path top;
    Value v;
    if (!started_) {
      started_ = true;
      if (end_ - p_ >= 3 && std::memcmp(p_, "\xEF\xBB\xBF", 3) == 0) p_ += 3;  // a UTF-8 byte order mark
      ws();
      if (!value(v, top, 0)) return paused_ ? Parser::Step::More : Parser::Step::Done;
    } else if (!reenter(v, top, 0)) {
      return paused_ ? Parser::Step::More : Parser::Step::Done;
    }
    ws();
    if (p_ != end_) return fail(top, "unexpected text after the document"), Parser::Step::Done;
    Value* root = alloc_values(1);
    *root = v;
    doc_.root = root;
    return Parser::Step::Done;
  }

 private:
  const char* begin_;
  const char* p_;
  const char* end_;
  const Limits& limits_;
  Document& doc_;
  std::vector<Value> value_stack_;           // children of the arrays being read
  std::vector<Value::Member> member_stack_;  // members of the objects being read
  Value* value_free_ = nullptr;
  std::size_t value_left_ = 0;
  Value::Member* member_free_ = nullptr;
  std::size_t member_left_ = 0;
  // Slices: the containers a paused slice was in, innermost first.
  struct Frame {
    std::size_t base;       // where its children start on value_stack_ / member_stack_
    std::size_t index;      // an array's element being read (in_child): the stacks then hold
                            // the unfinished children's children too
    std::string_view key;   // an object's member being read (in_child)
    bool object, in_child;  // in_child: paused inside that child, else before the next one
  };
  std::vector<Frame> frames_;
  Budget* budget_ = nullptr;
  bool started_ = false, paused_ = false;

  bool pause(std::size_t base, std::size_t index, std::string_view key, bool object, bool in_child) {
    frames_.push_back({base, index, key, object, in_child});
    paused_ = true;
    return false;
  }
  // Re-enters the outermost container still on frames_.
  bool reenter(Value& out, const Path& at, std::size_t depth) {
    const Frame f = frames_.back();
    frames_.pop_back();
    return f.object ? object(out, at, depth, &f) : array(out, at, depth, &f);
  }

  bool fail(const Path& at, const std::string& what) {
    if (doc_.error.empty()) {
      doc_.error = what;
      doc_.error_path = at.str();
    }
    return false;
  }
  bool syntax(const Path& at, const char* what) {
    std::size_t line = 1, column = 1;
    for (const char* c = begin_; c < p_ && c < end_; ++c) {
      if (*c == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(*c) & 0xC0) != 0x80) {
        ++column;
      }
    }
    return fail(at,
                "invalid JSON at line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + what);
  }

  Value* alloc_values(std::size_t n) {
    if (n > value_left_) {
      const std::size_t size = n > 4096 ? n : 4096;
      doc_.value_blocks.emplace_back(new Value[size]);
      value_free_ = doc_.value_blocks.back().get();
      value_left_ = size;
    }
    Value* out = value_free_;
    value_free_ += n;
    value_left_ -= n;
    return out;
  }
  Value::Member* alloc_members(std::size_t n) {
    if (n > member_left_) {
      const std::size_t size = n > 4096 ? n : 4096;
      doc_.member_blocks.emplace_back(new Value::Member[size]);
      member_free_ = doc_.member_blocks.back().get();
      member_left_ = size;
    }
    Value::Member* out = member_free_;
    member_free_ += n;
    member_left_ -= n;
    return out;
  }

  // JSON's four whitespace characters, as bits of one word (a feed written with indentation is
  // 40 % whitespace: one comparison and one shift a byte, not four comparisons).
  static constexpr std::uint64_t kSpace = (1ull << ' ') | (1ull << '\n') | (1ull << '\r') | (1ull << '\t');
  static bool space(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= ' ' && ((kSpace >> u) & 1u);
  }
  void ws() {
    while (p_ < end_ && space(*p_)) ++p_;
  }

  bool value(Value& out, const Path& at, std::size_t depth) {
    if (p_ == end_) return syntax(at, "unexpected end of input");
    switch (*p_) {
      case '{':
        return object(out, at, depth);
      case '[':
        return array(out, at, depth);
      case '"': {
        std::string_view s;
        if (!string(s, at)) return false;
        out.type_ = Value::Type::String;
        out.s_ = s.data();
        out.n_ = static_cast<std::uint32_t>(s.size());
        return true;
      }
      case 't':
        return literal("true", out, Value::Type::Bool, 1, at);
      case 'f':
        return literal("false", out, Value::Type::Bool, 0, at);
      case 'n':
        return literal("null", out, Value::Type::Null, 0, at);
      default:
        if (*p_ == '-' || (*p_ >= '0' && *p_ <= '9')) return number(out, at);
        if ((*p_ >= 'A' && *p_ <= 'Z') || (*p_ >= 'a' && *p_ <= 'z'))
          return syntax(at, "invalid literal (JSON has no NaN or Infinity)");
        return syntax(at, "unexpected character");
    }
  }

  bool literal(std::string_view word, Value& out, Value::Type type, std::uint64_t v, const Path& at) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word)
      return syntax(at, "invalid literal");
    p_ += word.size();
    out.type_ = type;
    out.u_ = v;
    return true;
  }

  static bool digit(char c) { return c >= '0' && c <= '9'; }

  // Clinger's fast path for [start, p_), an already checked decimal: when its digits make an
  // integer below 2^53 and the power of ten is at most 22, both are exact doubles and one
  // multiplication or division rounds as strtod does. Shares like 51.15 take this path.
  bool fast_decimal(const char* start, bool negative, Value& out) const {
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

  bool number(Value& out, const Path& at) {
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
  bool string(std::string_view& out, const Path& at) {
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

  // Skips the plain ASCII of a string eight bytes at a time: up to the first byte that ends the
  // run (a quote, a backslash, a control character or a byte of a UTF-8 sequence), which the
  // caller reads one by one. (Little-endian words, as x86, ARM and WebAssembly have: the lowest
  // flagged byte is the first in the text; a borrow only ever flags bytes after it.)
  void skip_plain() {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
    while (end_ - p_ >= 8) {
      std::uint64_t x;
      std::memcpy(&x, p_, 8);
      const auto zero = [&](std::uint64_t y) { return (y - kOnes) & ~y & kHighs; };
      const std::uint64_t stop =
          zero(x ^ (kOnes * '"')) | zero(x ^ (kOnes * '\\')) | ((x - kOnes * 0x20) & ~x & kHighs) | (x & kHighs);
      if (stop) {
        p_ += __builtin_ctzll(stop) >> 3;
        return;
      }
      p_ += 8;
    }
#endif
  }

  bool utf8(const Path& at) {
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

  bool hex4(std::uint32_t& out) {
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

  bool escape(std::string& s, const Path& at) {
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

  bool too_deep(const Path& at) {
    return fail(at, "nested deeper than " + std::to_string(limits_.max_depth) + " levels");
  }
  bool too_many(const Path& at, const char* what) {
    return fail(at, "more than " + std::to_string(limits_.max_items) + " " + what);
  }

  // A container's start: its bracket read, or (re-entered) where its frame says it was.
  bool open(const Frame* resume, std::size_t top, std::size_t depth, const Path& at, std::size_t& base, bool& in_child) {
    base = resume ? resume->base : top;
    in_child = resume && resume->in_child;
    if (resume) return true;
    if (depth >= limits_.max_depth) return too_deep(at);
    ++p_;
    ws();
    return true;
  }

  bool array(Value& out, const Path& at, std::size_t depth, const Frame* resume = nullptr) {
    std::size_t base;
    bool in_child;
    if (!open(resume, value_stack_.size(), depth, at, base, in_child)) return false;
    if (!resume && p_ < end_ && *p_ == ']') {
      ++p_;
    } else {
      for (;;) {
        const std::size_t index = in_child ? resume->index : value_stack_.size() - base;
        if (!in_child && index >= limits_.max_items) return too_many(at, "elements in one array");
        if (!in_child && budget_->spent()) return pause(base, index, {}, false, false);
        const Path child = at[index];
        Value v;
        if (in_child) {
          in_child = false;
          if (!reenter(v, child, depth + 1)) return paused_ ? pause(base, index, {}, false, true) : false;
        } else {
          ws();
          if (!value(v, child, depth + 1)) return paused_ ? pause(base, index, {}, false, true) : false;
        }
        value_stack_.push_back(v);
        ws();
        if (p_ < end_ && *p_ == ',') {
          ++p_;
          continue;
        }
        if (p_ < end_ && *p_ == ']') {
          ++p_;
          break;
        }
        return syntax(at, p_ == end_ ? "unexpected end of input" : "expected ',' or ']'");
      }
    }
    const std::size_t n = value_stack_.size() - base;
    Value* items = alloc_values(n);
    if (n) std::memcpy(static_cast<void*>(items), value_stack_.data() + base, n * sizeof(Value));
    value_stack_.resize(base);
    out.type_ = Value::Type::Array;
    out.items_ = items;
    out.n_ = static_cast<std::uint32_t>(n);
    return true;
  }

  bool object(Value& out, const Path& at, std::size_t depth, const Frame* resume = nullptr) {
    std::size_t base;
    bool in_child;
    if (!open(resume, member_stack_.size(), depth, at, base, in_child)) return false;
    if (!resume && p_ < end_ && *p_ == '}') {
      ++p_;
    } else {
      for (;;) {
        if (!in_child && member_stack_.size() - base >= limits_.max_items) return too_many(at, "members in one object");
        Value::Member m;
        if (in_child) {
          in_child = false;
          m.key = resume->key;
          const Path child = at / m.key;
          if (!reenter(m.value, child, depth + 1)) return paused_ ? pause(base, 0, m.key, true, true) : false;
        } else {
          if (budget_->spent()) return pause(base, 0, {}, true, false);
          ws();
          if (p_ == end_ || *p_ != '"')
            return syntax(at, p_ == end_ ? "unexpected end of input" : "expected a key in quotes");
          if (!string(m.key, at)) return false;
          const Path child = at / m.key;
          ws();
          if (p_ == end_ || *p_ != ':') return syntax(child, "expected ':'");
          ++p_;
          ws();
          if (!value(m.value, child, depth + 1)) return paused_ ? pause(base, 0, m.key, true, true) : false;
        }
        member_stack_.push_back(m);
        ws();
        if (p_ < end_ && *p_ == ',') {
          ++p_;
          continue;
        }
        if (p_ < end_ && *p_ == '}') {
          ++p_;
          break;
        }
        return syntax(at, p_ == end_ ? "unexpected end of input" : "expected ',' or '}'");
      }
    }
    const std::size_t n = member_stack_.size() - base;
    if (!unique_keys(member_stack_.data() + base, n, at)) return false;
    Value::Member* members = alloc_members(n);
    if (n) std::memcpy(static_cast<void*>(members), member_stack_.data() + base, n * sizeof(Value::Member));
    member_stack_.resize(base);
    out.type_ = Value::Type::Object;
    out.members_ = members;
    out.n_ = static_cast<std::uint32_t>(n);
    return true;
  }

  bool unique_keys(const Value::Member* m, std::size_t n, const Path& at) {
    auto duplicate = [&](std::string_view key) {
      const Path child = at / key;
      return fail(child, "duplicate key \"" + clip(key) + "\" in the same object");
    };
    if (n <= 48) {  // small objects (a result's votes): a 256-bit filter, pairs compared only on a hit
      std::uint64_t seen[4] = {0, 0, 0, 0};
      for (std::size_t i = 0; n > 1 && i < n; ++i) {  // (one key has no duplicate)
        // Its length and three of its bytes, mixed: equal keys always meet; most others never do.
        const std::string_view k = m[i].key;
        const std::size_t len = k.size();
        const auto byte = [&](std::size_t pos) {
          return static_cast<std::uint32_t>(static_cast<unsigned char>(k[pos]));
        };
        const std::uint32_t h = len == 0 ? 0
                                         : (static_cast<std::uint32_t>(len) | byte(0) << 8 | byte(len / 2) << 16 |
                                            byte(len - 1) << 24) * 2654435761u;
        const std::uint32_t bit = h >> 24;
        std::uint64_t& word = seen[bit >> 6];
        const std::uint64_t mask = std::uint64_t{1} << (bit & 63);
        if (word & mask)
          for (std::size_t j = 0; j < i; ++j)
            if (m[i].key == m[j].key) return duplicate(m[i].key);
        word |= mask;
      }
      return true;
    }
    std::vector<std::string_view> keys(n);
    for (std::size_t i = 0; i < n; ++i) keys[i] = m[i].key;
    std::sort(keys.begin(), keys.end());
    for (std::size_t i = 1; i < n; ++i)
      if (keys[i] == keys[i - 1]) return duplicate(keys[i]);
    return true;
  }
};

Parser::Parser(std::string_view text, const Limits& limits) : limits_(limits) {
  if (text.size() > limits.max_bytes) {
    doc_.error = "document of " + std::to_string(text.size()) + " bytes is larger than the limit of " +
                 std::to_string(limits.max_bytes) + " bytes";
    done_ = true;
    return;
  }
  reader_ = std::make_unique<Reader>(text, limits_, doc_);
}

Parser::~Parser() = default;

bool Parser::step(Budget& budget) {
  if (done_) return true;
  if (reader_->run(budget) == Step::More) return false;
  done_ = true;
  reader_.reset();  // the tree lives in the document
  if (!doc_.root && doc_.error.empty()) doc_.error = "invalid JSON";
  return true;
}

Document parse(std::string_view text, const Limits& limits) {
  Parser parser(text, limits);
  Budget all;
  parser.step(all);
  return std::move(parser.document());
}

}  // namespace sandik::json
