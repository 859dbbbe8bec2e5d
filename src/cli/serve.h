// sandik cli — a static server for the demo: web/ at /, dist/ at /dist/, assets/feeds/ at /feeds/.
#pragma once

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

// What `serve` and `replay` share: workers for parallel keep-alive requests, web/ at / and
// dist/ at /dist/ (with the wasm MIME type).
void serve_site(httplib::Server& server, const std::string& root);

}  // namespace sandik
