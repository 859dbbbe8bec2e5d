// libFuzzer target: any bytes through the JSON reader, the validator and every aggregation the
// widget does; and a differential check of the reader against nlohmann/json: both must accept
// and reject the same JSON syntax. Built by ./build-wasm.sh test with clang
// -fsanitize=fuzzer,address,undefined; run longer by hand:
//   build/sanitize/sandik-fuzz -max_total_time=600 tests/data assets/feeds
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "adapters/agency.h"
#include "core/feed.h"
#include "core/json.h"
#include "core/table_model.h"
#include "core/tally.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  // 1. The reader agrees with nlohmann/json on what is JSON.
  sandik::json::Limits wide;
  wide.max_bytes = 1 << 20;
  wide.max_depth = 400;
  wide.max_string = 1 << 20;
  wide.max_items = 1 << 20;
  const sandik::json::Document doc = sandik::json::parse(text, wide);
  const bool ours = doc.ok();
  const bool syntax_error = !ours && doc.error.rfind("invalid JSON", 0) == 0;
  if (ours || syntax_error) {
    const bool theirs = nlohmann::json::accept(text.begin(), text.end());
    if (ours != theirs) {
      std::fprintf(stderr, "reader disagrees with nlohmann: ours %s (%s), nlohmann %s\n", ours ? "accepts" : "rejects",
                   doc.error.c_str(), theirs ? "accepts" : "rejects");
      std::abort();
    }
  }

  // 2. The agencies' adapters never crash, and what they accept is a valid feed.
  for (const sandik::AgencyFormat format : {sandik::AgencyFormat::Anka, sandik::AgencyFormat::Aa, sandik::AgencyFormat::Ap}) {
    const sandik::AgencyConversion c = sandik::convert_agency({{format, text, "f.json", "2024-04-01T01:00:00+03:00"}});
    if (c.ok() && !sandik::parse_feed(c.feed).ok()) {
      std::fprintf(stderr, "an agency conversion produced an invalid feed\n");
      std::abort();
    }
  }

  // 3. Validation and aggregation never crash, whatever they are given.
  sandik::ParseOptions options;
  options.max_bytes = 1 << 20;
  const sandik::ParsedFeed parsed = sandik::parse_feed(text, options);

  // 4. Read in slices of three units of work, it is the same: the same problems, in order.
  {
    sandik::FeedParse parse(text, options);
    for (;;) {
      sandik::Budget budget = sandik::Budget::units(3);
      if (parse.step(budget)) break;
    }
    const sandik::ParsedFeed part = parse.take();
    bool same = part.ok() == parsed.ok() && part.problems.size() == parsed.problems.size();
    for (std::size_t i = 0; same && i < part.problems.size(); ++i)
      same = part.problems[i].to_string() == parsed.problems[i].to_string();
    if (!same) {
      std::fprintf(stderr, "read in slices, the feed gives other problems than read at once\n");
      std::abort();
    }
  }
  if (!parsed.ok()) return 0;
  const sandik::Feed& feed = *parsed.feed;
  for (const sandik::Race& race : feed.races) {
    for (int source = 0; source < static_cast<int>(feed.sources.size()); ++source) {
      const sandik::RaceTally tally(feed, race, source);
      if (race.area < 0) continue;
      (void)sandik::summarize(tally, race.area);
      sandik::TableQuery q;
      q.sort = sandik::SortKey::Swing;
      (void)sandik::table_rows(tally, race.area, q);
      (void)sandik::flipped_rows(tally, race.area);
    }
  }
  return 0;
}
