// sandik core — doubles as decimal text, exactly as printf would write them, without printf
// (the wasm carries no libc printf: ~12 KB).
//
//   fixed(51.145, 2)      "51.14"   (the double nearest 51.145 is a little below it; ties to even)
//   shortest(0.1)         "0.1"     the fewest significant digits that read back the same (%.*g)
//   parse("51.15")        51.15     the double nearest the decimal, as strtod gives it
#pragma once

#include <string>
#include <string_view>

namespace sandik::decimal {

double parse(std::string_view number);         // strtod, correctly rounded (ties to even), for JSON numbers
std::string fixed(double v, int decimals);     // printf("%.*f", decimals, v); v finite
std::string shortest(double v, int from = 1);  // printf("%.*g", p, v), the least p in from..17 that round-trips

}  // namespace sandik::decimal
