// sandik core — a strict, fast, order-preserving JSON reader for feeds, plus JSON paths.
//
// Why not nlohmann::json here: a feed is read on every poll by every reader's phone, and the
// widget must parse, validate and aggregate a 10,000-area feed within 3× of the browser's own
// JSON.parse. nlohmann's reader builds a tree of sorted maps (the feed's order matters: the
// first source is the default), keeps the last of duplicate keys silently and has no limits;
// it also weighs ~30 KB gzip in the wasm. This reader keeps strings as views into the input,
// stores each container's children contiguously, and refuses — with the JSON path where it
// happened — invalid JSON (RFC 8259 strictly: no NaN/Infinity, comments, trailing commas or
// leading zeros), invalid UTF-8, duplicate keys, nesting deeper than max_depth, strings longer
// than max_string, containers larger than max_items, documents larger than max_bytes.
// nlohmann/json stays the writer of the command line and the oracle of the differential fuzz
// test (tests/fuzz): both readers must accept and reject the same syntax.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "budget.h"
#include "span.h"

namespace sandik::json {

using sandik::Span;

class Value {
 public:
  enum class Type : std::uint8_t { Null, Bool, Unsigned, Negative, Float, String, Array, Object };
  struct Member;

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::Null; }
  bool is_string() const { return type_ == Type::String; }
  bool is_array() const { return type_ == Type::Array; }
  bool is_object() const { return type_ == Type::Object; }
  bool is_count() const { return type_ == Type::Unsigned; }  // a non-negative integer literal
  bool is_number() const { return type_ == Type::Unsigned || type_ == Type::Negative || type_ == Type::Float; }

  std::string_view str() const { return type_ == Type::String ? std::string_view(s_, n_) : std::string_view(); }
  std::uint64_t count() const { return type_ == Type::Unsigned ? u_ : 0; }
  double number() const;
  bool boolean() const { return type_ == Type::Bool && u_ != 0; }

  Span<Value> items() const;                      // array elements
  Span<Member> members() const;                   // object members, in document order
  const Value* find(std::string_view key) const;  // object member or null

 private:
  friend class Reader;
  Type type_ = Type::Null;
  std::uint32_t n_ = 0;  // string length, or number of children
  union {
    std::uint64_t u_ = 0;    // Bool, Unsigned
    std::int64_t i_;         // Negative
    double f_;               // Float
    const char* s_;          // String (into the input or the document's own storage)
    const Value* items_;     // Array
    const Member* members_;  // Object
  };
};

struct Value::Member {
  std::string_view key;
  Value value;
};

inline Span<Value> Value::items() const { return type_ == Type::Array ? Span<Value>(items_, n_) : Span<Value>(); }
inline Span<Value::Member> Value::members() const {
  return type_ == Type::Object ? Span<Member>(members_, n_) : Span<Member>();
}

struct Limits {
  std::size_t max_bytes = 20u << 20;
  std::size_t max_depth = 32;
  std::size_t max_string = 4096;
  std::size_t max_items = 1000000;  // elements of one array, members of one object
};

// The tree refers into the parsed text: keep the text alive as long as the document.
struct Document {
  const Value* root = nullptr;  // null when the text was refused
  std::string error_path;       // where reading stopped ("" = the document)
  std::string error;            // what went wrong; empty when ok
  bool ok() const { return root != nullptr; }

  // storage: blocks of Values and Members, left uninitialised until each is copied in (zeroing
  // them first was a tenth of reading objects)
  std::vector<std::unique_ptr<unsigned char[]>> blocks;
  std::deque<std::string> strings;  // strings that had escapes
};

Document parse(std::string_view text, const Limits& limits);  // all at once

// The same reading in slices: step() reads until the budget is spent and returns true once the
// document is read or refused. The text must outlive the document.
class Reader;
class Parser {
 public:
  enum class Step { More, Done };
  Parser(std::string_view text, const Limits& limits);
  ~Parser();
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
  bool step(Budget& budget);
  Document& document() { return doc_; }

 private:
  Limits limits_;
  Document doc_;
  std::unique_ptr<Reader> reader_;
  bool done_ = false;
};

// A JSON path built on the stack and turned into text only when a message needs it:
//   races[0].results.AA.areas.beyoglu.votes.kurum      keys that are not identifiers: ["a b"]
// A Path points at its parent: name each step (`const Path a = p / "x"; const Path b = a / k;`);
// `const Path b = p / "x" / k;` would keep a pointer to a temporary.
class Path {
 public:
  Path() = default;
  Path operator/(std::string_view key) const { return Path(this, key, npos); }
  Path operator[](std::size_t index) const { return Path(this, {}, index); }
  std::string str() const;

 private:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  Path(const Path* parent, std::string_view key, std::size_t index) : parent_(parent), key_(key), index_(index) {}
  const Path* parent_ = nullptr;
  std::string_view key_;
  std::size_t index_ = npos;
};

// A key's length and three of its bytes, mixed: equal keys always hash alike, most others apart;
// its top bits index a small table (the reader's duplicate-key filter, the validator's caches of
// ids), without hashing the whole key.
inline std::uint32_t quick_hash(std::string_view k) {
  const std::size_t n = k.size();
  if (n == 0) return 0;
  const auto at = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(k[i])); };
  return (static_cast<std::uint32_t>(n) | at(0) << 8 | at(n / 2) << 16 | at(n - 1) << 24) * 2654435761u;
}

void append_path_key(std::string& path, std::string_view key);  // ".key" or ["key"]
std::string quote(std::string_view utf8);                       // a JSON string literal, "…"
std::string number_text(double v);                              // shortest text that reads back the same
std::string describe(const Value& v);                           // for "got …" in messages
std::string text(const Value& v);                               // the value as compact JSON text
std::string clip(std::string_view s, std::size_t max = 60);     // shortens long text with "…"

}  // namespace sandik::json
