// Parse + validate + aggregate a feed natively, best of N runs:  sandik-bench FEED [RUNS]
// (aggregate: every race's sums and table, as the widget's Sandik.check does in bench/bench.mjs)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "core/feed.h"
#include "core/json.h"
#include "core/table_model.h"
#include "core/tally.h"

int main(int argc, char** argv) {
  if (argc < 2) return std::fprintf(stderr, "usage: sandik-bench FEED [RUNS]\n"), 2;
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  const int runs = argc > 2 ? std::atoi(argv[2]) : 10;
  double best_json = 1e9, best_parse = 1e9, best_total = 1e9;
  std::size_t rows = 0;
  for (int i = 0; i < runs; ++i) {  // the JSON reading alone, for the share validation takes
    const auto t0 = std::chrono::steady_clock::now();
    const sandik::json::Document d = sandik::json::parse(text, sandik::json::Limits{});
    const auto t1 = std::chrono::steady_clock::now();
    if (!d.root) return std::fprintf(stderr, "%s\n", d.error.c_str()), 1;
    best_json = std::min(best_json, std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    const sandik::ParsedFeed p = sandik::parse_feed(text);
    const auto t1 = std::chrono::steady_clock::now();
    if (!p.ok()) return std::fprintf(stderr, "%s\n", p.problems[0].to_string().c_str()), 1;
    // Every race's sums and table, as the widget's Sandik.check makes them (src/web/requests.cpp).
    rows = 0;
    for (const sandik::Race& race : p.feed->races) {
      if (race.results.empty()) continue;
      const sandik::RaceTally tally(*p.feed, race, race.results.front().source);
      const sandik::Summary s = sandik::summarize(tally, race.area);
      rows += sandik::table_rows(tally, race.area).size() + s.standings.size();
    }
    const auto t2 = std::chrono::steady_clock::now();
    best_parse = std::min(best_parse, std::chrono::duration<double, std::milli>(t1 - t0).count());
    best_total = std::min(best_total, std::chrono::duration<double, std::milli>(t2 - t0).count());
  }
  std::printf("{\"bytes\":%zu,\"json_ms\":%.2f,\"parse_validate_ms\":%.2f,\"total_ms\":%.2f,\"rows\":%zu}\n",
              text.size(), best_json, best_parse, best_total, rows);
  return 0;
}
