#include "turkish.h"

#include <cstdint>

namespace sandik::turkish {
namespace {
constexpr char32_t kBad = 0xFFFD;
}  // namespace

char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) { return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80; };
  auto bits = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F); };
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  if (b0 >= 0xC2 && b0 < 0xE0 && cont(1)) {
    const char32_t c = (static_cast<char32_t>(b0 & 0x1F) << 6) | bits(1);
    i += 2;
    return c;
  }
  if (b0 >= 0xE0 && b0 < 0xF0 && cont(1) && cont(2)) {
    const char32_t c = (static_cast<char32_t>(b0 & 0x0F) << 12) | (bits(1) << 6) | bits(2);
    if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
      i += 3;
      return c;
    }
  }
  if (b0 >= 0xF0 && b0 < 0xF5 && cont(1) && cont(2) && cont(3)) {
    const char32_t c = (static_cast<char32_t>(b0 & 0x07) << 18) | (bits(1) << 12) | (bits(2) << 6) | bits(3);
    if (c >= 0x10000 && c <= 0x10FFFF) {
      i += 4;
      return c;
    }
  }
  ++i;
  return kBad;
}

namespace {

void put(std::string& out, char32_t c) { append_utf8(out, c); }

// Latin Extended-A pairs: most are (even upper, odd lower); these ranges are (odd upper, even lower).
bool ext_a_odd_upper(char32_t c) { return (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E); }

char32_t to_lower(char32_t c) {
  if (c == 'I') return 0x131;  // I -> ı
  if (c == 0x130) return 'i';  // İ -> i
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F) {
    if (c == 0x178) return 0xFF;
    const bool upper = ext_a_odd_upper(c) ? (c & 1) : !(c & 1);
    return upper ? c + 1 : c;
  }
  return c;
}

char32_t to_upper(char32_t c) {
  if (c == 'i') return 0x130;  // i -> İ
  if (c == 0x131) return 'I';  // ı -> I
  if (c >= 'a' && c <= 'z') return c - 32;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
  if (c == 0xFF) return 0x178;
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x138 && c != 0x149 && c != 0x17F) {
    const bool lower = ext_a_odd_upper(c) ? !(c & 1) : (c & 1);
    return lower ? c - 1 : c;
  }
  return c;
}

// Folds one lower-cased code point to ASCII for search keys; 0 = drop it.
const char* fold_one(char32_t c) {
  switch (c) {
    case 0xE7:
      return "c";  // ç
    case 0x11F:
      return "g";  // ğ
    case 0x131:
    case 0xEE:
    case 0xEC:
    case 0xED:
    case 0xEF:
      return "i";  // ı î ì í ï
    case 0xF6:
    case 0xF4:
    case 0xF2:
    case 0xF3:
      return "o";  // ö ô ò ó
    case 0x15F:
      return "s";  // ş
    case 0xFC:
    case 0xFB:
    case 0xF9:
    case 0xFA:
      return "u";  // ü û ù ú
    case 0xE2:
    case 0xE0:
    case 0xE1:
    case 0xE4:
      return "a";  // â à á ä
    case 0xEA:
    case 0xE8:
    case 0xE9:
    case 0xEB:
      return "e";  // ê è é ë
    default:
      return nullptr;
  }
}

// Primary weight in the Turkish alphabet (case-insensitive), with q w x where Latin puts them.
int weight(char32_t lower_c) {
  static const char32_t kOrder[] = {'a', 'b',   'c', 0xE7, 'd',  'e', 'f', 'g',  0x11F, 'h', 0x131,
                                    'i', 'j',   'k', 'l',  'm',  'n', 'o', 0xF6, 'p',   'q', 'r',
                                    's', 0x15F, 't', 'u',  0xFC, 'v', 'w', 'x',  'y',   'z'};
  switch (lower_c) {  // circumflexed vowels sort with their base letter
    case 0xE2:
      lower_c = 'a';
      break;
    case 0xEE:
      lower_c = 'i';
      break;
    case 0xFB:
      lower_c = 'u';
      break;
    default:
      break;
  }
  if (lower_c >= 'a' && lower_c <= 'z') {  // (most letters of most names: kOrder's place by arithmetic)
    const char32_t c = lower_c;
    return 1000 + static_cast<int>(c - 'a') + (c >= 'd') + (c >= 'h') + (c >= 'i') + (c >= 'p') + (c >= 't') +
           (c >= 'v');  // after ç, ğ, ı, ö, ş, ü
  }
  for (int k = 0; k < static_cast<int>(sizeof kOrder / sizeof kOrder[0]); ++k)
    if (kOrder[k] == lower_c) return 1000 + k;
  if (lower_c >= '0' && lower_c <= '9') return 500 + static_cast<int>(lower_c - '0');
  if (lower_c < 0x80) return static_cast<int>(lower_c);  // spaces and punctuation first
  return 2000 + static_cast<int>(lower_c);
}

template <typename F>
std::string map_chars(std::string_view s, F f) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) put(out, f(next_code_point(s, i)));
  return out;
}

bool word_break(char32_t c) { return c == ' ' || c == '\t' || c == '-' || c == '(' || c == '/' || c == '\n'; }

}  // namespace

std::string lower(std::string_view s) { return map_chars(s, to_lower); }
std::string upper(std::string_view s) { return map_chars(s, to_upper); }

std::string title_case(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool start = true;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = next_code_point(s, i);
    put(out, start ? to_upper(c) : to_lower(c));
    start = word_break(c);
  }
  return out;
}

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = to_lower(next_code_point(s, i));
    if (const char* f = fold_one(c))
      out += f;
    else
      put(out, c);
  }
  return out;
}

std::string slug(std::string_view s) {
  const std::string f = fold(s);
  std::string out;
  for (char ch : f) {
    const bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (alnum)
      out += ch;
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

bool less(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const char32_t ca = to_lower(next_code_point(a, i)), cb = to_lower(next_code_point(b, j));
    const int wa = weight(ca), wb = weight(cb);
    if (wa != wb) return wa < wb;
  }
  if ((i < a.size()) != (j < b.size())) return j < b.size();
  return a < b;  // equal ignoring case: a stable, deterministic tie-break
}

std::string sort_key(std::string_view s) {
  std::string key;
  key.reserve(s.size() * 3);
  for (std::size_t i = 0; i < s.size();) {
    const auto w = static_cast<std::uint32_t>(weight(to_lower(next_code_point(s, i))));  // below 2^24
    key += static_cast<char>(w >> 16);
    key += static_cast<char>((w >> 8) & 0xFF);
    key += static_cast<char>(w & 0xFF);
  }
  return key;
}

bool matches(std::string_view text, std::string_view query) {
  const std::string q = fold(query);
  if (q.empty()) return true;
  return fold(text).find(q) != std::string::npos;
}

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    if (next_code_point(s, i) == kBad) {
      // U+FFFD itself, correctly encoded, is valid.
      if (!(i - at == 3 && s.substr(at, 3) == "\xEF\xBF\xBD")) return false;
    }
  }
  return true;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::size_t display_width(std::string_view utf8) {
  std::size_t n = 0;
  for (const char c : utf8)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string drawable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const char32_t cp = next_code_point(s, i);
    if (cp > 0xFFFF || cp == 0x200D || cp == 0xFE0F) continue;
    out.append(s.substr(at, i - at));
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace sandik::turkish
