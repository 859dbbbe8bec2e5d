// sandik web requests — the answers of sandik_request() (platform.cpp) that need no widget and
// no GL, and the small readers of its messages. Each returns the answer's members as JSON text
// without the outer braces.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/feed.h"
#include "core/json.h"

namespace sandik {
class AgencyConvert;
}

namespace sandik::web {

using json::Value;

std::string field(const Value& message, const char* key);  // a string member, "" when absent
double number(const Value& message, const char* key);      // a number member, 0 when absent
Budget budget_of(const Value& message);  // a slice of `ms` milliseconds on the browser's clock; none: unlimited
std::string problems_json(const Problems& problems);       // [{"severity","path","message","text"}…], the first 200
inline std::string yes(bool b) { return b ? "true" : "false"; }  // a JSON boolean

std::string words(const Value& message);    // {lang}: the loader's words (loading, labels, notices)
std::string failure(const Value& message);  // {lang, kind, detail, results}: a failure in the reader's words
std::string check(const Value& message, std::string_view feed);  // Sandik.check: {ok, ms, problems}, in slices
std::string check_more(const Value& message);                     // its next slice
// A widget's agency payloads (one after another in `blob`, as the message's `files` lists them)
// converted into one sandik/1 feed in slices of `ms` milliseconds: "more" until done, the next
// slice by "convert-more"; the feed is kept for the widget's next "feed" with "converted": true.
struct Conversion {
  Conversion();
  ~Conversion();
  std::string blob;  // the payloads, kept while they are converted
  std::unique_ptr<AgencyConvert> job;
  std::string feed;  // what it gave
};
std::string convert(Conversion& c, const Value& message, std::string_view blob);
std::string convert_more(Conversion& c, const Value& message);

}  // namespace sandik::web
