#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/turkish.h"

using namespace sandik;

TEST_CASE("turkish") {
  SUBCASE("what the canvas can draw: emoji left out (they would be \"?\"), the rest as it is") {
    CHECK(turkish::drawable("Ali \U0001F1F9\U0001F1F7") == "Ali");
    CHECK(turkish::drawable("Oy \u2705 ver") == "Oy \u2705 ver");  // (a BMP symbol is drawn)
    CHECK(turkish::drawable("a\u200D\U0001F468\uFE0Fb") == "ab");
    CHECK(turkish::drawable("İmamoğlu %51,15") == "İmamoğlu %51,15");
  }
  SUBCASE("title case with dotted and dotless i") {
    CHECK(turkish::title_case("SARIYER") == "Sarıyer");
    CHECK(turkish::title_case("İSTANBUL") == "İstanbul");
    CHECK(turkish::title_case("EYÜPSULTAN") == "Eyüpsultan");
    CHECK(turkish::title_case("KÜÇÜKÇEKMECE") == "Küçükçekmece");
    CHECK(turkish::title_case("MURAT KURUM") == "Murat Kurum");
    CHECK(turkish::title_case("EKREM İMAMOĞLU") == "Ekrem İmamoğlu");
    CHECK(turkish::title_case("MERAL DANIŞ BEŞTAŞ") == "Meral Danış Beştaş");
  }
  SUBCASE("upper and lower") {
    CHECK(turkish::upper("istanbul") == "İSTANBUL");
    CHECK(turkish::upper("ığdır") == "IĞDIR");
    CHECK(turkish::lower("IĞDIR") == "ığdır");
    CHECK(turkish::lower("İZMİR") == "izmir");
  }
  SUBCASE("fold and slug") {
    CHECK(turkish::fold("Sarıyer") == "sariyer");
    CHECK(turkish::fold("ŞİŞLİ") == "sisli");
    CHECK(turkish::slug("Büyükçekmece") == "buyukcekmece");
    CHECK(turkish::slug("Ekrem İmamoğlu") == "ekrem-imamoglu");
    CHECK(turkish::slug("  AK Parti (Bağımsız) ") == "ak-parti-bagimsiz");
  }
  SUBCASE("search with or without Turkish letters and case") {
    CHECK(turkish::matches("Sarıyer", "sariyer"));
    CHECK(turkish::matches("Sarıyer", "SARIYER"));
    CHECK(turkish::matches("Sarıyer", "Sarı"));
    CHECK(turkish::matches("Sarıyer", ""));
    CHECK_FALSE(turkish::matches("Sarıyer", "şile"));
  }
  SUBCASE("alphabetical order") {
    std::vector<std::string> names = {"Zeytinburnu", "Üsküdar", "Ümraniye", "Şişli", "Sultangazi", "Çekmeköy",
                                      "Çatalca", "Cihangir", "Ilgaz", "İstanbul", "Ortaköy", "Ömerli", "Beşiktaş",
                                      "Beykoz", "Güngören", "Gaziosmanpaşa", "Ğ"};
    std::sort(names.begin(), names.end(), turkish::less);
    const std::vector<std::string> want = {"Beşiktaş", "Beykoz", "Cihangir", "Çatalca", "Çekmeköy", "Gaziosmanpaşa",
                                           "Güngören", "Ğ", "Ilgaz", "İstanbul", "Ortaköy", "Ömerli", "Sultangazi",
                                           "Şişli", "Ümraniye", "Üsküdar", "Zeytinburnu"};
    CHECK(names == want);
    CHECK(turkish::less("ı", "i"));
    // The whole alphabet, each letter after the one before, lower and upper case alike.
    const std::vector<std::string> alphabet = {"a", "b", "c", "ç", "d", "e", "f", "g", "ğ", "h", "ı", "i", "j", "k",
                                               "l", "m", "n", "o", "ö", "p", "q", "r", "s", "ş", "t", "u", "ü", "v",
                                               "w", "x", "y", "z"};
    for (std::size_t i = 1; i < alphabet.size(); ++i) {
      CHECK_MESSAGE(turkish::less(alphabet[i - 1], alphabet[i]), alphabet[i - 1] << " < " << alphabet[i]);
      CHECK(turkish::sort_key(turkish::upper(alphabet[i - 1])) < turkish::sort_key(turkish::upper(alphabet[i])));
    }
    CHECK(turkish::less("Ada", "adalar"));
    // sort_key orders as less does, ties by the text itself
    const std::vector<std::string> mixed = {"Çatalca", "catalca", "Cide", "İstanbul", "Istanbul", "ılgaz", "Iğdır", "şile",
                                            "Sile", "Üsküdar", "uşak", "Ada", "adalar", "Ada 2", "Ada-1", "ağrı", "Âdil",
                                            "adil", "Zeytinburnu", "z", "", "1. Bölge", "10. Bölge", "Ünye", "Ümraniye"};
    for (const std::string& a : mixed)
      for (const std::string& b : mixed) {
        const std::string ka = turkish::sort_key(a), kb = turkish::sort_key(b);
        CHECK(turkish::less(a, b) == (ka < kb || (ka == kb && a < b)));
      }
  }
  SUBCASE("utf-8 validity") {
    CHECK(turkish::is_valid_utf8("Sarıyer"));
    CHECK_FALSE(turkish::is_valid_utf8("Sar\xC4"));
    CHECK_FALSE(turkish::is_valid_utf8("\xED\xA0\x80"));  // a UTF-16 surrogate
  }
}
