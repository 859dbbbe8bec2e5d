// libFuzzer target: any bytes through the parser, the validator and every aggregation the
// widget does. Built by ./build-wasm.sh test with clang -fsanitize=fuzzer,address,undefined;
// run by hand for longer:  build/sanitize/sandik-fuzz -max_total_time=600 tests/data assets/feeds
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/feed.h"
#include "core/table_model.h"
#include "core/tally.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sandik::ParseOptions options;
  options.max_bytes = 1 << 20;
  const sandik::ParsedFeed parsed = sandik::parse_feed(std::string_view(reinterpret_cast<const char*>(data), size), options);
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
