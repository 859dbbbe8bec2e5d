// sandik cli — `sandik replay`: election night again, from snapshots, for rehearsals and tests.
//
// Serves a feed that evolves over time: the snapshots (a folder of sandik/1 feeds, ordered by
// their `updated`) take turns at `path` as the night's clock — started by the first request at
// the first snapshot's time, running `speed` times faster than real time — passes their moments. With ETag, Last-Modified
// and 304 answers to conditional requests, gzip when asked, CORS, Cache-Control max-age, and
// faults on demand. Also serves the demo page (web/) and dist/, like `sandik serve`.
// With `split`, each snapshot is a whole country's feed served as a split night (sandik split):
// `path` is its index.json, each part beside it, every file with its own ETag (an unchanged part
// answers 304 from one moment to the next).
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
  bool split = false;        // serve each snapshot split: the index at `path`, the parts beside it
  // A whole country's night besides (its own clock, split): snapshots and the index's path.
  std::string national;
  std::string national_path = "/feeds/turkiye/index.json";
  unsigned seed = 31032024;  // for --fail-rate
};

bool replay(const ReplayOptions& options);  // blocks; false when it cannot start

}  // namespace sandik

namespace httplib {
class Server;
}

namespace sandik {

// The last moment of a whole country's night (a folder of feeds, as replay reads them), split
// (sandik split): its index at `path`, its parts beside it, with ETags. For `sandik serve`.
bool serve_split(httplib::Server& server, const std::string& dir, const std::string& path, std::string& error);

}  // namespace sandik
