// sandik web — ImGui's ImFormatString/ImFormatStringV (IMGUI_DISABLE_DEFAULT_FORMAT_FUNCTIONS),
// and a stand-in for sscanf. With them the wasm carries no libc printf/scanf: ImGui's own
// vsnprintf calls (with formats only known at run time) linked all of musl's printf with
// 128-bit float arithmetic, ~20 KB. The widget's words never pass through here (they are made
// in src/ui/present.cpp); ImGui formats only its windows' internal names this way.
//
// Conversions: d i u x X c s p f %, with flags - and 0, a width and a precision (digits or *),
// and the length modifiers h l ll z j t (ignored: arguments are read at their promoted size).
#include <cmath>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "imgui.h"

namespace {

struct Out {
  char* buf;
  std::size_t size, n = 0;
  void put(char c) {
    if (n + 1 < size) buf[n] = c;
    ++n;
  }
  void pad(int count, char c) {
    while (count-- > 0) put(c);
  }
};

// Digits of `v` in `base` into `tmp` (backwards); returns how many.
int digits(char* tmp, std::uint64_t v, unsigned base, bool upper) {
  const char* set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  int k = 0;
  do {
    tmp[k++] = set[v % base];
    v /= base;
  } while (v);
  return k;
}

void field(Out& o, const char* sign, const char* body, int len, int width, bool left, bool zero) {
  const int slen = static_cast<int>(std::strlen(sign));
  const int fill = width - len - slen;
  if (!left && !zero) o.pad(fill, ' ');
  for (const char* s = sign; *s; ++s) o.put(*s);
  if (!left && zero) o.pad(fill, '0');
  for (int i = 0; i < len; ++i) o.put(body[i]);
  if (left) o.pad(fill, ' ');
}

}  // namespace

int ImFormatStringV(char* buf, std::size_t buf_size, const char* fmt, va_list args) {
  Out o{buf, buf_size};
  char tmp[64];
  for (const char* p = fmt; *p; ++p) {
    if (*p != '%') {
      o.put(*p);
      continue;
    }
    ++p;
    bool left = false, zero = false;
    for (;; ++p) {
      if (*p == '-')
        left = true;
      else if (*p == '0')
        zero = true;
      else if (*p != '+' && *p != ' ' && *p != '#')
        break;
    }
    int width = 0, precision = -1;
    if (*p == '*') {
      width = va_arg(args, int);
      ++p;
    } else {
      while (*p >= '0' && *p <= '9') width = width * 10 + (*p++ - '0');
    }
    if (*p == '.') {
      ++p;
      precision = 0;
      if (*p == '*') {
        precision = va_arg(args, int);
        ++p;
      } else {
        while (*p >= '0' && *p <= '9') precision = precision * 10 + (*p++ - '0');
      }
    }
    int longs = 0;
    while (*p == 'h' || *p == 'l' || *p == 'z' || *p == 'j' || *p == 't') longs += *p++ == 'l';
    switch (*p) {
      case 'd':
      case 'i': {
        const long long v = longs >= 2 ? va_arg(args, long long) : longs ? va_arg(args, long) : va_arg(args, int);
        const std::uint64_t mag = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
        int k = digits(tmp, mag, 10, false);
        char body[64];
        for (int i = 0; i < k; ++i) body[i] = tmp[k - 1 - i];
        field(o, v < 0 ? "-" : "", body, k, width, left, zero);
        break;
      }
      case 'u':
      case 'x':
      case 'X':
      case 'p': {
        const std::uint64_t v = *p == 'p'    ? reinterpret_cast<std::uintptr_t>(va_arg(args, void*))
                                : longs >= 2 ? va_arg(args, unsigned long long)
                                : longs      ? va_arg(args, unsigned long)
                                             : va_arg(args, unsigned);
        const int k = digits(tmp, v, *p == 'u' ? 10 : 16, *p == 'X');
        char body[64];
        for (int i = 0; i < k; ++i) body[i] = tmp[k - 1 - i];
        field(o, "", body, k, width, left, zero);
        break;
      }
      case 'c': {
        const char c = static_cast<char>(va_arg(args, int));
        field(o, "", &c, 1, width, left, false);
        break;
      }
      case 's': {
        const char* s = va_arg(args, const char*);
        if (!s) s = "(null)";
        int len = 0;
        while (s[len] && (precision < 0 || len < precision)) ++len;
        field(o, "", s, len, width, left, false);
        break;
      }
      case 'f':
      case 'F':
      case 'g': {
        double v = va_arg(args, double);
        const int prec = precision < 0 ? 6 : precision > 9 ? 9 : precision;
        const bool negative = std::signbit(v);
        v = std::fabs(v);
        if (!std::isfinite(v) || v >= 9e15) {
          field(o, negative ? "-" : "", std::isnan(v) ? "nan" : "inf", 3, width, left, false);
          break;
        }
        double scale = 1;
        for (int i = 0; i < prec; ++i) scale *= 10;
        const std::uint64_t all = static_cast<std::uint64_t>(std::llround(v * scale));
        const std::uint64_t whole = all / static_cast<std::uint64_t>(scale),
                            frac = all % static_cast<std::uint64_t>(scale);
        char body[64];
        int k = digits(tmp, whole, 10, false), n = 0;
        for (int i = 0; i < k; ++i) body[n++] = tmp[k - 1 - i];
        if (prec > 0) {
          body[n++] = '.';
          k = digits(tmp, frac, 10, false);
          for (int i = k; i < prec; ++i) body[n++] = '0';
          for (int i = 0; i < k; ++i) body[n++] = tmp[k - 1 - i];
        }
        field(o, negative ? "-" : "", body, n, width, left, zero);
        break;
      }
      case '%':
        o.put('%');
        break;
      case '\0':
        --p;
        break;
      default:
        o.put('%'), o.put(*p);
    }
  }
  if (buf_size) buf[o.n < buf_size ? o.n : buf_size - 1] = '\0';
  return static_cast<int>(o.n < buf_size ? o.n : buf_size ? buf_size - 1 : 0);
}

int ImFormatString(char* buf, std::size_t buf_size, const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  const int n = ImFormatStringV(buf, buf_size, fmt, args);
  va_end(args);
  return n;
}

// ImGui reads its .ini settings with sscanf; the widget sets no IniFilename, so nothing is ever
// read (linked with --wrap=sscanf).
extern "C" int __wrap_sscanf(const char*, const char*, ...) { return 0; }

// ImGuiListClipper ends the current ImGui table's row, if any (linked with --wrap): the widget
// draws its tables itself and never begins an ImGui table, so there is never one (1.5 KB of
// table code left out).
struct ImGuiTable;
extern "C" void __wrap__ZN5ImGui11TableEndRowEP10ImGuiTable(ImGuiTable*) {}
// No ImGui tables: no settings handler for them; no .ini file (IniFilename is null); no log.
extern "C" void __wrap__ZN5ImGui27TableSettingsInstallHandlerEP12ImGuiContext(void*) {}
extern "C" void __wrap__ZN5ImGui21SaveIniSettingsToDiskEPKc(const char*) {}
extern "C" void __wrap__ZN5ImGui23LoadIniSettingsFromDiskEPKc(const char*) {}
extern "C" void __wrap__ZN5ImGui15LogRenderedTextEPK6ImVec2PKcS4_(const void*, const char*, const char*) {}
// No popup or tooltip windows (their places are never asked for), no ImGui navigation to highlight.
ImVec2 no_popup_position(void*) __asm__("__wrap__ZN5ImGui25FindBestWindowPosForPopupEP11ImGuiWindow");
ImVec2 no_popup_position(void*) { return ImVec2(0, 0); }
extern "C" void __wrap__ZN5ImGui21ClosePopupsOverWindowEP11ImGuiWindowb(void*, bool) {}
extern "C" void __wrap__ZN5ImGui18RenderNavHighlightERK6ImRectji(const void*, unsigned, int) {}
extern "C" void __wrap__ZN5ImGui13NavInitWindowEP11ImGuiWindowb(void*, bool) {}
extern "C" void __wrap__ZN5ImGui15StyleColorsDarkEP10ImGuiStyle(void*) {}
extern "C" void __wrap__ZN5ImGui20NavMoveRequestSubmitEiiii(int, int, int, int) {}
