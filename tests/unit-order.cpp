// The shared stable sort: ordered, stable, and the same as std::stable_sort on any input.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/order.h"

TEST_CASE("stable_sort") {
  SUBCASE("equal keys keep their order") {
    std::vector<std::pair<int, std::string>> v = {{2, "a"}, {1, "b"}, {2, "c"}, {1, "d"}, {0, "e"}};
    sandik::stable_sort(v, [](const auto& x, const auto& y) { return x.first < y.first; });
    CHECK(v == std::vector<std::pair<int, std::string>>{{0, "e"}, {1, "b"}, {1, "d"}, {2, "a"}, {2, "c"}});
  }
  SUBCASE("empty and single") {
    std::vector<int> e;
    sandik::stable_sort(e, [](int a, int b) { return a < b; });
    CHECK(e.empty());
    std::vector<int> one = {7};
    sandik::stable_sort(one, [](int a, int b) { return a < b; });
    CHECK(one == std::vector<int>{7});
  }
  SUBCASE("agrees with std::stable_sort on random input of every size up to 300") {
    std::mt19937 rng(42);
    for (int n = 0; n <= 300; ++n) {
      std::vector<std::pair<int, int>> v(static_cast<std::size_t>(n));
      for (int i = 0; i < n; ++i) v[static_cast<std::size_t>(i)] = {static_cast<int>(rng() % 10), i};
      auto expected = v;
      const auto by_key = [](const std::pair<int, int>& a, const std::pair<int, int>& b) { return a.first > b.first; };
      std::stable_sort(expected.begin(), expected.end(), by_key);
      sandik::stable_sort(v, by_key);
      REQUIRE(v == expected);
    }
  }
}
