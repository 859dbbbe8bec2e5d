// sandik web requests — the door's answers that need no widget and no GL: the loader's words,
// a failure in the reader's words, Sandik.check, the agencies' payloads converted in the browser.
#include "requests.h"

#include <emscripten.h>

#include "adapters/agency.h"
#include "core/format.h"
#include "core/table_model.h"
#include "core/tally.h"
#include "ui/present.h"

namespace sandik::web {
namespace {

std::string g_converted;  // the last agency conversion, until the next

}  // namespace

std::string field(const Value& m, const char* key) {
  const Value* v = m.find(key);
  return v && v->is_string() ? std::string(v->str()) : std::string();
}

double number(const Value& m, const char* key) {
  const Value* v = m.find(key);
  return v && v->is_number() ? v->number() : 0;
}

std::string_view converted_feed() { return g_converted; }

// [{"severity","path","message","text"}…], the first 200.
std::string problems_json(const Problems& problems) {
  std::string out = "[";
  for (std::size_t i = 0; i < problems.size() && i < 200; ++i) {
    const Problem& p = problems[i];
    if (i) out += ",";
    out += std::string("{\"severity\":") + (p.severity == Severity::Error ? "\"error\"" : "\"warning\"") +
           ",\"path\":" + json::quote(p.path) + ",\"message\":" + json::quote(p.message) +
           ",\"file\":" + json::quote(p.file) + ",\"code\":" + json::quote(p.code) +
           ",\"text\":" + json::quote(p.to_string()) + "}";
  }
  return out + "]";
}

std::string words(const Value& m) {
  const Lang lang = lang_from_code(field(m, "lang"));
  const ui::Notices n = ui::present_notices(lang);
  return "\"loading\":" + json::quote(n.loading) + ",\"canvasLabel\":" + json::quote(n.canvas_label) +
         ",\"searchPlaceholder\":" + json::quote(n.search_placeholder) + ",\"noWebgl\":" + json::quote(n.no_webgl);
}

std::string failure(const Value& m) {
  const Value* shown = m.find("results");  // whether there are results on screen to keep
  return "\"message\":" + json::quote(ui::failure_message(field(m, "kind"), field(m, "detail"),
                                                          lang_from_code(field(m, "lang")), shown && shown->boolean()));
}

// Validates a feed with the widget's own code, without drawing it (Sandik.check).
std::string check(std::string_view bytes) {
  const double t0 = emscripten_get_now();
  const ParsedFeed p = parse_feed(bytes);
  if (p.ok()) {
    for (const Race& race : p.feed->races) {
      if (race.results.empty()) continue;
      const RaceTally tally(*p.feed, race, race.results.front().source);
      (void)summarize(tally, race.area);
      (void)table_rows(tally, race.area);
    }
  }
  return "\"ok\":" + yes(p.ok()) + ",\"ms\":" + json::number_text(emscripten_get_now() - t0) +
         ",\"problems\":" + problems_json(p.problems);
}

// The agencies' own payloads (one after another in `blob`, as `files` lists them) into one
// sandik/1 feed, kept for the next "feed" request with "converted": true.
std::string convert(const Value& m, std::string_view blob) {
  g_converted.clear();
  Problems problems;
  std::vector<AgencyFile> files;
  AgencyOptions options;
  std::size_t at = 0;
  const Value* list = m.find("files");
  for (const Value& f : list ? list->items() : json::Span<Value>()) {
    const std::uint64_t n = static_cast<std::uint64_t>(number(f, "length"));
    const auto fmt = parse_agency_format(field(f, "format"));
    if (!fmt || n > blob.size() - at) {
      problems.push_back({Severity::Error, field(f, "name"),
                          fmt ? "the payload is cut short"
                              : "data-format takes sandik, anka, aa or ap, got " + json::quote(field(f, "format")),
                          "", fmt ? "cut" : "usage"});
      break;
    }
    files.push_back({*fmt, blob.substr(at, static_cast<std::size_t>(n)), field(f, "name"), field(f, "fetched")});
    at += static_cast<std::size_t>(n);
  }
  options.province = field(m, "province");
  if (problems.empty()) {
    AgencyConversion c = convert_agency(files, options);
    problems = std::move(c.problems);
    g_converted = std::move(c.feed);
  }
  return "\"ok\":" + yes(!g_converted.empty()) + ",\"problems\":" + problems_json(problems);
}

}  // namespace sandik::web
