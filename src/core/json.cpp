// sandik core — JSON values as the reader leaves them, their paths, and JSON as text.
//
// INDEX
//   Value::number(), Value::find()   a number of any kind as a double; an object's member
//   append_path_key(), Path::str()   races[0].results.AA.areas.beyoglu
//   clip(), quote(), number_text(), describe()   strings and numbers as JSON text and in messages
// The reader itself (limits, paths in every error) is json_reader.cpp.
#include "json.h"

#include "decimal.h"

#include "turkish.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace sandik::json {

double Value::number() const {
  switch (type_) {
    case Type::Unsigned:
      return static_cast<double>(u_);
    case Type::Negative:
      return static_cast<double>(i_);
    case Type::Float:
      return f_;
    default:
      return 0;
  }
}

const Value* Value::find(std::string_view key) const {
  for (const auto& m : members())
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
    if ((*it)->index_ != npos)
      out += "[" + std::to_string((*it)->index_) + "]";
    else
      append_path_key(out, (*it)->key_);
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
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          static const char* kHex = "0123456789abcdef";
          out += "\\u00";
          out += kHex[(c >> 4) & 0xF];
          out += kHex[c & 0xF];
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
  std::string out = decimal::shortest(v, 15);                       // as printf's %.15g, %.16g or %.17g
  if (out.find_first_of(".eEn") == std::string::npos) out += ".0";  // keep it visibly a float
  return out;
}

std::string describe(const Value& v) {
  switch (v.type()) {
    case Value::Type::Null:
      return "null";
    case Value::Type::Bool:
      return v.boolean() ? "true" : "false";
    case Value::Type::Unsigned:
      return std::to_string(v.count());
    case Value::Type::Negative:
      return std::to_string(static_cast<std::int64_t>(v.number()));
    case Value::Type::Float:
      return number_text(v.number());
    case Value::Type::String:
      return quote(clip(v.str()));
    case Value::Type::Array:
      return v.items().empty() ? "[]" : "an array";
    case Value::Type::Object:
      return v.members().empty() ? "{}" : "an object";
  }
  return "?";
}

std::string text(const Value& v) {
  switch (v.type()) {
    case Value::Type::String:
      return quote(v.str());
    case Value::Type::Array: {
      std::string out = "[";
      for (const Value& item : v.items()) out += (out.size() > 1 ? "," : "") + text(item);
      return out + "]";
    }
    case Value::Type::Object: {
      std::string out = "{";
      for (const auto& m : v.members()) out += (out.size() > 1 ? "," : "") + quote(m.key) + ":" + text(m.value);
      return out + "}";
    }
    default:
      return describe(v);
  }
}

}  // namespace sandik::json
