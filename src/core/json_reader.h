// sandik core — the strict JSON reader's class, shared by its two files (not part of the API:
// json.h is). What each does:
//   json_reader.cpp    run() in slices (frames re-entered), values, arrays, objects, duplicate
//                      keys; Parser and parse()
//   json_scalars.cpp   literals, numbers (Clinger's fast path, else decimal::parse), strings
//                      (escapes, surrogate pairs, UTF-8)
// Here, inline: the stepping that every value takes (whitespace, plain runs of a string), the
// blocks the tree is allocated from, and how a slice pauses or a reading fails.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "budget.h"
#include "json.h"

namespace sandik::json {

class Reader {
 public:
  Reader(std::string_view text, const Limits& limits, Document& doc)
      : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()), limits_(limits), doc_(doc) {}

  // Reads on from where the last slice stopped until the document is read, refused, or the
  // budget is spent. A slice stops before a container's next child; the containers it was in are
  // kept as frames and re-entered, with their paths, by the next slice.
  Parser::Step run(Budget& budget);

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
  bool reenter(Value& out, const Path& at, std::size_t depth);

  bool fail(const Path& at, const std::string& what) {
    if (doc_.error.empty()) {
      doc_.error = what;
      doc_.error_path = at.str();
    }
    return false;
  }
  bool syntax(const Path& at, const char* what);

  // Raw storage the children are copied into with memcpy (as plain bytes, they need no
  // construction; new unsigned char[] is aligned for any object that fits).
  static_assert(std::is_trivially_copyable_v<Value> && std::is_trivially_copyable_v<Value::Member>);
  void* block(std::size_t bytes) {
    doc_.blocks.emplace_back(new unsigned char[bytes]);
    return doc_.blocks.back().get();
  }
  Value* alloc_values(std::size_t n) {
    if (n > value_left_) {
      const std::size_t size = n > 4096 ? n : 4096;
      value_free_ = static_cast<Value*>(block(size * sizeof(Value)));
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
      member_free_ = static_cast<Value::Member*>(block(size * sizeof(Value::Member)));
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
  // Eight bytes at a time (skip_run, skip_plain): a byte's lowest bit, its seven low bits, its high bit.
  static constexpr std::uint64_t kOnes = 0x0101010101010101ull, kLows = 0x7F7F7F7F7F7F7F7Full, kHighs = ~kLows;
  static bool space(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= ' ' && ((kSpace >> u) & 1u);
  }
  void ws() {
    while (p_ < end_ && space(*p_)) {
      ++p_;
      if (p_ < end_ && (*p_ == '\t' || *p_ == ' ')) skip_run(*p_);  // an indentation
    }
  }
  // Skips a run of byte c, eight at a time (a line's indentation: a country's feed written with
  // tabs has 690,000 of them).
  void skip_run(char c) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (end_ - p_ >= 8) {
      std::uint64_t x;
      std::memcpy(&x, p_, 8);
      const std::uint64_t y = x ^ (kOnes * static_cast<unsigned char>(c));
      const std::uint64_t other = (((y & kLows) + kLows) | y) & kHighs;  // the high bit of each byte but c
      if (other) {
        p_ += __builtin_ctzll(other) >> 3;
        return;
      }
      p_ += 8;
    }
#endif
    while (p_ < end_ && *p_ == c) ++p_;
  }

  // After a container's child: a comma (another child comes), its closing bracket (the
  // container is read), else the syntax error `expected`.
  enum class Next { More, Done, Error };
  Next after_child(const Path& at, char close, const char* expected) {
    ws();
    if (p_ < end_ && *p_ == ',') return ++p_, Next::More;
    if (p_ < end_ && *p_ == close) return ++p_, Next::Done;
    syntax(at, p_ == end_ ? "unexpected end of input" : expected);
    return Next::Error;
  }

  // ---- values and containers (json_reader.cpp)
  bool value(Value& out, const Path& at, std::size_t depth);
  bool too_deep(const Path& at);
  bool too_many(const Path& at, const char* what);
  // A container's start: its bracket read, or (re-entered) where its frame says it was.
  bool open(const Frame* resume, std::size_t top, std::size_t depth, const Path& at, std::size_t& base,
            bool& in_child);
  bool array(Value& out, const Path& at, std::size_t depth, const Frame* resume = nullptr);
  bool object(Value& out, const Path& at, std::size_t depth, const Frame* resume = nullptr);
  bool unique_keys(const Value::Member* m, std::size_t n, const Path& at);

  // ---- literals, numbers, strings (json_scalars.cpp)
  bool literal(std::string_view word, Value& out, Value::Type type, std::uint64_t v, const Path& at);
  static bool digit(char c) { return c >= '0' && c <= '9'; }
  bool fast_decimal(const char* start, bool negative, Value& out) const;
  bool number(Value& out, const Path& at);
  bool string(std::string_view& out, const Path& at);
  // Skips the plain ASCII of a string eight bytes at a time: up to the first byte that ends the
  // run (a quote, a backslash, a control character or a byte of a UTF-8 sequence), which the
  // caller reads one by one. (Little-endian words, as x86, ARM and WebAssembly have: the lowest
  // flagged byte is the first in the text; a borrow only ever flags bytes after it.)
  void skip_plain() {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
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

  bool utf8(const Path& at);
  bool hex4(std::uint32_t& out);
  bool escape(std::string& s, const Path& at);
};

}  // namespace sandik::json
