// sandik cli — a static server for the demo: web/ at /, dist/ at /dist/, assets/feeds/ at /feeds/.
#pragma once

#include <cstdint>
#include <string>

namespace sandik {

struct ServeOptions {
  std::string root = ".";          // the repository (web/, dist/, assets/ below it)
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8000;
};

bool serve(const ServeOptions& options);  // blocks; false when the port cannot be bound

}  // namespace sandik

namespace httplib {
class Server;
}

namespace sandik {

// What `serve` and `replay` share: workers for parallel keep-alive requests, web/ at /, dist/
// at /dist/ (with the wasm MIME type), assets/agency/ at /agency/ (with Last-Modified), `feeds`
// (a directory, "" = none) at /feeds/; and what no request may be (serve.cpp: refuse()).
void serve_site(httplib::Server& server, const std::string& root, const std::string& feeds = "");

std::string http_date(std::int64_t epoch);  // "Mon, 01 Apr 2024 01:00:00 GMT"

}  // namespace sandik
