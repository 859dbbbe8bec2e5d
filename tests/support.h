// Helpers the unit tests share.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace sandik::test {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace sandik::test
