// sandik web requests — the answers of sandik_request() (platform.cpp) that need no widget and
// no GL, and the small readers of its messages. Each returns the answer's members as JSON text
// without the outer braces.
#pragma once

#include <string>
#include <string_view>

#include "core/feed.h"
#include "core/json.h"

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

}  // namespace sandik::web
