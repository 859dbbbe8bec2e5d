// Doubles as text without printf (the wasm has none): bit for bit what printf writes.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

#include "core/decimal.h"

using namespace sandik;

namespace {
std::string printf_fixed(double v, int d) {
  char buf[400];
  std::snprintf(buf, sizeof buf, "%.*f", d, v);
  return buf;
}
std::string printf_shortest(double v) {
  char buf[64];
  for (int p = 1; p <= 17; ++p) {
    std::snprintf(buf, sizeof buf, "%.*g", p, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}
}  // namespace

TEST_CASE("decimal") {
  SUBCASE("the figures a reader sees") {
    CHECK(decimal::fixed(51.145, 2) == "51.15");  // the double nearest 51.145 is just above it
    CHECK(decimal::fixed(0.125, 2) == "0.12");    // an exact tie: to even
    CHECK(decimal::fixed(0.375, 2) == "0.38");
    CHECK(decimal::fixed(99.995, 2) == printf_fixed(99.995, 2));
    CHECK(decimal::fixed(100, 2) == "100.00");
    CHECK(decimal::fixed(-0.001, 2) == "-0.00");
    CHECK(decimal::fixed(0, 0) == "0");
    CHECK(decimal::fixed(9.5, 0) == "10");
    CHECK(decimal::fixed(1e21, 1) == "1000000000000000000000.0");
    CHECK(decimal::shortest(0.1) == "0.1");
    CHECK(decimal::shortest(51.15) == "51.15");
    CHECK(decimal::shortest(1e300) == "1e+300");
    CHECK(decimal::shortest(1.5e-7) == "1.5e-07");
    CHECK(decimal::shortest(123456789012345680.0) == "1.2345678901234568e+17");
    CHECK(decimal::shortest(-2.5) == "-2.5");
    CHECK(decimal::shortest(5e-324) == "5e-324");
  }
  SUBCASE("parse: the double strtod gives, for every kind of decimal") {
    for (const char* t :
         {"0", "-0", "51.15", "0.1", "1e300", "1e-320", "4.9406564584124654e-324", "2.4703282292062328e-324",
          "2.4703282292062327e-324", "1.7976931348623157e308", "1.7976931348623159e308", "9007199254740993",
          "123456789012345678901234567890", "0.000000000000000000000000000001234", "1e400", "1e-400", "100"}) {
      INFO(t);
      const double a = decimal::parse(t), b = std::strtod(t, nullptr);
      CHECK(std::memcmp(&a, &b, sizeof a) == 0);
    }
    std::mt19937_64 rng(31032024);
    std::uniform_int_distribution<int> exp(-340, 320), len(1, 25), digit(0, 9);
    int mismatches = 0;
    for (int i = 0; i < 3000; ++i) {
      std::string t;
      const int n = len(rng);
      for (int k = 0; k < n; ++k) t += static_cast<char>('0' + digit(rng));
      if (rng() & 1) t.insert(1 + rng() % static_cast<unsigned>(n), ".");
      t += "e" + std::to_string(exp(rng));
      const double a = decimal::parse(t), b = std::strtod(t.c_str(), nullptr);
      mismatches += std::memcmp(&a, &b, sizeof a) != 0;
      // Halfway between two doubles, written out exactly: ties go to the even one.
      const double d = std::ldexp(static_cast<double>(rng() >> 11), exp(rng) % 300);
      char mid[1200];
      std::snprintf(mid, sizeof mid, "%.1100Lg",
                    (static_cast<long double>(d) + static_cast<long double>(std::nextafter(d, HUGE_VAL))) / 2);
      const double c = decimal::parse(mid), e = std::strtod(mid, nullptr);
      mismatches += std::memcmp(&c, &e, sizeof c) != 0;
    }
    CHECK(mismatches == 0);
  }
  SUBCASE("the same text as printf for 20,000 doubles of every size") {
    std::mt19937_64 rng(20240331);
    std::uniform_real_distribution<double> share(0, 100);
    std::uniform_int_distribution<int> exp(-320, 300);
    int mismatches = 0;
    for (int i = 0; i < 10000; ++i) {
      const double s = share(rng);
      const double r = std::ldexp(static_cast<double>(rng() >> 11), exp(rng) - 53) * (rng() & 1 ? -1 : 1);
      const double ties = std::round(s * 1000) / 1000;  // x.xx5 and the like
      for (double v : {s, ties}) {
        for (int d = 0; d <= 3; ++d) mismatches += decimal::fixed(v, d) != printf_fixed(v, d);
      }
      if (std::fabs(r) < 1e20) mismatches += decimal::fixed(r, 2) != printf_fixed(r, 2);
      mismatches += decimal::shortest(r) != printf_shortest(r);
      mismatches += decimal::shortest(s) != printf_shortest(s);
    }
    CHECK(mismatches == 0);
  }
}
