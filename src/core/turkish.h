// sandik core — Turkish text rules: case with dotted and dotless i, alphabetical order, search.
//
//   title_case("SARIYER") == "Sarıyer"      upper("istanbul") == "İSTANBUL"
//   fold("Sarıyer") == "sariyer"            (search key: no case, no Turkish letters)
//   slug("Büyükçekmece") == "buyukcekmece"   (ids made from names)
//   less("çatalca", "dudullu")               a b c ç d e f g ğ h ı i j k l m n o ö p r s ş t u ü v y z
//   matches("Sarıyer", "SARI") == true       search with or without Turkish letters and case
#pragma once

#include <string>
#include <string_view>

namespace sandik::turkish {

std::string lower(std::string_view utf8);
std::string upper(std::string_view utf8);
std::string title_case(std::string_view utf8);  // each word: first letter upper, the rest lower
std::string fold(std::string_view utf8);        // lower case ASCII search key
std::string slug(std::string_view utf8);        // fold, runs of non-alphanumerics become '-'
bool less(std::string_view a, std::string_view b);  // Turkish alphabetical order, case-insensitive
// less() as bytes, for sorting many names with each folded once:
//   less(a, b) == (sort_key(a) < sort_key(b) || (sort_key(a) == sort_key(b) && a < b))
std::string sort_key(std::string_view utf8);
bool matches(std::string_view text, std::string_view query);  // folded substring search
bool is_valid_utf8(std::string_view bytes);
std::size_t display_width(std::string_view utf8);  // letters as a terminal shows them (code points, not bytes)
void append_utf8(std::string& out, char32_t code_point);  // encodes one code point
// Decodes the code point at `i` and advances past it; an invalid sequence gives U+FFFD and one byte.
char32_t next_code_point(std::string_view utf8, std::size_t& i);
// What a canvas of 16-bit code points (ImGui's) can draw of `utf8`: code points past U+FFFF
// (emoji, which would come out as "?") left out, with the zero-width joiner and the emoji
// variation selector, and the spaces that then end it ("Ali 🇹🇷" -> "Ali").
std::string drawable(std::string_view utf8);

}  // namespace sandik::turkish
