// sandik converter — the agencies' own payloads (AA, ANKA, AP) made into one sandik/1 feed in the
// browser, as `sandik import --from` does. A module of its own (dist/sandik-convert.wasm, no
// Emscripten glue): fetched only by a widget whose data-format names an agency, so the widget's
// module (sandik.wasm) never carries the converter (24 KB gzip).
//
// The same door as the widget's (platform.cpp): sandik_request(message, bytes) answers JSON.
//   {"op": "convert", "id", "files": [{format, name, fetched, length}], "province", "ms"} + the
//       payloads one after another: "more" until done (the next slice by "convert-more"), then
//       {"ok", "problems"};
//   {"op": "converted", "id"}: where the feed is in this module's memory ({"at", "length"}), for
//       the loader to copy out and give to the widget as any feed;
//   {"op": "done", "id"}: the feed is forgotten.
#include <emscripten.h>

#include <algorithm>
#include <map>
#include <memory>

#include "adapters/agency.h"
#include "core/json.h"
#include "requests.h"
#include "sandik_constants.h"

namespace sandik::web {
namespace {

struct Conversion {
  std::string blob;  // the payloads, kept while they are converted
  std::unique_ptr<AgencyConvert> job;
  std::string feed;  // what it gave
};
std::map<int, Conversion> g_conversions;  // by widget id: one conversion a widget

std::string convert_more(Conversion& c, const Value& m);

// The payloads one after another in `blob`, as `files` lists them.
std::string convert(Conversion& c, const Value& m, std::string_view blob) {
  c.feed.clear();
  c.blob.assign(blob.data(), blob.size());
  Problems problems;
  std::vector<AgencyFile> files;
  AgencyOptions options;
  std::size_t at = 0;
  const Value* list = m.find("files");
  for (const Value& f : list ? list->items() : json::Span<Value>()) {
    const std::uint64_t n = static_cast<std::uint64_t>(number(f, "length"));
    const auto fmt = parse_agency_format(field(f, "format"));
    if (!fmt || n > c.blob.size() - at) {
      problems.push_back({Severity::Error, field(f, "name"),
                          fmt ? "the payload is cut short"
                              : "data-format takes sandik, anka, aa or ap, got " + json::quote(field(f, "format")),
                          "", fmt ? "cut" : "usage"});
      break;
    }
    files.push_back({*fmt, std::string_view(c.blob).substr(at, static_cast<std::size_t>(n)), field(f, "name"),
                     field(f, "fetched")});
    at += static_cast<std::size_t>(n);
  }
  if (!problems.empty()) {
    c.job.reset();
    return "\"ok\":false,\"problems\":" + problems_json(problems);
  }
  options.province = field(m, "province");
  options.check = false;  // (the widget reads the feed next, in slices)
  c.job = std::make_unique<AgencyConvert>(std::move(files), options);
  return convert_more(c, m);
}

std::string convert_more(Conversion& c, const Value& m) {
  if (!c.job) return "\"superseded\":true";
  Budget budget = budget_of(m);
  if (!c.job->step(budget)) return "\"more\":true";
  AgencyConversion out = c.job->take();
  c.job.reset();
  std::string().swap(c.blob);
  c.feed = std::move(out.feed);
  return "\"ok\":" + yes(!c.feed.empty()) + ",\"problems\":" + problems_json(out.problems);
}

std::string answer(const Value& m, std::string_view bytes) {
  const std::string op = field(m, "op");
  const int id = static_cast<int>(number(m, "id"));
  if (op == "convert") return convert(g_conversions[id], m, bytes);
  const auto it = g_conversions.find(id);
  if (it == g_conversions.end()) return "\"superseded\":true";
  Conversion& c = it->second;
  if (op == "convert-more") return convert_more(c, m);
  if (op == "converted")
    return "\"at\":" + std::to_string(reinterpret_cast<std::uintptr_t>(c.feed.data())) +
           ",\"length\":" + std::to_string(c.feed.size());
  if (op == "done") {
    g_conversions.erase(it);
    return "\"ok\":true";
  }
  return "\"error\":" + json::quote("unknown op " + op);
}

std::string g_answer;

}  // namespace
}  // namespace sandik::web

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* sandik_request(const char* message, int length, const char* bytes, int bytes_length) {
  using namespace sandik::web;
  const sandik::json::Document doc =
      sandik::json::parse(std::string_view(message, static_cast<std::size_t>(length)), sandik::json::Limits{});
  const std::string v = "{\"v\":" + std::to_string(sandik::protocol::version) + ",";
  if (!doc.ok() || !doc.root->is_object() || number(*doc.root, "v") != sandik::protocol::version)
    g_answer = v + "\"error\":\"not a message of protocol version " + std::to_string(sandik::protocol::version) + "\"}";
  else
    g_answer = v + answer(*doc.root, std::string_view(bytes, static_cast<std::size_t>(std::max(bytes_length, 0)))) + "}";
  return g_answer.c_str();
}

}  // extern "C"
