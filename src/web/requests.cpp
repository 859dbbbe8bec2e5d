// sandik web requests — the door's answers that need no widget and no GL: the loader's words,
// a failure in the reader's words, Sandik.check (the agencies' payloads: converter.cpp).
#include "requests.h"

#include <emscripten.h>

#include <memory>

#include "core/format.h"
#include "core/table_model.h"
#include "core/tally.h"
#include "ui/present.h"

namespace sandik::web {
namespace {


}  // namespace

std::string field(const Value& m, const char* key) {
  const Value* v = m.find(key);
  return v && v->is_string() ? std::string(v->str()) : std::string();
}

double number(const Value& m, const char* key) {
  const Value* v = m.find(key);
  return v && v->is_number() ? v->number() : 0;
}

Budget budget_of(const Value& m) {
  const double ms = number(m, "ms");
  return ms > 0 ? Budget::milliseconds(ms, &emscripten_get_now) : Budget();
}


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
// Sandik.check in slices like a feed the widget reads: {"more": true} until done, then
// {ok, ms (the work's own time, slices added up), problems}; the next slice by "check-more".
namespace {
struct Checking {
  std::string text;
  std::unique_ptr<FeedParse> parse;
  ParsedFeed parsed;
  std::size_t race = 0;  // the race whose sums come next
  double ms = 0;
};
std::unique_ptr<Checking> g_checking;  // one at a time (the loader queues them)
}  // namespace

std::string check(const Value& m, std::string_view bytes) {
  g_checking = std::make_unique<Checking>();
  g_checking->text.assign(bytes.data(), bytes.size());
  g_checking->parse = std::make_unique<FeedParse>(g_checking->text);
  return check_more(m);
}

std::string check_more(const Value& m) {
  if (!g_checking) return "\"error\":\"no check\"";
  Checking& c = *g_checking;
  // This slice's time, added once whichever way it ends (it used to add the reading's part
  // twice when the same slice went on to the sums).
  const double t0 = emscripten_get_now();
  const auto until_now = [&] { c.ms += emscripten_get_now() - t0; };
  Budget budget = budget_of(m);
  const std::string more = "\"more\":true";
  if (c.parse) {
    if (!c.parse->step(budget)) return until_now(), more;
    c.parsed = c.parse->take();
    c.parse.reset();
    if (budget.expired()) return until_now(), more;
  }
  // The sums and the table of each race, as the widget makes them: a race a slice.
  const std::size_t races = c.parsed.ok() ? c.parsed.feed->races.size() : 0;
  for (; c.race < races; ++c.race) {
    const Race& race = c.parsed.feed->races[c.race];
    if (race.results.empty()) continue;
    // Counted, not timed, race by race: a look at the clock is a call out to the browser (a
    // country's 342 races spent 0.5 ms on the looks alone); the clock is read every 16 races.
    if (budget.spent(Budget::kCheckEvery / 16)) return until_now(), more;
    const RaceTally tally(*c.parsed.feed, race, race.results.front().source);
    (void)summarize(tally, race.area);
    (void)table_rows(tally, race.area);
  }
  until_now();
  const std::string out = "\"ok\":" + yes(c.parsed.ok()) + ",\"ms\":" + json::number_text(c.ms) +
                          ",\"problems\":" + problems_json(c.parsed.problems);
  g_checking.reset();
  return out;
}

}  // namespace sandik::web
