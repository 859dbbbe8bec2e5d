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
#include "common.h"
#include "serve.h"

namespace sandik {
namespace {

struct Snapshot {
  std::string name, body;
  std::int64_t updated = 0;                                 // epoch seconds
  std::vector<std::pair<std::string, std::string>> files;  // split: name -> text (index.json last)
  const std::string* file(const std::string& n) const {
    for (const auto& f : files)
      if (f.first == n) return &f.second;
    return nullptr;
  }
};

bool load(const std::string& dir, bool split, std::vector<Snapshot>& out, std::string& error) {
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
    if (split && !cli::split_files(*p.feed, cli::ojson::parse(s.body, nullptr, false), s.files, error)) {
      error = s.name + ": " + error;
      return false;
    }
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

// A split night's file, known by its content: an unchanged part keeps its ETag from moment to moment.
std::string etag_of(const std::string& body) { return "\"" + std::to_string(std::hash<std::string>{}(body)) + "\""; }

// ETag and Last-Modified on the answer; true when the request already holds that ETag (a 304).
bool stamped(const httplib::Request& req, httplib::Response& res, const std::string& etag, std::int64_t updated) {
  res.set_header("ETag", etag);
  res.set_header("Last-Modified", http_date(updated));
  return req.get_header_value("If-None-Match") == etag;
}

// A split night's index at `path` and its parts beside it, each answered by file(req, res, name).
template <typename File>
void split_routes(httplib::Server& server, const std::string& path, File file) {
  server.Get(path, [file](const httplib::Request& req, httplib::Response& res) { file(req, res, "index.json"); });
  server.Get(path.substr(0, path.rfind('/') + 1) + R"(([a-z0-9-]+\.json))",
             [file](const httplib::Request& req, httplib::Response& res) { file(req, res, req.matches[1].str()); });
}

// One night on `server`: its snapshots at `path` (split: the index there, the parts beside it),
// its clock started by the first request for it. The counters are the whole replay's.
struct Night {
  std::vector<Snapshot> snapshots;
  std::once_flag clock_started;
  std::chrono::steady_clock::time_point started;
  double now(double speed) {
    std::call_once(clock_started, [&] { started = std::chrono::steady_clock::now(); });
    const double real = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return static_cast<double>(snapshots.front().updated) + real * speed;
  }
  std::size_t current(double speed) {
    const double virtual_now = now(speed);
    std::size_t i = 0;
    while (i + 1 < snapshots.size() && static_cast<double>(snapshots[i + 1].updated) <= virtual_now) ++i;
    return i;
  }
};

struct Counters {
  std::mutex mu;
  std::mt19937 rng;
  std::atomic<long> requests{0}, ok{0}, not_modified{0}, failed{0};
};

void serve_night(httplib::Server& server, Night& night, const std::string& path, bool split, const ReplayOptions& opt,
                 Counters& k) {
  // The feed at `path`; split, the index there and its parts beside it (`file`: the part's name).
  auto feed = [&night, &opt, &k, split](const httplib::Request& req, httplib::Response& res, const std::string& file) {
    const long n = ++k.requests;
    res.set_header("Access-Control-Allow-Origin", "*");
    // The night's clock as the server's Date: the widget judges "last updated" by it, so a
    // rehearsal of 2024 is not "stale" for being years old (exposed to pages on other origins).
    res.set_header("Access-Control-Expose-Headers", "ETag, Last-Modified, Date");
    res.set_header("Date", http_date(static_cast<std::int64_t>(night.now(opt.speed))));
    if (opt.slow_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(opt.slow_ms));
    bool fail = false;
    {
      std::lock_guard<std::mutex> lock(k.mu);
      fail = opt.fail_rate > 0 && std::uniform_real_distribution<double>(0, 1)(k.rng) < opt.fail_rate;
    }
    if (fail) {
      ++k.failed;
      res.status = 500;
      res.set_content("replay: injected failure\n", "text/plain");
      return;
    }
    std::size_t i = night.current(opt.speed);
    if (opt.out_of_order && n % 3 == 0 && i > 0) --i;  // a cache answering with an older copy
    const Snapshot& s = night.snapshots[i];
    const std::string* body = split ? s.file(file) : &s.body;
    if (!body) {
      res.status = 404;
      res.set_content("replay: no part " + file + " at this moment\n", "text/plain");
      return;
    }
    const bool malformed = opt.malformed_at > 0 && n == opt.malformed_at;
    const std::string etag = malformed ? "\"malformed-" + std::to_string(n) + "\""
                             : split   ? etag_of(*body)
                                       : "\"" + std::to_string(i) + "-" + std::to_string(s.updated) + "\"";
    const bool unchanged = stamped(req, res, etag, s.updated);
    res.set_header("Cache-Control", "public, max-age=" + std::to_string(opt.max_age));
    if (!malformed && unchanged) {
      ++k.not_modified;
      res.status = 304;
      return;
    }
    ++k.ok;
    res.set_content(malformed ? body->substr(0, body->size() / 2) : *body, "application/json");  // gzipped when asked
  };
  if (split)
    split_routes(server, path, feed);
  else
    server.Get(path, [feed](const httplib::Request& req, httplib::Response& res) { feed(req, res, "index.json"); });
}

}  // namespace

bool serve_split(httplib::Server& server, const std::string& dir, const std::string& path, std::string& error) {
  std::vector<Snapshot> night;
  if (!load(dir, true, night, error)) return false;
  auto last = std::make_shared<Snapshot>(std::move(night.back()));
  auto file = [last](const httplib::Request& req, httplib::Response& res, const std::string& name) {
    const std::string* body = last->file(name);
    if (!body) {
      res.status = 404;
      return;
    }
    if (stamped(req, res, etag_of(*body), last->updated))
      res.status = 304;
    else
      res.set_content(*body, "application/json");
  };
  split_routes(server, path, file);
  return true;
}

bool replay(const ReplayOptions& opt) {
  Night night, national;
  std::string error;
  if (!load(opt.snapshots, opt.split, night.snapshots, error) ||
      (!opt.national.empty() && !load(opt.national, true, national.snapshots, error))) {
    std::fprintf(stderr, "sandik replay: %s\n", error.c_str());
    return false;
  }
  Counters counters;
  counters.rng.seed(opt.seed);
  httplib::Server server;
  serve_site(server, opt.root);
  serve_night(server, night, opt.path, opt.split, opt, counters);
  if (!opt.national.empty()) serve_night(server, national, opt.national_path, true, opt, counters);
  auto& requests = counters.requests;
  auto& ok = counters.ok;
  auto& not_modified = counters.not_modified;
  auto& failed = counters.failed;
  server.Get("/__replay", [&](const httplib::Request&, httplib::Response& res) {
    const std::size_t i = night.current(opt.speed);
    res.set_header("Access-Control-Allow-Origin", "*");
    res.set_header("Cache-Control", "no-store");
    res.set_content("{\"requests\":" + std::to_string(requests.load()) + ",\"ok\":" + std::to_string(ok.load()) +
                        ",\"not_modified\":" + std::to_string(not_modified.load()) +
                        ",\"failed\":" + std::to_string(failed.load()) + ",\"snapshot\":" + std::to_string(i) +
                        ",\"name\":" + sandik::json::quote(night.snapshots[i].name) +
                        ",\"of\":" + std::to_string(night.snapshots.size()) +
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
      night.snapshots.size(), opt.snapshots.c_str(), opt.speed, opt.host.c_str(), opt.port, opt.path.c_str());
  if (!opt.national.empty())
    std::printf("sandik: and %zu moments of the country's night from %s, split, at %s\n", national.snapshots.size(),
                opt.national.c_str(), opt.national_path.c_str());
  std::fflush(stdout);
  return server.listen_after_bind();
}

}  // namespace sandik
