// sandik cli — `sandik replay`: election night again, from snapshots, for rehearsals and tests.
//
// Serves a feed that evolves over time: the snapshots (a folder of sandik/1 feeds, ordered by
// their `updated`) take turns at `path` as the night's clock — started by the first request at
// the first snapshot's time, running `speed` times faster than real time — passes their moments. With ETag, Last-Modified
// and 304 answers to conditional requests, gzip when asked, CORS, Cache-Control max-age, and
// faults on demand. Also serves the demo page (web/) and dist/, like `sandik serve`.
// GET /__replay answers the counts: {"requests","ok","not_modified","failed","snapshot","name","of"}.
#pragma once

#include <string>

namespace sandik {

struct ReplayOptions {
  std::string snapshots = "assets/feeds/night";
  std::string root = ".";
  std::string host = "127.0.0.1";
  int port = 8000;
  std::string path = "/feeds/istanbul-2024.json";  // where the live feed is served
  double speed = 60;         // 60: an hour of the night a minute
  int max_age = 5;           // Cache-Control max-age, seconds
  double fail_rate = 0;      // share of requests answered 500
  int slow_ms = 0;           // delay before every answer
  long malformed_at = 0;     // the Nth request gets a truncated body (0 = never)
  bool out_of_order = false; // every third request gets the snapshot before the current one
  unsigned seed = 31032024;  // for --fail-rate
};

bool replay(const ReplayOptions& options);  // blocks; false when it cannot start

}  // namespace sandik
