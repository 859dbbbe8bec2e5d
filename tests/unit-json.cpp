// The strict JSON reader: RFC 8259 syntax, values, limits, paths in messages.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

#include "core/json.h"

using namespace sandik;

namespace {
// The tree refers into the text: the texts read here live as long as the test run.
std::deque<std::string> g_texts;
// Every text read here is also read in slices of one value and of three: the same tree or the
// same message at the same path, wherever a slice stops.
json::Document sliced(const std::string& s, std::size_t units, int* slices = nullptr) {
  json::Parser parser(s, json::Limits{});
  int n = 0;
  for (;;) {
    Budget budget = Budget::units(units);
    ++n;
    if (parser.step(budget)) break;
  }
  if (slices) *slices = n;
  return std::move(parser.document());
}
json::Document read(const std::string& s) {
  const std::string& text = g_texts.emplace_back(s);
  json::Document whole = json::parse(text, json::Limits{});
  for (const std::size_t units : {std::size_t{1}, std::size_t{3}}) {
    const json::Document part = sliced(text, units);
    CHECK(part.ok() == whole.ok());
    CHECK(part.error == whole.error);
    CHECK(part.error_path == whole.error_path);
    if (part.ok() && whole.ok()) CHECK(json::text(*part.root) == json::text(*whole.root));
  }
  return whole;
}
bool accepts(const std::string& s) { return read(s).ok(); }
std::string error(const std::string& s) {
  const auto d = read(s);
  return (d.error_path.empty() ? "$" : d.error_path) + ": " + d.error;
}
}  // namespace

TEST_CASE("json") {
  SUBCASE("values and order") {
    const std::string text = R"({"b": [1, -2, 3.5, true, null, "x"], "a": {"z": 1, "y": 2}})";
    const auto d = read(text);
    REQUIRE(d.ok());
    const json::Value& root = *d.root;
    REQUIRE(root.members().size() == 2);
    CHECK(root.members()[0].key == "b");  // document order, not sorted
    const json::Value& b = *root.find("b");
    CHECK(b.items().size() == 6);
    CHECK(b.items()[0].is_count());
    CHECK(b.items()[0].count() == 1);
    CHECK(b.items()[1].type() == json::Value::Type::Negative);
    CHECK(b.items()[1].number() == -2);
    CHECK(b.items()[2].number() == 3.5);
    CHECK(b.items()[3].boolean());
    CHECK(b.items()[4].is_null());
    CHECK(b.items()[5].str() == "x");
    CHECK(root.find("a")->members()[1].key == "y");
    CHECK(root.find("nope") == nullptr);
  }
  SUBCASE("strings: escapes, surrogate pairs, UTF-8") {
    const auto d = read(R"(["a\"b\\c\/\n\t", "\u0130stanbul", "\ud83d\uddf3", "Sarıyer"])");
    REQUIRE(d.ok());
    CHECK(d.root->items()[0].str() == "a\"b\\c/\n\t");
    CHECK(d.root->items()[1].str() == "İstanbul");
    CHECK(d.root->items()[2].str() == "\xF0\x9F\x97\xB3");  // 🗳 ballot box
    CHECK(d.root->items()[3].str() == "Sarıyer");
  }
  SUBCASE("numbers") {
    CHECK(read("18446744073709551615").root->count() == 18446744073709551615ULL);
    CHECK(read("18446744073709551616").root->type() == json::Value::Type::Float);
    CHECK(read("-0").root->is_count());
    CHECK(read("1e3").root->type() == json::Value::Type::Float);
    CHECK(read("-9223372036854775808").root->number() == -9223372036854775808.0);
    CHECK_FALSE(accepts("01"));
    CHECK_FALSE(accepts("1."));
    CHECK_FALSE(accepts(".5"));
    CHECK_FALSE(accepts("+1"));
    CHECK_FALSE(accepts("1e"));
    CHECK_FALSE(accepts("1e999"));
  }
  SUBCASE("decimals read exactly as strtod reads them (the fast path and the slow one)") {
    std::uint64_t seed = 0x9E3779B97F4A7C15ULL;
    const auto next = [&seed] { return seed = seed * 6364136223846793005ULL + 1442695040888963407ULL; };
    std::vector<std::string> texts = {"51.15", "0.0012", "-0.0", "0.0", "100.5", "9007199254740993.0", "1234567890123456.7",
                                      "0.1e-22", "1e22", "1e23", "4.35e-7", "-7.5E+3", "00.5e0", "2.2250738585072014e-308"};
    for (int i = 0; i < 20000; ++i) {
      const std::uint64_t r = next();
      std::string t = std::to_string(r % 100000000000000000ULL);
      const std::size_t dot = 1 + (next() % t.size());
      if (dot < t.size()) t.insert(dot, ".");
      else t += ".0";
      if (next() % 3 == 0) t += "e" + std::to_string(static_cast<int>(next() % 60) - 30);
      if (next() % 2) t = "-" + t;
      texts.push_back(t);
    }
    int differ = 0;
    for (const std::string& t : texts) {
      const auto d = read(t);
      if (t == "00.5e0") {
        CHECK_FALSE(d.ok());
        continue;
      }
      REQUIRE_MESSAGE(d.ok(), t);
      const double want = std::strtod(t.c_str(), nullptr);
      const double got = d.root->number();
      if (std::memcmp(&want, &got, sizeof want) != 0) ++differ;
    }
    CHECK(differ == 0);
  }
  SUBCASE("what JSON is not") {
    for (const char* bad : {"", " ", "{", "[1,]", "{\"a\":1,}", "{'a':1}", "[1 2]", "// c\n1", "NaN", "-Infinity",
                            "tru", "\"\\x\"", "\"\\ud800\"", "\"\\udc00x\"", "\"a\nb\"", "\"\xC0\xAF\"",
                            "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"", "[1] [2]", "{\"a\" 1}"})
      CHECK_MESSAGE(!accepts(bad), bad);
    CHECK(accepts("\xEF\xBB\xBF{}"));  // a byte order mark is allowed
    CHECK(accepts(" \t\r\n[ ] "));
  }
  SUBCASE("messages name the JSON path and the place") {
    CHECK(error(R"({"a": [1, {"b": NaN}]})") ==
          "a[1].b: invalid JSON at line 1, column 17: invalid literal (JSON has no NaN or Infinity)");
    CHECK(error("{\n  \"a\": 1,\n  \"b\": 01\n}") == "b: invalid JSON at line 3, column 9: invalid number (leading zero)");
    CHECK(error(R"({"a": {"x": 1, "x": 2}})") == "a.x: duplicate key \"x\" in the same object");
    CHECK(error(R"([1, 2)") == "$: invalid JSON at line 1, column 6: unexpected end of input");
  }
  SUBCASE("in slices: each stops where its budget ends, the next goes on from there") {
    std::string text = "{\"areas\": [";
    for (int i = 0; i < 100; ++i) text += std::string(i ? "," : "") + "{\"id\": \"a" + std::to_string(i) + "\", \"v\": [1, 2]}";
    text += "], \"x\": {\"y\": [[], {}]}}";
    g_texts.push_back(text);
    int slices = 0;
    const json::Document d = sliced(g_texts.back(), 10, &slices);
    REQUIRE(d.ok());
    CHECK(slices > 40);  // 100 areas of 5 values and more, 10 values a slice
    CHECK(json::text(*d.root) == json::text(*read(text).root));
    CHECK(d.root->find("areas")->items()[99].find("id")->str() == "a99");
    // A refusal found many slices in names the same place as one found at once, also inside
    // arrays in arrays (whose unfinished elements share one stack).
    CHECK(error(R"({"a": [[1, 2, 3], [4, 5, [6, 7, x]]]})") ==
          "a[1][2][2]: invalid JSON at line 1, column 33: invalid literal (JSON has no NaN or Infinity)");
    CHECK(error(text.substr(0, text.size() - 4) + "}}}") == "x.y: invalid JSON at line 1, column 2722: expected ',' or ']'");
  }
  SUBCASE("strings read eight bytes at a time: what ends a plain run is seen at every offset") {
    for (std::size_t at = 0; at < 20; ++at) {
      CAPTURE(at);
      const std::string plain(at, 'a'), tail(11, 'z');
      CHECK(read("\"" + plain + "\"").root->str() == plain);
      CHECK(read("\"" + plain + "\\n" + tail + "\"").root->str() == plain + "\n" + tail);
      CHECK(read("\"" + plain + "\u00e7" + tail + "\"").root->str() == plain + "ç" + tail);
      CHECK(read("\"" + plain + "ı" + tail + "\"").root->str() == plain + "ı" + tail);
      CHECK(error("\"" + plain + "\t" + tail + "\"").find("control character in a string") != std::string::npos);
      CHECK(error("\"" + plain + "\xC3(" + tail + "\"").find("invalid UTF-8 in a string") != std::string::npos);
      CHECK(error("\"" + plain + tail).find("unterminated string") != std::string::npos);
      CHECK(read("[\"" + plain + "\", \"" + tail + "\"]").root->items()[1].str() == tail);
    }
  }
  SUBCASE("counts summed as they are read: 19 digits at once, longer ones checked for overflow") {
    CHECK(read("9999999999999999999").root->count() == 9999999999999999999ULL);
    CHECK(read("10000000000000000000").root->count() == 10000000000000000000ULL);
    CHECK(read("99999999999999999999").root->type() == json::Value::Type::Float);
    CHECK(read("[0, 7, 16339771]").root->items()[2].count() == 16339771);
    CHECK(read("-42").root->number() == -42.0);
    CHECK(read("42.5").root->number() == 42.5);
  }
  SUBCASE("duplicate keys in small objects: a filter, then the pairs it points at") {
    std::string small = "{";
    for (int i = 0; i < 40; ++i) small += "\"party-" + std::to_string(i) + "\":1,";
    CHECK(accepts(small + "\"party-40\":1}"));
    CHECK(error(small + "\"party-7\":2}") == "party-7: duplicate key \"party-7\" in the same object");
    CHECK(error("{\"a\":1,\"b\":2,\"a\":3}") == "a: duplicate key \"a\" in the same object");
    CHECK(error("{\"\":1,\"\":2}") == "[\"\"]: duplicate key \"\" in the same object");
  }
  SUBCASE("duplicate keys in large objects") {
    std::string big = "{";
    for (int i = 0; i < 100; ++i) big += "\"k" + std::to_string(i) + "\":1,";
    big += "\"k42\":2}";
    CHECK(error(big) == "k42: duplicate key \"k42\" in the same object");
  }
}

namespace {
double g_now = 0;
double fake_now() { return g_now; }
}  // namespace

TEST_CASE("budget: a deadline on the platform's clock, looked at every kCheckEvery units") {
  g_now = 1000;
  Budget b = Budget::milliseconds(12, &fake_now);
  // The clock stands still: never spent.
  for (std::size_t i = 0; i < 3 * Budget::kCheckEvery; ++i) REQUIRE_FALSE(b.spent());
  CHECK_FALSE(b.expired());
  g_now = 1012;
  CHECK(b.expired());
  bool spent = false;
  for (std::size_t i = 0; i < Budget::kCheckEvery && !spent; ++i) spent = b.spent();  // seen at the next look
  CHECK(spent);
  CHECK(b.spent());  // and from then on
  Budget u = Budget::units(3);
  CHECK_FALSE(u.spent());
  CHECK_FALSE(u.spent());
  CHECK_FALSE(u.spent());
  CHECK(u.expired());
  CHECK(u.spent());
  CHECK(Budget::milliseconds(1000).expired() == false);  // std::chrono's clock by default
}
