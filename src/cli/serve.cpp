#include "serve.h"
#include "replay.h"

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <vector>

#include <sys/stat.h>

#include <httplib.h>

namespace sandik {

std::string http_date(std::int64_t epoch) {
  const std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

namespace {

std::string real(const std::string& path) {
  char buf[PATH_MAX];
  return realpath(path.c_str(), buf) ? std::string(buf) : std::string();
}

// What a request may not be, before any file is looked at: a method the server does not
// serve (405), a path with NUL or another control character once decoded (400:
// "/feeds/x.json%00.html" would be typed by its false extension), too many headers (431), or a
// file that a link takes out of its directory (404). Ranges: one at most; a list of them is
// answered with the whole file (httplib would send each, 1,000 copies for "bytes=0-" × 1,000).
httplib::Server::HandlerResponse refuse(const std::vector<std::pair<std::string, std::string>>& mounts,
                                        const httplib::Request& req, httplib::Response& res) {
  const auto no = [&](int status) {
    res.status = status;
    res.set_content("", "text/plain");
    return httplib::Server::HandlerResponse::Handled;
  };
  if (req.method != "GET" && req.method != "HEAD" && req.method != "OPTIONS") {
    res.set_header("Allow", "GET, HEAD, OPTIONS");
    return no(405);
  }
  for (const char ch : req.path)
    if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F) return no(400);
  if (req.headers.size() > 64) return no(431);
  auto& request = const_cast<httplib::Request&>(req);  // (the server's own object)
  if (request.ranges.size() > 1) {                     // (parsed before routing: the header alone is not enough)
    request.ranges.clear();
    request.headers.erase("Range");
  }
  for (const auto& [prefix, dir] : mounts) {  // longest prefix first
    if (req.path.rfind(prefix, 0) != 0) continue;
    const std::string base = real(dir), file = real(dir + "/" + req.path.substr(prefix.size()));
    if (!file.empty() && (base.empty() || (file != base && file.rfind(base + "/", 0) != 0))) return no(404);
    break;
  }
  return httplib::Server::HandlerResponse::Unhandled;
}

}  // namespace

void serve_site(httplib::Server& server, const std::string& root, const std::string& feeds) {
  // Browsers keep connections open: enough workers that a page's parallel requests never wait
  // for another's keep-alive to time out, and more than a few slow clients can hold.
  server.new_task_queue = [] { return new httplib::ThreadPool(64); };
  server.set_keep_alive_timeout(2);
  // A request arrives whole in a moment: a client silent for a second in the middle of one (a
  // header line every few seconds, holding a worker) gets 400. What httplib 0.11 cannot do: bound
  // a request's whole reading time, so a client that sends a line just under every second holds
  // its worker until it stops; 64 workers are how many such clients it takes to stall the server.
  server.set_read_timeout(1, 0);
  std::vector<std::pair<std::string, std::string>> mounts = {
      {"/agency/", root + "/assets/agency"}, {"/dist/", root + "/dist"}, {"/", root + "/web"}};
  if (!feeds.empty()) mounts.insert(mounts.begin(), {"/feeds/", feeds});
  // Debian's cpp-httplib answers "br" with Brotli at quality 11: ~300 ms for a 120 KB feed, which
  // a test or a reader's first draw would wait for. Offer it gzip only (fast, and what CDNs
  // re-encode anyway). The request is the server's own object: changing it here is allowed.
  server.set_pre_routing_handler([mounts](const httplib::Request& req, httplib::Response& res) {
    if (refuse(mounts, req, res) == httplib::Server::HandlerResponse::Handled)
      return httplib::Server::HandlerResponse::Handled;
    auto& headers = const_cast<httplib::Request&>(req).headers;
    const auto range = headers.equal_range("Accept-Encoding");  // (header names compare case-insensitively)
    for (auto it = range.first; it != range.second; ++it) {
      std::string kept;
      std::size_t start = 0;
      while (start <= it->second.size()) {
        std::size_t end = it->second.find(',', start);
        if (end == std::string::npos) end = it->second.size();
        std::string token = it->second.substr(start, end - start);
        token.erase(0, token.find_first_not_of(' '));
        if (token.rfind("br", 0) != 0 && !token.empty()) kept += (kept.empty() ? "" : ", ") + token;
        start = end + 1;
      }
      it->second = kept;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  if (!feeds.empty()) server.set_mount_point("/feeds", feeds);
  server.set_mount_point("/dist", root + "/dist");
  server.set_mount_point("/", root + "/web");
  // The agencies' payloads as their servers publish them (AA and ANKA files carry no time: the
  // widget takes it from Last-Modified, which here is the file's modification time).
  server.set_mount_point("/agency", root + "/assets/agency");
  server.set_file_request_handler([root](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/agency/", 0) != 0) return;
    struct stat st {};
    if (req.path.find("..") == std::string::npos && stat((root + "/assets" + req.path).c_str(), &st) == 0) {
      res.set_header("Last-Modified", http_date(static_cast<std::int64_t>(st.st_mtime)));
    }
  });
  server.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
  server.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");
}

bool serve(const ServeOptions& opt) {
  httplib::Server server;
  serve_site(server, opt.root, opt.root + "/assets/feeds");
  // The country's night (assets/feeds/turkiye) as a split index and parts, at its last moment.
  std::string error;
  const std::string national = opt.root + "/assets/feeds/turkiye";
  if (std::filesystem::is_directory(national) && !serve_split(server, national, "/feeds/turkiye/index.json", error))
    std::fprintf(stderr, "sandik: %s (the national demo is not served)\n", error.c_str());
  server.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Access-Control-Allow-Origin", "*");
    // The server's clock and the files' times, readable by pages on other origins too.
    res.set_header("Date", http_date(static_cast<std::int64_t>(std::time(nullptr))));
    res.set_header("Access-Control-Expose-Headers", "Last-Modified, Date");
    // Feeds must be fresh; the built widget can be cached briefly.
    res.set_header("Cache-Control", req.path.rfind("/feeds/", 0) == 0 ? "no-cache" : "max-age=60");
  });
  server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    if (res.status >= 400) std::fprintf(stderr, "%d %s %s\n", res.status, req.method.c_str(), req.path.c_str());
  });
  if (!server.bind_to_port(opt.host.c_str(), opt.port)) {
    std::fprintf(stderr, "sandik: cannot listen on %s:%d (in use?)\n", opt.host.c_str(), opt.port);
    return false;
  }
  std::printf("sandik: serving the demo at http://%s:%d/  (Ctrl-C stops)\n", opt.host.c_str(), opt.port);
  std::fflush(stdout);
  return server.listen_after_bind();
}

}  // namespace sandik
