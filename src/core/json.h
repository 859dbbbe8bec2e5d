// sandik core — a compact, order-preserving JSON tree read with nlohmann/json's SAX parser,
// plus JSON paths for messages.
//
// Why not nlohmann::json itself: its objects are sorted maps (the feed's order matters: the
// first source is the default), it keeps the last of duplicate keys silently, and it has no
// limits. This reader refuses, with the JSON path where it happened: invalid JSON, NaN and
// Infinity, invalid UTF-8 (all by nlohmann's lexer), duplicate keys, nesting deeper than
// max_depth, strings longer than max_string, documents larger than max_bytes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sandik::json {

class Value {
 public:
  enum class Type : std::uint8_t { Null, Bool, Unsigned, Negative, Float, String, Array, Object };

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::Null; }
  bool is_string() const { return type_ == Type::String; }
  bool is_array() const { return type_ == Type::Array; }
  bool is_object() const { return type_ == Type::Object; }
  bool is_count() const { return type_ == Type::Unsigned; }  // a non-negative integer literal
  bool is_number() const { return type_ == Type::Unsigned || type_ == Type::Negative || type_ == Type::Float; }

  const std::string& str() const { return str_; }
  std::uint64_t count() const { return u_; }
  double number() const;
  bool boolean() const { return u_ != 0; }

  struct Member;
  const std::vector<Value>& items() const { return items_; }      // array elements
  const std::vector<Member>& members() const { return members_; }  // object members, document order
  const Value* find(std::string_view key) const;                   // object member or null

 private:
  friend class Builder;
  Type type_ = Type::Null;
  std::uint64_t u_ = 0;      // Bool, Unsigned
  std::int64_t i_ = 0;       // Negative
  double f_ = 0;             // Float
  std::string str_;          // String
  std::vector<Value> items_;
  std::vector<Member> members_;
};

struct Value::Member {
  std::string key;
  Value value;
};

struct Limits {
  std::size_t max_bytes = 20u << 20;
  std::size_t max_depth = 32;
  std::size_t max_string = 4096;
  std::size_t max_items = 1000000;  // elements of one array, members of one object
};

struct Document {
  std::unique_ptr<Value> root;
  std::string error_path;  // where parsing stopped ("" = the document)
  std::string error;       // what went wrong; empty when ok
  bool ok() const { return root != nullptr; }
};

Document parse(std::string_view text, const Limits& limits);

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

void append_path_key(std::string& path, std::string_view key);  // ".key" or ["key"]
std::string quote(std::string_view utf8);                       // a JSON string literal, "…"
std::string number_text(double v);                               // shortest text that reads back the same
std::string describe(const Value& v);                            // for "got …" in messages
std::string clip(std::string_view s, std::size_t max = 60);      // shortens long text with "…"

}  // namespace sandik::json
