#include "json.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_set>

#include <nlohmann/json.hpp>

namespace sandik::json {

double Value::number() const {
  switch (type_) {
    case Type::Unsigned: return static_cast<double>(u_);
    case Type::Negative: return static_cast<double>(i_);
    case Type::Float: return f_;
    default: return 0;
  }
}

const Value* Value::find(std::string_view key) const {
  for (const auto& m : members_)
    if (m.key == key) return &m.value;
  return nullptr;
}

// ---- paths ------------------------------------------------------------------------------------
void append_path_key(std::string& path, std::string_view key) {
  bool ident = !key.empty();
  for (char c : key) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) ident = false;
  }
  if (ident) {
    if (!path.empty()) path += '.';
    path += key;
  } else {
    path += "[" + quote(clip(key)) + "]";
  }
}

std::string Path::str() const {
  std::vector<const Path*> chain;
  for (const Path* p = this; p && p->parent_; p = p->parent_) chain.push_back(p);
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if ((*it)->index_ != npos) out += "[" + std::to_string((*it)->index_) + "]";
    else append_path_key(out, (*it)->key_);
  }
  return out;
}

std::string clip(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
  return std::string(s.substr(0, cut)) + "…";
}

std::string quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  out += '"';
  return out;
}

std::string number_text(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[40];
  for (int precision = 15; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  std::string out = buf;
  if (out.find_first_of(".eEn") == std::string::npos) out += ".0";  // keep it visibly a float
  return out;
}

std::string describe(const Value& v) {
  switch (v.type()) {
    case Value::Type::Null: return "null";
    case Value::Type::Bool: return v.boolean() ? "true" : "false";
    case Value::Type::Unsigned: return std::to_string(v.count());
    case Value::Type::Negative: return std::to_string(static_cast<std::int64_t>(v.number()));
    case Value::Type::Float: return number_text(v.number());
    case Value::Type::String: return quote(clip(v.str()));
    case Value::Type::Array: return v.items().empty() ? "[]" : "an array";
    case Value::Type::Object: return v.members().empty() ? "{}" : "an object";
  }
  return "?";
}

// ---- SAX → tree -------------------------------------------------------------------------------
class Builder {
 public:
  using number_integer_t = std::int64_t;
  using number_unsigned_t = std::uint64_t;
  using number_float_t = double;
  using string_t = std::string;
  using binary_t = nlohmann::json::binary_t;

  explicit Builder(const Limits& limits) : limits_(limits) {}

  bool null() { return put(Value()); }
  bool boolean(bool b) {
    Value v;
    v.type_ = Value::Type::Bool;
    v.u_ = b;
    return put(std::move(v));
  }
  bool number_integer(std::int64_t n) {
    Value v;
    if (n >= 0) {
      v.type_ = Value::Type::Unsigned;
      v.u_ = static_cast<std::uint64_t>(n);
    } else {
      v.type_ = Value::Type::Negative;
      v.i_ = n;
    }
    return put(std::move(v));
  }
  bool number_unsigned(std::uint64_t n) {
    Value v;
    v.type_ = Value::Type::Unsigned;
    v.u_ = n;
    return put(std::move(v));
  }
  bool number_float(double f, const std::string&) {
    Value v;
    v.type_ = Value::Type::Float;
    v.f_ = f;
    return put(std::move(v));
  }
  bool string(std::string& s) {
    if (s.size() > limits_.max_string)
      return fail("string of " + std::to_string(s.size()) + " bytes is longer than the limit of " +
                  std::to_string(limits_.max_string));
    Value v;
    v.type_ = Value::Type::String;
    v.str_ = std::move(s);
    return put(std::move(v));
  }
  bool binary(binary_t&) { return fail("binary values are not JSON"); }
  bool start_object(std::size_t) { return open(Value::Type::Object); }
  bool key(std::string& k) {
    Frame& f = stack_.back();
    if (k.size() > limits_.max_string)
      return fail("key of " + std::to_string(k.size()) + " bytes is longer than the limit of " +
                  std::to_string(limits_.max_string));
    if (f.value->members_.size() >= limits_.max_items)
      return fail("more than " + std::to_string(limits_.max_items) + " members in one object");
    if (!f.seen.insert(k).second) {
      f.key = k;
      return fail("duplicate key \"" + clip(k) + "\" in the same object");
    }
    f.key = std::move(k);
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(Value::Type::Array); }
  bool end_array() { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::json::exception& ex) {
    std::string what = ex.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..." -> "line 1, ..."
    const std::size_t at = what.find(" at line ");
    if (at != std::string::npos) what = what.substr(at + 4);
    else if (const std::size_t b = what.find("] "); b != std::string::npos) what = what.substr(b + 2);
    fail("invalid JSON at " + what);
    return false;
  }

  Document finish(bool ok) {
    Document doc;
    if (ok && error_.empty() && root_) {
      doc.root = std::move(root_);
    } else {
      doc.error = error_.empty() ? "invalid JSON" : error_;
      doc.error_path = error_path_;
    }
    return doc;
  }

 private:
  struct Frame {
    Value* value;
    std::string key;                      // object: the key of the member being read
    std::unordered_set<std::string> seen;  // object: keys so far (large objects: results by area)
  };
  const Limits& limits_;
  std::unique_ptr<Value> root_;
  std::vector<Frame> stack_;
  std::string error_, error_path_;

  // Where the reader is: ancestors point at their last (open) child; the innermost container at
  // the key or index of the value being read.
  std::string current_path() const {
    std::string out;
    for (std::size_t i = 0; i < stack_.size(); ++i) {
      const Value& v = *stack_[i].value;
      const bool innermost = i + 1 == stack_.size();
      if (v.type_ == Value::Type::Array) {
        const std::size_t n = v.items_.size();
        out += "[" + std::to_string(innermost ? n : n - 1) + "]";
      } else if (innermost) {
        if (!stack_[i].key.empty()) append_path_key(out, stack_[i].key);
      } else if (!v.members_.empty()) {
        append_path_key(out, v.members_.back().key);
      }
    }
    return out;
  }

  bool fail(std::string msg) {
    if (error_.empty()) {
      error_ = std::move(msg);
      error_path_ = current_path();
    }
    return false;
  }

  Value* slot() {  // where the next value goes
    if (stack_.empty()) {
      root_ = std::make_unique<Value>();
      return root_.get();
    }
    Frame& f = stack_.back();
    if (f.value->type_ == Value::Type::Array) {
      if (f.value->items_.size() >= limits_.max_items) return nullptr;
      f.value->items_.emplace_back();
      return &f.value->items_.back();
    }
    f.value->members_.push_back({std::move(f.key), Value()});
    f.key.clear();
    return &f.value->members_.back().value;
  }

  bool too_many_items() {
    fail("more than " + std::to_string(limits_.max_items) + " elements in one array");
    const std::size_t bracket = error_path_.rfind('[');
    if (bracket != std::string::npos) error_path_.erase(bracket);  // the array, not its next element
    return false;
  }

  bool put(Value v) {
    Value* s = slot();
    if (!s) return too_many_items();
    *s = std::move(v);
    return true;
  }

  bool open(Value::Type t) {
    if (stack_.size() >= limits_.max_depth)
      return fail("nested deeper than " + std::to_string(limits_.max_depth) + " levels");
    Value* v = slot();
    if (!v) return too_many_items();
    v->type_ = t;
    stack_.push_back({v, {}, {}});
    return true;
  }

  bool close() {
    stack_.pop_back();
    return true;
  }
};

Document parse(std::string_view text, const Limits& limits) {
  if (text.size() > limits.max_bytes) {
    Document doc;
    doc.error = "document of " + std::to_string(text.size()) + " bytes is larger than the limit of " +
                std::to_string(limits.max_bytes) + " bytes";
    return doc;
  }
  Builder builder(limits);
  const bool ok = nlohmann::json::sax_parse(text.begin(), text.end(), &builder, nlohmann::json::input_format_t::json,
                                            /*strict=*/true, /*ignore_comments=*/false);
  return builder.finish(ok);
}

}  // namespace sandik::json
