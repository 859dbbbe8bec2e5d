#include "replay.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>

#include <httplib.h>

#include "../core/feed.h"
#include "../core/json.h"
#include "serve.h"

namespace sandik {
namespace {

struct Snapshot {
  std::string name, body;
  std::int64_t updated = 0;  // epoch seconds
};

bool load(const std::string& dir, std::vector<Snapshot>& out, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    Snapshot s;
    s.name = entry.path().filename().string();
    s.body = ss.str();
    ParseOptions opt;
    opt.max_bytes = 512u << 20;
    const ParsedFeed p = parse_feed(s.body, opt);
    if (!p.ok()) {
      error = s.name + ": " + p.problems.front().to_string();
      return false;
    }
    s.updated = p.feed->updated.epoch;
    out.push_back(std::move(s));
  }
  if (ec) {
    error = "cannot read " + dir + ": " + ec.message();
    return false;
  }
  if (out.empty()) {
    error = "no .json snapshots in " + dir;
    return false;
  }
  std::stable_sort(out.begin(), out.end(), [](const Snapshot& a, const Snapshot& b) { return a.updated < b.updated; });
  return true;
}

}  // namespace

bool replay(const ReplayOptions& opt) {
  std::vector<Snapshot> night;
  std::string error;
  if (!load(opt.snapshots, night, error)) {
    std::fprintf(stderr, "sandik replay: %s\n", error.c_str());
    return false;
  }
  // The night's clock starts with the first request for the feed (a rehearsal starts when the
  // first reader arrives) at the first snapshot's time, and runs `speed` times faster.
  std::once_flag clock_started;
  std::chrono::steady_clock::time_point started;
  const std::int64_t first = night.front().updated;
  auto night_now = [&]() -> double {
    std::call_once(clock_started, [&] { started = std::chrono::steady_clock::now(); });
    const double real = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return static_cast<double>(first) + real * opt.speed;
  };
  auto current = [&]() -> std::size_t {
    const double virtual_now = night_now();
    std::size_t i = 0;
    while (i + 1 < night.size() && static_cast<double>(night[i + 1].updated) <= virtual_now) ++i;
    return i;
  };

  std::mutex mu;
  std::mt19937 rng(opt.seed);
  std::atomic<long> requests{0}, ok{0}, not_modified{0}, failed{0};

  httplib::Server server;
  serve_site(server, opt.root);

  server.Get(opt.path, [&](const httplib::Request& req, httplib::Response& res) {
    const long n = ++requests;
    res.set_header("Access-Control-Allow-Origin", "*");
    // The night's clock as the server's Date: the widget judges "last updated" by it, so a
    // rehearsal of 2024 is not "stale" for being years old (exposed to pages on other origins).
    res.set_header("Access-Control-Expose-Headers", "ETag, Last-Modified, Date");
    res.set_header("Date", http_date(static_cast<std::int64_t>(night_now())));
    if (opt.slow_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(opt.slow_ms));
    bool fail = false;
    {
      std::lock_guard<std::mutex> lock(mu);
      fail = opt.fail_rate > 0 && std::uniform_real_distribution<double>(0, 1)(rng) < opt.fail_rate;
    }
    if (fail) {
      ++failed;
      res.status = 500;
      res.set_content("replay: injected failure\n", "text/plain");
      return;
    }
    std::size_t i = current();
    if (opt.out_of_order && n % 3 == 0 && i > 0) --i;  // a cache answering with an older copy
    const Snapshot& s = night[i];
    std::string etag = "\"" + std::to_string(i) + "-" + std::to_string(s.updated) + "\"";
    const bool malformed = opt.malformed_at > 0 && n == opt.malformed_at;
    if (malformed) etag = "\"malformed-" + std::to_string(n) + "\"";
    res.set_header("ETag", etag);
    res.set_header("Last-Modified", http_date(s.updated));
    res.set_header("Cache-Control", "public, max-age=" + std::to_string(opt.max_age));
    if (!malformed && req.get_header_value("If-None-Match") == etag) {
      ++not_modified;
      res.status = 304;
      return;
    }
    ++ok;
    res.set_content(malformed ? s.body.substr(0, s.body.size() / 2) : s.body,
                    "application/json");  // gzipped when asked
  });
  server.Get("/__replay", [&](const httplib::Request&, httplib::Response& res) {
    const std::size_t i = current();
    res.set_header("Access-Control-Allow-Origin", "*");
    res.set_header("Cache-Control", "no-store");
    res.set_content("{\"requests\":" + std::to_string(requests.load()) + ",\"ok\":" + std::to_string(ok.load()) +
                        ",\"not_modified\":" + std::to_string(not_modified.load()) +
                        ",\"failed\":" + std::to_string(failed.load()) + ",\"snapshot\":" + std::to_string(i) +
                        ",\"name\":" + sandik::json::quote(night[i].name) + ",\"of\":" + std::to_string(night.size()) +
                        "}\n",
                    "application/json");
  });
  server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    if (res.status >= 400 && res.status != 500)
      std::fprintf(stderr, "%d %s %s\n", res.status, req.method.c_str(), req.path.c_str());
  });
  if (!server.bind_to_port(opt.host.c_str(), opt.port)) {
    std::fprintf(stderr, "sandik replay: cannot listen on %s:%d (in use?)\n", opt.host.c_str(), opt.port);
    return false;
  }
  std::printf(
      "sandik: replaying %zu moments of the night from %s at %gx on http://%s:%d/  (feed: %s, stats: /__replay)\n",
      night.size(), opt.snapshots.c_str(), opt.speed, opt.host.c_str(), opt.port, opt.path.c_str());
  std::fflush(stdout);
  return server.listen_after_bind();
}

}  // namespace sandik
