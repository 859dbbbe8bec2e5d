// sandik core — the strict JSON reader: one pass over the text into Values (strings are views
// into it where unescaped), refusing with the JSON path what must never reach the model:
// invalid JSON and UTF-8, NaN, duplicate keys, nesting, strings, items and documents over the
// limits. This file: reading in slices, values, arrays and objects, duplicate keys; Parser.
// Literals, numbers and strings: json_scalars.cpp. The class: json_reader.h.
//
// INDEX
//   Reader::run(), reenter()     a slice: from the start, or into the frames the last one left
//   syntax()                     "invalid JSON at line L, column C: …"
//   value(), open()              one value by its first byte; a container's start
//   array(), object()            children onto the stacks, then into the document's blocks
//   unique_keys()                duplicate keys: a filter for small objects, a sort for large
//   Parser, parse()              the API (json.h)
#include <algorithm>
#include <cstring>

#include "json_reader.h"

namespace sandik::json {

Parser::Step Reader::run(Budget& budget) {
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
  std::memcpy(static_cast<void*>(root), &v, sizeof v);
  doc_.root = root;
  return Parser::Step::Done;
}

// Re-enters the outermost container still on frames_.
bool Reader::reenter(Value& out, const Path& at, std::size_t depth) {
  const Frame f = frames_.back();
  frames_.pop_back();
  return f.object ? object(out, at, depth, &f) : array(out, at, depth, &f);
}

bool Reader::syntax(const Path& at, const char* what) {
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

bool Reader::value(Value& out, const Path& at, std::size_t depth) {
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

bool Reader::too_deep(const Path& at) {
  return fail(at, "nested deeper than " + std::to_string(limits_.max_depth) + " levels");
}

bool Reader::too_many(const Path& at, const char* what) {
  return fail(at, "more than " + std::to_string(limits_.max_items) + " " + what);
}

bool Reader::open(const Frame* resume, std::size_t top, std::size_t depth, const Path& at, std::size_t& base,
                  bool& in_child) {
  base = resume ? resume->base : top;
  in_child = resume && resume->in_child;
  if (resume) return true;
  if (depth >= limits_.max_depth) return too_deep(at);
  ++p_;
  ws();
  return true;
}

bool Reader::array(Value& out, const Path& at, std::size_t depth, const Frame* resume) {
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
      const Next next = after_child(at, ']', "expected ',' or ']'");
      if (next == Next::Error) return false;
      if (next == Next::Done) break;
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

bool Reader::object(Value& out, const Path& at, std::size_t depth, const Frame* resume) {
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
      const Next next = after_child(at, '}', "expected ',' or '}'");
      if (next == Next::Error) return false;
      if (next == Next::Done) break;
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

bool Reader::unique_keys(const Value::Member* m, std::size_t n, const Path& at) {
  auto duplicate = [&](std::string_view key) {
    const Path child = at / key;
    return fail(child, "duplicate key \"" + clip(key) + "\" in the same object");
  };
  if (n < 2) return true;
  if (n <= 48) {  // small objects (a result's votes): a 256-bit filter, pairs compared only on a hit
    std::uint64_t seen[4] = {0, 0, 0, 0};
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t bit = quick_hash(m[i].key) >> 24;  // equal keys always meet, most others never do
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
