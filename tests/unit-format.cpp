#include <doctest/doctest.h>

#include "core/format.h"
#include "core/time.h"

using namespace sandik;

TEST_CASE("format") {
  SUBCASE("counts") {
    CHECK(format_count(4433015, Lang::Tr) == "4.433.015");
    CHECK(format_count(4433015, Lang::En) == "4,433,015");
    CHECK(format_count(0, Lang::Tr) == "0");
    CHECK(format_count(999, Lang::En) == "999");
    CHECK(format_count(1000, Lang::En) == "1,000");
    CHECK(format_count(-1001426, Lang::Tr) == "-1.001.426");
    CHECK(format_count(9007199254740992, Lang::En) == "9,007,199,254,740,992");
  }
  SUBCASE("percent and points") {
    CHECK(format_percent(51.145, Lang::Tr) == "%51,15");  // 51.145 is 51.14500000000000312…
    CHECK(format_percent(51.15, Lang::En) == "51.15%");
    CHECK(format_percent(74.93, Lang::Tr) == "%74,93");
    CHECK(format_percent(100, Lang::En, 1) == "100.0%");
    CHECK(format_decimal(11.56, Lang::Tr) == "11,56");
    CHECK(format_decimal(1234.5, Lang::Tr, 1) == "1.234,5");
    CHECK(format_decimal(-0.001, Lang::En) == "0.00");
  }
  SUBCASE("clock times") {
    const auto t = parse_rfc3339("2024-03-31T22:35:00+03:00");
    REQUIRE(t);
    CHECK(format_clock(t->epoch, 180, Lang::Tr) == "22.35");
    CHECK(format_clock(t->epoch, 180, Lang::En) == "10:35 PM");
    const auto m = parse_rfc3339("2024-04-01T00:05:00+03:00");
    CHECK(format_clock(m->epoch, 180, Lang::En) == "12:05 AM");
  }
  SUBCASE("rfc 3339") {
    const auto z = parse_rfc3339("2024-04-02T08:27:41Z");
    const auto o = parse_rfc3339("2024-04-02T11:27:41+03:00");
    REQUIRE(z);
    REQUIRE(o);
    CHECK(z->epoch == o->epoch);
    CHECK(z->epoch == 1712046461);
    CHECK(parse_rfc3339("2024-04-02T08:27:41.250+00:00"));
    CHECK_FALSE(parse_rfc3339("2024-02-30T00:00:00Z"));
    CHECK_FALSE(parse_rfc3339("2024-04-02 08:27"));
    CHECK_FALSE(parse_rfc3339("yesterday"));
    CHECK_FALSE(parse_rfc3339("2024-04-02T08:27:41"));  // no offset
  }
  SUBCASE("Istanbul is UTC+3 in 2024") {
    const auto z = parse_rfc3339("2024-04-02T08:27:41+00:00");
    CHECK(zone_offset_min("Europe/Istanbul", z->epoch) == 180);
    CHECK_FALSE(zone_offset_min("America/Chicago", z->epoch));  // zones the core does not know
    const auto w = parse_rfc3339("2014-01-15T12:00:00Z");
    CHECK(zone_offset_min("Europe/Istanbul", w->epoch) == 120);
  }
  SUBCASE("US Eastern (AP feeds): daylight time from the second Sunday of March to the first of November") {
    auto at = [](const char* t) { return zone_offset_min("America/New_York", parse_rfc3339(t)->epoch); };
    CHECK(at("2016-03-02T20:35:54Z") == -300);  // Super Tuesday's last update: EST
    CHECK(at("2016-03-13T06:59:59Z") == -300);  // 01:59:59 EST
    CHECK(at("2016-03-13T07:00:00Z") == -240);  // 03:00 EDT
    CHECK(at("2012-11-04T05:59:59Z") == -240);  // 01:59:59 EDT
    CHECK(at("2012-11-04T06:00:00Z") == -300);  // 01:00 EST again
    CHECK(at("2012-11-07T04:00:00Z") == -300);  // election night 2012, 23:00 EST
  }
}
